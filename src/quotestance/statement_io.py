"""Reading statements from the user and writing prediction rows: every user mistake is a one-line error."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from quotestance.contract import OUTPUT_FIELDS

FORMATS = ("jsonl", "json", "csv", "table")


class UserInputError(ValueError):
    """A mistake in what the user gave us; the message is shown as is, on one line."""


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise UserInputError(f"{name}:{line}: not valid UTF-8 (byte {err.start})") from None


def read_statements(path: Path | None = None, stdin: bool = False, text_key: str = "text",
                    text_column: str = "text") -> list[str]:
    """Statements from a file (.txt, .jsonl, .csv) or stdin (one per line)."""
    if stdin:
        name, raw = "<stdin>", _decode(sys.stdin.buffer.read(), "<stdin>")
        suffix = ".txt"
    else:
        assert path is not None
        name = str(path)
        if not path.is_file():
            raise UserInputError(f"{name}: no such file")
        raw, suffix = _decode(path.read_bytes(), name), path.suffix.lower()
    if suffix == ".jsonl":
        texts = _from_jsonl(raw, name, text_key)
    elif suffix == ".csv":
        texts = _from_csv(raw, name, text_column)
    elif suffix in (".txt", ""):
        texts = [line.strip() for line in raw.splitlines() if line.strip()]
    else:
        raise UserInputError(f"{name}: unsupported file type {suffix!r} (use .txt, .jsonl or .csv)")
    if not texts:
        raise UserInputError(f"{name}: no statements found (empty input)")
    return texts


def _jsonl_records(raw: str, name: str, key: str):
    """(line number, record) of each non-blank line whose `key` holds a non-empty string."""
    for line_no, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise UserInputError(f"{name}:{line_no}: invalid JSON ({err.msg})") from None
        if not isinstance(record, dict) or key not in record:
            raise UserInputError(f"{name}:{line_no}: no field {key!r} (set --text-key)")
        if not isinstance(record[key], str) or not record[key].strip():
            raise UserInputError(f"{name}:{line_no}: field {key!r} is not a non-empty string")
        yield line_no, record


def _from_jsonl(raw: str, name: str, key: str) -> list[str]:
    return [record[key] for _, record in _jsonl_records(raw, name, key)]


def _from_csv(raw: str, name: str, column: str) -> list[str]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    if reader.fieldnames is None:
        return []
    if column not in reader.fieldnames:
        raise UserInputError(f"{name}:1: no column {column!r} (set --text-column; found "
                             f"{', '.join(reader.fieldnames)})")
    texts = []
    for row in reader:
        value = row.get(column)
        if value is None or not value.strip():
            raise UserInputError(f"{name}:{reader.line_num}: empty {column!r}")
        texts.append(value)
    return texts


def render(rows: list[dict], fmt: str, fields: tuple[str, ...] = OUTPUT_FIELDS) -> str:
    """Rows as text in one of FORMATS except table (which Rich prints); `fields` heads a csv
    even when there are no rows."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                             for k, v in r.items()})
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")


def write_atomic(path: Path, content: str, force: bool) -> None:
    """Write all or nothing: a temporary file beside the target, renamed into place."""
    if path.exists() and not force:
        raise UserInputError(f"{path}: already exists (use --force to overwrite)")
    if not path.parent.is_dir():
        raise UserInputError(f"{path.parent}: no such directory")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def table(rows: Iterable[dict], fields: tuple[str, ...] = OUTPUT_FIELDS):
    """A Rich table of prediction or extraction rows (labels shown with their probability)."""
    from rich.table import Table

    rows = list(rows)
    columns = [c for c in ("doc", "quote", "speaker", "country", "stance", "sentiment", "lang") if c in fields]
    t = Table(show_lines=False)
    for col in columns:
        t.add_column(col, overflow="fold", max_width=60 if col == "quote" else None)
    for r in rows:
        cells = []
        for col in columns:
            if col in ("stance", "sentiment"):
                top = max(r[f"{col}_scores"].values())
                cells.append(f"{r[col]} {top:.2f}")
            elif col == "country":
                cells.append(f"{r['country'] or '—'} ({r['country_source'] or 'none'})")
            else:
                cells.append(str(r[col]) if r[col] is not None else "—")
        t.add_row(*cells)
    return t


def read_articles(path: Path | None = None, stdin: bool = False, text_key: str = "text",
                  id_key: str = "id") -> list[tuple[str, str]]:
    """(doc id, text) pairs from a text file, a directory of .txt files, a .jsonl of articles or stdin."""
    if stdin:
        text = _decode(sys.stdin.buffer.read(), "<stdin>")
        articles = [("-", text)]
    elif path is None or not path.exists():
        raise UserInputError(f"{path}: no such file or directory")
    elif path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
        if not files:
            raise UserInputError(f"{path}: no .txt files in this directory")
        articles = [(p.name, _decode(p.read_bytes(), str(p))) for p in files]
    elif path.suffix.lower() == ".jsonl":
        raw = _decode(path.read_bytes(), str(path))
        articles = [(str(record.get(id_key, f"{path.name}:{line_no}")), record[text_key])
                    for line_no, record in _jsonl_records(raw, str(path), text_key)]
    else:
        articles = [(path.name, _decode(path.read_bytes(), str(path)))]
    articles = [(doc, text) for doc, text in articles if text.strip()]
    if not articles:
        raise UserInputError(f"{'<stdin>' if stdin else path}: no article text found (empty input)")
    return articles
