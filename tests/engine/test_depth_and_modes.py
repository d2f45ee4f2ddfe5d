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


def _animation(astronaut: np.ndarray, path: Path, shifts: tuple[int, ...] = (0, 90, 180)) -> list[np.ndarray]:
    """Frames of the astronaut moving right, saved as an animation with its own durations."""
    frames = [np.roll(astronaut, shift, axis=1) for shift in shifts]
    images = [Image.fromarray(frame) for frame in frames]
    options = {"lossless": True} if path.suffix == ".webp" else {}
    images[0].save(path, save_all=True, append_images=images[1:], duration=[100, 150, 200], loop=0, **options)
    with Image.open(path) as img:
        decoded = []
        for index in range(img.n_frames):
            img.seek(index)
            decoded.append(np.array(img.convert("RGB")))
    return decoded


def test_every_frame_of_an_animation_is_edited_with_its_own_regions(tmp_path: Path, astronaut, cli) -> None:
    from editree.engine.segmenters.mediapipe_seg import MediapipePerson

    src = tmp_path / "moving.gif"
    frames = _animation(astronaut, src)
    run = cli(
        "edit", str(src), "keep the person unchanged and make the background darker", "-o", str(tmp_path / "out.png")
    )
    assert run.code == 0, run.err
    assert "edited all 3 frames" in run.out
    with Image.open(tmp_path / "out.png") as out:  # an animated PNG: exact, so kept pixels can be checked
        assert out.n_frames == 3
        written = []
        for index in range(3):
            out.seek(index)
            written.append(np.array(out.convert("RGB")))
    for frame, edited in zip(frames, written, strict=True):
        person = MediapipePerson().segment(frame, "person") >= 0.5
        assert person.mean() > 0.2
        assert np.array_equal(edited[person], frame[person]), "the person found in this frame is kept"
        assert edited[~person].mean() < frame[~person].mean() - 5, "the rest is darker"
    run = cli("edit", str(src), "make it warmer", "-o", str(tmp_path / "out.gif"))
    assert run.code == 0, run.err
    with Image.open(tmp_path / "out.gif") as out:
        assert out.n_frames == 3
        durations = []
        for index in range(3):
            out.seek(index)
            durations.append(out.info["duration"])
        assert durations == [100, 150, 200]


def test_an_animation_is_never_silently_cut_to_one_frame(tmp_path: Path, astronaut, cli) -> None:
    src = tmp_path / "moving.webp"
    _animation(astronaut[::4, ::4].copy(), src)
    loaded = load_image(src)
    assert loaded.frame_count == 3 and loaded.frames == []
    with pytest.raises(Exception, match="--first-frame"):
        save_image(tmp_path / "one.webp", loaded.rgb, source=loaded)  # what batch or the API would have done
    run = cli("edit", str(src), "make it warmer", "-o", str(tmp_path / "out.jpg"))
    assert run.code == 2 and "JPEG holds one picture" in run.err and "--first-frame" in run.err
    assert not (tmp_path / "out.jpg").exists()
    run = cli("edit", str(src), "make it warmer", "--first-frame", "-o", str(tmp_path / "first.webp"))
    assert run.code == 0 and "only the first of 3 frames" in run.err
    with Image.open(tmp_path / "first.webp") as out:
        assert getattr(out, "n_frames", 1) == 1
    run = cli("edit", str(src), "make it warmer", "-o", str(tmp_path / "all.webp"))
    assert run.code == 0, run.err
    with Image.open(tmp_path / "all.webp") as out:
        assert out.n_frames == 3
