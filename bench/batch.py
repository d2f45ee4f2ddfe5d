"""Batch against separate `editree edit` runs, and memory over a long batch.

    python bench/batch.py [--images 20] [--long 500] [--size 256] [--model DIR_OR_PRESET] [--generative 8]
                          [--generative-long 60]
    python bench/batch.py --executor ray [--images 40] [--long 2000] [--size 96] [--ray-address HOST:PORT]

Prints: seconds for N images through one `editree batch` process and through N `editree edit`
processes (the ratio is what batching saves: planning once, imports and models loaded once), and the
batch process's resident memory after 10 images and after the long run (it should stay flat).
Then the same comparison for a generative plan (replace a box through an inpainting model): one batch
loads the pipeline once, separate edits load it per image. Without --model a tiny random SD pipeline is
built (load dominates less with real weights on a GPU, where each separate edit pays seconds of loading).
Last, the resident memory of a longer generative batch in this process (it should stay flat).

With --executor ray: the same folder through local workers (--jobs 2) and through Ray workers (a Ray of its own
with 2 CPUs, or --ray-address), the ratio being Ray's overhead on one machine (bytes through the object store,
actor calls); then the driver's resident memory over a --long folder on Ray, after 100 images, at the end and its
peak (sampled): it should stay flat, as only a bounded number of images is in flight.
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
    ap.add_argument("--executor", choices=["local", "ray"], default="local")
    ap.add_argument("--ray-address", help="with --executor ray: an existing cluster (default: a Ray of its own)")
    opts = ap.parse_args()
    if opts.executor == "ray":
        return on_ray(opts)
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


def on_ray(opts: argparse.Namespace) -> None:
    import threading

    import ray

    from editree.engine.ray_executor import RayExecutor

    if opts.ray_address is None:
        ray.init(num_cpus=2, num_gpus=0, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    settings = BatchSettings(plan=parse(PLAN), seed=1)
    with tempfile.TemporaryDirectory(prefix="edr-bench-", dir="/tmp") as tmp:
        root = Path(tmp)
        make_images(root / "in", opts.images, opts.size)
        jobs, _ = collect_jobs([str(root / "in")], root / "local")
        t0 = time.perf_counter()
        run_batch(jobs, settings, root / "local", jobs_in_parallel=2)
        local_s = time.perf_counter() - t0
        jobs, _ = collect_jobs([str(root / "in")], root / "ray")
        t0 = time.perf_counter()
        with RayExecutor(opts.ray_address, workers=2) as executor:
            run_batch(jobs, settings, root / "ray", executor=executor)
        ray_s = time.perf_counter() - t0
        print(
            f"classical plan, {opts.images} images of {opts.size}px: local --jobs 2 {local_s:.2f} s "
            f"({opts.images / local_s:.1f} img/s), Ray 2 workers {ray_s:.2f} s ({opts.images / ray_s:.1f} img/s, "
            f"workers started in that time), ratio {ray_s / local_s:.2f}x"
        )

        make_images(root / "long", opts.long, opts.size)
        jobs, _ = collect_jobs([str(root / "long")], root / "long-out")
        marks: dict[str, float] = {"peak": rss_mb()}
        done = 0
        running = True

        def sample() -> None:
            while running:
                marks["peak"] = max(marks["peak"], rss_mb())
                time.sleep(0.05)

        def on_record(record: dict) -> None:
            nonlocal done
            done += 1
            if done == 100:
                marks["100"] = rss_mb()

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0 = time.perf_counter()
        with RayExecutor(opts.ray_address, workers=2) as executor:
            run_batch(jobs, settings, root / "long-out", executor=executor, on_record=on_record)
        long_s = time.perf_counter() - t0
        marks["end"] = rss_mb()
        running = False
        sampler.join()
        print(
            f"long batch on Ray: {opts.long} images in {long_s:.1f} s ({opts.long / long_s:.1f} img/s); driver RSS "
            f"after 100: {marks.get('100', 0):.0f} MiB, at the end: {marks['end']:.0f} MiB, "
            f"peak {marks['peak']:.0f} MiB"
        )
    ray.shutdown()


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
