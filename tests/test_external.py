"""CAMEO/PLOVER evaluation on a tiny fake file of the same format (invented sentences only)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from quotestance.external import (
    CameoItem,
    actor_country,
    binary_stance,
    country_of_subject,
    event_stance,
    load_cameo,
    score_cameo,
)


def actor(text, code, sector=None):
    out = {"actorText": text, "code": code}
    if sector:
        out["sector"] = sector
    return out


def record(n, event, text, sources, **extra):
    rec = {"id": f"FAKE-{event}-{n:04d}", "date": "2001-01-01", "event": event,
           "eventText": "invented", "text": text, "language": "en", "coder": "tests",
           "version": "0"}
    if sources is not None:
        rec["source"] = sources
    rec.update(extra)
    return rec


# (text, model's stance scores, model's 3-way label, model's country): invented sentences.
FAKE = [
    (record(1, "AGREE", "French officials agreed to resume talks with Berlin next month.",
            [actor("French officials", "FRA", "GOV")]),
     {"cooperative": 0.7, "conflictual": 0.1, "neutral": 0.2}, "cooperative", "FR"),
    (record(2, "DEMAND",
            "Moscow demanded that the Ukrainian army withdraw from the river crossing.",
            [actor("Moscow", "RUS", "GOV")], target=[actor("Ukrainian army", "UKR", "MIL")]),
     {"cooperative": 0.2, "conflictual": 0.3, "neutral": 0.5}, "neutral", "UA"),
    (record(3, "REJECT", "The United Nations rejected a request from Germany to postpone the vote.",
            [actor("The United Nations", "IGO")]),
     {"cooperative": 0.5, "conflictual": 0.3, "neutral": 0.2}, "cooperative", "UN"),
    (record(4, "FIGHT", "American troops clashed with rebels near the northern border.",
            [actor("American troops", "USA", "MIL")], mode="firearms"),
     {"cooperative": 0.1, "conflictual": 0.8, "neutral": 0.1}, "conflictual", "US"),
    (record(5, "SUPPORT", "Romanian and Hungarian ministers backed the plan for a joint rail link.",
            [actor("Hungarian ministers", "HUN", "GOV"),
             actor("Romanian ministers", "ROU", "GOV")]),
     {"cooperative": 0.6, "conflictual": 0.1, "neutral": 0.3}, "cooperative", "HU"),
    (record(6, "THREATEN", "A local fishing association threatened to block the harbour road.",
            [actor("local fishing association", "NGO")]),
     {"cooperative": 0.1, "conflictual": 0.8, "neutral": 0.1}, "conflictual", "FR"),
    (record(7, "CONSULT", "The envoy met officials in Cairo on Tuesday.",
            [actor("The envoy", "ISR", "GOV")]),
     {"cooperative": 0.1, "conflictual": 0.2, "neutral": 0.7}, "neutral", None),
]
DOC = {"id": "FAKE-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation",
       "coder": "tests", "version": "0"}


def write_cameo(path: Path, records) -> Path:
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def cameo_file(tmp_path: Path) -> Path:
    return write_cameo(tmp_path / "FAKE_CAMEO.txt", [DOC, *(rec for rec, *_ in FAKE)])


class FakeModel:
    """Answers like the pyfunc model: one output row per `text`, looked up by sentence."""

    def __init__(self):
        self.by_text = {rec["text"]: (scores, label, country)
                        for rec, scores, label, country in FAKE}
        self.calls = 0

    def predict(self, frame: pd.DataFrame) -> pd.DataFrame:
        self.calls += 1
        rows = []
        for text in frame["text"]:
            scores, label, country = self.by_text[text]
            rows.append({"quote": text, "start": 0, "end": len(text), "speaker": None,
                         "country": country, "country_source": "model", "stance": label,
                         "stance_scores": scores, "sentiment": "neutral",
                         "sentiment_scores": {"neutral": 1.0}, "lang": "en"})
        return pd.DataFrame(rows)


def test_load_cameo_items(cameo_file):
    items = load_cameo(cameo_file)
    assert len(items) == 7                            # the DOCUMENT record is skipped
    assert [it.event for it in items] == ["AGREE", "DEMAND", "REJECT", "FIGHT", "SUPPORT",
                                          "THREATEN", "CONSULT"]
    assert [it.stance for it in items] == ["cooperative", "conflictual", "conflictual", None,
                                           "cooperative", "conflictual", "cooperative"]
    assert [it.country for it in items] == ["FR", "RU", "UN", "US", "HU", None, "IL"]
    assert items[4].countries == ("HU", "RO")
    assert items[4].source_codes == ("HUN", "ROU")
    assert items[5].countries == () and items[5].source_codes == ("NGO",)
    assert items[0].id == "FAKE-AGREE-0001"
    assert items[0].text.startswith("French officials")


def test_record_without_source_is_kept_without_country(tmp_path):
    path = write_cameo(tmp_path / "c.txt", [record(1, "ASSAULT", "Unknown gunmen fired on a bus.",
                                                   None)])
    (item,) = load_cameo(path)
    assert item.country is None and item.countries == () and item.stance is None


@pytest.mark.parametrize("event,stance", [
    ("AGREE", "cooperative"), ("SUPPORT", "cooperative"), ("CONSULT", "cooperative"),
    ("CONCEDE", "cooperative"), ("COOPERATE", "cooperative"),
    ("DEMAND", "conflictual"), ("DISAPPROVE", "conflictual"), ("REJECT", "conflictual"),
    ("THREATEN", "conflictual"), ("PROTEST", "conflictual"),
    ("FIGHT", None), ("ASSAULT", None), ("COERCE", None), ("AID", None), ("RETREAT", None),
    ("SANCTION", None), ("MOBILIZE", None), ("INVESTIGATE", None),
    # CAMEO codes: roots 02-05 cooperative, 10-14 conflictual, the rest material or plain statements
    ("02", "cooperative"), ("043", "cooperative"), ("0531", "cooperative"),
    ("112", "conflictual"), ("14", "conflictual"), ("1041", "conflictual"),
    ("010", None), ("06", None), ("190", None), ("15", None),
])
def test_event_stance(event, stance):
    assert event_stance(event) == stance


def test_unknown_event_is_left_out_with_a_warning(caplog):
    assert event_stance("SOMETHING_NEW") is None
    assert "SOMETHING_NEW" in caplog.text


@pytest.mark.parametrize("code,text,expected", [
    ("USA", "", "US"), ("GBR", "British officials", "GB"), ("PSE", "", "PS"), ("SRB", "", "RS"),
    ("PRK", "", "KP"), ("ITL", "Italy", "IT"), ("JAP", "Japan", "JP"), ("VTN", "", "VN"),
    ("UGA", "", "UG"),
    ("IGO", "United Nations", "UN"), ("IGO", "U.N. Secretary-General", "UN"),
    ("IGO", "UN", "UN"), ("IGO", "Security Council", "UN"),
    ("IGO", "International Labor Office", "UN"),
    ("IGO", "European Community", "EU"), ("IGO", "NATO peacekeeping troops", "NATO"),
    ("IGO", "IAEA", "IAEA"), ("IGO", "Red Cross", "ICRC"),
    ("IGO", "Arab League", None), ("NGO", "Amnesty International", None), ("IGO", "", None),
    ("XYZ", "", None), ("IMG", "an armed group", None),
])
def test_actor_country(code, text, expected):
    assert actor_country(code, text) == expected


@pytest.mark.parametrize("content,where", [
    ("{not json", "not JSON"),
    ('{"event": "AGREE"}', "JSON list"),
    (json.dumps([DOC, record(1, "AGREE", "Fine sentence.", [actor("x", "FRA")]), "oops"]),
     "record 2"),
    (json.dumps([record(1, "AGREE", "Fine.", [actor("x", "FRA")]),
                 record(2, "REJECT", "", [actor("x", "FRA")])]), "record 1 (FAKE-REJECT-0002)"),
    (json.dumps([{"id": "FAKE-0", "text": "No event here."}]), "record 0"),
    (json.dumps([record(1, "AGREE", "Fine.", "FRA")]), "record 0"),
    (json.dumps([record(1, "AGREE", "Fine.", [{"actorText": "no code"}])]), "record 0"),
])
def test_malformed_file_names_file_and_record(tmp_path, content, where):
    path = tmp_path / "broken_cameo.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_cameo(path)
    assert str(path) in str(err.value)
    assert where in str(err.value)


def test_country_of_subject_takes_the_first_country_word():
    assert country_of_subject("Romanian and Hungarian ministers backed the plan.") == "RO"
    assert country_of_subject("The envoy met officials in Cairo on Tuesday.") == "EG"
    assert country_of_subject("The United Nations rejected a request from Germany.") == "UN"
    assert country_of_subject("A local association threatened to block the road.") is None


def test_binary_stance_prefers_the_larger_of_the_two_probabilities():
    assert binary_stance({"stance": "neutral",
                          "stance_scores": {"cooperative": 0.2, "conflictual": 0.3,
                                            "neutral": 0.5}}) == "conflictual"
    assert binary_stance({"stance": "neutral",
                          "stance_scores": json.dumps({"cooperative": 0.3, "conflictual": 0.2,
                                                       "neutral": 0.5})}) == "cooperative"
    tie = {"cooperative": 0.25, "conflictual": 0.25, "neutral": 0.5}
    assert binary_stance({"stance": "conflictual", "stance_scores": tie}) == "conflictual"
    assert binary_stance({"stance": "neutral", "stance_scores": tie}) == "cooperative"


def test_score_cameo(cameo_file):
    model = FakeModel()
    scores = score_cameo(model, load_cameo(cameo_file))
    assert model.calls == 1
    assert scores["n_items"] == 7
    # verbal: 6 (FIGHT left out); gold coop = 1, 5, 7; conf = 2, 3, 6
    # binary predictions: coop, conf, coop, coop, conf, conf → each class P = R = 2/3
    assert scores["stance/n"] == 6
    assert scores["stance/n_cooperative"] == 3 and scores["stance/n_conflictual"] == 3
    assert scores["stance/n_material_left_out"] == 1
    assert scores["stance/macro_f1"] == pytest.approx(2 / 3)
    assert scores["stance/f1_cooperative"] == pytest.approx(2 / 3)
    assert scores["stance/f1_conflictual"] == pytest.approx(2 / 3)
    assert scores["stance/accuracy"] == pytest.approx(4 / 6)
    assert scores["stance/share_neutral"] == pytest.approx(2 / 6)
    assert scores["stance/accuracy_3way"] == pytest.approx(3 / 6)
    # country: 6 items with a mapped source (the NGO one is left out)
    # model: FR ok, UA vs RU wrong, UN ok, US ok, HU in (HU, RO) ok, None vs IL wrong
    # rule: FR, RU (Moscow), UN, US, RO (in HU, RO), EG (Cairo) vs IL wrong
    assert scores["country/n"] == 6 and scores["country/n_unmapped"] == 1
    assert scores["country/model_correct"] == 4
    assert scores["country/model_accuracy"] == pytest.approx(4 / 6)
    assert scores["country/rule_correct"] == 5
    assert scores["country/rule_accuracy"] == pytest.approx(5 / 6)
    assert scores["country/rule_coverage"] == pytest.approx(1.0)
    assert scores["country/n_in_label_set"] == 6


def test_score_cameo_accepts_a_list_of_rows_and_checks_their_number():
    items = [CameoItem(id="a", text="We agree.", event="AGREE", stance="cooperative",
                       country="FR", countries=("FR",))]

    class ListModel:
        def predict(self, frame):
            return [{"stance": "cooperative", "country": "FR",
                     "stance_scores": {"cooperative": 0.9, "conflictual": 0.1}}]

    scores = score_cameo(ListModel(), items)
    assert scores["stance/macro_f1"] == pytest.approx(0.5)   # conflictual: no gold, no prediction
    assert scores["country/model_accuracy"] == 1.0

    class ShortModel:
        def predict(self, frame):
            return []

    with pytest.raises(ValueError, match="0 rows for 1 texts"):
        score_cameo(ShortModel(), items)


def test_score_cameo_of_nothing():
    assert score_cameo(FakeModel(), []) == {
        "n_items": 0, "stance/n": 0, "stance/n_cooperative": 0, "stance/n_conflictual": 0,
        "stance/n_material_left_out": 0, "country/n": 0, "country/n_unmapped": 0,
        "country/model_correct": 0, "country/rule_correct": 0, "country/rule_found": 0,
        "country/n_in_label_set": 0}


def test_cli_scores_a_model(cameo_file, monkeypatch):
    from typer.testing import CliRunner

    import quotestance.serving
    from quotestance.cli import app

    monkeypatch.setattr(quotestance.serving, "load_model", lambda uri: FakeModel())
    result = CliRunner().invoke(app, ["evaluate", "cameo", "--path", str(cameo_file), "--model", "m",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stance/macro_f1"] == pytest.approx(2 / 3)


def test_cli_reports_a_malformed_file(tmp_path):
    from typer.testing import CliRunner

    from quotestance.cli import app

    path = tmp_path / "broken.txt"
    path.write_text("[1]", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "cameo", "--path", str(path)])
    assert result.exit_code == 2
    assert "record 0" in result.stderr and result.stderr.startswith("error: ")
