"""The result JSON of one article: the contract CI and other tools read (see README).

Built only from the claims, evidence and verdict tables; nothing is recomputed here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import orjson
import pandas as pd

from checks.exceptions import AcceptanceSchema as A
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema as E
from checks.schemas import ReferenceSchema as R
from checks.schemas import VerdictSchema as V
from checks.values import is_missing
from checks.vocabulary import VERDICTS, Kind, Stated

# Claim fields in the order the contract lists them; extras after.
CLAIM_FIELDS = [
    C.claim_id,
    C.text,
    C.start,
    C.end,
    C.sentence,
    C.kind,
    C.value,
    C.low,
    C.high,
    C.qualifier,
    C.unit,
    C.metric,
    C.region,
    C.period,
    C.base_period,
    C.attributed_to,
    C.weekday,
    C.binding,
]
VERDICT_FIELDS = [V.verdict, V.rule, V.summary, V.explanation, V.interval, V.tolerance]
EVIDENCE_FIELDS = [
    E.source,
    E.document,
    E.published,
    E.url,
    E.metric,
    E.region,
    E.period,
    E.base_period,
    E.kind,
    E.value,
    E.low,
    E.high,
    E.qualifier,
    E.derived,
    E.inputs,
    E.definition,
    E.computation,
    E.agrees,
    E.decides,
    E.named,
    E.later,
]


ARTICLE_OPTIONAL = ("published_from", "url", "publisher")
# A chart context row: a stated reference figure measuring what the claim measures.
CONTEXT_FIELDS = [R.source, R.period, R.base_period, R.kind, R.value, R.low, R.high]
CONTEXT_FIELDS += [R.qualifier, R.unit]


def chart_blocks(
    claims: pd.DataFrame,
    verdicts: pd.DataFrame,
    references: pd.DataFrame | None,
) -> dict[str, dict[str, Any]]:
    """Each charted claim's ``chart`` block, for a whole batch at once.

    A block is what a renderer needs beyond the claim and its evidence, so it never
    re-queries the reference table or re-parses interval text:

    * ``interval``: ``[low, high]``, the claim's interval at its precision as numbers
      (``None`` for an unbounded end), read once from the verdict's interval: the one its
      explanation shows (against figcheck's own arithmetic a claimed percentage may have
      been rounded twice, so a claim's evidence rows need not all hold the same one);
    * ``context``: the stated reference rows with the claim's metric, region and kind
      (``CONTEXT_FIELDS``);
    * ``sources``: every source of the reference table, sorted: the order colours are
      dealt in, so a source has one colour in every chart of a report.

    Dates and claims without a metric get no block (they have no chart).
    """
    from reports.chart import parse_interval  # shared reading of "[64.5, 65.5)"

    charted = claims[(claims[C.kind] != Kind.DATE) & claims[C.metric].notna()]
    if charted.empty:
        return {}
    blocks: dict[str, dict[str, Any]] = {}
    # Plain dicts and column lists (``records``): per-claim pandas lookups and
    # ``to_dict("records")`` on Arrow strings cost more than the rest of the block.
    texts = dict(zip(verdicts[V.claim_id].tolist(), verdicts[V.interval].tolist(), strict=True))
    sources: list[str] = []
    # The stated reference rows by (metric, region, kind), each made a context row once:
    # the claims of a batch that measure one thing share those rows (read-only).
    by_measure: dict[tuple, list[dict[str, Any]]] = {}
    if references is not None and not references.empty:
        sources = sorted(set(references[R.source].dropna().astype(str)))
        keys = [R.metric, R.region, R.kind]
        stated = references[references[R.stated_or_derived] == Stated.STATED]
        for row in records(stated, list(dict.fromkeys([*keys, *CONTEXT_FIELDS]))):
            by_measure.setdefault(tuple(_clean(row[k]) for k in keys), []).append(
                {f: _clean(row[f]) for f in CONTEXT_FIELDS}
            )
    # Missing keys as None on both sides: a missing region meets a missing region, as in a
    # pandas merge.
    measures = zip(*(charted[k].tolist() for k in (C.metric, C.region, C.kind)), strict=True)
    context = {
        claim_id: list(by_measure.get(tuple(map(_clean, measure)), ()))
        for claim_id, measure in zip(charted[C.claim_id].tolist(), measures, strict=True)
    }
    for claim_id in charted[C.claim_id].tolist():
        parsed = parse_interval(_clean(texts.get(claim_id)))
        interval = list(parsed) if parsed else None
        blocks[claim_id] = {
            "interval": interval,
            "context": context.get(claim_id, []),
            "sources": sources,
        }
    return blocks


Rows = pd.DataFrame | list[dict[str, Any]]


def records(table: Rows, fields: list[str]) -> list[dict[str, Any]]:
    """``table``'s rows as dicts of ``fields`` (a list of dicts is returned as it is).

    Column by column (``Series.tolist``): for Arrow-backed string columns this is many
    times faster than ``DataFrame.to_dict("records")``.
    """
    if isinstance(table, list):
        return table
    columns = [table[f].tolist() for f in fields]
    return [dict(zip(fields, row, strict=True)) for row in zip(*columns, strict=True)]


# The fields a result reads from each table (as ``records`` of a batch's tables).
CLAIM_INPUT = [C.article_id, *CLAIM_FIELDS, C.date]
EVIDENCE_INPUT = [E.article_id, E.claim_id, *EVIDENCE_FIELDS]
VERDICT_INPUT = [V.article_id, V.claim_id, *VERDICT_FIELDS]
ACCEPTED_INPUT = [A.article_id, A.claim_id, A.reason, A.reviewer, A.date]


def build_result(
    article: Mapping[str, Any],
    claims: Rows,
    evidence: Rows,
    verdicts: Rows,
    run: Mapping[str, Any],
    accepted: Rows | None = None,
    charts: Mapping[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Assemble one article's result.

    Args:
        article: ``{"id", "title", "published", "path"}``, optionally ``published_from``,
            ``url`` and ``publisher``.
        claims, evidence, verdicts: that article's rows of the three tables, as tables or
            as ``records`` (with at least the ``*_INPUT`` fields).
        run: run metadata (``generated_at``, ``figcheck_version``, ``reference_version``,
            ``data_docs``).
        accepted: that article's rows of the acceptance table (reviewed exceptions), or None.
        charts: ``chart`` blocks by claim id (``chart_blocks``); claims without one get none.

    Returns:
        A JSON-ready dict: ``{"article", "claims", "summary", "run"}``.
    """
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for row in records(evidence, EVIDENCE_INPUT):
        by_claim.setdefault(row[E.claim_id], []).append(row)
    judged = {r[V.claim_id]: r for r in records(verdicts, VERDICT_INPUT)}
    acceptances = (
        {} if accepted is None else {r[A.claim_id]: r for r in records(accepted, ACCEPTED_INPUT)}
    )
    out_claims = []
    for claim in records(claims, CLAIM_INPUT):
        entry = {f: _clean(claim[f]) for f in CLAIM_FIELDS}
        if claim[C.kind] == Kind.DATE:
            entry[C.value] = _clean(claim[C.date])  # a date's value is the ISO date stated
        verdict = judged[claim[C.claim_id]]
        entry |= {f: _clean(verdict[f]) for f in VERDICT_FIELDS}
        acceptance = acceptances.get(claim[C.claim_id])
        entry["accepted"] = (
            None
            if acceptance is None
            else {f: _clean(acceptance[f]) for f in (A.reason, A.reviewer, A.date)}
        )
        rows = by_claim.get(claim[C.claim_id], [])
        entry["evidence"] = [{f: _clean(r[f]) for f in EVIDENCE_FIELDS} for r in rows]
        entry["chart"] = None if charts is None else charts.get(claim[C.claim_id])
        out_claims.append(entry)
    summary = {v: 0 for v in VERDICTS}
    for c in out_claims:
        summary[c[V.verdict]] += 1
    return {
        "article": {
            **{k: article[k] for k in ("id", "title", "published", "path")},
            # Optional, for a header a checker can cite: where the date came from, the
            # article's own URL and its outlet (None when unknown).
            **{k: article.get(k) for k in ARTICLE_OPTIONAL},
        },
        "claims": out_claims,
        "summary": summary,
        "run": dict(run),
    }


def _clean(x: Any) -> Any:
    """Plain JSON values: numpy scalars to Python, NaN/NA to None, whole floats kept."""
    cls = type(x)
    if cls is str or cls is int or cls is bool:  # most values: plain already
        return x
    if is_missing(x):  # numpy's float64 is a float: its NaN is caught here too
        return None
    return x.item() if hasattr(x, "item") else x  # numpy scalar


def dumps(result: Mapping[str, Any]) -> str:
    """Serialise a result (or ``{"articles": [...]}``) as indented UTF-8 JSON.

    orjson writes the same text as ``json.dumps(indent=2, ensure_ascii=False)`` about 25×
    faster (the stdlib's C encoder does not indent); it is there already, as Prefect's.
    """
    try:
        return orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n"
    except TypeError:  # a type orjson does not know: the stdlib says which
        return json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
