"""Qualifiers act on instances: left/right/top/bottom/center, largest/smallest, the N-th, all."""

from __future__ import annotations

import numpy as np
import pytest

from editree.engine.executor import run_plan
from editree.engine.regions import RegionResolver
from editree.engine.segmenters import SegmenterRegistry
from editree.engine.segmenters.instances import Instance, parts, select
from editree.ops import Qualifiers, phrase
from editree.planner import parse

SHAPE = (100, 200)
BOXES = {"left": (10, 40, 30, 60), "middle": (90, 45, 110, 55), "right": (150, 20, 190, 80)}


def _box(x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    mask = np.zeros(SHAPE, np.float32)
    mask[y0:y1, x0:x1] = 1.0
    return mask


class Cars:
    """Three cars: small on the left (score .9), tiny in the middle (.5), big on the right (.7)."""

    name = "fake-cars"
    max_side = None

    def handles(self, text: str) -> bool:
        return text.split()[-1] in ("car", "cars")

    def instances(self, rgb: np.ndarray, text: str) -> list[Instance]:
        scores = {"left": 0.9, "middle": 0.5, "right": 0.7}
        return [Instance(_box(*box), scores[name]) for name, box in BOXES.items()]

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        return np.maximum.reduce([i.mask for i in self.instances(rgb, text)])


def _which(mask: np.ndarray) -> list[str]:
    return [name for name, (x0, y0, x1, y1) in BOXES.items() if mask[y0:y1, x0:x1].min() == 1.0]


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        (Qualifiers(), ["left"]),  # "the car": the best-scored one
        (Qualifiers(count="all"), ["left", "middle", "right"]),
        (Qualifiers(position="right"), ["right"]),
        (Qualifiers(position="center"), ["middle"]),
        (Qualifiers(size="largest"), ["right"]),
        (Qualifiers(size="smallest"), ["middle"]),
        (Qualifiers(count=2), ["middle"]),
        (Qualifiers(count=3), ["right"]),
    ],
)
def test_select(qualifiers: Qualifiers, expected: list[str]) -> None:
    mask, note = select(Cars().instances(np.zeros((*SHAPE, 3), np.uint8), "car"), qualifiers, SHAPE)
    assert _which(mask) == expected
    if qualifiers == Qualifiers():  # a bare singular among several says which it took, and how to get all
        assert note == "3 found; the most confident one was used (say 'all …' or 'every …' for each of them)"
    else:
        assert note is None


def test_asking_for_an_instance_that_is_not_there() -> None:
    mask, note = select(Cars().instances(np.zeros((*SHAPE, 3), np.uint8), "car"), Qualifiers(count=5), SHAPE)
    assert not mask.any() and "only 3 were found" in note


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("blur the car on the left", ["left"]),
        ("blur the largest car", ["right"]),
        ("blur the cars", ["left", "middle", "right"]),
        ("blur the second car", ["middle"]),
        ("blur the car", ["left"]),
    ],
)
def test_planner_qualifiers_reach_the_engine(instruction: str, expected: list[str]) -> None:
    rgb = np.zeros((*SHAPE, 3), np.uint8)
    rgb[..., 0] = np.arange(SHAPE[1], dtype=np.uint8)[None, :]  # texture, so a blur changes pixels
    rgb[..., 1] = np.arange(SHAPE[0], dtype=np.uint8)[:, None] * 2
    result = run_plan(parse(instruction), rgb, segmenters=SegmenterRegistry([Cars()]))
    assert _which(result.changed) == expected


def test_parts_of_a_mask_are_instances_when_qualifiers_ask() -> None:
    mask = np.maximum(_box(10, 10, 40, 90), _box(120, 30, 190, 70))
    assert len(parts(mask)) == 2

    class Blobs:
        name = "blobs"

        def handles(self, text: str) -> bool:
            return True

        def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
            return mask

    resolver = RegionResolver(
        np.zeros((*SHAPE, 3), np.uint8), parse("blur the blob"), None, SegmenterRegistry([Blobs()])
    )
    right = resolver.resolve(phrase("blob", position="right"))
    assert right[50, 150] > 0.9 and right[50, 20] == 0
    whole = resolver.resolve(phrase("blob"))  # no instances of its own, no qualifier: the whole mask
    assert whole[50, 150] > 0.9 and whole[50, 20] > 0.9


def test_large_images_are_segmented_downscaled() -> None:
    seen = {}

    class Small:
        name = "small"
        max_side = 50

        def handles(self, text: str) -> bool:
            return True

        def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
            seen["shape"] = rgb.shape
            mask = np.zeros(rgb.shape[:2], np.float32)
            mask[:, : rgb.shape[1] // 2] = 1.0
            return mask

    resolver = RegionResolver(
        np.zeros((*SHAPE, 3), np.uint8), parse("blur the thing"), None, SegmenterRegistry([Small()])
    )
    mask = resolver.resolve(phrase("thing"))
    assert seen["shape"] == (25, 50, 3) and mask.shape == SHAPE
    assert mask[:, :95].min() > 0.99 and mask[:, 105:].max() < 0.01


def test_the_face_means_the_best_face(astronaut: np.ndarray) -> None:
    result = run_plan(parse("blur the face"), astronaut)
    assert result.regions["face"]["source"] == "mediapipe-face" and result.changed[120, 230] > 0.9


def test_reading_order_is_rows_then_left_to_right() -> None:
    from editree.engine.segmenters.instances import reading_order

    # Two rows of two (SHAPE is 100 x 200), listed out of order on purpose.
    boxes = {"bl": (10, 60, 40, 95), "tr": (110, 5, 140, 40), "tl": (10, 8, 40, 43), "br": (110, 58, 140, 93)}
    instances = {name: Instance(_box(*box)) for name, box in boxes.items()}
    order = [next(n for n, i in instances.items() if i is found) for found in reading_order(list(instances.values()))]
    assert order == ["tl", "tr", "bl", "br"]
    # One row of people at different heights (seated, standing) stays one row, left to right.
    row = [Instance(_box(100, 30, 130, 70)), Instance(_box(10, 45, 40, 85)), Instance(_box(160, 40, 190, 80))]
    assert [round(i.center[0]) for i in reading_order(row)] == [24, 114, 174]
