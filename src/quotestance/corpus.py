"""The annotated corpus on disk: one `<id>.txt` article and one `<id>.json` annotation per article.

Everything here is plain Python (no heavy imports) so annotators and the CLI can use it cheaply.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DIFFICULTY_CASES = (
    "guillemets_nbsp", "guillemets_plain", "curly_quotes", "straight_quotes", "partial_quote",
    "multi_sentence", "multi_paragraph", "speaker_before", "speaker_after", "speaker_inside",
    "pronoun_speaker", "institution_speaker", "according_to", "other_country_nearest",
    "communique", "non_statement",
)
LANGS = ("fr", "en")
SPLITS = ("train", "dev", "test")
REQUIRED_FIELDS = ("id", "quote", "start", "end", "is_statement")
LABELLED_FIELDS = ("speaker", "speaker_canonical", "country", "stance", "sentiment")


class CorpusError(ValueError):
    """A problem in the corpus files; the message names the file and the field."""


@dataclass(frozen=True)
class LabelSets:
    stance: tuple[str, ...]
    sentiment: tuple[str, ...]
    countries: tuple[str, ...]

    @classmethod
    def load(cls, tasks_yaml: Path, countries_csv: Path) -> LabelSets:
        tasks = yaml.safe_load(tasks_yaml.read_text(encoding="utf-8"))
        with countries_csv.open(encoding="utf-8", newline="") as fh:
            codes = tuple(row["code"] for row in csv.DictReader(fh))
        return cls(tuple(tasks["stance"]["labels"]), tuple(tasks["sentiment"]["labels"]), codes)


def _between_marks(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 3):start].rstrip(" \u00a0\u202f"), text[end:end + 3].lstrip(" \u00a0\u202f")
    return before[-1:] in "«“\"‘" or after[:1] in "»”\"’"


def locate_quotes(text: str, statements: list[dict]) -> list[dict]:
    """Fill `start`/`end` of each statement from its `quote`, searching in reading order.

    Annotators write the quoted words; offsets are derived here so they can't drift.
    `occurrence` (1-based) picks a later repeat of the same words.
    """
    cursor = 0
    located = []
    for i, st in enumerate(statements):
        quote = st["quote"]
        if "occurrence" in st:
            pos = -1
            for _ in range(int(st["occurrence"])):
                pos = text.find(quote, pos + 1)
                if pos < 0:
                    break
        else:
            # the words may also occur unquoted earlier ("cessez-le-feu" before «cessez-le-feu»): an
            # occurrence between quotation marks wins, in reading order from the last quote
            found = [m.start() for m in re.finditer(re.escape(quote), text)]
            ordered = [p for p in found if p >= cursor] + [p for p in found if p < cursor]
            pos = next((p for p in ordered if _between_marks(text, p, p + len(quote))), ordered[0] if ordered else -1)
        if pos < 0:
            raise CorpusError(f"statement {i + 1}: quote not found in text: {quote[:60]!r}")
        st = {k: v for k, v in st.items() if k != "occurrence"}
        st["start"], st["end"] = pos, pos + len(quote)
        st.setdefault("id", f"q{i + 1:02d}")
        cursor = pos + len(quote)
        located.append(st)
    return located


def check_annotation(ann: dict, text: str, labels: LabelSets) -> list[str]:
    """Every problem of one article's annotation, each message naming the statement and field."""
    errors = []
    if ann.get("lang") not in LANGS:
        errors.append(f"field 'lang': {ann.get('lang')!r} is not one of {LANGS}")
    seen_ids = set()
    for i, st in enumerate(ann.get("statements", [])):
        where = f"statement {i + 1} ({st.get('id', '?')})"
        if not st.get("id"):
            errors.append(f"{where}: field 'id' missing (run scripts/locate_quotes.py)")
        if st.get("id") in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(st.get("id"))
        start, end = st.get("start"), st.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errors.append(f"{where}: field 'start'/'end' invalid: {start!r}, {end!r}")
        elif text[start:end] != st.get("quote"):
            errors.append(f"{where}: field 'quote' differs from text[{start}:{end}]")
        if not isinstance(st.get("is_statement"), bool):
            errors.append(f"{where}: field 'is_statement' must be true or false")
        elif st["is_statement"]:
            for name, allowed in (("stance", labels.stance), ("sentiment", labels.sentiment),
                                  ("country", labels.countries)):
                if st.get(name) not in allowed:
                    errors.append(f"{where}: field '{name}': {st.get(name)!r} is not a known label")
            for name in ("speaker", "speaker_canonical"):
                if not isinstance(st.get(name), str) or not st[name].strip():
                    errors.append(f"{where}: field '{name}' is empty")
        else:
            for name in LABELLED_FIELDS:
                if st.get(name) is not None:
                    errors.append(f"{where}: field '{name}' must be null for a non-statement")
        for case in st.get("cases", []):
            if case not in DIFFICULTY_CASES:
                errors.append(f"{where}: field 'cases': unknown tag {case!r}")
    return errors


@dataclass
class Article:
    id: str
    lang: str
    text: str
    split: str | None
    topic: str | None
    statements: list[dict] = field(default_factory=list)


def _statement_lines(raw: str) -> list[int]:
    """1-based line of each statement's `"quote"` key, so errors can point into the JSON file."""
    return [raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"quote"\s*:', raw)]


def read_splits(corpus_dir: Path) -> tuple[dict[str, str], list[str]]:
    path = corpus_dir / "splits.csv"
    splits, errors = {}, []
    if not path.exists():
        return splits, [f"{path}: file missing"]
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            if row.get("split") not in SPLITS:
                errors.append(f"{path}:{line_no}: field 'split': {row.get('split')!r} not in {SPLITS}")
            if row.get("article_id") in splits:
                errors.append(f"{path}:{line_no}: article {row['article_id']!r} listed twice")
            splits[row.get("article_id")] = row.get("split")
    return splits, errors


def iter_articles(corpus_dir: Path) -> Iterator[tuple[Path, dict | None, str | None, list[str]]]:
    """Yield (annotation path, annotation, text, read errors) for every article, sorted by id."""
    for ann_path in sorted((corpus_dir / "articles").glob("*.json")):
        errors = []
        raw = ann_path.read_text(encoding="utf-8")
        try:
            ann = json.loads(raw)
        except json.JSONDecodeError as err:
            yield ann_path, None, None, [f"{ann_path}:{err.lineno}: invalid JSON: {err.msg}"]
            continue
        txt_path = ann_path.with_suffix(".txt")
        if not txt_path.exists():
            yield ann_path, ann, None, [f"{txt_path}: file missing"]
            continue
        text = txt_path.read_text(encoding="utf-8")
        if ann.get("id") != ann_path.stem:
            errors.append(f"{ann_path}:1: field 'id': {ann.get('id')!r} differs from file name")
        yield ann_path, ann, text, errors


def validate_corpus(corpus_dir: Path, labels: LabelSets) -> list[str]:
    """All problems in the corpus, each as `file:line: message`."""
    splits, errors = read_splits(corpus_dir)
    seen = set()
    for ann_path, ann, text, read_errors in iter_articles(corpus_dir):
        errors += read_errors
        seen.add(ann_path.stem)
        if ann is None or text is None:
            continue
        lines = _statement_lines(ann_path.read_text(encoding="utf-8"))
        for problem in check_annotation(ann, text, labels):
            m = re.match(r"statement (\d+)", problem)
            line = lines[int(m.group(1)) - 1] if m and int(m.group(1)) <= len(lines) else 1
            errors.append(f"{ann_path}:{line}: {problem}")
        if ann_path.stem not in splits:
            errors.append(f"{ann_path}:1: article has no split in splits.csv")
    for missing in sorted(set(splits) - seen):
        errors.append(f"{corpus_dir / 'splits.csv'}: article {missing!r} has no annotation file")
    if not seen:
        errors.append(f"{corpus_dir / 'articles'}: no annotated articles found")
    return errors


def load_corpus(corpus_dir: Path) -> list[Article]:
    """Read every article; raises CorpusError naming the first broken file (run validate for all)."""
    splits, errors = read_splits(corpus_dir)
    articles = []
    for path, ann, text, read_errors in iter_articles(corpus_dir):
        if read_errors or ann is None or text is None:
            raise CorpusError((read_errors or errors)[0])
        for i, st in enumerate(ann.get("statements", [])):
            missing = [k for k in REQUIRED_FIELDS if k not in st]
            if missing:
                raise CorpusError(f"{path}: statement {i + 1}: missing field(s) {', '.join(missing)}")
        if ann.get("id") not in splits:
            raise CorpusError(f"{path}: article has no split in {corpus_dir / 'splits.csv'}")
        articles.append(Article(ann["id"], ann["lang"], text, splits[ann["id"]],
                                ann.get("topic"), ann["statements"]))
    if errors:
        raise CorpusError(errors[0])
    return articles


def statement_rows(articles: list[Article]) -> list[dict]:
    """One flat row per gold quoted string (statements and non-statements)."""
    rows = []
    for art in articles:
        for st in art.statements:
            rows.append({
                "id": f"{art.id}-{st['id']}", "article_id": art.id, "lang": art.lang,
                "split": art.split, "topic": art.topic, "text": st["quote"],
                "start": st["start"], "end": st["end"], "is_statement": st["is_statement"],
                **{name: st.get(name) for name in LABELLED_FIELDS}, "target": st.get("target"),
                "cases": list(st.get("cases", [])),
            })
    return rows


def fingerprint(corpus_dir: Path) -> str:
    """SHA-256 over every corpus file's bytes: changes when any text, label or split changes."""
    digest = hashlib.sha256()
    files = sorted((corpus_dir / "articles").glob("*.*")) + [corpus_dir / "splits.csv"]
    for path in files:
        if path.suffix in (".txt", ".json", ".csv"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
