"""The planner's entry point: grammar first, then piecewise fallback, then assembly into a Plan.

Nothing the user wrote is silently dropped: a piece no rule structures becomes
`edit(all, instruction=<piece>)` with `fallback: true` and a warning (`strict=True` makes it an
error instead). Only chatter ("please", "thanks") is dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from lark.exceptions import UnexpectedInput

from editree.errors import InstructionError
from editree.ops import Constraint, Edit, Plan
from editree.planner.clauses import Clause, EditClause, FallbackClause, KeepClause
from editree.planner.grammar_en import NotUnderstood, parse_english
from editree.planner.segment import conjunction_pieces, is_filler, sentence_pieces

if TYPE_CHECKING:
    from editree.planner.llm.backends import ChatBackend
    from editree.planner.llm.config import LLMConfig

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_LATIN = re.compile(r"[A-Za-z]")
MAX_INSTRUCTION_CHARS = 10000

Lang = Literal["en", "zh", "mixed"]


def detect_lang(text: str) -> Lang:
    has_cjk = bool(_CJK.search(text))
    has_latin = bool(_LATIN.search(text))
    if has_cjk and has_latin:
        return "mixed"
    return "zh" if has_cjk else "en"


def parse(
    text: str,
    lang: str = "auto",
    strict: bool = False,
    planner: str = "grammar",
    llm: LLMConfig | None = None,
    backend: ChatBackend | None = None,
) -> Plan:
    """Plan an instruction. Raises `InstructionError` (exit 3) when nothing in it can be planned.

    planner: "grammar" (deterministic, offline), "llm" (the whole instruction to the LLM), or "auto"
    (the grammar first; clauses it could only keep as free-form edits go to the LLM, when one is
    configured, and its steps replace them).
    """
    if planner not in ("grammar", "llm", "auto"):
        raise InstructionError(f"planner {planner!r} is not known; expected grammar, llm or auto")
    # 1. Check the input.
    if len(text) > MAX_INSTRUCTION_CHARS:
        raise InstructionError(
            f"instruction is {len(text)} characters long; at most {MAX_INSTRUCTION_CHARS} are accepted "
            "(split it, or plan each part with `editree plan --file`)"
        )
    if not text.strip() or is_filler(text):
        shown = text.strip()
        raise InstructionError(
            "instruction has no editing content"
            + (f" ({shown!r} is only courtesy and punctuation)" if shown else " (it is empty)")
            + '; expected a request such as "blur the background and make it warmer"'
        )
    detected = detect_lang(text) if lang == "auto" else lang
    if detected not in ("en", "zh", "mixed"):
        raise InstructionError(f"language {lang!r} is not supported; expected auto, en or zh")
    if planner == "llm":
        return _whole_by_llm(text, detected, llm, backend)

    # 2. Parse: the whole instruction, else piece by piece.
    warnings: list[str] = []
    if detected == "en":
        clauses = _parse_whole_or_pieces(text)
    else:
        clauses = _parse_whole_or_pieces(text)
        if any(isinstance(c, FallbackClause) for c in clauses):
            warnings.append("Chinese instructions are not yet structured by a grammar; kept as free-form edits")

    # 3. Assemble; in auto mode, the LLM plans what the grammar could not structure.
    plan = _assemble(text, detected, clauses, warnings)
    if planner == "auto" and llm is not None and llm.configured and any(s.fallback for s in plan.steps):
        plan = _fill_fallbacks_by_llm(plan, llm, backend)
    fallbacks = [s for s in plan.edits() if s.fallback]
    if strict and fallbacks:
        first = fallbacks[0]
        start, end = first.span or (0, len(text))
        raise InstructionError(
            f"could not structure {text[start:end]!r} (column {start + 1}); rephrase it with a known verb "
            "(see `editree ops`), or drop --strict to run it as a free-form edit"
        )
    return plan


def _whole_by_llm(text: str, lang: str, llm: LLMConfig | None, backend: ChatBackend | None) -> Plan:
    from editree.planner.llm import LLMConfig, plan_with_llm

    plan = plan_with_llm(text, llm or LLMConfig(), lang=lang, backend=backend)
    whole = (0, len(text))
    return plan.model_copy(
        update={
            "constraints": tuple(c.model_copy(update={"span": whole}) for c in plan.constraints),
            "steps": tuple(s.model_copy(update={"span": whole}) for s in plan.steps),
        }
    )


def _fill_fallbacks_by_llm(plan: Plan, llm: LLMConfig, backend: ChatBackend | None) -> Plan:
    """Replace each free-form fallback step with the LLM's steps for that clause; on failure keep it."""
    from editree.errors import EditreeError
    from editree.planner.llm import plan_with_llm

    steps: list = []
    constraints = list(plan.constraints)
    warnings = list(plan.warnings)
    for step in plan.steps:
        if not (isinstance(step, Edit) and step.fallback):
            steps.append(step)
            continue
        clause = step.args.instruction
        try:
            sub = plan_with_llm(clause, llm, lang=plan.lang, context=plan.instruction, backend=backend)
        except EditreeError as exc:
            steps.append(step)
            warnings.append(f"the LLM could not plan {clause!r}: {exc.message}")
            continue
        warnings = [w for w in warnings if not w.startswith(f"could not structure {clause!r}")]
        steps.extend(s.model_copy(update={"span": step.span}) for s in sub.steps)
        for c in sub.constraints:
            if all(c.region != k.region or c.kind != k.kind for k in constraints):
                constraints.append(c.model_copy(update={"span": step.span}))
    return plan.model_copy(
        update={"steps": tuple(steps), "constraints": tuple(constraints), "warnings": tuple(warnings)}
    )


def _parse_whole_or_pieces(text: str) -> list[Clause]:
    try:
        return parse_english(text)
    except (UnexpectedInput, NotUnderstood):
        pass
    clauses: list[Clause] = []
    for start, end in sentence_pieces(text):
        clauses.extend(_parse_piece(text, start, end))
    return clauses


def _parse_piece(text: str, start: int, end: int) -> list[Clause]:
    piece = text[start:end]
    if is_filler(piece):
        return []
    try:
        return parse_english(piece, start="lone_clause", offset=start)
    except (UnexpectedInput, NotUnderstood):
        pass
    try:
        return parse_english(piece, start="instruction", offset=start)
    except (UnexpectedInput, NotUnderstood):
        pass
    # Try the conjunction-separated parts; adjacent parts that still fail are merged back.
    out: list[Clause] = []
    pending: tuple[int, int] | None = None
    parts = conjunction_pieces(text, start, end)
    if len(parts) <= 1:
        return [FallbackClause(piece, (start, end))]
    for s, e in parts:
        sub = text[s:e]
        try:
            parsed = [] if is_filler(sub) else parse_english(sub, start="lone_clause", offset=s)
        except (UnexpectedInput, NotUnderstood):
            pending = (pending[0], e) if pending else (s, e)
            continue
        if pending:
            out.append(FallbackClause(text[pending[0] : pending[1]], pending))
            pending = None
        out.extend(parsed)
    if pending:
        out.append(FallbackClause(text[pending[0] : pending[1]], pending))
    return out


def _assemble(text: str, lang: Lang, clauses: list[Clause], warnings: list[str]) -> Plan:
    constraints: list[Constraint] = []
    steps: list[Edit] = []
    for clause in clauses:
        if isinstance(clause, KeepClause):
            if all(c.region != clause.region for c in constraints):
                constraints.append(Constraint(kind="keep", region=clause.region, span=clause.span, planner="grammar"))
        elif isinstance(clause, EditClause):
            steps.append(Edit.make(clause.op, clause.target, clause.args, span=clause.span, planner="grammar"))
        else:
            steps.append(
                Edit.make("edit", args={"instruction": clause.text}, span=clause.span, fallback=True, planner="grammar")
            )
            warnings.append(
                f"could not structure {clause.text!r} (characters {clause.span[0]}-{clause.span[1]}); "
                "it becomes a free-form edit, which needs an instruction-following model"
            )
    if not steps and not constraints:
        raise InstructionError(
            f"instruction {text.strip()!r} has no editing content; expected a request such as "
            '"blur the background and make it warmer"'
        )
    if not steps:
        warnings.append("the instruction only says what to keep; nothing will change")
    return Plan(
        instruction=text, lang=lang, constraints=tuple(constraints), steps=tuple(steps), warnings=tuple(warnings)
    )
