"""Words in context: keyword-in-context lines, collocations and dispersion, as tables.

* **Concordance** (:func:`concordance`): every occurrence of a term in the review bodies with
  ``width`` tokens of running text either side, located by NLTK's ``ConcordanceIndex`` over the
  review's terms, and the whole sentence as evidence. NLTK's ``Text.concordance`` only prints;
  this returns the lines.
* **Collocations** (:func:`collocations`): words that co-occur with a term within a window of
  ``window`` tokens inside one sentence, counted as NLTK's ``BigramCollocationFinder.from_words``
  counts them but only for the pairs that hold the term (:func:`collocation_counts`, which runs
  of reviews count apart and sum; a window over 2 counts non-contiguous pairs in the style of
  Church & Hanks 1990), scored by NLTK's finder and ``BigramAssocMeasures``: the log-likelihood ratio (Dunning 1993) and pointwise mutual
  information (Church & Hanks 1990). PMI overrates rare pairs, so pairs seen fewer than
  ``min_count`` times are dropped before scoring (NLTK's ``apply_freq_filter``). For windows
  over 2 NLTK divides the pair count by ``window - 1`` before scoring; both counts are columns.
* **Dispersion** (:func:`dispersion_table`): where in each review a term occurs, as a word
  offset and a fraction of the review's length, for a dispersion plot.

A query matches a term exactly (the film's title is the term ``Her``, see
:mod:`analysis.tokenization`); a query that is no term is lower-cased first, so ``Love`` finds
``love`` while ``Her`` finds the title and ``her`` the pronoun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.film import FILM, Film
from analysis.tables import check_table, checks

CONCORDANCE_WIDTH = 8
COLLOCATION_WINDOW = 5
COLLOCATION_MIN_COUNT = 2
# The token table columns these functions read (analysis.corpus.token_table).
_TOKEN_COLUMNS = ["review_id", "sentence_index", "token_index", "token", "term", "is_word"]


@checks(word=str)
def query_term(word: str, *, is_term: Callable[[str], bool]) -> str:
    """The term a query finds (see the module docstring): the query as given where `is_term`
    says the corpus has it, else lower-cased."""
    query = word.strip()
    return query if is_term(query) else query.lower()


def _query_term(tokens: pd.DataFrame, word: str, *, function: str) -> str:
    _check_query(tokens, word, function=function)
    return query_term(word, is_term=lambda query: (tokens["term"] == query).any())


def _check_query(tokens: pd.DataFrame, word: str, *, function: str) -> None:
    check_table(tokens, _TOKEN_COLUMNS, function=function, argument="tokens")
    if not word.strip():
        raise ValueError(f"{function}: word must be a non-empty string, got {word!r}")


@checks(word=str)
def concordance(
    tokens: pd.DataFrame, word: str, *, width: int = CONCORDANCE_WIDTH, review_id: str | None = None
) -> pd.DataFrame:
    """Keyword-in-context lines for `word` in every review of a token table.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (:func:`analysis.corpus.token_table`).
    word : str
        The term to look up (see the module docstring for case).
    width : int
        Tokens of context on each side.
    review_id : str, optional
        Only this review's lines (default: every review).

    Returns
    -------
    pandas.DataFrame
        One row per occurrence in text order: ``review_id``, ``sentence_index``,
        ``token_index`` (within the sentence), ``left``, ``keyword`` (as written), ``right``,
        ``sentence`` (the sentence's tokens joined by spaces).
    """
    from nltk.text import ConcordanceIndex

    term = _query_term(tokens, word, function="concordance")
    if review_id is not None:
        tokens = tokens[tokens["review_id"] == review_id]
    rows = []
    for review_id, own in tokens.groupby("review_id", sort=True):
        written = own["token"].tolist()
        index = ConcordanceIndex(own["term"].tolist())
        sentence_of = own["sentence_index"].tolist()
        position_in_sentence = own["token_index"].tolist()
        for offset in index.offsets(term):
            sentence = sentence_of[offset]
            rows.append(
                {
                    "review_id": review_id,
                    "sentence_index": sentence,
                    "token_index": position_in_sentence[offset],
                    "left": " ".join(written[max(0, offset - width) : offset]),
                    "keyword": written[offset],
                    "right": " ".join(written[offset + 1 : offset + 1 + width]),
                    "sentence": " ".join(own.loc[own["sentence_index"] == sentence, "token"]),
                }
            )
    columns = ["review_id", "sentence_index", "token_index", "left", "keyword", "right", "sentence"]
    return pd.DataFrame(rows, columns=columns)


@checks(word=str)
def collocations(
    tokens: pd.DataFrame,
    word: str,
    *,
    window: int = COLLOCATION_WINDOW,
    min_count: int = COLLOCATION_MIN_COUNT,
    content_only: bool = True,
) -> pd.DataFrame:
    """Collocates of `word` across the reviews, with log-likelihood and PMI.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (:func:`analysis.corpus.token_table`).
    word : str
        The node term.
    window : int
        Window size in tokens, the node included (2 = adjacent words only).
    min_count : int
        Minimum raw count of a pair in the window.
    content_only : bool
        Count content words only (stopwords and punctuation dropped before windowing).

    Returns
    -------
    pandas.DataFrame
        One row per (first, second) pair containing the node: ``first``, ``second``,
        ``collocate``, ``position`` (``after`` / ``before`` the node), ``pair_count``,
        ``pair_count_scaled`` (pair count / (window - 1), what NLTK scores), ``count_first``,
        ``count_second``, ``words``, ``likelihood_ratio``, ``pmi``; ranked by likelihood ratio,
        then first and second term.
    """
    _check_window(window, min_count)
    _check_query(tokens, word, function="collocations")
    counts = collocation_counts(tokens, word, window=window, content_only=content_only)
    return collocation_table(counts, word, window=window, min_count=min_count)


class CollocationCounts(NamedTuple):
    """What :func:`collocation_table` scores, counted from a token table (summed over tables
    of other reviews by :func:`summed_collocation_counts`)."""

    words: Counter
    """Each kept word's count."""
    pairs: Counter
    """Each (first, second) pair within a window that holds a node term."""
    present: frozenset[str]
    """The node terms that occur among all the table's terms."""


def summed_collocation_counts(parts: Iterable[CollocationCounts]) -> CollocationCounts:
    """The :func:`collocation_counts` of several token tables, as those of the tables joined."""
    words, pairs, present = Counter(), Counter(), frozenset()
    for part in parts:
        words.update(part.words)
        pairs.update(part.pairs)
        present |= part.present
    return CollocationCounts(words, pairs, present)


@checks(word=str)
def collocation_counts(tokens: pd.DataFrame, word: str, *, window: int, content_only: bool = True) -> CollocationCounts:
    """The counts :func:`collocations` scores for `word`, from one token table.

    Words are counted as NLTK's ``BigramCollocationFinder.from_words`` counts them over the
    sentences' words with a gap of ``window - 1`` between sentences, but of the pairs only
    those holding a node term: `word` as given or lower-cased, as the whole corpus decides
    (:func:`collocation_table`). Counting every pair of a large corpus would hold tens of
    millions of them to keep a few.
    """
    _check_query(tokens, word, function="collocation_counts")
    nodes = {word.strip(), word.strip().lower()}
    kept = tokens[(tokens["is_content"] if content_only else tokens["is_word"]).astype(bool)]
    # Each sentence's words together and in order, sentences in any order: no window crosses
    # one. A row without a review or sentence (-1) is in none, as NLTK's grouping drops it.
    sentence = kept.groupby(["review_id", "sentence_index"], sort=False).ngroup().to_numpy()
    order = np.argsort(sentence, kind="stable")
    order = order[sentence[order] >= 0]
    sentence, terms = sentence[order], kept["term"].to_numpy(dtype=object)[order]
    is_node = np.isin(terms, list(nodes))
    pairs: Counter = Counter()
    for distance in range(1, window):
        inside = (sentence[:-distance] == sentence[distance:]) & (is_node[:-distance] | is_node[distance:])
        pairs.update(zip(terms[:-distance][inside].tolist(), terms[distance:][inside].tolist()))
    present = frozenset(term for term in nodes if (tokens["term"] == term).any())
    return CollocationCounts(Counter(terms.tolist()), pairs, present)


@checks(word=str)
def collocation_table(counts: CollocationCounts, word: str, *, window: int, min_count: int) -> pd.DataFrame:
    """:func:`collocations` from the counts of one or more token tables
    (:func:`collocation_counts`), scored by NLTK's finder as if it had counted them itself."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    _check_window(window, min_count)
    term = query_term(word, is_term=counts.present.__contains__)
    finder = BigramCollocationFinder(FreqDist(counts.words), FreqDist(counts.pairs), window_size=window)
    finder.apply_freq_filter(min_count)
    finder.apply_ngram_filter(lambda first, second: term not in (first, second))
    measures = BigramAssocMeasures()
    rows = []
    for (first, second), pair_count in finder.ngram_fd.items():
        rows.append(
            {
                "first": first,
                "second": second,
                "collocate": second if first == term else first,
                "position": "after" if first == term else "before",
                "pair_count": pair_count,
                "pair_count_scaled": pair_count / (window - 1),
                "count_first": finder.word_fd[first],
                "count_second": finder.word_fd[second],
                "words": finder.N,
                "likelihood_ratio": finder.score_ngram(measures.likelihood_ratio, first, second),
                "pmi": finder.score_ngram(measures.pmi, first, second),
            }
        )
    columns = ["first", "second", "collocate", "position", "pair_count", "pair_count_scaled",
               "count_first", "count_second", "words", "likelihood_ratio", "pmi"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["likelihood_ratio", "first", "second"], ascending=[False, True, True], kind="mergesort"
    ).reset_index(drop=True)


def _check_window(window: int, min_count: int) -> None:
    if window < 2:
        raise ValueError(f"window must be at least 2 tokens, got {window!r}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count!r}")


def dispersion_table(tokens: pd.DataFrame, words: list[str]) -> pd.DataFrame:
    """Where each of `words` occurs in each review, as word offsets.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (:func:`analysis.corpus.token_table`).
    words : list of str
        The terms to locate.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, in the order of `words`, then review, then position:
        ``review_id``, ``term``, ``word_offset`` (0-based among the
        review's word tokens), ``review_words``, ``relative_offset`` (offset / review_words),
        ``sentence_index``. Reviews without any occurrence have no rows; their ids are
        ``tokens["review_id"].unique()``.
    """
    check_table(tokens, _TOKEN_COLUMNS, function="dispersion_table", argument="tokens")
    return term_dispersion(tokens, [_query_term(tokens, word, function="dispersion_table") for word in words])


def term_dispersion(tokens: pd.DataFrame, queries: list[str]) -> pd.DataFrame:
    """:func:`dispersion_table` of terms taken as they are, not looked up as queries: for terms a
    larger corpus than `tokens` decided (:func:`analysis.vocabulary.corpus_dispersion`)."""
    check_table(tokens, _TOKEN_COLUMNS, function="term_dispersion", argument="tokens")
    word_tokens = tokens[tokens["is_word"].astype(bool)].copy()
    word_tokens["word_offset"] = word_tokens.groupby("review_id").cumcount()
    word_tokens["review_words"] = word_tokens.groupby("review_id")["term"].transform("size")
    hits = word_tokens[word_tokens["term"].isin(queries)].copy()
    hits["relative_offset"] = hits["word_offset"] / hits["review_words"]
    hits["query_order"] = hits["term"].map({term: order for order, term in enumerate(queries)})
    hits = hits.sort_values(["query_order", "review_id", "word_offset"], kind="mergesort")
    columns = ["review_id", "term", "word_offset", "review_words", "relative_offset", "sentence_index"]
    return hits[columns].reset_index(drop=True)


class FocusWords(NamedTuple):
    """The words a study reads in context, chosen from the data (see :func:`focus_words`)."""

    keywords: list[tuple[str, str | None]]
    collocates: list[str]
    dispersion: list[str]


@checks(counts=["review_id", "term", "count"], distinctive=["review_id", "term", "rank", "g2"], film=FILM)
def focus_words(counts: pd.DataFrame, distinctive: pd.DataFrame, film: Film, *, words: int = 5) -> FocusWords:
    """Which words to follow in context, chosen by stated rules so any film's corpus gets its own.

    * ``keywords``: the two reviews' strongest keywords, ``(term, review_id)``, each review's
      top G² term, strongest first (:func:`analysis.vocabulary.distinctive_terms`); where fewer
      than two reviews have one (a one-review corpus), the theme word stands in with no review.
    * ``collocates``: the theme word — the most frequent content word that the most reviews
      share, apart from the title and the credited names — and the lead character, the first in
      alphabetical order of the two most frequent character names (the next shared word when the
      manifest names no character).
    * ``dispersion``: the title (when the reviews use it), the two most frequent character names
      (alphabetical), the theme word and the most frequent actor's name, filled up to `words`
      with the next most shared words.

    Ties in frequency go to the alphabetically first term.

    Parameters
    ----------
    counts : pandas.DataFrame
        Content-word counts (:func:`analysis.vocabulary.term_counts`).
    distinctive : pandas.DataFrame
        :func:`analysis.vocabulary.distinctive_terms`.
    film : analysis.film.Film
    """
    totals = counts.groupby("term", sort=True).agg(reviews=("review_id", "nunique"), count=("count", "sum")).reset_index()
    ranked = totals.sort_values(["reviews", "count", "term"], ascending=[False, False, True], kind="mergesort")
    by_count = totals.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
    character_words = {word.lower() for person in film.people for character in person.characters for word in character.split()}
    actor_words = {
        word.lower() for person in film.people if "actor" in person.roles for word in person.name.split()
    } - character_words
    name_words = {word.lower() for person in film.people for word in person.name.split()} | character_words
    title = film.title if film.title in set(totals["term"]) else None
    shared = [term for term in ranked["term"] if term != film.title and term.lower() not in name_words]
    theme = shared[:1]
    characters = sorted([term for term in by_count["term"] if term in character_words][:2])
    actor = [term for term in by_count["term"] if term in actor_words][:1]
    strongest = distinctive[distinctive["rank"] == 1].sort_values(
        ["g2", "review_id"], ascending=[False, True], kind="mergesort"
    )
    keywords: list[tuple[str, str | None]] = list(zip(strongest["term"], strongest["review_id"]))[:2]
    keywords += [(term, None) for term in shared[: 2 - len(keywords)]]
    collocates = (theme + characters[:1] + [term for term in shared[1:] if term not in theme])[:2]
    chosen = [*([title] if title else []), *characters, *theme, *actor]
    dispersion = (chosen + [term for term in shared if term not in chosen])[:words]
    return FocusWords(keywords, collocates, dispersion)
