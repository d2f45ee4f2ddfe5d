"""Which hosted model a flag names, and what each provider takes: pure data, no SDK imports.

A remote model is named like a local one, with its provider in front: `--model gemini:gemini-2.5-flash-image`,
`--model openai:gpt-image-1`, or `--model openai:NAME@http://host:8000/v1` for any server that speaks OpenAI's
`/v1/images/edits` (the part after `@` is the base URL the SDK is pointed at; EDITREE_REMOTE_URL or the config
file's [remote] url set it for every model). `editree models list` shows the known ones; any model name of a known
provider works.
"""

from __future__ import annotations

from dataclasses import dataclass

from editree.ops import Edit

INPAINT_OPS = frozenset({"replace", "remove", "add"})
INSTRUCT_OPS = frozenset({"edit", "restyle", "recolor", "atmosphere"})
REMOTE_OPS = INPAINT_OPS | INSTRUCT_OPS

GEMINI_SIZES: dict[str, tuple[int, int]] = {
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
"""The sizes Gemini 2.5 Flash Image returns, by the aspect ratio asked for (whatever the input's size)."""
OPENAI_SIZES: dict[str, tuple[int, int]] = {"1:1": (1024, 1024), "3:2": (1536, 1024), "2:3": (1024, 1536)}
"""The sizes GPT Image edits return."""


@dataclass(frozen=True)
class Provider:
    name: str
    service: str
    key_variables: tuple[str, ...]
    """Environment variables that may hold the key, in the order they are read."""
    module: str
    """The SDK's import name, imported only when a remote step runs."""
    distribution: str
    takes_mask: str
    seed: bool
    sizes: dict[str, tuple[int, int]]
    languages: tuple[str, ...] = ("en", "zh")


PROVIDERS: dict[str, Provider] = {
    "gemini": Provider(
        "gemini",
        "Google Gemini API (generateContent)",
        ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
        "google.genai",
        "google-genai",
        "no (a crop and words)",
        True,
        GEMINI_SIZES,
    ),
    "openai": Provider(
        "openai",
        "OpenAI Images API (/v1/images/edits), or a compatible server (openai:NAME@URL)",
        ("OPENAI_API_KEY",),
        "openai",
        "openai",
        "as a hint",
        False,
        OPENAI_SIZES,
    ),
}


@dataclass(frozen=True)
class KnownModel:
    provider: str
    model: str
    description: str

    @property
    def spec(self) -> str:
        return f"{self.provider}:{self.model}"


KNOWN_MODELS: tuple[KnownModel, ...] = (
    KnownModel("gemini", "gemini-2.5-flash-image", "Gemini 2.5 Flash Image"),
    KnownModel("gemini", "gemini-3-pro-image-preview", "Gemini 3 Pro Image (preview)"),
    KnownModel("openai", "gpt-image-1", "GPT Image 1"),
    KnownModel("openai", "gpt-image-1-mini", "GPT Image 1 mini"),
)


@dataclass(frozen=True)
class RemoteSpec:
    provider: str
    model: str
    url: str | None = None
    """The base URL given with the model (`openai:NAME@URL`), or None."""

    @property
    def text(self) -> str:
        """How messages name the model (without the URL)."""
        return f"{self.provider}:{self.model}"

    @property
    def info(self) -> Provider:
        return PROVIDERS[self.provider]


def parse_remote(spec: str | None) -> RemoteSpec | None:
    """`gemini:NAME`, `openai:NAME` or either with `@URL` as a RemoteSpec; anything else (a preset, a folder, a hub
    id) is None."""
    if not spec or ":" not in spec:
        return None
    provider, _, rest = spec.partition(":")
    provider = provider.strip().lower()
    model, at, url = rest.partition("@")
    if provider not in PROVIDERS or not model.strip():
        return None
    if at and not url.startswith(("http://", "https://")):
        return None
    return RemoteSpec(provider, model.strip(), url.rstrip("/") if at else None)


def spec_for(op: str, model: str | None, instruct_model: str | None) -> RemoteSpec | None:
    """The remote model that runs `op`: for inpainting ops --model, else --instruct-model; for instruction ops
    the other way round (a hosted model does both jobs, so either flag is enough)."""
    first, second = (model, instruct_model) if op in INPAINT_OPS else (instruct_model, model)
    return parse_remote(first) or parse_remote(second)


def step_spec(step: Edit, model: str | None, instruct_model: str | None) -> RemoteSpec | None:
    if step.op not in REMOTE_OPS:
        return None
    return spec_for(step.op, model, instruct_model)
