"""ControlNet: generative steps that keep the scene's structure (the lines of a building, a pose, a room's layout).

With `--control KIND`, a replace or add runs through the ControlNet inpainting pipeline of its base model's family,
conditioned on the control image of the crop it regenerates; a restyle, free-form edit, textured recolour or
weather effect runs image-to-image through the ControlNet image-to-image pipeline on a text-to-image base, instead
of an instruction model, so the new look follows the old edges. Either way latents outside the mask are held on the
source while denoising and the executor composites through the exact effective mask, as for every generative step.

The ControlNet pipeline is built from the already loaded base pipeline (`from_pipe`), so the base's weights are
shared, not loaded twice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from editree.engine.diffusion.blend import PackedLatentBlend, _encoded, _noise
from editree.engine.diffusion.controlnets import ControlPlan, resolve
from editree.engine.options import EngineOptions
from editree.errors import MissingDependencyError

IMG2IMG_STRENGTH = 0.75
"""How far image-to-image restyles re-noise the picture: enough for a new look, while the ControlNet holds edges."""

ATMOSPHERE_PROMPTS = {
    "rain": "the same scene in heavy rain, rain streaks, wet surfaces",
    "snow": "the same scene in winter, falling snow, snow on the ground",
    "night": "the same scene at night, dark sky, artificial lights",
    "sunset": "the same scene at sunset, warm golden light",
    "fog": "the same scene in dense fog",
    "haze": "the same scene in soft haze",
}


def plan_for(options: EngineOptions, mode: str) -> ControlPlan:
    plan, why = resolve(options, mode)
    if plan is None:
        raise MissingDependencyError(why or "--control is not available")
    return plan


@lru_cache(maxsize=2)
def _controlnet(source: str, class_name: str, dtype_name: str) -> Any:
    import warnings

    import diffusers
    import torch

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return getattr(diffusers, class_name).from_pretrained(
                source, torch_dtype=getattr(torch, dtype_name), local_files_only=True
            )
    except (OSError, ValueError) as exc:
        raise MissingDependencyError(
            f"cannot load the ControlNet from {source} ({str(exc).splitlines()[0][:160]})"
        ) from None


_BUILT: dict[tuple[int, str, str], tuple[Any, Any]] = {}
"""(id of the base pipeline, pipeline class, ControlNet folder) -> (base, controlled pipeline). The base is kept
beside it so its id cannot be reused by another object while the entry lives."""


def controlled_pipeline(pipe: Any, plan: ControlPlan, options: EngineOptions) -> Any:
    """The ControlNet pipeline `plan` names, sharing `pipe`'s components. In low-memory mode on CUDA it gets a
    base of its own, since offload hooks belong to one pipeline."""
    import diffusers

    from editree.engine.diffusion.controlnets import controlnet_info
    from editree.engine.diffusion.models import from_pretrained_offline, inpainting_class, place

    key = (id(pipe), plan.pipeline, str(plan.controlnet.source))
    if key in _BUILT:
        return _BUILT[key][1]
    dtype_name = str(pipe.dtype).removeprefix("torch.")
    net = _controlnet(plan.controlnet.source, controlnet_info(plan.controlnet.source).class_name, dtype_name)
    cls = getattr(diffusers, plan.pipeline)
    device = str(getattr(pipe, "_execution_device", None) or pipe.device)
    if options.cpu_offload and device.startswith("cuda"):
        base = from_pretrained_offline(
            inpainting_class(plan.base.source), plan.base.source, dtype_name, "the ControlNet's base pipeline"
        )
        controlled = place(_from_pipe(cls, base, net), device, True)
    else:
        controlled = _from_pipe(cls, pipe, net.to(device))
    controlled.set_progress_bar_config(disable=True)
    if len(_BUILT) >= 2:
        _BUILT.pop(next(iter(_BUILT)))
    _BUILT[key] = (pipe, controlled)
    return controlled


def _from_pipe(cls: Any, pipe: Any, net: Any) -> Any:
    """`cls` sharing `pipe`'s components, plus the ControlNet, in `pipe`'s dtype (from_pipe would otherwise cast
    the shared modules to float32)."""
    import warnings

    with warnings.catch_warnings():  # newer diffusers renamed torch_dtype; older ones know only that name
        warnings.simplefilter("ignore", FutureWarning)
        return cls.from_pipe(pipe, controlnet=net, torch_dtype=pipe.dtype)


def with_control(pipe: Any, picture: np.ndarray, options: EngineOptions, mode: str) -> tuple[Any, dict[str, Any]]:
    """(the ControlNet pipeline for `pipe`, the call arguments that condition it on `picture`'s control image).
    `picture` is what the pipeline will see (uint8 H×W×3 at its working size)."""
    from PIL import Image

    from editree.engine.control_images import control_image

    plan = plan_for(options, mode)
    controlled = controlled_pipeline(pipe, plan, options)
    device = str(getattr(controlled, "_execution_device", None) or "cpu")
    hint = control_image(picture, plan_kind(options), "cuda" if device.startswith("cuda") else "cpu")
    return controlled, {"control_image": Image.fromarray(hint), "controlnet_conditioning_scale": options.control_scale}


def plan_kind(options: EngineOptions) -> str:
    assert options.control is not None
    return options.control


class HeldOutside:
    """Latent blending for image-to-image pipelines, which take no mask: latents outside the step's mask are held
    on the source, noised to where denoising stands, so the restyled region meets its surroundings without a seam.
    Image-to-image starts part way down the schedule: step i of the call is step (offset + i) of the scheduler."""

    tensor_inputs = ("latents",)

    def __init__(self, pipe: Any, image: Any, mask_image: Any, height: int, width: int, seed: int) -> None:
        import torch

        self.source = _encoded(pipe, image, height, width) * pipe.vae.config.scaling_factor
        pixels = torch.from_numpy(np.asarray(mask_image, np.float32) / 255.0)[None, None]
        grid = torch.nn.functional.adaptive_max_pool2d(pixels, tuple(self.source.shape[-2:]))
        self.mask = grid.to(self.source.device, self.source.dtype)
        self.noise = _noise(self.source, seed)

    def __call__(self, pipe: Any, step: int, timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
        latents = tensors["latents"]
        timesteps = pipe.scheduler.timesteps
        at = len(timesteps) - pipe._num_timesteps + step
        if at < len(timesteps) - 1:
            source = pipe.scheduler.add_noise(self.source, self.noise, timesteps[at + 1 : at + 2])
        else:
            source = self.source
        return {"latents": (1 - self.mask) * source.to(latents.dtype) + self.mask * latents}


class PackedHeldOutside(PackedLatentBlend):
    """The same for FLUX's packed flow-matching latents."""

    def __call__(self, pipe: Any, step: int, timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
        latents = tensors["latents"]
        sigmas = pipe.scheduler.sigmas
        at = len(pipe.scheduler.timesteps) - pipe._num_timesteps + step
        sigma = float(sigmas[min(at + 1, len(sigmas) - 1)])
        source = (1 - sigma) * self.source + sigma * self.noise
        return {"latents": (1 - self.mask) * source.to(latents.dtype) + self.mask * latents}


def image_to_image(
    canvas: np.ndarray,
    mask: np.ndarray,
    prompt: str,
    rng: np.random.Generator,
    options: EngineOptions,
    reference: np.ndarray | None = None,
) -> np.ndarray:
    """The whole canvas re-rendered from `prompt` under the control image of the canvas (uint8 H×W×3 back); the
    executor keeps only what lies under the step's effective mask."""
    import cv2
    import torch
    from PIL import Image

    from editree.engine.diffusion.inpaint import conditioning
    from editree.engine.diffusion.models import load_inpaint_pipeline
    from editree.engine.diffusion.pipeline_call import call_arguments, working_size

    plan = plan_for(options, "img2img")
    pipe = load_inpaint_pipeline(plan.base, options.device, options.dtype, options.cpu_offload)
    h, w = canvas.shape[:2]
    width, height = working_size(pipe, plan.base.preset.native_size if plan.base.preset else None, options).fit(w, h)
    image = Image.fromarray(canvas).resize((width, height), Image.Resampling.LANCZOS)
    controlled, extra = with_control(pipe, np.asarray(image), options, "img2img")
    seed = int(rng.integers(0, 2**31 - 1))
    extra.update(conditioning(controlled, options, reference))
    if not bool((mask > 0).all()):
        mask_image = Image.fromarray(((mask > 0) * 255).astype(np.uint8)).resize((width, height), Image.NEAREST)
        if plan.family == "flux":
            blend: Any = PackedHeldOutside(controlled, image, mask_image, height, width, seed + 1)
        else:
            blend = HeldOutside(controlled, image, mask_image, height, width, seed + 1)
        extra["callback_on_step_end"] = blend
        extra["callback_on_step_end_tensor_inputs"] = list(blend.tensor_inputs)
    result = controlled(
        **call_arguments(
            controlled,
            options,
            **extra,
            prompt=prompt,
            negative_prompt=options.negative,
            image=image,
            strength=IMG2IMG_STRENGTH,
            height=height,
            width=width,
            num_inference_steps=options.steps,
            generator=torch.Generator(device="cpu").manual_seed(seed),
            output_type="np",
        )
    ).images[0]
    out = np.clip(np.rint(np.asarray(result, np.float32) * 255), 0, 255).astype(np.uint8)
    if out.shape[:2] != (h, w):
        shrinking = width * height > w * h
        out = cv2.resize(out, (w, h), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC)
    return out


CONTROLLED_PROMPTS: dict[str, Callable[[Any], str]] = {
    "restyle": lambda args: f"{args.style}, the same composition",
    "edit": lambda args: args.instruction,
    "recolor": lambda args: f"the same picture in {args.color}",
    "atmosphere": lambda args: ATMOSPHERE_PROMPTS.get(args.effect, f"the same scene with {args.effect}"),
}
"""The instruction-model ops that, under --control, run image-to-image on the ControlNet's base instead, and the
text prompt each gives that base (a text-to-image model reads a description, not an instruction). replace and add
take the control image of their crop in inpaint.py; remove does not, since its edges would draw the object back,
nor extend, whose margins have no structure yet."""


def routed(op: str, plain: Any) -> Any:
    """`plain` (the instruction-model op), or under --control the image-to-image ControlNet op of the same name."""

    def run(
        canvas: np.ndarray,
        mask: np.ndarray,
        args: Any,
        rng: np.random.Generator,
        options: EngineOptions,
        reference: np.ndarray | None = None,
    ) -> Any:
        if options.control:
            return image_to_image(canvas, mask, CONTROLLED_PROMPTS[op](args), rng, options, reference)
        return plain(canvas, mask, args, rng, options, reference=reference)

    run.__name__ = run.__qualname__ = f"{op}_or_controlled"
    return run
