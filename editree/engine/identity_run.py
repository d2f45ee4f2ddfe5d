"""One run's identity record: the scores of the preserved subjects after each step that touched them, turned
into what the run summary, the manifest and the output's metadata say, and into the error of --identity-strict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editree.engine.identity_measure import IdentityGuard, IdentityReport


@dataclass
class IdentityRun:
    guard: IdentityGuard
    steps: list[tuple[str, str, IdentityReport]] = field(default_factory=list)
    """(path, text, the kept try's scores) of every measured step, in order."""

    def record(self, path: str, text: str, report: IdentityReport) -> None:
        self.steps.append((path, text, report))

    def summary(self) -> dict[str, Any]:
        """The final state: each subject as it stands after the last step that touched it, against the input."""
        last = self.steps[-1] if self.steps else None
        notes = list(self.guard.notes)
        if self.guard.subjects and last is None:
            notes.append("no step touched the preserved subjects, so they were not measured")
        return {
            "embedders": self.guard.embedders,
            "subjects": [s.label for s in self.guard.subjects],
            "measured_after": [path for path, _, _ in self.steps],
            "scores": last[2].to_list() if last else [],
            "passed": last[2].passed if last else True,
            "notes": notes,
        }

    def warnings(self) -> list[str]:
        """One line per step that left a subject failing (in its best try)."""
        return [
            f"identity after {path} {text}: " + "; ".join(s.text() for s in report.failures())
            for path, text, report in self.steps
            if not report.passed
        ]

    def strict_error(self) -> str:
        path, text, report = next(step for step in reversed(self.steps) if not step[2].passed)
        failing = "; ".join(s.text() for s in report.failures())
        return (
            f"identity not preserved (--identity-strict): after {path} {text}: {failing}; nothing was written "
            "(drop --identity-strict to write it with a warning, or loosen --face-threshold)"
        )
