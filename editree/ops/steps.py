"""Steps: `Edit(op, target, args)` and `If(cond, then, else)`, run in order by the engine.

Each op is its own `Edit` subclass with typed args, discriminated by `op`; this is what gives a
plan file's errors an exact path (`steps[2].args.amount`) and the JSON Schema one entry per op.
Build edits generically with `Edit.make(op, target, args)`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Field

from editree.ops import args as a
from editree.ops.base import Node, Span
from editree.ops.conditions import Cond
from editree.ops.regions import ALL, Region

PlannerName = Literal["grammar", "llm"]


class Edit(Node):
    kind: Literal["edit"] = "edit"
    op: str
    target: Region = ALL
    args: a.OpArgs
    span: Span | None = None
    fallback: bool = False
    """True when the planner could only express the clause as a free-form `edit`."""
    planner: PlannerName | None = None
    """Which planner produced the node ("grammar" or "llm"); absent in hand-written plans."""

    by_op: ClassVar[dict[str, type[Edit]]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        op = cls.model_fields["op"].default
        if isinstance(op, str):
            Edit.by_op[op] = cls

    @staticmethod
    def make(
        op: str,
        target: Region = ALL,
        args: a.OpArgs | dict[str, Any] | None = None,
        span: Span | None = None,
        fallback: bool = False,
        planner: PlannerName | None = None,
    ) -> Edit:
        """Build the `Edit` subclass for `op`; `args` may be a dict of that op's arguments."""
        try:
            cls = Edit.by_op[op]
        except KeyError:
            raise ValueError(f"unknown op {op!r}; expected one of {', '.join(sorted(Edit.by_op))}") from None
        args_cls = cls.model_fields["args"].annotation
        if not isinstance(args, a.OpArgs):
            args = args_cls(**(args or {}))
        return cls(target=target, args=args, span=span, fallback=fallback, planner=planner)


class ReplaceEdit(Edit):
    op: Literal["replace"] = "replace"
    args: a.ReplaceArgs


class RemoveEdit(Edit):
    op: Literal["remove"] = "remove"
    args: a.RemoveArgs = a.RemoveArgs()


class AddEdit(Edit):
    op: Literal["add"] = "add"
    args: a.AddArgs


class RecolorEdit(Edit):
    op: Literal["recolor"] = "recolor"
    args: a.RecolorArgs


class RestyleEdit(Edit):
    op: Literal["restyle"] = "restyle"
    args: a.RestyleArgs


class AdjustEdit(Edit):
    op: Literal["adjust"] = "adjust"
    args: a.AdjustArgs


class BlurEdit(Edit):
    op: Literal["blur"] = "blur"
    args: a.BlurArgs = a.BlurArgs()


class AtmosphereEdit(Edit):
    op: Literal["atmosphere"] = "atmosphere"
    args: a.AtmosphereArgs


class EnhanceEdit(Edit):
    op: Literal["enhance"] = "enhance"
    args: a.EnhanceArgs = a.EnhanceArgs()


class CropEdit(Edit):
    op: Literal["crop"] = "crop"
    args: a.CropArgs


class RotateEdit(Edit):
    op: Literal["rotate"] = "rotate"
    args: a.RotateArgs


class FlipEdit(Edit):
    op: Literal["flip"] = "flip"
    args: a.FlipArgs = a.FlipArgs()


class ResizeEdit(Edit):
    op: Literal["resize"] = "resize"
    args: a.ResizeArgs


class ExtendEdit(Edit):
    op: Literal["extend"] = "extend"
    args: a.ExtendArgs


class VignetteEdit(Edit):
    op: Literal["vignette"] = "vignette"
    args: a.VignetteArgs = a.VignetteArgs()


class MoveEdit(Edit):
    op: Literal["move"] = "move"
    args: a.MoveArgs


class ScaleEdit(Edit):
    op: Literal["scale"] = "scale"
    args: a.ScaleArgs


class UpscaleEdit(Edit):
    op: Literal["upscale"] = "upscale"
    args: a.UpscaleArgs = a.UpscaleArgs()


class FreeformEdit(Edit):
    op: Literal["edit"] = "edit"
    args: a.EditArgs


EditStep = Annotated[
    Union[
        ReplaceEdit,
        RemoveEdit,
        AddEdit,
        RecolorEdit,
        RestyleEdit,
        AdjustEdit,
        BlurEdit,
        AtmosphereEdit,
        EnhanceEdit,
        CropEdit,
        RotateEdit,
        FlipEdit,
        ResizeEdit,
        ExtendEdit,
        VignetteEdit,
        MoveEdit,
        ScaleEdit,
        UpscaleEdit,
        FreeformEdit,
    ],
    Field(discriminator="op"),
]


class If(Node):
    kind: Literal["if"] = "if"
    cond: Cond
    then: tuple[Step, ...] = Field(default=(), max_length=256)
    else_: tuple[Step, ...] = Field(default=(), max_length=256, alias="else")
    span: Span | None = None
    planner: PlannerName | None = None

    model_config = Node.model_config | {"populate_by_name": True, "serialize_by_alias": True}


Step = Annotated[Union[EditStep, If], Field(discriminator="kind")]
