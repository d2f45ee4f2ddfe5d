"""Geometry ops (crop, rotate, flip, resize): one transform applied alike to the image, its alpha and
every mask, so "kept" pixels can be followed through the change.

Flips, quarter turns and crops move pixels without resampling: kept pixels stay byte-identical to the
correspondingly moved input. Resizing and free rotation resample every pixel; the executor says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from editree.ops import args as a

Transform = Callable[[np.ndarray, bool], np.ndarray]
"""(array H×W or H×W×C, is_mask) -> transformed array. Masks are resampled with nearest neighbour."""


@dataclass
class Geometry:
    transform: Transform
    exact: bool
    """True when no pixel is resampled (flip, quarter turn, crop)."""
    note: str | None = None


def _interp(is_mask: bool, shrinking: bool) -> int:
    import cv2

    if is_mask:
        return cv2.INTER_NEAREST
    return cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC


def crop(shape: tuple[int, int], args: a.CropArgs) -> Geometry:
    h, w = shape
    if args.box is not None:
        x0, y0, x1, y1 = args.box
        if args.units == "fraction":
            x0, x1, y0, y1 = x0 * w, x1 * w, y0 * h, y1 * h
        c0, r0 = max(0, round(x0)), max(0, round(y0))
        c1, r1 = min(w, round(x1)), min(h, round(y1))
    else:
        aw, ah = (int(v) for v in args.aspect.split(":"))
        target = aw / ah
        if w / h > target:  # too wide: trim the sides
            new_w = max(1, round(h * target))
            c0, c1, r0, r1 = (w - new_w) // 2, (w - new_w) // 2 + new_w, 0, h
        else:  # too tall: trim top and bottom
            new_h = max(1, round(w / target))
            c0, c1, r0, r1 = 0, w, (h - new_h) // 2, (h - new_h) // 2 + new_h
    if c1 <= c0 or r1 <= r0:
        raise ValueError(f"crop box lies outside the {w}x{h} image")
    return Geometry(lambda arr, is_mask: arr[r0:r1, c0:c1].copy(), exact=True)


def flip(shape: tuple[int, int], args: a.FlipArgs) -> Geometry:
    axis = 1 if args.direction == "horizontal" else 0
    return Geometry(lambda arr, is_mask: np.flip(arr, axis=axis).copy(), exact=True)


def resize(shape: tuple[int, int], args: a.ResizeArgs) -> Geometry:
    import cv2

    h, w = shape
    if args.scale is not None:
        new_w, new_h = round(w * args.scale), round(h * args.scale)
    else:
        new_w = args.width if args.width is not None else round(w * args.height / h)
        new_h = args.height if args.height is not None else round(h * args.width / w)
    new_w, new_h = max(1, new_w), max(1, new_h)
    if new_w * new_h > 100_000_000:
        raise ValueError(f"resizing to {new_w}x{new_h} would exceed 100 MP")
    shrinking = new_w * new_h < w * h

    def transform(arr: np.ndarray, is_mask: bool) -> np.ndarray:
        return cv2.resize(arr, (new_w, new_h), interpolation=_interp(is_mask, shrinking))

    return Geometry(transform, exact=False, note=f"resize to {new_w}x{new_h} resamples every pixel")


def estimate_horizon_angle(rgb: np.ndarray) -> float | None:
    """Degrees (counter-clockwise) that the dominant near-horizontal line is tilted by, or None."""
    import cv2

    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    scale = 800.0 / max(gray.shape)
    if scale < 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    edges = cv2.Canny(gray, 50, 150)
    min_len = max(gray.shape) // 4
    lines = cv2.HoughLinesP(edges, 1, np.pi / 720, threshold=80, minLineLength=min_len, maxLineGap=10)
    if lines is None:
        return None
    angles, weights = [], []
    for x0, y0, x1, y1 in np.asarray(lines).reshape(-1, 4):
        angle = math.degrees(math.atan2(-(y1 - y0), x1 - x0))
        if angle > 90:
            angle -= 180
        if angle < -90:
            angle += 180
        if abs(angle) <= 20:  # near-horizontal lines only
            angles.append(angle)
            weights.append(math.hypot(x1 - x0, y1 - y0))
    if not angles:
        return None
    return float(np.average(angles, weights=weights))


def rotate(shape: tuple[int, int], args: a.RotateArgs, rgb: np.ndarray | None = None) -> Geometry:
    import cv2

    degrees = args.degrees
    note = None
    if args.auto:
        tilt = estimate_horizon_angle(rgb) if rgb is not None else None
        if tilt is None or abs(tilt) < 0.1:
            return Geometry(
                lambda arr, is_mask: arr.copy(),
                exact=True,
                note="straighten: no tilted horizon was found; nothing was rotated",
            )
        degrees = -tilt
        note = f"straighten: rotated by {degrees:.2f} degrees and cropped to the level picture"
    quarter = degrees / 90
    if float(quarter).is_integer():
        k = int(quarter) % 4
        return Geometry(lambda arr, is_mask: np.rot90(arr, k=k).copy(), exact=True)
    h, w = shape
    center = (w / 2, h / 2)
    matrix = cv2.getRotationMatrix2D(center, degrees, 1.0)
    rad = math.radians(degrees)
    cos, sin = abs(math.cos(rad)), abs(math.sin(rad))
    if args.auto or not args.expand:
        # The largest axis-aligned rectangle inside the rotated picture: no empty corners.
        out_w, out_h = _inscribed(w, h, rad)
    else:
        out_w, out_h = round(w * cos + h * sin), round(w * sin + h * cos)
    matrix[0, 2] += out_w / 2 - center[0]
    matrix[1, 2] += out_h / 2 - center[1]

    def transform(arr: np.ndarray, is_mask: bool) -> np.ndarray:
        flags = cv2.INTER_NEAREST if is_mask else cv2.INTER_CUBIC
        return cv2.warpAffine(arr, matrix, (out_w, out_h), flags=flags, borderMode=cv2.BORDER_CONSTANT, borderValue=0)

    return Geometry(transform, exact=False, note=note or f"rotating by {degrees:g} degrees resamples every pixel")


def _inscribed(w: int, h: int, rad: float) -> tuple[int, int]:
    """Width and height of the largest axis-aligned rectangle within a w×h rectangle rotated by rad."""
    sin, cos = abs(math.sin(rad)), abs(math.cos(rad))
    long_side, short_side = max(w, h), min(w, h)
    if short_side <= 2 * sin * cos * long_side or abs(sin - cos) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin, x / cos) if w >= h else (x / cos, x / sin)
    else:
        cos2 = cos * cos - sin * sin
        wr, hr = (w * cos - h * sin) / cos2, (h * cos - w * sin) / cos2
    return max(1, int(wr)), max(1, int(hr))


GEOMETRY_OPS = frozenset({"crop", "rotate", "flip", "resize"})


def geometry_for(op: str, shape: tuple[int, int], args: a.OpArgs, rgb: np.ndarray) -> Geometry:
    if op == "crop":
        return crop(shape, args)
    if op == "flip":
        return flip(shape, args)
    if op == "resize":
        return resize(shape, args)
    if op == "rotate":
        return rotate(shape, args, rgb)
    raise ValueError(f"{op} is not a geometry op")
