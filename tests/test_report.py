"""make report: a table of test macro-F1 (mean ± std over seeds) per model, task and language."""

import json
import statistics

import mlflow
import pytest
from conftest import make_cfg
from omegaconf import OmegaConf

from quotestance.report import write_report
from quotestance.tracking import PARENT_RUN_ENV, SweepParentRun
from quotestance.train import train


def test_report_of_a_sweep(tiny_corpus, tmp_path, monkeypatch):
    monkeypatch.delenv(PARENT_RUN_ENV, raising=False)
    store = tmp_path / "store"
    uri = f"sqlite:///{store}/mlflow.db"
    callback = SweepParentRun(uri, "quotestance", str(store / "artifacts"))
    callback.on_multirun_start(config=OmegaConf.create({"hydra": {"job": {"name": "train"}}}))
    scores = []
    for seed in (1, 2):
        metrics = train(make_cfg(tiny_corpus, store, ["tracking.register=false", f"seed={seed}",
                                                        "experiment=svm"]))
        scores.append(metrics["stance/test/fr/macro_f1"])
    callback.on_multirun_end(config=None)

    cameo = tmp_path / "cameo.txt"   # invented sentences in the PLOVER/CAMEO format
    cameo.write_text(json.dumps([
        {"id": "T-1", "event": "AGREE", "text": "French officials agreed to resume talks.",
         "source": [{"actorText": "French officials", "code": "FRA"}]},
        {"id": "T-2", "event": "REJECT", "text": "Moscow rejected the proposal outright.",
         "source": [{"actorText": "Moscow", "code": "RUS"}]},
    ]), encoding="utf-8")
    report = write_report(uri, tmp_path / "out", cameo_path=cameo)
    text = report.read_text()
    client = mlflow.MlflowClient()
    child = client.search_runs([client.get_experiment_by_name("quotestance").experiment_id],
                               "tags.mlflow.parentRunId != ''")[0]
    assert 0.0 <= child.data.metrics["cameo/stance_macro_f1"] <= 1.0
    assert "| `tfidf_svm` |" in text and "stance fr" in text
    expected = f"{statistics.mean(scores):.3f} ± {statistics.stdev(scores):.3f}"
    assert expected in text
    assert (tmp_path / "out" / "report_macro_f1.png").stat().st_size > 1000


def test_report_without_a_sweep_says_so(tmp_path):
    mlflow.set_tracking_uri(f"sqlite:///{tmp_path}/m.db")
    mlflow.MlflowClient().create_experiment("quotestance")
    with pytest.raises(LookupError, match="make sweep"):
        write_report(f"sqlite:///{tmp_path}/m.db", tmp_path / "out")
