"""`editree batch --executor ray` against a `ray start --head` cluster on loopback, as a user would run it: the
same JSON events and files as the local executor, a driver killed (SIGKILL) or interrupted (SIGINT) mid-batch
and then resumed, through the head's address and through Ray Client (ray://)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from editree.engine.batch import MANIFEST_NAME
from tests.ray.conftest import Cluster, make_folder, manifest_records, outputs, without_timings

pytestmark = pytest.mark.slow
EXE = str(Path(sys.executable).with_name("editree"))
PLAN = "make it black and white, add fog and increase the contrast"


def _events(stdout: str, out: Path) -> tuple[dict[str, dict], dict]:
    events = [json.loads(line.replace(str(out), "OUT")) for line in stdout.splitlines()]
    images = {e["input"]: without_timings(e) for e in events if e["kind"] == "image"}
    assert len(images) == len(events) - 1 and events[-1]["kind"] == "summary"
    return images, without_timings(events[-1])


def test_cli_on_a_cluster_gives_the_local_events_and_files(
    head_cluster: Cluster, tmp_path: Path, astronaut: np.ndarray
) -> None:
    folder = make_folder(tmp_path / "in", astronaut, count=8)
    common = [EXE, "batch", str(folder), PLAN, "-r", "--seed", "5", "--json"]
    local = subprocess.run([*common, "-o", str(tmp_path / "local"), "--jobs", "2"], capture_output=True, text=True)
    flags = ["--executor", "ray", "--ray-address", head_cluster.address]
    remote = subprocess.run([*common, "-o", str(tmp_path / "ray"), *flags], capture_output=True, text=True)

    assert remote.returncode == local.returncode == 1, remote.stderr  # the corrupt image
    assert _events(remote.stdout, tmp_path / "ray") == _events(local.stdout, tmp_path / "local")
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    assert "Ray: 2 workers (1 CPU each) on a cluster of 2 CPUs and 0 GPUs" in remote.stderr
    assert remote.stderr.strip().splitlines()[-1] == (
        f"error: 1 failed of 9 images; see {tmp_path / 'ray' / MANIFEST_NAME}"
    )


def test_a_cluster_of_another_ray_version_is_named_with_what_to_install(
    head_cluster: Cluster, tmp_path: Path, astronaut: np.ndarray
) -> None:
    """This process pretends to run Ray 2.0.0: Ray refuses the cluster, and the error says which version to get."""
    folder = make_folder(tmp_path / "in", astronaut, count=1, corrupt=False)
    pretend = (
        "import sys, ray._private.utils as u; real = u.compute_version_info; "
        "u.compute_version_info = lambda: ('2.0.0', real()[1]); "
        "from editree.cli.app import entry; sys.argv[0] = 'editree'; entry()"
    )
    args = ["batch", str(folder), PLAN, "-r", "-o", str(tmp_path / "out"), "--executor", "ray"]
    result = subprocess.run(
        [sys.executable, "-c", pretend, *args, "--ray-address", head_cluster.address], capture_output=True, text=True
    )
    import ray

    python = ".".join(map(str, sys.version_info[:3]))
    assert result.returncode == 5, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: the Ray cluster at {head_cluster.address} runs Ray {ray.__version__} on Python {python}, this "
        f"process Ray 2.0.0 on Python {python}; install the cluster's versions here (pip install "
        f"'ray[client]=={ray.__version__}', Python {python})"
    )
    assert not list((tmp_path / "out").glob("*.png"))


def _edit_workers() -> list[int]:
    """The Ray worker processes that hold an EditWorker actor now (Ray names them ray::EditWorker)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and (proc / "cmdline").read_bytes().startswith(b"ray::EditWorker"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def _no_edit_workers_within(seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _edit_workers()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _start_and_stop(cmd: list[str], manifest: Path, signum: int) -> tuple[subprocess.CompletedProcess[str], list[int]]:
    """Start the batch, and signal it once it has recorded a few images. Also returns the workers seen then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text().count('"kind":"image"') >= 3:
            break
        time.sleep(0.02)
    workers = _edit_workers()
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr), workers


def _each_image_once(out: Path, count: int) -> None:
    """Across every run, each image was finished exactly once and its output is whole."""
    finished: dict[str, list[str]] = {}
    for record in manifest_records(out):
        if record.get("kind") == "image":
            finished.setdefault(record["input"], []).append(record["status"])
    assert len(finished) == count
    for rel, statuses in finished.items():
        assert len([s for s in statuses if s in ("done", "recovered")]) == 1, (rel, statuses)
    assert len(outputs(out)) == count  # every one decodes
    assert not [p for p in out.rglob(".*")]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["killed", "interrupted"])
def test_a_stopped_driver_then_resume_finishes_each_image_once(
    head_cluster: Cluster, tmp_path: Path, astronaut: np.ndarray, signum: int
) -> None:
    folder = make_folder(tmp_path / "in", astronaut, count=24, size=256, corrupt=False)
    out = tmp_path / "out"
    cmd = [EXE, "batch", str(folder), PLAN, "-r", "-o", str(out), "--executor", "ray", "--json"]
    first, workers = _start_and_stop([*cmd, "--ray-address", head_cluster.address], out / MANIFEST_NAME, signum)
    assert len(workers) == 2, workers
    records = manifest_records(out)
    assert sum(r.get("kind") == "image" for r in records) < 24, "the batch finished before it was stopped"
    if signum == signal.SIGINT:
        assert first.returncode == 130, first.stderr
        assert "rerun with --resume" in first.stderr.strip().splitlines()[-1]
        assert records[-1]["kind"] == "interrupted" and records[-1]["signal"] == "SIGINT"
    else:
        assert first.returncode == -signal.SIGKILL
    # No worker outlives its driver: an interrupted one kills them, a killed one's die with it (Ray ends the
    # actors of an owner that is gone), so the cluster's two CPUs are free again for the resumed run.
    assert _no_edit_workers_within(30) == []

    resumed = subprocess.run(
        [*cmd, "--resume", "--ray-address", head_cluster.client], capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout.splitlines()[-1])
    assert summary["kind"] == "summary" and summary["counts"].get("done", 0) > 0
    _each_image_once(out, 24)
