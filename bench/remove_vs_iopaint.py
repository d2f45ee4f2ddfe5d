"""editree's classical remove against IOPaint's OpenCV model on the same folder of photos and masks, side by side.

    python bench/remove_vs_iopaint.py [--iopaint-venv DIR] [--runs 3]

The folder: 20 photos made from scikit-image's samples at 512-2000 px (about 24 MP in all; JPEGs with EXIF, two
RGBA PNGs, two greyscale pictures), one binary ellipse mask each (5-15% of the photo) named after it. Both tools
run as their command lines do, from a cold process:

    editree batch IN "remove the object" --mask "object=MASKS/{stem}.png" -o OUT
    iopaint run --model=cv2 --device=cpu --image IN --mask MASKS --output OUT

IOPaint is a peer, not a dependency: it lives in its own venv (made here with `pip install torch==2.13.0
iopaint==1.6.0`, then without the torchvision it brings, which cannot load beside that torch; reused when
--iopaint-venv names one that has it). Printed: wall time (median of --runs), peak resident memory, pixels changed
outside the masks (and outside the 16x16 JPEG coding units the mask touches: editree copies the input's
coefficients of every unit it did not edit, but a re-encoded unit moves every pixel in it by a level or so, and
the decoder's chroma upsampling reaches a pixel past it), which outputs kept the input's format, EXIF, alpha and
greyscale, and whether a corrupt file stops the batch.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

SIDES = (512, 800, 1100, 1500, 1900)
MCU = 16
"""A JPEG's 4:2:0 coding unit: a re-encoded chroma block reaches 16x16 pixels."""
PHOTOS = ("astronaut", "coffee", "rocket", "chelsea", "hubble_deep_field", "immunohistochemistry", "retina")


def make_folder(root: Path) -> tuple[Path, Path]:
    from skimage import data

    photos, masks = root / "in", root / "masks"
    photos.mkdir(parents=True)
    masks.mkdir()
    rng = np.random.default_rng(3)
    for i in range(20):
        source = getattr(data, PHOTOS[i % len(PHOTOS)])()[..., :3]
        side = SIDES[i % len(SIDES)]
        scale = side / max(source.shape[:2])
        size = (round(source.shape[1] * scale), round(source.shape[0] * scale))
        rgb = cv2.resize(source, size, interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
        name = f"photo{i:02d}"
        if i in (3, 11):  # RGBA PNG: a transparent corner
            alpha = np.full(rgb.shape[:2], 255, np.uint8)
            alpha[: size[1] // 5, : size[0] // 5] = 0
            Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(photos / f"{name}.png")
        elif i in (6, 14):  # greyscale
            Image.fromarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), "L").save(photos / f"{name}.jpg", quality=90)
        else:
            exif = Image.Exif()
            exif[0x010F] = "editree bench"  # Make
            Image.fromarray(rgb).save(photos / f"{name}.jpg", quality=90, exif=exif)
        h, w = rgb.shape[:2]
        share = rng.uniform(0.05, 0.15)
        aspect = rng.uniform(0.7, 1.4)
        ax = math.sqrt(share * h * w * aspect / math.pi)
        ay = min(h / 2 - 4, share * h * w / (math.pi * ax))
        ax = min(w / 2 - 4, ax)
        center = (round(rng.uniform(ax + 2, w - ax - 2)), round(rng.uniform(ay + 2, h - ay - 2)))
        mask = np.zeros((h, w), np.uint8)
        cv2.ellipse(mask, center, (round(ax), round(ay)), 0, 0, 360, 255, -1)
        Image.fromarray(mask, "L").save(masks / f"{name}.png")
    return photos, masks


def iopaint_venv(folder: Path | None) -> Path:
    venv = folder or Path(tempfile.mkdtemp(prefix="iopaint-venv-"))
    if (venv / "bin" / "iopaint").exists():
        return venv
    print(f"installing IOPaint into {venv} (a few minutes)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "torch==2.13.0", "iopaint==1.6.0"], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "uninstall", "-y", "-q", "torchvision"], check=True)
    return venv


_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak resident MiB of the command and its children, exit code), from a fresh process."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, kib, code = out.stdout.split()
    return float(seconds), int(kib) / 1024, int(code)


def check_outputs(photos: Path, masks: Path, out: Path) -> dict[str, object]:
    changed = changed_blocks = 0
    kept = {"format": 0, "exif": 0, "alpha": 0, "greyscale": 0}
    wanted = {"format": 0, "exif": 0, "alpha": 0, "greyscale": 0}
    written = 0
    for source in sorted(photos.iterdir()):
        outputs = [p for p in out.glob(f"{source.stem}.*") if p.suffix != ".jsonl"]
        if not outputs:
            continue
        written += 1
        result = outputs[0]
        with Image.open(source) as a, Image.open(result) as b:
            wanted["format"] += 1
            kept["format"] += a.format == b.format
            if a.getexif():
                wanted["exif"] += 1
                kept["exif"] += bool(b.getexif())
            if a.mode == "RGBA":
                wanted["alpha"] += 1
                kept["alpha"] += b.mode == "RGBA" and np.array_equal(np.asarray(a)[..., 3], np.asarray(b)[..., 3])
            if a.mode == "L":
                wanted["greyscale"] += 1
                kept["greyscale"] += b.mode == "L"
            before = np.asarray(a.convert("RGB")).astype(int)
            after = np.asarray(b.convert("RGB")).astype(int)
        mask = np.asarray(Image.open(masks / f"{source.stem}.png")) > 0
        differs = (before != after).any(axis=-1)
        changed += int((differs & ~mask).sum())
        h, w = mask.shape
        padded = np.pad(mask, ((0, -h % MCU), (0, -w % MCU)))
        blocks = padded.reshape(padded.shape[0] // MCU, MCU, padded.shape[1] // MCU, MCU).any(axis=(1, 3))
        near = np.kron(blocks, np.ones((MCU, MCU), bool))[:h, :w]
        changed_blocks += int((differs & ~near).sum())
    return {
        "written": written,
        "changed outside masks": changed,
        "changed outside mask MCUs": changed_blocks,
        **{f"{k} kept": f"{kept[k]}/{wanted[k]}" for k in kept},
    }


def _show(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iopaint-venv", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="editree-vs-iopaint-"))
    photos, masks = make_folder(root)
    megapixels = sum(np.prod(Image.open(p).size) for p in photos.iterdir()) / 1e6
    venv = iopaint_venv(options.iopaint_venv)
    editree = shutil.which("editree") or str(Path(sys.executable).parent / "editree")
    tools = {
        "editree": lambda src, out: [editree, "batch", str(src), "remove the object", "--mask",
                                     f"object={masks}/{{stem}}.png", "-o", str(out), "-q"],
        "iopaint": lambda src, out: [str(venv / "bin" / "iopaint"), "run", "--model=cv2", "--device=cpu",
                                     "--image", str(src), "--mask", str(masks), "--output", str(out)],
    }  # fmt: skip
    print(f"{len(list(photos.iterdir()))} photos, {megapixels:.1f} MP, one ellipse mask each (5-15%); {root}")
    results: dict[str, dict[str, object]] = {}
    for name, command in tools.items():
        times, peaks = [], []
        for run in range(options.runs):  # alternate nothing: each tool's runs back to back, fresh output folders
            out = root / f"out-{name}-{run}"
            out.mkdir()
            seconds, peak, code = measure(command(photos, out))
            times.append(seconds)
            peaks.append(peak)
        results[name] = {"seconds": statistics.median(times), "peak MiB": max(peaks), "exit": code}
        results[name].update(check_outputs(photos, masks, out))
        # A corrupt file among the photos: does the batch go on?
        broken = root / f"broken-{name}"
        shutil.copytree(photos, broken)
        (broken / "photo00_broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not a JPEG")
        out = root / f"out-{name}-broken"
        out.mkdir()
        _, _, code = measure(command(broken, out))
        done = len([p for p in out.iterdir() if p.suffix != ".jsonl"])
        results[name]["with a corrupt file"] = f"exit {code}, {done} of 20 written"
    keys = list(results["editree"])
    print(f"{'':<30}{'editree':>22}{'iopaint':>26}")
    for key in keys:
        a, b = results["editree"][key], results["iopaint"][key]
        print(f"{key:<30}{_show(a):>22}{_show(b):>26}")
    ratio = results["editree"]["seconds"] / results["iopaint"]["seconds"]  # type: ignore[operator]
    print(f"wall time ratio editree/iopaint: {ratio:.2f} (target <= 0.5)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
