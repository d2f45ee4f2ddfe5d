"""Nothing the Chinese planner is given crashes it: random strings of its own keywords, lexicon words and
punctuation plan, or fail with a one-line InstructionError, never with an internal error."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editree.errors import InstructionError
from editree.ops import plan_text
from editree.planner import parse
from editree.planner.grammar_zh import chinese_parser
from editree.planner.translate import lexicon

_WORD = re.compile(r"[\u3400-\u9fff]+")


@cache
def _keywords() -> list[str]:
    """The Chinese words the grammar's terminals spell out, from their patterns."""
    words: set[str] = set()
    for terminal in chinese_parser().terminals:
        words.update(w for w in _WORD.findall(terminal.pattern.to_regexp()) if len(w) <= 6)
    return sorted(words)


def _vocabulary() -> list[str]:
    return [*_keywords(), *sorted(lexicon())[::3], "，", "。", "、", "；", "的", "不", "50%", "16:9", " ", "sky"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_vocabulary()), min_size=1, max_size=9))
def test_random_keyword_strings_plan_or_fail_cleanly(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        plan = parse(text)
    except InstructionError:
        return
    plan_text(plan)  # every plan renders
    for step in plan.edits():
        assert step.span is None or 0 <= step.span[0] <= step.span[1] <= len(text)
