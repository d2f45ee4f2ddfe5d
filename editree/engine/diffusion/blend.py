"""Latent blending: during denoising, latents outside the mask are held on the (noised) source, so
the model fills the region in agreement with what surrounds it instead of redrawing the surroundings
and leaving a seam at the mask's edge. (diffusers does this itself for 4-channel UNets; inpainting
checkpoints with 9-channel UNets only see the masked image as a condition, so editree adds it.)
The exact pixel composite afterwards still decides what the output keeps.
"""

from __future__ import annotations

from typing import Any


def _encoded(pipe: Any, image: Any, height: int, width: int) -> Any:
    """The VAE's latent mean of `image` at (height, width), before any scaling. The pixels go to the pipeline's
    execution device: with --low-memory on CUDA the VAE rests on the CPU and its offload hook moves the module
    to the GPU when encode runs, not the inputs."""
    import torch

    device = getattr(pipe, "_execution_device", None) or pipe.vae.device
    pixels = pipe.image_processor.preprocess(image, height=height, width=width)
    with torch.no_grad():
        return pipe.vae.encode(pixels.to(device=device, dtype=pipe.vae.dtype)).latent_dist.mean


def _noise(like: Any, seed: int) -> Any:
    """Seeded noise shaped like `like`, drawn on the CPU so every device gets the same numbers."""
    import torch

    generator = torch.Generator(device="cpu").manual_seed(seed)
    return torch.randn(like.shape, generator=generator, dtype=torch.float32).to(like.device, like.dtype)


class LatentBlend:
    """A `callback_on_step_end` for diffusers inpainting pipelines."""

    tensor_inputs = ("latents", "mask")

    def __init__(self, pipe: Any, image: Any, height: int, width: int, seed: int) -> None:
        self.source = _encoded(pipe, image, height, width) * pipe.vae.config.scaling_factor
        self.noise = _noise(self.source, seed)

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


class PackedLatentBlend:
    """Latent blending for transformer pipelines that pack latents in 2x2 patches and take the mask and masked
    image as extra input channels (FLUX.1 Fill): the same promise as LatentBlend, on flow-matching latents.
    After step i the latents sit at sigma_{i+1}, where the source is (1 - sigma) * source + sigma * noise."""

    tensor_inputs = ("latents",)

    def __init__(self, pipe: Any, image: Any, mask_image: Any, height: int, width: int, seed: int) -> None:
        import numpy as np
        import torch

        vae = pipe.vae
        channels = vae.config.latent_channels
        factor = pipe.vae_scale_factor
        h, w = 2 * (height // (factor * 2)), 2 * (width // (factor * 2))
        latents = (_encoded(pipe, image, height, width) - vae.config.shift_factor) * vae.config.scaling_factor
        self.source = pipe._pack_latents(latents, 1, channels, h, w)
        # A latent may change where any pixel under it may change: max-pool the mask to the latent grid.
        pixels_mask = torch.from_numpy(np.asarray(mask_image, np.float32) / 255.0)[None, None]
        grid = torch.nn.functional.adaptive_max_pool2d(pixels_mask, (h, w))
        grid = grid.expand(1, channels, h, w).to(self.source.device, self.source.dtype)
        self.mask = pipe._pack_latents(grid, 1, channels, h, w)
        self.noise = _noise(self.source, seed)

    @staticmethod
    def applies(pipe: Any) -> bool:
        transformer = getattr(pipe, "transformer", None)
        vae = getattr(pipe, "vae", None)
        if transformer is None or vae is None or not hasattr(pipe, "_pack_latents"):
            return False
        if getattr(vae.config, "shift_factor", None) is None or not hasattr(vae.config, "latent_channels"):
            return False  # not a FLUX-style image VAE (Qwen-Image's is a video VAE with its own statistics)
        if "latents" not in getattr(pipe, "_callback_tensor_inputs", ()):
            return False
        packed = 4 * vae.config.latent_channels
        # More inputs than packed latents: the mask and masked image are conditions, so nothing holds the
        # surroundings (FluxInpaintPipeline, with exactly the packed latents, blends by itself).
        return transformer.config.in_channels > packed

    def __call__(self, pipe: Any, step: int, timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
        latents = tensors["latents"]
        sigma = float(pipe.scheduler.sigmas[min(step + 1, len(pipe.scheduler.sigmas) - 1)])
        source = (1 - sigma) * self.source + sigma * self.noise
        return {"latents": (1 - self.mask) * source.to(latents.dtype) + self.mask * latents}
