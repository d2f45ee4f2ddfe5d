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


def _controlnet(
    name: str, repo: str, family: str, control: str, description: str, size_multiple: int | None = None
) -> dict[str, Any]:
    """A ControlNet preset, `controlnet-NAME`; SDXL and FLUX ControlNets work at 1024 px like their bases."""
    preset: dict[str, Any] = dict(
        name=f"controlnet-{name}",
        repo=repo,
        kind="controlnet",
        description=description,
        extra={"family": family, "control": control},
    )
    if family != "sd":
        preset["native_size"] = 1024
    if size_multiple:
        preset["size_multiple"] = size_multiple
    return preset


def _annotator(control: str, files: str, description: str, native_size: int | None = None) -> dict[str, Any]:
    """An annotator preset, `annotator-KIND`: the named files of the one repository holding them all."""
    preset: dict[str, Any] = dict(
        name=f"annotator-{control}",
        repo=ANNOTATORS_REPO,
        kind="annotator",
        description=description,
        extra={"control": control, "files": files},
    )
    if native_size:
        preset["native_size"] = native_size
    return preset


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
    *(
        _controlnet(f"sd15-{control}", f"lllyasviel/control_v11{version}_sd15_{repo_name}", "sd", control, description)
        for control, version, repo_name, description in (
            ("canny", "p", "canny", "ControlNet 1.1 Canny edges for Stable Diffusion 1.5"),
            ("depth", "f1p", "depth", "ControlNet 1.1 depth (MiDaS) for Stable Diffusion 1.5"),
            ("lineart", "p", "lineart", "ControlNet 1.1 line art for Stable Diffusion 1.5"),
            ("softedge", "p", "softedge", "ControlNet 1.1 soft edges (PiDiNet) for Stable Diffusion 1.5"),
            ("pose", "p", "openpose", "ControlNet 1.1 OpenPose for Stable Diffusion 1.5"),
        )
    ),
    _controlnet(
        "sdxl-canny", "diffusers/controlnet-canny-sdxl-1.0", "sdxl", "canny", "ControlNet Canny edges for SDXL"
    ),
    _controlnet("sdxl-depth", "diffusers/controlnet-depth-sdxl-1.0", "sdxl", "depth", "ControlNet depth for SDXL"),
    _controlnet(
        "flux-canny",
        "InstantX/FLUX.1-dev-Controlnet-Canny",
        "flux",
        "canny",
        "ControlNet Canny edges for FLUX.1-dev (needs --model flux-dev as the base)",
        size_multiple=16,
    ),
    _annotator(
        "depth", "dpt_hybrid-midas-501f0c75.pt", "MiDaS DPT-Hybrid weights: depth maps for --control depth", 384
    ),
    _annotator(
        "lineart", "sk_model.pth,sk_model2.pth", "Line-art generator weights: line drawings for --control lineart"
    ),
    _annotator("softedge", "table5_pidinet.pth", "PiDiNet weights: soft edges for --control softedge"),
    _annotator(
        "pose",
        "body_pose_model.pth,hand_pose_model.pth,facenet.pth",
        "OpenPose body, hand and face weights: skeletons for --control pose",
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
