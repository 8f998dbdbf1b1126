"""Training job: fit one classifier per task, evaluate, track in MLflow, register the bundle.

    python -m quotestance.train [experiment=svm] [model.estimator...=...]   (Hydra overrides)
"""

from __future__ import annotations

import logging
import signal
import sys
import tempfile
from pathlib import Path

import hydra
from omegaconf import DictConfig, OmegaConf

log = logging.getLogger(__name__)


def _task_data(ds, field: str, min_examples: int | None) -> tuple[list[str], list[str]]:
    """Texts and labels of one task; labels rarer than `min_examples` in this split are left out."""
    texts, labels = ds["text"], ds[field]
    pairs = [(t, y) for t, y in zip(texts, labels) if y is not None]
    if min_examples:
        from collections import Counter

        counts = Counter(y for _, y in pairs)
        pairs = [(t, y) for t, y in pairs if counts[y] >= min_examples]
    return [t for t, _ in pairs], [y for _, y in pairs]


def train(cfg: DictConfig) -> dict[str, float]:
    """Train and evaluate every task of `cfg.tasks`; return the logged metrics."""
    import joblib
    import mlflow
    import pandas as pd
    from hydra.utils import instantiate

    from quotestance import pyfunc, tracking
    from quotestance.bundle import StatementClassifier
    from quotestance.dataset import data_summary, load_statements

    data = load_statements(cfg.data.corpus_dir)
    summary = data_summary(cfg.data.corpus_dir, data)
    tc = cfg.tracking
    tracking.configure(tc.tracking_uri, tc.experiment_name, tc.artifact_location)
    parent = tracking.parent_run_id()
    metrics: dict[str, float] = {}
    with mlflow.start_run(run_name=cfg.run_name, parent_run_id=parent, nested=parent is not None) as run:
        mlflow.log_params(tracking.flatten(OmegaConf.to_container(cfg, resolve=True)))
        mlflow.log_params({f"data.{k}": v for k, v in summary.items()})
        mlflow.log_text(OmegaConf.to_yaml(cfg, resolve=True), "config.yaml")
        mlflow.set_tags({"git_commit": tracking.git_commit() or "unknown", "model_family": cfg.model.name})

        estimators = {}
        for task, task_cfg in cfg.tasks.items():
            texts, labels = _task_data(data["train"], task_cfg.field, task_cfg.get("min_examples"))
            log.info("%s: fitting %s on %d statements", task, cfg.model.name, len(texts))
            estimator = instantiate(cfg.model.estimator, _convert_="all")
            params = estimator.get_params(deep=False) if hasattr(estimator, "get_params") else {}
            if "log_prefix" in params:  # estimators that log per-step metrics name them per task
                estimator.set_params(log_prefix=f"{task}/")
            estimator.fit(texts, labels)
            estimators[task] = estimator
            for split in ("dev", "test"):
                metrics.update(_evaluate(task, split, estimator, data[split], task_cfg.field))
        for split in ("dev", "test"):
            metrics[f"{split}/macro_f1_mean"] = sum(
                metrics[f"{task}/{split}/macro_f1"] for task in estimators) / len(estimators)
        mlflow.log_metrics(metrics)

        bundle = StatementClassifier(estimators, {"model_family": cfg.model.name,
                                                   "data_fingerprint": summary["fingerprint"]})
        example = pd.DataFrame({pyfunc.INPUT_COLUMN: list(data["dev"]["text"][:3]) or ["Nous sommes prêts."]})
        with tempfile.TemporaryDirectory() as tmp:
            bundle_path = Path(tmp) / "bundle.joblib"
            joblib.dump(bundle, bundle_path)
            model_info = mlflow.pyfunc.log_model(
                name="model",
                python_model=pyfunc.__file__,
                artifacts={"bundle": str(bundle_path)},
                signature=_signature(example, pd.DataFrame(bundle.classify(list(example.text)))),
                input_example=example,
                pip_requirements=_requirements(),
                registered_model_name=tc.registered_model_name if tc.register else None,
            )
        if tc.register:
            version = str(model_info.registered_model_version)
            promoted, reason = tracking.promote_if_better(
                mlflow.MlflowClient(), tc.registered_model_name, version, tc.champion_alias,
                tc.champion_metric, metrics[tc.champion_metric], tc.greater_is_better)
            mlflow.set_tags({"champion_decision": reason, "registered_version": version,
                             "promoted": str(promoted).lower()})
            log.info(reason)
        log.info("run %s: %s", run.info.run_id,
                 ", ".join(f"{k}={v:.3f}" for k, v in metrics.items() if k.endswith("macro_f1")))
    return metrics


def _evaluate(task: str, split: str, estimator, ds, field: str) -> dict[str, float]:
    """Scores, report, confusion/F1 plot and reliability diagram of one task on one split,
    overall and per language (metrics only)."""
    import matplotlib.pyplot as plt
    import mlflow
    import numpy as np

    from quotestance.evaluation import TaskEvaluation

    rows = [(t, y, lang) for t, y, lang in zip(ds["text"], ds[field], ds["lang"]) if y is not None]
    if not rows:
        return {}
    proba = estimator.predict_proba([t for t, _, _ in rows])
    classes = [str(c) for c in estimator.classes_]
    pred = [classes[i] for i in np.argmax(proba, axis=1)]
    gold = [y for _, y, _ in rows]
    labels = sorted(set(classes) | set(gold))
    evaluation = TaskEvaluation(task, split, labels, gold, pred, list(np.max(proba, axis=1)))
    metrics = evaluation.metrics()
    mlflow.log_text(evaluation.report(), f"reports/{task}_{split}.txt")
    for name, figure in (("", evaluation.figure()), ("_reliability", evaluation.reliability_figure())):
        mlflow.log_figure(figure, f"plots/{task}_{split}{name}.png")
        plt.close(figure)
    for lang in sorted({lang for _, _, lang in rows}):
        idx = [i for i, (_, _, lg) in enumerate(rows) if lg == lang]
        subset = TaskEvaluation(task, f"{split}/{lang}", labels, [gold[i] for i in idx], [pred[i] for i in idx])
        metrics.update({k: v for k, v in subset.metrics().items() if k.endswith(("macro_f1", "accuracy"))})
    return metrics


def _signature(example, output):
    import warnings

    from mlflow.models import infer_signature
    from mlflow.types import ColSpec, Schema

    from quotestance import pyfunc

    with warnings.catch_warnings():
        # start/end are integer offsets that are never missing: MLflow's hint does not apply.
        warnings.filterwarnings("ignore", message=".*integer column.*")
        signature = infer_signature(example, output, params=pyfunc.PARAMS)
    # `doc` names articles in article mode; statements need only `text`.
    signature.inputs = Schema([ColSpec("string", pyfunc.INPUT_COLUMN),
                               ColSpec("string", pyfunc.DOC_COLUMN, required=False)])
    return signature


# Distributions a bundle may need at serving time, by the module that training imported.
OPTIONAL_REQUIREMENTS = {"torch": "torch", "transformers": "transformers", "spacy": "spacy",
                         "vaderSentiment": "vaderSentiment", "textblob_fr": "textblob-fr"}


def _requirements() -> list[str]:
    """Pinned from the running environment (mlflow's own inference would import the model in a
    subprocess): the core, plus the libraries this job's model family imported."""
    from importlib.metadata import version

    core = ["mlflow", "scikit-learn", "pandas", "joblib", "pyyaml"]
    used = [dist for module, dist in OPTIONAL_REQUIREMENTS.items() if module in sys.modules]
    return [f"{pkg}=={version(pkg)}" for pkg in core + used]


def _raise_on_sigterm(signum, frame):
    # Turn `kill` into an exception so the active MLflow run closes as FAILED, not RUNNING.
    raise SystemExit(128 + signum)


@hydra.main(version_base="1.3", config_path="../../conf", config_name="train")
def main(cfg: DictConfig) -> float:
    from quotestance.corpus import CorpusError

    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    try:
        metrics = train(cfg)
    except CorpusError as err:
        print(f"error: {err} (run `quotestance data validate`)", file=sys.stderr)
        raise SystemExit(2) from None
    return metrics[cfg.tracking.champion_metric]


if __name__ == "__main__":
    main()
