"""Tiny ControlNets and bases with random weights, saved with save_pretrained so tests load them through the same
loader as real ones. Nothing here downloads."""

from __future__ import annotations

from pathlib import Path


def sd_text_pipeline(folder: Path, seed: int = 0) -> Path:
    """A Stable-Diffusion-style text-to-image pipeline (4-channel UNet): the base of image-to-image control."""
    from tests.tiny_models import sd_pipeline

    return sd_pipeline("StableDiffusionPipeline", folder, seed, in_channels=4)


def controlnet(folder: Path, base: Path, seed: int = 0, live: bool = True) -> Path:
    """A ControlNetModel made from the UNet config of the tiny pipeline at `base` (ControlNetModel.from_unet, with
    4 input channels whatever the base's UNet takes: a ControlNet sees the plain latents). A fresh ControlNet's
    output convolutions are zero, so it changes nothing; `live` gives them small random weights, so the control
    image and scale visibly steer the result."""
    import torch
    from diffusers import ControlNetModel, UNet2DConditionModel

    config = dict(UNet2DConditionModel.load_config(base / "unet"))
    config["in_channels"] = 4
    torch.manual_seed(seed)
    unet = UNet2DConditionModel.from_config(config)
    net = ControlNetModel.from_unet(unet, conditioning_embedding_out_channels=(8, 8, 16, 16))
    if live:
        generator = torch.Generator().manual_seed(seed + 1)
        with torch.no_grad():
            for block in (*net.controlnet_down_blocks, net.controlnet_mid_block):
                for parameter in block.parameters():
                    parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.5)
    out = folder / "controlnet"
    net.save_pretrained(out)
    return out
