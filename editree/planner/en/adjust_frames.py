"""Frames of adjustments: verbs that name their property ("brighten"), verbs that raise or lower one
("increase the contrast of the sky"), blur and enhancement."""

from __future__ import annotations

from typing import Any

from editree.ops import ALL, BACKGROUND, PhraseRegion, Region
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clauses import Clause
from editree.planner.en import vocab
from editree.planner.en.amounts import Amount, take_amount
from editree.planner.en.nouns import is_plural, strip_fillers
from editree.planner.en.phrases import (
    FreeForm,
    attribute_owner,
    defect_kind,
    drop_particles,
    find,
    has_property,
    is_edges,
    low,
    property_in,
    split_top,
    trailing_amount,
    verb_at,
)
from editree.planner.en.placement import position_of
from editree.planner.en.tokens import Tok

_COUNT_NOUNS = frozenset({"number", "amount", "quantity", "density", "count"})


COLOR_WORDS = frozenset(
    {"red", "green", "blue", "yellow", "orange", "purple", "pink", "colors", "colours", "color", "colour", "reds",
     "greens", "blues", "yellows", "oranges"}
)  # fmt: skip


class AdjustFrames:
    """Frame methods of FrameReader, mixed into it: they use its edit(), region() and context."""

    # ---- adjustments ------------------------------------------------------------------------------------
    def frame_adjust(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "brighten the photo a bit", "sharpen the face", "warm up the background"."""
        amount, rest = take_amount(rest)
        rest = drop_particles(rest, ("up", "down", "out"))
        if rest and rest[-1].low in ("more", "further", "again"):  # "saturate it more"
            rest = rest[:-1]
        elif rest and rest[-1].low == "less":
            rest, amount.less = rest[:-1], not amount.less
        if verb.kind == "white" and rest:  # "whiten the teeth": make them white
            region = self.region(rest)
            return [self.edit(*sem.recolor_or_fill(region, "white"))]
        prop = verb.prop or "brightness"
        if prop == "brightness" and verb.sign < 0 and is_edges(rest):  # "darken the corners": a vignette
            return [self.edit("vignette", None, {"amount": amount.scale(0.5)})]
        # "sharpen the details", "brighten the colors": the property's own nouns mean the whole image.
        if rest and low(strip_fillers(rest)) in vocab.PROPERTY_NOUNS:
            noun = low(strip_fillers(rest))
            if noun in ("shadows", "highlights", "shadow", "highlight"):
                return [self.adjust(None, noun if noun.endswith("s") else noun + "s", verb.sign, amount)]
            if noun in vocab.PROPERTY_ONLY_IN_CONTEXT or noun in ("colors", "colours", "tones", "color", "colour"):
                if noun in ("colors", "colours", "color", "colour") and prop == "brightness":
                    pass
                return [self.adjust(None, prop, verb.sign, amount)]
        body = strip_fillers(rest)
        if body and body[0].low == "the":
            body = body[1:]
        if len(body) > 2 and body[1].low == "of" and body[0].low in COLOR_WORDS and prop in ("contrast", "saturation"):
            # "punch up the green of the pitch", "boost the blue of the sea": how colourful the thing is
            return [self.adjust(self.region(body[2:]), "saturation", verb.sign or 1, amount)]
        target = self.region(rest)
        return [self.adjust(target, prop, verb.sign, amount)]

    def frame_amount(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "increase the contrast", "reduce the saturation of the sky by 20%", "boost the colors and the
        brightness a little", "lower highlights, raise shadows"."""
        rest = drop_particles(rest, ("up", "down"), sign_out=(verb_sign := [verb.sign]))
        sign = verb_sign[0]
        if lemma in ("soften", "smooth") and not has_property(rest):
            amount, rest = take_amount(rest)
            return [self.edit("blur", self.region(rest), {"amount": amount.scale(0.3)})]
        if lemma in ("tone",) and sign == 0:
            sign = -1
        if sign >= 0 and find(rest, ("resolution", "res", "resolutions")) >= 0:
            return self.frame_upscale(lemma, verb, rest)  # "increase the resolution"
        blur_at = find(rest, vocab.BLUR_NOUNS | {"blurriness", "bokeh effects", "blurs"})
        if blur_at >= 0 and not has_property(rest):
            # "increase the blurring on the palm leaves", "reduce the bokeh in the background"
            amount, after = take_amount(rest[blur_at + 1 :])
            if after and after[0].low in ("on", "in", "of", "for", "to", "around"):
                after = after[1:]
            region = self.region(after) if after else None
            if sign < 0:
                return [self.edit("enhance", region, {"kind": "deblur"})]
            return [self.edit("blur", region, {"amount": amount.scale(lex.BASE_BLUR)})]
        size_at = find(rest, ("size", "scale"))
        if size_at >= 0 and size_at + 2 < len(rest) and rest[size_at + 1].low == "of" and sign:
            # "increase the size of the waves": scale the object
            amount, target_toks = take_amount(rest[size_at + 2 :])
            region = self.region(target_toks)
            if region not in (None, ALL):
                factor = 1.5 if amount.factor <= 1 else 2.0
                return [self.edit("scale", region, {"factor": factor if sign > 0 else round(1 / factor, 4)})]
        more = self.more_of(rest) if sign > 0 else None
        if more is not None:
            return more
        groups = self.property_groups(rest)
        if not groups and rest and rest[0].low in ("it", "that", "them", "this", "those") and self.ctx.last_property:
            # "increase sharpness on the product and decrease it on the backdrop"
            amount, after = take_amount(rest[1:])
            after = drop_particles(after, ("up", "down"))
            if after and after[0].low in ("on", "in", "for", "across", "around", "over", "at"):
                after = after[1:]
            # ("The lamp is too bright. Tone it down.": with nothing after it, "it" is the thing last named; "the
            # colours are flat, bump em up": the property named, on what it was said of)
            region = self.region(after) if after else self.region(rest[:1])
            if not after and not isinstance(region, PhraseRegion):
                region = None
            return [self.adjust(region, self.ctx.last_property, sign or 1, amount)]
        if not groups:
            defect = defect_kind(rest)
            if defect is not None and sign < 0:
                return [self.edit("enhance", ALL, {"kind": defect})]
            if sign > 0 and lemma in ("boost", "enhance", "intensify", "amplify", "heighten", "deepen", "enrich"):
                amount, region_toks = take_amount(rest)
                return [self.adjust(self.region(region_toks), "saturation", 1, amount)]
            if sign < 0 and lemma in ("tone down", "tone", "mute", "dull", "tame", "knock down", "subdue") and rest:
                # "tone down everything around the lamp": the region gets less colourful, not removed
                amount, region_toks = take_amount(rest)
                region = self.region(region_toks)
                if region is not None:
                    return [self.adjust(region, "saturation", -1, amount)]
            moved = position_of(rest) if sign == 0 else None
            if moved is not None:
                try:
                    return self.frame_move("move", vocab.VERBS["move"], moved)  # type: ignore[attr-defined]
                except (FreeForm, sem.NotUnderstood):
                    pass  # "to sit near the net": no place the move frame knows; the free-form edit below
            if sign == 0 and find(rest, ("to", "into", "to resemble", "to look like", "to match")) > 0:
                return self.frame_change(lemma, verb, rest)  # "adjust the man's suit to a darker blue"
            # "adjust the position of the mug", "reduce the visibility of the lanterns": free-form, of that region
            raise FreeForm(attribute_owner(self, rest))
        undirected = sign == 0
        steps = [self.adjust(region, prop, (sign or 1) * polarity, amount) for prop, polarity, region, amount in groups]
        if undirected:
            # "adjust the exposure (so that it looks lighter)": a purpose after the clause may give the direction;
            # until then the property is increased, and the plan says so
            names = ", ".join(g[0] for g in groups)
            warning = f"{self.raw_span()!r} gives no direction; the {names} is increased (say 'increase' or 'reduce')"
            self.warnings.append(warning)
            for step in steps:
                self.ctx.undirected[id(step)] = warning
        return steps

    def more_of(self, rest: list[Tok]) -> list[Clause] | None:
        """ "increase the number of orchids", "raise the density of people in the background": more of them, added
        (where they are said to be); None when the words say no count of things."""
        at = next((i for i, t in enumerate(rest[:3]) if t.low in _COUNT_NOUNS), -1)
        if at < 0 or at + 2 >= len(rest) or rest[at + 1].low != "of":
            return None
        if any(t.low not in ("the", "a") for t in rest[:at]):
            return None
        _, things = take_amount(rest[at + 2 :])
        place = next((i for i, t in enumerate(things) if i > 0 and t.low.split()[0] in vocab.PREPOSITIONS), len(things))
        what, where = things[:place], things[place:]
        while what and what[0].low in ("the", "these", "those", "all", "all the"):
            what = what[1:]
        if where and " " in where[0].low and where[0].low != "in the background":
            return None  # "… on the left side of the street": a place this reading cannot say
        if not what or verb_at(what, 0) is not None or not is_plural(what[-1].low):
            return None
        if has_property(what) or vocab.COLOR_TONES.keys() & {t.low for t in what}:
            return None  # "the number of colours" is no count of things
        region = BACKGROUND if where and where[0].low == "in the background" else None
        if where and region is None:
            region = self.region(where[1:]) if len(where) > 1 else None
        return [self.edit("add", region, {"prompt": f"more {self.raw(what)}"})]  # type: ignore[attr-defined]

    def raw_span(self) -> str:
        return self.text[self.span[0] - self.offset : self.span[1] - self.offset]

    def property_groups(self, toks: list[Tok]) -> list[tuple[str, int, Region | None, Amount]]:
        """ "the contrast of the image a lot and the colors a little" -> [(contrast, +1, None, x2), (saturation,
        +1, None, x0.5)]. A part without a property word is a region of the part before ("the brightness of
        the sky and the grass"); a region or amount said once at the end applies to every part before it."""
        shared_amount, toks = trailing_amount(toks)
        parts = split_top(toks)
        groups: list[list[Any]] = []
        for part in parts:
            amount, part = take_amount(part)
            found = property_in(part)
            if found is None:
                if groups and part:
                    groups[-1][3].append(part)
                    continue
                if not groups and part:
                    return []
                continue
            prop, polarity, before, after = found
            region_toks = after if after else before
            groups.append([prop, polarity, amount, [region_toks] if region_toks else []])
        out: list[tuple[str, int, Region | None, Amount]] = []
        regions: list[Region | None] = []
        for prop, polarity, amount, region_parts in groups:
            region: Region | None = None
            if region_parts:
                joined: list[Tok] = []
                for i, part in enumerate(region_parts):
                    if i:
                        joined.append(Tok("and", "and", part[0].start, part[0].start, "word"))
                    joined.extend(part)
                region = self.region(joined)
            regions.append(region)
            out.append((prop, polarity, region, amount.merged(shared_amount)))
        # A region said once applies to the parts before it that name none ("brightness and contrast of the sky").
        last: Region | None = None
        for i in range(len(out) - 1, -1, -1):
            if regions[i] is not None:
                last = regions[i]
            elif last is not None:
                out[i] = (out[i][0], out[i][1], last, out[i][3])
        return out

    # ---- blur and enhance ---------------------------------------------------------------------------------
    def frame_blur(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        amount, rest = take_amount(rest)
        rest = drop_particles(rest, ("out",))
        base = 0.3 if verb.kind == "soft" else lex.BASE_BLUR
        return [self.edit("blur", self.region(rest), {"amount": amount.scale(base)})]

    def frame_enhance(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "enhance the photo", "denoise the sky", "enhance the colors" (saturation), "fix the blur"."""
        rest = strip_fillers(rest)
        defect = defect_kind(rest)
        if defect is not None:
            return [self.edit("enhance", ALL, {"kind": defect})]
        if verb.kind == "auto" and lemma in ("enhance", "boost", "restore", "bring back") and has_property(rest):
            return self.frame_amount(lemma, vocab.Verb("amount", sign=1), rest)
        if has_property(rest) and verb.kind == "auto":
            return [self.edit("enhance", None, {"kind": "auto"})]
        _, rest = take_amount(rest)
        return [self.edit("enhance", self.region(rest) if rest else None, {"kind": verb.kind or "auto"})]
