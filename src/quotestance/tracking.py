"""MLflow: where runs go, what each run records, and the registry's champion alias."""

from __future__ import annotations

import atexit
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import mlflow
from hydra.experimental.callback import Callback
from mlflow import MlflowClient

PARENT_RUN_ENV = "QUOTESTANCE_PARENT_RUN_ID"
MAX_PARAM_LENGTH = 6000


def configure(tracking_uri: str, experiment_name: str, artifact_location: str) -> str:
    """Point MLflow at the store and make sure the experiment exists with artifacts under ours."""
    if tracking_uri.startswith("sqlite:///"):
        Path(tracking_uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(tracking_uri)
    client = MlflowClient()
    experiment = client.get_experiment_by_name(experiment_name)
    if experiment is None:
        location = Path(artifact_location).resolve()
        location.mkdir(parents=True, exist_ok=True)
        experiment_id = client.create_experiment(experiment_name, artifact_location=location.as_uri())
    else:
        experiment_id = experiment.experiment_id
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id


def flatten(config: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested config → {"model.estimator.C": "10", ...}, values cut to MLflow's parameter limit."""
    flat = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)[:MAX_PARAM_LENGTH]
    return flat


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def parent_run_id() -> str | None:
    """Set by the multirun callback so every job of a sweep nests under one parent run."""
    return os.environ.get(PARENT_RUN_ENV)


def promote_if_better(client: MlflowClient, model_name: str, version: str, alias: str,
                      metric: str, value: float, greater_is_better: bool) -> tuple[bool, str]:
    """Move `alias` to `version` only when it beats the current holder on `metric`."""
    try:
        current = client.get_model_version_by_alias(model_name, alias)
    except mlflow.exceptions.MlflowException:
        current = None
    if current is not None:
        best = client.get_run(current.run_id).data.metrics.get(metric)
        if best is not None:
            better = value > best if greater_is_better else value < best
            if not better:
                return False, (f"kept version {current.version} as {alias}: "
                               f"{metric} {value:.4f} does not beat {best:.4f}")
            client.set_registered_model_alias(model_name, alias, version)
            return True, (f"promoted version {version} to {alias}: "
                          f"{metric} {value:.4f} beats {best:.4f} (version {current.version})")
    client.set_registered_model_alias(model_name, alias, version)
    return True, f"promoted version {version} to {alias}: no previous {alias} with {metric}"


class SweepParentRun(Callback):
    """Hydra callback: one parent MLflow run around a multirun; jobs attach as child runs."""

    def __init__(self, tracking_uri: str, experiment_name: str, artifact_location: str) -> None:
        self.settings = (tracking_uri, experiment_name, artifact_location)
        self.run_id: str | None = None

    def on_multirun_start(self, config, **kwargs) -> None:
        experiment_id = configure(*self.settings)
        run = MlflowClient().create_run(experiment_id, run_name=f"sweep-{config.hydra.job.name}",
                                        tags={"quotestance.kind": "sweep"})
        self.run_id = run.info.run_id
        os.environ[PARENT_RUN_ENV] = self.run_id
        atexit.register(self._close, "FAILED")  # still open at exit means the sweep broke off

    def on_multirun_end(self, config, **kwargs) -> None:
        self._close("FINISHED")

    def _close(self, status: str) -> None:
        if self.run_id is None:
            return
        client = MlflowClient()
        if client.get_run(self.run_id).info.status == "RUNNING":
            client.set_terminated(self.run_id, status)
        os.environ.pop(PARENT_RUN_ENV, None)
        self.run_id = None
