"""Time the per-review stage on a Dask LocalCluster of 1 and 2 worker processes.

What is measured
----------------
The **per-review stage** is what ``--dask`` sends to the cluster: reading and segmenting every
review of a table file, splitting and tokenizing the bodies (:func:`analysis.parallel.ordered_map`),
and judging every body sentence (:func:`analysis.judgements.judge_sentences`, with the disk
cache off and the in-process table emptied, so every sentence is judged). For each worker count
a fresh ``LocalCluster`` (processes, one thread each) is started and the stage runs once:

* **model load per worker**: seconds for each worker to import the package and load the
  n-gram models and the encoder, in a first task pinned to each worker before the timed stage,
  as the stage's first task on a real cluster would;
* **reviews/s per worker**: reviews / wall time of the stage / workers (wall time includes the
  client's own work between the maps: building the sentence and token tables);
* **scheduler overhead per task**: the round trip of 400 empty tasks mapped like the stage's
  partitions, divided by 400; beside it the stage's task count and the share of the workers'
  time spent inside tasks (from the scheduler's task stream);
* **memory per worker**: each worker's peak resident set (``VmHWM``) after the stage, and the
  client process's peak;
* **CPU per worker**: each worker process's CPU seconds (user + system) during the stage and
  that time as a share of the stage's wall time, beside the client's (which runs the local
  scheduler): whether a worker computed all the time it sat inside tasks, or waited for a core.

Usage
-----
::

    .venv/bin/python scripts/benchmark_dask.py [--reviews 1400] [--workers 1 2] [--json FILE]
        [--dataset ../shared/datasets/movie-review-polarity-dev]

The reviews are the polarity development reviews, interleaved neg/pos
(``scripts/polarity_table.py``), written to a temporary Parquet file. A missing data set gets one
line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from polarity_table import DEFAULT_DATASET, LABELS, polarity_reviews

EMPTY_TASKS = 400


def _load_models(partition: list) -> list[float]:
    """Seconds to import the package and load every model the stage uses (a task on a worker)."""
    started = time.perf_counter()
    from analysis.judgements import judge_sentences

    judge_sentences(["A warm-up sentence."])
    return [time.perf_counter() - started]


def _peak_rss_mb() -> float:
    """This process's peak resident set in MB (2**20 bytes), from /proc (run on a worker)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_seconds() -> float:
    """This process's CPU time so far, user and system (run on a worker or here)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _nothing(partition: list) -> list:
    return partition


def run_stage(table_file: Path, workers: int) -> dict:
    """The per-review stage on a fresh LocalCluster of `workers` processes; its figures."""
    from distributed import Client, LocalCluster, get_task_stream

    from analysis import judgements
    from analysis.corpus import load_corpus
    from analysis.dask_cluster import _run_task, close_client, map_partitions
    from analysis.paths import DASK_ENV_VAR, NO_CACHE_ENV_VAR

    os.environ[NO_CACHE_ENV_VAR] = "1"
    judgements._judged.clear()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    os.environ[DASK_ENV_VAR] = cluster.scheduler_address
    try:
        with Client(cluster) as client:
            # A task, as the stage's are: the encoder sizes its thread pool when a process first
            # loads it, one thread inside a task (``client.run`` is not one: loaded there, each
            # worker's encoder took both cores and two workers oversubscribed them).
            load_seconds = [
                client.submit(_run_task, [None], function=_load_models, workers=[address], pure=False).result()[0]
                for address in sorted(client.scheduler_info()["workers"])
            ]
            started = time.perf_counter()
            map_partitions(_nothing, list(range(EMPTY_TASKS * 500)), description="empty tasks")
            empty_tasks = len(range(0, EMPTY_TASKS * 500, 500))
            overhead = (time.perf_counter() - started) / empty_tasks
            with get_task_stream(client) as stream:
                cpu_before, client_cpu_before = client.run(_cpu_seconds), _cpu_seconds()
                started = time.perf_counter()
                corpus = load_corpus(table_file)
                sentences = corpus.sentences["text"].tolist()
                judgements.judge_sentences(sentences)
                seconds = time.perf_counter() - started
                cpu_after, client_cpu = client.run(_cpu_seconds), _cpu_seconds() - client_cpu_before
            worker_cpu = [cpu_after[worker] - cpu_before[worker] for worker in sorted(cpu_after)]
            in_tasks = sum(step["stop"] - step["start"] for task in stream.data
                           for step in task["startstops"] if step["action"] == "compute")
            tasks = len(stream.data)
            worker_peaks = list(client.run(_peak_rss_mb).values())
        close_client()
    finally:
        cluster.close()
        del os.environ[DASK_ENV_VAR]
    reviews = len(corpus.reviews)
    return {
        "workers": workers,
        "reviews": reviews,
        "sentences": len(sentences),
        "seconds": round(seconds, 2),
        "reviews_per_second": round(reviews / seconds, 2),
        "reviews_per_second_per_worker": round(reviews / seconds / workers, 2),
        "sentences_per_second": round(len(sentences) / seconds, 1),
        "model_load_seconds_per_worker": [round(s, 2) for s in load_seconds],
        "scheduler_overhead_ms_per_task": round(1000 * overhead, 2),
        "stage_tasks": tasks,
        "share_of_worker_time_in_tasks": round(in_tasks / (seconds * workers), 3),
        "peak_mb_per_worker": [round(mb, 1) for mb in worker_peaks],
        "cpu_seconds_per_worker": [round(cpu, 1) for cpu in worker_cpu],
        "worker_cpu_share_of_wall_time": [round(cpu / seconds, 3) for cpu in worker_cpu],
        "client_cpu_seconds": round(client_cpu, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1400, help="how many reviews (default: %(default)s)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default: 1 2)")
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="the polarity data set folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not all((args.dataset / label).is_dir() for label in LABELS):
        print(f"error: {args.dataset}: no neg/ and pos/ folders of the polarity data set", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as folder:
        table_file = Path(folder) / "reviews.parquet"
        polarity_reviews(args.dataset, args.reviews).to_parquet(table_file, index=False)
        for workers in args.workers:
            print(f"{workers} worker(s) ...", file=sys.stderr, flush=True)
            results.append(run_stage(table_file, workers))
            print(json.dumps(results[-1]), flush=True)
    client_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"client process peak: {client_peak:.0f} MB; load average {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps({"runs": results, "client_peak_mb": round(client_peak, 1),
                                         "load_average": os.getloadavg()}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
