"""A progress line for `editree edit`: which step is running, shown on a terminal only, and only for a step that
takes longer than a second (a quick edit prints nothing extra; a pipe or a log file never gets spinner frames)."""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

from rich.console import Console

DELAY_S = 1.0
"""A step that has run this long gets the progress line."""


class StepProgress:
    """Tell it when a step starts (`start`) and ends (`done`); it shows a transient spinner on stderr naming the
    running step once that step has taken `delay` seconds. Use as a context manager so the line always goes."""

    def __init__(self, console: Console | None = None, delay: float | None = None, enabled: bool | None = None) -> None:
        self.enabled = (console or Console(file=sys.stderr)).is_terminal if enabled is None else enabled
        self._stream: Any = None
        if console is None and self.enabled:
            # A stream of our own on the terminal: loading mediapipe points fd 2 at /dev/null mid-run (see
            # mediapipe_seg), which would swallow the line's frames and, worse, the erasing of it.
            try:
                self._stream = os.fdopen(os.dup(sys.stderr.fileno()), "w", encoding="utf-8", errors="replace")
            except (OSError, ValueError, AttributeError):
                self.enabled = False
        self._console = console or Console(file=self._stream, highlight=False)
        self.delay = DELAY_S if delay is None else delay
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._status: Any = None
        self._text = ""
        self._count = 0

    def start(self, path: str, text: str) -> None:
        if not self.enabled:
            return
        with self._lock:
            self._count += 1
            self._text = f"{path} {text}" if path else text
            self._cancel()
            self._hide()  # a phase that reports no end (finding the kept regions) ends when the next step starts
            self._timer = threading.Timer(self.delay, self._show, args=(self._count,))
            self._timer.daemon = True
            self._timer.start()

    def done(self, *_: Any) -> None:
        if not self.enabled:
            return
        with self._lock:
            self._count += 1
            self._cancel()
            self._hide()

    def _show(self, count: int) -> None:
        with self._lock:
            if count != self._count:  # the step ended (or another began) while the timer fired
                return
            self._status = self._console.status(f"running {self._text}", spinner="dots")
            self._status.start()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _hide(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None

    def __enter__(self) -> StepProgress:
        return self

    def __exit__(self, *_: Any) -> None:
        self.done()
        if self._stream is not None:
            self._stream.close()
