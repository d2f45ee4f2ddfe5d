"""Gemini image models through the official `google-genai` SDK: one generateContent call per step.

The picture goes as an inline PNG part before the prompt, with responseModalities IMAGE and the aspect ratio that
matches what was sent (the API answers with its fixed size for that ratio). The answer is read defensively: a
prompt blocked before generation (promptFeedback.blockReason), a candidate stopped for safety (finishReason SAFETY,
IMAGE_SAFETY, PROHIBITED_CONTENT, …), a reply of text alone, or inline data that is not an image, each become one
classified Failure. The SDK's own retries are off (see transport.py); its base URL points it at any server.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from editree.engine.remote.settings import RemoteSettings, redact
from editree.engine.remote.spec import RemoteSpec
from editree.engine.remote.transport import Failure, Reply
from editree.errors import MissingDependencyError

SAFETY_REASONS = frozenset(
    {
        "SAFETY",
        "IMAGE_SAFETY",
        "PROHIBITED_CONTENT",
        "IMAGE_PROHIBITED_CONTENT",
        "BLOCKLIST",
        "SPII",
        "RECITATION",
        "IMAGE_RECITATION",
        "MODEL_ARMOR",
        "JAILBREAK",
    }
)


def _sdk() -> tuple[Any, Any, Any]:
    try:
        from google import genai
        from google.genai import errors, types
    except ImportError:
        raise MissingDependencyError(
            "gemini: models need the google-genai package; install it with `pip install 'editree[remote]'`"
        ) from None
    return genai, types, errors


@lru_cache(maxsize=4)
def _client(key: str | None, url: str | None, timeout: float) -> Any:
    genai, types, _ = _sdk()
    options: dict[str, Any] = {
        "timeout": max(1, round(timeout * 1000)),  # milliseconds
        "retry_options": types.HttpRetryOptions(attempts=1),
    }
    if url:
        options.update(base_url=url + "/", api_version="v1beta")
    return genai.Client(api_key=key or "no-key", http_options=types.HttpOptions(**options))


def ready(key: str | None, settings: RemoteSettings) -> None:
    """Import the SDK and build its client before a rate-limit slot is taken, so the slot is spent on the request
    (a fresh batch worker takes seconds to import an SDK)."""
    _client(key, settings.url, settings.timeout)


def send(
    spec: RemoteSpec,
    settings: RemoteSettings,
    key: str | None,
    image_png: bytes,
    prompt: str,
    aspect: str | None,
    seed: int,
    mask_png: bytes | None = None,
) -> Reply:
    """One request; the picture and metadata of the answer, or a classified Failure. Gemini takes no mask."""
    _, types, errors = _sdk()
    client = _client(key, settings.url, settings.timeout)
    config = types.GenerateContentConfig(
        response_modalities=["IMAGE"],
        seed=seed,
        image_config=types.ImageConfig(aspect_ratio=aspect) if aspect else None,
    )
    contents = [types.Part.from_bytes(data=image_png, mime_type="image/png"), prompt]
    try:
        response = client.models.generate_content(model=spec.model, contents=contents, config=config)
    except errors.APIError as exc:
        raise _api_failure(exc, key, settings) from None
    except Exception as exc:  # the transport's own errors (httpx2): timeouts, refused connections
        raise _transport_failure(exc, settings) from None
    return _read(response, key)


def _api_failure(exc: Any, key: str | None, settings: RemoteSettings) -> Failure:
    code = int(getattr(exc, "code", 0) or 0)
    status = str(getattr(exc, "status", "") or "")
    detail = redact(" ".join(str(getattr(exc, "message", "") or "").split())[:160], [key])
    label = f"HTTP {code}{' ' + status if status else ''}"
    if code in (401, 403) or (code == 400 and "api key" in detail.lower()):
        return Failure("auth", f"the server refused the API key ({label})")
    if code == 429:
        return Failure("rate", f"rate limit or quota exceeded ({label}); lower --rpm, or check the project's quota")
    if code == 404:
        return Failure("model", f"the server has no such model ({label}); see `editree models list`")
    if code >= 500:
        return Failure("server", f"the server failed ({label}: {detail or 'no detail'})")
    return Failure("refused", f"the request was refused ({label}: {detail or 'no detail'})")


def _transport_failure(exc: Exception, settings: RemoteSettings) -> Failure:
    name = type(exc).__name__
    if "Timeout" in name:
        return Failure(
            "timeout", f"no answer within {settings.timeout:g} s; EDITREE_REMOTE_TIMEOUT sets how long to wait"
        )
    if "Connect" in name or "Network" in name or isinstance(exc, OSError):
        where = settings.url or "the Gemini API"
        return Failure(
            "network",
            f"cannot reach {where} ({name}); check the network, or the URL after @ in --model (or EDITREE_REMOTE_URL)",
        )
    return Failure("reply", f"the request failed ({name}: {' '.join(str(exc).split())[:120]})")


def _read(response: Any, key: str | None) -> Reply:
    meta = {"model_version": getattr(response, "model_version", None), "response_id": response.response_id}
    feedback = getattr(response, "prompt_feedback", None)
    blocked = getattr(feedback, "block_reason", None) if feedback else None
    if blocked:
        reason = getattr(blocked, "value", str(blocked))
        raise Failure(
            "safety",
            f"the prompt was blocked by the model's safety filter (blockReason {reason}); rephrase the request",
        )
    candidates = response.candidates or []
    if not candidates:
        raise Failure("reply", "the answer has no candidates (no image, no reason given)")
    candidate = candidates[0]
    reason = getattr(candidate.finish_reason, "value", candidate.finish_reason)
    if reason in SAFETY_REASONS:
        raise Failure(
            "safety",
            f"the model's safety filter stopped the edit (finishReason {reason}); rephrase the request, or make "
            "this edit with a local model",
        )
    parts = (candidate.content.parts if candidate.content else None) or []
    texts = []
    for part in parts:
        blob = getattr(part, "inline_data", None)
        if blob is not None and blob.data:
            return Reply(bytes(blob.data), blob.mime_type, meta)
        if getattr(part, "text", None):
            texts.append(part.text)
    if texts:
        said = redact(" ".join(" ".join(texts).split()), [key])
        quoted = said if len(said) <= 120 else said[:119] + "…"
        raise Failure("reply", f"answered with text instead of an image: “{quoted}”")
    raise Failure("reply", f"the answer holds no image (finishReason {reason or 'none'})")
