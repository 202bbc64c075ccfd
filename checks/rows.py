"""A table's rows as plain dicts, fast: what ``DataFrame.to_dict("records")`` gives.

``to_dict("records")`` takes every column out of the table again for each call and boxes
cell by cell; on Arrow-backed string columns (pandas' default string type) that costs
milliseconds per call, and the judge called it once per sentence. Here each column is
turned into a Python list once (``Series.tolist``: native ints, floats, bools and strings,
missing cells as the column's missing value), then zipped into rows.
"""

from __future__ import annotations

from typing import Any

import pandas as pd


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """``table``'s rows as dicts keyed by column name, in table order."""
    names = list(table.columns)
    if len(set(names)) != len(names):  # duplicate names: to_dict's own rules apply
        return table.to_dict("records")
    columns = [table[name].tolist() for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
