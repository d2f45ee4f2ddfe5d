"""How well each classical fill restores what a removed box hid, on scikit-image's real photos.

For each photo and each hole (boxes and ellipses covering 5%, 10% and 15% of it, at seeded places) the hole is
filled from its surroundings and compared with the photo's own pixels there:
- PSNR inside the hole (higher is closer to what was there; a smooth fill scores well here),
- seam: gradient energy on a 2-pixel band along the hole's border, over the original's on the same band
  (1 = no step; a hard seam is well above 1),
- texture: mean gradient magnitude inside the hole, over the original's (1 = as busy as the photo;
  a smeared fill is well below 1),
- ms per megapixel of the photo.

    python bench/inpaint_quality.py [--sheet out/inpaint_sheet.png]

prints one line per method (medians over all photos and holes) and writes a contact sheet of crops
(original | telea | ns | pyramid) for looking at.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import cv2
import numpy as np

from editree.engine import inpaint

PHOTOS = ("astronaut", "coffee", "rocket", "chelsea", "camera", "hubble_deep_field", "immunohistochemistry", "retina")
PHOTOS_EXTRA = ("motorcycle", "brick", "grass", "gravel")


def photos() -> dict[str, np.ndarray]:
    from skimage import data

    out = {}
    for name in (*PHOTOS, *PHOTOS_EXTRA):
        image = data.stereo_motorcycle()[0] if name == "motorcycle" else getattr(data, name)()
        out[name] = np.stack([image] * 3, axis=-1) if image.ndim == 2 else image[..., :3]
    return out


def holes(shape: tuple[int, int], rng: np.random.Generator) -> list[tuple[str, np.ndarray]]:
    h, w = shape
    out = []
    for fraction in (0.05, 0.10, 0.15):
        for kind in ("box", "ellipse"):
            aspect = rng.uniform(0.6, 1.6)
            bw = min(w - 4, math.sqrt(fraction * h * w * aspect))
            bh = min(h - 4, fraction * h * w / bw)
            if kind == "ellipse":
                bw, bh = bw * 2 / math.sqrt(math.pi), bh * 2 / math.sqrt(math.pi)
                bw, bh = min(bw, w - 4), min(bh, h - 4)
            cx = rng.uniform(bw / 2 + 2, w - bw / 2 - 2)
            cy = rng.uniform(bh / 2 + 2, h - bh / 2 - 2)
            mask = np.zeros((h, w), np.uint8)
            if kind == "box":
                mask[round(cy - bh / 2) : round(cy + bh / 2), round(cx - bw / 2) : round(cx + bw / 2)] = 1
            else:
                cv2.ellipse(mask, (round(cx), round(cy)), (round(bw / 2), round(bh / 2)), 0, 0, 360, 1, -1)
            out.append((f"{kind} {fraction:.0%}", mask.astype(bool)))
    return out


def _gradient(rgb: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    return np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1))


def scores(original: np.ndarray, filled: np.ndarray, hole: np.ndarray) -> tuple[float, float, float]:
    diff = original[hole].astype(np.float64) - filled[hole].astype(np.float64)
    mse = float(np.mean(diff**2))
    psnr = 10 * math.log10(255**2 / mse) if mse > 0 else float("inf")
    u8 = hole.astype(np.uint8)
    kernel = np.ones((5, 5), np.uint8)
    band = (cv2.dilate(u8, kernel) - cv2.erode(u8, kernel)).astype(bool)
    inner = cv2.erode(u8, kernel, iterations=2).astype(bool)
    g_out, g_in = _gradient(filled), _gradient(original)
    seam = float(np.mean(g_out[band] ** 2) / max(np.mean(g_in[band] ** 2), 1e-6))
    texture = float(np.mean(g_out[inner]) / max(np.mean(g_in[inner]), 1e-6)) if inner.any() else float("nan")
    return psnr, seam, texture


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, default=Path("out/inpaint_sheet.png"))
    parser.add_argument("--methods", default=",".join(inpaint.METHODS))
    options = parser.parse_args()
    methods = options.methods.split(",")
    rng = np.random.default_rng(7)
    rows: dict[str, list[tuple[float, float, float, float]]] = {m: [] for m in methods}
    per_photo: dict[tuple[str, str], list[float]] = {}
    sheet_rows = []
    for name, image in photos().items():
        for label, hole in holes(image.shape[:2], rng):
            crops = []
            y, x = np.nonzero(hole)
            pad = 24
            box = (max(0, y.min() - pad), y.max() + pad, max(0, x.min() - pad), x.max() + pad)
            for method in methods:
                started = time.perf_counter()
                filled = inpaint.fill(image, hole, method)  # type: ignore[arg-type]
                ms_per_mp = (time.perf_counter() - started) * 1000 / (image.shape[0] * image.shape[1] / 1e6)
                psnr, seam, texture = scores(image, filled, hole)
                rows[method].append((psnr, seam, texture, ms_per_mp))
                per_photo.setdefault((name, method), []).append(psnr)
                crops.append(filled[box[0] : box[1], box[2] : box[3]])
            if label == "ellipse 10%":
                crop = image[box[0] : box[1], box[2] : box[3]]
                sheet_rows.append(_row([crop, *crops], name))
    print(f"{len(rows[methods[0]])} holes on {len(PHOTOS) + len(PHOTOS_EXTRA)} photos (5-15% of each, box and ellipse)")
    print(f"{'method':<10}{'PSNR dB':>9}{'seam':>8}{'texture':>9}{'ms/MP':>8}   (medians; 1 = like the photo)")
    for method, values in rows.items():
        psnr, seam, texture, ms = (float(np.nanmedian([v[i] for v in values])) for i in range(4))
        print(f"{method:<10}{psnr:>9.2f}{seam:>8.2f}{texture:>9.2f}{ms:>8.0f}")
    print("PSNR by photo (median over its holes): " + ", ".join(methods))
    for name in (*PHOTOS, *PHOTOS_EXTRA):
        print(f"  {name:<22}" + "".join(f"{np.median(per_photo[(name, m)]):>8.2f}" for m in methods))
    options.sheet.parent.mkdir(parents=True, exist_ok=True)
    width = max(r.shape[1] for r in sheet_rows)
    sheet = np.concatenate(
        [np.pad(r, ((0, 4), (0, width - r.shape[1]), (0, 0)), constant_values=255) for r in sheet_rows]
    )
    cv2.imwrite(str(options.sheet), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR))
    print(f"contact sheet (original | {' | '.join(methods)}, ellipse 10%): {options.sheet}")


def _row(crops: list[np.ndarray], name: str) -> np.ndarray:
    height = 160
    scaled = [cv2.resize(c, (max(1, round(c.shape[1] * height / c.shape[0])), height)) for c in crops]
    gap = np.full((height, 4, 3), 255, np.uint8)
    parts = []
    for crop in scaled:
        parts += [crop, gap]
    row = np.concatenate(parts[:-1], axis=1)
    cv2.putText(row, name, (4, 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 0), 1, cv2.LINE_AA)
    return row


if __name__ == "__main__":
    main()
