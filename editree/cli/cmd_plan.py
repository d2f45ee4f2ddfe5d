"""`editree plan`: the dry run. Never imports torch, never reads an image."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from editree.cli.planning import LLMModelOpt, LLMUrlOpt, PlannerChoice, PlannerOpt, plan_instruction
from editree.errors import UsageError


class PlanFormat(StrEnum):
    tree = "tree"
    json = "json"
    text = "text"
    jsonl = "jsonl"


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
    file: Annotated[
        Optional[Path], typer.Option("--file", help="Plan every line of FILE (one instruction a line); prints JSONL.")
    ] = None,
) -> int:
    """Show the operation tree an instruction becomes, without editing anything."""
    from editree.cli import console
    from editree.ops import plan_json_schema, plan_text

    if schema:
        sys.stdout.write(json.dumps(plan_json_schema(), indent=2) + "\n")
        return
    if file is not None:
        if instruction is not None:
            raise UsageError("give either an INSTRUCTION or --file FILE, not both")
        if format not in (PlanFormat.jsonl, PlanFormat.tree):
            raise UsageError(f"--file prints one JSON object per line; use --format jsonl, not {format.value}")
        return _plan_file(file, strict, planner, llm_url, llm_model)
    if instruction is None:
        raise UsageError('missing INSTRUCTION; e.g. editree plan "blur the background and make it warmer"')
    result = plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
    if format is PlanFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    elif format is PlanFormat.jsonl:
        sys.stdout.write(result.to_json(indent=None) + "\n")
    elif format is PlanFormat.text:
        sys.stdout.write(plan_text(result) + "\n")
    else:
        console.out().print(console.plan_tree(result))
    console.print_plan_warnings(result)
    return 0


def _plan_file(path: Path, strict: bool, planner: PlannerChoice, llm_url: str | None, llm_model: str | None) -> int:
    """One JSON object per input line: the plan, or {"error", "exit_code", "line"} for that line.
    Exit code 3 when any line failed, so scripts notice; the other lines are still planned."""
    from editree.errors import EditreeError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--file {str(path)!r}: cannot read it as UTF-8 text ({exc})") from None
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            plan = plan_instruction(line, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
            record = plan.to_dict()
        except EditreeError as exc:
            failed += 1
            record = {"error": exc.message, "exit_code": int(exc.exit_code), "line": number, "instruction": line}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 3 if failed else 0
