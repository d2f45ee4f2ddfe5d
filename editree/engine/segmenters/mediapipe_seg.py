"""People and faces with mediapipe's bundled models: no download, real weights, fast on CPU.

The selfie-segmentation model alone answers "person" for almost anything (it calls a cat 91%
person), so its mask is gated: it counts only when the face detector or the pose detector also
finds a person. A photo with no person gives an empty mask.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import numpy as np

from editree.errors import MissingDependencyError

MEDIAPIPE_INSTALL = "pip install --no-deps mediapipe==0.10.14"

PERSON_WORDS = frozenset(
    """
person people persons man men woman women boy boys girl girls child children kid kids human humans guy guys
lady ladies gentleman gentlemen subject subjects figure model astronaut player baby toddler teenager teen adult
adults couple family bride groom portrait someone somebody individual crowd he she him her they
""".split()
)
FACE_WORDS = frozenset("face faces head heads".split())
HEAD_WORDS = frozenset("head heads".split())
"""A head is the face and the hair above and beside it; a face is the face alone (see MediapipeFace)."""

_WORD = re.compile(r"[a-z]+")


def _head_noun(text: str) -> str:
    words = _WORD.findall(text.lower())
    return words[-1] if words else ""


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """mediapipe's C++ logs to fd 2 before any Python logging is set up; keep the user's stderr clean."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


_SILENCED = False


def _silence_native_logs_for_good() -> None:
    """mediapipe's worker threads log warnings to fd 2 after `process()` returns, where no context
    manager can catch them. When this process owns a real terminal stderr (the CLI), point fd 2 at
    /dev/null and keep Python's `sys.stderr` on a duplicate of the real one: editree's own messages
    still reach the user, native chatter does not. Under test runners (which replace sys.stderr)
    nothing is changed. Once only: a second call would duplicate the /dev/null that fd 2 now is, and editree's
    own errors would vanish with the chatter."""
    global _SILENCED
    if _SILENCED or sys.stderr is not sys.__stderr__ or os.environ.get("EDITREE_NATIVE_LOGS"):
        return
    try:
        sys.stderr.flush()
        real = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except (OSError, ValueError):
        return
    stream = os.fdopen(real, "w", buffering=1, encoding=sys.stderr.encoding or "utf-8", errors="backslashreplace")
    sys.stderr = sys.__stderr__ = stream
    _SILENCED = True


def _solutions() -> Any:
    _silence_native_logs_for_good()
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import warnings

        with warnings.catch_warnings(), _quiet_native_stderr():
            warnings.simplefilter("ignore")
            from mediapipe.python import solutions
    except ImportError as exc:
        raise MissingDependencyError(
            f"finding people and faces needs mediapipe 0.10.14, which is not importable ({exc}); "
            f"install it with `{MEDIAPIPE_INSTALL}`"
        ) from None
    return solutions


@lru_cache(maxsize=1)
def _models() -> dict[str, Any]:
    """Loaded once per process and reused for every image."""
    solutions = _solutions()
    with _quiet_native_stderr():
        return {
            "selfie": solutions.selfie_segmentation.SelfieSegmentation(model_selection=0),
            "face": solutions.face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.5),
            "pose": solutions.pose.Pose(static_image_mode=True, model_complexity=1, enable_segmentation=False),
        }


def detect_faces(rgb: np.ndarray) -> list[tuple[float, float, float, float, float]]:
    """Face boxes as (x0, y0, x1, y1, score) in pixels, XYXY, end-exclusive."""
    h, w = rgb.shape[:2]
    import warnings

    model = _models()["face"]
    with _quiet_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = model.process(np.ascontiguousarray(rgb))
    boxes = []
    for det in result.detections or []:
        box = det.location_data.relative_bounding_box
        x0, y0 = max(0.0, box.xmin * w), max(0.0, box.ymin * h)
        x1, y1 = min(float(w), (box.xmin + box.width) * w), min(float(h), (box.ymin + box.height) * h)
        if x1 > x0 and y1 > y0:
            boxes.append((x0, y0, x1, y1, float(det.score[0])))
    return boxes


def _tiles(h: int, w: int, side: int, overlap: float = 0.25) -> list[tuple[int, int]]:
    """Top-left corners of `side`-pixel squares covering the image, neighbours sharing `overlap` of a side."""
    step = max(1, round(side * (1 - overlap)))
    ys = list(range(0, max(0, h - side) + 1, step))
    xs = list(range(0, max(0, w - side) + 1, step))
    if ys[-1] + side < h:
        ys.append(h - side)
    if xs[-1] + side < w:
        xs.append(w - side)
    return [(x, y) for y in ys for x in xs]


def _suppress(boxes: list[tuple[float, float, float, float, float]]) -> list[tuple[float, float, float, float, float]]:
    """Keep the best box of each face: drop one that overlaps a better one (IoU > 0.3) or lies mostly inside
    it (a face cut by a tile's edge)."""
    kept: list[tuple[float, float, float, float, float]] = []
    for box in sorted(boxes, key=lambda b: -b[4]):
        area = (box[2] - box[0]) * (box[3] - box[1])
        for other in kept:
            iw = min(box[2], other[2]) - max(box[0], other[0])
            ih = min(box[3], other[3]) - max(box[1], other[1])
            if iw <= 0 or ih <= 0:
                continue
            inter = iw * ih
            other_area = (other[2] - other[0]) * (other[3] - other[1])
            if inter / (area + other_area - inter) > 0.3 or inter / min(area, other_area) > 0.6:
                break
        else:
            kept.append(box)
    return kept


TILE_MIN_SIDE = 768
"""Images whose long side is at least this are also searched in tiles (see detect_faces_everywhere)."""
TILE_MIN_SCORE = 0.75
"""Tiles show the detector more texture out of context: on scikit-image's photos its false faces in tiles
(a helmet, a galaxy field) scored 0.66-0.70 and true small faces 0.76-0.9, so tile finds need this much."""


def detect_faces_everywhere(rgb: np.ndarray) -> list[tuple[float, float, float, float, float]]:
    """Faces anywhere, including the small ones of a group photo. The detector squeezes its whole input into
    192 px, so in a wide or large photo a face of 100 px shrinks to a few pixels and is missed. Besides the
    whole image, search squares of the short side (for wide images) and of half of it, then keep the best box
    of each face. Small images are searched whole only (their faces are large enough)."""
    h, w = rgb.shape[:2]
    boxes = list(detect_faces(rgb))
    short = min(h, w)
    if max(h, w) < TILE_MIN_SIDE:
        return boxes
    sides = ([short] if max(h, w) > 1.25 * short else []) + ([short // 2] if short // 2 >= 256 else [])
    for side in sides:
        for x, y in _tiles(h, w, side):
            tile = np.ascontiguousarray(rgb[y : y + side, x : x + side])
            boxes.extend(
                (x0 + x, y0 + y, x1 + x, y1 + y, score)
                for x0, y0, x1, y1, score in detect_faces(tile)
                if score >= TILE_MIN_SCORE
            )
    return _suppress(boxes)


def pose_present(rgb: np.ndarray) -> bool:
    import warnings

    model = _models()["pose"]
    with _quiet_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.process(np.ascontiguousarray(rgb)).pose_landmarks is not None


def _selfie(rgb: np.ndarray) -> np.ndarray:
    import warnings

    model = _models()["selfie"]
    with _quiet_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mask = model.process(np.ascontiguousarray(rgb)).segmentation_mask
    return np.clip(np.asarray(mask, np.float32), 0.0, 1.0)


PERSON_TILE_RATIO = 1.2
"""Images longer than this times their short side are segmented in squares (see selfie_mask)."""


def selfie_mask(rgb: np.ndarray) -> np.ndarray:
    """The selfie model's person mask. It squeezes its input into 256 px and expects one or two people near the
    camera, so in a wide picture or a group photo people shrink and are lost: on sixteen astronauts in two
    rows it finds none (IoU 0 against the single-photo mask tiled), astronauts off-centre in a 2:1 or 3:1
    frame score 0.77-0.92. Squares of the short side with half overlap, blended with tent weights so each
    pixel leans on the square it is most central in, score 0.71 on the group and 0.97-0.99 on the wide
    frames (`bench/segment.py` measures the cost)."""
    h, w = rgb.shape[:2]
    side = min(h, w)
    if max(h, w) <= PERSON_TILE_RATIO * side:
        return _selfie(rgb)
    tent = np.minimum(np.arange(side) + 1, side - np.arange(side)).astype(np.float32)
    tent /= tent.max()
    weight = np.outer(
        np.ones(side, np.float32) if h == side else tent, np.ones(side, np.float32) if w == side else tent
    )
    weight += 1e-3  # the image's own edges are covered by one square only
    total = np.zeros((h, w), np.float32)
    weights = np.zeros((h, w), np.float32)
    for x, y in _tiles(h, w, side, overlap=0.5):
        total[y : y + side, x : x + side] += _selfie(rgb[y : y + side, x : x + side]) * weight
        weights[y : y + side, x : x + side] += weight
    return total / weights


BODY_WEIGHT = 0.35
"""Cost per face height below a face (see split_by_faces). On two rows of astronauts, 0.15-0.35 keep 81-91% of
the worst instance in its own cell and 91-97% on average; 0.35 did best, and a free zone above the face
did not help."""


def split_by_faces(mask: np.ndarray, faces: list[tuple[float, float, float, float, float]]) -> list:
    """One instance per face: each pixel of the person mask goes to the face it most plausibly belongs to.
    The cost is the horizontal distance in face widths, plus the vertical distance in face heights, weighted
    lightly below the face (the body hangs there) and fully above it, so in two rows of people a torso goes to
    the head above it, not to the head of the person standing in front."""
    import cv2

    from editree.engine.segmenters.instances import Instance

    h, w = mask.shape
    step = max(1, max(h, w) // 512)  # decide on a coarse grid; people are far wider than `step` pixels
    ys, xs = np.mgrid[0:h:step, 0:w:step].astype(np.float32)
    best = np.full(ys.shape, np.inf, np.float32)
    owner = np.zeros(ys.shape, np.uint16)  # a crowd can have hundreds of faces: one running minimum, not a stack
    for i, (x0, y0, x1, y1, _) in enumerate(faces):
        fw, fh = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        vertical = np.where(ys >= cy, BODY_WEIGHT * (ys - cy) / fh, (cy - ys) / fh)
        cost = np.abs(xs - cx) / fw + vertical
        closer = cost < best
        best[closer], owner[closer] = cost[closer], i
    owner = cv2.resize(owner, (w, h), interpolation=cv2.INTER_NEAREST)
    return [Instance(mask * (owner == i), face[4]) for i, face in enumerate(faces)]


PORTRAIT_FACE = 0.15
"""A single face at least this fraction of the short side tall makes a portrait: no group to search for."""


def _portrait(faces: list[tuple[float, float, float, float, float]], shape: tuple[int, int]) -> bool:
    return len(faces) == 1 and faces[0][3] - faces[0][1] >= PORTRAIT_FACE * min(shape)


class MediapipePerson:
    name = "mediapipe-person"
    max_side = 2048

    def handles(self, text: str) -> bool:
        return _head_noun(text) in PERSON_WORDS

    def instances(self, rgb: np.ndarray, text: str) -> list:
        """The selfie mask split among the faces found (one instance per person with a visible face); one
        instance when at most one face is seen but a body pose is; none when neither is (the selfie model
        alone calls 91% of a cat photo a person)."""
        from editree.engine.segmenters.instances import MAX_INSTANCES, Instance

        faces = detect_faces(rgb)
        if not _portrait(faces, rgb.shape[:2]):
            faces = detect_faces_everywhere(rgb)  # small faces of a group need the tiled search
        if not faces and not pose_present(rgb):
            return []
        mask = selfie_mask(rgb)
        if len(faces) < 2 or len(faces) > MAX_INSTANCES:  # one person, or a crowd (see MAX_INSTANCES)
            return [Instance(mask, max((f[4] for f in faces), default=1.0))]
        return split_by_faces(mask, faces)

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        from editree.engine.segmenters.instances import union

        return union(self.instances(rgb, text), rgb.shape[:2])


class MediapipeFace:
    """One instance per face, drawn from the face mesh's outline of it (forehead, temples, jaw, chin), so a kept
    face keeps the face and not the hair or the wall behind the jaw. "The head" adds the hair: the person
    mask within a wider ellipse above and beside the face. Where the mesh does not fit a face the detector
    found (a profile, a covered face) that face falls back to an ellipse a little taller than its box."""

    name = "mediapipe-face"
    max_side = 2048

    def instances(self, rgb: np.ndarray, text: str) -> list:
        """Faces by the detector, each outlined by the mesh; a crowd (more than MAX_INSTANCES faces) is one
        instance, since a full-size mask per face would take gigabytes."""
        from editree.engine.segmenters.instances import MAX_INSTANCES, Instance

        faces = detect_faces_everywhere(rgb)
        person = selfie_mask(rgb) if _head_noun(text) in HEAD_WORDS and faces else None
        masks = (self._face(rgb.shape[:2], box, points, person) for box, points in face_meshes(rgb, faces))
        if len(faces) > MAX_INSTANCES:
            crowd = np.zeros(rgb.shape[:2], np.float32)
            for mask in masks:
                np.maximum(crowd, mask, out=crowd)
            return [Instance(crowd, max(box[4] for box in faces))]
        return [Instance(mask, box[4]) for mask, box in zip(masks, faces, strict=True)]

    def _face(
        self,
        shape: tuple[int, int],
        box: tuple[float, float, float, float, float],
        points: np.ndarray | None,
        person: np.ndarray | None,
    ) -> np.ndarray:
        if points is None:
            return self._ellipse(shape, box)
        mask = self._outline(shape, points[_oval()])
        if person is not None:
            np.maximum(mask, self._hair(shape, points[_oval()]) * person, out=mask)
        return mask

    @staticmethod
    def _outline(shape: tuple[int, int], outline: np.ndarray) -> np.ndarray:
        """The face inside its outline, with an edge soft over a few pixels; 0.5 lies on the outline itself."""
        import cv2

        from editree.engine.segmenters.instances import feathered

        x0, y0 = np.floor(outline.min(axis=0)).astype(int)
        x1, y1 = np.ceil(outline.max(axis=0)).astype(int)

        def draw(patch: np.ndarray, origin: tuple[int, int]) -> None:
            cv2.fillPoly(patch, [np.rint(outline - origin).astype(np.int32)], 1.0, lineType=cv2.LINE_AA)

        sigma = max(0.8, 0.003 * float(np.hypot(*shape)))
        # gain: a hair above 1, so the inside is exactly 1 (a blurred 1 comes out as 0.99999994)
        return feathered(shape, (int(x0), int(y0), int(x1) + 1, int(y1) + 1), sigma, draw, gain=1.001)

    @staticmethod
    def _hair(shape: tuple[int, int], outline: np.ndarray) -> np.ndarray:
        """Where the hair of this face can be: an ellipse reaching half a face above the outline's top and a
        fifth of a face beyond its sides (the person mask then keeps the hair and drops the wall)."""
        import cv2

        (x0, y0), (x1, y1) = outline.min(axis=0), outline.max(axis=0)
        fw, fh = x1 - x0, y1 - y0
        cx, cy = (x0 + x1) / 2, y0 + 0.3 * fh
        axes = (round(0.7 * fw), round(0.8 * fh))
        mask = np.zeros(shape, np.float32)
        cv2.ellipse(mask, (round(cx), round(cy)), axes, 0, 0, 360, 1.0, -1)
        return mask

    @staticmethod
    def _ellipse(shape: tuple[int, int], box: tuple[float, float, float, float, float]) -> np.ndarray:
        """The detector's box is tight around eyes-to-chin; an ellipse a little taller covers the face."""
        import cv2

        from editree.engine.segmenters.instances import feathered

        h, w = shape
        x0, y0, x1, y1, _ = box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 - (y1 - y0) * 0.08
        axes = (round((x1 - x0) * 0.55), round((y1 - y0) * 0.68))
        reach = (int(cx - axes[0]) - 1, int(cy - axes[1]) - 1, int(cx + axes[0]) + 2, int(cy + axes[1]) + 2)

        def draw(patch: np.ndarray, origin: tuple[int, int]) -> None:
            centre = (round(cx) - origin[0], round(cy) - origin[1])
            cv2.ellipse(patch, centre, axes, 0, 0, 360, 1.0, -1)

        return feathered(shape, reach, max(1.0, 0.01 * float(np.hypot(h, w))), draw, gain=1.5)

    def handles(self, text: str) -> bool:
        return _head_noun(text) in FACE_WORDS

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        from editree.engine.segmenters.instances import union

        return union(self.instances(rgb, text), rgb.shape[:2])


MESH_SIDE = 384
"""Each face is fitted on a square crop of about twice its size, scaled to this many pixels: the mesh's own
face finder sees a few hundred pixels, so on a whole group photo it found none of sixteen faces."""


def face_meshes(
    rgb: np.ndarray, faces: list[tuple[float, float, float, float, float]] | None = None
) -> list[tuple[tuple[float, float, float, float, float], np.ndarray | None]]:
    """For every face the detector finds (or `faces`), the face mesh's landmarks (N×2 image pixels) fitted on a
    crop around that face, or None where the mesh finds no face there."""
    import cv2

    h, w = rgb.shape[:2]
    faces = detect_faces_everywhere(rgb) if faces is None else faces
    found = []
    for box in faces:
        x0, y0, x1, y1, _ = box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half = 1.1 * max(x1 - x0, y1 - y0)
        a0, b0 = int(max(0, cx - half)), int(max(0, cy - half))
        a1, b1 = int(min(w, cx + half)), int(min(h, cy + half))
        if a1 - a0 < 8 or b1 - b0 < 8:
            found.append((box, None))
            continue
        crop = rgb[b0:b1, a0:a1]
        scale = MESH_SIDE / max(crop.shape[:2])
        crop = cv2.resize(
            crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        )
        nearest = None
        for points in _mesh_points(crop):
            points = (points / scale + np.array([a0, b0], np.float32)).astype(np.float32)
            distance = float(np.hypot(*(points.mean(axis=0) - (cx, cy))))
            if nearest is None or distance < nearest[0]:
                nearest = (distance, points)
        # A fit whose centre is off this face belongs to a neighbour in the crop; this face stays unfitted.
        fitted = nearest is not None and nearest[0] < 0.5 * max(x1 - x0, y1 - y0)
        found.append((box, nearest[1] if fitted else None))
    return found


def _mesh_points(rgb: np.ndarray) -> list[np.ndarray]:
    """The landmarks (N×2 pixels of `rgb`) of every face the mesh finds in `rgb`."""
    import warnings

    h, w = rgb.shape[:2]
    mesh = _mesh()  # outside the quiet block: a first load keeps the real stderr (_silence_native_logs_for_good)
    with _quiet_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = mesh.process(np.ascontiguousarray(rgb))
    return [
        np.array([(p.x * w, p.y * h) for p in landmarks.landmark], np.float32)
        for landmarks in result.multi_face_landmarks or []
    ]


@lru_cache(maxsize=1)
def _oval() -> list[int]:
    """Landmark indices of the face's outline, in order around it."""
    return _loops(_solutions().face_mesh.FACEMESH_FACE_OVAL)[0]


PART_WORDS = {
    "eye": "eyes",
    "eyes": "eyes",
    "iris": "irises",
    "irises": "irises",
    "pupil": "irises",
    "pupils": "irises",
    "eyebrow": "eyebrows",
    "eyebrows": "eyebrows",
    "brow": "eyebrows",
    "brows": "eyebrows",
    "lip": "lips",
    "lips": "lips",
    "mouth": "mouth",
    "mouths": "mouth",
}
"""Head nouns the face mesh answers, and the part each names."""


@lru_cache(maxsize=1)
def _mesh() -> Any:
    """The face-landmark model (468 points + irises), loaded only when a face part is asked for."""
    solutions = _solutions()
    with _quiet_native_stderr():
        return solutions.face_mesh.FaceMesh(
            static_image_mode=True, max_num_faces=3, refine_landmarks=True, min_detection_confidence=0.5
        )


def _loops(connections: frozenset[tuple[int, int]]) -> list[list[int]]:
    """mediapipe describes each part as a set of edges; chain them into closed outlines (lips: outer, inner)."""
    neighbours: dict[int, list[int]] = {}
    for a, b in connections:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    seen: set[int] = set()
    loops = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        loop, previous, point = [start], None, start
        seen.add(start)
        while True:
            following = [n for n in neighbours[point] if n != previous and (n not in seen or n == start)]
            if not following or following[0] == start:
                break
            previous, point = point, following[0]
            seen.add(point)
            loop.append(point)
        loops.append(loop)
    return loops


def face_parts(rgb: np.ndarray) -> list[dict[str, Any]]:
    """For each face found (every face of a group photo: each is fitted on its own crop, see face_meshes): part
    name -> outlines (N×2 pixel arrays), one per instance (two eyes, two brows, two irises; one mouth). "lips"
    has the mouth's outer and inner outline; "width" is the face's width in pixels."""
    import cv2

    connections = _solutions().face_mesh
    faces = []
    for _, points in face_meshes(rgb):
        if points is None:
            continue

        def outline(edges: frozenset[tuple[int, int]], points: np.ndarray = points) -> list[np.ndarray]:
            return [points[loop] for loop in _loops(edges)]

        def hull(edges: frozenset[tuple[int, int]], points: np.ndarray = points) -> np.ndarray:
            """A brow's edges are two open strokes, not a loop; its convex hull is the brow."""
            return cv2.convexHull(points[sorted({i for edge in edges for i in edge})]).reshape(-1, 2)

        lips = sorted(outline(connections.FACEMESH_LIPS), key=lambda p: -cv2_area(p))
        faces.append(
            {
                "eyes": outline(connections.FACEMESH_LEFT_EYE) + outline(connections.FACEMESH_RIGHT_EYE),
                "irises": outline(connections.FACEMESH_LEFT_IRIS) + outline(connections.FACEMESH_RIGHT_IRIS),
                "eyebrows": [hull(connections.FACEMESH_LEFT_EYEBROW), hull(connections.FACEMESH_RIGHT_EYEBROW)],
                "mouth": lips[:1],
                "lips": lips[:2],
                "width": float(np.ptp(points[_oval()][:, 0])),
            }
        )
    return faces


def cv2_area(outline: np.ndarray) -> float:
    import cv2

    return float(abs(cv2.contourArea(outline.astype(np.float32))))


class MediapipeFaceParts:
    """Eyes, irises, eyebrows, lips and mouth from mediapipe's face mesh. Each eye (brow, iris) is an
    instance, so "the left eye" means the one on the left of the picture."""

    name = "mediapipe-face-mesh"
    max_side = 2048

    def handles(self, text: str) -> bool:
        return _head_noun(text) in PART_WORDS

    def instances(self, rgb: np.ndarray, text: str) -> list:
        import cv2

        from editree.engine.segmenters.instances import Instance, feathered

        part = PART_WORDS[_head_noun(text)]
        h, w = rgb.shape[:2]
        found = []
        for face in face_parts(rgb):
            # Soft over a few pixels, but never more than a hundredth of the face: the lips of a small face in a
            # group are a ring two pixels thick, which an image-sized blur would wipe out.
            feather = max(0.5, min(0.002 * float(np.hypot(h, w)), 0.01 * face["width"]))
            outlines = face[part]
            if part == "lips":  # the ring between the outer and inner outline
                shapes = [outlines]
            else:
                shapes = [[o] for o in outlines]
            for shape in shapes:
                x0, y0 = np.floor(shape[0].min(axis=0)).astype(int)
                x1, y1 = np.ceil(shape[0].max(axis=0)).astype(int)

                def draw(patch: np.ndarray, origin: tuple[int, int], shape: list[np.ndarray] = shape) -> None:
                    for index, outline in enumerate(shape):  # the first outline filled, the others cut out
                        points = np.rint(outline - origin).astype(np.int32)
                        cv2.fillPoly(patch, [points], 1.0 if index == 0 else 0.0, lineType=cv2.LINE_AA)

                mask = feathered((h, w), (int(x0), int(y0), int(x1) + 1, int(y1) + 1), feather, draw)
                if mask.max() > 0:
                    found.append(Instance(mask))
        return found

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        from editree.engine.segmenters.instances import union

        return union(self.instances(rgb, text), rgb.shape[:2])
