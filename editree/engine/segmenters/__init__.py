"""Segmenters turn a region phrase into a float mask; a registry finds one by the phrase's words.

Offline ones ship with their weights (mediapipe's person and face models live inside its wheel).
Learned open-vocabulary segmenters register here when their weights are present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

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
    sam: Any = None
    """A SAM backend (editree.engine.segmenters.sam_backends) for user points; None when absent."""

    def find(self, text: str) -> Segmenter | None:
        return next((s for s in self.segmenters if s.handles(text)), None)

    def register(self, segmenter: Segmenter, first: bool = True) -> None:
        self.segmenters.insert(0 if first else len(self.segmenters), segmenter)

    def unregister(self, segmenter: Segmenter) -> None:
        self.segmenters.remove(segmenter)


def default_registry(segmenter: str | None = None, device: str | None = None) -> SegmenterRegistry:
    """mediapipe for people, faces and face parts (eyes, brows, lips), then an open-vocabulary segmenter for
    every other English phrase: GroundingDINO + SAM or CLIPSeg, as `segmenter` names it (see
    editree.engine.segmenters.choose). User points need a SAM: the grounded one, or `segmenter` naming a SAM
    alone, or the default SAM preset when cached. Looks only at files; nothing loads until a mask is needed."""
    from editree.engine.segmenters.choose import choose
    from editree.engine.segmenters.mediapipe_seg import MediapipeFace, MediapipeFaceParts, MediapipePerson

    found: list[Segmenter] = [MediapipePerson(), MediapipeFace(), MediapipeFaceParts()]
    extra, sam = choose(segmenter, device)
    if extra is not None:
        found.append(extra)
    return SegmenterRegistry(found, sam)
