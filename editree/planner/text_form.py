"""Read the canonical text form back into a Plan (`plan.lark`); the printer is editree/ops/text.py.

keep("person")
blur(background, amount=0.5)
if exists("dog") { add("dog", prompt="a hat") } else { adjust(all, property=brightness, amount=0.3) }
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, get_args

from lark import Lark, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from pydantic import ValidationError

from editree.errors import PlanValidationError
from editree.ops import (
    ALL,
    BACKGROUND,
    BoxRegion,
    Constraint,
    Edit,
    If,
    MaskRegion,
    MinusRegion,
    NotRegion,
    PhraseRegion,
    Plan,
    PointsRegion,
    Qualifiers,
    UnionRegion,
)
from editree.ops.conditions import AndCond, Exists, ImageIs, NotCond, OrCond
from editree.ops.regions import REGION_NODES
from editree.ops.validation import describe_validation_error
from editree.planner.grammar_cache import load_grammar

_QUALIFIER_FIELDS = {
    **dict.fromkeys(("left", "right", "top", "bottom", "center"), "position"),
    **dict.fromkeys(("largest", "smallest"), "size"),
    **dict.fromkeys(("all", "each"), "count"),
}


@lru_cache(maxsize=1)
def _parser() -> Lark:
    # Positions on every node, so that an error found while building the plan (a bad argument, an unknown op)
    # names its line and column like a syntax error does.
    return load_grammar("plan", parser="lalr", start="plan", propagate_positions=True)


def _region_args(op: str) -> list[str]:
    """The names of `op`'s arguments that hold a region (move's `beside`)."""
    cls = Edit.by_op.get(op)
    if cls is None:
        return []
    args_model = cls.model_fields["args"].annotation
    return [name for name, info in args_model.model_fields.items() if _holds_region(info.annotation)]


def _holds_region(annotation: Any) -> bool:
    return annotation in REGION_NODES or any(_holds_region(inner) for inner in get_args(annotation))


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@v_args(inline=True)
class _ToPlan(Transformer):
    def plan(self, *lines: Any) -> tuple[list[Constraint], list[Any]]:
        constraints = [x for x in lines if isinstance(x, Constraint)]
        steps = [x for x in lines if not isinstance(x, Constraint)]
        return constraints, steps

    def constraint(self, kind: Any, region: Any) -> Constraint:
        return Constraint(kind=str(kind), region=region)

    def edit(self, op: Any, region: Any, *rest: Any) -> Edit:
        pairs = [a for a in rest if isinstance(a, tuple)]
        args = dict(pairs)
        if len(args) < len(pairs):
            twice = next(name for name, _ in pairs if sum(n == name for n, _ in pairs) > 1)
            raise ValueError(f"argument {twice!r} is given twice; give each argument once")
        fallback = any(str(a) == "[fallback]" for a in rest if not isinstance(a, tuple))
        for name in _region_args(str(op)):
            if isinstance(args.get(name), str):
                raise ValueError(f"argument {name!r} is a region; write it as {name}=region({_quote(args[name])})")
        return Edit.make(str(op), region, args, fallback=fallback)

    def arg(self, name: Any, value: Any) -> tuple[str, Any]:
        return str(name), value

    def number(self, token: Any) -> float | int:
        text = str(token)
        return int(text) if text.lstrip("-").isdigit() else float(text)

    def string(self, token: Any) -> str:
        return json.loads(str(token))

    def name(self, token: Any) -> Any:
        return {"true": True, "false": False}.get(str(token), str(token))

    def list(self, *values: Any) -> tuple[Any, ...]:
        # a tuple: the IR's list-valued args (a crop box) are strict tuples, and JSON gives them as lists too
        return tuple(values)

    def region_value(self, region: Any) -> Any:
        return region

    def if_step(self, cond: Any, *branches: Any) -> If:
        then = branches[0] if branches else []
        other = branches[1] if len(branches) > 1 else []
        return If(cond=cond, then=tuple(then), else_=tuple(other))

    def steps(self, *steps: Any) -> list[Any]:
        return list(steps)

    def exists(self, region: Any) -> Exists:
        return Exists(region=region)

    def image_is(self, name: Any) -> ImageIs:
        return ImageIs(property=str(name))

    def not_cond(self, cond: Any) -> NotCond:
        return NotCond(cond=cond)

    def and_cond(self, *conds: Any) -> AndCond:
        return AndCond(conds=conds)

    def or_cond(self, *conds: Any) -> OrCond:
        return OrCond(conds=conds)

    def all(self) -> Any:
        return ALL

    def background(self) -> Any:
        return BACKGROUND

    def phrase(self, text: Any, qualifiers: dict[str, Any] | None = None) -> PhraseRegion:
        return PhraseRegion(text=json.loads(str(text)), qualifiers=Qualifiers(**(qualifiers or {})))

    def qualifiers(self, *items: tuple[str, Any]) -> dict[str, Any]:
        return dict(items)

    def qual_name(self, token: Any) -> tuple[str, Any]:
        value = str(token)
        if value not in _QUALIFIER_FIELDS:
            raise ValueError(f"unknown qualifier {value!r}")
        return _QUALIFIER_FIELDS[value], value

    def qual_index(self, token: Any) -> tuple[str, Any]:
        return "count", int(token)

    def not_region(self, region: Any) -> NotRegion:
        return NotRegion(region=region)

    def union(self, *regions: Any) -> UnionRegion:
        return UnionRegion(regions=regions)

    def minus(self, region: Any, exclude: Any) -> MinusRegion:
        return MinusRegion(region=region, exclude=exclude)

    def box(self, x0: Any, y0: Any, x1: Any, y1: Any, units: Any = None) -> BoxRegion:
        return BoxRegion(box=tuple(float(v) for v in (x0, y0, x1, y1)), units="fraction" if units else "px")

    def point(self, x: Any, y: Any) -> tuple[float, float]:
        return float(x), float(y)

    def points(self, *items: Any) -> PointsRegion:
        fraction = bool(items) and not isinstance(items[-1], tuple)
        points = [p for p in items if isinstance(p, tuple)]
        return PointsRegion(points=tuple(points), units="fraction" if fraction else "px")

    def mask(self, name: Any) -> MaskRegion:
        return MaskRegion(name=json.loads(str(name)))


def parse_plan_text(text: str, source: str = "plan text") -> Plan:
    """Raises PlanValidationError (exit 4) naming the line and column of the first problem."""
    try:
        tree = _parser().parse(text)
        constraints, steps = _ToPlan().transform(tree)
        return Plan(constraints=tuple(constraints), steps=tuple(steps))
    except UnexpectedInput as exc:
        line, column, what = _unexpected(exc, text)
        raise PlanValidationError(
            f"{source}: line {line} column {column}: unexpected {what}; expected the form printed by "
            "`editree plan --format text` (one constraint or step a line)"
        ) from None
    except VisitError as exc:
        inner = exc.orig_exc
        detail = describe_validation_error(inner) if isinstance(inner, ValidationError) else str(inner)
        meta = getattr(exc.obj, "meta", None)
        where = f"line {meta.line} column {meta.column}: " if meta is not None and not meta.empty else ""
        raise PlanValidationError(f"{source}: {where}{detail}") from None
    except ValidationError as exc:
        raise PlanValidationError(f"{source}: {describe_validation_error(exc)}") from None


def _unexpected(exc: UnexpectedInput, text: str) -> tuple[int, int, str]:
    """(line, column, what was found) for a syntax error; the end of the text for a plan cut short."""
    if isinstance(exc, UnexpectedCharacters):
        return exc.line, exc.column, f"character {exc.char!r}"
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedToken) and token is not None and token.type != "$END":
        return exc.line, exc.column, repr(str(token))
    end = len(text.rstrip())
    open_bracket = any(text.count(a) > text.count(b) for a, b in ("()", "{}", "[]"))
    what = "end of text" + (" (a bracket is left open)" if open_bracket else "")
    return text.count("\n", 0, end) + 1, end - text.rfind("\n", 0, end), what
