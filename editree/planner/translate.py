"""Chinese words to English for segmenters and models that read English only.

The data is `editree/grammars/lexicon_zh.tsv`. A phrase is split at 的, each part is segmented by
longest match against the lexicon, and the parts are joined the English way ("男人的衬衫" -> "man's
shirt", "红色的汽车" -> "red car"). What the lexicon does not know stays as written and is reported,
so the plan can warn instead of silently sending Chinese to an English-only model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

MAX_WORD = 8
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_OWNERS = frozenset({"people", "animal"})


@dataclass(frozen=True)
class Entry:
    english: str
    category: str


@dataclass
class Translation:
    text: str
    untranslated: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.untranslated


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Entry]:
    data = resources.files("editree.grammars").joinpath("lexicon_zh.tsv").read_text(encoding="utf-8")
    out: dict[str, Entry] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en, category = line.split("\t")
        out[zh] = Entry(en, category)
    return out


def _segment(part: str) -> tuple[list[str], list[str], list[str]]:
    """Longest-match segmentation: (english words, untranslated runs, categories)."""
    words: list[str] = []
    missing: list[str] = []
    cats: list[str] = []
    run = ""
    i = 0
    table = lexicon()
    while i < len(part):
        ch = part[i]
        if not _CJK.match(ch):
            j = i
            while j < len(part) and not _CJK.match(part[j]):
                j += 1
            chunk = part[i:j].strip()
            if run:
                words.append(run)
                missing.append(run)
                run = ""
            if chunk:
                words.append(chunk)
            i = j
            continue
        for size in range(min(MAX_WORD, len(part) - i), 0, -1):
            entry = table.get(part[i : i + size])
            if entry is not None:
                if run:
                    words.append(run)
                    missing.append(run)
                    run = ""
                words.append(entry.english)
                cats.append(entry.category)
                i += size
                break
        else:
            run += ch
            i += 1
    if run:
        words.append(run)
        missing.append(run)
    return words, missing, cats


def translate(text: str, *, articles: bool = True) -> Translation:
    """English for a Chinese region phrase or prompt; `articles=False` drops 一只/一个-style counters."""
    parts = [p for p in re.split(r"的", text) if p.strip()]
    english: list[str] = []
    missing: list[str] = []
    categories: list[str] = []
    for index, part in enumerate(parts):
        words, gaps, cats = _segment(part)
        if not articles:
            words = [w for w, c in zip(words, cats + [""] * len(words), strict=False) if c != "article"] or words
        phrase = re.sub(r"\ba (?=[aeiou])", "an ", " ".join(w for w in words if w))
        if index < len(parts) - 1 and cats and cats[-1] in _OWNERS:
            phrase += "'s"
        english.append(phrase)
        missing.extend(gaps)
        categories.extend(cats)
    return Translation(" ".join(e for e in english if e).strip(), missing, categories)


_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> float:
    """ "九十" -> 90, "一百八十" -> 180, "两" -> 2, "45" -> 45."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a number: {text!r}")
    return float(total + current)
