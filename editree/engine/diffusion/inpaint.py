"""replace, remove and add by masked regeneration (inpainting).

The model works on a crop around the region (with context around it) at its native resolution, so a
small object gets full detail; the crop is resized back and pasted into the canvas, and the executor
composites through the exact effective mask, so nothing outside the mask changes, even though the
pipeline's VAE round trip alters every pixel it sees.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from editree.engine.diffusion.blend import LatentBlend, PackedLatentBlend
from editree.engine.diffusion.models import load_inpaint_pipeline, model_status
from editree.engine.diffusion.pipeline_call import call_arguments, working_size
from editree.engine.options import EngineOptions
from editree.ops import args as a

REMOVE_PROMPT = "empty background, natural continuation of the surroundings, nothing in the way"
REMOVE_NEGATIVE = "object, person, animal, text, logo, watermark"


def _box(mask: np.ndarray, context: float) -> tuple[int, int, int, int]:
    """XYXY end-exclusive box around the mask, padded by `context` of its size on each side."""
    ys, xs = np.nonzero(mask > 0)
    h, w = mask.shape
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    pad_x, pad_y = round((x1 - x0) * context), round((y1 - y0) * context)
    return max(0, x0 - pad_x), max(0, y0 - pad_y), min(w, x1 + pad_x), min(h, y1 + pad_y)


def inpaint(
    canvas: np.ndarray,
    mask: np.ndarray,
    prompt: str,
    rng: np.random.Generator,
    options: EngineOptions,
    negative: str | None = None,
    reference: np.ndarray | None = None,
    controlled: bool = True,
) -> np.ndarray:
    """canvas uint8 H×W×3, mask float32 H×W (> 0 may change) -> full edited canvas, uint8 H×W×3.
    `reference` (a crop of a preserved subject) conditions generation through the IP-Adapter, if any; with
    --control (and `controlled`), a ControlNet conditions it on the crop's control image."""
    import cv2
    import torch
    from PIL import Image

    # 1. The model, loaded once per process.
    status = model_status(options.model, "inpaint")
    pipe = load_inpaint_pipeline(status, options.device, options.dtype, options.cpu_offload)
    size = working_size(pipe, status.preset.native_size if status.preset else None, options)

    # 2. A crop around the region, at the model's resolution.
    x0, y0, x1, y1 = _box(mask, options.context)
    crop = canvas[y0:y1, x0:x1]
    crop_mask = (mask[y0:y1, x0:x1] > 0).astype(np.uint8) * 255
    width, height = size.fit(x1 - x0, y1 - y0)
    image = Image.fromarray(crop).resize((width, height), Image.Resampling.LANCZOS)
    mask_image = Image.fromarray(crop_mask).resize((width, height), Image.Resampling.NEAREST)

    # 3. Generate, seeded (a CPU generator gives the same noise on every device).
    seed = int(rng.integers(0, 2**31 - 1))
    generator = torch.Generator(device="cpu").manual_seed(seed)
    extra: dict[str, Any] = {}
    if options.control and controlled:  # the ControlNet pipeline of the same base, seeing the crop's structure
        from editree.engine.diffusion.control import with_control

        pipe, extra = with_control(pipe, np.asarray(image), options, "inpaint")
    extra.update(conditioning(pipe, options, reference))
    if LatentBlend.applies(pipe):
        extra["callback_on_step_end"] = LatentBlend(pipe, image, height, width, seed + 1)
        extra["callback_on_step_end_tensor_inputs"] = list(LatentBlend.tensor_inputs)
    elif PackedLatentBlend.applies(pipe):
        extra["callback_on_step_end"] = PackedLatentBlend(pipe, image, mask_image, height, width, seed + 1)
        extra["callback_on_step_end_tensor_inputs"] = list(PackedLatentBlend.tensor_inputs)
    result = pipe(
        **call_arguments(
            pipe,
            options,
            **extra,
            prompt=prompt,
            negative_prompt=negative or options.negative,
            image=image,
            mask_image=mask_image,
            height=height,
            width=width,
            num_inference_steps=options.steps,
            generator=generator,
            output_type="np",
        )
    ).images[0]

    # 4. Back to the crop's size, pasted into a copy of the canvas.
    generated = np.clip(np.rint(np.asarray(result, np.float32) * 255), 0, 255).astype(np.uint8)
    shrinking = width * height > (x1 - x0) * (y1 - y0)
    generated = cv2.resize(
        generated, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    )
    out = canvas.copy()
    out[y0:y1, x0:x1] = generated
    return out


def conditioning(pipe: Any, options: EngineOptions, reference: np.ndarray | None) -> dict[str, Any]:
    """The IP-Adapter inputs for a call: the reference crop, when an adapter is configured. A pipeline
    that carries an adapter from an earlier call gets a neutral reference at zero strength, since its
    attention layers then expect one."""
    from editree.engine.diffusion.ip_adapter import SCALE, attach, attached, locate, reference_image

    if reference is None or not options.ip_adapter:
        if not attached(pipe):
            return {}
        pipe.set_ip_adapter_scale(0.0)
        return {"ip_adapter_image": reference_image(np.zeros((64, 64, 3), np.uint8))}
    from editree.engine.diffusion.pipeline_call import accepts
    from editree.errors import MissingDependencyError, UsageError

    location, reason = locate(options.ip_adapter)
    if location is None:
        raise MissingDependencyError(reason or "IP-Adapter unavailable")
    family = type(pipe).__name__
    if not hasattr(pipe, "load_ip_adapter") or not accepts(pipe, "ip_adapter_image"):
        raise UsageError(
            f"--ip-adapter: {family} takes no IP-Adapter; drop --ip-adapter (identity is still measured and "
            "retried) or use a model that takes one (Stable Diffusion, SDXL, FLUX.1-dev, Kontext)"
        )
    try:
        attach(pipe, location)
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise MissingDependencyError(
            f"cannot attach the IP-Adapter {options.ip_adapter} to {family} ({str(exc).splitlines()[0][:160]}); "
            "an adapter must match the model's family (ip-adapter-sd15 fits Stable Diffusion 1.5)"
        ) from None
    pipe.set_ip_adapter_scale(SCALE)
    return {"ip_adapter_image": reference_image(reference)}


def replace(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.ReplaceArgs | a.AddArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    """replace and add: regenerate the region from the step's prompt (for add, the region is where it goes)."""
    return inpaint(canvas, mask, args.prompt, rng, options, reference=reference)


add = replace


def remove(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: a.RemoveArgs,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray | Any:
    import cv2

    # Grow the region a little: what is removed should not leave its outline behind.
    grown = cv2.dilate((mask > 0).astype(np.uint8), np.ones((9, 9), np.uint8)).astype(np.float32)
    negative = f"{REMOVE_NEGATIVE}, {options.negative}" if options.negative else REMOVE_NEGATIVE
    filled = inpaint(
        canvas, grown, REMOVE_PROMPT, rng, options, negative=negative, reference=reference, controlled=False
    )
    if not options.control:
        return filled
    from editree.engine.op_output import OpOutput

    return OpOutput(filled, warnings=["--control is not applied to a removal: its edges would draw the object back"])
