"""Is the explicit-rating parser as fast as an earlier version of it?

Usage: python scripts/benchmark_rating_parser.py --before DIR [--datasets DIR] [--reviews N]
       [--repeats R]

``DIR`` is a checkout of the earlier version (``git archive <commit> | tar -x -C DIR``); both
versions run with this interpreter, each in its own processes, alternating so that a busy
machine slows both alike. Two measurements, medians over ``--repeats`` rounds:

* **in process**: CPU time (``time.process_time``) of ``parse_explicit_ratings`` on every
  development review of the polarity data set v2.0 (1,400), and of ``is_rating_line`` on every
  non-blank line of them (segmentation asks it of every line), after one warm-up call;
* **whole process**: ``python -m analysis ratings FOLDER --json > /dev/null`` on a folder of the
  first ``--reviews`` reviews (half negative, half positive), wall time and CPU time (user +
  system, from the child's ``rusage``), with one judgement cache that an untimed run of each
  version fills first, so the sentence models cost both nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.paths import PROJECT_ROOT

DEFAULT_DATASETS = PROJECT_ROOT.parent / "shared" / "datasets"
IN_PROCESS = """
import glob, sys, time
from analysis.rating_parser import is_rating_line, parse_explicit_ratings
texts = [open(path, encoding="utf-8").read() for path in sorted(glob.glob(sys.argv[1] + "/*/*.txt"))]
lines = [line for text in texts for line in text.splitlines() if line.strip()]
parse_explicit_ratings("warm-up: 4/5")
start = time.process_time()
for text in texts:
    parse_explicit_ratings(text)
middle = time.process_time()
for line in lines:
    is_rating_line(line)
print(middle - start, time.process_time() - middle)
"""


def _in_process(checkout: Path, dataset: Path) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, str(dataset)], env=env, cwd=checkout,
                         capture_output=True, text=True, check=True).stdout
    parse, lines = out.split()
    return float(parse), float(lines)


def _whole_process(checkout: Path, folder: Path, env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen([sys.executable, "-m", "analysis", "ratings", str(folder), "--json"],
                                 cwd=checkout, env=env, stdout=sink)
        _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"ratings failed in {checkout} (status {status})")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the earlier version")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--reviews", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    dataset = args.datasets / "movie-review-polarity-dev"
    if not dataset.is_dir():
        parser.error(f"--datasets: no folder {dataset}")
    if not (args.before / "analysis" / "rating_parser.py").is_file():
        parser.error(f"--before: {args.before} is not a checkout of the project")
    if args.reviews < 2 or args.repeats < 1:
        parser.error("--reviews must be at least 2 and --repeats at least 1")
    versions = {"before": args.before.resolve(), "after": PROJECT_ROOT}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "reviews"
        folder.mkdir()
        for label in ("neg", "pos"):
            for path in sorted((dataset / label).glob("*.txt"))[: args.reviews // 2]:
                shutil.copy(path, folder / f"{label}-{path.name}")
        env = {**os.environ, "CRITICISM_CACHE_DIR": str(Path(scratch) / "cache")}
        env.pop("PYTHONPATH", None)
        for checkout in versions.values():
            _whole_process(checkout, folder, env)
        rows: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in versions}
        for _ in range(args.repeats):
            for name, checkout in versions.items():
                rows[name].append((*_in_process(checkout, dataset), *_whole_process(checkout, folder, env)))
    print(f"medians of {args.repeats} alternating rounds; seconds")
    print("version  parse 1,400 reviews (cpu)  is_rating_line on every line (cpu)  "
          f"ratings --json on {args.reviews} reviews: wall  cpu")
    for name, measured in rows.items():
        medians = [statistics.median(column) for column in zip(*measured)]
        print(f"{name:<7}  {medians[0]:>25.3f}  {medians[1]:>34.3f}  {medians[2]:>39.2f}  {medians[3]:>4.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
