"""Fixtures for the remote engines: fake keys, loopback services, a photo with a marked target."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.remote.fake_services import FakeGemini, FakeOpenAI, FakeService

GEMINI_KEY = "gem-test-Q7v9xK2mP4wL8sN1"
OPENAI_KEY = "sk-test-Z3b6yH1qT9rV5cX0"
TARGET = (300, 150, 340, 190)
"""The marked target (x0, y0, x1, y1): pure green, where the fake services paint their disk."""


@pytest.fixture(autouse=True)
def remote_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys set, retries fast, no limit or URL from the machine's own environment."""
    monkeypatch.setenv("GEMINI_API_KEY", GEMINI_KEY)
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.delenv("GOOGLE_API_KEY", raising=False)
    monkeypatch.setenv("EDITREE_REMOTE_BACKOFF", "0.01")
    monkeypatch.setenv("EDITREE_REMOTE_TIMEOUT", "20")
    for name in ("EDITREE_REMOTE_URL", "EDITREE_REMOTE_RPM", "EDITREE_REMOTE_RETRIES", "EDITREE_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def marked(astronaut: np.ndarray) -> np.ndarray:
    """A 512×384 (4:3) photo with a pure green square at TARGET."""
    picture = np.ascontiguousarray(astronaut[64:448]).copy()
    x0, y0, x1, y1 = TARGET
    picture[y0:y1, x0:x1] = (0, 255, 0)
    return picture


@pytest.fixture
def marked_png(marked: np.ndarray, tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.fromarray(marked).save(path)
    return path


def target_mask(shape: tuple[int, ...]) -> np.ndarray:
    mask = np.zeros(shape[:2], bool)
    x0, y0, x1, y1 = TARGET
    mask[y0:y1, x0:x1] = True
    return mask


def disk_centre(picture: np.ndarray) -> tuple[float, float, int]:
    """Centroid (x, y) and size of the magenta disk inside TARGET."""
    x0, y0, x1, y1 = TARGET
    crop = picture[y0:y1, x0:x1].astype(int)
    disk = (crop[..., 0] > 150) & (crop[..., 2] > 150) & (crop[..., 1] < 110)
    ys, xs = np.nonzero(disk)
    return float(xs.mean() + x0), float(ys.mean() + y0), int(disk.sum())


def model_flag(service: FakeService) -> str:
    if isinstance(service, FakeGemini):
        return f"gemini:gemini-2.5-flash-image@{service.url}"
    return f"openai:gpt-image-1@{service.url}/v1"


@pytest.fixture(params=["gemini", "openai"])
def service_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def make_service(service_kind: str) -> Iterator:
    """make_service(script=[...], **kw) -> a started fake of this test's provider (stopped at the end)."""
    started: list[FakeService] = []

    def make(script: list[str] | None = None, **kwargs: object) -> FakeService:
        cls, key = (FakeGemini, GEMINI_KEY) if service_kind == "gemini" else (FakeOpenAI, OPENAI_KEY)
        service = cls(key, script, **kwargs)
        service.__enter__()
        started.append(service)
        return service

    yield make
    for service in started:
        service.__exit__(None, None, None)
