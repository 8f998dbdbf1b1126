import pytest

from quotestance.contract import bare_span
from quotestance.langid import detect_lang


@pytest.mark.parametrize("text,lang", [
    ("Nous sommes prêts à reprendre le dialogue.", "fr"),
    ("Ces accusations sont sans fondement", "fr"),
    ("We are ready to resume talks with our partners.", "en"),
    ("Any incursion will meet a firm response.", "en"),
    ("Inadmissible et dangereux.", "fr"),
    ("Unacceptable.", "en"),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize("text,quote", [
    ("plain", "plain"),
    ("« avec espaces »", "avec espaces"),
    ("\u00ab\u00a0insécables\u00a0\u00bb", "insécables"),
    ("“curly”", "curly"),
    ('  "straight"  ', "straight"),
    ("«»", ""),
])
def test_bare_span_strips_marks_and_keeps_offsets(text, quote):
    q, start, end = bare_span(text)
    assert q == quote and text[start:end] == quote
