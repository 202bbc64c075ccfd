"""Event-level datasets (one row per attack) aggregated to reference figures.

Two export layouts are understood, as their publishers ship them:

* ``gtd``: the Global Terrorism Database (START, University of Maryland): ``iyear, imonth,
  iday, country_txt, provstate, nkill, nwound, gname, ...``; one row per incident.
* ``acled``: ACLED exports: ``event_date, year, event_type, country, admin1, fatalities,
  actor1, ...``; one row per event. Which ``event_type`` values count as attacks is the
  descriptor's choice (``events.attack_event_types``): ACLED also records protests and
  strategic developments, which are not attacks.

Each layout becomes tidy rows per metric, region and year: ``attacks`` (the number of
events), ``deaths`` (the sum of ``nkill`` / ``fatalities``) and, for GTD, ``injured`` (the
sum of ``nwound``), per province and per country. A blank count is unknown and adds nothing
to a sum (GTD leaves ``nkill`` blank when it is not known), so such a sum is stated as
``at_least`` and its note says how many events had the count blank. Province and country names are mapped to ISO codes through
``sources/vocab/regions.yaml`` (``name`` and ``aliases``, case-insensitive). A name that is
not there is reported as a problem (file, row, column, name), never dropped silently; a
blank or ``Unknown`` province counts towards its country only.

These are pure functions on DataFrames; ``sources.references`` reads the file and checks
the rows they return like any other reference rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from checks.schemas import REFERENCE_CSV_COLUMNS
from sources import yaml_safe

# Per layout: the columns it needs, and where year, country, province and counts are.
LAYOUTS: dict[str, dict[str, str]] = {
    "gtd": {
        "year": "iyear",
        "country": "country_txt",
        "province": "provstate",
        "deaths": "nkill",
        "injured": "nwound",
    },
    "acled": {
        "year": "year",
        "country": "country",
        "province": "admin1",
        "deaths": "fatalities",
        "event_type": "event_type",
    },
}
# Columns of the tidy rows this module returns: those of a reference data file's CSV.
TIDY_COLUMNS: list[str] = REFERENCE_CSV_COLUMNS
UNKNOWN_PROVINCES = {"", "unknown", "n/a", "na", "none"}
# The header is line 1 in every format, so data row i (0-based) is line i + 2.
FIRST_LINE = 2


@dataclass(frozen=True)
class EventProblem:
    """A row the aggregation cannot use: line in the file, column, and what is wrong."""

    line: int | None
    column: str
    message: str


@dataclass(frozen=True)
class RegionNames:
    """ISO codes by lower-case name or alias: countries, and subdivisions per country."""

    countries: dict[str, str]
    subdivisions: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> RegionNames:
        """Read ``regions.yaml``: every ``name`` and alias of each code."""
        return cls.from_entries(yaml_safe.safe_load(path.read_text(encoding="utf-8")) or {})

    @classmethod
    def from_entries(cls, data: Mapping[str, Any]) -> RegionNames:
        """Index region entries (code -> ``name``, ``aliases``, ``parent``) by name.

        The first code listed for a name keeps it (curated entries come before ISO ones).
        """
        countries: dict[str, str] = {}
        subdivisions: dict[str, dict[str, str]] = {}
        for code, entry in data.items():
            names = [entry.get("name"), *(entry.get("aliases") or [])]
            keys = {str(n).strip().lower() for n in names if n}
            parent = entry.get("parent")
            target = subdivisions.setdefault(parent, {}) if parent else countries
            for key in keys:
                target.setdefault(key, code)
        return cls(countries, subdivisions)


def required_columns(layout: str) -> list[str]:
    """The columns an export in ``layout`` must have."""
    return list(LAYOUTS[layout].values())


def aggregate_events(
    events: pd.DataFrame,
    layout: str,
    names: RegionNames,
    document: str,
    definition: str,
    options: Mapping[str, Any] | None = None,
) -> tuple[pd.DataFrame, list[EventProblem]]:
    """Aggregate an event export to tidy count rows per metric, region and year.

    Args:
        events: the export as read, one row per event, columns as strings or numbers.
        layout: ``"gtd"`` or ``"acled"``.
        names: region names to ISO codes (``RegionNames.load``).
        document, definition: the descriptor ids every row cites.
        options: the descriptor's ``events`` mapping: ``countries`` (names to keep; others
            are left out, as declared) and, for ACLED, ``attack_event_types``.

    Returns:
        ``(rows, problems)``: rows with ``TIDY_COLUMNS`` (strings, as a CSV would give them),
        sorted by metric, region and period; problems name unknown places and bad numbers.
        When there are problems the rows are not to be used.
    """
    cols = LAYOUTS[layout]
    options = options or {}
    frame = events.reset_index(drop=True)
    frame["_line"] = frame.index + FIRST_LINE
    problems: list[EventProblem] = []
    keep = options.get("countries")
    if keep:
        wanted = {str(k).strip().lower() for k in keep}
        frame = frame[_text(frame[cols["country"]]).str.lower().isin(wanted)]
    if layout == "acled":
        types = {str(t) for t in options.get("attack_event_types") or []}
        if not types:
            problems.append(
                EventProblem(
                    None,
                    "events.attack_event_types",
                    "ACLED needs the event types "
                    "that count as attacks (e.g. Explosions/Remote violence)",
                )
            )
        frame = frame[_text(frame[cols["event_type"]]).isin(types)]
    year = pd.to_numeric(frame[cols["year"]], errors="coerce")
    problems += _bad(frame, year.isna() | (year % 1 != 0), cols["year"], "not a year")
    country = _text(frame[cols["country"]])
    country_code = country.str.lower().map(names.countries)
    problems += _bad(
        frame,
        country_code.isna(),
        cols["country"],
        "unknown country name {value!r}: add it to sources/vocab/regions.yaml",
    )
    province = _text(frame[cols["province"]])
    known_blank = province.str.lower().isin(UNKNOWN_PROVINCES)
    province_code = pd.Series(
        [
            names.subdivisions.get(c, {}).get(p.lower()) if isinstance(c, str) else None
            for c, p in zip(country_code, province, strict=True)
        ],
        index=frame.index,
        dtype=object,
    )
    problems += _bad(
        frame,
        country_code.notna() & ~known_blank & province_code.isna(),
        cols["province"],
        "unknown province name {value!r}: add it (or an alias) to sources/vocab/regions.yaml",
    )
    metrics = {"deaths": cols["deaths"]} | (
        {"injured": cols["injured"]} if "injured" in cols else {}
    )
    numbers = {}
    for metric, column in metrics.items():
        raw = frame[column]
        number = pd.to_numeric(raw, errors="coerce")
        blank = _text(raw) == ""
        problems += _bad(frame, number.isna() & ~blank, column, "not a number: {value!r}")
        problems += _bad(frame, number < 0, column, "a count cannot be negative: {value!r}")
        numbers[metric] = number
    if problems:
        return pd.DataFrame(columns=TIDY_COLUMNS), problems
    tidy = pd.DataFrame(
        {
            "period": year.astype(int).astype(str),
            "country": country_code,
            "province": province_code,
            "attacks": 1,
            **numbers,
        }
    )
    rows = [
        _rows(tidy, "country", document, definition, layout),
        _rows(tidy[tidy["province"].notna()], "province", document, definition, layout),
    ]
    out = pd.concat([r for r in rows if not r.empty] or [pd.DataFrame(columns=TIDY_COLUMNS)])
    return out.sort_values(["metric", "region", "period"]).reset_index(drop=True), []


def _rows(
    tidy: pd.DataFrame, level: str, document: str, definition: str, layout: str
) -> pd.DataFrame:
    """Sum each metric per region (``level`` column) and year; one tidy row per sum."""
    metrics = [m for m in ("attacks", "deaths", "injured") if m in tidy]
    if tidy.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    grouped = tidy.groupby([level, "period"], sort=True)
    sums = grouped[metrics].sum(min_count=0)
    # A blank count adds nothing; say how many events had it blank, so the sum reads right.
    blanks = grouped[[m for m in metrics if m != "attacks"]].agg(lambda s: int(s.isna().sum()))
    out = []
    for (region, period), row in sums.iterrows():
        for metric in metrics:
            missing = int(blanks.loc[(region, period), metric]) if metric != "attacks" else 0
            note = f"aggregated from {layout.upper()} events"
            if missing:
                note += f"; {missing} event(s) with the count blank add nothing"
            out.append(
                {
                    "ref_id": f"{metric}-{region.lower()}-{period}",
                    "document": document,
                    "definition": definition,
                    "metric": metric,
                    "region": region,
                    "period": period,
                    "kind": "count",
                    "value": f"{float(row[metric]):g}",
                    # Unknown counts make the sum a lower bound, and the figure says so.
                    "qualifier": "at_least" if missing else "",
                    "stated_or_derived": "stated",
                    "note": note,
                }
            )
    return pd.DataFrame(out).reindex(columns=TIDY_COLUMNS).astype(object).fillna("")


def _text(column: pd.Series) -> pd.Series:
    """A column as stripped strings, blanks for missing values."""
    return column.astype(object).where(column.notna(), "").astype(str).str.strip()


def _bad(frame: pd.DataFrame, mask: pd.Series, column: str, message: str) -> list[EventProblem]:
    """One problem per row where ``mask`` holds; ``{value!r}`` in ``message`` is the cell."""
    mask = mask.fillna(False).astype(bool)
    return [
        EventProblem(int(line), column, message.format(value=value))
        for line, value in zip(frame.loc[mask, "_line"], frame.loc[mask, column], strict=True)
    ]
