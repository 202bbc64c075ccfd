"""Figures the sources imply but do not print: percent changes, factors ("doubled"), shares of
a total, sums of parts (of a place, or of measures counted together), differences of shares in percentage points, and ranks of regions.

Every derived figure stays within one source and one definition of what is counted
("never divide one dataset's count by another's"), is computed at full precision and
carries its inputs and arithmetic, so a reader can redo it. Only the figures that some
claim asks about are derived: the work grows with the distinct questions, not the rows.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from checks.figures import format_number
from checks.labels import metric_sums, region_parents
from checks.precision import Tolerances, stated_interval
from checks.schemas import ClaimSchema as C
from checks.schemas import ReferenceSchema as R
from checks.vocabulary import Kind, Stated

# Columns a derived figure adds to a reference row: what it was computed from, and how.
INPUTS = "inputs"
COMPUTATION = "computation"
_GROUP = [R.source, R.metric, R.definition]


def with_derivation_columns(figures: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``figures`` with the ``inputs`` and ``computation`` columns, None where absent.

    Stated reference rows have no derivation; matching and the judge read both kinds of rows
    through the same columns.
    """
    out = figures.copy()
    for col in (INPUTS, COMPUTATION):
        if col not in out:
            out[col] = None
    return out


def derive_figures(
    claims: pd.DataFrame, references: pd.DataFrame, tolerances: Tolerances | None = None
) -> pd.DataFrame:
    """Derive the percent changes, shares, sums and point differences the claims ask about.

    Args:
        claims: a claims table (``ClaimSchema``).
        references: stated reference figures (``ReferenceSchema``).
        tolerances: how stated shares are read when their difference is taken.

    Returns:
        Reference rows with ``stated_or_derived == "derived"`` plus ``inputs`` and
        ``computation`` columns; empty (same columns) when nothing can be derived.
    """
    counts = references[references[R.kind] == Kind.COUNT]
    changes = claims[claims[C.kind] == Kind.PERCENT_CHANGE]
    shares = claims[claims[C.kind].isin([Kind.SHARE, Kind.PERCENT])]
    totals = claims[claims[C.kind].isin([Kind.COUNT, Kind.RANGE])]
    points = claims[claims[C.kind] == Kind.PERCENTAGE_POINTS]
    factors = claims[claims[C.kind] == Kind.FACTOR]
    ranks = claims[claims[C.kind] == Kind.RANK]
    frames = [
        _percent_changes(counts, changes[[C.metric, C.region, C.period, C.base_period]]),
        _factors(counts, factors[[C.metric, C.region, C.period, C.base_period]]),
        _ranks(counts, ranks[[C.metric, C.region, C.period]]),
        _shares(counts, shares[[C.metric, C.region, C.period]]),
        _sums(counts, totals[[C.metric, C.region, C.period]]),
        _metric_sums(counts, totals[[C.metric, C.region, C.period]]),
        _point_differences(
            references[references[R.kind] == Kind.SHARE],
            points[[C.metric, C.region, C.period, C.base_period]],
            tolerances or Tolerances.load(),
        ),
    ]
    out = pd.concat([f for f in frames if not f.empty] or [_empty(references)], ignore_index=True)
    return out.drop_duplicates(subset=[R.ref_id]).reset_index(drop=True)


def _empty(references: pd.DataFrame) -> pd.DataFrame:
    return references.iloc[0:0].assign(**{INPUTS: pd.Series(dtype=str), COMPUTATION: ""})


def _percent_changes(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    pairs = _period_pairs(counts, asked)
    if pairs is None:
        return pd.DataFrame()
    change = (pairs[R.value] - pairs["old_value"]) / pairs["old_value"] * 100
    return _between_periods(
        pairs,
        Kind.PERCENT_CHANGE.value,
        "%",
        "-vs-",
        change,
        [
            f"({format_number(n)} − {format_number(o)}) / {format_number(o)} × 100 = {c:+.1f}%"
            for n, o, c in zip(pairs[R.value], pairs["old_value"], change)
        ],
    )


def _factors(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    """New over old from one source's two periods: "doubled" is a factor of 2."""
    pairs = _period_pairs(counts, asked, exact_only=True)
    if pairs is None:
        return pd.DataFrame()
    factor = pairs[R.value] / pairs["old_value"]
    return _between_periods(
        pairs,
        Kind.FACTOR.value,
        "factor",
        "-over-",
        factor,
        [
            f"{format_number(n)} / {format_number(o)} = {f:.2f}-fold"
            for n, o, f in zip(pairs[R.value], pairs["old_value"], factor)
        ],
    )


def _period_pairs(
    counts: pd.DataFrame, asked: pd.DataFrame, exact_only: bool = False
) -> pd.DataFrame | None:
    """Each asked count with the same source's count of the base period (old value > 0);
    ``exact_only`` leaves out counts stated with a hedge. None when nothing is asked."""
    asked = asked.dropna().drop_duplicates()
    if asked.empty:
        return None
    asked = asked.rename(columns={C.base_period: "asked_base"})
    pairs = _pair_periods(counts.merge(asked, on=[R.metric, R.region, R.period]), counts)
    if pairs.empty:
        return None
    keep = pairs["old_value"] > 0
    if exact_only:
        keep &= pairs[R.qualifier].isna()
    return pairs[keep]


def _between_periods(
    pairs: pd.DataFrame, kind: str, unit: str, tag: str, values: pd.Series, computation: list
) -> pd.DataFrame:
    """Derived rows comparing two periods of one source (a percent change or a factor)."""
    return pairs.assign(
        **{
            R.ref_id: "derived:"
            + pairs[R.source]
            + ":"
            + pairs[R.metric]
            + ":"
            + pairs[R.region]
            + ":"
            + pairs[R.period]
            + tag
            + pairs[R.base_period],
            R.kind: kind,
            R.value: values,
            R.low: float("nan"),
            R.high: float("nan"),
            R.qualifier: None,
            R.unit: unit,
            R.document: pairs[R.document] + "; " + pairs["document_old"],
            R.stated_or_derived: Stated.DERIVED.value,
            R.note: None,
            INPUTS: [
                f"{format_number(n)} ({p}) and {format_number(o)} ({b})"
                for n, p, o, b in zip(
                    pairs[R.value], pairs[R.period], pairs["old_value"], pairs[R.base_period]
                )
            ],
            COMPUTATION: computation,
        }
    )[[*_columns(), INPUTS, COMPUTATION]]


def _ranks(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    """A region's rank among its country's regions by one source's count ("second most").

    A rank is derived only when it is certain from the stated figures: the regions the
    source gives are ranked, and what its country total leaves for the regions it does not
    give must be smaller than the ranked region's own count (else an unlisted region could
    outrank it).
    """
    asked = asked.dropna().drop_duplicates()
    parents = region_parents()
    rows = []
    for metric, region, period in asked.itertuples(index=False):
        country = parents.get(region)
        if country is None:
            continue
        siblings = {c for c, p in parents.items() if p == country}
        pool = counts[
            (counts[R.metric] == metric)
            & (counts[R.period] == period)
            & counts[R.value].notna()
            & counts[R.qualifier].isna()
        ]
        for _, group in pool.groupby(_GROUP, sort=False):
            by_region = group.drop_duplicates(subset=[R.region]).set_index(R.region)
            if region not in by_region.index or country not in by_region.index:
                continue
            listed = by_region[by_region.index.isin(siblings)][R.value]
            own = by_region.loc[region, R.value]
            rest = by_region.loc[country, R.value] - listed.sum()
            if rest >= own:
                continue  # an unlisted region might outrank it
            rank = int((listed > own).sum()) + 1
            row = by_region.loc[region]
            order = ", ".join(
                f"{r} {format_number(v)}" for r, v in listed.sort_values(ascending=False).items()
            )
            rows.append(
                row.to_dict()
                | {
                    R.region: region,
                    R.ref_id: f"derived:{row[R.source]}:{metric}:{region}:{period}:rank",
                    R.kind: Kind.RANK.value,
                    R.value: float(rank),
                    R.low: float("nan"),
                    R.high: float("nan"),
                    R.qualifier: None,
                    R.unit: None,
                    R.stated_or_derived: Stated.DERIVED.value,
                    R.note: None,
                    INPUTS: f"{order}; {format_number(rest)} left for the other regions of "
                    f"{country} ({format_number(by_region.loc[country, R.value])} in all)",
                    COMPUTATION: f"{region} ranks {rank} of the regions of {country} "
                    f"({order}; the rest together {format_number(rest)})",
                }
            )
    return (
        pd.DataFrame(rows, columns=[*_columns(), INPUTS, COMPUTATION]) if rows else pd.DataFrame()
    )


def _pair_periods(new: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Join each count of the asked period with the same source's count of the base period."""
    old = counts[[*_GROUP, R.region, R.period, R.value, R.document, R.published]].rename(
        columns={
            R.period: "old_period",
            R.value: "old_value",
            R.document: "document_old",
            R.published: "published_old",
        }
    )
    pairs = new.merge(
        old, left_on=[*_GROUP, R.region, "asked_base"], right_on=[*_GROUP, R.region, "old_period"]
    )
    pairs[R.base_period] = pairs["old_period"]
    # The derived figure is as new as the later of the two documents it rests on.
    pairs[R.published] = pairs[[R.published, "published_old"]].max(axis=1)
    return pairs


def _shares(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    asked = asked.dropna().drop_duplicates()
    parents = region_parents()
    rows = []
    for metric, region, period in asked.itertuples(index=False):
        parts = region.split("+")
        owners = {parents.get(p) for p in parts}
        if len(owners) != 1 or None in owners:
            continue  # only shares of provinces in one country's total
        (whole,) = owners
        pool = counts[(counts[R.metric] == metric) & (counts[R.period] == period)]
        for _, group in pool.groupby(_GROUP, sort=False):
            by_region = group.drop_duplicates(subset=[R.region]).set_index(R.region)
            if whole not in by_region.index or not set(parts) <= set(by_region.index):
                continue
            total = by_region.loc[whole]
            if not total[R.value] > 0:
                continue
            part_values = by_region.loc[parts, R.value]
            share = part_values.sum() / total[R.value] * 100
            rows.append(
                total.to_dict()
                | {
                    R.region: region,
                    R.ref_id: f"derived:{total[R.source]}:{metric}:{region}:{period}:share",
                    R.kind: Kind.SHARE.value,
                    R.value: share,
                    R.qualifier: None,
                    R.unit: "%",
                    R.published: by_region[R.published].max(),
                    R.stated_or_derived: Stated.DERIVED.value,
                    R.note: None,
                    INPUTS: " + ".join(f"{format_number(v)} ({r})" for r, v in part_values.items())
                    + f" of {format_number(total[R.value])} ({whole})",
                    COMPUTATION: f"{' + '.join(format_number(v) for v in part_values)} = "
                    f"{format_number(part_values.sum())}; "
                    f"{format_number(part_values.sum())} / {format_number(total[R.value])}"
                    f" × 100 = {share:.1f}%",
                }
            )
    return (
        pd.DataFrame(rows, columns=[*_columns(), INPUTS, COMPUTATION]) if rows else pd.DataFrame()
    )


# Hedges a sum of parts can carry: a part stated as "at least 170" makes the sum at least
# the total too; any other hedge on a part ("about", "nearly") has no simple sum.
_SUMMABLE = {None, "at_least", "over"}


def _sums(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    """A combined region's count as the sum of its parts' counts, within one source+definition."""
    return _sums_of_parts(counts, asked, R.region,
                          lambda metric, region: region.split("+") if "+" in region else None)


def _metric_sums(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    """A count of several measures together as the sum of a publisher's counts of each
    ("854 killed or wounded": 358 killed + 496 injured), within one source and definition,
    for one place and period (``sum_of`` in metrics.yaml)."""
    sums = metric_sums()
    return _sums_of_parts(counts, asked, R.metric,
                          lambda metric, region: list(sums[metric]) if metric in sums else None)


def _sums_of_parts(counts: pd.DataFrame, asked: pd.DataFrame, by: str,
                   parts_of: Callable[[str, str], list[str] | None]) -> pd.DataFrame:
    """The sums the claims ask about whose parts differ in column ``by`` (regions of a
    combined region, or the measures one counts together), the other column fixed:
    ``parts_of(metric, region)`` names the parts, None where the claim is no such sum."""
    other = R.metric if by == R.region else R.region
    rows = []
    for metric, region, period in asked.dropna().drop_duplicates().itertuples(index=False):
        parts = parts_of(metric, region)
        if not parts:
            continue
        fixed = metric if other == R.metric else region
        pool = counts[
            counts[by].isin(parts)
            & (counts[other] == fixed)
            & (counts[R.period] == period)
            & counts[R.value].notna()
        ]
        where = f"{region}, {period}" if by == R.region else f"{metric}, {region}, {period}"
        for _, group in pool.groupby([R.source, R.definition], sort=False):
            row = _sum_row(group, by, parts, metric, region, period, where)
            if row is not None:
                rows.append(row)
    return (
        pd.DataFrame(rows, columns=[*_columns(), INPUTS, COMPUTATION]) if rows else pd.DataFrame()
    )


def _sum_row(group: pd.DataFrame, by: str, parts: list[str], metric: str, region: str,
             period: str, where: str) -> dict | None:
    """One source and definition's sum of its counts of ``parts`` (values of column ``by``:
    regions or metrics) as a derived count of ``metric`` in ``region`` and ``period``, with
    its inputs and arithmetic; None when a part is missing or a hedge has no simple sum."""
    by_part = group.drop_duplicates(subset=[by]).set_index(by)
    if set(by_part.index) != set(parts):
        return None  # a sum needs every part from the same source and definition
    hedges = {q if isinstance(q, str) else None for q in by_part[R.qualifier]}
    if not hedges <= _SUMMABLE:
        return None
    hedge = "over" if "over" in hedges else "at_least" if "at_least" in hedges else None
    values = by_part.loc[parts, R.value]
    total = values.sum()
    first = by_part.loc[parts[0]]
    said = f"{hedge.replace('_', ' ')} " if hedge else ""
    return first.to_dict() | {
        R.metric: metric,
        R.region: region,
        R.ref_id: f"derived:{first[R.source]}:{metric}:{region}:{period}:sum",
        R.kind: Kind.COUNT.value,
        R.value: total,
        R.low: float("nan"),
        R.high: float("nan"),
        R.qualifier: hedge,
        R.unit: None,
        R.published: by_part[R.published].max(),
        R.stated_or_derived: Stated.DERIVED.value,
        R.note: None,
        INPUTS: " + ".join(
            f"{_hedged(by_part.loc[p, R.qualifier])}{format_number(v)} ({p})"
            for p, v in values.items()
        ),
        COMPUTATION: f"{' + '.join(format_number(v) for v in values)} = "
        f"{said}{format_number(total)} ({where})",
    }


def _hedged(qualifier: object) -> str:
    return f"{qualifier.replace('_', ' ')} " if isinstance(qualifier, str) else ""


def _point_differences(shares: pd.DataFrame, asked: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """A change in percentage points: the difference of one source's two shares.

    Stated shares are rounded, so the difference is the interval between the extremes
    their rounding allows ("84%" − "78%" lies in [5, 7]), shown with the point difference.
    A percent change is never derived this way: 40% → 45% is +5 points but +12.5 percent.
    """
    asked = asked.dropna().drop_duplicates()
    if asked.empty or shares.empty:
        return pd.DataFrame()
    rows = []
    for metric, region, period, base in asked.itertuples(index=False):
        pool = shares[(shares[R.metric] == metric) & (shares[R.region] == region)]
        for _, group in pool.groupby(_GROUP, sort=False):
            new = group[group[R.period] == period]
            old = group[group[R.period] == base]
            if len(new) != 1 or len(old) != 1:
                continue
            new, old = new.iloc[0], old.iloc[0]
            a, b = (
                stated_interval(r[R.kind], r[R.value], r[R.low], r[R.high], r[R.qualifier], tol)
                for r in (new, old)
            )
            if a is None or b is None:
                continue
            low = None if a.low is None or b.high is None else a.low - b.high
            high = None if a.high is None or b.low is None else a.high - b.low
            point = new[R.value] - old[R.value]
            rows.append(
                new.to_dict()
                | {
                    R.ref_id: f"derived:{new[R.source]}:{metric}:{region}:{period}-vs-{base}:pp",
                    R.kind: Kind.PERCENTAGE_POINTS.value,
                    R.base_period: base,
                    R.value: float("nan"),
                    R.low: float("nan") if low is None else low,
                    R.high: float("nan") if high is None else high,
                    R.qualifier: None,
                    R.unit: "percentage points",
                    R.document: new[R.document]
                    if new[R.document] == old[R.document]
                    else f"{new[R.document]}; {old[R.document]}",
                    R.published: max(str(new[R.published]), str(old[R.published])),
                    R.stated_or_derived: Stated.DERIVED.value,
                    R.note: None,
                    INPUTS: f"{_hedged(new[R.qualifier])}{format_number(new[R.value])}% "
                    f"({period}) and {_hedged(old[R.qualifier])}"
                    f"{format_number(old[R.value])}% ({base})",
                    COMPUTATION: f"{format_number(new[R.value])}% − {format_number(old[R.value])}%"
                    f" = {point:+.1f} percentage points; as stated {a} − {b}, so within "
                    f"[{format_number(low)}, {format_number(high)}]",
                }
            )
    return (
        pd.DataFrame(rows, columns=[*_columns(), INPUTS, COMPUTATION]) if rows else pd.DataFrame()
    )


def _columns() -> list[str]:
    return list(R.to_schema().columns)
