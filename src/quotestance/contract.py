"""The output contract of `quotestance predict` (PRODUCT.md): field names, order, bare statements."""

from __future__ import annotations

OUTPUT_FIELDS = (
    "quote", "start", "end", "speaker", "country", "country_source",
    "stance", "stance_scores", "sentiment", "sentiment_scores", "lang",
)
# Article mode names the article each row comes from; `extract` stops before the labels.
ARTICLE_FIELDS = ("doc", *OUTPUT_FIELDS)
EXTRACT_FIELDS = ("doc", "quote", "start", "end", "speaker", "country", "country_source", "lang")
# Marks a user may leave around a bare statement; they are not part of the quote.
QUOTE_MARKS = "«»“”„\"‘’‹›'"


def bare_span(text: str) -> tuple[str, int, int]:
    """The statement inside `text` without surrounding marks and spaces, with its offsets in `text`."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS):
        end -= 1
    return text[start:end], start, end
