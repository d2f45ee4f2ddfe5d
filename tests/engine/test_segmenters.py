"""mediapipe's bundled models on real photos: a person and a face on astronaut, none on a cat."""

from __future__ import annotations

import numpy as np
import pytest

from editree.engine.segmenters.mediapipe_seg import MediapipeFace, MediapipePerson, detect_faces


def test_person_on_astronaut(astronaut: np.ndarray) -> None:
    mask = MediapipePerson().segment(astronaut, "person")
    assert mask.shape == astronaut.shape[:2] and mask.dtype == np.float32
    assert 0.35 < float((mask > 0.5).mean()) < 0.75
    # The face (centre top) is person; the top-right corner (the shuttle backdrop) is not.
    assert mask[120, 230] > 0.9
    assert mask[20, 500] < 0.1


@pytest.mark.parametrize("name", ["chelsea", "coffee"])
def test_no_person_is_an_empty_mask(name: str, request: pytest.FixtureRequest) -> None:
    image = request.getfixturevalue(name)
    assert not MediapipePerson().segment(image, "person").any()


def test_one_face_on_astronaut(astronaut: np.ndarray) -> None:
    faces = detect_faces(astronaut)
    assert len(faces) == 1
    x0, y0, x1, y1, score = faces[0]
    assert x0 < 230 < x1 and y0 < 120 < y1 and score > 0.8
    mask = MediapipeFace().segment(astronaut, "face")
    assert mask[120, 230] == 1.0 and mask[400, 100] == 0.0


@pytest.mark.parametrize(
    ("text", "person", "face"),
    [
        ("person", True, False),
        ("the woman", True, False),
        ("astronaut", True, False),
        ("people", True, False),
        ("face", False, True),
        ("her face", False, True),
        ("car", False, False),
        ("sky", False, False),
    ],
)
def test_which_phrases_they_handle(text: str, person: bool, face: bool) -> None:
    assert MediapipePerson().handles(text) is person
    assert MediapipeFace().handles(text) is face
