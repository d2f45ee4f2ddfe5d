"""Conditions for `If` steps, evaluated by the engine on the current canvas when reached."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from editree.ops.base import Node
from editree.ops.regions import Region

ImageProperty = Literal["dark", "bright", "blurry", "grayscale", "portrait", "landscape"]


class Exists(Node):
    kind: Literal["exists"] = "exists"
    region: Region


class ImageIs(Node):
    kind: Literal["image_is"] = "image_is"
    property: ImageProperty


class NotCond(Node):
    kind: Literal["not"] = "not"
    cond: Cond


class AndCond(Node):
    kind: Literal["and"] = "and"
    conds: tuple[Cond, ...] = Field(min_length=2, max_length=16)


class OrCond(Node):
    kind: Literal["or"] = "or"
    conds: tuple[Cond, ...] = Field(min_length=2, max_length=16)


Cond = Annotated[Union[Exists, ImageIs, NotCond, AndCond, OrCond], Field(discriminator="kind")]
