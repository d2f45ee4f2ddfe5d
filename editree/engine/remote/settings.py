"""How remote calls are made: server, timeout, retries, rate limit; flags, then environment, then config file.

EDITREE_REMOTE_URL       base URL for the provider's API (any OpenAI-compatible server, or a Gemini proxy);
                         `--model openai:NAME@URL` gives one with the model
EDITREE_REMOTE_TIMEOUT   seconds one request may take [default 120]
EDITREE_REMOTE_RETRIES   retries after HTTP 429 and 5xx [default 3]
EDITREE_REMOTE_BACKOFF   first wait before a retry, doubled each time [default 2 s]
EDITREE_REMOTE_RPM       requests per minute, for all workers of a batch together [default: no limit]

# config.toml ([remote] beside [llm]; EDITREE_CONFIG names the file)
[remote]
url = "http://localhost:8000/v1"
api_key_env = "MY_IMAGE_API_KEY"   # the variable that holds the key (the key itself is never in a file)
timeout = 120
retries = 3
rpm = 10

The key is read from the environment when a request is made and goes nowhere but the request's header: it is not
kept in these settings, in EngineOptions, in provenance or in any message.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editree.engine.remote.spec import PROVIDERS, RemoteSpec
from editree.errors import MissingDependencyError, UsageError

DEFAULT_TIMEOUT = 120.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 2.0


@dataclass(frozen=True)
class RemoteSettings:
    url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    rpm: float | None = None
    key_env: str | None = None
    """A variable named in the config file that holds the key, read before the provider's own."""
    rate_file: str | None = None
    """File shared by a batch's workers to hold them together to `rpm` (see ratelimit.py)."""


def config_path() -> Path:
    """The same file as the LLM planner's settings (EDITREE_CONFIG, else ~/.config/editree/config.toml)."""
    explicit = os.environ.get("EDITREE_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "editree" / "config.toml"


def _section() -> dict[str, Any]:
    path = config_path()
    if not path.is_file():
        return {}
    try:
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("remote", {}) or {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config file {path}: not valid TOML ({exc}); fix it or set EDITREE_CONFIG") from None
    if not isinstance(section, dict):
        raise UsageError(f"config file {path}: [remote] must be a table")
    return section


def _number(name: str, flag: object, env: str, section: dict[str, Any], key: str, default: Any, kind: type) -> Any:
    for where, value in ((name, flag), (env, os.environ.get(env)), (f"[remote] {key}", section.get(key))):
        if value is None or value == "":
            continue
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise UsageError(f"{where} = {value!r} is not a number; expected e.g. {default}") from None
        if number < 0:
            raise UsageError(f"{where} = {value!r} is negative; expected a number >= 0")
        return number
    return default


def remote_settings(options: Any, spec: RemoteSpec | None = None) -> RemoteSettings:
    """Settings for this run from EngineOptions (the flags), the model's spec (its @URL), the environment and
    the config file."""
    section = _section()
    url = (spec.url if spec else None) or os.environ.get("EDITREE_REMOTE_URL") or section.get("url")
    rpm = _number("--rpm", getattr(options, "remote_rpm", None), "EDITREE_REMOTE_RPM", section, "rpm", None, float)
    key_env = section.get("api_key_env")
    return RemoteSettings(
        url=str(url).rstrip("/") if url else None,
        timeout=_number(
            "timeout",
            None,
            "EDITREE_REMOTE_TIMEOUT",
            section,
            "timeout",
            DEFAULT_TIMEOUT,
            float,
        ),
        retries=_number("retries", None, "EDITREE_REMOTE_RETRIES", section, "retries", DEFAULT_RETRIES, int),
        backoff=_number("backoff", None, "EDITREE_REMOTE_BACKOFF", section, "backoff", DEFAULT_BACKOFF, float),
        rpm=rpm or None,
        key_env=str(key_env) if key_env else None,
        rate_file=getattr(options, "remote_rate_file", None),
    )


def key_variables(spec: RemoteSpec, settings: RemoteSettings) -> tuple[str, ...]:
    """Where the key is looked for, in order: the config file's variable, then the provider's own."""
    own = PROVIDERS[spec.provider].key_variables
    return ((settings.key_env,) if settings.key_env else ()) + own


def key_status(spec: RemoteSpec, settings: RemoteSettings) -> tuple[str | None, str | None]:
    """(the variable that holds the key, None) or (None, why there is none). A server named by URL may need no
    key (a local one); the hosted APIs do."""
    names = key_variables(spec, settings)
    for name in names:
        if os.environ.get(name):
            return name, None
    if settings.url:
        return None, None
    wanted = " or ".join(names)
    return None, f"{spec.text} needs an API key: set {wanted} in the environment"


def api_key(spec: RemoteSpec, settings: RemoteSettings) -> tuple[str | None, str | None]:
    """(key, the variable it came from); raises MissingDependencyError when a hosted API has none."""
    name, why = key_status(spec, settings)
    if why:
        raise MissingDependencyError(why)
    return (os.environ.get(name) if name else None), name


def redact(text: str, secrets: list[str | None]) -> str:
    """`text` with every secret (and any long piece of one a server echoed back) replaced by "***"."""
    for secret in secrets:
        if not secret or len(secret) < 4:
            continue
        text = text.replace(secret, "***")
        for size in (24, 16, 8):  # servers echo keys partly ("sk-abc…xyz"): drop any long run of it
            if len(secret) <= size:
                continue
            for start in range(0, len(secret) - size + 1):
                piece = secret[start : start + size]
                if piece in text:
                    text = text.replace(piece, "***")
    return text


def safe_url(url: str | None) -> str | None:
    """A base URL fit for provenance: no user name, password, query or fragment."""
    if not url:
        return None
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
