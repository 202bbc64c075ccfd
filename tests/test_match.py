"""checks.match on small literal tables: which reference figures measure which claims."""

from __future__ import annotations

import pandas as pd

from checks.match import CLAIM, match_figures, period_measures
from checks.periods import half, quarter
from checks.schemas import ClaimSchema, ReferenceSchema, validate
from tests.rows import claim_row, reference_row


def claim(claim_id: str = "a#1", **kw) -> dict:
    defaults = {"claim_id": claim_id, "metric": "deaths", "region": "PK", "period": "2023"}
    return claim_row(**(defaults | kw))

def ref(ref_id: str, **kw) -> dict:
    return reference_row(ref_id, **({"value": 693.0} | kw))

def matched(claims: list[dict], refs: list[dict]) -> set[tuple[str, str]]:
    c = validate(ClaimSchema, pd.DataFrame(claims), "claims")
    r = validate(ReferenceSchema, pd.DataFrame(refs), "reference")
    pairs = match_figures(c, r)
    return set(zip(pairs[CLAIM + "claim_id"], pairs["ref_id"], strict=True))


def test_number_meets_a_figure_of_the_same_metric_region_and_period():
    refs = [
        ref("same"),
        ref("other-metric", metric="injured"),
        ref("other-region", region="PK-KP"),
        ref("other-year", period="2022"),
    ]
    assert matched([claim()], refs) == {("a#1", "same")}


def test_a_quarter_is_never_compared_with_a_year():
    q2 = quarter(2024, 2)
    refs = [ref("year", period="2024"), ref("q2", period=q2), ref("june", period="2024-06")]
    assert matched([claim(period=q2)], refs) == {("a#1", "q2")}
    assert matched([claim(period="2024")], refs) == {("a#1", "year")}


def test_spans_written_differently_are_the_same_period():
    # January to December is the year; the canonical strings make them equal.
    assert period_measures("2023-01/2023-12", "2023", "deaths")
    assert period_measures(half(2023, 1), "2023-01/2023-06", "deaths")
    assert not period_measures(half(2023, 1), "2023", "deaths")


def test_a_stock_is_measured_by_an_estimate_made_within_the_period():
    refs = [
        ref(
            "march",
            metric="militants",
            region="AF",
            period="2024-03-16",
            kind="range",
            value=None,
            low=5000.0,
            high=6000.0,
        ),
        ref(
            "july",
            metric="militants",
            region="AF",
            period="2024-07",
            kind="range",
            value=None,
            low=6000.0,
            high=6500.0,
        ),
        ref(
            "older",
            metric="militants",
            region="AF",
            period="2022-02",
            kind="range",
            value=None,
            low=3000.0,
            high=5000.0,
        ),
    ]
    c = claim(kind="range", low=6000.0, high=6500.0, metric="militants", region="AF", period="2024")
    assert matched([c], refs) == {("a#1", "march"), ("a#1", "july")}
    assert matched([c | {"period": "2024-07"}], refs) == {("a#1", "july")}


def test_kinds_must_be_comparable():
    refs = [
        ref("count"),
        ref("share", kind="share", value=65.0, unit="%"),
        ref("change", kind="percent_change", value=65.0, base_period="2022", unit="%"),
    ]
    assert matched([claim(kind="share", value=65.0)], refs) == {("a#1", "share")}
    change = claim(kind="percent_change", value=65.0, base_period="2022")
    assert matched([change], refs) == {("a#1", "change")}
    # A change against another base period measures something else.
    assert matched([change | {"base_period": "2021"}], refs) == set()


def test_unbound_claims_meet_nothing():
    assert matched([claim(metric=None)], [ref("r")]) == set()
    assert matched([claim(period=None)], [ref("r")]) == set()


EVENT = ref(
    "ev",
    kind="date",
    metric="airstrikes",
    region="AF",
    period="2024-03-18",
    value=None,
    keywords="Paktika|Khost",
)


def test_a_date_meets_the_event_its_sentence_names():
    named = claim(
        kind="date",
        date="2024-03",
        period="2024-03",
        sentence="Jets struck targets in Khost before dawn.",
    )
    other = claim(
        "a#2", kind="date", date="2024-03", period="2024-03", sentence="Talks resumed in Doha."
    )
    # A keyword is a whole word: the Khostwal tribe is not the province of Khost.
    tribe = claim(
        "a#3",
        kind="date",
        date="2024-03",
        period="2024-03",
        sentence="Khostwal elders met in Doha.",
    )
    assert matched([named, other, tribe], [EVENT]) == {("a#1", "ev")}


def test_a_date_without_a_year_meets_no_event():
    undated = claim(kind="date", date=None, period=None, sentence="Jets struck Khost.")
    assert matched([undated], [EVENT]) == set()
