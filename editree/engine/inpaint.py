"""Classical hole filling (no model): OpenCV's inpainting, made to hold up on large holes.

`cv2.inpaint` (Telea's fast marching, or Navier–Stokes) propagates the colours at a hole's border inward. On a
thin hole that is all it takes; on a large one (an object of 5–15% of the photo) the propagation runs for
hundreds of pixels and smears into streaks, and its cost grows with the hole. The "pyramid" method fills a
copy shrunk until the hole is a few pixels across, where propagation is short and the large structure (a
horizon, a wall's colour) carries through, scales that fill back up, and mends the seam by carrying the
photo's own detail at the border a few pixels inward (fading with depth). Only a crop around the hole is
worked on, so the cost follows the hole, not the photo. `bench/inpaint_quality.py` measures the methods on
real photos.
"""

from __future__ import annotations

import math
from typing import Literal

import cv2
import numpy as np

Method = Literal["telea", "ns", "pyramid"]
METHODS: tuple[Method, ...] = ("telea", "ns", "pyramid")
DEFAULT_METHOD: Method = "pyramid"

RADIUS = 3
"""cv2.inpaint's neighbourhood radius (pixels)."""
COARSE_RADIUS = 6.0
"""The pyramid method shrinks the picture until the hole's inscribed radius is about this many pixels."""


def fill(rgb: np.ndarray, hole: np.ndarray, method: Method = DEFAULT_METHOD) -> np.ndarray:
    """`rgb` (H×W×3, uint8 or uint16) with the pixels where `hole` (bool H×W) is True filled from their
    surroundings; every other pixel is returned unchanged."""
    if method not in METHODS:
        raise ValueError(f"unknown inpainting method {method!r}; expected one of {', '.join(METHODS)}")
    hole = np.asarray(hole, bool)
    out = rgb.copy()
    if not hole.any():
        return out
    if hole.all():
        raise ValueError("the region to fill covers the whole image; there is nothing around it to fill from")
    y0, y1, x0, x1 = _crop_around(hole, rgb.shape[:2])
    crop, crop_hole = rgb[y0:y1, x0:x1], hole[y0:y1, x0:x1]
    if method == "pyramid":
        filled = _pyramid(crop, crop_hole)
    else:
        filled = _inpaint(crop, crop_hole, cv2.INPAINT_TELEA if method == "telea" else cv2.INPAINT_NS)
    region = out[y0:y1, x0:x1]
    region[crop_hole] = filled[crop_hole]
    return out


def inscribed_radius(hole: np.ndarray) -> float:
    """The radius of the largest disc inside the hole (pixels): how far a fill has to reach."""
    padded = np.pad(hole.astype(np.uint8), 1)  # the image edge counts as known, as cv2.inpaint treats it
    return float(cv2.distanceTransform(padded, cv2.DIST_L2, 5).max())


def _crop_around(hole: np.ndarray, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    """The hole's bounding box grown by enough known pixels for every method to read from."""
    rows, cols = np.flatnonzero(hole.any(axis=1)), np.flatnonzero(hole.any(axis=0))
    reach = max(32, math.ceil(2 * inscribed_radius(hole)))
    h, w = shape
    return (
        max(0, rows[0] - reach),
        min(h, rows[-1] + 1 + reach),
        max(0, cols[0] - reach),
        min(w, cols[-1] + 1 + reach),
    )


def _inpaint(rgb: np.ndarray, hole: np.ndarray, flags: int, radius: int = RADIUS) -> np.ndarray:
    mask = hole.astype(np.uint8)
    if rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[2] == 3:
        return cv2.inpaint(np.ascontiguousarray(rgb), mask, radius, flags)
    # OpenCV inpaints 16-bit and float pictures one channel at a time.
    planes = rgb[..., None] if rgb.ndim == 2 else rgb
    filled = [cv2.inpaint(np.ascontiguousarray(planes[..., c], np.float32), mask, radius, flags) for c in range(3)]
    top = np.iinfo(rgb.dtype).max if rgb.dtype.kind == "u" else None
    stacked = np.stack(filled, axis=-1)
    if top is not None:
        stacked = np.clip(np.rint(stacked), 0, top)
    return stacked.astype(rgb.dtype).reshape(rgb.shape)


def _pyramid(rgb: np.ndarray, hole: np.ndarray) -> np.ndarray:
    radius = inscribed_radius(hole)
    if radius <= 2 * COARSE_RADIUS:  # a thin hole: propagation is short at full size
        return _inpaint(rgb, hole, cv2.INPAINT_TELEA)
    h, w = hole.shape
    factor = radius / COARSE_RADIUS
    size = (max(8, round(w / factor)), max(8, round(h / factor)))
    small = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    # A shrunk pixel is a hole if any pixel under it is: the known ones are averages of known pixels only.
    small_hole = cv2.resize(hole.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 1e-6
    coarse = _inpaint(small, small_hole, cv2.INPAINT_TELEA)
    base = cv2.resize(coarse.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    # The photo's detail (what the shrunk copy lost) at the border, carried inward and faded with depth, so the
    # fill meets the known pixels without a step. Carried as 8-bit around 128 (one OpenCV pass for the three
    # channels; detail beyond ±127 levels is clipped, which only softens the strongest edges at the border).
    top = np.iinfo(rgb.dtype).max
    unit = top / 255.0
    depth = cv2.distanceTransform(hole.astype(np.uint8), cv2.DIST_L2, 5)
    tau = max(2.0, 0.5 * factor)
    band = hole & (depth <= 3 * tau)  # deeper in, the faded detail is nothing: those pixels stay at 128
    detail = np.clip(np.rint((rgb.astype(np.float32) - base) / unit + 128.0), 0, 255).astype(np.uint8)
    detail[hole] = 128
    reach = cv2.inpaint(detail, band.astype(np.uint8), RADIUS, cv2.INPAINT_TELEA)
    fade = np.exp(-depth[hole] / tau)[:, None]
    filled = base[hole] + (reach[hole].astype(np.float32) - 128.0) * unit * fade
    out = rgb.copy()
    out[hole] = np.clip(np.rint(filled), 0, top).astype(rgb.dtype)
    return out
