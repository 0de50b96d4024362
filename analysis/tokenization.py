"""Sentences and word tokens, with no NLTK data.

Decisions (documented in the README's glossary too):

* **Sentences.** Web reviews use line breaks for paragraphs, headings and bullet items, so text is
  first split at line breaks, but for the breaks inside a hard-wrapped paragraph (a copy from a
  PDF, an e-mail or a browser's reader view: see :data:`WRAP_MIN_RUN_ONS`); each line is then
  split by the rules of NLTK's *untrained* Punkt tokenizer (Kiss & Strunk 2006) given a list of
  abbreviations (``data/abbreviations-en.txt``), which need no downloaded model
  (:mod:`analysis.sentence_boundaries`). A leading bullet is not part of its sentence. Every
  sentence keeps its character span in the text it came from.
* **Word tokens.** One compiled regular expression that follows the Penn Treebank conventions of
  ``nltk.word_tokenize``: clitics are split off (``Jonze's`` -> ``Jonze`` + ``'s``, ``don't`` ->
  ``do`` + ``n't``), hyphenated words and numbers such as ``10,000`` or ``4.5`` stay whole, and
  every other punctuation mark is its own token. Text is normalised first
  (:func:`analysis.text.normalise`), so curly and straight apostrophes give the same tokens.
* **Case and terms.** Counting uses lower-cased *terms*; the original spelling stays in the
  ``token`` column. The one exception is the film's title: a capitalised mention (``Her``,
  ``HER``, a quoted ``"Her"``) becomes the term ``Her`` and is a content word, while the lower-case
  pronoun ``her`` stays a stopword. A sentence-initial pronoun "Her ..." is read as the title; in
  a review of *Her* that is nearly always right, and the README says so.
* **Stopwords** are NLTK's English list shipped as package data (``data/stopwords-en.txt``).
* **No stemming or lemmas.** WordNet needs downloaded data, and keyness tables on stems are hard
  to read; terms are surface forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from itertools import chain, product
from typing import NamedTuple

import numpy as np

from analysis.resources import word_list
from analysis.sentence_boundaries import sentence_spans
from analysis.tables import checks
from analysis.text import CLITICS, WORD_CACHE_SIZE, normalise, remembered

# The apostrophe clitics' letters, "s|re|ve|ll|d|m": each is a token of its own.
_APOSTROPHE_CLITIC = "(?:" + "|".join(clitic[1:] for clitic in CLITICS if clitic.startswith("'")) + ")"
_TOKEN_ALTERNATIVES = [
    r"``|''",  # Treebank's opening and closing double quotes
    r"\b(?:can(?=not\b)|gim(?=me\b)|gon(?=na\b)|got(?=ta\b)|lem(?=me\b)|wan(?=na\b))",
    # ^ Treebank splits cannot, gimme, gonna, gotta, lemme, wanna
    r"--",  # a dash typed as two hyphens is one token, as in Treebank
    r"[^\W_]+(?=n't\b)",  # stem of a negative contraction: "do" of "don't"
    r"n't\b",  # the negative clitic itself
    rf"'{_APOSTROPHE_CLITIC}\b",  # the other clitics
    r"\d+(?:[.,:/]\d+)+",  # numbers with separators: 10,000  4.5  8/10
    rf"[^\W_]+(?:(?:[-/]|'(?!{_APOSTROPHE_CLITIC}\b))[^\W_]+)*",
    # ^ words; hyphenated compounds, writer/director and o'donnell kept whole, as in Treebank
    r"[^\w\s]",  # any other symbol or punctuation mark, one at a time
]
_NEGATIVE_CLITIC = _TOKEN_ALTERNATIVES[3:5]
_WORD_PATTERN = re.compile("|".join(_TOKEN_ALTERNATIVES), re.IGNORECASE)
# Text without "n'" cannot match the negative clitic's two alternatives, and without them re
# no longer reads every word twice (a fifth faster on most sentences): same tokens.
_WORD_PATTERN_WITHOUT_NEGATION = re.compile(
    "|".join(alternative for alternative in _TOKEN_ALTERNATIVES if alternative not in _NEGATIVE_CLITIC), re.IGNORECASE
)
# A double quote at the start or after a space or an opening bracket. The quote comes first so
# that re searches for it as a literal, not position by position (25 times faster).
_OPENING_QUOTE = re.compile(r'"(?<![^\s(\[{<]")')
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CLOSING_PUNCTUATION = re.compile(r"[.!?;:)\"']\s*$")
HEADING_MAX_WORDS = 5
# A sentence has at most this many words: a longer run without a sentence end (a page pasted as
# one line with its stops lost, a list run together) is cut after every this many words, so the
# work on one sentence (its cues, mentions and clauses, VADER) stays bounded and a corpus's time
# grows with its length, not with the square of its longest line. The longest sentence of the
# 1,400 polarity reviews has 151 words, of the Her corpus and the web copies fewer.
MAX_SENTENCE_WORDS = 250
_SENTENCE_PIECE = re.compile(rf"\S+(?:\s+\S+){{0,{MAX_SENTENCE_WORDS - 1}}}")
_LEADING_BULLET = re.compile(r"^\s*(?:[*\-\u2022\u2013\u2014]|\d+[.)])\s+")
# A hard-wrapped copy (a PDF, an e-mail, a browser's reader view, an old fixed-width page) breaks
# its paragraphs into lines of one width wherever a word ends, not where a sentence does. Such a
# text has at least this many lines that run on into the next: wide (this share of its common
# width, which is the longest line of four fifths of its lines and at least this many characters)
# and without a sentence end; and they are at least half of the lines with a line after them.
WRAP_MIN_RUN_ONS = 3
WRAP_WIDE_SHARE = 0.7
WRAP_MIN_WIDTH = 40
_SENTENCE_END_MARKS = ".!?\u2026"
_CLOSERS = "\"')]"
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


class Sentence(NamedTuple):
    """A sentence and its character span in the text it was split from."""

    start: int
    end: int
    text: str


def stopwords() -> frozenset[str]:
    """NLTK's English stopword list plus the clitic tokens, from package data."""
    return word_list("stopwords-en.txt")


@checks(text=str)
def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences: at line breaks (but for those of a hard-wrapped text, which
    run on), then by untrained Punkt within each line; a sentence of more than
    :data:`MAX_SENTENCE_WORDS` words is cut after every that many.

    Spans index into `text` itself; sentence texts are normalised, a line break read through
    as a space.

    >>> [s.text for s in split_sentences("Her is great. Mr. Jonze made it.\\n\\n* a bullet")]
    ['Her is great.', 'Mr. Jonze made it.', 'a bullet']
    """
    normalised = normalise(text)
    abbreviations = word_list("abbreviations-en.txt")
    sentences = []
    line_start = 0
    for line in _unwrapped_lines(normalised):
        bullet = _LEADING_BULLET.match(line)
        offset = bullet.end() if bullet else 0
        content = line[offset:]
        for start, end in sentence_spans(content, abbreviations):
            sentence_text = _read_through(content[start:end].strip())
            # Each word and the space after it take two characters or more: a shorter span is short enough.
            if end - start >= 2 * MAX_SENTENCE_WORDS and len(sentence_text.split(None, MAX_SENTENCE_WORDS)) > MAX_SENTENCE_WORDS:
                sentences += [
                    Sentence(
                        line_start + offset + piece.start(), line_start + offset + piece.end(),
                        _read_through(piece.group(0)),
                    )
                    for piece in _SENTENCE_PIECE.finditer(content, start, end)
                ]
            elif sentence_text:
                absolute_start = line_start + offset + start
                sentences.append(Sentence(absolute_start, line_start + offset + end, sentence_text))
        line_start += len(line)
    return sentences


def _unwrapped_lines(text: str) -> list[str]:
    """The lines of `text` with their line ends, each line of a hard-wrapped text that runs on
    into the next joined with it (see :data:`WRAP_MIN_RUN_ONS`); joined, they are the text again.

    >>> wrapped = (
    ...     "We first see the Shibata family steal. Osamu, a day labourer with a bad ankle\\n"
    ...     "and a grin that could talk its way out of anything, works a Tokyo supermarket\\n"
    ...     "with the boy he calls his son, the two of them trading signals across the\\n"
    ...     "aisles like infielders. Shota fills his rucksack while Osamu blocks the view.\\n"
    ... )
    >>> _unwrapped_lines(wrapped) == [wrapped]
    True
    >>> [s.text[:24] for s in split_sentences(wrapped)]
    ['We first see the Shibata', 'Osamu, a day labourer wi', 'Shota fills his rucksack']
    >>> _unwrapped_lines("One line.\\nAnother line.\\n")
    ['One line.\\n', 'Another line.\\n']
    """
    lines = text.splitlines(keepends=True)
    stripped = [line.rstrip() for line in lines]
    # Most texts have fewer lines without a sentence end than a wrapped one: nothing to measure.
    open_ended = [index for index in range(len(lines) - 1) if stripped[index] and not _ends_sentence(stripped[index])]
    if len(open_ended) < WRAP_MIN_RUN_ONS:
        return lines
    lengths = list(map(len, stripped))
    filled = sorted(filter(None, lengths))
    width = filled[len(filled) * 4 // 5]
    if width < WRAP_MIN_WIDTH:
        return lines
    followed = [
        index for index in range(len(lines) - 1)
        if lengths[index] and lengths[index + 1] and not _LEADING_BULLET.match(lines[index + 1])
    ]
    wide = WRAP_WIDE_SHARE * width
    runs_on = {index for index in open_ended if lengths[index] >= wide}.intersection(followed)
    if len(runs_on) < WRAP_MIN_RUN_ONS or 2 * len(runs_on) < len(followed):
        return lines
    joined = []
    for index, line in enumerate(lines):
        if index - 1 in runs_on:
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _read_through(text: str) -> str:
    """`text` with each line break in it a space (one of a hard-wrapped text's sentences)."""
    return text.translate(_LINE_BREAKS) if len(text.splitlines()) > 1 else text


def _ends_sentence(line: str) -> bool:
    """Whether a line without its line end ends as a sentence does: "… a pitch." and "… (her
    words.)" do, "… a day" and "… think about it. Dr." do not."""
    text = line.rstrip(_CLOSERS)
    if not text or text[-1] not in _SENTENCE_END_MARKS:
        return False
    if text[-1] != ".":
        return True
    last_word = text.rsplit(None, 1)[-1][:-1].lstrip("(")
    return last_word.lower() not in word_list("abbreviations-en.txt")


@checks(text=str)
def word_tokens(text: str) -> list[str]:
    """Tokenize `text` the Treebank way without any NLTK data; case is kept.

    >>> word_tokens("Jonze’s film isn't slow: 10,000 words, 4.5 clappers!")
    ['Jonze', "'s", 'film', 'is', "n't", 'slow', ':', '10,000', 'words', ',', '4.5', 'clappers', '!']
    >>> word_tokens("I cannot -- gonna cry")
    ['I', 'can', 'not', '--', 'gon', 'na', 'cry']
    """
    normalised = normalise(text)
    if '"' in normalised:
        # Treebank spells a double quote as `` when it opens (at the start or after a space or
        # bracket) and '' otherwise; doing the same keeps counts comparable with word_tokenize.
        normalised = _OPENING_QUOTE.sub("``", normalised).replace('"', "''")
    return list(chain.from_iterable(remembered(_chunk_tokens, normalised.split(), _tokens_of_chunk)))


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """The tokens of one run of text between whitespace. No token holds or looks across
    whitespace (a lookaround sees the end of a chunk as it sees a space), so a text's tokens are
    its chunks' tokens in order."""
    pattern = _WORD_PATTERN if "n'" in chunk or "N'" in chunk else _WORD_PATTERN_WITHOUT_NEGATION
    return tuple(pattern.findall(chunk))


# Chunks repeat as words do, so each is matched once (see analysis.text.remembered).
_tokens_of_chunk: dict[str, tuple[str, ...]] = {}


@checks(sentence=str)
def is_heading(sentence: str) -> bool:
    """A section heading or short list item, not a sentence: at most five words, no closing punctuation.

    Web reviews put headings ("The Script", "Joaquin Phoenix's Acting") on lines of their own,
    so :func:`split_sentences` returns them as sentences; judging them would read a topic as a
    verdict.

    >>> [is_heading("The Script"), is_heading("Phoenix is great."), is_heading("Joaquin Phoenix's Acting")]
    [True, False, True]
    """
    words = [token for token in word_tokens(sentence) if is_word(token)]
    return len(words) <= HEADING_MAX_WORDS and not _CLOSING_PUNCTUATION.search(sentence)


@lru_cache(maxsize=WORD_CACHE_SIZE)  # a corpus has far fewer distinct tokens than tokens
def is_word(token: str) -> bool:
    """True for tokens that contain a letter (words), False for punctuation and bare numbers."""
    return _HAS_LETTER.search(token) is not None


# Every spelling of a clitic in any letter case ("'s", "'S", "N'T"): a token is looked up as it is,
# where lower-casing every token first took most of the time of joining words. No other character
# lower-cases to these letters.
_CLITIC_SPELLINGS = frozenset(
    "".join(spelling) for clitic in CLITICS for spelling in product(*({c.lower(), c.upper()} for c in clitic))
)


def written_words(tokens: Sequence[str]) -> list[str]:
    """Word tokens joined back into words as they are written: each clitic to the token before it.

    Readability formulas count words as written ("isn't" is one word of two syllables), where
    the token tables count Treebank tokens. The split forms without an apostrophe ("can" + "not"
    of "cannot", "gon" + "na") stay apart: the tokens do not say whether a space stood between.

    >>> written_words(["Jonze", "'s", "film", "is", "n't", "slow", "and", "I", "'M", "moved"])
    ["Jonze's", 'film', "isn't", 'slow', 'and', "I'M", 'moved']
    """
    words: list[str] = []
    for token in tokens:
        if words and token in _CLITIC_SPELLINGS:
            words[-1] += token
        else:
            words.append(token)
    return words


@cache
def _title_tokens(title: str | None) -> tuple[str, ...]:
    return tuple(token.lower() for token in word_tokens(title)) if title else ()


def terms(
    tokens: Sequence[str], *, title: str | None = None
) -> list[tuple[str, str, bool]]:
    """Turn tokens into ``(token, term, is_content)`` triples.

    The term is the lower-cased token, except that a capitalised mention of the film's `title`
    becomes one term spelled like the title (multi-word titles are joined into one token).
    Content words contain a letter and are not stopwords; title mentions always are.

    >>> terms(["Her", "moved", "her", "."], title="Her")
    [('Her', 'Her', True), ('moved', 'moved', True), ('her', 'her', False), ('.', '.', False)]
    """
    title_folded = list(_title_tokens(title))
    span = len(title_folded)
    result = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if span and token[:1].isupper() and token.lower() == title_folded[0]:
            window = tokens[index : index + span]
            if [t.lower() for t in window] == title_folded:
                result.append((" ".join(window), title, True))
                index += span
                continue
        result.append((token, *_term(token)))
        index += 1
    return result


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _term(token: str) -> tuple[str, bool]:
    """A token's term and whether it is a content word (the title aside)."""
    term = token.lower()
    return term, is_word(token) and term not in stopwords()


@checks(text=str)
def content_terms(text: str, *, title: str | None = None) -> list[str]:
    """The content-word terms of `text`, in order (see :func:`terms`)."""
    return [term for _, term, is_content in terms(word_tokens(text), title=title) if is_content]


@cache
def _title_finder(title: str | None) -> Callable[[str], re.Match | None] | None:
    """Finds text that may hold the title: its tokens in order, with only spaces between (None
    for no title)."""
    if not (title and _title_tokens(title)):
        return None
    return re.compile(r"[\s_]*".join(re.escape(token) for token in _title_tokens(title)), re.IGNORECASE).search


def word_counts(sentence_text: str, found: Sequence[str], *, title: str | None = None) -> tuple[int, int]:
    """Word tokens and content-word tokens of a sentence, `found` being its :func:`word_tokens`,
    counted as the token table's ``is_word`` and ``is_content`` columns count them (a mention of a
    multi-word title is one token; see :func:`token_columns`).

    >>> word_counts("Salt Meridian is slow, 2 hours.", ["Salt", "Meridian", "is", "slow", ",", "2", "hours", "."], title="Salt Meridian")
    (4, 3)
    """
    may_name_title = _title_finder(title)
    if may_name_title is not None and may_name_title(sentence_text):
        triples = terms(found, title=title)
        return sum(is_word(token) for token, _, _ in triples), sum(is_content for _, _, is_content in triples)
    kinds = remembered(_kind_of_token, found, _kinds_of_tokens)
    return len(kinds) - kinds.count(_NOT_A_WORD), kinds.count(_CONTENT_WORD)


# What a token counts as (the title aside): every token of every body sentence is counted.
_NOT_A_WORD, _WORD, _CONTENT_WORD = 0, 1, 2
_kinds_of_tokens: dict[str, int] = {}


def _kind_of_token(token: str) -> int:
    return _CONTENT_WORD if _term(token)[1] else _WORD if is_word(token) else _NOT_A_WORD


def token_columns(
    sentences: Iterable[tuple[str, int, str, list[str]]], *, title: str | None = None
) -> dict[str, np.ndarray]:
    """Tidy token columns for ``(review_id, sentence_index, sentence_text, word_tokens)`` rows.

    The last item of a row is :func:`word_tokens` of its sentence (computed by the caller, which
    may do it in worker processes). The columns hold the same tokens and terms as :func:`terms`
    gives; only a sentence that may name the title goes through the title rule, and the rest
    are looked up once per distinct token (a corpus has some 40 times fewer distinct tokens
    than tokens).

    Returns
    -------
    dict of str to numpy.ndarray
        ``review_id``, ``sentence_index``, ``token_index``, ``token``, ``term``, ``is_word``,
        ``is_content``: one entry per token, ready for :class:`pandas.DataFrame`.
    """
    import pandas as pd

    sentence_review_ids: list[str] = []
    sentence_indices: list[int] = []
    counts: list[int] = []
    tokens: list[str] = []
    # Terms of the sentences that went through the title rule, by token position.
    title_rule: dict[int, tuple[str, bool]] = {}
    may_name_title = _title_finder(title)
    for review_id, sentence_index, sentence_text, found in sentences:
        if may_name_title is not None and may_name_title(sentence_text):
            triples = terms(found, title=title)
            found = [token for token, _, _ in triples]
            title_rule.update((len(tokens) + i, (term, is_content)) for i, (_, term, is_content) in enumerate(triples))
        sentence_review_ids.append(review_id)
        sentence_indices.append(sentence_index)
        counts.append(len(found))
        tokens += found
    codes, distinct = pd.factorize(np.array(tokens, dtype=object))
    # Each distinct token one string object that its rows share: the tokens arrive as a new string
    # each (unpacked from the process that split the review), the most of a large token table.
    token_array = np.asarray(distinct, dtype=object)[codes]
    looked_up = [_term(token) for token in distinct]
    term_column = np.array([term for term, _ in looked_up], dtype=object)[codes]
    content_column = np.array([is_content for _, is_content in looked_up], dtype=bool)[codes]
    word_column = np.array([is_word(token) for token in distinct], dtype=bool)[codes]
    for position, (term, is_content) in title_rule.items():
        term_column[position], content_column[position] = term, is_content
    counts_array = np.array(counts, dtype=np.int64)
    first_token = np.repeat(np.cumsum(counts_array) - counts_array, counts_array)
    return {
        "review_id": np.repeat(np.array(sentence_review_ids, dtype=object), counts_array),
        "sentence_index": np.repeat(np.array(sentence_indices, dtype=np.int64), counts_array),
        "token_index": np.arange(len(tokens), dtype=np.int64) - first_token,
        "token": token_array,
        "term": term_column,
        "is_word": word_column,
        "is_content": content_column,
    }
