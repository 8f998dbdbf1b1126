"""The prediction CLI: every input route, every format, the exact output fields, every error path."""

import json

import pytest
from typer.testing import CliRunner

from quotestance.cli import app
from quotestance.contract import OUTPUT_FIELDS

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
    local = mlflow.artifacts.download_artifacts(f"models:/quotestance@champion")
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
