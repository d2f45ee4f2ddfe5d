"""The planner's entry point: grammar first, then piecewise fallback, then assembly into a Plan.

Nothing the user wrote is silently dropped: a piece no rule structures becomes
`edit(all, instruction=<piece>)` with `fallback: true` and a warning (`strict=True` makes it an
error instead). Only chatter ("please", "thanks") is dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from editree.errors import InstructionError
from editree.ops import (
    ALL,
    BACKGROUND,
    Constraint,
    Edit,
    If,
    NotRegion,
    PhraseRegion,
    Plan,
    Region,
    UnionRegion,
    iter_edits,
)
from editree.planner.clauses import Clause, EditClause, FallbackClause, IfClause, KeepClause, KeepRestClause
from editree.planner.lexicon_en import STOPWORDS, VERBS, ZH_STOP_PHRASES
from editree.planner.segment import is_filler

if TYPE_CHECKING:
    from editree.planner.llm.backends import ChatBackend
    from editree.planner.llm.config import LLMConfig

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_LATIN = re.compile(r"[A-Za-z]")
MAX_INSTRUCTION_CHARS = 10000
MAX_STEPS = 256
"""Top-level steps (and constraints) of one plan; the IR refuses more (editree/ops/plan.py)."""

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
    if lang == "auto":
        from editree.planner.languages import unsupported_language

        other = unsupported_language(text)
        if other is not None:
            raise InstructionError(
                f"the instruction looks like {other}; only English and Chinese instructions are understood "
                "(write it in one of them)"
            )
    detected = detect_lang(text) if lang == "auto" else lang
    if detected not in ("en", "zh", "mixed"):
        raise InstructionError(f"language {lang!r} is not supported; expected auto, en or zh")
    if planner == "llm":
        return _whole_by_llm(text, detected, llm, backend)

    # 2. Parse: the whole instruction, else piece by piece.
    warnings: list[str] = []
    from editree.planner import long_prompts

    if long_prompts.is_very_long(text):
        # A prompt of 90+ words is one free-form edit whatever its clauses say: read only the sentences that
        # say what to keep (planning every clause of a 3,000-character prompt took 100 ms for nothing)
        clauses = long_prompts.keeps_of(text, lambda piece, out: _parse_any(piece, detected, out), warnings)
        warnings = [w for w in warnings if w.startswith("no English for")]
        plan = _assemble(text, detected, long_prompts.collapse(text, clauses, warnings), warnings)
        return _finish(plan, text, strict, planner, llm, backend)
    clauses = _parse_any(text, detected, warnings)

    # 3. A long descriptive prompt is one free-form edit (plus the constraints it states), not fragments.
    if long_prompts.is_descriptive(text, clauses):
        warnings = [w for w in warnings if w.startswith("no English for")]
        clauses = long_prompts.collapse(text, clauses, warnings)
    # 4. Assemble; in auto mode, the LLM plans what the grammar could not structure.
    plan = _assemble(text, detected, clauses, warnings)
    return _finish(plan, text, strict, planner, llm, backend)


def _parse_any(text: str, lang: str, warnings: list[str]) -> list[Clause]:
    """Clauses of `text` in its language; mixed text goes to whichever planner structures more of it
    ("把 background 换成 forest" reads as Chinese, "blur the 背景" as English)."""
    if lang == "en":
        return _english(text, 0, warnings)
    if lang == "zh":
        return _chinese(text, warnings)
    zh_warnings: list[str] = []
    zh = _chinese(text, zh_warnings)
    en_warnings: list[str] = []
    en = _english(text, 0, en_warnings)
    if _fallback_count(zh) <= _fallback_count(en):
        warnings.extend(zh_warnings)
        return zh
    warnings.extend(en_warnings)
    return en


def _finish(
    plan: Plan,
    text: str,
    strict: bool,
    planner: str,
    llm: LLMConfig | None,
    backend: ChatBackend | None,
) -> Plan:
    """What every plan gets at the end: the LLM for the grammar's fallbacks (auto), and --strict."""
    if planner == "auto" and llm is not None and llm.configured and any(s.fallback for s in plan.steps):
        plan = _fill_fallbacks_by_llm(plan, llm, backend)
    fallbacks = [s for s in plan.edits() if s.fallback]
    if strict and fallbacks:
        first = fallbacks[0]
        start, end = first.span or (0, len(text))
        raise InstructionError(
            f"could not structure {text[start:end]!r} (column {start + 1}){_suggestion(text[start:end])}; rephrase "
            "it with a known verb (see `editree ops`), or drop --strict to run it as a free-form edit",
            text,
            (start, end),
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


def _english(text: str, offset: int, warnings: list[str]) -> list[Clause]:
    """The English frame planner reads every clause itself (what it cannot structure comes back as
    fallback clauses), so it never needs the piecewise retry the Chinese grammar does."""
    from editree.planner.en import parse_english

    clauses = parse_english(text, offset=offset, warnings=warnings)
    return [_translate_mixed(c, warnings) for c in clauses]


def _chinese(text: str, warnings: list[str]) -> list[Clause]:
    from editree.planner.zh_skeleton import parse_chinese_instruction

    return parse_chinese_instruction(text, warnings)


def _translate_mixed(clause: Clause, warnings: list[str]) -> Clause:
    """English grammar, Chinese words ("blur the 背景"): regions go through the lexicon too."""
    if not isinstance(clause, (EditClause, KeepClause)):
        return clause
    region = clause.target if isinstance(clause, EditClause) else clause.region
    if not (isinstance(region, PhraseRegion) and _CJK.search(region.text)):
        return clause
    from editree.planner.translate import translate

    result = translate(region.text, articles=False)
    if result.untranslated:
        warnings.append(f"no English for {'、'.join(result.untranslated)!r}; it is kept as written")
    english = {"background": BACKGROUND}.get(result.text) or PhraseRegion(
        text=result.text, source=region.text, qualifiers=region.qualifiers
    )
    if isinstance(clause, EditClause):
        return EditClause(clause.op, english, clause.args, clause.span, clause.fallback, clause.explicit_target)
    return KeepClause(english, clause.span)


def _fallback_count(clauses: list[Clause]) -> int:
    return sum(isinstance(c, FallbackClause) for c in clauses)


def _first(exc: ValueError) -> str:
    """The first line of a validation error, for a warning."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first.get('loc', ()))}: {first.get('msg', '')}".strip(": ")
    return str(exc).splitlines()[0]


def _shorten(text: str, limit: int = 80) -> str:
    """A long piece quoted in a warning: its start, then an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _suggestion(piece: str) -> str:
    """ "did you mean" for a misspelled verb at the start of a piece the grammar could not read."""
    words = re.findall(r"[a-z]+", piece.lower())
    if not words or words[0] in VERBS:
        return ""
    from editree.planner.en.vocab import close_verb

    close = close_verb(words[0])
    return f' (did you mean "{close}"?)' if close else ""


def _has_content(piece: str) -> bool:
    if _CJK.search(piece):
        return re.sub(r"[\s，。！？,.!?]", "", piece) not in ZH_STOP_PHRASES
    words = re.findall(r"[^\W\d_]+", piece.lower())
    return any(w not in STOPWORDS for w in words)


def _assemble(text: str, lang: Lang, clauses: list[Clause], warnings: list[str]) -> Plan:
    fallbacks = [c for c in clauses if isinstance(c, FallbackClause)]
    if fallbacks and len(fallbacks) == len(clauses) and not any(_has_content(c.text) for c in fallbacks):
        first = fallbacks[0]
        raise InstructionError(
            f"instruction has no editing content: {text.strip()!r} (column {first.span[0] + 1}); expected a request "
            'such as "blur the background and make it warmer"',
            text,
            (first.span[0], fallbacks[-1].span[1]),
        )
    constraints: list[Constraint] = []
    rest_spans: list[tuple[int, int]] = []

    def keep(region: Region, span: tuple[int, int], nested: bool, kind: str = "keep") -> None:
        if nested:
            warnings.append(f"{text[span[0] : span[1]]!r} inside a condition keeps that region for the whole plan")
        if all(c.region != region or c.kind != kind for c in constraints):
            constraints.append(Constraint(kind=kind, region=region, span=span, planner="grammar"))

    def steps_of(items: list[Clause], nested: bool) -> list:
        out: list = []
        for clause in items:
            if isinstance(clause, KeepClause):
                keep(clause.region, clause.span, nested, clause.kind)
            elif isinstance(clause, KeepRestClause):
                rest_spans.append(clause.span)
            elif isinstance(clause, EditClause) and clause.op == "edit":
                # a free-form edit is a fallback even when the planner could tell its region
                out.append(fallback_step(clause.args["instruction"], clause.span, clause.target))
            elif isinstance(clause, EditClause):
                try:
                    out.append(Edit.make(clause.op, clause.target, clause.args, span=clause.span, planner="grammar"))
                except ValueError as exc:  # pydantic's ValidationError: the IR refuses what the planner read
                    piece = text[clause.span[0] : clause.span[1]]
                    warnings.append(f"{_shorten(piece)!r} read as {clause.op} with invalid arguments ({_first(exc)})")
                    out.append(fallback_step(piece, clause.span, clause.target))
            elif isinstance(clause, IfClause):
                out.append(
                    If(
                        cond=clause.cond,
                        then=tuple(steps_of(clause.then, True)),
                        else_=tuple(steps_of(clause.else_, True)),
                        span=clause.span,
                        planner="grammar",
                    )
                )
            else:
                out.append(fallback_step(clause.text, clause.span, clause.target))
        return out

    def fallback_step(instruction: str, span: tuple[int, int], target: Region | None) -> Edit:
        warnings.append(
            f"could not structure {_shorten(instruction)!r} (characters {span[0]}-{span[1]})"
            f"{_suggestion(instruction)}; it "
            "becomes a free-form edit, which needs an instruction-following model"
        )
        return Edit.make(
            "edit", target or ALL, args={"instruction": instruction}, span=span, fallback=True, planner="grammar"
        )

    steps = steps_of(clauses, False)
    if len(steps) > MAX_STEPS or len(constraints) > MAX_STEPS:
        raise InstructionError(
            f"instruction has {max(len(steps), len(constraints))} steps; at most {MAX_STEPS} are accepted in one plan "
            "(split it into several instructions, e.g. one per line with `editree plan --file`)"
        )
    if rest_spans:
        targets = [e.target for e in iter_edits(tuple(steps)) if not e.fallback]
        unique = list(dict.fromkeys(targets))
        if unique and ALL not in unique:
            edited = unique[0] if len(unique) == 1 else UnionRegion(regions=tuple(unique))
            keep(NotRegion(region=edited), rest_spans[0], False)
        else:
            warnings.append('"don\'t change anything else": every edit already covers the whole image')
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
