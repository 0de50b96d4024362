"""Sentence spans by the rules of NLTK's *untrained* Punkt tokenizer, without importing NLTK.

Punkt (Kiss & Strunk 2006) learns abbreviations, collocations, frequent sentence starters and
each word's orthographic context from a training text. Given none of that, only a list of
abbreviations, its decisions reduce to a few rules, which this module applies directly:

* a candidate boundary is a ``.``, ``?`` or ``!`` followed by whitespace and a token, or by
  other punctuation (NLTK's ``period_context_re``);
* it is a boundary when, in the candidate's context (the word before, the mark and what follows),
  some token but the last is a sentence break:

  - ``.``, ``?`` and ``!`` standing alone are breaks; an ellipsis is not;
  - a word ending in one period is a break unless it is a known abbreviation (the whole word or
    its last hyphenated part, lower-cased);
  - an initial ("J.") or a number ("1990.") is not a break before a lower-case word or
    ``;:,.!?``, and an initial is not one before a capitalised word either;

* closing quotes and brackets right after a boundary move into the sentence they close.

Why not call NLTK: importing ``nltk.tokenize.punkt`` imports the whole of ``nltk`` (about 1.3 s,
more than splitting 1,400 reviews takes), and every NLTK pattern runs through a time-limited
regular expression wrapper. The patterns below are NLTK 3.9's (Apache License 2.0); a test
compares every span with ``PunktSentenceTokenizer.span_tokenize`` on the *Her* reviews, on
invented edge cases and on generated text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

# Characters that cannot appear within a word; a period beside one still ends a sentence.
_NON_WORD = r"""(?:[)";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"""
_MULTI_CHARACTER_PUNCTUATION = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"""[^("`{\[:;&#*@)}\]\-,]"""

_PUNKT_WORD = re.compile(
    rf"""(
        {_MULTI_CHARACTER_PUNCTUATION}
        |
        (?={_WORD_START})\S+?
        (?=
            \s|$|{_NON_WORD}|{_MULTI_CHARACTER_PUNCTUATION}|
            ,(?=$|\s|{_NON_WORD}|{_MULTI_CHARACTER_PUNCTUATION})
        )
        |
        \S
    )""",
    re.VERBOSE,
)
_CANDIDATE = re.compile(
    rf"""
    [.?!]
    (?=(?P<after_token>
        {_NON_WORD}
        |
        \s+(?P<next_token>\S+)
    ))""",
    re.VERBOSE,
)
_CLOSING_PUNCTUATION = re.compile(r"""["')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)""", re.MULTILINE)
_NUMBER = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = re.compile(r"[^\W\d]\.$")
_SENTENCE_END_MARKS = frozenset(".?!")
# Punctuation that never starts a sentence, so a number or initial before it ends none.
_INNER_PUNCTUATION = frozenset(";:,.!?")
# Punkt looks back for the previous word to the last ASCII whitespace character only.
_ASCII_WHITESPACE = " \t\n\r\x0b\x0c"


def sentence_spans(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of `text`, as untrained Punkt with `abbreviations` gives.

    `abbreviations` are lower-case and without their final period (``"mr"``, ``"dr"``).

    >>> text = "Mr. Jonze made it in 2013. It moved J. K. Simmons (and me.) Did it?"
    >>> [text[start:end] for start, end in sentence_spans(text, {"mr"})]
    ['Mr. Jonze made it in 2013.', 'It moved J. K. Simmons (and me.)', 'Did it?']
    """
    return list(_realign(text, _raw_spans(text, abbreviations)))


def _raw_spans(text: str, abbreviations: Collection[str]) -> Iterator[tuple[int, int]]:
    last_break = 0
    for match, context in _candidates(text):
        if _has_break(context, abbreviations):
            yield last_break, match.end()
            last_break = match.start("next_token") if match.group("next_token") else match.end()
    yield last_break, len(text.rstrip())


def _candidates(text: str) -> Iterator[tuple[re.Match, str]]:
    """Each candidate boundary with its context, dropping one whose word overlaps the next's.

    The word before a mark runs back to the last whitespace since the previous candidate's
    word; where there is none it is the previous candidate's word again, and that candidate is
    dropped for this one, which sees the longer context (``acting!!!`` is one candidate).
    """
    previous_word = (0, 0)
    previous_match = None
    for match in _CANDIDATE.finditer(text):
        before = text[previous_word[1] : match.start()]
        last_space = max(before.rfind(character) for character in _ASCII_WHITESPACE)
        # Punkt treats whitespace at the very start of `before` like none at all.
        word_start = previous_word[1] + last_space + 1 if last_space > 0 else previous_word[0]
        if previous_match is not None and previous_word[1] <= word_start:
            yield previous_match, _context(text, previous_word, previous_match)
        previous_match = match
        previous_word = (word_start, match.start())
    if previous_match is not None:
        yield previous_match, _context(text, previous_word, previous_match)


def _context(text: str, word: tuple[int, int], match: re.Match) -> str:
    return text[word[0] : word[1]] + match.group() + match.group("after_token")


def _has_break(context: str, abbreviations: Collection[str]) -> bool:
    """True when a token of `context` other than the last is a sentence break."""
    tokens = [token for line in context.split("\n") if line.strip() for token in _PUNKT_WORD.findall(line)]
    return any(_is_break(token, following, abbreviations) for token, following in zip(tokens, tokens[1:]))


def _is_break(token: str, following: str, abbreviations: Collection[str]) -> bool:
    if token in _SENTENCE_END_MARKS:
        return True
    if not token.endswith(".") or token.endswith(".."):
        return False
    stem = token[:-1].lower()
    if stem in abbreviations or stem.split("-")[-1] in abbreviations:
        return False
    initial = _INITIAL.match(token) is not None
    if initial or _NUMBER.match(token.lower()):
        if following in _INNER_PUNCTUATION or following[0].islower():
            return False
        if initial and following[0].isupper():
            return False
    return True


def _realign(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Move closing quotes and brackets that follow a boundary into the sentence before it."""
    spans = list(spans)
    shift = 0
    for (start, end), following in zip(spans, spans[1:] + [None]):
        start += shift
        if following is None:
            if text[start:end]:
                yield start, end
            continue
        closing = _CLOSING_PUNCTUATION.match(text[following[0] : following[1]])
        if closing:
            yield start, following[0] + len(closing.group(0).rstrip())
            shift = closing.end()
        else:
            shift = 0
            if text[start:end]:
                yield start, end
