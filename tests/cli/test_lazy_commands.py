"""Commands are imported only when they run (editree/cli/lazy.py); what `editree --help` says must not drift."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.core import TyperCommand

from editree.cli.app import COMMANDS
from editree.cli.lazy import build_command


@pytest.mark.parametrize("name", list(COMMANDS))
def test_summary_is_the_commands_own_help(name: str) -> None:
    command = build_command(name, COMMANDS[name])
    assert command.name == name
    table = TyperCommand(name, help=COMMANDS[name].summary).get_short_help_str(1000)
    assert table == command.get_short_help_str(1000)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_runs(cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.code == 0 and result.out.startswith(f"Usage: editree {name} ")


def test_root_help_lists_every_command(cli) -> None:
    listed = cli("--help").out.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)


def test_a_mistyped_command_gets_suggestions(cli) -> None:
    result = cli("pla")
    assert result.code == 2
    assert result.err == "error: No such command 'pla'. Did you mean 'plan', 'replay'? (see `editree --help`)\n"


def _modules_after(*argv: str) -> set[str]:
    code = (
        "import sys; from editree.cli.app import main; rc = main(sys.argv[1:]); "
        "print(' '.join(sorted(sys.modules)), file=sys.stderr); sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stderr.split())


def test_help_imports_no_command_nor_the_ir() -> None:
    loaded = _modules_after("--help")
    assert not {m for m in loaded if m.startswith(("editree.cli.cmd_", "editree.ops", "editree.planner"))}
    assert "rich.console" not in loaded


def test_plan_as_json_imports_only_its_command_and_no_rich() -> None:
    loaded = _modules_after("plan", "blur the background", "-f", "json")
    assert {m for m in loaded if m.startswith("editree.cli.cmd_")} == {"editree.cli.cmd_plan"}
    assert "rich.console" not in loaded
