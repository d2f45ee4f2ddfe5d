"""The engine flags shared by `edit`, `batch`, `apply` and `replay`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from editree.engine.options import EngineOptions

ModelOpt = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        help="Inpainting model for generative ops: a preset (`editree models list`), a folder, "
        "or a hub id [env EDITREE_MODEL; default: the first preset present]; or a hosted model for every "
        "generative op: gemini:NAME, openai:NAME, openai:NAME@URL (any OpenAI-compatible server).",
    ),
]
InstructModelOpt = Annotated[
    Optional[str],
    typer.Option(
        "--instruct-model",
        help="Instruction-editing model for free-form edits and styles "
        "[env EDITREE_INSTRUCT_MODEL; default: the first preset present].",
    ),
]
IdentityModelOpt = Annotated[
    Optional[str],
    typer.Option(
        "--identity-model",
        help="What measures preserve_identity: face (dlib, faces only), clip or a CLIP vision model folder or hub "
        "id (every subject) [env EDITREE_IDENTITY_MODEL; default: faces with face, other subjects with clip when "
        "present].",
    ),
]
FaceThresholdOpt = Annotated[
    float,
    typer.Option(
        "--face-threshold",
        min=0.0,
        max=2.0,
        help="Face descriptor distance from which a preserved face counts as another person.",
    ),
]
IdentityStrictOpt = Annotated[
    bool,
    typer.Option(
        "--identity-strict", help="A preserved subject failing its identity check is an error (exit 1, no output)."
    ),
]
IpAdapterOpt = Annotated[
    Optional[str],
    typer.Option(
        "--ip-adapter",
        help="IP-Adapter conditioning generative ops on a preserved subject (a preset "
        "or a folder) [env EDITREE_IP_ADAPTER].",
    ),
]
SegmenterOpt = Annotated[
    Optional[str],
    typer.Option(
        "--segmenter",
        help="Open-vocabulary segmenter for phrases beyond people and faces: grounded-sam, DETECTOR,SAM "
        '(presets or folders), clipseg or a CLIPSeg folder, or "none" [env EDITREE_SEGMENTER; default: '
        "grounded-sam, else clipseg, when present].",
    ),
]
DeviceOpt = Annotated[Optional[str], typer.Option("--device", help="cuda, mps or cpu [default: the best present].")]


class DtypeChoice(StrEnum):
    float32 = "float32"
    float16 = "float16"
    bfloat16 = "bfloat16"


DtypeOpt = Annotated[
    Optional[DtypeChoice],
    typer.Option(
        "--dtype", help="Weights' precision [default: bfloat16 (or float16) on CUDA, float16 on MPS, float32 on CPU]."
    ),
]
LowMemoryOpt = Annotated[
    bool, typer.Option("--low-memory", help="Offload idle model parts to the CPU and decode in tiles (slower).")
]
StepsOpt = Annotated[int, typer.Option("--steps", min=1, max=200, help="Denoising steps for generative ops.")]
GuidanceOpt = Annotated[
    Optional[float],
    typer.Option(
        "--guidance",
        min=0.0,
        max=100.0,
        help="Guidance strength for generative ops [default: what the model's family recommends: "
        "7.5 Stable Diffusion, 30 FLUX.1 Fill, 2.5 Kontext, 4 Qwen-Image-Edit].",
    ),
]
NegativeOpt = Annotated[
    Optional[str],
    typer.Option(
        "--negative",
        help='What generative ops should avoid, e.g. "blurry, watermark" (for models that take a negative prompt).',
    ),
]
ResolutionOpt = Annotated[
    Optional[int],
    typer.Option(
        "--resolution",
        min=64,
        max=4096,
        help="Long side in pixels that generative models work at [default: the model's native size]; "
        "lower is faster and lighter.",
    ),
]


class ControlChoice(StrEnum):
    canny = "canny"
    depth = "depth"
    lineart = "lineart"
    softedge = "softedge"
    pose = "pose"


ControlOpt = Annotated[
    Optional[ControlChoice],
    typer.Option(
        "--control",
        help="Keep the scene's structure in generative steps with a ControlNet conditioned on the picture's canny "
        "edges (no weights), depth, lineart, softedge or pose (annotator weights: `editree models pull "
        "annotator-KIND`). Restyles then run image-to-image on a text-to-image --model (e.g. sd15).",
    ),
]
ControlScaleOpt = Annotated[
    Optional[float],
    typer.Option("--control-scale", min=0.0, max=2.0, help="How strongly --control steers generation [default: 1.0]."),
]
ControlModelOpt = Annotated[
    Optional[str],
    typer.Option(
        "--control-model",
        help="The ControlNet for --control: a preset (`editree models list`), a folder or a hub id "
        "[env EDITREE_CONTROL_MODEL; default: the first preset present for the kind and the base model].",
    ),
]


def engine_options(
    model: str | None,
    device: str | None,
    steps: int,
    instruct_model: str | None = None,
    identity_model: str | None = None,
    ip_adapter: str | None = None,
    low_memory: bool = False,
    segmenter: str | None = None,
    guidance: float | None = None,
    resolution: int | None = None,
    dtype: str | None = None,
    negative: str | None = None,
    control: str | None = None,
    control_scale: float | None = None,
    control_model: str | None = None,
    face_threshold: float = 0.6,
    identity_strict: bool = False,
) -> EngineOptions:
    import os

    if control is None and (control_scale is not None or control_model is not None):
        from editree.errors import UsageError

        given = "--control-scale" if control_scale is not None else "--control-model"
        raise UsageError(f"{given} only applies with --control KIND (canny, depth, lineart, softedge or pose)")
    control_model = control_model or os.environ.get("EDITREE_CONTROL_MODEL") or None
    return EngineOptions(
        model=model or os.environ.get("EDITREE_MODEL") or None,
        instruct_model=instruct_model or os.environ.get("EDITREE_INSTRUCT_MODEL") or None,
        identity_model=identity_model or os.environ.get("EDITREE_IDENTITY_MODEL") or None,
        ip_adapter=ip_adapter or os.environ.get("EDITREE_IP_ADAPTER") or None,
        segmenter=segmenter or os.environ.get("EDITREE_SEGMENTER") or None,
        device=device,
        dtype=str(dtype) if dtype else None,
        steps=steps,
        guidance=guidance,
        resolution=resolution,
        negative=negative or None,
        cpu_offload=low_memory,
        control=str(control) if control else None,
        control_scale=1.0 if control_scale is None else control_scale,
        control_model=control_model,
        face_threshold=face_threshold,
        identity_strict=identity_strict,
    )


ENGINE_FLAGS = (
    "model",
    "device",
    "steps",
    "instruct_model",
    "identity_model",
    "ip_adapter",
    "low_memory",
    "segmenter",
    "guidance",
    "resolution",
    "dtype",
    "negative",
    "control",
    "control_scale",
    "control_model",
    "face_threshold",
    "identity_strict",
)
"""The parameter names a command gives its engine flags (the annotated options above)."""


def engine_options_from(values: dict[str, object]) -> EngineOptions:
    """EngineOptions from a command's parameters, taken by name (`engine_options_from(locals())` at the top of
    the command): typer cannot group options into one parameter, and eleven positional arguments repeated in
    every command drift apart."""
    return engine_options(**{name: values[name] for name in ENGINE_FLAGS})  # type: ignore[arg-type]
