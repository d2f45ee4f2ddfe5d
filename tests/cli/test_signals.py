"""Real signals on a real `editree batch`: a scheduler's SIGTERM, a terminal's Ctrl-C and a SIGKILL of the parent.

Each test runs the installed `editree` in a subprocess over a folder of small images, signals it once the first
image is in the manifest, and then checks what a script relies on: the exit code, that no worker (or other child)
is left running, and that every output on disk is listed in the manifest, with no temporary files beside them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil
import pytest
from PIL import Image

from editree.engine.batch import MANIFEST_NAME

EDITREE = str(Path(sys.executable).with_name("editree"))
IMAGES = 24


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, astronaut: np.ndarray) -> Path:
    root = tmp_path_factory.mktemp("signals") / "in"
    root.mkdir()
    for i in range(IMAGES):
        Image.fromarray(np.roll(astronaut, i * 7, axis=1)).save(root / f"img{i:02d}.png", compress_level=1)
    return root


@pytest.fixture(scope="module")
def slow_folder(tmp_path_factory: pytest.TempPathFactory, astronaut: np.ndarray) -> Path:
    """Images large enough (1k px, half a second each or more) that both workers are mid-image when signalled."""
    root = tmp_path_factory.mktemp("signals") / "slow"
    root.mkdir()
    big = np.tile(astronaut, (2, 2, 1))
    for i in range(6):
        Image.fromarray(np.roll(big, i * 7, axis=1)).save(root / f"big{i}.png", compress_level=1)
    return root


def _start(folder: Path, out: Path, *flags: str, grace: str | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    if grace is not None:
        env["EDITREE_STOP_GRACE"] = grace
    cmd = [EDITREE, "batch", str(folder), "add fog and make it warmer", "-o", str(out), *flags]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _wait_for_first_image(proc: subprocess.Popen[str], out: Path) -> list[psutil.Process]:
    """Blocks until the manifest has an image record; returns the batch's descendants at that moment."""
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if manifest.exists() and '"kind":"image"' in manifest.read_text():
            return psutil.Process(proc.pid).children(recursive=True)
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("no image finished within two minutes")


def _assert_gone(processes: list[psutil.Process], within: float = 10.0) -> None:
    _, alive = psutil.wait_procs(processes, timeout=within)
    assert not alive, [(p.pid, p.cmdline()[-2:]) for p in alive]


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / MANIFEST_NAME).read_text().splitlines()]


def _assert_manifest_covers_disk(out: Path) -> dict[str, str]:
    """Every output on disk is listed as done or recovered; returns {input: last status}."""
    images = [r for r in _records(out) if r.get("kind") == "image"]
    listed = {Path(r["output"]).name for r in images if r["status"] in ("done", "recovered")}
    on_disk = {p.name for p in out.glob("*.png")}
    assert on_disk <= listed, on_disk - listed
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left
    return {r["input"]: r["status"] for r in images}


def test_sigterm_on_a_pool_finishes_in_flight_images_and_exits_143(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _start(folder, out, "--jobs", "2")
    children = _wait_for_first_image(proc, out)
    assert len([c for c in children if "multiprocessing" in " ".join(c.cmdline())]) >= 2  # workers are running
    proc.send_signal(signal.SIGTERM)
    started = time.monotonic()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert time.monotonic() - started < 10  # the grace period is 3 s, and nothing waits for the other images
    _assert_gone(children)
    statuses = _assert_manifest_covers_disk(out)
    assert "interrupted" not in statuses.values()  # small images finish within the grace period
    assert 0 < len(statuses) < IMAGES
    stop = [r for r in _records(out) if r.get("kind") == "interrupted"]
    assert len(stop) == 1 and stop[0]["signal"] == "SIGTERM" and stop[0]["abandoned"] == []
    assert stop[0]["not_started"] == IMAGES - len(statuses)
    assert "SIGTERM: stopping; waiting up to 3 s" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: stopped by SIGTERM") and "--resume" in last


def test_sigint_without_grace_abandons_in_flight_images_and_exits_130(slow_folder: Path, tmp_path: Path) -> None:
    folder = slow_folder
    out = tmp_path / "out"
    proc = _start(folder, out, "--jobs", "2", "--json", grace="0")
    children = _wait_for_first_image(proc, out)
    proc.send_signal(signal.SIGINT)
    stdout, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    _assert_gone(children)
    statuses = _assert_manifest_covers_disk(out)
    stop = next(r for r in _records(out) if r.get("kind") == "interrupted")
    assert stop["signal"] == "SIGINT" and stop["abandoned"]
    # each image that was in flight is recorded: abandoned (no output) or, if it was written just in time, recovered
    for rel in stop["abandoned"]:
        assert statuses[rel] in ("interrupted", "recovered")
        assert (statuses[rel] == "recovered") == (out / rel).exists()
    summary = json.loads(stdout.splitlines()[-1])
    assert summary["kind"] == "summary" and summary["interrupted"] is True
    assert err.strip().splitlines()[-1].startswith("error: stopped by SIGINT")

    resumed = subprocess.run(
        [EDITREE, "batch", str(folder), "add fog and make it warmer", "-o", str(out), "--resume", "-q", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(p.name for p in out.glob("*.png")) == sorted(p.name for p in folder.iterdir())


def test_workers_exit_when_the_parent_is_killed(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _start(folder, out, "--jobs", "2")
    children = _wait_for_first_image(proc, out)
    workers = [c for c in children if "multiprocessing-fork" in " ".join(c.cmdline())]
    assert len(workers) == 2
    proc.kill()
    proc.communicate(timeout=30)
    _assert_gone(children)  # workers, and the resource tracker with them


def test_sigterm_on_a_serial_batch(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _start(folder, out)
    _wait_for_first_image(proc, out)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    statuses = _assert_manifest_covers_disk(out)
    assert set(statuses.values()) == {"done"}
