"""The short canonical text form of a plan, for logs and for `editree plan --format text`.

keep("person")
blur(background, amount=0.5)
if exists("dog") { add("dog", prompt="a hat") } else { adjust(all, property=brightness, amount=0.3) }
"""

from __future__ import annotations

import json
import re

from editree.ops import conditions as c
from editree.ops import regions as r
from editree.ops.plan import Constraint, Plan
from editree.ops.steps import Edit, If, Step


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _num(value: float) -> str:
    return repr(int(value)) if float(value).is_integer() and not isinstance(value, bool) else repr(value)


def region_text(region: r.Region) -> str:
    if isinstance(region, r.AllRegion):
        return "all"
    if isinstance(region, r.BackgroundRegion):
        return "background"
    if isinstance(region, r.PhraseRegion):
        quals = [v if isinstance(v, str) else f"#{v}" for v in region.qualifiers.model_dump(exclude_none=True).values()]
        return _quote(region.text) + (f"[{', '.join(quals)}]" if quals else "")
    if isinstance(region, r.NotRegion):
        return f"not({region_text(region.region)})"
    if isinstance(region, r.UnionRegion):
        return f"union({', '.join(region_text(x) for x in region.regions)})"
    if isinstance(region, r.MinusRegion):
        return f"minus({region_text(region.region)}, {region_text(region.exclude)})"
    if isinstance(region, r.BoxRegion):
        return f"box({', '.join(_num(v) for v in region.box)}{', fraction' if region.units == 'fraction' else ''})"
    if isinstance(region, r.PointsRegion):
        xy = ", ".join(f"{_num(x)} {_num(y)}" for x, y in region.points)
        return f"points({xy}{', fraction' if region.units == 'fraction' else ''})"
    if isinstance(region, r.MaskRegion):
        return f"mask({_quote(region.name)})"
    raise TypeError(f"not a region: {region!r}")


def cond_text(cond: c.Cond) -> str:
    if isinstance(cond, c.Exists):
        return f"exists({region_text(cond.region)})"
    if isinstance(cond, c.ImageIs):
        return f"image_is({cond.property})"
    if isinstance(cond, c.NotCond):
        return f"not({cond_text(cond.cond)})"
    if isinstance(cond, (c.AndCond, c.OrCond)):
        return f"{cond.kind}({', '.join(cond_text(x) for x in cond.conds)})"
    raise TypeError(f"not a condition: {cond!r}")


def _arg_text(value: object) -> str:
    if isinstance(value, r.REGION_NODES):  # move's `beside`: region("table"[left])
        return f"region({region_text(value)})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _num(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_arg_text(v) for v in value) + "]"
    text = str(value)
    return text if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text) else _quote(text)


def _shown_args(args: object) -> dict[str, object]:
    """The args worth printing: set, and either required, an amount, or different from the default."""
    fields = type(args).model_fields
    shown = {}
    for name, info in fields.items():
        value = getattr(args, name)
        if value is None or (name != "amount" and not info.is_required() and value == info.default):
            continue
        shown[name] = value if isinstance(value, r.REGION_NODES) else args.model_dump(include={name})[name]
    return shown


def edit_text(step: Edit) -> str:
    args = _shown_args(step.args)
    parts = [region_text(step.target), *(f"{k}={_arg_text(v)}" for k, v in args.items())]
    return f"{step.op}({', '.join(parts)})" + (" [fallback]" if step.fallback else "")


def step_text(step: Step) -> str:
    if isinstance(step, If):
        then = "; ".join(step_text(s) for s in step.then)
        text = f"if {cond_text(step.cond)} {{ {then} }}"
        if step.else_:
            text += f" else {{ {'; '.join(step_text(s) for s in step.else_)} }}"
        return text
    return edit_text(step)


def constraint_text(constraint: Constraint) -> str:
    return f"{constraint.kind}({region_text(constraint.region)})"


def plan_text(plan: Plan) -> str:
    """One line per constraint and step."""
    return "\n".join([*(constraint_text(k) for k in plan.constraints), *(step_text(s) for s in plan.steps)])
