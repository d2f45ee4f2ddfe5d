"""Match a remote edit's colour to the picture around it, where the model relit the whole frame.

Hosted models return the frame with its exposure and white balance moved a little. Pasted as it is, the edited
region is brighter or bluer than the untouched pixels around it and its outline shows. Two corrections, both fitted
on a band of unchanged pixels around the target: a per-channel gain and offset (the global relight), then what
still differs along the band, spread smoothly inward (the local relight), so the seam is continuous while the
model's own detail and contrast inside the region stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

BAND_FRACTION = 0.04
"""Width of the band the colour is fitted on, as a fraction of the picture's longer side (at least 4 px)."""
MAX_GAIN = 1.6
"""A gain beyond [1/MAX_GAIN, MAX_GAIN] is not a relight; it is clamped."""


@dataclass(frozen=True)
class ColourMatch:
    gain: tuple[float, float, float]
    offset: tuple[float, float, float]
    band_px: int
    before: float
    """Mean absolute difference (levels) on the band before the correction."""
    after: float

    def record(self) -> dict[str, Any]:
        return {
            "gain": [round(g, 4) for g in self.gain],
            "offset": [round(o, 2) for o in self.offset],
            "band_px": self.band_px,
            "seam_difference": [round(self.before, 2), round(self.after, 2)],
        }


def match_colour(picture: np.ndarray, aligned: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, ColourMatch]:
    """`aligned` (uint8 H×W×3, the reply in the picture's frame) with its colour matched to `picture` around
    `target` (bool H×W, what the edit may change). Only pixels inside the target matter afterwards."""
    import cv2

    h, w = target.shape
    band_px = max(4, round(BAND_FRACTION * max(h, w)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * band_px + 1, 2 * band_px + 1))
    grown = cv2.dilate(target.astype(np.uint8), kernel) > 0
    band = grown & ~target
    if band.sum() < 32:  # the target is (nearly) the whole picture: nothing around it to match
        band = ~target if (~target).sum() >= 32 else np.zeros_like(target)
    if not band.any():
        identity = ColourMatch((1.0, 1.0, 1.0), (0.0, 0.0, 0.0), band_px, 0.0, 0.0)
        return aligned, identity
    src = aligned[band].astype(np.float64)
    dst = picture[band].astype(np.float64)
    before = float(np.abs(src - dst).mean())
    gains, offsets = [], []
    for c in range(3):
        g, o = _robust_line(src[:, c], dst[:, c])
        gains.append(g)
        offsets.append(o)
    gain = np.array(gains, np.float32)
    offset = np.array(offsets, np.float32)
    corrected = aligned.astype(np.float32) * gain + offset
    # What the global fit leaves along the band, spread into the target by normalised convolution.
    residual = np.zeros((h, w, 3), np.float32)
    residual[band] = picture[band].astype(np.float32) - corrected[band]
    weight = band.astype(np.float32)
    sigma = float(2 * band_px)
    spread = cv2.GaussianBlur(residual, (0, 0), sigma)
    norm = cv2.GaussianBlur(weight, (0, 0), sigma)
    reach = norm > 1e-3
    correction = np.zeros_like(residual)
    correction[reach] = spread[reach] / norm[reach][:, None]
    corrected += correction
    out = np.clip(np.rint(corrected), 0, 255).astype(np.uint8)
    after = float(np.abs(out[band].astype(np.float64) - dst).mean())
    return out, ColourMatch(tuple(float(g) for g in gain), tuple(float(o) for o in offset), band_px, before, after)  # type: ignore[arg-type]


def _robust_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """y ≈ g·x + o by least squares, refitted once without the worst tenth (edges the fit cannot explain); a gain
    past MAX_GAIN is clamped and the offset refitted for it."""
    g, o = _line(x, y)
    error = np.abs(g * x + o - y)
    keep = error <= np.quantile(error, 0.9)
    if keep.sum() >= 16:
        x, y = x[keep], y[keep]
        g, o = _line(x, y)
    clamped = float(np.clip(g, 1.0 / MAX_GAIN, MAX_GAIN))
    if clamped != g:
        return clamped, float(y.mean() - clamped * x.mean())
    return g, o


def _line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    spread = float(x.var())
    if spread < 1.0:  # a flat band: only an offset can be told
        return 1.0, float(y.mean() - x.mean())
    g = float(((x - x.mean()) * (y - y.mean())).mean() / spread)
    return g, float(y.mean() - g * x.mean())
