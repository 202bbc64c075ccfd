"""Decide each claim: the verdict rules of a careful fact-checker, with the arithmetic shown.

Each verdict carries the id of the rule that decided it (``checks.vocabulary.Rule``; the plain
description of every rule is in ``RULE_DESCRIPTIONS``), one plain sentence a reader gets at
once (``summary``: "PIPS reported 693 deaths in Pakistan in 2023, not 893.") and the
interval arithmetic (``explanation``).

How a reference figure bears on a claim is a three-way comparison
(``checks.precision.compare``): it agrees, disagrees or is inconclusive (a bound such as
"at least 170" neither confirms 419 nor rules it out).

* A named source decides. When it does not state the figure for that place, period and
  measure, the same number stated by that source for another place, period or measure is
  named: "PICSS counted 419 attacks in Khyber Pakhtunkhwa, not Balochistan."
* ``misattributed``: the named source does not state the figure and another publisher does,
  for the same place and period.
* No named source: supported when a publisher states the figure (the others are context,
  with their definitions); contradicted only when every publisher measuring it by a
  comparable definition disagrees; a publisher counting something broader (all violence,
  security operations included: ``checks/definitions.yaml``) never contradicts on its own.

Figures published after the article are shown as later evidence and decide only when nothing
earlier measures the claim, and never make an alarm of a figure given before its period was
over (``final-count-later``); an older edition of a figure that a later document of the same
publisher restates is superseded by it, but still supports a claim that quotes it
(``earlier-edition-agrees``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pandas as pd

from checks import labels, periods
from checks.definitions import load as load_definitions
from checks.derive import COMPUTATION, INPUTS, derive_figures, with_derivation_columns
from checks.figures import CHECK_DECIMALS, format_figure
from checks.match import CLAIM, COMPATIBLE, canonical, match_figures
from checks.own_arithmetic import OwnArithmetic, own_arithmetic
from checks.precision import (
    Comparand,
    Interval,
    Tolerances,
    claim_qualifier,
    compare,
    date_interval,
    rounding_interval,
    stated_decimals,
    stated_interval,
)
from checks.rows import records as rows_of
from checks.schemas import (
    ClaimSchema,
    EvidenceSchema,
    ReferenceSchema,
    VerdictSchema,
    columns,
    empty,
    validate,
)
from checks.values import is_missing
from checks.vocabulary import (
    CHANGE_KINDS,
    GUESSED_METRIC,
    PERCENT_KINDS,
    RULE_DESCRIPTIONS,
    Comparison,
    Kind,
    Rule,
    Stated,
    Verdict,
)


def _names(model: type) -> SimpleNamespace:
    """A model's column names as plain attributes: pandera's model attributes are slow to
    read, and the rules read them once per claim."""
    return SimpleNamespace(**{name: name for name in columns(model)})


C = _names(ClaimSchema)
E = _names(EvidenceSchema)
R = _names(ReferenceSchema)
V = _names(VerdictSchema)

# A number that alone raises an alarm when its named source states it elsewhere must be
# distinctive: small or round numbers recur by coincidence across a report's tables.
DISTINCTIVE_MIN = 100


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
    figures = pd.concat([references, derive_figures(claims, references, tol)], ignore_index=True)
    pairs = match_figures(claims, figures, published)
    # Against figcheck's own arithmetic a claimed percentage may have been rounded twice;
    # against a publisher's print, not (``double_rounding`` in checks/tolerances.yaml).
    ours = _claim_intervals(claims, tol)
    ours_twice = _claim_intervals(claims, tol, twice=True)
    evidence = _evidence(pairs, figures, claims, ours, ours_twice, published, tol)
    verdicts = _verdicts(
        claims, evidence, ours, ours_twice, own_arithmetic(claims, tol), figures, published, tol
    )
    return evidence, validate(VerdictSchema, verdicts, "verdicts")


def claim_interval(claim: Mapping, tol: Tolerances, *, twice: bool = False) -> Interval | None:
    """The interval a claim stands for at its own precision (dates in days); ``twice``:
    against figcheck's own arithmetic, where a percentage may have been rounded twice."""
    if claim[C.kind] == Kind.DATE:
        return date_interval(claim[C.date]) if _present(claim[C.date]) else None
    qualifier = claim_qualifier(claim[C.kind], claim.get(C.text),
                                claim[C.qualifier] if _present(claim[C.qualifier]) else None)
    return stated_interval(
        claim[C.kind], claim[C.value], claim[C.low], claim[C.high], qualifier, tol,
        claimed=True, twice=twice,
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


def _is_range(row: Mapping) -> bool:
    return not _present(row[C.value]) and _present(row[C.low]) and _present(row[C.high])


def _claim_comparand(claim: Mapping, interval: Interval | None) -> Comparand:
    return Comparand(
        interval,
        is_range=claim[C.kind] != Kind.DATE and _is_range(claim),
        qualifier=claim[C.qualifier] if _present(claim[C.qualifier]) else None,
    )


def _reference_comparand(row: Mapping, interval: Interval | None, tol: Tolerances) -> Comparand:
    qualifier = row[R.qualifier] if _present(row[R.qualifier]) else None
    stated = None
    if qualifier is not None and _present(row[R.value]) and row[R.kind] != Kind.DATE:
        if row[R.stated_or_derived] == Stated.DERIVED:
            stated = Interval(row[R.value], row[R.value], how="figcheck's arithmetic")
        else:
            stated = rounding_interval(float(row[R.value]), row[R.kind], tol)
    return Comparand(
        interval,
        is_range=row[R.kind] != Kind.DATE and _is_range(row),
        qualifier=qualifier,
        stated=stated,
    )


_INTERVAL_INPUTS = [C.kind, C.value, C.low, C.high, C.qualifier, C.date]


def _claim_intervals(
    claims: pd.DataFrame, tol: Tolerances, *, twice: bool = False
) -> dict[str, Interval | None]:
    """Each claim's interval by claim id; claims stating the same figure share one computation.
    ``twice``: the intervals set against figcheck's own arithmetic (``claim_interval``)."""
    cache: dict[tuple, Interval | None] = {}
    out: dict[str, Interval | None] = {}
    for claim_id, text, *key in claims[[C.claim_id, C.text, *_INTERVAL_INPUTS]].itertuples(
            index=False):
        # NaN != NaN, so missing numbers are normalised before they key the cache.
        key = [None if not _present(x) else x for x in key]
        key[4] = claim_qualifier(key[0], text, key[4])  # (a fraction in words: "about")
        key = tuple(key)
        if key not in cache:
            cache[key] = claim_interval(dict(zip(_INTERVAL_INPUTS, key, strict=True)), tol,
                                        twice=twice)
        out[claim_id] = cache[key]
    return out


def _evidence(
    pairs: pd.DataFrame,
    figures: pd.DataFrame,
    claims: pd.DataFrame,
    ours: Mapping[str, Interval | None],
    ours_twice: Mapping[str, Interval | None],
    published: Mapping[str, str | None],
    tol: Tolerances,
) -> pd.DataFrame:
    """One evidence row per (claim, figure) pair, with the three-way comparison; a derived
    figure is compared with ``ours_twice``, a printed one with ``ours``."""
    if pairs.empty:
        return empty(EvidenceSchema)
    # Per figure, once: its comparand and the arithmetic shown to a reader.
    theirs_by_ref, computation_by_ref = {}, {}
    for fig in rows_of(with_derivation_columns(figures)):
        interval = _reference_interval(fig, tol)
        derived = fig[R.stated_or_derived] == Stated.DERIVED
        theirs_by_ref[fig[R.ref_id]] = _reference_comparand(fig, interval, tol)
        computation_by_ref[fig[R.ref_id]] = _computation(fig, interval, derived)
    paired = claims[claims[C.claim_id].isin(set(pairs[CLAIM + C.claim_id]))]
    paired_rows = rows_of(paired[[C.claim_id, C.kind, C.value, C.low, C.high, C.qualifier]])
    mine = {  # by (claim id, against a derived figure)
        (c[C.claim_id], twice): _claim_comparand(c, by.get(c[C.claim_id]))
        for c in paired_rows for twice, by in ((False, ours), (True, ours_twice))
    }
    claim_ids = pairs[CLAIM + C.claim_id]
    ref_ids = pairs[R.ref_id]
    derived = (pairs[R.stated_or_derived] == Stated.DERIVED).to_numpy()
    # As lists: iterating an Arrow string column boxes each cell through a pyarrow scalar.
    claim_list, ref_list = claim_ids.tolist(), ref_ids.tolist()
    claim_iv = [(ours_twice if d else ours).get(c)
                for c, d in zip(claim_list, derived, strict=True)]
    outcomes = [
        compare(mine[c, bool(d)], theirs_by_ref[r])
        for c, r, d in zip(claim_list, ref_list, derived, strict=True)
    ]
    meet_iv = [meet for _, meet, _ in outcomes]
    inputs = pairs[INPUTS] if INPUTS in pairs else pd.Series(None, index=pairs.index)
    attributed = pairs[CLAIM + C.attributed_to]
    article_date = pairs[CLAIM + C.article_id].map(published).fillna("").astype(str)
    comparison = [str(outcome.value) for outcome, _, _ in outcomes]
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
            **_bounds_columns("ref", meet_iv),
            E.tolerance: [iv.how if iv else "" for iv in claim_iv],
            E.named: attributed.notna().to_numpy() & (pairs[R.source] == attributed).to_numpy(),
            # ISO strings compare in date order; a month-only date is not taken as later.
            E.later: (article_date != "") & (pairs[R.published].astype(str) > article_date),
            E.decides: False,
            E.agrees: [c == Comparison.AGREES for c in comparison],
            E.test: [test for _, _, test in outcomes],
            E.comparison: comparison,
        },
        index=pairs.index,
    )
    evidence[E.decides] = _deciding(evidence)
    return validate(EvidenceSchema, evidence, "evidence")


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
    return f"{_number_words(row)} ({row[R.period]}" + (
        f" vs {row[R.base_period]})" if _present(row[R.base_period]) else ")"
    )


def _number_words(row: Mapping) -> str:
    """The number a row states, with its hedge and unit: "at least 170", "+65%", "6,000–6,500"."""
    kind = row[R.kind]
    derived = row.get(R.stated_or_derived) == Stated.DERIVED or row.get(E.derived) is True
    # A figure figcheck computed is shown to the precision it was rounded to when compared.
    decimals = CHECK_DECIMALS
    if derived and kind in (*PERCENT_KINDS, Kind.PERCENTAGE_POINTS):
        decimals = 1
    elif derived and kind == Kind.FACTOR:
        decimals = 2
    return format_figure(
        kind,
        row[R.value],
        row[R.low],
        row[R.high],
        row[R.qualifier] if _present(row[R.qualifier]) else None,
        decimals=decimals,
        missing="no figure",
        spelled=True,
    )


def _deciding(evidence: pd.DataFrame) -> pd.Series:
    """Which evidence rows decide: the named source if it speaks, else every source;
    figures published after the article only when nothing earlier measures the claim;
    never a figure that a later document of the same publisher restates, nor figcheck's
    own arithmetic where the publisher's statement of that figure agrees."""
    timely = ~evidence[E.later]
    any_timely = timely.groupby(evidence[E.claim_id]).transform("any")
    in_time = (timely | ~any_timely) & ~_superseded(evidence, timely | ~any_timely)
    in_time &= ~_outranked_derivation(evidence, in_time)
    named_in_time = evidence[E.named] & in_time
    named_speaks = named_in_time.groupby(evidence[E.claim_id]).transform("any")
    return in_time & (~named_speaks | evidence[E.named])


_EDITION_KEY = [E.claim_id, E.source, E.metric, E.region, E.period, E.kind, E.definition]


def _outranked_derivation(evidence: pd.DataFrame, usable: pd.Series) -> pd.Series:
    """Derived rows that disagree where the same publisher states the figure and agrees.

    A publisher rounds its own counts its own way (PICSS and CRSS print 73.7% as "73%",
    46.5% as "46%"), and a claim quoting the printed figure quotes the publisher. figcheck's
    recomputation from the same counts is then context, not a second voice that disputes
    the first. Where the statement disagrees, both still decide (a real dispute or error).
    """
    key = evidence[E.base_period].fillna("").astype(str)
    for column in _EDITION_KEY:
        key = key + "|" + evidence[column].astype(str)
    stated_agrees = ~evidence[E.derived] & usable & evidence[E.agrees]
    publisher_agrees = stated_agrees.groupby(key).transform("any")
    return evidence[E.derived] & ~evidence[E.agrees] & publisher_agrees


def _superseded(evidence: pd.DataFrame, usable: pd.Series) -> pd.Series:
    """Rows whose figure a later usable document of the same publisher gives again
    (a revised edition: "490 in GTI 2024, revised to 517 in GTI 2025")."""
    key = evidence[E.base_period].fillna("").astype(str)
    for column in _EDITION_KEY:
        key = key + "|" + evidence[column].astype(str)
    stated = ~evidence[E.derived] & usable
    latest = evidence[E.published].astype(str).where(stated, "").groupby(key).transform("max")
    return stated & (evidence[E.published].astype(str) < latest)


@dataclass(frozen=True)
class _Row:
    """One evidence row as the rules read it."""

    source: str
    comparison: str
    named: bool
    decides: bool
    record: dict


def _verdicts(
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    ours: Mapping[str, Interval | None],
    ours_twice: Mapping[str, Interval | None],
    own: Mapping[str, OwnArithmetic],
    figures: pd.DataFrame,
    published: Mapping[str, str | None],
    tol: Tolerances,
) -> pd.DataFrame:
    by_claim: dict[str, list[_Row]] = {}
    for rec in rows_of(evidence):
        by_claim.setdefault(rec[E.claim_id], []).append(
            _Row(rec[E.source], rec[E.comparison], bool(rec[E.named]), bool(rec[E.decides]), rec)
        )
    finder = _Elsewhere(figures, published, tol)
    rows = []
    for claim in rows_of(claims):
        evid = by_claim.get(claim[C.claim_id], [])
        interval = ours.get(claim[C.claim_id])
        mine = own.get(claim[C.claim_id])
        twice = ours_twice.get(claim[C.claim_id])
        if mine is not None and twice is not None and not mine.agrees(twice) and (
                not _guessed_metric(claim)):
            # (A change whose measure figcheck guessed may be of other figures than those
            # its arithmetic was redone with.)
            verdict, rule, summary = _own_arithmetic_rule(claim, mine)
            interval = twice  # (the interval the arithmetic was set against, shown)
        else:
            verdict, rule, summary = _rule(claim, evid, interval, finder)
            if any(r.decides and r.record[E.derived] for r in evid):
                interval = twice  # (what a deciding derived figure was set against, shown)
        if RULE_DESCRIPTIONS[rule][0] != verdict:
            raise AssertionError(f"rule {rule} cannot give {verdict}")  # a bug, never data
        rows.append(
            {
                V.article_id: claim[C.article_id],
                V.claim_id: claim[C.claim_id],
                V.verdict: verdict.value,
                V.rule: rule.value,
                V.summary: _sentence(summary),
                V.explanation: _explain(
                    claim,
                    evid,
                    interval,
                    verdict,
                    summary,
                    mine.computation if rule == Rule.OWN_ARITHMETIC_DISAGREES
                    else finder.arithmetic(finder.named_rows[claim[C.claim_id]])
                    if claim[C.claim_id] in finder.named_rows
                    else "",
                ),
                V.interval: _interval_text(claim, interval),
                V.tolerance: interval.how if interval else None,
            }
        )
    return pd.DataFrame(rows, columns=columns(VerdictSchema))


def _interval_text(claim: Mapping, interval: Interval | None) -> str | None:
    if interval is None:
        return None
    if claim[C.kind] == Kind.DATE:
        return claim[C.date]
    return str(interval)


# ---------------------------------------------------------------------------------------
# Words for a reader


def _period_words(period: object, base: object = None) -> str:
    if not _present(period) or not periods.is_valid(period):
        return "an unknown period"
    words = periods.label(period)
    if _present(base) and periods.is_valid(base):
        words += f" against {periods.label(base)}"
    return words


def _in_period(period: object, base: object = None) -> str:
    """ "in 2023", "in Q2 2024", "on 16 March 2024" """
    day = periods.is_valid(period) and len(str(period)) == 10
    return f"{'on' if day else 'in'} {_period_words(period, base)}"


def _what(metric: object, region: object, period: object, base: object = None) -> str:
    """ "deaths in Pakistan in 2023" """
    return (
        f"{labels.metric_label(metric)} in {labels.region_name(region)} {_in_period(period, base)}"
    )


def _figure(rec: Mapping, where: bool = True) -> str:
    """A reference row in words: "693 deaths in Pakistan in 2023", "a +45% change in ..."."""
    number = _number_words(rec)
    kind = rec[R.kind]
    place = (
        f" in {labels.region_name(rec[R.region])} {_in_period(rec[R.period], rec[R.base_period])}"
        if where
        else ""
    )
    metric = labels.metric_label(rec[R.metric])
    if kind in CHANGE_KINDS:
        return f"a change of {number} in {metric}{place}"
    if kind in (Kind.SHARE, Kind.PERCENT):
        return f"a share of {number} for {metric}{place}"
    if kind == Kind.FACTOR:
        return f"a {number} change in {metric}{place}"
    if kind == Kind.RANK:
        return f"{number} for {metric}{place}"
    return f"{number} {metric}{place}"


def _claimed(claim: Mapping) -> str:
    """The claim's number in the same words as a reference's: "+120%", "893", "over 70%"."""
    if claim[C.kind] == Kind.DATE:
        return str(claim[C.text])
    row = {
        R.kind: claim[C.kind],
        R.value: claim[C.value],
        R.low: claim[C.low],
        R.high: claim[C.high],
        R.qualifier: claim[C.qualifier],
    }
    return _number_words(row)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _and(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------------------------------
# The misplaced figure: the same number, stated by the same source for something else


class _Elsewhere:
    """Finds where a source states a claim's number for another place, period or measure."""

    def __init__(self, figures: pd.DataFrame, published: Mapping[str, str | None], tol):
        stated = figures[
            (figures[R.kind] != Kind.DATE) & (figures[R.stated_or_derived] == Stated.STATED)
        ]
        # Each stated row once, with its comparand: a claim's search only compares.
        self.by_source = {
            s: [
                (row, _reference_comparand(row, _reference_interval(row, tol), tol))
                for row in rows_of(g)
            ]
            for s, g in stated.groupby(R.source)
        }
        self.published = published
        self.tol = tol
        # Publishers whose figures figcheck holds: only of these can it say that they do
        # not state a figure.
        self.held = set(figures[R.source])
        # The row each misplaced-figure sentence rests on, by claim id, for the explanation.
        self.named_rows: dict[str, dict] = {}
        # The counts each source states per place and period, by definition (scope): the
        # measure and the number, e.g. PICSS's all-incidents deaths in August 2025.
        self.scopes: dict[tuple[str, str, str], dict[str, list[tuple[str, float]]]] = {}
        counts = stated[(stated[R.kind] == Kind.COUNT) & stated[R.value].notna()]
        for source, region, period, definition, metric, value in counts[
                [R.source, R.region, R.period, R.definition, R.metric, R.value]
        ].itertuples(index=False):
            self.scopes.setdefault((source, region, canonical(period)), {}).setdefault(
                definition, []).append((metric, float(value)))

    def find(self, claim: Mapping, interval: Interval | None, source: str) -> dict | None:
        if interval is None or not _present(claim[C.metric]):
            return None
        kinds = COMPATIBLE.get(claim[C.kind], set())
        mine = _claim_comparand(claim, interval)
        article_date = str(self.published.get(claim[C.article_id]) or "")
        best, best_rank = None, None
        for row, theirs in self.by_source.get(source, []):
            if row[R.kind] not in kinds:
                continue
            if article_date and str(row[R.published]) > article_date:
                continue  # a figure not yet published cannot have been misplaced
            differs = _differences(row, claim)
            if not any(differs):
                continue
            outcome, _, _ = compare(mine, theirs)
            if outcome != Comparison.AGREES or not _states_number(row, claim):
                continue
            # Fewest differences first; then the same period (the same report's figure of
            # another measure, "25" for its security personnel killed, is likelier what the
            # writer meant than the same measure in another year), then the same measure,
            # then a part of it: "injured 262" where the report gives 262 attacks and 262
            # injured in one kind of group's attacks is likelier the injured.
            related = differs[2] and labels.part_related(row[R.metric], claim[C.metric])
            rank = (sum(differs), differs[1], differs[2], not related)
            if best_rank is None or rank < best_rank:
                best, best_rank = row, rank
        return best

    def arithmetic(self, row: Mapping) -> str:
        """The row's figure and interval, with its place, for the explanation."""
        interval = _reference_interval(row, self.tol)
        return (
            f"elsewhere, {row[R.source]} states {_number_words(row)} for "
            f"{_what(row[R.metric], row[R.region], row[R.period], row[R.base_period])} → "
            f"{interval}"
        )


def _differences(row: Mapping, claim: Mapping) -> list[bool]:
    """Whether the row is for another region, period, metric or base period than the claim."""
    return [
        row[R.region] != claim[C.region],
        not _same_period(row[R.period], claim[C.period]),
        row[R.metric] != claim[C.metric],
        _present(claim[C.base_period])
        and not _same_period(row[R.base_period], claim[C.base_period]),
    ]


def _only_guessed_differs(row: Mapping, claim: Mapping) -> bool:
    """Whether the row differs from the claim only in the place or period figcheck carried
    over from the rest of the article (never in what is counted)."""
    region, period, metric, base = _differences(row, claim)
    guessed = set(_inherited(claim, named=False))
    differs = {f for f, d in (("region", region), ("period", period)) if d}
    return bool(differs) and not metric and not base and differs <= guessed


def _unsaid(row: Mapping, claim: Mapping) -> str:
    """ "where", "when" or "where or when": what the claim's sentence leaves to the article."""
    region, period, _, _ = _differences(row, claim)
    return " or ".join(w for w, d in (("where", region), ("when", period)) if d)


def _states_number(row: Mapping, claim: Mapping) -> bool:
    """The row prints the claim's own number at the claim's digits (not merely a bound or a
    range that contains it)."""
    if _present(claim[C.value]) and _present(row[R.value]):
        digits = stated_decimals(float(claim[C.value]))
        return round(float(row[R.value]), digits) == round(float(claim[C.value]), digits)
    return _is_range(claim) and _is_range(row)


def _same_period(a: object, b: object) -> bool:
    return canonical(a) == canonical(b)


def _distinctive(claim: Mapping) -> bool:
    """A number unlikely to recur by coincidence: a count of at least 100, not round."""
    value = claim[C.value]
    if not _present(value) or claim[C.kind] not in (Kind.COUNT,):
        return False
    return float(value) >= DISTINCTIVE_MIN and float(value) % 100 != 0


def _misplaced_sentence(row: Mapping, claim: Mapping) -> str:
    """ "PICSS counted 419 attacks in Khyber Pakhtunkhwa, not Balochistan." """
    source = row[R.source]
    verb = "counted" if row[R.kind] in (Kind.COUNT, Kind.RANGE) else "reported"
    theirs_metric = labels.metric_label(row[R.metric])
    mine_metric = labels.metric_label(claim[C.metric])
    number = _number_words(row)
    region_differs = row[R.region] != claim[C.region]
    period_differs = not _same_period(row[R.period], claim[C.period])
    metric_differs = row[R.metric] != claim[C.metric]
    base = row[R.base_period] if row[R.kind] in CHANGE_KINDS else None
    my_period = _period_words(claim[C.period], claim[C.base_period] if base else None)
    their_region = labels.region_name(row[R.region])
    my_region = labels.region_name(claim[C.region])
    if row[R.kind] in (Kind.COUNT, Kind.RANGE):
        head = f"{source} {verb} {number} {theirs_metric}"
    else:
        head = f"{source} {verb} {_figure(row, where=False)}"
    if region_differs and not period_differs and not metric_differs:
        return f"{head} in {their_region}, not {my_region}"
    their_when = _in_period(row[R.period], base)
    if period_differs and not region_differs and not metric_differs:
        return f"{head} in {their_region} {their_when}, not {my_period}"
    if metric_differs and not region_differs and not period_differs:
        return (
            f"{source}'s {number} in {their_region} {their_when} counts {theirs_metric}, "
            f"not {mine_metric}"
        )
    return (
        f"{head} in {their_region} {their_when}; the claim puts it as "
        f"{mine_metric} in {my_region} {_in_period(claim[C.period])}"
    )


# ---------------------------------------------------------------------------------------
# The rules


def _own_arithmetic_rule(claim: Mapping, own: OwnArithmetic) -> tuple[Verdict, Rule, str]:
    """A change or share that its own sentence's figures rule out, whatever the sources say:
    the writer's numbers cannot all be right, so the draft is inconsistent."""
    row = {R.kind: claim[C.kind], R.value: own.value, R.low: None, R.high: None,
           R.qualifier: None, R.stated_or_derived: Stated.DERIVED}
    return (
        Verdict.CONTRADICTED,
        Rule.OWN_ARITHMETIC_DISAGREES,
        (
            f"the article's own figures ({own.operands}) give {_number_words(row)}, "
            f"not {_claimed(claim)}"
        ),
    )


def _rule(
    claim: dict, evid: list[_Row], interval: Interval | None, finder: _Elsewhere
) -> tuple[Verdict, Rule, str]:
    if claim[C.kind] == Kind.DATE:
        return _date_rule(claim, evid)
    if not (_present(claim[C.metric]) and _present(claim[C.region])):
        missing = [n for n in (C.metric, C.region) if not _present(claim[n])]
        return (
            Verdict.UNVERIFIABLE,
            Rule.UNBOUND_CLAIM,
            f"figcheck could not tell the {' and '.join(missing)} this number refers to",
        )
    what = _what(claim[C.metric], claim[C.region], claim[C.period], claim[C.base_period])
    named = claim[C.attributed_to] if _present(claim[C.attributed_to]) else None
    if named is not None:
        decided = _named_rule(claim, evid, interval, finder, named, what)
        if (decided[0] == Verdict.UNVERIFIABLE or decided[0] in ALARMS) and evid and (
                "source" in _inherited(claim, True)):
            # figcheck, not the writer, took the article's publisher for this figure's: where
            # that publisher has no such figure, or another, the others' figures answer.
            others = _unnamed_rule(claim, evid, what, interval, finder)
            if others[0] in (Verdict.SUPPORTED, Verdict.DISPUTED):
                decided = (others[0], others[1],
                           f"{others[2]} ({named}, taken for the article's source, gives "
                           "no such figure)" if decided[0] == Verdict.UNVERIFIABLE else
                           f"{others[2]} (figcheck had taken {named}, whose figure differs, "
                           "for the article's source)")
    elif not evid:
        return Verdict.UNVERIFIABLE, Rule.NO_REFERENCE, f"no reference figure measures {what}"
    else:
        decided = _unnamed_rule(claim, evid, what, interval, finder)
    if decided[0] in ALARMS and any(_running_tally(r.record, claim) for r in evid):
        # A tally of a period still running at publication may predate the article's.
        return (
            Verdict.UNVERIFIABLE,
            Rule.RUNNING_TALLY,
            (
                f"{decided[2]}; but that is a tally of a period not yet over when the article "
                "appeared, which the article may have updated, so figcheck raises no alarm"
            ),
        )
    earlier = _earlier_edition_agreeing(evid, named) if decided[0] in ALARMS or (
        decided[0] == Verdict.UNVERIFIABLE) else None
    if earlier is not None:
        # "81 in April", from PICSS's May report, where its April report said 82 (or the
        # reverse): the publisher did say it; the revision is shown, not called an error.
        # (So is a figure the article credits to no one, which only that revision leaves
        # unconfirmed.)
        return (
            Verdict.SUPPORTED,
            Rule.EARLIER_EDITION_AGREES,
            (
                f"{earlier.source} gave this figure in its edition of "
                f"{earlier.record[E.published]} ({earlier.comparison}); another edition "
                f"revised it: {decided[2]}"
            ),
        )
    if decided[0] in ALARMS and _given_before_period_ended(claim, evid, finder.published):
        # "441 deaths in 254 attacks this year", on 31 December: the publisher's count at the
        # time, which its final report, published later, may revise.
        return (
            Verdict.UNVERIFIABLE,
            Rule.FINAL_COUNT_LATER,
            (
                f"{decided[2]}; but the article gave its figure before that period was over, "
                "and the figures that differ were published after it, so figcheck raises no "
                "alarm"
            ),
        )
    if decided[0] in ALARMS and _guessed_metric(claim):
        # Which of several measures a bare change is of, its sentence did not say.
        return (
            Verdict.UNVERIFIABLE,
            Rule.INHERITED_BINDING,
            (
                f"{decided[2]}; but the claim's measure is figcheck's guess (its sentence lists "
                "several and does not say which one changed), so figcheck raises no alarm"
            ),
        )
    inherited = _inherited(claim, named=named is not None)
    if decided[0] in ALARMS and inherited:
        # An alarm must rest on what the writer stated: a place or period figcheck carried
        # over from the headline or the opening may be its own misreading, not the writer's.
        return (
            Verdict.UNVERIFIABLE,
            Rule.INHERITED_BINDING,
            (
                f"{decided[2]}; but the claim's {' and '.join(inherited)} came from the rest of "
                "the article, not from its own sentence, so figcheck raises no alarm"
            ),
        )
    return decided


ALARMS = (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED)
# How ``ClaimSchema.binding`` (sources/extract.py ``_binding_note``) words a place or period
# taken from outside the claim's sentence. A named publisher's own scope ("PICSS's scope")
# is not among them: naming a national publisher names its country.
_INHERITED_MARKS = ("the article's", "the publication year")
# ... and how it marks the article's place for a figure of a publisher counting the world
# (sources/extract.py ``COUNTS_THE_WORLD``).
_WORLDWIDE_MARK = "counts the whole world"


def _running_tally(row: Mapping, claim: Mapping) -> bool:
    """The row measures the claim as the latest tally of a still-running period
    (``checks.match.running_measures``): a flow whose span is not the claim's own."""
    return not _same_period(row[E.period], claim[C.period]) and not load_definitions(
    ).is_stock(row[E.metric])


def _earlier_edition_agreeing(evid: list[_Row], named: str | None) -> _Row | None:
    """A figure the publisher (the named one, if any) stated and agrees with the claim, set
    aside only because another edition of the same publisher, published later, restates
    that cell with another number (``_superseded``); None if there is none."""
    def cell(r: _Row) -> tuple:
        return (r.source, *(str(r.record[c]) for c in _EDITION_KEY[2:]),
                str(r.record[E.base_period]))

    deciding = {cell(r): str(r.record[E.published]) for r in evid if r.decides}
    for r in evid:
        if r.decides or not r.record[E.agrees] or r.record[E.derived] or r.record[E.later] or (
                named is not None and r.source != named):
            continue
        if deciding.get(cell(r), "") > str(r.record[E.published]):
            return r
    return None


def _given_before_period_ended(
    claim: Mapping, evid: list[_Row], published: Mapping[str, str | None]
) -> bool:
    """Whether the claim's period had not ended by the article's publication day and every
    deciding figure was published after the article (a final count the writer could not
    have had)."""
    article_date = str(published.get(claim[C.article_id]) or "")
    deciding = [r for r in evid if r.decides]
    if not article_date or not deciding or not all(r.record[E.later] for r in deciding):
        return False
    period = claim[C.period]
    if not _present(period) or not periods.is_valid(period):
        return False
    try:
        return periods.bounds(str(period))[1] >= date.fromisoformat(article_date[:10])
    except ValueError:  # a month-only publication date: not known to precede the period's end
        return False


def _guessed_metric(claim: Mapping) -> bool:
    """Whether the claim's measure is the extractor's guess (its binding says so)."""
    binding = claim.get(C.binding)
    return _present(binding) and any(
        part.startswith(f"metric: {GUESSED_METRIC}") for part in str(binding).split("; "))


def _inherited(claim: Mapping, named: bool) -> list[str]:
    """The fields ("region", "period") bound from outside the claim's own sentence.

    With a named source the article's place is kept: a writer who names PICSS or the
    interior ministry and no place is speaking of the country the article is about, while
    a period carried from the opening is often not the sentence's own (a comparison month).
    """
    binding = claim.get(C.binding)
    if not _present(binding):
        return []
    fields = ("period", "source") if named else ("region", "period")
    out = []
    for part in str(binding).split("; "):
        field, _, how = part.partition(": ")
        if field in fields and any(m in how for m in _INHERITED_MARKS):
            out.append(field)
        elif field == "region" and named and _WORLDWIDE_MARK in how:
            # A worldwide index's figure with no place of its own may be the world's.
            out.append(field)
    return out


def _named_rule(
    claim: dict,
    evid: list[_Row],
    interval: Interval | None,
    finder: _Elsewhere,
    named: str,
    what: str,
) -> tuple[Verdict, Rule, str]:
    mine = [r for r in evid if r.named and r.decides]
    others = [r for r in evid if not r.named and not r.record[E.later]]
    agree = [r for r in mine if r.comparison == Comparison.AGREES]
    disagree = [r for r in mine if r.comparison == Comparison.DISAGREES]
    # Misattribution needs another publisher printing the claim's own number: a bound the
    # claim only satisfies ("as many as 148" under another's 1,524) is not that number.
    other_agree = [
        r for r in others
        if r.comparison == Comparison.AGREES and _states_number(r.record, claim)
    ]
    # A source that publishes two definitions (militant attacks; all incidents) states the
    # figure when one of them gives it: only the same definition's figures can split it.
    agreeing_defs = {r.record[E.definition] for r in agree}
    split = [r for r in disagree if r.record[E.definition] in agreeing_defs]
    if agree and not split:
        return (
            Verdict.SUPPORTED,
            Rule.NAMED_SOURCE_AGREES,
            f"{named} reported {_figure(agree[0].record)}",
        )
    if agree:
        figures = _and([_number_words(r.record) for r in agree + split])
        return (
            Verdict.DISPUTED,
            Rule.NAMED_SOURCE_SPLIT,
            f"{named}'s own figures for {what} disagree: {figures}",
        )
    if mine and other_agree:
        first = other_agree[0].record
        return (
            Verdict.MISATTRIBUTED,
            Rule.NAMED_SOURCE_DISAGREES_OTHER_AGREES,
            (
                f"{_and([r.source for r in other_agree])}, not {named}, reported "
                f"{_figure(first)}; {named} gives {_number_words(mine[0].record)}"
            ),
        )
    elsewhere = finder.find(claim, interval, named)
    metric_ = elsewhere is not None and _differences(elsewhere, claim)[2]
    part = _part_figure(claim, elsewhere)
    if part is not None:
        return Verdict.UNVERIFIABLE, Rule.STATES_PART, part
    scope = _other_scope(claim, interval, mine, disagree, finder, named)
    if scope is not None:
        return Verdict.UNVERIFIABLE, Rule.NAMED_SOURCE_OTHER_SCOPE, scope
    # The right number in the wrong place is an error only when the named source speaks
    # about the claimed place, period and measure: when it is silent there, a match
    # elsewhere is as likely a coincidence, or figcheck's own misreading, as the writer's.
    if elsewhere is not None and (disagree or (mine and _distinctive(claim) and not metric_)):
        finder.named_rows[claim[C.claim_id]] = elsewhere
        return (
            Verdict.CONTRADICTED,
            Rule.NAMED_SOURCE_STATES_ELSEWHERE,
            _misplaced_sentence(elsewhere, claim),
        )
    if disagree:
        first = disagree[0].record
        return (
            Verdict.CONTRADICTED,
            Rule.NAMED_SOURCE_DISAGREES,
            f"{named} reported {_figure(first)}, not {_claimed(claim)}",
        )
    if mine:
        return (
            Verdict.UNVERIFIABLE,
            Rule.NAMED_SOURCE_INCONCLUSIVE,
            (
                f"{named} gives {_figure(mine[0].record)}, which neither confirms nor rules out "
                f"{_claimed(claim)}"
            ),
        )
    if other_agree and named not in finder.held:
        return (
            Verdict.UNVERIFIABLE,
            Rule.NAMED_SOURCE_SILENT,
            (
                f"figcheck holds no figures from {named}; {_and([r.source for r in other_agree])} "
                f"reported {_figure(other_agree[0].record)}"
            ),
        )
    if other_agree:
        return (
            Verdict.MISATTRIBUTED,
            Rule.NAMED_SOURCE_SILENT_OTHER_AGREES,
            (
                f"{_and([r.source for r in other_agree])}, not {named}, reported "
                f"{_figure(other_agree[0].record)}"
            ),
        )
    # A small or round number found elsewhere is as likely a coincidence: not worth naming.
    if elsewhere is not None and not _distinctive(claim):
        elsewhere = None
    if elsewhere is not None and _only_guessed_differs(elsewhere, claim):
        # The sentence gives no place (or no period): figcheck's guess from the article is
        # what differs, and the named source prints this very number for its measure once.
        return (
            Verdict.SUPPORTED,
            Rule.NAMED_SOURCE_AGREES_UNPLACED,
            (
                f"{named} reported {_figure(elsewhere)}; the sentence itself does not say "
                f"{_unsaid(elsewhere, claim)}"
            ),
        )
    if not evid and elsewhere is None:
        return (
            Verdict.UNVERIFIABLE,
            Rule.NO_REFERENCE,
            f"no reference figure measures {what}",
        )
    seen = f"; {_misplaced_sentence(elsewhere, claim)}" if elsewhere is not None else ""
    return (
        Verdict.UNVERIFIABLE,
        Rule.NAMED_SOURCE_SILENT,
        f"{named} has no figure on record for {what}{seen}; other publishers are context only",
    )


def _unnamed_rule(
    claim: dict, evid: list[_Row], what: str, interval: Interval | None, finder: _Elsewhere
) -> tuple[Verdict, Rule, str]:
    deciding = [r for r in evid if r.decides]
    agree = [r for r in deciding if r.comparison == Comparison.AGREES]
    disagree = [r for r in deciding if r.comparison == Comparison.DISAGREES]
    defs = load_definitions()
    if agree and defs.is_stock(claim[C.metric]):
        # Estimates of a level made at other times are other measurements, not a dispute:
        # fighters counted in March and in July may both be right.
        when = {r.record[E.period] for r in agree}
        disagree = [r for r in disagree if r.record[E.period] in when]
    # A publisher that states the figure under one definition and another number under
    # another (the KP police's own personnel, and other forces') counts two things, as the
    # named rule reads it: no dispute.
    agreeing = {(r.source, r.record[E.definition]) for r in agree}
    stated_by = {source for source, _definition in agreeing}
    disagree = [r for r in disagree if r.source not in stated_by
                or (r.source, r.record[E.definition]) in agreeing]
    if agree and not any(defs.group_of(r.source, r.record[E.definition]).broader
                         for r in agree):
        # A figure that a count of attacks alone states is not disputed by a count of all
        # violence (security operations included): that broader count never contradicts a
        # figure on its own (definitions.yaml) and stays context. (The other way round, a
        # figure only the broader count states while counts of attacks disagree, the reader
        # must still know whose figure it is.)
        disagree = [r for r in disagree
                    if defs.group_of(r.source, r.record[E.definition]).broader is False]
    if agree and not disagree:
        return (
            Verdict.SUPPORTED,
            Rule.SOURCES_AGREE,
            f"{_and([r.source for r in agree])} reported {_figure(agree[0].record)}",
        )
    if agree:
        # Right for one publisher's count and not for another's: the reader must know
        # whose figure it is (the definitions are shown in the explanation).
        against_ = _one_per_source(disagree)
        return (
            Verdict.DISPUTED,
            Rule.SOURCES_SPLIT,
            f"{_and([r.source for r in agree])} reported {_figure(agree[0].record)}, but "
            + "; ".join(f"{r.source} gives {_number_words(r.record)}" for r in against_),
        )
    broader = {id(r) for r in deciding if defs.group_of(r.source, r.record[E.definition]).broader}
    comparable = [r for r in deciding if id(r) not in broader]
    against = [r for r in comparable if r.comparison == Comparison.DISAGREES]
    unsure = [r for r in comparable if r.comparison == Comparison.INCONCLUSIVE]
    for source in dict.fromkeys(r.source for r in against):
        part = _part_figure(claim, finder.find(claim, interval, source))
        if part is not None:
            return Verdict.UNVERIFIABLE, Rule.STATES_PART, part
    if against and not unsure and _below_every_total(claim, against):
        first = against[0].record
        return (
            Verdict.UNVERIFIABLE,
            Rule.BELOW_EVERY_TOTAL,
            (
                f"{_claimed(claim)} is less than half of every publisher's figure for {what} "
                f"({'; '.join(f'{r.source}: {_number_words(r.record)}' for r in _one_per_source(against))}); "
                "it most likely counts a part of it"
            ),
        )
    if against and not unsure and len({r.source for r in against}) == 1:
        # One publisher's count against a figure whose source the article does not name:
        # the article may follow another publisher that counts differently (PICSS counts
        # about twice as many attacks as PIPS), so the count is shown, not raised as an alarm.
        first = against[0].record
        return (
            Verdict.UNVERIFIABLE,
            Rule.ONE_PUBLISHER_DIFFERS,
            (
                f"only {against[0].source} measures {what}, and reports {_number_words(first)}, "
                f"not {_claimed(claim)}; the article does not say whose count it gives"
            ),
        )
    if against and not unsure:
        said = "; ".join(
            f"{r.source} reported {_number_words(r.record)}" for r in _one_per_source(against)
        )
        head = (
            f"{against[0].source} reported {_figure(against[0].record)}"
            if len({r.source for r in against}) == 1
            else f"for {what}, {said}"
        )
        for source in dict.fromkeys(r.source for r in against):
            # The right number in the wrong place is the most useful thing to say.
            elsewhere = finder.find(claim, interval, source)
            if elsewhere is not None:
                finder.named_rows[claim[C.claim_id]] = elsewhere
                head = f"{_misplaced_sentence(elsewhere, claim)} ({head})"
                return Verdict.CONTRADICTED, Rule.SOURCES_DISAGREE, head
        return Verdict.CONTRADICTED, Rule.SOURCES_DISAGREE, f"{head}, not {_claimed(claim)}"
    if against:
        said = "; ".join(
            f"{r.source} gives {_number_words(r.record)}" for r in _one_per_source(against + unsure)
        )
        return (
            Verdict.DISPUTED,
            Rule.SOURCES_SPLIT,
            f"publishers disagree on {what}: {said}; the claim says {_claimed(claim)}",
        )
    others = [r for r in deciding if id(r) in broader and r.comparison == Comparison.DISAGREES]
    if others:
        first = others[0]
        group = defs.group_of(first.source, first.record[E.definition])
        names = [r.source for r in others]
        return (
            Verdict.UNVERIFIABLE,
            Rule.OTHER_DEFINITION_ONLY,
            (
                f"only {_and(names)}, counting {group.label}, "
                f"{'gives' if len(set(names)) == 1 else 'give'} a figure "
                f"({_figure(first.record)}); that cannot contradict {_claimed(claim)} on its own"
            ),
        )
    first = (unsure or deciding or evid)[0]
    return (
        Verdict.UNVERIFIABLE,
        Rule.SOURCES_INCONCLUSIVE,
        (
            f"{first.source} gives {_figure(first.record)}, which neither confirms nor rules out "
            f"{_claimed(claim)}"
        ),
    )


def _below_every_total(claim: Mapping, against: list[_Row]) -> bool:
    """Whether a count claim is under half of every disagreeing publisher's count.

    "21 people were killed" in a sentence about one district, bound to the whole country for
    want of a named place, is far below every national total; a misprint ("639" for "693")
    or an inflated figure is not.
    """
    value = claim[C.value]
    if claim[C.kind] != Kind.COUNT or not _present(value):
        return False
    totals = [r.record[E.value] for r in against]
    if any(not _present(t) for t in totals):
        return False
    return float(value) < 0.5 * min(float(t) for t in totals)


def _part_figure(claim: Mapping, row: Mapping | None) -> str | None:
    """When ``row`` states the claim's number for a part (or the total) of the claim's
    metric, same place and period, the sentence saying so; else None.

    Such a number most often is that part, named in the sentence ("attacks by one group")
    but read as the total: no alarm, say which figure it is."""
    if row is None:
        return None
    region_, period_, metric_, base_ = _differences(row, claim)
    if not metric_ or region_ or period_ or base_:
        return None
    if not labels.part_related(row[R.metric], claim[C.metric]):
        return None
    return (
        f"{row[R.source]}'s {_number_words(row)} in {labels.region_name(row[R.region])} "
        f"{_in_period(row[R.period])} counts {labels.metric_label(row[R.metric])}, not "
        f"{labels.metric_label(claim[C.metric])}; the claim may mean that figure"
    )


def _other_scope(
    claim: Mapping,
    interval: Interval | None,
    mine: list[_Row],
    disagree: list[_Row],
    finder: _Elsewhere,
    named: str,
) -> str | None:
    """When the claim may be a part of the named source's wider toll rather than of the
    narrower one its disagreeing figures count: the sentence saying so; else None.

    A publisher that counts militant attacks and, apart, all violent incidents (attacks plus
    security operations) gives a breakdown of each toll: "attacks and the operations that
    followed claimed 298 lives, including 74 security personnel" is a part of the wider
    toll, which an attacks-only 73 cannot rule out. It applies when every disagreeing figure
    is of a narrower scope (not ``broader`` in ``checks/definitions.yaml``), the claim is
    above them all (a wider count is never smaller), and the source counts, for the same
    place and period, a wider scope whose figure for the measure itself figcheck does not
    hold: either a whole of the claim's measure (its deaths) at least as large as the claim,
    or no whole of it at all ("while 199 were injured" in all incidents, where figcheck holds
    that scope's deaths only). 72 there is still wrong, and so is a part larger than the
    wider whole.
    """
    if claim[C.kind] != Kind.COUNT or interval is None or not disagree:
        return None
    values = [r.record[E.value] for r in disagree]
    if any(not _present(v) for v in values) or interval.low is None or interval.high is None:
        return None
    defs = load_definitions()
    if any(defs.group_of(named, r.record[E.definition]).broader for r in disagree):
        return None
    if interval.low <= max(float(v) for v in values):
        return None  # a wider count is at least the narrower one
    theirs = {r.record[E.definition] for r in mine}
    held = finder.scopes.get((named, claim[C.region], canonical(claim[C.period])), {})
    for definition, figures in sorted(held.items()):
        wider = defs.group_of(named, definition)
        if definition in theirs or not wider.broader:
            continue
        wholes = [(m, v) for m, v in figures if labels.is_part(claim[C.metric], m)]
        large = [(m, v) for m, v in wholes if interval.high <= v]
        if wholes and not large:
            continue  # the wider toll's whole is held, and the claim exceeds it
        first = disagree[0].record
        shown_metric, shown = large[0] if large else figures[0]
        return (
            f"{named}'s {_number_words(first)} "
            f"{labels.metric_label(claim[C.metric])} in "
            f"{labels.region_name(claim[C.region])} {_in_period(claim[C.period])} count "
            f"{defs.group_of(named, first[E.definition]).label}; {named} also counts "
            f"{wider.label} ({format_figure(Kind.COUNT, shown)} "
            f"{labels.metric_label(shown_metric)}), whose figure for "
            f"{labels.metric_label(claim[C.metric])} figcheck does not hold, and "
            f"{_claimed(claim)} may be of that toll"
        )
    return None


def _one_per_source(rows: list[_Row]) -> list[_Row]:
    seen: dict[str, _Row] = {}
    for r in rows:
        seen.setdefault(r.source, r)
    return list(seen.values())


def _date_rule(claim: dict, evid: list[_Row]) -> tuple[Verdict, Rule, str]:
    if not _present(claim[C.date]):
        return (
            Verdict.UNVERIFIABLE,
            Rule.NO_REFERENCE,
            "the year is unknown: the article has no publication date to resolve it against",
        )
    weekday = claim[C.weekday]
    if _present(weekday) and len(claim[C.date]) == 10:
        actual = date.fromisoformat(claim[C.date]).strftime("%A")
        if actual.lower() != str(weekday).lower():
            return (
                Verdict.CONTRADICTED,
                Rule.WEEKDAY_MISMATCH,
                f"{claim[C.date]} was a {actual}, not a {weekday}",
            )
        calendar = f"{claim[C.date]} was a {actual}"
    else:
        calendar = ""
    deciding = [r for r in evid if r.decides]
    if deciding:
        prefix = f"{calendar}; " if calendar else ""
        when = ", ".join(f"{r.source}: {r.record[E.period]}" for r in deciding)
        if any(r.comparison == Comparison.AGREES for r in deciding):
            return (
                Verdict.SUPPORTED,
                Rule.EVENT_DATE_AGREES,
                f"{prefix}the event on record falls within {claim[C.date]} ({when})",
            )
        return (
            Verdict.CONTRADICTED,
            Rule.EVENT_DATE_DISAGREES,
            f"{prefix}the event on record falls outside {claim[C.date]} ({when})",
        )
    if calendar:
        return (
            Verdict.SUPPORTED,
            Rule.CALENDAR_CONSISTENT,
            f"{calendar}; no event on record to match",
        )
    return Verdict.UNVERIFIABLE, Rule.NO_REFERENCE, "no event on record matches this sentence"


def _explain(
    claim: dict,
    evid: list[_Row],
    interval: Interval | None,
    verdict: Verdict,
    summary: str,
    elsewhere: str = "",
) -> str:
    """The summary, then the interval arithmetic: what the claim stands for, each deciding
    figure and how it compares, the context, and what each publisher counts."""
    is_date = claim[C.kind] == Kind.DATE
    stated = f'"{claim[C.text]}"'
    if interval is not None and not is_date:
        stated += f" stands for {interval} ({interval.how})"
    parts = [_sentence(summary).rstrip("."), stated]

    def phrase(r: _Row) -> str:
        later = " (published after the article)" if r.record[E.later] else ""
        return f"{r.record[E.computation]}{later}: {r.comparison}"

    deciding = [phrase(r) for r in evid if r.decides]
    context = [phrase(r) for r in evid if not r.decides]
    if deciding and not is_date:
        parts.append("; ".join(deciding))
    if elsewhere:
        parts.append(elsewhere[:1].upper() + elsewhere[1:])
    text = ". ".join(parts) + f". Verdict: {verdict.value}."
    if context and not is_date:
        text += f" Context, not deciding: {'; '.join(context)}."
    definitions = list(dict.fromkeys((r.source, r.record[E.definition]) for r in evid))
    if not is_date and len({d for _, d in definitions}) > 1:
        # Publishers count different things (terrorist attacks vs all violence): say so.
        each = "; ".join(f"{src}: {str(text_).rstrip('.')}" for src, text_ in definitions)
        text += f" The sources count different things: {each}."
    return text


def _present(x: object) -> bool:
    return not is_missing(x)
