import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from analysis.corpus import load_corpus
from analysis.paths import DEFAULT_CORPUS_DIR


@pytest.fixture(scope="session")
def her_corpus():
    """The bundled Her corpus, loaded once."""
    return load_corpus(DEFAULT_CORPUS_DIR)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
