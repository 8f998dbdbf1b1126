"""Classifier families: estimators with `fit(texts, labels)`, `predict_proba(texts)`, `classes_`.

baselines (TF-IDF features), transformer (fine-tuned), embeddings (frozen sentence embeddings and
spaCy vectors, for a logistic regression), sentiment_lexicon (VADER / textblob-fr); pretrained
says where weights come from. Each module imports its heavy libraries only when it is used.
"""
