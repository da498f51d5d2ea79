"""A tiny random BART with a tokenizer trained here: the seq2seq backend end to end, offline, in a second."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = [
    "Acme Corp signed a partnership with Globex on Tuesday to build data centres in Ohio.",
    "Shares of Initech rose 3.5 percent after the company said revenue reached $2 billion.",
    "The quick brown fox jumps over the lazy dog while the cat sleeps.",
    "Researchers at the university released an open model for summarising news articles.",
    "The deal, worth about 120 million dollars, gives the startup access to cloud chips.",
]
MAX_POSITIONS = 64


def build_tiny_bart(folder: Path) -> Path:
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from tokenizers.processors import TemplateProcessing
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    bpe = ByteLevelBPETokenizer()
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    bpe.train_from_iterator(CORPUS, vocab_size=420, min_frequency=1, special_tokens=specials, show_progress=False)
    bpe._tokenizer.post_processor = TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=bpe._tokenizer, bos_token="<s>", pad_token="<pad>",
                                        eos_token="</s>", unk_token="<unk>", mask_token="<mask>",
                                        model_max_length=MAX_POSITIONS)
    config = BartConfig(
        vocab_size=len(tokenizer), d_model=16, init_std=1.0, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
        max_position_embeddings=MAX_POSITIONS, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id, forced_eos_token_id=tokenizer.eos_token_id,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a random 2-layer BART and its tokenizer (save_pretrained)."""
    return build_tiny_bart(tmp_path_factory.mktemp("tiny-bart"))
