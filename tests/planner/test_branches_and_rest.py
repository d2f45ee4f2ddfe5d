"""Conditions on whether someone is somewhere, else branches said without a comma or meaning "do nothing", the
rest named with the picture or as "the remaining parts", and "N times bigger" (cases written for this file)."""

from __future__ import annotations

import pytest

from editree.ops import plan_text
from editree.planner import parse


def plan_of(text: str) -> str:
    return " ; ".join(line.strip() for line in plan_text(parse(text)).splitlines())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If nobody is on the jetty, add a heron, else blur the anglers.",
            'if not(exists("people"[all])) { add(all, prompt="a heron") } else { blur("anglers"[all], amount=0.5) }',
        ),
        (
            "if no one is in the hot tub, put a rubber duck in it",
            'if not(exists("people"[all])) { add("hot tub", prompt="a rubber duck") }',
        ),
        ("if the kitten is on the sofa, blur it", 'if exists("kitten") { blur("kitten", amount=0.5) }'),
        ("if the goat isn't in the pen, add one", 'if not(exists("goat")) { add(all, prompt="a goat") }'),
        (
            "if there are gulls remove them; if there aren't add a kite",
            'if exists("gulls"[all]) { remove("gulls"[all]) } else { add(all, prompt="a kite") }',
        ),
        (
            "if there's a logo on the mug brighten it, if there isn't put a spoon next to the mug",
            'if exists("logo on the mug") { adjust("logo on the mug", property=brightness, amount=0.3) } '
            'else { add("mug", prompt="a spoon") }',
        ),
        (
            "Should there be a date stamp, erase it; otherwise don't change anything.",
            'if exists("date stamp") { remove("date stamp") }',
        ),
        ("if it looks too dark brighten it, else do nothing", None),
    ],
)
def test_conditions_and_their_else(text: str, expected: str | None) -> None:
    plan = parse(text)
    shown = plan_text(plan)
    assert "keep(" not in shown and "[fallback]" not in shown, shown
    assert "else" not in shown or "do nothing" not in shown
    if expected is not None:
        assert " ".join(shown.split()) == expected, shown


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Swap the old blinds for wooden shutters and cool down the remaining parts of the kitchen.",
            'not("old blinds"',
        ),
        ("brighten the cake and darken the other parts of the table", 'not("cake")'),
        ("Recolour the gate green and leave everything else in the estate agent photo as it is.", None),
    ],
)
def test_the_rest_named_with_the_picture_or_its_parts(text: str, target: str | None) -> None:
    shown = plan_text(parse(text))
    if target is None:
        assert 'keep(not("gate"))' in shown, shown
    else:
        assert shown.splitlines()[-1].split("(", 1)[1].startswith(target), shown


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("make the kayak 1.5 times larger", 1.5),
        ("make the kayak 1.5x bigger", 1.5),
        ("make the kayak two times bigger", 2.0),
        ("make the kayak 4 times smaller", 0.25),
        ("make the kayak 50% bigger", 1.5),
    ],
)
def test_n_times_bigger_scales_by_n(text: str, factor: float) -> None:
    (step,) = parse(text).steps
    assert step.op == "scale" and step.args.factor == pytest.approx(factor)
    assert step.target.text == "kayak"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Make everything sepia, only the teapot keeps its colour.", 'restyle(not("teapot"), style=sepia)'),
        ("make it black and white, only the kite keeps its colour", 'restyle(not("kite"), style="black and white")'),
        ("let the lantern stay in colour and make the photo sepia", 'restyle(not("lantern"), style=sepia)'),
        (
            "Turn the market into a pencil sketch but let the striped awning stay in colour.",
            'restyle(minus("market", "striped awning"), style="pencil sketch")',
        ),
        (
            "keep the parrot in colour and make everything a charcoal drawing",
            'restyle(not("parrot"), style="charcoal drawing")',
        ),
    ],
)
def test_a_colour_pop_under_any_style_is_one_restyle(text: str, expected: str) -> None:
    """No keep and no extra black-and-white step: the style itself leaves out what keeps its colour."""
    assert plan_text(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clock is on the shelf. Don't change it at all; blur the wall.",
            'keep("clock")\nblur("wall", amount=0.5)',
        ),
        ("make the bench white instead of brown", 'recolor("bench", color=white)'),
        ("paint the shed green instead of blue", 'recolor("shed", color=green)'),
        ("deskew the scanned page", "rotate(all, auto=true)"),
    ],
)
def test_fillers_that_add_nothing(text: str, expected: str) -> None:
    """ "at all" is no part of a region, "instead of Y" names what it was, "deskew" straightens."""
    assert plan_text(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could the lake be a little bluer?", 'adjust("lake", property=warmth'),
        ("can the hedge be blurred a bit", 'blur("hedge", amount=0.25)'),
        ("can the bin be removed?", 'remove("bin")'),
        (
            "Could the tiles go a shade darker and the ceiling look a little warmer?",
            'adjust("tiles"[all], property=brightness, amount=-0.15)\nadjust("ceiling", property=warmth',
        ),
    ],
)
def test_a_wish_asked_as_a_question(text: str, expected: str) -> None:
    """ "Could the X be Y?" is "make the X Y" (the question's words were read into the region)."""
    assert plan_text(parse(text)).startswith(expected), plan_text(parse(text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Of the pears in the bowl, take out the ripest.", "ripest pear"),
        ("Among the jars on the shelf, remove the smallest.", "smallest jar"),
        ("In the row of four bikes, paint the second one from the left red.", "bike"),
        ("Of the stack of books, remove the top one", "book"),
    ],
)
def test_picking_one_of_the_group_named_first(text: str, target: str) -> None:
    """A bare superlative or "one" after "of the X," / "in the row of X," stands for one of the X."""
    step = parse(text).steps[0]
    assert step.target.text == target, plan_text(parse(text))


def test_a_wish_after_a_comma_is_a_clause_of_its_own() -> None:
    """ "…, I want all of them gone" was read into the statement before it, and both were dropped."""
    plan = parse("Three paper cups are standing on the bench, I want all of them gone, plus a slightly warmer wall")
    assert plan_text(plan) == 'remove("three paper cups"[all])\nadjust("wall", property=warmth, amount=0.15)'


def test_the_steps_of_a_wish_point_at_what_was_said() -> None:
    plan = parse("I want the sky bluer and I want the lawn greener")
    said = [plan.instruction[s.span[0] : s.span[1]] for s in plan.steps]
    assert said == ["I want the sky bluer", "I want the lawn greener"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("punch up the green of the meadow", 'adjust("meadow", property=saturation, amount=0.3)'),
        ("punch up the colours of the tulips", 'adjust("tulips"[all], property=saturation, amount=0.3)'),
        (
            "Get the diver to look like he's mid-air and brighten the pool.",
            'edit("diver", instruction="Get the diver to look like he\'s mid-air") [fallback]\n'
            'adjust("pool", property=brightness, amount=0.3)',
        ),
    ],
)
def test_colour_of_a_thing_and_getting_someone_to(text: str, expected: str) -> None:
    """ "the green of X" is how colourful X is; "get X to look like …" is a free-form edit of X, not a purpose."""
    assert plan_text(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The red door is the one thing I want in colour; the rest of the street can go grey.", 'not("red door")'),
        ("I'd like the yellow taxi to be the only coloured thing", 'not("yellow taxi")'),
        ("the lantern should be the only thing in colour, make the rest black and white", 'not("lantern")'),
    ],
)
def test_the_only_thing_in_colour_is_a_colour_pop(text: str, expected: str) -> None:
    assert plan_text(parse(text)) == f'restyle({expected}, style="black and white")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flip the photo vertically, no wait, horizontally", "flip(all)"),
        ("make the van red - sorry, I mean dark green", 'recolor("van", color="dark green")'),
        ("remove the goose, no, the duck", 'remove("duck")'),
        (
            "add snow and brighten it, no wait, darken it",
            "atmosphere(all, effect=snow, amount=0.5)\nadjust(all, property=brightness, amount=-0.3)",
        ),
        ("blur the hedge, or the fence", 'blur(union("hedge", "fence"), amount=0.5)'),  # no correction
    ],
)
def test_a_correction_said_in_passing(text: str, expected: str) -> None:
    """What is said last replaces what it corrects: a word, a noun phrase, or the whole clause."""
    assert plan_text(parse(text)) == expected
