"""What an op may hand back besides a picture: the wider area it changed, and what the user should hear.

Most ops change pixels only under their target's mask, so they return the edited picture alone and the
executor composites it through that mask. An object op changes more: `move` leaves a hole where the object was
and draws it somewhere else, so it says which pixels it changed (`changed`), and the executor composites through
that (less the kept regions), warning where a kept region clipped it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class OpOutput:
    image: np.ndarray
    """The full edited picture, same shape and type as the canvas."""
    changed: np.ndarray | None = None
    """Float H×W in [0, 1]: every pixel the op changed, when that is more than its target's mask."""
    warnings: list[str] = field(default_factory=list)
    details: dict[str, Any] | None = None
    """What the step's provenance should record beyond the executor's own report (a remote step: the model's
    version, response ids, the alignment it needed); merged into the step's record."""
