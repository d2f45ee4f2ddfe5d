"""Open-vocabulary instances with GroundingDINO (text → boxes) then SAM (boxes → masks).

Unlike CLIPSeg's one soft map, this finds each instance with a score, so qualifiers ("the car on the left",
"the largest dog", "the second cup") choose among real objects, and masks follow object edges at SAM's
1024-px resolution. The detector comes from a preset, a folder saved by transformers or a cached hub id; SAM
from those or a segment-anything checkpoint (see sam_backends). Loaded lazily, once per process and device.
"""

from __future__ import annotations

import numpy as np

from editree.engine.local_models import LocalModel, load, locate
from editree.engine.segmenters.sam_backends import SamBackend

DETECTOR_PRESETS = {"grounding-dino-tiny": "IDEA-Research/grounding-dino-tiny"}
"""Mirrors the "detector" presets of editree.engine.diffusion.presets (this module stays light)."""
DEFAULT_DETECTOR = "grounding-dino-tiny"

BOX_THRESHOLD = 0.35
TEXT_THRESHOLD = 0.25
"""GroundingDINO's usual cut-offs: a box counts when its best token, and the phrase, score above these."""


def detector_status(spec: str | None) -> LocalModel:
    return locate(spec or DEFAULT_DETECTOR, DETECTOR_PRESETS, "--segmenter", "the detector", "grounding-dino")


class GroundedSamSegmenter:
    """Any English phrase, instance by instance."""

    name = "grounded-sam"
    max_side = 1024

    def __init__(self, detector: str, sam: SamBackend, device: str | None = None) -> None:
        self.detector = detector
        self.sam = sam
        self.device = device

    def handles(self, text: str) -> bool:
        return bool(text.strip()) and text.isascii()

    def boxes(self, rgb: np.ndarray, text: str) -> list[tuple[float, float, float, float, float]]:
        """(x0, y0, x1, y1, score) in pixels for each instance of `text` the detector finds."""
        import torch

        from editree.engine.diffusion.models import pick_device

        device = pick_device(self.device)
        processor, model = load(
            "AutoProcessor", "GroundingDinoForObjectDetection", self.detector, device, "GroundingDINO"
        )
        prompt = text.lower().strip().rstrip(".") + "."  # GroundingDINO reads lower-case phrases ending in "."
        inputs = processor(images=rgb, text=prompt, return_tensors="pt").to(device)
        with torch.inference_mode():
            outputs = model(**inputs)
        h, w = rgb.shape[:2]
        result = processor.post_process_grounded_object_detection(
            outputs, inputs.input_ids, threshold=BOX_THRESHOLD, text_threshold=TEXT_THRESHOLD, target_sizes=[(h, w)]
        )[0]
        found = []
        for box, score in zip(result["boxes"].tolist(), result["scores"].tolist(), strict=True):
            x0, y0 = max(0.0, box[0]), max(0.0, box[1])
            x1, y1 = min(float(w), box[2]), min(float(h), box[3])
            if x1 - x0 >= 1 and y1 - y0 >= 1:
                found.append((x0, y0, x1, y1, float(score)))
        return found

    def masks_for_boxes(self, rgb: np.ndarray, boxes: list[tuple[float, ...]]) -> list[np.ndarray]:
        """SAM's soft mask (float32 H×W in [0, 1]) for each box."""
        return self.sam.for_boxes(rgb, [(b[0], b[1], b[2], b[3]) for b in boxes])

    def instances(self, rgb: np.ndarray, text: str) -> list:
        """One instance per box; past MAX_INSTANCES boxes (a crowd) one for all, built a few masks at a time."""
        from editree.engine.segmenters.instances import MAX_INSTANCES, Instance

        boxes = self.boxes(rgb, text)
        if len(boxes) <= MAX_INSTANCES:
            return [Instance(mask, box[4]) for mask, box in zip(self.masks_for_boxes(rgb, boxes), boxes, strict=True)]
        crowd = np.zeros(rgb.shape[:2], np.float32)
        for start in range(0, len(boxes), 16):
            for mask in self.masks_for_boxes(rgb, boxes[start : start + 16]):
                np.maximum(crowd, mask, out=crowd)
        return [Instance(crowd, max(box[4] for box in boxes))]

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        from editree.engine.segmenters.instances import union

        return union(self.instances(rgb, text), rgb.shape[:2])
