"""One article's claims as CSV: the result JSON's claim fields without evidence.

Columns: ``article_id``, the claim fields of the contract in its order (verdict, rule,
explanation, interval and tolerance included), then the reviewed exception flattened as
``accepted_reason``, ``accepted_reviewer``, ``accepted_date`` (empty when not accepted).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from checks.values import is_missing
from reports.result import CLAIM_FIELDS, VERDICT_FIELDS

ACCEPTED_FIELDS = ["accepted_reason", "accepted_reviewer", "accepted_date"]
CSV_COLUMNS = ["article_id", *CLAIM_FIELDS, *VERDICT_FIELDS, *ACCEPTED_FIELDS]

# A spreadsheet runs a cell starting with one of these as a formula ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: None as empty; text that a spreadsheet would run gets a leading ``'``.

    Numbers stay numbers (a negative value is not a formula); only text is guarded.
    """
    if is_missing(value):
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def claims_csv(result: Mapping[str, Any]) -> str:
    """Return the CSV text (header row, one row per claim) of one article's result."""
    article_id = (result.get("article") or {}).get("id")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in result.get("claims") or []:
        accepted = claim.get("accepted") or {}
        row = {
            "article_id": article_id,
            **{f: claim.get(f) for f in CLAIM_FIELDS + VERDICT_FIELDS},
            "accepted_reason": accepted.get("reason"),
            "accepted_reviewer": accepted.get("reviewer"),
            "accepted_date": accepted.get("date"),
        }
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return buffer.getvalue()
