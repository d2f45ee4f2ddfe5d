"""Does --control keep the scene's structure? The same generative edit with and without a ControlNet, scored by how
many of the photo's Canny edges inside the edited region survive in the output.

    python bench/control_edges.py --model sd15-inpaint --device cuda            # replace, ControlNet inpainting
    python bench/control_edges.py --model sd15-inpaint --control-model PATH     # a ControlNet folder of your own
    python bench/control_edges.py --model DIR --control-model DIR --steps 2     # tiny test models: checks it runs

Prints, per photo, the edge IoU inside the region (Canny of the input against Canny of the output, each dilated by
one pixel so a one-pixel shift still counts) for the plain edit and for `--control canny`, and the seconds each
took (load included). A higher IoU under control is the point; pixels outside the region are identical either
way (editree's composite). Needs the models present: `editree models pull sd15-inpaint controlnet-sd15-canny`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from editree.engine.control_images import canny

PHOTOS = {  # scikit-image sample: an edit of "the thing", the box (x0, y0, x1, y1) it is given by --region
    "astronaut": ("replace the thing with a space shuttle made of polished gold", (330, 40, 500, 250)),
    "rocket": ("replace the thing with a rocket painted in bright stripes", (180, 40, 320, 420)),
    "coffee": ("replace the thing with a cup made of blue glass", (60, 30, 520, 380)),
}


def edge_iou(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """IoU of the (1-px dilated) Canny edges of two pictures inside `box`."""
    x0, y0, x1, y1 = box
    kernel = np.ones((3, 3), np.uint8)
    a = cv2.dilate(canny(before[y0:y1, x0:x1])[:, :, 0], kernel) > 0
    b = cv2.dilate(canny(after[y0:y1, x0:x1])[:, :, 0], kernel) > 0
    union = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / union) if union else 1.0


def run_edit(photo: Path, out: Path, instruction: str, box: tuple[int, ...], flags: list[str]) -> float:
    """Seconds one `editree edit` took; exits with its error line when it fails."""
    region = "thing=" + ",".join(map(str, box))
    command = ["editree", "edit", str(photo), instruction]
    command += ["--region", region, "-o", str(out), "-q", *flags]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)}: {done.stderr.strip().splitlines()[-1]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="sd15-inpaint", help="inpainting preset or folder")
    parser.add_argument("--control-model", help="ControlNet preset or folder (default: the canny preset)")
    parser.add_argument("--control-scale", type=float, default=1.0)
    parser.add_argument("--steps", type=int, default=25)
    parser.add_argument("--device", default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from skimage import data

    common = ["--model", args.model, "--steps", str(args.steps), "--seed", str(args.seed)]
    if args.device:
        common += ["--device", args.device]
    control = ["--control", "canny", "--control-scale", str(args.control_scale)]
    if args.control_model:
        control += ["--control-model", args.control_model]
    print(f"{'photo':<10} {'plain IoU':>9} {'canny IoU':>9} {'plain s':>8} {'canny s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, (instruction, box) in PHOTOS.items():
            rgb = np.asarray(Image.fromarray(getattr(data, name)()).convert("RGB"))
            photo = folder / f"{name}.png"
            Image.fromarray(rgb).save(photo)
            seconds, ious = [], []
            for label, flags in (("plain", common), ("canny", common + control)):
                out = folder / f"{name}-{label}.png"
                seconds.append(run_edit(photo, out, instruction, box, flags))
                ious.append(edge_iou(rgb, np.asarray(Image.open(out).convert("RGB")), box))
            print(f"{name:<10} {ious[0]:9.3f} {ious[1]:9.3f} {seconds[0]:8.1f} {seconds[1]:8.1f}")


if __name__ == "__main__":
    main()
