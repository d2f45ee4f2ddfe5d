"""Scene-setting pieces (a backstory sentence, a heading, a place or purpose phrase up front) add no step when the
instruction asks for something; anything that may be a request stays in the plan (editree/planner/en/context.py)."""

from __future__ import annotations

import pytest

from editree.ops import plan_text
from editree.planner import parse


def _steps(text: str) -> list[str]:
    return [line.strip() for line in plan_text(parse(text)).splitlines() if "(" in line]


@pytest.mark.parametrize(
    ("text", "left_out", "steps"),
    [
        (
            "Shot my hatchback by the harbour yesterday. Brighten the water and add gulls.",
            "Shot my hatchback by the harbour yesterday",
            ['adjust("water", property=brightness, amount=0.3)', "add(all, prompt=gulls)"],
        ),
        ("Batch of wedding photos. Warm them up a little.", "Batch of wedding photos", ["adjust(all, property=warmth"]),
        ("On the top shelf, remove the blue jar.", "On the top shelf", ['remove("blue jar")']),
        (
            "The kitten on the sofa has a scratch on its nose. Blur the cushions.",
            "The kitten on the sofa has a scratch on its nose",
            ['blur("cushions"[all], amount=0.5)'],
        ),
        ("For the shop listing, crop it square.", "For the shop listing", ['crop(all, aspect="1:1")']),
        ("Another request! Could you crop it square?", "Another request", ['crop(all, aspect="1:1")']),
    ],
)
def test_scene_setting_is_left_out_with_a_warning(text: str, left_out: str, steps: list[str]) -> None:
    plan = parse(text)
    got = _steps(text)
    assert len(got) == len(steps), plan_text(plan)
    for line, expected in zip(got, steps, strict=True):
        assert line.startswith(expected), plan_text(plan)
    assert f"{left_out!r} is read as context, not as an edit" in plan.warnings
    assert "[fallback]" not in plan_text(plan)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("black and white only. add a vignette", "black and white only"),  # a request without a verb
        ("Image sharpen. Brighten the sky.", "Image sharpen"),
        ("decrese the backgroud brigtness. add a vignette", "decrese the backgroud brigtness"),  # typos
        ("On the left of the clock, put a cat.", 'add("clock", prompt="a cat")'),  # where the cat goes
        ("The sky is dull? Brighten the trees.", None),  # a question may be a request: never context
    ],
)
def test_what_may_be_a_request_is_never_left_out(text: str, kept: str | None) -> None:
    plan = parse(text)
    assert not [w for w in plan.warnings if "read as context" in w], plan.warnings
    if kept is not None:
        assert kept in plan_text(plan)


def test_a_backstory_alone_is_still_planned() -> None:
    """With nothing else asked, the piece is what the user wrote: it stays, free-form."""
    plan = parse("Shot my coupe under a streetlamp last night.")
    assert "[fallback]" in plan_text(plan)
    assert not [w for w in plan.warnings if "read as context" in w]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pony by the fence has a torn saddle. Mend it.", 'remove("torn saddle")'),
        (
            "Somebody left a bucket on the patio. Get rid of it and warm up the lawn.",
            'remove("bucket")\nadjust("lawn", property=warmth, amount=0.3)',
        ),
        (
            "The teapot is a bit dusty. Could you freshen it up?",
            'edit("teapot", instruction="Could you freshen it up")',
        ),
    ],
)
def test_a_statement_names_what_it_means_next(text: str, expected: str) -> None:
    assert plan_text(parse(text)).startswith(expected)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Close the van's side door", "van's side door"),
        ("Untie the bow on the parcel", "bow on the parcel"),
        ("unwrap the gift", "gift"),
    ],
)
def test_a_plain_verb_edits_the_thing_it_names(text: str, target: str) -> None:
    """Verbs that look like misspelt edit verbs (close/lose, untie/tie, unwrap/wrap) still edit their object."""
    (step,) = parse(text).steps
    assert step.op == "edit" and step.target.text == target


def test_though_is_no_part_of_what_is_kept() -> None:
    plan = parse("Brighten the porch, don't touch the plants though.")
    assert [k.region.text for k in plan.constraints] == ["plants"]


@pytest.mark.parametrize(
    "text",
    [
        "Listing photo of the studio flat: could you swap the grey sky outside the window for a blue one and brighten "
        "the hallway a little? The posters on the wall have to stay exactly as they are.",
        "We took this on the last day of the trip and the light was awful. Can you please brighten the harbour and "
        "warm up the boats a little? Thanks so much in advance!",
    ],
)
def test_a_long_request_in_sentences_is_not_one_free_form_edit(text: str) -> None:
    """Questions, pleas and the constraints they state are requests: the steps they ask for are planned one by one
    (only a picture described at length becomes one free-form edit)."""
    plan = parse(text)
    assert len(plan.steps) == 2 and "[fallback]" not in plan_text(plan), plan_text(plan)
    assert not [w for w in plan.warnings if "long descriptive" in w]


def test_a_statement_about_the_shot_adds_no_effect() -> None:
    """ "My night shot …" names the picture: no night atmosphere over "shot of the … came out upside down"."""
    plan = parse("My night shot of the pier came out upside down, so rotate it by 180")
    assert plan_text(plan) == "rotate(all, degrees=-180)"


def test_it_after_a_complaint_is_what_it_named() -> None:
    """ "Tone it down" after "The lamp is too bright." tones the lamp down, not the whole picture."""
    plan = parse("The lamp is too bright. Tone it down a little and make the wall warmer.")
    assert (
        plan_text(plan)
        == 'adjust("lamp", property=brightness, amount=-0.15)\nadjust("wall", property=warmth, amount=0.3)'
    )


def test_a_diary_line_with_its_subject_dropped_is_context() -> None:
    plan = parse("Got this shot of my niece at the fair. Could you blur the railings and warm her face a bit?")
    assert "[fallback]" not in plan_text(plan) and len(plan.steps) == 2, plan_text(plan)


@pytest.mark.parametrize("face", [":)", ":-)", ";)", ":D", ":P", ":("])
def test_an_emoticon_is_no_heading_colon(face: str) -> None:
    """A fallback piece before ":)" was read as a heading and the instruction had nothing left to edit."""
    plan = parse(f"honestly just make the whole thing look nicer {face}")
    assert plan_text(plan).startswith("edit(all, instruction=")
    assert plan_text(parse(f"blur the pond {face}")) == 'blur("pond", amount=0.5)'
