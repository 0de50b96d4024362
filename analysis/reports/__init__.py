"""What the analysis commands show: readable tables and JSON records, one shape for all.

Each command of :mod:`analysis.cli` has a report builder here (``corpus``, ``vocab``,
``aspects``, ``ratings``, ``sentences``); they are the only code that builds command records.
Every record that concerns one review names it ``review_id``; numbers are plain JSON numbers
(NaN becomes null, floats are rounded to 6 places), see :func:`plain`.
"""

from __future__ import annotations

import json
import math
from typing import Any, NamedTuple

import pandas as pd


class Report(NamedTuple):
    """What an analysis subcommand shows.

    Attributes
    ----------
    tables : dict[str, pandas.DataFrame]
        Titled tables, printed in order for people.
    records : list[dict]
        JSON-serialisable records, printed by ``--json``.
    """

    tables: dict[str, pd.DataFrame]
    records: list[dict]


def plain(value: Any) -> Any:
    """A JSON-ready scalar: numpy numbers to Python ones, NaN to None, floats to 6 places."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value


def plain_records(table: pd.DataFrame) -> list[dict]:
    """The rows of `table` as JSON-ready dicts (see :func:`plain`)."""
    # pandas' JSON writer turns numpy scalars into plain numbers and NaN into null.
    return json.loads(table.to_json(orient="records", double_precision=6))


def records_by(table: pd.DataFrame, keys: list[str], fields: list[str] | tuple[str, ...]) -> dict:
    """JSON-ready records of `table`'s `fields`, grouped by the values of `keys` in table order.

    A key is the value itself for one key column, a tuple for several.
    """
    grouped: dict = {}
    records = table[list(fields)].to_dict("records")
    for key, record in zip(zip(*(table[k] for k in keys)), records):
        grouped.setdefault(key if len(keys) > 1 else key[0], []).append(
            {field: plain(value) for field, value in record.items()}
        )
    return grouped
