"""What the English and Chinese grammar transformers share: reading children, spans, edit clauses,
the "it" bookkeeping and `exists` conditions. Each language adds its own words on top."""

from __future__ import annotations

from typing import Any

from lark import Token, Transformer, v_args

from editree.ops import ALL, BACKGROUND, BoxRegion, MinusRegion, NotRegion, PhraseRegion, Region, UnionRegion
from editree.ops.conditions import Cond, Exists, NotCond
from editree.planner.clauses import Clause, EditClause, IfClause, KeepClause, KeepRestClause

REGION_TYPES = (PhraseRegion, type(ALL), type(BACKGROUND), NotRegion, UnionRegion, MinusRegion, BoxRegion)


def tokens(children: list[Any], *types: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type in types]


def first(children: list[Any], *types: str) -> Token | None:
    return next((c for c in children if isinstance(c, Token) and c.type in types), None)


def regions(children: list[Any]) -> list[Region]:
    return [c for c in children if isinstance(c, REGION_TYPES)]


def clauses(children: list[Any]) -> list[Clause]:
    out: list[Clause] = []
    for child in children:
        if isinstance(child, list):
            out.extend(child)
        elif isinstance(child, (KeepClause, EditClause, IfClause, KeepRestClause)):
            out.append(child)
    return out


@v_args(meta=True)
class ClauseBuilder(Transformer):
    """Rule methods take (meta, children), here and in the subclasses (also decorated with v_args)."""

    negated = False
    """Set while reading an "unless" condition, whose region is not what a later "it" means."""

    def __init__(self, text: str, offset: int = 0) -> None:
        super().__init__()
        self.text = text
        self.offset = offset
        self.last_target: Region | None = None
        self.last_person: str | None = None

    def _span(self, meta: Any) -> tuple[int, int]:
        return (meta.start_pos + self.offset, meta.end_pos + self.offset)

    def _raw(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    def _edit(self, meta: Any, op: str, target: Region | None, args: dict[str, Any]) -> EditClause:
        clause = EditClause(
            op, target if target is not None else ALL, args, self._span(meta), explicit_target=target is not None
        )
        self.last_target = clause.target
        return clause

    def _target(self, children: list[Any]) -> Region | None:
        found = regions(children)
        return found[0] if found else None

    def cond_exists(self, meta: Any, children: list[Any]) -> Cond:
        region = regions(children)[0]
        if not self.negated:  # "unless there is a person, make it …": "it" is not the person
            self.last_target = region
        return Exists(region=region)

    def cond_not_exists(self, meta: Any, children: list[Any]) -> Cond:
        # "if there is no person, make it …": "it" cannot be the absent person.
        before = self.last_target
        cond = NotCond(cond=self.cond_exists(meta, children))
        self.last_target = before
        return cond
