"""Every text judged once: in a process, across processes through the disk cache, and never stale."""

import os

import pandas as pd
import pytest

from analysis import judgements
from analysis.paths import CACHE_ENV_VAR, NO_CACHE_ENV_VAR
from analysis.sentiment import label_sentences

TEXTS = ["a stunning, brilliant performance", "great cast, but a dull script", "...", "a stunning, brilliant performance"]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty in-process table and an empty cache folder; counts the texts the models read."""
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.delenv(NO_CACHE_ENV_VAR, raising=False)
    read = []
    real = judgements.sentence_readings

    def counting(texts):
        read.extend(texts)
        return real(texts)

    monkeypatch.setattr(judgements, "sentence_readings", counting)
    return read


def test_judgements_equal_the_classifier_labels(fresh):
    # Judged once per distinct text, so in other company: int8 may move the last digits.
    pd.testing.assert_frame_equal(
        judgements.judge_sentences(TEXTS), label_sentences(TEXTS), check_exact=False, atol=0.01
    )


def test_each_distinct_text_is_judged_once_per_process(fresh):
    judgements.judge_sentences(TEXTS)
    judgements.judge_sentences(TEXTS[:2])
    assert sorted(fresh) == sorted(set(TEXTS))


def test_a_second_process_reads_the_disk_cache(fresh, monkeypatch):
    first = judgements.judge_sentences(TEXTS)
    monkeypatch.setattr(judgements, "_judged", {})  # as in a new process
    fresh.clear()
    pd.testing.assert_frame_equal(judgements.judge_sentences(TEXTS), first)
    assert fresh == []


def test_a_rebuilt_model_is_never_read_from_an_old_cache(fresh, monkeypatch):
    judgements.judge_sentences(TEXTS[:1])
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setattr(judgements, "judgement_version", lambda: "another-model")
    fresh.clear()
    judgements.judge_sentences(TEXTS[:1])
    assert fresh == TEXTS[:1]


def test_no_cache_writes_nothing(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")
    judgements.judge_sentences(TEXTS)
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_costs_time_not_the_answer(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV_VAR, str(blocker))
    pd.testing.assert_frame_equal(judgements.judge_sentences(TEXTS), label_sentences(TEXTS))


def test_no_texts_give_an_empty_table(fresh):
    assert judgements.judge_sentences([]).empty


def test_a_cache_that_cannot_be_written_costs_time_not_the_answer(fresh, monkeypatch):
    import sqlite3

    from diskcache import Cache

    def full_disk(self, key, value, **options):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Cache, "set", full_disk)
    pd.testing.assert_frame_equal(judgements.judge_sentences(TEXTS), label_sentences(TEXTS))


def test_texts_must_be_strings(fresh):
    with pytest.raises(TypeError) as error:
        judgements.judge_sentences(["fine", 3])
    assert str(error.value) == "judge_sentences: texts[1] must be a str; got int: 3"


def test_the_cache_key_changes_with_the_encoder_and_its_heads():
    from analysis.encoder import encoder_fingerprint
    from analysis.encoder_heads import HEADS_FILE
    from analysis.resources import model_fingerprint

    key = judgements.judgement_version()
    assert encoder_fingerprint() in key
    assert key.startswith(model_fingerprint("subjectivity", "sentence-polarity", HEADS_FILE))


def test_encoder_margins_are_computed_once_and_kept_on_disk(monkeypatch, tmp_path):
    from analysis import judgements

    monkeypatch.setenv("CRITICISM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(judgements, "_margins", {})
    texts = ["A remarkable, tender film.", "A dull script.", "A remarkable, tender film."]
    margins, embeddings = judgements.encoded_margins(texts)
    assert embeddings.shape == (3, 0) and margins[0] == margins[2] and margins[0] > 0 > margins[1]
    calls = []
    monkeypatch.setattr(judgements, "encode", lambda batch: calls.append(batch))
    monkeypatch.setattr(judgements, "_margins", {})  # a new process: only the disk remembers
    again, _ = judgements.encoded_margins(texts)
    assert calls == [] and again.tolist() == margins.tolist()


def test_judging_keeps_each_margin_so_review_polarity_encodes_nothing_again(fresh, monkeypatch, tmp_path):
    texts = ["A remarkable, tender film.", "A dull script."]
    monkeypatch.setattr(judgements, "_margins", {})
    judgements.judge_sentences(texts)
    kept = dict(judgements._margins)
    monkeypatch.setattr(judgements, "_margins", {})
    expected, _ = judgements.encoded_margins(texts)  # encoded alone, for comparison
    assert [kept[text] for text in texts] == expected.tolist()
    calls = []
    monkeypatch.setattr(judgements, "encode", lambda batch: calls.append(batch))
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setattr(judgements, "_margins", {})
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "second"))
    judgements.judge_sentences(texts)  # a new cache: judged again, margins kept on its disk
    monkeypatch.setattr(judgements, "_margins", {})  # a new process: only the disk remembers
    margins, _ = judgements.encoded_margins(texts)
    assert calls == [] and margins.tolist() == expected.tolist()


def test_judgements_in_worker_processes_are_exactly_the_serial_ones(monkeypatch):
    # Enough texts for two workers (analysis.parallel), each judging its batches with every model.
    from analysis.parallel import MIN_ITEMS_PER_WORKER
    from analysis.paths import WORKERS_ENV_VAR

    texts = [f"a {adjective} film, number {i}" for i, adjective in enumerate(["dull", "moving", "tender", "lazy"] * MIN_ITEMS_PER_WORKER)]
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setenv(WORKERS_ENV_VAR, "1")
    serial = judgements.judge_sentences(texts)
    monkeypatch.setattr(judgements, "_judged", {})
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    in_workers = judgements.judge_sentences(texts)
    pd.testing.assert_frame_equal(in_workers, serial, check_exact=True)
    assert serial["label"].nunique() > 1


def _pid_of_each(texts):
    return [(os.getpid(),) for _ in texts]


def test_every_batch_of_one_fill_goes_to_the_same_workers(monkeypatch):
    # Each worker loads the models once per command's fill, not once per batch of texts.
    from analysis.paths import WORKERS_ENV_VAR

    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    monkeypatch.setattr(judgements, "BATCH_SIZE", 200)
    store = {}
    judgements._fill([f"text {i}" for i in range(1000)], [(store, "")], _pid_of_each, description="test")
    workers = set(store.values())
    assert len(store) == 1000 and len(workers) == 2 and os.getpid() not in workers
