"""Article → quoted statements with speaker and country (the rows of `quotestance extract`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from quotestance.article.context import sentence_context
from quotestance.article.quotes import find_quotes
from quotestance.article.speakers import SpeakerResolver, display_name
from quotestance.article.statements import is_statement
from quotestance.langid import detect_lang


def extract_quotes(text: str, lang: str | None = None,
                   subject_of: Callable[[int], tuple[int, int] | None] | None = None) -> list[dict]:
    """Statements of one article with speaker and, when attribution finds it, country.

    Rows carry `quote`, `start`, `end`, `speaker`, `country`, `country_source` ("attribution" or
    None when the content model must decide), `lang`, and, for evaluation (not part of the output
    contract), `speaker_mention` (the words that named the speaker at this quote), `speaker_at` (where
    the article introduced the speaker, or None) and `country_guessed` (the country is the paragraph's
    or the story's, not one the speaker's own description gives).
    """
    lang = lang or detect_lang(text[:2000])
    spans = find_quotes(text)
    resolver = SpeakerResolver(text, spans, subject_of)
    # Parts of one quote (split by an inserted attribution, or running over paragraphs) share a
    # group: they are judged and attributed together.
    groups: dict[int, list[tuple]] = {}
    for i, span in enumerate(spans):
        prev_close = spans[i - 1].close_at + 1 if i and spans[i - 1].close_at >= 0 else 0
        next_open = spans[i + 1].open_at if i + 1 < len(spans) else len(text)
        before, after = sentence_context(text, span, prev_close, next_open)
        groups.setdefault(span.group, []).append((i, span, before, after))
    statements = {g for g, parts in groups.items()
                  if any(is_statement(text, s.start, s.end, b, a, lang) for _, s, b, a in parts)}
    # A quoted title or scare quote does not end the sentence it stands in: "The ministry, which
    # runs the “water-for-coal” scheme, said it would keep “…”" is read with its marks blanked.
    plain = _without_marks(text, [s for s in spans if s.group not in statements])
    rows: list[dict] = []
    for group, parts in groups.items():
        if group not in statements:
            continue
        parts = [(span, _reopened_before(plain, spans, i, statements, before), after)
                 for i, span, before, after in parts]
        # A quote with no cue continues the previous speaker when it follows closely.
        close = bool(rows) and parts[0][0].open_at - rows[-1]["end"] < 600
        speaker = resolver.attribute(lang, [(b, a, s.open_at, s.end) for s, b, a in parts], close)
        country = (speaker.country or resolver.country_near(speaker, parts[0][0].open_at)) if speaker else None
        country = resolver.which_agency(speaker, country, parts[0][0].open_at) if speaker else None
        for span, *_ in parts:
            rows.append({
                "quote": text[span.start:span.end], "start": span.start, "end": span.end,
                "speaker": display_name(speaker.name, lang) if speaker else None,
                "country": country,
                "country_source": "attribution" if country else None,
                "lang": lang,
                # the words that named the speaker here ("he", "the ministry"): for evaluation
                "speaker_mention": resolver.last_mention,
                "speaker_at": speaker.first_at if speaker else None,
                "country_guessed": bool(country) and not speaker.country,
            })
    return rows


def _without_marks(text: str, spans: list) -> str:
    """The text with the quotation marks of these spans blanked (same offsets)."""
    chars = list(text)
    for span in spans:
        for at in (span.open_at, span.close_at):
            if at >= 0 and text[at] in "«»“”„\"‹›":      # a part cut by an attribution ends on a comma
                chars[at] = " "
    return "".join(chars)


def _reopened_before(plain: str, spans: list, i: int, statements: set[int], before: str) -> str:
    """The words before quote i, back to the last statement's closing mark rather than the last quote's
    (`plain`: the text with the marks of non-statements blanked)."""
    j = i - 1
    while j >= 0 and spans[j].group not in statements:
        j -= 1
    if j == i - 1:
        return before
    prev_close = spans[j].close_at + 1 if j >= 0 and spans[j].close_at >= 0 else 0
    next_open = spans[i + 1].open_at if i + 1 < len(spans) else len(plain)
    return sentence_context(plain, spans[i], prev_close, next_open)[0]


def extract_articles(articles: Iterable[tuple[str, str]], use_parser: bool = True) -> list[dict]:
    """(doc id, text) pairs → rows with a `doc` field first; French is parsed with spaCy in batches."""
    articles = list(articles)
    rows: list[dict] = []
    langs = [detect_lang(text[:2000]) for _, text in articles]
    parses = _french_subjects([t for (_, t), lang in zip(articles, langs) if lang == "fr"]) if use_parser else None
    for (doc_id, text), lang in zip(articles, langs):
        subject_of = parses.get(text) if parses else None
        for row in extract_quotes(text, lang, subject_of):
            rows.append({"doc": doc_id, **row})
    return rows


def _french_subjects(texts: list[str]) -> dict[str, Callable[[int], tuple[int, int] | None]]:
    """For each French text, a function: offset of a quote mark → the span of its sentence's subject."""
    if not texts:
        return {}
    from quotestance.article.syntax import subject_finders

    return subject_finders(texts)
