"""editree: edit images with plain-language compound instructions, through an explicit operation tree.

`editree.plan(text)`, `editree.edit(image, plan_or_text)` and `editree.Session()` are the Python API;
they are imported on first use so that `import editree` (and the CLI's dry-run path) stays light.
"""

from typing import Any

__version__ = "0.1.0"

_API = {"plan", "edit", "batch", "Session", "Edited"}


def __getattr__(name: str) -> Any:
    if name in _API:
        from editree import api

        return getattr(api, name)
    if name == "NothingChangedError":
        from editree.errors import NothingChangedError

        return NothingChangedError
    raise AttributeError(f"module 'editree' has no attribute {name!r}")


__all__ = ["Edited", "NothingChangedError", "Session", "__version__", "batch", "edit", "plan"]
