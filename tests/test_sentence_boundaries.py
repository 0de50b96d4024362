"""The untrained-Punkt rules give exactly NLTK's spans, without importing NLTK at run time."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.paths import DEFAULT_CORPUS_DIR
from analysis.resources import word_list
from analysis.sentence_boundaries import sentence_spans
from analysis.text import normalise

ABBREVIATIONS = word_list("abbreviations-en.txt")


def nltk_spans(text: str) -> list[tuple[int, int]]:
    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return list(PunktSentenceTokenizer(parameters).span_tokenize(text))


def texts(spans, text):
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Jonze made it. It works.", ["Mr. Jonze made it.", "It works."]),
        # An initial before a capitalised word, a number before a lower-case one: no boundary.
        ("J. K. Simmons is in it. Made in 2013. in colour.", ["J. K. Simmons is in it.", "Made in 2013. in colour."]),
        # A number before a capitalised word is a boundary.
        ("It runs to 126. It flies.", ["It runs to 126.", "It flies."]),
        ("Very bad acting!!! I promise.", ["Very bad acting!!!", "I promise."]),
        ("Wait... what? No!", ["Wait... what?", "No!"]),
        # Closing quotes and brackets move into the sentence they close.
        ('He said "go." Then (quietly.) she left.', ['He said "go."', "Then (quietly.)", "she left."]),
        ("Well-known co-dir. Smith came.", ["Well-known co-dir. Smith came."]),
        ("", []),
        ("   ", []),
    ],
)
def test_hand_checked_spans(text, expected):
    assert texts(sentence_spans(text, ABBREVIATIONS), text) == expected
    assert sentence_spans(text, ABBREVIATIONS) == nltk_spans(text)


def test_every_line_of_the_her_reviews_splits_as_nltk_splits_it():
    lines = [
        line
        for path in sorted(DEFAULT_CORPUS_DIR.glob("*.txt"))
        for line in normalise(path.read_text(encoding="utf-8")).splitlines(keepends=True)
    ]
    assert len(lines) > 150
    assert [sentence_spans(line, ABBREVIATIONS) for line in lines] == [nltk_spans(line) for line in lines]


# Sentence-like text with the marks, cases, initials, numbers and quotes the rules look at.
PUNKT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            ["Mr.", "J.", "e.g.", "Her", "her", "1990.", "4.5", "...", ".", "?", "!", "!!", '"', "'",
             ")", "(", "--", ",", ";", "“", "”", "»", "co-dir.", "St.", "x.", "Dr", "\t", "\n", "  "]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6),
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(PUNKT_TEXT)
def test_any_text_splits_as_nltk_splits_it(text):
    assert sentence_spans(text, ABBREVIATIONS) == nltk_spans(text)
