"""The only module that talks to rich: consoles for stdout and stderr, and the plan renderings.

Consoles are built per call (not at import) so tests and NO_COLOR/COLUMNS settings take effect.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from editree.ops import Constraint, Edit, If, Plan, Step
from editree.ops.text import cond_text, constraint_text, edit_text


def _width(stream: object) -> int | None:
    """A terminal's own width; 120 columns (or $COLUMNS) when writing to a pipe or a file, not rich's 80."""
    if getattr(stream, "isatty", lambda: False)():
        return None
    try:
        return int(os.environ.get("COLUMNS", "120"))
    except ValueError:
        return 120


def out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False, width=_width(sys.stdout))


def err() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One line, always: scripts read the last line of stderr, so a message with line breaks (a model's reply,
    a library's dump) is folded onto it."""
    err().print(f"[bold red]error:[/] {escape(' '.join(message.split()))}")


def warn(message: str) -> None:
    err().print(f"[yellow]warning:[/] {escape(message)}")


def _words(plan: Plan, node: Constraint | Step) -> str:
    span = getattr(node, "span", None)
    if not span:
        return ""
    return f'  [dim]← "{escape(plan.instruction[span[0] : span[1]])}"[/]'


def _origin(node: Constraint | Step) -> str:
    """Mark what the LLM planned; the grammar's nodes are the unmarked default."""
    return "  [magenta]\\[llm][/]" if getattr(node, "planner", None) == "llm" else ""


def _add_step(tree: Tree, plan: Plan, step: Step) -> None:
    if isinstance(step, If):
        node = tree.add(f"[bold magenta]if[/] {escape(cond_text(step.cond))}{_origin(step)}{_words(plan, step)}")
        then = node.add("[magenta]then[/]")
        for s in step.then:
            _add_step(then, plan, s)
        if step.else_:
            other = node.add("[magenta]else[/]")
            for s in step.else_:
                _add_step(other, plan, s)
        return
    assert isinstance(step, Edit)
    text = edit_text(step)
    style = "yellow" if step.fallback else "green"
    tree.add(f"[{style}]{escape(text)}[/]{_origin(step)}{_words(plan, step)}")


def plan_tree(plan: Plan) -> Tree:
    root = Tree(f"[bold]plan[/] [dim](lang {plan.lang}, version {plan.version})[/]")
    if plan.constraints:
        keep = root.add("[bold cyan]constraints[/]")
        for c in plan.constraints:
            keep.add(f"[cyan]{escape(constraint_text(c))}[/]{_origin(c)}{_words(plan, c)}")
    steps = root.add("[bold]steps[/]")
    for s in plan.steps:
        _add_step(steps, plan, s)
    if not plan.steps:
        steps.add("[dim](none)[/]")
    return root


def print_plan_warnings(plan: Plan) -> None:
    for w in plan.warnings:
        warn(w)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} img/s" if task.speed else "", style="dim")


class _Progress:
    """A progress bar with rate and ETA on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self._progress: Progress | None = None
        if sys.stderr.isatty():
            self._progress = Progress(
                TextColumn("editing"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=err(),
                transient=True,
            )
            self._task = self._progress.add_task("editing", total=total)
            self._progress.start()

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress(total: int) -> _Progress:
    return _Progress(total)


class _ByteProgress:
    """Bytes transferred and speed, total unknown, on a terminal's stderr; inactive elsewhere."""

    def __init__(self, description: str) -> None:
        self._progress: Progress | None = None
        if sys.stderr.isatty():
            self._progress = Progress(
                TextColumn(escape(description)),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeElapsedColumn(),
                console=err(),
                transient=True,
            )
            self._task = self._progress.add_task(description, total=None)
            self._progress.start()

    @property
    def active(self) -> bool:
        return self._progress is not None

    def update(self, completed: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=completed)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def byte_progress(description: str) -> _ByteProgress:
    return _ByteProgress(description)


def table(title: str | None, columns: list[str], rows: list[list[Any]], fold: bool = False) -> Table:
    """`fold`: cells wrap (at spaces, else anywhere) instead of being cut with an ellipsis on narrow terminals."""
    t = Table(title=escape(title) if title else None, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold" if fold else "ellipsis")
    for r in rows:
        t.add_row(*(escape(str(v)) for v in r))
    return t
