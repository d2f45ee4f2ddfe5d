"""The English frame planner beyond the case table: crash classes, a fuzz over its own vocabulary, long prompts,
other languages, limits, and the side clauses that shape their neighbours."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editree.errors import InstructionError
from editree.ops import Edit, If, iter_edits, plan_text
from editree.planner import parse
from editree.planner.en import vocab


def steps(text: str) -> list[str]:
    return plan_text(parse(text)).splitlines()


# ---- the crash classes of the LALR planner: a bare second property, a verb pair, a double space ------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "increase contrast and warm tone",
            ["adjust(all, property=contrast, amount=0.3)", "adjust(all, property=warmth, amount=0.3)"],
        ),
        (
            "please enhance and warm the colours a lot",
            ["enhance(all)", "adjust(all, property=warmth, amount=0.6)"],
        ),
        (
            "Make the image a bit darker.  Soften the colours.",
            ["adjust(all, property=brightness, amount=-0.15)", "adjust(all, property=saturation, amount=-0.3)"],
        ),
    ],
)
def test_former_crash_classes_plan(text: str, expected: list[str]) -> None:
    assert steps(text) == expected


_VOCABULARY = sorted(
    {
        *list(vocab.VERBS)[::3],
        *list(vocab.PHRASES)[::4],
        *list(vocab.DEGREE_WORDS)[::3],
        *list(vocab.PROPERTY_NOUNS)[::3],
        *list(vocab.COMPARATIVES)[::4],
        "the",
        "a",
        "it",
        "them",
        "him",
        "her",
        "his",
        "sky",
        "person",
        "dog",
        "car",
        "background",
        "everything",
        "else",
        "rest",
        "except",
        "but",
        "not",
        "and",
        ",",
        ".",
        ";",
        "if",
        "there",
        "is",
        "are",
        "no",
        "otherwise",
        "unless",
        "to",
        "with",
        "into",
        "of",
        "on",
        "by",
        "20",
        "%",
        "px",
        "red",
        "blue",
        "fog",
        "snow",
        "sepia",
        "keeping",
        "without",
        "while",
        "so",
        "that",
        "should",
        "be",
        "needs",
        "more",
        "less",
        "than",
        "left",
        "right",
        "top",
        "second",
        "all",
        "one",
        "vignette",
        "twice",
        "half",
        "please",
        "thanks",
        "?",
        "(",
        ")",
    }
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=18))
def test_vocabulary_soup_never_crashes(words: list[str]) -> None:
    """Any sequence of the planner's own words gives a valid plan or a one-line exit-3 refusal."""
    text = " ".join(words)
    try:
        plan = parse(text)
    except InstructionError as exc:
        assert exc.exit_code == 3 and "\n" not in exc.message
        return
    assert not [w for w in plan.warnings if "internal planner error" in w], (text, plan.warnings)
    for edit in iter_edits(plan.steps):
        assert isinstance(edit, Edit)
        assert edit.span is None or 0 <= edit.span[0] <= edit.span[1] <= len(text)


# ---- long descriptive prompts ---------------------------------------------------------------------------------
PROMPT = (
    "Turn this street into a rainy evening in an old harbour town. Lanterns glow along the quay and the "
    "cobblestones shine with reflections. A fishing boat rests by the pier, its sails folded. The whole scene "
    "should feel quiet and a little melancholic. Keep the woman with the umbrella unchanged."
)


def test_a_long_descriptive_prompt_is_one_edit_with_its_keeps() -> None:
    plan = parse(PROMPT)
    assert [c.region.text for c in plan.constraints] == ["woman with the umbrella"]
    assert len(plan.steps) == 1
    edit = plan.steps[0]
    assert edit.op == "edit" and edit.fallback and edit.args.instruction == PROMPT.strip()
    assert any("long descriptive instruction" in w for w in plan.warnings)


def test_a_list_of_commands_stays_structured() -> None:
    text = "Crop it to a square. Make it warmer. Add a vignette. Then blur the background a little."
    assert [s.op for s in parse(text).steps] == ["crop", "adjust", "vignette", "blur"]


# ---- languages and limits ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("rends le ciel plus bleu et floute le fond", "French"),
        ("haz el cielo más azul y quita el coche", "Spanish"),
        ("mach den Himmel blauer und den Hintergrund unscharf", "German"),
        ("背景をぼかしてください", "Japanese"),
        ("배경을 흐리게 해 주세요", "Korean"),
    ],
)
def test_other_languages_are_refused_by_name(text: str, language: str) -> None:
    with pytest.raises(InstructionError, match=f"looks like {language}; only English and Chinese") as info:
        parse(text)
    assert info.value.exit_code == 3


@pytest.mark.parametrize("text", ["Le Louvre at sunset, blur the background", "add a dog in the style of Monet"])
def test_english_with_foreign_names_is_english(text: str) -> None:
    assert parse(text).steps


def test_more_than_256_steps_is_a_clean_refusal() -> None:
    with pytest.raises(InstructionError, match="300 steps; at most 256") as info:
        parse(", ".join(["blur the car"] * 300))
    assert info.value.exit_code == 3


# ---- side clauses shape their neighbours ------------------------------------------------------------------------
def test_a_purpose_clause_is_not_an_edit_and_says_so() -> None:
    plan = parse("sharpen the image to bring out the texture")
    assert plan_text(plan) == "adjust(all, property=sharpness, amount=0.3)"
    assert any("'to bring out the texture' is read as the purpose" in w for w in plan.warnings)


def test_an_exception_narrows_only_the_clause_before_it() -> None:
    assert steps("blur the background and add rain, but not on the statue") == [
        "blur(background, amount=0.5)",
        'atmosphere(not("statue"), effect=rain, amount=0.5)',
    ]


def test_a_condition_guards_the_clause_it_follows() -> None:
    plan = parse("add fog, then brighten it if it is dark")
    assert plan.steps[0].op == "atmosphere"
    assert isinstance(plan.steps[1], If) and plan.steps[1].then[0].op == "adjust"


def test_a_complaint_alone_is_a_request_and_beside_one_only_context() -> None:
    assert steps("the faces are too dark") == ['adjust("faces"[all], property=brightness, amount=0.3)']
    assert steps("The faces are too dark. Warm them up a bit.") == [
        'adjust("faces"[all], property=warmth, amount=0.15)'
    ]


def test_pronouns_reach_across_sentences_through_statements() -> None:
    assert steps("There is a kite above the trees. Remove it.") == ['remove("kite above the trees")']
    assert steps("Don't change the man's face. Give him a green tie.") == [
        'keep("man\'s face")',
        'recolor("man\'s tie", color=green)',
    ]


def test_no_step_is_never_silently_nothing() -> None:
    plan = parse("the picture is boring")
    assert [s.fallback for s in plan.steps] == [True]


def test_a_purpose_gives_a_direction_the_verb_left_out() -> None:
    plan = parse("adjust the exposure so that it looks darker")
    assert plan_text(plan) == "adjust(all, property=exposure, amount=-0.3)"
    assert not [w for w in plan.warnings if "gives no direction" in w]
    undirected = parse("adjust the contrast")
    assert plan_text(undirected) == "adjust(all, property=contrast, amount=0.3)"
    assert any("gives no direction; the contrast is increased" in w for w in undirected.warnings)
