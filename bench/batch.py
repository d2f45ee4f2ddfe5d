"""Batch against separate `editree edit` runs, and memory over a long batch.

    python bench/batch.py [--images 20] [--long 500] [--size 256] [--model DIR_OR_PRESET] [--generative 8]
                          [--generative-long 60]

Prints: seconds for N images through one `editree batch` process and through N `editree edit`
processes (the ratio is what batching saves: planning once, imports and models loaded once), and the
batch process's resident memory after 10 images and after the long run (it should stay flat).
Then the same comparison for a generative plan (replace a box through an inpainting model): one batch
loads the pipeline once, separate edits load it per image. Without --model a tiny random SD pipeline is
built (load dominates less with real weights on a GPU, where each separate edit pays seconds of loading).
Last, the resident memory of a longer generative batch in this process (it should stay flat).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image
from skimage import data

from editree.engine.batch import BatchSettings, collect_jobs, run_batch
from editree.planner import parse

PLAN = "keep the person unchanged, blur the background, add fog and make it warmer"


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * 4096 / 2**20


def make_images(folder: Path, count: int, size: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    base = np.array(Image.fromarray(data.astronaut()).resize((size, size)))
    for i in range(count):
        Image.fromarray(np.roll(base, i, axis=1)).save(folder / f"img{i:04d}.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--images", type=int, default=20)
    ap.add_argument("--long", type=int, default=500)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--model", help="inpainting model for the generative comparison (default: a tiny random one)")
    ap.add_argument("--generative", type=int, default=8, help="images in the generative comparison")
    ap.add_argument("--generative-long", type=int, default=60, help="images in the generative memory run")
    opts = ap.parse_args()
    exe = str(Path(sys.executable).with_name("editree"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_images(root / "in", opts.images, opts.size)

        t0 = time.perf_counter()
        subprocess.run(
            [exe, "batch", str(root / "in"), PLAN, "-o", str(root / "batch"), "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        batch_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        (root / "single").mkdir()
        for path in sorted((root / "in").iterdir()):
            subprocess.run(
                [exe, "edit", str(path), PLAN, "-o", str(root / "single" / path.name), "-q"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        single_s = time.perf_counter() - t0
        print(
            f"classical plan, {opts.images} images of {opts.size}px: batch {batch_s:.2f} s, "
            f"separate edits {single_s:.2f} s, ratio {single_s / batch_s:.1f}x"
        )

        make_images(root / "long", opts.long, opts.size)
        jobs, _ = collect_jobs([str(root / "long")], root / "long-out")
        marks: dict[int, float] = {}
        done = 0

        def on_record(record: dict) -> None:
            nonlocal done
            done += 1
            if done in (10, opts.long):
                marks[done] = rss_mb()

        t0 = time.perf_counter()
        run_batch(jobs, BatchSettings(plan=parse(PLAN)), root / "long-out", on_record=on_record)
        long_s = time.perf_counter() - t0
        print(
            f"long batch: {opts.long} images in {long_s:.1f} s ({opts.long / long_s:.1f} img/s); "
            f"RSS after 10: {marks.get(10, 0):.0f} MiB, after {opts.long}: {marks.get(opts.long, 0):.0f} MiB"
        )
        generative(root, exe, opts)


def generative(root: Path, exe: str, opts: argparse.Namespace) -> None:
    model = opts.model
    if model is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from tests.tiny_models import sd_inpaint_pipeline

        model = str(sd_inpaint_pipeline(root / "tiny-model"))
    make_images(root / "gen", opts.generative, opts.size)
    side = opts.size
    flags = ["--region", f"sign={side // 4},{side // 4},{side // 2},{side // 2}", "--model", model, "--steps", "4"]
    plan = "replace the sign with a forest"
    t0 = time.perf_counter()
    subprocess.run(
        [exe, "batch", str(root / "gen"), plan, "-o", str(root / "gen-batch"), "--json", *flags],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    batch_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    (root / "gen-single").mkdir()
    for path in sorted((root / "gen").iterdir()):
        out = root / "gen-single" / path.name
        subprocess.run(
            [exe, "edit", str(path), plan, "-o", str(out), "-q", *flags], check=True, stdout=subprocess.DEVNULL
        )
    single_s = time.perf_counter() - t0
    print(
        f"generative plan ({model}), {opts.generative} images: batch {batch_s:.2f} s, separate edits "
        f"{single_s:.2f} s, ratio {single_s / batch_s:.1f}x"
    )

    # Memory over a longer generative batch in this process: the pipeline, latent blends and composites must
    # not pile up from image to image.
    from editree.engine.options import EngineOptions
    from editree.engine.regions import UserRegions, parse_box_option

    count = max(opts.generative_long, 10)
    make_images(root / "gen-long", count, opts.size)
    jobs, _ = collect_jobs([str(root / "gen-long")], root / "gen-long-out")
    name, box = parse_box_option(f"sign={side // 4},{side // 4},{side // 2},{side // 2}")
    settings = BatchSettings(
        plan=parse(plan), user=UserRegions(boxes={name: box}), options=EngineOptions(model=model, steps=4)
    )
    marks: dict[int, float] = {}

    def on_record(record: dict) -> None:
        marks[len(marks) + 1] = rss_mb()

    t0 = time.perf_counter()
    run_batch(jobs, settings, root / "gen-long-out", on_record=on_record)
    long_s = time.perf_counter() - t0
    print(
        f"long generative batch: {count} images in {long_s:.1f} s; RSS after 5: {marks[5]:.0f} MiB, "
        f"after {count}: {marks[count]:.0f} MiB"
    )


if __name__ == "__main__":
    main()
