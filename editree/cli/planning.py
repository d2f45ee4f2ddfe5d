"""The planner flags shared by `plan`, `edit` and `batch`, the function that uses them, and reading saved plans."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from editree.errors import EditreeError
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
    return make_planner(strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)(text)


def make_planner(
    *,
    strict: bool = False,
    planner: PlannerChoice = PlannerChoice.auto,
    llm_url: str | None = None,
    llm_model: str | None = None,
) -> Callable[[str], Plan]:
    """text -> Plan with the settings resolved once: `plan --file` plans thousands of lines with one reading of
    the LLM configuration (flags, environment, config file), not one per line."""
    from editree.planner import parse

    llm = None
    if planner is not PlannerChoice.grammar:
        from editree.planner.llm import load_llm_config

        llm = load_llm_config(url=llm_url, model=llm_model)

    def plan(text: str) -> Plan:
        return parse(text, strict=strict, planner=planner.value, llm=llm)

    return plan


def read_plan_file(path: Path, flag: str) -> Plan:
    """A saved plan, validated: JSON (as `editree plan --format json` writes it) or the canonical text form (as
    `--format text` writes it), told apart by content: JSON starts with `{` (or `[`, to be refused as not a plan
    object), anything else is text. `flag` names where the path came from in errors (--plan, or apply's PLAN)."""
    from editree.errors import PlanValidationError, UsageError
    from editree.ops import load_plan

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{flag} {str(path)!r}: cannot read it ({exc.strerror})") from None
    source = str(path)
    body = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not body:
        raise PlanValidationError(
            f"{source}: the file is empty; expected a plan as `editree plan --format json` or `--format text` writes it"
        )
    if body[:1] in (b"{", b"["):
        return load_plan(body, source=source)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start + len(data) - len(body)]
        line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
        raise PlanValidationError(
            f"{source}: line {line} column {column}: not UTF-8 text; expected a plan as "
            "`editree plan --format json` or `--format text` writes it"
        ) from None
    from editree.planner.text_form import parse_plan_text

    return parse_plan_text(text, source=source)


_DID_YOU_MEAN = re.compile(r"\(did you mean [^()]*\?\)")


def with_misspelling_hint(exc: EditreeError, plan: Plan) -> EditreeError:
    """`exc` (a check of the plan that names a free-form fallback step, or its words, as what it cannot run or
    find), with the planner's "did you mean" for those words in front: a misspelled verb ("brigthen") is the
    likelier fix than installing an instruction model. The planner puts the hint in the plan's warnings; `exc`
    as it was when there is none."""
    from editree.ops.text import step_text

    for step in plan.edits():
        if not step.fallback:
            continue
        words = [w for w in (step.args.instruction, getattr(step.args, "instruction_source", None)) if w]
        if step_text(step) not in exc.message and not any(repr(w) in exc.message for w in words):
            continue
        for warning in plan.warnings:
            hint = _DID_YOU_MEAN.search(warning)
            if hint and any(w in warning for w in words):
                message = f"could not structure {words[-1]!r} {hint.group(0)}, so it became a free-form edit: {exc}"
                return type(exc)(message)
    return exc
