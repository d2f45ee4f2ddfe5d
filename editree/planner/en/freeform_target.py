"""The region of a free-form edit: the thing the request is about, not the rest of the clause.

A free-form edit still has a target ("make the left person smile" edits the left person), and that target is the
text a grounding model searches the picture for. When no frame understood the clause, the region reader takes
everything after the verb, so the target drags along where the thing should go ("the plum slice from the upper
right to the middle left of the bowl"), how ("the shark forward", "the snowflake more central"), and why ("the fox
to be lying down", "the curtains so the garden shows"). A grounding model asked for "needle closer to" finds
nothing useful; asked for "needle" it finds the needle. This trims such tails, and reads an aspect of a thing
("the orientation of the butterfly", "the airplane's orientation", "the pose of the first girl") as the thing.
Structured steps never come here: their regions were read by a frame that knew what each word was for.
"""

from __future__ import annotations

from editree.ops.regions import ALL, PhraseRegion, Region

MOTION_WORDS = frozenset(
    {
        "forward",
        "forwards",
        "backward",
        "backwards",
        "closer",
        "further",
        "farther",
        "slightly",
        "upward",
        "upwards",
        "downward",
        "downwards",
        "sideways",
        "apart",
        "together",
        "away",
        "aside",
        "more",
        "less",
        "just",
        "much",
        "a little",
        "so",
        "because",
        "such",
        "as much",
        "towards",
        "toward",
        "for",
    }
)
"""Words after a thing's name that say how it should change or why, never part of what it is."""

LOCATIVE_BEFORE_TO = frozenset({"next", "close", "closest", "adjacent", "attached", "due", "similar", "up", "opposite"})
"""Words that make "to" part of a place ("the cup next to the plate"), which does describe the thing."""

ASPECTS = frozenset(
    {
        "orientation",
        "position",
        "placement",
        "pose",
        "posture",
        "angle",
        "direction",
        "location",
        "arrangement",
        "stance",
        "expression",
        "visibility",
        "size",
    }
)
"""Nouns for an aspect of a thing: "the pose of the girl" is a free-form edit of the girl."""

WHOLE_PICTURE = frozenset({"image", "photo", "picture", "pic", "photograph", "it", "this", "one", "shot", "frame"})


def tidy_freeform_target(target: Region | None) -> Region | None:
    """The free-form edit's region with the words that are not part of the thing's name left out."""
    if not isinstance(target, PhraseRegion):
        return target
    words = target.text.split()
    if not words or words[0] in MOTION_WORDS or words[0] in ("to", "from", "as"):
        return target  # no thing named first ("more to the bird", "to just have the figure"): nothing to trim to
    kept = _thing_words(words)
    if not kept:
        return target
    if kept[0] in WHOLE_PICTURE and len(kept) == 1:
        return ALL
    if kept == words:
        return target
    return target.model_copy(update={"text": " ".join(kept)})


def _thing_words(words: list[str]) -> list[str]:
    words = _aspect_owner(words)
    for i, word in enumerate(words[1:], start=1):
        pair = " ".join(words[i : i + 2])
        if (word in MOTION_WORDS or pair in MOTION_WORDS) and not (word == "away" and words[i - 1] == "far"):
            return words[:i]
        if word == "to" and words[i - 1] not in LOCATIVE_BEFORE_TO:
            return words[:i]
        if word == "from" and "to" in words[i + 1 :]:  # a path: "from the upper right to the middle left"
            return words[:i]
    return words


def _aspect_owner(words: list[str]) -> list[str]:
    """ "orientation of the butterfly" / "airplane's orientation" → the butterfly / the airplane."""
    if len(words) >= 3 and words[0] in ASPECTS and words[1] == "of":
        owner = words[2:]
        return owner[1:] if len(owner) > 1 and owner[0] in ("the", "a", "an") else owner
    if len(words) >= 2 and words[-1] in ASPECTS and words[-2].endswith("'s"):
        return [*words[:-2], words[-2][:-2]]
    return words
