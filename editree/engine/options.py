"""Engine options that travel with a run (never globals): which model, where, how many steps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineOptions:
    model: str | None = None
    """Inpainting model: a preset name (`editree models list`), a local folder, or a hub id."""
    instruct_model: str | None = None
    """Instruction-editing model for free-form edits and styles (presets of kind "instruct")."""
    device: str | None = None
    """cuda, mps or cpu; chosen automatically when None."""
    dtype: str | None = None
    """float32, float16 or bfloat16; chosen from the device when None."""
    steps: int = 30
    guidance: float | None = None
    """Classifier-free guidance; None: what the model's family recommends (7.5 for Stable Diffusion, 30 for
    FLUX.1 Fill, 2.5 for Kontext, true CFG 4 for Qwen-Image-Edit). See editree.engine.diffusion.pipeline_call."""
    negative: str | None = None
    """What generative ops should avoid ("blurry, watermark"), for models that take a negative prompt (FLUX.1
    Fill does not); remove adds it to its own."""
    resolution: int | None = None
    """Long side, in pixels, generative models work at; None: the model's native size. Lower is faster
    and uses less memory, at the cost of detail."""
    context: float = 0.35
    """Padding around a region's box, as a fraction of its size, kept as context for the model."""
    cpu_offload: bool = False
    """Low-memory mode: components move to the GPU only while they run, and the VAE decodes in tiles."""
    identity_model: str | None = None
    """What measures preserve_identity: None (faces with dlib, other subjects with CLIP when present), "face", or a
    CLIP vision model (preset, folder, hub id); see editree.engine.identity_measure."""
    face_threshold: float = 0.6
    """Descriptor distance from which a face measured by dlib (editree.engine.face_identity) counts as another
    person; dlib's own threshold."""
    identity_strict: bool = False
    """A preserved subject that fails its identity check fails the run (no output) instead of a warning."""
    ip_adapter: str | None = None
    """IP-Adapter that conditions generative ops on the preserved subject (a preset or a folder)."""
    segmenter: str | None = None
    """Open-vocabulary segmenter for phrases mediapipe does not know (a CLIPSeg preset or folder; "none": off)."""
    remote_rpm: float | None = None
    """Requests per minute to a hosted model (--model gemini:NAME, openai:NAME; editree.engine.remote), for all
    workers of a batch together; None: EDITREE_REMOTE_RPM or the config file, else no limit."""
    remote_rate_file: str | None = None
    """The file a batch's workers share to keep to remote_rpm together (set by the batch runner)."""
    identity_threshold: float = 0.85
    """Cosine similarity under which a generative op touching a preserved subject is retried."""
    identity_tries: int = 3
    """At most this many seeds per op; the most similar result is kept."""
    control: str | None = None
    """ControlNet conditioning for generative steps: canny, depth, lineart, softedge or pose (None: off); see
    editree.engine.diffusion.control. The control image is computed from the picture being edited."""
    control_scale: float = 1.0
    """How strongly the control image steers generation (0.0-2.0)."""
    control_model: str | None = None
    """The ControlNet: a preset, a folder saved by diffusers or a hub id; None: the first preset present for
    the control kind and the base model's family."""
