"""One clause -> clauses of the plan, by the frame its verb opens.

A frame knows where its arguments are: "replace X with Y" splits at "with", "add Y to X" at the first
place preposition, "increase the P of X" at the property word, "make X C" at the complement read
from the right. Inside the arguments, words are read tolerantly (editree/planner/en/nouns.py), so
attributes, relative clauses and fillers the frame never listed are simply part of a region or a
prompt. Coordination is read per frame: "increase the contrast and saturation" gives two adjusts,
"replace A with B and C with D" two replaces (the second verb left out), "blur the dog and the cat"
one blur of both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editree.ops import ALL, BACKGROUND, MinusRegion, NotRegion, PhraseRegion, Region
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clauses import Clause, EditClause, KeepClause, KeepRestClause
from editree.planner.en import vocab
from editree.planner.en.amounts import Amount, take_amount
from editree.planner.en.complements import Complement, color_of, free_complement, raw, read_complement, split_complement
from editree.planner.en.nouns import (
    IMAGE_NOUNS,
    REST_WORDS,
    Context,
    region_of,
    split_list,
    strip_fillers,
)
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

Span = tuple[int, int]


def low(toks: list[Tok]) -> str:
    return " ".join(t.low for t in toks)


def find(toks: list[Tok], words: frozenset[str] | set[str] | tuple[str, ...], start: int = 0) -> int:
    """Index of the first token (from `start`) whose canonical form is in `words`, else -1."""
    for i in range(start, len(toks)):
        if toks[i].low in words:
            return i
    return -1


def verb_at(toks: list[Tok], i: int = 0) -> tuple[str, vocab.VerbForm, int] | None:
    """(lemma, form, tokens used) of a verb starting at token i: "warmed up" and "take out" span two tokens."""
    forms = vocab.verb_forms()
    for n in (3, 2, 1):
        if i + n > len(toks) or any(t.kind != "word" for t in toks[i : i + n]):
            continue
        phrase = " ".join(t.low for t in toks[i : i + n])
        form = forms.get(phrase)
        if form is not None:
            return form.lemma, form, n
    return None


class FrameReader:
    """Reads one clause (a token list without separators) into plan clauses, updating the context."""

    def __init__(self, text: str, offset: int, ctx: Context, warnings: list[str]) -> None:
        self.text = text
        self.offset = offset
        self.ctx = ctx
        self.warnings = warnings
        self.span: Span = (0, 0)
        self.complaints = ctx.complaints

    # ---- building blocks --------------------------------------------------------------------------
    def edit(
        self, op: str, target: Region | None, args: dict[str, Any], *, implicit: Region | None = None
    ) -> EditClause:
        explicit = target is not None
        if target is None:
            target = implicit if implicit is not None else (self.ctx.selection or ALL)
        clause = EditClause(op, target, args, self.span, explicit_target=explicit)
        self.ctx.last_target = target
        if explicit and target != ALL:
            self.ctx.targets.append(target)
        self.ctx.selection = None
        return clause

    def region(self, toks: list[Tok]) -> Region | None:
        return region_of(toks, self.ctx)

    def raw(self, toks: list[Tok]) -> str:
        return raw(self.text, toks)

    def adjust(self, target: Region | None, prop: str, sign: int, amount: Amount) -> EditClause:
        # "brighten the shadows" adjusts a tonal range of the whole image, not a thing called shadows.
        if (
            isinstance(target, PhraseRegion)
            and target.text in ("shadows", "highlights")
            and prop
            in (
                "brightness",
                "exposure",
            )
        ):
            prop, target = target.text, None
        if sign == 0:
            sign = 1
        if amount.less:
            sign = -sign
        value = amount.scale(lex.BASE_ADJUST) * (1 if sign > 0 else -1)
        self.ctx.last_property = prop
        return self.edit("adjust", target, {"property": prop, "amount": round(value, 4)})

    # ---- entry ------------------------------------------------------------------------------------
    def read(self, toks: list[Tok], span: Span | None = None) -> list[Clause]:
        self.span = span or (toks[0].start + self.offset, toks[-1].end + self.offset)
        toks = _strip_punct(toks)
        if not toks:
            return []
        negated = _negation(toks)
        if negated is not None:
            return self.negative(toks[negated:])
        if find(toks, ("color pop",)) >= 0:
            return self.color_pop(toks)
        if toks[0].low in ("which", "who", "that", "and which") and len(toks) > 1 and self.ctx.last_region is not None:
            # "…, except the statue, which must stay untouched": the relative clause is about the statue
            subject = self.ctx.last_region
            pred = self.predicate(
                [Tok("it", "it", toks[0].start, toks[0].end, "word"), *toks[1:]], required=False, subject_region=subject
            )
            if pred is not None:
                return pred
        if toks[0].low in ("there is", "there are", "there was", "there were") and len(toks) > 1:
            return self.frame_select("select", vocab.VERBS["select"], toks[1:])  # "There's a bike by the door."
        if toks[0].low == "with" and len(toks) > 2:
            kept = _absolute_keep(toks[1:])
            if kept is not None:  # "…, with the shop signs kept exactly as they are"
                return self.keep_region(kept)
            if toks[1].low in ("more", "less", "extra", "a bit more", "a little more", "some", "a touch of"):
                return self.verbless(toks[1:])  # "I want it warmer, with more contrast"
            nominal = self.nominal(toks[1:])
            if nominal is not None:  # "… with a vignette"
                return nominal
        if toks[0].low in ("needs", "need", "requires", "wants", "could use", "would benefit from") and len(toks) > 1:
            return self.verbless(toks[1:])  # "Needs a square crop."
        if toks[0].low in ("make sure", "ensure", "ensure that", "be sure", "make certain", "making sure", "ensuring"):
            rest = toks[1:]
            if rest and rest[0].low == "that":
                rest = rest[1:]
            if rest and rest[0].low == "to":  # "make sure to blur the background"
                return self.read(rest[1:]) if len(rest) > 1 else []
            return self.predicate(rest, required=True) or []
        found = verb_at(toks, 0)
        if found is not None and not _noun_use(toks, found):
            lemma, form, n = found
            verb = vocab.VERBS[lemma]
            return self.by_verb(lemma, verb, toks[n:], form.form)
        return self.verbless(toks)

    def by_verb(self, lemma: str, verb: vocab.Verb, rest: list[Tok], form: str) -> list[Clause]:
        handler: Callable[[str, vocab.Verb, list[Tok]], list[Clause]] = getattr(self, f"frame_{verb.frame}")
        if verb.needs_particle:
            rest = _take_particle(rest, verb.particles)
            if rest is None:
                raise NotUnderstood(f"{lemma!r} without {'/'.join(sorted(verb.particles))}")
        elif verb.particles:
            rest = _take_particle(rest, verb.particles) or rest
        return handler(lemma, verb, rest)

    def color_pop(self, toks: list[Tok]) -> list[Clause]:
        """ "a colour pop on the taxi", "colour splash where only the roses stay in colour", "selective colour:
        the dress stays in colour": everything but the region goes black and white."""
        at = find(toks, ("color pop",))
        after = toks[at + 1 :]
        while after and (
            after[0].low
            in (
                "of",
                "on",
                "for",
                "with",
                "to",
                "where",
                "where only",
                "only",
                ":",
                "-",
                "effect",
                "so",
                "that",
                "so that",
            )
            or after[0].kind == "punct"
        ):
            after = after[1:]
        before = toks[:at]
        region_toks = after or [t for t in before if t.low not in ("do", "create", "make", "apply", "add", "a", "an")]
        end = len(region_toks)
        for i, tok in enumerate(region_toks):
            if i and (
                tok.low in ("stay", "stays", "remain", "remains", "keep", "keeps", "is", "are", "in color", "goes")
                or tok.kind == "punct"
            ):
                end = i
                break
        region = self.region(region_toks[:end])
        if region is None or region == ALL:
            raise FreeForm(None)
        self.ctx.targets.append(region)
        return [self.edit("restyle", NotRegion(region=region), {"style": "black and white"})]

    # ---- constraints ----------------------------------------------------------------------------------
    def negative(self, toks: list[Tok]) -> list[Clause]:
        """ "don't touch the face", "never change the people", "avoid changing the sky", "don't blur the car"."""
        words = [t.low for t in toks]
        if len(words) > 3 and words[0] in ("let", "allow") and words[1] in ("it", "them", "this", "that", "the"):
            # "don't let it touch the hands": the edit before leaves the hands out
            at = next(
                (
                    i
                    for i, w in enumerate(words)
                    if _base_form(w) in vocab.NOT_CHANGE_VERBS or w in ("touch", "reach", "spill", "cover", "get", "go")
                ),
                -1,
            )
            if at > 1:
                after = [t for t in toks[at + 1 :] if t.low not in ("onto", "into", "on", "over", "to")]
                region = self.region(after)
                if region is not None and region != ALL:
                    return [Exclusion(region, self.span)]  # type: ignore[list-item]
        found = verb_at(toks, 0)
        if found is not None:
            rest = toks[found[2] :]
        elif toks and _base_form(toks[0].low) in vocab.NOT_CHANGE_VERBS:
            rest = toks[1:]  # "without touching the boat", "don't alter the sky"
        else:
            rest = toks
        rest = strip_fillers(rest)
        words = low(rest)
        if not rest or words in (
            "anything else",
            "everything else",
            "the rest",
            "anything",
            "anything other",
            "other parts",
            "other things",
            "the other parts",
            "any other part",
            "anything more",
        ):
            return [KeepRestClause(self.span)]
        if rest and rest[0].low in ("any", "the") and low(rest[1:]) in ("other parts", "rest", "other areas"):
            return [KeepRestClause(self.span)]
        # "don't make the face dark": the face stays as it is.
        comp = split_complement(rest, self.text)
        if comp is not None and comp[0]:
            rest = comp[0]
        return self.keep_region(rest)

    def keep_region(self, toks: list[Tok], *, identity: bool = False) -> list[Clause]:
        toks = strip_fillers(toks)
        if not toks:
            raise NotUnderstood("keep what?")
        words = low(toks)
        if words in REST_WORDS or words in ("everything else the same", "the rest the same", "everything else as is"):
            return [KeepRestClause(self.span)]
        region = self.region(toks)
        if region is None:
            raise NotUnderstood("keep what?")
        if region == ALL:  # "otherwise leave it alone": nothing to do
            return []
        subject = sem.identity_subject(region)
        if subject is not None:
            if subject.text.split()[-1] in lex.PERSON_NOUNS:
                self.ctx.note_person(subject.text)
            return [KeepClause(subject, self.span, kind="preserve_identity")]
        if identity:
            return [KeepClause(region, self.span, kind="preserve_identity")]
        self.ctx.targets.append(region)  # "leave the puppy as it is and add snow to the rest"
        return [KeepClause(region, self.span)]

    def frame_keep(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "keep the person unchanged", "leave the background as it is", "keep her recognisable"."""
        rest = strip_fillers(rest)
        words = [t.low for t in rest]
        if not words:
            raise NotUnderstood("keep what?")
        if len(words) > 2 and words[0] in ("it", "them", "this", "that") and words[1] in ("off", "away from", "out of"):
            region = self.region(rest[2:])  # "…, but keep it off the cabin roof"
            if region is not None and region != ALL:
                return [Exclusion(region, self.span)]  # type: ignore[list-item]
        # A trailing state word: "unchanged", "as is", "the same", "in color", "recognisable".
        for k in range(len(rest)):
            tail = low(rest[k:])
            if tail in vocab.RECOGNIZABLE or tail in (
                "looking like herself",
                "looking like himself",
                "true to herself",
            ):
                return self.keep_region(rest[:k] or rest, identity=True)
            if k > 0 and tail in (
                "in color",
                "in colour",
                "in full color",
                "in full colour",
                "colored",
                "coloured",
                "in its original color",
                "in its original colour",
                "in their original colors",
            ):
                region = self.region(rest[:k])
                if region is not None and region != ALL:  # colour pop: the black and white edits leave it out
                    self.ctx.color_kept.append((region, self.span))
                    self.ctx.targets.append(region)
                    return []
            if k > 0 and (
                tail in vocab.KEEP_WORDS
                or tail in ("as it is", "as they are", "as is")
                or re.fullmatch(r"as (?:he|she|it|they) (?:is|are|was|were)", tail)
            ):
                if low(rest[:k]) in REST_WORDS:
                    return [KeepRestClause(self.span)]
                return self.keep_region(rest[:k])
        # "keep it natural", "keep the colors realistic": a wish about the look, not a region to protect.
        if len(words) >= 2 and words[-1] in (
            "natural",
            "realistic",
            "subtle",
            "simple",
            "clean",
            "believable",
            "professional",
            "natural-looking",
            "balanced",
            "consistent",
        ):
            self.warnings.append(f"{self.raw(rest)!r} is read as a wish about the look, not a region to keep")
            return []
        if words[-1] in ("blurry", "blurred", "dark", "bright") and len(words) > 1:
            rest = rest[:-1]
        return self.keep_region(rest)

    def frame_select(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "select the sky and make it bluer": a selection names the next clause's region, not an edit;
        "extract the dog (from the background)" isolates it: everything else becomes plain white."""
        if lemma in ("extract", "isolate", "cut out"):
            at = _last_top(rest, ("from", "out of", "against"))
            region = self.region(rest[:at] if at > 0 else rest)
            if region is None or region == ALL:
                raise NotUnderstood(f"{lemma} what?")
            self.ctx.targets.append(region)
            return [self.edit("replace", NotRegion(region=region), {"prompt": "plain white background"})]
        region = self.region(rest)
        if region is None:
            raise NotUnderstood("select what?")
        self.ctx.selection = region
        self.ctx.last_target = region
        self.ctx.silent.append((self.span, region))
        return []

    # ---- adjustments ------------------------------------------------------------------------------------
    def frame_adjust(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "brighten the photo a bit", "sharpen the face", "warm up the background"."""
        amount, rest = take_amount(rest)
        rest = _drop_particles(rest, ("up", "down", "out"))
        if rest and rest[-1].low in ("more", "further", "again"):  # "saturate it more"
            rest = rest[:-1]
        elif rest and rest[-1].low == "less":
            rest, amount.less = rest[:-1], not amount.less
        if verb.kind == "white" and rest:  # "whiten the teeth": make them white
            region = self.region(rest)
            return [self.edit(*sem.recolor_or_fill(region, "white"))]
        prop = verb.prop or "brightness"
        if prop == "brightness" and verb.sign < 0 and _is_edges(rest):  # "darken the corners": a vignette
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
        target = self.region(rest)
        return [self.adjust(target, prop, verb.sign, amount)]

    def frame_amount(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "increase the contrast", "reduce the saturation of the sky by 20%", "boost the colors and the
        brightness a little", "lower highlights, raise shadows"."""
        rest = _drop_particles(rest, ("up", "down"), sign_out=(verb_sign := [verb.sign]))
        sign = verb_sign[0]
        if lemma in ("soften", "smooth") and not _has_property(rest):
            amount, rest = take_amount(rest)
            return [self.edit("blur", self.region(rest), {"amount": amount.scale(0.3)})]
        if lemma in ("tone",) and sign == 0:
            sign = -1
        if sign >= 0 and find(rest, ("resolution", "res", "resolutions")) >= 0:
            return self.frame_upscale(lemma, verb, rest)  # "increase the resolution"
        blur_at = find(rest, vocab.BLUR_NOUNS | {"blurriness", "bokeh effects", "blurs"})
        if blur_at >= 0 and not _has_property(rest):
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
        groups = self.property_groups(rest)
        if not groups and rest and rest[0].low in ("it", "that", "them", "this", "those") and self.ctx.last_property:
            # "increase sharpness on the product and decrease it on the backdrop"
            amount, after = take_amount(rest[1:])
            after = _drop_particles(after, ("up", "down"))
            if after and after[0].low in ("on", "in", "for", "across", "around", "over", "at"):
                after = after[1:]
            region = self.region(after) if after else None
            return [self.adjust(region, self.ctx.last_property, sign or 1, amount)]
        if not groups:
            defect = _defect(rest)
            if defect is not None and sign < 0:
                return [self.edit("enhance", ALL, {"kind": defect})]
            if sign > 0 and lemma in ("boost", "enhance", "intensify", "amplify", "heighten", "deepen", "enrich"):
                amount, region_toks = take_amount(rest)
                return [self.adjust(self.region(region_toks), "saturation", 1, amount)]
            if sign == 0 and find(rest, ("to", "into", "to resemble", "to look like", "to match")) > 0:
                return self.frame_change(lemma, verb, rest)  # "adjust the man's suit to a darker blue"
            # "adjust the position of the mug", "reduce the visibility of the lanterns": free-form, of that region
            raise FreeForm(_attribute_owner(self, rest))
        if sign == 0:
            sign = self._direction_hint() or 1
            if lemma in ("adjust", "tweak", "modify", "balance", "fine tune", "fine-tune", "play with"):
                names = ", ".join(g[0] for g in groups)
                self.warnings.append(
                    f"{self.raw_span()!r} gives no direction; the {names} is increased (say 'increase' or 'reduce')"
                )
        return [self.adjust(region, prop, sign * polarity, amount) for prop, polarity, region, amount in groups]

    def raw_span(self) -> str:
        return self.text[self.span[0] - self.offset : self.span[1] - self.offset]

    def _direction_hint(self) -> int | None:
        return None

    def property_groups(self, toks: list[Tok]) -> list[tuple[str, int, Region | None, Amount]]:
        """ "the contrast of the image a lot and the colors a little" -> [(contrast, +1, None, x2), (saturation,
        +1, None, x0.5)]. A part without a property word is a region of the part before ("the brightness of
        the sky and the grass"); a region or amount said once at the end applies to every part before it."""
        shared_amount, toks = _trailing_amount(toks)
        parts = _split_top(toks)
        groups: list[list[Any]] = []
        for part in parts:
            amount, part = take_amount(part)
            found = _property_in(part)
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

    # ---- make, turn, change ---------------------------------------------------------------------------
    def frame_make(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "make the sky bluer and the grass greener", "make it look like a painting", "make the car red"."""
        if rest and rest[0].low in ("sure", "certain"):
            rest = rest[1:]
            if rest and rest[0].low == "that":
                rest = rest[1:]
            return self.predicate(rest, required=True)
        if not rest:
            raise NotUnderstood("make what?")
        return self.made(rest)

    def made(self, rest: list[Tok], *, subject: Region | None = None) -> list[Clause]:
        """Pairs of (region, complement) with the region carried over when a part names none."""
        rest = _without_trailing_for(rest)
        out: list[Clause] = []
        pending: list[Tok] = []
        last_region_toks: list[Tok] | None = None
        parts = _split_top(rest)
        for index, part in enumerate(parts):
            split = split_complement([*pending, *part], self.text)
            if split is None:
                if index < len(parts) - 1:
                    pending = [*pending, *part, Tok("and", "and", part[-1].end, part[-1].end, "word")]
                    continue
                whole = [*pending, *part]
                return [*out, *self.free_make(whole, subject)]
            region_toks, comp = split
            pending = []
            if region_toks:
                last_region_toks = region_toks
            elif last_region_toks is not None:
                region_toks = last_region_toks
            region = (
                subject
                if subject is not None and not region_toks
                else (self.region(region_toks) if region_toks else None)
            )
            if region is None and not region_toks and self.ctx.selection is not None:
                region = self.ctx.selection
            out.extend(self.complemented(region, comp))
        return out

    def free_make(self, toks: list[Tok], subject: Region | None) -> list[Clause]:
        """ "make the left person smile": a free-form edit, with its region as the target."""
        split = free_complement(toks)
        target = subject
        if split is not None and target is None:
            target = self.region(split[0])
        raise FreeForm(target)

    def complemented(self, region: Region | None, comp: Complement) -> list[Clause]:
        if comp.kind == "straighten":
            if isinstance(region, PhraseRegion) and region.text not in ("horizon", "horizon line", "skyline"):
                raise FreeForm(region)  # "have the cat sit up straight"
            return [self.edit("rotate", None, {"auto": True})]
        if comp.kind == "enhance":
            return [self.edit("enhance", region, {"kind": comp.args["kind"]})]
        if comp.kind == "adjust":
            return [self.adjust(region, prop, sign, amount) for prop, sign, amount in comp.items]
        if comp.kind == "keep":
            if region is None:
                raise NotUnderstood("keep what?")
            return [KeepClause(region, self.span)]
        if comp.kind == "blur":
            return [self.edit("blur", region, {"amount": comp.amount.scale(lex.BASE_BLUR)})]
        if comp.kind == "remove":
            return [self.edit("remove", region or ALL, {})]
        if comp.kind == "effect":
            amount = comp.amount.scale(lex.BASE_ATMOSPHERE)
            return [self.edit("atmosphere", region, {"effect": comp.effect, "amount": amount})]
        if comp.kind == "color":
            if isinstance(region, NotRegion) and comp.text in ("gray", "grey"):
                # "everything else goes grey": the rest loses its colour (a colour pop), not a grey paint
                return [self.edit("restyle", region, {"style": "black and white"})]
            return [self.edit(*sem.recolor_or_fill(region, comp.text))]
        if comp.kind == "style":
            return [self.edit(*sem.styled(region, comp.text))]
        if comp.kind == "scale":
            factor = comp.args["factor"]
            if region is None or region == ALL:
                return [self.edit("resize", None, {"scale": factor})]
            return [self.edit("scale", region, {"factor": factor})]
        if comp.kind == "like":
            effect = sem.effect_of(comp.text)
            if effect is not None and not sem.words_of(comp.text) & lex.STYLE_HINTS:
                return [self.edit("atmosphere", region, {"effect": effect, "amount": lex.BASE_ATMOSPHERE})]
            try:
                return [self.edit(*sem.styled(region, comp.text))]
            except NotUnderstood:
                raise FreeForm(region) from None
        if comp.kind == "change":
            try:
                return [self.edit(*sem.change_into(region, comp.text))]
            except NotUnderstood:
                raise FreeForm(region) from None
        raise NotUnderstood(f"cannot read {comp.text!r}")

    def frame_turn(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "turn the cat into a tiger", "turn the saturation down", "turn it upside down", "turn left"."""
        words = low(rest)
        if re.search(r"\bupside down\b", words):
            return [self.edit("rotate", None, {"degrees": 180.0})]
        if re.search(r"\b\d+(?:\.\d+)? ?(?:degrees?|deg|°)?\b", words) and not find(rest, ("into", "to")) >= 0:
            return self.frame_rotate("rotate", verb, rest)
        if words in (
            "left",
            "right",
            "to the left",
            "to the right",
            "it left",
            "it right",
            "counterclockwise",
            "clockwise",
            "it clockwise",
            "it counterclockwise",
        ):
            return self.frame_rotate("rotate", verb, rest)
        if rest and rest[-1].low in ("up", "down") and _has_property(rest[:-1]):
            sign = 1 if rest[-1].low == "up" else -1
            return self.frame_amount("turn", vocab.Verb("amount", sign=sign), rest[:-1])
        if find(rest, ("into", "to", "as", "from")) < 0 and split_complement(rest, self.text) is not None:
            return self.made(rest)  # "turn the woman sepia and the background black and white"
        return self.frame_change(lemma, verb, rest)

    def frame_change(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "change the background to a beach", "change the sky color from orange to blue", "convert it to
        black and white", "change the color of the car to red", "switch the car with a bus"."""
        if not rest:
            raise NotUnderstood(f"{lemma} what?")
        # "switch the car with a bus", "change the dog with a cat": a replacement
        if lemma in ("switch", "turn") and rest and rest[-1].low in ("on", "off"):
            return self.frame_freeform(lemma, verb, rest)  # "switch it on"
        if find(rest, ("with", "for")) > 0 and lemma in ("switch", "change", "swap", "exchange"):
            return self.frame_replace(lemma, verb, rest)
        # Gapped pairs: "change the bus to a truck and the road to a dirt road"
        pairs = _pairs(rest, ("to", "into", "as"))
        if len(pairs) > 1:
            out: list[Clause] = []
            for left, right in pairs:
                out.extend(self.changed(left, right))
            return out
        at = find(rest, ("into", "to", "as", "from"))
        if at < 0:
            # "change the lighting", "turn the car red", "convert to black and white" handled by make-style reading
            split = split_complement(rest, self.text)
            if split is not None and split[1].kind in ("color", "style", "adjust", "effect", "blur"):
                return self.complemented(self.region(split[0]) if split[0] else None, split[1])
            raise FreeForm(self.region(rest) if rest else None)
        left, right = rest[:at], rest[at:]
        return self.changed(left, right)

    def changed(self, left: list[Tok], right: list[Tok]) -> list[Clause]:
        """(X, "to Y") of "change X to Y"; right starts at its preposition; "from A to B" is read here too."""
        _, left = take_amount(left)
        if right and right[0].low == "from":
            to = find(right, ("to", "into"), 1)
            if to < 0:
                raise NotUnderstood("change from … to what?")
            source, right = right[1:to], right[to:]
            if color_of(source, self.text) is None and left == [] and source:
                left = source  # "change from day to night": the region is what is changed
        target_toks = right[1:]
        while target_toks and target_toks[0].low in ("be", "resemble", "look like", "match", "become", "a more"):
            target_toks = target_toks[1:]
        # "change the color of the car to red", "change the car's color to red", "change the sky color to blue"
        color_noun = _color_noun(left)
        if color_noun is not None:
            color = color_of(target_toks, self.text)
            region_toks = color_noun
            region = self.region(region_toks) if region_toks else None
            if color is not None:
                return [self.edit(*sem.recolor_or_fill(region, color))]
        region = self.region(left) if left else None
        # "change the season to winter", "change the time to night", "change the weather to rainy"
        if isinstance(region, PhraseRegion) and region.text in lex.IMAGE_ASPECT_NOUNS:
            effect = sem.effect_of(low(target_toks))
            if effect is not None:
                return [self.edit("atmosphere", None, {"effect": effect, "amount": lex.BASE_ATMOSPHERE})]
            raise FreeForm(None)
        comp = read_complement(target_toks, self.text)
        if comp is not None and comp.kind not in ("change", "like", "verb"):
            return self.complemented(region, comp)
        if isinstance(region, PhraseRegion) and region.text.split()[0] in EXPRESSIONS:
            raise FreeForm(region)  # "turn the frown into a smile": an expression, for an instruction model
        prompt = self.raw(target_toks)
        if not prompt:
            raise NotUnderstood("change into what?")
        try:
            return [self.edit(*sem.change_into(region, prompt))]
        except NotUnderstood:
            raise FreeForm(region) from None

    # ---- replace, remove, add -------------------------------------------------------------------------
    def frame_replace(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "replace X with Y" (and "and Z with W"), "swap X for Y", "substitute Y for X", "replace X by Y"."""
        if lemma == "substitute" and find(rest, ("for",)) > 0 and find(rest, ("with",)) < 0:
            at = find(rest, ("for",))
            prompt, region = self.raw(rest[:at]), self.region(rest[at + 1 :])
            return [self.edit("replace", region, {"prompt": prompt})]
        preps = ("with", "by", "for", "to", "into", "using", "instead of")
        pairs = _pairs(rest, preps)
        if not pairs:
            raise FreeForm(self.region(rest) if rest else None)
        out: list[Clause] = []
        for left, right in pairs:
            region = self.region(left)
            prompt_toks = right[1:]
            if right[0].low == "instead of":  # "replace with a cat instead of the dog" (rare order)
                region, prompt_toks = self.region(prompt_toks), left
            prompt = self.raw(_strip_punct(prompt_toks))
            if not prompt or region is None:
                raise NotUnderstood("replace what with what?")
            out.append(self.edit("replace", region, {"prompt": prompt}))
        return out

    def frame_remove(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "remove the car from the street", "remove the noise", "remove the yellow cast", "remove the color"."""
        rest = strip_fillers(rest)
        if not rest:
            raise NotUnderstood("remove what?")
        defect = _defect(rest)
        if defect is not None:
            return [self.edit("enhance", ALL, {"kind": defect})]
        words = [t.low for t in rest]
        # "remove some of the contrast", "remove the yellow tint", "remove the color from the background"
        if words[0] in ("some", "part", "a bit", "a little") and len(words) > 2 and words[1] == "of":
            groups = self.property_groups(rest[2:])
            if groups:
                return [self.adjust(region, prop, -polarity, amount) for prop, polarity, region, amount in groups]
        tone = _color_tone(rest)
        if tone is not None:
            prop, sign, region_toks = tone
            amount, region_toks = take_amount(region_toks)
            return [self.adjust(self.region(region_toks) if region_toks else None, prop, -sign, amount)]
        head = [w for w in words if w not in ("the", "all", "any")]
        if head and head[0] in ("color", "colors", "colour", "colours", "coloring", "saturation"):
            at = find(rest, ("from", "in", "of", "on"))
            region = self.region(rest[at + 1 :]) if at > 0 else None
            return [self.edit("restyle", region, {"style": "black and white"})]
        at = _last_top(rest, ("from", "out of", "off"))
        what_toks, where_toks = (rest[:at], rest[at + 1 :]) if at > 0 else (rest, [])
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
        self.ctx.last_target = ALL  # what was removed is gone: a later "it" means the picture
        return [clause]

    def frame_add(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "add a hat to the dog", "put a hat on the dog and a scarf on the cat", "add fog to the background",
        "add more contrast", "add a vintage filter", "add some blur to the background"."""
        rest = _strip_punct(rest)
        if not rest:
            raise NotUnderstood(f"{lemma} what?")
        focused = _in_focus(rest)
        if lemma in ("put", "get", "set", "bring") and focused is not None:
            return self.made(focused)  # "put the dog in sharp focus and the rest slightly blurred"
        extra = re.match(r"(\d+) ?(?:px|pixels?)(?: of \w+)? (?:at|on|to) the (left|right|top|bottom)", low(rest))
        if extra:  # "add 150 pixels of sky at the top": a wider canvas
            return [self.edit("extend", None, {extra.group(2): float(extra.group(1)), "units": "px"})]
        at = find(rest, ("instead of", "in place of", "rather than"))
        if at > 0:  # "put a fountain instead of the car"
            return [self.edit("replace", self.region(rest[at + 1 :]), {"prompt": self.raw(rest[:at])})]
        pairs = _pairs(rest, vocab.PREPOSITIONS, optional=True)
        out: list[Clause] = []
        for what, where in pairs:
            out.extend(self.added(what, where, lemma))
        return out

    def added(self, what: list[Tok], where: list[Tok], lemma: str = "add") -> list[Clause]:
        named_before = self.ctx.mentioned
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
        if where and where[0].low == "behind" and _is_scene(what) and where_toks:
            # "put a snowy landscape behind him": a new background
            return [self.edit("replace", BACKGROUND, {"prompt": self.raw(what)})]
        region = self.region(where_toks) if where_toks else None
        if where and where[0].low in ("on the left", "on the right", "to the left", "to the right"):
            region = None
        amount, bare = take_amount(what, adjectives=True)
        words = [t.low for t in bare if t.low not in ("a", "an", "the", "some", "more", "extra", "additional")]
        joined = " ".join(words)
        less = bool(what) and what[0].low == "less"
        # "add more contrast", "add some brightness", "add a little warmth", "add blue tone to the river"
        groups = self.property_groups(what)
        if groups and all(g[2] is None for g in groups) and not _looks_like_object(words):
            return [
                self.adjust(region, prop, -polarity if less else polarity, amt) for prop, polarity, _, amt in groups
            ]
        tone = _color_tone(bare)
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
        effect = _effect_noun(what)
        if effect is not None:
            name, strength = effect
            value = take_amount(what)[0].scale(lex.BASE_ATMOSPHERE) * strength
            return [self.edit("atmosphere", region, {"effect": name, "amount": round(min(1.0, value), 4)})]
        if "vignette" in words:  # "add a subtle vignette"
            return [self.edit("vignette", None, {"amount": amount.scale(0.5)})]
        prompt = self.raw(_strip_punct(what))
        if not prompt:
            raise NotUnderstood("add what?")
        bare_words = " ".join(t.low for t in what if t.low not in ("there", "here"))
        if words and words[-1] in ("one", "ones") and len(words) > 1 and named_before:
            # "add a few puffy ones": ones of what was named before
            head = named_before.split()[0]
            prompt = re.sub(r"\bones?$", head, prompt)
        if bare_words in ("one", "some", "a few", "several", "more") and self.ctx.mentioned is not None:
            joined = "one" if bare_words == "one" else "some"
        if joined in ("one", "some", "it", "them") and self.ctx.mentioned is not None:
            prompt = (
                f"a {self.ctx.mentioned}" if joined == "one" else self.ctx.mentioned
            )  # "if there is no moon, add one"
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
        split = _give_split(rest)
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
            items = _look_adjustments(bare[:-1])
            if items:
                return [self.adjust(who, prop, sign, amt.merged(amount)) for prop, sign, amt in items]
            tone = _color_tone(bare)
            if tone is not None:
                return [self.adjust(who, tone[0], tone[1], amount)]
            if look and " ".join(look) in lex.BW_WORDS:
                return [self.edit("restyle", who, {"style": lex.style_of(" ".join(look))})]
        if any(
            w in ("coat", "makeover", "facelift", "shine", "polish", "sparkle", "glow-up", "haircut", "tan", "smile")
            for w in words
        ):
            raise FreeForm(who)  # "give the old barn a fresh coat of paint", "give it some shine"
        if find(what, ("turn", "quarter turn", "half turn", "a quarter turn", "a half turn", "rotation", "spin")) >= 0:
            return self.frame_rotate("rotate", verb, what)  # "give the picture a quarter turn clockwise"
        effect = _effect_noun(what)
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
        rest = _without_trailing_for(rest)  # "recolour the hoodie heather grey for the second variant"
        parts = _split_top(rest) if gapped else [rest]
        if len(parts) > 1:  # "paint the fence white and the shutters dark green"
            out: list[Clause] = []
            pending: list[Tok] = []
            for part in parts:
                try:
                    out.extend(self.frame_recolor(lemma, verb, [*pending, *part], gapped=False))
                    pending = []
                except (FreeForm, NotUnderstood):
                    pending = [*pending, *part, *_and(part)]
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

    # ---- blur and enhance ---------------------------------------------------------------------------------
    def frame_blur(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        amount, rest = take_amount(rest)
        rest = _drop_particles(rest, ("out",))
        base = 0.3 if verb.kind == "soft" else lex.BASE_BLUR
        return [self.edit("blur", self.region(rest), {"amount": amount.scale(base)})]

    def frame_enhance(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "enhance the photo", "denoise the sky", "enhance the colors" (saturation), "fix the blur"."""
        rest = strip_fillers(rest)
        defect = _defect(rest)
        if defect is not None:
            return [self.edit("enhance", ALL, {"kind": defect})]
        if verb.kind == "auto" and lemma in ("enhance", "boost", "restore", "bring back") and _has_property(rest):
            return self.frame_amount(lemma, vocab.Verb("amount", sign=1), rest)
        if _has_property(rest) and verb.kind == "auto":
            return [self.edit("enhance", None, {"kind": "auto"})]
        _, rest = take_amount(rest)
        return [self.edit("enhance", self.region(rest) if rest else None, {"kind": verb.kind or "auto"})]

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
        factor, size, region_toks = _size_words(rest, verb.sign)
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
        factor, _, _ = _size_words(rest)
        if factor not in (None, 2, 3, 4):
            return [self.edit("resize", None, {"scale": factor})]
        return [self.edit("upscale", None, {"factor": int(factor or 2)})]

    def frame_extend(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        words = self.raw(rest).lower()
        number = re.search(r"(\d+(?:\.\d+)?)\s*(%|percent|px|pixels?)?", words)
        if number is None:
            value, units = 0.25, "fraction"
        elif number.group(2) in ("%", "percent"):
            value, units = float(number.group(1)) / 100, "fraction"
        else:
            value, units = float(number.group(1)), "px"
        sides = _sides(words)
        return [self.edit("extend", None, {**dict.fromkeys(sides, value), "units": units})]

    def frame_freeform(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "colourise it", "switch the lamp on": verbs no op expresses; a free-form edit of their object."""
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

    def frame_move(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "move the lamp to the left", "shift the boat a little to the right", "move the cat closer to the
        fireplace", "move the cup onto the table", "move the logo 100 px up"."""
        amount, rest = take_amount(rest)
        target_end, place = _move_place(rest)
        if place is None:
            if lemma == "shift":  # "shift the colours towards blue"
                return self.frame_change(lemma, verb, rest)
            raise FreeForm(self.region(rest) if rest else None)
        region = self.region(rest[:target_end])
        if region is None or region == ALL:
            raise FreeForm(None)
        if "beside_toks" in place:
            beside = self.region(place.pop("beside_toks"))
            if beside is None or beside == ALL:
                raise NotUnderstood("move next to what?")
            place["beside"] = beside
        elif "to" in place and amount.seen and amount.factor < 1:
            # "a little to the right": a small shift, not all the way to the edge
            side = place.pop("to")
            place["dx"] = {"left": -0.1, "right": 0.1}.get(side, 0.0)
            place["dy"] = {"top": -0.1, "bottom": 0.1}.get(side, 0.0)
            place = {k: v for k, v in place.items() if v != 0.0}
        return [self.edit("move", region, place)]

    # ---- clauses without a leading verb ------------------------------------------------------------------
    def verbless(self, toks: list[Tok]) -> list[Clause]:
        """ "the sky should be bluer", "more contrast", "background darker", "brighter colors", "no people"."""
        if toks[0].low in ("no", "without") and len(toks) > 1:
            return self.frame_remove("remove", vocab.VERBS["remove"], toks[1:])
        if (
            toks[0].low.endswith("ing")
            and toks[0].low not in vocab.verb_forms()
            and len(toks) <= 5
            and (len(toks) == 1 or toks[1].low in ("this", "it", "these", "my", "on", "for", "to", "tonight", "today"))
        ):
            # "posting this tonight, …": what the picture is for, not an edit
            self.ctx.silent.append((self.span, None))
            return []
        # "removal of the wires", "some sharpening on the lettering", "straightening of the horizon"
        for i, tok in enumerate(toks[:3]):
            lemma = vocab.NOMINALS.get(tok.low)
            if lemma is None and tok.low.endswith("ing"):
                found = verb_at(toks, i)
                lemma = found[0] if found is not None and found[1].form == "ing" else None
            if lemma is not None and all(
                t.low
                in (
                    "a",
                    "an",
                    "the",
                    "some",
                    "more",
                    "slight",
                    "little",
                    "bit",
                    "a bit",
                    "a little",
                    "maybe",
                    "also",
                    "of",
                )
                or t.low in vocab.DEGREE_WORDS
                for t in toks[:i]
            ):
                rest = toks[i + 1 :]
                if rest and rest[0].low in ("of", "on", "to", "for", "in"):
                    rest = rest[1:]
                degrees = [t for t in toks[:i] if t.low in vocab.DEGREE_WORDS and t.low not in ("some", "little")]
                return self.by_verb(lemma, vocab.VERBS[lemma], [*rest, *degrees], "ing")
        if toks[-1].low == "crop" or (len(toks) > 1 and toks[-2].low == "crop"):
            return self.frame_crop("crop", vocab.VERBS["crop"], toks)
        if find(toks, ("quarter turn", "half turn", "a quarter turn", "a half turn")) >= 0:
            return self.frame_rotate("rotate", vocab.VERBS["rotate"], toks)
        parts = _split_top(toks)
        if len(parts) > 1 and find(toks, (",", "+", "&", "/")) > 0:
            # "sky bluer, grass greener", "brighter eyes, whiter teeth": a list of telegraphic clauses
            out: list[Clause] = []
            try:
                for part in parts:
                    out.extend(self.verbless(part))
                return out
            except (NotUnderstood, FreeForm):
                pass
        predicate = self.predicate(toks, required=False)
        if predicate is not None:
            return predicate
        nominal = self.nominal(toks)
        if nominal is not None:
            return nominal
        split = split_complement(toks, self.text)
        if split is not None and split[1].kind in ("adjust", "style", "effect", "blur", "color", "keep"):
            region_toks, comp = split
            if region_toks and verb_at(region_toks, 0) is None:
                return self.complemented(self.region(region_toks), comp)
            if not region_toks:
                return self.complemented(None, comp)
        # "brighter background", "blurred background", "black and white background"
        for k in range(len(toks) - 1, 0, -1):
            comp = read_complement(toks[:k], self.text)
            if comp is not None and comp.kind in ("adjust", "blur", "style", "effect"):
                region = self.region(toks[k:])
                if region is not None:
                    return self.complemented(region, comp)
        found = verb_at(toks, 0)
        if found is not None and found[1].form == "ed":
            lemma = found[0]
            return self.by_verb(lemma, vocab.VERBS[lemma], toks[found[2] :], "ed")
        if toks[0].low in ("nobody", "no one", "everyone", "everybody", "people", "you", "i", "we") and len(toks) > 2:
            det = next((i for i, t in enumerate(toks) if i > 1 and t.low in vocab.DETERMINERS), -1)
            region = self.region(toks[det:]) if det > 0 else None
            if region is not None and region != ALL:  # "Nobody notices the ceramic bowl."
                self.ctx.last_target = region
                self.ctx.silent.append((self.span, region))
                return []
        if toks[0].low in ("that", "this", "the", "those", "these", "my", "our") and _only_region(toks):
            region = self.region(toks)  # "That yellow kayak by the rocks, could you bring it closer?"
            if region is not None and region != ALL:
                self.ctx.last_target = region
                self.ctx.silent.append((self.span, region))
                return []
        # "shadows lifted", "brightness increased a bit": a property and what happened to it
        last = verb_at(toks, len(toks) - 1)
        if last is not None and last[1].form == "ed" and _has_property(toks[:-1]):
            verb = vocab.VERBS[last[0]]
            if verb.frame == "amount" and verb.sign:
                return self.frame_amount(last[0], verb, toks[:-1])
        # "open the wardrobe doors": an unknown verb before a noun phrase is a free-form edit of that region
        if (
            len(toks) > 2
            and toks[0].kind == "word"
            and toks[1].low in vocab.DETERMINERS | {"his", "her", "their", "my"}
        ):
            if vocab.close_verb(toks[0].low) is None:  # not a misspelled verb
                raise FreeForm(self.region(toks[1:]))
        raise NotUnderstood("no verb")

    def predicate(
        self, toks: list[Tok], *, required: bool, subject_region: Region | None = None
    ) -> list[Clause] | None:
        """ "the sky should be bluer", "the face should stay the same", "the background needs to be blurred",
        "the image needs more contrast", "X must not change", "X is too dark"."""
        marker = -1
        for i, tok in enumerate(toks):
            if i == 0:
                continue
            if (
                tok.low in vocab.MODALS
                or tok.low in WISH_PHRASES
                or tok.low in ("needs", "need", "requires", "require", "lacks")
                or (tok.low in vocab.COPULAS and tok.low not in ("look", "get", "go", "turn", "feel", "be"))
            ):
                marker = i
                break
        if marker < 0:
            if required:
                return self.keep_region(toks) if toks else []
            return None
        subject_toks = [t for t in toks[:marker] if t.low not in ("though", "however", "also", "too", ",", "then")]
        if not subject_toks:
            return None
        if verb_at(subject_toks, 0) is not None and subject_toks[0].low not in ("color", "light", "tint"):
            if not required:
                return None
        pred = toks[marker:]
        wish = _wish_at(pred)
        if wish:  # "a coffee cup next to the laptop would be nice, and a croissant on the plate"
            return self.wished([*subject_toks, *pred[wish:]])
        words = [t.low for t in pred]
        negative = "not" in words[:3] or "never" in words[:3] or words[0] in vocab.NEGATIVE_MODALS
        pred = [
            t
            for t in pred
            if t.low not in vocab.MODALS
            and t.low not in ("not", "never", "to", "needs", "need", "requires", "require", "lacks")
        ]
        # present-tense "is"/"looks" describe the picture; "looked" after "I'd love it if" is a wish
        statement = toks[marker].low in ("is", "are", "looks", "look", "seems", "seem", "appears", "appear", "feels")
        adverbs = ("exactly", "completely", "totally", "perfectly", "fully", "entirely", "just", "still", "always")
        pred = [t for t in pred if t.low not in adverbs] or pred
        if pred and pred[0].low in vocab.COPULAS:
            copula = pred[0].low
            pred = pred[1:]
            if pred and pred[0].low in vocab.COPULAS and copula in ("be", "is", "are"):
                pred = pred[1:]
        subject = subject_region or self.region(subject_toks)
        if subject is None:
            return None
        if negative:
            # "the face should not change", "the sky must not be touched"
            return [KeepClause(subject, self.span)] if subject != ALL else None
        if not pred:
            return [KeepClause(subject, self.span)] if subject != ALL and required else None
        pwords = " ".join(t.low for t in pred)
        if re.fullmatch(r"as (?:he|she|it|they|i|we) (?:is|are|was|were|am)", pwords):
            return [KeepClause(subject, self.span)] if subject != ALL else None
        # "the colours need boosting", "the image needs denoising": the gerund is the verb
        if toks[marker].low in ("needs", "need", "requires", "require") and pred:
            found = verb_at(pred, 0)
            if found is not None and found[1].form == "ing":
                lemma = found[0]
                return self.by_verb(lemma, vocab.VERBS[lemma], [*subject_toks, *pred[found[2] :]], "ing")
        # "needs more contrast", "needs more brightening", "lacks contrast"
        if toks[marker].low in ("needs", "need", "requires", "require", "lacks") and pred[0].low != "be":
            groups = self.property_groups(pred)
            if groups:
                target = None if subject == ALL else subject
                less = pred[0].low == "less"
                return [self.adjust(target, p, -pol if less else pol, a) for p, pol, _, a in groups]
        # "is too dark": the opposite
        while len(pred) > 2 and pred[0].low in vocab.DEGREE_WORDS and pred[1].low in vocab.TOO_WORDS:
            pred = pred[1:]  # "way too magenta"
        if pred and pred[0].low in vocab.TOO_WORDS and len(pred) > 1 and pred[-1].low in vocab.COLOR_TONES:
            prop, sign = vocab.COLOR_TONES[pred[-1].low]  # "it's way too magenta": less of it
            step = self.adjust(None if subject == ALL else subject, prop, -sign, Amount())
            if statement:
                self.complaints.append(step)
            return [step]
        if pred and pred[0].low in vocab.TOO_WORDS and len(pred) > 1:
            comp = read_complement(pred[1:], self.text)
            if comp is not None and comp.kind == "adjust":
                target = None if subject == ALL else subject
                steps = [self.adjust(target, p, -s, a) for p, s, a in comp.items]
                if statement:
                    self.complaints.extend(steps)
                return steps
        # "should be blurred", "needs to be removed", "should be replaced with a beach"
        found = verb_at(pred, 0)
        if found is not None and found[1].form == "ed":
            lemma = found[0]
            verb = vocab.VERBS[lemma]
            after = pred[found[2] :]
            if verb.frame in ("replace", "change", "recolor", "restyle", "turn"):
                return self.by_verb(lemma, verb, [*subject_toks, *after], "ed")
            if verb.frame in ("remove", "blur", "adjust", "enhance", "amount"):
                return self.by_verb(lemma, verb, [*subject_toks, *after], "ed")
        if pwords in ("in color", "in full color", "colored", "in its original color", "in colors") and subject != ALL:
            self.ctx.color_kept.append((subject, self.span))  # "where just the bicycle is in colour"
            self.ctx.targets.append(subject)
            return []
        if pwords in vocab.KEEP_WORDS or pwords in ("unchanged", "the same", "untouched", "as is", "as it is"):
            return [KeepClause(subject, self.span)] if subject != ALL else None
        if (
            pred[0].low in ("become", "turn into", "turned into", "turn", "change into", "changed into")
            and len(pred) > 1
        ):
            target = pred[1:] if pred[1].low not in ("into", "to") else pred[2:]
            try:  # "the plastic chairs should become wooden stools"
                return [self.edit(*sem.change_into(None if subject == ALL else subject, self.raw(target)))]
            except NotUnderstood:
                raise FreeForm(subject) from None
        if isinstance(subject, NotRegion) or (
            (toks[marker].low in vocab.MODALS or toks[marker].low in ("needs", "need", "requires")) and not statement
        ):
            # "the rest is grey", "her lipstick should be a softer pink and her cheeks less flushed"
            try:
                return self.made(pred, subject=None if subject == ALL else subject)
            except FreeForm:
                if required:
                    raise
                return None
        comp = read_complement(pred, self.text)
        if statement and not required:
            # "the dog looks dull", "the sky is boring": a statement about the picture, not a request; a complaint
            # asks for the opposite, anything else names what "it" will mean next
            complaint = vocab.COMPLAINTS.get(pwords.removeprefix("a bit ").removeprefix("kind of ").removeprefix("so "))
            self.ctx.last_target = subject
            if complaint is not None and toks[marker].low not in ("stays", "stay", "remains", "remain"):
                prop, sign = complaint
                step = self.adjust(None if subject == ALL else subject, prop, -sign, Amount())
                self.complaints.append(step)
                return [step]
            if comp is not None and comp.kind == "adjust" and _comparative(pred):
                # "the desired image is brighter" states the wanted result; "the input is darker" the opposite
                flip = any(t.low in ("input", "original", "before", "current", "source") for t in subject_toks)
                target = None if subject == ALL else subject
                return [self.adjust(target, p, -s if flip else s, a) for p, s, a in comp.items]
            if comp is None or comp.kind not in ("keep",):
                self.ctx.silent.append((self.span, subject))
                return []
        if comp is None:
            if required:
                raise FreeForm(subject)
            return None
        return self.complemented(None if subject == ALL else subject, comp)

    def wanted(self, toks: list[Tok]) -> list[Clause]:
        """What "I want …" / "I'd like …" names: a state ("the sky bluer"), things of a colour ("navy curtains and
        mustard-yellow cushions": recolour them), a bigger or smaller thing ("a bigger moon": scale it), or a
        thing somewhere ("a lamp on the desk": add it)."""
        parts = _split_top(toks)
        out: list[Clause] = []
        for part in parts:
            words = [t.low for t in part]
            body = part[1:] if words[0] in ("a", "an", "some", "the") else part
            if len(body) >= 2 and (body[0].low in vocab.SCALE_BIGGER or body[0].low in vocab.SCALE_SMALLER):
                region = self.region(body[1:])  # "a bigger moon"
                if region is not None and region != ALL:
                    out.append(
                        self.edit("scale", region, {"factor": 2.0 if body[0].low in vocab.SCALE_BIGGER else 0.5})
                    )
                    continue
            color = next(
                (color_of(body[:k], self.text) for k in (3, 2, 1) if k < len(body) and color_of(body[:k], self.text)),
                None,
            )
            if color is not None and split_complement(part, self.text) is None:
                size = len(color.split())
                region = self.region(body[size:])  # "navy curtains"
                if region is not None and region != ALL:
                    out.append(self.edit(*sem.recolor_or_fill(region, color)))
                    continue
            place = _move_place(part)
            if out and place[1] is not None and place[0] <= 1 and isinstance(self.ctx.last_target, PhraseRegion):
                args = place[1]  # "…, up in the top-right corner": the thing just named goes there
                if "beside_toks" in args:
                    args["beside"] = self.region(args.pop("beside_toks"))
                out.append(self.edit("move", self.ctx.last_target, args))
                continue
            if not out:
                return self.made(toks)  # a state: "the sky bluer and the grass greener"
            out.extend(self.made(part))
        return out

    def wished(self, toks: list[Tok]) -> list[Clause]:
        """ "fireworks in the night sky", "a croissant on the plate": a thing wished somewhere is an add."""
        pairs = _pairs([t for t in toks if t.low not in (",",)], vocab.PREPOSITIONS, optional=True)
        out: list[Clause] = []
        for what, where in pairs:
            what = [t for t in what if t.low not in ("and", "also")]
            if what:
                out.extend(self.added(what, where))
        if not out:
            raise FreeForm(None)
        return out

    def nominal(self, toks: list[Tok]) -> list[Clause] | None:
        """ "more contrast", "a bit more saturation on the sky", "brightness +20", "slight increase in contrast",
        "contrast and sharpness", "less yellow", "fog", "black and white"."""
        words = [t.low for t in toks]
        sign = 1
        body = toks
        first = words[0]
        if first in ("less", "lower", "decreased", "reduced", "reduce", "decrease", "minus", "fewer", "softer"):
            sign, body = -1, toks[1:]
        elif first in (
            "more",
            "higher",
            "increased",
            "added",
            "boosted",
            "extra",
            "better",
            "enhanced",
            "improved",
            "increase",
            "boost",
            "add",
            "plus",
            "stronger",
            "additional",
            "greater",
            "deeper",
        ):
            body = toks[1:]
        # "an increase in contrast", "slight increase of brightness", "a boost to the colors"
        for i, tok in enumerate(body[:4]):
            if tok.low in (
                "increase",
                "boost",
                "raise",
                "bump",
                "decrease",
                "reduction",
                "drop",
                "lowering",
                "raising",
                "increasing",
                "decreasing",
                "reducing",
                "boosting",
                "adjustment",
            ):
                if i + 1 < len(body) and body[i + 1].low in ("in", "of", "to", "on"):
                    if tok.low in ("decrease", "reduction", "drop", "lowering", "decreasing", "reducing"):
                        sign = -sign
                    amount, _ = take_amount(body[:i], adjectives=True)
                    groups = self.property_groups(body[i + 2 :])
                    if groups:
                        return [self.adjust(r, p, sign * pol, a.merged(amount)) for p, pol, r, a in groups]
        trailing, body = _trailing_amount(body)
        if body and body[-1].low in ("up", "down", "+", "-"):
            if body[-1].low in ("down", "-"):
                sign = -sign
            body = body[:-1]
        elif len(body) > 1 and (found := verb_at(body, len(body) - 1)) is not None and found[1].form == "ed":
            verb = vocab.VERBS[found[0]]  # "shadows lifted", "contrast reduced"
            if verb.frame == "amount" and verb.sign:
                sign, body = sign * verb.sign, body[:-1]
        if trailing.seen:
            body = [*body, *_amount_tokens(trailing, body)]
        # "temp warmer", "shadows brighter": a property and the direction it goes
        if len(body) >= 2 and body[0].low in vocab.PROPERTY_NOUNS:
            comp = read_complement(body[1:], self.text)
            if comp is not None and comp.kind == "adjust":
                prop = vocab.PROPERTY_NOUNS[body[0].low][0]
                return [self.adjust(None, prop, s, a) for _, s, a in comp.items]
        groups = self.property_groups(body)
        if groups and len(body) <= 12:
            if first not in ("less", "more") and toks[-1].kind == "num" and len(toks) >= 2 and toks[-2].low == "-":
                sign = -sign
            return [self.adjust(r, p, sign * pol, a) for p, pol, r, a in groups]
        tone = _color_tone(body)
        if tone is not None:
            return [self.adjust(self.region(tone[2]) if tone[2] else None, tone[0], sign * tone[1], Amount())]
        # "temp warmer", "shadows brighter": a property and the direction it goes
        if len(body) >= 2 and body[0].low in vocab.PROPERTY_NOUNS:
            comp = read_complement(body[1:], self.text)
            if comp is not None and comp.kind == "adjust":
                prop = vocab.PROPERTY_NOUNS[body[0].low][0]
                return [self.adjust(None, prop, s, a) for _, s, a in comp.items]
        # "bg blur", "background blur": a blur of that region
        if len(body) >= 2 and body[-1].low in ("blur", "blurred", "bokeh", "blurring"):
            return [self.edit("blur", self.region(body[:-1]), {"amount": lex.BASE_BLUR})]
        # "grain off", "noise out": the defect removed
        if len(body) >= 2 and body[-1].low in ("off", "out", "gone", "away") and _defect(body[:-1]) is not None:
            return [self.edit("enhance", ALL, {"kind": _defect(body[:-1])})]
        # "a bluer sky", "brighter eyes": a comparative before its region
        if len(body) >= 2 and not _has_property(body):
            for k in range(1, min(4, len(body))):
                comp = read_complement([t for t in body[:k] if t.low not in ("a", "an", "the")], self.text)
                rest_toks = body[k:]
                if (
                    comp is not None
                    and comp.kind == "adjust"
                    and rest_toks[0].kind == "word"
                    and (read_complement(rest_toks, self.text) is None)
                ):
                    region = self.region(rest_toks)
                    if region is not None:
                        return self.complemented(region, comp)
        # "pure white background": a colour before its region
        for k in range(1, min(4, len(body))):
            color = color_of(body[:k], self.text)
            if color is not None and k < len(body):
                region = self.region(body[k:])
                if region is not None and region != ALL:
                    return [self.edit(*sem.recolor_or_fill(region, color))]
        look = [t for t in body if t.low not in ("a", "an", "the", "maybe", "some", "overall")]
        if len(look) >= 2 and look[-1].low in lex.LOOK_WORDS | {"color", "colour", "colors", "colours", "light"}:
            comp = read_complement(look[:-1], self.text)  # "a warmer tone", "a brighter look"
            if comp is not None and comp.kind == "adjust":
                return self.complemented(None, comp)
        if "vignette" in [t.low for t in body] and len(body) <= 4:
            amount, _ = take_amount(body, adjectives=True)
            return [self.edit("vignette", None, {"amount": amount.scale(0.5)})]
        if find(body, ("resolution", "higher resolution", "res")) >= 0 and len(body) <= 5:
            return self.frame_upscale("upscale", vocab.VERBS["upscale"], body)
        effect = _effect_noun(body)
        if effect is not None and len(body) <= 4:
            amount, _ = take_amount(body, adjectives=True)
            value = amount.scale(lex.BASE_ATMOSPHERE) * effect[1]
            return [self.edit("atmosphere", None, {"effect": effect[0], "amount": round(min(1.0, value), 4)})]
        return None


@dataclass(frozen=True)
class Exclusion:
    """ "…, but keep it off the roof", "don't let it touch the hands", "the village excluded": the region is left
    out of the edits of the clause before (the sentence reader applies it)."""

    region: Region
    span: Span


class FreeForm(Exception):
    """The clause has no frame that structures it; it becomes a free-form edit, still with its region."""

    def __init__(self, target: Region | None) -> None:
        super().__init__("free-form")
        self.target = target


# ---- token helpers --------------------------------------------------------------------------------------
def _strip_punct(toks: list[Tok]) -> list[Tok]:
    while toks and toks[-1].kind == "punct" and toks[-1].low not in (")", "]", "%"):
        toks = toks[:-1]
    while toks and toks[0].kind == "punct" and toks[0].low not in ("(", "["):
        toks = toks[1:]
    return toks


def _negation(toks: list[Tok]) -> int | None:
    """Index after a leading negation ("do not", "don't", "never", "avoid", "no need to change")."""
    words = [t.low for t in toks]
    if words[:2] in (["do", "not"], ["please", "do"]) and len(words) > 2:
        i = 2 if words[1] == "not" else (3 if len(words) > 3 and words[2] == "not" else -1)
        return i if i > 0 and i < len(words) else None
    if (
        words[0] in ("do not", "does not", "should not", "must not", "will not", "can not", "never", "avoid", "dont")
        and len(words) > 1
    ):
        return 1
    if words[:2] == ["no", "need"] and len(words) > 3 and words[2] == "to":
        return 3
    if words[0] == "without" and len(words) > 1:
        return 1
    return None


def _noun_use(toks: list[Tok], found: tuple[str, vocab.VerbForm, int]) -> bool:
    """True when a word that can be a verb is a noun or adjective here ("color and contrast", "light fog")."""
    lemma, form, n = found
    word = toks[0].low
    if word not in vocab.AMBIGUOUS_VERBS and form.form in ("base", "ing"):
        return False
    if form.form == "s":
        return True
    after = toks[n:]
    if not after:
        return lemma not in (
            "blur",
            "crop",
            "flip",
            "mirror",
            "level",
            "straighten",
            "fix",
            "warm",
            "cool",
            "dim",
            "edit",
            "save",
            "use",
            "set",
            "lower",
        )
    nxt = after[0].low
    if nxt in vocab.DETERMINERS or nxt in (
        "it",
        "them",
        "him",
        "her",
        "me",
        "us",
        "everything",
        "up",
        "down",
        "out",
        "off",
        "in",
        "to",
        "into",
        "by",
    ):
        return False
    if form.form == "ed":
        return True
    if nxt in vocab.PROPERTY_NOUNS or nxt in ("and", ",", "effect", "balance", "temperature", "filter", "tone"):
        return True
    return (
        word in ("light", "tone", "scale", "level", "frame", "color", "colour", "balance")
        and nxt not in lex.COLOR_NAMES
    )


def _take_particle(rest: list[Tok], particles: frozenset[str]) -> list[Tok] | None:
    """Remove the verb's particle, next to it or after the object ("take the car out of the photo")."""
    for i, tok in enumerate(rest):
        if tok.low in particles:
            return [*rest[:i], *rest[i + 1 :]]
        if tok.low == "out of" and "out" in particles:
            return [*rest[:i], Tok("from", "from", tok.start, tok.end, "word"), *rest[i + 1 :]]
    return None


def _drop_particles(
    rest: list[Tok], particles: tuple[str, ...], *, trailing_only: bool = False, sign_out: list[int] | None = None
) -> list[Tok]:
    out = []
    for i, tok in enumerate(rest):
        if tok.low in particles and (not trailing_only or i == len(rest) - 1):
            if sign_out is not None and tok.low in ("up", "down") and sign_out[0] == 0:
                sign_out[0] = 1 if tok.low == "up" else -1
            continue
        out.append(tok)
    return out


def _amount_tokens(amount: Amount, body: list[Tok]) -> list[Tok]:
    """Tokens that say `amount` again, for a part whose trailing amount was taken off to read it."""
    at = body[-1].end if body else 0
    for word, factor in vocab.DEGREE_WORDS.items():
        if factor == amount.factor and word not in vocab.ADJECTIVE_DEGREES and " " not in word:
            return [Tok(word, word, at, at, "word")]
    return []


def _trailing_amount(toks: list[Tok]) -> tuple[Amount, list[Tok]]:
    """An amount said once at the end ("… and red tone slightly"), shared by every part before it."""
    for k in range(len(toks)):
        tail = toks[k:]
        amount, rest = take_amount(tail)
        if amount.seen and not rest and (k == 0 or toks[k - 1].low not in ("by", "a")):
            return amount, toks[:k]
    return Amount(), toks


def _split_top(toks: list[Tok]) -> list[list[Tok]]:
    """Parts of a list at "and" / "," / "as well as" (never inside a multiword token)."""
    parts: list[list[Tok]] = [[]]
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        plus = tok.low == "+" and nxt is not None and nxt.kind == "word"  # "brighter + warmer", not "+30"
        if (tok.low in ("and", ",", "&", "as well as", "plus", "along with") or plus) and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _pairs(
    toks: list[Tok], preps: frozenset[str] | tuple[str, ...] | set[str], *, optional: bool = False
) -> list[tuple[list[Tok], list[Tok]]]:
    """ "A with B and C with D" -> [(A, [with, B]), (C, [with, D])]; parts without the preposition join the
    part before (a list inside B) or, with `optional`, stand alone ("add a hat and a scarf to the dog")."""
    parts = _split_top(toks)
    pairs: list[tuple[list[Tok], list[Tok]]] = []
    pending: list[Tok] = []
    for part in parts:
        at = find(part, preps, 1) if part else -1
        if at > 0:
            left = [*pending, *(_and(pending)), *part[:at]] if pending else part[:at]
            pairs.append((left, part[at:]))
            pending = []
        elif pairs and not optional:
            left, right = pairs[-1]
            pairs[-1] = (left, [*right, *_and(right), *part])
        else:
            pending = [*pending, *_and(pending), *part] if pending else list(part)
    if pending:
        if optional:
            if pairs and not pairs[-1][1]:
                pairs.append((pending, []))
            elif pairs:
                left, right = pairs[-1]
                pairs[-1] = (left, [*right, *_and(right), *pending])
            else:
                pairs.append((pending, []))
        elif pairs:
            left, right = pairs[-1]
            pairs[-1] = (left, [*right, *_and(right), *pending])
    return pairs


def _and(before: list[Tok]) -> list[Tok]:
    if not before:
        return []
    return [Tok("and", "and", before[-1].end, before[-1].end, "word")]


def _last_top(toks: list[Tok], words: tuple[str, ...]) -> int:
    for i in range(len(toks) - 1, 0, -1):
        if toks[i].low in words:
            return i
    return -1


def _property_in(toks: list[Tok]) -> tuple[str, int, list[Tok], list[Tok]] | None:
    """(property, polarity, region before, region after) for "the contrast of the sky", "the sky's saturation",
    "the red tone", "saturation in the leaves"; None when no property word is there."""
    for i, tok in enumerate(toks):
        word = tok.low
        if word in vocab.PROPERTY_NOUNS:
            # "the yellow tone" / "blue hue": a colour direction, not the property "tint"
            if word in vocab.TONE_NOUNS and i > 0 and toks[i - 1].low in vocab.COLOR_TONES:
                prop, sign = vocab.COLOR_TONES[toks[i - 1].low]
                before = toks[: i - 1]
            else:
                prop, sign = vocab.PROPERTY_NOUNS[word]
                before = toks[:i]
            # "the colors' vibrance" / "color saturation": a second property word names it better
            if i + 1 < len(toks) and toks[i + 1].low in vocab.PROPERTY_NOUNS and word in ("color", "colour", "colors"):
                continue
            after = toks[i + 1 :]
            while after and after[0].low in ("level", "levels", "value", "values", "amount", "percentage", "settings"):
                after = after[1:]
            if after and after[0].low in (
                "of",
                "on",
                "in",
                "for",
                "to",
                "at",
                "across",
                "throughout",
                "within",
                "around",
                "over",
            ):
                after = after[1:]
            elif after:
                after = [] if all(t.kind == "punct" for t in after) else after
            before = [
                t
                for t in before
                if t.low
                not in (
                    "the",
                    "a",
                    "an",
                    "some",
                    "more",
                    "less",
                    "its",
                    "overall",
                    "extra",
                    "general",
                    "total",
                    "image",
                    "photo",
                )
            ]
            if before and before[-1].low.endswith("'s"):
                owner = before[-1]
                before = [*before[:-1], Tok(owner.text[:-2], owner.low[:-2], owner.start, owner.end - 2, "word")]
            if before and all(t.low in vocab.DEGREE_WORDS or t.low in QUANTITY_WORDS for t in before):
                before = []  # "a hint of clarity", "a bit of contrast"
            return prop, sign, before, after
        if word in vocab.COLOR_TONES and i + 1 < len(toks) and toks[i + 1].low in vocab.TONE_NOUNS:
            prop, sign = vocab.COLOR_TONES[word]
            after = toks[i + 2 :]
            if after and after[0].low in ("of", "on", "in", "for", "to", "at"):
                after = after[1:]
            return prop, sign, [], after
    return None


QUANTITY_WORDS = frozenset(
    {
        "of",
        "hint",
        "touch",
        "dash",
        "splash",
        "bit",
        "lot",
        "lots",
        "little",
        "amount",
        "plenty",
        "tad",
        "smidge",
        "pinch",
        "a",
        "an",
        "some",
        "more",
        "less",
        "extra",
        "good",
        "bit more",
        "a hint of",
        "a touch of",
    }
)


def _has_property(toks: list[Tok]) -> bool:
    return _property_in(toks) is not None


def _color_tone(toks: list[Tok]) -> tuple[str, int, list[Tok]] | None:
    """ "the yellow cast", "a blue tint", "green hue from the image", "yellows" -> (property, sign, region)."""
    for i, tok in enumerate(toks):
        if tok.low in vocab.COLOR_TONES and i + 1 < len(toks) and toks[i + 1].low in vocab.TONE_NOUNS:
            prop, sign = vocab.COLOR_TONES[tok.low]
            after = toks[i + 2 :]
            if after and after[0].low in ("from", "in", "on", "of", "to", "at"):
                after = after[1:]
            return prop, sign, after
        if tok.low in ("yellows", "blues", "reds", "greens") and i == len(toks) - 1:
            prop, sign = vocab.COLOR_TONES[tok.low]
            return prop, sign, []
    return None


def _color_noun(toks: list[Tok]) -> list[Tok] | None:
    """Region tokens when `toks` name a colour of something: "the color of the car", "the car's color",
    "the sky color"; None otherwise."""
    words = [t.low for t in toks]
    for i, word in enumerate(words):
        if word in ("color", "colour", "colors", "colours", "coloring", "colouring", "hue", "shade"):
            before = [t for t in toks[:i] if t.low not in ("the", "a", "its")]
            after = toks[i + 1 :]
            if after and after[0].low in ("of", "on", "in"):
                return after[1:]
            if before:
                last = before[-1]
                if last.low.endswith("'s"):
                    before = [*before[:-1], Tok(last.text[:-2], last.low[:-2], last.start, last.end - 2, "word")]
                return before
            return []
    return None


def _defect(toks: list[Tok]) -> str | None:
    words = [
        t.low
        for t in strip_fillers(toks)
        if t.low not in ("the", "all", "any", "some", "of", "excess", "extra", "unwanted", "visible", "digital")
    ]
    joined = " ".join(words)
    if joined in vocab.DEFECTS:
        return vocab.DEFECTS[joined]
    if (
        words
        and words[0] in vocab.DEFECTS
        and len(words) <= 4
        and (len(words) == 1 or words[1] in ("from", "in", "on", "over", "around", "of", "and"))
    ):
        return vocab.DEFECTS[words[0]]
    return None


def _effect_noun(toks: list[Tok]) -> tuple[str, float] | None:
    """ "thick fog", "some light haze", "a sunset glow", "snowfall" -> (effect, strength factor)."""
    words = [
        w
        for t in toks
        for w in t.low.split("-")
        if w not in ("a", "an", "the", "some", "more", "of", "bit", "little", "time")
    ]
    if not words or len(words) > (6 if words[-1] in ("glow", "feel", "look", "vibe", "mood", "light") else 4):
        return None
    effect_at = next((i for i, w in enumerate(words) if w in lex.EFFECT_WORDS), None)
    if effect_at is None:
        return None
    effect = lex.EFFECT_WORDS[words[effect_at]]
    # words before the effect say how strong it is; after it, what it is called ("sunset glow", "fog effect")
    after = [w for w in words[effect_at + 1 :] if w not in lex.EFFECT_WORDS and w != "hour"]
    looks_end = words[-1] in ("glow", "feel", "look", "vibe", "mood", "light", "lighting", "atmosphere", "effect")
    if any(
        w
        not in (
            "effect",
            "scene",
            "look",
            "atmosphere",
            "vibe",
            "light",
            "lighting",
            "glow",
            "sky",
            "mood",
            "colors",
            "colours",
            "tones",
            "tone",
            "feel",
            "overlay",
            "filter",
        )
        for w in after
    ):
        return None
    strength = 1.0
    for w in words[:effect_at]:
        if w in vocab.DEGREE_WORDS and w not in vocab.ADJECTIVE_DEGREES:
            continue  # "a bit of fog": the clause's amount, read elsewhere
        if looks_end:
            continue  # "that just-before-sunset glow": the words before a look describe it
        if w in lex.EFFECT_STRONG:
            strength = 1.6
        elif w in lex.EFFECT_MILD or w in ("slight", "gentle", "subtle", "faint", "thin"):
            strength = 0.6
        elif w not in (
            "morning",
            "atmospheric",
            "dense",
            "soft",
            "light",
            "heavy",
            "thick",
            "falling",
            "evening",
            "winter",
            "golden",
            "hour",
            "slight",
            "gentle",
            "subtle",
            "faint",
            "thin",
            "time",
        ):
            return None
    return effect, strength


def _looks_like_object(words: list[str]) -> bool:
    """ "add a light" is a lamp; "add light" is brightness."""
    return bool(words) and words[0] in ("lamp", "bulb")


def _look_adjustments(toks: list[Tok]) -> list[tuple[str, int, Amount]] | None:
    """ "a high-contrast and high-saturation look", "a brighter, warmer look" -> adjust items."""
    items: list[tuple[str, int, Amount]] = []
    for part in _split_top([t for t in toks if t.low not in ("a", "an", "the")]):
        words = [t.low for t in part]
        joined = " ".join(words).replace("-", " ")
        match = re.fullmatch(r"(high|low|more|less|increased|reduced)\s+(\w+)", joined)
        if match and match.group(2) in vocab.PROPERTY_NOUNS:
            prop, pol = vocab.PROPERTY_NOUNS[match.group(2)]
            sign = 1 if match.group(1) in ("high", "more", "increased") else -1
            items.append((prop, sign * pol, Amount()))
            continue
        if joined in vocab.COMPARATIVES:
            items.append((*vocab.COMPARATIVES[joined], Amount()))
            continue
        if joined in vocab.PROPERTY_ADJECTIVES and joined not in ("dark",):
            items.append((*vocab.PROPERTY_ADJECTIVES[joined], Amount()))
            continue
        return None
    return items or None


def _base_form(word: str) -> str:
    """ "touching" -> "touch", "altered" -> "alter", "changing" -> "change" (for the small closed lists)."""
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in vocab.NOT_CHANGE_VERBS:
                return stem
    return word


def _comparative(toks: list[Tok]) -> bool:
    """Is the complement a comparative ("brighter", "a bit more contrast", "more vivid"), not a plain adjective?"""
    words = [t.low for t in toks if t.low not in vocab.DEGREE_WORDS and t.low not in ("a", "an", "much", "far")]
    return bool(words) and (words[0] in ("more", "less") or words[0] in vocab.COMPARATIVES or words[0].endswith("er"))


ATTRIBUTE_NOUNS = frozenset(
    """
position positions placement arrangement angle angles pose poses posture expression expressions orientation
perspective shape shapes size sizes number amount density visibility prominence alignment layout length height
width direction look appearance texture motion movement spacing distance view framing composition location
""".split()
)


def _attribute_owner(reader: FrameReader, toks: list[Tok]) -> Region | None:
    """ "the position of the blue mug" -> the blue mug: the region whose attribute a free-form edit changes."""
    words = [t.low for t in toks]
    for i, word in enumerate(words):
        if word in ATTRIBUTE_NOUNS:
            after = toks[i + 1 :]
            if after and after[0].low in ("of", "on", "in", "for"):
                region = reader.region(after[1:])
                return None if region == ALL else region
            before = [t for t in toks[:i] if t.low not in ("the", "a", "an")]
            if before and before[-1].low.endswith("'s"):
                owner = before[-1]
                return reader.region(
                    [*before[:-1], Tok(owner.text[:-2], owner.low[:-2], owner.start, owner.end, "word")]
                )
            return None
    region = reader.region(toks) if toks else None
    return None if region == ALL else region


BECOMING = frozenset({"become", "turn into", "turned into", "turn", "change into", "changed into", "becomes"})
EXPRESSIONS = frozenset(
    {"frown", "smile", "expression", "grin", "pout", "scowl", "tears", "eyes", "mouth", "pose", "posture", "look"}
)
WISH_PHRASES = frozenset(
    {
        "would be nice",
        "would be great",
        "would be good",
        "would be awesome",
        "would be ideal",
        "would be perfect",
        "would be better",
        "would be appreciated",
    }
)
WISH_WORDS = frozenset(
    {
        "nice",
        "great",
        "good",
        "amazing",
        "awesome",
        "lovely",
        "perfect",
        "cool",
        "better",
        "ideal",
        "fun",
        "beautiful",
        "fantastic",
        "wonderful",
        "neat",
        "sweet",
        "pretty",
    }
)


def _wish_at(pred: list[Tok]) -> int:
    """Where the rest starts after "would look great" / "would be nice" / "would be cool" at the head of a
    predicate, or 0 when the predicate is not such a wish."""
    words = [t.low for t in pred[:4]]
    if words and words[0] in WISH_PHRASES:  # the joined "would be nice"
        return 1
    if words[:1] == ["would"] and len(words) >= 3 and words[1] in ("be", "look") and words[2] in WISH_WORDS:
        return 3
    if words[:1] == ["would"] and len(words) >= 4 and words[1] in ("be", "look") and words[3] in WISH_WORDS:
        return 4  # "would look really nice"
    return 0


def _without_trailing_for(toks: list[Tok]) -> list[Tok]:
    """ "bluer and hazier for depth", "brighter for the listing": what the change is for, not where."""
    for i in range(max(1, len(toks) - 5), len(toks)):
        if toks[i].low == "for" and i + 1 < len(toks):
            return toks[:i]
    return toks


def _in_focus(toks: list[Tok]) -> list[Tok] | None:
    """ "the dog in sharp focus" -> the dog + one "in focus" token; None when focus is not said."""
    for i in range(1, len(toks)):
        words = [t.low for t in toks[i : i + 3]]
        if words[:1] in (["in focus"], ["into focus"]):
            return [*toks[:i], Tok(toks[i].text, "sharper", toks[i].start, toks[i].end, "word"), *toks[i + 1 :]]
        if (
            len(words) == 3
            and words[0] in ("in", "into")
            and words[2] == "focus"
            and words[1] in ("sharp", "crisp", "clear", "full", "perfect", "better", "sharper")
        ):
            focus = Tok("in focus", "sharper", toks[i].start, toks[i + 2].end, "word")
            return [*toks[:i], focus, *toks[i + 3 :]]
    return None


def _only_region(toks: list[Tok]) -> bool:
    """True when the tokens name a thing and nothing else: no verb, property, degree or colour after the noun."""
    return not any(
        verb_at(toks, i) is not None or t.low in vocab.PROPERTY_NOUNS or t.low in vocab.COMPARATIVES
        for i, t in enumerate(toks)
        if i > 0
    )


def _is_edges(toks: list[Tok]) -> bool:
    words = [t.low for t in strip_fillers(toks) if t.low not in ("the", "all", "four", "its")]
    return bool(words) and all(
        w in ("corners", "edges", "borders", "corner", "edge", "and", ",", "sides") for w in words
    )


def _absolute_keep(toks: list[Tok]) -> list[Tok] | None:
    """ "the shop signs kept exactly as they are", "her face untouched" -> the region's tokens, else None."""
    words = [t.low for t in toks]
    for k in range(1, len(toks)):
        tail = [w for w in words[k:] if w not in ("exactly", "completely", "totally", "fully", "perfectly", "just")]
        if not tail:
            continue
        if tail[0] in ("kept", "left", "preserved", "protected", "maintained", "held"):
            tail = tail[1:]
        phrase = " ".join(tail)
        if (
            (not tail and words[k] in ("kept", "left", "preserved", "protected"))
            or phrase in vocab.KEEP_WORDS
            or (re.fullmatch(r"as (?:he|she|it|they) (?:is|are|was|were)", phrase))
        ):
            return toks[:k]
    return None


def _give_split(rest: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """ "the dog a party hat" -> (the dog, a party hat); "him sunglasses" -> (him, sunglasses)."""
    if not rest:
        return None
    if rest[0].low in ("it", "him", "her", "them", "me", "us", "this", "that", "everything", "everyone"):
        return rest[:1], rest[1:]
    for i in range(1, len(rest)):
        if rest[i].low in (
            "a",
            "an",
            "some",
            "more",
            "less",
            "extra",
            "slightly",
            "a bit more",
            "a little more",
            "much more",
            "a lot more",
            "a touch of",
            "a hint of",
        ):
            return rest[:i], rest[i:]
    for i in range(1, len(rest)):
        if rest[i - 1].low in lex.PERSON_NOUNS or rest[i - 1].low in ("dog", "cat", "photo", "image", "picture"):
            return rest[:i], rest[i:]
    return [], rest


SCENE_NOUNS = frozenset(
    """
landscape scenery background backdrop scene forest beach city skyline mountains mountain sea ocean sunset sky field
garden wall desert jungle studio meadow lake river countryside cityscape street park snowscape galaxy space
""".split()
)


def _is_scene(toks: list[Tok]) -> bool:
    words = [t.low for t in toks]
    return bool(words) and words[-1] in SCENE_NOUNS


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


def _move_place(toks: list[Tok]) -> tuple[int, dict[str, Any] | None]:
    """(where the object's words end, the move's args) for "the lamp to the left", "the cat closer to the
    fireplace", "the logo 100 px up", "the vase to the top left corner"."""
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
        if low in MOVE_RELATIONS and len(rest) > 1 and low not in ("on", "by", "into", "over", "under", "near"):
            # ("the man on horseback" is the object's own words: only unambiguous relations place it)
            return i, {"beside_toks": toks[i + 1 :], "relation": MOVE_RELATIONS[low]}
        if low in POSITION_TOKENS and len(rest) > 2 and (rest[1] == "of" or rest[1:3] == ["side", "of"]):
            # "to the right side of the table": beside the table
            side = POSITION_TOKENS[low]
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
            sides = [MOVE_SIDES[w] for w in words if w in MOVE_SIDES]
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
}


def _size_words(toks: list[Tok], sign: int = 0) -> tuple[float | None, dict[str, int] | None, list[Tok]]:
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


def _sides(text: str) -> tuple[str, ...]:
    if re.search(r"left", text):
        return ("left",)
    if re.search(r"right", text):
        return ("right",)
    if re.search(r"top|upward|above", text):
        return ("top",)
    if re.search(r"bottom|downward|below", text):
        return ("bottom",)
    if re.search(r"sides", text) and not re.search(r"all|every", text):
        return ("left", "right")
    return ("left", "right", "top", "bottom")


__all__ = ["IMAGE_NOUNS", "FrameReader", "FreeForm", "split_list", "verb_at"]
