"""`make report`: experiments/REPORT.md from the MLflow store — test macro-F1 per task × model ×
language, mean ± std over the seeds of the latest sweep, with a plot.

    python -m quotestance.report [--tracking-uri URI] [--out experiments]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

TASKS = ("stance", "sentiment", "country")
SCOPES = (("all", ""), ("fr", "/fr"), ("en", "/en"))


def _fmt(values: list[float]) -> str:
    if not values:
        return "—"
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"


def sweep_runs(client, experiment_id: str):
    """Child runs of the most recent sweep (parent tagged quotestance.kind=sweep), finished only."""
    parents = client.search_runs([experiment_id], "tags.`quotestance.kind` = 'sweep'",
                                 order_by=["attributes.start_time DESC"], max_results=1)
    if not parents:
        raise LookupError("no sweep in the store yet: run `make sweep` first")
    parent = parents[0]
    children = client.search_runs(
        [experiment_id], f"tags.mlflow.parentRunId = '{parent.info.run_id}' and attributes.status = 'FINISHED'",
        max_results=1000)
    return parent, children


def collect(children) -> dict[str, dict[str, list[float]]]:
    """model family → metric name → values over seeds."""
    table: dict[str, dict[str, list[float]]] = {}
    for run in children:
        family = run.data.params.get("model.name", "?")
        for name, value in run.data.metrics.items():
            table.setdefault(family, {}).setdefault(name, []).append(value)
    return table


def render(parent, table: dict[str, dict[str, list[float]]], plot_name: str | None) -> str:
    seeds = max((len(v) for m in table.values() for v in m.values()), default=0)
    lines = [
        "# quotestance — experiment report",
        "",
        f"Written by `make report` from the MLflow store: sweep run `{parent.info.run_id}` "
        f"({len(table)} model families, up to {seeds} seeds each). Test split of the shipped corpus; "
        "macro-F1, mean ± standard deviation over seeds.",
        "",
    ]
    header = "| model | " + " | ".join(f"{task} {scope}" for task in TASKS for scope, _ in SCOPES) + " |"
    lines += [header, "|" + " --- |" * (1 + len(TASKS) * len(SCOPES))]
    for family in sorted(table):
        metrics = table[family]
        cells = [_fmt(metrics.get(f"{task}/test{suffix}/macro_f1", [])) for task in TASKS for _, suffix in SCOPES]
        lines.append(f"| `{family}` | " + " | ".join(cells) + " |")
    lines += ["", "Calibration (expected calibration error on test, lower is better) and external check on "
              "CAMEO/PLOVER verbal events where the run logged it:", "",
              "| model | stance ECE | sentiment ECE | country ECE | CAMEO stance macro-F1 | CAMEO country acc. |",
              "| --- | --- | --- | --- | --- | --- |"]
    for family in sorted(table):
        m = table[family]
        lines.append(f"| `{family}` | {_fmt(m.get('stance/test/ece', []))} | {_fmt(m.get('sentiment/test/ece', []))} "
                     f"| {_fmt(m.get('country/test/ece', []))} | {_fmt(m.get('cameo/stance_macro_f1', []))} "
                     f"| {_fmt(m.get('cameo/country_accuracy', []))} |")
    if plot_name:
        lines += ["", f"![test macro-F1 per task, model and language]({plot_name})"]
    return "\n".join(lines) + "\n"


def plot(table: dict[str, dict[str, list[float]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    families = sorted(table)
    fig, axes = plt.subplots(1, len(TASKS), figsize=(5 * len(TASKS), 4), sharey=True)
    width = 0.8 / len(SCOPES)
    for ax, task in zip(axes, TASKS):
        for k, (scope, suffix) in enumerate(SCOPES):
            values = [table[f].get(f"{task}/test{suffix}/macro_f1", []) for f in families]
            means = [statistics.mean(v) if v else 0 for v in values]
            errs = [statistics.stdev(v) if len(v) > 1 else 0 for v in values]
            ax.bar([i + k * width for i in range(len(families))], means, width, yerr=errs, label=scope)
        ax.set_xticks([i + width for i in range(len(families))], families, rotation=45, ha="right")
        ax.set_title(f"{task}: test macro-F1")
        ax.set_ylim(0, 1)
    axes[0].legend(title="language")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


CAMEO_METRICS = {"stance/macro_f1": "cameo/stance_macro_f1", "country/model_accuracy": "cameo/country_accuracy"}


def score_external(client, children, cameo_path: Path) -> None:
    """Score every run's model on the CAMEO sentences once, and log the figures into that run."""
    from quotestance.external import load_cameo, score_cameo
    from quotestance.serving import load_model

    items = load_cameo(cameo_path)
    for run in children:
        if all(name in run.data.metrics for name in CAMEO_METRICS.values()):
            continue
        scores = score_cameo(load_model(f"runs:/{run.info.run_id}/model"), items)
        for key, name in CAMEO_METRICS.items():
            if key in scores:
                client.log_metric(run.info.run_id, name, scores[key])
                run.data.metrics[name] = scores[key]


def write_report(tracking_uri: str, out_dir: Path, experiment_name: str = "quotestance",
                 cameo_path: Path | None = None) -> Path:
    import mlflow
    from mlflow import MlflowClient

    mlflow.set_tracking_uri(tracking_uri)
    client = MlflowClient()
    experiment = client.get_experiment_by_name(experiment_name)
    if experiment is None:
        raise LookupError(f"no experiment {experiment_name!r} in {tracking_uri}: run `make sweep` first")
    parent, children = sweep_runs(client, experiment.experiment_id)
    if not children:
        raise LookupError(f"sweep {parent.info.run_id} has no finished runs")
    if cameo_path is not None:
        score_external(client, children, cameo_path)
    table = collect(children)
    out_dir.mkdir(parents=True, exist_ok=True)
    plot(table, out_dir / "report_macro_f1.png")
    report = out_dir / "REPORT.md"
    report.write_text(render(parent, table, "report_macro_f1.png"), encoding="utf-8")
    return report


def main() -> None:
    import os
    import sys

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracking-uri", default=os.environ.get("MLFLOW_TRACKING_URI")
                        or "sqlite:///experiments/mlflow.db")
    parser.add_argument("--out", type=Path, default=Path("experiments"))
    parser.add_argument("--cameo", type=Path, default=None,
                        help="PLOVER/CAMEO file to score every run on (default: the shared benchmark "
                             "beside the repository, when it is there)")
    args = parser.parse_args()
    from quotestance.external import DEFAULT_CAMEO_PATH

    cameo = args.cameo or (DEFAULT_CAMEO_PATH if DEFAULT_CAMEO_PATH.exists() else None)
    try:
        print(write_report(args.tracking_uri, args.out, cameo_path=cameo))
    except LookupError as err:
        print(f"error: {err}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
