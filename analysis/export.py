"""Tables for the write-up: shown readably in a notebook, written as CSV and LaTeX.

A notebook shows a table and writes it in one call, ``export_table(table, "name", caption=...)``
(:class:`TableExporter`): the table goes to ``tables/name.csv`` (UTF-8, tidy, every row and
column), with ``latex=True`` also to ``tables/name.tex`` (booktabs rules, through pandas'
Styler; the first :data:`DISPLAY_ROWS` rows, as the notebook shows), and its caption is recorded for ``tables/README.md``. A table at collection scale (at
least :data:`PARQUET_ROWS` rows) is also written as ``tables/name.parquet`` beside its CSV:
typed columns, compressed, read back by pandas or Dask without parsing text. What the notebook
shows is :func:`readable`: long text left-aligned and wrapped, never cut, line breaks kept as breaks.

The table folder sits beside the figure folder (``tables/`` beside ``figures/``, or
``OUTPUT/tables/`` in a run with ``--output``), so the same notebooks write another corpus's
tables into its own output folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.paths import CAPTIONS_FILE, study_figures_dir
from analysis.tables import checks

TABLE_SUFFIXES = (".csv", ".parquet", ".tex")
# From this many rows a table is also written as Parquet; the study's own tables stay CSV only.
PARQUET_ROWS = 10_000
# The key of a notebook output's metadata that names the table or figure it shows and its
# caption, so the reports (analysis.report) can caption it; nbval does not compare metadata.
OUTPUT_METADATA_KEY = "analysis"
# A notebook shows at most this many rows and columns of a table, and its LaTeX file this many
# rows; its CSV keeps them all (a column per review of a large corpus would make megabytes of
# HTML no one can read).
DISPLAY_ROWS = 200
DISPLAY_COLUMNS = 50
# Text columns whose values are longer than this are shown wrapped and left-aligned.
LONG_TEXT = 30
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def study_tables_dir() -> Path:
    """The folder tables are written to: ``tables/`` beside the study's figure folder."""
    return study_figures_dir().parent / "tables"


def record_caption(folder: Path, name: str, *, caption: str, notebook: str, width: float | None = None) -> None:
    """Add `name`'s caption and notebook (and a figure's `width` in inches) to ``captions.json``
    in `folder` (sorted, so reruns write the same bytes)."""
    index_path = folder / CAPTIONS_FILE
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    index[name] = {"caption": caption, "notebook": notebook} | ({"width": width} if width is not None else {})
    index_path.write_text(json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


@checks(table=[])
def with_critics(table: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """`table` with a ``critic`` column (:func:`analysis.plots.critic_labels`) after ``review_id``.

    A table without a ``review_id`` column is returned unchanged.
    """
    if "review_id" not in table.columns or "critic" in table.columns:
        return table
    position = list(table.columns).index("review_id") + 1
    named = table.copy()
    named.insert(position, "critic", named["review_id"].map(lambda review_id: labels.get(review_id, review_id)))
    return named


def _is_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)


def _long_text_columns(table: pd.DataFrame) -> list:
    return [
        column for column in table.columns
        if _is_text(table[column])
        and table[column].map(lambda value: isinstance(value, str) and len(value) > LONG_TEXT).any()
    ]


def output_metadata(kind: str, name: str, caption: str) -> dict:
    """The metadata of a notebook output that shows the table or figure `name` (``kind``:
    ``"table"`` or ``"figure"``) with its caption."""
    return {OUTPUT_METADATA_KEY: {"kind": kind, "name": name, "caption": caption}}


class ShownTable:
    """A table as a notebook shows it: the Styler's HTML, and a plain-text line that names the
    table's size and columns (a Styler's own text is its memory address, different every run).
    An exported table also carries its name and caption in the output's metadata.
    """

    def __init__(self, styler, table: pd.DataFrame, *, name: str | None = None, caption: str | None = None) -> None:
        self.styler = styler
        self.table = table
        self.name = name
        self.caption = caption

    def to_html(self) -> str:
        return self.styler.to_html()

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": self.to_html(), "text/plain": repr(self)}
        if self.name is None:
            return data
        return data, output_metadata("table", self.name, self.caption or "")

    def __repr__(self) -> str:
        names = ", ".join(map(str, self.table.columns[:DISPLAY_COLUMNS]))
        more = len(self.table.columns) - DISPLAY_COLUMNS
        rest = f" and {more} more" if more > 0 else ""
        return f"{len(self.table)} rows x {len(self.table.columns)} columns: {names}{rest}"


@checks(table=[])
def readable(table: pd.DataFrame, *, decimals: int = 3, max_rows: int = DISPLAY_ROWS,
             max_columns: int = DISPLAY_COLUMNS, uuid: str = "table", align_right: Sequence[str] = ()):
    """A Styler that shows `table` whole and legible: long text left-aligned and wrapped.

    Text is never truncated, a line break in a value shows as a line break (never a literal
    ``\\n``), numbers are rounded to `decimals` for display only, and past `max_rows` rows or
    `max_columns` columns the first ones are shown with a caption that says so. The fixed `uuid`
    keeps the HTML the same on every run.

    Parameters
    ----------
    table : DataFrame
    decimals : int
    max_rows : int
    max_columns : int
    uuid : str
        The id prefix of the Styler's HTML; give each table of a notebook its own.
    align_right : sequence of str
        Text columns to right-align (a concordance's left context, so the keyword lines up).

    Returns
    -------
    ShownTable
        Shows as the styled HTML table; its ``styler`` is the pandas Styler.
    """
    shown = table.head(max_rows).iloc[:, :max_columns]
    long_text = [column for column in _long_text_columns(shown) if column not in align_right]
    styler = shown.style.set_uuid(uuid).format(precision=decimals, na_rep="", escape="html")
    styler = styler.set_table_styles([{"selector": "th", "props": "text-align: left; vertical-align: bottom;"}])
    # Cell alignment goes on the cells themselves: a table-wide rule would outrank them.
    styler = styler.set_properties(**{"vertical-align": "top"})
    numbers = [c for c in shown.columns if not _is_text(shown[c]) and c not in align_right]
    if numbers:
        styler = styler.set_properties(subset=numbers, **{"text-align": "right"})
    if long_text:
        styler = styler.set_properties(
            subset=long_text,
            **{"text-align": "left", "white-space": "pre-wrap", "min-width": "24em", "max-width": "48em"},
        )
    short_text = [c for c in shown.columns if _is_text(shown[c]) and c not in long_text and c not in align_right]
    if short_text:
        styler = styler.set_properties(subset=short_text, **{"text-align": "left"})
    if align_right:
        styler = styler.set_properties(subset=list(align_right), **{"text-align": "right", "white-space": "nowrap"})
    cut_rows, cut_columns = len(table) > max_rows, len(table.columns) > max_columns
    cut = [f"{max_rows} of {len(table)} rows"] * cut_rows + [f"{max_columns} of {len(table.columns)} columns"] * cut_columns
    if cut:
        every = "them all" if cut_rows and cut_columns else "every row" if cut_rows else "every column"
        styler = styler.set_caption(f"First {' and '.join(cut)}; the CSV file has {every}.")
    if all(name is None for name in table.index.names):  # row numbers, not data
        styler = styler.hide(axis="index")
    return ShownTable(styler, table)


class TableExporter:
    """Write a notebook's tables as CSV (and LaTeX) and show them with :func:`readable`.

    Parameters
    ----------
    notebook : str
        The notebook's file stem, recorded beside each caption.
    folder : Path, optional
        Output folder; defaults to :func:`study_tables_dir`.
    """

    def __init__(self, notebook: str, folder: Path | None = None) -> None:
        self.notebook = notebook
        self.folder = Path(folder) if folder is not None else study_tables_dir()

    def __call__(self, table: pd.DataFrame | pd.Series, name: str, *, caption: str, latex: bool = False,
                 decimals: int = 3, align_right: Sequence[str] = ()):
        """Write `table` as ``name.csv`` (and ``name.tex`` with `latex`), record its caption, and
        return it as :func:`readable` shows it.

        A table with a named index (a pivot) keeps its index as the first column(s); a Series is
        written as a one-column table.
        """
        if isinstance(table, pd.Series):
            table = table.to_frame()
        if not _NAME.fullmatch(name):
            raise ValueError(f"table name {name!r} must be lower-case words joined by hyphens, e.g. 'praise-by-target'")
        self.folder.mkdir(parents=True, exist_ok=True)
        tidy = table if isinstance(table.index, pd.RangeIndex) else table.reset_index()
        tidy.to_csv(self.folder / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        parquet_path = self.folder / f"{name}.parquet"
        if len(tidy) >= PARQUET_ROWS:
            _write_parquet(tidy, parquet_path)
        else:
            parquet_path.unlink(missing_ok=True)  # from an earlier run of a larger corpus
        if latex:
            # A paper's table shows what the notebook shows: typesetting every row of a large
            # corpus's table (500,000 at 100,000 reviews) took gigabytes for pages no one prints.
            cut = f" First {DISPLAY_ROWS} of {len(tidy)} rows; the CSV file has every row." if len(tidy) > DISPLAY_ROWS else ""
            (self.folder / f"{name}.tex").write_text(
                to_latex(tidy.head(DISPLAY_ROWS), caption=caption + cut, label=name, decimals=decimals), encoding="utf-8"
            )
        record_caption(self.folder, name, caption=caption, notebook=self.notebook)
        shown = readable(table, decimals=decimals, uuid=name.replace("-", "_"), align_right=align_right)
        shown.name, shown.caption = name, caption
        return shown


def _write_parquet(table: pd.DataFrame, path: Path) -> None:
    """Write `table` (no index) as Parquet; a text column that also holds other values (numbers
    beside words, lists) is written as text, since a Parquet column has one type."""
    import pyarrow as pa

    try:
        table.to_parquet(path, index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        mixed = [column for column in table.columns if table[column].dtype == object]
        as_text = table.astype({column: "str" for column in mixed}).where(table.notna(), None)
        as_text.to_parquet(path, index=False)


@checks(table=[])
def to_latex(table: pd.DataFrame, *, caption: str, label: str, decimals: int = 3) -> str:
    """A booktabs LaTeX table of `table` (no index), special characters escaped, long text in
    wrapping ``p`` columns, so it drops into a paper with ``\\usepackage{booktabs}``."""
    long_text = set(_long_text_columns(table))
    column_format = "".join("p{0.45\\linewidth}" if c in long_text else ("l" if _is_text(table[c]) else "r")
                            for c in table.columns)
    flat = table.copy()
    for column in flat.columns:
        if _is_text(flat[column]):
            flat[column] = flat[column].map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)
    styler = flat.style.format(precision=decimals, na_rep="", escape="latex").format_index(escape="latex", axis=1)
    return styler.hide(axis="index").to_latex(
        hrules=True, caption=caption.replace("%", r"\%"), label=f"tab:{label}", column_format=column_format,
        position="htbp",
    )


def write_table_index(folder: Path) -> Path:
    """Write ``README.md`` in `folder`: every table with its files, caption and notebook."""
    captions = json.loads((folder / CAPTIONS_FILE).read_text(encoding="utf-8"))
    lines = [
        "# Tables",
        "",
        "Written by `python -m analysis run`: every table a notebook shows, as UTF-8 CSV, and the main",
        "ones also as LaTeX (booktabs; `\\usepackage{booktabs}`); a table of "
        f"{PARQUET_ROWS:,} rows or more also as Parquet.",
        "",
        "| table | caption | notebook |",
        "| --- | --- | --- |",
    ]
    for name in sorted(captions, key=lambda n: (captions[n]["notebook"], n)):
        files = [f"[{suffix[1:]}]({name}{suffix})" for suffix in TABLE_SUFFIXES if (folder / f"{name}{suffix}").exists()]
        entry = captions[name]
        lines.append(f"| {name} ({', '.join(files)}) | {entry['caption']} | `{entry['notebook']}` |")
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
