"""Batches over awkward folders: every good image edited once, every bad one recorded, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from editree.engine import batch as B
from editree.engine.batch import BatchSettings, collect_jobs, read_manifest, run_batch
from editree.engine.image_io import read_metadata
from editree.errors import UsageError
from editree.planner import parse


def make_awkward_folder(root: Path, photo: np.ndarray) -> dict[str, str]:
    """Returns {relative name: what it is}."""
    small = np.ascontiguousarray(photo[::4, ::4])
    (root / "sub").mkdir(parents=True)
    Image.fromarray(small).save(root / "plain.png")
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(small[:, :100]).save(root / "rotated.jpg", exif=exif.tobytes())
    rgba = np.dstack([small, np.full(small.shape[:2], 128, np.uint8)])
    Image.fromarray(rgba, "RGBA").save(root / "sub" / "alpha.png")
    Image.fromarray(small).convert("P").save(root / "palette.png")
    Image.fromarray(small).convert("CMYK").save(root / "cmyk.jpg")
    Image.fromarray(small[..., 0].astype(np.uint16) * 257).save(root / "sub" / "deep16.png")
    (root / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 garbage")
    full = (root / "plain.png").read_bytes()
    (root / "truncated.png").write_bytes(full[: len(full) // 3])
    (root / "notes.txt").write_text("not an image")
    return {
        "plain.png": "ok",
        "rotated.jpg": "ok",
        "sub/alpha.png": "ok",
        "palette.png": "ok",
        "cmyk.jpg": "ok",
        "sub/deep16.png": "ok",
        "corrupt.jpg": "bad",
        "truncated.png": "bad",
    }


@pytest.fixture
def folder(tmp_path: Path, astronaut: np.ndarray) -> tuple[Path, dict[str, str]]:
    return tmp_path / "in", make_awkward_folder(tmp_path / "in", astronaut)


def _statuses(out: Path) -> dict[str, list[str]]:
    _, _ = read_manifest(out)
    seen: dict[str, list[str]] = {}
    for line in (out / B.MANIFEST_NAME).read_text().splitlines():
        record = json.loads(line)
        if record.get("kind") == "image":
            seen.setdefault(record["input"], []).append(record["status"])
    return seen


def test_awkward_folder(folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, expected = folder
    out = tmp_path / "out"
    jobs, notes = collect_jobs([str(root)], out, recursive=True)
    assert sorted(j.rel for j in jobs) == sorted(expected)
    assert notes == ["ignored 1 file that is not an image (by extension)"]
    summary = run_batch(jobs, BatchSettings(plan=parse("make it black and white")), out)
    assert summary.counts == {"done": 6, "failed": 2}
    statuses = _statuses(out)
    for rel, kind in expected.items():
        assert statuses[rel] == (["done"] if kind == "ok" else ["failed"])
        output = out / rel
        if kind == "ok":
            with Image.open(output) as img:
                img.load()
                assert img.format == ("JPEG" if rel.endswith(".jpg") else "PNG")
        else:
            assert not output.exists()
    with Image.open(out / "sub" / "alpha.png") as img:
        assert img.mode == "RGBA" and img.getchannel("A").getextrema() == (128, 128)
    with Image.open(out / "rotated.jpg") as img:  # JPEG to JPEG keeps the stored layout and its orientation tag
        assert ImageOps.exif_transpose(img).size == (128, 100) and img.getexif().get(0x0112) == 6
    assert read_metadata(out / "plain.png")["plan_digest"] == B.plan_digest(parse("make it black and white"))
    leftovers = [p.name for p in out.rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_resume_after_interrupt_does_each_image_once(
    folder: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, expected = folder
    out = tmp_path / "out"
    jobs, _ = collect_jobs([str(root)], out, recursive=True)
    settings = BatchSettings(plan=parse("make it warmer"))
    real = B.process_image
    calls = Counter()

    def flaky(job, s):
        calls[job.rel] += 1
        if sum(calls.values()) == 4:
            raise KeyboardInterrupt
        return real(job, s)

    monkeypatch.setattr(B, "process_image", flaky)
    first = run_batch(jobs, settings, out)
    assert first.interrupted and sum(first.counts.values()) == 3
    done_first = [rel for rel, st in _statuses(out).items() if st == ["done"]]
    interrupted = next(rel for rel in calls if rel not in _statuses(out))
    monkeypatch.setattr(B, "process_image", lambda job, s: (calls.update([job.rel]), real(job, s))[1])
    second = run_batch(jobs, settings, out, resume=True)
    assert not second.interrupted
    assert second.counts["already-done"] == first.counts["done"] >= 1
    statuses = _statuses(out)
    done = Counter(rel for rel, st in statuses.items() for s in st if s == "done")
    assert all(done[rel] == 1 for rel, kind in expected.items() if kind == "ok")
    # Images finished in the first run were not edited again; the abandoned one was done once, later.
    assert done_first and all(calls[rel] == 1 for rel in done_first)
    assert calls[interrupted] == 2 and statuses[interrupted] == ["done"]


def test_resume_refuses_another_plan(folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _ = folder
    out = tmp_path / "out"
    jobs, _ = collect_jobs([str(root / "plain.png")], out)
    run_batch(jobs, BatchSettings(plan=parse("make it warmer")), out)
    with pytest.raises(UsageError, match="written by a different plan"):
        run_batch(jobs, BatchSettings(plan=parse("make it cooler")), out, resume=True)


def test_parallel_matches_serial(folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _ = folder
    settings = BatchSettings(plan=parse("add fog and make it warmer"), seed=9)
    outputs = {}
    for jobs_n in (1, 2):
        out = tmp_path / f"out{jobs_n}"
        jobs, _ = collect_jobs([str(root)], out, recursive=True)
        summary = run_batch(jobs, settings, out, jobs_in_parallel=jobs_n)
        assert summary.counts == {"done": 6, "failed": 2}
        outputs[jobs_n] = {p.relative_to(out): np.array(Image.open(p)) for p in out.rglob("*.png")}
    assert outputs[1].keys() == outputs[2].keys() and len(outputs[1]) == 4
    for key, pixels in outputs[1].items():
        assert np.array_equal(pixels, outputs[2][key]), key


def test_collisions_and_inputs_are_refused(tmp_path: Path, astronaut: np.ndarray) -> None:
    (tmp_path / "a").mkdir()
    Image.fromarray(astronaut[::8, ::8]).save(tmp_path / "a" / "x.png")
    Image.fromarray(astronaut[::8, ::8]).save(tmp_path / "a" / "x.jfif", format="JPEG")  # .jfif is written as .png
    with pytest.raises(UsageError, match="would both be written to"):
        collect_jobs([str(tmp_path / "a")], tmp_path / "out")
    with pytest.raises(UsageError, match="would be overwritten by its own output"):
        collect_jobs([str(tmp_path / "a" / "x.png")], tmp_path / "a")
    with pytest.raises(UsageError, match="does not exist"):
        collect_jobs([str(tmp_path / "nope")], tmp_path / "out")


def test_sigkill_then_resume(tmp_path: Path, astronaut: np.ndarray) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(40):
        Image.fromarray(np.roll(astronaut, i * 7, axis=1)).save(root / f"img{i:02d}.png")
    out = tmp_path / "out"
    exe = str(Path(sys.executable).with_name("editree"))
    cmd = [exe, "batch", str(root), "add fog and make it warmer", "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / B.MANIFEST_NAME
    deadline = time.time() + 60
    while time.time() < deadline:
        if manifest.exists() and manifest.read_text().count('"kind":"image"') >= 5:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert manifest.read_text().count('"kind":"image"') < 40, "the batch finished before it could be killed"
    resumed = subprocess.run([*cmd, "--resume", "--json"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    events = [json.loads(line) for line in resumed.stdout.splitlines()]
    assert events[-1]["kind"] == "summary"
    statuses = _statuses(out)
    assert sorted(statuses) == [f"img{i:02d}.png" for i in range(40)]
    for rel, seen in statuses.items():
        finished = [s for s in seen if s in ("done", "recovered")]
        assert len(finished) == 1, (rel, seen)
        with Image.open(out / rel) as img:
            img.load()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
