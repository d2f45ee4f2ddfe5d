"""ControlNet presets: the ControlNets, the text-to-image bases that image-to-image control runs on, and the
annotator weights that turn a photo into a depth map, line drawing, soft edges or a pose. Pure data, no torch:
the keyword arguments of `Preset` (presets.py builds them; this module imports nothing, so either loads first).

A ControlNet is trained against one base family (Stable Diffusion 1.5, SDXL, FLUX.1-dev) and one kind of control
image; `extra` says which (`family`, `control`), so editree can pick the preset that fits the base model in use and
name the one to pull when none is here. Annotators all live in one repository; `extra["files"]` names the files a
kind needs, so a pull fetches those and not the whole repository.
"""

from __future__ import annotations

from typing import Any

ANNOTATORS_REPO = "lllyasviel/Annotators"

CONTROL_PRESETS: tuple[dict[str, Any], ...] = (
    dict(
        name="sd15",
        repo="stable-diffusion-v1-5/stable-diffusion-v1-5",
        kind="base",
        description="Stable Diffusion 1.5 text-to-image: the base for SD 1.5 ControlNets (restyle with --control)",
    ),
    dict(
        name="sdxl",
        repo="stabilityai/stable-diffusion-xl-base-1.0",
        kind="base",
        native_size=1024,
        description="SDXL base text-to-image: the base for SDXL ControlNets",
    ),
    dict(
        name="flux-dev",
        repo="black-forest-labs/FLUX.1-dev",
        kind="base",
        native_size=1024,
        size_multiple=16,
        description="FLUX.1-dev text-to-image: the base for FLUX ControlNets (FLUX.1 Fill takes none)",
    ),
    dict(
        name="controlnet-sd15-canny",
        repo="lllyasviel/control_v11p_sd15_canny",
        kind="controlnet",
        description="ControlNet 1.1 Canny edges for Stable Diffusion 1.5",
        extra={"family": "sd", "control": "canny"},
    ),
    dict(
        name="controlnet-sd15-depth",
        repo="lllyasviel/control_v11f1p_sd15_depth",
        kind="controlnet",
        description="ControlNet 1.1 depth (MiDaS) for Stable Diffusion 1.5",
        extra={"family": "sd", "control": "depth"},
    ),
    dict(
        name="controlnet-sd15-lineart",
        repo="lllyasviel/control_v11p_sd15_lineart",
        kind="controlnet",
        description="ControlNet 1.1 line art for Stable Diffusion 1.5",
        extra={"family": "sd", "control": "lineart"},
    ),
    dict(
        name="controlnet-sd15-softedge",
        repo="lllyasviel/control_v11p_sd15_softedge",
        kind="controlnet",
        description="ControlNet 1.1 soft edges (PiDiNet) for Stable Diffusion 1.5",
        extra={"family": "sd", "control": "softedge"},
    ),
    dict(
        name="controlnet-sd15-pose",
        repo="lllyasviel/control_v11p_sd15_openpose",
        kind="controlnet",
        description="ControlNet 1.1 OpenPose for Stable Diffusion 1.5",
        extra={"family": "sd", "control": "pose"},
    ),
    dict(
        name="controlnet-sdxl-canny",
        repo="diffusers/controlnet-canny-sdxl-1.0",
        kind="controlnet",
        native_size=1024,
        description="ControlNet Canny edges for SDXL",
        extra={"family": "sdxl", "control": "canny"},
    ),
    dict(
        name="controlnet-sdxl-depth",
        repo="diffusers/controlnet-depth-sdxl-1.0",
        kind="controlnet",
        native_size=1024,
        description="ControlNet depth for SDXL",
        extra={"family": "sdxl", "control": "depth"},
    ),
    dict(
        name="controlnet-flux-canny",
        repo="InstantX/FLUX.1-dev-Controlnet-Canny",
        kind="controlnet",
        native_size=1024,
        size_multiple=16,
        description="ControlNet Canny edges for FLUX.1-dev (needs --model flux-dev as the base)",
        extra={"family": "flux", "control": "canny"},
    ),
    dict(
        name="annotator-depth",
        repo=ANNOTATORS_REPO,
        kind="annotator",
        native_size=384,
        description="MiDaS DPT-Hybrid weights: depth maps for --control depth",
        extra={"control": "depth", "files": "dpt_hybrid-midas-501f0c75.pt"},
    ),
    dict(
        name="annotator-lineart",
        repo=ANNOTATORS_REPO,
        kind="annotator",
        description="Line-art generator weights: line drawings for --control lineart",
        extra={"control": "lineart", "files": "sk_model.pth,sk_model2.pth"},
    ),
    dict(
        name="annotator-softedge",
        repo=ANNOTATORS_REPO,
        kind="annotator",
        description="PiDiNet weights: soft edges for --control softedge",
        extra={"control": "softedge", "files": "table5_pidinet.pth"},
    ),
    dict(
        name="annotator-pose",
        repo=ANNOTATORS_REPO,
        kind="annotator",
        description="OpenPose body, hand and face weights: skeletons for --control pose",
        extra={"control": "pose", "files": "body_pose_model.pth,hand_pose_model.pth,facenet.pth"},
    ),
)


def files_of(preset: Any) -> list[str]:
    """The files an annotator preset needs, in the order its loader opens them."""
    return [name for name in preset.extra.get("files", "").split(",") if name]


def pull_patterns(preset: Any) -> list[str]:
    """What `editree models pull` fetches for a ControlNet or annotator preset: a ControlNet's config and its
    full-precision safetensors (repositories also carry .bin and fp16 copies of the same weights), an annotator's
    named files."""
    if preset.kind == "annotator":
        return files_of(preset)
    return ["config.json", preset.extra.get("weights", "diffusion_pytorch_model.safetensors")]
