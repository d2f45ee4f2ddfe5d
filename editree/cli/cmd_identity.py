"""`editree identity A B`: is everyone in A still themselves in B? Per-face distances, for scripts that check a
batch (exit 0 when every face passes, 1 when one does not). Also the lines that `edit` and `inspect` print about
preserve_identity, so the three read alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from editree.cli.engine_flags import FaceThresholdOpt, IdentityModelOpt
from editree.errors import EngineError, ImageError, MissingDependencyError


class IdentityMismatch(EngineError):
    """A face of A is not the same person in B (exit 1), after the comparison was printed."""


def identity(
    a: Annotated[Path, typer.Argument(help="The reference picture (the original).")],
    b: Annotated[Path, typer.Argument(help="The picture to check (an edit of A, same framing).")],
    identity_model: IdentityModelOpt = None,
    face_threshold: FaceThresholdOpt = 0.6,
    json_output: Annotated[bool, typer.Option("--json", help="Print the comparison as one JSON object.")] = False,
) -> int:
    """Compare the faces of two pictures: each face of A, found again in B by its position, and their distance."""
    from editree.cli.regions import check_input_image

    check_input_image(a, "A")
    check_input_image(b, "B")
    comparison = compare_files(a, b, identity_model, face_threshold)
    if json_output:
        sys.stdout.write(json.dumps(comparison, ensure_ascii=False) + "\n")
    else:
        _print(comparison)
    if not comparison["scores"]:
        from editree.engine.face_identity import unavailable

        if reason := unavailable():  # nothing here can measure a face: the fix is an install, not another picture
            raise MissingDependencyError(f"editree identity: {reason}")
        notes = "; ".join(comparison["notes"]) or "no face found"
        raise ImageError(f"{a}: nothing to compare: {notes}")
    failing = [s for s in comparison["scores"] if not s["pass"]]
    if failing:
        worst = failing[0]
        metric = "distance" if "distance" in worst else "similarity"
        raise IdentityMismatch(
            f"{b}: {worst['subject']} of {a.name} is not the same person "
            f"({metric} {worst[metric]:.3f}, threshold {worst['threshold']:g})"
            + (f" (and {len(failing) - 1} more)" if len(failing) > 1 else "")
        )
    return 0


def compare_files(a: Path, b: Path, identity_model: str | None, face_threshold: float) -> dict[str, Any]:
    """The comparison as JSON-ready data: per subject its box in A, its score in B, pass or fail; faces of B that
    are not in A; notes (B resized to A's size, what could not be measured)."""
    import numpy as np

    from editree.engine.depth import to_8bit
    from editree.engine.identity_measure import measure_identity
    from editree.engine.image_io import load_image
    from editree.engine.options import EngineOptions

    first, second = to_8bit(load_image(a).rgb), to_8bit(load_image(b).rgb)
    notes = []
    if first.shape != second.shape:
        import cv2

        notes.append(
            f"{b.name} is {second.shape[1]}×{second.shape[0]}, {a.name} {first.shape[1]}×{first.shape[0]}: "
            f"compared at {a.name}'s size"
        )
        second = cv2.resize(second, (first.shape[1], first.shape[0]), interpolation=cv2.INTER_AREA)
    options = EngineOptions(identity_model=identity_model, face_threshold=face_threshold)
    guard, report = measure_identity(np.ascontiguousarray(first), np.ascontiguousarray(second), options)
    scores = []
    for subject, score in zip(guard.subjects, report.scores, strict=True):
        scores.append({**score.to_dict(), "box_a": list(subject.box)})
    return {
        "a": str(a),
        "b": str(b),
        "embedders": guard.embedders,
        "scores": scores,
        "passed": report.passed and bool(scores),
        "only_in_b": _only_in_b(second, report) if "face" in guard.embedders else [],
        "notes": notes + guard.notes,
    }


def _only_in_b(after: Any, report: Any) -> list[list[int]]:
    from editree.engine.face_identity import detect, iou

    measured = [s.box for s in report.scores]
    return [list(f.box) for f in detect(after, fallback=False) if all(iou(f.box, m) < 0.3 for m in measured)]


def _print(comparison: dict[str, Any]) -> None:
    from editree.cli import console

    rows = []
    for s in comparison["scores"]:
        metric = "distance" if "distance" in s else "similarity"
        rows.append(
            [
                s["subject"],
                _box(s["box_a"]),
                _box(s["box"]) + ("" if s.get("found", True) else " (not found: same place)"),
                f"{metric} {s[metric]:.3f}",
                f"{s['threshold']:g}",
                "pass" if s["pass"] else "FAIL",
            ]
        )
    out = console.out()
    out.print(console.table(None, ["subject", "in A", "in B", "score", "threshold", "result"], rows))
    for box in comparison["only_in_b"]:
        out.print(f"a face only in B at {_box(box)}", markup=False)
    for note in comparison["notes"]:
        console.warn(note)


def _box(box: list[int]) -> str:
    return ",".join(str(v) for v in box)


# ---- shared with `edit` and `inspect` ------------------------------------------------------------------------
def step_cell(scores: object, tries: object = 1) -> str:
    """One table cell for a step's identity scores: "face 1 0.174 pass (2 tries)". Older outputs recorded a
    single CLIP similarity (a number)."""
    if isinstance(scores, (int, float)) and not isinstance(scores, bool):
        cells = [f"{scores:.3f}"]
    elif isinstance(scores, list):
        cells = [_score_text(s) for s in scores if isinstance(s, dict)]
    else:
        return ""
    count = tries if isinstance(tries, int) and not isinstance(tries, bool) else 1
    return ", ".join(cells) + (f" ({count} tries)" if count > 1 else "")


def _score_text(score: dict[str, Any]) -> str:
    metric = "distance" if "distance" in score else "similarity"
    value = score.get(metric)
    verdict = "pass" if score.get("pass") else "FAIL"
    shown = f"{value:.3f}" if isinstance(value, (int, float)) else "?"
    return f"{score.get('subject', '?')} {shown} {verdict}" + ("" if score.get("found", True) else " (lost)")


def summary_lines(summary: object) -> list[str]:
    """What a run's identity record says, as lines for people: the final score of each subject, then the notes."""
    if not isinstance(summary, dict):
        return []
    lines = []
    scores = [s for s in summary.get("scores") or [] if isinstance(s, dict)]
    if scores:
        verdict = "preserved" if summary.get("passed") else "NOT preserved"
        with_ = ", ".join(str(e) for e in summary.get("embedders") or [])
        lines.append(f"identity {verdict} (measured with {with_}): " + "; ".join(_final(s) for s in scores))
    lines.extend(f"identity: {note}" for note in summary.get("notes") or [] if isinstance(note, str))
    return lines


def _final(score: dict[str, Any]) -> str:
    metric = "distance" if "distance" in score else "similarity"
    value = score.get(metric)
    shown = f"{value:.3f}" if isinstance(value, (int, float)) else "?"
    return f"{score.get('subject', '?')} {metric} {shown} (threshold {score.get('threshold')}) " + (
        "pass" if score.get("pass") else "FAIL"
    )
