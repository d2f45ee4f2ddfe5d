"""Segmentation cost: milliseconds per megapixel for each segmenter, and what the per-image cache saves.

    python bench/segment.py [--segmenter PATH_OR_PRESET] [--sizes 0.25,1,4,16] [--repeat 3]

1. For each image size (megapixels, the astronaut photo resized), each segmenter's time for one mask, first
   call excluded (loading), median of --repeat. Past a segmenter's working size the resolver segments a
   downscaled copy, so ms/MP should fall as images grow; the "full-size" column runs the segmenter on
   the full image for comparison (the baseline the downscale is measured against).
2. A plan that names the same region in four steps, resolved with the cache (as editree runs) against
   one resolution per mention (the baseline): the ratio is what the cache saves.
Without --segmenter, CLIPSeg is a tiny random model built in a temporary folder (timings then show the
pipeline's overhead, not a real model's).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editree.engine.regions import RegionResolver
from editree.engine.segmenters import default_registry
from editree.planner import parse


def photo(megapixels: float) -> np.ndarray:
    side = round((megapixels * 1e6) ** 0.5)
    return np.array(Image.fromarray(data.astronaut()).resize((side, side), Image.Resampling.BICUBIC))


def median_ms(fn, repeat: int) -> float:
    fn()  # loading and warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--segmenter")
    ap.add_argument("--sizes", default="0.25,1,4,16")
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    segmenter = opts.segmenter
    if segmenter is None:
        from tests.tiny_models import clipseg

        segmenter = str(clipseg(Path(tempfile.mkdtemp())))
    registry = default_registry(segmenter)
    phrases = {"mediapipe-person": "person", "mediapipe-face": "face", "mediapipe-face-mesh": "eyes"}

    print(f"{'segmenter':<18} {'MP':>6} {'ms':>9} {'ms/MP':>8} {'full-size ms':>13} {'ratio':>6}")
    for mp in (float(s) for s in opts.sizes.split(",")):
        rgb = photo(mp)
        for seg in registry.segmenters:
            phrase = phrases.get(seg.name, "rocket")
            plan = parse(f"blur the {phrase}")

            def resolved(rgb=rgb, plan=plan) -> None:
                RegionResolver(rgb, plan, None, registry).resolve(plan.steps[0].target)

            ms = median_ms(resolved, opts.repeat)
            full = median_ms(lambda rgb=rgb, seg=seg, phrase=phrase: seg.segment(rgb, phrase), opts.repeat)
            print(f"{seg.name:<18} {mp:>6.2f} {ms:>9.1f} {ms / mp:>8.1f} {full:>13.1f} {full / ms:>6.2f}")

    rgb = photo(1.0)
    plan = parse("blur the rocket, make the rocket warmer, sharpen the rocket and brighten the rocket")
    targets = [step.target for step in plan.steps]

    def cached() -> None:
        resolver = RegionResolver(rgb, plan, None, registry)
        for target in targets:
            resolver.resolve(target)

    def uncached() -> None:
        for target in targets:
            RegionResolver(rgb, plan, None, registry).resolve(target)

    with_cache, without = median_ms(cached, opts.repeat), median_ms(uncached, opts.repeat)
    print(
        f"\nsame region named {len(targets)} times, 1 MP: cached {with_cache:.1f} ms, one resolution per mention "
        f"{without:.1f} ms, saving x{without / with_cache:.2f}"
    )


if __name__ == "__main__":
    main()
