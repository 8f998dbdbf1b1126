"""The country a speaker speaks for, from the words that describe them (CODEBOOK §3).

Sources, each a data file of quotestance/resources: nationality words (demonyms.csv), country
and capital names (countries.csv), institutions (institutions.csv) and office holders
(gazetteer.csv). Users extend them by editing those files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quotestance.lexicon import csv_rows


@dataclass(frozen=True)
class CountryMatch:
    code: str
    start: int      # offset in the searched string
    kind: str       # demonym, country, institution, capital, person


@cache
def _lexicon() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex over every known form; each form maps to (code, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    for row in csv_rows("countries.csv"):
        for key in ("capital_en", "capital_fr"):
            if row.get(key):
                forms.setdefault(row[key], (row["code"], "capital"))
        for name in [row["name_en"], row["name_fr"], *filter(None, row.get("aliases", "").split("|"))]:
            forms[name] = (row["code"], "country")
        if row["kind"] == "organisation" and len(row["code"]) > 2:
            forms[row["code"]] = (row["code"], "institution")
    for row in csv_rows("demonyms.csv"):
        forms[row["form"]] = (row["country"], "demonym")
        if row["lang"] == "fr":   # the noun: "la Norvégienne Ingrid Solhaug", "le Français"
            forms.setdefault(row["form"][:1].upper() + row["form"][1:], (row["country"], "demonym"))
    for row in csv_rows("institutions.csv"):
        name = row["name"]
        forms[name] = (row["country"], "institution")
        # mid-sentence French writes "le département d'État", "la Commission européenne"
        forms.setdefault(name[0].lower() + name[1:], (row["country"], "institution"))
    for row in csv_rows("cities.csv"):
        forms.setdefault(row["name"], (row["country"], "city"))
    for row in csv_rows("gazetteer.csv"):
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            forms.setdefault(name.strip(), (row["country"], "person"))
    ordered = sorted(forms, key=len, reverse=True)
    pattern = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
    # Lower-case forms (French demonyms) match case-insensitively only at their first letter.
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), forms


def countries_in(text: str) -> list[CountryMatch]:
    """Every country-bearing word in `text`, in order."""
    regex, forms = _lexicon()
    found = []
    for m in regex.finditer(text):
        code, kind = forms[re.sub(r"\s+", " ", m.group(0))]
        found.append(CountryMatch(code, m.start(), kind))
    return found


ORGANISATION_ROLE = re.compile(r"(?<!auprès )(?<!to )(?<!at )(?:de l'|de la |du |des |of the |of |at the )\s*$", re.I)


def country_of_description(description: str) -> str | None:
    """The country of a speaker's description ("le ministre russe de la Défense").

    An organisation the speaker holds a role in ("secrétaire générale de l'OSCE", "member of the
    European Parliament") outranks a nationality: officials speak for their organisation
    (codebook §3); "ambassadeur auprès de l'ONU" does not count. Otherwise the first
    nationality, country or institution word; places (capitals, cities) do not count here.
    """
    matches = [m for m in countries_in(description) if m.kind not in ("capital", "city")]
    for m in matches:
        if m.kind == "institution" and (len(m.code) > 2 or m.code in ("EU", "UN", "AU")) \
                and ORGANISATION_ROLE.search(description[:m.start]):
            return m.code
    return matches[0].code if matches else None


def country_of_name(name: str) -> str | None:
    """A speaker that is itself a country-bearing name: an institution, a state, a capital
    (a capital only when nothing else names a country: "the US Embassy in Manila" is American)."""
    matches = sorted(countries_in(name), key=lambda m: m.kind == "capital")
    return matches[0].code if matches else None
