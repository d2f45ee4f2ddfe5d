"""Frames that act on things: replace, remove, add (and put, give, apply), recolour, restyle, select, move."""

from __future__ import annotations

import re

from editree.ops import ALL, BACKGROUND, MinusRegion, NotRegion, PhraseRegion, Region
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clauses import Clause, EditClause
from editree.planner.en import vocab
from editree.planner.en.amounts import take_amount
from editree.planner.en.complements import color_of
from editree.planner.en.freeform_target import LOCATIVE_BEFORE_TO
from editree.planner.en.nouns import is_plural, plural, singular, strip_fillers
from editree.planner.en.phrases import (
    FreeForm,
    and_token,
    color_tone,
    defect_kind,
    effect_noun,
    find,
    give_split,
    in_focus,
    is_scene,
    last_top,
    look_adjustments,
    looks_like_object,
    low,
    split_pairs,
    split_top,
    strip_punct,
    without_trailing_for,
)
from editree.planner.en.placement import move_place
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its", "my", "our"})


# What a give-frame changes in its recipient rather than adds to it.
SUBJECT_CHANGES = frozenset({"expression", "grin", "frown", "wink", "pose", "posture", "hairstyle", "hairdo"})


class ObjectFrames:
    """Frame methods of FrameReader, mixed into it: they use its edit(), region() and context."""

    # ---- replace, remove, add -------------------------------------------------------------------------
    def frame_replace(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "replace X with Y" (and "and Z with W"), "swap X for Y", "substitute Y for X", "replace X by Y"."""
        if lemma == "substitute" and find(rest, ("for",)) > 0 and find(rest, ("with",)) < 0:
            at = find(rest, ("for",))
            prompt, region = self.raw(rest[:at]), self.region(rest[at + 1 :])
            return [self.edit("replace", region, {"prompt": prompt})]
        preps = ("with", "by", "for", "to", "into", "using", "instead of")
        pairs = split_pairs(rest, preps)
        if not pairs:
            raise FreeForm(self.region(rest) if rest else None)
        out: list[Clause] = []
        for left, right in pairs:
            region = self.region(left)
            prompt_toks = right[1:]
            gap = " ".join(t.low for t in left if t.low not in ("the", "that", "this", "its", "their"))
            if gap in _GAPS and self.ctx.removed is not None and right[0].low == "with" and prompt_toks:
                # "remove the mugs and fill the empty spot with lemons": the spot is where they were
                out.append(self.edit("add", self.ctx.removed, {"prompt": self.raw(strip_punct(prompt_toks))}))
                continue
            if right[0].low == "instead of":  # "replace with a cat instead of the dog" (rare order)
                region, prompt_toks = self.region(prompt_toks), left
            prompt = self.raw(strip_punct(prompt_toks))
            if isinstance(region, PhraseRegion) and re.search(r"\bones?$", prompt) and len(prompt.split()) > 1:
                # "replace the third tile with a blue one", "the old benches with new ones": of the same kind
                head = self.ctx.heads.get(region.text, region.text.split()[-1])
                many = prompt.endswith("ones")
                prompt = re.sub(
                    r"\bones?$", (head if is_plural(head) else plural(head)) if many else singular(head), prompt
                )
            if not prompt or region is None:
                raise NotUnderstood("replace what with what?")
            out.append(self.edit("replace", region, {"prompt": prompt}))
        return out

    def frame_remove(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "remove the car from the street", "remove the noise", "remove the yellow cast", "remove the color"."""
        rest = strip_fillers(rest)
        if not rest:
            raise NotUnderstood("remove what?")
        defect = defect_kind(rest)
        if defect is not None:
            return [self.edit("enhance", ALL, {"kind": defect})]
        words = [t.low for t in rest]
        # "remove some of the contrast", "remove the yellow tint", "remove the color from the background"
        if words[0] in ("some", "part", "a bit", "a little") and len(words) > 2 and words[1] == "of":
            groups = self.property_groups(rest[2:])
            if groups:
                return [self.adjust(region, prop, -polarity, amount) for prop, polarity, region, amount in groups]
        tone = color_tone(rest)
        if tone is not None:
            prop, sign, region_toks = tone
            amount, region_toks = take_amount(region_toks)
            return [self.adjust(self.region(region_toks) if region_toks else None, prop, -sign, amount)]
        head = [w for w in words if w not in ("the", "all", "any")]
        if head and head[0] in ("color", "colors", "colour", "colours", "coloring", "saturation"):
            at = find(rest, ("from", "in", "of", "on"))
            region = self.region(rest[at + 1 :]) if at > 0 else None
            return [self.edit("restyle", region, {"style": "black and white"})]
        at = last_top(rest, ("from", "out of", "off"))
        what_toks, where_toks = (rest[:at], rest[at + 1 :]) if at > 0 else (rest, [])
        of = find(rest, ("of",))
        if at < 0 and lemma in ("rid", "purge", "clear", "clean", "strip") and of > 0:
            # "rid the photo of the cables", "clear the table of dishes": the thing after "of", from what is before
            what_toks, where_toks = rest[of + 1 :], rest[:of]
            if low(where_toks) in ("image", "photo", "picture", "pic", "photograph", "the image", "the photo"):
                where_toks = []
            defect = defect_kind(what_toks)
            if defect is not None:  # "rid the photo of the grain"
                return [self.edit("enhance", ALL, {"kind": defect})]
        what = self.region(what_toks)
        if what is None or what == ALL:
            raise NotUnderstood("remove what?")
        where = self.region(where_toks) if where_toks else None
        if where == BACKGROUND:
            what = MinusRegion(region=what, exclude=NotRegion(region=BACKGROUND))
        elif isinstance(where, PhraseRegion) and isinstance(what, PhraseRegion):
            prep = "in" if where.text in ("sky", "water", "sea", "air", "lake", "river", "picture") else "on"
            what = PhraseRegion(text=f"{what.text} {prep} the {where.text}", qualifiers=what.qualifiers)
        clause = self.edit("remove", what, {})
        # what was removed is gone: a later "it" means where it was ("the birds on the wire" -> the wire), or the
        # picture
        place = _place_of(what.text) if isinstance(what, PhraseRegion) else None
        self.ctx.last_target = PhraseRegion(text=place) if place else ALL
        self.ctx.removed = what
        return [clause]

    def frame_add(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "add a hat to the dog", "put a hat on the dog and a scarf on the cat", "add fog to the background",
        "add more contrast", "add a vintage filter", "add some blur to the background"."""
        rest = strip_punct(rest)
        if not rest:
            raise NotUnderstood(f"{lemma} what?")
        if lemma == "include" and rest[0].low in DEFINITE and self._side_including():
            # "blur everything, including the dog": what the clause before covers, not a thing to add
            self.ctx.silent.append((self.span, None))
            return []
        focused = in_focus(rest)
        if lemma in ("put", "get", "set", "bring") and focused is not None:
            return self.made(focused)  # "put the dog in sharp focus and the rest slightly blurred"
        extra = re.match(
            r"(\d+) ?(?:px|pixels?)(?: of (?:\w+ ){0,2}\w+)? (?:at|on|to|along) (?:the )?(left|right|top|bottom)",
            low(rest),
        )
        if extra:  # "add 150 pixels of sky at the top": a wider canvas
            return [self.edit("extend", None, {extra.group(2): float(extra.group(1)), "units": "px"})]
        at = find(rest, ("instead of", "in place of", "rather than"))
        if at > 0:  # "put a fountain instead of the car"
            return [self.edit("replace", self.region(rest[at + 1 :]), {"prompt": self.raw(rest[:at])})]
        if lemma in ("put", "place", "position", "set", "stand") and (rest[0].low in DEFINITE or low(rest[:1]) == "it"):
            _, place = move_place(rest, loose=True)
            if place is not None and ("to" in place or place.get("relation") in ("left of", "right of", "next to")):
                # "put the fern on the right side of the shelf", "place the lamp in the left corner": it is there
                return self.frame_move("move", vocab.VERBS["move"], rest, loose=True)
        with_at = find(rest, ("with",))
        if lemma in ("decorate", "adorn", "garnish", "grace") and with_at > 0:
            # "decorate the cake with candles": the candles are added, on the cake
            return self.added(rest[with_at + 1 :], rest[:with_at], "add")
        pairs = split_pairs(rest, vocab.PREPOSITIONS, optional=True)
        out: list[Clause] = []
        for what, where in pairs:
            out.extend(self.added(what, where, lemma))
        return out

    def frame_multiply(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "double its size", "double the size of the moon", "halve the lamp": a scale by that factor."""
        factor = float(verb.sign) if verb.sign > 0 else 1 / -verb.sign
        words = low(rest)
        if words in ("it", "its size", "it in size", "them", "their size"):
            region = self.ctx.pronoun()
        else:
            rest = [t for t in rest if t.low not in ("size", "of", "in size")] if "size" in words else rest
            region = self.region(rest) if rest else None
        if region is None or region == ALL:
            if "size" in words or words in ("it", "the image", "the photo"):
                return [self.edit("resize", None, {"scale": factor})]
            raise FreeForm(None)
        return [self.edit("scale", region, {"factor": round(factor, 4)})]

    def added(self, what: list[Tok], where: list[Tok], lemma: str = "add") -> list[Clause]:
        named_before = self.ctx.mentioned
        removed = self.ctx.removed
        if low(where) in ("in its place", "in their place") and isinstance(removed, PhraseRegion):
            where = [Tok("at", "at", 0, 0, "word"), Tok(removed.text, removed.text, 0, 0, "quote")]
        if not where:
            what, where_was = self._in_its_place(what)
            if where_was is not None:  # "put a bench where it was": the removed thing's place
                where = [Tok("at", "at", 0, 0, "word"), *where_was]
        while what and what[-1].low in ("everywhere", "all over", "overall", "throughout", "all around", "too"):
            what = what[:-1]  # "add snow everywhere": the whole picture
        where_toks = where[1:] if where else []
        if (
            where_toks
            and where_toks[-1].low in ("background", "backdrop")
            and len(where_toks) > 1
            and where_toks[0].low in ("a", "an")
        ):
            # "put the mug on a plain white background": the background becomes that
            return [self.edit("replace", BACKGROUND, {"prompt": self.raw(where_toks)})]
        if where and where[0].low == "behind" and is_scene(what) and where_toks:
            # "put a snowy landscape behind him": a new background
            return [self.edit("replace", BACKGROUND, {"prompt": self.raw(what)})]
        shrouded = self._shrouded(what, where)
        if shrouded is not None:
            return shrouded
        region = self.region(where_toks) if where_toks else None
        if not where and len(what) > 1 and what[-1].low == "there":
            # "put a labrador there": where the removed thing was, or the place of what was just named
            what = what[:-1]
            place = _place_of(named_before) if named_before else None
            if isinstance(removed, PhraseRegion):
                region = removed
            elif place and low(what) not in ("one", "some", "it", "them", "a few", "more"):
                region = PhraseRegion(text=place)  # ("add one there" is one of them where they were)
        if where and where[0].low in ("on the left", "on the right", "to the left", "to the right"):
            region = None
        amount, bare = take_amount(what, adjectives=True)
        words = [t.low for t in bare if t.low not in ("a", "an", "the", "some", "more", "extra", "additional")]
        joined = " ".join(words)
        less = bool(what) and what[0].low == "less"
        # "add more contrast", "add some brightness", "add a little warmth", "add blue tone to the river"
        groups = self.property_groups(what)
        if groups and all(g[2] is None for g in groups) and not looks_like_object(words):
            return [
                self.adjust(region, prop, -polarity if less else polarity, amt) for prop, polarity, _, amt in groups
            ]
        if joined in vocab.ENHANCE_NOMINALS:  # "apply strong noise reduction"
            return [self.edit("enhance", region or ALL, {"kind": vocab.ENHANCE_NOMINALS[joined]})]
        tone = color_tone(bare)
        if tone is not None and not tone[2]:
            return [self.adjust(region, tone[0], tone[1], amount)]
        colours = [w for w in words if w != "and"]
        if colours and all(w in vocab.COLOR_TONES for w in colours) and len(words) <= 3:
            prop, sign = vocab.COLOR_TONES[colours[0]]  # "add blue to the sky"
            return [self.adjust(region, prop, sign, amount)]
        if joined in ("color", "colors", "colour", "colours", "more color", "some color", "life", "vibrance"):
            return [self.adjust(region, "saturation", 1, amount)]
        if (
            joined in vocab.BLUR_NOUNS
            or (words and words[-1] in ("blur", "bokeh"))
            or joined
            in (
                "blur effect",
                "bokeh effect",
            )
        ):
            return [self.edit("blur", region, {"amount": amount.scale(lex.BASE_BLUR)})]
        effect = effect_noun(what)
        if effect is not None:
            name, strength = effect
            value = take_amount(what)[0].scale(lex.BASE_ATMOSPHERE) * strength
            return [self.edit("atmosphere", region, {"effect": name, "amount": round(min(1.0, value), 4)})]
        if "vignette" in words:  # "add a subtle vignette"
            return [self.edit("vignette", None, {"amount": amount.scale(0.5)})]
        prompt = self.raw(strip_punct(what))
        if not prompt:
            raise NotUnderstood("add what?")
        bare_words = " ".join(t.low for t in what if t.low not in ("there", "here"))
        if words and words[-1] in ("one", "ones") and len(words) > 1 and named_before:
            # "add a few puffy ones": ones of what was named before
            head = named_before.split()[0]
            prompt = re.sub(r"\bones?$", head, prompt)
        if bare_words in ("one", "some", "a few", "several", "more") and named_before is not None:
            joined = "one" if bare_words == "one" else "some"
        of_what = re.fullmatch(r"one (of .+)", bare_words)
        if (joined in ("one", "some", "it", "them") or of_what) and named_before is not None:
            # "if there is no moon, add one": one of what was named; "unless there's a reflection in the lake, add
            # one of the hills": a reflection of the hills, in the lake
            thing, place = named_before, _place_of(named_before)
            if place and region is None:
                thing = thing[: thing.rfind(f" {place}")].rsplit(" ", 2)[0]
                region = PhraseRegion(text=place)
            prompt = f"a {thing}" if joined == "one" or of_what else thing
            if of_what:
                prompt = f"{prompt} {self.raw(strip_punct(what))[4:]}"
        if joined in lex.BW_WORDS or (words and words[0] in lex.BW_WORDS and words[-1] in lex.LOOK_WORDS):
            return [self.edit("restyle", region, {"style": lex.style_of(words[0])})]
        if words and words[-1] in lex.LOOK_WORDS:
            if set(words) & {"bokeh", "blur"}:
                return [self.edit("blur", region, {"amount": lex.BASE_BLUR})]
            return [self.edit(*sem.styled(region, prompt))]
        if lemma in ("apply", "use"):
            return [self.edit(*sem.styled(region, prompt))]
        self.ctx.last_prompt = sem.strip_article(prompt).lower()
        return [self.edit("add", region, {"prompt": prompt})]

    def _side_including(self) -> bool:
        """Whether the clause read now starts with "including" after a comma (a side clause, not a request)."""
        start = self.span[0] - self.offset
        before = self.text[:start].rstrip()
        return self.text[start:].lower().startswith("including") and before.endswith(",")

    def _in_its_place(self, what: list[Tok]) -> tuple[list[Tok], list[Tok] | None]:
        """ "a bench where it was" -> (a bench, the removed thing's words); "a pot where the vase stood" -> (a pot,
        the vase). The place is said as words so that it reads like any other region."""
        words = low(what)
        match = re.search(
            r" (?:where (?:it|they|he|she) (?:was|were|used to be|stood|sat)|in (?:its|their) place|"
            r"where the (.+?) (?:was|were|used to be|stood|sat))$",
            words,
        )
        if match is None:
            return what, None
        cut, seen = 0, 0
        while cut < len(what) and seen < match.start():  # the token the place starts at
            seen += len(what[cut].low) + 1
            cut += 1
        named = match.group(1)
        if named:
            return what[:cut], [
                t for t in what[cut:] if t.low not in ("where", "was", "were", "used", "to", "be", "stood", "sat")
            ]
        removed = self.ctx.removed
        if isinstance(removed, PhraseRegion):
            return what[:cut], [Tok(removed.text, removed.text, 0, 0, "quote")]
        return what, None

    def _shrouded(self, what: list[Tok], where: list[Tok]) -> list[Clause] | None:
        """ "put the valley in a thick mist", "cover the field in snow": the weather goes over a named region.
        Only a definite region is shrouded; "put a cat in the snow" adds a cat."""
        if len(where) < 2 or where[0].low not in ("in", "into", "under", "with", "beneath"):
            return None
        if not what or what[0].low not in (
            "the",
            "this",
            "that",
            "these",
            "those",
            "it",
            "them",
            "everything",
            "his",
            "her",
            "their",
            "our",
            "my",
            "all",
        ):
            return None
        effect = effect_noun(where[1:])
        if effect is None:
            return None
        region = self.region(what)
        if region is None:
            return None
        value = take_amount(where[1:])[0].scale(lex.BASE_ATMOSPHERE) * effect[1]
        target = None if region == ALL else region
        return [self.edit("atmosphere", target, {"effect": effect[0], "amount": round(min(1.0, value), 4)})]

    def frame_apply(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "apply a warm filter", "apply a gaussian blur to the background", "apply a vintage look"."""
        at = find(rest, ("to", "on", "onto", "over", "across", "throughout"))
        what, where = (rest[:at], rest[at:]) if at > 0 else (rest, [])
        try:
            return self.added(what, where, "apply")
        except NotUnderstood:
            raise FreeForm(None) from None

    def frame_give(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "give the dog a party hat", "give it a vintage look", "give him a blue shirt", "give it more contrast"."""
        lead = 1 if len(rest) > 1 and rest[0].low in ("more", "some", "extra", "greater", "added") else 0
        if rest and rest[lead].low in _ABSTRACT_GIFTS:
            # "giving prominence to the crowd", "give more emphasis to the eyes": no op says that, free-form of it
            at = find(rest, ("to",))
            region = self.region(rest[at + 1 :]) if 0 < at < len(rest) - 1 else None
            raise FreeForm(None if region == ALL else region)
        gapped = self._gapped_gives(rest)
        if gapped is not None:  # "give the door a pastel look and the fence a pencil one"
            return [step for who_what in gapped for step in self.frame_give(lemma, verb, who_what)]
        split = give_split(rest)
        if split is None:
            raise NotUnderstood("give whom what?")
        who_toks, what = split
        who = self.region(who_toks) if who_toks else None
        amount, bare = take_amount(what, adjectives=True)
        words = [t.low for t in bare if t.low not in ("a", "an", "the", "some")]
        # "give him a blue shirt": he has a shirt; it becomes blue
        if len(words) >= 2 and words[-1] in vocab.WORN_NOUNS:
            color = color_of(bare[:-1], self.text)
            if color is not None:
                owner = who.text if isinstance(who, PhraseRegion) else (self.ctx.last_person or "person")
                region = PhraseRegion(text=f"{owner}'s {words[-1]}")
                return [self.edit(*sem.recolor_or_fill(region, color))]
        if words and words[-1] in lex.LOOK_WORDS | {"touch", "makeover", "treatment", "grade", "edit"}:
            look = [w for w in words[:-1]]
            items = look_adjustments(bare[:-1])
            if items:
                return [self.adjust(who, prop, sign, amt.merged(amount)) for prop, sign, amt in items]
            tone = color_tone(bare)
            if tone is not None:
                return [self.adjust(who, tone[0], tone[1], amount)]
            if look and " ".join(look) in lex.BW_WORDS:
                return [self.edit("restyle", who, {"style": lex.style_of(" ".join(look))})]
        if any(
            w in ("coat", "makeover", "facelift", "shine", "polish", "sparkle", "glow-up", "haircut", "tan", "smile")
            for w in words
        ) or (words and words[-1] in SUBJECT_CHANGES):
            # "give the old barn a fresh coat of paint", "give it some shine", "give the boy a surprised expression"
            raise FreeForm(who)
        if find(what, ("turn", "quarter turn", "half turn", "a quarter turn", "a half turn", "rotation", "spin")) >= 0:
            return self.frame_rotate("rotate", verb, what)  # "give the picture a quarter turn clockwise"
        effect = effect_noun(what)
        if effect is not None:
            value = round(min(1.0, take_amount(what)[0].scale(lex.BASE_ATMOSPHERE) * effect[1]), 4)
            return [self.edit("atmosphere", None if who == ALL else who, {"effect": effect[0], "amount": value})]
        if words and words[-1] in lex.LOOK_WORDS:
            try:
                return [self.edit(*sem.styled(None if who == ALL else who, self.raw(what)))]
            except NotUnderstood:
                raise FreeForm(who) from None  # "give the statue a weathered, mossy look"
        if who_toks and who_toks[0].low in ("it", "this", "that", "them"):
            return self._give_to(who, what)
        return self.added(what, [Tok("to", "to", 0, 0, "word"), *who_toks] if who_toks else [], "give")

    @staticmethod
    def _gapped_gives(rest: list[Tok]) -> list[list[Tok]] | None:
        """Each "recipient + thing" pair of a gapped give, with "one" standing for the first thing's noun, or None
        when the list is one recipient's things ("give her a hat and a scarf")."""
        parts = split_top(rest)
        if len(parts) < 2:
            return None
        splits = [give_split(part) for part in parts]
        if any(s is None or not s[0] or not s[1] for s in splits):
            return None
        owners = ("the", "his", "her", "their", "its", "my", "our", "this", "that")
        if not all(part[0].low in owners for part in parts[1:]):
            return None
        head = splits[0][1][-1]  # type: ignore[index]
        out = [parts[0]]
        for who, what in splits[1:]:  # type: ignore[misc]
            one = what[-1]
            if one.low == "one":  # the first thing's noun, read in place of "one" but never written into a prompt
                what = [*what[:-1], Tok(head.text, head.low, one.start, one.start, head.kind)]
            out.append([*who, *what])
        return out

    def _give_to(self, who: Region | None, what: list[Tok]) -> list[Clause]:
        clauses = self.added(what, [], "give")
        # the recipient is the region the thing goes to (or the region the look applies to)
        out = []
        for c in clauses:
            if isinstance(c, EditClause) and not c.explicit_target:
                c = EditClause(
                    c.op, who if who is not None else ALL, c.args, c.span, c.fallback, who not in (None, ALL)
                )
                self.ctx.last_target = c.target
            out.append(c)
        return out

    # ---- colour and style ---------------------------------------------------------------------------------
    def frame_recolor(self, lemma: str, verb: vocab.Verb, rest: list[Tok], *, gapped: bool = True) -> list[Clause]:
        """ "color the sky pink", "paint the wall light blue", "recolor the shirt to navy blue", "tint X blue"."""
        if verb.kind == "black":
            return [self.edit(*sem.recolor_or_fill(self.region(rest) if rest else None, "black"))]
        if not rest:
            raise NotUnderstood(f"{lemma} what?")
        rest = without_trailing_for(rest)  # "recolour the hoodie heather grey for the second variant"
        instead = next((i for i, t in enumerate(rest) if i > 1 and t.low == "instead of"), -1)
        if instead > 1:
            rest = rest[:instead]  # "paint the door red instead of green": what it was adds nothing
        parts = split_top(rest) if gapped else [rest]
        if len(parts) > 1:  # "paint the fence white and the shutters dark green"
            out: list[Clause] = []
            pending: list[Tok] = []
            for part in parts:
                try:
                    out.extend(self.frame_recolor(lemma, verb, [*pending, *part], gapped=False))
                    pending = []
                except (FreeForm, NotUnderstood):
                    pending = [*pending, *part, *and_token(part)]
            if out and not pending:
                return out
        for k in range(len(rest)):
            tail = rest[k:]
            if tail and tail[0].low in ("to", "into", "in", "as", "with"):
                color = color_of(tail[1:], self.text)
                if color is not None:
                    return [self.edit(*sem.recolor_or_fill(self.region(rest[:k]) if k else None, color))]
            color = color_of(tail, self.text)
            if color is not None and k > 0:
                return [self.edit(*sem.recolor_or_fill(self.region(rest[:k]), color))]
        at = find(rest, ("to", "into", "as"))
        if at > 0 and lemma in ("recolor", "recolour", "color", "colour", "dye", "tint") and at + 1 < len(rest):
            # "recolor the sign to a rusty copper patina": a textured colour, for a generative recolour
            return [self.edit("recolor", self.region(rest[:at]), {"color": self.raw(rest[at + 1 :])})]
        if lemma in ("paint", "draw") and find(rest, vocab.PREPOSITIONS) > 0:
            return self.frame_add("add", verb, rest)
        raise FreeForm(self.region(rest))

    def frame_repaint(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "repaint the door red" is a recolour, "repaint it as a watercolour" a restyle."""
        if any(color_of(rest[-k:], self.text) is not None for k in (1, 2, 3) if k < len(rest)):  # type: ignore[attr-defined]
            try:
                return self.frame_recolor(lemma, verb, rest)
            except (FreeForm, NotUnderstood):
                pass
        return self.frame_restyle(lemma, verb, rest)

    def frame_restyle(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "restyle it as a comic book", "stylize the photo into anime", "grayscale the background"."""
        if verb.kind:
            return [self.edit("restyle", self.region(rest) if rest else None, {"style": verb.kind})]
        at = find(rest, ("as", "into", "in", "to", "like", "in the style of", "with"))
        region = self.region(rest[:at]) if at > 0 else None
        style_toks = rest[at + 1 :] if at >= 0 else rest
        if style_toks and style_toks[0].low == "the" and len(style_toks) > 2 and style_toks[1].low == "style":
            style_toks = style_toks[3:] if len(style_toks) > 3 and style_toks[2].low == "of" else style_toks
        style = self.raw(style_toks)
        if not style:
            raise FreeForm(region)
        words = style.lower().split()
        if words and words[-1] in ("style", "styles") and len(words) > 1:
            style = " ".join(style.split()[:-1])
        return [self.edit("restyle", region, {"style": sem.style_text(sem.strip_article(style))})]

    def frame_move(self, lemma: str, verb: vocab.Verb, rest: list[Tok], *, loose: bool = False) -> list[Clause]:
        """ "move the lamp to the left", "shift the boat a little to the right", "move the cat closer to the
        fireplace", "move the cup onto the table", "move the logo 100 px up"."""
        focused = in_focus(rest) if lemma == "bring" else None
        if focused is not None:
            return self.made(focused)  # type: ignore[attr-defined]  # "bring the pieces into crisp focus"
        if lemma == "bring" and len(rest) > 3 and low(rest[-3:-1]) in _INTO_THE and rest[-1].low in _WHOLE_SCENE:
            return self.frame_add("add", vocab.VERBS["add"], rest[:-3])  # "bring two cats into the picture"
        amount, rest = take_amount(rest)
        if lemma in ("center", "centre") and rest and rest[0].low == "crop":
            return self.frame_crop("crop", vocab.VERBS["crop"], rest[1:])  # type: ignore[attr-defined]
        if lemma in ("center", "centre"):  # "centre the bird in the frame"
            while rest and rest[-1].low in ("frame", "image", "photo", "picture", "shot", "composition", "the", "in"):
                rest = rest[:-1]
            region = self.region(rest) if rest else None
            if region is None or region == ALL or rest[0].low in ("crop", "it", "horizontally", "vertically"):
                raise FreeForm(None if region == ALL else region)
            return [self.edit("move", region, {"to": "center"})]
        target_end, place = move_place(rest, loose=loose or lemma in ("put", "place", "park", "position"))
        if place is None and len(rest) > 2 and low(rest[-2:]) in _MORE_CENTRAL:
            target_end, place = len(rest) - 2, {"to": "center"}  # "reposition the snowflake more central"
        elif place is None and len(rest) > 1 and rest[-1].low in _CENTRAL:
            target_end, place = len(rest) - 1, {"to": "center"}  # "(a bit more) central", with the amount taken
        if place is None:
            if lemma == "shift":  # "shift the colours towards blue"
                return self.frame_change(lemma, verb, rest)
            raise FreeForm(self.region(rest) if rest else None)
        moved = rest[:target_end]
        # "the kettle from the back left to …", "the chair to be next to …", "the piece to the centre right": where
        # it is now, and a destination said in two pieces, are not the thing's name
        origin = next(
            (
                i
                for i, t in enumerate(moved)
                if i > 0 and (t.low == "from" or (t.low == "to" and moved[i - 1].low not in LOCATIVE_BEFORE_TO))
            ),
            len(moved),
        )
        region = self.region(moved[:origin])
        if region is None or region == ALL or (isinstance(region, PhraseRegion) and region.text in _VIEWPOINT):
            raise FreeForm(None)  # "shift the perspective to the right": the camera moves, which no 2-D move does
        if "beside_toks" in place:
            beside = self.region(place.pop("beside_toks"))
            if beside is None or beside == ALL:
                raise NotUnderstood("move next to what?")
            if isinstance(beside, PhraseRegion) and beside.text in _VIEWPOINT:
                raise FreeForm(region)  # "closer to the viewer": nearer in depth, not beside something in the picture
            place["beside"] = beside
        elif "to" in place and amount.seen and amount.factor < 1:
            # "a little to the right": a small shift, not all the way to the edge
            side = place.pop("to")
            place["dx"] = {"left": -0.1, "right": 0.1}.get(side, 0.0)
            place["dy"] = {"top": -0.1, "bottom": 0.1}.get(side, 0.0)
            place = {k: v for k, v in place.items() if v != 0.0}
        elif amount.seen and amount.factor < 1 and place.get("units") == "fraction":
            place = {k: v / 2 if k in ("dx", "dy") else v for k, v in place.items()}  # "a bit lower"
        return [self.edit("move", region, place)]

    def frame_select(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "select the sky and make it bluer": a selection names the next clause's region, not an edit;
        "extract the dog (from the background)" isolates it: everything else becomes plain white."""
        if lemma in ("extract", "isolate", "cut out"):
            at = last_top(rest, ("from", "out of", "against"))
            region = self.region(rest[:at] if at > 0 else rest)
            if region is None or region == ALL:
                raise NotUnderstood(f"{lemma} what?")
            self.ctx.targets.append(region)
            return [self.edit("replace", NotRegion(region=region), {"prompt": "plain white background"})]
        if len(rest) > 1 and rest[0].low == "out":
            rest = rest[1:]  # "pick out the tallest sunflower"
        region = self.region(rest)
        if region is None:
            raise NotUnderstood("select what?")
        self.ctx.selection = region
        self.ctx.last_target = region
        self.ctx.silent.append((self.span, region))
        return []


_VIEWPOINT = frozenset(
    {"perspective", "camera", "camera angle", "angle", "view", "viewpoint", "viewer", "viewers", "framing", "frame"}
    | {"lens", "observer", "onlooker's view", "point of view", "camera perspective", "composition", "shot"}
)
"""Where the picture is seen from: not a thing in it that a move can shift or place something beside."""
_INTO_THE = frozenset({"into the", "in the", "to the", "into this", "to this", "in this"})
_WHOLE_SCENE = frozenset({"image", "photo", "picture", "scene", "frame", "shot", "composition", "pic"})
_CENTRAL = frozenset({"central", "centrally", "centered", "centred"})
_MORE_CENTRAL = frozenset(f"more {word}" for word in _CENTRAL)

_ABSTRACT_GIFTS = frozenset(
    {"prominence", "emphasis", "attention", "importance", "priority", "weight", "presence", "focus"}
)
_GAPS = frozenset(
    f"{a}{b}"
    for a in ("", "empty ", "blank ", "bare ", "resulting ", "leftover ")
    for b in ("spot", "space", "gap", "hole", "area", "patch", "place")
)

_PLACE = re.compile(r" (?:on|in|at|inside|across|along|over|under) (?:the |a |an )?([\w' -]+)$")


def _place_of(text: str) -> str | None:
    """ "birds on the wire" -> "wire", "reflection in the lake" -> "lake"; None for a thing said without a place."""
    match = _PLACE.search(text)
    if match is None or match.group(1) in ("background", "foreground", "picture", "image", "photo", "distance"):
        return None
    return match.group(1)
