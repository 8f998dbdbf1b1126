"""The corpus as Hugging Face `datasets`: one row per gold statement, one split per corpus split."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quotestance.corpus import SPLITS, fingerprint, load_corpus, statement_rows


def load_statements(corpus_dir: str | Path, include_non_statements: bool = False):
    """Return a `datasets.DatasetDict` (train/dev/test) of statements, built in memory.

    Built with `Dataset.from_list` rather than a cached builder so that an edited label is never
    hidden behind a stale cache.
    """
    from datasets import Dataset, DatasetDict

    rows = statement_rows(load_corpus(Path(corpus_dir)))
    if not include_non_statements:
        rows = [r for r in rows if r["is_statement"]]
    return DatasetDict({
        split: Dataset.from_list([r for r in rows if r["split"] == split]) for split in SPLITS
    })


def data_summary(corpus_dir: str | Path, data) -> dict[str, object]:
    """Fingerprint and counts, logged with every training run."""
    summary: dict[str, object] = {"fingerprint": fingerprint(Path(corpus_dir))}
    for split, ds in data.items():
        summary[f"n_{split}"] = len(ds)
        for lang, n in sorted(Counter(ds["lang"]).items()):
            summary[f"n_{split}_{lang}"] = n
    return summary
