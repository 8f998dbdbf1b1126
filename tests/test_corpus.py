"""The shipped corpus is valid, and the validator catches each kind of mistake with file and line."""

import json
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from quotestance.cli import app
from quotestance.corpus import LabelSets, locate_quotes, validate_corpus
from quotestance.corpus_stats import agreement, cohen_kappa, lexical_diversity

LABELS = LabelSets.load(REPO / "conf/tasks/default.yaml", REPO / "src/quotestance/resources/countries.csv")
runner = CliRunner()


def test_shipped_corpus_validates():
    assert validate_corpus(REPO / "data/corpus", LABELS) == []


def test_data_validate_command_on_the_shipped_corpus(monkeypatch):
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["data", "validate"])
    assert result.exit_code == 0, result.output


def test_data_stats_json_counts(tiny_corpus):
    result = runner.invoke(app, ["data", "stats", "--corpus", str(tiny_corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["articles"] == 32 and stats["statements"] == 96 and stats["non_statements"] == 0
    assert stats["statements_by_split"] == {"dev": 24, "test": 24, "train": 48}
    assert stats["statements_by_stance"] == {"conflictual": 32, "cooperative": 32, "neutral": 32}
    assert sum(stats["statements_by_stance_sentiment"].values()) == 96
    assert stats["spans_per_article"] == {"min": 3, "max": 3, "mean": 3.0}
    assert sum(stats["articles_by_split_lang"].values()) == 32


def _broken(tiny_corpus: Path, edit) -> list[str]:
    path = tiny_corpus / "articles" / "t001.json"
    ann = json.loads(path.read_text())
    edit(ann)
    path.write_text(json.dumps(ann, indent=1))
    return validate_corpus(tiny_corpus, LABELS)


@pytest.mark.parametrize("edit,message", [
    (lambda a: a["statements"][1].update(start=a["statements"][1]["start"] + 1), "differs from text"),
    (lambda a: a["statements"][1].update(stance="hostile"), "field 'stance': 'hostile'"),
    (lambda a: a["statements"][1].update(country="XX"), "field 'country': 'XX'"),
    (lambda a: a["statements"][1].update(is_statement=False), "must be null for a non-statement"),
    (lambda a: a["statements"][1].update(id="q01"), "duplicate id"),
    (lambda a: a["statements"][1].update(cases=["bogus"]), "unknown tag 'bogus'"),
    (lambda a: a.update(lang="de"), "field 'lang'"),
])
def test_validator_names_file_line_and_field(tiny_corpus, edit, message):
    errors = _broken(tiny_corpus, edit)
    assert errors and all(e.startswith(f"{tiny_corpus}/articles/t001.json:") for e in errors)
    assert message in errors[0]
    if "statement 2" in errors[0]:
        line = int(errors[0].split(":")[1])
        raw = (tiny_corpus / "articles/t001.json").read_text().splitlines()
        assert '"quote"' in raw[line - 1] and "statement 2" in errors[0]


def test_validator_checks_splits(tiny_corpus):
    splits = tiny_corpus / "splits.csv"
    splits.write_text(splits.read_text().replace("t002,train", "t002,holdout").replace("t003,train\n", ""))
    errors = validate_corpus(tiny_corpus, LABELS)
    assert any("splits.csv:3: field 'split': 'holdout'" in e for e in errors)
    assert any("t003.json:1: article has no split" in e for e in errors)


def test_data_validate_command_fails_with_a_count(tiny_corpus):
    (tiny_corpus / "articles" / "t001.txt").unlink()
    result = runner.invoke(app, ["data", "validate", "--corpus", str(tiny_corpus),
                                 "--tasks", str(REPO / "conf/tasks/default.yaml"),
                                 "--countries", str(REPO / "src/quotestance/resources/countries.csv")])
    assert result.exit_code == 1
    assert "t001.txt: file missing" in result.stderr and "1 problem(s)" in result.stderr


def test_locate_quotes_prefers_words_between_quotation_marks():
    text = "Le cessez-le-feu tient. Le ministre a salué un « cessez-le-feu » fragile."
    located = locate_quotes(text, [{"quote": "cessez-le-feu"}])
    assert located[0]["start"] == text.index("« cessez") + 2


def test_locate_quotes_reading_order_and_occurrence():
    text = "« Oui », dit-il. « Non », répond-elle. « Oui », conclut-il."
    located = locate_quotes(text, [{"quote": "Oui"}, {"quote": "Non"}, {"quote": "Oui"}])
    assert [s["start"] for s in located] == [2, 19, 41]
    assert locate_quotes(text, [{"quote": "Oui", "occurrence": 2}])[0]["start"] == 41


def test_cohen_kappa_known_values():
    assert cohen_kappa(list("aabb"), list("aabb")) == 1.0
    assert cohen_kappa(list("aabb"), list("abab")) == pytest.approx(0.0)
    assert cohen_kappa(list("aaab"), list("aabb")) == pytest.approx(0.5)


def test_lexical_diversity_counts_repeats():
    d = lexical_diversity(["a b c d e", "a b c d e"])
    assert d["distinct_3gram_ratio"] == 0.5
    assert d["top_5grams"][0] == ["a b c d e", 2]


def test_an_agreement_study_of_the_country_alone(tmp_path):
    """The later rounds' check labels speaker and country only: stance and sentiment are left out, not a
    division by zero."""
    rows = [{"id": "a-q1", "country": "FR"}, {"id": "a-q2", "country": "DE"}, {"id": "a-q3", "country": "FR"}]
    (tmp_path / "annotator_a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    rows[2]["country"] = "DE"
    (tmp_path / "annotator_b.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = agreement(tmp_path)
    assert result["items"] == 3 and result["agreement_country"] == 0.667
    assert "kappa_stance" not in result


def test_the_shipped_country_check_of_the_later_rounds_agrees():
    result = agreement(Path(__file__).resolve().parents[1] / "data/agreement/country-rounds-4-5")
    assert result["items"] == 80 and result["agreement_country"] == 1.0
