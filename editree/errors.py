"""One root error class and the exit codes every layer agrees on.

Errors are meant for people: each carries a one-line message that says what was wrong, the value
received, what was expected and the fix. The CLI prints the message and exits with `exit_code`;
only `--debug` shows a traceback. This module imports nothing so every layer may use it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    RUNTIME = 1
    USAGE = 2
    INSTRUCTION_NOT_UNDERSTOOD = 3
    PLAN_INVALID = 4
    MISSING_DEPENDENCY = 5
    NOTHING_CHANGED = 6
    INTERRUPTED = 130
    TERMINATED = 143


class EditreeError(Exception):
    """Root of every error editree raises on purpose."""

    exit_code: ExitCode = ExitCode.RUNTIME

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(EditreeError):
    """A flag or argument combination the user can fix on the command line."""

    exit_code = ExitCode.USAGE


class InstructionError(EditreeError):
    """The instruction could not be turned into a plan. `text` and `span` point at the words at fault,
    so an interactive terminal can show them with a caret under the message."""

    exit_code = ExitCode.INSTRUCTION_NOT_UNDERSTOOD

    def __init__(self, message: str, text: str | None = None, span: tuple[int, int] | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.span = span

    def caret(self) -> str | None:
        """Two lines: the instruction, and carets under the offending words."""
        if self.text is None or self.span is None or "\n" in self.text:
            return None
        start, end = self.span
        pad = " " * _display_width(self.text[:start])
        marks = "^" * max(1, _display_width(self.text[start:end]))
        return f"  {self.text}\n  {pad}{marks}"


def _display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


class PlanValidationError(EditreeError):
    """A plan (from a file, a program or an LLM) breaks the IR contract."""

    exit_code = ExitCode.PLAN_INVALID


class MissingDependencyError(EditreeError):
    """A model, weights file, segmenter or optional package that the plan needs is absent."""

    exit_code = ExitCode.MISSING_DEPENDENCY


class ImageError(EditreeError):
    """An input image cannot be read, or an output cannot be written safely."""

    exit_code = ExitCode.RUNTIME


class EngineError(EditreeError):
    """An operation failed while running; the message names the step."""

    exit_code = ExitCode.RUNTIME


class NothingChangedError(EditreeError):
    """The edit would give back the input unchanged (every region empty, not found, or kept), which a script
    would otherwise take for success. `result` holds what was computed, for callers that want it anyway."""

    exit_code = ExitCode.NOTHING_CHANGED

    def __init__(self, message: str, result: object = None) -> None:
        super().__init__(message)
        self.result = result


class Interrupted(EditreeError):
    """The user pressed Ctrl-C (SIGINT, exit 130) or the process got SIGTERM (exit 143); the message says what
    was kept and how to continue."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.INTERRUPTED) -> None:
        super().__init__(message)
        self.exit_code = exit_code
