"""Segmenters turn a region phrase into a float mask; a registry finds one by the phrase's words.

Offline ones ship with their weights (mediapipe's person and face models live inside its wheel).
Learned open-vocabulary segmenters register here when their weights are present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


class Segmenter(Protocol):
    """Capabilities are attributes: `max_side` (segment a downscaled copy of larger images; None: any
    size) and an optional `instances(rgb, text) -> list[Instance]` for segmenters that tell instances
    apart (the resolver otherwise uses the connected parts of the mask)."""

    name: str

    def handles(self, text: str) -> bool:
        """True if this segmenter knows what `text` (an English region phrase) looks like."""

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        """float32 H×W mask in [0, 1] for `text` in `rgb` (uint8 H×W×3); all zeros when absent."""


@dataclass
class SegmenterRegistry:
    segmenters: list[Segmenter]

    def find(self, text: str) -> Segmenter | None:
        return next((s for s in self.segmenters if s.handles(text)), None)

    def register(self, segmenter: Segmenter, first: bool = True) -> None:
        self.segmenters.insert(0 if first else len(self.segmenters), segmenter)

    def unregister(self, segmenter: Segmenter) -> None:
        self.segmenters.remove(segmenter)


def default_registry(segmenter: str | None = None, device: str | None = None) -> SegmenterRegistry:
    """mediapipe for people, faces and face parts (eyes, brows, lips), then CLIPSeg for every other
    phrase: the one `segmenter` names (a preset or a folder; missing weights are an error), or by default
    the preset when it is in the local cache (absent: only the offline segmenters, and other phrases need
    --region/--mask). "none" turns it off. Looks only at files; nothing loads until a mask is needed."""
    from editree.engine.segmenters.clipseg import ClipSegSegmenter, segmenter_status
    from editree.engine.segmenters.mediapipe_seg import MediapipeFace, MediapipeFaceParts, MediapipePerson

    found: list[Segmenter] = [MediapipePerson(), MediapipeFace(), MediapipeFaceParts()]
    if segmenter != "none":
        status = segmenter_status(segmenter)
        if status.source is not None:
            found.append(ClipSegSegmenter(status.source, device))
        elif segmenter is not None:
            from editree.errors import MissingDependencyError

            raise MissingDependencyError(status.reason or f"--segmenter {segmenter!r}: not found")
    return SegmenterRegistry(found)
