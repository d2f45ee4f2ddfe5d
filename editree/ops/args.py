"""Arguments of each op. Text meant for models is English; `*_source` keeps the words as written.

Amounts are normalised so that plans are comparable across images and engines:
- `adjust.amount` is signed in [-1, 1]: +0.15 "a bit more", +0.3 "more", +0.6 "much more".
- `blur.amount` and `atmosphere.amount` are strengths in (0, 1].
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from editree.ops.base import Node, NonEmptyText

AdjustProperty = Literal[
    "brightness",
    "contrast",
    "saturation",
    "exposure",
    "warmth",
    "tint",
    "hue",
    "sharpness",
    "vibrance",
    "highlights",
    "shadows",
]
AtmosphereEffect = Literal["fog", "haze", "rain", "snow", "night", "sunset"]
EnhanceKind = Literal["denoise", "dehaze", "deblur", "auto"]

SignedAmount = Annotated[float, Field(ge=-1.0, le=1.0)]
Strength = Annotated[float, Field(gt=0.0, le=1.0)]


class OpArgs(Node):
    """Base of every op's arguments."""


class ReplaceArgs(OpArgs):
    prompt: NonEmptyText
    prompt_source: str | None = None


class RemoveArgs(OpArgs):
    pass


class AddArgs(OpArgs):
    prompt: NonEmptyText
    prompt_source: str | None = None


class RecolorArgs(OpArgs):
    color: NonEmptyText
    color_source: str | None = None


class RestyleArgs(OpArgs):
    style: NonEmptyText
    style_source: str | None = None


class AdjustArgs(OpArgs):
    property: AdjustProperty
    amount: SignedAmount

    @model_validator(mode="after")
    def _nonzero(self) -> AdjustArgs:
        if self.amount == 0:
            raise ValueError("amount is 0, which changes nothing; expected a non-zero value in [-1, 1]")
        return self


class BlurArgs(OpArgs):
    amount: Strength = 0.5


class AtmosphereArgs(OpArgs):
    effect: AtmosphereEffect
    amount: Strength = 0.5


class EnhanceArgs(OpArgs):
    kind: EnhanceKind = "auto"


class CropArgs(OpArgs):
    """Either a box (XYXY, end-exclusive) or an aspect ratio such as "16:9" (centred)."""

    box: tuple[float, float, float, float] | None = None
    units: Literal["px", "fraction"] = "px"
    aspect: Annotated[str, Field(pattern=r"^\d{1,4}:\d{1,4}$")] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> CropArgs:
        if (self.box is None) == (self.aspect is None):
            raise ValueError("crop needs exactly one of `box` or `aspect`")
        if self.box is not None:
            x0, y0, x1, y1 = self.box
            if min(self.box) < 0 or not (x0 < x1 and y0 < y1):
                raise ValueError(f"crop box {list(self.box)} is empty or negative; expected XYXY with x0<x1, y0<y1")
        if self.aspect is not None and "0" in self.aspect.split(":"):
            raise ValueError(f"aspect {self.aspect!r} has a zero side")
        return self


class RotateArgs(OpArgs):
    """Counter-clockwise degrees; `auto` levels the horizon by an estimated angle ("straighten")."""

    degrees: Annotated[float, Field(gt=-360.0, lt=360.0)] = 0.0
    expand: bool = True
    auto: bool = False

    @model_validator(mode="after")
    def _some(self) -> RotateArgs:
        if self.degrees == 0 and not self.auto:
            raise ValueError("rotate needs non-zero `degrees`, or `auto: true` to level the horizon")
        return self


class FlipArgs(OpArgs):
    direction: Literal["horizontal", "vertical"] = "horizontal"


class ResizeArgs(OpArgs):
    width: Annotated[int, Field(ge=1, le=65536)] | None = None
    height: Annotated[int, Field(ge=1, le=65536)] | None = None
    scale: Annotated[float, Field(gt=0.0, le=16.0)] | None = None

    @model_validator(mode="after")
    def _some(self) -> ResizeArgs:
        if self.scale is not None and (self.width is not None or self.height is not None):
            raise ValueError("resize takes either `scale` or `width`/`height`, not both")
        if self.scale is None and self.width is None and self.height is None:
            raise ValueError("resize needs `scale`, `width` or `height`")
        return self


class ExtendArgs(OpArgs):
    """Outpaint by the given margins, in pixels or in fractions of the image's width/height."""

    left: Annotated[float, Field(ge=0, le=16384)] = 0
    right: Annotated[float, Field(ge=0, le=16384)] = 0
    top: Annotated[float, Field(ge=0, le=16384)] = 0
    bottom: Annotated[float, Field(ge=0, le=16384)] = 0
    units: Literal["px", "fraction"] = "px"
    prompt: str | None = None

    @model_validator(mode="after")
    def _some(self) -> ExtendArgs:
        margins = (self.left, self.right, self.top, self.bottom)
        if sum(margins) == 0:
            raise ValueError("extend needs at least one non-zero margin")
        if self.units == "fraction" and max(margins) > 4:
            raise ValueError(f"extend margins {list(margins)} are fractions of the image; expected at most 4")
        return self


class EditArgs(OpArgs):
    instruction: NonEmptyText
    instruction_source: str | None = None
