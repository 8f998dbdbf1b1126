"""Finding and loading the registered pyfunc model for prediction."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_MODEL_URI = "models:/quotestance@champion"
DEFAULT_TRACKING_URI = "sqlite:///experiments/mlflow.db"
_RUN_ID = re.compile(r"^[0-9a-f]{32}$")


class ModelNotFoundError(LookupError):
    """No usable model at the URI; the message says what to do."""


def tracking_uri() -> str:
    return os.environ.get("MLFLOW_TRACKING_URI") or DEFAULT_TRACKING_URI


def resolve_model_uri(model: str) -> str:
    """A run id, a local model directory or any MLflow model URI → an MLflow model URI."""
    if _RUN_ID.match(model):
        return f"runs:/{model}/model"
    path = Path(model)
    if path.exists():
        if not (path / "MLmodel").is_file():
            raise ModelNotFoundError(f"{model}: not an MLflow model directory (no MLmodel file)")
        return str(path.resolve())
    if "://" not in model and not model.startswith(("models:/", "runs:/")):
        raise ModelNotFoundError(f"unknown model URI {model!r}: not a run id, a model directory "
                                 "or an MLflow URI (models:/NAME@ALIAS, runs:/ID/model)")
    return model


def load_model(model: str = DEFAULT_MODEL_URI):
    """The pyfunc model behind `model`, or ModelNotFoundError with a one-line reason."""
    uri = resolve_model_uri(model)
    store = tracking_uri()
    needs_store = uri.startswith(("models:/", "runs:/"))
    if needs_store and store.startswith("sqlite:///") and not Path(store[10:]).exists():
        raise ModelNotFoundError(f"no trained model yet: no MLflow store at {store[10:]} "
                                 "(run `make train` first, or pass --model)")
    import mlflow
    from mlflow.exceptions import MlflowException

    mlflow.set_tracking_uri(store)
    try:
        return mlflow.pyfunc.load_model(uri)
    except MlflowException as err:
        if model == DEFAULT_MODEL_URI:
            raise ModelNotFoundError("no trained model yet: no 'champion' version of model "
                                     "'quotestance' (run `make train` first)") from None
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelNotFoundError(f"unknown model URI {model!r}: {first_line}") from None
    except OSError as err:
        raise ModelNotFoundError(f"cannot load model {model!r}: {err}") from None
