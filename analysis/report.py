"""A report of the whole study without code: one self-contained HTML file.

Built from the executed notebooks alone — their prose, tables, printed results and figures, in
order, with the code left out — by plain Python (mistune for the Markdown); no pandoc, TeX or
browser is needed, and nothing is fetched when the file is opened: figures are embedded. The
page prints on A4 or Letter without losing columns: tables shrink their type and wrap text
inside cells instead of overflowing the page, and figures scale to the page width. An
interactive explorer cell is replaced by a note (it needs a live kernel).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
EXPLORER_NOTE = "<p class='note'>An interactive explorer is here in the notebook; open it in JupyterLab to use it.</p>"

STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
       max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; border-bottom: 1px solid #ccc; } h2 { font-size: 1.3em; } h3 { font-size: 1.1em; }
section.notebook { page-break-before: always; } section.notebook:first-of-type { page-break-before: auto; }
.output { margin: 0.6em 0 1.2em; overflow-x: auto; }
table { border-collapse: collapse; font-size: 8.5pt; width: auto; max-width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; vertical-align: top; }
th { overflow-wrap: anywhere; } td { overflow-wrap: break-word; }
th { background: #f4f4f4; text-align: left; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; background: #f7f7f7; padding: 0.4em; }
.note { color: #666; font-style: italic; }
code { font-size: 0.95em; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 9.5pt; }
  .output { overflow: visible; }
  table { font-size: 6.5pt; table-layout: auto; width: 100%; }
  th, td { padding: 1px 3px; min-width: 0 !important; max-width: none !important; }
  tr, img { page-break-inside: avoid; }
}
"""


def _markdown(text: str) -> str:
    import mistune

    return mistune.html(text)


def _output_html(output: dict) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return f"<pre>{html.escape(''.join(output.get('text', '')))}</pre>"
    if kind == "error":
        return f"<pre class='error'>{html.escape(output.get('ename', ''))}: {html.escape(output.get('evalue', ''))}</pre>"
    data = output.get("data", {})
    if WIDGET_MIME in data:
        return EXPLORER_NOTE
    if "text/html" in data:
        return "".join(data["text/html"])
    if "image/png" in data:
        return f"<img alt='figure' src='data:image/png;base64,{''.join(data['image/png']).strip()}'>"
    if "text/plain" in data:
        return f"<pre>{html.escape(''.join(data['text/plain']))}</pre>"
    return ""


def notebook_html(path: Path) -> str:
    """The body of one executed notebook as HTML: Markdown cells and outputs, no code."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    parts = [f"<section class='notebook' id='{html.escape(path.stem)}'>"]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            outputs = [_output_html(output) for output in cell.get("outputs", [])]
            # A widget view comes with a plain-text stand-in; one note is enough.
            if EXPLORER_NOTE in outputs:
                outputs = [EXPLORER_NOTE]
            parts.extend(f"<div class='output'>{block}</div>" for block in outputs if block)
    parts.append("</section>")
    return "\n".join(parts)


def write_report(notebooks: Sequence[Path], destination: Path, *, title: str) -> Path:
    """Write the executed `notebooks`, in order, as one self-contained HTML report.

    Parameters
    ----------
    notebooks : sequence of Path
        Executed notebooks (with outputs).
    destination : Path
        The HTML file to write.
    title : str
        The report's title (the page title and the first heading).

    Returns
    -------
    Path
        `destination`.
    """
    contents = "".join(
        f"<li><a href='#{html.escape(path.stem)}'>{html.escape(path.stem)}</a></li>" for path in notebooks
    )
    body = "\n".join(notebook_html(path) for path in notebooks)
    page = (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<nav><ol>{contents}</ol></nav>\n{body}\n</body>\n</html>\n"
    )
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(page, encoding="utf-8")
    return destination
