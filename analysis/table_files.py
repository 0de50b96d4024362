"""Reviews from one table file, one review per row: CSV or Parquet.

Large collections (every review of a film on a social review platform, a scraped aggregator, a
public data set) come as one table rather than a folder of text files. The table needs a
``text`` column; ``review_id``, ``film``, ``label``, ``author``, ``publication``, ``date``,
``rating`` and ``title`` are read where present, and other columns are ignored. Several films
may share one file; ``film=`` keeps one of them.

CSV is read with pandas' C parser as text (no column is turned into numbers or dates, and an
empty cell is an empty string), in UTF-8 (a byte-order mark is skipped). Parquet is read with
pyarrow, only the columns named above; a missing value is an empty string, and numbers or
dates become their text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

TABLE_SUFFIXES = (".csv", ".parquet")
TEXT_COLUMN = "text"
METADATA_COLUMNS = ("review_id", "film", "label", "author", "publication", "date", "rating", "title")


class TableFileError(ValueError):
    """A table file that cannot give reviews; the message names the file and the problem."""


def is_table_file(path: Path) -> bool:
    """True for a file whose suffix names a table format this module reads."""
    return path.suffix.lower() in TABLE_SUFFIXES


def read_review_rows(path: Path, *, film: str | None = None, with_text: bool = True) -> list[dict[str, str | None]]:
    """The rows of `path` as ``{"row": row number, "text": ..., <metadata column>: ...}``, in file order.

    Row numbers count data rows from 1. Metadata cells that are empty are None, but for
    ``review_id``: a row without one is named by its row number, or, where another row already
    uses that number as its id, by ``<row>-2`` (``-3`` ...), so every review id is unique.
    Without `with_text` the rows hold no ``text``: a large file's texts are then read in
    batches (:func:`review_texts`) and never all held at once.

    Raises
    ------
    TableFileError
        The file cannot be read or parsed, has no ``text`` column, names a review id twice,
        or holds no review of `film`.
    """
    table = _read(path, with_text=with_text)
    if TEXT_COLUMN not in table.columns:
        present = ", ".join(map(str, table.columns)) or "none"
        raise TableFileError(f"{path}: no '{TEXT_COLUMN}' column, one review per row (it has {present})")
    if film is not None:
        if "film" not in table.columns:
            raise TableFileError(f"{path}: no 'film' column to choose the film {film!r} from")
        table = table[table["film"] == film]
        if table.empty:
            raise TableFileError(f"{path}: no review of the film {film!r}")
    if "review_id" in table.columns:
        ids = table["review_id"][table["review_id"] != ""]
        repeated = ids[ids.duplicated()]
        if len(repeated):
            raise TableFileError(f"{path}: review id {repeated.iloc[0]!r} is used twice")
    columns = [column for column in METADATA_COLUMNS if column in table.columns]
    rows = [
        {
            "row": int(row),
            **({"text": text} if with_text else {}),
            **{column: (value or None) for column, value in zip(columns, values)},
        }
        for row, text, *values in zip(table.index + 1, table[TEXT_COLUMN], *(table[c] for c in columns))
    ]
    given = {row["review_id"] for row in rows if row.get("review_id")}
    for row in rows:
        if not row.get("review_id"):
            row["review_id"] = _unused_id(row["row"], given)
    return rows


def _unused_id(row: int, given: set[str]) -> str:
    """The row number as an id, with a suffix where a row already has it as its own id.

    A generated id holds no dash unless suffixed, and its row number is its own, so generated
    ids never meet each other; only the given ids can be in the way.
    """
    candidate, suffix = str(row), 1
    while candidate in given:
        suffix += 1
        candidate = f"{row}-{suffix}"
    return candidate


def review_texts(path: Path, rows: Sequence[int], *, batch_rows: int) -> Iterator[list[str]]:
    """The ``text`` cells of the data rows numbered `rows` (counted from 1, ascending, as
    :func:`read_review_rows` numbers them), as :func:`read_review_rows` reads them, in
    consecutive batches of `batch_rows` (the last may be shorter): only one batch of the file's
    texts is held at a time.

    Raises
    ------
    TableFileError
        The file cannot be read or parsed.
    """
    wanted = iter(rows)
    next_wanted = next(wanted, None)
    batch: list[str] = []
    first_row = 1
    with _read_errors(path):
        for chunk in _text_chunks(path, batch_rows):
            for row, text in enumerate(chunk, start=first_row):
                if row == next_wanted:
                    batch.append(text)
                    next_wanted = next(wanted, None)
                    if len(batch) == batch_rows:
                        yield batch
                        batch = []
            first_row += len(chunk)
    if batch:
        yield batch


def _text_chunks(path: Path, rows: int) -> Iterator[list[str]]:
    """The ``text`` column of `path`, in chunks of about `rows` rows, as :func:`_read` reads it."""
    import pandas as pd

    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as parquet

        for batch in parquet.ParquetFile(path).iter_batches(batch_size=rows, columns=[TEXT_COLUMN]):
            yield _as_text(batch.to_pandas())[TEXT_COLUMN].tolist()
        return
    for chunk in pd.read_csv(
        path, dtype=str, keep_default_na=False, encoding="utf-8-sig", usecols=[TEXT_COLUMN], chunksize=rows
    ):
        yield chunk[TEXT_COLUMN].tolist()


@contextmanager
def _read_errors(path: Path) -> Iterator[None]:
    """A problem reading the table file `path` as one TableFileError naming it."""
    import pandas as pd

    try:
        yield
    except UnicodeDecodeError as problem:
        raise TableFileError(f"{path}: not valid UTF-8 ({problem.reason} at byte {problem.start})") from None
    except OSError as problem:
        raise TableFileError(f"{path}: cannot be read ({problem.strerror or problem})") from None
    except (ValueError, pd.errors.ParserError) as problem:
        # pandas' own message says what and where ("Error tokenizing data. C error: ... line 3").
        raise TableFileError(f"{path}: not a readable table ({str(problem).strip()})") from None


def _read(path: Path, *, with_text: bool = True):
    import pandas as pd

    with _read_errors(path):
        if path.suffix.lower() == ".parquet":
            return _read_parquet(path, with_text=with_text)
        if not with_text:
            header = pd.read_csv(path, dtype=str, encoding="utf-8-sig", nrows=0).columns
            if TEXT_COLUMN not in header:
                return pd.DataFrame(columns=header)  # the caller names what is missing and what is there
            # The text column only where no other says how many rows there are.
            kept = [name for name in header if name in METADATA_COLUMNS] or [TEXT_COLUMN]
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", usecols=kept)
            return table.assign(**{TEXT_COLUMN: ""})
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _read_parquet(path: Path, *, with_text: bool):
    import pandas as pd
    import pyarrow.parquet as parquet

    names = parquet.read_schema(path).names
    if TEXT_COLUMN not in names:
        return pd.DataFrame(columns=names)  # the caller names what is missing and what is there
    # A collection's file may hold many more columns (tokens, embeddings): read the review's only.
    wanted = [name for name in ((TEXT_COLUMN,) if with_text else ()) + METADATA_COLUMNS if name in names]
    table = _as_text(parquet.read_table(path, columns=wanted).to_pandas().reset_index(drop=True))
    return table if with_text else table.assign(**{TEXT_COLUMN: ""})


def _as_text(table):
    """A table's cells as text: a missing value an empty string, numbers and dates their text."""
    return table.astype(object).where(table.notna(), "").astype(str)
