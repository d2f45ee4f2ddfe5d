"""Conditions: "if there is a dog", "if there are no people in the photo", "when the photo is too dark",
"if the image has a sky", "unless the dog is visible", "if it is dark and there is a person"."""

from __future__ import annotations

from editree.ops import ALL, PhraseRegion, Region
from editree.ops.conditions import AndCond, Cond, Exists, ImageIs, NotCond, OrCond
from editree.planner import lexicon_en as lex
from editree.planner.en.nouns import Context, region_of
from editree.planner.en.phrases import verb_at
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

IF_WORDS = frozenset({"if", "when", "whenever", "in case", "provided", "provided that", "assuming", "where", "once"})
UNLESS_WORDS = frozenset({"unless"})
ELSE_WORDS = frozenset(
    {
        "otherwise",
        "else",
        "or else",
        "if not",
        "if not so",
        "if there is none",
        "if there are none",
        "if there is not",
        "if there are not",
        "if none",
        "if no",
        "in any other case",
        "failing that",
    }
)
COURTESY_IFS = frozenset(
    {
        "if possible",
        "if you can",
        "if desired",
        "if needed",
        "if necessary",
        "if you want",
        "if you like",
        "if it helps",
        "if you could",
        "where needed",
        "as needed",
        "where possible",
        "if required",
        "if appropriate",
        "when possible",
        "if applicable",
    }
)
_IMAGE_SUBJECTS = ("it", "this", "image", "photo", "photograph", "picture", "shot", "scene", "pic", "frame", "lighting")
_PRESENT = frozenset(
    {
        "present",
        "visible",
        "there",
        "in the image",
        "in the photo",
        "in the picture",
        "in the shot",
        "in the frame",
        "in the scene",
        "in view",
        "shown",
        "seen",
        "in it",
        "in there",
    }
)


def _words(toks: list[Tok]) -> list[str]:
    return [t.low for t in toks]


def parse_condition(
    toks: list[Tok], ctx: Context, previous: Region | None = None, *, negated: bool = False
) -> tuple[Cond, int]:
    """(condition, tokens used) from the tokens after "if"; the rest (if any) starts the branch.

    previous: the region of the clause before, for elliptical conditions ("remove whoever stands in the doorway,
    if anybody is"; "add a rainbow unless there's one already").
    negated: the condition follows "unless" (its branch runs when the condition is false)."""
    words = [t.low for t in toks]
    elliptical = _elliptical(words)
    if elliptical is not None and "one" in " ".join(words) and ctx.last_prompt:
        previous = PhraseRegion(text=ctx.last_prompt)  # "add a rainbow unless there's one already"
    if elliptical is not None and previous is not None and previous != ALL:
        cond: Cond = Exists(region=previous)
        return (NotCond(cond=cond) if elliptical else cond), len(toks)
    conds: list[Cond] = []
    joiner: str | None = None
    i = 0
    while True:
        cond, used = _atom(toks[i:], ctx, negated)
        conds.append(cond)
        i += used
        if i < len(toks) and toks[i].low in ("and", "or") and i + 1 < len(toks) and _starts_condition(toks[i + 1 :]):
            if joiner is not None and joiner != toks[i].low:
                raise NotUnderstood("conditions mixing 'and' and 'or' need parentheses")
            joiner = toks[i].low
            i += 1
            continue
        break
    if len(conds) == 1:
        return conds[0], i
    return (AndCond(conds=tuple(conds)) if joiner == "and" else OrCond(conds=tuple(conds))), i


def _elliptical(words: list[str]) -> bool | None:
    """True for a negative elliptical condition ("there is none"), False for a positive one ("anybody is"), None
    when the words name their own region."""
    words = [w for w in words if w not in ("already", "yet", "still", "in the photo", "in the image")]
    joined = " ".join(words)
    if joined in (
        "anybody is",
        "anyone is",
        "somebody is",
        "someone is",
        "there is anybody",
        "there is anyone",
        "there is one",
        "there are some",
        "there are any",
        "any",
        "so",
        "there is any",
        "one is there",
        "it is there",
        "they are there",
        "there are",
        "there is",
    ):
        return False
    if joined in ("there is one", "there is one there"):
        return False
    return None


def _starts_condition(toks: list[Tok]) -> bool:
    words = _words(toks[:3])
    return bool(words) and (
        words[0] in ("there is", "there are", "it", "this", "the", "there", "you", "no", "any")
        or words[0] in _IMAGE_SUBJECTS
    )


def _atom(toks: list[Tok], ctx: Context, negated: bool = False) -> tuple[Cond, int]:
    words = _words(toks)
    if not words:
        raise NotUnderstood("if what?")
    # "there is (no) X", "there are not any X", "there isn't a X"
    if words[0] in ("there is", "there are", "there was", "there were") or words[:2] in (
        ["there", "is"],
        ["there", "are"],
    ):
        start = 1 if words[0].startswith("there ") else 2
        negative = False
        while start < len(words) and words[start] in ("no", "not", "any", "a", "an", "some", "only"):
            negative = negative or words[start] in ("no", "not")
            start += 1
        if words[start : start + 3] in (["at", "least", "one"], ["one", "or", "more"]):
            start += 3  # "if there is at least one dog": whether there is a dog
        end = _noun_end(toks, start)
        region = region_of(toks[start:end], ctx)
        if region is None:
            raise NotUnderstood("there is what?")
        cond: Cond = Exists(region=region)
        if not negative:
            ctx.last_target = region
        return (NotCond(cond=cond) if negative else cond), end
    # "you see a dog", "you can see a dog"
    if words[0] == "you" and len(words) > 2 and words[1] in ("see", "can", "find"):
        start = 2 if words[1] != "can" else 3
        while start < len(words) and words[start] in ("a", "an", "any", "some"):
            start += 1
        end = _noun_end(toks, start)
        region = region_of(toks[start:end], ctx)
        if region is None:
            raise NotUnderstood("see what?")
        ctx.last_target = region
        return Exists(region=region), end
    # "the photo has (no) X", "the image contains a sky", "it shows people", "the photo does not have a sky"
    for k in range(1, min(4, len(words))):
        subject = " ".join(w for w in words[:k] if w not in ("the", "this", "my", "your", "our"))
        if words[:k] == ["this"]:
            subject = "this"  # "if this is a vertical shot"
        if subject not in _IMAGE_SUBJECTS:
            continue
        verb = words[k] if k < len(words) else ""
        negative = False
        start = k + 1
        if verb in ("does", "do") and k + 2 < len(words) and words[k + 1] == "not":
            negative, verb, start = True, words[k + 2], k + 3
        if verb in ("has", "have", "contains", "contain", "shows", "show", "includes", "include", "features"):
            while start < len(words) and words[start] in ("no", "not", "any", "a", "an", "some"):
                negative = negative or words[start] in ("no", "not")
                start += 1
            end = _noun_end(toks, start)
            region = region_of(toks[start:end], ctx)
            if region is None:
                raise NotUnderstood("has what?")
            if not negative:
                ctx.last_target = region
            cond = Exists(region=region)
            return (NotCond(cond=cond) if negative else cond), end
        if verb in ("is", "looks", "seems", "appears", "are", "look", "seem", "appear", "gets"):
            rest = words[start:]
            negative = bool(rest) and rest[0] == "not"
            rest = rest[1:] if negative else rest
            used = start + (1 if negative else 0)
            while rest and rest[0] in (
                "too",
                "very",
                "quite",
                "rather",
                "a",
                "an",
                "kind",
                "of",
                "kind of",
                "a bit",
                "a little",
                "somewhat",
                "really",
                "slightly",
                "overly",
                "pretty",
                "fairly",
            ):
                rest, used = rest[1:], used + 1
            prop, n = _image_property(rest)
            if prop is not None:
                cond = ImageIs(property=prop)
                return (NotCond(cond=cond) if negative else cond), used + n
    held = _held(toks, words, ctx, negated)
    if held is not None:
        return held
    # "X is present", "the dog is in the photo", "any people are visible", "X is not visible", "X appears"
    for k in range(1, len(words)):
        if words[k] in ("is", "are", "appears", "appear", "exists", "exist", "shows up", "show"):
            rest = words[k + 1 :]
            negative = bool(rest) and rest[0] == "not"
            if negative:
                rest = rest[1:]
            phrase = " ".join(rest[:3])
            present = next((p for p in sorted(_PRESENT, key=len, reverse=True) if phrase.startswith(p)), None)
            at = k + 1 + (1 if negative else 0)  # where "is (not)" ends
            place_end = None
            if present is None and words[k] in ("is", "are") and rest and rest[0] in PLACE_WORDS:
                # "if nobody is in the pool", "if the cat is on the sofa": whether it is there
                place_end = _noun_end(toks, at + 1)
                if place_end <= at + 1:
                    place_end = None
            if present is None and place_end is None and words[k] not in ("appears", "appear", "exists", "exist"):
                continue
            subject = [t for t in toks[:k] if t.low not in ("any", "a", "an")]
            if subject and subject[0].low in ("nobody", "no one", "no", "none", "noone"):
                # "if nobody is in the picture", "if no people are visible"
                negative = not negative
                if len(subject) == 1 or [t.low for t in subject[1:]] in (["one"], ["body"]):  # "no one", "no body"
                    subject = [Tok("people", "people", subject[0].start, subject[-1].end, "word")]
                else:
                    subject = subject[1:]
                if subject[0].low == "of":
                    subject = subject[1:]
            region = region_of(subject, ctx)
            if region is None:
                raise NotUnderstood("what is present?")
            nobody = bool(subject) and subject[0].low == "people" and words[0] in NOBODY | {"no"}
            there = region_of(toks[at + 1 : place_end], ctx) if place_end is not None and nobody else None
            if negative != negated and there is not None and there != ALL:
                ctx.last_target = there  # "if nobody is in the pool, put a duck in it": it is the pool
                ctx.antecedent_from_condition = True
            elif not negative:
                ctx.last_target = region
            used = place_end if place_end is not None else at + (len(present.split()) if present else 0)
            cond = Exists(region=region)
            return (NotCond(cond=cond) if negative else cond), used
        if verb_at(toks, k) is not None and k > 0:
            break
    raise NotUnderstood(f"cannot read the condition {' '.join(words)!r}")


HOLD_VERBS = frozenset({"has", "have", "wears", "wear", "holds", "hold", "carries", "carry", "got"})
HOLDING = frozenset({"wearing", "holding", "carrying", "having"})
NOBODY = frozenset({"nobody", "no one", "noone", "none"})
SOMEBODY = frozenset({"somebody", "someone", "anybody", "anyone"})


def _held(toks: list[Tok], words: list[str], ctx: Context, negated: bool) -> tuple[Cond, int] | None:
    """ "the car already has roof racks", "the kid isn't wearing a helmet": whether the thing held is there;
    "no one is sitting on the bench", "the dog is sleeping": whether the one doing it is there."""
    for k in range(1, min(7, len(words))):
        j, negative = k, False
        if words[j] in ("does", "do") and j + 2 < len(words) and words[j + 1] == "not":
            j, negative = j + 2, True
        progressive = words[j] in ("is", "are")
        if progressive:
            j += 1
            if j < len(words) and words[j] == "not":
                j, negative = j + 1, True
            if j >= len(words) or not words[j].endswith("ing"):
                continue
        elif words[j] not in HOLD_VERBS:
            if verb_at(toks, k) is not None:
                return None
            continue
        subject = [t for t in toks[:k] if t.low not in ("already", "still", "currently", "a", "an", "any")]
        if not subject or (subject[0].low in _IMAGE_SUBJECTS and len(subject) == 1):
            return None
        said = " ".join(t.low for t in subject)
        if said in ("no one", "no body", "no person"):
            subject = [Tok("nobody", "nobody", subject[0].start, subject[-1].end, "word")]
        if words[j] in HOLD_VERBS or words[j] in HOLDING:
            owner = region_of(subject, ctx)
            start = j + 1
            while start < len(words) and words[start] in ("no", "not", "any", "a", "an", "some", "on", "already"):
                negative = negative or words[start] == "no"
                start += 1
            end = _noun_end(toks, start)
            region = region_of(toks[start:end], ctx)
            if region is None or region == ALL:
                return None
            # "if she wears glasses, remove them": them is the glasses; "unless the car has roof racks, add skis on
            # top of it": it is the car
            absent = negative != negated  # the branch runs when the thing is not there
            ctx.last_target = owner if absent and owner is not None and owner != ALL else region
            ctx.antecedent_from_condition = True
            cond: Cond = Exists(region=region)
            return (NotCond(cond=cond) if negative else cond), end
        # a doing: "nobody is sitting on the bench", "someone is standing in the doorway"
        end = _noun_end(toks, j + 1)
        if subject[0].low in NOBODY or subject[0].low in SOMEBODY:
            negative = negative != (subject[0].low in NOBODY)
            region: Region | None = PhraseRegion(text="person")
        else:
            region = region_of(subject, ctx)
        if region is None or region == ALL:
            return None
        place = toks[j + 2 : end] if j + 2 < end and toks[j + 1].low in PLACE_WORDS else []
        there = region_of(place, ctx) if place else None
        absent = negative != negated
        if absent and there is not None and there != ALL:
            ctx.last_target = there  # "if nobody is sitting on the bench, put a cat on it": it is the bench
            ctx.antecedent_from_condition = True
        elif not negative:
            ctx.last_target = region
        cond = Exists(region=region)
        return (NotCond(cond=cond) if negative else cond), end
    return None


PLACE_WORDS = frozenset({"on", "in", "at", "by", "near", "under", "beside", "next to", "inside", "behind"})


def _image_property(words: list[str]) -> tuple[str | None, int]:
    if words[:1] == ["in"] and len(words) >= 3 and words[-1] in ("orientation", "mode", "format", "layout"):
        words = words[1:-1]  # "in portrait orientation"
    for n in (4, 3, 2, 1):
        phrase = " ".join(words[:n])
        phrase = phrase.removeprefix("a ").removeprefix("an ").removeprefix("the ")
        for suffix in (" photo", " shot", " image", " picture"):
            phrase = phrase.removesuffix(suffix)
        if phrase in lex.IMAGE_PROPERTIES:
            return lex.IMAGE_PROPERTIES[phrase], n
        if phrase in (
            "black and white",
            "too dark",
            "too bright",
            "night",
            "nighttime",
            "low light",
            "dull",
            "washed out",
            "noisy",
            "grainy",
            "hazy",
            "foggy",
        ):
            mapped = {
                "black and white": "grayscale",
                "too dark": "dark",
                "too bright": "bright",
                "night": "dark",
                "nighttime": "dark",
                "low light": "dark",
                "dull": "dark",
                "washed out": "bright",
                "noisy": None,
                "grainy": None,
                "hazy": None,
                "foggy": None,
            }[phrase]
            if mapped is not None:
                return mapped, n
    return None, 0


def _noun_end(toks: list[Tok], start: int) -> int:
    """Where the condition's noun phrase ends: at a comma, "then", a verb, "and"/"or" + a new condition."""
    for i in range(start, len(toks)):
        low = toks[i].low
        if toks[i].kind == "punct" or low in ("then", "so"):
            return i
        if low in ("and", "or") and i + 1 < len(toks) and _starts_condition(toks[i + 1 :]):
            return i
        if i > start and verb_at(toks, i) is not None and low not in ("light", "color", "colour", "paint", "set"):
            if (i + 1 == len(toks) or toks[i + 1].low == ",") and toks[i - 1].kind == "word":
                continue  # "if there's a dog in the back seat, …": a noun that is also a verb, at the phrase's end
            return i
    return len(toks)
