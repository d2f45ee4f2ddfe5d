"""Ask an LLM for a plan, and never trust it: only IR comes out, validated like a plan file.

The reply is parsed as JSON, normalised (our instruction and language, no spans from the model,
every node marked `planner: "llm"`), validated by the IR and held to tighter limits than plan files.
An invalid reply is sent back with the validation error, a bounded number of times; then the user
gets exit code 3 with what the model returned.
"""

from __future__ import annotations

import json
import re
from typing import Any

from editree.errors import InstructionError, PlanValidationError
from editree.ops import Plan, plan_from_dict, plan_json_schema
from editree.planner.llm import cache
from editree.planner.llm.backends import ChatBackend, make_backend
from editree.planner.llm.config import LLMConfig
from editree.planner.llm.prompt import PROMPT_VERSION, messages

MAX_LLM_STEPS = 32
MAX_LLM_DEPTH = 8
MAX_REPLY_CHARS = 100_000

_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)


class _Invalid(Exception):
    pass


def plan_with_llm(
    instruction: str,
    config: LLMConfig,
    *,
    lang: str,
    context: str | None = None,
    backend: ChatBackend | None = None,
) -> Plan:
    """A validated plan for `instruction` (one clause of `context`, when given)."""
    key = cache.cache_key(PROMPT_VERSION, config.identity, instruction, context)
    cached = cache.read(config.cache_dir, key)
    if cached is not None:
        return cached
    backend = backend or make_backend(config)
    conversation = messages(instruction, context)
    schema = plan_json_schema()
    problem = ""
    reply = ""
    for _ in range(config.max_retries + 1):
        reply = backend.complete(conversation, schema)
        try:
            plan = _to_plan(reply, instruction, lang)
        except _Invalid as exc:
            problem = str(exc)
            conversation = [
                *conversation,
                {"role": "assistant", "content": reply[:4000]},
                {
                    "role": "user",
                    "content": f"That is not a valid plan: {problem}. Reply with the corrected JSON object only.",
                },
            ]
            continue
        cache.write(config.cache_dir, key, plan)
        return plan
    shown = json.dumps(reply[:160], ensure_ascii=False) + ("…" if len(reply) > 160 else "")
    raise InstructionError(
        f"the LLM ({backend.name}) gave no valid plan in {config.max_retries + 1} tries; last problem: {problem}; "
        f"it returned {shown}. Rephrase the instruction, or use --planner grammar"
    )


def _to_plan(reply: str, instruction: str, lang: str) -> Plan:
    if len(reply) > MAX_REPLY_CHARS:
        raise _Invalid(f"the reply is {len(reply)} characters long; a plan needs far fewer")
    text = _FENCE.sub("", reply.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise _Invalid("the reply contains no JSON object")
    try:
        data = json.loads(text[start : end + 1])
    except json.JSONDecodeError as exc:
        raise _Invalid(f"the reply is not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(data, dict):
        raise _Invalid("the reply is not a JSON object")
    data.setdefault("version", 1)
    data["instruction"] = instruction
    data["lang"] = lang
    data["warnings"] = []
    for key in ("constraints", "steps"):
        if key in data and isinstance(data[key], list):
            data[key] = [_mark(node, 1) for node in data[key]]
    try:
        plan = plan_from_dict(data, source="LLM reply")
    except PlanValidationError as exc:
        raise _Invalid(exc.message.removeprefix("LLM reply: ")) from None
    if not plan.steps and not plan.constraints:
        raise _Invalid("the plan has no steps and no constraints")
    if len(list(plan.edits())) > MAX_LLM_STEPS:
        raise _Invalid(f"the plan has more than {MAX_LLM_STEPS} edits")
    return plan


def _mark(node: Any, depth: int) -> Any:
    """Drop the model's spans (they index its copy of the text) and mark the node as the LLM's."""
    if depth > MAX_LLM_DEPTH:
        raise _Invalid(f"the plan nests If steps more than {MAX_LLM_DEPTH} deep")
    if not isinstance(node, dict):
        return node
    node = {k: v for k, v in node.items() if k != "span"}
    node["planner"] = "llm"
    for branch in ("then", "else"):
        if isinstance(node.get(branch), list):
            node[branch] = [_mark(child, depth + 1) for child in node[branch]]
    return node
