"""Chat backends: an OpenAI-compatible HTTP server (Ollama, vLLM, llama.cpp server, hosted APIs),
or a local transformers causal LM from a folder. Both answer `complete(messages, schema) -> text`.

HTTP uses the standard library only, with a timeout on every request and a bounded number of
retries on timeouts, connection resets and 5xx answers; servers that reject structured output
(`response_format`) are asked again without it, and remembered as such.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from editree.errors import MissingDependencyError


class LLMUnavailable(MissingDependencyError):
    """The LLM could not be reached or refused to answer (exit 5)."""


class ChatBackend(Protocol):
    name: str

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> str:
        """The assistant's reply text."""


class OpenAICompatibleBackend:
    def __init__(
        self,
        url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 2,
        backoff: float = 0.5,
    ) -> None:
        self.url = url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.structured = True
        self.name = f"{self.model} at {self.url}"

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> str:
        body: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": 0}
        if schema is not None and self.structured:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "editree_plan", "schema": schema, "strict": False},
            }
        try:
            data = self._post(body)
        except _BadRequest as exc:
            if "response_format" not in body:
                raise LLMUnavailable(f"LLM server {self.name} rejected the request (400): {exc}") from None
            self.structured = False  # ask by prompt alone from now on
            del body["response_format"]
            try:
                data = self._post(body)
            except _BadRequest as again:
                raise LLMUnavailable(f"LLM server {self.name} rejected the request (400): {again}") from None
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise LLMUnavailable(
                f"LLM server {self.name} answered without choices[0].message.content; is it OpenAI-compatible?"
            ) from None
        return content if isinstance(content, str) else json.dumps(content)

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        payload = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(f"{self.url}/chat/completions", data=payload, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                detail = _error_text(exc)
                if exc.code in (401, 403):
                    raise LLMUnavailable(
                        f"LLM server {self.name} refused the request ({exc.code} {exc.reason}); set "
                        "EDITREE_LLM_API_KEY (or the variable named by api_key_env in the config file)"
                    ) from None
                if exc.code == 400:
                    raise _BadRequest(detail) from None
                if exc.code == 404:
                    raise LLMUnavailable(
                        f"LLM server {self.name}: {self.url}/chat/completions not found (404); the URL should "
                        "end in /v1 for most servers"
                    ) from None
                last = f"{exc.code} {exc.reason}"
                if exc.code < 500 and exc.code != 429:
                    break
            except (TimeoutError, ConnectionError, urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last = "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) else str(reason)
            except (json.JSONDecodeError, UnicodeDecodeError):
                last = "the answer was not JSON"
        raise LLMUnavailable(
            f"LLM server {self.name} did not answer usefully after {self.retries + 1} tries ({last}); check "
            "--llm-url and that the server is running, or use --planner grammar"
        )


class _BadRequest(Exception):
    pass


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read().decode("utf-8", "replace")[:300]
    except OSError:
        return exc.reason


class LocalTransformersBackend:
    """A causal LM in a local folder (config, weights, tokenizer), loaded once per process."""

    def __init__(self, path: str | Path, max_new_tokens: int = 768) -> None:
        self.path = Path(path)
        self.max_new_tokens = max_new_tokens
        self.name = f"local model {self.path}"

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> str:
        tokenizer, model = _load_local(str(self.path.resolve()))
        import torch

        if getattr(tokenizer, "chat_template", None):
            prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        else:
            prompt = "\n\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\n\nassistant:"
        inputs = tokenizer(prompt, return_tensors="pt")
        limit = getattr(model.config, "max_position_embeddings", None) or getattr(model.config, "n_positions", None)
        if limit and inputs["input_ids"].shape[1] + self.max_new_tokens > limit:
            keep = max(1, limit - self.max_new_tokens)
            inputs = {k: v[:, -keep:] for k, v in inputs.items()}
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
        with torch.no_grad():
            out = model.generate(**inputs, max_new_tokens=self.max_new_tokens, do_sample=False, pad_token_id=pad)
        return tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)


@lru_cache(maxsize=2)
def _load_local(path: str) -> tuple[Any, Any]:
    try:
        import transformers
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:
        raise LLMUnavailable(
            f"a local LLM needs transformers and torch ({exc}); pip install transformers torch"
        ) from None
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise LLMUnavailable(
            f"cannot load a causal LM from {path} ({str(exc).splitlines()[0]}); expected a folder written by "
            "save_pretrained with its tokenizer"
        ) from None
    model.eval()
    return tokenizer, model


def make_backend(config: Any) -> ChatBackend:
    if config.is_local:
        return LocalTransformersBackend(config.model)
    if not config.url or not config.model:
        raise LLMUnavailable(
            "the LLM planner is not configured: pass --llm-url URL --llm-model NAME (or a local model folder as "
            "--llm-model), or set EDITREE_LLM_URL and EDITREE_LLM_MODEL"
        )
    return OpenAICompatibleBackend(config.url, config.model, config.api_key, config.timeout, config.max_retries)
