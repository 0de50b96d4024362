"""Time one command of the project against an earlier version of the package, as whole processes.

Usage::

    git archive COMMIT | tar -x -C /tmp/before
    .venv/bin/python scripts/benchmark_before_after.py --before /tmp/before [--repeats 6] [--cold-cache] -- \
        ratings FOLDER --json

Everything after ``--`` is the argument list of ``python -m analysis``. Each round runs the command
once with the earlier version (its folder first on ``PYTHONPATH`` and as the working directory, so
``import analysis`` finds its package) and once with this checkout's, in alternating order, so a
busy machine slows both alike; output goes to ``/dev/null``. The environment is passed on as it
is, so a ``CRITICISM_CACHE_DIR`` filled beforehand gives both a warm judgement cache;
``--cold-cache`` gives every run a fresh empty one instead. Both packages' modules are compiled to
bytecode first, as ``make install`` does, so neither run compiles them from source. Printed: each
version's wall seconds, their medians and the ratio of this checkout's median to the earlier one's.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.paths import CACHE_ENV_VAR, PROJECT_ROOT


def timed_run(folder: Path, arguments: list[str], *, cold_cache: bool = False) -> float:
    """Wall seconds of ``python -m analysis ARGUMENTS`` with the package of `folder`; with
    `cold_cache`, an empty judgement cache of its own."""
    with tempfile.TemporaryDirectory(prefix="cold-cache-") as empty:
        environment = dict(os.environ, PYTHONPATH=str(folder), **({CACHE_ENV_VAR: empty} if cold_cache else {}))
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "analysis", *arguments], cwd=folder, env=environment,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        )
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a folder holding the earlier version's analysis/")
    parser.add_argument("--repeats", type=int, default=6)
    parser.add_argument("--cold-cache", action="store_true", help="a fresh empty judgement cache for every run")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="-- then the arguments of python -m analysis")
    args = parser.parse_args(argv)
    arguments = args.arguments[1:] if args.arguments[:1] == ["--"] else args.arguments
    if not (args.before / "analysis").is_dir() or not arguments:
        parser.error("--before must hold an analysis/ package, and a command must follow --")
    versions = {"before": args.before.resolve(), "after": PROJECT_ROOT}
    for folder in versions.values():
        compileall.compile_dir(folder / "analysis", quiet=1)
    seconds: dict[str, list[float]] = {name: [] for name in versions}
    for round_index in range(args.repeats):
        order = list(versions) if round_index % 2 == 0 else list(reversed(versions))
        for name in order:
            seconds[name].append(timed_run(versions[name], arguments, cold_cache=args.cold_cache))
    for name, folder in versions.items():
        runs = ", ".join(f"{value:.2f}" for value in seconds[name])
        print(f"{name:6} {folder}: median {statistics.median(seconds[name]):.3f} s ({runs})")
    ratio = statistics.median(seconds["after"]) / statistics.median(seconds["before"])
    print(f"after / before: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
