"""The open-vocabulary segmenter: tiny CLIPSeg models saved and loaded through the real path, nothing downloads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.segmenters import default_registry
from editree.engine.segmenters.clipseg import HIGH, LOW, SEGMENTER_PRESETS, ClipSegSegmenter, segmenter_status
from editree.errors import MissingDependencyError


@pytest.fixture(scope="module")
def tiny_clipseg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import clipseg

    return clipseg(tmp_path_factory.mktemp("tiny-clipseg"))


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Logit 3 at every pixel: probability 0.95, above HIGH, so any phrase covers the whole image."""
    from tests.tiny_models import clipseg

    return clipseg(tmp_path_factory.mktemp("clipseg-everywhere"), constant_logit=3.0)


@pytest.fixture(scope="module")
def nowhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import clipseg

    return clipseg(tmp_path_factory.mktemp("clipseg-nowhere"), constant_logit=-3.0)


def test_mask_is_the_ramped_probability_at_image_size(tiny_clipseg: Path, coffee: np.ndarray) -> None:
    segmenter = ClipSegSegmenter(segmenter_status(str(tiny_clipseg)).source, "cpu")
    probability = segmenter.probability(coffee, "the cup")
    assert probability.shape == coffee.shape[:2] and probability.dtype == np.float32
    assert 0.0 <= probability.min() and probability.max() <= 1.0 and probability.std() > 0
    mask = segmenter.segment(coffee, "the cup")
    assert np.allclose(mask, np.clip((probability - LOW) / (HIGH - LOW), 0, 1))
    assert np.array_equal(mask, segmenter.segment(coffee, "the cup")), "same image, same mask"
    assert not np.array_equal(probability, segmenter.probability(coffee, "a spoon")), "the phrase matters"


def test_status_reads_only_files(tiny_clipseg: Path, tmp_path: Path) -> None:
    assert segmenter_status(str(tiny_clipseg)).source == str(tiny_clipseg)
    missing = segmenter_status(None)
    assert missing.source is None and "editree models pull clipseg" in (missing.reason or "")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "config.json").write_text(json.dumps({"model_type": "clip_vision_model"}))
    assert "not a clipseg model" in (segmenter_status(str(tmp_path / "other")).reason or "")
    assert "neither a preset" in (segmenter_status("clipsag").reason or "")


OFFLINE = ["mediapipe-person", "mediapipe-face", "mediapipe-face-mesh"]


def test_registry_order_and_choice(tiny_clipseg: Path) -> None:
    offline = default_registry()
    assert [s.name for s in offline.segmenters] == OFFLINE
    assert offline.find("sky") is None
    chosen = default_registry(str(tiny_clipseg))
    assert chosen.find("person").name == "mediapipe-person", "people keep the bundled model"
    assert chosen.find("the left eye").name == "mediapipe-face-mesh"
    assert chosen.find("sky").name == "clipseg"
    assert chosen.find("天空之城") is None, "untranslated words never reach an English-only model"
    assert [s.name for s in default_registry("none").segmenters] == OFFLINE
    with pytest.raises(MissingDependencyError, match="editree models pull clipseg"):
        default_registry("clipseg")


def test_presets_mirror_the_catalogue() -> None:
    from editree.engine.diffusion.presets import PRESETS

    assert {k: PRESETS[k].repo for k in SEGMENTER_PRESETS} == SEGMENTER_PRESETS
    assert all(PRESETS[k].kind == "segmenter" for k in SEGMENTER_PRESETS)


@pytest.fixture
def coffee_png(tmp_path: Path, coffee: np.ndarray) -> Path:
    path = tmp_path / "coffee.png"
    Image.fromarray(coffee).save(path)
    return path


def test_edit_with_an_open_vocabulary_region(cli, coffee_png: Path, everywhere: Path, coffee: np.ndarray) -> None:
    out = coffee_png.with_name("out.png")
    result = cli(
        "edit", str(coffee_png), "make the cup black and white", "--segmenter", str(everywhere), "-o", str(out)
    )
    assert result.code == 0, result.err
    edited = np.array(Image.open(out)).astype(int)
    assert (np.abs(edited[..., 0] - edited[..., 1]) <= 1).all(), "the whole picture was the cup"

    result = cli("segment", str(coffee_png), "the cup", "--segmenter", str(everywhere))
    assert result.code == 0 and result.out.startswith('"cup": 100.0% of the image (clipseg)')


def test_phrase_not_found_is_reported(cli, coffee_png: Path, nowhere: Path) -> None:
    result = cli("plan", "blur the cup", "--image", str(coffee_png), "--segmenter", str(nowhere))
    assert result.code == 0, result.err
    assert "0.0%" in result.out and "clipseg" in result.out
    assert "'cup' was not found in the image" in result.err


def test_missing_segmenter_weights_are_exit_5_before_work(cli, coffee_png: Path) -> None:
    out = coffee_png.with_name("out.png")
    result = cli("edit", str(coffee_png), "blur the cup", "--segmenter", "clipseg", "-o", str(out))
    assert result.code == 5 and "editree models pull clipseg" in result.err and not out.exists()
    result = cli("edit", str(coffee_png), "blur the cup", "-o", str(out))
    assert result.code == 5 and "--region cup=" in result.err and "editree models pull sam-vit-base" in result.err


def test_replay_uses_the_segmenter_the_output_was_made_with(cli, coffee_png: Path, everywhere: Path) -> None:
    from editree.engine.image_io import read_metadata

    out, again = coffee_png.with_name("out.png"), coffee_png.with_name("again.png")
    argv = ("edit", str(coffee_png), "make the cup black and white", "--segmenter", str(everywhere), "-o", str(out))
    assert cli(*argv).code == 0
    assert read_metadata(out)["models"]["segmenter"] == {"spec": str(everywhere)}
    result = cli("replay", str(out), "--on", str(coffee_png), "-o", str(again))
    assert result.code == 0, result.err
    assert np.array_equal(np.array(Image.open(again)), np.array(Image.open(out)))
