"""Where the study's files live.

Every path resolves from the package itself, never from the working directory, so a notebook,
the CLI and the tests find the same corpus and figure folder wherever they are started. Two
environment variables let ``python -m analysis run`` point the notebooks at another film's
corpus and another output folder without editing them; two more place or switch off the
on-disk cache of sentence judgements (:mod:`analysis.judgements`).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"
DEFAULT_FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

# The figure folder's index of captions, written by the figure exporter, read by the study runner.
CAPTIONS_FILE = "captions.json"

CORPUS_ENV_VAR = "CRITICISM_CORPUS"
FIGURES_ENV_VAR = "CRITICISM_FIGURES"
CACHE_ENV_VAR = "CRITICISM_CACHE_DIR"
NO_CACHE_ENV_VAR = "CRITICISM_NO_CACHE"
# How many processes share per-review work (analysis.parallel).
WORKERS_ENV_VAR = "CRITICISM_WORKERS"
# The Dask scheduler per-review work goes to: "local" or an address (analysis.dask_cluster).
DASK_ENV_VAR = "CRITICISM_DASK"


def study_corpus_dir() -> Path:
    """The corpus the notebooks study: ``$CRITICISM_CORPUS`` or the bundled *Her* corpus."""
    return Path(os.environ.get(CORPUS_ENV_VAR) or DEFAULT_CORPUS_DIR)


def study_figures_dir() -> Path:
    """The folder figures are exported to: ``$CRITICISM_FIGURES`` or ``figures/``."""
    return Path(os.environ.get(FIGURES_ENV_VAR) or DEFAULT_FIGURES_DIR)


def judgement_cache_dir() -> Path | None:
    """The folder of the judgement cache, or None when caching is off (``$CRITICISM_NO_CACHE``).

    ``$CRITICISM_CACHE_DIR`` if set, else ``criticism/`` in ``$XDG_CACHE_HOME`` (by default
    ``~/.cache``).
    """
    if os.environ.get(NO_CACHE_ENV_VAR):
        return None
    if os.environ.get(CACHE_ENV_VAR):
        return Path(os.environ[CACHE_ENV_VAR])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "criticism"
