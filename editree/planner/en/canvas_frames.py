"""Frames of the canvas ops: crop, rotate, straighten, flip, resize, upscale, extend; zoom and free-form verbs."""

from __future__ import annotations

import re

from editree.ops import ALL, PhraseRegion
from editree.planner import lexicon_en as lex
from editree.planner.clauses import Clause
from editree.planner.en import vocab
from editree.planner.en.amounts import take_amount
from editree.planner.en.phrases import (
    FreeForm,
    find,
    low,
    sides_named,
)
from editree.planner.en.placement import size_words
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

_EXTEND_STOPS = frozenset(
    """by to on at in into towards toward upward upwards downward downwards outward outwards left right top bottom up
down out sideways horizontally vertically both all each""".split()
) | {"on the left", "on the right", "to the left", "to the right", "at the top", "at the bottom", "on top"}
_CANVAS_PARTS = frozenset(
    """sky background backdrop scenery scene landscape view canvas border borders edge edges side sides margin margins
foreground ground floor water sea ocean field fields horizon surroundings setting frame image photo picture camera
shot view perspective composition""".split()
)
_PLACE_PREPOSITIONS = frozenset({"into", "onto", "on", "in", "around", "across", "over"})
_PRONOUNS = frozenset({"it", "him", "her", "them"})
_MARKING_VERBS = frozenset({"carve", "engrave", "etch", "scratch", "emboss", "stamp", "stitch", "embroider"})


class CanvasFrames:
    """Frame methods of FrameReader, mixed into it: they use its edit(), region() and context."""

    # ---- canvas ---------------------------------------------------------------------------------------------
    def frame_crop(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        words = low(rest)
        match = re.search(r"(\d{1,4})\s*(?::|x|×|by|to)\s*(\d{1,4})", self.raw(rest).lower())
        if match:
            w, h = int(match.group(1)), int(match.group(2))
            if w == 0 or h == 0:
                raise NotUnderstood(f"aspect {w}:{h} has a zero side")
            return [self.edit("crop", None, {"aspect": f"{w}:{h}"})]
        for word, aspect in lex.ASPECTS.items():
            if re.search(rf"\b{word}\b", words):
                return [self.edit("crop", None, {"aspect": aspect})]
        if re.search(r"\b(?:out|off)\b", words) and len(rest) > 1:
            what = [t for t in rest if t.low not in ("out", "off")]
            return self.frame_remove("remove", verb, what)
        amount, region_toks = take_amount(rest)
        region = self.region(region_toks) if region_toks else None
        if region in (None, ALL):
            # "crop the photo a little": a centred crop; how much is a guess the plan says out loud
            margin = round(min(0.25, 0.1 * amount.factor), 4)
            self.warnings.append(f"{self.raw_span()!r} gives no size; {margin:.0%} is cropped from each side")
            return [self.edit("crop", None, {"box": (margin, margin, 1 - margin, 1 - margin), "units": "fraction"})]
        raise FreeForm(region)

    def frame_rotate(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        words = low(rest)
        if re.search(r"\bupside down\b", words):
            return [self.edit("rotate", None, {"degrees": 180.0})]
        words = words.replace("a half turn", "180").replace("half turn", "180")
        words = words.replace("a quarter turn", "90").replace("quarter turn", "90")
        number = re.search(r"(\d+(?:\.\d+)?)", words)
        ccw = bool(re.search(r"\b(?:counterclockwise|ccw|left)\b", words))
        if number:
            degrees = float(number.group(1))
            if not 0 < degrees < 360:
                raise NotUnderstood(f"cannot rotate by {degrees:g} degrees")
            return [self.edit("rotate", None, {"degrees": degrees if ccw else -degrees})]
        if ccw or re.search(r"\b(?:clockwise|cw|right)\b", words):
            return [self.edit("rotate", None, {"degrees": 90.0 if ccw else -90.0})]
        if lemma == "tilt" or not words or words in ("it", "the image", "the photo", "the picture"):
            raise NotUnderstood("rotate by how much?")
        raise NotUnderstood("rotate by how much?")

    def frame_straighten(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        return [self.edit("rotate", None, {"auto": True})]

    def frame_flip(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        words = low(rest)
        if re.search(r"\bupside down\b", words):
            return [self.edit("rotate", None, {"degrees": 180.0})]
        vertical = bool(re.search(r"\b(?:vertical(?:ly)?|top (?:to|and) bottom|upside)\b", words))
        return [self.edit("flip", None, {"direction": "vertical" if vertical else "horizontal"})]

    def frame_resize(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "resize to 1024x768", "downscale by 50%", "upscale 4x" (super-resolution), and of an object "shrink
        the logo by half", "enlarge the dog" (scale the object in place)."""
        factor, size, region_toks = size_words(rest, verb.sign)
        region = self.region(region_toks) if region_toks else None
        pronoun = find(rest, ("it", "them", "this", "that")) >= 0
        if region is None and pronoun and verb.sign and isinstance(self.ctx.last_target, PhraseRegion):
            region = self.ctx.last_target  # "nudge it left and shrink it by 20%"
        if region not in (None, ALL):
            if factor is None:
                amount, _ = take_amount(rest)
                mild = amount.factor < 1
                factor = (1.25 if mild else 2.0) if verb.sign >= 0 else (0.8 if mild else 0.5)
            return [self.edit("scale", region, {"factor": factor})]
        if lemma in vocab.UPSCALE_VERBS and size is None and (factor is None or factor in (2, 3, 4)):
            return [self.edit("upscale", None, {"factor": int(factor or 2)})]
        if size is not None:
            return [self.edit("resize", None, size)]
        if factor is not None:
            return [self.edit("resize", None, {"scale": factor})]
        if verb.sign:
            return [self.edit("resize", None, {"scale": 2.0 if verb.sign > 0 else 0.5})]
        raise NotUnderstood("resize to what size?")

    def frame_upscale(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "increase the resolution", "super-resolve it 4x", "make it higher resolution"."""
        factor, _, _ = size_words(rest)
        if factor not in (None, 2, 3, 4):
            return [self.edit("resize", None, {"scale": factor})]
        return [self.edit("upscale", None, {"factor": int(factor or 2)})]

    def frame_extend(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        words = self.raw(rest).lower()
        stops = [t.low in _EXTEND_STOPS or t.low in vocab.DEGREE_WORDS or t.kind != "word" for t in rest]
        end = stops.index(True) if True in stops else len(rest)
        thing = self.region(rest[:end]) if end > 0 and not re.search(r"\d", words) else None
        head = self.ctx.heads.get(thing.text, thing.text.split()[-1]) if isinstance(thing, PhraseRegion) else ""
        if isinstance(thing, PhraseRegion) and head not in _CANVAS_PARTS:
            # "extend the flames in the corner": the flames grow, not the canvas ("extend the beach on the right by
            # 400 px" is the canvas: a size in pixels is the canvas's)
            raise FreeForm(self.region(rest) or thing)
        if re.search(r"\d+ ?: ?\d+", words):
            raise FreeForm(None)  # "extend it to 16:9": which sides grow, and how much, depends on the picture
        number = re.search(r"(\d+(?:\.\d+)?)\s*(%|percent|px|pixels?)?", words)
        if number is None:
            value, units = 0.25, "fraction"
        elif number.group(2) in ("%", "percent"):
            value, units = float(number.group(1)) / 100, "fraction"
        else:
            value, units = float(number.group(1)), "px"
        sides = sides_named(words)
        return [self.edit("extend", None, {**dict.fromkeys(sides, value), "units": units})]

    def frame_freeform(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "colourise it", "switch the lamp on": verbs no op expresses; a free-form edit of their object."""
        at = next((i for i, t in enumerate(rest) if 0 < i < len(rest) - 1 and t.low in _PLACE_PREPOSITIONS), -1)
        if at > 0 and (rest[-1].low in _PRONOUNS or lemma in _MARKING_VERBS):
            # "carve a face into it", "engrave a name on the ring": what is made goes on the thing named after
            rest = rest[at + 1 :]
        rest = [t for t in rest if t.low not in ("on", "off")]
        region = self.region(rest) if rest else None
        raise FreeForm(None if region == ALL else region)

    def frame_zoom(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "zoom in on the child": a crop around a region the plan cannot place yet, kept free-form with it;
        "zoom in" alone is a centred crop."""
        _, region_toks = take_amount(rest)
        region = self.region(region_toks) if region_toks else None
        if region in (None, ALL):
            return self.frame_crop("crop", verb, rest)
        raise FreeForm(region)
