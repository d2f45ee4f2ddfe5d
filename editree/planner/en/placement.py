"""Where a moved object goes and how big a resized one becomes: "to the left", "closer to the fireplace",
"100 px up", "to the right side of the table"; "to 1024x768", "by 50%", "4x", "by half", "twice"."""

from __future__ import annotations

import re
from typing import Any

from editree.planner.en import vocab
from editree.planner.en.tokens import Tok

MOVE_SIDES = {
    "left": "left",
    "right": "right",
    "top": "top",
    "bottom": "bottom",
    "up": "top",
    "down": "bottom",
    "center": "center",
    "centre": "center",
    "middle": "center",
    "upwards": "top",
    "downwards": "bottom",
}


MOVE_RELATIONS = {
    "to the left of": "left of",
    "left of": "left of",
    "on the left of": "left of",
    "to the right of": "right of",
    "right of": "right of",
    "on the right of": "right of",
    "above": "above",
    "over": "above",
    "below": "below",
    "under": "below",
    "beneath": "below",
    "underneath": "below",
    "next to": "next to",
    "beside": "next to",
    "near": "next to",
    "close to": "next to",
    "by": "next to",
    "in front of": "in front of",
    "behind": "behind",
    "onto": "onto",
    "on top of": "onto",
    "on": "onto",
    "into": "onto",
    "closer to": "next to",
}


MOVE_FILLERS = frozenset({"the", "side", "edge", "corner", "of", "image", "photo", "picture", "frame", "part", "scene"})


COMPARATIVE_MOVES = {"lower": ("dy", 1), "higher": ("dy", -1), "further left": ("dx", -1), "further right": ("dx", 1)}
SMALL_MOVES = frozenset({"a bit", "a little", "slightly", "a touch", "a tad", "just a bit", "a little bit"})


def move_place(toks: list[Tok], *, loose: bool = False) -> tuple[int, dict[str, Any] | None]:
    """(where the object's words end, the move's args) for "the lamp to the left", "the cat closer to the
    fireplace", "the logo 100 px up", "the vase to the top left corner", "the logo a bit lower".

    loose: the object is known to be in the picture ("put the scooter by the door"), so "by", "on" and "near"
    place it rather than describe it."""
    words = [t.low for t in toks]
    tail = " ".join(words[-2:]) if len(words) > 2 and words[-2] in ("further", "farther") else words[-1:]
    tail = tail if isinstance(tail, str) else " ".join(tail)
    if len(toks) > 1 and tail.replace("farther", "further") in COMPARATIVE_MOVES:
        key, sign = COMPARATIVE_MOVES[tail.replace("farther", "further")]
        end = len(toks) - len(tail.split())
        small = end > 1 and toks[end - 1].low in SMALL_MOVES
        return end - small, {key: sign * (0.05 if small else 0.1), "units": "fraction"}
    for i, tok in enumerate(toks):
        if i == 0:
            continue
        low = tok.low
        rest = [t.low for t in toks[i:]]
        joined = " ".join(rest)
        # an offset in pixels or percent: "100 px to the left", "20% up"
        number = re.fullmatch(
            r"(?:by )?(\d+(?:\.\d+)?) ?(px|pixels?|%|percent)? ?(?:to the |towards the |to )?"
            r"(left|right|up|down|upwards|downwards|top|bottom)(?: side)?",
            joined,
        )
        if number:
            value = float(number.group(1))
            units = "px" if number.group(2) in ("px", "pixel", "pixels") else "fraction"
            if units == "fraction":
                value = value / 100 if number.group(2) in ("%", "percent") or value > 1 else value
            side = MOVE_SIDES[number.group(3)]
            key, sign = (
                ("dx", -1)
                if side == "left"
                else ("dx", 1)
                if side == "right"
                else (("dy", -1) if side == "top" else ("dy", 1))
            )
            return i, {key: sign * value, "units": units}
        if low in ("closer", "nearer") and len(rest) > 2 and rest[1] in ("to", "towards"):
            return i, {"beside_toks": toks[i + 2 :], "relation": "next to"}
        if (
            low in MOVE_RELATIONS
            and len(rest) > 1
            and (loose or low not in ("on", "by", "into", "over", "under", "near"))
        ):
            # ("the man on horseback" is the object's own words: only unambiguous relations place it)
            return i, {"beside_toks": toks[i + 1 :], "relation": MOVE_RELATIONS[low]}
        if low in POSITION_TOKENS and len(rest) > 2 and (rest[1] == "of" or rest[1:3] == ["side", "of"]):
            # "to the right side of the table": beside the table
            side = POSITION_TOKENS[low]
            whole = [w for w in rest[(2 if rest[1] == "of" else 3) :] if w != "the"]
            if len(whole) == 1 and whole[0] in _WHOLE_PICTURE:
                return i, {"to": side}  # "to the left side of the image": that side of the picture
            relation = {"left": "left of", "right": "right of", "top": "above", "bottom": "below"}.get(side, "next to")
            return i, {"beside_toks": toks[i + (2 if rest[1] == "of" else 3) :], "relation": relation}
        if low in ("to", "towards", "toward", "into", "in", "at") or low in POSITION_TOKENS:
            words = [
                w
                for w in (rest[1:] if low in ("to", "towards", "toward", "into", "in", "at") else rest)
                if w
                not in ("the", "side", "edge", "corner", "of", "image", "photo", "picture", "frame", "part", "scene")
            ]
            if low in POSITION_TOKENS:
                words = [POSITION_TOKENS[low], *words[1:]]
            words = [part for w in words for part in (w.split("-") if "-" in w else [w])]  # "top-left"
            sides = [MOVE_SIDES[w] for w in words if w in MOVE_SIDES]
            if len(sides) == 2 and sides[1] == "center" and sides[0] in ("top", "bottom"):
                sides, words = sides[:1], words[:1]  # "the top centre" is the middle of the top edge
            if sides and len(sides) == len(words) and len(sides) <= 2:
                place = " ".join(sorted(sides, key=lambda s: 0 if s in ("top", "bottom") else 1))
                if place in (
                    "left",
                    "right",
                    "top",
                    "bottom",
                    "center",
                    "top left",
                    "top right",
                    "bottom left",
                    "bottom right",
                ):
                    return i, {"to": place}
        if low in MOVE_SIDES and i == len(toks) - 1 and low not in ("center", "centre", "middle"):
            return i, {"to": MOVE_SIDES[low]}  # "move the logo up"
    return len(toks), None


_WHOLE_PICTURE = frozenset({"image", "photo", "picture", "frame", "shot", "scene", "canvas", "composition"})

POSITION_TOKENS = {
    "to the left": "left",
    "to the right": "right",
    "on the left": "left",
    "on the right": "right",
    "at the top": "top",
    "at the bottom": "bottom",
    "in the middle": "center",
    "in the center": "center",
    "in the centre": "center",
    "to the left side": "left",
    "to the right side": "right",
    "on the left side": "left",
    "on the right side": "right",
    "on the left hand side": "left",
    "on the right hand side": "right",
}


def size_words(toks: list[Tok], sign: int = 0) -> tuple[float | None, dict[str, int] | None, list[Tok]]:
    """(scale factor, width/height, the words left for a region) of "to 1024x768", "by 50%", "4x", "by half",
    "twice", "800 pixels wide"."""
    text = " ".join(t.low for t in toks)
    factor: float | None = None
    size: dict[str, int] | None = None
    patterns = (
        (r"(\d{2,5}) ?(?:x|×|\*|by) ?(\d{2,5})", "wh"),
        (r"(\d{2,5}) ?(?:px|pixels?)? ?(wide|width|tall|high|height)", "side"),
        (r"(\d+(?:\.\d+)?) ?(?:%|percent)", "percent"),
        (r"(\d+(?:\.\d+)?) ?(?:x|×|times)\b|\bx ?(\d+(?:\.\d+)?)", "times"),
        (r"\b(?:twice|double|two times)\b", "twice"),
        (r"\bby (?:a )?half\b|\bhalf\b", "half"),
    )
    used: set[str] = set()
    for pattern, kind in patterns:
        match = re.search(pattern, text)
        if not match:
            continue
        if kind == "wh":
            size = {"width": int(match.group(1)), "height": int(match.group(2))}
        elif kind == "side":
            size = {"width" if match.group(2) in ("wide", "width") else "height": int(match.group(1))}
        elif kind == "percent":
            factor = float(match.group(1)) / 100
            if sign and re.search(r"\bby " + re.escape(match.group(0)), text):
                factor = round(1 + sign * factor, 4)  # "shrink it by 20%": to 80%
        elif kind == "times":
            factor = float(match.group(1) or match.group(2))
        elif kind == "twice":
            factor = 2.0
        else:
            factor = 0.5
        used.update(match.group(0).split())
        break
    region = [
        t
        for t in toks
        if t.low not in used
        and t.kind != "num"
        and t.low
        not in (
            "to",
            "by",
            "x",
            "%",
            "percent",
            "times",
            "size",
            "the",
            "its",
            "original",
            "scale",
            "resolution",
            "a",
            "factor",
            "of",
            "pixels",
            "px",
            "up",
            "down",
            "in",
            "it",
            "as",
            "big",
            "large",
            "larger",
            "bigger",
            "smaller",
        )
        and t.low not in vocab.DEGREE_WORDS
    ]
    return factor, size, region


_WHERE_TO = frozenset(
    {"towards", "toward", "closer", "nearer", "further", "farther", "higher", "lower", "upwards", "downwards"}
)


def position_of(rest: list[Tok]) -> list[Tok] | None:
    """ "(adjust) the position of the lantern slightly to the right" -> "the lantern slightly to the right", which
    the move frame reads; None when no destination is said ("the position of the woman on the left" names which
    woman, and "adjust the position of the mug" says nothing of where: both stay free-form edits)."""
    words = [t.low for t in rest]
    start = 1 if words[:1] == ["the"] else 0
    if (
        len(words) < start + 3
        or words[start] not in ("position", "positions", "placement", "location")
        or words[start + 1] != "of"
    ):
        return None
    moved = rest[start + 2 :]
    says_where = any(
        w in _WHERE_TO or w.startswith(("to the ", "towards the ")) or w == "to" for w in words[start + 3 :]
    )
    return moved if says_where else None
