"""The LLM planner: any instruction, the same operation tree, never trusted blindly."""

from editree.planner.llm.backends import LLMUnavailable, LocalTransformersBackend, OpenAICompatibleBackend
from editree.planner.llm.config import LLMConfig, load_llm_config
from editree.planner.llm.planner import plan_with_llm

__all__ = [
    "LLMConfig",
    "LLMUnavailable",
    "LocalTransformersBackend",
    "OpenAICompatibleBackend",
    "load_llm_config",
    "plan_with_llm",
]
