"""Fuzzing the two untrusted inputs of the command line: plan JSON (any depth, width and types) and option values.

Whatever comes in, what comes out is one of the documented exit codes, with one error line on stderr as its last
line and never a traceback or an "internal error": every failure is a mistake the message can name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from editree.errors import ExitCode, PlanValidationError

DOCUMENTED = {int(code) for code in ExitCode}
FUZZ = settings(  # EDITREE_FUZZ_EXAMPLES=1000 for a longer hunt
    max_examples=int(os.environ.get("EDITREE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["edit", "if", "blur", "all", "phrase", "not", "union", "box", "keep", "exists", "image_is"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(
            st.sampled_from(
                [
                    "kind",
                    "op",
                    "target",
                    "args",
                    "steps",
                    "then",
                    "else",
                    "region",
                    "regions",
                    "cond",
                    "box",
                    "text",
                    "amount",
                    "version",
                    "instruction",
                    "constraints",
                    "x",
                ]
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=40,
)
VALID = {
    "version": 1,
    "instruction": "keep the car, blur the rest",
    "constraints": [{"kind": "keep", "region": {"kind": "phrase", "text": "car"}}],
    "steps": [
        {
            "kind": "edit",
            "op": "blur",
            "target": {"kind": "not", "region": {"kind": "phrase", "text": "car"}},
            "args": {"amount": 0.5},
        },
        {
            "kind": "if",
            "cond": {"kind": "image_is", "property": "dark"},
            "then": [
                {
                    "kind": "edit",
                    "op": "adjust",
                    "target": {"kind": "all"},
                    "args": {"property": "brightness", "amount": 0.2},
                }
            ],
        },
    ],
}


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


@st.composite
def mutated_plans(draw: st.DrawFn) -> object:
    """A valid plan with one part replaced by random JSON, or wrapped in lists/objects many levels deep."""
    plan = json.loads(json.dumps(VALID))
    where = draw(st.sampled_from(_paths(plan)[1:]))
    parent = plan
    for key in where[:-1]:
        parent = parent[key]
    if draw(st.booleans()):
        parent[where[-1]] = draw(json_values)
    else:
        depth = draw(st.sampled_from([10, 70, 500, 3000]))
        wrapped = parent[where[-1]]
        for _ in range(depth):
            wrapped = [wrapped] if draw(st.booleans()) else {"region": wrapped, "kind": "not"}
        parent[where[-1]] = wrapped
    return plan


def _dumps(value: object) -> str:
    """JSON text for any depth: the standard encoder recurses, so deep values are written by hand."""
    if isinstance(value, list):
        return "[" + ",".join(_dumps(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(str(k)) + ":" + _dumps(v) for k, v in value.items()) + "}"
    return json.dumps(value)


def _dumps_deep(value: object) -> str:
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)
    try:
        return _dumps(value)
    finally:
        sys.setrecursionlimit(limit)


@FUZZ
@given(st.one_of(json_values, mutated_plans()))
def test_plan_json_of_any_shape_is_a_plan_or_a_plan_error(value: object) -> None:
    from editree.ops import load_plan, plan_from_dict

    text = _dumps_deep(value)
    for attempt in (lambda: load_plan(text), lambda: plan_from_dict(value)):
        try:
            attempt()
        except PlanValidationError as exc:
            assert "\n" not in exc.message and exc.message


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory, astronaut: np.ndarray) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "tiny.png"
    Image.fromarray(astronaut[::16, ::16]).save(path)  # 32x32: every edit is quick
    return path


def _assert_clean(result, argv: list[str]) -> None:
    assert result.code in DOCUMENTED, (argv, result.code, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err, (argv, result.err)
    if result.code != 0:
        lines = result.err.strip().splitlines()
        assert lines and lines[-1].startswith("error: "), (argv, result.err)
        assert sum(line.startswith("error: ") for line in lines) == 1, (argv, result.err)


@FUZZ
@given(st.one_of(json_values, mutated_plans()))
def test_cli_plan_files_never_fail_internally(cli, tiny: Path, tmp_path_factory, value: object) -> None:
    folder = tmp_path_factory.mktemp("plans")
    plan = folder / "plan.json"
    plan.write_text(_dumps_deep(value))
    for argv in (["plan", "--plan", str(plan)], ["edit", str(tiny), "--plan", str(plan), "-o", str(folder / "o.png")]):
        _assert_clean(cli(*argv), argv)


numbers = st.one_of(
    st.integers(min_value=-(2**65), max_value=2**65).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "nan", "abc", "1,2", " 3"]),
)
region_values = st.one_of(
    st.builds(lambda n, c: f"{n}={c}", st.sampled_from(["car", "", "Car", "招牌", "a=b"]), st.text(max_size=20)),
    st.builds(lambda *v: "car=" + ",".join(v), numbers, numbers, numbers, numbers),
    st.text(max_size=20),
)
OPTIONS = {
    "--seed": numbers,
    "--max-pixels": numbers,
    "--quality": numbers,
    "--steps": numbers,
    "--guidance": numbers,
    "--resolution": numbers,
    "--region": region_values,
    "--point": region_values,
    "--mask": st.sampled_from(["car=", "car=/nonexistent.png", "car=/proc", "=x.png", "car"]),
    "--engine": st.sampled_from(["auto", "classical", "diffusers", "", "gpu"]),
    "--segmenter": st.sampled_from(["none", "", "clipseg", "sam,", "/nonexistent", "grounded-sam"]),
    "--dtype": st.sampled_from(["float16", "float8", "", "auto"]),
    "--device": st.sampled_from(["cpu", "cuda:9", "", "tpu"]),
}
BATCH_ONLY = {"--jobs": numbers, "--format": st.sampled_from(["png", "gif", "", "tiff"])}


@FUZZ
@given(
    command=st.sampled_from(["edit", "batch"]),
    instruction=st.sampled_from(["blur the car", "make it warmer", "keep the car and blur the background", ""]),
    options=st.lists(st.sampled_from(sorted({**OPTIONS, **BATCH_ONLY})), max_size=4).flatmap(
        lambda names: st.tuples(*[st.tuples(st.just(n), {**OPTIONS, **BATCH_ONLY}[n]) for n in names])
    ),
)
def test_cli_option_values_never_fail_internally(
    cli, tiny: Path, tmp_path_factory, command: str, instruction: str, options: tuple
) -> None:
    folder = tmp_path_factory.mktemp("opts")
    argv = [command, str(tiny), instruction, "-o", str(folder / ("o.png" if command == "edit" else "out"))]
    for name, value in options:
        if command == "edit" and name in BATCH_ONLY:
            continue
        argv += [f"{name}={value}"] if value.startswith("-") else [name, value]
    _assert_clean(cli(*argv), argv)
