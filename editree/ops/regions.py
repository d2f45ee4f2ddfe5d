"""Regions: descriptions of where an edit applies, never pixels.

The engine turns a Region into a mask; the planner only describes. Boxes are XYXY and
end-exclusive, in pixels or in fractions of the image size.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from editree.ops.base import Node, NonEmptyText

Position = Literal["left", "right", "top", "bottom", "center"]
Size = Literal["largest", "smallest"]


class Qualifiers(Node):
    """Which instances of a phrase are meant: "the car on the left", "the largest dog", "all cars"."""

    position: Position | None = None
    size: Size | None = None
    count: Literal["all", "each"] | Annotated[int, Field(ge=1, le=100)] | None = None
    """"all"/"each" for every instance; an integer N for "the N-th" (1-based, reading order)."""


class AllRegion(Node):
    kind: Literal["all"] = "all"


class BackgroundRegion(Node):
    """The complement of the salient subjects (segmenting the word "background" works poorly)."""

    kind: Literal["background"] = "background"


class PhraseRegion(Node):
    """An open-vocabulary phrase found by a segmenter. `text` is English; `source` the words as written."""

    kind: Literal["phrase"] = "phrase"
    text: NonEmptyText
    source: str | None = None
    qualifiers: Qualifiers = Qualifiers()


class NotRegion(Node):
    kind: Literal["not"] = "not"
    region: Region


class UnionRegion(Node):
    kind: Literal["union"] = "union"
    regions: tuple[Region, ...] = Field(min_length=2, max_length=64)


class MinusRegion(Node):
    kind: Literal["minus"] = "minus"
    region: Region
    exclude: Region


class BoxRegion(Node):
    """An axis-aligned box `[x0, y0, x1, y1]`, end-exclusive; `units` says pixels or fractions."""

    kind: Literal["box"] = "box"
    box: tuple[float, float, float, float]
    units: Literal["px", "fraction"] = "px"

    @model_validator(mode="after")
    def _check_box(self) -> BoxRegion:
        x0, y0, x1, y1 = self.box
        if min(self.box) < 0:
            raise ValueError(f"box {list(self.box)} has a negative coordinate; expected x0,y0,x1,y1 >= 0")
        if not (x0 < x1 and y0 < y1):
            raise ValueError(f"box {list(self.box)} is empty; expected x0 < x1 and y0 < y1 (XYXY order)")
        if self.units == "fraction" and max(self.box) > 1:
            raise ValueError(f"box {list(self.box)} has units 'fraction' but a coordinate above 1")
        return self


class PointsRegion(Node):
    """Points on one object, `[[x, y], …]` in pixels or fractions of the image: a SAM model grows them into the
    object's mask. What a plan file uses where a click says more than words ("this cup")."""

    kind: Literal["points"] = "points"
    points: tuple[tuple[float, float], ...] = Field(min_length=1, max_length=32)
    units: Literal["px", "fraction"] = "px"

    @model_validator(mode="after")
    def _check_points(self) -> PointsRegion:
        for x, y in self.points:
            if min(x, y) < 0:
                raise ValueError(f"point [{x:g}, {y:g}] has a negative coordinate; expected x, y >= 0")
            if self.units == "fraction" and max(x, y) > 1:
                raise ValueError(f"point [{x:g}, {y:g}] has units 'fraction' but a coordinate above 1")
        return self


class MaskRegion(Node):
    """A user-supplied mask, by the name given on the command line (`--mask NAME=path.png`)."""

    kind: Literal["mask"] = "mask"
    name: NonEmptyText


Region = Annotated[
    Union[
        AllRegion,
        BackgroundRegion,
        PhraseRegion,
        NotRegion,
        UnionRegion,
        MinusRegion,
        BoxRegion,
        PointsRegion,
        MaskRegion,
    ],
    Field(discriminator="kind"),
]

REGION_NODES: tuple[type[Node], ...] = (
    AllRegion,
    BackgroundRegion,
    PhraseRegion,
    NotRegion,
    UnionRegion,
    MinusRegion,
    BoxRegion,
    PointsRegion,
    MaskRegion,
)
"""Every region node type: what `isinstance` checks against to tell a region from other values (an op's args may
hold one, as `move` does with `beside`)."""


ALL = AllRegion()
BACKGROUND = BackgroundRegion()


def phrase(text: str, source: str | None = None, **qualifiers: object) -> PhraseRegion:
    """Shorthand used by the planner and tests: `phrase("car", position="left")`."""
    return PhraseRegion(text=text, source=source, qualifiers=Qualifiers(**qualifiers))
