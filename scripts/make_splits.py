"""Assign every article without a split to train/dev/test (about 70/15/15, per language).

Existing assignments never move, so the splits stay stable as the corpus grows; each new article goes
to the split furthest below its share for that article's language. Order is by id, so the result is
deterministic.

    python scripts/make_splits.py [data/corpus]
"""

import csv
import json
import sys
from collections import Counter
from pathlib import Path

SHARES = {"train": 0.70, "dev": 0.15, "test": 0.15}

corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "data/corpus")
path = corpus / "splits.csv"
splits: dict[str, str] = {}
if path.exists():
    with path.open(encoding="utf-8", newline="") as fh:
        splits = {row["article_id"]: row["split"] for row in csv.DictReader(fh)}

langs = {p.stem: json.loads(p.read_text(encoding="utf-8"))["lang"]
         for p in sorted((corpus / "articles").glob("*.json"))}
splits = {aid: split for aid, split in splits.items() if aid in langs}
added = 0
for aid, lang in langs.items():
    if aid in splits:
        continue
    counts = Counter(splits[a] for a in splits if langs[a] == lang)
    total = sum(counts.values()) + 1
    splits[aid] = max(SHARES, key=lambda s: SHARES[s] * total - counts[s])
    added += 1

with path.open("w", encoding="utf-8", newline="") as fh:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(["article_id", "split"])
    writer.writerows(sorted(splits.items()))
print(f"{path}: {len(splits)} articles, {added} newly assigned, "
      f"{dict(Counter(splits.values()))}")
