"""The Plan JSON contract: exact round trips, and one-line errors that name the JSON path."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from editree.errors import PlanValidationError
from editree.ops import (
    ALL,
    BACKGROUND,
    BoxRegion,
    Constraint,
    Edit,
    Exists,
    If,
    ImageIs,
    MinusRegion,
    NotCond,
    NotRegion,
    OrCond,
    Plan,
    UnionRegion,
    load_plan,
    phrase,
    plan_json_schema,
    plan_text,
)

FULL_PLAN = Plan(
    instruction="keep the person, blur the background; if there is a dog add fog else make it warmer",
    lang="en",
    constraints=(Constraint(kind="keep", region=phrase("person"), span=(0, 15)),),
    steps=(
        Edit.make("blur", BACKGROUND, {"amount": 0.5}, span=(17, 36)),
        If(
            cond=OrCond(conds=(Exists(region=phrase("dog", count=2)), NotCond(cond=ImageIs(property="dark")))),
            then=(Edit.make("atmosphere", MinusRegion(region=ALL, exclude=phrase("dog")), {"effect": "fog"}),),
            else_=(
                Edit.make(
                    "adjust",
                    NotRegion(region=UnionRegion(regions=(phrase("a"), phrase("b")))),
                    {"property": "warmth", "amount": 0.3},
                ),
            ),
            span=(38, 83),
        ),
        Edit.make("replace", BoxRegion(box=(0.1, 0.1, 0.5, 0.5), units="fraction"), {"prompt": "white"}),
        Edit.make("edit", args={"instruction": "make it dramatic"}, fallback=True),
    ),
    warnings=("a warning",),
)


def _base(**changes):
    data = {
        "version": 1,
        "instruction": "blur it",
        "lang": "en",
        "constraints": [],
        "steps": [
            {
                "kind": "edit",
                "op": "blur",
                "target": {"kind": "all"},
                "args": {"amount": 0.5},
                "span": [0, 7],
                "fallback": False,
            }
        ],
        "warnings": [],
    }
    data.update(changes)
    return data


def _error(data) -> str:
    with pytest.raises(PlanValidationError) as info:
        load_plan(json.dumps(data))
    assert info.value.exit_code == 4
    assert "\n" not in info.value.message
    return info.value.message


def test_round_trip_is_exact() -> None:
    text = FULL_PLAN.to_json()
    again = load_plan(text)
    assert again == FULL_PLAN
    assert again.to_json() == text


def test_json_has_the_contract_keys_in_order() -> None:
    data = json.loads(FULL_PLAN.to_json())
    assert list(data) == ["version", "instruction", "lang", "constraints", "steps", "warnings"]
    assert list(data["steps"][0]) == ["kind", "op", "target", "args", "span", "fallback"]
    assert data["steps"][1]["kind"] == "if" and "else" in data["steps"][1]
    assert data["steps"][1]["then"][0]["target"] == {
        "kind": "minus",
        "region": {"kind": "all"},
        "exclude": {"kind": "phrase", "text": "dog", "qualifiers": {}},
    }
    assert data["constraints"][0] == {
        "kind": "keep",
        "region": {"kind": "phrase", "text": "person", "qualifiers": {}},
        "span": [0, 15],
    }


def test_text_form() -> None:
    assert plan_text(FULL_PLAN).splitlines() == [
        'keep("person")',
        "blur(background, amount=0.5)",
        'if or(exists("dog"[#2]), not(image_is(dark))) { atmosphere(minus(all, "dog"), effect=fog, amount=0.5) }'
        ' else { adjust(not(union("a", "b")), property=warmth, amount=0.3) }',
        "replace(box(0.1, 0.1, 0.5, 0.5, fraction), prompt=white)",
        'edit(all, instruction="make it dramatic") [fallback]',
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _base(steps=[*_base()["steps"], *_base()["steps"], {**_base()["steps"][0], "args": {"amount": "lots"}}]),
            'plan: steps[2].args.amount: expected a number, got "lots"',
        ),
        (
            _base(steps=[{**_base()["steps"][0], "args": {"amount": "0.5"}}]),
            'plan: steps[0].args.amount: expected a number, got "0.5"',
        ),
        (
            _base(steps=[{**_base()["steps"][0], "op": "explode"}]),
            'plan: steps[0].op: unknown op "explode"; expected one of',
        ),
        (
            _base(steps=[{**_base()["steps"][0], "target": {"kind": "box", "box": [10, 10, 5, 20]}}]),
            "plan: steps[0].target: box [10.0, 10.0, 5.0, 20.0] is empty; expected x0 < x1 and y0 < y1",
        ),
        (
            _base(
                steps=[{**_base()["steps"][0], "target": {"kind": "box", "box": [0, 0, 2, 0.5], "units": "fraction"}}]
            ),
            "plan: steps[0].target: box [0.0, 0.0, 2.0, 0.5] has units 'fraction' but a coordinate above 1",
        ),
        (_base(version=2), "plan: version: expected 1, got 2"),
        (_base(version="1"), 'plan: version: expected 1, got "1"'),
        (
            _base(
                steps=[
                    {
                        "kind": "if",
                        "cond": {"kind": "exists", "region": {"kind": "phrase", "text": "dog"}},
                        "then": [{**_base()["steps"][0], "args": {"amount": 2}}],
                        "else": [],
                    }
                ]
            ),
            "plan: steps[0].then[0].args.amount: expected a number <= 1.0, got 2",
        ),
        (
            _base(steps=[{**_base()["steps"][0], "op": "adjust", "args": {"property": "loudness", "amount": 0.2}}]),
            "plan: steps[0].args.property: expected one of",
        ),
        (_base(steps=[{**_base()["steps"][0], "colour": "red"}]), "plan: steps[0].colour: unknown field"),
        (
            _base(constraints=[{"kind": "keep", "region": {"kind": "phrase", "text": "x"}, "span": [0, 99]}]),
            "plan: constraints[0].span: [0, 99] does not lie within the instruction (7 characters)",
        ),
        (
            _base(steps=[{**_base()["steps"][0], "target": {"kind": "union", "regions": [{"kind": "all"}]}}]),
            'plan: steps[0].target.regions: expected at least 2 items, got [{"kind": "all"}]',
        ),
        (_base(steps=[{"kind": "loop"}]), 'plan: steps[0].kind: unknown kind "loop"'),
        (_base(steps=[{"op": "blur"}]), "plan: steps[0].kind: missing required field"),
        (_base(lang="fr"), "plan: lang: expected one of 'en', 'zh' or 'mixed', got \"fr\""),
        ([1, 2], "plan: expected a JSON object"),
    ],
)
def test_invalid_plans_name_the_path(data, message: str) -> None:
    assert _error(data).startswith(message)


def test_not_json_at_all() -> None:
    with pytest.raises(PlanValidationError, match=r"^plan.json: not valid JSON \(line 1 column 2"):
        load_plan("{nope", source="plan.json")


def test_depth_limit() -> None:
    region: dict = {"kind": "all"}
    for _ in range(20):
        region = {"kind": "not", "region": region}
    message = _error(_base(steps=[{**_base()["steps"][0], "target": region}]))
    assert "nested" in message and "at most 16" in message


def test_adjust_amount_zero_is_refused() -> None:
    message = _error(
        _base(steps=[{**_base()["steps"][0], "op": "adjust", "args": {"property": "warmth", "amount": 0}}])
    )
    assert message.startswith("plan: steps[0].args: amount is 0")


def test_schema_covers_every_op_and_region_kind() -> None:
    schema = json.dumps(plan_json_schema())
    for op in (
        "replace",
        "remove",
        "add",
        "recolor",
        "restyle",
        "adjust",
        "blur",
        "atmosphere",
        "enhance",
        "crop",
        "rotate",
        "flip",
        "resize",
        "extend",
        "edit",
    ):
        assert f'"const": "{op}"' in schema
    for kind in ("all", "background", "phrase", "not", "union", "minus", "box", "points", "mask"):
        assert f'"const": "{kind}"' in schema


def test_nodes_are_immutable_and_structural() -> None:
    a = Edit.make("blur", phrase("sky"), {"amount": 0.5})
    b = Edit.make("blur", phrase("sky"), {"amount": 0.5})
    assert a == b and hash(a) == hash(b)
    with pytest.raises(ValidationError, match="frozen"):
        a.op = "adjust"  # type: ignore[misc]


def test_points_regions_round_trip_and_are_checked() -> None:
    """A plan file can point at an object ("this cup") where words would be vague; SAM grows the points."""
    from editree.planner.text_form import parse_plan_text

    for target, text in (
        ({"kind": "points", "points": [[10, 20], [30.5, 40]]}, "blur(points(10 20, 30.5 40), amount=0.5)"),
        (
            {"kind": "points", "points": [[0.5, 0.25]], "units": "fraction"},
            "blur(points(0.5 0.25, fraction), amount=0.5)",
        ),
    ):
        plan = load_plan(json.dumps(_base(steps=[{**_base()["steps"][0], "target": target}])))
        assert load_plan(plan.to_json()) == plan
        assert plan_text(plan) == text
        assert parse_plan_text(text).steps[0].target == plan.steps[0].target
    for target, message in (
        ({"kind": "points", "points": []}, "plan: steps[0].target.points: expected at least 1 items"),
        (
            {"kind": "points", "points": [[1.5, 0.2]], "units": "fraction"},
            "plan: steps[0].target: point [1.5, 0.2] has units 'fraction' but a coordinate above 1",
        ),
        ({"kind": "points", "points": [[-1, 2]]}, "plan: steps[0].target: point [-1, 2] has a negative coordinate"),
        ({"kind": "points", "points": [[1, 2, 3]]}, "plan: steps[0].target.points[0]"),
    ):
        assert _error(_base(steps=[{**_base()["steps"][0], "target": target}])).startswith(message)
