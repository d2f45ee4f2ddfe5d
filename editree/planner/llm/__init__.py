"""The LLM planner: any instruction, the same operation tree, never trusted blindly.

Names are imported when first used (PEP 562): `editree plan` reads the LLM settings on every run, and the HTTP
backends (urllib, json, ssl) cost start-up time that only a run with an LLM configured should pay.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editree.planner.llm.backends import LLMUnavailable, LocalTransformersBackend, OpenAICompatibleBackend
    from editree.planner.llm.config import LLMConfig, load_llm_config
    from editree.planner.llm.planner import plan_with_llm

_HOME = {
    "LLMConfig": "config",
    "load_llm_config": "config",
    "LLMUnavailable": "backends",
    "LocalTransformersBackend": "backends",
    "OpenAICompatibleBackend": "backends",
    "plan_with_llm": "planner",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"editree.planner.llm.{_HOME[name]}"), name)


__all__ = [
    "LLMConfig",
    "LLMUnavailable",
    "LocalTransformersBackend",
    "OpenAICompatibleBackend",
    "load_llm_config",
    "plan_with_llm",
]
