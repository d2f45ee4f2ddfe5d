"""The Plan: the only thing that crosses from the planner to the engine.

A plan is versioned and validated on construction and on load. Plan files, LLM output and JSON
from other programs are untrusted: `load_plan` turns every problem into one `PlanValidationError`
whose message names the JSON path (`steps[2].args.amount: expected a number, got "lots"`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from editree.errors import PlanValidationError
from editree.ops.base import Node, Span
from editree.ops.conditions import AndCond, Exists, NotCond, OrCond
from editree.ops.regions import REGION_NODES, MinusRegion, NotRegion, Region, UnionRegion
from editree.ops.steps import Edit, If, PlannerName, Step
from editree.ops.validation import describe_validation_error

PLAN_VERSION = 1
MAX_DEPTH = 16
MAX_NODES = 2000
MAX_JSON_DEPTH = 64
"""Nesting of the raw JSON (objects and lists), checked before validation: a plan within MAX_DEPTH needs about
36, and much deeper input would exhaust Python's recursion limit in the JSON and pydantic layers."""
MAX_PLAN_BYTES = 4_000_000


class Constraint(Node):
    """`keep(R)`: pixels of R are byte-identical in the output. `preserve_identity(R)`: R may change,
    but the subject's identity is conditioned on and checked."""

    kind: Literal["keep", "preserve_identity"]
    region: Region
    span: Span | None = None
    planner: PlannerName | None = None


class Plan(Node):
    version: int = PLAN_VERSION
    instruction: str = Field(default="", max_length=20000)
    lang: Literal["en", "zh", "mixed"] = "en"
    constraints: tuple[Constraint, ...] = Field(default=(), max_length=256)
    steps: tuple[Step, ...] = Field(default=(), max_length=256)
    warnings: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_plan(self) -> Plan:
        if self.version != PLAN_VERSION:
            raise ValueError(
                f"plan version {self.version} is not supported; this editree reads version {PLAN_VERSION} "
                "(re-create the plan with `editree plan ... --format json`)"
            )
        nodes = 0
        for node, depth, path in _walk_nodes(self):
            nodes += 1
            if depth > MAX_DEPTH:
                raise ValueError(f"{path}: plan is nested {depth} levels deep; at most {MAX_DEPTH} are allowed")
            span = getattr(node, "span", None)
            if span is not None and not (span[0] <= span[1] <= len(self.instruction)):
                raise ValueError(
                    f"{path}.span: {list(span)} does not lie within the instruction "
                    f"({len(self.instruction)} characters); expected 0 <= start <= end <= {len(self.instruction)}"
                )
        if nodes > MAX_NODES:
            raise ValueError(f"plan has {nodes} nodes; at most {MAX_NODES} are allowed")
        return self

    def edits(self) -> Iterator[Edit]:
        """Every `Edit` in the plan, in both branches of every `If`, in order."""
        yield from iter_edits(self.steps)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True, by_alias=True)


def iter_edits(steps: tuple[Step, ...]) -> Iterator[Edit]:
    for step in steps:
        if isinstance(step, If):
            yield from iter_edits(step.then)
            yield from iter_edits(step.else_)
        else:
            yield step


def _walk_nodes(plan: Plan) -> Iterator[tuple[Node, int, str]]:
    """Every node with its depth and JSON path (`steps[1].then[0].target`)."""
    stack: list[tuple[Node, int, str]] = [(c, 1, f"constraints[{i}]") for i, c in enumerate(plan.constraints)]
    stack += [(s, 1, f"steps[{i}]") for i, s in enumerate(plan.steps)]
    while stack:
        node, depth, path = stack.pop()
        yield node, depth, path
        stack.extend((child, depth + 1, f"{path}.{name}") for name, child in _children(node))


def _children(node: Node) -> list[tuple[str, Node]]:
    if isinstance(node, (Constraint, NotRegion, Exists)):
        return [("region", node.region)]
    if isinstance(node, Edit):  # an op's args may name a region too (move ... beside the table)
        in_args = [(f"args.{name}", value) for name, value in node.args if isinstance(value, REGION_NODES)]
        return [("target", node.target), *in_args]
    if isinstance(node, If):
        return [
            ("cond", node.cond),
            *((f"then[{i}]", s) for i, s in enumerate(node.then)),
            *((f"else[{i}]", s) for i, s in enumerate(node.else_)),
        ]
    if isinstance(node, UnionRegion):
        return [(f"regions[{i}]", r) for i, r in enumerate(node.regions)]
    if isinstance(node, MinusRegion):
        return [("region", node.region), ("exclude", node.exclude)]
    if isinstance(node, NotCond):
        return [("cond", node.cond)]
    if isinstance(node, (AndCond, OrCond)):
        return [(f"conds[{i}]", c) for i, c in enumerate(node.conds)]
    return []


def walk_regions(plan: Plan) -> Iterator[Region]:
    """Every region node of the plan (nested ones included, and those in an op's args), in no particular order."""
    for node, _, _ in _walk_nodes(plan):
        if isinstance(node, REGION_NODES):
            yield node


def load_plan(text: str | bytes, source: str = "plan") -> Plan:
    """Parse and validate plan JSON from an untrusted source."""
    if len(text) > MAX_PLAN_BYTES:
        raise PlanValidationError(
            f"{source}: {len(text):,} bytes; a plan is at most {MAX_PLAN_BYTES:,} (is this really a plan file?)"
        )
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else exc
        raise PlanValidationError(f"{source}: not valid JSON ({detail}); expected a plan object") from None
    except RecursionError:  # the decoder gives up near 1,000 levels, far past MAX_JSON_DEPTH
        raise _too_deep(source, "") from None
    return plan_from_dict(data, source=source)


def _json_depth(data: Any) -> tuple[int, str]:
    """(deepest nesting of objects and lists, JSON path to the first point past MAX_JSON_DEPTH), without recursion:
    the input may be nested far deeper than Python's stack allows."""
    deepest, stack = 0, [(data, 1, "")]
    while stack:
        value, depth, path = stack.pop()
        if not isinstance(value, (dict, list)):
            continue
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            return depth, path
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            stack.append((child, depth + 1, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip(".")))
    return deepest, ""


def _too_deep(source: str, path: str) -> PlanValidationError:
    where = f" (at {path[:60]}{'…' if len(path) > 60 else ''})" if path else ""
    return PlanValidationError(
        f"{source}: JSON nested more than {MAX_JSON_DEPTH} levels deep{where}; a valid plan nests at most "
        f"{MAX_DEPTH} nodes, about {2 * MAX_DEPTH + 4} JSON levels"
    )


def plan_from_dict(data: Any, source: str = "plan") -> Plan:
    depth, path = _json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise _too_deep(source, path)
    if not isinstance(data, dict):
        raise PlanValidationError(
            f"{source}: expected a JSON object with version, instruction, steps…, got {type(data).__name__}"
        )
    version = data.get("version")
    if version != PLAN_VERSION:
        got = json.dumps(version) if version is not None else "nothing"
        raise PlanValidationError(
            f"{source}: version: expected {PLAN_VERSION}, got {got} (this editree reads plan version "
            f"{PLAN_VERSION}; re-create the plan with `editree plan ... --format json`)"
        )
    try:
        return Plan.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        raise PlanValidationError(f"{source}: {describe_validation_error(exc)}") from None


def plan_json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(by_alias=True)
    schema["$id"] = "https://editree.dev/schema/plan-v1.json"
    schema["title"] = "editree plan"
    return schema
