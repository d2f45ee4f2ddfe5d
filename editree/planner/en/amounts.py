"""How much: degree words, percentages and "by half" anywhere in a clause, taken out of its tokens.

"a bit warmer" < "warmer" < "much warmer"; "by 20%" and "30% brighter" are absolute; degree words
multiply an op's base amount. The frame takes the amount words out first, so that what is left is
regions and arguments ("blur the background a lot" -> region "the background", factor 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editree.planner.en import vocab
from editree.planner.en.tokens import Tok

_NUMBER_WORDS = {"half": 50.0, "double": 200.0, "twice": 200.0}


@dataclass
class Amount:
    factor: float = 1.0
    absolute: float | None = None
    """A value given outright ("by 20%" -> 0.2), replacing base x factor."""
    less: bool = False
    """ "a little less …": the direction flips."""
    seen: bool = False

    def scale(self, base: float) -> float:
        value = self.absolute if self.absolute is not None else base * self.factor
        return round(min(1.0, max(0.01, value)), 4)

    def merged(self, other: Amount) -> Amount:
        """This amount where it says something, else `other` (a shared trailing "slightly")."""
        return self if self.seen else other


def take_amount(toks: list[Tok], *, adjectives: bool = False) -> tuple[Amount, list[Tok]]:
    """The amount the tokens state, and the tokens without its words.

    adjectives: also read degree adjectives ("a slight increase", "heavy fog" is read by the effect itself).
    """
    amount = Amount()
    out: list[Tok] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        low = tok.low
        nxt = toks[i + 1].low if i + 1 < n else ""
        nxt2 = toks[i + 2].low if i + 2 < n else ""
        # "by 20%", "by 20 percent", "20%", "+20", "by 2 stops", "by 10 points"
        if (
            low in ("by", "to", "about", "around", "roughly", "approximately")
            and toks[i + 1 : i + 2]
            and toks[i + 1].kind == "num"
        ):
            value, used = _number(toks, i + 1)
            if value is not None:
                amount.absolute, amount.seen = value, True
                i += 1 + used
                continue
        if tok.kind == "num" or (low in ("+", "-") and nxt and toks[i + 1].kind == "num"):
            start = i + 1 if low in ("+", "-") else i
            value, used = _number(toks, start)
            if value is not None and (used > 1 or low in ("+", "-") or _is_amount_context(toks, i)):
                amount.absolute, amount.seen = value, True
                if low == "-":
                    amount.less = True
                i = start + used
                continue
        if low == "by" and nxt in ("half", "a half"):
            amount.absolute, amount.seen = 0.5, True
            i += 2
            continue
        if low in STOPS:  # "half a stop", "a third of a stop": exposure in stops, about 0.5 a stop
            amount.absolute, amount.seen = STOPS[low], True
            i += 1
            continue
        if low in ("by", "a") and nxt in vocab.DEGREE_WORDS and nxt not in vocab.ADJECTIVE_DEGREES:
            amount.factor *= vocab.DEGREE_WORDS[nxt]
            amount.seen = True
            i += 2
            continue
        if low in vocab.COMPLETELY:
            amount.absolute, amount.seen = 1.0, True
            i += 1
            continue
        if low in vocab.LESS_DEGREES:
            amount.factor *= vocab.DEGREE_WORDS.get(low.replace(" less", " more"), vocab.lex.MILD)
            amount.less, amount.seen = True, True
            i += 1
            continue
        if low in vocab.DEGREE_WORDS and (adjectives or low not in vocab.ADJECTIVE_DEGREES):
            if low == "too" and nxt in ("much", "strong", "strongly"):
                i += 1
                continue
            if low in ("some", "little") and not adjectives:
                out.append(tok)
                i += 1
                continue
            amount.factor *= vocab.DEGREE_WORDS[low]
            amount.seen = True
            i += 1
            # "a little bit more", "much more": "more" is the degree's, not a comparative
            if nxt == "more" and nxt2 and nxt2 not in vocab.PROPERTY_NOUNS:
                pass
            continue
        out.append(tok)
        i += 1
    return amount, out


STOPS = {
    "half a stop": 0.25,
    "a half stop": 0.25,
    "a third of a stop": 0.17,
    "a quarter of a stop": 0.12,
    "a full stop": 0.5,
    "one stop": 0.5,
    "a stop": 0.5,
    "two stops": 1.0,
}


def _is_amount_context(toks: list[Tok], i: int) -> bool:
    """A bare number is an amount only next to a percent sign or a unit, not "2 dogs"."""
    following = toks[i + 1].low if i + 1 < len(toks) else ""
    return following in ("%", "percent", "per cent", "points", "point", "stops", "stop", "pct")


def _number(toks: list[Tok], i: int) -> tuple[float | None, int]:
    """(value as a fraction, tokens used) for "20 %", "20 percent", "10-20 points", "1 stop", "0.5"."""
    if i >= len(toks) or toks[i].kind != "num":
        return None, 0
    try:
        value = float(toks[i].low.replace(",", "."))
    except ValueError:
        return None, 0
    used = 1
    # "10-20 points": the middle of a range
    if i + 2 < len(toks) and toks[i + 1].low in ("-", "to") and toks[i + 2].kind == "num":
        try:
            value = (value + float(toks[i + 2].low.replace(",", "."))) / 2
            used = 3
        except ValueError:
            pass
    unit = toks[i + used].low if i + used < len(toks) else ""
    if unit in ("%", "percent", "per cent", "pct"):
        return value / 100, used + 1
    if unit in ("points", "point"):
        return min(1.0, value / 100), used + 1
    if unit in ("stops", "stop", "ev"):
        return min(1.0, value / 2), used + 1
    return (value / 100 if value > 1 else value), used


PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)")
