"""Time the analysis commands as whole processes, beside a common-NLTK baseline.

What is measured
----------------
Each timed run is one fresh process, exactly as a user runs it::

    python -m analysis COMMAND FOLDER --json > /dev/null

so the figures include interpreter start-up, imports, loading the models and printing the
records, not only the analysis itself; in-process timing would hide all of that. Beside each
command runs a **baseline**, one process with the same interpreter that does what a short NLTK
script would: read every ``.txt`` file of the folder as UTF-8, tokenize it with
``nltk.word_tokenize(text, preserve_line=True)`` (``preserve_line`` skips sentence splitting,
which would need the punkt data, and no NLTK data is installed here) and count it with
``nltk.FreqDist``.

How
---
* **Corpora**: by default the 1,400 development reviews of the Pang & Lee polarity data set
  (``../shared/datasets/movie-review-polarity-dev/{pos,neg}/*.txt`` beside the project) are
  copied into plain corpus folders, neg and pos interleaved in sorted order (neg0, pos0, neg1,
  pos1, ...) and named ``{label}-{original name}``; each folder holds the first N files for each
  size of ``--sizes``. ``--corpus DIR`` times one given folder instead.
* **Bytecode**: the package's modules are compiled first, as ``make install`` compiles them, so
  that a run times the command as installed, not a stale or missing bytecode cache (where
  ``PYTHONDONTWRITEBYTECODE`` is set, no run writes one).
* **Alternating runs**: for each size and command, one untimed run of each warms the operating
  system's file and bytecode caches (and, with ``--cache warm``, fills the judgement cache); then
  each of ``--repeats`` rounds runs the baseline and then the command, so a busy machine slows
  both alike.
* **Wall time** is ``time.perf_counter`` around the child process, start to exit. **Peak memory**
  is each child's maximum resident set size, from the ``rusage`` that ``os.wait4`` returns for
  that child (``resource.getrusage(RUSAGE_CHILDREN)`` would give only the largest child so far).
  On Linux that figure also covers the child's own descendants that it waited for: it is the
  largest of their peaks, never a sum.
* **Summary**: medians (robust to the odd slow run), with min and max of the command's times;
  the ratio of the command's median to the baseline's median over the same rounds; the
  command's peak RSS over its runs; and growth, the time at the largest size over the time at
  the smallest next to the size ratio (linear scaling gives equal ratios).
* **Judgement cache** (``aspects`` and ``ratings``; ``--cache``): ``cold`` gives each run a fresh
  empty ``CRITICISM_CACHE_DIR``, ``warm`` shares one per size and command that the untimed run
  fills, ``off`` passes ``--no-cache``. A cold run also measures the **models' own time**: the
  command runs through a short launcher (:data:`MODEL_TIMED_CODE`) that calls the same
  ``analysis.cli.main`` and adds up the wall time spent in the batches the models judge
  (``analysis.judgements._computed``: the workers' model loads and runs, nothing else); the
  summary gives its median and the rest of the command's time over the baseline's
  (``rest ratio``). ``corpus`` and ``vocab`` do not use the judgement cache,
  so they run the same way under every ``--cache`` setting, never with ``--no-cache``. A
  ``CRITICISM_CACHE_DIR`` set in the caller's environment is never passed on.
* **Whole study** (``--run-study N``): times ``python -m analysis run`` once on the first N
  reviews with an empty judgement cache. Notebook kernels are child processes of ``run``, so the
  ``os.wait4`` figure is the largest peak of ``run`` and every kernel it waited for, and
  ``RUSAGE_CHILDREN`` afterwards (this mode starts no other child) is the same maximum seen from
  the benchmark's side. Neither is the ``run`` process's own peak nor the tree's total, so both
  are also sampled from ``/proc`` every 0.25 s while it runs (Linux only): the ``run`` process's
  own high-water mark (``VmHWM``, exact unless it rises in the last interval), the largest
  sum of ``VmRSS`` over the tree (which counts a page shared by forked processes once in each),
  and the largest sum of ``Pss`` over the tree (each shared page counted once: the memory the
  study uses together). Sums are samples, so lower bounds of their peaks.

Usage
-----
::

    .venv/bin/python scripts/benchmark_commands.py [--sizes 150 600 1400] [--repeats 5]
        [--commands corpus vocab aspects ratings] [--cache cold|warm|off] [--corpus DIR]
        [--workdir DIR] [--json FILE] [--run-study N]

Writes nothing outside the temporary folder (or ``--workdir``) and the ``--json`` file. Input
problems (a missing data set or folder, a size larger than the data set) get one line on stderr
and exit status 2; a timed command that fails stops the benchmark with its last stderr line and
exit status 1.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from analysis.paths import WORKERS_ENV_VAR

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATASET = PROJECT_ROOT.parent / "shared" / "datasets" / "movie-review-polarity-dev"
LABELS = ("neg", "pos")
COMMANDS = ("corpus", "vocab", "aspects", "ratings")
CACHED_COMMANDS = ("aspects", "ratings")
CACHE_ENV = "CRITICISM_CACHE_DIR"
NO_CACHE_FLAG = "--no-cache"
# ru_maxrss is in kibibytes on Linux and in bytes on macOS.
RSS_BYTES = 1 if sys.platform == "darwin" else 1024
BASELINE_CODE = (
    'import sys, pathlib, nltk; '
    'counts = {p.name: nltk.FreqDist(nltk.word_tokenize(p.read_text(encoding="utf-8"), preserve_line=True)) '
    'for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))}; '
    'print(len(counts), sum(fd.N() for fd in counts.values()))'
)
# `python -m analysis ARGS`, timing the models' batches into the file named by MODEL_SECONDS_ENV.
MODEL_SECONDS_ENV = "BENCHMARK_MODEL_SECONDS_FILE"
MODEL_TIMED_CODE = f"""
import os, sys, time
from analysis import judgements
from analysis.cli import main
computed, spent = judgements._computed, [0.0]
def timed(*args, **options):
    batches = computed(*args, **options)
    while True:
        start = time.perf_counter()
        try:
            batch = next(batches)
        except StopIteration:
            return
        finally:
            spent[0] += time.perf_counter() - start
        yield batch
judgements._computed = timed
status = main(sys.argv[1:])
with open(os.environ[{MODEL_SECONDS_ENV!r}], "w") as out:
    out.write(repr(spent[0]))
sys.stdout.flush()
os._exit(status)
"""
EXIT_BAD_INPUT = 2
EXIT_COMMAND_FAILED = 1
PROC = Path("/proc")
SAMPLE_SECONDS = 0.25


class InputError(Exception):
    """A problem with the options or the data: one line on stderr, exit status 2."""


class CommandFailed(Exception):
    """A timed process exited with a non-zero status: exit status 1."""


@dataclass(frozen=True)
class Run:
    """One finished child process.

    Attributes
    ----------
    seconds : float
        Wall time from starting the process to reaping it.
    peak_mb : float
        Maximum resident set size in MB (2**20 bytes) from ``os.wait4``: the process's own, or on
        Linux the largest of it and any descendant it waited for.
    """

    seconds: float
    peak_mb: float
    model_seconds: float | None = None


@dataclass(frozen=True)
class Measurement:
    """The alternating runs of the baseline and one command on one corpus folder."""

    reviews: int
    folder: str
    command: str
    baseline: tuple[Run, ...]
    runs: tuple[Run, ...]

    def baseline_median(self) -> float:
        return statistics.median(run.seconds for run in self.baseline)

    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    def summary(self) -> dict[str, float | int | str]:
        """The row of the printed table, also written to ``--json``."""
        times = [run.seconds for run in self.runs]
        model = [run.model_seconds for run in self.runs if run.model_seconds is not None]
        timed = {} if not model else {
            "model_median_s": statistics.median(model),
            "rest_ratio": statistics.median(run.seconds - run.model_seconds for run in self.runs) / self.baseline_median(),
        }
        return {
            "reviews": self.reviews,
            "command": self.command,
            "baseline_median_s": self.baseline_median(),
            "median_s": self.median(),
            "min_s": min(times),
            "max_s": max(times),
            "ratio": self.median() / self.baseline_median(),
            "peak_mb": max(run.peak_mb for run in self.runs),
            "baseline_peak_mb": max(run.peak_mb for run in self.baseline),
            **timed,
        }


# --------------------------------------------------------------------------- corpora


def interleaved_reviews(dataset: Path) -> list[tuple[str, Path]]:
    """The data set's review files as ``(label, path)``: neg0, pos0, neg1, pos1, ...

    Raises
    ------
    InputError
        The data set folder, or one of its label folders, is missing or holds no ``.txt`` file.
    """
    if not dataset.is_dir():
        raise InputError(f"{dataset}: data set folder not found (give --corpus DIR to time another folder)")
    by_label = {label: sorted((dataset / label).glob("*.txt")) for label in LABELS}
    for label, files in by_label.items():
        if not files:
            raise InputError(f"{dataset / label}: no .txt review files")
    interleaved = []
    for index in range(max(len(files) for files in by_label.values())):
        interleaved.extend((label, files[index]) for label, files in by_label.items() if index < len(files))
    return interleaved


def build_subsets(reviews: list[tuple[str, Path]], sizes: list[int], root: Path) -> dict[int, Path]:
    """Copy the first N reviews into ``root/polarity-N/{label}-{name}`` for each size N."""
    if sizes[-1] > len(reviews):
        raise InputError(f"size {sizes[-1]} is larger than the data set's {len(reviews)} reviews")
    folders = {}
    for size in sizes:
        folder = root / f"polarity-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        for label, path in reviews[:size]:
            shutil.copyfile(path, folder / f"{label}-{path.name}")
        folders[size] = folder
    return folders


# --------------------------------------------------------------------------- processes


def environment(cache_dir: str | None) -> dict[str, str]:
    """The caller's environment without its own cache setting, plus ``cache_dir`` if given."""
    env = {key: value for key, value in os.environ.items() if key != CACHE_ENV}
    if cache_dir is not None:
        env[CACHE_ENV] = cache_dir
    return env


def status_kb(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/PID/status``, or 0 when the process or field is gone."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith(f"{field}:")), 0)


def pss_kb(pid: int) -> int:
    """The process's proportional set size (``Pss`` of ``/proc/PID/smaps_rollup``), or 0 when
    the process or file is gone: each page shared by n processes counts 1/n in each, so the sum
    over processes is the memory they use together (a forked worker shares its parent's pages)."""
    try:
        lines = (PROC / str(pid) / "smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)


def process_tree(pid: int) -> list[int]:
    """``pid`` and its living descendants, from the parent ids in ``/proc/*/stat``."""
    children: dict[int, list[int]] = {}
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    tree, pending = [], [pid]
    while pending:
        tree.append(pending.pop())
        pending.extend(children.get(tree[-1], []))
    return tree


class TreeSampler:
    """Samples a running process's own peak RSS and its tree's total RSS from ``/proc``.

    Attributes
    ----------
    own_peak_kb : int
        The largest ``VmHWM`` (the process's own high-water mark) seen.
    tree_peak_kb : int
        The largest sum of ``VmRSS`` over the process and its descendants seen (pages shared
        between processes count once in each).
    tree_pss_peak_kb : int
        The largest sum of ``Pss`` over the process and its descendants seen: the memory the
        tree uses, shared pages counted once.
    """

    def __init__(self) -> None:
        self.own_peak_kb = 0
        self.tree_peak_kb = 0
        self.tree_pss_peak_kb = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, pid: int) -> None:
        self._thread = threading.Thread(target=self._sample, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _sample(self, pid: int) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.own_peak_kb = max(self.own_peak_kb, status_kb(pid, "VmHWM"))
            tree = process_tree(pid)
            self.tree_peak_kb = max(self.tree_peak_kb, sum(status_kb(p, "VmRSS") for p in tree))
            self.tree_pss_peak_kb = max(self.tree_pss_peak_kb, sum(pss_kb(p) for p in tree))


def measure(argv: list[str], env: dict[str, str], sampler: TreeSampler | None = None) -> Run:
    """Run ``argv`` from the project root with stdout to /dev/null; its wall time and peak RSS.

    ``sampler``, if given, samples the process's memory from ``/proc`` while it runs.

    Raises
    ------
    CommandFailed
        The process exited with a non-zero status; the message quotes its last stderr line.
    """
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        if sampler is not None:
            sampler.start(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if sampler is not None:
            sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            stderr.seek(0)
            lines = stderr.read().decode("utf-8", "replace").strip().splitlines() or ["(no stderr)"]
            raise CommandFailed(f"{shlex.join(argv)} exited with status {process.returncode}: {lines[-1]}")
    return Run(seconds, usage.ru_maxrss * RSS_BYTES / 2**20)


def baseline_argv(folder: Path) -> list[str]:
    return [sys.executable, "-c", BASELINE_CODE, str(folder)]


def command_argv(command: str, folder: Path, cache: str) -> list[str]:
    """The command line; ``--no-cache`` with ``--cache off`` for the commands that use the cache;
    through the model-timing launcher with ``--cache cold`` for them."""
    no_cache = cache == "off" and command in CACHED_COMMANDS
    arguments = [command, str(folder), "--json", *([NO_CACHE_FLAG] if no_cache else [])]
    if times_models(command, cache):
        return [sys.executable, "-c", MODEL_TIMED_CODE, *arguments]
    return [sys.executable, "-m", "analysis", *arguments]


def times_models(command: str, cache: str) -> bool:
    return cache == "cold" and command in CACHED_COMMANDS


def measure_models(argv: list[str], env: dict[str, str], scratch: Path) -> Run:
    """:func:`measure`, with the models' seconds the launcher of :data:`MODEL_TIMED_CODE` reports."""
    with tempfile.NamedTemporaryFile("r", dir=scratch, suffix=".seconds") as seconds_file:
        run = measure(argv, {**env, MODEL_SECONDS_ENV: seconds_file.name})
        return Run(run.seconds, run.peak_mb, float(seconds_file.read()))


def cache_context(command: str, cache: str, warm_dir: str | None,
                  scratch: Path) -> AbstractContextManager[str | None]:
    """The ``CRITICISM_CACHE_DIR`` for one run of ``command``, or None to set none."""
    if command not in CACHED_COMMANDS or cache == "off":
        return nullcontext(None)
    if cache == "warm":
        return nullcontext(warm_dir)
    return tempfile.TemporaryDirectory(prefix=f"cache-cold-{command}-", dir=scratch)


def measure_command(command: str, folder: Path, reviews: int, cache: str,
                    repeats: int, scratch: Path) -> Measurement:
    """One untimed run of the command, then ``repeats`` rounds of baseline and command."""
    argv = command_argv(command, folder, cache)
    warm_dir = None
    if cache == "warm" and command in CACHED_COMMANDS:
        warm_dir = tempfile.mkdtemp(prefix=f"cache-warm-{command}-{reviews}-", dir=scratch)
    timed = partial(measure_models, scratch=scratch) if times_models(command, cache) else measure
    with cache_context(command, cache, warm_dir, scratch) as cache_dir:
        timed(argv, environment(cache_dir))
    baseline, runs = [], []
    for repeat in range(1, repeats + 1):
        print(f"  {reviews} reviews, {command}: round {repeat}/{repeats}", file=sys.stderr, flush=True)
        baseline.append(measure(baseline_argv(folder), environment(None)))
        with cache_context(command, cache, warm_dir, scratch) as cache_dir:
            runs.append(timed(argv, environment(cache_dir)))
    return Measurement(reviews, str(folder), command, tuple(baseline), tuple(runs))


# --------------------------------------------------------------------------- report


def describe_commands(commands: list[str], cache: str) -> list[str]:
    """The exact command lines timed, with FOLDER for the corpus folder and the cache setting."""
    lines = [f"working directory: {PROJECT_ROOT}",
             f"  baseline: {shlex.join(baseline_argv(Path('FOLDER')))} > /dev/null"]
    for command in commands:
        prefix = ""
        if command in CACHED_COMMANDS and cache == "cold":
            prefix = f"{CACHE_ENV}=<fresh empty folder each run> "
        elif command in CACHED_COMMANDS and cache == "warm":
            prefix = f"{CACHE_ENV}=<folder filled by the untimed run> "
        argv = [part if part != MODEL_TIMED_CODE else "<MODEL_TIMED_CODE: analysis.cli.main, models timed>"
                for part in command_argv(command, Path("FOLDER"), cache)]
        lines.append(f"  {command}: {prefix}{shlex.join(argv)} > /dev/null")
    return lines


def format_table(summaries: list[dict[str, float | int | str]]) -> str:
    header = (f"{'reviews':>7}  {'command':<8}{'baseline s':>11}{'command s':>11}  {'(min-max)':<15}"
              f"{'ratio':>7}{'peak MB':>9}{'baseline MB':>13}")
    lines = [header, "-" * len(header)]
    for row in summaries:
        spread = f"({row['min_s']:.2f}-{row['max_s']:.2f})"
        lines.append(f"{row['reviews']:>7}  {row['command']:<8}{row['baseline_median_s']:>11.3f}"
                     f"{row['median_s']:>11.3f}  {spread:<15}{row['ratio']:>6.2f}x"
                     f"{row['peak_mb']:>9.1f}{row['baseline_peak_mb']:>13.1f}")
    return "\n".join(lines)


def growth(measurements: list[Measurement], commands: list[str]) -> list[dict[str, float | int | str]]:
    """Time at the largest size over time at the smallest, per command and for the baseline.

    The baseline's time at a size is the median of all its runs at that size (beside every command).
    """
    sizes = sorted({m.reviews for m in measurements})
    small, large = sizes[0], sizes[-1]

    def seconds(name: str, size: int) -> float:
        at_size = [m for m in measurements if m.reviews == size]
        if name == "baseline":
            return statistics.median(run.seconds for m in at_size for run in m.baseline)
        return next(m.median() for m in at_size if m.command == name)

    return [{"name": name, "from_reviews": small, "to_reviews": large, "size_ratio": large / small,
             "time_ratio": seconds(name, large) / seconds(name, small)}
            for name in ["baseline", *commands]]


def platform_lines() -> list[str]:
    return [f"python {platform.python_version()} ({sys.executable}), nltk {importlib.metadata.version('nltk')}",
            f"platform {platform.platform()}, {os.cpu_count()} CPUs, "
            f"{os.environ.get(WORKERS_ENV_VAR) or 'one worker per core'} ({WORKERS_ENV_VAR}) for per-review work"]


def write_json(path: Path | None, document: dict) -> None:
    if path is not None:
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"raw results written to {path}")


# --------------------------------------------------------------------------- modes


def benchmark(args: argparse.Namespace, scratch: Path) -> None:
    """Time the baseline and each command on each corpus folder; print the table and growth."""
    if args.corpus is not None:
        if not args.corpus.is_dir():
            raise InputError(f"{args.corpus}: corpus folder not found")
        folder = args.corpus.resolve()
        reviews = len(list(folder.glob("*.txt")))
        if reviews == 0:
            raise InputError(f"{folder}: no .txt files")
        folders = {reviews: folder}
    else:
        folders = build_subsets(interleaved_reviews(DATASET), args.sizes, args.workdir or scratch)
    commands = list(dict.fromkeys(args.commands))
    command_lines = describe_commands(commands, args.cache)
    for line in [*platform_lines(), *command_lines]:
        print(line)
    print(f"corpus folders: {', '.join(f'{size} reviews in {folder}' for size, folder in folders.items())}")
    print(f"judgement cache for {'/'.join(CACHED_COMMANDS)}: {args.cache}; "
          f"{args.repeats} alternating rounds after one untimed run each\n", flush=True)

    compileall.compile_dir(PROJECT_ROOT / "analysis", quiet=1)
    measurements = []
    for reviews, folder in folders.items():
        measure(baseline_argv(folder), environment(None))  # untimed: file cache and nltk bytecode
        for command in commands:
            measurements.append(measure_command(command, folder, reviews, args.cache, args.repeats, scratch))
    summaries = [m.summary() for m in measurements]
    print(format_table(summaries))
    print("seconds are medians of wall time; ratio = command median / baseline median; "
          "peak MB = max RSS over the runs (MB = 2**20 bytes)")
    for row in summaries:
        if "rest_ratio" in row:
            print(f"  {row['reviews']} reviews, {row['command']} (cold): the models' batches {row['model_median_s']:.2f} s "
                  f"(median); the rest of the command {row['rest_ratio']:.2f}x the baseline")
    growths = growth(measurements, commands) if len(folders) > 1 else []
    if growths:
        print("\ngrowth (largest size over smallest):")
        for row in growths:
            print(f"  {row['name']:<8}  {row['to_reviews']}/{row['from_reviews']} reviews = "
                  f"{row['size_ratio']:.1f}x size: {row['time_ratio']:.1f}x time")
    write_json(args.json, {
        "python": platform.python_version(), "platform": platform.platform(), "cache": args.cache,
        "repeats": args.repeats, "command_lines": command_lines,
        "measurements": [asdict(m) for m in measurements], "summary": summaries, "growth": growths,
    })


def run_study(args: argparse.Namespace, scratch: Path) -> None:
    """Time ``python -m analysis run`` once on the first N reviews, with an empty judgement cache."""
    folder = build_subsets(interleaved_reviews(DATASET), [args.run_study], args.workdir or scratch)[args.run_study]
    output = (args.workdir or scratch) / "study-output"
    argv = [sys.executable, "-m", "analysis", "run", "--corpus", str(folder), "--output", str(output)]
    for line in platform_lines():
        print(line)
    print(f"working directory: {PROJECT_ROOT}")
    print(f"  {CACHE_ENV}=<fresh empty folder> {shlex.join(argv)} > /dev/null")
    print(f"running every notebook on {args.run_study} reviews (one run, may take minutes) ...", flush=True)
    sampler = TreeSampler() if (PROC / "self" / "status").exists() else None
    with tempfile.TemporaryDirectory(prefix="cache-study-", dir=scratch) as cache_dir:
        run = measure(argv, environment(cache_dir), sampler)
    children_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * RSS_BYTES / 2**20
    own_peak_mb = sampler.own_peak_kb / 1024 if sampler else None
    tree_total_mb = sampler.tree_peak_kb / 1024 if sampler else None
    tree_pss_mb = sampler.tree_pss_peak_kb / 1024 if sampler else None
    print(f"wall time: {run.seconds:.1f} s")
    print(f"peak RSS, largest single process among `run` and the kernels it waited for "
          f"(os.wait4 of `run`): {run.peak_mb:.1f} MB")
    print(f"peak RSS, largest single process among all children of this script and their waited-for "
          f"descendants (RUSAGE_CHILDREN after the run): {children_peak_mb:.1f} MB")
    if sampler is None:
        print("sampled peaks of the `run` process alone and of the whole tree: not available (no /proc)")
    else:
        print(f"peak RSS of the `run` process alone (VmHWM, sampled every {SAMPLE_SECONDS} s): {own_peak_mb:.1f} MB")
        print(f"peak total RSS of `run` and its living descendants (sum of VmRSS, sampled every "
              f"{SAMPLE_SECONDS} s; pages shared by forked processes counted in each): {tree_total_mb:.1f} MB")
        print(f"peak memory of `run` and its living descendants (sum of Pss, shared pages counted once, "
              f"sampled every {SAMPLE_SECONDS} s): {tree_pss_mb:.1f} MB")
    write_json(args.json, {
        "python": platform.python_version(), "platform": platform.platform(), "reviews": args.run_study,
        "command_line": shlex.join(argv), "seconds": run.seconds, "wait4_peak_mb": run.peak_mb,
        "rusage_children_peak_mb": children_peak_mb, "sampled_run_own_peak_mb": own_peak_mb,
        "sampled_tree_total_peak_mb": tree_total_mb, "sampled_tree_pss_peak_mb": tree_pss_mb,
    })


# --------------------------------------------------------------------------- command line


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive integer")
    return value


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time `python -m analysis COMMAND FOLDER --json` as whole processes, alternating with "
                    "a common-NLTK baseline process (word_tokenize + FreqDist), and print medians, ratios, "
                    "peak memory and growth with corpus size.")
    parser.add_argument("--sizes", type=positive_int, nargs="+", default=[150, 600, 1400], metavar="N",
                        help="corpus sizes: the first N interleaved polarity reviews (default: 150 600 1400)")
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS), metavar="COMMAND",
                        help=f"commands to time, of {' '.join(COMMANDS)} (default: all)")
    parser.add_argument("--repeats", type=positive_int, default=5,
                        help="alternating rounds of baseline and command; 5 or more recommended (default: 5)")
    parser.add_argument("--cache", choices=("cold", "warm", "off"), default="cold",
                        help="judgement cache for aspects and ratings: cold = a fresh empty "
                             f"{CACHE_ENV} each run, warm = one filled by an untimed run, "
                             f"off = {NO_CACHE_FLAG} (default: cold)")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="time this corpus folder instead of the polarity subsets (no growth line)")
    parser.add_argument("--workdir", type=Path, metavar="DIR",
                        help="build the corpus folders (and the --run-study output) here and keep them "
                         "(default: a temporary folder)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw results to FILE")
    parser.add_argument("--run-study", type=positive_int, metavar="N",
                        help="instead, time `python -m analysis run` once on the first N reviews "
                             "(always with an empty judgement cache)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.sizes = sorted(set(args.sizes))
    try:
        with tempfile.TemporaryDirectory(prefix="benchmark-commands-") as scratch:
            (run_study if args.run_study else benchmark)(args, Path(scratch))
    except InputError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CommandFailed as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_COMMAND_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
