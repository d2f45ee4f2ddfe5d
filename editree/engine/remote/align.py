"""Undo a remote model's drift: the similarity transform (shift, scale, small rotation) that maps its reply back
onto the picture it was sent, fitted only on pixels that should not have changed.

Hosted editing models return the whole frame redrawn: a few pixels off, zoomed by a few percent, relit. Composited
as they come, the edit lands beside its region and a ghost of the old picture shows at the seam. Here ORB features
matched outside the target, with RANSAC, give a first estimate that survives the model's relighting and its painted
object; ECC (a correlation that ignores gain and offset) refines it to a fraction of a pixel. The fit is refused,
with its residual, when the model moved or redrew what should have stayed: better one clear error than an edit
pasted in the wrong place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

WORK_SIDE = 1024
"""Fitting happens on a copy whose long side is at most this (pixels); the transform is scaled back."""
MIN_ANCHOR_FRACTION = 0.05
"""Below this share of unchanged pixels there is too little to fit on: the whole frame is used instead."""
MAX_RESIDUAL_PX = 2.0
"""Median distance (pixels, at the reply's resolution brought back to the picture's) between matched features
after alignment, past which the fit is refused."""
MIN_CORRELATION = 0.6
"""ECC correlation (1 = identical up to gain and offset) on the unchanged pixels, below which the fit is refused."""
MAX_SCALE_CHANGE = 0.15
MAX_ROTATION_DEG = 6.0
MAX_SHIFT_FRACTION = 0.1
"""Drift beyond these is not drift but a different picture (a recomposed frame)."""


class AlignmentError(Exception):
    """The reply could not be fitted onto the picture; `residual` (pixels) says by how much, where measured."""

    def __init__(self, message: str, residual: float | None = None) -> None:
        super().__init__(message)
        self.residual = residual


@dataclass(frozen=True)
class Alignment:
    matrix: np.ndarray
    """2×3 affine on the reply resized to the picture's size -> picture coordinates: the model's similarity
    expressed in the picture's frame (an API's fixed output size may stretch one axis more than the other)."""
    similarity: np.ndarray
    """2×3 similarity in the reply's own pixels (its frame, where the model drifted), reply -> picture resized
    to the reply's size: what provenance reports."""
    size: tuple[int, int]
    """The picture's (width, height)."""
    reply_size: tuple[int, int]
    residual_px: float | None
    """Median feature distance after alignment, in the picture's pixels (None where too few features matched)."""
    correlation: float
    """ECC correlation on the unchanged pixels after alignment."""
    method: str
    anchors: float
    """Share of the picture the fit was made on."""

    @property
    def scale(self) -> float:
        return float(math.hypot(self.similarity[0, 0], self.similarity[1, 0]))

    @property
    def rotation_deg(self) -> float:
        return float(math.degrees(math.atan2(self.similarity[1, 0], self.similarity[0, 0])))

    @property
    def shift_px(self) -> tuple[float, float]:
        """Where the reply's centre lands, relative to the picture's centre, in the reply's pixels."""
        w, h = self.reply_size
        centre = np.array([(w - 1) / 2.0, (h - 1) / 2.0])
        moved = self.similarity[:, :2] @ centre + self.similarity[:, 2] - centre
        return float(moved[0]), float(moved[1])

    def record(self) -> dict[str, Any]:
        """What provenance keeps: the transform and how well it fitted."""
        return {
            "similarity": [[round(float(v), 6) for v in row] for row in self.similarity],
            "matrix": [[round(float(v), 6) for v in row] for row in self.matrix],
            "shift_px": [round(v, 3) for v in self.shift_px],
            "scale": round(self.scale, 6),
            "rotation_deg": round(self.rotation_deg, 4),
            "residual_px": None if self.residual_px is None else round(self.residual_px, 3),
            "correlation": round(self.correlation, 4),
            "method": self.method,
            "fitted_on": round(self.anchors, 4),
        }

    def warp(self, reply: np.ndarray) -> np.ndarray:
        """`reply` brought into the picture's frame: resized to its size (area-averaged where it shrinks), then
        moved by `matrix`. Edges outside the reply are reflected, which only matters inside the target (the
        composite never reads the rest)."""
        import cv2

        w, h = self.size
        shrinking = reply.shape[1] * reply.shape[0] > w * h
        back = cv2.resize(reply, (w, h), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC)
        return cv2.warpAffine(
            back, self.matrix.astype(np.float64), (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT
        )


def align(reference: np.ndarray, reply: np.ndarray, anchors: np.ndarray) -> Alignment:
    """The drift of `reply` (uint8, any size: what the model returned) against `reference` (uint8 H×W×3: what
    was sent), fitted where `anchors` (bool H×W) is True. The similarity is fitted in the reply's frame, where
    the model moved things; the picture is resized to it (the API's size may change the aspect a little).
    Raises AlignmentError when no fit is good enough."""
    import cv2

    h, w = reference.shape[:2]
    rh, rw = reply.shape[:2]
    share = float(anchors.mean()) if anchors.size else 0.0
    if share < MIN_ANCHOR_FRACTION:
        anchors = np.ones((h, w), bool)  # the edit is the whole frame: fit on all of it (its structure stays)
        share = 1.0
    # The reply's frame, at the picture's resolution (no finer: the picture has no more detail to fit on).
    factor = min(1.0, WORK_SIDE / max(rh, rw), max(h, w) / max(rh, rw))
    size = (max(8, round(rw * factor)), max(8, round(rh * factor)))
    ref = _gray(cv2.resize(reference, size, interpolation=_shrink_or_grow(reference, size)))
    mov = _gray(cv2.resize(reply, size, interpolation=_shrink_or_grow(reply, size)) if factor < 1 else reply)
    mask = np.ascontiguousarray(cv2.resize(anchors.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST), np.uint8)

    matches = _feature_matches(ref, mov, mask)
    initial, method = _initial_estimate(ref, mov, matches)
    small, correlation = _refine(ref, mov, mask, initial)
    if small is None:
        small = initial
    else:
        method += "+ecc"
    if correlation is None:
        correlation = _correlation(ref, mov, mask, small)
    residual = _residual(matches, small)
    # From the working frame to the picture's (anisotropic when the reply's aspect differs) and the reply's.
    to_picture = _scaling(size, (w, h))
    to_reply = _scaling(size, (rw, rh))
    similarity = to_reply @ _h(small) @ np.linalg.inv(to_reply)
    matrix = to_picture @ _h(small) @ np.linalg.inv(to_picture)
    per_px = (w / size[0] + h / size[1]) / 2.0
    result = Alignment(
        matrix[:2],
        similarity[:2],
        (w, h),
        (rw, rh),
        None if residual is None else residual * per_px,
        correlation,
        method,
        share,
    )
    _check(result)
    return result


def _shrink_or_grow(picture: np.ndarray, size: tuple[int, int]) -> int:
    import cv2

    return cv2.INTER_AREA if picture.shape[1] * picture.shape[0] > size[0] * size[1] else cv2.INTER_CUBIC


def _h(matrix: np.ndarray) -> np.ndarray:
    return np.vstack([np.asarray(matrix, np.float64), [0.0, 0.0, 1.0]])


def _scaling(source: tuple[int, int], target: tuple[int, int]) -> np.ndarray:
    """Pixel coordinates of a picture of size `source` in one resized to `target`, by cv2.resize's pixel-centre
    convention (x' = (x + 0.5)·s − 0.5)."""
    sx, sy = target[0] / source[0], target[1] / source[1]
    return np.array([[sx, 0, 0.5 * sx - 0.5], [0, sy, 0.5 * sy - 0.5], [0, 0, 1]], np.float64)


def _gray(rgb: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)


def _feature_matches(ref: np.ndarray, mov: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Matched ORB keypoints (reply points, reference points), float32 N×2, or None when too few."""
    import cv2

    orb = cv2.ORB_create(nfeatures=3000, fastThreshold=10)
    kr, dr = orb.detectAndCompute(ref, mask)
    km, dm = orb.detectAndCompute(mov, mask)
    if dr is None or dm is None or len(kr) < 8 or len(km) < 8:
        return None
    pairs = cv2.BFMatcher(cv2.NORM_HAMMING).knnMatch(dm, dr, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < 0.8 * p[1].distance]
    if len(good) < 8:
        return None
    src = np.float32([km[m.queryIdx].pt for m in good])
    dst = np.float32([kr[m.trainIdx].pt for m in good])
    return src, dst


def _initial_estimate(
    ref: np.ndarray, mov: np.ndarray, matches: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, str]:
    """ORB + RANSAC where features matched; otherwise a pure shift by phase correlation."""
    import cv2

    if matches is not None:
        matrix, inliers = cv2.estimateAffinePartial2D(
            matches[0], matches[1], method=cv2.RANSAC, ransacReprojThreshold=3.0, maxIters=4000, confidence=0.999
        )
        if matrix is not None and inliers is not None and int(inliers.sum()) >= 8:
            return matrix.astype(np.float32), "orb+ransac"
    window = cv2.createHanningWindow(ref.shape[::-1], cv2.CV_32F)
    (dx, dy), _ = cv2.phaseCorrelate(ref.astype(np.float32), mov.astype(np.float32), window)
    return np.float32([[1, 0, -dx], [0, 1, -dy]]), "phase"


def _refine(
    ref: np.ndarray, mov: np.ndarray, mask: np.ndarray, initial: np.ndarray
) -> tuple[np.ndarray | None, float | None]:
    """ECC (affine, then projected to the nearest similarity) from `initial`. ECC's warp maps reference
    coordinates into the reply, so it works on the inverse of ours."""
    import cv2

    warp_inv = cv2.invertAffineTransform(initial).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 100, 1e-6)
    try:
        if hasattr(cv2, "findTransformECCWithMask"):
            _, warp_inv = cv2.findTransformECCWithMask(ref, mov, mask, mask, warp_inv, cv2.MOTION_AFFINE, criteria, 5)
        else:  # pragma: no cover - OpenCV before 4.12
            _, warp_inv = cv2.findTransformECC(ref, mov, warp_inv, cv2.MOTION_AFFINE, criteria, mask, 5)
    except cv2.error:
        return None, None
    matrix = _nearest_similarity(cv2.invertAffineTransform(warp_inv))
    return matrix, _correlation(ref, mov, mask, matrix)


def _nearest_similarity(matrix: np.ndarray) -> np.ndarray:
    """The similarity [[a, -b, tx], [b, a, ty]] closest to an affine map, keeping where the centre goes."""
    a = (matrix[0, 0] + matrix[1, 1]) / 2.0
    b = (matrix[1, 0] - matrix[0, 1]) / 2.0
    return np.float32([[a, -b, matrix[0, 2]], [b, a, matrix[1, 2]]])


def _correlation(ref: np.ndarray, mov: np.ndarray, mask: np.ndarray, matrix: np.ndarray) -> float:
    import cv2

    h, w = ref.shape
    moved = cv2.warpAffine(mov, matrix.astype(np.float64), (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    inside = cv2.warpAffine(np.full_like(mask, 255), matrix.astype(np.float64), (w, h), flags=cv2.INTER_NEAREST)
    valid = (mask > 0) & (inside > 0)
    if valid.sum() < 64:
        return 0.0
    a = ref[valid].astype(np.float64)
    b = moved[valid].astype(np.float64)
    a -= a.mean()
    b -= b.mean()
    denominator = math.sqrt(float((a * a).sum()) * float((b * b).sum()))
    return float((a * b).sum() / denominator) if denominator > 0 else 0.0


def _residual(matches: tuple[np.ndarray, np.ndarray] | None, matrix: np.ndarray) -> float | None:
    """Median distance between each matched reference point and its reply point moved by `matrix`, over the
    matches that agree with it (within 3 px): how far the features that define the fit still disagree."""
    if matches is None:
        return None
    src, dst = matches
    moved = src @ matrix[:, :2].T + matrix[:, 2]
    distance = np.linalg.norm(moved - dst, axis=1)
    agreeing = distance[distance < 3.0]
    if agreeing.size < 8:
        return float(np.median(distance))
    return float(np.median(agreeing))


def _check(result: Alignment) -> None:
    shift = math.hypot(*result.shift_px)
    if abs(result.scale - 1.0) > MAX_SCALE_CHANGE or abs(result.rotation_deg) > MAX_ROTATION_DEG:
        raise AlignmentError(
            f"the reply is scaled by {result.scale:.3f} and turned by {result.rotation_deg:.1f}°, beyond the drift "
            "a model's redraw has (it recomposed the picture)",
            result.residual_px,
        )
    if shift > MAX_SHIFT_FRACTION * max(result.reply_size):
        raise AlignmentError(f"the reply is shifted by {shift:.0f} px, beyond a redraw's drift", result.residual_px)
    if result.correlation < MIN_CORRELATION:
        raise AlignmentError(
            f"what should be unchanged matches the picture poorly after alignment (correlation "
            f"{result.correlation:.2f}, below {MIN_CORRELATION})",
            result.residual_px,
        )
    if result.residual_px is not None and result.residual_px > MAX_RESIDUAL_PX:
        raise AlignmentError(
            f"residual {result.residual_px:.1f} px after alignment, over {MAX_RESIDUAL_PX:g} px",
            result.residual_px,
        )
