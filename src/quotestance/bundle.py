"""One trained model per task, bundled: what gets logged, registered and served."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quotestance.contract import bare_span
from quotestance.langid import detect_lang

SCORED_TASKS = ("stance", "sentiment")
UNCERTAIN = "uncertain"


@dataclass
class StatementClassifier:
    """Fitted estimators keyed by task name (stance, sentiment, country).

    Each estimator follows scikit-learn's classifier protocol: `predict_proba(texts)` and `classes_`.
    """

    estimators: dict[str, Any]
    metadata: dict[str, Any] = field(default_factory=dict)

    def scores(self, texts: list[str]) -> dict[str, list[dict[str, float]]]:
        """Per task, one label → probability mapping per text."""
        out = {}
        for task, est in self.estimators.items():
            proba = est.predict_proba(texts)
            labels = [str(c) for c in est.classes_]
            out[task] = [{lab: round(float(p), 6) for lab, p in zip(labels, row)} for row in proba]
        return out

    def classify(self, texts: list[str], min_confidence: float = 0.0) -> list[dict[str, Any]]:
        """Rows of the output contract for bare statements (no speaker: country comes from the model).

        A stance or sentiment whose top probability is below `min_confidence` is "uncertain"
        (its scores are still given).
        """
        spans = [bare_span(t) for t in texts]
        scores = self.scores([quote for quote, _, _ in spans])
        rows = []
        for i, (quote, start, end) in enumerate(spans):
            row = {"quote": quote, "start": start, "end": end, "speaker": None}
            if "country" in scores:
                row["country"] = max(scores["country"][i], key=scores["country"][i].get)
            else:
                row["country"] = None
            row["country_source"] = "model"
            for task in SCORED_TASKS:
                best = max(scores[task][i], key=scores[task][i].get)
                row[task] = best if scores[task][i][best] >= min_confidence else UNCERTAIN
                row[f"{task}_scores"] = scores[task][i]
            row["lang"] = detect_lang(quote)
            rows.append(row)
        return rows

    def classify_articles(self, articles: list[tuple[str, str]],
                          min_confidence: float = 0.0) -> list[dict[str, Any]]:
        """Rows of the output contract, with `doc` first, for every quoted statement of articles.

        Extraction gives position, speaker and (when attribution finds it) country; the
        classifiers give the labels, and the country where attribution found none.
        """
        from quotestance.article.pipeline import extract_articles

        quotes = extract_articles(articles)
        predictions = self.classify([q["quote"] for q in quotes], min_confidence)
        rows = []
        for quote, pred in zip(quotes, predictions):
            row = {"doc": quote["doc"], **pred}
            for name in ("quote", "start", "end", "speaker", "lang"):
                row[name] = quote[name]
            if quote["country"] is not None:
                row["country"], row["country_source"] = quote["country"], "attribution"
            rows.append(row)
        return rows
