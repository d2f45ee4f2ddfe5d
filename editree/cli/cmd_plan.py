"""`editree plan`: the dry run. Never imports torch, never reads an image."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Optional

import typer

from editree.cli.planning import LLMModelOpt, LLMUrlOpt, PlannerChoice, PlannerOpt, plan_instruction
from editree.errors import UsageError


class PlanFormat(StrEnum):
    tree = "tree"
    json = "json"
    text = "text"


def plan(
    instruction: Annotated[Optional[str], typer.Argument(help="The instruction, in quotes.")] = None,
    format: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="tree for people, json for programs, text for logs.")
    ] = PlanFormat.tree,
    schema: Annotated[bool, typer.Option("--schema", help="Print the plan's JSON Schema and exit.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 3) instead of keeping free-form fallbacks.")
    ] = False,
    planner: PlannerOpt = PlannerChoice.auto,
    llm_url: LLMUrlOpt = None,
    llm_model: LLMModelOpt = None,
) -> None:
    """Show the operation tree an instruction becomes, without editing anything."""
    from editree.cli import console
    from editree.ops import plan_json_schema, plan_text

    if schema:
        sys.stdout.write(json.dumps(plan_json_schema(), indent=2) + "\n")
        return
    if instruction is None:
        raise UsageError('missing INSTRUCTION; e.g. editree plan "blur the background and make it warmer"')
    result = plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
    if format is PlanFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    elif format is PlanFormat.text:
        sys.stdout.write(plan_text(result) + "\n")
    else:
        console.out().print(console.plan_tree(result))
    console.print_plan_warnings(result)
