"""What an output carries about how it was made, so it can be inspected and replayed."""

from __future__ import annotations

import platform
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from editree import __version__
from editree.ops import Plan


def _version_of(dist: str) -> str | None:
    try:
        return importlib_metadata.version(dist)
    except importlib_metadata.PackageNotFoundError:
        return None


def provenance(
    plan: Plan, *, seed: int, engine: str, result: Any, source: Path | None = None, options: Any = None
) -> dict[str, Any]:
    steps = [
        {
            "path": r.path,
            "op": r.text,
            "status": r.status,
            "engine": r.engine,
            "branch": r.branch,
            "target_area": round(r.target_area, 4),
            "effective_area": round(r.effective_area, 4),
            "seconds": round(r.seconds, 4),
        }
        for r in result.steps
    ]
    models = {}
    if options is not None and any(r.engine == "diffusers" for r in result.steps):
        from editree.engine.diffusion.models import model_status

        status = model_status(options.model, "inpaint")
        models["inpaint"] = {
            "model": status.spec,
            "repo": status.preset.repo if status.preset else None,
            "revision": status.preset.revision if status.preset else None,
            "steps": options.steps,
            "guidance": options.guidance,
        }
    return {
        "editree": __version__,
        "models": models,
        "plan": plan.to_dict(),
        "seed": seed,
        "engine": engine,
        "source": source.name if source else None,
        "steps": steps,
        "regions": result.regions,
        "warnings": result.warnings,
        "versions": {
            "python": platform.python_version(),
            **{d: _version_of(d) for d in ("numpy", "pillow", "opencv-python-headless", "mediapipe")},
            **({d: _version_of(d) for d in ("torch", "diffusers", "transformers")} if models else {}),
        },
    }
