"""Benchmark: how much article extraction adds to the spaCy parse alone, on the same articles.

    python scripts/bench_extraction.py [--corpus data/corpus] [--repeat 3]

Prints the time of the French parse alone (nlp.pipe), of the full extraction (parse included) and
the overhead. Target (issue 4): overhead <= 30 %. Then the rule stages alone on one long text (the
English articles glued to 1 MB), which shows whether their cost grows faster than the text.
"""

import argparse
import time
from pathlib import Path

from quotestance.article.pipeline import extract_articles, extract_quotes
from quotestance.article.syntax import french_nlp
from quotestance.corpus import load_corpus

parser = argparse.ArgumentParser()
parser.add_argument("--corpus", type=Path, default=Path("data/corpus"))
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()

articles = [(a.id, a.text) for a in load_corpus(args.corpus) if a.lang == "fr"]
texts = [t for _, t in articles]
nlp = french_nlp()
list(nlp.pipe(texts[:5]))                      # warm up
extract_articles(articles[:5])

parse, full = [], []
for _ in range(args.repeat):
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    parse.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    rows = extract_articles(articles)
    full.append(time.perf_counter() - t0)
best_parse, best_full = min(parse), min(full)
words = sum(len(t.split()) for t in texts)
print(f"articles: {len(texts)} French, {words} words; quotes extracted: {len(rows)}")
print(f"spaCy parse alone (best of {args.repeat}): {best_parse:.2f} s ({words / best_parse:,.0f} words/s)")
print(f"extraction incl. parse (best of {args.repeat}): {best_full:.2f} s")
print(f"overhead of extraction over the parse: {100 * (best_full - best_parse) / best_parse:.1f} % (target <= 30 %)")

english = "\n\n".join(a.text for a in load_corpus(args.corpus) if a.lang == "en")
for size in (250_000, 1_000_000):
    long_text = (english * (size // len(english) + 1))[:size]
    t0 = time.perf_counter()
    found = extract_quotes(long_text, "en")
    print(f"rules alone on one {size / 1e6:.2f} MB text: {time.perf_counter() - t0:.2f} s, {len(found)} quotes")
