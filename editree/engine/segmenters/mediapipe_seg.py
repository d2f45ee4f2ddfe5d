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


def _silence_native_logs_for_good() -> None:
    """mediapipe's worker threads log warnings to fd 2 after `process()` returns, where no context
    manager can catch them. When this process owns a real terminal stderr (the CLI), point fd 2 at
    /dev/null and keep Python's `sys.stderr` on a duplicate of the real one: editree's own messages
    still reach the user, native chatter does not. Under test runners (which replace sys.stderr)
    nothing is changed."""
    if sys.stderr is not sys.__stderr__ or os.environ.get("EDITREE_NATIVE_LOGS"):
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


def person_present(rgb: np.ndarray) -> bool:
    if detect_faces(rgb):
        return True
    import warnings

    model = _models()["pose"]
    with _quiet_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.process(np.ascontiguousarray(rgb)).pose_landmarks is not None


class MediapipePerson:
    name = "mediapipe-person"
    max_side = 2048

    def handles(self, text: str) -> bool:
        return _head_noun(text) in PERSON_WORDS

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        if not person_present(rgb):
            return np.zeros(rgb.shape[:2], np.float32)
        import warnings

        model = _models()["selfie"]
        with _quiet_native_stderr(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mask = model.process(np.ascontiguousarray(rgb)).segmentation_mask
        return np.clip(np.asarray(mask, np.float32), 0.0, 1.0)


class MediapipeFace:
    name = "mediapipe-face"
    max_side = 2048

    def instances(self, rgb: np.ndarray, text: str) -> list:
        """One soft ellipse per detected face, scored by the detector."""
        from editree.engine.segmenters.instances import Instance

        return [Instance(self._ellipse(rgb.shape[:2], box), box[4]) for box in detect_faces(rgb)]

    @staticmethod
    def _ellipse(shape: tuple[int, int], box: tuple[float, float, float, float, float]) -> np.ndarray:
        import cv2

        h, w = shape
        x0, y0, x1, y1, _ = box
        mask = np.zeros((h, w), np.float32)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 - (y1 - y0) * 0.08
        axes = (round((x1 - x0) * 0.55), round((y1 - y0) * 0.68))
        cv2.ellipse(mask, (round(cx), round(cy)), axes, 0, 0, 360, 1.0, -1)
        mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, 0.01 * float(np.hypot(h, w))))
        return np.clip(mask * 1.5, 0.0, 1.0)

    def handles(self, text: str) -> bool:
        return _head_noun(text) in FACE_WORDS

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        import cv2

        h, w = rgb.shape[:2]
        mask = np.zeros((h, w), np.float32)
        for x0, y0, x1, y1, _ in detect_faces(rgb):
            # The detector's box is tight around eyes-to-chin; an ellipse a little taller covers the face.
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 - (y1 - y0) * 0.08
            axes = (round((x1 - x0) * 0.55), round((y1 - y0) * 0.68))
            cv2.ellipse(mask, (round(cx), round(cy)), axes, 0, 0, 360, 1.0, -1)
        if mask.any():
            mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, 0.01 * float(np.hypot(h, w))))
            mask = np.clip(mask * 1.5, 0.0, 1.0)
        return mask
