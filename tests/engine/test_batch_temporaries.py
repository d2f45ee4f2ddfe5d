"""A batch killed outright while writing leaves a hidden temporary beside the output; the next run removes the
ones named after its outputs, and nothing else."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from editree.engine.batch import BatchSettings, collect_jobs, run_batch
from editree.planner import parse


def test_orphaned_temporaries_of_this_batch_are_removed(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    Image.fromarray(np.full((8, 8, 3), 120, np.uint8)).save(folder / "a.png")
    ours = [out / ".a.png.k3j_x9q2.tmp", out / ".a.png.json.tmp"]  # an output's and a sidecar's
    theirs = [out / ".b.png.k3j_x9q2.tmp", out / ".a.png.notes", out / "a.png.k3j.tmp"]
    for path in (*ours, *theirs):
        path.write_bytes(b"partial")

    jobs, _ = collect_jobs([str(folder)], out, recursive=False)
    summary = run_batch(jobs, BatchSettings(plan=parse("make it warmer")), out)

    assert summary.counts == {"done": 1}
    assert [p.exists() for p in ours] == [False, False]
    assert [p.read_bytes() for p in theirs] == [b"partial"] * 3
