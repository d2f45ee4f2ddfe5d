"""Where the LLM planner's settings come from: flags, then environment, then the config file.

EDITREE_LLM_URL       base URL of an OpenAI-compatible server (…/v1)
EDITREE_LLM_MODEL     model name on that server, or a local folder with a transformers causal LM
EDITREE_LLM_API_KEY   the key itself (read from the environment, never from flags or files)
EDITREE_CONFIG        config file path [default: ~/.config/editree/config.toml]

# config.toml
[llm]
url = "http://localhost:11434/v1"
model = "qwen2.5:7b-instruct"
api_key_env = "OPENAI_API_KEY"     # name of the variable that holds the key
timeout = 60
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from editree.errors import UsageError


@dataclass(frozen=True)
class LLMConfig:
    url: str | None = None
    model: str | None = None
    api_key: str | None = None
    timeout: float = 60.0
    max_retries: int = 2
    """Re-asks after an invalid reply (with the validation error), and retries after HTTP failures."""
    cache_dir: Path | None = None

    @property
    def configured(self) -> bool:
        return bool(self.model) and (bool(self.url) or Path(str(self.model)).is_dir())

    @property
    def is_local(self) -> bool:
        return not self.url and bool(self.model) and Path(str(self.model)).is_dir()

    @property
    def identity(self) -> str:
        """What a cached plan depends on: the server and the model (or the local folder)."""
        if self.is_local:
            return f"local:{Path(str(self.model)).resolve()}"
        return f"{(self.url or '').rstrip('/')}|{self.model}"


def config_path() -> Path:
    explicit = os.environ.get("EDITREE_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "editree" / "config.toml"


def default_cache_dir() -> Path:
    from editree.cache_dirs import cache_root

    return cache_root() / "llm-plans"


def load_llm_config(url: str | None = None, model: str | None = None, timeout: float | None = None) -> LLMConfig:
    """Flags win over environment variables, which win over the config file."""
    section: dict[str, object] = {}
    path = config_path()
    if path.is_file():
        try:
            section = tomllib.loads(path.read_text(encoding="utf-8")).get("llm", {}) or {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"config file {path}: not valid TOML ({exc}); fix it or set EDITREE_CONFIG") from None
        if not isinstance(section, dict):
            raise UsageError(f"config file {path}: [llm] must be a table")
    key_env = str(section.get("api_key_env", "EDITREE_LLM_API_KEY"))
    api_key = os.environ.get("EDITREE_LLM_API_KEY") or os.environ.get(key_env) or None
    try:
        file_timeout = float(section.get("timeout", 60))
    except (TypeError, ValueError):
        raise UsageError(f"config file {path}: [llm] timeout must be a number of seconds") from None
    return LLMConfig(
        url=url or os.environ.get("EDITREE_LLM_URL") or _str(section.get("url")),
        model=model or os.environ.get("EDITREE_LLM_MODEL") or _str(section.get("model")),
        api_key=api_key,
        timeout=timeout or file_timeout,
        cache_dir=default_cache_dir(),
    )


def _str(value: object) -> str | None:
    return str(value) if value else None
