"""Evaluation on an external benchmark: the CAMEO example sentences of PLOVER (evaluation only).

The benchmark lives outside the repository (see ../shared/benchmarks/README.md) and is read from
a path the user gives; nothing of it is copied here. The file (`PLOVER_GSR_CAMEO.txt`) is a JSON
list of records; each coded record has `id`, `text`, `event` (a PLOVER event type) and `source`,
a list of actors with an ISO 3166 alpha-3 `code` (or `IGO`, `NGO`, ... with the name in
`actorText`). A leading `DOCUMENT` record documents the file and holds no sentence.

What is scored:

- stance, on the verbal events only: cooperative (AGREE, SUPPORT, CONSULT, CONCEDE, COOPERATE;
  CAMEO roots 02-05 where the event is a CAMEO code) versus conflictual (DEMAND, DISAPPROVE,
  REJECT, THREATEN, PROTEST; CAMEO roots 10-14). Material events (FIGHT, ASSAULT, COERCE, AID,
  RETREAT, SANCTION, MOBILIZE, INVESTIGATE) are not statements and are left out. The binary
  prediction is whichever of `cooperative` / `conflictual` has the higher probability in the
  model's `stance_scores`; the share of items whose 3-way label is `neutral` is reported beside it;
- country: the model's `country` against the source actor (alpha-3 mapped to our alpha-2 codes,
  IGOs to our organisation codes where the name makes it obvious), and the same for a rule
  (`country_of_subject`: the first country-bearing word of the sentence).

    quotestance evaluate cameo [--path ../shared/benchmarks/cameo/PLOVER_GSR_CAMEO.txt]
                               [--model models:/quotestance@champion] [--format json]
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CAMEO_PATH = REPO.parent / "shared" / "benchmarks" / "cameo" / "PLOVER_GSR_CAMEO.txt"

COOPERATIVE, CONFLICTUAL = "cooperative", "conflictual"
STANCE_LABELS = (COOPERATIVE, CONFLICTUAL)

VERBAL_EVENTS = {
    "AGREE": COOPERATIVE, "SUPPORT": COOPERATIVE, "CONSULT": COOPERATIVE,
    "CONCEDE": COOPERATIVE, "COOPERATE": COOPERATIVE,
    "DEMAND": CONFLICTUAL, "DISAPPROVE": CONFLICTUAL, "REJECT": CONFLICTUAL,
    "THREATEN": CONFLICTUAL, "PROTEST": CONFLICTUAL,
}
# Material events: not statements, left out of the stance score (their stance is None).
MATERIAL_EVENTS = frozenset({
    "AID", "RETREAT", "INVESTIGATE", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
})
SKIPPED_EVENTS = frozenset({"DOCUMENT"})   # file documentation, no sentence
COOPERATIVE_ROOTS = frozenset({"02", "03", "04", "05"})
CONFLICTUAL_ROOTS = frozenset({"10", "11", "12", "13", "14"})

# ISO 3166 alpha-3 → alpha-2: the states of resources/countries.csv and every source code of the
# PLOVER/CAMEO file, plus the file's non-ISO spellings (ITL, JAP, VTN).
ALPHA3_TO_ALPHA2 = {
    "AFG": "AF", "AGO": "AO", "ALB": "AL", "ARG": "AR", "ARM": "AM", "AUS": "AU", "AUT": "AT", "AZE": "AZ",
    "BDI": "BI", "BEL": "BE", "BEN": "BJ", "BGD": "BD", "BGR": "BG", "BIH": "BA", "BLR": "BY",
    "BRA": "BR", "CAN": "CA", "CHE": "CH", "CHL": "CL", "CHN": "CN", "CIV": "CI", "COD": "CD",
    "COL": "CO", "CZE": "CZ", "DEU": "DE", "DNK": "DK", "DZA": "DZ", "EGY": "EG", "ESP": "ES",
    "EST": "EE", "ETH": "ET", "FIN": "FI", "FJI": "FJ", "FRA": "FR", "GBR": "GB", "GEO": "GE",
    "GHA": "GH", "GIN": "GN", "GMB": "GM", "GRC": "GR", "HKG": "HK", "HRV": "HR", "HTI": "HT",
    "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "IE", "IRN": "IR", "IRQ": "IQ", "ISR": "IL",
    "ITA": "IT", "JOR": "JO", "JPN": "JP", "KAZ": "KZ", "KEN": "KE", "KGZ": "KG", "KOR": "KR",
    "LBN": "LB", "LBR": "LR", "LBY": "LY", "LKA": "LK", "LTU": "LT", "LVA": "LV", "MAR": "MA",
    "MDA": "MD", "MEX": "MX", "MKD": "MK", "MLI": "ML", "MMR": "MM", "MNE": "ME", "MOZ": "MZ",
    "NER": "NE", "NGA": "NG", "NIC": "NI", "NLD": "NL", "NOR": "NO", "NPL": "NP", "NZL": "NZ",
    "PAK": "PK", "PER": "PE", "PHL": "PH", "POL": "PL", "PRK": "KP", "PRT": "PT", "PSE": "PS",
    "QAT": "QA", "ROU": "RO", "RUS": "RU", "RWA": "RW", "SAU": "SA", "SDN": "SD", "SEN": "SN",
    "SLE": "SL", "SRB": "RS", "SVN": "SI", "SWE": "SE", "SYR": "SY", "TLS": "TL", "TTO": "TT",
    "TUN": "TN", "TUR": "TR", "TWN": "TW", "UGA": "UG", "UKR": "UA", "USA": "US", "UZB": "UZ",
    "VEN": "VE", "VNM": "VN", "YEM": "YE", "ZAF": "ZA", "ZMB": "ZM", "ZWE": "ZW",
    # spellings of the file that are not ISO codes (the actor text confirms them)
    "ITL": "IT", "JAP": "JP", "VTN": "VN",
}

# Non-state actors (IGO, NGO, ...): our organisation code from the actor's name, first match wins.
# UN bodies and agencies are UN, as in resources/institutions.csv (IAEA and the others with a code
# of their own excepted). Anything else (Amnesty International, Arab League, APEC, ...) is None.
ORGANISATION_PATTERNS = [
    (re.compile(r"\bIAEA\b|International Atomic Energy", re.I), "IAEA"),
    (re.compile(r"World Health Organi[sz]ation|(?<!\w)WHO(?!\w)"), "WHO"),
    (re.compile(r"International Monetary Fund|(?<!\w)IMF(?!\w)"), "IMF"),
    (re.compile(r"World Trade Organi[sz]ation|(?<!\w)WTO(?!\w)"), "WTO"),
    (re.compile(r"Red Cross|Red Crescent|(?<!\w)ICRC(?!\w)", re.I), "ICRC"),
    (re.compile(r"(?<!\w)NATO(?!\w)|North Atlantic Treaty", re.I), "NATO"),
    (re.compile(r"(?<!\w)OSCE(?!\w)|Organi[sz]ation for Security and Co-?operation", re.I), "OSCE"),
    (re.compile(r"African Union"), "AFU"),
    (re.compile(r"(?<!\w)ASEAN(?!\w)|Association of Southeast Asian Nations"), "ASEAN"),
    (re.compile(r"(?<!\w)ECOWAS(?!\w)|Economic Community of West African States"), "ECOWAS"),
    (re.compile(r"European (?:Union|Community|Communities|Commission|Council|Parliament)"
                r"|(?<!\w)(?:EU|E\.U\.|EC)(?!\w)"), "EU"),
    (re.compile(r"United Nations|(?<!\w)(?:UN|U\.N\.)(?!\w)|Security Council"
                r"|International Lab(?:o|ou)r (?:Office|Organi[sz]ation)|(?<!\w)ILO(?!\w)"
                r"|UNHCR|UNICEF|UNESCO|World Food Programme"), "UN"),
]


@dataclass(frozen=True)
class CameoItem:
    id: str
    text: str
    event: str                        # the PLOVER event type (or a CAMEO code)
    stance: str | None                # cooperative / conflictual for verbal events, else None
    country: str | None               # the first source actor with a mapped code
    countries: tuple[str, ...] = ()   # every mapped source actor, in order, without repeats
    source_codes: tuple[str, ...] = ()  # the file's codes, as given


def event_stance(event: str) -> str | None:
    """cooperative / conflictual for a verbal event, None for a material (or unknown) one."""
    event = event.strip().upper()
    if event in VERBAL_EVENTS:
        return VERBAL_EVENTS[event]
    if re.fullmatch(r"\d{2,4}", event):   # a CAMEO code: its root is the first two digits
        root = event[:2]
        return (COOPERATIVE if root in COOPERATIVE_ROOTS
                else CONFLICTUAL if root in CONFLICTUAL_ROOTS else None)
    if event not in MATERIAL_EVENTS:
        log.warning("CAMEO event %r is neither verbal nor known as material: left out of stance",
                    event)
    return None


def actor_country(code: str, actor_text: str = "") -> str | None:
    """Our code (alpha-2 or organisation) for one source actor, None when nothing obvious."""
    code = code.strip().upper()
    if code in ALPHA3_TO_ALPHA2:
        return ALPHA3_TO_ALPHA2[code]
    for pattern, ours in ORGANISATION_PATTERNS:
        if actor_text and pattern.search(actor_text):
            return ours
    return None


def load_cameo(path: str | Path) -> list[CameoItem]:
    """The coded sentences of a PLOVER/CAMEO file (JSON list); ValueError names the file and the
    record index of anything malformed. DOCUMENT records are skipped."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not JSON (line {err.lineno}, column {err.colno}: "
                         f"{err.msg})") from None
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON list of records, found "
                         f"{type(records).__name__}")
    items = []
    for i, record in enumerate(records):
        def bad(why: str, i=i, record=record) -> ValueError:
            rid = record.get("id") if isinstance(record, dict) else None
            return ValueError(f"{path}: record {i}{f' ({rid})' if rid else ''}: {why}")

        if not isinstance(record, dict):
            raise bad(f"not an object but {type(record).__name__}")
        event = record.get("event")
        if not isinstance(event, str) or not event.strip():
            raise bad("no `event`")
        if event.strip().upper() in SKIPPED_EVENTS:
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad("no `text`")
        sources = record.get("source")
        if sources is None:
            sources = []
        elif isinstance(sources, dict):
            sources = [sources]
        elif not isinstance(sources, list):
            raise bad(f"`source` is {type(sources).__name__}, not a list of actors")
        codes, countries = [], []
        for actor in sources:
            if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
                raise bad("a `source` actor without a `code`")
            codes.append(actor["code"])
            ours = actor_country(actor["code"], str(actor.get("actorText") or ""))
            if ours is not None and ours not in countries:
                countries.append(ours)
        items.append(CameoItem(
            id=str(record.get("id", i)), text=text.strip(), event=event.strip().upper(),
            stance=event_stance(event), country=countries[0] if countries else None,
            countries=tuple(countries), source_codes=tuple(codes)))
    return items


def country_of_subject(text: str) -> str | None:
    """The rule baseline: the code of the first country-bearing word of the sentence (demonyms,
    country names, capitals, institutions, office holders), None when there is none."""
    from quotestance.article.countries import countries_in

    matches = countries_in(text)
    return matches[0].code if matches else None


def _our_codes() -> frozenset[str]:
    from quotestance.lexicon import csv_rows

    return frozenset(row["code"] for row in csv_rows("countries.csv"))


def _rows(model, texts: list[str]) -> list[dict[str, Any]]:
    import pandas as pd

    out = model.predict(pd.DataFrame({"text": texts}))
    rows = out.to_dict("records") if hasattr(out, "to_dict") else list(out)
    if len(rows) != len(texts):
        raise ValueError(f"the model returned {len(rows)} rows for {len(texts)} texts")
    return rows


def _scores(value) -> dict[str, float]:
    if isinstance(value, str):   # a served model may hand the scores back as JSON text
        value = json.loads(value)
    return {str(k): float(v) for k, v in (value or {}).items()}


def binary_stance(row: dict[str, Any]) -> str:
    """cooperative or conflictual, whichever the model gives the higher probability (a tie goes
    to the model's own label where it is one of the two, else to cooperative)."""
    scores = _scores(row.get("stance_scores"))
    coop, conf = scores.get(COOPERATIVE, 0.0), scores.get(CONFLICTUAL, 0.0)
    if coop != conf:
        return COOPERATIVE if coop > conf else CONFLICTUAL
    return row.get("stance") if row.get("stance") in STANCE_LABELS else COOPERATIVE


def score_cameo(model, items: list[CameoItem]) -> dict[str, float | int]:
    """Stance (verbal events) and country (mapped sources) figures of `model` on `items`.

    `model` is a pyfunc model or anything whose `.predict(DataFrame({"text": [...]}))` returns the
    quotestance output rows. A country prediction is right when it is one of the item's mapped
    source actors (21 sentences of the file have two sources, e.g. two states that agree).
    """
    from sklearn.metrics import f1_score

    rows = _rows(model, [it.text for it in items]) if items else []
    out: dict[str, float | int] = {"n_items": len(items)}

    verbal = [(it, row) for it, row in zip(items, rows, strict=True) if it.stance in STANCE_LABELS]
    gold = [it.stance for it, _ in verbal]
    pred = [binary_stance(row) for _, row in verbal]
    n = len(verbal)
    out["stance/n"] = n
    out["stance/n_cooperative"] = gold.count(COOPERATIVE)
    out["stance/n_conflictual"] = gold.count(CONFLICTUAL)
    out["stance/n_material_left_out"] = len(items) - n
    if n:
        per_class = f1_score(gold, pred, labels=list(STANCE_LABELS), average=None,
                             zero_division=0)
        out["stance/macro_f1"] = float(per_class.mean())
        out["stance/f1_cooperative"] = float(per_class[0])
        out["stance/f1_conflictual"] = float(per_class[1])
        out["stance/accuracy"] = sum(g == p for g, p in zip(gold, pred, strict=True)) / n
        three_way = Counter(row.get("stance") for _, row in verbal)
        out["stance/share_neutral"] = three_way.get("neutral", 0) / n
        out["stance/accuracy_3way"] = sum(g == row.get("stance")
                                          for g, (_, row) in zip(gold, verbal, strict=True)) / n

    known = _our_codes()
    mapped = [(it, row) for it, row in zip(items, rows, strict=True) if it.countries]
    m = len(mapped)
    rule = [country_of_subject(it.text) for it, _ in mapped]
    model_ok = [row.get("country") in it.countries for it, row in mapped]
    rule_ok = [r is not None and r in it.countries for r, (it, _) in zip(rule, mapped, strict=True)]
    in_set = [i for i, (it, _) in enumerate(mapped) if set(it.countries) & known]
    out["country/n"] = m
    out["country/n_unmapped"] = len(items) - m
    out["country/model_correct"] = sum(model_ok)
    out["country/rule_correct"] = sum(rule_ok)
    out["country/rule_found"] = sum(r is not None for r in rule)
    out["country/n_in_label_set"] = len(in_set)   # a source among our country codes
    if m:
        out["country/model_accuracy"] = sum(model_ok) / m
        out["country/rule_accuracy"] = sum(rule_ok) / m
        out["country/rule_coverage"] = out["country/rule_found"] / m
    if in_set:
        out["country/model_accuracy_in_label_set"] = sum(model_ok[i] for i in in_set) / len(in_set)
        out["country/rule_accuracy_in_label_set"] = sum(rule_ok[i] for i in in_set) / len(in_set)
    return out
