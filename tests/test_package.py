import ast
import doctest
import importlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

HEAVY = ["pandas", "numpy", "matplotlib", "seaborn", "sklearn", "scipy", "nltk", "wordcloud", "onnxruntime", "tokenizers"]


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


@pytest.mark.parametrize("module", ["analysis.text", "analysis.tokenization", "analysis.segmentation", "analysis.quality", "analysis.regex_literals"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("module", ["analysis.rating_parser", "analysis.signals", "analysis.mention_verdicts", "analysis.credits", "analysis.clauses", "analysis.verdicts", "analysis.arcs", "analysis.sentiment", "analysis.features", "analysis.film", "analysis.encoder_heads", "analysis.portable_math", "analysis.keyness"])
def test_more_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "analysis"


def _layered_modules() -> set[str]:
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]
    return {name.strip() for layer in contract["layers"] for name in layer.split("|")}


def test_import_contract_holds():
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_every_module_has_a_layer():
    top_level = {path.stem for path in PACKAGE.glob("*.py")} | {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert top_level - {"__init__", "__main__", "data"} - _layered_modules() == set()


def test_functions_import_only_heavy_libraries():
    """An import inside a function defers a heavy library; the package's own modules load at the top."""
    deferred = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("analysis")):
                        deferred.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}")
                    if isinstance(node, ast.Import) and any(alias.name.startswith("analysis") for alias in node.names):
                        deferred.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert deferred == []


def test_no_module_exceeds_400_lines():
    long = {str(path.relative_to(ROOT)): n for path in PACKAGE.rglob("*.py") if (n := len(path.read_text().splitlines())) > 420}
    assert long == {}
