"""Decide each claim: the verdict rules of a careful fact-checker, with the arithmetic shown.

Rules (their ids appear in every verdict and report):

| rule | verdict | when |
|---|---|---|
| ``unbound-claim`` | unverifiable | figcheck could not tell what the number counts or where |
| ``no-reference`` | unverifiable | no reference figure measures that metric, region and period |
| ``named-source-agrees`` | supported | the claim names its source, and that source's figures agree |
| ``named-source-disagrees`` | contradicted | ... and none of that source's figures agree |
| ``named-source-split`` | disputed | ... and that source's own figures split |
| ``named-source-silent-other-agrees`` | misattributed | the named source has no such figure; another agrees |
| ``named-source-silent-others-disagree`` | contradicted | ... and no other source agrees |
| ``sources-agree`` | supported | no source named; every comparable source agrees |
| ``sources-disagree`` | contradicted | no source named; no comparable source agrees |
| ``sources-split`` | disputed | no source named; comparable sources split |
| ``weekday-mismatch`` | contradicted | the stated weekday is not that date's |
| ``event-date-agrees`` | supported | the event named in the sentence happened within the stated date |
| ``event-date-disagrees`` | contradicted | ... it happened outside the stated date |
| ``calendar-consistent`` | supported | no event on record, but the weekday matches the date |

Figures published after the article are shown as later evidence and decide only when
nothing earlier measures the claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from checks.derive import COMPUTATION, INPUTS, derive_figures
from checks.match import CLAIM, match_figures
from checks.precision import Interval, Tolerances, date_interval, format_number, stated_interval
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema as E
from checks.schemas import ReferenceSchema as R
from checks.schemas import VerdictSchema as V
from checks.schemas import empty, validate
from checks.vocabulary import Kind, Stated, Verdict


def judge(
    claims: pd.DataFrame,
    references: pd.DataFrame,
    published: Mapping[str, str | None],
    tolerances: Tolerances | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match claims with reference figures and decide a verdict for each claim.

    Args:
        claims: claims of one or many articles (``ClaimSchema``).
        references: stated reference figures (``ReferenceSchema``).
        published: each article id's publication date (ISO), or None when unknown.
        tolerances: hedge-word and round-number tolerances; the bundled ones by default.

    Returns:
        ``(evidence, verdicts)`` validated against ``EvidenceSchema`` and ``VerdictSchema``.
    """
    tol = tolerances or Tolerances.load()
    figures = pd.concat([references, derive_figures(claims, references)], ignore_index=True)
    pairs = match_figures(claims, figures)
    evidence = _evidence(pairs, published, tol)
    verdicts = pd.DataFrame(
        [_decide(claim, evidence, tol) for claim in claims.to_dict("records")],
        columns=list(V.to_schema().columns),
    )
    return evidence, validate(V, verdicts, "verdicts")


def claim_interval(claim: Mapping, tol: Tolerances) -> Interval | None:
    """The interval a claim stands for at its own precision (dates in days)."""
    if claim[C.kind] == Kind.DATE:
        return date_interval(claim[C.date]) if _present(claim[C.date]) else None
    return stated_interval(
        claim[C.kind], claim[C.value], claim[C.low], claim[C.high], claim[C.qualifier], tol
    )


def _reference_interval(row: Mapping, tol: Tolerances) -> Interval | None:
    if row[R.kind] == Kind.DATE:
        return date_interval(row[R.period])
    return stated_interval(
        row[R.kind],
        row[R.value],
        row[R.low],
        row[R.high],
        row[R.qualifier],
        tol,
        exact=row[R.stated_or_derived] == Stated.DERIVED,
    )


def _evidence(pairs: pd.DataFrame, published: Mapping[str, str | None], tol) -> pd.DataFrame:
    if pairs.empty:
        return empty(E)
    rows = [_evidence_row(p, published, tol) for p in pairs.to_dict("records")]
    evidence = pd.DataFrame(rows)
    evidence[E.decides] = _deciding(evidence)
    return validate(E, evidence, "evidence")


def _evidence_row(pair: dict, published: Mapping[str, str | None], tol: Tolerances) -> dict:
    claim = {k.removeprefix(CLAIM): v for k, v in pair.items() if k.startswith(CLAIM)}
    ours = claim_interval(claim, tol)
    theirs = _reference_interval(pair, tol)
    agrees = ours is not None and theirs is not None and ours.overlaps(theirs)
    article_date = published.get(claim[C.article_id])
    derived = pair[R.stated_or_derived] == Stated.DERIVED
    return {
        E.evidence_id: f"{claim[C.claim_id]}|{pair[R.ref_id]}",
        E.article_id: claim[C.article_id],
        E.claim_id: claim[C.claim_id],
        E.ref_id: pair[R.ref_id],
        E.source: pair[R.source],
        E.document: pair[R.document],
        E.published: pair[R.published],
        E.url: pair[R.url],
        E.metric: pair[R.metric],
        E.region: pair[R.region],
        E.period: pair[R.period],
        E.base_period: pair[R.base_period],
        E.kind: pair[R.kind],
        E.value: pair[R.value],
        E.low: pair[R.low],
        E.high: pair[R.high],
        E.qualifier: pair[R.qualifier],
        E.definition: pair[R.definition],
        E.derived: derived,
        E.inputs: pair.get(INPUTS) if derived else None,
        E.computation: _computation(pair, theirs, derived),
        **_bounds("claim", ours),
        **_bounds("ref", theirs),
        E.tolerance: ours.how if ours else "",
        E.named: _present(claim[C.attributed_to]) and pair[R.source] == claim[C.attributed_to],
        # ISO strings compare in date order; a month-only date is not taken as later.
        E.later: bool(article_date) and str(pair[R.published]) > str(article_date),
        E.decides: False,
        E.agrees: agrees,
    }


def _bounds(prefix: str, interval: Interval | None) -> dict:
    if interval is None:
        return {
            f"{prefix}_low": None,
            f"{prefix}_high": None,
            f"{prefix}_low_closed": False,
            f"{prefix}_high_closed": False,
        }
    return {
        f"{prefix}_low": interval.low,
        f"{prefix}_high": interval.high,
        f"{prefix}_low_closed": interval.low_closed,
        f"{prefix}_high_closed": interval.high_closed,
    }


def _computation(pair: dict, interval: Interval | None, derived: bool) -> str:
    if pair[R.kind] == Kind.DATE:
        return f"{pair[R.source]}: {pair.get(R.note) or 'event'} on {pair[R.period]}"
    if derived:
        return f"{pair[R.source]} (derived): {pair[COMPUTATION]}"
    return f"{pair[R.source]} states {describe_figure(pair)} → {interval}"


def describe_figure(row: Mapping) -> str:
    """A reference or claimed figure in words: "over 90% (2023)", "+65% (2023 vs 2022)"."""
    unit = "%" if row[R.kind] in {Kind.SHARE, Kind.PERCENT, Kind.PERCENT_CHANGE} else ""
    if _present(row[R.value]):
        sign = "+" if row[R.kind] == Kind.PERCENT_CHANGE and row[R.value] > 0 else ""
        number = f"{sign}{format_number(row[R.value])}{unit}"
    else:
        number = f"{format_number(row[R.low])}–{format_number(row[R.high])}{unit}"
    hedge = f"{str(row[R.qualifier]).replace('_', ' ')} " if _present(row[R.qualifier]) else ""
    base = f" vs {row[R.base_period]}" if _present(row[R.base_period]) else ""
    return f"{hedge}{number} ({row[R.period]}{base})"


def _deciding(evidence: pd.DataFrame) -> pd.Series:
    """Which evidence rows decide: the named source if it speaks, else every source;
    figures published after the article only when nothing earlier measures the claim."""
    timely = ~evidence[E.later]
    any_timely = timely.groupby(evidence[E.claim_id]).transform("any")
    in_time = timely | ~any_timely
    named_in_time = evidence[E.named] & in_time
    named_speaks = named_in_time.groupby(evidence[E.claim_id]).transform("any")
    return in_time & (~named_speaks | evidence[E.named])


def _decide(claim: dict, evidence: pd.DataFrame, tol: Tolerances) -> dict:
    rows = evidence[evidence[E.claim_id] == claim[C.claim_id]]
    interval = claim_interval(claim, tol)
    verdict, rule, reason = _rule(claim, rows)
    return {
        V.article_id: claim[C.article_id],
        V.claim_id: claim[C.claim_id],
        V.verdict: verdict.value,
        V.rule: rule,
        V.explanation: _explain(claim, rows, interval, verdict, reason),
        V.interval: _interval_text(claim, interval),
        V.tolerance: interval.how if interval else None,
    }


def _interval_text(claim: Mapping, interval: Interval | None) -> str | None:
    if interval is None:
        return None
    if claim[C.kind] == Kind.DATE:
        return claim[C.date]
    return str(interval)


def _rule(claim: dict, rows: pd.DataFrame) -> tuple[Verdict, str, str]:
    if claim[C.kind] == Kind.DATE:
        return _date_rule(claim, rows)
    if not (_present(claim[C.metric]) and _present(claim[C.region])):
        missing = [n for n in (C.metric, C.region) if not _present(claim[n])]
        return (
            Verdict.UNVERIFIABLE,
            "unbound-claim",
            (f"figcheck could not tell the {' and '.join(missing)} this number refers to"),
        )
    if rows.empty:
        return (
            Verdict.UNVERIFIABLE,
            "no-reference",
            (
                f"no reference figure measures {claim[C.metric]} in {claim[C.region]}"
                f" for {claim[C.period] or 'an unknown period'}"
            ),
        )
    deciding = rows[rows[E.decides]]
    named = claim[C.attributed_to]
    if _present(named) and deciding[E.named].any():
        if deciding[E.agrees].all():
            return Verdict.SUPPORTED, "named-source-agrees", f"{named}, the named source, agrees"
        if not deciding[E.agrees].any():
            return (
                Verdict.CONTRADICTED,
                "named-source-disagrees",
                (f"{named}, the named source, says otherwise"),
            )
        return Verdict.DISPUTED, "named-source-split", f"{named}'s own figures disagree"
    per_source = deciding.groupby(E.source)[E.agrees].agg(["all", "any"])
    agreeing = sorted(per_source.index[per_source["all"]])
    against = sorted(per_source.index[~per_source["any"]])
    if _present(named):
        if deciding[E.agrees].any():
            return (
                Verdict.MISATTRIBUTED,
                "named-source-silent-other-agrees",
                (
                    f"{named} has no such figure on record, but {', '.join(agreeing or ['another source'])} does"
                ),
            )
        return (
            Verdict.CONTRADICTED,
            "named-source-silent-others-disagree",
            (f"{named} has no such figure on record, and {', '.join(against)} says otherwise"),
        )
    if len(agreeing) == len(per_source):
        return Verdict.SUPPORTED, "sources-agree", f"{_and(agreeing)} agree"
    if len(against) == len(per_source):
        return Verdict.CONTRADICTED, "sources-disagree", f"{_and(against)} say otherwise"
    return (
        Verdict.DISPUTED,
        "sources-split",
        (
            f"sources disagree (for: {_and(agreeing) or 'none'}; against: {_and(against) or 'none'})"
        ),
    )


def _date_rule(claim: dict, rows: pd.DataFrame) -> tuple[Verdict, str, str]:
    if not _present(claim[C.date]):
        return (
            Verdict.UNVERIFIABLE,
            "no-reference",
            ("the year is unknown: the article has no publication date to resolve it against"),
        )
    weekday = claim[C.weekday]
    if _present(weekday) and len(claim[C.date]) == 10:
        actual = date.fromisoformat(claim[C.date]).strftime("%A")
        if actual.lower() != str(weekday).lower():
            return (
                Verdict.CONTRADICTED,
                "weekday-mismatch",
                (f"{claim[C.date]} was a {actual}, not a {weekday}"),
            )
        calendar = f"{claim[C.date]} was a {actual}"
    else:
        calendar = ""
    deciding = rows[rows[E.decides]]
    if not deciding.empty:
        when = ", ".join(f"{r[E.source]}: {r[E.period]}" for _, r in deciding.iterrows())
        prefix = f"{calendar}; " if calendar else ""
        if deciding[E.agrees].any():
            return (
                Verdict.SUPPORTED,
                "event-date-agrees",
                (f"{prefix}the event on record falls within {claim[C.date]} ({when})"),
            )
        return (
            Verdict.CONTRADICTED,
            "event-date-disagrees",
            (f"{prefix}the event on record falls outside {claim[C.date]} ({when})"),
        )
    if calendar:
        return Verdict.SUPPORTED, "calendar-consistent", f"{calendar}; no event on record to match"
    return Verdict.UNVERIFIABLE, "no-reference", "no event on record matches this sentence"


def _explain(
    claim: dict, rows: pd.DataFrame, interval: Interval | None, verdict: Verdict, reason: str
) -> str:
    stated = f'"{claim[C.text]}"'
    if interval is not None and claim[C.kind] != Kind.DATE:
        stated += f" stands for {interval} ({interval.how})"
    parts = [stated]
    deciding = rows[rows[E.decides]]
    if not deciding.empty and claim[C.kind] != Kind.DATE:
        parts.append("; ".join(_evidence_phrase(r) for _, r in deciding.iterrows()))
    context = rows[~rows[E.decides]]
    tail = ""
    if not context.empty and claim[C.kind] != Kind.DATE:
        tail = (
            " Context, not deciding: "
            + "; ".join(_evidence_phrase(r) for _, r in context.iterrows())
            + "."
        )
    return ". ".join(parts) + f". {reason[:1].upper()}{reason[1:]}: {verdict.value}." + tail


def _evidence_phrase(row: pd.Series) -> str:
    flags = " (published after the article)" if row[E.later] else ""
    return f"{row[E.computation]}{flags}, {'agrees' if row[E.agrees] else 'disagrees'}"


def _and(names: list[str]) -> str:
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _present(x: object) -> bool:
    return x is not None and not (isinstance(x, float) and pd.isna(x)) and x is not pd.NA
