import json

import numpy as np
import pandas as pd

from analysis.reports import plain, plain_records


def test_plain_turns_numpy_and_nan_into_json_values():
    assert [plain(np.int64(3)), plain(np.float64(0.1234567891)), plain(float("nan")), plain("x"), plain(None)] == [
        3, 0.123457, None, "x", None]


def test_plain_records_are_json_ready():
    table = pd.DataFrame({"term": ["love", "her"], "g2": [np.float64(1.23456789), np.nan], "count": np.array([2, 1])})
    records = plain_records(table)
    assert records == [{"term": "love", "g2": 1.234568, "count": 2}, {"term": "her", "g2": None, "count": 1}]
    assert json.loads(json.dumps(records)) == records
