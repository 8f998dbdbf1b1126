"""Counts, agreement and lexical diversity of the corpus (the figures of data/README.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from quotestance.corpus import load_corpus, statement_rows

AGREEMENT_FIELDS = ("stance", "sentiment", "country")
_TOKEN = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label sequences over the same items."""
    n = len(a)
    if n == 0:
        raise ValueError("no items to compare")
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[label] * cb[label] for label in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(agreement_dir: Path) -> dict[str, object] | None:
    """Kappa per field between the two independent annotations, if the study exists."""
    first, second = agreement_dir / "annotator_a.jsonl", agreement_dir / "annotator_b.jsonl"
    if not (first.exists() and second.exists()):
        return None
    load = lambda p: {r["id"]: r for r in map(json.loads, p.read_text("utf-8").splitlines()) if r}  # noqa: E731
    a, b = load(first), load(second)
    both = sorted(set(a) & set(b))
    out: dict[str, object] = {"items": len(both)}
    for name in AGREEMENT_FIELDS:
        ids = [i for i in both if a[i].get(name) is not None and b[i].get(name) is not None]
        if not ids:
            continue          # a study of some fields only (the country check of the later rounds)
        out[f"kappa_{name}"] = round(cohen_kappa([a[i][name] for i in ids], [b[i][name] for i in ids]), 3)
        out[f"agreement_{name}"] = round(sum(a[i][name] == b[i][name] for i in ids) / len(ids), 3)
    return out


def lexical_diversity(texts: list[str], top: int = 5) -> dict[str, object]:
    """Distinct word 3-grams over all 3-grams, and the most repeated 5-grams."""
    tri, five = Counter(), Counter()
    for text in texts:
        tokens = [t.lower() for t in _TOKEN.findall(text)]
        tri.update(zip(tokens, tokens[1:], tokens[2:]))
        five.update(zip(*(tokens[i:] for i in range(5))))
    total = sum(tri.values())
    return {
        "distinct_3gram_ratio": round(len(tri) / total, 4) if total else None,
        "top_5grams": [[" ".join(g), n] for g, n in five.most_common(top)],
    }


def _spread(values: list[int]) -> dict[str, float]:
    return {"min": min(values), "max": max(values), "mean": round(sum(values) / len(values), 1)} if values else {}


def corpus_stats(corpus_dir: Path, agreement_dir: Path | None = None) -> dict[str, object]:
    articles = load_corpus(corpus_dir)
    rows = statement_rows(articles)
    statements = [r for r in rows if r["is_statement"]]
    count = lambda key, items: dict(sorted(Counter(r[key] for r in items).items()))  # noqa: E731
    cases = Counter(c for r in rows for c in r["cases"])
    stats: dict[str, object] = {
        "articles": len(articles),
        "statements": len(statements),
        "non_statements": len(rows) - len(statements),
        "articles_by_lang": dict(sorted(Counter(a.lang for a in articles).items())),
        "articles_by_split": dict(sorted(Counter(a.split for a in articles).items())),
        "articles_by_topic": dict(sorted(Counter(a.topic for a in articles).items())),
        "statements_by_lang": count("lang", statements),
        "statements_by_split": count("split", statements),
        "statements_by_stance": count("stance", statements),
        "statements_by_sentiment": count("sentiment", statements),
        "statements_by_stance_sentiment": dict(Counter(f"{r['stance']}/{r['sentiment']}"
                                                       for r in statements).most_common()),
        "non_statements_by_lang": count("lang", [r for r in rows if not r["is_statement"]]),
        "articles_by_split_lang": dict(sorted(Counter(f"{a.split}/{a.lang}" for a in articles).items())),
        "article_words": _spread([len(a.text.split()) for a in articles]),
        "spans_per_article": _spread(list(Counter(r["article_id"] for r in statements).values())),
        "statements_by_country": dict(Counter(r["country"] for r in statements).most_common()),
        "speaker_countries": len({r["country"] for r in statements}),
        "cases": dict(sorted(cases.items())),
        "words_by_lang": {lang: sum(len(a.text.split()) for a in articles if a.lang == lang)
                          for lang in sorted({a.lang for a in articles})},
        "lexical_diversity": {lang: lexical_diversity([a.text for a in articles if a.lang == lang])
                              for lang in sorted({a.lang for a in articles})},
    }
    if agreement_dir is not None:
        stats["agreement"] = agreement(agreement_dir)
    return stats


def max_cross_split_similarity(corpus_dir: Path, min_words: int = 4) -> dict[str, object]:
    """Highest TF-IDF cosine between statements of different splits (near-duplicate check).

    Reported over all statements and over those of at least `min_words` words: one-word partial
    quotes ("salué") recur naturally across articles and are not near-duplicates.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = [r for r in statement_rows(load_corpus(corpus_dir)) if r["is_statement"]]
    matrix = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True).fit_transform(
        [r["text"] for r in rows])
    sims = (matrix @ matrix.T).toarray()
    long_enough = [len(r["text"].split()) >= min_words for r in rows]
    best = {"all": (0.0, None, None), f"min_{min_words}_words": (0.0, None, None)}
    for i, ri in enumerate(rows):
        for j in range(i + 1, len(rows)):
            if rows[j]["split"] == ri["split"]:
                continue
            sim = float(sims[i, j])
            if sim > best["all"][0]:
                best["all"] = (sim, ri["id"], rows[j]["id"])
            if long_enough[i] and long_enough[j] and sim > best[f"min_{min_words}_words"][0]:
                best[f"min_{min_words}_words"] = (sim, ri["id"], rows[j]["id"])
    return {key: {"max_cosine": round(sim, 4), "pair": [a, b]} for key, (sim, a, b) in best.items()}
