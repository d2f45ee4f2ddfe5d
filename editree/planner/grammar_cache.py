"""Build a lark parser once per machine: construction takes ~0.5 s, loading the cached tables ~20 ms.

The cache lives in the user's cache folder (never a shared temporary folder: lark's cache is a
pickle). lark keys it by grammar text and options, so an edited grammar is rebuilt.
"""

from __future__ import annotations

import os
from importlib import resources
from typing import Any

from lark import Lark

from editree.cache_dirs import cache_root


def _cache_file(name: str) -> str | bool:
    folder = cache_root() / "grammars"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return str(folder / f"{name}.lark-cache") if os.access(folder, os.W_OK) else False


def load_grammar(name: str, **options: Any) -> Lark:
    text = resources.files("editree.grammars").joinpath(f"{name}.lark").read_text(encoding="utf-8")
    try:
        return Lark(text, cache=_cache_file(name), **options)
    except (OSError, EOFError, ValueError):  # an unreadable or stale cache file: build without it
        return Lark(text, cache=False, **options)
