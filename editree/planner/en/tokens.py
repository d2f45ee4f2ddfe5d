"""English text -> tokens with character spans, multiword expressions joined.

The frame parser reads tokens, not characters: each token keeps its span in the instruction (so
every plan node can point at its words), its text as written (prompts keep the user's casing) and a
lower-case canonical form (`low`) that the vocabulary is keyed by. Multiword expressions ("get rid
of", "black and white", "a little bit", "in front of") become one token first, so that the "and" of
"black and white" never splits a clause and "get rid of" is one verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from editree.planner.en import vocab


@dataclass(frozen=True)
class Tok:
    text: str
    """As written (for prompts)."""
    low: str
    """Lower-case canonical form; for a multiword expression, its canonical phrase."""
    start: int
    end: int
    kind: str
    """word | num | punct | quote | cjk | hex"""

    def __repr__(self) -> str:  # compact, for debugging and test failures
        return f"{self.low!r}@{self.start}"


_TOKEN = re.compile(
    r"""(?P<quote>"[^"\n]{1,200}"|“[^”\n]{1,200}”|‘[^’\n]{1,200}’|(?<![\w'’])'[^'\n]{1,200}'(?![\w'’]))
      |(?P<hex>\#[0-9a-fA-F]{6}\b|\#[0-9a-fA-F]{3}\b)
      |(?P<ratio>\d{1,4}\s?[:：]\s?\d{1,4}(?!\d))
      |(?P<num>\d+(?:[.,]\d+)?)
      |(?P<word>[^\W\d_](?:[\w’'&-]*\w)?[’']?)
      |(?P<cjk>[\u3400-\u9fff\uf900-\ufaff]+)
      |(?P<dash>(?<=\s)-(?=\s)|[—–]+)
      |(?P<punct>[,，、;；:：.。!！?？()\[\]{}/&+%°×*~=<>-])""",
    re.VERBOSE,
)

# Contractions that change how a clause reads ("it's dark" is a condition, "its colour" a possessive).
# Chat spellings and photographers' shorthand, read as the words they stand for.
_SHORTHAND = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "em": "them",
    "lil": "little",
    "abit": "a bit",
    "alil": "a little",
    "kinda": "somewhat",
    "sorta": "somewhat",
    "tho": "though",
    "pic": "picture",
    "pics": "pictures",
    "sat": "saturation",
    "temp": "temperature",
    "wb": "white balance",
    "exp": "exposure",
    "bw": "black and white",
    "plz": "please",
    "pls": "please",
    "thx": "thanks",
    "colour": "color",
    "colours": "colors",
    "grey": "gray",
}

_CONTRACTIONS = {
    "it's": ("it", "is"),
    "there's": ("there", "is"),
    "that's": ("that", "is"),
    "what's": ("what", "is"),
    "isn't": ("is", "not"),
    "aren't": ("are", "not"),
    "doesn't": ("does", "not"),
    "don't": ("do", "not"),
    "dont": ("do", "not"),
    "didn't": ("did", "not"),
    "shouldn't": ("should", "not"),
    "mustn't": ("must", "not"),
    "won't": ("will", "not"),
    "wouldn't": ("would", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "couldn't": ("could", "not"),
    "let's": ("let", "us"),
    "lets": ("let", "us"),
    "i'd": ("i", "would"),
    "i'm": ("i", "am"),
    "i've": ("i", "have"),
    "i'll": ("i", "will"),
    "we'd": ("we", "would"),
    "you'd": ("you", "would"),
}


def tokenize(text: str) -> list[Tok]:
    """Tokens of `text` (spans index into `text`), contractions split, multiword expressions joined."""
    raw: list[Tok] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        value = match.group(0)
        start, end = match.span()
        if kind == "word":
            low = value.lower().replace("’", "'")
            if low.endswith("'") and not low.endswith("s'"):
                low, value, end = low[:-1], value[:-1], end - 1
            low = _SHORTHAND.get(low, low)
            parts = _CONTRACTIONS.get(low)
            if parts is not None:
                # Both halves point at the whole contraction: spans stay inside the words written.
                raw.extend(Tok(value, part, start, end, "word") for part in parts)
                continue
            raw.append(Tok(value, low, start, end, "word"))
        elif kind == "dash":
            after = re.match(r"\s*(\w+)", text[end:])
            if value == "-" and raw and after and {raw[-1].low, after.group(1).lower()} <= _SIDE_WORDS:
                raw.append(Tok(value, "-", start, end, "punct"))  # "the top - left egg": a hyphen, spaced
            else:
                raw.append(Tok(value, ",", start, end, "punct"))  # "five cones on the track — remove them"
        elif kind == "quote":
            raw.append(Tok(value[1:-1], value[1:-1].lower(), start, end, "quote"))
        else:
            raw.append(Tok(value, value.lower(), start, end, kind))
    return _join_phrases(_its_is(_list_markers(raw)))


_SIDE_WORDS = frozenset(
    {"top", "bottom", "left", "right", "upper", "lower", "middle", "center", "centre", "front", "back"}
)


def _list_markers(raw: list[Tok]) -> list[Tok]:
    """ "1) crop to 4:3, 2) rotate it, 3. add a vignette": each numbered item is a sentence of its own."""
    out: list[Tok] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if (
            tok.kind == "num"
            and tok.low.isdigit()
            and int(tok.low) <= 20
            and i + 2 < len(raw)
            and raw[i + 1].low in (")", ".")
            and raw[i + 2].kind == "word"
            and (
                i == 0
                or raw[i + 1].low == ")"
                or (raw[i - 1].kind == "punct" and raw[i - 1].low in (",", ";", ":", ".", "("))
            )
        ):
            if out and out[-1].low in (",", "("):
                out.pop()
            out.append(Tok(";", ";", tok.start, raw[i + 1].end, "punct"))
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> [(words, canonical)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for surface, canonical in vocab.PHRASES.items():
        words = tuple(_surface_words(surface))
        index.setdefault(words[0], []).append((words, canonical))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _surface_words(surface: str) -> list[str]:
    return [t.low for t in (Tok(m.group(0), m.group(0), 0, 0, "") for m in _TOKEN.finditer(surface.lower()))]


def _its_is(tokens: list[Tok]) -> list[Tok]:
    """ "its too yellow" is "it's too yellow" without the apostrophe (chat spelling), not a possessive."""
    out: list[Tok] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if tok.low == "its" and nxt in (
            "too",
            "so",
            "very",
            "way",
            "really",
            "kinda",
            "somewhat",
            "not",
            "quite",
            "pretty",
            "a",
            "all",
            "just",
            "super",
            "much",
        ):
            out.extend(
                (Tok(tok.text, "it", tok.start, tok.end, "word"), Tok(tok.text, "is", tok.start, tok.end, "word"))
            )
        else:
            out.append(tok)
    return out


def _join_phrases(tokens: list[Tok]) -> list[Tok]:
    index = _phrase_index()
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        for words, canonical in index.get(tok.low, ()):
            n = len(words)
            if tuple(t.low for t in tokens[i : i + n]) == words and all(
                tokens[k].kind in ("word", "punct") for k in range(i, i + n)
            ):
                last = tokens[i + n - 1]
                out.append(Tok(" ".join(t.text for t in tokens[i : i + n]), canonical, tok.start, last.end, "word"))
                i += n
                break
        else:
            out.append(tok)
            i += 1
    return out
