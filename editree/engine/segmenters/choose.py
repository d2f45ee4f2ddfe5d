"""Which open-vocabulary segmenter a `--segmenter` value names, from files alone (no torch, no network).

(unset)            GroundingDINO + SAM when both default presets are cached, else CLIPSeg when cached,
                   else none (people, faces and face parts still work offline)
none               only the offline segmenters
grounded-sam       the default GroundingDINO and SAM presets
DETECTOR,SAM       GroundingDINO and SAM, each a preset, a folder or a cached hub id
clipseg | FOLDER   CLIPSeg (a preset, or a folder saved by transformers)
"""

from __future__ import annotations

from typing import Any

from editree.errors import MissingDependencyError

GROUNDED_SAM = "grounded-sam"


def open_vocabulary(spec: str | None, device: str | None = None) -> Any | None:
    """The segmenter `spec` names, or None; a named one whose weights are missing is an error."""
    from editree.engine.segmenters.clipseg import ClipSegSegmenter, segmenter_status
    from editree.engine.segmenters.grounded_sam import GroundedSamSegmenter, detector_status
    from editree.engine.segmenters.sam_backends import sam_backend, sam_status

    if spec == "none":
        return None
    if spec is None:
        detector, sam = detector_status(None), sam_status(None)
        if detector.source and sam.source:
            return GroundedSamSegmenter(detector.source, sam_backend(sam, device), device)
        clipseg = segmenter_status(None)
        return ClipSegSegmenter(clipseg.source, device) if clipseg.source else None
    if spec == GROUNDED_SAM or "," in spec:
        detector_spec, _, sam_spec = spec.partition(",") if "," in spec else (None, "", None)
        detector, sam = detector_status(detector_spec or None), sam_status(sam_spec or None)
        for status in (detector, sam):
            if status.source is None:
                raise MissingDependencyError(status.reason or f"--segmenter {spec!r}: not found")
        return GroundedSamSegmenter(detector.source, sam_backend(sam, device), device)  # type: ignore[arg-type]
    if detector_status(spec).source is not None:
        raise MissingDependencyError(
            f"--segmenter {spec!r} is a GroundingDINO detector, which finds boxes; pair it with a SAM model for "
            f"the masks: --segmenter {spec},sam-vit-base (or a SAM folder)"
        )
    status = segmenter_status(spec)
    if status.source is None:
        raise MissingDependencyError(status.reason or f"--segmenter {spec!r}: not found")
    return ClipSegSegmenter(status.source, device)
