"""The check picture: masks tinted, outlined and labelled; the rest of the photo untouched."""

from __future__ import annotations

import numpy as np

from editree.engine.overlay import PALETTE, overlay


def _masks(shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    big, small = np.zeros(shape, np.float32), np.zeros(shape, np.float32)
    big[100:400, 50:250] = 1.0
    small[300:310, 400:410] = 1.0
    return big, small


def test_regions_are_tinted_and_the_rest_is_untouched(astronaut: np.ndarray) -> None:
    big, small = _masks(astronaut.shape[:2])
    out = overlay(astronaut, [("big", big), ("speck", small)])
    assert out.shape == astronaut.shape and out.dtype == np.uint8
    inside = out[110:140, 60:90].astype(float)  # inside, away from the outline and the centred label
    expected = astronaut[110:140, 60:90] * 0.55 + np.array(PALETTE[0]) * 0.45
    assert np.abs(inside - expected).max() <= 1.0, "tinted with the first colour at 45%"
    assert np.array_equal(out[:60, 300:], astronaut[:60, 300:]), "far from every region and label: untouched"


def test_small_regions_keep_their_label_beside_them(astronaut: np.ndarray) -> None:
    _, small = _masks(astronaut.shape[:2])
    out = overlay(astronaut, [("speck", small)])
    inside = out[302:308, 402:408].astype(float)
    expected = astronaut[302:308, 402:408] * 0.55 + np.array(PALETTE[0]) * 0.45
    assert np.abs(inside - expected).max() <= 1.0, "the label does not cover the region it names"


def test_labels_opencv_cannot_draw_become_numbers(astronaut: np.ndarray) -> None:
    big, _ = _masks(astronaut.shape[:2])
    assert np.array_equal(overlay(astronaut, [("天空", big)]), overlay(astronaut, [("#1", big)]))


def test_a_region_touching_the_edge_is_labelled_inside_not_on_the_edge(astronaut: np.ndarray) -> None:
    lower = np.zeros(astronaut.shape[:2], np.float32)
    lower[200:, :] = 1.0
    out = overlay(astronaut, [("lower half", lower)]).astype(float)
    tint = astronaut * 0.55 + np.array(PALETTE[0]) * 0.45
    assert np.abs(out[470:505, 20:490] - tint[470:505, 20:490]).max() <= 1.0, "no label along the bottom edge"
    assert np.abs(out[330:380, 100:420] - tint[330:380, 100:420]).max() > 50, "the label sits in the middle"
