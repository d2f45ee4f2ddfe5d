"""Identity measurement for `preserve_identity(R)`: cosine similarity of image embeddings of R before
and after a generative op, with an embedder named in the output's metadata.

The embedder is a CLIP-style vision model with projection (a preset, a local folder saved by
transformers, or a hub id in the local cache), loaded once per process.
"""

from __future__ import annotations

import numpy as np

from editree.engine.local_models import LocalModel, load, locate
from editree.errors import MissingDependencyError

EMBEDDER_PRESETS = {"clip-vit-large": "openai/clip-vit-large-patch14"}
"""Mirrors the "embedder" presets of editree.engine.diffusion.presets (kept here so this module stays light)."""
DEFAULT_EMBEDDER = "clip-vit-large"


def embedder_status(spec: str | None) -> LocalModel:
    return locate(
        spec or DEFAULT_EMBEDDER,
        EMBEDDER_PRESETS,
        "--identity-model",
        "measuring identity needs the image embedder",
        model_type=None,
    )


def embed(crop: np.ndarray, status: LocalModel) -> np.ndarray:
    """Unit-length embedding of an RGB uint8 crop."""
    import torch

    if status.source is None:
        raise MissingDependencyError(status.reason or f"{status.spec} is not available")
    processor, model = load(
        "AutoImageProcessor", "CLIPVisionModelWithProjection", status.source, what="an image embedder"
    )
    with torch.no_grad():
        inputs = processor(images=crop, return_tensors="pt")
        vector = model(**inputs).image_embeds[0].float().numpy()
    return vector / max(float(np.linalg.norm(vector)), 1e-8)


def box_of(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask > 0.5)
    if not len(xs):
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def similarity(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int], status: LocalModel) -> float:
    x0, y0, x1, y1 = box
    a = embed(before[y0:y1, x0:x1], status)
    b = embed(after[y0:y1, x0:x1], status)
    return float(np.dot(a, b))
