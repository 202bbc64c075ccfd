"""The interval a stated figure stands for (checks.precision)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from checks.precision import (
    TOLERANCES_FILE,
    Interval,
    Tolerances,
    claim_qualifier,
    date_interval,
    stated_decimals,
    stated_interval,
)

TOL = Tolerances.load()


def test_tolerances_have_one_source_the_bundled_file(tmp_path: Path):
    bundled = yaml.safe_load(TOLERANCES_FILE.read_text(encoding="utf-8"))
    assert dataclasses.asdict(Tolerances.load()) == bundled
    partial = tmp_path / "nearly.yaml"
    partial.write_text("nearly: 0.2\n", encoding="utf-8")
    # A user's file replaces what it names; the rest still comes from the bundled file.
    assert dataclasses.asdict(Tolerances.load(partial)) == {**bundled, "nearly": 0.2}
    with pytest.raises(TypeError):
        Tolerances()  # no second set of defaults written in code


@pytest.mark.parametrize(
    ("kind", "value", "low", "high", "qualifier", "expected"),
    [
        ("percent_change", 65, None, None, None, "[64.5, 65.5)"),
        ("share", 16.8, None, None, None, "[16.75, 16.85)"),
        ("share", 90, None, None, "over", "(90, 100]"),
        ("count", 645, None, None, "at_least", "[645, +inf)"),
        ("count", 1124, None, None, None, "[1124, 1124]"),
        # 70,000: last non-zero digit gives ± 5,000, capped at 5% = 3,500
        ("count", 70000, None, None, None, "[66500, 73500]"),
        ("count", 1000, None, None, "nearly", "[900, 1000]"),
        ("count", 200, None, None, "about", "[180, 220]"),
        ("count", 50, None, None, "under", "[0, 50)"),
        ("share", 40, None, None, "up_to", "[0, 40]"),
        ("range", None, 5000, 6000, None, "[5000, 6000]"),
        # A fall: the hedge bounds its size, so the interval lies on the magnitude's side.
        ("percent_change", -20, None, None, "nearly", "[-20, -18]"),
        ("percent_change", -30, None, None, "over", "(-inf, -30)"),
        ("percent_change", -30, None, None, "at_least", "(-inf, -30]"),
        ("percent_change", -10, None, None, "up_to", "[-10, +inf)"),
        ("percent_change", -10, None, None, "about", "[-11, -9]"),
        # Multiplier words: nearer 2 than "rose by half" (1.5) or "two and a half times".
        ("factor", 2, None, None, None, "[1.75, 2.25]"),
        ("factor", 3, None, None, None, "[2.625, 3.375]"),
        ("factor", 0.5, None, None, None, "[0.4375, 0.5625]"),  # halved
        ("factor", 2, None, None, "nearly", "[1.75, 2]"),  # no stricter than "doubled"
        ("factor", 2, None, None, "about", "[1.75, 2.25]"),  # "roughly doubled"
        ("factor", 2, None, None, "over", "(2, +inf)"),  # "more than doubled"
        ("factor", 2.5, None, None, None, "[2.45, 2.55)"),  # "2.5-fold": digits, rounded
    ],
)
def test_stated_interval(kind, value, low, high, qualifier, expected):
    assert str(stated_interval(kind, value, low, high, qualifier, TOL)) == expected


@pytest.mark.parametrize(
    ("kind", "value", "twice", "expected"),
    [
        # A writer's change, rounded at its last digit or cut there, never towards zero.
        ("percent_change", 45, False, "[44.5, 46)"),
        ("percent_change", 16.8, False, "[16.75, 16.9)"),
        ("percent_change", -9, False, "(-10, -8.5]"),
        ("percent_change", 0, False, "[-0.5, 0.5)"),
        # Counts and shares are not cut.
        ("share", 45, False, "[44.5, 45.5)"),
        ("count", 45, False, "[45, 45]"),
        # Against figcheck's own arithmetic, a writer's percentage may have been rounded
        # twice: a twentieth of a unit further towards zero, no more.
        ("percent_change", 45, True, "[44.45, 46)"),
        ("percent_change", 16.8, True, "[16.745, 16.9)"),
        ("percent_change", -9, True, "(-10, -8.45]"),
        ("percent_change", 0, True, "[-0.5, 0.5)"),
        ("share", 45, True, "[44.45, 45.5)"),
        ("percent", 40, True, "[39.45, 40.5)"),
        ("count", 45, True, "[45, 45]"),
    ],
)
def test_a_claimed_change_may_be_cut_or_rounded_twice(kind, value, twice, expected):
    assert str(stated_interval(kind, value, None, None, None, TOL, claimed=True,
                               twice=twice)) == expected
    # A publisher's printed change is read at its digits.
    if kind == "percent_change" and value:
        assert str(stated_interval(kind, value, None, None, None, TOL)).endswith("5)")


def test_a_twice_rounded_change_reaches_a_twentieth_of_a_unit():
    # 7,413 -> 4,486 is -39.49%: printed "-39.5%", then written "a 40% decrease"; +44.3% is
    # still no "45%".
    fall = stated_interval("percent_change", -40, None, None, None, TOL, claimed=True,
                           twice=True)
    assert fall.overlaps(Interval(-39.49, -39.49))
    rise = stated_interval("percent_change", 45, None, None, None, TOL, claimed=True,
                           twice=True)
    assert not rise.overlaps(Interval(44.3, 44.3))


def test_truncation_and_double_rounding_can_be_turned_off():
    strict = dataclasses.replace(TOL, truncated_change=0.0, double_rounding=0.0)
    assert str(stated_interval("percent_change", 45, None, None, None, strict, claimed=True,
                               twice=True)) == "[44.5, 45.5)"


def test_derived_figures_are_exact_points():
    assert str(stated_interval("percent_change", 65.393, None, None, None, TOL, exact=True)) == (
        "[65.393, 65.393]"
    )


def test_no_figure_gives_no_interval():
    assert stated_interval("count", None, None, None, None, TOL) is None


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Interval(64.5, 65.5, True, False), Interval(65.4, 65.4), True),
        (Interval(83.5, 84.5, True, False), Interval(91.3, 91.3), False),
        (Interval(90, None, False, True), Interval(90, None, False, True), True),
        (Interval(90, None, False, True), Interval(90, 90), False),
        (Interval(5000, 6000), Interval(6000, 6500), True),
        (Interval(5000, 6000, True, False), Interval(6000, 6500), False),
        (Interval(None, None), Interval(1, 1), True),
    ],
)
def test_overlap(a, b, overlap):
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


def test_month_contains_its_days_and_not_the_next_month():
    march = date_interval("2024-03")
    assert march.overlaps(date_interval("2024-03-18"))
    assert march.overlaps(date_interval("2024-03-31"))
    assert not march.overlaps(date_interval("2024-04-01"))
    assert date_interval("2024").overlaps(date_interval("2024-12-31"))


@given(
    true=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    digits=st.integers(min_value=0, max_value=3),
)
def test_a_value_always_supports_its_own_rounding(true, digits):
    stated = round(true, digits)
    claim = stated_interval("percent", stated, None, None, None, TOL)
    # round() is half-to-even: a true value exactly half a unit above is rounded down.
    half = 0.5 * 10**-digits
    if abs(true - stated) < half * (1 - 1e-9):
        assert claim.overlaps(Interval(true, true))


@given(
    stated=st.integers(min_value=-10**6, max_value=10**6),
    digits=st.integers(min_value=0, max_value=3),
    extra=st.floats(min_value=1e-6, max_value=1e3),
    sign=st.sampled_from([-1, 1]),
)
def test_a_value_beyond_half_a_unit_never_supports(stated, digits, extra, sign):
    value = stated / 10**digits
    # A float keeps no trailing zeros: 12.0 is stated as 12, a unit of 1.
    shown = stated_decimals(value)
    half = 0.5 * 10**-shown
    true = value + sign * (half + extra * 10**-shown)
    claim = stated_interval("percent", value, None, None, None, TOL)
    assert not claim.overlaps(Interval(true, true))


@pytest.mark.parametrize(
    ("sentence", "inside", "outside"),
    [
        # "nearly": just short of the stated size of the fall, never beyond it
        ("Bomb attacks in Quetta fell nearly 20% in 2023 from a year earlier.", -19, -21),
        ("The province recorded nearly 20% fewer kidnappings in 2023 than in 2022.", -18.5, -20.5),
        ("Militant attacks dropped by more than 30% in Punjab in 2023.", -35, -25),
    ],
)
def test_hedged_falls_read_in_magnitude(sentence, inside, outside):
    from sources.extract import extract_claims

    (row,) = extract_claims(sentence, "t", "2024-01-05").itertuples(index=False)
    assert row.value < 0, row
    interval = stated_interval(row.kind, row.value, row.low, row.high, row.qualifier, TOL)
    assert Interval(inside, inside).within(interval), (sentence, str(interval))
    assert not Interval(outside, outside).within(interval), (sentence, str(interval))


@pytest.mark.parametrize(("kind", "text", "qualifier", "read"), [
    ("share", "Two-thirds of attacks", None, "about"),
    ("percent_change", "rose by a third", None, "about"),
    ("share", "Half of the deaths", None, "about"),
    ("share", "sixty-five percent of attacks", None, None),  # a number spelt out
    ("share", "65% of attacks", None, None),
    ("share", "nearly two-thirds of attacks", "nearly", "nearly"),  # its own hedge stands
    ("count", "half a dozen", None, None),
])
def test_a_fraction_in_words_is_read_as_about(kind, text, qualifier, read):
    assert claim_qualifier(kind, text, qualifier) == read
