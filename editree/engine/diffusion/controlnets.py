"""Which ControlNet and which base model a controlled step runs on, decided from files alone (no torch), so a
missing or mismatched ControlNet stops the run before any image is read or weights load.

A ControlNet only fits the base family it was trained with: its config says which (a FLUX ControlNet is a
FluxControlNetModel; an SDXL one adds SDXL's time embeddings; SD 1.5 and SD 2 differ by the width of their text
conditioning), and so does the base's model_index.json and denoiser config. Image-to-image control (restyles)
needs a base whose denoiser takes plain latents: an inpainting checkpoint (a 9-channel UNet, FLUX.1 Fill) cannot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editree.engine.diffusion.models import ModelStatus, _cached, model_status, pull_command
from editree.engine.diffusion.presets import PRESETS
from editree.engine.options import EngineOptions

FAMILY_NAMES = {"sd": "Stable Diffusion", "sdxl": "SDXL", "flux": "FLUX.1-dev"}

PIPELINES = {
    ("sd", "inpaint"): "StableDiffusionControlNetInpaintPipeline",
    ("sd", "img2img"): "StableDiffusionControlNetImg2ImgPipeline",
    ("sdxl", "inpaint"): "StableDiffusionXLControlNetInpaintPipeline",
    ("sdxl", "img2img"): "StableDiffusionXLControlNetImg2ImgPipeline",
    ("flux", "inpaint"): "FluxControlNetInpaintPipeline",
    ("flux", "img2img"): "FluxControlNetImg2ImgPipeline",
}
"""The diffusers pipeline for each base family and way of running: masked regeneration or image-to-image."""

CONTROLNET_CLASSES = ("ControlNetModel", "FluxControlNetModel")


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class BaseModel:
    """What a base pipeline folder is, for ControlNet's purposes."""

    family: str | None
    """"sd", "sdxl" or "flux"; None when ControlNet has no pipeline for it."""
    class_name: str
    plain_latents: bool
    """Its denoiser takes plain latents (text-to-image), not latents plus a mask and a masked image."""
    text_width: int | None
    """The width of the text conditioning its denoiser attends to (SD 1.5: 768, SD 2: 1024, SDXL: 2048)."""


def base_model(source: str) -> BaseModel:
    folder = Path(source)
    index = _json(folder / "model_index.json")
    name = str(index.get("_class_name", "?"))
    if "transformer" in index:
        config = _json(folder / "transformer" / "config.json")
        flux = name.startswith("Flux") and "Kontext" not in name
        latent = _json(folder / "vae" / "config.json").get("latent_channels", 16)
        plain = config.get("in_channels") == 4 * latent  # FLUX.1 Fill adds the masked image and the mask
        return BaseModel("flux" if flux and plain else None, name, plain, config.get("joint_attention_dim"))
    if "unet" in index:
        config = _json(folder / "unet" / "config.json")
        xl = config.get("addition_embed_type") == "text_time"
        plain = config.get("in_channels") == 4
        instruct = "InstructPix2Pix" in name  # an 8-channel UNet that also sees the input image
        family = None if instruct else ("sdxl" if xl else "sd")
        return BaseModel(family, name, plain, config.get("cross_attention_dim"))
    return BaseModel(None, name, False, None)


@dataclass(frozen=True)
class ControlNetInfo:
    family: str | None
    class_name: str
    text_width: int | None


def controlnet_info(source: str) -> ControlNetInfo:
    config = _json(Path(source) / "config.json")
    name = str(config.get("_class_name", "?"))
    if name == "FluxControlNetModel":
        return ControlNetInfo("flux", name, config.get("joint_attention_dim"))
    if name == "ControlNetModel":
        family = "sdxl" if config.get("addition_embed_type") == "text_time" else "sd"
        return ControlNetInfo(family, name, config.get("cross_attention_dim"))
    return ControlNetInfo(None, name, None)


def _presets_for(kind: str, family: str | None) -> list[Any]:
    return [
        p
        for p in PRESETS.values()
        if p.kind == "controlnet" and p.extra.get("control") == kind and (family is None or p.extra["family"] == family)
    ]


def controlnet_status(spec: str | None, kind: str, family: str | None) -> ModelStatus:
    """Where the ControlNet loads from: `spec` (a preset, a folder with a ControlNet's config.json, or a hub id in
    the local cache), or with no spec the first preset for `kind` and the base's `family` that is here."""
    flag = "--control-model"
    if spec is None:
        candidates = _presets_for(kind, family)
        for preset in candidates:
            if folder := _cached(preset.repo, preset.revision, "config.json"):
                return ModelStatus(preset.name, folder, preset)
        family_name = FAMILY_NAMES.get(family or "", family or "this")
        if not candidates:
            return ModelStatus(
                f"controlnet-{kind}",
                None,
                None,
                f"editree knows no {kind} ControlNet for {family_name} base models; pass {flag} PATH (a folder saved "
                f"by diffusers' ControlNetModel) or a hub id in the local cache",
            )
        first = candidates[0]
        return ModelStatus(
            first.name,
            None,
            first,
            f"--control {kind} needs a ControlNet: none for {family_name} is in the local model cache; run "
            f"`{pull_command(first.name)}` where the network allows, or pass {flag} PATH",
        )
    if spec in PRESETS:
        preset = PRESETS[spec]
        if preset.kind != "controlnet":
            return ModelStatus(spec, None, None, f"{flag} {spec!r} is a {preset.kind} preset, not a ControlNet")
        folder = _cached(preset.repo, preset.revision, "config.json")
        reason = None
        if not folder:
            reason = (
                f"ControlNet preset {spec!r} ({preset.repo}) is not in the local model cache; run "
                f"`{pull_command(spec)}` where the network allows, or pass {flag} PATH"
            )
        return ModelStatus(spec, folder, preset, reason)
    path = Path(spec).expanduser()
    if path.exists():
        if controlnet_info(str(path)).class_name in CONTROLNET_CLASSES:
            return ModelStatus(spec, str(path), None)
        return ModelStatus(
            spec,
            None,
            None,
            f"{flag} {spec}: no ControlNet here (expected a config.json written by ControlNetModel or "
            "FluxControlNetModel save_pretrained)",
        )
    if spec.startswith((".", "/", "~")):
        return ModelStatus(spec, None, None, f"{flag} {spec!r}: no such folder")
    if "/" in spec:
        folder = _cached(spec, "main", "config.json")
        reason = None if folder else f"{spec} is not in the local model cache; `huggingface-cli download {spec}`"
        return ModelStatus(spec, folder, None, reason)
    presets = ", ".join(p.name for p in PRESETS.values() if p.kind == "controlnet")
    return ModelStatus(
        spec, None, None, f"{flag} {spec!r} is neither a ControlNet preset ({presets}), a folder nor a hub id"
    )


def base_status(options: EngineOptions, mode: str) -> ModelStatus:
    """The base model a controlled step runs on: --model; without it, for masked steps the inpainting model
    editree would use anyway, for image-to-image the first text-to-image base preset here."""
    if options.model is not None or mode == "inpaint":
        return model_status(options.model, "inpaint")
    for preset in PRESETS.values():
        if preset.kind == "base" and (folder := _cached(preset.repo, preset.revision)):
            return ModelStatus(preset.name, folder, preset)
    return ModelStatus(
        "sd15",
        None,
        PRESETS["sd15"],
        "a restyle with --control runs image-to-image on a text-to-image base model, and none is here; run "
        f"`{pull_command('sd15')}` (or sdxl, flux-dev) where the network allows, or pass --model PATH",
    )


@dataclass(frozen=True)
class ControlPlan:
    """Everything a controlled step needs, resolved: the base, its family, the ControlNet and the pipeline class."""

    base: ModelStatus
    family: str
    controlnet: ModelStatus
    pipeline: str


def resolve(options: EngineOptions, mode: str) -> tuple[ControlPlan | None, str | None]:
    """(the resolved plan, None), or (None, why this step cannot run under --control and what to do)."""
    from editree.engine.control_images import CONTROL_KINDS, annotator_status

    kind = options.control or ""
    if kind not in CONTROL_KINDS:
        return None, f"--control {kind!r}: expected one of {', '.join(CONTROL_KINDS)}"
    if not 0.0 <= options.control_scale <= 2.0:
        return None, f"--control-scale {options.control_scale}: expected a number from 0.0 to 2.0"
    base = base_status(options, mode)
    if not base.present:
        return None, base.reason
    info = base_model(base.source)
    if info.family is None:
        return None, (
            f"--control runs on Stable Diffusion, SDXL or FLUX.1-dev base models; {base.spec} loads as "
            f"{info.class_name}, which takes no ControlNet (FLUX ControlNets need --model flux-dev, not FLUX.1 Fill)"
        )
    if mode == "img2img" and not info.plain_latents:
        return None, (
            f"a restyle with --control runs image-to-image on a text-to-image model; {base.spec} is an inpainting "
            f"checkpoint; pass --model {'sdxl' if info.family == 'sdxl' else 'sd15'} (`editree models pull "
            f"{'sdxl' if info.family == 'sdxl' else 'sd15'}`) or another text-to-image folder"
        )
    net = controlnet_status(options.control_model, kind, info.family)
    if not net.present:
        return None, net.reason
    found = controlnet_info(net.source)
    if found.family != info.family or (found.text_width and info.text_width and found.text_width != info.text_width):
        return None, (
            f"ControlNet {net.spec} was trained for {FAMILY_NAMES.get(found.family or '', found.class_name)} "
            f"(text width {found.text_width}) and does not fit the base {base.spec} "
            f"({FAMILY_NAMES[info.family]}, text width {info.text_width}); pass a matching --control-model"
        )
    annotator = annotator_status(kind)
    if not annotator.present:
        return None, annotator.reason
    return ControlPlan(base, info.family, net, PIPELINES[(info.family, mode)]), None


CONTROLLED_OPS = frozenset({"replace", "add", "restyle", "edit", "recolor", "atmosphere"})
"""The ops --control conditions when they run on diffusers (remove and extend never take it)."""
IMAGE_TO_IMAGE_OPS = frozenset({"restyle", "edit", "recolor", "atmosphere"})


def provenance_record(used: set[str], options: EngineOptions) -> dict[str, Any] | None:
    """What conditioned the controlled steps that ran (`used`: the ops that ran on diffusers), for the output's
    metadata: kind, scale, the ControlNet and the annotator with the commits that ran, and the base model."""
    from editree.engine.control_images import annotator_status

    controlled = used & CONTROLLED_OPS
    if not options.control or not controlled:
        return None
    plan, _ = resolve(options, "img2img" if controlled & IMAGE_TO_IMAGE_OPS else "inpaint")
    if plan is None:  # it ran, so it resolved; files removed since then leave nothing to record
        return None
    net, annotator = plan.controlnet, annotator_status(options.control)
    return {
        "kind": options.control,
        "scale": options.control_scale,
        "model": net.spec,
        "repo": net.preset.repo if net.preset else None,
        "revision": net.preset.revision if net.preset else None,
        "commit": net.commit,
        "pipeline": plan.pipeline,
        "base": plan.base.spec,
        "annotator": annotator.preset,
        "annotator_commit": annotator.commit,
        "ops": sorted(controlled),
    }
