"""Binding in context: what an article establishes (place, source, time) and what a figure
counts, read the way a careful reader does. Each rule has a found and a not-found case;
the sentences are written for these tests in the style of news coverage."""

from __future__ import annotations

import math

import pytest

from checks.schemas import ClaimSchema as C
from sources.extract import extract_claims

PUB = "2024-01-10"


def rows(text: str, published: str | None = PUB) -> list[dict]:
    df = extract_claims(text, "t", published)
    return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in df.to_dict("records")]


def by_text(text: str, published: str | None = PUB) -> dict[str, dict]:
    return {r[C.text]: r for r in rows(text, published)}


# --- place -------------------------------------------------------------------------------------


def test_dateline_places_a_figure_whose_sentence_names_no_place() -> None:
    text = ("QUETTA: Militants stormed a district office on Monday.\n"
            "Officials said 14 people were killed in the assault.")
    claim = by_text(text)["14"]
    assert claim[C.region] == "PK-BA"  # Quetta is Balochistan's capital
    assert "dateline" in claim[C.binding]


def test_a_provincial_capitals_dateline_counts_for_its_province() -> None:
    text = ("PESHAWAR: Khyber Pakhtunkhwa, the province worst hit by Pakistan's militancy, saw "
            "more attacks this year.\nThe police force lost 79 officers in 2024.")
    assert by_text(text, "2025-01-05")["79"][C.region] == "PK-KP"
    # The federal capital's dateline says only the country.
    text = ("ISLAMABAD: Khyber Pakhtunkhwa, the province worst hit by Pakistan's militancy, saw "
            "more attacks this year.\nThe police force lost 79 officers in 2024.")
    assert by_text(text, "2025-01-05")["79"][C.region] == "PK"


@pytest.mark.parametrize("dateline", ["Peshawar [Pakistan], March 4 (ANI): ",
                                      "Peshawar, Mar 4 (PTI) "])
def test_news_agency_datelines_are_read(dateline: str) -> None:
    text = dateline + "The police force lost 79 officers in 2024, officials said."
    found = by_text(text, "2025-03-04")["79"]
    assert found[C.region] == "PK-KP"
    assert "dateline" in found[C.binding]


def test_headline_places_the_article() -> None:
    text = ("Attacks in Afghanistan fell sharply last year\n"
            "Officials counted 120 attacks across the provinces, down from 190.")
    claim = by_text(text)["120"]
    assert claim[C.region] == "AF"
    assert "headline" in claim[C.binding]


def test_no_place_anywhere_leaves_the_region_empty() -> None:
    claim = by_text("Officials said 14 people were killed in the assault.")["14"]
    assert claim[C.region] is None


def test_the_country_refers_to_the_article_country() -> None:
    text = ("Pakistan saw a sharp rise in militant violence in 2023, a new report says.\n"
            "Khyber Pakhtunkhwa bore the brunt of it.\n"
            "Across the country, 1,524 people were killed.")
    claim = by_text(text)["1,524"]
    assert claim[C.region] == "PK"


def test_sentence_place_wins_over_the_article_place() -> None:
    text = ("Pakistan saw a sharp rise in militant violence in 2023, a new report says.\n"
            "In Balochistan, 286 people were killed.")
    assert by_text(text)["286"][C.region] == "PK-BA"


LEAD = ("Militant attacks across Pakistan rose in 2022, a think tank said on Monday.\n"
        "Karachi and Lahore were calmer than the year before.\n")


def test_a_place_that_opens_its_sentence_places_the_figures_after_it() -> None:
    found = by_text(LEAD + "Sindh remained the calmest province, recording 12 attacks that "
                    "claimed 20 lives.")
    assert found["12"][C.region] == "PK-SD"
    assert found["20"][C.region] == "PK-SD"
    # A place later in the sentence is no subject: the figure keeps the article's place.
    found = by_text(LEAD + "The think tank recorded 12 attacks, most of them near Sindh's border.")
    assert found["12"][C.region] == "PK"


def test_a_place_in_an_aside_about_a_merger_is_incidental() -> None:
    found = by_text(LEAD + "The tribal districts, now merged with Khyber Pakhtunkhwa, also saw "
                    "heavy fighting, recording 150 attacks and 200 deaths over the year.")
    assert found["150"][C.region] == "PK-TA"
    assert found["200"][C.region] == "PK-TA"


def test_the_province_names_the_province_last_named() -> None:
    found = by_text(LEAD + "The report looked at Khyber Pakhtunkhwa in detail.\n"
                    "In June alone, the province reported 90 incidents of terrorism.")
    assert found["90"][C.region] == "PK-KP"
    assert "carried by 'the province'" in found["90"][C.binding]
    # With no province named before, "the province" carries nothing.
    found = by_text(LEAD + "In June alone, the province reported 90 incidents of terrorism.")
    assert found["90"][C.region] == "PK"


def test_events_taken_up_by_the_next_sentence_keep_their_place() -> None:
    found = by_text(LEAD + "Two attacks hit Balochistan in May.\n"
                    "These attacks killed five people and wounded 12 others.")
    assert found["five"][C.region] == "PK-BA"
    assert found["12"][C.region] == "PK-BA"
    # A sentence that does not take the events up stays in the article's place.
    found = by_text(LEAD + "Two attacks hit Balochistan in May.\n"
                    "Officials said five people were killed and 12 injured in May.")
    assert found["five"][C.region] == "PK"


def test_a_publisher_scope_places_a_figure_when_the_article_names_no_place() -> None:
    found = by_text("PIPS counted 306 attacks in 2023.")["306"]
    assert found[C.region] == "PK"
    assert "scope" in found[C.binding]
    # A source with no scope in the vocabulary gives no place.
    assert by_text("The index counted 306 attacks in 2023.")["306"][C.region] is None


# --- source ------------------------------------------------------------------------------------


def test_a_news_outlet_relaying_a_figure_is_not_its_source() -> None:
    found = by_text("According to Geo News, 97 civilians were killed in 2022.")
    assert found["97"][C.attributed_to] is None
    found = by_text("According to the Balochistan Home Department, 97 civilians were "
                    "killed in 2022.")
    assert found["97"][C.attributed_to] is not None


def test_quoting_or_citing_a_publisher_attributes_to_it() -> None:
    found = by_text("Deaths rose to 300 in 2022, the paper reported, citing PIPS data.")
    assert found["300"][C.attributed_to] == "PIPS"


def test_a_source_that_had_earlier_put_a_figure_is_its_source() -> None:
    text = ("The UN team put the TTP's strength at 6,000 to 6,500 fighters in July 2024. "
            "Pakistan's special envoy, Asif Durrani, had earlier put the number of TTP fighters "
            "at 5,000 to 6,000.")
    assert by_text(text, published="2024-07-30")["5,000 to 6,000"][C.attributed_to] == (
        "Asif Durrani")


def test_since_a_date_runs_to_publication() -> None:
    claims = by_text("PESHAWAR: The CTD has arrested 700 suspects since January 1, the "
                     "department said.", published="2024-12-06")
    assert claims["700"][C.period] == "2024-01-01/2024-12-06"
    claims = by_text("PESHAWAR: The CTD has arrested 700 suspects since May.",
                     published="2024-12-06")
    assert claims["700"][C.period] == "2024-05-01/2024-12-06"
    # A record "since" a date sets no period.
    claims = by_text("PESHAWAR: Attacks rose to 70 in November 2024, the highest since March "
                     "2015.", published="2024-12-06")
    assert claims["70"][C.period] == "2024-11"


def test_a_source_that_puts_a_measure_at_a_figure_is_its_source() -> None:
    text = ("ISLAMABAD: The Centre for Research and Security Studies, which also counts "
            "security operations, put overall fatalities from violence at 1,500 in 2023.")
    assert by_text(text, published="2024-01-10")["1,500"][C.attributed_to] == "CRSS"


def test_a_year_after_a_change_and_over_is_its_base() -> None:
    claims = rows("ISLAMABAD: PIPS said attacks rose by 17 percent in 2023 over 2022.",
                  published="2024-01-10")
    assert [(r[C.text], r[C.period], r[C.base_period]) for r in claims] == [
        ("rose by 17 percent", "2023", "2022")]
    # A level the change reached is a count.
    claims = by_text("ISLAMABAD: PIPS said attacks rose 17 percent in 2023, to over 2000.",
                     published="2024-01-10")
    assert claims["over 2000"][C.kind] == "count"


def test_a_publishers_named_database_is_the_publisher() -> None:
    found = by_text("Another 40 soldiers were injured, the PICSS Militancy Database showed.")
    assert found["40"][C.attributed_to] == "PICSS"
    # The publisher named as a topic, with no saying verb, is no attribution.
    assert by_text("Another 40 soldiers were injured near the PICSS office.")["40"][
        C.attributed_to] is None


def test_it_says_carries_the_last_named_source() -> None:
    text = ("The Centre for Research and Security Studies released its quarterly review on Monday.\n"
            "It says 380 people were killed between April and June.")
    claim = by_text(text)["380"]
    assert claim[C.attributed_to] == "CRSS"
    # Counted as a reader counts: the line break is not a sentence of its own.
    assert "carried from 'CRSS' (1 sentence before)" in claim[C.binding]


def test_casualties_of_those_attacks_come_from_the_count_that_named_them() -> None:
    text = ("CRSS documented 444 attacks across the country in the third quarter.\n"
            "At least 722 people were killed in these attacks.\n"
            "Elsewhere, 60 people drowned in floods.")
    found = by_text(text)
    assert found["At least 722"][C.attributed_to] == "CRSS"
    assert "carried from 'CRSS'" in found["At least 722"][C.binding]
    # No back reference: a new sentence about something else keeps no source.
    assert found["60"][C.attributed_to] is None


def test_a_restated_figure_keeps_the_source_it_was_first_given() -> None:
    text = ("PICSS counted 1,200 deaths in Pakistan in 2023.\n"
            "Floods also hit the north.\n"
            "Khyber Pakhtunkhwa accounted for 700 of the 1,200 deaths.")
    found = rows(text, PUB)
    restated = [r for r in found if r[C.text] == "1,200"][1]
    assert restated[C.attributed_to] == "PICSS"
    assert "as the earlier 1,200" in restated[C.binding]
    # Another number for the same measure is a new figure, not the earlier one.
    other = by_text(text.replace("700 of the 1,200", "700 of the 1,300"))["1,300"]
    assert other[C.attributed_to] is None


def test_a_people_word_qualifying_another_noun_is_not_the_changes_measure() -> None:
    found = by_text("Pakistan saw a 25 per cent spike in terrorist violence in 2023, and a 10% "
                    "rise in militant activity, PIPS said.", "2024-01-04")
    assert (found["25 per cent spike"][C.metric], found["10% rise"][C.metric]) == (None, None)
    # The people themselves, and their attacks, are measures.
    people = by_text("PIPS counted a 25 per cent rise in militants and a 10% rise in terrorist "
                     "attacks in 2023.", "2024-01-04")
    assert (people["25 per cent rise"][C.metric], people["10% rise"][C.metric]) == (
        "militants", "attacks")
    # Before the change too: the deaths are what rose, not militants.
    subject = by_text("In 2023, deaths linked to terrorist violence rose by 25%, PIPS said.\n"
                      "Overall militant violence surged by 10% in 2023.", "2024-01-04")
    assert (subject["rose by 25%"][C.metric], subject["surged by 10%"][C.metric]) == (
        "deaths", None)


def test_a_measure_qualified_by_a_phrase_is_not_the_phrase_noun() -> None:
    # What fell is the damage, a noun figcheck has no measure for, not the attacks.
    text = ("Attacks rose 12% in March in Pakistan, but the damage caused by these attacks "
            "fell by 30%.")
    found = by_text(text)
    assert found["rose 12%"][C.metric] == "attacks"
    assert found["fell by 30%"][C.metric] is None
    # Opening the clause, the same phrase sets the scene and the noun after it is the measure.
    assert by_text("In these attacks, 40 people were killed in Pakistan.")["40"][C.metric] == (
        "deaths")


def test_the_group_refers_back_to_the_last_acting_group_named() -> None:
    text = ("The Pakistani Taliban widened their campaign in Pakistan in 2024.\n"
            "Officials put 520 deaths in 2024 down to the outfit.\n"
            "Overall, 1,000 people were killed in 2024.")
    found = by_text(text)
    assert found["520"][C.metric] == "deaths_ttp"
    assert found["1,000"][C.metric] == "deaths"
    # With no acting group named before it, "the group" is nobody in particular.
    alone = by_text("Officials put 520 deaths in Pakistan in 2024 down to the outfit.")
    assert alone["520"][C.metric] == "deaths"


def test_a_new_paragraph_without_a_back_reference_does_not_inherit_the_source() -> None:
    text = ("PIPS said 693 people were killed in 2023.\n"
            "Separately, 90 people died in floods in Sindh in 2023.")
    assert by_text(text)["90"][C.attributed_to] is None


def test_a_new_named_source_breaks_the_carry() -> None:
    text = ("PICSS recorded 645 attacks in 2023.\n"
            "Interior Minister Rana Sanaullah said the situation was improving.\n"
            "The report says 976 people were killed.")
    # "the report" refers back to the last source named, which is now the minister.
    assert by_text(text)["976"][C.attributed_to] != "PICSS"


def test_a_source_named_at_the_start_of_a_paragraph_covers_the_paragraph() -> None:
    text = ("According to PICSS, militants mounted 74 attacks in October. "
            "Balochistan saw 31 of them.\nFloods displaced 2,000 families.")
    found = by_text(text)
    assert found["31"][C.attributed_to] == "PICSS"
    assert "start of the paragraph" in found["31"][C.binding]
    assert found["2,000"][C.attributed_to] is None


# --- time --------------------------------------------------------------------------------------


def test_the_month_of_a_month_is_a_date_and_sets_the_articles_period() -> None:
    text = ("Militant attacks in Pakistan fell during the month of March, a think tank said.\n"
            "It counted 40 soldiers and 30 civilians killed.")
    found = by_text(text, "2024-04-02")
    assert found["during the month of March"][C.kind] == "date"
    assert found["40"][C.period] == "2024-03"
    assert by_text("Attacks fell in the month of June 2023.")["June 2023"][C.kind] == "date"


@pytest.mark.parametrize(
    ("sentence", "figure", "period"),
    [
        ("Militants killed 380 people in the second quarter of 2024.", "380", "2024-04/2024-06"),
        ("Deaths reached 432 in Q1 2024.", "432", "2024-01/2024-03"),
        ("In the first half of 2023, 389 attacks were recorded.", "389", "2023-01/2023-06"),
        ("From January to September 2023, 640 attacks took place.", "640", "2023-01/2023-09"),
        ("The first eleven months of 2024 saw 1,050 attacks.", "1,050", "2024-01/2024-11"),
        ("Militants killed 910 people in the first three quarters of 2023.", "910",
         "2023-01/2023-09"),
        ("Spending rose to Rs2,100 billion in fiscal year 2024-25.", "Rs2,100 billion",
         "2024-07/2025-06"),
    ],
)
def test_period_phrases_are_intervals(sentence: str, figure: str, period: str) -> None:
    assert by_text(sentence)[figure][C.period] == period


def test_a_period_that_owns_a_figure_dates_it() -> None:
    text = ("PIPS counted 74 attacks in Pakistan in October, slightly more than September's "
            "tally of 70 and well above August’s 52.")
    found = by_text(text, "2024-11-04")
    assert [found[n][C.period] for n in ("74", "70", "52")] == ["2024-10", "2024-09", "2024-08"]
    assert "its own 'September'" in found["70"][C.binding]
    # "the previous month's" counts back from the month the sentence names.
    before = by_text("PIPS counted 74 attacks in Pakistan in October, up from the previous "
                     "month's 70.", "2024-11-04")
    assert before["70"][C.period] == "2024-09"
    # "Last month's" counts back from the publication day, which the comparison may not
    # mean; it does not own the figure.
    last = by_text("PIPS counted 74 attacks in Pakistan in October, up from last month's 70.",
                   "2024-11-04")
    assert "its own" not in last["70"][C.binding]


def test_the_month_an_improvement_is_from_dates_only_the_figures_told_of_it() -> None:
    text = ("PICSS counted 70 attacks in Pakistan in October.\nSindh saw 12 attacks resulting in "
            "9 deaths, a marked improvement from September, which witnessed 30 attacks and 41 "
            "fatalities.")
    found = by_text(text, "2024-11-04")
    assert [found[n][C.period] for n in ("12", "9")] == ["2024-10", "2024-10"]
    assert [found[n][C.period] for n in ("30", "41")] == ["2024-09", "2024-09"]
    # A change in a month is that month's, not from it.
    assert by_text("Sindh saw a rise in attacks in September, to 30.", "2024-11-04")["30"][
        C.period] == "2024-09"
    # "..., where": the clause tells of the year before it.
    where = by_text("TTP attacks doubled in 2023, an increase from 2022, where 360 attacks "
                    "were recorded.", "2024-02-01")
    assert where["360"][C.period] == "2022"


def test_the_span_months_are_ranked_over_is_no_period() -> None:
    found = by_text("ISLAMABAD: March remains the second deadliest month this year with 140 "
                    "fatalities, PIPS said.", "2024-04-02")
    assert found["140"][C.period] == "2024-03"
    bloodiest = by_text("ISLAMABAD: March was the bloodiest month of 2023, with 140 fatalities, "
                        "PIPS said.", "2024-04-02")
    assert bloodiest["140"][C.period] == "2023-03"
    # A year that is no ranking's span still dates its figures.
    assert by_text("ISLAMABAD: Attacks rose to 300 this year, PIPS said.", "2024-04-02")[
        "300"][C.period] == "2024-01-01/2024-04-02"


def test_the_time_a_source_spoke_does_not_date_the_figure_it_gave() -> None:
    found = by_text("In December 2023, the CRSS said 1,400 people were killed in Pakistan in 2022.")
    assert found["1,400"][C.period] == "2022"
    assert found["1,400"][C.attributed_to] == "CRSS"
    # Without a saying verb between them, the opening time is the figure's.
    assert by_text("In December 2023, 140 people were killed in Pakistan, the CRSS said.")[
        "140"][C.period] == "2023-12"


def test_a_report_named_with_its_release_time_is_the_source() -> None:
    found = by_text("A CRSS report in October 2023 found that 445 people were killed in "
                    "Pakistan in the third quarter of 2023.")
    assert found["445"][C.attributed_to] == "CRSS"
    assert found["445"][C.period] == "2023-07/2023-09"


def test_a_year_so_far_runs_to_the_publication_day() -> None:
    found = by_text("Sindh has seen 48 attacks in 2024 so far.", published="2024-12-20")
    assert found["48"][C.period] == "2024-01-01/2024-12-20"
    # A past year with "so far" in the same sentence is still that whole year.
    assert by_text("Sindh saw 48 attacks in 2023.", published="2024-12-20")["48"][
        C.period] == "2023"


def test_same_period_last_year_is_the_base_shifted_a_year() -> None:
    found = by_text("Attacks in the first half of 2024 were up 20% on the same period last year.")
    claim = found["up 20%"]
    assert claim[C.period] == "2024-01/2024-06"
    assert claim[C.base_period] == "2023-01/2023-06"


def test_from_x_in_one_year_to_y_in_another_gives_each_its_own_year() -> None:
    found = by_text("Attacks more than doubled from 342 in 2021 to 760 in 2022.")
    assert found["342"][C.period] == "2021"
    assert found["760"][C.period] == "2022"
    factor = found["more than doubled"]
    assert (factor[C.kind], factor[C.value], factor[C.qualifier]) == ("factor", 2.0, "over")
    assert (factor[C.period], factor[C.base_period]) == ("2022", "2021")


def test_up_from_the_year_before() -> None:
    found = by_text("PIPS recorded 693 deaths in 2023, up from 419 the year before.")
    assert found["693"][C.period] == "2023"
    assert found["419"][C.period] == "2022"


def test_two_years_listed_with_and() -> None:
    found = by_text("The think tank counted 430 attacks in 2020 and 655 in 2021.")
    assert found["430"][C.period] == "2020"
    assert found["655"][C.period] == "2021"


def test_an_index_edition_year_is_not_its_data_year() -> None:
    found = by_text("Pakistan recorded 1,081 deaths, according to the Global Terrorism Index 2025.",
                    "2025-03-06")
    assert found["1,081"][C.period] == "2024"
    assert "edition year" in found["1,081"][C.binding]
    # A report whose title year is its data year keeps it.
    same = by_text("The Pakistan Security Report 2023 by PIPS counted 306 attacks.", "2024-01-05")
    assert same["306"][C.period] == "2023"


def test_a_change_with_a_later_base_year_in_its_clause() -> None:
    text = ("A total of 164 attacks in 2019 claimed 281 lives, an increase of 37 percent from "
            "the toll of 2018, and injured another 402 people.")
    found = by_text(text, "2020-01-06")
    assert found["increase of 37 percent"][C.base_period] == "2018"
    assert found["402"][C.period] == "2019"  # not the change's base year


# --- what is counted ---------------------------------------------------------------------------


def test_each_figure_takes_the_verb_of_its_own_clause() -> None:
    found = by_text("The blast killed 47 people and injured 93 in Quetta.")
    assert found["47"][C.metric] == "deaths"
    assert found["93"][C.metric] == "injured"


def test_parts_of_the_dead_get_part_metrics() -> None:
    text = ("The attacks killed 240 people, including 105 security personnel, 98 civilians "
            "and 37 militants.")
    found = by_text(text)
    assert found["240"][C.metric] == "deaths"
    assert found["105"][C.metric] == "deaths_security_personnel"
    assert found["98"][C.metric] == "deaths_civilians"
    assert found["37"][C.metric] == "deaths_militants"


def test_a_list_of_people_shares_the_verb_after_it() -> None:
    found = by_text("Another 40 soldiers, 31 civilians and 12 insurgents were wounded across "
                    "the province, the think tank said.")
    assert found["40"][C.metric] == "injured_security_personnel"
    assert found["31"][C.metric] == "injured_civilians"
    assert found["12"][C.metric] == "injured_militants"
    # A second list takes its own verb, not the one the clause opened with.
    found = by_text("The attacks killed 120 police personnel and 95 civilians, with 180 police "
                    "personnel and 210 civilians injured.")
    assert found["95"][C.metric] == "deaths_civilians"
    assert found["180"][C.metric] == "injured_security_personnel"
    assert found["210"][C.metric] == "injured_civilians"
    # Counts of people followed by another clause's verb are no such list.
    found = by_text("The army deployed 40 soldiers and 12 policemen, and militants killed "
                    "three people.")
    assert found["40"][C.metric] != "deaths_security_personnel"


def test_a_population_before_a_death_noun_makes_it_a_part() -> None:
    found = by_text("Civilian deaths rose to 300 in 2022, while militant fatalities fell to 120.")
    assert found["300"][C.metric] == "deaths_civilians"
    assert found["120"][C.metric] == "deaths_militants"
    assert by_text("Security forces’ casualties fell to 57 in 2022.")["57"][C.metric] == (
        "deaths_security_personnel")
    # Before a verb the population is the agent, not the part: these are soldiers killed.
    assert by_text("Militants killed 20 soldiers in 2022.")["20"][C.metric] == (
        "deaths_security_personnel")
    assert by_text("Deaths rose to 300 in 2022.")["300"][C.metric] == "deaths"


def test_operations_are_counted_and_a_daily_rate_is_not_a_total() -> None:
    found = by_text("Security forces conducted 40,000 intelligence-based operations in 2022, "
                    "the military said, and more than 110 operations were conducted daily.")
    assert found["40,000"][C.metric] == "security_operations"
    assert found["more than 110"][C.metric] == "security_operations_per_day"
    assert by_text("The army carried out 90 IBOs on a daily basis.")["90"][C.metric] == (
        "security_operations_per_day")


def test_arrests_and_abductions_are_counted() -> None:
    found = by_text("The CTD arrested 739 terrorists in 2022, and 215 people were abducted.")
    assert found["739"][C.metric] == "militants_arrested"
    assert found["215"][C.metric] == "abductions"
    # Arrested militants beside a death toll are not among the dead.
    found = by_text("Police said 40 people were killed and 12 militants arrested in 2022.")
    assert found["40"][C.metric] == "deaths"
    assert found["12"][C.metric] == "militants_arrested"


@pytest.mark.parametrize(
    ("text", "quote", "metric"),
    [
        # kinds of attack, each a part of the attacks
        ("Police recorded 40 IED explosions in the district in 2022.", "40", "ied_attacks"),
        ("There were 85 incidents of firing on check posts in 2022.", "85", "firing_attacks"),
        # what the police register and whom they name
        ("In 2022 the police registered 120 cases of terrorism in the district.", "120",
         "terrorism_cases"),
        ("Investigators said 64 suspects were identified in 2022.", "64", "suspects_named"),
        ("The raids netted 300 terrorists in 2022, 12 of them most wanted.", "12",
         "most_wanted_arrested"),
        # what was seized in the raids: a weight, and items counted one by one
        ("The raids in 2022 recovered 30 kg of explosives.", "30", "explosives_seized_kg"),
        ("Officers seized 44 hand grenades in 2022.", "44", "grenades_seized"),
        ("Officers seized three suicide vests in 2022.", "three", "suicide_jackets_seized"),
        ("Officers seized 90 firearms in 2022.", "90", "weapons_seized"),
        ("Officers seized 5,000 cartridges in 2022.", "5,000", "ammunition_seized"),
        # the military's count along the Line of Control
        ("The army reported 40 ceasefire violations along the LoC in 2022.", "40",
         "ceasefire_violations"),
        # a part of the dead that a think tank counts apart
        ("The clashes in 2022 killed 90 people, including 6 peace committee members.", "6",
         "deaths_peace_committee"),
    ],
)
def test_a_police_release_names_its_own_measures(text: str, quote: str, metric: str) -> None:
    assert by_text(text)[quote][C.metric] == metric


def test_cases_named_after_a_count_are_not_what_it_counts() -> None:
    # The suspects are people "involved in" the cases: the cases do not count them.
    found = by_text("In 2022 the CTD arrested 50 terrorists and 90 other men involved in these "
                    "terrorism cases.")
    assert found["90"][C.metric] != "terrorism_cases"
    # Explosives named near a toll are the weapon, not a seizure.
    found = by_text("In 2022 a bomber rammed a vehicle packed with explosives into the post, "
                    "killing 12 soldiers.")
    assert found["12"][C.metric] == "deaths_security_personnel"

def test_each_count_of_people_takes_its_own_verb() -> None:
    found = by_text("In 2022, 500 terrorists were killed while 4,000 terrorists were arrested, "
                    "and 300 more were gunned down in raids.")
    assert found["500"][C.metric] == "deaths_militants"
    assert found["4,000"][C.metric] == "militants_arrested"


def test_a_period_stated_earlier_frames_figures_when_the_opening_sets_none() -> None:
    text = ("Security forces kept up their campaign, the military said.\n"
            "In 2022, 4,000 operations were conducted across the country.\n"
            "Similarly, 1,500 operations were conducted in Sindh.")
    found = by_text(text)
    assert found["1,500"][C.period] == "2022"
    assert "last stated period" in found["1,500"][C.binding]
    # Where the opening sets a period, it wins over the last one stated.
    text = ("Militancy in Pakistan rose in 2023, a think tank said.\n"
            "Deaths in 2021 had been lower, at 400.\n"
            "Officials also counted 1,500 attacks.")
    assert by_text(text)["1,500"][C.period] == "2023"


def test_a_publishers_own_word_is_read_with_its_meaning() -> None:
    found = by_text("The KP police said 605 incidents were recorded in 2025, while CRSS counted "
                    "900 violent incidents.")
    assert found["605"][C.metric] == "attacks"  # the police count terrorist incidents
    assert found["900"][C.metric] == "incidents"  # CRSS's count attacks and operations
    assert by_text("The province suffered 312 terror-related incidents in 2024.")["312"][
        C.metric] == "attacks"


def test_the_verbs_of_an_operations_tally_are_read() -> None:
    found = by_text("Troops stepped up their raids in 2021, eliminating 83 "
                    "militants, injuring 14, and arresting 52.")
    assert [found[k][C.metric] for k in ("83", "14", "52")] == [
        "deaths_militants", "injured_militants", "militants_arrested"]
    found = by_text("In 2021, 420 raids led to the elimination of 76 terrorists and "
                    "the capture of 210 others, while 11 wanted men surrendered.")
    assert found["76"][C.metric] == "deaths_militants"
    assert found["210"][C.metric] == "militants_arrested"
    assert found["11"][C.metric] == "militants_surrendered"


def test_parts_named_after_of_whom_or_the_loss_of() -> None:
    found = by_text("In 2021 the bombings killed 71 people, 38 of whom were security personnel.")
    assert found["71"][C.metric] == "deaths"
    assert found["38"][C.metric] == "deaths_security_personnel"
    found = by_text("The raids in 2021 resulted in the loss of 57 police personnel and 88 "
                    "civilians.")
    assert found["57"][C.metric] == "deaths_security_personnel"
    assert found["88"][C.metric] == "deaths_civilians"
    assert by_text("In 2022, 925 terrorists were eliminated in operations.")["925"][
        C.metric] == "deaths_militants"


def test_militants_not_killed_stay_militants() -> None:
    found = by_text("Some 6,000 TTP militants are based in Afghanistan, officials estimate.")
    assert found["Some 6,000"][C.metric] == "militants"


def test_a_group_named_in_the_clause_makes_a_part() -> None:
    assert by_text("The TTP staged 54 terrorist attacks in 2021.")["54"][C.metric] == "attacks_ttp"
    assert by_text("Militants carried out 262 terrorist attacks in 2022.")["262"][C.metric] == "attacks"


def test_suicide_attack_deaths_are_a_part() -> None:
    found = by_text("In 2022, 214 people were killed in suicide bombings.")
    assert found["214"][C.metric] == "deaths_suicide_attacks"


def test_part_of_a_whole_names_the_whole() -> None:
    found = by_text("Balochistan accounted for 310 of the 845 deaths in 2022.")
    assert found["310"][C.metric] == "deaths"
    assert found["310"][C.region] == "PK-BA"
    assert found["845"][C.region] == "PK"


def test_the_group_in_an_aside_names_only_the_asides_figure() -> None:
    text = "The 500 attacks in Pakistan in 2021 (including 20 suicide attacks) killed 700 people."
    found = by_text(text)
    assert found["20"][C.metric] == "suicide_attacks"
    assert found["700"][C.metric] == "deaths"
    # Outside an aside the attacks named before the deaths are the deaths' attacks.
    assert by_text("In 2021, 20 suicide attacks in Pakistan killed 140 people.")["140"][
        C.metric] == "deaths_suicide_attacks"


def test_others_hurt_in_the_same_attacks_are_that_part_too() -> None:
    found = by_text("In 2020, 95 people died in suicide bombings in Pakistan, and 230 "
                    "others were wounded.")
    assert found["230"][C.metric] == "injured_suicide_attacks"
    # Without "others", a later figure is not tied to the earlier figure's attacks.
    plain = by_text("In 2020, 95 people died in suicide bombings in Pakistan.\n"
                    "Overall, 230 people were wounded in 2020.")
    assert plain["230"][C.metric] == "injured"


def test_terrorist_incidents_are_attacks_not_all_violent_incidents() -> None:
    found = by_text("In 2023 Punjab saw 41 terrorist incidents and 96 violent incidents in all.")
    assert found["41"][C.metric] == "attacks"
    assert found["96"][C.metric] == "incidents"
    # A small number word before the phrase is read as a figure too.
    assert by_text("Sindh saw nine terrorist incidents in March 2024.")["nine"][C.metric] == (
        "attacks")


def test_the_militarys_words_for_militants_killed_are_read() -> None:
    found = by_text("In Pakistan, troops neutralised 14 khwarij in May 2025, and 40 outlaws were "
                    "sent to hell in June 2025.")
    assert found["14"][C.metric] == "deaths_militants"
    assert found["40"][C.metric] == "deaths_militants"


# --- more claim forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote", "value"),
    [
        ("BLA-linked deaths rose nine-fold.", "nine-fold", 9.0),
        ("Deaths in the region grew sevenfold.", "sevenfold", 7.0),
        ("Kidnappings halved over the year.", "halved", 0.5),
        ("Casualties 19-fold higher than before.", "19-fold", 19.0),
    ],
)
def test_factors(sentence: str, quote: str, value: float) -> None:
    claim = by_text(sentence)[quote]
    assert (claim[C.kind], claim[C.value]) == ("factor", value)


def test_double_as_an_adjective_is_not_a_factor() -> None:
    assert rows("Inflation stayed in double digits.") == []


def test_ranks() -> None:
    found = by_text("Pakistan ranked second on the index, and Khyber Pakhtunkhwa remained the "
                    "most affected province.")
    assert found["ranked second"][C.kind] == "rank"
    assert found["ranked second"][C.value] == 2.0
    assert found["the most affected"][C.value] == 1.0
    assert rows("The second meeting was held in Kabul.") == []


def test_small_number_words_in_a_list_are_claims() -> None:
    found = by_text("The group staged 76 attacks: 66 in KP, seven in Sindh and three "
                    "in Balochistan.")
    assert found["seven"][C.value] == 7.0
    assert found["three"][C.value] == 3.0
    assert "two" not in by_text("The two sides met in Doha.")


def test_word_range_takes_the_scale_of_its_upper_end() -> None:
    claim = by_text("Officials put their strength at seven to ten thousand fighters.")[
        "seven to ten thousand"]
    assert (claim[C.low], claim[C.high]) == (7000.0, 10000.0)


def test_period_words_are_not_shares() -> None:
    found = by_text("Three quarters of this year saw 500 attacks in the first half alone.")
    assert [r[C.text] for r in found.values()] == ["500"]
    assert by_text("Three quarters of the attacks hit police.")["Three quarters of the attacks"][
        C.kind] == "share"


def test_durations_are_not_claims() -> None:
    assert [r[C.text] for r in rows("Over the past eleven years, 20 attacks hit the town.")] == [
        "20"]


def test_a_name_every_province_shares_is_read_by_the_figures_place() -> None:
    """'police records' are the Balochistan police's in Balochistan, the Khyber Pakhtunkhwa
    police's there, and no one's known where no bundled publisher fits."""
    quetta = by_text("QUETTA: Police records show 212 people were killed in Balochistan "
                     "in 2023.")["212"]
    assert quetta[C.attributed_to] == "Balochistan Police"
    assert "Balochistan" in quetta[C.binding]
    peshawar = by_text("According to police data, 318 attacks took place in Khyber "
                       "Pakhtunkhwa last year.")["318"]
    assert peshawar[C.attributed_to] == "KP Police"
    assert peshawar[C.metric] == "attacks"
    ctd = by_text("The CTD said 71 suspects were arrested in Khyber Pakhtunkhwa in 2023.")
    assert ctd["71"][C.attributed_to] == "KP CTD"
    lahore = by_text("According to police records, 57 people were killed in Punjab in 2023.")
    assert lahore["57"][C.attributed_to] is None
    named = by_text("The Khyber Pakhtunkhwa Police said 41 policemen died in 2023.")
    assert named["41"][C.attributed_to] == "KP Police"


def test_a_record_since_a_year_is_not_the_figures_period() -> None:
    """'the highest since 2016' sets the figure against every year after 2016; the
    figure itself counts the year the sentence is about."""
    claims = by_text("Militant attacks rose to 912 in 2023, the highest since 2016.",
                     published="2024-01-05")
    assert claims["912"][C.period] == "2023"
    lone = by_text("ISLAMABAD: Some 847 attacks were recorded in 2023.\n"
                   "Suicide bombings reached 29, the most since 2015.", published="2024-01-05")
    assert lone["29"][C.period] == "2023"
    # A plain "since" is still a time reference the figure is read with: from that year on.
    plain = by_text("Since 2021, 412 soldiers have died in the district.",
                    published="2024-01-05")["412"]
    assert "'since 2021'" in plain[C.binding]
    assert plain[C.period] == "2021-01-01/2024-01-05"


def test_a_count_with_only_a_verb_after_it_counts_the_people_named_before() -> None:
    """'140 civilians dead and 350 injured': the 350 are civilians too; 'personnel' are the
    security forces'."""
    claims = by_text("QUETTA: The attacks left 140 civilians dead and 350 injured in 2023.",
                     published="2024-01-05")
    assert claims["140"][C.metric] == "deaths_civilians"
    assert claims["350"][C.metric] == "injured_civilians"
    forces = by_text("The force lost 80 personnel martyred and 120 wounded in Punjab in 2023.",
                     published="2024-01-05")
    assert forces["80"][C.metric] == "deaths_security_personnel"
    assert forces["120"][C.metric] == "injured_security_personnel"
    # A count with its own people keeps them.
    own = by_text("The blasts killed 14 civilians and injured 33 policemen in Sindh in 2023.",
                  published="2024-01-05")
    assert own["33"][C.metric] == "injured_security_personnel"
    # A noun counts everyone hurt: "40 injuries" are not the 12 soldiers'.
    noun = by_text("The raids caused 30 deaths, 12 of whom were soldiers, and 40 injuries in "
                   "Sindh in 2023.", published="2024-01-05")
    assert noun["40"][C.metric] == "injured"


def test_a_sentence_that_points_back_takes_the_period_last_stated() -> None:
    """'October saw ...' dates its sentence; 'These claimed ...' and 'during this period'
    point back to the period last stated, not to the article's opening."""
    text = ("LAHORE: Punjab recorded 240 attacks in the first nine months of the year.\n"
            "Police arrested 95 suspects during this period.\n"
            "October proved the worst month, with 41 attacks in the province.\n"
            "These claimed 23 lives.\n"
            "That month, police arrested 12 suspects.\n")
    claims = by_text(text, published="2024-11-12")
    assert claims["240"][C.period] == "2024-01/2024-09"
    assert claims["95"][C.period] == "2024-01/2024-09"
    assert claims["41"][C.period] == "2024-10"
    assert claims["23"][C.period] == "2024-10"
    assert claims["12"][C.period] == "2024-10"
    # "These attacks" are the sentence's subject, not the month it is compared with.
    compared = by_text("KARACHI: Sindh saw 18 attacks in May 2024, as compared to 11 the month "
                       "before. These attacks killed 26 people.", published="2024-06-05")
    assert compared["26"][C.period] == "2024-05"
    # A later sentence that points nowhere keeps the opening's period.
    plain = by_text(text + "Police also recovered 310 weapons.", published="2024-11-12")
    assert plain["310"][C.period] == "2024-01/2024-09"


def test_an_opening_this_year_cut_at_a_stated_month_is_that_span() -> None:
    """'this year, with 388 attacks in the first seven months': the opening's figures, and
    those that follow, count the seven months, not the year to the publication day."""
    text = ("PESHAWAR: Bloodshed rose this year, with 388 attacks recorded in the first "
            "seven months.\nThe attacks killed 52 policemen.")
    claims = by_text(text, published="2025-08-11")
    assert claims["388"][C.period] == "2025-01/2025-07"
    assert claims["52"][C.period] == "2025-01/2025-07"
    # "In 2024 ..., with 40 in January": the year stays the opening's period.
    year = by_text("QUETTA: Balochistan saw 402 attacks in 2024, with 40 in January.\n"
                   "The attacks killed 212 people.", published="2024-12-30")
    assert year["212"][C.period] == "2024"


def test_respectively_pairs_figures_with_measures_in_order() -> None:
    claims = by_text("According to PICSS, deaths and injuries fell by 31pc and 12pc, "
                     "respectively, in June compared with May.", published="2025-07-02")
    assert claims["fell by 31pc"][C.metric] == "deaths"
    assert claims["12pc"][C.metric] == "injured"
    assert claims["12pc"][C.kind] == "percent_change" and claims["12pc"][C.value] == -12
    # Without "respectively" the second figure is not re-read.
    plain = by_text("According to PICSS, deaths and injuries fell by 31pc, and 12pc of the "
                    "attacks were in Sindh in June.", published="2025-07-02")
    assert plain["12pc of the attacks"][C.kind] != "percent_change"


def test_people_named_after_an_aside_and_both_sides_together() -> None:
    claims = by_text("Of the 640 killed in Sindh in 2023, 166 (26 per cent) security personnel "
                     "died, with 392 civilian and military deaths in all.",
                     published="2024-01-05")
    assert claims["166"][C.metric] == "deaths_security_personnel"
    assert claims["392"][C.metric] == "deaths_civilians_security"


def test_a_year_measured_against_is_not_the_figures_period() -> None:
    """'as bloody as all of 2023, with 1,900 deaths so far': 2023 is the yardstick; 'the
    ongoing year' is the year to date."""
    claims = by_text("The ongoing year has been almost as bloody as all of 2023, with 1,900 "
                     "deaths counted, the Centre for Research and Security Studies "
                     "said in figures it published.", published="2024-10-02")
    assert claims["1,900"][C.period] == "2024-01-01/2024-10-02"
    assert claims["1,900"][C.attributed_to] == "CRSS"


def test_the_dead_are_placed_where_the_attacks_that_killed_them_were() -> None:
    claims = by_text("ISLAMABAD: The ministry gave its figures.\nAs many as 140 soldiers were "
                     "killed and 190 were injured in 600 attacks in Balochistan last year.",
                     published="2024-05-16")
    assert claims["As many as 140"][C.region] == "PK-BA"
    assert claims["190"][C.region] == "PK-BA"
    # Attacks named with no place leave the dead where the article put them.
    plain = by_text("ISLAMABAD: The ministry gave its figures.\nAs many as 140 soldiers were "
                    "killed in 600 attacks last year.", published="2024-05-16")
    assert plain["As many as 140"][C.region] == "PK"


def test_period_words_of_running_reports() -> None:
    claims = by_text("With 914 deaths logged so far during the year, the toll keeps "
                     "climbing, says the CRSS report.", published="2023-10-01")
    assert claims["914"][C.period] == "2023-01-01/2023-10-01"
    assert claims["914"][C.attributed_to] == "CRSS"
    quarter = by_text("The last quarter saw 445 deaths in Pakistan.", published="2023-10-01")
    assert quarter["445"][C.period] == "2023-07/2023-09"


def test_the_most_wanted_and_an_aside_before_the_verb() -> None:
    claims = by_text("Officials said 640 militants, including foreign fighters, were killed in "
                     "Sindh in 2023, and police eliminated 41 “high-value targets” there.",
                     published="2024-01-05")
    assert claims["640"][C.metric] == "deaths_militants"
    assert claims["41"][C.metric] == "deaths_militants_high_value"


def test_a_quarters_or_months_change_with_no_base_is_against_the_one_before() -> None:
    """Monthly and quarterly reports compare with the period before: 'a surge in
    fatalities by 14% in the second quarter' is against the first quarter."""
    q2 = by_text("According to CRSS, Sindh saw a surge in fatalities by 14% in the second "
                 "quarter of 2023.", published="2023-07-14")["14%"]
    assert (q2[C.kind], q2[C.metric]) == ("percent_change", "deaths")
    assert (q2[C.period], q2[C.base_period]) == ("2023-04/2023-06", "2023-01/2023-03")
    january = by_text("Attacks rose 20% in January 2024, PICSS said.",
                      published="2024-02-02")["rose 20%"]
    assert january[C.base_period] == "2023-12"
    # A span that is neither a month nor a quarter keeps the same span a year before.
    half = by_text("Attacks rose 20% in the first half of 2024, PICSS said.",
                   published="2024-07-02")["rose 20%"]
    assert half[C.base_period] == "2023-01/2023-06"


def test_the_sentence_after_the_figures_can_name_their_source() -> None:
    text = ("LAHORE: Security in Punjab improved.\nOfficials said the situation was calm.\n"
            "Punjab and Sindh suffered 12 per cent of all fatalities.\n"
            "This was stated in the third quarter report of 2023 that the Centre for "
            "Research and Security Studies issued here.")
    claim = by_text(text, published="2023-10-05")["12 per cent of all fatalities"]
    assert claim[C.attributed_to] == "CRSS"
    assert claim[C.period] == "2023-07/2023-09"
    assert "next sentence" in claim[C.binding]
    # Without the back-reference the next sentence's source and period are not borrowed
    # (a report the opening cites may still be read as the article's source).
    other = text.replace("This was stated in", "Separately, officials discussed")
    claim = by_text(other, published="2023-10-05")["12 per cent of all fatalities"]
    assert "next sentence" not in claim[C.binding]
    assert claim[C.period] != "2023-07/2023-09"


def test_a_change_between_two_spans_is_the_later_against_the_earlier() -> None:
    claim = by_text("Injuries decreased by 25%, from 412 in the January-March period to 309 in "
                    "the second quarter of 2023.", published="2023-07-14")["decreased by 25%"]
    assert (claim[C.period], claim[C.base_period]) == ("2023-04/2023-06", "2023-01/2023-03")


def test_a_bracketed_breakdown_of_a_part_counts_that_part() -> None:
    claims = by_text("The TTP was involved in 92 terrorist attacks (80 in KP, seven in "
                     "Balochistan and five in Punjab) in 2022, PIPS said.", published="2023-01-05")
    assert [claims[k][C.metric] for k in ("92", "80", "seven", "five")] == ["attacks_ttp"] * 4
    assert claims["seven"][C.region] == "PK-BA"
    # A breakdown of a whole stays the whole's.
    whole = by_text("There were 92 terrorist attacks (80 in KP and 12 in Punjab) in 2022.",
                    published="2023-01-05")
    assert whole["80"][C.metric] == "attacks"


def test_small_number_words_after_a_verb_or_before_others_are_counts() -> None:
    claims = by_text("Police in Sindh killed 14 militants and arrested five in 2023, while the "
                     "raids led to the arrest of three others.", published="2024-01-05")
    assert claims["five"][C.metric] == "militants_arrested"
    assert "three" in claims
    # A number word that is a pronoun stays out.
    assert "one" not in by_text("One of the raids in Sindh killed 14 militants in 2023.",
                                published="2024-01-05")


def test_a_dashed_aside_before_the_verb_and_the_people_inside_it() -> None:
    claims = by_text("KARACHI: Some 96 personnel — including 41 army and 55 cops — lost their "
                     "lives in Sindh in 2023.", published="2024-01-05")
    assert [claims[k][C.metric] for k in ("Some 96", "41", "55")] == [
        "deaths_security_personnel"] * 3


def test_people_named_before_their_count() -> None:
    claims = by_text("With 700 fatalities recorded in Sindh in 2023, the outlaws suffered 300, "
                     "followed by civilians with 250 fatalities.", published="2024-01-05")
    assert claims["300"][C.metric] == "deaths_militants"
    assert claims["250"][C.metric] == "deaths_civilians"
    # Without a death or injury word, people before a count make no part.
    none = by_text("Police in Sindh lost 300 vehicles in 2023.", published="2024-01-05")
    assert none["300"][C.metric] is None or not none["300"][C.metric].startswith("deaths")


def test_a_span_of_time_the_figures_cover_is_not_a_figure() -> None:
    claims = by_text("Sindh saw 210 deaths in 4 months, 900 in ten years and 30 arrests within "
                     "48 hours.", published="2024-07-02")
    assert {"210", "900", "30"} <= set(claims)
    assert not {"4", "ten", "48"} & set(claims)
    # A number of days that is what the sentence counts is not a span it was counted over.
    assert "45" in by_text("The curfew in Sindh lasted 45 days in 2024.", published="2024-07-02")


def test_a_span_compared_to_is_the_base_and_the_figure_after_vs_is_its() -> None:
    """'Compared to the first quarter, ... (120 vs 92)': the quarter is the base of the
    change, the period stays the article's; 92 belongs to the base and 120 to the period."""
    claims = by_text("Islamabad: Militant attacks killed 412 people in Pakistan in the second "
                     "quarter of 2024, the PICSS said. Compared to the first quarter, these "
                     "figures show a 30 per cent rise in deaths among soldiers (120 vs 92).",
                     published="2024-07-05")
    rise = claims["30 per cent rise"]
    assert (rise[C.period], rise[C.base_period]) == ("2024-04/2024-06", "2024-01/2024-03")
    assert claims["120"][C.period] == "2024-04/2024-06"
    assert claims["92"][C.period] == "2024-01/2024-03"


def test_a_span_the_sentence_counts_in_is_not_a_base() -> None:
    """Without 'compared to', the quarter a sentence names is its figures' period."""
    claims = by_text("Islamabad: The PICSS gave its figures. In the first quarter of 2024, "
                     "militant attacks killed 92 soldiers, up 10 per cent.",
                     published="2024-07-05")
    assert claims["92"][C.period] == "2024-01/2024-03"


def test_a_later_unattributed_figure_takes_the_articles_only_source() -> None:
    """A report story names its publisher once; the figures told after it are the report's."""
    claims = by_text("Islamabad: The PIPS released its annual security report on Sunday. It "
                     "recorded 306 attacks in 2023.\nMilitants also killed 120 soldiers in "
                     "Balochistan during the year.", published="2024-01-07")
    soldiers = claims["120"]
    assert soldiers[C.attributed_to] == "PIPS"
    assert "the article's only source so far ('PIPS')" in soldiers[C.binding]


def test_a_share_or_change_of_deaths_is_the_reports_while_a_story_of_deaths_is_not() -> None:
    """Deaths alone may be any story's ('40 people died in a blast'); a share or a change
    of them is a statistic, the report's."""
    claims = by_text("Islamabad: The PIPS released its annual security report on Sunday. It "
                     "recorded 306 attacks in 2023.\nKP and Balochistan suffered 80% of all "
                     "fatalities in the year.\nIn one blast, 40 people died in Peshawar.",
                     published="2024-01-07")
    assert claims["80% of all fatalities"][C.attributed_to] == "PIPS"
    assert claims["40"][C.attributed_to] is None


def test_no_source_is_carried_once_the_article_has_named_two() -> None:
    claims = by_text("Islamabad: The PIPS counted 306 attacks in 2023, while the CRSS counted "
                     "586.\nMilitants also killed 120 soldiers in Balochistan during the year.",
                     published="2024-01-07")
    assert claims["120"][C.attributed_to] is None


def test_a_report_cited_further_down_does_not_become_the_articles_source() -> None:
    """A story that cites a report in passing, after its opening, goes on to other figures."""
    claims = by_text("ISLAMABAD: Pakistan warned of strikes across the border on Monday.\n"
                     "Officials met in the capital.\nThe talks ended without a statement.\n"
                     "Diplomats expect more meetings.\nA 2023 report by PIPS found 306 "
                     "attacks.\nMilitants carried out 84% of the attacks in two provinces.",
                     published="2024-06-27")
    assert claims["306"][C.attributed_to] == "PIPS"
    assert claims["84% of the attacks"][C.attributed_to] is None


def test_a_change_in_violence_measures_what_its_counts_measure() -> None:
    """'a 15% drop in overall violence, with 340 deaths compared to 400': the
    writer's counts say what fell by 15%."""
    claims = by_text("ISLAMABAD: Violence fell in Pakistan in the second quarter, the CRSS "
                     "said. The country saw a 15 per cent drop in overall violence, with "
                     "340 deaths counted compared to 400 in the first quarter.",
                     published="2024-07-02")
    change = claims["15 per cent drop"]
    assert change[C.metric] == "deaths"
    assert "metric: the counts the sentence gives for it (400 to 340: -15.0%)" in change[
        C.binding]


def test_counts_that_do_not_give_the_change_name_no_measure() -> None:
    claims = by_text("ISLAMABAD: Violence fell in Pakistan in the second quarter, the CRSS "
                     "said. The country saw a 30 per cent drop in overall violence, with "
                     "340 deaths counted compared to 400 in the first quarter.",
                     published="2024-07-02")
    assert claims["30 per cent drop"][C.metric] is None


OUTLAWS_SHARE = ("ISLAMABAD: The CRSS counted 640 fatalities in the third quarter of 2025. "
                 "Of these 640 fatalities, 390 (61 per cent) were those of the militants.")


def test_a_count_whose_people_are_named_as_those_of() -> None:
    claims = by_text(OUTLAWS_SHARE, published="2025-10-02")
    assert claims["390"][C.metric] == "deaths_militants"


def test_a_bracketed_percentage_is_the_share_of_the_count_before_it() -> None:
    claims = by_text(OUTLAWS_SHARE, published="2025-10-02")
    share = claims["61 per cent"]
    assert share[C.metric] == "deaths_militants"
    assert "metric: the count it is bracketed after (390)" in share[C.binding]


# --- the people a death or injury noun counts, named after it --------------------------------


@pytest.mark.parametrize(("sentence", "figure", "metric"), [
    ("The report shows a 30 per cent rise in deaths among civilians in 2024.",
     "30 per cent rise", "deaths_civilians"),
    ("There were 20% more casualties among the security forces in 2024 than in 2023.",
     "20% more", "deaths_security_personnel"),
    ("Fatalities among militants rose 25 per cent in 2024.", "rose 25 per cent",
     "deaths_militants"),
    ("The quarter saw 60 per cent more losses among the insurgents than the one before.",
     "60 per cent more", "deaths_militants"),
])
def test_a_death_noun_counts_the_people_named_after_it(sentence: str, figure: str,
                                                       metric: str) -> None:
    assert by_text(sentence)[figure][C.metric] == metric


def test_people_listed_after_a_death_noun_are_everyone_it_counts() -> None:
    claims = by_text("Pakistan registered 300 deaths and 200 injuries among civilians, "
                     "soldiers, and militants in 2024.")
    assert claims["200"][C.metric] == "injured"
    assert claims["300"][C.metric] == "deaths"


def test_losses_are_deaths_only_of_people() -> None:
    claims = by_text("Traders reported losses among shopkeepers of 40 per cent in 2024.")
    assert claims["40 per cent"][C.metric] is None


# --- a list of changes that names the change once --------------------------------------------

CHANGES_LIST = ("Compared with the previous quarter, the report counts nearly 40 per cent more "
                "losses among militants (210 vs 150), about 25 per cent among civilians "
                "(100 vs 80) and 10 per cent among soldiers (55 vs 50).")


def test_a_list_of_changes_gives_each_conjunct_the_change_and_its_people() -> None:
    claims = by_text(CHANGES_LIST, published="2025-10-02")
    assert claims["about 25 per cent"][C.kind] == "percent_change"
    assert claims["about 25 per cent"][C.metric] == "deaths_civilians"
    assert claims["about 25 per cent"][C.base_period] == \
        claims["nearly 40 per cent more"][C.base_period]
    assert claims["10 per cent"][C.kind] == "percent_change"
    assert claims["10 per cent"][C.metric] == "deaths_security_personnel"
    assert "a change, like nearly 40 per cent more" in claims["10 per cent"][C.binding]


def test_the_counts_bracketed_after_a_change_are_the_levels_it_compares() -> None:
    claims = by_text(CHANGES_LIST, published="2025-10-02")
    assert claims["100"][C.metric] == claims["80"][C.metric] == "deaths_civilians"
    assert claims["55"][C.metric] == claims["50"][C.metric] == "deaths_security_personnel"
    assert claims["80"][C.period] == claims["about 25 per cent"][C.base_period]


def test_a_falling_change_gives_its_conjuncts_its_direction() -> None:
    claims = by_text("Deaths fell 20 per cent among civilians in 2024, 10 per cent among "
                     "soldiers and 5 per cent among militants.")
    assert claims["10 per cent"][C.value] == -10
    assert claims["5 per cent"][C.metric] == "deaths_militants"


def test_a_percentage_after_a_change_with_its_own_words_stays_a_percentage() -> None:
    claims = by_text("Deaths rose 20 per cent in 2024, with 40 per cent among militants.")
    assert claims["40 per cent"][C.kind] != "percent_change"


def test_a_change_with_no_period_goes_on_with_the_storys_comparison() -> None:
    text = ("Rawalpindi: The think tank released its figures on Friday.\n"
            "Fatalities fell by 25%, from 400 in the January-March period to 300 in the "
            "second quarter.\nSindh was the only province where fatalities rose by 30%.")
    claims = by_text(text, published="2023-07-14")
    assert (claims["rose by 30%"][C.period], claims["rose by 30%"][C.base_period]) == (
        "2023-04/2023-06", "2023-01/2023-03")
    assert "last stated comparison" in claims["rose by 30%"][C.binding]


def test_a_change_with_no_period_and_no_comparison_before_stays_undated() -> None:
    text = ("Rawalpindi: The think tank released its figures on Friday.\n"
            "Sindh was the only province where fatalities rose by 30%.")
    assert by_text(text, published="2023-07-14")["rose by 30%"][C.period] is None


RISE_THEN_PARTS = ("Fatalities rose by about 50% from 200 in Q2 to 300 in Q3 of 2023.\n"
                   "This includes a staggering 120% uptick recorded in Sindh and 30% in Punjab.")


def test_a_change_the_next_sentence_includes_measures_what_it_measures() -> None:
    claims = by_text(RISE_THEN_PARTS, published="2023-10-01")
    uptick = claims["120% uptick"]
    assert (uptick[C.metric], uptick[C.region]) == ("deaths", "PK-SD")
    assert (uptick[C.period], uptick[C.base_period]) == ("2023-07/2023-09", "2023-04/2023-06")
    assert "the figure before that it is part of" in uptick[C.binding]


def test_a_list_of_changes_by_place_gives_each_place_the_change() -> None:
    punjab = by_text(RISE_THEN_PARTS, published="2023-10-01")["30%"]
    assert (punjab[C.kind], punjab[C.metric], punjab[C.region]) == (
        "percent_change", "deaths", "PK-PB")


def test_a_percentage_the_next_sentence_includes_is_not_made_a_part() -> None:
    text = ("Fatalities rose to 300 in Q3 of 2023.\n"
            "This includes 30% in Punjab, the report said.")
    assert by_text(text, published="2023-10-01")["30%"][C.metric] is None


def test_people_killed_or_wounded_are_counted_together() -> None:
    claims = by_text("The study showed 612 people were killed or wounded in 2022, and "
                     "fatalities and injuries fell by 20% and 10%, respectively.")
    assert claims["612"][C.metric] == "killed_or_injured"
    assert claims["fell by 20%"][C.metric] == "deaths"


def test_a_year_in_another_clause_after_months_is_not_theirs() -> None:
    text = ("ISLAMABAD: Violence eased in the first quarter of this year, a report said.\n"
            "It found 530 people were killed or hurt between January and March, which is "
            "a third of the total counted over all of 2022.")
    assert by_text(text, published="2023-04-16")["530"][C.period] == "2023-01/2023-03"
    assert by_text("Attacks rose between January and March 2022, to 120.",
                   published="2023-04-16")["120"][C.period] == "2022-01/2022-03"


def test_the_number_of_people_killed_counts_those_people() -> None:
    claims = by_text("The number of civilians killed in militant violence fell by over 40 percent "
                     "in 2022, while the number of militants killed rose to 300.")
    assert claims["fell by over 40 percent"][C.metric] == "deaths_civilians"
    assert claims["300"][C.metric] == "deaths_militants"


def test_people_who_killed_are_not_those_counted() -> None:
    assert by_text("In 2023, militants killed 20 soldiers.")["20"][C.metric] == (
        "deaths_security_personnel")


def test_a_level_this_year_against_a_span_of_last_year_is_the_same_span() -> None:
    claims = by_text("The number of soldiers killed nearly tripled, from 41 in the first three "
                     "months of last year to 119 this year.", published="2023-04-16")
    assert claims["119"][C.period] == "2023-01/2023-03"
    assert (claims["nearly tripled"][C.period], claims["nearly tripled"][C.base_period]) == (
        "2023-01/2023-03", "2022-01/2022-03")


def test_a_level_this_year_against_a_much_shorter_span_is_this_years() -> None:
    claims = by_text("Attacks rose from 300 in the first half of 2022 to 400 this year.",
                     published="2023-12-20")
    assert claims["400"][C.period] == "2023"


# --- lists of people --------------------------------------------------------------------------


def test_a_list_of_civilians_officials_and_soldiers_is_their_union() -> None:
    claims = by_text("The study found that security personnel, government officials, and "
                     "civilians suffered 58 per cent of all fatalities in 2023.")
    assert claims["58 per cent of all fatalities"][C.metric] == "deaths_civilians_security"


def test_a_list_of_one_kind_of_people_is_that_kind() -> None:
    claims = by_text("Another 20 soldiers and policemen were killed in 2024.")
    assert claims["20"][C.metric] == "deaths_security_personnel"


def test_a_list_of_everyone_counts_no_part() -> None:
    claims = by_text("The country logged 410 deaths and 260 injuries among civilians, "
                     "soldiers, and outlaws in 2023.")
    assert (claims["410"][C.metric], claims["260"][C.metric]) == ("deaths", "injured")


def test_the_counts_of_a_sentence_giving_a_statistic_are_the_reports() -> None:
    claims = by_text("Islamabad: The PIPS released its annual security report on Sunday. It "
                     "recorded 306 attacks in 2023.\nIn Sindh, violence fell by 40%, with "
                     "fatalities falling from 100 in 2022 to 60 in 2023.",
                     published="2024-01-07")
    assert claims["60"][C.attributed_to] == "PIPS"


def test_a_number_in_a_period_phrase_is_no_figure() -> None:
    claims = by_text("Together they suffered 81% of fatalities in the first 8 months of 2022.")
    assert list(claims) == ["81% of fatalities"]
    assert claims["81% of fatalities"][C.period] == "2022-01/2022-08"


def test_a_publisher_the_opening_names_alone_is_the_source_of_the_figures_after() -> None:
    claims = by_text("Islamabad: Attacks rose in February, according to a study by the "
                     "Islamabad-based PICSS.\nThe country saw 63 militant attacks in the "
                     "month, and 41 civilians were killed.", published="2025-03-04")
    assert claims["63"][C.attributed_to] == "PICSS"
    assert "the article's only source so far ('PICSS')" in claims["63"][C.binding]


def test_an_opening_naming_two_publishers_gives_no_source() -> None:
    claims = by_text("Islamabad: Attacks rose in February, according to reports by PICSS and "
                     "PIPS.\nThe country saw 79 militant attacks in the month.",
                     published="2025-03-04")
    assert claims["79"][C.attributed_to] is None


def test_a_headline_that_ends_on_its_publisher_cites_it() -> None:
    claims = by_text("Deadliest year for soldiers since 2015: PICSS\nISLAMABAD: Violence rose "
                     "sharply in 2025.\nThe year saw 1,063 militant attacks.",
                     published="2025-12-29")
    assert claims["1,063"][C.attributed_to] == "PICSS"


@pytest.mark.parametrize("sentence", [
    "Militants carried out 69 attacks in September, as per the PICSS.",
    ("Militants carried out 69 attacks in September, according to the Islamabad-based think "
     "tank PICSS."),
])
def test_attribution_through_as_per_and_a_think_tank(sentence: str) -> None:
    assert by_text(sentence)["69"][C.attributed_to] == "PICSS"


def test_a_list_after_to_is_the_later_months_item_by_item() -> None:
    claims = by_text("Sindh saw 13 militant attacks in May compared to 11 in April, and deaths "
                     "fell from 20 security personnel and 18 civilians to 9 security men and "
                     "four civilians.", published="2025-06-01")
    assert (claims["9"][C.period], claims["9"][C.metric]) == (
        "2025-05", "deaths_security_personnel")
    assert (claims["four"][C.period], claims["four"][C.metric]) == ("2025-05", "deaths_civilians")
    assert claims["18"][C.period] == "2025-04"


def test_a_list_after_to_keeps_its_period_when_no_later_month_is_named() -> None:
    claims = by_text("In April, deaths fell from 20 security personnel and 18 civilians to 9 "
                     "security men and four civilians.", published="2025-06-10")
    assert claims["9"][C.period] == "2025-04"


def test_the_month_of_a_compared_level_does_not_date_the_figure_after_it() -> None:
    claims = by_text("Militants killed 90 people in May 2024, as against 61 in "
                     "April, and injured another 75 people.", published="2024-06-09")
    assert claims["75"][C.period] == "2024-05"
    assert claims["61"][C.period] == "2024-04"


def test_a_level_compared_from_the_same_month_is_dated_by_it() -> None:
    claims = by_text("Deaths fell to 198 in August, down from 240 in July, and injuries "
                     "dropped from 305 to 172.", published="2025-09-01")
    assert claims["305"][C.period] == "2025-07"


def test_people_also_hurt_are_hurt_where_the_sentence_before_counted() -> None:
    claims = by_text("Sindh witnessed six terror incidents in 2023 that killed 10 policemen. "
                     "Seven security officials and 3 civilians were also injured.")
    assert claims["Seven"][C.region] == claims["3"][C.region] == "PK-SD"
    assert "also" in claims["3"][C.binding]


def test_people_who_sustained_wounds_are_the_people_just_named() -> None:
    claims = by_text("In 2022, 214 citizens were martyred and 530 sustained wounds.")
    assert claims["530"][C.metric] == "injured_civilians"


def test_from_a_year_till_date_runs_to_publication() -> None:
    claims = by_text("Incidents climbed from 2019 as the region recorded 2,140 incidents from "
                     "2019 till date.", published="2023-12-21")
    assert claims["2,140"][C.period] == "2019-01-01/2023-12-21"


def test_a_later_clause_is_dated_by_its_own_year() -> None:
    claims = by_text("As many as 180 terror incidents were recorded in 2020, while 310 times "
                     "militants struck police posts and convoys in 2021.")
    assert (claims["As many as 180"][C.period], claims["310"][C.period]) == ("2020", "2021")
    # A record's year is no period: "for the first time since June 2016".
    claims = by_text("In May, the number of attacks rose, surpassing 90 for the first time "
                     "since June 2016.", published="2025-07-02")
    assert claims["surpassing 90"][C.period] == "2025-05"


def test_the_police_report_is_the_police_of_the_figures_province() -> None:
    claims = by_text("PESHAWAR: Khyber Pakhtunkhwa recorded 418 terror incidents in 2022, "
                     "according to the police report.", published="2022-12-21")
    assert claims["418"][C.attributed_to] == "KP Police"


def test_present_tense_figures_of_an_index_edition_are_its_data_years() -> None:
    claims = by_text("The Government is preparing its budget.\nThe rise comes as Pakistan "
                     "was placed second in the Global Terrorism Index 2025.\nDeaths linked "
                     "to terrorism have climbed by 38%.", published="2025-04-14")
    rise = claims["climbed by 38%"]
    assert (rise[C.attributed_to], rise[C.period], rise[C.base_period]) == (
        "GTI", "2024", "2023")


def test_the_opening_counts_sentences_not_blank_lines() -> None:
    text = ("Attacks rose\n\nISLAMABAD: Violence rose in the country.\n\nOfficials met on "
            "Monday.\n\nThe figures come from a PIPS report.\n\nMilitants carried out 306 "
            "attacks in 2023.")
    assert by_text(text, published="2024-01-07")["306"][C.attributed_to] == "PIPS"


def test_attacks_and_operations_named_together_are_incidents() -> None:
    claims = by_text("In the second quarter of 2024, 300 people lost their lives in 200 terror "
                     "attacks and counter-terrorism operations.", published="2024-07-02")
    assert claims["200"][C.metric] == "incidents"


def test_the_counts_that_give_a_part_change_count_that_part() -> None:
    claims = by_text("Civilian fatalities also rose by 50 percent, with 60 killed in February "
                     "compared to 40 in January.", published="2025-03-04")
    assert claims["60"][C.metric] == claims["40"][C.metric] == "deaths_civilians"
    # Counts whose change is another are left as their words say.
    claims = by_text("Civilian fatalities also rose by 50 percent, with 90 killed in February "
                     "compared to 40 in January.", published="2025-03-04")
    assert claims["90"][C.metric] == "deaths"


def test_a_figure_in_a_clause_about_a_base_is_the_bases() -> None:
    claims = by_text("The year has been almost as bloody as 2022, with 1,700 deaths so "
                     "far compared with the whole of 2022, which recorded 1,870 deaths.",
                     published="2023-10-02")
    assert claims["1,870"][C.period] == "2022"


def test_a_compared_count_that_repeats_the_head_noun_measures_the_same() -> None:
    claims = by_text("In March 2023, Sindh reported 20 incidents of terrorism, compared to 12 "
                     "incidents in the same month of 2022.", published="2023-07-06")
    assert claims["12"][C.metric] == claims["20"][C.metric] == "attacks"
    # Also where the sentence goes on to other kinds of incident.
    claims = by_text("In March 2023, Sindh reported 20 incidents of terrorism, compared to 12 "
                     "incidents in the same month of 2022, while troops ran 30 operations.",
                     published="2023-07-06")
    assert claims["12"][C.metric] == "attacks"
    # Another noun is another measure.
    claims = by_text("In March 2023, Sindh reported 20 incidents of terrorism, compared to 12 "
                     "security operations in the same month of 2022.",
                     published="2023-07-06")
    assert claims["12"][C.metric] != "attacks"


def test_the_verb_after_an_aside_about_the_people_is_the_subjects() -> None:
    claims = by_text("More than 900 people, including 200 officers and soldiers of the army, "
                     "sacrificed their lives in terrorist attacks in 2023.")
    assert claims["More than 900"][C.metric] == "deaths"
    claims = by_text("Over 150 soldiers, along with some 640 civilians in all, have laid "
                     "down their lives fighting militancy in 2022.")
    assert claims["Over 150"][C.metric] == "deaths_security_personnel"


def test_suspects_named_in_cases_are_counted_as_named() -> None:
    claims = by_text("In Punjab, 95 suspected militants were named in cases in 2024.")
    assert claims["95"][C.metric] == "suspects_named"
    # The killing verb still comes first: "militants killed 20 soldiers".
    assert by_text("In 2023, militants killed 20 soldiers.")["20"][C.metric] == (
        "deaths_security_personnel")


def test_an_index_editions_figures_are_not_dated_by_an_opening_on_another_subject() -> None:
    # The opening's year dates a budget; the index's figures that follow are its data year's.
    text = ("KARACHI, March 30: The province plans to raise its police budget for 2026-27.\n"
            "The plan comes as the country was ranked third in the 2026 Global Terrorism "
            "Index.\nDeaths from militancy have grown by 31%, the sharpest rise in years.")
    rise = by_text(text, published="2026-03-30")["grown by 31%"]
    assert (rise[C.attributed_to], rise[C.period], rise[C.base_period]) == (
        "GTI", "2025", "2024")
    assert "data year 2025" in rise[C.binding]


def test_an_opening_dated_another_year_still_dates_an_index_story() -> None:
    # Only the publication year is the edition's: an opening about 2024 keeps 2024.
    text = ("KARACHI: Violence in 2024 was the worst in a decade, the 2026 Global Terrorism "
            "Index shows.\nDeaths from militancy grew by 31%.")
    rise = by_text(text, published="2026-03-30")["grew by 31%"]
    assert rise[C.period] == "2024"


def test_bare_incidents_restate_the_kind_of_event_the_sentence_named() -> None:
    claims = by_text("Suicide bombings nearly tripled in 2024, reaching 41 incidents.",
                     published="2025-01-05")
    assert claims["41"][C.metric] == "suicide_attacks"


def test_bare_cases_restate_the_events_the_sentence_counted() -> None:
    text = ("PESHAWAR: In March 2024, the province reported 61 incidents of terrorism, whereas, "
            "in March 2023, a total of 27 cases were reported, the CTD said.")
    assert by_text(text, published="2024-05-01")["27"][C.metric] == "attacks"
    # Cases the words say are something else, or with no event named before, are not events.
    claims = by_text("PESHAWAR: Police registered 40 cases against the suspects in 2024.",
                     published="2024-05-01")
    assert claims["40"][C.metric] != "attacks"
    claims = by_text("PESHAWAR: A total of 27 cases were reported in March 2023.",
                     published="2024-05-01")
    assert claims["27"][C.metric] != "attacks"


def test_incidents_after_attacks_and_operations_count_both() -> None:
    claims = by_text("Militants staged 60 attacks and troops ran 25 operations in May, 85 "
                     "incidents in all.", published="2025-06-05")
    assert claims["85"][C.metric] == "incidents"
    # Named after the figure, the kind is the noun's own: "41 incidents, mostly attacks".
    claims = by_text("Police logged 41 incidents in May, most of them attacks on checkposts.",
                     published="2025-06-05")
    assert claims["41"][C.metric] == "incidents"


def test_the_people_this_figure_included_are_among_the_dead_just_counted() -> None:
    text = ("Deaths in the province rose by 40 percent to 700 in 2024, compared with 500 in "
            "2023. This figure included 310 militants, 240 police officers and 150 civilians.")
    claims = by_text(text, published="2025-01-03")
    assert [claims[n][C.metric] for n in ("310", "240", "150")] == [
        "deaths_militants", "deaths_security_personnel", "deaths_civilians"]
    # The whole is the level the change reached, not the one it was compared with.
    assert {claims[n][C.period] for n in ("310", "240", "150")} == {"2024"}


def test_a_sentence_not_opening_on_the_figure_before_counts_on_its_own() -> None:
    text = ("Deaths in the province rose by 40 percent to 700 in 2024. Officials said 310 "
            "militants were arrested.")
    assert by_text(text, published="2025-01-03")["310"][C.metric] != "deaths_militants"


def test_a_measure_up_by_a_percentage_is_a_change_as_headlines_write_it() -> None:
    claims = by_text("Kidnappings up 30pc in 2024, says report", published="2025-01-03")
    assert claims["up 30pc"][C.kind] == "percent_change"
    assert claims["up 30pc"][C.value] == 30
    # A verb's particle is no change: "made up 30%" is a share.
    claims = by_text("Kidnappings made up 30% of the cases in 2024.", published="2025-01-03")
    assert claims["30% of the cases"][C.kind] != "percent_change"


def test_security_and_government_officials_are_the_states_own_people() -> None:
    claims = by_text("The number of government and security officials killed rose from 40 in "
                     "the first half of last year to 75 this year.", published="2024-07-05")
    assert claims["40"][C.metric] == claims["75"][C.metric] == "deaths_security_personnel"


def test_a_relative_clause_after_a_group_tells_of_that_group() -> None:
    text = ("Most of the bloodshed was blamed on the Tehreek-e-Taliban Pakistan (TTP), which "
            "staged 31 attacks resulting in 95 deaths.")
    claims = by_text(text, published="2024-04-10")
    assert claims["31"][C.metric] == "attacks_ttp"
    assert claims["95"][C.metric] == "deaths_ttp"  # the toll of those attacks


def test_a_relative_clause_about_someone_else_takes_no_group() -> None:
    text = ("The TTP denied the claim, while the police, which recorded 31 attacks, blamed "
            "criminals.")
    assert by_text(text, published="2024-04-10")["31"][C.metric] == "attacks"
    # A toll told apart from the group's attacks is everyone's.
    text = "The TTP carried out 31 attacks. Officials said 95 people died in the floods."
    assert by_text(text, published="2024-04-10")["95"][C.metric] == "deaths"


def test_a_month_a_reported_clause_opens_on_dates_its_figures() -> None:
    claims = by_text("Officials said that November was the calmest month of the year, with 12 "
                     "attacks.", published="2024-01-10")
    assert claims["12"][C.period] == "2023-11"


def test_the_toll_after_a_superlative_for_some_people_is_theirs() -> None:
    claims = by_text("It was the bloodiest year for the police since 2013, with 380 deaths.",
                     published="2024-01-10")
    assert claims["380"][C.metric] == "deaths_security_personnel"
    # Without the superlative, "for" names no victims.
    claims = by_text("Police asked for more funds this year, with 380 deaths recorded.",
                     published="2024-01-10")
    assert claims["380"][C.metric] == "deaths"


def test_two_peoples_figures_given_respectively_are_their_parts() -> None:
    text = ("Civilian and police casualties stayed low in May, with 14 and 9 deaths, "
            "respectively.")
    claims = by_text(text, published="2024-06-02")
    assert (claims["14"][C.metric], claims["9"][C.metric]) == (
        "deaths_civilians", "deaths_security_personnel")
    # Without "respectively" the two counts are of the list together, not one each.
    claims = by_text("Civilian and police casualties stayed low in May, with 14 and 9 deaths "
                     "in two districts.", published="2024-06-02")
    assert claims["9"][C.metric] != "deaths_security_personnel"


def test_a_month_a_change_is_measured_against_is_its_base() -> None:
    text = ("Violence in June 2024 fell. Police deaths dropped by 30 percent compared to May "
            "2024, when 40 officers were killed.")
    claims = by_text(text, published="2024-07-02")
    drop = claims["dropped by 30 percent"]
    assert (drop[C.period], drop[C.base_period]) == ("2024-06", "2024-05")
    assert claims["40"][C.period] == "2024-05"


def test_levels_from_and_to_against_a_named_month_are_that_month_and_the_next() -> None:
    text = ("Militancy in June 2024 rose. In Sindh, attacks went up from 9 to 14 as compared "
            "with May 2024.")
    claims = by_text(text, published="2024-07-02")
    assert (claims["9"][C.period], claims["14"][C.period]) == ("2024-05", "2024-06")


def test_attacks_on_the_police_are_attacks_on_security_forces() -> None:
    text = ("Militants staged 48 attacks on the police in the province, killing 19 "
            "policemen. Over half of the attacks targeted the armed forces, 61 percent.")
    claims = by_text(text, published="2024-01-10")
    assert claims["48"][C.metric] == "attacks_on_security_forces"
    assert claims["19"][C.metric] == "deaths_security_personnel"
    claims = by_text("About 40 percent of the attacks targeted security forces in 2023.",
                     published="2024-01-10")
    assert claims["About 40 percent of the attacks"][C.metric] == "attacks_on_security_forces"
    # Attacks with no target named are all attacks.
    assert by_text("Militants staged 48 attacks in the province.")["48"][C.metric] == "attacks"


def test_these_two_provinces_are_the_two_last_named_together() -> None:
    text = ("QUETTA: Officials met on Monday.\nViolence grew in Khyber Pakhtunkhwa (KP) and Sindh, "
            "the report said.\nAnalysts worry about both provinces; together, they "
            "suffered 64% of all deaths in 2021.")
    claim = by_text(text, published="2022-01-10")["64% of all deaths"]
    assert claim[C.region] == "PK-KP+PK-SD"
    assert "both provinces" in claim[C.binding]
    # One province named is no pair: the words carry no place.
    text = ("Officials met on Monday.\nViolence grew in Balochistan, the report said.\n"
            "Together, these two provinces suffered 64% of all deaths in 2021.")
    claim = by_text(text, published="2022-01-10")["64% of all deaths"]
    assert "two provinces" not in (claim[C.binding] or "")


def test_a_province_counted_beside_its_merged_districts_is_the_rest_of_it() -> None:
    text = ("PESHAWAR: Militants carried out 140 attacks in Khyber Pakhtunkhwa in 2023, "
            "according to the PICSS.\nThe merged districts recorded 95 attacks in 2023.")
    claims = by_text(text, published="2024-01-10")
    assert claims["140"][C.region] == "PK-KPM"
    assert claims["95"][C.region] == "PK-TA"
    # Given as included in the province's figure, the part leaves the whole its own.
    text = ("PESHAWAR: Militants carried out 140 attacks in Khyber Pakhtunkhwa in 2023, "
            "including 95 in the merged districts, according to the PICSS.")
    assert by_text(text, published="2024-01-10")["140"][C.region] == "PK-KP"
    # Another measure of the part does not make the province's attacks the rest of it.
    text = ("PESHAWAR: Militants carried out 140 attacks in Khyber Pakhtunkhwa in 2023, "
            "according to the PICSS.\nThe merged districts lost 95 lives in 2023.")
    assert by_text(text, published="2024-01-10")["140"][C.region] == "PK-KP"


def test_a_bodys_head_or_spokesperson_speaks_for_it() -> None:
    claims = by_text("The ISPR DG further said that 90 soldiers were martyred this year.",
                     published="2024-05-02")
    assert claims["90"][C.attributed_to] == "ISPR"
    claims = by_text("A PICSS spokesperson, Ali Raza, said 45 attacks were recorded in April.",
                     published="2024-05-02")
    assert claims["45"][C.attributed_to] == "PICSS"
    # A body merely named near a figure is no attribution.
    claims = by_text("Near the ISPR headquarters, 12 people were hurt in April.",
                     published="2024-05-02")
    assert claims["12"][C.attributed_to] is None


def test_an_offices_full_name_and_acronym_are_one_publisher() -> None:
    text = ("PESHAWAR: According to figures from the Counter Terrorism Department (CTD), "
            "violence rose in the first half of 2024.\nIn March 2024, Khyber Pakhtunkhwa "
            "reported 61 incidents of terrorism.")
    assert by_text(text, published="2024-07-10")["61"][C.attributed_to] == "KP CTD"
    # Two publishers cited in the opening leave the figure to its own sentence.
    text = ("PESHAWAR: According to figures from the Counter Terrorism Department (CTD) and "
            "to PICSS data, violence rose in 2024.\nIn March 2024, Khyber Pakhtunkhwa "
            "reported 61 incidents of terrorism.")
    assert by_text(text, published="2024-07-10")["61"][C.attributed_to] is None


def test_the_neutralisation_of_militants_counts_them_killed() -> None:
    claims = by_text("Raids led to the neutralisation of 23 most-wanted terrorists in May.",
                     published="2024-06-02")
    assert claims["23"][C.metric] == "deaths_militants_high_value"


def test_times_an_attack_happened_count_attacks() -> None:
    claims = by_text("In 2022, 310 times militants attacked police stations, officials said.",
                     published="2023-01-10")
    assert claims["310"][C.metric] == "attacks"
    claims = by_text("Militants struck checkposts 40 times in 2022.", published="2023-01-10")
    assert claims["40"][C.metric] == "attacks"
    # Times with no attack verb count no attacks.
    claims = by_text("Officials met 40 times in 2022.", published="2023-01-10")
    assert claims.get("40", {}).get(C.metric) != "attacks"


def test_a_report_relayed_by_an_outlet_is_still_its_publishers() -> None:
    claims = by_text("PESHAWAR: A police report seen by Dawn showed 402 terror-related incidents "
                     "in the first half of 2025.", published="2025-07-10")
    assert claims["402"][C.attributed_to] == "KP Police"


def test_groups_counted_apart_by_name_make_their_parts() -> None:
    claims = by_text("Attacks by the Islamic State Khorasan rose to 12 in 2023, and the BLA was "
                     "linked to 140 deaths.", published="2024-03-01")
    assert claims["12"][C.metric] == "attacks_iskp"
    assert claims["140"][C.metric] == "deaths_bla"


def test_it_doing_what_groups_do_is_the_group_last_named() -> None:
    # The change compares the group's attacks, not all attacks.
    claims = by_text("The TTP was blamed for 92 attacks in 2023, a rise of 30 percent over "
                     "the attacks it carried out in 2022.", published="2024-03-01")
    assert claims["92"][C.metric] == "attacks_ttp"
    assert claims["rise of 30 percent"][C.metric] == "attacks_ttp"
    claims = by_text("The TTP was blamed for 400 deaths in 2023, a rise of 50 percent over "
                     "the deaths it caused in 2022.", published="2024-03-01")
    assert claims["rise of 50 percent"][C.metric] == "deaths_ttp"
    # "it" that is no group's deed, or with no acting group named, is nobody's.
    claims = by_text("Pakistan saw 92 attacks in 2023, a rise of 30 percent over the attacks "
                     "it faced in 2022.", published="2024-03-01")
    assert claims["rise of 30 percent"][C.metric] == "attacks"
    claims = by_text("Police said 92 attacks in 2023 were a rise of 30 percent over the attacks "
                     "it recorded in 2022.", published="2024-03-01")
    assert claims["rise of 30 percent"][C.metric] == "attacks"


def test_a_group_beside_other_perpetrators_makes_no_part() -> None:
    # Everyone's attacks: comparing them with the insurgents' own count would be wrong.
    claims = by_text("Balochistan saw 61 attacks in 2023, mounted by Baloch separatists as "
                     "well as sectarian militant groups.", published="2024-03-01")
    assert claims["61"][C.metric] == "attacks"
    claims = by_text("Balochistan saw 61 attacks in 2023 by religious militant groups as well "
                     "as Baloch insurgents.", published="2024-03-01")
    assert claims["61"][C.metric] == "attacks"
    claims = by_text("Balochistan saw 61 attacks in 2023 by Baloch insurgents.",
                     published="2024-03-01")
    assert claims["61"][C.metric] == "attacks_nationalist"


def test_the_people_whose_events_are_counted_are_not_the_measure() -> None:
    for people in ("militants’", "terrorists'", "terrorist's"):
        claims = by_text(f"The report recorded a 25 percent rise in {people} attacks in 2023.",
                         published="2024-03-01")
        assert claims["25 percent rise"][C.metric] == "attacks", people
    claims = by_text("The report recorded a 25 percent rise in militants in 2023.",
                     published="2024-03-01")
    assert claims["25 percent rise"][C.metric] == "militants"


def test_a_word_the_article_glosses_as_a_measure_keeps_that_meaning() -> None:
    text = ("Bloodshed rose in 2023. Sindh saw a rise in bloodshed (deaths) by 12% in 2023, the "
            "report said.\nIn Punjab, the decline in bloodshed was 9% in 2023.")
    claims = by_text(text, published="2024-01-10")
    assert claims["12%"][C.metric] == "deaths"
    assert claims["9%"][C.metric] == "deaths"
    # Without the gloss the word is no measure.
    claims = by_text("In Punjab, the decline in bloodshed was 9% in 2023.", published="2024-01-10")
    assert claims["9%"][C.metric] is None


def test_places_filling_a_ranking_of_changes_take_the_change() -> None:
    text = ("Deaths fell in the second quarter of 2023. The sharpest decrease in deaths was "
            "recorded in Sindh, almost 70%, followed by Punjab with 45%.")
    claims = by_text(text, published="2023-07-10")
    assert (claims["almost 70%"][C.kind], claims["almost 70%"][C.value]) == (
        "percent_change", -70)
    assert claims["almost 70%"][C.metric] == "deaths"
    assert claims["almost 70%"][C.region] == "PK-SD"
    assert (claims["45%"][C.kind], claims["45%"][C.value], claims["45%"][C.region]) == (
        "percent_change", -45, "PK-PB")
    # A percent not given to a place, or a ranking of no change, keeps its reading.
    claims = by_text("The largest increase was in suicide attacks, which made up 20% of all "
                     "attacks in 2023.", published="2024-01-10")
    assert claims["20% of all attacks"][C.kind] != "percent_change"
    claims = by_text("The largest toll was recorded in Sindh, almost 70%.", published="2024-01-10")
    assert claims["almost 70%"][C.kind] != "percent_change"


def test_attacks_said_to_include_operations_are_all_incidents() -> None:
    text = ("ISLAMABAD: The two provinces accounted for 80% of attacks (including terrorist "
            "attacks and security forces operations) in the first quarter of 2024, CRSS said, "
            "and for 70% of attacks (including those in Quetta) in 2023.")
    claims = by_text(text, published="2024-04-10")
    assert claims["80% of attacks"][C.metric] == "incidents"
    assert claims["70% of attacks"][C.metric] == "attacks"


def test_a_part_out_of_its_whole_takes_the_people_the_sentence_speaks_of() -> None:
    text = ("ISLAMABAD: PICSS recorded 263 deaths in May. Civilian deaths also grew as a "
            "share, accounting for 118 out of 263 fatalities — over 44pc, it said.")
    claims = rows(text, published="2025-06-02")
    part, share = claims[2], claims[4]
    assert (part[C.text], part[C.metric]) == ("118", "deaths_civilians")
    assert (share[C.text], share[C.metric]) == ("over 44pc", "deaths_civilians")
    # With a figure between the people and the part, the people are that figure's.
    text = ("ISLAMABAD: Civilian deaths stood at 60 in May, PICSS said, accounting for 118 out "
            "of 287 total fatalities.")
    part = by_text(text, published="2025-06-02")["118"]
    assert part[C.metric] != "deaths_civilians"


def test_the_toll_of_terrorist_attacks_is_their_part_of_all_violence() -> None:
    # CRSS counts all violence and gives the toll of terrorist attacks apart from that of
    # the security forces' operations.
    text = ("ISLAMABAD: Between April and June 2023, 90 terror attacks caused 140 fatalities "
            "and 200 injuries, CRSS said, while 40 counter-terror operations killed 100 "
            "outlaws.")
    claims = by_text(text, published="2023-07-14")
    assert [claims[n][C.metric] for n in ("90", "140", "200", "40", "100")] == [
        "attacks", "deaths_terrorism", "injured_terrorism", "security_operations",
        "deaths_militants"]
    # Deaths and injuries that are not listed as one toll of those attacks stay whole.
    claims = by_text("ISLAMABAD: In 2023, terrorist attacks caused 165 deaths, CRSS said, and "
                     "191 people were injured in all violence.", published="2024-01-14")
    assert claims["191"][C.metric] == "injured"
    # Nor are those of terrorist attacks and operations together.
    claims = by_text("ISLAMABAD: In 2023, 284 people were killed in terror attacks and "
                     "counter-terror operations, CRSS said.", published="2024-01-14")
    assert claims["284"][C.metric] == "deaths"


def test_every_count_of_a_list_after_an_opening_whole_is_its_part() -> None:
    text = ("ISLAMABAD: Attacks claimed 640 lives in 2023, PIPS said. Of the 640 people killed, "
            "300 were soldiers, 250 were civilians and 90 were militants, while 15 were "
            "children.")
    claims = rows(text, published="2024-01-04")
    metric = {r[C.text]: r[C.metric] for r in claims[2:]}
    assert metric == {"300": "deaths_security_personnel", "250": "deaths_civilians",
                      "90": "deaths_militants", "15": None}


def test_a_group_before_an_aside_naming_some_of_it_is_the_subject() -> None:
    text = ("ISLAMABAD: Religiously inspired militant groups, including the TTP, perpetrated 190 "
            "attacks in 2023 that killed 450 people and injured 700 others, PIPS said.")
    claims = by_text(text, published="2024-01-04")
    assert [claims[n][C.metric] for n in ("190", "450", "700")] == [
        "attacks_religious_militants", "deaths_religious_militants",
        "injured_religious_militants"]
    # An aside that is not about the group does not carry it past.
    text = ("ISLAMABAD: Religiously inspired militant groups were active, officials said, and "
            "190 attacks were recorded in 2023, PIPS said.")
    assert by_text(text, published="2024-01-04")["190"][C.metric] == "attacks"


def test_a_change_whose_verb_is_left_out_keeps_the_change() -> None:
    claims = by_text("ISLAMABAD: Fatalities rose by 60 percent and incidents by about 40 "
                     "percent compared with 2023, CRSS said.", published="2025-01-01")
    item = claims["about 40 percent"]
    assert (item[C.kind], item[C.metric], item[C.base_period]) == (
        "percent_change", "incidents", "2023")
    # Without a measure before "by" the percent is no change.
    claims = by_text("ISLAMABAD: Fatalities rose by 60 percent in 2024, and 40 percent of them "
                     "were in KP, CRSS said.", published="2025-01-01")
    assert claims["40 percent of them"][C.kind] != "percent_change"


def test_attacks_joined_to_operations_are_no_group() -> None:
    text = ("ISLAMABAD: Overall, 175 people were killed in militant attacks and security "
            "operations in June 2025, PICSS said.")
    assert by_text(text, published="2025-07-01")["175"][C.metric] == "deaths"


def test_people_who_accounted_for_a_count_and_the_share_beside_it() -> None:
    text = ("ISLAMABAD: Civilians and security personnel together accounted for 1,500 of the "
            "fatalities, over 60 percent, while 900 outlaws were killed in 2024, CRSS said.")
    claims = by_text(text, published="2025-01-01")
    assert claims["1,500"][C.metric] == "deaths_civilians_security"
    assert claims["over 60 percent"][C.metric] == "deaths_civilians_security"


def test_a_place_listed_with_a_bare_count_continues_the_count_before() -> None:
    text = ("ISLAMABAD: Khyber Pakhtunkhwa suffered 1,500 fatalities in 2024, over 60 percent "
            "of the total, and Balochistan 700, or 30 percent, CRSS said. Together, the two "
            "provinces accounted for 90 percent of all fatalities.")
    claims = rows(text, published="2025-01-01")
    found = {r[C.text]: (r[C.metric], r[C.region]) for r in claims}
    assert found["700"] == ("deaths", "PK-BA")
    assert found["30 percent"] == ("deaths", "PK-BA")
    assert found["over 60 percent of the total"] == ("deaths", "PK-KP")
    assert found["90 percent of all fatalities"] == ("deaths", "PK-BA+PK-KP")
    # A bare count after a place with no "and" before it is not read so.
    claims = by_text("ISLAMABAD: Khyber Pakhtunkhwa suffered 1,500 fatalities in 2024. "
                     "Balochistan 700 km away was calmer.", published="2025-01-01")
    assert claims["700"][C.metric] is None


def test_people_who_lost_a_count_lost_them_to_death() -> None:
    text = ("PESHAWAR: In July 2025, the attacks wounded 300 people, while the police lost 60 "
            "personnel and 90 were injured, a report of the provincial police said.")
    claims = by_text(text, published="2025-09-08")
    assert claims["60"][C.metric] == "deaths_security_personnel"
    assert claims["90"][C.metric] == "injured_security_personnel"
    # "the provincial police" of a figure about Khyber Pakhtunkhwa are the KP police.
    assert claims["60"][C.attributed_to] == "KP Police"


def test_a_measure_set_as_a_label_before_its_figure_is_its_measure() -> None:
    text = ("ISLAMABAD: PIPS issued its yearly security report on Thursday. Key figures for "
            "2023:\n"
            "- Terrorist attacks: 300 (up 15 percent)\n- Deaths: 650\n1. Suicide attacks: 20")
    claims = by_text(text, published="2024-01-04")
    assert claims["300"][C.metric] == "attacks"
    assert (claims["up 15 percent"][C.kind], claims["up 15 percent"][C.metric]) == (
        "percent_change", "attacks")
    assert claims["650"][C.metric] == "deaths"
    assert claims["20"][C.metric] == "suicide_attacks"
    # The fact box's items are the story's publisher's, like its item that gives a change,
    # and a list item's number is no figure.
    assert claims["650"][C.attributed_to] == "PIPS"
    assert "1" not in claims
    # A measure before a colon inside a sentence is no label (the binding says why the figure
    # counts deaths: the list the colon opens, 36a18ed), and a colon after no measure names
    # none.
    claims = by_text("ISLAMABAD: PIPS counted the following deaths: 650 in 2023.",
                     published="2024-01-04")
    assert claims["650"][C.metric] == "deaths"
    assert "label" not in (claims["650"][C.binding] or "")
    claims = by_text("ISLAMABAD: PIPS listed the following figures: 650 in 2023.",
                     published="2024-01-04")
    assert claims["650"][C.metric] is None


def test_a_sentence_opening_on_a_whole_makes_its_first_percent_a_share_of_it() -> None:
    text = ("QUETTA: Of the incidents in Balochistan in 2024, 40 percent targeted security "
            "forces, the provincial home department said.")
    claims = by_text(text, published="2024-12-21")
    share = claims["40 percent"]
    assert (share[C.kind], share[C.metric]) == ("share", "attacks_on_security_forces")
    assert share[C.attributed_to] == "Balochistan Home Department"
    claims = by_text("Of all attacks in 2024, 30 percent were in Khyber Pakhtunkhwa.",
                     published="2025-01-02")
    assert (claims["30 percent"][C.kind], claims["30 percent"][C.metric]) == ("share", "attacks")
    # Without the opening, a bare percent stays one.
    claims = by_text("In 2024, 30 percent were in Khyber Pakhtunkhwa.", published="2025-01-02")
    assert claims["30 percent"][C.kind] == "percent"


def test_a_whole_named_without_a_number_makes_the_counts_after_it_its_parts() -> None:
    text = ("ISLAMABAD: In 2024, 1,100 people were killed in militant attacks, PICSS said. Of "
            "those killed in militant attacks, 450 were civilians and 400 were security "
            "personnel, while 200 attackers also died.")
    claims = by_text(text, published="2025-01-01")
    assert [claims[n][C.metric] for n in ("450", "400", "200")] == [
        "deaths_civilians", "deaths_security_personnel", "deaths_attackers"]
    # A count that names no people is no part of known kind.
    text = ("ISLAMABAD: Of those killed in militant attacks in 2024, 30 were in Punjab, PICSS "
            "said.")
    assert by_text(text, published="2025-01-01")["30"][C.metric] != "deaths_civilians"


def test_a_change_after_counts_of_several_measures_is_a_guess_unless_its_counts_tell() -> None:
    text = ("ISLAMABAD: Pakistan recorded 380 fatalities and 220 injuries in 240 incidents in "
            "the second quarter of 2024, a 12 percent drop from the first quarter, CRSS said.")
    drop = by_text(text, published="2024-07-02")["12 percent drop"]
    assert "metric: a guess" in drop[C.binding]
    # The counts the sentence gives for the change say which measure it is.
    text = text.replace("CRSS said.", "when 432 people died, CRSS said.")
    drop = by_text(text, published="2024-07-02")["12 percent drop"]
    assert drop[C.metric] == "deaths" and "a guess" not in drop[C.binding]
    # Named by its own words, the measure is no guess.
    text = ("ISLAMABAD: Pakistan recorded 380 fatalities and 220 injuries in 240 incidents in "
            "the second quarter of 2024, a 12 percent drop in incidents, CRSS said.")
    drop = by_text(text, published="2024-07-02")["12 percent drop"]
    assert drop[C.metric] == "incidents" and "a guess" not in drop[C.binding]


def test_a_group_responsible_for_a_share_is_its_part() -> None:
    claims = by_text("A separatist outfit, the Baloch Liberation Army (BLA), was reportedly "
                     "responsible for 28% of all deaths in 2023.", published="2024-03-01")
    assert claims["28% of all deaths"][C.metric] == "deaths_bla"


def test_a_share_within_a_groups_toll_is_not_the_groups_share() -> None:
    # 80% of the BLA's own toll were soldiers: not the BLA's share of all deaths, which a
    # publisher states (a false alarm if compared).
    claims = by_text("ISLAMABAD: Of the 140 deaths in 2023 linked to the BLA, 80% were "
                     "soldiers, the Global Terrorism Index said.", published="2024-03-01")
    assert claims["140"][C.metric] == "deaths_bla"
    assert claims["80%"][C.metric] is None


def test_a_part_told_in_the_provinces_own_sentence_leaves_it_whole() -> None:
    text = ("PESHAWAR: Militants carried out 240 attacks in Khyber Pakhtunkhwa in 2023, "
            "according to the PICSS, and the merged districts recorded 95 attacks in 2023.")
    assert by_text(text, published="2024-01-10")["240"][C.region] == "PK-KP"
    text = ("PESHAWAR: Militants carried out 240 attacks in Khyber Pakhtunkhwa in 2023, "
            "according to the PICSS.\nSome 95 of them were in the merged districts in 2023.")
    assert by_text(text, published="2024-01-10")["240"][C.region] == "PK-KP"


def test_a_part_the_words_do_not_name_is_not_the_whole_measure() -> None:
    # Read as all deaths, the 12 would be compared with the 700 the publisher states.
    text = ("PICSS said deaths rose by 40 percent to 700 in 2024. This figure included "
            "310 militants and 12 volunteers of village defence groups.")
    claims = by_text(text, published="2025-01-03")
    assert claims["310"][C.metric] == "deaths_militants"
    assert claims["12"][C.metric] is None
    # In a place of its own, a part keeps the whole's measure there.
    text = ("PICSS said deaths in Pakistan rose by 40 percent to 700 in 2024. This includes "
            "120 in Balochistan.")
    claim = by_text(text, published="2025-01-03")["120"]
    assert (claim[C.metric], claim[C.region]) == ("deaths", "PK-BA")


def test_a_part_of_a_whole_that_names_nothing_of_its_own_keeps_no_measure() -> None:
    for text in ("PICSS said 45 of the 287 people killed in April were children.",
                 "PICSS said 45 out of 287 people killed in April were children."):
        claims = by_text(text, published="2025-05-01")
        assert claims["287"][C.metric] == "deaths"
        assert claims["45"][C.metric] is None, text
    # A part in a place of its own is the whole's measure there.
    claims = by_text("PICSS said 45 of the 287 people killed in April were in Karachi, Sindh.",
                     published="2025-05-01")
    assert claims["45"][C.metric] == "deaths"


def test_months_before_another_clauses_year_take_the_publication_year() -> None:
    # With no year in the opening, the year of the clause after the months ("the whole of
    # 2023") is the comparison's, not the months'.
    claims = by_text("The report found that 610 people were killed between April and June, "
                     "a third of the total counted in all of 2023.",
                     published="2024-07-10")
    assert claims["610"][C.period] == "2024-04/2024-06"


def test_a_figure_for_each_of_two_places_is_no_figure_for_both() -> None:
    # Read as both places together, 2 would be compared with 2 + 2: a false alarm.
    digits = "PIPS said 35 attacks occurred in KP in May 2024, 7 in Sindh and 2 each in "
    words = "PIPS said 35 attacks occurred in KP in May 2024, seven in Sindh and two each in "
    for text in (digits + "Punjab and Balochistan.", words + "Punjab and Balochistan."):
        claims = rows(text, published="2024-06-09")
        each = [c for c in claims if c[C.value] == 2]
        assert len(each) == 1, text  # the small number word in the list is a claim too
        assert each[0][C.region] is None
        assert "each of" in each[0][C.binding]


def test_the_people_a_count_of_a_whole_is_are_its_part() -> None:
    text = ("PIPS said 385 people were killed in Balochistan in 2024. Of the 385 people killed "
            "in 2024, 160 were security personnel and 40 were children, PIPS said.")
    claims = rows(text, published="2025-01-05")
    by_value = {c[C.value]: c for c in claims}
    assert by_value[160][C.metric] == "deaths_security_personnel"
    # Children are no measure figcheck has: not the security personnel, nor all the dead.
    assert by_value[40][C.metric] is None
    # "were" and a verb goes on with the same people.
    claims = by_text("In Sindh, 72 policemen were killed and 129 were injured in 2024.",
                     published="2025-01-05")
    assert claims["129"][C.metric] == "injured_security_personnel"


def test_an_according_to_name_ends_with_its_sentence() -> None:
    text = ("Attacks rose, according to Peace Watch Forum.\nKidnappings also jumped by 40 "
            "percent in 2025, the report said.")
    claim = by_text(text, published="2025-12-29")["jumped by 40 percent"]
    assert claim[C.attributed_to] == "Peace Watch Forum"


def test_of_these_opens_on_the_whole_the_sentence_before_told() -> None:
    text = ("PICSS said deaths rose by 40 percent to 700 in 2024. Of these, 310 were militants, "
            "while 240 were security personnel and 12 were volunteers.")
    claims = rows(text, published="2025-01-03")
    metric = {c[C.value]: c[C.metric] for c in claims}
    assert (metric[310], metric[240]) == ("deaths_militants", "deaths_security_personnel")
    assert metric[12] is None  # people figcheck has no word for: no count of all the dead


def test_such_takes_up_the_last_kind_its_noun_ends() -> None:
    claims = by_text("Suicide attacks doubled in 2024, with 31 such attacks in Khyber "
                     "Pakhtunkhwa.", published="2025-01-03")
    assert claims["31"][C.metric] == "suicide_attacks"
    claims = by_text("Suicide bombings doubled. Militants staged 300 attacks in 2024, and 40 "
                     "such attacks hit the police.", published="2025-01-03")
    assert claims["40"][C.metric] != "suicide_attacks"


def test_a_previous_quarter_is_the_one_before_the_storys() -> None:
    # Published in early October, "the previous quarter" before publication would be the
    # third, the story's own.
    text = ("ISLAMABAD: Pakistan recorded 900 fatalities in the third quarter of 2025, a CRSS "
            "report said.\nFatalities rose by 40 percent compared to the previous quarter.")
    rise = by_text(text, published="2025-10-02")["rose by 40 percent"]
    assert (rise[C.period], rise[C.base_period]) == ("2025-07/2025-09", "2025-04/2025-06")


def test_among_them_after_a_change_of_the_dead_counts_its_people() -> None:
    text = ("ISLAMABAD: Pakistan recorded 900 fatalities in the third quarter of 2025, a CRSS "
            "report said.\nFatalities rose by 40 percent compared to the previous quarter. "
            "Among them, 500 were militants, while 170 were security personnel.")
    claims = by_text(text, published="2025-10-02")
    assert (claims["500"][C.metric], claims["170"][C.metric]) == (
        "deaths_militants", "deaths_security_personnel")


def test_a_share_in_apposition_may_name_its_whole() -> None:
    text = ("LAHORE: Punjab recorded 412 deaths in 2024, or 18 percent of the national total, "
            "in 150 incidents, the report said.")
    share = by_text(text, published="2025-01-05")["18 percent of the national"]
    assert (share[C.metric], share[C.region]) == ("deaths", "PK-PB")
    assert "stands beside (412)" in share[C.binding]
    # A share going on past its whole ("... of the national tally in Sindh") is no apposition.
    text = ("LAHORE: Punjab recorded 412 deaths in 2024, or 18 percent of the national tally "
            "in the first half, the report said.")
    share = by_text(text, published="2025-01-05")["18 percent of the national"]
    assert share[C.metric] is None


def test_two_provinces_named_a_sentence_each_are_the_two_provinces() -> None:
    text = ("QUETTA: Balochistan suffered the most, with 700 deaths in 2024. Sindh came next "
            "with 120. Together, the two provinces saw 35 percent of all deaths.")
    share = by_text(text, published="2025-01-05")["35 percent of all deaths"]
    assert share[C.region] == "PK-BA+PK-SD"
    assert "2 sentences before" in share[C.binding]
    # Three provinces named after the one before: which two is anyone's guess.
    text = ("QUETTA: Balochistan suffered the most, with 700 deaths in 2024. Sindh, Punjab "
            "and Khyber Pakhtunkhwa saw fewer. Together, the two provinces saw 35 percent of "
            "all deaths.")
    share = by_text(text, published="2025-01-05")["35 percent of all deaths"]
    assert "two provinces" not in (share[C.binding] or "")


def test_deaths_in_security_operations_are_their_part_of_all_deaths() -> None:
    text = ("ISLAMABAD: Security operations killed 640 people in 2024, and 310 were killed in "
            "counter-terrorism operations in the first half of 2025, the think tank said.")
    claims = by_text(text, published="2025-08-01")
    assert claims["640"][C.metric] == "deaths_operations"
    assert claims["310"][C.metric] == "deaths_operations"
    # Killed in attacks and operations alike: everyone, no part.
    text = "ISLAMABAD: In all, 950 people were killed in terror attacks and security operations."
    assert by_text(text, published="2025-08-01")["950"][C.metric] == "deaths"


def test_members_of_the_security_forces_are_security_personnel() -> None:
    text = ("PESHAWAR: The attacks killed 90 people in 2024: 50 civilians and 40 members of the "
            "security forces.")
    assert by_text(text, published="2025-01-05")["40"][C.metric] == "deaths_security_personnel"


def test_a_count_stated_as_a_rate_is_no_tally_of_its_period() -> None:
    text = ("ISLAMABAD: The country saw an average of 2.5 militant attacks per day in 2024, and "
            "more than one suicide bombing every week, the think tank said. Militants struck "
            "90 times a month. In all, 912 attacks were recorded in 2024.")
    claims = by_text(text, published="2025-01-05")
    for rate in ("2.5", "more than one", "90"):
        assert claims[rate][C.metric] is None, rate
        assert "a rate" in claims[rate][C.binding]
    assert claims["912"][C.metric] == "attacks"
    # A day's tally, a level a year before and "two each" are no rates.
    text = ("ISLAMABAD: Militants killed 52 people in a day. Deaths rose to 900, up from 505 a "
            "year earlier. Two attacks each were recorded in Punjab and Sindh.")
    claims = by_text(text, published="2025-01-05")
    assert claims["52"][C.metric] == "deaths"
    assert claims["505"][C.metric] == "deaths"
    assert claims["Two"][C.metric] == "attacks"


def test_the_level_a_change_reached_is_counted_where_the_change_was() -> None:
    text = ("Khyber Pakhtunkhwa alone was hit by 300 attacks, while Sindh saw an 80 percent "
            "jump in attacks, to 70, PIPS said in its report on 2024.")
    claims = by_text(text, published="2025-01-05")
    assert claims["70"][C.region] == "PK-SD"
    assert claims["300"][C.region] == "PK-KP"


def test_a_group_with_its_affiliates_keeps_its_part() -> None:
    text = "The TTP and its affiliates killed 240 people in 2024, PIPS said."
    assert by_text(text, published="2025-01-05")["240"][C.metric] == "deaths_ttp"
    text = "The TTP and other militant groups killed 240 people in 2024, PIPS said."
    assert by_text(text, published="2025-01-05")["240"][C.metric] == "deaths"


def test_a_percent_more_than_something_is_no_share_of_it() -> None:
    text = ("PESHAWAR: Khyber Pakhtunkhwa saw 60 attacks in May 2024, 25 percent more than in "
            "Punjab, the think tank said. Sindh saw 40 percent fewer attacks than Punjab in 2024.")
    claims = by_text(text, published="2024-06-05")
    assert claims["25 percent"][C.kind] == "percent"
    assert claims["25 percent"][C.metric] is None
    assert "a comparison" in claims["25 percent"][C.binding]
    assert claims["40 percent fewer"][C.metric] is None  # two places, no change in time
    # Compared with an earlier time it is a change, measured against that time.
    text = ("PESHAWAR: Khyber Pakhtunkhwa saw 60 attacks in May 2024, 25 percent more than in "
            "April, the think tank said.")
    change = by_text(text, published="2024-06-05")["25 percent more"]
    assert (change[C.kind], change[C.metric]) == ("percent_change", "attacks")
    assert (change[C.period], change[C.base_period]) == ("2024-05", "2024-04")
    text = "ISLAMABAD: There were 12% fewer attacks in 2024 than the previous year."
    assert by_text(text, published="2025-01-05")["12% fewer"][C.metric] == "attacks"


def test_a_place_named_after_accounted_for_is_its_figures() -> None:
    text = ("ISLAMABAD: Khyber Pakhtunkhwa accounted for 30 attacks, which claimed 41 lives, "
            "while Sindh saw 12 attacks in March 2024.")
    claims = by_text(text, published="2024-04-05")
    assert claims["30"][C.region] == "PK-KP"
    assert claims["12"][C.region] == "PK-SD"


def test_a_month_that_turned_deadlier_dates_its_sentence() -> None:
    text = ("ISLAMABAD: Militants staged 40 attacks in May 2024, PIPS said. June turned "
            "deadlier: 52 attacks killed 90 people.")
    assert by_text(text, published="2024-07-05")["52"][C.period] == "2024-06"


def test_the_level_a_count_is_compared_with_takes_its_measure() -> None:
    text = ("ISLAMABAD: Militants carried out 91 attacks in May, slightly more than the 87 "
            "recorded in April.")
    claims = by_text(text, published="2025-06-01")
    assert claims["87"][C.metric] == "attacks"
    assert claims["87"][C.period] == "2025-04"
    text = "ISLAMABAD: Militants carried out 400 attacks in 2024, nearly double the 210 of 2023."
    assert by_text(text, published="2025-01-05")["210"][C.metric] == "attacks"


def test_people_losing_a_count_lose_them_to_death() -> None:
    text = "PESHAWAR: The police bore the brunt in March 2025, losing 38 personnel."
    assert by_text(text, published="2025-04-01")["38"][C.metric] == "deaths_security_personnel"


def test_a_month_that_accounted_for_a_count_dates_it() -> None:
    text = ("PESHAWAR: The province recorded 500 incidents between January and August. "
            "August alone accounted for 90 incidents.")
    assert by_text(text, published="2025-09-03")["90"][C.period] == "2025-08"


def test_since_a_year_runs_to_publication() -> None:
    text = "PESHAWAR: The force has lost more than 1,200 personnel since 2002, officials said."
    claim = by_text(text, published="2025-09-03")["more than 1,200"]
    assert claim[C.period] == "2002-01-01/2025-09-03"
    # A change since a year is measured against it, as before; a record "since" is no span.
    text = "ISLAMABAD: Since 2021, attacks have risen 70 percent."
    assert by_text(text, published="2025-09-03")["risen 70 percent"][C.period] == "2021"
    text = "ISLAMABAD: Deaths reached 900 in 2024, the highest since 2014."
    assert by_text(text, published="2025-09-03")["900"][C.period] == "2024"
    # A trend since a year, or what happened "when", is that year's.
    text = ("ISLAMABAD: Violence has climbed steadily since 2021, when PIPS recorded 200 "
            "attacks and 330 deaths.")
    assert by_text(text, published="2025-09-03")["200"][C.period] == "2021"


def test_a_tally_by_the_end_of_a_month_is_the_years_so_far() -> None:
    text = ("PESHAWAR: The police had recorded 420 incidents by the end of June. Until May, "
            "350 attacks were recorded. In June, 70 incidents were recorded.")
    claims = by_text(text, published="2025-09-03")
    assert claims["420"][C.period] == "2025-01/2025-06"
    assert claims["350"][C.period] == "2025-01/2025-05"
    assert claims["70"][C.period] == "2025-06"


def test_a_year_naming_its_events_is_no_count() -> None:
    text = ("RAWALPINDI: Sindh accounted for the bulk of the 2022 operations, with 9,120, compared to "
            "1,310 in Punjab.")
    claims = by_text(text, published="2023-01-05")
    assert "2022" not in claims
    assert (claims["9,120"][C.metric], claims["9,120"][C.region]) == ("security_operations",
                                                                      "PK-SD")
    assert claims["9,120"][C.period] == "2022"
    # A count's own place after it holds after "accounted for"; a share's is its whole's.
    assert claims["1,310"][C.region] == "PK-PB"
    share = by_text("Sindh and Punjab accounted for 80% of attacks in Pakistan in 2022.",
                    published="2023-01-05")["80% of attacks"]
    assert share[C.region] == "PK-PB+PK-SD"


def test_the_indexs_incidents_are_its_attacks() -> None:
    text = "The Global Terrorism Index recorded 1,240 incidents in Pakistan in 2024."
    assert by_text(text, published="2025-03-10")["1,240"][C.metric] == "attacks"


def test_a_time_between_a_name_and_its_verb_keeps_the_attribution() -> None:
    text = ("ISLAMABAD: Interior minister Rana Sanaullah had in March 2023 estimated the group's "
            "strength at 8,000 to 9,000 fighters.")
    claim = by_text(text, published="2024-07-15")["8,000 to 9,000"]
    assert claim[C.attributed_to] == "Rana Sanaullah"
    assert claim[C.period] == "2023-03"


@pytest.mark.parametrize(("words", "period"), [
    ("the last three months of 2023", "2023-10/2023-12"),
    ("the last quarter of 2023", "2023-10/2023-12"),
    ("the last six months of 2023", "2023-07/2023-12"),
    ("the last quarter of last year", "2023-10/2023-12"),
])
def test_the_last_months_of_a_year_are_its_end(words: str, period: str) -> None:
    text = f"ISLAMABAD: Deaths fell to 700 from 1,020 in {words}, CRSS said."
    assert by_text(text, published="2024-04-02")["1,020"][C.period] == period


def test_the_last_quarter_without_a_year_is_the_one_before() -> None:
    text = "ISLAMABAD: Deaths reached 1,020 in the last quarter, CRSS said."
    assert by_text(text, published="2024-04-02")["1,020"][C.period] == "2024-01/2024-03"


def test_a_headline_verb_in_the_present_and_a_further_change_are_changes() -> None:
    claims = by_text("Sindh deaths climb 12pc in first quarter\n\nISLAMABAD: In the second "
                     "quarter of 2024, fatalities fell a further 20 percent, to 300.",
                     published="2024-07-02")
    assert claims["climb 12pc"][C.kind] == "percent_change"
    assert claims["fell a further 20 percent"][C.kind] == "percent_change"
    assert claims["fell a further 20 percent"][C.value] == -20


def test_suicide_bombers_striking_count_suicide_attacks_and_their_toll() -> None:
    text = ("ISLAMABAD: Suicide bombers struck 31 times in 2023, killing 300 people and "
            "injuring 560, PICSS said.")
    claims = by_text(text, published="2024-01-10")
    assert claims["31"][C.metric] == "suicide_attacks"
    assert claims["300"][C.metric] == "deaths_suicide_attacks"
    assert claims["560"][C.metric] == "injured_suicide_attacks"


def test_the_report_said_takes_the_source_of_the_report() -> None:
    text = ("ISLAMABAD: Pakistan saw 480 terrorist attacks in 2024, the Pak Institute for Peace "
            "Studies said in its annual security report.\n"
            "The Centre for Research and Security Studies, which also counts operations, put the "
            "year's toll at 2,300.\n"
            "The attacks killed 800 people in 2024, the report said.\n"
            "Deaths in operations rose to 700 in 2024, the think tank said.")
    claims = by_text(text, published="2025-01-05")
    assert claims["800"][C.attributed_to] == "PIPS"
    # Without a document named, the last source named holds.
    assert claims["700"][C.attributed_to] == "CRSS"


@pytest.mark.parametrize("speaker", ["CRSS executive director Imtiaz Gul",
                                     "CRSS director Jane Roe",
                                     "CRSS chairman Dr John Doe"])
def test_a_bodys_head_named_after_it_speaks_for_it(speaker: str) -> None:
    text = f"ISLAMABAD: {speaker} said the toll of violence reached 2,300 in 2024."
    assert by_text(text, published="2025-01-05")["2,300"][C.attributed_to] == "CRSS"


def test_militants_involved_in_the_attacks_are_the_attackers() -> None:
    text = ("ISLAMABAD: The attacks killed 900 people in 2024, among them 400 civilians, while "
            "190 militants involved in the attacks also died, PICSS said.")
    assert by_text(text, published="2025-01-02")["190"][C.metric] == "deaths_attackers"


def test_years_later_or_earlier_count_from_the_year_the_story_is_on() -> None:
    text = ("ISLAMABAD: In 2020, 150 security personnel died in attacks. Two years later, 280 "
            "security personnel died. In 2024, 400 died, against 150 four years earlier.")
    claims = rows(text, published="2025-02-10")
    found = {(r[C.text], r[C.start]): r[C.period] for r in claims}
    periods = [p for (t, _s), p in sorted(found.items(), key=lambda kv: kv[0][1])]
    assert periods == ["2020", "2022", "2024", "2020"]
    text = "ISLAMABAD: Three years ago, 200 attacks took place, officials said."
    assert by_text(text, published="2025-02-10")["200"][C.period] == "2022"


def test_the_second_day_of_a_span_of_days_is_no_count() -> None:
    claims = by_text("ISLAMABAD: 40 soldiers were killed in the fighting on October 14 and 15.",
                     published="2025-10-20")
    assert "15" not in claims
    claims = by_text("ISLAMABAD: Clashes on October 14-15 killed 20 soldiers.",
                     published="2025-10-20")
    assert "15" not in claims and claims["20"][C.metric] == "deaths_security_personnel"
    # A count after a date and a comma is a count.
    claims = by_text("ISLAMABAD: On October 14, 15 soldiers were hurt.", published="2025-10-20")
    assert "15" in claims


def test_the_military_speaks_through_ispr_and_claiming_attributes() -> None:
    text = ("ISLAMABAD: Pakistan's military said on Sunday that 20 soldiers were killed in the "
            "clashes.\nThe Taliban spokesman, Zabihullah Mujahid, gave another account, "
            "claiming that 50 soldiers had been killed.")
    claims = by_text(text, published="2025-10-20")
    assert claims["20"][C.attributed_to] == "ISPR"
    assert claims["50"][C.attributed_to] == "Zabihullah Mujahid"


def test_a_span_from_one_day_to_another_is_the_figures_period() -> None:
    text = ("PESHAWAR: The Counter Terrorism Department of Khyber Pakhtunkhwa says the province "
            "has seen 600 incidents of terrorism from January 1 to November 30.")
    claim = by_text(text, published="2024-12-02")["600"]
    assert claim[C.period] == "2024-01/2024-11"  # whole months, written as such
    assert claim[C.attributed_to] == "KP CTD"
    text = "ISLAMABAD: Between December 1 and December 6, 40 attacks were recorded."
    assert by_text(text, published="2024-12-08")["40"][C.period] == "2024-12-01/2024-12-06"


def test_a_place_that_says_is_no_source() -> None:
    text = "PESHAWAR: Khyber Pakhtunkhwa says 600 incidents took place in 2024."
    assert by_text(text, published="2025-01-05")["600"][C.attributed_to] is None


def test_figures_about_the_world_are_not_the_countrys() -> None:
    text = ("Pakistan climbs terrorism index\n\nISLAMABAD: Deaths from terrorism in Pakistan rose "
            "40 percent to 1,000 in 2024, while deaths worldwide fell 10 percent to 7,000, the "
            "Global Terrorism Index said.\nGlobally, attacks fell 5 percent in 2024, the index "
            "said.")
    claims = by_text(text, published="2025-03-06")
    assert claims["1,000"][C.region] == "PK"
    assert claims["7,000"][C.region] == "XW"
    assert claims["fell 5 percent"][C.region] == "XW"
    assert claims["fell 5 percent"][C.attributed_to] == "GTI"  # the publisher, not a raw name


def test_a_city_or_district_is_no_province() -> None:
    text = ("Attacks rise in Khyber Pakhtunkhwa\n\nPESHAWAR: Khyber Pakhtunkhwa saw 300 attacks "
            "in 2024, PIPS said. Peshawar, the provincial capital, saw 25 attacks in 2024, PIPS "
            "said. Bannu district recorded 40 attacks in 2024.")
    claims = by_text(text, published="2025-01-05")
    assert claims["300"][C.region] == "PK-KP"
    for local, name in (("25", "Peshawar"), ("40", "Bannu district")):
        assert claims[local][C.region] is None, local
        assert name in claims[local][C.binding]
    # The seat of government and a think tank's home are no place of the figures.
    text = ("ISLAMABAD: According to PICSS, an Islamabad-based think tank, militants carried out "
            "850 attacks in 2024.")
    assert by_text(text, published="2025-01-05")["850"][C.region] == "PK"


def test_a_ministry_that_informed_parliament_is_the_source() -> None:
    text = ("ISLAMABAD: The country saw 1,400 terrorist incidents in 2023, the Ministry of "
            "Interior informed the National Assembly on Thursday.")
    assert by_text(text, published="2024-05-17")["1,400"][C.attributed_to] == "Interior Ministry"


def test_the_think_tank_carries_the_publisher_named_in_full() -> None:
    text = ("ISLAMABAD: Militant attacks surged by 70 percent in August, according to the "
            "Pakistan Institute for Conflict and Security Studies. Militants also abducted 12 "
            "people during the month, the think tank noted.")
    assert by_text(text, published="2025-09-01")["12"][C.attributed_to] == "PICSS"


def test_the_outgoing_year_is_the_year_of_the_article() -> None:
    text = ("QUETTA: The Balochistan police recorded 700 terrorism-related incidents in the "
            "outgoing year, according to the annual report of the provincial police.")
    claim = by_text(text, published="2024-12-31")["700"]
    assert claim[C.period] == "2024"


def test_the_mainland_beside_the_tribal_districts_is_kp_mainland() -> None:
    text = ("PESHAWAR: In February 2025, the tribal districts saw 19 attacks, against 25 in the "
            "mainland, PICSS said.")
    claims = by_text(text, published="2025-03-02")
    assert claims["19"][C.region] == "PK-TA"
    assert claims["25"][C.region] == "PK-KPM"


def test_a_year_on_year_increase_is_a_change() -> None:
    text = "ISLAMABAD: Sindh recorded 300 deaths in 2024, a 45pc year-on-year increase."
    claim = by_text(text, published="2025-01-05")["45pc year-on-year increase"]
    assert (claim[C.kind], claim[C.metric], claim[C.base_period]) == (
        "percent_change", "deaths", "2023")


# --- a new batch of written stories (a column, an explainer, a parliamentary reply) ------------


def test_the_base_of_a_comparison_is_not_the_period_the_story_goes_on_with() -> None:
    # A column published in January on the year just ended: the paragraph's year is 2023, not
    # the 2022 its comparison names last.
    text = ("Figures are out again.\n\nThe institute put the toll of violence at 1,400 lives "
            "in 2023, up 40pc on the 1,000 of 2022.\n\nThe police, for their part, lost 300 "
            "officers.")
    claims = by_text(text, published="2024-01-20")
    assert claims["1,000"][C.period] == "2022"
    assert claims["300"][C.period] == "2023"


def test_a_count_stated_alone_still_sets_the_story_period() -> None:
    text = ("Figures are out again.\n\nThe institute counted 1,000 deaths in 2022.\n\n"
            "The police, for their part, lost 300 officers.")
    assert by_text(text, published="2024-01-20")["300"][C.period] == "2022"


def test_the_year_before_is_before_the_year_the_story_tells() -> None:
    text = ("Figures are out again.\n\nThe institute put the toll at 1,400 lives in 2023.\n\n"
            "PIPS recorded 250 attacks, 10pc more than the year before.")
    claims = by_text(text, published="2024-01-20")
    assert (claims["10pc more"][C.period], claims["10pc more"][C.base_period]) == (
        "2023", "2022")
    assert claims["250"][C.period] == "2023"


def test_occurred_tells_of_the_past_not_the_publication_year() -> None:
    text = ("Figures are out again.\n\nThe institute put the toll at 1,400 lives in 2023.\n\n"
            "Over 80pc of the deaths occurred in Balochistan.")
    claim = by_text(text, published="2024-01-20")["Over 80pc of the deaths"]
    assert claim[C.period] == "2023"


def test_tallied_and_log_tell_a_publishers_count() -> None:
    claims = by_text("Islamabad's other think tank, PICSS, tallied 600 attacks in 2023.\n\n"
                     "Balochistan police log 700 attacks in 2024", published="2025-01-10")
    assert claims["600"][C.attributed_to] == "PICSS"
    assert claims["700"][C.attributed_to] == "Balochistan Police"


def test_a_ministry_that_told_parliament_is_the_source_but_a_teller_of_a_reporter_is_not() -> None:
    told = by_text("The interior ministry told the Senate on Monday that 1,400 terrorist "
                   "incidents took place in 2023.", published="2024-05-17")
    assert told["1,400"][C.attributed_to] == "Interior Ministry"
    reporter = by_text("A PIPS researcher told reporters that 1,400 people had died in 2023.",
                       published="2024-05-17")
    assert reporter["1,400"][C.attributed_to] is None


def test_a_source_named_in_lower_case_is_found_opening_a_sentence() -> None:
    claim = by_text("The military's media wing said troops had killed 900 militants in 2024.",
                    published="2025-01-10")["900"]
    assert claim[C.attributed_to] == "ISPR"


def test_a_tally_up_to_a_day_runs_from_the_start_of_its_year() -> None:
    claims = by_text("PESHAWAR: Till November 30, the police had recorded 600 attacks.\n\n"
                     "The home department's tally, which ran to December 15, counted 350 deaths."
                     "\n\nOn December 16, 12 people were killed.", published="2024-12-20")
    assert claims["600"][C.period] == "2024-01/2024-11"  # whole months
    assert claims["350"][C.period] == "2024-01-01/2024-12-15"
    assert claims["12"][C.period] == "2024-12-16"


def test_a_share_and_a_change_apposed_to_a_groups_toll_measure_it() -> None:
    text = ("The Global Terrorism Index counted 900 deaths in Pakistan in 2024.\n\n"
            "The index attributes 450 deaths to the Balochistan Liberation Army (BLA), 50 "
            "percent of the country's total and a 75 percent jump.")
    claims = by_text(text, published="2025-03-10")
    share, change = claims["50 percent of the country's"], claims["75 percent jump"]
    assert (share[C.metric], change[C.metric]) == ("deaths_bla", "deaths_bla")
    assert claims["450"][C.attributed_to] == "GTI"
    # Not apposed (a new clause with its own subject): the share is not the group's.
    other = by_text("The index attributes 450 deaths to the BLA, while 50 percent of the "
                    "victims were civilians.", published="2025-03-10")
    assert other["50 percent of the victims"][C.metric] != "deaths_bla"


def test_a_measure_in_a_clause_giving_the_reason_is_not_the_changes() -> None:
    text = ("Militants accounted for 900 of the dead, or 50 percent, a 40 percent jump from the "
            "year before as troops stepped up operations.")
    assert by_text(text, published="2025-01-02")["40 percent jump"][C.metric] == (
        "deaths_militants")
    named = by_text("PICSS recorded a 40 percent jump in deaths as troops stepped up operations.",
                    published="2025-01-02")
    assert named["40 percent jump"][C.metric] == "deaths"


def test_more_than_an_earlier_times_level_is_a_change_against_that_time() -> None:
    text = ("ISLAMABAD: In the first half of the year, 1,200 people were killed, 50 percent more "
            "than the 800 of the same period of 2024, CRSS said.")
    claim = by_text(text, published="2025-07-01")["50 percent more"]
    assert (claim[C.kind], claim[C.metric], claim[C.base_period]) == (
        "percent_change", "deaths", "2024-01/2024-06")
    place = by_text("ISLAMABAD: Khyber Pakhtunkhwa saw 1,200 deaths in 2024, 50 percent more "
                    "than the 800 of Balochistan, CRSS said.", published="2025-07-01")
    assert place["50 percent"][C.metric] is None  # two places, no change in time


def test_a_modifier_belongs_to_the_figure_of_its_own_clause() -> None:
    text = ("In March, Asif Durrani had said some 4,000 to 5,000 TTP militants were in "
            "Afghanistan, and that with their families their number reached 60,000.")
    claims = by_text(text, published="2024-08-01")
    assert claims["some 4,000 to 5,000"][C.metric] == "militants"
    assert claims["60,000"][C.metric] == "militants_with_families"
    after = by_text("Asif Durrani said 60,000 militants were there when including families.",
                    published="2024-08-01")
    assert after["60,000"][C.metric] == "militants_with_families"


def test_the_body_a_back_reference_names_is_the_source_not_a_person_quoted_since() -> None:
    text = ("The UN sanctions monitoring team's latest report puts the number of TTP fighters in "
            "Afghanistan at between 5,000 and 6,000.\n\nIn March, Asif Durrani had said some "
            "4,000 TTP militants were in Afghanistan.\n\nThe monitors said the TTP carried out "
            "1,100 attacks in Pakistan in 2023.")
    claims = by_text(text, published="2024-08-01")
    assert claims["between 5,000 and 6,000"][C.attributed_to] == "UN Monitoring Team"
    assert claims["1,100"][C.attributed_to] == "UN Monitoring Team"
    # "They said" names no body: the last one named speaks.
    it = by_text(text.replace("The monitors said", "They said"), published="2024-08-01")
    assert it["1,100"][C.attributed_to] == "Asif Durrani"


def test_the_military_spokesman_by_rank_and_title_is_ispr() -> None:
    text = ("RAWALPINDI: Troops killed 500 terrorists in 2023, the military's spokesman said.\n\n"
            "Lt Gen Ahmed Sharif Chaudhry said at a press conference that 250 soldiers were "
            "martyred during the year.")
    claims = by_text(text, published="2024-01-05")
    assert claims["500"][C.attributed_to] == "ISPR"
    assert claims["250"][C.attributed_to] == "ISPR"


def test_a_group_named_as_the_deadliest_and_a_group_in_a_gapped_list_own_their_tolls() -> None:
    text = ("Pakistan ranked sixth on the Global Terrorism Index 2023 as deaths rose to 600 in "
            "2022.\n\nThe Balochistan Liberation Army was the deadliest group in the country, "
            "responsible for 200 deaths, or 33 percent of the total. The Tehreek-e-Taliban "
            "Pakistan killed 120 people and the Islamic State's Khorasan affiliate 70.")
    claims = by_text(text, published="2023-03-15")
    assert claims["600"][C.attributed_to] == "GTI"  # "ranked ... on the <index>"
    assert claims["200"][C.metric] == "deaths_bla"
    assert claims["120"][C.metric] == "deaths_ttp"
    assert claims["70"][C.metric] == "deaths_iskp"
    # The same group gapped: its own measure goes on.
    same = by_text("The TTP killed 120 people in 2022 and 90 in 2021.", published="2023-03-15")
    assert same["90"][C.metric] == "deaths_ttp"


def test_the_injured_after_a_breakdown_of_the_dead_are_everyones() -> None:
    listed = by_text("Sixty people were killed in May, 30 soldiers, 20 civilians and ten "
                     "militants, and 120 were injured.", published="2024-06-02")
    assert listed["120"][C.metric] == "injured"
    included = by_text("At least 250 people were killed in 2024, including 130 security "
                       "personnel, and 490 were injured, 230 of them from the security forces.",
                       published="2025-07-10")
    assert included["490"][C.metric] == "injured"
    assert included["230"][C.metric] == "injured_security_personnel"
    # The same people, killed and injured: theirs.
    same = by_text("In 2023, 570 security personnel were killed and 1,290 were injured.",
                   published="2024-05-17")
    assert same["1,290"][C.metric] == "injured_security_personnel"


def test_a_share_of_the_dead_that_were_some_people_is_their_share() -> None:
    claims = by_text("In 2022, at least 50 percent of those killed were security personnel, "
                     "and 30 percent of the dead were killed in Balochistan.",
                     published="2023-03-15")
    assert claims["at least 50 percent of those killed"][C.metric] == (
        "deaths_security_personnel")
    assert claims["30 percent of the dead"][C.metric] == "deaths"  # a place, not people


def test_most_of_the_operations_in_apposition_and_the_people_killed_an_opening_names() -> None:
    text = ("RAWALPINDI: Troops conducted 20,000 operations in 2023, the military said.\n\n"
            "Most of the operations, 15,000, were conducted in Balochistan, while 2,000 were "
            "carried out in Khyber Pakhtunkhwa. Of the terrorists killed, 400 died in Khyber "
            "Pakhtunkhwa and 100 in Balochistan.")
    claims = by_text(text, published="2024-01-05")
    assert (claims["15,000"][C.metric], claims["15,000"][C.region]) == (
        "security_operations", "PK-BA")
    assert claims["2,000"][C.metric] == "security_operations"
    assert (claims["400"][C.metric], claims["100"][C.metric]) == (
        "deaths_militants", "deaths_militants")
    # An opening on the dead alone names no people: the counts after it are of the dead.
    plain = by_text("Of the people killed, 400 died in Khyber Pakhtunkhwa.",
                    published="2024-01-05")
    assert plain["400"][C.metric] == "deaths"


def test_the_rest_of_the_province_beside_its_tribal_districts_is_the_mainland() -> None:
    text = ("PESHAWAR: In the tribal districts of Khyber Pakhtunkhwa, 250 attacks killed 370 "
            "people in 2024, while the rest of the province recorded 300 attacks and 330 "
            "deaths, PICSS said.")
    claims = by_text(text, published="2025-01-01")
    assert claims["250"][C.region] == "PK-TA"
    assert (claims["300"][C.region], claims["330"][C.region]) == ("PK-KPM", "PK-KPM")
    # Without "the rest of", the province's own count stays the province's.
    whole = by_text(text.replace("the rest of the province", "the province as a whole"),
                    published="2025-01-01")
    assert whole["300"][C.region] != "PK-KPM"


def test_followed_by_a_month_ranks_it_and_is_no_tally_up_to_it() -> None:
    claims = by_text("PESHAWAR: January was the worst month with 70 attacks, followed by April "
                     "with 50. The police had recorded 300 incidents by the end of July.",
                     published="2024-09-05")
    assert claims["50"][C.period] == "2024-04"
    assert claims["300"][C.period] == "2024-01/2024-07"


def test_lower_than_in_a_quarter_measures_against_that_quarter() -> None:
    text = ("ISLAMABAD: Pakistan recorded 400 violence-related fatalities in the second quarter "
            "of 2024, CRSS said.\n\nDeaths were 10 percent lower than in the first quarter, when "
            "440 people were killed.")
    claim = by_text(text, published="2024-07-01")["10 percent lower"]
    assert (claim[C.period], claim[C.base_period]) == ("2024-04/2024-06", "2024-01/2024-03")


def test_the_increase_was_n_percent_is_a_change() -> None:
    text = ("ISLAMABAD: Militants carried out 300 attacks in the first half of 2023, PICSS said."
            "\n\nCompared with the last six months of 2022, when 250 attacks were recorded, the "
            "increase was 20 percent.")
    claim = by_text(text, published="2023-07-02")["increase was 20 percent"]
    assert (claim[C.kind], claim[C.base_period]) == ("percent_change", "2022-07/2022-12")
    share = by_text("The share was 20 percent of attacks in 2023.", published="2024-01-02")
    assert share["20 percent of attacks"][C.kind] != "percent_change"


def test_when_a_ministry_told_parliament_is_not_the_period_of_what_it_told() -> None:
    text = ("QUETTA: PIPS counted 100 terrorist attacks in Balochistan in 2023.\n\nThe interior "
            "ministry told the National Assembly in May that the province had seen 600 terrorist "
            "incidents that year. By comparison, Khyber Pakhtunkhwa recorded 800 incidents over "
            "the same period, the ministry said.")
    claims = by_text(text, published="2024-06-10")
    assert (claims["600"][C.period], claims["600"][C.attributed_to]) == (
        "2023", "Interior Ministry")
    assert (claims["800"][C.period], claims["800"][C.attributed_to]) == (
        "2023", "Interior Ministry")
    # An estimate said then, with no time of its own, is of that time.
    estimate = by_text("Asif Durrani said in March 2024 that 7,000 TTP militants were sheltering "
                       "in Afghanistan.", published="2025-03-12")
    assert estimate["7,000"][C.period] == "2024-03"


def test_a_share_restated_as_a_percent_in_apposition_is_the_groups() -> None:
    text = ("More than half of all deaths in 2024, 55 percent, were caused by the "
            "Tehreek-e-Taliban Pakistan, the Global Terrorism Index said.")
    claims = by_text(text, published="2025-03-08")
    assert claims["More than half of all deaths"][C.metric] == "deaths_ttp"
    assert claims["55 percent"][C.metric] == "deaths_ttp"
    # Not restated (two clauses): the group is the second clause's only.
    apart = by_text("More than half of all deaths in 2024 happened in Balochistan, and 55 percent "
                    "were caused by the Tehreek-e-Taliban Pakistan.", published="2025-03-08")
    assert apart["More than half of all deaths"][C.metric] != "deaths_ttp"


def test_respectively_pairs_figures_with_places_and_years_in_order() -> None:
    places = by_text("ISLAMABAD: Khyber Pakhtunkhwa and Balochistan saw 30 and 20 attacks "
                     "respectively in August, PIPS said.", published="2024-09-03")
    assert (places["30"][C.region], places["30"][C.metric]) == ("PK-KP", "attacks")
    assert (places["20"][C.region], places["20"][C.metric]) == ("PK-BA", "attacks")
    years = by_text("The Tehreek-e-Taliban Pakistan carried out 500, 700 and 1,200 attacks in "
                    "Pakistan in 2021, 2022 and 2023 respectively, the UN monitors said.",
                    published="2024-07-20")
    assert [years[n][C.period] for n in ("500", "700", "1,200")] == ["2021", "2022", "2023"]
    assert {years[n][C.metric] for n in ("500", "700", "1,200")} == {"attacks_ttp"}
    # Without "respectively", two places and two figures are not paired.
    plain = by_text("ISLAMABAD: Khyber Pakhtunkhwa and Balochistan saw 30 and 20 attacks in "
                    "August, PIPS said.", published="2024-09-03")
    assert plain["30"][C.region] != "PK-KP"


def test_levels_compared_respectively_take_the_places_of_the_figures_before() -> None:
    text = ("Sindh recorded 61 deaths and Punjab reported 44 deaths in 2021 against the 90 and "
            "25 of 2020 respectively.")
    found = by_text(text, published="2022-01-05")
    assert [(found[n][C.region], found[n][C.period]) for n in ("90", "25")] == [
        ("PK-SD", "2020"), ("PK-PB", "2020")]
    # Without a comparison opening the list, the earlier figures lend no places.
    listed = by_text("Sindh recorded 61 deaths and Punjab reported 44 deaths in 2021, while 90 "
                     "and 25 died in accidents respectively.", published="2022-01-05")
    assert "respectively" not in listed["90"][C.binding]


def test_a_count_apposed_to_a_comparatives_noun_measures_it_there() -> None:
    text = ("ISLAMABAD: KP and Balochistan saw 30 and 20 attacks in August, with Balochistan "
            "suffering more deaths, 50, against 20 in Khyber Pakhtunkhwa, PIPS said.")
    claims = by_text(text, published="2024-09-03")
    assert (claims["50"][C.metric], claims["50"][C.region]) == ("deaths", "PK-BA")


def test_a_count_after_a_change_noun_is_a_difference_not_a_tally() -> None:
    text = ("Punjab and Khyber Pakhtunkhwa experienced a surge in violence in the second quarter "
            "of 2024, with an increase of 10 and 30 fatalities, respectively, CRSS said.")
    claims = by_text(text, published="2024-07-02")
    assert (claims["10"][C.metric], claims["30"][C.metric]) == (None, None)
    assert "difference" in claims["30"][C.binding]
    counted = by_text("Punjab saw 10 fatalities in the second quarter of 2024, CRSS said.",
                      published="2024-07-02")
    assert counted["10"][C.metric] == "deaths"


def test_each_publisher_of_a_gapped_list_has_its_own_figure() -> None:
    text = ("ISLAMABAD: The Pak Institute for Peace Studies counted 500 terrorist attacks in "
            "2024, while the Pakistan Institute for Conflict and Security Studies recorded 900 "
            "and the Global Terrorism Index 1,100.\n\nPIPS put the toll at 850, PICSS at 1,170 "
            "in militant attacks alone, and the Centre for Research and Security Studies at "
            "2,500 once security operations are included.")
    claims = by_text(text, published="2025-04-20")
    assert [claims[n][C.attributed_to] for n in ("500", "900", "1,100")] == [
        "PIPS", "PICSS", "GTI"]
    assert [(claims[n][C.attributed_to], claims[n][C.metric]) for n in (
        "850", "1,170", "2,500")] == [("PIPS", "deaths"), ("PICSS", "deaths"), ("CRSS", "deaths")]
    # A publisher named in passing after a figure is no list of publishers.
    passing = by_text("PIPS counted 500 attacks in 2024 and PICSS data on clashes.",
                      published="2025-04-20")
    assert passing["500"][C.attributed_to] == "PIPS"


def test_the_levels_after_a_change_verb_and_a_comma_measure_its_subject() -> None:
    text = ("PESHAWAR: Terrorist attacks in Khyber Pakhtunkhwa have climbed steadily, from 250 "
            "in 2021 to 480 in 2022, police data show.")
    claims = by_text(text, published="2023-12-22")
    assert (claims["250"][C.metric], claims["480"][C.metric]) == ("attacks", "attacks")
    # A clause that opens on "from" after another verb names no change's levels.
    other = by_text("PESHAWAR: Terrorist attacks in Khyber Pakhtunkhwa were discussed, from 250 "
                    "officials at the meeting.", published="2023-12-22")
    assert other["250"][C.metric] != "attacks"
    # ... nor after the level it reached: "..., reaching 3,100", "..., climbing to 480".
    reached = by_text("Militancy-linked fatalities in the province rose sharply, reaching 3,100 "
                      "in 2025. Attacks fell, dropping to 12 in May.", published="2026-01-04")
    assert (reached["3,100"][C.metric], reached["12"][C.metric]) == ("deaths", "attacks")
    # What reached it is the subject's measure or none: violence is no count.
    assert by_text("Violence escalated, reaching 300 in May.", published="2025-06-04")[
        "300"][C.metric] is None


def test_a_year_naming_a_toll_is_no_count_and_a_revised_figure_is_no_current_one() -> None:
    text = ("CRSS revises 2024 death toll\n\nISLAMABAD: The Centre for Research and Security "
            "Studies has revised its count of violence-related deaths in 2024 to 2,500, up from "
            "the 2,450 it reported earlier.")
    claims = by_text(text, published="2026-01-05")
    assert "2024" not in claims
    assert (claims["2,500"][C.metric], claims["2,500"][C.attributed_to]) == ("deaths", "CRSS")
    assert claims["2,450"][C.metric] is None and "revised" in claims["2,450"][C.binding]
    # A count with a comma before a noun is a count; one not said to be earlier is current.
    counted = by_text("CRSS counted 2,024 deaths in 2024, up from the 1,500 of 2023.",
                      published="2025-01-05")
    assert counted["2,024"][C.metric] == "deaths"
    assert counted["1,500"][C.metric] == "deaths"


def test_a_source_carried_late_still_places_the_figure_and_the_police_said_carries() -> None:
    editorial = by_text("The figures released by the Pakistan Institute for Conflict and "
                        "Security Studies this week should alarm everyone. Militancy-related "
                        "deaths rose to 3,300 in 2025.\n\nThat the security forces lost 600 "
                        "personnel tells us the militants are not losing.",
                        published="2026-01-03")
    assert (editorial["600"][C.attributed_to], editorial["600"][C.region]) == ("PICSS", "PK")
    police = by_text("QUETTA: Balochistan police recorded 700 attacks in 2024. Some of the "
                     "deadliest:\n\n- August 26: coordinated attacks.\n\nIn all, at least 350 "
                     "people were killed in the province during the year, the police said.",
                     published="2025-01-05")
    assert police["at least 350"][C.attributed_to] == "Balochistan Police"


def test_a_markdown_tables_header_and_first_column_bind_its_cells() -> None:
    text = ("ISLAMABAD: The Pak Institute for Peace Studies publishes an annual report. Its "
            "headline figures:\n\n| Year | Attacks | Deaths |\n|------|---------|--------|\n"
            "| 2022 | 260 | 420 |\n| 2023 | 300 | 690 |\n\n"
            "| Measure | 2023 | 2024 |\n|---|---|---|\n| Balochistan attacks | 110 | 200 |\n")
    claims = rows(text, published="2025-01-10")
    got = {(r[C.text], r[C.period]): (r[C.metric], r[C.region], r[C.attributed_to])
           for r in claims}
    assert got[("260", "2022")] == ("attacks", "PK", "PIPS")
    assert got[("690", "2023")] == ("deaths", "PK", "PIPS")
    assert got[("110", "2023")][:2] == ("attacks", "PK-BA")
    assert got[("200", "2024")][:2] == ("attacks", "PK-BA")
    # Bars in running text make no table.
    plain = by_text("ISLAMABAD: PIPS counted 300 | a figure | in 2023.", published="2024-01-10")
    assert "table" not in (plain["300"][C.binding] or "")


def test_a_publishers_dated_report_names_it() -> None:
    claim = by_text("The UN monitoring team's July 2024 report estimated 6,000 TTP fighters in "
                    "Afghanistan.", published="2024-08-15")["estimated 6,000"]
    assert claim[C.attributed_to] == "UN Monitoring Team"


def test_a_month_compared_with_is_the_base_and_dates_its_when_clause() -> None:
    text = ("ISLAMABAD: November 2024 was the deadliest month, with 160 people killed, PIPS "
            "said. This marked a 60 percent increase in fatalities compared with October, when "
            "100 people died.")
    claims = by_text(text, published="2024-12-02")
    change = claims["60 percent increase"]
    assert (change[C.period], change[C.base_period]) == ("2024-11", "2024-10")
    assert claims["100"][C.period] == "2024-10"


def test_a_month_range_after_a_preposition_is_the_months_between() -> None:
    for words in ("during July-September 2025", "during July to September 2025"):
        claims = by_text(f"CRSS said 600 people were injured {words}.", published="2025-10-01")
        assert claims["600"][C.period] == "2025-07/2025-09", words
    single = by_text("CRSS said 600 people were injured during July 2025.", published="2025-10-01")
    assert single["600"][C.period] == "2025-07"


def test_the_countrys_whole_and_a_provinces_part_of_it() -> None:
    claims = by_text("ISLAMABAD: Khyber Pakhtunkhwa accounted for 290 of the country's 520 "
                     "terrorist attacks in 2024, PIPS said.", published="2025-01-04")
    assert (claims["290"][C.metric], claims["290"][C.region]) == ("attacks", "PK-KP")
    assert (claims["520"][C.metric], claims["520"][C.region]) == ("attacks", "PK")
    parts = by_text("ISLAMABAD: Of the 850 people killed nationwide in 2024, 500 died in Khyber "
                    "Pakhtunkhwa and 320 in Balochistan, PIPS said.", published="2025-01-04")
    assert (parts["500"][C.metric], parts["500"][C.region]) == ("deaths", "PK-KP")
    # A part whose words name no place of its own is still no count of the whole's measure.
    unnamed = by_text("ISLAMABAD: Of the 850 people killed nationwide in 2024, 500 died in "
                      "attacks at night, PIPS said.", published="2025-01-04")
    assert unnamed["500"][C.metric] is None


def test_a_list_of_peoples_shares_with_the_verb_left_out() -> None:
    text = ("ISLAMABAD: Of the 1,900 people killed in 2024, PICSS said, security personnel thus "
            "made up 27 percent of the dead, civilians 25 percent and militants 48 percent.")
    claims = by_text(text, published="2025-01-02")
    assert [claims[t][C.metric] for t in ("27 percent of the dead", "25 percent", "48 percent")] \
        == ["deaths_security_personnel", "deaths_civilians", "deaths_militants"]


def test_of_which_and_of_whom_count_parts_of_the_count_before() -> None:
    text = ("ISLAMABAD: Pakistan saw 60 terrorist attacks in November 2024, of which 40 took "
            "place in Khyber Pakhtunkhwa and 18 in Balochistan, PIPS said. The attacks killed "
            "160 people across the country, of whom 110 were in Khyber Pakhtunkhwa.")
    claims = by_text(text, published="2024-12-02")
    assert [(claims[n][C.metric], claims[n][C.region]) for n in ("40", "18", "110")] == [
        ("attacks", "PK-KP"), ("attacks", "PK-BA"), ("deaths", "PK-KP")]
    people = by_text("The attack killed 40 people, of whom 12 were policemen and 10 were "
                     "children.", published="2024-12-02")
    assert people["12"][C.metric] == "deaths_security_personnel"
    assert people["10"][C.metric] is None  # people figcheck cannot name


def test_a_bulletins_labels_and_source_line_bind_its_items() -> None:
    text = ("Bulletin: security situation, September 2024\n\n- Terrorist attacks: 40\n"
            "- People killed: 50, including 25 security personnel\n"
            "- Khyber Pakhtunkhwa: 20 attacks, 30 deaths\n\n"
            "Source: Pak Institute for Peace Studies monthly security report.")
    claims = by_text(text, published="2024-10-03")
    assert (claims["50"][C.metric], claims["50"][C.attributed_to]) == ("deaths", "PIPS")
    assert claims["25"][C.metric] == "deaths_security_personnel"
    assert (claims["20"][C.region], claims["30"][C.region]) == ("PK-KP", "PK-KP")
    # Without a source line, the items have none of their own.
    bare = by_text(text.rsplit("\n\n", 1)[0], published="2024-10-03")
    assert bare["50"][C.attributed_to] is None


def test_for_a_publisher_framing_a_sentence_and_the_report_of_a_year() -> None:
    framed = by_text("For the Pakistan Institute for Conflict and Security Studies, militants "
                     "carried out 900 attacks in 2024.", published="2025-01-06")
    assert framed["900"][C.attributed_to] == "PICSS"
    passing = by_text("The money for the Pakistan Institute for Conflict and Security Studies "
                      "came late; militants carried out 900 attacks in 2024.",
                      published="2025-01-06")
    assert passing["900"][C.attributed_to] is None
    dated = by_text("PICSS's annual report came out.\n\nAccording to the 2025 report, 3,300 "
                    "people died in militancy-related violence in 2025.", published="2026-01-05")
    assert dated["3,300"][C.attributed_to] == "PICSS"


def test_a_level_with_a_change_from_a_month_is_the_later_months() -> None:
    text = ("QUETTA: Militant attacks in Balochistan fell 50 percent in June from May, with 12 "
            "attacks recorded, PICSS said.")
    claims = by_text(text, published="2024-07-02")
    assert claims["12"][C.period] == "2024-06"
    span = by_text("QUETTA: Attacks fell from 24 in May to 12 in June, PICSS said.",
                   published="2024-07-02")
    assert (span["24"][C.period], span["12"][C.period]) == ("2024-05", "2024-06")


def test_the_subject_before_an_aside_on_how_it_is_counted() -> None:
    text = ("Pakistan ranked second in the Global Terrorism Index 2025.\n\nIts deaths from "
            "terrorism, as the index counts them, were 640 in 2022 and 750 in 2023.")
    claims = by_text(text, published="2025-03-08")
    assert (claims["640"][C.metric], claims["750"][C.metric]) == ("deaths", "deaths")
    other = by_text("Its schools, as the index counts them, were 640 in 2022.",
                    published="2025-03-08")
    assert other["640"][C.metric] is None


def test_more_than_the_level_of_a_year_is_measured_against_that_year() -> None:
    text = ("ISLAMABAD: CRSS counted 1,500 deaths in 2024.\n\nThat was 50 percent more than "
            "the 1,000 of 2023.")
    claims = by_text(text, published="2025-01-05")
    change = claims["50 percent more"]
    assert (change[C.period], change[C.base_period]) == ("2024", "2023")
    assert claims["1,000"][C.period] == "2023"


def test_a_place_with_its_count_after_a_comma_is_the_counts() -> None:
    text = ("ISLAMABAD: Most attacks in 2024 were in Khyber Pakhtunkhwa, which saw 290 attacks, "
            "and Balochistan, with 200, PIPS said.")
    claims = by_text(text, published="2025-01-06")
    assert (claims["290"][C.region], claims["200"][C.region]) == ("PK-KP", "PK-BA")


def test_a_figure_revised_later_in_the_story_is_no_current_one_and_the_revision_is() -> None:
    text = ("Pakistan ranked fourth in the Global Terrorism Index 2024. The index counted 480 "
            "terrorist incidents in the country in 2023.\n\nA year later, the 2025 edition "
            "revised that figure to 510.")
    claims = by_text(text, published="2025-03-08")
    assert claims["480"][C.metric] is None and "revised" in claims["480"][C.binding]
    assert (claims["510"][C.metric], claims["510"][C.period]) == ("attacks", "2023")
    kept = by_text(text.replace("revised that figure to 510", "counted 1,100 in 2024"),
                   published="2025-03-08")
    assert kept["480"][C.metric] == "attacks"


def test_a_span_of_days_with_a_comma_after_the_first_year() -> None:
    claims = by_text("PESHAWAR: From June 18, 2022, to June 18, 2023, the police recorded 660 "
                     "terrorist attacks.", published="2023-07-24")
    assert claims["660"][C.period] == "2022-06-18/2023-06-18"


def test_khyber_pakhtunkhwas_mainland_districts_are_kp_mainland() -> None:
    claims = by_text("ISLAMABAD: In Khyber Pakhtunkhwa's mainland districts there were 25 attacks "
                     "in September 2025, while the tribal districts saw 20, PICSS said.",
                     published="2025-10-01")
    assert (claims["25"][C.region], claims["20"][C.region]) == ("PK-KPM", "PK-TA")


def test_a_list_a_colon_opens_a_bodys_separate_count_and_the_team_said() -> None:
    text = ("UNITED NATIONS: The UN Analytical Support and Sanctions Monitoring Team issued its "
            "report.\n\nAttacks by the group inside Pakistan have grown year after year: 500 in "
            "2021, 700 in 2022 and 1,200 in 2023, the team said.")
    claims = by_text(text, published="2024-07-20")
    assert [claims[n][C.metric] for n in ("500", "700", "1,200")] == ["attacks"] * 3
    assert claims["1,200"][C.attributed_to] == "UN Monitoring Team"
    home = by_text("QUETTA: Balochistan police counted 700 attacks in 2024. The home "
                   "department's separate count, which ran until December 20, recorded 560 "
                   "attacks.", published="2025-01-06")
    assert home["560"][C.attributed_to] == "Balochistan Home Department"


def test_a_headline_ending_on_its_source_credits_its_figures() -> None:
    text = ("Militancy claimed 2,500 lives in 2024: CRSS\n\nISLAMABAD: Violence claimed 2,500 "
            "lives in Pakistan in 2024, a think tank said.")
    claims = rows(text, published="2025-01-02")
    assert claims[0][C.attributed_to] == "CRSS" and claims[0][C.start] < 40
    plain = rows("Militancy claimed 2,500 lives in 2024, CRSS data show on page two. More "
                 "text.\n\nISLAMABAD: Violence rose.", published="2025-01-02")
    assert "headline's credit" not in (plain[0][C.binding] or "")


def test_which_after_a_base_year_with_an_events_verb_is_the_events() -> None:
    events = by_text("QUETTA: Balochistan saw 110 attacks in 2023, 39 percent more than in "
                     "2022, which killed 229 people, PIPS said.", published="2024-01-10")
    assert events["229"][C.period] == "2023"
    year = by_text("ISLAMABAD: Deaths rose 10 percent compared with the whole of 2022, which "
                   "recorded 1,870 deaths, CRSS said.", published="2024-01-10")
    assert year["1,870"][C.period] == "2022"


def test_the_people_that_made_up_the_largest_share_of_the_dead_with_their_count() -> None:
    claims = by_text("ISLAMABAD: PIPS counted 690 deaths in 2023. Security personnel made up the "
                     "largest share of the dead, with 330 killed.", published="2024-01-05")
    assert claims["330"][C.metric] == "deaths_security_personnel"


def test_a_base_levels_own_month_is_not_the_period_of_the_figures_before_it() -> None:
    text = ("ISLAMABAD: Pakistan saw 48 terrorist attacks in October, PIPS said.\n\nBalochistan "
            "saw nine attacks and 30 deaths, up from 19 deaths in September.")
    claims = by_text(text, published="2024-11-02")
    assert (claims["30"][C.period], claims["19"][C.period]) == ("2024-10", "2024-09")


def test_the_month_two_levels_are_compared_with_dates_the_first_not_the_second() -> None:
    text = ("In Sindh, which remained the worst hit during March, attacks rose from 12 to 19 "
            "and deaths climbed from 14 to 88 compared with February 2024, PICSS said.")
    found = by_text(text, "2024-04-02")
    assert (found["14"][C.period], found["88"][C.period]) == ("2024-02", "2024-03")
    assert (found["12"][C.period], found["19"][C.period]) == ("2024-02", "2024-03")
    # A month after a figure with no comparison before it is still that figure's own.
    own = by_text("In Sindh, deaths reached 88 in February 2024, PICSS said.", "2024-04-02")
    assert own["88"][C.period] == "2024-02"


def test_events_reported_from_a_place_and_this_region_after_a_figure() -> None:
    text = ("Attacks in the merged districts fell in March, PICSS said. Only four militant "
            "attacks were reported from the erstwhile FATA region. In February, PICSS had "
            "recorded 15 militant attacks in this region.")
    found = by_text(text, "2024-04-02")
    assert found["four"][C.region] == "PK-TA"
    assert found["15"][C.region] == "PK-TA"
    assert "'this region'" in found["15"][C.binding]
    # "this area of the country" names another place than the last one.
    other = by_text("Attacks fell in Sindh in March. In February, PICSS recorded 15 militant "
                    "attacks in this area of the country.", "2024-04-02")
    assert other["15"][C.region] != "PK-SD"


def test_since_the_publications_own_year_is_the_year_so_far() -> None:
    text = ("The spokesman said security forces have conducted some 6,100 operations since "
            "2023 and arrested 1,042 suspects.")
    found = by_text(text, "2023-04-25")
    assert found["some 6,100"][C.period] == "2023-01-01/2023-04-25"
    assert found["1,042"][C.period] == "2023-01-01/2023-04-25"


def test_such_events_take_up_the_kind_the_sentence_before_described() -> None:
    text = ("Attacks on polio teams have surged in the province. PICSS recorded 17 such "
            "attacks in March, claiming 9 lives and injuring 14.")
    found = by_text(text, "2024-04-05")
    for figure in ("17", "9", "14"):
        assert found[figure][C.metric] is None, figure
    assert "such attacks" in found["17"][C.binding]
    # A kind the vocabulary has is taken, with its dead as that kind's.
    suicide = by_text("Suicide bombings were on the rise. PICSS recorded 17 such attacks in "
                      "March, claiming 9 lives.", "2024-04-05")
    assert (suicide["17"][C.metric], suicide["9"][C.metric]) == (
        "suicide_attacks", "deaths_suicide_attacks")
    # The kind its own sentence named before it stays.
    same = by_text("There were 650 militant attacks in 2023, against 390 such attacks in 2022.")
    assert same["390"][C.metric] == "attacks"


def test_a_worldwide_indexs_figure_without_a_place_marks_the_articles_place_a_guess() -> None:
    text = ("ISLAMABAD: Pakistan recorded 490 attacks in 2023, the Global Terrorism Index "
            "said.\nAccording to the index, the number of terrorist attacks fell by 20 per "
            "cent to 3,100 last year.")
    found = by_text(text, "2024-03-06")
    assert "counts the whole world" in found["3,100"][C.binding]
    assert "counts the whole world" not in found["490"][C.binding]  # its own place
    # A national publisher's figure keeps the article's place as the writer's.
    pips = by_text(text.replace("the Global Terrorism Index", "PIPS").replace(
        "the index", "PIPS"), "2024-03-06")
    assert "counts the whole world" not in pips["3,100"][C.binding]


def test_a_number_of_years_ago_is_a_time_not_a_count() -> None:
    text = ("The index called it the deadliest attack since 9/11, more than twenty years ago. "
            "Since the Taliban returned almost three years ago, 300 people have died.")
    found = by_text(text, "2024-03-06")
    assert "more than twenty" not in found and "almost three" not in found
    assert found["300"][C.metric] == "deaths"


def test_a_report_by_a_long_described_publisher_is_the_storys_source() -> None:
    text = ("An annual report released by the Islamabad-based Pakistani think tank named the "
            "Centre for Research and Security Studies (CRSS) shows 2024 was the worst year. "
            "There were 430 armed attacks resulting in the deaths of 640 security personnel.")
    found = by_text(text, "2025-01-02")
    assert found["430"][C.attributed_to] == "CRSS"
    # "the deaths of 640 security personnel": the word the figure follows through "of".
    assert found["640"][C.metric] == "deaths_security_personnel"


def test_a_year_earlier_in_a_named_year_is_that_year() -> None:
    text = ("The year 2024 proved the deadliest. Overall, 2,400 people lost their lives, "
            "marking a 60% increase compared to a year earlier in 2023.")
    found = by_text(text, "2025-01-02")
    assert (found["60% increase"][C.period], found["60% increase"][C.base_period]) == (
        "2024", "2023")
    assert found["2,400"][C.period] == "2024"
    # Without a named year, "a year earlier" is the year before the story's.
    plain = by_text("In 2024, 2,400 people lost their lives, up 60% from a year earlier.",
                    "2025-01-02")
    assert plain["up 60%"][C.base_period] == "2023"


def test_a_city_the_figures_own_clause_names_beats_the_place_before() -> None:
    text = ("The CTD recorded 290 attacks in Khyber Pakhtunkhwa this year. It said 150 "
            "terrorists have been killed across the province so far this year, with the "
            "highest number -- 60 -- reported in Dera Ismail Khan.")
    found = by_text(text, "2025-05-18")
    assert found["150"][C.region] == "PK-KP"
    assert found["60"][C.region] is None
    assert "Dera Ismail Khan" in found["60"][C.binding]


def test_one_change_of_two_measures_joined_by_and_is_a_guess() -> None:
    text = ("PICSS said militant attacks fell by 12 percent in June, while the deaths and "
            "injuries rose by 7 percent compared to May.")
    found = by_text(text, "2022-07-02")
    assert "a guess" in found["rose by 7 percent"][C.binding]
    assert "a guess" not in found["fell by 12 percent"][C.binding]
    # Two changes given "respectively" are each their own.
    each = by_text("PICSS said deaths and injuries rose by 7% and 9%, respectively, in June.",
                   "2022-07-02")
    assert "a guess" not in (each["rose by 7%"][C.binding] or "")


def test_a_change_in_a_measure_figcheck_has_no_word_for_is_left_unbound() -> None:
    text = ("The provincial home department reported a 40% rise in terrorist incidents and a "
            "90% increase in extortion calls in the first half of 2025.")
    found = by_text(text, "2025-07-10")
    assert found["40% rise"][C.metric] == "attacks"
    assert found["90% increase"][C.metric] is None
    assert "extortion calls" in found["90% increase"][C.binding]


def test_according_to_an_x_based_think_tank_names_it() -> None:
    text = ("According to an Islamabad-based think tank Pak Institute for Peace Studies (PIPS), "
            "a total of 61 terror attacks took place last month in which 90 people died.")
    found = by_text(text, "2024-09-03")
    assert found["61"][C.attributed_to] == "PIPS"


def test_a_later_sentence_crediting_the_figures_before_it() -> None:
    text = ("In October alone, 52 terrorist attacks were reported across 30 districts, "
            "resulting in 110 deaths. Pak Institute for Peace Studies (PIPS), an Islamabad-based "
            "think tank, released these statistics in its monthly report.")
    found = by_text(text, "2024-11-02")
    assert found["52"][C.attributed_to] == "PIPS"
    assert "credited by a sentence after it" in found["110"][C.binding]
    # "30 districts" counts places, not attacks.
    assert found["30"][C.metric] is None
    closing = by_text("Pakistan saw 1,500 violence-related fatalities in 2023. Balochistan and "
                      "KP accounted for 90 per cent of them.\n\nThese were the key findings of "
                      "the annual report issued by the Centre for Research and Security Studies "
                      "(CRSS).", "2024-01-02")
    assert closing["1,500"][C.attributed_to] == "CRSS"
    # A sentence that merely names a publisher credits nothing.
    named = by_text("Pakistan saw 1,500 violence-related fatalities in 2023. CRSS is based in "
                    "Islamabad.", "2024-01-02")
    assert named["1,500"][C.attributed_to] is None


def test_the_year_of_an_event_a_trend_runs_from_dates_no_figure() -> None:
    text = ("Attacks rose in 2025. This violence claimed at least 1,100 lives, a trend that has "
            "persisted since the Taliban's takeover of Afghanistan in 2021.")
    found = by_text(text, "2026-01-02")
    assert found["at least 1,100"][C.period] == "2025"


def test_the_past_n_months_is_a_span_up_to_publication_unless_a_record_or_trend_is_told() -> None:
    text = ("ISLAMABAD: Pakistan recorded 2,100 incidents of terrorism over the past 16 months, "
            "resulting in 1,300 deaths, according to figures provided by the Ministry of "
            "Interior.")
    found = by_text(text, "2024-05-10")
    assert found["2,100"][C.period] == "2023-01/2024-04"
    assert found["1,300"][C.period] == "2023-01/2024-04"
    assert found["2,100"][C.attributed_to] == "Interior Ministry"
    assert "16" not in found  # the span's length is no figure
    record = by_text("The 925 terrorists killed in 2024 were the most in the last five years, "
                     "ISPR said.", "2024-12-27")
    assert record["925"][C.period] == "2024"


def test_a_subject_place_after_an_according_to_opening() -> None:
    text = ("Militant attacks rose across Pakistan in the first half of 2023.\n\nAccording to "
            "PICSS, Sindh faced the brunt of the violence in the past six months, with 44 "
            "militant attacks claiming 61 lives.")
    found = by_text(text, "2023-07-03")
    assert (found["44"][C.region], found["44"][C.period]) == ("PK-SD", "2023-01/2023-06")
    assert "the sentence (Sindh)" in found["44"][C.binding]


def test_a_month_as_subject_after_a_fronted_phrase_dates_the_story() -> None:
    text = ("ISLAMABAD: After a lull in May, June saw a sharp rise in militant violence, a "
            "think tank said.\nAccording to PICSS, June witnessed 81 militant attacks, "
            "resulting in 97 deaths.\nThis marks a 20 per cent increase in attacks compared to "
            "May.")
    found = by_text(text, "2024-07-02")
    assert found["81"][C.period] == "2024-06"
    assert (found["20 per cent increase"][C.period],
            found["20 per cent increase"][C.base_period]) == ("2024-06", "2024-05")


def test_the_dead_as_a_result_of_a_kind_of_event_are_that_kinds() -> None:
    text = ("According to the report, 17 suicide attacks were logged in 2022, leading to 110 "
            "deaths and 300 injuries. Suicide attacks rose 80 pc in 2023, with a 200 pc rise in "
            "resultant deaths.")
    found = by_text(text, "2024-01-02")
    assert (found["110"][C.metric], found["300"][C.metric]) == (
        "deaths_suicide_attacks", "injured_suicide_attacks")
    assert found["200 pc rise"][C.metric] == "deaths_suicide_attacks"
    assert found["rose 80 pc"][C.kind] == "percent_change"  # "pc" after a space is percent too
    # The dead of all attacks, told after another kind, stay everyone's.
    plain = by_text("There were 17 suicide attacks in 2022. Overall, 540 people were killed in "
                    "380 attacks.", "2024-01-02")
    assert plain["540"][C.metric] == "deaths"


def test_a_base_levels_month_dates_none_of_the_figures_after_it() -> None:
    text = ("The report noted 90 militant attacks in May, up slightly from 84 in April, causing "
            "120 fatalities including 55 security personnel and 48 civilians.")
    found = by_text(text, "2025-06-02")
    assert found["84"][C.period] == "2025-04"
    assert [found[f][C.period] for f in ("120", "55", "48")] == ["2025-05"] * 3
    # ... but a list "from" opens is the base's until its "to".
    listed = by_text("Balochistan saw 23 attacks in October compared to 21 in September, and "
                     "deaths dropped from 30 soldiers and 35 civilians to 16 soldiers and "
                     "three civilians.", "2025-11-01")
    assert (listed["30"][C.period], listed["35"][C.period]) == ("2025-09", "2025-09")
    assert listed["16"][C.period] == "2025-10"


def test_a_paragraph_that_opens_on_a_place_places_its_later_sentences() -> None:
    text = ("PICSS said militant attacks fell across Pakistan in October.\n\nIn Sindh, PICSS "
            "recorded a 30% decrease in militant attacks compared to September. In October, "
            "nine militant attacks were reported in which 12 people were killed.\n\nIn October, "
            "militants carried out 40 attacks nationwide.")
    found = by_text(text, "2022-11-02")
    assert (found["nine"][C.region], found["12"][C.region]) == ("PK-SD", "PK-SD")
    assert "the paragraph's opening 'In Sindh'" in found["12"][C.binding]
    assert found["40"][C.region] == "PK"  # the next paragraph is not Sindh's


def test_a_hedged_span_of_years_is_no_count() -> None:
    text = ("March was the deadliest month for militant attacks in almost five years, PICSS "
            "said, with 60 attacks in over two decades of records.")
    found = by_text(text, "2023-04-02")
    assert "almost five" not in found and "over two" not in found
    assert found["60"][C.metric] == "attacks"


def test_the_two_provinces_a_shared_predicate_names_after_its_figures() -> None:
    text = ("A quarterly report by CRSS noted the worsening situation in KP and Balochistan."
            "\n\nThe report stated that at least 90% of all fatalities and 85% of attacks, "
            "including those related to terrorism and security forces operations, were "
            "recorded in the two provinces in the first quarter of 2024.")
    found = by_text(text, "2024-04-03")
    assert found["at least 90% of all fatalities"][C.region] == "PK-BA+PK-KP"
    assert found["85% of attacks"][C.region] == "PK-BA+PK-KP"


def test_a_list_of_counts_shares_the_period_its_last_item_names() -> None:
    text = ("The same span last year was calmer, with 140 attacks, 280 deaths, and 470 "
            "injuries recorded in the first half of 2022, while the latter half of 2022 "
            "witnessed 220 attacks.")
    found = by_text(text, "2023-07-03")
    assert [found[f][C.period] for f in ("140", "280", "470")] == ["2022-01/2022-06"] * 3
    assert found["220"][C.period] == "2022-07/2022-12"


def test_a_blank_line_ends_a_key_figures_item() -> None:
    text = ("Key figures:\n\nCivilian deaths: 51 (150% increase from January)\n\nSecurity "
            "forces deaths: 44\n\nTotal terrorist attacks: 75")
    found = by_text(text, "2025-03-02")
    assert found["51"][C.metric] == "deaths_civilians"
    assert found["75"][C.metric] == "attacks"


def test_two_levels_of_one_measure_in_a_list_keep_their_own_times() -> None:
    found = by_text("In 2023, the think tank had counted 1,500 deaths, and 950 in 2022.",
                    "2026-01-05")
    assert (found["1,500"][C.period], found["950"][C.period]) == ("2023", "2022")


def test_the_tolls_told_with_the_people_a_year_was_worst_for() -> None:
    text = ("With over 480 fatalities and 280 terror attacks suffered, 2023 was the deadliest "
            "year for security forces in nearly a decade, the report said.")
    found = by_text(text, "2024-01-02")
    assert found["over 480"][C.metric] == "deaths_security_personnel"
    assert found["280"][C.metric] is None  # the attacks they suffered: no measure for it
    other = by_text("2024 was the deadliest year for security forces, while overall 2,500 "
                    "people were killed, the report said.", "2025-01-02")
    assert other["2,500"][C.metric] == "deaths"


def test_a_time_worst_for_a_kind_of_event_names_no_people() -> None:
    found = by_text("March was the deadliest month for militant attacks in years, PICSS said, "
                    "with 60 attacks.", "2023-04-02")
    assert found["60"][C.metric] == "attacks"


def test_according_to_a_quoted_report_title_names_its_publisher() -> None:
    found = by_text("Attacks reached 440 in 2024, according to “CRSS Annual Security Report "
                    "2024”.", "2025-01-02")
    assert found["440"][C.attributed_to] == "CRSS"
    # A report's name, as coverage capitalises it, names its publisher too.
    titled = by_text("According to Monthly Security Assessment report released by the "
                     "institute, 60 militant attacks were recorded in May.", "2024-06-02")
    assert titled["60"][C.attributed_to] == "PICSS"


def test_a_month_that_heads_the_second_clause_of_a_contrast_dates_its_count() -> None:
    text = ("Suicide bombings fell in August, when two such attacks were recorded, while July "
            "saw six suicide bombings, PICSS said.")
    found = by_text(text, "2023-09-02")
    assert found["two"][C.period] == "2023-08"
    assert found["six"][C.period] == "2023-07"


def test_the_months_that_head_a_list_of_counts_date_their_items() -> None:
    text = ("The department said that May saw 52 incidents, June 47, July 1,105 and August 64, "
            "and arrests rose.")
    found = by_text(text, "2024-09-03")
    assert [found[f][C.period] for f in ("52", "47", "1,105", "64")] == [
        "2024-05", "2024-06", "2024-07", "2024-08"]
    # A day after a month stays a date, in a list too.
    dated = by_text("The blasts of May 12, June 30 and July 4 killed 40 people.", "2024-09-03")
    assert {"May 12", "June 30", "July 4"} <= set(dated)


def test_incidents_of_another_kind_are_not_the_violent_incidents() -> None:
    found = by_text("The army counted 310 incidents this year. There were also 17 incidents of "
                    "cross-border shelling, it said.", "2023-05-02")
    assert found["310"][C.metric] == "incidents"
    assert found["17"][C.metric] is None  # no reference counts shelling
    kept = by_text("PICSS recorded 44 incidents of terrorism and 9 incidents of violence in "
                   "May.", "2023-06-02")
    assert kept["44"][C.metric] == "attacks"
    assert kept["9"][C.metric] is not None


def test_the_country_a_place_is_ranked_in_is_not_the_figures_place() -> None:
    text = ("ISLAMABAD: The institute counted 600 attacks in 2024.\n\nSindh recorded the "
            "highest number of terrorist attacks in the country in 2024, with 240 attacks. "
            "Attacks across the country rose 12 percent.")
    found = by_text(text, "2025-01-09")
    assert found["240"][C.region] == "PK-SD"
    assert found["rose 12 percent"][C.region] == "PK"


def test_the_counts_behind_a_change_told_for_a_place_are_that_places() -> None:
    text = ("ISLAMABAD: The institute recorded 70 militant attacks in June 2023.\n\nAttacks in "
            "Sindh dropped by 40 percent, though deaths rose. Militants carried out six "
            "attacks in June, in which 19 people died and 12 were injured.")
    found = by_text(text, "2023-07-03")
    assert [found[f][C.region] for f in ("six", "19", "12")] == ["PK-SD"] * 3
    assert found["70"][C.region] == "PK"
    # A whole after the place's change, and a sentence in a new paragraph, stay national.
    whole = by_text(text.replace("Militants carried", "In total, militants carried"),
                    "2023-07-03")
    assert whole["six"][C.region] == "PK"
    apart = by_text(text.replace(" Militants carried", "\n\nMilitants carried"), "2023-07-03")
    assert apart["six"][C.region] == "PK"


def test_a_relative_year_after_a_month_says_which_years_month_it_is() -> None:
    found = by_text("PICSS counted 44 attacks in June last year and 61 in June this year.",
                    "2024-09-02")
    assert (found["44"][C.period], found["61"][C.period]) == ("2023-06", "2024-06")
    opening = by_text("The month of May this year saw 52 militant attacks, PICSS said.",
                      "2023-06-01")
    assert opening["52"][C.period] == "2023-05"


def test_the_verb_after_the_people_a_count_includes_is_its_measure() -> None:
    text = ("The think tank said 150 attacks took place in which 260 people were killed while "
            "310 others including policemen, soldiers and passers-by were injured in the "
            "quarter.")
    found = by_text(text, "2024-04-03")
    assert found["260"][C.metric] == "deaths"
    assert found["310"][C.metric] == "injured"


def test_a_report_named_by_its_quarter_highlights_a_figure_of_the_year_so_far() -> None:
    text = ("The think tank's report for Q2 also highlighted that soldiers made up 30 per "
            "cent of the 900 fatalities recorded this year.")
    found = by_text(text, "2024-07-02")
    assert found["900"][C.period] == "2024-01-01/2024-07-02"


def test_the_previous_month_as_a_subject_dates_its_own_counts() -> None:
    text = ("ISLAMABAD: In June, militants carried out 62 attacks, PICSS said.\n\nThe previous "
            "month saw 51 militant attacks. Attacks rose 22 percent compared with the previous "
            "month.")
    found = by_text(text, "2023-07-02")
    assert found["51"][C.period] == "2023-05"
    assert (found["rose 22 percent"][C.period],
            found["rose 22 percent"][C.base_period]) == ("2023-06", "2023-05")


def test_a_provinces_figure_stays_the_whole_where_the_article_counts_its_rest_itself() -> None:
    text = ("ISLAMABAD: PICSS counted 60 attacks in May.\n\nIn KP, militants carried out 41 "
            "attacks. Within KP, 23 attacks were reported from the settled districts, while 18 "
            "were reported in the merged districts.")
    found = by_text(text, "2023-06-02")
    assert found["41"][C.region] == "PK-KP"
    assert (found["23"][C.region], found["18"][C.region]) == ("PK-KPM", "PK-TA")
    # Without the rest's own figure, the province's figure is still read as the rest.
    rest = by_text("KP saw 300 attacks in 2023. The merged districts recorded 240 attacks.",
                   "2024-01-03")
    assert rest["300"][C.region] == "PK-KPM"


def test_a_place_named_with_its_abbreviation_inside_is_one_place() -> None:
    found = by_text("Deaths in mainland KP rose 40% in the first half of 2023, PICSS said.",
                    "2023-07-02")
    assert found["rose 40%"][C.region] == "PK-KPM"
    assert "Khyber Pakhtunkhwa mainland" in found["rose 40%"][C.binding]


def test_the_toll_of_the_one_event_a_sentence_names_is_no_total() -> None:
    text = ("ISLAMABAD: PICSS said militants carried out 40 attacks in May.\n\nThe only suicide "
            "attack of the month was reported from the Kech area of Balochistan, where eight "
            "people were killed. Attacks in Sindh killed 12 people.")
    found = by_text(text, "2023-06-03")
    assert found["eight"][C.metric] is None
    assert "the toll of one event" in found["eight"][C.binding]
    assert found["12"][C.metric] == "deaths"


def test_a_reports_title_names_its_publisher_and_keeps_its_place() -> None:
    text = ("Militant violence rose again last year. Attacks reached 610, according to the "
            "Pakistan Security Report 2025, released on Sunday.")
    found = by_text(text, "2026-01-11")
    assert found["610"][C.attributed_to] == "PIPS"
    assert found["610"][C.period] == "2025"
    # The country in the title stays a place: the one the article is about.
    text = ("The Pakistan Security Report 2025 was launched in Islamabad on Sunday.\n\nThe "
            "interior ministry said 1,200 people were killed last year.")
    assert by_text(text, "2026-01-11")["1,200"][C.region] == "PK"


def test_operations_joined_to_the_attacks_before_them_are_all_violence() -> None:
    text = ("The think tank counted 90 attacks in May. In total, militant attacks and the "
            "subsequent security operations claimed 240 lives in May, including 130 militants. "
            "Security operations alone killed 112 militants.")
    found = by_text(text, "2024-06-02")
    # Attacks and operations together: all deaths, not the operations' part.
    assert found["240"][C.metric] == "deaths"
    assert found["130"][C.metric] == "deaths_militants"
    assert found["112"][C.metric] == "deaths_militants"
    parted = by_text("Security operations claimed 80 lives in May.", "2024-06-02")
    assert parted["80"][C.metric] == "deaths_operations"


def test_a_long_acronym_written_as_a_word_names_its_publisher() -> None:
    text = ("Militant attacks rose in May, the think tank said. According to a Picss statement, "
            "those killed included 41 civilians and 30 soldiers.")
    found = by_text(text, "2024-06-02")
    assert found["41"][C.attributed_to] == "PICSS"


def test_losses_are_people_lost_only_when_people_own_them() -> None:
    text = ("The month saw a 50 per cent jump in civilian fatalities and a 30pc decline in "
            "security forces' losses, the think tank said.")
    found = by_text(text, "2025-12-02")
    assert found["30pc decline"][C.metric] == "deaths_security_personnel"
    assert found["50 per cent jump"][C.metric] == "deaths_civilians"
    money = by_text("Traders in the city suffered losses of 40 per cent in May.", "2025-06-02")
    assert money["40 per cent"][C.metric] is None


def test_the_people_of_a_groups_toll_are_no_part_of_all_the_dead() -> None:
    text = ("The think tank said the 15 suicide attacks of the year resulted in 120 deaths, "
            "including 60 soldiers, 35 civilians and 25 militants.")
    found = by_text(text, "2025-01-04")
    assert found["120"][C.metric] == "deaths_suicide_attacks"
    assert [found[n][C.metric] for n in ("60", "35", "25")] == [None, None, None]
    # The people of the militant attacks' toll are the parts publishers store.
    kept = by_text("The think tank said 131 deaths occurred in militant attacks in May, "
                   "including 54 security personnel and 50 civilians.", "2025-06-02")
    assert kept["54"][C.metric] == "deaths_security_personnel"
    assert kept["50"][C.metric] == "deaths_civilians"


def test_a_report_named_with_what_it_covers_cites_its_publisher() -> None:
    text = ("Islamabad, Jan 3 (PTI) Pakistan saw 310 militant attacks which killed 700 people "
            "in 2023, according to a new think tank report.\n\nThe security report for 2023 by "
            "the Pak Institute for Peace Studies (PIPS) also warned of more attacks.")
    found = by_text(text, "2024-01-03")
    assert (found["310"][C.attributed_to], found["700"][C.attributed_to]) == ("PIPS", "PIPS")


def test_a_toll_after_counts_in_several_places_is_the_toll_of_them_all() -> None:
    text = ("ISLAMABAD: PIPS said the incidents included 31 attacks in Khyber Pakhtunkhwa, 20 in "
            "Balochistan and three in Sindh, killing 90 people and injuring 150 others.")
    found = by_text(text, "2024-09-03")
    assert found["90"][C.region] == found["150"][C.region] == "PK-BA+PK-KP+PK-SD"
    assert "the places its list names" in found["90"][C.binding]
    # A place's own toll after its subject stays the place's.
    own = by_text("ISLAMABAD: Khyber Pakhtunkhwa recorded 31 attacks and 60 deaths, while "
                  "Balochistan saw 20 attacks and 30 deaths, PIPS said.", "2024-09-03")
    assert (own["60"][C.region], own["30"][C.region]) == ("PK-KP", "PK-BA")
    # ... as is the toll of a clause on the last place.
    last = by_text("ISLAMABAD: 90 operations were conducted in Punjab, 14 in Gilgit-Baltistan and "
                   "200 in Sindh, in which 12 terrorists were killed.", "2024-01-02")
    assert last["12"][C.region] == "PK-SD"


def test_figures_set_off_by_a_dash_restate_the_subject_before_it() -> None:
    text = ("The deaths in these attacks — 900 in 2016 compared to 1,200 in 2015 — fell by "
            "25 percent, PIPS said.")
    found = by_text(text, "2017-01-05")
    assert [found[n][C.metric] for n in ("900", "1,200", "fell by 25 percent")] == [
        "deaths", "deaths", "deaths"]
    assert "the subject before the dash ('deaths')" in found["900"][C.binding]
    # A figure with a measure of its own keeps it.
    own = by_text("Violence spread in 2016 — 900 attacks were recorded, PIPS said.", "2017-01-05")
    assert own["900"][C.metric] == "attacks"


def test_people_figcheck_cannot_name_do_not_break_a_list_that_shares_its_verb() -> None:
    text = ("PICSS counted 60 attacks in June, in which 35 soldiers, 12 volunteers and 20 "
            "civilians lost their lives.")
    found = by_text(text, "2024-07-02")
    assert (found["35"][C.metric], found["20"][C.metric]) == (
        "deaths_security_personnel", "deaths_civilians")
    assert found["12"][C.metric] is None


def test_the_findings_detailed_in_a_report_are_its_publishers() -> None:
    text = ("Attacks rose 30 per cent in 2025, with 650 terrorist attacks recorded across the "
            "country, according to media reports.\nThe findings were detailed in the annual "
            "security report released on Thursday by the Pak Institute for Peace Studies.")
    found = by_text(text, "2026-01-03")
    assert found["650"][C.attributed_to] == "PIPS"
    assert "credited by a sentence after it" in found["650"][C.binding]


def test_a_rate_named_by_its_subject_is_no_tally() -> None:
    text = ("The average number of militant attacks per month in Pakistan rose from 14 in 2022 to "
            "31 in 2023, PICSS said.")
    found = by_text(text, "2024-01-02")
    assert (found["14"][C.metric], found["31"][C.metric]) == (None, None)
    assert "a rate ('average number of militant attacks per month')" in found["31"][C.binding]
    # ... for each of its levels.
    three = by_text("The average number of militant attacks per month in Pakistan rose from 14 "
                    "in 2022 to 31 in 2023 and 40 in 2024, PICSS said.", "2025-01-02")
    assert three["40"][C.metric] is None
    # The number of attacks itself is a tally.
    tally = by_text("The number of militant attacks in Pakistan rose from 140 in 2022 to 310 in "
                    "2023, PICSS said.", "2024-01-02")
    assert (tally["140"][C.metric], tally["310"][C.metric]) == ("attacks", "attacks")


def test_a_number_a_change_noun_follows_is_no_count() -> None:
    text = ("PICSS found a 50 per cent increase in attacks, 40 per cent increase in deaths and "
            "60 rise in injuries in 2023.")
    found = by_text(text, "2024-01-02")
    assert "60" not in found and "40 per cent increase" in found


def test_the_year_a_month_with_the_most_attacks_is_found_in_is_no_period() -> None:
    text = ("March turned out to be the month with the highest number of attacks in a single "
            "month during 2023, when 70 attacks were carried out, PICSS said.")
    found = by_text(text, "2024-01-02")
    assert found["70"][C.period] == "2023-03"


def test_the_time_of_a_level_compared_with_does_not_date_the_figures_before_it() -> None:
    text = ("CRSS counted a 20 per cent rise in violence in the first 10 months of 2025.\nAt least "
            "2,900 people died in 1,100 incidents, compared to 2,400 fatalities recorded in all of "
            "2024.")
    found = by_text(text, "2025-11-05")
    assert found["At least 2,900"][C.period] == found["1,100"][C.period] == "2025-01/2025-10"
    assert found["2,400"][C.period] == "2024"


def test_a_headline_on_a_rise_from_one_month_to_the_next_is_on_the_later_month() -> None:
    text = ("Attacks by terrorists increase from 40 in May to 61 in June\n\nISLAMABAD: There "
            "were 61 terrorist incidents nationwide in June 2024, PIPS said.\n90 people were "
            "killed and 150 more were injured in these occurrences.")
    found = by_text(text, "2024-07-02")
    assert found["90"][C.period] == found["150"][C.period] == "2024-06"


def test_a_record_after_a_year_is_no_base_of_the_change() -> None:
    text = ("PICSS said there was a 40 per cent increase in the number of attacks in 2023, the "
            "highest after 2015 in any year.")
    found = by_text(text, "2024-01-02")
    assert (found["40 per cent increase"][C.period],
            found["40 per cent increase"][C.base_period]) == ("2023", "2022")


def test_the_year_a_tally_has_surpassed_is_no_period_of_it() -> None:
    text = ("According to CRSS, the fatalities of the first three quarters of this year have "
            "surpassed the entire toll recorded in 2023, with at least 1,600 deaths reported.")
    assert by_text(text, "2024-10-02")["at least 1,600"][C.period] == "2024-01/2024-09"


def test_a_crediting_sentence_credits_no_figures_before_one_that_names_its_source() -> None:
    text = ("At least 600 security personnel were killed in 2024, the deadliest year in a "
            "decade.\nThe forces conducted 50,000 operations this year, in which 900 terrorists "
            "were killed, according to the ISPR.\nThe data was revealed by the ISPR's director "
            "general during a press conference.")
    found = by_text(text, "2024-12-30")
    assert found["900"][C.attributed_to] == "ISPR"
    # (The story's only source may still be read as its figures' own, never an alarm; the
    # crediting sentence does not make it the writer's statement.)
    assert "credited by a sentence after it" not in found["At least 600"][C.binding]


def test_a_change_between_two_levels_of_a_span_in_an_article_with_no_lead_period() -> None:
    # The levels' period is a span, which has no following month or year; with no period in
    # the article's opening either, the two used to compare equal (None == None) and the
    # second level was dated to no period at all, which crashed the binding note.
    text = ("The ministry gave the figures to parliament on Tuesday.\nThe ministry said there "
            "were 900 raids between January to October 2024.\nPolice were the group most "
            "affected by violence this quarter, a 20 per cent increase over the last quarter "
            "from 50 to 60.")
    found = by_text(text, "2024-06-28")
    assert found["50"][C.period] == found["60"][C.period] is not None


def test_a_quarterly_storys_previous_quarter_is_the_one_before_its_own() -> None:
    # Published three weeks after the quarter its report covers: "the previous quarter" and
    # "last quarter's" figure are the quarter before the report's, "this quarter" the report's.
    text = ("Violence rises: a monitor's report\n\nThe monitor recorded 900 casualties in the "
            "third quarter of 2019, its report said.\nThe previous quarter saw 120 civilians "
            "killed; this quarter's civilian toll was 210.\nLast quarter's toll of policemen "
            "stood at 43.\nMilitant deaths dropped to 80 from 95 in the last quarter.")
    found = by_text(text, "2019-10-20")
    q2, q3 = "2019-04/2019-06", "2019-07/2019-09"
    assert [found[t][C.period] for t in ("120", "210", "43", "80", "95")] == [
        q2, q3, q2, q3, q2]


def test_last_quarter_alone_is_the_quarter_before_publication() -> None:
    # Nothing sets it against the story's quarter: the deictic reading, the report's quarter.
    text = ("Violence rises: a monitor's report\n\nThe monitor recorded 900 casualties in the "
            "third quarter of 2019, its report said.\nThe country saw 300 deaths last quarter, "
            "the monitor said.")
    assert by_text(text, "2019-10-20")["300"][C.period] == "2019-07/2019-09"


def test_a_quarter_named_beside_this_quarter_dates_its_figures() -> None:
    text = ("Casualties rose compared to the data from the second quarter of the year; overall "
            "900 casualties were recorded in this quarter (July-September, 2019).")
    assert by_text(text, "2019-10-20")["900"][C.period] == "2019-07/2019-09"


def test_data_a_named_body_gathered_is_that_bodys() -> None:
    # Not in the source vocabulary: its figures are credited to it, as "according to" does,
    # and no publisher figcheck holds is taken for the writer's source.
    text = ("Data gathered by the Federal Crime Agency (FCA) showed that in 2022, some 900 "
            "incidents took place in Pakistan, in which 500 people were killed.")
    found = by_text(text, "2023-01-30")
    assert found["500"][C.attributed_to] == "Federal Crime Agency"
    # A publisher it knows keeps its name; an outlet only relays.
    known = by_text("Figures compiled by PICSS show that 900 people were injured in Pakistan "
                    "in 2022.", "2023-01-30")
    assert known["900"][C.attributed_to] == "PICSS"
    # A description before the publisher's name is no body of its own.
    described = by_text("According to the statistics released by an Islamabad-based "
                        "independent think tank, the Pakistan Institute for Conflict and "
                        "Security Studies (PICSS), militant attacks decreased by 10 percent in "
                        "June 2022.\nMilitants carried out 30 attacks in June.", "2022-07-02")
    assert described["decreased by 10 percent"][C.attributed_to] == "PICSS"
    assert described["30"][C.attributed_to] == "PICSS"
    # Nor is a known publisher's name shortened: no body figcheck would wrongly hold silent.
    shortened = by_text("Data compiled by the Institute for Conflict and Security Studies show "
                        "143 attacks in Pakistan in August 2025.", "2025-09-02")
    assert shortened["143"][C.attributed_to] is None


def test_these_attacks_count_the_toll_of_the_kind_named_before() -> None:
    # "These attacks" are the suicide bombings the sentence before counted: their toll is
    # that of suicide attacks, never every death of the year (a publisher's yearly toll
    # would contradict it).
    text = ("Pakistan\n\nSuicide bombings in Pakistan fell from 31 in 2022 to 14 in 2023.\n"
            "These attacks killed 210 people in 2022, but the fatalities dropped to 75 in "
            "2023.")
    found = by_text(text, "2024-01-05")
    assert found["210"][C.metric] == "deaths_suicide_attacks"
    assert found["75"][C.metric] == "deaths_suicide_attacks"
    # Attacks of every kind named last: the toll is everyone's.
    overall = by_text("Pakistan\n\nSuicide bombings fell to 14 in 2023, while attacks overall "
                      "rose to 410. The attacks killed 900 people in 2023.", "2024-01-05")
    assert overall["900"][C.metric] == "deaths"
    # A sentence that does not open on them keeps its own measure.
    other = by_text("Pakistan\n\nSuicide bombings fell to 14 in 2023. In all, 900 people were "
                    "killed in 2023.", "2024-01-05")
    assert other["900"][C.metric] == "deaths"


def test_an_amount_of_money_counts_no_one() -> None:
    # "$150 billion" of losses or "Rs 40 million" recovered from militants is no count of
    # deaths or of militants, whatever measure stands near it.
    found = by_text("Pakistan\n\nThe forces recovered Rs. 412 million from terrorists in "
                    "2024, and terrorism has cost the economy $150 billion since 2001, with "
                    "80,000 deaths.", "2025-01-05")
    assert found["Rs. 412 million"][C.metric] is None
    assert found["$150 billion"][C.metric] is None
    assert found["80,000"][C.metric] == "deaths"


def test_a_time_told_of_one_event_or_part_does_not_date_the_whole() -> None:
    # The day after "the deadliest of which" (or "including one") is that attack's; the
    # month after a listed part is the part's. The count keeps the article's year.
    opening = "Terrorism in 2023\n\nPakistan saw 1,500 deaths in 2023.\n"
    for aside in ("the deadliest of which was carried out on 9 November in Bannu",
                  "one of which struck a police station on 9 November",
                  "including one on 9 November in Bannu"):
        found = by_text(f"{opening}Figures show that 318 soldiers lost their lives in attacks, "
                        f"{aside}.", "2024-01-05")
        assert found["318"][C.period] == "2023", aside
    part = by_text(f"{opening}Figures show that 318 soldiers were killed, including 40 in "
                   "November.", "2024-01-05")
    assert (part["318"][C.period], part["40"][C.period]) == ("2023", "2023-11")
    # A time of the sentence's own still dates it.
    own = by_text(f"{opening}Figures show that 318 soldiers were killed in November, the "
                  "deadliest month.", "2024-01-05")
    assert own["318"][C.period] == "2023-11"


def test_a_people_word_among_coordinated_modifiers_is_no_head() -> None:
    # "militant and nationalist attacks" are attacks, as "militant attacks" are; a plural
    # people word, or a list whose noun makes no measure with it, is read as before.
    for words in ("militant and nationalist attacks",
                  "militant, separatist and sectarian-related incidents"):
        found = by_text(f"Pakistan\n\nThere were 1,412 {words} in 2023.", "2024-01-05")
        assert found["1,412"][C.metric] == "attacks", words
    arrested = by_text("Pakistan\n\nPolice arrested 1,412 militant and criminal suspects in "
                       "2023.", "2024-01-05")
    assert arrested["1,412"][C.metric] == "militants_arrested"


def test_casualties_an_article_adds_up_are_the_killed_and_the_injured() -> None:
    # 812 + 1,140 = 1,952: those casualties are the killed or injured, not 1,952 deaths
    # (a publisher's death toll would contradict a correct sentence).
    text = ("Pakistan\n\nAccording to PICSS, 812 people were killed and 1,140 injured in 2023, "
            "a total of 1,952 casualties.\nThe year before saw 1,204 casualties.")
    found = by_text(text, "2024-01-05")
    assert found["1,952"][C.metric] == "killed_or_injured"
    assert found["1,204"][C.metric] == "killed_or_injured"  # the article's word, throughout
    assert found["812"][C.metric] == "deaths"
    # Casualties the article never adds up keep the reading of deaths.
    unsummed = by_text("Pakistan\n\nAccording to PICSS, 812 people were killed in 2023. "
                       "There were 1,952 casualties in all.", "2024-01-05")
    assert unsummed["1,952"][C.metric] == "deaths"
    # A hedged total rounds the sum.
    hedged = by_text("Pakistan\n\nCRSS recorded 1,610 fatalities and 1,370 injuries in 2023, a "
                     "toll of nearly 3,000 casualties.", "2024-01-05")
    assert hedged["nearly 3,000"][C.metric] == "killed_or_injured"


def test_a_quantity_in_a_unit_is_no_year_and_no_other_units_measure() -> None:
    # "1950 grams" is a weight, not the year 1950 dating the figures after it; and a weight
    # in grams is no figure of explosives counted in kilograms.
    found = by_text("Punjab CTD\n\nThe CTD recovered explosives 1950 grams, 14 detonators and "
                    "12 feet of fuse wire in April.", "2023-04-30")
    assert found["1950"][C.metric] is None
    assert found["14"][C.period] == "2023-04"
    kilos = by_text("Punjab CTD\n\nThe CTD recovered 1,950 kilograms of explosives in April.",
                    "2023-04-30")
    assert kilos["1,950"][C.metric] == "explosives_seized_kg"


def test_the_dead_included_counts_parts_of_the_toll_just_told() -> None:
    # "The dead included ..." opens on the deaths of the sentence before, even when injuries
    # were told after them, and its parts take that toll's month and source.
    text = ("Pakistan\n\nViolence rose in 2025.\nIn March 2025, PICSS recorded 83 militant "
            "strikes that left 240 dead and 310 injured. The dead included 70 soldiers, 55 "
            "civilians and 115 militants.")
    found = by_text(text, "2025-04-02")
    assert found["83"][C.metric] == "attacks"  # militants' strikes are attacks
    assert found["70"][C.metric] == "deaths_security_personnel"
    assert (found["55"][C.period], found["55"][C.attributed_to]) == ("2025-03", "PICSS")
    # "The casualties included" opens on the first casualties told, not the level they were
    # compared with.
    casualties = by_text("Pakistan\n\nViolence rose in 2025.\nIn the first quarter of 2025, "
                         "420 casualties were reported, as compared to 150 casualties in the "
                         "last quarter of 2024. The casualties included 190 deaths and 230 "
                         "injured.", "2025-04-02")
    assert casualties["190"][C.period] == "2025-01/2025-03"


def test_this_year_in_a_year_end_review_published_early_in_january() -> None:
    # Written at the end of December, published on the 2nd: "this year" is the year just
    # ended, not two days of the new one; a week into January it is the new year again.
    text = ("Violence in 2024\n\nPakistan lost 640 soldiers in 2024.\nThere were 1,390 "
            "fatalities reported this year, the think tank said.")
    assert by_text(text, "2025-01-02")["1,390"][C.period] == "2024"
    later = by_text(text, "2025-02-20")["1,390"][C.period]
    assert later.startswith("2025-01-01/")


def test_an_opening_quote_before_the_people_counted() -> None:
    # '"880 terrorists" were killed and 260 "valiant officers and soldiers lost their lives':
    # the quote opens on the soldiers, who are the 260, not more militants.
    found = by_text('Pakistan\n\nIn 2023, "880 terrorists" were killed and 260 "valiant '
                    'officers and soldiers lost their lives, the military said.', "2024-01-05")
    assert found["260"][C.metric] == "deaths_security_personnel"


def test_another_count_keeps_the_source_of_the_sentence_it_goes_on_from() -> None:
    # "Another 1,130 were injured" goes on from the sentence before: its publisher's count,
    # not an unattributed one for every publisher to dispute.
    text = ("The cost of militancy\n\nThe toll has risen again. PIPS says 870 people were killed "
            "in terrorist attacks in 2024. Another 1,130 were injured.")
    found = by_text(text, "2025-01-20")
    assert found["1,130"][C.attributed_to] == "PIPS"
    # "The attacks killed ..." goes on from the attacks just counted, and so does its
    # publisher.
    attacks = by_text("October: PICSS counts 71 attacks, PIPS 45\n\nISLAMABAD: Militants carried "
                      "out 71 attacks "
                      "across Pakistan last month, the Pakistan Institute for Conflict and "
                      "Security Studies (PICSS) said.\n\nThe attacks killed 121 people. "
                      "Security forces conducted 30 operations, the think tank said.",
                      "2024-11-02")
    assert attacks["121"][C.attributed_to] == "PICSS"
    # A publisher's data product cited by its own name is that publisher's.
    product = by_text("Pakistan\n\nAccording to the Militancy Database, 95 soldiers were killed "
                      "in March 2025.", "2025-04-02")
    assert product["95"][C.attributed_to] == "PICSS"
    # Without "another" the sentence is a figure of its own.
    plain = by_text(text.replace("Another 1,130 were", "In floods, 1,130 were"), "2025-01-20")
    assert plain["1,130"][C.attributed_to] is None


def test_a_when_clause_about_the_base_year_dates_its_figures() -> None:
    # "... over 2022, when the think tank had counted 360 attacks": the 360 are 2022's.
    found = by_text("Pakistan\n\nPICSS recorded 612 attacks in 2023. That was a 70% increase "
                    "in attacks over 2022, when the think tank had counted 360 attacks.",
                    "2024-01-05")
    assert found["360"][C.period] == "2022"
    assert (found["70% increase"][C.period], found["70% increase"][C.base_period]) == (
        "2023", "2022")


def test_a_capital_addressed_by_a_verb_is_no_place() -> None:
    # "warns Kabul": the government addressed; the figures are the dateline's country's.
    text = ("Military says 610 militants killed, warns Kabul over havens\n\nRAWALPINDI: The "
            "military said on Friday that security forces killed 610 militants this year.")
    found = by_text(text, "2024-12-30")
    assert found["610"][C.region] == "PK"
    # Kabul as a place still is one.
    place = by_text("Blast in Kabul\n\nKABUL: A blast in Kabul killed 12 people on Friday.",
                    "2024-12-30")
    assert place["12"][C.region] != "PK"


def test_a_change_beside_a_count_is_against_that_counts_year_before() -> None:
    # "... sixth in 2023, when the index recorded 512 deaths in 2022, an increase of 75% over
    # the year before": 2022 against 2021, not the sentence's later year against 2022.
    found = by_text("Pakistan slips in terrorism index\n\nPakistan was ranked fourth in the "
                    "Global Terrorism Index, and sixth in 2023, when the index recorded 512 "
                    "deaths in 2022, an increase of 75% over the year before.", "2024-03-01")
    change = found["increase of 75%"]
    assert (change[C.period], change[C.base_period]) == ("2022", "2021")


def test_up_a_percentage_from_a_period_names_the_base() -> None:
    # "- Deaths: 640, up 30% from the first quarter": the quarter is what the change is from,
    # not the period of the 640.
    opened = by_text("Q2 2024 in numbers\n\nISLAMABAD: The think tank released its report.\n"
                     "- Deaths: 640, up 30% from the first quarter", "2024-07-05")
    assert opened["640"][C.period] == "2024-04/2024-06"
    change = opened["up 30%"]
    assert (change[C.period], change[C.base_period]) == ("2024-04/2024-06", "2024-01/2024-03")
    # With no period set before, the quarter after the base.
    bare = by_text("Violence report\n\nISLAMABAD: The think tank released its report.\n"
                   "- Deaths: 640, up 30% from the first quarter", "2024-07-05")
    assert bare["640"][C.period] == "2024-04/2024-06"


def test_a_later_clause_accounting_for_a_figure_has_its_own_place() -> None:
    # "..., while Balochistan accounted for 690, about 29%": Balochistan's, not the place
    # the sentence opened on.
    found = by_text("Pakistan\n\nThe centre said Khyber Pakhtunkhwa accounted for 1,480 of the "
                    "deaths, or more than 61%, while Balochistan accounted for 690, about 29%.",
                    "2025-01-01")
    assert (found["1,480"][C.region], found["690"][C.region]) == ("PK-KP", "PK-BA")
    assert found["about 29%"][C.region] == "PK-BA"
    # Places listed together still account together.
    listed = by_text("Pakistan\n\nMost attacks were in three countries: Afghanistan, Iraq, and "
                     "Pakistan, which together accounted for 80 percent of them.", "2025-01-01")
    assert listed["80 percent of them"][C.region] != "PK"


def test_a_label_naming_people_counts_their_part() -> None:
    # "- Militants killed: 410" counts the militants killed, not every death.
    found = by_text("Q3 in numbers\n\nISLAMABAD: The centre released its quarterly report:\n\n"
                    "- Deaths: 720\n- Militants killed: 410\n- Civilians killed: 170\n"
                    "- Security personnel injured: 95", "2025-10-01")
    assert found["720"][C.metric] == "deaths"
    assert found["410"][C.metric] == "deaths_militants"
    assert found["170"][C.metric] == "deaths_civilians"
    assert found["95"][C.metric] == "injured_security_personnel"


def test_a_possessive_credit_names_its_owner() -> None:
    # "According to <Name>'s report": the body is the owner, whichever apostrophe is typed,
    # so that one body is one name in the claims table and in the report.
    for apostrophe in ("'", "’"):
        found = by_text(f"According to the Relief Mission{apostrophe}s report, 320 people were "
                        "killed in Pakistan in 2023.", "2024-01-20")
        assert found["320"][C.attributed_to] == "Relief Mission"
    # A plural's apostrophe is part of the name.
    plural = by_text("According to the Peoples' Forum, 320 people were killed in Pakistan in "
                     "2023.", "2024-01-20")
    assert plural["320"][C.attributed_to] == "Peoples' Forum"


def test_a_figure_told_of_a_country_no_data_holds_is_not_the_articles() -> None:
    text = ("Pakistan ranks second in the terrorism index\n\nPakistan is now the second most "
            "affected country, the GTI said.\nBurkina Faso remained the most affected, with "
            "1,532 deaths in 2024.\nIn Pakistan, deaths rose to 1,081 in 2024.\nSecurity "
            "forces killed 13 militants backed by India in 2024.")
    found = by_text(text, "2025-03-07")
    assert found["1,532"][C.region] is None
    assert "Burkina Faso" in found["1,532"][C.binding]
    # The country's own figures, and a backer's name, keep the article's country.
    assert found["1,081"][C.region] == found["13"][C.region] == "PK"


def test_the_country_after_a_country_no_data_holds_is_that_country() -> None:
    text = ("India and Pakistan in the terrorism index\n\nPakistan saw 1,000 deaths in 2015, "
            "the index said.\nIn India, most attacks killed no one. The country had 500 "
            "attacks that resulted in 210 deaths in 2015.\nAttacks across the country fell in "
            "Pakistan to 600 in 2015.")
    found = by_text(text, "2016-11-17")
    assert found["500"][C.region] is None and "India" in found["500"][C.binding]
    assert found["600"][C.region] == "PK"


def test_that_of_after_and_opens_the_next_items_measure() -> None:
    found = by_text("According to the monitor's report, the number of deaths was 310 and that "
                    "of injuries was 420 in Pakistan in 2023.", "2024-01-05")
    assert (found["310"][C.metric], found["420"][C.metric]) == ("deaths", "injured")


def test_a_change_of_a_percentage_from_a_period_names_the_base() -> None:
    # "... during the quarter, a fall of nearly 20% from the first quarter": the counts are
    # the story's quarter's, the first quarter only what the fall is measured from.
    opened = by_text(
        "Violence eased in the second quarter of 2024, the think tank said.\n\n"
        "Nationwide, it counted 700 deaths and 410 injuries in 300 incidents during the "
        "quarter, a fall of nearly 20 per cent from the first quarter.", "2024-07-02")
    for count in ("700", "410", "300"):
        assert opened[count][C.period] == "2024-04/2024-06", count
    change = opened["fall of nearly 20 per cent"]
    assert (change[C.period], change[C.base_period]) == ("2024-04/2024-06", "2024-01/2024-03")


def test_last_year_set_against_the_storys_year_is_the_year_before_it() -> None:
    # In a story on 2025 published in January 2026, "last year" compared with 2025's
    # figures is 2024: a level is not set against itself.
    named = by_text("Militants carried out 640 attacks in 2025, compared with 480 last year, "
                    "the institute said.", "2026-01-04")
    assert (named["640"][C.period], named["480"][C.period]) == ("2025", "2024")
    led = by_text("Violence rose across the country in 2025, the institute said.\n\n"
                  "It recorded 900 deaths, up 25 per cent from last year, and 410 attacks, up "
                  "from 350 last year.", "2026-01-04")
    assert led["900"][C.period] == "2025"
    change = led["up 25 per cent"]
    assert (change[C.period], change[C.base_period]) == ("2025", "2024")
    assert (led["410"][C.period], led["350"][C.period]) == ("2025", "2024")
    # "Last year" that is no base is the year before publication, as before.
    plain = by_text("Militants carried out 640 attacks last year, the institute said.",
                    "2026-01-04")
    assert plain["640"][C.period] == "2025"


def test_a_span_of_years_dates_its_figures_with_all_of_them() -> None:
    spans = by_text("Between 2019 and 2022, the centre said, militants had made up 30 per cent "
                    "of fatalities. From 2015 to 2018, 4,000 people were killed.", "2025-07-01")
    assert spans["30 per cent of fatalities"][C.period] == "2019-01/2022-12"
    assert spans["4,000"][C.period] == "2015-01/2018-12"
    # A change between two years is still the later against the earlier, and years that
    # are two figures' own stay theirs.
    kept = by_text("Deaths rose 40 per cent between 2019 and 2022. Attacks rose from 180 in "
                   "2019 to 420 in 2022.", "2025-07-01")
    change = kept["rose 40 per cent"]
    assert (change[C.period], change[C.base_period]) == ("2022", "2019")
    assert (kept["180"][C.period], kept["420"][C.period]) == ("2019", "2022")
    dashed = by_text("The centre said violence rose in the second quarter of 2025.\n\nIt "
                     "counted 300 militants killed, or 50pc of all fatalities, up from an "
                     "average of 30 per cent over 2019-2022.", "2025-07-01")
    assert dashed["300"][C.period] == "2025-04/2025-06"  # the span is the base's only
    assert dashed["30 per cent"][C.period] == "2019-01/2022-12"
    levels = by_text("Attacks surged between 2019 and 2020, with their number rising from 120 "
                     "to 190.", "2025-07-01")
    assert (levels["120"][C.period], levels["190"][C.period]) == ("2019", "2020")


def test_the_previous_year_after_a_compared_levels_year_is_that_year() -> None:
    # "from 180 in 2024 to 260, while deaths climbed from 300 the previous year to 410", in
    # a story on 2025: both bases are 2024's, both levels reached 2025's.
    told = by_text("Attacks rose across the country in 2025, the institute said.\n\n"
                   "In the province, attacks rose from 180 in 2024 to 260, while deaths "
                   "climbed from 300 the previous year to 410.", "2026-01-10")
    assert [told[n][C.period] for n in ("180", "260", "300", "410")] == [
        "2024", "2025", "2024", "2025"]


def test_the_following_year_is_the_year_after_the_one_the_sentence_names() -> None:
    told = by_text("In 2019, the centre counted 640 fatalities; the following year, 720. "
                   "In 2016, 300 people died. The next year, 410 died.", "2025-10-01")
    assert (told["640"][C.period], told["720"][C.period]) == ("2019", "2020")
    assert (told["300"][C.period], told["410"][C.period]) == ("2016", "2017")


def test_a_records_horizon_month_dates_nothing() -> None:
    # "the most in a month since <month>": the record's horizon, not the figures' month.
    told = by_text("Violence rose in Pakistan in March 2025, the institute said.\n\nOverall, "
                   "70 soldiers lost their lives, the most in a month since June 2022, along "
                   "with 60 civilians.", "2025-04-02")
    assert (told["70"][C.period], told["60"][C.period]) == ("2025-03", "2025-03")
    # ... unless a "when" clause tells that month's own figure.
    when = by_text("Violence rose in Pakistan in March 2025, the institute said.\n\nIt was "
                   "the most in a month since June 2022, when 90 soldiers died.", "2025-04-02")
    assert when["90"][C.period] == "2022-06"


def test_the_preceding_months_in_a_story_on_as_many_months_are_the_ones_before_it() -> None:
    told = by_text("Violence rose in the third quarter of 2025, the centre said.\n\nDeaths rose "
                   "to 800 in the quarter, up 40 per cent on the 570 deaths logged in the "
                   "preceding three months.", "2025-10-01")
    assert told["800"][C.period] == "2025-07/2025-09"
    assert told["570"][C.period] == "2025-04/2025-06"
    # "The past three months" still count back from publication.
    past = by_text("Over the past three months, 570 people died, the centre said.",
                   "2025-10-01")
    assert past["570"][C.period] == "2025-07/2025-09"


def test_a_figure_followed_by_its_own_toll_counts_events_not_the_dead_before_it() -> None:
    # "..., killing 300 people, and 640 in 2023, killing 900": the 640 are attacks.
    told = by_text("The institute recorded 210 attacks in 2019, killing 300 people, and 640 in "
                   "2023, killing 900.", "2024-01-10")
    assert [told[n][C.metric] for n in ("210", "300", "640", "900")] == [
        "attacks", "deaths", "attacks", "deaths"]
    # With no events counted before it, it has no measure: not the dead of the figure before.
    unnamed = by_text("The institute, which tracks militant violence, recorded 210 of them in "
                      "2019, killing 300 people, and 640 in 2023, killing 900.", "2024-01-10")
    assert unnamed["640"][C.metric] != "deaths"


def test_a_source_named_with_the_period_its_records_cover_credits_its_figures() -> None:
    # "Police records for 2024 put the figures higher: ...": the police's, not the body the
    # article named before.
    told = by_text("QUETTA: Balochistan's Home Department said militants carried out 300 "
                   "attacks in the province in 2024.\n\nPolice records for 2024 put the figures "
                   "higher still: 650 terrorism-related incidents, with at least 310 people "
                   "killed and 580 injured.", "2025-07-13")
    assert told["300"][C.attributed_to] == "Balochistan Home Department"
    assert {told[n][C.attributed_to] for n in ("650", "at least 310", "580")} == {
        "Balochistan Police"}
