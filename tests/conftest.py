import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from analysis.corpus import load_corpus
from analysis.paths import CACHE_ENV_VAR, DEFAULT_CORPUS_DIR


@pytest.fixture(scope="session", autouse=True)
def _own_judgement_cache(tmp_path_factory):
    """Tests judge into a cache of their own, never the user's."""
    saved = os.environ.get(CACHE_ENV_VAR)
    os.environ[CACHE_ENV_VAR] = str(tmp_path_factory.mktemp("judgement-cache"))
    yield
    if saved is None:
        os.environ.pop(CACHE_ENV_VAR, None)
    else:
        os.environ[CACHE_ENV_VAR] = saved


@pytest.fixture(scope="session")
def her_corpus():
    """The bundled Her corpus, loaded once."""
    return load_corpus(DEFAULT_CORPUS_DIR)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
