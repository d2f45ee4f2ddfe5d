"""Every word of a meaning-bearing class in the lexicon is understood where the planner reads it."""

from __future__ import annotations

import pytest

from editree.planner import lexicon_en as lex
from editree.planner.en import parse_english


@pytest.mark.parametrize("word", sorted(lex.COMPARATIVES))
def test_comparatives_parse(word: str) -> None:
    clause = parse_english(f"make it {word}")[0]
    assert (clause.args["property"], clause.args["amount"] > 0) == (
        lex.COMPARATIVES[word][0],
        lex.COMPARATIVES[word][1] > 0,
    )


@pytest.mark.parametrize("word", sorted(lex.ADJUST_VERBS))
def test_adjust_verbs_parse(word: str) -> None:
    clause = parse_english(f"{word} the photo")[0]
    assert clause.op == "adjust" and clause.args["property"] == lex.ADJUST_VERBS[word][0]


@pytest.mark.parametrize("word", sorted(lex.PROPERTY_NOUNS))
def test_property_nouns_parse(word: str) -> None:
    clause = parse_english(f"increase the {word}")[0]
    assert clause.args["property"] == lex.PROPERTY_NOUNS[word]


@pytest.mark.parametrize("word", sorted(lex.DEGREES))
def test_degrees_scale(word: str) -> None:
    clause = parse_english(f"make it {word} warmer")[0]
    assert clause.args["amount"] == pytest.approx(min(1.0, lex.BASE_ADJUST * lex.DEGREES[word]))
