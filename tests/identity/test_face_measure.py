"""dlib's face descriptor on real photos: the same face after edits that leave it alone stays close, a face
the edit destroyed or another person does not; faces are told apart by position in a group picture."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from editree.engine import face_identity
from editree.engine.identity_measure import measure_identity
from editree.engine.options import EngineOptions
from tests.identity.conftest import FACE, blur_box, pixelate, tile


def _one_face(before: np.ndarray, after: np.ndarray, **options: object) -> dict:
    guard, report = measure_identity(before, after, EngineOptions(**options))
    assert guard.embedders == ["face"] and len(report.scores) == 1, report
    return report.scores[0].to_dict()


def test_the_model_files_come_from_the_installed_package_without_importing_it() -> None:
    folder = face_identity.model_folder()
    assert folder is not None and folder.parent.name == "face_recognition_models"
    assert face_identity.unavailable() is None
    face_identity.detect(np.zeros((64, 64, 3), np.uint8), fallback=False)
    # Its __init__ imports pkg_resources; the files are read without running it.
    assert "face_recognition_models" not in sys.modules


def test_the_astronaut_has_one_face_and_the_suit_patch_is_not_one(astronaut: np.ndarray) -> None:
    faces = face_identity.detect(astronaut)
    assert [f.box for f in faces] == [FACE] and faces[0].detector == "hog"


def test_an_untouched_face_measures_zero(astronaut: np.ndarray) -> None:
    score = _one_face(astronaut, astronaut.copy())
    assert score["distance"] == 0.0 and score["pass"] is True and score["box"] == list(FACE)


def test_edits_that_leave_the_face_alone_pass(astronaut: np.ndarray) -> None:
    import cv2

    blurred = cv2.GaussianBlur(astronaut, (0, 0), 8)
    background = astronaut.copy()
    background[:, 300:] = blurred[:, 300:]  # right of the face
    background[260:, :] = blurred[260:, :]  # below it
    fog = np.clip(astronaut * 0.6 + 0.4 * 230, 0, 255).astype(np.uint8)
    suit = astronaut.copy()
    suit[230:, :, 0] = (suit[230:, :, 0] * 0.3).astype(np.uint8)
    suit[230:, :, 2] = np.clip(suit[230:, :, 2] * 1.2 + 30, 0, 255).astype(np.uint8)
    for name, edited in {"background blur": background, "fog": fog, "suit recolour": suit}.items():
        score = _one_face(astronaut, edited)
        assert score["distance"] < 0.3 and score["pass"], (name, score)


@pytest.mark.parametrize("destroy", [pixelate, blur_box], ids=["pixelated", "blurred"])
def test_edits_that_destroy_the_face_fail(astronaut: np.ndarray, destroy) -> None:
    box = (FACE[0] - 20, FACE[1] - 20, FACE[2] + 20, FACE[3] + 20)
    score = _one_face(astronaut, destroy(astronaut, box))
    assert score["distance"] >= 0.6 and score["pass"] is False
    assert score["found"] is False  # not a face any more: measured where it was


def test_another_person_fails(astronaut: np.ndarray, cameraman: np.ndarray) -> None:
    score = _one_face(astronaut, cameraman)
    assert score["distance"] > 0.7 and not score["pass"]
    # The cameraman's face is turned, so HOG misses it and the CNN detector finds it.
    (face,) = face_identity.detect(cameraman)
    assert face.detector == "cnn"
    assert (
        face_identity.distance(face_identity.describe(cameraman, face.box), face_identity.describe(astronaut, FACE))
        > 0.7
    )


def test_the_threshold_is_adjustable(astronaut: np.ndarray) -> None:
    fog = np.clip(astronaut * 0.6 + 0.4 * 230, 0, 255).astype(np.uint8)
    assert _one_face(astronaut, fog)["pass"]
    strict = _one_face(astronaut, fog, face_threshold=0.05)
    assert strict["threshold"] == 0.05 and not strict["pass"]


def test_faces_of_a_group_picture_are_matched_by_position(astronaut: np.ndarray) -> None:
    group = tile([astronaut] * 6, columns=3)  # 1536×1024, two rows of three
    spoiled = [astronaut, astronaut, astronaut, astronaut, pixelate(astronaut, FACE), astronaut]
    guard, report = measure_identity(group, tile(spoiled, columns=3))
    offsets = [(x, y) for y in (0, 512) for x in (0, 512, 1024)]
    # Numbered in reading order, each found at its tile's offset.
    assert [s.label for s in guard.subjects] == [f"face {i}" for i in range(1, 7)]
    expected = [(FACE[0] + x, FACE[1] + y, FACE[2] + x, FACE[3] + y) for x, y in offsets]
    # (HOG's window grid is the picture's, so a box may sit a few pixels off its tile's)
    assert all(face_identity.iou(s.box, e) > 0.7 for s, e in zip(guard.subjects, expected, strict=True))
    assert [s.passed for s in report.scores] == [True, True, True, True, False, True]
    assert all(s.value == 0.0 for i, s in enumerate(report.scores) if i != 4)


def test_best_of_candidates_orders_by_failures_then_margin(astronaut: np.ndarray) -> None:
    guard, clean = measure_identity(astronaut, astronaut)
    spoiled = guard.measure(pixelate(astronaut, FACE))
    fog = guard.measure(np.clip(astronaut * 0.6 + 0.4 * 230, 0, 255).astype(np.uint8))
    assert clean.better_than(fog) and fog.better_than(spoiled) and not spoiled.better_than(fog)
    assert spoiled.better_than(None)
