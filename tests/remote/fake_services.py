"""Loopback servers that speak the real wire formats of the hosted image-editing APIs, and misbehave like them.

Gemini: `POST /v1beta/models/{model}:generateContent`, JSON with inline image parts, answered with candidates that
carry inline image data (or a safety finishReason, a text-only answer, …). OpenAI: `POST /v1/images/edits`,
multipart with the image and mask files, answered with `b64_json` data. Both are reached through the official SDKs'
base-URL settings, exactly as a user's proxy or compatible server would be.

Like the real services, a good answer is not the input with an edit: it is redrawn at the API's fixed size for the
aspect ratio, shifted by a few pixels, zoomed by a few percent and relit; the "edit" is a magenta disk painted over
the pure green marker the test puts in its target region (where the server finds it in what it was sent).
"""

from __future__ import annotations

import base64
import io
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import cv2
import numpy as np
from PIL import Image

GEMINI_SIZES = {
    "1:1": (1024, 1024),
    "2:3": (832, 1248),
    "3:2": (1248, 832),
    "3:4": (864, 1184),
    "4:3": (1184, 864),
    "4:5": (896, 1152),
    "5:4": (1152, 896),
    "9:16": (768, 1344),
    "16:9": (1344, 768),
    "21:9": (1536, 672),
}
MAGENTA = (255, 0, 255)


@dataclass
class Drift:
    zoom: float = 1.03
    shift: tuple[float, float] = (5.0, -3.0)
    """Pixels, in the reply's own frame."""
    rotation: float = 0.0
    gain: tuple[float, float, float] = (1.08, 1.04, 0.97)
    offset: tuple[float, float, float] = (-6.0, 2.0, 5.0)


def drift(picture: np.ndarray, size: tuple[int, int], d: Drift) -> np.ndarray:
    """What a hosted model does to a frame it was asked to keep: resize to its fixed size, zoom and shift about
    the centre, relight."""
    w, h = size
    out = cv2.resize(picture, (w, h), interpolation=cv2.INTER_CUBIC)
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), d.rotation, d.zoom)
    matrix[:, 2] += d.shift
    out = cv2.warpAffine(out, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    lit = out.astype(np.float32) * np.float32(d.gain) + np.float32(d.offset)
    return np.clip(np.rint(lit), 0, 255).astype(np.uint8)


def paint_over_marker(picture: np.ndarray) -> np.ndarray:
    """A magenta disk centred on the pure green marker, if the picture has one (the 'edit')."""
    green = (picture[..., 1] > 200) & (picture[..., 0] < 60) & (picture[..., 2] < 60)
    out = picture.copy()
    if green.sum() < 4:
        return out
    ys, xs = np.nonzero(green)
    radius = max(3, round(0.3 * (xs.max() - xs.min() + 1)))
    cx, cy = xs.mean(), ys.mean()
    yy, xx = np.mgrid[: picture.shape[0], : picture.shape[1]]
    out[(xx - cx) ** 2 + (yy - cy) ** 2 <= radius**2] = MAGENTA
    return out


def png(picture: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


_HUGE: bytes | None = None


def huge_png() -> bytes:
    """A 50-megapixel PNG (small on the wire: one colour)."""
    global _HUGE
    if _HUGE is None:
        buffer = io.BytesIO()
        Image.new("RGB", (7072, 7072), (40, 90, 160)).save(buffer, format="PNG", compress_level=1)
        _HUGE = buffer.getvalue()
    return _HUGE


def unrelated(size: tuple[int, int]) -> np.ndarray:
    rng = np.random.default_rng(7)
    return rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    image: np.ndarray | None
    prompt: str | None
    mask: np.ndarray | None = None
    fields: dict[str, str] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    """When the request arrived."""


class FakeService:
    """A threaded HTTP server on 127.0.0.1. `script` lists what each request gets, in order ("ok" after the
    last): ok, 429, 500, slow, safety, blocked, text, nonimage, huge, auth, recompose, url."""

    kind = "base"

    def __init__(
        self,
        key: str,
        script: list[str] | None = None,
        d: Drift | None = None,
        slow: float = 3.0,
        choose: Callable[[np.ndarray | None], str | None] | None = None,
    ) -> None:
        self.key = key
        self.choose = choose
        """Picks the behaviour from the picture received (None: the script's), for batches in parallel."""
        self.script = list(script or [])
        self.drift = d or Drift()
        self.slow = slow
        self.received: list[Received] = []
        self.errors: list[str] = []
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                try:
                    status, payload, headers = service.answer(self.path, dict(self.headers), body)
                except Exception as exc:  # a bug of the fake itself: kept for the test to show
                    service.errors.append(repr(exc))
                    status, payload, headers = 599, json.dumps({"error": repr(exc)}).encode(), {}
                if status == 0:  # "slow": answer late, after the client has given up
                    time.sleep(service.slow)
                    status = 200
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeService:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def next_behaviour(self, image: np.ndarray | None = None) -> str:
        if self.choose is not None and (chosen := self.choose(image)):
            return chosen
        with self.lock:
            return self.script.pop(0) if self.script else "ok"

    def edited(self, image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
        return drift(paint_over_marker(image), size, self.drift)

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        raise NotImplementedError


class FakeGemini(FakeService):
    kind = "gemini"

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        match = re.fullmatch(r"/v1beta/models/([^/:]+):generateContent", path)
        if not match:
            return 404, _google_error(404, "NOT_FOUND", f"no route {path}"), {}
        request = json.loads(body)
        parts = request["contents"][0]["parts"]
        image = prompt = None
        for part in parts:
            blob = part.get("inlineData") or part.get("inline_data")
            if blob:
                raw = base64.b64decode(blob["data"].replace("-", "+").replace("_", "/"))  # the SDK sends base64url
                image = np.array(Image.open(io.BytesIO(raw)).convert("RGB"))
            if "text" in part:
                prompt = part["text"]
        config = request.get("generationConfig", {})
        self.received.append(
            Received(path, {k.lower(): v for k, v in headers.items()}, image, prompt, fields={"model": match[1]})
        )
        if headers.get("x-goog-api-key") != self.key:
            return 400, _google_error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."), {}
        behaviour = self.next_behaviour(image)
        if behaviour == "429":
            return 429, _google_error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."), {}
        if behaviour == "500":
            return 500, _google_error(500, "INTERNAL", "An internal error has occurred."), {}
        if behaviour == "auth":
            return 403, _google_error(403, "PERMISSION_DENIED", f"key {self.key} may not use this model"), {}
        if behaviour == "blocked":
            return 200, json.dumps({"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"}}).encode(), {}
        if behaviour == "safety":
            candidate = {"content": {"role": "model", "parts": []}, "finishReason": "IMAGE_SAFETY", "index": 0}
            return 200, json.dumps({"candidates": [candidate], "responseId": "r-safety"}).encode(), {}
        if behaviour == "text":
            parts_out = [{"text": "I can't edit this picture, but here is a description of it instead."}]
        elif behaviour == "nonimage":
            parts_out = [
                {"inlineData": {"mimeType": "application/pdf", "data": base64.b64encode(b"%PDF-1.4").decode()}}
            ]
        elif behaviour == "huge":
            parts_out = [{"inlineData": {"mimeType": "image/png", "data": base64.b64encode(huge_png()).decode()}}]
        else:
            aspect = (config.get("imageConfig") or {}).get("aspectRatio") or "1:1"
            size = GEMINI_SIZES[aspect]
            picture = unrelated(size) if behaviour == "recompose" else self.edited(image, size)
            if behaviour == "slow":
                answer = self._candidate(picture, len(self.received))
                return 0, answer, {}
            parts_out = [{"inlineData": {"mimeType": "image/png", "data": base64.b64encode(png(picture)).decode()}}]
        reply = {
            "candidates": [{"content": {"role": "model", "parts": parts_out}, "finishReason": "STOP", "index": 0}],
            "modelVersion": f"{match[1]}-fake-001",
            "responseId": f"gemini-response-{len(self.received)}",
            "usageMetadata": {"promptTokenCount": 1290, "candidatesTokenCount": 1290},
        }
        return 200, json.dumps(reply).encode(), {}

    def _candidate(self, picture: np.ndarray, number: int) -> bytes:
        part = {"inlineData": {"mimeType": "image/png", "data": base64.b64encode(png(picture)).decode()}}
        reply = {"candidates": [{"content": {"parts": [part]}, "finishReason": "STOP"}], "responseId": f"late-{number}"}
        return json.dumps(reply).encode()


def _google_error(code: int, status: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()


def _openai_error(message: str, code: str | None, kind: str = "invalid_request_error") -> bytes:
    return json.dumps({"error": {"message": message, "type": kind, "param": None, "code": code}}).encode()


class FakeOpenAI(FakeService):
    kind = "openai"

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        if path != "/v1/images/edits":
            return 404, _openai_error(f"no route {path}", None), {}
        content_type = next(v for k, v in headers.items() if k.lower() == "content-type")
        message = BytesParser().parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        fields: dict[str, str] = {}
        image = mask = None
        for part in message.get_payload():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)
            if name in ("image", "image[]"):
                image = np.array(Image.open(io.BytesIO(data)).convert("RGB"))
            elif name == "mask":
                mask = np.array(Image.open(io.BytesIO(data)).convert("RGBA"))[..., 3]
            else:
                fields[name] = data.decode()
        self.received.append(
            Received(path, {k.lower(): v for k, v in headers.items()}, image, fields.get("prompt"), mask, fields)
        )
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        if auth != f"Bearer {self.key}":
            shown = auth.removeprefix("Bearer ")
            return 401, _openai_error(f"Incorrect API key provided: {shown}.", "invalid_api_key"), {}
        behaviour = self.next_behaviour(image)
        request_id = {"x-request-id": f"req_{len(self.received):04d}", "openai-model": f"{fields.get('model')}-fake"}
        if behaviour == "429":
            return (
                429,
                _openai_error("Rate limit reached for images per minute.", "rate_limit_exceeded"),
                {"retry-after": "0.05"},
            )
        if behaviour == "500":
            return 500, _openai_error("The server had an error processing your request.", None, "server_error"), {}
        if behaviour == "auth":  # a key the server no longer accepts, echoed in part as the real service does
            shown = f"{self.key[:6]}{'*' * 8}{self.key[-4:]}"
            return 401, _openai_error(f"Incorrect API key provided: {shown}.", "invalid_api_key"), {}
        if behaviour == "safety":
            message_text = "Your request was rejected as a result of our safety system."
            return 400, _openai_error(message_text, "moderation_blocked", "image_generation_user_error"), {}
        if behaviour == "url":
            return 200, json.dumps({"created": 1, "data": [{"url": "http://127.0.0.1:9/x.png"}]}).encode(), request_id
        if behaviour == "nonimage":
            data = base64.b64encode(b"<html>not an image</html>").decode()
        elif behaviour == "huge":
            data = base64.b64encode(huge_png()).decode()
        else:
            width, height = (int(v) for v in fields.get("size", "1024x1024").split("x"))
            picture = unrelated((width, height)) if behaviour == "recompose" else self.edited(image, (width, height))
            data = base64.b64encode(png(picture)).decode()
        payload = json.dumps({"created": 1_760_000_000, "data": [{"b64_json": data}], "output_format": "png"})
        return (0 if behaviour == "slow" else 200), payload.encode(), request_id
