"""The planner on real instructions: per collection, how many plan, how many are fully structured,
how many fall back to free-form edits, how many crash, and how long planning takes.

    python bench/planner_corpus.py ../shared/planner-dev/corpora [--show fallbacks|crashes|plans] [--sample N]
        [--lang en|zh]

Each corpus is a JSONL file with an "instruction" field per line (the planner-dev layout). Figures only,
no assertions: "structured" is not "right" (score rightness on the labelled set, tests/planner/dev_set.py).
--show prints a sample of the lines of one kind with their text-form plans, to read what the planner did.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
import traceback
from pathlib import Path

from editree.errors import EditreeError
from editree.ops import iter_edits, plan_text
from editree.planner import parse

# Sub-collections the issue sets targets on: GIER's text fields, I2EBench's variants, ImgEdit's suites.
SPLIT_BY = {"gier_requests": "field", "i2ebench": "variant", "imgedit_bench": "suite"}


def load(path: Path, lang: str | None = None) -> dict[str, list[str]]:
    """Instructions by collection name (a collection with a SPLIT_BY key is split by its value); with `lang`,
    only the lines of that language (by their `lang` field, else by whether they hold Chinese characters)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if lang is not None:
        rows = [r for r in rows if isinstance(r.get("instruction"), str) and _lang(r) == lang]
    key = SPLIT_BY.get(path.stem)
    out: dict[str, list[str]] = {}
    for row in rows:
        if isinstance(row.get("instruction"), str):
            name = f"{path.stem}:{str(row.get(key, '?')).split(' ')[0]}" if key else path.stem
            out.setdefault(name, []).append(row["instruction"])
    return dict(sorted(out.items()))


def _lang(row: dict) -> str:
    given = str(row.get("lang") or "")
    if given in ("en", "zh"):
        return given
    return "zh" if re.search(r"[\u4e00-\u9fff]", row["instruction"]) else "en"


def _pct(k: int, n: int) -> str:
    return f"{100 * k / n:.0f}%" if n else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path, help="corpus folders or .jsonl files")
    ap.add_argument("--show", choices=["fallbacks", "crashes", "plans", "refused"], default=None)
    ap.add_argument("--sample", type=int, default=20, help="how many lines --show prints per collection")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lang", choices=["en", "zh"], default=None, help="only the lines of this language")
    opts = ap.parse_args()
    files: list[Path] = []
    for path in opts.paths:
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    parse("blur the background")
    parse("虚化背景")
    rng = random.Random(opts.seed)
    columns = ("lines", "planned", "struct", "fallbk", "crash", "p50ms", "p99ms")
    print(f"{'collection':28} " + " ".join(f"{c:>{max(6, len(c))}}" for c in columns))
    totals = [0, 0, 0, 0, 0]
    collections = {name: texts for path in files for name, texts in load(path, opts.lang).items() if texts}
    for name, texts in collections.items():
        planned = structured = fallback = crashed = 0
        times: list[float] = []
        shown: list[str] = []
        for text in texts:
            t0 = time.perf_counter()
            kind, detail = "refused", ""
            try:
                plan = parse(text)
            except EditreeError as exc:
                detail = exc.message
            except Exception:  # an internal error: what this benchmark exists to find
                kind, detail = "crashes", traceback.format_exc(limit=-2)
            else:
                edits = list(iter_edits(plan.steps))
                kind = "fallbacks" if any(e.fallback for e in edits) else "plans"
                detail = " | ".join(plan_text(plan).splitlines())
            times.append(time.perf_counter() - t0)
            planned += kind in ("plans", "fallbacks")
            structured += kind == "plans"
            fallback += kind == "fallbacks"
            crashed += kind == "crashes"
            if kind == opts.show:
                shown.append(f"  {text[:200]!r}\n    -> {detail[:400]}")
        times.sort()
        p50 = statistics.median(times) * 1000 if times else 0.0
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000 if times else 0.0
        n = len(texts)
        print(
            f"{name:28} {n:6} {_pct(planned, n):>7} {_pct(structured, n):>6} {_pct(fallback, n):>6} {crashed:6} "
            f"{p50:6.2f} {p99:6.2f}"
        )
        for i, k in enumerate((n, planned, structured, fallback, crashed)):
            totals[i] += k
        if shown:
            for line in rng.sample(shown, min(opts.sample, len(shown))):
                print(line)
    n = totals[0] or 1
    print(
        f"{'all':28} {totals[0]:6} {100 * totals[1] / n:7.0f}% {100 * totals[2] / n:6.0f}% "
        f"{100 * totals[3] / n:6.0f}% {totals[4]:6}"
    )


if __name__ == "__main__":
    main()
