"""How a remote step fails: one line naming the cause and the fix, a non-zero exit, no output file, and the key in
no message, log or file. The loopback services misbehave the way the hosted ones do."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata
from tests.remote.conftest import GEMINI_KEY, OPENAI_KEY, TARGET, model_flag
from tests.remote.fake_services import FakeGemini, FakeOpenAI

REPLACE = "replace the sign with a magenta ball"
SIGN = f"sign={','.join(map(str, TARGET))}"
KEYS = (GEMINI_KEY, OPENAI_KEY)


def _edit(cli, photo: Path, out: Path, flag: str, *extra: str):
    return cli("edit", str(photo), REPLACE, "--region", SIGN, "--model", flag, "-o", str(out), *extra)


def _failed(result, out: Path, code: int, *words: str) -> str:
    """The run failed as a user should see it; returns the error line."""
    assert result.code == code, (result.code, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err  # one line, no traceback
    assert "Traceback" not in result.err and not out.exists()
    assert not list(out.parent.glob(f".{out.name}*")) and not list(out.parent.glob(f"{out.stem}*.tmp"))
    for word in words:
        assert word in lines[0], lines[0]
    for key in KEYS:
        assert key not in result.err and key not in result.out and key[-8:] not in result.err
    return lines[0]


@pytest.mark.parametrize(
    ("behaviour", "code", "words"),
    [
        ("safety", 1, ("rephrase the request",)),
        ("nonimage", 1, ("returned", "image")),
        ("huge", 1, ("50 MP", "refused unread")),
        ("auth", 5, ("refused the API key",)),
        ("recompose", 1, ("could not be fitted back", "after 2 requests", "nothing was pasted")),
    ],
)
def test_a_bad_answer_fails_the_step_in_one_line(
    cli, make_service, marked_png: Path, tmp_path: Path, behaviour: str, code: int, words: tuple[str, ...]
) -> None:
    service = make_service([behaviour, behaviour])
    out = tmp_path / "out.png"
    line = _failed(_edit(cli, marked_png, out, model_flag(service)), out, code, *words)
    assert line.startswith("error: ") and f"{service.kind}:" in line
    if behaviour == "auth":  # named by the variable that holds the key
        assert ("GEMINI_API_KEY" if service.kind == "gemini" else "OPENAI_API_KEY") in line
        assert len(service.received) == 1  # a refused key is not retried
    assert service.errors == []


def test_a_wrong_key_is_named_by_its_variable_and_never_echoed(
    cli, make_service, marked_png: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fake OpenAI echoes the key it got (as the real one does, partly); the message must not."""
    service = make_service()
    wrong = "sk-wrong-key-do-not-print-4242"
    monkeypatch.setenv("GEMINI_API_KEY" if service.kind == "gemini" else "OPENAI_API_KEY", wrong)
    out = tmp_path / "out.png"
    result = _edit(cli, marked_png, out, model_flag(service))
    line = _failed(result, out, 5, "refused the API key")
    assert wrong not in line and wrong[-12:] not in line


def test_server_errors_are_retried_then_reported(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    service = make_service(["500"] * 4)
    out = tmp_path / "out.png"
    _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "server failed", "HTTP 500", "after 4 tries")
    assert len(service.received) == 4  # the first try and EDITREE_REMOTE_RETRIES=3 more


def test_500_then_success_is_one_edit(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    service = make_service(["500", "429"])
    out = tmp_path / "out.png"
    result = _edit(cli, marked_png, out, model_flag(service))
    assert result.code == 0, result.err
    assert read_metadata(out)["steps"][0]["remote"]["requests"] == 3


def test_a_timeout_fails_without_waiting_for_the_late_answer(
    cli, make_service, marked_png: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITREE_REMOTE_TIMEOUT", "1")
    service = make_service(["slow"], slow=4.0)
    out = tmp_path / "out.png"
    line = _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "no answer within 1 s")
    assert "EDITREE_REMOTE_TIMEOUT" in line
    assert len(service.received) == 1  # a timeout is not retried


def test_a_missing_key_fails_before_any_request(
    cli, make_service, marked_png: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_service()
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    flag = model_flag(service).split("@")[0]  # the hosted API itself: it always wants a key
    out = tmp_path / "out.png"
    wanted = "GEMINI_API_KEY or GOOGLE_API_KEY" if service.kind == "gemini" else "OPENAI_API_KEY"
    _failed(_edit(cli, marked_png, out, flag), out, 5, "needs an API key", f"set {wanted}")
    assert service.received == []


def test_the_config_file_names_the_key_variable(
    cli, make_service, marked_png: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_service()
    real = GEMINI_KEY if service.kind == "gemini" else OPENAI_KEY
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MY_IMAGE_KEY", real)
    config = tmp_path / "config.toml"
    config.write_text('[remote]\napi_key_env = "MY_IMAGE_KEY"\n')
    monkeypatch.setenv("EDITREE_CONFIG", str(config))
    out = tmp_path / "out.png"
    result = _edit(cli, marked_png, out, model_flag(service))
    assert result.code == 0, result.err
    assert service.received[0].headers.get("x-goog-api-key", service.received[0].headers.get("authorization", ""))
    assert real not in out.read_bytes().decode("latin-1")


def test_gemini_blocked_prompt_and_text_only_answer(cli, marked_png: Path, tmp_path: Path) -> None:
    with FakeGemini(GEMINI_KEY, ["blocked", "text"]) as service:
        out = tmp_path / "out.png"
        _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "blockReason PROHIBITED_CONTENT")
        _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "answered with text instead of an image")


def test_gemini_image_safety_names_the_reason(cli, marked_png: Path, tmp_path: Path) -> None:
    with FakeGemini(GEMINI_KEY, ["safety"]) as service:
        out = tmp_path / "out.png"
        _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "finishReason IMAGE_SAFETY")


def test_openai_moderation_and_url_answers(cli, marked_png: Path, tmp_path: Path) -> None:
    with FakeOpenAI(OPENAI_KEY, ["safety", "url"]) as service:
        out = tmp_path / "out.png"
        _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "moderation", "moderation_blocked")
        _failed(_edit(cli, marked_png, out, model_flag(service)), out, 1, "does not fetch URLs")
        assert len(service.received) == 2


def test_an_unreachable_server_is_one_line(cli, marked_png: Path, tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "out.png"
    flag = f"openai:gpt-image-1@http://127.0.0.1:{port}/v1"
    _failed(_edit(cli, marked_png, out, flag, "--seed", "1"), out, 1, "cannot reach http://127.0.0.1")


def test_the_input_is_never_overwritten_on_failure(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    before = marked_png.read_bytes()
    service = make_service(["safety"])
    result = cli("edit", str(marked_png), REPLACE, "--region", SIGN, "--model", model_flag(service), "--in-place")
    assert result.code != 0
    assert marked_png.read_bytes() == before


def test_batch_records_one_failure_and_goes_on(cli, marked: np.ndarray, tmp_path: Path) -> None:
    """Three images, two workers; the one whose picture the service refuses fails, the others are edited."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        picture = marked.copy()
        if name == "b":  # a pure blue patch beside the target: the fake refuses pictures that carry it
            picture[120:140, 280:300] = (0, 0, 255)
        Image.fromarray(picture).save(folder / f"{name}.png")

    def choose(image: np.ndarray | None) -> str | None:
        blue = image is not None and int(((image[..., 2] > 220) & (image[..., :2].max(axis=2) < 30)).sum()) > 50
        return "safety" if blue else None

    with FakeGemini(GEMINI_KEY, choose=choose) as service:
        out = tmp_path / "out"
        result = cli(
            "batch", str(folder), REPLACE, "--region", SIGN, "--model", model_flag(service), "-o", str(out),
            "--jobs", "2", "--json",
        )  # fmt: skip
    assert result.code == 1
    events = [json.loads(line) for line in result.out.splitlines() if line.startswith("{")]
    status = {e["input"]: e for e in events if e["kind"] == "image"}
    assert {k: v["status"] for k, v in status.items()} == {"a.png": "done", "b.png": "failed", "c.png": "done"}
    assert "IMAGE_SAFETY" in status["b.png"]["error"] and "\n" not in status["b.png"]["error"]
    assert (out / "a.png").exists() and (out / "c.png").exists() and not (out / "b.png").exists()
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("latin-1")
            assert GEMINI_KEY not in text and OPENAI_KEY not in text
