"""Where the study's files live.

Every path resolves from the package itself, never from the working directory, so a notebook,
the CLI and the tests find the same corpus and figure folder wherever they are started. Two
environment variables let ``python -m analysis run`` point the notebooks at another film's
corpus and another output folder without editing them.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"
DEFAULT_FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

CORPUS_ENV_VAR = "CRITICISM_CORPUS"
FIGURES_ENV_VAR = "CRITICISM_FIGURES"


def study_corpus_dir() -> Path:
    """The corpus the notebooks study: ``$CRITICISM_CORPUS`` or the bundled *Her* corpus."""
    return Path(os.environ.get(CORPUS_ENV_VAR) or DEFAULT_CORPUS_DIR)


def study_figures_dir() -> Path:
    """The folder figures are exported to: ``$CRITICISM_FIGURES`` or ``figures/``."""
    return Path(os.environ.get(FIGURES_ENV_VAR) or DEFAULT_FIGURES_DIR)
