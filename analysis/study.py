"""Rerun the whole study headlessly: every notebook in order, every figure exported.

Notebooks are executed with nbclient (not papermill, which stamps timings into every cell and
would make reruns differ). The corpus and the figure folder reach the notebooks through the
environment variables of :mod:`analysis.paths`, which the kernel inherits, so the same notebooks
study another film's corpus into another folder unchanged. After a complete run
``figures/README.md`` lists every figure with its caption and notebook, ``tables/README.md``
every table (:mod:`analysis.export`), ``report.html`` beside them holds the whole study without
code (:mod:`analysis.report`), and figures and tables that no notebook exported any more are
removed.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from analysis.corpus import load_corpus
from analysis.export import TABLE_SUFFIXES, write_table_index
from analysis.film import film_label
from analysis.report import write_report
from analysis.paths import (
    CAPTIONS_FILE,
    CORPUS_ENV_VAR,
    DEFAULT_CORPUS_DIR,
    DEFAULT_FIGURES_DIR,
    FIGURES_ENV_VAR,
    NOTEBOOKS_DIR,
)

FIGURE_SUFFIXES = (".png", ".svg", ".pdf")
REPORT_NAME = "report.html"
FINDINGS_HEADING = "## Findings"
OTHER_CORPUS_FINDINGS = (
    "The findings written here describe the study's own corpus, not this one, so they are left out. "
    "Read the tables and figures above, with their evidence sentences, and write this corpus's findings."
)
# IPython colours its tracebacks; the one-line report is for terminals and logs alike.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class StudyError(Exception):
    """A notebook failed; the message names the notebook and the cell."""


def study_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The study's notebooks (``NN-name.ipynb``), in order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


@contextmanager
def _environment(**values: str):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _for_another_corpus(notebook) -> None:
    """Replace the findings written for the bundled study by a note: they describe another film."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(FINDINGS_HEADING):
            cell.source = f"{FINDINGS_HEADING}\n\n{OTHER_CORPUS_FINDINGS}"


def execute_notebook(path: Path, destination: Path, *, timeout: int, own_findings: bool = True,
                     progress: Callable[[str], None] = _progress) -> None:
    """Execute the notebook at `path` in its own folder and write the result to `destination`.

    Every output is cleared first, so a cell that fails leaves no earlier run's outputs below
    it. Without `own_findings` (another corpus than the study's) the findings cells are
    replaced by a note.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if not own_findings:
        _for_another_corpus(notebook)
    code_cells = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]

    def report_cell(cell, cell_index, **_):
        progress(f"  {path.stem}: cell {code_cells.index(cell_index) + 1}/{len(code_cells)}")

    client = NotebookClient(
        notebook,
        # A local kernel over TCP warns at every start that its traffic is unencrypted; the
        # kernel's own log keeps its errors only. Cell output is unaffected.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_executed=report_cell,
    )
    try:
        client.execute()
    except CellExecutionError as failure:
        failed = next(
            (i for i in code_cells
             if any(o.get("output_type") == "error" for o in notebook.cells[i].get("outputs", []))),
            None,
        )
        where = f"cell {code_cells.index(failed) + 1} (notebook cell {failed})" if failed is not None else "a cell"
        lines = _ANSI_ESCAPE.sub("", str(failure)).splitlines()
        error_line = next((line for line in reversed(lines) if line.strip()), "")
        destination.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, destination)
        raise StudyError(f"{path.name}: {where} failed: {error_line} (partial run saved to {destination})") from None
    destination.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, destination)


def write_figure_index(folder: Path) -> Path:
    """Write ``README.md`` in `folder` from the captions the notebooks recorded."""
    captions = json.loads((folder / CAPTIONS_FILE).read_text(encoding="utf-8"))
    lines = [
        "# Figures",
        "",
        "Written by `python -m analysis run`; each figure is a 300 dpi PNG, an SVG (text kept as text) and a PDF.",
        "",
        "| figure | caption | notebook |",
        "| --- | --- | --- |",
    ]
    for name in sorted(captions, key=lambda n: (captions[n]["notebook"], n)):
        entry = captions[name]
        lines.append(f"| [{name}]({name}.png) ([svg]({name}.svg), [pdf]({name}.pdf)) | {entry['caption']} | `{entry['notebook']}` |")
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _remove_stale(folder: Path, captions: dict, suffixes: tuple[str, ...]) -> None:
    for path in folder.iterdir():
        if path.suffix in suffixes and path.stem not in captions:
            path.unlink()


def _captions(folder: Path) -> dict:
    path = folder / CAPTIONS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def run_study(*, corpus_dir: Path, output_dir: Path | None = None, timeout: int = 900,
              notebooks: list[Path] | None = None,
              progress: Callable[[str], None] = _progress) -> list[Path]:
    """Execute the study's notebooks in order; return the executed notebooks' paths.

    With `output_dir` the executed notebooks go to ``output_dir/notebooks``, the figures to
    ``output_dir/figures``, the tables to ``output_dir/tables`` and the report to
    ``output_dir/report.html``; without it notebooks are rewritten in place and the rest goes
    to ``figures/``, ``tables/`` and ``report.html`` in the project folder.
    """
    full_run = notebooks is None
    notebooks = study_notebooks() if full_run else notebooks
    if output_dir is None:
        notebook_dir, figures_dir = None, DEFAULT_FIGURES_DIR
    else:
        notebook_dir, figures_dir = Path(output_dir) / "notebooks", Path(output_dir) / "figures"
    figures_dir = figures_dir.resolve()
    tables_dir = figures_dir.parent / "tables"
    for folder in (figures_dir, tables_dir):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CAPTIONS_FILE).unlink(missing_ok=True)
    own_findings = Path(corpus_dir).resolve() == DEFAULT_CORPUS_DIR.resolve()
    executed = []
    with _environment(**{CORPUS_ENV_VAR: str(Path(corpus_dir).resolve()), FIGURES_ENV_VAR: str(figures_dir)}):
        for number, path in enumerate(notebooks, start=1):
            progress(f"[{number}/{len(notebooks)}] {path.name}")
            destination = (notebook_dir or path.parent) / path.name
            execute_notebook(path, destination, timeout=timeout, own_findings=own_findings, progress=progress)
            executed.append(destination)
    for folder, suffixes, write_index, kind in (
        (figures_dir, FIGURE_SUFFIXES, write_figure_index, "figures"),
        (tables_dir, TABLE_SUFFIXES, write_table_index, "tables"),
    ):
        captions = _captions(folder)
        if captions:
            if full_run:
                _remove_stale(folder, captions, suffixes)
            index = write_index(folder)
            progress(f"{len(captions)} {kind} in {folder}; index: {index}")
    report = write_report(executed, figures_dir.parent / REPORT_NAME,
                          title=f"Comparative criticism: {film_label(load_corpus(Path(corpus_dir)).film)}")
    progress(f"report: {report}")
    return executed
