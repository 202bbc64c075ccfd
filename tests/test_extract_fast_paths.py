"""The extractor's fast paths find exactly what the plain patterns find.

Speed changes (issue 15) replaced two scans by cheaper equivalents: the sentence-end pattern
was rewritten so that the regex engine can skip to its first character, and the month-based
date patterns are tried only where a cheap test around the month name says they can match.
Each test compares the fast path with the plain one on many texts built from the characters
and words that matter, so a later edit that breaks the equivalence fails here.
"""

from __future__ import annotations

import random
import re

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
