"""Classical op implementations: Pillow/numpy/OpenCV, deterministic, offline, fast.

Each function takes the current canvas (uint8 H×W×3, never modified), the op's effective mask
(float32 H×W in [0, 1]) for ops that need to know where they apply, the op's args and a seeded
generator, and returns a full edited image; the executor composites it through the mask.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from editree.engine.colors import parse_color
from editree.ops import args as a

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def _f(rgb: np.ndarray) -> np.ndarray:
    return rgb.astype(np.float32) / 255.0


def _u8(x: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(x * 255.0), 0, 255).astype(np.uint8)


def _luma(x: np.ndarray) -> np.ndarray:
    return (x @ _LUMA)[..., None]


def _sigma_for(shape: tuple[int, ...], fraction: float) -> float:
    return max(0.5, float(np.hypot(shape[0], shape[1])) * fraction)


# ---- adjust ------------------------------------------------------------------------------------------
def _brightness(x: np.ndarray, amt: float) -> np.ndarray:
    # A gamma curve lifts or lowers the mid-tones without clipping whites or crushing blacks.
    gamma = 1.0 / (1.0 + 1.5 * amt) if amt > 0 else 1.0 - 1.5 * amt
    return np.power(x, gamma)


def _contrast(x: np.ndarray, amt: float) -> np.ndarray:
    mean = float(_luma(x).mean())
    return (x - mean) * (1.0 + amt) + mean


def _saturation(x: np.ndarray, amt: float) -> np.ndarray:
    lum = _luma(x)
    return lum + (x - lum) * (1.0 + amt)


def _vibrance(x: np.ndarray, amt: float) -> np.ndarray:
    lum = _luma(x)
    sat = x.max(axis=2, keepdims=True) - x.min(axis=2, keepdims=True)
    return lum + (x - lum) * (1.0 + amt * (1.0 - sat) * 1.5)


def _exposure(x: np.ndarray, amt: float) -> np.ndarray:
    return x * (2.0 ** (amt * 2.0))


def _warmth(x: np.ndarray, amt: float) -> np.ndarray:
    return x * np.array([1.0 + 0.3 * amt, 1.0 + 0.05 * amt, 1.0 - 0.3 * amt], dtype=np.float32)


def _tint(x: np.ndarray, amt: float) -> np.ndarray:
    # + is towards magenta, - towards green.
    return x * np.array([1.0 + 0.1 * amt, 1.0 - 0.2 * amt, 1.0 + 0.1 * amt], dtype=np.float32)


def _hue(x: np.ndarray, amt: float) -> np.ndarray:
    hsv = cv2.cvtColor(_u8(x), cv2.COLOR_RGB2HSV_FULL).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + round(amt * 128)) % 256
    return _f(cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB_FULL))


def _sharpness(x: np.ndarray, amt: float) -> np.ndarray:
    blurred = cv2.GaussianBlur(x, (0, 0), _sigma_for(x.shape, 0.002))
    return x + (x - blurred) * (amt * 2.5)


def _highlights(x: np.ndarray, amt: float) -> np.ndarray:
    lum = _luma(x)
    weight = np.clip((lum - 0.5) * 2.0, 0.0, 1.0)
    return x + weight * amt * 0.35


def _shadows(x: np.ndarray, amt: float) -> np.ndarray:
    lum = _luma(x)
    weight = np.clip((0.5 - lum) * 2.0, 0.0, 1.0)
    return x + weight * amt * 0.35


ADJUSTERS: dict[str, Callable[[np.ndarray, float], np.ndarray]] = {
    "brightness": _brightness,
    "contrast": _contrast,
    "saturation": _saturation,
    "vibrance": _vibrance,
    "exposure": _exposure,
    "warmth": _warmth,
    "tint": _tint,
    "hue": _hue,
    "sharpness": _sharpness,
    "highlights": _highlights,
    "shadows": _shadows,
}


def adjust(rgb: np.ndarray, mask: np.ndarray, args: a.AdjustArgs, rng: np.random.Generator) -> np.ndarray:
    return _u8(np.clip(ADJUSTERS[args.property](_f(rgb), args.amount), 0.0, 1.0))


# ---- blur --------------------------------------------------------------------------------------------
def blur(rgb: np.ndarray, mask: np.ndarray, args: a.BlurArgs, rng: np.random.Generator) -> np.ndarray:
    """Mask-aware Gaussian blur (normalised convolution): only pixels inside the mask are averaged,
    so a sharp subject outside the mask does not bleed a halo into the blurred background."""
    sigma = _sigma_for(rgb.shape, 0.025 * args.amount)
    weight = (mask > 0).astype(np.float32)
    num = cv2.GaussianBlur(_f(rgb) * weight[..., None], (0, 0), sigma)
    den = cv2.GaussianBlur(weight, (0, 0), sigma)[..., None]
    plain = cv2.GaussianBlur(_f(rgb), (0, 0), sigma)
    out = np.where(den > 1e-3, num / np.maximum(den, 1e-6), plain)
    return _u8(out)


# ---- atmosphere --------------------------------------------------------------------------------------
def _smooth_noise(shape: tuple[int, int], rng: np.random.Generator, cells: int = 6) -> np.ndarray:
    h, w = shape
    grid = rng.random((cells + 1, cells + 1)).astype(np.float32)
    return cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC).clip(0.0, 1.0)


def atmosphere(rgb: np.ndarray, mask: np.ndarray, args: a.AtmosphereArgs, rng: np.random.Generator) -> np.ndarray:
    x = _f(rgb)
    h, w = rgb.shape[:2]
    amt = args.amount
    if args.effect in ("fog", "haze"):
        # Denser towards the top (farther away in most photos), patchy for fog, even for haze.
        vertical = np.linspace(1.0, 0.7, h, dtype=np.float32)[:, None]
        if args.effect == "fog":
            density = amt * 0.85 * vertical * (0.65 + 0.35 * _smooth_noise((h, w), rng))
            color = np.array([0.86, 0.88, 0.90], dtype=np.float32)
        else:
            density = amt * 0.55 * vertical * np.ones((h, w), np.float32)
            color = np.array([0.80, 0.85, 0.92], dtype=np.float32)
        density = np.clip(density, 0.0, 0.95)[..., None]
        softened = cv2.GaussianBlur(x, (0, 0), _sigma_for(x.shape, 0.002 * amt))
        return _u8(softened * (1.0 - density) + color * density)
    if args.effect == "night":
        dark = _brightness(_saturation(x, -0.5 * amt), -0.8 * amt)
        return _u8(np.clip(dark * np.array([0.8, 0.9, 1.15], np.float32), 0.0, 1.0))
    if args.effect == "sunset":
        warm = _warmth(x, 0.9 * amt)
        gradient = np.linspace(1.0, 0.2, h, dtype=np.float32)[:, None, None]
        glow = np.array([1.0, 0.55, 0.25], np.float32) * gradient * 0.25 * amt
        return _u8(np.clip(warm + glow, 0.0, 1.0))
    raise ValueError(f"no classical implementation of atmosphere effect {args.effect!r}")


# ---- restyle, recolor, replace ----------------------------------------------------------------------
def _grayscale(x: np.ndarray) -> np.ndarray:
    return np.repeat(_luma(x), 3, axis=2)


def _sepia(x: np.ndarray) -> np.ndarray:
    matrix = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32)
    return x @ matrix.T


NAMED_STYLES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "black and white": _grayscale,
    "grayscale": _grayscale,
    "greyscale": _grayscale,
    "monochrome": _grayscale,
    "sepia": _sepia,
}


def restyle(rgb: np.ndarray, mask: np.ndarray, args: a.RestyleArgs, rng: np.random.Generator) -> np.ndarray:
    return _u8(np.clip(NAMED_STYLES[args.style.strip().lower()](_f(rgb)), 0.0, 1.0))


def recolor(rgb: np.ndarray, mask: np.ndarray, args: a.RecolorArgs, rng: np.random.Generator) -> np.ndarray:
    """Give the target the colour's hue and saturation, keeping its own lightness (its shading)."""
    color = parse_color(args.color)
    if color is None:
        raise ValueError(f"{args.color!r} is not a colour")
    target = cv2.cvtColor(np.array([[color]], np.uint8), cv2.COLOR_RGB2HLS_FULL)[0, 0]
    hls = cv2.cvtColor(rgb, cv2.COLOR_RGB2HLS_FULL)
    hls[..., 0] = target[0]
    hls[..., 2] = target[2]
    if target[2] < 10:  # black, white and grays: move lightness towards the colour too
        hls[..., 1] = np.clip((hls[..., 1].astype(np.int32) + int(target[1])) // 2, 0, 255)
    return cv2.cvtColor(hls, cv2.COLOR_HLS2RGB_FULL)


def replace_with_color(rgb: np.ndarray, mask: np.ndarray, args: a.ReplaceArgs, rng: np.random.Generator) -> np.ndarray:
    color = parse_color(args.prompt)
    if color is None:
        raise ValueError(f"{args.prompt!r} is not a colour")
    return np.broadcast_to(np.array(color, np.uint8), rgb.shape).copy()


# ---- enhance -----------------------------------------------------------------------------------------
def _dehaze(rgb: np.ndarray) -> np.ndarray:
    """Dark channel prior (He et al.): estimate the airlight and the haze transmission, then invert the
    haze model I = J t + A (1 - t), keeping a little haze (omega) so distance still reads."""
    x = _f(rgb)
    patch = max(3, round(min(x.shape[:2]) * 0.02) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (patch, patch))
    dark = cv2.erode(x.min(axis=2), kernel)
    brightest = np.argsort(dark.ravel())[-max(1, dark.size // 1000) :]
    airlight = x.reshape(-1, 3)[brightest].max(axis=0).clip(0.05, 1.0)
    transmission = 1.0 - 0.9 * cv2.erode((x / airlight).min(axis=2), kernel)
    transmission = cv2.GaussianBlur(transmission, (0, 0), patch)  # soften the blocky estimate
    transmission = np.clip(transmission, 0.15, 1.0)[..., None]
    return _u8(np.clip((x - airlight) / transmission + airlight, 0.0, 1.0))


def _deblur(rgb: np.ndarray) -> np.ndarray:
    """Two-scale unsharp masking: recovers edge contrast lost to mild blur without ringing halos."""
    x = _f(rgb)
    fine = x + (x - cv2.GaussianBlur(x, (0, 0), _sigma_for(x.shape, 0.002))) * 1.2
    coarse = fine + (fine - cv2.GaussianBlur(fine, (0, 0), _sigma_for(x.shape, 0.006))) * 0.5
    return _u8(np.clip(coarse, 0.0, 1.0))


def enhance(rgb: np.ndarray, mask: np.ndarray, args: a.EnhanceArgs, rng: np.random.Generator) -> np.ndarray:
    if args.kind == "denoise":
        return cv2.fastNlMeansDenoisingColored(rgb, None, 6, 6, 7, 21)
    if args.kind == "dehaze":
        return _dehaze(rgb)
    if args.kind == "deblur":
        return _deblur(rgb)
    if args.kind == "auto":
        x = _f(rgb)
        lo, hi = np.percentile(_luma(x), [1, 99])
        stretched = (x - lo) / max(hi - lo, 1e-3)
        return _u8(np.clip(_vibrance(np.clip(stretched, 0, 1), 0.15), 0.0, 1.0))
    raise ValueError(f"no classical implementation of enhance kind {args.kind!r}")
