"""The whole study runs on corpora of any size and make: one review without a manifest, eight with
one, and eight odd pages (see tests/data/corpora/README.md).

The corpora in tests/data/corpora/ are invented reviews written for these tests (see its README).
"""

import os
import subprocess
import sys

import nbformat
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


@pytest.mark.parametrize("name", ["one-review", "eight-reviews", "odd-pages"])
def test_study_runs_on_corpus(tmp_path, name):
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in (CORPUS_ENV_VAR, FIGURES_ENV_VAR)}
    env[CACHE_ENV_VAR] = str(tmp_path / "cache")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(CORPORA / name), "--output", str(out)],
        env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr

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
