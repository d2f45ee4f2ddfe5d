"""What a grammar yields per clause, before the clauses are assembled into a Plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editree.ops import Region
from editree.ops.base import Span


@dataclass(frozen=True)
class KeepClause:
    region: Region
    span: Span
    kind: str = "keep"


@dataclass(frozen=True)
class EditClause:
    op: str
    target: Region
    args: dict[str, Any]
    span: Span
    fallback: bool = False
    explicit_target: bool = True


@dataclass(frozen=True)
class FallbackClause:
    """A piece of the instruction no grammar rule could structure; it becomes a free-form edit.

    `target` is the region the piece is about when the planner could tell ("make the left person smile"
    is a free-form edit of the left person), else the whole image."""

    text: str
    span: Span
    target: Region | None = None


@dataclass
class ParseResult:
    clauses: list[Clause] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class KeepRestClause:
    """ "don't change anything else": keep everything outside the plan's edit targets."""

    span: Span


@dataclass(frozen=True)
class IfClause:
    cond: Any
    then: list[Any]
    else_: list[Any]
    span: Span


Clause = KeepClause | EditClause | FallbackClause | KeepRestClause | IfClause
