"""`editree plan`: the dry run. Never imports torch, never reads an image."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from editree.errors import UsageError


class PlanFormat(str, Enum):
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
) -> None:
    """Show the operation tree an instruction becomes, without editing anything."""
    from editree.cli import console
    from editree.ops import plan_json_schema, plan_text

    if schema:
        sys.stdout.write(json.dumps(plan_json_schema(), indent=2) + "\n")
        return
    if instruction is None:
        raise UsageError('missing INSTRUCTION; e.g. editree plan "blur the background and make it warmer"')
    from editree.planner import parse

    result = parse(instruction, strict=strict)
    if format is PlanFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    elif format is PlanFormat.text:
        sys.stdout.write(plan_text(result) + "\n")
    else:
        console.out().print(console.plan_tree(result))
    console.print_plan_warnings(result)
