"""FLUX.1 Fill, Kontext and FLUX.1-dev as tiny random pipelines, saved and loaded through the real loaders:
the call signatures, sizes and recommended settings of transformer pipelines, not only Stable Diffusion's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.diffusion.models import inpainting_class, load_inpaint_pipeline, model_status
from editree.engine.diffusion.pipeline_call import call_arguments, working_size
from editree.engine.executor import run_plan
from editree.engine.image_io import read_metadata
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, parse_box_option
from editree.errors import MissingDependencyError
from editree.planner import parse
from tests.tiny_models import flux_pipeline

SIGN = "sign=40,40,80,90"


@pytest.fixture(scope="module")
def fill(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return flux_pipeline(tmp_path_factory.mktemp("tiny-flux-fill"), "fill")


@pytest.fixture(scope="module")
def kontext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return flux_pipeline(tmp_path_factory.mktemp("tiny-flux-kontext"), "kontext")


@pytest.fixture(scope="module")
def flux_dev(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return flux_pipeline(tmp_path_factory.mktemp("tiny-flux-dev"), "text")


@pytest.fixture
def photo(astronaut: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(astronaut[::4, ::4])  # 128 × 128


def _regions(*specs: str) -> UserRegions:
    return UserRegions(boxes=dict(parse_box_option(s) for s in specs))


def test_fill_loads_as_itself_and_is_called_the_way_its_family_wants(fill: Path) -> None:
    """AutoPipelineForInpainting has no mapping for FluxFillPipeline; FLUX Fill takes no negative prompt,
    wants guidance 30 and sizes that are multiples of 16 (2x2-packed latents of an 8x VAE)."""
    assert inpainting_class(str(fill)) == "FluxFillPipeline"
    pipe = load_inpaint_pipeline(model_status(str(fill)), "cpu", None)
    assert type(pipe).__name__ == "FluxFillPipeline"
    size = working_size(pipe, None, EngineOptions())
    assert (size.native, size.multiple) == (1024, 16)
    assert working_size(pipe, None, EngineOptions(resolution=100)).fit(60, 40) == (96, 64)
    args = call_arguments(pipe, EngineOptions(), prompt="a cat", negative_prompt="a dog", height=64, width=64)
    assert args == {"prompt": "a cat", "height": 64, "width": 64, "guidance_scale": 30.0}
    assert call_arguments(pipe, EngineOptions(guidance=12.0), prompt="a cat")["guidance_scale"] == 12.0


@pytest.mark.parametrize("instruction", ["replace the sign with a forest", "remove the sign", "add a hat to the sign"])
def test_fill_ops_change_only_their_region(fill: Path, photo: np.ndarray, instruction: str) -> None:
    options = EngineOptions(model=str(fill), steps=2, device="cpu", resolution=64)
    result = run_plan(parse(instruction), photo, options=options, user_regions=_regions(SIGN))
    assert result.steps[0].engine == "diffusers" and result.rgb.shape == photo.shape
    assert not np.array_equal(result.rgb[40:90, 40:80], photo[40:90, 40:80])
    untouched = result.changed == 0
    assert untouched.mean() > 0.7
    assert np.array_equal(result.rgb[untouched], photo[untouched])


def test_fill_same_seed_same_output(fill: Path, photo: np.ndarray) -> None:
    options = EngineOptions(model=str(fill), steps=2, resolution=64)
    plan = parse("replace the sign with a forest")
    one, two, other = (
        run_plan(plan, photo, seed=s, options=options, user_regions=_regions(SIGN)).rgb for s in (1, 1, 2)
    )
    assert np.array_equal(one, two) and not np.array_equal(one, other)


def test_fill_extends_the_canvas(fill: Path, photo: np.ndarray) -> None:
    options = EngineOptions(model=str(fill), steps=2, resolution=64)
    result = run_plan(parse("extend the image to the right by 24 pixels"), photo, options=options)
    assert result.rgb.shape == (128, 152, 3)
    assert np.array_equal(result.rgb[:, :128], photo)


def test_a_text_to_image_flux_inpaints_through_its_inpainting_variant(flux_dev: Path, photo: np.ndarray) -> None:
    assert inpainting_class(str(flux_dev)) == "AutoPipelineForInpainting"
    options = EngineOptions(model=str(flux_dev), steps=2, resolution=64)
    result = run_plan(parse("replace the sign with a forest"), photo, options=options, user_regions=_regions(SIGN))
    assert type(load_inpaint_pipeline(model_status(str(flux_dev)), None, None)).__name__ == "FluxInpaintPipeline"
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], photo[untouched]) and not untouched.all()


@pytest.mark.parametrize(
    "instruction",
    ["make the sign look like a watercolor painting", "make it snowy except the logo", "make the sign dramatic"],
)
def test_kontext_edits_composite_through_their_target(kontext: Path, photo: np.ndarray, instruction: str) -> None:
    options = EngineOptions(instruct_model=str(kontext), steps=2, resolution=64)
    result = run_plan(parse(instruction), photo, options=options, user_regions=_regions(SIGN, "logo=0,0,20,20"))
    assert result.steps[-1].engine == "diffusers" and result.rgb.shape == photo.shape
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], photo[untouched])
    assert not np.array_equal(result.rgb[~untouched], photo[~untouched])


def test_kontext_is_asked_for_the_chosen_size(kontext: Path, photo: np.ndarray, record_calls) -> None:
    """Kontext sizes its output from max_area (1 MP by default) and would resize its input to the trained
    resolution nearest in aspect: a few percent of stretch between input and output that no shift estimate
    undoes. editree asks for one size in and out."""
    from diffusers import FluxKontextPipeline

    seen = record_calls(FluxKontextPipeline)
    wide = np.ascontiguousarray(np.concatenate([photo, photo[:, :64]], axis=1))  # 192 x 128
    run_plan(parse("make it snowy"), wide, options=EngineOptions(instruct_model=str(kontext), steps=2, resolution=96))
    (call,) = seen
    assert (call["width"], call["height"], call["max_area"]) == (96, 64, 96 * 64)
    assert call["_auto_resize"] is False and call["guidance_scale"] == 2.5
    assert call["image"].size == (96, 64)


def test_a_text_to_image_model_is_refused_as_an_instruction_model(flux_dev: Path, photo: np.ndarray) -> None:
    options = EngineOptions(instruct_model=str(flux_dev), steps=2, resolution=64)
    with pytest.raises(
        MissingDependencyError, match=r"loads as FluxPipeline, which takes no input image.*flux-kontext"
    ):
        run_plan(parse("make it dramatic"), photo, options=options)


def test_cli_guidance_and_resolution_reach_the_metadata_and_replay(
    cli, fill: Path, tmp_path: Path, photo: np.ndarray
) -> None:
    path, out, again = tmp_path / "p.png", tmp_path / "o.png", tmp_path / "again.png"
    Image.fromarray(photo).save(path)
    flags = ["--region", SIGN, "--steps", "2", "--seed", "3"]
    result = cli(
        "edit", str(path), "replace the sign with a forest", "--model", str(fill), *flags,
        "--guidance", "12", "--resolution", "64", "--dtype", "float32", "-o", str(out),
    )  # fmt: skip
    assert result.code == 0, result.err
    inpaint = read_metadata(out)["models"]["inpaint"]
    assert (inpaint["guidance"], inpaint["resolution"], inpaint["steps"], inpaint["dtype"]) == (12.0, 64, 2, "float32")
    shown = cli("inspect", str(out)).out
    assert f"inpaint model {fill} ({fill}): steps 2, guidance 12.0, resolution 64, dtype float32" in shown
    replayed = cli("replay", str(out), "--on", str(path), "-o", str(again), "-q")
    assert replayed.code == 0, replayed.err
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(out)))
    bad = cli("edit", str(path), "blur it", "--resolution", "8", "-o", str(tmp_path / "x.png"))
    assert bad.code == 2 and "--resolution" in bad.err
    bad = cli("edit", str(path), "blur it", "--dtype", "float8", "-o", str(tmp_path / "x.png"))
    assert bad.code == 2 and "--dtype" in bad.err and not (tmp_path / "x.png").exists()


@pytest.fixture(scope="module", params=["QwenImageEditPipeline", "QwenImageEditPlusPipeline"])
def qwen_edit(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from tests.tiny_models import qwen_image_edit_pipeline

    plus = request.param.endswith("PlusPipeline")
    return qwen_image_edit_pipeline(tmp_path_factory.mktemp("tiny-qwen-edit"), plus=plus), request.param


def test_qwen_image_edit_reads_chinese_as_written_with_true_cfg(
    qwen_edit: tuple[Path, str], photo: np.ndarray, record_calls
) -> None:
    """Qwen-Image-Edit (and its 2509 release) reads Chinese: it gets the user's words, and CFG through
    true_cfg_scale with a negative prompt (without one it runs unguided)."""
    import diffusers

    folder, family = qwen_edit
    pipeline_class = getattr(diffusers, family)
    seen = record_calls(pipeline_class)
    options = EngineOptions(instruct_model=str(folder), steps=2, resolution=64)
    result = run_plan(parse("把招牌变成水彩画风格"), photo, options=options, user_regions=_regions("招牌=40,40,80,90"))
    (call,) = seen
    assert call["prompt"] == "转换成水彩画风格"
    assert (call["true_cfg_scale"], call["negative_prompt"]) == (4.0, " ")
    assert (call["width"], call["height"]) == (64, 64) and "guidance_scale" not in call
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], photo[untouched])
    assert not np.array_equal(result.rgb[40:90, 40:80], photo[40:90, 40:80])

    seen.clear()
    run_plan(
        parse("make it snowy"),
        photo,
        options=EngineOptions(instruct_model=str(folder), steps=2, guidance=2.0, resolution=64),
    )
    assert seen[0]["prompt"] == "make it snow" and seen[0]["true_cfg_scale"] == 2.0


def test_fill_latents_outside_the_mask_stay_on_the_source(fill: Path, flux_dev: Path, photo: np.ndarray) -> None:
    """FLUX Fill sees the mask only as a condition; editree holds the packed latents outside it on the (noised)
    source at every step, and on the source itself after the last. FluxInpaintPipeline blends by itself."""
    import torch

    from editree.engine.diffusion.blend import PackedLatentBlend

    pipe = load_inpaint_pipeline(model_status(str(fill)), "cpu", None)
    assert PackedLatentBlend.applies(pipe)
    assert not PackedLatentBlend.applies(load_inpaint_pipeline(model_status(str(flux_dev)), "cpu", None))
    image = Image.fromarray(photo[:64, :96])
    mask = np.zeros((64, 96), np.uint8)
    mask[16:48, 24:72] = 255
    blend = PackedLatentBlend(pipe, image, Image.fromarray(mask), 64, 96, seed=3)
    assert blend.mask.shape == blend.source.shape == (1, (64 // 16) * (96 // 16), 16)
    seen: list[torch.Tensor] = []

    def record(pipeline, step, timestep, tensors):
        out = blend(pipeline, step, timestep, tensors)
        seen.append(out["latents"])
        return out

    pipe(
        prompt="a lake",
        image=image,
        mask_image=Image.fromarray(mask),
        height=64,
        width=96,
        num_inference_steps=3,
        generator=torch.Generator().manual_seed(0),
        output_type="np",
        callback_on_step_end=record,
        callback_on_step_end_tensor_inputs=list(PackedLatentBlend.tensor_inputs),
    )
    outside = blend.mask == 0
    assert len(seen) == 3 and outside.any() and (~outside).any()
    assert torch.equal(seen[-1][outside], blend.source[outside])
    sigma = float(pipe.scheduler.sigmas[1])
    expected = (1 - sigma) * blend.source + sigma * blend.noise
    assert torch.allclose(seen[0][outside], expected[outside])


def test_missing_instruction_models_name_the_instruction_flag() -> None:
    reason = model_status("flux-kontext", "instruct").reason or ""
    assert "editree models pull flux-kontext" in reason and reason.endswith("or pass --instruct-model PATH")
    unknown = model_status("nope", "instruct").reason or ""
    assert unknown.startswith("--instruct-model 'nope' is neither a preset (instruct-pix2pix, flux-kontext, qwen-image")
    assert "sd15-inpaint" not in unknown


def test_an_ip_adapter_the_model_cannot_take_is_a_clear_error(
    fill: Path, flux_dev: Path, photo: np.ndarray, tmp_path: Path
) -> None:
    from editree.errors import UsageError
    from tests.tiny_models import clip_vision_embedder, ip_adapter, sd_inpaint_pipeline

    adapter = ip_adapter(tmp_path / "adapter", sd_inpaint_pipeline(tmp_path / "sd"))
    embedder = clip_vision_embedder(tmp_path / "embedder")
    plan = parse("keep the man's identity and replace the man with a forest")
    common = {"steps": 2, "resolution": 64, "identity_model": str(embedder), "ip_adapter": str(adapter)}
    with pytest.raises(UsageError, match=r"--ip-adapter: FluxFillPipeline takes no IP-Adapter; drop --ip-adapter"):
        run_plan(
            plan, photo, options=EngineOptions(model=str(fill), **common), user_regions=_regions("man=30,30,90,90")
        )
    with pytest.raises(MissingDependencyError, match=r"cannot attach the IP-Adapter .* to FluxInpaintPipeline"):
        run_plan(
            plan, photo, options=EngineOptions(model=str(flux_dev), **common), user_regions=_regions("man=30,30,90,90")
        )


def test_low_memory_reaches_instruction_models_too(kontext: Path, fill: Path) -> None:
    """--low-memory used to apply to inpainting pipelines only; instruction models decode large frames too."""
    from editree.engine.diffusion.instruct import load_instruct_pipeline

    light = load_instruct_pipeline(model_status(str(kontext), "instruct"), EngineOptions(cpu_offload=True))
    plain = load_instruct_pipeline(model_status(str(kontext), "instruct"), EngineOptions())
    assert light.vae.use_tiling and not plain.vae.use_tiling
    assert load_inpaint_pipeline(model_status(str(fill)), "cpu", None, low_memory=True).vae.use_tiling


def test_the_engine_hands_fill_its_latent_blend(fill: Path, photo: np.ndarray, record_calls) -> None:
    from diffusers import FluxFillPipeline

    from editree.engine.diffusion.blend import PackedLatentBlend

    seen = record_calls(FluxFillPipeline)
    options = EngineOptions(model=str(fill), steps=2, resolution=64)
    run_plan(parse("remove the sign"), photo, options=options, user_regions=_regions(SIGN))
    (call,) = seen
    assert isinstance(call["callback_on_step_end"], PackedLatentBlend)
    assert call["callback_on_step_end_tensor_inputs"] == ["latents"]
    assert "negative_prompt" not in call and call["guidance_scale"] == 30.0


def test_a_negative_prompt_goes_where_it_is_taken(
    fill: Path, qwen_edit: tuple[Path, str], photo: np.ndarray, record_calls
) -> None:
    """FLUX Fill has no negative prompt, so it is left out; Qwen's own " " (which turns true CFG on) gives way."""
    import diffusers
    from diffusers import FluxFillPipeline

    fill_calls = record_calls(FluxFillPipeline)
    qwen_calls = record_calls(getattr(diffusers, qwen_edit[1]))
    common = {"steps": 2, "resolution": 64, "negative": "blurry"}
    run_plan(
        parse("remove the sign"), photo, options=EngineOptions(model=str(fill), **common), user_regions=_regions(SIGN)
    )
    run_plan(parse("make it snowy"), photo, options=EngineOptions(instruct_model=str(qwen_edit[0]), **common))
    assert "negative_prompt" not in fill_calls[0]
    assert qwen_calls[0]["negative_prompt"] == "blurry" and qwen_calls[0]["true_cfg_scale"] == 4.0
