"""Finding transformers models on this machine: a preset, a folder saved by `save_pretrained`, or a hub id
already in the local cache. Looks only at files (no torch, no network), so runs fail before any work."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class LocalModel:
    spec: str
    """What the user named."""
    source: str | None
    """The folder to load from; None when absent."""
    reason: str | None = None
    """Why it is absent, and how to get it."""


def _model_type(config: Path) -> str | None:
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("model_type") if isinstance(data, dict) else None


def locate(spec: str, presets: dict[str, str], flag: str, what: str, model_type: str | None = None) -> LocalModel:
    """Where `spec` loads from. `flag` is the option that takes a folder (for the message), `what` names the
    model's role ("the segmenter"), `model_type` the config's type that a folder must declare."""
    repo = presets.get(spec, spec)
    path = Path(repo).expanduser()
    if path.exists():
        config = path / "config.json"
        if not config.is_file():
            return LocalModel(spec, None, f"{spec} has no config.json; expected a folder saved by transformers")
        if model_type and _model_type(config) != model_type:
            return LocalModel(spec, None, f"{spec} is not a {model_type} model (its config.json has another type)")
        return LocalModel(spec, str(path))
    if spec not in presets and ("/" not in spec or spec.startswith((".", "/"))):
        return LocalModel(
            spec, None, f"{flag} {spec!r} is neither a preset ({', '.join(presets)}), a folder nor a hub id"
        )
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(repo, "config.json")
    except ImportError:  # pragma: no cover - a dependency of transformers
        found = None
    if isinstance(found, str):
        if model_type and _model_type(Path(found)) != model_type:
            return LocalModel(spec, None, f"{spec} is not a {model_type} model (its config.json has another type)")
        return LocalModel(spec, str(Path(found).parent))
    fetch = f"editree models pull {spec}" if spec in presets else f"huggingface-cli download {repo}"
    return LocalModel(
        spec,
        None,
        f"{what} {repo!r} is not in the local model cache; run `{fetch}` where the network allows, "
        f"or pass {flag} PATH (a folder saved by transformers)",
    )


@lru_cache(maxsize=8)
def load(processor_class: str, model_class: str, source: str, device: str = "cpu", what: str = "a model") -> tuple:
    """(processor, model in eval mode on `device`) from a folder found by `locate`; once per process.
    Classes are named (transformers attribute names) so importing this module stays free of torch."""
    import transformers
    from transformers.utils import logging as tlogging

    from editree.errors import MissingDependencyError

    tlogging.set_verbosity_error()
    tlogging.disable_progress_bar()
    try:
        processor = getattr(transformers, processor_class).from_pretrained(source, local_files_only=True)
        model = getattr(transformers, model_class).from_pretrained(source, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise MissingDependencyError(f"cannot load {what} from {source} ({str(exc).splitlines()[0]})") from None
    return processor, model.to(device).eval()
