"""Classical op implementations: Pillow/numpy/OpenCV, deterministic, offline, fast.

Each function takes the current canvas (uint8 H×W×3, never modified), the op's effective mask
(float32 H×W in [0, 1]) for ops that need to know where they apply, the op's args and a seeded
generator, and returns a full edited image; the executor composites it through the mask.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np

from editree.engine import masks as M
from editree.engine.colors import parse_color
from editree.engine.depth import to_8bit, to_16bit
from editree.engine.depth import top as white
from editree.ops import args as a

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)
BAND_ROWS = 256
"""Per-pixel float work is done this many rows at a time: the float32 copy of a band is small, whereas a
float32 copy of a whole 48-megapixel photo is 576 MB, and several of them were alive at once."""
PYRAMID_SIGMA = 2.0
"""A blur wider than twice this runs on a copy shrunk until the remaining sigma is about this many pixels."""


def _f(rgb: np.ndarray) -> np.ndarray:
    """An 8- or 16-bit picture as float32 in [0, 1]."""
    return rgb.astype(np.float32) / float(white(rgb.dtype))


def _u8(x: np.ndarray, dtype: type = np.uint8) -> np.ndarray:
    """Float in [0, 1] back to 8 bits, or to `dtype`'s depth (np.uint16: 16 bits)."""
    scale = float(white(dtype))
    return np.clip(np.rint(x * scale), 0, scale).astype(dtype)


def _luma(x: np.ndarray) -> np.ndarray:
    return (x @ _LUMA)[..., None]


def _sigma_for(shape: tuple[int, ...], fraction: float) -> float:
    return max(0.5, float(np.hypot(shape[0], shape[1])) * fraction)


def _per_pixel(rgb: np.ndarray, fn: Callable[[np.ndarray, slice], np.ndarray]) -> np.ndarray:
    """`fn(float32 band in [0, 1], its rows)` applied band by band; the uint8 result of the whole image."""
    out = np.empty_like(rgb)
    for top in range(0, rgb.shape[0], BAND_ROWS):
        rows = slice(top, top + BAND_ROWS)
        out[rows] = _u8(np.clip(fn(_f(rgb[rows]), rows), 0.0, 1.0), rgb.dtype)
    return out


def _pyramid(shape: tuple[int, ...], sigma: float) -> tuple[tuple[int, int], float]:
    """For a wide blur: the shrunk size (w, h) and the sigma, in shrunk pixels, still to apply there. Area
    averaging by `scale` pixels is itself a blur of variance scale²/12, which is taken off."""
    h, w = shape[:2]
    factor = sigma / PYRAMID_SIGMA
    size = (max(1, round(w / factor)), max(1, round(h / factor)))
    scale = (w / size[0] + h / size[1]) / 2
    return size, math.sqrt(max(sigma**2 - scale**2 / 12.0, 0.25)) / scale


def gaussian(x: np.ndarray, sigma: float) -> np.ndarray:
    """A Gaussian blur whose cost does not grow with sigma. OpenCV's kernel is 6 sigma wide, so a background
    blur of sigma 125 on a 12 MP photo took 29 s. A wide blur instead shrinks the picture by area averaging,
    blurs what is left at about PYRAMID_SIGMA pixels, and scales back bilinearly: the result is smooth over
    many pixels, so the interpolation loses nothing visible."""
    if sigma <= 2 * PYRAMID_SIGMA:
        return cv2.GaussianBlur(x, (0, 0), sigma)
    h, w = x.shape[:2]
    size, residual = _pyramid(x.shape, sigma)
    small = _small_blur(cv2.resize(x, size, interpolation=cv2.INTER_AREA), residual)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def _small_blur(small: np.ndarray, sigma: float) -> np.ndarray:
    """The blur on the shrunk copy. OpenCV's default border mirrors around the first pixel's centre; on a copy
    shrunk `factor` times that centre lies factor/2 pixels inside the picture, so mirror around the edge
    itself (BORDER_REFLECT), where the full-size mirror axis lies: edges then match a full-size blur to a few
    levels instead of 25."""
    return cv2.GaussianBlur(small, (0, 0), sigma, borderType=cv2.BORDER_REFLECT)


def _lut(rgb: np.ndarray, fn: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """A per-channel curve (each output channel depends only on that channel's input value) as a lookup table:
    `fn` is evaluated on the 256 possible values of each channel instead of on every pixel."""
    count = white(rgb.dtype) + 1
    levels = np.repeat(np.arange(count, dtype=np.float32)[:, None] / (count - 1), 3, axis=1)[None]  # 1×N×3
    table = _u8(np.clip(fn(levels), 0.0, 1.0), rgb.dtype)
    if rgb.dtype == np.uint8:
        return cv2.LUT(rgb, table)
    out = np.empty_like(rgb)
    for channel in range(3):  # 65,536 entries per channel: numpy indexing instead of cv2.LUT (8-bit only)
        np.take(table[0, :, channel], rgb[..., channel], out=out[..., channel])
    return out


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
    hsv = cv2.cvtColor(np.ascontiguousarray(x, np.float32), cv2.COLOR_RGB2HSV)  # hue in degrees
    hsv[..., 0] = np.mod(hsv[..., 0] + amt * 180.0, 360.0)
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


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


CURVES = frozenset({"brightness", "exposure", "warmth", "tint", "contrast"})
"""Adjustments that act on each channel alone (contrast, once the picture's mean luma is known)."""


def adjust(rgb: np.ndarray, mask: np.ndarray, args: a.AdjustArgs, rng: np.random.Generator) -> np.ndarray:
    fn, amount = ADJUSTERS[args.property], args.amount
    if args.property == "contrast":
        mean = float(np.dot(np.asarray(cv2.mean(rgb)[:3], np.float64) / white(rgb.dtype), _LUMA.astype(np.float64)))
        return _lut(rgb, lambda x: (x - mean) * (1.0 + amount) + mean)
    if args.property in CURVES:
        return _lut(rgb, lambda x: fn(x, amount))
    if args.property == "sharpness":
        blurred = gaussian(rgb, _sigma_for(rgb.shape, 0.002))
        return _per_pixel(rgb, lambda x, rows: x + (x - _f(blurred[rows])) * (amount * 2.5))
    return _per_pixel(rgb, lambda x, rows: fn(x, amount))


# ---- blur --------------------------------------------------------------------------------------------
def blur(rgb: np.ndarray, mask: np.ndarray, args: a.BlurArgs, rng: np.random.Generator) -> np.ndarray:
    """Mask-aware Gaussian blur (normalised convolution): only pixels inside the mask are averaged,
    so a sharp subject outside the mask does not bleed a halo into the blurred background."""
    sigma = _sigma_for(rgb.shape, 0.025 * args.amount)
    inside = mask > 0
    if sigma > 2 * PYRAMID_SIGMA:
        return _wide_masked_blur(rgb, inside, sigma)
    weight = inside.astype(np.float32)
    weighted = rgb.astype(np.float32)
    weighted *= weight[..., None] if rgb.ndim == 3 else weight
    num = cv2.GaussianBlur(weighted, (0, 0), sigma)
    del weighted
    den = cv2.GaussianBlur(weight, (0, 0), sigma)
    plain = cv2.GaussianBlur(rgb, (0, 0), sigma)
    out = np.empty_like(rgb)
    top_value = np.iinfo(rgb.dtype).max
    for top in range(0, rgb.shape[0], BAND_ROWS):
        rows = slice(top, top + BAND_ROWS)
        d = den[rows][..., None] if rgb.ndim == 3 else den[rows]
        ratio = np.clip(np.rint(num[rows] / np.maximum(d, 1e-6)), 0, top_value).astype(rgb.dtype)
        out[rows] = np.where(d > 1e-3, ratio, plain[rows])
    return out


def _wide_masked_blur(rgb: np.ndarray, inside: np.ndarray, sigma: float) -> np.ndarray:
    """The normalised convolution on a shrunk copy (see `gaussian`): masked pixels and the mask are area-averaged
    in 16 bits (so the ratio stays precise where few masked pixels are near), blurred, divided, and the ratio
    scaled back. Everything at full size is 8 or 16 bits; the float work happens on the small copy."""
    h, w = rgb.shape[:2]
    size, residual = _pyramid(rgb.shape, sigma)
    eight_bit = rgb.dtype == np.uint8
    masked = cv2.bitwise_and(rgb, rgb, mask=inside.view(np.uint8))
    if eight_bit:  # 8-bit levels x 255, so the average keeps its fractions
        masked = masked.astype(np.uint16)
        masked *= 255
    unit = 255.0 * 255.0 if eight_bit else 65535.0
    num = cv2.resize(masked, size, interpolation=cv2.INTER_AREA).astype(np.float32) / unit
    del masked
    weight = inside.astype(np.uint16)
    weight *= 65535
    den = cv2.resize(weight, size, interpolation=cv2.INTER_AREA).astype(np.float32) / 65535.0
    del weight
    plain = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA).astype(np.float32) / (255.0 if eight_bit else 65535.0)
    num, den, plain = (_small_blur(x, residual) for x in (num, den, plain))
    d = den[..., None] if rgb.ndim == 3 else den
    ratio = np.where(d > 1e-3, num / np.maximum(d, 1e-6), plain)
    small = np.clip(np.rint(ratio * 65535.0), 0, 65535).astype(np.uint16)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.convertScaleAbs(big, alpha=1 / 257) if eight_bit else big


# ---- atmosphere --------------------------------------------------------------------------------------
def _smooth_noise(shape: tuple[int, int], rng: np.random.Generator, cells: int = 6) -> np.ndarray:
    h, w = shape
    grid = rng.random((cells + 1, cells + 1)).astype(np.float32)
    noise = cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(noise, 0.0, 1.0, out=noise)


def atmosphere(rgb: np.ndarray, mask: np.ndarray, args: a.AtmosphereArgs, rng: np.random.Generator) -> np.ndarray:
    h, w = rgb.shape[:2]
    amt = args.amount
    if args.effect in ("fog", "haze"):
        # Denser towards the top (farther away in most photos), patchy for fog, even for haze. The density is
        # smooth, so it is made on a copy an eighth of the size and scaled up.
        small = (max(2, w // 8), max(2, h // 8))
        vertical = np.linspace(1.0, 0.7, small[1], dtype=np.float32)[:, None]
        if args.effect == "fog":
            density = amt * 0.85 * vertical * (0.65 + 0.35 * _smooth_noise((small[1], small[0]), rng))
            color = np.array([0.86, 0.88, 0.90], dtype=np.float32)
        else:
            density = amt * 0.55 * vertical * np.ones((small[1], small[0]), np.float32)
            color = np.array([0.80, 0.85, 0.92], dtype=np.float32)
        density = cv2.resize(np.clip(density, 0.0, 0.95), (w, h), interpolation=cv2.INTER_LINEAR)
        softened = gaussian(rgb, _sigma_for(rgb.shape, 0.002 * amt))
        veil = np.empty_like(rgb)
        veil[:] = np.rint(color * np.iinfo(rgb.dtype).max).astype(rgb.dtype)
        return M.mix(softened, veil, density)
    if args.effect == "night":
        return _per_pixel(
            rgb,
            lambda x, rows: np.clip(
                _brightness(_saturation(x, -0.5 * amt), -0.8 * amt) * np.array([0.8, 0.9, 1.15], np.float32), 0, 1
            ),
        )
    if args.effect == "sunset":
        gradient = np.linspace(1.0, 0.2, h, dtype=np.float32)[:, None, None]
        tone = np.array([1.0, 0.55, 0.25], np.float32) * 0.25 * amt
        return _per_pixel(rgb, lambda x, rows: _warmth(x, 0.9 * amt) + tone * gradient[rows])
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
    style = NAMED_STYLES[args.style.strip().lower()]
    return _per_pixel(rgb, lambda x, rows: style(x))


def recolor(rgb: np.ndarray, mask: np.ndarray, args: a.RecolorArgs, rng: np.random.Generator) -> np.ndarray:
    """Give the target the colour's hue and saturation, keeping its own lightness (its shading)."""
    color = parse_color(args.color)
    if color is None:
        raise ValueError(f"{args.color!r} is not a colour")
    if rgb.dtype != np.uint8:
        return _recolor_float(rgb, color)
    target = cv2.cvtColor(np.array([[color]], np.uint8), cv2.COLOR_RGB2HLS_FULL)[0, 0]
    hls = cv2.cvtColor(rgb, cv2.COLOR_RGB2HLS_FULL)
    hls[..., 0] = target[0]
    hls[..., 2] = target[2]
    if target[2] < 10:  # black, white and grays: move lightness towards the colour too
        hls[..., 1] = np.clip((hls[..., 1].astype(np.int32) + int(target[1])) // 2, 0, 255)
    return cv2.cvtColor(hls, cv2.COLOR_HLS2RGB_FULL)


def _recolor_float(rgb: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    """recolor for 16-bit pictures: the same rule in float HLS (hue in degrees, lightness and saturation 0-1)."""
    target = cv2.cvtColor(np.array([[color]], np.float32) / 255.0, cv2.COLOR_RGB2HLS)[0, 0]

    def paint(x: np.ndarray, rows: slice) -> np.ndarray:
        hls = cv2.cvtColor(np.ascontiguousarray(x), cv2.COLOR_RGB2HLS)
        hls[..., 0], hls[..., 2] = target[0], target[2]
        if target[2] < 10 / 255:  # black, white and grays: move lightness towards the colour too
            hls[..., 1] = (hls[..., 1] + target[1]) / 2
        return cv2.cvtColor(hls, cv2.COLOR_HLS2RGB)

    return _per_pixel(rgb, paint)


def replace_with_color(rgb: np.ndarray, mask: np.ndarray, args: a.ReplaceArgs, rng: np.random.Generator) -> np.ndarray:
    color = parse_color(args.prompt)
    if color is None:
        raise ValueError(f"{args.prompt!r} is not a colour")
    level = np.array(color, np.uint32) * (white(rgb.dtype) // 255)
    return np.broadcast_to(level.astype(rgb.dtype), rgb.shape).copy()


# ---- enhance -----------------------------------------------------------------------------------------
def _dehaze(rgb: np.ndarray) -> np.ndarray:
    """Dark channel prior (He et al.): estimate the airlight and the haze transmission, then invert the
    haze model I = J t + A (1 - t), keeping a little haze (omega) so distance still reads."""
    x = _f(rgb)
    patch = max(3, round(min(x.shape[:2]) * 0.02) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (patch, patch))
    dark = cv2.erode(x.min(axis=2), kernel)
    count = max(1, dark.size // 1000)
    brightest = np.argpartition(dark.ravel(), dark.size - count)[-count:]
    airlight = x.reshape(-1, 3)[brightest].max(axis=0).clip(0.05, 1.0)
    transmission = 1.0 - 0.9 * cv2.erode((x / airlight).min(axis=2), kernel)
    transmission = cv2.GaussianBlur(transmission, (0, 0), patch)  # soften the blocky estimate
    transmission = np.clip(transmission, 0.15, 1.0)[..., None]
    return _u8(np.clip((x - airlight) / transmission + airlight, 0.0, 1.0), rgb.dtype)


def _deblur(rgb: np.ndarray) -> np.ndarray:
    """Two-scale unsharp masking: recovers edge contrast lost to mild blur without ringing halos."""
    x = _f(rgb)
    fine = x + (x - cv2.GaussianBlur(x, (0, 0), _sigma_for(x.shape, 0.002))) * 1.2
    coarse = fine + (fine - cv2.GaussianBlur(fine, (0, 0), _sigma_for(x.shape, 0.006))) * 0.5
    return _u8(np.clip(coarse, 0.0, 1.0), rgb.dtype)


def enhance(rgb: np.ndarray, mask: np.ndarray, args: a.EnhanceArgs, rng: np.random.Generator) -> np.ndarray:
    if args.kind == "denoise":  # OpenCV's colour denoiser is 8-bit only: 16-bit pictures go through 8 bits
        return _at_16(cv2.fastNlMeansDenoisingColored(to_8bit(rgb), None, 6, 6, 7, 21), rgb.dtype)
    if args.kind == "dehaze":
        return _dehaze(rgb)
    if args.kind == "deblur":
        return _deblur(rgb)
    if args.kind == "auto":
        x = _f(rgb)
        lo, hi = np.percentile(_luma(x), [1, 99])
        stretched = (x - lo) / max(hi - lo, 1e-3)
        return _u8(np.clip(_vibrance(np.clip(stretched, 0, 1), 0.15), 0.0, 1.0), rgb.dtype)
    raise ValueError(f"no classical implementation of enhance kind {args.kind!r}")


def _at_16(picture: np.ndarray, dtype: type) -> np.ndarray:
    return picture if dtype == np.uint8 else to_16bit(picture)


for _op in (adjust, blur, atmosphere, restyle, recolor, replace_with_color, enhance):
    _op.handles_16_bit = True  # type: ignore[attr-defined]  # see editree.engine.depth
