"""The local backend with a tiny random causal LM, built from a config and a locally trained
tokenizer, saved with save_pretrained and loaded through the real loading path. Its output is
garbage: the validation and retry path must end in a clean exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from editree.errors import InstructionError
from editree.planner import parse
from editree.planner.llm import LLMConfig, LLMUnavailable
from editree.planner.llm.prompt import SYSTEM


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-lm")
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=["<unk>", "<eos>", "<pad>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator([SYSTEM, '{"version": 1, "steps": [{"kind": "edit"}]}'], trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<eos>", pad_token="<pad>", unk_token="<unk>")
    fast.chat_template = "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}assistant:"
    torch.manual_seed(0)
    config = GPT2Config(
        n_layer=2,
        n_embd=32,
        n_head=2,
        vocab_size=len(fast),
        n_positions=1024,
        bos_token_id=1,
        eos_token_id=1,
        pad_token_id=2,
    )
    GPT2LMHeadModel(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_garbage_from_a_local_model_is_a_clean_exit_3(tiny_lm: Path, tmp_path: Path) -> None:
    config = LLMConfig(model=str(tiny_lm), cache_dir=tmp_path)
    assert config.is_local and config.configured
    with pytest.raises(InstructionError) as info:
        parse("make the sky dramatic", planner="llm", llm=config)
    assert info.value.exit_code == 3
    assert "gave no valid plan in 3 tries" in info.value.message and "local model" in info.value.message
    assert "\n" not in info.value.message


def test_a_folder_without_a_model(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(LLMUnavailable, match="cannot load a causal LM from"):
        parse("make the sky dramatic", planner="llm", llm=LLMConfig(model=str(tmp_path / "empty")))
