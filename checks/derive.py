"""Figures the sources imply but do not print: percent changes and shares of a total.

Every derived figure stays within one source and one definition of what is counted
("never divide one dataset's count by another's"), is computed at full precision and
carries its inputs and arithmetic, so a reader can redo it. Only the figures that some
claim asks about are derived: the work grows with the distinct questions, not the rows.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from checks.precision import format_number
from checks.schemas import ClaimSchema as C
from checks.schemas import ReferenceSchema as R
from checks.vocabulary import Kind, Stated

REGIONS_FILE = Path(__file__).resolve().parents[1] / "sources" / "vocab" / "regions.yaml"
# Columns a derived figure adds to a reference row: what it was computed from, and how.
INPUTS = "inputs"
COMPUTATION = "computation"
_GROUP = [R.source, R.metric, R.definition]


@cache
def region_parents(path: Path = REGIONS_FILE) -> dict[str, str]:
    """Map each subdivision code to the code of the country it belongs to."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {code: entry["parent"] for code, entry in data.items() if entry.get("parent")}


def derive_figures(claims: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Derive the percent changes and shares that the claims ask about.

    Args:
        claims: a claims table (``ClaimSchema``).
        references: stated reference figures (``ReferenceSchema``).

    Returns:
        Reference rows with ``stated_or_derived == "derived"`` plus ``inputs`` and
        ``computation`` columns; empty (same columns) when nothing can be derived.
    """
    counts = references[references[R.kind] == Kind.COUNT]
    changes = claims[claims[C.kind] == Kind.PERCENT_CHANGE]
    shares = claims[claims[C.kind].isin([Kind.SHARE, Kind.PERCENT])]
    frames = [
        _percent_changes(counts, changes[[C.metric, C.region, C.period, C.base_period]]),
        _shares(counts, shares[[C.metric, C.region, C.period]]),
    ]
    out = pd.concat([f for f in frames if not f.empty] or [_empty(references)], ignore_index=True)
    return out.drop_duplicates(subset=[R.ref_id]).reset_index(drop=True)


def _empty(references: pd.DataFrame) -> pd.DataFrame:
    return references.iloc[0:0].assign(**{INPUTS: pd.Series(dtype=str), COMPUTATION: ""})


def _percent_changes(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    asked = asked.dropna().drop_duplicates()
    if asked.empty:
        return pd.DataFrame()
    asked = asked.rename(columns={C.base_period: "asked_base"})
    pairs = _pair_periods(counts.merge(asked, on=[R.metric, R.region, R.period]), counts)
    if pairs.empty:
        return pd.DataFrame()
    pairs = pairs[pairs["old_value"] > 0]
    change = (pairs[R.value] - pairs["old_value"]) / pairs["old_value"] * 100
    return pairs.assign(
        **{
            R.ref_id: "derived:"
            + pairs[R.source]
            + ":"
            + pairs[R.metric]
            + ":"
            + pairs[R.region]
            + ":"
            + pairs[R.period]
            + "-vs-"
            + pairs[R.base_period],
            R.kind: Kind.PERCENT_CHANGE.value,
            R.value: change,
            R.low: float("nan"),
            R.high: float("nan"),
            R.qualifier: None,
            R.unit: "%",
            R.document: pairs[R.document] + "; " + pairs["document_old"],
            R.stated_or_derived: Stated.DERIVED.value,
            R.note: None,
            INPUTS: [
                f"{format_number(n)} ({p}) and {format_number(o)} ({b})"
                for n, p, o, b in zip(
                    pairs[R.value], pairs[R.period], pairs["old_value"], pairs[R.base_period]
                )
            ],
            COMPUTATION: [
                f"({format_number(n)} − {format_number(o)}) / {format_number(o)} × 100 = {c:+.1f}%"
                for n, o, c in zip(pairs[R.value], pairs["old_value"], change)
            ],
        }
    )[[*_columns(), INPUTS, COMPUTATION]]


def _pair_periods(new: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Join each count of the asked period with the same source's count of the base period."""
    old = counts[[*_GROUP, R.region, R.period, R.value, R.document, R.published]].rename(
        columns={
            R.period: "old_period",
            R.value: "old_value",
            R.document: "document_old",
            R.published: "published_old",
        }
    )
    pairs = new.merge(
        old, left_on=[*_GROUP, R.region, "asked_base"], right_on=[*_GROUP, R.region, "old_period"]
    )
    pairs[R.base_period] = pairs["old_period"]
    # The derived figure is as new as the later of the two documents it rests on.
    pairs[R.published] = pairs[[R.published, "published_old"]].max(axis=1)
    return pairs


def _shares(counts: pd.DataFrame, asked: pd.DataFrame) -> pd.DataFrame:
    asked = asked.dropna().drop_duplicates()
    parents = region_parents()
    rows = []
    for metric, region, period in asked.itertuples(index=False):
        parts = region.split("+")
        owners = {parents.get(p) for p in parts}
        if len(owners) != 1 or None in owners:
            continue  # only shares of provinces in one country's total
        (whole,) = owners
        pool = counts[(counts[R.metric] == metric) & (counts[R.period] == period)]
        for _, group in pool.groupby(_GROUP, sort=False):
            by_region = group.drop_duplicates(subset=[R.region]).set_index(R.region)
            if whole not in by_region.index or not set(parts) <= set(by_region.index):
                continue
            total = by_region.loc[whole]
            if not total[R.value] > 0:
                continue
            part_values = by_region.loc[parts, R.value]
            share = part_values.sum() / total[R.value] * 100
            rows.append(
                total.to_dict()
                | {
                    R.region: region,
                    R.ref_id: f"derived:{total[R.source]}:{metric}:{region}:{period}:share",
                    R.kind: Kind.SHARE.value,
                    R.value: share,
                    R.qualifier: None,
                    R.unit: "%",
                    R.published: by_region[R.published].max(),
                    R.stated_or_derived: Stated.DERIVED.value,
                    R.note: None,
                    INPUTS: " + ".join(f"{format_number(v)} ({r})" for r, v in part_values.items())
                    + f" of {format_number(total[R.value])} ({whole})",
                    COMPUTATION: f"{' + '.join(format_number(v) for v in part_values)} = "
                    f"{format_number(part_values.sum())}; "
                    f"{format_number(part_values.sum())} / {format_number(total[R.value])}"
                    f" × 100 = {share:.1f}%",
                }
            )
    return (
        pd.DataFrame(rows, columns=[*_columns(), INPUTS, COMPUTATION]) if rows else pd.DataFrame()
    )


def _columns() -> list[str]:
    return list(R.to_schema().columns)
