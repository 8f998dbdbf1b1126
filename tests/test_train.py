"""train(cfg) end to end on the tiny corpus, with a temporary MLflow store."""

import os

import mlflow
import pytest
from conftest import make_cfg
from mlflow import MlflowClient
from omegaconf import OmegaConf

from quotestance.train import train

DUMMY = ["model.name=dummy", "~model.estimator",
         "+model.estimator._target_=sklearn.dummy.DummyClassifier",
         "+model.estimator.strategy=prior"]


def _client(store):
    mlflow.set_tracking_uri(f"sqlite:///{store}/mlflow.db")
    return MlflowClient()


def test_train_logs_metrics_artifacts_model_and_champion(tiny_corpus, tmp_path):
    store = tmp_path / "store"
    metrics = train(make_cfg(tiny_corpus, store))
    for task in ("stance", "sentiment", "country"):
        for split in ("dev", "test"):
            assert 0.0 <= metrics[f"{task}/{split}/macro_f1"] <= 1.0
            assert f"{task}/{split}/accuracy" in metrics
    assert set(k for k in metrics if k.startswith("stance/test/f1/")) == {
        "stance/test/f1/cooperative", "stance/test/f1/conflictual", "stance/test/f1/neutral"}

    client = _client(store)
    (run,) = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id])
    assert run.info.status == "FINISHED"
    assert run.data.metrics["stance/dev/macro_f1"] == pytest.approx(metrics["stance/dev/macro_f1"])
    assert run.data.params["model.name"] == "tfidf_logreg"
    assert len(run.data.params["data.fingerprint"]) == 64
    assert run.data.params["data.n_train"] == "48"
    assert len(run.data.tags["git_commit"]) >= 7
    artifacts = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"config.yaml", "plots", "reports"} <= artifacts
    plots = {a.path for a in client.list_artifacts(run.info.run_id, "plots")}
    assert "plots/stance_test.png" in plots and "plots/country_dev.png" in plots
    assert "plots/sentiment_test_reliability.png" in plots
    assert 0.0 <= run.data.metrics["stance/test/ece"] <= 1.0
    assert {"stance/test/fr/macro_f1", "stance/test/en/macro_f1", "sentiment/dev/fr/accuracy"} <= set(metrics)

    champion = client.get_model_version_by_alias("quotestance", "champion")
    assert str(champion.version) == "1" and champion.run_id == run.info.run_id
    assert run.data.tags["champion_decision"].startswith("promoted version 1")


def test_champion_moves_only_to_a_better_model(tiny_corpus, tmp_path):
    store = tmp_path / "store"
    weak = train(make_cfg(tiny_corpus, store, DUMMY))
    strong = train(make_cfg(tiny_corpus, store))
    assert strong["dev/macro_f1_mean"] > weak["dev/macro_f1_mean"]
    client = _client(store)
    assert str(client.get_model_version_by_alias("quotestance", "champion").version) == "2"

    train(make_cfg(tiny_corpus, store, DUMMY))
    assert str(client.get_model_version_by_alias("quotestance", "champion").version) == "2"
    latest = client.get_model_version("quotestance", "3")
    tags = client.get_run(latest.run_id).data.tags
    assert tags["promoted"] == "false"
    assert tags["champion_decision"].startswith("kept version 2")


def test_interrupted_training_marks_the_run_failed(tiny_corpus, tmp_path):
    store = tmp_path / "store"
    cfg = make_cfg(tiny_corpus, store, [
        "~model.estimator", "+model.estimator._target_=tests_support.InterruptingClassifier"])
    with pytest.raises(KeyboardInterrupt):
        train(cfg)
    client = _client(store)
    (run,) = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id])
    assert run.info.status == "FAILED"


def test_fingerprint_changes_with_any_label(tiny_corpus):
    from quotestance.corpus import fingerprint

    before = fingerprint(tiny_corpus)
    ann = tiny_corpus / "articles" / "t001.json"
    ann.write_text(ann.read_text().replace('"positive"', '"neutral"', 1))
    assert fingerprint(tiny_corpus) != before


def test_sweep_jobs_nest_under_one_parent_run(tiny_corpus, tmp_path, monkeypatch):
    from quotestance.tracking import PARENT_RUN_ENV, SweepParentRun

    monkeypatch.delenv(PARENT_RUN_ENV, raising=False)
    store = tmp_path / "store"
    cfg = make_cfg(tiny_corpus, store, ["tracking.register=false"])
    callback = SweepParentRun(cfg.tracking.tracking_uri, "quotestance", str(store / "artifacts"))
    callback.on_multirun_start(config=OmegaConf.create({"hydra": {"job": {"name": "train"}}}))
    parent = callback.run_id
    for seed in (1, 2):
        train(make_cfg(tiny_corpus, store, ["tracking.register=false", f"seed={seed}"]))
    callback.on_multirun_end(config=None)
    client = _client(store)
    runs = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id])
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent]
    assert len(children) == 2 and len(runs) == 3
    assert client.get_run(parent).info.status == "FINISHED"
    assert PARENT_RUN_ENV not in os.environ
