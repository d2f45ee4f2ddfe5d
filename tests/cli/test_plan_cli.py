"""`editree plan --file`, saved plans in the text form (`--plan`), and the hints `edit` gives for fallbacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata

EDITREE = Path(sys.executable).with_name("editree")


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def _break_on(monkeypatch: pytest.MonkeyPatch, bad: str, exc: Exception) -> None:
    """Make the planner fail with `exc` on the line `bad` only, as a planner bug would."""
    import editree.planner

    real = editree.planner.parse

    def parse(text: str, **kwargs):
        if text == bad:
            raise exc
        return real(text, **kwargs)

    monkeypatch.setattr(editree.planner, "parse", parse)


# --- plan --file -------------------------------------------------------------------------------------------------


def test_file_keeps_going_past_an_internal_error(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_on(monkeypatch, "make it pop", RuntimeError("rule 'adjust_verb' failed:\n\n'pop'"))
    source = tmp_path / "in.txt"
    source.write_text("blur the background\nmake it pop\nmake it warmer\n", encoding="utf-8")
    result = cli("plan", "--file", str(source))
    assert result.code == 3
    first, broken, last = _records(result.out)
    assert [s["op"] for s in first["steps"]] == ["blur"] and [s["op"] for s in last["steps"]] == ["adjust"]
    assert broken == {
        "error": "internal error: RuntimeError: rule 'adjust_verb' failed: 'pop' "
        "(a bug: please report it with this line)",
        "exit_code": 1,
        "line": 2,
        "instruction": "make it pop",
    }
    assert result.err == f"error: 1 of 3 lines of '{source}' could not be planned (line 2); their JSON lines say why\n"


def test_one_record_per_input_line(cli, tmp_path: Path) -> None:
    """Blank lines, CRLF line ends, a byte-order mark and a line separator inside an instruction: the output stays in
    step with the input, line for line (score_plans.py pairs them by position)."""
    source = tmp_path / "in.txt"
    text = "\ufeffblur the background\r\n\r\n   \r\nthanks\r\nmake it warmer\u2028and brighter\r\n"
    source.write_bytes(text.encode("utf-8"))
    result = cli("plan", "--file", str(source), "--format", "jsonl")
    assert result.code == 3
    records = _records(result.out)
    assert len(records) == 5
    assert records[0]["instruction"] == "blur the background"
    assert records[1] == {"error": "empty line: no instruction to plan", "exit_code": 3, "line": 2, "instruction": ""}
    assert records[2]["error"].startswith("empty line") and records[2]["line"] == 3
    assert records[3]["exit_code"] == 3 and records[3]["line"] == 4 and "no editing content" in records[3]["error"]
    assert records[4]["instruction"] == "make it warmer\u2028and brighter"
    assert "lines 2, 3, 4" in result.err


def test_every_line_planned_is_exit_0(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("blur the background\n保持人物不变，虚化背景", encoding="utf-8")  # no final line break
    result = cli("plan", "--file", str(source))
    assert result.code == 0 and result.err == ""
    assert [r["lang"] for r in _records(result.out)] == ["en", "zh"]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert cli("plan", "--file", str(empty)) == type(result)(0, "", "")


def test_a_failed_long_line_is_not_echoed_in_full(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long_line = "please turn this picture into " + "a very detailed and luminous scene, " * 12 + "and that is all"
    _break_on(monkeypatch, long_line, ValueError(f"cannot handle {long_line!r}"))
    source = tmp_path / "in.txt"
    source.write_text(long_line + "\n", encoding="utf-8")
    (record,) = _records(cli("plan", "--file", str(source)).out)
    assert record["instruction"] == long_line[:79] + "…"
    assert long_line not in record["error"] and long_line[:79] + "…" in record["error"]
    assert len(json.dumps(record)) < 400


def test_strict_file_is_exit_3_for_a_fallback_line(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("blur the background\nmake the sky dramatic\n", encoding="utf-8")
    relaxed = cli("plan", "--file", str(source))
    assert relaxed.code == 0 and _records(relaxed.out)[1]["steps"][0]["fallback"] is True
    strict = cli("plan", "--file", str(source), "--strict")
    assert strict.code == 3
    assert "could not structure" in _records(strict.out)[1]["error"] and "error" not in _records(strict.out)[0]


@pytest.mark.parametrize("fmt", ["tree", "text", "json"])
def test_file_refuses_formats_it_does_not_print(cli, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "in.txt"
    source.write_text("blur the background\n", encoding="utf-8")
    result = cli("plan", "--file", str(source), "--format", fmt)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1
    assert f"--file prints one JSON object per line (--format jsonl), not {fmt}" in result.err


def test_exit_code_of_the_real_process(tmp_path: Path) -> None:
    """The exit status a shell sees, not only main()'s return value: through the console script, and through
    entry() with a planner that crashes on one line."""
    source = tmp_path / "in.txt"
    source.write_text("blur the background\nthanks\n", encoding="utf-8")
    proc = subprocess.run([str(EDITREE), "plan", "--file", str(source)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3 and len(proc.stdout.splitlines()) == 2
    source.write_text("blur the background\nmake it pop\nmake it warmer\n", encoding="utf-8")
    crash = (
        "import sys, editree.planner as p; real = p.parse\n"
        "def parse(text, **kw):\n"
        "    if text == 'make it pop': raise KeyError('pop')\n"
        "    return real(text, **kw)\n"
        "p.parse = parse\n"
        "from editree.cli.app import entry; sys.argv = ['editree', *sys.argv[1:]]; entry()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", crash, "plan", "--file", str(source)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 3, proc.stderr
    records = _records(proc.stdout)
    assert len(records) == 3 and records[1]["error"].startswith("internal error: KeyError: 'pop'")
    assert "Traceback" not in proc.stderr


# --- --plan in the text form -------------------------------------------------------------------------------------


@pytest.fixture
def small_png(tmp_path: Path, astronaut: np.ndarray) -> Path:
    path = tmp_path / "small.png"
    Image.fromarray(np.ascontiguousarray(astronaut[:160, 100:260])).save(path)
    return path


def _structure(plan: dict) -> dict:
    """What the text form carries: constraints and steps, without spans, planner marks, or the words behind them."""
    if isinstance(plan, dict):
        return {
            k: _structure(v) for k, v in plan.items() if k not in ("span", "planner", "source", "instruction_source")
        }
    if isinstance(plan, list):
        return [_structure(v) for v in plan]
    return plan


@pytest.mark.parametrize(
    "instruction",
    [
        "blur the sign and make everything except the sign black and white",
        "if the photo is dark, brighten it, otherwise make it a bit warmer",
    ],
)
def test_text_form_plan_edits_like_the_json_plan(cli, small_png: Path, tmp_path: Path, instruction: str) -> None:
    as_json, as_text = tmp_path / "p.json", tmp_path / "p.txt"
    as_json.write_text(cli("plan", instruction, "-f", "json").out, encoding="utf-8")
    as_text.write_text(cli("plan", instruction, "-f", "text").out, encoding="utf-8")
    outputs = []
    for saved in (as_json, as_text):
        out = tmp_path / f"out_{saved.suffix[1:]}.png"
        result = cli("edit", str(small_png), "--plan", str(saved), "--region", "sign=10,10,90,70", "-o", str(out))
        assert result.code == 0, result.err
        outputs.append(out)
    assert np.array_equal(np.array(Image.open(outputs[0])), np.array(Image.open(outputs[1])))
    from_json, from_text = (read_metadata(out)["plan"] for out in outputs)
    assert _structure(from_text["steps"]) == _structure(from_json["steps"])
    assert _structure(from_text["constraints"]) == _structure(from_json["constraints"])
    shown = cli("plan", "--plan", str(as_text), "-f", "text")
    assert shown.code == 0 and shown.out == as_text.read_text(encoding="utf-8")


def test_text_form_plan_for_apply(cli, small_png: Path, tmp_path: Path) -> None:
    saved = tmp_path / "p.txt"
    saved.write_text('keep(box(0, 0, 40, 40))\nrestyle(all, style="black and white")\n', encoding="utf-8")
    out = tmp_path / "out"
    result = cli("apply", str(saved), str(small_png), "-o", str(out))
    assert result.code == 0, result.err
    edited, original = np.array(Image.open(out / small_png.name)), np.array(Image.open(small_png))
    assert np.array_equal(edited[:40, :40], original[:40, :40])
    assert (edited[60:, 60:, 0] == edited[60:, 60:, 1]).all()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'keep("person")\nblur(backgrund, amount=0.5)\n',
            "line 2 column 6: unexpected 'backgrund'; expected the form printed by `editree plan --format text`",
        ),
        (b"blur(all, amount=0.5\n", "line 1 column 21: unexpected end of text (a bracket is left open)"),
        (b'keep("person")\n  blur(all, amount=5)\n', "line 2 column 3: amount: expected a number <= 1.0, got 5"),
        (b"explode(all)", "line 1 column 1: unknown op 'explode'; expected one of add, adjust"),
        (b"blur(all, amount=0.2, amount=0.4)", "line 1 column 1: argument 'amount' is given twice"),
        (b"blur(all)\n\xff\xfe", "line 2 column 1: not UTF-8 text"),
        (b"  \n", "the file is empty"),
        (b'{"version": 1,\n "steps": [}', "not valid JSON (line 2 column 12"),
        (b"[]", "expected a JSON object"),
    ],
)
def test_bad_plan_files_are_exit_4_with_the_place(cli, small_png: Path, tmp_path: Path, content: bytes, expected: str):
    saved = tmp_path / "bad.plan"
    saved.write_bytes(content)
    for argv in (("edit", str(small_png), "-o", str(tmp_path / "o.png")), ("plan",)):
        result = cli(*argv, "--plan", str(saved))
        assert result.code == 4, result.err
        assert result.err.startswith(f"error: {saved}: {expected}") and result.err.count("\n") == 1
    assert not (tmp_path / "o.png").exists()


# --- edit: the planner's hint for a fallback it cannot run -------------------------------------------------------


def _fallback_plan(tmp_path: Path, words: str, warning: str, target: dict | None = None) -> Path:
    plan = {
        "version": 1,
        "instruction": f"blur the background and {words}",
        "steps": [
            {"kind": "edit", "op": "blur", "target": {"kind": "background"}, "args": {"amount": 0.5}},
            {
                "kind": "edit",
                "op": "edit",
                "target": target or {"kind": "all"},
                "args": {"instruction": words},
                "fallback": True,
            },
        ],
        "warnings": [warning],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def test_edit_puts_the_did_you_mean_hint_first(cli, small_png: Path, tmp_path: Path) -> None:
    warning = (
        "could not structure 'brigthen the photo' (characters 24-42) (did you mean \"brighten\"?); it becomes a "
        "free-form edit, which needs an instruction-following model"
    )
    result = cli("edit", str(small_png), "--plan", str(_fallback_plan(tmp_path, "brigthen the photo", warning)))
    assert result.code == 5 and result.out == "" and result.err.count("\n") == 1
    assert result.err.startswith(
        "error: could not structure 'brigthen the photo' (did you mean \"brighten\"?), so it became a free-form edit: "
        'steps[1] edit(all, instruction="brigthen the photo") [fallback]: needs a generative model'
    )
    assert "--instruct-model" in result.err


def test_edit_hint_when_the_fallback_target_cannot_be_found(
    cli, small_png: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editree.engine.executor as executor

    monkeypatch.setattr(executor, "check_plan", lambda *args, **kwargs: None)  # as if an instruction model were here
    warning = "could not structure 'make the skey moody' (characters 24-43) (did you mean \"sky\"?)"
    target = {"kind": "phrase", "text": "make the skey moody"}
    result = cli(
        "edit", str(small_png), "--plan", str(_fallback_plan(tmp_path, "make the skey moody", warning, target))
    )
    assert result.code == 5, result.err
    assert result.err.startswith(
        "error: could not structure 'make the skey moody' (did you mean \"sky\"?), so it became a free-form edit: "
        "no segmenter available here can find 'make the skey moody'"
    )


def test_edit_fallback_without_a_hint_is_unchanged(cli, small_png: Path, tmp_path: Path) -> None:
    warning = "could not structure 'make it dramatic' (characters 24-41); it becomes a free-form edit"
    result = cli("edit", str(small_png), "--plan", str(_fallback_plan(tmp_path, "make it dramatic", warning)))
    assert result.code == 5
    assert result.err.startswith('error: steps[1] edit(all, instruction="make it dramatic") [fallback]: needs')


def test_edit_with_the_planner_shows_its_hint(cli, small_png: Path) -> None:
    """End to end: the planner's own warning for a misspelled verb reaches `edit`'s one-line error."""
    result = cli("edit", str(small_png), "brigthen the photo")
    assert result.code == 5 and result.err.count("\n") == 1
    assert '(did you mean "brighten"?)' in result.err and "needs a generative model" in result.err
