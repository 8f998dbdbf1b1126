"""Find quoted spans in French and English news typography.

Handles « » with or without (narrow) no-break spaces, “ ”, „ “, straight quotes, quotes nested in
quotes (returned only as part of the outer one), and quotes that run over paragraphs with the mark
reopened at the start of the next paragraph (one span per paragraph, sharing a `group`). A quote
left open and not reopened is dropped: a stray mark must not swallow a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from quotestance.lexicon import alternation, reporting_verbs

PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
SPACES = " \t\u00a0\u202f\u2009\u2007\r\n"
# Punctuation that belongs to the sentence around an interrupted quote, not to the quote.
TRAILING = ","
_LINE = re.compile(r"[^\n]+")
# '"PENCE: Well, look…': a transcript quoted with each turn's speaker in capitals; a reopened
# paragraph that opens on a new label is the next turn, not the same quote
TRANSCRIPT_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2})\s*:\s")


@dataclass(frozen=True)
class QuoteSpan:
    start: int          # first quoted character (marks and spaces excluded)
    end: int            # after the last quoted character
    open_at: int        # the opening mark
    close_at: int       # the closing mark; -1 when the quote goes on in the next paragraph
    mark: str           # the opening mark
    group: int          # spans of one quote running over paragraphs share a group


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and (text[end - 1] in SPACES or text[end - 1] in TRAILING):
        end -= 1
    return start, end


def _scan(text: str, start: int, end: int, carried: str | None):
    """Top-level quotes in text[start:end] as (open_at, content_start, close_at | None, mark).

    `carried` is the mark of a quote reopened at `start` (the paragraph's first character).
    """
    found = []
    stack: list[str] = [carried] if carried else []
    open_at, content = (start, start + 1) if carried else (-1, -1)
    i = start + 1 if carried else start
    while i < end:
        ch = text[i]
        if stack and ch == PAIRS[stack[-1]]:
            stack.pop()
            if not stack:
                found.append((open_at, content, i, text[open_at]))
        elif ch in PAIRS and (not stack or ch != stack[-1]):
            if not stack:
                open_at, content = i, i + 1
            stack.append(ch)
        i += 1
    if stack:
        found.append((open_at, content, None, text[open_at]))
    return found


# How the journalist reached the speaker, said between a reporting verb and its subject
# ("explique, joint par notre rédaction, le représentant…")
REACHED_BY = r"(?:jointe?|interrogée?|contactée?|citée?)"


@cache
def _incise() -> re.Pattern:
    """An attribution inserted inside French guillemets: «A, a-t-il ajouté, B» → A and B."""
    fr = reporting_verbs()["fr"]
    inverted = r"(?:(?:se|s'|me|m'|nous|lui)\s*)?[a-zàâçéèêëîïôûùüÿœ]+(?:-t)?-(?:il|elle|ils|elles|on)\b"
    reached = rf"(?:,\s*{REACHED_BY}\s+[^,.;:!?«»“”\n]{{1,40}},)?"
    auxiliary = r"(?:a|ont|avait|avaient|aurait)\s+(?:" + alternation(fr["participle"]) + r")\b" + reached
    present = r"(?:" + alternation(fr["present"]) + r")" + reached + r"\s+(?=[A-ZÀ-Ýa-zà-ÿ])"
    end = r"(?:,|(?<!\sM)(?<!\sDr)\.)\s+"     # a comma, or a full stop that is not "M." / "Dr."
    return re.compile(r",\s+(?:" + inverted + "|" + auxiliary + "|" + present + r")[^«»“”\n]{0,140}?" + end)


_APPOSED_NAME = re.compile(
    r"(?:M\.|Mme|Mgr|Dr)?\s*[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|de|du|van|von|der|al|el|ben|bin|da|dos|di)){0,4}[,.]\s+")


def _split_incises(text: str, span: QuoteSpan) -> list[QuoteSpan]:
    if span.mark not in "«“„":
        return [span]
    parts, cursor = [], span.start
    for m in _incise().finditer(text, span.start, span.end):
        head_start, head_end = _trim(text, cursor, m.start())
        if head_end > head_start:
            # The incise is this part's "after" and the next part's "before".
            opened = span.open_at if not parts else cursor - 1
            parts.append(replace(span, start=head_start, end=head_end, open_at=opened, close_at=m.start()))
        # "…, a estimé le ministre estonien, Lauri Pärnaste, à …": the name after the first
        # comma belongs to the attribution.
        name = _APPOSED_NAME.match(text, m.end(), span.end)
        cursor = name.end() if name and text[m.end() - 2] == "," else m.end()
    if not parts:
        return [span]
    tail_start, tail_end = _trim(text, cursor, span.end)
    if tail_end > tail_start:
        parts.append(replace(span, start=tail_start, end=tail_end, open_at=cursor - 1))
    return parts


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every top-level quoted span of `text` in reading order; offsets are always valid."""
    spans: list[QuoteSpan] = []
    open_group: list[QuoteSpan] = []   # parts of a quote still open at the last paragraph end
    group = -1
    for line in _LINE.finditer(text):
        p_start, p_end = line.start(), line.end()
        while p_start < p_end and text[p_start] in SPACES:
            p_start += 1
        if p_start == p_end:
            continue
        carried = open_group[-1].mark if open_group and text[p_start] == open_group[-1].mark else None
        if open_group and not carried:
            open_group = []            # never reopened: drop the dangling parts
        for open_at, content, close_at, mark in _scan(text, p_start, p_end, carried):
            continuing = (carried is not None and open_at == p_start
                          and not TRANSCRIPT_LABEL.match(text, open_at + 1, p_end))
            if not continuing:
                if open_group and open_at == p_start:
                    spans.extend(open_group)      # the previous turn of a transcript ends here
                open_group = []
                group += 1
            start, end = _trim(text, content, p_end if close_at is None else close_at)
            part = QuoteSpan(start, end, open_at, -1 if close_at is None else close_at, mark, group)
            if close_at is None:
                open_group.append(part)
            else:
                spans.extend(open_group if continuing else [])
                open_group = []
                spans.append(part)
    parts = [p for s in spans if s.end > s.start for p in _split_incises(text, s)]
    return sorted(parts, key=lambda s: s.start)
