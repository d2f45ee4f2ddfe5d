"""The object and finishing ops in the IR: move, scale, vignette, upscale.

Each must survive both renderings exactly (JSON and the text form), refuse bad args with a message that names
the field, and expose a region inside its args (move's `beside`) to whatever walks the plan's regions.
"""

from __future__ import annotations

import json

import pytest

from editree.errors import PlanValidationError
from editree.ops import (
    OPS,
    BoxRegion,
    Constraint,
    Edit,
    Plan,
    UnionRegion,
    load_plan,
    phrase,
    plan_json_schema,
    plan_text,
    walk_regions,
)
from editree.planner.text_form import parse_plan_text

NEW_STEPS = (
    Edit.make("move", phrase("cup"), {"to": "top left"}),
    Edit.make("move", phrase("cup"), {"to": "center"}),
    Edit.make(
        "move", phrase("bottle", position="left"), {"beside": phrase("table", size="largest"), "relation": "onto"}
    ),
    Edit.make("move", phrase("cup"), {"beside": BoxRegion(box=(10, 20, 30, 40))}),
    Edit.make(
        "move",
        phrase("cup"),
        {"beside": UnionRegion(regions=(phrase("plate"), BoxRegion(box=(0, 0, 0.5, 0.5), units="fraction")))},
    ),
    Edit.make("move", phrase("cup"), {"dx": 0.25}),
    Edit.make("move", phrase("cup"), {"dx": -40, "dy": 12.5, "units": "px"}),
    Edit.make("scale", phrase("dog"), {"factor": 2}),
    Edit.make("scale", phrase("logo"), {"factor": 0.5, "anchor": "center"}),
    Edit.make("upscale"),
    Edit.make("upscale", args={"factor": 4}),
    Edit.make("vignette"),
    Edit.make("vignette", args={"amount": 1.0}),
)
PLAN = Plan(constraints=(Constraint(kind="keep", region=phrase("person")),), steps=NEW_STEPS)


def test_json_round_trip_is_exact() -> None:
    text = PLAN.to_json()
    again = load_plan(text)
    assert again == PLAN
    assert again.to_json() == text


def test_text_round_trip_is_exact() -> None:
    text = plan_text(PLAN)
    again = parse_plan_text(text)
    assert again == PLAN
    assert plan_text(again) == text


def test_text_form_reads_as_written() -> None:
    lines = plan_text(PLAN).splitlines()
    assert lines[1] == 'move("cup", to="top left")'
    assert lines[3] == 'move("bottle"[left], beside=region("table"[largest]), relation=onto)'
    assert lines[4] == 'move("cup", beside=region(box(10, 20, 30, 40)))'
    assert lines[7] == 'move("cup", dx=-40, dy=12.5, units=px)'
    assert lines[8] == 'scale("dog", factor=2)'
    assert lines[10:] == [
        "upscale(all)",
        "upscale(all, factor=4)",
        "vignette(all, amount=0.5)",
        "vignette(all, amount=1)",
    ]


def test_beside_alone_means_next_to() -> None:
    step = NEW_STEPS[3]
    assert step.args.relation is None and step.args.placement == "next to"
    assert NEW_STEPS[2].args.placement == "onto"
    assert NEW_STEPS[0].args.placement is None


def test_a_region_in_args_is_walked() -> None:
    regions = list(walk_regions(PLAN))
    assert phrase("table", size="largest") in regions
    assert phrase("plate") in regions
    assert BoxRegion(box=(10, 20, 30, 40)) in regions


def _plan_with(op: str, args: dict, target: dict | None = None) -> str:
    step = {"kind": "edit", "op": op, "target": target or {"kind": "phrase", "text": "cup"}, "args": args}
    return json.dumps({"version": 1, "instruction": "", "steps": [step]})


@pytest.mark.parametrize(
    ("op", "args", "message"),
    [
        ("move", {}, "steps[0].args: move needs exactly one of `to`"),
        ("move", {"to": "left", "dx": 0.1}, "got to and dx/dy"),
        ("move", {"to": "left", "beside": {"kind": "phrase", "text": "t"}}, "got to and beside"),
        ("move", {"to": "upstairs"}, "steps[0].args.to: expected one of 'left'"),
        ("move", {"to": "left", "relation": "above"}, "relation 'above' needs `beside`"),
        ("move", {"beside": {"kind": "phrase", "text": "t"}, "relation": "beside"}, "steps[0].args.relation:"),
        ("move", {"beside": {"kind": "phrase"}}, "steps[0].args.beside.text"),
        ("move", {"beside": "the table"}, "steps[0].args.beside: expected an object"),
        ("move", {"dx": 0}, "changes nothing"),
        ("move", {"dx": 1.5}, "units 'fraction' but a value beyond 1"),
        ("move", {"dx": "far"}, "steps[0].args.dx: expected a number"),
        ("move", {"dx": 3, "units": "cm"}, "steps[0].args.units"),
        ("scale", {}, "steps[0].args.factor"),
        ("scale", {"factor": 0}, "steps[0].args.factor: expected a number > 0"),
        ("scale", {"factor": 17}, "steps[0].args.factor: expected a number <= 16"),
        ("scale", {"factor": 1}, "scale factor 1 changes nothing"),
        ("scale", {"factor": 2, "anchor": "top"}, "steps[0].args.anchor"),
        ("upscale", {"factor": 8}, "steps[0].args.factor: expected one of 2, 3 or 4, got 8"),
        ("vignette", {"amount": 0}, "steps[0].args.amount: expected a number > 0"),
        ("vignette", {"amount": 1.5}, "steps[0].args.amount: expected a number <= 1"),
        ("vignette", {"radius": 3}, "steps[0].args.radius"),
    ],
)
def test_plan_file_errors_name_the_field(op: str, args: dict, message: str) -> None:
    with pytest.raises(PlanValidationError) as info:
        load_plan(_plan_with(op, args))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_text_form_says_how_to_write_a_region_arg() -> None:
    with pytest.raises(PlanValidationError, match=r"'beside' is a region; write it as beside=region\(\"table\"\)"):
        parse_plan_text('move("cup", beside="table")')


def test_schema_and_catalog_know_the_new_ops() -> None:
    schema = plan_json_schema()
    for name in ("MoveArgs", "ScaleArgs", "UpscaleArgs", "VignetteArgs"):
        assert name in schema["$defs"]
    move = schema["$defs"]["MoveArgs"]["properties"]
    assert set(move) == {"to", "beside", "relation", "dx", "dy", "units"}
    assert OPS["upscale"].canvas and not OPS["upscale"].generative
    for name in ("move", "scale", "vignette"):
        assert not OPS[name].canvas and not OPS[name].generative
    summaries = {name: kind for name, kind, _ in OPS["move"].arg_summaries()}
    assert summaries["beside"] == "region"
    assert summaries["to"].startswith("left|right|top|bottom|center|top left")
    assert [(n, r) for n, _, r in OPS["scale"].arg_summaries()] == [("factor", True), ("anchor", False)]
