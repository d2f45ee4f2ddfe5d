"""Vignette: the picture darkens smoothly towards its edges and corners, as an old lens does.

The falloff is elliptical (it follows the picture's shape), starts inside a radius that shrinks as the amount
grows, and multiplies the three channels alike, so hues are kept. Worked a band of rows at a time.
"""

from __future__ import annotations

import numpy as np

from editree.ops import args as a

BAND_ROWS = 256
DARKEST = 0.85
"""At amount 1 the corners keep 15% of their light."""


def gain(shape: tuple[int, int], amount: float, rows: slice | None = None) -> np.ndarray:
    """The factor (float32, rows × W) each pixel is multiplied by: 1 in the middle, 1 - DARKEST·amount at the
    corners."""
    h, w = shape
    rows = rows or slice(0, h)
    y = (np.arange(rows.start, min(rows.stop, h), dtype=np.float32) + 0.5 - h / 2) / (h / 2)
    x = (np.arange(w, dtype=np.float32) + 0.5 - w / 2) / (w / 2)
    radius = np.sqrt((y[:, None] ** 2 + x[None, :] ** 2) / 2.0)  # 1 at the corners
    inner = 0.55 - 0.25 * amount
    t = np.clip((radius - inner) / (1.0 - inner), 0.0, 1.0)
    return 1.0 - DARKEST * amount * (t * t * (3.0 - 2.0 * t))


def vignette(rgb: np.ndarray, mask: np.ndarray, args: a.VignetteArgs, rng: np.random.Generator) -> np.ndarray:
    h = rgb.shape[0]
    top = float(np.iinfo(rgb.dtype).max)
    out = np.empty_like(rgb)
    for start in range(0, h, BAND_ROWS):
        rows = slice(start, min(h, start + BAND_ROWS))
        band = rgb[rows].astype(np.float32) * gain(rgb.shape[:2], args.amount, rows)[..., None]
        out[rows] = np.clip(np.rint(band), 0, top).astype(rgb.dtype)
    return out


vignette.handles_16_bit = True  # type: ignore[attr-defined]
