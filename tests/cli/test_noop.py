"""No silent no-op: an edit that would give back the input unchanged because its region is empty is exit 6 with
nothing written (`--allow-noop` writes it), in `edit`, `batch` (per image, in the manifest) and the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import editree
from editree.engine.batch import MANIFEST_NAME
from editree.errors import NothingChangedError


@pytest.fixture
def photo(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "photo.png"
    Image.fromarray(astronaut[::4, ::4]).save(path)  # 128x128
    return path


@pytest.fixture
def black_mask(tmp_path: Path) -> Path:
    path = tmp_path / "black.png"
    Image.fromarray(np.zeros((128, 128), np.uint8)).save(path)
    return path


def _last_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert lines[-1].startswith("error: ") and not [x for x in lines[:-1] if x.startswith("error: ")], err
    return lines[-1]


@pytest.mark.parametrize(
    "flags",
    [
        ["--region", "car=300,300,400,400"],  # a box outside the 128x128 image
        ["--mask", "car=MASK"],  # an all-black mask
    ],
    ids=["region-outside", "black-mask"],
)
def test_edit_with_an_empty_region_is_exit_6_and_writes_nothing(
    cli, photo: Path, black_mask: Path, tmp_path: Path, flags: list[str]
) -> None:
    out = tmp_path / "out.png"
    flags = [f.replace("MASK", str(black_mask)) for f in flags]
    result = cli("edit", str(photo), "blur the car", *flags, "-o", str(out))
    assert result.code == 6
    assert not out.exists()
    last = _last_error(result.err)
    assert 'nothing changed: steps[0] blur("car", amount=0.5): its region is empty in this image' in last
    assert "--allow-noop" in last
    assert 'warning: steps[0] blur("car", amount=0.5): nothing to change' in result.err  # the step says so too

    allowed = cli("edit", str(photo), "blur the car", *flags, "-o", str(out), "--allow-noop")
    assert allowed.code == 0, allowed.err
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(Image.open(photo)))


def test_a_region_not_found_is_exit_6(cli, tmp_path: Path, coffee: np.ndarray) -> None:
    path, out = tmp_path / "coffee.png", tmp_path / "out.png"
    Image.fromarray(coffee).save(path)
    result = cli("edit", str(path), "make the lips red", "-o", str(out))
    assert result.code == 6 and not out.exists()
    assert "'lips' was not found in the image" in result.err
    assert _last_error(result.err).startswith('error: nothing changed: steps[0] recolor("lips"')


def test_a_kept_target_is_a_noop_but_an_edit_elsewhere_is_not(cli, photo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    kept = cli("edit", str(photo), "keep the car unchanged and blur the car", "--region", "car=0,0,64,64")
    assert kept.code == 6 and "all of its region (25.0% of the image) is kept unchanged" in kept.err
    partly = cli(
        "edit", str(photo), "make it warmer and blur the car", "--region", "car=300,300,400,400", "-o", str(out)
    )
    assert partly.code == 0, partly.err  # the warmth changed the picture; the empty blur is still reported
    assert "nothing to change: its region is empty" in partly.err and out.exists()


def test_what_is_not_a_noop(cli, tmp_path: Path, astronaut: np.ndarray) -> None:
    """A condition that chose a branch without edits, and an op that ran but had nothing to alter, did what
    was asked: exit 0 and an output."""
    grey = tmp_path / "grey.png"
    Image.fromarray(np.dstack([astronaut[::4, ::4, 0]] * 3)).save(grey)
    out = tmp_path / "out.png"
    assert cli("edit", str(grey), "make it black and white", "-o", str(out)).code == 0 and out.exists()
    out.unlink()
    conditional = cli("edit", str(grey), "if the photo is dark, make it brighter", "-o", str(out))
    assert conditional.code == 0, conditional.err
    assert out.exists()


def test_batch_records_unchanged_images_and_exits_6(cli, tmp_path: Path, astronaut: np.ndarray) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    Image.fromarray(astronaut).save(root / "large.png")  # 512 px: the box is inside
    Image.fromarray(astronaut[::4, ::4]).save(root / "small.png")  # 128 px: the box is outside
    flags = ["--region", "car=300,300,400,400", "-o", str(out)]
    result = cli("batch", str(root), "blur the car", *flags, "--json")
    assert result.code == 6
    events = {e["input"]: e for e in map(json.loads, result.out.splitlines()) if e["kind"] == "image"}
    assert events["large.png"]["status"] == "done"
    assert events["small.png"]["status"] == "unchanged" and events["small.png"]["exit_code"] == 6
    assert "nothing changed" in events["small.png"]["error"]
    manifest = [json.loads(line) for line in (out / MANIFEST_NAME).read_text().splitlines()]
    assert {r["input"]: r["status"] for r in manifest if r.get("kind") == "image"} == {
        "large.png": "done",
        "small.png": "unchanged",
    }
    assert sorted(p.name for p in out.glob("*.png")) == ["large.png"]

    allowed = cli("batch", str(root), "blur the car", *flags, "--allow-noop", "-q")
    assert allowed.code == 0 and allowed.out == ""
    assert (out / "small.png").exists()


def test_api_raises_or_flags_a_noop(astronaut: np.ndarray) -> None:
    small = np.ascontiguousarray(astronaut[::4, ::4])
    with pytest.raises(NothingChangedError, match="its region is empty") as caught:
        editree.edit(small, "blur the car", regions={"car": (300, 300, 400, 400)})
    assert caught.value.exit_code == 6
    assert np.array_equal(caught.value.result.rgb, small) and caught.value.result.changed is False
    allowed = editree.edit(small, "blur the car", regions={"car": (300, 300, 400, 400)}, allow_noop=True)
    assert allowed.changed is False and np.array_equal(allowed.rgb, small)
    assert editree.edit(small, "blur the car", regions={"car": (0, 0, 64, 64)}).changed is True
    assert editree.NothingChangedError is NothingChangedError


def test_repeated_region_names_are_a_usage_error(cli, photo: Path, black_mask: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    twice = cli("edit", str(photo), "blur the car", "--region", "car=0,0,10,10", "--region", "car=20,20,40,40")
    assert twice.code == 2
    assert _last_error(twice.err) == (
        "error: region name 'car' is given twice (--region car=0,0,10,10 and --region car=20,20,40,40); give each "
        "name once, or use different names"
    )
    mixed = cli("batch", str(photo), "blur the car", "--region", "car=0,0,10,10", "--mask", f"car={black_mask}")
    assert mixed.code == 2 and "is given twice (--region car=0,0,10,10 and --mask car=" in mixed.err
    assert not out.exists()
    with pytest.raises(editree.api.UsageError, match="given twice"):
        editree.edit(photo, "blur the car", regions={"car": (0, 0, 9, 9)}, masks={"car": black_mask})
