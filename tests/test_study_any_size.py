"""The whole study runs on corpora of any size and make: one review without a manifest, eight with
one, eight odd pages (see tests/data/corpora/README.md), and 48, past the 40 a chart shows.

The corpora in tests/data/corpora/ are invented reviews written for these tests (see its README).
"""

import json
import os
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.paths import CACHE_ENV_VAR, CORPUS_ENV_VAR, DEFAULT_FIGURES_DIR, FIGURES_ENV_VAR, PROJECT_ROOT
from analysis.plots import FIGURE_FORMATS
from analysis.study import study_notebooks

CORPORA = PROJECT_ROOT / "tests" / "data" / "corpora"
TABLES_DIR = PROJECT_ROOT / "tables"
MAX_SVG_BYTES = 5 * 1024 * 1024


def _figure_names(folder):
    return sorted(p.name for p in folder.iterdir() if p.suffix[1:] in FIGURE_FORMATS)


def test_eight_reviews_corpus_loads_with_manifest_and_comments():
    corpus = load_corpus(CORPORA / "eight-reviews")
    assert len(corpus.reviews) == 8
    assert corpus.skipped == ()
    assert corpus.film.title == "Salt Meridian"
    with_comments = {r.id: r for r in corpus.reviews}["04"]
    assert len(with_comments.comments) >= 2


def _run_study(corpus, tmp_path):
    """The study's output folder after ``run`` on `corpus`, which must succeed without a traceback."""
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in (CORPUS_ENV_VAR, FIGURES_ENV_VAR)}
    env[CACHE_ENV_VAR] = str(tmp_path / "cache")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--output", str(out)],
        env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return out


@pytest.mark.parametrize("name", ["one-review", "eight-reviews", "odd-pages"])
def test_study_runs_on_corpus(tmp_path, name):
    out = _run_study(CORPORA / name, tmp_path)

    assert _figure_names(out / "figures") == _figure_names(DEFAULT_FIGURES_DIR)
    assert sorted(p.name for p in (out / "tables").glob("*.csv")) == sorted(p.name for p in TABLES_DIR.glob("*.csv"))
    assert (out / "tables" / "README.md").exists() and (out / "report.html").exists()
    for svg in (out / "figures").glob("*.svg"):
        assert svg.stat().st_size < MAX_SVG_BYTES, svg.name

    expected_notebooks = [p.name for p in study_notebooks()]
    assert len(expected_notebooks) == 5
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == expected_notebooks
    for notebook_name in expected_notebooks:
        notebook = nbformat.read(out / "notebooks" / notebook_name, as_version=4)
        errors = [(index, output.get("ename"), output.get("evalue"))
                  for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
                  for output in cell.get("outputs", []) if output.get("output_type") == "error"]
        assert errors == [], f"{notebook_name}: {errors}"


def test_past_forty_reviews_the_pairs_compared_are_the_forty_longest(tmp_path):
    # 48 reviews: the eight invented ones six times over, under other names. Every pair of a large
    # corpus would grow with the square of its size; the tables with a column per review keep one.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(6):
        for source in sorted((CORPORA / "eight-reviews").glob("*.txt")):
            (corpus / f"{copy}-{source.name}").write_bytes(source.read_bytes())
    out = _run_study(corpus, tmp_path)

    cosine = pd.read_csv(out / "tables" / "tfidf-cosine.csv")
    assert cosine.shape == (40, 41)  # the critic, then a column per review compared
    captions = json.loads((out / "figures" / "captions.json").read_text(encoding="utf-8"))
    for figure in ("review-similarity", "review-dendrogram"):
        assert captions[figure]["caption"].endswith("Shown: 40 of 48 reviews, the longest."), figure
    assert captions["vocabulary-overlap"]["caption"].endswith("Shown: 40 of 48 reviews, the longest (right).")
    counts = pd.read_csv(out / "tables" / "words-every-review-uses.csv").filter(like="count_")
    assert len(counts.columns) == 1 + 48  # count_total and one count per review
