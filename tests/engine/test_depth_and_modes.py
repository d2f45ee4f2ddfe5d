"""Bit depth, greyscale and palettes: 16-bit files are edited in 16 bits and written back in 16 bits, greyscale
stays greyscale while every step keeps it grey, palette PNGs keep their palette while their colours allow."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import tifffile
from PIL import Image, ImageCms

from editree import plan as make_plan
from editree.engine.executor import run_plan
from editree.engine.image_io import load_image, read_metadata, save_image
from editree.engine.regions import UserRegions, parse_box_option

SIGN = (101, 53, 299, 397)


def _user() -> UserRegions:
    name, box = parse_box_option("sign=" + ",".join(str(v) for v in SIGN))
    return UserRegions(boxes={name: box})


def _deep(astronaut: np.ndarray) -> np.ndarray:
    """The astronaut in 16 bits, with low bits of its own: values above 255 and not multiples of 257."""
    rng = np.random.default_rng(0)
    return (astronaut.astype(np.uint16) * 256 + rng.integers(0, 256, astronaut.shape)).astype(np.uint16)


def _read16(path: Path) -> np.ndarray:
    arr = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    return arr[..., 2::-1] if arr.ndim == 3 else arr


@pytest.mark.parametrize("suffix", [".png", ".tif"])
def test_sixteen_bit_colour_is_edited_and_written_in_sixteen_bits(tmp_path: Path, astronaut, suffix: str) -> None:
    deep = _deep(astronaut)
    src = tmp_path / f"in{suffix}"
    if suffix == ".png":
        cv2.imwrite(str(src), deep[..., ::-1])
    else:
        tifffile.imwrite(src, deep, photometric="rgb")
    loaded = load_image(src)
    assert loaded.rgb.dtype == np.uint16 and np.array_equal(loaded.rgb, deep)
    result = run_plan(make_plan("keep the sign unchanged and make the background darker"), loaded.rgb,
                      user_regions=_user())  # fmt: skip
    assert result.rgb.dtype == np.uint16
    out = tmp_path / f"out{suffix}"
    save_image(out, result.rgb, source=loaded, metadata={"seed": 0}, reference=result.reference)
    written = _read16(out)
    assert written.dtype == np.uint16 and np.array_equal(written, result.rgb)
    x0, y0, x1, y1 = SIGN
    assert np.array_equal(written[y0:y1, x0:x1], deep[y0:y1, x0:x1]), "kept pixels keep all 16 bits"
    assert (written[y0:y1, x0:x1] > 255).any() and (written[y0:y1, x0:x1] % 257 != 0).any()
    edited = result.changed > 0
    assert (written[edited] != deep[edited]).mean() > 0.9
    assert (written[edited] % 257 != 0).mean() > 0.5, "edited in 16 bits, not through 8"


def test_sixteen_bit_png_keeps_alpha_icc_exif_and_provenance(tmp_path: Path, astronaut) -> None:
    deep = _deep(astronaut[:64, :64])
    alpha = np.tile(np.arange(64, dtype=np.uint16) * 1000, (64, 1))
    src = tmp_path / "in.png"
    cv2.imwrite(str(src), np.dstack([deep[..., ::-1], alpha]))
    loaded = load_image(src)
    assert loaded.alpha is not None and loaded.alpha.dtype == np.uint16 and np.array_equal(loaded.alpha, alpha)
    loaded.icc_profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    loaded.exif = exif.tobytes()
    meta = {"plan": {"instruction": "x"}, "seed": 3}
    save_image(tmp_path / "out.png", loaded.rgb, loaded.alpha, source=loaded, metadata=meta)
    back = load_image(tmp_path / "out.png")
    assert np.array_equal(back.rgb, deep) and np.array_equal(back.alpha, alpha)
    assert back.icc_profile == loaded.icc_profile
    with Image.open(tmp_path / "out.png") as img:
        assert img.getexif().get(0x010F) == "TestCam"
    assert read_metadata(tmp_path / "out.png") == meta


def test_sixteen_bits_into_an_eight_bit_format_says_so(tmp_path: Path, astronaut) -> None:
    src = tmp_path / "in.png"
    cv2.imwrite(str(src), _deep(astronaut)[..., ::-1])
    loaded = load_image(src)
    notes = save_image(tmp_path / "out.jpg", loaded.rgb, source=loaded)
    assert any("holds 8 bits per channel" in n for n in notes)
    with Image.open(tmp_path / "out.jpg") as img:
        assert img.mode == "RGB"


@pytest.mark.parametrize(("instruction", "mode"), [("make it brighter", "L"), ("make it warmer", "RGB")])
def test_greyscale_stays_greyscale_while_the_steps_keep_it_grey(
    tmp_path: Path, astronaut, instruction: str, mode: str
) -> None:
    for suffix in (".png", ".jpg"):
        src = tmp_path / f"grey{suffix}"
        Image.fromarray(astronaut).convert("L").save(src)
        loaded = load_image(src)
        assert loaded.gray
        result = run_plan(make_plan(instruction), loaded.rgb)
        save_image(tmp_path / f"out{suffix}", result.rgb, source=loaded, reference=result.reference)
        with Image.open(tmp_path / f"out{suffix}") as img:
            assert img.mode == mode, (suffix, instruction)


def test_a_palette_png_keeps_its_palette_while_its_colours_allow(tmp_path: Path) -> None:
    indices = (np.arange(32 * 48) % 5).reshape(32, 48).astype(np.uint8)
    palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 250, 250, 250, 10, 10, 10] + [0] * (768 - 15)
    img = Image.fromarray(indices, "P")
    img.putpalette(palette)
    src = tmp_path / "pal.png"
    img.save(src)
    loaded = load_image(src)
    flipped = run_plan(make_plan("flip it horizontally"), loaded.rgb)
    assert save_image(tmp_path / "flipped.png", flipped.rgb, source=loaded) == []
    with Image.open(tmp_path / "flipped.png") as out:
        assert out.mode == "P" and out.getpalette()[:15] == palette[:15]
        assert np.array_equal(np.asarray(out), indices[:, ::-1])
    warmer = run_plan(make_plan("make it warmer"), loaded.rgb)
    notes = save_image(tmp_path / "warmer.png", warmer.rgb, source=loaded)
    assert len(notes) == 1 and "full-colour PNG" in notes[0]
    with Image.open(tmp_path / "warmer.png") as out:
        assert out.mode == "RGB" and np.array_equal(np.asarray(out), warmer.rgb)
