"""The PDF report: the HTML report's blocks typeset by Typst, offline and byte-stable."""

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

from analysis.export import TableExporter
from analysis.plots import FigureExporter
from analysis.report import read_notebook
from analysis.report_typst import ReportError, _Cell, table_layout, write_pdf_report
from analysis.typst_markup import escape, markdown_typst

EVIDENCE = pd.DataFrame({
    "review_id": ["000", "001"],
    "target": ["script", "pacing"],
    "praise_probability": [0.12, 0.317],
    "scope": ["The script is thin, and the last act drags on well past the point where it has anything to say.",
              "The pacing can feel slow at times,\nparticularly in its more introspective moments."],
})


def _executed(folder):
    """A notebook as a run leaves it: prose, a printed line, an exported table and figure, a widget."""
    shown = TableExporter("01-tiny", folder=folder / "tables")(EVIDENCE, "criticism-evidence", caption="Every criticism sentence.")
    data, metadata = shown._repr_mimebundle_()
    figure, ax = plt.subplots(figsize=(3.5, 2), layout="constrained")
    ax.plot([1, 2, 3], [3, 1, 2])
    FigureExporter("01-tiny", folder=folder / "figures")(figure, "a-line", caption="A line with a caption.")
    notebook = nbformat.v4.new_notebook()
    prose = nbformat.v4.new_markdown_cell("# 01 · Tiny study\n\n**Question.** Who faults the *script*, at p < 0.05?\n\n"
                                          "## Evidence\n\n- one `code_span` item\n- 2. a list from 2 #hash [x]")
    printed = nbformat.v4.new_code_cell("print('hello')")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello <world> * _ #\n")]
    table = nbformat.v4.new_code_cell("export_table(...)")
    table.outputs = [nbformat.v4.new_output("execute_result", data=data, metadata=metadata, execution_count=2)]
    plot = nbformat.v4.new_code_cell("export(fig, ...)")
    plot.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=\n", "text/plain": "<Figure>"},
                                           metadata={"analysis": {"kind": "figure", "name": "a-line", "caption": "A line with a caption."}})]
    widget = nbformat.v4.new_code_cell("Explorer(corpus)")
    widget.outputs = [nbformat.v4.new_output("execute_result", execution_count=4, data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "", "version_major": 2, "version_minor": 0},
        "text/plain": "Tab(children=...)"})]
    notebook.cells = [prose, printed, table, plot, widget]
    path = folder / "01-tiny.ipynb"
    nbformat.write(notebook, path)
    return path


def test_blocks_carry_the_exporters_captions(tmp_path):
    section = read_notebook(_executed(tmp_path))
    assert [block.kind for block in section.blocks] == ["markdown", "text", "table", "figure", "note"]
    table, figure = section.blocks[2], section.blocks[3]
    assert (table.name, table.caption) == ("criticism-evidence", "Every criticism sentence.")
    assert (figure.name, figure.caption) == ("a-line", "A line with a caption.")


def test_pdf_has_the_sections_tables_and_figures_and_the_same_bytes_twice(tmp_path):
    notebook = _executed(tmp_path)
    first = write_pdf_report([notebook], tmp_path / "report.pdf", title="A study", figures=tmp_path / "figures").read_bytes()
    second = write_pdf_report([notebook], tmp_path / "again.pdf", title="A study", figures=tmp_path / "figures").read_bytes()
    assert first == second  # no date, no random ids
    reader = PdfReader(tmp_path / "report.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    assert len(reader.pages) == 2  # the title and contents, then the notebook
    for expected in ("A study", "Contents", "01 · Tiny study", "Evidence", "Who faults the script, at p < 0.05?",
                     "code_span", "2. a list from 2 #hash [x]", "hello <world> * _ #",
                     "Table 1. Every criticism sentence.", "Figure 1. A line with a caption.",
                     "the last act drags on", "open it in JupyterLab"):
        assert expected in text, expected
    assert "print(" not in text and "export_table" not in text  # no code
    # The figure is the exported vector PDF, embedded as a form, not the notebook's PNG.
    page = reader.pages[1]
    forms = [obj for obj in page["/Resources"]["/XObject"].values() if obj.get_object()["/Subtype"] == "/Form"]
    assert forms
    assert reader.metadata.get("/CreationDate") is None


def test_a_figure_without_an_exported_file_is_the_notebooks_png(tmp_path):
    notebook = _executed(tmp_path)
    # Without the figure folder the PNG of the notebook is used; a 1-byte PNG cannot be decoded.
    with pytest.raises(ReportError, match="report.pdf: Typst could not typeset the report"):
        write_pdf_report([notebook], tmp_path / "report.pdf", title="A study")


def test_wide_tables_turn_landscape_and_narrow_ones_stay_portrait():
    def rows(*widths, count=20):
        return [[_Cell(("word " * width)[:width], False) for width in widths] for _ in range(count)]

    narrow = table_layout([[_Cell("review_id", True), _Cell("g2", True)]], rows(3, 5))
    assert (narrow.orientation, narrow.size, narrow.columns) == ("portrait", 8.0, ("auto", "auto"))
    # A sentence column wraps in the width the short columns leave it.
    evidence = table_layout([], rows(3, 12, 200))
    assert evidence.orientation == "portrait" and evidence.columns == ("auto", "auto", "80fr")
    wide = table_layout([], rows(*[14] * 8, 200))
    assert (wide.orientation, wide.size) == ("landscape", 7.0)
    short = table_layout([], rows(*[14] * 8, 200, count=3))
    assert (short.orientation, short.size) == ("portrait", 6.0)  # a short table: smaller type, no page of its own
    assert table_layout([], rows(*[14] * 12, 200)).size == 6.0


def test_numbers_align_right_but_ids_do_not():
    layout = table_layout([], [[_Cell("003", False), _Cell("0.317", False), _Cell("1,477", False)]])
    assert layout.right_aligned == (False, True, True)


def test_markdown_becomes_literal_typst_text():
    assert escape("p < 0.05 * 2 // #x") == "p \\< 0\\.05 \\* 2 \\/\\/ \\#x"
    assert markdown_typst("## Heading\n\nSome *it* and **bold** `a_b`.") == (
        '== Heading\n\nSome #emph[it] and #strong[bold] #raw("a_b");\\.')
    assert markdown_typst("1. first\n2. second") == "1. first\n\n2. second"
