"""One definition of a missing cell, for every module that reads table rows."""

import numpy as np
import pandas as pd

from checks.values import is_missing, text_or_empty, text_or_none


def test_none_nan_and_pandas_na_are_missing():
    for gap in (None, float("nan"), np.float64("nan"), pd.NA):
        assert is_missing(gap), gap
        assert text_or_none(gap) is None
        assert text_or_empty(gap) == ""


def test_values_that_look_empty_are_not_missing():
    for value in (0, 0.0, "", "nan", False, np.int64(0)):
        assert not is_missing(value), value
    assert text_or_none(0.0) == "0.0" and text_or_empty("PK") == "PK"


def test_a_row_of_a_table_reads_the_same_whatever_its_dtype():
    row = pd.DataFrame({"x": pd.array([None], dtype="Float64"), "y": [np.nan]}).iloc[0]
    assert is_missing(row["x"]) and is_missing(row["y"])
