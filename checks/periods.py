"""Periods as intervals of calendar time, written as canonical strings.

A period column (claims, reference rows, evidence) holds one of:

| form | example | meaning |
|---|---|---|
| year | ``2023`` | 1 January to 31 December 2023 |
| month | ``2024-06`` | June 2024 |
| day | ``2024-06-27`` | 27 June 2024 |
| span | ``2024-04/2024-06`` | April to June 2024 (the second quarter), both ends included |

A span is an ISO 8601 interval of two months or two days. :func:`canonical` writes every
period in its shortest form, so two periods are the same interval exactly when their strings
are equal: a quarter is never equal to a year, and "January to December 2023" is ``2023``.
Readers and the judge build periods only through this module, never by string slicing.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date

# One ISO prefix (year, month or day), optionally "/" another: what a period column holds.
PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}-\d{2}(-\d{2})?)?$"
_PERIOD = re.compile(PATTERN)
_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTH_NAMES = list(calendar.month_name)[1:]
_HALVES = {1: "first half", 2: "second half"}


class PeriodError(ValueError):
    """A string that is not a period in the forms above."""


@functools.lru_cache(maxsize=4096)
def bounds(period: str) -> tuple[date, date]:
    """First and last day of ``period`` (both included).

    Cached: the judge asks about the same few hundred periods (the reference rows') for
    every claim; a string that is not a period raises each time it is asked.
    """
    if "/" in period:
        first, last = period.split("/", 1)
        return _first_day(first), _last_day(last)
    return _first_day(period), _last_day(period)


def canonical(first: date, last: date) -> str:
    """The shortest string for the days ``first`` to ``last`` (both included)."""
    if last < first:
        raise PeriodError(f"period ends before it starts: {first} to {last}")
    whole_months = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    if whole_months:
        if first.year == last.year and first.month == 1 and last.month == 12:
            return f"{first.year:04d}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}/{last.isoformat()}"


def normalise(period: str) -> str:
    """``period`` in canonical form ("2023-01/2023-12" -> "2023")."""
    return canonical(*bounds(period))


def months(year: int, first_month: int, last_month: int, last_year: int | None = None) -> str:
    """Whole months ``first_month`` of ``year`` to ``last_month`` (of ``last_year``)."""
    end_year = year if last_year is None else last_year
    return canonical(
        date(year, first_month, 1),
        date(end_year, last_month, calendar.monthrange(end_year, last_month)[1]),
    )


def quarter(year: int, q: int) -> str:
    """Calendar quarter ``q`` (1-4) of ``year``: ``quarter(2024, 2) == "2024-04/2024-06"``."""
    if not 1 <= q <= 4:
        raise PeriodError(f"no quarter {q}")
    return months(year, 3 * q - 2, 3 * q)


def half(year: int, h: int) -> str:
    """Half-year ``h`` (1 or 2) of ``year``."""
    if h not in (1, 2):
        raise PeriodError(f"no half-year {h}")
    return months(year, 6 * h - 5, 6 * h)


def fiscal_year(end_year: int, first_month: int = 7) -> str:
    """A fiscal year ending in ``end_year`` that starts in ``first_month`` (Pakistan: July)."""
    if first_month == 1:
        return f"{end_year:04d}"
    return months(end_year - 1, first_month, first_month - 1, last_year=end_year)


def shift_years(period: str, years: int) -> str:
    """The same span ``years`` earlier or later ("same period last year" is ``-1``)."""
    first, last = bounds(period)
    return canonical(_add_years(first, years), _add_years(last, years, end=True))


def contains(outer: str, inner: str) -> bool:
    """Whether every day of ``inner`` lies within ``outer``."""
    o1, o2 = bounds(outer)
    i1, i2 = bounds(inner)
    return o1 <= i1 and i2 <= o2


def is_valid(period: object) -> bool:
    """Whether ``period`` is a string in one of the forms above."""
    if not isinstance(period, str) or not _PERIOD.match(period):
        return False
    try:
        bounds(period)
    except (PeriodError, ValueError):
        return False
    return True


def label(period: str) -> str:
    """The period in words: "2023", "June 2024", "27 June 2024", "Q2 2024",
    "first half of 2023", "January–November 2024"."""
    first, last = bounds(period)
    if "/" not in period:
        if len(period) == 4:
            return period
        if len(period) == 7:
            return f"{MONTH_NAMES[first.month - 1]} {first.year}"
        return f"{first.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.day == 1 and len(period.split("/")[1]) == 7 and first.year == last.year:
        span = (first.month, last.month)
        if last.month - first.month == 2 and first.month % 3 == 1:
            return f"Q{(first.month + 2) // 3} {first.year}"
        if span in ((1, 6), (7, 12)):
            return f"{_HALVES[1 if first.month == 1 else 2]} of {first.year}"
        return f"{MONTH_NAMES[first.month - 1]}–{MONTH_NAMES[last.month - 1]} {first.year}"
    if len(period.split("/")[1]) == 7:
        return (
            f"{MONTH_NAMES[first.month - 1]} {first.year}–{MONTH_NAMES[last.month - 1]} {last.year}"
        )
    return f"{first.isoformat()} to {last.isoformat()}"


def _first_day(part: str) -> date:
    m = _PART.match(part)
    if not m:
        raise PeriodError(f"not a period: {part!r}")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return date(year, month, day)


def _last_day(part: str) -> date:
    m = _PART.match(part)
    if not m:
        raise PeriodError(f"not a period: {part!r}")
    year = int(m.group(1))
    if m.group(3):
        return date(year, int(m.group(2)), int(m.group(3)))
    month = int(m.group(2) or 12)
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_years(d: date, years: int, end: bool = False) -> date:
    year = d.year + years
    last = calendar.monthrange(year, d.month)[1]
    if end and d.day == calendar.monthrange(d.year, d.month)[1]:
        return date(year, d.month, last)  # 28 Feb 2023 + 1 year ends on 29 Feb 2024
    return date(year, d.month, min(d.day, last))
