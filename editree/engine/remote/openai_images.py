"""GPT Image models, and any server that speaks OpenAI's `POST /v1/images/edits`, through the official `openai` SDK.

The picture and the effective mask go as multipart files (the mask's alpha is 0 where the model may paint). The
mask is a hint to these models, which re-render the whole frame, so the reply is aligned and composited through
the exact mask like every other. The answer must carry `b64_json`: a URL is never fetched (it would be a second,
unchecked download). Moderation refusals (`moderation_blocked`, `content_policy_violation`) and quota errors
(`insufficient_quota`) are told apart from rate limits. The SDK's own retries are off (see transport.py).
"""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache
from typing import Any

from editree.engine.remote.settings import RemoteSettings, redact
from editree.engine.remote.spec import RemoteSpec
from editree.engine.remote.transport import Failure, Reply
from editree.errors import MissingDependencyError

SAFETY_CODES = frozenset({"moderation_blocked", "content_policy_violation", "safety_violation"})


def _sdk() -> Any:
    try:
        import openai
    except ImportError:
        raise MissingDependencyError(
            "openai: models need the openai package; install it with `pip install 'editree[remote]'`"
        ) from None
    return openai


@lru_cache(maxsize=4)
def _client(key: str | None, url: str | None, timeout: float) -> Any:
    openai = _sdk()
    return openai.OpenAI(api_key=key or "no-key", base_url=url or None, timeout=timeout, max_retries=0)


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
    """One request; the picture and metadata of the answer, or a classified Failure. The Images API takes no
    seed (`seed` is recorded, not sent)."""
    openai = _sdk()
    client = _client(key, settings.url, settings.timeout)
    from editree.engine.remote.spec import OPENAI_SIZES

    width, height = OPENAI_SIZES.get(aspect or "1:1", (1024, 1024))
    extra: dict[str, Any] = {}
    if not spec.model.startswith("gpt-image"):
        extra["response_format"] = "b64_json"  # older and compatible servers answer with URLs unless asked
    if spec.model == "gpt-image-1":
        extra["input_fidelity"] = "high"  # keeps faces and details of the input closer
    if mask_png is not None:
        extra["mask"] = ("mask.png", mask_png, "image/png")
    try:
        raw = client.images.with_raw_response.edit(
            model=spec.model,
            image=("image.png", image_png, "image/png"),
            prompt=prompt,
            size=f"{width}x{height}",
            n=1,
            **extra,
        )
        response = raw.parse()
    except openai.APITimeoutError:
        raise Failure(
            "timeout", f"no answer within {settings.timeout:g} s; EDITREE_REMOTE_TIMEOUT sets how long to wait"
        ) from None
    except openai.APIConnectionError as exc:
        where = settings.url or "the OpenAI API"
        raise Failure(
            "network",
            f"cannot reach {where} ({type(exc.__cause__ or exc).__name__}); check the network, or the URL "
            "after @ in --model (or EDITREE_REMOTE_URL)",
        ) from None
    except openai.APIStatusError as exc:
        raise _status_failure(exc, key) from None
    except openai.OpenAIError as exc:  # a body that is not the documented JSON
        detail = redact(" ".join(str(exc).split())[:120], [key])
        raise Failure("reply", f"the answer could not be read ({type(exc).__name__}: {detail})") from None
    meta = {
        "model_version": raw.headers.get("openai-model") or getattr(response, "model", None),
        "response_id": raw.headers.get("x-request-id"),
        "created": getattr(response, "created", None),
    }
    return _read(response, meta)


def _status_failure(exc: Any, key: str | None) -> Failure:
    status = int(getattr(exc, "status_code", 0) or 0)
    body = getattr(exc, "body", None)
    error = body.get("error", body) if isinstance(body, dict) else {}
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code") or getattr(exc, "code", "") or "")
    detail = redact(" ".join(str(error.get("message") or "").split())[:160], [key])
    label = f"HTTP {status}{' ' + code if code else ''}"
    retry_after = _retry_after(getattr(exc, "response", None))
    if status in (401, 403) and code not in SAFETY_CODES:
        return Failure("auth", f"the server refused the API key ({label})")
    if code in SAFETY_CODES or error.get("type") == "image_generation_user_error":
        return Failure("safety", f"the request was refused by the server's moderation ({label}); rephrase the request")
    if status == 429 and code == "insufficient_quota":
        return Failure("quota", f"the account's quota is used up ({label}); check its plan and billing")
    if status == 429:
        return Failure("rate", f"rate limited ({label}); lower --rpm, or try later", retry_after)
    if status == 404:
        return Failure("model", f"the server has no such model or endpoint ({label}); see `editree models list`")
    if status >= 500:
        return Failure("server", f"the server failed ({label}: {detail or 'no detail'})", retry_after)
    return Failure("refused", f"the request was refused ({label}: {detail or 'no detail'})")


def _retry_after(response: Any) -> float | None:
    try:
        value = response.headers.get("retry-after") if response is not None else None
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _read(response: Any, meta: dict[str, Any]) -> Reply:
    items = getattr(response, "data", None) or []
    if not items:
        raise Failure("reply", "the answer holds no image (empty data)")
    item = items[0]
    encoded = getattr(item, "b64_json", None)
    if not encoded:
        if getattr(item, "url", None):
            raise Failure("reply", "answered with an image URL instead of b64_json data; editree does not fetch URLs")
        raise Failure("reply", "the answer holds no image data")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise Failure("reply", "the answer's b64_json is not valid base64") from None
    fmt = getattr(response, "output_format", None)
    return Reply(data, f"image/{fmt}" if fmt else None, meta)
