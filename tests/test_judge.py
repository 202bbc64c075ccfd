"""Verdict rules (checks.judge) on small literal tables, one case per rule."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.judge import judge
from checks.schemas import ClaimSchema, ReferenceSchema, validate
from tests.rows import claim_row, reference_row


def claim(**kw) -> dict:
    return claim_row(**kw)

def ref(ref_id: str, **kw) -> dict:
    return reference_row(ref_id, **({"definition": "deaths in attacks"} | kw))

def run(claims: list[dict], refs: list[dict], published: str | None = "2024-06-28"):
    c = validate(ClaimSchema, pd.DataFrame(claims), "claims")
    r = validate(ReferenceSchema, pd.DataFrame(refs), "reference")
    return judge(c, r, {"a": published})


def verdict_of(claims, refs, **kw) -> tuple[str, str, str]:
    _, verdicts = run(claims, refs, **kw)
    row = verdicts.iloc[0]
    return row["verdict"], row["rule"], row["explanation"]


PIPS_DEATHS = [
    ref("p23", source="PIPS", value=693.0, document="PSR 2023"),
    ref(
        "p22",
        source="PIPS",
        value=419.0,
        period="2022",
        document="PSR 2022",
        published="2023-01-03",
    ),
]
CHANGE = claim(
    kind="percent_change",
    value=65.0,
    unit="%",
    metric="deaths",
    region="PK",
    period="2023",
    base_period="2022",
)


def test_derived_percent_change_supports_with_arithmetic():
    verdict, rule, why = verdict_of([CHANGE | {"attributed_to": "PIPS"}], PIPS_DEATHS)
    assert (verdict, rule) == ("supported", "named-source-agrees")
    assert "(693 − 419) / 419 × 100 = +65.4%" in why
    # Rounded to 65 or cut there: [64.5, 65.5) or [65, 66).
    assert "[64.45, 66) (rounded (once or twice) or cut at the stated digits)" in why


def test_a_claim_rounded_twice_meets_arithmetic_but_not_another_print():
    claimed = [CHANGE | {"attributed_to": "PIPS"}]  # "65%"
    # figcheck's own +64.48% (10,000 -> 16,448) may have been printed 64.5%, written 65% ...
    counts = [ref("n", source="PIPS", value=16448.0),
              ref("o", source="PIPS", value=10000.0, period="2022")]
    verdict, rule, why = verdict_of(claimed, counts)
    assert (verdict, rule) == ("supported", "named-source-agrees"), why
    # ... but a change PIPS printed "+64%" is another figure than "65%".
    printed = ref("pc", source="PIPS", kind="percent_change", value=64.0, unit="%",
                  base_period="2022")
    verdict, rule, why = verdict_of(claimed, [printed])
    assert rule != "named-source-agrees", why


def test_change_outside_precision_is_contradicted():
    verdict, rule, _ = verdict_of([CHANGE | {"value": 45.0, "attributed_to": "PIPS"}], PIPS_DEATHS)
    assert (verdict, rule) == ("contradicted", "named-source-disagrees")


def test_named_source_decides_over_others():
    other = [
        ref("c23", source="CRSS", value=1524.0),
        ref("c22", source="CRSS", value=980.0, period="2022"),
    ]
    evidence, verdicts = run([CHANGE | {"attributed_to": "PIPS"}], PIPS_DEATHS + other)
    assert verdicts.iloc[0]["verdict"] == "supported"
    crss = evidence[evidence["source"] == "CRSS"]
    assert len(crss) == 1 and not crss["decides"].any() and not crss["agrees"].any()


# figcheck holds GTI's figures, none of them for deaths in 2023: it can tell GTI is silent.
GTI_ELSEWHERE = [ref("gti", source="GTI", metric="attacks", value=517.0)]


def test_misattributed_when_only_another_source_says_it():
    verdict, rule, _ = verdict_of([CHANGE | {"attributed_to": "GTI"}], PIPS_DEATHS + GTI_ELSEWHERE)
    assert (verdict, rule) == ("misattributed", "named-source-silent-other-agrees")


def test_no_misattribution_for_a_source_figcheck_holds_nothing_from():
    verdict, rule, summary = summary_of([CHANGE | {"attributed_to": "Ministry"}], PIPS_DEATHS)
    assert (verdict, rule) == ("unverifiable", "named-source-silent")
    assert summary.startswith("Figcheck holds no figures from Ministry; PIPS reported")


def test_one_publishers_two_definitions_are_no_dispute():
    # The KP police count their own personnel apart from other forces': a figure that is one
    # of the two is that publisher's, under that definition (the named rule reads it so too).
    refs = [
        ref("police", source="KP Police", value=90.0, definition="Police personnel"),
        ref("others", source="KP Police", value=109.0, definition="Other forces"),
    ]
    counted = claim(value=90.0, metric="deaths", region="PK", period="2023")
    verdict, rule, _ = verdict_of([counted], refs)
    assert (verdict, rule) == ("supported", "sources-agree")
    # The same definition stating another number is still a split.
    refs.append(ref("revised", source="KP Police", value=95.0, definition="Police personnel",
                    document="Revision"))
    verdict, _rule, _ = verdict_of([counted], refs)
    assert verdict == "disputed"


def test_no_alarm_rests_on_a_guessed_measure():
    # The extractor read "a 12 percent drop" after counts of several measures as the last
    # one's; the publisher states that change for another measure. Without the guess mark
    # the rule for a misplaced figure would contradict it.
    refs = [ref("d1", source="CRSS", metric="deaths", kind="percent_change", value=-12.0,
                unit="%", base_period="2022"),
            ref("a1", source="CRSS", metric="attacks", kind="percent_change", value=-2.0,
                unit="%", base_period="2022")]
    drop = CHANGE | {"value": -12.0, "metric": "attacks", "attributed_to": "CRSS"}
    alarm, _rule, _ = verdict_of([drop], refs)
    assert alarm == "contradicted"
    guessed = drop | {"binding": "metric: a guess: the measure of the count before it (240)"}
    verdict, rule, why = verdict_of([guessed], refs)
    assert (verdict, rule) == ("unverifiable", "inherited-binding")
    assert "guess" in why


def test_sources_split_is_disputed():
    share = claim(
        kind="share", value=84.0, unit="%", metric="attacks", region="PK-BA+PK-KP", period="2023"
    )
    refs = [
        ref(
            "crss",
            source="CRSS",
            kind="share",
            metric="attacks",
            region="PK-BA+PK-KP",
            value=84.0,
            unit="%",
        ),
        ref("kp", source="PICSS", metric="attacks", region="PK-KP", value=419.0),
        ref(
            "ba",
            source="PICSS",
            metric="attacks",
            region="PK-BA",
            value=170.0,
            qualifier="at_least",
        ),
        ref("pk", source="PICSS", metric="attacks", region="PK", value=645.0),
    ]
    evidence, verdicts = run([share], refs)
    assert tuple(verdicts.iloc[0][["verdict", "rule"]]) == ("disputed", "sources-split")
    derived = evidence[evidence["derived"]].iloc[0]
    assert derived["source"] == "PICSS" and round(derived["value"], 1) == 91.3
    assert "589 / 645" in derived["computation"]


def test_shares_never_mix_definitions():
    share = claim(kind="share", value=50.0, metric="attacks", region="PK-KP", period="2023")
    refs = [
        ref("kp", metric="attacks", region="PK-KP", value=50.0, definition="terror attacks"),
        ref("pk", metric="attacks", region="PK", value=100.0, definition="all violence"),
    ]
    verdict, rule, _ = verdict_of([share], refs)
    assert (verdict, rule) == ("unverifiable", "no-reference")


def test_over_qualifier_against_stated_over():
    share = claim(
        kind="share",
        value=90.0,
        qualifier="over",
        metric="deaths",
        region="PK-BA+PK-KP",
        period="2023",
    )
    refs = [ref("crss", kind="share", region="PK-BA+PK-KP", value=90.0, qualifier="over")]
    assert verdict_of([share], refs)[:2] == ("supported", "sources-agree")


def test_nothing_measures_it():
    c = claim(value=12.0, metric="injured", region="PK-SD", period="2023")
    assert verdict_of([c], PIPS_DEATHS)[:2] == ("unverifiable", "no-reference")


def test_unbound_claim():
    assert verdict_of([claim(value=3.0)], PIPS_DEATHS)[:2] == ("unverifiable", "unbound-claim")


def test_year_claim_is_measured_by_a_month_statement():
    c = claim(
        kind="range",
        low=5000.0,
        high=6000.0,
        metric="militants",
        region="AF",
        period="2024",
        attributed_to="Asif Durrani",
    )
    refs = [
        ref(
            "d",
            source="Asif Durrani",
            kind="range",
            metric="militants",
            region="AF",
            period="2024-03",
            low=5000.0,
            high=6000.0,
            published="2024-03-17",
        ),
        ref(
            "un",
            source="UN Monitoring Team",
            kind="range",
            metric="militants",
            region="AF",
            period="2024",
            low=6000.0,
            high=6500.0,
            published="2024-07",
        ),
    ]
    evidence, verdicts = run([c], refs)
    assert verdicts.iloc[0]["verdict"] == "supported"
    un = evidence[evidence["source"] == "UN Monitoring Team"].iloc[0]
    assert un["later"] and not un["decides"]


@pytest.mark.parametrize(
    ("weekday", "day", "expected"),
    [("Thursday", "2024-06-27", "supported"), ("Friday", "2024-06-27", "contradicted")],
)
def test_weekday_is_checked_against_the_calendar(weekday, day, expected):
    c = claim(kind="date", date=day, period=day, weekday=weekday)
    assert verdict_of([c], PIPS_DEATHS)[0] == expected


def test_event_date_from_keywords():
    c = claim(
        kind="date",
        date="2024-03",
        period="2024-03",
        sentence="In March, Pakistan launched airstrikes in Paktika and Khost.",
    )
    event = ref(
        "ev",
        source="AP",
        kind="date",
        metric="airstrikes",
        region="AF",
        period="2024-03-18",
        keywords="Paktika|Khost",
    )
    assert verdict_of([c], [event])[:2] == ("supported", "event-date-agrees")
    wrong = c | {"date": "2024-04", "period": "2024-04"}
    assert verdict_of([wrong], [event])[:2] == ("contradicted", "event-date-disagrees")


def test_date_without_publication_year_is_unverifiable():
    c = claim(kind="date", weekday="Thursday")
    assert verdict_of([c], PIPS_DEATHS, published=None)[0] == "unverifiable"


# --- one row per rule: (claim, reference figures, published) -> (verdict, rule) -----------

PICSS_ATTACKS = [
    ref("kp", source="PICSS", metric="attacks", region="PK-KP", value=419.0),
    ref("ba", source="PICSS", metric="attacks", region="PK-BA", value=170.0, qualifier="at_least"),
    ref("pk", source="PICSS", metric="attacks", region="PK", value=645.0),
]
SHARES = [
    ref("s23", kind="share", metric="attacks", region="PK-BA+PK-KP", value=84.0, unit="%"),
    ref(
        "s22",
        kind="share",
        metric="attacks",
        region="PK-BA+PK-KP",
        value=78.0,
        unit="%",
        period="2022",
        published="2023-01-02",
    ),
]
POINTS = claim(
    kind="percentage_points",
    value=6.0,
    metric="attacks",
    region="PK-BA+PK-KP",
    period="2023",
    base_period="2022",
)
LATER_ONLY = [ref("late", source="S1", value=693.0, published="2025-01-01")]
EVENT = ref(
    "ev",
    source="AP",
    kind="date",
    metric="airstrikes",
    region="AF",
    period="2024-03-18",
    keywords="Paktika",
)
IN_PAKTIKA = "Pakistan struck Paktika."
RULES = [
    ("unbound", claim(value=3.0), PIPS_DEATHS, "unverifiable", "unbound-claim"),
    (
        "no reference",
        claim(value=12.0, metric="injured", region="PK-SD", period="2023"),
        PIPS_DEATHS,
        "unverifiable",
        "no-reference",
    ),
    (
        "named agrees",
        CHANGE | {"attributed_to": "PIPS"},
        PIPS_DEATHS,
        "supported",
        "named-source-agrees",
    ),
    (
        "named disagrees",
        CHANGE | {"attributed_to": "PIPS", "value": 45.0},
        PIPS_DEATHS,
        "contradicted",
        "named-source-disagrees",
    ),
    (
        "named split",
        claim(value=693.0, metric="deaths", region="PK", period="2023", attributed_to="S1"),
        [ref("a", value=693.0), ref("b", value=751.0, document="Other doc")],
        "disputed",
        "named-source-split",
    ),
    (
        "misattributed",
        CHANGE | {"attributed_to": "GTI"},
        PIPS_DEATHS + GTI_ELSEWHERE,
        "misattributed",
        "named-source-silent-other-agrees",
    ),
    (
        # The named source decides: another publisher's figure is context, not a verdict.
        "named silent, others disagree",
        CHANGE | {"attributed_to": "GTI", "value": 45.0},
        PIPS_DEATHS,
        "unverifiable",
        "named-source-silent",
    ),
    (
        "sources agree",
        claim(value=693.0, metric="deaths", region="PK", period="2023"),
        [ref("a", value=693.0), ref("b", source="S2", value=693.0)],
        "supported",
        "sources-agree",
    ),
    (
        "sources disagree",
        claim(value=500.0, metric="deaths", region="PK", period="2023"),
        [ref("a", value=693.0), ref("b", source="S2", value=976.0)],
        "contradicted",
        "sources-disagree",
    ),
    (
        "sources split",
        claim(value=693.0, metric="deaths", region="PK", period="2023"),
        [ref("a", value=693.0), ref("b", source="S2", value=976.0)],
        "disputed",
        "sources-split",
    ),
    (
        "later figure decides when nothing earlier",
        claim(value=693.0, metric="deaths", region="PK", period="2023"),
        LATER_ONLY,
        "supported",
        "sources-agree",
    ),
    (
        "weekday mismatch",
        claim(kind="date", date="2024-06-27", period="2024-06-27", weekday="Friday"),
        [],
        "contradicted",
        "weekday-mismatch",
    ),
    (
        "event date agrees",
        claim(kind="date", date="2024-03", period="2024-03", sentence=IN_PAKTIKA),
        [EVENT],
        "supported",
        "event-date-agrees",
    ),
    (
        "event date disagrees",
        claim(kind="date", date="2024-04", period="2024-04", sentence=IN_PAKTIKA),
        [EVENT],
        "contradicted",
        "event-date-disagrees",
    ),
    (
        "calendar consistent",
        claim(kind="date", date="2024-06-27", period="2024-06-27", weekday="Thursday"),
        [],
        "supported",
        "calendar-consistent",
    ),
    (
        "sum of parts agrees",
        claim(
            value=589.0, qualifier="at_least", metric="attacks", region="PK-BA+PK-KP", period="2023"
        ),
        PICSS_ATTACKS,
        "supported",
        "sources-agree",
    ),
    (
        "sum of parts disagrees with the named source",
        claim(
            value=500.0,
            metric="attacks",
            region="PK-BA+PK-KP",
            period="2023",
            attributed_to="PICSS",
        ),
        PICSS_ATTACKS,
        "contradicted",
        "named-source-disagrees",
    ),
    (
        # One publisher's count never raises an alarm on a figure whose source is not named.
        "sum of parts of the only publisher disagrees, no source named",
        claim(value=500.0, metric="attacks", region="PK-BA+PK-KP", period="2023"),
        PICSS_ATTACKS,
        "unverifiable",
        "one-publisher-differs",
    ),
    ("points agree", POINTS, SHARES, "supported", "sources-agree"),
    (
        "points disagree",
        POINTS | {"value": 12.0, "attributed_to": "S1"},
        SHARES,
        "contradicted",
        "named-source-disagrees",
    ),
    (
        "percent change is not a difference of shares",
        POINTS | {"kind": "percent_change", "value": 7.7},
        SHARES,
        "unverifiable",
        "no-reference",
    ),
]


@pytest.mark.parametrize(
    ("case", "claim_row", "refs", "verdict", "rule"), RULES, ids=[r[0] for r in RULES]
)
def test_rule_table(case, claim_row, refs, verdict, rule):
    refs = refs or [ref("unrelated", metric="injured", region="PK-PB", value=1.0)]
    assert verdict_of([claim_row], refs)[:2] == (verdict, rule), case


def test_sum_of_parts_shows_inputs_and_stays_within_one_definition():
    c = claim(value=589.0, metric="attacks", region="PK-BA+PK-KP", period="2023")
    mixed = [*PICSS_ATTACKS[:1], PICSS_ATTACKS[1] | {"definition": "other"}]
    evidence, _ = run([c], PICSS_ATTACKS)
    derived = evidence[evidence["derived"]].iloc[0]
    assert derived["computation"].endswith("170 + 419 = at least 589 (PK-BA+PK-KP, 2023)")
    assert derived["qualifier"] == "at_least" and "at least 170 (PK-BA)" in derived["inputs"]
    assert verdict_of([c], mixed)[:2] == ("unverifiable", "no-reference")


def test_percentage_points_show_the_difference_of_shares():
    evidence, verdicts = run([POINTS], SHARES)
    derived = evidence[evidence["derived"]].iloc[0]
    assert derived["kind"] == "percentage_points"
    assert (derived["low"], derived["high"]) == (5.0, 7.0)
    assert "84% − 78% = +6.0 percentage points" in derived["computation"]
    assert verdicts.iloc[0]["verdict"] == "supported"


def test_definitions_that_differ_are_named_in_the_explanation():
    c = claim(value=693.0, metric="deaths", region="PK", period="2023")
    refs = [
        ref("a", value=693.0, definition="Terrorist attacks only."),
        ref("b", source="S2", value=693.0, definition="All violence"),
    ]
    why = verdict_of([c], refs)[2]
    assert why.endswith(
        "The sources count different things: S1: Terrorist attacks only; S2: All violence."
    )
    same = [refs[0], refs[1] | {"definition": "Terrorist attacks only."}]
    assert "count different things" not in verdict_of([c], same)[2]


def test_tolerance_is_configurable(tmp_path):
    from checks.precision import Tolerances

    about = claim(
        value=600.0,
        qualifier="about",
        metric="deaths",
        region="PK",
        period="2023",
        attributed_to="PIPS",
    )
    c = validate(ClaimSchema, pd.DataFrame([about]), "claims")
    r = validate(ReferenceSchema, pd.DataFrame(PIPS_DEATHS), "reference")
    strict = judge(c, r, {"a": "2024-06-28"})[1].iloc[0]
    assert strict["verdict"] == "contradicted"  # 693 is outside 600 ± 10%
    path = tmp_path / "loose.yaml"
    path.write_text("approximate: 0.2\n", encoding="utf-8")
    loose = judge(c, r, {"a": "2024-06-28"}, Tolerances.load(path))[1].iloc[0]
    assert loose["verdict"] == "supported" and "± 20%" in loose["tolerance"]


# ---------------------------------------------------------------------------------------
# Verdicts decided by definition (issue 10): literal tables, sentences of our own.

TERRORISM = "Terrorist attacks only, with the people killed in them."
ALL_VIOLENCE = "All violence: terror attacks plus security-force operations."


def summary_of(claims, refs, **kw) -> tuple[str, str, str]:
    _, verdicts = run(claims, refs, **kw)
    row = verdicts.iloc[0]
    return row["verdict"], row["rule"], row["summary"]


def test_a_publisher_with_another_definition_cannot_contradict_alone():
    crss = ref("crss", source="CRSS", value=1524.0, definition=ALL_VIOLENCE)
    figure = claim(value=693.0, metric="deaths", region="PK", period="2023")
    verdict, rule, summary = summary_of([figure], [crss])
    assert (verdict, rule) == ("unverifiable", "other-definition-only")
    assert "cannot contradict 693 on its own" in summary
    # The same figure from publishers counting the same thing does contradict.
    pips = ref("pips", source="PIPS", value=950.0, definition=TERRORISM)
    gti = ref("gti", source="GTI", value=900.0, definition=TERRORISM)
    assert summary_of([figure], [pips, gti])[:2] == ("contradicted", "sources-disagree")


def test_comparable_publishers_all_disagreeing_contradict_with_a_plain_sentence():
    pips = ref("pips", source="PIPS", value=693.0, definition=TERRORISM)
    gti = ref("gti", source="GTI", value=748.0, definition=TERRORISM)
    figure = claim(text="893", value=893.0, metric="deaths", region="PK", period="2023")
    verdict, rule, summary = summary_of([figure], [pips, gti])
    assert (verdict, rule) == ("contradicted", "sources-disagree")
    assert summary.startswith("For deaths in Pakistan in 2023, ")
    assert "PIPS reported 693" in summary and "GTI reported 748" in summary
    assert summary.endswith("not 893.")


def test_one_publisher_alone_cannot_contradict_an_unattributed_figure():
    """The article may follow another publisher's count (PICSS counts about twice the attacks
    PIPS does): with no source named, one disagreeing publisher is shown, not an alarm."""
    pips = ref("pips", source="PIPS", value=693.0, definition=TERRORISM)
    figure = claim(text="893", value=893.0, metric="deaths", region="PK", period="2023")
    verdict, rule, summary = summary_of([figure], [pips])
    assert (verdict, rule) == ("unverifiable", "one-publisher-differs")
    assert summary.startswith("Only PIPS measures deaths in Pakistan in 2023, and reports 693")
    named = figure | {"attributed_to": "PIPS"}
    assert summary_of([named], [pips]) == (
        "contradicted",
        "named-source-disagrees",
        "PIPS reported 693 deaths in Pakistan in 2023, not 893.",
    )


def test_a_count_far_below_every_total_is_taken_for_a_part():
    """"21 people were killed" in a sentence about one district, bound to the country."""
    refs = [
        ref("pips", source="PIPS", value=693.0, definition=TERRORISM),
        ref("gti", source="GTI", value=748.0, definition=TERRORISM),
    ]
    small = claim(text="21", value=21.0, metric="deaths", region="PK", period="2023")
    assert summary_of([small], refs)[:2] == ("unverifiable", "below-every-total")
    near = small | {"text": "639", "value": 639.0}  # a misprint is not far below
    assert summary_of([near], refs)[:2] == ("contradicted", "sources-disagree")


def _pips_893() -> tuple[dict, dict]:
    """PIPS's 693 deaths in 2023, and a claim of 893 attributed to PIPS in its sentence."""
    pips = ref("pips", source="PIPS", value=693.0, definition=TERRORISM)
    stated = claim(
        text="893",
        value=893.0,
        metric="deaths",
        region="PK",
        period="2023",
        attributed_to="PIPS",
        binding="region: the sentence (Pakistan); period: the sentence ('2023')",
    )
    return pips, stated


def test_no_alarm_on_a_period_carried_from_the_article():
    """A contradiction must rest on what the sentence states, not on figcheck's carrying."""
    pips, stated = _pips_893()
    assert summary_of([stated], [pips])[:2] == ("contradicted", "named-source-disagrees")
    carried = stated | {"binding": "region: the sentence (Pakistan); period: the article's "
                        "opening (2023)"}
    verdict, rule, summary = summary_of([carried], [pips])
    assert (verdict, rule) == ("unverifiable", "inherited-binding")
    assert summary.startswith("PIPS reported 693 deaths in Pakistan in 2023, not 893; but")


def test_no_alarm_on_a_source_carried_from_the_article():
    """"PIPS said ... [later, unattributed] 893 died": the source is figcheck's reading."""
    pips, stated = _pips_893()
    carried = stated | {"binding": stated["binding"] + "; source: the article's only source "
                        "so far ('PIPS')"}
    verdict, rule, summary = summary_of([carried], [pips])
    assert (verdict, rule) == ("unverifiable", "inherited-binding")
    assert "source came from the rest of the article" in summary
    agrees = carried | {"text": "693", "value": 693.0}
    assert summary_of([agrees], [pips])[0] == "supported"


def test_a_source_carried_from_the_article_that_has_no_such_figure_leaves_it_to_the_others():
    """figcheck took PIPS for the figure's source; PIPS counts no such thing, CRSS does."""
    pips, stated = _pips_893()
    crss = ref("crss", source="CRSS", metric="deaths_civilians", value=400.0)
    asked = stated | {"text": "400", "value": 400.0, "metric": "deaths_civilians"}
    carried = asked | {"binding": stated["binding"] + "; source: the article's only source "
                       "so far ('PIPS')"}
    verdict, _rule, summary = summary_of([carried], [pips, crss])
    assert verdict == "supported"
    assert "figcheck had taken PIPS, whose figure differs, for the article's source" in summary
    # PIPS with nothing of the kind: its silence is no answer either.
    verdict, _rule, summary = summary_of([carried | {"metric": "deaths_civilians",
                                                     "region": "PK-SD"}],
                                         [crss | {"region": "PK-SD"}])
    assert verdict == "supported"
    assert "PIPS, taken for the article's source, gives no such figure" in summary
    # Named by the writer, the figure is another publisher's: the alarm stands.
    assert summary_of([asked], [pips, crss])[0] == "misattributed"


def test_a_named_figure_placed_only_by_the_article_is_read_where_its_source_states_it():
    """The sentence names GTI and no place; figcheck took the article's place. GTI prints
    this very number for another country: that is the writer's place, not an error."""
    gti = ref("gti", source="GTI", metric="deaths_ttp", region="PK", value=293.0)
    guessed = claim(text="293", value=293.0, metric="deaths_ttp", region="AF", period="2023",
                    attributed_to="GTI",
                    binding="region: the article's first paragraph (Afghanistan); "
                            "period: its own '2023'")
    assert summary_of([guessed], [gti]) == (
        "supported",
        "named-source-agrees-unplaced",
        (
            "GTI reported 293 deaths attributed to the TTP in Pakistan in 2023; the sentence "
            "itself does not say where."
        ),
    )
    # Placed by its own sentence, the same claim is the right number in the wrong place.
    placed = guessed | {"binding": "region: the sentence (Afghanistan); period: its own '2023'"}
    assert summary_of([placed], [gti])[1] != "named-source-agrees-unplaced"
    # A round number proves nothing: it recurs in a publisher's tables by chance.
    round_ = guessed | {"text": "300", "value": 300.0}
    assert summary_of([round_], [gti | {"value": 300.0}])[0] != "supported"


def test_named_source_disagrees_sentence():
    pips = ref("pips", source="PIPS", value=693.0, definition=TERRORISM)
    figure = claim(value=893.0, metric="deaths", region="PK", period="2023", attributed_to="PIPS")
    assert summary_of([figure], [pips]) == (
        "contradicted",
        "named-source-disagrees",
        "PIPS reported 693 deaths in Pakistan in 2023, not 893.",
    )


def test_supported_summary_names_the_publisher_place_and_period():
    gti = ref("gti", source="GTI", metric="attacks", value=1099.0, period="2024")
    figure = claim(value=1099.0, metric="attacks", region="PK", period="2024")
    assert summary_of([figure], [gti]) == (
        "supported",
        "sources-agree",
        "GTI reported 1,099 attacks in Pakistan in 2024.",
    )


PROVINCES = [
    ref("kp", source="PICSS", metric="attacks", region="PK-KP", value=419.0),
    ref("ba", source="PICSS", metric="attacks", region="PK-BA", value=170.0, qualifier="at_least"),
]


def test_misplaced_figure_is_named():
    figure = claim(
        value=419.0, metric="attacks", region="PK-BA", period="2023", attributed_to="PICSS"
    )
    assert summary_of([figure], PROVINCES) == (
        "contradicted",
        "named-source-states-elsewhere",
        "PICSS counted 419 attacks in Khyber Pakhtunkhwa, not Balochistan.",
    )


def test_a_lower_bound_neither_supports_nor_contradicts_another_number():
    # "at least 170" does not support 419 (interval overlap would have said it does); with
    # no misplaced figure to name, the verdict is unverifiable, not supported.
    figure = claim(
        value=419.0, metric="attacks", region="PK-BA", period="2023", attributed_to="PICSS"
    )
    verdict, rule, summary = summary_of([figure], PROVINCES[1:])
    assert (verdict, rule) == ("unverifiable", "named-source-inconclusive")
    assert summary == (
        "PICSS gives at least 170 attacks in Balochistan in 2023, which neither "
        "confirms nor rules out 419."
    )
    # Restating the bound's own number agrees with it.
    same = figure | {"value": 170.0}
    assert summary_of([same], PROVINCES[1:])[:2] == ("supported", "named-source-agrees")


def test_misplaced_period_is_named():
    refs = [
        ref("q2", source="CRSS", value=380.0, period="2024-04/2024-06"),
        ref("y", source="CRSS", value=1612.0, period="2024"),
    ]
    figure = claim(
        value=380.0, metric="deaths", region="PK", period="2024-01/2024-06", attributed_to="CRSS"
    )
    verdict, rule, summary = summary_of([figure], refs)
    # CRSS states no first-half figure: the match is named, but a misread period is as
    # likely as a misplaced figure, so no alarm.
    assert (verdict, rule) == ("unverifiable", "named-source-silent")
    assert "CRSS counted 380 deaths in Pakistan in Q2 2024, not first half of 2024" in summary
    # Where CRSS does state the first half, the misplaced quarter is a contradiction.
    half = ref("h1", source="CRSS", value=812.0, period="2024-01/2024-06")
    verdict, rule, summary = summary_of([figure], [*refs, half])
    assert (verdict, rule) == ("contradicted", "named-source-states-elsewhere")
    assert summary == "CRSS counted 380 deaths in Pakistan in Q2 2024, not first half of 2024."


def test_a_small_number_found_elsewhere_raises_no_alarm_when_the_source_is_silent():
    refs = [ref("kp", source="PICSS", metric="attacks", region="PK-KP", value=23.0)]
    figure = claim(
        value=23.0, metric="attacks", region="PK-SD", period="2023", attributed_to="PICSS"
    )
    assert summary_of([figure], refs)[:2] == ("unverifiable", "no-reference")


def test_misattributed_when_the_named_source_gives_another_figure_and_another_states_it():
    refs = [
        ref("gti", source="GTI", metric="attacks", value=517.0),
        ref("pips", source="PIPS", metric="attacks", value=306.0),
    ]
    figure = claim(value=306.0, metric="attacks", region="PK", period="2023", attributed_to="GTI")
    assert summary_of([figure], refs) == (
        "misattributed",
        "named-source-disagrees-other-agrees",
        "PIPS, not GTI, reported 306 attacks in Pakistan in 2023; GTI gives 517.",
    )


def test_a_part_of_the_total_is_no_alarm():
    refs = [
        ref("all", source="PIPS", metric="attacks", value=262.0, period="2022"),
        ref("ttp", source="PIPS", metric="attacks_ttp", value=89.0, period="2022"),
    ]
    figure = claim(value=89.0, metric="attacks", region="PK", period="2022")
    verdict, rule, summary = summary_of([figure], refs)
    assert (verdict, rule) == ("unverifiable", "states-part")
    assert summary.startswith("PIPS's 89 in Pakistan in 2022 counts attacks by the TTP")


def test_the_same_reports_part_outranks_the_same_measure_in_another_year():
    # PICSS's 25 security personnel killed in the month are likelier the writer's "25" than
    # the 25 deaths of a month years before.
    picss = {"source": "PICSS", "definition": "all violent incidents"}
    refs = [
        ref("all", metric="deaths", value=292.0, period="2025-11", **picss),
        ref("sp", metric="deaths_security_personnel", value=25.0, period="2025-11", **picss),
        ref("old", metric="deaths", value=25.0, period="2022-02", published="2022-03-01",
            **picss),
    ]
    figure = claim(value=25.0, metric="deaths", region="PK", period="2025-11",
                   attributed_to="PICSS")
    verdict, rule, summary = summary_of([figure], refs, published="2025-12-02")
    assert (verdict, rule) == ("unverifiable", "states-part"), summary
    assert "counts security personnel killed" in summary


def test_a_part_of_the_claims_measure_outranks_another_measure_with_its_number():
    # The report gives 300 attacks and 300 people injured in one kind of group's attacks:
    # "300 injured" is likelier the injured, a part the writer did not name, than the attacks.
    pips = {"source": "PIPS", "period": "2022", "definition": "terrorist attacks"}
    refs = [
        ref("a", metric="attacks", value=300.0, **pips),
        ref("i", metric="injured", value=800.0, **pips),
        ref("ir", metric="injured_religious_militants", value=300.0, **pips),
    ]
    figure = claim(value=300.0, metric="injured", region="PK", period="2022",
                   attributed_to="PIPS")
    verdict, rule, summary = summary_of([figure], refs)
    assert (verdict, rule) == ("unverifiable", "states-part"), summary
    assert "counts people injured in attacks by religiously inspired" in summary


def judged_sentence(text: str, refs: list[dict], published: str) -> dict[str, dict]:
    """Each claim of an invented sentence, extracted and judged against ``refs``, by text."""
    from sources.extract import extract_claims

    claims = extract_claims(text, "a", published)
    _, verdicts = judge(claims, validate(ReferenceSchema, pd.DataFrame(refs), "reference"),
                        {"a": published})
    merged = claims.merge(verdicts, on=["article_id", "claim_id"])
    return {r["text"]: r for r in merged.to_dict("records")}


def test_militants_among_the_dead_of_attacks_are_not_the_militants_killed_in_operations():
    # PICSS counts the militants who die in their own attacks apart from those the security
    # forces kill; a writer listing them among the attacks' dead gives the first number.
    picss = {"source": "PICSS", "period": "2024-05", "published": "2024-06-01"}
    refs = [
        ref("d", metric="deaths", value=61.0, definition="militant attacks", **picss),
        ref("a", metric="deaths_attackers", value=7.0, definition="militant attacks", **picss),
        ref("o", metric="deaths_militants", value=52.0, qualifier="at_least",
            definition="security-force actions", **picss),
    ]
    found = judged_sentence(
        "PICSS said militants carried out 58 attacks across Pakistan in May 2024, killing 61 "
        "people, including 30 civilians, 24 soldiers and seven militants.", refs, "2024-06-02")
    seven = found["seven"]
    assert seven["metric"] == "deaths_militants"
    assert (seven["verdict"], seven["rule"]) == ("unverifiable", "states-part")
    assert seven["summary"].startswith("PICSS's 7 in Pakistan in May 2024 counts attacking "
                                       "militants killed in their own attacks")
    # A number that is neither is still an alarm.
    eight = judged_sentence(
        "PICSS said militants carried out 58 attacks across Pakistan in May 2024, killing 62 "
        "people, including 30 civilians, 24 soldiers and eight militants.", refs, "2024-06-02")
    assert eight["eight"]["verdict"] == "contradicted"


def test_a_breakdown_of_attacks_and_operations_is_not_judged_by_the_attacks_alone():
    # PICSS counts the attacks' toll and, apart, that of attacks and operations together;
    # figcheck holds the combined total but not its security personnel or civilians.
    picss = {"source": "PICSS", "period": "2024-05", "published": "2024-06-01"}
    attacks, everything = "Militant attacks only", "All violent incidents: attacks and operations"
    refs = [
        ref("s", metric="deaths_security_personnel", value=64.0, definition=attacks, **picss),
        ref("c", metric="deaths_civilians", value=55.0, definition=attacks, **picss),
        ref("all", metric="deaths", value=212.0, definition=everything, **picss),
        ref("m", metric="deaths_militants", value=88.0, definition=everything, **picss),
    ]
    text = ("PICSS said militant attacks and the security operations that followed left 212 "
            "people dead across Pakistan in May 2024, including 88 militants, {sp} security "
            "personnel and {civ} civilians.")
    found = judged_sentence(text.format(sp=67, civ=57), refs, "2024-06-02")
    for number in ("67", "57"):
        assert (found[number]["verdict"], found[number]["rule"]) == (
            "unverifiable", "named-source-other-scope"), found[number]["summary"]
    assert found["67"]["summary"] == (
        "PICSS's 64 security personnel killed in Pakistan in May 2024 count terrorist or "
        "militant attacks (security operations excluded); PICSS also counts all violence "
        "including security operations (212 deaths), whose figure for security personnel "
        "killed figcheck does not hold, and 67 may be of that toll.")
    # A combined count is never below the attacks' own, nor above the combined whole.
    fewer = judged_sentence(text.format(sp=61, civ=57), refs, "2024-06-02")
    assert fewer["61"]["verdict"] == "contradicted"
    more = judged_sentence(text.format(sp=67, civ=257), refs, "2024-06-02")
    assert more["257"]["verdict"] == "contradicted"


def test_the_injured_of_attacks_and_operations_are_not_judged_by_the_attacks_alone():
    # figcheck holds the combined toll's deaths for the month, not its injured: a combined
    # injured count above the attacks' own may be that toll's, with no whole to bound it.
    picss = {"source": "PICSS", "period": "2024-05", "published": "2024-06-01"}
    attacks, everything = "Militant attacks only", "All violent incidents: attacks and operations"
    refs = [
        ref("i", metric="injured", value=150.0, definition=attacks, **picss),
        ref("ic", metric="injured_civilians", value=90.0, definition=attacks, **picss),
        ref("all", metric="deaths", value=212.0, definition=everything, **picss),
    ]
    text = ("PICSS said militant attacks and the security operations that followed left 212 "
            "people dead across Pakistan in May 2024, while {inj} were injured, including "
            "{civ} civilians.")
    found = judged_sentence(text.format(inj=199, civ=107), refs, "2024-06-02")
    for number in ("199", "107"):
        assert (found[number]["verdict"], found[number]["rule"]) == (
            "unverifiable", "named-source-other-scope"), found[number]["summary"]
    assert "whose figure for injured figcheck does not hold" in found["199"]["summary"]
    # Below the attacks' own count it is wrong whatever the scope.
    fewer = judged_sentence(text.format(inj=143, civ=107), refs, "2024-06-02")
    assert fewer["143"]["verdict"] == "contradicted"
    # Where the source counts no wider toll that month, the attacks' figure decides.
    narrow = judged_sentence(text.format(inj=199, civ=107), refs[:2], "2024-06-02")
    assert narrow["199"]["verdict"] == "contradicted"


def test_an_inflated_range_is_contradicted_not_supported():
    un = ref(
        "un",
        source="UN",
        metric="militants",
        region="AF",
        period="2024-07",
        kind="range",
        value=None,
        low=6000.0,
        high=6500.0,
    )
    wide = claim(
        kind="range",
        low=6000.0,
        high=10000.0,
        metric="militants",
        region="AF",
        period="2024",
        attributed_to="UN",
    )
    verdict, rule, summary = summary_of([wide], [un])
    assert (verdict, rule) == ("contradicted", "named-source-disagrees")
    assert (
        summary
        == "UN reported 6,000–6,500 militants in Afghanistan in July 2024, not 6,000–10,000."
    )
    inside = wide | {"high": 6500.0}
    assert summary_of([inside], [un])[:2] == ("supported", "named-source-agrees")


def test_a_quarter_is_not_judged_against_a_year():
    year = ref("y", source="GTI", value=1081.0, period="2024")
    q2 = claim(value=380.0, metric="deaths", region="PK", period="2024-04/2024-06")
    assert summary_of([q2], [year]) == (
        "unverifiable",
        "no-reference",
        "No reference figure measures deaths in Pakistan in Q2 2024.",
    )


def test_factor_claims_are_checked_against_the_sources_two_periods():
    refs = [
        ref("n", source="GTI", metric="attacks", value=1099.0, period="2024"),
        ref("o", source="GTI", metric="attacks", value=517.0, period="2023"),
    ]
    doubled = claim(
        kind="factor",
        value=2.0,
        qualifier="over",
        metric="attacks",
        region="PK",
        period="2024",
        base_period="2023",
        attributed_to="GTI",
    )
    assert summary_of([doubled], refs)[:2] == ("supported", "named-source-agrees")
    tripled = doubled | {"value": 3.0, "qualifier": "nearly"}
    verdict, rule, summary = summary_of([tripled], refs)
    assert (verdict, rule) == ("contradicted", "named-source-disagrees")
    assert "2.13-fold" in summary


@pytest.mark.parametrize(("new", "verdict"), [
    (1432.0, "supported"),  # 1,432 / 651 = 2.20: "doubled"
    (1107.0, "contradicted"),  # 1.70: a 70% rise, not a doubling
    (1693.0, "contradicted"),  # 2.60: more than doubled
])
def test_a_multiplier_word_is_read_as_approximate(new, verdict):
    refs = [
        ref("n", source="PIPS", metric="attacks", value=new, period="2024"),
        ref("o", source="PIPS", metric="attacks", value=651.0, period="2023"),
    ]
    doubled = claim(text="attacks doubled", kind="factor", value=2.0, metric="attacks",
                    region="PK", period="2024", base_period="2023", attributed_to="PIPS")
    found, _, why = verdict_of([doubled], refs)
    assert found == verdict
    assert "[1.75, 2.25] (a factor in words: ± 12.5%)" in why


@pytest.mark.parametrize(("stated", "verdict"), [
    (45.0, "supported"),  # 1,013 against 696 is +45.5%: cut to 45 or rounded to 46
    (46.0, "supported"),
    (44.0, "contradicted"),  # a whole unit below
    (47.0, "contradicted"),
])
def test_a_claimed_change_may_be_cut_at_its_last_digit(stated, verdict):
    refs = [ref("n", source="PIPS", value=1013.0, period="2024"),
            ref("o", source="PIPS", value=696.0, period="2023")]
    change = claim(text=f"a {stated:.0f}% rise", kind="percent_change", value=stated, unit="%",
                   metric="deaths", region="PK", period="2024", base_period="2023",
                   attributed_to="PIPS")
    assert verdict_of([change], refs)[0] == verdict


def test_explanations_never_say_nan():
    refs = [
        ref(
            "ba",
            source="PICSS",
            metric="attacks",
            region="PK-BA",
            value=None,
            low=170.0,
            kind="range",
        )
    ]
    figure = claim(value=419.0, metric="attacks", region="PK-BA", period="2023")
    _, verdicts = run([figure], refs)
    text = " ".join(verdicts[["summary", "explanation"]].iloc[0])
    assert "nan" not in text.lower().split() and "nan" not in text


def test_rule_ids_are_an_enum_the_contract_checks():
    from checks.schemas import ContractError, VerdictSchema
    from checks.vocabulary import RULE_DESCRIPTIONS, Rule

    assert set(RULE_DESCRIPTIONS) == set(Rule)
    _, verdicts = run([claim(value=3.0)], PIPS_DEATHS)
    verdicts.loc[0, "rule"] = "every-source-agrees"
    with pytest.raises(ContractError, match="rule"):
        validate(VerdictSchema, verdicts, "verdicts")


def test_unnamed_contradiction_names_the_misplaced_figure():
    refs = [
        ref(
            "sd",
            source="CRSS",
            kind="percent_change",
            region="PK-SD",
            value=26.0,
            base_period="2022",
            unit="%",
        ),
        ref(
            "ba",
            source="CRSS",
            kind="percent_change",
            region="PK-BA",
            value=57.0,
            base_period="2022",
            unit="%",
        ),
    ]
    figure = claim(
        kind="percent_change",
        value=57.0,
        unit="%",
        metric="deaths",
        region="PK-SD",
        period="2023",
        base_period="2022",
    )
    # One publisher alone raises no alarm on an unattributed figure, but names the match.
    verdict, rule, summary = summary_of([figure], refs)
    assert (verdict, rule) == ("unverifiable", "one-publisher-differs")
    refs.append(refs[0] | {"ref_id": "sd-other", "source": "S2", "value": 30.0})
    verdict, rule, summary = summary_of([figure], refs)
    assert (verdict, rule) == ("contradicted", "sources-disagree")
    assert summary.startswith("CRSS reported a change of +57% in deaths in Balochistan, not Sindh")


def test_estimates_of_a_stock_made_at_other_times_do_not_dispute():
    march = ref(
        "m",
        source="Envoy",
        metric="militants",
        region="AF",
        period="2024-03-16",
        kind="range",
        value=None,
        low=5000.0,
        high=6000.0,
    )
    july = ref(
        "j",
        source="UN",
        metric="militants",
        region="AF",
        period="2024-07",
        kind="range",
        value=None,
        low=6000.0,
        high=6500.0,
    )
    figure = claim(
        kind="range", low=6000.0, high=6500.0, metric="militants", region="AF", period="2024"
    )
    assert summary_of([figure], [march, july])[:2] == ("supported", "sources-agree")


def test_a_revised_edition_supersedes_the_older_one():
    older = ref(
        "e24",
        source="GTI",
        metric="attacks",
        value=490.0,
        document="Index 2024",
        published="2024-02-29",
    )
    newer = ref(
        "e25",
        source="GTI",
        metric="attacks",
        value=517.0,
        document="Index 2025",
        published="2025-03-05",
    )
    figure = claim(value=517.0, metric="attacks", region="PK", period="2023", attributed_to="GTI")
    assert summary_of([figure], [older, newer], published="2025-06-01")[:2] == (
        "supported",
        "named-source-agrees",
    )
    # Before the revision appeared, the older edition is what the source said.
    assert summary_of([figure | {"value": 490.0}], [older, newer], published="2024-06-01")[:2] == (
        "supported",
        "named-source-agrees",
    )


def test_a_source_with_two_definitions_states_the_figure_by_either():
    militant = ref("m", source="PICSS", value=976.0, definition="Militant attacks.")
    everything = ref("a", source="PICSS", value=1529.0, definition="All violent incidents.")
    figure = claim(value=976.0, metric="deaths", region="PK", period="2023", attributed_to="PICSS")
    assert summary_of([figure], [militant, everything])[:2] == ("supported", "named-source-agrees")


def test_every_bundled_publisher_definition_has_a_comparability_group():
    """checks/definitions.yaml names definitions by their opening words: a reworded
    descriptor must not silently drop a publisher out of its group."""
    from checks.definitions import load
    from sources.references import load_references

    refs = load_references()
    defs = load()
    known = {group.id for group, _ in defs.groups}
    counted = refs[refs["source"].isin(["PIPS", "PICSS", "CRSS", "GTI"])]
    pairs = set(zip(counted["source"], counted["definition"], strict=True))
    assert pairs
    for source, definition in pairs:
        assert defs.group_of(source, definition).id in known, (source, definition)
    assert defs.group_of("CRSS", counted[counted["source"] == "CRSS"]["definition"].iloc[0])
    broader = {(s, defs.group_of(s, d).broader) for s, d in pairs}
    assert ("CRSS", True) in broader and ("PIPS", False) in broader


def test_a_running_tally_confirms_but_never_alarms():
    """On 6 December a year's count can only quote a tally of the year so far: the
    publisher's release to 1 December confirms the same number, and a different number
    may come from a newer release, so it raises no alarm."""
    tally = ref("to-1-dec", source="S1", value=636.0, period="2024-01-01/2024-12-01",
                published="2024-12-02")
    stated = claim(text="636", value=636.0, metric="deaths", region="PK", period="2024",
                   attributed_to="S1",
                   binding="region: the sentence (Pakistan); period: its own '2024'")
    assert verdict_of([stated], [tally], published="2024-12-06")[:2] == (
        "supported", "named-source-agrees")
    other = stated | {"text": "700", "value": 700.0}
    verdict, rule, explanation = verdict_of([other], [tally], published="2024-12-06")
    assert (verdict, rule) == ("unverifiable", "running-tally")
    assert "636" in explanation
    # The same tally against the year after it ended is no tally of a running period.
    assert verdict_of([other], [tally], published="2025-02-01")[:2] == (
        "unverifiable", "no-reference")


def test_a_share_in_words_is_read_roughly_and_one_in_digits_at_its_digits():
    """"Two-thirds of attacks" is a proportion said roughly (65% is two-thirds); "67%" is
    rounded at its last digit."""
    pips = ref("p", source="PIPS", metric="attacks", kind="share", value=65.0, unit="%")
    words = claim(text="Two-thirds of attacks", kind="share", value=66.6667, unit="%",
                  metric="attacks", region="PK", period="2023", attributed_to="PIPS")
    assert verdict_of([words], [pips])[0] == "supported"
    digits = words | {"text": "67% of attacks", "value": 67.0}
    assert verdict_of([digits], [pips])[0] == "contradicted"


# A publisher that prints its own change truncated: 1,043 against 700 deaths is +49.0%, printed
# "at least 48%" here so that a claim of "48 percent" quotes it while figcheck's arithmetic
# from the same counts (+49.0%) falls outside [47.5, 48.5).
TRUNCATED_CHANGE = [
    ref("t24", source="PICSS", value=1043.0, period="2024"),
    ref("t23", source="PICSS", value=700.0, period="2023"),
    ref("tc", source="PICSS", kind="percent_change", value=48.0, qualifier="at_least", unit="%",
        period="2024", base_period="2023"),
]
TRUNCATED_CLAIM = claim(kind="percent_change", value=48.0, unit="%", metric="deaths",
                        region="PK", period="2024", base_period="2023", attributed_to="PICSS")


def test_the_publishers_printed_change_stands_over_figchecks_arithmetic():
    evidence, verdicts = run([TRUNCATED_CLAIM], TRUNCATED_CHANGE)
    assert verdicts.iloc[0]["verdict"] == "supported"
    derived = evidence[evidence["derived"]]
    assert len(derived) == 1 and not derived["agrees"].any() and not derived["decides"].any()
    assert "Context, not deciding: PICSS (derived)" in verdicts.iloc[0]["explanation"]


def test_a_printed_change_that_disagrees_leaves_the_arithmetic_deciding():
    # "49 percent" agrees with the counts (+49.0%) and with "at least 48": supported; "47"
    # agrees with neither: contradicted by both. Where only the arithmetic agrees, the
    # publisher's own figures disagree and neither outranks the other.
    assert verdict_of([TRUNCATED_CLAIM | {"value": 49.0}], TRUNCATED_CHANGE)[0] == "supported"
    assert verdict_of([TRUNCATED_CLAIM | {"value": 47.0}], TRUNCATED_CHANGE)[0] == "contradicted"
    exact = [*TRUNCATED_CHANGE[:2], TRUNCATED_CHANGE[2] | {"qualifier": None, "value": 47.0}]
    assert verdict_of([TRUNCATED_CLAIM | {"value": 49.0}], exact)[0] == "disputed"


def test_a_figure_given_before_its_period_ended_is_not_contradicted_by_the_final_count():
    """On 30 December a year's toll is the publisher's count at the time; its annual report,
    published in January, may give another. That later count cannot make the article wrong;
    one published before the article still can."""
    final = ref("final", source="S1", value=500.0, period="2022", published="2023-01-05")
    stated = claim(text="537", value=537.0, metric="deaths", region="PK", period="2022",
                   attributed_to="S1",
                   binding="region: the sentence (Pakistan); period: its own 'this year'")
    verdict, rule, explanation = verdict_of([stated], [final], published="2022-12-30")
    assert (verdict, rule) == ("unverifiable", "final-count-later")
    assert "500" in explanation
    # Once the year is over, the same count published later does decide (no running count).
    assert verdict_of([stated], [final], published="2023-01-02")[0] == "contradicted"
    # ... and so does one published before the article.
    earlier = final | {"published": "2022-12-20"}
    assert verdict_of([stated], [earlier], published="2022-12-30")[0] == "contradicted"
    # The final count still confirms a figure that matches it.
    assert verdict_of([stated | {"value": 500.0, "text": "500"}], [final],
                      published="2022-12-30")[0] == "supported"


def test_no_alarm_on_the_articles_place_for_a_worldwide_indexs_figure() -> None:
    """A figure of an index that counts the world, with no place of its own, may be the
    world's: the article's country is figcheck's reading, not the writer's."""
    gti = ref("g", source="GTI", value=490.0, metric="attacks", period="2023")
    stated = claim(text="3,100", value=3100.0, metric="attacks", region="PK", period="2023",
                   attributed_to="GTI",
                   binding="region: the article's first paragraph (Pakistan), though GTI "
                           "counts the whole world; period: its own 'last year'")
    assert verdict_of([stated], [gti])[:2] == ("unverifiable", "inherited-binding")
    # Without the mark (a national publisher), the article's place is the writer's.
    national = stated | {"binding": "region: the article's first paragraph (Pakistan); "
                                    "period: its own 'last year'"}
    assert verdict_of([national], [gti])[0] == "contradicted"


def test_an_earlier_edition_of_the_figure_still_supports_it() -> None:
    """A publisher's April report gives 82 attacks for April; its May report revises April
    to 81. A story quoting either edition quotes the publisher: the later edition decides,
    but the earlier one, which agrees, makes the claim supported with the revision shown;
    a number neither edition gives is still contradicted."""
    first = ref("apr", source="S1", metric="attacks", value=82.0, period="2025-04",
                document="april report", published="2025-05-01")
    revised = ref("may", source="S1", metric="attacks", value=81.0, period="2025-04",
                  document="may report", published="2025-06-01")
    quoted = claim(text="82", value=82.0, metric="attacks", region="PK", period="2025-04",
                   attributed_to="S1",
                   binding="region: the sentence (Pakistan); period: its own 'April'")
    verdict, rule, explanation = verdict_of([quoted], [first, revised], published="2025-06-10")
    assert (verdict, rule) == ("supported", "earlier-edition-agrees")
    assert "81" in explanation
    assert verdict_of([quoted | {"value": 81.0, "text": "81"}], [first, revised],
                      published="2025-06-10")[:2] == ("supported", "named-source-agrees")
    assert verdict_of([quoted | {"value": 79.0, "text": "79"}], [first, revised],
                      published="2025-06-10")[0] == "contradicted"


def test_an_earlier_edition_supports_a_figure_the_article_credits_to_no_one() -> None:
    """The same with no source named: where the revision alone leaves the figure unconfirmed
    ("only S1 measures it, and reports 81"), its earlier edition still says 82."""
    first = ref("apr", source="S1", metric="attacks", value=82.0, period="2025-04",
                document="april report", published="2025-05-01")
    revised = ref("may", source="S1", metric="attacks", value=81.0, period="2025-04",
                  document="may report", published="2025-06-01")
    unnamed = claim(text="82", value=82.0, metric="attacks", region="PK", period="2025-04",
                    binding="region: the sentence (Pakistan); period: its own 'April'")
    assert verdict_of([unnamed], [first, revised], published="2025-06-10")[:2] == (
        "supported", "earlier-edition-agrees")
    # Without the earlier edition the one publisher's other number decides nothing.
    assert verdict_of([unnamed], [revised], published="2025-06-10")[0] == "unverifiable"


def test_a_figure_of_a_monitor_figcheck_holds_no_figures_of_is_not_set_against_others():
    # SATP counts "overall fatalities" with militants killed in operations; PIPS's deaths in
    # attacks are another measure, and no ground for an alarm on SATP's number.
    refs = [ref("p", source="PIPS", metric="deaths", value=136.0, region="PK-BA",
                period="2021", published="2022-01-04")]
    found = judged_sentence(
        "According to partial data compiled by the South Asia Terrorism Portal (SATP), overall "
        "fatalities in Balochistan increased to 311 in 2021.", refs, "2022-01-05")
    claim = found["311"]
    assert claim["attributed_to"] == "SATP"
    assert claim["verdict"] == "unverifiable", claim["summary"]


def test_casualties_shown_as_a_sum_are_supported_by_the_deaths_and_injuries() -> None:
    # "812 killed and 1,140 injured, a total of 1,952 casualties" is a correct sentence: the
    # casualties are the sum, which the publisher's deaths (812) must not contradict.
    picss = {"source": "PICSS", "period": "2023", "published": "2024-01-01"}
    refs = [ref("d", metric="deaths", value=812.0, **picss),
            ref("i", metric="injured", value=1140.0, **picss)]
    found = judged_sentence(
        "According to PICSS, 812 people were killed and 1,140 injured across Pakistan in 2023, "
        "a total of 1,952 casualties.", refs, "2024-01-05")
    assert found["1,952"]["verdict"] == "supported", found["1,952"]["summary"]


def test_a_count_of_all_violence_does_not_dispute_a_figure_a_count_of_attacks_states() -> None:
    # PIPS counts deaths in terrorist attacks, CRSS all violence with security operations: an
    # unattributed 540 that PIPS states is supported, CRSS's 2,210 is context. Two counts of
    # attacks that disagree still dispute it.
    pips = ref("p", source="PIPS", value=540.0, definition="Terrorist attacks only")
    crss = ref("c", source="CRSS", value=2210.0, definition="All violence: terror attacks and "
               "security operations")
    unnamed = claim(text="540", value=540.0, metric="deaths", region="PK", period="2023",
                    binding="region: the sentence (Pakistan); period: its own '2023'")
    assert verdict_of([unnamed], [pips, crss])[:2] == ("supported", "sources-agree")
    picss = ref("m", source="PICSS", value=640.0, definition="Militant attacks and their toll")
    assert verdict_of([unnamed], [pips, crss, picss])[0] == "disputed"
    # The other way round the reader must know whose figure it is (the demo's "84% of
    # attacks", which only the count of all violence states).
    broad = claim(text="2,210", value=2210.0, metric="deaths", region="PK", period="2023",
                  binding="region: the sentence (Pakistan); period: its own '2023'")
    assert verdict_of([broad], [pips, crss])[0] == "disputed"
