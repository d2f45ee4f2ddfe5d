"""Long descriptive prompts become one free-form edit that holds the whole text.

People write prompts for image models as paragraphs: "Reimagine this photo as a 1950s travel poster.
Use bold flat colours. The mountains should become simple layered shapes…". Cut into clauses, such a
text becomes a dozen fragments, some structured wrongly ("the mountains should become …" is not a
recolour), and an instruction-following model would see none of the whole. What such a text states
explicitly about what must not change ("keep the hiker's face unchanged") is still a constraint; the
rest goes to the model as written.

A text is descriptive when it is long and not a list of commands: some sentence of it does not start
with a request (an English verb, "keep", "don't", "if"…), or most of it could only be kept free-form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from editree.errors import InstructionError
from editree.planner.clauses import Clause, EditClause, FallbackClause, KeepClause

_SENTENCES = re.compile(r"[.!?。！？;；\n]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
MIN_WORDS = 30
"""Words (a Chinese word is about 1.5 characters) below which a text is a compound instruction, not a prompt."""


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCES.split(text) if len(s.strip()) > 1]


def _size(text: str) -> int:
    """Words, counting a Chinese word as about one and a half characters."""
    return len(re.findall(r"[A-Za-z]+", text)) + len(_CJK.findall(text)) * 2 // 3


def _fallback_share(text: str, clauses: list[Clause]) -> float:
    covered = sum(c.span[1] - c.span[0] for c in clauses if isinstance(c, FallbackClause))
    return covered / max(1, len(text.strip()))


def is_descriptive(text: str, clauses: list[Clause]) -> bool:
    size = _size(text)
    if size < MIN_WORDS:
        if size < _TAIL_WORDS or _CJK.search(text):
            return False
        from editree.planner.en.skeleton import is_command

        return any(_reimagined(s, is_command) for s in _sentences(text))  # short, but one picture described
    sentences = _sentences(text)
    share = _fallback_share(text, clauses)
    pieces = sum(isinstance(c, FallbackClause) for c in clauses)
    if share >= 0.5 or (size >= 60 and share >= 0.25) or (pieces >= 3 and share >= 0.35):
        return True  # much of it could only be kept free-form anyway
    if _CJK.search(text):
        return len(sentences) >= 3 or (size >= 60 and len(sentences) >= 2)
    from editree.planner.en.skeleton import is_command

    if any(_reimagined(s, is_command) for s in sentences):
        return True
    sentences = [s for s in sentences if not _COURTESY.match(s)]
    if len(sentences) > 1 and _size(sentences[0]) <= _CONTEXT_WORDS and not is_command(sentences[0]):
        sentences = sentences[1:]  # "This is the only photo I have of her cottage. Could you …": context first
    if len(sentences) < 2 and size < 60:
        return False

    return not all(_asks(s, text, clauses, is_command) for s in sentences)


_ASKING = re.compile(
    r"^(?:can|could|would) (?:you|someone|somebody|anyone|u|we|i|the|this|it|my)\b"
    r"|\b(?:could|can|would|will) (?:you|someone|somebody|anyone|u)\b|\bplease\b",
    re.IGNORECASE,
)


def _asks(sentence: str, text: str, clauses: list[Clause], is_command: Callable[[str], bool]) -> bool:
    """A sentence of a request, not of a description: a command, a question or plea ("Can the paper be white and
    the colours stronger?"), or, when every other clause was structured, a constraint the planner read ("The magnets
    have to stay as they are")."""
    if is_command(sentence) or _ASKING.search(sentence):
        return True
    start = text.find(sentence)
    end = start + len(sentence)
    described = _fallback_share(text, clauses) > 0.2 or any(
        isinstance(c, EditClause) and c.op == "restyle" and len(str(c.args.get("style", "")).split()) > 6
        for c in clauses
    )
    if described:
        return False  # a picture described ("…, with a stone balustrade, lemon trees, …") and what it keeps
    return start >= 0 and any(isinstance(c, KeepClause) and start <= c.span[0] < end for c in clauses)


_REIMAGINE = re.compile(
    r"^(?:please |could you |can you |now |just )*(?:turn|transform|reimagine|re-imagine|paint|render|recreate|"
    r"reinvent|reinterpret|redo|convert|imagine|make)\b.{0,60}?\b(?:into|as)\b(?P<tail>.+)$",
    re.IGNORECASE,
)
_TAIL_WORDS = 15
_COURTESY = re.compile(r"^(?:thanks|thank you|thx|cheers|many thanks|much appreciated|ty)\b.{0,25}$", re.IGNORECASE)
_CONTEXT_WORDS = 15
"""Words up to which an opening statement is context ("My grandpa is standing by the tractor.") and not part of
a description."""


def _reimagined(sentence: str, is_command: Callable[[str], bool]) -> bool:
    """ "Turn this plate into a magazine food shot: a slate table, wisps of steam, …", "Reimagine the truck as an
    expedition rig, with mud …, a rooftop tent, …": one picture described at length, whose parts are details of
    that picture rather than commands, is one free-form edit (cut into clauses its details become wrong steps)."""
    match = _REIMAGINE.match(sentence)
    if match is None:
        return False
    tail = match.group("tail")
    parts = [p.strip() for p in re.split(r"[,:]", tail) if p.strip()]
    if len(re.findall(r"[A-Za-z]+", tail)) < _TAIL_WORDS or len(parts) < 3:
        return False
    return not any(is_command(p) for p in parts[1:])


VERY_LONG = 90
"""Words from which a text is a descriptive prompt whatever its sentences look like."""
_KEEP_MARKERS = re.compile(
    r"\b(?:keep|keeping|preserve|preserving|retain|maintain|unchanged|untouched|intact|as it is|as is|the same|"
    r"do not|don't|dont|never|identity|recogni[sz]able)\b|保持|保留|不变|不要|别动|不改变|身份|原样",
    re.IGNORECASE,
)


def is_very_long(text: str) -> bool:
    """90+ words in several sentences, most of them not commands (a list of commands stays structured)."""
    if _size(text) < VERY_LONG:
        return False
    sentences = _sentences(text)
    if _CJK.search(text):
        return len(sentences) >= 2
    if len(sentences) < 3:
        return False
    from editree.planner.en.skeleton import is_command

    return sum(is_command(s) for s in sentences) < len(sentences) / 2


def keeps_of(text: str, parse: Callable[[str, list[str]], list[Clause]], warnings: list[str]) -> list[Clause]:
    """The keep constraints of a very long prompt, from the sentences that mention keeping something."""
    out: list[Clause] = []
    for match in re.finditer(r"[^.!?。！？;；\n]+", text):
        sentence = match.group(0)
        if not _KEEP_MARKERS.search(sentence) or not sentence.strip():
            continue
        try:
            clauses = parse(sentence, warnings)
        except InstructionError:
            continue
        shift = match.start()
        out.extend(
            dataclasses.replace(c, span=(c.span[0] + shift, c.span[1] + shift))
            for c in clauses
            if isinstance(c, KeepClause)
        )
    return out


def collapse(text: str, clauses: list[Clause], warnings: list[str]) -> list[Clause]:
    """The keep constraints the text states, and one free-form edit with all of it."""
    keeps = [c for c in clauses if isinstance(c, KeepClause)]
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    warnings.append(
        "a long descriptive instruction becomes one free-form edit holding all of it (plus the constraints it "
        "states), which needs an instruction-following model"
    )
    return [*keeps, FallbackClause(text[start:end], (start, end))]
