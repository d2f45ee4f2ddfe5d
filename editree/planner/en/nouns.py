"""Noun phrases -> regions, tolerantly: whatever words stand where a region belongs become one.

A grammar that lists what a noun phrase may contain fails on the first attribute, relative clause or
filler it did not list ("the old brown suitcase on the ground in front of the stone wall", "the blue
bird in the image"). Here the frame decides where a region starts and ends; this module only reads
what is inside: determiners and quantifiers (count), position and size words and ordinals
(qualifiers), "in the background" (a subset of the background), sides of the image (boxes),
fillers that mean nothing ("in the image", "of this photo", parentheses), pronouns (the discourse
context), "everything else" (the complement of what was named before), exceptions and lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from editree.ops import (
    ALL,
    BACKGROUND,
    BoxRegion,
    MinusRegion,
    NotRegion,
    PhraseRegion,
    Qualifiers,
    Region,
    UnionRegion,
)
from editree.planner import lexicon_en as lex
from editree.planner.en import vocab
from editree.planner.en.tokens import Tok
from editree.planner.semantics import NotUnderstood

IMAGE_NOUNS = frozenset(
    """
image photo photograph picture pic pics shot scene frame img canvas photos images pictures snapshot selfie
portrait?
""".split()
) - {"portrait?"}
WHOLE_WORDS = frozenset({"everything", "everywhere", "whole thing", "it all", "all of it", "overall", "entire thing"})
WHOLE_ADJ = frozenset({"whole", "entire", "full", "complete", "overall", "total"})
BACKGROUND_NOUNS = frozenset(
    {"background", "backdrop", "bg", "back ground", "surroundings", "backgrounds", "scenery", "environment"}
)
REST_WORDS = frozenset(
    {
        "everything else",
        "anything else",
        "the rest",
        "all else",
        "everywhere else",
        "all the rest",
        "all other parts",
        "other parts",
        "the remaining area",
        "the remaining areas",
        "other areas",
        "other things",
        "rest",
        "everything other",
        "remaining parts",
        "the remainder",
        "remainder",
        "other regions",
        "other region",
        "everything around",
        "the surrounding area",
        "the surrounding",
        "the surroundings",
    }
)
PRONOUNS_ANY = frozenset({"it", "them", "they", "this", "that", "these", "those", "itself", "themselves", "one"})
PRONOUNS_PERSON = frozenset({"him", "her", "he", "she", "himself", "herself"})
PRONOUNS_SELF = {
    "me": "person",
    "myself": "person",
    "us": "people",
    "ourselves": "people",
    "we": "people",
    "i": "person",
    "you": "person",
}
POSSESSIVE_DETS = frozenset({"its", "their", "his", "her", "my", "our", "your", "whose"})
ALL_DETS = frozenset(
    {
        "all",
        "all the",
        "all of the",
        "every",
        "each",
        "both",
        "each of the",
        "both of the",
        "every single",
        "any of the",
        "all of",
    }
)
DROP_DETS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "any",
        "this",
        "that",
        "these",
        "those",
        "one of the",
        "a couple of",
        "a few",
        "several",
        "many",
        "few",
        "certain",
        "such",
        "said",
    }
)
LEADING_DROP = frozenset(
    {
        "only",
        "just",
        "also",
        "even",
        "exactly",
        "specifically",
        "especially",
        "mainly",
        "mostly",
        "primarily",
        "particularly",
        "main",
        "entire",
    }
)
TRAILING_DROP = frozenset(
    {
        "though",
        "only",
        "exactly",
        "precisely",
        "present",
        "visible",
        "shown",
        "depicted",
        "pictured",
        "please",
        "too",
        "as well",
        "again",
        "here",
        "there",
        "overall",
        "alone",
        "entirely",
        "completely",
        "as a whole",
        "in general",
        "generally",
        "altogether",
        "also",
        "then",
        "now",
        "instead",
        "accordingly",
        "thanks",
        "itself",
        "themselves",
    }
)
EXCEPT_WORDS = frozenset(
    {
        "except",
        "except for",
        "but not",
        "apart from",
        "other than",
        "excluding",
        "besides",
        "save for",
        "aside from",
        "minus",
        "with the exception of",
        "everything but",
        "not",
    }
)
LIST_WORDS = frozenset({"and", ",", "&", "as well as", "plus", "along with", "together with", "or"})
SIDE_NOUNS = {
    "half": 0.5,
    "side": 0.5,
    "part": 0.5,
    "portion": 0.5,
    "area": 0.5,
    "section": 0.5,
    "region": 0.5,
    "edge": 0.15,
    "edges": 0.15,
    "border": 0.15,
    "third": 1 / 3,
    "quarter": 0.25,
    "corner": 0.3,
    "corners": 0.3,
    "end": 0.3,
}
SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "top": "top",
    "upper": "top",
    "bottom": "bottom",
    "lower": "bottom",
    "middle": "center",
    "center": "center",
    "centre": "center",
    "central": "center",
}
POSITION_PHRASES = {
    "on the left": "left",
    "to the left": "left",
    "at the left": "left",
    "on the left side": "left",
    "on the left hand side": "left",
    "on the right": "right",
    "to the right": "right",
    "at the right": "right",
    "on the right side": "right",
    "on the right hand side": "right",
    "in the middle": "center",
    "in the center": "center",
    "in the centre": "center",
    "at the center": "center",
    "at the centre": "center",
    "at the top": "top",
    "on the top": "top",
    "on top": "top",
    "in the top": "top",
    "at the bottom": "bottom",
    "on the bottom": "bottom",
    "in the bottom": "bottom",
}
IGNORED_PLACES = frozenset(
    {
        "in the foreground",
        "in the front",
        "in front",
        "in the distance",
        "in the picture",
        "in the image",
        "in the photo",
    }
)
# Relation words: what follows them belongs to the region's description ("the cup on the table").
RELATION_WORDS = frozenset(
    {
        "on",
        "in",
        "at",
        "near",
        "under",
        "behind",
        "above",
        "below",
        "next to",
        "beside",
        "in front of",
        "holding",
        "wearing",
        "of",
        "with",
        "by",
        "from",
        "on top of",
        "inside",
        "over",
        "around",
        "between",
        "in between",
        "across",
        "along",
        "against",
        "among",
        "close to",
        "underneath",
        "beneath",
        "within",
        "without",
        "that",
        "which",
        "who",
        "whose",
        "sitting",
        "standing",
        "carrying",
        "riding",
        "walking",
        "lying",
        "left of",
        "right of",
        "to the left of",
        "to the right of",
        "on the left of",
        "on the right of",
        "out of",
        "facing",
        "where",
        "looking",
        "having",
        "containing",
        "showing",
        "covered",
        "made",
    }
)
FILLER_OBJECTS = frozenset({"image", "photo", "picture", "pic", "photograph", "shot", "frame", "img", "scene"})


@dataclass
class Context:
    """What the clauses read so far say: pronouns and "everything else" are resolved against it."""

    last_target: Region | None = None
    antecedent_from_condition: bool = False
    """The condition just read named what "it" means in its branch ("unless the car has racks, add skis on it")."""
    last_person: str | None = None
    targets: list[Region] = field(default_factory=list)
    """Explicit targets of the edits so far, in order (for "everything else", "the rest")."""
    selection: Region | None = None
    """A region "select X" named: the next clause's implied target."""
    last_region: Region | None = None
    """The last phrase region read, wherever it stood (the antecedent of "which" and "who")."""
    last_property: str | None = None
    """The property of the last adjustment ("increase sharpness on X and decrease it on Y")."""
    removed: Region | None = None
    """What the last remove step removed ("remove the post and put a bench where it was")."""
    last_prompt: str | None = None
    """What the last add step adds, without its article ("a rainbow" -> "rainbow")."""
    heads: dict[str, str] = field(default_factory=dict)
    """The head noun of each phrase read, by its text ("vases on the shelf" -> "vases"): what "one" stands for."""
    mentioned: str | None = None
    """The text of the last phrase named anywhere, even as absent ("if there is no moon, add one")."""
    undirected: dict[int, str] = field(default_factory=dict)
    """Adjustments said without a direction (id -> their warning): a purpose clause after them may give it."""
    silent: list[tuple[tuple[int, int], Region | None]] = field(default_factory=list)
    """Clauses read as statements or selections (no step): kept free-form if the instruction asks nothing else."""
    complaints: list[Any] = field(default_factory=list)
    """Steps read from complaints ("the kids are too dark"): dropped when an explicit step does the same."""
    color_kept: list[tuple[Region, tuple[int, int]]] = field(default_factory=list)
    color_stayed: list[tuple[Region, tuple[int, int]]] = field(default_factory=list)
    """Regions whose colour "stays" ("the lemons stay yellow"): kept in colour beside a black and white edit,
    otherwise simply kept."""
    """Regions "kept in colour": the black-and-white edits of the instruction leave them out."""

    def pronoun(self) -> Region:
        return self.last_target if self.last_target is not None else ALL

    def rest(self) -> Region:
        # (a complement named before, as in a colour pop's "everything but X", is not a region of its own)
        named = [t for t in dict.fromkeys(self.targets) if t != ALL and not isinstance(t, NotRegion)]
        if not named:
            return ALL
        return NotRegion(region=named[0] if len(named) == 1 else UnionRegion(regions=tuple(named)))

    def note_person(self, text: str) -> None:
        self.last_person = text


def _words(toks: list[Tok]) -> list[str]:
    return [t.low for t in toks]


def is_plural(word: str) -> bool:
    word = word.lower()
    if word in _PLURAL_PEOPLE:
        return True
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _PLURAL_EXCEPTIONS
        and len(word) > 3
    )


_PLURAL_PEOPLE = frozenset(
    {
        "people",
        "men",
        "women",
        "children",
        "kids",
        "persons",
        "guys",
        "ladies",
        "gentlemen",
        "boys",
        "girls",
        "humans",
        "adults",
        "folks",
        "teeth",
        "feet",
        "geese",
        "mice",
        "sheep",
        "fish",
        "cattle",
        "deer",
    }
)
_PLURAL_EXCEPTIONS = frozenset(
    """
glass grass dress class bus boss moss cross gas lens jeans pants glasses sunglasses shorts scissors news series
species hair sky sea road this its his was yes always perhaps canvas chaos mess address process lotus cactus
bonus campus status virus atlas iris tennis trousers clothes goggles headphones earphones binoculars leggings
tights pajamas pyjamas overalls stairs
""".split()
)


_GROUP_SIZES = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "2", "3", "4", "5"})
_READING_STARTS = (["the", "left"], ["left"], ["the", "top"], ["top"])


COLLECTIVE_NOUNS = frozenset(
    {"row", "line", "group", "pile", "stack", "set", "pair", "bunch", "cluster", "bundle", "series", "rows"}
)
"""Nouns whose members are what "one" picks ("in the row of five huts, … the second one"): the noun after "of"."""


PARTICIPLE_TAILS = frozenset(
    {"stuck", "left", "held", "placed", "sitting", "standing", "lying", "hanging", "parked", "stacked", "lined"}
)
"""Words after a noun that describe it ("the candles stuck in the cake"), never its head."""


def _bare_pick(word: str) -> bool:
    """A superlative standing for a noun of the group just named ("the tallest", "the smallest", "the biggest")."""
    return len(word) > 5 and word.endswith("est") and word not in ("forest", "interest", "chest", "guest", "rest")


def plural(word: str) -> str:
    """ "tree" -> "trees", "bench" -> "benches", "berry" -> "berries" (regular plurals)."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x", "s", "z")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """ "vases" -> "vase", "benches" -> "bench", "berries" -> "berry" (regular plurals; others as they are)."""
    if not is_plural(word) or word in _PLURAL_PEOPLE:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def strip_parentheses(toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    depth = 0
    for tok in toks:
        if tok.low in ("(", "[", "{"):
            depth += 1
        elif tok.low in (")", "]", "}"):
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(tok)
    return out


def strip_fillers(toks: list[Tok]) -> list[Tok]:
    """Drop "only", "please", "in the image", trailing punctuation and the like from both ends."""
    toks = strip_parentheses(toks)
    changed = True
    while toks and changed:
        changed = False
        while toks and (toks[-1].low in TRAILING_DROP or toks[-1].kind == "punct"):
            toks, changed = toks[:-1], True
        if len(toks) > 2 and toks[-2].low == "at" and toks[-1].low == "all":  # "don't change it at all"
            toks, changed = toks[:-2], True
        while toks and (toks[0].low in LEADING_DROP or toks[0].kind == "punct"):
            toks, changed = toks[1:], True
        cut = _trailing_image_filler(toks)
        if cut is not None:
            toks, changed = toks[:cut], True
    return toks


def _trailing_image_filler(toks: list[Tok]) -> int | None:
    """Index where a trailing "in the image" / "of this photo" / "in the picture above" begins, if any."""
    n = len(toks)
    for start in range(max(0, n - 5), n):
        words = _words(toks[start:])
        if len(words) < 2 or words[0] not in ("in", "of", "on", "from", "within", "throughout", "across", "for", "to"):
            continue
        rest = [
            w
            for w in words[1:]
            if w
            not in (
                "the",
                "this",
                "that",
                "my",
                "our",
                "your",
                "whole",
                "entire",
                "attached",
                "given",
                "original",
                "provided",
                "above",
                "below",
                "uploaded",
                "current",
                "overall",
                "full",
                "second",
                "first",
            )
        ]
        if len(rest) == 1 and rest[0] in IMAGE_NOUNS and start > 0:
            return start
    return None


def region_of(toks: list[Tok], ctx: Context, *, person_context: bool = True) -> Region | None:
    """The region `toks` describe, or None when they are empty (the caller decides what that means)."""
    toks = strip_fillers(toks)
    if not toks:
        return None
    # "everything except the person", "all the cars except the red one", "the image but not the face"
    for i, tok in enumerate(toks):
        if tok.low in EXCEPT_WORDS and 0 < i < len(toks) - 1 and (tok.low != "not" or toks[i - 1].low == "but"):
            base = region_of(toks[:i], ctx) or ALL
            excluded = region_of(toks[i + 1 :], ctx)
            if excluded is None:
                break
            return _minus(base, _one_of(base, excluded))
        if tok.low in ("everything but", "all but") and i == 0 and len(toks) > 1:
            excluded = region_of(toks[1:], ctx)
            return NotRegion(region=excluded) if excluded is not None else ALL
    parts = split_list(toks)
    regions: list[Region] = []
    for part in parts:
        region = _atom(part, ctx)
        if region is not None and region not in regions:
            regions.append(region)
    if not regions:
        return None
    if ALL in regions:
        return ALL
    return regions[0] if len(regions) == 1 else UnionRegion(regions=tuple(regions))


def _minus(base: Region, excluded: Region) -> Region:
    if base == ALL:
        return NotRegion(region=excluded)
    return MinusRegion(region=base, exclude=excluded)


def _one_of(base: Region, excluded: Region) -> Region:
    """ "all the cars except the red one": "one" is the noun of the region before it."""
    if isinstance(excluded, PhraseRegion) and isinstance(base, PhraseRegion):
        words = excluded.text.split()
        if words and words[-1] in ("one", "ones"):
            head = base.text.split()[-1]
            head = head[:-1] if words[-1] == "one" and is_plural(head) else head
            return PhraseRegion(text=" ".join([*words[:-1], head]), qualifiers=excluded.qualifiers)
    return excluded


def split_list(toks: list[Tok]) -> list[list[Tok]]:
    """ "the man and the dog", "faces, hands, and feet": parts of a list; relations keep their "and" only
    when it sits inside a relation's own noun ("the man with the hat and scarf" stays one part)."""
    parts: list[list[Tok]] = [[]]
    for i, tok in enumerate(toks):
        if tok.low in LIST_WORDS and parts[-1] and i < len(toks) - 1:
            if tok.low == "," and i + 1 < len(toks) and toks[i + 1].low in LIST_WORDS:
                continue
            parts.append([])
            continue
        parts[-1].append(tok)
    return [p for p in parts if p]


def _atom(toks: list[Tok], ctx: Context) -> Region | None:
    toks = strip_fillers(toks)
    if not toks:
        return None
    words = _words(toks)
    joined = " ".join(words)
    # Pronouns and the image itself.
    if len(toks) == 3 and words[0] in ("all", "both", "each", "any") and words[1] == "of" and words[2] in PRONOUNS_ANY:
        return ctx.pronoun()  # "remove all of them"
    if len(toks) == 1 and words[0] in PRONOUNS_ANY:
        return ctx.pronoun()
    if len(toks) == 1 and words[0] in PRONOUNS_PERSON:
        return PhraseRegion(text=ctx.last_person or "person")
    if len(toks) == 1 and words[0] in PRONOUNS_SELF:
        text = PRONOUNS_SELF[words[0]]
        return PhraseRegion(text=text, qualifiers=Qualifiers(count="all") if text == "people" else Qualifiers())
    around = re.fullmatch(
        r"(?:everything|everywhere|the area|the areas|the space|the region|all) (?:around|surrounding|behind|beside)"
        r" .+",
        joined,
    )
    if around and len(toks) > 2:  # "everything around him": the complement of him
        inner = _atom(toks[2:], ctx)
        if inner == ALL and words[2:] in (["it"], ["them"]) and isinstance(ctx.last_region, PhraseRegion):
            inner = ctx.last_region  # "keep the dog sharp and blur everything behind it": the thing just named
        if inner is not None and inner != ALL:
            return NotRegion(region=inner)
    if (
        (_rest_in_the_picture(toks) and ctx.rest() != ALL)
        or joined in REST_WORDS
        or re.fullmatch(
            r"(?:the )?(?:rest|remainder|remaining (?:parts?|areas?)|other parts?) of (?:the |this |my |our )?[\w -]+",
            joined,
        )
    ):
        return ctx.rest()  # "the rest of the room": what the instruction did not name
    named = ctx.targets[-1] if ctx.targets and isinstance(ctx.targets[-1], PhraseRegion) else ctx.last_target
    if joined in ("the others", "the other ones", "others", "all the others") and isinstance(named, PhraseRegion):
        quals = named.qualifiers
        if quals.position is None and quals.size is None and not isinstance(quals.count, int):
            if not any(w.endswith("est") for w in named.text.split()[:-1]):
                return ctx.rest()  # "blur the dog and keep the others sharp": everything but the dog
        # "keep the tallest tree and blur the others": the other trees, not everything else in the picture
        head = ctx.heads.get(named.text, named.text.split()[-1])
        group = PhraseRegion(text=head if is_plural(head) else plural(head), qualifiers=Qualifiers(count="all"))
        return MinusRegion(region=group, exclude=named)
    if words[0] in ("whoever", "whomever", "anyone who", "someone who") and len(toks) > 1:
        # "whoever is standing in the doorway": the person doing that
        rest_toks = [t for t in toks[1:] if t.low not in ("is", "are", "was")]
        return _phrase([Tok("person", "person", toks[0].start, toks[0].end, "word"), *rest_toks], ctx, {}, None)
    if words[0] in ("everyone", "everybody", "anyone", "anybody", "nobody") and len(words) == 1:
        return PhraseRegion(text="people", qualifiers=Qualifiers(count="all"))
    if _is_whole(words):
        return ALL
    # Strip determiners and read possessive determiners.
    quals: dict[str, Any] = {}
    possessor: str | None = None
    while toks and (toks[0].low in DROP_DETS or toks[0].low in ALL_DETS or toks[0].low in POSSESSIVE_DETS):
        low = toks[0].low
        if low in ALL_DETS:
            quals["count"] = "all"
        elif low in ("his", "her", "whose"):
            possessor = ctx.last_person or "person"
        elif low == "their":
            possessor = ctx.last_person if ctx.last_person else None
            quals["count"] = "all"
        elif low == "its":
            possessor = ctx.last_target.text if isinstance(ctx.last_target, PhraseRegion) else None
        toks = toks[1:]
    toks = strip_fillers(toks)
    if not toks:
        return ctx.pronoun() if possessor is None else PhraseRegion(text=possessor)
    words = _words(toks)
    joined = " ".join(words)
    if _is_whole(words) or joined in lex.WHOLE_IMAGE_NOUNS:
        return ALL
    if joined in REST_WORDS:
        return ctx.rest()
    # The background, and things in it.
    if words[0] in BACKGROUND_NOUNS:
        rest = toks[1:]
        if not rest or _is_image_relation(_words(rest)) or _words(rest)[0] in ("behind", "around", "of", "near"):
            return BACKGROUND
        if _words(rest)[0] not in RELATION_WORDS:  # "the background trees": those trees, in the background
            inner = _atom(rest, ctx)
            if inner is not None and inner not in (ALL, BACKGROUND):
                return MinusRegion(region=inner, exclude=NotRegion(region=BACKGROUND))
        return BACKGROUND
    side = _side(words)
    if side is not None:
        return side
    return _phrase(toks, ctx, quals, possessor)


def _is_whole(words: list[str]) -> bool:
    joined = " ".join(words)
    if joined in WHOLE_WORDS:
        return True
    core = [w for w in words if w not in ("the", "this", "that", "my", "our", "your", "a", "an")]
    # "the desired image", "the input photo", "the final picture": the picture itself
    while len(core) > 1 and core[0] in (
        "desired",
        "input",
        "output",
        "original",
        "final",
        "edited",
        "resulting",
        "source",
        "target",
        "new",
        "current",
    ):
        core = core[1:]
    whole = bool(core) and core[0] in WHOLE_ADJ
    while core and core[0] in WHOLE_ADJ:
        core = core[1:]
    if whole and 1 < len(core) <= 3 and core[-1] in ("photo", "picture", "image", "shot", "pic", "photograph", "snap"):
        return True  # "the whole wedding photo": the picture, whatever it shows
    if len(core) == 1 and (core[0] in IMAGE_NOUNS or core[0] in ("everything", "thing", "composition")):
        return True
    return bool(core) and " ".join(core) in (
        "image quality",
        "whole thing",
        "overall look",
        "overall image",
        "entire thing",
    )


def _rest_in_the_picture(toks: list[Tok]) -> bool:
    """ "everything else in the listing photo", "the rest of my holiday shot": the rest, the picture named."""
    words = " ".join(t.low for t in toks).split()  # multiword tokens ("in the") as words
    for k in range(1, len(words)):
        if " ".join(words[:k]) in REST_WORDS and _is_image_relation(words[k:]) and len(words) - k <= 5:
            return True
    return False


def _is_image_relation(words: list[str]) -> bool:
    """ "of the image", "in this photo": a relation to the picture itself, which adds nothing."""
    return len(words) >= 2 and words[0] in ("of", "in", "on", "from") and words[-1] in IMAGE_NOUNS


def _side(words: list[str]) -> Region | None:
    """ "the top of the image", "the left half", "the upper left corner", "left side": a box in fractions."""
    core = [w for w in words if w not in ("the", "a", "an", "this")]
    if core and core[-1] in IMAGE_NOUNS and len(core) >= 3 and core[-2] in ("of", "in"):
        core = core[:-2]
    elif core and core[-1] in BACKGROUND_NOUNS and len(core) >= 3 and core[-2] in ("of", "in"):
        core = core[:-2]
    sides = []
    while core and core[0] in SIDE_WORDS:
        sides.append(SIDE_WORDS[core.pop(0)])
    if not sides or len(core) > 1 or (core and core[0] not in SIDE_NOUNS):
        return None
    part = SIDE_NOUNS[core[0]] if core else 0.5
    x0, y0, x1, y1 = 0.0, 0.0, 1.0, 1.0
    for side in sides:
        if side == "left":
            x1 = part
        elif side == "right":
            x0 = 1 - part
        elif side == "top":
            y1 = part
        elif side == "bottom":
            y0 = 1 - part
        else:
            x0, y0, x1, y1 = 0.25, 0.25, 0.75, 0.75
    return BoxRegion(box=(round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4)), units="fraction")


def _phrase(toks: list[Tok], ctx: Context, quals: dict[str, Any], possessor: str | None) -> Region:
    # Leading qualifiers and ordinals: "the leftmost person", "the second car", "the largest face".
    while toks and (toks[0].low in lex.QUALIFIER_WORDS or toks[0].low in lex.ORDINALS or toks[0].low == "last"):
        low = toks[0].low
        if len(toks) == 1:
            break
        if low in lex.QUALIFIER_WORDS:
            key, value = lex.QUALIFIER_WORDS[low]
            quals[key] = value
        elif low in lex.ORDINALS:
            quals["count"] = lex.ORDINALS[low]
        toks = toks[1:]
    picked = bool(quals) and len(toks) > 2 and toks[0].low == "of"
    if picked:  # "the leftmost of the three boats", "the second of the cups": one of that group
        toks = [t for t in toks[1:] if t.low not in ("the", "these", "those", "all") and t.low not in _GROUP_SIZES]
        if not toks:
            raise NotUnderstood("one of what?")
    # Where the head noun ends: at the first relation word or position phrase.
    head_end = len(toks)
    for i, tok in enumerate(toks):
        if i > 0 and (
            tok.low in RELATION_WORDS
            or tok.low in POSITION_PHRASES
            or tok.low in IGNORED_PLACES
            or tok.low == "in the background"
        ):
            head_end = i
            break
    head_toks, tail = toks[:head_end], toks[head_end:]
    in_background = False
    kept_tail: list[Tok] = []
    i = 0
    while i < len(tail):
        tok = tail[i]
        rest = _words(tail[i:])
        if tok.low in POSITION_PHRASES:
            quals["position"] = POSITION_PHRASES[tok.low]
            i += 1
            # "on the left side of the image"
            while i < len(tail) and tail[i].low in (
                "side",
                "half",
                "part",
                "of",
                "the",
                "image",
                "photo",
                "picture",
                "frame",
                "edge",
                "corner",
                "hand",
            ):
                i += 1
            continue
        if tok.low == "in the background" or (
            tok.low in ("in", "on", "at", "from") and len(rest) >= 2 and rest[-1] in BACKGROUND_NOUNS and len(rest) <= 4
        ):
            in_background = True
            i = len(tail) if tok.low != "in the background" else i + 1
            continue
        if tok.low in IGNORED_PLACES:
            i += 1
            continue
        if tok.low == "from" and isinstance(quals.get("count"), int) and rest[1:] in _READING_STARTS:
            # "the second runner from the left": counted in reading order, which is what the count means
            i = len(tail)
            continue
        if tok.low in ("in", "on", "at") and len(rest) >= 3 and rest[1] == "the" and rest[2] in SIDE_WORDS:
            # "in the left part of the image", "at the top of the photo", "on the left side of the frame"
            j = 3
            while j < len(rest) and rest[j] in SIDE_NOUNS:
                j += 1
            tail_words = rest[j:]
            if (
                not tail_words
                or _is_image_relation(tail_words)
                or (len(tail_words) >= 2 and tail_words[0] == "of" and tail_words[-1] in BACKGROUND_NOUNS)
            ):
                quals["position"] = SIDE_WORDS[rest[2]]
                if tail_words and tail_words[-1] in BACKGROUND_NOUNS:
                    in_background = True
                i = len(tail)
                continue
        if _is_image_relation(rest) and len(rest) <= 4:
            break
        kept_tail.append(tok)
        i += 1
    words = [_word(t) for t in head_toks]
    if not words:
        words = [_word(t) for t in kept_tail] or ["object"]
        kept_tail = []
    head = words[-1]
    if picked:
        words[-1] = head = singular(head)
    if len(words) == 1 and _bare_pick(head) and isinstance(ctx.last_target, PhraseRegion):
        words.append("one")  # "of the candles on the cake, take out the tallest": the tallest candle
        head = "one"
    if head in ("one", "ones") and isinstance(ctx.last_target, PhraseRegion):
        # "of the three vases on the shelf, … the middle one": the head of what was named, not its last word
        named = ctx.heads.get(ctx.last_target.text, ctx.last_target.text.split()[-1])
        words[-1] = singular(named) if head == "one" else named
        head = words[-1]
    text = " ".join(words + [_word(t) for t in kept_tail])
    if possessor:
        text = f"{possessor}'s {text}"
    if "count" not in quals and is_plural(head):
        quals["count"] = "all"
    # "the old man's beard": the owner is every word up to the possessive
    owned_at = next((i for i, w in enumerate(words[:-1]) if w.endswith("'s")), None)
    owner = " ".join([*words[:owned_at], words[owned_at][:-2]]) if owned_at is not None else None
    if vocab.is_animate(head):
        ctx.note_person(" ".join(words))
    elif owner and vocab.is_animate(owner.split()[-1]):
        ctx.note_person(owner)
    ctx.mentioned = text
    group_of = [_word(t) for t in kept_tail[1:] if t.kind == "word"] if kept_tail and kept_tail[0].low == "of" else []
    named = head
    if len(words) > 1 and head in PARTICIPLE_TAILS:
        named = words[-2]  # "the candles stuck in the cake": candles
    ctx.heads[text] = group_of[-1] if head in COLLECTIVE_NOUNS and group_of else named  # "a row of huts": huts
    try:
        region: Region = PhraseRegion(text=text, qualifiers=Qualifiers(**quals))
        ctx.last_region = region
    except ValueError as exc:  # an ordinal past the IR's limit, an empty text
        raise NotUnderstood(f"cannot read {text!r} as a region ({exc})") from None
    if in_background:
        region = MinusRegion(region=region, exclude=NotRegion(region=BACKGROUND))
    return region


def _word(tok: Tok) -> str:
    if tok.kind == "quote":
        return tok.text
    if tok.kind == "cjk":
        return tok.text
    return tok.low
