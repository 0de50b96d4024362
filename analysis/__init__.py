"""Comparative criticism toolkit: how film critics differ in vocabulary, praise and rating.

Importing the package is cheap: submodules, and the heavy libraries they use (pandas,
matplotlib, scipy), load only when first used. ``scripts/benchmark_import.py`` measures it.
"""

from importlib import import_module

# Public shortcuts, resolved on first access so that `import analysis` stays light.
_SHORTCUTS = {
    "load_corpus": "analysis.corpus",
    "sentence_table": "analysis.corpus",
    "token_table": "analysis.corpus",
}

__all__ = sorted(_SHORTCUTS)


def __getattr__(name: str):
    if name in _SHORTCUTS:
        return getattr(import_module(_SHORTCUTS[name]), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
