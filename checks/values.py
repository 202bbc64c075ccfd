"""Missing cells, one definition: None, NaN (pandas' float gap) and ``pd.NA`` all mean "no value".

Tables hand rows to renderers and rules as plain dicts, where a missing number arrives as NaN
or ``pd.NA`` and a missing string as None or NaN. Every module asks this one question here,
so the answer cannot drift. No pandas import: the CLI's start-up path uses it.
"""

from __future__ import annotations

import math
from typing import Any


def is_missing(x: Any) -> bool:
    """Whether ``x`` is None, a float NaN or pandas' ``NA``."""
    if x is None:
        return True
    cls = type(x)
    if cls is str or cls is int:  # most cells: answered without the lookups below
        return False
    if isinstance(x, float):
        return math.isnan(x)
    return cls.__name__ == "NAType"  # pandas.NA, without importing pandas


def text_or_none(x: Any) -> str | None:
    """``x`` as text, or None when it is missing."""
    return None if is_missing(x) else str(x)


def text_or_empty(x: Any) -> str:
    """``x`` as text, or "" when it is missing (a table cell, an HTML field)."""
    return "" if is_missing(x) else str(x)
