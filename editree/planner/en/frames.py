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
from typing import Any

from editree.ops import ALL, NotRegion, PhraseRegion, Region
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clauses import Clause, EditClause, KeepClause, KeepRestClause
from editree.planner.en import vocab
from editree.planner.en.adjust_frames import AdjustFrames
from editree.planner.en.amounts import Amount, take_amount
from editree.planner.en.canvas_frames import CanvasFrames
from editree.planner.en.complements import (
    ACTION_VERBS,
    Complement,
    caused_action,
    color_of,
    free_complement,
    raw,
    read_complement,
    split_complement,
)
from editree.planner.en.nouns import (
    IMAGE_NOUNS,
    REST_WORDS,
    Context,
    region_of,
    split_list,
    strip_fillers,
)
from editree.planner.en.object_frames import ObjectFrames
from editree.planner.en.phrases import (
    EXPRESSIONS,
    WISH_PHRASES,
    Exclusion,
    FreeForm,
    absolute_keep,
    amount_tokens,
    attribute_owner,
    base_form,
    color_tone,
    colored_region,
    defect_kind,
    effect_noun,
    find,
    has_property,
    is_comparative,
    is_edges,
    low,
    negation_end,
    noun_use,
    only_region,
    split_pairs,
    split_top,
    strip_punct,
    take_particle,
    trailing_amount,
    verb_at,
    wish_at,
    without_trailing_for,
)
from editree.planner.en.placement import move_place, position_of
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

Span = tuple[int, int]


HEDGES = frozenset(
    {"so", "kind of", "sort of", "somewhat", "really", "quite", "very", "just", "way", "super", "a bit", "a little"}
    | {"pretty", "rather", "fairly", "slightly", "a tad", "a touch", "bit", "kinda", "extremely"}
)


STAYING = frozenset(
    {"where it is", "where they are", "in place", "in its place", "like it is", "like they are", "readable", "legible"}
    | {"look the same", "looks the same", "look as it does", "look as they do", "recognisable", "recognizable"}
    | {"exactly like it is", "exactly like they are", "just like it is", "just like they are", "the way it was"}
)
"""What a subject may stay besides KEEP_WORDS, in a statement that keeps it."""


LET_VERBS = frozenset({"go", "become", "turn", "get", "stay", "remain", "fade", "fall", "be", "look"})


_USED_TO_BE = frozenset(
    f"{how} {who} used to {be}"
    for how in ("like", "as")
    for who in ("it", "they", "he", "she")
    for be in ("be", "look", "looks")
)


POSE_ATTRIBUTES = frozenset(
    """position placement location arrangement angle pose poses posture orientation perspective alignment layout
direction motion movement spacing distance framing composition stance gesture""".split()
)
"""What "change the X of Y to …" cannot say with an op other than a free-form edit (or a move, for a position)."""
_CHANGED_TO_DO = frozenset({"include", "show", "reveal", "contain", "feature", "display", "have", "make", "fit"})


_OVER_TIME = (("over", "the", "years"), ("over", "time"), ("with", "age"), ("over", "the", "years", "too"))


def _has_become(toks: list[Tok], text: str) -> list[Tok]:
    """ "the headline has faded", "the colours have gone dull": a state said as a change, read as "is faded"."""
    for i in range(1, len(toks) - 1):
        if toks[i].low not in ("has", "have", "had"):
            continue
        j = i + 1
        if toks[j].low in ("gone", "become", "got", "gotten", "turned", "grown", "been") and j + 1 < len(toks):
            j += 1
        became = j > i + 1 and toks[i + 1].low in ("gone", "turned", "become", "grown")
        tail = toks[j:]
        for time in _OVER_TIME:  # "the sign has gone yellow over the years"
            if became and len(tail) > len(time) and low(tail[-len(time) :]) == " ".join(time):
                tail = tail[: -len(time)]
        if len(tail) > 1 and tail[-1].low in ("badly", "a lot", "completely", "so much", "terribly", "quite a bit"):
            tail = tail[:-1]  # "the curtains have faded badly"
        while became and len(tail) > 1 and tail[0].low in vocab.DEGREE_WORDS:
            tail = tail[1:]  # "the photo has gone a bit yellow"
        state = low(tail[1:]) if tail[0].low in vocab.TOO_WORDS else low(tail)
        if state in vocab.COMPLAINTS or (became and color_of(tail, text) is not None):
            # ("the sign has gone yellow; make it white" says what it is now, not what to do)
            copula = "are" if toks[i].low == "have" else "is"
            return [*toks[:i], Tok(copula, copula, toks[i].start, toks[j - 1].end, "word"), *tail]
        return toks
    return toks


IN_COLOR = frozenset(
    {
        "in color",
        "in colour",
        "in full color",
        "in full colour",
        "colored",
        "coloured",
        "in its original color",
        "in its original colour",
        "in their original colors",
    }
)
"""What a region stays in as the rest loses its colour ("keep the dress in colour", "let the scarf stay in colour")."""


PARTICLES = frozenset({"in", "up", "out", "down", "off", "back", "over", "away"})
PLAIN_VERBS = frozenset({"close", "untie", "clean", "light", "wave", "bend", "unwrap", "unfold", "unbutton"})
"""Verbs of their own that look like misspellings of edit verbs (close/lose, untie/tie, clean/clear)."""


_UNTOUCHED = frozenset(
    {"changed", "touched", "edited", "altered", "modified", "retouched", "moved", "affected", "included", "blurred"}
    | {"messed", "adjusted", "recolored", "recoloured", "cropped", "removed", "tampered", "distorted", "photoshopped"}
    | {"to", "be", "going", "part", "a part", "involved", "included", "for"}
)
"""What a negated statement's predicate starts with when it says the thing is to be left alone ("the sign is not
to be touched", "the faces are not edited"), rather than describing it ("she isn't the best at photoshop")."""


class FrameReader(AdjustFrames, ObjectFrames, CanvasFrames):
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
        toks = strip_punct(toks)
        if len(toks) > 5 and low(toks[-5:]) in _USED_TO_BE:
            toks = toks[:-5]  # "paint the tractor green like it used to be": what it was, the colour says all
        if not toks:
            return []
        toks = _has_become(toks, self.text)
        negated = negation_end(toks)
        if negated is not None:
            return self.negative(toks[negated:])
        if find(toks, ("color pop",)) >= 0:
            return self.color_pop(toks)
        kept_color = self.keeps_its_color(toks)
        if kept_color is not None:
            return kept_color
        if toks[0].low in ("which", "who", "that", "and which") and len(toks) > 1 and self.ctx.last_region is not None:
            # "…, except the statue, which must stay untouched": the relative clause is about the statue
            subject = self.ctx.last_region
            pred = self.predicate(
                [Tok("it", "it", toks[0].start, toks[0].end, "word"), *toks[1:]], required=False, subject_region=subject
            )
            if pred is not None:
                return pred
        if (
            toks[0].low in ("of", "out of", "among", "of all")
            and len(toks) > 2
            and toks[1].low in ("the", "these", "those", "all", "all the", "both", "both of the", "my", "our")
        ):
            group = self.region(toks[1:])  # "Of the three vases on the shelf, recolour the middle one": a group
            if isinstance(group, PhraseRegion):  # that the next clause picks one of, no edit of its own
                self.ctx.last_target = group
                self.ctx.silent.append((self.span, group))
                return []
        if toks[0].low in ("there is", "there are", "there was", "there were") and len(toks) > 1:
            return self.frame_select("select", vocab.VERBS["select"], toks[1:])  # "There's a bike by the door."
        if toks[0].low == "with" and len(toks) > 2:
            kept = absolute_keep(toks[1:])
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
        if found is not None and not noun_use(toks, found):
            lemma, form, n = found
            verb = vocab.VERBS[lemma]
            return self.by_verb(lemma, verb, toks[n:], form.form)
        return self.verbless(toks)

    def by_verb(self, lemma: str, verb: vocab.Verb, rest: list[Tok], form: str) -> list[Clause]:
        handler: Callable[[str, vocab.Verb, list[Tok]], list[Clause]] = getattr(self, f"frame_{verb.frame}")
        if verb.needs_particle:
            taken = take_particle(rest, verb.particles)
            if taken is None and lemma == "take" and rest and rest[0].low in vocab.DETERMINERS:
                return self.frame_select("select", vocab.VERBS["select"], rest)  # "take the second runner and …"
            rest = taken
            if rest is None:
                raise NotUnderstood(f"{lemma!r} without {'/'.join(sorted(verb.particles))}")
        elif verb.particles:
            rest = take_particle(rest, verb.particles) or rest
        return handler(lemma, verb, rest)

    def color_pop(self, toks: list[Tok]) -> list[Clause]:
        """ "a colour pop on the taxi", "colour splash where only the roses stay in colour", "selective colour:
        the dress stays in colour": everything but the region goes black and white."""
        toks = [t for t in toks if t.low not in ("please", "pls", "plz")]
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
                "just",
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

    def keeps_its_color(self, toks: list[Tok]) -> list[Clause] | None:
        """ "only the neon sign should keep its colour": the black-and-white edits of the instruction leave it out."""
        words = [t.low for t in toks]
        at = next((i for i, w in enumerate(words) if i > 0 and w in ("keep", "keeps", "retain", "retains")), -1)
        if at < 0 or " ".join(words[at + 1 :]) not in (
            "its color",
            "their color",
            "their colors",
            "the color",
            "its colors",
            "its original color",
            "their original colors",
        ):
            return None
        subject = [t for t in toks[:at] if t.low not in ("only", "just") and t.low not in vocab.MODALS]
        region = self.region(subject) if subject else None
        if region is None or region == ALL:
            return None
        self.ctx.color_kept.append((region, self.span))
        self.ctx.targets.append(region)
        return []

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
                    if base_form(w) in vocab.NOT_CHANGE_VERBS or w in ("touch", "reach", "spill", "cover", "get", "go")
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
        elif toks and base_form(toks[0].low) in vocab.NOT_CHANGE_VERBS:
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
        purpose = next((i for i, w in enumerate(words) if i > 0 and w in ("so", "so that", "because", "since")), -1)
        if purpose > 0:
            # "keep grandma's face the same so she is still recognisable": the reason is no part of the region (the
            # pixels kept keep her identity too)
            self.warnings.append(f"{self.raw(rest[purpose:])!r} is read as the purpose of the keep, not as an edit")
            return self.frame_keep(lemma, verb, rest[:purpose])
        if len(words) > 2 and words[0] in ("it", "them", "this", "that") and words[1] in ("off", "away from", "out of"):
            region = self.region(rest[2:])  # "…, but keep it off the cabin roof"
            if region is not None and region != ALL:
                return [Exclusion(region, self.span)]  # type: ignore[list-item]
        if lemma == "leave" and len(words) > 1 and words[-1] == "be":
            return self.keep_region(rest[:-1])  # "leave him be"
        # A trailing state word: "unchanged", "as is", "the same", "in color", "recognisable".
        for k in range(len(rest)):
            tail = low(rest[k:])
            if tail in vocab.RECOGNIZABLE or tail in (
                "looking like herself",
                "looking like himself",
                "true to herself",
            ):
                return self.keep_region(rest[:k] or rest, identity=True)
            if k > 0 and tail in IN_COLOR:
                subject = rest[:k]
                if len(subject) > 1 and subject[-1].low in ("stay", "remain", "be"):
                    subject = subject[:-1]  # "let the scarf stay in colour"
                region = self.region(subject)
                if region is not None and region != ALL:  # colour pop: the black and white edits leave it out
                    self.ctx.color_kept.append((region, self.span))
                    self.ctx.targets.append(region)
                    return []
            if k > 0 and (
                tail in vocab.KEEP_WORDS
                or tail in ("as it is", "as they are", "as is")
                or tail in STAYING
                or re.fullmatch(r"(?:exactly |just )?(?:as|like) (?:he|she|it|they) (?:is|are|was|were)", tail)
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
        if lemma == "set" and rest[0].low in ("a", "an", "some", "two", "three", "a few", "a couple of"):
            return self.frame_add("add", vocab.VERBS["add"], rest)  # "set a vase on the table"
        at = find(rest, ("to",))
        value = re.fullmatch(r"([+-]?) ?(\d+(?:\.\d+)?) ?(%?)", low(rest[at + 1 :])) if at > 0 else None
        if lemma == "set" and value is not None and has_property(rest[:at]):
            if not value.group(1):  # "set the saturation to 50": an absolute value, which adjust cannot say
                raise FreeForm(None)
            # "set the exposure to +1": a signed value is a change by that much
            by = Tok("by", "by", rest[at].start, rest[at].end, "word")
            number = [t for t in rest[at + 1 :] if t.low not in ("+", "-")]
            verb = vocab.VERBS["increase" if value.group(1) == "+" else "decrease"]
            return self.frame_amount("increase", verb, [*rest[:at], by, *number])
        acting = caused_action(rest) if lemma in ("make", "have", "get") else None
        if acting is not None:
            subject = rest[:acting]
            return self.caused(subject[:-1] if subject[-1].low == "to" else subject, rest[acting:])
        return self.made(rest)

    def caused(self, subject: list[Tok], action: list[Tok]) -> list[Clause]:
        """ "have the chef toss the pancake": a free-form edit of the chef; "make him wear a hat" adds a hat on him."""
        region = self.region(subject)
        target = None if region == ALL else region
        thing = action[1:]
        if target is None and action[0].low == "have" and thing:
            # "make the image have a softer style", "… have less noise"
            if thing[0].low in ("less", "fewer", "no") and len(thing) > 1:
                verb = "remove" if thing[0].low == "no" else "reduce"
                return self.read([Tok(verb, verb, thing[0].start, thing[0].end, "word"), *thing[1:]], self.span)
            return self.frame_add("add", vocab.VERBS["add"], thing)
        if action[0].low in ("wear", "hold", "carry") and thing and thing[0].low in ("a", "an", "some"):
            return [self.edit("add", target, {"prompt": self.raw(thing)})]
        raise FreeForm(target)

    def frame_let(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "let the rest of the board go soft", "let the background fade to black": what it is to become."""
        if len(rest) > 1 and rest[-1].low == "be":
            return self.keep_region(rest[:-1])  # "let the boy be"
        motion = next((i for i, t in enumerate(rest) if t.low in ("roll", "drift", "creep", "spread", "settle")), -1)
        if motion > 0 and (effect := effect_noun(rest[:motion])) is not None:
            # "let fog roll over the rest", "let some mist drift in": the weather, over where it goes
            where = [t for t in rest[motion + 1 :] if t.low not in ("in", "over", "across", "into", "through")]
            region = self.region(where) if where else None
            amount = lex.BASE_ATMOSPHERE * effect[1]
            return [self.edit("atmosphere", None if region == ALL else region, {"effect": effect[0], "amount": amount})]
        at = next((i for i, t in enumerate(rest) if i > 0 and t.low in LET_VERBS), -1)
        if at < 0:
            raise FreeForm(None)
        after = rest[at + 1 :]
        if rest[at].low in ("stay", "remain") and " ".join(t.low for t in after) in IN_COLOR:
            region = self.region(rest[:at])  # "let the scarf stay in colour": a colour pop
            if region is not None and region != ALL:
                self.ctx.color_kept.append((region, self.span))
                self.ctx.targets.append(region)
                return []
        if rest[at].low in ("fade", "fall") and after and after[0].low in ("to", "into"):
            after = after[1:]  # "let the edges fade to black"
        if not after:
            raise FreeForm(self.region(rest[:at]))
        return self.made([*rest[:at], *after])

    def frame_fade(self, lemma: str, verb: vocab.Verb, rest: list[Tok]) -> list[Clause]:
        """ "fade the edges to black" is a vignette; "fade the sky to white" what it becomes; "fade the colours" less
        saturation."""
        rest = [t for t in rest if t.low not in ("out", "away")]  # "fade out the background"
        at = next((i for i, t in enumerate(rest) if i > 0 and t.low in ("to", "into")), -1)
        if at < 0:
            amount, body = trailing_amount(rest)
            words = [t.low for t in body]
            if len(body) > 3 and words[1] in ("colors", "colours", "tones") and words[2] == "of":
                body = [*body[3:], body[1]]  # "the colours of the sofa" -> "the sofa colours"
            if body and body[-1].low in ("colors", "colours", "color", "colour", "tones"):
                owner = [t for t in body[:-1] if t.low not in ("the", "all", "its")]
                return [self.adjust(self.region(owner) if owner else None, "saturation", -1, amount)]
            raise FreeForm(self.region(rest) if rest else None)
        target, after = rest[:at], rest[at + 1 :]
        if is_edges(target) and after and after[-1].low in ("black", "dark", "darkness"):
            return [self.edit("vignette", None, {"amount": 0.5})]
        return self.made([*target, *after])

    def made(self, rest: list[Tok], *, subject: Region | None = None) -> list[Clause]:
        """Pairs of (region, complement) with the region carried over when a part names none."""
        rest = without_trailing_for(rest)
        out: list[Clause] = []
        pending: list[Tok] = []
        last_region_toks: list[Tok] | None = None
        parts = split_top(rest)
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
            edges = isinstance(region, PhraseRegion) and is_edges(
                [Tok(w, w, 0, 0, "word") for w in region.text.split()]
            )
            if edges and comp.text in ("black", "dark", "darker"):
                return [self.edit("vignette", None, {"amount": comp.amount.scale(0.5)})]  # "edges fade to black"
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
        if rest and rest[-1].low in ("up", "down") and has_property(rest[:-1]):
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
        moved = position_of(rest)
        if moved is not None:  # "change the placement of the flowerpot to the left"
            try:
                return self.frame_move("move", vocab.VERBS["move"], moved)  # type: ignore[attr-defined]
            except (FreeForm, NotUnderstood):
                pass
        # Gapped pairs: "change the bus to a truck and the road to a dirt road"
        pairs = split_pairs(rest, ("to", "into", "as"))
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
        while target_toks and (
            target_toks[0].low in ("be", "match", "a more") or target_toks[0].low in vocab.DEPICTING
        ):
            target_toks = target_toks[1:]
        if low(target_toks[:2]) == "look like":
            target_toks = target_toks[2:]
        # "change the color of the car to red", "change the car's color to red", "change the sky color to blue"
        color_noun = colored_region(left)
        if color_noun is not None:
            color = color_of(target_toks, self.text)
            region_toks = color_noun
            region = self.region(region_toks) if region_toks else None
            if color is not None:
                return [self.edit(*sem.recolor_or_fill(region, color))]
        attribute = next((t.low for t in left if t.low in POSE_ATTRIBUTES), None)
        if attribute is not None:
            # "change the man's angle to face forward", "change the pose of the girl to standing": free-form, of its
            # owner; "change the position of the lamp to the left" is a move
            owner = attribute_owner(self, left)
            if attribute in ("position", "location", "placement") and owner not in (None, ALL) and right:
                moved = self.moved_to(owner, right)
                if moved is not None:
                    return moved
            raise FreeForm(owner)
        region = self.region(left) if left else None
        if target_toks and (target_toks[0].low in ACTION_VERBS or target_toks[0].low in _CHANGED_TO_DO):
            raise FreeForm(None if region == ALL else region)  # "change his outfit to include a blue shirt"
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

    def moved_to(self, owner: Region, right: list[Tok]) -> list[Clause] | None:
        """ "(change the position of the lamp) to the left / to be more central / to be beside the sofa": a move,
        or None when the words after "to" are no place."""
        place_toks = right
        if len(right) > 2 and right[0].low == "to" and right[1].low == "be":
            place_toks = right[2:]  # "to be beside the woman"
            if low(place_toks).removeprefix("more ") in ("central", "centered", "centred", "in the center"):
                return [self.edit("move", owner, {"to": "center"})]
        _, place = move_place([Tok("it", "it", right[0].start, right[0].start, "word"), *place_toks])
        if place is None:
            return None
        if "beside_toks" in place:
            beside = self.region(place.pop("beside_toks"))
            if beside is None or beside == ALL:
                return None
            place["beside"] = beside
        return [self.edit("move", owner, place)]

    # ---- clauses without a leading verb ------------------------------------------------------------------
    def verbless(self, toks: list[Tok]) -> list[Clause]:
        """ "the sky should be bluer", "more contrast", "background darker", "brighter colors", "no people"."""
        no_change = [t.low for t in toks[:3]]
        if (
            len(toks) > 3
            and no_change[0] in ("no", "without", "zero")
            and no_change[1] in ("changes", "change", "edits", "editing", "alterations", "retouching", "touching")
            and no_change[2] in ("to", "on", "of", "for")
        ):
            # "no changes to the kids' faces please": they are kept
            body = [t for t in toks[3:] if t.low not in ("please", "pls", "thanks")]
            region = self.region(body) if body else None
            if region is not None and region != ALL:
                self.ctx.targets.append(region)
                return [KeepClause(region, self.span)]
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
        parts = split_top(toks)
        if len(parts) > 1 and find(toks, (",", "+", "&", "/")) > 0:
            # "sky bluer, grass greener", "brighter eyes, whiter teeth": a list of telegraphic clauses
            out: list[Clause] = []
            silent, last_target = len(self.ctx.silent), self.ctx.last_target
            try:
                for part in parts:
                    out.extend(self.verbless(part))
                return out
            except (NotUnderstood, FreeForm):
                del self.ctx.silent[silent:]  # what a part said alone is no statement of the whole
                self.ctx.last_target = last_target
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
        # "brighter background", "blurred background", "black and white background" (never "My night shot of the
        # bridge came out upside down": a complement does not follow a possessive, nor a region hold a statement)
        owned = toks[0].low in ("my", "our", "his", "her", "their", "your", "this", "that")
        told = any(t.low in ("came", "is", "are", "was", "were", "looks", "has", "have", "got") for t in toks)
        for k in range(len(toks) - 1, 0, -1):
            if owned or told:
                break
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
        stance = next((i for i, t in enumerate(toks) if i > 1 and t.low in vocab.STANCE_VERBS), -1)
        if (
            stance > 0
            and toks[0].low in ("a", "an", "the", "our", "my", "his", "her", "their", "this", "that", "some", "two")
            and verb_at(toks[:stance], 0) is None
        ):
            region = self.region(toks[:stance])  # "A lamp post stands in the middle of the path."
            if region is not None and region != ALL:
                self.ctx.last_target = region
                self.ctx.silent.append((self.span, region))
                return []
        if toks[0].low in ("that", "this", "the", "those", "these", "my", "our") and only_region(toks):
            region = self.region(toks)  # "That yellow kayak by the rocks, could you bring it closer?"
            if region is not None and region != ALL:
                self.ctx.last_target = region
                self.ctx.silent.append((self.span, region))
                return []
        # "shadows lifted", "brightness increased a bit": a property and what happened to it
        last = verb_at(toks, len(toks) - 1)
        if last is not None and last[1].form == "ed" and has_property(toks[:-1]):
            verb = vocab.VERBS[last[0]]
            if verb.frame == "amount" and verb.sign:
                return self.frame_amount(last[0], verb, toks[:-1])
        # "open the wardrobe doors", "fold in the mirrors", "freshen it up": an unknown verb before a noun phrase
        # or a pronoun is a free-form edit of that region
        at = 2 if len(toks) > 2 and toks[1].low in PARTICLES else 1
        if (
            len(toks) > at
            and toks[0].kind == "word"
            and (vocab.close_verb(toks[0].low) is None or toks[0].low in PLAIN_VERBS)
        ):
            # (a verb close to an edit verb may be its misspelling, unless it is a plain verb of its own)
            if len(toks) > at + 1 and toks[at].low in vocab.DETERMINERS | {"his", "her", "their", "my"}:
                raise FreeForm(self.region(toks[at:]))
            if toks[at].low in ("it", "them") and all(t.low in PARTICLES for t in toks[at + 1 :]):
                raise FreeForm(self.region(toks[at : at + 1]))
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
                or tok.low in ("could use", "could do with")
                or tok.low in WISH_PHRASES
                or tok.low in ("needs", "need", "requires", "require", "lacks")
                or (tok.low in vocab.COPULAS and tok.low not in ("look", "get", "go", "turn", "feel", "be"))
                or (
                    # "the curtains look too yellow", "the walls feel a bit flat": a plural subject's state
                    tok.low in ("look", "feel")
                    and i + 1 < len(toks)
                    and (
                        toks[i + 1].low in vocab.TOO_WORDS
                        or toks[i + 1].low in vocab.DEGREE_WORDS
                        or (i > 0 and low(toks[i + 1 :]) in vocab.COMPLAINTS)  # "the eyes look dull"
                    )
                )
            ):
                marker = i
                break
        if marker < 0:
            if required:
                return self.keep_region(toks) if toks else []
            return None
        subject_toks = [t for t in toks[:marker] if t.low not in ("though", "however", "also", "too", "then")]
        while subject_toks and subject_toks[0].low == ",":
            subject_toks = subject_toks[1:]
        while subject_toks and subject_toks[-1].low == ",":
            subject_toks = subject_toks[:-1]
        if (
            len(subject_toks) > 2
            and subject_toks[-1].low == "to"
            and subject_toks[-2].low in ("have", "has", "got", "need")
        ):
            subject_toks = subject_toks[:-2]  # "my suit have to stay" (a modal the tokenizer left in two words)
        if "," in [t.low for t in subject_toks] and "and" not in [t.low for t in subject_toks]:
            subject_toks = [t for t in subject_toks if t.low != ","]  # a comma that lists nothing
        if not subject_toks:
            return None
        if verb_at(subject_toks, 0) is not None and subject_toks[0].low not in ("color", "light", "tint"):
            if not required:
                return None
        pred = toks[marker:]
        if pred[0].low in ("could use", "could do with") and len(pred) > 1:
            pred = [Tok("use", "use", pred[0].start, pred[0].end, "word"), *pred[1:]]
        wish = wish_at(pred)
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
        if (
            not negative
            and len(pred) > 1
            and pred[0].low in ("get", "have", "use", "receive", "could use", "could do with", "do with")
            and pred[1].low in ("a", "an", "some", "more", "extra")
        ):
            # "everything else can get a soft blur", "the sky could use some drama": the subject is given it
            return self.frame_give("give", vocab.VERBS["give"], [*subject_toks, *pred[1:]])
        if pred and pred[0].low in vocab.COPULAS:
            copula = pred[0].low
            pred = pred[1:]
            if pred and pred[0].low in vocab.COPULAS and copula in ("be", "is", "are"):
                pred = pred[1:]
            if copula in ("stay", "stays", "remain", "remains") and not pred and not negative:
                while subject_toks and subject_toks[-1].low in ("have", "has", "to", "need", "needs", "got", "gotta"):
                    subject_toks = subject_toks[:-1]  # "the freckles have to stay"
                subject = subject_region or (self.region(subject_toks) if subject_toks else None)
                if subject is not None and subject != ALL:
                    self.ctx.targets.append(subject)  # "…, but the trees stay": they are kept
                    return [KeepClause(subject, self.span)]
            if copula in ("stay", "remain") and subject_region is None and color_of(pred, self.text) is not None:
                subject = self.region(subject_toks)  # "the sky should stay blue": its colour is kept
                if subject is not None and subject != ALL:
                    self.ctx.color_stayed.append((subject, self.span))
                    self.ctx.targets.append(subject)
                    return []
        subject = subject_region or self.region(subject_toks)
        if subject is None:
            return None
        if negative:
            # "the face should not change", "the sky must not be touched"
            if subject == ALL:
                return None
            if statement and pred and pred[0].low not in _UNTOUCHED:
                return None  # "she isn't the best at photoshop", "the lamp isn't great": said of it, nothing kept
            self.ctx.targets.append(subject)
            return [KeepClause(subject, self.span)]
        if not pred:
            return [KeepClause(subject, self.span)] if subject != ALL and required else None
        pwords = " ".join(t.low for t in pred)
        if re.fullmatch(r"as (?:he|she|it|they|i|we) (?:is|are|was|were|am)", pwords):
            if subject == ALL:
                return None
            self.ctx.targets.append(subject)
            return [KeepClause(subject, self.span)]
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
        if pred and pred[0].low in vocab.TOO_WORDS and low(pred[1:]) in vocab.COMPLAINTS:
            prop, sign = vocab.COMPLAINTS[low(pred[1:])]  # "the sky looks too grey": more of what it lacks
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
        parts = [p.strip() for p in re.split(r"\band\b|,", pwords.removeprefix("exactly ")) if p.strip()]
        if (parts and all(p in vocab.KEEP_WORDS or p in STAYING for p in parts)) or pwords in vocab.KEEP_WORDS:
            # "the fence should stay where it is and look the same", "the words must stay readable and unchanged"
            if subject == ALL:
                return None
            self.ctx.targets.append(subject)  # "the door stays untouched; the rest gets a snowy look"
            return [KeepClause(subject, self.span)]
        if (
            pred[0].low in ("become", "turn into", "turned into", "turn", "change into", "changed into")
            and len(pred) > 1
        ):
            target = pred[1:] if pred[1].low not in ("into", "to") else pred[2:]
            try:  # "the plastic chairs should become wooden stools"
                return [self.edit(*sem.change_into(None if subject == ALL else subject, self.raw(target)))]
            except NotUnderstood:
                raise FreeForm(subject) from None
        if toks[marker].low in ("gets", "get", "receives", "receive") and pred and pred[0].low in ("a", "an", "some"):
            # "the rest of the house gets a night-time look": the subject is given it
            return self.frame_give("give", vocab.VERBS["give"], [*subject_toks, *pred])
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
        if comp is not None and comp.kind == "color" and toks[marker].low in ("stay", "stays", "remain", "remains"):
            # "the lemons stay yellow": their colour is kept (a colour pop), not painted
            if subject != ALL:
                self.ctx.color_stayed.append((subject, self.span))
                self.ctx.targets.append(subject)
            return []
        if statement and not required:
            # "the dog looks dull", "the sky is boring": a statement about the picture, not a request; a complaint
            # asks for the opposite, anything else names what "it" will mean next
            hedged = pwords
            while (first := next((h for h in HEDGES if hedged.startswith(h + " ")), None)) is not None:
                hedged = hedged[len(first) + 1 :]  # "kinda flat", "a bit dull", "really washed out"
            complaint = vocab.COMPLAINTS.get(hedged)
            self.ctx.last_target = subject
            if complaint is not None and toks[marker].low not in ("stays", "stay", "remains", "remain"):
                prop, sign = complaint
                if prop == "contrast" and low(subject_toks).split()[-1] in ("colors", "color", "tones", "colouring"):
                    prop = "saturation"  # flat or muddy colours lack saturation; a flat picture lacks contrast
                step = self.adjust(None if subject == ALL else subject, prop, -sign, Amount())
                self.complaints.append(step)
                return [step]
            if comp is not None and comp.kind == "adjust" and is_comparative(pred):
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
        parts = split_top(toks)
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
            place = move_place(part)
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
        pairs = split_pairs([t for t in toks if t.low not in (",",)], vocab.PREPOSITIONS, optional=True)
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
        trailing, body = trailing_amount(body)
        if body and body[-1].low in ("up", "down", "+", "-"):
            if body[-1].low in ("down", "-"):
                sign = -sign
            body = body[:-1]
        elif len(body) > 1 and (found := verb_at(body, len(body) - 1)) is not None and found[1].form == "ed":
            verb = vocab.VERBS[found[0]]  # "shadows lifted", "contrast reduced"
            if verb.frame == "amount" and verb.sign:
                sign, body = sign * verb.sign, body[:-1]
        if trailing.seen:
            body = [*body, *amount_tokens(trailing, body)]
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
        tone = color_tone(body)
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
        if len(body) >= 2 and body[-1].low in ("off", "out", "gone", "away") and defect_kind(body[:-1]) is not None:
            return [self.edit("enhance", ALL, {"kind": defect_kind(body[:-1])})]
        # "a bluer sky", "brighter eyes": a comparative before its region
        if len(body) >= 2 and not has_property(body):
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
        effect = effect_noun(body)
        if effect is not None and len(body) <= 4:
            amount, _ = take_amount(body, adjectives=True)
            value = amount.scale(lex.BASE_ATMOSPHERE) * effect[1]
            return [self.edit("atmosphere", None, {"effect": effect[0], "amount": round(min(1.0, value), 4)})]
        return None


__all__ = ["IMAGE_NOUNS", "FrameReader", "FreeForm", "split_list", "verb_at"]
