"""What a user sees when `--executor ray` cannot run: Ray not installed, a cluster that cannot be reached, flags
for the other executor. Each is one line naming the fix, with its exit code, and no work is started."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.ray_executor import INSTALL, RayExecutor, RayExecutorError
from editree.errors import ExitCode, MissingDependencyError
from tests.ray.conftest import _free_port

EXE = str(Path(sys.executable).with_name("editree"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    Image.fromarray(np.full((16, 16, 3), 90, np.uint8)).save(root / "a.png")
    return root


def _batch(folder: Path, *flags: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    out = folder.parent / "out"
    cmd = [EXE, "batch", str(folder), "make it warmer", "-o", str(out), *flags]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_without_ray_the_install_command_is_named(folder: Path, tmp_path: Path) -> None:
    shadow = tmp_path / "shadow" / "ray"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('No module named ray')\n")
    import os

    env = {**os.environ, "PYTHONPATH": str(shadow.parent)}
    result = _batch(folder, "--executor", "ray", env=env)
    assert result.returncode == ExitCode.MISSING_DEPENDENCY
    assert _one_error_line(result) == f"error: --executor ray needs Ray, which is not installed here: {INSTALL}"
    assert not (folder.parent / "out").exists()


def test_without_ray_the_api_raises_the_same_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'editree\[ray\]'"):
        RayExecutor().open()


@pytest.mark.parametrize("scheme", ["", "ray://"], ids=["gcs", "client"])
def test_an_unreachable_cluster_fails_in_seconds(folder: Path, scheme: str) -> None:
    address = f"{scheme}127.0.0.1:{_free_port()}"  # nothing listens there
    started = time.monotonic()
    result = _batch(folder, "--executor", "ray", "--ray-address", address)
    assert result.returncode == ExitCode.RUNTIME
    assert _one_error_line(result) == (
        f"error: cannot reach the Ray cluster at {address} (Connection refused); check that its head runs "
        "(`ray status` there) and that this machine may reach that port (6379 for HOST:PORT, 10001 for ray://)"
    )
    assert time.monotonic() - started < 60  # Ray alone retries for minutes
    assert not (folder.parent / "out").exists()


def test_an_unreachable_cluster_from_the_api() -> None:
    with pytest.raises(RayExecutorError, match=r"cannot reach the Ray cluster at 127\.0\.0\.1:"):
        RayExecutor(address=f"127.0.0.1:{_free_port()}").open()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (
            ["--workers", "2"],
            "error: --workers is for --executor ray: add --executor ray, or drop --workers (locally, --jobs N sets "
            "the worker processes)",
        ),
        (
            ["--executor", "ray", "--jobs", "2"],
            "error: --jobs 2 is for the local executor; with --executor ray, --workers N sets them",
        ),
        (
            ["--executor", "ray", "--ray-address", "http://head:8265"],
            "error: --ray-address 'http://head:8265': expected auto, HOST:PORT or ray://HOST:PORT",
        ),
        (
            ["--executor", "ray", "--ray-address", "head"],
            "error: --ray-address 'head': expected auto, HOST:PORT or ray://HOST:PORT",
        ),
    ],
    ids=["workers-locally", "jobs-on-ray", "http-address", "no-port"],
)
def test_flags_for_the_other_executor_are_refused(folder: Path, flags: list[str], expected: str) -> None:
    result = _batch(folder, *flags)
    assert result.returncode == ExitCode.USAGE
    assert _one_error_line(result) == expected
    assert not (folder.parent / "out").exists()


_PROXY_FAILURE = (  # as Ray Client reports it: the server's traceback, ending in the error it raised
    'Traceback (most recent call last):\n  File "proxier.py", line 772, in Datapath\n'
    "RuntimeError: Starting Ray client server failed. See x.err for logs."
)


class _FlakyClientRay:
    """A stand-in for `ray` whose Ray Client proxy fails to start this client's server the first `failures` times."""

    def __init__(self, failures: int, message: str = _PROXY_FAILURE) -> None:
        self.failures, self.message, self.calls = failures, message, 0

    def is_initialized(self) -> bool:
        return False

    def init(self, address: str, **options: object) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError(self.message)


def _open_with(fake: _FlakyClientRay, monkeypatch: pytest.MonkeyPatch) -> RayExecutor:
    import editree.engine.ray_executor as module

    monkeypatch.setattr(module, "import_ray", lambda: fake)
    monkeypatch.setattr(module, "_check_reachable", lambda address: None)
    monkeypatch.setattr(module, "CLIENT_SERVER_RETRY_WAIT", 0.0)
    return RayExecutor(address="ray://127.0.0.1:10001").open()


def test_a_client_server_that_did_not_start_is_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FlakyClientRay(failures=2)
    assert _open_with(fake, monkeypatch)._owned
    assert fake.calls == 3


def test_a_client_server_that_never_starts_is_one_error_after_three_tries(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FlakyClientRay(failures=5)
    with pytest.raises(RayExecutorError) as caught:
        _open_with(fake, monkeypatch)
    assert fake.calls == 3
    assert str(caught.value) == (
        "cannot start or reach the Ray cluster at ray://127.0.0.1:10001 (RuntimeError: Starting Ray client server "
        "failed. See x.err for logs.); start one with `ray start --head`, or give --ray-address HOST:PORT (or "
        "ray://HOST:10001)"
    )


def test_other_connection_errors_are_not_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FlakyClientRay(failures=1, message="Authentication failed: bad token")
    with pytest.raises(RayExecutorError, match="Authentication failed"):
        _open_with(fake, monkeypatch)
    assert fake.calls == 1
