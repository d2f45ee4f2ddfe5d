"""A loopback chat-completions server for tests: replays queued replies and records every request."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    content: str | None = None
    """The assistant message; None with a status sends `body` as is."""
    status: int = 200
    body: str = ""
    delay: float = 0.0


def plan_reply(plan: dict[str, Any]) -> Reply:
    return Reply(content=json.dumps(plan))


@dataclass
class ChatServer:
    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)


def start_server() -> tuple[ChatServer, ThreadingHTTPServer]:
    state = ChatServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            state.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            reply = state.replies.pop(0) if state.replies else Reply(status=500, body="no reply queued")
            if reply.delay:
                time.sleep(reply.delay)
            if reply.content is not None:
                payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": reply.content}}]})
                status = 200
            else:
                payload, status = reply.body, reply.status
            data = payload.encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    return state, server
