"""Wall time and peak memory of `editree edit` on photo-size images, optionally against another commit.

    python bench/sizes.py [--sizes 1,12,24,48] [--format jpg] [--baseline REF] [--repeat 1]
                          [--instruction "..."]...

For each size (megapixels) a synthetic photo is made once (scikit-image's astronaut upscaled to 4:3 and
saved as a JPEG, quality 92), then each instruction runs in a fresh child process through the real CLI
(`editree.cli.app.main`, quiet) writing a `--format` output. The child reports the edit's wall time (imports
excluded, mediapipe's too; they are the same at every size and belong to start-up, which bench/startup.py
times; loading the models is included) and its peak resident memory (ru_maxrss), also per megapixel above
the memory the child had after its imports. With --baseline REF the same runs are made, interleaved
size by size, with the code of REF (a git worktree made in a temporary folder), and the ratios printed:
on a shared 2-core machine only side-by-side figures mean anything. Prints figures; asserts nothing.

Issue 12's targets (2-core machine): the demo instruction at 12 MP <= 3 s and <= 1.5 GB; "blur the background
a lot" at 12 MP <= 2 s; memory per megapixel flat from 12 to 100 MP.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTIONS = [
    "keep the person unchanged, blur the background, add fog and make it warmer",
    "blur the background a lot",
]
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import numpy, PIL.Image, cv2  # noqa: F401  (imports are not what is measured)
from editree.cli.app import main
import editree.engine.executor, editree.engine.classical, editree.engine.segmenters.mediapipe_seg  # noqa: F401
try:
    from mediapipe.python import solutions  # noqa: F401  (an import too: 1.3 s, the same at every size)
except ImportError:
    pass
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
code = main(["edit", sys.argv[2], sys.argv[3], "-o", sys.argv[4], "-q", "--overwrite"])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "peak_kb": peak, "base_kb": base}))
"""


def make_photo(folder: Path, megapixels: float) -> Path:
    import cv2
    import numpy as np
    from PIL import Image
    from skimage import data

    path = folder / f"photo_{megapixels:g}mp.jpg"
    if path.exists():
        return path
    width = round((megapixels * 1e6 * 4 / 3) ** 0.5)
    height = round(width * 3 / 4)
    base = np.ascontiguousarray(data.astronaut())
    # The astronaut fills a 4:3 frame with a margin of wall either side, as a portrait photo would.
    canvas = cv2.copyMakeBorder(base, 0, 0, 85, 85, cv2.BORDER_REFLECT)
    big = cv2.resize(canvas, (width, height), interpolation=cv2.INTER_CUBIC)
    Image.fromarray(big).save(path, quality=92)
    return path


def run_child(tree: Path, photo: Path, instruction: str, output: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(photo), instruction, str(output)],
        capture_output=True,
        text=True,
        cwd=tree,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def worktree(ref: str, folder: Path) -> Path:
    tree = folder / "baseline"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref], check=True,
                   capture_output=True)  # fmt: skip
    return tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,12,24,48", help="megapixels, comma-separated")
    ap.add_argument("--format", default="jpg", help="output extension (jpg, png, ...)")
    ap.add_argument("--baseline", help="a git ref to time side by side (e.g. HEAD~3)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per case; the fastest is reported")
    ap.add_argument("--instruction", action="append", help="instead of the two default instructions")
    ap.add_argument("--photos", type=Path, help="folder to keep the synthetic photos in between runs")
    opts = ap.parse_args()
    sizes = [float(s) for s in opts.sizes.split(",")]
    instructions = opts.instruction or INSTRUCTIONS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = opts.photos or folder
        photos.mkdir(parents=True, exist_ok=True)
        trees = {"current": ROOT}
        if opts.baseline:
            trees = {"baseline": worktree(opts.baseline, folder), "current": ROOT}
        try:
            header = f"{'MP':>5}  {'tree':<8}  {'s':>7}  {'peak MB':>8}  {'MB/MP':>6}  instruction"
            print(header)
            print("-" * len(header))
            for size in sizes:
                photo = make_photo(photos, size)
                for instruction in instructions:
                    best: dict[str, dict] = {}
                    for _ in range(opts.repeat):
                        for name, tree in trees.items():  # interleaved, so both see the same load
                            got = run_child(tree, photo, instruction, folder / f"out_{name}.{opts.format}")
                            if "error" in got or got["seconds"] < best.get(name, {}).get("seconds", 1e9):
                                best[name] = got
                    for name, got in best.items():
                        if "error" in got:
                            print(f"{size:>5g}  {name:<8}  error: {got['error']}")
                            continue
                        peak = got["peak_kb"] / 1024
                        per_mp = (got["peak_kb"] - got["base_kb"]) / 1024 / size
                        figures = f"{got['seconds']:>7.2f}  {peak:>8.0f}  {per_mp:>6.0f}"
                        print(f"{size:>5g}  {name:<8}  {figures}  {instruction}")
                    if len(best) == 2 and all("error" not in g for g in best.values()):
                        b, c = best["baseline"], best["current"]
                        print(f"{'':>5}  {'ratio':<8}  {c['seconds'] / b['seconds']:>7.2f}  "
                              f"{c['peak_kb'] / b['peak_kb']:>8.2f}  {'':>6}  current / baseline")  # fmt: skip
                    sys.stdout.flush()
        finally:
            if opts.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(trees["baseline"])],
                               capture_output=True)  # fmt: skip


if __name__ == "__main__":
    main()
