"""ControlNet-conditioned generative steps on tiny random models, loaded from disk through the real loader.
Quality cannot be judged with random weights; that the control image reaches the pipeline, that the ControlNet
steers it, that pixels outside the effective mask stay the input's and that a missing ControlNet stops the run
before any work can."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from editree.engine.control_images import canny
from editree.engine.executor import check_plan, run_plan
from editree.engine.image_io import read_metadata
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, parse_box_option
from editree.errors import MissingDependencyError
from editree.planner import parse
from tests.control.tiny_control import controlnet, sd_text_pipeline
from tests.tiny_models import install_in_hub_cache, sd_inpaint_pipeline


@pytest.fixture(scope="module")
def inpaint_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sd_inpaint_pipeline(tmp_path_factory.mktemp("tiny-sd-inpaint"))


@pytest.fixture(scope="module")
def text_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sd_text_pipeline(tmp_path_factory.mktemp("tiny-sd-text"))


@pytest.fixture(scope="module")
def tiny_controlnet(tmp_path_factory: pytest.TempPathFactory, inpaint_base: Path) -> Path:
    return controlnet(tmp_path_factory.mktemp("tiny-controlnet"), inpaint_base)


@pytest.fixture
def photo(astronaut: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(astronaut[::4, ::4])  # 128 × 128


def _regions(*specs: str) -> UserRegions:
    return UserRegions(boxes=dict(parse_box_option(spec) for spec in specs))


class Spy:
    """Records the keyword arguments of every call of a pipeline class, then lets the call run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, class_name: str) -> None:
        import diffusers

        self.calls: list[dict[str, Any]] = []
        cls = getattr(diffusers, class_name)
        original = cls.__call__

        @functools.wraps(original)  # keeps the signature: editree passes only the arguments a call takes
        def spied(pipe: Any, *args: Any, **kwargs: Any) -> Any:
            self.calls.append(kwargs)
            return original(pipe, *args, **kwargs)

        monkeypatch.setattr(cls, "__call__", spied)


def _options(base: Path, net: Path, **more: Any) -> EngineOptions:
    return EngineOptions(model=str(base), control="canny", control_model=str(net), steps=2, device="cpu", **more)


def test_replace_runs_through_the_controlnet_inpainting_pipeline_with_the_crops_edges(
    inpaint_base: Path, tiny_controlnet: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch, "StableDiffusionControlNetInpaintPipeline")
    options = _options(inpaint_base, tiny_controlnet, control_scale=0.7)
    result = run_plan(
        parse("replace the sign with a forest"), photo, options=options, user_regions=_regions("sign=40,40,80,90")
    )
    (call,) = spy.calls
    # The control image is the Canny edges of exactly the picture the pipeline regenerates (the crop, resized).
    assert call["control_image"].size == call["image"].size
    assert np.array_equal(np.asarray(call["control_image"]), canny(np.asarray(call["image"])))
    assert np.asarray(call["control_image"]).any() and call["controlnet_conditioning_scale"] == 0.7
    assert "callback_on_step_end" in call  # latent blending, as for every 9-channel inpainting step
    untouched = result.changed == 0
    assert untouched.mean() > 0.7 and np.array_equal(result.rgb[untouched], photo[untouched])
    assert not np.array_equal(result.rgb[40:90, 40:80], photo[40:90, 40:80])


def test_the_controlnet_steers_the_result_and_seeds_still_repeat(
    inpaint_base: Path, tiny_controlnet: Path, photo: np.ndarray
) -> None:
    plan, user = parse("replace the sign with a forest"), _regions("sign=40,40,80,90")

    def run(scale: float) -> np.ndarray:
        return run_plan(
            plan, photo, seed=3, options=_options(inpaint_base, tiny_controlnet, control_scale=scale), user_regions=user
        ).rgb

    strong, again, off = run(1.5), run(1.5), run(0.0)
    assert np.array_equal(strong, again)
    assert not np.array_equal(strong, off)  # scale 0 is the base model alone: the ControlNet really ran


def test_keep_holds_inside_a_controlled_target(inpaint_base: Path, tiny_controlnet: Path, photo: np.ndarray) -> None:
    plan = parse("keep the logo unchanged and replace the sign with a forest")
    user = _regions("sign=20,20,100,100", "logo=50,50,70,70")
    result = run_plan(plan, photo, options=_options(inpaint_base, tiny_controlnet), user_regions=user)
    assert np.array_equal(result.rgb[50:70, 50:70], photo[50:70, 50:70])
    assert not np.array_equal(result.rgb[20:50, 20:100], photo[20:50, 20:100])


def test_restyle_runs_image_to_image_under_control_and_composites_its_region(
    text_base: Path, tiny_controlnet: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch, "StableDiffusionControlNetImg2ImgPipeline")
    plan = parse("make the sign look like a watercolor painting")
    result = run_plan(
        plan, photo, options=_options(text_base, tiny_controlnet), user_regions=_regions("sign=30,30,90,90")
    )
    (call,) = spy.calls
    assert call["prompt"].startswith("watercolor painting") and 0 < call["strength"] < 1
    assert np.array_equal(np.asarray(call["control_image"]), canny(np.asarray(call["image"])))
    assert "callback_on_step_end" in call  # latents outside the sign held on the source
    assert result.steps[0].engine == "diffusers"
    untouched = result.changed == 0
    assert np.array_equal(result.rgb[untouched], photo[untouched])
    assert not np.array_equal(result.rgb[30:90, 30:90], photo[30:90, 30:90])
    assert (result.changed[30:90, 30:90] > 0).all() and untouched[:30].all()


def test_a_restyle_under_control_needs_a_text_to_image_base(inpaint_base: Path, tiny_controlnet: Path) -> None:
    with pytest.raises(MissingDependencyError, match=r"inpainting checkpoint; pass --model sd15"):
        check_plan(parse("make it look like a watercolor painting"), options=_options(inpaint_base, tiny_controlnet))


def test_remove_does_not_take_the_control_image(
    inpaint_base: Path, tiny_controlnet: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch, "StableDiffusionControlNetInpaintPipeline")
    result = run_plan(
        parse("remove the sign"),
        photo,
        options=_options(inpaint_base, tiny_controlnet),
        user_regions=_regions("sign=40,40,80,90"),
    )
    assert spy.calls == []
    assert any("--control is not applied to a removal" in w for w in result.warnings)


def test_outpainting_takes_no_control_image_and_says_so(
    inpaint_base: Path, tiny_controlnet: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch, "StableDiffusionControlNetInpaintPipeline")
    result = run_plan(
        parse("extend the image 16 pixels on the left"), photo, options=_options(inpaint_base, tiny_controlnet)
    )
    assert spy.calls == []
    assert result.rgb.shape[:2] == (photo.shape[0], photo.shape[1] + 16)
    assert np.array_equal(result.rgb[:, 16:], photo)
    assert any("--control is not applied to outpainting" in w for w in result.warnings)


def test_a_missing_controlnet_stops_the_run_before_any_work(
    inpaint_base: Path, photo: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editree.engine.diffusion.models as models

    def no_loading(*args: object) -> None:
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(models, "_load", no_loading)
    options = EngineOptions(model=str(inpaint_base), control="canny", steps=2)
    plan = parse("replace the sign with a forest")
    with pytest.raises(
        MissingDependencyError, match=r"none for Stable Diffusion .*editree models pull controlnet-sd15-canny"
    ):
        run_plan(plan, photo, options=options, user_regions=_regions("sign=40,40,80,90"))
    with pytest.raises(MissingDependencyError, match=r"--control-model '/nowhere-at-all': no such folder"):
        check_plan(
            plan, options=EngineOptions(model=str(inpaint_base), control="canny", control_model="/nowhere-at-all")
        )


def test_a_controlnet_of_another_family_is_refused(inpaint_base: Path, tmp_path: Path) -> None:
    import json

    other = tmp_path / "sd2-controlnet"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({"_class_name": "ControlNetModel", "cross_attention_dim": 1024}))
    options = EngineOptions(model=str(inpaint_base), control="canny", control_model=str(other))
    with pytest.raises(MissingDependencyError, match=r"does not fit the base"):
        check_plan(parse("replace the sign with a forest"), options=options)
    (other / "config.json").write_text(json.dumps({"_class_name": "FluxControlNetModel", "joint_attention_dim": 32}))
    with pytest.raises(MissingDependencyError, match=r"trained for FLUX.1-dev"):
        check_plan(parse("replace the sign with a forest"), options=options)


def test_a_controlnet_preset_resolves_through_the_hub_cache(
    inpaint_base: Path, tiny_controlnet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.constants

    from editree.engine.diffusion.controlnets import resolve

    commit = "c0ffee0123456789abcdef0123456789abcdef01"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    install_in_hub_cache(tiny_controlnet, tmp_path / "hub", "lllyasviel/control_v11p_sd15_canny", commit)
    plan, why = resolve(EngineOptions(model=str(inpaint_base), control="canny"), "inpaint")
    assert why is None and plan is not None
    assert (plan.controlnet.spec, plan.controlnet.commit) == ("controlnet-sd15-canny", commit)
    assert plan.pipeline == "StableDiffusionControlNetInpaintPipeline"
    # No SD 1.5 ControlNet for pose is here: the one to pull is named.
    assert "editree models pull controlnet-sd15-pose" in (
        resolve(EngineOptions(model=str(inpaint_base), control="pose"), "inpaint")[1] or ""
    )


def test_cli_records_the_control_inspect_shows_it_and_replay_reuses_it(
    cli, inpaint_base: Path, tiny_controlnet: Path, tmp_path: Path, photo: np.ndarray
) -> None:
    path, out, again = tmp_path / "p.png", tmp_path / "o.png", tmp_path / "again.png"
    Image.fromarray(photo).save(path)
    flags = ["--region", "sign=40,40,80,90", "--model", str(inpaint_base), "--steps", "2"]
    control = ["--control", "canny", "--control-scale", "1.5", "--control-model", str(tiny_controlnet)]
    result = cli("edit", str(path), "replace the sign with a forest", *flags, *control, "-o", str(out))
    assert result.code == 0, result.err
    recorded = read_metadata(out)["models"]["control"]
    assert (recorded["kind"], recorded["scale"], recorded["model"]) == ("canny", 1.5, str(tiny_controlnet))
    assert recorded["pipeline"] == "StableDiffusionControlNetInpaintPipeline" and recorded["ops"] == ["replace"]
    shown = cli("inspect", str(out)).out
    assert f"control canny at scale 1.5: ControlNet {tiny_controlnet}" in shown
    replayed = cli("replay", str(out), "--on", str(path), "-o", str(again))
    assert replayed.code == 0, replayed.err
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(out)))
    assert read_metadata(again)["models"]["control"]["scale"] == 1.5
    plain = cli("edit", str(path), "replace the sign with a forest", *flags, "-o", str(tmp_path / "plain.png"))
    assert plain.code == 0 and "control" not in read_metadata(tmp_path / "plain.png")["models"]
    assert not np.array_equal(np.asarray(Image.open(tmp_path / "plain.png")), np.asarray(Image.open(out)))


def test_cli_refuses_control_flags_without_control_and_missing_controlnets(
    cli, inpaint_base: Path, tmp_path: Path, photo: np.ndarray
) -> None:
    path, out = tmp_path / "p.png", tmp_path / "o.png"
    Image.fromarray(photo).save(path)
    flags = ["--region", "sign=40,40,80,90", "--model", str(inpaint_base), "-o", str(out)]
    result = cli("edit", str(path), "replace the sign with a forest", *flags, "--control-scale", "0.5")
    assert result.code == 2 and "--control-scale only applies with --control KIND" in result.err
    result = cli("edit", str(path), "replace the sign with a forest", *flags, "--control", "canny")
    assert result.code == 5 and "editree models pull controlnet-sd15-canny" in result.err and not out.exists()
    result = cli("edit", str(path), "replace the sign with a forest", *flags, "--control", "sketch")
    assert result.code == 2


def test_models_list_and_pull_know_the_controlnet_presets(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import huggingface_hub

    listed = cli("models", "list")
    for name in ("controlnet-sd15-canny", "controlnet-sd15-depth", "controlnet-sd15-lineart", "controlnet-sdxl-canny"):
        assert name in listed.out
    assert "controlnet-flux-canny" in listed.out and "annotator-depth" in listed.out and "sd15" in listed.out
    info = cli("models", "info", "controlnet-sdxl-depth")
    assert info.code == 0 and "diffusers/controlnet-depth-sdxl-1.0" in info.out and "not present" in info.out
    calls: list[tuple[str, dict]] = []

    def snapshot_download(repo: str, **kwargs: object) -> str:
        calls.append((repo, kwargs))
        return str(tmp_path)

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    assert cli("models", "pull", "controlnet-sd15-canny").code == 0
    assert cli("models", "pull", "annotator-lineart").code == 0
    (net, lineart) = calls
    assert net == (
        "lllyasviel/control_v11p_sd15_canny",
        {"revision": "main", "allow_patterns": ["config.json", "diffusion_pytorch_model.safetensors"]},
    )
    assert lineart[0] == "lllyasviel/Annotators" and lineart[1]["allow_patterns"] == ["sk_model.pth", "sk_model2.pth"]
