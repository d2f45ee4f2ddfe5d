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


def union(*masks: np.ndarray) -> np.ndarray:
    return np.maximum.reduce(masks).astype(np.float32)


def intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.minimum(a, b).astype(np.float32)


def complement(mask: np.ndarray) -> np.ndarray:
    return (1.0 - mask).astype(np.float32)


def minus(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.clip(a - b, 0.0, 1.0).astype(np.float32)


def area(mask: np.ndarray) -> float:
    """Fraction of the image the mask covers (soft values count partly)."""
    return float(mask.mean()) if mask.size else 0.0


def keep_weight(keep: np.ndarray) -> np.ndarray:
    """Weight that an edit may have given the protected mask: 0 wherever keep >= KEEP_THRESHOLD,
    rising to 1 where keep is 0, so the border outside a kept subject blends instead of stepping."""
    return np.clip(1.0 - keep / KEEP_THRESHOLD, 0.0, 1.0).astype(np.float32)


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


def composite(canvas: np.ndarray, edited: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Blend `edited` over `canvas` by `mask` (H×W float in [0, 1]); exact where mask == 0 or 1."""
    if edited.shape != canvas.shape:
        raise ValueError(f"edited image has shape {edited.shape}, canvas {canvas.shape}")
    m = mask[..., None].astype(np.float32)
    blended = canvas.astype(np.float32) + (edited.astype(np.float32) - canvas.astype(np.float32)) * m
    blended = np.clip(np.rint(blended), 0, 255).astype(np.uint8)
    out = np.where(m >= 1.0, edited, blended)
    return np.where(m <= 0.0, canvas, out)
