"""Guards for the Chinese LALR grammar's lexing (the English planner reads tokens, not an LALR grammar).

With LALR(1), parser states merge, so a state can accept terminals that only a sibling context uses; the
contextual lexer then chooses among the matching terminals a state accepts by priority alone. Two keyword
terminals of *equal* priority, accepted in the same state and matching the same word, make that choice
arbitrary. This test finds such pairs over every word and short phrase of the case tables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from editree.planner.grammar_zh import chinese_parser

HERE = Path(__file__).parent
CATCH_ALL = {"WORD", "CJK", "QUOTED"}


def _vocabulary(table: str, cjk: bool) -> set[str]:
    words: set[str] = set()
    for line in (HERE / table).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text = line.split("\t=> ")[0].lower()
        if cjk:
            chars = [c for c in text if not c.isspace()]
            for n in range(1, 6):
                words.update("".join(chars[i : i + n]) for i in range(len(chars) - n + 1))
        else:
            tokens = re.findall(r"[a-z'’%:0-9&#-]+", text)
            for n in range(1, 4):
                words.update(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return words


@pytest.mark.parametrize(
    ("parser", "table", "cjk"),
    [
        (chinese_parser, "cases_zh.txt", True),
    ],
)
def test_no_two_keyword_terminals_of_equal_priority_match_the_same_words(parser, table: str, cjk: bool) -> None:
    terminals = [t for t in parser().terminals if t.name not in CATCH_ALL and not t.name.startswith("__")]
    compiled = {t.name: re.compile(t.pattern.to_regexp()) for t in terminals}
    priority = {t.name: t.priority for t in terminals}
    matches: dict[str, set[str]] = {}
    for word in _vocabulary(table, cjk):
        hits = {name for name, rx in compiled.items() if (m := rx.match(word)) and m.end() == len(word)}
        if len(hits) > 1:
            matches[word] = hits
    states = parser().parser.parser.parser.parse_table.states
    clashes: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for actions in states.values():
        accepted = set(actions)
        for word, hits in matches.items():
            together = hits & accepted
            by_priority: dict[int, list[str]] = defaultdict(list)
            for name in together:
                by_priority[priority[name]].append(name)
            for names in by_priority.values():
                if len(names) > 1:
                    clashes[tuple(sorted(names))].add(word)
    assert not clashes, {k: sorted(v)[:5] for k, v in clashes.items()}
