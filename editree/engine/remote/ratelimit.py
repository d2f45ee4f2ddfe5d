"""A requests-per-minute limit shared by every worker of a batch.

Batch workers are separate processes (and the serial path is one), so the limit lives in a small file: each
request takes the next free slot under an exclusive lock (`fcntl.flock`), writes the slot after it, and sleeps
until its own. Slots are 60/rpm seconds apart, so N workers together never exceed the limit, whichever of them
is busy. Without a file (a single `edit`), the same schedule is kept in memory.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

_local_lock = threading.Lock()
_local_next: dict[float, float] = {}


def _reserve_in_file(path: str, interval: float) -> float:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        raw = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
        try:
            next_free = float(raw)
        except ValueError:
            next_free = 0.0
        now = time.time()
        slot = max(now, next_free)
        data = f"{slot + interval:.6f}".encode("ascii")
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
        return slot - now
    finally:
        os.close(fd)  # closing releases the lock


def _reserve_in_memory(rpm: float, interval: float) -> float:
    with _local_lock:
        now = time.time()
        slot = max(now, _local_next.get(rpm, 0.0))
        _local_next[rpm] = slot + interval
        return slot - now


def wait_for_slot(rpm: float | None, path: str | None, sleep: Callable[[float], None] = time.sleep) -> float:
    """Block until this request may go; returns the seconds waited (0 without a limit)."""
    if not rpm:
        return 0.0
    interval = 60.0 / rpm
    delay = _reserve_in_file(path, interval) if path else _reserve_in_memory(rpm, interval)
    if delay > 0:
        sleep(delay)
    return max(0.0, delay)
