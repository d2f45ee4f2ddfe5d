"""Instances and qualifiers: "the car on the left", "the largest dog", "the second person", "all cars".

A segmenter that can tell instances apart returns them; otherwise the connected parts of its mask are
the instances. A singular phrase with no qualifier means the best instance (highest score, then the
largest); a plural or "all" means every instance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from editree.ops.regions import Qualifiers

MAX_INSTANCES = 48
"""Past this many (a crowd), segmenters return one instance for all: each instance is a full-size float mask
(11 MB at 2048x1365), and "the 200th face" means nothing to a user; "all faces" still works."""

MIN_PART = 0.002
"""Connected parts smaller than this fraction of the image are specks, not instances."""


@dataclass
class Instance:
    mask: np.ndarray
    """float32 H×W in [0, 1]."""
    score: float = 1.0

    @property
    def area(self) -> float:
        return float(self.mask.sum())

    @property
    def center(self) -> tuple[float, float]:
        ys, xs = np.nonzero(self.mask > 0.5)
        if not len(xs):
            return (0.0, 0.0)
        return float(xs.mean()), float(ys.mean())


def union(instances: list[Instance], shape: tuple[int, int]) -> np.ndarray:
    """All instances as one mask (what `segment` returns for a segmenter that finds instances)."""
    if not instances:
        return np.zeros(shape, np.float32)
    return _maximum([i.mask for i in instances])


def _maximum(masks: list[np.ndarray]) -> np.ndarray:
    """The pixelwise maximum as float32, in place in one copy (a 48 MP mask is 192 MB: no stack of them). A
    single float32 mask is returned as it is: masks are never written to once made."""
    if len(masks) == 1 and masks[0].dtype == np.float32:
        return masks[0]
    out = np.array(masks[0], np.float32)
    for mask in masks[1:]:
        np.maximum(out, mask, out=out)
    return out


def feathered(
    shape: tuple[int, int], box: tuple[int, int, int, int], sigma: float, draw, gain: float = 1.0
) -> np.ndarray:
    """A full-size mask drawn and blurred only in `box` grown by the blur's reach: with many small
    instances (16 faces, 32 eyes) a blur of the whole image per instance would dominate the cost.
    `draw(patch, (x0, y0))` paints 1.0 into the float32 patch whose top-left is (x0, y0); `gain` > 1 widens
    the solid core (values are clipped to [0, 1])."""
    import cv2

    h, w = shape
    pad = int(np.ceil(4 * sigma)) + 2
    x0, y0 = max(0, box[0] - pad), max(0, box[1] - pad)
    x1, y1 = min(w, box[2] + pad), min(h, box[3] + pad)
    mask = np.zeros((h, w), np.float32)
    if x1 <= x0 or y1 <= y0:
        return mask
    patch = np.zeros((y1 - y0, x1 - x0), np.float32)
    draw(patch, (x0, y0))
    mask[y0:y1, x0:x1] = np.clip(cv2.GaussianBlur(patch, (0, 0), sigma) * gain, 0.0, 1.0)
    return mask


def parts(mask: np.ndarray) -> list[Instance]:
    """The connected parts of a mask, each keeping the mask's soft edge around it."""
    import cv2

    binary = (mask > 0.5).astype(np.uint8)
    count, labels = cv2.connectedComponents(binary)
    out: list[Instance] = []
    minimum = MIN_PART * mask.size
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    for label in range(1, count):
        component = (labels == label).astype(np.uint8)
        if component.sum() < minimum:
            continue
        around = cv2.dilate(component, kernel).astype(np.float32)
        soft = (mask * around).astype(np.float32)
        out.append(Instance(soft, float(mask[component > 0].mean())))
    return out


def reading_order(instances: list[Instance]) -> list[Instance]:
    """Rows top to bottom, each left to right, as a person counts "the second face" in a group photo.
    Instances whose centres lie within half a typical instance height share a row, so a seated and a
    standing person side by side are still one row."""
    if not instances:
        return []
    heights = []
    for instance in instances:
        ys = np.nonzero((instance.mask > 0.5).any(axis=1))[0]
        heights.append(float(ys[-1] - ys[0] + 1) if len(ys) else 0.0)
    tolerance = 0.5 * float(np.median(heights))
    rows: list[list[Instance]] = []
    for instance in sorted(instances, key=lambda i: i.center[1]):
        if rows and instance.center[1] - rows[-1][0].center[1] <= tolerance:
            rows[-1].append(instance)
        else:
            rows.append([instance])
    return [instance for row in rows for instance in sorted(row, key=lambda i: i.center[0])]


def select(instances: list[Instance], qualifiers: Qualifiers, shape: tuple[int, int]) -> tuple[np.ndarray, str | None]:
    """The mask the qualifiers pick, and a note when they could not be satisfied."""
    empty = np.zeros(shape, np.float32)
    if not instances:
        return empty, None
    chosen = list(instances)
    if qualifiers.count in ("all", "each"):
        pool = chosen
    elif isinstance(qualifiers.count, int):
        ordered = reading_order(chosen)
        if qualifiers.count > len(ordered):
            found = f"only {len(ordered)} {'was' if len(ordered) == 1 else 'were'} found"
            return empty, f"asked for instance #{qualifiers.count} (in reading order) but {found}"
        pool = [ordered[qualifiers.count - 1]]
    else:
        pool = chosen
    if qualifiers.position is not None and len(pool) > 1:
        h, w = shape
        key = {
            "left": lambda i: i.center[0],
            "right": lambda i: -i.center[0],
            "top": lambda i: i.center[1],
            "bottom": lambda i: -i.center[1],
            "center": lambda i: (i.center[0] - w / 2) ** 2 + (i.center[1] - h / 2) ** 2,
        }[qualifiers.position]
        pool = [min(pool, key=key)]
    if qualifiers.size is not None and len(pool) > 1:
        pool = [max(pool, key=lambda i: i.area) if qualifiers.size == "largest" else min(pool, key=lambda i: i.area)]
    note = None
    if qualifiers.count not in ("all", "each") and len(pool) > 1:
        if qualifiers == Qualifiers():
            note = f"{len(pool)} found; the most confident one was used (say 'all …' or 'every …' for each of them)"
        pool = [max(pool, key=lambda i: (i.score, i.area))]  # "the car": the best one
    return _maximum([i.mask for i in pool]), note
