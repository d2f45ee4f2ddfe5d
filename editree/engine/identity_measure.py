"""`preserve_identity(R)` measured: who is in R before the edits, and whether they are still themselves after.

Embedders share one small interface (describe a box of a picture, score two descriptions, say whether a score
passes), so the run does not care which one measured a subject:

- `face`: dlib's descriptor (editree.engine.face_identity). Every face found in R is a subject of its own,
  found again after an edit by its position and scored by distance (lower is closer; passes under 0.6).
- CLIP (today's image embedder, editree.engine.identity): for a subject without a face, its box is scored by
  cosine similarity (higher is closer; passes from 0.85).

Which to use is `EngineOptions.identity_model`: None ("auto") measures faces with `face` and other subjects with
CLIP when its weights are here; "face" measures faces only; a CLIP preset, folder or hub id measures every subject
with that model (as before faces were measured). What cannot be measured is said in a note, never an error,
unless the user named an embedder that is absent.

Engines that run their own retries (remote ones) call `IdentityGuard.measure` on each candidate and keep the one
whose `IdentityReport.better_than` the others; `measure_identity` does the whole comparison for two pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from editree.engine import face_identity
from editree.errors import MissingDependencyError

CLIP_ALIASES = {"clip": "clip-vit-large"}
FACE_SPEC = "face"
CONTEXT = 0.1
"""Faces in R are searched in R's box grown by this fraction of its size (a face at R's edge is whole)."""
INSIDE = 0.5
"""A face belongs to R when at least this much of its box lies in R."""
STILL = 0.6
"""A face found again overlapping its old box this much has not moved: it is measured at its old box, so the
landmarks start from the same place and an untouched face measures 0."""


class Embedder(Protocol):
    name: str
    """"face" or the CLIP model's spec, as recorded in an output's metadata."""
    metric: str
    """"distance" (lower is closer) or "similarity" (higher is closer)."""
    threshold: float

    def describe(self, rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray: ...

    def score(self, a: np.ndarray, b: np.ndarray) -> float: ...

    def passes(self, value: float) -> bool: ...


@dataclass(frozen=True)
class FaceEmbedder:
    threshold: float = face_identity.DEFAULT_THRESHOLD
    name: str = FACE_SPEC
    metric: str = "distance"

    def describe(self, rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
        return face_identity.describe(rgb, box)

    def score(self, a: np.ndarray, b: np.ndarray) -> float:
        return face_identity.distance(a, b)

    def passes(self, value: float) -> bool:
        return value < self.threshold


@dataclass(frozen=True)
class ClipEmbedder:
    status: Any
    """editree.engine.local_models.LocalModel of a found CLIP vision model."""
    threshold: float = 0.85
    metric: str = "similarity"

    @property
    def name(self) -> str:
        return str(self.status.spec)

    def describe(self, rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
        from editree.engine.identity import embed

        x0, y0, x1, y1 = box
        return embed(np.ascontiguousarray(rgb[y0:y1, x0:x1]), self.status)

    def score(self, a: np.ndarray, b: np.ndarray) -> float:
        return float(np.dot(a, b))

    def passes(self, value: float) -> bool:
        return value >= self.threshold


@dataclass(frozen=True)
class Embedders:
    """What measures faces and what measures other subjects on this run, and why either is missing."""

    face: FaceEmbedder | None
    subject: ClipEmbedder | None
    face_missing: str | None = None
    subject_missing: str | None = None


def choose_embedders(options: Any) -> Embedders:
    """Embedders for `options` (EngineOptions). An embedder the user named that is absent is an error (exit 5),
    before any work; under "auto" an absent one is only a reason, said where it matters."""
    from editree.engine.identity import embedder_status

    spec = options.identity_model
    spec = CLIP_ALIASES.get(spec, spec) if spec not in (None, "", "auto") else None
    face_reason = face_identity.unavailable()
    face = FaceEmbedder(options.face_threshold) if face_reason is None else None
    if spec == FACE_SPEC:
        if face is None:
            raise MissingDependencyError(f"--identity-model face: {face_reason}")
        return Embedders(face, None, None, "--identity-model face measures faces only")
    status = embedder_status(spec)
    clip = ClipEmbedder(status, options.identity_threshold) if status.source is not None else None
    if spec is not None:
        if clip is None:
            raise MissingDependencyError(status.reason or f"no image embedder {spec!r} for preserve_identity")
        return Embedders(None, clip, f"--identity-model {spec} measures every subject with it", None)
    return Embedders(face, clip, face_reason, None if clip else _short(status.reason))


def _short(reason: str | None) -> str:
    return f"no image embedder for other subjects ({reason})" if reason else "no image embedder for other subjects"


@dataclass(frozen=True)
class Score:
    subject: str
    """"face 1", "face 2", … in reading order, or the region's text for a subject measured whole."""
    embedder: str
    metric: str
    value: float
    threshold: float
    passed: bool
    box: tuple[int, int, int, int]
    """Where the subject was measured after the edit."""
    found: bool = True
    """False for a face not found again after the edit: it was measured where it had been."""

    @property
    def margin(self) -> float:
        """How far on the passing side of the threshold (negative: failing by that much)."""
        return self.threshold - self.value if self.metric == "distance" else self.value - self.threshold

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "subject": self.subject,
            "embedder": self.embedder,
            self.metric: round(self.value, 4),
            "threshold": self.threshold,
            "pass": self.passed,
            "box": list(self.box),
        }
        if not self.found:
            record["found"] = False
        return record

    def text(self) -> str:
        sign = "<" if self.metric == "distance" else ">="
        if not self.passed:
            sign = ">=" if self.metric == "distance" else "<"
        lost = ", not found again: measured where it was" if not self.found else ""
        verdict = "pass" if self.passed else "FAIL"
        return f"{self.subject}: {self.metric} {self.value:.3f} {sign} {self.threshold:g} {verdict}{lost}"


@dataclass(frozen=True)
class IdentityReport:
    scores: tuple[Score, ...]

    @property
    def passed(self) -> bool:
        return all(s.passed for s in self.scores)

    def failures(self) -> list[Score]:
        return [s for s in self.scores if not s.passed]

    def key(self) -> tuple[int, float]:
        """Ordering of candidates: fewer failing subjects first, then the better worst margin."""
        return (-len(self.failures()), min((s.margin for s in self.scores), default=0.0))

    def better_than(self, other: IdentityReport | None) -> bool:
        return other is None or self.key() > other.key()

    def to_list(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.scores]

    def clip_similarity(self) -> float | None:
        """The lowest CLIP similarity among the subjects, for StepReport.identity (kept for older readers)."""
        values = [s.value for s in self.scores if s.metric == "similarity"]
        return min(values) if values else None


@dataclass(frozen=True)
class Subject:
    label: str
    embedder: Embedder
    box: tuple[int, int, int, int]
    reference: np.ndarray
    kind: str
    """"face" (found again by position before it is measured) or "subject" (measured at its box)."""


@dataclass
class IdentityGuard:
    """The preserved subjects of one run, described on the input, and what could not be measured."""

    subjects: list[Subject]
    mask: np.ndarray
    """Union of the preserve_identity regions (float H×W): a step whose effective mask meets it is measured."""
    box: tuple[int, int, int, int] | None
    """The box of that union (the reference crop an IP-Adapter is conditioned on)."""
    notes: list[str] = field(default_factory=list)
    embedders: list[str] = field(default_factory=list)
    """The names of the embedders that measure at least one subject."""

    def touches(self, effective: np.ndarray) -> bool:
        return bool(self.subjects) and bool((effective * self.mask).any())

    def measure(self, after: np.ndarray) -> IdentityReport:
        """Every subject scored on `after` (RGB uint8, the input's geometry) against the input."""
        return IdentityReport(tuple(_measure(subject, after) for subject in self.subjects))


def _measure(subject: Subject, after: np.ndarray) -> Score:
    box, found = subject.box, True
    if subject.kind == "face":
        again = face_identity.refind(after, subject.box)
        found = again is not None
        if again is not None and face_identity.iou(again.box, subject.box) < STILL:
            box = again.box  # the face moved: measured where it is now
    value = subject.embedder.score(subject.reference, subject.embedder.describe(after, box))
    embedder = subject.embedder
    return Score(
        subject.label, embedder.name, embedder.metric, value, embedder.threshold, embedder.passes(value), box, found
    )


def box_of(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask > 0.5)
    if not len(xs):
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def faces_in(rgb: np.ndarray, mask: np.ndarray | None) -> list[face_identity.Face]:
    """The faces lying in `mask` (most of each box inside it), found in a crop around it; all faces when None."""
    if mask is None:
        return face_identity.detect(rgb)
    box = box_of(mask)
    if box is None:
        return []
    h, w = rgb.shape[:2]
    x0, y0, x1, y1 = box
    px, py = round((x1 - x0) * CONTEXT), round((y1 - y0) * CONTEXT)
    cx0, cy0, cx1, cy1 = max(0, x0 - px), max(0, y0 - py), min(w, x1 + px), min(h, y1 + py)
    found = face_identity.detect(np.ascontiguousarray(rgb[cy0:cy1, cx0:cx1]))
    inside = mask > 0.5
    faces = []
    for face in found:
        fx0, fy0, fx1, fy1 = face.box[0] + cx0, face.box[1] + cy0, face.box[2] + cx0, face.box[3] + cy0
        if inside[fy0:fy1, fx0:fx1].mean() >= INSIDE:
            faces.append(face_identity.Face((fx0, fy0, fx1, fy1), face.score, face.detector))
    return face_identity.reading_order(faces)


def build_guard(regions: list[tuple[str, np.ndarray]], rgb: np.ndarray, embedders: Embedders) -> IdentityGuard:
    """Subjects of the preserve_identity regions (their text and resolved mask) on the input `rgb` (uint8)."""
    subjects: list[Subject] = []
    notes: list[str] = []
    shape = rgb.shape[:2]
    union = np.zeros(shape, np.float32)
    for text, mask in regions:
        np.maximum(union, mask, out=union)
        box = box_of(mask)
        if box is None:
            notes.append(f"preserve_identity({text}): not found in this picture, so its identity is not measured")
            continue
        faces = faces_in(rgb, mask) if embedders.face is not None else []
        for face in faces:
            label = f"face {sum(s.kind == 'face' for s in subjects) + 1}"
            subjects.append(Subject(label, embedders.face, face.box, embedders.face.describe(rgb, face.box), "face"))
        if faces:
            continue
        if embedders.subject is not None:
            ref = embedders.subject.describe(rgb, box)
            subjects.append(Subject(text, embedders.subject, box, ref, "subject"))
            continue
        why = "no face found in it" if embedders.face is not None else embedders.face_missing
        notes.append(
            f"preserve_identity({text}): identity not measured: {why}; {embedders.subject_missing or 'no embedder'}"
        )
    names = list(dict.fromkeys(s.embedder.name for s in subjects))
    return IdentityGuard(subjects, union, box_of(union), notes, names)


def measure_identity(
    before: np.ndarray, after: np.ndarray, options: Any = None, mask: np.ndarray | None = None
) -> tuple[IdentityGuard, IdentityReport]:
    """Compare two RGB uint8 pictures of one size: the faces (or, with a CLIP --identity-model, the whole
    picture or `mask`'s box) of `before`, found again in `after` by position. For scripts and engines that
    measure outside a plan run (the `identity` command, remote engines)."""
    from editree.engine.options import EngineOptions

    options = options or EngineOptions()
    region = mask if mask is not None else np.ones(before.shape[:2], np.float32)
    guard = build_guard([("the picture" if mask is None else "the region", region)], before, choose_embedders(options))
    return guard, guard.measure(after)
