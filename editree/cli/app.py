"""The `editree` command. Thin: parses flags, calls the planner and the engine, prints.

Exit codes (editree.errors.ExitCode): 0 ok · 1 runtime · 2 usage · 3 instruction not understood ·
4 plan file invalid · 5 missing model, weights or dependency · 6 nothing changed · 130 interrupted (SIGINT) ·
143 terminated (SIGTERM). Nothing else: any other failure is reported as an internal error, exit 1.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from editree import __version__
from editree.cli.lazy import LazyCommand, LazyGroup
from editree.errors import EditreeError, ExitCode, InstructionError

COMMANDS: dict[str, LazyCommand] = {
    "edit": LazyCommand(
        "editree.cli.cmd_edit", "edit", "Edit one image with a plain-language instruction (or a saved plan)."
    ),
    "plan": LazyCommand(
        "editree.cli.cmd_plan", "plan", "Show the operation tree an instruction becomes, without editing anything."
    ),
    "ops": LazyCommand(
        "editree.cli.cmd_ops",
        "ops",
        "List the ops a plan can use, their arguments and the engines that implement them.",
    ),
    "batch": LazyCommand(
        "editree.cli.cmd_batch",
        "batch",
        "Edit every image with one instruction: planned once, each model loaded once.",
    ),
    "apply": LazyCommand("editree.cli.cmd_batch", "apply", "Run a saved plan over images, like `batch`."),
    "inspect": LazyCommand(
        "editree.cli.cmd_inspect",
        "inspect",
        "Show the provenance embedded in an output: plan, seed, versions, steps, branches, areas.",
    ),
    "replay": LazyCommand(
        "editree.cli.cmd_inspect",
        "replay",
        "Run the plan embedded in an output again, on another image (same seed unless --seed), with the same "
        "--region boxes and --point points; regions given here replace recorded ones of the same name.",
    ),
    "identity": LazyCommand(
        "editree.cli.cmd_identity",
        "identity",
        "Compare the faces of two pictures: each face of A, found again in B by its position, and their distance.",
    ),
    "segment": LazyCommand(
        "editree.cli.cmd_segment",
        "segment",
        "Find a region, print its area and which segmenter found it, and write its mask.",
    ),
    "models": LazyCommand(
        "editree.cli.cmd_models", "app", "Model presets: what is known, what is present, how to download."
    ),
}
"""Every command, imported only when it runs (see editree/cli/lazy.py), in the order `editree --help` lists them."""


class _Commands(LazyGroup):
    lazy = COMMANDS


app = typer.Typer(
    name="editree",
    help="Edit images with plain-language compound instructions, through an explicit operation tree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Commands,
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


def error(message: str) -> None:
    """console.error, imported only when there is an error to print: rich costs start-up time."""
    from editree.cli.console import error as print_error

    print_error(message)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every failure becomes one line on stderr and an exit code, never a traceback."""
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
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `editree` (or `editree models`): the help, as --help
            sys.stdout.write(exc.format_message() + "\n")
            return int(ExitCode.OK)
        # typer's (vendored click) usage errors carry exit_code 2 and the command they belong to.
        code = int(getattr(exc, "exit_code", ExitCode.USAGE))
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None and code == ExitCode.USAGE else ""
        error(f"{exc.format_message()}{hint}")
        return code
    except Exception as exc:
        if debug:
            raise
        detail = " ".join(str(exc).split())[:300]  # one line, however long the exception's own text
        error(f"internal error: {type(exc).__name__}: {detail} (rerun with --debug for a traceback, and report it)")
        return int(ExitCode.RUNTIME)


def entry() -> None:
    sys.exit(main())
