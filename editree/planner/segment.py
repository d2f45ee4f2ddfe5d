"""Split an instruction into pieces when the grammar cannot parse it whole, so that what it can
structure still is, and only the rest becomes a free-form fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Hard boundaries between clauses: sentence ends, semicolons, commas.
_PUNCT = re.compile(r"[;；。!！?？\n]+|[.](?=\s|$)|[,，、]")
# Soft boundaries tried inside a piece that still fails: conjunctions.
_CONJ = re.compile(
    r"\b(?:and\s+then|and\s+also|and|then|after\s+that|also|plus)\b|[&+]|并且|然后|同时|接着|之后|随后|并",
    re.IGNORECASE,
)
# Words that carry no editing content on their own.
FILLER = re.compile(
    r"^(?:\s|[,.;:!?，。；！？、]|please|pls|plz|thanks|thank\s+you|thx|cheers|and|then|also|ok|okay|hey|hi|"
    r"so|now|just|kindly|could\s+you|can\s+you|would\s+you|请|谢谢|谢了|多谢|麻烦|帮我|好吗|吧|呢|啊|并|然后)*$",
    re.IGNORECASE,
)


def split_on(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of `text[start:end]` between matches of `pattern`, stripped of surrounding space."""
    end = len(text) if end is None else end
    pos = start
    for match in pattern.finditer(text, start, end):
        yield from _strip(text, pos, match.start())
        pos = match.end()
    yield from _strip(text, pos, end)


def _strip(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield (start, end)


def sentence_pieces(text: str) -> list[tuple[int, int]]:
    return list(split_on(_PUNCT, text))


def conjunction_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(split_on(_CONJ, text, start, end))


def is_filler(text: str) -> bool:
    return bool(FILLER.match(text))
