"""Literal claim and reference rows for the stage tests (judge, derive, match).

Every column of the contract is present (None where a test does not care), so a row built
here validates against ``ClaimSchema`` / ``ReferenceSchema`` as soon as its test fills in
what it is about; each test module sets its own defaults on top.
"""

from __future__ import annotations

from checks.schemas import ClaimSchema, ReferenceSchema, columns

URL = "https://example.org/report"


def claim_row(**kw) -> dict:
    """A claim row: a count in article "a", claim "a#1", overridden by ``kw``."""
    row = {c: None for c in columns(ClaimSchema)}
    row |= {
        "article_id": "a",
        "claim_id": "a#1",
        "text": "x",
        "start": 0,
        "end": 1,
        "sentence": "s",
        "kind": "count",
    }
    return row | kw


def reference_row(ref_id: str, **kw) -> dict:
    """A stated reference row: S1's count of deaths in Pakistan in 2023, overridden by ``kw``."""
    row = {c: None for c in columns(ReferenceSchema)}
    row |= {
        "ref_id": ref_id,
        "source": "S1",
        "publisher": "Pub",
        "document": "Doc",
        "published": "2024-01-04",
        "url": URL,
        "metric": "deaths",
        "region": "PK",
        "period": "2023",
        "kind": "count",
        "definition": "deaths",
        "stated_or_derived": "stated",
    }
    return row | kw
