"""Per-review work on a Dask cluster: partitions of items mapped on its workers, results in order.

``--dask SCHEDULER`` on the command line sets ``$CRITICISM_DASK``; then the per-review stage
(:func:`analysis.parallel.ordered_map`: reading and segmenting reviews, splitting and tokenizing
their bodies, vocabulary sequences, word checks, syllables) and every sentence judgement or
encoder margin not yet cached (:mod:`analysis.judgements`) run on the workers of a
`dask.distributed <https://distributed.dask.org>`_ cluster instead of this machine's processes.
``local`` starts a ``LocalCluster`` of worker processes with one thread each (``$CRITICISM_WORKERS``
of them, else one per core); any other value is the address of a running scheduler
(``tcp://10.0.0.5:8786``). In a notebook, a ``distributed.Client`` created before the analysis
is used as it is.

The items are cut into partitions of consecutive items (:func:`partition_size`); each partition
is one task, and the results come back in the order of the items, so every table is identical to
a one-process run's. The functions travel by name: each worker imports :mod:`analysis` itself,
and the models (the n-gram models, the encoder graph) are loaded lazily by that import on the
worker's first task and kept for its lifetime, never shipped with a task. What does travel is
the items (file paths for a folder, the rows' text for a table file) and the results.

The reviews a command loads are the exception to "results come back": :func:`resident_partitions`
leaves each partition's results in the memory of the worker that computed them, and
:class:`ResidentPartitions` takes later work to them, so a collection's text is never gathered
on the client.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from analysis.paths import DASK_ENV_VAR, WORKERS_ENV_VAR
from analysis.progress import progress

Item = TypeVar("Item")
Result = TypeVar("Result")

LOCAL = "local"
# Enough tasks per worker that one slow partition does not idle the others, and partitions
# small enough that a task's items and results stay a few megabytes.
PARTITIONS_PER_WORKER = 4
MAX_PARTITION_ITEMS = 500
CONNECT_TIMEOUT = "10s"

_in_task = False
_opened: dict = {}


class ClusterError(RuntimeError):
    """No Dask scheduler to work with; the message names the address and the problem."""


def worker_count() -> int:
    """Worker processes to use: ``CRITICISM_WORKERS`` if set, else the cores this process may use.

    Raises
    ------
    ValueError
        ``CRITICISM_WORKERS`` is not a positive whole number.
    """
    setting = os.environ.get(WORKERS_ENV_VAR, "").strip()
    if setting:
        if not setting.isdigit() or int(setting) < 1:
            raise ValueError(f"{WORKERS_ENV_VAR} must be a positive whole number of workers, got {setting!r}")
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def in_task() -> bool:
    """True inside a task on a Dask worker, where work stays in the task's own process."""
    return _in_task


def dask_client():
    """The ``distributed.Client`` per-review work goes to, or None to work on this machine.

    ``$CRITICISM_DASK`` names the scheduler (``local`` or an address); without it, a client a
    notebook has already created is used; inside a task, none.

    Raises
    ------
    ClusterError
        No scheduler answers at the address in ``$CRITICISM_DASK``.
    """
    if _in_task:
        return None
    setting = os.environ.get(DASK_ENV_VAR, "").strip()
    if setting:
        return _connect(setting)
    if "distributed" in sys.modules:  # only a program that imported it can have made a client
        from distributed import default_client

        try:
            return default_client()
        except ValueError:
            return None
    return None


def _connect(scheduler: str):
    """The client of `scheduler`, opened on first use and kept for the process."""
    if scheduler in _opened:
        return _opened[scheduler]
    from distributed import Client, LocalCluster

    if scheduler == LOCAL:
        cluster = LocalCluster(
            n_workers=worker_count(), threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as problem:
            raise ClusterError(f"--dask {scheduler}: no Dask scheduler to work with ({problem})") from None
    # Kernels started by `run` are given the address of the cluster this process started.
    _opened[scheduler] = _opened[client.scheduler.address] = client
    return client


def scheduler_address() -> str | None:
    """The address of the scheduler in use (a local cluster's too), for other processes to join."""
    client = dask_client()
    return None if client is None else client.scheduler.address


def close_client() -> None:
    """Close the clients ``$CRITICISM_DASK`` opened, and a local cluster, before the process ends."""
    clients = {id(client): client for client in _opened.values()}.values()
    _opened.clear()
    for client in clients:
        cluster = client.cluster  # the LocalCluster started here; None for a scheduler's address
        client.close()
        if cluster is not None:
            cluster.close()


def partition_size(items: int, workers: int) -> int:
    """Items per partition: about :data:`PARTITIONS_PER_WORKER` partitions a worker, at most
    :data:`MAX_PARTITION_ITEMS` items each.

    >>> [partition_size(n, 2) for n in (5, 1400, 100_000)]
    [1, 175, 500]
    """
    return max(1, min(MAX_PARTITION_ITEMS, -(-items // (max(1, workers) * PARTITIONS_PER_WORKER))))


def map_partitions(
    function: Callable[[list[Item]], list[Result]], items: Sequence[Item], *, description: str
) -> list[Result] | None:
    """``function`` over consecutive partitions of `items` on the Dask cluster, results joined in
    order; None when there is no cluster (the caller then works here).

    `function` takes a list of items and returns one result per item; it must be importable by
    name (defined at module level). Its exceptions reach the caller. On a terminal a progress
    bar named `description` counts the partitions done.
    """
    client = dask_client()
    if client is None:
        return None
    items = list(items)
    if not items:
        return []
    workers = len(client.scheduler_info()["workers"])
    size = partition_size(len(items), workers)
    partitions = [items[start : start + size] for start in range(0, len(items), size)]
    results: list[Result] = []
    done = _results_in_order(client, partitions, function, window=2 * max(1, workers) * PARTITIONS_PER_WORKER)
    for partition_results in progress(done, description=description, unit="partition", total=len(partitions)):
        results += partition_results
    return results


def _results_in_order(client, partitions: list[list], function: Callable[[list], list], *, window: int) -> Iterator[list]:
    """Each partition's results, in order. Partitions are submitted as earlier ones finish, so the
    scheduler never holds more than `window` of them: a collection's text never sits in its
    memory all at once."""
    pending: deque = deque()
    for partition in partitions:
        pending.append(client.submit(_run_task, partition, function=function, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class ResidentPartitions:
    """Partitions of results left in the memory of the workers that computed them (Dask futures).

    :func:`resident_partitions` makes them; :meth:`map` sends work to each partition where it
    lies and brings back only that work's results, :meth:`keep` leaves those results there too,
    and :meth:`fetch` brings one partition back when a caller needs what it holds. The workers
    keep a partition for as long as this object lives; if a worker is lost, the scheduler
    computes its partitions again from their items (not those of :func:`scattered_partitions`).
    """

    def __init__(self, client, futures: list) -> None:
        self._client = client
        self._futures = futures
        # Partitions brought back to this process, by position: each crosses once.
        self.fetched: dict[int, list] = {}

    def __len__(self) -> int:
        return len(self._futures)

    def keep(
        self, function: Callable[..., Result], *, extras: Sequence | None = None, shared: object = None,
        positions: Sequence[int] | None = None,
    ) -> ResidentPartitions:
        """``function(partition)`` on the worker holding each partition (those at `positions`,
        default all), its results left there. With `extras`, one a partition taken, the call is
        ``function(partition, extra=...)``; with `shared`, ``function(partition, shared=...)``,
        the value sent to each worker once rather than with every task. `function` must be
        importable by name."""
        positions = range(len(self._futures)) if positions is None else positions
        options = {}
        if shared is not None:
            [options["shared"]] = self._client.scatter([shared], broadcast=True, hash=False)
        tasks = []
        for position in positions:
            if extras is not None:
                options["extra"] = extras[position]
            tasks.append(self._client.submit(_run_resident_task, self._futures[position], function=function, pure=False, **options))
        return ResidentPartitions(self._client, tasks)

    def map(self, function: Callable[..., Result], *, description: str, **options) -> list[Result]:
        """The results of :meth:`keep` (same `options`) brought back, one a partition, in
        order; on a terminal a progress bar named `description` counts the partitions done."""
        tasks = self.keep(function, **options)._futures
        return list(progress((task.result() for task in tasks), description=description, unit="partition", total=len(tasks)))

    def fetch(self, position: int, function: Callable[[list], list]) -> list:
        """The partition at `position` as `function` gives it (run where it lies), brought back
        to this process once and kept."""
        if position not in self.fetched:
            self.fetched[position] = self._client.submit(
                _run_resident_task, self._futures[position], function=function, pure=False
            ).result()
        return self.fetched[position]


def resident_partitions(
    function: Callable[[list[Item]], list[Result]], items: Sequence[Item]
) -> ResidentPartitions | None:
    """``function`` over consecutive partitions of `items` on the Dask cluster, each partition's
    results left on the worker that computed them; None when there is no cluster.

    Partitions are cut as for :func:`map_partitions`; all are submitted at once, since their
    results are meant to stay in the workers' memory.
    """
    size = cluster_partition_size(len(items))
    if size is None:
        return None
    client = dask_client()
    futures = [
        client.submit(_run_task, items[start : start + size], function=function, pure=False)
        for start in range(0, len(items), size)
    ]
    return ResidentPartitions(client, futures)


def scattered_partitions(function: Callable[[list[Item]], list[Result]], partitions: Iterable[list[Item]]) -> ResidentPartitions:
    """``function`` over `partitions`, read one at a time: each is sent to a worker as it comes
    (``Client.scatter``) and computed there, its results left there, so this process never holds
    every partition's items at once (a large table file's texts). The scheduler keeps none of
    the items either, so a partition whose worker is lost cannot be computed again.

    Raises
    ------
    ClusterError
        There is no cluster.
    """
    client = dask_client()
    if client is None:
        raise ClusterError("no Dask cluster to send partitions to")
    futures = []
    for partition in partitions:
        [sent] = client.scatter([partition], hash=False)
        futures.append(client.submit(_run_task, sent, function=function, pure=False))
    return ResidentPartitions(client, futures)


def cluster_partition_size(items: int) -> int | None:
    """Items per partition for `items` items on the Dask cluster in use (:func:`partition_size`
    for its workers); None without a cluster."""
    client = dask_client()
    return None if client is None else partition_size(items, len(client.scheduler_info()["workers"]))


def _run_resident_task(partition: object, function: Callable, **options):
    global _in_task
    _in_task = True
    return function(partition, **options)


def apply_each(partition: list[Item], function: Callable[[Item], Result]) -> list[Result]:
    """`function` on each item of `partition`: a per-item function as a partition function."""
    return [function(item) for item in partition]


def _run_task(partition: list, function: Callable[[list], list]) -> list:
    global _in_task
    _in_task = True
    return function(partition)
