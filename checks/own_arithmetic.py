"""The article's own arithmetic: a change, factor or share stated beside the figures it
follows from.

"Injuries climbed from 420 to 714, up 41 percent" is wrong whatever any publisher says:
714 is 70% more than 420. A careful checker redoes that sum before opening a report, and
so does figcheck. The operands are read off the claims table only — counts in the same
sentence, for the same measure and place, in the periods the change compares (or, for a
share, the part and its country's whole) — and the check speaks only when each operand is
unambiguous. It never needs a reference row, so it cannot be misled by a publisher who
counts something else.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from checks.definitions import load as load_definitions
from checks.figures import format_number
from checks.labels import part_related, region_parents
from checks.precision import Interval, Tolerances, claim_qualifier, stated_interval
from checks.rows import records as rows_of
from checks.schemas import ClaimSchema as C
from checks.values import text_or_none
from checks.vocabulary import Kind

_CHANGES = {Kind.PERCENT_CHANGE.value, Kind.FACTOR.value}
_SHARES = {Kind.PERCENT.value}
_LEVELS = {Kind.COUNT.value}


@dataclass(frozen=True)
class OwnArithmetic:
    """What the article's own figures imply for one claim."""

    implied: Interval  # the result over the operands' stated precision
    value: float  # the result from the operands as printed
    operands: str  # "from 836 to 1,354", "620 of 976"
    computation: str  # "(1,354 − 836) / 836 × 100 = +62.0%"

    def agrees(self, claimed: Interval) -> bool:
        """Whether the claim's interval meets what its own operands give."""
        return claimed.overlaps(self.implied)


def own_arithmetic(claims: pd.DataFrame, tol: Tolerances) -> dict[str, OwnArithmetic]:
    """The arithmetic each change, factor and share claim's own sentence implies.

    Args:
        claims: a claims table (``ClaimSchema``).
        tol: tolerances, for the precision at which the operands are stated.

    Returns:
        ``{claim_id: OwnArithmetic}`` for the claims whose operands are all stated in their
        sentence, each found exactly once; other claims are absent.
    """
    wanted = claims[C.kind].isin(_CHANGES | _SHARES) & claims[C.metric].notna()
    if not wanted.any():
        return {}
    parents = region_parents()
    mixed = load_definitions().mixes_measures
    out: dict[str, OwnArithmetic] = {}
    sentences = claims[claims[C.sentence].isin(claims.loc[wanted, C.sentence])]
    # The claims of each (article, sentence), in table order: one conversion to rows, not
    # one per sentence (``checks.rows``).
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows_of(sentences):
        groups.setdefault((row[C.article_id], row[C.sentence]), []).append(row)
    for records in groups.values():
        levels = [r for r in records if r[C.kind] in _LEVELS and _number(r[C.value]) is not None]
        rivals = _rival_changes(records)
        for claim in records:
            if claim[C.kind] in _CHANGES and text_or_none(claim[C.metric]):
                if _change_key(claim) in rivals:
                    continue  # two changes read as the same comparison: which is which?
                if mixed(str(claim[C.sentence] or "")):
                    continue  # "casualties rose 60%, with 40 killed": maybe two measures
                found = _change(claim, levels, tol)
            elif claim[C.kind] in _SHARES and text_or_none(claim[C.metric]):
                found = _share(claim, levels, parents, tol)
            else:
                continue
            if found is not None:
                out[claim[C.claim_id]] = found
    return out


def _change_key(claim: Mapping) -> tuple:
    return tuple(text_or_none(claim[c]) for c in (C.kind, C.metric, C.region, C.period,
                                                   C.base_period))


def _rival_changes(records: list[dict]) -> set[tuple]:
    """Comparisons that two changes of different value in one sentence are both bound to:
    "attacks rose 29% ..., while losses in them fell 19%" read with one measure means the
    reading, not the writer, is wrong, so neither is checked against the levels."""
    values: dict[tuple, set[float]] = {}
    for r in records:
        if r[C.kind] in _CHANGES and _number(r[C.value]) is not None:
            values.setdefault(_change_key(r), set()).add(float(r[C.value]))
    return {key for key, seen in values.items() if len(seen) > 1}


def _change(claim: Mapping, levels: list[dict], tol: Tolerances) -> OwnArithmetic | None:
    period, base = text_or_none(claim[C.period]), text_or_none(claim[C.base_period])
    if period is None or base is None or period == base:
        return None
    same = [r for r in levels if _same(r, claim, C.metric) and _same(r, claim, C.region)]
    new = _only(r for r in same if r[C.period] == period)
    old = _only(r for r in same if r[C.period] == base)
    if new is None or old is None:
        return None
    n, o = _interval(new, tol), _interval(old, tol)
    if n is None or o is None or not (o.low and o.low > 0) or o.high is None or n.high is None:
        return None
    operands = f"from {old[C.text]} to {new[C.text]}"
    nv, ov = float(new[C.value]), float(old[C.value])
    if claim[C.kind] == Kind.FACTOR:
        implied = Interval(n.low / o.high, n.high / o.low, how="the article's own figures")
        value = nv / ov
        computation = f"{format_number(nv)} / {format_number(ov)} = {nv / ov:.2f}"
    else:
        implied = Interval(
            (n.low / o.high - 1) * 100, (n.high / o.low - 1) * 100, how="the article's own figures"
        )
        value = (nv - ov) / ov * 100
        computation = (
            f"({format_number(nv)} − {format_number(ov)}) / {format_number(ov)} × 100 = "
            f"{(nv - ov) / ov * 100:+.1f}%"
        )
    return OwnArithmetic(implied, value, operands, computation)


def _share(
    claim: Mapping, levels: list[dict], parents: Mapping[str, str], tol: Tolerances
) -> OwnArithmetic | None:
    """A share whose part and whole are both stated before it: "310 of the 845 deaths, or
    37 percent". The whole is the same measure in the part's country, or a measure the
    part's measure is part of, in the same place."""
    period, region = text_or_none(claim[C.period]), text_or_none(claim[C.region])
    if period is None or region is None:
        return None
    before = [r for r in levels if r[C.end] <= claim[C.start] and r[C.period] == period]
    part = _only(r for r in before if _same(r, claim, C.metric) and r[C.region] == region)
    whole = _only(
        r
        for r in before
        if (_same(r, claim, C.metric) and r[C.region] == parents.get(region))
        or (r[C.region] == region and part_related(r[C.metric], claim[C.metric])
            and not _same(r, claim, C.metric))
    )
    if part is None or whole is None or part[C.start] > whole[C.start]:
        return None
    p, w = _interval(part, tol), _interval(whole, tol)
    if p is None or w is None or not (w.low and w.low > 0) or p.high is None or w.high is None:
        return None
    pv, wv = float(part[C.value]), float(whole[C.value])
    if pv > wv:
        # ("900 civilian casualties (300 deaths and 600 injured), a drop of 5 percent": no
        # part exceeds its whole; the two are not part and whole as read.)
        return None
    return OwnArithmetic(
        Interval(p.low / w.high * 100, p.high / w.low * 100, how="the article's own figures"),
        pv / wv * 100,
        f"{part[C.text]} of {whole[C.text]}",
        f"{format_number(pv)} / {format_number(wv)} × 100 = {pv / wv * 100:.1f}%",
    )


def _same(row: Mapping, claim: Mapping, column: str) -> bool:
    return text_or_none(row[column]) == text_or_none(claim[column])


def _only(rows) -> dict | None:
    """The one operand that fits; several with different values are ambiguous."""
    found = list(rows)
    if not found or len({float(r[C.value]) for r in found}) != 1:
        return None
    return found[0]


def _interval(row: Mapping, tol: Tolerances) -> Interval | None:
    qualifier = claim_qualifier(row[C.kind], row.get(C.text), text_or_none(row[C.qualifier]))
    interval = stated_interval(row[C.kind], row[C.value], row[C.low], row[C.high], qualifier, tol)
    if interval is None or interval.low is None:
        return None
    return interval


def _number(x: object) -> float | None:
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
