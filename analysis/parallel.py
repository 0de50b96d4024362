"""Per-review work on every core: an ordered map over forked worker processes.

Reading, segmenting, splitting and tokenizing a review, flagging its damaged words and measuring
its vocabulary depend on that review alone, and they are pure-Python, CPU-bound work. On a
machine with several cores :func:`ordered_map` runs them in worker processes *forked* from the
current one: a worker inherits every module, model and table already loaded, so starting one
costs milliseconds, and only the items and results cross between processes. Results come back in
the order of the items, so every table is identical to a serial run's.

The map stays serial, in this process, when parallel work would not pay or cannot run:

* fewer than :data:`MIN_ITEMS_PER_WORKER` items for each worker (a few reviews);
* one usable core, or ``CRITICISM_WORKERS=1`` in the environment (any other positive number
  sets the number of workers; the default is the number of cores this process may use);
* a platform that cannot fork (Windows; macOS, where forking a process that has loaded system
  frameworks is unsafe);
* inside a worker already (no nested pools), a forked one or a Dask worker's task.

With a Dask cluster in use (:mod:`analysis.dask_cluster`) the items go to its workers instead.
:func:`map_runs` hands out runs of consecutive items, one result per run, for work that reduces
a run to what a corpus-level table needs (a run's counts), so that only that travels back.

Each map forks its own workers and ends them when it is done, so a worker starts from this
process as it is at that moment. A command that maps many batches in turn (``sentences`` streams
its input 1,000 lines at a time) keeps one set of workers instead, in a :func:`kept_workers`
block: each worker then loads the models once, not once per batch.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

from analysis.dask_cluster import apply_each, in_task, map_partitions, worker_count
from analysis.progress import progress

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items per worker, forking and pickling cost more than the work they share.
MIN_ITEMS_PER_WORKER = 50
# Items are handed out in chunks, several per worker, so one slow review does not idle the rest.
CHUNKS_PER_WORKER = 4

# Python's regular expressions read it as whitespace, so no token or term holds it.
_SEPARATOR = "\x1f"

_in_worker = False
# Whether a kept_workers block is open, and its workers once its first map has forked them.
_keeping = False
_kept_pool = None


def pack_words(words: Sequence[str]) -> str:
    """Words as one string, to cross between processes: pickling one string is far faster
    than pickling a million small ones. Words must not contain ``\\x1f`` (no token does).

    >>> unpack_words(pack_words(["Salt Meridian", "is", "slow"]))
    ['Salt Meridian', 'is', 'slow']
    """
    return _SEPARATOR.join(words)


def unpack_words(packed: str) -> list[str]:
    """The words of :func:`pack_words`; none for an empty string."""
    return packed.split(_SEPARATOR) if packed else []


def ordered_map(
    function: Callable[[Item], Result], items: Sequence[Item], *, description: str = "reviews", unit: str = "review",
    min_items_per_worker: int = MIN_ITEMS_PER_WORKER,
) -> list[Result]:
    """``[function(item) for item in items]``, over worker processes where that pays.

    `function` must be defined at module level (workers find it by name). Its exceptions reach
    the caller as they would from a serial loop. On a terminal a progress bar named
    `description` counts the items done, each a `unit`. Each worker gets at least
    `min_items_per_worker` items (fewer items stay in this process): lower it for items that
    each hold much work.

    With a Dask cluster (``--dask``, :mod:`analysis.dask_cluster`) the items go to its workers
    in partitions instead, whatever their number.

    >>> ordered_map(abs, [-2, 1, -3])
    [2, 1, 3]
    """
    on_cluster = map_partitions(partial(apply_each, function=function), items, description=description)
    if on_cluster is not None:
        return on_cluster
    workers = _local_workers(len(items), min_items_per_worker)
    if workers < 2:
        return [function(item) for item in progress(items, description=description, unit=unit)]
    chunk = max(1, -(-len(items) // (workers * CHUNKS_PER_WORKER)))
    with _pool(workers) as pool:
        done = pool.imap(function, items, chunksize=chunk)
        return list(progress(done, description=description, unit=unit, total=len(items)))


def map_batches(
    function: Callable[[list[Item]], list[Result]], items: Sequence[Item], *, description: str
) -> list[Result]:
    """``function(items)``, with `items` cut into consecutive batches shared over worker
    processes where that pays (as for :func:`ordered_map`), the results joined in order.

    `function` takes a list of items and returns one result per item; it must be defined at
    module level. Unlike :func:`ordered_map`, a worker gets its items as one list, so
    `function` can work on many at once, and only the results travel back. With a Dask cluster
    the batches are its partitions (:func:`analysis.dask_cluster.map_partitions`).
    """
    return [result for batch in map_runs(function, items, description=description) for result in batch]


def map_runs(function: Callable[[list[Item]], Result], items: Sequence[Item], *, description: str) -> list[Result]:
    """``function`` on runs of consecutive `items`, over worker processes where that pays (as for
    :func:`ordered_map`) or on a Dask cluster's partitions: one result per run, in order.

    For a reduction: `function` turns a run's items into what the caller combines (a run's
    counts, its rows of a table), so only that travels back, never the tables it built on the
    way. Where the map stays in this process the run is every item, in one call. `function`
    must be defined at module level.
    """
    items = list(items)
    on_cluster = map_partitions(partial(_one_result, function=function), items, description=description)
    if on_cluster is not None:
        return on_cluster
    workers = _local_workers(len(items))
    if workers < 2:
        return [function(items)]
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    runs = [items[start : start + size] for start in range(0, len(items), size)]
    with _pool(workers) as pool:
        return list(progress(pool.imap(function, runs), description=description, unit="run", total=len(runs)))


class HeldRuns:
    """Results of :func:`map_runs` held in this process, for later work on each run: what
    :class:`analysis.dask_cluster.ResidentPartitions` does with results left on a cluster."""

    def __init__(self, results: Sequence) -> None:
        self._results = list(results)

    def __len__(self) -> int:
        return len(self._results)

    def keep(self, function: Callable[..., Result], *, shared: object = None) -> HeldRuns:
        """``function(result)`` of each run (``function(result, shared=...)`` with `shared`)."""
        options = {} if shared is None else {"shared": shared}
        return HeldRuns([function(result, **options) for result in self._results])

    def map(self, function: Callable[..., Result], *, description: str, shared: object = None) -> list[Result]:
        """The results of :meth:`keep`, one a run, in order (`description` names the work for a
        cluster's progress bar; here it is quick)."""
        return self.keep(function, shared=shared)._results


def _one_result(partition: list, function: Callable[[list], Result]) -> list[Result]:
    """A partition's one result, as the list of results :func:`map_partitions` joins."""
    return [function(partition)]


def joined_tables(tables: Sequence, *, sorted_by: str | list[str] | None = None):
    """The tables of consecutive runs as one (pandas DataFrames with the same columns).

    A run with no rows gives an empty table whose text columns may hold objects, which would
    turn the joined table's text columns into objects too: the empty ones are left out, unless
    every one is empty. A table that one call over every item sorts by a key column (a review's
    rows in one run, ordered within it) is that table again after a stable sort on `sorted_by` (a
    column, or columns in order).
    """
    import pandas as pd

    found = [table for table in tables if len(table)]
    joined = pd.concat(found, ignore_index=True) if found else tables[0]
    return joined if sorted_by is None else joined.sort_values(sorted_by, kind="stable", ignore_index=True)


@contextmanager
def kept_workers() -> Iterator[None]:
    """Within the block, the maps of this module that go to worker processes share one set of
    them, forked at the first such map and ended when the block ends.

    A worker keeps what it loaded (the encoder session, the n-gram models) from one map to the
    next. It was forked from this process as it was at that first map, so a mapped function must
    take what it needs from its items or load it itself, never from state set here later.
    A block inside a block uses the outer one's workers; on a Dask cluster nothing changes.
    """
    global _keeping, _kept_pool
    if _keeping:
        yield
        return
    _keeping = True
    try:
        yield
    finally:
        _keeping = False
        if _kept_pool is not None:
            _kept_pool.terminate()
            _kept_pool.join()
            _kept_pool = None


@contextmanager
def _pool(workers: int) -> Iterator[multiprocessing.pool.Pool]:
    """Worker processes for one map: the kept ones inside :func:`kept_workers` (as many as
    :func:`worker_count`, started now if not yet), else `workers` forked for this map alone."""
    global _kept_pool
    if not _keeping:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_mark_worker) as pool:
            yield pool
        return
    if _kept_pool is None:
        _kept_pool = multiprocessing.get_context("fork").Pool(worker_count(), initializer=_mark_worker)
    yield _kept_pool


def _local_workers(items: int, min_items_per_worker: int = MIN_ITEMS_PER_WORKER) -> int:
    """Worker processes worth forking for `items` items here, each with at least
    `min_items_per_worker`; below 2 the map stays serial (see the module docstring)."""
    if in_worker() or not sys.platform.startswith("linux"):
        return 1
    return min(worker_count(), items // min_items_per_worker)


def in_worker() -> bool:
    """Whether this process works for another: one of :func:`ordered_map`'s forked workers, or a
    Dask worker running a task (:mod:`analysis.dask_cluster`). Work in it stays in it."""
    return _in_worker or in_task()


def _mark_worker() -> None:
    global _in_worker
    _in_worker = True


