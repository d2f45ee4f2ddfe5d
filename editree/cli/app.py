"""The `editree` command. Thin: parses flags, calls the planner and the engine, prints.

Exit codes (editree.errors.ExitCode): 0 ok · 1 runtime · 2 usage · 3 instruction not understood ·
4 plan file invalid · 5 missing model, weights or dependency · 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from editree import __version__
from editree.cli import cmd_batch, cmd_edit, cmd_inspect, cmd_models, cmd_ops, cmd_plan, cmd_segment
from editree.errors import EditreeError, ExitCode, InstructionError

app = typer.Typer(
    name="editree",
    help="Edit images with plain-language compound instructions, through an explicit operation tree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"editree {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    if debug:
        os.environ["EDITREE_DEBUG"] = "1"


app.command("edit")(cmd_edit.edit)
app.command("plan")(cmd_plan.plan)
app.command("ops")(cmd_ops.ops)
app.command("batch")(cmd_batch.batch)
app.command("apply")(cmd_batch.apply)
app.command("inspect")(cmd_inspect.inspect)
app.command("replay")(cmd_inspect.replay)
app.command("segment")(cmd_segment.segment)
app.add_typer(cmd_models.app, name="models")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every failure becomes one line on stderr and an exit code, never a traceback."""
    from editree.cli.console import error

    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        result = app(args=argv, prog_name="editree", standalone_mode=False)
        code = int(result) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a bare 130
            error("interrupted; nothing was written")
        return code
    except EditreeError as exc:
        if debug:
            raise
        error(exc.message)
        caret = exc.caret() if isinstance(exc, InstructionError) else None
        if caret and sys.stderr.isatty():  # people get the words pointed at; scripts get one line
            sys.stderr.write(caret + "\n")
        return int(exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        error("interrupted; nothing was written")
        return int(ExitCode.INTERRUPTED)
    except typer.TyperException as exc:
        # typer's (vendored click) usage errors carry exit_code 2 and the command they belong to.
        code = int(getattr(exc, "exit_code", ExitCode.USAGE))
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None and code == ExitCode.USAGE else ""
        error(f"{exc.format_message()}{hint}")
        return code
    except Exception as exc:
        if debug:
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for a traceback, and report it)")
        return int(ExitCode.RUNTIME)


def entry() -> None:
    sys.exit(main())
