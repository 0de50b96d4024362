"""Per-review work gives the same tables in worker processes as in one process."""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import parallel
from analysis.corpus import load_corpus, token_table
from analysis.overview import segment_table
from analysis.paths import WORKERS_ENV_VAR
from analysis.praise import praise_analysis
from analysis.quality import quality_report
from analysis.targets import find_mentions
from analysis.keyness_counts import one_vs_rest_counts
from analysis.concordance import collocations, dispersion_table
from analysis.vocabulary import (
    KEYNESS_MIN_COUNT, corpus_collocations, corpus_dispersion, corpus_distinctive_terms, corpus_term_counts,
    distinctive_terms, term_counts, vocabulary_aggregates,
)
from analysis.vocabulary_measures import vocabulary_measures

EIGHT_REVIEWS = "tests/data/corpora/eight-reviews"


def _child_pid(_item):
    return os.getpid()


def test_ordered_map_keeps_the_order_of_the_items(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    items = list(range(-150, 150))
    assert parallel.ordered_map(abs, items) == [abs(item) for item in items]


def test_enough_items_run_in_other_processes_and_a_few_stay_here(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    many = parallel.ordered_map(_child_pid, range(2 * parallel.MIN_ITEMS_PER_WORKER))
    few = parallel.ordered_map(_child_pid, range(2 * parallel.MIN_ITEMS_PER_WORKER - 1))
    assert os.getpid() not in many
    assert set(few) == {os.getpid()}


def test_one_worker_means_no_other_process(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "1")
    assert set(parallel.ordered_map(_child_pid, range(500))) == {os.getpid()}


def _negated_with_pid(batch):
    return [(-item, os.getpid()) for item in batch]


def _encoder_of_this_process(batch):
    from analysis.encoder import shipped_encoder

    return [(os.getpid(), id(shipped_encoder())) for _ in batch]


def test_map_batches_shares_batches_over_workers_and_keeps_the_order(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    results = parallel.map_batches(_negated_with_pid, range(300), description="test")
    assert [value for value, _ in results] == [-item for item in range(300)]
    assert os.getpid() not in {pid for _, pid in results}


def test_map_batches_of_a_few_items_is_one_call_here(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    results = parallel.map_batches(_negated_with_pid, range(99), description="test")
    assert {pid for _, pid in results} == {os.getpid()}


def test_maps_in_a_kept_workers_block_share_workers_and_their_loaded_encoder(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    with parallel.kept_workers():
        first = parallel.map_batches(_encoder_of_this_process, range(200), description="test")
        second = parallel.ordered_map(_child_pid, range(200))
        third = parallel.map_batches(_encoder_of_this_process, range(200), description="test")
    encoders_by_worker = {}
    for pid, encoder in first + third:
        encoders_by_worker.setdefault(pid, set()).add(encoder)
    assert len(encoders_by_worker) <= 2 and set(second) <= set(encoders_by_worker)
    assert all(len(encoders) == 1 for encoders in encoders_by_worker.values())
    for pid in encoders_by_worker:  # the block's end ended its workers
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_without_a_kept_workers_block_each_map_forks_its_own(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    first = {pid for _, pid in parallel.map_batches(_negated_with_pid, range(200), description="test")}
    second = {pid for _, pid in parallel.map_batches(_negated_with_pid, range(200), description="test")}
    assert first.isdisjoint(second)


@pytest.mark.parametrize("setting", ["0", "-1", "two", "1.5"])
def test_a_bad_worker_count_is_named(monkeypatch, setting):
    monkeypatch.setenv(WORKERS_ENV_VAR, setting)
    with pytest.raises(ValueError, match=f"CRITICISM_WORKERS must be a positive whole number of workers, got '{setting}'"):
        parallel.worker_count()


@pytest.fixture(scope="module")
def hundred_twenty_reviews(tmp_path_factory):
    """120 plain review files (the eight test reviews, fifteen times over)."""
    folder = tmp_path_factory.mktemp("hundred-twenty")
    sources = sorted(Path(EIGHT_REVIEWS).glob("*.txt"))
    for copy in range(15):
        for source in sources:
            shutil.copy(source, folder / f"{copy:02d}-{source.name}")
    return folder


def _tables(folder):
    corpus = load_corpus(folder)
    return [corpus.sentences, corpus.tokens, segment_table(corpus), quality_report(corpus)], corpus.reviews


def test_a_corpus_loads_the_same_in_worker_processes(monkeypatch, hundred_twenty_reviews):
    monkeypatch.setenv(WORKERS_ENV_VAR, "1")
    serial_tables, serial_reviews = _tables(hundred_twenty_reviews)
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    parallel_tables, parallel_reviews = _tables(hundred_twenty_reviews)
    assert len(serial_reviews) == 120 and serial_reviews == parallel_reviews
    for serial, in_workers in zip(serial_tables, parallel_tables):
        pd.testing.assert_frame_equal(serial, in_workers)


def test_the_ratings_read_in_runs_are_those_of_one_call(monkeypatch, hundred_twenty_reviews):
    from analysis import ratings

    monkeypatch.setenv(WORKERS_ENV_VAR, "1")
    serial = load_corpus(hundred_twenty_reviews)
    tables = [ratings.explicit_rating_table(serial), ratings.review_signals(serial), ratings.rating_evidence(serial)]
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    in_runs = load_corpus(hundred_twenty_reviews)
    for serial_table, table in zip(tables, [ratings.explicit_rating_table, ratings.review_signals, ratings.rating_evidence]):
        pd.testing.assert_frame_equal(serial_table, table(in_runs))
    assert len(tables[1]) and len(tables[2])


def _run_sum_with_pid(run):
    return sum(run), len(run), os.getpid()


def test_map_runs_gives_one_result_per_run_of_consecutive_items_in_order(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    results = parallel.map_runs(_run_sum_with_pid, range(300), description="test")
    # 2 workers x 4 runs each: 8 runs of 38 items, the last of 34.
    assert [(total, size) for total, size, _ in results] == [
        (sum(range(start, min(start + 38, 300))), min(38, 300 - start)) for start in range(0, 300, 38)
    ]
    assert os.getpid() not in {pid for _, _, pid in results}


def test_map_runs_of_a_few_items_is_one_run_here(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    assert parallel.map_runs(_run_sum_with_pid, range(99), description="test") == [(sum(range(99)), 99, os.getpid())]


@pytest.fixture(scope="module")
def hundred_twenty_table_reviews(tmp_path_factory, hundred_twenty_reviews):
    """The 120 reviews as a table file, their ids in the reverse of the rows' order."""
    files = sorted(hundred_twenty_reviews.glob("*.txt"))
    path = tmp_path_factory.mktemp("table") / "reviews.csv"
    pd.DataFrame(
        {"review_id": [f"r{len(files) - i:03d}" for i in range(len(files))], "film": "Salt Meridian",
         "text": [file.read_text(encoding="utf-8") for file in files]}
    ).to_csv(path, index=False)
    return path


def test_vocabulary_reduced_from_runs_is_that_of_the_whole_token_table(monkeypatch, hundred_twenty_table_reviews):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    corpus = load_corpus(hundred_twenty_table_reviews)
    reduced = vocabulary_aggregates(corpus)
    assert not {"sentences", "tokens"} & corpus.__dict__.keys()  # built in the workers, run by run
    whole = vocabulary_measures(corpus.tokens, corpus.sentences)
    pd.testing.assert_frame_equal(reduced["measures"], whole, check_exact=True)
    counts = term_counts(corpus.tokens, content_only=False)
    whole = one_vs_rest_counts(counts, min_count=KEYNESS_MIN_COUNT)
    assert reduced["tests"] == len(whole.scored)
    pd.testing.assert_frame_equal(reduced["term_totals"], whole.term_totals, check_exact=True)
    pd.testing.assert_frame_equal(reduced["review_sizes"], whole.document_sizes, check_exact=True)
    assert reduced["review_sizes"]["review_id"].iloc[0] == "r001" and corpus.review_ids[0] == "r120"
    # Scored run by run against the corpus's totals, size and tests: the table of the whole.
    whole_table = distinctive_terms(counts)
    pd.testing.assert_frame_equal(corpus_distinctive_terms(corpus), whole_table, check_exact=True)
    top_three = whole_table[whole_table["rank"] <= 3].reset_index(drop=True)
    pd.testing.assert_frame_equal(corpus_distinctive_terms(corpus, top=3), top_three, check_exact=True)


def test_counts_collocations_and_dispersion_from_runs_are_those_of_the_whole_token_table(monkeypatch, hundred_twenty_table_reviews):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    corpus = load_corpus(hundred_twenty_table_reviews)
    content, every_word = corpus_term_counts(corpus), corpus_term_counts(corpus, content_only=False)
    shown = ["r120", "r007", "r033"]
    shown_tokens = token_table(corpus, reviews=shown)
    assert not {"sentences", "tokens"} & corpus.__dict__.keys()  # counted run by run in the workers
    tokens = corpus.tokens
    pd.testing.assert_frame_equal(content, term_counts(tokens), check_exact=True)
    pd.testing.assert_frame_equal(every_word, term_counts(tokens, content_only=False), check_exact=True)
    for word in ("Salt Meridian", "salt meridian", "film", "Film"):
        for window, min_count in ((5, 2), (2, 1)):
            pd.testing.assert_frame_equal(
                corpus_collocations(corpus, word, window=window, min_count=min_count),
                collocations(tokens, word, window=window, min_count=min_count), check_exact=True,
            )
    # The shown reviews' rows, in corpus order, and their words looked up as the whole corpus has them.
    expected_rows = tokens[tokens["review_id"].isin(shown)].reset_index(drop=True)
    pd.testing.assert_frame_equal(shown_tokens, expected_rows, check_exact=True)
    words = ["Salt Meridian", "Film", "the"]
    whole = dispersion_table(tokens, words)
    pd.testing.assert_frame_equal(
        corpus_dispersion(corpus, words, reviews=shown),
        whole[whole["review_id"].isin(shown)].reset_index(drop=True), check_exact=True,
    )


def test_a_word_is_looked_up_in_the_whole_corpus_not_only_the_shown_reviews(tmp_path):
    path = tmp_path / "reviews.csv"
    pd.DataFrame({"review_id": ["a", "b"], "film": "Her",
                  "text": ["Her is tender. I liked her.", "I liked her less than the critics did."]}).to_csv(path, index=False)
    corpus = load_corpus(path)
    # "Her", the title, is a term of review a only: in review b it finds nothing, not the pronoun.
    assert corpus_dispersion(corpus, ["Her"], reviews=["b"]).empty
    assert corpus_dispersion(corpus, ["Her"], reviews=["a"])["term"].tolist() == ["Her"]


def _neutral_labels(texts):
    return pd.DataFrame({
        "kind": "summary", "label": "neutral", "evaluative_probability": 0.0, "praise_probability": 0.5,
        "polarity_score": 0.0, "vader_compound": 0.0,
    }, index=range(len(texts)))


def test_mentions_found_run_by_run_are_those_of_the_whole_sentence_table(monkeypatch, hundred_twenty_table_reviews):
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    corpus = load_corpus(hundred_twenty_table_reviews)
    mentions = praise_analysis(corpus, labeller=_neutral_labels)["mentions"]
    assert not {"sentences", "tokens"} & corpus.__dict__.keys()
    assert len(mentions) > 120
    pd.testing.assert_frame_equal(mentions, find_mentions(corpus.sentences, corpus.film), check_exact=True)
