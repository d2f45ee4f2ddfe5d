"""The English grammar planner: `en.lark` (LALR) parses, `EnglishTransformer` gives clauses meaning.

Pronouns are resolved while transforming: lark transforms children left to right, so when a clause
is reached every clause before it has been transformed. "it"/"them"/"this" mean the previous clause's
target (explicit or implied; "add fog" targets the whole image), or the region a condition asked
about; "him"/"her" mean the last person mentioned; "her face" is that person's face.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lark import Lark, Token, v_args
from lark.exceptions import VisitError

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
from editree.ops.conditions import AndCond, Cond, Exists, ImageIs, NotCond, OrCond
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clause_builder import REGION_TYPES as _REGION_TYPES
from editree.planner.clause_builder import ClauseBuilder
from editree.planner.clause_builder import clauses as _clauses
from editree.planner.clause_builder import first as _first
from editree.planner.clause_builder import regions as _regions
from editree.planner.clause_builder import tokens as _tokens
from editree.planner.clauses import Clause, EditClause, IfClause, KeepClause, KeepRestClause
from editree.planner.grammar_cache import load_grammar
from editree.planner.semantics import NotUnderstood


@lru_cache(maxsize=1)
def english_parser() -> Lark:
    return load_grammar("en", parser="lalr", start="instruction", propagate_positions=True)


def parse_english(text: str, offset: int = 0) -> list[Clause]:
    """Parse `text` into clauses; spans are shifted by `offset` into the full instruction.

    Raises lark's `UnexpectedInput` when the grammar does not cover the text, and `NotUnderstood`
    when it parses but means nothing.
    """
    tree = english_parser().parse(text)
    try:
        return EnglishTransformer(text, offset).transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, NotUnderstood):
            raise exc.orig_exc from None
        raise


class _Degree:
    def __init__(self, factor: float) -> None:
        self.factor = factor


class _Amount:
    def __init__(self, factor: float | None = None, absolute: float | None = None) -> None:
        self.factor = factor
        self.absolute = absolute


class _Noun:
    """A noun phrase before it becomes a region: words, qualifiers, and a possessor if any."""

    def __init__(self, words: str, qualifiers: dict[str, Any], head: str) -> None:
        self.words = words
        self.qualifiers = qualifiers
        self.head = head


_PLURAL_EXCEPTIONS = frozenset(
    {
        "glass",
        "grass",
        "dress",
        "class",
        "bus",
        "boss",
        "moss",
        "cross",
        "gas",
        "lens",
        "jeans",
        "pants",
        "glasses",
        "sunglasses",
        "shorts",
        "scissors",
        "news",
        "series",
        "species",
        "hair",
        "sky",
        "sea",
        "road",
    }
)


def _is_plural(word: str) -> bool:
    word = word.lower()
    if word in lex.PERSON_NOUNS and word in {
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
    }:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in _PLURAL_EXCEPTIONS and len(word) > 3


@v_args(meta=True)
class EnglishTransformer(ClauseBuilder):
    # ---- helpers ---------------------------------------------------------------------------------
    def _scale(self, children: list[Any], base: float) -> float:
        """Base amount scaled by degree words before or after the verb; `by N%` is absolute."""
        amount = base
        for child in children:
            if isinstance(child, _Degree):
                amount *= child.factor
            elif isinstance(child, _Amount):
                if child.absolute is not None:
                    amount = child.absolute
                elif child.factor is not None:
                    amount *= child.factor
        return round(min(1.0, max(0.01, amount)), 4)

    def _adjust(self, meta: Any, children: list[Any], prop: str, sign: int, target: Region | None = None) -> Any:
        target = target if target is not None else self._target(children)
        # "brighten the shadows" adjusts a tonal range of the whole image, not a thing called shadows.
        if (
            isinstance(target, PhraseRegion)
            and target.text in ("shadows", "highlights")
            and prop in ("brightness", "exposure")
        ):
            prop, target = target.text, None
        amount = self._scale(children, lex.BASE_ADJUST) * sign
        return self._edit(meta, "adjust", target, {"property": prop, "amount": round(amount, 4)})

    def _phrase(self, noun: _Noun, possessor: str | None = None, extra: dict[str, Any] | None = None) -> Region:
        words = noun.words
        if words in lex.WHOLE_IMAGE_NOUNS:
            return ALL
        if words in ("background", "backdrop"):
            return BACKGROUND
        if possessor:
            words = f"{possessor}'s {words}"
        quals = {**noun.qualifiers, **(extra or {})}
        if "count" not in quals and _is_plural(noun.head):
            quals["count"] = "all"
        if noun.head in lex.PERSON_NOUNS:
            self.last_person = noun.words
        return PhraseRegion(text=words, qualifiers=Qualifiers(**quals))

    def _resolve_pronoun(self, word: str) -> Region:
        word = word.lower()
        if word in lex.PRONOUN_PERSON and self.last_person:
            return PhraseRegion(text=self.last_person)
        if word in lex.PRONOUN_PERSON:
            return PhraseRegion(text="person")
        return self.last_target if self.last_target is not None else ALL

    # ---- top level ---------------------------------------------------------------------------------
    def instruction(self, meta: Any, children: list[Any]) -> list[Clause]:
        return _clauses(children)

    def clause(self, meta: Any, children: list[Any]) -> list[Clause]:
        out = _clauses(children)
        regions = _regions(children)
        if _first(children, "EXCEPT"):
            # "make everything black and white except the red dress": the exception narrows every edit.
            excluded = regions[0]
            out = [
                EditClause(c.op, sem.without(c.target, excluded), c.args, c.span, c.fallback, True)
                if isinstance(c, EditClause)
                else c
                for c in out
            ]
        if _first(children, "WITHOUT"):
            out.append(KeepClause(regions[-1], self._span(meta)))
        return out

    # ---- conditions --------------------------------------------------------------------------------
    def if_then(self, meta: Any, children: list[Any]) -> IfClause:
        cond = next(c for c in children if isinstance(c, (Exists, ImageIs, NotCond, AndCond, OrCond)))
        split = next((i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "ELSE_SEP"), None)
        then = _clauses(children if split is None else children[:split])
        other = [] if split is None else _clauses(children[split:])
        return IfClause(cond, then, other, self._span(meta))

    def unless_then(self, meta: Any, children: list[Any]) -> IfClause:
        # (pronouns in the branch were resolved against the region, which "unless" says is absent;
        # the grammar keeps this rare form simple and the plan shows the target for review)
        clause = self.if_then(meta, children)
        return IfClause(NotCond(cond=clause.cond), clause.then, [], clause.span)

    def if_postfix(self, meta: Any, children: list[Any]) -> IfClause:
        return self.if_then(meta, children)

    def UNLESS(self, token: Token) -> Token:
        self.negated = True
        return token

    def cond_image_is(self, meta: Any, children: list[Any]) -> Cond:
        word = lex.norm(_first(children, "IMAGE_PROP")).removeprefix("too ")
        word = re.sub(r"^an? ", "", word)
        word = re.sub(r" (?:photo|shot|image)$", "", word)
        cond: Cond = ImageIs(property=lex.IMAGE_PROPERTIES[word])
        return NotCond(cond=cond) if _first(children, "NOT") else cond

    def cond_atom(self, meta: Any, children: list[Any]) -> Cond:
        return children[0]

    def cond_and(self, meta: Any, children: list[Any]) -> Cond:
        return AndCond(conds=tuple(c for c in children if not isinstance(c, Token)))

    def cond_or(self, meta: Any, children: list[Any]) -> Cond:
        return OrCond(conds=tuple(c for c in children if not isinstance(c, Token)))

    # ---- amounts -----------------------------------------------------------------------------------
    def degree(self, meta: Any, children: list[Any]) -> _Degree:
        return _Degree(lex.DEGREES.get(lex.norm(_first(children, "DEGREE")), 1.0))

    lead_degree = degree

    def amount_by(self, meta: Any, children: list[Any]) -> _Amount:
        value = float(_first(children, "NUMBER"))
        return _Amount(absolute=value / 100 if _first(children, "PERCENT") or value > 1 else value)

    def amount_half(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount(absolute=0.5)

    def amount_full(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount(absolute=1.0)

    def amount_degree(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount(factor=lex.DEGREES.get(lex.norm(_first(children, "DEGREE")), 1.0))

    # ---- regions -----------------------------------------------------------------------------------
    def noun_word(self, meta: Any, children: list[Any]) -> Token:
        return children[0]

    def noun_phrase(self, meta: Any, children: list[Any]) -> _Noun:
        quals: dict[str, Any] = {}
        words: list[str] = []
        for child in children:
            kind = child.type
            word = lex.norm(child)
            if kind == "QUALIFIER":
                key, value = lex.QUALIFIER_WORDS[word]
                quals[key] = value
            elif kind == "ORDINAL":
                if word in lex.ORDINALS:
                    quals["count"] = lex.ORDINALS[word]
            elif kind == "POSS":
                words[-1] += "'s"
            else:
                words.append(word.strip("\"'“”‘’"))
        text = " ".join(words)
        return _Noun(text, quals, words[-1] if words else text)

    def relation(self, meta: Any, children: list[Any]) -> tuple[str, dict[str, Any]]:
        raw = lex.norm(self._raw(meta))
        position = _first(children, "POSITION_PHRASE")
        if position is not None:
            side = re.search(r"left|right|top|bottom|center|centre|middle", raw)
            if side:
                value = {"centre": "center", "middle": "center"}.get(side.group(0), side.group(0))
                return "", {"position": value}
            return raw, {}
        # "the man in the photo" is just the man.
        if re.fullmatch(r"(?:in|on|of) (?:the |this )?(?:image|photo|picture|shot|scene|frame)", raw):
            return "", {}
        return raw, {}

    def _with_relation(self, noun: _Noun, children: list[Any]) -> tuple[_Noun, dict[str, Any]]:
        rel = next((c for c in children if isinstance(c, tuple)), None)
        if rel is None:
            return noun, {}
        words, quals = rel
        if words:
            noun = _Noun(f"{noun.words} {words}", noun.qualifiers, noun.head)
        return noun, quals

    def _dets(self, children: list[Any]) -> dict[str, Any]:
        dets = next((c for c in children if isinstance(c, list) and all(isinstance(t, Token) for t in c)), [])
        words = {lex.norm(t) for t in dets}
        return {"count": "all"} if words & lex.ALL_DETERMINERS else {}

    def dets(self, meta: Any, children: list[Any]) -> list[Token]:
        return list(children)

    def region_phrase(self, meta: Any, children: list[Any]) -> Region:
        noun = next(c for c in children if isinstance(c, _Noun))
        rel = next((c for c in children if isinstance(c, tuple)), None)
        if rel is not None and rel[0] == "\0background":
            # "the people in the background": those people, where the background is.
            inner = self._phrase(noun, extra=self._dets(children))
            return MinusRegion(region=inner, exclude=NotRegion(region=BACKGROUND))
        noun, quals = self._with_relation(noun, children)
        return self._phrase(noun, extra={**self._dets(children), **quals})

    def region_demonstrative(self, meta: Any, children: list[Any]) -> Region:
        noun = next((c for c in children if isinstance(c, _Noun)), None)
        if noun is None:
            return self._resolve_pronoun("this")
        noun, quals = self._with_relation(noun, children)
        return self._phrase(noun, extra=quals)

    def region_possessive(self, meta: Any, children: list[Any]) -> Region:
        owner = lex.norm(_first(children, "POSS_DET"))
        noun = next(c for c in children if isinstance(c, _Noun))
        noun, quals = self._with_relation(noun, children)
        possessor = (self.last_person or "person") if owner in ("his", "her") else None
        if owner in ("their",) and self.last_person:
            possessor = self.last_person
        if owner == "its" and isinstance(self.last_target, PhraseRegion):
            possessor = self.last_target.text
        return self._phrase(noun, possessor=possessor, extra=quals)

    def region_pronoun(self, meta: Any, children: list[Any]) -> Region:
        word = lex.norm(_first(children, "PRONOUN"))
        noun = next((c for c in children if isinstance(c, _Noun)), None)
        if noun is None:
            return self._resolve_pronoun(word)
        possessor = (self.last_person or "person") if word == "her" else None
        return self._phrase(noun, possessor=possessor)

    def region_side(self, meta: Any, children: list[Any]) -> Region:
        """ "the top of the image", "the left half": a box in fractions of the image."""
        side = lex.QUALIFIER_WORDS.get(lex.norm(_first(children, "QUALIFIER")), ("", ""))[1]
        noun = lex.norm(_first(children, "SIDE_NOUN") or "half")
        part = {"third": 1 / 3, "quarter": 0.25, "edge": 0.15, "corner": 0.3}.get(noun, 0.5)
        boxes = {
            "left": (0, 0, part, 1),
            "right": (1 - part, 0, 1, 1),
            "top": (0, 0, 1, part),
            "bottom": (0, 1 - part, 1, 1),
            "center": (0.25, 0.25, 0.75, 0.75),
        }
        if side not in boxes:
            raise NotUnderstood(f"no side of the image called {side!r}")
        return BoxRegion(box=tuple(round(v, 4) for v in boxes[side]), units="fraction")

    def relation_background(self, meta: Any, children: list[Any]) -> tuple[str, dict[str, Any]]:
        return "\0background", {}

    def region_all(self, meta: Any, children: list[Any]) -> Region:
        return ALL

    def region_background(self, meta: Any, children: list[Any]) -> Region:
        return BACKGROUND

    def region_list(self, meta: Any, children: list[Any]) -> Region:
        regions: list[Region] = []
        for region in _regions(children):
            if region not in regions:
                regions.append(region)
        if ALL in regions:
            return ALL
        return regions[0] if len(regions) == 1 else UnionRegion(regions=tuple(regions))

    def region_except(self, meta: Any, children: list[Any]) -> Region:
        return NotRegion(region=_regions(children)[0])

    def region_minus(self, meta: Any, children: list[Any]) -> Region:
        keep, exclude = _regions(children)[:2]
        # "all the cars except the red one": "one" is the noun of the region before it.
        if isinstance(exclude, PhraseRegion) and isinstance(keep, PhraseRegion):
            words = exclude.text.split()
            if words and words[-1] in ("one", "ones"):
                head = keep.text.split()[-1]
                head = head[:-1] if words[-1] == "one" and _is_plural(head) else head
                exclude = PhraseRegion(text=" ".join([*words[:-1], head]), qualifiers=exclude.qualifiers)
        if keep == ALL:
            return NotRegion(region=exclude)
        return MinusRegion(region=keep, exclude=exclude)

    def region_only(self, meta: Any, children: list[Any]) -> Region:
        return _regions(children)[0]

    # ---- keep --------------------------------------------------------------------------------------
    def keep(self, meta: Any, children: list[Any]) -> KeepClause:
        region = _regions(children)[0]
        if region == ALL:
            raise NotUnderstood("keeping the whole image unchanged leaves nothing to edit")
        subject = sem.identity_subject(region)
        if subject is not None:  # "keep the man's identity": he may change, but stay recognisable
            if subject.text.split()[-1] in lex.PERSON_NOUNS:
                self.last_person = subject.text
            return KeepClause(subject, self._span(meta), kind="preserve_identity")
        if _first(children, "RECOGNIZABLE"):
            return KeepClause(region, self._span(meta), kind="preserve_identity")
        return KeepClause(region, self._span(meta))

    def keep_rest(self, meta: Any, children: list[Any]) -> KeepRestClause:
        return KeepRestClause(self._span(meta))

    # ---- blur ----------------------------------------------------------------------------------------
    def blur(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "blur", self._target(children), {"amount": self._scale(children, lex.BASE_BLUR)})

    def blur_soft(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "blur", self._target(children), {"amount": self._scale(children, 0.3)})

    # ---- adjust --------------------------------------------------------------------------------------
    def adjust_verb(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.ADJUST_VERBS[lex.norm(_first(children, "ADJUST_VERB"))]
        return self._adjust(meta, children, prop, sign)

    def comparative(self, meta: Any, children: list[Any]) -> list[Any]:
        number = _first(children, "NUMBER")
        if number is not None:  # "30% brighter"
            children = [*children, _Amount(absolute=float(number) / 100)]
        return children

    def comp_tail(self, meta: Any, children: list[Any]) -> list[Any]:
        return children

    def adjust_make(self, meta: Any, children: list[Any]) -> list[EditClause]:
        # "make the sky bluer and the grass greener", "make it warmer, brighter and more saturated":
        # one adjust per (region, comparative).
        out: list[EditClause] = []
        region: Region | None = None
        for child in children:
            if isinstance(child, _REGION_TYPES):
                region = child
            elif isinstance(child, list) and _first(child, "COMPARATIVE") is None:  # comp_tail: [region?, comp]
                for part in child:
                    if isinstance(part, _REGION_TYPES):
                        region = part
                    else:
                        out.append(self._comparative(meta, part, region))
            elif isinstance(child, list):
                out.append(self._comparative(meta, child, region))
        return out

    def _comparative(self, meta: Any, comp: list[Any], region: Region | None) -> EditClause:
        prop, sign = lex.COMPARATIVES[lex.norm(_first(comp, "COMPARATIVE"))]
        return self._adjust(meta, comp, prop, sign, target=region)

    def adjust_more(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.PROPERTY_ADJECTIVES[lex.norm(_first(children, "PROPERTY_ADJ"))]
        more = _first(children, "MORE_LESS")
        if more is not None and lex.norm(more) == "less":
            sign = -sign
        return self._adjust(meta, children, prop, sign)

    def adjust_change(self, meta: Any, children: list[Any]) -> EditClause:
        verb = _first(children, "CHANGE_AMOUNT")
        prop = lex.PROPERTY_NOUNS[lex.norm(_first(children, "PROPERTY"))]
        sign = -1 if verb is not None and lex.norm(verb) in lex.DECREASE_VERBS else 1
        return self._adjust(meta, children, prop, sign)

    def adjust_turn(self, meta: Any, children: list[Any]) -> EditClause:
        prop = lex.PROPERTY_NOUNS[lex.norm(_first(children, "PROPERTY"))]
        return self._adjust(meta, children, prop, 1 if lex.norm(_first(children, "UP_DOWN")) == "up" else -1)

    def adjust_more_noun(self, meta: Any, children: list[Any]) -> EditClause:
        prop = lex.PROPERTY_NOUNS[lex.norm(_first(children, "PROPERTY"))]
        more = _first(children, "MORE_LESS")
        sign = -1 if more is not None and lex.norm(more) in ("less", "lower") else 1
        degree = [c for c in children if isinstance(c, _Degree)]
        return self._adjust(
            meta, [*degree, *(c for c in children if isinstance(c, _Amount))], prop, sign, target=self._target(children)
        )

    def adjust_pop(self, meta: Any, children: list[Any]) -> EditClause:
        return self._adjust(meta, children, "vibrance", 1, target=self._target(children))

    # ---- atmosphere ----------------------------------------------------------------------------------
    def atmosphere(self, meta: Any, children: list[Any]) -> EditClause:
        word = _first(children, "EFFECT_NOUN", "EFFECT_ADJ")
        return self._effect(meta, children, lex.norm(word))

    def _effect(self, meta: Any, children: list[Any], words: str) -> EditClause:
        tokens = words.split()
        effect = next((lex.EFFECT_WORDS[w] for w in tokens if w in lex.EFFECT_WORDS), None)
        if effect is None:
            raise NotUnderstood(f"no atmosphere effect in {words!r}")
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        if tokens[0] in lex.EFFECT_STRONG:
            amount = min(1.0, amount * 1.6)
        elif tokens[0] in lex.EFFECT_MILD and tokens[0] != "some":
            amount *= 0.6
        return self._edit(meta, "atmosphere", self._target(children), {"effect": effect, "amount": round(amount, 4)})

    # ---- replace, remove, add, recolor, restyle -----------------------------------------------------
    def prompt(self, meta: Any, children: list[Any]) -> str:
        return self._raw(meta).strip().strip("\"'“”‘’").strip()

    def color(self, meta: Any, children: list[Any]) -> str:
        return children[0]

    def replace(self, meta: Any, children: list[Any]) -> list[EditClause]:
        pairs: list[EditClause] = []
        pending: Region | None = None
        for child in children:
            if isinstance(child, _REGION_TYPES):
                pending = child
            elif isinstance(child, str) and not isinstance(child, Token) and pending is not None:
                pairs.append(self._edit(meta, "replace", pending, {"prompt": child}))
                pending = None
        return pairs

    def replace_instead(self, meta: Any, children: list[Any]) -> EditClause:
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return self._edit(meta, "replace", _regions(children)[0], {"prompt": prompt})

    def change_into(self, meta: Any, children: list[Any]) -> EditClause:
        region = _regions(children)[0]
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return self._edit(meta, *sem.change_into(region, prompt))

    def _recolor_or_fill(self, meta: Any, region: Region | None, color: str) -> EditClause:
        return self._edit(meta, *sem.recolor_or_fill(region, color))

    def remove(self, meta: Any, children: list[Any]) -> EditClause:
        regions = _regions(children)
        what = regions[0]
        if isinstance(what, PhraseRegion) and what.text in lex.ENHANCE_KINDS:
            return self._edit(meta, "enhance", None, {"kind": lex.ENHANCE_KINDS[what.text]})
        if isinstance(what, PhraseRegion) and what.text in ("color", "colors", "colour", "colours"):
            return self._edit(meta, "restyle", regions[1] if len(regions) > 1 else None, {"style": "black and white"})
        if len(regions) > 1 and regions[1] == BACKGROUND:
            what = MinusRegion(region=what, exclude=NotRegion(region=BACKGROUND))
        elif len(regions) > 1 and isinstance(regions[1], PhraseRegion) and isinstance(what, PhraseRegion):
            where = regions[1].text
            prep = "in" if where in ("sky", "water", "sea", "air", "lake", "river", "picture") else "on"
            what = PhraseRegion(text=f"{what.text} {prep} the {where}", qualifiers=what.qualifiers)
        return self._edit(meta, "remove", what, {})

    def add(self, meta: Any, children: list[Any]) -> EditClause:
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return self._added(meta, self._target(children), prompt)

    def add_give(self, meta: Any, children: list[Any]) -> EditClause:
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        article = _first(children, "DET")
        pronoun = _first(children, "OBJ_PRONOUN")
        more = re.fullmatch(r"(more|less|extra|some)\s+(.+)", lex.norm(prompt))
        if more and more.group(2) in lex.PROPERTY_NOUNS:  # "give it more contrast"
            target = self._resolve_pronoun(lex.norm(pronoun)) if pronoun is not None else _regions(children)[0]
            sign = -1 if more.group(1) == "less" else 1
            return self._adjust(meta, [], lex.PROPERTY_NOUNS[more.group(2)], sign, target=target)
        target = self._resolve_pronoun(lex.norm(pronoun)) if pronoun is not None else _regions(children)[0]
        return self._added(meta, target, f"{article} {prompt}" if article else prompt)

    def _added(self, meta: Any, target: Region | None, prompt: str) -> EditClause:
        return self._edit(meta, *sem.added(target, prompt))

    def recolor(self, meta: Any, children: list[Any]) -> EditClause:
        color = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return self._recolor_or_fill(meta, _regions(children)[0], color)

    def recolor_final(self, meta: Any, children: list[Any]) -> EditClause:
        return self._recolor_or_fill(meta, _regions(children)[0], lex.norm(_first(children, "COLOR_FINAL")))

    def restyle_named(self, meta: Any, children: list[Any]) -> EditClause:
        word = _first(children, "STYLE_ADJ", "STYLE_VERB")
        style = lex.style_of(word) if word.type == "STYLE_ADJ" else "black and white"
        return self._edit(meta, "restyle", self._target(children), {"style": style})

    def restyle_decolor(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "restyle", self._target(children), {"style": "black and white"})

    def restyle_like(self, meta: Any, children: list[Any]) -> EditClause:
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        effect = sem.effect_of(prompt)
        if effect is not None and not sem.words_of(prompt) & lex.STYLE_HINTS:
            return self._edit(
                meta, "atmosphere", self._target(children), {"effect": effect, "amount": lex.BASE_ATMOSPHERE}
            )
        return self._edit(meta, *sem.styled(self._target(children), prompt))

    # ---- enhance, canvas -----------------------------------------------------------------------------
    def enhance_auto(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "enhance", self._target(children), {"kind": "auto"})

    def enhance_kind(self, meta: Any, children: list[Any]) -> EditClause:
        word = lex.norm(_first(children, "ENHANCE_VERB"))
        kind = next((v for k, v in lex.ENHANCE_KINDS.items() if k in word.replace("-", "")), "auto")
        return self._edit(meta, "enhance", self._target(children), {"kind": kind})

    def crop(self, meta: Any, children: list[Any]) -> EditClause:
        raw = lex.norm(_first(children, "ASPECT"))
        match = re.match(r"(\d{1,4})\s*[:x×]\s*(\d{1,4})", raw)
        aspect = f"{int(match.group(1))}:{int(match.group(2))}" if match else lex.ASPECTS[raw.split()[0]]
        if "0" in aspect.split(":"):
            raise NotUnderstood(f"aspect {aspect} has a zero side")
        return self._edit(meta, "crop", None, {"aspect": aspect})

    def rotate(self, meta: Any, children: list[Any]) -> EditClause:
        degrees = float(_first(children, "NUMBER"))
        direction = _first(children, "DIRECTION")
        sign = 1 if direction is not None and lex.norm(direction) in lex.COUNTERCLOCKWISE else -1
        if not 0 < degrees < 360:
            raise NotUnderstood(f"cannot rotate by {degrees} degrees")
        return self._edit(meta, "rotate", None, {"degrees": sign * degrees})

    def rotate_direction(self, meta: Any, children: list[Any]) -> EditClause:
        word = lex.norm(_first(children, "DIRECTION", "POSITION_PHRASE"))
        left = word in lex.COUNTERCLOCKWISE or word.endswith("left")
        return self._edit(meta, "rotate", None, {"degrees": 90.0 if left else -90.0})

    def rotate_upside_down(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "rotate", None, {"degrees": 180.0})

    def rotate_straighten(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "rotate", None, {"auto": True})

    def flip(self, meta: Any, children: list[Any]) -> EditClause:
        word = _first(children, "FLIP_DIRECTION")
        vertical = word is not None and re.search(r"vertical|top", lex.norm(word)) is not None
        return self._edit(meta, "flip", None, {"direction": "vertical" if vertical else "horizontal"})

    def resize_wh(self, meta: Any, children: list[Any]) -> EditClause:
        width, height = (int(float(n)) for n in _tokens(children, "NUMBER")[:2])
        return self._edit(meta, "resize", None, {"width": width, "height": height})

    def resize_side(self, meta: Any, children: list[Any]) -> EditClause:
        size = int(float(_first(children, "NUMBER")))
        key = "width" if lex.norm(_first(children, "WIDE_TALL")) in ("wide", "width") else "height"
        return self._edit(meta, "resize", None, {key: size})

    def resize_percent(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "resize", None, {"scale": float(_first(children, "NUMBER")) / 100})

    def resize_factor(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(meta, "resize", None, {"scale": float(_first(children, "NUMBER"))})

    def resize_word(self, meta: Any, children: list[Any]) -> EditClause:
        return self._edit(
            meta, "resize", None, {"scale": 0.5 if "half" in lex.norm(_first(children, "SCALE_WORD")) else 2.0}
        )

    def extend(self, meta: Any, children: list[Any]) -> EditClause:
        number = _first(children, "NUMBER")
        side = " ".join(lex.norm(t) for t in _tokens(children, "SIDE", "POSITION_PHRASE"))
        if number is None:
            value, units = 0.25, "fraction"
        elif _first(children, "PERCENT"):
            value, units = float(number) / 100, "fraction"
        else:
            value, units = float(number), "px"
        sides = _sides(side)
        return self._edit(meta, "extend", None, {**dict.fromkeys(sides, value), "units": units})


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


__all__ = ["NotUnderstood", "english_parser", "parse_english"]
