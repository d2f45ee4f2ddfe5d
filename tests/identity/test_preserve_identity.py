"""preserve_identity in a run: measured after every step that touches the subject (classical and generative or
remote alike), per face, with retries for the steps that can give another answer, and a note, never a crash,
where nothing can measure."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from editree.engine import registry
from editree.engine.executor import run_plan
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, parse_box_option
from editree.errors import EngineError, MissingDependencyError
from editree.ops import plan_from_dict
from editree.planner import parse
from tests.identity.conftest import FACE, pixelate


def _regions(*specs: str) -> UserRegions:
    return UserRegions(boxes=dict(parse_box_option(s) for s in specs))


def test_background_blur_and_fog_leave_her_face_alone(astronaut: np.ndarray) -> None:
    result = run_plan(parse("keep her identity, blur the background and add fog"), astronaut)
    for step in result.steps:  # both steps touch the person (the fog covers everything), both are measured
        ((score),) = step.identity_scores
        assert score["subject"] == "face 1" and score["embedder"] == "face"
        assert score["distance"] < 0.3 and score["pass"] is True
    assert result.identity["passed"] is True and result.identity["embedders"] == ["face"]
    assert result.identity["measured_after"] == ["steps[0]", "steps[1]"]
    assert result.identity["scores"] == result.steps[-1].identity_scores
    assert not any("identity" in w for w in result.warnings)


def test_a_suit_recolour_passes(astronaut: np.ndarray) -> None:
    plan = parse("keep her identity and recolor the suit blue")
    result = run_plan(plan, astronaut, user_regions=_regions("suit=40,240,470,512"))
    assert result.steps[0].status == "done"
    ((score),) = result.steps[0].identity_scores
    assert score["distance"] < 0.3 and score["pass"]


def test_a_heavy_blur_of_her_face_fails_with_a_warning(astronaut: np.ndarray) -> None:
    result = run_plan(parse("keep her identity and blur her face a lot"), astronaut)
    ((score),) = result.steps[0].identity_scores
    assert score["distance"] >= 0.6 and score["pass"] is False and result.steps[0].tries == 1
    assert result.identity["passed"] is False
    assert any(w.startswith("identity after steps[0] blur(") and "face 1: distance" in w for w in result.warnings)


def test_strict_makes_a_failing_face_an_error(astronaut: np.ndarray) -> None:
    options = EngineOptions(identity_strict=True)
    with pytest.raises(EngineError, match=r"identity not preserved \(--identity-strict\): after steps\[0\] blur"):
        run_plan(parse("keep her identity and blur her face a lot"), astronaut, options=options)
    # A passing run is not affected.
    assert run_plan(parse("keep her identity and add fog"), astronaut, options=options).identity["passed"]


def test_a_step_that_misses_the_subject_is_not_measured(astronaut: np.ndarray) -> None:
    plan = plan_from_dict(
        {
            "version": 1,
            "instruction": "",
            "constraints": [{"kind": "preserve_identity", "region": {"kind": "box", "box": [150, 40, 300, 220]}}],
            "steps": [
                {"kind": "edit", "op": "blur", "target": {"kind": "box", "box": [0, 400, 100, 512]}, "args": {}},
            ],
        }
    )
    result = run_plan(plan, astronaut)
    assert result.steps[0].identity_scores == []
    assert result.identity["scores"] == [] and result.identity["passed"] is True
    assert any("no step touched" in n for n in result.identity["notes"])


def test_without_a_face_model_or_an_embedder_it_is_a_note(astronaut: np.ndarray, monkeypatch) -> None:
    from editree.engine import face_identity

    monkeypatch.setattr(face_identity, "unavailable", lambda: "face identity needs dlib, which is not installed")
    result = run_plan(parse("keep her identity and add fog"), astronaut)
    assert result.steps[0].status == "done" and result.steps[0].identity_scores == []
    (note,) = [w for w in result.warnings if "identity not measured" in w]
    assert "needs dlib" in note and "image embedder" in note
    assert result.identity["scores"] == [] and result.identity["notes"] == [note]
    # Asked for by name, a missing face model is an error before any work (exit 5).
    with pytest.raises(MissingDependencyError, match="--identity-model face: face identity needs dlib"):
        run_plan(parse("keep her identity and add fog"), astronaut, options=EngineOptions(identity_model="face"))


def test_a_subject_without_a_face_is_left_to_clip(astronaut: np.ndarray) -> None:
    plan = parse("keep the rocket's identity and add fog")
    result = run_plan(plan, astronaut, user_regions=_regions("rocket=360,0,512,200"))
    (note,) = [w for w in result.warnings if "identity not measured" in w]
    assert "no face found in it" in note and "no image embedder" in note


@pytest.fixture
def remote_edit():
    """A stand-in for a remote editing engine: `edit` on the face, pixelating it on the first `bad` calls (each a
    little less) and leaving it nearly alone afterwards, so retries can be counted. Yields what it returned."""
    fake = SimpleNamespace(returned=[], seeds=[], bad=2)

    def edit(canvas: np.ndarray, mask: np.ndarray, args: dict, rng: np.random.Generator, **_: object) -> np.ndarray:
        fake.seeds.append(int(rng.integers(1 << 30)))
        if len(fake.seeds) <= fake.bad:
            out = pixelate(canvas, (FACE[0] - 20, FACE[1] - 20, FACE[2] + 20, FACE[3] + 20), 3 + len(fake.seeds))
        else:
            out = np.clip(canvas.astype(np.int16) + 3, 0, 255).astype(np.uint8)
        fake.returned.append(out)
        return out

    impl = registry.Implementation("edit", "remote", "test stand-in", lambda step, options: None, lambda: edit)
    registry.register(impl)
    yield fake
    registry.unregister(impl)


def test_remote_steps_retry_below_the_threshold_and_keep_the_best(astronaut: np.ndarray, remote_edit) -> None:
    returned, seeds = remote_edit.returned, remote_edit.seeds
    plan = parse("keep her identity and make her face look younger")
    result = run_plan(plan, astronaut, options=EngineOptions(identity_tries=3))
    step = result.steps[0]
    assert step.engine == "remote" and step.tries == 3 and len(returned) == 3
    assert len(set(seeds)) == 3  # each try its own seed
    ((score),) = step.identity_scores
    assert score["pass"] and score["distance"] < 0.3  # the third, good, try was kept
    assert result.identity["passed"]


def test_when_every_try_fails_the_closest_is_kept(astronaut: np.ndarray, remote_edit) -> None:
    from editree.engine import masks as M
    from editree.engine.identity_measure import measure_identity

    returned = remote_edit.returned
    remote_edit.bad = 10
    result = run_plan(parse("keep her identity and make her face look younger"), astronaut)
    step = result.steps[0]
    assert step.tries == 3 and not step.identity_scores[0]["pass"]
    candidates = [M.composite(astronaut, edited, result.changed) for edited in returned]
    distances = [measure_identity(astronaut, c)[1].scores[0].value for c in candidates]
    best = int(np.argmin(distances))
    assert np.array_equal(result.rgb, candidates[best])
    assert step.identity_scores[0]["distance"] == round(distances[best], 4)
