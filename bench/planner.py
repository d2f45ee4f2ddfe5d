"""Planner throughput and latency: instructions per second, p50 and p99, per language.

    python bench/planner.py [FILE ...] [--repeat N]

FILEs default to the English and Chinese case tables (one instruction per line, or the tables'
"instruction<TAB>=> plan" lines). Grammar construction (or loading the cached tables) is timed apart.
The target is p99 under 5 ms for instructions under 40 words.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from editree.planner import parse

CASES = Path(__file__).resolve().parent.parent / "tests" / "planner"


def load(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t=> ", 1)[0] for line in lines if line.strip() and not line.startswith("#")]


def words(text: str) -> int:
    return max(len(text.split()), len([c for c in text if "\u4e00" <= c <= "\u9fff"]) // 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path, default=[CASES / "cases_en.txt", CASES / "cases_zh.txt"])
    ap.add_argument("--repeat", type=int, default=5)
    opts = ap.parse_args()
    started = time.perf_counter()
    parse("blur the background")
    parse("虚化背景")
    print(f"grammar load (both languages): {(time.perf_counter() - started) * 1000:.1f} ms")
    for path in opts.files:
        instructions = [t for t in load(path) if words(t) < 40]
        times = []
        for _ in range(opts.repeat):
            for text in instructions:
                t0 = time.perf_counter()
                try:
                    parse(text)
                except Exception:  # refused instructions are timed too
                    pass
                times.append(time.perf_counter() - t0)
        times.sort()
        p50 = statistics.median(times) * 1000
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
        print(
            f"{path.name}: {len(instructions)} instructions x {opts.repeat}: {len(times) / sum(times):.0f}/s, "
            f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {times[-1] * 1000:.2f} ms"
        )


if __name__ == "__main__":
    main()
