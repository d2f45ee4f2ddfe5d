"""Start-up time of the light commands, whole process, against a bare process that imports the same libraries.

    python bench/startup.py [-n 7]

Each command runs as its own subprocess N times (after one untimed warm-up run, which also fills the grammar
table cache); the median wall time is printed with its ratio to the baseline, a bare
`python -c "import typer, rich, lark, pydantic"`. What the CLI adds on top of its libraries is the gap between the
two, which is what lazy imports and cached parser tables can remove; the libraries themselves are the floor.
The target (issue 11) is `editree plan` at no more than 1.5x the baseline. The commands run round-robin and both
the ratio of medians and the ratio of minimums are printed: on a shared, busy machine the minimum is the steadier.

Compiled bytecode is used, as an installed editree has it: with PYTHONDONTWRITEBYTECODE set (as in some shells
and CI), every run would compile editree's sources again while the libraries' .pyc files exist, which is not a
user's start-up. So the runs write and read .pyc files under a temporary PYTHONPYCACHEPREFIX (baseline included),
which leaves the source tree untouched; `--source` measures the compile-every-time case instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def editree_command() -> list[str]:
    """The console script next to this interpreter (what a user runs), else `python -m editree`."""
    script = Path(sys.executable).with_name("editree")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editree"]


def commands() -> list[tuple[str, list[str]]]:
    editree = editree_command()
    return [
        ("baseline: import typer, rich, lark, pydantic", [sys.executable, "-c", "import typer, rich, lark, pydantic"]),
        ("editree --help", [*editree, "--help"]),
        ('editree plan "blur the background" -f json', [*editree, "plan", "blur the background", "-f", "json"]),
        ("editree ops", [*editree, "ops"]),
        ('editree plan "虚化背景" -f json (lark tables)', [*editree, "plan", "虚化背景", "-f", "json"]),
    ]


def wall_time(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--runs", type=int, default=7, help="timed runs per command (median reported)")
    ap.add_argument("--source", action="store_true", help="no .pyc files for anything: compile on every run")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="editree-bench-pyc-") as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        if opts.source:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        times = run_all(commands(), opts.runs, env)
    report(commands(), times, opts.runs)


def run_all(table: list[tuple[str, list[str]]], runs: int, env: dict[str, str]) -> list[list[float]]:
    for _, argv in table:
        wall_time(argv, env)  # warm-up: OS file cache, .pyc files, grammar tables
    times: list[list[float]] = [[] for _ in table]
    for _ in range(runs):  # round-robin, so that a busy spell on a shared machine slows every command alike
        for i, (_, argv) in enumerate(table):
            times[i].append(wall_time(argv, env))
    return times


def report(table: list[tuple[str, list[str]]], times: list[list[float]], runs: int) -> None:
    base_median, base_min = statistics.median(times[0]), min(times[0])
    width = max(len(label) for label, _ in table)
    print(f"{'command':<{width}}  median   min      max      ratio (median)  ratio (min)   [{runs} runs each]")
    for (label, _), runs in zip(table, times, strict=True):
        median, low, high = statistics.median(runs), min(runs), max(runs)
        print(
            f"{label:<{width}}  {median:.3f} s  {low:.3f} s  {high:.3f} s  {median / base_median:.2f}x"
            f"           {low / base_min:.2f}x"
        )


if __name__ == "__main__":
    main()
