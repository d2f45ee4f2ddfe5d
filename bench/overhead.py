"""editree's overhead over a bare diffusers inpainting call, and what the exact composite buys.

    python bench/overhead.py [--model PATH_OR_PRESET | --tiny sd|flux-fill] [--size 512] [--steps 4] [--repeat 3]

Both runs use the same model, working size (editree's --resolution is set to --size, and the region's
context covers the whole image), steps, guidance and seed, and exclude loading. Prints the time ratio
(target <= 1.05 on real models, where denoising dominates) and the PSNR outside the mask: finite for
the bare call (its VAE round trip alters every pixel), infinite for editree (bit-identical).
Without --model a tiny random pipeline is built in a temporary folder (its ratio overstates the
overhead, since a tiny model denoises in milliseconds).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editree.engine.executor import run_plan
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, parse_box_option
from editree.planner import parse


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model")
    ap.add_argument("--tiny", choices=("sd", "flux-fill"), default="sd", help="tiny pipeline built without --model")
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--device", default=None)
    opts = ap.parse_args()
    import torch

    from editree.engine.diffusion.models import load_inpaint_pipeline, model_status
    from editree.engine.diffusion.pipeline_call import call_arguments

    model = opts.model
    if model is None:
        from tests.tiny_models import flux_pipeline, sd_inpaint_pipeline

        folder = Path(tempfile.mkdtemp())
        model = str(sd_inpaint_pipeline(folder) if opts.tiny == "sd" else flux_pipeline(folder, "fill"))
    size = opts.size
    photo = np.array(Image.fromarray(data.astronaut()).resize((size, size)))
    box = f"sign={size // 4},{size // 4},{size * 3 // 4},{size * 3 // 4}"
    name, region = parse_box_option(box)
    mask = np.zeros((size, size), np.uint8)
    mask[size // 4 : size * 3 // 4, size // 4 : size * 3 // 4] = 255
    options = EngineOptions(model=model, steps=opts.steps, device=opts.device, context=0.5, resolution=size)
    pipe = load_inpaint_pipeline(model_status(model), opts.device, None, False)  # load once, outside the timing

    def bare() -> np.ndarray:
        out = pipe(
            **call_arguments(  # the same settings editree passes (e.g. guidance 30 for FLUX Fill), nothing more
                pipe,
                options,
                prompt="a forest",
                image=Image.fromarray(photo),
                mask_image=Image.fromarray(mask),
                height=size,
                width=size,
                num_inference_steps=opts.steps,
                generator=torch.Generator().manual_seed(0),
                output_type="np",
            )
        ).images[0]
        return np.clip(np.rint(out * 255), 0, 255).astype(np.uint8)

    plan = parse("replace the sign with a forest")

    def ours() -> np.ndarray:
        return run_plan(plan, photo, options=options, user_regions=UserRegions(boxes={name: region})).rgb

    bare(), ours()  # warm up
    timings = {}
    outputs = {}
    for label, fn in (("bare diffusers", bare), ("editree", ours)):
        started = time.perf_counter()
        for _ in range(opts.repeat):
            outputs[label] = fn()
        timings[label] = (time.perf_counter() - started) / opts.repeat
    outside = mask == 0
    for label in timings:
        quality = psnr(outputs[label][outside], photo[outside])
        print(f"{label}: {timings[label] * 1000:.0f} ms per edit, PSNR outside the mask {quality:.1f} dB")
    print(
        f"ratio editree / bare: {timings['editree'] / timings['bare diffusers']:.2f} (model {model}, {size}px, "
        f"{opts.steps} steps)"
    )


if __name__ == "__main__":
    main()
