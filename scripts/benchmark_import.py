"""How much does `import analysis` cost? Prints the median wall time of a fresh interpreter
importing the package (against a bare interpreter) and which heavy libraries the import loaded.

    .venv/bin/python scripts/benchmark_import.py [--repeats 15]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

HEAVY = ["pandas", "numpy", "matplotlib", "seaborn", "sklearn", "scipy", "nltk", "wordcloud", "yaml"]
PROBE = "import sys, json; {stmt}; print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"


def median_seconds(statement: str, repeats: int) -> tuple[float, list[str]]:
    times, loaded = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PROBE.format(stmt=statement, heavy=HEAVY)],
                             capture_output=True, text=True, check=True).stdout
        times.append(time.perf_counter() - start)
        loaded = json.loads(out)
    return statistics.median(times), loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    repeats = parser.parse_args().repeats
    rows = [(label, *median_seconds(stmt, repeats)) for label, stmt in [
        ("bare interpreter", "pass"),
        ("import analysis", "import analysis"),
        ("import analysis.corpus", "import analysis.corpus"),
        ("import analysis.plots", "import analysis.plots"),
    ]]
    baseline = rows[0][1]
    print(f"{'statement':<26}{'median s':>10}{'over bare':>11}  heavy modules loaded")
    for label, seconds, loaded in rows:
        print(f"{label:<26}{seconds:>10.3f}{seconds - baseline:>11.3f}  {', '.join(loaded) or '-'}")


if __name__ == "__main__":
    main()
