"""What part of the canvas a remote step sends, and at what size.

A small region goes as a crop around it with context on every side: the model spends its fixed output size on the
region (more detail), the upload is smaller (less cost), and the context left around the target is what the reply
is aligned on. The crop is widened toward the nearest aspect ratio the API answers in, so its fixed-size reply is
stretched as little as possible. A large region, or one spread over the frame, sends the whole canvas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WHOLE_FRAME_SHARE = 0.35
"""A target whose box covers more than this share of the canvas sends the whole canvas."""
MIN_CROP_SIDE = 384
"""A crop is at least this many pixels on each side (or the whole canvas, when smaller)."""


@dataclass(frozen=True)
class Framing:
    box: tuple[int, int, int, int]
    """x0, y0, x1, y1 (end-exclusive) of what is sent, in canvas pixels."""
    aspect: str
    """The API's aspect ratio nearest the box's, asked for (Gemini) or picked as the output size (OpenAI)."""
    send_size: tuple[int, int]
    """(width, height) the crop is resized to before sending (never larger than the crop)."""
    whole: bool

    @property
    def size(self) -> tuple[int, int]:
        x0, y0, x1, y1 = self.box
        return x1 - x0, y1 - y0


def _nearest_aspect(width: int, height: int, sizes: dict[str, tuple[int, int]]) -> str:
    ratio = width / height
    return min(sizes, key=lambda name: abs(np.log(ratio / (sizes[name][0] / sizes[name][1]))))


def frame(mask: np.ndarray, sizes: dict[str, tuple[int, int]], context: float, whole_frame: bool = False) -> Framing:
    """The framing for a step whose effective mask is `mask` (H×W, > 0 where it may change)."""
    h, w = mask.shape
    ys, xs = np.nonzero(mask > 0)
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    if whole_frame or (x1 - x0) * (y1 - y0) > WHOLE_FRAME_SHARE * w * h:
        return _framing((0, 0, w, h), sizes, True)
    pad_x = max(round((x1 - x0) * context), (MIN_CROP_SIDE - (x1 - x0) + 1) // 2, 8)
    pad_y = max(round((y1 - y0) * context), (MIN_CROP_SIDE - (y1 - y0) + 1) // 2, 8)
    box = [x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y]
    # Toward the API's nearest aspect ratio: grow the short side (never shrink: the context must stay).
    aspect = _nearest_aspect(box[2] - box[0], box[3] - box[1], sizes)
    target_ratio = sizes[aspect][0] / sizes[aspect][1]
    bw, bh = box[2] - box[0], box[3] - box[1]
    if bw / bh < target_ratio:
        grow = round(bh * target_ratio) - bw
        box[0] -= grow // 2
        box[2] += grow - grow // 2
    else:
        grow = round(bw / target_ratio) - bh
        box[1] -= grow // 2
        box[3] += grow - grow // 2
    box = _inside(box, w, h)
    if (box[2] - box[0]) * (box[3] - box[1]) > 0.8 * w * h:
        return _framing((0, 0, w, h), sizes, True)
    return _framing(tuple(box), sizes, False)  # type: ignore[arg-type]


def _inside(box: list[int], w: int, h: int) -> list[int]:
    """Shift the box into the canvas; cut it only where it is larger than the canvas."""
    x0, y0, x1, y1 = box
    if x1 - x0 >= w:
        x0, x1 = 0, w
    else:
        shift = max(0, -x0) - max(0, x1 - w)
        x0, x1 = x0 + shift, x1 + shift
    if y1 - y0 >= h:
        y0, y1 = 0, h
    else:
        shift = max(0, -y0) - max(0, y1 - h)
        y0, y1 = y0 + shift, y1 + shift
    return [x0, y0, x1, y1]


def _framing(box: tuple[int, int, int, int], sizes: dict[str, tuple[int, int]], whole: bool) -> Framing:
    width, height = box[2] - box[0], box[3] - box[1]
    aspect = _nearest_aspect(width, height, sizes)
    out_w, out_h = sizes[aspect]
    # Never upload more than the API works at (it would shrink it anyway), never enlarge a small crop.
    scale = min(1.0, 1.5 * max(out_w, out_h) / max(width, height))
    send = (max(1, round(width * scale)), max(1, round(height * scale)))
    return Framing(box, aspect, send, whole)
