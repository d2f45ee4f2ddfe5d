"""dlib's face recognition, offline: find faces, align each on five landmarks, describe it with 128 numbers.

Two photos of the same person give descriptors closer than about 0.6 (Euclidean); dlib's ResNet model scores
99.38% on LFW at that threshold. The model files come in the `face_recognition_models` wheel and are read from
where pip put them; nothing is downloaded. That package's own `__init__` imports `pkg_resources` (gone from new
setuptools), so it is located with `importlib.util.find_spec`, never imported. Only the 5-point landmark model
(CC0), the ResNet descriptor (CC0) and the CNN face detector are used: the 68-point model in the same wheel was
trained on iBUG 300-W, whose licence excludes commercial use.

dlib is imported when a face is first measured, never by `editree --help`, `plan` or `ops`.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from editree.errors import MissingDependencyError

INSTALL = "pip install 'editree[face]'"
"""What makes `face` work: the extra of that name in pyproject.toml (dlib-bin and face-recognition-models; a
compiled `dlib` serves as well as the `dlib-bin` wheel)."""
MODEL_FILES = {
    "landmarks": "shape_predictor_5_face_landmarks.dat",
    "descriptor": "dlib_face_recognition_resnet_model_v1.dat",
    "detector": "mmod_human_face_detector.dat",
}
DESCRIPTOR_MODEL = "dlib_face_recognition_resnet_model_v1"
DEFAULT_THRESHOLD = 0.6
"""dlib's own: descriptors of one person are closer than this."""
HOG_MIN_SCORE = 0.3
"""The HOG detector's score above which a box is taken as a face. On scikit-image's photos real faces scored 1.2
and more, and the only false ones (a patch on the astronaut's suit) 0.12 or less."""
HOG_UPSAMPLE_MAX_PIXELS = 2_000_000
"""Below this the HOG detector looks at an upsampled copy (finds faces from about 40 px, not 80)."""
CNN_MAX_SIDE = 640
"""The CNN detector, tried where HOG finds no face (a face turned or tilted, the cameraman), is slow on a CPU
(about 2 s for 512×512 on two shared cores), so it looks at a copy no longer than this."""
CNN_MIN_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Face:
    box: tuple[int, int, int, int]
    """x0, y0, x1, y1 in pixels, end-exclusive."""
    score: float
    detector: str
    """"hog" or "cnn"."""


def model_folder() -> Path | None:
    """Where the installed `face_recognition_models` keeps its .dat files, or None."""
    try:
        spec = importlib.util.find_spec("face_recognition_models")
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "models"
        if all((folder / name).is_file() for name in MODEL_FILES.values()):
            return folder
    return None


def unavailable() -> str | None:
    """Why faces cannot be measured here (and the command that fixes it), or None."""
    if importlib.util.find_spec("dlib") is None:
        return f"face identity needs dlib, which is not installed; run `{INSTALL}`"
    if model_folder() is None:
        return f"face identity needs the model files of face_recognition_models (not installed); run `{INSTALL}`"
    return None


@lru_cache(maxsize=1)
def _models() -> dict[str, Any]:
    """Loaded once per process (about 1.5 s: 31 MB of model files)."""
    if reason := unavailable():
        raise MissingDependencyError(reason)
    import dlib

    folder = model_folder()
    assert folder is not None
    return {
        "hog": dlib.get_frontal_face_detector(),
        "cnn": dlib.cnn_face_detection_model_v1(str(folder / MODEL_FILES["detector"])),
        "landmarks": dlib.shape_predictor(str(folder / MODEL_FILES["landmarks"])),
        "descriptor": dlib.face_recognition_model_v1(str(folder / MODEL_FILES["descriptor"])),
        "rectangle": dlib.rectangle,
    }


def dlib_version() -> str | None:
    if importlib.util.find_spec("dlib") is None:
        return None
    import dlib

    return str(getattr(dlib, "__version__", "?"))


def _rgb8(rgb: np.ndarray) -> np.ndarray:
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected an H×W×3 uint8 picture, got {rgb.dtype} {rgb.shape}")
    return np.ascontiguousarray(rgb)


def detect(rgb: np.ndarray, min_score: float = HOG_MIN_SCORE, fallback: bool = True) -> list[Face]:
    """Faces in an RGB uint8 picture, in reading order (rows of faces top to bottom, each left to right).
    HOG first (fast, frontal faces); where it finds none, and `fallback`, the CNN detector on a shrunk copy."""
    image = _rgb8(rgb)
    models = _models()
    upsample = 1 if image.shape[0] * image.shape[1] <= HOG_UPSAMPLE_MAX_PIXELS else 0
    rects, scores, _ = models["hog"].run(image, upsample, min(min_score, 0.0))
    faces = [
        Face(_clip_box(r.left(), r.top(), r.right() + 1, r.bottom() + 1, image.shape), float(s), "hog")
        for r, s in zip(rects, scores, strict=True)
        if s >= min_score
    ]
    if not faces and fallback:
        faces = _detect_cnn(image, models)
    return reading_order([f for f in faces if f.box[2] > f.box[0] and f.box[3] > f.box[1]])


def _detect_cnn(image: np.ndarray, models: dict[str, Any]) -> list[Face]:
    import cv2

    scale = min(1.0, CNN_MAX_SIDE / max(image.shape[:2]))
    small = image
    if scale < 1.0:
        size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
        small = np.ascontiguousarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA))
    found = models["cnn"](small, 0)
    return [
        Face(
            _clip_box(
                d.rect.left() / scale,
                d.rect.top() / scale,
                (d.rect.right() + 1) / scale,
                (d.rect.bottom() + 1) / scale,
                image.shape,
            ),
            float(d.confidence),
            "cnn",
        )
        for d in found
        if d.confidence >= CNN_MIN_CONFIDENCE
    ]


def _clip_box(x0: float, y0: float, x1: float, y1: float, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    h, w = shape[:2]
    return (
        int(np.clip(round(x0), 0, w)),
        int(np.clip(round(y0), 0, h)),
        int(np.clip(round(x1), 0, w)),
        int(np.clip(round(y1), 0, h)),
    )


def reading_order(faces: list[Face]) -> list[Face]:
    """Rows top to bottom (a face starts a new row when its centre is below the row's first face), then left to
    right: how people number the faces of a group photo, and how the segmenters number instances."""
    rows: list[list[Face]] = []
    for face in sorted(faces, key=lambda f: (f.box[1] + f.box[3]) / 2):
        cy = (face.box[1] + face.box[3]) / 2
        if rows and cy < rows[-1][0].box[3]:
            rows[-1].append(face)
        else:
            rows.append([face])
    return [face for row in rows for face in sorted(row, key=lambda f: f.box[0])]


def describe(rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The 128-number descriptor of the face in `box`: five landmarks found inside it, the face aligned on them
    (dlib's chip, 150 px with a quarter of padding) and run through the ResNet. Works on any box: a face that is
    no longer recognisable still gets a descriptor, far from its old one."""
    image = _rgb8(rgb)
    models = _models()
    x0, y0, x1, y1 = box
    rect = models["rectangle"](int(x0), int(y0), int(x1) - 1, int(y1) - 1)
    shape = models["landmarks"](image, rect)
    return np.asarray(models["descriptor"].compute_face_descriptor(image, shape), np.float64)


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(np.asarray(a) - np.asarray(b)))


def refind(rgb: np.ndarray, box: tuple[int, int, int, int]) -> Face | None:
    """The face at `box` in another version of the picture: the detection near it that overlaps it most (IoU at
    least 0.3), searched in a window around it with a low score bar (the face is known to have been there)."""
    image = _rgb8(rgb)
    h, w = image.shape[:2]
    x0, y0, x1, y1 = box
    pad = max(x1 - x0, y1 - y0) // 2
    wx0, wy0, wx1, wy1 = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
    window = np.ascontiguousarray(image[wy0:wy1, wx0:wx1])
    upsample = 1 if max(x1 - x0, y1 - y0) < 100 else 0
    rects, scores, _ = _models()["hog"].run(window, upsample, -0.5)
    best: tuple[float, Face] | None = None
    for r, s in zip(rects, scores, strict=True):
        found = _clip_box(r.left() + wx0, r.top() + wy0, r.right() + 1 + wx0, r.bottom() + 1 + wy0, image.shape)
        overlap = iou(found, box)
        if overlap >= 0.3 and (best is None or overlap > best[0]):
            best = (overlap, Face(found, float(s), "hog"))
    return best[1] if best else None


def iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0
