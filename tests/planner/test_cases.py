"""The case tables: each instruction must plan to exactly the expected canonical text.

cases_en.txt and cases_zh.txt are the grammars' examples; a grammar change that alters a plan must
change these files, so every behaviour change is visible in review.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editree.ops import plan_text
from editree.planner import parse

HERE = Path(__file__).parent


def load(name: str) -> list[tuple[str, str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t=> ", 1)) for line in lines if line.strip() and not line.startswith("#")]


EN = load("cases_en.txt")
ZH = load("cases_zh.txt")


@pytest.mark.parametrize(("instruction", "expected"), EN, ids=[c[0][:60] for c in EN])
def test_english(instruction: str, expected: str) -> None:
    assert " | ".join(plan_text(parse(instruction)).splitlines()) == expected


@pytest.mark.parametrize(("instruction", "expected"), ZH, ids=[c[0][:30] for c in ZH])
def test_chinese(instruction: str, expected: str) -> None:
    assert " | ".join(plan_text(parse(instruction)).splitlines()) == expected


def test_tables_are_large_and_mostly_structured() -> None:
    assert len(EN) >= 250 and len(ZH) >= 200
    for table in (EN, ZH):
        fallbacks = sum("[fallback]" in expected for _, expected in table)
        assert fallbacks / len(table) < 0.1, "the grammars should structure the great majority of cases"
