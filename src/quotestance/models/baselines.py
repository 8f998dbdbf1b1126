"""Bag-of-n-grams features for the scikit-learn baselines (estimators are composed in conf/model/)."""

from __future__ import annotations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion


def tfidf_features(
    word_ngram_range: tuple[int, int] = (1, 2),
    char_ngram_range: tuple[int, int] = (2, 5),
    min_df: int = 1,
    sublinear_tf: bool = True,
    max_features: int | None = None,
) -> FeatureUnion:
    """Word and character n-gram TF-IDF side by side.

    Character n-grams carry French morphology and spelling variants that word n-grams miss on a
    corpus this small. (A factory because TfidfVectorizer insists on tuples, which YAML lacks.)
    """
    common = {"min_df": min_df, "sublinear_tf": sublinear_tf, "max_features": max_features,
              "lowercase": True, "strip_accents": None}
    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=tuple(word_ngram_range), **common)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngram_range), **common)),
    ])
