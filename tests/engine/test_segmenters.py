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


def _centre(mask: np.ndarray) -> tuple[float, float]:
    ys, xs = np.nonzero(mask > 0.5)
    return float(xs.mean()), float(ys.mean())


def test_face_parts_on_astronaut(astronaut: np.ndarray) -> None:
    from editree.engine.segmenters.mediapipe_seg import MediapipeFaceParts

    parts = MediapipeFaceParts()
    face = MediapipeFace().segment(astronaut, "face")
    eyes = parts.instances(astronaut, "the eyes")
    assert len(eyes) == 2
    (lx, ly), (rx, ry) = sorted(_centre(e.mask) for e in eyes)
    assert rx - lx > 20 and abs(ly - ry) < 10, "two eyes side by side"
    for eye in eyes:
        inside = eye.mask > 0.5
        assert 30 < inside.sum() < 1500 and (face[inside] > 0.9).all(), "each eye is small and on the face"
    irises = parts.segment(astronaut, "irises")
    both_eyes = parts.segment(astronaut, "eyes")
    assert irises.any() and (both_eyes[irises > 0.5] > 0.3).all(), "irises lie within the eyes"
    brows = parts.segment(astronaut, "eyebrows")
    assert _centre(brows)[1] < min(ly, ry) - 5, "brows above the eyes"

    lips, mouth = parts.segment(astronaut, "lips"), parts.segment(astronaut, "mouth")
    assert (lips <= mouth + 1e-3).all(), "the lips are part of the mouth"
    teeth = (mouth > 0.9) & (lips < 0.1)
    assert teeth.sum() > 50, "the lips are a ring: the open mouth between them is not lips"
    assert _centre(mouth)[1] > max(ly, ry) + 30, "the mouth is below the eyes"


def test_face_parts_on_a_photo_without_people(coffee: np.ndarray) -> None:
    from editree.engine.segmenters.mediapipe_seg import MediapipeFaceParts

    assert not MediapipeFaceParts().segment(coffee, "eyes").any()


def test_left_eye_is_the_one_on_the_left_of_the_picture(astronaut: np.ndarray) -> None:
    from editree.engine.regions import RegionResolver
    from editree.planner import parse

    plan = parse("blur the left eye and brighten the right eye")
    resolver = RegionResolver(astronaut, plan)
    left, right = (resolver.resolve(step.target) for step in plan.steps)
    assert _centre(left)[0] < _centre(right)[0]
    assert resolver.found["eye"].source == "mediapipe-face-mesh"


def _group(astronaut: np.ndarray, size: int = 250) -> np.ndarray:
    """Sixteen astronauts in two rows on a wide grey canvas: a group photo whose faces are small."""
    import cv2

    canvas = np.full((2 * size + 200, 8 * size + 200, 3), 200, np.uint8)
    small = cv2.resize(astronaut, (size, size), interpolation=cv2.INTER_AREA)
    for row in range(2):
        for col in range(8):
            canvas[100 + row * size : 100 + (row + 1) * size, 100 + col * size : 100 + (col + 1) * size] = small
    return canvas


def test_small_faces_of_a_group_photo_are_all_found(astronaut: np.ndarray) -> None:
    group = _group(astronaut)
    assert detect_faces(group) == [], "the whole-image pass alone misses them (the detector sees 192 px)"
    faces = MediapipeFace().instances(group, "faces")
    assert len(faces) == 16
    columns = sorted(round((_centre(f.mask)[0] - 100) / 250 - 0.5) for f in faces)
    assert columns == sorted(list(range(8)) * 2), "one face per astronaut, none twice"


def test_tiling_adds_no_false_faces(astronaut: np.ndarray, chelsea: np.ndarray) -> None:
    import cv2

    from editree.engine.segmenters.mediapipe_seg import detect_faces_everywhere

    assert len(detect_faces_everywhere(cv2.resize(astronaut, (2048, 2048)))) == 1
    assert detect_faces_everywhere(cv2.resize(chelsea, (chelsea.shape[1] * 2, chelsea.shape[0] * 2))) == []


def test_the_second_face_of_a_group(astronaut: np.ndarray) -> None:
    from editree.engine.regions import RegionResolver
    from editree.planner import parse

    group = _group(astronaut)
    plan = parse("blur the second face")
    mask = RegionResolver(group, plan).resolve(plan.steps[0].target)
    x, _ = _centre(mask)
    assert 100 + 250 < x < 100 + 500, "reading order: the second column"


def _tiled_truth(astronaut: np.ndarray, group: np.ndarray, size: int = 250) -> np.ndarray:
    """What a good person mask of the group is: the single photo's mask, placed where each astronaut is."""
    import cv2

    single = cv2.resize(MediapipePerson().segment(astronaut, "person"), (size, size), interpolation=cv2.INTER_LINEAR)
    truth = np.zeros(group.shape[:2], np.float32)
    for row in range(2):
        for col in range(8):
            truth[100 + row * size : 100 + (row + 1) * size, 100 + col * size : 100 + (col + 1) * size] = single
    return truth > 0.5


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


def test_people_of_a_group_photo_are_found_one_by_one(astronaut: np.ndarray) -> None:
    """The selfie model alone sees no one in sixteen small astronauts (it squeezes the picture to 256 px);
    squares of the short side find them, and the faces split the mask into one instance per person."""
    from editree.engine.segmenters.mediapipe_seg import _selfie

    group = _group(astronaut)
    truth = _tiled_truth(astronaut, group)
    assert _iou(_selfie(group) > 0.5, truth) < 0.05
    people = MediapipePerson().instances(group, "people")
    assert len(people) == 16
    assert _iou(np.maximum.reduce([p.mask for p in people]) > 0.5, truth) > 0.65
    for person in people:
        x, y = _centre(person.mask)
        col, row = int((x - 100) // 250), int((y - 100) // 250)
        cell = np.zeros(group.shape[:2], bool)
        cell[100 + row * 250 : 100 + (row + 1) * 250, 100 + col * 250 : 100 + (col + 1) * 250] = True
        inside = (person.mask > 0.5) & cell
        assert inside.sum() > 0.85 * (person.mask > 0.5).sum(), "each instance is (mostly) one astronaut"


def test_the_third_person_and_the_background_of_a_group(astronaut: np.ndarray) -> None:
    from editree.engine.regions import RegionResolver
    from editree.planner import parse

    group = _group(astronaut)
    plan = parse("blur the third person")
    x, y = _centre(RegionResolver(group, plan).resolve(plan.steps[0].target))
    assert 100 + 500 < x < 100 + 750 and y < 100 + 250, "reading order: top row, third column"
    plan = parse("blur the background")
    background = RegionResolver(group, plan).resolve(plan.steps[0].target)
    truth = _tiled_truth(astronaut, group)
    assert background[truth].mean() < 0.2, "the people are not background"


def test_a_wide_frame_keeps_a_person_off_centre(astronaut: np.ndarray) -> None:
    """A 2:1 frame with the astronaut at the right: the whole-frame pass loses part of her, squares do not."""
    from editree.engine.segmenters.mediapipe_seg import _selfie

    canvas = np.full((512, 1024, 3), 200, np.uint8)
    canvas[:, 409:921] = astronaut
    truth = np.zeros((512, 1024), bool)
    truth[:, 409:921] = MediapipePerson().segment(astronaut, "person") > 0.5
    found = MediapipePerson().segment(canvas, "person") > 0.5
    assert _iou(found, truth) > 0.95 > _iou(_selfie(canvas) > 0.5, truth)


def test_keeping_the_person_in_a_group_keeps_everyone(astronaut: np.ndarray) -> None:
    """'keep the person unchanged' on a group photo: protecting one of sixteen would hand fifteen people to the
    edit, so a kept bare singular covers every instance, and says so. An edit target still takes the best."""
    from editree.engine.executor import run_plan
    from editree.planner import parse

    group = _group(astronaut)
    truth = _tiled_truth(astronaut, group)
    result = run_plan(parse("keep the person unchanged and make the background black and white"), group)
    kept = result.protected
    assert kept[truth].mean() > 0.85, "every astronaut is protected"
    assert any("keep 'person': 16 found and all of them are kept" in w for w in result.warnings)
    target = run_plan(parse("make the person black and white"), group)
    assert any("16 found; the most confident one was used" in w for w in target.warnings)
    assert ((target.changed > 0) & truth).sum() < 0.1 * truth.sum(), "one astronaut of sixteen changed"


def test_a_crowd_is_one_instance(astronaut: np.ndarray, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of faces would be hundreds of full-size masks: past MAX_INSTANCES, faces and people are one
    instance covering them all."""
    import editree.engine.segmenters.instances as instances_module

    group = _group(astronaut)
    one_by_one = MediapipeFace().instances(group, "faces")
    people = MediapipePerson().instances(group, "people")
    monkeypatch.setattr(instances_module, "MAX_INSTANCES", 10)
    (faces,) = MediapipeFace().instances(group, "faces")
    (crowd,) = MediapipePerson().instances(group, "people")
    assert len(one_by_one) == len(people) == 16
    assert np.array_equal(faces.mask, np.maximum.reduce([f.mask for f in one_by_one]))
    assert np.allclose(crowd.mask, np.maximum.reduce([p.mask for p in people]))


def test_a_face_is_its_outline_without_hair_and_the_head_adds_the_hair(astronaut: np.ndarray) -> None:
    face = MediapipeFace().segment(astronaut, "face")
    head = MediapipeFace().segment(astronaut, "head")
    assert face[85, 230] == 1.0 and face[150, 230] == 1.0, "forehead and cheeks are face"
    assert face[30, 230] == 0.0 and head[30, 230] == 1.0, "the hair on top is head, not face"
    assert face[100, 100] == 0.0 and head[100, 100] == 0.0, "the wall beside her is neither"
    assert (head >= face - 1e-6).all()


def test_keeping_the_face_leaves_no_halo_of_unedited_background(astronaut: np.ndarray) -> None:
    """The issue's halo: with a feathered ellipse for the face, "keep the face" also kept the wall and hair around
    the jaw, a grey oval in a brightened photo. Now every pixel clear of the face's outline is edited."""
    import cv2

    from editree.engine.executor import run_plan
    from editree.engine.segmenters.mediapipe_seg import detect_faces
    from editree.planner import parse

    result = run_plan(parse("keep the face unchanged and make everything much brighter and much warmer"), astronaut)
    face = MediapipeFace().segment(astronaut, "face")
    old_ellipse = MediapipeFace._ellipse(astronaut.shape[:2], detect_faces(astronaut)[0]) >= 0.5
    clear = cv2.dilate((face >= 0.5).astype(np.uint8), np.ones((7, 7), np.uint8)) == 0  # 3 px off the outline
    halo = old_ellipse & clear
    assert halo.sum() > 2000, "the old ellipse reached well beyond the face"
    edited = (result.rgb != astronaut).any(axis=2)
    assert edited[halo].mean() > 0.99
    inside = face >= 0.5
    assert np.array_equal(result.rgb[inside], astronaut[inside]), "the face itself is byte-identical"


def test_face_parts_on_every_face_of_a_group(astronaut: np.ndarray) -> None:
    from editree.engine.segmenters.mediapipe_seg import MediapipeFaceParts

    group = _group(astronaut)
    parts = MediapipeFaceParts()
    lips, eyes = parts.instances(group, "lips"), parts.instances(group, "eyes")
    assert len(lips) == 16 and len(eyes) == 32
    faces = MediapipeFace().segment(group, "faces")
    for lip in lips:
        assert (faces[lip.mask > 0.5] > 0.5).all(), "each mouth lies on a face"
    columns = sorted(round((_centre(m.mask)[0] - 100) / 250 - 0.5) for m in lips)
    assert columns == sorted(list(range(8)) * 2), "one mouth per astronaut"
