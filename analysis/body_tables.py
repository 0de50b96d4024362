"""A review body's sentences and tokens: split once where the review is read, tabled where needed.

:func:`split_body` splits a review's body into sentences and word tokens in the process that
reads and segments the review (a worker), and packs them small for the way back. The tidy
sentence and token tables (:func:`analysis.corpus.sentence_table`, ``token_table``) are built
from those splits by :func:`body_tables` — for a whole corpus on first use, or for a run of its
reviews where a per-review analysis processes that run (:func:`analysis.parallel.map_runs`), so
that a corpus-level result is reduced from each run's aggregates and no process builds the
tables of every review.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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


def body_tables(splits: Iterable[tuple[str, BodySplit]], *, title: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sentence and token tables of reviews given by id and body split, as
    :func:`analysis.corpus.sentence_table` and ``token_table`` give them for a whole corpus;
    `title` is the film's (a mention of it is one term).

    The tables of a run of a corpus's reviews are the rows of those reviews in the corpus's
    tables: work that reads each review alone can build them where the run is processed.
    """
    rows = list(_sentence_rows(splits, with_tokens=True))
    return _sentence_frame(rows), _token_frame(rows, title)


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
