"""Control images: what a ControlNet is conditioned on, computed here from the picture being edited.

Canny edges need nothing but OpenCV. Depth, line art, soft edges and pose come from controlnet_aux's annotators,
whose weights are separate downloads (presets annotator-depth, -lineart, -softedge, -pose): `annotator_status`
answers "are they here?" from files alone, so a run without them stops before any work, naming what to pull.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

CONTROL_KINDS = ("canny", "depth", "lineart", "softedge", "pose")

CANNY_THRESHOLDS = (100, 200)
"""Low and high hysteresis thresholds: what the SD 1.5 and SDXL Canny ControlNets were trained with."""

ANNOTATOR_CLASSES = {
    "depth": "MidasDetector",
    "lineart": "LineartDetector",
    "softedge": "PidiNetDetector",
    "pose": "OpenposeDetector",
}
"""The controlnet_aux detector for each kind that needs weights."""


@dataclass(frozen=True)
class AnnotatorStatus:
    kind: str
    preset: str | None
    """The preset holding the weights (None for canny, which has none)."""
    source: str | None
    """The folder the weights load from; None when absent (and not needed for canny)."""
    reason: str | None = None

    @property
    def present(self) -> bool:
        return self.reason is None

    @property
    def commit(self) -> str | None:
        from editree.engine.diffusion.models import snapshot_commit

        return snapshot_commit(self.source)


def check_kind(kind: str) -> None:
    from editree.errors import UsageError

    if kind not in CONTROL_KINDS:
        raise UsageError(f"--control {kind!r}: expected one of {', '.join(CONTROL_KINDS)}")


def annotator_status(kind: str) -> AnnotatorStatus:
    """Whether the weights that make `kind`'s control image are on this machine (files only: no torch)."""
    check_kind(kind)
    if kind == "canny":
        return AnnotatorStatus(kind, None, None)
    from editree.engine.diffusion.control_presets import files_of
    from editree.engine.diffusion.models import _cached, pull_command
    from editree.engine.diffusion.presets import PRESETS

    preset = PRESETS[f"annotator-{kind}"]
    folders = {_cached(preset.repo, preset.revision, name) for name in files_of(preset)}
    if None in folders or len(folders) != 1:
        return AnnotatorStatus(
            kind,
            preset.name,
            None,
            f"--control {kind} needs the {ANNOTATOR_CLASSES[kind]} annotator's weights ({', '.join(files_of(preset))} "
            f"from {preset.repo}), which are not in the local model cache; run `{pull_command(preset.name)}` where "
            "the network allows, or use --control canny (no weights)",
        )
    if not _has_controlnet_aux():
        return AnnotatorStatus(
            kind,
            preset.name,
            None,
            f"--control {kind} needs the controlnet_aux package for its annotator; "
            "`pip install 'editree[control]'`, or use --control canny",
        )
    return AnnotatorStatus(kind, preset.name, folders.pop())


def _has_controlnet_aux() -> bool:
    import importlib.util

    return importlib.util.find_spec("controlnet_aux") is not None


def canny(rgb: np.ndarray) -> np.ndarray:
    """White Canny edges on black, three channels, the size of `rgb` (uint8 H×W×3)."""
    import cv2

    edges = cv2.Canny(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), *CANNY_THRESHOLDS)
    return np.repeat(edges[:, :, None], 3, axis=2)


def control_image(rgb: np.ndarray, kind: str, device: str = "cpu") -> np.ndarray:
    """The control image of `kind` for `rgb` (uint8 H×W×3), the same size. Raises MissingDependencyError when an
    annotator's weights are absent."""
    check_kind(kind)
    if kind == "canny":
        return canny(rgb)
    from editree.errors import MissingDependencyError

    status = annotator_status(kind)
    if not status.present:
        raise MissingDependencyError(status.reason or f"--control {kind}: annotator unavailable")
    detector = _detector(kind, status.source, device)
    h, w = rgb.shape[:2]
    # The annotators work at a multiple of 64 near 512 px on the short side and give their map back at that size.
    out = detector(rgb, detect_resolution=512, image_resolution=max(64, min(h, w)), output_type="np")
    import cv2

    out = np.asarray(out, np.uint8)
    if out.ndim == 2:
        out = np.repeat(out[:, :, None], 3, axis=2)
    return cv2.resize(out, (w, h), interpolation=cv2.INTER_LINEAR)


@lru_cache(maxsize=2)
def _detector(kind: str, source: str, device: str) -> Any:
    """A controlnet_aux detector loaded from the folder holding its weights; once per process."""
    import warnings

    from editree.errors import MissingDependencyError

    with warnings.catch_warnings():  # the package's own import-time deprecation notes (timm, torch.jit)
        warnings.simplefilter("ignore")
        import controlnet_aux

        cls = getattr(controlnet_aux, ANNOTATOR_CLASSES[kind])
        try:
            detector = cls.from_pretrained(str(Path(source)))
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            raise MissingDependencyError(
                f"cannot load the {kind} annotator from {source} ({str(exc).splitlines()[0][:160]}); "
                f"pull it again with `editree models pull annotator-{kind}`"
            ) from None
    return detector.to(device) if hasattr(detector, "to") else detector
