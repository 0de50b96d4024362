"""Rerun the whole study headlessly: every notebook in order, every figure exported.

Notebooks are executed with nbclient (not papermill, which stamps timings into every cell and
would make reruns differ). The corpus and the figure folder reach the notebooks through the
environment variables of :mod:`analysis.paths`, which the kernel inherits, so the same notebooks
study another film's corpus into another folder unchanged. After a complete run
``figures/README.md`` lists every figure with its caption and notebook, ``tables/README.md``
every table (:mod:`analysis.export`), ``report.html`` and ``report.pdf`` beside them hold the
whole study without code (:mod:`analysis.report`, :mod:`analysis.report_typst`), and figures and tables that no notebook exported any more are
removed.

A run writes only what it owns and never leaves a half-written study:

* everything is written into a staging folder inside the output folder first and moved into
  place (one rename per file) only when every notebook has run, so a failing cell or Ctrl-C
  leaves the previous outputs as they were;
* each of ``figures/`` and ``tables/`` keeps a list of the files the last run wrote
  (``.criticism-outputs.json``); a later complete run removes only files on that list that it
  did not write again, never a file it did not write itself;
* the output folder is locked for the run (``.criticism-run.lock``, with the `filelock`
  package), so two runs cannot mix their outputs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from analysis.corpus import corpus_film
from analysis.export import write_table_index
from analysis.film import film_label
from analysis.report import WIDGET_MIME, write_report
from analysis.report_typst import ReportError, write_pdf_report
from analysis.paths import (
    CAPTIONS_FILE,
    CORPUS_ENV_VAR,
    DEFAULT_CORPUS_DIR,
    FIGURES_ENV_VAR,
    NOTEBOOKS_DIR,
    PROJECT_ROOT,
)

REPORT_NAME = "report.html"
PDF_REPORT_NAME = "report.pdf"
STAGING_NAME = ".criticism-run-partial"
OUTPUTS_FILE = ".criticism-outputs.json"
LOCK_NAME = ".criticism-run.lock"
FINDINGS_HEADING = "## Findings"
OTHER_CORPUS_FINDINGS = (
    "The findings written here describe the study's own corpus, not this one, so they are left out. "
    "Read the tables and figures above, with their evidence sentences, and write this corpus's findings."
)
# IPython colours its tracebacks; the one-line report is for terminals and logs alike.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class StudyError(Exception):
    """A notebook failed or the output folder is taken; the message names the notebook and the cell, or the folder."""

    # The executed notebook of a failed run, up to its failing cell, and the notebook it ran.
    partial: Path | None = None
    partial_source: Path | None = None


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
    from nbclient.exceptions import CellExecutionError, DeadKernelError

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
    # The kernel's own stderr is kept apart: as it shuts down, a race between its sockets may
    # print a ZMQ traceback there that is no error of the notebook (ipykernel#1518); what it
    # printed last is reported if the kernel dies.
    with tempfile.TemporaryFile() as kernel_stderr:
        try:
            client.execute(stderr=kernel_stderr)
        except DeadKernelError:
            kernel_stderr.seek(0)
            last = [line for line in kernel_stderr.read().decode("utf-8", "replace").splitlines() if line.strip()][-1:]
            raise StudyError(f"{path.name}: the notebook's kernel died" + (f" ({last[0].strip()})" if last else "")) from None
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
            raise StudyError(f"{path.name}: {where} failed: {error_line}") from None
    _forget_widget_ids(notebook)
    destination.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, destination)


def _forget_widget_ids(notebook) -> None:
    """Blank the model id of each widget output: a new random one at every run, and meaningless
    in a saved notebook (widget state is not stored), it would be the one byte that differs."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_MIME)
            if view is not None:
                view["model_id"] = ""


def write_figure_index(folder: Path) -> Path:
    """Write ``README.md`` in `folder` from the captions (and widths) the notebooks recorded."""
    captions = json.loads((folder / CAPTIONS_FILE).read_text(encoding="utf-8"))
    lines = [
        "# Figures",
        "",
        "Written by `python -m analysis run`; each figure is a 300 dpi PNG, an SVG (text kept as text) and a PDF.",
        "",
        "Each is made at the width it will be printed: **one column** (3.5 in) of a two-column paper for the",
        "compact charts with one Axes, **two columns** (7 in, also about the text width of a one-column",
        "paper) for small multiples, heatmaps and charts with text beside their rows. The files are exactly",
        "that wide, so `\\includegraphics[width=\\columnwidth]` (one column) or `[width=\\textwidth]`",
        "(`figure*`, two columns) prints their text at its own size: 7-7.7 pt, annotations 6 pt, nothing",
        "smaller (the exporter refuses a figure that breaks this).",
        "",
        "| figure | width | caption | notebook |",
        "| --- | --- | --- | --- |",
    ]
    for name in sorted(captions, key=lambda n: (captions[n]["notebook"], n)):
        entry = captions[name]
        width = entry.get("width")
        column = "" if width is None else f"{'one column' if width <= 3.5 else 'two columns'}, {width:g} in"
        lines.append(f"| [{name}]({name}.png) ([svg]({name}.svg), [pdf]({name}.pdf)) | {column} | {entry['caption']} | `{entry['notebook']}` |")
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _publish(staged: Path, target: Path, *, full_run: bool) -> None:
    """Move every file of `staged` into `target`; on a full run, remove what the last run wrote
    and this one did not. Only files on the last run's list (``OUTPUTS_FILE``) are ever removed."""
    target.mkdir(parents=True, exist_ok=True)
    listed = target / OUTPUTS_FILE
    previous = set(json.loads(listed.read_text(encoding="utf-8"))) if listed.exists() else set()
    written = sorted(path.name for path in staged.iterdir() if path.is_file())
    for name in written:
        os.replace(staged / name, target / name)
    if full_run:
        for name in sorted(previous - set(written)):
            (target / name).unlink(missing_ok=True)
    owned = set(written) if full_run else previous | set(written)
    listed.write_text(json.dumps(sorted(owned), indent=1) + "\n", encoding="utf-8")


@contextmanager
def _locked(folder: Path):
    from filelock import FileLock, Timeout

    lock = FileLock(folder / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise StudyError(f"{folder}: another run is writing its study there (lock {folder / LOCK_NAME})") from None
    try:
        yield
    finally:
        lock.release()


def _captions(folder: Path) -> dict:
    path = folder / CAPTIONS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def run_study(*, corpus_dir: Path, output_dir: Path | None = None, timeout: int = 900,
              notebooks: list[Path] | None = None,
              progress: Callable[[str], None] = _progress) -> list[Path]:
    """Execute the study's notebooks in order; return the executed notebooks' paths.

    With `output_dir` the executed notebooks go to ``output_dir/notebooks``, the figures to
    ``output_dir/figures``, the tables to ``output_dir/tables`` and the report to
    ``output_dir/report.html`` and ``output_dir/report.pdf``; without it notebooks are rewritten
    in place and the rest goes to ``figures/``, ``tables/``, ``report.html`` and ``report.pdf``
    in the project folder.
    """
    full_run = notebooks is None
    notebooks = study_notebooks() if full_run else notebooks
    root = Path(output_dir).resolve() if output_dir is not None else PROJECT_ROOT
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        staging = root / STAGING_NAME
        shutil.rmtree(staging, ignore_errors=True)  # what an interrupted run left
        staged = {name: staging / name for name in ("notebooks", "figures", "tables")}
        for folder in staged.values():
            folder.mkdir(parents=True)
        try:
            executed = _execute_all(notebooks, staged, corpus_dir=corpus_dir, timeout=timeout, progress=progress)
            title = f"Comparative criticism: {film_label(corpus_film(Path(corpus_dir)))}"
            report = write_report(executed, staging / REPORT_NAME, title=title)
            try:
                pdf_report = write_pdf_report(executed, staging / PDF_REPORT_NAME, title=title, figures=staged["figures"])
            except ReportError as failure:
                raise StudyError(str(failure)) from None
            for folder, write_index, kind in (("figures", write_figure_index, "figures"), ("tables", write_table_index, "tables")):
                captions = _captions(staged[folder])
                if captions:
                    write_index(staged[folder])
                    progress(f"{len(captions)} {kind} in {root / folder}; index: {root / folder / 'README.md'}")
            notebook_dir = root / "notebooks" if output_dir is not None else None
            published = []
            for staged_notebook, source in zip(executed, notebooks):
                destination = (notebook_dir or source.parent) / source.name
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged_notebook, destination)
                published.append(destination)
            for folder in ("figures", "tables"):
                _publish(staged[folder], root / folder, full_run=full_run)
            os.replace(report, root / REPORT_NAME)
            os.replace(pdf_report, root / PDF_REPORT_NAME)
            progress(f"report: {root / REPORT_NAME}, {root / PDF_REPORT_NAME}")
            return published
        except StudyError as failure:
            if failure.partial is None:
                raise
            # The failing notebook, run up to its failing cell, is kept where the run would put it.
            destination = ((root / "notebooks") if output_dir is not None else failure.partial_source.parent) / failure.partial.name
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(failure.partial, destination)
            raise StudyError(f"{failure} (partial run saved to {destination}; no other output changed)") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _execute_all(notebooks: list[Path], staged: dict[str, Path], *, corpus_dir: Path, timeout: int,
                 progress: Callable[[str], None]) -> list[Path]:
    own_findings = Path(corpus_dir).resolve() == DEFAULT_CORPUS_DIR.resolve()
    executed = []
    with _environment(**{CORPUS_ENV_VAR: str(Path(corpus_dir).resolve()), FIGURES_ENV_VAR: str(staged["figures"])}):
        for number, path in enumerate(notebooks, start=1):
            progress(f"[{number}/{len(notebooks)}] {path.name}")
            destination = staged["notebooks"] / path.name
            try:
                execute_notebook(path, destination, timeout=timeout, own_findings=own_findings, progress=progress)
            except StudyError as failure:
                failure.partial, failure.partial_source = destination, path
                raise
            executed.append(destination)
    return executed
