"""Pieces of an instruction that set the scene rather than ask for anything.

People tell the story before the request: "Shot my coupe under a streetlamp last night. Add some rain…", "Batch of
ski photos. For each one: …", "Somebody left a trolley in the car park. Get rid of it…", "On the bottom shelf of the
fridge, make the first jar disappear". No frame reads such a piece, and kept as a free-form step it would send the
story itself to a model as an edit of the whole picture. When the instruction asks for something else, a piece that
is plainly a statement (a subject with a verb of being, having or a past event; a bare heading; a leading place or
purpose phrase with no verb) is context: it is left out of the plan with a warning that says so. A piece that reads
as a request in any way (a command verb first, a modal, a wish, "please", a question) is never context.
"""

from __future__ import annotations

from functools import lru_cache

from editree.planner.en import vocab
from editree.planner.en.tokens import Tok, tokenize

STATEMENT_VERBS = frozenset(
    {
        "is", "are", "was", "were", "'s", "has", "have", "had", "'ve", "been",
        "left", "came", "got", "took", "shot", "snapped", "found", "bought", "made", "painted", "drew", "scanned",
        "sits", "sat", "stands", "stood", "lies", "lay", "hangs", "hung", "grew", "fell", "broke", "happened",
        "seems", "seem", "looks", "look", "appears", "appear", "feels", "feel",
    }
)  # fmt: skip
"""Verbs of a statement about the picture or how it was taken (a command never starts with these forms)."""

REQUEST_WORDS = frozenset(
    {
        "please", "pls", "plz", "let", "let's", "lets", "kindly", "help", "try",
        "want", "wanted", "need", "needs", "like", "love", "wish", "hope", "hoping", "prefer", "rather", "mind",
        "should", "must", "could", "can", "would", "will", "shall", "ought", "may", "might", "'d", "'ll",
        "make", "turn", "keep", "leave", "remove", "add", "change", "give", "get", "put", "do", "do not", "don't",
        "if", "unless", "when", "otherwise", "else", "instead", "without", "except", "but",
    }
)  # fmt: skip
"""Any of these and the piece may be a request, a condition or a constraint: it is never dropped as context."""

STORY_NOUNS = frozenset(
    {
        "request", "requests", "present", "gift", "photo", "photos", "picture", "pictures", "pic", "pics", "shot",
        "shots", "batch", "listing", "scan", "selfie", "selfies", "snapshot", "thanks", "memories", "memory",
    }
)  # fmt: skip
"""A verbless sentence is a heading only when it names the photo or the request itself ("Batch of ski photos",
"Another request", "Many thanks"); a bare noun phrase may be the request ("black and white only", "Image sharpen")."""

PLACE_WORDS = frozenset({"in", "on", "at", "inside", "from", "for", "of", "across", "along", "under", "among"})
"""A piece starting with one of these and holding no verb sets where or what for ("In my daughter's drawing")."""

POSITION_WORDS = frozenset(
    {"left", "right", "top", "bottom", "side", "front", "behind", "next", "beside", "above", "below", "middle"}
)


def is_context(text: str, *, whole_sentence: bool, before_comma: bool, placing: bool = False) -> bool:
    """Is `text` (a piece no frame could read) scene-setting rather than a request? `whole_sentence`: the piece is
    a sentence of its own; `before_comma`: it opens its sentence and a comma follows it; `placing`: the plan adds
    or moves something, so a place named up front may be where it goes."""
    from editree.planner.en.skeleton import is_command

    toks = [t for t in tokenize(text) if t.kind in ("word", "num")]
    told = len(toks) > 1 and toks[0].low in ("somebody", "someone") and toks[1].low in STATEMENT_VERBS
    if not toks or "?" in text or (is_command(text) and not told):  # ("Someone left a cup…" tells, not asks)
        return False
    lows = [t.low for t in toks]
    if any(low in REQUEST_WORDS or low in vocab.MODALS for low in lows):
        return False
    verbs = [i for i, low in enumerate(lows) if low in STATEMENT_VERBS]
    if verbs:
        return (whole_sentence or before_comma) and _has_subject(toks[: verbs[0]], lows[0])
    if any(t.kind == "num" for t in toks) or _names_an_edit(lows):
        return False  # "45%.", "Image sharpen.", "decrese backgroun ligtness.": the request, however written
    if lows[0].split()[0] in PLACE_WORDS:  # ("on the top" is one token)
        if placing and any(word in POSITION_WORDS for low in lows for word in low.split()):
            return False  # "On the left of the clock, introduce a man": where to add, not yet understood
        return before_comma or whole_sentence
    # a heading: "Batch of ski photos", "Listing shot of the flat"
    return whole_sentence and len(toks) <= 8 and any(low in STORY_NOUNS for low in lows)


def _names_an_edit(lows: list[str]) -> bool:
    """Any word that is, or begins like, an edit verb ("restoration", "sharpen", "decrese" for decrease)."""
    stems = _verb_stems()
    return any(
        low in vocab.verb_forms() or (len(low) >= 5 and low[:5] in stems and low not in STORY_NOUNS) for low in lows
    )


@lru_cache(maxsize=1)
def _verb_stems() -> frozenset[str]:
    return frozenset(form.lemma[:5] for form in vocab.verb_forms().values() if len(form.lemma) >= 5)


def _has_subject(before: list[Tok], first: str) -> bool:
    """Something stands before the verb ("The mare … has", "Somebody left", "This is"), or the sentence is a diary
    line with its subject dropped ("Shot my coupe last night")."""
    return bool(before) or first in ("shot", "snapped", "took", "got", "found", "bought", "scanned", "painted", "drew")


HAVING_VERBS = frozenset({"has", "have", "had", "left", "got", "found", "bought", "dropped", "spilled", "spilt"})


def antecedent(toks: list[Tok]) -> list[Tok] | None:
    """What "it" means after a statement: the thing had or left ("The mare has a muddy leg." → the muddy leg,
    "Somebody left a trolley in the car park." → the trolley), else the subject ("The vase is chipped.")."""
    words = [t for t in toks if t.kind in ("word", "num")]
    verb = next((i for i, t in enumerate(words) if t.low in STATEMENT_VERBS), -1)
    if verb < 0:
        return None
    if words[verb].low in HAVING_VERBS:
        start = verb + 1
        while start < len(words) and words[start].low in ("a", "an", "the", "some", "his", "her", "its", "their"):
            start += 1
        end = start
        while end < len(words) and words[end].low not in PLACE_WORDS | {"and", "but", "so", "which", "that", "by"}:
            end += 1
        return words[start:end] or None
    return words[:verb] or None
