"""The engine's guarantees, tested exactly: kept pixels and pixels outside every edit are the input's bytes."""

from __future__ import annotations

import numpy as np
import pytest

from editree.engine.executor import check_plan, run_plan
from editree.engine.regions import UserRegions, parse_box_option
from editree.errors import MissingDependencyError, UsageError
from editree.ops import ALL, BACKGROUND, Constraint, Edit, Exists, If, ImageIs, Plan, phrase
from editree.planner import parse

DEMO = "keep the person unchanged, blur the background, add fog and make it warmer"


def test_demo_on_the_real_astronaut(astronaut: np.ndarray) -> None:
    before = astronaut.copy()
    result = run_plan(parse(DEMO), astronaut, seed=0)
    assert np.array_equal(astronaut, before), "the input array must not be modified"
    kept = result.protected
    assert 0.35 < kept.mean() < 0.75
    assert np.array_equal(result.rgb[kept], astronaut[kept])
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], astronaut[untouched])
    # The background really changed: warmer and lighter (fog), on average.
    bg = ~kept & (result.changed > 0.99)
    diff = result.rgb[bg].astype(float).mean(axis=0) - astronaut[bg].astype(float).mean(axis=0)
    assert diff.mean() > 5 and diff[0] - diff[2] > 5
    assert [s.status for s in result.steps] == ["done", "done", "done"]
    assert result.regions["person"]["source"] == "mediapipe-person"


def test_same_seed_same_output(astronaut: np.ndarray) -> None:
    plan = parse("add fog")
    one = run_plan(plan, astronaut, seed=3).rgb
    assert np.array_equal(one, run_plan(plan, astronaut, seed=3).rgb)
    assert not np.array_equal(one, run_plan(plan, astronaut, seed=4).rgb)


def test_everything_except_with_fake_segmenter(astronaut: np.ndarray, box_segmenters) -> None:
    plan = parse("make everything except the dog black and white")
    result = run_plan(plan, astronaut, segmenters=box_segmenters({"dog": (100, 100, 200, 300)}))
    out = result.rgb
    assert np.array_equal(out[100:300, 100:200], astronaut[100:300, 100:200])
    outside = np.ones(astronaut.shape[:2], bool)
    outside[100:300, 100:200] = False
    assert (out[outside][:, 0] == out[outside][:, 1]).all()


def test_empty_effective_mask_is_reported(astronaut: np.ndarray, box_segmenters) -> None:
    plan = parse("keep the dog unchanged and blur the dog")
    result = run_plan(plan, astronaut, segmenters=box_segmenters({"dog": (0, 0, 50, 50)}))
    assert result.steps[0].status == "empty"
    assert np.array_equal(result.rgb, astronaut)
    assert any("nothing to change" in w and "blur" in w for w in result.warnings)


def test_if_takes_the_right_branch(astronaut: np.ndarray, box_segmenters) -> None:
    plan = Plan(
        instruction="",
        steps=(
            If(
                cond=Exists(region=phrase("cat")),
                then=(Edit.make("restyle", ALL, {"style": "sepia"}),),
                else_=(Edit.make("adjust", ALL, {"property": "brightness", "amount": 0.5}),),
            ),
            If(cond=ImageIs(property="portrait"), then=(Edit.make("blur", ALL),)),
        ),
    )
    found = run_plan(plan, astronaut, segmenters=box_segmenters({"cat": (0, 0, 50, 50)}))
    assert [(s.path, s.branch) for s in found.steps if s.status == "branch"] == [
        ("steps[0]", "then"),
        ("steps[1]", "else"),
    ]
    assert [s.path for s in found.steps if s.status == "done"] == ["steps[0].then[0]"]
    missing = run_plan(plan, astronaut, segmenters=box_segmenters({"cat": (0, 0, 0, 0)}))
    assert [s.path for s in missing.steps if s.status == "done"] == ["steps[0].else[0]"]


def test_user_box_region_by_name(astronaut: np.ndarray) -> None:
    name, box = parse_box_option("car=10,20,110,220")
    plan = parse("blur the car")
    result = run_plan(plan, astronaut, user_regions=UserRegions(boxes={name: box}))
    inside = result.rgb[20:220, 10:110]
    assert not np.array_equal(inside, astronaut[20:220, 10:110])
    result.rgb[20:220, 10:110] = astronaut[20:220, 10:110]
    assert np.array_equal(result.rgb, astronaut)


def test_fraction_boxes() -> None:
    name, box = parse_box_option("sky=0,0,1.0,0.5")
    assert name == "sky" and box.units == "fraction"
    with pytest.raises(UsageError, match="expected 4 numbers"):
        parse_box_option("sky=1,2,3")
    with pytest.raises(UsageError, match="is empty"):
        parse_box_option("sky=5,5,1,1")


def test_unknown_phrase_fails_before_any_work(astronaut: np.ndarray) -> None:
    with pytest.raises(MissingDependencyError, match=r"can find 'car'.*--region car=x0,y0,x1,y1") as info:
        run_plan(parse("blur the car"), astronaut)
    assert info.value.exit_code == 5


def test_generative_step_needs_a_model() -> None:
    expected = r"steps\[0\] replace\(background, prompt=\"a forest\"\): needs a generative model"
    with pytest.raises(MissingDependencyError, match=expected):
        check_plan(parse("replace the background with a forest"))
    with pytest.raises(MissingDependencyError, match="steps\\[1\\] edit"):
        check_plan(parse("blur the background and make the sky dramatic"))


def test_background_without_subjects_is_the_complement_of_people(astronaut: np.ndarray) -> None:
    result = run_plan(parse("make the background black and white"), astronaut)
    person_like = result.changed < 0.01
    assert 0.3 < person_like.mean() < 0.75


def test_background_on_a_photo_without_people_is_everything(chelsea: np.ndarray) -> None:
    result = run_plan(parse("blur the background"), chelsea)
    assert (result.changed == 1).all()
    assert any("no subject was found" in w for w in result.warnings)


def test_keep_applies_to_every_step_and_every_branch(astronaut: np.ndarray, box_segmenters) -> None:
    plan = Plan(
        instruction="",
        constraints=(Constraint(kind="keep", region=phrase("logo")),),
        steps=(
            Edit.make("restyle", BACKGROUND, {"style": "sepia"}),
            If(cond=ImageIs(property="landscape"), then=(), else_=(Edit.make("blur", ALL, {"amount": 1.0}),)),
        ),
    )
    result = run_plan(plan, astronaut, segmenters=box_segmenters({"logo": (300, 300, 400, 400)}))
    assert np.array_equal(result.rgb[300:400, 300:400], astronaut[300:400, 300:400])
    assert result.protected[300:400, 300:400].all() and result.protected.sum() == 100 * 100
