"""How a figure reads (checks.figures): one formatter, with what legitimately differs as parameters."""

from __future__ import annotations

import pytest

from checks.figures import format_figure, format_number


@pytest.mark.parametrize(
    ("x", "kwargs", "expected"),
    [
        (1124.0, {}, "1,124"),
        (16.8, {}, "16.8"),
        (0.12345, {}, "0.1235"),
        (0.12345, {"decimals": 2}, "0.12"),
        (float("nan"), {}, "?"),
        (None, {"missing": "—"}, "—"),
        (float("inf"), {}, "?"),
    ],
)
def test_format_number(x, kwargs, expected):
    assert format_number(x, **kwargs) == expected


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        # A cell abbreviates, a sentence spells out.
        (("percentage_points", 6.0), {}, "+6 pp"),
        (("percentage_points", 6.0), {"spelled": True}, "+6 percentage points"),
        (("percent_change", -3.5), {}, "−3.5%"),
        # Lone bounds read as bounds; a hedge word replaces the default one.
        (("count", None, 170.0), {}, "at least 170"),
        (("count", None, None, 40.0), {}, "up to 40"),
        (("count", None, 170.0, None, "over"), {}, "over 170"),
        (("count", 1500.0, None, None, None, "USD"), {}, "1,500 USD"),
        (("factor", 2.0), {}, "2-fold"),
        (("factor", 1.456), {"decimals": 2}, "1.46-fold"),
        (("rank", 2.0), {}, "rank 2"),
        # What stands in for no figure at all is the caller's.
        (("count",), {"missing": "no figure"}, "no figure"),
        (("count", float("nan")), {"missing": ""}, ""),
        (("date", None), {}, "—"),
    ],
)
def test_format_figure(args, kwargs, expected):
    assert format_figure(*args, **kwargs) == expected


def test_cached_figures_keep_apart_values_that_compare_equal_across_types():
    """format_figure is cached; True == 1 and 65 == 65.0 must not share an entry wrongly."""
    assert format_figure("count", 1) == "1"
    assert format_figure("count", True) == "—"  # a flag is not a number
    assert format_figure("percent", 65.0) == "65%"
    assert format_figure("percent", 65) == "65%"
    # An unhashable argument is formatted uncached, not refused.
    assert format_figure("count", [3]) == "—"
