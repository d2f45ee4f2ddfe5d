"""Named model presets: pure data, no torch. A preset names a Hugging Face repository and what the
model can do, so `auto` can pick one and errors can say exactly what to download."""

from __future__ import annotations

from dataclasses import dataclass, field

from editree.engine.diffusion.control_presets import CONTROL_PRESETS


@dataclass(frozen=True)
class Preset:
    name: str
    repo: str
    kind: str
    """"inpaint" (masked regeneration), "instruct" (mask-free instruction editing), "ip-adapter",
    "embedder" (identity measurement), "segmenter" (CLIPSeg), "detector" (GroundingDINO), "sam", and for
    ControlNet (control_presets): "base" (a text-to-image model), "controlnet" or "annotator"."""
    revision: str = "main"
    native_size: int = 512
    size_multiple: int = 8
    languages: tuple[str, ...] = ("en",)
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "sd15-inpaint",
            "stable-diffusion-v1-5/stable-diffusion-inpainting",
            "inpaint",
            description="Stable Diffusion 1.5 inpainting; 512 px; runs on modest GPUs",
        ),
        Preset(
            "sdxl-inpaint",
            "diffusers/stable-diffusion-xl-1.0-inpainting-0.1",
            "inpaint",
            native_size=1024,
            description="SDXL inpainting; 1024 px",
        ),
        Preset(
            "flux-fill",
            "black-forest-labs/FLUX.1-Fill-dev",
            "inpaint",
            native_size=1024,
            size_multiple=16,
            description="FLUX.1 Fill; 1024 px; best quality, needs a large GPU",
        ),
        Preset(
            "instruct-pix2pix",
            "timbrooks/instruct-pix2pix",
            "instruct",
            description="InstructPix2Pix instruction editing; 512 px",
        ),
        Preset(
            "flux-kontext",
            "black-forest-labs/FLUX.1-Kontext-dev",
            "instruct",
            native_size=1024,
            size_multiple=16,
            description="FLUX.1 Kontext instruction editing",
        ),
        Preset(
            "qwen-image-edit",
            "Qwen/Qwen-Image-Edit",
            "instruct",
            native_size=1024,
            size_multiple=16,
            languages=("en", "zh"),
            description="Qwen-Image-Edit; reads Chinese prompts as written",
        ),
        Preset(
            "qwen-image-edit-2509",
            "Qwen/Qwen-Image-Edit-2509",
            "instruct",
            native_size=1024,
            size_multiple=16,
            languages=("en", "zh"),
            description="Qwen-Image-Edit, September 2025 release (QwenImageEditPlusPipeline); reads Chinese as written",
        ),
        Preset(
            "clip-vit-large",
            "openai/clip-vit-large-patch14",
            "embedder",
            native_size=224,
            description="CLIP ViT-L/14 image embedder; measures preserve_identity",
        ),
        Preset(
            "clipseg",
            "CIDAS/clipseg-rd64-refined",
            "segmenter",
            native_size=352,
            description="CLIPSeg: a soft mask for any English phrase (sky, car, shirt, ...)",
        ),
        Preset(
            "grounding-dino-tiny",
            "IDEA-Research/grounding-dino-tiny",
            "detector",
            native_size=800,
            description="GroundingDINO (Swin-T): boxes for any English phrase; pairs with SAM as grounded-sam",
        ),
        Preset(
            "sam-vit-base",
            "facebook/sam-vit-base",
            "sam",
            native_size=1024,
            description="Segment Anything (ViT-B): a mask for each box or point",
        ),
        Preset(
            "ip-adapter-sd15",
            "h94/IP-Adapter",
            "ip-adapter",
            description="IP-Adapter for identity conditioning (SD 1.5)",
            extra={"subfolder": "models", "weight_name": "ip-adapter_sd15.bin"},
        ),
        *(Preset(**spec) for spec in CONTROL_PRESETS),
    )
}
