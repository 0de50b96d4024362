"""The HTML report: prose and outputs of the executed notebooks, no code, nothing fetched."""

import nbformat

from analysis.report import EXPLORER_NOTE, write_report


def _executed(path):
    notebook = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("secret_code = 1\nprint('hello')")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello <world>\n")]
    table = nbformat.v4.new_code_cell("table")
    table.outputs = [nbformat.v4.new_output("execute_result", data={"text/html": "<table><tr><td>cell</td></tr></table>",
                                                                      "text/plain": "cell"}, execution_count=2)]
    figure = nbformat.v4.new_code_cell("plot")
    figure.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=\n", "text/plain": "<Figure>"})]
    widget = nbformat.v4.new_code_cell("Explorer(corpus)")
    widget.outputs = [nbformat.v4.new_output("execute_result", execution_count=4, data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/plain": "Tab(children=...)"})]
    notebook.cells = [nbformat.v4.new_markdown_cell("# 01 · Title\n\nSome *prose*."), code, table, figure, widget]
    nbformat.write(notebook, path)
    return path


def test_report_has_prose_and_outputs_but_no_code(tmp_path):
    notebook = _executed(tmp_path / "01-tiny.ipynb")
    html = write_report([notebook], tmp_path / "report.html", title="A study").read_text(encoding="utf-8")
    assert "<h1>01 · Title</h1>" in html and "<em>prose</em>" in html
    assert "hello &lt;world&gt;" in html
    assert "<table><tr><td>cell</td></tr></table>" in html
    assert "src='data:image/png;base64,iVBORw0KGgo='" in html
    assert "secret_code" not in html
    assert html.count(EXPLORER_NOTE) == 1 and "Tab(children" not in html
    assert "http" not in html  # self-contained: nothing to fetch
    assert "@media print" in html and "th { overflow-wrap: anywhere; }" in html
