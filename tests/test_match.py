"""checks.match on small literal tables: which reference figures measure which claims."""

from __future__ import annotations

import pandas as pd

from checks.match import (
    CLAIM,
    _per_distinct_row,
    match_figures,
    period_measures,
    running_measures,
)
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


def matched_on(claims: list[dict], refs: list[dict], published: str) -> set[tuple[str, str]]:
    c = validate(ClaimSchema, pd.DataFrame(claims), "claims")
    r = validate(ReferenceSchema, pd.DataFrame(refs), "reference")
    pairs = match_figures(c, r, {c["article_id"].iloc[0]: published})
    return set(zip(pairs[CLAIM + "claim_id"], pairs["ref_id"], strict=True))


def test_a_year_not_over_at_publication_is_measured_by_the_latest_tally_of_it():
    """'636 incidents in 2024' on 6 December 2024 quotes a tally to about that day."""
    tallies = [
        ref("to-6-dec", period="2024-01-01/2024-12-06", published="2024-12-06"),
        ref("to-1-dec", period="2024-01-01/2024-12-01", published="2024-12-02"),
        ref("to-october", period="2024-01/2024-10", published="2024-11-02"),  # weeks before
        ref("from-june", period="2024-06-01/2024-12-06", published="2024-12-06"),  # not the start
    ]
    # Of one publisher's tallies, the latest one.
    assert matched_on([claim(period="2024")], tallies, "2024-12-06") == {("a#1", "to-6-dec")}
    assert matched_on([claim(period="2024")], tallies[1:], "2024-12-06") == {("a#1", "to-1-dec")}
    # "this year" read to the publication day: the same tallies.
    this_year = claim(period="2024-01-01/2024-12-06")
    assert matched_on([this_year], tallies, "2024-12-06") == {("a#1", "to-6-dec")}
    # A year that had ended is measured by its own figure only.
    assert matched_on([claim(period="2023")], [*tallies, ref("year")], "2024-12-06") == {("a#1", "year")}


def test_a_latest_tally_stands_in_only_where_its_publisher_has_no_figure_for_the_span():
    year = ref("whole-year", period="2024", published="2024-12-05")
    tally = ref("tally", period="2024-01-01/2024-12-01", published="2024-12-02")
    assert matched_on([claim(period="2024")], [year, tally], "2024-12-06") == {("a#1", "whole-year")}
    # A year-end report that came out after the article was not there to be quoted.
    late = year | {"published": "2025-01-10"}
    assert matched_on([claim(period="2024")], [late, tally], "2024-12-06") == {
        ("a#1", "whole-year"), ("a#1", "tally")}
    # Another publisher's figure for the whole span leaves this one's tally standing.
    other = year | {"ref_id": "other", "source": "S2"}
    assert ("a#1", "tally") in matched_on([claim(period="2024")], [other, tally], "2024-12-06")


def test_an_estimate_of_a_level_is_never_read_as_a_running_tally():
    # A stock is measured within the period already; a lag window must not widen it.
    assert not running_measures("2024", "2024-01-01/2024-12-01", "militants", "2024-12-06", 14)
    assert running_measures("2024", "2024-01-01/2024-12-01", "deaths", "2024-12-06", 14)
    assert not running_measures("2024", "2024-01-01/2024-12-01", "deaths", "2024-12", 14)


def test_a_part_a_publishers_group_counts_as_its_whole_is_measured_by_their_total():
    # Deaths in terrorist attacks: PIPS and PICSS count nothing else, so their deaths measure
    # the claim; CRSS's all-violence total counts operations too, so only its terror-attack
    # part does; a publisher in no group is not read either way.
    refs = [
        ref("pips", source="PIPS", definition="Terrorist attacks only (by militant groups)."),
        ref("picss", source="PICSS", definition="Militant attacks (anti-state violence)."),
        ref("crss-all", source="CRSS", definition="All violence: terror attacks plus operations."),
        ref("crss-terror", source="CRSS", metric="deaths_terrorism",
            definition="Terror attacks only, the part of CRSS's incidents."),
        ref("police", source="KP Police", definition="Deaths recorded by the police."),
        # An official record of terrorist incidents, listed as counting only those.
        ref("records", source="Balochistan Police",
            definition="Terrorism-related incidents in Balochistan in police records."),
    ]
    assert matched([claim(metric="deaths_terrorism")], refs) == {
        ("a#1", "pips"), ("a#1", "picss"), ("a#1", "crss-terror"), ("a#1", "records")}
    # A claim of all deaths is measured as before, by every deaths row.
    assert {r for _c, r in matched([claim()], refs)} == {
        "pips", "picss", "crss-all", "police", "records"}


def test_pairs_are_tested_once_per_distinct_row_and_answered_in_order():
    """The pairs' period tests are asked once per distinct row (Arrow string columns,
    missing cells included) and each pair gets its own row's answer."""
    asked = []

    def test(a, b):
        asked.append((a, b))
        return isinstance(a, str) and a == b

    left = pd.Series(["2023", "2023", None, "2024", "2023", None], dtype="str")
    right = pd.Series(["2023", "2022", None, "2024", "2023", None], dtype="str")
    answers = _per_distinct_row(test, left, right)
    assert answers == [True, False, False, True, True, False]
    assert len([r for r in asked if r == ("2023", "2023")]) == 1
    assert len(asked) < len(left)
