"""Pair each claim with the reference figures that measure the same thing.

A figure measures a claim when it counts the same metric in the same region, states the same
kind of number (a share is checked against shares, a change against changes) and covers the
claim's period. Periods are intervals (``checks.periods``): a count over a span (attacks,
deaths: a flow) is measured only by a figure for the same span, never a quarter against a
year; a level at a point in time (how many fighters there are: a stock, listed in
``checks/definitions.yaml``) is measured by an estimate made within the claim's period. A
span still running when the article was published is also measured by the publisher's
latest tally of it made shortly before (``running_measures``).
Dates are measured by events whose keywords appear in the claim's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache

import pandas as pd

from checks import periods
from checks.definitions import load as load_definitions
from checks.derive import with_derivation_columns
from checks.schemas import ClaimSchema as C
from checks.schemas import ReferenceSchema as R
from checks.vocabulary import Kind

# Which kinds of reference figure can check which kinds of claim.
COMPATIBLE: dict[str, set[str]] = {
    Kind.SHARE: {Kind.SHARE},
    Kind.PERCENT: {Kind.PERCENT, Kind.SHARE},
    Kind.PERCENT_CHANGE: {Kind.PERCENT_CHANGE},
    Kind.PERCENTAGE_POINTS: {Kind.PERCENTAGE_POINTS},
    Kind.COUNT: {Kind.COUNT, Kind.RANGE},
    Kind.RANGE: {Kind.RANGE, Kind.COUNT},
    Kind.MONEY: {Kind.MONEY},
    Kind.RATIO: {Kind.RATIO},
    Kind.FACTOR: {Kind.FACTOR},
    Kind.RANK: {Kind.RANK},
}
_PAIRS = pd.DataFrame(
    [(c, r) for c, refs in COMPATIBLE.items() for r in refs], columns=["_claim_kind", "_ref_kind"]
)
# Suffix for the claim's columns in the pairs table; reference columns keep their names.
CLAIM = "claim_"


def match_figures(
    claims: pd.DataFrame,
    figures: pd.DataFrame,
    published: Mapping[str, str | None] | None = None,
) -> pd.DataFrame:
    """Return one row per (claim, reference figure) that measures it.

    Args:
        claims: a claims table (``ClaimSchema``).
        figures: stated and derived reference rows (``ReferenceSchema`` columns, plus
            ``inputs`` and ``computation`` on derived rows).
        published: each article id's publication date (ISO); without it, no period counts
            as running at publication.

    Returns:
        The claim's columns prefixed with ``claim_`` beside the reference row's columns.
    """
    figures = with_derivation_columns(figures)
    numeric = _match_numbers(claims[claims[C.kind] != Kind.DATE], figures, published or {})
    # A date whose year could not be resolved cannot be placed against an event.
    dated = _match_events(claims[(claims[C.kind] == Kind.DATE) & claims[C.date].notna()], figures)
    frames = [f for f in (numeric, dated) if not f.empty]
    if not frames:
        return numeric
    return pd.concat(frames, ignore_index=True)


def _prefixed(claims: pd.DataFrame) -> pd.DataFrame:
    return claims.add_prefix(CLAIM)


def _match_numbers(
    claims: pd.DataFrame, figures: pd.DataFrame, published: Mapping[str, str | None]
) -> pd.DataFrame:
    left = _prefixed(claims.dropna(subset=[C.metric, C.region]))
    figures = _with_group_metrics(figures, set(left[CLAIM + C.metric]))
    pairs = left.merge(
        figures, left_on=[CLAIM + C.metric, CLAIM + C.region], right_on=[R.metric, R.region]
    )
    pairs = pairs.merge(
        _PAIRS, left_on=[CLAIM + C.kind, R.kind], right_on=["_claim_kind", "_ref_kind"]
    ).drop(columns=["_claim_kind", "_ref_kind"])
    same_period = pd.Series(
        _per_distinct_row(
            period_measures, pairs[CLAIM + C.period], pairs[R.period], pairs[R.metric]
        ),
        index=pairs.index,
        dtype=bool,
    )
    lag = load_definitions().running_lag_days
    # A publisher's latest tally stands in only where, when the article appeared, it had
    # published no figure for the claim's own span (another publisher's exact figure does
    # not make this one's tally irrelevant; its year-end report came too late to be quoted).
    article_date = pairs[CLAIM + C.article_id].map(published)
    key = pairs[CLAIM + C.claim_id].astype(str) + "\x1f" + pairs[R.source].astype(str)
    quotable = same_period & ~(
        article_date.notna() & (pairs[R.published].astype(str) > article_date.astype(str))
    )
    rest = ~same_period & ~key.isin(set(key[quotable]))
    if lag and published and rest.any():
        running = pd.Series(
            _per_distinct_row(
                lambda c, r, m, p: running_measures(c, r, m, p, lag),
                pairs.loc[rest, CLAIM + C.period], pairs.loc[rest, R.period],
                pairs.loc[rest, R.metric], article_date[rest],
            ),
            index=pairs.index[rest],
            dtype=bool,
        )
        if running.any():
            # Of one publisher's tallies, only its latest before the article stands in.
            ends = pairs.loc[running.index[running], R.period].map(
                lambda p: _bounds(canonical(p))[1]
            )
            latest = ends.groupby(key[ends.index]).transform("max")
            same_period[ends.index[ends == latest]] = True
    is_change = pairs[CLAIM + C.kind].isin(list(BASED_KINDS))
    same_base = pd.Series(
        _per_distinct_row(
            lambda a, b: same_span(a, b) or (not _is_period(a) and not _is_period(b)),
            pairs[CLAIM + C.base_period], pairs[R.base_period],
        ),
        index=pairs.index,
        dtype=bool,
    )
    return pairs[same_period & (~is_change | same_base)].reset_index(drop=True)


def _with_group_metrics(figures: pd.DataFrame, wanted: set[str]) -> pd.DataFrame:
    """The figures, plus each row of a publisher that counts a part as its whole
    (``group_metrics`` in checks/definitions.yaml) restated under that part's metric: PIPS's
    deaths, which are deaths in terrorist attacks, also measure a claim of those. Only the
    parts some claim asks for are added."""
    defs = load_definitions()
    extra = []
    for part, metric, _groups, _members in defs.group_metrics:
        if part not in wanted:
            continue
        rows = figures[figures[R.metric] == metric]
        members = [defs.counts_as_whole(part, s, d)
                   for s, d in zip(rows[R.source], rows[R.definition])]
        if any(members):
            extra.append(rows[members].assign(**{R.metric: part}))
    return pd.concat([figures, *extra], ignore_index=True) if extra else figures


def _per_distinct_row(test: Callable[..., bool], *columns: pd.Series) -> list[bool]:
    """``test`` of each row of ``columns`` (periods, metrics, dates: strings or missing),
    asked once per distinct row.

    A batch pairs each claim with every figure of its metric and region, so its tens of
    thousands of pairs hold a few hundred distinct (period, period, metric) rows. The
    columns are read with ``Series.tolist``: iterating an Arrow string column boxes every
    cell through a pyarrow scalar, about six times slower. ``test`` is a pure function of
    its arguments, so a row's answer is its first answer. (A missing cell is NaN; two NaN
    objects are different keys, which only means asking again.)
    """
    answers: dict[tuple, bool] = {}
    out = []
    for row in zip(*(c.tolist() for c in columns), strict=True):
        answer = answers.get(row)
        if answer is None:
            answer = answers[row] = test(*row)
        out.append(answer)
    return out


# Kinds measured against an earlier period: the base periods must be the same span too.
BASED_KINDS = {Kind.PERCENT_CHANGE, Kind.PERCENTAGE_POINTS, Kind.FACTOR}


def period_measures(claim_period: object, ref_period: object, metric: str) -> bool:
    """Whether a reference figure for ``ref_period`` measures a claim about ``claim_period``.

    A flow (attacks, deaths over a span) needs the same span; a stock (an estimate of how
    many fighters there are) may be stated at any time within the claim's period.
    """
    if not (_is_period(claim_period) and _is_period(ref_period)):
        return False
    if load_definitions().is_stock(metric):
        return periods.contains(claim_period, ref_period)
    return same_span(claim_period, ref_period)


def running_measures(
    claim_period: object, ref_period: object, metric: str, published: object, lag_days: int
) -> bool:
    """Whether ``ref_period`` is the latest tally of a claim period still running at
    publication: the claim's span contains the publication day, the figure's span starts
    with it and ends within ``lag_days`` of publication, and not after the claim's span.

    "640 incidents in 2024" in an article of 6 December 2024 cannot count the whole year:
    it quotes a tally to about that day, such as a release "from 1 January to 6 December".
    """
    if load_definitions().is_stock(metric):
        return False
    running = running_span(claim_period, published)
    ref = canonical(ref_period)
    if running is None or ref is None:
        return False
    (first, last), day = running, _as_date(published)
    ref_first, ref_last = _bounds(ref)
    return ref_first == first and ref_last <= last and abs((ref_last - day).days) <= lag_days


def running_span(period: object, published: object) -> tuple[date, date] | None:
    """The claim period's first and last day when the period had not ended at publication
    (its span contains the publication day); None otherwise or when either is missing."""
    day = _as_date(published)
    span = canonical(period)
    if day is None or span is None:
        return None
    first, last = _bounds(span)
    return (first, last) if first <= day <= last else None


def _as_date(value: object) -> date | None:
    """An ISO day, or None (a month-only or missing publication date runs no period)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _bounds(period: str) -> tuple[date, date]:
    return periods.bounds(period)


def same_span(a: object, b: object) -> bool:
    """Whether two periods are the same interval of days (canonical strings compared)."""
    ca, cb = canonical(a), canonical(b)
    return ca is not None and ca == cb


def canonical(p: object) -> str | None:
    """``p`` in canonical form, or None when it is not a period (cached: a batch repeats
    few distinct periods)."""
    return _canonical(p) if isinstance(p, str) else None


@lru_cache(maxsize=4096)
def _canonical(p: str) -> str | None:
    return periods.normalise(p) if periods.is_valid(p) else None


def _is_period(p: object) -> bool:
    return canonical(p) is not None


def _match_events(claims: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    events = figures[(figures[R.kind] == Kind.DATE) & figures[R.keywords].notna()]
    left = _prefixed(claims)
    if left.empty or events.empty:
        return left.merge(events, how="cross")
    hits = []
    for ev_index, keywords in events[R.keywords].items():
        words = [re.escape(k.strip()) for k in keywords.split("|") if k.strip()]
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        for claim_index, sentence in left[CLAIM + C.sentence].items():
            if pattern.search(sentence):
                hits.append((claim_index, ev_index))
    if not hits:
        return left.iloc[0:0].merge(events.iloc[0:0], how="cross")
    claim_idx, ev_idx = zip(*hits)
    return pd.concat(
        [
            left.loc[list(claim_idx)].reset_index(drop=True),
            events.loc[list(ev_idx)].reset_index(drop=True),
        ],
        axis=1,
    )
