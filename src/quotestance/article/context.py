"""The sentence around a quote: the text before its opening mark and after its closing mark."""

from __future__ import annotations

import re

from quotestance.article.quotes import QuoteSpan

# Titles and ranks written with a full stop before a name ("Mr.", "Maj. Gen.", "M."): the stop ends no
# sentence. One list for the sentence splitter here and the speaker patterns.
TITLE_ABBREVIATIONS = ("M", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Brig", "Capt",
                       "Cmdr", "Cdr", "Adm", "Prof", "Amb", "Sgt", "St", "Mgr", "Pr", "Jr", "Sr", "U.S")
_SENTENCE_END = re.compile("".join(rf"(?<!\b{re.escape(a)})" for a in TITLE_ABBREVIATIONS if len(a) > 1)
                           + r"(?<![\s(.][A-Z])[.!?…][»”\"]?\s+(?=[A-ZÀ-Ý«“\"]|$)")     # "J.D. Vance" too
# A wire dateline opening a paragraph ("MASCATE, 14 mars 2026 (AFP) - ", "GENEVA — "): not part of the sentence
_DATELINE = re.compile(r"(?-i:[A-ZÀ-Ý][A-ZÀ-Ý'’. -]*[A-ZÀ-Ý])(?:\s*\([^()\n]{1,30}\))?(?:,[^\n–—]{0,40}?)?"
                       r"(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s+")


def sentence_context(text: str, span: QuoteSpan, previous_end: int, next_start: int) -> tuple[str, str]:
    """(before, after): the quote's sentence outside its marks, bounded by neighbouring quotes.

    `previous_end` is where the previous quote's closing mark is (or the paragraph start),
    `next_start` where the next quote opens (or the paragraph end).
    """
    line_start = text.rfind("\n", 0, span.open_at) + 1
    left = max(line_start, previous_end)
    before = text[left:span.open_at]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    elif left == line_start and (dateline := _DATELINE.match(before)):
        before = before[dateline.end():]
    close = span.close_at if span.close_at >= 0 else span.end
    line_end = text.find("\n", close)
    right = min(line_end if line_end >= 0 else len(text), next_start)
    after = text[close + 1:right] if span.close_at >= 0 else ""
    m = _SENTENCE_END.search(after)
    if m:
        after = after[:m.start() + 1]
    return before, after
