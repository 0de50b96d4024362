import doctest
import importlib
import json
import subprocess
import sys

import pytest

HEAVY = ["pandas", "numpy", "matplotlib", "seaborn", "sklearn", "scipy", "nltk", "wordcloud"]


def test_import_analysis_loads_no_heavy_library():
    probe = f"import sys, json, analysis; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    loaded = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    assert loaded == []


def test_shortcuts_resolve_lazily():
    import analysis
    from analysis.corpus import load_corpus

    assert analysis.load_corpus is load_corpus
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        analysis.nope


@pytest.mark.parametrize("module", ["analysis.text", "analysis.tokenization", "analysis.segmentation", "analysis.quality"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
