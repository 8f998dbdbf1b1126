"""`quotestance` command line: validates arguments, calls the library, reports errors on one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from quotestance import __version__

app = typer.Typer(help="Speaker, country, stance and sentiment of quoted statements in news.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
data_app = typer.Typer(help="Check and describe the annotated corpus.", no_args_is_help=True)
app.add_typer(data_app, name="data")


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error to stderr and exit non-zero."""
    typer.echo(f"error: {' '.join(str(message).split())}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotestance {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False) -> None:
    """quotestance"""


@app.command()
def predict(
    statements: Annotated[list[str] | None, typer.Argument(
        help="Statements to classify; '-' reads one statement per line from stdin.")] = None,
    input: Annotated[Path | None, typer.Option(
        "--input", "-i", help="File of statements: .txt (one per line), .jsonl or .csv.")] = None,
    text_key: Annotated[str, typer.Option(help="Field holding the text in .jsonl input.")] = "text",
    text_column: Annotated[str, typer.Option(help="Column holding the text in .csv input.")] = "text",
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="jsonl, json, csv or table (default: table on a terminal, else jsonl).")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file; '-' is stdout.")] = "-",
    force: Annotated[bool, typer.Option(help="Overwrite an existing --output file.")] = False,
    model: Annotated[str, typer.Option(
        help="models:/NAME@ALIAS, runs:/ID/model, a run id or a local model directory.")
    ] = "models:/quotestance@champion",
) -> None:
    """Classify statements: stance, sentiment and the speaker's country (from content)."""
    from quotestance.serving import ModelNotFoundError, load_model
    from quotestance.statement_io import FORMATS, UserInputError, read_statements, render, write_atomic

    to_stdout = output == "-"
    fmt = fmt or ("table" if to_stdout and sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        fail(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "table" and not to_stdout:
        fail("--format table prints to the terminal; use jsonl, json or csv with --output")
    sources = [bool(statements), input is not None]
    if sum(sources) != 1:
        fail("give statements as arguments, '-' for stdin, or --input FILE (exactly one of them)")
    if not to_stdout and Path(output).exists() and not force:
        fail(f"{output}: already exists (use --force to overwrite)")
    try:
        if input is not None:
            texts = read_statements(input, text_key=text_key, text_column=text_column)
        elif statements == ["-"]:
            texts = read_statements(stdin=True)
        else:
            texts = [s for s in statements if s.strip()]
            if not texts:
                raise UserInputError("no statements given (empty input)")
        classifier = load_model(model)
        rows = _classify(classifier, texts)
        if fmt == "table":
            from rich.console import Console

            from quotestance.statement_io import table

            Console().print(table(rows))
        elif to_stdout:
            sys.stdout.write(render(rows, fmt))
        else:
            write_atomic(Path(output), render(rows, fmt), force)
    except (UserInputError, ModelNotFoundError) as err:
        fail(str(err))


def _classify(model, texts: list[str], batch_size: int = 512) -> list[dict]:
    """Predict in batches, with a progress bar on a terminal for bulk input."""
    import pandas as pd

    batches = [texts[i:i + batch_size] for i in range(0, len(texts), batch_size)]
    rows: list[dict] = []
    show = sys.stderr.isatty() and len(texts) > batch_size
    if show:
        from rich.progress import track

        batches = track(batches, description="Classifying", console=None, transient=True)
    for batch in batches:
        frame = model.predict(pd.DataFrame({"text": batch}))
        rows.extend(_plain(r) for r in frame.to_dict(orient="records"))
    return rows


def _plain(row: dict) -> dict:
    """numpy scalars → Python, so every format serialises the same way."""
    return json.loads(json.dumps(row, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


@data_app.command("validate")
def data_validate(
    corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("data/corpus"),
    tasks: Annotated[Path, typer.Option(help="Task config with the label sets.")] = Path(
        "conf/tasks/default.yaml"),
    countries: Annotated[Path, typer.Option(help="Country and organisation codes.")] = Path(
        "data/countries.csv"),
) -> None:
    """Check offsets against texts, label sets, ids and splits; list every problem."""
    from quotestance.corpus import LabelSets, validate_corpus

    for path in (corpus, tasks, countries):
        if not path.exists():
            fail(f"{path}: no such file or directory")
    errors = validate_corpus(corpus, LabelSets.load(tasks, countries))
    for err in errors:
        typer.echo(err, err=True)
    if errors:
        fail(f"{len(errors)} problem(s) in {corpus}", code=1)
    typer.echo(f"{corpus}: ok")


@data_app.command("stats")
def data_stats(
    corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("data/corpus"),
    agreement: Annotated[Path, typer.Option(help="Agreement study folder.")] = Path("data/agreement"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    similarity: Annotated[bool, typer.Option(
        help="Also compute the maximum cross-split TF-IDF cosine (slower).")] = False,
) -> None:
    """Counts of articles, statements and labels by language, country and split; agreement kappas."""
    from quotestance.corpus import CorpusError
    from quotestance.corpus_stats import corpus_stats, max_cross_split_similarity

    if fmt not in ("table", "json"):
        fail(f"--format: {fmt!r} is not one of table, json")
    if not corpus.is_dir():
        fail(f"{corpus}: no such directory")
    try:
        stats = corpus_stats(corpus, agreement)
        if similarity:
            stats["cross_split_similarity"] = max_cross_split_similarity(corpus)
    except CorpusError as err:
        fail(f"{err} (run `quotestance data validate`)")
    if fmt == "json":
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table("measure", "value", show_header=False)
    for key, value in stats.items():
        t.add_row(key, json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value))
    Console().print(t)
