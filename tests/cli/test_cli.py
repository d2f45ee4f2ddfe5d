"""The CLI end to end, in-process: exit codes, stdout and stderr separately, files on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata

DEMO = "keep the person unchanged, blur the background, add fog and make it warmer"


@pytest.fixture
def astronaut_png(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "astronaut.png"
    Image.fromarray(astronaut).save(path)
    return path


def test_edit_demo_writes_the_output_with_provenance(cli, astronaut_png: Path, astronaut: np.ndarray) -> None:
    out = astronaut_png.with_name("out.png")
    result = cli("edit", str(astronaut_png), DEMO, "-o", str(out), "--seed", "5")
    assert result.code == 0, result.err
    assert 'keep("person")  ← "keep the person unchanged"' in result.out
    assert "blur(background, amount=0.5)" in result.out and f"wrote {out}" in result.out
    assert result.err == ""
    edited = np.array(Image.open(out))
    assert edited.shape == astronaut.shape and not np.array_equal(edited, astronaut)
    meta = read_metadata(out)
    assert meta["seed"] == 5 and meta["plan"]["instruction"] == DEMO
    assert [s["status"] for s in meta["steps"]] == ["done", "done", "done"]
    assert np.array_equal(np.array(Image.open(astronaut_png)), astronaut), "input untouched"


def test_default_output_name(cli, astronaut_png: Path) -> None:
    result = cli("edit", str(astronaut_png), "make it warmer", "-q")
    expected = astronaut_png.with_name("astronaut_edited.png")
    assert result.code == 0 and result.out.strip() == str(expected) and expected.exists()


def test_output_equal_to_input_is_refused(cli, astronaut_png: Path) -> None:
    before = astronaut_png.read_bytes()
    result = cli("edit", str(astronaut_png), "make it warmer", "-o", str(astronaut_png))
    assert result.code == 2
    assert "is the input image" in result.err and "--overwrite" in result.err
    assert astronaut_png.read_bytes() == before
    assert cli("edit", str(astronaut_png), "make it warmer", "-o", str(astronaut_png), "--overwrite").code == 0
    assert astronaut_png.read_bytes() != before


def test_bad_image_leaves_no_output(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 definitely not a jpeg")
    out = tmp_path / "out.png"
    result = cli("edit", str(bad), "make it warmer", "-o", str(out))
    assert result.code == 1
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert sorted(os.listdir(tmp_path)) == ["bad.jpg"]


def test_dry_run_writes_nothing(cli, astronaut_png: Path) -> None:
    out = astronaut_png.with_name("out.png")
    result = cli("edit", str(astronaut_png), DEMO, "-o", str(out), "--dry-run")
    assert result.code == 0 and "dry run: would write" in result.out and not out.exists()


def test_generative_step_is_exit_5_before_reading(cli, tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.png"
    result = cli("edit", str(missing), "replace the background with a forest")
    assert result.code == 5 and "needs a generative model" in result.err


def test_unknown_region_is_exit_5_and_named_region_works(cli, astronaut_png: Path) -> None:
    result = cli("edit", str(astronaut_png), "blur the car", "-o", str(astronaut_png.with_name("o.png")))
    assert result.code == 5 and "--region car=" in result.err
    result = cli(
        "edit",
        str(astronaut_png),
        "blur the car",
        "--region",
        "car=0,0,100,100",
        "-o",
        str(astronaut_png.with_name("o.png")),
    )
    assert result.code == 0, result.err


def test_mask_option(cli, astronaut_png: Path, tmp_path: Path, astronaut: np.ndarray) -> None:
    mask = np.zeros(astronaut.shape[:2], np.uint8)
    mask[:100, :100] = 255
    Image.fromarray(mask).save(tmp_path / "m.png")
    out = tmp_path / "o.png"
    result = cli(
        "edit",
        str(astronaut_png),
        "make the spot black and white",
        "--mask",
        f"spot={tmp_path / 'm.png'}",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    edited = np.array(Image.open(out))
    assert (edited[:100, :100, 0] == edited[:100, :100, 2]).all()
    assert np.array_equal(edited[100:], astronaut[100:])
    wrong = np.zeros((10, 10), np.uint8)
    Image.fromarray(wrong).save(tmp_path / "small.png")
    result = cli(
        "edit", str(astronaut_png), "blur the spot", "--mask", f"spot={tmp_path / 'small.png'}", "-o", str(out)
    )
    assert result.code == 2 and "mask is 10x10 but the image is 512x512" in result.err


def test_plan_formats(cli) -> None:
    result = cli("plan", DEMO, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["version"] == 1 and [s["op"] for s in data["steps"]] == ["blur", "atmosphere", "adjust"]
    text = cli("plan", DEMO, "--format", "text")
    assert text.out.splitlines()[0] == 'keep("person")'
    tree = cli("plan", DEMO)
    assert '← "add fog"' in tree.out


def test_plan_schema(cli) -> None:
    result = cli("plan", "--schema")
    assert result.code == 0 and json.loads(result.out)["title"] == "editree plan"


def test_plan_errors(cli) -> None:
    assert cli("plan", "").code == 3
    result = cli("plan", "blur it and make the sky dramatic", "--strict")
    assert result.code == 3 and "could not structure" in result.err
    result = cli("plan", "blur it and make the sky dramatic")
    assert result.code == 0 and "warning: could not structure" in result.err


def test_edit_with_plan_file(cli, astronaut_png: Path, tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(cli("plan", "make it black and white", "--format", "json").out)
    out = tmp_path / "o.png"
    assert cli("edit", str(astronaut_png), "--plan", str(plan_path), "-o", str(out)).code == 0
    data = json.loads(plan_path.read_text())
    data["steps"][0]["args"]["style"] = 5
    plan_path.write_text(json.dumps(data))
    result = cli("edit", str(astronaut_png), "--plan", str(plan_path), "-o", str(out))
    assert result.code == 4
    assert result.err.strip() == f"error: {plan_path}: steps[0].args.style: expected a string, got 5"


def test_usage_errors_are_exit_2(cli, astronaut_png: Path) -> None:
    assert cli("edit").code == 2
    assert cli("edit", str(astronaut_png), "blur it", "--seed", "many").code == 2
    result = cli("edit", str(astronaut_png), "blur it", "-o", str(astronaut_png.with_suffix(".heic")))
    assert result.code == 2 and "extension '.heic'" in result.err


def test_ops_lists_every_op(cli) -> None:
    result = cli("ops")
    assert result.code == 0
    for op in ("replace", "adjust", "blur", "atmosphere", "restyle", "crop", "edit"):
        assert f"│ {op} " in result.out


def test_version(cli) -> None:
    result = cli("--version")
    assert result.code == 0 and result.out.startswith("editree 0.1.0")


@pytest.mark.parametrize(
    "argv", [["--help"], ["plan", DEMO], ["plan", "--schema"], ["ops"], ["models", "list"], ["plan", "保持人物不变"]]
)
def test_light_commands_never_import_torch(argv: list[str]) -> None:
    code = (
        "import sys; from editree.cli.app import main; rc = main(sys.argv[1:]); "
        "heavy = [m for m in ('torch', 'diffusers', 'transformers', 'mediapipe', 'cv2') if m in sys.modules]; "
        "print('HEAVY', heavy, file=sys.stderr); sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr


def test_console_script_runs() -> None:
    exe = Path(sys.executable).with_name("editree")
    proc = subprocess.run(
        [str(exe), "plan", "make it warmer", "--format", "text"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "adjust(all, property=warmth, amount=0.3)"


def test_interrupt_is_exit_130_and_writes_nothing(cli, astronaut_png: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import editree.engine.executor as executor

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(executor, "run_plan", interrupted)
    out = astronaut_png.with_name("out.png")
    result = cli("edit", str(astronaut_png), "make it warmer", "-o", str(out))
    assert result.code == 130 and "interrupted" in result.err
    assert sorted(p.name for p in astronaut_png.parent.iterdir()) == ["astronaut.png"]


def test_internal_errors_are_one_line(cli, astronaut_png: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import editree.engine.executor as executor

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(executor, "run_plan", broken)
    result = cli("edit", str(astronaut_png), "make it warmer", "-o", str(astronaut_png.with_name("o.png")))
    assert result.code == 1
    assert (
        result.err == "error: internal error: RuntimeError: boom (rerun with --debug for a traceback, and report it)\n"
    )
