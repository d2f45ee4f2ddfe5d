"""Turn pydantic's validation errors into one line a person can act on.

pydantic reports locations like `('steps', 2, 'edit', 'blur', 'args', 'amount')`, where `edit` and
`blur` are the tags of discriminated unions. We print the JSON path as a user sees it in the file:
`steps[2].args.amount`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

# Fields whose value is a tagged union, and whether they hold a list of them.
_UNION_FIELDS = {"target": False, "region": False, "exclude": False, "cond": False, "beside": False}
_UNION_LIST_FIELDS = {"steps", "then", "else", "regions", "conds"}

_EXPECTED = {
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "int_type": "expected an integer",
    "int_parsing": "expected an integer",
    "int_from_float": "expected an integer",
    "string_type": "expected a string",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected an object",
    "model_type": "expected an object",
    "model_attributes_type": "expected an object",
    "missing": "missing required field",
    "extra_forbidden": "unknown field",
}


def format_loc(loc: tuple[Any, ...]) -> str:
    """`('steps', 0, 'edit', 'blur', 'args', 'amount')` -> `steps[0].args.amount`."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        item = loc[i]
        if isinstance(item, int):
            parts.append(f"[{item}]")
            i += 1
            continue
        parts.append(("." if parts else "") + str(item))
        i += 1
        tagged = item in _UNION_FIELDS
        if item in _UNION_LIST_FIELDS and i < len(loc) and isinstance(loc[i], int):
            parts.append(f"[{loc[i]}]")
            i += 1
            tagged = True
        if tagged and i < len(loc) and isinstance(loc[i], str):
            tag = loc[i]
            i += 1
            # An edit step is tagged twice: by kind ("edit") and then by op ("blur").
            if tag == "edit" and item in ("steps", "then", "else") and i < len(loc) and isinstance(loc[i], str):
                i += 1
    return "".join(parts)


def _show(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe_error(err: dict[str, Any]) -> str:
    kind = err["type"]
    loc = tuple(err.get("loc", ()))
    ctx = err.get("ctx") or {}
    path = format_loc(loc)
    got = err.get("input")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        disc = str(ctx.get("discriminator", "'kind'")).strip("'")
        path = f"{path}.{disc}" if path else disc
        if kind == "union_tag_not_found":
            return f"{path}: missing required field"
        expected = ctx.get("expected_tags", "")
        what = "op" if disc == "op" else disc
        return f"{path}: unknown {what} {_show(ctx.get('tag'))}; expected one of {expected}"
    if kind == "literal_error":
        return f"{path}: expected one of {ctx.get('expected')}, got {_show(got)}"
    if kind == "value_error":
        return f"{path}: {ctx.get('error', err['msg'])}" if path else str(ctx.get("error", err["msg"]))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<", "less_than_equal": "<="}[kind]
        limit = next(iter(ctx.values()), "?")
        return f"{path}: expected a number {bound} {limit}, got {_show(got)}"
    if kind in ("too_short", "string_too_short"):
        unit = "characters" if kind.startswith("string") else "items"
        return f"{path}: expected at least {ctx.get('min_length')} {unit}, got {_show(got)}"
    if kind in ("too_long", "string_too_long"):
        unit = "characters" if kind.startswith("string") else "items"
        return f"{path}: expected at most {ctx.get('max_length')} {unit}, got {len(got) if got is not None else '?'}"
    if kind == "missing":
        return f"{path}: missing required field"
    if kind == "extra_forbidden":
        return f"{path}: unknown field (remove it, or check its spelling)"
    expected = _EXPECTED.get(kind)
    if expected:
        return f"{path}: {expected}, got {_show(got)}"
    return f"{path}: {err['msg'][:1].lower()}{err['msg'][1:]}, got {_show(got)}"


def describe_validation_error(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = describe_error(errors[0])
    if len(errors) > 1:
        first += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return first
