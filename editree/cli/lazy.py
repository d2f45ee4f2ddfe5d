"""A command group that imports a command's module only when that command runs.

`editree plan …` should cost the planner and nothing else: importing every command's module (the engine flags,
the batch runner, region helpers) and building every command's click object took about a third of its start-up.
Each command is named here by module and attribute, with its one-line summary for `editree --help`, which lists
the commands without importing them (tests/cli/test_cli.py checks each summary against the command's docstring).
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    module: str
    attribute: str
    """A command function, or a typer.Typer holding a group of subcommands."""
    summary: str
    """The first line of its help, as `editree --help` shows it."""


class LazyGroup(TyperGroup):
    """Subclass it with `lazy` set; typer builds one per run (`typer.Typer(cls=...)`)."""

    lazy: ClassVar[dict[str, LazyCommand]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(name for name in self.lazy if name not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.commands[cmd_name] = build_command(cmd_name, self.lazy[cmd_name])
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The root help: names and summaries, from the table, so that `--help` imports no command."""
        rows = [(name, spec.summary) for name, spec in self.lazy.items()]
        if not rows:
            return super().format_commands(ctx, formatter)
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        with formatter.section("Commands"):
            formatter.write_dl([(name, TyperCommand(name, help=text).get_short_help_str(limit)) for name, text in rows])

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """typer suggests close command names from those already built; here that is none, so suggest from all."""
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:  # the vendored click's UsageError: "No such command 'pla'."
            matches = difflib.get_close_matches(args[0], list(self.lazy)) if args else []
            if matches and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(repr(m) for m in matches)}?"
            raise


def build_command(name: str, spec: LazyCommand) -> Any:
    """The click command typer makes of the function (or group), exactly as if it had been registered eagerly."""
    target = getattr(importlib.import_module(spec.module), spec.attribute)
    if isinstance(target, typer.Typer):
        command = typer.main.get_command(target)
    else:
        single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command
