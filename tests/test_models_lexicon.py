"""model=lexicon: VADER / textblob-fr polarity → sentiment labels; the prior elsewhere."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from conftest import STATEMENTS, make_cfg

SENTIMENTS = ["positive", "negative", "neutral"]


def _fitted(**params):
    from quotestance.models.sentiment_lexicon import LexiconSentiment

    return LexiconSentiment(**params).fit(["a", "b", "c"], SENTIMENTS)


def test_clear_statements_in_both_languages():
    clf = _fitted()
    texts = ["We welcome this agreement and thank our partners.",
             "These accusations are a disgrace and a lie.",
             "Cette décision est inacceptable et dangereuse.",
             "Nous saluons la coopération exemplaire de nos voisins.",
             "The committee meets every quarter in Geneva."]
    assert list(clf.predict(texts)) == ["positive", "negative", "negative", "positive", "neutral"]
    _, langs = clf.polarity(texts)
    assert langs == ["en", "en", "fr", "fr", "en"]
    proba = clf.predict_proba(texts)
    assert proba.shape == (5, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert list(clf.classes_) == ["negative", "neutral", "positive"]


def test_thresholds_decide_and_the_argmax_follows_them():
    from quotestance.models.sentiment_lexicon import LexiconSentiment

    strict = _fitted(thresholds={"en": [-0.99, 0.99], "fr": [-0.99, 0.99]})
    assert set(strict.predict(["We welcome this agreement and thank our partners."])) == {"neutral"}
    clf = _fitted(temperature=0.05)
    texts = ["I love it", "I hate it", "Le sommet aura lieu en juin."]
    polarity, langs = clf.polarity(texts)
    for p, lang, label in zip(polarity, langs, clf.predict(texts), strict=True):
        lower, upper = clf._thresholds()[lang]
        assert label == ("positive" if p >= upper else "negative" if p <= lower else "neutral")
    with pytest.raises(ValueError):
        LexiconSentiment(thresholds={"en": [0.5, -0.5]}).fit(["a", "b"], ["positive", "negative"])


def test_other_tasks_fall_back_to_the_class_prior():
    from quotestance.models.sentiment_lexicon import LexiconSentiment

    stances = ["conflictual", "neutral", "conflictual", "cooperative"]
    clf = LexiconSentiment().fit(["a", "b", "c", "d"], stances)
    assert not clf.uses_lexicon_
    assert list(clf.predict(["We welcome this.", "x"])) == ["conflictual", "conflictual"]
    np.testing.assert_allclose(clf.predict_proba(["x"]), [[0.5, 0.25, 0.25]])


def test_pickles_without_the_analyzers():
    clf = _fitted()
    before = clf.predict_proba(["We welcome this agreement."])
    restored = pickle.loads(pickle.dumps(clf))
    assert getattr(restored, "_vader", None) is None
    np.testing.assert_allclose(restored.predict_proba(["We welcome this agreement."]), before)


def test_lexicon_run_end_to_end(tiny_corpus, tmp_path):
    from quotestance.train import train

    metrics = train(make_cfg(tiny_corpus, tmp_path / "store", ["model=lexicon"]))
    assert metrics["sentiment/test/macro_f1"] > 0.5
    # stance and country: the majority class only
    assert metrics["stance/test/macro_f1"] < 0.5
    assert len(STATEMENTS) == 12
