"""Classifier families. Each builds an estimator with `fit(texts, labels)` and `predict_proba(texts)`."""
