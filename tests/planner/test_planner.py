"""Planner behaviour beyond the case tables: spans, fallbacks, amounts, errors, languages, text form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editree.errors import EditreeError, InstructionError, PlanValidationError
from editree.ops import Edit, If, Plan, load_plan, plan_from_dict, plan_text
from editree.planner import detect_lang, parse
from editree.planner.text_form import parse_plan_text
from editree.planner.translate import chinese_number, translate
from tests.planner.test_cases import EN, ZH

DEMO = "keep the person unchanged, blur the background, add fog and make it warmer"
DEMO_ZH = "保持人物不变, 将背景替换为森林, 并添加雾气效果"


def test_spans_point_at_the_words() -> None:
    plan = parse(DEMO)
    words = [plan.instruction[s.span[0] : s.span[1]] for s in plan.steps]
    assert words == ["blur the background", "add fog", "make it warmer"]
    keep = plan.constraints[0]
    assert plan.instruction[keep.span[0] : keep.span[1]] == "keep the person unchanged"


def test_chinese_demo_spans_and_sources() -> None:
    plan = parse(DEMO_ZH)
    assert plan.lang == "zh"
    assert plan_text(plan).splitlines() == [
        'keep("person")',
        'replace(background, prompt=forest, prompt_source="森林")',
        "atmosphere(all, effect=fog, amount=0.5)",
    ]
    assert plan.constraints[0].region.source == "人物"
    assert [DEMO_ZH[s.span[0] : s.span[1]] for s in plan.steps] == ["将背景替换为森林", "添加雾气效果"]


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
    assert amount("稍微调亮一点") < amount("调亮") < amount("大幅调亮")


def test_conditions_nest_inside_sequences() -> None:
    plan = parse("blur the background; if there is a dog, put a hat on it, otherwise add fog. make it warmer")
    kinds = [type(s).__name__ for s in plan.steps]
    assert kinds == ["BlurEdit", "If", "AdjustEdit"]
    branch = plan.steps[1]
    assert isinstance(branch, If) and branch.then[0].target.text == "dog" and branch.else_[0].op == "atmosphere"


def test_dont_change_anything_else_keeps_the_complement() -> None:
    plan = parse("replace the sky with a sunset and blur the car, but don't change anything else")
    assert plan_text(plan).splitlines()[0] == 'keep(not(union("sky", "car")))'


def test_strict_turns_fallbacks_into_errors_with_suggestions() -> None:
    with pytest.raises(InstructionError) as info:
        parse("blur the background and make the sky dramatic", strict=True)
    assert info.value.exit_code == 3
    assert "'make the sky dramatic' (column 25)" in info.value.message
    with pytest.raises(InstructionError, match='did you mean "brighten"'):
        parse("brigthen the photo", strict=True)


def test_misspelled_verb_warning_suggests() -> None:
    plan = parse("replce the sky with clouds")
    assert any('did you mean "replace"' in w for w in plan.warnings)


@pytest.mark.parametrize("text", ["", "   ", "please", "thanks!", ", , .", "hello there", "谢谢", "你好"])
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


def test_mixed_language_uses_the_better_grammar() -> None:
    assert plan_text(parse("keep the 人物 unchanged and blur the 背景")).splitlines() == [
        'keep("person")',
        "blur(background, amount=0.5)",
    ]
    assert plan_text(parse("把 sky 换成 sunset")) == 'atmosphere("sky", effect=sunset, amount=0.5)'


def test_untranslatable_words_stay_and_warn() -> None:
    plan = parse("把背景换成一片琉晶草地")
    assert "琉晶" in plan.steps[0].args.prompt
    assert any("琉晶" in w and "kept as written" in w for w in plan.warnings)


def test_translation_details() -> None:
    assert translate("男人的衬衫").text == "man's shirt"
    assert translate("红色的汽车").text == "red car"
    assert translate("一座古老的城堡").text == "an ancient castle"
    assert translate("一只小鸟", articles=False).text == "bird"
    assert chinese_number("一百八十") == 180 and chinese_number("两") == 2 and chinese_number("45") == 45


def test_lexicon_is_several_hundred_entries() -> None:
    from editree.planner.translate import lexicon

    table = lexicon()
    assert len(table) >= 400
    categories = {e.category for e in table.values()}
    assert {
        "people",
        "body",
        "clothing",
        "animal",
        "object",
        "scene",
        "weather",
        "color",
        "material",
        "style",
    } <= categories


def test_plans_round_trip_through_json() -> None:
    plan = parse(DEMO)
    assert load_plan(plan.to_json()) == plan


def _without_provenance(plan: Plan) -> Plan:
    """What the text form carries: no instruction, spans, planner marks, phrase sources or warnings."""

    def clean(node: object) -> object:
        if isinstance(node, dict):
            return {k: clean(v) for k, v in node.items() if k not in ("span", "planner", "source")}
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node

    data = clean(plan.to_dict())
    data.update(instruction="", warnings=[], lang="en")
    return plan_from_dict(data)


@pytest.mark.parametrize("instruction", [c[0] for c in EN + ZH], ids=[c[0][:40] for c in EN + ZH])
def test_text_form_parses_back(instruction: str) -> None:
    plan = parse(instruction)
    assert parse_plan_text(plan_text(plan)) == _without_provenance(plan)


def test_text_form_errors_are_exit_4() -> None:
    with pytest.raises(PlanValidationError, match=r"line 1 column 6"):
        parse_plan_text("blur(backgrund, amount=0.5)")
    with pytest.raises(PlanValidationError, match=r"amount: expected a number <= 1"):
        parse_plan_text("blur(all, amount=5)")
    with pytest.raises(PlanValidationError, match="unknown op 'explode'"):
        parse_plan_text("explode(all)")


def _plan_or_clean_error(text: str) -> None:
    try:
        plan = parse(text)
    except EditreeError as exc:
        assert exc.exit_code == 3
        return
    assert isinstance(plan, Plan) and (plan.steps or plan.constraints)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_gives_a_plan_or_a_clean_error(text: str) -> None:
    _plan_or_clean_error(text)


@settings(max_examples=150, deadline=None)
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
                "if",
                "there",
                "is",
                "a",
                "dog",
                "otherwise",
                "replace",
                "with",
                "forest",
                "then",
                ".",
                "把",
                "背景",
                "换成",
                "森林",
                "如果",
                "有",
                "狗",
                "否则",
                "保持",
                "人物",
                "不变",
                "，",
            ]
        ),
        max_size=16,
    )
)
def test_keyword_soup_never_crashes(words: list[str]) -> None:
    _plan_or_clean_error(" ".join(words))


def test_plan_file_jsonl(cli, tmp_path: Path) -> None:
    source = tmp_path / "instructions.txt"
    source.write_text("blur the background\n\nthanks\n保持人物不变，虚化背景\n", encoding="utf-8")
    result = cli("plan", "--file", str(source))
    assert result.code == 3
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r.get("instruction") for r in records] == ["blur the background", "", "thanks", "保持人物不变，虚化背景"]
    assert records[2] == {"error": records[2]["error"], "exit_code": 3, "line": 3, "instruction": "thanks"}
    assert records[3]["constraints"][0]["region"]["text"] == "person"


def test_errors_point_at_the_words() -> None:
    with pytest.raises(InstructionError) as info:
        parse("blur the background and make the sky dramatic", strict=True)
    assert info.value.caret() == (
        "  blur the background and make the sky dramatic\n                          ^^^^^^^^^^^^^^^^^^^^^"
    )
    with pytest.raises(InstructionError) as info:
        parse("把背景虚化，让画面讲一个故事", strict=True)
    assert info.value.caret().splitlines()[1] == "  " + " " * 12 + "^" * 16
