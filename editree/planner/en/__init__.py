"""The English planner: a clause skeleton (skeleton.py) over tokens (tokens.py), clauses read by the
frame their verb opens (frames.py, complements.py), noun phrases read tolerantly (nouns.py)."""

from editree.planner.en.skeleton import parse_english

__all__ = ["parse_english"]
