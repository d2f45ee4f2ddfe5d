"""Can a remote step run here? Answered without importing any SDK or making a request, so plans are checked before
any work (a missing key or package fails the run up front, exit 5, naming what to set or install)."""

from __future__ import annotations

import importlib.util

from editree.engine.options import EngineOptions
from editree.engine.remote.settings import key_status, remote_settings
from editree.engine.remote.spec import PROVIDERS, RemoteSpec, step_spec
from editree.ops import Edit


def sdk_present(spec: RemoteSpec) -> bool:
    module = PROVIDERS[spec.provider].module
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package that is absent
        return False


def remote_unavailable(step: Edit, options: EngineOptions) -> str | None:
    """None when a remote model is named for this step and can be called; otherwise why not."""
    spec = step_spec(step, options.model, options.instruct_model)
    if spec is None:
        return "no hosted model named (--model gemini:NAME or openai:NAME; see `editree models list`)"
    if not sdk_present(spec):
        info = PROVIDERS[spec.provider]
        return f"{spec.text} needs the {info.distribution} package: pip install 'editree[remote]'"
    _, why = key_status(spec, remote_settings(options, spec))
    return why
