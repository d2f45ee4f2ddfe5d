"""Token-level readers the frames share: where a verb starts and whether a word is one, the parts of a
list, the property a phrase names, a colour's tone, an image defect, an effect noun, a wish, an exclusion.

They read tokens and return tokens or small values; the frames (frames.py and the *_frames.py modules)
decide what they mean for the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editree.ops import ALL, Region
from editree.planner import lexicon_en as lex
from editree.planner.en import vocab
from editree.planner.en.amounts import Amount, take_amount
from editree.planner.en.nouns import strip_fillers
from editree.planner.en.tokens import Tok

if TYPE_CHECKING:
    from editree.planner.en.frames import FrameReader

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


# ---- token helpers --------------------------------------------------------------------------------------
def strip_punct(toks: list[Tok]) -> list[Tok]:
    while toks and toks[-1].kind == "punct" and toks[-1].low not in (")", "]", "%"):
        toks = toks[:-1]
    while toks and toks[0].kind == "punct" and toks[0].low not in ("(", "["):
        toks = toks[1:]
    return toks


def negation_end(toks: list[Tok]) -> int | None:
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


def noun_use(toks: list[Tok], found: tuple[str, vocab.VerbForm, int]) -> bool:
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
    if lemma in ("fix", "correct", "improve", "repair", "restore", "tweak") and nxt in vocab.PROPERTY_NOUNS:
        return False  # "fix colors", "correct exposure": never a modifier of the property, always the request
    if nxt in vocab.PROPERTY_NOUNS or nxt in ("and", ",", "effect", "balance", "temperature", "filter", "tone"):
        return True
    return (
        word in ("light", "tone", "scale", "level", "frame", "color", "colour", "balance")
        and nxt not in lex.COLOR_NAMES
    )


def take_particle(rest: list[Tok], particles: frozenset[str]) -> list[Tok] | None:
    """Remove the verb's particle, next to it or after the object ("take the car out of the photo")."""
    for i, tok in enumerate(rest):
        if tok.low in particles:
            return [*rest[:i], *rest[i + 1 :]]
        if tok.low == "out of" and "out" in particles:
            return [*rest[:i], Tok("from", "from", tok.start, tok.end, "word"), *rest[i + 1 :]]
    return None


def drop_particles(
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


def amount_tokens(amount: Amount, body: list[Tok]) -> list[Tok]:
    """Tokens that say `amount` again, for a part whose trailing amount was taken off to read it."""
    at = body[-1].end if body else 0
    for word, factor in vocab.DEGREE_WORDS.items():
        if factor == amount.factor and word not in vocab.ADJECTIVE_DEGREES and " " not in word:
            return [Tok(word, word, at, at, "word")]
    return []


def trailing_amount(toks: list[Tok]) -> tuple[Amount, list[Tok]]:
    """An amount said once at the end ("… and red tone slightly"), shared by every part before it."""
    for k in range(len(toks)):
        tail = toks[k:]
        amount, rest = take_amount(tail)
        if amount.seen and not rest and (k == 0 or toks[k - 1].low not in ("by", "a")):
            return amount, toks[:k]
    return Amount(), toks


def split_top(toks: list[Tok]) -> list[list[Tok]]:
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


def split_pairs(
    toks: list[Tok], preps: frozenset[str] | tuple[str, ...] | set[str], *, optional: bool = False
) -> list[tuple[list[Tok], list[Tok]]]:
    """ "A with B and C with D" -> [(A, [with, B]), (C, [with, D])]; parts without the preposition join the
    part before (a list inside B) or, with `optional`, stand alone ("add a hat and a scarf to the dog")."""
    parts = split_top(toks)
    pairs: list[tuple[list[Tok], list[Tok]]] = []
    pending: list[Tok] = []
    for part in parts:
        at = find(part, preps, 1) if part else -1
        if at > 0:
            left = [*pending, *(and_token(pending)), *part[:at]] if pending else part[:at]
            pairs.append((left, part[at:]))
            pending = []
        elif pairs and not optional:
            left, right = pairs[-1]
            pairs[-1] = (left, [*right, *and_token(right), *part])
        else:
            pending = [*pending, *and_token(pending), *part] if pending else list(part)
    if pending:
        if optional:
            if pairs and not pairs[-1][1]:
                pairs.append((pending, []))
            elif pairs:
                left, right = pairs[-1]
                pairs[-1] = (left, [*right, *and_token(right), *pending])
            else:
                pairs.append((pending, []))
        elif pairs:
            left, right = pairs[-1]
            pairs[-1] = (left, [*right, *and_token(right), *pending])
    return pairs


def and_token(before: list[Tok]) -> list[Tok]:
    if not before:
        return []
    return [Tok("and", "and", before[-1].end, before[-1].end, "word")]


def last_top(toks: list[Tok], words: tuple[str, ...]) -> int:
    for i in range(len(toks) - 1, 0, -1):
        if toks[i].low in words:
            return i
    return -1


def property_in(toks: list[Tok]) -> tuple[str, int, list[Tok], list[Tok]] | None:
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


def has_property(toks: list[Tok]) -> bool:
    return property_in(toks) is not None


def color_tone(toks: list[Tok]) -> tuple[str, int, list[Tok]] | None:
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


def colored_region(toks: list[Tok]) -> list[Tok] | None:
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


def defect_kind(toks: list[Tok]) -> str | None:
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


def effect_noun(toks: list[Tok]) -> tuple[str, float] | None:
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


def looks_like_object(words: list[str]) -> bool:
    """ "add a light" is a lamp; "add light" is brightness."""
    return bool(words) and words[0] in ("lamp", "bulb")


def look_adjustments(toks: list[Tok]) -> list[tuple[str, int, Amount]] | None:
    """ "a high-contrast and high-saturation look", "a brighter, warmer look" -> adjust items."""
    items: list[tuple[str, int, Amount]] = []
    for part in split_top([t for t in toks if t.low not in ("a", "an", "the")]):
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


def base_form(word: str) -> str:
    """ "touching" -> "touch", "altered" -> "alter", "changing" -> "change" (for the small closed lists)."""
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in vocab.NOT_CHANGE_VERBS:
                return stem
    return word


def is_comparative(toks: list[Tok]) -> bool:
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


def wish_at(pred: list[Tok]) -> int:
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


def without_trailing_for(toks: list[Tok]) -> list[Tok]:
    """ "bluer and hazier for depth", "brighter for the listing": what the change is for, not where."""
    for i in range(max(1, len(toks) - 5), len(toks)):
        if toks[i].low == "for" and i + 1 < len(toks):
            return toks[:i]
    return toks


def in_focus(toks: list[Tok]) -> list[Tok] | None:
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


def only_region(toks: list[Tok]) -> bool:
    """True when the tokens name a thing and nothing else: no verb, property, degree or colour after the noun."""
    return not any(
        verb_at(toks, i) is not None or t.low in vocab.PROPERTY_NOUNS or t.low in vocab.COMPARATIVES
        for i, t in enumerate(toks)
        if i > 0
    )


def attribute_owner(reader: FrameReader, toks: list[Tok]) -> Region | None:
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


def is_edges(toks: list[Tok]) -> bool:
    words = [t.low for t in strip_fillers(toks) if t.low not in ("the", "all", "four", "its")]
    if len(words) > 2 and words[-2] == "of" and words[-1] in ("photo", "picture", "image", "shot", "frame", "pic"):
        words = words[:-2]  # "the edges of the photo"
    return bool(words) and all(
        w in ("corners", "edges", "borders", "corner", "edge", "and", ",", "sides") for w in words
    )


def absolute_keep(toks: list[Tok]) -> list[Tok] | None:
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


def give_split(rest: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
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


def is_scene(toks: list[Tok]) -> bool:
    words = [t.low for t in toks]
    return bool(words) and words[-1] in SCENE_NOUNS


def sides_named(text: str) -> tuple[str, ...]:
    """Every side the words name ("on the left and right" is both), else both sides or all four."""
    named = tuple(
        side
        for side, pattern in (
            ("left", r"left"),
            ("right", r"right"),
            ("top", r"top|upward|above"),
            ("bottom", r"bottom|downward|below"),
        )
        if re.search(pattern, text)
    )
    if named:
        return named
    if re.search(r"sides", text) and not re.search(r"all|every", text):
        return ("left", "right")
    return ("left", "right", "top", "bottom")


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
