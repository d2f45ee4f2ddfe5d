"""Latent blending: during denoising, latents outside the mask are held on the (noised) source, so
the model fills the region in agreement with what surrounds it instead of redrawing the surroundings
and leaving a seam at the mask's edge. (diffusers does this itself for 4-channel UNets; inpainting
checkpoints with 9-channel UNets only see the masked image as a condition, so editree adds it.)
The exact pixel composite afterwards still decides what the output keeps.
"""

from __future__ import annotations

from typing import Any


class LatentBlend:
    """A `callback_on_step_end` for diffusers inpainting pipelines."""

    tensor_inputs = ("latents", "mask")

    def __init__(self, pipe: Any, image: Any, height: int, width: int, seed: int) -> None:
        import torch

        vae = pipe.vae
        pixels = pipe.image_processor.preprocess(image, height=height, width=width)
        pixels = pixels.to(device=vae.device, dtype=vae.dtype)
        with torch.no_grad():
            self.source = vae.encode(pixels).latent_dist.mean * vae.config.scaling_factor
        generator = torch.Generator(device="cpu").manual_seed(seed)
        self.noise = torch.randn(self.source.shape, generator=generator, dtype=torch.float32).to(
            self.source.device, self.source.dtype
        )

    @staticmethod
    def applies(pipe: Any) -> bool:
        unet = getattr(pipe, "unet", None)
        inputs = getattr(pipe, "_callback_tensor_inputs", ())
        return unet is not None and unet.config.in_channels == 9 and "mask" in inputs

    def __call__(self, pipe: Any, step: int, timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
        latents, mask = tensors["latents"], tensors["mask"]
        if mask.shape[0] != latents.shape[0]:  # classifier-free guidance doubles the mask
            mask = mask.chunk(2)[0]
        timesteps = pipe.scheduler.timesteps
        if step < len(timesteps) - 1:
            source = pipe.scheduler.add_noise(self.source, self.noise, timesteps[step + 1 : step + 2])
        else:
            source = self.source
        return {"latents": (1 - mask) * source + mask * latents}
