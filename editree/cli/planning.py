"""The planner flags shared by `plan`, `edit` and `batch`, and the one function that uses them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from editree.ops import Plan


class PlannerChoice(StrEnum):
    auto = "auto"
    grammar = "grammar"
    llm = "llm"


PlannerOpt = Annotated[
    PlannerChoice,
    typer.Option(
        "--planner",
        help="grammar (offline), llm, or auto: the grammar, then the LLM for what it could "
        "not structure (when one is configured).",
    ),
]
LLMUrlOpt = Annotated[
    Optional[str],
    typer.Option("--llm-url", help="OpenAI-compatible server, e.g. http://localhost:11434/v1 [env EDITREE_LLM_URL]."),
]
LLMModelOpt = Annotated[
    Optional[str],
    typer.Option("--llm-model", help="Model name on that server, or a local model folder [env EDITREE_LLM_MODEL]."),
]


def plan_instruction(
    text: str,
    *,
    strict: bool = False,
    planner: PlannerChoice = PlannerChoice.auto,
    llm_url: str | None = None,
    llm_model: str | None = None,
) -> Plan:
    from editree.planner import parse

    llm = None
    if planner is not PlannerChoice.grammar:
        from editree.planner.llm import load_llm_config

        llm = load_llm_config(url=llm_url, model=llm_model)
    return parse(text, strict=strict, planner=planner.value, llm=llm)
