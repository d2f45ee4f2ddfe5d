"""text -> Plan. The grammar planner first; what it cannot structure is kept as free-form edits.

>>> from editree.planner import parse
>>> print(parse("keep the person unchanged and blur the background").to_text())  # doctest: +SKIP
"""

from editree.planner.planner import detect_lang, parse

__all__ = ["detect_lang", "parse"]
