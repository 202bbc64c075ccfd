"""Reference-data quality gate: a GX suite over the loaded reference table.

The loader (``sources.references``) refuses rows that break a rule of one row (a negative
count, a share above 100, an unknown id). This gate checks what only the table as a whole
shows, and restates the per-row rules so that GX's Data Docs list them all:

| check | how |
|---|---|
| ``share-in-0-100`` | ``share_value`` (the value of share rows) between 0 and 100 |
| ``unique-key`` | ``figure_key`` (source, document, metric, region, period, base period, kind, definition) unique |
| ``part-within-country`` | a province's count ≤ its country's count (same source, metric, period, definition) |
| ``part-within-total`` | a sub-metric's count ≤ its total's (``parts_of`` in ``sources/vocab/metrics.yaml``) |
| ``change-matches-counts`` | a stated percent change contains the change its own counts give, at its rounding |
| ``url-present`` / ``url-https`` | every row has an ``https://`` URL |
| ``published-present`` / ``published-iso`` | every row has an ISO publication date |

Comparisons across rows are prepared as columns of one derived frame (one row per
reference row: the total it must not exceed, the change its counts imply), so built-in
column and column-pair expectations express every check; failing rows are named by
``ref_id`` and mapped back to file and line. ``great_expectations`` is imported lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checks.derive import region_parents
from checks.precision import Tolerances, stated_interval
from checks.schemas import PERIOD_PATTERN, REFERENCE_KEY
from checks.schemas import ReferenceSchema as R
from checks.values import is_missing, text_or_empty
from checks.vocabulary import Kind
from sources import yaml_safe

REFERENCE_DOCS_SITE = "figcheck_reference_docs"

SUITE_NAME = "figcheck-reference-data"
METRICS_FILE = Path(__file__).resolve().parents[1] / "sources" / "vocab" / "metrics.yaml"
KEY_COLUMNS = REFERENCE_KEY
PROBLEM_COLUMNS = ["file", "line", "column", "check", "value"]
_GROUP = [R.source, R.period, R.definition]


@dataclass(frozen=True)
class Check:
    """One expectation of the gate: its id, the column a reader should look at, and GX's."""

    id: str
    column: str
    expectation: str
    kwargs: dict[str, Any]


def _at_least(check_id: str, column_a: str, column_b: str) -> Check:
    """A check that ``column_a >= column_b`` on every row where both are present."""
    return Check(
        check_id,
        R.value,
        "ExpectColumnPairValuesAToBeGreaterThanB",
        {
            "column_A": column_a,
            "column_B": column_b,
            "or_equal": True,
            "ignore_row_if": "either_value_is_missing",
        },
    )


CHECKS = [
    Check(
        "share-in-0-100",
        R.value,
        "ExpectColumnValuesToBeBetween",
        {"column": "share_value", "min_value": 0, "max_value": 100},
    ),
    Check(
        "unique-key",
        ", ".join(KEY_COLUMNS),
        "ExpectColumnValuesToBeUnique",
        {"column": "figure_key"},
    ),
    _at_least("part-within-country", "country_total", "part_value"),
    _at_least("part-within-total", "metric_total", "part_value"),
    _at_least("change-matches-counts", "counts_change", "stated_low"),
    _at_least("change-matches-counts", "stated_high", "counts_change"),
    Check("url-present", R.url, "ExpectColumnValuesToNotBeNull", {"column": R.url}),
    Check(
        "url-https",
        R.url,
        "ExpectColumnValuesToMatchRegex",
        {"column": R.url, "regex": r"^https://"},
    ),
    Check(
        "published-present", R.published, "ExpectColumnValuesToNotBeNull", {"column": R.published}
    ),
    Check(
        "published-iso",
        R.published,
        "ExpectColumnValuesToMatchRegex",
        {"column": R.published, "regex": PERIOD_PATTERN.replace("(", "(?:")},
    ),
]


@dataclass
class GateOutcome:
    """The gate's findings: ``problems`` (file, line, column, check, value), empty when clean."""

    success: bool
    problems: pd.DataFrame
    docs_page: Path | None = None


@cache
def metric_parts(path: Path = METRICS_FILE) -> dict[str, str]:
    """Map each sub-metric id to the total it is part of (``parts_of`` in metrics.yaml)."""
    data = yaml_safe.safe_load(path.read_text(encoding="utf-8")) or {}
    return {mid: str(e["parts_of"]) for mid, e in data.items() if (e or {}).get("parts_of")}


def gate_frame(
    references: pd.DataFrame,
    tolerances: Tolerances | None = None,
    parts: dict[str, str] | None = None,
    parents: dict[str, str] | None = None,
) -> pd.DataFrame:
    """One row per reference row with the columns the gate's expectations compare.

    Args:
        references: the reference table (``ReferenceSchema``), as loaded.
        tolerances: how a stated change's rounding is read.
        parts: sub-metric -> total metric (default: the bundled ``metric_parts()``).
        parents: subdivision -> country (default: the bundled ``region_parents()``).

    Returns:
        ``ref_id, url, published, share_value, figure_key, part_value, country_total,
        metric_total, counts_change, stated_low, stated_high`` (missing where a check does
        not apply to the row).
    """
    tol = tolerances or Tolerances.load()
    refs = references.reset_index(drop=True)
    counts = refs[(refs[R.kind] == Kind.COUNT) & refs[R.value].notna()]
    is_count = (refs[R.kind] == Kind.COUNT) & refs[R.value].notna()
    frame = pd.DataFrame(
        {
            R.ref_id: refs[R.ref_id],
            R.url: refs[R.url],
            R.published: refs[R.published],
            "share_value": refs[R.value].where(refs[R.kind] == Kind.SHARE),
            "figure_key": [
                " | ".join(text_or_empty(v) for v in key)
                for key in refs[KEY_COLUMNS].itertuples(index=False)
            ],
            "part_value": refs[R.value].where(is_count),
        }
    )
    # The country total of each province's count, within one source, period and definition.
    parents = region_parents() if parents is None else parents
    country = refs[R.region].map(parents)
    totals = counts.set_index([*_GROUP, R.metric, R.region])[R.value]
    totals = totals[~totals.index.duplicated()]
    frame["country_total"] = _lookup(totals, refs, {R.region: country}, is_count)
    # The total metric of each sub-metric's count, in the same region.
    parts = metric_parts() if parts is None else parts
    frame["metric_total"] = _lookup(totals, refs, {R.metric: refs[R.metric].map(parts)}, is_count)
    # A report's change rests on the counts it gives itself, a restated base included.
    own = counts.set_index([R.document, *_GROUP, R.metric, R.region])[R.value]
    own = own[~own.index.duplicated()]
    frame[["counts_change", "stated_low", "stated_high"]] = _changes(refs, totals, own, tol)
    return frame


def _lookup(
    totals: pd.Series, refs: pd.DataFrame, replace: dict[str, pd.Series], rows: pd.Series
) -> pd.Series:
    """The total whose key is each row's key with ``replace`` applied; NaN if none."""
    keys = refs[[*_GROUP, R.metric, R.region]].assign(**replace)
    index = pd.MultiIndex.from_frame(keys)
    found = pd.Series(totals.reindex(index).to_numpy(), index=refs.index, dtype=float)
    return found.where(rows & keys.notna().all(axis=1))


def _changes(refs: pd.DataFrame, totals: pd.Series, own: pd.Series, tol: Tolerances
             ) -> pd.DataFrame:
    """For stated percent changes: the change their own counts give, and the stated interval.

    Each count is the change's own document's where it gives one (``own``, keyed by the
    document first: "54 against October's 30" restates October), else any document's."""
    out = pd.DataFrame(np.nan, index=refs.index, columns=["counts_change", "b", "c"])
    out.columns = ["counts_change", "stated_low", "stated_high"]
    changes = refs[(refs[R.kind] == Kind.PERCENT_CHANGE) & refs[R.value].notna()]
    for i, row in changes.iterrows():
        key = (row[R.source], row[R.period], row[R.definition], row[R.metric], row[R.region])
        old = (row[R.source], row[R.base_period], row[R.definition], row[R.metric], row[R.region])
        new_count, old_count = (_count(own, totals, row[R.document], k) for k in (key, old))
        if new_count is None or old_count is None or not old_count > 0:
            continue
        interval = stated_interval(
            row[R.kind], row[R.value], row[R.low], row[R.high], row[R.qualifier], tol
        )
        if interval is None:
            continue
        out.loc[i] = [
            (new_count - old_count) / old_count * 100,
            interval.low if interval.low is not None else np.nan,
            interval.high if interval.high is not None else np.nan,
        ]
    return out


def _count(own: pd.Series, totals: pd.Series, document: str, key: tuple) -> float | None:
    """The count under ``key`` that ``document`` gives, else any document's, else None."""
    mine = (document, *key)
    return own[mine] if mine in own.index else totals.get(key)


def selection_hierarchies(
    references: pd.DataFrame, vocab_dirs: tuple[Path, ...] = ()
) -> tuple[dict[str, str], dict[str, str]]:
    """``(parts, parents)`` for a table loaded with packs: the packs' ``parts_of`` merged
    with the bundled ones, and each ISO subdivision's country ("IN-MH" -> "IN")."""
    from sources.packs import merged_vocabulary

    metrics = merged_vocabulary("metrics.yaml", vocab_dirs).entries
    parts = {m: str(e["parts_of"]) for m, e in metrics.items() if (e or {}).get("parts_of")}
    regions = merged_vocabulary("regions.yaml", vocab_dirs).entries
    parents = {c: str(e["parent"]) for c, e in regions.items() if (e or {}).get("parent")}
    for code in references[R.region].dropna().unique():
        if "-" in code and "+" not in code:
            parents.setdefault(code, code.split("-", 1)[0])
    return parts, parents


def validate_references(
    references: pd.DataFrame,
    origins: pd.DataFrame | None = None,
    docs_dir: Path | None = None,
    vocab_dirs: tuple[Path, ...] | None = None,
) -> GateOutcome:
    """Run the gate over the reference table with GX; name each failing row's file and line.

    Args:
        references: the reference table (``ReferenceSchema``).
        origins: ``file`` and ``line`` per reference row (``load_references_with_origins``).
        docs_dir: where to write Data Docs; None writes none.
        vocab_dirs: packs' ``vocab/`` folders whose ``parts_of`` and region parents count
            too (``DataSelection.vocab_dirs``); None for the bundled vocabulary only.

    Returns:
        A ``GateOutcome`` whose ``problems`` has ``PROBLEM_COLUMNS``.
    """
    from checks.gx_suite import _unexpected_ids, ephemeral_context

    context = ephemeral_context(docs_dir, REFERENCE_DOCS_SITE)
    import great_expectations as gx  # already imported by ephemeral_context: no cost
    from great_expectations.checkpoint import UpdateDataDocsAction

    if vocab_dirs is None:
        frame = gate_frame(references)
    else:
        parts, parents = selection_hierarchies(references, vocab_dirs)
        frame = gate_frame(references, parts=parts, parents=parents)
    actions: list[Any] = []
    if docs_dir is not None:
        actions.append(UpdateDataDocsAction(name="docs", site_names=[REFERENCE_DOCS_SITE]))
    batch = (
        context.data_sources.add_pandas("figcheck")
        .add_dataframe_asset("references")
        .add_batch_definition_whole_dataframe("all references")
    )
    expectations = [
        getattr(gx.expectations, c.expectation)(**c.kwargs, meta={"check": c.id}) for c in CHECKS
    ]
    suite = context.suites.add(gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=SUITE_NAME, data=batch, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=SUITE_NAME,
            validation_definitions=[validation],
            actions=actions,
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": [R.ref_id],
                "exclude_unexpected_values": True,
                "return_unexpected_index_query": False,
            },
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    ((_, suite_result),) = result.run_results.items()
    by_config = {(c.expectation, tuple(sorted(map(str, c.kwargs.items())))): c for c in CHECKS}
    rows = []
    where = _origins(references, origins)
    values = references.set_index(R.ref_id)
    lookup = frame.set_index(R.ref_id)
    for res in suite_result.results:
        if res.success:
            continue
        check = _check_of(res, by_config)
        for ref_id in _unexpected_ids(res.result or {}, R.ref_id):
            file, line = where.get(ref_id, ("reference table", None))
            rows.append(
                {
                    "file": file,
                    "line": line,
                    "column": check.column,
                    "check": check.id,
                    "value": _shown(check, values.loc[ref_id], lookup.loc[ref_id]),
                }
            )
    problems = pd.DataFrame(rows, columns=PROBLEM_COLUMNS).drop_duplicates()
    return GateOutcome(bool(result.success), problems.reset_index(drop=True))


def _check_of(res: Any, by_config: dict) -> Check:
    config = res.expectation_config
    name = "".join(part.capitalize() for part in config.type.split("_"))
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    key = (name, tuple(sorted(map(str, kwargs.items()))))
    return by_config.get(key) or next(c for c in CHECKS if c.id == (config.meta or {})["check"])


def _origins(references: pd.DataFrame, origins: pd.DataFrame | None) -> dict[str, tuple]:
    if origins is None or len(origins) != len(references):
        return {}
    return {
        ref_id: (file, None if is_missing(line) else int(line))
        for ref_id, file, line in zip(
            references[R.ref_id], origins["file"], origins["line"], strict=True
        )
    }


def _shown(check: Check, row: pd.Series, derived: pd.Series) -> str:
    """The value a reader needs to see why the row failed."""
    value = row[R.value]
    if check.id in ("part-within-country", "part-within-total"):
        total = derived["country_total" if check.id == "part-within-country" else "metric_total"]
        return f"{value:g} > total {total:g}"
    if check.id == "change-matches-counts":
        return (
            f"stated {value:g}% vs {derived['counts_change']:.1f}% from its counts "
            f"(stated stands for [{derived['stated_low']:g}, {derived['stated_high']:g}))"
        )
    if check.id == "unique-key":
        return str(derived["figure_key"])
    if check.column in (R.url, R.published):
        return text_or_empty(row[check.column])
    return f"{value:g}"


def refuse_failures(outcome: GateOutcome) -> None:
    """Raise ``ReferenceDataError`` listing the gate's problems (file, line, column), if any.

    Used when packs are loaded for a check: a pack that fails the gate is not used at all.
    """
    if outcome.problems.empty:
        return
    from sources.references import Problem, ReferenceDataError

    raise ReferenceDataError(
        [
            Problem(
                str(row["file"]),
                None if is_missing(row["line"]) else int(row["line"]),
                str(row["column"]) or None,
                f"fails the quality gate ({row['check']}): {row['value']}",
            )
            for row in outcome.problems.to_dict("records")
        ]
    )
