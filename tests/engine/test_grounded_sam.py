"""GroundingDINO + SAM: tiny random models saved and loaded through the real path; nothing downloads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.regions import RegionResolver
from editree.engine.segmenters import SegmenterRegistry
from editree.engine.segmenters.choose import open_vocabulary
from editree.engine.segmenters.grounded_sam import DETECTOR_PRESETS, GroundedSamSegmenter, detector_status
from editree.engine.segmenters.sam_backends import SAM_PRESETS, sam_status
from editree.errors import MissingDependencyError
from editree.planner import parse


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from tests.tiny_models import grounding_dino, sam

    folder = tmp_path_factory.mktemp("tiny-grounded-sam")
    return grounding_dino(folder), sam(folder)


@pytest.fixture(scope="module")
def segmenter(models: tuple[Path, Path]) -> GroundedSamSegmenter:
    chosen = open_vocabulary(f"{models[0]},{models[1]}", "cpu")
    assert isinstance(chosen, GroundedSamSegmenter)
    return chosen


def test_boxes_are_inside_the_image_and_scored(segmenter: GroundedSamSegmenter, coffee: np.ndarray) -> None:
    from editree.engine.segmenters.grounded_sam import BOX_THRESHOLD

    h, w = coffee.shape[:2]
    boxes = segmenter.boxes(coffee, "the cup")
    assert boxes, "the tiny detector's random heads score some queries over the threshold"
    assert boxes == segmenter.boxes(coffee, "the cup"), "deterministic"
    for x0, y0, x1, y1, score in boxes:
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h and BOX_THRESHOLD < score <= 1


def test_sam_gives_one_soft_mask_per_box(segmenter: GroundedSamSegmenter, coffee: np.ndarray) -> None:
    boxes = [(10.0, 20.0, 200.0, 220.0, 0.9), (300.0, 100.0, 500.0, 380.0, 0.6)]
    masks = segmenter.masks_for_boxes(coffee, boxes)
    assert len(masks) == 2
    for mask in masks:
        assert mask.shape == coffee.shape[:2] and mask.dtype == np.float32
        assert 0.0 <= mask.min() and mask.max() <= 1.0
    assert not np.array_equal(masks[0], masks[1]), "each box prompts its own mask"
    assert segmenter.masks_for_boxes(coffee, []) == []


def test_instances_carry_detector_scores_into_qualifiers(
    segmenter: GroundedSamSegmenter, coffee: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = [(10.0, 20.0, 200.0, 220.0, 0.5), (300.0, 100.0, 500.0, 380.0, 0.9)]
    monkeypatch.setattr(GroundedSamSegmenter, "boxes", lambda self, rgb, text: boxes)
    left, right = segmenter.masks_for_boxes(coffee, boxes)
    registry = SegmenterRegistry([segmenter])
    plan = parse("blur the cup and brighten all cups")
    resolver = RegionResolver(coffee, plan, None, registry)
    one, every = (resolver.resolve(step.target) for step in plan.steps)
    assert np.array_equal(one, right), "a bare singular takes the most confident instance"
    assert np.array_equal(every, np.maximum(left, right))
    assert resolver.found["cup"].source == "grounded-sam"


def test_choosing_by_spec(models: tuple[Path, Path], tmp_path: Path) -> None:
    detector, sam = models
    assert open_vocabulary(None) is None, "nothing cached here: only the offline segmenters"
    assert open_vocabulary("none") is None
    with pytest.raises(MissingDependencyError, match="editree models pull grounding-dino-tiny"):
        open_vocabulary("grounded-sam")
    with pytest.raises(MissingDependencyError, match="pair it with a SAM model"):
        open_vocabulary(str(detector))
    with pytest.raises(MissingDependencyError, match="not a sam model"):
        open_vocabulary(f"{detector},{detector}")
    with pytest.raises(MissingDependencyError, match="editree models pull sam-vit-base"):
        open_vocabulary(f"{detector},sam-vit-base")
    assert detector_status(str(detector)).source == str(detector) and sam_status(str(sam)).source == str(sam)


def test_presets_mirror_the_catalogue() -> None:
    from editree.engine.diffusion.presets import PRESETS

    for presets, kind in ((DETECTOR_PRESETS, "detector"), (SAM_PRESETS, "sam")):
        assert {k: PRESETS[k].repo for k in presets} == presets
        assert all(PRESETS[k].kind == kind for k in presets)


def test_segment_command_with_grounded_sam(cli, models: tuple[Path, Path], tmp_path: Path, coffee: np.ndarray) -> None:
    image = tmp_path / "coffee.png"
    Image.fromarray(coffee).save(image)
    out = tmp_path / "cup.png"
    result = cli("segment", str(image), "the cup", "--segmenter", f"{models[0]},{models[1]}", "-o", str(out))
    assert result.code == 0, result.err
    assert result.out.startswith('"cup": ') and "(grounded-sam)" in result.out
    assert np.array(Image.open(out)).shape[:2] == coffee.shape[:2]


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import segment_anything_checkpoint

    return segment_anything_checkpoint(tmp_path_factory.mktemp("tiny-sam-pth"))


def test_segment_anything_checkpoint_boxes_and_points(checkpoint: Path, coffee: np.ndarray) -> None:
    from editree.engine.segmenters.sam_backends import SegmentAnythingSam, sam_backend

    backend = sam_backend(sam_status(str(checkpoint)), "cpu")
    assert isinstance(backend, SegmentAnythingSam)
    masks = backend.for_boxes(coffee, [(10.0, 20.0, 200.0, 220.0), (300.0, 100.0, 500.0, 380.0)])
    assert len(masks) == 2 and not np.array_equal(masks[0], masks[1])
    point = backend.for_points(coffee, [(120.0, 200.0)])
    for mask in [*masks, point]:
        assert mask.shape == coffee.shape[:2] and mask.dtype == np.float32 and 0 <= mask.min() <= mask.max() <= 1


def test_bad_checkpoints_are_clear_errors(tmp_path: Path, coffee: np.ndarray) -> None:
    from editree.engine.segmenters.sam_backends import sam_backend

    assert "does not exist" in (sam_status(str(tmp_path / "nope.pth")).reason or "")
    broken = tmp_path / "broken.pth"
    broken.write_bytes(b"not a checkpoint")
    with pytest.raises(MissingDependencyError, match="cannot load the SAM checkpoint"):
        sam_backend(sam_status(str(broken)), "cpu").for_points(coffee, [(1.0, 1.0)])


def test_grounded_sam_with_a_segment_anything_checkpoint(models: tuple[Path, Path], checkpoint: Path) -> None:
    chosen = open_vocabulary(f"{models[0]},{checkpoint}", "cpu")
    assert isinstance(chosen, GroundedSamSegmenter) and chosen.sam.name == "segment-anything"
