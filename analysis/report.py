"""The value every analysis hands to the command line: tables to print and records to dump."""

from __future__ import annotations

from typing import NamedTuple

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
