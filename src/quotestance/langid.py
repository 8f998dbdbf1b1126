"""French or English? Function-word counts are enough for news statements and cost nothing to load."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_FRENCH_LETTERS = set("éèêàâçôûùîïœ")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(resources.files("quotestance.resources").joinpath("stopwords.yaml").read_text("utf-8"))
    return {lang: frozenset(words) for lang, words in raw.items()}


def detect_lang(text: str) -> str:
    """'fr' or 'en'; ties (no function word at all) go to accents, then to English."""
    words = [w.lower() for w in _WORD.findall(text)]
    sw = _stopwords()
    # Elided articles ("l'accord", "d'un") count as French function words.
    fr = sum(w in sw["fr"] or w[:2] in ("l'", "d'", "l’", "d’", "qu") for w in words)
    en = sum(w in sw["en"] for w in words)
    if fr == en:
        return "fr" if _FRENCH_LETTERS & set(text.lower()) else "en"
    return "fr" if fr > en else "en"
