"""Masks and the exact composite.

A mask is float32 H×W in [0, 1], 1 = may change. The composite writes `edited` only where the mask
is non-zero; everywhere else the output *is* the canvas (np.where, not arithmetic), so a pixel
outside the mask is bit-identical, whatever the op did elsewhere.
"""

from __future__ import annotations

import numpy as np

KEEP_THRESHOLD = 0.5
"""A pixel whose keep-mask value is at least this is protected: byte-identical in the output."""


def full(shape: tuple[int, int], value: float = 1.0) -> np.ndarray:
    return np.full(shape, value, dtype=np.float32)


# Each returns a new float32 mask made in as few passes over it as numpy allows (a 48 MP mask is 192 MB).
def union(*masks: np.ndarray) -> np.ndarray:
    out = np.array(masks[0], np.float32)
    for mask in masks[1:]:
        np.maximum(out, mask, out=out)
    return out


def intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.minimum(a, b, dtype=np.float32)


def complement(mask: np.ndarray) -> np.ndarray:
    return np.subtract(1.0, mask, dtype=np.float32)


def minus(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.subtract(a, b, dtype=np.float32)
    return np.clip(out, 0.0, 1.0, out=out)


def area(mask: np.ndarray) -> float:
    """Fraction of the image the mask covers (soft values count partly)."""
    return float(mask.mean()) if mask.size else 0.0


def keep_weight(keep: np.ndarray) -> np.ndarray:
    """Weight that an edit may have given the protected mask: 0 wherever keep >= KEEP_THRESHOLD,
    rising to 1 where keep is 0, so the border outside a kept subject blends instead of stepping."""
    weight = np.multiply(keep, -1.0 / KEEP_THRESHOLD, dtype=np.float32)
    weight += 1.0
    return np.clip(weight, 0.0, 1.0, out=weight)


def protected(keep: np.ndarray) -> np.ndarray:
    """Boolean H×W: pixels that must be byte-identical to the input."""
    return keep >= KEEP_THRESHOLD


def dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    import cv2

    if radius <= 0:
        return mask
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    return cv2.dilate(mask.astype(np.float32), kernel)


def feather(mask: np.ndarray, radius: float) -> np.ndarray:
    import cv2

    if radius <= 0:
        return mask
    return np.clip(cv2.GaussianBlur(mask.astype(np.float32), (0, 0), radius), 0.0, 1.0)


BAND_ROWS = 256


def mix(a: np.ndarray, b: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """a × (1 - weight) + b × weight, rounded to a's integer type; `weight` is H×W float32 in [0, 1].
    8-bit pictures in one OpenCV pass (cv2.blendLinear, no float copy of the picture); others a band of rows at
    a time in float32."""
    import cv2

    weight = np.ascontiguousarray(weight, dtype=np.float32)
    if a.dtype == np.uint8:
        return cv2.blendLinear(a, b, 1.0 - weight, weight)
    top_value = np.iinfo(a.dtype).max
    out = np.empty_like(a)
    for top in range(0, a.shape[0], BAND_ROWS):
        rows = slice(top, top + BAND_ROWS)
        m = weight[rows][..., None] if a.ndim == 3 else weight[rows]
        base = a[rows].astype(np.float32)
        blended = base + (b[rows].astype(np.float32) - base) * m
        out[rows] = np.where(m >= 1.0, b[rows], np.clip(np.rint(blended), 0, top_value).astype(a.dtype))
    return out


def composite(canvas: np.ndarray, edited: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Blend `edited` over `canvas` by `mask` (H×W float in [0, 1]); exact where mask == 0 or 1: after the
    blend (see `mix`) the canvas's bytes are copied back wherever the mask is 0, so pixels outside it are the
    canvas's own, whatever the blend's rounding."""
    if edited.shape != canvas.shape or edited.dtype != canvas.dtype:
        raise ValueError(f"edited image is {edited.dtype} {edited.shape}, canvas {canvas.dtype} {canvas.shape}")
    import cv2

    out = mix(canvas, edited, mask)
    outside = (mask <= 0.0).view(np.uint8)
    cv2.copyTo(canvas, outside, out)  # in place, where `outside` is non-zero (far faster than np.copyto)
    return out
