"""Great Expectations re-check of the evidence table, with Data Docs for fact-checkers.

Division of labour: figcheck's judge decides each claim's verdict by aggregating its
evidence rows; this module independently re-checks the evidence table row by row with
GX Core 1.x, so GX's Data Docs show each (claim, reference figure) pair passing or failing.
GX's per-row pass/fail (``GxOutcome.row_results.gx_agrees``) must equal the judge's
``agrees`` column; the pipeline asserts that, so the agreement rule exists twice, written
independently (``checks.gx_expectations`` restates it from its definition: overlap, or
containment one way or the other as the row's ``test`` column says).

The suite ("figcheck-evidence") holds:

* ``expect_claim_interval_to_overlap_reference`` (custom, ``checks.gx_expectations``) over
  the eight interval columns and the ``test`` column, every row counted, ``mostly=1``. It fails whenever some
  evidence disagrees with its claim, which is normal for contradicted and disputed claims:
  a failing suite is a finding, not an error.
* structural expectations: ``source``, ``url``, ``published``, ``definition`` and
  ``computation`` not null; ``url`` matches ``^https?://``; ``evidence_id`` unique; ``kind``
  in the ``Kind`` vocabulary.

Validation runs in an ephemeral GX context (nothing is written but the Data Docs): a pandas
data source with a dataframe asset and a whole-dataframe batch definition, a
``ValidationDefinition`` and a ``Checkpoint``; an ``UpdateDataDocsAction`` then builds one
site of our own in a new folder per run under ``docs_dir`` (GX's site builder deletes the
pages of results it does not hold, so a shared site would lose every earlier run's page,
and the reports linking to it), and ``checks.gx_docs`` makes its pages work offline. Results use ``result_format`` COMPLETE keyed by
``evidence_id`` with ``exclude_unexpected_values``: every failing row is named by its id
alone, which keeps a batch with thousands of disagreeing rows fast (``result_format``).
Before the pages are built, the first ``SAMPLE_SIZE`` failing rows of each expectation get
their values back, so Data Docs show a sample table of failing rows with their ids. Many
articles are one bigger table and one validation.

``great_expectations`` takes seconds to import, so it is imported only inside the
functions here; importing this module is cheap.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import numpy as np
import pandas as pd

import checks.gx_lean  # noqa: F401  (before GX is imported: spares its unused imports)
from checks.schemas import EvidenceSchema
from checks.values import is_missing
from checks.vocabulary import KINDS

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuite

logger = logging.getLogger(__name__)

SUITE_NAME = "figcheck-evidence"
DOCS_SITE_NAME = "figcheck_evidence_docs"  # not GX's default "local_site" (a temp folder)
ID_COLUMN = EvidenceSchema.evidence_id  # the key failing rows are reported by
OVERLAP_EXPECTATION = "expect_claim_interval_to_overlap_reference"
INTERVAL_COLUMNS = [
    EvidenceSchema.claim_low,
    EvidenceSchema.claim_high,
    EvidenceSchema.claim_low_closed,
    EvidenceSchema.claim_high_closed,
    EvidenceSchema.ref_low,
    EvidenceSchema.ref_high,
    EvidenceSchema.ref_low_closed,
    EvidenceSchema.ref_high_closed,
    EvidenceSchema.test,  # which agreement test applies to the row (checks.gx_expectations)
]
NOT_NULL_COLUMNS = [
    EvidenceSchema.source,
    EvidenceSchema.url,
    EvidenceSchema.published,
    EvidenceSchema.definition,
    EvidenceSchema.computation,
]
URL_PATTERN = r"^https?://"
ROW_RESULT_COLUMNS = [ID_COLUMN, "gx_agrees"]
FAILURE_COLUMNS = ["expectation", "column", ID_COLUMN]
SAMPLE_SIZE = 20  # failing rows shown per expectation in Data Docs


@dataclass
class GxOutcome:
    """What one GX validation of the evidence table found.

    Attributes:
        success: every expectation passed (False as soon as one evidence row disagrees
            with its claim, which is normal for disputed claims).
        row_results: one row per evidence row: ``evidence_id`` and ``gx_agrees`` (the
            custom overlap expectation's verdict on that row).
        statistics: GX's suite statistics (evaluated/successful expectation counts).
        docs_index: the Data Docs ``index.html`` written under ``docs_dir``, if one was given.
        result: ``CheckpointResult.describe_dict()``, made JSON-safe (no numpy, no NaN).
        failures: every unexpected row of every expectation: expectation, column (or the
            column list joined by ","), evidence_id; empty when all passed.
        docs_page: this run's validation-result page under ``docs_dir`` (static HTML that
            lists each failing evidence_id; the index page needs JavaScript from a CDN to
            list its runs, the result page does not).
    """

    success: bool
    row_results: pd.DataFrame
    statistics: dict
    docs_index: Path | None
    result: dict
    failures: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=FAILURE_COLUMNS, dtype=object)
    )
    docs_page: Path | None = None


def build_suite() -> ExpectationSuite:
    """Return the "figcheck-evidence" expectation suite (not yet added to a context)."""
    import great_expectations as gx

    from checks import gx_expectations

    expectations = [
        gx_expectations.ExpectClaimIntervalToOverlapReference(
            column_list=list(INTERVAL_COLUMNS), ignore_row_if="never", mostly=1.0
        ),
        *(gx.expectations.ExpectColumnValuesToNotBeNull(column=c) for c in NOT_NULL_COLUMNS),
        gx.expectations.ExpectColumnValuesToMatchRegex(
            column=EvidenceSchema.url, regex=URL_PATTERN
        ),
        gx.expectations.ExpectColumnValuesToBeUnique(column=ID_COLUMN),
        gx.expectations.ExpectColumnValuesToBeInSet(
            column=EvidenceSchema.kind, value_set=list(KINDS)
        ),
    ]
    return gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations)


def ephemeral_context(docs_dir: Path | None, site_name: str) -> Any:
    """A quiet ephemeral GX context, with a Data Docs site ``site_name`` under ``docs_dir``.

    The ephemeral context's own ``local_site`` lives in a temporary folder; ours is added
    under an absolute path so reports can link to it. GX is imported here, not at module
    import: it takes seconds.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if docs_dir is not None:
        docs_dir = Path(docs_dir).resolve()
        docs_dir.mkdir(parents=True, exist_ok=True)
        context.add_data_docs_site(
            site_name=site_name,
            site_config={
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def validate_evidence(evidence: pd.DataFrame, docs_dir: Path | None = None) -> GxOutcome:
    """Validate the evidence table with GX; optionally write Data Docs.

    Parameters:
        evidence: the evidence table (``EvidenceSchema`` columns; several articles at once
            is fine: it is one validation).
        docs_dir: folder for the Data Docs site; created if missing. None writes no docs.

    Returns:
        A ``GxOutcome``; ``row_results`` has one row per evidence row, in table order.

    Raises:
        GxRunError: GX caught an error inside the overlap metric (e.g. a non-numeric bound),
            so there are no per-row verdicts to report.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.core.result_format import ResultFormat

    docs_dir = run_folder(Path(docs_dir)) if docs_dir is not None else None
    context = ephemeral_context(docs_dir, DOCS_SITE_NAME)
    actions: list[Any] = []  # Data Docs are built after the run, with samples added back

    batch_definition = (
        context.data_sources.add_pandas("figcheck")
        .add_dataframe_asset("evidence")
        .add_batch_definition_whole_dataframe("all evidence")
    )
    suite = context.suites.add(build_suite())
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name="figcheck-evidence", data=batch_definition, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name="figcheck-evidence",
            validation_definitions=[validation],
            actions=actions,
            result_format=result_format(ResultFormat.COMPLETE),
        )
    )
    frame = evidence.reset_index(drop=True)
    checkpoint_result = checkpoint.run(batch_parameters={"dataframe": frame})

    ((result_id, suite_result),) = checkpoint_result.run_results.items()
    _check_overlap_ran(suite_result.results)
    failures = _failures(suite_result.results)
    result = json_safe(checkpoint_result.describe_dict())  # before samples: every failing id
    if docs_dir is not None:
        # GX was told to leave out the failing rows' values (the slow part); put a sample
        # back for the pages, so Data Docs still show failing rows with their ids.
        _add_samples(suite_result.results, frame)
        _name_asset(suite_result, frame)
        context.validation_results_store.set(result_id, suite_result)
        UpdateDataDocsAction(name="data_docs", site_names=[DOCS_SITE_NAME]).run(checkpoint_result)
        from checks.gx_docs import make_site_offline

        make_site_offline(docs_dir)
    failing = set(failures.loc[failures["expectation"] == OVERLAP_EXPECTATION, ID_COLUMN])
    ids = frame[ID_COLUMN].astype(str)
    row_results = pd.DataFrame(
        {ID_COLUMN: ids, "gx_agrees": ~ids.isin(failing)}, columns=ROW_RESULT_COLUMNS
    )
    return GxOutcome(
        success=bool(checkpoint_result.success),
        row_results=row_results,
        statistics=json_safe(dict(suite_result.statistics)),
        docs_index=(docs_dir / "index.html") if docs_dir is not None else None,
        result=result,
        failures=failures,
        docs_page=_docs_page(context, result_id) if docs_dir is not None else None,
    )


def run_folder(docs_dir: Path) -> Path:
    """A new, empty folder for one run's Data Docs under ``docs_dir``: never reused.

    Named by the UTC time and a random suffix ("20261202T124530Z-3fa2b1"), so folders sort
    by run and two runs in the same second do not collide.
    """
    docs_dir = Path(docs_dir).resolve()
    docs_dir.mkdir(parents=True, exist_ok=True)
    while True:
        stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
        try:
            (docs_dir / stamp).mkdir()
        except FileExistsError:
            continue
        return docs_dir / stamp


def asset_name(frame: pd.DataFrame) -> str:
    """A readable name for the validated table: "evidence of <article ids> (N rows)"."""
    ids = list(dict.fromkeys(frame[EvidenceSchema.article_id].astype(str))) if len(frame) else []
    shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
    rows = f"{len(frame)} row{'s' * (len(frame) != 1)}"
    return f"evidence of {shown} ({rows})" if ids else f"evidence ({rows})"


def _name_asset(suite_result: Any, frame: pd.DataFrame) -> None:
    """Give the Data Docs page a readable "Data asset" (GX shows None for a dataframe)."""
    meta = suite_result.meta
    spec = dict(meta.get("batch_spec") or {})
    spec["data_asset_name"] = asset_name(frame)
    spec.pop("batch_data", None)  # "PandasDataFrame": says nothing to a reader
    meta["batch_spec"] = spec


def _docs_page(context: Any, result_id: Any) -> Path | None:
    """Return the local path of the Data Docs page of validation result ``result_id``."""
    urls = context.get_docs_sites_urls(resource_identifier=result_id, site_name=DOCS_SITE_NAME)
    url = urls[0].get("site_url") if urls else None
    if not url or not url.startswith("file://"):
        return None
    return Path(unquote(urlparse(url).path))


class GxRunError(RuntimeError):
    """GX could not evaluate the overlap expectation, so it has no per-row verdicts."""


def _check_overlap_ran(results: list[Any]) -> None:
    """Raise ``GxRunError`` unless the overlap expectation ran and listed its failing rows.

    GX catches an exception raised inside a metric and reports the expectation as failed
    with no unexpected rows; read naively, that would mark every row as agreeing.
    """
    (res,) = [r for r in results if r.expectation_config.type == OVERLAP_EXPECTATION]
    error = _exception_message(res)
    if error is None and not res.success and "unexpected_index_list" not in (res.result or {}):
        error = "its result lists no unexpected rows"
    if error is not None:
        raise GxRunError(f"GX could not evaluate {OVERLAP_EXPECTATION}: {error}")


def _exception_message(res: Any) -> str | None:
    """Return the message of an exception GX caught for this result, or None."""
    info = res.exception_info or {}
    # GX 1.x reports either one flat dict or one dict per failing metric.
    for entry in [info, *(v for v in info.values() if isinstance(v, dict))]:
        if entry.get("raised_exception") or entry.get("exception_message"):
            return str(entry.get("exception_message") or "unknown error")
    return None


def _failures(results: list[Any]) -> pd.DataFrame:
    """Return one row per (expectation, unexpected evidence row) from GX's results."""
    rows = []
    for res in results:
        if res.success:
            continue
        kwargs = res.expectation_config.kwargs
        column = kwargs.get("column") or ",".join(kwargs.get("column_list") or [])
        for key in _unexpected_ids(res.result or {}):
            rows.append((res.expectation_config.type, column, str(key)))
        error = _exception_message(res)
        if error is not None:
            logger.warning("GX expectation %s raised: %s", res.expectation_config.type, error)
    return pd.DataFrame(rows, columns=FAILURE_COLUMNS, dtype=object)


def result_format(kind: str) -> dict[str, Any]:
    """GX's result format for a validation whose failing rows are named by ``evidence_id``.

    ``exclude_unexpected_values`` makes GX return the failing rows' ids as one list instead
    of one dict of values per row, and no pandas query string: measured on 15,000 evidence
    rows with half of them failing, 0.3 s instead of 3 s (see ``bench/README.md``).
    """
    return {
        "result_format": kind,
        "unexpected_index_column_names": [ID_COLUMN],
        "partial_unexpected_count": SAMPLE_SIZE,
        "exclude_unexpected_values": True,
        "return_unexpected_index_query": False,
    }


def _unexpected_ids(result: dict, id_column: str = ID_COLUMN) -> list[Any]:
    """The ids of a result's failing rows, whether GX listed them per row or in one list."""
    ids: list[Any] = []
    for item in result.get("unexpected_index_list") or []:
        value = item.get(id_column) if isinstance(item, dict) else item
        ids.extend(value if isinstance(value, list) else [value])
    return ids


def _add_samples(results: list[Any], frame: pd.DataFrame) -> None:
    """Give each failing map expectation a sample of its failing rows, values and ids.

    This is what GX's COMPLETE format would have listed for the first ``SAMPLE_SIZE``
    failing rows; its renderer turns it into the "Sampled Unexpected Values" table.
    """
    by_id = frame.set_index(frame[ID_COLUMN].astype(str), drop=False)
    for res in results:
        result = res.result or {}
        ids = [str(i) for i in _unexpected_ids(result)][:SAMPLE_SIZE]
        if res.success or not ids:
            continue
        kwargs = res.expectation_config.kwargs
        columns = kwargs.get("column_list") or [kwargs.get("column")]
        sample = by_id.loc[ids, columns].astype(object).where(by_id.loc[ids, columns].notna())
        values = [
            interval_label(json_safe(row))
            if columns == INTERVAL_COLUMNS
            else json_safe(row[columns[0]])
            for row in sample.to_dict("records")
        ]
        label = "claim vs reference" if columns == INTERVAL_COLUMNS else columns[0]
        keyed = [{label: v, ID_COLUMN: i} for v, i in zip(values, ids, strict=True)]
        counts: dict[str, int] = {}
        for v in values:
            counts[repr(v)] = counts.get(repr(v), 0) + 1
        result["partial_unexpected_list"] = values
        result["partial_unexpected_index_list"] = keyed
        result["unexpected_index_list"] = keyed
        result["partial_unexpected_counts"] = [
            {"value": next(v for v in values if repr(v) == key), "count": n}
            for key, n in counts.items()
        ]


def interval_label(row: dict[str, Any]) -> str:
    """A failing overlap row in words: "claim [44.5, 45.5) · reference [55.5, 56.5)"."""

    def side(prefix: str) -> str:
        low, high = row.get(f"{prefix}_low"), row.get(f"{prefix}_high")
        # A null bound is unbounded, so that end is open whatever its flag says.
        opening = "[" if not is_missing(low) and row.get(f"{prefix}_low_closed") is True else "("
        closing = "]" if not is_missing(high) and row.get(f"{prefix}_high_closed") is True else ")"
        lo = "−∞" if is_missing(low) else f"{float(low):g}"
        hi = "∞" if is_missing(high) else f"{float(high):g}"
        return f"{opening}{lo}, {hi}{closing}"

    return f"claim {side('claim')} · reference {side('ref')}"


def json_safe(value: Any) -> Any:
    """Return ``value`` with numpy scalars/arrays as Python values and NaN/inf as None."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return [json_safe(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if is_missing(value) or value is pd.NaT:
        return None
    return str(value)
