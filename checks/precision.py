"""What interval of true values a stated figure stands for.

A claim is right when the reference can be rounded to it (statcheck, AggChecker): "65%"
stands for [64.5, 65.5), "16.8%" for [16.75, 16.85). Counts are exact ("1,124") unless round
("70,000"), which readers take as approximate. Hedge words widen or bound the interval
(``checks.vocabulary.Qualifier``). The same rules read a publisher's stated figure; figures
figcheck derives itself are exact points, rounded only when compared.

Dates become intervals of days since 1970-01-01, so "March 2024" contains 18 March 2024 by
the same overlap test that compares numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Self

import yaml

from checks.figures import format_number
from checks.values import is_missing
from checks.vocabulary import Comparison, Kind, Qualifier
from sources import yaml_safe

TOLERANCES_FILE = Path(__file__).with_name("tolerances.yaml")
# A share of a whole cannot leave [0, 100], whatever the hedge word says.
BOUNDED_KINDS = {Kind.SHARE, Kind.PERCENT}
COUNT_KINDS = {Kind.COUNT, Kind.RANGE, Kind.MONEY}
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class Tolerances:
    """Configurable tolerances. ``checks/tolerances.yaml`` is their only source of defaults:
    build them with ``Tolerances.load``, never from numbers written in code."""

    approximate: float
    nearly: float
    round_count_cap: float
    factor_word: float
    truncated_change: float
    double_rounding: float

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        """The bundled tolerances, with those a YAML file gives in their place.

        Args:
            path: a file with some of the dataclass's field names; the ones it omits keep
                the bundled ``checks/tolerances.yaml`` values. None: the bundled file alone.

        Raises:
            ValueError: a file is not a YAML mapping, names an unknown tolerance, gives a
                value that is not a number in [0, 1), or (the bundled file) omits one.
        """
        values = _read_tolerances(TOLERANCES_FILE, set(cls.__dataclass_fields__))
        missing = set(cls.__dataclass_fields__) - set(values)
        if missing:
            raise ValueError(f"{TOLERANCES_FILE}: missing tolerance(s) {sorted(missing)}")
        if path is not None:
            values |= _read_tolerances(Path(path), set(cls.__dataclass_fields__))
        return cls(**values)


def _read_tolerances(path: Path, names: set[str]) -> dict[str, float]:
    """The tolerances one YAML file gives, checked: known names, fractions in [0, 1)."""
    try:
        data = yaml_safe.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read tolerances: {exc}") from None
    if not isinstance(data, dict):
        # A bad file, not a bad argument: callers catch ValueError for all file problems.
        raise ValueError(f"{path}: tolerances must be a YAML mapping of name: fraction")  # noqa: TRY004
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{path}: unknown tolerance(s) {sorted(unknown)}")
    values = {}
    for key, value in data.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise ValueError(f"{path}: {key} must be a fraction in [0, 1) (got {value!r})")
        values[key] = float(value)
    return values


@dataclass(frozen=True)
class Interval:
    """A set of real numbers with open or closed ends; ``None`` is unbounded."""

    low: float | None
    high: float | None
    low_closed: bool = True
    high_closed: bool = True
    how: str = ""

    def overlaps(self, other: Interval) -> bool:
        """Return whether the two intervals share at least one point."""
        lo, lo_closed = _max_low(self, other)
        hi, hi_closed = _min_high(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    def within(self, other: Interval) -> bool:
        """Return whether every point of this interval lies in ``other``."""
        return _low_inside(self, other) and _high_inside(self, other)

    def __str__(self) -> str:
        left = "[" if self.low_closed and self.low is not None else "("
        right = "]" if self.high_closed and self.high is not None else ")"
        return f"{left}{_fmt(self.low, '-inf')}, {_fmt(self.high, '+inf')}{right}"


def _max_low(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _min_high(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed


def _low_inside(inner: Interval, outer: Interval) -> bool:
    """Whether ``inner``'s low end does not reach below ``outer``'s."""
    if outer.low is None:
        return True
    if inner.low is None:
        return False
    if inner.low != outer.low:
        return inner.low > outer.low
    return outer.low_closed or not inner.low_closed


def _high_inside(inner: Interval, outer: Interval) -> bool:
    if outer.high is None:
        return True
    if inner.high is None:
        return False
    if inner.high != outer.high:
        return inner.high < outer.high
    return outer.high_closed or not inner.high_closed


# One-sided hedges: a reference "at least 170" bounds the truth but does not state it.
ONE_SIDED = {Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.UNDER, Qualifier.UP_TO}


class Test:
    """Which interval test decides agreement (the evidence table's ``test`` column)."""

    OVERLAP = "overlap"  # the claim's interval meets the reference's
    CLAIM_WITHIN = "claim-within"  # a claimed range lies inside a reference range
    REF_WITHIN = "ref-within"  # a reference bound implies a hedged claim


@dataclass(frozen=True)
class Comparand:
    """A stated figure as the comparison needs it: its interval, whether it was stated as
    a range of two ends, and its hedge (one-sided hedges bound the truth only)."""

    interval: Interval | None
    is_range: bool = False
    qualifier: str | None = None
    # The printed number at its own precision, hedge removed ("at least 170" -> [170, 170]).
    stated: Interval | None = None

    @property
    def one_sided(self) -> bool:
        return self.qualifier in ONE_SIDED


def compare(claim: Comparand, ref: Comparand) -> tuple[Comparison, Interval | None, str]:
    """How a reference figure bears on a claim: agrees, disagrees or inconclusive.

    Agreement is not interval overlap:

    * a claimed range against a reference range (two estimates) agrees only when the claim
      lies within the reference: "between 6,000 and 10,000" misstates "6,000-6,500";
    * a reference bound ("at least 170") agrees with a plain claim only when the claim
      restates its number ("170"); with a hedged claim only when the bound implies it
      ("at least 645" implies "more than 600"). Otherwise it is inconclusive: it neither
      confirms 419 nor rules it out;
    * anything else agrees when the two intervals meet at the claim's precision.

    A reference disagrees when no value it allows lies in the claim's interval.

    Returns:
        ``(comparison, meet, test)``: the interval the claim must meet to agree and the test
        applied (``Test``), which the evidence table records for GX to re-check.
    """
    c, r = claim.interval, ref.interval
    if c is None or r is None:
        return Comparison.INCONCLUSIVE, r, Test.OVERLAP
    if claim.is_range and ref.is_range:
        agrees = c.within(r)
        return (Comparison.AGREES if agrees else Comparison.DISAGREES), r, Test.CLAIM_WITHIN
    if ref.one_sided:
        if claim.one_sided or claim.is_range or claim.qualifier is not None:
            meet, test, agrees = r, Test.REF_WITHIN, r.within(c)
        else:
            # The printed number, where the bound allows it: "47%" (rounded or cut, [46.5,
            # 48)) touches the 48 of "at least 48%" only where the bound rules it out.
            meet = _intersection(ref.stated, r) or ref.stated or r
            test, agrees = Test.OVERLAP, c.overlaps(meet)
    else:
        meet, test, agrees = r, Test.OVERLAP, c.overlaps(r)
    if agrees:
        return Comparison.AGREES, meet, test
    if not c.overlaps(r):
        return Comparison.DISAGREES, meet, test
    return Comparison.INCONCLUSIVE, meet, test


def _intersection(a: Interval | None, b: Interval) -> Interval | None:
    """The values both intervals allow, or None when they share none (``a`` None: None)."""
    if a is None or not a.overlaps(b):
        return None
    low, low_closed = _max_low(a, b)
    high, high_closed = _min_high(a, b)
    return Interval(low, high, low_closed, high_closed, how=a.how)


def _fmt(x: float | None, unbounded: str) -> str:
    return unbounded if x is None else format_number(x).replace(",", "")


def stated_decimals(value: float) -> int:
    """Number of decimals a value was stated with (16.8 -> 1, 65.0 -> 0)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def _half_unit_of_last_nonzero_digit(value: float) -> float:
    digits = Decimal(repr(abs(float(value)))).normalize().as_tuple()
    return 0.5 * 10.0**digits.exponent


def is_factor_word(value: float, kind: str) -> bool:
    """Whether a factor is one a multiplier word states: a whole number ("doubled" 2,
    "sevenfold" 7; a whole "19-fold" is read alike) or its reciprocal ("halved" 0.5), not a
    measured ratio ("2.5-fold")."""
    if kind != Kind.FACTOR or not value:
        return False
    whole = value if abs(value) >= 1 else 1 / value
    return float(whole).is_integer()


def _factor_word_interval(value: float, tol: Tolerances) -> Interval:
    """ "doubled": a word, not a measurement, read as ± ``factor_word`` of its factor."""
    band = tol.factor_word * abs(value)
    return Interval(
        value - band, value + band, how=f"a factor in words: ± {_percent(tol.factor_word)}"
    )


def _percent(share: float) -> str:
    """A tolerance as a percentage, at most one decimal: 0.125 -> "12.5%", 0.1 -> "10%"."""
    return f"{format_number(round(share * 100, 1))}%"


def rounding_interval(
    value: float, kind: str, tol: Tolerances, *, claimed: bool = False, twice: bool = False
) -> Interval:
    """The interval a figure stated without hedge words stands for.

    ``claimed``: the figure is a writer's claim, whose percent change may be cut rather than
    rounded at its last digit (``truncated_change``). ``twice``: the claim is set against
    figcheck's own arithmetic, and its percentage may have been rounded twice
    (``double_rounding``). A publisher's own print is read at its digits: where it cuts its
    changes, its counts or a stored hedge say so.
    """
    if is_factor_word(value, kind):
        return _factor_word_interval(value, tol)
    if kind in COUNT_KINDS or kind in (Kind.RATIO, Kind.RANK):
        half = _half_unit_of_last_nonzero_digit(value)
        if half < 1:  # a count with units digit: exact
            return Interval(value, value, how="exact count as stated")
        half = min(half, tol.round_count_cap * abs(value))
        return Interval(
            value - half,
            value + half,
            how=f"round number: ± {format_number(half)} "
            f"(last non-zero digit, at most {tol.round_count_cap:.0%})",
        )
    unit = 10.0 ** -stated_decimals(value)
    half = 0.5 * unit
    # A writer's percentage may have been rounded twice (39.47% printed "39.5%", written
    # "40%"): the edge towards zero reaches ``double_rounding`` of a unit further.
    inner = half + (tol.double_rounding * unit
                    if claimed and twice and kind in _PERCENT_KINDS and value != 0 else 0.0)
    if claimed and kind == Kind.PERCENT_CHANGE and tol.truncated_change > 0 and value != 0:
        # Writers often cut a change at its last digit instead of rounding it (+45.6%
        # written "45%", +162.5% "162pc"): the interval reaches that much further away
        # from zero, never towards it (a stated 45% is not 44.4%).
        reach = half + tol.truncated_change * unit
        how = ("rounded (once or twice) or cut at the stated digits" if inner > half
               else "rounded or cut at the stated digits")
        if value > 0:
            return Interval(value - inner, value + reach, high_closed=False, how=how)
        return Interval(value - reach, value + inner, low_closed=False, how=how)
    if inner > half:
        how = "rounded at the stated digits (once or twice)"
        if value >= 0:
            return Interval(value - inner, value + half, high_closed=False, how=how)
        return Interval(value - half, value + inner, low_closed=False, how=how)
    return Interval(
        value - half, value + half, high_closed=False, how="rounded at the stated digits"
    )


# Percentages a writer can state as a fraction in words: "two-thirds of attacks", "rose by
# a third", "half of the deaths" (and not "sixty-five percent", a number spelt out).
_PERCENT_KINDS = {Kind.SHARE, Kind.PERCENT, Kind.PERCENT_CHANGE}
_FRACTION_WORD = re.compile(
    r"\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
    re.IGNORECASE)


def claim_qualifier(kind: str, text: object, qualifier: str | None) -> str | None:
    """The hedge a claim is read with: its own, or "about" for a percentage stated as a
    fraction in words with no digit ("two-thirds", "a third", "half"). Like "doubled", such
    a fraction is a proportion said roughly, not a number rounded at a digit: 65% is
    "two-thirds"."""
    if qualifier or kind not in _PERCENT_KINDS or not isinstance(text, str):
        return qualifier
    if any(ch.isdigit() for ch in text) or not _FRACTION_WORD.search(text):
        return None
    return Qualifier.ABOUT.value


def stated_interval(
    kind: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    tol: Tolerances,
    *,
    exact: bool = False,
    claimed: bool = False,
    twice: bool = False,
) -> Interval | None:
    """Return the interval a stated (or, with ``exact``, a derived) figure stands for.

    Args:
        kind: a ``Kind`` value; shares are bounded to [0, 100].
        value: the figure as stated; ``None`` for a range.
        low, high: the ends of a stated range.
        qualifier: a ``Qualifier`` value or ``None``.
        tol: tolerances for hedge words and round numbers.
        exact: the figure is figcheck's own arithmetic, a point, not a rounded number.
        claimed: the figure is a writer's claim (``rounding_interval``).
        twice: the claim is set against figcheck's own arithmetic (``rounding_interval``).

    Returns:
        The interval, or ``None`` when the row states no figure.
    """
    value, low, high = (_num(x) for x in (value, low, high))
    if value is None and (low is not None or high is not None):
        return Interval(low, high, how="range as stated")
    if value is None:
        return None
    if value < 0 and qualifier in _MAGNITUDE_HEDGES:
        # "nearly 20% fewer", "fell by more than 30%": the hedge bounds the size of the
        # fall, so "nearly" lies just below 20 in magnitude (-20 <= change <= -18), "more
        # than" beyond -30. Read the magnitude as a rise, then turn the interval round.
        rise = stated_interval(kind, -value, None, None, qualifier, tol)
        return _negated(rise, "a fall")
    floor, ceiling = (0.0, 100.0) if kind in BOUNDED_KINDS else (None, None)
    if kind in COUNT_KINDS:
        floor = 0.0
    match qualifier:
        case Qualifier.OVER:
            return Interval(value, ceiling, low_closed=False, how=f"over: > {format_number(value)}")
        case Qualifier.AT_LEAST:
            return Interval(value, ceiling, how=f"at least: ≥ {format_number(value)}")
        case Qualifier.UNDER:
            return Interval(floor, value, high_closed=False, how=f"under: < {format_number(value)}")
        case Qualifier.UP_TO:
            return Interval(floor, value, how=f"up to: ≤ {format_number(value)}")
        case Qualifier.NEARLY:
            # "nearly doubled" is never stricter below than "doubled" itself.
            share = max(tol.nearly, tol.factor_word) if is_factor_word(value, kind) else tol.nearly
            band = share * abs(value)
            return Interval(value - band, value, how=f"nearly: up to {_percent(share)} below")
        case Qualifier.ABOUT:
            if is_factor_word(value, kind) and tol.factor_word > tol.approximate:
                return _factor_word_interval(value, tol)  # "roughly doubled" = "doubled"
            band = tol.approximate * abs(value)
            return Interval(value - band, value + band, how=f"approximate: ± {tol.approximate:.0%}")
    if exact:
        return Interval(value, value, how="figcheck's arithmetic, unrounded")
    return rounding_interval(value, kind, tol, claimed=claimed, twice=twice)


# Hedges that bound a figure's size from one side; on a fall they bound it in magnitude.
_MAGNITUDE_HEDGES = {
    Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.UNDER, Qualifier.UP_TO, Qualifier.NEARLY
}


def _negated(interval: Interval, what: str) -> Interval:
    """``interval`` mirrored through zero (its ends swapped), ``how`` saying ``what`` it is."""
    return Interval(
        None if interval.high is None else -interval.high,
        None if interval.low is None else -interval.low,
        low_closed=interval.high_closed,
        high_closed=interval.low_closed,
        how=f"{interval.how}, in size ({what})",
    )


def date_interval(iso: str) -> Interval:
    """Days since 1970-01-01 covered by an ISO year, month or day ("2024-03")."""
    parts = [int(p) for p in iso.split("-")]
    first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        last = first
    elif len(parts) == 2:
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = date.fromordinal(nxt.toordinal() - 1)
    else:
        last = date(first.year, 12, 31)
    return Interval(
        float((first - _EPOCH).days), float((last - _EPOCH).days), how=f"the dates in {iso}"
    )


def _num(x: float | None) -> float | None:
    return None if is_missing(x) else float(x)
