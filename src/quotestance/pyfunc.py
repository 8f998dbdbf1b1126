"""The MLflow pyfunc wrapper: the unit of deployment (CLI, `mlflow models serve`, spark_udf).

predict() is a pure function of its input frame: no global state, no CLI assumptions, no downloads.
"""

from __future__ import annotations

import mlflow.pyfunc
import pandas as pd

from quotestance.contract import OUTPUT_FIELDS

INPUT_COLUMN = "text"
DOC_COLUMN = "doc"
PARAMS = {"mode": "statement", "min_confidence": 0.0}   # mode: "statement" or "article"


class QuotestanceModel(mlflow.pyfunc.PythonModel):
    def load_context(self, context):
        import joblib

        self.bundle = joblib.load(context.artifacts["bundle"])

    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        """`text` holds statements, or whole articles with params={"mode": "article"} (then an
        optional `doc` column names them; rows gain a leading `doc`)."""
        params = {**PARAMS, **(params or {})}
        min_confidence = float(params["min_confidence"])
        texts = [str(t) for t in model_input[INPUT_COLUMN].tolist()]
        if params["mode"] == "article":
            docs = (model_input[DOC_COLUMN].astype(str).tolist() if DOC_COLUMN in model_input
                    else [str(i) for i in range(len(texts))])
            rows = self.bundle.classify_articles(list(zip(docs, texts)), min_confidence)
            return pd.DataFrame(rows, columns=[DOC_COLUMN, *OUTPUT_FIELDS])
        return pd.DataFrame(self.bundle.classify(texts, min_confidence), columns=list(OUTPUT_FIELDS))


# Models from code: MLflow logs this file and rebuilds the model from it (no pickled object).
mlflow.models.set_model(QuotestanceModel())
