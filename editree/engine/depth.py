"""Bit depth: 16-bit pictures are edited in 16 bits where an op can, and through an 8-bit copy where it cannot.

The classical ops work at either depth (they mark themselves with `handles_16_bit`). Segmenters, condition tests
and the generative models see 8 bits: for a 16-bit canvas an 8-bit op runs on a rounded copy and its result is
scaled back (×257), so only the pixels it edits lose their low bits; the composite keeps every other pixel's
16-bit value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def to_8bit(picture: np.ndarray) -> np.ndarray:
    """uint8 as it is; uint16 rounded to the nearest of 256 levels (x / 257)."""
    if picture.dtype == np.uint8:
        return picture
    import cv2

    return cv2.convertScaleAbs(picture, alpha=1.0 / 257.0)


def to_16bit(picture: np.ndarray) -> np.ndarray:
    """8-bit levels on the 16-bit scale (x × 257: 255 becomes 65535)."""
    out = picture.astype(np.uint16)
    out *= 257
    return out


def top(dtype: Any) -> int:
    """The value of white: 255 or 65535."""
    return int(np.iinfo(dtype).max)


def run_at_depth(op: Callable[..., Any], canvas: np.ndarray, *args: Any, **kwargs: Any) -> Any:
    """`op(canvas, *args, **kwargs)`, through an 8-bit copy when the canvas is 16-bit and the op is not marked
    `handles_16_bit`; the op's picture comes back at the canvas's depth (an op may also return an object whose
    `image` is the picture, as OpOutput)."""
    if canvas.dtype == np.uint8 or getattr(op, "handles_16_bit", False):
        return op(canvas, *args, **kwargs)
    result = op(to_8bit(canvas), *args, **kwargs)
    if isinstance(result, np.ndarray):
        return to_16bit(result) if result.dtype == np.uint8 else result
    picture = getattr(result, "image", None)
    if isinstance(picture, np.ndarray) and picture.dtype == np.uint8:
        result.image = to_16bit(picture)
    return result
