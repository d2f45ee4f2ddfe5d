"""Meaning of the English keyword classes in `en.lark`: which property a word adjusts, in which
direction, and how strongly a degree word scales an amount.

The grammar decides structure; these tables decide values. `tests/planner/test_lexicon.py` checks
that every word the grammar accepts in a class has an entry here.
"""

from __future__ import annotations

import re

# Degree words scale an op's base amount: "a bit warmer" < "warmer" < "much warmer".
MILD = 0.5
STRONG = 2.0
DEGREES: dict[str, float] = {
    **dict.fromkeys(
        [
            "a little",
            "a little bit",
            "a bit",
            "a tad",
            "a touch",
            "slightly",
            "somewhat",
            "mildly",
            "subtly",
            "gently",
            "lightly",
            "moderately",
        ],
        MILD,
    ),
    "quite": 1.5,
    **dict.fromkeys(
        [
            "much",
            "very",
            "really",
            "way",
            "far",
            "significantly",
            "considerably",
            "greatly",
            "strongly",
            "heavily",
            "extremely",
            "super",
            "dramatically",
            "drastically",
            "a lot",
            "a good deal",
            "even",
        ],
        STRONG,
    ),
}

# Base amounts per op before degree scaling (see editree/ops/args.py for the ranges).
BASE_ADJUST = 0.3
BASE_BLUR = 0.5
BASE_ATMOSPHERE = 0.5

COMPARATIVES: dict[str, tuple[str, int]] = {
    "brighter": ("brightness", 1),
    "lighter": ("brightness", 1),
    "darker": ("brightness", -1),
    "dimmer": ("brightness", -1),
    "moodier": ("exposure", -1),
    "warmer": ("warmth", 1),
    "redder": ("warmth", 1),
    "cooler": ("warmth", -1),
    "colder": ("warmth", -1),
    "bluer": ("warmth", -1),
    "greener": ("tint", -1),
    "sharper": ("sharpness", 1),
    "crisper": ("sharpness", 1),
    "punchier": ("contrast", 1),
    "contrastier": ("contrast", 1),
    "more contrasty": ("contrast", 1),
    "higher contrast": ("contrast", 1),
    "lower contrast": ("contrast", -1),
    "duller": ("saturation", -1),
    "richer": ("saturation", 1),
    "paler": ("saturation", -1),
    "more vivid": ("vibrance", 1),
    "more vibrant": ("vibrance", 1),
    "less vivid": ("vibrance", -1),
    "less vibrant": ("vibrance", -1),
    "more saturated": ("saturation", 1),
    "less saturated": ("saturation", -1),
    "more colorful": ("saturation", 1),
    "more colourful": ("saturation", 1),
    "less colorful": ("saturation", -1),
    "less colourful": ("saturation", -1),
    "more exposed": ("exposure", 1),
    "less exposed": ("exposure", -1),
}

ADJUST_VERBS: dict[str, tuple[str, int]] = {
    "brighten": ("brightness", 1),
    "brighten up": ("brightness", 1),
    "lighten": ("brightness", 1),
    "lighten up": ("brightness", 1),
    "darken": ("brightness", -1),
    "dim": ("brightness", -1),
    "saturate": ("saturation", 1),
    "desaturate": ("saturation", -1),
    "sharpen": ("sharpness", 1),
    "soften colors": ("saturation", -1),
    "boost colors": ("saturation", 1),
    "boost the colors": ("saturation", 1),
    "mute colors": ("saturation", -1),
    "mute the colors": ("saturation", -1),
    "tone down colors": ("saturation", -1),
    "tone down the colors": ("saturation", -1),
    "overexpose": ("exposure", 1),
    "underexpose": ("exposure", -1),
    "warm up": ("warmth", 1),
    "warmen up": ("warmth", 1),
    "cool down": ("warmth", -1),
}

# "more saturated", "less bright", "more warm".
PROPERTY_ADJECTIVES: dict[str, tuple[str, int]] = {
    "saturated": ("saturation", 1),
    "colorful": ("saturation", 1),
    "colourful": ("saturation", 1),
    "vibrant": ("vibrance", 1),
    "vivid": ("vibrance", 1),
    "contrasty": ("contrast", 1),
    "exposed": ("exposure", 1),
    "bright": ("brightness", 1),
    "dark": ("brightness", -1),
    "warm": ("warmth", 1),
    "cool": ("warmth", -1),
    "sharp": ("sharpness", 1),
}

PROPERTY_NOUNS: dict[str, str] = {
    "brightness": "brightness",
    "contrast": "contrast",
    "saturation": "saturation",
    "exposure": "exposure",
    "warmth": "warmth",
    "temperature": "warmth",
    "color temperature": "warmth",
    "colour temperature": "warmth",
    "tint": "tint",
    "hue": "hue",
    "sharpness": "sharpness",
    "clarity": "sharpness",
    "vibrance": "vibrance",
    "vibrancy": "vibrance",
    "highlights": "highlights",
    "shadows": "shadows",
    "color": "saturation",
    "colors": "saturation",
    "colour": "saturation",
    "colours": "saturation",
    "colorfulness": "saturation",
    "colourfulness": "saturation",
}
COLOR_PROPERTY_NOUNS = {"color", "colors", "colour", "colours", "colorfulness", "colourfulness"}

DECREASE_VERBS = {
    "decrease",
    "lower",
    "reduce",
    "cut",
    "turn down",
    "tone down",
    "drop",
    "lessen",
    "diminish",
    "pull down",
}

EFFECTS: dict[str, str] = {
    "fog": "fog",
    "mist": "fog",
    "haze": "haze",
    "smog": "haze",
    "foggy": "fog",
    "misty": "fog",
    "hazy": "haze",
    "smoggy": "haze",
}
EFFECT_STRONG = {"thick", "heavy", "dense"}
EFFECT_MILD = {"light", "soft", "some"}

STYLES: dict[str, str] = {"sepia": "sepia", "sepia tone": "sepia", "sepia toned": "sepia"}
"""Named styles other than black and white (which is every other STYLE_ADJ word)."""

DETERMINERS = {
    "the",
    "a",
    "an",
    "some",
    "any",
    "both",
    "all",
    "each",
    "every",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "my",
    "our",
    "your",
}

_SPACES = re.compile(r"[\s-]+")


def norm(text: str) -> str:
    """Lower-case and collapse whitespace, so "Much   Warmer" and "much warmer" look the same."""
    return _SPACES.sub(" ", text.strip().lower())


def style_of(word: str) -> str:
    return STYLES.get(norm(word), "black and white")
