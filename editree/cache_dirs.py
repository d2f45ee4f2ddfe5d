"""Where editree keeps what it can rebuild (grammar tables, LLM plans): one root, so one variable moves it all."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """$EDITREE_CACHE_DIR, else $XDG_CACHE_HOME/editree, else ~/.cache/editree."""
    explicit = os.environ.get("EDITREE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "editree"
