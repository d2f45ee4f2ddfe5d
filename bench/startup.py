"""Start-up time of the light commands, whole process, against a bare process that imports the same libraries.

    python bench/startup.py [-n 7]

Each command runs as its own subprocess N times (after one untimed warm-up run, which also fills the grammar
table cache); the median wall time is printed with its ratio to the baseline, a bare
`python -c "import typer, rich, lark, pydantic"`. What the CLI adds on top of its libraries is the gap between the
two, which is what lazy imports and cached parser tables can remove; the libraries themselves are the floor.
The target (issue 11) is `editree plan` at no more than 1.5x the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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
    ]


def wall_time(argv: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--runs", type=int, default=7, help="timed runs per command (median reported)")
    opts = ap.parse_args()
    rows = []
    for label, argv in commands():
        wall_time(argv)  # warm-up: OS file cache, .pyc files, grammar tables
        times = sorted(wall_time(argv) for _ in range(opts.runs))
        rows.append((label, statistics.median(times), times[0], times[-1]))
    base = rows[0][1]
    width = max(len(label) for label, *_ in rows)
    print(f"{'command':<{width}}  median   min      max      ratio to baseline (median of {opts.runs})")
    for label, median, low, high in rows:
        print(f"{label:<{width}}  {median:.3f} s  {low:.3f} s  {high:.3f} s  {median / base:.2f}x")


if __name__ == "__main__":
    main()
