"""Chinese words to English for segmenters and models that read English only.

A phrase is cut into words by the fewest-words segmentation over the curated lexicon
(`editree/grammars/lexicon_zh.tsv`), counters ("一块", "两只") and, where the curated words leave a gap
or lean on single characters, CC-CEDICT's words (`editree.planner.cedict`). Parts joined by 的 are put
in English order: owners before ("男人的衬衫" -> "man's shirt"), modifiers before ("红色的汽车" -> "red
car"), times and places after ("日落时分的海滩" -> "beach at sunset", "桌子上的花瓶" -> "vase on the table").

A phrase is translated whole or not at all: when one of its words has no English noun (unknown, or a
verb, which makes it a clause rather than a noun phrase), the phrase stays as written and the words are
reported, so the plan can warn instead of sending a mash of English and Chinese to an English-only model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

MAX_WORD = 8
# Chinese characters are letters that are no Latin letters: classes of categories, which compile in microseconds
# where the 27,000-character range of the ideographs takes milliseconds.
_HAN = r"[^\W\d_a-zA-Z\u00c0-\u024f]"
_CJK = re.compile(_HAN)
_CJK_RUN = re.compile(_HAN + r"+|[\W\d_a-zA-Z\u00c0-\u024f]+")
_OWNERS = frozenset({"people", "animal"})
_OWNED = frozenset({"body", "clothing"})
_UNKNOWN_COST = 4.0
_CEDICT_COST = 1.05  # a curated word beats a dictionary word of the same length

_NUMBERS = {"一": "a", "两": "two", "二": "two", "三": "three", "四": "four", "五": "five", "几": "some"}
_COUNTER = re.compile(
    r"([一两二三四五几]?)(?:个|只|件|块|张|条|辆|座|片|顶|副|朵|棵|把|杯|根|台|本|支|枝|双|位|名|头|匹|架|艘|束|串|盏|轮|道|"
    r"群|堆|间|栋|幅|颗|粒|枚|面|扇|株|排|对|套|份|层|缕|团|盆|瓶|碗|盘|篮|袋|箱|尊|口|圈|版)"
)
# Counters that are containers say what holds the thing: "一盆花" is a pot of flowers, not a flower.
_CONTAINERS = {
    "盆": "pot",
    "瓶": "bottle",
    "碗": "bowl",
    "盘": "plate",
    "篮": "basket",
    "袋": "bag",
    "箱": "box",
    "束": "bunch",
}
# "那只狗", "这些花", "该车": a demonstrative points at a thing the picture has; in English, "the".
_DEMONSTRATIVE = re.compile(
    r"(?:这|那|该|此)(?:些|个|只|件|块|张|条|辆|座|片|顶|副|朵|棵|把|根|台|本|支|双|位|名|头|匹|架|艘|盏|间|栋|幅|颗|"
    r"株|扇|面|盆|瓶|群|套|份|盘|碗|杯|串|束|堆|对|排|尊|枚|粒|道|所|段|截)?"
)
# Shades of a colour: "浅灰色" is light gray, "深绿" dark green.
_SHADES = {
    "浅": "light",
    "淡": "pale",
    "深": "dark",
    "暗": "dark",
    "墨": "dark",
    "亮": "bright",
    "鲜": "bright",
    "嫩": "light",
}
_SHADE = re.compile(r"([浅淡深暗墨亮鲜嫩])([红橙黄绿青蓝紫粉棕褐灰金银])色?")
# Two colours make one: "粉紫色" is pink-purple, "灰蓝色" gray-blue.
_BLEND = re.compile(r"([红橙黄绿青蓝紫粉棕褐灰金银白黑])([红橙黄绿青蓝紫粉棕褐灰金银白黑])色")
# Where a 的-modifier ends in a place word, the thing is there: "桌子上的花瓶" -> "vase on the table".
_PLACES = {
    "上面": "on",
    "上方": "above",
    "上": "on",
    "里面": "in",
    "里": "in",
    "中": "in",
    "内": "in",
    "旁边": "next to",
    "旁": "next to",
    "附近": "near",
    "前面": "in front of",
    "后面": "behind",
    "下面": "under",
    "下方": "below",
    "前": "in front of",
    "后": "behind",
    "下": "under",
}
_STATE_VERB = re.compile(_HAN + r"{1,2}着")
_POSTURES = {
    "坐": "sitting at",
    "站": "standing at",
    "躺": "lying on",
    "趴": "lying on",
    "靠": "leaning on",
    "蹲": "crouching at",
}
_POSTURE = re.compile(r"(?P<verb>[坐站躺趴靠蹲])在(?P<where>.+?)(?:前面|前|上面|上|旁边|旁|边|里|中)?")
_SEASONS = frozenset({"winter", "spring", "summer", "autumn", "the evening", "the morning", "the rain", "daytime"})


@dataclass(frozen=True)
class Entry:
    english: str
    category: str


@dataclass
class Translation:
    text: str
    untranslated: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    clause: bool = False
    """True when a word is a verb: the text is a clause ("放入牛奶杯中"), not a noun phrase."""

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


@dataclass(frozen=True)
class Word:
    text: str
    english: str | None  # None: no English noun for it (unknown, or a verb)
    category: str


def _formed(text: str, first: bool = True) -> Entry | None:
    """A word no list holds but a pattern forms: a count ("一盆"), a demonstrative ("那只"), a shade ("浅灰色")."""
    match = _COUNTER.fullmatch(text)
    if match and (match.group(1) or first):  # a counter with no number only opens a phrase: "只猫", not "齿轮"
        container = _CONTAINERS.get(text[-1])
        number = _NUMBERS[match.group(1)] if match.group(1) else "a"  # "放只猫": a cat
        plural = "" if number == "a" else "es" if container and container.endswith(("x", "ch")) else "s"
        return Entry(f"{number} {container}{plural} of" if container else number, "article")
    if _DEMONSTRATIVE.fullmatch(text):
        return Entry("the", "article")
    shade = _SHADE.fullmatch(text)
    if shade:
        base = lexicon().get(shade.group(2) + "色") or lexicon().get(shade.group(2))
        if base is not None:
            return Entry(f"{_SHADES[shade.group(1)]} {base.english}", "color")
    blend = _BLEND.fullmatch(text)
    if blend:
        first, second = (lexicon().get(c + "色") or lexicon().get(c) for c in blend.groups())
        if first is not None and second is not None and first.english != second.english:
            return Entry(f"{first.english}-{second.english}", "color")
    return None


def _best(run: str, dictionary: dict[str, str | None] | None) -> list[Word]:
    """Fewest-words segmentation of a run of Chinese characters; a character no word covers costs most."""
    table = lexicon()
    n = len(run)
    best: list[tuple[float, list[Word]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        cost, words = best[i]
        options: list[tuple[float, Word]] = [(_UNKNOWN_COST, Word(run[i], None, "unknown"))]
        for size in range(1, min(MAX_WORD, n - i) + 1):
            piece = run[i : i + size]
            entry = table.get(piece) or _formed(piece, first=i == 0)
            if entry is not None:
                # A single curated character inside a longer run is the weakest reading ("牛" in "牛奶").
                weight = 1.0 if size > 1 or n == 1 else 1.5
                options.append((weight, Word(piece, entry.english, entry.category)))
            elif dictionary is not None and piece in dictionary:
                options.append((_CEDICT_COST, Word(piece, dictionary[piece], "cedict")))
        for extra, word in options:
            j = i + len(word.text)
            candidate = (cost + extra, [*words, word])
            if best[j] is None or candidate[0] < best[j][0]:
                best[j] = candidate
    merged: list[Word] = []
    for word in best[n][1] if best[n] else [Word(run, None, "unknown")]:
        if merged and word.category == "unknown" and merged[-1].category == "unknown":
            merged[-1] = Word(merged[-1].text + word.text, None, "unknown")  # one gap, reported once
        else:
            merged.append(word)
    return merged


def _needs_dictionary(words: list[Word], run: str) -> bool:
    return any(w.english is None for w in words) or (len(run) > 1 and any(len(w.text) == 1 for w in words))


def segment(part: str) -> list[Word]:
    """Words of one 的-free part: Chinese runs segmented, other text (Latin words, digits) kept as one word."""
    out: list[Word] = []
    for chunk in _CJK_RUN.findall(part):
        if not _CJK.match(chunk):
            if chunk.strip():
                out.append(Word(chunk.strip(), chunk.strip(), "latin"))
            continue
        pointer = _DEMONSTRATIVE.match(chunk)
        if pointer and 2 <= pointer.end() < len(chunk):  # "那个人" is "the person", not a dictionary idiom
            out.append(Word(pointer.group(), "the", "article"))
            chunk = chunk[pointer.end() :]
        words = _best(chunk, None)
        if _needs_dictionary(words, chunk):
            from editree.planner import cedict

            found = cedict.lookup(
                chunk[i:j] for i in range(len(chunk)) for j in range(i + 2, min(len(chunk), i + cedict.MAX_WORD) + 1)
            )
            if found:
                words = _best(chunk, found)
        out.extend(words)
    return out


def _phrase(words: list[Word], articles: bool) -> str:
    kept = [w for w in words if articles or w.category != "article"] or words
    parts: list[str] = []
    for index, word in enumerate(kept):
        english = word.english or word.text
        following = kept[index + 1] if index + 1 < len(kept) else None
        if word.category in _OWNERS and following is not None and following.category in _OWNED:
            english = _possessive(english)  # "人物面部特征": the person's facial features
        elif word.category == "people" and following is not None and following.category == "people":
            english += " and"  # "新郎新娘": the groom and the bride
        parts.append(english)
    return re.sub(r"\ba (?=[aeiou])", "an ", " ".join(p for p in parts if p))


def _place(part: str) -> tuple[str, str] | None:
    """ "桌子上" -> ("桌子", "on"): a part that names a place by a thing and a place word."""
    for suffix, prep in _PLACES.items():
        stem = part.removeprefix("在")
        if stem.endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)], prep
    return None


def translate(text: str, *, articles: bool = True) -> Translation:
    """English for a Chinese region phrase or prompt; `articles=False` drops 一只/一个-style counters."""
    parts = [p for p in re.split(r"的", text) if p.strip()]
    missing: list[str] = []
    categories: list[str] = []
    before: list[str] = []
    after: list[str] = []
    head = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if not last and _STATE_VERB.fullmatch(part):
            continue  # "挂着的画框": the frame; how it hangs says nothing a segmenter needs
        posture = None if last else _POSTURE.fullmatch(part)
        if posture:  # "坐在桌前的那个人": the person sitting at the desk
            where = translate(posture.group("where"), articles=False)
            if where.complete:
                missing.extend([])
                after.insert(0, f"{_POSTURES[posture.group('verb')]} the {where.text}")
                continue
        words = segment(part)
        place = None if last else _place(part)
        stem = segment(place[0]) if place is not None else []
        if place is not None and (any(w.english is None for w in words) or all(w.english for w in stem)):
            words = stem  # "人像后面的墙": the wall behind the person
        else:
            place = None
        missing.extend(w.text for w in words if w.english is None)
        categories.extend("verb" if w.category == "cedict" and w.english is None else w.category for w in words)
        phrase = _phrase(words, articles)
        if last:
            head = phrase
        elif place is not None:
            after.insert(0, f"{place[1]} the {phrase}")
        elif words and all(w.category == "time" for w in words):
            after.insert(0, f"{'in' if phrase in _SEASONS else 'at'} {phrase}")
        elif words and all(w.category == "place" for w in words):
            after.insert(0, phrase)  # "远处的山": the mountains in the distance
        elif words and words[-1].category in _OWNERS:
            before.append(_possessive(phrase))
        else:
            before.append(phrase)
    if missing:
        return Translation(text.strip(), list(dict.fromkeys(missing)), categories, clause="verb" in categories)
    english = " ".join(p for p in [*before, head, *after] if p).strip()
    return Translation(re.sub(r"\ba (?=[aeiou])", "an ", english), [], categories)


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


def _possessive(noun: str) -> str:
    """ "the person's", "the pedestrians'" (a plural in -s takes the apostrophe alone), "the children's"."""
    return noun + "'" if noun.endswith("s") and not noun.endswith(("ss", "us")) else noun + "'s"
