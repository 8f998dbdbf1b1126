"""Scores of article mode: quote spans, speakers and countries against gold annotations."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class GoldQuote:
    doc: str
    start: int
    end: int
    speakers: tuple[str, ...]     # acceptable speaker strings (as written, canonical)
    country: str | None = None
    lang: str | None = None       # the article's language, where the gold data gives it


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _words(text: str | None) -> set[str]:
    words = {w.lower() for w in _WORD.findall(text or "")}
    # pronouns count ("he" = "he"); other words need three letters to count as evidence
    return {w for w in words if len(w) > 2 or w in ("he", "il", "we", "it")}


def speaker_matches(predicted: str | None, gold: Iterable[str]) -> bool:
    """Lenient: the predicted speaker shares a word of 3+ letters with a gold speaker string."""
    return bool(predicted) and any(_words(predicted) & _words(g) for g in gold)


def score(predicted: list[dict], gold: list[GoldQuote], mentions: bool = False) -> dict[str, float | int]:
    """Precision, recall and F1 of quote spans (exact and overlapping), and speaker and country
    accuracy over the gold quotes matched by an overlapping prediction.

    With `mentions`, gold speakers are mentions (PolNeAR's Source spans, "he" included) and the
    predicted mention counts too; otherwise the resolved speaker must match a gold name.
    """
    by_doc: dict[str, list[GoldQuote]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    exact = overlap_pred = 0
    matched: dict[int, dict] = {}
    for row in predicted:
        span = (row["start"], row["end"])
        hits = [g for g in by_doc.get(row["doc"], []) if _overlap(span, (g.start, g.end))]
        if any((g.start, g.end) == span for g in hits):
            exact += 1
        if hits:
            overlap_pred += 1
        for g in hits:
            matched.setdefault(id(g), {"gold": g, "row": row})
    n_pred, n_gold = len(predicted), len(gold)
    gold_found = len(matched)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    out: dict[str, float | int] = {"predicted": n_pred, "gold": n_gold}
    p_exact, r_exact = exact / n_pred if n_pred else 0.0, exact / n_gold if n_gold else 0.0
    p_over, r_over = overlap_pred / n_pred if n_pred else 0.0, gold_found / n_gold if n_gold else 0.0
    out.update({"precision_exact": p_exact, "recall_exact": r_exact, "f1_exact": f1(p_exact, r_exact),
                "precision_overlap": p_over, "recall_overlap": r_over, "f1_overlap": f1(p_over, r_over),
                "matched": gold_found})
    pairs = list(matched.values())
    if pairs:
        for m in pairs:
            m["speaker_ok"] = (speaker_matches(m["row"]["speaker"], m["gold"].speakers)
                               or (mentions and speaker_matches(m["row"].get("speaker_mention"), m["gold"].speakers)))
        out["speaker_accuracy"] = sum(m["speaker_ok"] for m in pairs) / len(pairs)
        out["speaker_accuracy_ci95"] = article_bootstrap_interval([(m["gold"].doc, m["speaker_ok"]) for m in pairs])
        with_country = [m for m in pairs if m["gold"].country is not None]
        if with_country:
            n = len(with_country)
            country_ok = [m["row"]["country"] == m["gold"].country for m in with_country]
            out["country_accuracy"] = sum(country_ok) / n
            out["country_accuracy_ci95"] = article_bootstrap_interval(
                [(m["gold"].doc, ok) for m, ok in zip(with_country, country_ok)])
            out["country_from_attribution"] = sum(m["row"]["country_source"] == "attribution"
                                                  for m in with_country) / n
            # where the country errors come from: a right speaker with a wrong country, or a wrong speaker
            out["right_speaker_wrong_country"] = sum(m["speaker_ok"] and not ok
                                                     for m, ok in zip(with_country, country_ok)) / n
            out["wrong_speaker_wrong_country"] = sum(not m["speaker_ok"] and not ok
                                                     for m, ok in zip(with_country, country_ok)) / n
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def article_bootstrap_interval(outcomes: list[tuple[str, bool]], resamples: int = 1000,
                               seed: int = 0) -> list[float]:
    """95 % percentile interval of an accuracy, resampling whole articles (quotes of one article are
    not independent: one misread introduction costs all of its speaker's quotes)."""
    by_doc: dict[str, list[bool]] = {}
    for doc, ok in outcomes:
        by_doc.setdefault(doc, []).append(ok)
    docs = [(sum(oks), len(oks)) for oks in by_doc.values()]
    rng = random.Random(seed)
    accuracies = []
    for _ in range(resamples):
        sample = rng.choices(docs, k=len(docs))
        accuracies.append(sum(right for right, _ in sample) / sum(n for _, n in sample))
    accuracies.sort()
    return [round(accuracies[int(0.025 * resamples)], 4), round(accuracies[int(0.975 * resamples) - 1], 4)]


def score_by_language(predicted: list[dict], gold: list[GoldQuote]) -> dict[str, dict[str, float | int]]:
    """`score` for each article language of the gold quotes (predictions follow their article)."""
    langs = sorted({g.lang for g in gold if g.lang})
    results = {}
    for lang in langs:
        docs = {g.doc for g in gold if g.lang == lang}
        results[lang] = score([r for r in predicted if r["doc"] in docs], [g for g in gold if g.doc in docs])
    return results


def corpus_gold(corpus_dir: Path, split: str) -> tuple[list[tuple[str, str]], list[GoldQuote]]:
    """Articles of one split of our corpus and their gold statements (non-statements excluded)."""
    from quotestance.corpus import load_corpus

    articles = [a for a in load_corpus(corpus_dir) if a.split == split]
    gold = [GoldQuote(a.id, s["start"], s["end"], _gold_names(s), s["country"], a.lang)
            for a in articles for s in a.statements if s["is_statement"]]
    return [(a.id, a.text) for a in articles], gold


PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "i", "nous", "je"}


def _gold_names(statement: dict) -> tuple[str, ...]:
    """The canonical name, and the words as written unless they are a pronoun (a pronoun says
    nothing about who is meant)."""
    written = statement["speaker"]
    keep_written = written and written.lower().strip() not in PRONOUNS
    return (statement["speaker_canonical"], written) if keep_written else (statement["speaker_canonical"],)


_QUOTE_MARK = re.compile(r"[\"“”«»]")


def polnear_gold(split_dir: Path) -> tuple[list[tuple[str, str]], list[GoldQuote]]:
    """PolNeAR (brat standoff): direct quotes are Content spans containing quotation marks.

    Ten articles were annotated twice; the first annotation file (by name) is used.
    """
    texts_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not texts_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{split_dir}: expected text/ and attributions/ folders (PolNeAR layout)")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles, gold = [], []
    for doc, ann in sorted(chosen.items()):
        text_path = texts_dir / f"{doc}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append((doc, text))
        spans, events = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("T") and len(fields) >= 2:
                kind, *ranges = fields[1].replace(";", " ").split(" ")
                offsets = [int(x) for x in ranges]
                spans[fields[0]] = (kind, min(offsets), max(offsets))
            elif line.startswith("E") and len(fields) >= 2:
                events.append(dict(part.split(":", 1) for part in fields[1].split()))
        for event in events:
            content = spans.get(event.get("Content", ""))
            source = spans.get(event.get("Source", ""))
            if content and _QUOTE_MARK.search(text[content[1]:content[2]]):
                speaker = (text[source[1]:source[2]],) if source else ()
                gold.append(GoldQuote(doc, content[1], content[2], speaker))
    return articles, gold
