"""A report of the whole study without code: one self-contained HTML file.

Built from the executed notebooks alone — their prose, tables, printed results and figures, in
order, with the code left out — by plain Python (mistune for the Markdown); no pandoc, TeX or
browser is needed, and nothing is fetched when the file is opened: figures are embedded. The
page prints on A4 or Letter without losing columns: tables shrink their type and wrap text
inside cells instead of overflowing the page, and figures scale to the page width. An
interactive explorer cell is replaced by a note (it needs a live kernel).

:func:`read_notebook` turns a notebook into :class:`Block` s (prose, printed text, tables,
figures, notes), each table and figure with the caption its exporter put in the output's
metadata; the HTML here and the PDF (:mod:`analysis.report_typst`) are two renderings of the
same blocks.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from analysis.export import OUTPUT_METADATA_KEY

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
EXPLORER_TEXT = "An interactive explorer is here in the notebook; open it in JupyterLab to use it."
EXPLORER_NOTE = f"<p class='note'>{EXPLORER_TEXT}</p>"

STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
       max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; border-bottom: 1px solid #ccc; } h2 { font-size: 1.3em; } h3 { font-size: 1.1em; }
section.notebook { page-break-before: always; } section.notebook:first-of-type { page-break-before: auto; }
.output { margin: 0.6em 0 1.2em; overflow-x: auto; }
.caption { font-size: 9pt; color: #444; margin: 0.2em 0; }
figure { margin: 0; }
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

BlockKind = Literal["markdown", "text", "error", "table", "figure", "note"]


@dataclass(frozen=True)
class Block:
    """One piece of an executed notebook as the reports show it.

    ``content`` is the Markdown source (``markdown``), the printed text (``text``, ``error``),
    the table's HTML (``table``), the PNG in base64 (``figure``) or the note (``note``).
    ``name`` and ``caption`` are those of an exported table or figure (else None); ``plain`` is
    an output's plain-text form, for a renderer that cannot read its HTML.
    """

    kind: BlockKind
    content: str
    name: str | None = None
    caption: str | None = None
    plain: str = ""


@dataclass(frozen=True)
class Section:
    """One notebook's blocks; ``stem`` is the notebook's file stem."""

    stem: str
    blocks: tuple[Block, ...]


def _output_block(output: dict) -> Block | None:
    kind = output.get("output_type")
    if kind == "stream":
        return Block("text", "".join(output.get("text", "")))
    if kind == "error":
        return Block("error", f"{output.get('ename', '')}: {output.get('evalue', '')}")
    data = output.get("data", {})
    exported = output.get("metadata", {}).get(OUTPUT_METADATA_KEY, {})
    labels = {"name": exported.get("name"), "caption": exported.get("caption")}
    plain = "".join(data.get("text/plain", ""))
    if WIDGET_MIME in data:
        return Block("note", EXPLORER_TEXT)
    if "text/html" in data:
        return Block("table", "".join(data["text/html"]), plain=plain, **labels)
    if "image/png" in data:
        return Block("figure", "".join(data["image/png"]).strip(), plain=plain, **labels)
    if plain:
        return Block("text", plain)
    return None


def read_notebook(path: Path) -> Section:
    """The Markdown cells and outputs of the executed notebook at `path`, in order, no code."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    blocks = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            blocks.append(Block("markdown", cell.source))
        elif cell.cell_type == "code":
            outputs = [block for block in map(_output_block, cell.get("outputs", [])) if block is not None]
            # A widget view comes with a plain-text stand-in; one note is enough.
            notes = [block for block in outputs if block.kind == "note"]
            blocks.extend(notes[:1] or outputs)
    return Section(path.stem, tuple(blocks))


def _markdown(text: str) -> str:
    import mistune

    return mistune.html(text)


def _caption_html(block: Block) -> str:
    return f"<p class='caption'>{html.escape(block.caption)}</p>" if block.caption else ""


def block_html(block: Block) -> str:
    """`block` as HTML; a table's or figure's caption goes with it."""
    if block.kind == "markdown":
        return _markdown(block.content)
    if block.kind == "text":
        body = f"<pre>{html.escape(block.content)}</pre>"
    elif block.kind == "error":
        body = f"<pre class='error'>{html.escape(block.content)}</pre>"
    elif block.kind == "note":
        body = EXPLORER_NOTE
    elif block.kind == "table":
        body = _caption_html(block) + block.content
    else:
        body = (f"<figure><img alt='{html.escape(block.caption or 'figure')}' src='data:image/png;base64,{block.content}'>"
                f"{_caption_html(block)}</figure>")
    return f"<div class='output'>{body}</div>"


def notebook_html(path: Path) -> str:
    """The body of one executed notebook as HTML: Markdown cells and outputs, no code."""
    section = read_notebook(path)
    parts = [f"<section class='notebook' id='{html.escape(section.stem)}'>"]
    parts.extend(block_html(block) for block in section.blocks)
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
