"""The check at the public boundary of every function that takes a table.

A table of the wrong shape (None, a list, a frame without the columns the function reads) would
otherwise fail deep inside pandas with an error about something else. :func:`check_table` names
the function, the argument, and what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class TableError(ValueError):
    """A table argument that is not a DataFrame or lacks a column the function reads."""


def check_table(table: Any, columns: Iterable[str], *, function: str, argument: str) -> None:
    """Raise :class:`TableError` unless `table` is a DataFrame holding every one of `columns`.

    >>> check_table(None, ["term", "count"], function="term_counts", argument="tokens")
    Traceback (most recent call last):
    ...
    analysis.tables.TableError: term_counts: tokens must be a table (pandas DataFrame) with the columns term, count; got NoneType
    """
    import pandas as pd

    columns = list(columns)
    if not isinstance(table, pd.DataFrame):
        raise TableError(
            f"{function}: {argument} must be a table (pandas DataFrame) with the columns "
            f"{', '.join(columns)}; got {type(table).__name__}"
        )
    missing = [column for column in columns if column not in table.columns]
    if missing:
        present = ", ".join(map(str, table.columns)) or "none"
        raise TableError(f"{function}: {argument} lacks the column(s) {', '.join(missing)} (it has {present})")
