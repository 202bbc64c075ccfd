"""Closed vocabularies shared by every stage: claim kinds, verdicts, qualifiers.

They are Enums with stable string values, so a DataFrame column holds plain strings
and the schemas can check membership with ``isin``.
"""

from __future__ import annotations

from enum import StrEnum

# How a claim's binding note ("metric: a guess: ...") marks a measure that the extractor
# guessed rather than read in the sentence: the judge raises no alarm on it.
GUESSED_METRIC = "a guess"


class Kind(StrEnum):
    """What sort of figure a claim (or a reference row) states."""

    COUNT = "count"
    PERCENT = "percent"
    PERCENT_CHANGE = "percent_change"
    PERCENTAGE_POINTS = "percentage_points"
    SHARE = "share"
    RANGE = "range"
    RATIO = "ratio"
    MONEY = "money"
    DATE = "date"
    # New value over old ("doubled" = 2, "nine-fold" = 9, "halved" = 0.5); base_period set.
    FACTOR = "factor"
    # A position in an ordering ("ranked second" = 2, "the most affected" = 1).
    RANK = "rank"


class Verdict(StrEnum):
    """How the evidence bears on a claim (see README, "Verdicts")."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"
    MISATTRIBUTED = "misattributed"


class Rule(StrEnum):
    """Ids of the rules that decide a verdict; each is shown in the report with its
    plain description from ``RULE_DESCRIPTIONS`` (one table, read by judge and reports)."""

    UNBOUND_CLAIM = "unbound-claim"
    OWN_ARITHMETIC_DISAGREES = "own-arithmetic-disagrees"
    NO_REFERENCE = "no-reference"
    NAMED_SOURCE_AGREES = "named-source-agrees"
    NAMED_SOURCE_AGREES_UNPLACED = "named-source-agrees-unplaced"
    NAMED_SOURCE_DISAGREES = "named-source-disagrees"
    NAMED_SOURCE_SPLIT = "named-source-split"
    NAMED_SOURCE_STATES_ELSEWHERE = "named-source-states-elsewhere"
    NAMED_SOURCE_INCONCLUSIVE = "named-source-inconclusive"
    STATES_PART = "states-part"
    NAMED_SOURCE_OTHER_SCOPE = "named-source-other-scope"
    NAMED_SOURCE_SILENT = "named-source-silent"
    NAMED_SOURCE_SILENT_OTHER_AGREES = "named-source-silent-other-agrees"
    NAMED_SOURCE_DISAGREES_OTHER_AGREES = "named-source-disagrees-other-agrees"
    SOURCES_AGREE = "sources-agree"
    SOURCES_DISAGREE = "sources-disagree"
    SOURCES_SPLIT = "sources-split"
    SOURCES_INCONCLUSIVE = "sources-inconclusive"
    OTHER_DEFINITION_ONLY = "other-definition-only"
    ONE_PUBLISHER_DIFFERS = "one-publisher-differs"
    BELOW_EVERY_TOTAL = "below-every-total"
    INHERITED_BINDING = "inherited-binding"
    RUNNING_TALLY = "running-tally"
    FINAL_COUNT_LATER = "final-count-later"
    EARLIER_EDITION_AGREES = "earlier-edition-agrees"
    WEEKDAY_MISMATCH = "weekday-mismatch"
    EVENT_DATE_AGREES = "event-date-agrees"
    EVENT_DATE_DISAGREES = "event-date-disagrees"
    CALENDAR_CONSISTENT = "calendar-consistent"


# The verdict each rule gives and what it means, for readers of the report.
RULE_DESCRIPTIONS: dict[Rule, tuple[Verdict, str]] = {
    Rule.UNBOUND_CLAIM: (
        Verdict.UNVERIFIABLE,
        "figcheck could not tell what the number counts or where",
    ),
    Rule.OWN_ARITHMETIC_DISAGREES: (
        Verdict.CONTRADICTED,
        "the figures the article states beside it give another result",
    ),
    Rule.NO_REFERENCE: (
        Verdict.UNVERIFIABLE,
        "no reference figure measures that metric, place and period",
    ),
    Rule.NAMED_SOURCE_AGREES: (
        Verdict.SUPPORTED,
        "the claim names its source, and that source states the figure",
    ),
    Rule.NAMED_SOURCE_AGREES_UNPLACED: (
        Verdict.SUPPORTED,
        (
            "the sentence gives no place or period of its own, and the named source states "
            "the figure for that measure in another place or period than figcheck took from "
            "the article"
        ),
    ),
    Rule.NAMED_SOURCE_DISAGREES: (
        Verdict.CONTRADICTED,
        "the named source gives another figure for that place, period and measure",
    ),
    Rule.NAMED_SOURCE_SPLIT: (
        Verdict.DISPUTED,
        "the named source's own current figures disagree with each other",
    ),
    Rule.NAMED_SOURCE_STATES_ELSEWHERE: (
        Verdict.CONTRADICTED,
        "the named source states this number, but for another place, period or measure",
    ),
    Rule.NAMED_SOURCE_INCONCLUSIVE: (
        Verdict.UNVERIFIABLE,
        "the named source gives only a bound that neither confirms nor rules out the figure",
    ),
    Rule.STATES_PART: (
        Verdict.UNVERIFIABLE,
        (
            "the (named, or only disagreeing) source states this number for a part of the "
            "measure, or its total, in that place and period; the claim may mean that figure, "
            "so no alarm"
        ),
    ),
    Rule.NAMED_SOURCE_OTHER_SCOPE: (
        Verdict.UNVERIFIABLE,
        (
            "the named source gives another figure for the measure under one scope only "
            "(militant attacks), while it also counts a wider or narrower scope (all "
            "incidents) for that place and period whose figure for the measure figcheck "
            "does not hold, and the claim lies on that scope's side; so no alarm"
        ),
    ),
    Rule.NAMED_SOURCE_SILENT: (
        Verdict.UNVERIFIABLE,
        (
            "the named source has no figure for that place, period and measure on record "
            "(or figcheck holds none of its figures); other publishers are context only"
        ),
    ),
    Rule.NAMED_SOURCE_SILENT_OTHER_AGREES: (
        Verdict.MISATTRIBUTED,
        "the named source has no such figure on record, but another publisher states it",
    ),
    Rule.NAMED_SOURCE_DISAGREES_OTHER_AGREES: (
        Verdict.MISATTRIBUTED,
        "the named source gives another figure, and another publisher states this one",
    ),
    Rule.SOURCES_AGREE: (
        Verdict.SUPPORTED,
        (
            "no source named; a publisher states the figure and none disagrees (bounds that "
            "cannot rule it out are shown as context)"
        ),
    ),
    Rule.SOURCES_DISAGREE: (
        Verdict.CONTRADICTED,
        "no source named; every publisher measuring it by a comparable definition disagrees",
    ),
    Rule.SOURCES_SPLIT: (
        Verdict.DISPUTED,
        (
            "no source named; the figure is right by one publisher's count and not by another's, "
            "or comparable publishers disagree with it and others cannot rule it out"
        ),
    ),
    Rule.ONE_PUBLISHER_DIFFERS: (
        Verdict.UNVERIFIABLE,
        (
            "no source named; only one publisher measures it, and gives another figure: the "
            "article may follow a publisher that counts differently, so one count is shown, "
            "not taken as proof of an error"
        ),
    ),
    Rule.BELOW_EVERY_TOTAL: (
        Verdict.UNVERIFIABLE,
        (
            "no source named; the count is less than half of every publisher's figure for the "
            "whole place and period, so it most likely counts a part (a district, a group, one "
            "kind of victim) that the sentence names and figcheck did not bind"
        ),
    ),
    Rule.INHERITED_BINDING: (
        Verdict.UNVERIFIABLE,
        (
            "the sources give another figure, but the claim's place or period was not stated "
            "with it: figcheck took it from the rest of the article (its headline, opening or "
            "publisher's scope), or guessed its measure, and raises no alarm on a reading of "
            "its own"
        ),
    ),
    Rule.RUNNING_TALLY: (
        Verdict.UNVERIFIABLE,
        (
            "the period had not ended when the article appeared, and the sources' latest "
            "tally of it, made a few days earlier, gives another figure: the article may "
            "quote a newer tally, so figcheck raises no alarm"
        ),
    ),
    Rule.EARLIER_EDITION_AGREES: (
        Verdict.SUPPORTED,
        (
            "the publisher gave this figure in one edition of its report and revised it in a "
            "later one: quoting the earlier edition is no error (the revision is shown)"
        ),
    ),
    Rule.FINAL_COUNT_LATER: (
        Verdict.UNVERIFIABLE,
        (
            "the article gave the figure before its period was over, and only figures "
            "published after the article differ (the period's final count): the article may "
            "quote the publisher's count at the time, so figcheck raises no alarm"
        ),
    ),
    Rule.SOURCES_INCONCLUSIVE: (
        Verdict.UNVERIFIABLE,
        "no source named; publishers give only bounds that neither confirm nor rule it out",
    ),
    Rule.OTHER_DEFINITION_ONLY: (
        Verdict.UNVERIFIABLE,
        (
            "only publishers counting something else (e.g. all violence) disagree; "
            "they cannot contradict the figure on their own"
        ),
    ),
    Rule.WEEKDAY_MISMATCH: (Verdict.CONTRADICTED, "the stated weekday is not that date's"),
    Rule.EVENT_DATE_AGREES: (
        Verdict.SUPPORTED,
        "the event named in the sentence happened within the stated date",
    ),
    Rule.EVENT_DATE_DISAGREES: (
        Verdict.CONTRADICTED,
        "the event named in the sentence happened outside the stated date",
    ),
    Rule.CALENDAR_CONSISTENT: (
        Verdict.SUPPORTED,
        "no event on record, but the stated weekday matches the date",
    ),
}


class Comparison(StrEnum):
    """How one reference figure bears on a claim (``checks.precision.compare``)."""

    AGREES = "agrees"  # the figure establishes the claim at the claim's precision
    DISAGREES = "disagrees"  # the figure rules the claim out
    INCONCLUSIVE = "inconclusive"  # a bound that neither confirms nor rules out the claim


class Qualifier(StrEnum):
    """Canonical hedge words; each maps to an interval rule in ``checks.precision``."""

    OVER = "over"  # over, more than, above, exceeding: value > X
    AT_LEAST = "at_least"  # at least, as many as, no fewer than: value >= X
    UNDER = "under"  # under, less than, fewer than, below: value < X
    UP_TO = "up_to"  # up to, at most, no more than: value <= X
    NEARLY = "nearly"  # nearly, almost, just under: X - tol <= value <= X
    ABOUT = "about"  # about, around, roughly, some, an estimated: X +/- tol


class Stated(StrEnum):
    """Whether a reference figure was printed by its publisher or computed by figcheck."""

    STATED = "stated"
    DERIVED = "derived"


KINDS: list[str] = [k.value for k in Kind]
# Kinds written with a per cent sign ("84%", "+65%"); percentage points are written "pp".
PERCENT_KINDS: frozenset[str] = frozenset({Kind.PERCENT, Kind.SHARE, Kind.PERCENT_CHANGE})
# Figures measured against a base period; a rise is written with its sign ("+65%").
CHANGE_KINDS: frozenset[str] = frozenset({Kind.PERCENT_CHANGE, Kind.PERCENTAGE_POINTS})
VERDICTS: list[str] = [v.value for v in Verdict]
QUALIFIERS: list[str] = [q.value for q in Qualifier]
RULES: list[str] = [r.value for r in Rule]
COMPARISONS: list[str] = [c.value for c in Comparison]
