"""The planner flags shared by `plan`, `edit` and `batch`, the function that uses them, and reading saved plans."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
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


def read_plan_file(path: Path, flag: str) -> Plan:
    """A saved plan (JSON, as `editree plan --format json` writes it), validated; `flag` names where it came from
    in errors (--plan, or apply's PLAN argument)."""
    from editree.errors import UsageError
    from editree.ops import load_plan

    try:
        text = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{flag} {str(path)!r}: cannot read it ({exc.strerror})") from None
    return load_plan(text, source=str(path))
