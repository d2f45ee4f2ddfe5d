"""Control images: Canny from OpenCV, the other kinds from controlnet_aux's annotators when their weights are here
(random weights laid out as the hub cache holds lllyasviel/Annotators), and `editree plan --image --control`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.control_images import annotator_status, canny, control_image
from editree.engine.executor import check_plan
from editree.engine.options import EngineOptions
from editree.errors import MissingDependencyError
from editree.planner import parse
from tests.tiny_models import install_in_hub_cache


@pytest.fixture
def photo(astronaut: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(astronaut[::4, ::4])  # 128 × 128


def test_canny_is_opencvs_edges_on_three_channels(photo: np.ndarray) -> None:
    import cv2

    edges = canny(photo)
    assert edges.shape == photo.shape and edges.dtype == np.uint8
    expected = cv2.Canny(cv2.cvtColor(photo, cv2.COLOR_RGB2GRAY), 100, 200)
    assert all(np.array_equal(edges[:, :, c], expected) for c in range(3))
    assert 0.02 < (expected > 0).mean() < 0.5
    assert np.array_equal(control_image(photo, "canny"), edges) and annotator_status("canny").present


def test_annotators_without_weights_name_what_to_pull(photo: np.ndarray) -> None:
    for kind in ("depth", "lineart", "softedge", "pose"):
        status = annotator_status(kind)
        assert not status.present and f"editree models pull annotator-{kind}" in (status.reason or "")
    with pytest.raises(MissingDependencyError, match=r"MidasDetector annotator's weights"):
        control_image(photo, "depth")


def test_a_missing_annotator_stops_a_controlled_plan_before_any_work(tmp_path: Path) -> None:
    import json

    # A base and a ControlNet that fit, as files only: the annotator is what is missing.
    base = tmp_path / "base"
    (base / "unet").mkdir(parents=True)
    (base / "model_index.json").write_text(json.dumps({"_class_name": "StableDiffusionInpaintPipeline", "unet": []}))
    (base / "unet" / "config.json").write_text(json.dumps({"in_channels": 9, "cross_attention_dim": 32}))
    net = tmp_path / "net"
    net.mkdir()
    (net / "config.json").write_text(json.dumps({"_class_name": "ControlNetModel", "cross_attention_dim": 32}))
    options = EngineOptions(model=str(base), control="pose", control_model=str(net))
    with pytest.raises(MissingDependencyError, match=r"editree models pull annotator-pose"):
        check_plan(parse("replace the sign with a forest"), options=options)


@pytest.fixture
def lineart_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Random line-art weights in the layout of lllyasviel/Annotators in the hub cache; returns the commit."""
    import warnings

    import huggingface_hub.constants
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from controlnet_aux.lineart import Generator

    folder = tmp_path / "annotators"
    folder.mkdir()
    torch.manual_seed(0)
    for name in ("sk_model.pth", "sk_model2.pth"):
        torch.save(Generator(3, 1, 3).state_dict(), folder / name)
    commit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    install_in_hub_cache(folder, tmp_path / "hub", "lllyasviel/Annotators", commit)
    return commit


def test_lineart_runs_controlnet_aux_on_weights_from_the_cache(photo: np.ndarray, lineart_weights: str) -> None:
    status = annotator_status("lineart")
    assert status.present and status.commit == lineart_weights and status.preset == "annotator-lineart"
    lines = control_image(photo, "lineart")
    assert lines.shape == photo.shape and lines.dtype == np.uint8 and lines.std() > 0
    assert not np.array_equal(control_image(photo[::-1].copy(), "lineart"), lines)


def test_plan_with_image_writes_the_control_image_beside_the_overlay(cli, photo: np.ndarray, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    Image.fromarray(photo).save(path)
    result = cli("plan", "blur the sign", "--image", str(path), "--region", "sign=10,10,60,60", "--control", "canny")
    assert result.code == 0, result.err
    written = tmp_path / "photo_control_canny.png"
    assert f"wrote {written}" in result.out and (tmp_path / "photo_regions.png").is_file()
    assert np.array_equal(np.asarray(Image.open(written).convert("RGB")), canny(photo))
    # Beside an overlay written elsewhere; and without any region to find.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = cli("plan", "add fog", "--image", str(path), "--overlay", str(elsewhere / "o.png"), "--control", "canny")
    assert result.code == 0 and (elsewhere / "photo_control_canny.png").is_file(), result.err


def test_plan_control_needs_an_image_and_the_annotators_weights(cli, photo: np.ndarray, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    Image.fromarray(photo).save(path)
    result = cli("plan", "blur the background", "--control", "canny")
    assert result.code == 2 and "--control only applies with --image IMAGE" in result.err
    result = cli("plan", "blur the background", "--image", str(path), "--control", "depth")
    assert result.code == 5 and "editree models pull annotator-depth" in result.err
    assert not (tmp_path / "photo_regions.png").exists() and not (tmp_path / "photo_control_depth.png").exists()
