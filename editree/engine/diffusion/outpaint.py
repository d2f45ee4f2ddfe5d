"""extend: grow the canvas and fill the margins with an inpainting model.

The margins are seeded with the edge pixels, the model fills them, and the original picture is
pasted back exactly, so every input pixel keeps its value in the larger output.
"""

from __future__ import annotations

import numpy as np

from editree.engine.diffusion.inpaint import inpaint
from editree.engine.options import EngineOptions
from editree.ops import args as a


def margins(shape: tuple[int, int], args: a.ExtendArgs) -> tuple[int, int, int, int]:
    """(left, right, top, bottom) in pixels."""
    h, w = shape
    if args.units == "fraction":
        return (round(args.left * w), round(args.right * w), round(args.top * h), round(args.bottom * h))
    return (round(args.left), round(args.right), round(args.top), round(args.bottom))


def pad(arr: np.ndarray, sizes: tuple[int, int, int, int], value: float | None = None) -> np.ndarray:
    left, right, top, bottom = sizes
    widths = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if value is None:
        return np.pad(arr, widths, mode="edge")
    return np.pad(arr, widths, mode="constant", constant_values=value)


def extend(canvas: np.ndarray, args: a.ExtendArgs, rng: np.random.Generator, options: EngineOptions) -> np.ndarray:
    sizes = margins(canvas.shape[:2], args)
    grown = pad(canvas, sizes)
    mask = pad(np.zeros(canvas.shape[:2], np.float32), sizes, 1.0)
    prompt = args.prompt or "a natural continuation of the scene"
    # No ControlNet: the margins have no structure to keep.
    filled = inpaint(grown, mask, prompt, rng, EngineOptions(**{**options.__dict__, "context": 0.0}), controlled=False)
    left, _, top, _ = sizes
    h, w = canvas.shape[:2]
    filled[top : top + h, left : left + w] = canvas  # the original, exactly
    return filled
