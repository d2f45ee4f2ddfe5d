"""A remote model's picture is untrusted input: checked and decoded by the same guarded loader as the user's files.

The bytes are written to a private temporary file and read with `image_io.load_image`, whose checks (decompression
bombs, truncated data, formats Pillow does not know) are the ones every input passes. Before that, the header alone
is read to refuse a picture too large for any reply (a 50-megapixel answer to a one-megapixel request is a fault,
not an edit) with a message about the reply rather than about a file the user never saw.
"""

from __future__ import annotations

import io
import os
import tempfile

import numpy as np

from editree.engine.remote.transport import Failure

MAX_REPLY_PIXELS = 40_000_000
"""No image model answers with more (Gemini's largest is 4K, 16.8 MP)."""
MIN_REPLY_SIDE = 32


def decode_reply(data: bytes, mime: str | None) -> np.ndarray:
    """uint8 H×W×3 RGB from a reply's image bytes; raises Failure("reply", …) for anything else."""
    from PIL import Image, UnidentifiedImageError

    from editree.engine.depth import to_8bit
    from editree.engine.image_io import load_image
    from editree.errors import ImageError

    if mime and not mime.lower().startswith("image/"):
        raise Failure("reply", f"returned a non-image payload ({mime}, {len(data)} bytes) instead of a picture")
    if not data:
        raise Failure("reply", "returned an empty image")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Failure(
            "reply", f"returned {len(data)} bytes{f' labelled {mime}' if mime else ''} that are not a readable image"
        ) from None
    if width * height > MAX_REPLY_PIXELS:
        raise Failure(
            "reply",
            f"returned a {width}x{height} image ({width * height / 1e6:.0f} MP), larger than any edit reply "
            f"({MAX_REPLY_PIXELS / 1e6:.0f} MP at most); refused unread",
        )
    if min(width, height) < MIN_REPLY_SIDE:
        raise Failure("reply", f"returned a {width}x{height} image, too small to be the edited picture")
    with tempfile.TemporaryDirectory(prefix="editree-reply-") as folder:
        path = os.path.join(folder, "reply")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            loaded = load_image(path, max_pixels=MAX_REPLY_PIXELS)
        except ImageError as exc:
            detail = str(exc).replace(path, "the reply").removeprefix("the reply: ")
            raise Failure("reply", f"returned an image that cannot be used: {detail}") from None
    return np.ascontiguousarray(to_8bit(loaded.rgb))
