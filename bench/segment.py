"""Segmentation cost: milliseconds per megapixel for each segmenter, and what the per-image cache saves.

    python bench/segment.py [--segmenter PATH_OR_PRESET] [--sizes 0.25,1,4,16] [--repeat 3]

1. For each image size (megapixels, the astronaut photo resized), each segmenter's time for one mask, first
   call excluded (loading), median of --repeat. Past a segmenter's working size the resolver segments a
   downscaled copy, so ms/MP should fall as images grow; the "full-size" column runs the segmenter on
   the full image for comparison (the baseline the downscale is measured against).
2. People in a group photo (sixteen astronauts in two rows, 2200x700): the selfie model on the whole frame (the
   baseline) against editree's squares and face split, time and IoU against the single photo's mask tiled.
3. A plan that names the same region in four steps, resolved with the cache (as editree runs) against
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


def group_photo(size: int = 250) -> None:
    import cv2

    from editree.engine.segmenters.mediapipe_seg import MediapipePerson, _selfie

    astronaut = data.astronaut()
    group = np.full((2 * size + 200, 8 * size + 200, 3), 200, np.uint8)
    single = cv2.resize(MediapipePerson().segment(astronaut, "person"), (size, size))
    truth = np.zeros(group.shape[:2], bool)
    small = cv2.resize(astronaut, (size, size), interpolation=cv2.INTER_AREA)
    for row in range(2):
        for col in range(8):
            cells = (slice(100 + row * size, 100 + (row + 1) * size), slice(100 + col * size, 100 + (col + 1) * size))
            group[cells] = small
            truth[cells] = single > 0.5

    def iou(mask: np.ndarray) -> float:
        found = mask > 0.5
        return float((found & truth).sum() / (found | truth).sum())

    people = MediapipePerson().instances(group, "people")
    ours = median_ms(lambda: MediapipePerson().instances(group, "people"), 3)
    whole = median_ms(lambda: _selfie(group), 3)
    union = np.maximum.reduce([p.mask for p in people]) if people else np.zeros(truth.shape)
    print(
        f"\ngroup photo {group.shape[1]}x{group.shape[0]}, 16 people: whole-frame selfie {whole:.0f} ms, "
        f"IoU {iou(_selfie(group)):.2f}; squares + faces {ours:.0f} ms, IoU {iou(union):.2f}, "
        f"{len(people)} instances (x{ours / whole:.1f} the time)"
    )


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

    group_photo()

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
