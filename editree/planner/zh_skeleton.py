"""The Chinese instruction, clause by clause: the grammar (zh.lark) on the whole text, else piece by piece.

Chinese instructions are parsed by the LALR grammar; what it cannot read whole is cut at punctuation,
then at conjunctions, so that what the grammar can structure still is and only the rest becomes a
free-form fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from lark.exceptions import UnexpectedInput

from editree.planner.clauses import Clause, FallbackClause
from editree.planner.segment import conjunction_pieces, is_filler, sentence_pieces
from editree.planner.semantics import NotUnderstood

Parser = Callable[[str, int, list[str]], list[Clause]]


def parse_chinese_instruction(text: str, warnings: list[str]) -> list[Clause]:
    """Clauses of a Chinese (or mixed) instruction; spans index into `text`."""
    from editree.planner.grammar_zh import parse_chinese

    def parse_fn(piece: str, offset: int, out: list[str]) -> list[Clause]:
        return parse_chinese(piece, offset=offset, warnings=out)

    return _parse_whole_or_pieces(text, parse_fn, warnings)


def _parse_whole_or_pieces(text: str, parse_fn: Parser, warnings: list[str]) -> list[Clause]:
    attempt: list[str] = []
    try:
        clauses = parse_fn(text, 0, attempt)
        warnings.extend(attempt)
        return clauses
    except (UnexpectedInput, NotUnderstood):
        pass
    clauses: list[Clause] = []
    for start, end in sentence_pieces(text):
        clauses.extend(_parse_piece(text, start, end, parse_fn, warnings))
    return clauses


def _try(text: str, start: int, end: int, parse_fn: Parser, warnings: list[str]) -> list[Clause] | None:
    attempt: list[str] = []
    try:
        clauses = parse_fn(text[start:end], start, attempt)
    except (UnexpectedInput, NotUnderstood):
        return None
    warnings.extend(attempt)
    return clauses


def _parse_piece(text: str, start: int, end: int, parse_fn: Parser, warnings: list[str]) -> list[Clause]:
    piece = text[start:end]
    if is_filler(piece):
        return []
    parsed = _try(text, start, end, parse_fn, warnings)
    if parsed is not None:
        return parsed
    # Try the conjunction-separated parts; adjacent parts that still fail are merged back.
    parts = conjunction_pieces(text, start, end)
    if len(parts) <= 1:
        return [FallbackClause(piece, (start, end))]
    out: list[Clause] = []
    pending: tuple[int, int] | None = None
    for s, e in parts:
        parsed = [] if is_filler(text[s:e]) else _try(text, s, e, parse_fn, warnings)
        if parsed is None:
            pending = (pending[0], e) if pending else (s, e)
            continue
        if pending:
            out.append(FallbackClause(text[pending[0] : pending[1]], pending))
            pending = None
        out.extend(parsed)
    if pending:
        out.append(FallbackClause(text[pending[0] : pending[1]], pending))
    return out
