"""Planner throughput and latency: instructions per second, p50 and p99, over a file of instructions.

    python bench/planner.py [FILE] [--repeat N]

FILE defaults to the English case table. The first parse (grammar construction) is timed apart.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from editree.planner import parse

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "planner" / "cases_en.txt"


def load(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t=> ", 1)[0] for line in lines if line.strip() and not line.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    opts = ap.parse_args()
    instructions = load(opts.file)
    started = time.perf_counter()
    parse(instructions[0])
    first = time.perf_counter() - started
    times = []
    for _ in range(opts.repeat):
        for text in instructions:
            t0 = time.perf_counter()
            parse(text)
            times.append(time.perf_counter() - t0)
    times.sort()
    p50 = statistics.median(times) * 1000
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
    print(f"instructions: {len(instructions)} x {opts.repeat}")
    print(f"first parse (grammar build): {first * 1000:.1f} ms")
    print(f"throughput: {len(times) / sum(times):.0f} instructions/s")
    print(f"latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {times[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
