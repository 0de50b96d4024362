"""Every sentence judged once: evaluative or summary, praise, criticism or neutral.

The praise-target table, the sentiment arcs, the readers' response and the ``sentences``
command all ask :func:`judge_sentences` for their labels. It runs the classifiers of
:mod:`analysis.sentiment` only on texts it has not seen: within a process each distinct text is
judged once, and the models' outputs are also kept on disk across processes and notebooks,
keyed by the fingerprint of the shipped models (the n-gram models, the encoder heads and the
encoder graph with its tokenizer) and the text, so rerunning the study or a second
command judges nothing again. A rebuilt model changes the fingerprint, so stale judgements are
never read.

The cache is a :mod:`diskcache` folder: ``$CRITICISM_CACHE_DIR``, else
``~/.cache/criticism/`` (see :func:`analysis.paths.judgement_cache_dir`); ``--no-cache`` on the
command line (``$CRITICISM_NO_CACHE=1``) switches it off. Deleting the folder is always safe.
Only the models' probabilities are stored, the labels derived from them each time; beside them
:mod:`analysis.ratings` keeps the review-polarity model's reading of each review body
(:func:`stored_values`, :func:`store_values`). With a
Dask cluster in use (``--dask``, :mod:`analysis.dask_cluster`) the texts missing from both are
judged on its workers, in partitions, and stored here as they come back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib.metadata import version

import numpy as np
import pandas as pd
from diskcache import Cache

from analysis.dask_cluster import map_partitions
from analysis.encoder import ENCODING_MODE, encode, encoder_fingerprint
from analysis.encoder_heads import HEADS_FILE
from analysis.parallel import kept_workers, map_batches
from analysis.paths import judgement_cache_dir
from analysis.progress import progress
from analysis.resources import model_fingerprint
from analysis.sentiment import PROBABILITY_COLUMNS, labels_from_probabilities, sentence_readings
from analysis.tables import check_texts

# Bump when the labelling code changes what a model's output is for the same text.
JUDGEMENT_RULES_VERSION = 2
# Texts judged in one batch: large enough for numpy and the encoder's length-sorted batches,
# small enough for steady progress.
BATCH_SIZE = 2000

_judged: dict[str, tuple[float, float, float]] = {}
_margins: dict[str, float] = {}


@cache
def judgement_version() -> str:
    """The cache key prefix: the fingerprints of the n-gram models, encoder heads and encoder; the
    encoding mode; rules and VADER versions."""
    models = model_fingerprint("subjectivity", "sentence-polarity", HEADS_FILE)
    return f"{models}-{encoder_fingerprint()}-{ENCODING_MODE}-r{JUDGEMENT_RULES_VERSION}-vader{version('vaderSentiment')}"


def _open_cache():
    folder = judgement_cache_dir()
    if folder is None:
        return None
    try:
        # Culling checks the cache's size at every write, which cost more than the write itself;
        # store_values culls once per batch instead, so the size limit still holds.
        return Cache(str(folder / "judgements"), cull_limit=0)
    except (OSError, sqlite3.Error):
        return None  # an unwritable cache folder costs time, never the answer


def judge_sentences(texts: Sequence[str]) -> pd.DataFrame:
    """:func:`analysis.sentiment.label_sentences`, with each distinct text judged only once.

    Returns
    -------
    pandas.DataFrame
        Exactly :func:`analysis.sentiment.label_sentences`'s table: one row per text, in order,
        ``text``, ``evaluative_probability``, ``kind``, ``praise_probability``,
        ``vader_compound``, ``polarity_score``, ``label``.
    """
    texts = check_texts(texts, function="judge_sentences")
    missing = [text for text in dict.fromkeys(texts) if text not in _judged]
    if missing:
        _judge(missing)
    values = np.array([_judged[text] for text in texts], dtype=float).reshape(len(texts), len(PROBABILITY_COLUMNS))
    return labels_from_probabilities(texts, pd.DataFrame(values, columns=PROBABILITY_COLUMNS))


def _judge(texts: list[str]) -> None:
    """Fill the in-process table with `texts`: from the disk cache where it has them, else the
    models, whose encoder run also gives each text's margin for :func:`encoded_margins`."""
    _fill(texts, [(_judged, judgement_version() + "\x1f"), (_margins, _margin_key_prefix())], _probabilities,
          description="judging sentences")


def _probabilities(texts: list[str]) -> list[tuple[tuple[float, ...], float]]:
    """The models' probabilities and the encoder's margin of each text (run here or in a task on a
    Dask worker)."""
    probabilities, margins = sentence_readings(texts)
    return [
        (tuple(float(value) for value in row), float(margin))
        for row, margin in zip(probabilities.to_numpy(dtype=float), margins)
    ]


def _margins_of(texts: list[str]) -> list[tuple[float]]:
    """The encoder's praise margin of each text (run here or in a task on a Dask worker)."""
    return [(margin,) for margin in encode(texts)[0].tolist()]


def encoded_margins(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The encoder's praise margin of each text, each distinct text run once and kept on disk.

    Review polarity reads the margins of every sentence of every review; without a cache a
    second command would run the encoder over them all again, and judging a sentence
    (:func:`judge_sentences`) keeps its margin too. Returns ``(margins, embeddings)`` like
    :func:`analysis.encoder.encode`, with an empty ``[n, 0]`` embedding matrix: the review heads
    read margins only.
    """
    texts = check_texts(texts, function="encoded_margins")
    missing = [text for text in dict.fromkeys(texts) if text not in _margins]
    if missing:
        _fill(missing, [(_margins, _margin_key_prefix())], _margins_of, description="encoding sentences")
    return np.array([_margins[text] for text in texts], dtype=np.float32), np.zeros((len(texts), 0), dtype=np.float32)


def _margin_key_prefix() -> str:
    return f"margin-{encoder_fingerprint()}-{ENCODING_MODE}\x1f"


def _fill(
    texts: list[str], stores: list[tuple[dict, str]], compute: Callable[[list[str]], list[tuple]], *, description: str
) -> None:
    """Put each of `texts` into the first of `stores`, ``(memo, key prefix)`` pairs: from the disk
    cache (keys prefix + text) where it has them, else from `compute` on batches, which gives a
    value for each store per text; what it computes goes into every store, in memory and on disk.

    A batch's values are written to disk in a thread of their own while the workers judge the
    next batch, so the writes overlap the models' work instead of following it; the fill ends
    when the last write has.
    """
    memo, prefix = stores[0]
    found = stored_values(prefix, texts)
    memo.update(found)
    unknown = [text for text in texts if text not in found]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="judgement-cache") as writer:
        writes = []
        for batch, values in _computed(unknown, compute, description=description):
            for (store, _), fresh in zip(stores, zip(*values)):
                store.update(zip(batch, fresh))
            writes.append(writer.submit(store_values, {
                key_prefix + text: value
                for text, per_store in zip(batch, values)
                for (_, key_prefix), value in zip(stores, per_store)
            }))
        for write in writes:
            write.result()  # store_values absorbs a full or read-only disk; anything else is a bug


def stored_values(prefix: str, keys: Sequence[str]) -> dict[str, object]:
    """What the disk cache holds under `prefix` + each of `keys`, by key (nothing with the cache off)."""
    disk = _open_cache()
    if disk is None:
        return {}
    try:
        found = {}
        for key in keys:
            value = disk.get(prefix + key)
            if value is not None:
                found[key] = value
        return found
    except (OSError, sqlite3.Error):
        return {}  # an unreadable cache costs time, never the answer
    finally:
        disk.close()


def store_values(values: dict[str, object]) -> None:
    """Keep `values` in the disk cache under their full keys, in one transaction (nothing with
    the cache off; a full or read-only disk costs the next run time, never this answer)."""
    disk = _open_cache() if values else None
    if disk is None:
        return
    try:
        with disk.transact():
            for key, value in values.items():
                disk.set(key, value)
        disk.cull()
    except (OSError, sqlite3.Error):
        pass
    finally:
        disk.close()


def _computed(texts: list[str], compute: Callable[[list[str]], list], *, description: str) -> Iterator[tuple[list[str], list]]:
    """`compute` on `texts` as (texts, values) pairs: on the Dask cluster in one piece if one is in
    use (:mod:`analysis.dask_cluster`), else batch by batch, each batch shared over this
    machine's worker processes (:func:`analysis.parallel.map_batches`, the same workers for every
    batch), so that every model, the encoder's and the n-gram models alike, runs in the workers
    and only the values come back.
    Each text is judged alone, so the values do not depend on where or beside which texts it was
    judged."""
    on_cluster = map_partitions(compute, texts, description=description) if texts else None
    if on_cluster is not None:
        yield texts, on_cluster
        return
    batches = [texts[start : start + BATCH_SIZE] for start in range(0, len(texts), BATCH_SIZE)]
    # One set of workers for every batch: each loads the models once (about 0.5 s), not per batch.
    with kept_workers():
        for batch in progress(batches, description=description, unit="batch"):
            yield batch, map_batches(compute, batch, description=description)
