"""Mask-free instruction editing (InstructPix2Pix, FLUX Kontext, Qwen-Image-Edit, …) for what has no
mask-bound op: free-form `edit`, styles with no classical filter, rain and snow, textured recolours.

These models redraw the whole frame and may shift, rescale or recolour it. Their output is resized
back to the input's size and a small shift is estimated (phase correlation) and undone before the
executor composites it through the target mask, so the edit lands where the region is, and pixels
outside the mask stay the input's own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from editree.engine.diffusion.models import (
    ModelStatus,
    from_pretrained_offline,
    model_status,
    pick_device,
    pick_dtype,
    place,
)
from editree.engine.diffusion.pipeline_call import (
    call_arguments,
    edits_images,
    needs_mask,
    reads_chinese,
    working_size,
)
from editree.engine.options import EngineOptions
from editree.errors import MissingDependencyError
from editree.ops import args as a

MAX_SHIFT = 0.05
"""Shifts larger than this fraction of the image are not undone (they are not misalignment)."""


@lru_cache(maxsize=2)
def _load(source: str, device: str, dtype_name: str, low_memory: bool) -> Any:
    pipe = from_pretrained_offline("DiffusionPipeline", source, dtype_name, "an instruction-editing pipeline")
    return place(pipe, device, low_memory)


def load_instruct_pipeline(status: ModelStatus, options: EngineOptions) -> Any:
    if not status.present:
        raise MissingDependencyError(status.reason or f"{status.spec} is not available")
    device = pick_device(options.device)
    dtype = pick_dtype(device, options.dtype)
    pipe = _load(status.source, device, str(dtype).removeprefix("torch."), options.cpu_offload)
    if not edits_images(pipe) or needs_mask(pipe):
        what = "takes no input image" if not edits_images(pipe) else "needs a mask"
        raise MissingDependencyError(
            f"--instruct-model {status.spec} loads as {type(pipe).__name__}, which {what}; an instruction-editing "
            "model is needed (e.g. instruct-pix2pix, flux-kontext or qwen-image-edit; see `editree models list`)"
        )
    return pipe


def estimate_shift(reference: np.ndarray, moved: np.ndarray) -> tuple[float, float]:
    """(dx, dy) such that `moved` ≈ `reference` translated by (dx, dy); both uint8 H×W×3."""
    import cv2

    ref = cv2.cvtColor(reference, cv2.COLOR_RGB2GRAY).astype(np.float32)
    mov = cv2.cvtColor(moved, cv2.COLOR_RGB2GRAY).astype(np.float32)
    window = cv2.createHanningWindow(ref.shape[::-1], cv2.CV_32F)
    (dx, dy), _ = cv2.phaseCorrelate(ref, mov, window)
    return float(dx), float(dy)


def align(reference: np.ndarray, output: np.ndarray) -> np.ndarray:
    """Resize `output` to `reference`'s size and undo a small translation between them."""
    import cv2

    h, w = reference.shape[:2]
    if output.shape[:2] != (h, w):
        output = cv2.resize(output, (w, h), interpolation=cv2.INTER_CUBIC)
    dx, dy = estimate_shift(reference, output)
    if 0.5 <= max(abs(dx), abs(dy)) <= MAX_SHIFT * max(h, w):
        matrix = np.float32([[1, 0, -dx], [0, 1, -dy]])
        output = cv2.warpAffine(output, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    return output


def instruct(
    canvas: np.ndarray,
    instruction: str,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
    written: str | None = None,
) -> np.ndarray:
    """The whole canvas edited by `instruction` (English), aligned back onto the canvas (uint8 H×W×3).
    `written` is the instruction as the user wrote it in Chinese; models that read Chinese get that instead."""
    import torch
    from PIL import Image

    status = model_status(options.instruct_model, "instruct")
    pipe = load_instruct_pipeline(status, options)
    if written and (reads_chinese(pipe) or (status.preset and "zh" in status.preset.languages)):
        instruction = written
    h, w = canvas.shape[:2]
    width, height = working_size(pipe, status.preset.native_size if status.preset else None, options).fit(w, h)
    image = Image.fromarray(canvas).resize((width, height), Image.Resampling.LANCZOS)
    generator = torch.Generator(device="cpu").manual_seed(int(rng.integers(0, 2**31 - 1)))
    from editree.engine.diffusion.inpaint import conditioning

    result = pipe(
        **call_arguments(
            pipe,
            options,
            **conditioning(pipe, options, reference),
            prompt=instruction,
            negative_prompt=options.negative,
            image=image,
            height=height,
            width=width,
            num_inference_steps=options.steps,
            generator=generator,
            output_type="np",
            # Kontext would resize its input to the trained resolution nearest in aspect while generating at ours:
            # a few percent of stretch that no shift estimate undoes. Same size in and out keeps them aligned.
            _auto_resize=False,
        )
    ).images[0]
    out = np.clip(np.rint(np.asarray(result, np.float32) * 255), 0, 255).astype(np.uint8)
    return align(canvas, out)


def edit(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.EditArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    return instruct(canvas, args.instruction, rng, options, reference, written=args.instruction_source)


def restyle(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.RestyleArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    written = None
    if args.style_source:  # "转换成水彩画风格" from 水彩画 or 水彩画风格
        written = f"转换成{args.style_source.removesuffix('风格')}风格"
    return instruct(canvas, f"make it look like {args.style}", rng, options, reference, written=written)


def recolor(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.RecolorArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    return instruct(canvas, f"make it {args.color}", rng, options, reference)


WORDING = {
    "rain": "make it rain",
    "snow": "make it snow",
    "night": "make it night",
    "sunset": "make it sunset",
    "fog": "add fog",
    "haze": "add haze",
}


def atmosphere(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.AtmosphereArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    return instruct(canvas, WORDING[args.effect], rng, options, reference)
