"""How a figure reads, one definition for the judge's sentences, the report, charts and CLI tables.

A figure is a kind, a value or bounds, a hedge word and a unit (a claims or reference row).
Every place that shows one to a reader formats it here, so "over 90%", "+65.4%" and
"5,000–6,000" read the same in a verdict summary, the evidence panel, a chart label and the
terminal. What legitimately differs between those places is a parameter, not a second
function: how many decimals are worth showing, what stands in for a missing figure, and
whether units are spelled out for a sentence ("3 percentage points") or abbreviated for a
cell ("3 pp"). No pandas import: the CLI's start-up path uses this module.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from checks.values import text_or_empty
from checks.vocabulary import CHANGE_KINDS, PERCENT_KINDS, Kind, Qualifier

# Decimals a reader needs in a table cell or chart label; the checker's own arithmetic
# (interval bounds, computations) shows up to CHECK_DECIMALS so nothing it compared is hidden.
READER_DECIMALS = 2
CHECK_DECIMALS = 4

# How a qualifier reads in front of a figure ("over 90%").
QUALIFIER_WORDS = {
    Qualifier.OVER.value: "over",
    Qualifier.AT_LEAST.value: "at least",
    Qualifier.UNDER.value: "under",
    Qualifier.UP_TO.value: "up to",
    Qualifier.NEARLY.value: "nearly",
    Qualifier.ABOUT.value: "about",
}


def as_number(x: Any) -> float | None:
    """Return ``x`` as a finite float, or None for None, NaN, ``pd.NA``, text and infinities."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def format_number(x: Any, *, decimals: int = CHECK_DECIMALS, missing: str = "?") -> str:
    """A number for readers: thousands separators, no spurious decimals.

    Args:
        x: the number; None, NaN, text and infinities count as missing.
        decimals: at most this many decimals (trailing zeros dropped: 16.80 -> "16.8").
        missing: what stands in for a missing number ("?" in the checker's arithmetic,
            "—" in a report cell).
    """
    f = as_number(x)
    if f is None:
        return missing
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.{decimals}f}".rstrip("0").rstrip(".")


def _suffix(kind: str | None, unit: str | None, spelled: bool) -> str:
    if kind in PERCENT_KINDS:
        return "%"
    if kind == Kind.PERCENTAGE_POINTS:
        return " percentage points" if spelled else " pp"
    if unit and unit not in {"%", "percent"}:
        return f" {unit}"
    return ""


def format_figure(
    kind: str | None,
    value: Any = None,
    low: Any = None,
    high: Any = None,
    qualifier: str | None = None,
    unit: str | None = None,
    *,
    decimals: int = READER_DECIMALS,
    missing: str = "—",
    spelled: bool = False,
) -> str:
    """A stated figure the way it reads: "over 90%", "+65.4%", "5,000–6,000", "2-fold".

    Cached by its arguments (and their types): the same reference figures are shown again
    and again, in every verdict sentence, evidence panel and chart about one measure.
    Arguments that cannot be hashed are formatted uncached.

    A value wins over bounds except for a range; a lone lower bound reads "at least", a lone
    upper bound "up to" (unless the qualifier says otherwise). Changes carry their sign, and a
    negative number a true minus sign ("−12%").

    Args:
        kind: a ``checks.vocabulary.Kind`` value; a date is shown as its text.
        value, low, high: the figure's numbers; missing ones are None or NaN.
        qualifier: the hedge word's ``Qualifier`` value, shown in front ("over", "about").
        unit: the row's unit, shown after counts and money ("USD"); per-cent kinds get "%".
        decimals: at most this many decimals.
        missing: the text when there is no figure at all.
        spelled: units in words for a sentence ("percentage points") rather than a cell ("pp").
    """
    args = (kind, value, low, high, qualifier, unit, decimals, missing, spelled)
    try:
        return _format_figure_cached(*args)
    except TypeError:  # an unhashable argument
        return _format_figure(*args)


def _format_figure(
    kind: str | None,
    value: Any,
    low: Any,
    high: Any,
    qualifier: str | None,
    unit: str | None,
    decimals: int,
    missing: str,
    spelled: bool,
) -> str:
    """``format_figure``'s work, uncached."""
    if kind == Kind.DATE:
        return text_or_empty(value) or missing
    v, lo, hi = as_number(value), as_number(low), as_number(high)
    suffix = _suffix(kind, unit, spelled)

    def num(x: float) -> str:
        return format_number(x, decimals=decimals, missing=missing)

    if lo is not None and hi is not None and (v is None or kind == Kind.RANGE):
        text = f"{num(lo)}–{num(hi)}{suffix}"
    elif v is not None and kind == Kind.FACTOR:
        text = f"{num(v)}-fold"
    elif v is not None and kind == Kind.RANK:
        text = f"rank {num(v)}"
    elif v is not None:
        sign = "+" if kind in CHANGE_KINDS and v > 0 else ""
        text = f"{sign}{num(v)}{suffix}".replace("-", "−", 1)
    elif lo is not None:
        text = f"{num(lo)}{suffix}"
        qualifier = qualifier or Qualifier.AT_LEAST.value
    elif hi is not None:
        text = f"{num(hi)}{suffix}"
        qualifier = qualifier or Qualifier.UP_TO.value
    else:
        return missing
    word = QUALIFIER_WORDS.get(qualifier or "")
    return f"{word} {text}" if word else text


# typed: 65 and 65.0, or a Kind and its string, are cached apart (as_number already reads
# them alike, but a cache should not have to know that).
_format_figure_cached = functools.lru_cache(maxsize=8192, typed=True)(_format_figure)
