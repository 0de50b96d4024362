"""Every public function that takes a table, a text or a corpus checks it at the boundary.

Each case calls one function with one argument replaced: None and a value of the wrong type or
shape must raise the documented error (TableError for a table, TypeError for a text, a list of
texts, a corpus, a film or a review) with the exact message naming the function, the argument
and the problem; a table with the right columns and no rows (an empty text, an empty list of
texts) must give an empty result, never raise. A last test checks that no public function of
these modules that takes such an argument is missing from the cases.
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes

from analysis import (
    arcs, concordance, export, judgements, keyness, overview, passages, plots, praise, rating_parser, ratings, readers,
    review_polarity, segmentation, sentiment, signals, targets, tokenization, vocabulary,
)
from analysis.concordance import focus_words
from analysis.explore import Explorer
from analysis.corpus import SENTENCE_COLUMNS, TOKEN_COLUMNS, sentence_table, token_table
from analysis.film import film_from_manifest
from analysis.plots import corpus as corpus_plots
from analysis.plots import praise as praise_plots
from analysis.plots import ratings as rating_plots
from analysis.plots import vocabulary as vocabulary_plots
from analysis.quality import quality_report, word_flags
from analysis.tables import TableError
from analysis.vocabulary import keyness_tests, vocabulary_table

FILM = film_from_manifest({})
# What each kind of argument is given as its wrong value.
TABLE, ANY_TABLE, SERIES = "table", "any table", "series"
TEXT, TEXTS, CORPUS, FILM_ARG, ROW, REVIEW = "text", "texts", "corpus", "film", "row", "review"
WRONG = {
    TABLE: pd.DataFrame({"x": [1]}), ANY_TABLE: [{"review_id": "a"}], SERIES: [3, 1], TEXT: b"bytes",
    TEXTS: "one text", CORPUS: pd.DataFrame({"x": [1]}), FILM_ARG: {}, ROW: {"review_id": "a"}, REVIEW: "a review",
}
ERROR = {kind: TableError if kind in (TABLE, ANY_TABLE) else TypeError for kind in WRONG}


def empty(*columns):
    return pd.DataFrame(columns=list(columns))


def no_labeller(texts):
    raise AssertionError("an empty table sends nothing to the labeller")


def axes(count=1):
    return plt.subplots(1, count, squeeze=False)[1][0]


PRAISE_TABLE = empty(*praise.TABLE_COLUMNS)
EVIDENCE = empty(*praise.EVIDENCE_COLUMNS)
ARC = pd.DataFrame({"review_id": ["a"], "sentence_index": [0], "judgement": [0.5], "smoothed_judgement": [0.5]})
X_TABLE = pd.DataFrame({"review_id": ["a"], "target": ["x"], "target_kind": ["aspect"], "mentions": [1], "verdict": ["neutral"]})

# (kind, call with the argument as `value` and the Her corpus as `corpus`, the empty value and the
# shape of its result (None: a corpus, film or review is never empty, or the function refuses an
# empty one by contract), the message for None (None: None is the argument's default), the message
# for the wrong value)
CASES = [
    (TABLE, lambda value, corpus: praise.mention_scopes(value),
     empty(*targets.MENTION_COLUMNS), ('DataFrame', 0),
     'mention_scopes: mentions must be a table (pandas DataFrame) with the columns review_id, sentence_index, sentence, target, target_kind, matched_text, rule, start; got NoneType',
     'mention_scopes: mentions lacks the column(s) review_id, sentence_index, sentence, target, target_kind, matched_text, rule, start (it has x)'),
    (TABLE, lambda value, corpus: praise.judge_mentions(value, labeller=no_labeller),
     empty(*targets.MENTION_COLUMNS), ('DataFrame', 0),
     'judge_mentions: mentions must be a table (pandas DataFrame) with the columns review_id, sentence_index, sentence, target, target_kind, matched_text, rule, start; got NoneType',
     'judge_mentions: mentions lacks the column(s) review_id, sentence_index, sentence, target, target_kind, matched_text, rule, start (it has x)'),
    (TABLE, lambda value, corpus: praise.praise_table(value),
     EVIDENCE, ('DataFrame', 0),
     'praise_table: evidence must be a table (pandas DataFrame) with the columns review_id, target, target_kind, label; got NoneType',
     'praise_table: evidence lacks the column(s) review_id, target, target_kind, label (it has x)'),
    (TABLE, lambda value, corpus: praise.consensus(value, ["a"]),
     PRAISE_TABLE, ('DataFrame', 0),
     'consensus: table must be a table (pandas DataFrame) with the columns review_id, target, target_kind, net_judgement, verdict; got NoneType',
     'consensus: table lacks the column(s) review_id, target, target_kind, net_judgement, verdict (it has x)'),
    (TABLE, lambda value, corpus: praise.strongest_evidence(value),
     EVIDENCE, ('DataFrame', 0),
     'strongest_evidence: evidence must be a table (pandas DataFrame) with the columns review_id, target, sentence_index, label, praise_probability; got NoneType',
     'strongest_evidence: evidence lacks the column(s) review_id, target, sentence_index, label, praise_probability (it has x)'),
    (TABLE, lambda value, corpus: praise.most_mentioned(value),
     PRAISE_TABLE, ('list', 0),
     'most_mentioned: table must be a table (pandas DataFrame) with the columns target, target_kind, mentions; got NoneType',
     'most_mentioned: table lacks the column(s) target, target_kind, mentions (it has x)'),
    (CORPUS, lambda value, corpus: praise.praise_analysis(value),
     None, None,
     'praise_analysis: corpus must be a Corpus (from load_corpus), got NoneType',
     'praise_analysis: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (FILM_ARG, lambda value, corpus: targets.target_inventory(value),
     None, None,
     'target_inventory: film must be a Film (from film_from_manifest), got NoneType',
     'target_inventory: film must be a Film (from film_from_manifest), got dict'),
    (TABLE, lambda value, corpus: targets.find_mentions(value, FILM),
     empty("review_id", "sentence_index", "text"), ('DataFrame', 0),
     'find_mentions: sentences must be a table (pandas DataFrame) with the columns review_id, sentence_index, text; got NoneType',
     'find_mentions: sentences lacks the column(s) review_id, sentence_index, text (it has x)'),
    (CORPUS, lambda value, corpus: ratings.explicit_rating_table(value),
     None, None,
     'explicit_rating_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'explicit_rating_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TABLE, lambda value, corpus: ratings.overall_explicit_ratings(value),
     empty(*ratings.EXPLICIT_COLUMNS), ('DataFrame', 0),
     'overall_explicit_ratings: explicit must be a table (pandas DataFrame) with the columns review_id, segment, start, role; got NoneType',
     'overall_explicit_ratings: explicit lacks the column(s) review_id, segment, start, role (it has x)'),
    (CORPUS, lambda value, corpus: ratings.inferred_ratings(value),
     None, None,
     'inferred_ratings: corpus must be a Corpus (from load_corpus), got NoneType',
     'inferred_ratings: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: ratings.rating_evidence(value),
     None, None,
     'rating_evidence: corpus must be a Corpus (from load_corpus), got NoneType',
     'rating_evidence: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: ratings.review_signals(value),
     None, None,
     'review_signals: corpus must be a Corpus (from load_corpus), got NoneType',
     'review_signals: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: ratings.rating_comparison(value),
     None, None,
     'rating_comparison: corpus must be a Corpus (from load_corpus), got NoneType',
     'rating_comparison: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: arcs.sentiment_arc(value),
     None, None,
     'sentiment_arc: corpus must be a Corpus (from load_corpus), got NoneType',
     'sentiment_arc: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TABLE, lambda value, corpus: arcs.arc_turns(value),
     empty("review_id", "sentence_index", "position", "text", "judgement", "smoothed_judgement"), ('DataFrame', 0),
     'arc_turns: arc must be a table (pandas DataFrame) with the columns review_id, sentence_index, position, text, judgement, smoothed_judgement; got NoneType',
     'arc_turns: arc lacks the column(s) review_id, sentence_index, position, text, judgement, smoothed_judgement (it has x)'),
    (CORPUS, lambda value, corpus: readers.reader_response(value),
     None, None,
     'reader_response: corpus must be a Corpus (from load_corpus), got NoneType',
     'reader_response: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TABLE, lambda value, corpus: readers.reader_response_summary(value, review_ids=["a"]),
     empty("review_id", "label", "evaluative_probability", "praise_probability"), ('DataFrame', 1),
     'reader_response_summary: response must be a table (pandas DataFrame) with the columns review_id, label, evaluative_probability, praise_probability; got NoneType',
     'reader_response_summary: response lacks the column(s) review_id, label, evaluative_probability, praise_probability (it has x)'),
    (TEXT, lambda value, corpus: signals.head_polarity(value),
     "", 1,
     'head_polarity: word must be a str, got NoneType',
     'head_polarity: word must be a str, got bytes'),
    (TEXT, lambda value, corpus: signals.judgement_cues(value),
     "", ('list', 0),
     'judgement_cues: text must be a str, got NoneType',
     'judgement_cues: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: signals.sentence_signals(value),
     "", ('list', 0),
     'sentence_signals: sentence must be a str, got NoneType',
     'sentence_signals: sentence must be a str, got bytes'),
    (TABLE, lambda value, corpus: signals.find_signals(value),
     empty("review_id", "sentence_index", "text"), ('DataFrame', 0),
     'find_signals: sentences must be a table (pandas DataFrame) with the columns review_id, sentence_index, text; got NoneType',
     'find_signals: sentences lacks the column(s) review_id, sentence_index, text (it has x)'),
    (TEXT, lambda value, corpus: signals.text_signals(value),
     "", ('DataFrame', 0),
     'text_signals: text must be a str, got NoneType',
     'text_signals: text must be a str, got bytes'),
    (TABLE, lambda value, corpus: signals.signal_summary(value),
     empty("review_id", "kind", "weight"), ('DataFrame', 0),
     'signal_summary: signals must be a table (pandas DataFrame) with the columns review_id, kind, weight; got NoneType',
     'signal_summary: signals lacks the column(s) review_id, kind, weight (it has x)'),
    (TEXT, lambda value, corpus: signals.reservation_cue(value),
     "", None,
     'reservation_cue: scope must be a str, got NoneType',
     'reservation_cue: scope must be a str, got bytes'),
    (TEXT, lambda value, corpus: signals.mention_verdict(value, "evaluative", "praise", 0.9),
     "", ('tuple', 3),
     'mention_verdict: scope must be a str, got NoneType',
     'mention_verdict: scope must be a str, got bytes'),
    (CORPUS, lambda value, corpus: overview.segment_table(value),
     None, None,
     'segment_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'segment_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: overview.review_lengths(value),
     None, None,
     'review_lengths: corpus must be a Corpus (from load_corpus), got NoneType',
     'review_lengths: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: overview.comment_table(value),
     None, None,
     'comment_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'comment_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (REVIEW, lambda value, corpus: overview.review_metadata(value),
     None, None,
     "review_metadata: review must be a Review (from a Corpus's reviews), got NoneType",
     "review_metadata: review must be a Review (from a Corpus's reviews), got str"),
    (CORPUS, lambda value, corpus: overview.review_table(value),
     None, None,
     'review_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'review_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: sentence_table(value),
     None, None,
     'sentence_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'sentence_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: token_table(value),
     None, None,
     'token_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'token_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: vocabulary_table(value),
     None, None,
     'vocabulary_table: corpus must be a Corpus (from load_corpus), got NoneType',
     'vocabulary_table: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TEXTS, lambda value, corpus: review_polarity.review_sentence_margins(value),
     [], ('list', 0),
     'review_sentence_margins: texts must be a sequence of str, got NoneType',
     "review_sentence_margins: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: review_polarity.score_reviews(value),
     [], ('DataFrame', 0),
     'score_reviews: texts must be a sequence of str, got NoneType',
     "score_reviews: texts must be a sequence of str, not one str: 'one text'"),
    (TEXT, lambda value, corpus: review_polarity.review_evidence(value),
     "", ('DataFrame', 0),
     'review_evidence: text must be a str, got NoneType',
     'review_evidence: text must be a str, got bytes'),
    (TEXTS, lambda value, corpus: judgements.judge_sentences(value),
     [], ('DataFrame', 0),
     'judge_sentences: texts must be a sequence of str, got NoneType',
     "judge_sentences: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: judgements.encoded_margins(value),
     [], ('tuple', 2),
     'encoded_margins: texts must be a sequence of str, got NoneType',
     "encoded_margins: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: sentiment.vader_scores(value),
     [], ('DataFrame', 0),
     'vader_scores: texts must be a sequence of str, got NoneType',
     "vader_scores: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: sentiment.label_sentences(value),
     [], ('DataFrame', 0),
     'label_sentences: texts must be a sequence of str, got NoneType',
     "label_sentences: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: sentiment.sentence_probabilities(value),
     [], ('DataFrame', 0),
     'sentence_probabilities: texts must be a sequence of str, got NoneType',
     "sentence_probabilities: texts must be a sequence of str, not one str: 'one text'"),
    (CORPUS, lambda value, corpus: passages.raw_concordance(value, "love"),
     None, None,
     'raw_concordance: corpus must be a Corpus (from load_corpus), got NoneType',
     'raw_concordance: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TEXT, lambda value, corpus: passages.raw_concordance(corpus, value),
     None, None,
     'raw_concordance: word must be a str, got NoneType',
     'raw_concordance: word must be a str, got bytes'),
    (TABLE, lambda value, corpus: passages.sort_concordance(value, by="left"),
     empty(*passages.CONCORDANCE_COLUMNS), ('DataFrame', 0),
     'sort_concordance: lines must be a table (pandas DataFrame) with the columns left, right; got NoneType',
     'sort_concordance: lines lacks the column(s) left, right (it has x)'),
    (TABLE, lambda value, corpus: passages.hit_counts(value, corpus),
     empty(*passages.CONCORDANCE_COLUMNS), ('DataFrame', 5),
     'hit_counts: lines must be a table (pandas DataFrame) with the columns review_id; got NoneType',
     'hit_counts: lines lacks the column(s) review_id (it has x)'),
    (ROW, lambda value, corpus: passages.paragraph_html(corpus, value),
     None, None,
     'paragraph_html: line must be a row of raw_concordance (pandas Series), got NoneType',
     'paragraph_html: line must be a row of raw_concordance (pandas Series), got dict'),
    (TABLE, lambda value, corpus: passages.kwic_html(value),
     empty(*passages.CONCORDANCE_COLUMNS), 'str',
     'kwic_html: lines must be a table (pandas DataFrame) with the columns critic, left, keyword, right; got NoneType',
     'kwic_html: lines lacks the column(s) critic, left, keyword, right (it has x)'),
    (TABLE, lambda value, corpus: passages.target_verdicts(X_TABLE, value, "x", review_ids=["a"]),
     EVIDENCE, ('DataFrame', 0),
     'target_verdicts: evidence must be a table (pandas DataFrame) with the columns review_id, target, sentence_index, sentence, scope, matched_text, label, label_source, rule, praise_probability; got NoneType',
     'target_verdicts: evidence lacks the column(s) review_id, target, sentence_index, sentence, scope, matched_text, label, label_source, rule, praise_probability (it has x)'),
    (TABLE, lambda value, corpus: passages.reader_html(corpus, corpus.review_ids[0], mentions=value, explicit=empty(*ratings.EXPLICIT_COLUMNS)),
     empty(*targets.MENTION_COLUMNS), 'str',
     'reader_html: mentions must be a table (pandas DataFrame) with the columns review_id, sentence_index, target, start, end; got NoneType',
     'reader_html: mentions lacks the column(s) review_id, sentence_index, target, start, end (it has x)'),
    (TABLE, lambda value, corpus: corpus_plots.plot_segment_composition(value, ax=axes()[0]),
     empty("review_id", "label", "words"), 'Axes',
     'plot_segment_composition: segments must be a table (pandas DataFrame) with the columns review_id, label; got NoneType',
     'plot_segment_composition: segments lacks the column(s) review_id, label (it has x)'),
    (TABLE, lambda value, corpus: praise_plots.judged_balance(value),
     PRAISE_TABLE, ('Series', 0),
     'judged_balance: table must be a table (pandas DataFrame) with the columns praise, criticism; got NoneType',
     'judged_balance: table lacks the column(s) praise, criticism (it has x)'),
    (TABLE, lambda value, corpus: praise_plots.plot_praise_heatmap(value, ax=axes()[0]),
     PRAISE_TABLE, 'Axes',
     'plot_praise_heatmap: table must be a table (pandas DataFrame) with the columns review_id, target, target_kind, mentions, praise, criticism; got NoneType',
     'plot_praise_heatmap: table lacks the column(s) review_id, target, target_kind, mentions, praise, criticism (it has x)'),
    (TABLE, lambda value, corpus: praise_plots.plot_dissent(value, ax=axes()[0]),
     PRAISE_TABLE, 'Axes',
     'plot_dissent: table must be a table (pandas DataFrame) with the columns review_id, target, target_kind, mentions, verdict; got NoneType',
     'plot_dissent: table lacks the column(s) review_id, target, target_kind, mentions, verdict (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_explicit_vs_inferred(value, ax=axes()[0]),
     empty("review_id", "inferred_stars", "explicit_stars", "explicit_text"), 'Axes',
     'plot_explicit_vs_inferred: comparison must be a table (pandas DataFrame) with the columns review_id, inferred_stars, explicit_stars, explicit_text; got NoneType',
     'plot_explicit_vs_inferred: comparison lacks the column(s) review_id, inferred_stars, explicit_stars, explicit_text (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_signals_by_kind(value, ax=axes()[0]),
     empty("review_id", "kind", "weight"), 'Axes',
     'plot_signals_by_kind: signals must be a table (pandas DataFrame) with the columns review_id, kind, weight; got NoneType',
     'plot_signals_by_kind: signals lacks the column(s) review_id, kind, weight (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_sentiment_arc(value, review_id="a", ax=axes()[0]),
     None, None,
     'plot_sentiment_arc: arc must be a table (pandas DataFrame) with the columns review_id, sentence_index, judgement, smoothed_judgement; got NoneType',
     'plot_sentiment_arc: arc lacks the column(s) review_id, sentence_index, judgement, smoothed_judgement (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_sentiment_arcs(value, axes=axes(2)),
     empty(*rating_plots.ARC_COLUMNS), ('list', 2),
     'plot_sentiment_arcs: arc must be a table (pandas DataFrame) with the columns review_id, sentence_index, judgement, smoothed_judgement; got NoneType',
     'plot_sentiment_arcs: arc lacks the column(s) review_id, sentence_index, judgement, smoothed_judgement (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_diversity_by_length(value, ax=axes()[0]),
     empty("review_id", "tokens", "ttr", "mattr", "mattr_window"), 'Axes',
     'plot_diversity_by_length: measures must be a table (pandas DataFrame) with the columns review_id, tokens, ttr, mattr, mattr_window; got NoneType',
     'plot_diversity_by_length: measures lacks the column(s) review_id, tokens, ttr, mattr, mattr_window (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_mtld_by_length(value, ax=axes()[0]),
     empty("review_id", "tokens", "mtld", "mtld_threshold"), 'Axes',
     'plot_mtld_by_length: measures must be a table (pandas DataFrame) with the columns review_id, tokens, mtld, mtld_threshold; got NoneType',
     'plot_mtld_by_length: measures lacks the column(s) review_id, tokens, mtld, mtld_threshold (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_vocabulary_spread(value, ax=axes()[0]),
     empty("reviews"), 'Axes',
     'plot_vocabulary_spread: spread must be a table (pandas DataFrame) with the columns reviews; got NoneType',
     'plot_vocabulary_spread: spread lacks the column(s) reviews (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_similarity_matrix(value, ax=axes()[0]),
     empty(*vocabulary_plots.SIMILARITY_COLUMNS), 'Axes',
     'plot_similarity_matrix: similarity must be a table (pandas DataFrame) with the columns review_a, review_b, tfidf_cosine, jaccard, shared_types; got NoneType',
     'plot_similarity_matrix: similarity lacks the column(s) review_a, review_b, tfidf_cosine, jaccard, shared_types (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.similarity_order(value),
     empty(*vocabulary_plots.SIMILARITY_COLUMNS), ('list', 0),
     'similarity_order: similarity must be a table (pandas DataFrame) with the columns review_a, review_b, tfidf_cosine, jaccard, shared_types; got NoneType',
     'similarity_order: similarity lacks the column(s) review_a, review_b, tfidf_cosine, jaccard, shared_types (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_similarity_dendrogram(value, ax=axes()[0]),
     empty(*vocabulary_plots.SIMILARITY_COLUMNS), 'Axes',
     'plot_similarity_dendrogram: similarity must be a table (pandas DataFrame) with the columns review_a, review_b, tfidf_cosine, jaccard, shared_types; got NoneType',
     'plot_similarity_dendrogram: similarity lacks the column(s) review_a, review_b, tfidf_cosine, jaccard, shared_types (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_distinctive_terms(value, review_id="a", ax=axes()[0]),
     None, None,
     'plot_distinctive_terms: distinctive must be a table (pandas DataFrame) with the columns review_id, term, rank, significant, significant_bonferroni, g2, log_ratio, fw_z; got NoneType',
     'plot_distinctive_terms: distinctive lacks the column(s) review_id, term, rank, significant, significant_bonferroni, g2, log_ratio, fw_z (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.written_forms(value),
     empty("term", "token"), ('dict', 0),
     'written_forms: tokens must be a table (pandas DataFrame) with the columns term, token; got NoneType',
     'written_forms: tokens lacks the column(s) term, token (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_dispersion(value, ax=axes()[0]),
     empty("review_id", "term", "relative_offset"), 'Axes',
     'plot_dispersion: dispersion must be a table (pandas DataFrame) with the columns review_id, term, relative_offset; got NoneType',
     'plot_dispersion: dispersion lacks the column(s) review_id, term, relative_offset (it has x)'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_distinctive_panels(value, review_ids=["a"], axes=axes()),
     empty(*vocabulary_plots.DISTINCTIVE_COLUMNS), ('ndarray', 1),
     'plot_distinctive_panels: distinctive must be a table (pandas DataFrame) with the columns review_id, term, rank, significant, significant_bonferroni, g2, log_ratio, fw_z; got NoneType',
     'plot_distinctive_panels: distinctive lacks the column(s) review_id, term, rank, significant, significant_bonferroni, g2, log_ratio, fw_z (it has x)'),
    (TEXTS, lambda value, corpus: sentiment.decision_scores(sentiment.load_model("sentence-polarity"), value),
     [], ('ndarray', 0),
     'decision_scores: texts must be a sequence of str, got NoneType',
     "decision_scores: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: sentiment.positive_probabilities(sentiment.load_model("sentence-polarity"), value),
     [], ('ndarray', 0),
     'positive_probabilities: texts must be a sequence of str, got NoneType',
     "positive_probabilities: texts must be a sequence of str, not one str: 'one text'"),
    (TEXTS, lambda value, corpus: sentiment.ngram_praise_scores(sentiment.load_model("sentence-polarity"), value),
     [], ('ndarray', 0),
     'ngram_praise_scores: texts must be a sequence of str, got NoneType',
     "ngram_praise_scores: texts must be a sequence of str, not one str: 'one text'"),
    (TABLE, lambda value, corpus: sentiment.labels_from_probabilities([], value),
     empty("evaluative_probability", "praise_probability", "vader_compound"), ('DataFrame', 0),
     'labels_from_probabilities: probabilities must be a table (pandas DataFrame) with the columns evaluative_probability, praise_probability, vader_compound; got NoneType',
     'labels_from_probabilities: probabilities lacks the column(s) evaluative_probability, praise_probability, vader_compound (it has x)'),
    (TABLE, lambda value, corpus: keyness_tests(value),
     empty("tests"), 0,
     'keyness_tests: distinctive must be a table (pandas DataFrame) with the columns tests; got NoneType',
     'keyness_tests: distinctive lacks the column(s) tests (it has x)'),
    (FILM_ARG, lambda value, corpus: focus_words(empty("review_id", "term", "count"), empty("review_id", "term", "rank", "g2"), value),
     None, None,
     'focus_words: film must be a Film (from film_from_manifest), got NoneType',
     'focus_words: film must be a Film (from film_from_manifest), got dict'),
    (TEXT, lambda value, corpus: word_flags(value),
     "", ('list', 0),
     'word_flags: text must be a str, got NoneType',
     'word_flags: text must be a str, got bytes'),
    (ANY_TABLE, lambda value, corpus: export.with_critics(value, {}),
     empty(), ('DataFrame', 0),
     'with_critics: table must be a table (pandas DataFrame); got NoneType',
     'with_critics: table must be a table (pandas DataFrame); got list'),
    (ANY_TABLE, lambda value, corpus: export.readable(value),
     empty(), 'ShownTable',
     'readable: table must be a table (pandas DataFrame); got NoneType',
     'readable: table must be a table (pandas DataFrame); got list'),
    (ANY_TABLE, lambda value, corpus: export.to_latex(value, caption="c", label="l"),
     empty(), 'str',
     'to_latex: table must be a table (pandas DataFrame); got NoneType',
     'to_latex: table must be a table (pandas DataFrame); got list'),
    (ANY_TABLE, lambda value, corpus: plots.cluster_order(value),
     empty(), ('list', 0),
     'cluster_order: matrix must be a table (pandas DataFrame); got NoneType',
     'cluster_order: matrix must be a table (pandas DataFrame); got list'),
    (SERIES, lambda value, corpus: plots.reviews_to_show(value),
     pd.Series(dtype=int), ('list', 0),
     'reviews_to_show: sizes must be a Series of sizes indexed by review id, got NoneType',
     'reviews_to_show: sizes must be a Series of sizes indexed by review id, got list'),
    (FILM_ARG, lambda value, corpus: targets.find_mentions(empty("review_id", "sentence_index", "text"), value),
     None, None,
     'find_mentions: film must be a Film (from film_from_manifest), got NoneType',
     'find_mentions: film must be a Film (from film_from_manifest), got dict'),
    (CORPUS, lambda value, corpus: passages.hit_counts(empty(*passages.CONCORDANCE_COLUMNS), value),
     None, None,
     'hit_counts: corpus must be a Corpus (from load_corpus), got NoneType',
     'hit_counts: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: passages.paragraph_html(value, pd.Series(dtype=object)),
     None, None,
     'paragraph_html: corpus must be a Corpus (from load_corpus), got NoneType',
     'paragraph_html: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (CORPUS, lambda value, corpus: passages.reader_html(value, "a", mentions=empty(), explicit=empty()),
     None, None,
     'reader_html: corpus must be a Corpus (from load_corpus), got NoneType',
     'reader_html: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TABLE, lambda value, corpus: passages.reader_html(corpus, corpus.review_ids[0], mentions=empty(*targets.MENTION_COLUMNS), explicit=value),
     empty(*ratings.EXPLICIT_COLUMNS), 'str',
     'reader_html: explicit must be a table (pandas DataFrame) with the columns review_id, text, segment, normalised; got NoneType',
     'reader_html: explicit lacks the column(s) review_id, text, segment, normalised (it has x)'),
    (TABLE, lambda value, corpus: passages.target_verdicts(value, EVIDENCE, "x", review_ids=["a"]),
     None, None,
     'target_verdicts: table must be a table (pandas DataFrame) with the columns review_id, target, verdict, mentions; got NoneType',
     'target_verdicts: table lacks the column(s) review_id, target, verdict, mentions (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_sentiment_arc(ARC, review_id="a", turns=value, ax=axes()[0]),
     empty(*rating_plots.TURN_COLUMNS), 'Axes',
     None,
     'plot_sentiment_arc: turns lacks the column(s) review_id, point, sentence_index, smoothed_judgement (it has x)'),
    (TABLE, lambda value, corpus: rating_plots.plot_sentiment_arcs(ARC, turns=value, axes=axes()),
     empty(*rating_plots.TURN_COLUMNS), ('list', 1),
     None,
     'plot_sentiment_arcs: turns lacks the column(s) review_id, point, sentence_index, smoothed_judgement (it has x)'),
    (TEXTS, lambda value, corpus: sentiment.labels_from_probabilities(value, empty("evaluative_probability", "praise_probability", "vader_compound")),
     [], ('DataFrame', 0),
     'labels_from_probabilities: texts must be a sequence of str, got NoneType',
     "labels_from_probabilities: texts must be a sequence of str, not one str: 'one text'"),
    (TABLE, lambda value, corpus: vocabulary.term_counts(value),
     empty(*TOKEN_COLUMNS), ('DataFrame', 0),
     'term_counts: tokens must be a table (pandas DataFrame) with the columns review_id, term, is_word, is_content; got NoneType',
     'term_counts: tokens lacks the column(s) review_id, term, is_word, is_content (it has x)'),
    (TABLE, lambda value, corpus: vocabulary.vocabulary_measures(value, empty(*SENTENCE_COLUMNS)),
     empty(*TOKEN_COLUMNS), ('DataFrame', 0),
     'vocabulary_measures: tokens must be a table (pandas DataFrame) with the columns review_id, token, term, is_word, is_content; got NoneType',
     'vocabulary_measures: tokens lacks the column(s) review_id, token, term, is_word, is_content (it has x)'),
    (TABLE, lambda value, corpus: vocabulary.vocabulary_measures(empty(*TOKEN_COLUMNS), value),
     empty(*SENTENCE_COLUMNS), ('DataFrame', 0),
     'vocabulary_measures: sentences must be a table (pandas DataFrame) with the columns review_id; got NoneType',
     'vocabulary_measures: sentences lacks the column(s) review_id (it has x)'),
    (TABLE, lambda value, corpus: vocabulary.vocabulary_spread(value),
     empty("review_id", "term", "count"), ('DataFrame', 0),
     'vocabulary_spread: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'vocabulary_spread: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: vocabulary.pairwise_similarity(value),
     empty("review_id", "term", "count"), ('DataFrame', 0),
     'pairwise_similarity: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'pairwise_similarity: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: vocabulary.distinctive_terms(value),
     empty("review_id", "term", "count"), ('DataFrame', 0),
     'distinctive_terms: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'distinctive_terms: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: keyness.log_likelihood_keyness(value),
     empty("review_id", "term", "count"), ('DataFrame', 0),
     'log_likelihood_keyness: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'log_likelihood_keyness: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: keyness.fightin_words(value),
     empty("review_id", "term", "count"), ('DataFrame', 0),
     'fightin_words: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'fightin_words: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: concordance.concordance(value, "love"),
     empty(*TOKEN_COLUMNS), ('DataFrame', 0),
     'concordance: tokens must be a table (pandas DataFrame) with the columns review_id, sentence_index, token_index, token, term, is_word; got NoneType',
     'concordance: tokens lacks the column(s) review_id, sentence_index, token_index, token, term, is_word (it has x)'),
    (TABLE, lambda value, corpus: concordance.collocations(value, "love"),
     empty(*TOKEN_COLUMNS), ('DataFrame', 0),
     'collocations: tokens must be a table (pandas DataFrame) with the columns review_id, sentence_index, token_index, token, term, is_word; got NoneType',
     'collocations: tokens lacks the column(s) review_id, sentence_index, token_index, token, term, is_word (it has x)'),
    (TABLE, lambda value, corpus: concordance.dispersion_table(value, ["love"]),
     empty(*TOKEN_COLUMNS), ('DataFrame', 0),
     'dispersion_table: tokens must be a table (pandas DataFrame) with the columns review_id, sentence_index, token_index, token, term, is_word; got NoneType',
     'dispersion_table: tokens lacks the column(s) review_id, sentence_index, token_index, token, term, is_word (it has x)'),
    (TABLE, lambda value, corpus: focus_words(value, empty("review_id", "term", "rank", "g2"), FILM),
     empty("review_id", "term", "count"), ('FocusWords', 3),
     'focus_words: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'focus_words: counts lacks the column(s) review_id, term, count (it has x)'),
    (TABLE, lambda value, corpus: focus_words(empty("review_id", "term", "count"), value, FILM),
     empty("review_id", "term", "rank", "g2"), ('FocusWords', 3),
     'focus_words: distinctive must be a table (pandas DataFrame) with the columns review_id, term, rank, g2; got NoneType',
     'focus_words: distinctive lacks the column(s) review_id, term, rank, g2 (it has x)'),
    (TEXT, lambda value, corpus: concordance.concordance(empty(*TOKEN_COLUMNS), value),
     None, None,
     'concordance: word must be a str, got NoneType',
     'concordance: word must be a str, got bytes'),
    (TEXT, lambda value, corpus: concordance.collocations(empty(*TOKEN_COLUMNS), value),
     None, None,
     'collocations: word must be a str, got NoneType',
     'collocations: word must be a str, got bytes'),
    (CORPUS, lambda value, corpus: quality_report(value),
     None, None,
     'quality_report: corpus must be a Corpus (from load_corpus), got NoneType',
     'quality_report: corpus must be a Corpus (from load_corpus), got DataFrame'),
    (TABLE, lambda value, corpus: vocabulary_plots.plot_word_clouds(value, review_ids=["a"], axes=axes()),
     empty("review_id", "term", "count"), ('ndarray', 1),
     'plot_word_clouds: counts must be a table (pandas DataFrame) with the columns review_id, term, count; got NoneType',
     'plot_word_clouds: counts lacks the column(s) review_id, term, count (it has x)'),
    (TEXT, lambda value, corpus: segmentation.segment(value),
     '', ('list', 0),
     'segment: raw must be a str, got NoneType',
     'segment: raw must be a str, got bytes'),
    (TEXT, lambda value, corpus: tokenization.split_sentences(value),
     '', ('list', 0),
     'split_sentences: text must be a str, got NoneType',
     'split_sentences: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: tokenization.word_tokens(value),
     '', ('list', 0),
     'word_tokens: text must be a str, got NoneType',
     'word_tokens: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: tokenization.is_heading(value),
     '', True,
     'is_heading: sentence must be a str, got NoneType',
     'is_heading: sentence must be a str, got bytes'),
    (TEXT, lambda value, corpus: tokenization.content_terms(value),
     '', ('list', 0),
     'content_terms: text must be a str, got NoneType',
     'content_terms: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: rating_parser.parse_explicit_ratings(value),
     '', ('list', 0),
     'parse_explicit_ratings: text must be a str, got NoneType',
     'parse_explicit_ratings: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: rating_parser.parse_headline_rating(value),
     '', None,
     'parse_headline_rating: line must be a str, got NoneType',
     'parse_headline_rating: line must be a str, got bytes'),
    (TEXT, lambda value, corpus: rating_parser.rejected_ratings(value),
     '', ('list', 0),
     'rejected_ratings: text must be a str, got NoneType',
     'rejected_ratings: text must be a str, got bytes'),
    (TEXT, lambda value, corpus: rating_parser.is_rating_line(value),
     '', False,
     'is_rating_line: line must be a str, got NoneType',
     'is_rating_line: line must be a str, got bytes'),
    (CORPUS, lambda value, corpus: Explorer(value),
     None, None,
     'Explorer: corpus must be a Corpus (from load_corpus), got NoneType',
     'Explorer: corpus must be a Corpus (from load_corpus), got DataFrame'),
]


def shape(result):
    if isinstance(result, Axes):
        return "Axes"
    if isinstance(result, str):
        return "str"
    if isinstance(result, (pd.DataFrame, pd.Series, list, tuple, dict)) or hasattr(result, "shape"):
        return (type(result).__name__, len(result))
    if result is None or isinstance(result, (int, float)):
        return result
    return type(result).__name__


def case_id(case):
    """The function and argument a case checks, read from its message: "function: argument ..."."""
    function, rest = case[-1].split(": ", 1)
    return f"{function}-{rest.split()[0]}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_none_and_a_wrong_value_are_one_error_naming_function_and_argument(case, her_corpus):
    kind, call, _, _, none_message, wrong_message = case
    for value, message in ((None, none_message), (WRONG[kind], wrong_message)):
        if message is None:
            continue
        with pytest.raises(ERROR[kind]) as error:
            call(value, her_corpus)
        assert str(error.value) == message


@pytest.mark.parametrize("case", [case for case in CASES if case[2] is not None], ids=case_id)
def test_an_empty_table_or_text_gives_an_empty_result(case, her_corpus, recwarn):
    _, call, empty_value, empty_shape, _, _ = case
    assert shape(call(empty_value, her_corpus)) == empty_shape
    assert [str(warning.message) for warning in recwarn] == []


MODULES = [
    "praise", "targets", "ratings", "arcs", "readers", "signals", "overview", "review_polarity", "judgements",
    "passages", "sentiment", "vocabulary", "keyness", "concordance", "quality", "corpus", "export", "plots",
    "plots.corpus", "plots.praise", "plots.ratings", "plots.vocabulary", "segmentation", "tokenization", "rating_parser",
]
CHECKED_TYPES = {"pd.DataFrame", "pd.DataFrame | None", "pd.Series", "Corpus", "Review", "Film"}
TEXT_NAMES = {"text", "texts", "word", "sentence", "scope", "raw"}


def test_every_public_function_taking_a_table_text_or_corpus_has_a_case():
    checked = {case_id(case) for case in CASES}
    wanted = set()
    for name in MODULES:
        module = importlib.import_module(f"analysis.{name}")
        for function_name, function in vars(module).items():
            if function_name.startswith("_") or not inspect.isfunction(function) or function.__module__ != module.__name__:
                continue
            for parameter in inspect.signature(function).parameters.values():
                if parameter.annotation in CHECKED_TYPES or parameter.name in TEXT_NAMES:
                    wanted.add(f"{function_name}-{parameter.name}")
    assert wanted - checked == set()
