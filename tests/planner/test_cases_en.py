"""The English case table: each instruction must plan to exactly the expected canonical text."""

from __future__ import annotations

from pathlib import Path

import pytest

from editree.ops import plan_text
from editree.planner import parse

CASES = [
    tuple(line.split("\t=> ", 1))
    for line in (Path(__file__).parent / "cases_en.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("instruction", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_case(instruction: str, expected: str) -> None:
    assert " | ".join(plan_text(parse(instruction)).splitlines()) == expected


def test_table_is_not_trivial() -> None:
    assert len(CASES) >= 60
