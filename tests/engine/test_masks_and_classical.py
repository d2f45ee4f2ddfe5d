"""The exact composite and the classical ops: each op changes what it should, and nothing else."""

from __future__ import annotations

import numpy as np
import pytest

from editree.engine import classical
from editree.engine import masks as M
from editree.engine.colors import parse_color
from editree.ops import args as a


def test_composite_is_exact_outside_and_inside() -> None:
    rng = np.random.default_rng(0)
    canvas = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    edited = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    mask = np.zeros((20, 30), np.float32)
    mask[5:10, 5:10] = 1.0
    mask[12:15, 5:10] = 0.5
    out = M.composite(canvas, edited, mask)
    assert np.array_equal(out[mask == 0], canvas[mask == 0])
    assert np.array_equal(out[mask == 1], edited[mask == 1])
    half = np.rint((canvas[12:15, 5:10].astype(np.float32) + edited[12:15, 5:10]) / 2)
    assert np.abs(out[12:15, 5:10] - half).max() <= 1


def test_keep_weight_is_zero_on_protected_pixels() -> None:
    keep = np.array([[0.0, 0.2, 0.5, 0.9, 1.0]], np.float32)
    weight = M.keep_weight(keep)
    assert weight[0].tolist() == pytest.approx([1.0, 0.6, 0.0, 0.0, 0.0])
    assert M.protected(keep).tolist() == [[False, False, True, True, True]]


@pytest.fixture
def photo(astronaut: np.ndarray) -> np.ndarray:
    return astronaut[::4, ::4].copy()


def _run(fn, photo: np.ndarray, args) -> np.ndarray:
    mask = np.ones(photo.shape[:2], np.float32)
    return fn(photo, mask, args, np.random.default_rng(0))


def _mean(img: np.ndarray) -> np.ndarray:
    return img.reshape(-1, 3).astype(np.float64).mean(axis=0)


@pytest.mark.parametrize("prop", sorted(classical.ADJUSTERS))
def test_every_adjust_property_changes_the_image(photo: np.ndarray, prop: str) -> None:
    out = _run(classical.adjust, photo, a.AdjustArgs(property=prop, amount=0.5))
    assert out.dtype == np.uint8 and out.shape == photo.shape
    assert np.abs(out.astype(int) - photo).mean() > 1.0


def test_adjust_directions(photo: np.ndarray) -> None:
    def adj(prop: str, amount: float) -> np.ndarray:
        return _mean(_run(classical.adjust, photo, a.AdjustArgs(property=prop, amount=amount)))

    base = _mean(photo)
    assert adj("brightness", 0.3).mean() > base.mean() > adj("brightness", -0.3).mean()
    warm, cool = adj("warmth", 0.3), adj("warmth", -0.3)
    assert warm[0] - warm[2] > base[0] - base[2] > cool[0] - cool[2]
    assert adj("exposure", 0.3).mean() > base.mean()

    def spread(img: np.ndarray) -> float:
        return float(img.astype(np.float64).std())

    assert spread(_run(classical.adjust, photo, a.AdjustArgs(property="contrast", amount=0.4))) > spread(photo)
    gray = _run(classical.adjust, photo, a.AdjustArgs(property="saturation", amount=-1.0))
    assert np.abs(gray.astype(int) - gray.mean(axis=2, keepdims=True)).max() <= 1


def test_stronger_amount_changes_more(photo: np.ndarray) -> None:
    def change(amount: float) -> float:
        out = _run(classical.adjust, photo, a.AdjustArgs(property="warmth", amount=amount))
        return float(np.abs(out.astype(int) - photo).mean())

    assert change(0.15) < change(0.3) < change(0.6)


def test_blur_smooths_and_respects_the_mask(photo: np.ndarray) -> None:
    mask = np.zeros(photo.shape[:2], np.float32)
    mask[:, : photo.shape[1] // 2] = 1.0
    out = classical.blur(photo, mask, a.BlurArgs(amount=0.8), np.random.default_rng(0))
    left = slice(None), slice(0, photo.shape[1] // 2 - 8)
    gradient = lambda img: np.abs(np.diff(img[left].astype(int), axis=1)).mean()  # noqa: E731
    assert gradient(out) < gradient(photo) * 0.5


@pytest.fixture(scope="module")
def large(astronaut: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.resize(astronaut, (1024, 1024), interpolation=cv2.INTER_CUBIC)


@pytest.mark.parametrize("sigma", [10.0, 40.0])
def test_a_wide_gaussian_matches_opencvs_exact_one(large: np.ndarray, sigma: float) -> None:
    """Wide blurs run on a shrunk copy (seconds instead of minutes on a photo); they must still be the blur."""
    import cv2

    exact = cv2.GaussianBlur(large.astype(np.float32), (0, 0), sigma)
    diff = np.abs(classical.gaussian(large, sigma).astype(np.float32) - exact)
    assert diff.mean() < 1.0 and diff.max() <= 6


def test_a_wide_masked_blur_is_the_normalised_convolution(large: np.ndarray) -> None:
    """The shrunk-copy path of the mask-aware blur against the textbook formula computed in float64 at full size:
    within a few levels everywhere inside the mask, so the subject outside it still leaves no halo."""
    import cv2

    mask = np.zeros(large.shape[:2], np.float32)
    mask[:, :512] = 1.0
    args = a.BlurArgs(amount=1.0)
    sigma = classical._sigma_for(large.shape, 0.025 * args.amount)
    assert sigma > 2 * classical.PYRAMID_SIGMA  # the wide path
    out = classical.blur(large, mask, args, np.random.default_rng(0))
    weight = mask.astype(np.float64)
    num = cv2.GaussianBlur(large.astype(np.float64) * weight[..., None], (0, 0), sigma)[:, :512]
    den = cv2.GaussianBlur(weight, (0, 0), sigma)[:, :512, None]
    diff = np.abs(out[:, :512].astype(np.float64) - num / den)
    assert diff.mean() < 1.0 and diff.max() <= 5


def test_fog_is_seeded_and_lightens(photo: np.ndarray) -> None:
    args = a.AtmosphereArgs(effect="fog", amount=0.6)
    one = classical.atmosphere(photo, np.ones(photo.shape[:2], np.float32), args, np.random.default_rng(1))
    two = classical.atmosphere(photo, np.ones(photo.shape[:2], np.float32), args, np.random.default_rng(1))
    other = classical.atmosphere(photo, np.ones(photo.shape[:2], np.float32), args, np.random.default_rng(2))
    assert np.array_equal(one, two) and not np.array_equal(one, other)
    assert _mean(one).mean() > _mean(photo).mean()
    assert one.astype(np.float64).std() < photo.astype(np.float64).std()


@pytest.mark.parametrize("effect", ["haze", "night", "sunset"])
def test_other_effects(photo: np.ndarray, effect: str) -> None:
    out = _run(classical.atmosphere, photo, a.AtmosphereArgs(effect=effect, amount=0.6))
    assert np.abs(out.astype(int) - photo).mean() > 3


def test_black_and_white_and_sepia(photo: np.ndarray) -> None:
    bw = _run(classical.restyle, photo, a.RestyleArgs(style="black and white"))
    assert (bw[..., 0] == bw[..., 1]).all() and (bw[..., 1] == bw[..., 2]).all()
    sepia = _run(classical.restyle, photo, a.RestyleArgs(style="sepia"))
    r, g, b = _mean(sepia)
    assert r > g > b


def test_replace_with_colour_and_recolor(photo: np.ndarray) -> None:
    white = _run(classical.replace_with_color, photo, a.ReplaceArgs(prompt="a plain white background"))
    assert (white == 255).all()
    red = _run(classical.recolor, photo, a.RecolorArgs(color="red"))
    r, g, b = _mean(red)
    assert r > g and r > b


@pytest.mark.parametrize(
    ("text", "rgb"),
    [
        ("white", (255, 255, 255)),
        ("#ff8800", (255, 136, 0)),
        ("#f80", (255, 136, 0)),
        ("a solid navy blue color", (20, 30, 90)),
        ("a forest", None),
        ("", None),
    ],
)
def test_parse_color(text: str, rgb) -> None:
    assert parse_color(text) == rgb


def test_enhance(photo: np.ndarray) -> None:
    noisy = np.clip(photo.astype(int) + np.random.default_rng(0).normal(0, 25, photo.shape), 0, 255).astype(np.uint8)
    den = _run(classical.enhance, noisy, a.EnhanceArgs(kind="denoise"))
    assert np.abs(den.astype(int) - photo).mean() < np.abs(noisy.astype(int) - photo).mean()
    auto = _run(classical.enhance, photo, a.EnhanceArgs(kind="auto"))
    assert auto.shape == photo.shape


def test_dehaze_and_deblur(photo: np.ndarray) -> None:
    x = photo.astype(np.float32)
    hazy = np.clip(x * 0.55 + 0.45 * np.array([230, 232, 235], np.float32), 0, 255).astype(np.uint8)
    dehazed = _run(classical.enhance, hazy, a.EnhanceArgs(kind="dehaze"))
    assert dehazed.astype(np.float64).std() > hazy.astype(np.float64).std() * 1.3  # contrast comes back
    assert np.abs(dehazed.astype(int) - photo).mean() < np.abs(hazy.astype(int) - photo).mean()
    import cv2

    blurred = cv2.GaussianBlur(photo, (0, 0), 1.2)
    sharpened = _run(classical.enhance, blurred, a.EnhanceArgs(kind="deblur"))

    def edges(img: np.ndarray) -> float:
        return float(np.abs(cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_32F)).mean())

    assert edges(sharpened) > edges(blurred) * 1.3
