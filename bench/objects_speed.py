"""Milliseconds per megapixel of the object edits, beside OpenCV's own cv2.inpaint (the floor).

    python bench/objects_speed.py [--sizes 1,4,16] [--upscale-sizes 0.06,0.25]

remove, move (to the left) and scale (x1.5) run through run_plan on scikit-image's coffee photo scaled to each
size, with one ellipse covering 10% of it; cv2.inpaint (Telea radius 3, Navier-Stokes radius 4) fills the same
hole on the whole picture. upscale (x2) runs Real-ESRGAN on the CPU, which costs minutes per megapixel here,
so it is timed on smaller pictures; Lanczos is shown beside it. Best of --repeat runs.
"""

from __future__ import annotations

import argparse
import time
from functools import partial

import cv2
import numpy as np

from editree.engine.executor import run_plan
from editree.engine.regions import UserRegions
from editree.ops import Edit, MaskRegion, Plan


def picture(megapixels: float) -> np.ndarray:
    from skimage import data

    photo = data.coffee()
    scale = (megapixels * 1e6 / (photo.shape[0] * photo.shape[1])) ** 0.5
    size = (round(photo.shape[1] * scale), round(photo.shape[0] * scale))
    return cv2.resize(photo, size, interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)


def hole(shape: tuple[int, int]) -> np.ndarray:
    h, w = shape
    mask = np.zeros((h, w), np.uint8)
    axes = (round(w * 0.25), round(0.1 * h * w / (np.pi * w * 0.25)))
    cv2.ellipse(mask, (round(w * 0.55), round(h * 0.5)), axes, 0, 0, 360, 255, -1)
    return mask


def best_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--upscale-sizes", default="0.06,0.25")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="editree-bench-"))
    print(f"{'MP':>6} {'op':<28}{'ms/MP':>9}   (10% ellipse hole; best of {options.repeat})")
    for mp in (float(s) for s in options.sizes.split(",")):
        rgb = picture(mp)
        mask = hole(rgb.shape[:2])
        path = folder / f"mask_{mp}.png"
        cv2.imwrite(str(path), mask)
        user = UserRegions(masks={"object": path})
        real_mp = rgb.shape[0] * rgb.shape[1] / 1e6
        rows = {
            "cv2.inpaint Telea r3 (floor)": partial(cv2.inpaint, rgb, mask, 3, cv2.INPAINT_TELEA),
            "cv2.inpaint NS r4 (floor)": partial(cv2.inpaint, rgb, mask, 4, cv2.INPAINT_NS),
        }
        for label, op, args in (
            ("editree remove", "remove", {}),
            ("editree move to the left", "move", {"to": "left"}),
            ("editree scale x1.5", "scale", {"factor": 1.5}),
        ):
            plan = Plan(steps=(Edit.make(op, MaskRegion(name="object"), args),))
            rows[label] = partial(run_plan, plan, rgb, user_regions=user)
        for label, fn in rows.items():
            print(f"{real_mp:>6.1f} {label:<28}{best_ms(fn, options.repeat) / real_mp:>9.0f}")
    for mp in (float(s) for s in options.upscale_sizes.split(",")):
        rgb = picture(mp)
        real_mp = rgb.shape[0] * rgb.shape[1] / 1e6
        plan = Plan(steps=(Edit.make("upscale", args={"factor": 2}),))
        for label, engine in (("editree upscale x2 Real-ESRGAN", "auto"), ("editree upscale x2 Lanczos", "classical")):
            repeat = 1 if engine == "auto" else options.repeat
            ms = best_ms(partial(run_plan, plan, rgb, engine=engine), repeat)
            print(f"{real_mp:>6.2f} {label:<28}{ms / real_mp:>9.0f}   (per input MP)")


if __name__ == "__main__":
    main()
