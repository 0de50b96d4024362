"""A table argument of the wrong shape is one error naming the function, the argument and the gap."""

import pandas as pd
import pytest

from analysis.concordance import collocations, concordance, dispersion_table, focus_words
from analysis.film import film_from_manifest
from analysis.keyness import fightin_words, log_likelihood_keyness
from analysis.overview import segment_table
from analysis.quality import quality_report
from analysis.tables import TableError
from analysis.vocabulary import distinctive_terms, pairwise_similarity, term_counts, vocabulary_spread
from analysis.vocabulary_measures import vocabulary_measures

NO_TERM = pd.DataFrame({"review_id": ["a"], "count": [1]})
COUNTS = "the columns review_id, term, count"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: term_counts(None), "term_counts: tokens must be a table (pandas DataFrame) with the columns "
                                    "review_id, term, is_word, is_content; got NoneType"),
        (lambda: term_counts(NO_TERM), "term_counts: tokens lacks the column(s) term, is_word, is_content (it has review_id, count)"),
        (lambda: vocabulary_measures([], None), "vocabulary_measures: tokens must be a table (pandas DataFrame) with the "
                                                "columns review_id, token, term, is_word, is_content; got list"),
        (lambda: vocabulary_spread(NO_TERM), "vocabulary_spread: counts lacks the column(s) term (it has review_id, count)"),
        (lambda: pairwise_similarity(None), f"pairwise_similarity: counts must be a table (pandas DataFrame) with {COUNTS}; got NoneType"),
        (lambda: distinctive_terms(NO_TERM), "distinctive_terms: counts lacks the column(s) term (it has review_id, count)"),
        (lambda: log_likelihood_keyness(pd.DataFrame()), "log_likelihood_keyness: counts lacks the column(s) review_id, term, count (it has none)"),
        (lambda: fightin_words(None), f"fightin_words: counts must be a table (pandas DataFrame) with {COUNTS}; got NoneType"),
        (lambda: concordance(NO_TERM, "love"), "concordance: tokens lacks the column(s) sentence_index, token_index, token, "
                                               "term, is_word (it has review_id, count)"),
        (lambda: collocations(None, "love"), "collocations: tokens must be a table (pandas DataFrame) with the columns "
                                             "review_id, sentence_index, token_index, token, term, is_word; got NoneType"),
        (lambda: dispersion_table(None, []), "dispersion_table: tokens must be a table (pandas DataFrame) with the columns "
                                             "review_id, sentence_index, token_index, token, term, is_word; got NoneType"),
        (lambda: focus_words(NO_TERM, NO_TERM, film_from_manifest({})), "focus_words: counts lacks the column(s) term (it has review_id, count)"),
    ],
)
def test_a_table_of_the_wrong_shape_is_named(call, message):
    with pytest.raises(TableError) as error:
        call()
    assert str(error.value) == message


@pytest.mark.parametrize("table", [segment_table, quality_report])
def test_a_corpus_table_needs_a_corpus(table):
    with pytest.raises(TypeError) as error:
        table(None)
    assert str(error.value) == f"{table.__name__}: corpus must be a Corpus (from load_corpus), got NoneType"
