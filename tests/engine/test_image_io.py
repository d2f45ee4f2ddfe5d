"""Image I/O: every odd input becomes RGB uint8 (+alpha aside) or a clear error; writes are atomic."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import check_output_path, load_image, read_metadata, save_image
from editree.errors import ImageError, UsageError


def _gradient(w: int = 40, h: int = 30) -> np.ndarray:
    x = np.linspace(0, 255, w, dtype=np.float32)[None, :, None]
    y = np.linspace(0, 255, h, dtype=np.float32)[:, None, None]
    return np.concatenate(
        [np.broadcast_to(x, (h, w, 1)), np.broadcast_to(y, (h, w, 1)), np.full((h, w, 1), 100, np.float32)], axis=2
    ).astype(np.uint8)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    rgb = _gradient()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    path = tmp_path / "rotated.jpg"
    Image.fromarray(rgb).save(path, exif=exif.tobytes(), quality=100)
    loaded = load_image(path)
    assert loaded.rgb.shape == (40, 30, 3)  # width and height swapped, as a viewer shows it
    upright = np.array(Image.fromarray(rgb).transpose(Image.Transpose.ROTATE_270))
    assert np.abs(loaded.rgb.astype(int) - upright.astype(int)).mean() < 3


def test_orientation_is_reset_on_save_except_where_jpeg_blocks_are_kept(tmp_path: Path) -> None:
    """A PNG output has upright pixels and orientation 1. A JPEG output of a JPEG input keeps the stored layout
    and the orientation tag (so its blocks can be the input's): a viewer shows both the same way."""
    exif = Image.Exif()
    exif[0x0112] = 6
    src = tmp_path / "rotated.jpg"
    Image.fromarray(_gradient()).save(src, exif=exif.tobytes())
    loaded = load_image(src)
    save_image(tmp_path / "out.png", loaded.rgb, source=loaded)
    with Image.open(tmp_path / "out.png") as img:
        assert img.getexif().get(0x0112) == 1
        assert img.size == (30, 40)
    save_image(tmp_path / "out.jpg", loaded.rgb, source=loaded)
    with Image.open(tmp_path / "out.jpg") as img:
        assert img.getexif().get(0x0112) == 6
        assert img.size == (40, 30)
    assert np.array_equal(load_image(tmp_path / "out.jpg").rgb, loaded.rgb)


def test_alpha_is_kept_aside_and_written_back(tmp_path: Path) -> None:
    rgba = np.dstack([_gradient(), np.tile(np.arange(40, dtype=np.uint8) * 6, (30, 1))])
    path = tmp_path / "alpha.png"
    Image.fromarray(rgba, "RGBA").save(path)
    loaded = load_image(path)
    assert loaded.rgb.shape == (30, 40, 3)
    assert np.array_equal(loaded.alpha, rgba[..., 3])
    out = tmp_path / "out.png"
    save_image(out, loaded.rgb, loaded.alpha)
    assert np.array_equal(np.array(Image.open(out)), rgba)


def test_palette_with_transparency(tmp_path: Path) -> None:
    img = Image.new("P", (8, 8))
    img.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    img.paste(1, (0, 0, 4, 8))
    img.info["transparency"] = 0
    path = tmp_path / "pal.png"
    img.save(path, transparency=0)
    loaded = load_image(path)
    assert loaded.alpha is not None and loaded.alpha[:, :4].min() == 255 and loaded.alpha[:, 4:].max() == 0
    assert tuple(loaded.rgb[0, 0]) == (0, 255, 0)


def test_cmyk_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (10, 10), (0, 255, 255, 0)).save(path)
    loaded = load_image(path)
    assert loaded.rgb.shape == (10, 10, 3) and loaded.source_mode == "CMYK"
    r, g, b = loaded.rgb[5, 5]
    assert r > 200 and g < 60 and b < 60


def test_sixteen_bit_grayscale_stays_sixteen_bit_grey(tmp_path: Path) -> None:
    arr = np.arange(64, dtype=np.uint16).reshape(8, 8) * 1000
    path = tmp_path / "g16.png"
    Image.fromarray(arr).save(path)
    loaded = load_image(path)
    assert loaded.rgb.dtype == np.uint16 and loaded.rgb.shape == (8, 8, 3) and loaded.gray
    assert loaded.rgb[7, 7, 0] == 63000
    for name in ("out.png", "out.tif"):
        save_image(tmp_path / name, loaded.rgb, source=loaded)
        with Image.open(tmp_path / name) as img:
            assert img.mode == "I;16", name
            assert np.array_equal(np.asarray(img), arr), name


def test_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("hello")
    with pytest.raises(ImageError, match="not an image that can be read"):
        load_image(path)


def test_truncated_image(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.fromarray(_gradient(200, 200)).save(buf, format="PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(ImageError, match="truncated or corrupt"):
        load_image(path)


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("L", (5000, 5000)).save(path)
    with pytest.raises(ImageError, match=r"5000x5000 \(25 MP\), above the limit of 10 MP"):
        load_image(path, max_pixels=10_000_000)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="no such file"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(ImageError, match="is a folder"):
        load_image(tmp_path)


def test_output_checks(tmp_path: Path) -> None:
    src = tmp_path / "in.png"
    Image.fromarray(_gradient()).save(src)
    with pytest.raises(UsageError, match="is the input image"):
        check_output_path(src, [src])
    assert check_output_path(src, [src], overwrite=True) == src
    with pytest.raises(UsageError, match=r"has extension '\.heic'"):
        check_output_path(tmp_path / "out.heic", [src])
    with pytest.raises(UsageError, match="does not exist"):
        check_output_path(tmp_path / "no" / "out.png", [src])


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.png"

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Image.Image, "save", boom)
    with pytest.raises(ImageError, match="cannot write the output"):
        save_image(out, _gradient())
    assert os.listdir(tmp_path) == []


def test_written_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """The atomic write goes through a private temp file; the result must still be readable by the group and
    others as the umask allows (a 0600 output breaks web folders and shared drives)."""
    out = tmp_path / "out.png"
    save_image(out, _gradient())
    mask = os.umask(0o022)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_metadata_round_trip(tmp_path: Path) -> None:
    meta = {"plan": {"version": 1, "instruction": 'say "<b>" & </editree:provenance>'}, "seed": 7}
    for name in ("out.png", "out.jpg", "out.webp"):
        assert save_image(tmp_path / name, _gradient(), metadata=meta) == []
        assert read_metadata(tmp_path / name) == meta
    assert read_metadata(_plain(tmp_path)) is None


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.jpg"
    Image.fromarray(_gradient()).save(path)
    return path


def test_icc_profile_and_exif_are_kept(tmp_path: Path) -> None:
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    src = tmp_path / "in.jpg"
    Image.fromarray(_gradient()).save(src, icc_profile=icc, exif=exif.tobytes())
    loaded = load_image(src)
    for name in ("out.jpg", "out.png", "out.webp"):
        save_image(tmp_path / name, loaded.rgb, source=loaded)
        with Image.open(tmp_path / name) as img:
            assert img.info.get("icc_profile") == icc, name
            assert img.getexif().get(0x010F) == "TestCam", name
