"""Finding and loading diffusion models: presets, local folders and hub ids, offline-first.

`model_status` answers "is it here?" without importing torch (it only looks at files), so plans are
checked before any weights load. `load_inpaint_pipeline` loads once per process and reuses it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from editree.engine.diffusion.presets import PRESETS, Preset
from editree.errors import MissingDependencyError


@dataclass(frozen=True)
class ModelStatus:
    spec: str
    """What the user named: a preset, a folder or a hub id."""
    source: str | None
    """Where it loads from (a folder, or a hub id found in the local cache); None when absent."""
    preset: Preset | None
    reason: str | None = None

    @property
    def present(self) -> bool:
        return self.source is not None

    @property
    def commit(self) -> str | None:
        """The hub commit of the files that load, when they come from the Hugging Face cache (whose snapshot
        folders are named by commit): what a run really used, whatever revision was asked for."""
        return snapshot_commit(self.source)


def snapshot_commit(source: str | None) -> str | None:
    if not source:
        return None
    folder = Path(source)
    if folder.parent.name == "snapshots" and re.fullmatch(r"[0-9a-f]{40}", folder.name):
        return folder.name
    return None


def _cached(repo: str, revision: str = "main", filename: str = "model_index.json") -> str | None:
    """The snapshot folder of `repo` in the local Hugging Face cache, or None. Never downloads."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - a dependency of diffusers
        return None
    found = try_to_load_from_cache(repo, filename, revision=revision)
    if not isinstance(found, str):
        return None
    folder = Path(found).parent
    for _ in Path(filename).parts[:-1]:
        folder = folder.parent
    return str(folder)


def _preset_file(preset: Preset) -> str:
    if preset.kind == "ip-adapter":
        return f"{preset.extra['subfolder']}/{preset.extra['weight_name']}"
    if preset.kind in ("embedder", "segmenter", "detector", "sam", "controlnet"):
        return "config.json"
    if preset.kind == "annotator":
        from editree.engine.diffusion.control_presets import files_of

        return files_of(preset)[0]
    return "model_index.json"


OTHER_FRAMEWORKS = ("*.h5", "*.msgpack", "*.ot", "*.onnx", "*.onnx_data", "*.tflite", "*.mlmodel", "*.mlpackage/*")
"""Weights for TensorFlow, Flax, ONNX or Core ML that repositories carry beside the PyTorch ones."""


def download(preset: Preset) -> str:
    """Fetch what editree loads for `preset` into the Hugging Face cache, and nothing else: pipeline repositories
    also carry single-file checkpoints as large as the whole pipeline (FLUX.1 Fill: 24 GB more), IP-Adapter's
    holds a dozen adapters, and transformers repositories other frameworks' copies."""
    if preset.kind in ("inpaint", "instruct", "base"):
        from diffusers import DiffusionPipeline

        return str(DiffusionPipeline.download(preset.repo, revision=preset.revision))
    from huggingface_hub import snapshot_download

    if preset.kind == "ip-adapter":
        sub = preset.extra["subfolder"]
        wanted = [f"{sub}/{preset.extra['weight_name']}", f"{sub}/image_encoder/*"]
        return str(snapshot_download(preset.repo, revision=preset.revision, allow_patterns=wanted))
    if preset.kind in ("controlnet", "annotator"):  # one model's weights, not every precision and format beside them
        from editree.engine.diffusion.control_presets import pull_patterns

        return str(snapshot_download(preset.repo, revision=preset.revision, allow_patterns=pull_patterns(preset)))
    return str(snapshot_download(preset.repo, revision=preset.revision, ignore_patterns=list(OTHER_FRAMEWORKS)))


def pull_command(name: str) -> str:
    return f"editree models pull {name}"


def model_status(spec: str | None, kind: str = "inpaint") -> ModelStatus:
    """Resolve what to load for `spec` (None: the first preset of `kind` present in the cache)."""
    flag = "--instruct-model" if kind == "instruct" else "--model"
    if spec is None:
        for preset in PRESETS.values():
            if preset.kind == kind and (folder := _cached(preset.repo, preset.revision, _preset_file(preset))):
                return ModelStatus(preset.name, folder, preset)
        first = next(p for p in PRESETS.values() if p.kind == kind)
        return ModelStatus(
            first.name,
            None,
            first,
            f"no {kind} model is present; pass {flag} PATH (a folder saved by diffusers) or run "
            f"`{pull_command(first.name)}` where the network allows",
        )
    if spec in PRESETS:
        preset = PRESETS[spec]
        folder = _cached(preset.repo, preset.revision, _preset_file(preset))
        reason = (
            None
            if folder
            else (
                f"preset {spec!r} ({preset.repo}) is not in the local model cache; run "
                f"`{pull_command(spec)}` where the network allows, or pass {flag} PATH"
            )
        )
        return ModelStatus(spec, folder, preset, reason)
    path = Path(spec).expanduser()
    if path.exists():
        if (path / "model_index.json").is_file():
            return ModelStatus(spec, str(path), None)
        return ModelStatus(
            spec,
            None,
            None,
            f"{spec} has no model_index.json; expected a folder written by a diffusers pipeline's save_pretrained",
        )
    if "/" in spec and not spec.startswith((".", "/")):
        folder = _cached(spec)
        reason = (
            None
            if folder
            else (
                f"{spec} is not in the local model cache; download it with "
                f"`huggingface-cli download {spec}` or pass a local {flag} PATH"
            )
        )
        return ModelStatus(spec, folder, None, reason)
    return ModelStatus(
        spec,
        None,
        None,
        f"{flag} {spec!r} is neither a preset ({', '.join(p.name for p in PRESETS.values() if p.kind == kind)}), "
        "a folder nor a hub id",
    )


def pick_device(requested: str | None) -> str:
    import torch

    if requested:
        if requested.startswith("cuda") and not torch.cuda.is_available():
            raise MissingDependencyError(f"--device {requested}: CUDA is not available here; use --device cpu")
        return requested
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def pick_dtype(device: str, requested: str | None) -> Any:
    import torch

    if requested:
        return {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}[requested]
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32


def from_pretrained_offline(pipeline_class: str, source: str, dtype_name: str, what: str) -> Any:
    """A diffusers pipeline from local files only, with library logs and progress bars off; a folder it
    cannot read is a MissingDependencyError naming `what` ("an inpainting pipeline")."""
    import warnings

    import diffusers
    import torch
    from diffusers.utils import logging as dlogging
    from huggingface_hub.utils import are_progress_bars_disabled, enable_progress_bars

    hub_bars_were_off = are_progress_bars_disabled()
    dlogging.set_verbosity_error()
    dlogging.disable_progress_bar()
    try:
        from transformers.utils import logging as tlogging

        tlogging.set_verbosity_error()
        tlogging.disable_progress_bar()  # this one also turns off huggingface_hub's bars, for the whole process
    except ImportError:  # pragma: no cover - transformers is a dependency
        pass
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        with warnings.catch_warnings():  # newer diffusers renamed torch_dtype; older ones know only that name
            warnings.simplefilter("ignore", FutureWarning)
            pipe = getattr(diffusers, pipeline_class).from_pretrained(
                source, torch_dtype=getattr(torch, dtype_name), local_files_only=True
            )
    except (OSError, ValueError) as exc:
        raise MissingDependencyError(f"cannot load {what} from {source} ({str(exc).splitlines()[0][:160]})") from None
    finally:  # a later `models pull` in the same process (the API, a notebook) keeps its download bars
        if not hub_bars_were_off:
            enable_progress_bars()
    pipe.set_progress_bar_config(disable=True)
    return pipe


def inpainting_class(source: str) -> str:
    """The diffusers class to load `source` with for masked regeneration: its own class when that takes a
    mask (SD inpainting, FLUX.1 Fill, which AutoPipelineForInpainting does not know), else the inpainting
    variant AutoPipelineForInpainting maps it to (SDXL or FLUX.1-dev base models)."""
    import json

    import diffusers

    from editree.engine.diffusion.pipeline_call import needs_mask

    try:
        name = json.loads((Path(source) / "model_index.json").read_text())["_class_name"]
    except (OSError, ValueError, KeyError, TypeError):
        return "AutoPipelineForInpainting"
    cls = getattr(diffusers, name, None)
    if cls is not None and needs_mask(cls):
        return name
    return "AutoPipelineForInpainting"


def place(pipe: Any, device: str, low_memory: bool) -> Any:
    """Put a loaded pipeline on `device`; in low-memory mode only the running component sits on the GPU and
    the VAE decodes in tiles (less memory, the same result away from tile seams)."""
    if low_memory:
        vae = getattr(pipe, "vae", None)
        if hasattr(pipe, "enable_vae_tiling"):
            pipe.enable_vae_tiling()
        elif vae is not None and hasattr(vae, "enable_tiling"):
            vae.enable_tiling()
    if low_memory and device.startswith("cuda"):
        pipe.enable_model_cpu_offload()
    else:
        pipe.to(device)
    return pipe


@lru_cache(maxsize=2)
def _load(source: str, device: str, dtype_name: str, low_memory: bool) -> Any:
    pipe = from_pretrained_offline(inpainting_class(source), source, dtype_name, "an inpainting pipeline")
    return place(pipe, device, low_memory)


def load_inpaint_pipeline(status: ModelStatus, device: str | None, dtype: str | None, low_memory: bool = False) -> Any:
    if not status.present:
        raise MissingDependencyError(status.reason or f"{status.spec} is not available")
    chosen = pick_device(device)
    torch_dtype = pick_dtype(chosen, dtype)
    return _load(status.source, chosen, str(torch_dtype).removeprefix("torch."), low_memory)
