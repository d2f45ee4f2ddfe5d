"""Generative ops on a tiny random inpainting pipeline, loaded from disk through the real loader.
Output quality cannot be judged with random weights; structure, exactness, seeds and errors can."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editree.engine.diffusion.models import model_status
from editree.engine.executor import check_plan, run_plan
from editree.engine.image_io import read_metadata
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, parse_box_option
from editree.errors import MissingDependencyError
from editree.planner import parse
from tests.tiny_models import install_in_hub_cache, sd_inpaint_pipeline


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sd_inpaint_pipeline(tmp_path_factory.mktemp("tiny-sd"))


@pytest.fixture
def photo(astronaut: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(astronaut[::4, ::4])  # 128 × 128


def _regions(spec: str) -> UserRegions:
    name, box = parse_box_option(spec)
    return UserRegions(boxes={name: box})


@pytest.mark.parametrize(
    "instruction",
    [
        "replace the sign with a forest",
        "remove the sign",
        "add a hat to the sign",
    ],
)
def test_generative_ops_change_only_their_region(tiny_model: Path, photo: np.ndarray, instruction: str) -> None:
    options = EngineOptions(model=str(tiny_model), steps=2, device="cpu")
    result = run_plan(parse(instruction), photo, options=options, user_regions=_regions("sign=40,40,80,90"))
    assert result.steps[0].engine == "diffusers" and result.rgb.shape == photo.shape
    assert not np.array_equal(result.rgb[40:90, 40:80], photo[40:90, 40:80])
    untouched = result.changed == 0
    assert untouched.mean() > 0.7
    assert np.array_equal(result.rgb[untouched], photo[untouched])


def test_a_raw_pipeline_call_would_change_pixels_outside_the_mask(tiny_model: Path, photo: np.ndarray) -> None:
    """Why the exact composite exists: the pipeline's VAE round trip alters every pixel it sees."""
    import torch
    from diffusers import AutoPipelineForInpainting

    pipe = AutoPipelineForInpainting.from_pretrained(str(tiny_model), local_files_only=True)
    pipe.set_progress_bar_config(disable=True)
    mask = np.zeros(photo.shape[:2], np.uint8)
    mask[40:90, 40:80] = 255
    raw = pipe(
        prompt="a forest",
        image=Image.fromarray(photo),
        mask_image=Image.fromarray(mask),
        height=128,
        width=128,
        num_inference_steps=2,
        generator=torch.Generator().manual_seed(0),
        output_type="np",
    ).images[0]
    outside = np.rint(raw * 255).astype(np.uint8)[mask == 0]
    assert np.abs(outside.astype(int) - photo[mask == 0]).mean() > 1.0


def test_keep_holds_inside_a_generative_target(tiny_model: Path, photo: np.ndarray) -> None:
    plan = parse("keep the logo unchanged and replace the sign with a forest")
    user = UserRegions(boxes=dict([parse_box_option("sign=20,20,100,100"), parse_box_option("logo=50,50,70,70")]))
    result = run_plan(plan, photo, options=EngineOptions(model=str(tiny_model), steps=2), user_regions=user)
    assert np.array_equal(result.rgb[50:70, 50:70], photo[50:70, 50:70])
    assert not np.array_equal(result.rgb[20:50, 20:100], photo[20:50, 20:100])


def test_same_seed_same_output(tiny_model: Path, photo: np.ndarray) -> None:
    options = EngineOptions(model=str(tiny_model), steps=2)
    plan = parse("replace the sign with a forest")
    one = run_plan(plan, photo, seed=1, options=options, user_regions=_regions("sign=40,40,80,90")).rgb
    two = run_plan(plan, photo, seed=1, options=options, user_regions=_regions("sign=40,40,80,90")).rgb
    other = run_plan(plan, photo, seed=2, options=options, user_regions=_regions("sign=40,40,80,90")).rgb
    assert np.array_equal(one, two) and not np.array_equal(one, other)


def test_without_a_model_the_plan_is_refused_before_any_work() -> None:
    with pytest.raises(MissingDependencyError, match=r"needs a generative model.*editree models pull sd15-inpaint"):
        check_plan(parse("replace the background with a forest"))
    with pytest.raises(MissingDependencyError, match=r"has no model_index\.json"):
        check_plan(parse("replace the background with a forest"), options=EngineOptions(model="/tmp"))
    assert not model_status("sd15-inpaint").present


def test_cli_edit_with_a_local_model(cli, tiny_model: Path, tmp_path: Path, photo: np.ndarray) -> None:
    path = tmp_path / "p.png"
    Image.fromarray(photo).save(path)
    out = tmp_path / "o.png"
    result = cli(
        "edit",
        str(path),
        "remove the sign",
        "--region",
        "sign=40,40,80,90",
        "--model",
        str(tiny_model),
        "--steps",
        "2",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    meta = read_metadata(out)
    assert meta["models"]["inpaint"]["model"] == str(tiny_model) and meta["models"]["inpaint"]["steps"] == 2
    assert meta["steps"][0]["engine"] == "diffusers"


def test_models_commands(cli) -> None:
    listed = cli("models", "list")
    assert listed.code == 0 and "sd15-inpaint" in listed.out and "not present" in listed.out
    assert cli("models", "info", "nope").code == 2
    assert cli("models", "pull", "sd15-inpaint").code == 5  # tests run with HF_HUB_OFFLINE=1


@pytest.fixture(scope="module")
def tiny_instruct(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import instruct_pix2pix_pipeline

    return instruct_pix2pix_pipeline(tmp_path_factory.mktemp("tiny-ip2p"))


@pytest.mark.parametrize(
    "instruction",
    [
        "make the sign dramatic",  # free-form fallback -> edit, of its region
        "make the sign look like a watercolor painting",  # a style no classical filter has
        "make it snowy except the logo",  # snow: no classical effect
        "recolor the sign to a rusty copper patina",  # a colour that is not a plain colour
    ],
)
def test_instruction_ops_composite_through_their_target(
    tiny_instruct: Path, photo: np.ndarray, instruction: str
) -> None:
    options = EngineOptions(instruct_model=str(tiny_instruct), steps=2)
    user = UserRegions(boxes=dict([parse_box_option("sign=30,30,90,90"), parse_box_option("logo=0,0,20,20")]))
    result = run_plan(parse(instruction), photo, options=options, user_regions=user)
    assert result.steps[-1].engine == "diffusers" and result.rgb.shape == photo.shape
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], photo[untouched])
    assert not np.array_equal(result.rgb[~untouched], photo[~untouched])


def test_alignment_undoes_a_small_shift(photo: np.ndarray) -> None:
    from editree.engine.diffusion.instruct import align, estimate_shift

    moved = np.roll(photo, (3, -2), axis=(0, 1))
    dx, dy = estimate_shift(photo, moved)
    assert (round(dx), round(dy)) == (-2, 3)
    back = align(photo, moved)
    inner = (slice(8, -8), slice(8, -8))
    assert np.abs(back[inner].astype(int) - photo[inner]).mean() < 1.0
    resized = np.array(Image.fromarray(photo).resize((64, 64)))
    assert align(photo, resized).shape == photo.shape


def test_extend_outpaints_and_keeps_the_original(tiny_model: Path, photo: np.ndarray) -> None:
    alpha = np.full(photo.shape[:2], 200, np.uint8)
    result = run_plan(
        parse("extend the image to the left by 32 pixels"),
        photo,
        alpha=alpha,
        options=EngineOptions(model=str(tiny_model), steps=2),
    )
    assert result.rgb.shape == (128, 160, 3)
    assert np.array_equal(result.rgb[:, 32:], photo)
    assert result.alpha.shape == (128, 160) and (result.alpha[:, :32] == 255).all()
    assert (result.changed[:, :32] == 1).all() and (result.changed[:, 32:] == 0).all()


@pytest.fixture(scope="module")
def tiny_embedder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import clip_vision_embedder

    return clip_vision_embedder(tmp_path_factory.mktemp("tiny-clip"))


def _identity_run(tiny_model: Path, tiny_embedder: Path, photo: np.ndarray, threshold: float):
    plan = parse("keep the man's identity and replace the man with a forest")
    options = EngineOptions(
        model=str(tiny_model),
        steps=2,
        identity_model=str(tiny_embedder),
        identity_threshold=threshold,
        identity_tries=3,
    )
    return run_plan(plan, photo, options=options, user_regions=_regions("man=30,30,100,110"))


def test_identity_is_measured_and_retried(tiny_model: Path, tiny_embedder: Path, photo: np.ndarray) -> None:
    unreachable = _identity_run(tiny_model, tiny_embedder, photo, threshold=1.01)
    step = unreachable.steps[0]
    assert step.tries == 3 and step.identity is not None and -1.0 <= step.identity <= 1.0
    easy = _identity_run(tiny_model, tiny_embedder, photo, threshold=-1.0)
    assert easy.steps[0].tries == 1
    # The retries kept the most similar of the three results, so the score can only be as good or better.
    assert unreachable.steps[0].identity >= easy.steps[0].identity


def test_identity_needs_its_embedder(tiny_model: Path, photo: np.ndarray) -> None:
    plan = parse("keep the man's identity and replace the man with a forest")
    # Named and absent: refused before any op runs.
    with pytest.raises(MissingDependencyError, match="identity needs the image embedder"):
        run_plan(
            plan,
            photo,
            options=EngineOptions(model=str(tiny_model), steps=2, identity_model="clip-vit-large"),
            user_regions=_regions("man=30,30,100,110"),
        )
    # Left to "auto" with no face in the box and no CLIP here: the edit runs and the summary says why nothing
    # was measured.
    result = run_plan(
        plan, photo, options=EngineOptions(model=str(tiny_model), steps=2), user_regions=_regions("man=30,30,100,110")
    )
    assert result.steps[0].status == "done" and not result.steps[0].identity_scores
    assert any("identity not measured" in w and "image embedder" in w for w in result.warnings)
    assert result.identity is not None and result.identity["scores"] == [] and result.identity["notes"]


def test_identity_scores_reach_the_metadata(
    cli, tiny_model: Path, tiny_embedder: Path, tmp_path: Path, photo: np.ndarray
) -> None:
    path = tmp_path / "p.png"
    Image.fromarray(photo).save(path)
    out = tmp_path / "o.png"
    result = cli(
        "edit",
        str(path),
        "keep the man's identity and replace the man with a forest",
        "--region",
        "man=30,30,100,110",
        "--model",
        str(tiny_model),
        "--identity-model",
        str(tiny_embedder),
        "--steps",
        "2",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    meta = read_metadata(out)
    assert meta["steps"][0]["tries"] >= 1 and "identity" in meta["steps"][0]
    assert meta["models"]["identity"]["embedder"] == str(tiny_embedder)


def test_ip_adapter_conditions_generation(
    tiny_model: Path, tiny_embedder: Path, photo: np.ndarray, tmp_path: Path
) -> None:
    from tests.tiny_models import ip_adapter

    adapter = ip_adapter(tmp_path / "adapter", tiny_model)
    plan = parse("keep the man's identity and replace the man with a forest")
    common = {"model": str(tiny_model), "steps": 2, "identity_model": str(tiny_embedder), "identity_threshold": -1.0}
    plain = run_plan(plan, photo, options=EngineOptions(**common), user_regions=_regions("man=30,30,100,110"))
    assert any("not conditioned" in w for w in plain.warnings)
    conditioned = run_plan(
        plan,
        photo,
        options=EngineOptions(**common, ip_adapter=str(adapter)),
        user_regions=_regions("man=30,30,100,110"),
    )
    assert not any("not conditioned" in w for w in conditioned.warnings)
    # Same seed; only the reference conditioning differs, so the generated pixels differ.
    assert not np.array_equal(plain.rgb, conditioned.rgb)
    untouched = conditioned.changed == 0
    assert np.array_equal(conditioned.rgb[untouched], photo[untouched])
    # The cached pipeline now carries the adapter; an op without a preserved subject still runs.
    again = run_plan(
        parse("replace the sign with a lake"),
        photo,
        options=EngineOptions(model=str(tiny_model), steps=2),
        user_regions=_regions("sign=40,40,80,90"),
    )
    assert again.steps[0].status == "done"


def test_ip_adapter_folder_is_checked() -> None:
    from editree.engine.diffusion.ip_adapter import locate

    location, reason = locate("/tmp")
    assert location is None and "not an IP-Adapter folder" in reason


def test_latent_blending_holds_the_surroundings_on_the_source(tiny_model: Path, photo: np.ndarray) -> None:
    import torch
    from diffusers import AutoPipelineForInpainting

    from editree.engine.diffusion.blend import LatentBlend

    pipe = AutoPipelineForInpainting.from_pretrained(str(tiny_model), local_files_only=True)
    pipe.set_progress_bar_config(disable=True)
    assert LatentBlend.applies(pipe)
    image = Image.fromarray(photo)
    mask = np.zeros(photo.shape[:2], np.uint8)
    mask[32:96, 32:96] = 255
    blend = LatentBlend(pipe, image, 128, 128, seed=3)
    seen: dict[str, torch.Tensor] = {}

    def record(pipeline, step, timestep, tensors):
        out = blend(pipeline, step, timestep, tensors)
        seen["latents"], seen["mask"] = out["latents"], tensors["mask"]
        return out

    pipe(
        prompt="a lake",
        image=image,
        mask_image=Image.fromarray(mask),
        height=128,
        width=128,
        num_inference_steps=3,
        generator=torch.Generator().manual_seed(0),
        output_type="np",
        callback_on_step_end=record,
        callback_on_step_end_tensor_inputs=list(LatentBlend.tensor_inputs),
    )
    latent_mask = seen["mask"].chunk(2)[0] if seen["mask"].shape[0] == 2 else seen["mask"]
    outside = (latent_mask == 0).expand_as(seen["latents"])
    assert outside.any()
    assert torch.equal(seen["latents"][outside], blend.source[outside])


def test_embedder_presets_mirror_the_registry() -> None:
    from editree.engine.diffusion.presets import PRESETS
    from editree.engine.identity import EMBEDDER_PRESETS

    assert {k: PRESETS[k].repo for k in EMBEDDER_PRESETS} == EMBEDDER_PRESETS
    assert all(PRESETS[k].kind == "embedder" for k in EMBEDDER_PRESETS)


def test_a_cached_preset_loads_and_its_commit_reaches_the_metadata(
    cli, tiny_model: Path, tmp_path: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A preset resolves through the local Hugging Face cache, never the network; outputs record the commit of
    the snapshot that ran, since a preset's revision ("main") moves."""
    import huggingface_hub.constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    install_in_hub_cache(tiny_model, tmp_path / "hub", "stable-diffusion-v1-5/stable-diffusion-inpainting", commit)
    status = model_status("sd15-inpaint")
    assert status.present and status.commit == commit
    assert model_status(None, "inpaint").spec == "sd15-inpaint"  # the first preset present is the default
    path, out = tmp_path / "p.png", tmp_path / "o.png"
    Image.fromarray(photo).save(path)
    flags = ["--region", "sign=40,40,80,90", "--steps", "2", "--resolution", "128", "-o", str(out)]
    result = cli("edit", str(path), "remove the sign", "--model", "sd15-inpaint", *flags)
    assert result.code == 0, result.err
    inpaint = read_metadata(out)["models"]["inpaint"]
    assert (inpaint["model"], inpaint["revision"], inpaint["commit"]) == ("sd15-inpaint", "main", commit)
    shown = cli("inspect", str(out)).out
    assert "inpaint model sd15-inpaint (stable-diffusion-v1-5/stable-diffusion-inpainting@0123456789ab)" in shown
    info = cli("models", "info", "sd15-inpaint")
    assert info.code == 0 and f"cached commit {commit}" in info.out


def test_pull_fetches_only_what_editree_loads(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pipeline repositories also hold single-file checkpoints as large as the pipeline, IP-Adapter's a dozen
    adapters, transformers repositories TensorFlow/Flax copies: pulls ask for the loadable files only."""
    import diffusers
    import huggingface_hub

    calls: list[tuple[str, dict]] = []

    def pipeline_download(repo: str, **kwargs: object) -> str:
        calls.append((repo, kwargs))
        return str(tmp_path)

    def snapshot_download(repo: str, **kwargs: object) -> str:
        calls.append((repo, kwargs))
        return str(tmp_path)

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(diffusers.DiffusionPipeline, "download", pipeline_download)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    for name in ("flux-fill", "ip-adapter-sd15", "clipseg"):
        result = cli("models", "pull", name)
        assert result.code == 0 and f"{name} is in {tmp_path}" in result.out, result.err
    (fill, ip, seg) = calls
    assert fill == ("black-forest-labs/FLUX.1-Fill-dev", {"revision": "main"})
    assert ip[1]["allow_patterns"] == ["models/ip-adapter_sd15.bin", "models/image_encoder/*"]
    assert seg[0] == "CIDAS/clipseg-rd64-refined" and {"*.h5", "*.msgpack"} <= set(seg[1]["ignore_patterns"])


def test_python_api_outputs_name_the_model_that_ran(tiny_model: Path, photo: np.ndarray, tmp_path: Path) -> None:
    import editree

    with editree.Session(options=EngineOptions(model=str(tiny_model), steps=2, resolution=128)) as session:
        edited = session.edit(photo, "remove the sign", regions={"sign": (40, 40, 80, 90)})
    inpaint = read_metadata(edited.save(tmp_path / "o.png"))["models"]["inpaint"]
    assert (inpaint["model"], inpaint["steps"], inpaint["resolution"]) == (str(tiny_model), 2, 128)


def test_generative_batches_run_one_image_at_a_time(cli, tiny_model: Path, photo: np.ndarray, tmp_path: Path) -> None:
    """Worker processes would each load their own copy of the model (on a GPU: out of memory)."""
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("a.png", "b.png"):
        Image.fromarray(photo).save(photos / name)
    flags = ["--region", "sign=40,40,80,90", "--model", str(tiny_model), "--steps", "2", "--jobs", "2"]
    result = cli("batch", str(photos), "remove the sign", "-o", str(tmp_path / "out"), *flags)
    assert result.code == 0, result.err
    assert "--jobs 2: this plan runs generative models, so images go one at a time" in result.err
    assert sorted(p.name for p in (tmp_path / "out").glob("*.png")) == ["a.png", "b.png"]


def test_negative_prompt_reaches_models_that_take_one(
    cli, tiny_model: Path, photo: np.ndarray, tmp_path: Path, record_calls
) -> None:
    from diffusers import StableDiffusionInpaintPipeline

    from editree.engine.diffusion.inpaint import REMOVE_NEGATIVE

    seen = record_calls(StableDiffusionInpaintPipeline)
    options = EngineOptions(model=str(tiny_model), steps=2, resolution=128, negative="blurry, watermark")
    for instruction in ("replace the sign with a forest", "remove the sign"):
        run_plan(parse(instruction), photo, options=options, user_regions=_regions("sign=40,40,80,90"))
    assert [c["negative_prompt"] for c in seen] == ["blurry, watermark", f"{REMOVE_NEGATIVE}, blurry, watermark"]

    path, out, again = tmp_path / "p.png", tmp_path / "o.png", tmp_path / "again.png"
    Image.fromarray(photo).save(path)
    flags = ["--region", "sign=40,40,80,90", "--model", str(tiny_model), "--steps", "2", "--resolution", "128"]
    assert cli("edit", str(path), "replace the sign with a lake", *flags, "--negative", "fog", "-o", str(out)).code == 0
    assert read_metadata(out)["models"]["inpaint"]["negative"] == "fog"
    assert cli("replay", str(out), "--on", str(path), "-o", str(again), "-q").code == 0
    assert seen[-1]["negative_prompt"] == "fog", "replay restores the negative prompt"
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(out)))


def test_loading_a_pipeline_leaves_the_hub_download_bars_as_they_were(tiny_model: Path) -> None:
    """Loading turns library progress bars off; huggingface_hub's are process-wide, and a later `models pull` in
    the same process (the API, a notebook) must still show its download progress."""
    from huggingface_hub.utils import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars

    from editree.engine.diffusion.models import from_pretrained_offline

    enable_progress_bars()
    from_pretrained_offline("StableDiffusionInpaintPipeline", str(tiny_model), "float32", "an inpainting pipeline")
    assert not are_progress_bars_disabled()
    disable_progress_bars()
    try:
        from_pretrained_offline("StableDiffusionInpaintPipeline", str(tiny_model), "float32", "an inpainting pipeline")
        assert are_progress_bars_disabled()
    finally:
        enable_progress_bars()
