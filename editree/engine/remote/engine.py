"""A generative step on a hosted model, under the same guarantees as a local one.

1. Frame: the whole canvas, or a crop with context around a small target (framing.py).
2. Ask: the crop as PNG, a prompt written for an editing model (prompt.py), and for OpenAI the mask; rate-limited
   and retried on 429/5xx (transport.py). The key goes only into the request's header.
3. Distrust: the reply is decoded by the guarded loader (reply.py) and fitted back onto the crop, on the pixels
   outside the target (align.py): resized from the API's fixed size, its shift, zoom and small turn undone. A reply
   that cannot be fitted is asked for once more, then the step fails with the residual.
4. Blend: its colour is matched to the picture around the target (seam.py), and it is returned inside the crop;
   the executor composites it through the exact effective mask, so every pixel outside stays the canvas's own.

Everything a reader needs to judge the step (model and the version the server reported, response ids, the
transform and residual, the colour correction) goes into the step's provenance; the key never does.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from editree.engine.op_output import OpOutput
from editree.engine.options import EngineOptions
from editree.engine.remote.align import Alignment, AlignmentError, align
from editree.engine.remote.framing import Framing, frame
from editree.engine.remote.prompt import write_prompt
from editree.engine.remote.settings import api_key, remote_settings
from editree.engine.remote.spec import RemoteSpec, step_spec
from editree.engine.remote.transport import Attempts, Failure, Reply, as_error, with_retries
from editree.errors import EngineError
from editree.ops import Edit
from editree.ops import regions as r

ALIGN_TRIES = 2
"""Requests per step when replies cannot be aligned: one more try with another seed, then the step fails."""
ANCHOR_MARGIN = 0.02
"""Pixels this close to the target (as a fraction of the crop's longer side, at least 3) are not fitted on: the
model's edit may spill a little past its region."""


def remote_op(
    canvas: np.ndarray,
    mask: np.ndarray,
    args: Any,
    rng: np.random.Generator,
    options: EngineOptions,
    step: Edit,
    keeps: tuple[r.Region, ...] = (),
    reference: np.ndarray | None = None,
) -> OpOutput:
    """canvas uint8 H×W×3, mask float32 H×W (> 0 may change) -> the canvas with the aligned, colour-matched
    reply inside the sent crop, and the step's record."""
    spec = step_spec(step, options.model, options.instruct_model)
    if spec is None:  # registry.choose() only picks this engine when a remote model is named
        raise EngineError(f"{step.op}: no remote model named (--model gemini:NAME or openai:NAME)")
    settings = remote_settings(options, spec)
    key, key_variable = api_key(spec, settings)
    provider = _provider(spec)

    target = mask > 0
    framing = frame(mask, spec.info.sizes, options.context, whole_frame=isinstance(step.target, r.AllRegion))
    x0, y0, x1, y1 = framing.box
    crop = np.ascontiguousarray(canvas[y0:y1, x0:x1])
    crop_target = target[y0:y1, x0:x1]
    sent = _resized(crop, framing.send_size)
    prompt = write_prompt(step, keeps, _target_box(crop_target), framing.whole)
    image_png = _png(sent)
    mask_png = (
        _alpha_mask(crop_target, framing.send_size, grow=step.op == "remove") if spec.provider == "openai" else None
    )
    anchors = _anchors(crop_target)

    provider.ready(key, settings)
    seed = int(rng.integers(0, 2**31 - 1))
    attempts = Attempts()
    response_ids: list[str] = []
    failure: AlignmentError | None = None
    for attempt in range(ALIGN_TRIES):
        try_seed = seed + attempt
        reply: Reply = with_retries(
            lambda s=try_seed: provider.send(spec, settings, key, image_png, prompt, framing.aspect, s, mask_png),
            spec.text,
            settings,
            attempts,
            key_variable,
        )
        if reply.meta.get("response_id"):
            response_ids.append(str(reply.meta["response_id"]))
        picture = _decode(reply, spec, attempts)
        try:
            alignment = align(crop, picture, anchors)
        except AlignmentError as exc:
            failure = exc
            continue
        break
    else:
        assert failure is not None
        raise EngineError(
            f"{spec.text}: the reply could not be fitted back onto the picture after {ALIGN_TRIES} requests "
            f"({failure}); the model moved or redrew what should have stayed, so nothing was pasted. Try a smaller "
            "region, or another model"
        )

    from editree.engine.remote.seam import match_colour

    aligned = alignment.warp(picture)
    matched, colour = match_colour(crop, aligned, crop_target)
    out = canvas.copy()
    out[y0:y1, x0:x1] = matched
    record = _record(spec, settings.url, reply, response_ids, attempts, try_seed, framing, picture, alignment)
    record["colour"] = colour.record()
    record["prompt"] = prompt
    return OpOutput(out, details={"remote": record})


def _provider(spec: RemoteSpec) -> Any:
    if spec.provider == "gemini":
        from editree.engine.remote import gemini

        return gemini
    from editree.engine.remote import openai_images

    return openai_images


def _decode(reply: Reply, spec: RemoteSpec, attempts: Attempts) -> np.ndarray:
    from editree.engine.remote.reply import decode_reply

    try:
        return decode_reply(reply.data, reply.mime)
    except Failure as failure:
        raise as_error(failure, spec.text, attempts.tries) from None


def _resized(picture: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    import cv2

    if (picture.shape[1], picture.shape[0]) == size:
        return picture
    return cv2.resize(picture, size, interpolation=cv2.INTER_AREA)


def _png(rgb: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def _alpha_mask(target: np.ndarray, size: tuple[int, int], grow: bool) -> bytes:
    """OpenAI's mask: an RGBA PNG the size of the picture, transparent (alpha 0) where the model may paint."""
    import cv2
    from PIL import Image

    may_paint = cv2.resize(target.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST)
    if grow:  # what is removed should not leave its outline behind
        may_paint = cv2.dilate(may_paint, np.ones((9, 9), np.uint8))
    rgba = np.zeros((size[1], size[0], 4), np.uint8)
    rgba[..., 3] = np.where(may_paint > 0, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buffer, format="PNG")
    return buffer.getvalue()


def _anchors(target: np.ndarray) -> np.ndarray:
    """Pixels the model should have left alone, a margin away from the target: what the fit is made on."""
    import cv2

    h, w = target.shape
    margin = max(3, round(ANCHOR_MARGIN * max(h, w)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * margin + 1, 2 * margin + 1))
    return cv2.dilate(target.astype(np.uint8), kernel) == 0


def _target_box(target: np.ndarray) -> tuple[float, float, float, float] | None:
    """The target's box in fractions of the crop, or None when it is (nearly) all of it."""
    if target.mean() > 0.95:
        return None
    ys, xs = np.nonzero(target)
    h, w = target.shape
    return xs.min() / w, ys.min() / h, (xs.max() + 1) / w, (ys.max() + 1) / h


def _record(
    spec: RemoteSpec,
    url: str | None,
    reply: Reply,
    response_ids: list[str],
    attempts: Attempts,
    seed: int,
    framing: Framing,
    picture: np.ndarray,
    alignment: Alignment,
) -> dict[str, Any]:
    from editree.engine.remote.settings import safe_url

    return {
        "engine": spec.provider,
        "model": spec.model,
        "model_version": reply.meta.get("model_version"),
        "url": safe_url(url),
        "response_ids": response_ids,
        "requests": attempts.tries,
        "waited_s": round(attempts.waited, 3),
        "seed": seed if spec.info.seed else None,
        "sent": {
            "box": list(framing.box),
            "size": list(framing.send_size),
            "aspect": framing.aspect,
            "whole_frame": framing.whole,
            "mask": spec.provider == "openai",
        },
        "reply_size": [int(picture.shape[1]), int(picture.shape[0])],
        "alignment": alignment.record(),
    }
