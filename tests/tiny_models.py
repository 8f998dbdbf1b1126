"""Tiny stand-ins for pretrained weights, written by the tests: nothing is downloaded."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import STATEMENTS

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def corpus_words() -> list[str]:
    words = {w.lower() for text, *_ in STATEMENTS for w in re.findall(r"\w+", text)}
    return sorted(words)


def write_tiny_bert(folder: Path) -> Path:
    """A randomly initialised 2-layer BERT (hidden size 16) and a WordPiece vocabulary of the
    tiny corpus's words, saved as a `from_pretrained` folder."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizer

    vocab = {w: i for i, w in enumerate(SPECIALS + corpus_words())}
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=64)
    BertModel(config).save_pretrained(folder)
    BertTokenizer(vocab=vocab, do_lower_case=True).save_pretrained(folder)
    return folder


def write_tiny_spacy(folder: Path) -> Path:
    """A blank French spaCy pipeline with random 8-d vectors for the tiny corpus's words."""
    import numpy as np
    import spacy

    nlp = spacy.blank("fr")
    rng = np.random.default_rng(0)
    for word in corpus_words():
        nlp.vocab.set_vector(word, rng.normal(size=8).astype("float32"))
        nlp.vocab.set_vector(word.capitalize(), rng.normal(size=8).astype("float32"))
    nlp.to_disk(folder)
    return folder
