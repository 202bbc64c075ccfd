"""Custom Great Expectations expectation: a claim's interval meets its reference interval.

This module imports ``great_expectations`` at the top, which takes seconds: import it lazily
(``checks.gx_suite`` does so inside its functions), never on the CLI's start-up path.

Defining the classes registers them with GX (its metaclasses add every concrete
``Expectation`` and ``MetricProvider`` subclass to GX's registries when the class body runs),
so importing this module once per process is all the registration needed. A suite saved as
JSON names the expectation ``expect_claim_interval_to_overlap_reference`` and the metric
``claim_interval.overlaps_reference``; a fresh process must import this module before it
loads or runs such a suite.

The agreement rule is restated here from its definition, independently of the judge, so that
GX re-checks the judge rather than repeating it. The judge records, per evidence row, the
interval the claim must meet (``ref_*``) and the test that applies (``test``); a row agrees:

* ``overlap``: iff the two intervals intersect;
* ``claim-within``: iff the claim's interval lies inside the reference's (a claimed range
  against a reference range: "between 6,000 and 10,000" does not agree with "6,000-6,500");
* ``ref-within``: iff the reference's interval lies inside the claim's (a reference bound,
  "at least 645", agrees with a hedged claim, "more than 600", only when it implies it).

Each interval is ``low, high, low_closed, high_closed``; a null bound is unbounded on that
side (−inf or +inf) and an unbounded end is never closed. Two intervals intersect iff
``max(lows) < min(highs)``, or ``max(lows) == min(highs)`` and both touching endpoints are
closed (when both lows, or both highs, are equal the intersection's end is closed only if
both are). ``A`` lies inside ``B`` iff ``A``'s low is above ``B``'s, or equal with ``B``'s
closed or ``A``'s open, and the same for the highs mirrored. Without a ninth (test) column
the test is ``overlap``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

# isort: off
import checks.gx_lean  # noqa: F401  (before GX is imported: spares its unused imports)
# isort: on
from great_expectations.compatibility import pydantic
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    MulticolumnMapMetricProvider,
    multicolumn_condition_partial,
)
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer
from great_expectations.render.renderer_configuration import (
    RendererConfiguration,
    RendererValueType,
)

# The eight columns, in the order the metric reads them (by position, so a caller may pass
# differently named columns in the same order).
INTERVAL_COLUMNS: list[str] = [
    "claim_low",
    "claim_high",
    "claim_low_closed",
    "claim_high_closed",
    "ref_low",
    "ref_high",
    "ref_low_closed",
    "ref_high_closed",
]

# The optional ninth column: which test applies (``overlap`` when absent).
TEST_COLUMN = "test"
TESTS = ("overlap", "claim-within", "ref-within")

METRIC_NAME = "claim_interval.overlaps_reference"

# The sentence shown in Data Docs; $column_list_N are the eight column names.
TEMPLATE = (
    "Claim interval ($column_list_0, $column_list_1; closed ends $column_list_2, "
    "$column_list_3) must meet (overlap, or lie inside / contain, as the row's test column "
    "says) reference interval ($column_list_4, $column_list_5; "
    "closed ends $column_list_6, $column_list_7): a null bound is unbounded, and touching "
    "intervals overlap only where both touching ends are closed."
)


def _bounds(
    frame: pd.DataFrame, offset: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return (low, high, low_closed, high_closed) arrays of the interval at ``offset``."""
    low = pd.to_numeric(frame.iloc[:, offset]).to_numpy(dtype=float, na_value=np.nan)
    high = pd.to_numeric(frame.iloc[:, offset + 1]).to_numpy(dtype=float, na_value=np.nan)
    low_closed = frame.iloc[:, offset + 2].fillna(False).to_numpy(dtype=bool)
    high_closed = frame.iloc[:, offset + 3].fillna(False).to_numpy(dtype=bool)
    # A null bound is unbounded; an infinite end is never part of the interval.
    low = np.where(np.isnan(low), -np.inf, low)
    high = np.where(np.isnan(high), np.inf, high)
    return low, high, low_closed & np.isfinite(low), high_closed & np.isfinite(high)


def _inside(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> np.ndarray:
    """Per row, whether interval ``a`` lies inside interval ``b`` (both as from ``_bounds``)."""
    a_low, a_high, a_low_closed, a_high_closed = a
    b_low, b_high, b_low_closed, b_high_closed = b
    low_ok = (a_low > b_low) | ((a_low == b_low) & (b_low_closed | ~a_low_closed))
    high_ok = (a_high < b_high) | ((a_high == b_high) & (b_high_closed | ~a_high_closed))
    return low_ok & high_ok


def intervals_agree(frame: pd.DataFrame) -> pd.Series:
    """Per row of the eight interval columns and an optional ninth test column, agreement.

    Parameters:
        frame: columns, in order: claim low, high, low closed, high closed, the same four
            for the reference, and optionally the test (``TESTS``; ``overlap`` if absent).

    Returns:
        A boolean Series on ``frame``'s index.
    """
    overlaps = intervals_overlap(frame.iloc[:, :8]).to_numpy()
    if frame.shape[1] < 9:
        return pd.Series(overlaps, index=frame.index, dtype=bool)
    test = frame.iloc[:, 8].fillna("overlap").astype(str).to_numpy()
    claim, ref = _bounds(frame, 0), _bounds(frame, 4)
    result = np.where(
        test == "claim-within",
        _inside(claim, ref),
        np.where(test == "ref-within", _inside(ref, claim), overlaps),
    )
    return pd.Series(result, index=frame.index, dtype=bool)


def intervals_overlap(frame: pd.DataFrame) -> pd.Series:
    """Return, per row of the eight interval columns (in ``INTERVAL_COLUMNS`` order), overlap.

    Parameters:
        frame: a DataFrame whose columns are, in order, claim low, claim high, claim
            low closed, claim high closed, then the same four for the reference.

    Returns:
        A boolean Series on ``frame``'s index: True where the two intervals intersect.
    """
    c_low, c_high, c_low_closed, c_high_closed = _bounds(frame, 0)
    r_low, r_high, r_low_closed, r_high_closed = _bounds(frame, 4)

    low = np.maximum(c_low, r_low)
    high = np.minimum(c_high, r_high)
    # The intersection's low end is closed when the larger low is closed (both, if equal).
    low_closed = np.where(
        c_low > r_low,
        c_low_closed,
        np.where(r_low > c_low, r_low_closed, c_low_closed & r_low_closed),
    )
    high_closed = np.where(
        c_high < r_high,
        c_high_closed,
        np.where(r_high < c_high, r_high_closed, c_high_closed & r_high_closed),
    )
    overlaps = (low < high) | ((low == high) & low_closed & high_closed)
    return pd.Series(overlaps, index=frame.index, dtype=bool)


class ClaimIntervalOverlapsReference(MulticolumnMapMetricProvider):
    """Row-wise metric: does the claim's interval intersect the reference's interval?"""

    condition_metric_name = METRIC_NAME
    condition_domain_keys = (
        "batch_id",
        "table",
        "column_list",
        "row_condition",
        "condition_parser",
        "ignore_row_if",
    )
    condition_value_keys = ()

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list: pd.DataFrame, **kwargs: Any) -> pd.Series:
        return intervals_agree(column_list)


class ExpectClaimIntervalToOverlapReference(MulticolumnMapExpectation):
    """Expect each row's claim interval to intersect its reference figure's interval.

    ``column_list`` names eight columns in the order of ``INTERVAL_COLUMNS`` (the default).
    Every row is counted (``ignore_row_if="never"``): a null bound means unbounded, not
    missing. With ``mostly=1`` the expectation fails whenever one piece of evidence
    disagrees with its claim, which is normal for contradicted or disputed claims; the
    unexpected rows are the disagreeing (claim, reference) pairs.
    """

    column_list: list[str] = pydantic.Field(default_factory=lambda: list(INTERVAL_COLUMNS))
    ignore_row_if: Literal["all_values_are_missing", "any_value_is_missing", "never"] = "never"

    map_metric = METRIC_NAME
    success_keys = ("mostly",)
    args_keys = ("column_list",)

    library_metadata: ClassVar[dict[str, Any]] = {
        "maturity": "experimental",
        "tags": ["figcheck", "multi-column expectation"],
        "contributors": ["figcheck"],
    }

    @pydantic.validator("column_list")
    def _eight_columns(cls, v: list[str]) -> list[str]:
        if len(v) not in (len(INTERVAL_COLUMNS), len(INTERVAL_COLUMNS) + 1):
            raise ValueError(
                f"column_list must name {len(INTERVAL_COLUMNS)} interval columns and "
                f"optionally a test column, got {v}"
            )
        return v

    @classmethod
    def _prescriptive_template(
        cls, renderer_configuration: RendererConfiguration
    ) -> RendererConfiguration:
        renderer_configuration.add_param(name="column_list", param_type=RendererValueType.ARRAY)
        renderer_configuration = cls._add_array_params(
            array_param_name="column_list",
            param_prefix="column_list_",
            renderer_configuration=renderer_configuration,
        )
        renderer_configuration.template_str = TEMPLATE
        return renderer_configuration

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(
        cls,
        configuration: Any = None,
        result: Any = None,
        runtime_configuration: dict | None = None,
        **kwargs: Any,
    ) -> list[RenderedStringTemplateContent]:
        if configuration is None and result is not None:
            configuration = result.expectation_config
        kwargs_ = configuration.kwargs if configuration is not None else {}
        columns = list(kwargs_.get("column_list") or INTERVAL_COLUMNS)
        params: dict[str, Any] = {f"column_list_{i}": name for i, name in enumerate(columns)}
        styling = (runtime_configuration or {}).get("styling")
        return [
            RenderedStringTemplateContent(
                content_block_type="string_template",
                string_template={"template": TEMPLATE, "params": params, "styling": styling},
            )
        ]
