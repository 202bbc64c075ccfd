"""checks.derive on small literal tables: each derived figure stays within one source and
one definition, and is not derived when an input is missing."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.derive import COMPUTATION, INPUTS, derive_figures
from checks.precision import Tolerances
from checks.schemas import ClaimSchema, ReferenceSchema, validate
from tests.rows import claim_row, reference_row


def claim(**kw) -> dict:
    return claim_row(**kw)

def ref(ref_id: str, **kw) -> dict:
    return reference_row(ref_id, **({"metric": "attacks", "definition": "attacks"} | kw))

def derive(claims: list[dict], refs: list[dict]) -> pd.DataFrame:
    c = validate(ClaimSchema, pd.DataFrame(claims), "claims")
    r = validate(ReferenceSchema, pd.DataFrame(refs), "reference")
    return derive_figures(c, r, Tolerances.load())


TWO_YEARS = [
    ref("n", value=300.0),
    ref("o", value=200.0, period="2022", document="Old", published="2023-01-05"),
]


def test_percent_change_from_the_same_sources_two_periods():
    asked = claim(
        kind="percent_change",
        value=50.0,
        metric="attacks",
        region="PK",
        period="2023",
        base_period="2022",
    )
    out = derive([asked], TWO_YEARS)
    assert len(out) == 1
    row = out.iloc[0]
    assert row["kind"] == "percent_change" and row["value"] == pytest.approx(50.0)
    assert row["base_period"] == "2022" and row["stated_or_derived"] == "derived"
    assert row[COMPUTATION] == "(300 − 200) / 200 × 100 = +50.0%"
    assert row[INPUTS] == "300 (2023) and 200 (2022)"
    # The derived figure is as new as the later document it rests on.
    assert row["published"] == "2024-01-04"


def test_no_percent_change_across_sources_or_definitions():
    asked = claim(
        kind="percent_change",
        value=50.0,
        metric="attacks",
        region="PK",
        period="2023",
        base_period="2022",
    )
    other_source = [TWO_YEARS[0], TWO_YEARS[1] | {"source": "S2"}]
    other_definition = [TWO_YEARS[0], TWO_YEARS[1] | {"definition": "all violence"}]
    assert derive([asked], other_source).empty
    assert derive([asked], other_definition).empty


def test_no_percent_change_without_the_base_period():
    asked = claim(
        kind="percent_change",
        value=50.0,
        metric="attacks",
        region="PK",
        period="2023",
        base_period="2021",
    )
    assert derive([asked], TWO_YEARS).empty


def test_factor_is_new_over_old():
    asked = claim(
        kind="factor",
        value=2.0,
        qualifier="over",
        metric="attacks",
        region="PK",
        period="2023",
        base_period="2022",
    )
    out = derive([asked], TWO_YEARS)
    (row,) = out.to_dict("records")
    assert row["kind"] == "factor" and row["value"] == pytest.approx(1.5)
    assert row[COMPUTATION] == "300 / 200 = 1.50-fold"


def test_factor_not_derived_from_a_hedged_count():
    asked = claim(
        kind="factor", value=2.0, metric="attacks", region="PK", period="2023", base_period="2022"
    )
    hedged = [TWO_YEARS[0] | {"qualifier": "at_least"}, TWO_YEARS[1]]
    assert derive([asked], hedged).empty


PROVINCES = [
    ref("pk", value=645.0),
    ref("kp", region="PK-KP", value=419.0),
    ref("ba", region="PK-BA", value=170.0, qualifier="at_least"),
]


def test_share_of_the_country_total():
    asked = claim(kind="share", value=65.0, metric="attacks", region="PK-KP", period="2023")
    (row,) = derive([asked], PROVINCES).to_dict("records")
    assert row["kind"] == "share" and row["value"] == pytest.approx(419 / 645 * 100)
    assert row[INPUTS] == "419 (PK-KP) of 645 (PK)"


def test_share_of_two_provinces_adds_both_parts():
    asked = claim(kind="share", value=91.0, metric="attacks", region="PK-BA+PK-KP", period="2023")
    (row,) = derive([asked], PROVINCES).to_dict("records")
    assert row["value"] == pytest.approx((170 + 419) / 645 * 100)
    assert row[COMPUTATION] == "170 + 419 = 589; 589 / 645 × 100 = 91.3%"


def test_no_share_without_the_total():
    asked = claim(kind="share", value=65.0, metric="attacks", region="PK-KP", period="2023")
    assert derive([asked], PROVINCES[1:]).empty
    # Another year's total is no total.
    assert derive([asked], [PROVINCES[0] | {"period": "2022"}, PROVINCES[1]]).empty


def test_sum_of_parts_keeps_a_lower_bound():
    asked = claim(value=589.0, metric="attacks", region="PK-BA+PK-KP", period="2023")
    (row,) = derive([asked], PROVINCES).to_dict("records")
    assert row["value"] == 589.0 and row["qualifier"] == "at_least"
    assert row[COMPUTATION] == "170 + 419 = at least 589 (PK-BA+PK-KP, 2023)"


def test_no_sum_when_a_part_is_missing():
    asked = claim(value=589.0, metric="attacks", region="PK-BA+PK-SD", period="2023")
    assert derive([asked], PROVINCES).empty


KILLED_AND_HURT = [
    ref("d", metric="deaths", definition="violence", value=358.0),
    ref("i", metric="injured", definition="violence", value=496.0),
]


def test_killed_or_injured_is_the_sum_of_the_publishers_killed_and_injured():
    asked = claim(value=854.0, metric="killed_or_injured", region="PK", period="2023")
    (row,) = derive([asked], KILLED_AND_HURT).to_dict("records")
    assert (row["metric"], row["value"], row["stated_or_derived"]) == (
        "killed_or_injured", 854.0, "derived")
    assert row[COMPUTATION] == "358 + 496 = 854 (killed_or_injured, PK, 2023)"


def test_no_killed_or_injured_across_definitions_or_with_a_part_missing():
    asked = claim(value=854.0, metric="killed_or_injured", region="PK", period="2023")
    other = [KILLED_AND_HURT[0], KILLED_AND_HURT[1] | {"definition": "attacks only"}]
    assert derive([asked], other).empty
    assert derive([asked], KILLED_AND_HURT[:1]).empty


def test_rank_when_no_unlisted_region_can_outrank():
    asked = claim(kind="rank", value=2.0, metric="attacks", region="PK-BA", period="2023")
    provinces = [PROVINCES[0], PROVINCES[1], PROVINCES[2] | {"qualifier": None}]
    (row,) = derive([asked], provinces).to_dict("records")
    # 645 - 419 - 170 = 56 left for the other provinces: fewer than Balochistan's 170.
    assert row["kind"] == "rank" and row["value"] == 2.0


def test_no_rank_when_an_unlisted_region_might_outrank():
    asked = claim(kind="rank", value=2.0, metric="attacks", region="PK-BA", period="2023")
    provinces = [PROVINCES[0] | {"value": 900.0}, PROVINCES[1], PROVINCES[2] | {"qualifier": None}]
    # 900 - 419 - 170 = 311 left: an unlisted province could have more than 170.
    assert derive([asked], provinces).empty


def test_percentage_points_from_rounded_shares():
    shares = [
        ref("s23", kind="share", value=84.0, unit="%"),
        ref("s22", kind="share", value=78.0, unit="%", period="2022"),
    ]
    asked = claim(
        kind="percentage_points",
        value=6.0,
        metric="attacks",
        region="PK",
        period="2023",
        base_period="2022",
    )
    (row,) = derive([asked], shares).to_dict("records")
    assert (row["low"], row["high"]) == (5.0, 7.0)
    assert "84% − 78% = +6.0 percentage points" in row[COMPUTATION]
