"""The result JSON of one article: the contract CI and other tools read (see README).

Built only from the claims, evidence and verdict tables; nothing is recomputed here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from checks.exceptions import AcceptanceSchema as A
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema as E
from checks.schemas import VerdictSchema as V
from checks.vocabulary import VERDICTS, Kind

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


def build_result(
    article: Mapping[str, Any],
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    verdicts: pd.DataFrame,
    run: Mapping[str, Any],
    accepted: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Assemble one article's result.

    Args:
        article: ``{"id", "title", "published", "path"}``, optionally ``published_from``,
            ``url`` and ``publisher``.
        claims, evidence, verdicts: that article's rows of the three tables.
        run: run metadata (``generated_at``, ``figcheck_version``, ``reference_version``,
            ``data_docs``).
        accepted: that article's rows of the acceptance table (reviewed exceptions), or None.

    Returns:
        A JSON-ready dict: ``{"article", "claims", "summary", "run"}``.
    """
    by_claim = {cid: rows for cid, rows in evidence.groupby(E.claim_id, sort=False)}
    judged = verdicts.set_index(V.claim_id)
    acceptances = {} if accepted is None else accepted.set_index(A.claim_id).to_dict("index")
    out_claims = []
    for claim in claims.to_dict("records"):
        entry = {f: _clean(claim[f]) for f in CLAIM_FIELDS}
        if claim[C.kind] == Kind.DATE:
            entry[C.value] = _clean(claim[C.date])  # a date's value is the ISO date stated
        verdict = judged.loc[claim[C.claim_id]]
        entry |= {f: _clean(verdict[f]) for f in VERDICT_FIELDS}
        acceptance = acceptances.get(claim[C.claim_id])
        entry["accepted"] = (
            None
            if acceptance is None
            else {f: _clean(acceptance[f]) for f in (A.reason, A.reviewer, A.date)}
        )
        rows = by_claim.get(claim[C.claim_id])
        entry["evidence"] = (
            []
            if rows is None
            else [{f: _clean(r[f]) for f in EVIDENCE_FIELDS} for r in rows.to_dict("records")]
        )
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
    if x is None or x is pd.NA:
        return None
    if hasattr(x, "item"):  # numpy scalar
        x = x.item()
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def dumps(result: Mapping[str, Any]) -> str:
    """Serialise a result (or ``{"articles": [...]}``) as indented UTF-8 JSON."""
    return json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
