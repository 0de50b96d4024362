"""The study's report as a PDF, typeset offline with Typst (the ``typst`` package from PyPI).

The PDF shows the same blocks as the HTML report (:func:`analysis.report.read_notebook`): the
notebooks' prose (Markdown turned into Typst markup), printed results, tables read from the
HTML the notebook shows, and figures — the exported vector PDF of each named figure, else the
notebook's PNG — with the captions the exporters recorded. Tables fit the page: short columns
take their width, long text columns share the rest and wrap, and a table too wide for a portrait
page at 7 pt is set on a landscape page, at 6 pt if need be. Fonts are matplotlib's DejaVu files
(the figures' font), system fonts are ignored and the document has no date, so the same study
gives the same bytes whatever fonts are installed.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from analysis.export import LONG_TEXT
from analysis.report import Block, Section, read_notebook
from analysis.typst_markup import escape, markdown_typst, string_literal

# A4 with 15 mm margins: the text area in points, portrait.
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = 595.3, 841.9, 42.5
# DejaVu Sans's average advance, in ems, to estimate how wide a column's text runs.
_CHARACTER_EMS = 0.52
# A long text column (a sentence, a comment) needs this many characters a line to read well;
# in a short table fewer will do, which spares it a landscape page of its own.
_LONG_COLUMN_CHARACTERS = 45
_SHORT_TABLE_LONG_COLUMN_CHARACTERS = 25
# A column name longer than this breaks after its underscores.
_HEADER_BREAK = 12
# A cell's inset, left and right, in points (the table's ``inset`` below).
_CELL_PADDING = 6
# Portrait first, then smaller type, then landscape: the first layout the table fits.
_LAYOUTS = (("portrait", 8.0), ("portrait", 7.0), ("landscape", 7.0), ("landscape", 6.0))
# A table this short tries 6 pt on a portrait page before a landscape page of its own.
_SHORT_TABLE_ROWS = 12
# Past these a table shows its start and names the CSV that holds all of it: a PDF page holds no
# more, and a corpus-sized table typeset whole costs gigabytes (a 300 x 300 similarity matrix
# took Typst 2.7 GB).
PDF_MAX_ROWS = 60
PDF_MAX_COLUMNS = 12

PREAMBLE = """#set document(title: {title}, date: none)
#set page(paper: "a4", margin: 15mm, numbering: "1")
#set text(font: "DejaVu Sans", size: 9pt, lang: "en")
#set par(justify: false, leading: 0.55em)
#show raw: set text(font: "DejaVu Sans Mono", size: 8pt)
#show heading.where(level: 1): it => {{ v(0.4em); text(size: 15pt, it); v(0.2em) }}
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10pt)
#set table(stroke: (x, y) => (bottom: 0.4pt + luma(200)), inset: (x: 3pt, y: 2pt))
#show figure.where(kind: table): set figure.caption(position: top)
#show figure: set block(breakable: true)
#set figure.caption(separator: [. ])
#show figure.caption: set text(size: 8pt)
"""


class ReportError(Exception):
    """Typst could not typeset the report; the message names the file and Typst's error."""


# --- Tables ---------------------------------------------------------------------------------

@dataclass
class _Cell:
    text: str
    header: bool
    colspan: int = 1


class _TableReader(HTMLParser):
    """The first table of an HTML fragment: its caption and rows of cells (``<style>`` skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.caption = ""
        self.head: list[list[_Cell]] = []
        self.body: list[list[_Cell]] = []
        self._section = "body"
        self._cell: _Cell | None = None
        self._in_caption = self._in_style = self._done = False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "style":
            self._in_style = True
        elif tag == "caption":
            self._in_caption = True
        elif tag == "thead":
            self._section = "head"
        elif tag == "tbody":
            self._section = "body"
        elif tag == "tr":
            (self.head if self._section == "head" else self.body).append([])
        elif tag in ("td", "th"):
            span = int(dict(attrs).get("colspan") or 1)
            self._cell = _Cell("", tag == "th" or self._section == "head", span)
        elif tag == "br" and self._cell is not None:
            self._cell.text += "\n"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        elif tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            rows = self.head if self._section == "head" else self.body
            if not rows:
                rows.append([])
            rows[-1].append(self._cell)
            self._cell = None
        elif tag == "table":
            self._done = True

    def handle_data(self, data):
        if self._done or self._in_style:
            return
        if self._cell is not None:
            self._cell.text += data
        elif self._in_caption:
            self.caption += data


def _header_text(text: str) -> str:
    # A long column name breaks after its underscores (significant_ / bonferroni), so its
    # column is as narrow as its values.
    text = text.strip().replace("\xa0", " ")
    return escape(text).replace("\\_", "\\_#linebreak()") if len(text) > _HEADER_BREAK else escape(text)


def _cell_text(text: str) -> str:
    lines = text.strip("\n").replace("\xa0", " ").split("\n")
    return " \\\n".join(escape(line) for line in lines)


def _is_number(text: str) -> bool:
    if len(text) > 1 and text[0] == "0" and text[1].isdigit():  # an id such as 003
        return False
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class TableLayout:
    """How a table is set: page orientation, type size and each column's Typst width."""

    orientation: str
    size: float
    columns: tuple[str, ...]
    right_aligned: tuple[bool, ...]


def table_layout(head: list[list[_Cell]], body: list[list[_Cell]]) -> TableLayout:
    """Column widths and the first of portrait 8 pt, 7 pt, landscape 7 pt, 6 pt the table fits."""
    count = max((sum(cell.colspan for cell in row) for row in head + body), default=1)
    longest = [0] * count
    longest_word = [0] * count
    numeric = [bool(body)] * count
    for rows, is_head in ((head, True), (body, False)):
        for row in rows:
            position = 0
            for cell in row:
                if cell.colspan == 1 and position < count:
                    lines = cell.text.strip().split("\n") or [""]
                    breaks_at_underscores = is_head and len(cell.text.strip()) > _HEADER_BREAK
                    words = (cell.text.replace("_", " ") if breaks_at_underscores else cell.text).split()
                    longest_word[position] = max(longest_word[position], max((len(w) for w in words), default=0))
                    if not is_head:
                        longest[position] = max(longest[position], max(len(line) for line in lines))
                        if cell.text.strip() and not _is_number(cell.text.strip()):
                            numeric[position] = False
                position += cell.colspan
    long_text = [length > LONG_TEXT for length in longest]
    short = len(body) <= _SHORT_TABLE_ROWS
    line = _SHORT_TABLE_LONG_COLUMN_CHARACTERS if short else _LONG_COLUMN_CHARACTERS
    needed = sum(max(min(length, line), word) if is_long else max(length, word)
                 for length, word, is_long in zip(longest, longest_word, long_text))
    layouts = (*_LAYOUTS[:2], ("portrait", 6.0), *_LAYOUTS[2:]) if short else _LAYOUTS
    for orientation, size in layouts:
        width = (_PAGE_HEIGHT if orientation == "landscape" else _PAGE_WIDTH) - 2 * _MARGIN
        if needed * _CHARACTER_EMS * size + _CELL_PADDING * count <= width:
            break
    columns = tuple(f"{min(length, 80)}fr" if is_long else "auto" for length, is_long in zip(longest, long_text))
    return TableLayout(orientation, size, columns, tuple(numeric))


def table_typst(block: Block) -> str:
    """A table block as a Typst figure (caption above, header repeated on every page), on a
    landscape page of its own when it is too wide for portrait; its plain text when its HTML
    holds no table."""
    reader = _TableReader()
    reader.feed(block.content)
    if not reader.head and not reader.body:
        return f"#raw(block: true, {string_literal(block.plain)})"
    rows = [row for row in reader.body if row]
    columns = max((sum(cell.colspan for cell in row) for row in reader.head + rows), default=0)
    head_rows = [_first_columns(row, PDF_MAX_COLUMNS) for row in reader.head]
    body_rows = [_first_columns(row, PDF_MAX_COLUMNS) for row in rows[:PDF_MAX_ROWS]]
    layout = table_layout(head_rows, body_rows)
    align = ", ".join("right" if right else "left" for right in layout.right_aligned)

    def cells(row: list[_Cell], *, header: bool) -> str:
        parts = []
        for cell in row:
            text = f"#strong[{_header_text(cell.text)}]" if header else _cell_text(cell.text)
            parts.append(f"table.cell(colspan: {cell.colspan})[{text}]" if cell.colspan > 1 else f"[{text}]")
        return ", ".join(parts)

    head = ", ".join(cells(row, header=True) for row in head_rows)
    body = ",\n  ".join(cells(row, header=False) for row in body_rows)
    note = escape(reader.caption.strip())
    caption = " ".join(part for part in (escape(block.caption or ""), note, escape(_cut_note(block.name, len(rows), columns))) if part)
    # Fractional columns share the width of their container: a full-width block, not the figure's.
    width = "100%" if any(column.endswith("fr") for column in layout.columns) else "auto"
    table = (f"#figure(kind: table, caption: [{caption}], block(width: {width})[\n#set text(size: {layout.size}pt)\n"
             f"#table(columns: ({', '.join(layout.columns)},), align: ({align},),\n"
             + (f"  table.header({head}),\n" if head else "")
             + f"  {body}\n)])")
    if layout.orientation == "landscape":
        return f"#page(flipped: true)[\n{table}\n]"
    return table


def _first_columns(row: list[_Cell], limit: int) -> list[_Cell]:
    """The cells of `row` that start within its first `limit` columns."""
    kept, width = [], 0
    for cell in row:
        if width >= limit:
            break
        kept.append(cell)
        width += cell.colspan
    return kept


def _cut_note(name: str | None, rows: int, columns: int) -> str:
    """What a cut table leaves out and where the whole of it is ("" for a table shown whole)."""
    cuts = [f"the first {limit} of the notebook's {count} {what}"
            for limit, count, what in ((PDF_MAX_ROWS, rows, "rows"), (PDF_MAX_COLUMNS, columns, "columns")) if count > limit]
    if not cuts:
        return ""
    whole = f"tables/{name}.csv" if name else "the notebook"
    return f"Shown here: {' and '.join(cuts)}; all of it is in {whole}."


# --- The document ---------------------------------------------------------------------------

def _figure_typst(block: Block, image: str) -> str:
    # A figure keeps its natural size (3.5 or 7 in), never more than the text width.
    caption = f", caption: [{escape(block.caption)}]" if block.caption else ""
    return (f"#figure(layout(size => image({string_literal(image)}, "
            f"width: calc.min(measure(image({string_literal(image)})).width, size.width))){caption})")


def report_typst(sections: Sequence[Section], *, title: str, images: Sequence[str]) -> str:
    """The Typst source of the report: the title and contents, then each notebook from a new
    page. `images` names the file of each figure block, in order."""
    image_files = iter(images)
    parts = [PREAMBLE.format(title=string_literal(title)),
             f"#align(center)[#text(size: 18pt, weight: \"bold\")[{escape(title)}]]",
             "#outline(depth: 2)"]
    for section in sections:
        parts.append("#pagebreak(weak: true)")
        for block in section.blocks:
            if block.kind == "markdown":
                parts.append(markdown_typst(block.content))
            elif block.kind in ("text", "error"):
                parts.append(f"#block(fill: luma(247), inset: 4pt, width: 100%, raw(block: true, {string_literal(block.content.rstrip())}))")
            elif block.kind == "note":
                parts.append(f"#emph[{escape(block.content)}]")
            elif block.kind == "table":
                parts.append(table_typst(block))
            else:
                parts.append(_figure_typst(block, next(image_files)))
    return "\n\n".join(parts) + "\n"


def _font_folder() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def write_pdf_report(notebooks: Sequence[Path], destination: Path, *, title: str, figures: Path | None = None) -> Path:
    """Write the executed `notebooks`, in order, as a PDF report typeset by Typst.

    Parameters
    ----------
    notebooks : sequence of Path
        Executed notebooks (with outputs).
    destination : Path
        The PDF file to write.
    title : str
        The report's title.
    figures : Path, optional
        The folder the notebooks exported their figures to; a figure whose ``NAME.pdf`` is there
        is embedded as that vector file, any other as the notebook's PNG.

    Returns
    -------
    Path
        `destination`.

    Raises
    ------
    ReportError
        When Typst cannot typeset the source.
    """
    import typst

    sections = [read_notebook(path) for path in notebooks]
    with tempfile.TemporaryDirectory(prefix="report-") as folder:
        work = Path(folder)
        images = []
        for number, block in enumerate(b for section in sections for b in section.blocks if b.kind == "figure"):
            exported = figures / f"{block.name}.pdf" if figures is not None and block.name else None
            if exported is not None and exported.exists():
                images.append(f"figure-{number}.pdf")
                shutil.copyfile(exported, work / images[-1])
            else:
                images.append(f"figure-{number}.png")
                (work / images[-1]).write_bytes(base64.b64decode(block.content))
        source = work / "report.typ"
        source.write_text(report_typst(sections, title=title, images=images), encoding="utf-8")
        try:
            pdf = typst.compile(source, root=work, font_paths=[_font_folder()], ignore_system_fonts=True)
        except typst.TypstError as failure:
            raise ReportError(f"{destination.name}: Typst could not typeset the report: {failure.message}") from None
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(pdf)
    return destination
