"""Data contracts of the pipeline's tables, defined once.

article -> claims (``ClaimSchema``) -> evidence (``EvidenceSchema``, claims matched with
reference rows from ``ReferenceSchema``) -> verdicts (``VerdictSchema``) -> reports.

Column names are read off these models (``ClaimSchema.value == "value"``) by every module
and test, never typed as string literals elsewhere. Each stage validates what it produces
with :func:`validate`, which turns pandera's lazy error report into one ``ContractError``
that names the failing rows.
"""

from __future__ import annotations

from typing import TypeVar

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

import checks.pandas_only  # noqa: F401  (before any schema is built)
from checks.periods import PATTERN as PERIODS_PATTERN
from checks.vocabulary import COMPARISONS, KINDS, QUALIFIERS, RULES, VERDICTS, Stated

# Periods are ISO-8601 prefixes ("2023", "2024-03", "2024-06-27") or spans of two
# ("2024-04/2024-06", the second quarter); ``checks.periods`` reads and writes them.
PERIOD_PATTERN = PERIODS_PATTERN
# Regions are ISO 3166 codes; a combined region joins sorted codes with "+" ("PK-BA+PK-KP").
REGION_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?(\+[A-Z]{2}(-[A-Z0-9]{1,3})?)*$"


class ContractError(ValueError):
    """A table broke its schema; ``failure_cases`` lists column, check, value and row."""

    def __init__(self, table: str, failure_cases: pd.DataFrame) -> None:
        self.table = table
        self.failure_cases = failure_cases
        cases = failure_cases.drop_duplicates(subset=["index", "check"])
        rows = ", ".join(_describe(r) for r in cases.head(10).to_dict("records"))
        more = len(cases) - 10
        super().__init__(
            f"{table} table breaks its contract: {rows}" + (f" and {more} more" if more > 0 else "")
        )


def _describe(case: dict) -> str:
    where = f"row {case['index']}" if case["index"] is not None else "table"
    if case["schema_context"] == "Column":
        return f"{where} column {case['column']}: {case['check']} (got {case['failure_case']!r})"
    return f"{where}: {case['check']}"


class ClaimSchema(pa.DataFrameModel):
    """One row per numeric claim found in an article; values are as stated, not interpreted."""

    article_id: Series[str]
    claim_id: Series[str] = pa.Field(unique=True)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(gt=0)
    sentence: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    value: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True, isin=QUALIFIERS)
    unit: Series[str] = pa.Field(nullable=True)
    metric: Series[str] = pa.Field(nullable=True)
    region: Series[str] = pa.Field(nullable=True, str_matches=REGION_PATTERN)
    period: Series[str] = pa.Field(nullable=True, str_matches=PERIOD_PATTERN)
    # For a change, the period it is measured against ("2022" for a rise in 2023).
    base_period: Series[str] = pa.Field(nullable=True, str_matches=PERIOD_PATTERN)
    attributed_to: Series[str] = pa.Field(nullable=True)
    # For kind "date": the ISO date stated, and the weekday when the text names one.
    date: Series[str] = pa.Field(nullable=True, str_matches=PERIOD_PATTERN)
    weekday: Series[str] = pa.Field(nullable=True)
    # How region, period and source were bound, for the reader: "; "-joined
    # "<field>: <how>" parts, e.g. "region: the article's headline; source: carried from
    # 'PIPS' earlier in the paragraph". None for claims with nothing bound.
    binding: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(name="start < end")
    def _span_is_forward(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    @pa.dataframe_check(name="low <= high")
    def _range_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["low"].isna() | df["high"].isna() | (df["low"] <= df["high"])


class ReferenceSchema(pa.DataFrameModel):
    """One published (or derived) figure with its provenance and what it counts."""

    ref_id: Series[str] = pa.Field(unique=True)
    source: Series[str]  # short name a claim may cite: "PIPS", "Asif Durrani"
    publisher: Series[str]
    document: Series[str]
    published: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    url: Series[str] = pa.Field(str_startswith="http")
    metric: Series[str]
    region: Series[str] = pa.Field(str_matches=REGION_PATTERN)
    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    base_period: Series[str] = pa.Field(nullable=True, str_matches=PERIOD_PATTERN)
    kind: Series[str] = pa.Field(isin=KINDS)
    value: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True, isin=QUALIFIERS)
    unit: Series[str] = pa.Field(nullable=True)
    definition: Series[str] = pa.Field(str_length={"min_value": 1})
    stated_or_derived: Series[str] = pa.Field(isin=[s.value for s in Stated])
    # Words that identify an event in a sentence ("Paktika|Khost"); events only.
    keywords: Series[str] = pa.Field(nullable=True)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(name="a figure has a value or a bound (events excepted)")
    def _has_figure(cls, df: pd.DataFrame) -> Series[bool]:
        has = df["value"].notna() | df["low"].notna() | df["high"].notna()
        return has | (df["kind"] == "date")

    @pa.dataframe_check(name="shares lie within [0, 100]")
    def _share_in_range(cls, df: pd.DataFrame) -> Series[bool]:
        share = df["kind"] == "share"
        ok = df["value"].isna() | df["value"].between(0, 100)
        return ~share | ok

    @pa.dataframe_check(name="counts are not negative")
    def _count_not_negative(cls, df: pd.DataFrame) -> Series[bool]:
        count = df["kind"].isin(["count", "range"])
        return ~count | df["value"].isna() | (df["value"] >= 0)


# Columns a reference data file's CSV carries, in its order; the loader adds source (unless the
# CSV has it per row), publisher, published and url from the descriptor. Event exports are
# aggregated into rows with the same columns (``sources.event_layouts``).
_R = ReferenceSchema
REFERENCE_CSV_COLUMNS: list[str] = [
    _R.ref_id,
    _R.document,
    _R.definition,
    _R.metric,
    _R.region,
    _R.period,
    _R.base_period,
    _R.kind,
    _R.value,
    _R.low,
    _R.high,
    _R.qualifier,
    _R.unit,
    _R.stated_or_derived,
    _R.keywords,
    _R.note,
]

# One reference figure per key: two rows agreeing on all of these would be two answers to
# one question (the loader and the reference quality gate both check it).
REFERENCE_KEY: list[str] = [
    ReferenceSchema.source,
    ReferenceSchema.document,
    ReferenceSchema.metric,
    ReferenceSchema.region,
    ReferenceSchema.period,
    ReferenceSchema.base_period,
    ReferenceSchema.kind,
    ReferenceSchema.definition,
]


class EvidenceSchema(pa.DataFrameModel):
    """One row per (claim, reference figure) pair considered for a claim.

    ``claim_low``..``claim_high_closed`` is the interval the claim stands for at its own
    precision; ``ref_low``..``ref_high_closed`` the interval the reference figure stands
    for. ``agrees`` says whether they overlap; ``decides`` whether the figure counts for
    the verdict (the named source, or every comparable source when none is named).
    """

    evidence_id: Series[str] = pa.Field(unique=True)  # "<claim_id>|<ref_id>"
    article_id: Series[str]
    claim_id: Series[str]
    ref_id: Series[str]
    source: Series[str]
    document: Series[str]
    published: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    url: Series[str] = pa.Field(str_startswith="http")
    metric: Series[str]
    region: Series[str]
    period: Series[str]
    base_period: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(isin=KINDS)
    value: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True)
    definition: Series[str]
    derived: Series[bool]
    inputs: Series[str] = pa.Field(nullable=True)  # "693 (2023) / 419 (2022)" for derived rows
    computation: Series[str]  # the arithmetic shown to a reader
    claim_low: Series[float] = pa.Field(nullable=True)
    claim_high: Series[float] = pa.Field(nullable=True)
    claim_low_closed: Series[bool]
    claim_high_closed: Series[bool]
    ref_low: Series[float] = pa.Field(nullable=True)
    ref_high: Series[float] = pa.Field(nullable=True)
    ref_low_closed: Series[bool]
    ref_high_closed: Series[bool]
    tolerance: Series[str]  # how the claim's interval was obtained, for the reader
    named: Series[bool]  # the claim names this source
    later: Series[bool]  # published after the article: context, never decisive
    decides: Series[bool]
    agrees: Series[bool]
    test: Series[str] = pa.Field(isin=["overlap", "claim-within", "ref-within"])
    comparison: Series[str] = pa.Field(isin=COMPARISONS)

    class Config:
        strict = True
        coerce = True


class VerdictSchema(pa.DataFrameModel):
    """One row per claim: the verdict, the rule that decided it and its arithmetic."""

    article_id: Series[str]
    claim_id: Series[str] = pa.Field(unique=True)
    verdict: Series[str] = pa.Field(isin=VERDICTS)
    # Id of the rule that decided (``checks.vocabulary.Rule``), shown in the report with its
    # description from ``RULE_DESCRIPTIONS``.
    rule: Series[str] = pa.Field(isin=RULES)
    # The conclusion in one plain sentence a reader gets at once ("PIPS reported 693
    # deaths in 2023, not 893."); ``explanation`` follows with the arithmetic.
    summary: Series[str] = pa.Field(str_length={"min_value": 1})
    explanation: Series[str] = pa.Field(str_length={"min_value": 1})
    interval: Series[str] = pa.Field(nullable=True)  # the claim at its precision: "[64.5, 65.5)"
    tolerance: Series[str] = pa.Field(nullable=True)  # how that interval was obtained

    class Config:
        strict = True
        coerce = True


M = TypeVar("M", bound=pa.DataFrameModel)


def empty(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Return an empty table with ``model``'s columns and dtypes ("nothing found")."""
    return model.validate(pd.DataFrame({c: [] for c in columns(model)}))


def columns(model: type[pa.DataFrameModel]) -> list[str]:
    """Return the column names of ``model`` in declaration order."""
    return list(model.to_schema().columns)


def validate(model: type[pa.DataFrameModel], df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Validate ``df`` against ``model`` lazily; raise ``ContractError`` naming the rows.

    Columns are put in the model's order, so every producer hands on the same layout.
    """
    try:
        out = model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ContractError(table, exc.failure_cases) from exc
    return out[columns(model)].reset_index(drop=True)
