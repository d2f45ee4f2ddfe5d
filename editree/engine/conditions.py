"""Evaluate `If` conditions: `exists` on the image's cached regions, `image_is` on the current canvas."""

from __future__ import annotations

import numpy as np

from editree.engine.regions import RegionResolver
from editree.ops import conditions as c

EXISTS_MIN_AREA = 0.001
"""A region counts as present when it covers at least 0.1% of the image."""


def image_is(rgb: np.ndarray, prop: str) -> bool:
    import cv2

    h, w = rgb.shape[:2]
    if prop == "portrait":
        return h > w
    if prop == "landscape":
        return w > h
    x = rgb.astype(np.float32)
    luma = x @ np.array([0.299, 0.587, 0.114], np.float32)
    if prop == "dark":
        return float(luma.mean()) < 0.35 * 255
    if prop == "bright":
        return float(luma.mean()) > 0.65 * 255
    if prop == "grayscale":
        return float(np.abs(x - x.mean(axis=2, keepdims=True)).mean()) < 2.0
    if prop == "blurry":
        scale = 512.0 / max(h, w)
        small = cv2.resize(luma, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else luma
        return float(cv2.Laplacian(small, cv2.CV_32F).var()) < 60.0
    raise ValueError(f"unknown image property {prop!r}")


def evaluate(cond: c.Cond, canvas: np.ndarray, regions: RegionResolver) -> bool:
    if isinstance(cond, c.Exists):
        return float(regions.resolve(cond.region).mean()) >= EXISTS_MIN_AREA
    if isinstance(cond, c.ImageIs):
        return image_is(canvas, cond.property)
    if isinstance(cond, c.NotCond):
        return not evaluate(cond.cond, canvas, regions)
    if isinstance(cond, c.AndCond):
        return all(evaluate(x, canvas, regions) for x in cond.conds)
    if isinstance(cond, c.OrCond):
        return any(evaluate(x, canvas, regions) for x in cond.conds)
    raise TypeError(f"unknown condition {cond!r}")
