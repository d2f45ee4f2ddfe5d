"""Object edits without a model: remove (fill the hole), move and scale (cut, fill, paste).

An object is its effective mask (target less the kept regions). `move` and `scale` cut its pixels out by that
mask, fill the place it left with the classical fill (editree.engine.inpaint), and paste the pixels at the new
place with the mask's own soft edge. They change more than their target: the returned `OpOutput.changed` is the
old place and the new one together, and the executor composites through that less the kept regions, so kept
pixels stay the input's and an object moved into a kept region is clipped there (with a warning).
"""

from __future__ import annotations

import cv2
import numpy as np

from editree.engine import inpaint
from editree.engine.op_output import OpOutput
from editree.ops import Edit, Region
from editree.ops import args as a

LARGE_HOLE = 0.05
"""A classical fill of more than this share of the image is smooth where the photo had texture: say so."""
FILL_MODEL_HINT = "`editree models pull sd15-inpaint` and pass --model sd15-inpaint"
MARGIN = 0.02
"""Gap kept from the image's edge and from the region an object is moved beside, as a share of the short side."""

Box = tuple[int, int, int, int]
"""x0, y0, x1, y1, end-exclusive."""


def remove(rgb: np.ndarray, mask: np.ndarray, args: a.RemoveArgs, rng: np.random.Generator) -> OpOutput:
    hole = mask > 0
    warnings = []
    share = float(hole.mean())
    if share > LARGE_HOLE:
        warnings.append(
            f"the region removed covers {share:.0%} of the image, which a classical fill can only smooth over; "
            f"for a generated fill run {FILL_MODEL_HINT}"
        )
    return OpOutput(inpaint.fill(rgb, hole), warnings=warnings)


def move(
    rgb: np.ndarray,
    mask: np.ndarray,
    args: a.MoveArgs,
    rng: np.random.Generator,
    resolve: object = None,
) -> OpOutput:
    """`resolve(region) -> mask` finds the region `beside` names (the executor's region resolver)."""
    where = move_target(mask, args, resolve)
    if where is None:
        return OpOutput(rgb)
    box, top_left, under, warnings = where
    if top_left == box[:2]:
        return OpOutput(rgb, warnings=[*warnings, "the object is already there; nothing was moved"])
    x0, y0, x1, y1 = box
    out, changed = cut_and_paste(rgb, mask, rgb[y0:y1, x0:x1], mask[y0:y1, x0:x1], top_left, under)
    return OpOutput(out, changed, warnings)


def move_target(
    mask: np.ndarray, args: a.MoveArgs, resolve: object = None
) -> tuple[Box, tuple[int, int], np.ndarray | None, list[str]] | None:
    """Where `move` puts the object: (its box now, the new top-left corner, the region it goes behind or None,
    warnings), or None when the mask is empty."""
    box = box_of(mask)
    if box is None:
        return None
    h, w = mask.shape
    under = None
    if args.beside is not None:
        other = _resolve(resolve, args.beside)
        other_box = box_of(other)
        if other_box is None:
            raise ValueError("the region to move it beside was not found in this image")
        x, y = beside(box, other_box, args.placement or "next to", (h, w))
        if args.placement == "behind":
            under = other
    elif args.to is not None:
        x, y = to_place(box, args.to, (h, w))
    else:
        dx, dy = args.dx or 0.0, args.dy or 0.0
        if args.units == "fraction":
            dx, dy = dx * w, dy * h
        x, y = box[0] + dx, box[1] + dy
    warnings = []
    nx, ny, clamped = _inside(box, round(x), round(y), (h, w))
    if clamped and args.to is None and args.beside is None:
        warnings.append("the offset would take the object past the image's edge; it stops at the edge")
    return box, (nx, ny), under, warnings


def scale(rgb: np.ndarray, mask: np.ndarray, args: a.ScaleArgs, rng: np.random.Generator) -> OpOutput:
    where = scale_target(mask, args)
    if where is None:
        return OpOutput(rgb)
    box, size, top_left, warnings = where
    x0, y0, x1, y1 = box
    interpolation = cv2.INTER_AREA if args.factor < 1 else cv2.INTER_CUBIC
    patch = cv2.resize(rgb[y0:y1, x0:x1], size, interpolation=interpolation)
    out, changed = cut_and_paste(rgb, mask, patch, _scaled_mask(mask, box, size), top_left)
    return OpOutput(out, changed, warnings)


def scale_target(mask: np.ndarray, args: a.ScaleArgs) -> tuple[Box, tuple[int, int], tuple[int, int], list[str]] | None:
    """Where `scale` puts the object: (its box now, its new (width, height), the new top-left corner, warnings),
    or None when the mask is empty."""
    box = box_of(mask)
    if box is None:
        return None
    x0, y0, x1, y1 = box
    nw, nh = max(1, round((x1 - x0) * args.factor)), max(1, round((y1 - y0) * args.factor))
    h, w = mask.shape
    if nw * nh > 4 * h * w:
        raise ValueError(f"scaling the object by {args.factor:g} would make it {nw}x{nh}, far larger than the image")
    x = round((x0 + x1) / 2 - nw / 2)
    y = y1 - nh if args.anchor == "base" else round((y0 + y1) / 2 - nh / 2)
    warnings = []
    if x < 0 or y < 0 or x + nw > w or y + nh > h:
        warnings.append(f"scaled by {args.factor:g} the object reaches past the image's edge; it is cut off there")
    return box, (nw, nh), (x, y), warnings


def destination(step: Edit, mask: np.ndarray, resolve: object = None) -> np.ndarray | None:
    """The mask of a move's or a scale's object at its new place (what `editree plan --image` draws), or None
    for other ops or an empty mask."""
    if isinstance(step.args, a.MoveArgs):
        where = move_target(mask, step.args, resolve)
        if where is None:
            return None
        box, top_left, under, _ = where
        x0, y0, x1, y1 = box
        patch_mask = mask[y0:y1, x0:x1]
    elif isinstance(step.args, a.ScaleArgs):
        found = scale_target(mask, step.args)
        if found is None:
            return None
        box, size, top_left, _ = found
        patch_mask, under = _scaled_mask(mask, box, size), None
    else:
        return None
    placed = _placed(mask.shape, patch_mask, top_left)
    return placed if under is None else placed * (1.0 - np.clip(under, 0.0, 1.0))


def _scaled_mask(mask: np.ndarray, box: Box, size: tuple[int, int]) -> np.ndarray:
    x0, y0, x1, y1 = box
    return np.clip(cv2.resize(mask[y0:y1, x0:x1], size, interpolation=cv2.INTER_LINEAR), 0.0, 1.0)


def _placed(
    shape: tuple[int, int], patch: np.ndarray, top_left: tuple[int, int], out: np.ndarray | None = None
) -> np.ndarray:
    """`patch` (H'×W'[×C]) written into an array of `shape` at `top_left` (x, y), clipped to it."""
    h, w = shape
    if out is None:
        out = np.zeros((h, w, *patch.shape[2:]), patch.dtype)
    x, y = top_left
    ph, pw = patch.shape[:2]
    sx0, sy0 = max(0, -x), max(0, -y)
    dx0, dy0, dx1, dy1 = max(0, x), max(0, y), min(w, x + pw), min(h, y + ph)
    if dx1 > dx0 and dy1 > dy0:
        out[dy0:dy1, dx0:dx1] = patch[sy0 : sy0 + dy1 - dy0, sx0 : sx0 + dx1 - dx0]
    return out


remove.handles_16_bit = move.handles_16_bit = scale.handles_16_bit = True  # type: ignore[attr-defined]


def box_of(mask: np.ndarray) -> Box | None:
    """The bounding box of the mask's non-zero pixels, or None when it has none."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def to_place(box: Box, to: str, shape: tuple[int, int]) -> tuple[float, float]:
    """The new top-left corner of the object's box for a side or corner of the image; the other axis stays."""
    h, w = shape
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    gap = MARGIN * min(h, w)
    words = to.split()
    x: float = x0
    y: float = y0
    if "left" in words:
        x = gap
    elif "right" in words:
        x = w - gap - bw
    if "top" in words:
        y = gap
    elif "bottom" in words:
        y = h - gap - bh
    if to == "center":
        x, y = (w - bw) / 2, (h - bh) / 2
    return x, y


def beside(box: Box, other: Box, relation: str, shape: tuple[int, int]) -> tuple[float, float]:
    """The new top-left corner for the object placed `relation` the other region. Beside it, the two stand on
    the same line (bottoms level); above, below, onto, in front and behind, it is centred on it."""
    h, w = shape
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    ox0, oy0, ox1, oy1 = other
    oh = oy1 - oy0
    gap = MARGIN * min(h, w)
    if relation == "next to":  # the right if it fits there, else the left if it fits, else the roomier side
        fits_right, fits_left = ox1 + gap + bw <= w, ox0 - gap - bw >= 0
        relation = "right of" if fits_right or (not fits_left and w - ox1 >= ox0) else "left of"
    centred = (ox0 + ox1) / 2 - bw / 2
    if relation == "left of":
        return ox0 - gap - bw, oy1 - bh
    if relation == "right of":
        return ox1 + gap, oy1 - bh
    if relation == "above":
        return centred, oy0 - gap - bh
    if relation == "below":
        return centred, oy1 + gap
    if relation == "onto":  # resting on its top edge
        return centred, oy0 + 0.05 * oh - bh
    if relation == "in front of":  # a little lower: nearer the camera
        return centred, oy1 + 0.1 * oh - bh
    if relation == "behind":  # a little higher, and the other region stays in front
        return centred, oy1 - 0.1 * oh - bh
    raise ValueError(f"unknown relation {relation!r}")


def cut_and_paste(
    rgb: np.ndarray,
    mask: np.ndarray,
    patch: np.ndarray,
    patch_mask: np.ndarray,
    top_left: tuple[int, int],
    under: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Fill the object's old place, paste `patch` (its pixels, with `patch_mask`) at `top_left` (x, y; clipped to
    the image), under the `under` region if given. Returns the picture and the mask of what changed, chosen so
    that compositing the picture over `rgb` through that mask gives exactly the filled-and-pasted result."""
    placed = _placed(mask.shape, patch_mask.astype(np.float32), top_left)
    picture = _placed(mask.shape, patch, top_left)
    if under is not None:
        placed *= 1.0 - np.clip(under, 0.0, 1.0)
    changed = np.maximum(mask, placed)
    out = inpaint.fill(rgb, mask > 0)
    box = box_of(changed)
    if box is None:
        return rgb.copy(), changed
    x0, y0, x1, y1 = box
    rows, cols = slice(y0, y1), slice(x0, x1)
    top = float(np.iinfo(rgb.dtype).max)
    base = rgb[rows, cols].astype(np.float32)
    old, new = mask[rows, cols][..., None], placed[rows, cols][..., None]
    wanted = (base * (1 - old) + out[rows, cols].astype(np.float32) * old) * (1 - new)
    wanted += picture[rows, cols].astype(np.float32) * new
    weight = changed[rows, cols][..., None]
    # The executor blends canvas and picture by `changed`; this picture makes that blend equal `wanted`.
    blended = base + (wanted - base) / np.maximum(weight, 1e-6)
    out[rows, cols] = np.where(weight > 0, np.clip(np.rint(blended), 0, top), base).astype(rgb.dtype)
    return out, changed


def _inside(box: Box, x: int, y: int, shape: tuple[int, int]) -> tuple[int, int, bool]:
    """(x, y) moved as little as needed for the box to lie inside the image, and whether it had to move."""
    h, w = shape
    bw, bh = box[2] - box[0], box[3] - box[1]
    nx, ny = min(max(x, 0), max(0, w - bw)), min(max(y, 0), max(0, h - bh))
    return nx, ny, (nx, ny) != (x, y)


def _resolve(resolve: object, region: Region) -> np.ndarray:
    if not callable(resolve):
        raise ValueError("moving beside another region needs the region resolver (run it through the executor)")
    return np.asarray(resolve(region), np.float32)
