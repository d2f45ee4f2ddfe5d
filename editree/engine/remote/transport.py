"""One remote request, made well: rate-limited, retried on what a retry can fix, and failing in one line.

Both SDKs retry on their own; editree turns that off and retries here, so that Gemini and OpenAI behave alike, a
Retry-After is honoured, the number of tries is bounded and said, and the error a user reads names the cause and
the fix. HTTP 429 and 5xx are retried with exponential backoff (and a little jitter, so a batch's workers do not
retry in step); a timeout, a refused key, a safety block or a bad reply are not, since the same request would meet
the same fate.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from editree.engine.remote.ratelimit import wait_for_slot
from editree.engine.remote.settings import RemoteSettings
from editree.errors import EditreeError, EngineError, MissingDependencyError

T = TypeVar("T")

MAX_DELAY = 60.0
RETRYABLE = frozenset({"rate", "server"})


@dataclass
class Failure(Exception):
    """What went wrong with one request, classified by the provider's adapter."""

    kind: str
    """"rate" (429), "server" (5xx), "timeout", "network", "auth" (401/403 or a key the server rejects), "quota",
    "model" (no such model), "safety", "refused" (another 4xx), "reply" (no usable image in the answer)."""
    message: str
    retry_after: float | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class Reply:
    """What a provider answered: the picture's bytes as sent (untrusted, not yet decoded) and what the server
    said about itself (model version, response and request ids)."""

    data: bytes
    mime: str | None
    meta: dict[str, object]


@dataclass
class Attempts:
    tries: int = 0
    waited: float = 0.0
    """Seconds spent waiting for the rate limit and between retries."""


def with_retries(
    call: Callable[[], T],
    where: str,
    settings: RemoteSettings,
    attempts: Attempts,
    key_variable: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`call()` under the rate limit, retried on 429 and 5xx at most `settings.retries` times; any Failure left
    becomes an EditreeError whose message starts with `where` (the model)."""
    for attempt in range(settings.retries + 1):
        attempts.waited += wait_for_slot(settings.rpm, settings.rate_file, sleep)
        attempts.tries += 1
        try:
            return call()
        except Failure as failure:
            if failure.kind not in RETRYABLE or attempt == settings.retries:
                raise as_error(failure, where, attempts.tries, key_variable) from None
            delay = failure.retry_after
            if delay is None:
                delay = settings.backoff * (2**attempt) * (1.0 + 0.25 * random.random())
            delay = min(MAX_DELAY, max(0.0, delay))
            attempts.waited += delay
            sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def as_error(failure: Failure, where: str, tries: int, key_variable: str | None = None) -> EditreeError:
    """The one-line error a user reads: the model, what happened, what to do. A refused key is named by the
    variable it came from, never by its value."""
    text = f"{where}: {failure.message}"
    if failure.kind == "auth":
        text += f"; check the key in {key_variable}" if key_variable else "; this server wants a key: set one"
    if failure.kind in RETRYABLE:
        text += f" (gave up after {tries} tr{'y' if tries == 1 else 'ies'}; EDITREE_REMOTE_RETRIES sets how many)"
    if failure.kind in ("auth", "model"):
        return MissingDependencyError(text)
    return EngineError(text)
