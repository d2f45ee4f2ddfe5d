"""What a region is made into: the complement of "make X …", "X should be …", "turn X …", "I want X …".

A complement is read from the right end of a clause: "make the red car blue" is (the red car) + (blue),
"make the sky a bit bluer" is (the sky) + (a bit bluer). `split_complement` finds the longest tail of
tokens that reads as a complement and leaves the rest as the region; what no reading covers becomes a
free-form edit of that region ("make the left person smile").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.en import vocab
from editree.planner.en.amounts import Amount, take_amount
from editree.planner.en.tokens import Tok

COLOR_MODIFIERS = frozenset(
    """
light dark bright pale deep navy sky baby royal hot neon pastel vivid rich soft warm cool muted dusty metallic
warmer cooler heather pure plain solid flat
electric forest lime olive mint emerald ruby cherry blood lemon golden dull matte glossy shiny autumn fall
burnt sunset ocean sea ice icy fire candy mustard chocolate coffee cream off dusky smoky darker lighter brighter
deeper paler richer softer
""".split()
)
COLORS = lex.COLOR_NAMES | frozenset(
    """
burgundy mauve coral salmon mint indigo emerald ruby amber rust mustard peach plum wine scarlet rose fuchsia aqua
aquamarine azure cobalt sapphire chartreuse ochre sienna umber taupe sand lilac periwinkle jade burgundy cerulean
vermilion mahogany chestnut caramel honey champagne pearl platinum gunmetal slate ebony jet heather oatmeal
""".split()
)
BLUE_ONLY_MODIFIERS = frozenset({"sky", "navy", "baby", "royal", "electric"})
STYLE_SUFFIXES = frozenset(
    {
        "style",
        "filter",
        "look",
        "effect",
        "version",
        "image",
        "photo",
        "picture",
        "tone",
        "tones",
        "toned",
        "aesthetic",
        "vibe",
        "feel",
        "finish",
        "theme",
        "mode",
        "grade",
        "rendering",
        "art",
        "artwork",
        "painting",
    }
)


NP_STARTS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "them",
        "him",
        "her",
        "his",
        "its",
        "their",
        "my",
        "our",
        "your",
        "everything",
        "all",
        "every",
        "each",
        "both",
        "me",
        "us",
        "some",
        "any",
        "he",
        "she",
        "they",
        "everyone",
    }
)
PERSONISH = lex.PERSON_NOUNS


@dataclass
class Complement:
    """One reading of a complement: what the frame turns into an op."""

    kind: str
    """adjust | style | color | effect | blur | remove | keep | scale | change | like | verb"""
    items: list[tuple[str, int, Amount]] = field(default_factory=list)
    """adjust: (property, sign, amount) per comparative ("warmer, brighter and more saturated")."""
    text: str = ""
    """style/color/change/like/verb: the words, as written where they go to a model."""
    effect: str | None = None
    amount: Amount = field(default_factory=Amount)
    args: dict[str, Any] = field(default_factory=dict)


def _low(toks: list[Tok]) -> str:
    return " ".join(t.low for t in toks)


def raw(text: str, toks: list[Tok]) -> str:
    """The words as written, from the first token's start to the last token's end, without quotes."""
    if not toks:
        return ""
    return text[toks[0].start : toks[-1].end].strip().strip("\"'“”‘’").strip()


def color_of(toks: list[Tok], text: str) -> str | None:
    """ "blue", "light blue", "a bright shade of blue", "navy-blue", "#ff8800", "blue color" -> the colour words."""
    words = [t for t in toks if t.low not in ("a", "an", "the", "to", "into", "in", "as", "some")]
    if words and words[-1].low in ("color", "colour", "colored", "coloured", "tone", "hue", "shade", "paint"):
        words = words[:-1]
    if len(words) >= 3 and words[-2].low == "of" and words[-3].low in ("shade", "tone", "hue", "color", "colour"):
        words = [*words[:-3], words[-1]]  # "a bright shade of blue" -> "bright blue"
    if not words or len(words) > 3:
        return None
    if len(words) == 1 and words[0].kind == "hex":
        return words[0].low
    names = [w.low for w in words]
    parts = names[-1].split("-")
    if parts[-1] not in COLORS or any(p not in COLORS and p not in COLOR_MODIFIERS for p in parts):
        return None  # "mustard-yellow", "blue-green", "off-white" are colours; "sky-high" is not
    for i, w in enumerate(names[:-1]):
        if w in BLUE_ONLY_MODIFIERS and names[i + 1] != "blue":
            return None  # "sky blue" is a colour, "sky pink" is a sky and a colour
        if w not in COLORS and w not in COLOR_MODIFIERS and w not in ("and", "ish"):
            return None
    return " ".join(names)


def _adjust_items(toks: list[Tok]) -> list[tuple[str, int, Amount]] | None:
    """ "warmer", "a bit brighter and more saturated", "less yellow", "30% brighter", "more vivid" -> adjust items,
    or None when the tokens are not (only) comparatives."""
    items: list[tuple[str, int, Amount]] = []
    for part in _list_parts(toks):
        amount, rest = take_amount(part)
        words = [t.low for t in rest]
        if not words:
            return None
        less = False
        if words[0] in ("more", "less", "extra", "slightly", "even") and len(words) >= 2:
            if words[0] == "less":
                less = True
            if words[0] in ("more", "less"):
                phrase = " ".join(words)
                if phrase in vocab.COMPARATIVES:
                    prop, sign = vocab.COMPARATIVES[phrase]
                    items.append((prop, -sign if amount.less else sign, amount))
                    continue
            words = words[1:]
        phrase = " ".join(words)
        if phrase in vocab.COMPARATIVES:
            prop, sign = vocab.COMPARATIVES[phrase]
        elif (less or amount.less) and phrase in vocab.COLOR_TONES:  # "a little less yellow"
            prop, sign = vocab.COLOR_TONES[phrase]
        elif phrase in ("hazy", "foggy", "misty", "grainy", "noisy") and (less or amount.less):
            return None
        elif phrase in vocab.PROPERTY_ADJECTIVES:
            prop, sign = vocab.PROPERTY_ADJECTIVES[phrase]
        elif len(words) == 2 and words[1] in ("colors", "colours", "tones") and words[0] in vocab.PROPERTY_ADJECTIVES:
            prop, sign = vocab.PROPERTY_ADJECTIVES[words[0]]  # "brighter colors"
        else:
            return None
        if less:
            sign = -sign  # ("a lot less orange": the amount's own "less" is applied where the step is made)
        items.append((prop, sign, amount))
    return items or None


def _list_parts(toks: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.low in ("and", ",", "&", "+", "/", "but", "yet", "while", "as well as", "plus") and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


@lru_cache(maxsize=512)
def _adjusting_participle(word: str) -> tuple[str, int] | None:
    """ "desaturated" -> (saturation, -1): the past participle of a verb that adjusts one property."""
    form = vocab.verb_forms().get(word)
    if form is None or form.form != "ed":
        return None
    verb = vocab.VERBS[form.lemma]
    return (verb.prop, verb.sign) if verb.frame == "adjust" and verb.prop else None


def read_complement(toks: list[Tok], text: str) -> Complement | None:
    """The complement `toks` spell, or None when they are not one (then they belong to the region)."""
    if not toks:
        return None
    words = [t.low for t in toks]
    first = words[0]
    joined = " ".join(words)
    # "look like a painting", "appear brighter", "seem as if it was night"
    if first in vocab.LOOK_VERBS or first in ("look like", "looks like"):
        rest = toks[1:]
        if rest and rest[0].low in ("like", "as if", "as though", "as", "more like"):
            rest = rest[1:]
            if rest and rest[0].low in ("it", "they") and len(rest) > 2 and rest[1].low in ("is", "was", "were"):
                rest = rest[2:]
        inner = read_complement(rest, text) if rest else None
        if inner is not None and inner.kind in ("adjust", "style", "effect", "blur", "color", "enhance"):
            return inner
        return Complement("like", text=raw(text, rest)) if rest else None
    if first in ("a", "an") and color_of(toks, text) is not None:
        return Complement("color", text=color_of(toks, text) or "")  # "a darker shade of green"
    if first in ("into", "to", "as", "a", "an") and len(toks) > 1:
        inner_toks = toks[1:] if first in ("into", "to", "as") else toks
        if inner_toks and inner_toks[0].low == "be":  # "change it to be brighter"
            inner = read_complement(inner_toks[1:], text)
            if inner is not None:
                return inner
        inner = read_complement(inner_toks, text) if first in ("into", "to", "as") else None
        if inner is not None and inner.kind != "verb":
            return inner
        return Complement("change", text=raw(text, inner_toks))
    if first in ("in the style of", "in the manner of", "styled like", "styled as") or (
        first == "in" and len(words) > 2 and words[-1] in ("style", "styles")
    ):
        rest = toks[1:] if first != "in" else toks[1:-1]
        return Complement("style", text=raw(text, rest))
    if joined in vocab.KEEP_WORDS:
        return Complement("keep")
    amount, rest = take_amount(toks)
    rest_joined = " ".join(t.low for t in rest)
    if len(rest) == 1 and amount.seen and (participle := _adjusting_participle(rest[0].low)) is not None:
        return Complement("adjust", items=[(*participle, amount)])  # "a bit desaturated", "slightly brightened"
    if joined in vocab.BLUR_WORDS or rest_joined in vocab.BLUR_WORDS:
        return Complement("blur", amount=amount)
    if rest_joined in ("glow", "shine", "light up", "brighter", "stand out", "pop out") and rest_joined != "brighter":
        # "make the lighthouse glow"
        prop = "brightness" if rest_joined in ("glow", "shine", "light up") else "vibrance"
        return Complement("adjust", items=[(prop, 1, amount)])
    if rest_joined in ("level", "straight", "level with the horizon"):  # "I'd like the horizon level"
        return Complement("straighten")
    if joined in vocab.REMOVE_WORDS:
        return Complement("remove")
    if rest_joined in ("pop", "pop more", "more pop", "really pop"):
        return Complement("adjust", items=[("vibrance", 1, amount)])
    amount, rest = take_amount(toks)
    rest_words = [t.low for t in rest]
    rest_joined = " ".join(rest_words)
    times = _times(rest_words)
    if times is not None:
        # "1.5 times larger" is 1.5 times the size; "3 times smaller" a third of it
        bigger = rest_words[2] in vocab.SCALE_BIGGER
        return Complement("scale", args={"factor": round(times if bigger else 1 / times, 4)})
    if rest_words and (rest_words[-1] in vocab.SCALE_BIGGER or rest_words[-1] in vocab.SCALE_SMALLER):
        if len(rest_words) == 1 or rest_words[0] in vocab.DEGREE_WORDS or rest_words[0] in ("way", "even", "far"):
            # ("the plant bigger" is a region and its complement, not one complement)
            factor = 2.0 if rest_words[-1] in vocab.SCALE_BIGGER else 0.5
            if amount.absolute is not None and 0 < amount.absolute < 1 + (factor > 1) * 9:
                # "50% bigger" is 1.5 times the size, "30% smaller" 0.7 times
                factor = round(1 + amount.absolute if factor > 1 else max(0.05, 1 - amount.absolute), 4)
            elif amount.factor < 1:
                factor = 1.25 if factor > 1 else 0.8
            return Complement("scale", args={"factor": factor})
    if rest_joined in ("twice as big", "twice as large", "double the size", "double size", "twice the size"):
        return Complement("scale", args={"factor": 2.0})
    if rest_joined in ("half the size", "half size", "half as big", "half as large"):
        return Complement("scale", args={"factor": 0.5})
    items = _adjust_items(toks)
    if items is not None:
        return Complement("adjust", items=items)
    if (
        rest_words[:1] == ["less"]
        and len(rest_words) == 2
        and rest_words[1] in ("hazy", "foggy", "misty", "grainy", "noisy", "blurry")
    ):
        kind = {"hazy": "dehaze", "foggy": "dehaze", "misty": "dehaze", "blurry": "deblur"}.get(
            rest_words[1], "denoise"
        )
        return Complement("enhance", args={"kind": kind})
    if rest_words[:1] == ["more"] and len(rest_words) >= 2:
        color = color_of(rest[1:], text)
        if color is not None:  # "more turquoise": towards that colour
            return Complement("color", text=color)
    # Styles: "black and white", "sepia", "a vintage look", "watercolor style", "cinematic".
    style_words = [w for w in rest_words if w not in ("a", "an", "the")]
    if style_words:
        style = " ".join(style_words)
        if style in lex.BW_WORDS or (
            style_words[0] in lex.BW_WORDS and all(w in STYLE_SUFFIXES for w in style_words[1:])
        ):
            return Complement(
                "style", text=lex.style_of(style_words[0]) if style_words[0] != "noir" else "black and white"
            )
        styleish = style_words[-1] in STYLE_SUFFIXES or style_words[-1] in lex.STYLE_HINTS
        if styleish and len(style_words) <= 5 and not set(style_words) & (PERSONISH | NP_STARTS):
            tone = lex.TONE_STYLES.get(" ".join(w for w in style_words if w not in STYLE_SUFFIXES))
            if tone is not None:
                return Complement("adjust", items=[(tone[0], tone[1], amount)])
            color = color_of([t for t in rest if t.low not in STYLE_SUFFIXES], text)
            if color is not None and style_words[-1] in ("tone", "tones", "toned", "filter", "look", "tint"):
                prop, sign = vocab.COLOR_TONES.get(color.split()[-1], ("warmth", 1))
                return Complement("adjust", items=[(prop, sign, amount)])
            return Complement("style", text=raw(text, rest))
    # Effects: "foggy", "night", "a night scene", "rainy", "like winter".
    effect = sem.effect_of(rest_joined) if rest_words else None
    if effect is not None and len([w for w in rest_words if w not in ("a", "an", "the", "scene", "time", "look")]) <= 2:
        return Complement("effect", effect=effect, amount=amount)
    color = color_of(rest, text)
    if color is not None:
        return Complement("color", text=color)
    return None


NUMBER_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0}


def _times(words: list[str]) -> float | None:
    """N of "N times bigger", "1.5x smaller" (N above 1), else None."""
    if len(words) != 3 or words[1] not in ("times", "x", "×"):
        return None
    if words[2] not in vocab.SCALE_BIGGER and words[2] not in vocab.SCALE_SMALLER:
        return None
    try:
        n = NUMBER_WORDS.get(words[0]) or float(words[0])
    except ValueError:
        return None
    return n if n > 1 else None


def split_complement(toks: list[Tok], text: str) -> tuple[list[Tok], Complement] | None:
    """(region tokens, complement) for "the red car blue"; the complement is the longest tail that reads as one."""
    for k in range(0, len(toks)):
        tail = toks[k:]
        if k > 0 and toks[k - 1].low in ("of", "the", "a", "an", "'s", "with", "in", "on"):
            continue  # a complement never starts inside a noun phrase's own words
        if tail[0].low in NP_STARTS and " ".join(t.low for t in tail) not in vocab.KEEP_WORDS:
            continue  # nor with a determiner or pronoun: that is the region's first word
        comp = read_complement(tail, text)
        instead = next((i for i, t in enumerate(tail) if i > 0 and t.low == "instead of"), -1)
        if comp is None and instead > 0:
            # "the crib white instead of pine": what it was adds nothing to what it becomes
            comp = read_complement(tail[:instead], text)
            comp = comp if comp is not None and comp.kind in ("color", "adjust") else None
        if comp is not None:
            if comp.kind in ("change", "like") and k == 0:
                continue
            return toks[:k], comp
    # a complement followed by where it applies: "the ocean more turquoise near the shore"
    for k in range(1, len(toks)):
        for m in range(k + 1, len(toks)):
            if toks[m].low not in PLACE_WORDS or toks[k - 1].low in ("of", "the", "a", "an"):
                continue
            comp = read_complement(toks[k:m], text)
            if comp is not None and comp.kind in ("adjust", "color", "blur", "effect"):
                return [*toks[:k], *toks[m:]], comp
    return None


PLACE_WORDS = frozenset(
    {
        "near",
        "at",
        "in",
        "on",
        "around",
        "along",
        "by",
        "behind",
        "above",
        "below",
        "under",
        "next to",
        "in front of",
        "close to",
        "across",
        "over",
    }
)


CAUSATIVE_VERBS = frozenset(
    """
look seem be have wear hold smile stand sit lean walk raise use work run jump laugh cry wave face appear dance
sing play eat drink read write ride fly swim hug kiss point turn carry lift kick throw catch open close sleep wake
talk shout frown wink blink bow kneel lie climb move reach touch grab pull push bend stretch hang tilt rest put
cover hide show fall float glow shine melt grow wear become bark fight chase hold
""".split()
)


ACTION_VERBS = (
    CAUSATIVE_VERBS
    - frozenset("look seem be become turn appear cover hide show rest put glow shine melt grow fall float".split())
) | frozenset(
    """toss flip stick blow peek poke lick bite yawn juggle salute clap wag spin balance sniff pour serve feed pet
stroke stir cook bake pick dig hit swing shake nod twirl leap hop skip crawl roll sneeze yell scream cheer grin
pose""".split()
)
"""Actions someone can be had to do ("have the chef toss the pancake"), not states a complement describes."""
_SUBJECT_STARTS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my", "our"})
_OBJECT_STARTS = frozenset(
    """the a an his her their its my our your this that these those it him them both some one up down out away over off
on at to into towards toward with around in across through back forward forwards more less no""".split()
)


_NOT_SUBJECT = frozenset({"more", "less", "into", "like", "as", "than", "a bit", "slightly", "slight"})


def caused_action(toks: list[Tok]) -> int | None:
    """Where the action starts in "the chef on the left toss the pancake" or "it stick its head out": a base verb
    after a noun phrase, followed by its object or particle (or nothing), so "have/make X do Y" is Y done by X."""
    if not toks or (toks[0].low not in _SUBJECT_STARTS and toks[0].low not in ("it", "him", "her", "them")):
        return None
    for k in range(1, len(toks)):
        word = toks[k].low
        if word == "to" and k + 1 < len(toks) and toks[k + 1].low in ACTION_VERBS:
            word, k = toks[k + 1].low, k + 1  # "get the cat to stick its paw out"
        if word not in ACTION_VERBS or toks[k - 1].low in _SUBJECT_STARTS | {"of", "and", "'s", "its"}:
            continue
        if any(t.low in _NOT_SUBJECT for t in toks[:k]):
            return None  # "the penguin's posture more upright with a slight tilt": a complement, not a subject
        if (k + 1 == len(toks) and k <= 4) or (k + 1 < len(toks) and toks[k + 1].low in _OBJECT_STARTS):
            return k
        return None
    return None


def free_complement(toks: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """For what no complement covers: (region, the rest) at the first verb-looking word after a noun phrase
    ("make the man lean on the woman" -> the man, lean on the woman)."""
    for k in range(1, len(toks)):
        low = toks[k].low
        if low in vocab.LOOK_VERBS or low in ("look like", "more", "less", "into", "to", "like", "as"):
            return toks[:k], toks[k:]
        known = low in CAUSATIVE_VERBS or vocab.verb_forms().get(low, vocab.VerbForm("", "")).form == "base"
        if known and toks[k - 1].low not in ("the", "a", "an", "his", "her", "their", "its", "my", "of", "and"):
            return toks[:k], toks[k:]
    if len(toks) >= 2:
        return toks[:-1], toks[-1:]
    return None
