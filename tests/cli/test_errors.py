"""One-line errors with their documented exit codes, checked before any work, and messages that name the real fix."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.errors import ExitCode


@pytest.fixture
def photo(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "photo.png"
    Image.fromarray(astronaut[::4, ::4]).save(path)
    return path


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


def nested_plan(depth: int) -> str:
    region = '{"kind":"not","region":' * depth + '{"kind":"all"}' + "}" * depth
    return _plan_with('{"kind":"edit","op":"blur","target":' + region + ',"args":{}}')


def _plan_with(step: str) -> str:
    return '{"version":1,"instruction":"x","steps":[' + step + "]}"


@pytest.mark.parametrize("depth", [100, 3000, 100_000])
def test_a_deeply_nested_plan_is_exit_4(cli, photo: Path, tmp_path: Path, depth: int) -> None:
    plan = tmp_path / "deep.json"
    plan.write_text(nested_plan(depth))
    for argv in (
        ["apply", str(plan), str(photo), "-o", str(tmp_path / "o")],
        ["edit", str(photo), "--plan", str(plan)],
    ):
        result = cli(*argv)
        assert result.code == ExitCode.PLAN_INVALID
        assert "JSON nested more than 64 levels deep" in one_error_line(result.err)
    lists = tmp_path / "lists.json"
    lists.write_text("[" * depth + "]" * depth)
    assert cli("plan", "--plan", str(lists)).code == ExitCode.PLAN_INVALID


def test_the_json_limit_never_refuses_a_plan_the_ir_accepts() -> None:
    """Nest ifs (two JSON levels each) around an edit whose target nests unions (two levels each) until the plan
    is refused: the IR's node-depth rule must be what refuses it, never the coarser JSON limit."""
    from editree.errors import PlanValidationError
    from editree.ops import load_plan

    for unions in range(0, 8):
        target = '{"kind":"union","regions":[{"kind":"background"},' * unions + '{"kind":"all"}' + "]}" * unions
        step = '{"kind":"edit","op":"blur","target":' + target + ',"args":{}}'
        for _ in range(40):
            try:
                load_plan(_plan_with(step))
            except PlanValidationError as exc:
                assert "levels deep; at most 16 are allowed" in exc.message, exc.message
                break
            step = '{"kind":"if","cond":{"kind":"image_is","property":"dark"},"then":[' + step + "]}"
        else:
            raise AssertionError("40 nested ifs were accepted")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["edit", "PHOTO", "blur it", "--seed", "-1"], "Invalid value for '--seed'"),
        (["edit", "PHOTO", "blur it", "--max-pixels", "0"], "Invalid value for '--max-pixels'"),
        (["batch", "PHOTO", "blur it", "--seed", "-1", "-o", "OUT"], "Invalid value for '--seed'"),
        (["batch", "PHOTO", "blur it", "--max-pixels", "0", "-o", "OUT"], "Invalid value for '--max-pixels'"),
        (["edit", "PHOTO", "blur it", "-o", "/proc/foo.png"], "cannot write in '/proc'"),
        (["batch", "PHOTO", "blur it", "-o", "/proc/editree-out"], "cannot write in '/proc'"),
        (["edit", "FOLDER", "blur it"], "is a folder; expected an image file"),
        (["edit", "MISSING", "blur it"], "does not exist; check the path"),
        (["inspect", "FOLDER"], "is a folder; expected an image file"),
        (["inspect", "MISSING"], "does not exist; check the path"),
        (["segment", "FOLDER", "the person"], "is a folder; expected an image file"),
        (["plan", "blur the person", "--image", "MISSING"], "does not exist; check the path"),
        (["replay", "PHOTO", "--on", "PHOTO", "--seed", "-1"], "Invalid value for '--seed'"),
    ],
)
def test_usage_errors_are_one_line_exit_2_before_any_work(
    cli, photo: Path, tmp_path: Path, argv: list[str], expected: str
) -> None:
    names = {"PHOTO": str(photo), "FOLDER": str(tmp_path), "MISSING": str(tmp_path / "nope.png"), "OUT": "o"}
    result = cli(*[names.get(a, a) for a in argv])
    assert result.code == ExitCode.USAGE
    assert expected in one_error_line(result.err)
    if argv[0] != "plan":  # (plan shows the plan first: it is its output)
        assert result.out == ""  # refused before the plan was even shown
    assert not (tmp_path / "photo_edited.png").exists()


def test_api_seed_and_missing_image(astronaut: np.ndarray) -> None:
    import editree
    from editree.errors import ImageError, UsageError

    with pytest.raises(UsageError, match="seed -1 is negative"):
        editree.edit(astronaut, "blur it", seed=-1)
    with pytest.raises(ImageError, match="no such file"):
        editree.edit("/nonexistent/photo.png", "blur it")


def test_bare_editree_prints_the_help(cli) -> None:
    for argv in ([], ["models"]):
        result = cli(*argv)
        assert result.code == 0 and result.err == ""
        assert result.out.startswith("Usage: editree") and "Commands:" in result.out


def test_batch_into_its_own_input_folder_says_why(cli, photo: Path) -> None:
    folder = str(photo.parent)
    for out in (folder, folder + "/"):
        result = cli("batch", folder, "blur it", "-o", out)
        assert result.code == ExitCode.USAGE
        line = one_error_line(result.err)
        assert "is inside the output folder" in line and "choose another -o" in line and "no images" not in line


def test_pictures_over_the_input_do_not_suggest_a_missing_flag(cli, photo: Path) -> None:
    for argv in (
        ["segment", str(photo), "the person", "-o", str(photo)],
        ["plan", "blur the person", "--image", str(photo)],
    ):
        argv += ["--overlay", str(photo)] if argv[0] == "plan" else []
        result = cli(*argv)
        assert result.code == ExitCode.USAGE
        line = one_error_line(result.err)
        assert "is the input image" in line and "--overwrite" not in line


def test_internal_errors_stay_on_one_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from editree.cli import cmd_ops

    def explode() -> list:
        raise ValueError("first line\nsecond line\n  third")

    monkeypatch.setattr(cmd_ops, "describe_ops", explode)
    result = cli("ops")
    assert result.code == 1
    assert one_error_line(result.err) == (
        "error: internal error: ValueError: first line second line third (rerun with --debug for a traceback, "
        "and report it)"
    )


def test_ops_lists_every_choice_at_80_columns_and_as_json(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    table = cli("ops")
    assert table.code == 0
    assert max(len(line) for line in table.out.splitlines()) <= 80
    assert "…" not in table.out
    for word in ("highlights", "shadows", "sunset", "vibrance"):
        assert word in table.out
    described = json.loads(cli("ops", "--json").out)
    adjust = next(op for op in described if op["op"] == "adjust")
    assert adjust["kind"] == "classical"
    prop = next(a for a in adjust["args"] if a["name"] == "property")
    assert prop["required"] and "shadows" in prop["schema"]["enum"]
    assert adjust["implementations"][0]["engine"] == "classical"
    assert {op["op"] for op in described} >= {"replace", "blur", "crop", "extend", "edit"}
