"""A remote step end to end, through the CLI and the official SDKs, against loopback services that drift like the
real ones: the output equals the input outside the effective mask byte for byte, and the model's edit lands where
the model put it, in the input's frame."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.image_io import read_metadata
from tests.remote.conftest import GEMINI_KEY, OPENAI_KEY, TARGET, disk_centre, model_flag, target_mask
from tests.remote.fake_services import Drift, FakeGemini, FakeOpenAI

REPLACE = "replace the sign with a magenta ball"
SIGN = f"sign={','.join(map(str, TARGET))}"


def _edit(cli, photo: Path, out: Path, service, *extra: str):
    return cli("edit", str(photo), REPLACE, "--region", SIGN, "--model", model_flag(service), "-o", str(out), *extra)


@pytest.mark.parametrize(
    "drift",
    [
        Drift(),
        Drift(zoom=0.98, shift=(-4.0, 6.0), gain=(0.92, 0.95, 1.06), offset=(8.0, 0.0, -5.0)),
        Drift(zoom=1.04, shift=(7.0, 3.0), rotation=1.0),
    ],
    ids=["zoom3-shift", "zoom-2-relit", "zoom4-turned"],
)
def test_outside_the_mask_is_the_input_and_the_edit_lands_within_a_pixel(
    cli, make_service, marked: np.ndarray, marked_png: Path, tmp_path: Path, drift: Drift
) -> None:
    service = make_service(d=drift)
    out = tmp_path / "out.png"
    result = _edit(cli, marked_png, out, service)
    assert result.code == 0, result.err
    edited = np.array(Image.open(out).convert("RGB"))
    outside = ~target_mask(marked.shape)
    assert np.array_equal(edited[outside], marked[outside])  # byte for byte, though the reply moved every pixel
    x0, y0, x1, y1 = TARGET
    cx, cy, size = disk_centre(edited)
    assert size > 100
    assert abs(cx - (x0 + x1 - 1) / 2) <= 1.0 and abs(cy - (y0 + y1 - 1) / 2) <= 1.0


def test_a_raw_reply_would_have_moved_everything(make_service, marked: np.ndarray) -> None:
    """The baseline the guarantees are measured against: what the service returns differs from the input
    everywhere once resized back, so the exact match above is editree's doing."""
    import cv2

    from tests.remote.fake_services import drift, paint_over_marker

    raw = drift(paint_over_marker(marked), (1184, 864), Drift())
    back = cv2.resize(raw, (marked.shape[1], marked.shape[0]), interpolation=cv2.INTER_AREA)
    outside = ~target_mask(marked.shape)
    assert (np.abs(back.astype(int) - marked.astype(int)).max(axis=2)[outside] > 2).mean() > 0.5


def test_provenance_records_model_ids_and_alignment(cli, make_service, marked_png: Path, tmp_path: Path) -> None:
    service = make_service(["429"])
    out = tmp_path / "out.png"
    assert _edit(cli, marked_png, out, service).code == 0
    meta = read_metadata(out)
    step = meta["steps"][0]
    assert step["engine"] == "remote"
    remote = step["remote"]
    assert remote["engine"] == service.kind and remote["requests"] == 2  # a 429, then the answer
    if service.kind == "gemini":
        assert remote["model_version"] == "gemini-2.5-flash-image-fake-001"
        assert remote["response_ids"] == ["gemini-response-2"] and isinstance(remote["seed"], int)
    else:
        assert remote["model_version"] == "gpt-image-1-fake" and remote["response_ids"] == ["req_0002"]
        assert remote["seed"] is None  # the Images API takes none
    alignment = remote["alignment"]
    assert alignment["residual_px"] is not None and alignment["residual_px"] < 2.0
    assert abs(alignment["scale"] - 1 / 1.03) < 0.003  # the fake zoomed by 3 %: undone
    assert alignment["correlation"] > 0.9
    assert meta["models"]["remote"]["model"] == model_flag(service)
    assert meta["models"]["remote"]["ops"] == ["replace"]
    assert meta["versions"].get("google-genai" if service.kind == "gemini" else "openai")


def test_gemini_wire_format(cli, marked_png: Path, tmp_path: Path) -> None:
    with FakeGemini(GEMINI_KEY) as service:
        assert _edit(cli, marked_png, tmp_path / "out.png", service).code == 0
        (request,) = service.received
    assert request.path == "/v1beta/models/gemini-2.5-flash-image:generateContent"
    assert request.headers["x-goog-api-key"] == GEMINI_KEY  # the key travels in the header only
    h, w = request.image.shape[:2]
    assert abs(w / h - 1.0) < 0.01 or abs(w / h - 4 / 3) < 0.02  # widened toward an aspect the API answers in
    assert "with a magenta ball" in request.prompt and "do not crop, zoom, shift, rotate or relight" in request.prompt
    assert "% of its width" in request.prompt  # a box has no name: where it is, in words


def test_gemini_sends_a_crop_with_context_for_a_small_region(cli, marked: np.ndarray, tmp_path: Path) -> None:
    big = np.ascontiguousarray(np.tile(marked, (3, 3, 1)))  # 1536×1152 with the marker at its old place
    photo = tmp_path / "big.png"
    Image.fromarray(big).save(photo)
    with FakeGemini(GEMINI_KEY) as service:
        out = tmp_path / "out.png"
        assert _edit(cli, photo, out, service).code == 0
        (request,) = service.received
    sent_h, sent_w = request.image.shape[:2]
    assert sent_w * sent_h < 0.2 * big.shape[0] * big.shape[1]  # a crop, not the whole frame
    sent = read_metadata(out)["steps"][0]["remote"]["sent"]
    x0, y0, x1, y1 = sent["box"]
    tx0, ty0, tx1, ty1 = TARGET
    assert x0 < tx0 and y0 < ty0 and x1 > tx1 and y1 > ty1 and not sent["whole_frame"]
    edited = np.array(Image.open(out).convert("RGB"))
    outside = ~target_mask(big.shape)
    assert np.array_equal(edited[outside], big[outside])
    cx, cy, _ = disk_centre(edited)
    assert abs(cx - 319.5) <= 1.0 and abs(cy - 169.5) <= 1.0


def test_openai_wire_format_sends_the_effective_mask(cli, marked_png: Path, tmp_path: Path) -> None:
    with FakeOpenAI(OPENAI_KEY) as service:
        assert _edit(cli, marked_png, tmp_path / "out.png", service).code == 0
        (request,) = service.received
    assert request.path == "/v1/images/edits" and request.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert request.fields["model"] == "gpt-image-1" and request.fields["size"] in ("1024x1024", "1536x1024")
    assert request.mask.shape == request.image.shape[:2]
    green = (request.image[..., 1] > 200) & (request.image[..., 0] < 60) & (request.image[..., 2] < 60)
    assert (request.mask[green] == 0).mean() > 0.95  # transparent where the model may paint
    assert (request.mask[~green] == 255).mean() > 0.95


def test_keep_constraints_are_said_and_hold(cli, make_service, marked: np.ndarray, tmp_path: Path) -> None:
    """A kept region overlapping the target: its pixels stay the input's, and the prompt says so in words."""
    photo = tmp_path / "photo.png"
    Image.fromarray(marked).save(photo)
    service = make_service()
    out = tmp_path / "out.png"
    result = cli(
        "edit",
        str(photo),
        "keep the badge unchanged and replace the sign with a magenta ball",
        "--region",
        SIGN,
        "--region",
        "badge=300,150,320,170",
        "--model",
        model_flag(service),
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    edited = np.array(Image.open(out).convert("RGB"))
    effective = target_mask(marked.shape)
    effective[150:170, 300:320] = False
    assert np.array_equal(edited[~effective], marked[~effective])
    assert "Keep the badge exactly as it is." in service.received[0].prompt


def test_whole_frame_restyle_is_aligned_too(
    cli, make_service, marked: np.ndarray, marked_png: Path, tmp_path: Path
) -> None:
    service = make_service()
    out = tmp_path / "out.png"
    result = cli(
        "edit",
        str(marked_png),
        "make it look like a watercolor painting",
        "--model",
        model_flag(service),
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    meta = read_metadata(out)
    remote = meta["steps"][0]["remote"]
    assert remote["sent"]["whole_frame"] and remote["sent"]["box"] == [0, 0, 512, 384]
    edited = np.array(Image.open(out).convert("RGB"))
    cx, cy, _ = disk_centre(edited)
    assert abs(cx - 319.5) <= 1.0 and abs(cy - 169.5) <= 1.0
    assert "Make the whole picture look like watercolor painting." in service.received[0].prompt


def test_dry_run_counts_remote_calls_and_sends_nothing(cli, tmp_path: Path, marked_png: Path) -> None:
    with FakeGemini(GEMINI_KEY) as service:
        plan = {
            "version": 1,
            "instruction": "x",
            "lang": "en",
            "constraints": [],
            "steps": [
                {
                    "kind": "edit",
                    "op": "replace",
                    "target": {"kind": "box", "box": list(TARGET)},
                    "args": {"prompt": "a ball"},
                },
                {
                    "kind": "if",
                    "cond": {"kind": "image_is", "property": "dark"},
                    "then": [
                        {"kind": "edit", "op": "edit", "target": {"kind": "all"}, "args": {"instruction": "add stars"}}
                    ],
                    "else": [],
                },
                {
                    "kind": "edit",
                    "op": "adjust",
                    "target": {"kind": "all"},
                    "args": {"property": "warmth", "amount": 0.3},
                },
            ],
        }
        plan_file = tmp_path / "plan.json"
        plan_file.write_text(json.dumps(plan))
        result = cli("edit", str(marked_png), "--plan", str(plan_file), "--model", model_flag(service), "--dry-run")
        assert result.code == 0, result.err
        assert "dry run: remote: 1 to 2 calls to gemini:gemini-2.5-flash-image" in result.out
        assert service.received == []
    assert not (tmp_path / "photo_edited.png").exists()


def test_chinese_requests_reach_the_model_as_written(
    cli, make_service, marked: np.ndarray, marked_png: Path, tmp_path: Path
) -> None:
    """Both hosted models read Chinese: what the planner translated goes as the user wrote it."""
    service = make_service()
    out = tmp_path / "out.png"
    region = f"招牌={','.join(map(str, TARGET))}"
    result = cli(
        "edit",
        str(marked_png),
        "把招牌换成一个洋红色的球",
        "--region",
        region,
        "--model",
        model_flag(service),
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    assert "with 一个洋红色的球." in service.received[0].prompt
    edited = np.array(Image.open(out).convert("RGB"))
    outside = ~target_mask(marked.shape)
    assert np.array_equal(edited[outside], marked[outside])
