"""Case-insensitive patterns run on a lower-cased copy (``lowered_for_matching``) find
exactly what they find with ``re.IGNORECASE`` on the text itself."""

from __future__ import annotations

import re
import string
import sys
from functools import partial

import pytest

from sources import patterns as P
from sources.extract import _form_figures

PAIRS = [
    (P.COUNTRY_REFERENCE, P.COUNTRY_REFERENCE_LOW),
    (P.CARRY_MARKER, P.CARRY_MARKER_LOW),
    (P.FACTOR, P.FACTOR_LOW),
    (P.RANK, P.RANK_LOW),
]

TEXTS = [
    ("Attacks DOUBLED in the Province; deaths rose Nine-Fold and 2.5-fold. Balochistan Ranked "
    "Second, the Most Affected Province. THE REPORT SAID attacks Nationwide fell. It Also Noted "
    "that in Those Attacks 40 died. According to the Latest Report, the country's toll TOPPED "
    "THE LIST, Across The Nation."),
    "Casualties halved. The think-tank's data: the Institute’s findings. They said it tripled.",
    ("Kelvin sign \u212a and \u00c5ngstr\u00f6m: Turkish \u0130stanbul ranked third, "
    "\u0131t said the toll doubled; the long \u017f in Hal\u017fed."),
]


def test_only_dotless_i_and_long_s_fold_unlike_lower() -> None:
    """Over all of Unicode: a character matches an ASCII letter case-insensitively exactly
    when its lower-case form is that letter, and lower-casing keeps what ``\\w``, ``\\s``
    and ``\\d`` match, except for the characters ``lowered_for_matching`` refuses."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    word, space, digit = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")
    odd = set()
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            continue  # refused by the length check
        by_fold = letter.fullmatch(c) is not None
        by_lower = low in string.ascii_lowercase
        if by_fold != by_lower or (by_fold and not re.fullmatch(low, c, re.IGNORECASE)):
            odd.add(c)
        for rx in (word, space, digit):
            if (rx.fullmatch(c) is None) != (rx.fullmatch(low) is None):
                odd.add(c)
    assert odd == {"\u0131", "\u017f"}
    assert all(P.lowered_for_matching(f"x{c}y") is None for c in odd)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("folding", "lowered"), PAIRS, ids=lambda p: "")
def test_lowered_patterns_find_the_same_spans(
    text: str, folding: re.Pattern[str], lowered: re.Pattern[str]
) -> None:
    def spans(it):
        return [(m.span(), m.groupdict() and {k: (v or "").lower() for k, v in m.groupdict().items()})
                for m in it]

    expected = spans(folding.finditer(text))
    low = P.lowered_for_matching(text)
    if low is None:
        return  # the extractor runs the case-insensitive pattern itself
    assert spans(lowered.finditer(low)) == expected


def test_refused_when_lower_casing_moves_offsets_or_folds_differently() -> None:
    assert P.lowered_for_matching("\u0130stanbul doubled") is None  # İ lower-cases to 2 chars
    assert P.lowered_for_matching("\u0131t doubled") is None
    assert P.lowered_for_matching("Deaths DOUBLED") == "deaths doubled"


def test_form_figures_same_with_and_without_the_lowered_copy() -> None:
    """The extractor's factor and rank figures: same offsets and values in either path."""
    for text in TEXTS:
        found = sorted((f.start, f.end, f.value) for f in _form_figures(text))
        assert found, text
        spans = sorted({m.span() for m in P.FACTOR.finditer(text)}
                       | {m.span() for m in P.RANK.finditer(text)})
        assert [(s, e) for s, e, _ in found] == spans


# Pieces of period phrases and of words around them, joined at random below.
_PERIOD_PIECES = [
    "the", "The", "first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd",
    "4th", "quarter", "half", "months", "ten", "10", "of", "in", "for", "year", "this year",
    "Q1", "Q2", "Q4", "Q5", "H1", "H2", "from", "between", "January", "Jan.", "Sept.", "June",
    "May", "to", "and", "–", "-", "/", ",", "(Q1)", "FY", "FY24", "FY2023-24", "fiscal",
    "Fiscal Year", "financial year", "2023", "2023-24", "2024/25", "20", "same", "corresponding",
    "period", "bathe", "x", "Hfirst", "third-party", "sam", "e", "2", "0",
]


def test_period_phrases_found_from_their_starts_as_by_a_full_scan() -> None:
    """``matches_from`` with ``PERIOD_PHRASE_START`` finds what ``PERIOD_PHRASE.finditer``
    finds: every branch, in and out of words, glued or spaced at random."""
    import random

    rng = random.Random(15)
    texts = [
        ("In the second quarter of 2024 and Q3 2023, the first half of 2023 (H1 2023), the first "
        "ten months of this year, from January to September 2023, between April and June 2024, "
        "April–June, FY2023-24, fiscal year 2023-24, the 2023-24 fiscal year, FY24, the same "
        "period last year and the corresponding quarter of 2022."),
        "Bathe first quarter; sofirst half; x2023-24 fiscal year; Q22; Hamlet; lastquarter.",
    ]
    for _ in range(3000):
        pieces = rng.choices(_PERIOD_PIECES, k=rng.randint(1, 12))
        texts.append("".join(p + rng.choice([" ", "  ", "", "\n", ", "]) for p in pieces))
    found = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in P.PERIOD_PHRASE.finditer(text)]
        got = [(m.span(), m.groupdict())
               for m in P.matches_from(P.PERIOD_PHRASE, P.PERIOD_PHRASE_START, text)]
        assert got == expected, text
        found += len(expected)
    assert found > 1000  # the texts do hold period phrases of every kind


_CONTEXT_PIECES = [
    "It", "it", "They", "the", "The", "report", "Report's", "think-tank", "institute’s", "latest",
    "same", "also", "has", "said", "says", "noted", "recorded", "According to", "according",
    "to", "as per", "per", "in", "In", "its", "their", "this", "from", "during", "by", "those",
    "these", "such", "suicide", "attacks", "incidents", "acts of terrorism", "whole", "entire",
    "country", "country’s", "countrywide", "country-wide", "nationwide", "across the nation",
    "where", "with", "bathe", "Doubled", "doubling", "halves", "nine-fold", "Fourteen fold",
    "19-fold", "2.5-fold", "x3fold", "ranked", "Ranks", "placed", "as", "second-most", "10th",
    "twentieth", "Most", "worst", "hardest-hit", "affected", "province", "topped", "list",
    "militant", "group", "outfit", "linked to", "attributed", "blamed on", "claimed by", "sit", "Mr", "John", "Smith", "Ayesha", "bin", "Khan", "(PIPS)",
    "Dawn", "'", "-", "estimated", "believes", "ı", "İ", "ſ", "x", "_",
    # near misses of the literal searches (``country_starts``, ``group_anaphor_starts``)
    "nation", "national", "international", "the nation", "countryside", "terror", "armed",
    "banned", "groups", "subgroup", "outfits", "untied", "tied to", "its", "theirs",
    "it had carried out", "carried  out", "miscarried out", "has conducted", "it’s", "it staged",
    "perpetrated", "mounted", "caused", "inflicted",
]


def _random_texts(pieces: list[str], seed: int, n: int = 3000) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(p + rng.choice([" ", "  ", "", "\n", ", ", ". "])
                    for p in rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(n)]


def _group_anaphor_words(low: str) -> list[tuple[int, int]]:
    """The group-anaphor words as the extractor finds them (whole words, shared scan)."""
    from sources.extract import _GROUP_ANAPHOR_WORDS
    from sources.lexicon import spans_together

    return spans_together((_GROUP_ANAPHOR_WORDS,), low, low)[0]


def _from(starts: re.Pattern[str]):
    """Candidates from a ``*_START`` pattern (what ``matches_from`` tries)."""
    return lambda low: (m.start() for m in starts.finditer(low))


@pytest.mark.parametrize(
    ("folding", "lowered", "candidates"),
    [
        (P.CARRY_MARKER, P.CARRY_MARKER_LOW, _from(P.CARRY_MARKER_START)),
        (P.COUNTRY_REFERENCE, P.COUNTRY_REFERENCE_LOW, P.country_starts),
        (P.FACTOR, P.FACTOR_LOW, P.factor_starts),
        (P.RANK, P.RANK_LOW, P.rank_starts),
        (P.GROUP_ANAPHOR, P.GROUP_ANAPHOR_LOW, P.group_anaphor_starts),
        (P.GROUP_ANAPHOR, P.GROUP_ANAPHOR_LOW, lambda low: P.group_anaphor_starts_at(
            low, _group_anaphor_words(low))),
    ],
    ids=["CARRY_MARKER", "COUNTRY_REFERENCE", "FACTOR", "RANK", "GROUP_ANAPHOR",
         "GROUP_ANAPHOR_WORDS"],
)
def test_context_markers_found_from_their_starts_as_by_a_full_scan(
    folding: re.Pattern[str], lowered: re.Pattern[str], candidates
) -> None:
    found = 0
    for text in _random_texts(_CONTEXT_PIECES, 16, 8000) + TEXTS:
        low = P.lowered_for_matching(text)
        if low is None:
            continue
        expected = [m.span() for m in folding.finditer(text)]
        assert [m.span() for m in P.matches_at(lowered, candidates(low), low)] == expected, text
        found += len(expected)
    assert found > 10


_FACTOR_AND_RANK_PIECES = [
    "doubled", "Tripling", "trebles", "quadrupled", "halving", "halves", "fold", "-fold", "fold-",
    "nine", "ninefold", "Nine-Fold", "hundredfold", "hundred", "1", "19", "2.5", "3.", ".5",
    "0.5.5", "x", "_", "-", "--", " ", "fourteen", "ranked", "ranks", "rank", "placed",
    "positioned", "as", "at", "the", "second", "20th", "21st", "3rd", "first", "tops", "topped",
    "top", "list", "index", "most", "worst", "highest", "hardest", "deadliest", "affected", "hit",
    "terror-hit", "province", "districts", "almost", "stop", "Frank",
]


def _form_words(low: str) -> list[list[tuple[int, int]]]:
    """The factor verbs and rank words as the extractor finds them (whole words, shared
    scan)."""
    from sources.extract import _FACTOR_VERBS, _RANK_WORDS
    from sources.lexicon import spans_together

    return spans_together((_FACTOR_VERBS, _RANK_WORDS), low, low)


def test_factor_and_rank_candidates_hold_every_match_start() -> None:
    """``factor_starts`` and ``rank_starts`` (literal searches for rare words), and their
    ``_at`` forms (from the words found in the shared scan), give ``matches_at`` every place
    a match starts, on texts dense in near-misses: the same matches as the full
    case-insensitive scan."""
    assert all(verb.startswith(P.FACTOR_STEMS) for verb in P.FACTOR_VERBS)
    assert all(w.isalnum() for w, v in P.ORDINAL_WORDS.items() if v <= 20)
    found = 0
    for text in _random_texts(_FACTOR_AND_RANK_PIECES, 21, 20000):
        low = P.lowered_for_matching(text)
        if low is None:
            continue
        verbs, ranks = _form_words(low)
        for rx, lowered, candidates in (
                (P.FACTOR, P.FACTOR_LOW, P.factor_starts),
                (P.RANK, P.RANK_LOW, P.rank_starts),
                (P.FACTOR, P.FACTOR_LOW, partial(P.factor_starts_at, words=verbs)),
                (P.RANK, P.RANK_LOW, partial(P.rank_starts_at, words=ranks))):
            expected = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in P.matches_at(lowered, candidates(low), low)] == expected, text
            found += len(expected)
    assert found > 2000


def test_name_said_checks_the_character_before_the_name_as_a_leading_lookbehind() -> None:
    """NAME_SAID tests the character before the name after its capital (a faster scan): the
    same matches as the pattern with the test in front, on whole texts and from an offset."""
    before = re.compile(P.NAME_SAID.pattern.replace(
        r"(?P<name>[A-Z](?<![\w’'-].)", r"(?<![\w’'-])(?P<name>[A-Z]", 1))
    assert before.pattern != P.NAME_SAID.pattern
    found = 0
    pieces = ["John", "Smith", "Ayesha", "Khan", "bin", "al", "Mr", "The", "said", "says",
              "estimated", "believes", "(PIPS)", ",", ", the envoy,", "has", "also", "'", "’",
              "-", "x", "_", "9", "ı"]
    for text in _random_texts(pieces, 17):
        expected = [(m.span(), m.group("name")) for m in before.finditer(text)]
        assert [(m.span(), m.group("name")) for m in P.NAME_SAID.finditer(text)] == expected
        assert ([m.span() for m in P.NAME_SAID.finditer(text, 3, len(text) - 2)]
                == [m.span() for m in before.finditer(text, 3, len(text) - 2)])
        found += len(expected)
    assert found > 100


# --- issue 15: the shared scans and cheap pre-tests give what the patterns give --------------

_VOCABULARY_PIECES = [
    "attacks", "counterattacks", "Attacks", "killed", "people", "security forces", "security",
    "forces", "civilians", "civilian deaths", "suicide attacks", "air strikes", "airstrikes",
    "acts of terrorism", "Pakistan", "pakistan's", "Khyber Pakhtunkhwa", "KP", "kp", "KPK",
    "Balochistan", "Islamabad", "Kabul", "PIPS", "Pips", "Pakistan Institute for Peace Studies",
    "last year", "a year earlier", "the year before", "this month", "year-on-year", "including",
    "families", "each day", "a day", "TTP", "the group", "militants", "soldiers", "police",
    "twenty", "twenty-five", "one", "someone", "often", "hundreds", "dozens", "a dozen", "tens",
    "seventy", "thousand", "half", "third", "thirds", "x", "_", "-", "'", ".", "5", "ı", "İ", "ſ",
    # Words matched as written (acronyms, names), found from the shared scan of the lower-
    # cased text: as words, inside words, and lower-cased (which they do not match).
    "ICT", "district", "AJK", "FATA", "NWFP", "CTD", "ctd", "CRSS", "Asif Durrani", "CTD Khyber",
    "Balochistan Police", "Balochistan's Home Department",
    # The group-anaphor words: whole, inside words, and "carried out" across two spaces.
    "group", "subgroup", "Outfit", "carried  out", "miscarried out", "tied",
    "doubled", "redoubled", "Halving", "ranked", "Tops", "stop", "almost", "worst-hit",
    # First words tried only where a second word of theirs follows (``_viable_places``):
    # "the", "a", "on" before their second words, others, none, inside words, across lines.
    "the", "The", "THE", "bathe", "the world", "the World", "the worlds", "the world-over",
    "the\nmainland", "the\u00a0year", "the military's spokesman", "The military's media wing",
    "The sanctions monitoring team", "the sanctions", "the month", "the Month before", "a",
    "on", "on the", "on the army", "on police", "were", "were aimed at security forces",
    "the first", "the latter", "the 2nd", "firstly", "from", "between", "same", "the same",
]


def test_vocabularies_found_in_one_scan_as_each_finds_them() -> None:
    """``spans_together`` gives each finder's own ``spans``, on texts that glue vocabulary
    words to others (matches inside words hide what starts before their end)."""
    from sources.extract import (
        _FACTOR_VERBS,
        _GROUP_ANAPHOR_WORDS,
        _PERIOD_AFTER_THE,
        _PERIOD_WORDS,
        _RANK_WORDS,
        _RELATIVE,
    )
    from sources.lexicon import (
        _apart_heads,
        _viable_places,
        _word_ends,
        load_lexicon,
        spans_together,
    )
    from sources.numbers import WORD_RUNS

    lex = load_lexicon()
    finders = (lex.metric_finder, lex.modifier_finder, lex.not_place_finder, lex.region_finder,
               lex.source_finder, _RELATIVE, lex.group_finder, lex.population_finder, None,
               WORD_RUNS, _GROUP_ANAPHOR_WORDS, _FACTOR_VERBS, _RANK_WORDS, _PERIOD_WORDS,
               _PERIOD_AFTER_THE)
    found = filtered = 0
    present = tuple(f for f in finders if f is not None)
    # "the" is read by a scan of its own, for its places before a second word only.
    assert _apart_heads(present) == {"the"}
    for text in _random_texts(_VOCABULARY_PIECES, 31, 6000) + TEXTS:
        low = text.lower()
        expected = [f.spans(text, low) if f is not None else [] for f in finders]
        assert spans_together(finders, text, low) == expected, text
        found += sum(map(len, expected))
        if len(low) == len(text):
            filtered += bool(_viable_places(present, _word_ends(present, low), low))
    assert found > 20000
    assert filtered > 1000  # the places of "a" and "on" were narrowed in many texts
    # (Words as written are narrowed from the lower-cased text: spaces lower-case to spaces.)
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)]
    assert len(spaces) > 20 and all(re.fullmatch(r"\s", c.lower()) for c in spaces)


def test_word_ends_read_backwards_as_the_union_finds_them() -> None:
    """``_word_ends`` (the union of first words read in the reversed text) gives the union's
    own matches and starts, on texts that glue vocabulary words together and to others,
    with a word at the very start and end, and inside words ("counterattacks")."""
    from collections import defaultdict

    from sources.extract import _RELATIVE
    from sources.lexicon import _apart_heads, _heads_pattern, _word_ends, load_lexicon
    from sources.numbers import WORD_RUNS
    from sources.patterns import alternation

    lex = load_lexicon()
    present = tuple(f for f in (lex.metric_finder, lex.modifier_finder, lex.not_place_finder,
                                lex.region_finder, lex.source_finder, _RELATIVE,
                                lex.group_finder, lex.population_finder, WORD_RUNS) if f)
    # (The union of the first words but those scanned apart, "the".)
    apart = _apart_heads(present)
    assert apart == {"the"}
    union = re.compile(rf"(?:{alternation(h for h in _heads_pattern(present)[1] if h not in apart)})(?!\w)")
    inside = 0
    for text in _random_texts(_VOCABULARY_PIECES, 37, 6000) + TEXTS + ["", "the", " the"]:
        low = text.lower()
        expected: defaultdict[str, list[int]] = defaultdict(list)
        for m in union.finditer(low):
            expected[m.group()].append(m.start())
            inside += bool(m.start() and low[m.start() - 1].isalnum())
        found = _word_ends(present, low)
        assert {k: sorted(v) for k, v in found.items()} == dict(expected), text
    assert inside > 1000  # ends of words that are no first word themselves were met


_NEEDS_PIECES = ["x", "ı", "İ", "ſ", "K", "-", ",", "  ", "\n", "the", "of", "by", "in"]


@pytest.mark.parametrize(
    ("rx", "rx_low", "needs", "pieces"),
    [
        (P.PERIOD_ANAPHOR, P.PERIOD_ANAPHOR_LOW, P.PERIOD_ANAPHOR_NEEDS,
         ["during", "over", "for", "within", "throughout", "this", "that", "same", "period",
          "periods", "time", "Span", "month", "MONTH", "months", "during this period",
          "in that time", "over the same span", "that month", "the same month",
          "the same period"]),
        (P.ALSO_HURT, P.ALSO_HURT_LOW, P.ALSO_HURT_NEEDS,
         ["also", "Also", "ALSO", "been", "injured", "wounded", "killed", "martyred", "hurt",
          "also injured", "also been wounded", "alsokilled", "hurts", "also\ninjured",
          "also\tkilled"]),
        (P.FRACTION_CHANGE_BEFORE, P.FRACTION_CHANGE_BEFORE_LOW, P.FRACTION_CHANGE_NEEDS,
         ["increase of", "rise of", "drop of", "rose by", "fell by", "about", "more than",
          "some", "nearly", "increase", "rose", "decline  of", "Surged BY", "", " "]),
    ],
    ids=["PERIOD_ANAPHOR", "ALSO_HURT", "FRACTION_CHANGE_BEFORE"],
)
def test_searched_only_where_its_words_are(
        rx: re.Pattern[str], rx_low: re.Pattern[str], needs: tuple[str, ...],
        pieces: list[str]) -> None:
    """``found_lowered`` skips a stretch without one of ``needs``: the same answer as the
    search on random texts of the pattern's pieces (cased at random, with ı, İ, ſ)."""
    import random

    rng = random.Random(23)
    skipped = hits = 0
    for _ in range(20000):
        text = " ".join(rng.choice([w, w.upper(), w.title()]) for w in rng.choices(
            pieces + _NEEDS_PIECES, k=rng.randint(1, 8))) + rng.choice(["", " "])
        lo = rng.randint(0, len(text))
        plain = rx.search(text, lo, len(text)) is not None
        assert P.found_lowered(rx, rx_low, text, lo, len(text), needs) == plain, (text, lo)
        hits += plain
        skipped += not any(w in text[lo:].lower() for w in needs)
    assert hits > 300 and skipped > 1000


def test_lower_casing_keeps_word_characters() -> None:
    """The shared scan finds the exact words' places in the lower-cased text: that needs
    every character that lower-cases to one character to stay a word character or not."""
    word = re.compile(r"\w")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) == 1
            and bool(word.match(c)) != bool(word.match(c.lower()))] == []


def test_clause_breaks_as_the_pattern_finds_them() -> None:
    """``clause_breaks`` reads the characters around each mark in Python: the same spans as
    ``CLAUSE_BREAK.finditer``, and regex ``\\s`` is ``str.isspace`` over all of Unicode."""
    import random

    rng = random.Random(5)
    pieces = [",", ";", ":", " ", "\t", "\n", "-", "–", "—", "a", "5", "\u00a0", "\u2028",
              "x,y", " - ", "\x1c", "\x85", "5,000"]
    for _ in range(30000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        assert P.clause_breaks(text) == [m.span() for m in P.CLAUSE_BREAK.finditer(text)], text
    space = re.compile(r"\s")
    assert [c for c in map(chr, range(sys.maxunicode + 1))
            if bool(space.match(c)) != c.isspace()] == []


def test_hedge_pre_test_never_hides_a_hedge() -> None:
    """``may_end_in_hedge`` is False only where ``QUALIFIER_BEFORE`` finds nothing, and it
    is False for most windows before a figure (else it would save nothing)."""
    import random

    rng = random.Random(9)
    words = [*P.QUALIFIER_WORDS, "killed", "reported", "Over", "ABOUT", "up  to", "up\tto",
             "more\nthan", "an estimated", "how about", ">=", "<", "≤", "= ", "x", "5", "ſome",
             "K", "to", "of", "as", "the", "in"]
    skipped = 0
    for _ in range(40000):
        text = " ".join(rng.choices(words, k=rng.randint(1, 4))) + rng.choice(["", " ", "  "])
        lo = rng.randint(0, max(0, len(text) - 1))
        hit = P.QUALIFIER_BEFORE.search(text, lo, len(text))
        if not P.may_end_in_hedge(text, lo, len(text)):
            assert hit is None, (text, lo)
            skipped += 1
    assert skipped > 5000


def test_a_match_inside_a_word_hides_what_it_overlaps_in_the_shared_scan_too() -> None:
    """"xbc d": the finder of "c d" and "d" meets "c d" inside "xbc" first (dropped, as it
    starts inside a word), which hides "d"; another finder's "bc" is found in that word
    first by the shared scan, and "c" must still be tried after it."""
    from sources.lexicon import _word_regex, spans_together, word_finder

    def finder(words: list[str]):
        return word_finder(words, _word_regex(P.alternation(words), re.IGNORECASE))

    c_d, bc = finder(["c d", "d"]), finder(["bc"])
    for text in ["xbc d", "xbc d d", "bc d", "c d"]:
        low = text.lower()
        assert spans_together((c_d, bc), text, low) == [c_d.spans(text, low), bc.spans(text, low)]
    assert c_d.spans("xbc d", "xbc d") == []  # hidden, as by the finder's own scan


def test_the_is_scanned_apart_only_where_every_finder_needs_a_word_after_it() -> None:
    """"the" leaves the shared scan's union (its places read from a scan for it before a
    second word) only when every finder that owns it needs one: a finder of "the" alone
    keeps it in the union, and each finder still finds its own spans either way, inside
    words ("bathe world") too."""
    from sources.lexicon import _apart_heads, _word_regex, spans_together, word_finder

    def finder(words: list[str]):
        return word_finder(words, _word_regex(P.alternation(words), re.IGNORECASE))

    the_world, the_alone, cat = finder(["the world", "dog"]), finder(["the", "cat"]), finder(["cat"])
    assert _apart_heads((the_world, cat)) == {"the"}
    assert _apart_heads((the_world, the_alone)) == frozenset()
    only_the = finder(["the world"])
    assert _apart_heads((only_the,)) == frozenset()  # (the union keeps a word to scan for)
    texts = ["the world", "The  World, the dog", "bathe world the", "the the world thecat",
             "cat the\nworld", "the worlds the"]
    for finders in ((the_world, cat), (the_world, the_alone), (the_alone, the_world, cat),
                    (only_the, cat)):
        for text in texts:
            low = text.lower()
            assert spans_together(finders, text, low) == [f.spans(text, low) for f in finders]
