"""The hosted models around the edit itself: listed with what they take, replayed with a warning, held to a
requests-per-minute limit, and their keys kept out of every file."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from editree.engine.image_io import read_metadata
from editree.engine.remote.ratelimit import wait_for_slot
from tests.remote.conftest import GEMINI_KEY, OPENAI_KEY, TARGET, model_flag, target_mask
from tests.remote.fake_services import FakeGemini

REPLACE = "replace the sign with a magenta ball"
SIGN = f"sign={','.join(map(str, TARGET))}"


def test_models_list_shows_the_hosted_models_without_their_keys(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # one line per row
    result = cli("models", "list")
    assert result.code == 0, result.err
    rows = {line.split("│")[1].strip(): line for line in result.out.splitlines() if line.count("│") > 3}
    gemini, openai = rows["gemini:gemini-2.5-flash-image"], rows["openai:gpt-image-1"]
    assert "no (a crop and words)" in gemini and "ready (key in GEMINI_API_KEY)" in gemini and "en,zh" in gemini
    assert "as a hint" in openai and "1536x1024" in openai and "ready (key in OPENAI_API_KEY)" in openai
    assert GEMINI_KEY not in result.out and OPENAI_KEY not in result.out
    info = cli("models", "info", "gemini:gemini-2.5-flash-image")
    assert info.code == 0, info.err
    assert "4:3 1184x864" in info.out and "seed: yes" in info.out and "reads en, zh" in info.out
    assert "key: in GEMINI_API_KEY" in info.out and GEMINI_KEY not in info.out


def test_replay_asks_the_same_model_and_says_it_may_differ(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    service = make_service()
    out, again = tmp_path / "out.png", tmp_path / "again.png"
    made = cli("edit", str(marked_png), REPLACE, "--region", SIGN, "--model", model_flag(service), "-o", str(out))
    assert made.code == 0, made.err
    shown = cli("inspect", str(out))
    assert f"remote model {model_flag(service)} for replace" in shown.out
    replayed = cli("replay", str(out), "--on", str(marked_png), "-o", str(again))
    assert replayed.code == 0, replayed.err
    assert "a hosted model may answer differently" in replayed.err
    assert len(service.received) == 2  # the replay asked the recorded model again
    original = np.array(Image.open(marked_png).convert("RGB"))
    outside = ~target_mask(original.shape)
    assert np.array_equal(np.array(Image.open(again).convert("RGB"))[outside], original[outside])


def test_no_key_in_the_output_or_its_sidecar(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    service = make_service()
    out = tmp_path / "out.png"
    result = cli("edit", str(marked_png), REPLACE, "--region", SIGN, "--model", model_flag(service), "-o", str(out))
    assert result.code == 0, result.err
    meta = json.dumps(read_metadata(out))
    for key in (GEMINI_KEY, OPENAI_KEY):
        assert key not in meta and key not in out.read_bytes().decode("latin-1") and key not in result.out


def test_the_rate_limit_spaces_requests_across_processes(tmp_path: Path) -> None:
    """Two 'workers' sharing a file get slots 60/rpm seconds apart, whichever of them asks."""
    waits: list[float] = []
    path = str(tmp_path / "rate")
    delays = [wait_for_slot(120.0, path, sleep=waits.append) for _ in range(3)]
    assert delays[0] == 0.0
    assert 0.45 < delays[1] < 0.51 and 0.95 < delays[2] < 1.01  # 0.5 s apart at 120 per minute
    assert waits == delays[1:]
    assert wait_for_slot(None, path) == 0.0


def test_batch_rpm_holds_the_workers_together(cli, marked: np.ndarray, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        Image.fromarray(marked).save(folder / f"{name}.png")
    with FakeGemini(GEMINI_KEY) as service:
        out = tmp_path / "out"
        result = cli(
            "batch", str(folder), REPLACE, "--region", SIGN, "--model", model_flag(service), "-o", str(out),
            "--jobs", "3", "--rpm", "40",
        )  # fmt: skip
        assert result.code == 0, result.err
        assert "remote: 1 call per image to gemini:gemini-2.5-flash-image (3 in all for 3 images)" in result.out
        arrivals = sorted(request.at for request in service.received)
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert len(arrivals) == 3 and min(gaps) > 1.0  # 1.5 s slots (less the time to encode a request)


def test_help_and_plan_import_no_sdk() -> None:
    code = (
        "import sys\nfrom editree.cli.app import main\nmain(['plan', 'replace the sign with a ball'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('google.genai', 'openai', 'torch'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
