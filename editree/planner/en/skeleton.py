"""The clause skeleton of an English instruction: sentences, clauses, conditions, side clauses.

An instruction is sentences; a sentence is clauses joined by separators ("," "and" "then" "while"),
and a separator starts a new clause only where a clause can start (a verb, "keep", "don't", "if",
"without", "so that", "to <verb>", a subject with "should"), so that "the man and the dog" stays one
region and "blur the background and add fog" is two steps. Each clause is then read by its frame
(frames.py). Side clauses shape the clauses next to them instead of adding steps: "…, keeping the
face intact" is a keep; "…, but not on the person" narrows the edit before it; "… to reveal the
details" is the edit's purpose, not an edit; "if …, …; otherwise …" makes a condition with
branches; "otherwise" at the start of a sentence is the else of the condition before it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from editree.ops import ALL, MinusRegion, NotRegion, UnionRegion
from editree.ops.conditions import NotCond
from editree.planner import lexicon_en as lex
from editree.planner import semantics as sem
from editree.planner.clauses import Clause, EditClause, FallbackClause, IfClause, KeepClause, KeepRestClause
from editree.planner.en import vocab
from editree.planner.en.complements import COLORS
from editree.planner.en.conditions import COURTESY_IFS, ELSE_WORDS, IF_WORDS, UNLESS_WORDS, parse_condition
from editree.planner.en.frames import FrameReader
from editree.planner.en.freeform_target import tidy_freeform_target
from editree.planner.en.nouns import Context, region_of
from editree.planner.en.phrases import Exclusion, FreeForm, absolute_keep, base_form, noun_use, verb_at
from editree.planner.en.tokens import Tok, tokenize
from editree.planner.semantics import NotUnderstood

SENTENCE_ENDS = frozenset({".", "。", ";", "；", "!", "！", "?", "？"})
KEEP_STARTERS = frozenset(
    {
        "keep",
        "keeping",
        "leave",
        "leaving",
        "preserve",
        "preserving",
        "protect",
        "protecting",
        "maintain",
        "maintaining",
        "retain",
        "retaining",
        "without",
        "never",
        "do not",
        "does not",
        "should not",
        "must not",
        "make sure",
        "ensure",
        "ensuring",
        "making sure",
        "ensure that",
        "be sure",
        "avoid",
        "avoiding",
        "dont",
    }
)
EXCLUSION_STARTERS = frozenset(
    {
        "except",
        "except for",
        "but not",
        "excluding",
        "apart from",
        "other than",
        "save for",
        "aside from",
        "with the exception of",
        "not",
        "not on",
        "not the",
        "only not",
    }
)
PURPOSE_STARTERS = frozenset({"so that", "in order to", "such that", "so", "because", "since", "as"})


@dataclass
class Chunk:
    toks: list[Tok]
    sep: str
    """The separator before it ("" at a sentence start)."""


def split_sentences(toks: list[Tok]) -> list[list[Tok]]:
    """Sentences, each ending with its mark where it matters: "?" ("No clouds? Then add some.") and the colon of a
    heading ("For the listing: crop to square"), which ends a sentence when what stands before it has no verb."""
    out: list[list[Tok]] = [[]]
    for tok in toks:
        words = out[-1]
        colon = tok.low in (":", "：") and bool(words)
        if colon and any(t.low in ("color pop", "vignette") for t in words):
            continue  # "Selective colour: the dress stays in colour …" reads on as one sentence
        if (
            colon
            and len(words) <= 2
            and " ".join(t.low for t in words) not in vocab.LEAD_PHRASES
            and not any(verb_at(words, j) is not None for j in range(len(words)))
        ):
            continue  # "sky: deeper blue" is "sky deeper blue"
        if tok.low in SENTENCE_ENDS or colon:
            if words:
                if tok.low in ("?", "？", ":", "："):
                    words.append(tok)
                out.append([])
            continue
        words.append(tok)
    return [s for s in out if s and not all(t.kind == "punct" for t in s)]


def _skip_lead(toks: list[Tok], j: int, *, degrees: bool = True) -> int:
    """Index of the first content word at or after j (past "please", "could you", "then", "just", and with
    `degrees` also past degree words: "slightly increase …")."""
    n = len(toks)
    while j < n:
        low = toks[j].low
        if (
            low in vocab.CLAUSE_LEAD_WORDS
            or toks[j].kind == "punct"
            or (
                degrees
                and low in vocab.DEGREE_WORDS
                and low not in vocab.ADJECTIVE_DEGREES
                and low not in ("some", "too")
            )
        ):
            j += 1
            continue
        longest = 0
        for size in range(min(vocab.LEAD_MAX_WORDS, n - j), 0, -1):
            if " ".join(t.low for t in toks[j : j + size]) in vocab.LEAD_PHRASES:
                longest = size
                break
        if not longest or (j + longest >= n and longest == 1 and toks[j].low in ("so", "well", "then")):
            break
        j += longest
    return j


def starts_clause(toks: list[Tok], j: int, sep: str) -> bool:
    """Can a new clause start at token j, after separator `sep`?"""
    if toks[j].low in ("so that", "in order to", "such that") or (toks[j].low == "so" and sep in (",", "")):
        return True  # a purpose: "…, so the mountains stand out"
    k = _skip_lead(toks, j)
    if k >= len(toks):
        return False
    low = toks[k].low
    if low == "only" and k + 1 < len(toks) and toks[k + 1].low in IF_WORDS:
        return True  # "…, but only if there are trees"
    if (
        toks[j].low in ("i", "we")
        and j + 2 < len(toks)
        and " ".join(t.low for t in toks[j + 1 : j + 3]).startswith(WISHES)
    ):
        return True  # "three buckets are by the door, I want all of them gone", "…, I'd like the grass greener"
    if low == "should" and k + 2 < len(toks) and toks[k + 1].low == "there":
        return True  # "…, should there be a watermark"
    if low == "with" and k + 1 < len(toks):
        end = _chunk_end(toks, k + 1)
        if absolute_keep(toks[k + 1 : end]) is not None:
            return True  # "…, with the shop signs kept as they are"
        if toks[k + 1].low in ("more", "less", "extra", "a bit more", "a little more", "a touch of"):
            return True
        if _nominal_start(toks, k + 1):  # "darker and cooler with a vignette"
            return True
    if sep in (",", "and", "then", "plus", "+", "&", "and then") and _nominal_start(toks, k):
        return True
    if low in IF_WORDS or low in UNLESS_WORDS or low in ELSE_WORDS or low in KEEP_STARTERS:
        return low not in ("where", "once", "as") or sep == ","
    if low in ("do", "please") and k + 1 < len(toks) and toks[k + 1].low in ("not", "do not"):
        return True
    if low in EXCLUSION_STARTERS and sep in (",", "but", "and"):
        return low != "not" or sep in ("but", ",")
    if (low in PURPOSE_STARTERS and low not in ("as", "since", "so")) or (low == "so" and sep in (",", "")):
        return True
    if low == "to" and k + 1 < len(toks) and _purpose_verb(toks[k + 1]):
        return True
    found = verb_at(toks, k)
    if found is not None and found[1].form in ("base", "ing") and not noun_use(toks[k:], found):
        if sep == "and" and found[0] in ("give", "have", "get", "set", "use") and k == j:
            return k + 1 < len(toks)
        return True
    # A misspelled verb before its object ("… and brigthen the photo") starts a clause, kept free-form with a hint
    if k + 1 < len(toks) and toks[k + 1].low in vocab.DETERMINERS and vocab.close_verb(low) is not None:
        return True
    # A subject with a modal: ", the background should be white", "and the sky needs more contrast"
    if sep == "while":  # "… while the street stays as it is": always a clause of its own
        return True
    if (
        low in ("it", "this", "they", "that")
        and k + 2 < len(toks)
        and toks[k + 1].low in ("is", "are", "looks")
        and (toks[k + 2].low in vocab.TOO_WORDS or toks[k + 2].low in vocab.DEGREE_WORDS)
    ):
        return True  # "fix the white balance, it's way too magenta"
    if _absolute_exclusion(toks[k : _chunk_end(toks, k)]) is not None:
        return True  # "…, the skin tones excepted"
    if (
        low in ("the rest", "everything else", "all else")
        and k + 1 < len(toks)
        and toks[k + 1].low in ("is", "are", "goes", "go", "becomes", "turns", "should", "stays", "in", "gets")
    ):
        return True  # "… and the rest is grey"
    for m in range(k + 1, min(len(toks), k + 10)):
        w = toks[m].low
        if w in (",", "then") or toks[m].kind == "punct" or (w == "and" and m > k + 4):
            break
        if w in vocab.MODALS or w in ("needs", "need to", "has to", "must", "should"):
            return True
        if (
            sep in ("but", ",")
            and w in ("stays", "stay", "remains", "remain", "unchanged", "untouched", "intact")
            and low not in ("which", "who", "that", "whose")
        ):
            return True  # "…, but the furniture stays exactly as it is"
        if (
            sep in ("but", ",", "and")
            and w in ("keeps", "keep", "retains", "retain")
            and m + 2 < len(toks)
            and toks[m + 1].low in ("its", "their")
            and toks[m + 2].low in ("color", "colors", "original color", "original colors")
        ):
            return True  # "make it sepia, only the cherries keep their colour": a colour pop of its own
    # "…, more contrast", "and less saturation"
    if low in ("more", "less", "extra") and k + 1 < len(toks) and toks[k + 1].low in vocab.PROPERTY_NOUNS:
        return sep in (",", "and", "then", "plus")
    return False


IDEMPOTENT_OPS = frozenset({"restyle", "recolor", "remove", "replace", "enhance"})
SHOULD_VERBS = frozenset({"come", "turn", "end", "be", "look", "seem", "appear", "get"})
WHATEVER = frozenset({"either way", "in any case", "regardless", "in both cases", "no matter what"})
WANTING = frozenset(
    {
        "like",
        "want",
        "love",
        "need",
        "wish",
        "prefer",
        "able",
        "trying",
        "try",
        "possible",
        "way",
        "hoping",
        "hope",
        "mind",
        "help",
        "going",
        "have",
        "had",
        "tried",
        "needs",
        "wants",
        "chance",
        "ability",
        "sure",
        "decided",
        "plan",
    }
)


def _purpose_verb(tok: Tok) -> bool:
    """ "to bring out the details", "to reveal": a purpose verb, also as the first word of a multiword verb."""
    return tok.low in vocab.PURPOSE_VERBS or tok.low.split(" ")[0] in vocab.PURPOSE_VERBS


def _coordinated_subject(chunk: Chunk, sentence: list[Tok], j: int, sep: str) -> bool:
    """ "but his glasses and hair must not be altered": "and" joins two subjects of one modal, not two clauses."""
    if sep not in ("and", ",") or not chunk.toks:
        return False
    k = _skip_lead(chunk.toks, 0)
    body = chunk.toks[k:]
    if not body or any(verb_at(body, i) is not None for i in range(len(body))):
        return False
    if sep == ",":
        # "the walls, floor and windows must not change": a list of subjects, only at a sentence start and only
        # before "and" and a modal or a staying verb, with plain nouns in between
        if chunk.sep != "" or len(body) > 4 or any(t.kind != "word" for t in body):
            return False
        ahead_toks = sentence[j : j + 9]
        and_at = next((m for m, t in enumerate(ahead_toks) if t.low == "and"), -1)
        if and_at < 0:
            return False
        stay = next(
            (m for m, t in enumerate(ahead_toks) if t.low in vocab.MODALS or t.low in ("stay", "stays", "remain")),
            -1,
        )
        return stay > and_at and all(
            verb_at(ahead_toks, m) is None
            for m in range(stay)
            if m != and_at
            and ahead_toks[m].low not in ("have", "has", "to", "need", "needs", "got")
            and (m == 0 or ahead_toks[m - 1].low not in vocab.DETERMINERS)  # "the dress": a noun
        )
    ahead = [t.low for t in sentence[j : j + 6]]
    return verb_at(sentence, j) is None and any(w in vocab.MODALS for w in ahead)


def _chunk_end(toks: list[Tok], start: int) -> int:
    for m in range(start, len(toks)):
        if toks[m].low in vocab.SEPARATORS:
            return m
    return len(toks)


def _nominal_start(toks: list[Tok], k: int) -> bool:
    """ "more contrast", "a bit of fog", "sepia", "less yellow": a clause said without a verb."""
    while k < len(toks) and toks[k].low in (
        "a",
        "an",
        "some",
        "more",
        "less",
        "extra",
        "of",
        "maybe",
        "also",
        "a bit of",
        "a touch of",
        "a hint of",
        "slightly",
        "much",
        "even",
    ):
        k += 1
    while k < len(toks) and toks[k].low in vocab.DEGREE_WORDS:
        k += 1
    if k < len(toks) and toks[k].low == "of":
        k += 1
    if k >= len(toks):
        return False
    low = toks[k].low
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if low in lex.BW_WORDS or low in ("vignette", "color pop"):
        return nxt in ("", ",", "and", "then", "please", "look", "filter", "effect", "style", "tone", "too")
    if low in lex.EFFECT_WORDS and low not in ("golden", "winter", "night"):
        return nxt in ("", ",", "and", "then", "please", "effect", "over", "on", "in", "to", "too")
    if (
        low in vocab.PROPERTY_NOUNS
        and low not in vocab.PROPERTY_ONLY_IN_CONTEXT
        and low not in ("color", "colour", "colors", "colours", "hue", "tint", "tones", "light")
    ):
        prev = toks[k - 1].low if k > 0 else ""
        return prev in ("more", "less", "extra", "some", "a bit of", "a touch of", "of") or prev in vocab.DEGREE_WORDS
    if low in vocab.COMPARATIVES and (
        nxt in lex.LOOK_WORDS or (nxt and nxt not in ("and", ",", "than", "then") and nxt not in vocab.COMPARATIVES)
    ):
        return True  # "and maybe a warmer tone", "and a bluer sky"
    if low in ("pure", "plain", "solid") and nxt:  # ", pure white background"
        return True
    return False


def split_clauses(sentence: list[Tok]) -> list[Chunk]:
    chunks: list[Chunk] = [Chunk([], "")]
    i = 0
    n = len(sentence)
    while i < n:
        tok = sentence[i]
        low = tok.low
        if low in vocab.SEPARATORS and chunks[-1].toks:
            # absorb a run of separators (", and then")
            j = i
            seps: list[str] = []
            while j < n and sentence[j].low in vocab.SEPARATORS:
                seps.append(sentence[j].low)
                j += 1
            sep = "but" if "but" in seps else ("," if "," in seps and len(seps) == 1 else seps[-1])
            if j < n and starts_clause(sentence, j, sep) and not _coordinated_subject(chunks[-1], sentence, j, sep):
                chunks.append(Chunk([], sep))
                i = j
                continue
        elif chunks[-1].toks and _starts_side_clause(sentence, i):
            chunks.append(Chunk([], ""))
        chunks[-1].toks.append(tok)
        i += 1
    return _leading_exclusions(_announced_pops([c for c in chunks if c.toks]))


POP_FILLERS = frozenset({"please", "pls", "plz", "effect", "thanks", "a", "an", "do", "make", "add", "apply"})


def _announced_pops(chunks: list[Chunk]) -> list[Chunk]:
    """ "colour pop pls - just the yellow raincoat, …": a colour pop said alone takes its region from what follows."""
    out: list[Chunk] = []
    for chunk in chunks:
        if out and [t.low for t in out[-1].toks if t.low not in POP_FILLERS and t.kind != "punct"] == ["color pop"]:
            out[-1] = Chunk([*out[-1].toks, *chunk.toks], out[-1].sep)
            continue
        out.append(chunk)
    return out


def _leading_exclusions(chunks: list[Chunk]) -> list[Chunk]:
    """ "Apart from the sky, brighten everything": an exclusion said first narrows the clause after it, as if it
    were said at its end."""
    out: list[Chunk] = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if (
            i == 0
            and len(chunks) > 1
            and chunk.toks[0].low in EXCLUSION_STARTERS
            and chunk.toks[0].low not in ("not", "but not")
            and len(chunk.toks) > 1
            and chunks[i + 1].sep == ","
        ):
            out.extend([Chunk(chunks[i + 1].toks, chunk.sep), Chunk(chunk.toks, ",")])
            i += 2
            continue
        out.append(chunk)
        i += 1
    return out


def _starts_side_clause(sentence: list[Tok], i: int) -> bool:
    """Side clauses that start without a separator: "… if it is dark", "… without changing the face",
    "… keeping the sky", "… so that it pops", "… to reveal the details", "… unless there is a person"."""
    low = sentence[i].low
    prev = sentence[i - 1].low if i else ""
    nxt = sentence[i + 1].low if i + 1 < len(sentence) else ""
    nxt2 = sentence[i + 2].low if i + 2 < len(sentence) else ""
    if low == "with" and [t.low for t in sentence[i + 1 : i + 3]] in (["a", "vignette"], ["vignette"]):
        return True  # "darker and cooler with a vignette"
    if (
        low in ("it", "this", "they")
        and nxt in ("is", "are", "looks", "seems")
        and (nxt2 in vocab.TOO_WORDS or nxt2 in ("so", "way", "really", "kind of", "somewhat", "pretty", "a bit"))
    ):
        return prev not in (
            "if",
            "when",
            "unless",
            "make",
            "keep",
            "so",
            "because",
        )  # "fix the lighting its too yellow"
    if low in ("can", "could", "would", "will") and nxt in ("you", "u", "someone", "anyone", "somebody", "anybody"):
        return prev not in ("i", "we", "it", "that", "this", "how", "what", "if", "so")  # "… dull can you bring it up"
    if low in ("if", "unless", "when", "whenever", "in case"):
        # "I'd love it if …", "it would be great if …" introduce the request itself
        before = sentence[i - 2].low if i > 1 else ""
        if prev == "it" and before in ("love", "like", "appreciate", "prefer", "hate"):
            return False
        if prev in ("wondering", "wonder", "wondered", "asking", "ask", "see", "know", "check", "curious"):
            return False  # "I was wondering if you could …": whether, the request itself
        return prev not in ("even", "as", "only", "great", "nice", "good", "grateful", "appreciate", "awesome")
    if low in ("without", "keeping", "leaving", "preserving", "maintaining", "so that", "in order to", "while"):
        return True
    if low == "to" and prev in WANTING:
        return False  # "I'd like to make …", "is it possible to add …": the request itself
    if low == "to" and i + 1 < len(sentence) and _purpose_verb(sentence[i + 1]):
        if nxt == "be" and nxt2 == "the":
            return False  # "I'd like the kite to be the only coloured thing": what it is to be
        if sentence[_skip_lead(sentence, 0)].low in ("get", "getting", "help", "ask", "tell"):
            return False  # "get the skier to look like she is mid-jump": what to get her to do, not a purpose
        if (nxt in vocab.DEPICTING or f"{nxt} {nxt2}" in vocab.DEPICTING) and base_form(
            sentence[_skip_lead(sentence, 0)].low
        ) in vocab.CHANGING:
            return False  # "change the backdrop to show a beach": what it becomes, not why
        return i + 2 < len(sentence) or sentence[i + 1].low in ("pop",)
    if (
        low == "so"
        and i + 1 < len(sentence)
        and sentence[i + 1].low in ("it", "the", "that", "they", "we", "i", "you", "everything", "more", "less")
    ):
        return True
    return low in (
        "except",
        "except for",
        "excluding",
        "apart from",
        "other than",
        "save for",
        "aside from",
        "but not",
        "with the exception of",
    ) and _ends_clause_after(sentence, i)


def _ends_clause_after(sentence: list[Tok], i: int) -> bool:
    """An exception at the end of a clause ("make it black and white except the red dress"), not inside the
    region it narrows ("make everything except the person black and white")."""
    j = i + 1
    while j < len(sentence) and sentence[j].low not in vocab.SEPARATORS:
        j += 1
    tail = sentence[i + 1 : j]
    if not tail:
        return False
    from editree.planner.en.complements import split_complement

    split = split_complement(tail, "")
    return split is None or not split[0]


class SentenceReader:
    """Reads the sentences of one instruction, left to right, into plan clauses."""

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.ctx = Context()
        self.warnings: list[str] = []
        self.last_if: IfClause | None = None
        self.items: list[Clause] = []
        self.out: list[Clause] = []

    def frames(self) -> FrameReader:
        return FrameReader(self.text, self.offset, self.ctx, self.warnings)

    def span(self, toks: list[Tok]) -> tuple[int, int]:
        return (toks[0].start + self.offset, toks[-1].end + self.offset)

    def read(self) -> list[Clause]:
        tokens = _not_as_to_less(_without_emoticons(tokenize(self.text)))
        tokens = _without_brackets([t for t in tokens if t.low not in ("*", "•", "~")])
        for sentence in _questions_as_conditions(split_sentences(tokens)):
            self.sentence(sentence)
        self._apply_color_kept()
        self._drop_repeated_complaints()
        self._drop_repeated_steps()
        self._drop_context()
        if self.ctx.silent and not any(isinstance(c, (EditClause, FallbackClause, IfClause)) for c in self.out):
            # Only statements ("the picture is dull"): not nothing, but what the user wrote, free-form.
            for span, target in self.ctx.silent:
                start, end = span[0] - self.offset, span[1] - self.offset
                self.out.append(FallbackClause(self.text[start:end], span, None if target == ALL else target))
        return self.out

    def _apply_color_kept(self) -> None:
        """ "keep the cake in colour and make the rest black and white": the black and white edits leave out
        the regions kept in colour; with no such edit, the rest of the picture becomes black and white; after an
        edit that greys a region of its own ("make the background black and white but keep the person in
        colour"), the region is simply kept."""
        if self.ctx.color_stayed:
            grey = any(
                isinstance(c, EditClause) and c.op == "restyle" and c.args.get("style") == "black and white"
                for c in _walk(self.out)
            )
            if grey or self.ctx.color_kept:
                self.ctx.color_kept.extend(self.ctx.color_stayed)
            else:
                for region, span in self.ctx.color_stayed:
                    at = next((i for i, c in enumerate(self.out) if c.span[0] > span[0]), len(self.out))
                    self.out.insert(at, KeepClause(region, span))
        if not self.ctx.color_kept:
            return
        kept = list(dict.fromkeys(r for r, _ in self.ctx.color_kept))
        region = kept[0] if len(kept) == 1 else UnionRegion(regions=tuple(kept))
        bw = [
            c
            for c in _walk(self.out)
            if isinstance(c, EditClause) and c.op == "restyle" and c.args.get("style") == "black and white"
        ]
        colour_pops = {NotRegion(region=r) for r in kept} | {NotRegion(region=region)}
        if bw and all(c.target != ALL and c.target not in colour_pops for c in bw):
            self.out[:0] = [KeepClause(r, span) for r, span in self.ctx.color_kept]
            return
        for clause in bw:
            if clause.target == ALL:
                self._swap(
                    clause,
                    EditClause(clause.op, NotRegion(region=region), clause.args, clause.span, clause.fallback, True),
                )
        styled_rest = [
            c for c in _walk(self.out) if isinstance(c, EditClause) and c.op == "restyle" and c.target in colour_pops
        ]
        styled = [c for c in _walk(self.out) if isinstance(c, EditClause) and c.op == "restyle"]
        if not bw and not styled_rest and styled:
            # "make it sepia, only the cherries keep their colour", "turn the street into a pencil sketch but let the
            # scarf stay in colour": the style is the colour pop's, on everything (or its region) but what keeps its
            # colour
            for clause in styled:
                target = (
                    NotRegion(region=region)
                    if clause.target == ALL
                    else MinusRegion(region=clause.target, exclude=region)
                )
                self._swap(clause, EditClause(clause.op, target, clause.args, clause.span, clause.fallback, True))
            return
        if not bw and not styled_rest:  # ("leave the violinist in colour, the rest sepia" is its own colour pop)
            said = min(span[0] for _, span in self.ctx.color_kept)
            span = (min(c.span[0] for c in self.out) if self.out else 0, len(self.text) + self.offset)
            step = EditClause("restyle", NotRegion(region=region), {"style": "black and white"}, span)
            # in the order it was asked: "keep only the flamingos in colour and add a vignette" greys first
            at = next((i for i, c in enumerate(self.out) if c.span[0] > said), len(self.out))
            self.out.insert(at, step)

    def _drop_repeated_complaints(self) -> None:
        """ "The kids are too dark. Lighten them up": a complaint is the reason for the requests that follow; it
        is a step of its own only when nothing else is asked ("the photo is too dark")."""
        complaints = {id(c) for c in self.ctx.complaints}
        automatic = [
            c
            for c in _walk(self.out)
            if isinstance(c, EditClause) and c.op == "enhance" and c.args.get("kind") == "auto" and c.target == ALL
        ]
        if complaints and automatic:
            # "fix the white balance, it's way too magenta": the complaint says what the fix is
            for seq in _sequences(self.out):
                seq[:] = [c for c in seq if c not in automatic]
            return
        requested = [c for c in _walk(self.out) if isinstance(c, EditClause) and id(c) not in complaints]
        for complaint in self.ctx.complaints:
            if requested:
                for seq in _sequences(self.out):
                    if complaint in seq:
                        seq.remove(complaint)

    def _drop_repeated_steps(self) -> None:
        """ "Colour pop: the dress stays in colour and everything else goes grey" says one edit twice."""
        for seq in _sequences(self.out):
            seen: list[tuple[str, object, str]] = []
            kept: list[Clause] = []
            for clause in seq:
                if isinstance(clause, EditClause) and clause.op in IDEMPOTENT_OPS:  # a second blur blurs more
                    key = (clause.op, clause.target, repr(sorted(clause.args.items())))
                    if key in seen:
                        continue
                    seen.append(key)
                kept.append(clause)
            seq[:] = kept

    def _note_statement(self, sentence: list[Tok], said: list[Clause]) -> None:
        """A sentence no frame read that states something ("The mare has a muddy leg.") names what "it" means in
        the sentences after it (it is left out of the plan by _drop_context when something is asked)."""
        from editree.planner.en.context import antecedent, is_context

        if len(said) != 1 or not isinstance(said[0], FallbackClause):
            return
        if not is_context(said[0].text, whole_sentence=True, before_comma=False):
            return
        named = antecedent(sentence)
        region = region_of(named, self.ctx) if named else None
        if region is not None and region != ALL:
            self.ctx.last_target = region

    def _drop_context(self) -> None:
        """Pieces that set the scene ("Shot my coupe last night.", "On the bottom shelf of the fridge, …") add no
        step when something is asked (editree.planner.en.context); a warning says what was left out."""
        if not any(isinstance(c, (EditClause, IfClause)) and not getattr(c, "fallback", False) for c in self.out):
            return
        kept: list[Clause] = []
        for clause in self.out:
            if isinstance(clause, FallbackClause) and self._sets_the_scene(clause):
                self.warnings.append(f"{clause.text!r} is read as context, not as an edit")
                continue
            kept.append(clause)
        self.out[:] = kept

    def _sets_the_scene(self, clause: FallbackClause) -> bool:
        from editree.planner.en.context import is_context

        start, end = clause.span[0] - self.offset, clause.span[1] - self.offset
        before, after = self.text[:start].rstrip(), self.text[end:].lstrip()
        opens = not before or before[-1] in ".!:;\n。！：；"
        if after[:1] in ("?", "？"):
            return False
        ends = not after or after[0] in ".!:;\n。！：；"
        placing = any(isinstance(c, EditClause) and c.op in ("add", "move") for c in _walk(self.out))
        comma = opens and after[:1] in (",", "，")
        return is_context(clause.text, whole_sentence=opens and ends, before_comma=comma, placing=placing)

    def _swap(self, old: Clause, new: Clause) -> None:
        for seq in _sequences(self.out):
            for i, c in enumerate(seq):
                if c is old:
                    seq[i] = new

    # ---- sentences ------------------------------------------------------------------------------------
    def sentence(self, sentence: list[Tok]) -> None:
        mark = sentence[-1].low if sentence[-1].kind == "punct" else ""
        if mark in ("?", "？"):
            sentence = sentence[:-1]  # the mark mattered for questions as conditions only
            if not sentence:
                return
        if mark in (":", "："):
            before = len(self.out)
            self._sentence(sentence[:-1])
            if all(
                isinstance(c, FallbackClause)
                or (isinstance(c, EditClause) and c.op == "enhance" and c.args.get("kind") == "auto")
                for c in self.out[before:]
            ):
                # a heading ("For the Etsy listing:") says what the steps are for, not a step
                del self.out[before:]
                heading = " ".join(t.text for t in sentence[:-1])
                self.warnings.append(f"{heading!r} is read as a heading, not as an edit")
            return
        before = len(self.out)
        self._sentence(sentence)
        self._note_statement(sentence, self.out[before:])

    def _sentence(self, sentence: list[Tok]) -> None:
        chunks = _place_first(_in_time_order(split_clauses(_self_corrected(_strip_numbering(sentence)))))
        items: list[Clause] = []
        self.items = items
        cond_branch: tuple[IfClause, list[Clause], list[Clause]] | None = None
        in_else = False
        else_of: list[Clause] | None = None
        previous: list[Clause] = []
        for index, chunk in enumerate(chunks):
            toks = chunk.toks
            if toks[0].low == "so" and len(toks) > 1 and (is_command(self.raw(toks[1:])) or toks[1].low == "do not"):
                toks = toks[1:]  # "…, so don't touch it": a consequence, not a purpose
            elif toks[0].low in ("so", "so that", "in order to", "such that") and (previous or items):
                self._purpose(toks, previous)
                continue
            k = _skip_lead(toks, 0)
            if k < len(toks) and toks[k].low == "only" and k + 1 < len(toks) and toks[k + 1].low in IF_WORDS:
                k += 1  # "but only if there are trees"
            if (
                k + 2 < len(toks)
                and toks[k].low == "should"
                and toks[k + 1].low == "there"
                and toks[k + 2].low in ("be", "is", "are")
            ):
                # "should there be a watermark, remove it": an inverted condition
                there = Tok("there is", "there is", toks[k].start, toks[k + 2].end, "word")
                toks = [*toks[:k], Tok("if", "if", toks[k].start, toks[k].start, "word"), there, *toks[k + 3 :]]
            if k + 2 < len(toks) and toks[k].low == "should" and toks[k + 1].low != "there":
                # "should the photo come out too bright, …": an inverted condition on the picture
                rest = toks[k + 1 :]
                verb = next((j for j, t in enumerate(rest) if t.low in SHOULD_VERBS), -1)
                if verb > 0:
                    tail = [t for t in rest[verb + 1 :] if t.low not in ("out", "up")]
                    is_tok = Tok("is", "is", rest[verb].start, rest[verb].end, "word")
                    if_tok = Tok("if", "if", toks[k].start, toks[k].start, "word")
                    toks = [*toks[:k], if_tok, *rest[:verb], is_tok, *tail]
            if k + 1 < len(toks) and toks[k].low in ("if", "when") and _elliptical_else(toks[k + 1 :]):
                toks = [Tok("otherwise", "otherwise", toks[k].start, toks[k].end, "word"), *_after_comma(toks, k)]
                k = 0
            elif k + 1 < len(toks) and toks[k].low in ("if", "when") and (n := _elliptical_else_before(toks[k + 1 :])):
                # "if there isn't put a plant by the sofa": the else, its command with no comma before it
                toks = [Tok("otherwise", "otherwise", toks[k].start, toks[k].end, "word"), *toks[k + 1 + n :]]
                k = 0
            if any(t.low in WHATEVER for t in toks[: k + 1]):
                self.ctx.last_target = None  # what follows is for the whole picture, whatever the condition chose
            head = toks[k].low if k < len(toks) else ""
            phrase = " ".join(t.low for t in toks[k:])
            if phrase in COURTESY_IFS or (
                head in IF_WORDS and " ".join(t.low for t in toks[k : k + 2]) in COURTESY_IFS
            ):
                continue
            # otherwise / else
            if head in ELSE_WORDS:
                rest = toks[k + 1 :]
                if cond_branch is not None:
                    in_else = True
                    if rest:
                        cond_branch[2].extend(_else_steps(self.clause(rest)))
                    continue
                if self.last_if is not None and index == 0:
                    if rest:
                        self.last_if.else_.extend(_else_steps(self.clause(rest)))
                    else_of = self.last_if.else_  # "If not, just add a vignette": the rest of the sentence too
                    continue
                toks = rest
                if not toks:
                    continue
            # conditions
            if head in IF_WORDS or head in UNLESS_WORDS:
                negate = head in UNLESS_WORDS
                cond_toks = toks[k + 1 :]
                try:
                    saved = self.ctx.last_target
                    named = self.ctx.targets[-1] if self.ctx.targets else saved
                    self.ctx.antecedent_from_condition = False
                    cond, used = parse_condition(_without_adverbs(cond_toks), self.ctx, previous=named, negated=negate)
                    if negate and not self.ctx.antecedent_from_condition:
                        self.ctx.last_target = saved
                except NotUnderstood:
                    items.extend(self.fallback(toks))
                    continue
                if negate:
                    cond = NotCond(cond=cond)
                remainder = _without_adverbs(cond_toks)[used:]
                while remainder and (remainder[0].low in ("then", ",") or remainder[0].kind == "punct"):
                    remainder = remainder[1:]
                prefix = (
                    index == 0
                    or bool(remainder)
                    or (index + 1 < len(chunks) and chunk.sep in ("and", "then") and not items)
                )
                if not prefix and previous:
                    # "brighten the image if it is dark": the condition guards the clause before it
                    for c in previous:
                        items.remove(c)
                    clause = IfClause(cond, list(previous), [], (previous[0].span[0], self.span(toks)[1]))
                    items.append(clause)
                    self.last_if = clause
                    previous = [clause]
                    continue
                clause = IfClause(cond, [], [], self.span(toks))
                cond_branch = (clause, clause.then, clause.else_)
                in_else = False
                items.append(clause)
                self.last_if = clause
                if remainder:
                    clause.then.extend(self.clause(remainder))
                continue
            # side clauses that shape the clause before them
            if (
                head in ("not", "but not")
                and k + 1 < len(toks)
                and base_form(toks[k + 1].low) in vocab.NOT_CHANGE_VERBS
                and previous
            ):
                # "…, but not touch the dog": a keep, said as an exception
                negation = Tok("do not", "do not", toks[k].start, toks[k].end, "word")
                items.extend(self.clause([negation, *toks[k + 1 :]]))
                continue
            if head in EXCLUSION_STARTERS and chunk.sep in (",", "but", "and", "") and previous:
                excluded = region_of(_exclusion_object(toks[k:]), self.ctx)
                if excluded is not None and excluded != ALL:
                    self._narrow(items, previous, excluded)
                    continue
            if head in PURPOSE_STARTERS or (head == "to" and k + 1 < len(toks) and _purpose_verb(toks[k + 1])):
                if previous or items:
                    self._purpose(toks, previous)
                    continue
                if head == "to":
                    toks = toks[k + 1 :]
            if _absolute_exclusion(toks) is not None and previous:
                excluded = region_of(_absolute_exclusion(toks) or [], self.ctx)  # "…, the village excluded"
                if excluded is not None and excluded != ALL:
                    self._narrow(items, previous, excluded)
                    continue
            clauses = self.clause(toks)
            exclusions = [c for c in clauses if isinstance(c, Exclusion)]
            if exclusions:  # "…, but keep it off the roof": narrows the clause before
                clauses = [c for c in clauses if not isinstance(c, Exclusion)]
                for exclusion in exclusions:
                    self._narrow(
                        items if cond_branch is None else cond_branch[2] if in_else else cond_branch[1],
                        previous,
                        exclusion.region,
                    )
            if else_of is not None:
                else_of.extend(_else_steps(clauses))
            elif cond_branch is not None:
                (cond_branch[2] if in_else else cond_branch[1]).extend(_else_steps(clauses) if in_else else clauses)
            else:
                items.extend(clauses)
            self._raise_right_node(previous, clauses, chunk.sep)
            previous = clauses
        self.out.extend(items)

    def _purpose(self, toks: list[Tok], previous: list[Clause]) -> None:
        """ "… to reveal the details", "… so that it looks lighter": the purpose of the clause before, not an edit.
        Where that clause said no direction ("adjust the exposure"), the purpose's own gives it."""
        purpose = " ".join(t.text for t in toks)
        direction = _purpose_direction(toks, self.text)
        for i, clause in enumerate(previous):
            warning = self.ctx.undirected.get(id(clause))
            if warning is None or direction is None or not isinstance(clause, EditClause):
                continue
            prop, sign = direction
            amount = clause.args["amount"]
            if clause.args["property"] == prop or (
                prop in ("brightness", "exposure") and clause.args["property"] in ("brightness", "exposure")
            ):
                amount = abs(amount) * sign
            turned = EditClause(
                clause.op,
                clause.target,
                {**clause.args, "amount": amount},
                clause.span,
                clause.fallback,
                clause.explicit_target,
            )
            previous[i] = turned
            self._replace(clause, turned)
            if warning in self.warnings:
                self.warnings.remove(warning)
        self.warnings.append(f"{purpose!r} is read as the purpose of the step before it, not as an edit")

    def _narrow(self, items: list[Clause], previous: list[Clause], excluded: object) -> None:
        """ "add fog, but not on the person": the exception narrows the edits of the clause before it."""
        for i, clause in enumerate(items):
            if clause in previous and isinstance(clause, EditClause):
                narrowed = EditClause(
                    clause.op, sem.without(clause.target, excluded), clause.args, clause.span, clause.fallback, True
                )
                items[i] = narrowed
                previous[previous.index(clause)] = narrowed

    def _raise_right_node(self, previous: list[Clause], clauses: list[Clause], sep: str) -> None:
        """ "brighten and sharpen the face": the first verb's object is said once, after the second."""
        if sep not in ("and", ",") or not previous or not clauses:
            return
        first = clauses[0]
        if not (isinstance(first, EditClause) and first.explicit_target):
            return
        family = {"adjust", "blur", "enhance", "restyle"}
        for i, clause in enumerate(previous):
            if (
                isinstance(clause, EditClause)
                and not clause.explicit_target
                and clause.op in family
                and first.op in family
            ):
                if clause.span[1] - clause.span[0] <= 24:
                    previous[i] = EditClause(clause.op, first.target, clause.args, clause.span, clause.fallback, True)
                    self._replace(clause, previous[i])

    def _replace(self, old: Clause, new: Clause) -> None:
        for seq in [*_sequences(self.items), *_sequences(self.out)]:
            for i, c in enumerate(seq):
                if c is old:
                    seq[i] = new

    # ---- one clause -------------------------------------------------------------------------------------
    def clause(self, toks: list[Tok]) -> list[Clause]:
        k = _skip_lead(toks, 0, degrees=False)
        body = _strip_courtesy(toks[k:])
        said = " ".join(t.low for t in toks if t.kind != "punct")
        if not body or _APPRECIATION.fullmatch(said):
            return []  # "I'd really appreciate it", "Any help is appreciated": thanks, not an edit
        span = (body[0].start + self.offset, body[-1].end + self.offset)
        body = _wish_question(body)
        only_colour = _only_in_colour(body)
        if only_colour is not None:
            region = region_of(only_colour, self.ctx)
            if region is not None and region != ALL:  # a colour pop: the black and white edits leave it out
                self.ctx.color_kept.append((region, span))
                self.ctx.targets.append(region)
                return []
        lead = _skip_lead(body, 0)
        if 0 < lead < len(body):  # "slightly increase the contrast": the degree belongs to the clause, read at its end
            body = [*body[lead:], *body[:lead]]
        want = _want_frame(body)
        try:
            if want is not None:
                if not want:
                    return []
                reader = self.frames()
                reader.span = span  # (the steps of "I want the bins gone" point at what was said)
                return reader.wanted(want)
            return self.frames().read(body, span)
        except FreeForm as free:
            return self.fallback(toks, tidy_freeform_target(free.target))
        except NotUnderstood:
            return self.fallback(toks)
        except (ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
            # A planner defect must not cost the user the whole instruction: this clause is kept free-form.
            if os.environ.get("EDITREE_PLANNER_DEBUG"):
                raise
            self.warnings.append(
                f"internal planner error on {self.raw(toks)!r} ({type(exc).__name__}); kept as written"
            )
            return self.fallback(toks)

    def raw(self, toks: list[Tok]) -> str:
        return self.text[toks[0].start : toks[-1].end]

    def fallback(self, toks: list[Tok], target: object = None) -> list[Clause]:
        start, end = toks[0].start, toks[-1].end
        while end > start and self.text[end - 1] in ",.;!?，。；！？ ":
            end -= 1
        if end <= start:
            return []
        clause = FallbackClause(self.text[start:end], (start + self.offset, end + self.offset), target)  # type: ignore[arg-type]
        if target is not None and target != ALL:
            self.ctx.last_target = target  # type: ignore[assignment]
        return [clause]


_APPRECIATION = re.compile(
    r"(?:i(?: 'd| would| will| 'll| really| truly| greatly)* (?:really |truly |greatly |so )?appreciate"
    r"(?: it| this| that| any help| the help| your help)?(?: a lot| so much| greatly| very much)?"
    r"|(?:any|all|your) help (?:is|would be|will be) (?:much |greatly |really |very |so )?appreciated"
    r"|(?:it|that|this) (?:is|would be|will be) (?:much |greatly |really |very |so )?appreciated"
    r"|(?:much|greatly|really|very much|so) appreciated"
    r"|(?:i am|i 'm|i 'd be|i would be|we are|we 'd be) (?:so |very |really |forever |truly )?(?:grateful|thankful)"
    r"|plea+se+|pl[sz]+|thanks? (?:so much|a lot|a bunch|a ton|in advance|much)(?: guys| everyone| all)?)"
)
"""A sentence that only thanks or pleads (after the tokenizer's "'d" and "'m" splits)."""

TRAILING_COURTESY = frozenset(
    {
        "would be much appreciated",
        "would be greatly appreciated",
        "much appreciated",
        "greatly appreciated",
        "would help",
        "is all it needs",
        "is all i need",
        "is all we need",
        "would be great",
        "would be nice",
        "would be good",
        "would be awesome",
        "would be appreciated",
        "would be ideal",
        "is needed",
        "is required",
        "would work",
        "would be perfect",
        "would be better",
        "please",
        "pls",
        "plz",
        "thanks",
        "thank you",
        "thank",
        "you",
        "thx",
        "ty",
        "cheers",
        "for me",
        "if possible",
        "if you can",
        "if you could",
        "asap",
        "lol",
        "haha",
        "guys",
        "everyone",
        "all",
        "folks",
        "again",
        "for us",
        "please and thank you",
        "in advance",
        ":)",
        ":(",
        "!",
        "?",
        "...",
        ",",
        ".",
        "thanks a lot",
        "many thanks",
        "thank you so much",
        "appreciated",
        "xx",
        "x",
        "so much",
        "a lot",
    }
)


def _strip_courtesy(toks: list[Tok]) -> list[Tok]:
    """Drop "please", ", thanks!", "if possible" and the like from the end of a clause."""
    while toks:
        last = toks[-1].low
        two = " ".join(t.low for t in toks[-2:]) if len(toks) >= 2 else ""
        three = " ".join(t.low for t in toks[-3:]) if len(toks) >= 3 else ""
        four = " ".join(t.low for t in toks[-4:]) if len(toks) >= 4 else ""
        if four in TRAILING_COURTESY and len(toks) > 4:
            toks = toks[:-4]
        elif three in TRAILING_COURTESY and len(toks) > 3:
            toks = toks[:-3]
        elif two in TRAILING_COURTESY and len(toks) > 2:
            toks = toks[:-2]
        elif (last in TRAILING_COURTESY and last not in ("all", "you", "x", "a lot", "so much", "everyone")) or (
            toks[-1].kind == "punct" and last not in (")", "]", "%")
        ):
            toks = toks[:-1]
        elif last in ("you", "all", "everyone", "guys") and len(toks) >= 2 and toks[-2].low in ("thank", "thanks"):
            toks = toks[:-2]
        else:
            break
    return toks


def _questions_as_conditions(sentences: list[list[Tok]]) -> list[list[Tok]]:
    """ "No clouds? Then add some." / "Is it too dark? If so, brighten it.": a question the next sentence answers
    is that sentence's condition ("if there are no clouds, add some")."""
    out: list[list[Tok]] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        answer = 2 if following and [t.low for t in following[:2]] in (["if", "so"], ["if", "yes"]) else 1
        if sentence[-1].low in ("?", "？") and following and (following[0].low in ("then", "so") or answer == 2):
            asked = sentence[:-1]
            words = [t.low for t in asked]
            at = asked[0].start
            if words[:2] in (["is", "there"], ["are", "there"]) or words[:1] in (["there is"], ["there are"]):
                body = asked[2:] if words[0] in ("is", "are") else asked[1:]
            elif words[:1] in (["is"], ["are"], ["too"], ["does"]):
                body = None
            else:
                body = asked
            if_tok = Tok("if", "if", at, at, "word")
            if body is not None:
                cond = [if_tok, Tok("there is", "there is", at, at, "word"), *body]
            elif words[0] == "too":  # "Too dark? Then brighten it."
                cond = [if_tok, Tok("it", "it", at, at, "word"), Tok("is", "is", at, at, "word"), *asked]
            else:  # "Is the photo too dark?" -> "if the photo is too dark"
                at_pred = next(
                    (
                        j
                        for j in range(2, len(asked))
                        if asked[j].low in ("too", "very", "quite", "not", "a", "an", "so")
                        or asked[j].low in lex.IMAGE_PROPERTIES
                    ),
                    len(asked),
                )
                cond = [if_tok, *asked[1:at_pred], asked[0], *asked[at_pred:]]
            comma = Tok(",", ",", following[0].start, following[0].start, "punct")
            out.append([*cond, comma, *following[answer:]])
            i += 2
            continue
        out.append(sentence)
        i += 1
    return out


def _purpose_direction(toks: list[Tok], text: str) -> tuple[str, int] | None:
    """(property, sign) a purpose states: "so that it looks lighter" -> (brightness, +1)."""
    from editree.planner.en.complements import read_complement

    for k in range(len(toks)):
        comp = read_complement(toks[k:], text)
        if comp is not None and comp.kind == "adjust" and comp.items:
            prop, sign, _ = comp.items[0]
            return prop, sign
    return None


def _absolute_exclusion(toks: list[Tok]) -> list[Tok] | None:
    """ "the village excluded", "the skin tones excepted", "the faces aside": the words of the region left out."""
    if len(toks) >= 2 and toks[-1].low in ("excluded", "excepted", "aside", "spared", "apart", "left out"):
        return toks[:-1]
    return None


def _without_adverbs(toks: list[Tok]) -> list[Tok]:
    """ "if the shot is already black and white": time adverbs say nothing about the condition."""
    return [t for t in toks if t.low not in ("already", "still", "currently", "now", "actually", "really", "at all")]


def _elliptical_else(toks: list[Tok]) -> bool:
    """ "if not, …", "if there isn't, …", "if there are none, …": the else of the condition before."""
    words = []
    for tok in toks:
        if tok.low in (",", "then") or tok.kind == "punct":
            break
        words.append(tok.low)
    return " ".join(words) in (
        "not",
        "not so",
        "there is not",
        "there are not",
        "there is none",
        "there are none",
        "none",
        "no",
        "it is not",
        "they are not",
        "not there",
        "there is not one",
    )


_ONLY_COLOUR = re.compile(
    r"^(?P<subject>.+?) (?:is|to be|should be|must be|stays|stay) the (?:one|only) "
    r"(?:(?:thing|part|object|bit)(?: (?:that )?(?:i want|i'd like|we want|to stay|that stays|left|should be|is))? "
    r"(?:in color|colored|with color)|colored (?:thing|part|object|bit))$"
)


def _only_in_colour(toks: list[Tok]) -> list[Tok] | None:
    """The subject of "the neon sign is the one thing I want in colour", "I'd like the jersey to be the only
    coloured thing": what keeps its colour in a colour pop."""
    words = [t.low for t in toks]
    start = 0
    while start < len(words) and words[start] in ("i", "we", "would", "like", "love", "want", "really", "'d"):
        start += 1  # "I'd like …", "we want …": the wish, not the subject
    text = " ".join(words[start:]).replace("colour", "color")
    match = _ONLY_COLOUR.match(text)
    if match is None:
        return None
    n = len(match.group("subject").split())
    return toks[start : start + n]


WISHES = ("want", "need", "would like", "would love", "wish", "would prefer")
"""What a wish starts with after "I"/"we" (str.startswith takes the tuple)."""

WISH_COPULAS = frozenset({"be", "go", "look", "get", "turn", "become", "feel", "seem"})
POSSESSED = frozenset({"the", "this", "that", "these", "those", "my", "our", "his", "her", "their", "its", "your"})


def _wish_question(toks: list[Tok]) -> list[Tok]:
    """ "Could the sky be bluer?", "Can the paper go a shade whiter and the ink darker?": a wish asked as a
    question, read as "make the sky bluer" (it was read as a region "could the sky be")."""
    if len(toks) < 4 or toks[0].low not in ("can", "could", "would", "will") or toks[1].low not in POSSESSED:
        return toks
    copula = next((i for i, t in enumerate(toks[:9]) if i > 2 and t.low in WISH_COPULAS), -1)
    if copula < 0 or copula + 1 >= len(toks):
        return toks
    make = Tok("make", "make", toks[0].start, toks[0].end, "word")
    return [make, *toks[1:copula], *toks[copula + 1 :]]


def _else_steps(clauses: list[Clause]) -> list[Clause]:
    """ "…; otherwise don't change anything" / "else leave it as it is": an else that keeps everything is no
    branch at all, not a constraint on the whole plan (which would also hold when the condition is met)."""
    return [
        c
        for c in clauses
        if not isinstance(c, KeepRestClause)
        and not (isinstance(c, KeepClause) and c.region == ALL)
        and not (isinstance(c, FallbackClause) and c.text.lower().strip(" .!") in DO_NOTHING)
    ]


DO_NOTHING = frozenset({"do nothing", "nothing", "don't do anything", "do not do anything", "no changes", "no change"})


def _elliptical_else_before(toks: list[Tok]) -> int:
    """How many tokens an elliptical else ("not", "there isn't") takes when a command follows it at once, else 0."""
    for n in (4, 3, 2, 1):
        if n < len(toks) and _elliptical_else(toks[:n]) and is_command(" ".join(t.text for t in toks[n:])):
            return n
    return 0


def _after_comma(toks: list[Tok], k: int) -> list[Tok]:
    for i in range(k, len(toks)):
        if toks[i].low in (",", "then"):
            return toks[i + 1 :]
    return []


CORRECTIONS = frozenset({"no", "wait", "sorry", "i", "mean", "actually", "or", "rather", "oops", "no wait", "i mean"})
"""Words of a correction said in passing ("no wait", "sorry, I mean", "or rather")."""


def _self_corrected(toks: list[Tok]) -> list[Tok]:
    """ "mirror it vertically, no wait, horizontally", "make the car red, sorry, I mean blue", "remove the dog, no,
    the cat": what is said last replaces what it corrects (the word before the correction, or the noun phrase when a
    noun phrase corrects it)."""
    for i, tok in enumerate(toks):
        if tok.low not in (",", "-", "—") or i < 2:
            continue
        j = i + 1
        while j < len(toks) and (toks[j].low in CORRECTIONS or toks[j].low == ","):
            j += 1
        said = [t.low for t in toks[i + 1 : j] if t.low != ","]
        flagged = any(w in ("no wait", "wait", "i mean", "actually", "rather", "sorry", "oops") for w in said)
        if not said or not (flagged or (said == ["no"] and i + 2 < len(toks) and toks[i + 2].low == ",")):
            continue
        end = j
        while end < len(toks) and toks[end].low not in vocab.SEPARATORS and toks[end].kind != "punct":
            end += 1
        fix = toks[j:end]
        if fix and verb_at(fix, 0) is not None:  # "brighten it, no, darken it": the whole clause is taken back
            start = next((m + 1 for m in range(i - 1, -1, -1) if toks[m].low in vocab.SEPARATORS), 0)
            return [*toks[:start], *_self_corrected(toks[j:])]
        if not fix or len(fix) > 3:
            continue
        start = i - 1
        if fix[0].low in vocab.DETERMINERS:
            start = next((m for m in range(i - 1, 0, -1) if toks[m].low in vocab.DETERMINERS), i - 1)
        return [*toks[:start], *fix, *_self_corrected(toks[end:])]
    return toks


def _not_as_to_less(toks: list[Tok]) -> list[Tok]:
    """ "make the picture not as bright", "make it not so saturated", "the sky should not be so blue": less of it.
    Read word by word, "not" would make the subject part of the region ("picture not") or keep the sky, and the
    adjective alone would raise what was asked to be lowered."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        be = 1 if i + 1 < len(toks) and toks[i + 1].low == "be" else 0
        degree = toks[i + 1 + be] if i + 2 + be < len(toks) else None
        adjective = toks[i + 2 + be] if degree is not None else None
        if (
            out
            and out[-1].low in ("is", "are", "looks", "look", "seems", "seem")
            and tok.low == "not"
            and i + 2 < len(toks)
            and toks[i + 1].kind == "word"
            and toks[i + 2].low == "enough"
        ):
            # "the sky is not blue enough": it should be more so
            copula = out.pop()
            out.extend(
                Tok(copula.text, word, copula.start if k == 0 else tok.end, copula.end if k == 0 else tok.end, "word")
                for k, word in enumerate(("should", "be", "more"))
            )
            adjective, enough = toks[i + 1], toks[i + 2]
            out.append(Tok(adjective.text, adjective.low, adjective.start, enough.end, adjective.kind))
            i += 3
            continue
        modal = tok.low.removesuffix(" not") if tok.low in ("should not", "must not", "need not") else None
        if (
            out
            and (tok.low == "not" or (modal is not None and be))
            and degree is not None
            and adjective is not None
            and degree.low in ("as", "so", "too", "that")
            and adjective.kind == "word"
            and adjective.low not in ("much", "many", "bad", "sure", "well", "long", "far", "often", "fast")
            and adjective.low not in vocab.DETERMINERS
            and adjective.low not in ("one", "ones", "it", "them", "this", "that", "these", "those", "if", "before")
        ):  # ("not that one", "not as a border": no adjective, nothing to lessen)
            if modal is not None:  # "the sky should not be so bright": it should be less bright
                out.append(Tok(tok.text, modal, tok.start, tok.start, "word"))
            if be:
                out.append(toks[i + 1])
            out.append(Tok(f"{tok.text} {degree.text}", "less", tok.start, degree.end, "word"))
            i += 2 + be
            continue
        out.append(tok)
        i += 1
    return out


def _without_emoticons(toks: list[Tok]) -> list[Tok]:
    """ ":)", ":-(", ";)", ":D", ":P": no colon of a heading ("… remove the people in the background :)" was read
    as a heading and left nothing to edit), nor a bracket."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.low in (":", ";") and i + 1 < len(toks) and toks[i + 1].start == tok.end:
            j = i + 1
            if toks[j].low == "-" and j + 1 < len(toks) and toks[j + 1].start == toks[j].end:
                j += 1
            face = toks[j]
            after_ok = j + 1 >= len(toks) or toks[j + 1].start > face.end
            if face.low in (")", "(", "d", "p", "/") and after_ok:
                i = j + 1
                continue
        out.append(tok)
        i += 1
    return out


def _without_brackets(toks: list[Tok]) -> list[Tok]:
    """ "[Specific] remove the fence": bracketed tags say nothing to edit."""
    out: list[Tok] = []
    depth = 0
    for tok in toks:
        if tok.low == "[":
            depth += 1
        elif tok.low == "]" and depth:
            depth -= 1
        elif not depth:
            out.append(tok)
    return out


def _sequences(clauses: list[Clause]) -> list[list[Clause]]:
    """Every list of clauses, the branches of conditions included, so a clause can be found and replaced."""
    out = [clauses]
    for clause in clauses:
        if isinstance(clause, IfClause):
            out.extend(_sequences(clause.then))
            out.extend(_sequences(clause.else_))
    return out


def _walk(clauses: list[Clause]) -> list[Clause]:
    return [c for seq in _sequences(clauses) for c in seq]


def _exclusion_object(toks: list[Tok]) -> list[Tok]:
    """ "except for on the person" -> "the person"; "but not the face" -> "the face"."""
    i = 1
    while i < len(toks) and toks[i].low in ("on", "in", "to", "for", "onto", "over", "at", "the area of"):
        i += 1
    return toks[i:]


def _want_frame(toks: list[Tok]) -> list[Tok] | None:
    """ "I want the sky bluer", "I'd like the background blurred": the wanted state, read like "make …"."""
    words = [t.low for t in toks[:4]]
    if (
        len(words) >= 3
        and words[0] in ("like", "love", "prefer")
        and (words[1] in ("the", "my", "this", "his", "her", "their", "it", "our", "a", "an") or words[1] in COLORS)
    ):
        return toks[1:]  # after "I would" was read as a lead
    if len(words) >= 3 and words[0] in ("i", "we") and words[1] in ("want", "need", "would", "wish", "prefer"):
        start = 2
        if words[1] == "would" and len(words) > 2 and words[2] in ("like", "love", "prefer"):
            start = 3
        if start < len(toks) and toks[start].low in ("to", "you", "someone", "it", "if"):
            return None
        return toks[start:]
    return None


TIME_SUBJECTS = frozenset({"you", "we", "i", "you have", "you've", "we have", "you are", "you're"})


def _temporal_command(toks: list[Tok]) -> list[Tok] | None:
    """The command of an "after"/"before" clause ("you crop it to 16:9", "cropping it") without its subject."""
    k = 0
    while k < len(toks) and toks[k].low in TIME_SUBJECTS | {"have", "are", "'ve"}:
        k += 1
    rest = toks[k:]
    found = verb_at(rest, 0) if rest else None
    if found is None or noun_use(rest, found):
        return None
    if k == 0 and found[1].form != "ing":  # "after sunset" is a time, "after cropping it" an order
        return None
    return rest


FRONT_PLACES = frozenset(
    {
        "beneath", "under", "underneath", "below", "above", "over", "behind", "beside", "next to", "near", "atop",
        "on top of", "in front of",
    }
)  # fmt: skip
"""How a place beside a thing, named before the request that puts something there, starts ("Beneath the shelf, add
a lamp"; "To the left of the cow, …" is one token, "to the left of"). A place that is itself the spot ("On the top
shelf, add …") is not moved: the thing added there is described with it in the prompt."""
PLACING_VERBS = frozenset(
    {"add", "place", "put", "position", "insert", "introduce", "set", "draw", "paint", "include", "station", "situate"}
    | {"incorporate", "drop", "stick", "plant", "park", "stand", "sit", "seat", "lay", "hang", "sketch", "render"}
)


def _place_first(chunks: list[Chunk]) -> list[Chunk]:
    """ "Beneath the banana, add a man" / "To the left of the cow, place a man" / "Right of the bus, position a
    bike": the place said first is where the next clause puts its thing, so it is read after it ("add a man beneath
    the banana"). Its words keep their place in the text: the clause's span runs from the place to its end."""
    if len(chunks) < 2 or chunks[1].sep != "," or len(chunks[0].toks) < 2:
        return chunks
    place, command = chunks[0].toks, chunks[1].toks
    first = place[0].low
    if first in ("left", "right") and place[1].low in ("to", "of"):  # "Right to the bus": to the right of it
        side = Tok(f"{place[0].text} {place[1].text}", f"to the {first} of", place[0].start, place[1].end, "word")
        place = [side, *place[2:]]
    elif first not in FRONT_PLACES and not (first.endswith(" of") and first.startswith(("to ", "on ", "at ", "in "))):
        return chunks
    verb = 1 if command[0].low in ("please", "now", "then", "just", "also") and len(command) > 1 else 0
    if command[verb].low not in PLACING_VERBS and base_form(command[verb].low) not in PLACING_VERBS:
        return chunks
    end = command[-1].end
    while place and place[-1].kind == "punct":
        place = place[:-1]
    lead = Tok(command[0].text, command[0].low, place[0].start, command[0].end, command[0].kind)
    moved = [Tok(t.text, t.low, end, end, t.kind) for t in place]
    return [Chunk([lead, *command[1:], *moved], chunks[0].sep), *chunks[2:]]


def _in_time_order(chunks: list[Chunk]) -> list[Chunk]:
    """Clauses in the order they are to run: "add a vignette after you crop it" crops first; "before you
    sharpen it, denoise the photo" denoises first."""
    out: list[Chunk] = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        toks = chunk.toks
        head = toks[0].low
        if head in ("before", "after") and len(toks) > 1:
            command = _temporal_command(toks[1:])
            if command is not None:
                if head == "before" and i + 1 < len(chunks):  # "before X, Y": Y, then X
                    out.extend([Chunk(chunks[i + 1].toks, chunk.sep), Chunk(command, "then")])
                    i += 2
                    continue
                out.append(Chunk(command, chunk.sep))  # "after X, Y": X, then Y
                i += 1
                continue
        at = next((j for j, t in enumerate(toks) if j > 0 and t.low in ("after", "before")), -1)
        command = _temporal_command(toks[at + 1 :]) if at > 0 else None
        if command is not None:
            main = toks[:at]
            first, second = (command, main) if toks[at].low == "after" else (main, command)
            out.extend([Chunk(first, chunk.sep), Chunk(second, "then")])
        else:
            out.append(chunk)
        i += 1
    return out


def _strip_numbering(toks: list[Tok]) -> list[Tok]:
    """ "1) blur …", "- add …", "2. brighten …" (numbers before a sentence end were split off already)."""
    while toks and (
        toks[0].low in ("-", "*", ")", ":")
        or (toks[0].kind == "num" and len(toks) > 1 and toks[1].low in (")", ":", "-"))
    ):
        toks = toks[2:] if toks[0].kind == "num" else toks[1:]
    return toks


def parse_english(text: str, offset: int = 0, warnings: list[str] | None = None) -> list[Clause]:
    """Clauses of an English instruction; spans are shifted by `offset` into the full instruction."""
    reader = SentenceReader(text, offset)
    clauses = reader.read()
    if warnings is not None:
        warnings.extend(reader.warnings)
    return clauses


__all__ = ["KeepClause", "KeepRestClause", "UnionRegion", "parse_english"]


def is_command(sentence: str) -> bool:
    """Does the sentence start as a request ("Use bold colours", "Keep the face", "Don't …", "If …")?"""
    toks = tokenize(sentence)
    k = _skip_lead(toks, 0)
    if k >= len(toks):
        return True
    low = toks[k].low
    if low in IF_WORDS or low in UNLESS_WORDS or low in ELSE_WORDS or low in KEEP_STARTERS:
        return True
    if low in ("do not", "make sure", "ensure", "be sure", "let", "do"):
        return True
    found = verb_at(toks, k)
    if (
        found is None
        and k + 1 < len(toks)
        and (toks[k + 1].low in vocab.DETERMINERS or toks[k + 1].low in ("it", "them", "him", "her"))
        and vocab.close_verb(low) is not None
    ):
        return True  # "Could someone brigthen it up": a misspelled verb still starts a request
    return found is not None and found[1].form in ("base", "ing") and not noun_use(toks[k:], found)
