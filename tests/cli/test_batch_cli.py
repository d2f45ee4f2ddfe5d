"""batch, apply, inspect and replay from the command line, and the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import editree
from editree.engine.batch import MANIFEST_NAME
from editree.engine.image_io import read_metadata


@pytest.fixture
def photos(tmp_path: Path, astronaut: np.ndarray) -> Path:
    root = tmp_path / "photos"
    (root / "deeper").mkdir(parents=True)
    Image.fromarray(astronaut[::2, ::2]).save(root / "a.png")
    Image.fromarray(astronaut[::2, ::2]).save(root / "b.jpg", quality=90)
    Image.fromarray(astronaut[::4, ::4]).save(root / "deeper" / "c.png")
    (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    return root


def test_batch_json_events_and_exit_code(cli, photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(photos), "make it black and white", "-o", str(out), "--json", "-r")
    assert result.code == 1  # one image failed
    events = [json.loads(line) for line in result.out.splitlines()]
    images = {e["input"]: e for e in events if e["kind"] == "image"}
    assert sorted(images) == ["a.png", "b.jpg", "broken.png", "deeper/c.png"]
    assert images["broken.png"]["status"] == "failed" and images["broken.png"]["exit_code"] == 1
    assert images["a.png"]["status"] == "done" and images["a.png"]["steps"][0]["op"].startswith("restyle")
    assert events[-1] == {
        "kind": "summary",
        "counts": {"done": 3, "failed": 1},
        "interrupted": False,
        "seconds": events[-1]["seconds"],
        "warnings": {},
    }
    assert (out / "deeper" / "c.png").exists() and (out / MANIFEST_NAME).exists()
    with Image.open(out / "b.jpg") as img:
        assert img.format == "JPEG"


def test_batch_without_recursion_and_format_option(cli, photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli(
        "batch",
        str(photos / "a.png"),
        str(photos / "b.jpg"),
        "make it warmer",
        "-o",
        str(out),
        "--format",
        "webp",
        "--sidecar",
    )
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["a.webp", "a.webp.json", "b.webp", "b.webp.json", MANIFEST_NAME]
    assert json.loads((out / "a.webp.json").read_text())["plan"]["instruction"] == "make it warmer"
    assert "done" in result.out and "2 images" in result.out


def test_skip_existing(cli, photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("batch", str(photos / "a.png"), "make it warmer", "-o", str(out)).code == 0
    before = (out / "a.png").stat().st_mtime_ns
    result = cli("batch", str(photos / "a.png"), "make it cooler", "-o", str(out), "--skip-existing", "--json")
    assert json.loads(result.out.splitlines()[0])["status"] == "skipped"
    assert (out / "a.png").stat().st_mtime_ns == before


def test_batch_refuses_unknown_regions_before_work(cli, photos: Path, tmp_path: Path) -> None:
    result = cli("batch", str(photos), "blur the car", "-o", str(tmp_path / "out"))
    assert result.code == 5 and not (tmp_path / "out").exists()


def test_apply_inspect_replay(cli, photos: Path, tmp_path: Path, astronaut: np.ndarray) -> None:
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(cli("plan", "make it sepia and add fog", "--format", "json").out)
    out = tmp_path / "out"
    assert cli("apply", str(plan_path), str(photos / "a.png"), "-o", str(out), "--seed", "4").code == 0
    shown = cli("inspect", str(out / "a.png"))
    assert shown.code == 0
    assert "restyle(all, style=sepia)" in shown.out and "atmosphere(all" in shown.out and "seed " in shown.out
    raw = json.loads(cli("inspect", str(out / "a.png"), "--json").out)
    assert raw["plan"]["instruction"] == "make it sepia and add fog"
    replayed = tmp_path / "replayed.png"
    assert cli("replay", str(out / "a.png"), "--on", str(photos / "a.png"), "-o", str(replayed), "-q").code == 0
    assert np.array_equal(np.array(Image.open(replayed)), np.array(Image.open(out / "a.png")))
    assert cli("inspect", str(photos / "a.png")).code == 1


def test_replay_finds_the_regions_the_user_named(cli, photos: Path, tmp_path: Path) -> None:
    """Boxes and points travel in the provenance; mask files are the user's and must be given again."""
    source, out, again = photos / "a.png", tmp_path / "o.png", tmp_path / "again.png"
    made = cli("edit", str(source), "blur the sign", "--region", "sign=10,10,60,60", "-o", str(out), "-q")
    assert made.code == 0, made.err
    assert read_metadata(out)["user_regions"]["boxes"]["sign"]["box"] == [10, 10, 60, 60]
    assert "given: --region sign=10,10,60,60" in cli("inspect", str(out)).out
    assert cli("replay", str(out), "--on", str(source), "-o", str(again), "-q").code == 0
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(out)))
    moved = tmp_path / "moved.png"
    assert cli("replay", str(out), "--on", str(source), "-o", str(moved), "--region", "sign=70,70,120,120").code == 0
    assert not np.array_equal(np.asarray(Image.open(moved)), np.asarray(Image.open(out)))

    mask_file, masked = tmp_path / "m.png", tmp_path / "masked.png"
    pixels = np.zeros(np.asarray(Image.open(source)).shape[:2], np.uint8)
    pixels[20:80, 20:80] = 255
    Image.fromarray(pixels).save(mask_file)
    assert cli("edit", str(source), "blur the sign", "--mask", f"sign={mask_file}", "-o", str(masked)).code == 0
    refused = cli("replay", str(masked), "--on", str(source), "-o", str(tmp_path / "r.png"))
    assert refused.code == 2 and "give them again: --mask sign=m.png" in refused.err
    assert not (tmp_path / "r.png").exists()
    given = cli(
        "replay", str(masked), "--on", str(source), "-o", str(tmp_path / "r.png"), "--mask", f"sign={mask_file}"
    )
    assert given.code == 0, given.err


def test_python_api(tmp_path: Path, astronaut: np.ndarray) -> None:
    plan = editree.plan("keep the person unchanged and make the background black and white")
    result = editree.edit(astronaut, plan, seed=1)
    kept = result.rgb == astronaut
    assert kept.all(axis=2).mean() > 0.3
    saved = result.save(tmp_path / "o.jpg")
    assert read_metadata(saved)["seed"] == 1 and read_metadata(saved)["plan"]["steps"][0]["op"] == "restyle"
    with editree.Session() as session:
        boxed = session.edit(astronaut, "blur the sign", regions={"sign": (0, 0, 64, 64)})
        assert not np.array_equal(boxed.rgb[:64, :64], astronaut[:64, :64])
        assert np.array_equal(boxed.rgb[64:], astronaut[64:])


def test_python_api_outputs_replay_like_cli_outputs(cli, photos: Path, tmp_path: Path) -> None:
    """What the API saves carries the regions it was given and its source name, so `editree replay` redoes it."""
    with editree.Session(engine="classical") as session:
        edited = session.edit(photos / "a.png", "blur the sign", regions={"sign": (10, 10, 60, 60)}, seed=5)
    saved = edited.save(tmp_path / "api.png")
    meta = read_metadata(saved)
    assert meta["user_regions"]["boxes"]["sign"]["box"] == [10, 10, 60, 60]
    assert (meta["source"], meta["engine"], meta["seed"]) == ("a.png", "classical", 5)
    again = tmp_path / "again.png"
    assert cli("replay", str(saved), "--on", str(photos / "a.png"), "-o", str(again), "-q").code == 0
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(saved)))


def test_replay_options_come_from_the_provenance() -> None:
    from editree.errors import UsageError
    from editree.provenance import options_from_provenance

    options = options_from_provenance(
        {"models": {"inpaint": {"model": "sd15-inpaint", "steps": 12, "guidance": 5.0}, "segmenter": {"spec": "x"}}}
    )
    assert (options.model, options.steps, options.guidance, options.segmenter) == ("sd15-inpaint", 12, 5.0, "x")
    assert options_from_provenance({}).segmenter is None
    with pytest.raises(UsageError, match="malformed models section"):
        options_from_provenance({"models": {"inpaint": {"steps": "many"}}})
