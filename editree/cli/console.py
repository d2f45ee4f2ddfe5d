"""The only module that talks to rich: consoles for stdout and stderr, and the plan renderings.

Consoles are built per call (not at import) so tests and NO_COLOR/COLUMNS settings take effect.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from editree.ops import Constraint, Edit, If, Plan, Step
from editree.ops.text import cond_text, constraint_text, edit_text


def out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def err() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    err().print(f"[bold red]error:[/] {escape(message)}")


def warn(message: str) -> None:
    err().print(f"[yellow]warning:[/] {escape(message)}")


def _words(plan: Plan, node: Constraint | Step) -> str:
    span = getattr(node, "span", None)
    if not span:
        return ""
    return f'  [dim]← "{escape(plan.instruction[span[0] : span[1]])}"[/]'


def _add_step(tree: Tree, plan: Plan, step: Step) -> None:
    if isinstance(step, If):
        node = tree.add(f"[bold magenta]if[/] {escape(cond_text(step.cond))}{_words(plan, step)}")
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
    tree.add(f"[{style}]{escape(text)}[/]{_words(plan, step)}")


def plan_tree(plan: Plan) -> Tree:
    root = Tree(f"[bold]plan[/] [dim](lang {plan.lang}, version {plan.version})[/]")
    if plan.constraints:
        keep = root.add("[bold cyan]constraints[/]")
        for c in plan.constraints:
            keep.add(f"[cyan]{escape(constraint_text(c))}[/]{_words(plan, c)}")
    steps = root.add("[bold]steps[/]")
    for s in plan.steps:
        _add_step(steps, plan, s)
    if not plan.steps:
        steps.add("[dim](none)[/]")
    return root


def print_plan_warnings(plan: Plan) -> None:
    for w in plan.warnings:
        warn(w)


def table(title: str | None, columns: list[str], rows: list[list[Any]]) -> Table:
    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*(escape(str(v)) for v in r))
    return t
