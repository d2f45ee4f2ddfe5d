"""JPEG outputs keep what was kept: untouched blocks keep the input's quantised DCT coefficients, and decoded
pixels equal the input's decoded pixels except the documented border (see editree.engine.jpeg_keep)."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import jpeglib
import numpy as np
import pytest
from PIL import Image

from editree import plan as make_plan
from editree.engine.executor import run_plan
from editree.engine.image_io import load_image, read_metadata, save_image
from editree.engine.jpeg_keep import stored, upright
from editree.engine.regions import UserRegions, parse_box_option

SIGN = (101, 53, 299, 397)
"""A kept box whose edges fall inside 8×8 blocks and 16×16 MCUs, so some blocks hold kept and edited pixels."""


def _user() -> UserRegions:
    name, box = parse_box_option("sign=" + ",".join(str(v) for v in SIGN))
    return UserRegions(boxes={name: box})


def _edit(path: Path, instruction: str) -> tuple:
    loaded = load_image(path)
    result = run_plan(make_plan(instruction), loaded.rgb, user_regions=_user(), segmenters=None)
    return loaded, result


def _write(rgb: np.ndarray, path: Path, **options) -> Path:
    Image.fromarray(rgb).save(path, **options)
    return path


def _footprint(changed: np.ndarray, size: int) -> np.ndarray:
    """Pixels of every size×size block (aligned to the image origin) that holds a changed pixel."""
    h, w = changed.shape
    rows, cols = -(-h // size), -(-w // size)
    padded = np.zeros((rows * size, cols * size), bool)
    padded[:h, :w] = changed
    touched = padded.reshape(rows, size, cols, size).any(axis=(1, 3))
    return np.kron(touched, np.ones((size, size), bool))[:h, :w].astype(bool), touched


@pytest.mark.parametrize("subsampling", [2, 1, 0], ids=["4:2:0", "4:2:2", "4:4:4"])
def test_untouched_blocks_keep_their_coefficients_and_pixels(tmp_path: Path, astronaut, subsampling: int) -> None:
    src = _write(astronaut, tmp_path / "astronaut.jpg", quality=90, subsampling=subsampling)
    loaded, result = _edit(src, "keep the sign unchanged and make the background darker")
    meta: dict = {"seed": 0}
    notes = save_image(tmp_path / "out.jpg", result.rgb, source=loaded, metadata=meta, reference=result.reference)
    assert notes == []  # the guarantee held: nothing to warn about

    before, after = jpeglib.read_dct(str(src)), jpeglib.read_dct(str(tmp_path / "out.jpg"))
    assert np.array_equal(before.qt, after.qt) and np.array_equal(before.samp_factor, after.samp_factor)
    edited = result.changed > 0  # the effective masks, independent of how the writer decides
    chroma = {2: (16, 16), 1: (8, 16), 0: (8, 8)}[subsampling]
    _, luma_touched = _footprint(edited, 8)
    assert np.array_equal(after.Y[~luma_touched], before.Y[~luma_touched])
    assert 0.2 < luma_touched.mean() < 0.9  # both kinds of block exist

    h, w = edited.shape
    rows, cols = before.Cb.shape[:2]
    padded = np.zeros((rows * chroma[0], cols * chroma[1]), bool)
    padded[:h, :w] = edited
    chroma_touched = padded.reshape(rows, chroma[0], cols, chroma[1]).any(axis=(1, 3))
    for name in ("Cb", "Cr"):
        assert np.array_equal(getattr(after, name)[~chroma_touched], getattr(before, name)[~chroma_touched])

    # Decoded pixels: equal everywhere except in touched blocks and, where chroma is subsampled, the one-pixel
    # ring around touched chroma blocks (the decoder's fancy upsampling reaches one sample across).
    chroma_pixels = np.kron(chroma_touched, np.ones(chroma, bool))[:h, :w].astype(bool)
    reach = (3 if chroma[0] > 8 else 1, 3 if chroma[1] > 8 else 1)
    ring = cv2.dilate(chroma_pixels.astype(np.uint8), np.ones(reach, np.uint8)).astype(bool)
    exception = _footprint(edited, 8)[0] | ring
    decoded_in = np.asarray(Image.open(src).convert("RGB"))
    decoded_out = np.asarray(Image.open(tmp_path / "out.jpg").convert("RGB"))
    differs = (decoded_out != decoded_in).any(axis=2)
    assert not (differs & ~edited & ~exception).any()
    kept = result.protected
    assert kept.sum() > 60_000 and (~differs[kept & ~exception]).all()
    assert (differs & kept).any()  # kept pixels sharing a block with edited ones are re-encoded: the exception

    record = read_metadata(tmp_path / "out.jpg")["output"]
    assert record["method"] == "copied blocks" and record == meta["output"]
    unedited = (result.rgb == decoded_in).all(axis=2)  # outside the masks, and inside where a value stayed
    assert record["unedited_pixels"] == int(unedited.sum())
    assert record["changed_pixels"] == int((differs & unedited).sum())  # measured on the written file
    assert record["max_level"] == int(np.abs(decoded_out.astype(int) - decoded_in)[unedited].max())


def test_every_component_keeps_the_input_coefficients_when_nothing_changed(tmp_path: Path, astronaut) -> None:
    src = _write(astronaut, tmp_path / "in.jpg", quality=75, progressive=True)
    loaded = load_image(src)
    save_image(tmp_path / "out.jpg", loaded.rgb, source=loaded)
    before, after = jpeglib.read_dct(str(src)), jpeglib.read_dct(str(tmp_path / "out.jpg"))
    for name in ("Y", "Cb", "Cr"):
        assert np.array_equal(getattr(before, name), getattr(after, name)), name
    assert np.array_equal(load_image(tmp_path / "out.jpg").rgb, loaded.rgb)


def test_a_greyscale_jpeg_stays_one_component_with_its_blocks(tmp_path: Path, astronaut) -> None:
    src = tmp_path / "grey.jpg"
    Image.fromarray(astronaut).convert("L").save(src, quality=85)
    loaded, result = _edit(src, "keep the sign unchanged and make the background darker")
    assert save_image(tmp_path / "out.jpg", result.rgb, source=loaded) == []
    after = jpeglib.read_dct(str(tmp_path / "out.jpg"))
    assert after.Cb is None
    _, touched = _footprint(result.changed > 0, 8)
    assert np.array_equal(after.Y[~touched], jpeglib.read_dct(str(src)).Y[~touched])


def test_oriented_jpeg_keeps_blocks_in_the_stored_layout(tmp_path: Path, astronaut) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    src = _write(astronaut, tmp_path / "in.jpg", quality=90, exif=exif.tobytes())
    loaded, result = _edit(src, "keep the sign unchanged and make the background darker")
    assert save_image(tmp_path / "out.jpg", result.rgb, source=loaded, reference=result.reference) == []
    _, touched = _footprint(stored(result.changed, 6) > 0, 8)
    after, before = jpeglib.read_dct(str(tmp_path / "out.jpg")), jpeglib.read_dct(str(src))
    assert np.array_equal(after.Y[~touched], before.Y[~touched])
    out = load_image(tmp_path / "out.jpg")
    assert out.rgb.shape == loaded.rgb.shape and out.orientation == 6


@pytest.mark.parametrize("orientation", range(1, 9))
def test_stored_undoes_upright_as_pillow_applies_it(orientation: int) -> None:
    from PIL import ImageOps

    arr = np.arange(5 * 7 * 3, dtype=np.uint8).reshape(5, 7, 3)
    img = Image.fromarray(arr)
    exif = img.getexif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", exif=exif.tobytes())
    shown = np.asarray(ImageOps.exif_transpose(Image.open(buffer)))
    assert np.array_equal(upright(arr, orientation), shown)
    assert np.array_equal(stored(shown, orientation), arr)


def test_a_format_change_warns_once_with_the_measured_deviation(tmp_path: Path, astronaut) -> None:
    src = _write(astronaut, tmp_path / "in.png")
    loaded, result = _edit(src, "keep the sign unchanged and make the background darker")
    meta: dict = {}
    notes = save_image(tmp_path / "out.jpg", result.rgb, source=loaded, metadata=meta, reference=result.reference)
    record = meta["output"]
    decoded = np.asarray(Image.open(tmp_path / "out.jpg").convert("RGB"))
    unedited = (result.rgb == loaded.rgb).all(axis=2)
    differs = (decoded != loaded.rgb).any(axis=2) & unedited
    assert record["method"] == "encoded" and record["changed_pixels"] == int(differs.sum()) > 1000
    assert record["unedited_pixels"] == int(unedited.sum())
    assert len(notes) == 1 and "the input is PNG, not a JPEG" in notes[0] and f"{int(differs.sum()):,}" in notes[0]
    assert "--format png" in notes[0]


def test_geometry_ops_say_the_blocks_could_not_be_kept(tmp_path: Path, astronaut) -> None:
    src = _write(astronaut, tmp_path / "in.jpg", quality=90)
    loaded, result = _edit(src, "keep the sign unchanged, make the background darker and flip it horizontally")
    meta: dict = {}
    notes = save_image(tmp_path / "out.jpg", result.rgb, source=loaded, metadata=meta, reference=result.reference)
    assert len(notes) == 1 and "a geometry op moved the pixels" in notes[0]
    assert meta["output"]["changed_pixels"] > 0
    # Encoded as the input was: the same tables and subsampling.
    assert np.array_equal(jpeglib.read_dct(str(tmp_path / "out.jpg")).qt, jpeglib.read_dct(str(src)).qt)


def test_cmyk_jpeg_is_encoded_anew_and_says_so(tmp_path: Path, astronaut) -> None:
    src = tmp_path / "cmyk.jpg"
    Image.fromarray(astronaut).convert("CMYK").save(src, quality=90)
    loaded = load_image(src)
    meta: dict = {}
    notes = save_image(tmp_path / "out.jpg", loaded.rgb, source=loaded, metadata=meta)
    assert len(notes) == 1 and "(it is a CMYK JPEG)" in notes[0]
    assert meta["output"]["reason"] == "it is a CMYK JPEG" and meta["output"]["changed_pixels"] > 0


def test_lossy_webp_warns_and_lossless_webp_stays_exact(tmp_path: Path, astronaut) -> None:
    lossy = _write(astronaut, tmp_path / "lossy.webp", quality=80)
    lossless = _write(astronaut, tmp_path / "lossless.webp", lossless=True)
    for src, exact in ((lossy, False), (lossless, True)):
        loaded = load_image(src)
        meta: dict = {}
        notes = save_image(tmp_path / f"out_{src.stem}.webp", loaded.rgb, source=loaded, metadata=meta)
        decoded = np.asarray(Image.open(tmp_path / f"out_{src.stem}.webp").convert("RGB"))
        assert np.array_equal(decoded, loaded.rgb) == exact
        assert meta["output"]["lossy"] is not exact
        assert (notes == []) == exact
        if not exact:
            assert "WebP is lossy" in notes[0] and "--format png" in notes[0]


def test_cli_reports_the_kept_blocks_and_warns_once_for_a_lossy_change(tmp_path: Path, astronaut, cli) -> None:
    src = _write(astronaut, tmp_path / "in.jpg", quality=90)
    box = "sign=" + ",".join(str(v) for v in SIGN)
    run = cli("edit", str(src), "keep the sign unchanged and make the background darker", "--region", box)
    assert run.code == 0, run.err
    assert "8x8 blocks copied from the input" in run.out and "encodes every pixel anew" not in run.err
    run = cli("edit", str(src), "keep the sign unchanged and make the background darker", "--region", box,
              "-o", str(tmp_path / "out.webp"))  # fmt: skip
    assert run.code == 0, run.err
    assert run.err.count("encodes every pixel anew") == 1 and "WebP is lossy" in run.err
