"""Tiny models with random weights, built from small configs and saved with save_pretrained, so tests
load them through the same code path as real weights. Nothing here downloads."""

from __future__ import annotations

import json
from pathlib import Path


def install_in_hub_cache(folder: Path, cache: Path, repo: str, commit: str = "0" * 40) -> None:
    """Lay `folder` out as the Hugging Face cache does after a download of `repo` at `commit`, so presets
    resolve to it through the real lookup (point huggingface_hub.constants.HF_HUB_CACHE at `cache`)."""
    import shutil

    root = cache / f"models--{repo.replace('/', '--')}"
    shutil.copytree(folder, root / "snapshots" / commit)
    (root / "refs").mkdir()
    (root / "refs" / "main").write_text(commit)


def clip_tokenizer(folder: Path):
    """A CLIP tokenizer from a locally written vocabulary (single letters, no merges)."""
    from transformers import CLIPTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = {"<|startoftext|>": 0, "<|endoftext|>": 1, "!": 2}
    for code in range(ord("a"), ord("z") + 1):
        vocab[chr(code)] = len(vocab)
        vocab[chr(code) + "</w>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    return CLIPTokenizer(str(folder / "vocab.json"), str(folder / "merges.txt"), pad_token="!", model_max_length=77)


def _clip_text_encoder(vocab_size: int):
    from transformers import CLIPTextConfig, CLIPTextModel

    config = CLIPTextConfig(
        bos_token_id=0,
        eos_token_id=1,
        pad_token_id=2,
        hidden_size=32,
        intermediate_size=37,
        num_attention_heads=4,
        num_hidden_layers=2,
        vocab_size=vocab_size,
        projection_dim=32,
    )
    return CLIPTextModel(config)


def _vae_8x(**flux_settings: object):
    """A four-block VAE that downscales 8x, so latents have real geometry (FLUX adds its shift/scale and drops
    the quant convs through `flux_settings`)."""
    from diffusers import AutoencoderKL

    return AutoencoderKL(
        block_out_channels=[16, 16, 32, 32],
        in_channels=3,
        out_channels=3,
        latent_channels=4,
        norm_num_groups=8,
        down_block_types=["DownEncoderBlock2D"] * 4,
        up_block_types=["UpDecoderBlock2D"] * 4,
        sample_size=128,
        **flux_settings,
    )


def _sd_parts(folder: Path, seed: int, in_channels: int) -> dict:
    """The parts both tiny pipelines share: a UNet with `in_channels` inputs, a four-block VAE that downscales
    8x (so latents have real geometry), a 2-layer CLIP text encoder and its tokenizer."""
    import torch
    from diffusers import UNet2DConditionModel

    tokenizer = clip_tokenizer(folder / "tokenizer-src")
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        block_out_channels=(32, 64),
        layers_per_block=1,
        sample_size=16,
        in_channels=in_channels,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32,
        attention_head_dim=8,
        norm_num_groups=8,
    )
    vae = _vae_8x()
    text_encoder = _clip_text_encoder(len(tokenizer))
    return {"vae": vae, "text_encoder": text_encoder, "tokenizer": tokenizer, "unet": unet}


def _save(pipe, folder: Path) -> Path:
    out = folder / "model"
    pipe.save_pretrained(out)
    return out


def sd_inpaint_pipeline(folder: Path, seed: int = 0) -> Path:
    """A Stable-Diffusion-style inpainting pipeline (9-channel UNet). Saved to `folder/model`."""
    return sd_pipeline("StableDiffusionInpaintPipeline", folder, seed, in_channels=9)


def sd_pipeline(class_name: str, folder: Path, seed: int, in_channels: int) -> Path:
    """A Stable Diffusion pipeline of the diffusers class `class_name` around tiny random parts."""
    import diffusers
    from diffusers import PNDMScheduler

    pipe = getattr(diffusers, class_name)(
        **_sd_parts(folder, seed, in_channels=in_channels),
        scheduler=PNDMScheduler(skip_prk_steps=True, steps_offset=1),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    return _save(pipe, folder)


def instruct_pix2pix_pipeline(folder: Path, seed: int = 0) -> Path:
    """An InstructPix2Pix-style pipeline (8-channel UNet) from the same tiny parts. Saved to `folder/model`."""
    from diffusers import EulerAncestralDiscreteScheduler, StableDiffusionInstructPix2PixPipeline

    pipe = StableDiffusionInstructPix2PixPipeline(
        **_sd_parts(folder, seed, in_channels=8),
        scheduler=EulerAncestralDiscreteScheduler(),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    return _save(pipe, folder)


def t5_tokenizer():
    """A T5 tokenizer from a locally written unigram vocabulary (single letters)."""
    from transformers import T5Tokenizer

    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    vocab += [("\u2581" + chr(c), -1.0) for c in range(ord("a"), ord("z") + 1)]
    vocab += [(chr(c), -2.0) for c in range(ord("a"), ord("z") + 1)]
    return T5Tokenizer(vocab=vocab, extra_ids=0)


def _flux_parts(folder: Path, seed: int, in_channels: int) -> dict:
    """FLUX.1-style parts: a 1+1-block transformer with `in_channels` packed inputs (16 = 4 latent channels
    x 2x2 patches), an 8x VAE with FLUX's shift/scale and no quant convs, CLIP and T5 text encoders."""
    import torch
    from diffusers import FlowMatchEulerDiscreteScheduler, FluxTransformer2DModel
    from transformers import T5Config, T5EncoderModel

    tokenizer, tokenizer_2 = clip_tokenizer(folder / "tokenizer-src"), t5_tokenizer()
    torch.manual_seed(seed)
    text_encoder = _clip_text_encoder(len(tokenizer))
    text_encoder_2 = T5EncoderModel(
        T5Config(vocab_size=len(tokenizer_2), d_model=32, d_kv=8, d_ff=37, num_layers=2, num_heads=4)
    )
    vae = _vae_8x(use_quant_conv=False, use_post_quant_conv=False, shift_factor=0.06, scaling_factor=1.5)
    transformer = FluxTransformer2DModel(
        patch_size=1,
        in_channels=in_channels,
        out_channels=16,
        num_layers=1,
        num_single_layers=1,
        attention_head_dim=16,
        num_attention_heads=2,
        joint_attention_dim=32,
        pooled_projection_dim=32,
        axes_dims_rope=[4, 4, 8],
    )
    return {
        "scheduler": FlowMatchEulerDiscreteScheduler(),
        "vae": vae,
        "text_encoder": text_encoder,
        "tokenizer": tokenizer,
        "text_encoder_2": text_encoder_2,
        "tokenizer_2": tokenizer_2,
        "transformer": transformer,
    }


def flux_pipeline(folder: Path, kind: str = "fill", seed: int = 0) -> Path:
    """A FLUX.1 pipeline saved to `folder/model`: "fill" (FLUX.1 Fill: packed latents + masked-image latents
    + the 8x8 mask, 16 + 16 + 256 inputs), "kontext" (FLUX.1 Kontext) or "text" (FLUX.1-dev text-to-image)."""
    from diffusers import FluxFillPipeline, FluxKontextPipeline, FluxPipeline

    cls, in_channels = {
        "fill": (FluxFillPipeline, 16 + 16 + 256),
        "kontext": (FluxKontextPipeline, 16),
        "text": (FluxPipeline, 16),
    }[kind]
    return _save(cls(**_flux_parts(folder, seed, in_channels)), folder)


def qwen_tokenizer_and_processor():
    """A byte-level Qwen2 tokenizer (the 256 byte symbols, no merges, Qwen's chat and vision tokens) and the
    Qwen2-VL processor around it, with an image processor capped at a few patches."""
    from tokenizers.pre_tokenizers import ByteLevel
    from transformers import Qwen2Tokenizer, Qwen2VLImageProcessor, Qwen2VLProcessor, Qwen2VLVideoProcessor

    vocab = {symbol: i for i, symbol in enumerate(sorted(ByteLevel.alphabet()))}
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>"]
    specials += ["<|image_pad|>", "<|video_pad|>"]
    for token in specials:
        vocab[token] = len(vocab)
    tokenizer = Qwen2Tokenizer(vocab=vocab, merges=[])
    tokenizer.add_special_tokens({"additional_special_tokens": specials[1:]})
    images = Qwen2VLImageProcessor(min_pixels=28 * 28 * 4, max_pixels=28 * 28 * 16)
    processor = Qwen2VLProcessor(image_processor=images, tokenizer=tokenizer, video_processor=Qwen2VLVideoProcessor())
    return tokenizer, processor, vocab


def qwen_image_edit_pipeline(folder: Path, seed: int = 0, plus: bool = False) -> Path:
    """A Qwen-Image-Edit pipeline saved to `folder/model`: a 2-layer Qwen2.5-VL text encoder that also sees the
    image, a 2-layer QwenImage transformer and an 8x video-style VAE (the pipeline always encodes its input at
    about 1 MP, so the VAE is kept narrow to stay fast on a CPU). `plus`: the 2509 release's pipeline class, same
    components."""
    import torch
    from diffusers import (
        AutoencoderKLQwenImage,
        FlowMatchEulerDiscreteScheduler,
        QwenImageEditPipeline,
        QwenImageEditPlusPipeline,
        QwenImageTransformer2DModel,
    )
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    tokenizer, processor, vocab = qwen_tokenizer_and_processor()
    torch.manual_seed(seed)
    text = {"hidden_size": 16, "intermediate_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2}
    text |= {"num_key_value_heads": 2, "rope_theta": 1e6, "vocab_size": len(tokenizer)}
    text |= {"rope_scaling": {"mrope_section": [1, 1, 2], "rope_type": "default", "type": "default"}}
    text |= {"bos_token_id": None, "eos_token_id": vocab["<|im_end|>"]}
    config = Qwen2_5_VLConfig(
        text_config=text,
        vision_config={"depth": 2, "hidden_size": 16, "intermediate_size": 16, "num_heads": 2, "out_hidden_size": 16},
        hidden_size=16,
        vocab_size=len(tokenizer),
        bos_token_id=None,
        eos_token_id=vocab["<|im_end|>"],
        image_token_id=vocab["<|image_pad|>"],
        video_token_id=vocab["<|video_pad|>"],
        vision_start_token_id=vocab["<|vision_start|>"],
        vision_end_token_id=vocab["<|vision_end|>"],
    )
    transformer = QwenImageTransformer2DModel(
        patch_size=2,
        in_channels=16,
        out_channels=4,
        num_layers=2,
        attention_head_dim=16,
        num_attention_heads=3,
        joint_attention_dim=16,
        guidance_embeds=False,
        axes_dims_rope=(8, 4, 4),
    )
    vae = AutoencoderKLQwenImage(
        base_dim=8,
        z_dim=4,
        dim_mult=[1, 2, 4, 4],
        num_res_blocks=1,
        temperal_downsample=[False, True, True],
        latents_mean=[0.0] * 4,
        latents_std=[1.0] * 4,
    )
    pipe = (QwenImageEditPlusPipeline if plus else QwenImageEditPipeline)(
        scheduler=FlowMatchEulerDiscreteScheduler(),
        vae=vae,
        text_encoder=Qwen2_5_VLForConditionalGeneration(config),
        tokenizer=tokenizer,
        processor=processor,
        transformer=transformer,
    )
    return _save(pipe, folder)


def clip_vision_embedder(folder: Path, seed: int = 0) -> Path:
    """A tiny CLIP vision model with projection and its image processor, for identity measurement."""
    import torch
    from transformers import CLIPImageProcessor, CLIPVisionConfig, CLIPVisionModelWithProjection

    torch.manual_seed(seed)
    config = CLIPVisionConfig(
        hidden_size=32,
        intermediate_size=37,
        num_attention_heads=4,
        num_hidden_layers=2,
        image_size=32,
        patch_size=8,
        projection_dim=16,
    )
    CLIPVisionModelWithProjection(config).save_pretrained(folder)
    CLIPImageProcessor(size={"shortest_edge": 32}, crop_size={"height": 32, "width": 32}).save_pretrained(folder)
    return folder


def ip_adapter(folder: Path, unet_folder: Path, seed: int = 0) -> Path:
    """A tiny IP-Adapter for the tiny inpainting UNet: image projection and per-cross-attention key/value
    weights (keyed 1, 3, 5, … as diffusers expects), plus its CLIP image encoder."""
    import torch
    from diffusers import UNet2DConditionModel
    from safetensors.torch import save_file

    unet = UNet2DConditionModel.from_pretrained(unet_folder / "unet")
    encoder = clip_vision_embedder(folder / "image_encoder", seed=seed)
    from transformers import CLIPVisionConfig

    embed_dim = CLIPVisionConfig.from_pretrained(encoder).projection_dim
    cross = unet.config.cross_attention_dim
    generator = torch.Generator().manual_seed(seed)
    tensors = {
        "image_proj.proj.weight": torch.randn(4 * cross, embed_dim, generator=generator) * 0.02,
        "image_proj.proj.bias": torch.zeros(4 * cross),
        "image_proj.norm.weight": torch.ones(cross),
        "image_proj.norm.bias": torch.zeros(cross),
    }
    key_id = 1
    for name in unet.attn_processors:
        if name.endswith("attn1.processor"):
            continue
        if name.startswith("mid_block"):
            hidden = unet.config.block_out_channels[-1]
        elif name.startswith("up_blocks"):
            hidden = list(reversed(unet.config.block_out_channels))[int(name[len("up_blocks.")])]
        else:
            hidden = unet.config.block_out_channels[int(name[len("down_blocks.")])]
        for kind in ("to_k_ip", "to_v_ip"):
            tensors[f"ip_adapter.{key_id}.{kind}.weight"] = torch.randn(hidden, cross, generator=generator) * 0.02
        key_id += 2
    save_file(tensors, str(folder / "ip_adapter.safetensors"))
    return folder


def clipseg(folder: Path, seed: int = 0, constant_logit: float | None = None) -> Path:
    """A tiny CLIPSeg with its processor. With `constant_logit`, the decoder's last layer is zeroed and its
    bias set, so every pixel's logit is that value whatever the phrase: a model whose answer is known."""
    import torch
    from transformers import CLIPSegConfig, CLIPSegForImageSegmentation, CLIPSegProcessor, ViTImageProcessor

    tokenizer = clip_tokenizer(folder / "tokenizer-src")
    torch.manual_seed(seed)
    config = CLIPSegConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": 32,
            "intermediate_size": 37,
            "num_attention_heads": 4,
            "num_hidden_layers": 2,
            "bos_token_id": 0,
            "eos_token_id": 1,
            "pad_token_id": 2,
        },
        vision_config={
            "hidden_size": 32,
            "intermediate_size": 37,
            "num_attention_heads": 4,
            "num_hidden_layers": 3,
            "image_size": 32,
            "patch_size": 8,
        },
        projection_dim=16,
        extract_layers=(1, 2),
        reduce_dim=16,
        decoder_intermediate_size=32,
        decoder_num_attention_heads=2,
    )
    model = CLIPSegForImageSegmentation(config)
    if constant_logit is not None:
        with torch.no_grad():
            model.decoder.transposed_convolution.weight.zero_()
            model.decoder.transposed_convolution.bias.fill_(constant_logit)
    out = folder / "clipseg"
    model.save_pretrained(out)
    image_processor = ViTImageProcessor(size={"height": 32, "width": 32})
    CLIPSegProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(out)
    return out


def grounding_dino(folder: Path, seed: int = 0) -> Path:
    """A tiny GroundingDINO (Swin backbone, one-layer BERT) with its processor and a word-level vocabulary."""
    import torch
    from transformers import (
        BertTokenizer,
        GroundingDinoConfig,
        GroundingDinoForObjectDetection,
        GroundingDinoImageProcessor,
        GroundingDinoProcessor,
    )

    folder.mkdir(parents=True, exist_ok=True)
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "a", "the", "car", "cup", "rocket", "sky", "dog"]
    (folder / "vocab.txt").write_text("\n".join(words + [chr(c) for c in range(97, 123)]) + "\n")
    tokenizer = BertTokenizer(str(folder / "vocab.txt"))
    torch.manual_seed(seed)
    config = GroundingDinoConfig(
        backbone_config={
            "model_type": "swin",
            "embed_dim": 16,
            "depths": [1, 1, 1, 1],
            "num_heads": [1, 1, 1, 1],
            "window_size": 4,
            "image_size": 64,
            "out_features": ["stage2", "stage3", "stage4"],
        },
        text_config={
            "model_type": "bert",
            "vocab_size": len(tokenizer),
            "hidden_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "intermediate_size": 37,
            "max_position_embeddings": 64,
        },
        d_model=32,
        encoder_layers=1,
        decoder_layers=2,  # the box heads of layers 1.. are tied to layer 0's, so at least two
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        num_queries=10,
        num_feature_levels=3,
        encoder_n_points=2,
        decoder_n_points=2,
        max_text_len=32,
    )
    out = folder / "grounding-dino"
    GroundingDinoForObjectDetection(config).save_pretrained(out)
    image_processor = GroundingDinoImageProcessor(size={"shortest_edge": 64, "longest_edge": 96})
    GroundingDinoProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(out)
    return out


def sam(folder: Path, seed: int = 0) -> Path:
    """A tiny SAM (64-px ViT) with its processor."""
    import torch
    from transformers import (
        SamConfig,
        SamImageProcessor,
        SamMaskDecoderConfig,
        SamModel,
        SamProcessor,
        SamPromptEncoderConfig,
        SamVisionConfig,
    )

    torch.manual_seed(seed)
    config = SamConfig(
        vision_config=SamVisionConfig(
            hidden_size=32,
            output_channels=16,
            num_hidden_layers=2,
            num_attention_heads=2,
            image_size=64,
            patch_size=8,
            mlp_dim=37,
            global_attn_indexes=[1],
            window_size=4,
            num_pos_feats=8,  # the shared positional embedding is 2 × this = the prompt encoder's width
        ),
        prompt_encoder_config=SamPromptEncoderConfig(
            hidden_size=16, image_size=64, patch_size=8, mask_input_channels=4
        ),
        mask_decoder_config=SamMaskDecoderConfig(
            hidden_size=16, num_hidden_layers=2, num_attention_heads=2, mlp_dim=32, iou_head_hidden_dim=16
        ),
    )
    out = folder / "sam"
    SamModel(config).save_pretrained(out)
    SamProcessor(
        image_processor=SamImageProcessor(
            size={"longest_edge": 64},
            pad_size={"height": 64, "width": 64},
            mask_size={"longest_edge": 16},
            mask_pad_size={"height": 16, "width": 16},
        )
    ).save_pretrained(out)
    return out


def segment_anything_checkpoint(folder: Path, seed: int = 0) -> Path:
    """A small SAM built with the segment-anything package's own builder (width 64, depth 4, two global
    blocks) and saved as a state dict, the way Meta ships sam_vit_b_01ec64.pth."""
    import torch
    from segment_anything.build_sam import _build_sam

    torch.manual_seed(seed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sam_tiny.pth"
    torch.save(_build_sam(64, 4, 2, [1, 3]).state_dict(), path)
    return path
