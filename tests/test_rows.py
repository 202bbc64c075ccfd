"""checks.rows.records: the rows ``DataFrame.to_dict("records")`` gives, value and type."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from checks.rows import records


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def test_records_equal_to_dict_records_cell_by_cell():
    table = pd.DataFrame(
        {
            "text": pd.array(["Quetta", None, "Lahore"], dtype="str"),
            "count": [3, 4, 5],
            "value": [1.5, np.nan, 2.0],
            "agrees": [True, False, True],
            "note": ["a", None, 3.5],
        }
    )
    expected = table.to_dict("records")
    got = records(table)
    assert [list(r) for r in got] == [list(r) for r in expected]
    for g, e in zip(got, expected, strict=True):
        assert all(_same(g[k], e[k]) for k in e), (g, e)
    assert type(got[0]["count"]) is int and type(got[1]["value"]) is float


def test_records_of_an_empty_table():
    assert records(pd.DataFrame({"a": pd.Series([], dtype="str")})) == []
