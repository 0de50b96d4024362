"""Time ``python -m analysis sentences`` on many lines as a whole process: throughput and peak memory.

Usage: python scripts/benchmark_sentences.py [--datasets DIR] [--lines 100000] [--repeats 3] [--encoder-alone]

Input: ``--lines`` distinct lines, so that no judgement is saved by the in-process table of
distinct texts: every line of the development data sets (the 1,400 reviews' lines, the
subjectivity and sentence-polarity sentences), each once, in that order, then, while more are
needed, each pair of consecutive lines of that list joined by a space (a longer "sentence", cut
at 64 word pieces by the encoder). Each timed run is a fresh process, exactly as a user runs it::

    python -m analysis sentences FILE --json --no-cache > /dev/null

so the figures include interpreter start-up, imports, loading the models and printing; the
judgement cache is off, so every line is judged. Wall time is ``time.perf_counter`` around the
child; from ``os.wait4``, its CPU time (user + system, its worker processes included) and the
peak resident set size of the largest process. Prints each run and the median sentences per
second. The machine's load average is printed beside each run: other work on the same cores
slows the run, never speeds it; the CPU time a sentence takes varies much less with that load,
and two cores' worth of seconds divided by it bounds what an idle two-core machine would do.

``--encoder-alone`` times, in each round right after the command, a second whole process that
only runs the shipped encoder over the same lines (:func:`analysis.encoder.encode`: one text at a
time, single-threaded sessions in as many forked workers as the command uses), and prints its
median rate beside the command's and the ratio of the two: the share of the model's own speed
that the command keeps, which the machine's hour moves far less than either rate.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from training.data import DEFAULT_DATASETS  # noqa: E402


def benchmark_lines(datasets: Path, wanted: int) -> list[str]:
    """`wanted` distinct non-blank lines from the development data (see the module docstring)."""
    review_lines = []
    for label in ("pos", "neg"):
        for path in sorted((datasets / "movie-review-polarity-dev" / label).glob("*.txt")):
            review_lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    review_lines = [line for line in review_lines if line]
    sentences = []
    for folder, names in (
        ("subjectivity-dev", ("quote.tok.gt9.5000", "plot.tok.gt9.5000")),
        ("sentence-polarity-dev", ("rt-polarity.pos", "rt-polarity.neg")),
    ):
        for name in names:
            text = (datasets / folder / name).read_text(encoding="utf-8")
            sentences += [line.strip() for line in text.splitlines() if line.strip()]
    every = review_lines + sentences
    pairs = (f"{a} {b}" for a, b in zip(every, every[1:]))
    distinct = dict.fromkeys(review_lines + sentences)
    for pair in pairs:
        if len(distinct) >= wanted:
            break
        distinct.setdefault(pair)
    if len(distinct) < wanted:
        raise SystemExit(f"--lines {wanted}: the data sets give only {len(distinct)} distinct lines")
    return list(distinct)[:wanted]


# The encoder alone over a file's lines, as the command's workers run it.
ENCODER_ALONE_CODE = (
    "import sys, pathlib; from analysis.encoder import encode; "
    "encode(pathlib.Path(sys.argv[1]).read_text(encoding='utf-8').splitlines())"
)


def measure(path: Path, *, encoder_alone: bool = False) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one ``sentences`` run on `path` (with
    `encoder_alone`, of one run of the encoder alone on its lines)."""
    argv = [sys.executable, "-m", "analysis", "sentences", str(path), "--json", "--no-cache"]
    if encoder_alone:
        argv = [sys.executable, "-c", ENCODER_ALONE_CODE, str(path)]
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed with status {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux reports kB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--encoder-alone", action="store_true", help="also time the encoder alone, alternating")
    args = parser.parse_args(argv)
    lines = benchmark_lines(args.datasets, args.lines)
    compileall.compile_dir(PROJECT_ROOT / "analysis", quiet=1)  # as `make install` does
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start; {len(lines)} distinct lines")
    rates, encoder_rates = [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for run in range(args.repeats):
            seconds, cpu_seconds, peak = measure(path)
            rates.append(len(lines) / seconds)
            print(f"run {run + 1}: {seconds:.1f} s, {rates[-1]:.0f} sentences/s, "
                  f"CPU {cpu_seconds:.1f} s ({1000 * cpu_seconds / len(lines):.2f} ms a sentence), "
                  f"peak RSS {peak:.0f} MB, load average {os.getloadavg()[0]:.1f}", flush=True)
            if args.encoder_alone:
                seconds, cpu_seconds, peak = measure(path, encoder_alone=True)
                encoder_rates.append(len(lines) / seconds)
                print(f"  encoder alone: {seconds:.1f} s, {encoder_rates[-1]:.0f} sentences/s, "
                      f"CPU {cpu_seconds:.1f} s ({1000 * cpu_seconds / len(lines):.2f} ms a sentence)", flush=True)
    print(f"median {statistics.median(rates):.0f} sentences/s over {args.repeats} runs")
    if encoder_rates:
        print(f"encoder alone: median {statistics.median(encoder_rates):.0f} sentences/s; the command "
              f"{statistics.median(rates) / statistics.median(encoder_rates):.2f}x of it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
