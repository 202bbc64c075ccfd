"""The article's own arithmetic: changes and shares checked against the figures stated beside
them, on sentences written the way news copy states them."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.judge import judge
from checks.own_arithmetic import own_arithmetic
from checks.precision import Tolerances
from checks.schemas import ClaimSchema as C
from checks.schemas import ReferenceSchema, columns
from checks.vocabulary import Rule, Verdict
from sources.extract import extract_claims

TOL = Tolerances.load()
NO_REFERENCES = pd.DataFrame(columns=columns(ReferenceSchema))


def own(text: str) -> dict[str, object]:
    """What each claim's own sentence implies, keyed by the claim's text."""
    claims = extract_claims(text, "t", "2024-02-01")
    found = own_arithmetic(claims, TOL)
    return {row[C.text]: found[row[C.claim_id]] for row in claims.to_dict("records")
            if row[C.claim_id] in found}


def verdicts(text: str) -> dict[str, dict]:
    claims = extract_claims(text, "t", "2024-02-01")
    _, judged = judge(claims, NO_REFERENCES, {"t": "2024-02-01"}, TOL)
    merged = claims.merge(judged, on=["article_id", "claim_id"])
    return {r[C.text]: r for r in merged.to_dict("records")}


def test_a_change_is_recomputed_from_the_two_levels_beside_it() -> None:
    found = own("In Sindh, attacks rose from 40 in 2022 to 50 in 2023, an increase of 25 percent.")
    (change,) = found.values()
    assert change.value == pytest.approx(25.0)
    assert change.operands == "from 40 to 50"


def test_a_share_is_recomputed_from_its_part_and_its_countrys_whole() -> None:
    found = own("Punjab accounted for 150 of the 600 deaths in Pakistan in 2023, or 25 percent.")
    (share,) = found.values()
    assert share.value == pytest.approx(25.0)
    assert share.operands == "150 of 600"


def test_a_change_whose_levels_are_not_both_in_its_sentence_is_left_to_the_sources() -> None:
    text = ("Pakistan saw 300 attacks in 2023.\n"
            "That was an increase of 20 percent over 2022.")
    assert own(text) == {}


def test_two_candidate_levels_for_one_period_are_ambiguous() -> None:
    # 120 against 100 is +20%, 90 against 100 is not: which level the writer meant is unknown.
    text = ("In Pakistan, one monitor counted 120 attacks in 2023 and another 90 attacks in "
            "2023, against 100 attacks in 2022, a rise of 20 percent.")
    assert own(text) == {}


def test_a_change_its_own_levels_rule_out_is_contradicted_without_any_reference() -> None:
    found = verdicts(
        "In Pakistan, militant attacks rose from 400 in 2022 to 500 in 2023, a jump of 40 percent."
    )
    claim = found["jump of 40 percent"]
    assert claim["verdict"] == Verdict.CONTRADICTED
    assert claim["rule"] == Rule.OWN_ARITHMETIC_DISAGREES
    assert claim["summary"] == "The article's own figures (from 400 to 500) give +25%, not +40%."


def test_a_change_its_levels_agree_with_is_not_an_alarm() -> None:
    found = verdicts(
        "In Pakistan, militant attacks rose from 400 in 2022 to 500 in 2023, a jump of 25 percent."
    )
    assert found["jump of 25 percent"]["verdict"] == Verdict.UNVERIFIABLE


@pytest.mark.parametrize(("sentence", "claim", "alarm"), [
    # "doubled" is a word, not a measurement: 2.22-fold doubled; 1.66-fold rose 66%, and
    # 2.61-fold more than doubled; "more than doubled" is more than 2.
    ("In Sindh, militant attacks doubled from 41 in 2022 to 91 in 2023.", "doubled", False),
    ("In Sindh, militant attacks doubled from 41 in 2022 to 68 in 2023.", "doubled", True),
    ("In Sindh, militant attacks doubled from 41 in 2022 to 107 in 2023.", "doubled", True),
    ("In Sindh, militant attacks more than doubled from 41 in 2022 to 79 in 2023.",
     "more than doubled", True),
    # A change cut at its last digit: from 8 to 11 is +37.5%, "37 percent" or "38 percent".
    ("In Sindh, deaths rose by 37 percent, from 8 in 2022 to 11 in 2023.",
     "rose by 37 percent", False),
    ("In Sindh, deaths rose by 38 percent, from 8 in 2022 to 11 in 2023.",
     "rose by 38 percent", False),
    ("In Sindh, deaths rose by 36 percent, from 8 in 2022 to 11 in 2023.",
     "rose by 36 percent", True),
    ("In Sindh, deaths rose by 39 percent, from 8 in 2022 to 11 in 2023.",
     "rose by 39 percent", True),
])
def test_a_factor_word_or_a_cut_change_is_read_as_news_copy_writes_it(
        sentence: str, claim: str, alarm: bool) -> None:
    found = verdicts(sentence)[claim]
    assert (found["rule"] == Rule.OWN_ARITHMETIC_DISAGREES) is alarm, found["summary"]


@pytest.mark.parametrize(("sentence", "claim", "alarm"), [
    # 7,413 -> 4,486 is -39.49%: printed "39.5%" somewhere, then written "40%".
    ("In Sindh, deaths fell from 7,413 in 2022 to 4,486 in 2023, a 40 percent decrease.",
     "40 percent decrease", False),
    # 7,413 -> 4,522 is -39.0%: no rounding, once or twice, makes it 40%.
    ("In Sindh, deaths fell from 7,413 in 2022 to 4,522 in 2023, a 40 percent decrease.",
     "40 percent decrease", True),
])
def test_a_change_may_have_been_rounded_twice(sentence: str, claim: str, alarm: bool) -> None:
    found = verdicts(sentence)[claim]
    assert (found["rule"] == Rule.OWN_ARITHMETIC_DISAGREES) is alarm, found["summary"]


def test_rounded_levels_leave_room_for_a_rounded_change() -> None:
    # "about 1,000" and "nearly 1,500" allow anything from about +36% to +67%: +52% stands.
    found = verdicts(
        "In Pakistan, deaths rose from about 1,000 in 2022 to nearly 1,500 in 2023, "
        "an increase of 52 percent."
    )
    assert found["increase of 52 percent"]["verdict"] != Verdict.CONTRADICTED


def test_a_share_its_part_and_whole_rule_out_is_contradicted() -> None:
    found = verdicts(
        "Balochistan accounted for 200 of the 800 deaths in Pakistan in 2023, or 35 percent."
    )
    share = [r for r in found.values() if r[C.kind] in ("percent", "share")]
    assert share and share[0]["verdict"] == Verdict.CONTRADICTED
    assert share[0]["rule"] == Rule.OWN_ARITHMETIC_DISAGREES


def test_a_part_read_above_its_whole_is_no_share_to_redo() -> None:
    # 900 civilian casualties cannot be a part of 300 deaths: the figures are not part and
    # whole, so no share is worked out from them (the 5% is a change, against another time).
    text = ("In Sindh, the monitor recorded 900 civilian casualties in 2023 (300 deaths and 600 "
            "injured), an overall drop in civilian casualties of 5 percent.")
    assert not any(r["rule"] == Rule.OWN_ARITHMETIC_DISAGREES for r in verdicts(text).values())


def test_a_sentence_that_mixes_casualties_and_the_killed_is_not_redone() -> None:
    # The monitor's casualties are the killed and the injured; figcheck reads both words as
    # deaths, so the change may not be of the two counts of the killed.
    mixed = verdicts("In Sindh, militant casualties rose by 60 percent in 2023, with 40 "
                     "militants killed in 2023 compared to 10 in 2022.")
    assert mixed["rose by 60 percent"]["rule"] != Rule.OWN_ARITHMETIC_DISAGREES
    # One word for both, and the arithmetic is redone.
    plain = verdicts("In Sindh, militant deaths rose by 60 percent in 2023, with 40 militants "
                     "killed in 2023 compared to 10 in 2022.")
    assert plain["rose by 60 percent"]["rule"] == Rule.OWN_ARITHMETIC_DISAGREES


def test_two_changes_bound_to_one_comparison_are_not_checked_against_its_levels() -> None:
    # The second change is about rural areas, which figcheck does not read as a place: bound
    # to the same comparison, it cannot also be the change from 50 to 60, so neither is
    # checked against those levels.
    text = ("In Pakistan, attacks rose from 50 in 2022 to 60 in 2023, up 20 percent, and fell "
            "by 10 percent in rural areas.")
    claims = extract_claims(text, "t", "2024-02-01")
    changes = claims[claims[C.kind] == "percent_change"]
    assert changes[C.metric].nunique() == 1 and len(changes) == 2  # the reading under test
    assert own(text) == {}


def test_a_change_whose_measure_is_a_guess_is_not_redone_with_that_guess() -> None:
    # The change is of the totals (50 against 25: +100%); read as the last bracketed part's,
    # its arithmetic (8 against 6) would say otherwise.
    found = verdicts(
        "Sindh recorded 50 fatalities (30 civilians, 12 soldiers and 8 militants) in 2023, as "
        "compared to 25 fatalities (15 civilians, four soldiers and 6 militants) in 2022, an "
        "increase of 100 per cent."
    )
    claim = found["increase of 100 per cent"]
    assert "a guess" in claim[C.binding]
    assert claim["verdict"] != Verdict.CONTRADICTED


def test_a_change_right_after_its_two_levels_is_theirs_among_other_measures() -> None:
    # After deaths and injuries, "up 40 percent" follows the injuries' two levels: their
    # change, redone (+62.5%), not a guess.
    found = verdicts(
        "In Pakistan, deaths climbed from 500 in 2022 to 900 in 2023, an increase of 80 percent, "
        "and injuries from 800 to 1,300, up 40 percent."
    )
    claim = found["up 40 percent"]
    assert "a guess" not in (claim[C.binding] or "")
    assert claim["rule"] == Rule.OWN_ARITHMETIC_DISAGREES
