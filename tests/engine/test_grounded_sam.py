"""GroundingDINO + SAM: tiny random models saved and loaded through the real path; nothing downloads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata
from editree.engine.regions import RegionResolver
from editree.engine.segmenters import SegmenterRegistry
from editree.engine.segmenters.choose import choose
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
    chosen, sam = choose(f"{models[0]},{models[1]}", "cpu")
    assert isinstance(chosen, GroundedSamSegmenter) and sam is chosen.sam
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


def test_a_crowd_of_boxes_is_one_instance(
    segmenter: GroundedSamSegmenter, coffee: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editree.engine.segmenters.instances as instances_module

    boxes = [(10.0 + 30 * i, 20.0, 100.0 + 30 * i, 220.0, 0.4 + 0.01 * i) for i in range(12)]
    monkeypatch.setattr(GroundedSamSegmenter, "boxes", lambda self, rgb, text: boxes)
    each = segmenter.instances(coffee, "cups")
    monkeypatch.setattr(instances_module, "MAX_INSTANCES", 10)
    (crowd,) = segmenter.instances(coffee, "cups")
    assert len(each) == 12 and crowd.score == pytest.approx(0.51)
    assert np.array_equal(crowd.mask, np.maximum.reduce([i.mask for i in each]))


def test_choosing_by_spec(models: tuple[Path, Path], tmp_path: Path) -> None:
    detector, sam = models
    assert choose(None) == (None, None), "nothing cached here: only the offline segmenters"
    assert choose("none") == (None, None)
    alone, sam_for_points = choose(str(sam), "cpu")
    assert alone is None and sam_for_points is not None and sam_for_points.name == "sam"
    with pytest.raises(MissingDependencyError, match="editree models pull grounding-dino-tiny"):
        choose("grounded-sam")
    with pytest.raises(MissingDependencyError, match="pair it with a SAM model"):
        choose(str(detector))
    with pytest.raises(MissingDependencyError, match="not a sam model"):
        choose(f"{detector},{detector}")
    with pytest.raises(MissingDependencyError, match="editree models pull sam-vit-base"):
        choose(f"{detector},sam-vit-base")
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
    chosen, _ = choose(f"{models[0]},{checkpoint}", "cpu")
    assert isinstance(chosen, GroundedSamSegmenter) and chosen.sam.name == "segment-anything"


def test_point_option_parsing() -> None:
    from editree.engine.regions import parse_point_option
    from editree.errors import UsageError

    assert parse_point_option("The Shirt=240,310") == ("shirt", (240.0, 310.0, False))
    assert parse_point_option("shirt=0.5,0.25") == ("shirt", (0.5, 0.25, True))
    for bad in ("shirt", "shirt=1", "shirt=a,b", "=1,2", "shirt=-1,2"):
        with pytest.raises(UsageError, match="expected NAME=x,y"):
            parse_point_option(bad)


def test_a_point_keeps_sams_best_candidate(monkeypatch: pytest.MonkeyPatch, coffee: np.ndarray) -> None:
    from editree.engine.segmenters.sam_backends import TransformersSam

    logits = np.stack([np.full((4, 4), v, np.float32) for v in (-9.0, 9.0, 0.0)])[None]
    monkeypatch.setattr(
        TransformersSam, "_run", lambda self, rgb, multimask, **p: (logits, np.array([[0.1, 0.8, 0.3]]))
    )
    mask = TransformersSam("unused").for_points(coffee, [(1.0, 1.0)])
    assert mask.min() > 0.99, "the candidate scored 0.8 is the one kept"


def test_points_from_the_command_line(cli, models: tuple[Path, Path], checkpoint: Path, tmp_path: Path) -> None:
    from skimage import data

    image = tmp_path / "coffee.png"
    Image.fromarray(data.coffee()).save(image)
    out = tmp_path / "cup.png"
    argv = ("segment", str(image), "the cup", "--point", "cup=120,200", "--point", "cup=0.5,0.5", "-o", str(out))
    for sam in (str(models[1]), str(checkpoint)):
        result = cli(*argv, "--segmenter", sam)
        assert result.code == 0, result.err
        assert result.out.startswith('"cup": ') and "(--point (SAM))" in result.out and out.exists()
        out.unlink()

    result = cli(*argv)
    assert result.code == 5 and "needs a SAM model" in result.err and "sam-vit-base" in result.err
    assert not out.exists()
    result = cli("segment", str(image), "the cup", "--point", "cup=5000,10", "--segmenter", str(checkpoint))
    assert result.code == 2 and "outside the 600×400 image" in result.err

    edited = tmp_path / "edited.png"
    result = cli(
        "edit",
        str(image),
        "make the cup black and white",
        "--point",
        "cup=300,200",
        "--segmenter",
        str(checkpoint),
        "-o",
        str(edited),
    )
    assert result.code == 0, result.err
    assert edited.exists()


def test_python_api_takes_points_and_the_segmenter_option(checkpoint: Path, coffee: np.ndarray) -> None:
    import editree
    from editree.engine.options import EngineOptions

    with editree.Session(options=EngineOptions(segmenter=str(checkpoint))) as session:
        assert session.segmenters.sam is not None and session.segmenters.sam.name == "segment-anything"
        result = session.edit(coffee, "make the cup black and white", points={"cup": [(300, 200), (0.5, 0.6)]})
    changed = np.any(result.rgb != coffee, axis=2)
    mask = result._result.masks['"cup"']
    assert changed.any() and not changed[mask == 0].any(), "the SAM mask, and only it, changed"


def test_batch_workers_get_the_points_and_the_sam(cli, checkpoint: Path, tmp_path: Path) -> None:
    from skimage import data

    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("a.png", "b.png"):
        Image.fromarray(data.coffee()).save(photos / name)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    argv = (
        "batch",
        str(photos),
        "make the cup black and white",
        "--point",
        "cup=0.5,0.6",
        "--segmenter",
        str(checkpoint),
    )
    assert cli(*argv, "-o", str(serial), "--json").code == 0
    result = cli(*argv, "-o", str(parallel), "--json", "--jobs", "2")
    assert result.code == 0, result.err
    for name in ("a.png", "b.png"):
        assert np.array_equal(np.array(Image.open(serial / name)), np.array(Image.open(parallel / name)))
    assert not np.array_equal(np.array(Image.open(serial / "a.png")), data.coffee()), "the SAM region was edited"


def test_points_in_a_plan_file(cli, checkpoint: Path, tmp_path: Path) -> None:
    """`points(…)` targets in a plan file go to SAM like --point; the plan view and provenance say so."""
    from skimage import data

    coffee = data.coffee()
    image, plan_file, out = tmp_path / "coffee.png", tmp_path / "plan.json", tmp_path / "out.png"
    Image.fromarray(coffee).save(image)
    plan = json.loads(cli("plan", "make it black and white", "--format", "json").out)
    plan["steps"][0]["target"] = {"kind": "points", "points": [[0.5, 0.6]], "units": "fraction"}
    plan_file.write_text(json.dumps(plan))

    refused = cli("edit", str(image), "--plan", str(plan_file), "-o", str(out))
    assert refused.code == 5 and "points(0.5 0.6, fraction) needs a SAM model" in refused.err and not out.exists()

    result = cli("edit", str(image), "--plan", str(plan_file), "--segmenter", str(checkpoint), "-o", str(out))
    assert result.code == 0, result.err
    meta = read_metadata(out)
    assert meta["regions"]["points(0.5 0.6, fraction)"]["source"] == "points (SAM)"
    assert meta["models"]["segmenter"]["spec"] == str(checkpoint)
    changed = np.any(np.asarray(Image.open(out)) != coffee, axis=2)
    assert changed.any() and not changed.all()

    masks = tmp_path / "masks"
    saved = cli(
        "edit", str(image), "--plan", str(plan_file), "--segmenter", str(checkpoint),
        "-o", str(tmp_path / "again.png"), "--save-masks", str(masks),
    )  # fmt: skip
    assert saved.code == 0, saved.err
    (mask_file,) = masks.iterdir()
    region = np.asarray(Image.open(mask_file).convert("L"))
    assert mask_file.name.startswith("points") and region.any()
    assert not changed[region == 0].any(), "only the points' SAM mask changed"

    outside = dict(plan, steps=[dict(plan["steps"][0], target={"kind": "points", "points": [[5000, 10]]})])
    plan_file.write_text(json.dumps(outside))
    bad = cli(
        "edit", str(image), "--plan", str(plan_file), "--segmenter", str(checkpoint), "-o", str(out), "--overwrite"
    )
    assert bad.code == 2 and "point 5000,10 is outside the 600×400 image" in bad.err


def test_pulled_presets_become_the_default_segmenter(
    cli, models: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `editree models pull clipseg`, phrases go to CLIPSeg with no flag; once GroundingDINO and SAM are
    both pulled, to grounded-sam. The presets resolve through the real cache lookup, offline."""
    import huggingface_hub.constants
    from skimage import data

    from editree.engine.segmenters.clipseg import ClipSegSegmenter
    from tests.tiny_models import clipseg, install_in_hub_cache

    hub = tmp_path / "hub"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(hub))
    assert choose(None, "cpu") == (None, None)
    install_in_hub_cache(clipseg(tmp_path / "clipseg"), hub, "CIDAS/clipseg-rd64-refined")
    chosen, sam = choose(None, "cpu")
    assert isinstance(chosen, ClipSegSegmenter) and sam is None
    install_in_hub_cache(models[0], hub, DETECTOR_PRESETS["grounding-dino-tiny"])
    install_in_hub_cache(models[1], hub, SAM_PRESETS["sam-vit-base"])
    chosen, sam = choose(None, "cpu")
    assert isinstance(chosen, GroundedSamSegmenter) and sam is chosen.sam

    image = tmp_path / "coffee.png"
    Image.fromarray(data.coffee()).save(image)
    result = cli("segment", str(image), "the cup", "-o", str(tmp_path / "cup.png"))
    assert result.code == 0, result.err
    assert "(grounded-sam)" in result.out
