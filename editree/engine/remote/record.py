"""What an output's provenance says about remote steps, and how `replay` reads it back.

Per step (engine.py puts it in OpOutput.details): provider, model, the version the server reported, response ids,
requests made, seed where the API takes one, the crop sent, the alignment transform and residual, the colour
correction, the prompt. Per run (here): which remote model ran which ops, the server (without credentials) and the
timeout, so `replay` calls the same model; a hosted model may still answer differently, which replay says. The API
key is in none of it.
"""

from __future__ import annotations

from typing import Any

from editree.engine.remote.spec import PROVIDERS, parse_remote

REPLAY_NOTE = "a hosted model may answer differently each time it is asked, so a replay may not match the original"


def models_record(steps: list[Any], options: Any) -> dict[str, Any]:
    """{"remote": {...}} when any step ran on a remote model, else {}."""
    used = sorted({s.text.split("(")[0] for s in steps if s.engine == "remote"})
    if not used or options is None:
        return {}
    from editree.engine.remote.settings import remote_settings, safe_url

    specs = [parse_remote(options.model), parse_remote(options.instruct_model)]
    urls = [safe_url(remote_settings(options, s).url) for s in specs if s]
    return {
        "remote": {
            "model": _without_credentials(options.model) if specs[0] else None,
            "instruct_model": _without_credentials(options.instruct_model) if specs[1] else None,
            "url": urls[0] if urls else None,
            "timeout": remote_settings(options).timeout,
            "ops": used,
            "sdk": sorted({PROVIDERS[s.provider].distribution for s in specs if s}),
            "note": REPLAY_NOTE,
        }
    }


def _without_credentials(spec: str) -> str:
    """`openai:NAME@URL` with any user name, password or query dropped from the URL."""
    from editree.engine.remote.settings import safe_url

    name, at, url = spec.partition("@")
    return f"{name}@{safe_url(url)}" if at else spec


def sdk_distributions(models: dict[str, Any]) -> tuple[str, ...]:
    """The SDK packages whose versions belong in the output's `versions`."""
    remote = models.get("remote")
    return tuple(remote.get("sdk") or ()) if isinstance(remote, dict) else ()


def options_from_record(record: Any) -> dict[str, Any]:
    """EngineOptions fields from a recorded {"remote": …} section; ValueError when it is malformed."""
    if record is None:
        return {}
    if not isinstance(record, dict):
        raise ValueError(record)
    out: dict[str, Any] = {}
    for key in ("model", "instruct_model"):
        value = record.get(key)
        if value is not None and (not isinstance(value, str) or parse_remote(value) is None):
            raise ValueError(record)
        out[key] = value
    return out
