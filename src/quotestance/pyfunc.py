"""The MLflow pyfunc wrapper: the unit of deployment (CLI, `mlflow models serve`, spark_udf).

predict() is a pure function of its input frame: no global state, no CLI assumptions, no downloads.
"""

from __future__ import annotations

import mlflow.pyfunc
import pandas as pd

from quotestance.contract import OUTPUT_FIELDS

INPUT_COLUMN = "text"


class QuotestanceModel(mlflow.pyfunc.PythonModel):
    def load_context(self, context):
        import joblib

        self.bundle = joblib.load(context.artifacts["bundle"])

    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        texts = [str(t) for t in model_input[INPUT_COLUMN].tolist()]
        return pd.DataFrame(self.bundle.classify(texts), columns=list(OUTPUT_FIELDS))


# Models from code: MLflow logs this file and rebuilds the model from it (no pickled object).
mlflow.models.set_model(QuotestanceModel())
