"""The prediction CLI: every input route, every format, the exact output fields, every error path."""

import json

import pytest
from typer.testing import CliRunner

from quotestance.cli import app
from quotestance.contract import EXTRACT_FIELDS, OUTPUT_FIELDS

runner = CliRunner()


@pytest.fixture
def store_env(trained_store, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{trained_store}/mlflow.db")
    return trained_store


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _check_row(row: dict, text: str) -> None:
    assert tuple(row) == OUTPUT_FIELDS
    assert text[row["start"]:row["end"]] == row["quote"]
    assert row["speaker"] is None and row["country_source"] == "model"
    assert row["stance"] in ("cooperative", "conflictual", "neutral")
    assert row["stance"] == max(row["stance_scores"], key=row["stance_scores"].get)
    assert sum(row["sentiment_scores"].values()) == pytest.approx(1.0, abs=1e-4)
    assert row["lang"] in ("fr", "en")


def test_arguments_give_one_row_each_with_the_contract_fields(store_env):
    texts = ["Nous sommes prêts à reprendre le dialogue.", "« These sanctions are unacceptable »"]
    result = runner.invoke(app, ["predict", *texts])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert len(rows) == 2
    for row, text in zip(rows, texts):
        _check_row(row, text)
    assert rows[0]["lang"] == "fr" and rows[1]["lang"] == "en"
    assert rows[0]["start"] == 0 and rows[0]["end"] == len(texts[0])
    assert rows[1]["quote"] == "These sanctions are unacceptable" and rows[1]["start"] == 2


def test_stdin_one_statement_per_line(store_env):
    result = runner.invoke(app, ["predict", "-"], input="We welcome the agreement.\n\nLa réunion aura lieu mardi.\n")
    assert result.exit_code == 0, result.output
    assert [r["quote"] for r in _jsonl(result.stdout)] == ["We welcome the agreement.",
                                                          "La réunion aura lieu mardi."]


@pytest.mark.parametrize("name,content,extra", [
    ("in.txt", "We welcome the agreement.\nCes accusations sont infondées.\n", []),
    ("in.jsonl", '{"body": "We welcome the agreement."}\n{"body": "Ces accusations sont infondées."}\n',
     ["--text-key", "body"]),
    ("in.csv", 'id,statement\n1,We welcome the agreement.\n2,"Ces accusations sont infondées."\n',
     ["--text-column", "statement"]),
])
def test_input_files(store_env, tmp_path, name, content, extra):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["predict", "--input", str(path), *extra])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert [r["quote"] for r in rows] == ["We welcome the agreement.", "Ces accusations sont infondées."]


def test_json_and_csv_formats_carry_the_same_fields(store_env):
    result = runner.invoke(app, ["predict", "--format", "json", "We welcome the agreement."])
    (row,) = json.loads(result.stdout)
    assert tuple(row) == OUTPUT_FIELDS
    result = runner.invoke(app, ["predict", "--format", "csv", "We welcome the agreement."])
    header, line = result.stdout.splitlines()
    assert header.split(",") == list(OUTPUT_FIELDS)
    assert line.startswith("We welcome the agreement.,0,25,,")


def test_table_format_prints_a_table(store_env, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    result = runner.invoke(app, ["predict", "--format", "table", "We welcome the agreement."])
    assert result.exit_code == 0
    assert "stance" in result.stdout and "We welcome the agreement." in result.stdout


def test_output_file_is_written_and_not_overwritten_without_force(store_env, tmp_path):
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["predict", "-o", str(out), "We agree."]).exit_code == 0
    assert len(_jsonl(out.read_text())) == 1
    result = runner.invoke(app, ["predict", "-o", str(out), "We agree.", "We disagree."])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert len(_jsonl(out.read_text())) == 1
    assert runner.invoke(app, ["predict", "-o", str(out), "--force", "We agree.", "No."]).exit_code == 0
    assert len(_jsonl(out.read_text())) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def _error(args, input=None) -> str:
    result = runner.invoke(app, args, input=input)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_no_trained_model_says_to_run_make_train(tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/none.db")
    assert "make train" in _error(["predict", "We agree."])
    assert not (tmp_path / "none.db").exists()


def test_store_without_champion_says_to_run_make_train(tmp_path, monkeypatch):
    import mlflow

    mlflow.set_tracking_uri(f"sqlite:///{tmp_path}/empty.db")
    mlflow.MlflowClient().search_experiments()  # creates the store's tables, no model
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/empty.db")
    assert "make train" in _error(["predict", "We agree."])


@pytest.mark.parametrize("uri", ["nonsense", "models:/quotestance@nope", "0" * 32])
def test_unknown_model_uri(store_env, uri):
    assert "unknown model URI" in _error(["predict", "--model", uri, "We agree."])


def test_model_directory_and_run_id_are_accepted(store_env):
    import mlflow

    mlflow.set_tracking_uri(f"sqlite:///{store_env}/mlflow.db")
    version = mlflow.MlflowClient().get_model_version_by_alias("quotestance", "champion")
    result = runner.invoke(app, ["predict", "--model", version.run_id, "We agree."])
    assert result.exit_code == 0, result.output
    local = mlflow.artifacts.download_artifacts("models:/quotestance@champion")
    result = runner.invoke(app, ["predict", "--model", local, "We agree."])
    assert result.exit_code == 0, result.output


def test_not_a_model_directory(store_env, tmp_path):
    assert "not an MLflow model directory" in _error(["predict", "--model", str(tmp_path), "x"])


def test_empty_inputs(store_env, tmp_path):
    assert "empty input" in _error(["predict", "   "])
    assert "empty input" in _error(["predict", "-"], input="\n\n")
    empty = tmp_path / "e.txt"
    empty.write_text("")
    assert f"{empty}: no statements found" in _error(["predict", "--input", str(empty)])


def test_bad_files_name_the_line(store_env, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ok line\nsecond \xe9\n".encode("latin-1"))
    assert f"{bad}:2: not valid UTF-8" in _error(["predict", "--input", str(bad)])
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{"text": oops}\n')
    assert f"{broken}:2: invalid JSON" in _error(["predict", "--input", str(broken)])
    nokey = tmp_path / "nokey.jsonl"
    nokey.write_text('{"body": "fine"}\n')
    assert f"{nokey}:1: no field 'text'" in _error(["predict", "--input", str(nokey)])
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("a,b\n1,2\n")
    assert f"{nocol}:1: no column 'text'" in _error(["predict", "--input", str(nocol)])
    assert "no such file" in _error(["predict", "--input", str(tmp_path / "missing.txt")])
    odd = tmp_path / "in.xml"
    odd.write_text("<a/>")
    assert "unsupported file type" in _error(["predict", "--input", str(odd)])


def test_argument_mistakes(store_env, tmp_path):
    assert "--format" in _error(["predict", "--format", "xml", "x"])
    assert "exactly one" in _error(["predict"])
    assert "exactly one" in _error(["predict", "x", "--input", str(tmp_path / "a.txt")])


ARTICLE = ("Talks in Geneva\n\nBritain's foreign secretary, Alan Pryce, said the deal was "
           "\"a first step toward a lasting settlement.\" \"We will keep working,\" he added.\n")


def test_extract_a_directory_and_a_jsonl(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "geneva.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert [r["doc"] for r in rows] == ["geneva.txt", "geneva.txt"]
    assert list(rows[0]) == ["doc", "quote", "start", "end", "speaker", "country", "country_source", "lang"]
    assert rows[0]["speaker"] == "Alan Pryce" and rows[0]["country"] == "GB"
    assert ARTICLE[rows[1]["start"]:rows[1]["end"]] == rows[1]["quote"] == "We will keep working"

    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text(json.dumps({"uid": "a-7", "body": ARTICLE}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(jsonl), "--text-key", "body", "--id-key", "uid"])
    assert {r["doc"] for r in _jsonl(result.stdout)} == {"a-7"}


def test_extract_without_quotes_still_heads_its_csv_with_its_own_fields(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Talks resumed in Geneva on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [",".join(EXTRACT_FIELDS)]


def test_extract_stdin_and_errors(tmp_path):
    result = runner.invoke(app, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0 and {r["doc"] for r in _jsonl(result.stdout)} == {"-"}
    assert "no such file or directory" in _error(["extract", str(tmp_path / "missing.txt")])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no .txt files" in _error(["extract", str(empty)])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\nnot json\n')
    assert f"{bad}:2: invalid JSON" in _error(["extract", str(bad)])


def test_predict_article_rows_carry_labels_speaker_and_doc(store_env, tmp_path):
    path = tmp_path / "geneva.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["predict", "--article", str(path)])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert len(rows) == 2
    for row in rows:
        assert tuple(row) == ("doc", *OUTPUT_FIELDS)
        assert ARTICLE[row["start"]:row["end"]] == row["quote"]
        assert row["country"] == "GB" and row["country_source"] == "attribution"
        assert row["stance"] in row["stance_scores"]


def test_predict_article_without_attribution_falls_back_on_the_model(store_env, tmp_path):
    text = "Brief\n\n« Nous sommes prêts à reprendre le dialogue sans délai. »\n"
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    (row,) = _jsonl(runner.invoke(app, ["predict", "--article", str(path)]).stdout)
    assert row["speaker"] is None and row["country_source"] == "model" and row["country"]


def test_evaluate_extraction_json(tiny_corpus):
    result = runner.invoke(app, ["evaluate", "extraction", "--corpus", str(tiny_corpus),
                                 "--split", "test", "--format", "json"])
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    scores = results["corpus/test"]
    assert scores["gold"] == 24 and scores["recall_overlap"] == 1.0
    by_lang = [results[key]["gold"] for key in results if key.startswith("corpus/test/")]
    assert len(by_lang) >= 1 and sum(by_lang) == 24          # each language's share, adding up
    assert 0.0 <= scores["speaker_accuracy"] <= 1.0
    for measure in ("speaker_accuracy", "country_accuracy"):    # an interval around each accuracy
        low, high = scores[f"{measure}_ci95"]
        assert low <= scores[measure] <= high
    assert scores["right_speaker_wrong_country"] + scores["wrong_speaker_wrong_country"] == pytest.approx(
        1.0 - scores["country_accuracy"], abs=1e-3)          # the country errors, split by their cause
    assert "unknown" not in result.stdout
    assert "--split" in _error(["evaluate", "extraction", "--split", "holdout"])


def test_min_confidence_marks_uncertain_labels(store_env):
    text = "Talks will continue at expert level next week."
    (sure,) = _jsonl(runner.invoke(app, ["predict", "--min-confidence", "0", text]).stdout)
    (unsure,) = _jsonl(runner.invoke(app, ["predict", "--min-confidence", "1", text]).stdout)
    assert sure["stance"] != "uncertain"
    assert unsure["stance"] == "uncertain" and unsure["sentiment"] == "uncertain"
    assert unsure["stance_scores"] == sure["stance_scores"]
    top = max(sure["stance_scores"].values())
    (mid,) = _jsonl(runner.invoke(app, ["predict", "--min-confidence", str(top - 1e-3), text]).stdout)
    assert mid["stance"] == sure["stance"]
    assert "--min-confidence" in _error(["predict", "--min-confidence", "1.5", text])


def test_pyfunc_article_mode_keeps_the_doc_column(store_env):
    import mlflow
    import pandas as pd

    mlflow.set_tracking_uri(f"sqlite:///{store_env}/mlflow.db")
    model = mlflow.pyfunc.load_model("models:/quotestance@champion")
    out = model.predict(pd.DataFrame({"text": [ARTICLE], "doc": ["geneva-1"]}), params={"mode": "article"})
    assert list(out["doc"]) == ["geneva-1", "geneva-1"]
    assert list(out.columns) == ["doc", *OUTPUT_FIELDS]
    plain = model.predict(pd.DataFrame({"text": ["We agree."]}))
    assert list(plain.columns) == list(OUTPUT_FIELDS)
