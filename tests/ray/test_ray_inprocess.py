"""The Ray executor on `ray.init(num_cpus=2)` in this process: the same files and records as the local executor,
a worker killed in the middle of an image, a corrupt image, per-image masks and the Python API."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

import editree
from editree.engine.batch import BatchSettings, collect_jobs, run_batch
from editree.engine.ray_executor import MAX_ATTEMPTS, RayExecutor
from editree.engine.regions import UserRegions
from editree.planner import parse
from tests.ray.conftest import image_records, make_folder, manifest_records, outputs

pytestmark = pytest.mark.slow
PLAN = "make it black and white, add fog and increase the contrast"


def _run(folder: Path, out: Path, settings: BatchSettings, executor: RayExecutor | None = None, **kw: Any) -> Any:
    jobs, _ = collect_jobs([str(folder)], out, recursive=True)
    if executor is None:
        return run_batch(jobs, settings, out, **kw)
    with executor:
        return run_batch(jobs, settings, out, executor=executor, **kw)


def test_outputs_and_manifest_equal_the_local_executor(local_ray: Any, tmp_path: Path, astronaut: np.ndarray) -> None:
    folder = make_folder(tmp_path / "in", astronaut, count=8)
    settings = BatchSettings(plan=parse(PLAN), seed=7, sidecar=True)
    local = _run(folder, tmp_path / "local", settings, jobs_in_parallel=2)
    notes: list[str] = []
    remote = _run(folder, tmp_path / "ray", settings, RayExecutor(info=notes.append, warn=notes.append))

    assert remote.counts == local.counts == {"done": 8, "failed": 1}
    assert notes == ["Ray: 2 workers (1 CPU each) on a cluster of 2 CPUs and 0 GPUs"]
    on_ray, here = outputs(tmp_path / "ray"), outputs(tmp_path / "local")
    assert sorted(on_ray) == sorted(here) and len(on_ray) == 16  # 8 outputs and their sidecars
    assert on_ray == here  # the same pixels and the same provenance, timings aside
    assert image_records(tmp_path / "ray") == image_records(tmp_path / "local")
    broken = image_records(tmp_path / "ray")["broken.png"]
    assert broken["status"] == "failed" and broken["error"].startswith(f"{folder / 'broken.png'}: not an image")
    assert not [p for p in (tmp_path / "ray").rglob(".*")]  # no temporary file left beside the outputs


def test_per_image_masks_travel_with_their_images(local_ray: Any, tmp_path: Path, astronaut: np.ndarray) -> None:
    """The worker may not see the driver's files: each image's mask file goes with it; a missing one fails that
    image with the message a local run gives, naming the driver's path."""
    folder = make_folder(tmp_path / "in", astronaut, count=3, corrupt=False)
    masks = tmp_path / "masks"
    masks.mkdir()
    mask = np.zeros((96, 96), np.uint8)
    mask[20:60, 30:80] = 255
    for stem in ("img000", "img001"):  # none for img002
        Image.fromarray(mask).save(masks / f"{stem}.png")
    user = UserRegions(masks={"sign": masks / "{stem}.png"})
    settings = BatchSettings(plan=parse("blur the sign"), user=user)
    local = _run(folder, tmp_path / "local", settings)
    remote = _run(folder, tmp_path / "ray", settings, RayExecutor())
    assert remote.counts == local.counts == {"done": 2, "failed": 1}
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    records = image_records(tmp_path / "ray")
    assert records == image_records(tmp_path / "local")
    assert str(masks / "img002.png") in records["img002.jpg"]["error"]


def test_a_worker_killed_mid_image_is_replaced_and_its_images_sent_again(
    local_ray: Any, tmp_path: Path, astronaut: np.ndarray
) -> None:
    folder = make_folder(tmp_path / "in", astronaut, count=12, size=192, corrupt=False)
    settings = BatchSettings(plan=parse(PLAN), seed=3)
    local = _run(folder, tmp_path / "local", settings)
    warnings: list[str] = []
    executor = RayExecutor(workers=2, warn=warnings.append)
    killed: list[int] = []

    def kill_one(record: dict[str, Any]) -> None:
        if not killed:  # both workers hold images now: the first one's is lost with it
            killed.append(executor.worker_pids()[0])
            os.kill(killed[0], signal.SIGKILL)

    remote = _run(folder, tmp_path / "ray", settings, executor, on_record=kill_one)

    assert remote.counts == local.counts == {"done": 12}
    resent = [w for w in warnings if "died; sending it again" in w]
    assert resent and all(f"(attempt 2 of {MAX_ATTEMPTS})" in w for w in resent), warnings
    assert f"pid {killed[0]}" in resent[0]
    done = [r["input"] for r in manifest_records(tmp_path / "ray") if r.get("kind") == "image"]
    assert sorted(done) == sorted(set(done)) and len(done) == 12  # each image recorded once
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")  # nothing half-written, nothing twice
    assert not [p for p in (tmp_path / "ray").rglob(".*")]


def test_python_api_batch_on_ray(local_ray: Any, tmp_path: Path, astronaut: np.ndarray) -> None:
    folder = make_folder(tmp_path / "in", astronaut, count=4)
    seen: list[str] = []
    summary = editree.batch(
        [folder], "make it warmer", tmp_path / "out", recursive=True, executor="ray", workers=1,
        on_record=lambda r: seen.append(r["status"]),
    )  # fmt: skip
    assert summary.counts == {"done": 4, "failed": 1} and sorted(seen) == ["done"] * 4 + ["failed"]
    again = editree.batch([folder], "make it warmer", tmp_path / "out", recursive=True, executor="ray", resume=True)
    assert again.counts == {"already-done": 4, "failed": 1}  # the bad one is tried again, and fails again
    assert local_ray.is_initialized()  # a Ray the caller started is left running
