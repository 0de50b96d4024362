"""Per-review work on a Dask cluster gives exactly the records of one process.

One LocalCluster of two worker processes serves the whole module (starting one costs seconds);
each command runs in this process with ``--no-cache`` and an empty in-process judgement table,
so every sentence is judged again: here without the cluster, on the workers with it.
"""

import json
import logging

import pytest

from analysis import judgements
from analysis.cli import ANALYSES, main
from analysis.dask_cluster import partition_size
from analysis.paths import DASK_ENV_VAR, DEFAULT_CORPUS_DIR, NO_CACHE_ENV_VAR

EIGHT_REVIEWS = "tests/data/corpora/eight-reviews"


@pytest.fixture(scope="module")
def two_worker_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    yield cluster
    cluster.close()


def _records(command, corpus, capsys, monkeypatch, *, scheduler=None):
    if scheduler is None:
        monkeypatch.delenv(DASK_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(DASK_ENV_VAR, scheduler)
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")  # what --no-cache sets; undone after the test
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setattr(judgements, "_margins", {})
    assert main([command, str(corpus), "--json", "--no-cache"]) == 0
    return json.loads(capsys.readouterr().out)


def _table_file(tmp_path, suffix):
    import pandas as pd

    from analysis.corpus import load_corpus

    reviews = load_corpus(EIGHT_REVIEWS).reviews
    table = pd.DataFrame({"review_id": [r.id for r in reviews], "film": "Salt Meridian", "text": [r.raw for r in reviews]})
    path = tmp_path / f"reviews{suffix}"
    table.to_parquet(path) if suffix == ".parquet" else table.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("command", sorted(ANALYSES))
@pytest.mark.parametrize("corpus", [EIGHT_REVIEWS, DEFAULT_CORPUS_DIR], ids=["eight-reviews", "her"])
def test_every_command_gives_the_same_json_on_the_cluster(two_worker_cluster, command, corpus, capsys, monkeypatch):
    here = _records(command, corpus, capsys, monkeypatch)
    on_cluster = _records(command, corpus, capsys, monkeypatch, scheduler=two_worker_cluster.scheduler_address)
    assert on_cluster == here


def test_aspects_of_a_parquet_file_are_the_same_on_the_cluster(two_worker_cluster, tmp_path, capsys, monkeypatch):
    from analysis import corpus as corpus_module

    path = _table_file(tmp_path, ".parquet")
    here = _records("aspects", path, capsys, monkeypatch)
    read_with_text = []
    read_rows = corpus_module.read_review_rows

    def recording_read(*arguments, **options):
        read_with_text.append(options["with_text"])
        return read_rows(*arguments, **options)

    monkeypatch.setattr(corpus_module, "read_review_rows", recording_read)
    on_cluster = _records("aspects", path, capsys, monkeypatch, scheduler=two_worker_cluster.scheduler_address)
    assert on_cluster == here and len(here["records"]) > 8
    # On the cluster the client read the rows without their texts, which went to the workers batch by batch.
    assert read_with_text == [False]


def test_both_workers_did_work_and_loaded_the_encoder_once(two_worker_cluster, tmp_path, capsys, monkeypatch):
    from distributed import Client

    _records("ratings", _table_file(tmp_path, ".csv"), capsys, monkeypatch, scheduler=two_worker_cluster.scheduler_address)
    with Client(two_worker_cluster) as client:
        ran_tasks = client.run(lambda: __import__("analysis.dask_cluster").dask_cluster.in_task())
        encoders_loaded = client.run(lambda: len(__import__("analysis.encoder").encoder._encoders))
    assert list(ran_tasks.values()) == [True, True]
    assert list(encoders_loaded.values()) == [1, 1]


def test_sentences_are_judged_alike_on_the_cluster(two_worker_cluster, tmp_path, capsys, monkeypatch):
    lines = tmp_path / "lines.txt"
    lines.write_text("A fine film.\nThe script is thin, but the cast is superb.\nThey sail north.\n", encoding="utf-8")
    here = _records("sentences", lines, capsys, monkeypatch)
    assert _records("sentences", lines, capsys, monkeypatch, scheduler=two_worker_cluster.scheduler_address) == here


def test_a_scheduler_that_does_not_answer_is_one_error_line(capsys, monkeypatch):
    monkeypatch.setattr("analysis.dask_cluster.CONNECT_TIMEOUT", "1s")
    assert main(["vocab", EIGHT_REVIEWS, "--json", "--dask", "tcp://127.0.0.1:9"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "error: --dask tcp://127.0.0.1:9: no Dask scheduler to work with "
        "(Timed out trying to connect to tcp://127.0.0.1:9 after 1 s)\n"
    )


def test_an_address_without_a_port_is_one_error_line(capsys):
    assert main(["aspects", EIGHT_REVIEWS, "--dask", "scheduler.example"]) == 2
    assert capsys.readouterr().err == (
        "error: --dask scheduler.example: no Dask scheduler to work with "
        "(missing port number in address 'scheduler.example')\n"
    )


def test_partitions_are_a_few_per_worker_and_bounded():
    assert [partition_size(n, 2) for n in (0, 7, 8, 1400, 4000, 10**6)] == [1, 1, 1, 175, 500, 500]


def test_many_partitions_come_back_in_order_through_the_window(two_worker_cluster, monkeypatch):
    from functools import partial

    from analysis.dask_cluster import apply_each, close_client, map_partitions

    monkeypatch.setenv(DASK_ENV_VAR, two_worker_cluster.scheduler_address)
    items = list(range(-10_000, 10_000))  # 40 partitions of 500, more than the window of 16
    try:
        assert map_partitions(partial(apply_each, function=abs), items, description="test") == [abs(i) for i in items]
    finally:
        close_client()


@pytest.mark.parametrize("report", ["corpus", "vocab", "aspects", "ratings"])
def test_the_client_builds_no_sentence_or_token_table(two_worker_cluster, report, monkeypatch):
    from analysis.corpus import load_corpus
    from analysis.dask_cluster import close_client

    monkeypatch.setenv(DASK_ENV_VAR, two_worker_cluster.scheduler_address)
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")
    try:
        corpus = load_corpus(EIGHT_REVIEWS)
        build, _ = ANALYSES[report]
        assert build(corpus).records
    finally:
        close_client()
    # The tables are built on first use and kept on the corpus: these reports never used them.
    assert not {"sentences", "tokens"} & corpus.__dict__.keys()
    if report == "corpus":
        # Its records print every review's text, which comes back without the tokens.
        assert len(corpus.resident.fetched) == len(corpus.resident)
        assert all(review.body_split[1] is None for review in corpus.reviews)
    else:
        # The reviews' texts stayed on the workers that read them.
        assert corpus.resident.fetched == {}
        assert all(review.text.partitions is corpus.resident for review in corpus.reviews)


def test_a_review_sent_to_another_process_takes_its_text_along(two_worker_cluster, monkeypatch):
    import pickle

    from analysis.corpus import load_corpus
    from analysis.dask_cluster import close_client

    here = load_corpus(EIGHT_REVIEWS).reviews[3]
    monkeypatch.setenv(DASK_ENV_VAR, two_worker_cluster.scheduler_address)
    try:
        resident = load_corpus(EIGHT_REVIEWS).reviews[3]
        sent = pickle.loads(pickle.dumps(resident))
    finally:
        close_client()
    assert (sent.raw, sent.segments, sent.body_split[0]) == (here.raw, here.segments, here.body_split[0])
    assert sent.id == here.id and sent.author == here.author
