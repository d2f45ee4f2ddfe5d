"""The base of every IR node: immutable, strict, structurally comparable.

Strict validation matters because a plan file is untrusted input: `"amount": "0.5"` is an error
that names its path, not a silently coerced number.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]]
"""Half-open character range `[start, end)` into the plan's instruction."""

NonEmptyText = Annotated[str, Field(min_length=1, max_length=2000)]


class Node(BaseModel):
    # defer_build: a node type's validator is built when it first validates, not at import, so `editree plan`
    # builds those of the few node types a plan holds instead of all sixty (forward references resolve then too)
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)
