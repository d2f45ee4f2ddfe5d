"""Which language an instruction is in, and a plain refusal for the ones the planner does not read.

The planner reads English and Chinese. Japanese (kana), Korean (hangul) and Latin-script languages other
than English would otherwise be read as Chinese or as English with misspelled verbs ("did you mean
render?"), which helps nobody; they get one line naming the language instead (exit 3).
"""

from __future__ import annotations

import re

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WORD = re.compile(r"[^\W\d_]+")

# Function words: frequent, short, and rare in English instructions.
_MARKERS: dict[str, frozenset[str]] = {
    "French": frozenset("le la les des du une est et avec pour dans sur mettre rendre plus fond photo ciel".split()),
    "Spanish": frozenset("el los las una con para por del más fondo cielo hacer poner quitar".split()),
    "German": frozenset("der die das und mit ist ein eine auf den dem mach bitte hintergrund himmel".split()),
    "Italian": frozenset("il gli una con per della delle sfondo cielo rendi metti più".split()),
    "Portuguese": frozenset("os uma com para por mais fundo céu deixe coloque".split()),
    "Dutch": frozenset("het een met voor van maak achtergrond lucht".split()),
}
_ENGLISH = frozenset(
    """
the a an and to of in on with it is make add remove blur keep change replace brighter darker please photo image
background sky person more less this that from all but not
""".split()
)


def unsupported_language(text: str) -> str | None:
    """The name of the language when the planner cannot read it (and it is not English or Chinese)."""
    if _KANA.search(text):
        return "Japanese"
    if _HANGUL.search(text):
        return "Korean"
    if _CYRILLIC.search(text) and not re.search(r"[A-Za-z]{3}", text):
        return "Russian (Cyrillic)"
    if _ARABIC.search(text):
        return "Arabic"
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 2 or not all(w.isascii() or w.isalpha() for w in words):
        return None
    english = sum(w in _ENGLISH for w in words)
    best, hits = None, 0
    for language, markers in _MARKERS.items():
        count = sum(w in markers for w in words)
        if count > hits:
            best, hits = language, count
    if best is not None and hits >= 2 and hits > 2 * english:
        return best
    return None
