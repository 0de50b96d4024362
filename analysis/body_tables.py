"""A review body's sentences and tokens: split once where the review is read, tabled where needed.

:func:`split_body` splits a review's body into sentences and word tokens in the process that
reads and segments the review (a worker), and packs them small for the way back. The tidy
sentence and token tables (:func:`analysis.corpus.sentence_table`, ``token_table``) are built
from those splits for a whole corpus on first use. Work on a run of reviews where a per-review
analysis processes that run (:func:`analysis.parallel.map_runs`) reads each review's tokens from
:func:`review_words` instead, the token table's rows without the table, so that a corpus-level
result is reduced from each run's aggregates and no process builds the tables of every review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.parallel import pack_words, unpack_words
from analysis.segmentation import Segment
from analysis.tokenization import split_sentences, token_columns, word_counts, word_tokens

SENTENCE_COLUMNS = ["review_id", "sentence_index", "start", "end", "text"]
TOKEN_COLUMNS = ["review_id", "sentence_index", "token_index", "token", "term", "is_word", "is_content"]
# A review body's sentences as (start, end, text, tokens, word tokens, content-word tokens), and
# all their tokens packed (None in a review's text brought back from a Dask worker).
BodySplit = tuple[tuple[tuple[int, int, str, int, int, int], ...], str | None]


def split_body(segments: tuple[Segment, ...], *, title: str | None) -> BodySplit:
    """The body sentences of a review's `segments` (start and end in the raw file, text, and how
    many tokens, word tokens and content-word tokens it has, the film's `title` counting as in
    the token table: :func:`analysis.tokenization.word_counts`) and their tokens, packed
    (:func:`analysis.parallel.pack_words`).

    Done in the same worker process that reads and segments the review, so the text crosses
    between processes once, and the sizes of a review need no token table.
    """
    sentences, tokens = [], []
    for seg in segments:
        if seg.label != "body":
            continue
        for sentence in split_sentences(seg.text):
            found = word_tokens(sentence.text)
            words, content_words = word_counts(sentence.text, found, title=title)
            sentences.append(
                (seg.start + sentence.start, seg.start + sentence.end, sentence.text, len(found), words, content_words)
            )
            tokens += found
    return tuple(sentences), pack_words(tokens)


def body_sizes(split: BodySplit) -> tuple[int, int, int]:
    """Sentences, word tokens and content-word tokens of a review body, from its split: the
    token table's counts without the table."""
    sentences = split[0]
    return len(sentences), sum(sentence[4] for sentence in sentences), sum(sentence[5] for sentence in sentences)


class ReviewWords(NamedTuple):
    """One review's rows of the token table (:func:`body_token_table`) as parallel arrays, in
    order, and how many body sentences it has."""

    review_id: str
    sentences: int
    tokens: np.ndarray
    terms: np.ndarray
    is_word: np.ndarray
    is_content: np.ndarray


def review_words(splits: Iterable[tuple[str, BodySplit]], *, title: str | None) -> list[ReviewWords]:
    """Each review's tokens as :func:`body_token_table` holds them, for the reviews with a body
    sentence, in order; `title` is the film's (a mention of it is one term). Each review is one
    item of `splits`, as in a corpus, whose review ids are distinct.

    Per-review measures and counts of a run of reviews read these: building the run's token
    table only to cut it into reviews again costs more than the measures themselves.
    """
    rows = list(_sentence_rows(splits, with_tokens=True))
    columns = token_columns(((review_id, index, text, tokens) for review_id, index, _, _, text, tokens in rows), title=title)
    review_ids = columns["review_id"]
    # Each review's tokens lie together, in the order of its sentences.
    changes = (np.flatnonzero(review_ids[1:] != review_ids[:-1]) + 1).tolist()
    starts, ends = [0, *changes], [*changes, len(review_ids)]
    spans = {review_ids[start]: (start, end) for start, end in zip(starts, ends) if start < end}
    sentence_counts = Counter(review_id for review_id, *_ in rows)
    return [
        ReviewWords(
            review_id, sentences, columns["token"][start:end], columns["term"][start:end],
            columns["is_word"][start:end], columns["is_content"][start:end],
        )
        for review_id, sentences in sentence_counts.items()
        for start, end in [spans.get(review_id, (0, 0))]
    ]


def body_sentence_table(splits: Iterable[tuple[str, BodySplit]]) -> pd.DataFrame:
    """The sentence table of reviews given by id and body split (:func:`body_tables`' first)."""
    return _sentence_frame(_sentence_rows(splits, with_tokens=False))


def body_token_table(splits: Iterable[tuple[str, BodySplit]], *, title: str | None) -> pd.DataFrame:
    """The token table of reviews given by id and body split (:func:`body_tables`' second)."""
    return _token_frame(_sentence_rows(splits, with_tokens=True), title)


def _sentence_rows(
    splits: Iterable[tuple[str, BodySplit]], *, with_tokens: bool
) -> Iterator[tuple[str, int, int, int, str, list[str] | None]]:
    """Per body sentence: review id, index, start, end, text and, `with_tokens`, its tokens
    (from the split, or tokenized again where the split left them behind)."""
    for review_id, (sentences, joined_tokens) in splits:
        tokens = unpack_words(joined_tokens) if with_tokens and joined_tokens is not None else None
        first = 0
        for index, (start, end, text, count, _, _) in enumerate(sentences):
            if not with_tokens:
                yield review_id, index, start, end, text, None
            else:
                yield review_id, index, start, end, text, word_tokens(text) if tokens is None else tokens[first : first + count]
            first += count


def _sentence_frame(rows: Iterable[tuple]) -> pd.DataFrame:
    return pd.DataFrame([row[:5] for row in rows], columns=SENTENCE_COLUMNS).astype(
        {"sentence_index": "int64", "start": "int64", "end": "int64"}
    )


def _token_frame(rows: Iterable[tuple], title: str | None) -> pd.DataFrame:
    columns = token_columns(((review_id, index, text, tokens) for review_id, index, _, _, text, tokens in rows), title=title)
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS).astype(
        {"sentence_index": "int64", "token_index": "int64", "is_word": "bool", "is_content": "bool"}
    )
