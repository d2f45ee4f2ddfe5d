"""Score the grammar planner on the labelled dev set (tests/planner/dev_set.py) for exact coarse plans.

The comparison is coarse on purpose (ops, target head words, argument key words, keep constraints, conditions;
no amounts, no spans): it measures whether the planner understood the request, not its wording. MIN_EXACT holds
the rates the planner reached when the floor was last raised; raise it as the planner improves, never lower it
to make a change pass.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from editree.ops import plan_from_dict, plan_text
from editree.planner import parse
from tests.planner.dev_set import CASES
from tests.planner.dev_set_b import CASES as CASES_B
from tests.planner.dev_set_c import CASES as CASES_C
from tests.planner.dev_set_d import CASES as CASES_D
from tests.planner.dev_set_e import CASES as CASES_E
from tests.planner.dev_set_f import CASES as CASES_F
from tests.planner.dev_set_g import CASES as CASES_G

MIN_EXACT = {"en": 0.99, "zh": 0.97}
"""Fraction of each language's cases whose plan must match exactly (rounded down to the whole percent)."""
MIN_EXACT_B = {"en": 0.93, "zh": 0.93}
"""The same for the second, independently labelled set (tests/planner/dev_set_b.py)."""
MIN_EXACT_C = {"en": 0.98, "zh": 0.8}
"""Third set (dev_set_c.py): English was tuned on its phenomena, Chinese partly."""
MIN_EXACT_D = {"en": 0.95, "zh": 0.69}
"""Fourth set (dev_set_d.py): English tuned on its phenomena in one round, Chinese not."""
MIN_EXACT_E = {"en": 0.63, "zh": 0.45}
"""Fifth set (dev_set_e.py), the clean gauge: never tune on its lines; these floors only stop a fall."""
MIN_EXACT_F = {"en": 0.78, "zh": 0.42}
"""Sixth set (dev_set_f.py), written blind like E; its phenomena (not its lines) may be worked on, E stays clean."""
MIN_EXACT_G = {"en": 0.53, "zh": 0.36}
"""Seventh set (dev_set_g.py), written blind and first scored after the 2026-12-04 planner work (en 32/60, zh 22/60;
the code of that morning scored en 32, zh 18): a second clean gauge beside E. Never tune on its lines."""


# --- the coarse comparison -------------------------------------------------------------------------------


def region_words(region: dict[str, Any] | None) -> str:
    """All words describing a region, lower-cased; `not:` and ` minus:` mark the complement and the exclusion."""
    if not region:
        return "all"
    kind = region.get("kind")
    if kind in ("all", "background"):
        return kind
    if kind == "phrase":
        return f"{region.get('text', '')} {region.get('source') or ''}".lower()
    if kind == "not":
        return "not:" + region_words(region.get("region"))
    if kind == "minus":
        return region_words(region.get("region")) + " minus:" + region_words(region.get("exclude"))
    if kind == "union":
        return " ".join(region_words(r) for r in region.get("regions", []))
    return json.dumps(region, ensure_ascii=False).lower()


def target_matches(expected: str, region: dict[str, Any] | None) -> bool:
    words = region_words(region)
    complement = words.startswith("not:")
    for alt in expected.split("|"):
        if alt == "all":
            hit = words == "all"
        elif alt == "background":
            hit = "background" in words or "背景" in words
        elif alt.startswith("not:"):
            head = alt[len("not:") :]
            excluded = words.split("minus:", 1)[1] if "minus:" in words else ""
            hit = (complement and head in words) or head in excluded
        else:
            hit = alt in words and not complement
        if hit:
            return True
    return False


def edit_matches(expected: dict[str, Any], step: dict[str, Any]) -> bool:
    if step.get("kind") != "edit" or step.get("op") not in expected["op"].split("|"):
        return False
    if not target_matches(expected["target"], step.get("target")):
        return False
    args = json.dumps(step.get("args", {}), ensure_ascii=False).lower()
    return not expected["arg"] or any(a.lower() in args for a in expected["arg"])


def cond_matches(expected: dict[str, Any], cond: dict[str, Any]) -> bool:
    def exists_of(c: dict[str, Any], heads: str) -> bool:
        return c.get("kind") == "exists" and any(h in region_words(c.get("region")) for h in heads.split("|"))

    if "exists" in expected:
        return exists_of(cond, expected["exists"])
    if "not_exists" in expected:
        return cond.get("kind") == "not" and exists_of(cond.get("cond", {}), expected["not_exists"])
    if "image_is" in expected:
        return cond.get("kind") == "image_is" and expected["image_is"] in str(cond.get("property", "")).lower()
    return False


def steps_match(expected: list[dict[str, Any]], steps: list[dict[str, Any]]) -> bool:
    if len(expected) != len(steps):
        return False
    for want, got in zip(expected, steps, strict=True):
        if "if" in want:
            if got.get("kind") != "if" or not cond_matches(want["if"], got.get("cond", {})):
                return False
            if not steps_match(want["then"], got.get("then", [])) or not steps_match(want["else"], got.get("else", [])):
                return False
        elif not edit_matches(want, got):
            return False
    return True


def keeps_match(expected: list[str], plan: dict[str, Any]) -> bool:
    """Same number of keep constraints, each expected head found; one keep may hold a union of several."""
    got = [region_words(c.get("region")) for c in plan.get("constraints", []) if c.get("kind") == "keep"]
    if len(got) > len(expected):
        return False
    if len(got) < len(expected):
        joined = " ".join(got)
        return bool(got) and all(any(a in joined for a in k.split("|")) for k in expected)
    return all(any(any(a in g for a in k.split("|")) for g in got) for k in expected)


def plan_matches(keeps: list[str], steps: list[dict[str, Any]], plan: dict[str, Any]) -> bool:
    return "error" not in plan and keeps_match(keeps, plan) and steps_match(steps, plan.get("steps", []))


# --- running the planner ---------------------------------------------------------------------------------


def plan_of(text: str) -> dict[str, Any]:
    """The grammar planner's plan as JSON data, or {"error": ...} for an instruction it refuses or crashes on."""
    try:
        return parse(text, planner="grammar").to_dict()
    except Exception as exc:  # a crash is a miss to report, not a reason to stop scoring
        return {"error": f"{type(exc).__name__}: {exc}"}


def describe(plan: dict[str, Any]) -> str:
    if "error" in plan:
        return plan["error"]
    return plan_text(plan_from_dict(plan)).replace("\n", " ; ")


def score(cases: list[tuple[Any, ...]] | None = None) -> tuple[dict[str, tuple[int, int]], list[str]]:
    totals: dict[str, list[int]] = {}
    misses = []
    for case_id, lang, text, keeps, steps in CASES if cases is None else cases:
        plan = plan_of(text)
        ok = plan_matches(keeps, steps, plan)
        counts = totals.setdefault(lang, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            misses.append(f"{case_id}: {text[:100]}\n    got: {describe(plan)[:300]}")
    return {lang: (hit, n) for lang, (hit, n) in totals.items()}, misses


@pytest.mark.parametrize(
    ("cases", "floors"),
    [
        (CASES, MIN_EXACT),
        (CASES_B, MIN_EXACT_B),
        (CASES_C, MIN_EXACT_C),
        (CASES_D, MIN_EXACT_D),
        (CASES_E, MIN_EXACT_E),
        (CASES_F, MIN_EXACT_F),
        (CASES_G, MIN_EXACT_G),
    ],
    ids=["dev_set", "dev_set_b", "dev_set_c", "dev_set_d", "dev_set_e", "dev_set_f", "dev_set_g"],
)
def test_dev_set_exact_rates_do_not_fall(cases: list[tuple[Any, ...]], floors: dict[str, float]) -> None:
    rates, misses = score(cases)
    assert set(rates) == set(floors), f"languages in the dev set: {sorted(rates)}"
    report = ", ".join(f"{lang} {hit}/{n} = {hit / n:.0%}" for lang, (hit, n) in sorted(rates.items()))
    failing = [lang for lang, (hit, n) in rates.items() if hit / n < floors[lang]]
    assert not failing, f"exact plans fell below {floors}: {report}\nmisses:\n" + "\n".join(misses)


# --- the scorer itself -----------------------------------------------------------------------------------


def _edit(op: str, target: dict[str, Any], **args: Any) -> dict[str, Any]:
    return {"kind": "edit", "op": op, "target": target, "args": args}


PERSON = {"kind": "phrase", "text": "person", "source": "人物"}
FOREST_PLAN = {
    "constraints": [{"kind": "keep", "region": PERSON}],
    "steps": [
        _edit("replace", {"kind": "background"}, prompt="forest", prompt_source="森林"),
        _edit("atmosphere", {"kind": "all"}, effect="fog", amount=0.5),
    ],
}
FOREST_KEEPS = ["person|人物"]
FOREST_STEPS = [
    {"op": "replace", "target": "background", "arg": ["forest"]},
    {"op": "atmosphere", "target": "all|background", "arg": ["fog"]},
]


def test_scorer_accepts_the_plan_it_describes() -> None:
    assert plan_matches(FOREST_KEEPS, FOREST_STEPS, FOREST_PLAN)
    assert plan_matches(FOREST_KEEPS, [{**FOREST_STEPS[0], "arg": ["森林"]}, FOREST_STEPS[1]], FOREST_PLAN)


@pytest.mark.parametrize(
    ("keeps", "steps"),
    [
        ([], FOREST_STEPS),  # a keep the labels do not ask for
        (["person", "face"], FOREST_STEPS),  # a keep the plan lacks
        (["sky"], FOREST_STEPS),  # the wrong region kept
        (FOREST_KEEPS, FOREST_STEPS[:1]),  # a step too many in the plan
        (FOREST_KEEPS, [*FOREST_STEPS, FOREST_STEPS[1]]),  # a step missing from the plan
        (FOREST_KEEPS, FOREST_STEPS[::-1]),  # the wrong order
        (FOREST_KEEPS, [{**FOREST_STEPS[0], "op": "add"}, FOREST_STEPS[1]]),  # the wrong op
        (FOREST_KEEPS, [{**FOREST_STEPS[0], "target": "sky"}, FOREST_STEPS[1]]),  # the wrong target
        (FOREST_KEEPS, [{**FOREST_STEPS[0], "arg": ["beach"]}, FOREST_STEPS[1]]),  # the wrong prompt
        (FOREST_KEEPS, [FOREST_STEPS[0], {**FOREST_STEPS[1], "target": "not:person"}]),  # complement expected
    ],
)
def test_scorer_rejects_a_different_plan(keeps: list[str], steps: list[dict[str, Any]]) -> None:
    assert not plan_matches(keeps, steps, FOREST_PLAN)


def test_scorer_tells_complements_conditions_and_errors_apart() -> None:
    rest = {"kind": "not", "region": {"kind": "phrase", "text": "bride"}}
    minus = {
        "kind": "minus",
        "region": {"kind": "phrase", "text": "cars"},
        "exclude": {"kind": "phrase", "text": "red car"},
    }
    blur_rest = {"steps": [_edit("blur", rest, amount=0.5)]}
    assert plan_matches([], [{"op": "blur", "target": "not:bride", "arg": []}], blur_rest)
    assert not plan_matches([], [{"op": "blur", "target": "bride", "arg": []}], blur_rest)
    assert not plan_matches([], [{"op": "blur", "target": "all", "arg": []}], blur_rest)
    assert plan_matches([], [{"op": "blur", "target": "not:red", "arg": []}], {"steps": [_edit("blur", minus)]})

    no_people = {"kind": "not", "cond": {"kind": "exists", "region": {"kind": "phrase", "text": "people"}}}
    deer = _edit("add", {"kind": "phrase", "text": "meadow"}, prompt="deer")
    plan = {"steps": [{"kind": "if", "cond": no_people, "then": [deer], "else": []}]}
    step = {"op": "add", "target": "meadow", "arg": ["deer"]}
    assert plan_matches([], [{"if": {"not_exists": "people|person"}, "then": [step], "else": []}], plan)
    assert not plan_matches([], [{"if": {"exists": "people"}, "then": [step], "else": []}], plan)
    assert not plan_matches([], [{"if": {"not_exists": "people"}, "then": [], "else": [step]}], plan)
    assert not plan_matches([], [step], {"error": "instruction not understood"})
