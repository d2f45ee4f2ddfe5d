"""What a batch tells at the end: warnings grouped with the images they hit, --fail-on-warning, -q; and inspect and
replay reading the --sidecar provenance of formats that cannot embed it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.batch import MANIFEST_NAME


@pytest.fixture
def mixed(tmp_path: Path, astronaut: np.ndarray) -> Path:
    """Two 128 px images (a box at 300..400 px is outside them) and one 512 px image (it is inside)."""
    root = tmp_path / "in"
    root.mkdir()
    Image.fromarray(astronaut).save(root / "large.png")
    Image.fromarray(astronaut[::4, ::4]).save(root / "small1.png")
    Image.fromarray(astronaut[::4, ::4]).convert("CMYK").save(root / "small2.jpg")
    return root


BOX = ["--region", "car=300,300,400,400"]


def test_warnings_are_grouped_with_their_images_at_the_end(cli, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(mixed), "blur the car", *BOX, "-o", str(out), "--allow-noop")
    assert result.code == 0, result.err
    lines = result.err.strip().splitlines()
    assert (
        "warning: box [300.0, 300.0, 400.0, 400.0] lies outside the 128x128 image [2 images: small1.png, small2.jpg]"
        in lines
    )
    assert "warning: CMYK input converted to RGB [1 image: small2.jpg]" in lines
    assert not [line for line in lines if "large.png" in line]  # it had no warning
    assert len([line for line in lines if "lies outside" in line]) == 1  # once, not once per image
    manifest = [json.loads(line) for line in (out / MANIFEST_NAME).read_text().splitlines()]
    small2 = next(r for r in manifest if r.get("input") == "small2.jpg")
    assert "CMYK input converted to RGB" in small2["warnings"]


def test_fail_on_warning_fails_warned_images_only(cli, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(mixed), "make it warmer", "-o", str(out), "--fail-on-warning", "--json")
    assert result.code == 1
    events = {e["input"]: e for e in map(json.loads, result.out.splitlines()) if e["kind"] == "image"}
    assert events["small2.jpg"]["status"] == "failed"
    assert events["small2.jpg"]["error"].startswith(
        "warning treated as an error (--fail-on-warning): CMYK input converted to RGB"
    )
    assert events["large.png"]["status"] == events["small1.png"]["status"] == "done"
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST_NAME) == ["large.png", "small1.png"]


def test_quiet_batch_prints_only_errors(cli, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    quiet = cli("batch", str(mixed), "make it warmer", "-o", str(out), "-q")
    assert quiet.code == 0 and quiet.out == "" and quiet.err == ""
    (mixed / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    failing = cli("batch", str(mixed), "make it warmer", "-o", str(tmp_path / "out2"), "-q")
    assert failing.code == 1 and failing.out == ""
    line, last = failing.err.strip().splitlines()
    assert line.startswith(f"warning: {mixed / 'broken.png'}: not an image")
    assert last == f"error: 1 failed of 4 images; see {tmp_path / 'out2' / MANIFEST_NAME}"


def test_inspect_and_replay_read_the_sidecar(cli, mixed: Path, tmp_path: Path, astronaut: np.ndarray) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(mixed / "small1.png"), "make it black and white", "-o", str(out), "--format", "tiff")
    assert result.code == 0
    assert "--sidecar to keep it" in result.err  # TIFF cannot carry it, so batch says how to keep it
    assert cli("inspect", str(out / "small1.tif")).code == 1  # no provenance, and no sidecar

    assert (
        cli(
            "batch",
            str(mixed / "small1.png"),
            "make it black and white",
            "-o",
            str(out),
            "--format",
            "tiff",
            "--sidecar",
        ).code
        == 0
    )
    shown = cli("inspect", str(out / "small1.tif"))
    assert shown.code == 0, shown.err
    assert "(from small1.tif.json)" in shown.out and 'restyle(all, style="black and white")' in shown.out
    raw = json.loads(cli("inspect", str(out / "small1.tif"), "--json").out)
    assert raw["plan"]["instruction"] == "make it black and white"

    other, replayed = tmp_path / "other.png", tmp_path / "replayed.png"
    Image.fromarray(astronaut[::2, ::2]).save(other)
    again = cli("replay", str(out / "small1.tif"), "--on", str(other), "-o", str(replayed), "-q")
    assert again.code == 0, again.err
    pixels = np.asarray(Image.open(replayed))
    assert np.array_equal(pixels[..., 0], pixels[..., 1])  # black and white, as recorded

    (out / "small1.tif.json").write_text("{not json")
    broken = cli("inspect", str(out / "small1.tif"))
    assert broken.code == 1 and "cannot read it as editree provenance" in broken.err
