"""Who said it: reporting-verb patterns around each quote, pronouns and in-document propagation.

English has no official spaCy pipeline on PyPI, and French news attribution is just as regular,
so both languages share one rule set over the quote's sentence: the reporting verb that governs
the quote (before it, or inverted after it), its subject or object noun phrase, "selon" /
"according to", and continuations. spaCy's French parser supplies the subject where a quote
follows a colon with no reporting verb (`subject_of` hook).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import islice

from quotestance.article.context import TITLE_ABBREVIATIONS
from quotestance.article.countries import (
    LEADS,
    CountryMatch,
    countries_in,
    country_of_description,
    country_of_name,
    descriptive_matches,
    is_counterpart,
    leader_country_of_family_name,
    office_holder_country,
    office_title,
    office_titles_alternation,
    organisation_of_role,
)
from quotestance.article.quotes import REACHED_BY, TRANSCRIPT_LABEL, QuoteSpan
from quotestance.article.statements import LEADING_CIRCUMSTANCES, french_any_verb_after
from quotestance.lexicon import alternation, csv_rows, reporting_verbs, resource_yaml

TITLE_WORDS = {
    "minister", "ministre", "foreign", "defence", "defense", "president", "président", "présidente",
    "prime", "secretary", "general", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "chancellor", "commissioner", "director", "chief", "deputy", "vice", "senator", "governor", "mayor",
    "premier", "envoy", "special", "representative", "state", "home", "interior", "trade", "finance",
    "health", "energy", "economy", "affairs", "état", "admiral", "colonel", "captain", "lieutenant",
    "king", "queen", "prince", "sheikh", "emir", "sultan", "dr", "prof", "professor", "mr", "mrs", "ms",
    "m", "mme", "mgr", "sir", "dame", "lord", "lady", "judge", "justice", "minister-president",
    "secretary-general", "director-general", "under-secretary", "assistant", "executive", "acting",
    "former", "top", "senior", "chair", "chairman", "chairwoman", "head", "leader", "coordinator",
    "high", "the", "le", "la", "les", "of", "de", "du", "des", "and", "et", "said", "says", "told",
    "senate", "majority", "minority", "ceo", "cfo", "coo", "pdg", "founder", "fondateur", "fondatrice",
    # capitalised only because they start a sentence or a clause
    "selon", "according", "à", "au", "aux", "devant", "dans", "in", "at", "for", "pour", "face", "après",
    "after", "avant", "before", "en", "on", "from", "depuis", "lors", "during", "with", "avec",
    "quant", "as", "comme", "but", "mais", "yet", "pourtant", "then", "puis", "ainsi", "so",
    "when", "quand", "lorsque", "while", "tandis", "jeudi", "lundi", "mardi", "mercredi", "vendredi",
    "samedi", "dimanche", "a", "an", "un", "une", "this", "ce", "cette", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "sur", "sous", "chez", "vers", "entre", "près", "over", "under",
    "near", "across", "along", "between", "among", "outside", "inside", "beyond",
    # dates ("In July, …"); not "May", a surname too, nor "April", "June", "Avril", first names too
    "january", "february", "march", "july", "august", "september", "october",
    "november", "december", "janvier", "février", "mars", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
}
# "al-Jaburi", "ben-Ami": an Arabic or Hebrew particle joined by a hyphen starts a surname too
# ("G.K." initials, their dots hidden or not, are one token)
_NAME_TOKEN = (r"(?:[A-ZÀ-ÝĀ-Ž](?:[.\u2024][A-ZÀ-ÝĀ-Ž])*[.\u2024]|"
               r"(?:(?:al|el|ad|ar|as|ash|at|az|abu|ben|bin|ibn)-)?[A-ZÀ-ÝĀ-Ž][\w'’-]*)")
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)
_TITLE_THEN_FAMILY_NAME = re.compile(rf"(?P<title>.{{0,60}}?)\s+(?P<surname>{_NAME_TOKEN})")
_PARTICLE = r"(?:de|du|van|von|der|den|al|el|ben|bin|da|dos|di|y|la|le|ter|zu)"
_NAME = re.compile(rf"(?<![\w-]){_NAME_TOKEN}(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+)?{_NAME_TOKEN})+")  # one line
_HONORIFIC = re.compile(
    rf"\b(?P<title>M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+(?P<surname>{_NAME_TOKEN}(?:-{_NAME_TOKEN})?)")
PRONOUNS = {"il": "m", "elle": "f", "ils": None, "elles": None, "on": None,
            "he": "m", "she": "f", "they": None, "it": "institution", "we": None, "i": None,
            # "Selon lui, …", "according to her": the stressed and object forms after a preposition
            "lui": "m", "eux": None, "him": "m", "her": "f", "them": None}


@cache
def _role_article() -> re.Pattern:
    # "le sous-secrétaire", "la vice-présidente": a prefixed role too
    return re.compile(rf"\b(?P<det>le|la|un|une|the|an?)\s+(?:[\w-]+\s+)?(?:\w+-)?(?:{alternation(ROLE_NOUNS)})\b",
                      re.I)


def _gender(title: str) -> str | None:
    """Gender from the words just before a name: "la ministre", "Mme", "Ms", "le général"."""
    # the article of the role noun: "Le ministre congolais de la Santé" is a man
    roles = list(_role_article().finditer(title))
    if roles:
        det = roles[-1].group("det").lower()
        if det in ("le", "un", "la", "une"):
            return "m" if det in ("le", "un") else "f"
    # the words next to the name ("Dans un café du vieux Mostar, Ivana Perić": "un" is the café's); whole
    # words: not "ce" of "France's"
    tail = " ".join(title.split()[-3:]) + " "
    # an article after a preposition is its complement's ("paix et sécurité de la CEDEAO, Kwabena …")
    tail = re.sub(r"\b(?:de|à|pour|par|sur|avec|chez|dans|en|of|for|at|in|on)\s+(?:la|le|une|un|cette|ce)\b", " ", tail)
    if FEMININE.search(tail) and not MASCULINE.search(" ".join(title.split()[-2:]) + " "):
        return "f"
    if MASCULINE.search(tail):
        return "m"
    return None


FEMININE = re.compile(r"\b(?:Mme|Mrs\.?|Ms\.?|la|elle|she|her|cette|une|présidente|ambassadrice|"
                      r"directrice|porte-parole\s+\w+e)\b")
MASCULINE = re.compile(r"\b(?:M\.|Mr\.?|le|il|he|his|ce|un)\b")


@cache
def _titled_family_name() -> re.Pattern:
    """An office title and one family name, no given name: "President Obama", "la chancelière Merkel"."""
    # (the lookahead on the titles' first letters lets the scan skip most positions: 1 MB in 0.06 s, not 0.15)
    firsts = "".join(sorted({title[0] for title in re.split(r"\|", office_titles_alternation().lower())}))
    return re.compile(rf"\b(?=[{re.escape(firsts + firsts.upper())}])(?i:(?P<title>{office_titles_alternation()}))"
                      rf"\s+(?P<surname>{_NAME_TOKEN})(?![\w'’-]|\s+[A-ZÀ-Ý])")


def _another_given_name(known: str, name: str) -> bool:
    """Two full names with one family name and different given names ("Ted Cruz", "Rafael Cruz";
    "Bill Clinton", "Hillary Clinton"): two people. An initial or a name left out ("Donald J. Trump",
    "Amadou Illiassou Boubé" / "Illiassou Boubé") does not make another person."""
    known_words, words = known.split(), name.split()
    if len(known_words) < 2 or len(words) < 2 or known_words[-1] != words[-1]:
        return False
    given, other = {w.rstrip(".") for w in known_words[:-1]}, {w.rstrip(".") for w in words[:-1]}
    initials = {w[0] for w in given | other if len(w) == 1}
    return not (given & other) and not any(w[0] in initials for w in given | other if len(w) > 1)


@dataclass
class Speaker:
    name: str
    country: str | None = None
    gender: str | None = None
    kind: str = "person"              # person, institution
    description: str = ""
    aliases: set[str] = field(default_factory=set)
    first_at: int | None = None      # where the article first names this speaker


_LEADING = re.compile(r"^(?:(?:selon|d'après|according\s+to|to\s+which|to\s+whom|though|although|because|since|"
                      r"if|when|as|while|"
                      r"à|au|aux|en|in|at|devant|dans|from|de|of|for|"
                      r"pour|quant\s+à|as\s+for|mais|but|and|et|puis|then|ainsi|so)\s+)+", re.I)
_ADVERBIAL = re.compile(r"^(?:de\s+son\s+côté|(?:du\s+)?côté\s+[\w'-]+|pour\s+(?:sa|leur)\s+part|"
                        r"quant\s+à\s+(?:lui|elle|eux)|à\s+son\s+tour|lui\s+aussi|elle\s+aussi|for\s+(?:its|his|her|their)\s+part|"
                        r"in\s+turn|however|toutefois|cependant|pourtant|également|aussi|also|"
                        # "Following a late meeting", "Amid protests", "In response to the vote"
                        r"(?:following|amid|despite|ahead\s+of|in\s+response\s+to|à\s+l'issue\s+d[eu']|"
                        r"en\s+marge\s+d[eu'])\b.*|"
                        # a purpose: "To reassure Washington", "Pour rassurer Pékin"
                        r"to\s+(?-i:[a-z])\w+\b.*|pour\s+\w+(?:er|ir|re)\b.*|"
                        # a participle: "interrogé sur le sort du navire", "joint par notre rédaction"
                        r"(?-i:[a-zàâçéèêëîïôûùA-ZÀÂÇÉÈÊÎÔ])\w*(?:é|ée|és|ées|int|inte|oint|ointe)\s+(?:sur|par|à|au|en|jeudi|"
                        r"lundi|mardi|mercredi|vendredi|samedi|dimanche|mardi)\b.*|"
                        r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|on\s+\w+day)\b.*|"
                        # a circumstance: "Dans une note publiée le soir même", "In a statement"
                        r"(?:dans|lors|après|avant|depuis|pendant|in|after|before|during|since)\s+"
                        r"(?:une?|la|le|les|l'|son|sa|ses|leur|a|an|the|its|his|her|their)\b.*)$", re.I)
# Words that make a role belong to a body named before: "its", "sa", "the agency's", "de l'ONG".
# a body's generic noun → the kinds of institutions.csv it can stand for ("l'ONG" → the last NGO named)
_OWNER_NOUNS = {("agency", "agence"): ("agency",), ("fund", "fonds"): (), ("commission",): (),
                ("ngo", "ong"): ("ngo",),
                ("organisation", "organization"): ("organisation", "ngo"),
                ("institute", "institut"): ("thinktank", "university"), ("observatory", "observatoire"): (),
                ("department", "département"): ("ministry",), ("programme", "program"): (), ("bloc",): (),
                ("alliance",): (), ("mission",): (), ("movement", "mouvement"): ("party",),
                ("company", "firm", "entreprise", "société"): ("company",), ("authority", "autorité"): ("agency",)}


@cache
def _role_next() -> re.Pattern:
    """A role noun coming next: "(a department) spokesperson"."""
    return re.compile(rf"\s+(?:{alternation(sorted(ROLE_NOUNS))})\b", re.I)


@cache
def _owner_pointer() -> re.Pattern:
    """A possessive, or a body's generic noun right before a role or at the end ("agency spokeswoman",
    "coordinateur de l'ONG"); a noun that starts a name ("l'Observatoire méditerranéen") is no pointer."""
    nouns = "|".join(noun for group in _OWNER_NOUNS for noun in group)
    roles = alternation(sorted(ROLE_NOUNS))
    heads = alternation(sorted(ROLE_NOUNS | INSTITUTION_NOUNS))     # "its spokesperson", "its defence ministry"
    # the possessive opens the description ("said its spokesperson", "Son administrateur délégué"),
    # not "la maire de Brest n'a pas boudé son plaisir"
    return re.compile(r"(?:^\s*(?:[\w'’-]+\s+){0,4}(?P<pronoun>its|sa|son|leur|their)\s+(?:[\w-]+\s+)?"
                      rf"(?P<head>{heads})s?\b"
                      # "A spokesperson said…", "a déclaré un porte-parole": the body just named
                      r"|^\s*(?:[\w'’-]+\s+){0,3}(?P<bare>an?|une?)\s+(?:spokes(?:person|man|woman)|porte-parole)\s*$"
                      r"|(?:^|\s)(?:the\s+|l'|l’|de\s+l'|de\s+l’|du\s+|de\s+la\s+|of\s+the\s+)?"
                      rf"(?P<noun>{nouns})(?='s|’s|\s*$|\s*[,.;)]|\s+(?:{roles}|in|en|au|à|aux)\b))", re.I)


# the words after a name go on as a clause ("X, a jugé…", "X, said…"), not as an apposition
_CLAUSE = re.compile(r"\s*(?:(?:n'|ne\s+)?(?:a|ont|avait|avaient|est|sont|s'est|se\s+sont)\s+(?:(?-i:[a-z])\w*\s+)?"
                     r"(?-i:[a-zàâçéèêëîïôûù])\w*(?:é|ée|és|ées|i|is|it|u|ue|us)\b|(?:has|had|was|were|is|are|said|says|told|added|warned)\b)",
                     re.I)
# a chunk that can be a subject: a capital or a determiner first, not "invité Paris à", "lequel"
# (French "a" is the auxiliary: "…, a exhorté Ankara à «…»" names no speaker)
_NOUN_PHRASE_START = {"fr": re.compile(r"[A-ZÀ-Ý]|(?:le|la|les|l'|l’|un|une|son|sa|ses|leur)\b"),
                      "en": re.compile(r"[A-ZÀ-Ý]|(?:the|a|an|its|his|her|their)\b")}
_PLACE_OPENER = re.compile(r"\s*(?:À|A|Au|Aux|En|Depuis|In|At|From|Côté|Du\s+côté)\s+(?P<place>[^,]{2,40}),")
# a verb that shares the subject of the one before it: "…” the decision and (called)", "et (a qualifié)"
_COORDINATED = re.compile(r"\b(?:and|et)\s+(?:(?-i:[a-z])\w+ly\s+|also\s+|then\s+|aussi\s+|a\s+|ont\s+)?$", re.I)
# a spokesperson's title with no body of its own
_BARE_SPOKESPERSON = re.compile(r"\s*(?:(?:deputy|chief)\s+)?(?:spokes(?:person|man|woman)|porte-parole)\s*", re.I)
# where a sentence's last clause starts ("…, et l'opérateur belge Fluxys ne décolère pas"), and where a
# subject ends: at its verb (an auxiliary, a negation, a past participle) or at a comma
_LAST_CLAUSE = re.compile(r"(?:,\s+(?:et|mais|and|but|while|tandis\s+que|alors\s+que)|;)\s+", re.I)
_SUBJECT_ENDS = re.compile(r"\s(?:a|ont|est|sont|était|avait|avaient|sera|va|ne|n['’]|se|s['’]|has|have|had|is|are|"
                           r"was|were|will|would|said|says|told|did|does)\b|\s(?-i:[a-z])\w+ed\b|[,(;:«“\"]", re.I)
_ACCREDITED_TO = re.compile(r"(?<!according )\b(?:to|auprès\s+d[eu]s?)\s+(?:the\s+|l'|la\s+|le\s+)?$", re.I)
_LOCATIVE = re.compile(r"(?<!according )\b(?:in|en|au|aux|à|to|at|auprès\s+de)\s+(?:the\s+|l'|la\s+|le\s+)?$", re.I)
# a body with its base: "Nereus Energy, an Athens-based consultancy", "X, a contractor headquartered in
# Vancouver", "the Centre for Industrial Strategy, a think-tank in Brussels", "la société canadienne Abyssal
# Metals", "Nordwelle, basée à Hambourg"
_BODY_NAME = r"[A-Z][\w&'’-]*(?:\s+(?:&\s+|of\s+|de\s+)?[A-Z][\w&'’-]*){0,4}"
_PLACE_NAME = r"[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*)?"
# nouns that say what a body is ("the Bucharest consultancy X", "X, Serbia's state-owned grid operator")
_BODY_WORDS = (r"organisation|organization|association|fédération|federation|syndicat|union|firm|company|entreprise|"
               r"société|groupe|group|ONG|NGO|think[-\s]tank|institut|institute|agence|agency|fondation|foundation|"
               r"coalition|réseau|network|collectif|parti|party|opérateur|operator|consortium|armateur|bank|banque|"
               r"fund|fonds|broadcaster|newspaper|journal|consultancy|insurer|assureur|lender|carrier|transporteur|"
               r"utility|maker|manufacturer|constructeur|fabricant|developer|producer|producteur|exporter|"
               r"exportateur|trader|négociant|charity|watchdog|regulator|régulateur|shipowner|brokerage|cabinet|"
               r"service|refiner|raffineur|miner|smelter|shipper|airline|conglomerate|start-?up|contractor|supplier|"
               r"fournisseur|cooperative|coopérative|compagnie|gestionnaire|exploitant")
_BODY_KIND = rf"(?:{_BODY_WORDS})s?\b"
_BODY_WITH_A_BASE = re.compile(
    rf"(?P<a_name>{_BODY_NAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?P<a_place>{_PLACE_NAME})-based\b|"
    rf"(?P<b_name>{_BODY_NAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:headquartered\s+|based\s+)?in\s+"
    rf"(?P<b_place>{_PLACE_NAME})|"
    rf"(?P<c_name>{_BODY_NAME}),\s+(?:basée?|installée?|établie?|implantée?)\s+à\s+(?P<c_place>{_PLACE_NAME})|"
    rf"\b(?:la\s+société|l['’]entreprise|le\s+groupe|la\s+firme|le\s+cabinet|la\s+compagnie|l['’]ONG|"
    rf"le\s+fonds|la\s+banque)\s+(?:publique\s+|privée\s+)?(?P<d_place>[a-zéèêàâîôûç-]+)\s+(?P<d_name>{_BODY_NAME})|"
    # a nationality or a country in an apposition that says what the body is: "Elektromreza Srbije, Serbia's
    # state-owned grid operator", "Ridgeline Lithium, a Reno company", "Tianrui, l'armateur chinois"
    rf"(?P<e_name>{_BODY_NAME}),\s+(?P<e_place>{_PLACE_NAME})['’]s\s+(?:[\w-]+\s+){{0,3}}?{_BODY_KIND}|"
    rf"(?P<f_name>{_BODY_NAME}),\s+(?:the|a|an)\s+(?P<f_place>{_PLACE_NAME})\s+(?:[\w-]+\s+){{0,2}}?{_BODY_KIND}|"
    rf"(?P<g_name>{_BODY_NAME}),\s+(?:l['’]|le\s+|la\s+|un\s+|une\s+){_BODY_KIND}"
    rf"(?P<g_place>(?:\s+[a-zéèêàâîôûç-]+){{1,3}})")
# a name followed by what the person runs: "X has run the Nyala sub-office of the UN…", "X dirige la…"
_RUNS = re.compile(rf"\s+(?:(?:has|had)\s+(?:run|{LEADS})|{LEADS})\s+[^,.;:\n«“\"]{{0,120}}")
# a definite role with a nationality: "la diplomate chilienne", "l'épidémiologiste guinéenne",
# "the Dutch agronomist"
_NATIONAL_EPITHET = re.compile(r"(?:(?:le|la)\s+|l['’]\s*)(?P<noun>[a-zà-ÿ-]+)\s+[a-zà-ÿ-]+|"
                               r"the\s+(?:[a-z-]+\s+){1,2}(?P<en_noun>[a-z-]+)")
# the words that may stand between a body's noun and its country in one noun phrase
_SAME_PHRASE = re.compile(r"(?:\s*(?:(?-i:[A-ZÀ-Ý])[\w'’-]*|de|des|du|d['’]|la|le|les|l['’]|et|and|of|for|the|in|"
                          r"à|en|au|aux|chargée?s?)\b)*\s*(?:d['’]|l['’])?", re.I)
# a verb aimed at a party, right before it: "rejected Turkish claims", "accused Ankara", "a exhorté Washington"
_TARGETED = re.compile(r"\b(?:rejected|rejects|dismissed|dismisses|accused|accuses|critici[sz]ed|critici[sz]es|"
                       r"condemned|condemns|urged|urges|called\s+on|calls\s+on|warned|warns|blamed|blames|"
                       r"denounced|denounces|rejeté|rejette|accusé|accuse|dénoncé|dénonce|critiqué|critique|"
                       r"condamné|condamne|exhorté|exhorte|appelé|appelle|averti|avertit|sommé|somme|pressé|presse)"
                       r"\s+(?:the\s+|les?\s+|la\s+|l['’]|des\s+)?$", re.I)
# whom the words were said to: "a-t-il assuré à l'AFP", "told Reuters", "in an interview with the BBC"
_ADDRESSEE = re.compile(r"(?:\b(?:à|au|aux|told|to|with|avec)|\binterview|\bentretien)\s+"
                        r"(?:the\s+|l['’]|la\s+|le\s+)?$", re.I)
# "un communiqué du ministère": the body that issued a document the phrase opens with (not one an apposition
# mentions: "le vice-ministre de l'Énergie, X, en réponse à une lettre adressée par Bagdad")
_ISSUED_BY = re.compile(r"^[^,]*?\b(?:communiqué|statement|déclaration|texte|release|readout|rapport|report|note|"
                        r"lettre|letter|document)\b.*?\b(?:publiée?s?\s+)?(?:par|by|from|of|du|de\s+la|de\s+l'|des)"
                        r"\s+(?P<np>.+)$", re.I)
_INDEFINITE_NP = re.compile(r"^(?:a|an|one|un|une|another|un\s+autre|une\s+autre)\s+[\w-]", re.I)
_INSTITUTIONAL_NP = re.compile(r"^(?:le|la|les|l'|l’|the|son|sa|ses|its|their|leur)\s*\w", re.I)


# Abbreviation dots ("Mr. Obama", "M. Varnikov") would end a noun phrase: hide them while the
# patterns run, restore them when a phrase is resolved.
_ABBREVIATION = re.compile(r"\b(" + "|".join(re.escape(a) for a in TITLE_ABBREVIATIONS) + r"|D|R)\.(?=\s|-)"
                          r"|(?<=[a-z] )([A-Z])\.(?= [A-Z][a-z])"    # a middle initial: "Elijah E. Cummings"
                          r"|\b([A-Z])\.(?=[A-Z]\.)|(?<=[A-Z]\.)([A-Z])\.(?= [A-Z][a-z])")   # "G.K. Butterfield"
_HIDDEN_DOT = "\u2024"


def _protect(text: str) -> str:
    text = re.sub(r"\s*\([^()]{0,40}\)", "", text)      # "Rep. John Mica (R-Fla.) said"
    text = re.sub(r",\s*[RDI]-[A-Z][\w.]{0,12},", ",", text)   # "Mitch McConnell, R-Ky., said"
    return _ABBREVIATION.sub(lambda m: next(g for g in m.groups() if g).replace(".", _HIDDEN_DOT) + _HIDDEN_DOT, text)


def _clean(phrase: str) -> str:
    phrase = phrase.replace(_HIDDEN_DOT, ".")
    phrase = _LEADING.sub("", phrase.strip(" ,.;:«»“”\"'’\u00a0\u202f"))
    phrase = re.split(r"\s+(?:lors|en marge|devant|dans un|dans une|in a|in an|at a|on (?:Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday)|(?:lundi|mardi|mercredi|jeudi|vendredi|"
                      r"samedi|dimanche)\b|(?:qui|who|that|que)\b|qu')", phrase)[0]
    phrase = re.sub(r"\s+[a-z]+ly$", "", phrase)     # "Gingrich cynically (dismissed)"
    return phrase.strip(" ,.;:«»“”\"'’\u00a0\u202f")


@cache
def _institution_seats() -> frozenset[str]:
    return frozenset(resource_yaml("institution_seats.yaml")["seats"])


# roles and bodies only a state has: a minister, a member of parliament, a mayor (the EU has commissioners), a
# national body, a ministry
_STATE_ROLE = re.compile(r"\b(?:minist(?:er|re)s?|vice-ministre|deputy\s+minister|député(?:e)?s?|lawmakers?|MPs?|"
                         r"senators?|sénat(?:eur|rice)s?|governors?|gouverneure?s?|mayors?|maires?|nationale?|"
                         r"ministry|ministries|ministère|ministères)\b",
                         re.I)


@cache
def _states() -> frozenset[str]:
    return frozenset(row["code"] for row in csv_rows("countries.csv") if row["kind"] == "state")


@cache
def _federal_states() -> frozenset[str]:
    return frozenset(resource_yaml("federal_states.yaml")["federal"])


@cache
def _body_by_noun() -> dict[str, re.Pattern]:
    """A body named by its noun (a document is no body): "The US Embassy in Tegucigalpa", "Kenya's Ministry of
    Health" (`named`); "His ministry" (`owned`, the body of the person "his" refers to)."""
    nouns = alternation(INSTITUTION_NOUNS - _document_nouns())
    return {"named": re.compile(rf"\b(?:[Tt]he|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){{0,3}}?(?i:{nouns})\b"
                                r"(?:\s+(?:of|for|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?"),
            "owned": re.compile(rf"(?P<pron>his|her|their)\s+(?:[\w-]+\s+)??(?:{nouns})\b", re.I)}


@cache
def _document_nouns() -> frozenset[str]:
    """Words that name a document that speaks ("a Times article", "poursuit le communiqué")."""
    rv = reporting_verbs()
    return frozenset(rv["fr"]["documents"] + rv["en"]["documents"])


@cache
def _place_openers() -> frozenset[str]:
    return frozenset(resource_yaml("organisation_words.yaml")["place_openers"])


@cache
def _document_mention() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(_document_nouns())})\b", re.I)


@cache
def _country_name_words() -> frozenset[str]:
    """Every word of a state's names ("Congo", "Korea"): a bare one may be ambiguous, never a body."""
    return frozenset(word for row in csv_rows("countries.csv")
                     for name in [row["name_en"], row["name_fr"], *filter(None, row.get("aliases", "").split("|"))]
                     for word in re.findall(r"[\w-]+", name))


@cache
def _speaker_nouns() -> frozenset[str]:
    """Lower-case nouns that can head a speaker: roles, bodies, organisations, documents, groups."""
    return _body_nouns() | ROLE_NOUNS | _EPITHET_NOUNS | {noun for group in _OWNER_NOUNS for noun in group}


def _body_then_apposition(chunks: list[str]) -> bool:
    """ "Frontex, the EU's border agency, said", "Caminando Fronteras, a Spanish NGO that tracks…, says": a
    name (a body's, or a run of capitalised words that opens the sentence), then what it is."""
    first = chunks[0].strip()
    found = countries_in(first)
    known = bool(found) and found[0].kind == "institution" and found[0].start == 0 and found[0].end == len(first)
    named = bool(_NAME_THEN_WHAT.fullmatch(first)) and not _TIME_WORD.search(first) \
        and not _CIRCUMSTANCE.match(first) and not _ADVERBIAL.match(first)
    return (known and bool(re.match(r"(?:the|its|le|la|les|l['’]|[A-Z][\w-]*['’]s)\b", chunks[1].strip()))) \
        or (named and bool(re.match(r"(?:the|an?|its|le|la|les|l['’]|une?|[A-Z][\w-]*['’]s)\s", chunks[1].strip())))


# a name run that can open a sentence as its subject (not "On Tuesday", "Last week"), and words of time
_NAME_THEN_WHAT = re.compile(r"(?-i:[A-ZÀ-Ý])[\w'’.-]+(?:\s+(?:(?:of|de|du|des|for|and|et|the|la|le|l['’])\s+)?"
                             r"(?-i:[A-ZÀ-Ý])[\w'’.-]+)+")
_TIME_WORD = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Lundi|Mardi|Mercredi|Jeudi|"
                        r"Vendredi|Samedi|Dimanche|January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|"
                        r"Octobre|Novembre|Décembre|Last|Next|This|On|In|At|After|Before|During|Since|From)\b")
# a chunk after the subject that opens on a preposition is a circumstance ("Turkey's defence ministry, at its
# weekly briefing in Ankara, said"), no subject
_CIRCUMSTANCE = re.compile(r"(?:at|in|on|during|after|before|from|for|by|under|amid|even|à|au|aux|lors|pendant|dans|"
                           r"après|avant|depuis|en|pour|par|sur|selon|chez|même)\s", re.I)


def _names_a_speaker(phrase: str) -> bool:
    """ "le ministère", "the Kremlin", "sa porte-parole" can speak; "la deuxième tranche de l'aide",
    "le problème", "sa part de" cannot: a name, a country word or a speaker noun must be there."""
    words = re.findall(r"[\w-]+", phrase)
    return any(w[:1].isupper() for w in words[1:]) or bool(countries_in(phrase)) \
        or any(w.lower() in _speaker_nouns() or w.lower().rstrip("sx") in _speaker_nouns() for w in words)


@cache
def _body_nouns() -> frozenset[str]:
    """Nouns of what is no person: bodies, groups, places and documents ("cette organisation", "ce texte")."""
    collectives = resource_yaml("organisation_words.yaml")["collectives"]
    return frozenset(w.lower() for w in [*_organisation_words(), *collectives]) | INSTITUTION_NOUNS | _document_nouns()


@cache
def _organisation_words() -> frozenset[str]:
    words = resource_yaml("organisation_words.yaml")
    return frozenset(words["en"] + words["fr"])


# a title alone before a name: "Dr", "le professeur"
_TITLE_ONLY = re.compile(r"\s*(?:(?:le|la|the)\s+)?(?:Dr|Pr|Prof|Mr|Mrs|Ms|M|Mme|professeure?|professor|"
                         r"docteure?|doctor)\.?\s*", re.I)
_FIRST_NAME_AGE = re.compile(r"(?<![\w'’.-])([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
                             r"(?=,\s+\d{1,3}(?:\s+ans|\s+years\s+old)?\s*,)")


def _name_after(rest: str) -> str | None:
    """What follows a place or a body in a capitalised run, less "'s" and titles, if it can be a name."""
    tokens = re.sub(r"^['’]s\b", "", rest.strip()).split()
    while tokens and tokens[0].lower().strip(".") in TITLE_WORDS:
        tokens.pop(0)
    return " ".join(tokens) if len(tokens) >= 2 and tokens[0][0].isalpha() else None


# A capitalised run right after these is a body, not a person: "general director of Severnaya Logistika",
# "l'organisation professionnelle Norges Fiskarlag".
_HEAD_OF = re.compile(r"\b(?:director|directeur|directrice|head|chief|chef|cheffe|president|président|présidente|"
                      r"chairman|chairwoman|chair|CEO|PDG|founder|fondateur|fondatrice|manager|owner|"
                      r"propriétaire|patron|patronne)\s+(?:of|at|de|du|de\s+la|chez)\s+$", re.I)


_BODY_NOUN = re.compile(rf"\b(?:{_BODY_WORDS})(?:\s+(?-i:[a-zàâçéèêëîïôûù-]+)){{0,2}}\s+$", re.I)


@cache
def _of_a_body() -> re.Pattern:
    words = alternation(sorted(_organisation_words()))
    # "Office of Disaster Preparedness and (Emergency Management)" too
    return re.compile(rf"\b(?:{words})\s+(?:for|of|on|pour|de|du|des|d['’])\s*"
                      r"(?:(?:[A-Z][\w'’-]*\s+)+(?:and|&|et)\s+)?$")


def _is_place(name: str) -> bool:
    """A state or a capital named alone ("Caracas", "la Chine"), standing for its government."""
    found = countries_in(name)
    return len(found) == 1 and found[0].kind in ("country", "capital") and not name[found[0].end:].strip()


def _qualifies_someone(phrase: str, start: int, end: int) -> bool:
    """Whether the name at start:end only says whose someone is: "Clinton('s) spokesman …",
    "le porte-parole du président Macron, …", "an adviser to Trump"."""
    role = re.match(r"(?:['’]s)?(?:\s+(?-i:[a-z][\w-]*)){1,3}", phrase[end:])
    if role and role.group(0).split()[-1] in ROLE_NOUNS:
        return True
    owner = re.search(r"\b(?:de|d['’]|du|of|to|for)\s+(?P<titles>(?:[\w.]+\s+){0,3})$", phrase[:start])
    return owner is not None and all(w.lower().strip(".") in TITLE_WORDS or w.lower() in ("the", "le", "la")
                                     for w in owner.group("titles").split())


def person_names(phrase: str) -> list[tuple[re.Match, str]]:
    """Capitalised name runs that are not titles, countries or institutions."""
    names = []
    for m in _NAME.finditer(phrase):
        tokens = m.group(0).split()
        while tokens and tokens[0].lower().strip(".") in TITLE_WORDS:
            tokens.pop(0)
        if len(tokens) > 1 and tokens[-1].rstrip("." + _HIDDEN_DOT) in TITLE_ABBREVIATIONS \
                and phrase[m.end():m.end() + 1] in ("." + _HIDDEN_DOT) and m.group(0).split()[-1] == tokens[-1]:
            tokens.pop()                      # "Retired Lt(. Gen. X)", "Florida Rep(. X)": a title ends no name
        if tokens and tokens[0] in _place_openers():
            continue                          # "Santa Cruz", "San Pedro Sula"
        # "Ohio Democratic Party Chairman David Pepper": the name follows the last organisation word;
        # "Expert Forum", "Unitary Platform" name no one
        cut = [i for i, t in enumerate(tokens) if t.removesuffix("'s").removesuffix("’s") in _organisation_words()]
        if cut:
            tokens = tokens[cut[-1] + 1:]
            while tokens and tokens[0].lower().strip(".") in TITLE_WORDS:
                tokens.pop(0)
        if len(tokens) < 2 or any(ch.isdigit() for t in tokens for ch in t) or not tokens[0][0].isalpha() \
                or re.fullmatch(r"(?:[A-Z][.\u2024])+", tokens[-1]):
            continue                          # "Canadair CL-415s", "(Sudan)'s Darfur", "Although E.U." are no one
        if re.search(r"\bthe\s+$", phrase[max(0, m.start() - 5):m.start()]) and tokens == m.group(0).split():
            continue                          # "a lawmaker for the Illankai Tamil Arasu Kachchi": a body
        if re.search(r"\b(?:at|chez)\s+$", phrase[max(0, m.start() - 5):m.start()]) and tokens == m.group(0).split() \
                and not re.match(r"['’]s\b", phrase[m.end():m.end() + 2]):
            continue                          # "runs procurement at Kōsei Power Devices": where one works is a body
        # the words right before the run (the patterns below end there; reading the whole text before
        # every name would be quadratic in the length of the article)
        near = max(0, m.start() - 160)
        if _of_a_body().search(phrase, near, m.start()) and tokens == m.group(0).split():
            continue                          # "the UN Regional Centre for Preventive Diplomacy": its name goes on
        body_noun = _BODY_NOUN.search(phrase, near, m.start())
        if _HEAD_OF.search(phrase, near, m.start()) or (body_noun and not any(
                w in ROLE_NOUNS or w in TITLE_WORDS for w in body_noun.group(0).lower().split()[1:])):
            continue                          # a body (_HEAD_OF, _BODY_NOUN)
        name = " ".join(tokens).removesuffix("'s").removesuffix("’s")     # "Daniel Brook’s strategy"
        found = countries_in(name)
        if found and found[0].start == 0 and found[0].kind in ("demonym", "country", "capital", "city") \
                and len(name[found[0].end:].split()) >= 2:
            # "Norvégienne Ingrid Solhaug", "(à) Genève Ingrid Sollberg", "Latvia's Interior Minister X"
            name = _name_after(name[found[0].end:])
            if name is None:
                continue                              # "Sudan('s Darfur)"
            found = countries_in(name)
        bodies = [c for c in found if c.kind == "institution"]
        if bodies and bodies[-1].end < len(name):
            # "Wells Fargo CEO John Stumpf", "CNN's Wolf Blitzer": the name follows the body
            name = _name_after(name[bodies[-1].end:])
            if name is None:
                continue
            found = countries_in(name)
        # "Latin America", "Mexico City": a country or a capital at either end is no person's name, a town
        # only the whole run ("Port Sudan"): towns are surnames too ("Yuji Takamatsu")
        if any(c.kind == "institution" or (c.kind in ("country", "demonym", "capital") and c.start == 0)
               or (c.kind in ("country", "capital", "demonym") and c.end == len(name))
               or (c.kind == "city" and c.start == 0 and c.end == len(name)) for c in found):
            continue
        names.append((m, name))
    # "Moussa, 16, from Kayes", "Mathilde, 34 ans, une Lyonnaise": a first name with an age is a person
    for m in _FIRST_NAME_AGE.finditer(phrase):
        if m.group(1).lower() not in TITLE_WORDS and not countries_in(m.group(1)):
            names.append((m, m.group(1)))
    return sorted(names, key=lambda item: item[0].start())


# participles that report words in the passive ("was described by X as", "qualifié de … par X")
_DESCRIBED = (r"described|called|termed|dubbed|branded|labell?ed|characteri[sz]ed|portrayed|hailed|denounced|"
              r"qualifiée?s?|décrite?s?|présentée?s?|jugée?s?|dénoncée?s?|saluée?s?")


# after an inverted verb, a circumstance before the subject: "explique, joint par notre rédaction, le…"
_REACHED = rf"(?:\s+|\s*(?=,\s*{REACHED_BY}\s))"


@cache
def _patterns() -> dict[str, re.Pattern]:
    rv = reporting_verbs()
    fr_part = alternation(rv["fr"]["participle"])
    fr_pres = alternation(rv["fr"]["present"])
    fr_other = alternation(rv["fr"]["other"])
    en = alternation(rv["en"]["verbs"])
    np_ = r"(?P<np>[^.;:!?«»“”\"\n]{1,160})"
    return {
        # after the closing mark
        "inverted": re.compile(r"^\s*[,–—]?\s*(?:se\s+|s'|me\s+|m')?[a-zàâçéèêëîïôûù]+(?:-t)?-"
                               r"(?P<pron>il|elle|ils|elles|on)\b"),
        # "a souligné, joint par téléphone, le coordinateur…": the circumstance is read off the subject later
        "fr_after_aux": re.compile(rf"^\s*[,–—]?\s*(?:a|ont|avait|avaient|aurait)\s+(?:{fr_part}){_REACHED}{np_}",
                                   re.I),
        "fr_after_present": re.compile(rf"^\s*[,–—]?\s*(?:{fr_pres}){_REACHED}{np_}", re.I),
        "fr_after_anyverb": french_any_verb_after(),
        "en_after_pronoun": re.compile(rf"^\s*[,–—]?\s*(?P<pron>he|she|they|it|we|I)\s+(?:\w+ly\s+|further\s+|also\s+|"
                                       rf"later\s+|then\s+|once\s+)?(?:{en})\b", re.I),
        # '"…" ― Carla Sanchez': a name after a dash
        "dash_name": re.compile(r"^\s*[―—–]\s*(?P<np>[^\n.;:!?«»“”\"]{2,60})"),
        # 'Schiff said. "…"': the previous sentence ends on its speaker and a reporting verb
        "en_previous": re.compile(rf"(?P<np>[A-Z][^.;:!?«»“”\"\n]{{0,60}}?|\b(?:he|she|they|we))"
                                  rf"\s+(?:{en})\s*[.:]\s*$"),
        "fr_previous": re.compile(rf"(?P<np>[A-ZÀ-Ý][^.;:!?«»“”\"\n]{{0,60}}?)\s+(?:a|ont)\s+(?:{fr_part})\s*:\s*$"),
        "en_after_verb_np": re.compile(rf"^\s*[,–—]?\s*(?:{en})\s+{np_}"),
        "en_after_np_verb": re.compile(rf"^\s*[,–—]?\s*(?P<np>[^.;:!?«»“”\"\n]{{1,100}}?)\s+(?:{en})\b"),
        # '"…," Blige recalled' with any past-tense verb: a name or pronoun right after the quote
        "en_after_name_anyverb": re.compile(r"^\s*[,–—]?\s*(?P<np>(?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.)?\s*"
                                            r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:\w+ed|says|adds|asks|tells|writes)\b"),
        # '"…," Hiroshi Kanemaru, vice-minister for international affairs, told reporters': a name, its
        # apposition, then the verb
        "en_after_name_apposition": re.compile(rf"^\s*[,–—]?\s*(?P<np>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}),"
                                               rf"\s+[^\"“”«»\n]{{1,160}}?,\s+(?:{en})\b"),
        # '“…” Merkley said.': a name and a reporting verb right after an unpunctuated quote
        "en_after_name_said": re.compile(rf"^\s*[»”\"]?\s+(?:[A-Z][\w'’.-]+\s+){{1,3}}(?:{en})\b"),
        # the subject opening a sentence, up to its verb: "Russia's embassy in London dismissed…"
        "en_sentence_subject": re.compile(rf"(?P<np>[A-Z][^,;:.!?]{{0,80}}?)\s+(?:has\s+|had\s+|also\s+)?"
                                          rf"(?:[a-z]+ed|was|were|is|are|{en})\b"),
        "according_after": re.compile(r"^\s*[,–—]?\s*(?:selon|d'après|according to)\s+" + np_, re.I),
        # before the opening mark
        # "Selon X, «…»"; "Selon la porte-parole de la Commission, Liesbeth Vanderstraeten, «…»"
        "according_before": re.compile(r"(?:^|[,;]\s*|\b(?:and|et|mais|but)\s+)(?:selon|d'après|according to)\s+"
                                       # (", la Norvégienne Ingrid Halvorsen,": a nationality before the name)
                                       r"(?P<np>[^,;«»“”\"]{1,160}(?:,\s+(?:(?:le|la|l['’]|the)\s*(?-i:[A-ZÀ-Ý])[\w'’-]+\s+)?"
                                       r"(?-i:[A-ZÀ-Ý])[\w'’.-]+"
                                       r"(?:\s+(?-i:[A-ZÀ-Ý])[\w'’.-]+){1,3}(?=,))?),", re.I),
        # a passive with its agent: "was described by X as «…»", "qualifié de «…» par X"
        "passive_before": re.compile(rf"\b(?:{_DESCRIBED})\s+(?:by|par)\s+(?P<np>[^«»“”\"\n]{{1,160}}?),?"
                                     r"\s+(?:as|comme)\s*$"),
        "passive_open": re.compile(r"\b(?:was|were|been|being|is|are|été|est|sont)\s+(?:\w+ly\s+|also\s+|aussi\s+)?"
                                   rf"(?:{_DESCRIBED})\s+(?:as\s+|de\s+|d'|comme\s+)?$"),
        "passive_after": re.compile(r"^\s*(?:by|par)\s+" + np_),
        # 'footage of Trump saying, “…”', 'la vidéo de X déclarant «…»': a named person shown speaking
        "shown_saying": re.compile(r"\b(?:of|shows?|showing|montrant|de)\s+(?P<np>(?-i:[A-ZÀ-Ý])[\w'’.-]+"
                                   r"(?:\s+(?-i:[A-ZÀ-Ý])[\w'’.-]+){0,3})\s+(?:saying|asking|telling|declaring|"
                                   r"insisting|shouting|disant|déclarant|affirmant|lançant)\b[^«»“”\"\n]{0,80}$",
                                   re.I),
        # "La diplomatie chinoise a salué, par la voix de sa porte-parole Tang Yiwen, «…»": the voice speaks
        "voice_of": re.compile(r"\b(?:par\s+la\s+voix|through\s+the\s+voice)\s+"
                               r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|of\s+)"
                               r"(?P<np>[^«»“”\"\n]{1,120}?)\s*[,:]?\s*$", re.I),
        "fr_verb": re.compile(rf"\b(?:{fr_part}|{fr_pres}|{fr_other})\b", re.I),
        "en_verb": re.compile(rf"\b(?:{en})\b"),
    }


# what a speaker read off a sentence may carry over from it after a comma ("…, selon lequel", "…, publié dans
# la nuit", "the Port of Baku, …, which")
_CLAUSE_AFTER = re.compile(r",\s+(?:publié|diffusé|distribué|selon\s+lequel|selon\s+laquelle|en\s+référence|"
                           r"sans\s|démentant|joint|which|who|qui)\b.*$")
_ENGLISH_AUXILIARY = re.compile(r"\s(?:has|have|had|was|were|is|are|took|blamed)\b")


@cache
def _inverted_french_verb() -> re.Pattern:
    """A reporting verb before its subject: "a fait savoir (le ministère…)", "affirme (la Commission)"."""
    fr = reporting_verbs()["fr"]
    return re.compile(rf"^(?:(?:a|ont|avait)\s+(?:fait\s+savoir|{alternation(fr['participle'])})|"
                      rf"{alternation(fr['present'])})\s+(?=\S)")


def display_name(name: str, lang: str) -> str:
    """A speaker's name as the output shows it, without the words of the sentence it was read with: its verb
    and what follows ("L'ambassade de Russie à Helsinki a rejeté par avance", "Kazakhstan's ministry of energy
    took a different line"), an inverted verb before it ("a fait savoir le ministère algérien…")."""
    tidy = _CLAUSE_AFTER.sub("", name.rsplit(": ", 1)[-1])    # "la réaction a été minimale : le département d'État"
    if lang == "fr":
        inverted = _inverted_french_verb().match(tidy)
        tidy = LEADING_CIRCUMSTANCES.sub("", tidy[inverted.end():]) if inverted else tidy
        verbs = [_FRENCH_AUXILIARY.search(tidy)]
    else:
        verbs = [_patterns()["en_verb"].search(tidy), _ENGLISH_AUXILIARY.search(tidy)]
    cut = min((v.start() for v in verbs if v), default=len(tidy))
    tidy = tidy[:cut].strip(" ,;:")
    return tidy if len(tidy) > 1 else name


# "Ankara, in turn, welcomed…", "Minsk, for its part, rejected…": an aside between subject and verb
_PARENTHETICAL = re.compile(r",\s*(?:in\s+turn|for\s+its\s+part|however|meanwhile|too|also|though)\s*,", re.I)
# a French finite verb after a subject: "X a rejeté…", "X s'est contenté…", "X se contente de…"
# (also at the end: "Le Kremlin a «…»", "le ministère se dit «prêt…»" read up to the quote mark)
_FRENCH_AUXILIARY = re.compile(r"\s(?:n['’]|ne\s+)?(?:a|ont|avait|avaient|aurait|s['’]est|se\s+sont|s['’]était|"
                               r"se\s+content\w*|se\s+dit|se\s+disent|est|sont)(?:\s|$)|\s(?:se|s['’])$")
_STRESSED_PRONOUN = re.compile(r",\s*(?:lui|elle|eux|elles)(?:\s+(?:aussi|-même|même|non\s+plus))?\s*,?\s*$", re.I)
_AUXILIARY_TAIL = re.compile(r"(?:\s+(?:n'|ne\s+)?(?:a|ont|avait|avaient|aurait|s'est|se\s+sont|s'était|"
                             r"a\s+également|a\s+aussi|a\s+encore|est|sont|has|have|had|was|were|is|"
                             # "Le diplomate a toutefois (jugé)": an adverb after the auxiliary
                             r"(?:a|ont|avait|avaient)\s+(?:toutefois|pourtant|cependant|néanmoins|d'ailleurs|enfin|"
                             r"déjà|ensuite|alors|notamment|même|plutôt|finalement|aussitôt|immédiatement)|"
                             r"also|then|again|later|has\s+also|(?:se|s')\s*(?:dit|disent)|pas|n't|did\s+not|"
                             r"would|will|could|a\s+pour\s+sa\s+part|a\s+quant\s+à\s+lui|"
                             # "the Security Council issued a statement (calling for)"
                             r"(?:issued|released|published|put\s+out|publie|a\s+publié|diffuse|a\s+diffusé)\s+"
                             r"(?:a|an|un|une)\s+(?:[\w-]+\s+)?(?:statement|communiqué|declaration|déclaration|"
                             r"release|note)|"
                             # before an infinitive: "se borne à (indiquer)", "a tenu à (rappeler)"
                             r"se\s+borne\s+à|s'est\s+borné\w*\s+à|se\s+contente\s+de|s'est\s+contenté\w*\s+de|"
                             r"tient\s+à|a\s+tenu\s+à|a\s+voulu|veut|entend|a\s+préféré|préfère|"
                             r"of\s+\w+|de\s+(?-i:[a-zà-ÿ])\w*))+\s*$", re.I)


def tail_starts_lower(text: str, open_at: int) -> bool:
    """Does the quote opened at `open_at` begin with a lower-case word (a partial quote)?"""
    i = open_at + 1
    while i < len(text) and text[i] in " \u00a0\u202f":
        i += 1
    return i < len(text) and text[i].islower()


# Nouns that name a person by their role, so that "le ministre" can refer back to a person.
ROLE_NOUNS = {
    "ministre", "minister", "porte-parole", "spokesperson", "spokesman", "spokeswoman", "président",
    "présidente", "president", "ambassadeur", "ambassadrice", "ambassador", "secrétaire", "secretary",
    "commissaire", "commissioner", "directeur", "directrice", "director", "chef", "cheffe", "chief",
    "général", "general", "officier", "officer", "maire", "mayor", "diplomate", "diplomat", "envoyé",
    "envoyée", "envoy", "émissaire", "représentant", "représentante", "representative", "analyste",
    "analyst", "chercheur", "chercheuse", "researcher", "juriste", "expert", "experte", "député",
    "députée", "sénateur", "sénatrice", "senator", "chancelier", "chancellor", "premier", "négociateur",
    "négociatrice", "negotiator", "conseiller", "conseillère", "adviser", "advisor", "coordinateur",
    "coordinatrice", "coordinator", "responsable", "official", "haut", "haute", "vice-ministre",
    "vice-président", "vice-présidente", "gouverneur", "governor", "commandant", "commander", "colonel",
    "amiral", "admiral", "économiste", "economist", "professeur", "professeure", "professor", "scientist",
    "scientifique", "médecin", "doctor", "épidémiologiste", "epidemiologist", "leader", "dirigeant",
    "dirigeante", "opposant", "opposante", "candidat", "candidate", "élu", "élue", "lawmaker",
    "administrateur", "administratrice", "délégué", "déléguée", "patron", "patronne", "fondateur",
    "fondatrice", "rapporteur", "rapporteuse",
    "capitaine", "captain", "lieutenant", "sergent", "sergeant", "soldat", "soldier", "marin", "sailor",
    "source", "friend", "questioner", "witness", "member", "participant", "observer", "insider", "témoin",
    "membre", "observateur", "proche", "nominee", "billionaire", "businessman", "businesswoman", "host",
    "moderator", "congressman",
    "congresswoman", "aide", "strategist", "pollster", "chairman", "chairwoman", "executive", "founder",
    "judge", "attorney", "lawyer", "prosecutor", "sheriff", "activist", "organizer", "voter", "supporter",
    "resident", "protester", "student", "author", "writer", "columnist", "reporter", "journalist",
    "anchor", "historian", "veteran", "mother", "father", "woman", "man", "nominé", "militant", "militante",
    "manifestant", "manifestante", "habitant", "habitante", "avocat", "avocate", "juge", "procureur",
    "journaliste", "éditorialiste", "historien", "historienne", "officiel", "hôte", "animateur",
    "manager", "policier", "policière", "fonctionnaire", "douanier", "douanière", "acheteur", "acheteuse",
    "entrepreneur", "entrepreneuse", "exporter", "exportateur", "exportatrice", "head",
}
ROLE_ADJECTIVES = {"former", "ancien", "ancienne", "new", "nouveau", "nouvelle", "top", "senior", "deputy",
                   "adjoint", "adjointe", "chief", "republican", "democratic", "Republican", "Democratic",
                   "presidential", "young", "jeune", "local", "same", "même"}
INSTITUTION_NOUNS = {
    "ministère", "ministry", "gouvernement", "government", "department", "département", "office",
    "bureau", "embassy", "ambassade", "agency", "agence", "commission", "court", "cour", "tribunal",
    "council", "conseil", "service", "administration", "presidency", "présidence", "délégation",
    "delegation", "mission", "secretariat", "secrétariat", "parliament", "parlement", "communiqué",
    "statement", "report", "rapport", "texte", "text", "diplomatie", "diplomacy",
}
_STATE_NOUNS = {"ministère", "ministry", "gouvernement", "government", "embassy", "ambassade", "parliament",
                "parlement", "presidency", "présidence", "department", "département"}
_POSTED_ABROAD = re.compile(r"\b(?:ambassad\w*|envoy\w*|envoyée?|représentant\w*|representative|correspondent\w*|"
                            r"consul\w*|délégation|delegation|attaché\w*|émissaire|emissary)\b", re.I)
_FUNCTION_WORDS = {"the", "its", "their", "le", "la", "les", "l", "de", "des", "du", "sa", "son", "leur", "of",
                   "for", "said", "a", "an", "un", "une", "ce", "cette", "this", "that"}
# nouns that only refer back to someone named before ("the veteran diplomat", "le dirigeant")
_EPITHET_NOUNS = {"ombudsman", "médiateur", "médiatrice", "veteran", "vétéran", "militant", "militante", "activist",
                  "dirigeant", "dirigeante", "campaigner", "académique", "academic", "universitaire", "élue", "élu",
                  "specialist", "spécialiste", "expert", "experte", "economist", "économiste"}
# an age that stands for someone: "the 58-year-old", "le sexagénaire"
_AGE_EPITHET = re.compile(r"\d+-year-old|(?:trent|quadra|quinqua|sexa|septua|octo|nona)génaire|trentenaire")
# the UN's agencies that have a code of their own in the label set; "l'agence onusienne" may be one of them
_UN_BODIES = frozenset({"WHO", "IAEA", "IMF"})
_UN_AGENCY = re.compile(r"\b(?:agence|organisation|institution)\s+onusienne|\bUN(?:'s)?\s+(?:[\w-]+\s+)?agency", re.I)
_TOP_DIPLOMAT = re.compile(r"\bchef\s+de\s+la\s+diplomatie\b|\btop\s+diplomat\b", re.I)
_FOREIGN_MINISTER = re.compile(r"\bministre\s+(?:\w+\s+)?des\s+affaires\s+étrangères|\bforeign\s+minister", re.I)
_LEADS_MISSION = re.compile(rf"\b(?:who|qui)\s+(?:has\s+|had\s+|a\s+)?{LEADS}\s+(?:the|la|le|l['’])\s*"
                            r"(?:[\w-]+\s+){0,2}(?:mission|operation|opération|force|delegation|délégation|mediation|"
                            r"médiation)\b", re.I)
# roles held in someone's service: "le porte-parole de Macron", "an aide to Erdogan", "Trump adviser X"
_SERVICE_ROLE = (r"(?:porte-parole|spokes(?:man|woman|person)|press\s+secretary|conseill(?:er|ère)|advis[eo]r|aide|"
                 r"chef\s+de\s+cabinet|chief\s+of\s+staff|directeur\s+de\s+campagne|directrice\s+de\s+campagne|"
                 r"campaign\s+(?:manager|chair(?:man|woman)?|spokes(?:man|woman|person))|bras\s+droit|right-hand\s+man)")
_SERVES = re.compile(rf"\b{_SERVICE_ROLE}\s+(?:de\s+|d['’]|du\s+|to\s+|for\s+|of\s+)(?:(?:the\s+|le\s+|la\s+)?"
                     rf"(?:[a-zé-]+\s+){{0,2}}(?:president|président|présidente|prime\s+minister|premier\s+ministre|"
                     rf"chancellor|chancelier|chancelière|M\.|Mr\.?|Mrs\.?|Ms\.?|Mme)\s+)?(?P<name>{_NAME_TOKEN})|"
                     rf"(?P<before>(?-i:{_NAME_TOKEN}))(?:['’]s)?\s+(?:(?:senior|top|chief|longtime|former|campaign|press)\s+)?"
                     rf"{_SERVICE_ROLE}\b", re.I)
# "Sen. Claire McCaskill (D-Mo.)", "Paul Ryan, R-Wis.,": a member of the US Congress, party and state
_US_PARTY_AND_STATE = re.compile(r"\s*[(,]\s*[RDI]-[A-Z][A-Za-z.]{1,12}\s*[),]")
RECENT = 30   # how many previous speakers a role noun ("le ministre") may refer back to
_DOCUMENT_REACH = 1500   # how far back (characters) "le texte", "the statement" find the document they continue
_LOOKBACK = 5000   # how far back (characters) a body named before is looked for: keeps long texts linear


class SpeakerResolver:
    """In-document memory of who is who: names, their country, gender and descriptions."""

    def __init__(self, text: str, quote_spans: Iterable[QuoteSpan] = (),
                 subject_of: Callable[[int], tuple[int, int] | None] | None = None):
        self.text = text
        self.people: dict[str, Speaker] = {}
        self.history: list[Speaker] = []
        self.mentions: list[tuple[int, Speaker]] = []     # where each known person is named
        self.last_quote_at = -1
        self._at: int | None = None
        self._quote_end = 0
        self.last_mention: str | None = None     # the words the last attribution resolved
        self._in_issuer_lookup = False   # resolving a document's issuer: a document noun stops there
        self._guessed = False    # the last speaker found was only whom the sentence before is about
        self.subject_of = subject_of
        # the text with quoted words blanked (same offsets): what the journalist says
        chars = list(text)
        for span in quote_spans:
            chars[span.start:span.end] = " " * (span.end - span.start)
        self.outside_quotes = "".join(chars)
        self.home_country = self._most_named_country(0, len(text))
        # what the story is about: the country most named in the headline and the first paragraph
        paragraphs = list(islice((m for m in re.finditer(r"[^\n]+", text) if m.group().strip()), 2))
        self.lede_end = paragraphs[1].end() if len(paragraphs) > 1 else 0
        self.lede_country = self._most_named_country(0, self.lede_end) if self.lede_end else None
        self.bodies = self._bodies_with_a_base()
        self._body_names = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.bodies, key=len, reverse=True)))
                                      + r")\b") if self.bodies else None
        self._introduce_everyone()

    # -- memory -------------------------------------------------------------------------------
    def _bodies_with_a_base(self) -> dict[str, str]:
        """Bodies the lexicons do not know, placed by the article: "Nereus Energy, an Athens-based
        consultancy", "la société canadienne Abyssal Metals", "Nordwelle, basée à Hambourg"."""
        bodies: dict[str, str] = {}
        for m in _BODY_WITH_A_BASE.finditer(self.outside_quotes):
            name = next(m.group(f"{k}_name") for k in "abcdefg" if m.group(f"{k}_name"))
            place = next(m.group(f"{k}_place") for k in "abcdefg" if m.group(f"{k}_name"))
            found = [c for c in countries_in(place) if c.kind in ("country", "demonym", "capital", "city")]
            # ("Dimitris Kouvelas of Nereus Energy, an Athens-based consultancy": the body is after "of")
            name = re.split(r"\s+(?:of|de)\s+", name)[-1]
            if found and not countries_in(name) and name.split()[0].lower() not in TITLE_WORDS:
                bodies.setdefault(name, found[0].code)
        return bodies

    def _based_body(self, description: str) -> str | None:
        """The country of a body placed by the article that a description names ("of Nereus Energy")."""
        named = self._body_names.search(description) if self._body_names else None
        return self.bodies[named.group(0)] if named else None

    @cached_property
    def _named_countries(self) -> tuple[list[CountryMatch], list[int]]:
        """Every country-bearing word outside quotes, read once, with their offsets (for bisection)."""
        found = countries_in(self.outside_quotes)
        return found, [m.start for m in found]

    def _named_between(self, start: int, end: int) -> list[CountryMatch]:
        """`countries_in(self.outside_quotes[start:end])`, from the words read once."""
        found, starts = self._named_countries
        return [replace(m, start=m.start - start, end=m.end - start)
                for m in found[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]

    def _most_named_country(self, start: int, end: int, among: frozenset[str] | None = None,
                            counterparts: bool = False) -> str | None:
        """The state or organisation named most often between two offsets, quoted words left out (a
        state's own bodies, "le Quai d'Orsay", "Gassco", count for it; "l'Union africaine" for the AU)."""
        found, starts = self._named_countries
        matches = [m for m in found[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        text = self.outside_quotes
        # ("X signed the deal in Cairo alongside her Egyptian counterpart": with `counterparts`, the
        # country the text gives someone's counterpart is another's)
        excluded = {m.code for m in matches if m.kind == "demonym" and is_counterpart(text, m, start)} \
            if counterparts else ()
        counts = Counter(m.code for m in matches
                         if m.kind in ("country", "demonym", "capital", "city", "institution")
                         and (among is None or m.code in among) and m.code not in excluded
                         and text[m.start:m.end] not in _institution_seats()
                         # the news agency or the broadcaster someone spoke to is not whom they speak for
                         and not (m.kind == "institution" and m.body in ("agency", "company")
                                  and _ADDRESSEE.search(text, max(start, m.start - 25), m.start))
                         # nor is whom they reject, accuse or urge ("rejected Turkish claims", "urged Beijing")
                         and not _TARGETED.search(text, max(start, m.start - 40), m.start))
        return counts.most_common(1)[0][0] if counts else None

    def which_agency(self, speaker: Speaker, country: str | None, at: int) -> str | None:
        """ "l'agence onusienne", "the UN health agency": the UN body with a code of its own (WHO, IAEA…)
        that the article named last before `at`, else the UN."""
        if country != "UN" or not _UN_AGENCY.search(speaker.description + " " + speaker.name):
            return country
        since = max(0, at - _LOOKBACK)
        # the agency named last ("UNHCR, the UN refugee agency" stays the UN's)
        named = [m.code for m in countries_in(self.outside_quotes[since:at])
                 if m.kind == "institution" and m.code in _UN_BODIES | {"UN"}]
        return named[-1] if named else country

    def country_near(self, speaker: Speaker, quoted_at: int | None = None) -> str | None:
        """For a speaker with no country of their own: the country most named in the paragraph
        that introduces them (for a body named only where it is quoted, "the ministry said", the
        quote's paragraph), else in the headline and first paragraph, which say what the story is
        about, else in the whole article (journalists introduce the officials of the country they
        report on without a nationality: "the federal health minister")."""
        # "the federal health minister": only a federal state will do
        # (a body's own name counts: "L'Office fédéral de l'environnement")
        described = speaker.description + " " + speaker.name
        federal = re.search(r"\bf[ée]d[ée]ra(?:l|le|ux)\b", described, re.I)
        among = _federal_states() if federal else None
        if among is None and _STATE_ROLE.search(described):
            among = _states()         # "the minister for European integration": a state's, not the EU's
        at = speaker.first_at if speaker.first_at is not None else quoted_at
        if speaker.first_at is None and quoted_at is not None and (placed := self._place_opening_sentence(quoted_at)):
            return placed      # "In Bogotá, the foreign ministry said…", "Côté saoudien, le ministère de l'Énergie…"
        if at is not None:
            start = self.text.rfind("\n", 0, at) + 1
            end = self.text.find("\n", at)
            # (whoever the paragraph names as the speaker's counterpart is from another country)
            found = self._most_named_country(start, end if end >= 0 else len(self.text), among, counterparts=True)
            if found:
                return found
        if federal:
            return self._most_named_country(0, len(self.text), among) or self.home_country
        lede = self._most_named_country(0, self.lede_end, among) if among else self.lede_country
        return lede or self.home_country

    def _introduce_everyone(self) -> None:
        """Read every name with its apposition so later mentions ("selon M. X") resolve."""
        for m, name in person_names(self.outside_quotes):   # introduced by the journalist
            start = m.start() + m.group(0).index(name.split()[0])
            clause_start = max(self.text.rfind(c, 0, start) for c in ".;:!?«»“”\"\n") + 1
            before_chunks = [c for c in self.text[clause_start:start].split(",") if c.strip()]
            before = before_chunks[-1] if before_chunks else ""
            if len(before_chunks) > 1 and _TITLE_ONLY.fullmatch(before):
                # "the organisation's representative in Pakistan, Dr Elena Marchetti": the role is the chunk before
                before = before_chunks[-2] + "," + before
            # "le ministre français et son homologue britannique, Helen Marwood": the counterpart is named
            counterpart = re.search(r"\b(?:son|sa|ses|his|her|their)\s+(?:[\w-]+\s+){0,2}"
                                    r"(?:homologues?|counterparts?)\b", before, re.I)
            before = before[counterpart.start():] if counterpart else before
            rest = self.text[m.end():m.end() + 160]
            # the apposition ends at a comma, a full stop, a paragraph or a quote
            after = re.split(r"[,.\n«“\"]", rest[1:])[0] if rest.startswith(",") else ""
            if re.match(r" (?:of|from|at) (?:the )?[A-Z]", rest):
                after = re.split(r"[,.\n«“\"]", rest)[0]   # "Choi Min-jae of the Korea Institute for…"
            if re.match(r"\s*(?:dont|whose|devant|lors|pendant|après|avant|depuis|before|during|after|since|"
                        r"à\s+la\s+sortie|à\s+l'issue|en\s+marge|au\s+sortir|on\s+the\s+sidelines|"
                        r"mais|et|car|donc|but|and)\b", after) \
                    or _CLAUSE.match(after) or _patterns()["en_verb"].match(after.lstrip()):
                # "X, dont le mari est officier", "X, devant les délégations des Philippines", "X, rejected
                # Turkish claims": no apposition
                after = ""
            # "its representative in Greece": a place where the speaker works is no nationality; a body
            # the speaker works at is theirs ("directrice à ONU Climat"), one they are accredited to is not
            matches = [c for c in descriptive_matches(before, counterpart_is_other=False)
                       if not (_ACCREDITED_TO if c.kind == "institution" else _LOCATIVE).search(before[:c.start])]
            # "Marguerite X has run the Nyala sub-office of the UN OCHA since…": a body the speaker runs
            runs = _RUNS.match(rest)
            # "la Chilienne X, qui dirige depuis l'an dernier la mission du FMI": an organisation's
            # official speaks for it whatever their nationality
            nationality_only = bool(matches) and all(c.kind == "demonym" for c in matches)
            country = (("US" if _US_PARTY_AND_STATE.match(rest) else None)
                       or (organisation_of_role(after) if nationality_only else None)
                       or (organisation_of_role(runs.group(0)) if runs else None)
                       or organisation_of_role(before, matches) or self._owner(before, start)
                       or self._named_owner(before, start) or self._principal_country(before)
                       or self._office_before_nationality(before_chunks, matches, start)
                       or (matches[0].code if matches else None) or self._owner(after, start)
                       or self._named_owner(after, start) or self._principal_country(after)
                       or self._mission_led(after, start)
                       or country_of_description(after) or self._body_named_before(before, start)
                       or self._based_body(before + " " + after))
            if country is None:
                country = self._place_opening_sentence(start)
            if country is None and _BARE_SPOKESPERSON.fullmatch(before):
                # "The EU's border agency signalled support. “…,” spokeswoman X said": whose spokeswoman the
                # sentence before says, by its subject
                opens = max(self.text.rfind(c, 0, start) for c in ".!?\n")
                if opens > 0:
                    country = self._subject_country(max(self.text.rfind(c, 0, opens) for c in ".!?\n") + 1, opens)
            if country is None and not _CLAUSE.match(after):
                # "a scientist at Imperial College London": a city places an expert's organisation
                # (but in "X, a jugé les inquiétudes de Paris…" the clause goes on: no apposition)
                capitals = [c for c in countries_in(after) if c.kind in ("capital", "city")]
                country = capitals[0].code if capitals else None
            if country is None and not _POSTED_ABROAD.search(before):
                # "la maire de Brest", "Gyumri's mayor": the town an official serves (an ambassador's
                # or a correspondent's town is not theirs)
                # (not where they spoke: "a fait valoir à Tachkent son directeur régional")
                towns = [c for c in countries_in(before) if c.kind in ("capital", "city") and len(c.code) == 2
                         and not _LOCATIVE.search(before[:c.start])]
                country = towns[0].code if towns else None
            speaker = self._remember(name, before + " " + after, country, title=before)
            opening = after.split()[:2]
            if speaker.gender is None and any(w.lower() in ROLE_NOUNS for w in opening):
                # "Claire Vasseur, directrice des opérations": the role that opens the apposition
                speaker.gender = _gender(" ".join(opening))
            if speaker.first_at is None:
                speaker.first_at = start
        # "President Obama", "le président Macron" never named in full: an office holder of the gazetteer
        for m in _titled_family_name().finditer(self.outside_quotes):
            surname = m.group("surname")
            country = surname not in self.people and office_holder_country(m.group("title"), surname)
            if country:
                speaker = self._remember(surname, m.group("title"), country, title=m.group("title"))
                speaker.first_at = m.start("surname")
        # where each person is named again, by their shortest alias, in one pass over the text for all
        # ("Trump" and "Trump's" both count where "Trump's" is written)
        people = list({id(sp): sp for sp in self.people.values()}.values())
        by_alias: dict[str, list[int]] = {}
        for i, speaker in enumerate(people):
            by_alias.setdefault(min(speaker.aliases, key=len), []).append(i)
        within = {alias: [a for a in by_alias if alias.startswith(a)] for alias in by_alias}
        if by_alias:
            text = self.outside_quotes
            aliases = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w-])(?:{aliases})(?![\w-])", text):
                found = [i for a in within[m.group(0)] for i in by_alias[a]
                         if not re.match(r"[\w-]", text[m.start() + len(a):m.start() + len(a) + 1])]
                self.mentions.extend((m.start(), people[i]) for i in sorted(found))

    def _place_opening_sentence(self, at: int) -> str | None:
        """ "À Damas, le ministre de l'Économie, X", "À Islamabad, le ministère des Affaires étrangères":
        the country of the place that opens the sentence."""
        # (a sentence start looked for in the 400 characters before: a text without full stops stays linear)
        sentence_start = max(self.text.rfind(c, max(0, at - 400), at) for c in ".!?\n") + 1
        sentence_start = sentence_start or max(0, at - 400)
        opener = _PLACE_OPENER.match(self.outside_quotes[sentence_start:at].lstrip(" \"”»"))
        places = countries_in(opener.group("place")) if opener else []
        if opener and not places and opener.group(0).lstrip().startswith("Au "):
            places = countries_in("Le " + opener.group("place"))      # "Au Caire" is in "Le Caire"
        # a state's place, or a body's seat named as such ("At NATO headquarters in Brussels")
        seat = bool(opener) and re.search(r"\b(?:headquarters|HQ|siège|quartier\s+général)\b",
                                          opener.group("place"), re.I)
        return places[0].code if places and (len(places[0].code) == 2 or seat) else None

    def _subject_country(self, start: int, end: int) -> str | None:
        """The country of the subject of the last clause of a sentence ("À New Delhi, le ministère des
        Affaires étrangères a qualifié…", "…, et l'opérateur belge Fluxys ne décolère pas"): a country word
        in the subject, else the place the sentence opens on; None when neither says."""
        sentence = self.outside_quotes[start:end]
        clauses = list(_LAST_CLAUSE.finditer(sentence))
        clause_at = clauses[-1].end() if clauses else 0
        opener = _PLACE_OPENER.match(sentence, clause_at)
        subject_at = opener.end() if opener else clause_at
        verb = _SUBJECT_ENDS.search(sentence, subject_at)
        named = [m for m in self._named_between(start + subject_at, start + (verb.start() if verb else len(sentence)))
                 if m.kind in ("institution", "demonym", "country", "capital")]
        if named:
            return named[0].code
        return self._place_opening_sentence(end) if opener and not clause_at else None

    def _mission_led(self, description: str, at: int) -> str | None:
        """ "the Finnish diplomat who headed the observation mission": whoever leads a mission or an
        operation speaks for the organisation named last before them, not for their own state."""
        if not _LEADS_MISSION.search(description):
            return None
        # the mission's organisation named in the description itself ("who heads the EU delegation"), else before
        named = [m.code for m in countries_in(self.outside_quotes[max(0, at - _LOOKBACK):at] + " " + description)
                 if m.kind == "institution" and (len(m.code) > 2 or m.code in ("EU", "UN"))]
        return named[-1] if named else None

    def _office_before_nationality(self, chunks: list[str], matches: list, at: int) -> str | None:
        """ "la secrétaire générale de l'OSCE, la Norvégienne X", "son chef, le Letton X": an official
        introduced by nationality after their office speaks for the organisation of that office."""
        if len(chunks) < 2 or not matches or any(m.kind != "demonym" for m in matches) \
                or len(chunks[-1].split()) > 4:
            return None
        office = chunks[-2]
        found = organisation_of_role(office) or self._owner(office, at)
        return found if found and (len(found) > 2 or found in ("EU", "UN")) else None

    def _owner(self, description: str, at: int) -> str | None:
        """ "its spokesperson", "sa porte-parole", "the agency's director", "Commission spokesperson":
        the role belongs to a body named earlier, whose country is the speaker's."""
        pointer = _owner_pointer().search(description)
        if pointer is None:
            return None
        noun = pointer.group("noun") or ""
        before_noun, after_noun = description[:pointer.start("noun")], description[pointer.end("noun"):]
        if noun[:1].islower() and re.search(r"\b(?:a|an|un|une)\s+(?:(?!the\b|le\b|la\b)[\w-]+\s+){0,3}$",
                                            before_noun, re.I) \
                and not _role_next().match(after_noun):
            return None     # "a private research firm" is a new body ("a department spokesperson" is not)
        if noun[:1].isupper() and re.search(r"[A-Z][\w'’-]*\s+$", before_noun):
            return None     # "Italy's Civil Protection Department": the end of a name
        if noun[:1].islower() and re.search(r"\b(?:the|la|le|du)\s+(?:(?!(?:the|of|la|le|de|du|des)\b)[\w-]+\s+)+$",
                                            before_noun, re.I):
            return None     # "the West Sumatra disaster management agency": a body described here
        if noun and any(m.kind == "institution" and pointer.start("noun") < m.end
                        for m in countries_in(description)):
            # "chercheur au Timbuktu Institute", "responsable de programme au Réseau national de défense des
            # droits humains": the body is named right here
            return None
        since = max(0, at - _LOOKBACK)
        before = self.outside_quotes[since:at]
        # (bodies placed by the article count: "Abyssal Metals rejected the study. … the company's head")
        mentioned = sorted(self._named_between(since, at) + [
            CountryMatch(self.bodies[m.group(0)], m.start(), "institution", m.end(), "company")
            for m in (self._body_names.finditer(before) if self._body_names else ())], key=lambda c: c.start)
        found = [c for c in mentioned if c.kind in ("institution", "demonym", "country")]
        noun = noun.lower()
        if noun:
            stems, kinds = next((item for item in _OWNER_NOUNS.items() if noun in item[0]), ((noun,), ()))
            named = [c for c in found if c.kind == "institution"
                     and any(stem in before[c.start:c.end].lower() for stem in stems)]
            typed = [c for c in found if c.kind == "institution" and c.body in kinds]
            bodies = [c for c in found if c.kind == "institution" and (len(c.code) > 2 or c.code in ("EU", "UN"))]
            found = named or typed or bodies
        else:
            # a possessive refers close by, to a capital too ("Minsk, for its part, … its foreign ministry")
            found = [c for c in mentioned if c.kind in ("institution", "demonym", "country", "capital")
                     and c.start >= len(before) - 250]

            def owners(start: int, end: int, pool: list | None = None) -> list:
                return [c for c in (found if pool is None else pool) if start <= c.start and c.end <= end
                        and not re.search(r"\b(?:depuis|from|in|at|à|en|au|aux)\s+$", before[:c.start], re.I)]
            pointer_at = before.rfind(pointer.group(0))
            if pointer_at < 0:
                # «…», a affirmé son porte-parole: the words follow the quote, and the sentence before
                # it says whose (what it is about is named first), however long the quote
                end = len(before.rstrip())
                start = max(before.rfind(c, 0, end - 1) for c in ".!?\n") + 1
                same = owners(start, end)[:1]
            else:
                # "Beijing has also promised a flight, but its special envoy": its own sentence first
                start = max(before.rfind(c, 0, pointer_at) for c in ".!?\n") + 1
                same = owners(start, pointer_at)
                # "Son directeur pour le Kirghizistan": a possessive refers back, not to the words after it
                found = [c for c in found if c.end <= pointer_at]
            # «…», a fait valoir à Tachkent son directeur: the possessive's own sentence opens on the quote
            after_quote = pointer_at >= 0 and bool(re.match(r"\s*[«“\"]", before[start:pointer_at]))
            # "Son porte-parole, X", "Its mayor, X": a possessive that opens its sentence refers to what the
            # sentence before is about, its subject, rather than to the party that sentence names last
            opens = pointer_at >= 0 and not before[start:pointer_at].strip(" \"”»")
            previous = max(before.rfind(c, 0, start - 1) for c in ".!?\n") + 1 if start > 0 else 0
            subject = self._subject_country(since + previous, since + start - 1) \
                if opens and not same and start else None
            if subject:
                same = [CountryMatch(subject, 0, "country")]
            elif not same and (not found or after_quote) and start > 0:
                # a long quote stands between: the sentence before it, however far back
                owned = [c for c in mentioned if c.kind in ("institution", "demonym", "country", "capital")]
                same = owners(previous, start, owned)[:1]
            found = same or found
            if (pointer.group("head") or "").lower() in _STATE_NOUNS:
                # "Türkiye, the bloc's supplier… Its trade ministry": a state owns a ministry
                found = [c for c in found if c.kind != "institution" or len(c.code) == 2] or found
            else:
                found = [c for c in found if c.kind == "institution"] or found  # a body before a country
        return found[-1].code if found else None

    def _named_owner(self, description: str, at: int) -> str | None:
        """ "Jiangnan's vice-president for procurement": the country named with that body where the
        article first mentions it ("China's Jiangnan Nonferrous Smelting")."""
        owner = re.match(r"\s*(?:(?:the|la|le)\s+)?(?P<name>[A-Z][\w-]+)['’]s\s+\w", description)
        if owner is None or countries_in(owner.group("name")) or owner.group("name") in self.people \
                or owner.group("name") in _country_name_words():
            return None       # a place ("Congo's" is ambiguous), a person: not a body named before
        first = re.search(rf"\b{re.escape(owner.group('name'))}\b", self.outside_quotes[:max(0, at - 1)])
        return self._country_beside(first.start(), first.end()) if first else None

    def _principal_country(self, description: str) -> str | None:
        """ "porte-parole de Macron", "an aide to Erdogan", "Trump adviser": the country of the person
        served, when the article or the gazetteer knows it."""
        served = _SERVES.search(description)
        if served is None:
            return None
        name = served.group("name") or served.group("before")
        if name.lower() in TITLE_WORDS or name.lower() in ROLE_NOUNS:
            return None
        known = self.people.get(name)
        if known is not None:
            return known.country
        return next((c.code for c in countries_in(name) if c.kind == "person"), None)

    def _country_beside(self, noun_start: int, noun_end: int) -> str | None:
        """The country word nearest a noun inside its noun phrase and sentence ("Iran's Foreign
        Ministry", "le ministère algérien des Affaires étrangères", "China's Jiangnan …")."""
        text = self.outside_quotes
        start = max([noun_start - 60] + [text.rfind(c, 0, noun_start) + 1 for c in ".!?\n"])
        ends = [e for e in (text.find(c, noun_end, noun_end + 40) for c in ".!?\n,") if e >= 0]
        window = text[start:min(ends, default=noun_end + 40)]
        # after the noun, only words of its own phrase ("ministère japonais des Affaires étrangères",
        # "Ministry of Foreign Affairs of Japan"), not the sentence's object ("…ministry summoned a Russian")
        matches = [c for c in countries_in(window) if c.start < noun_end - start
                   or _SAME_PHRASE.fullmatch(window[noun_end - start:c.start])]
        # a state or a nationality; else the capital the body sits in ("the Armament Agency in Warsaw")
        found = [c for c in matches if c.kind in ("country", "demonym", "institution")] \
            or [c for c in matches if c.kind == "capital" and c.start > noun_end - start
                and re.search(r"\b(?:in|à|en)\s+$", window[:c.start])]
        return min(found, key=lambda c: abs(c.start - (noun_start - start))).code if found else None

    def _body_named_before(self, description: str, at: int) -> str | None:
        """ "le porte-parole du ministère", "a spokesperson for the ministry": the body named before."""
        # "la porte-parole de la Commission chargée du commerce": the body, not its portfolio
        description = re.sub(r"\s+(?:chargée?|pour|for|in\s+charge\s+of)\s+(?:d[eu]s?\s+|l[ae']\s*|les\s+|the\s+)?"
                             r"[\w'\s-]{1,40}$", "", description.rstrip(" ,"))
        body = re.search(r"\b(?:du|de\s+l'|de\s+la|of\s+the|for\s+the)\s+(?P<noun>[\w-]+)\s*$", description, re.I)
        if body is None:
            return None
        # "la Commission" with nothing named before: in international news, the European Commission
        return self._named_before(body.group("noun").lower(), at) or ("EU" if body.group("noun") == "Commission"
                                                                        else None)

    def _named_before(self, phrase: str, at: int) -> str | None:
        """ "the ministry", "le ministère": the country of the last body of that kind the article
        named with its country ("Iran's Foreign Ministry", "le ministère algérien des Affaires étrangères")."""
        words = re.findall(r"[\w-]+", phrase)
        head = next((w for w in words if w in INSTITUTION_NOUNS), None)
        if head is None:
            return None
        # "the mining ministry", "le ministère de l'Intérieur": only a body with that portfolio will do
        i = words.index(head)
        qualifier = next((w for w in words[i + 1:i + 4] if w not in _FUNCTION_WORDS), None) \
            if i + 1 < len(words) else (words[i - 1] if i > 0 and words[i - 1] not in _FUNCTION_WORDS else None)
        text, offset = self.outside_quotes, max(0, at - _LOOKBACK)
        for m in reversed(list(re.finditer(rf"\b{re.escape(head)}\b", text[offset:at], re.I))):
            noun_start, noun_end = offset + m.start(), offset + m.end()
            if qualifier and qualifier not in text[max(0, noun_start - 30):noun_end + 40].lower():
                continue
            found = self._country_beside(noun_start, noun_end)
            if found:
                return found
        return None

    def _remember(self, name: str, description: str, country: str | None, title: str = "") -> Speaker:
        """Record a person; `title` is the text right before the name ("la ministre", "M.")."""
        surname = name.split()[-1]
        known = self.people.get(name) or self.people.get(surname)
        relative = known is not None and name not in self.people and _another_given_name(known.name, name)
        if known is None or relative:
            gazetteer = [c.code for c in countries_in(name) if c.kind == "person"]
            known = Speaker(name, country or (gazetteer[0] if gazetteer else None))
            # "Rafael Cruz" after "Ted Cruz": a bare "Cruz" still means the one named first
            known.aliases = {name} if relative else {name, surname}
            self.people[name] = known
            if not relative:
                self.people[surname] = known
        elif known.country is None and country:
            known.country = country
        if known.gender is None:
            known.gender = _gender(title)
        if description.strip() and description not in known.description and len(known.description) < 600:
            known.description += " " + description
        return known

    # -- resolution --------------------------------------------------------------------------------
    def resolve(self, phrase: str) -> Speaker | None:
        """The speaker a noun phrase refers to."""
        phrase = _clean(phrase)
        if not phrase:
            return None
        self.last_mention = phrase
        low = phrase.lower()
        if re.match(r"(?:qui|que|qu'|which|who|that|dont|où)\b", low):
            return None
        issuer = _ISSUED_BY.search(phrase)
        if issuer:
            found = self.resolve(issuer.group("np"))
            if found is not None:
                return found
        subject_pronoun = re.match(r"(il|elle|ils|elles|he|she|they)\s+\w", low)
        if subject_pronoun:                    # "Il a en revanche accusé…"
            return self._pronoun(PRONOUNS[subject_pronoun.group(1)], self._at)
        inverted = re.fullmatch(r"[a-zàâçéèêëîïôûù]+(?:-t)?-(il|elle|ils|elles|on)", low)
        if inverted:
            low = inverted.group(1)
        if low in PRONOUNS:
            return self._pronoun(PRONOUNS[low], getattr(self, "_at", None))
        owned = re.fullmatch(r"(?P<owner>[A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+)?(?P<body>[\w-]+)", phrase)
        if owned and owned.group("owner") in self.people and owned.group("body").lower() in INSTITUTION_NOUNS:
            # "Hung's ministry": the body of a person named before, of that person's country
            return Speaker(phrase, self.people[owned.group("owner")].country, kind="institution")
        owned = _body_by_noun()["owned"].match(phrase)
        if owned:
            # "His ministry followed up with a communique": the body of the person last named
            owner = self._pronoun({"his": "m", "her": "f"}.get(owned.group("pron").lower()), self._at)
            return Speaker(owned.group(0), owner.country if owner else None, kind="institution")
        honorific = _HONORIFIC.search(phrase)
        tokens = list(_NAME_TOKEN_RE.finditer(phrase))
        names = person_names(phrase) if len(tokens) > 2 else None
        full_names = [name.split() for _, name in names or ()]
        for i, m in enumerate(tokens):
            token = m.group()
            if any(token not in name for name in full_names) and _qualifies_someone(phrase, m.start(), m.end()):
                continue      # "Clinton spokesman Jesse Lehrich", "le porte-parole de Macron, Julien Farcot"
            if token in self.people and token.lower() not in TITLE_WORDS:
                before = tokens[i - 1] if i else None
                given = before.group() if before and phrase[before.end():m.start()].isspace() else ""
                if f"{given} {token}" in self.people:
                    return self.people[f"{given} {token}"]
                if given and given.lower().strip(".") not in TITLE_WORDS \
                        and _another_given_name(self.people[token].name, f"{given} {token}"):
                    break         # "Rafael Cruz" is not the "Ted Cruz" that "Cruz" stands for
                return self.people[token]
        office = _TITLE_THEN_FAMILY_NAME.fullmatch(phrase)
        if office and office_title().search(office.group("title")):
            # "President Obama", "le président Macron" with no full name in the article: the gazetteer's
            # holder of that office with that family name
            surname = office.group("surname")
            return self._remember(surname, phrase, country_of_description(phrase)
                                  or office_holder_country(office.group("title"), surname), title=office.group("title"))
        titled = re.fullmatch(rf"(?P<title>(?:[A-Z][\w.{_HIDDEN_DOT}-]*\s+){{1,3}})(?P<surname>{_NAME_TOKEN})", phrase)
        if titled and all(w.lower().strip("." + _HIDDEN_DOT) in TITLE_WORDS for w in titled.group("title").split()) \
                and titled.group("surname") not in _organisation_words():     # not "the State Department"
            # "President Obama", "Senator Merkley": someone known by title and surname
            return self._remember(titled.group("surname"), phrase, country_of_description(phrase),
                                  title=titled.group("title"))
        names = person_names(phrase) if names is None else names
        if names:
            # "le président de l'organisation Norges Fiskarlag, Audun Myrvang": the name the apposition ends on
            m, name = names[-1] if len(names) > 1 and re.search(r",\s*$", phrase[:names[-1][0].start()]) \
                and not phrase[names[-1][0].end():].strip() else names[0]
            desc = phrase[:m.start()] + " " + phrase[m.end():]
            return self._remember(name, desc, country_of_description(desc), title=phrase[:m.start()])
        if honorific:
            known = self.people.get(honorific.group("surname"))
            if known:
                return known
            return self._remember(honorific.group("surname"), phrase, country_of_description(phrase),
                                  title=honorific.group("title"))
        country = country_of_name(phrase)
        if country is None and re.fullmatch(_NAME_TOKEN, phrase) and len(phrase) > 1 \
                and phrase.lower() not in TITLE_WORDS:
            # a family name written first ("Choi Min-jae" … "Choi said", "Lu Xiangdong" … "Lu told"), else
            # a bare surname ("Blige said") of someone not introduced with a full name
            family_first = {id(sp): sp for name, sp in self.people.items()
                            if len(name.split()) == 2 and name.split()[0] == phrase}
            if len(family_first) == 1:
                return next(iter(family_first.values()))
            if len(phrase) > 2:      # ("Obama said": the family name of a head of state or government)
                return self._remember(phrase, "", leader_country_of_family_name(phrase))
        role = self._known_by_role(low)
        if role is not None and (country is None or role.country == country):
            return role
        national = _NATIONAL_EPITHET.fullmatch(low) if country is not None else None
        if national and (national.group("noun") or national.group("en_noun")) in ROLE_NOUNS | _EPITHET_NOUNS:
            # "la diplomate chilienne", "the Dutch agronomist" after an international official was named:
            # that official, as a pronoun would be (a state's own official keeps the nationality)
            gender = {"le": "m", "la": "f"}.get(low.split()[0])
            found = self._pronoun(gender, self._at)
            if found is not None and found.kind == "person" and found.country is not None \
                    and (len(found.country) > 2 or found.country in ("EU", "UN")):
                return found
        if country is not None:
            return Speaker(phrase, country, kind="institution")
        # (up to a comma: "le sexagénaire, la casquette vissée sur la tête")
        epithet = re.fullmatch(r"(?P<article>the|le|la|l'|l’)\s*(?:[\wà-ÿ-]+\s+){0,2}(?P<noun>[\wà-ÿ-]+)",
                               low.split(",")[0].strip())
        if epithet and (epithet.group("noun") in ROLE_NOUNS or epithet.group("noun") in _EPITHET_NOUNS
                        or _AGE_EPITHET.fullmatch(epithet.group("noun"))):
            # "the veteran diplomat added", "insiste le dirigeant", "the 58-year-old said", "le sexagénaire":
            # someone already named, like a pronoun
            gender = {"le": "m", "la": "f"}.get(epithet.group("article"))
            found = self._pronoun(gender, self._at)
            if found is not None and found.kind == "person":
                return found
        demonstrative = re.match(r"(?P<dem>ce|cet|cette)\s+(?P<noun>[a-zà-ÿ-]+)", low)
        if demonstrative and demonstrative.group("noun") not in _body_nouns():
            # "Ce géologue de formation, entré au gouvernement en janvier, a exhorté…": someone named before
            found = self._pronoun("f" if demonstrative.group("dem") == "cette" else "m", self._at)
            if found is not None and found.kind == "person":
                return found
        if any(noun in _document_nouns() for noun in re.findall(r"[\w'’-]+", low.split(",")[0])):
            # "Le ministère a réagi par un communiqué. «…», indique le texte": the body that the
            # sentence mentioning the document (since the last quote) is about; else, "poursuit le
            # communiqué", the body that issued it spoke last
            issuer = None if self._in_issuer_lookup else self._document_issuer()
            if issuer is not None:
                return issuer
            if self.history and not _INDEFINITE_NP.match(phrase):    # "un rapport interne" is a new one
                return self.history[-1]
        # (the words before its complement count: "un haut fonctionnaire du ministère des Ressources hydriques
        # et de l'Irrigation")
        if _INDEFINITE_NP.match(phrase) and len(re.split(r"\s(?:du|de|des|d'|of|at|from)\s", phrase)[0].split()) <= 8 \
                and any(w.rstrip("s") in ROLE_NOUNS or w in _document_nouns() for w in low.split()[1:4]):
            # "one Democratic source on the panel", "un diplomate autrichien": someone unnamed
            at = self._phrase_at(phrase)
            return Speaker(phrase, self._owner(phrase, at) or country_of_description(phrase)
                           or self._place_opening_sentence(at))
        # "son porte-parole, sans un mot sur les blessés": the noun phrase ends at the comma
        head = phrase.split(",")[0]
        if _INSTITUTIONAL_NP.match(head) and len(head.split()) <= 10 and _names_a_speaker(head):
            phrase, low = head, head.lower()
            at = self._phrase_at(phrase)
            # "its spokesperson's office" points to its owner; "the mission" to the last mission named
            possessive = re.match(r"(?:its|their|sa|son|ses|leur)\b", low)
            country = (self._owner(phrase, at) or self._named_before(low, at)) if possessive \
                else (self._place_opening_sentence(at) or self._named_before(low, at) or self._owner(phrase, at))
            return Speaker(phrase, country, kind="institution")
        return None

    def _document_issuer(self) -> Speaker | None:
        """The body that the sentence naming a document (since the last quote) is about."""
        at = self._at if self._at is not None else len(self.text)
        since = max(0, self.last_quote_at)
        mentions = list(_document_mention().finditer(self.outside_quotes[since:at]))
        if not mentions:
            # "Dans un communiqué, le ministère « salue… » … «…», poursuit le texte": the document named before
            # the last quote, within the last paragraphs
            since = max(0, at - _DOCUMENT_REACH)
            mentions = list(_document_mention().finditer(self.outside_quotes[since:at]))
            if not mentions:
                return None
        where = since + mentions[-1].start()
        start = max(self.text.rfind(c, 0, where) for c in ".!?\n") + 1
        ends = [e for e in (self.text.find(c, where) for c in ".!?\n") if e >= 0]
        self._in_issuer_lookup = True      # "Le communiqué précise…": the document names no issuer
        try:
            found = self._speaker_of_sentence(start, min(ends + [at]))
            if found is None:
                # "Dans un communiqué publié lundi, le ministère ouzbek «salue…»": the body named after the
                # circumstance, before the quote
                opening = re.split(r"[«“\"]", self.text[start:min(ends + [at])])[0]
                for chunk in re.split(r",\s+", opening)[1:]:
                    # (up to its verb: "le ministère ouzbek (dénonce une baisse)")
                    cuts = [m.start() for pattern in (_patterns()["fr_verb"], _patterns()["en_verb"], _SUBJECT_ENDS)
                            if (m := pattern.search(chunk))]
                    body = chunk[:min(cuts)] if cuts else chunk
                    if _INSTITUTIONAL_NP.match(body.strip()) and (
                            any(w in INSTITUTION_NOUNS for w in body.lower().split())
                            or any(m.kind == "institution" for m in countries_in(body))):
                        found = self.resolve(body.strip())
                        break
        finally:
            self._in_issuer_lookup = False
        return found if found is not None and found.kind == "institution" else None

    def _phrase_at(self, phrase: str) -> int:
        """Where the phrase being resolved stands: its last occurrence before the quote, so that "its"
        in "what its foreign ministry called Washington's «…»" looks back from "its", not from the quote."""
        at = self._at if self._at is not None else len(self.text)
        found = self.outside_quotes.rfind(phrase, max(0, at - 800), at)
        # "«…», according to the Armament Agency": the phrase right after the quote, when it is nearer
        # (not a possessive: "«…», a indiqué son porte-parole" looks back from the quote)
        after = self.outside_quotes.find(phrase, self._quote_end, self._quote_end + 200) \
            if self._quote_end > at and not re.match(r"(?:son|sa|ses|leur|its|their|his|her)\b", phrase, re.I) else -1
        if after >= 0 and (found < 0 or after - self._quote_end < at - found):
            return after
        return found if found >= 0 else at

    def _known_by_role(self, phrase: str) -> Speaker | None:
        """ "le ministre", "the spokesperson": the last speaker introduced with that role."""
        if _TOP_DIPLOMAT.search(phrase):
            # "le chef de la diplomatie hongroise": the foreign minister introduced before, of that country
            country = country_of_description(phrase)
            for speaker in [*reversed(self.history[-RECENT:]), *self.people.values()]:
                if _FOREIGN_MINISTER.search(speaker.description) and country in (None, speaker.country):
                    return speaker
        words = [w for w in re.sub(r"^(?:le|la|les|l'|the|sa|son|leur|his|her|its|their)\s*", "", phrase).split()
                 if w not in ROLE_ADJECTIVES][:1]
        head = words[0] if words else ""
        if head.rstrip("s") not in ROLE_NOUNS:
            return None                      # "the ministry", "the Saudi energy ministry" are no role
        # "a insisté la ministre": not the minister of the other gender
        other = {"le": "f", "la": "m"}.get(phrase.split()[0] if phrase.split() else "")
        # "le porte-parole de la Garde nationale": the one whose description names that body
        body = re.search(rf"\b{re.escape(head)}\s+(?:de\s+la|de\s+l['’]|du|des|of\s+the|of)\s*([\w-]+)", phrase)

        def fits(speaker: Speaker) -> bool:
            description = speaker.description.lower()
            return head in description and (other is None or speaker.gender != other) \
                and (body is None or body.group(1) in description)
        for speaker in reversed(self.history[-RECENT:]):
            if fits(speaker):
                return speaker
        for speaker in self.people.values():
            if len(head) > 3 and fits(speaker):
                return speaker
        return None

    def _pronoun(self, gender: str | None, at: int | None = None) -> Speaker | None:
        """The last speaker, unless a person was named since the last quote: then that person."""
        if at is not None and gender != "institution":
            for pos, person in reversed(self.mentions):
                if pos >= at:
                    continue
                if pos <= self.last_quote_at:
                    break
                if gender is None or person.gender in (None, gender):
                    return person
        if at is not None and gender == "institution":
            # "Russia's embassy in London dismissed the measures. "…," it said": the body the sentence
            # before the quote is about
            line_start = self.text.rfind("\n", 0, at) + 1
            sentence = re.split(r"(?<=[.!?:])\s+", _protect(self.text[line_start:at]).strip())[-1]
            subject = _patterns()["en_sentence_subject"].match(_PARENTHETICAL.sub("", sentence))
            # a sentence that opens on "It went on to…" names no body (and resolving "It" loops back here)
            named = subject and subject.group("np").split()[0].lower() not in PRONOUNS
            found = self._someone(subject.group("np")) if named else None
            if found is not None and found.kind == "institution":
                return found
            # "it": a body named since the last quote ("the European Commission … In a statement it said")
            since = max(0, self.last_quote_at, at - _LOOKBACK)
            bodies = [c for c in countries_in(self.outside_quotes[since:at]) if c.kind == "institution"]
            if bodies:
                return Speaker(self.text[since + bodies[-1].start:since + bodies[-1].end], bodies[-1].code,
                               kind="institution")
            # … or a body the lexicons do not know, by its noun ("The US Embassy in Tegucigalpa struck a
            # different note. In a statement, it warned…")
            named = list(_body_by_noun()["named"].finditer(self.outside_quotes, since, at))
            if named:
                return Speaker(named[-1].group(0), self._country_beside(named[-1].start(), named[-1].end()),
                               kind="institution")
        for speaker in reversed(self.history):
            if gender == "institution":
                if speaker.kind == "institution":
                    return speaker
            elif gender in ("m", "f") and speaker.kind == "institution" and _is_place(speaker.name):
                continue      # "il" is no "Caracas"
            elif gender is None or speaker.gender in (None, gender):
                return speaker
        return self.history[-1] if self.history else None

    # -- attribution --------------------------------------------------------------------------------
    def attribute(self, lang: str, contexts: list[tuple[str, str, int, int]],
                  continuation: bool) -> Speaker | None:
        """The speaker of one quote, given (before, after, open_at, end) for each of its parts
        (a quote split by an inserted attribution or running over paragraphs has several).
        `continuation` allows falling back on the previous speaker."""
        found = None
        self.last_mention = None
        for i, (before, after, open_at, end) in enumerate(contexts):
            self._guessed = False
            found = self._find(lang, before, after, open_at, end)
            if found is not None and self._guessed:
                # a quote over several paragraphs that opens with no cue: an attribution at a later
                # part ("…», a précisé Corinne Baumann") outranks whom the sentence before is about
                guess, mention = found, self.last_mention
                found = self._named_after_a_later_part(lang, contexts[i + 1:])
                if found is None:
                    found, self.last_mention = guess, mention
            if found is not None:
                break
        if found is None and continuation and self.history:
            found = self.history[-1]
            self.last_mention = None
        if found is not None:
            self.history.append(found)
        self.last_quote_at = contexts[-1][2]
        return found

    def _named_after_a_later_part(self, lang: str, parts: list[tuple[str, str, int, int]]) -> Speaker | None:
        """The person a later part of the quote names in its attribution. A pronoun or an epithet there
        ("…," he said; «…», a insisté la diplomate suédoise) says nothing new: only a name counts."""
        for before, after, open_at, end in parts:
            if self._attributed_after(_protect(after), self.text[end:end + 200], _patterns(), lang):
                found = self._find(lang, before, after, open_at, end)
                if found is not None and (self.last_mention or "").lower() not in PRONOUNS \
                        and found.kind == "person" and found.name in self.people:
                    return found
                return None
        return None

    def _find(self, lang: str, before: str, after: str, open_at: int, end: int) -> Speaker | None:
        p = _patterns()
        label = TRANSCRIPT_LABEL.match(self.text, open_at + 1, end)
        if label and (found := self.resolve(label.group("name").title())) is not None and found.kind == "person":
            return found
        self._quote_end = end
        tail = self.text[end:end + 200]
        # a quote whose sentence opens right after another quote's closing mark: a quote split in two
        opens = open_at - len(before)
        split = bool(before.strip()) and self.text[max(0, opens - 80):opens].rstrip()[-1:] in "»”\""
        before, after = _protect(before), _protect(after)
        self._at = open_at
        before_stripped = before.strip(" ,\u00a0\u202f")
        quote_leads = len(before_stripped.split()) <= 1
        if not before_stripped:
            # 'Schiff said. "…"': the speaker closes the previous sentence of the paragraph, or
            # of the paragraph before when it ends on a colon ('He said:\n\n"…"')
            line_start = self.text.rfind("\n", 0, open_at) + 1
            colon_paragraph = (not self.text[line_start:open_at].strip()
                               and self.text[:line_start].rstrip().endswith(":"))
            if colon_paragraph:
                line_start = self.text.rfind("\n", 0, len(self.text[:line_start].rstrip())) + 1
            previous = _protect(" ".join(self.text[max(line_start, open_at - 200):open_at].split()))
            m = p["en_previous" if lang == "en" else "fr_previous"].search(previous)
            if m and not self._attributed_after(after, tail, p, lang):
                found = self.resolve(m.group("np"))
                if found is not None:
                    return found
            if colon_paragraph and not self._attributed_after(after, tail, p, lang):
                # "X, a spokesman for …, spoke to us by phone from Erbil:\n\n"…"": who the sentence is about
                found = self._speaker_of_sentence(line_start, len(self.text[:open_at].rstrip()))
                if found is not None:
                    return found
        if self.history and re.match(r"(?:avant|et|puis)\s+d['’]\w+|before\s+\w+ing\b", before_stripped, re.I) \
                and not self._attributed_after(after, tail, p, lang):
            return self.history[-1]           # "Avant d'ajouter, plus sombre : «…»": the last speaker goes on
        for key in (("fr_after_aux", "fr_after_present") if lang == "fr" else ("en_after_verb_np",)) if split else ():
            # the second part of a quote split by an inverted attribution ("“…,” said Marit Olsen, the Danish
            # engineer who runs the depot, “but…”"): the speaker named after the verb, not its apposition
            m = p[key].match(before)
            if m and (found := self.resolve(LEADING_CIRCUMSTANCES.sub("", m.group("np")))) is not None:
                return found
        # (the last quote closes inside this sentence: no full stop before its mark, no paragraph after it)
        # (cheap tests first: this runs for every quote)
        if split and self.history \
                and re.search(r"[^.!?…\s][»”\"][ \u00a0\u202f]*$", self.text[max(0, opens - 80):opens]) \
                and any(_COORDINATED.search(before[:v.start()])
                        for v in p["fr_verb" if lang == "fr" else "en_verb"].finditer(before)) \
                and not self._attributed_after(after, tail, p, lang):
            # "The ministry said it “firmly opposes” the decision and called the findings “a fabrication”": a verb
            # coordinated with the last quote's has its subject
            return self.history[-1]
        for attempt in ([self._after, self._before] if quote_leads else [self._before, self._after]):
            found = attempt(lang, before, after, tail, p)
            if found:
                return found
        if not before_stripped:
            found = self._introduced_just_before(open_at)
            if found is not None:
                self._guessed = True
                return found
        if re.match(r"(?:et|and|mais|but|puis|then|avant|before|tout en|while)\b", before_stripped) and self.history:
            # "«…» et encourage la Serbie à «…»": the sentence goes on after the previous quote
            return self.history[-1]
        if tail_starts_lower(self.text, open_at) and before_stripped:
            # «…» continues the sentence: "Le Quai d'Orsay, interrogé jeudi, « suit la situation »"
            # the chunk nearest the quote that names someone ("… n'a pas tardé : dans un communiqué,
            # le ministère «…»"), skipping circumstances and participles ("interrogé jeudi")
            chunks = [c for c in re.split(r",\s+|\s*:\s+", before_stripped)
                      if c.strip() and not _ADVERBIAL.match(c.strip()) and _NOUN_PHRASE_START[lang].match(c.strip())]
            for chunk in reversed(chunks):
                found = self.resolve(chunk)
                if found is not None:
                    return found
            return None
        if before_stripped.endswith(":"):
            if self.subject_of is not None:
                span = self.subject_of(open_at)
                if span:
                    # the parser's subject keeps a participle before it ("Interrogé sur X, le porte-parole")
                    chunks = re.split(r"(?<=,)\s+", self.text[span[0]:span[1]])
                    while len(chunks) > 1 and _ADVERBIAL.match(chunks[0].rstrip(",")):
                        chunks.pop(0)
                    found = self.resolve(" ".join(chunks))
                    if found:
                        return found
            # "In Algiers, the foreign ministry issued a brief note …:": the subject after a place that opens
            opener = _PLACE_OPENER.match(before_stripped)
            rest = before_stripped[opener.end():].lstrip() if opener else before_stripped
            subject = _patterns()["en_sentence_subject"].match(rest[:1].upper() + rest[1:])
            return self._first_mention(before_stripped) or (
                self._someone(rest[:subject.end("np")]) if subject else None)
        return None

    def _after(self, lang, before, after, tail, p) -> Speaker | None:
        m = p["dash_name"].match(after)
        if m:
            return self.resolve(m.group("np"))
        quote_closed = self.text[max(0, self._quote_end - 1):self._quote_end] in ",.!?…"
        if not (quote_closed or re.match(r"\s*[»”\"]?\s*[,–—]", tail) or tail[:1] in ",.!?"
                or re.match(r"\s*[»”\"]?\s+[a-z]", tail) or p["en_after_name_said"].match(tail)):
            return None
        passive = p["passive_after"].match(after) if p["passive_open"].search(before) else None
        if passive and (found := self.resolve(passive.group("np"))) is not None:
            return found
        for key in ("inverted", "en_after_pronoun"):
            m = p[key].match(after)
            if m:
                self.last_mention = m.group("pron")
                return self._pronoun(PRONOUNS[m.group("pron").lower()], self._at)
        keys = (("fr_after_aux", "fr_after_present", "according_after", "fr_after_anyverb") if lang == "fr"
                else ("en_after_verb_np", "en_after_np_verb", "en_after_name_anyverb", "en_after_name_apposition",
                      "according_after"))
        for key in keys:
            m = p[key].match(after)
            if m:
                # "a déclaré vendredi soir à la télévision d'État Mehdi Rostami": the subject after the circumstances
                found = self.resolve(LEADING_CIRCUMSTANCES.sub("", m.group("np")) if lang == "fr" else m.group("np"))
                if found is not None:
                    return found
        return None

    def _attributed_after(self, after, tail, p, lang) -> bool:
        keys = (("inverted", "fr_after_aux", "fr_after_present", "fr_after_anyverb") if lang == "fr"
                else ("en_after_pronoun", "en_after_verb_np", "en_after_np_verb", "en_after_name_anyverb",
                      "en_after_name_apposition"))
        return any(p[k].match(after) for k in keys)

    def _before(self, lang, before, after, tail, p) -> Speaker | None:
        passive = (p["passive_before"].search(before) or p["voice_of"].search(before)
                   or p["shown_saying"].search(before))
        if passive and (found := self.resolve(passive.group("np"))) is not None:
            return found
        verbs = list(p["fr_verb" if lang == "fr" else "en_verb"].finditer(before))
        m = p["according_before"].search(before)
        if m and not any(v.start() >= m.end() for v in verbs):
            # "Selon X, «…»" — but in "Selon le compte rendu, M. Aubriot a plaidé pour «…»" the verb wins
            return self.resolve(m.group("np"))
        verbs = [v for v in verbs if not m or v.start() >= m.end()]
        if m:
            # "Selon un communiqué du ministère, la mesure répond à des «…»": the verb wins only when its
            # subject is someone ("Selon le compte rendu, M. Aubriot a plaidé pour «…»")
            for verb in reversed(verbs):
                speaker = self._subject_before(before[:verb.start()], lang)
                if speaker is not None and (speaker.kind == "person" or speaker.country):
                    return speaker
            return self.resolve(m.group("np"))
        if not verbs:
            return None
        # The verb nearest the quote usually governs it ("In a message posted Friday, Cruz said
        # he had «…»"); an earlier one is tried when its subject names nobody.
        for verb in reversed(verbs):
            speaker = self._subject_before(before[:verb.start()], lang)
            if speaker is not None:
                return speaker
        return None

    def _subject_before(self, subject: str, lang: str) -> Speaker | None:
        # "L'Otan, elle, a assuré", "La Norvège a, elle, appelé": a stressed pronoun repeats the subject
        subject = _AUXILIARY_TAIL.sub("", _STRESSED_PRONOUN.sub("", _AUXILIARY_TAIL.sub("", subject)))
        pronoun = re.search(r"\b(it|he|she|they|il|elle|ils|elles)\s*$", subject, re.I)
        if pronoun and len(subject.split()) > 1 and not self._names_someone(subject[:pronoun.start()]):
            # "In a statement on Tuesday it (reiterated)": the pronoun is the subject
            self.last_mention = pronoun.group(1)
            return self._pronoun(PRONOUNS[pronoun.group(1).lower()], self._at)
        relative = re.search(r"\b(?P<rel>that|which|whom|what|que|qu')\s*(?P<rest>[^,]+)$", subject)
        if relative and (self._names_someone(relative.group("rest"))
                         # "la sentence de 1899, que Caracas (juge)": a state's capital speaks for it (not
                         # "ajoutant que Pékin avait…", what the speaker reports)
                         or (re.search(r",\s*(?:que|qu')\s*[^,]+$", subject)
                             and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}\s*",
                                              relative.group("rest"))
                             and country_of_name(relative.group("rest").strip())) or (
                # "rejected what its foreign ministry (called)", "which Romanian operator Transgaz (says)"
                relative.group("rel") in ("what", "which")
                and re.match(r"(?:its|his|her|their|the|[A-Z])", relative.group("rest")))):
            subject = relative.group("rest")     # "an explosion that Mayor Bill de Blasio (described as)"
        # a chunk that ends on "and" closes the clause before the verb's, not its subject ("…” to European
        # counterparts last year and welcomed “…”")
        chunks = [c for c in re.split(r",\s+|\s*:\s+", subject) if c.strip() and not _ADVERBIAL.match(c.strip())
                  and not re.search(r"\s(?:and|et|but|mais)\s*$", c)]
        # "Le secrétariat de l'ASEAN, lui, s'est contenté…": the stressed pronoun repeats the subject
        chunks = [c for c in chunks if c.strip().lower() not in ("lui", "elle", "eux", "elles")] or chunks
        if lang == "en":
            # "Lu told a briefing in Beijing, accusing…": a chunk with a verb of its own ends its subject there
            # ("rejected Kyiv's account, saying…": a chunk that opens with a verb is no subject)
            chunks = [c[:v.start()].strip() if (v := _patterns()["en_verb"].search(c)) else c for c in chunks]
            chunks = [c for c in chunks if c]
            if not chunks:
                return None
        else:
            # "Le bureau du Premier ministre a rejeté ces constats, évoquant…": a chunk's own auxiliary ends it
            chunks = [c[:aux.start()] if (aux := _FRENCH_AUXILIARY.search(c)) and aux.start() else c for c in chunks]
        if not chunks:
            return None
        # "Jeudi, le ministre …" / "In a statement, the ministry …": a leading chunk is usually an
        # adverbial; prefer the chunks after it, a named person first.
        candidates = chunks if len(chunks) == 1 or _body_then_apposition(chunks) else chunks[1:] + chunks[:1]
        # (a chunk after the first that opens on a preposition is a circumstance: tried last, unless "qui" takes
        # up its end: "…, au lendemain d'une plainte déposée par Vienne, qui juge")
        relative = bool(re.search(r",\s*qui\s*$", subject))
        antecedent = [c for c in chunks if c.strip().lower() != "qui"][-1:] if relative else []
        if antecedent and (tail := re.search(r"(?-i:[A-ZÀ-Ý])[\w'’-]+(?:\s+(?-i:[A-ZÀ-Ý])[\w'’-]+)*\s*$",
                                             antecedent[0])):
            found = self.resolve(tail.group(0).strip())      # (the name that ends it)
            if found is not None:
                return found
        candidates = sorted(candidates, key=lambda c: (not relative and c is not chunks[0]
                                                       and bool(_CIRCUMSTANCE.match(c.strip())),
                                                       not self._names_someone(c)))
        for chunk in candidates:
            speaker = self.resolve(chunk)
            if speaker is not None:
                return speaker
        return None

    def _someone(self, phrase: str) -> Speaker | None:
        """`resolve`, kept only when it names a person or a body with a country ("l'opposition",
        "The paranoia" name nobody in particular: then the last mention is left as it was)."""
        mention = self.last_mention
        found = self.resolve(phrase)
        if found is not None and (found.kind == "person" or found.country):
            return found
        self.last_mention = mention
        return None

    def _names_someone(self, phrase: str) -> bool:
        """A person's name, "M. Yermolov", or the surname of someone already introduced."""
        honorific = _HONORIFIC.search(phrase.replace(_HIDDEN_DOT, "."))
        return bool(person_names(phrase) or honorific
                    or any(token in self.people for token in re.findall(_NAME_TOKEN, phrase)))

    def _introduced_just_before(self, open_at: int) -> Speaker | None:
        """ "Le général Vikram Rathore a tenu à calmer le jeu. «…»": a quote with no cue that opens
        a sentence belongs to the person the previous sentence of its paragraph is about."""
        line_start = self.text.rfind("\n", 0, open_at) + 1
        previous = self.text[line_start:open_at]
        if not previous.strip():
            # the quote opens its paragraph: the last sentence of the paragraph before, unless that
            # paragraph ends on a quote ("Zielonka acknowledged the issue.\n\n“…”")
            end = len(self.text[:line_start].rstrip())
            start = self.text.rfind("\n", 0, end) + 1
            last = max([start] + [start + m.end() for m in re.finditer(r"[.!?:]\s+", self.text[start:end])])
            if end <= 0 or self.outside_quotes[last:end] != self.text[last:end]:
                return None                   # that paragraph ends inside or on a quote
            found = self._speaker_of_sentence(start, end)
            return found if found is not None and found.name[:1].isalpha() else None
        if re.search(r"[»”\"]", previous[-3:]):
            return None                       # a quote just closed
        return self._speaker_of_sentence(line_start, open_at)

    def _speaker_of_sentence(self, line_start: int, end: int) -> Speaker | None:
        """Who the last sentence of text[line_start:end] is about: its first person, else its subject."""
        previous = self.text[line_start:end]
        sentences = re.split(r"(?<=[.!?:])\s+", _protect(previous).strip())
        sentence = sentences[-1] if sentences else ""
        # a short quoted name ("le plan «Bouclier de la patrie»") is no quote in the sentence
        sentence = re.sub(r"[«“\"][^«»“”\"]{0,60}[»”\"]", "", sentence)
        # (the end of a quote too: "…, Potosí exporte du sel», lâche le sexagénaire." is about him)
        if re.search(r"[«»“”\"]", sentence):
            return None
        found = self._first_mention(sentence)
        if found is not None:
            return found
        if self.subject_of is not None:
            # "Le ministre syrien s'est montré optimiste. «…»": the subject the parser finds
            span = self.subject_of(line_start + len(previous.rstrip()) - 1)
            if span and span[0] >= line_start:
                subject = _clean(self.text[span[0]:span[1]])
                found = self._someone(subject) if subject.lower().split(" ")[0] not in PRONOUNS else None
                if found is not None:
                    return found
        return self._english_subject(sentence)

    def _english_subject(self, sentence: str) -> Speaker | None:
        """ "Lehtimäki insisted…", "The U.S. State Department limited itself to one line:": the
        subject before the verb, when it names someone."""
        subject = _patterns()["en_sentence_subject"].match(sentence)
        return self._someone(subject.group("np")) if subject else None

    def _first_mention(self, sentence: str) -> Speaker | None:
        """The first person named in a sentence, or "Mme Dufresnoy" when she was introduced."""
        sentence = sentence.replace(_HIDDEN_DOT, ".")
        names = person_names(sentence)
        if names:
            return self.resolve(names[0][1])
        honorific = _HONORIFIC.search(sentence)
        if honorific and honorific.group("surname") in self.people:
            return self.people[honorific.group("surname")]
        # "After a briefing, Siregar said the pattern was familiar.": a surname already introduced
        known = [t for t in re.findall(_NAME_TOKEN, sentence)
                 if t in self.people and t.lower() not in TITLE_WORDS and self.people[t].kind == "person"]
        return self.people[known[0]] if known else None
