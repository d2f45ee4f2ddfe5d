"""How well editree undoes a hosted model's drift, and what the exact composite buys over the raw reply.

    python bench/remote_align.py [--size 1024] [--cases 12] [--seed 0]

Each case redraws a photo the way a hosted editing model does (resized to Gemini's fixed size for its aspect,
zoomed 0.97-1.04, shifted up to 8 px, turned up to 1.5°, relit, with an object painted in the target) and runs
editree's path for a remote reply: align (ORB + RANSAC, then ECC, fitted outside the target), warp back, colour
match at the seam, exact composite. Prints per case the alignment error (mean distance, in the picture's pixels,
between where editree maps the reply's pixels and where the drift really put them), the alignment's time per
megapixel of the picture, and the PSNR outside the target of the raw reply (resized back) and of editree's output
against the input: finite against infinite (byte-identical).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editree.engine import masks as M
from editree.engine.remote.align import align
from editree.engine.remote.engine import _anchors
from editree.engine.remote.seam import match_colour
from editree.engine.remote.spec import GEMINI_SIZES


def _scaling(source: tuple[int, int], target: tuple[int, int]) -> np.ndarray:
    sx, sy = target[0] / source[0], target[1] / source[1]
    return np.array([[sx, 0, 0.5 * sx - 0.5], [0, sy, 0.5 * sy - 0.5], [0, 0, 1]], np.float64)


def _redraw(picture: np.ndarray, size: tuple[int, int], zoom: float, shift: tuple[float, float], turn: float,
            gain: np.ndarray, target: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """The model's reply and its drift A (3×3, the picture resized to the reply's size -> the reply)."""
    import cv2

    w, h = size
    painted = picture.copy()
    x0, y0, x1, y1 = target
    painted[y0:y1, x0:x1] = (255, 0, 255)
    out = cv2.resize(painted, (w, h), interpolation=cv2.INTER_CUBIC)
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), turn, zoom)
    matrix[:, 2] += shift
    out = cv2.warpAffine(out, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    lit = np.clip(np.rint(out.astype(np.float32) * gain + 4.0), 0, 255).astype(np.uint8)
    return lit, np.vstack([matrix, [0, 0, 1]])


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


def main() -> int:
    import cv2

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1024, help="the picture's long side (4:3)")
    parser.add_argument("--cases", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    w, h = args.size, args.size * 3 // 4
    picture = cv2.resize(np.ascontiguousarray(data.astronaut()[64:448]), (w, h), interpolation=cv2.INTER_AREA)
    target = (int(0.55 * w), int(0.3 * h), int(0.7 * w), int(0.5 * h))
    mask = np.zeros((h, w), np.float32)
    mask[target[1] : target[3], target[0] : target[2]] = 1.0
    reply_size = GEMINI_SIZES["4:3"]
    to_reply = _scaling((w, h), reply_size)
    ys, xs = np.mgrid[0:h:16, 0:w:16]
    grid = np.stack([xs.ravel(), ys.ravel(), np.ones(xs.size)]).astype(np.float64)
    outside = mask == 0

    print(f"picture {w}x{h}, replies {reply_size[0]}x{reply_size[1]}, target {target}")
    print(f"{'zoom':>6} {'shift':>12} {'turn':>6} | {'error px':>8} {'ms/MP':>7} | {'PSNR raw':>8} {'editree':>8}")
    errors, speeds = [], []
    for _ in range(args.cases):
        zoom = float(rng.uniform(0.97, 1.04))
        shift = (float(rng.uniform(-8, 8)), float(rng.uniform(-8, 8)))
        turn = float(rng.uniform(-1.5, 1.5))
        gain = rng.uniform(0.92, 1.08, 3).astype(np.float32)
        reply, drift = _redraw(picture, reply_size, zoom, shift, turn, gain, target)
        started = time.perf_counter()
        alignment = align(picture, reply, _anchors(mask > 0))
        seconds = time.perf_counter() - started
        # The true map from the reply resized to the picture's size back to the picture, against editree's.
        back = np.linalg.inv(to_reply)
        true = np.linalg.inv(back @ drift @ to_reply)
        found = np.vstack([alignment.matrix, [0, 0, 1]])
        error = float(np.linalg.norm((found @ grid - true @ grid)[:2], axis=0).mean())
        aligned = alignment.warp(reply)
        matched, _ = match_colour(picture, aligned, mask > 0)
        output = M.composite(picture, matched, mask)
        raw = cv2.resize(reply, (w, h), interpolation=cv2.INTER_AREA)
        raw_psnr = _psnr(raw[outside], picture[outside])
        ours = _psnr(output[outside], picture[outside])
        ms_per_mp = 1000 * seconds / (w * h / 1e6)
        errors.append(error)
        speeds.append(ms_per_mp)
        print(
            f"{zoom:6.3f} {shift[0]:+5.1f},{shift[1]:+5.1f} {turn:+6.2f} | {error:8.3f} {ms_per_mp:7.0f} | "
            f"{raw_psnr:8.2f} {ours:8.2f}"
        )
    print(
        f"alignment error: mean {np.mean(errors):.3f} px, worst {np.max(errors):.3f} px; "
        f"time: median {np.median(speeds):.0f} ms per MP"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
