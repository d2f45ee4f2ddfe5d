"""Arguments of each op. Text meant for models is English; `*_source` keeps the words as written.

Amounts are normalised so that plans are comparable across images and engines:
- `adjust.amount` is signed in [-1, 1]: +0.15 "a bit more", +0.3 "more", +0.6 "much more".
- `blur.amount`, `atmosphere.amount` and `vignette.amount` are strengths in (0, 1].
- `move` offsets are fractions of the image's width/height unless `units` is "px"; `scale.factor` multiplies the
  object's size (2 = twice as big, 0.5 = half).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from editree.ops.base import Node, NonEmptyText
from editree.ops.regions import Region

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
    instruction: Annotated[str, Field(min_length=1, max_length=10000)]
    """Up to a whole instruction's length: a long descriptive prompt is one free-form edit holding all of it."""
    instruction_source: str | None = None


class VignetteArgs(OpArgs):
    """Darken the picture towards its edges; `amount` 1 is a strong vignette."""

    amount: Strength = 0.5


MovePlace = Literal["left", "right", "top", "bottom", "center", "top left", "top right", "bottom left", "bottom right"]
MoveRelation = Literal["left of", "right of", "above", "below", "next to", "in front of", "behind", "onto"]
Offset = Annotated[float, Field(ge=-65536.0, le=65536.0)]


class MoveArgs(OpArgs):
    """Where the target object goes: exactly one of a side or corner of the image (`to`), a place beside another
    region (`beside` with a `relation`; "next to" when it is absent, see `placement`), or an offset (`dx` and/or
    `dy`, rightwards and downwards, in fractions of the image's width/height or in pixels)."""

    to: MovePlace | None = None
    beside: Region | None = None
    relation: MoveRelation | None = None
    dx: Offset | None = None
    dy: Offset | None = None
    units: Literal["px", "fraction"] = "fraction"

    @property
    def placement(self) -> MoveRelation | None:
        """The relation to `beside`: "next to" when a plan gives the region alone."""
        return (self.relation or "next to") if self.beside is not None else None

    @model_validator(mode="after")
    def _one_place(self) -> MoveArgs:
        offset = self.dx is not None or self.dy is not None
        given = [name for name, present in (("to", self.to), ("beside", self.beside), ("dx/dy", offset)) if present]
        if len(given) != 1:
            what = f"got {' and '.join(given)}" if given else "got none"
            raise ValueError(
                f"move needs exactly one of `to` (a side or corner), `beside` (a region, with a `relation`) "
                f"or an offset (`dx`/`dy`); {what}"
            )
        if self.relation is not None and self.beside is None:
            raise ValueError(f"relation {self.relation!r} needs `beside`: the region the object goes {self.relation}")
        if offset and (self.dx or 0) == 0 and (self.dy or 0) == 0:
            raise ValueError("move offset dx=0, dy=0 changes nothing; expected a non-zero `dx` or `dy`")
        if offset and self.units == "fraction" and max(abs(self.dx or 0), abs(self.dy or 0)) > 1:
            raise ValueError(
                f"move offset ({self.dx or 0:g}, {self.dy or 0:g}) has units 'fraction' but a value beyond 1; "
                'expected fractions of the image in [-1, 1], or units "px"'
            )
        return self


class ScaleArgs(OpArgs):
    """Resize the target object in place: `factor` 2 is twice as big; `anchor` is the point that stays put (the
    middle of the object's base, so it stays standing on what it stood on, or its centre)."""

    factor: Annotated[float, Field(gt=0.0, le=16.0)]
    anchor: Literal["base", "center"] = "base"

    @model_validator(mode="after")
    def _not_one(self) -> ScaleArgs:
        if self.factor == 1:
            raise ValueError("scale factor 1 changes nothing; expected a factor in (0, 16] other than 1")
        return self


class UpscaleArgs(OpArgs):
    """Super-resolution of the whole picture by an integer factor."""

    factor: Literal[2, 3, 4] = 2
