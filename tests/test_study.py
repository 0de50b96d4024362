"""The headless runner: a tiny notebook exported twice must give byte-identical figures."""

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from analysis.paths import PROJECT_ROOT
from analysis.study import StudyError, run_study, study_notebooks

FIGURE_CELL = """\
import pandas as pd
from analysis.export import TableExporter
from analysis.plots import FigureExporter, new_figure, set_style
set_style()
fig, ax = new_figure(3.5, 3)
ax.plot([1, 2, 3], [3, 1, 2])
ax.set_title("a line")
FigureExporter("00-tiny")(fig, "a-line", caption="A line, for the test.")
TableExporter("00-tiny")(pd.DataFrame({"x": [1, 2]}), "two-rows", caption="Two rows.", latex=True)
print("exported")
"""


def _notebook(folder, source, name="00-tiny.ipynb"):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(source)]
    path = folder / name
    nbformat.write(notebook, path)
    return path


def test_rerun_gives_byte_identical_figures_and_an_index(tmp_path, her_corpus):
    notebook = _notebook(tmp_path, FIGURE_CELL)
    hashes = []
    for _ in range(2):
        run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[notebook],
                  progress=lambda message: None)
        hashes.append({p.name: p.read_bytes() for p in (tmp_path / "out" / "figures").glob("a-line.*")})
    assert sorted(hashes[0]) == ["a-line.pdf", "a-line.png", "a-line.svg"]
    assert hashes[0] == hashes[1]
    # SVG text stays text, editable in a drawing program.
    assert b">a line</text>" in hashes[0]["a-line.svg"]
    index = (tmp_path / "out" / "figures" / "README.md").read_text(encoding="utf-8")
    assert "| [a-line](a-line.png) ([svg](a-line.svg), [pdf](a-line.pdf)) | one column, 3.5 in | A line, for the test. | `00-tiny` |" in index
    executed = nbformat.read(tmp_path / "out" / "notebooks" / "00-tiny.ipynb", as_version=4)
    figure, printed = executed.cells[0].outputs
    # The exporter shows the figure with its name and caption for the reports.
    assert figure["metadata"]["analysis"] == {"kind": "figure", "name": "a-line", "caption": "A line, for the test."}
    assert printed["text"] == "exported\n"
    captions = json.loads((tmp_path / "out" / "figures" / "captions.json").read_text(encoding="utf-8"))
    assert captions == {"a-line": {"caption": "A line, for the test.", "notebook": "00-tiny", "width": 3.5}}


def test_run_writes_tables_with_their_index_and_a_report(tmp_path, her_corpus):
    notebook = _notebook(tmp_path, FIGURE_CELL)
    run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[notebook],
              progress=lambda message: None)
    tables = tmp_path / "out" / "tables"
    assert (tables / "two-rows.csv").read_text(encoding="utf-8") == "x\n1\n2\n"
    assert "\\toprule" in (tables / "two-rows.tex").read_text(encoding="utf-8")
    assert "| two-rows ([csv](two-rows.csv), [tex](two-rows.tex)) | Two rows. | `00-tiny` |" in (tables / "README.md").read_text(encoding="utf-8")
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<title>Comparative criticism: Her" in report and "exported" in report
    assert "TableExporter" not in report  # no code
    assert "<p class='caption'>A line, for the test.</p>" in report
    pdf = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "report.pdf").pages).replace("\xa0", " ")
    assert "Comparative criticism: Her" in pdf and "exported" in pdf and "Figure 1. A line, for the test." in pdf
    assert "TableExporter" not in pdf


def test_failing_cell_is_reported_with_notebook_and_cell(tmp_path, her_corpus):
    notebook = _notebook(tmp_path, "1 / 0", name="00-broken.ipynb")
    with pytest.raises(StudyError, match=r"00-broken.ipynb: cell 1 \(notebook cell 0\) failed: ZeroDivisionError") as failure:
        run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[notebook],
                  progress=lambda message: None)
    assert "\x1b" not in str(failure.value)


def test_what_the_kernel_itself_prints_stays_out_and_its_death_is_one_error(tmp_path, capfd):
    from analysis.study import execute_notebook

    # Straight to the kernel's file descriptor 2, as a ZMQ socket's shutdown race prints.
    noisy = _notebook(tmp_path, "import os\nos.write(2, b'Traceback (most recent call last): socket noise\\n')\nprint('ok')",
                      name="00-noisy.ipynb")
    execute_notebook(noisy, tmp_path / "out" / "00-noisy.ipynb", timeout=120, progress=lambda message: None)
    assert "Traceback" not in capfd.readouterr().err
    dying = _notebook(tmp_path, "import os\nos.write(2, b'out of memory\\n')\nos._exit(9)", name="00-dying.ipynb")
    with pytest.raises(StudyError, match=r"00-dying.ipynb: the notebook's kernel died \(out of memory\)"):
        execute_notebook(dying, tmp_path / "out" / "00-dying.ipynb", timeout=120, progress=lambda message: None)


def test_study_notebooks_are_numbered_and_ordered():
    names = [p.name for p in study_notebooks()]
    assert names == sorted(names) and names and names[0].startswith("01-")


def test_another_corpus_gets_no_findings_of_the_study_and_no_stale_outputs(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    stale = nbformat.v4.new_code_cell("1 / 0")
    stale.outputs = [nbformat.v4.new_output("stream", name="stdout", text="an earlier run\n")]
    after = nbformat.v4.new_code_cell("print('after')")
    after.outputs = [nbformat.v4.new_output("stream", name="stdout", text="an earlier run\n")]
    notebook.cells = [nbformat.v4.new_markdown_cell("## Findings\n\nHer is about love."), stale, after]
    path = tmp_path / "00-tiny.ipynb"
    nbformat.write(notebook, path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    with pytest.raises(StudyError):
        run_study(corpus_dir=corpus, output_dir=tmp_path / "out", notebooks=[path], progress=lambda message: None)
    executed = nbformat.read(tmp_path / "out" / "notebooks" / "00-tiny.ipynb", as_version=4)
    assert "Her is about love" not in executed.cells[0].source
    assert executed.cells[0].source.startswith("## Findings\n\nThe findings written here describe the study's own corpus")
    assert executed.cells[2].outputs == []


def test_a_run_removes_only_what_the_last_run_wrote(tmp_path, her_corpus):
    figures = tmp_path / "out" / "figures"
    figures.mkdir(parents=True)
    (figures / "my-own-drawing.png").write_bytes(b"not the study's")
    (figures / "old-study-figure.png").write_bytes(b"old")
    (figures / ".criticism-outputs.json").write_text('["old-study-figure.png"]', encoding="utf-8")
    run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[_notebook(tmp_path, FIGURE_CELL)],
              progress=lambda message: None)
    # A partial run (some notebooks) adds to what the study owns and removes nothing.
    assert (figures / "old-study-figure.png").exists()
    assert set(json.loads((figures / ".criticism-outputs.json").read_text(encoding="utf-8"))) >= {
        "old-study-figure.png", "a-line.png", "a-line.svg", "a-line.pdf", "captions.json", "README.md",
    }
    from analysis.study import _publish

    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "a-line.png").write_bytes(b"new")
    _publish(staged, figures, full_run=True)
    # A full run removes what the last run wrote and this one did not, never a file it did not write.
    assert sorted(path.name for path in figures.iterdir()) == [".criticism-outputs.json", "a-line.png", "my-own-drawing.png"]


def test_a_failing_run_changes_no_earlier_output(tmp_path, her_corpus):
    good = _notebook(tmp_path, FIGURE_CELL)
    run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[good], progress=lambda message: None)
    before = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file() and "notebooks" not in p.parts}
    broken = _notebook(tmp_path, FIGURE_CELL.replace('print("exported")', "1 / 0"), name="00-tiny.ipynb")
    with pytest.raises(StudyError, match=r"partial run saved to .*00-tiny.ipynb; no other output changed"):
        run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[broken], progress=lambda message: None)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file() and "notebooks" not in p.parts}
    assert after == before
    assert not (tmp_path / "out" / ".criticism-run-partial").exists()


def test_ctrl_c_during_a_run_leaves_the_earlier_outputs(tmp_path, her_corpus, monkeypatch):
    from analysis import study

    run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[_notebook(tmp_path, FIGURE_CELL)],
              progress=lambda message: None)
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "out").rglob("*"))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(study, "execute_notebook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[_notebook(tmp_path, FIGURE_CELL)],
                  progress=lambda message: None)
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "out").rglob("*")) == before


def test_two_runs_cannot_write_into_one_folder(tmp_path, her_corpus):
    from filelock import FileLock

    (tmp_path / "out").mkdir()
    with FileLock(tmp_path / "out" / ".criticism-run.lock"):
        with pytest.raises(StudyError) as failure:
            run_study(corpus_dir=her_corpus.folder, output_dir=tmp_path / "out", notebooks=[_notebook(tmp_path, FIGURE_CELL)],
                      progress=lambda message: None)
    assert str(failure.value) == (
        f"{tmp_path / 'out'}: another run is writing its study there (lock {tmp_path / 'out' / '.criticism-run.lock'})"
    )


def test_processes_the_tests_start_write_outside_the_repository():
    # nbval's notebook kernels inherit the session's environment (conftest.py at the root), so
    # they export and cache into the session's own folders while nbval compares their outputs.
    code = ("from analysis.export import study_tables_dir; from analysis.paths import judgement_cache_dir, "
            "study_figures_dir; print(study_figures_dir(), study_tables_dir(), judgement_cache_dir(), sep='\\n')")
    folders = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert [Path(folder).name for folder in folders] == ["figures", "tables", "judgement-cache"]
    assert [Path(folder).is_relative_to(PROJECT_ROOT) for folder in folders] == [False, False, False]
    assert Path(folders[0]).parent.name.startswith("criticism-tests-")
