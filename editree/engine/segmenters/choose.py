"""Which open-vocabulary segmenter, and which SAM for user points, a `--segmenter` value names, from files
alone (no torch, no network).

    (unset)            GroundingDINO + SAM when both default presets are cached, else CLIPSeg when cached,
                       else none (people, faces and face parts still work offline)
    none               only the offline segmenters
    grounded-sam       the default GroundingDINO and SAM presets
    DETECTOR,SAM       GroundingDINO and SAM, each a preset, a folder or a cached hub id (SAM may also be
                       a segment-anything checkpoint, sam_vit_b_01ec64.pth)
    SAM                a SAM alone (preset, folder or .pth): for --point, no open-vocabulary phrases
    clipseg | FOLDER   CLIPSeg (a preset, or a folder saved by transformers)

User points (--point) use the grounded SAM, the SAM named alone, or else the default SAM preset when cached.
"""

from __future__ import annotations

from typing import Any

from editree.errors import MissingDependencyError

GROUNDED_SAM = "grounded-sam"


def _required(status: Any, spec: str) -> str:
    if status.source is None:
        raise MissingDependencyError(status.reason or f"--segmenter {spec!r}: not found")
    return status.source


def choose(spec: str | None, device: str | None = None) -> tuple[Any | None, Any | None]:
    """(open-vocabulary segmenter or None, SAM backend for points or None); a named model whose weights are
    missing is an error."""
    from editree.engine.segmenters.clipseg import ClipSegSegmenter, segmenter_status
    from editree.engine.segmenters.grounded_sam import GroundedSamSegmenter, detector_status
    from editree.engine.segmenters.sam_backends import sam_backend, sam_status

    default_sam = sam_status(None)
    cached_sam = sam_backend(default_sam, device) if default_sam.source else None
    if spec == "none":
        return None, cached_sam
    if spec is None:
        detector = detector_status(None)
        if detector.source and cached_sam is not None:
            return GroundedSamSegmenter(detector.source, cached_sam, device), cached_sam
        clipseg = segmenter_status(None)
        return (ClipSegSegmenter(clipseg.source, device) if clipseg.source else None), cached_sam
    if spec == GROUNDED_SAM or "," in spec:
        detector_spec, _, sam_spec = spec.partition(",") if "," in spec else ("", "", "")
        detector = _required(detector_status(detector_spec or None), spec)
        named_sam = sam_status(sam_spec or None)
        _required(named_sam, spec)
        sam = sam_backend(named_sam, device)
        return GroundedSamSegmenter(detector, sam, device), sam
    if detector_status(spec).source is not None:
        raise MissingDependencyError(
            f"--segmenter {spec!r} is a GroundingDINO detector, which finds boxes; pair it with a SAM model for "
            f"the masks: --segmenter {spec},sam-vit-base (or a SAM folder or .pth checkpoint)"
        )
    alone = sam_status(spec)
    if alone.source is not None:
        return None, sam_backend(alone, device)
    return ClipSegSegmenter(_required(segmenter_status(spec), spec), device), cached_sam
