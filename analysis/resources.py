"""The one reader of the package's data files (``analysis/data/``).

Word lists, cue patterns, rating patterns and model parameters ship as package data, each with
its source note (``data/SOURCES.md``), and are read here with :mod:`importlib.resources`, so
they are found wherever the package is installed and nothing is downloaded. Every reader caches
what it returns: treat the returned objects as read-only.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "analysis.data"


def read_text(name: str) -> str:
    """The text of the data file `name` (a path relative to ``analysis/data/``)."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    """The bytes of the data file `name` (a path relative to ``analysis/data/``)."""
    return resources.files(_PACKAGE).joinpath(name).read_bytes()


@cache
def read_yaml(name: str) -> Any:
    """The parsed YAML data file `name`."""
    import yaml

    # libyaml's parser, where PyYAML was built with it, reads the package's cue lists about ten
    # times faster than the pure-Python one: every process (each worker too) parses them.
    return yaml.load(read_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of a one-word-per-line data file; blank lines and ``#`` comments skipped."""
    return frozenset(
        line.strip() for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def model_bytes(name: str) -> bytes:
    """The gzip-compressed bytes of the shipped model ``models/<name>.json.gz``."""
    with resources.files(_PACKAGE).joinpath(f"models/{name}.json.gz").open("rb") as handle:
        return handle.read()


@cache
def read_model(name: str) -> dict[str, Any]:
    """The parameters of the shipped model `name`, decoded once."""
    return json.loads(gzip.decompress(model_bytes(name)).decode("utf-8"))


def model_fingerprint(*names: str) -> str:
    """A short hash of the shipped model files `names`: it changes whenever a model is rebuilt."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(model_bytes(name))
    return digest.hexdigest()[:16]
