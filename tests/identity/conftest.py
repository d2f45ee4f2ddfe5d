"""Real photos for identity: scikit-image's astronaut (one face) and cameraman (another person), and edits of
them made here with plain numpy/OpenCV, so each test knows exactly what it did to the face."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

FACE = (175, 76, 266, 167)
"""Where dlib finds the astronaut's face (x0, y0, x1, y1)."""


@pytest.fixture(scope="session")
def cameraman() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(np.stack([data.camera()] * 3, axis=-1))


def pixelate(rgb: np.ndarray, box: tuple[int, int, int, int], cells: int = 6) -> np.ndarray:
    """`box` of `rgb` as `cells`×`cells` flat squares."""
    out = rgb.copy()
    x0, y0, x1, y1 = box
    small = cv2.resize(out[y0:y1, x0:x1], (cells, cells), interpolation=cv2.INTER_AREA)
    out[y0:y1, x0:x1] = cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_NEAREST)
    return out


def blur_box(rgb: np.ndarray, box: tuple[int, int, int, int], sigma: float = 10.0) -> np.ndarray:
    out = rgb.copy()
    x0, y0, x1, y1 = box
    out[y0:y1, x0:x1] = cv2.GaussianBlur(rgb, (0, 0), sigma)[y0:y1, x0:x1]
    return out


def tile(pictures: list[np.ndarray], columns: int) -> np.ndarray:
    """Pictures of one size side by side, `columns` to a row: a group picture whose faces are known."""
    rows = [np.concatenate(pictures[i : i + columns], axis=1) for i in range(0, len(pictures), columns)]
    return np.ascontiguousarray(np.concatenate(rows, axis=0))
