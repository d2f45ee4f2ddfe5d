"""Segment Anything, two ways: transformers' SamModel (a folder or preset) and the original `segment-anything`
package with Meta's checkpoints (a .pth file). Both take box or point prompts and give soft masks.

Boxes come from GroundingDINO; points come from the user (`--point NAME=x,y`). A point is ambiguous (a
shirt or the person wearing it?), so SAM's three candidates are asked for and the one it scores best is kept.
"""

from __future__ import annotations

import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from editree.engine.local_models import LocalModel, load, locate

SAM_PRESETS = {"sam-vit-base": "facebook/sam-vit-base"}
"""Mirrors the "sam" presets of editree.engine.diffusion.presets (this module stays light)."""
DEFAULT_SAM = "sam-vit-base"

Box = tuple[float, float, float, float]
Point = tuple[float, float]


class SamBackend(Protocol):
    name: str

    def for_boxes(self, rgb: np.ndarray, boxes: list[Box]) -> list[np.ndarray]:
        """One float32 H×W mask in [0, 1] per XYXY pixel box."""

    def for_points(self, rgb: np.ndarray, points: list[Point]) -> np.ndarray:
        """One mask for the object under all `points` (pixels)."""


def sam_status(spec: str | None) -> LocalModel:
    """A transformers SAM (preset, folder, cached hub id) or a segment-anything checkpoint file (.pth)."""
    spec = spec or DEFAULT_SAM
    path = Path(spec).expanduser()
    if path.suffix == ".pth":
        if path.is_file():
            return LocalModel(spec, str(path))
        return LocalModel(spec, None, f"SAM checkpoint {spec!r} does not exist; check the path")
    return locate(spec, SAM_PRESETS, "--segmenter", "the SAM model", "sam")


def sam_backend(status: LocalModel, device: str | None = None) -> SamBackend:
    assert status.source is not None
    if status.source.endswith(".pth"):
        return SegmentAnythingSam(status.source, device)
    return TransformersSam(status.source, device)


def _sigmoid(logits: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))).astype(np.float32)


class TransformersSam:
    name = "sam"

    def __init__(self, source: str, device: str | None = None) -> None:
        self.source = source
        self.device = device

    def _run(self, rgb: np.ndarray, multimask: bool, **prompts: Any) -> tuple[np.ndarray, np.ndarray]:
        """(logits N×K×H×W at image size, scores N×K) for N prompts with K candidates each."""
        import torch

        from editree.engine.diffusion.models import pick_device

        device = pick_device(self.device)
        processor, model = load("SamProcessor", "SamModel", self.source, device, "SAM")
        inputs = processor(images=rgb, return_tensors="pt", **prompts).to(device)
        with torch.inference_mode():
            outputs = model(**inputs, multimask_output=multimask)
        logits = processor.image_processor.post_process_masks(
            outputs.pred_masks.float().cpu(),
            inputs["original_sizes"].cpu(),
            inputs["reshaped_input_sizes"].cpu(),
            binarize=False,
        )[0]
        return logits.numpy(), outputs.iou_scores[0].float().cpu().numpy()

    def for_boxes(self, rgb: np.ndarray, boxes: list[Box]) -> list[np.ndarray]:
        if not boxes:
            return []
        logits, _ = self._run(rgb, False, input_boxes=[[list(b) for b in boxes]])
        return [_sigmoid(logits[i, 0]) for i in range(len(boxes))]

    def for_points(self, rgb: np.ndarray, points: list[Point]) -> np.ndarray:
        logits, scores = self._run(rgb, True, input_points=[[[list(p) for p in points]]])
        return _sigmoid(logits[0, int(np.argmax(scores[0]))])


@lru_cache(maxsize=2)
def _segment_anything(checkpoint: str, device: str) -> Any:
    """A SamPredictor for a checkpoint of any size: the architecture is read from the weights themselves
    (width from the patch embedding, depth from the blocks, heads from the relative-position tables,
    global-attention blocks from their larger tables), so ViT-B/L/H and smaller ones all load."""
    import torch

    from editree.errors import MissingDependencyError

    try:
        from segment_anything import SamPredictor
        from segment_anything.build_sam import _build_sam  # the package's one builder; its registry fixes sizes
    except ImportError as exc:
        raise MissingDependencyError(
            f"a .pth SAM checkpoint needs the segment-anything package ({exc}); pip install segment-anything"
        ) from None
    try:
        state = torch.load(checkpoint, map_location="cpu", weights_only=True)
        width = state["image_encoder.patch_embed.proj.weight"].shape[0]
        depth = len({k.split(".")[2] for k in state if k.startswith("image_encoder.blocks.")})
        head_dim = state["image_encoder.blocks.0.attn.rel_pos_h"].shape[1]
        window_rows = min(state[f"image_encoder.blocks.{i}.attn.rel_pos_h"].shape[0] for i in range(depth))
        global_blocks = [
            i for i in range(depth) if state[f"image_encoder.blocks.{i}.attn.rel_pos_h"].shape[0] != window_rows
        ]
        model = _build_sam(width, depth, width // head_dim, global_blocks)
        model.load_state_dict(state)
    except (OSError, RuntimeError, KeyError, ValueError, pickle.UnpicklingError, EOFError) as exc:
        raise MissingDependencyError(
            f"cannot load the SAM checkpoint {checkpoint} ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})"
        ) from None
    return SamPredictor(model.to(device).eval())


class SegmentAnythingSam:
    name = "segment-anything"

    def __init__(self, checkpoint: str, device: str | None = None) -> None:
        self.checkpoint = checkpoint
        self.device = device

    def _predictor(self, rgb: np.ndarray) -> Any:
        from editree.engine.diffusion.models import pick_device

        predictor = _segment_anything(self.checkpoint, pick_device(self.device))
        predictor.set_image(np.ascontiguousarray(rgb))
        return predictor

    def for_boxes(self, rgb: np.ndarray, boxes: list[Box]) -> list[np.ndarray]:
        if not boxes:
            return []
        predictor = self._predictor(rgb)
        masks = []
        for box in boxes:
            logits, _, _ = predictor.predict(box=np.array(box, np.float32), multimask_output=False, return_logits=True)
            masks.append(_sigmoid(logits[0]))
        return masks

    def for_points(self, rgb: np.ndarray, points: list[Point]) -> np.ndarray:
        predictor = self._predictor(rgb)
        coords = np.array(points, np.float32)
        logits, scores, _ = predictor.predict(
            point_coords=coords, point_labels=np.ones(len(points), np.int64), multimask_output=True, return_logits=True
        )
        return _sigmoid(logits[int(np.argmax(scores))])
