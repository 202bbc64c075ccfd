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
from dataclasses import dataclass
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

# Figures measured against an earlier period; a rise is shown with its sign.
CHANGE_KINDS = {Kind.PERCENT_CHANGE, Kind.PERCENTAGE_POINTS}


def judge(
    claims: pd.DataFrame,
    references: pd.DataFrame,
    published: Mapping[str, str | None],
    tolerances: Tolerances | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match claims with reference figures and decide a verdict for each claim.

    Work grows with claims + evidence rows: intervals are computed once per claim and once
    per reference figure, evidence is built with column operations, and each claim's
    verdict reads per-claim aggregates of its evidence, never a filter over the whole table.

    Args:
        claims: claims of one or many articles (``ClaimSchema``).
        references: stated reference figures (``ReferenceSchema``).
        published: each article id's publication date (ISO), or None when unknown.
        tolerances: hedge-word and round-number tolerances; the bundled ones by default.

    Returns:
        ``(evidence, verdicts)`` validated against ``EvidenceSchema`` and ``VerdictSchema``.
    """
    tol = tolerances or Tolerances.load()
    figures = pd.concat([references, derive_figures(claims, references, tol)], ignore_index=True)
    pairs = match_figures(claims, figures)
    ours = _claim_intervals(claims, tol)
    evidence = _evidence(pairs, figures, ours, published, tol)
    verdicts = _verdicts(claims, evidence, ours)
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


_INTERVAL_INPUTS = [C.kind, C.value, C.low, C.high, C.qualifier, C.date]


def _claim_intervals(claims: pd.DataFrame, tol: Tolerances) -> dict[str, Interval | None]:
    """Each claim's interval by claim id; claims stating the same figure share one computation."""
    cache: dict[tuple, Interval | None] = {}
    out: dict[str, Interval | None] = {}
    for claim_id, *key in claims[[C.claim_id, *_INTERVAL_INPUTS]].itertuples(index=False):
        # NaN != NaN, so missing numbers are normalised before they key the cache.
        key = tuple(None if not _present(x) else x for x in key)
        if key not in cache:
            cache[key] = claim_interval(dict(zip(_INTERVAL_INPUTS, key, strict=True)), tol)
        out[claim_id] = cache[key]
    return out


def _evidence(
    pairs: pd.DataFrame,
    figures: pd.DataFrame,
    ours: Mapping[str, Interval | None],
    published: Mapping[str, str | None],
    tol: Tolerances,
) -> pd.DataFrame:
    """One evidence row per (claim, figure) pair, built column by column."""
    if pairs.empty:
        return empty(E)
    # Per figure, once: its interval and the arithmetic shown to a reader.
    theirs_by_ref, computation_by_ref = {}, {}
    for fig in _with_derivation(figures).to_dict("records"):
        interval = _reference_interval(fig, tol)
        derived = fig[R.stated_or_derived] == Stated.DERIVED
        theirs_by_ref[fig[R.ref_id]] = interval
        computation_by_ref[fig[R.ref_id]] = _computation(fig, interval, derived)
    claim_ids = pairs[CLAIM + C.claim_id]
    ref_ids = pairs[R.ref_id]
    claim_iv = [ours.get(c) for c in claim_ids]
    ref_iv = [theirs_by_ref.get(r) for r in ref_ids]
    derived = (pairs[R.stated_or_derived] == Stated.DERIVED).to_numpy()
    inputs = pairs[INPUTS] if INPUTS in pairs else pd.Series(None, index=pairs.index)
    attributed = pairs[CLAIM + C.attributed_to]
    article_date = pairs[CLAIM + C.article_id].map(published).fillna("").astype(str)
    evidence = pd.DataFrame(
        {
            E.evidence_id: claim_ids.astype(str) + "|" + ref_ids.astype(str),
            E.article_id: pairs[CLAIM + C.article_id],
            E.claim_id: claim_ids,
            E.ref_id: ref_ids,
            E.source: pairs[R.source],
            E.document: pairs[R.document],
            E.published: pairs[R.published],
            E.url: pairs[R.url],
            E.metric: pairs[R.metric],
            E.region: pairs[R.region],
            E.period: pairs[R.period],
            E.base_period: pairs[R.base_period],
            E.kind: pairs[R.kind],
            E.value: pairs[R.value],
            E.low: pairs[R.low],
            E.high: pairs[R.high],
            E.qualifier: pairs[R.qualifier],
            E.definition: pairs[R.definition],
            E.derived: derived,
            E.inputs: inputs.where(derived, None),
            E.computation: ref_ids.map(computation_by_ref),
            **_bounds_columns("claim", claim_iv),
            **_bounds_columns("ref", ref_iv),
            E.tolerance: [iv.how if iv else "" for iv in claim_iv],
            E.named: attributed.notna().to_numpy() & (pairs[R.source] == attributed).to_numpy(),
            # ISO strings compare in date order; a month-only date is not taken as later.
            E.later: (article_date != "") & (pairs[R.published].astype(str) > article_date),
            E.decides: False,
            E.agrees: [
                a is not None and b is not None and a.overlaps(b)
                for a, b in zip(claim_iv, ref_iv, strict=True)
            ],
        },
        index=pairs.index,
    )
    evidence[E.decides] = _deciding(evidence)
    return validate(E, evidence, "evidence")


def _with_derivation(figures: pd.DataFrame) -> pd.DataFrame:
    out = figures.copy()
    for col in (INPUTS, COMPUTATION):
        if col not in out:
            out[col] = None
    return out


def _bounds_columns(prefix: str, intervals: list[Interval | None]) -> dict[str, list]:
    """The four interval columns (low, high, low_closed, high_closed) for ``prefix``."""
    return {
        f"{prefix}_low": [iv.low if iv else None for iv in intervals],
        f"{prefix}_high": [iv.high if iv else None for iv in intervals],
        f"{prefix}_low_closed": [bool(iv and iv.low_closed) for iv in intervals],
        f"{prefix}_high_closed": [bool(iv and iv.high_closed) for iv in intervals],
    }


def _computation(pair: Mapping, interval: Interval | None, derived: bool) -> str:
    if pair[R.kind] == Kind.DATE:
        return f"{pair[R.source]}: {pair.get(R.note) or 'event'} on {pair[R.period]}"
    if derived:
        return f"{pair[R.source]} (derived): {pair[COMPUTATION]}"
    return f"{pair[R.source]} states {describe_figure(pair)} → {interval}"


def describe_figure(row: Mapping) -> str:
    """A reference or claimed figure in words: "over 90% (2023)", "+65% (2023 vs 2022)"."""
    unit = "%" if row[R.kind] in {Kind.SHARE, Kind.PERCENT, Kind.PERCENT_CHANGE} else ""
    if row[R.kind] == Kind.PERCENTAGE_POINTS:
        unit = " percentage points"
    if _present(row[R.value]):
        sign = "+" if row[R.kind] in CHANGE_KINDS and row[R.value] > 0 else ""
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


@dataclass(frozen=True)
class _Facts:
    """What a claim's evidence says, aggregated once per claim (see ``_claim_facts``)."""

    rows: int = 0
    deciding: int = 0
    named_decides: bool = False
    all_agree: bool = False
    any_agree: bool = False
    agreeing: tuple[str, ...] = ()  # sources whose deciding figures all agree, sorted
    against: tuple[str, ...] = ()  # sources none of whose deciding figures agree, sorted
    sources: int = 0  # distinct deciding sources
    deciding_text: str = ""  # "; "-joined evidence phrases of deciding rows
    context_text: str = ""  # the same for the other rows
    when: str = ""  # "source: period" of deciding rows (events)
    definitions: tuple[tuple[str, str], ...] = ()  # (source, definition) of every row


def _claim_facts(evidence: pd.DataFrame) -> dict[str, _Facts]:
    """Aggregate the evidence per claim with grouped operations, in evidence order."""
    if evidence.empty:
        return {}
    ev = evidence
    phrase = (
        ev[E.computation]
        + ev[E.later].map({True: " (published after the article)", False: ""})
        + ev[E.agrees].map({True: ", agrees", False: ", disagrees"})
    )
    frame = ev[[E.claim_id, E.source, E.named, E.decides, E.agrees]].assign(
        phrase=phrase,
        when=ev[E.source] + ": " + ev[E.period],
        defined=list(zip(ev[E.source], ev[E.definition], strict=True)),
    )
    deciding = frame[frame[E.decides]]
    dec = deciding.groupby(E.claim_id, sort=False).agg(
        deciding=(E.agrees, "size"),
        named_decides=(E.named, "any"),
        all_agree=(E.agrees, "all"),
        any_agree=(E.agrees, "any"),
        deciding_text=("phrase", "; ".join),
        when=("when", ", ".join),
    )
    context = frame[~frame[E.decides]].groupby(E.claim_id, sort=False)["phrase"].agg("; ".join)
    per_source = deciding.groupby([E.claim_id, E.source], sort=True)[E.agrees].agg(["all", "any"])
    agreeing = _sources_where(per_source["all"])
    against = _sources_where(~per_source["any"])
    n_sources = per_source.groupby(level=0).size().to_dict()
    definitions = (
        frame.drop_duplicates(subset=[E.claim_id, "defined"])
        .groupby(E.claim_id, sort=False)["defined"]
        .agg(tuple)
        .to_dict()
    )
    rows = frame.groupby(E.claim_id, sort=False).size().to_dict()
    context_text = context.to_dict()
    facts = {
        claim_id: _Facts(
            rows=int(rows[claim_id]),
            deciding=int(d["deciding"]),
            named_decides=bool(d["named_decides"]),
            all_agree=bool(d["all_agree"]),
            any_agree=bool(d["any_agree"]),
            agreeing=agreeing.get(claim_id, ()),
            against=against.get(claim_id, ()),
            sources=int(n_sources.get(claim_id, 0)),
            deciding_text=d["deciding_text"],
            context_text=context_text.get(claim_id, ""),
            when=d["when"],
            definitions=definitions.get(claim_id, ()),
        )
        for claim_id, d in dec.to_dict("index").items()
    }
    # Every claim with evidence has a deciding row (see ``_deciding``); guard all the same.
    for claim_id, n in rows.items():
        facts.setdefault(claim_id, _Facts(rows=int(n), context_text=context_text.get(claim_id, "")))
    return facts


def _sources_where(flags: pd.Series) -> dict[str, tuple[str, ...]]:
    """Per claim, the sources (sorted: ``flags`` is sorted by claim, source) flagged true."""
    chosen = flags[flags].reset_index()
    return chosen.groupby(E.claim_id, sort=False)[E.source].agg(tuple).to_dict()


def _verdicts(
    claims: pd.DataFrame, evidence: pd.DataFrame, ours: Mapping[str, Interval | None]
) -> pd.DataFrame:
    facts = _claim_facts(evidence)
    none = _Facts()
    rows = []
    for claim in claims.to_dict("records"):
        fact = facts.get(claim[C.claim_id], none)
        interval = ours.get(claim[C.claim_id])
        verdict, rule, reason = _rule(claim, fact)
        rows.append(
            {
                V.article_id: claim[C.article_id],
                V.claim_id: claim[C.claim_id],
                V.verdict: verdict.value,
                V.rule: rule,
                V.summary: f"{reason[:1].upper()}{reason[1:]}.",
                V.explanation: _explain(claim, fact, interval, verdict, reason),
                V.interval: _interval_text(claim, interval),
                V.tolerance: interval.how if interval else None,
            }
        )
    return pd.DataFrame(rows, columns=list(V.to_schema().columns))


def _interval_text(claim: Mapping, interval: Interval | None) -> str | None:
    if interval is None:
        return None
    if claim[C.kind] == Kind.DATE:
        return claim[C.date]
    return str(interval)


def _rule(claim: dict, fact: _Facts) -> tuple[Verdict, str, str]:
    if claim[C.kind] == Kind.DATE:
        return _date_rule(claim, fact)
    if not (_present(claim[C.metric]) and _present(claim[C.region])):
        missing = [n for n in (C.metric, C.region) if not _present(claim[n])]
        return (
            Verdict.UNVERIFIABLE,
            "unbound-claim",
            (f"figcheck could not tell the {' and '.join(missing)} this number refers to"),
        )
    if not fact.rows:
        return (
            Verdict.UNVERIFIABLE,
            "no-reference",
            (
                f"no reference figure measures {claim[C.metric]} in {claim[C.region]}"
                f" for {claim[C.period] or 'an unknown period'}"
            ),
        )
    named = claim[C.attributed_to]
    if _present(named) and fact.named_decides:
        if fact.all_agree:
            return Verdict.SUPPORTED, "named-source-agrees", f"{named}, the named source, agrees"
        if not fact.any_agree:
            return (
                Verdict.CONTRADICTED,
                "named-source-disagrees",
                (f"{named}, the named source, says otherwise"),
            )
        return Verdict.DISPUTED, "named-source-split", f"{named}'s own figures disagree"
    agreeing, against = list(fact.agreeing), list(fact.against)
    if _present(named):
        if fact.any_agree:
            return (
                Verdict.MISATTRIBUTED,
                "named-source-silent-other-agrees",
                (
                    f"{named} has no such figure on record, but "
                    f"{', '.join(agreeing or ['another source'])} does"
                ),
            )
        return (
            Verdict.CONTRADICTED,
            "named-source-silent-others-disagree",
            (f"{named} has no such figure on record, and {', '.join(against)} says otherwise"),
        )
    if len(agreeing) == fact.sources:
        return Verdict.SUPPORTED, "sources-agree", f"{_and(agreeing)} agree"
    if len(against) == fact.sources:
        return Verdict.CONTRADICTED, "sources-disagree", f"{_and(against)} say otherwise"
    return (
        Verdict.DISPUTED,
        "sources-split",
        (f"sources disagree (for: {_and(agreeing) or 'none'}; against: {_and(against) or 'none'})"),
    )


def _date_rule(claim: dict, fact: _Facts) -> tuple[Verdict, str, str]:
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
    if fact.deciding:
        prefix = f"{calendar}; " if calendar else ""
        if fact.any_agree:
            return (
                Verdict.SUPPORTED,
                "event-date-agrees",
                (f"{prefix}the event on record falls within {claim[C.date]} ({fact.when})"),
            )
        return (
            Verdict.CONTRADICTED,
            "event-date-disagrees",
            (f"{prefix}the event on record falls outside {claim[C.date]} ({fact.when})"),
        )
    if calendar:
        return Verdict.SUPPORTED, "calendar-consistent", f"{calendar}; no event on record to match"
    return Verdict.UNVERIFIABLE, "no-reference", "no event on record matches this sentence"


def _explain(
    claim: dict, fact: _Facts, interval: Interval | None, verdict: Verdict, reason: str
) -> str:
    stated = f'"{claim[C.text]}"'
    is_date = claim[C.kind] == Kind.DATE
    if interval is not None and not is_date:
        stated += f" stands for {interval} ({interval.how})"
    parts = [stated]
    if fact.deciding_text and not is_date:
        parts.append(fact.deciding_text)
    tail = ""
    if fact.context_text and not is_date:
        tail = f" Context, not deciding: {fact.context_text}."
    if not is_date and len({d for _, d in fact.definitions}) > 1:
        # Publishers count different things (terrorist attacks vs all violence): say so.
        each = "; ".join(f"{src}: {text.rstrip('.')}" for src, text in fact.definitions)
        tail += f" The sources count different things: {each}."
    return ". ".join(parts) + f". {reason[:1].upper()}{reason[1:]}: {verdict.value}." + tail


def _and(names: list[str]) -> str:
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _present(x: object) -> bool:
    return x is not None and not (isinstance(x, float) and pd.isna(x)) and x is not pd.NA
