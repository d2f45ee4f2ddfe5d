"""The English grammar planner: `en.lark` parses, `EnglishTransformer` gives each clause meaning.

Pronouns ("it", "them", "this") are resolved while transforming: lark transforms children left to
right, so when a clause is reached every clause before it has been transformed already. A pronoun
means the previous edit's target (explicit or implied: "add fog" targets the whole image), or the
whole image when nothing came before.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import LarkError, VisitError

from editree.ops import ALL, BACKGROUND, NotRegion, PhraseRegion, Region, UnionRegion, phrase
from editree.planner import lexicon_en as lex
from editree.planner.clauses import Clause, EditClause, KeepClause


class NotUnderstood(Exception):
    """A clause parsed, but its words make no sense for the op (e.g. "remove the contrast")."""


@lru_cache(maxsize=1)
def english_parser() -> Lark:
    grammar = resources.files("editree.grammars").joinpath("en.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="earley",
        lexer="basic",
        start=["instruction", "lone_clause"],
        propagate_positions=True,
        ambiguity="resolve",
    )


def parse_english(text: str, start: str = "instruction", offset: int = 0) -> list[Clause]:
    """Parse `text` (a whole instruction, or one clause with start="lone_clause") into clauses.

    Raises lark's `UnexpectedInput` when the grammar does not cover the text, and `NotUnderstood`
    when it parses but means nothing. Spans are shifted by `offset` into the full instruction.
    """
    tree = english_parser().parse(text, start=start)
    transformer = EnglishTransformer(text, offset)
    try:
        transformer.transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, NotUnderstood):
            raise exc.orig_exc from None
        raise
    return transformer.clauses


def _tokens(children: list[Any], *types: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type in types]


def _first(children: list[Any], *types: str) -> Token | None:
    found = _tokens(children, *types)
    return found[0] if found else None


def _regions(children: list[Any]) -> list[Region]:
    return [c for c in children if isinstance(c, (PhraseRegion, *_REGION_TYPES))]


_REGION_TYPES = (type(ALL), type(BACKGROUND), NotRegion, UnionRegion)


class _Degree:
    def __init__(self, factor: float) -> None:
        self.factor = factor


class _Amount:
    def __init__(self, factor: float | None = None, absolute: float | None = None, sign: int = 1) -> None:
        self.factor = factor
        self.absolute = absolute
        self.sign = sign


@v_args(meta=True)
class EnglishTransformer(Transformer):
    def __init__(self, text: str, offset: int = 0) -> None:
        super().__init__()
        self.text = text
        self.offset = offset
        self.clauses: list[Clause] = []
        self.last_target: Region | None = None

    # ---- helpers ---------------------------------------------------------------------------------
    def _span(self, meta: Any) -> tuple[int, int]:
        return (meta.start_pos + self.offset, meta.end_pos + self.offset)

    def _words(self, meta: Any) -> str:
        return lex.norm(self.text[meta.start_pos : meta.end_pos])

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

    def _amount_sign(self, children: list[Any]) -> int:
        sign = 1
        for child in children:
            if isinstance(child, _Amount):
                sign *= child.sign
        return sign

    def _edit(self, meta: Any, op: str, target: Region | None, args: dict[str, Any]) -> EditClause:
        explicit = target is not None
        clause = EditClause(op, target if target is not None else ALL, args, self._span(meta), explicit_target=explicit)
        self.clauses.append(clause)
        self.last_target = clause.target
        return clause

    def _adjust(self, meta: Any, children: list[Any], prop: str, sign: int) -> EditClause:
        regions = _regions(children)
        amount = self._scale(children, lex.BASE_ADJUST) * sign * self._amount_sign(children)
        return self._edit(meta, "adjust", regions[0] if regions else None, {"property": prop, "amount": amount})

    # ---- wrappers --------------------------------------------------------------------------------
    def instruction(self, meta: Any, children: list[Any]) -> list[Clause]:
        return self.clauses

    lone_clause = instruction

    def sequence(self, meta: Any, children: list[Any]) -> list[Clause]:
        return self.clauses

    def clause(self, meta: Any, children: list[Any]) -> Any:
        return next((c for c in children if not isinstance(c, Token)), None)

    # ---- amounts ---------------------------------------------------------------------------------
    def degree(self, meta: Any, children: list[Any]) -> _Degree:
        word = _first(children, "DEGREE")
        return _Degree(lex.DEGREES.get(lex.norm(word), 1.0) if word else 1.0)

    def amount(self, meta: Any, children: list[Any]) -> _Amount:
        number = _first(children, "NUMBER")
        if number is not None:
            value = float(number)
            return _Amount(absolute=value / 100 if _first(children, "PERCENT") or value > 1 else value)
        word = _first(children, "DEGREE")
        sign = -1 if _first(children, "LESS") else 1
        return _Amount(factor=lex.DEGREES.get(lex.norm(word), 1.0) if word else 1.0, sign=sign)

    # ---- regions ---------------------------------------------------------------------------------
    def region_phrase(self, meta: Any, children: list[Any]) -> PhraseRegion:
        noun = children[-1]
        return noun

    def noun_phrase(self, meta: Any, children: list[Any]) -> PhraseRegion:
        words = self._words(meta).strip("\"'“”")
        return phrase(words)

    def region_all(self, meta: Any, children: list[Any]) -> Region:
        return ALL

    def region_background(self, meta: Any, children: list[Any]) -> Region:
        return BACKGROUND

    def region_pronoun(self, meta: Any, children: list[Any]) -> Region:
        return self.last_target if self.last_target is not None else ALL

    def region_union(self, meta: Any, children: list[Any]) -> Region:
        regions: list[Region] = []
        for region in _regions(children):
            if region not in regions:
                regions.append(region)
        return regions[0] if len(regions) == 1 else UnionRegion(regions=tuple(regions))

    def region_except(self, meta: Any, children: list[Any]) -> Region:
        return NotRegion(region=_regions(children)[0])

    def region_only(self, meta: Any, children: list[Any]) -> Region:
        return _regions(children)[0]

    def region_word(self, meta: Any, children: list[Any]) -> Token:
        return children[0]

    # ---- clauses ---------------------------------------------------------------------------------
    def keep(self, meta: Any, children: list[Any]) -> KeepClause:
        clause = KeepClause(_regions(children)[0], self._span(meta))
        self.clauses.append(clause)
        return clause

    def blur_verb(self, meta: Any, children: list[Any]) -> EditClause:
        regions = _regions(children)
        return self._edit(
            meta, "blur", regions[0] if regions else None, {"amount": self._scale(children, lex.BASE_BLUR)}
        )

    blur_make = blur_verb

    def adjust_verb(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.ADJUST_VERBS[lex.norm(_first(children, "ADJUST_VERB"))]
        return self._adjust(meta, children, prop, sign)

    def adjust_phrasal(self, meta: Any, children: list[Any]) -> EditClause:
        return self._adjust(meta, children, "warmth", 1 if _first(children, "WARM") else -1)

    def adjust_make(self, meta: Any, children: list[Any]) -> EditClause:
        prop, sign = lex.COMPARATIVES[lex.norm(_first(children, "COMPARATIVE"))]
        return self._adjust(meta, children, prop, sign)

    def adjust_more(self, meta: Any, children: list[Any]) -> EditClause:
        word = _first(children, "PROPERTY_ADJ", "WARM", "COOL", "SHARP")
        prop, sign = lex.PROPERTY_ADJECTIVES[lex.norm(word)]
        if _first(children, "LESS"):
            sign = -sign
        return self._adjust(meta, children, prop, sign)

    def adjust_change(self, meta: Any, children: list[Any]) -> EditClause:
        verb = lex.norm(_first(children, "CHANGE_AMOUNT"))
        prop = lex.PROPERTY_NOUNS[lex.norm(_first(children, "PROPERTY"))]
        return self._adjust(meta, children, prop, -1 if verb in lex.DECREASE_VERBS else 1)

    def adjust_add(self, meta: Any, children: list[Any]) -> EditClause:
        prop = lex.PROPERTY_NOUNS[lex.norm(_first(children, "PROPERTY"))]
        return self._adjust(meta, children, prop, 1)

    def _atmosphere(self, meta: Any, children: list[Any], word: Token) -> EditClause:
        words = lex.norm(word).split()
        effect = next(lex.EFFECTS[w] for w in words if w in lex.EFFECTS)
        amount = self._scale(children, lex.BASE_ATMOSPHERE)
        if words[0] in lex.EFFECT_STRONG:
            amount = min(1.0, amount * 1.6)
        elif words[0] in lex.EFFECT_MILD and words[0] != "some":
            amount = amount * 0.6
        regions = _regions(children)
        return self._edit(
            meta, "atmosphere", regions[0] if regions else None, {"effect": effect, "amount": round(amount, 4)}
        )

    def atmosphere_add(self, meta: Any, children: list[Any]) -> EditClause:
        return self._atmosphere(meta, children, _first(children, "EFFECT_NOUN"))

    def atmosphere_make(self, meta: Any, children: list[Any]) -> EditClause:
        return self._atmosphere(meta, children, _first(children, "EFFECT_ADJ"))

    def prompt(self, meta: Any, children: list[Any]) -> str:
        return self.text[meta.start_pos : meta.end_pos].strip().strip("\"'“”").strip()

    def replace(self, meta: Any, children: list[Any]) -> EditClause:
        prompt = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        region = _regions(children)[0]
        return self._edit(meta, "replace", region, {"prompt": prompt})

    def restyle_make(self, meta: Any, children: list[Any]) -> EditClause:
        regions = _regions(children)
        style = lex.style_of(_first(children, "STYLE_ADJ"))
        return self._edit(meta, "restyle", regions[0] if regions else None, {"style": style})

    def restyle_remove_color(self, meta: Any, children: list[Any]) -> EditClause:
        noun = lex.norm(_first(children, "PROPERTY"))
        if noun not in lex.COLOR_PROPERTY_NOUNS:
            raise NotUnderstood(f"cannot remove {noun!r}")
        regions = _regions(children)
        return self._edit(meta, "restyle", regions[0] if regions else None, {"style": "black and white"})

    def restyle_desaturate(self, meta: Any, children: list[Any]) -> EditClause:
        regions = _regions(children)
        return self._edit(meta, "restyle", regions[0] if regions else None, {"style": "black and white"})


__all__ = ["LarkError", "NotUnderstood", "Tree", "english_parser", "parse_english"]
