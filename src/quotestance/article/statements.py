"""Which quoted strings are statements? Names, titles and scare quotes are not (CODEBOOK §1)."""

from __future__ import annotations

import re
from functools import cache

from quotestance.article.context import TITLE_ABBREVIATIONS
from quotestance.article.quotes import REACHED_BY
from quotestance.lexicon import alternation, reporting_verbs, resource_yaml


@cache
def _naming_cue() -> re.Pattern:
    cues = resource_yaml("naming_cues.yaml")
    words = cues["fr"] + cues["en"]
    # "le dispositif dit «…»" names a thing; "il a dit «…»" and "Tripoli se dit «…»" quote someone.
    return re.compile(r"(?:^|[\s'’(])(?:" + alternation(words) + r"|(?<!\sa\s)(?<!\sse\s)(?<!\ss'est\s)dit)\s*$",
                      re.IGNORECASE)


@cache
def _reporting_cue() -> re.Pattern:
    rv = reporting_verbs()
    words = (rv["fr"]["participle"] + rv["fr"]["present"] + rv["fr"]["other"] + rv["fr"]["according_to"][:2]
             + rv["en"]["verbs"] + rv["en"]["according_to"][:2])
    pronoun_inversion = r"\w+-t-(?:il|elle|on)|\w+-(?:il|elle|ils|elles)"
    return re.compile(r"\b(?:" + alternation(words) + "|" + pronoun_inversion + r")\b", re.IGNORECASE)


# What may stand between an inverted verb and its subject: "à la presse", "à la télévision d'État",
# "par téléphone", "mardi soir", "devant le Parlement", ", joint par notre rédaction,"
_CIRCUMSTANCE = (r"(?:à|au|aux)\s+(?:la\s+|l'|l’|notre\s+|nos\s+|son\s+|sa\s+|ses\s+)?[\w-]+"
                 r"(?:\s+d['’][\wÉ-]+)?|"
                 r"par\s+(?:téléphone|écrit|courriel|visioconférence)|"
                 r"sur\s+(?:X|Twitter|Facebook|Telegram|les\s+réseaux\s+sociaux)|"
                 r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aussitôt|ensuite|alors|encore|aussi|"
                 r"dans\s+la\s+foulée|à\s+son\s+tour|de\s+son\s+côté|pour\s+sa\s+part)(?:\s+(?:soir|matin|midi))?|"
                 r"(?:devant|dans|lors\s+d[eu]|en\s+marge\s+d[eu])\s+"
                 r"(?:le\s+|la\s+|les\s+|l'|l’|un\s+|une\s+|notre\s+|nos\s+|son\s+|sa\s+|ses\s+)?[\w-]+"
                 # "devant le Jogorku Kenech le ministre"
                 r"(?:\s+[A-ZÀ-Ý][\w-]+(?=\s+(?:le|la|les|l'|l’)\s*\w))?|"
                 rf",?\s*{REACHED_BY}\s+[^,.;:!?«»“”\"\n]{{1,40}},")


LEADING_CIRCUMSTANCES = re.compile(rf"^\s*(?:(?:{_CIRCUMSTANCE})\s*,?\s+){{1,3}}(?=[A-ZÀ-Ýa-zà-ÿ])")


@cache
def french_any_verb_after() -> re.Pattern:
    """«…», alerte X / «…», a réagi le ministre / «…», a fait savoir la Commission: any verb between the
    comma after a quote and a name or a determiner (journalists vary the verb; a preposition or a
    conjunction is no verb). The words after the verb are the group `np`."""
    not_verbs = alternation(reporting_verbs()["fr"]["not_verbs"])
    return re.compile(r"^\s*[,–—]\s*(?:(?:a|ont|s'est|s’est|se\s+sont)\s+)?(?:s'|s’|se\s+)?"
                      rf"(?!(?:{not_verbs})\b)[a-zàâçéèêëîïôûù]{{3,}}(?=[\s,])\s*"
                      r"(?:(?:savoir|valoir|remarquer|observer|part)\s+)?"     # «…», fait savoir X
                      # up to three circumstances between the verb and its subject, in any order
                      rf"(?:(?:{_CIRCUMSTANCE})\s*,?\s+){{0,3}}"
                      r"(?P<np>(?:[A-ZÀ-Ý]|(?:(?:le|la|les|un|une|son|sa|leur)\s+|l'|l’)\w)"
                      r"[^.;:!?«»“”\"\n]{1,160})")


@cache
def _according_to() -> re.Pattern:
    rv = reporting_verbs()
    return re.compile(r"(?:" + alternation(rv["fr"]["according_to"][:2] + rv["en"]["according_to"][:2])
                      + r")\b", re.IGNORECASE)


def attributed(before: str, after: str, tail: str, short: bool = False, lang: str = "en") -> bool:
    """Does a reporting verb govern the quote: close before its opening mark, or right after it?"""
    window = " ".join(before.split()[-(8 if short else 14):])
    if _reporting_cue().search(window) or _according_to().match(before.lstrip()):
        return True
    # After the quote, the cue must follow a comma (inside or outside the mark) within a few words
    # (a party-and-state tag, "McConnell, R-Ky., said", does not count as words), or a name must
    # follow at once: '“…” Merkley said.'
    after_words = [w for w in re.sub(r",\s*[RDI]-[A-Z][\w.]{0,12},", ",", after).split()
                   if not (w.endswith(".") and w[:-1] in TITLE_ABBREVIATIONS)]     # nor do "Maj. Gen."
    comma_first = re.match(r"\s*[»”\"]?\s*[,–—]", tail) or tail[:1] in ",.!?"
    name_first = re.match(r"\s*[»”\"]?\s+(?:[A-Z][\w'’.-]+\s+){1,3}\S", tail)
    if lang == "fr" and comma_first and french_any_verb_after().match(", " + after.lstrip(" ,»\u00a0\u202f")):
        return True
    return bool((comma_first or name_first) and _reporting_cue().search(" ".join(after_words[:6])))


def is_statement(text: str, start: int, end: int, before: str, after: str, lang: str = "en") -> bool:
    """Judge the quoted text[start:end] from its own shape and its sentence context.

    `before`/`after` are the parts of the sentence outside the marks.
    """
    quote = text[start:end]
    n_words = len(quote.split())
    sentence_like = quote.rstrip()[-1:] in ".!?…"
    if not sentence_like and n_words <= 8 and _naming_cue().search(before.rstrip(" «“\"\u00a0\u202f")):
        return False
    if attributed(before, after, text[end:end + 200]  # what follows the quoted words, marks included
                  , short=n_words <= 3, lang=lang):
        return True
    if before.rstrip(" «“\"\u00a0\u202f").endswith(":"):
        return True
    # Unattributed: a sentence or a long quote is still someone's words (a continuation);
    # a short fragment is a name, a title or the journalist's scare quote.
    return sentence_like or n_words > 8
