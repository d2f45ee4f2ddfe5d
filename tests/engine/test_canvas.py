"""Geometry ops: exact moves stay exact, resampling is reported, masks and alpha move with the picture."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from editree.engine.canvas import estimate_horizon_angle
from editree.engine.executor import run_plan
from editree.planner import parse


def test_crop_to_aspect_is_a_centred_slice(astronaut: np.ndarray) -> None:
    result = run_plan(parse("crop to 16:9"), astronaut)
    assert result.rgb.shape == (288, 512, 3) and result.exact_geometry
    assert np.array_equal(result.rgb, astronaut[112:400])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rotate 90 degrees", lambda a: np.rot90(a, k=-1)),
        ("rotate left", lambda a: np.rot90(a, k=1)),
        ("turn it upside down", lambda a: np.rot90(a, k=2)),
        ("flip horizontally", np.fliplr),
        ("flip the image vertically", np.flipud),
    ],
)
def test_exact_moves(astronaut: np.ndarray, text: str, expected) -> None:
    result = run_plan(parse(text), astronaut)
    assert result.exact_geometry and np.array_equal(result.rgb, expected(astronaut))


def test_keep_survives_an_exact_move(astronaut: np.ndarray) -> None:
    result = run_plan(parse("mirror it and make the background black and white, keep the person unchanged"), astronaut)
    assert any("run after all pixel edits" in w for w in result.warnings)
    mirrored = np.fliplr(astronaut)
    assert 0.3 < result.protected.mean() < 0.75
    assert np.array_equal(result.rgb[result.protected], mirrored[result.protected])
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], mirrored[untouched])


def test_resize_and_free_rotation_resample_and_say_so(astronaut: np.ndarray) -> None:
    small = run_plan(parse("resize to 50%"), astronaut)
    assert small.rgb.shape == (256, 256, 3) and not small.exact_geometry
    assert any("resamples every pixel" in w for w in small.warnings)
    wide = run_plan(parse("resize to 300 pixels wide"), astronaut)
    assert wide.rgb.shape == (300, 300, 3)
    tilted = run_plan(parse("rotate it 10 degrees counterclockwise"), astronaut)
    assert tilted.rgb.shape[0] > 512 and not tilted.exact_geometry


def test_alpha_moves_with_the_picture(astronaut: np.ndarray) -> None:
    alpha = np.zeros(astronaut.shape[:2], np.uint8)
    alpha[:, :100] = 255
    result = run_plan(parse("flip horizontally"), astronaut, alpha=alpha)
    assert np.array_equal(result.alpha, np.fliplr(alpha))


def _tilted_horizon(degrees: float) -> np.ndarray:
    h, w = 400, 600
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = (40, 90, 40)
    rise = round(w * np.tan(np.radians(degrees)))
    cv2.fillPoly(img, [np.array([[0, 230], [w, 230 - rise], [w, 0], [0, 0]], np.int32)], (150, 190, 240))
    return img


def test_straighten_levels_a_tilted_horizon() -> None:
    img = _tilted_horizon(5)
    assert estimate_horizon_angle(img) == pytest.approx(5, abs=0.5)
    result = run_plan(parse("straighten the horizon"), img)
    assert abs(estimate_horizon_angle(result.rgb) or 0) < 0.5
    # Cropped to the level picture: no empty corners.
    assert result.rgb[0, 0].any() and result.rgb[-1, -1].any()


def test_straighten_without_a_horizon_does_nothing(chelsea: np.ndarray) -> None:
    flat = np.full_like(chelsea, 128)
    result = run_plan(parse("straighten the photo"), flat)
    assert np.array_equal(result.rgb, flat) and any("no tilted horizon" in w for w in result.warnings)


def test_extend_needs_a_generative_model(cli, tmp_path: Path, astronaut: np.ndarray) -> None:
    path = tmp_path / "a.png"
    Image.fromarray(astronaut).save(path)
    result = cli("edit", str(path), "extend the image to the left")
    assert result.code == 5 and "needs a generative model" in result.err


def test_crop_from_the_cli_keeps_alpha(cli, tmp_path: Path, astronaut: np.ndarray) -> None:
    rgba = np.dstack([astronaut, np.full(astronaut.shape[:2], 200, np.uint8)])
    path = tmp_path / "a.png"
    Image.fromarray(rgba, "RGBA").save(path)
    out = tmp_path / "o.png"
    assert cli("edit", str(path), "crop it to a square and rotate left", "-o", str(out)).code == 0
    with Image.open(out) as img:
        assert img.mode == "RGBA" and img.size == (512, 512)
