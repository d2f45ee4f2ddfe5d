"""The progress line of `editree edit`: on a terminal, for steps over the delay only; never in a pipe."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
from PIL import Image
from rich.console import Console

from editree.cli.progress import StepProgress


def _terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=100), buffer


def test_a_slow_step_is_named_and_a_quick_one_is_not() -> None:
    console, buffer = _terminal()
    with StepProgress(console, delay=0.05) as progress:
        progress.start("steps[0]", "adjust(all, property=warmth, amount=0.3)")
        progress.done()
        progress.start("steps[1]", "blur(background, amount=1)")
        time.sleep(0.4)
        progress.done()
    text = buffer.getvalue()
    assert "running steps[1] blur(background, amount=1)" in text
    assert "warmth" not in text


def test_a_phase_without_an_end_gives_way_to_the_next_step() -> None:
    console, buffer = _terminal()
    with StepProgress(console, delay=0.05) as progress:
        progress.start("", "finding what to keep")
        time.sleep(0.3)
        shown = buffer.getvalue()
        progress.start("steps[0]", "blur(background, amount=1)")
        time.sleep(0.3)
        assert progress._status is not None and "blur" in str(progress._status.status)
    assert "running finding what to keep" in shown
    assert progress._status is None


def test_nothing_is_shown_off_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False)
    with StepProgress(console, delay=0.0) as progress:
        progress.start("steps[0]", "blur(background, amount=1)")
        time.sleep(0.1)
    assert buffer.getvalue() == ""


def test_edit_in_a_pipe_prints_no_spinner(tmp_path: Path, cli, monkeypatch) -> None:
    monkeypatch.setattr("editree.cli.progress.DELAY_S", 0.0)
    src = tmp_path / "in.png"
    Image.fromarray(np.full((40, 40, 3), 120, np.uint8)).save(src)
    run = cli("edit", str(src), "make it warmer", "-o", str(tmp_path / "out.png"))
    assert run.code == 0, run.err
    assert "running" not in run.err and "⠋" not in run.err
