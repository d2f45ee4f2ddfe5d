"""Shared fixtures. Nothing here downloads: hub access is switched off and caches are temporary."""

from __future__ import annotations

import os
import tempfile

_CACHE = tempfile.mkdtemp(prefix="editree-test-cache-")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HOME"] = os.path.join(_CACHE, "hf")
os.environ["TORCH_HOME"] = os.path.join(_CACHE, "torch")
os.environ["NO_COLOR"] = "1"
os.environ["EDITREE_CONFIG"] = os.path.join(_CACHE, "no-config.toml")
os.environ["EDITREE_CACHE_DIR"] = os.path.join(_CACHE, "editree")
for _name in ("EDITREE_LLM_URL", "EDITREE_LLM_MODEL", "EDITREE_LLM_API_KEY"):
    os.environ.pop(_name, None)
os.environ["COLUMNS"] = "200"

from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(data.astronaut())


@pytest.fixture(scope="session")
def chelsea() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(data.chelsea())


@pytest.fixture(scope="session")
def coffee() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(data.coffee())


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the real `main(argv)` in-process; returns exit code, stdout and stderr separately."""
    from editree.cli.app import main

    def run(*argv: str) -> CliResult:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


class BoxSegmenter:
    """A fake segmenter that finds each known phrase at a fixed box (x0, y0, x1, y1)."""

    name = "fake-boxes"

    def __init__(self, boxes: dict[str, tuple[int, int, int, int]]) -> None:
        self.boxes = boxes

    def handles(self, text: str) -> bool:
        return text in self.boxes

    def segment(self, rgb: np.ndarray, text: str) -> np.ndarray:
        mask = np.zeros(rgb.shape[:2], np.float32)
        x0, y0, x1, y1 = self.boxes[text]
        mask[y0:y1, x0:x1] = 1.0
        return mask


@pytest.fixture
def box_segmenters():
    from editree.engine.segmenters import SegmenterRegistry

    def make(boxes: dict[str, tuple[int, int, int, int]]) -> SegmenterRegistry:
        return SegmenterRegistry([BoxSegmenter(boxes)])

    return make


@pytest.fixture
def record_calls(monkeypatch: pytest.MonkeyPatch):
    """record_calls(PipelineClass) -> the keyword arguments of every call of that class from now on (the
    pipeline still runs): what editree really passed to diffusers."""
    import functools

    def record(pipeline_class: type) -> list[dict]:
        seen: list[dict] = []
        original = pipeline_class.__call__

        @functools.wraps(original)  # keeps the signature editree reads
        def spy(self, **kwargs):
            seen.append(kwargs)
            return original(self, **kwargs)

        monkeypatch.setattr(pipeline_class, "__call__", spy)
        return seen

    return record
