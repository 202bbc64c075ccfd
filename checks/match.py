"""Pair each claim with the reference figures that measure the same thing.

A figure measures a claim when it counts the same metric in the same region, states the same
kind of number (a share is checked against shares, a change against changes) and covers the
claim's period. Periods are intervals (``checks.periods``): a count over a span (attacks,
deaths: a flow) is measured only by a figure for the same span, never a quarter against a
year; a level at a point in time (how many fighters there are: a stock, listed in
``checks/definitions.yaml``) is measured by an estimate made within the claim's period.
Dates are measured by events whose keywords appear in the claim's sentence.
"""

from __future__ import annotations

import re
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


def match_figures(claims: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (claim, reference figure) that measures it.

    Args:
        claims: a claims table (``ClaimSchema``).
        figures: stated and derived reference rows (``ReferenceSchema`` columns, plus
            ``inputs`` and ``computation`` on derived rows).

    Returns:
        The claim's columns prefixed with ``claim_`` beside the reference row's columns.
    """
    figures = with_derivation_columns(figures)
    numeric = _match_numbers(claims[claims[C.kind] != Kind.DATE], figures)
    # A date whose year could not be resolved cannot be placed against an event.
    dated = _match_events(claims[(claims[C.kind] == Kind.DATE) & claims[C.date].notna()], figures)
    frames = [f for f in (numeric, dated) if not f.empty]
    if not frames:
        return numeric
    return pd.concat(frames, ignore_index=True)


def _prefixed(claims: pd.DataFrame) -> pd.DataFrame:
    return claims.add_prefix(CLAIM)


def _match_numbers(claims: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    left = _prefixed(claims.dropna(subset=[C.metric, C.region]))
    pairs = left.merge(
        figures, left_on=[CLAIM + C.metric, CLAIM + C.region], right_on=[R.metric, R.region]
    )
    pairs = pairs.merge(
        _PAIRS, left_on=[CLAIM + C.kind, R.kind], right_on=["_claim_kind", "_ref_kind"]
    ).drop(columns=["_claim_kind", "_ref_kind"])
    same_period = pd.Series(
        [
            period_measures(c, r, m)
            for c, r, m in zip(pairs[CLAIM + C.period], pairs[R.period], pairs[R.metric])
        ],
        index=pairs.index,
        dtype=bool,
    )
    is_change = pairs[CLAIM + C.kind].isin(list(BASED_KINDS))
    same_base = pd.Series(
        [
            same_span(a, b) or (not _is_period(a) and not _is_period(b))
            for a, b in zip(pairs[CLAIM + C.base_period], pairs[R.base_period])
        ],
        index=pairs.index,
        dtype=bool,
    )
    return pairs[same_period & (~is_change | same_base)].reset_index(drop=True)


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
