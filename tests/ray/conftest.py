"""Real Ray clusters for the Ray executor's tests, on loopback only.

Nothing here reaches the network: RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 makes Ray take 127.0.0.1 as the node's
address (so its servers listen there, not on every interface), there is no dashboard and no usage report, and
the clusters use a token of this test session (so nothing is written to ~/.ray). Two cores are shared with other
work: each cluster has num_cpus=2 and lives for one test module, and the two kinds never run at the same time.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

os.environ.update(
    RAY_USAGE_STATS_ENABLED="0",
    RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0",
    RAY_AUTH_MODE="token",
    RAY_AUTH_TOKEN=secrets.token_hex(16),
)


def _short_temp() -> str:
    """Ray's Unix socket paths must fit in 107 bytes, so not under pytest's long tmp_path."""
    return tempfile.mkdtemp(prefix="edr-ray-", dir="/tmp")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """`ray.init(num_cpus=2)` in this process; the executor uses it as it finds it."""
    ray = pytest.importorskip("ray")
    temp = _short_temp()
    ray.init(
        num_cpus=2,
        num_gpus=0,
        include_dashboard=False,
        logging_level=logging.ERROR,
        log_to_driver=False,
        _temp_dir=temp,
    )
    try:
        yield ray
    finally:
        ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)


@dataclass(frozen=True)
class Cluster:
    address: str
    """HOST:PORT of the head's GCS."""
    client: str
    """ray://HOST:PORT of its Ray Client server."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def head_cluster() -> Iterator[Cluster]:
    """`ray start --head --block` on loopback, in its own process group, which is killed at the end."""
    pytest.importorskip("ray")
    temp = _short_temp()
    gcs, client = _free_port(), _free_port()
    ports = {flag: _free_port() for flag in ("--dashboard-agent-listen-port", "--runtime-env-agent-port")}
    log = Path(temp) / "head.log"
    cmd = [
        str(Path(sys.executable).with_name("ray")),
        "start",
        "--head",
        "--block",
        "--node-ip-address=127.0.0.1",
        f"--port={gcs}",
        f"--ray-client-server-port={client}",
        *(f"{flag}={port}" for flag, port in ports.items()),
        "--num-cpus=2",
        "--num-gpus=0",
        "--include-dashboard=false",
        "--disable-usage-stats",
        f"--temp-dir={temp}",
    ]
    with open(log, "wb") as handle:
        proc = subprocess.Popen(cmd, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while b"Ray runtime started" not in log.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"`ray start --head` did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        yield Cluster(f"127.0.0.1:{gcs}", f"ray://127.0.0.1:{client}")
    finally:
        _kill_group(proc)
        shutil.rmtree(temp, ignore_errors=True)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the cluster's process group, then SIGKILL to whatever of it is left."""
    for signum, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, signum)
        except ProcessLookupError:
            break
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the head's children, once `ray start` itself has gone
    except ProcessLookupError:
        pass


# ---- what the tests compare ----------------------------------------------------------------------------
def make_folder(root: Path, astronaut: np.ndarray, count: int, size: int = 96, corrupt: bool = True) -> Path:
    """PNGs, a JPEG (its blocks are copied from the input file), a sub-folder and, optionally, a corrupt file."""
    base = np.array(Image.fromarray(astronaut).resize((size, size)))
    (root / "sub").mkdir(parents=True)
    for i in range(count):
        folder = root / "sub" if i % 4 == 3 else root
        picture = Image.fromarray(np.roll(base, i * 5, axis=1))
        if i % 3 == 2:
            picture.save(folder / f"img{i:03d}.jpg", quality=90)
        else:
            picture.save(folder / f"img{i:03d}.png")
    if corrupt:
        (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return root


def without_timings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k not in ("seconds", "at", "started")}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


def outputs(out: Path) -> dict[str, tuple[bytes, Any]]:
    """Every file under `out` but the manifest: (decoded pixels, provenance without timings); sidecars too."""
    from editree.engine.batch import MANIFEST_NAME
    from editree.engine.image_io import read_metadata

    found: dict[str, tuple[bytes, Any]] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if not path.is_file() or path.name == MANIFEST_NAME:
            continue
        if path.suffix == ".json":  # a sidecar
            found[rel] = (b"", without_timings(json.loads(path.read_text(encoding="utf-8"))))
            continue
        with Image.open(path) as img:
            found[rel] = (np.asarray(img).tobytes(), without_timings(read_metadata(path)))
    return found


def manifest_records(out: Path) -> list[dict[str, Any]]:
    from editree.engine.batch import MANIFEST_NAME

    lines = (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def image_records(out: Path) -> dict[str, Any]:
    """The manifest's image records by input, with the output folder and timings taken out."""
    records = {}
    for record in manifest_records(out):
        if record.get("kind") == "image":
            text = json.dumps(without_timings(record)).replace(str(out), "OUT")
            records[record["input"]] = json.loads(text)
    return records
