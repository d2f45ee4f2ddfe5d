"""Open-vocabulary masks with CLIPSeg: any English phrase → a soft mask, through transformers.

CLIPSeg is the fallback for every phrase the bundled mediapipe models do not know ("the sky", "the red car").
It predicts a coarse 352-px probability map, so it works on a downscaled copy (the resolver upsamples the
mask) and the map is turned into a mask with a soft ramp rather than a hard cut, leaving feathered edges.

Weights come from a preset, a local folder saved by transformers or a hub id already in the local cache;
nothing downloads here (`editree models pull clipseg` does, where the network allows). Loaded lazily,
once per process and device.
"""

from __future__ import annotations

import numpy as np

from editree.engine.local_models import LocalModel, load, locate

SEGMENTER_PRESETS = {"clipseg": "CIDAS/clipseg-rd64-refined"}
"""Mirrors the "segmenter" presets of editree.engine.diffusion.presets (kept here so this module stays light)."""
DEFAULT_SEGMENTER = "clipseg"

LOW, HIGH = 0.3, 0.5
"""Probabilities under LOW are outside, over HIGH inside; in between is the feathered edge."""


def segmenter_status(spec: str | None) -> LocalModel:
    """Where the CLIPSeg weights for `spec` (None: the default preset) load from, looking only at files."""
    return locate(spec or DEFAULT_SEGMENTER, SEGMENTER_PRESETS, "--segmenter", "the segmenter", model_type="clipseg")


class ClipSegSegmenter:
    """Any phrase; registered after the specialised segmenters so people and faces keep mediapipe's masks."""

    name = "clipseg"
    max_side = 1024

    def __init__(self, source: str, device: str | None = None) -> None:
        self.source = source
        self.device = device

    def handles(self, text: str) -> bool:
        """Any English phrase; words the lexicon could not translate (still Chinese) would only mislead
        an English-only model, so those are left to --region/--mask."""
        return bool(text.strip()) and text.isascii()

    def probability(self, rgb: np.ndarray, text: str) -> np.ndarray:
        """CLIPSeg's probability map for `text`, resized to the image (float32 H×W in [0, 1])."""
        import cv2
        import torch

        from editree.engine.diffusion.models import pick_device

        device = pick_device(self.device)
        processor, model = load("CLIPSegProcessor", "CLIPSegForImageSegmentation", self.source, device, "CLIPSeg")
        inputs = processor(text=[text], images=[rgb], padding=True, return_tensors="pt").to(device)
        with torch.inference_mode():
            logits = model(**inputs).logits
        coarse = torch.sigmoid(logits.float()).reshape(logits.shape[-2:]).cpu().numpy()
        h, w = rgb.shape[:2]
        return np.clip(cv2.resize(coarse, (w, h), interpolation=cv2.INTER_LINEAR), 0.0, 1.0).astype(np.float32)

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        probability = self.probability(rgb, text)
        return np.clip((probability - LOW) / (HIGH - LOW), 0.0, 1.0).astype(np.float32)
