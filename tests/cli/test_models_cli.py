"""`models list/info` sizes on disk (from the local cache: hub metadata needs the network, which tests never use)
and a quiet `models pull`: no hub library noise, an error cut between words."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from editree.cli.cmd_models import disk_usage, first_words, human_bytes


@pytest.fixture
def cached_preset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sd15-inpaint laid out as the Hugging Face cache does: snapshot files are links to shared blobs."""
    import huggingface_hub.constants

    hub = tmp_path / "hub"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(hub))
    root = hub / "models--stable-diffusion-v1-5--stable-diffusion-inpainting"
    blobs, snapshot = root / "blobs", root / "snapshots" / ("a" * 40)
    (snapshot / "unet").mkdir(parents=True)
    blobs.mkdir()
    (blobs / "weights").write_bytes(b"w" * 2_500_000)
    (blobs / "index").write_text('{"_class_name": "StableDiffusionInpaintPipeline"}')
    (snapshot / "model_index.json").symlink_to(blobs / "index")
    (snapshot / "unet" / "diffusion_pytorch_model.safetensors").symlink_to(blobs / "weights")
    (snapshot / "unet" / "same_weights_again.safetensors").symlink_to(blobs / "weights")  # one blob, counted once
    (root / "refs").mkdir()
    (root / "refs" / "main").write_text("a" * 40)
    return snapshot


def test_sizes_on_disk(cli, cached_preset: Path) -> None:
    size = 2_500_000 + len('{"_class_name": "StableDiffusionInpaintPipeline"}')
    assert disk_usage(cached_preset) == (size, 2)
    listed = cli("models", "list")
    assert listed.code == 0
    row = next(line for line in listed.out.splitlines() if "sd15-inpaint" in line)
    assert "present" in row and "2.5 MB" in row
    other = next(line for line in listed.out.splitlines() if "flux-fill" in line)
    assert "not present" in other and other.rstrip("│ ").endswith("-")
    info = cli("models", "info", "sd15-inpaint")
    assert info.code == 0 and "on disk: 2.5 MB in 2 files" in info.out


def test_human_bytes_and_first_words() -> None:
    assert [human_bytes(n) for n in (0, 999, 1000, 2_500_000, 24e9, 3e12)] == [
        "0 B",
        "999 B",
        "1.0 KB",
        "2.5 MB",
        "24.0 GB",
        "3000.0 GB",
    ]
    assert first_words("short\nsecond line", 200) == "short"
    assert first_words("one two three four", 12) == "one two…"
    assert first_words("x" * 30, 10) == "x" * 10 + "…"


def test_pull_is_quiet_and_its_error_is_one_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import diffusers
    import transformers  # noqa: F401  (sets its logger's level on import: measured after that)
    from huggingface_hub.utils import are_progress_bars_disabled

    during: dict[str, object] = {}
    before = {name: logging.getLogger(name).level for name in ("diffusers", "huggingface_hub", "transformers")}

    def failing_download(repo: str, **kwargs: object) -> str:
        # diffusers logs "Couldn't connect to the Hub: …" here, through its own stderr handler
        during.update({name: logging.getLogger(name).getEffectiveLevel() for name in before})
        during["bars off"] = are_progress_bars_disabled()
        raise OSError("We couldn't connect to 'https://huggingface.co' to load the files, and couldn't find them " * 4)

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(diffusers.DiffusionPipeline, "download", failing_download)
    result = cli("models", "pull", "sd15-inpaint")
    assert result.code == 5
    (line,) = result.err.strip().splitlines()  # no library lines before it
    assert line.startswith("error: could not download stable-diffusion-v1-5/stable-diffusion-inpainting: OSError:")
    assert "couldn't find…; check the network" in line or "…; check the network" in line
    assert during == {
        "diffusers": logging.ERROR,
        "huggingface_hub": logging.ERROR,
        "transformers": logging.ERROR,
        "bars off": True,
    }
    assert {name: logging.getLogger(name).level for name in before} == before  # put back afterwards
    assert not are_progress_bars_disabled()


def test_download_progress_counts_partial_blobs(tmp_path: Path) -> None:
    from editree.cli.cmd_models import folder_bytes

    assert folder_bytes(tmp_path / "missing") == 0
    (tmp_path / "done").write_bytes(b"x" * 1000)
    (tmp_path / "next.incomplete").write_bytes(b"x" * 234)  # what the hub writes while a file is on its way
    (tmp_path / "sub").mkdir()
    assert folder_bytes(tmp_path) == 1234
