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
from collections.abc import Iterable, Iterator

from checks.vocabulary import Qualifier

# Characters that re.IGNORECASE matches with an ASCII letter although ``str.lower`` does not
# turn them into it (dotless i, long s): the only ones, checked over all of Unicode by
# tests/test_patterns_fold.py.
_FOLD_UNSAFE = "\u0131\u017f"
_DOTLESS_I, _LONG_S = _FOLD_UNSAFE  # tested one by one (``lowered_for_matching``)


def lowered_for_matching(text: str, low: str | None = None) -> str | None:
    """``text.lower()`` (``low`` if given) when a lower-case pattern run on it without
    ``re.IGNORECASE`` finds exactly what the case-insensitive pattern finds on ``text``, else
    None (lower-casing changed the length, so offsets would not line up, or the text holds a
    character that case folding and lower-casing treat differently).

    Case folding is the costly part of a ``\\b``-led case-insensitive scan: the lower-cased
    copy halves it (``*_LOW`` patterns below).
    """
    low = text.lower() if low is None else low
    # (``in`` finds one character much faster than a regex character class scans for it;
    # the two tests written out, not a generator over ``_FOLD_UNSAFE``: this runs for every
    # window searched, tens of thousands of times per MB.)
    if len(low) != len(text) or _DOTLESS_I in text or _LONG_S in text:
        return None
    return low


def found_lowered(rx: re.Pattern[str], rx_low: re.Pattern[str], text: str, lo: int, hi: int,
                  needs: tuple[str, ...] = ()) -> bool:
    """Whether ``rx.search(text, lo, hi)`` finds a match, read with ``rx_low`` (``rx``'s
    lower-case pattern without ``re.IGNORECASE``) from the lower-cased stretch when
    ``lowered_for_matching`` allows it: case folding is most of the cost of a ``\\b``-led
    case-insensitive search, which tries every position (a sentence's tense, a window
    before a year). The character before ``lo`` is lower-cased with the stretch, so that a
    word boundary at ``lo`` reads as in the text (lower-casing keeps word characters).

    ``needs``: lower-case words of which every ``rx_low`` match holds one; a stretch that
    holds none is not searched (``in`` finds a word much faster than the pattern is tried at
    every position)."""
    start = lo - 1 if lo > 0 else lo
    # ``lowered_for_matching``'s test, written out: one call less for every window.
    stretch = text[start:hi]
    low = stretch.lower()
    if len(low) != len(stretch) or _DOTLESS_I in stretch or _LONG_S in stretch:
        return rx.search(text, lo, hi) is not None
    if needs:
        for word in needs:
            if word in low:
                break
        else:
            return False
    return rx_low.search(low, lo - start) is not None


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
    # comparatives ("greater than 50%", "deaths exceeded 3,000")
    "greater than": Qualifier.OVER,
    "larger than": Qualifier.OVER,
    "bigger than": Qualifier.OVER,
    "higher than": Qualifier.OVER,
    "exceed": Qualifier.OVER,
    "exceeds": Qualifier.OVER,
    "exceeded": Qualifier.OVER,
    "surpass": Qualifier.OVER,
    "surpasses": Qualifier.OVER,
    "surpassed": Qualifier.OVER,
    "surpassing": Qualifier.OVER,
    "smaller than": Qualifier.UNDER,
    "lower than": Qualifier.UNDER,
}


def _or_equal_phrases() -> dict[str, Qualifier]:
    """Inclusive comparatives in their usual orders: "less than or equal to", "equal to or
    more than", "greater or equal than" (a common non-native form), "at least or equal to"."""
    phrases: dict[str, Qualifier] = {}
    for words, strict, inclusive in (
        (("more", "greater", "larger", "bigger", "higher"), Qualifier.OVER, Qualifier.AT_LEAST),
        (("less", "fewer", "smaller", "lower"), Qualifier.UNDER, Qualifier.UP_TO),
    ):
        for w in words:
            phrases[f"{w} than or equal to"] = inclusive
            phrases[f"{w} or equal to"] = inclusive
            phrases[f"{w} or equal than"] = inclusive
            phrases[f"equal to or {w} than"] = inclusive
    phrases["at least or equal to"] = Qualifier.AT_LEAST
    phrases["at most or equal to"] = Qualifier.UP_TO
    return phrases


QUALIFIER_WORDS.update(_or_equal_phrases())

# Comparison signs before a figure (">90%", "<= 100"); "=>", "=<" and "<>" are not read.
QUALIFIER_SYMBOLS: dict[str, Qualifier] = {
    ">": Qualifier.OVER, ">=": Qualifier.AT_LEAST, "≥": Qualifier.AT_LEAST,
    "<": Qualifier.UNDER, "<=": Qualifier.UP_TO, "≤": Qualifier.UP_TO,
}

# Hedges written after the number ("90% or more").
TRAILING_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST,
    "and more": Qualifier.AT_LEAST,
    "or greater": Qualifier.AT_LEAST,
    "or higher": Qualifier.AT_LEAST,
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
    "jumped": False, "jumps": False, "jumping": False, "jump": False,
    "surged": False, "surges": False, "surging": False, "surge": False,
    "climbed": False, "climbs": False, "climbing": False, "climb": False,
    "soared": False, "soars": False, "soaring": False, "soar": False,
    "spiked": False, "spikes": False, "spike": False, "grow": False, "went up": False, "gone up": False, "up": False, "higher": False,
    "fell": True, "fallen": True, "falling": True, "falls": True, "fall": True,
    "declined": True, "declines": True, "declining": True, "decline": True,
    "dropped": True, "drops": True, "dropping": True, "drop": True,
    "decreased": True, "decreases": True, "decreasing": True, "decrease": True,
    "plunged": True, "plunge": True, "plunges": True, "dip": True, "dips": True, "plummeted": True, "slumped": True, "shrank": True, "shrunk": True,
    "went down": True, "gone down": True, "down": True, "lower": True, "dipped": True,
}

# Comparatives after a percent that make it a change ("12% more attacks than", "5% lower").
CHANGE_COMPARATIVES: dict[str, bool] = {
    "more": False, "higher": False, "greater": False, "up": False,
    "fewer": True, "less": True, "lower": True, "down": True,
}

# Multipliers written after a figure ("1.2 million", "3m", "$3bn", "2.5 lakh", "1.5 crore").
# "lakh crore" (10^12) is how Indian and Pakistani budgets are written ("Rs3 lakh crore").
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
    "lakh crore": 1e12, "lakh crores": 1e12,
}
# Abbreviations glued to the figure ("3m", "$3bn", "10k", "2mil"). A single letter is read as
# a scale only when glued: "5 m" and "10 k" are metres and kilometres as often as millions.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "tln": 1e12,
}
# Abbreviations that are unambiguous even after a space ("10 bln", "5 mn").
SCALE_ABBREVIATIONS_SPACED: dict[str, float] = {
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "trn": 1e12, "tln": 1e12,
}

# Cardinal number words and what they add or multiply. "nought"/"naught" are British zero.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEEN_WORDS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Multipliers inside a group of three digits: "three hundred", "two dozen(s)", "3 dz".
MULTIPLIER_WORDS: dict[str, int] = {
    "hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12, "dz": 12, "dzs": 12,
    "doz": 12, "dozs": 12,
}
# Group multipliers: "two hundred and two thousand", "three lakh crore" (a larger one after a
# smaller one multiplies everything before it).
BIG_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Ordinal words and the cardinal they stand for; their plurals ("fifths") are denominators.
# Ordinals are recognised so that they are excluded ("the second most affected province"),
# never turned into figures.
ORDINAL_WORDS: dict[str, float] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
# Denominators that are not ordinals: "a half", "three quarters", "three halves".
HALF_WORDS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Words that make the number after them negative ("minus five percent").
SIGN_WORDS = ("minus", "negative")

# Vague plurals: "tens of thousands" is read as its lower bound (20,000) with the qualifier
# at_least; "dozens" = at least 24, "hundreds" = at least 200 and so on. A documented choice:
# the judge widens these like any "at least" figure.
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24, "tens": 20, "scores": 40, "hundreds": 200, "thousands": 2000,
    "millions": 2e6, "billions": 2e9, "lakhs": 2e5, "crores": 2e7,
}
# Plurals that may follow "of" in a vague figure: "tens of thousands".
VAGUE_OF: dict[str, float] = {
    "thousands": 1e3, "millions": 1e6, "billions": 1e9, "lakhs": 1e5, "crores": 1e7,
}
# Unicode vulgar fractions ("2½", "¾").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
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

# A written figure: thousands separators ("5,000"), Indian grouping ("1,50,000"), groups of
# three set off by a (thin, no-break) space ("40 000", SI style: the first group has at most
# three digits and every later one exactly three), decimals, a leading decimal point (".25"),
# and an exponent ("1.3e6").
_DIGITS = (
    r"[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?"
    r"|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+(?![.,]?[0-9]))?"
    r"|\.[0-9]+"
)
# Currency signs are matched by NUMBER itself; currency codes and abbreviations written
# before a figure ("Rs50", "USD 5", "US$3bn") are read by looking back from the figure
# (``CURRENCY_CODE_BEFORE``), which keeps letters out of NUMBER's first test.
_CURRENCY_SIGNS = "".join(sorted({k for k in CURRENCY_PREFIXES if len(k) == 1}))
_CURRENCY_CODES = [k for k in CURRENCY_PREFIXES if len(k) > 1]
# A figure glued to a code ("Rs50", "Rs.50", "PKR5") may follow a letter.
_CODE_LOOKBEHIND = "|".join(
    f"(?<={re.escape(code)})" for code in sorted({c for c in _CURRENCY_CODES if "$" not in c})
)
_CODES_LONGEST_FIRST = "|".join(
    re.escape(c) for c in sorted(_CURRENCY_CODES, key=len, reverse=True) if not c.endswith("$")
)
CURRENCY_CODE_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<code>{_CODES_LONGEST_FIRST})\s?\Z")
# "US$": the sign is matched by NUMBER; "US" before it makes it US dollars explicitly.
US_BEFORE_SIGN = re.compile(r"(?<![^\W\d_])US\Z")
_SCALE_LONG = alternation(SCALE_WORDS)
_SCALE_SHORT = alternation(SCALE_ABBREVIATIONS)
_SCALE_SPACED = alternation(SCALE_ABBREVIATIONS_SPACED)
_CURRENCY_WORD = alternation(CURRENCY_WORDS)
_VULGAR = "".join(VULGAR_FRACTIONS)

# One figure with what is glued to it: a currency before ("$3bn", "Rs50 billion"), a scale word
# or abbreviation after ("1.2 million", "3m"), a percent or percentage-point unit, a currency
# word. Identifiers are matched whole so that no figure is read inside them: phone numbers,
# IP addresses, versions, slashed dates ("+1-222-2222", "192.168.1.2", "5/17/2018": three or
# more digit groups joined by "-", "." or "/"). Not a figure either: digits inside words or
# names ("G20", "F-16", "Covid-19": a letter and a hyphen before, unless the letter is a scale
# of a figure, as in "5k-20k"), decades ("1990s"), times ("10:30", "10 am"), dotted numbers,
# fractions and dates written with slashes, footnote markers ("[3]"), compounds
# ("19-year-old"). Ordinal suffixes ("2nd") are matched so that the ordinal is recognised
# and excluded.
NUMBER = re.compile(
    rf"""
    (?=[-−+$£€₹؋0-9.{_VULGAR}])  # cheap first test (letters would slow every position)
    (?:(?<![\w.,:/\[$£€₹])|(?-i:(?:{_CODE_LOOKBEHIND})(?=[0-9])|(?<=US)(?=\$)))
    (?:(?<![^\W\d_]-)|(?<=[0-9][kKmMbB]-)|(?<=[0-9]bn-)|(?<=[0-9]mn-))
    (?:
      (?P<ident>\+?[0-9]+(?:[-./][0-9]+){{2,}})(?![0-9])
    |
      (?P<neg>(?<![-−–—])[-−](?=[0-9.]))?  # (not the end of a dash, "--12 in KP")
      (?P<cur>[{_CURRENCY_SIGNS}]\s?)?
      (?:(?P<num>{_DIGITS})(?P<vf>[{_VULGAR}])?|(?P<vfonly>[{_VULGAR}]))(?![.,][0-9])
      (?P<ord>st|nd|rd|th)?
      (?P<scale>\s*(?:{_SCALE_LONG})\b|(?:{_SCALE_SHORT})\b|\s(?:{_SCALE_SPACED})\b)?
      (?P<unit>\s?%|\s*(?:percents?|per\s?cent)\b|\s*percentage[\s-]+points?\b|\s*percentage\b
         |\s?pc\b|\s?p\.\s?c\.?(?!\w)|\s*(?:pp|ppts?)\b|\s+(?:{_CURRENCY_WORD})\b)?
      (?!\w|:[0-9]|/[0-9]|-[^\W\d_]|\]|\s?(?:[ap]\.?m\b\.?|o['’]clock))
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Where a NUMBER match can start. NUMBER opens with a lookahead and lookbehinds, so the
# regex engine tries it at every character of the text; this pattern opens with the same
# first characters as a class, which the engine skips to, and reads NUMBER's first
# lookbehind from the character after (a character that no word character, full stop,
# comma, colon, slash, bracket or currency sign precedes, or a digit or "$" after the last
# letter of a currency code or "US"). It holds every start of a NUMBER match and few other
# places ("Covid-19", "10:30"): ``numbers_in``.
NUMBER_START = re.compile(
    rf"[-−+$£€₹؋0-9.{_VULGAR}](?:(?<![\w.,:/\[$£€₹][\s\S])"
    rf"|(?<=[{re.escape(''.join(sorted({c[-1] for c in _CURRENCY_CODES} | {'S'})))}][0-9$]))"
)


def numbers_in(text: str) -> list[re.Match[str]]:
    """``NUMBER.finditer(text)``'s matches, NUMBER tried only where ``NUMBER_START`` matches
    (every place where a match can start): about a third faster on a long text."""
    return first_matches_at(NUMBER, (m.start() for m in NUMBER_START.finditer(text)), text)


# Characters that, right before a figure, suggest it sits inside a URL ("?q=30%25"); the
# recognizer then checks the whitespace-delimited token for "://" or "www.".
URL_HINT_CHARS = frozenset("=%?&#~+@*|^_")

# Number words, read by a small parser (``sources.numbers``) over runs of these tokens.
# A run starts with optional "weak" tokens (a, an, minus, negative, a figure in digits,
# "percent of") and needs one "strong" number word; then any number tokens follow, joined by
# spaces or hyphens. Requiring a strong word keeps the parser off the many "a"s and "and"s.
STRONG_WORDS = [
    *UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS, *BIG_WORDS, *ORDINAL_WORDS,
    *(w + "s" for w in ORDINAL_WORDS), *HALF_WORDS, *VAGUE_PLURALS, "scores", "tens",
]
_STRONG = alternation(STRONG_WORDS)
_WEAK_TAIL = alternation(["a", "an", "and", "point", "of", *SIGN_WORDS])
_WORD_DIGITS = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![\w.,])"
_PREFIX = rf"(?:(?:an?|{'|'.join(SIGN_WORDS)}|percents?\s+of|per\s?cent\s+of)\b|{_WORD_DIGITS})"
_SEP = r"(?:\s+|\s*[-–]\s*|\s*&\s*)"
WORD_RUN = re.compile(
    rf"(?<![\w.-])(?:(?:{_PREFIX}{_SEP})*(?:{_STRONG})\b"
    rf"(?:{_SEP}(?:(?:{_STRONG}|{_WEAK_TAIL})\b|{_WORD_DIGITS}))*"
    rf"|(?:percents?|per\s?cent)\s+of\s+{_WORD_DIGITS})",
    re.IGNORECASE,
)
# The same runs found fast on a lower-cased copy of the text: the strong word first (a plain
# prefix tree lets the regex engine skip ahead), then the weak tokens before it are added by
# looking back (``WORD_RUN_PREFIX``), and "percent of 10" has its own small pass.
WORD_RUN_FAST = re.compile(
    rf"(?:{_STRONG})\b(?:{_SEP}(?:(?:{_STRONG}|{_WEAK_TAIL})\b|{_WORD_DIGITS}))*"
)
WORD_RUN_PREFIX = re.compile(rf"(?<![\w.-])(?:{_PREFIX}{_SEP})+\Z")
PERCENT_OF_FAST = re.compile(rf"(?:percents?|per\s?cent)\s+of\s+{_WORD_DIGITS}")
WORD_RUN_PREFIX_WORDS = frozenset(["a", "an", "of", *SIGN_WORDS])
# Tokens inside a run: words (with "per cent" as one token), digits, "&".
WORD_TOKEN = re.compile(r"per\s?cents?|[^\W\d_]+|[0-9][0-9,]*(?:\.[0-9]+)?|&", re.IGNORECASE)
# A compound modifier after a number word: "five-year", "twenty-five-year-old".
COMPOUND_AFTER = re.compile(r"-([^\W\d_]+)")
# "one" after a determiner is a pronoun: "the one you mentioned", "which one", "no one".
PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:the|this|that|which|each|every|any|no|another|such|only|some|little|big|new|old)\s+\Z",
    re.IGNORECASE,
)

# Percent units written after a number word ("three percent", "five per cent").
PERCENT_AFTER_WORD = re.compile(
    r"\s*(?:%|percents?\b|per\s?cent\b|percentage\b(?![\s-]+points?))", re.IGNORECASE
)
PP_AFTER_WORD = re.compile(r"\s*percentage[\s-]+points?\b", re.IGNORECASE)
# "minus 5", "negative 3.2": a sign word before a figure in digits.
SIGN_BEFORE = re.compile(rf"\b(?:{'|'.join(SIGN_WORDS)})\s+\Z", re.IGNORECASE)

# Ratios between two recognised numbers: "one in five", "1 in 4", "one out of three".
RATIO_GAP = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Words around a number (checked on a short window before or after it)
# ---------------------------------------------------------------------------------------------

# A hedge right before the number ("over 90%", "no more than 5"); anchored at the window end.
QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?P<q>{alternation(QUALIFIER_WORDS)})\s+|(?<![<>=])(?P<sym>[<>](?:\s?=)?|[≤≥])\s*)\Z",
    re.IGNORECASE,
)
# A cheap test before QUALIFIER_BEFORE, which tries every position of its window: the last
# three characters of every hedge word (inner spaces as one space), and of every symbol.
_HEDGE_ENDINGS = frozenset(" ".join(w.lower().split())[-3:] for w in QUALIFIER_WORDS)
# Every hedge word with its inner spaces made one, the longest's length, and how many
# characters before a figure ``may_end_in_hedge`` reads to find them.
_HEDGE_PHRASES = tuple(sorted({" ".join(w.lower().split()) for w in QUALIFIER_WORDS}))
_HEDGE_LONGEST = max(map(len, _HEDGE_PHRASES))
_HEDGE_READ = 2 * _HEDGE_LONGEST
_HEDGE_SYMBOL_ENDS = "<>=≤≥"
_ASCII_SPACES = str.maketrans(dict.fromkeys(map(ord, "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"), " "))


def may_end_in_hedge(text: str, lo: int, end: int) -> bool:
    """False when ``QUALIFIER_BEFORE`` cannot match in ``text[lo:end]``; True when it may.

    A hedge word must end right before the spaces that end the window, and every hedge word
    is longer than three characters, so its last three must be one of ``_HEDGE_ENDINGS``
    ("killed 229": "led" is none). Non-ASCII text is left to the pattern (case folding
    matches some characters that ``str.lower`` does not turn into ASCII).
    """
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] in _HEDGE_SYMBOL_ENDS:
        return True
    if j == end:
        return False  # the window ends in neither a space nor a symbol
    tail = text[j - 3:j] if j - 3 >= lo else None
    if tail is None or not tail.isascii():
        return True
    if tail.lower().translate(_ASCII_SPACES) not in _HEDGE_ENDINGS:
        return False
    # The ending fits ("a total of": "upwards of" ends so too): the whole hedge, its inner
    # spaces made one, must end the window. Only the last characters are read; when their
    # words (spaces made one) are too few to hold the longest hedge, the answer is "may".
    start = max(lo, j - _HEDGE_READ)
    words = text[start:j]
    if not words.isascii():
        return True
    said = " ".join(words.lower().split())
    return (start > lo and len(said) <= _HEDGE_LONGEST) or said.endswith(_HEDGE_PHRASES)


# "How about 5", "what about 20": "about" as a preposition, not a hedge.
NOT_A_HEDGE_BEFORE = re.compile(r"\b(?:how|what)\s+\Z", re.IGNORECASE)
# A hedge right after the number ("90% or more", "5,000-plus").
QUALIFIER_AFTER = re.compile(
    rf"(?P<q>\s+(?:{alternation(w for w in TRAILING_QUALIFIER_WORDS if not w.startswith('-'))})\b"
    r"|-plus\b)(?!\s+than\b)",
    re.IGNORECASE,
)
# "more than 5000 or equal (to)": an inclusive bound written after the figure.
# Not when a figure follows: "more than 5000 or equal to 6000" states two figures.
OR_EQUAL_AFTER = re.compile(
    r"\s+or\s+equal(?:\s+to)?\b(?!\s+(?:to\s+)?[0-9])", re.IGNORECASE
)

# "65% increase", "5 percent rise": a change noun right after a percent.
CHANGE_NOUN_AFTER = re.compile(
    # ("a 65pc year-on-year increase": how often the change is taken may stand between)
    r"\s+(?:(?:year[\s-]on[\s-]year|month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|y-o-y"
    r"|yoy|annual|yearly|monthly|quarterly)\s+)?"
    rf"(?P<w>{alternation(CHANGE_NOUNS)})\b", re.IGNORECASE
)
# "12% more attacks", "5% lower": a comparative right after a percent.
COMPARATIVE_AFTER = re.compile(
    rf"\s+(?P<w>{alternation(CHANGE_COMPARATIVES)})\b(?!\s+than\b)", re.IGNORECASE
)
# An optional hedge word between a change word and the percent, at the window end.
_HEDGE_AT_END = rf"(?P<q>(?:{alternation(QUALIFIER_WORDS)})\s+)?\Z"
# "an increase of 12%", "a drop of nearly 5%": a change noun and "of" before the percent.
CHANGE_NOUN_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(CHANGE_NOUNS)})\s+of\s+{_HEDGE_AT_END}",
    re.IGNORECASE,
)


# "the increase was at least 18 percent": a change noun as the subject of the percent.
CHANGE_NOUN_WAS_BEFORE = re.compile(
    rf"\b(?:the|this|that)\s+(?P<w>{alternation(CHANGE_NOUNS)})\s+(?:was|is|stood\s+at"
    rf"|amounted\s+to|came\s+to)\s+{_HEDGE_AT_END}",
    re.IGNORECASE,
)
CHANGE_NOUN_WAS_HINTS = (" was ", " is ", " stood at ", " amounted to ", " came to ")


def may_end_in_word_or_hedge(before: str, word: str) -> bool:
    """False when a pattern that ends with ``word``, spaces and ``_HEDGE_AT_END`` (an
    optional hedge word and spaces: ``CHANGE_NOUN_BEFORE`` with "of",
    ``CHANGE_NOUN_IN_BY_BEFORE`` with "by") cannot match ``before``; True when it may.
    ``word`` must hold no letter that case folding matches to another character than its
    capital ("i", "k", "s")."""
    tail = before.rstrip()
    return len(tail) < len(before) and (
        tail[-len(word):].lower() == word or may_end_in_hedge(before, 0, len(before)))


# "a rise in bloodshed (casualties) by 23%": a change noun, what changed, then "by".
CHANGE_NOUN_IN_BY_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(CHANGE_NOUNS)})\s+in\s+(?:[^\W\d_][\w’'-]*\s+|\([^()]{{1,20}}\)\s+)"
    rf"{{1,3}}by\s+{_HEDGE_AT_END}",
    re.IGNORECASE,
)
# A ranking of changes that places then fill: "the steepest percentage fall in violence came
# in Punjab, almost 60%, then Sindh with 35%".
_RANKING = (r"most\s+significant|largest|biggest|highest|sharpest|steepest|greatest"
            r"|most\s+marked|most\s+notable")
RANKED_CHANGE = re.compile(
    rf"\b(?:{_RANKING})\s+(?:(?:percentage|percent|per\s+cent)\s+)?"
    rf"(?P<w>{alternation(CHANGE_NOUNS)})\b(?!\s+of\b)", re.IGNORECASE)


def may_rank_changes(text: str, lo: int, hi: int) -> bool:
    """False when ``RANKED_CHANGE`` cannot match in ``text[lo:hi]`` (none of its ranking
    words is there); True when it may."""
    window = text[lo:hi].lower()
    return any(w in window for w in ("significant", "largest", "biggest", "highest",
                                     "sharpest", "steepest", "greatest", "marked", "notable"))


# Between the ranked change and what changed: "decrease in violence".
CHANGED_WHAT_GAP = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?", re.IGNORECASE)
# Right before a place's percent in such a ranking: "followed by Punjab with 55%".
GIVEN_WITH = re.compile(r"\b(?:with|at)\s+\Z", re.IGNORECASE)
# Between the place and its percent: "in Sindh province, nearly 80%" (the hedge is in the
# claim's span already).
PLACE_THEN_PERCENT = re.compile(r"(?:\s+province)?\s*[,:–-]?\s*", re.IGNORECASE)
# "rose by 12%", "fell 5%", "up 3%": a change verb, optionally "by", before the percent.
# "up to" is a qualifier, not a change: the negative lookahead sits in the extractor.
CHANGE_VERB_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(CHANGE_VERBS)})\s+(?:by\s+)?"
    # "fell a further 32 percent": more of the change told before
    rf"(?:(?:a\s+further|another|an\s+additional|a\s+fresh)\s+)?{_HEDGE_AT_END}",
    re.IGNORECASE,
)
# A figure its publisher stated before a revision: "the 2,546 it reported earlier", "its
# initial estimate of 600", "the earlier figure of 490".
STATED_EARLIER_AFTER = re.compile(
    r"(?:\s+[^\W\d_][\w-]*)?\s+(?:it|they|the\s+[^\W\d_]+)\s+(?:had\s+)?(?:reported|given|published"
    r"|put|stated|announced|released)\s+(?:earlier|previously|initially|originally|before)\b",
    re.IGNORECASE)
# "the 2025 edition revised that figure to 517": a revision of the figure told before.
REVISED_TO_BEFORE = re.compile(
    r"\brevis(?:ed|es|ing)\s+(?:that|the|this|its)\s+(?:figure|count|tally|number|toll|total"
    r"|estimate)\s+(?:up(?:ward)?s?\s+|down(?:ward)?s?\s+)?to\s+\Z", re.IGNORECASE)
STATED_EARLIER_BEFORE = re.compile(
    r"\b(?:earlier|previous|initial|original|old|preliminary)\s+(?:figure|count|tally|toll"
    r"|estimate|total)\s+of\s+(?:about\s+|some\s+|nearly\s+)?\Z", re.IGNORECASE)
# A line's bullet or list number, if any, and the blanks around it.
_BULLET = r"[ \t]*(?:[-•*·–—]|\d{1,2}[.)])?[ \t]*"
# Before a place set as a line's label: "- Khyber Pakhtunkhwa: 27 attacks".
PLACE_LABEL_START = re.compile(_BULLET)
# "Source: Pak Institute for Peace Studies": a line naming the figures' source after them.
SOURCE_LINE = re.compile(r"(?m)^[ \t*_]*Sources?[ \t*_]*:[ \t]*")
# A Markdown pipe table: its lines (a bar first and last), and the rule under its header.
TABLE_LINE = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*$")
YEAR_CELL = re.compile(r"[ \t*]*((?:19|20)\d\d)[ \t*]*")
TABLE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*")
# A year before the tally it names: "2024 death toll", "2023 security report", "2025 data".
TALLY_OF_A_YEAR_AFTER = re.compile(
    r"\s+(?:[^\W\d_][\w-]*\s+){0,2}(?:toll|tally|tallies|figures|data|numbers|report"
    r"|statistics|edition|review)\b", re.IGNORECASE)
# "Attacks in KP have climbed steadily, from 260 in 2021 to 495 in 2022", "Deaths rose
# sharply, reaching 3,000": the levels of a change after the comma that follows its verb
# (LEVEL_OPEN: the clause opens on the level it started from or the one it reached).
CHANGE_VERB_COMMA_BEFORE = re.compile(
    rf"\b(?:{alternation(CHANGE_VERBS)})(?:\s+[^\W\d_]+ly)?\s*,\s*\Z", re.IGNORECASE)
LEVEL_OPEN = re.compile(
    r"\s*(?:from|reaching|to\s+reach|hitting|(?:climbing|rising|jumping|soaring|surging"
    r"|falling|dropping|declining)\s+to)\s+(?:a\s+(?:total|high|record)\s+of\s+)?",
    re.IGNORECASE)
# The dash that opens an aside right before a clause: "deaths — 1,081 in 2015 ...".
DASH_OPEN_BEFORE = re.compile(r"(?:\s[–—-]|—)\s*\Z")
# A list of figures a colon opens: "Its attacks have grown year after year: 573 in 2021, ...".
COLON_BEFORE = re.compile(r":\s*\Z")
# An aside on how a subject is counted: "..., as the index counts them, were 643".
AS_ASIDE_BEFORE = re.compile(
    r",\s*as\s+[^,.;:\d]{1,50}?\s(?:counts?|puts?|records?|reports?|tallies|defines?"
    r"|measures?)\s+(?:them|it)\s*,\s*\Z", re.IGNORECASE)
# "up"/"down" before a percent are a change only after a form of "be" or a comma: "attacks
# were up 20%", "deaths, down 5%"; not "made up 40%" or "up to 12%".
UP_DOWN_AS_CHANGE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|remain(?:s|ed)?|now)|[’']s|,)\s+\Z"
    # "306 (up 17 percent)": in brackets after a figure
    r"|\d[\d,.]*\s*\(\s*\Z", re.IGNORECASE
)
# A sentence that opens on the whole of its first percent: "Of the incidents in 2024, 44
# percent ..." (OF_THE_MEASURE_OPENING up to the measure's word, OPENING_REST after it).
OF_THE_MEASURE_OPENING = re.compile(r"(?:[A-Z][\w .,-]{0,40}:)?[\s\"“‘']*(?:of|among)\s+"
                                    r"(?:the|all|these|those)\s+"
                                    r"(?:(?:total|reported|recorded)\s+)?", re.IGNORECASE)
OPENING_COMMA = re.compile(r"\s*(?:(?:in|during)\s+[^,.;\d]{1,30}?|(?:in\s+)?(?:19|20)\d\d)?\s*,")
OPENING_REST = re.compile(r"(?:[^\d,;.]|(?:19|20)\d\d){0,60}?,\s*(?:(?:about|around|nearly|almost|over|some"
                          r"|roughly|just\s+over|more\s+than)\s+)?", re.IGNORECASE)
# A measure set as a label before its figure, at the start of a line or list item:
# "- Deaths: 693", "Attacks – 306" (LABEL_GAP between the label and the figure).
# ("- People killed: 54": a word or two may stand before the measure in the label)
LABEL_LINE_START = re.compile(rf"(?:\A|\n){_BULLET}(?:[^\W\d_][\w-]*[ \t]+){{0,2}}\Z")
LABEL_GAP = re.compile(r"[ \t]*[:：][ \t]*")
# A list item's number: "1." or "2)" at the start of its line, then a space.
LIST_NUMBER_AFTER = re.compile(r"[.)][ \t]+\D")
LINE_START_BEFORE = re.compile(r"(?:\A|\n)[ \t]*\Z")
# A list item's opening: a bullet or "1." at the start of its line.
LIST_ITEM_START = re.compile(r"\s*(?:[-•*·–—]|\d{1,2}[.)])[ \t]")
# The same, or else the first character that is no space (group "item" set for an item; no
# match for a blank line): one search per line instead of two.
LIST_ITEM_OR_TEXT = re.compile(r"\s*(?:(?P<item>(?:[-•*·–—]|\d{1,2}[.)])[ \t])|\S)")
# "rose from 419 to 693": a change between two stated levels, not a range.
CHANGE_FROM_BEFORE = re.compile(
    rf"\b(?:{alternation(CHANGE_VERBS)}|{alternation(CHANGE_NOUNS)})\s+from\s+\Z", re.IGNORECASE
)


def may_change_from(before: str) -> bool:
    """False when ``CHANGE_FROM_BEFORE.search(before)`` finds nothing; True when it may: its
    match ends with "from" and spaces ("f", "r", "o", "m" fold only to their capitals)."""
    tail = before.rstrip()
    return len(tail) < len(before) and tail[-4:].lower() == "from"


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
RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|~)\s*|\s+(?:to|through|thru)\s+", re.IGNORECASE)
# "from 5,000 to 6,000": "from" before the first figure joins the range's span.
FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
# "between 20 and 30": "between" before the first figure, "and" between the two.
BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
AND_SEPARATOR = re.compile(r"\s+and\s+", re.IGNORECASE)

# Words before a number that make it part of a name or a reference, not a figure:
# "Resolution 1988", "Article 370", "No. 5", "page 12", "Flight 370".
# The same words as a set, for the recognizer's cheap look-back (``sources.numbers``).
NAME_WORDS = frozenset(
    [
        "resolution", "article", "section", "chapter", "clause", "paragraph", "para", "page",
        "pages", "p", "pp", "no", "nos", "vol", "volume", "figure", "fig", "table", "annex",
        "appendix", "item", "flight", "route", "highway", "room", "gate", "platform", "phase",
        "category", "grade", "class", "season", "episode", "rule", "sura", "surah", "verse",
        "channel", "level", "version", "psalm", "number", "nr", "nrs",
    ]
)
NAME_BEFORE = re.compile(
    r"\b(?:resolution|article|section|chapter|clause|paragraph|para|page|pages|p|pp|no|nos"
    r"|vol|volume|figure|fig|table|annex|appendix|item|flight|route|highway|room|gate"
    r"|platform|phase|category|grade|class|season|episode|rule|sura|surah|verse|channel"
    r"|level|version|psalm|number|nr|nrs)\.?\s*#?\Z",
    re.IGNORECASE,
)
# A year-like number is always a year after these words ("in 2023", "since 2021"); after
# others it is a year too unless a count noun follows ("2000 people"): "A 2023 report".
YEAR_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|through|throughout|fiscal|fy|early|late|mid|before"
    r"|after|year)[\s-]*\Z",
    re.IGNORECASE,
)
YEAR_PREPOSITION_BEFORE_LOW = re.compile(YEAR_PREPOSITION_BEFORE.pattern)  # found_lowered
# A change, then "over" right before a year-like number: "rose by 17 percent over 2022" (not
# a level it reached: "rose 17 percent, to over 2000").
CHANGE_OVER_BEFORE = re.compile(
    rf"\b(?:{alternation(CHANGE_VERBS)}|{alternation(CHANGE_NOUNS)}|percent|per\s+cent|pc|%)"
    r"[^.;:!?,]{0,40}?(?<!\bto)(?<!\bat)\s+over\s+\Z", re.IGNORECASE)
_COUNT_NOUN_ALT = alternation(COUNT_NOUNS)
# A count noun right after a number ("2000 people", "three soldiers").
COUNT_NOUN_AFTER = re.compile(rf"\s+(?:{_COUNT_NOUN_ALT})\b", re.IGNORECASE)
# A unit of measure right after a number ("1950 grams", "2020 kg"): a quantity, never a year.
MEASURE_UNIT_AFTER = re.compile(
    r"\s*(?:grams?|grammes?|kilo(?:gram(?:me)?)?s?|kgs?|tonnes?|tons?|metres?|meters?|feet|foot"
    r"|kilomet(?:re|er)s?|km|litres?|liters?|rounds)\b", re.IGNORECASE)

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
    # (not a clock: "June 27:30"; a dateline's colon is no clock: "Lahore, April 14: ...")
    rf"(?![0-9%]|,[0-9]|\.[0-9]|:[0-9])(?:,?\s+(?P<year>{_YEAR})(?![0-9]))?\b"
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
    rf"\b(?:(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver)\s+)?(?:[Tt]he|[Tt]his)\s+month\s+of|"
    rf"[Ii]n|IN|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Ll]ast|"
    rf"[Tt]his|[Mm]id-?|[Ee]nd\s+of|[Ss]tart\s+of|[Bb]eginning\s+of"
    # "compared with October, when 100 people died": the month compared with
    rf"|[Cc]ompared\s+(?:with|to)|[Aa]gainst)\s+(?P<mon>{_MONTH})\b"
    rf"(?!\s+[0-9])"
)
COMPARED_START = re.compile(r"(?:compared\s+(?:with|to)|against)\s", re.IGNORECASE)
# ... and right before a date that does not hold the words ("compared with February 2024").
COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|against)\s+\Z", re.IGNORECASE)
# A fronted phrase of background before a sentence's subject: "After a slight decline in
# June, ...", "Following a lull in March, ...".
FRONTED_PHRASE = re.compile(
    r"\s*(?:[A-Z][A-Z .'-]{2,30}:\s*)?"  # a dateline: "ISLAMABAD: After ..."
    r"(?:After|Following|Despite|Unlike|Since|Before|Compared\s+(?:with|to)|Against)\b"
    r"[^,.;:\n]{0,80},")
# "August proved particularly violent", "October saw ...": a month that opens a sentence,
# or a clause that reports it ("the report found that May was ..."), as its subject (a verb
# follows) dates the sentence, without a preposition.
DATE_MONTH_SUBJECT = re.compile(
    # (... or a fronted phrase: "According to PICSS, July witnessed 79 attacks", "After a
    # slight decline in June, July saw an uptick")
    # ... or the second clause of a contrast: "..., while February witnessed three")
    # ... or a dateline: "ISLAMABAD: March saw ...")
    rf"(?:\A|(?<=\n)|(?<=[.!?] )|(?<=[.!?]  )|(?<=\bthat )|(?<=, )|(?<=[A-Z]: )|(?<=\bwhile )"
    rf"|(?<=\bwhereas ))(?P<mon>{_MONTH})"
    r"(?=\s+(?:alone\s+)?"
    r"(?:was|proved|saw|witnessed|recorded|registered|remained|became|brought|marked|turned"
    r"|accounted\s+for|had|logged|produced|claimed|remains|emerged|emerges|stood|stands"
    r"|ranked|ranks|ended)\b)"
)
# Between a period and the figure it owns: "April's tally of 81", "2023's 1,524".
TIME_OWNS_GAP = re.compile(
    r"['’]s\s+(?:(?:tally|total|count|figure|toll|number|level)\s+(?:of\s+)?)?",
    re.IGNORECASE)
# "April's tally of 81", "up from March's 70": a month that owns a figure, without a
# preposition (no other word a month name spells takes "'s").
DATE_MONTH_POSSESSIVE = re.compile(rf"(?P<mon>{_MONTH})(?<!\.)(?=['’]s\b)")
# "May saw 52 incidents, June 47, July 1,105 and August 64": a month that heads an item
# of a list, right before the item's count (a number no day can be: above 31, or with
# thousands), dates that count.
DATE_MONTH_LISTED = re.compile(
    rf"(?:(?<=, )|(?<=: )|(?<=\band ))(?P<mon>{_MONTH})"
    r"(?=\s+(?:3[2-9]|[4-9][0-9]|[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+)(?![0-9]|,[0-9])"
    r"(?:[,;]|\.(?![0-9])|\s+and\b))"
)
# After "incident(s)": "of" and a kind other than terror, militancy or violence ("incidents
# of cross-border shelling", "of arson"): incidents of that kind.
INCIDENTS_OF_ANOTHER_KIND = re.compile(
    r"\s+of\s+(?!(?:the\s+|such\s+)?(?:terror|violen|militan|insurgen|attack)|the\s+kind\b"
    r"|these\b|this\b|those\b|that\b|which\b|whom\b)[^\W\d_]", re.IGNORECASE)
# Words that make a sentence's figures a whole rather than one place's: "In total, ...",
# "overall", "in all".
WHOLE_MARKER = re.compile(
    r"\b(?:total|totall?ed|totalling|overall|in\s+all|altogether|all\s+told|combined)\b",
    re.IGNORECASE)
# The verb after a month that is its sentence's subject ("The previous month saw ...").
MONTH_SUBJECT_VERB = re.compile(
    r"\s+(?:alone\s+)?(?:was|saw|witnessed|recorded|registered|had|logged|brought|produced)\b")
# The one event a sentence names as such, then the link to its dead or injured: "the only
# suicide attack of the month was reported from Kech, where eight people were killed", "the
# lone blast of the month, which killed 12".
ONE_EVENT_WORDS = ("lone", "only", "single", "sole")
ONE_EVENT_TOLL_BEFORE = re.compile(
    r"\b(?P<event>(?:the|its|this|that)\s+(?:lone|only|single|sole)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attack|bombing|blast|explosion|assault|ambush|incident))\b(?!s)"
    r"[^.;:!?]{0,150}?\b(?:where|in\s+which|(?:which|that)\s+(?:killed|claimed|left)|killing"
    r"|claiming|leaving)\s+(?:the\s+lives\s+of\s+)?(?:at\s+least\s+|some\s+|about\s+"
    r"|nearly\s+|over\s+)?\Z", re.IGNORECASE)
# ISO dates "2024-06-27".
DATE_ISO = re.compile(r"(?<![0-9-])(?P<year>[0-9]{4})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])")
# Where a date can be: a month name (case-sensitive, as the date patterns are). A pattern that
# starts with plain letters lets the regex engine skip ahead quickly, so this pass is cheap;
# the date patterns above then run only in a small window around each month name.
MONTH_HINT = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# How far before a month name a date may start ("Wednesday, the 27th of June") and after it
# end ("June 27th, 2024").
DATE_BEFORE_MONTH = 32
DATE_AFTER_MONTH = 40
# ISO dates start with a digit (the fast path); the lookbehind checks the year stands alone.
DATE_ISO_FAST = re.compile(
    r"(?P<year>[12][0-9]{3})(?<![0-9-][0-9]{4})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])"
)
# Where an ISO date can be: its first hyphen, four characters after its start. Led by a
# literal, which the engine skips to (``DATE_ISO_FAST`` is tried at every "1" and "2").
ISO_DATE_HYPHEN = re.compile(r"-(?=[01][0-9]-[0-3][0-9])")


def iso_dates(text: str) -> list[re.Match[str]]:
    """``DATE_ISO_FAST.finditer(text)``'s matches, tried only four characters before each
    hyphen that a month and day follow (``ISO_DATE_HYPHEN``)."""
    return first_matches_at(DATE_ISO_FAST, (m.start() - 4 for m in ISO_DATE_HYPHEN.finditer(text)
                                            if m.start() >= 4), text)

# Relative periods: context only, never claims ("last year", "yesterday").
RELATIVE_WORDS = [
    "last year", "past year", "previous year", "the year before", "a year earlier", "a year ago",
    "a year before", "this year", "current year", "ongoing year", "outgoing year",
    "so far during the year",
    "so far in the year", "last quarter", "previous quarter", "preceding quarter", "this quarter",
    "current quarter", "yesterday", "today", "last month",
    "this month", "year on year", "year-on-year", "the month before", "previous month",
    "a month earlier",
]
# "Two years later", "three years earlier": a number of years from the year the story is on
# (or, with "ago", from the article).
YEARS_APART: dict[str, int] = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                               "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
RELATIVE_WORDS += [f"{n} year{'s' if k > 1 else ''} {w}" for n, k in YEARS_APART.items()
                   for w in ("later", "after", "on", "earlier", "before", "ago")
                   if f"{n} year{'s' if k > 1 else ''} {w}" not in RELATIVE_WORDS]
# "In 2021 it counted 850; the following year, 980": a year later. ("The year after" is
# left out: "the year after the attack" names an event's year.)
FOLLOWING_YEAR_WORDS = ("the following year", "the next year")
RELATIVE_WORDS += list(FOLLOWING_YEAR_WORDS)
RELATIVE_PERIOD = re.compile(rf"\b(?P<rel>{alternation(RELATIVE_WORDS)})\b", re.IGNORECASE)
# A relative period that is the base of a comparison ("compared with last year").
BASE_BEFORE = re.compile(
    r"\b(?:from|since|compared\s+(?:with|to)|than|over|against|on)\s+(?:the\s+)?\Z", re.IGNORECASE
)
# "dropped to 80 from 95 in the last quarter", "against 43 deaths during the": a level set
# against another, before the time it is of.
LEVEL_COMPARED_IN_BEFORE = re.compile(
    r"\b(?:from|against|compared\s+(?:with|to)|than|versus|vs\.?)\s+\d[\d,.]*\s+"
    r"(?:[a-z]+\s+){0,2}(?:in|during)\s+(?:the\s+)?\Z", re.IGNORECASE)
# "compared with 480 last year", "up from 150": a level set against another, right before
# the time it is of.
LEVEL_COMPARED_BEFORE = re.compile(
    r"\b(?:from|against|compared\s+(?:with|to)|than|versus|vs\.?)\s+\d[\d,.]*\s+"
    r"(?:[a-z]+\s+){0,2}\Z", re.IGNORECASE)
# "last quarter's toll of 43": a time that owns what follows.
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "476 incidents by the end of July", "until June": a running tally of the year up to a month.
BY_MONTH_BEFORE = re.compile(
    r"(?<!followed\s)\b(?:by|till|until|through|up\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?\Z",
    re.IGNORECASE)
BY_MONTH_START = re.compile(r"(?:by|till|until|through|up\s+to)\s", re.IGNORECASE)
# "January was the worst month, followed by April with 48": a ranking, not a tally up to it.
FOLLOWED_BEFORE = re.compile(r"\bfollowed\s+\Z", re.IGNORECASE)
# ... and before a day: "a tally that ran to December 20" too (never "the end of" a day).
BY_DAY_BEFORE = re.compile(
    r"\b(?:by|till|until|through|up\s+to|(?:ran|runs|running)\s+(?:up\s+)?to)\s+\Z",
    re.IGNORECASE)
# "violence has climbed steadily since 2021": a trend from a year, not a tally since it.
SINCE_TREND = re.compile(
    rf"\b(?:{alternation(CHANGE_VERBS)}|doubled|tripled|trebled|halved|worsened|escalated"
    r"|improved)\b[^.;:!?]{0,30}\bsince\s+\Z", re.IGNORECASE)
# "..., when PIPS recorded 207 attacks": what happened in the time just named.
WHEN_AFTER = re.compile(r"\s*[,(–—]?\s*(?:when|in\s+which|during\s+which)\b", re.IGNORECASE)
# A district or smaller unit named by its kind: "Bannu district", "Khyber District", "Mir Ali
# tehsil" (the vocabulary holds provinces and countries only).
DISTRICT_WORD = re.compile(r"(?:[Dd]istrict|[Tt]ehsil)\b")
DISTRICT_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+\Z")
# "October 11 and 12", "October 11-12": the gap before the second day of a span of days.
# "from January 1 to December 6", "between 1 and 6 December": two days that make one span.
# ("from June 18, 2022, to June 18, 2023": a comma may close the first day's year)
DAY_TO_DAY_GAP = re.compile(r"\s*,?\s*(?:to|till|until|through|–|-|(?P<and>and))\s*",
                            re.IGNORECASE)
BETWEEN_DAYS_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
# Two years that make one span: "between 2019 and 2022", "from 2015 to 2018", "2019-2022" (a
# dash only between years two or more apart: "2023-2024" may be a fiscal year).
YEAR_SPAN_OPENING = re.compile(r"\b(?:(?P<between>between)|from)\s+\Z", re.IGNORECASE)
# "... with the number of attacks rising from 120 to 190": a change told by its two levels,
# each the level of one of the years the sentence names (not "from 2019 to 2022" itself).
LEVELS_FROM_TO = re.compile(
    r"\bfrom\s+(?!(?:19|20)\d\d\b)\d[\d,.]*%?(?:\s+[^\W\d_][\w-]*){0,2}\s+to\s+"
    r"(?:[^\W\d_][\w-]*\s+)?(?!(?:19|20)\d\d\b)\d",
    re.IGNORECASE)
YEAR_TO_YEAR_GAP = re.compile(
    r"\s+(?:(?P<and>and)|to|till|until|through)\s+|(?P<dash>\s*[-–]\s*)", re.IGNORECASE)
DAY_AT_END = re.compile(r"\b([0-3]?[0-9])(?:st|nd|rd|th)?\Z")
DAY_SPAN_GAP = re.compile(r"\s*(?:and|to|through|till|until|-|–|—)\s*", re.IGNORECASE)
# "arrested 739 suspects since January 1": a running span from a date (a record's "since" is
# RECORD_SINCE_BEFORE's).
SINCE_BEFORE = re.compile(r"\bsince\s+\Z", re.IGNORECASE)
# "the highest since 2014", "the bloodiest year for the militants since 2016", "the highest
# after 2017": a record set against every year after that one. The year is neither the
# figure's period nor the base of a change.
RECORD_SINCE_BEFORE = re.compile(
    r"\b(?:highest|lowest|deadliest|bloodiest|worst|most|fewest|least|largest|biggest"
    r"|smallest|greatest|sharpest|steepest)\b[^.;:!?]{0,60}?\b(?:since|after)\s+\Z",
    re.IGNORECASE,
)
# The span a ranking of months (or quarters, days) is made over: "the second deadliest month
# this year", "the most violent month of 2024". It is no period of a figure: "October was the
# deadliest month this year, with 198 fatalities" tells October's.
RANKING_SPAN_BEFORE = re.compile(
    r"(?:\b(?:highest|lowest|deadliest|bloodiest|worst|most\s+[\w-]+|fewest|least\s+[\w-]+"
    r"|calmest|quietest|best)\s+(?:single\s+)?(?:month|quarter|week|day)"
    r"\s+(?:(?:of|in|for|so\s+far\s+in)\s+)?(?:the\s+)?"
    # ... "the month with the highest number of attacks in a single month during 2021"
    r"|\b(?:month|quarter|week|day)\s+with\s+the\s+(?:highest|most|lowest|fewest|largest)\b"
    r"[^.;:!?]{0,80}?\b(?:of|in|during|for)\s+(?:the\s+)?)\Z",
    re.IGNORECASE,
)


def may_end_in_since(text: str, lo: int, end: int) -> bool:
    """False when ``RECORD_SINCE_BEFORE`` cannot match in ``text[lo:end]``; True when it may.

    Its match ends with "since" or "after" and at least one space (``\\s`` is
    ``str.isspace``), and the letters of their endings have no case-folding twin but their
    capitals, so the three characters before the window's trailing spaces must be "nce" or
    "ter" in some case. (Most years have neither before them; the pattern tries every
    position.)
    """
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    return j < end and j - 3 >= lo and text[j - 3:j].lower() in ("nce", "ter")


# "the 2023 operations", "its 2024 tally": a determiner right before a year-like number.
YEAR_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|this|that|these|those)\s+\Z",
                                    re.IGNORECASE)
# A year a figure is measured against rather than counted in: "almost as bloody as all of
# 2022", "compared with the entire total for 2022".
YEAR_AS_BASE_BEFORE = re.compile(
    # ("12 percent lower than in the first quarter": the time after "than in" too.)
    r"(?:\bas\s+[\w-]+\s+as|\bcompared\s+(?:to|with)|\bagainst|\bthan(?:\s+(?:in|during))?"
    # ("50 percent more than the 1,000 of 2023": the level's time)
    r"|\bthan\s+the\s+\d[\d,]*(?:\s+[^\W\d_][\w-]*){0,2}?\s+(?:in|of|during)(?:\s+the)?"
    # ("a decline from 2022": what the change or the improvement is from; a month's date
    # holds its "from": CHANGE_NOUN_ENDING)
    rf"|\b(?:{alternation(CHANGE_NOUNS)}|improvement|deterioration)\s+from"
    # ("640, up more than 30% from the first quarter": what the stated change is from)
    r"|\b(?:up|down|higher|lower)\s+(?:by\s+)?(?:(?:more\s+than|over|nearly|almost|about"
    r"|around|some)\s+)?[0-9][0-9.,]*\s*(?:%|per\s*cent|percent|pc)\s+from"
    # ("... a decline of nearly 30% from the first quarter": the same, as a noun)
    rf"|\b(?:{alternation(CHANGE_NOUNS)})\s+of\s+(?:(?:more\s+than|over|nearly|almost"
    r"|about|around|some)\s+)?[0-9][0-9.,]*\s*(?:%|per\s*cent|percent|pc)\s+from"
    # ("have surpassed the entire toll recorded in 2023": what a level is measured against)
    r"|\b(?:surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|outstripp(?:ed|ing)|overt(?:ook|aken))"
    r"(?:\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:tally|total|figure|count|toll)"
    r"(?:\s+(?:recorded|reported))?\s+(?:in|of|for))?"
    r"|\bover)\s+"
    # ("compared to the data from the second quarter": the data's time)
    r"(?:(?:all|the\s+whole|the\s+entire\s+(?:tally|total|figure|count)|the\s+(?:tally|total"
    r"|figure|count))\s+(?:of|for)\s+|the\s+(?:data|figures|numbers|statistics)\s+"
    r"(?:of|for|from|in)\s+(?:the\s+)?)?(?:the\s+year\s+)?\Z",
    re.IGNORECASE,
)
YEAR_AS_BASE_BEFORE_LOW = re.compile(YEAR_AS_BASE_BEFORE.pattern)  # found_lowered
# Before a month's date that opens on "from": "a marked improvement from August".
CHANGE_NOUN_ENDING = re.compile(
    rf"\b(?:{alternation(CHANGE_NOUNS)}|improvement|deterioration)\s+\Z", re.IGNORECASE)
# "(120 vs 92)": the second figure of a pair set against each other.
VERSUS_BEFORE = re.compile(r"\d[\d,.]*%?\s*(?:vs\.?|versus)\s*\Z", re.IGNORECASE)
# "(516 vs 333)": the two levels a change compares, in brackets after its words.
VERSUS_GAP = re.compile(r"\s*(?:vs\.?|versus)\s*", re.IGNORECASE)
VERSUS_AFTER = re.compile(r"\s*(?:vs\.?|versus)\s*\d", re.IGNORECASE)
CHANGE_WORDS_TO_BRACKET = re.compile(r"[^()\d;.!?]{0,60}\(\s*")
# A list going on after an item (and its brackets): ", ", "), and ", "; ".
# The previous item's own words may come first ("20 per cent among civilians in 2024, 10 ...").
LIST_CONTINUES = re.compile(r"[^;]{0,80}?(?:[,;]\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
# Whose figure a list item is: "43 per cent among civilians".
AMONG_AFTER = re.compile(r"\s+among\s+(?:the\s+)?", re.IGNORECASE)
IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
# Operations joined to a kind of attacks: "killed in militant attacks and security operations".
AND_OPERATIONS_AFTER = re.compile(
    r"\s*,?\s+(?:and|or|as\s+well\s+as)\s+(?:[\w-]+\s+){0,2}?operations\b", re.IGNORECASE)
# Attacks joined to the operations after them: "militant attacks and subsequent security
# operations accounted for 215 deaths" (searched in the few words before the operations).
ATTACKS_AND_BEFORE = re.compile(
    r"\b(?:attacks|incidents)\s*,?\s+(?:and|or|as\s+well\s+as)\s+(?:[\w-]+\s+){0,2}?\Z",
    re.IGNORECASE)
# "... and Balochistan 782": the conjunction before a place whose count leaves out its verb.
AND_BEFORE_PLACE = re.compile(r"(?:,\s*|\s+)(?:and|while|whereas)\s+(?:in\s+)?\Z",
                              re.IGNORECASE)
# A gapped change's own measure and "by" between it and the change before: "rose by 66%
# and incidents by 49%" (one or two words: the measure's).
MEASURE_BY_GAP = re.compile(
    r"\s*,?\s+(?:and|while|whereas)\s+(?P<w>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s+by\s+",
    re.IGNORECASE)
# "This was stated in the quarterly report issued by ...", "These figures were revealed by
# ...": a sentence that gives the source of the figures just stated.
STATED_IN_BEFORE = re.compile(
    r"\s*(?:this|these(?:\s+figures)?|the\s+figures)\s+(?:was|were)\s+(?:stated|revealed"
    r"|disclosed|reported|mentioned|shared|released|given)\s+(?:in|by)\b", re.IGNORECASE)


def may_open_stated_in(text: str, start: int) -> bool:
    """False when ``STATED_IN_BEFORE.match(text, start, ...)`` cannot match; True when it may.

    Its words all begin with "t", which folds to no character but "T", after optional
    spaces: a sentence whose first other character is another cannot match (one character
    read instead of a match tried for every sentence of the article).
    """
    c = text[start:start + 8].lstrip()[:1]  # (a sentence starts after the space that ends
    return c in ("t", "T", "")             # the last one; "": eight spaces, not read on)
# A breakdown in brackets after a figure: "92 terrorist attacks (80 in KP, seven in
# Balochistan and five in Punjab)": from the figure to the first item, then item to item.
BREAKDOWN_OPEN = re.compile(r"\s+(?:[^\W\d_][\w’'-]*\s+){0,3}\(\s*")
BREAKDOWN_NEXT = re.compile(r"\s+(?:in|from)\s+[^\d,();.]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)")
# "killed in 600 attacks in Balochistan": the dead counted in the attacks the count names.
IN_BEFORE = re.compile(r"\bin\s+\Z", re.IGNORECASE)
# "fatalities and injuries ... 31pc and 12pc, respectively": two of a kind joined as a list
# (LIST_SEPARATOR), then the word that pairs them in order.
RESPECTIVELY_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,2}?,?\s+respectively\b", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# The comparison that opens a list of earlier levels: "..., against the 226 and 148 of 2019
# respectively", "compared with 40 and 31".
COMPARED_LIST_OPEN = re.compile(
    r"\b(?:against|compared\s+(?:to|with)|versus|vs\.?|from)\s+(?:the\s+|a\s+)?\Z",
    re.IGNORECASE)
# Past-tense markers: a sentence without a time reference is dated to the publication year
# only when it is in the present tense ("Durrani estimates that ...").
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|ago|said|found|recorded|reported|killed|died|rose|fell|increased"
    r"|decreased|declined|dropped|grew|jumped|surged|launched|claimed|stated|estimated|counted"
    # Past forms news tells events with ("over 90pc of the deaths occurred in ...", "the
    # province saw 295 attacks"), unless a present perfect ("deaths have climbed by 38%").
    r"|(?<!\bhas\s)(?<!\bhave\s)(?:occurred|happened|took|saw|witnessed|suffered|accounted"
    r"|came|became|remained|climbed|soared|plunged|topped|tallied|totall?ed|logged|lost|left)"
    r"|previously|formerly|earlier)\b",
    re.IGNORECASE,
)
PAST_TENSE_LOW = re.compile(PAST_TENSE.pattern)  # found_lowered

# ---------------------------------------------------------------------------------------------
# Sentences and clauses
# ---------------------------------------------------------------------------------------------

# Candidate sentence ends: terminal punctuation (with closing quotes or brackets) before
# whitespace, or a line break. The extractor rejects abbreviations and lower-case follow-ons.
# Written as one leading character class, then the two cases told apart by a lookbehind
# (the same matches as "[.!?]+[\"”’')\]]*(?=\s)|\n"): a top-level alternation whose first
# branch starts with a class gives the regex engine no first-character set, so it tried the
# pattern at every position; with the class first it skips to the candidates, about 2.5
# times faster over a whole text.
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*[\"”’')\]]*(?=\s))")
# Clause breaks inside a sentence: a comma, semicolon or colon before a space, or a dash
# set off by spaces. Commas inside figures ("5,000") have no space after them.
CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[–—-]\s|—")
# The characters every clause break holds (see ``clause_breaks``).
_CLAUSE_BREAK_MARK = re.compile(r"[,;:–—-]")


def clause_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``CLAUSE_BREAK.finditer(text)``, found from its punctuation.

    ``CLAUSE_BREAK`` is tried at every space of the text (for a dash set off by spaces);
    scanning for the punctuation alone, which every break holds, and reading the characters
    either side in Python is several times faster, with the same spans (regex ``\\s`` is
    ``str.isspace``: tests/test_patterns_fold.py).
    """
    out = []
    pos = 0  # where the previous break ends: a break cannot start before it
    n = len(text)
    for m in _CLAUSE_BREAK_MARK.finditer(text):
        p = m.start()
        c = text[p]
        if c in ",;:":
            if p + 1 < n and text[p + 1].isspace():
                out.append((p, p + 1))
                pos = p + 1
        elif p - 1 >= pos and text[p - 1].isspace() and p + 1 < n and text[p + 1].isspace():
            out.append((p - 1, p + 2))  # " - ": the space before starts the break
            pos = p + 2
        elif c == "—":
            out.append((p, p + 1))
            pos = p + 1
    return out
# The word right after a claim: a figure followed by a function word or punctuation has no
# noun of its own ("rising to 70,000 when including families") and continues the subject
# of the figure before it.
NEXT_WORD = re.compile(r"\s*([^\W\d_][\w’'-]*)")
# What opens an aside inside a sentence: "– including 14 suicide bombings –", "(of which 9 ...".
ASIDE_BEFORE = re.compile(
    r"(?:\bincluding|\bincl\.|\bamong\s+them|\bof\s+which|\bof\s+whom|\(|[–—])\s*\Z",
    re.IGNORECASE,
)
# "in 2023 so far", "this year to date": the period runs only up to the time of writing.
SO_FAR_AFTER = re.compile(r"\s*(?:,\s*)?(?:so\s+far|to\s+date|thus\s+far|till\s+date|until\s+now)\b",
                          re.IGNORECASE)
# A verb of saying: the time before it dates the statement, not the figures stated.
SAYING_VERB = re.compile(
    r"\b(?:said|says|stated|states|estimated|estimates|found|finds|showed|shows|reported"
    r"|reports|noted|notes|revealed|reveals|announced|announces|highlighted|highlights"
    r"|observed|observes|pointed\s+out|indicated|indicates|documented|documents)\b",
    re.IGNORECASE,
)
# Between the items of a list of counted populations: "40 soldiers, 31 civilians and 12
# insurgents".
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as)\s+", re.IGNORECASE)
# Between such a list and the death or injury word all its items share: "... were wounded",
# "..., have lost their lives".
# An aside before that word: "640 militants, including foreign fighters, were sent to hell",
# "96 personnel — including 41 army and 55 cops — have lost their lives".
_INCLUDING = r"(?:,\s+including\s+[^,.;:]{1,40},|\s*[—–]\s*including\s+[^—–.;:]{1,60}?\s*[—–])"
INCLUDING_ASIDE = re.compile(_INCLUDING, re.IGNORECASE)
LIST_PREDICATE_GAP = re.compile(
    rf"{_INCLUDING}?"
    r"(?:,\s+(?:were|was|have|has|had)\b)?\s+(?:(?:were|was|have|has|had|been|also|all|"
    r"reportedly|allegedly|either|later)\s+)*", re.IGNORECASE)
# Between people and their count: "the outlaws suffered 412", "civilians with 215".
# "61 attacks, of which 41 ...", "169 people, of whom 114 ...": a part of the count before.
OF_WHICH_BEFORE = re.compile(r"\bof\s+(?:which|whom|these|them)\s+\Z", re.IGNORECASE)
# A list going on from such a figure, its verb left out: "..., civilians 25 percent and".
GAPPED_PEOPLE_JOIN = re.compile(r"(?:\s+(?:of\s+)?(?:the\s+)?[^\W\d_][\w-]*)?\s*"
                                r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
GAPPED_PEOPLE_GAP = re.compile(r"\s+(?:at\s+|with\s+)?")
SUFFERED_GAP = re.compile(r"\s+(?:(?:together|combined|jointly|thus|also|alone)\s+)?"
                          r"(?:suffered|with|lost"
                          r"|accounted\s+for|made\s+up|bore)\s+", re.IGNORECASE)
# "Security personnel made up the largest share of the dead, with 330 killed": their count.
LARGEST_SHARE_WITH_GAP = re.compile(
    r"\s+(?:made\s+up|formed|accounted\s+for|were|was)\s+(?:the\s+)?(?:single\s+)?"
    r"(?:largest|biggest|greatest)\s+(?:share|part|number|group)(?:\s+of\s+(?:the\s+)?"
    r"(?:dead|killed|victims|those\s+killed|casualties|deaths|fatalities|injured))?\s*,\s*with\s+",
    re.IGNORECASE)
# "the police lost 66 personnel": people who lost a count lost them to death.
LOST_GAP = re.compile(r"\s+(?:lost|losing)\s", re.IGNORECASE)
LOST_BEFORE = re.compile(r"\b(?:lost|losing)\s+\Z", re.IGNORECASE)
# "the deadliest year for civilians since 2014, with 480 deaths": the toll after "with" is
# of the people the superlative was for (DEADLIEST_FOR before them, WITH_TOLL_GAP after).
DEADLIEST_FOR = re.compile(r"\b(?:deadliest|bloodiest|worst|most\s+(?:fatal|lethal|violent|deadly))"
                           r"\s+(?:[^\W\d_]+\s+){0,3}?for\s+(?:the\s+)?\Z", re.IGNORECASE)
WITH_TOLL_GAP = re.compile(r"[^.;:!?\n]{0,40}?,\s+with\s+", re.IGNORECASE)
# "96 (21 per cent) security personnel": an aside between a count and the people it counts.
# Between a count and the people or noun it counts: spaces, and at most one word between
# ("three security officials", "41 “high-value targets”"); group 1 the spaces before it.
# Compiled once: the extractor tries it for every small count and every count's people.
WORD_GAP = re.compile(r"(\s+)(?:[^\W\d_][\w’'-]*\s+)?")
# Leading spaces, and a run of nothing but the quotes a gap's end may hold (possessive: a
# stretch that holds anything else fails at its first such character, without reading on).
SPACES = re.compile(r"\s*")
QUOTES_ONLY = re.compile(r"[“\"‘']*+")
ASIDE_IN_GAP = re.compile(r"\A\s*\([^()]{1,30}\)(?=\s)")
# "71 casualties—38 of whom were police officers": the part named after "of whom".
# ("492 were injured, 238 of them from the security forces": from whose ranks, too.)
OF_WHOM_GAP = re.compile(r"\s+of\s+(?:whom|them)\s+(?:were\s+|was\s+|from\s+(?:the\s+)?)?",
                         re.IGNORECASE)
# "516 (57 per cent)": a percentage in brackets right after a count.
BRACKET_OPEN_GAP = re.compile(r"\s*\(\s*")
BRACKET_CLOSE = re.compile(r"\s*\)")
# A share in apposition right after a count and its noun (and year): "1,612 of the
# fatalities, over 63 percent, ..." or "782 deaths in 2024, or 31 percent." (the share then
# ends its clause, perhaps naming its whole: "..., or 40 percent of the national total,").
# The noun may be followed by the group or place it is put down to, by name: "558 deaths to
# the Tehreek-e-Taliban Pakistan (TTP), 52 percent of the total"; and the share may go on
# into a second apposition ("..., 52 percent of the total and a 90 percent jump").
APPOSED_SHARE_GAP = re.compile(r"(?:\s+(?:of\s+the\s+)?[^\W\d_][\w-]*"
                               r"(?:\s+(?:in|during)\s+(?:19|20)\d\d)?"
                               r"(?:\s+(?:to|by|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
                               r"(?:\s*\([A-Z][\w-]{1,9}\))?)?)?\s*,\s*(?:or\s+)?")
# The rest of a share's whole after its span: "(the country)'s total".
_WHOLE_TAIL = r"(?:[’']s)?(?:\s+(?:total|tally|toll|figure|count))?"
APPOSED_CHANGE_GAP = re.compile(rf"{_WHOLE_TAIL}\s+and\s+an?\s+"
                                r"(?:(?:over|about|nearly|almost|some)\s+)?", re.IGNORECASE)
APPOSED_SHARE_END = re.compile(rf"{_WHOLE_TAIL}\s*(?:[,.;:)]|\Z|and\s+an?\s)",
                               re.IGNORECASE)
# A count given as a rate, not a tally of its period: "1.4 attacks per day", "more than one
# attack every day", "45 attacks a month", "two deaths per attack" (after the count and a
# few words of its noun, none a preposition that would date the count: "52 people in a
# day" is that day's tally, "505 a year earlier" a level), or "an average of 45 attacks".
RATE_AFTER = re.compile(
    r"(?:\s+(?!(?:in|on|within|during|for|over|across|of|than|that|which|to|from|by)\b)"
    r"[^\W\d_][\w'’-]*){0,3}?\s+(?:per\s+[^\W\d_][\w-]*"
    r"|(?:every|each|an?)\s+(?:day|week|fortnight|month|year|hour)\b(?!\s+(?:earlier|ago|before|after|later"
    r"|back|on|prior))|daily\b|(?:on\s+)?an?\s+(?:daily|weekly|monthly|yearly)\s+basis\b)",
    re.IGNORECASE,
)
# A percent comparing two things rather than giving a share: "20 percent more than in April",
# "30 percent fewer attacks than Balochistan".
COMPARISON_AFTER = re.compile(
    rf"\s+(?:{alternation(CHANGE_COMPARATIVES)})\s+(?:[^\W\d_][\w'’-]*\s+){{0,3}}?than\b",
    re.IGNORECASE)
# ... what the comparison is with, when that is an earlier time ("than in April", "than a
# year earlier", "than the month before", "than last year"): then it is a change.
ENDS_IN_COMPARATIVE = re.compile(rf"\b(?:{alternation(CHANGE_COMPARATIVES)})\Z", re.IGNORECASE)
THAN_WORDS_AFTER = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,3}?\s+than\b", re.IGNORECASE)
THAN_A_TIME = re.compile(
    r"\s+(?:(?:in|during)\s+(?:the\s+)?(?:(?:same|previous|preceding|prior|last)\b|"
    r"(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|q[1-4]\b"
    r"|(?:first|second|third|fourth|last)\s+(?:quarter|half))"
    r"|(?:a|one|the)\s+(?:year|month|quarter|week)\s+(?:earlier|ago|before)"
    r"|the\s+(?:previous|preceding|prior|same|last)\b|last\s+(?:year|month|quarter)"
    r"|(?:19|20)\d\d"
    # "58 percent more than the 1,527 of the same period of 2024": the earlier time's level.
    r"|the\s+\d[\d,]*\s+(?:(?:recorded|reported|registered|killed|counted)\s+)?(?:in|of|during)"
    r"\s+(?:the\s+)?(?:(?:same|previous|preceding|prior|last)\b|(?:19|20)\d\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.IGNORECASE)
# "24 percent fewer than in August": a comparative compared with an earlier time is a change.
COMPARATIVE_THAN_A_TIME_AFTER = re.compile(
    rf"\s+(?P<w>{alternation(CHANGE_COMPARATIVES)})(?=\s+than{THAN_A_TIME.pattern})",
    re.IGNORECASE)
AVERAGE_BEFORE = re.compile(
    r"\b(?:average\s+of|averag(?:ed|ing)|(?:daily|weekly|monthly|yearly)\s+average\s+of)"
    r"\s+\Z", re.IGNORECASE,
)
# A subject that is itself a rate, before its figures: "The average number of militant
# attacks per month rose from 16 in 2020 to 25 in 2021" (no figure between).
RATE_SUBJECT_BEFORE = re.compile(
    r"\b(?P<rate>average\s+(?:number|count|tally)\s+of\s+[^\d.;:!?]{0,60}?\b(?:per\s+(?:day"
    r"|week|month|year)|(?:a|each|every)\s+(?:day|week|month|year)))\b[^\d.;:!?]{0,80}\Z",
    re.IGNORECASE)
# Between two levels of one measure: "16 in 2020 to 25", "16 and 25".
NEXT_LEVEL_GAP = re.compile(r"\s+(?:in\s+[\w-]+\s+)?(?:to|and|,)\s+(?:about\s+)?",
                            re.IGNORECASE)
# "of the 901 fatalities, 516 were those of the outlaws": the count's people, named after it.
THOSE_OF_GAP = re.compile(r"\s+(?:were|was)\s+(?:those|that)\s+of\s+(?:the\s+)?", re.IGNORECASE)
# Between a population word and the noun it qualifies: "civilian deaths", "security forces’
# casualties".
POSSESSIVE_GAP = re.compile(r"(?:[’']s?)?\s+\Z")
# Between a part's whole and the part's share after it: "118 out of 263 fatalities — over
# 44pc", "... deaths (45%)".
SHARE_AFTER_WHOLE_GAP = re.compile(r"[^\d.;()]{0,40}?\s*(?:—|–|-|\(|,)\s*")
# A bare "cases" right after a count (not "cases of ...", which names what they are).
CASES_AFTER = re.compile(r"\s+(?P<w>cases?)\b(?!\s+(?:of|against|under|registered\s+under)\b)",
                         re.IGNORECASE)
# Between two tolls of the same events listed together: "caused 165 fatalities and 191
# injuries" (the first toll's noun, then "and").
TOLL_LIST_GAP = re.compile(
    r"\s+(?:deaths|fatalities|casualties|people(?:\s+killed)?|persons|lives|killed|dead)"
    r"\s*(?:,\s*)?(?:and\s+)?(?:(?:injuring|wounding|leaving)\s+)?",
    re.IGNORECASE)
# A bracket after "attacks" that counts the security forces' operations among them.
WITH_OPERATIONS_AFTER = re.compile(
    r"\s?\(\s*(?:including|incl\.?|comprising|i\.e\.?,?)\s[^()]{0,100}?\boperations?\b"
    r"[^()]{0,40}\)", re.IGNORECASE)
# A word glossed by the measure in brackets after it: "a surge in violence (fatalities)" (a
# plain word of four letters or more; the bracket holds the measure alone).
GLOSSED_WORD = re.compile(r"\b(?P<word>[A-Za-z][a-z-]{3,})\s*\(\s*\Z")
GLOSS_CLOSE = re.compile(r"\s*\)")
# Between people and the events they did, in the possessive: "terrorists' attacks",
# "the militant’s assaults" (the apostrophe is required: "militant attacks" is one word).
POSSESSOR_GAP = re.compile(r"[’']s?\s+")
# Between a death or injury noun and the people it counts, named after it: "deaths among
# civilians", "casualties of the security forces".
COUNTED_AMONG_GAP = re.compile(r"\s+(?:among|of)\s+(?:the\s+)?", re.IGNORECASE)
ARTICLE_GAP = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)
# A publisher named with its report ("according to data compiled by the Lahore-based think tank",
# "PICSS Report:", "CRSS data"): the figures the story goes on to tell are the report's.
REPORT_WORD_BEFORE = re.compile(
    r"\b(?:report|reports|data|survey|study|review|assessment|figures|statistics|database)"
    # ("the security report for 2023 by PIPS": what the report covers may come first)
    r"(?:\s+(?:for|on)\s+(?:the\s+)?[\w-]+)?"
    r"\s+(?:by|of|from|released\s+by|issued\s+by|compiled\s+by)\b[^.;:]*\Z", re.IGNORECASE)
REPORT_WORD_AFTER = re.compile(
    r"\)?['’]?s?\s+(?:\w+\s+)?(?:report|data|survey|study|review|assessment|database)\b"
    # "PIPS released its annual security report", "PICSS has issued its monthly report"
    r"|\)?\s+(?:has\s+|have\s+)?(?:released|issued|published|launched|unveiled)\s+its\s+"
    r"(?:[\w-]+\s+){0,3}?(?:report|data|survey|study|review|assessment|database)\b",
    re.IGNORECASE)
DIGIT = re.compile(r"\d")
# A fraction that is a change: "an increase of about two-thirds", "rose by a third".
FRACTION_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:increase|rise|jump|surge|decrease|decline|drop|fall|reduction)\s+of"
    r"|(?:rose|increased|grew|jumped|surged|fell|dropped|declined|decreased)\s+by)\s+"
    r"(?:(?:about|nearly|almost|around|roughly|over|more\s+than|some)\s+)?\Z", re.IGNORECASE)
FRACTION_CHANGE_BEFORE_LOW = re.compile(FRACTION_CHANGE_BEFORE.pattern)  # found_lowered
FRACTION_CHANGE_NEEDS = ("of", "by")
# An aside about the people a subject counts, up to its verb: ", including 260 soldiers, ",
# ", along with some 640 civilians in all, have ".
PEOPLE_ASIDE = re.compile(
    r",\s*(?:including|along\s+with|among\s+them|among\s+whom)(?![a-z])"
    r"(?:[^,;.]|[,.](?=[0-9])){0,100},\s*"
    r"(?:(?:have|has|had|were|was)\s+)?(?:also\s+)?", re.IGNORECASE)
# From a figure to its verb across the people it includes, told without commas around them:
# "310 others including policemen, soldiers and passers-by were injured".
PEOPLE_INCLUDING_GAP = re.compile(
    r"\s+(?:(?:others?|people|persons|individuals)\s+)?including\s+[^;.:!?\d\n]{1,100}?\s+"
    r"(?:(?:have|has|had)\s+been\s+|were\s+|was\s+|got\s+)?", re.IGNORECASE)
# Between a period and the figure of a relative clause about it: "2024, which reported".
# (Not a verb only events do: in "110 attacks, 39 percent more than in 2022, which killed
# 229 people" the attacks killed, not the year.)
WHICH_GAP = re.compile(r"\s*,?\s+(?:which|when|where)\s+(?!(?:killed|claimed|left|injured"
                       r"|wounded|took)\b)(?:[a-z]+\s+){0,5}", re.IGNORECASE)
# The items of a list before its last figure: "43 attacks and ", "12 deaths, 40 injuries and ".
FIGURE_LIST_ITEMS = re.compile(
    r"(?:\d[\d,.]*\s+(?:[^\W\d_][\w-]*\s+){0,3}?(?:and\s+|,\s*(?:and\s+)?))+",
    re.IGNORECASE)
# One word after a count in the middle of a list of people, then the list goes on: "13
# Razakars, ...", "13 volunteers and ...".
UNNAMED_PEOPLE_ITEM = re.compile(r"\s+[^\W\d_][\w-]*(?=\s*,|\s+and\s)")
# A relative clause on the place just named: "..., 1,987 in Sindh, in which 10 were killed".
IN_WHICH_OPEN = re.compile(r"\s*,?\s*(?:in\s+which|during\s+which|where|when)\b",
                           re.IGNORECASE)
# The noun a singular people word may qualify: "terrorist violence", "militant activity"
# (not a function word: "militant in the", "terrorist and").
# Other modifiers coordinated with a people word before their noun: "militant[, insurgent]
# and sectarian-related incidents", "militant or nationalist attacks".
COORDINATED_MODIFIERS_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*[a-z][a-z-]*){0,4},?[ \t]+(?:and|or)[ \t]+[a-z][a-z-]*[ \t]+")
NOUN_AFTER_MODIFIER = re.compile(
    r"[ \t]+(?!(?:in|and|or|of|the|a|an|to|with|by|from|on|at|as|for|who|that|which|was|were"
    r"|is|are|has|had|have|said|says)\b)([a-z][a-z-]+)\b")
# The word "casualties" (a publisher's killed and injured together, or the news's dead).
CASUALTY_WORD = re.compile(r"\bcasualt(?:y|ies)\b", re.IGNORECASE)
CASUALTIES_AFTER = re.compile(r"\s+casualt(?:y|ies)\b", re.IGNORECASE)  # "180 casualties"
# More people hurt in the events just told: "Nine officials were also injured".
ALSO_HURT = re.compile(r"\balso\s+(?:been\s+)?(?:injured|wounded|killed|martyred|hurt)\b",
                       re.IGNORECASE)
ALSO_HURT_LOW = re.compile(ALSO_HURT.pattern)  # found_lowered, where "also" is
ALSO_HURT_NEEDS = ("also",)
# A headline that ends on its source: "... highest since 2014: PICSS".
CREDIT_BEFORE = re.compile(r"(?:[:|]|\s[-–—])\s*\Z")
# A full stop that ends a sentence inside a line (no headline has one).
SENTENCE_END_IN = re.compile(r"[.!?](?:\s|\Z)")
LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
# "the number of civilians killed": the people whose number a participle after them counts.
NUMBER_OF_BEFORE = re.compile(r"\bnumbers?\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)
# Between the people of a list ("civilians, security personnel, and outlaws"), with at most
# two items of other people between them ("civilians, government officials, and security").
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)(?:the\s+)?"
COUNT_BEFORE = re.compile(r"\d[\d,]*\s+\Z")
PEOPLE_LIST_GAP = re.compile(
    rf"{_LIST_JOIN}(?:[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?{_LIST_JOIN}){{0,2}}")
# "582 others", "40 more": a figure that adds people to the set the sentence just counted.
# "the BLA, was reportedly responsible for 28% of deaths": a group as the subject of
# "responsible for" (or "behind") the figure right after.
# ("The BLA was the deadliest group in the country, responsible for 233 deaths": after
# what the group was, too.)
RESPONSIBLE_GAP = re.compile(
    r"\)?\s*,?\s*(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:[^\W\d_]+ly\s+)?"
    r"|(?:was|were|is|are)\s+the\s+(?:[^\W\d_]+\s+){1,3}?(?:group|outfit|organi[sz]ation"
    r"|faction)(?:\s+in\s+(?:the\s+)?[^\W\d_]+)?\s*,\s*)"
    r"(?:responsible\s+for|behind)\s+(?:about\s+|nearly\s+|over\s+|around\s+|almost\s+)?",
    re.IGNORECASE)
# "two each in Punjab and Sindh", "3 attacks each": the figure is each place's.
EACH_AFTER = re.compile(r"(?:\s+[^\W\d_]+)?\s+each\b", re.IGNORECASE)
# "259 of them in the merged districts": a part of the figure before.
OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.IGNORECASE)
# "160 were security personnel", "95 were of the police": the people a count is.
WERE_BEFORE_PEOPLE = re.compile(r"\s+(?:were|was|are|is)\s+(?:of\s+)?(?:the\s+)?",
                                re.IGNORECASE)
# After a share of the dead or injured, the people it was: "55 percent of those killed (in
# 2022) were security personnel", "... were members of the security forces".
SHARE_WERE_PEOPLE = re.compile(
    r"(?:\s+(?:in|during)\s+[^,.;]{1,30}?)?\s+(?:were|was)\s+(?:members\s+of\s+)?(?:the\s+)?",
    re.IGNORECASE)
WORD_AT = re.compile(r"[^\W\d_]")
# "16 were made in Punjab", "40 were reported": a verb after "were", not who the count is.
PARTICIPLE_AT = re.compile(
    r"(?:[^\W\d_]+ed|made|done|seen|taken|held|hit|shot|found|caught|struck|brought|sent|given"
    r"|put|kept|left|lost|set|slain|hurt|born|run|also|not|still|all|both|each|only)\b",
    re.IGNORECASE)
SUCH_BEFORE = re.compile(r"\bsuch\s+\Z", re.IGNORECASE)
# "Of these, 2,115 were militants", "Among them, 60 were soldiers": a sentence that opens on
# the figure the sentence before told as a whole of its own.
OF_THESE_OPENING = re.compile(r"[\s\"“‘']*(?:of|among)\s+(?:these|them|those)\s*,",
                              re.IGNORECASE)
# "Of the 233 deaths ...": a sentence (after a dateline, perhaps) that names the whole
# first, then its share.
WHOLE_FIRST = re.compile(r"(?:[A-Z][\w .,-]{0,40}:)?[\s\"“‘']*(?:of|out\s+of)\s+"
                         r"(?:the\s+|these\s+|those\s+|all\s+)?\Z", re.IGNORECASE)
# "495 times terrorists attacked ...", "militants struck police posts 40 times": a count of
# times an attack verb happened is a count of attacks (TIMES_AFTER right after the number,
# ATTACK_VERB in its clause).
TIMES_AFTER = re.compile(r"\s+times\b", re.IGNORECASE)
ATTACK_VERB = re.compile(r"\b(?:attacked|struck|targeted|raided|ambushed)\b", re.IGNORECASE)
# "..., including 259 in the merged districts", "of which 120 in ...": a part given as
# included in the figure before.
INCLUDED_BEFORE = re.compile(r"\b(?:including|included|includes|of\s+which|of\s+whom|of\s+these"
                             r"|out\s+of\s+which)\b[^.;\d]*\Z", re.IGNORECASE)
OTHERS_AFTER = re.compile(r"\s+(?:others|more)\b", re.IGNORECASE)
# "... by the TTP, which carried out 22 attacks": a clause that opens on a relative pronoun
# right after a group tells of that group ("(TTP)" may close the name).
# "Religiously inspired militant groups, including the TTP, perpetrated 208 attacks": the
# subject group, past an aside naming some of it, and the verb (up to three words).
GROUP_ASIDE_GAP = re.compile(
    r"\s*,\s*(?:including|such\s+as|like|notably|among\s+them)\b[^,;.()\d]{1,60},"
    r"(?:\s+[^\W\d_][\w’'-]*){1,3}\s+", re.IGNORECASE)
RELATIVE_AFTER_GROUP = re.compile(r"\)?\s*,?\s*(?:which|who)\b", re.IGNORECASE)
# "22 attacks resulting in 107 deaths": the toll of the attacks just counted (the gap holds
# the attacks' noun, at most three words).
TOLL_OF_ATTACKS_GAP = re.compile(
    r"(?:\s+(?:[^\W\d_][\w’'-]*|(?:19|20)\d\d)){1,4}?,?\s+(?:resulting\s+in|leaving|killing"
    r"|claiming"
    r"|(?:that|which)\s+(?:left|killed|claimed))\s+(?:the\s+lives\s+of\s+)?",
    re.IGNORECASE)
# A number a few words on (its hedge first): "killing at least 30".
NUMBER_SOON = re.compile(r"(?:[^\W\d_][\w-]*\s+){0,2}\d")
# The last word before a position (searched with an end bound): "losses" in "losses in".
LAST_WORD = re.compile(r"([^\W\d_][\w’'-]*)\s*\Z")
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
    r"\b(?:in|across|within|throughout|inside|at|of"
    # "four attacks were reported from the erstwhile FATA": where events were recorded (a
    # bare "from" is also an origin, "fighters from Afghanistan", or a move's start)
    r"|(?:reported|recorded|registered|documented)\s+from)\s+(?:the\s+)?\Z", re.IGNORECASE
)
LOCATIVE_BEFORE_LOW = re.compile(LOCATIVE_BEFORE.pattern)  # found_lowered
# A place named only incidentally: "bordering Afghanistan", "envoy for Afghanistan".
INCIDENTAL_BEFORE = re.compile(
    r"\b(?:bordering|borders?|border\s+with|neighbou?ring|adjacent\s+to|envoy\s+(?:for|to)"
    r"|ambassador\s+(?:to|for)|minister\s+(?:for|of)|representative\s+(?:for|to)"
    r"|relations\s+with|talks\s+with|ties\s+with"
    # "the tribal districts, now merged with Khyber Pakhtunkhwa, ...": an aside placing the
    # subject, not where its figures were counted
    r"|(?:merged|amalgamated)\s+(?:with|into))\s+(?:the\s+)?\Z|-\Z",
    re.IGNORECASE,
)
# The last letters of INCIDENTAL_BEFORE's last words ("bordering", "border", "with", "to",
# "for", "of", "into", "the"; "borders" is let through by its "s"), none of them a letter that
# case folding matches to another character than its capital ("i", "k", "s").
_INCIDENTAL_ENDS = ("ng", "der", "th", "to", "or", "of", "he")


def may_be_incidental(before: str) -> bool:
    """False when ``INCIDENTAL_BEFORE.search(before)`` finds nothing; True when it may.

    Its match ends with "-" or with one of its words and spaces; most places follow "in",
    which it does not end with (the pattern tries all 40 positions of the window).
    """
    if before.endswith("-"):
        return True
    tail = before.rstrip()
    if len(tail) == len(before):
        return False  # no space at the end
    return tail[-1:] in ("s", "S", "ſ") or tail.lower().endswith(_INCIDENTAL_ENDS)


# A place that qualifies a person or a body names its office or seat, not where a number was
# counted: "Pakistan's special envoy", "Pakistan's defense minister", "Islamabad-based".
INCIDENTAL_AFTER = re.compile(
    r"-based\b|[’']s\s+(?:[^\W\d_]+\s+){0,2}?(?:envoy|minister|ambassador|president|prime\s+minister"
    r"|government|army|military|spokes(?:man|person|woman)|foreign\s+office|ministry"
    r"|officials?|leader|authorities|chief|representative|delegation|embassy)\b",
    re.IGNORECASE,
)
# Before a place that opens its sentence as the subject: "Balochistan remained the most
# violent province, recording ...", "Meanwhile, the tribal districts saw ...".
SUBJECT_PLACE_BEFORE = re.compile(
    r"[\s\"“‘'(]*(?:(?:meanwhile|however|similarly|likewise|overall|in\s+contrast),?\s+)?"
    # ("According to PICSS, Khyber-Pakhtunkhwa faced the brunt ..., with 174 attacks")
    r"(?:(?:according\s+to|as\s+per)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,8},\s+)?"
    r"(?:the\s+)?", re.IGNORECASE)
# What may stand between places of one group: "Khyber Pakhtunkhwa and Balochistan",
# "Afghanistan's eastern Paktika and Khost".
# (Used with fullmatch on the short gap between two places; one \s* per token, so no
# ambiguous backtracking. Brackets hold a place's abbreviation: "Khyber Pakhtunkhwa (KP)".)
REGION_GLUE = re.compile(
    r"\s*(?:(?:,|and\b|&|or\b|as\s+well\s+as\b|[’']s\b|the\b|[()]|eastern\b|western\b|northern\b"
    r"|southern\b|central\b|north-?western\b|south-?western\b|north-?eastern\b"
    r"|south-?eastern\b|provinces?\b|regions?\b)\s*)*",
    re.IGNORECASE,
)
# "X and Y provinces, ..., accounting for 90%": the subject before the verb holds the share.
ACCOUNTING_FOR = re.compile(r"\baccount(?:ing|ed|s)?\s+for\b", re.IGNORECASE)

# Attribution before a source: "according to PIPS", "a study by the Karachi-based PIPS".
ATTRIBUTION_BEFORE = re.compile(
    r"(?:\baccording\s+to|\bas\s+per|\bquoting|\bciting|\b(?:says|said|states|stated|notes|noted)"
    r"|\b(?:report|study|survey|analysis|data|figures|estimates?|count|tally"
    r"|research|statistics|findings)\s+(?:(?:provided|presented|shared|given|supplied)\s+)?"
    r"(?:by|from|of)|\b(?:published|compiled|issued|released)\s+(?:here\s+|today\s+|on\s+\w+\s+)?by"
    r"|\b(?:ranked|ranks|placed|listed|figures?)\s+[^.;,]{0,30}?\b(?:in|on))"
    r"\s+(?:(?:the|an?)\s+)?(?:(?:latest|annual|new|[0-9]{4})\s+)?(?:[\w-]+-based\s+)?"
    r"(?:(?:think[\s-]tank|research\s+(?:centre|center|institute))\s+)?"
    r"[“\"‘']?\Z",  # ('according to “CRSS Annual Security Report 2024”')
    re.IGNORECASE,
)
# The year of an event a trend is told from or after: "since the Taliban's takeover of
# Afghanistan in 2021", "following the TTP's end of its ceasefire in November 2022".
EVENT_SINCE_HINTS = ("takeover", "take-over", "return", "withdr", "fall", "collapse",
                     "ceasefire", "cease-fire", "truce", "merger", "seiz", "captur", "power",
                     "ended", "end of")
EVENT_SINCE_BEFORE = re.compile(
    r"\b(?:since|after|following)\s+[^,.;:\d]{0,60}?\b(?:takeover|take-over|return(?:ed)?"
    r"|withdrawal|withdrew|fall|collapse|ceasefire|cease-fire|truce|merger|seized|seizure"
    r"|capture|came\s+to\s+power|ended|end)\b[^,.;:\d]{0,50}?\b(?:in|of)\s+"
    rf"(?:{_MONTH}\s+)?\Z", re.IGNORECASE)
# Words that make the dead and injured the result of events counted before them: "leading
# to 101 deaths", "in which 101 people were killed", "a 226 pc rise in resultant deaths".
RESULT_LINK = re.compile(
    r"\b(?:leading\s+to|led\s+to|resulting\s+in|resulted\s+in|in\s+which|which\s+(?:killed"
    r"|left|claimed|caused)|claiming|killing|causing|left|resultant|resulting|ensuing"
    r"|consequent)\b", re.IGNORECASE)
# A paragraph that opens on its place: "In KPK, ...", "In Balochistan, ..." (the place
# follows; a comma must close it).
SETTING_OPENING = re.compile(r"\s*(?:[Mm]eanwhile,\s+)?[Ii]n\s+(?:the\s+)?")
# A blank line: it ends a list item ("Civilian Deaths: 55\n\nSecurity Forces Deaths: 47").
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Between two counts of one list: "151 attacks, 293 deaths, and 487 injuries".
COUNT_LIST_GAP = re.compile(r"\s+(?:[^\W\d_][\w’'-]*\s+){0,2}[^\W\d_][\w’'-]*"
                            r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
# The "to" that closes a list "from" opens ("from 33 soldiers and 38 civilians to 16 ...").
TO_WORD = re.compile(r"\bto\b", re.IGNORECASE)
# The people a time was worst for: "the deadliest year for security forces", "the deadliest
# for Pakistan's civil and military security forces" (the people follow).
WORST_FOR = re.compile(
    r"\b(?:deadliest|bloodiest|worst|costliest|most\s+violent)\b[^.;:\d]{0,40}?\bfor\s+"
    r"(?:the\s+|Pakistan[’']s\s+)?(?:civil\s+and\s+military\s+)?", re.IGNORECASE)
WORST_FOR_WORDS = ("deadliest", "bloodiest", "worst", "costliest", "most violent")


def holds_any(text: str, lo: int, hi: int, words: Iterable[str]) -> bool:
    """Whether ``text[lo:hi]``, lower-cased, holds one of ``words``: the substring pre-test
    for a pattern most stretches cannot match (the pattern tries every position; ``in``
    finds a word far faster)."""
    low = text[lo:hi].lower()
    return any(word in low for word in words)


# Counts told "with" a subject: "with at least 685 fatalities and 444 terror attacks",
# "With over 500 fatalities and 299 terror attacks suffered".
WITH_LIST_BEFORE = re.compile(r"\bwith\s+[^.;:]*\Z", re.IGNORECASE)
# What a count of places counts: "28 districts", "66 countries", "four different provinces".
PLACE_UNITS_AFTER = re.compile(
    r"\s+(?:(?:different|other|more|separate)\s+)?(?:districts?|provinces?|countries|country"
    r"|cities|city|towns?|villages?|tehsils?)\b", re.IGNORECASE)
# A sentence that credits the figures before it to a publisher: "These were the key findings
# of the annual security report issued by CRSS" ...
THESE_FINDINGS_OPENING = re.compile(
    r"\s*(?:(?:These|Those|All\s+these|The\s+above)\s+(?:figures\s+|numbers\s+|statistics\s+)?"
    r"(?:were|are)\s+(?:among\s+)?(?:the\s+)?(?:key\s+|main\s+|major\s+|latest\s+)?"
    r"(?:findings|figures|statistics|numbers|data|highlights)\b"
    # ... "The findings were detailed in the Pakistan Security Report 2025, released by PIPS"
    r"|(?:These|Those|The)\s+(?:findings|figures|statistics|numbers|data)\s+(?:were|was|are)"
    r"\s+(?:detailed|given|released|published|contained|compiled|revealed|presented|shared)"
    r"\s+(?:in|by)\b)")
# ... or "PIPS, an Islamabad-based think tank, released these statistics in its report".
RELEASED_THESE = re.compile(
    r"\b(?:released|issued|published|compiled|shared|gathered)\s+(?:these|the\s+above)\s+"
    r"(?:statistics|figures|data|findings|numbers)\b", re.IGNORECASE)
# A sentence framed as a publisher's count: "For the Pakistan Institute for ..., militants".
FOR_SOURCE_OPENING = re.compile(r"\s*(?:But\s+|And\s+)?[Ff]or\s+(?:the\s+)?")
# Attribution after a source: "Durrani, ..., estimates", "PIPS (...) found", "PIPS's report".
# "told" is deliberately absent: the teller of an interview does not state the figure.
_ATTRIBUTION_VERB = (
    r"(?:said|says|say|saying|stated|states|claimed|claims|claiming|estimates?|estimated"
    r"|reported|reports|found|finds|recorded|records|counted|counts|noted|notes|believes"
    r"|believed|added|informed|apprised"
    # Counting verbs a publisher's tally is told with ("PICSS tallied", "police log 711").
    r"|tallied|tallies|logged|logs|log"
    # A ministry's answer to parliament is its own statement, unlike an interview's teller.
    r"|told\s+(?:the\s+)?(?:National\s+Assembly|Senate|[Pp]arliament|(?:upper|lower)\s+house"
    r"|House|lawmakers|legislators)"
    r"|puts?\s+the|puts?\s+(?=(?:[^\W\d_][\w’'-]*\s+){1,5}?at\s)"
    r"|showed|shows|show|revealed|reveals|reveal|documented|documents"
    r"|highlights|highlighted)\b"
)
# The titles of a body's head or spokesperson, who speak for it (one list for the two
# patterns that read them).
_HEAD_TITLE = (r"(?:DG|director[\s-]general|chief|head|spokes(?:man|person|woman)"
               r"|(?:executive\s+|managing\s+)?director|president|chairman|chairperson)")
ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:[0-9]{4}\s+)?(?:\([^()]{0,40}\)\s*)?(?:,[^,.;]{0,80},\s*|,\s*)?"
    # "A police report seen by Dawn showed": the outlet that relays it is an aside.
    r"(?:(?:cited|quoted|seen|obtained|accessed|reviewed)\s+by\s+[^,.;]{1,40}?\s+)?"
    r"(?:has\s+|have\s+|had\s+)?"
    rf"(?:(?:previously|also|recently|earlier|already|further|later|now|once)\s+)?"
    # "Rana Sanaullah had in January 2023 estimated": when, between the name and the verb
    # ("police records for 2024 show": what the records cover).
    r"(?:(?:in|on|during|last|for)\s+(?:[A-Z][a-z]+\s+)?(?:[0-9]{4}|[A-Z][a-z]+|week|month|year)"
    r"\s+)?"
    rf"{_ATTRIBUTION_VERB}"
    # ("the UN monitoring team's July 2024 report": when it came out, before the document)
    r"|[’']s?\s+(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?:(?:annual|latest|new|separate|own|official|provisional|final)\s+)?"
    r"(?:report|data|figures|study|survey|estimates?|count|tally|analysis|statistics)\b"
    # "An Interior Ministry report in May 2023 estimated", "the PIPS survey released on
    # Monday said": the source's document, then when it came out, then the verb.
    # "the PICSS Militancy Database showed": one name word may stand before the document.
    r"|\s+(?:[^\W\d_]+\s+)?(?:(?:annual|latest|new|quarterly|monthly|security)\s+)?"
    r"(?:report|study|survey|review|assessment|analysis|database|dataset|data|tracker"
    rf"|statistics)\s+(?:[^.;:]{{0,40}}?\s)?{_ATTRIBUTION_VERB}"
    # "the ISPR DG, Major General ..., further said": the body's head or spokesperson.
    rf"|\s+{_HEAD_TITLE}\b(?:[^.;:]{{0,50}}?\s)?{_ATTRIBUTION_VERB}",
    re.IGNORECASE,
)
# "CRSS executive director Imtiaz Gul said": a body's head named after it speaks for it.
HEAD_TITLE_GAP = re.compile(
    rf"(?:[’']s)?\s+{_HEAD_TITLE}\s*,?\s*"
    r"(?:(?:Lt|Lieutenant|Maj|Major|Gen|General|Dr|Mr|Ms|Mrs)\.?\s+)*", re.IGNORECASE)
# "<Name> said", "<Name>, the envoy, estimates" for names not in the source vocabulary: two to
# four capitalised words (one alone is too often a sentence's first word: "Officials said").
# "told" is absent as in ATTRIBUTION_AFTER: the teller of an interview does not state a figure.
# The check that no word character comes before the name follows its capital letter (the same
# test, made after it): a pattern that starts with a character class is scanned much faster.
_SAYING = "said|says|stated|states|estimates?|estimated|claimed|claims|added|believes"
NAME_SAID = re.compile(
    r"(?P<name>[A-Z](?<![\w’'-].)[\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|bin|ul|al|de|van|von)){1,3})"
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,.;]{0,80},\s*)?(?:has\s+|had\s+)?"
    r"(?:previously\s+|also\s+|recently\s+)?"
    rf"(?:{_SAYING})\b"
)
# What a stretch of text must hold for NAME_SAID to match in it: most sentences hold none of
# these verbs, and scanning for them is much cheaper than NAME_SAID's own scan.
NAME_SAID_VERB = re.compile(_SAYING)
# Capitalised words that open a sentence or name an office rather than a person or a body.
NAME_SAID_STOP = frozenset(
    [
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "From",
        "By", "With", "After", "Before", "During", "But", "And", "Or", "Its", "Their", "His",
        "Her", "Our", "Mr", "Mrs", "Ms", "Dr",
    ]
)
# A body named by capitalised words after "the" or a description ("the Islamabad-based think
# tank PICSS", "an Islamabad-based think tank Pak Institute for Peace Studies").
_CREDITED_NAME = (
    r"(?:(?:the|an?)\s+)?(?:[A-Z][\w-]*-based\s+(?:think[\s-]tank\s+)?)?"
    # (A name never runs past a line break, nor past a word's full stop: "PICSS. Kidnappings
    # rose" is two sentences; "D.I. Khan" is one name.)
    r"(?P<name>[A-Z][\w.&’'-]*(?:(?<![^\W\d_]{2}\.)[ \t]+(?:(?:of|for|and|on|the)[ \t]+){0,2}"
    r"[A-Z][\w.&’'-]*){0,6})"
)
# "according to <Name>" for names not in the source vocabulary: capitalised words.
# (No leading \b: a pattern that starts with a character class is scanned much faster; the
# word boundary is checked by the extractor.)
ACCORDING_TO_NAME = re.compile(r"[Aa]ccording\s+to\s+" + _CREDITED_NAME)
# "Data gathered by the Federal Crime Agency showed ...", "figures compiled
# by <Name>": the body the figures are credited to, as "according to <Name>" credits it.
CREDITED_DATA_BEFORE = re.compile(
    r"\b(?:data|figures|statistics|numbers|records)\s+(?:[a-z]+\s+)?"
    r"(?:gathered|compiled|collected|released|issued|published|maintained|shared|provided)\s\Z",
    re.IGNORECASE)
CREDITED_BY_NAME = re.compile(r"by\s+" + _CREDITED_NAME)


def according_to_names(text: str) -> list[re.Match[str]]:
    """``ACCORDING_TO_NAME.finditer(text)``'s matches, tried only one character before each
    "ccording" (a literal search: the pattern's own scan stops at every "a")."""
    return first_matches_at(ACCORDING_TO_NAME, (p - 1 for p in _occurrences(text, "ccording")
                                                if p and text[p - 1] in "Aa"), text)

def data_credited_names(text: str) -> list[re.Match[str]]:
    """``CREDITED_BY_NAME``'s matches after data credited with a verb ("data gathered by
    <Name>"), tried only where a verb's "d by " is (a literal search)."""
    out = []
    for p in _occurrences(text, "d by "):
        if CREDITED_DATA_BEFORE.search(text, max(0, p - 40), p + 2) and (
                m := CREDITED_BY_NAME.match(text, p + 2)):
            out.append(m)
    return out


# ---------------------------------------------------------------------------------------------
# Article context: datelines, "the country", carried attribution
# ---------------------------------------------------------------------------------------------

# A dateline opening a paragraph: "ISLAMABAD:", "KABUL, AFGHANISTAN –", "Peshawar, Pakistan -",
# "QUETTA (Reuters) -". The city (and the country, when given) place the article.
# Also the agencies' forms: "Peshawar [Pakistan], September 4 (ANI):", "Islamabad, Oct 2
# (PTI) Pakistan ..." (a month after the comma is no country; the city then places it).
DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Za-z'’.-]*(?:[ \t]+[A-Z][A-Za-z'’.-]*){0,2})"
    r"(?:[ \t]*\[[A-Z][A-Za-z ]{1,30}\])?"
    r"(?:,[ \t]*(?P<country>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)?)\.?(?:[ \t]+[0-9]{1,2})?)?"
    r"(?:[ \t]*\([^()\n]{1,30}\)(?:[ \t]*(?::|[–—-][ \t])|[ \t])|[ \t]*(?::|[–—-][ \t]))"
)
# A verb addressing a government by its capital ("warns Kabul", "urged Islamabad"): the
# place after it names the government, not where the figures are.
ADDRESSED_BEFORE = re.compile(
    r"\b(?:warn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|ask(?:s|ed|ing)?"
    r"|tell(?:s|ing)?|told|press(?:es|ed|ing)?|blam(?:e|es|ed|ing)|slam(?:s|med|ming)?"
    r"|summon(?:s|ed|ing)?)\s+\Z")
# A clause of its own between two places: "KP accounted for 1,480, while Balochistan ...".
CONTRAST_CLAUSE_BETWEEN = re.compile(r"[,;]\s*(?:while|whereas|but)\s", re.IGNORECASE)
# Words that refer to the article's own country: "across the country", "nationwide".
COUNTRY_REFERENCE = re.compile(
    r"\b(?:the\s+(?:whole\s+|entire\s+)?country(?![’']s?\s+(?:with|where))|nationwide|countrywide"
    r"|country-wide|across\s+the\s+nation)\b",
    re.IGNORECASE,
)
# Right before a country reference, a ranking whose field it is: "Sindh recorded the
# highest number of attacks in the country", "the most violent district of the country".
# The place ranked first is the figure's; the country is only where it was ranked.
RANKED_IN_BEFORE = re.compile(
    # ("the" first: "behind most attacks in KP, killing 300 people across the country" ranks
    # nothing)
    r"\bthe\s+(?:(?:second|third|fourth|fifth)[\s-]+)?(?:highest|most|largest|biggest|worst"
    r"|deadliest|hardest|lowest|fewest|least|greatest)"
    r"\b[^.;:!?\n]{0,80}\b(?:in|of|across)\s+\Z", re.IGNORECASE)
# The same without case folding, for ``lowered_for_matching`` text (all its letters are lower-case).
COUNTRY_REFERENCE_LOW = re.compile(COUNTRY_REFERENCE.pattern)


def _words_before(text: str, at: int, n: int) -> list[int]:
    """Starts of up to ``n`` words before ``at``, each separated by whitespace only."""
    out = []
    for _ in range(n):
        at = _word_before(text, at, "")
        if at < 0:
            break
        out.append(at)
    return out


def country_starts(low: str) -> list[int]:
    """Every word start in ``low`` (lower-cased text) where a ``COUNTRY_REFERENCE_LOW``
    match can start, and some more places (for ``matches_at``): every reference holds
    "country" or "nation" (rare words that a literal search finds fast), at its start or
    one or two words after it ("the whole country", "across the nation")."""
    return sorted({p for w in ("country", "nation") for at in _occurrences(low, w)
                   for p in (at, *_words_before(low, at, 2))})
# Attribution that refers back to the last source named: "It says", "the report said",
# "according to the report", "the think tank added", "the data shows". The figure then keeps
# that source until another is named.
_BACK_NOUN = (
    r"(?:report|study|survey|think[\s-]?tank|institute|institution|centre|center|index|data"
    r"|dataset|figures|statistics|stats|organi[sz]ation|body|monitors?|document|findings"
    r"|analysis|research|review|watchdog|tally|ministry|department|police|team)"
)
# The kind of document a carry marker names ("the report said"), looked for where its
# source was named.
DOCUMENT_NOUN = re.compile(r"\b(?:report|study|survey|analysis|review|findings|assessment"
                           r"|document)", re.IGNORECASE)
# A reference back to the last group named: "attributed to the group", "the outfit's",
# "linked to its attacks", "the attacks it carried out" (parts.yaml `agents` says which
# groups act).
GROUP_ANAPHOR_VERBS = ("linked", "attributed", "blamed", "tied", "claimed")
# "... the attacks it perpetrated the year before": "it" doing what groups do is the group.
# ("they" is left out: it is as often the militants in general.)
GROUP_ANAPHOR_DEEDS = ("perpetrated", "carried out", "conducted", "launched", "mounted",
                       "staged", "executed", "claimed", "caused", "inflicted")
GROUP_ANAPHOR = re.compile(
    r"\bthe\s+(?:(?:militant|terrorist|terror|banned|proscribed|outlawed|armed)\s+)?"
    r"(?:group|outfit)\b"
    rf"|\b(?:{'|'.join(GROUP_ANAPHOR_VERBS)})\s+(?:to|on|by)\s+(?:its|their)\b"
    r"|\bit\s+(?:had\s+|has\s+)?(?:"
    + "|".join(w.replace(" ", r"\s+") for w in GROUP_ANAPHOR_DEEDS) + r")\b",
    re.IGNORECASE,
)
# The same on an already lower-cased text: case folding in the pattern is a costly pass.
GROUP_ANAPHOR_LOW = re.compile(GROUP_ANAPHOR.pattern)


# The words every GROUP_ANAPHOR match holds, as whole words: its noun, a verb that starts
# it, or a deed "it" did. Found with the vocabularies in their shared scan (each literal
# searched alone was a pass over the text: 17 passes, about 12 ms per MB).
GROUP_ANAPHOR_WORDS = ("group", "outfit", *GROUP_ANAPHOR_VERBS, *GROUP_ANAPHOR_DEEDS)


def group_anaphor_starts_at(low: str, words: Iterable[tuple[int, int]]) -> list[int]:
    """``group_anaphor_starts`` from the spans of ``GROUP_ANAPHOR_WORDS`` found as whole
    words in ``low`` (each word's start and the starts of the two words before it: "the"
    before "group", "it" before a deed). A match holds one of them as a whole word, so its
    start is among these; the others are tried and fail (``matches_at``)."""
    return sorted({p for at, _end in words for p in (at, *_words_before(low, at, 2))})


def group_anaphor_starts(low: str) -> list[int]:
    """Every word start in ``low`` (lower-cased text) where a ``GROUP_ANAPHOR_LOW`` match can
    start, and some more places (for ``matches_at``): "the" one or two words before "group"
    or "outfit", a verb that starts the match, or "it" one or two words before a deed (all
    found by literal searches)."""
    return sorted({p for w in ("group", "outfit") for at in _occurrences(low, w)
                   for p in _words_before(low, at, 2)}
                  | {at for w in GROUP_ANAPHOR_VERBS for at in _occurrences(low, w)}
                  | {p for w in GROUP_ANAPHOR_DEEDS for at in _occurrences(low, w.split()[0])
                     for p in _words_before(low, at, 2)})
_EVENT_NOUN = (
    r"(?:attacks|incidents|assaults|bombings|blasts|strikes|raids|clashes|operations|events"
    r"|acts\s+of\s+(?:terrorism|violence))"
)
# "PICSS recorded 21 such attacks": the kind of event described before.
SUCH_EVENTS_AFTER = re.compile(rf"\s+such\s+(?:[\w-]+\s+)?{_EVENT_NOUN}\b", re.IGNORECASE)
# A place named again by a common noun: "In May alone, the province recorded 74
# incidents" is about the province (or region, with "this") last named.
PLACE_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:same\s+|restive\s+|troubled\s+|volatile\s+)?province\b"
    r"(?!\s+of\b)"
    # "PICSS recorded 11 militant attacks in this region": a demonstrative points back as
    # surely ("the region" alone is as often the wider neighbourhood).
    r"|\b(?:this|that|the\s+same)\s+(?:region|area)\b(?!\s+of\b)"
    # ... and two named together: "together, these two provinces suffered 72% of deaths".
    r"|\b(?P<two>(?:the|these|those)\s+two|both(?:\s+the)?)\s+provinces\b", re.IGNORECASE)
# A sentence whose subject takes up the events the sentence before counted: "These attacks
# claimed ...", "The attacks also left ...": their casualties were counted in the same place.
EVENT_SUBJECT = re.compile(
    rf"[\s\"“‘']*(?:(?:these|those|such)\s+(?:\w+\s+)?{_EVENT_NOUN}"
    rf"|the\s+(?:\w+\s+)?{_EVENT_NOUN}\s+also)\b", re.IGNORECASE)
# Words that point back to the period last stated: "during this period", "that month",
# "in the same period", or a sentence whose subject is the events just counted ("These
# claimed 23 lives", "These attacks left ...").
PERIOD_ANAPHOR = re.compile(
    r"\b(?:(?:during|in|over|for|within|throughout)\s+(?:this|that|the\s+same)\s+"
    r"(?:period|time|span)|that\s+month|the\s+same\s+(?:period|month))\b",
    re.IGNORECASE,
)
PERIOD_ANAPHOR_LOW = re.compile(PERIOD_ANAPHOR.pattern)  # found_lowered
# A word every PERIOD_ANAPHOR match holds (``found_lowered``'s ``needs``).
PERIOD_ANAPHOR_NEEDS = ("period", "time", "span", "month")
# A sentence that opens on the figures just told as a whole of its own: "This includes a
# 90% rise in ...", "These included 40 soldiers", "This figure included 12 policemen".
BACK_NOUN = re.compile(rf"\b{_BACK_NOUN}\b", re.IGNORECASE)
INCLUDES_SUBJECT = re.compile(r"[\s\"“‘']*(?:(?:this|that|these|those|it)\s+"
                              r"(?:(?:figure|number|total|tally|toll|count)s?\s+)?"
                              # "The casualties included 70 soldiers": the toll just told
                              r"|the\s+(?P<noun>casualties|dead|deaths|fatalities|victims|toll)\s+)"
                              r"(?:also\s+)?(?:includes?|included|including)\b", re.IGNORECASE)
# A sentence opening on more of what the one before counted: "Another 1,130 were injured",
# "A further 40 soldiers ...".
ANOTHER_OPENING = re.compile(
    r"[\s\"“‘']*(?:another|a\s+further|an\s+additional)\s+"
    r"(?:(?:about|some|over|nearly|at\s+least|more\s+than)\s+)?[0-9]", re.IGNORECASE)
# A sentence opening on the attacks the one before it named: "These attacks killed 240
# people", "The bombings also left 90 dead" (their toll is that of the kind of attack named
# there).
ATTACKS_REFERRED_OPENING = re.compile(
    r"[\s\"“‘']*(?:these|those|such|the)\s+(?:same\s+)?(?:attacks|bombings|blasts|assaults)\b",
    re.IGNORECASE)
DEMONSTRATIVE_SUBJECT = re.compile(
    r"[\s\"“‘']*(?:these|those)\s+(?:claimed|killed|left|caused|took|resulted|injured"
    r"|wounded)\b", re.IGNORECASE)
CARRY_MARKER = re.compile(
    rf"\b(?:it|they|the\s+(?:latest\s+|annual\s+|new\s+|same\s+|security\s+)?{_BACK_NOUN})\s+"
    r"(?:(?:also|further|has|have|had|then|additionally)\s+)*"
    r"(?:said|says|say|stated|states|added|adds|noted|notes|showed|shows|show|revealed|reveals"
    r"|found|finds|recorded|records|highlighted|highlights|pointed\s+out|observed|observes"
    r"|reported|reports|documented|documents|counted|counts|mentioned|mentions|indicated"
    r"|indicates|suggests|suggested|claimed|claims|registered|notes|put|puts|estimated"
    r"|estimates|warned|warns|underlined|disclosed|discloses"
    # "The index attributes 558 deaths to the TTP": what it puts down to a group is its count.
    r"|attributes|attributed|blames|blamed)\b"
    rf"|\b(?:according\s+to|as\s+per|per|in)\s+(?:the|its|their|this|that)\s+"
    rf"(?:latest\s+|annual\s+|new\s+|same\s+)?(?:(?:19|20)\d\d\s+)?{_BACK_NOUN}\b"
    rf"|\bthe\s+{_BACK_NOUN}[’']s?\b"
    r"|\b(?:it|they)\s+(?:also\s+)?(?:said|says|stated|states|added|noted)\b"
    # "Deaths in those attacks ...": a demonstrative takes up the events the last sentence
    # counted, so their casualties come from the same count.
    rf"|\b(?:in|from|during|by)\s+(?:those|these|the\s+same|such)\s+(?:\w+\s+)?{_EVENT_NOUN}\b",
    re.IGNORECASE,
)
CARRY_MARKER_LOW = re.compile(CARRY_MARKER.pattern)  # for lowered_for_matching text
# Where it can start, in lower-cased text (see PERIOD_PHRASE_START and ``matches_from``).
CARRY_MARKER_START = re.compile(
    r"i(?:t(?=\s)|n(?=\s+(?:the|its|their|this|that|those|these|such)))"
    rf"|th(?:ey(?=\s)|e(?=\s+(?:(?:latest|annual|new|same|security)\s|{_BACK_NOUN})))"
    r"|according(?=\s+to)|as(?=\s+per)|per(?=\s)"
    r"|from(?=\s+(?:those|these|the|such))|during(?=\s+(?:those|these|the|such))"
    r"|by(?=\s+(?:those|these|the|such))"
)

# ---------------------------------------------------------------------------------------------
# Periods written as words: quarters, half-years, year-to-date, month spans, fiscal years
# ---------------------------------------------------------------------------------------------

ORDINAL_NUMBERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "latter": 2,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
MONTH_COUNT_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}
_PY = rf"(?:(?P<@>{_YEAR})|(?P<@rel>this\s+year|last\s+year|the\s+(?:current|previous|last)\s+year))"


def _year_slot(name: str) -> str:
    """A year, or "this year"/"last year", captured in groups ``name`` / ``name``rel."""
    return _PY.replace("@", name)


_OF_YEAR = r"(?:\s*,?\s+(?:of|in|for)\s+(?:the\s+)?(?:(?:calendar|current)\s+)?(?:year\s+)?|\s+)"
PERIOD_PHRASE = re.compile(
    # "the second quarter of 2024", "Q2 2024", "Q2 of this year", "the first quarter (Q1)"
    rf"\b(?:the\s+)?(?P<qord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:\s*\(Q[1-4]\))?(?:{_OF_YEAR}{_year_slot('qy')})?"
    rf"|\bQ(?P<qnum>[1-4])(?:\s*(?:of\s+|[-/,]\s*)?{_year_slot('qy2')})?\b"
    # "the first half of 2023", "H1 2023"
    rf"|\b(?:the\s+)?(?P<hord>first|second|latter|1st|2nd)\s+half(?:{_OF_YEAR}{_year_slot('hy')})?"
    rf"|\bH(?P<hnum>[12])(?:\s+{_year_slot('hy2')})?\b"
    # "the first eleven months of 2024", "the first 10 months"
    rf"|\b(?:the\s+)?first\s+(?P<nmon>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])"
    rf"\s+months(?:{_OF_YEAR}{_year_slot('my')})?"
    # "the first three quarters of 2024": the months to the end of the last of them
    rf"|\b(?:the\s+)?first\s+(?P<nq>two|three|[23])\s+quarters(?:{_OF_YEAR}{_year_slot('nqy')})?"
    # "the last three months of 2024": the year's end (without a year, "the last three months"
    # runs back from the article, a relative period read elsewhere)
    rf"|\b(?:the\s+)?(?:last|final|closing)\s+(?P<lmon>two|three|four|five|six|seven|eight|nine"
    rf"|ten|eleven|[2-9]|1[01])\s+months(?:\s*,?\s+(?:of|in)\s+(?:the\s+)?(?:year\s+)?)"
    rf"{_year_slot('ly')}"
    # "January to September 2023", "from January to October", "between April and June 2024",
    # "April–June"
    rf"|\b(?:(?P<mfrom>from|between)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?"
    rf"\s*(?:to|through|till|until|and|–|—|-)\s*(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?\b"
    # fiscal years: "FY2023-24", "fiscal year 2023-24", "2023-24 fiscal year", "FY24"
    rf"|\b(?:FY|[Ff]iscal\s+[Yy]ear|[Ff]inancial\s+[Yy]ear)\s*(?P<fa>20[0-9]{{2}})\s*[-–/]\s*(?P<fb>[0-9]{{2}}(?:[0-9]{{2}})?)\b"
    rf"|\b(?P<fc>20[0-9]{{2}})\s*[-–/]\s*(?P<fd>[0-9]{{2}}(?:[0-9]{{2}})?)\s+(?:fiscal|financial)\s+year\b"
    rf"|\bFY\s?(?P<fe>[0-9]{{2}}(?:[0-9]{{2}})?)\b"
    # "the same period last year", "the corresponding quarter of 2022": a comparison's base
    rf"|\b(?:the\s+)?(?:same|corresponding)\s+(?:period|quarter|months?|half)\s+"
    rf"(?:(?:of|in)\s+)?(?:{_year_slot('sy')}|the\s+year\s+before)"
    # "from 2021 till date": from the year's start to publication
    rf"|\bfrom\s+(?P<tdy>{_YEAR})\s+(?:till|until|to|up\s+to)\s+(?:date|now|today)\b",
)
# Where a PERIOD_PHRASE match can start: the first word of each of its branches (or a prefix
# of it), "the", "from", "between" and "20" only before what must follow them. Each branch
# starts at a word boundary, so a period phrase never starts inside one of these words.
# Scanning for them (a literal first letter, which the engine skips to) and trying
# PERIOD_PHRASE only there is about three times faster than its own \b-led scan, with the
# same matches (``matches_from``).
_MONTH_START = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
PERIOD_PHRASE_START = re.compile(
    # Every branch starts with a letter or digit (not a group), so the engine scans for them.
    r"th(?:e(?=\s+(?:first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th|same"
    r"|corresponding))"
    r"|ird)"
    rf"|f(?:irst|ourth|inal|iscal|inancial|rom(?=\s+(?:{_MONTH_START}|[12][0-9]{{3}}\s)))"
    rf"|between(?=\s+{_MONTH_START})"
    r"|2(?:0(?=[0-9]{2}\s*[-–/])|nd)|1st|3rd|4th|la(?:st|tter)|s(?:econd|ame)|corresponding"
    r"|Q[1-4]|H[12]|J(?:an|u[nl])|F(?:eb|Y|iscal|inancial)|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec"
)


# PERIOD_PHRASE_START in two parts, for ``period_phrases``: its branches that start with a
# capital or a digit, a scan of their own (the engine stops at few characters), and the
# lower-case words its other branches start with ("the" only before the words its look-ahead
# names), found as whole words in the vocabularies' shared scan. A period phrase's
# lower-case first word is a whole word that spaces follow, so the places are the same.
PERIOD_PHRASE_CAPITAL_START = re.compile(
    r"2(?:0(?=[0-9]{2}\s*[-–/])|nd)|1st|3rd|4th"
    r"|Q[1-4]|H[12]|J(?:an|u[nl])|F(?:eb|Y|iscal|inancial)|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec"
)
PERIOD_PHRASE_WORDS = ["third", "first", "fourth", "final", "fiscal", "financial", "from",
                       "between", "last", "latter", "second", "same", "corresponding"]
PERIOD_PHRASE_AFTER_THE = ["first", "second", "third", "fourth", "final", "last", "latter",
                           "1st", "2nd", "3rd", "4th", "same", "corresponding"]


def period_phrases(text: str, words: list[tuple[int, int]]) -> list[re.Match[str]]:
    """``matches_from(PERIOD_PHRASE, PERIOD_PHRASE_START, text)``, given ``words``: the
    spans of ``PERIOD_PHRASE_WORDS`` and of "the" followed by one of
    ``PERIOD_PHRASE_AFTER_THE``, whole words in any case (more places than the start
    pattern's where the phrase cannot match: "From", "firstly", "the firsts")."""
    starts = {m.start() for m in PERIOD_PHRASE_CAPITAL_START.finditer(text)}
    starts.update(s for s, _e in words)
    return matches_at(PERIOD_PHRASE, sorted(starts), text)


def matches_from(rx: re.Pattern[str], starts: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``rx.finditer(text)`` finds, trying ``rx`` only where ``starts`` matches.

    ``starts`` must match at every position where an ``rx`` match can start, and its matches
    must be word characters, with ``rx`` starting at a word boundary: then no ``rx`` match
    starts inside a ``starts`` match that the scan steps over.
    """
    return matches_at(rx, (c.start() for c in starts.finditer(text)), text)


def matches_at(rx: re.Pattern[str], candidates: Iterable[int], text: str
               ) -> list[re.Match[str]]:
    """What ``rx.finditer(text)`` finds, trying ``rx`` only at ``candidates`` (ascending),
    which must hold every word start where an ``rx`` match can start (``rx`` starts at a word
    boundary); other places in it are skipped."""
    out = []
    pos = 0
    match = rx.match
    for p in candidates:
        if p < pos or p and (text[p - 1].isalnum() or text[p - 1] == "_"):
            continue  # inside the previous match, or not at a word boundary
        m = match(text, p)
        if m:
            out.append(m)
            pos = m.end()
    return out


def first_matches_at(rx: re.Pattern[str], candidates: Iterable[int], text: str
                     ) -> list[re.Match[str]]:
    """What ``rx.finditer(text)`` finds, trying ``rx`` only at ``candidates`` (ascending),
    which must hold every place where an ``rx`` match can start (``rx`` never matches the
    empty string): a match hides the places before its end, as in the scan. Unlike
    ``matches_at``, no word boundary is asked for."""
    out = []
    pos = 0
    match = rx.match
    for p in candidates:
        if p >= pos:
            m = match(text, p)
            if m:
                out.append(m)
                pos = m.end()
    return out


def _occurrences(text: str, literal: str) -> Iterator[int]:
    """Every position where ``literal`` occurs in ``text`` (``str.find``: a fast search)."""
    i = text.find(literal)
    while i != -1:
        yield i
        i = text.find(literal, i + 1)


def _word_before(text: str, at: int, separators: str) -> int:
    """Start of the run of letters and digits that ends where the whitespace and
    ``separators`` before ``at`` begin; -1 when there is no such separator or word."""
    j = at
    while j > 0 and (text[j - 1].isspace() or text[j - 1] in separators):
        j -= 1
    if j == at:
        return -1
    b = j
    while b > 0 and text[b - 1].isalnum():
        b -= 1
    return b if b < j else -1

# ---------------------------------------------------------------------------------------------
# More claim forms: factors and ranks
# ---------------------------------------------------------------------------------------------

# Multiplying verbs and their factor: "doubled" = 2, "halved" = 0.5 (new value over old).
FACTOR_VERBS: dict[str, float] = {
    "doubled": 2, "doubling": 2, "doubles": 2, "tripled": 3, "tripling": 3, "triples": 3,
    "trebled": 3, "trebling": 3, "quadrupled": 4, "quadrupling": 4, "quadruples": 4,
    "halved": 0.5, "halving": 0.5, "halves": 0.5,
}
_NUMBER_WORD_FOLD = alternation([*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "hundred"])
# "doubled", "more than doubling", "a nine-fold increase", "sevenfold", "19-fold", "2.5-fold".
FACTOR = re.compile(
    rf"\b(?:(?P<verb>{alternation(FACTOR_VERBS)})"
    rf"|(?P<num>[0-9]+(?:\.[0-9]+)?|{_NUMBER_WORD_FOLD})[\s-]?fold)\b(?![-‑]\w)",
    re.IGNORECASE,
)
FACTOR_LOW = re.compile(FACTOR.pattern)  # for lowered_for_matching text
# What every verb of FACTOR_VERBS starts with (``factor_starts``).
FACTOR_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv")


def _starts_regex(items: list[tuple[str, str]]) -> str:
    """Alternatives for (word, what must follow it) pairs, grouped by first letter: the engine
    skips to those letters and tries only that letter's words (see ``matches_from``)."""
    by_first: dict[str, list[str]] = {}
    for word, tail in items:
        rest = re.escape(word[1:]) + (f"(?={tail})" if tail else "")
        by_first.setdefault(word[0], []).append(rest)
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(by_first.items()))




def factor_starts(low: str) -> list[int]:
    """Every word start in ``low`` (lower-cased text) where a ``FACTOR_LOW`` match can start,
    and some more places (for ``matches_at``).

    A factor is a verb (each begins with one of the stems below) or a number right before
    "fold": rare words that a literal search finds much faster than a scan for every letter
    a factor can begin with. The number is the letters, digits and points before "fold" (and
    its space or hyphen); it starts where they do or after a point, never before the "fold"
    found before (no number word ends in a word boundary inside "fold").
    """
    return sorted(set([p for stem in FACTOR_STEMS for p in _occurrences(low, stem)]
                      + _fold_number_starts(low)))


def factor_starts_at(low: str, words: Iterable[tuple[int, int]]) -> list[int]:
    """``factor_starts`` with the verbs given: ``words``, the spans of ``FACTOR_VERBS`` as
    whole words in ``low`` (found with the vocabularies in their shared scan, not with a
    search per stem). A verb starts a match only as a whole word (``FACTOR``'s ``\\b``
    either side)."""
    return sorted(set([at for at, _end in words] + _fold_number_starts(low)))


def _fold_number_starts(low: str) -> list[int]:
    """Where the number before each "fold" can start (see ``factor_starts``): "fold" may end a
    word ("ninefold"), so it is searched for as a literal."""
    found = []
    floor = 0
    for at in _occurrences(low, "fold"):
        end = at - 1 if at and (low[at - 1].isspace() or low[at - 1] == "-") else at
        b = end
        while b > floor and (low[b - 1].isalnum() or low[b - 1] == "."):
            b -= 1
        found.append(b)
        found.extend(p for p in range(b + 1, end) if low[p - 1] == ".")
        floor = at + 4
    return found


# "ranked second", "ranks 4th", "placed third", "the second most-affected", "the most
# affected province" (1), "topped the index" (1).
_ORDINAL_RANK = alternation(
    [w for w, v in ORDINAL_WORDS.items() if v <= 20] + ["1st", "2nd", "3rd"]
    + [f"{i}th" for i in range(4, 21)]
)
RANK = re.compile(
    rf"\b(?P<verb>rank(?:ed|s)?|placed|positioned)\s+(?:as\s+|at\s+)?(?:the\s+)?"
    rf"(?P<ord>{_ORDINAL_RANK})\b"
    rf"|\b(?P<ord2>{_ORDINAL_RANK})[\s-]+(?:most|worst|highest|hardest|deadliest)\b"
    rf"(?=[\s-]+(?:affected|hit|impacted|terror|violent|dangerous|vulnerable|number|toll)|[\s-])"
    r"|\bthe\s+(?P<most>most)[\s-]+(?:affected|terror[\s-]hit|hard[\s-]hit|violence[\s-]hit"
    r"|impacted|violent)(?=\s+(?:province|region|country|district|city|area)s?\b)"
    r"|\b(?P<top>top(?:ped|s)?)\s+the\s+(?:list|index|ranking|rankings|table)\b",
    re.IGNORECASE,
)
RANK_LOW = re.compile(RANK.pattern)  # for lowered_for_matching text
def rank_starts(low: str) -> list[int]:
    """Every word start in ``low`` (lower-cased text) where a ``RANK_LOW`` match can start,
    and some more places (for ``matches_at``).

    Each branch of RANK holds a rare word that a literal search finds much faster than a
    scan for every letter RANK can begin with: its verb ("ranked", "placed", "topped") starts
    the match; a superlative ("most", "deadliest") follows the ordinal or "the" that starts
    it, across spaces and hyphens.
    """
    found = [p for w in ("rank", "placed", "positioned", "top") for p in _occurrences(low, w)]
    for w in RANK_SUPERLATIVES:
        for at in _occurrences(low, w):
            b = _word_before(low, at, "-")
            if b >= 0:
                found.append(b)
    return sorted(set(found))


# The words a RANK match holds as whole words: a verb that starts it, or a superlative after
# the ordinal or "the" that starts it (``rank_starts_at``).
RANK_VERBS = ("rank", "ranked", "ranks", "placed", "positioned", "top", "topped", "tops")
RANK_SUPERLATIVES = ("most", "worst", "highest", "hardest", "deadliest")


def rank_starts_at(low: str, words: Iterable[tuple[int, int]]) -> list[int]:
    """``rank_starts`` from the spans of ``RANK_VERBS`` and ``RANK_SUPERLATIVES`` as whole
    words in ``low`` (found with the vocabularies in their shared scan, not with nine
    searches of the text): a verb's start, and the word before a superlative."""
    found = []
    for at, end in words:
        if low[at:end] in RANK_SUPERLATIVES:
            b = _word_before(low, at, "-")
            if b >= 0:
                found.append(b)
        else:
            found.append(at)
    return sorted(set(found))


# ---------------------------------------------------------------------------------------------
# Binding a figure's own period, edition years, levels of a change
# ---------------------------------------------------------------------------------------------

# What may stand between a figure and the period that is its own: "715 in 2022", "517 attacks
# in 2023", "380 deaths during the second quarter", "1,210 (2023)".
FROM_SPAN_START = re.compile(r"from\s", re.IGNORECASE)
NOUNS_GAP = re.compile(r"\s+(?:[^\W\d_][\w’'-]*\s+){0,3}")
DATE_PREPOSITION_START = re.compile(r"(?:in|during)\s", re.IGNORECASE)
ATTACHED_GAP = re.compile(
    # ("the 980 of 2022": "of" too)
    r"\s*\(?\s*|\s*,?\s*(?:[^\W\d_][\w’'-]*\s+){0,3}?"
    r"(?:in|during|for|over|through|throughout|of)\s+"
    r"(?:the\s+)?(?:(?:calendar|fiscal|financial)\s+)?(?:year\s+)?"
)
# A change set beside a count ("512 deaths in 2022, an increase of 75% ...") and its base
# the year before that count's ("over the year before", "on the previous year").
CHANGE_BESIDE_COUNT_GAP = re.compile(r"(?:\s+[^\W\d_][\w-]*){0,3}?(?:\s+in\s+[0-9]{4})?\s*,\s*"
                                    r"(?:an?\s+|up\s+|down\s+)?", re.IGNORECASE)
YEAR_BEFORE_AFTER = re.compile(
    r"\s+(?:over|on|from|compared\s+(?:with|to))\s+(?:the\s+)?(?:year\s+before|previous\s+year"
    r"|preceding\s+year|prior\s+year)\b", re.IGNORECASE)
# A relative period right after a figure: "419 the year before", "380 a year earlier".
RELATIVE_GAP = re.compile(r"\s+(?:[^\W\d_][\w’'-]*\s+){0,2}?(?:in\s+)?")
# A year that is an edition's title year: "Global Terrorism Index 2025", "GTI 2025",
# "Pakistan Security Report 2023" (the year after a report's name), and "a 2023 report",
# "the 2025 Global Terrorism Index" (before it).
EDITION_BEFORE = re.compile(
    r"(?:\b(?:Index|Report|Review|Survey|Outlook|Monitor|Yearbook)|\([A-Z]{2,8}\)|\b[A-Z]{2,8})"
    r"[’']?\s*\Z"
)
# The characters EDITION_BEFORE's match can end with, before an apostrophe and spaces
# (case-sensitive: a capital, a bracket, the last letter of one of its words).
_EDITION_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ)xtwykr")


def may_end_in_edition(text: str, lo: int, end: int) -> bool:
    """False when ``EDITION_BEFORE.search(text, lo, end)`` finds nothing; True when it may
    (most years follow "in" or "of", which no edition title ends with)."""
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] in "’'":
        j -= 1
    return j > lo and text[j - 1] in _EDITION_LAST
EDITION_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][\w’'-]*|annual|security|terrorism)\s+){0,4}?"
    r"(?:[Rr]eport|[Ii]ndex|[Ee]dition|[Ss]urvey|[Rr]eview|[Yy]earbook)\b"
)
# "from 539 to 976" with no range word before: two levels of a change, not a range.
RANGE_WORD_BEFORE = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|anywhere|var(?:y|ies|ied|ying)|estimates?|estimated|between"
    r"|run|runs|ran|spanning|span|somewhere)\b[^.;:]*\Z",
    re.IGNORECASE,
)
# "620 of the 976 deaths": the second figure is the whole the first is a part of.
PART_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+|total\s+)?"
                           # "295 of the country's 521 attacks": the whole's place, owning it
                           r"(?P<owner>(?:the\s+)?[^\W\d_][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+)?\Z",
                           re.IGNORECASE)
# A duration used as a time reference: "the past six years", "the first four months".
DURATION_AROUND = re.compile(
    r"\b(?:first|last|past|previous|next|preceding|recent|coming)\s+\Z", re.IGNORECASE
)
DURATION_UNIT_AFTER = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|decades?|quarters?)\b", re.IGNORECASE
)
# "380 deaths in 3 months", "within 48 hours", "in ten years": a span of time the figures
# were counted over, not a figure itself.
DURATION_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|within|during|for|over)\s+(?:the\s+)?(?:(?:past|last|previous|preceding)\s+)?"
    r"(?:(?:almost|nearly|over|more\s+than|about|around|some|just\s+over|less\s+than)\s+)?"
    r"\Z", re.IGNORECASE
)
# "over the past 16 months", "in the last three months": a span that ends at publication
# ("the last three months of 2023" names its own year: a period phrase).
# Before such a span, a record or trend it measures ("the largest in the last five years",
# "after a decline in attacks during the past six years"): the span is that one's, not the
# figures'.
SPAN_OF_A_TREND_BEFORE = re.compile(
    r"\b(?:largest|highest|lowest|most|least|deadliest|worst|biggest|best|record|unprecedented"
    r"|decline|rise|increase|decrease|surge|drop|fall|trend|escalation|growth)\b[^,.;:\d]*\Z",
    re.IGNORECASE)
SPAN_NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty-four": 24}
PAST_SPAN_WORDS = ("past", "last", "previous", "preceding")
PAST_SPAN = re.compile(
    r"\b(?:the\s+)?(?:past|last|previous|preceding)\s+(?P<n>\d{1,3}|"
    + "|".join(SPAN_NUMBER_WORDS) + r")\s+(?P<unit>months|years|weeks|days)\b"
    r"(?!\s+(?:of|in)\b)", re.IGNORECASE)
# Between "a year earlier" and the year it names: "a year earlier in 2023", "the year
# before (2023)", "the previous year, 2023".
YEAR_APPOSITION_GAP = re.compile(r"\s*(?:,\s*|\(\s*|\s(?:in|of)\s+)")
# What a change's own words say changed, a plural noun phrase: "increase in targeted
# killings" (lower case: not a place or a month; a singular noun, "in violence", is left).
CHANGE_IN_NOUNS_AFTER = re.compile(
    r"\s+in\s+(?:the\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,2}"
    # (not where it changed: "fell by 10 percent in rural areas")
    r"(?!(?:areas|regions|districts|provinces|cities|towns|parts|places|centres|centers"
    r"|localities|villages|zones)\b)[a-z][\w-]*[a-z]s)\b(?![’']|\s+of\b)")
# Two measures one change is told of: "the deaths and injuries", "fatalities and the injured".
JOINED_MEASURES_GAP = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?:number\s+of\s+)?",
                                 re.IGNORECASE)
# "since 9/11, more than twenty years ago": a time before now, no count of anything.
TIME_AGO_AFTER = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|back)\b", re.IGNORECASE
)
DURATION_UNIT_OR_HOURS_AFTER = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|decades?|hours?)\b", re.IGNORECASE
)
# "three quarters of this year", "half of 2023": a fraction of a period is not a share.
PERIOD_AFTER_OF = re.compile(
    rf"\s+of\s+(?:the\s+|this\s+|last\s+|that\s+)?(?:{_YEAR}\b|(?:current\s+|calendar\s+|fiscal\s+)?year\b)",
    re.IGNORECASE,
)
# A small number word that is one of a list of counts: "66 in KP, seven in Sindh and
# three in Balochistan", "two each in Sindh and KP", "as compared to nine in 2020".
LIST_ITEM_AFTER = re.compile(
    rf"\s+(?:each\s+)?(?:in|from|at|during)\s+(?:the\s+)?(?:[A-Z]|{_YEAR}\b)|\s+each\b"
)
LIST_BEFORE = re.compile(r"(?:[0-9]|\b(?:two|three|four|five|six|seven|eight|nine)\s+in\b)"
                         r"[^.;!?]{0,80}?(?:,|\band\b|\bto\b|\bversus\b|\bvs\.?)\s*\Z",
                         re.IGNORECASE)
# "an increase of 37 percent from the toll of 2019", "compared with 2021": the words
# after a change that make a later year its base.
BASE_IN_CLAUSE = re.compile(
    r"\b(?:from|since|compared\s+(?:with|to)|as\s+against|against|than|over|on|versus|vs)\b",
    re.IGNORECASE,
)
# "from 38 in July to 59 in August": the "from" of a level, and the "to" of the next one.
FROM_WORD = re.compile(r"\bfrom\b", re.IGNORECASE)  # (TO_WORD is above)
# A comparison with another level between a figure and a time after it: "..., compared to
# 2,546 fatalities recorded in all of 2024" (the time is that level's).
COMPARED_LEVEL_BETWEEN = re.compile(
    r"\b(?:compared\s+(?:with|to)|as\s+against|against|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:[^\W\d_][\w-]*\s+){0,3}?\d", re.IGNORECASE)
# An aside on one of the events a figure counts, between the figure and a time after it:
# "318 soldiers died in attacks, the deadliest of which came on 9 November", "..., one of
# which struck on 4 May", "..., including an attack on a mosque in June" (that event's time).
ONE_EVENT_ASIDE_BETWEEN = re.compile(
    r",\s*(?:the\s+(?:[^\W\d_]+est|most\s+[^\W\d_]+)\s+of\s+(?:which|them)"
    r"|(?:one|two|three|some|most|many|several|all)\s+of\s+which"
    r"|including\s+(?:one\b|(?:an?|the)\s+(?:[^\W\d_]+\s+)?(?:attack|bombing|blast|assault"
    r"|strike|raid|ambush)\b))", re.IGNORECASE)
# Right before a part a figure's list names: "318 soldiers were killed, including 40 in
# November" (the time after the part is the part's own).
INCLUDING_PART_BEFORE = re.compile(r",\s*including\s+(?:some\s+|about\s+|at\s+least\s+)?\Z",
                                   re.IGNORECASE)
# Between a death or injury verb and its figure: "killed 229", "injured another 282",
# "killing at least 30" (the hedge is part of the claim).
VERB_GAP = re.compile(r"\s+(?:(?:another|a\s+further|an\s+additional|a\s+total\s+of|some|over)\s+)?")
# A metric word after "and" belongs to the next clause: "229 people and injured 282",
# "deaths climbing 28% and attacks nearly tripling".
# ("the number of deaths was 358 and that of injuries 496": "that of" stands for the number)
OTHER_CLAUSE_GAP = re.compile(r"\b(?:and|while|whereas|but)\s+(?:(?:that|those)\s+of\s+"
                              r"(?:the\s+)?|[^\W\d_][\w’'-]*\s+)?\Z", re.IGNORECASE)
# "a 122 percent jump from the previous year as security forces stepped up operations": a
# measure inside a clause that gives a reason or a time is not what the figure measures.
SUBORDINATE_CLAUSE_GAP = re.compile(
    r"(?<!such\s)\b(?:as|because|amid|following)\s+"
    r"(?!(?:per|well|many|much|a\s+result|compared|against|of|on|in|for|to|with)\b)"
    r"(?:[^\W\d_][\w’'-]*\s+){0,5}\Z", re.IGNORECASE)
# Before a count that is an item of a breakdown of a whole: "including 133 security
# personnel", "29 security personnel, 16 civilians and nine militants".
BREAKDOWN_ITEM_BEFORE = re.compile(
    r"(?:\b(?:including|among\s+(?:them|whom|those)|of\s+(?:whom|them))\s+"
    r"|\d[\d,]*\s+[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+))"
    r"\Z", re.IGNORECASE)
# "while the rest of the province recorded 308 attacks": what is left of a whole whose part
# was just counted.
REST_OF_BEFORE = re.compile(r"\b(?:[Tt]he\s+)?rest\s+of\s+(?:the\s+)?(?:province|country"
                            r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\b")
# A list of publishers' figures with the verb left out: "..., PICSS at 1,177, and CRSS at
# 2,546", "... and the Global Terrorism Index 1,099": the join before the name (after the
# figure before), and the gap between the name and its figure.
GAPPED_SOURCE_JOIN = re.compile(r"(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while)\s+)(?:the\s+)?\Z",
                                re.IGNORECASE)
GAPPED_SOURCE_GAP = re.compile(r"\s+(?:at\s+|with\s+)?")
# Where a new clause starts between a figure and the words after it: "..., and that", "; ".
NEW_CLAUSE = re.compile(r"[;.!?]\s|,\s*(?:and|but|while|whereas)\b|\band\s+that\b",
                        re.IGNORECASE)
# "..., and Balochistan, with 202": a place's own count after ", with".
PLACE_WITH_GAP = re.compile(r"\s*,\s*with\s+(?:some\s+|about\s+|over\s+|nearly\s+)?")
# "in KP, where 858 attacks were reported": a relative clause about the place before it.
WHERE_AFTER = re.compile(r"[\s,]*(?:where|in\s+which)\b[^.;]*\Z", re.IGNORECASE)
# "from 539 to 976": the gap between two levels of a change.
TO_GAP = re.compile(r"\s+to\s+", re.IGNORECASE)
# "from 45 security personnel and 29 civilians to 12 security men and five civilians":
# between the items of one list, and between the two lists.
LIST_ITEM_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:and\s+)?|\s+(?:[a-z][\w-]*\s+){0,3}?"
                           r"[a-z][\w-]*\s*,\s*(?:and\s+)?", re.IGNORECASE)
LIST_TO_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?to\s+", re.IGNORECASE)
# "from 64 during the first three months of 2022 to 120": the first level's own span between.
FROM_SPAN_TO_GAP = re.compile(r"\s+(?:in|during)\s+[^,;()]{3,50}?\s+to\s+", re.IGNORECASE)
# A metric word inside a prepositional phrase ("deaths in those attacks") qualifies the head.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|from|by|during|on|against|after|for)\s+(?:(?:the|those|these|such|its|their"
    r"|all|[^\W\d_]+-related|terrorist|militant|terror)\s+){0,2}\Z",
    re.IGNORECASE,
)
# A day date that says when a report was released, not what it counts.
RELEASE_BEFORE = re.compile(
    r"(?:\b(?:released|published|issued|launched|unveiled|said|says|told|reported|announced"
    r"|shared|made\s+public)\b[^.;]{0,40}?\b(?:on|this|last)\s+"
    r"|(?m:^)[ \t]*[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)?,[ \t]*)\Z",  # or a dateline's date
    re.IGNORECASE,
)
# A time between a saying verb (and its hearer) and "that": "told the National Assembly in
# May that ...", "said on Tuesday that ...": the time of the saying.
SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|informed|stated|announced|reported|disclosed|revealed)\b[^.;\d]{0,40}?"
    r"\s*\Z", re.IGNORECASE)
THAT_AFTER = re.compile(r"\s*,?\s+that\b", re.IGNORECASE)
# What is said dates itself: "that year", "in 2023", "the same period", "last year".
TIME_OF_ITS_OWN = re.compile(
    r"\b(?:(?:that|the\s+same|last|this|the\s+previous|the\s+whole)\s+(?:year|period|month"
    r"|quarter)|during\s+the\s+year|(?:in|of|during)\s+(?:19|20)\d\d)\b", re.IGNORECASE)
# "the number of deaths": a metric after "number of" is the head, not a qualifier.
# ("its count of violence-related deaths in 2024 to 2,555": a hyphened qualifier too.)
# Between a measure and the figure it heads: "the deaths of 685 security personnel".
OF_FIGURE_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
HEAD_OF_BEFORE = re.compile(r"\b(?:number|total|count|tally|toll)\s+of\s+(?:the\s+)?"
                            r"(?:[^\W\d_][\w-]*-[\w-]+\s+)?\Z", re.IGNORECASE)
# "according to the Institute": a generic noun refers back to the last source named.
GENERIC_SOURCE_NAMES = frozenset(
    ["Institute", "Report", "Centre", "Center", "Index", "Study", "Survey", "Data", "Think Tank",
     "Organisation", "Organization", "Ministry", "Department", "Government", "Police"]
)
# A group named across "and" belongs to another figure or clause.
AND_BETWEEN = re.compile(r"\b(?:and|while|whereas|but)\b", re.IGNORECASE)
# A group named beside other perpetrators: "attacks by separatists as well as sectarian
# outfits" are everyone's attacks, no one group's part. (Its own allies do
# not make others: "the TTP and its affiliates" is how publishers count the TTP.)
_OTHER_PERPETRATORS = (r"(?:groups?|outfits?|organi[sz]ations?|factions?|militants|insurgents"
                       r"|terrorists|separatists|nationalists)\b")
_JOINT = r"(?:\s*,\s*|\s+(?:and|or|as\s+well\s+as|along\s+with|together\s+with)\s+)"
JOINT_PERPETRATOR_AFTER = re.compile(
    _JOINT + r"(?!(?:its|their)\b)(?:[\w-]+\s+){0,3}?" + _OTHER_PERPETRATORS, re.IGNORECASE)
# A group's own allies after its name, which keep its figures its own: "the TTP and its
# affiliates killed 300".
ALLIES_AFTER = re.compile(
    r"\s+(?:and|along\s+with|with)\s+(?:its|their)\s+(?:affiliates|allies|associates"
    r"|affiliated\s+(?:groups|factions|outfits)|splinter\s+groups|factions|offshoots)\b",
    re.IGNORECASE)
JOINT_PERPETRATOR_BEFORE = re.compile(
    _OTHER_PERPETRATORS + _JOINT + r"(?:the\s+)?\Z", re.IGNORECASE)
# "85 attacks, marginally more than the 82 recorded in April": the level a count is compared
# with, right after the comparative.
COMPARED_LEVEL_BEFORE = re.compile(
    rf"\b(?:(?:{alternation(CHANGE_COMPARATIVES)})\s+(?:than|from|on)"
    r"|(?:more\s+than\s+|nearly\s+|almost\s+)?(?:double|twice|triple|thrice|half))"
    r"\s+(?:the\s+)?\Z", re.IGNORECASE)
# "... the bulk of the 2023 operations, with 15,063": a bare count after "with".
WITH_COUNT_BEFORE = re.compile(r",\s*with\s+(?:some\s+|about\s+|over\s+)?\Z", re.IGNORECASE)
# The comma that opens an apposition: "More than half of all deaths, 52 percent, ...".
APPOSITION_OPEN = re.compile(r"(?:\s+(?:in|during)\s+(?:[^\W\d_]+\s+){0,3}(?:(?:19|20)\d\d)?)?"
                             r"\s*,\s*", re.IGNORECASE)
# "Most of the operations, 15,063, ...": a count in apposition to the part of a whole, and
# the comma that closes the apposition before its verb.
APPOSED_COUNT_CLOSE = re.compile(r"\s*,\s*(?=(?:were|was|took|came|occurred|happened)\b)",
                                 re.IGNORECASE)
MOST_OF_APPOSED_BEFORE = re.compile(
    r"\b(?:(?:most|many|the\s+bulk|the\s+majority|the\s+lion[’']s\s+share|half)\s+of\s+"
    r"(?:the|these|those|its|their|all)\s+"
    # ... or to a comparative's noun: "with Balochistan suffering more deaths, 57, ..."
    r"|(?:more|fewer|most)\s+)(?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*\s*,\s*\Z",
    re.IGNORECASE)
# "Balochistan saw an 84 percent jump in attacks, to 202": the level a change reached, after
# the change and perhaps its noun.
CHANGE_LEVEL_GAP = re.compile(
    r"(?:\s+(?:in|of)\s+(?:[^\W\d_][\w-]*\s+){0,2}?[^\W\d_][\w-]*)?\s*,?\s*"
    r"(?:to|reaching)\s+(?:a\s+(?:total|high|record)\s+of\s+)?", re.IGNORECASE)
# "injuries rose 48 percent from the 302 recorded in 2021": the level a change started from.
CHANGE_BASE_GAP = re.compile(
    r"\s+(?:from|compared\s+(?:with|to)|against|over)\s+(?:the\s+|a\s+)?", re.IGNORECASE)
