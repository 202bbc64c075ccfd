"""The extractor's fast paths find exactly what the plain patterns find.

Speed changes (issue 15) replaced two scans by cheaper equivalents: the sentence-end pattern
was rewritten so that the regex engine can skip to its first character, and the month-based
date patterns are tried only where a cheap test around the month name says they can match.
Cheap pre-tests skip a pattern where it cannot match ("since" before a year, "This was
stated in" opening a sentence, a bracketed aside, "the province"): each must never say no
where its pattern matches.
Each test compares the fast path with the plain one on many texts built from the characters
and words that matter, so a later edit that breaks the equivalence fails here.
"""

from __future__ import annotations

import random
import re

import pytest

from sources import extract as X
from sources import patterns as P

# The sentence-end pattern as first written: punctuation run, closing quotes, then a space;
# or a line break.
PLAIN_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")


def _texts(pieces: list[str], n: int, length: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, length))) for _ in range(n)]


def test_sentence_end_matches_the_plain_pattern() -> None:
    pieces = [".", "!", "?", "\n", " ", "  ", '"', "”", "’", "'", ")", "]", "a", "B", "5", "Mr",
              "..."]
    for text in _texts(pieces, 3000, 30, seed=15):
        assert [m.span() for m in P.SENTENCE_END.finditer(text)] == [
            m.span() for m in PLAIN_SENTENCE_END.finditer(text)], text


def test_sentence_end_found_and_not_found() -> None:
    assert [m.group() for m in P.SENTENCE_END.finditer('He left." Then\nmore. 3.5 x?! y')] == [
        '."', "\n", ".", "?!"]
    assert list(P.SENTENCE_END.finditer("no end here 3.5 or U.S")) == []


def _plain_date_figures(text: str) -> list[tuple]:
    """``X._date_figures`` trying every month-based pattern at every month name."""
    found: dict[tuple[int, int], X._Figure] = {}
    n = len(text)
    last_hi: dict = {}
    for hint in P.MONTH_HINT.finditer(text):
        lo = max(0, hint.start() - P.DATE_BEFORE_MONTH)
        hi = min(n, hint.end() + P.DATE_AFTER_MONTH)
        for rx in (P.DATE_MONTH_DAY, P.DATE_DAY_MONTH, P.DATE_MONTH_YEAR, P.DATE_MONTH_ONLY,
                   P.DATE_MONTH_SUBJECT):
            for m in rx.finditer(text, max(lo, last_hi.get(rx, 0)), hi):
                if m.start() > hint.start() or m.end() < hint.end():
                    continue
                last_hi[rx] = m.end()
                fig = X._date_from_match(rx, m)
                if fig is not None:
                    found.setdefault((fig.start, fig.end), fig)
    return sorted((f.start, f.end, f.year, f.month, f.day, f.weekday) for f in found.values())


def _fast_date_figures(text: str) -> list[tuple]:
    return sorted((f.start, f.end, f.year, f.month, f.day, f.weekday)
                  for f in X._date_figures(text) if f.day is not None or f.month is not None)


def _month_texts(n: int, seed: int) -> list[str]:
    """Texts of one to four month names, each with words before and after it that each
    date pattern needs or must not see."""
    rng = random.Random(seed)
    before = ["", "In ", "in  ", "IN ", "mid-", "Mid- ", "the month of ", "since ", "early ",
              "27 ", "3rd of ", "Thursday, ", "Monday the 5th ", ". ", "?  ", "\n", "x", "3",
              "by\n", "nearby ", "Last ",
              "During ", "until "]
    months = ["June", "Sept.", "Sept", "Sep", "March", "Marchers", "May", "Dec.", "Oct"]
    after = ["", " 27", " 27, 2024", " 2024", "  2024", " saw", " was", ".", " 5th", ". 5",
             ",", " 31", " 30 2023", "-"]
    return ["".join(rng.choice(before) + rng.choice(months) + rng.choice(after)
                    + rng.choice([" ", ". ", "\n", ", and "]) for _ in range(rng.randint(1, 4)))
            for _ in range(n)]


def test_date_windows_find_what_every_pattern_finds() -> None:
    dates = 0
    for text in _month_texts(4000, seed=27):
        plain = _plain_date_figures(text)
        assert _fast_date_figures(text) == plain, text
        dates += len(plain)
    assert dates > 4000  # the texts hold dates of every kind, not only misses


def test_date_window_tests_found_and_not_found() -> None:
    text = "In March, on June 27 and 3 May 2023. October saw more; marchers in May 2024."
    found = {text[f.start:f.end] for f in X._date_figures(text)}
    assert {"In March", "June 27", "3 May 2023", "October", "May 2024"} <= found
    assert not any(t.lower().startswith("marchers") for t in found)


def _cased(words: list[str], rng: random.Random) -> str:
    """One of ``words`` with each letter upper- or lower-cased at random."""
    return "".join(c.upper() if rng.random() < 0.3 else c for c in rng.choice(words))


# Characters that case-insensitive matching folds onto ASCII letters other than their own
# capitals (long s, dotless and dotted i, Kelvin sign): a pre-test must not miss them.
_FOLDING = ["ſ", "ı", "İ", "K", "\u00a0", "\u2009"]


def _near_misses(words: list[str], n: int, seed: int) -> list[str]:
    """Texts of the pattern's words, their near misses and spaces, in random case."""
    rng = random.Random(seed)
    pieces = [" ", "  ", "\n", "\t", ".", ",", "x", "3", "2014", *_FOLDING]
    return ["".join(_cased(words, rng) if rng.random() < 0.5 else rng.choice(pieces)
                    for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_case_folding_gives_the_pretested_letters_no_twins() -> None:
    # The pre-tests below read "n", "c", "e", "r", "o", "v", "t" in either case only.
    for letter in "nceovrt":
        rx = re.compile(letter, re.IGNORECASE)
        assert {chr(i) for i in range(0x110000) if rx.fullmatch(chr(i))} == {
            letter, letter.upper()}


def test_since_pretest_never_misses_a_match() -> None:
    rng = random.Random(41)
    ends = ["since", "SINCE", "sınce", "ſince", "sincere", "nce", "year", "sinCE", ""]
    matched = 0
    for filler in _near_misses(["the", "year", "attacks", "highest", "most", "."], 6000, seed=41):
        text = (_cased(["highest", "deadliest", "most", "worst", "high"], rng) + filler
                + _cased(ends, rng) + rng.choice(["", " ", "  ", "\n", "\u00a0", "x", "-"]))
        for lo in (0, min(3, len(text))):
            if P.RECORD_SINCE_BEFORE.search(text, lo, len(text)):
                matched += 1
                assert P.may_end_in_since(text, lo, len(text)), text
    assert matched > 100
    assert not P.may_end_in_since("the most attacks in ", 0, 20)
    assert P.may_end_in_since("the most attacks SiNcE ", 0, 23)


def test_stated_in_pretest_never_misses_a_match() -> None:
    words = ["this", "these", "figures", "the", "was", "were", "stated", "revealed", "in", "by",
             "This was stated in", "These figures were revealed by"]
    matched = 0
    for text in _near_misses(words, 6000, seed=42):
        for start in range(min(4, len(text) + 1)):
            if P.STATED_IN_BEFORE.match(text, start):
                matched += 1
                assert P.may_open_stated_in(text, start), (text, start)
    assert matched > 100
    assert not P.may_open_stated_in("PIPS said this was stated in", 0)
    long_gap = " " * 9 + "This was stated in"  # more spaces than the pre-test reads
    assert P.STATED_IN_BEFORE.match(long_gap) and P.may_open_stated_in(long_gap, 0)


def test_aside_and_province_pretests_never_miss_a_match() -> None:
    rng = random.Random(43)
    spaces = ["", " ", "  ", "\n", "\u00a0"]
    asides = provinces = 0
    for rest in _near_misses(["per", "cent", "of", "(", ")"], 3000, seed=43):
        text = (rng.choice(spaces) + rng.choice(["(", "", "[", "(("]) + rest[:30]
                + rng.choice([")", "", ") "]) + rng.choice(spaces) + rest[30:])
        if P.ASIDE_IN_GAP.search(text):
            asides += 1
            assert "(" in text, text
    for rest in _near_misses(["province", "of", "the", "Punjab"], 3000, seed=44):
        text = (_cased(["the", "this", "that", "these"], rng) + rng.choice(spaces[1:])
                + rng.choice(["", "same ", "restive  ", "Volatile "])
                + _cased(["province", "provınce", "provinces", "rov", "provinCe"], rng)
                + rng.choice(spaces) + rest)
        if P.PLACE_ANAPHOR.search(text):
            provinces += 1
            assert "rov" in text.lower(), text
    assert asides > 100 and provinces > 300, (asides, provinces)


def test_iso_dates_and_according_to_found_as_their_scans_find_them() -> None:
    # Built from the pieces each pattern reads, glued at random: years of every length,
    # hyphens, digits around them; "according to" in both cases, inside words and chained.
    iso_pieces = ["2024", "1999", "3024", "12024", "-", "--", "06", "13", "-28", "-3", "2", "1",
                  "0", "9", " ", "x", "2024-06-28", "2024-6-28", "-2024-06-28", "2024-06-280"]
    found = 0
    for text in _texts(iso_pieces, 6000, 12, seed=61):
        plain = [m.span() for m in P.DATE_ISO_FAST.finditer(text)]
        assert [m.span() for m in P.iso_dates(text)] == plain, text
        found += len(plain)
    according_pieces = ["according to ", "According  to ", "Accordingly ", "ccording to ", "x",
                        "the ", "PIPS", "Home Department ", "of ", "and ", "\n", ", ", "A",
                        "According to the According to ", "ACCORDING TO "]
    names = 0
    for text in _texts(according_pieces, 6000, 10, seed=62):
        plain = [(m.span(), m.group("name")) for m in P.ACCORDING_TO_NAME.finditer(text)]
        assert [(m.span(), m.group("name")) for m in P.according_to_names(text)] == plain, text
        names += len(plain)
    assert found > 150 and names > 3000, (found, names)


def _windows(words: list[str], n: int, seed: int) -> list[str]:
    """Windows before a place or a year: a few words in random case, joined by spaces, hyphens
    and fold-twin characters, ending in spaces or not."""
    rng = random.Random(seed)
    joins = [" ", "  ", "\n", "-", "", "’", "'", *_FOLDING]
    return ["".join(_cased(words, rng) + rng.choice(joins) for _ in range(rng.randint(1, 5)))
            + rng.choice(["", " ", "  ", "\t", "-", "’ "]) for _ in range(n)]


def test_incidental_change_from_and_edition_pretests_never_miss_a_match() -> None:
    incidental = ["bordering", "borders", "border with", "neighbouring", "adjacent to",
                  "envoy for", "minister of", "ties with", "merged into", "the", "in", "of",
                  "to", "for", "with", "x", "bordering the", "neighboring", "borderſ"]
    change_from = ["rose", "fell", "increase", "decline", "from", "frOm", "fro", "rom", "since",
                   "rose from", "a drop from", "x"]
    edition = ["Index", "Report", "Review", "Survey", "Outlook", "Monitor", "Yearbook", "GTI",
               "(PIPS)", "PICSS", "in", "of", "report", "x", "A", ")", "Pakistan"]
    hits = [0, 0, 0]
    for text in _windows(incidental, 6000, seed=51):
        if P.INCIDENTAL_BEFORE.search(text):
            hits[0] += 1
            assert P.may_be_incidental(text), text
    for text in _windows(change_from, 12000, seed=52):
        if P.CHANGE_FROM_BEFORE.search(text):
            hits[1] += 1
            assert P.may_change_from(text), text
    for text in _windows(edition, 6000, seed=53):
        for lo in (0, min(2, len(text))):
            if P.EDITION_BEFORE.search(text, lo, len(text)):
                hits[2] += 1
                assert P.may_end_in_edition(text, lo, len(text)), (text, lo)
    assert min(hits) > 300, hits
    assert not P.may_be_incidental("killed in ") and not P.may_change_from("rose to ")
    assert not P.may_end_in_edition("attacks in ", 0, 11)


def test_accounting_pretest_never_misses_a_match() -> None:
    found = 0
    for text in _windows(["accounting for", "accounted  for", "accounts for", "account for",
                          "for", "ccount", "Balochistan"], 4000, seed=54):
        if P.ACCOUNTING_FOR.search(text):
            found += 1
            assert "ccount" in text.lower(), text
    assert found > 300


def test_change_noun_pretests_never_miss_a_match() -> None:
    rng = random.Random(55)
    spaces = [" ", "  ", "\n", "\t", "", "\u00a0"]
    hits = [0, 0]
    for filler in _near_misses(["the", "x", "violence", "(fatalities)", "of", "by"], 12000,
                               seed=55):
        text = (filler[:20] + rng.choice(spaces) + _cased(["increase", "decline", "surge",
                                                           "drop", "rise"], rng)
                + rng.choice(spaces) + _cased(["of", "in", "by", "in violence by",
                                               "in attacks (deaths) by", "ofƒ", "oF"], rng)
                + rng.choice(spaces) + rng.choice(["", "nearly ", "about  ", "more than ",
                                                   "up to ", "x ", "by "])
                + rng.choice(spaces))
        if P.CHANGE_NOUN_BEFORE.search(text):
            hits[0] += 1
            assert P.may_end_in_word_or_hedge(text, "of"), text
        if P.CHANGE_NOUN_IN_BY_BEFORE.search(text):
            hits[1] += 1
            assert P.may_end_in_word_or_hedge(text, "by"), text
    assert min(hits) > 300, hits
    assert not P.may_end_in_word_or_hedge("a rise in attacks ", "of")


def test_hedge_pretest_reads_whole_hedges_across_long_spaces() -> None:
    """``may_end_in_hedge`` reads the whole hedge only from the last characters: wide inner
    spaces ("more      than") and long windows must not make it miss one."""
    rng = random.Random(56)
    words = [*P.QUALIFIER_WORDS, "a total of", "killed", "of", "than", "to", "x", "ABOUT"]
    skipped = 0
    for _ in range(20000):
        gap = " " * rng.choice([1, 1, 2, 9, 30, 60])
        text = (rng.choice(["", "attacks were ", "x" * 70 + " "])
                + gap.join(rng.choice(words).split()) + rng.choice([" ", "  ", "\n", ""]))
        lo = rng.choice([0, 0, rng.randint(0, len(text))])
        if not P.may_end_in_hedge(text, lo, len(text)):
            assert P.QUALIFIER_BEFORE.search(text, lo, len(text)) is None, (text, lo)
            skipped += 1
    assert skipped > 3000
    assert not P.may_end_in_hedge("a total of ", 0, 11)
    assert P.may_end_in_hedge("in excess of ", 0, 13)


def test_lowered_searches_find_what_the_case_insensitive_patterns_find() -> None:
    """``found_lowered`` answers as ``rx.search(text, lo, hi)`` does: on random sentences in
    random case, with fold twins (which send it back to the pattern) and a word character
    right before ``lo`` (the boundary must read as in the text)."""
    rng = random.Random(57)
    words = ["was", "WERE", "had", "said", "killed", "during", "this", "that", "the", "same",
             "period", "month", "in", "of", "at", "across", "since", "year", "fy", "compared",
             "to", "against", "than", "as", "deadly", "all", "xwas", "wasx", "İn", "waſ", "ın",
             "during this period", "In The Same Month", "that  month", "compared to",
             "as deadly as all of", "in the", "Across", "throughout the"]
    pairs = [(P.PAST_TENSE, P.PAST_TENSE_LOW), (P.PERIOD_ANAPHOR, P.PERIOD_ANAPHOR_LOW),
             (P.YEAR_PREPOSITION_BEFORE, P.YEAR_PREPOSITION_BEFORE_LOW),
             (P.LOCATIVE_BEFORE, P.LOCATIVE_BEFORE_LOW),
             (P.YEAR_AS_BASE_BEFORE, P.YEAR_AS_BASE_BEFORE_LOW)]
    found = [0] * len(pairs)
    for _ in range(8000):
        text = "".join(_cased(words, rng) + rng.choice([" ", "  ", "-", "\n", ", "])
                       for _ in range(rng.randint(1, 8)))
        lo = rng.randint(0, len(text) - 1)
        hi = rng.choice([len(text), rng.randint(lo, len(text))])
        for k, (rx, rx_low) in enumerate(pairs):
            expected = rx.search(text, lo, hi) is not None
            assert P.found_lowered(rx, rx_low, text, lo, hi) == expected, (rx.pattern, text, lo)
            found[k] += expected
    assert min(found) > 150, found


def _population_after_by_slicing(text: str, populations: list[tuple[int, int, str]],
                                 fig: object) -> tuple[int, int, str] | None:
    """``_read_population_after`` as first written: the gap to the next people sliced whole."""
    k = next((i for i, p in enumerate(populations) if p[0] >= (fig.core_end or fig.span_end)),
             len(populations))
    if k == len(populations):
        return None
    gap = text[fig.span_end:populations[k][0]]
    if P.BLANK_LINE.search(gap):
        return None  # another item's people (a line of their own after a blank line)
    if "(" in gap:
        gap = P.ASIDE_IN_GAP.sub(" ", gap, count=1)
    gap = gap.rstrip("“\"‘'")
    if len(gap) <= 30 and (P.WORD_GAP.fullmatch(gap) and (
            not gap.split() or gap.split()[0].lower() not in P.FUNCTION_WORDS)
            or P.OF_WHOM_GAP.fullmatch(gap) or P.THOSE_OF_GAP.fullmatch(gap)):
        return populations[k]
    return None


@pytest.mark.parametrize("sliced", [X._SLICED_GAP, 0])
def test_population_after_a_count_read_without_slicing_long_gaps(
        sliced: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long gap between a count and the next people is refused before it is sliced (it
    made the extractor quadratic in a text that names few people): the same answer as the
    whole slice on gaps of long space runs, asides, quote runs and words around the limit
    (also with every gap checked before it is sliced)."""
    from types import SimpleNamespace

    monkeypatch.setattr(X, "_SLICED_GAP", sliced)

    pieces = [" ", " " * 40, " " * 1200, "\n", "(21 per cent)", "(" + "x" * 30 + ")",
              "(" + "y" * 31 + ")", "“", "”", '"' * 30, "‘", "'", "armed", "of whom were",
              "were those of the", "x", "the", "," + " " * 20, "'" * 70, "”" * 1100]
    rng = random.Random(61)
    # Around the limit: the longest aside, then spaces and a word whose length decides.
    edges = [" " * w + "(" + "x" * 30 + ")" + " " * r + "armed " + "”" * q
             for w in (1, 70, 1100) for r in range(1, 30) for q in (0, 1, 80, 1100)]
    accepted = refused_long = 0
    for i in range(20000 + len(edges)):
        gap = edges[i - 20000] if i >= 20000 else "".join(
            rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        text = "5" + gap + "civilians"
        populations = [(len(text) - 9, len(text), "civilians")]
        fig = SimpleNamespace(kind="count", core_end=1, span_end=1)
        ctx = SimpleNamespace(text=text, populations=populations)
        expected = _population_after_by_slicing(text, populations, fig)
        assert X._read_population_after(ctx, fig) == expected, repr(gap)
        accepted += expected is not None and len(gap) > max(sliced, X._LONG_GAP)
        refused_long += expected is None and len(gap) > max(sliced, X._LONG_GAP)
    assert accepted > 20 and refused_long > 1000  # long gaps met both ways


def test_names_said_in_a_sentence_read_from_the_whole_text_as_scanned_alone() -> None:
    """``_names_said`` (the whole text's "<Name> said" matches within a sentence, or the
    sentence scanned where one crosses its bounds) gives ``NAME_SAID.finditer`` of each
    sentence, on texts whose names and clauses run across sentence ends."""
    from sources.lexicon import load_lexicon

    lex = load_lexicon()
    pieces = ["John ", "Smith ", "Ayesha ", "Khan ", "bin ", "Al ", "Mr. ", "The ", "said",
              "says", "estimated", "believes", " (PIPS) ", ", the envoy, ", ", a man. ",
              "has ", "also ", "’", "'", "-", " ", "  ", ". ", ".\n", "\n", "? ", "! ",
              '." ', "x", "5", "U.S. ", "Dr. ", " said. ", "Islamabad ", "John Smith said",
              "Ayesha Khan says"]
    crossing = compared = 0
    for text in _texts(pieces, 2000, 30, seed=47):
        ctx = X._context(text, lex)
        for sent in ctx.sentences:
            expected = [m.span() for m in P.NAME_SAID.finditer(text, *sent)]
            assert [m.span() for m in X._names_said(ctx, sent)] == expected, (text, sent)
            compared += len(expected)
            crossing += any(m.start() < sent[0] < m.end() or m.start() < sent[1] < m.end()
                            for m in ctx.name_said)
    assert compared > 500 and crossing > 20  # both ways taken


def test_list_item_or_text_reads_a_line_as_the_two_searches_did() -> None:
    """``LIST_ITEM_OR_TEXT`` (one match per line) tells an item, a line of text and a blank
    line apart as ``LIST_ITEM_START`` then a search for a non-space did."""
    non_space = re.compile(r"\S")
    pieces = [" ", "\t", "\n", "-", "•", "*", "–", "1", "12", "123", ".", ")", "a", "B", "x-",
              "\u00a0", "\u2028"]
    kinds = set()
    for text in _texts(pieces, 20000, 8, seed=71):
        for lo in range(min(3, len(text))):
            was = ("item" if P.LIST_ITEM_START.match(text, lo) else
                   "blank" if non_space.search(text, lo) is None else "text")
            line = P.LIST_ITEM_OR_TEXT.match(text, lo)
            now = "blank" if line is None else "item" if line.group("item") else "text"
            assert now == was, (text, lo)
            kinds.add(now)
    assert kinds == {"item", "blank", "text"}


def test_earlier_figure_pretest_never_misses_a_match() -> None:
    # ``_may_end_in`` skips ``STATED_EARLIER_BEFORE`` ("its earlier figure of about ")
    # where the window cannot end as its match does.
    rng = random.Random(57)
    spaces = [" ", "  ", "\n", "\t", "", "\u00a0", "\u2009"]
    hit = 0
    for filler in _near_misses(["the", "its", "x", "figure", "of"], 8000, seed=57):
        text = (filler[:20] + rng.choice(spaces)
                + _cased(["earlier", "initial", "previous", "old", "earliest"], rng)
                + rng.choice(spaces) + _cased(["figure", "count", "toll", "tally", "fig"], rng)
                + rng.choice(spaces) + _cased(["of", "oF", "ſome", "o", "ofs"], rng)
                + rng.choice(spaces)
                + rng.choice(["", "about ", "ABOUT  ", "ſome ", "some\n", "nearly ", "nearly",
                              "x "])
                + rng.choice(spaces))
        for lo in (0, min(5, len(text))):
            if P.STATED_EARLIER_BEFORE.search(text, lo, len(text)):
                hit += 1
                assert X._may_end_in(text, lo, len(text), X._EARLIER_FIGURE_ENDS), text
    assert hit > 300, hit
    assert not X._may_end_in("its earlier figure of 1", 0, 23, X._EARLIER_FIGURE_ENDS)
    assert not X._may_end_in("an earlier figure at ", 0, 21, X._EARLIER_FIGURE_ENDS)
    assert X._may_end_in("its earlier figure of  ", 0, 23, X._EARLIER_FIGURE_ENDS)


def _plain_fact_boxes(text: str, sentences: list[tuple[int, int]],
                      on_subject: dict[int, bool]) -> None:
    """``_fact_boxes_on_subject`` as first written: one pass over every sentence."""
    marked = {k for k, yes in on_subject.items() if yes}
    if not marked:
        return
    run: list[int] = []
    for k, (start, end) in enumerate(sentences):
        line = P.LIST_ITEM_OR_TEXT.match(text, start, end)
        if line is not None and line.group("item"):
            run.append(k)
        elif line is None:
            continue
        elif run:
            if marked.intersection(run):
                on_subject.update(dict.fromkeys(run, True))
            run = []
    if run and marked.intersection(run):
        on_subject.update(dict.fromkeys(run, True))


def test_fact_boxes_read_around_the_marked_sentences_as_over_all() -> None:
    # The boxes (runs of list items, line breaks between them, up to a line of text) are
    # read only around the sentences marked on the subject: the same boxes get marked.
    from types import SimpleNamespace
    rng = random.Random(58)
    pieces = ["- Deaths: 650", "1. Attacks: 20", "• Injured: 9", "12) x", "—  y", "Text here.",
              "  and more", "\n", "  \n", "-x", "2024. Deaths", ""]
    boxes = 0
    for _ in range(3000):
        sentences, parts, pos = [], [], 0
        for piece in (rng.choice(pieces) for _ in range(rng.randint(1, 12))):
            parts.append(piece)
            sentences.append((pos, pos + len(piece)))
            pos += len(piece)
        text = "".join(parts)
        marked = {k: rng.random() < 0.6 for k in rng.sample(range(len(sentences)),
                                                             rng.randint(0, len(sentences)))}
        plain, fast = dict(marked), dict(marked)
        _plain_fact_boxes(text, sentences, plain)
        X._fact_boxes_on_subject(SimpleNamespace(text=text, sentences=sentences), fast)
        assert fast == plain, (text, sentences, marked)
        boxes += len(plain) > len(marked)
    assert boxes > 300, boxes


def test_suffering_pretest_never_misses_a_match() -> None:
    # ``_may_end_in`` skips the three patterns that read the people before a count
    # ("the outlaws suffered 412", "..., with 40 deaths") where the gap cannot end as they do.
    rng = random.Random(59)
    spaces = [" ", "  ", "\n", "\t", "", "\u00a0", "\u2009"]
    hits = 0
    for filler in _near_misses(["the", "in", "years", "month", "x", ","], 8000, seed=59):
        gap = (rng.choice(spaces) + _cased(["", "together ", "also ", "made", "were the"], rng)
               + rng.choice(spaces) + filler[:12] + rng.choice(["", ",", ", "])
               + rng.choice(spaces)
               + _cased(["suffered", "with", "lost", "accounted for", "made up", "bore",
                         "ſuffered", "wıth", "withs", "lose", "largest share, with",
                         "made up the largest share of the dead, with", "killed"], rng)
               + rng.choice(spaces))
        text = "soldiers" + gap + "40"
        lo, end = 8, 8 + len(gap)
        if (P.SUFFERED_GAP.fullmatch(text, lo, end) or P.LARGEST_SHARE_WITH_GAP.fullmatch(
                text, lo, end) or P.WITH_TOLL_GAP.fullmatch(text, lo, end)):
            hits += 1
            assert X._may_end_in(text, lo, end, X._SUFFERING_ENDS), text
            # (``_population_before`` asks first without the people's end: read from the
            # text's start, the test says "may" wherever it does from the gap's.)
            assert X._may_end_in(text, 0, end, X._SUFFERING_ENDS), text
    assert hits > 300, hits
    assert not X._may_end_in("soldiers killed 40", 8, 16, X._SUFFERING_ENDS)
    assert X._may_end_in("soldiers, with 40", 8, 15, X._SUFFERING_ENDS)


def test_responsible_and_revised_pretests_never_miss_a_match() -> None:
    # ``_may_end_in`` skips ``RESPONSIBLE_GAP`` ("The BLA, another group, was responsible for
    # 36%") and ``REVISED_TO_BEFORE`` ("revised that figure to 517") where the window before
    # the figure cannot end as their matches do.
    rng = random.Random(60)
    spaces = [" ", "  ", "\n", "\t", "", "\u00a0"]
    hits = [0, 0]
    for filler in _near_misses(["was", "the", "group", "allegedly", ",", "that"], 8000,
                               seed=60):
        gap = (rng.choice(["", ")", ","]) + rng.choice(spaces)
               + (filler[:16] + rng.choice(spaces) if rng.random() < 0.2 else "")
               + _cased(["was", "were", "is", "has been", "was the militant group,",
                         "was allegedly"], rng) + rng.choice(spaces)
               + _cased(["responsible for", "behind", "responsible", "behınd", "for"], rng)
               + rng.choice(spaces)
               + _cased(["", "about ", "nearly  ", "over ", "around ", "almoſt ", "almost",
                         "x "], rng) + rng.choice(spaces))
        if P.RESPONSIBLE_GAP.fullmatch(gap):
            hits[0] += 1
            assert X._may_end_in(gap, 0, len(gap), X._RESPONSIBLE_ENDS), gap
        window = (filler[:20] + rng.choice(spaces)
                  + _cased(["revised", "revises", "revising", "revisited"], rng)
                  + rng.choice(spaces) + _cased(["that", "the", "its", "this"], rng)
                  + rng.choice(spaces) + _cased(["figure", "toll", "estimate", "tally"], rng)
                  + rng.choice(spaces) + _cased(["", "up ", "downward ", "upwards "], rng)
                  + _cased(["to", "tO", "too", "t"], rng) + rng.choice(spaces))
        if P.REVISED_TO_BEFORE.search(window):
            hits[1] += 1
            assert X._may_end_in(window, 0, len(window), ("to",)), window
    assert min(hits) > 300, hits
    assert not X._may_end_in("the TTP, which killed ", 0, 22, X._RESPONSIBLE_ENDS)
