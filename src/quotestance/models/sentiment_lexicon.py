"""Lexicon sentiment baseline (`model=lexicon`): VADER for English, textblob-fr for French.

No learning for sentiment: each statement's language is detected (quotestance.langid), its
polarity in [-1, 1] is VADER's `compound` score (English) or textblob-fr's pattern polarity
(French), and the polarity is mapped to the three sentiment labels by two thresholds per language:
positive at or above the upper one, negative at or below the lower one, neutral in
between. `predict_proba`
is a softmax over the margins `(p - upper) / temperature`, `(lower - p) / temperature` and 0, so
its argmax is exactly that rule and `temperature` only sets how sure the scores look.

The job trains one estimator per task from the same config. A lexicon knows nothing of stance or
of countries: on a task whose labels are not the sentiment labels (`positive_label`,
`negative_label`, `neutral_label`) the estimator falls back to the training set's class prior
(what `DummyClassifier(strategy="prior")` does: the majority class, with the class frequencies as
scores), so a `model=lexicon` run compares the lexicons on sentiment against learned models while
its stance and country rows are the majority baseline. The run logs a warning for each such task.

Offline: vaderSentiment ships its lexicon inside the package; textblob-fr ships its pattern
lexicon (fr-sentiment.xml) and needs none of NLTK's downloadable corpora for polarity.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

log = logging.getLogger(__name__)

DEFAULT_THRESHOLDS = {"en": (-0.05, 0.05), "fr": (-0.1, 0.1)}


class LexiconSentiment(ClassifierMixin, BaseEstimator):
    """Polarity of a sentiment lexicon mapped to positive / negative / neutral.

    Parameters:
        thresholds: per language, `[lower, upper]` on the polarity (default: VADER's customary
            ±0.05 for English, ±0.1 for textblob-fr's polarity in French).
        temperature: softness of the probabilities (see the module doc).
        language: "auto" (detect per statement), "en" or "fr".
        positive_label, negative_label, neutral_label: the task's label names.
    """

    def __init__(self, thresholds: Mapping[str, Sequence[float]] | None = None,
                 temperature: float = 0.1, language: str = "auto",
                 positive_label: str = "positive", negative_label: str = "negative",
                 neutral_label: str = "neutral") -> None:
        self.thresholds = thresholds
        self.temperature = temperature
        self.language = language
        self.positive_label = positive_label
        self.negative_label = negative_label
        self.neutral_label = neutral_label

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> LexiconSentiment:
        labels = [str(y) for y in labels]
        self.classes_, counts = np.unique(np.asarray(labels, dtype=object), return_counts=True)
        self.classes_ = self.classes_.astype(str)
        self.prior_ = counts / counts.sum()
        polar = {self.positive_label, self.negative_label}
        self.uses_lexicon_ = polar <= set(self.classes_) <= polar | {self.neutral_label}
        if not self.uses_lexicon_:
            log.warning("lexicon: labels %s are not sentiment labels; falling back to the class "
                        "prior (majority class %r)", sorted(self.classes_),
                        self.classes_[self.prior_.argmax()])
        for lang, pair in self._thresholds().items():
            if not pair[0] <= pair[1]:
                raise ValueError(f"thresholds[{lang!r}]: lower {pair[0]} is above upper {pair[1]}")
        return self

    def _thresholds(self) -> dict[str, tuple[float, float]]:
        out = dict(DEFAULT_THRESHOLDS)
        for lang, pair in (self.thresholds or {}).items():
            out[lang] = (float(pair[0]), float(pair[1]))
        return out

    # -- polarity -----------------------------------------------------------------------------
    def _analyzers(self):
        if getattr(self, "_vader", None) is None:
            from textblob_fr import PatternAnalyzer
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            self._vader = SentimentIntensityAnalyzer()
            self._blob_fr = PatternAnalyzer()
        return self._vader, self._blob_fr

    def polarity(self, texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        """Per statement: the lexicon polarity in [-1, 1] and the language that chose it."""
        from quotestance.langid import detect_lang

        vader, blob_fr = self._analyzers()
        scores, langs = [], []
        for text in texts:
            lang = detect_lang(str(text)) if self.language == "auto" else self.language
            if lang == "fr":
                scores.append(float(blob_fr.analyze(str(text))[0]))
            else:
                lang = "en"
                scores.append(float(vader.polarity_scores(str(text))["compound"]))
            langs.append(lang)
        return np.asarray(scores, dtype=float), langs

    # -- the classifier protocol ----------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not self.uses_lexicon_:
            return np.tile(self.prior_, (len(texts), 1))
        polarity, langs = self.polarity(texts)
        thresholds = self._thresholds()
        lower = np.array([thresholds[lang][0] for lang in langs])
        upper = np.array([thresholds[lang][1] for lang in langs])
        tie = 1e-9  # a polarity equal to a threshold goes to the polar label, as VADER's rule says
        margins = {self.positive_label: (polarity - upper) / self.temperature + tie,
                   self.negative_label: (lower - polarity) / self.temperature + tie,
                   self.neutral_label: np.zeros_like(polarity)}
        logits = np.stack([margins[c] for c in self.classes_], axis=1) if len(texts) else \
            np.zeros((0, len(self.classes_)))
        logits -= logits.max(axis=1, keepdims=True) if len(texts) else 0
        proba = np.exp(logits)
        return proba / proba.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.classes_[self.predict_proba(texts).argmax(axis=1)]

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("_vader", None)
        state.pop("_blob_fr", None)  # reloaded from the packages on first use
        return state
