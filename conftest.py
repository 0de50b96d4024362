"""Settings for every pytest run in this project: the tests and nbval's run of the notebooks.

It sits at the project root so that it applies however pytest is started (``make test``,
``pytest tests/test_x.py``, ``pytest --nbval notebooks/01-corpus-overview.ipynb``).
"""

import os
import shutil
import tempfile
from pathlib import Path

from analysis.paths import CACHE_ENV_VAR, FIGURES_ENV_VAR

# The test session's own folders, for the names in analysis.paths.
_SESSION_FOLDERS = {FIGURES_ENV_VAR: "figures", CACHE_ENV_VAR: "judgement-cache"}


def pytest_configure(config):
    """Point the whole session at folders of its own: figures (and the tables beside them) and
    the judgement cache, never the repository's or the user's.

    Set in the environment before any test runs, so that the kernels nbval starts for the
    notebooks inherit it too: they export into the session's folders while nbval still compares
    every cell's output with the committed one.
    """
    root = Path(tempfile.mkdtemp(prefix="criticism-tests-"))
    config.criticism_session = (root, {name: os.environ.get(name) for name in _SESSION_FOLDERS})
    for name, folder in _SESSION_FOLDERS.items():
        os.environ[name] = str(root / folder)


def pytest_unconfigure(config):
    root, saved = config.criticism_session
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    shutil.rmtree(root, ignore_errors=True)
