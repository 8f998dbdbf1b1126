"""The country a speaker speaks for, from the words that describe them (CODEBOOK §3).

Sources, each a data file of quotestance/resources: nationality words (demonyms.csv), country
and capital names (countries.csv), institutions (institutions.csv) and office holders
(gazetteer.csv). Users extend them by editing those files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from quotestance.lexicon import csv_rows, resource_yaml


@dataclass(frozen=True)
class CountryMatch:
    code: str
    start: int      # offset in the searched string
    kind: str       # demonym, country, institution, capital, city, person
    end: int = -1
    body: str = ""  # an institution's kind in institutions.csv: ngo, company, thinktank, agency…


_TOKEN = re.compile(r"[\w.]+")   # hyphens split tokens: "Islamabad-based", "nord-coréen" (rejoined)


def _french_university(name: str) -> list[str]:
    """How French names an English-named university: "université Bilkent", "université d'Ankara"."""
    if m := re.fullmatch(r"(.+) University", name):
        return [f"université {m.group(1)}"]
    if m := re.fullmatch(r"University of (.+)", name):
        of = "d'" if m.group(1)[0] in "AEIOUÉ" else "de "
        return [f"université {of}{m.group(1)}"]
    return []


def _straight(text: str) -> str:
    return text.replace("’", "'")


@cache
def _lexicon() -> tuple[dict[str, tuple[str, ...]], set[str]]:
    """Every known form → (code, kind[, institution kind]), and the beginnings of the forms.
    Apostrophes are straight in the keys ("Quai d’Orsay" is looked up as "Quai d'Orsay")."""
    forms: dict[str, tuple[str, ...]] = {}
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
            # "le Sud-Africain", "la Nord-Coréenne": each part of a compound noun is capitalised
            forms.setdefault("-".join(part[:1].upper() + part[1:] for part in row["form"].split("-")),
                             (row["country"], "demonym"))
    ambiguous = resource_yaml("ambiguous_forms.yaml")
    for form in ambiguous["forms"]:
        value = forms.pop(form, None)
        if value and form in ambiguous["possessive"]:
            forms[form + "'s"] = value       # found only before a lower-case word: see countries_in
    for row in csv_rows("institutions.csv"):
        name = row["name"]
        forms[name] = (row["country"], "institution", row.get("kind") or "")
        # mid-sentence French writes "le département d'État", "la Commission européenne"
        forms.setdefault(name[0].lower() + name[1:], forms[name])
        forms.setdefault(name[0].upper() + name[1:], forms[name])     # … and "Université d'Oxford" opens one
        for french in _french_university(name) if row.get("kind") == "university" else ():
            forms.setdefault(french, forms[name])            # "Bilkent University" → "l'université Bilkent"
            forms.setdefault(french[0].upper() + french[1:], forms[name])
    for row in csv_rows("cities.csv"):
        forms.setdefault(row["name"], (row["country"], "city"))
    for row in csv_rows("gazetteer.csv"):
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            forms.setdefault(name.strip(), (row["country"], "person"))
    for region in ambiguous["regions"]:     # "Latin America", "sud-américain": read whole, they name no state
        forms[region] = ("", "region")
    straight: dict[str, tuple[str, ...]] = {}
    for form, value in forms.items():
        straight.setdefault(_straight(form), value)
    forms = straight
    # every form's first 1, 2, … tokens, as countries_in joins them: how far a run of tokens may go
    prefixes = {" ".join(form[:m.end()].split()) for form in forms for m in _TOKEN.finditer(form)}
    return forms, prefixes


@cache
def _possessive_only() -> frozenset[str]:
    return frozenset(resource_yaml("ambiguous_forms.yaml")["possessive"])


def countries_in(text: str) -> list[CountryMatch]:
    """Every country-bearing word in `text`, in order, longest form first at each position.

    A dictionary lookup over runs of tokens (apostrophes split tokens, so "d'Allemagne" and
    "Russia's" find their country) — far faster than one regex over thousands of forms.
    """
    forms, prefixes = _lexicon()
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        # extend the run of tokens while it is the beginning of some form; keep the longest form
        best = None
        for j in range(i, len(tokens)):
            words = _straight(" ".join(text[tokens[i][0]:tokens[j][1]].split()))
            hit = forms.get(words)
            end = tokens[j][1]
            if not hit:    # "à Bruxelles." : the full stop is not part of the name
                hit = forms.get(words.rstrip(".-"))
                end -= len(words) - len(words.rstrip(".-"))
            if hit and words[:-2] in _possessive_only() and not re.match(r"\s+[a-zà-ÿ]", text[end:end + 2]):
                hit = None                      # "Jordan's Bar" may be a person's
            if hit:
                best = (j, end, hit)
            if words not in prefixes and words.rstrip(".-") not in prefixes:
                break
        if best:
            j, end, hit = best
            if hit[0]:
                found.append(CountryMatch(hit[0], tokens[i][0], hit[1], end, *hit[2:]))
            i = j + 1
        else:
            i += 1
    # "Greenpeace Poland", "Transparency International Budapest": a national branch, one institution
    # of that country
    merged: list[CountryMatch] = []
    for m in found:
        last = merged[-1] if merged else None
        if last and last.kind == "institution" and m.kind in ("country", "capital") \
                and not text[last.end:m.start].strip():
            merged[-1] = CountryMatch(m.code, last.start, "institution", m.end, last.body)
        else:
            merged.append(m)
    return merged


# what someone does at the head of a body ("who heads", "qui dirige", "who commands")
LEADS = (r"(?:heads|headed|leads|led|runs|ran|directs|directed|chairs|chaired|coordinates|coordinated|commands|"
         r"commanded|dirige|dirigeait|a\s+dirigé|coordonne|coordonnait|préside|présidait|a\s+présidé|pilote|"
         r"commande|commandait|conduit|conduisait)")
ORGANISATION_ROLE = re.compile(r"(?<!auprès )(?<!to )(?<!at )(?:de l'|de la |du |des |of the |of |at the )\s*$|"
                               # "the Dutch agronomist who heads the World Food Programme's office"
                               rf"\b(?:who|qui)\s+{LEADS}\s+(?:the\s+|la\s+|le\s+|les\s+|l')?$|"
                               # "le médiateur désigné par l'UA", "the envoy appointed by the AU"
                               r"\b(?:désignée?|nommée?|mandatée?|appointed|named|mandated)\s+(?:par|by)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?$",
                               re.I)


def country_of_description(description: str) -> str | None:
    """The country of a speaker's description ("le ministre russe de la Défense").

    An organisation the speaker holds a role in ("secrétaire générale de l'OSCE", "member of the
    European Parliament") outranks a nationality: officials speak for their organisation
    (codebook §3); "ambassadeur auprès de l'ONU" does not count. Otherwise the first
    nationality, country or institution word; places (capitals, cities) do not count here.
    """
    matches = descriptive_matches(description)
    return organisation_of_role(description, matches) or (matches[0].code if matches else None)


# "s'est entretenu avec son homologue russe", "spoke with his Pakistani counterpart": the other
# party's country. ("Son homologue britannique, Oliver Pennington" is the speaker's own.)
_WITH_THEIR = (r"\b(?:avec|with|to|à|et|and|from|auprès\s+de|alongside|beside|aux\s+côtés\s+de|face\s+à|against|contre)"
               r"\s+(?:son|sa|ses|leur|leurs|his|her|their|its)\s+")
COUNTERPART = re.compile(_WITH_THEIR + r"(?:homologues?|counterparts?)\s+(?:\w+\s+){0,2}$", re.I)
COUNTERPART_AFTER = re.compile(r"\s+(?:counterparts?|opposite\s+numbers?)\b", re.I)


_WITH_THEIR_AT_END = re.compile(_WITH_THEIR + "$", re.I)


def is_counterpart(text: str, match: CountryMatch, since: int = 0) -> bool:
    """Whether the text names `match` as someone's counterpart's country, reading no further back than
    `since` (the words that can say so stand within a few dozen characters)."""
    start = max(since, match.start - 120)
    return bool(COUNTERPART.search(text, start, match.start)
                or (_WITH_THEIR_AT_END.search(text, start, match.start) and COUNTERPART_AFTER.match(text, match.end)))


# "the minister for European integration", "la ministre déléguée aux Affaires européennes", "special envoy
# for Ukraine": a portfolio names what the office deals with, not whom it belongs to
PORTFOLIO = re.compile(r"\b(?:minister|ministre|secretary|secrétaire|commissioner|commissaire|envoy|envoyée?|"
                       r"office|bureau|ministry|ministère)"
                       r"(?:\s+(?:d'État|of\s+state|délégué|déléguée|special|spécial|spéciale))?"
                       r"\s+(?:for|aux|à\s+la|à\s+l'|au|pour\s+l[ae']\s*|chargée?\s+(?:des|de\s+la|de\s+l'|du))\s*"
                       r"(?:[\w-]+\s+){0,2}$", re.I)


# "la ministre de l'Intégration européenne", "le ministre des Affaires européennes": Europe is the portfolio
EUROPEAN_PORTFOLIO = re.compile(r"\b(?:minist(?:re|ère)|secrétaire|commissaire)\s+(?:d'État\s+)?"
                                r"(?:de\s+l['’]|de\s+la\s+|des\s+|du\s+)[\w-]+\s+$", re.I)


# "a few kilometres from the border with Guatemala", "à la frontière avec le Mali": a neighbour
BORDER_WITH = re.compile(r"\b(?:border|frontière)s?\s+(?:with|avec)\s+(?:the\s+|le\s+|la\s+|l')?$", re.I)
# "Jakarta's ambassador to Kenya", "envoyé spécial au Sahel": the state an envoy is posted to is not theirs
POSTED_TO = re.compile(r"\b(?:ambassadors?|envoys?|ambassad(?:eur|rice)s?|envoyée?s?)(?:\s+[\w-]+){0,2}?"
                       r"\s+(?:to|in|en|au|aux|à)\s+(?:the\s+)?$", re.I)
# "son coordinateur pour le Sud-Kivu", "its country director for Kenya", "representative in Pakistan": the
# place a body's staff member covers (but "area manager for the Danish Refugee Council" works for a body)
COVERS = re.compile(r"\b(?:directors?|directeurs?|directrices?|coordinat(?:eur|rice|or)s?|représentante?s?|"
                    r"representatives?|managers?|heads?|chefs?|cheffes?|responsables?)(?:\s+[\w-]+){0,2}?"
                    r"\s+(?:for|pour|in|en|au|aux)\s+(?:the\s+|le\s+|la\s+|l['’]|les\s+)?(?:\w+-)?$", re.I)


def descriptive_matches(description: str, counterpart_is_other: bool = True) -> list[CountryMatch]:
    """The country words that can describe a speaker: places only as "a London-based analyst",
    not a portfolio, and not a counterpart's nationality — unless the counterpart is the speaker,
    named right after ("et son homologue britannique, Helen Marwood": `counterpart_is_other=False`)."""
    return [m for m in countries_in(description) if (m.kind not in ("capital", "city")
            or re.match(r"[-\s]based\b|['’]s\b", description[m.end:]))
            and not POSTED_TO.search(description[:m.start]) and not BORDER_WITH.search(description[:m.start])
            and not (m.kind in ("country", "capital", "city") and COVERS.search(description[:m.start]))
            and not (counterpart_is_other and is_counterpart(description, m))
            and not (m.kind != "institution" and PORTFOLIO.search(description[:m.start]))
            and not (m.code == "EU" and m.kind == "demonym" and EUROPEAN_PORTFOLIO.search(description[:m.start]))]


def organisation_of_role(description: str, matches: list[CountryMatch] | None = None) -> str | None:
    """The organisation a role is held in: "chef de la délégation du CICR au Soudan" → ICRC."""
    for m in descriptive_matches(description) if matches is None else matches:
        if m.kind == "institution" and (len(m.code) > 2 or m.code in ("EU", "UN")) \
                and (ORGANISATION_ROLE.search(description[:m.start]) or m.body == "office"):
            return m.code
    return None


def country_of_name(name: str) -> str | None:
    """A speaker that is itself a country-bearing name: an institution, a state, a capital
    (a capital only when nothing else names a country: "the US Embassy in Manila" is American)."""
    matches = sorted(countries_in(name), key=lambda m: m.kind == "capital")
    return matches[0].code if matches else None


@cache
def _office_titles() -> dict[str, list[str]]:
    return resource_yaml("office_titles.yaml")["titles"]


@cache
def _office_holders() -> dict[tuple[str, str], frozenset[str]]:
    """(office, family name) → the countries of the gazetteer's holders of that office with that family name."""
    family_first = set(resource_yaml("office_titles.yaml")["family_name_first"])
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in csv_rows("gazetteer.csv"):
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            words = name.split()
            if len(words) > 1:
                holders[(row["role"], words[0] if row["country"] in family_first else words[-1])].add(row["country"])
    return {key: frozenset(codes) for key, codes in holders.items()}


@cache
def _leaders_by_family_name() -> dict[str, frozenset[str]]:
    """Family name → the countries of the gazetteer's heads of state and government with that family name."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for (role, family_name), codes in _office_holders().items():
        if role in ("head_of_state", "head_of_government"):
            by_name[family_name] |= codes
    return {name: frozenset(codes) for name, codes in by_name.items()}


def leader_country_of_family_name(family_name: str) -> str | None:
    """ "Obama said", in news that never gives his first name or office: the country of the gazetteer's
    heads of state and government with that family name, when they all led one country (news names
    its leaders by family name alone; a minister "Wallace" is more likely someone else)."""
    codes = _leaders_by_family_name().get(family_name, frozenset())
    return next(iter(codes)) if len(codes) == 1 else None


def office_titles_alternation() -> str:
    """The titles of the gazetteer's offices as one regex alternation, longest first."""
    titles = [t for words in _office_titles().values() for t in words]
    return "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))


@cache
def office_title() -> re.Pattern:
    """A title of an office of the gazetteer ending a phrase: "Russian President", "le Premier ministre"."""
    return re.compile(rf"\b(?:{office_titles_alternation()})$", re.I)


def office_holder_country(title: str, family_name: str) -> str | None:
    """ "President Obama", "la chancelière Merkel": the country of the one gazetteer holder of the office
    the title names who has that family name (none when two countries' holders share it)."""
    low = " ".join(title.lower().split())
    roles = [role for role, words in _office_titles().items()
             if any(low.endswith(w) and not low[:-len(w)][-1:].isalnum() for w in words)]
    found = {code for role in roles for code in _office_holders().get((role, family_name), ())}
    return found.pop() if len(found) == 1 else None
