"""IP-Adapter conditioning for preserve_identity: every generative op touching the preserved subject
also sees a reference crop of it, so the model keeps who it is while changing what it looks like.

An adapter is a preset (`ip-adapter-sd15`) or a local folder holding `ip_adapter.safetensors` (or a
`.bin`) and an `image_encoder/` subfolder, as diffusers' `load_ip_adapter` expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from editree.engine.diffusion.presets import PRESETS

SCALE = 0.6
"""How strongly the reference steers generation (diffusers' ip_adapter scale)."""


@dataclass(frozen=True)
class AdapterLocation:
    source: str
    subfolder: str
    weight_name: str
    image_encoder_folder: str


def locate(spec: str | None) -> tuple[AdapterLocation | None, str | None]:
    """Where to load the adapter from, or why it cannot be (never downloads)."""
    if not spec:
        return None, "no IP-Adapter is configured (--ip-adapter PRESET_OR_FOLDER)"
    if spec in PRESETS and PRESETS[spec].kind == "ip-adapter":
        preset = PRESETS[spec]
        from editree.engine.diffusion.models import _cached, _preset_file

        folder = _cached(preset.repo, preset.revision, _preset_file(preset))
        if folder is None:
            return None, f"IP-Adapter preset {spec!r} is not in the local model cache; run `editree models pull {spec}`"
        return AdapterLocation(
            folder, preset.extra["subfolder"], preset.extra["weight_name"], f"{preset.extra['subfolder']}/image_encoder"
        ), None
    path = Path(spec).expanduser()
    weights = [p.name for p in sorted(path.glob("ip_adapter*")) if p.suffix in (".safetensors", ".bin")]
    if not weights or not (path / "image_encoder" / "config.json").is_file():
        return None, (f"{spec} is not an IP-Adapter folder (expected ip_adapter.safetensors and image_encoder/)")
    return AdapterLocation(str(path), "", weights[0], "image_encoder"), None


_LOADED: dict[int, AdapterLocation] = {}


def attach(pipe: Any, location: AdapterLocation) -> None:
    """Load the adapter into the pipeline once; reused for every later op and image."""
    if _LOADED.get(id(pipe)) == location:
        return
    pipe.load_ip_adapter(
        location.source,
        subfolder=location.subfolder,
        weight_name=location.weight_name,
        image_encoder_folder=location.image_encoder_folder,
        local_files_only=True,
    )
    pipe.set_ip_adapter_scale(SCALE)
    _LOADED[id(pipe)] = location


def attached(pipe: Any) -> bool:
    return id(pipe) in _LOADED


def reference_image(reference: np.ndarray) -> Any:
    from PIL import Image

    return Image.fromarray(np.ascontiguousarray(reference))
