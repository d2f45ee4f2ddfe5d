"""Planner behaviour beyond the case table: spans, fallbacks, amounts, errors, chatter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editree.errors import EditreeError, InstructionError
from editree.ops import Edit, Plan, load_plan
from editree.planner import detect_lang, parse

DEMO = "keep the person unchanged, blur the background, add fog and make it warmer"


def test_spans_point_at_the_words() -> None:
    plan = parse(DEMO)
    words = [plan.instruction[s.span[0] : s.span[1]] for s in plan.steps]
    assert words == ["blur the background", "add fog", "make it warmer"]
    keep = plan.constraints[0]
    assert plan.instruction[keep.span[0] : keep.span[1]] == "keep the person unchanged"


def test_spans_in_fallback_pieces_are_absolute() -> None:
    text = "blur the background and make the sky dramatic"
    plan = parse(text)
    fallback = plan.steps[1]
    assert isinstance(fallback, Edit) and fallback.fallback
    assert text[fallback.span[0] : fallback.span[1]] == "make the sky dramatic"
    assert fallback.args.instruction == "make the sky dramatic"
    assert any("make the sky dramatic" in w for w in plan.warnings)


def test_amounts_are_ordered() -> None:
    def amount(text: str) -> float:
        return parse(text).steps[0].args.amount

    assert amount("make it a bit warmer") < amount("make it warmer") < amount("make it much warmer")
    assert amount("make it a bit darker") > amount("make it darker") > amount("make it much darker")
    assert amount("blur the background slightly") < amount("blur the background") < amount("blur the background a lot")


def test_strict_turns_fallbacks_into_errors() -> None:
    with pytest.raises(InstructionError) as info:
        parse("blur the background and make the sky dramatic", strict=True)
    assert info.value.exit_code == 3
    assert "'make the sky dramatic' (column 25)" in info.value.message


@pytest.mark.parametrize("text", ["", "   ", "please", "thanks!", ", , ."])
def test_no_editing_content_is_exit_3(text: str) -> None:
    with pytest.raises(InstructionError, match="no editing content") as info:
        parse(text)
    assert info.value.exit_code == 3


def test_only_keep_warns_that_nothing_changes() -> None:
    plan = parse("keep the person unchanged")
    assert plan.steps == () and "nothing will change" in plan.warnings[0]


def test_language_detection() -> None:
    assert detect_lang("blur it") == "en"
    assert detect_lang("保持人物不变") == "zh"
    assert detect_lang("把 background 换成森林") == "mixed"


def test_chinese_is_kept_not_dropped() -> None:
    plan = parse("保持人物不变, 将背景替换为森林")
    assert plan.lang == "zh"
    assert [s.args.instruction for s in plan.steps] == ["保持人物不变", "将背景替换为森林"]
    assert all(s.fallback for s in plan.steps)


def test_plans_round_trip_through_json() -> None:
    plan = parse(DEMO)
    assert load_plan(plan.to_json()) == plan


def _plan_or_clean_error(text: str) -> None:
    try:
        plan = parse(text)
    except EditreeError as exc:
        assert exc.exit_code == 3
        return
    assert isinstance(plan, Plan) and (plan.steps or plan.constraints)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_gives_a_plan_or_a_clean_error(text: str) -> None:
    _plan_or_clean_error(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "blur",
                "the",
                "background",
                "and",
                "make",
                "it",
                "warmer",
                "keep",
                "person",
                "unchanged",
                ",",
                "add",
                "fog",
                "except",
                "everything",
                "black",
                "white",
                "replace",
                "with",
                "a",
                "forest",
                "then",
                ".",
            ]
        ),
        max_size=14,
    )
)
def test_keyword_soup_never_crashes(words: list[str]) -> None:
    _plan_or_clean_error(" ".join(words))
