"""Which implementation runs each op, found by name, with a truthful answer to "can it run this?".

Importing this module is light (no torch): `editree ops` reads it to say which engines implement
each op. The `auto` engine picks, per step, the first implementation that supports the step's
args and needs nothing that is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editree.engine.options import EngineOptions
from editree.ops import Edit

OpFunction = Callable[..., Any]


@dataclass(frozen=True)
class Implementation:
    op: str
    engine: str
    """"classical", "diffusers", "ncnn" or "remote"."""
    describe: str
    supports: Callable[[Edit, EngineOptions], str | None]
    """None when this implementation can run the step with these options; otherwise why not."""
    load: Callable[[], OpFunction]
    """Imports lazily and returns the function (canvas, mask, args, rng) -> edited canvas."""
    geometry: bool = False
    """True for ops that change the picture's geometry (editree.engine.canvas); they run after pixel edits."""
    by_choice: bool = False
    """True for a stand-in that `auto` never picks (Lanczos for upscale): it runs only under its own --engine."""
    wants_regions: bool = False
    """True for ops whose args name another region (move beside X): they are given `resolve=` to find it."""


IMPLEMENTATIONS: dict[str, list[Implementation]] = {}


def register(impl: Implementation) -> None:
    IMPLEMENTATIONS.setdefault(impl.op, []).append(impl)


def unregister(impl: Implementation) -> None:
    IMPLEMENTATIONS.get(impl.op, []).remove(impl)


def _classical(name: str) -> Callable[[], OpFunction]:
    def load() -> OpFunction:
        from editree.engine import classical

        return getattr(classical, name)

    return load


def _always(step: Edit, options: EngineOptions) -> str | None:
    return None


def _atmosphere_supported(step: Edit, options: EngineOptions) -> str | None:
    from editree.engine.classical_support import ATMOSPHERE_EFFECTS

    effect = step.args.effect
    return None if effect in ATMOSPHERE_EFFECTS else f"the classical engine has no {effect!r} effect"


def _style_supported(step: Edit, options: EngineOptions) -> str | None:
    from editree.engine.classical_support import NAMED_STYLES

    style = step.args.style.strip().lower()
    if style in NAMED_STYLES:
        return None
    return f"style {step.args.style!r} is not a named classical style ({', '.join(sorted(NAMED_STYLES))})"


def _color_prompt(field: str) -> Callable[[Edit], str | None]:
    def supported(step: Edit, options: EngineOptions) -> str | None:
        from editree.engine.colors import parse_color

        text = getattr(step.args, field)
        return None if parse_color(text) is not None else f"{text!r} is not a plain colour"

    return supported


for _impl in (
    Implementation("adjust", "classical", "all properties", _always, _classical("adjust")),
    Implementation("blur", "classical", "mask-aware Gaussian blur", _always, _classical("blur")),
    Implementation(
        "atmosphere", "classical", "fog, haze, night, sunset", _atmosphere_supported, _classical("atmosphere")
    ),
    Implementation("restyle", "classical", "black and white, sepia", _style_supported, _classical("restyle")),
    Implementation("recolor", "classical", "named colours and #hex", _color_prompt("color"), _classical("recolor")),
    Implementation(
        "replace", "classical", "with a plain colour", _color_prompt("prompt"), _classical("replace_with_color")
    ),
    Implementation("enhance", "classical", "denoise, dehaze, deblur, auto", _always, _classical("enhance")),
    Implementation("crop", "classical", "box or centred aspect ratio", _always, _classical("adjust"), geometry=True),
    Implementation(
        "rotate",
        "classical",
        "any angle; quarter turns exact; straighten",
        _always,
        _classical("adjust"),
        geometry=True,
    ),
    Implementation("flip", "classical", "horizontal, vertical (exact)", _always, _classical("adjust"), geometry=True),
    Implementation("resize", "classical", "area/cubic resampling", _always, _classical("adjust"), geometry=True),
):
    register(_impl)


def _remote_model(step: Edit, options: EngineOptions) -> str | None:
    from editree.engine.remote.availability import remote_unavailable

    return remote_unavailable(step, options)


def _remote() -> OpFunction:
    from editree.engine.remote.engine import remote_op

    return remote_op


# Hosted models (--model gemini:NAME, openai:NAME), before the local pipelines: a remote model named on the command
# line runs every generative op, inpainting and instruction alike; without one these rows are never chosen.
for _op in ("replace", "remove", "add", "edit", "restyle", "recolor", "atmosphere"):
    register(Implementation(_op, "remote", "hosted model (--model gemini:NAME, openai:NAME)", _remote_model, _remote))


def _inpaint_model(step: Edit, options: EngineOptions) -> str | None:
    from editree.engine.diffusion.models import model_status

    return model_status(options.model, "inpaint").reason


def _instruct_model(step: Edit, options: EngineOptions) -> str | None:
    if options.control:  # runs image-to-image on the ControlNet's base instead (editree.engine.diffusion.control)
        return _control_reason(options, "img2img")
    from editree.engine.diffusion.models import model_status

    return model_status(options.instruct_model, "instruct").reason


def _controllable_inpaint_model(step: Edit, options: EngineOptions) -> str | None:
    return _control_reason(options, "inpaint") if options.control else _inpaint_model(step, options)


def _control_reason(options: EngineOptions, mode: str) -> str | None:
    from editree.engine.diffusion.controlnets import resolve

    return resolve(options, mode)[1]


def _diffusion(module: str, name: str) -> Callable[[], OpFunction]:
    def load() -> OpFunction:
        import importlib

        return getattr(importlib.import_module(f"editree.engine.diffusion.{module}"), name)

    return load


def _instruct_or_control(name: str) -> Callable[[], OpFunction]:
    """The instruction-model op, which under --control runs image-to-image through a ControlNet instead."""

    def load() -> OpFunction:
        from editree.engine.diffusion.control import routed

        return routed(name, _diffusion("instruct", name)())

    return load


for _impl in (
    Implementation(
        "replace",
        "diffusers",
        "inpainting model (--model), ControlNet with --control",
        _controllable_inpaint_model,
        _diffusion("inpaint", "replace"),
    ),
    Implementation(
        "remove", "diffusers", "inpainting model (--model)", _inpaint_model, _diffusion("inpaint", "remove")
    ),
    Implementation(
        "add",
        "diffusers",
        "inpainting model (--model), ControlNet with --control",
        _controllable_inpaint_model,
        _diffusion("inpaint", "add"),
    ),
    Implementation(
        "extend",
        "diffusers",
        "outpainting with the inpainting model",
        _inpaint_model,
        _diffusion("outpaint", "extend"),
        geometry=True,
    ),
    Implementation(
        "edit",
        "diffusers",
        "instruction model (--instruct-model); ControlNet image-to-image with --control",
        _instruct_model,
        _instruct_or_control("edit"),
    ),
    Implementation(
        "restyle",
        "diffusers",
        "instruction model, any style; ControlNet image-to-image with --control",
        _instruct_model,
        _instruct_or_control("restyle"),
    ),
    Implementation(
        "recolor",
        "diffusers",
        "instruction model, any colour; ControlNet image-to-image with --control",
        _instruct_model,
        _instruct_or_control("recolor"),
    ),
    Implementation(
        "atmosphere",
        "diffusers",
        "instruction model, rain and snow too; ControlNet image-to-image with --control",
        _instruct_model,
        _instruct_or_control("atmosphere"),
    ),
):
    register(_impl)


def _objects(name: str) -> Callable[[], OpFunction]:
    def load() -> OpFunction:
        from editree.engine import objects

        return getattr(objects, name)

    return load


def _vignette() -> OpFunction:
    from editree.engine.vignette import vignette

    return vignette


def _upscale() -> OpFunction:
    from editree.engine.upscale import geometry

    return geometry


def _upscaler_present(step: Edit, options: EngineOptions) -> str | None:
    from editree.engine.upscale import unavailable

    return unavailable()


# After the diffusers rows: a generative remove stays the first choice wherever its model is present.
for _impl in (
    Implementation("remove", "classical", "OpenCV inpainting, coarse to fine", _always, _objects("remove")),
    Implementation(
        "move", "classical", "cut, fill the old place, paste", _always, _objects("move"), wants_regions=True
    ),
    Implementation("scale", "classical", "cut, fill, paste resized", _always, _objects("scale")),
    Implementation("vignette", "classical", "elliptical falloff", _always, _vignette),
    Implementation("upscale", "ncnn", "Real-ESRGAN x4plus on the CPU", _upscaler_present, _upscale, geometry=True),
    Implementation(
        "upscale",
        "classical",
        "Lanczos resampling, no detail added",
        _always,
        _upscale,
        geometry=True,
        by_choice=True,
    ),
):
    register(_impl)


def choose(
    step: Edit, engine: str = "auto", options: EngineOptions | None = None
) -> tuple[Implementation | None, list[str]]:
    """The implementation that will run `step`, and the reasons each candidate was refused."""
    options = options or EngineOptions()
    reasons: list[str] = []
    for impl in IMPLEMENTATIONS.get(step.op, []):
        if engine not in ("auto", impl.engine):
            continue
        if engine == "auto" and impl.by_choice:
            reasons.append(f"{impl.engine}: {impl.describe}, only with --engine {impl.engine}")
            continue
        why = impl.supports(step, options)
        if why is None:
            return impl, reasons
        reasons.append(f"{impl.engine}: {why}")
    return None, reasons


def engines_for(op: str) -> list[Implementation]:
    return list(IMPLEMENTATIONS.get(op, []))
