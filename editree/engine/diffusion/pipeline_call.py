"""What a loaded diffusers pipeline accepts and how it is best called, read from the pipeline itself.

Pipeline families differ in more than weights: FLUX.1 Fill takes no negative prompt and wants a guidance
of about 30, FLUX.1 Kontext about 2.5 and would resize its input to a trained resolution of another aspect,
Qwen-Image-Edit steers with `true_cfg_scale` and only uses it when a negative prompt is given, and
transformer pipelines pack latents in 2x2 patches, so their sizes must be multiples of 16, not 8.
Reading the call signature and the image processor (instead of assuming Stable Diffusion) is what lets
editree run any model a user points it at, preset or not.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from editree.engine.options import EngineOptions

FAMILY_DEFAULTS: dict[str, dict[str, Any]] = {
    "FluxFillPipeline": {"guidance_scale": 30.0},
    "FluxControlNetInpaintPipeline": {"guidance_scale": 3.5},
    "FluxControlNetImg2ImgPipeline": {"guidance_scale": 3.5},
    "FluxKontextPipeline": {"guidance_scale": 2.5},
    "FluxKontextInpaintPipeline": {"guidance_scale": 2.5},
    "QwenImageEditPipeline": {"true_cfg_scale": 4.0, "negative_prompt": " "},
    "QwenImageEditPlusPipeline": {"true_cfg_scale": 4.0, "negative_prompt": " "},
    "QwenImageEditInpaintPipeline": {"true_cfg_scale": 4.0, "negative_prompt": " "},
}
"""The settings each family's authors recommend, used unless the user sets --guidance."""

GUIDANCE_PARAMETER: dict[str, str] = {
    "QwenImageEditPipeline": "true_cfg_scale",
    "QwenImageEditPlusPipeline": "true_cfg_scale",
    "QwenImageEditInpaintPipeline": "true_cfg_scale",
}
"""Where --guidance goes for families whose `guidance_scale` is a distilled embedding, not CFG."""

READS_CHINESE = frozenset({"QwenImageEditPipeline", "QwenImageEditPlusPipeline", "QwenImageEditInpaintPipeline"})
"""Families whose text encoder reads Chinese (Qwen2.5-VL): they get the user's words as written."""


@lru_cache(maxsize=64)
def _parameters(cls: type) -> frozenset[str]:
    return frozenset(inspect.signature(cls.__call__).parameters) - {"self"}


def accepts(pipe: Any, name: str) -> bool:
    """Whether a pipeline (or pipeline class) takes `name` in its call."""
    return name in _parameters(pipe if isinstance(pipe, type) else type(pipe))


@dataclass(frozen=True)
class WorkingSize:
    native: int
    """The long side the model was trained at, in pixels."""
    multiple: int
    """What width and height must be multiples of (the VAE's factor, times 2 where latents are packed)."""

    def fit(self, width: int, height: int) -> tuple[int, int]:
        """(width, height) with the same aspect ratio, the long side at `native`, rounded to `multiple`."""
        scale = self.native / max(width, height)
        m = self.multiple
        return max(m, round(width * scale / m) * m), max(m, round(height * scale / m) * m)


def working_size(pipe: Any, preset_native: int | None, options: EngineOptions) -> WorkingSize:
    """The size to run `pipe` at: --resolution, else the preset's, else what the pipeline defaults to."""
    processor = getattr(pipe, "image_processor", None)
    vae_factor = int(getattr(pipe, "vae_scale_factor", 8) or 8)
    multiple = int(getattr(getattr(processor, "config", None), "vae_scale_factor", vae_factor) or vae_factor)
    native = options.resolution or preset_native or _default_native(pipe, vae_factor)
    return WorkingSize(max(multiple, native // multiple * multiple), multiple)


def _default_native(pipe: Any, vae_factor: int) -> int:
    unet = getattr(pipe, "unet", None)
    if unet is not None and getattr(unet.config, "sample_size", None):
        return int(unet.config.sample_size) * vae_factor
    if getattr(pipe, "default_sample_size", None):  # transformer pipelines (FLUX, Qwen-Image)
        return int(pipe.default_sample_size) * vae_factor
    return 512


def call_arguments(pipe: Any, options: EngineOptions, **wanted: Any) -> dict[str, Any]:
    """The keyword arguments for `pipe(...)`: what editree wants, the family's recommended settings and
    the user's guidance, keeping only the names this pipeline's call takes. Nones are dropped, so the
    pipeline's own default applies."""
    family = type(pipe).__name__
    arguments = {**FAMILY_DEFAULTS.get(family, {}), **{k: v for k, v in wanted.items() if v is not None}}
    if options.guidance is not None:
        arguments[GUIDANCE_PARAMETER.get(family, "guidance_scale")] = options.guidance
    if "max_area" in _parameters(type(pipe)) and "width" in arguments and "height" in arguments:
        arguments["max_area"] = arguments["width"] * arguments["height"]  # Kontext: resize to our size, not 1 MP
    return {k: v for k, v in arguments.items() if k in _parameters(type(pipe))}


def edits_images(pipe: Any) -> bool:
    """True for a pipeline that takes an input image (instruction editing), not only a prompt."""
    return accepts(pipe, "image")


def needs_mask(pipe: Any) -> bool:
    return accepts(pipe, "mask_image")


def reads_chinese(pipe: Any) -> bool:
    return type(pipe).__name__ in READS_CHINESE
