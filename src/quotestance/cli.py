"""`quotestance` command line: validates arguments, calls the library, reports errors on one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from quotestance import __version__
from quotestance.contract import ARTICLE_FIELDS, EXTRACT_FIELDS, OUTPUT_FIELDS

app = typer.Typer(help="Speaker, country, stance and sentiment of quoted statements in news.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
data_app = typer.Typer(help="Check and describe the annotated corpus.", no_args_is_help=True)
app.add_typer(data_app, name="data")
evaluate_app = typer.Typer(help="Score the pipeline against gold annotations.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


# Options shared by the commands that write rows.
FormatOption = Annotated[str | None, typer.Option(
    "--format", "-f", help="jsonl, json, csv or table (default: table on a terminal, else jsonl).")]
OutputOption = Annotated[str, typer.Option("--output", "-o", help="Output file; '-' is stdout.")]
ForceOption = Annotated[bool, typer.Option(help="Overwrite an existing --output file.")]
TextKeyOption = Annotated[str, typer.Option(help="Field holding the text in .jsonl input.")]
IdKeyOption = Annotated[str, typer.Option(help="Field holding the article id in .jsonl input.")]


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
    text_key: TextKeyOption = "text",
    text_column: Annotated[str, typer.Option(help="Column holding the text in .csv input.")] = "text",
    fmt: FormatOption = None,
    output: OutputOption = "-",
    force: ForceOption = False,
    model: Annotated[str, typer.Option(
        help="models:/NAME@ALIAS, runs:/ID/model, a run id or a local model directory.")
    ] = "models:/quotestance@champion",
    article: Annotated[str | None, typer.Option(
        help="Classify every quote of articles: a .txt file, a directory of them, a .jsonl, or '-'.")
    ] = None,
    id_key: IdKeyOption = "id",
    min_confidence: Annotated[float, typer.Option(
        help="Label a stance or sentiment 'uncertain' when its top probability is below this.")] = 0.0,
) -> None:
    """Classify statements (stance, sentiment, country), or every quoted statement of articles."""
    from quotestance.serving import ModelNotFoundError, load_model
    from quotestance.statement_io import UserInputError, read_statements

    fmt = _output_format(fmt, output, force)
    if not 0.0 <= min_confidence <= 1.0:
        fail(f"--min-confidence: {min_confidence} is not a probability between 0 and 1")
    sources = [bool(statements), input is not None, article is not None]
    if sum(sources) != 1:
        fail("give statements as arguments, '-' for stdin, --input FILE or --article PATH "
             "(exactly one of them)")
    try:
        if article is not None:
            from quotestance.statement_io import read_articles

            articles = read_articles(None if article == "-" else Path(article), stdin=article == "-",
                                     text_key=text_key, id_key=id_key)
            classifier = load_model(model)
            rows = _classify(classifier, [t for _, t in articles], min_confidence,
                             docs=[d for d, _ in articles])
            _emit(rows, fmt, output, force, ARTICLE_FIELDS)
            return
        if input is not None:
            texts = read_statements(input, text_key=text_key, text_column=text_column)
        elif statements == ["-"]:
            texts = read_statements(stdin=True)
        else:
            texts = [s for s in statements if s.strip()]
            if not texts:
                raise UserInputError("no statements given (empty input)")
        classifier = load_model(model)
        _emit(_classify(classifier, texts, min_confidence), fmt, output, force)
    except (UserInputError, ModelNotFoundError) as err:
        fail(str(err))


def _output_format(fmt: str | None, output: str, force: bool) -> str:
    """Check --format/--output/--force before any work; table is the default on a terminal."""
    from quotestance.statement_io import FORMATS

    fmt = fmt or ("table" if output == "-" and sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        fail(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "table" and output != "-":
        fail("--format table prints to the terminal; use jsonl, json or csv with --output")
    if output != "-" and Path(output).exists() and not force:
        fail(f"{output}: already exists (use --force to overwrite)")
    return fmt


def _emit(rows: list[dict], fmt: str, output: str, force: bool, fields: tuple[str, ...] = OUTPUT_FIELDS) -> None:
    from quotestance.statement_io import render, write_atomic

    if fmt == "table":
        from rich.console import Console

        from quotestance.statement_io import table

        Console().print(table(rows, fields))
    elif output == "-":
        sys.stdout.write(render(rows, fmt, fields))
    else:
        write_atomic(Path(output), render(rows, fmt, fields), force)


def _classify(model, texts: list[str], min_confidence: float = 0.0,
              docs: list[str] | None = None) -> list[dict]:
    """Predict in batches (statements, or articles when `docs` names them), with a progress bar
    on a terminal for bulk input."""
    import pandas as pd

    batch_size = 512 if docs is None else 16
    starts = range(0, len(texts), batch_size)
    if sys.stderr.isatty() and len(texts) > batch_size:
        from rich.progress import track

        starts = track(starts, description="Classifying", transient=True)
    rows: list[dict] = []
    for i in starts:
        frame = pd.DataFrame({"text": texts[i:i + batch_size]})
        # only the params in use: a model logged before a param existed warns about it
        params = {"min_confidence": min_confidence} if min_confidence else {}
        if docs is not None:
            frame["doc"] = docs[i:i + batch_size]
            params["mode"] = "article"
        result = model.predict(frame, params=params or None)
        rows.extend(_plain(r) for r in result.to_dict(orient="records"))
    return rows


def _plain(row: dict) -> dict:
    """numpy scalars → Python, so every format serialises the same way."""
    return json.loads(json.dumps(row, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt article, a directory of them, a .jsonl, or '-'.")],
    text_key: TextKeyOption = "text",
    id_key: IdKeyOption = "id",
    fmt: FormatOption = None,
    output: OutputOption = "-",
    force: ForceOption = False,
) -> None:
    """Find the quoted statements of articles with their speaker and the speaker's country."""
    from quotestance.article.pipeline import extract_articles
    from quotestance.statement_io import UserInputError, read_articles

    fmt = _output_format(fmt, output, force)
    try:
        articles = read_articles(None if path == "-" else Path(path), stdin=path == "-",
                                 text_key=text_key, id_key=id_key)
        rows = [{k: row[k] for k in EXTRACT_FIELDS} for row in extract_articles(articles)]
        _emit(rows, fmt, output, force, EXTRACT_FIELDS)
    except UserInputError as err:
        fail(str(err))


@data_app.command("validate")
def data_validate(
    corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("data/corpus"),
    tasks: Annotated[Path, typer.Option(help="Task config with the label sets.")] = Path(
        "conf/tasks/default.yaml"),
    countries: Annotated[Path, typer.Option(help="Country and organisation codes.")] = Path(
        "src/quotestance/resources/countries.csv"),
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


@evaluate_app.command("extraction")
def evaluate_extraction(
    corpus: Annotated[Path, typer.Option(help="Our corpus folder.")] = Path("data/corpus"),
    split: Annotated[str, typer.Option(help="Corpus split to score: train, dev or test.")] = "test",
    polnear: Annotated[Path | None, typer.Option(
        help="Also score a PolNeAR split folder (text/ + attributions/), e.g. "
             "../shared/benchmarks/polnear/test.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Quote precision/recall/F1 (exact and overlapping spans), speaker and country accuracy."""
    from quotestance.article.evaluate import corpus_gold, polnear_gold, score, score_by_language
    from quotestance.article.pipeline import extract_articles
    from quotestance.corpus import SPLITS, CorpusError

    if fmt not in ("table", "json"):
        fail(f"--format: {fmt!r} is not one of table, json")
    if split not in SPLITS:
        fail(f"--split: {split!r} is not one of {', '.join(SPLITS)}")
    results = {}
    try:
        articles, gold = corpus_gold(corpus, split)
        rows = extract_articles(articles)
        results[f"corpus/{split}"] = score(rows, gold)
        for lang, figures in score_by_language(rows, gold).items():
            results[f"corpus/{split}/{lang}"] = figures
        if polnear is not None:
            articles, gold = polnear_gold(polnear)
            results[f"polnear/{polnear.name}"] = score(extract_articles(articles), gold, mentions=True)
    except (CorpusError, FileNotFoundError) as err:
        fail(str(err))
    if fmt == "json":
        typer.echo(json.dumps(results, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    keys = list(next(iter(results.values())))
    t = Table("measure", *results)
    for key in keys:
        t.add_row(key, *(str(r.get(key, "—")) for r in results.values()))
    Console().print(t)


@evaluate_app.command("cameo")
def evaluate_cameo(
    path: Annotated[Path | None, typer.Option(
        help="The PLOVER/CAMEO file (default: ../shared/benchmarks/cameo/PLOVER_GSR_CAMEO.txt "
             "beside the repository).")] = None,
    model: Annotated[str, typer.Option(
        help="models:/NAME@ALIAS, runs:/ID/model, a run id or a local model directory.")
    ] = "models:/quotestance@champion",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Stance (cooperative vs conflictual, verbal events) and speaker country on CAMEO sentences."""
    from quotestance.external import DEFAULT_CAMEO_PATH, load_cameo, score_cameo
    from quotestance.serving import ModelNotFoundError, load_model

    if fmt not in ("table", "json"):
        fail(f"--format: {fmt!r} is not one of table, json")
    try:
        items = load_cameo(path or DEFAULT_CAMEO_PATH)
        scores = score_cameo(load_model(model), items)
    except (OSError, ValueError, ModelNotFoundError) as err:
        fail(str(err))
    if fmt == "json":
        typer.echo(json.dumps(scores, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table("measure", "value")
    for key, value in scores.items():
        t.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(t)
