"""How numbers, dates, hedges and sources are written in news text: the extractor's grammar.

Every convention the claim extractor knows sits here, one compiled pattern (or a small group)
per convention, each with a comment on what it encodes. Word lists (qualifiers, change words,
scale words, number words) are plain data tables so they can be read and extended without
touching the logic in ``sources.extract``.

Rules for the patterns: no nested unbounded quantifiers over the same characters (so no
catastrophic backtracking), ASCII digits only (``[0-9]``: other scripts' digits are not
figures the pipeline can check), and offsets are always taken on the original text (never on
a lower-cased copy, whose length can differ for some Unicode characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.vocabulary import Qualifier


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` as a prefix tree, with flexible inner spaces.

    The tree ("f(?:ighters?|atalit(?:y|ies))") lets the engine test one branch per letter
    instead of every word in turn, which keeps big vocabularies fast; a greedy optional tail
    prefers the longest word, so "no more than" wins over "no" at the same position.
    """
    trie: dict = {}
    for word in {w.strip() for w in words if w.strip()}:
        node = trie
        for token in re.findall(r"\s+|.", word):
            node = node.setdefault(" " if token.isspace() else token, {})
        node[""] = {}  # end of a word
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """Regex for a prefix-tree node (helper of :func:`alternation`)."""
    ends = "" in node
    branches = [
        (r"\s+" if key == " " else re.escape(key)) + _trie_regex(child)
        for key, child in sorted(node.items())
        if key
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
    if ends:
        body = f"(?:{'|'.join(branches)})?"
    return body


# ---------------------------------------------------------------------------------------------
# Word tables (data)
# ---------------------------------------------------------------------------------------------

# Hedge words before a number and the canonical qualifier they stand for (AP / fact-checker
# usage, see shared/notes/verdicts.md). The extractor records the word; the judge interprets it.
QUALIFIER_WORDS: dict[str, Qualifier] = {
    "over": Qualifier.OVER,
    "more than": Qualifier.OVER,
    "above": Qualifier.OVER,
    "exceeding": Qualifier.OVER,
    "in excess of": Qualifier.OVER,
    "upwards of": Qualifier.OVER,
    "just over": Qualifier.OVER,
    "at least": Qualifier.AT_LEAST,
    "as many as": Qualifier.AT_LEAST,
    "as much as": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "a minimum of": Qualifier.AT_LEAST,
    "under": Qualifier.UNDER,
    "less than": Qualifier.UNDER,
    "fewer than": Qualifier.UNDER,
    "below": Qualifier.UNDER,
    "up to": Qualifier.UP_TO,
    "at most": Qualifier.UP_TO,
    "no more than": Qualifier.UP_TO,
    "a maximum of": Qualifier.UP_TO,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "just under": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "approx.": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "estimated": Qualifier.ABOUT,
    "an approximate": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT,
}

# Hedges written after the number ("90% or more").
TRAILING_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST,
    "or above": Qualifier.AT_LEAST,
    "and above": Qualifier.AT_LEAST,
    "or less": Qualifier.UP_TO,
    "or fewer": Qualifier.UP_TO,
    "and below": Qualifier.UP_TO,
    "-plus": Qualifier.OVER,
    "plus": Qualifier.OVER,
}

# Nouns naming a change, written after a percent ("65% increase") or before "of X%"
# ("a rise of 12%"); True when the change is a decrease (the value is then negative).
CHANGE_NOUNS: dict[str, bool] = {
    "increase": False, "rise": False, "surge": False, "spike": False, "jump": False,
    "uptick": False, "growth": False, "hike": False, "gain": False, "climb": False,
    "boost": False, "upsurge": False,
    "decline": True, "drop": True, "fall": True, "decrease": True, "reduction": True,
    "dip": True, "plunge": True, "slump": True, "cut": True, "downturn": True,
}

# Verbs of change followed by "(by) X%" ("rose by 12%", "fell 5%", "up 3%");
# True when the change is a decrease.
CHANGE_VERBS: dict[str, bool] = {
    "rose": False, "risen": False, "rising": False, "rises": False, "rise": False,
    "increased": False, "increasing": False, "increases": False, "increase": False,
    "grew": False, "grown": False, "growing": False, "grows": False,
    "jumped": False, "jumps": False, "jumping": False,
    "surged": False, "surges": False, "surging": False,
    "climbed": False, "climbs": False, "climbing": False,
    "soared": False, "soars": False, "soaring": False,
    "spiked": False, "went up": False, "gone up": False, "up": False, "higher": False,
    "fell": True, "fallen": True, "falling": True, "falls": True,
    "declined": True, "declines": True, "declining": True,
    "dropped": True, "drops": True, "dropping": True,
    "decreased": True, "decreases": True, "decreasing": True,
    "plunged": True, "plummeted": True, "slumped": True, "shrank": True, "shrunk": True,
    "went down": True, "gone down": True, "down": True, "lower": True, "dipped": True,
}

# Comparatives after a percent that make it a change ("12% more attacks than", "5% lower").
CHANGE_COMPARATIVES: dict[str, bool] = {
    "more": False, "higher": False, "greater": False, "up": False,
    "fewer": True, "less": True, "lower": True, "down": True,
}

# Multipliers written after a figure ("1.2 million", "3m", "$3bn", "2.5 lakh", "1.5 crore").
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}

# Cardinal number words and what they add or multiply.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIER_WORDS: dict[str, int] = {"hundred": 100, "dozen": 12}
BIG_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "crore": 1e7,
}

# Vague plurals: "tens of thousands" is read as its lower bound (20,000) with the qualifier
# at_least; "dozens" = at least 24, "hundreds" = at least 200 and so on. A documented choice:
# the judge widens these like any "at least" figure.
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24, "tens": 20, "scores": 40, "hundreds": 200, "thousands": 2000,
    "millions": 2e6, "billions": 2e9, "lakhs": 2e5, "crores": 2e7,
}

# Fractions of a whole, read as shares in percent when followed by "of" ("two-thirds of").
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

# Currency signs and words, to ISO 4217 codes. "Rs" is read as Pakistani rupees: figcheck
# checks Pakistani and Afghan news, where "Rs" is PKR (Indian text usually writes "₹"/"INR").
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP", "€": "EUR",
    "EUR": "EUR", "₹": "INR", "INR": "INR", "Rs.": "PKR", "Rs": "PKR", "PKR": "PKR",
    "AFN": "AFN", "Afs": "AFN", "؋": "AFN",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "us dollars": "USD", "rupees": "PKR", "pakistani rupees": "PKR",
    "indian rupees": "INR", "euros": "EUR", "pounds": "GBP", "afghanis": "AFN",
}

# Nouns that make a bare number (or a year-like one, or a small number word) a count:
# "2000 people", "three soldiers".
COUNT_NOUNS = [
    "people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops",
    "children", "women", "men", "refugees", "families", "members", "policemen", "officers",
    "personnel", "workers", "residents", "migrants", "prisoners", "victims", "households",
    "cases", "schools", "villages", "districts", "operations", "raids", "bombings", "blasts",
    "explosions", "students", "individuals", "returnees", "nationals", "deportees",
]

# Abbreviations whose full stop does not end a sentence ("Mr. Asif", "No. 5", "U.S.").
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "capt", "maj", "sgt", "gov",
    "sen", "rep", "jr", "sr", "no", "nos", "vol", "fig", "p", "pp", "vs", "v", "etc", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "approx", "est", "dept", "govt", "ft", "mt", "rs", "e.g", "i.e",
}

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

# A written figure: thousands separators ("5,000"), Indian grouping ("1,50,000"), decimals.
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]+(?:\.[0-9]+)?"
_CURRENCY = alternation(CURRENCY_PREFIXES)
_SCALE_LONG = alternation(SCALE_WORDS)
_SCALE_SHORT = alternation(SCALE_ABBREVIATIONS)
_CURRENCY_WORD = alternation(CURRENCY_WORDS)

# One figure with what is glued to it: a currency before ("$3bn", "Rs50 billion"), a scale word
# or abbreviation after ("1.2 million", "3m"), a percent or percentage-point unit, a currency
# word. Not a figure: digits inside words or names ("G20", "F-16", "Covid-19": a letter and a
# hyphen before), ordinals and decades ("2nd", "1990s": a letter after), times ("10:30",
# "10 am"), versions and dotted numbers ("3.1.1"), fractions and dates written with slashes,
# footnote markers ("[3]"), ages and compounds ("19-year-old").
NUMBER = re.compile(
    rf"""
    (?=[-−$£€₹؋0-9]|[A-Za-z]{{1,3}}[$.]?\s?[0-9])  # cheap first test: a digit or a currency
    (?<![\w.,:/\[$£€₹])(?<![^\W\d_]-)
    (?P<neg>[-−](?=[0-9]))?
    (?P<cur>(?:{_CURRENCY})\s?)?
    (?P<num>{_DIGITS})(?![.,][0-9])
    (?P<scale>\s*(?:{_SCALE_LONG})\b|(?:{_SCALE_SHORT})\b)?
    (?P<unit>\s?%|\s*(?:percent|per\s?cent)\b|\s*percentage[\s-]+points?\b|\s*(?:pp|ppts?)\b
       |\s+(?:{_CURRENCY_WORD})\b)?
    (?!\w|:[0-9]|/[0-9]|-[^\W\d_]|\]|\s?(?:[ap]\.?m\b\.?|o['’]clock))
    """,
    re.VERBOSE | re.IGNORECASE,
)

_UNIT_WORDS = alternation(UNIT_WORDS)
_MULT_WORDS = alternation([*MULTIPLIER_WORDS, *BIG_WORDS])
_NUMWORD = rf"(?:{_UNIT_WORDS}|{_MULT_WORDS})"
# "and" joins number words only after a multiplier ("two hundred and fifty"), so that
# "between ten and twenty" stays two numbers.
_AND_AFTER_MULT = (
    r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion)|(?<=lakh)"
    r"|(?<=crore))\s+and\s+"
)
# Cardinals in words: "twenty-five", "a dozen", "two hundred and fifty", "three million";
# an optional "a" only before a multiplier ("a hundred", "a dozen", "a million"). Not before
# a hyphen ("one-third", "twenty-five-year-old").
NUMBER_WORDS = re.compile(
    rf"\b(?:an?\s+(?=(?:{_MULT_WORDS})\b))?{_NUMWORD}(?:(?:{_AND_AFTER_MULT}|[ \t-]+){_NUMWORD})*"
    rf"\b(?!-)",
    re.IGNORECASE,
)

# Percent units written after a number word ("three percent", "five per cent").
PERCENT_AFTER_WORD = re.compile(r"\s*(?:%|percent\b|per\s?cent\b)", re.IGNORECASE)
PP_AFTER_WORD = re.compile(r"\s*percentage[\s-]+points?\b", re.IGNORECASE)

# Vague plurals: "tens of thousands", "hundreds", "dozens of" (see VAGUE_PLURALS).
VAGUE = re.compile(
    rf"\b(?P<base>{alternation(VAGUE_PLURALS)})"
    r"(?:\s+of\s+(?P<of>thousands|millions|billions|lakhs|crores)\b)?",
    re.IGNORECASE,
)

_NUMERATOR = r"a|one|two|three|four|five|six|seven|eight|nine"
# Fractions followed by "of": "half of", "a third of", "two-thirds of", "three quarters of".
# "third" without a numerator is an ordinal ("the third of July") and is left alone.
FRACTION = re.compile(
    rf"\b(?:(?P<numerator>{_NUMERATOR})[\s-]+(?P<den>{alternation(FRACTION_DENOMINATORS)})"
    rf"|(?P<half>half))(?=\s+of\b)",
    re.IGNORECASE,
)

_SMALL = r"[0-9]{1,4}|" + alternation([w for w, v in UNIT_WORDS.items() if 0 < v <= 20])
# Ratios: "one in five", "1 in 4", "one out of three" (value = a / b).
RATIO = re.compile(
    rf"\b(?P<a>{_SMALL})\s+(?:in|out\s+of)\s+(?P<b>{_SMALL}|(?:a|one)\s+(?:hundred|thousand))\b"
    r"(?![.,:][0-9])",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Words around a number (checked on a short window before or after it)
# ---------------------------------------------------------------------------------------------

# A hedge right before the number ("over 90%", "no more than 5"); anchored at the window end.
QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{alternation(QUALIFIER_WORDS)})\s+\Z", re.IGNORECASE)
# A hedge right after the number ("90% or more", "5,000-plus").
QUALIFIER_AFTER = re.compile(
    rf"(?P<q>\s+(?:{alternation(w for w in TRAILING_QUALIFIER_WORDS if not w.startswith('-'))})\b"
    r"|-plus\b)",
    re.IGNORECASE,
)

# "65% increase", "5 percent rise": a change noun right after a percent.
CHANGE_NOUN_AFTER = re.compile(
    rf"\s+(?P<w>{alternation(CHANGE_NOUNS)})\b", re.IGNORECASE
)
# "12% more attacks", "5% lower": a comparative right after a percent.
COMPARATIVE_AFTER = re.compile(
    rf"\s+(?P<w>{alternation(CHANGE_COMPARATIVES)})\b(?!\s+than\b)", re.IGNORECASE
)
# "an increase of 12%", "a drop of nearly 5%": a change noun and "of" before the percent.
CHANGE_NOUN_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(CHANGE_NOUNS)})\s+of\s+(?P<q>(?:{alternation(QUALIFIER_WORDS)})\s+)?\Z",
    re.IGNORECASE,
)
# "rose by 12%", "fell 5%", "up 3%": a change verb, optionally "by", before the percent.
# "up to" is a qualifier, not a change: the negative lookahead sits in the extractor.
CHANGE_VERB_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(CHANGE_VERBS)})\s+(?:by\s+)?(?P<q>(?:{alternation(QUALIFIER_WORDS)})\s+)?\Z",
    re.IGNORECASE,
)
# "up"/"down" before a percent are a change only after a form of "be" or a comma: "attacks
# were up 20%", "deaths, down 5%"; not "made up 40%" or "up to 12%".
UP_DOWN_AS_CHANGE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|remain(?:s|ed)?|now)|[’']s|,)\s+\Z", re.IGNORECASE
)
# "rose from 419 to 693": a change between two stated levels, not a range.
CHANGE_FROM_BEFORE = re.compile(
    rf"\b(?:{alternation(CHANGE_VERBS)}|{alternation(CHANGE_NOUNS)})\s+from\s+\Z", re.IGNORECASE
)
# "X% of <noun>" makes a share; the noun (after optional determiners) is part of the claim.
SHARE_OF = re.compile(
    r"\s+of\s+(?:(?:the|all|total|its|their|these|those|reported|recorded)\s+){0,3}"
    r"(?P<noun>[^\W\d_][\w’'-]*)",
    re.IGNORECASE,
)
# "accounting for 90%", "a share of 40%", "made up 40%": a percent read as a share.
SHARE_BEFORE = re.compile(
    r"\b(?:account(?:ing|ed|s)?\s+for|share\s+of|made\s+up|make\s+up|makes\s+up|proportion\s+of)"
    r"\s+(?:(?:about|around|over|nearly|almost|some|roughly|more\s+than|less\s+than|at\s+least)\s+)?\Z",
    re.IGNORECASE,
)
# Range separators between two figures: "5,000 to 6,000", "5,000-6,000", "5,000–6,000".
RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—)\s*|\s+to\s+", re.IGNORECASE)
# "between 20 and 30": "between" before the first figure, "and" between the two.
BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
AND_SEPARATOR = re.compile(r"\s+and\s+", re.IGNORECASE)

# Words before a number that make it part of a name or a reference, not a figure:
# "Resolution 1988", "Article 370", "No. 5", "page 12", "Flight 370".
NAME_BEFORE = re.compile(
    r"\b(?:resolution|article|section|chapter|clause|paragraph|para|page|pages|p|pp|no|nos"
    r"|vol|volume|figure|fig|table|annex|appendix|item|flight|route|highway|room|gate"
    r"|platform|phase|category|grade|class|season|episode|rule|sura|surah|verse|channel"
    r"|level|version|psalm|number)\.?\s*#?\Z",
    re.IGNORECASE,
)
# A year-like number is always a year after these words ("in 2023", "since 2021"); after
# others it is a year too unless a count noun follows ("2000 people"): "A 2023 report".
YEAR_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|through|throughout|fiscal|fy|early|late|mid|before"
    r"|after|year)[\s-]*\Z",
    re.IGNORECASE,
)
_COUNT_NOUN_ALT = alternation(COUNT_NOUNS)
# A count noun right after a number ("2000 people", "three soldiers").
COUNT_NOUN_AFTER = re.compile(rf"\s+(?:{_COUNT_NOUN_ALT})\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Dates and periods
# ---------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"
# Month names are matched case-sensitively: "march" and "may" are also ordinary words.
# "Thursday, June 27", "June 27, 2024", "June 27th".
DATE_MONTH_DAY = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    rf"(?![0-9%]|,[0-9]|\.[0-9]|:)(?:,?\s+(?P<year>{_YEAR})(?![0-9]))?\b"
)
# "27 June 2024", "Thursday, 27 June", "the 27th of June".
DATE_DAY_MONTH = re.compile(
    rf"(?=[0-9MTWFS])(?:\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?)?(?<![0-9.,])(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR})(?![0-9]))?\b"
)
# "March 2024".
DATE_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<year>{_YEAR})(?![0-9])\b")
# "In March", "since May", "early June": a month with no day or year needs its preposition
# to be told from a verb ("to march", "may"); the preposition is part of the claim.
DATE_MONTH_ONLY = re.compile(
    rf"\b(?:[Ii]n|IN|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Ll]ast|"
    rf"[Tt]his|[Mm]id-?|[Ee]nd\s+of|[Ss]tart\s+of|[Bb]eginning\s+of)\s+(?P<mon>{_MONTH})\b"
    rf"(?!\s+[0-9])"
)
# ISO dates "2024-06-27".
DATE_ISO = re.compile(r"(?<![0-9-])(?P<year>[0-9]{4})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])")
# Relative periods: context only, never claims ("last year", "yesterday").
RELATIVE_PERIOD = re.compile(
    r"\b(?P<rel>last\s+year|past\s+year|previous\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|ago|before)"
    r"|this\s+year|current\s+year|yesterday|today|last\s+month|this\s+month|year[\s-]on[\s-]year)\b",
    re.IGNORECASE,
)
# A relative period that is the base of a comparison ("compared with last year").
BASE_BEFORE = re.compile(
    r"\b(?:from|since|compared\s+(?:with|to)|than|over|against|on)\s+(?:the\s+)?\Z", re.IGNORECASE
)
# Past-tense markers: a sentence without a time reference is dated to the publication year
# only when it is in the present tense ("Durrani estimates that ...").
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|ago|said|found|recorded|reported|killed|died|rose|fell|increased"
    r"|decreased|declined|dropped|grew|jumped|surged|launched|claimed|stated|estimated|counted"
    r"|previously|formerly|earlier)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Sentences and clauses
# ---------------------------------------------------------------------------------------------

# Candidate sentence ends: terminal punctuation (with closing quotes or brackets) before
# whitespace, or a line break. The extractor rejects abbreviations and lower-case follow-ons.
SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")
# Clause breaks inside a sentence: a comma, semicolon or colon before a space, or a dash
# set off by spaces. Commas inside figures ("5,000") have no space after them.
CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[–—-]\s|—")
# The word right after a claim: a figure followed by a function word or punctuation has no
# noun of its own ("rising to 70,000 when including families") and continues the subject
# of the figure before it.
NEXT_WORD = re.compile(r"\s*([^\W\d_][\w’'-]*)")
FUNCTION_WORDS = {
    "when", "while", "with", "in", "on", "at", "by", "for", "from", "to", "of", "and", "or",
    "but", "as", "this", "that", "last", "the", "a", "an", "if", "after", "before", "since",
    "during", "according", "each", "per", "more", "less", "compared", "than", "over", "under",
    "were", "was", "are", "is", "had", "have", "has", "year", "years", "so", "then",
}

# ---------------------------------------------------------------------------------------------
# Regions and sources (binding)
# ---------------------------------------------------------------------------------------------

# A locative preposition right before a place: "deaths in Pakistan", "sheltering in Afghanistan".
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|within|throughout|inside|at|of)\s+(?:the\s+)?\Z", re.IGNORECASE
)
# A place named only incidentally: "bordering Afghanistan", "envoy for Afghanistan".
INCIDENTAL_BEFORE = re.compile(
    r"\b(?:bordering|borders?|border\s+with|neighbou?ring|adjacent\s+to|envoy\s+(?:for|to)"
    r"|ambassador\s+(?:to|for)|minister\s+(?:for|of)|representative\s+(?:for|to)"
    r"|relations\s+with|talks\s+with|ties\s+with)\s+(?:the\s+)?\Z|-\Z",
    re.IGNORECASE,
)
# A place that qualifies a person or a body names its office or seat, not where a number was
# counted: "Pakistan's special envoy", "Pakistan's defense minister", "Islamabad-based".
INCIDENTAL_AFTER = re.compile(
    r"-based\b|[’']s\s+(?:[^\W\d_]+\s+){0,2}?(?:envoy|minister|ambassador|president|prime\s+minister"
    r"|government|army|military|spokes(?:man|person|woman)|foreign\s+office|ministry"
    r"|officials?|leader|authorities|chief|representative|delegation|embassy)\b",
    re.IGNORECASE,
)
# What may stand between places of one group: "Khyber Pakhtunkhwa and Balochistan",
# "Afghanistan's eastern Paktika and Khost".
# (Used with fullmatch on the short gap between two places; one \s* per token, so no
# ambiguous backtracking.)
REGION_GLUE = re.compile(
    r"\s*(?:(?:,|and\b|&|or\b|as\s+well\s+as\b|[’']s\b|the\b|eastern\b|western\b|northern\b"
    r"|southern\b|central\b|north-?western\b|south-?western\b|north-?eastern\b"
    r"|south-?eastern\b|provinces?\b|regions?\b)\s*)*",
    re.IGNORECASE,
)
# "X and Y provinces, ..., accounting for 90%": the subject before the verb holds the share.
ACCOUNTING_FOR = re.compile(r"\baccount(?:ing|ed|s)?\s+for\b", re.IGNORECASE)

# Attribution before a source: "according to PIPS", "a report by the Islamabad-based PIPS".
ATTRIBUTION_BEFORE = re.compile(
    r"(?:\baccording\s+to|\b(?:report|study|survey|analysis|data|figures|estimates?|count|tally"
    r"|research|statistics|findings)\s+(?:by|from|of)|\bpublished\s+by|\bcompiled\s+by)"
    r"\s+(?:the\s+)?(?:[\w-]+-based\s+)?\Z",
    re.IGNORECASE,
)
# Attribution after a source: "Durrani, ..., estimates", "PIPS (...) found", "PIPS's report".
# "told" is deliberately absent: the teller of an interview does not state the figure.
ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,.;]{0,80},\s*|,\s*)?(?:has\s+|have\s+|had\s+)?"
    r"(?:previously\s+|also\s+|recently\s+)?"
    r"(?:said|says|say|stated|states|claimed|claims|estimates?|estimated|reported|reports"
    r"|found|finds|recorded|records|counted|counts|noted|notes|believes|believed|added"
    r"|put\s+the|puts\s+the|showed|shows|revealed|reveals|documented|documents)\b"
    r"|[’']s?\s+(?:annual\s+|latest\s+|new\s+)?(?:report|data|figures|study|survey|estimates?"
    r"|count|tally|analysis|statistics)\b",
    re.IGNORECASE,
)
# "according to <Name>" for names not in the source vocabulary: capitalised words.
ACCORDING_TO_NAME = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<name>[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+){0,2}"
    r"[A-Z][\w.&’'-]*){0,6})"
)
