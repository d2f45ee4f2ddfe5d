"""Meaning shared by every language's grammar: what "turn X into Y" or "add Y" means, by what Y is.

The grammars decide structure; these functions decide, from the English text for models, whether a
clause is a style, an atmosphere, a colour or a new thing.
"""

from __future__ import annotations

import re
from typing import Any

from editree.ops import ALL, BACKGROUND, MinusRegion, NotRegion, PhraseRegion, Region
from editree.planner import lexicon_en as lex

_ARTICLE = re.compile(r"^(?:a|an|the|some)\s+", re.IGNORECASE)


class NotUnderstood(Exception):
    """A clause parsed, but its words make no sense for the op (e.g. "remove the contrast")."""


def strip_article(text: str) -> str:
    return _ARTICLE.sub("", text.strip())


def words_of(text: str) -> set[str]:
    """Words, with the parts of hyphenated ones too ("pencil-sketch" has "pencil" and "sketch")."""
    words = set(re.findall(r"[a-z0-9-]+", text.lower()))
    return words | {part for word in words if "-" in word for part in word.split("-") if part}


def without(target: Region, excluded: Region) -> Region:
    """The target minus an exception ("… except the red dress")."""
    if target == ALL:
        return NotRegion(region=excluded)
    return MinusRegion(region=target, exclude=excluded)


def style_text(text: str) -> str:
    """ "a vintage filter" -> "vintage"; "watercolor painting" stays; "anime style" -> "anime"."""
    words = text.strip().split()
    while len(words) > 1 and words[-1].lower() in lex.LOOK_WORDS:
        words.pop()
    style = " ".join(words).strip()
    return lex.style_of(style) if lex.norm(style) in lex.BW_WORDS else style


def is_color(text: str) -> bool:
    words = lex.norm(text).split()
    return bool(words) and len(words) <= 3 and words[-1] in lex.COLOR_NAMES


def effect_of(text: str) -> str | None:
    return next((lex.EFFECT_WORDS[w] for w in lex.norm(text).split() if w in lex.EFFECT_WORDS), None)


def styled(target: Region | None, prompt: str) -> tuple[str, Region | None, dict[str, Any]]:
    """A style request: a named or free style, or a tone that is really an adjustment."""
    style = style_text(strip_article(prompt))
    tone = lex.TONE_STYLES.get(lex.norm(style))
    if tone is not None:  # "a warm filter" is a warmth adjustment
        return "adjust", target, {"property": tone[0], "amount": lex.BASE_ADJUST * tone[1]}
    said_style = bool(re.search(r"\b(?:style|styles|aesthetic|art style)\s*$", prompt.lower()))
    if not said_style and not words_of(style) & lex.STYLE_HINTS and lex.norm(style) not in lex.BW_WORDS:
        raise NotUnderstood(f"{style!r} is not a style")
    return "restyle", target, {"style": style}


def recolor_or_fill(region: Region | None, color: str) -> tuple[str, Region | None, dict[str, Any]]:
    if isinstance(region, PhraseRegion):  # "change the car's color to silver" recolours the car
        text = re.sub(r"'s (?:colou?r|colou?ring|hue)$", "", region.text)
        region = PhraseRegion(text=text, source=region.source, qualifiers=region.qualifiers)
    words = color.lower().split()
    if region == BACKGROUND and (words[-1] in ("white", "black") or words[0] in ("plain", "solid", "pure", "flat")):
        # "make the background white" means a plain white backdrop (a studio or product shot); "make the
        # background purple" tints what is there
        return "replace", region, {"prompt": color}
    return "recolor", region, {"color": color}


def change_into(region: Region | None, prompt: str) -> tuple[str, Region | None, dict[str, Any]]:
    """ "turn X into Y": a style, an effect, a colour or a new thing, by what Y is."""
    words = words_of(prompt)
    bare = strip_article(prompt)
    effect = effect_of(prompt)
    if effect is not None and len(words - {"a", "an", "the", "scene", "shot", "photo", "image"}) <= 2:
        return "atmosphere", region, {"effect": effect, "amount": lex.BASE_ATMOSPHERE}
    if isinstance(region, PhraseRegion) and region.text in lex.IMAGE_ASPECT_NOUNS:
        raise NotUnderstood(f"changing the {region.text} needs an instruction-following model")
    if words & lex.STYLE_HINTS or words & lex.LOOK_WORDS or lex.norm(bare) in lex.BW_WORDS:
        return styled(region, bare)
    if is_color(bare):
        return recolor_or_fill(region, bare)
    if lex.norm(bare) in ("color", "colour", "in color", "in colour", "full color"):
        raise NotUnderstood("making a region 'coloured' means keeping it and greying the rest; say that instead")
    if region is None or region == ALL:
        raise NotUnderstood(f"turning the whole image into {prompt!r} needs an instruction-following model")
    return "replace", region, {"prompt": prompt}


def added(target: Region | None, prompt: str) -> tuple[str, Region | None, dict[str, Any]]:
    """ "add Y": a thing, or a look ("add a vintage filter"), or a blur ("add a bokeh effect")."""
    words = re.findall(r"[a-z0-9-]+", prompt.lower())
    if words and words[-1] in lex.LOOK_WORDS:
        if set(words) & {"bokeh", "blur"}:
            return "blur", target, {"amount": lex.BASE_BLUR}
        return styled(target, prompt)
    return "add", target, {"prompt": prompt}


_IDENTITY = re.compile(
    r"^(?:(?P<owner>.+?)'s\s+(?:identity|likeness|looks|features|facial\s+features|face\s+identity)"
    r"|(?:identity|likeness|looks|features)\s+of\s+(?:the\s+)?(?P<of>.+))$"
)


def identity_subject(region: Region) -> Region | None:
    """ "the man's identity", "identity of the woman", "人物的长相" -> the subject whose identity is meant."""
    if not isinstance(region, PhraseRegion):
        return None
    match = _IDENTITY.match(region.text)
    if match is None:
        return None
    owner = match.group("owner") or match.group("of")
    return PhraseRegion(text=owner, source=region.source, qualifiers=region.qualifiers)
