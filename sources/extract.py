"""Find the numeric claims in an article's text and bind each to what, where, when and who.

``extract_claims`` returns the ``ClaimSchema`` table: one row per figure or date stated, with
its exact span, the number(s) as stated, the hedge word, and the metric, region, period and
source the sentence binds it to. Values are recorded as written; interpreting a hedge or a
round number is the judge's job (``checks``), so nothing here widens a figure.

The grammar (patterns and word tables) lives in ``sources.patterns``; the vocabularies in
``sources/vocab/*.yaml`` (loaded by ``sources.lexicon``). This module is the logic that
combines them, in three passes over the text:

1. find mentions: figures, number words, dates, years, relative periods, metric words,
   places and sources (each one regex pass over the whole text, so the cost is linear);
2. classify each figure (count, percent, change, share, range, money, ratio, date), or drop
   it (years, ordinals, names such as "Covid-19");
3. bind each claim within its sentence and clause, by position (bisect over sorted mentions).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from checks.schemas import ClaimSchema as C
from checks.schemas import empty, validate
from checks.vocabulary import Kind, Qualifier
from sources import numbers as N
from sources import patterns as P
from sources.lexicon import Lexicon, load_lexicon, normalise, word_finder
from sources.numbers import Number, find_numbers

# Enum values read once: these are compared in the inner loops.
DATE, RANGE, SHARE, COUNT = Kind.DATE.value, Kind.RANGE.value, Kind.SHARE.value, Kind.COUNT.value
PERCENT, MONEY, RATIO = Kind.PERCENT.value, Kind.MONEY.value, Kind.RATIO.value
CHANGE, POINTS = Kind.PERCENT_CHANGE.value, Kind.PERCENTAGE_POINTS.value
CHANGE_KINDS = {CHANGE, POINTS}
PERCENT_UNIT = "%"
POINTS_UNIT = "pp"

_QUALIFIERS = {normalise(k): v for k, v in P.QUALIFIER_WORDS.items()}
_TRAILING = {normalise(k).lstrip("-"): v for k, v in P.TRAILING_QUALIFIER_WORDS.items()}
_CHANGE_NOUNS = {normalise(k): v for k, v in P.CHANGE_NOUNS.items()}
_CHANGE_VERBS = {normalise(k): v for k, v in P.CHANGE_VERBS.items()}
_YEAR_LIKE = re.compile(r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)")
_TWO_DIGITS = re.compile(r"[0-9]{2}")
_PRECEDING_WORD = re.compile(r"([\w.]+)\Z")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_RELATIVE = word_finder(P.RELATIVE_WORDS, P.RELATIVE_PERIOD)
MAX_SENTENCE = 600  # longer "sentences" are quoted around each claim only
_HEDGE_WINDOW = 28  # the longest hedge ("greater than or equal to ", 25 characters) fits
_SYMBOLS = {k: v.value for k, v in P.QUALIFIER_SYMBOLS.items()}
_INCLUSIVE = {Qualifier.OVER.value: Qualifier.AT_LEAST.value,
              Qualifier.UNDER.value: Qualifier.UP_TO.value}
_WINDOW = 60  # characters looked at before a figure for hedges, change verbs and names


# ---------------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------------


@dataclass
class _Figure:
    """A number (or date) found in the text, before and after classification."""

    start: int  # span of the figure itself ("90%"), widened later by hedges and nouns
    end: int
    origin: str  # "digits", "words", "vague", "fraction", "ratio", "date", "year"
    value: float | None = None
    percent: bool = False
    points: bool = False
    currency: str | None = None
    scaled: float | None = None  # the scale word's factor, for ranges ("3 to 5 million")
    year_like: bool = False
    two_digit: bool = False
    qualifier: str | None = None
    # dates
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    # after classification
    kind: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    span_start: int | None = None  # set when the claim starts before the figure ("between")
    span_end: int = 0
    core_end: int = 0  # where the figure's own words end (metric words are looked for after)
    period: str | None = None
    base_period: str | None = None
    metric: str | None = None
    region: str | None = None
    attributed_to: str | None = None
    iso_date: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class _TimeRef:
    """A time reference in a sentence: an explicit year, a date, or a relative period."""

    pos: int
    period: str
    is_base: bool = False  # "compared with last year", "the previous year"
    explicit_year: bool = False


@dataclass
class _Context:
    """Everything found once over the whole text, kept sorted for bisecting."""

    text: str
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    breaks: list[tuple[int, int]]
    break_starts: list[int]
    metrics: list[tuple[int, int, str]]
    metric_starts: list[int]
    modifiers: list[tuple[int, int, str]]
    regions: list[tuple[int, int, str]]
    sources: list[tuple[int, int, str]]
    according: list[tuple[int, int, str]]
    relatives: list[tuple[int, int, str]]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans; not at "Mr.", "U.S.", "No. 5", decimals or initials."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in P.SENTENCE_END.finditer(text):
        end = m.end()
        nxt = text[end] if end < n else ""
        if nxt.islower():
            continue  # a hard-wrapped line or an abbreviation followed by more sentence
        punct = m.group().rstrip()
        if punct.startswith(".") and not punct.startswith(".."):
            st = m.start()
            # The word before the full stop: sliced after the last space when that is clean
            # (the usual case, no regex needed), else read with the pattern.
            word = text[text.rfind(" ", max(0, st - 20), st) + 1:st]
            if not word.replace(".", "").replace("_", "").isalnum():
                before = _PRECEDING_WORD.search(text, max(0, st - 20), st)
                word = before.group(1) if before else ""
            if word:
                bare = word.lower().rstrip(".")
                if bare in P.ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()) or (
                    "." in word.strip(".") and not any(c.isdigit() for c in word)
                ):
                    continue
        if end > start:
            spans.append((start, end))
            start = end
    if start < n:
        spans.append((start, n))
    return spans or [(0, n)]


def _masked(start: int, end: int, masks: list[tuple[int, int]], mask_starts: list[int]) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``masks``."""
    i = bisect_right(mask_starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(masks) and masks[j][0] < end and start < masks[j][1]:
            return True
    return False


def _context(text: str, lex: Lexicon) -> _Context:
    """Find sentences, clause breaks, metric words, places, sources and relative periods."""
    sentences = _sentence_spans(text)
    breaks = [(m.start(), m.end()) for m in P.CLAUSE_BREAK.finditer(text)]
    low = text.lower()
    metrics = [
        (s, e, lex.metric_by_word[normalise(text[s:e])])
        for s, e in lex.metric_finder.spans(text, low)
    ]
    modifiers = (
        [(s, e, lex.modifier_by_phrase[normalise(text[s:e])])
         for s, e in lex.modifier_finder.spans(text, low)]
        if lex.modifier_finder
        else []
    )
    masks = lex.not_place_finder.spans(text, low)
    mask_starts = [s for s, _ in masks]
    regions = [
        (s, e, lex.region_by_alias[normalise(text[s:e])])
        for s, e in lex.region_finder.spans(text, low)
        if not _masked(s, e, masks, mask_starts)
    ]
    sources = [
        (s, e, lex.source_by_alias[" ".join(text[s:e].split())])
        for s, e in lex.source_finder.spans(text, low)
    ]
    according = [
        (m.start("name"), m.end("name"), m.group("name").rstrip(".’'"))
        for m in P.ACCORDING_TO_NAME.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    relatives = [(s, e, normalise(text[s:e])) for s, e in _RELATIVE.spans(text, low)]
    return _Context(
        text=text,
        sentences=sentences,
        sentence_starts=[s for s, _ in sentences],
        breaks=breaks,
        break_starts=[s for s, _ in breaks],
        metrics=metrics,
        metric_starts=[s for s, _, _ in metrics],
        modifiers=modifiers,
        regions=regions,
        sources=sources,
        according=according,
        relatives=relatives,
    )


# ---------------------------------------------------------------------------------------------
# Finding figures
# ---------------------------------------------------------------------------------------------


def _month(word: str) -> int:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    return P.MONTHS[word.lower().rstrip(".")]


def _valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (of ``year``, or of a leap year when unknown)."""
    if not 1 <= day <= 31:
        return False
    return day <= calendar.monthrange(year or 2000, month)[1]


def _date_figures(text: str) -> list[_Figure]:
    """Find stated dates: "Thursday, June 27", "27 June 2024", "March 2024", "In March".

    The month-based patterns run only in windows around month names (one fast pass finds
    them); each match is kept once.
    """
    found: dict[tuple[int, int], _Figure] = {}
    n = len(text)
    last_hi = {}
    for hint in P.MONTH_HINT.finditer(text):
        lo = max(0, hint.start() - P.DATE_BEFORE_MONTH)
        hi = min(n, hint.end() + P.DATE_AFTER_MONTH)
        for rx in (P.DATE_MONTH_DAY, P.DATE_DAY_MONTH, P.DATE_MONTH_YEAR, P.DATE_MONTH_ONLY):
            pos = max(lo, last_hi.get(rx, 0))
            for m in rx.finditer(text, pos, hi):
                if m.start() > hint.start() or m.end() < hint.end():
                    continue  # a date around another month name, found from that one
                last_hi[rx] = m.end()
                fig = _date_from_match(rx, m)
                if fig is not None:
                    found.setdefault((fig.start, fig.end), fig)
    for m in P.DATE_ISO_FAST.finditer(text):
        year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if 1 <= month <= 12 and _valid_day(year, month, day):
            found.setdefault((m.start(), m.end()),
                             _Figure(m.start(), m.end(), "date", year=year, month=month, day=day))
    return list(found.values())


def _date_from_match(rx: re.Pattern[str], m: re.Match[str]) -> _Figure | None:
    """A date figure from one of the month-based date patterns (None for an invalid day)."""
    if rx is P.DATE_MONTH_YEAR:
        return _Figure(m.start(), m.end(), "date", year=int(m.group("year")),
                       month=_month(m.group("mon")))
    if rx is P.DATE_MONTH_ONLY:
        return _Figure(m.start(), m.end(), "date", month=_month(m.group("mon")))
    month, day = _month(m.group("mon")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None
    if not _valid_day(year, month, day):
        return None
    wd = m.group("wd")
    return _Figure(m.start(), m.end(), "date", year=year, month=month, day=day,
                   weekday=wd.capitalize() if wd else None)


def _number_figures(text: str) -> list[_Figure]:
    """Figures from the number recognizer: ordinals, references, compounds and URLs dropped.

    A fraction is a figure only as a share ("two-thirds of attacks"), and not after an
    ordinal ("the first half of 2023" is a period).
    """
    found: list[_Figure] = []
    previous: Number | None = None
    for n in find_numbers(text):
        prev, previous = previous, n
        if not n.is_figure:
            continue
        if n.form == N.FRACTION:
            if not _OF_AFTER.match(text, n.end) or (
                prev is not None and prev.ordinal and not text[prev.end:n.start].strip()
            ):
                continue
            found.append(_Figure(n.start, n.end, "fraction", value=round(100 * n.value, 4),
                                 percent=True))
            continue
        origin = {N.DIGITS: "digits", N.WORDS: "words", N.VAGUE: "vague", N.RATIO: "ratio"}[n.form]
        fig = _Figure(n.start, n.end, origin, value=n.value, percent=n.percent, points=n.points,
                      currency=n.currency, scaled=n.scale)
        if n.form == N.VAGUE:
            fig.qualifier = Qualifier.AT_LEAST.value
        elif n.plain:
            fig.year_like = bool(_YEAR_LIKE.fullmatch(n.raw))
            fig.two_digit = bool(_TWO_DIGITS.fullmatch(n.raw))
        found.append(fig)
    return found


def _select(figures: list[_Figure]) -> list[_Figure]:
    """Keep non-overlapping figures: the earliest, then the longest, wins."""
    figures.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Figure] = []
    last_end = -1
    for fig in figures:
        if fig.start >= last_end:
            kept.append(fig)
            last_end = fig.end
    return kept


# ---------------------------------------------------------------------------------------------
# Classifying figures
# ---------------------------------------------------------------------------------------------


def _merge_ranges(text: str, figs: list[_Figure]) -> list[_Figure]:
    """Join "5,000 to 6,000", "5-6%", "between 20 and 30" into ranges; mark year ranges."""
    out: list[_Figure] = []
    i = 0
    numeric = ("digits", "words", "year")
    while i < len(figs):
        a = figs[i]
        b = figs[i + 1] if i + 1 < len(figs) else None
        if b is None or a.origin not in numeric or b.origin not in numeric:
            out.append(a)
            i += 1
            continue
        gap = text[a.end:b.start]
        before = text[max(0, a.start - _WINDOW):a.start]
        dash = P.RANGE_SEPARATOR.fullmatch(gap)
        between = P.BETWEEN_BEFORE.search(before) if P.AND_SEPARATOR.fullmatch(gap) else None
        if dash and not between and "to" in gap.lower() and not P.CHANGE_FROM_BEFORE.search(before):
            between = P.FROM_BEFORE.search(before)  # "from 200 to 300": "from" opens the range
        if not (dash or between):
            out.append(a)
            i += 1
            continue
        if a.origin == "year" and (b.year_like or (b.two_digit and "to" not in gap)):
            # "2021 to 2023", "2022-23": a span of years (time context, never a claim)
            a.origin = "year"
            if b.two_digit:
                b.value = float(a.value // 100 * 100 + b.value)
                b.year_like = True
            b.origin = "year"
            out += [a, b]
            i += 2
            continue
        if a.origin == "year" or b.origin == "year":
            out.append(a)  # "in 2022 to 693": a year next to a figure is not a range
            i += 1
            continue
        if P.CHANGE_FROM_BEFORE.search(before) and not between:
            out.append(a)  # "rose from 419 to 693": two levels of a change, not a range
            i += 1
            continue
        if (a.percent or a.points or a.currency) and (
            (a.percent, a.points) != (b.percent, b.points) or (b.currency or a.currency) != a.currency
        ):
            out.append(a)  # "3 percentage points to 45%", "5% to 6 people": not one range
            i += 1
            continue
        low, high = a.value, b.value
        if a.scaled is None and b.scaled is not None and low is not None:
            low *= b.scaled  # "3 to 5 million": the scale applies to both ends
        if low is None or high is None or low > high:
            i += 2  # "won 3-1": a score, not a range; neither end is a claim
            continue
        rng = _Figure(a.start, b.end, a.origin, percent=b.percent, points=b.points,
                      currency=b.currency or a.currency, low=low, high=high)
        rng.kind = RANGE
        if between:
            rng.span_start = a.start - (len(before) - between.start())
        out.append(rng)
        i += 2
    return out


def _is_year(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> bool:
    """Whether a year-like figure ("2023") is a time reference rather than a count."""
    before = text[max(0, fig.start - 30):fig.start]
    if P.YEAR_PREPOSITION_BEFORE.search(before):
        return True  # "in 2023", "since 2021"
    if P.QUALIFIER_BEFORE.search(before):
        return False  # "over 2000"
    if P.COUNT_NOUN_AFTER.match(text, fig.end):
        return False  # "2000 people"
    nxt = _first_metric_at(ctx, fig.end, fig.end + 2)
    return nxt is None  # "2000 attacks" is a count; "A 2023 report" names a report


def _first_metric_at(ctx: _Context, lo: int, hi: int, countable_only: bool = False,
                     lex: Lexicon | None = None) -> tuple[int, int, str] | None:
    """The first metric mention starting in [lo, hi)."""
    i = bisect_left(ctx.metric_starts, lo)
    while i < len(ctx.metrics) and ctx.metrics[i][0] < hi:
        mention = ctx.metrics[i]
        if not countable_only or lex is None or lex.metrics[mention[2]].countable:
            return mention
        i += 1
    return None


def _small_word_number_is_claim(text: str, fig: _Figure, ctx: _Context, lex: Lexicon) -> bool:
    """Whether a small number word ("three") counts something rather than being a pronoun.

    "one of the", "no one", "two sides" are not figures; "three soldiers", "three percent",
    "at least two" are.
    """
    if fig.percent or fig.points or fig.qualifier or fig.value is None or fig.value >= 10:
        return True
    if P.QUALIFIER_BEFORE.search(text, max(0, fig.start - 25), fig.start):
        return True
    if P.COUNT_NOUN_AFTER.match(text, fig.end):
        return True
    # "three TTP militants": a metric word within one word after the number.
    gap = re.match(r"\s+(?:[^\W\d_][\w’'-]*\s+)?", text[fig.end:fig.end + 40])
    at = fig.end + gap.end() if gap else fig.end
    return bool(gap and _first_metric_at(ctx, at, at + 1, True, lex))


def _classify(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> None:
    """Set the figure's kind, value, unit, qualifier and claim span (in place)."""
    before_start = max(0, fig.start - _WINDOW)
    before = text[before_start:fig.start]
    fig.span_start = fig.start if fig.span_start is None else fig.span_start
    fig.span_end = fig.end
    fig.core_end = fig.end

    q = P.QUALIFIER_BEFORE.search(text, max(0, fig.start - _HEDGE_WINDOW), fig.start)
    if q and not (fig.kind == RANGE and fig.span_start < fig.start):
        if q.group("sym"):
            fig.qualifier = _SYMBOLS["".join(q.group("sym").split())]
            fig.span_start = min(fig.span_start, q.start("sym"))
        elif not P.NOT_A_HEDGE_BEFORE.search(text, max(0, q.start("q") - 8), q.start("q")) or (
            normalise(q.group("q")) != "about"
        ):
            fig.qualifier = _QUALIFIERS[normalise(q.group("q"))].value
            fig.span_start = min(fig.span_start, q.start("q"))

    if fig.kind == RANGE:
        fig.unit = _unit(fig)
        return
    if fig.origin == "ratio":
        fig.kind = RATIO
        _trailing_qualifier(text, fig)
        return
    if fig.origin == "vague":
        fig.kind = COUNT
        fig.qualifier = fig.qualifier or Qualifier.AT_LEAST.value
        return
    if fig.origin == "fraction":
        _as_share(text, fig, lex, ctx)
        return

    if fig.percent or fig.points:
        if _as_change(text, fig, before, before_start):
            pass
        elif fig.points:
            fig.kind = POINTS
        elif not _as_share(text, fig, lex, ctx):
            fig.kind = (
                SHARE if P.SHARE_BEFORE.search(before) else PERCENT
            )
    elif fig.currency:
        fig.kind = MONEY
    else:
        fig.kind = COUNT
    fig.unit = _unit(fig)
    _trailing_qualifier(text, fig)


def _trailing_qualifier(text: str, fig: _Figure) -> None:
    """A hedge after the figure: "300 or more", "5,000-plus"; "more than 5 or equal (to)".

    A hedge before the figure wins over one after it ("around 90% or more" is about 90%).
    """
    trailing = P.QUALIFIER_AFTER.match(text, fig.span_end)
    if trailing and not fig.qualifier:
        fig.qualifier = _TRAILING[normalise(trailing.group("q")).lstrip("-")].value
        fig.span_end = trailing.end()
    elif fig.qualifier in _INCLUSIVE:
        equal = P.OR_EQUAL_AFTER.match(text, fig.span_end)
        if equal:
            fig.qualifier = _INCLUSIVE[fig.qualifier]
            fig.span_end = equal.end()


def _unit(fig: _Figure) -> str | None:
    """Unit of a claim: "%", "pp", a currency code, or None for plain counts."""
    if fig.points:
        return POINTS_UNIT
    if fig.percent:
        return PERCENT_UNIT
    return fig.currency


def _as_change(text: str, fig: _Figure, before: str, before_start: int) -> bool:
    """Read a percent as a change ("65% increase", "rose by 12%"); sign a decrease negative."""
    kind = POINTS if fig.points else CHANGE
    after = P.CHANGE_NOUN_AFTER.match(text, fig.end)
    if after:
        fig.kind, fig.span_end = kind, after.end()
        fig.core_end = after.end()
        decrease = _CHANGE_NOUNS[normalise(after.group("w"))]
    else:
        noun = P.CHANGE_NOUN_BEFORE.search(before)
        verb = None if noun else P.CHANGE_VERB_BEFORE.search(before)
        if verb and normalise(verb.group("w")) in ("up", "down") and not P.UP_DOWN_AS_CHANGE.search(
            before, 0, verb.start("w")
        ):
            verb = None  # "made up 40%", "up to 12%": not a change
        hit = noun or verb
        if hit:
            fig.kind = kind
            fig.span_start = min(fig.span_start, before_start + hit.start("w"))
            table = _CHANGE_NOUNS if noun else _CHANGE_VERBS
            decrease = table[normalise(hit.group("w"))]
            if hit.group("q"):
                fig.qualifier = _QUALIFIERS[normalise(hit.group("q"))].value
        else:
            comparative = P.COMPARATIVE_AFTER.match(text, fig.end)
            if not comparative:
                return False
            fig.kind, fig.span_end = kind, comparative.end()
            fig.core_end = comparative.end()
            decrease = P.CHANGE_COMPARATIVES[comparative.group("w").lower()]
    if decrease and fig.value is not None:
        fig.value = -abs(fig.value)
    return True


def _as_share(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> bool:
    """Read "X% of <noun>" as a share; the noun (or metric phrase) joins the claim span."""
    share = P.SHARE_OF.match(text, fig.end)
    if not share:
        if fig.origin == "fraction":
            fig.kind = SHARE
            fig.unit = PERCENT_UNIT
            return True
        return False
    end = share.end("noun")
    metric = _first_metric_at(ctx, share.start("noun"), share.start("noun") + 1, True, lex)
    if metric:
        end = max(end, metric[1])
        fig.metric = metric[2]
    fig.kind = SHARE
    fig.unit = PERCENT_UNIT
    fig.span_end = end
    return True


# ---------------------------------------------------------------------------------------------
# Binding claims to metric, region, period and source
# ---------------------------------------------------------------------------------------------


def _parse_published(published: str | None) -> date | None:
    """The publication date, or None when absent or not an ISO date (never guessed)."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _resolve_date(fig: _Figure, pub: date | None) -> None:
    """Set a date claim's ISO date: a missing year is the latest on or before publication."""
    year, month, day = fig.year, fig.month, fig.day
    if year is None:
        if pub is None:
            return  # never guess the year
        year = pub.year
        if day is None:
            if month > pub.month:
                year -= 1
        else:
            for _ in range(8):  # February 29 may need a few years back
                if _valid_day(year, month, day) and date(year, month, day) <= pub:
                    break
                year -= 1
            else:
                return
    fig.iso_date = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _clause(ctx: _Context, start: int, end: int, sent: tuple[int, int]) -> tuple[int, int]:
    """The clause around [start, end): between the clause breaks either side, in the sentence."""
    i = bisect_left(ctx.break_starts, start) - 1
    lo = sent[0]
    while i >= 0:
        b = ctx.breaks[i]
        if b[1] <= start:
            lo = max(lo, b[1])
            break
        i -= 1
    j = bisect_left(ctx.break_starts, end)
    hi = ctx.breaks[j][0] if j < len(ctx.breaks) else sent[1]
    return lo, min(hi, sent[1])


def _in(items: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Items (sorted by start) that lie within [lo, hi)."""
    i = bisect_left(items, (lo, -1, ""))
    out = []
    while i < len(items) and items[i][0] < hi:
        if items[i][1] <= hi:
            out.append(items[i])
        i += 1
    return out


@dataclass
class _Scope:
    """What one sentence offers for binding, sorted by position for bisecting."""

    groups: list[dict]
    group_starts: list[int]
    group_ends: list[int]
    first_locative: dict | None
    accounting: list[int]  # starts of "accounting for"
    plain: list[_TimeRef]  # time references that date a figure, by position
    plain_pos: list[int]
    bases: list[_TimeRef]  # time references that are a comparison's base
    years: list[str]  # distinct explicit years, sorted
    found: list[tuple[int, str]]  # attributions (position, source)
    found_pos: list[int]
    text: str = ""
    sent: tuple[int, int] = (0, 0)
    _past: bool | None = None

    @property
    def past_tense(self) -> bool:
        """Whether the sentence is in the past tense (searched once, when a figure needs it)."""
        if self._past is None:
            self._past = bool(P.PAST_TENSE.search(self.text, *self.sent))
        return self._past


def _scope(ctx: _Context, lex: Lexicon, sent: tuple[int, int], figs: list[_Figure],
           pub: date | None) -> _Scope:
    """Collect a sentence's places, time references, tense and attributions once."""
    groups = _region_groups(ctx, lex, sent)
    refs = sorted(_time_refs(ctx, sent, figs, pub), key=lambda r: r.pos)
    plain = [r for r in refs if not r.is_base]
    found = _attributions(ctx, sent)
    return _Scope(
        groups=groups,
        group_starts=[g["start"] for g in groups],
        group_ends=[g["end"] for g in groups],
        first_locative=next((g for g in groups if g["locative"]), None),
        accounting=[m.start() for m in P.ACCOUNTING_FOR.finditer(ctx.text, *sent)] if groups
        else [],  # only read when the sentence names a place
        plain=plain,
        plain_pos=[r.pos for r in plain],
        bases=[r for r in refs if r.is_base],
        years=sorted({r.period for r in plain if r.explicit_year}),
        found=found,
        found_pos=[pos for pos, _ in found],
        text=ctx.text,
        sent=sent,
    )


def _region_groups(ctx: _Context, lex: Lexicon, sent: tuple[int, int]) -> list[dict]:
    """Places in a sentence, incidental ones dropped, coordinated ones grouped."""
    text = ctx.text
    groups: list[dict] = []
    for s, e, code in _in(ctx.regions, *sent):
        before = text[max(sent[0], s - 40):s]
        if P.INCIDENTAL_BEFORE.search(before) or P.INCIDENTAL_AFTER.match(text, e, sent[1]):
            continue
        if groups and s - groups[-1]["end"] < 80 and P.REGION_GLUE.fullmatch(
            text, groups[-1]["end"], s
        ):
            groups[-1]["end"] = e
            groups[-1]["codes"].add(code)
            continue
        locative = bool(P.LOCATIVE_BEFORE.search(before))
        groups.append({"start": s, "end": e, "codes": {code}, "locative": locative})
    for g in groups:
        codes = g["codes"]
        # "Afghanistan's Paktika and Khost": the provinces say more than their country.
        specific = {c for c in codes if not any(lex.region_parent.get(o) == c for o in codes)}
        g["region"] = "+".join(sorted(specific))
    return groups


def _bind_region(ctx: _Context, fig: _Figure, sc: _Scope, clause: tuple[int, int],
                 next_start: int) -> str | None:
    """The place a figure was counted in; the rules are tried in order."""
    groups = sc.groups
    if not groups:
        return None
    # 1. "X and Y provinces, ..., accounting for 90%": the subject of "accounting for".
    k = bisect_right(sc.accounting, fig.span_start) - 1
    if k >= 0 and groups[0]["end"] <= sc.accounting[k]:
        return groups[0]["region"]
    # 2. "deaths in Pakistan": a place after the figure, in its clause, after "in".
    limit = min(clause[1], next_start)
    i = bisect_left(sc.group_starts, fig.span_end)
    while i < len(groups) and groups[i]["start"] < limit:
        if groups[i]["locative"]:
            return groups[i]["region"]
        i += 1
    # 3. "after Khyber Pakhtunkhwa where 110 attacks": the nearest place before, same clause.
    j = bisect_right(sc.group_ends, fig.span_start) - 1
    if j >= 0 and groups[j]["start"] >= clause[0]:
        return groups[j]["region"]
    # 4. "In Pakistan, 1,500 people died": a place set as the sentence's setting.
    setting = sc.first_locative
    if setting is not None and setting["end"] <= fig.span_start:
        return setting["region"]
    return None


def _bind_metric(ctx: _Context, lex: Lexicon, fig: _Figure, clause: tuple[int, int],
                 prev_end: int, next_start: int) -> str | None:
    """The metric a figure counts: the nearest metric word after it in its clause, else before."""
    if fig.metric:
        return fig.metric
    hi = min(clause[1], next_start, fig.core_end + 80)
    after = _first_metric_at(ctx, fig.core_end, hi, True, lex)
    if after:
        return after[2]
    lo = max(clause[0], prev_end)
    before = [m for m in _in(ctx.metrics, lo, fig.span_start) if lex.metrics[m[2]].countable]
    return before[-1][2] if before else None


def _continues(text: str, fig: _Figure) -> bool:
    """Whether a figure has no noun of its own ("rising to 70,000 when ..."), so it continues
    the subject of the figure before it in the sentence."""
    if fig.kind == SHARE:
        return False  # "X% of <noun>" names its own whole
    nxt = P.NEXT_WORD.match(text, fig.span_end)
    return nxt is None or nxt.group(1).lower() in P.FUNCTION_WORDS


def _apply_modifier(ctx: _Context, lex: Lexicon, fig: _Figure, hi: int) -> None:
    """"... 70,000 when including families": a modifier turns militants into its variant."""
    for _s, _e, mid in _in(ctx.modifiers, fig.span_end, hi):
        base = lex.metrics[mid].base
        if fig.metric == base:
            fig.metric = mid
            return


def _time_refs(ctx: _Context, sent: tuple[int, int], figs: list[_Figure],
               pub: date | None) -> list[_TimeRef]:
    """Years, dates and relative periods stated in a sentence."""
    refs = []
    explicit_years = [f for f in figs if f.origin == "year" and f.value is not None]
    for f in explicit_years:
        refs.append(_TimeRef(f.start, f"{int(f.value):04d}", explicit_year=True))
    for f in figs:
        if f.origin == "date" and f.iso_date:
            refs.append(_TimeRef(f.start, f.iso_date))
    for s, _e, rel in _in(ctx.relatives, *sent):
        before = ctx.text[max(sent[0], s - 25):s]
        base = bool(P.BASE_BEFORE.search(before))
        if rel in ("previous year", "the year before", "a year earlier", "a year before",
                   "a year ago"):
            ref_year = int(explicit_years[0].value) if len(explicit_years) == 1 else (
                pub.year if pub else None)
            if ref_year is not None:
                refs.append(_TimeRef(s, str(ref_year - 1), is_base=True))
            continue
        if pub is None or rel == "year-on-year" or rel == "year on year":
            continue
        period = {
            "last year": str(pub.year - 1), "past year": str(pub.year - 1),
            "this year": str(pub.year), "current year": str(pub.year),
            "yesterday": (pub - timedelta(days=1)).isoformat(), "today": pub.isoformat(),
            "this month": f"{pub.year:04d}-{pub.month:02d}",
            "last month": (pub.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
        }.get(rel)
        if period:
            refs.append(_TimeRef(s, period, is_base=base))
    return refs


def _bind_period(fig: _Figure, sc: _Scope, pub: date | None) -> None:
    """Set the period (and, for changes, the base period) of a figure from its sentence."""
    change = fig.kind in CHANGE_KINDS
    if change and len(sc.years) >= 2:
        # "between 2022 and 2023, deaths rose 65%": the later year against the earlier.
        fig.period, fig.base_period = sc.years[-1], sc.years[0]
        return
    if sc.plain:
        i = bisect_left(sc.plain_pos, fig.start)
        near = [sc.plain[j] for j in (i - 1, i) if 0 <= j < len(sc.plain)]
        fig.period = min(near, key=lambda r: abs(r.pos - fig.start)).period
    elif sc.bases and pub:
        fig.period = str(pub.year)  # "up 20% on last year": this year against the last
    elif pub and not sc.past_tense:
        # Present tense, no time reference ("Durrani estimates that ..."): as of publication.
        fig.period = str(pub.year)
    if change and fig.period:
        if sc.bases:
            fig.base_period = sc.bases[0].period
        elif len(fig.period) == 4:
            # A change stated for one year with no base is read against the year before
            # ("a 65% increase" in 2023 compares 2023 with 2022), the usual annual report.
            fig.base_period = str(int(fig.period) - 1)


def _attributions(ctx: _Context, sent: tuple[int, int]) -> list[tuple[int, str]]:
    """Sources a sentence attributes its figures to, with their positions."""
    text = ctx.text
    found: list[tuple[int, str]] = []
    known: list[tuple[int, int]] = []
    for s, e, name in _in(ctx.sources, *sent):
        before = text[max(sent[0], s - 60):s]
        if P.ATTRIBUTION_BEFORE.search(before) or P.ATTRIBUTION_AFTER.match(
            text, e, sent[1]
        ) or re.match(r"\)\s*", text[e:e + 3]) and P.ATTRIBUTION_AFTER.match(
            text, e + 1, sent[1]
        ):
            found.append((s, name))
        known.append((s, e))
    for s, e, name in _in(ctx.according, *sent):
        if any(ks < e and s < ke for ks, ke in known):
            continue  # a known source, named above by its canonical name
        if name:
            found.append((s, name))
            known.append((s, e))
    for m in P.NAME_SAID.finditer(text, *sent):
        s, e = m.span("name")
        words = m.group("name").split()
        while words and words[0].rstrip(".") in P.NAME_SAID_STOP:
            s += text[s:e].find(words[1]) if len(words) > 1 else 0
            words = words[1:]
        if len(words) < 2 or any(ks < e and s < ke for ks, ke in known):
            continue  # a single word, or a source already named
        found.append((s, " ".join(words).rstrip(".,’'")))  # "John Smith said": the raw name
    found.sort()
    return found


def _bind_source(fig: _Figure, sc: _Scope) -> str | None:
    """The source nearest before the figure in its sentence, else the first after it."""
    if not sc.found:
        return None
    i = bisect_left(sc.found_pos, fig.span_start) - 1
    return sc.found[i][1] if i >= 0 else sc.found[0][1]


_NON_SPACE = re.compile(r"\S")


def _bind_date(ctx: _Context, lex: Lexicon, fig: _Figure, sent: tuple[int, int],
               sc: _Scope) -> None:
    """A date claim's event (metric) and place: the nearest event word; a place after "in"."""
    lo, hi = _clause(ctx, fig.span_start, fig.span_end, sent)
    # Both tests look in place: slicing the rest of the text (or the sentence up to the date)
    # per date was quadratic in the article's (or a run-on sentence's) length.
    opens = _NON_SPACE.search(ctx.text, sent[0], fig.span_start) is None
    if opens and ctx.text.startswith(",", fig.span_end):
        # "In March, Pakistan launched ...": an opening date dates the next clause.
        lo, hi = _clause(ctx, hi + 1, hi + 2, sent)
    events = [m for m in _in(ctx.metrics, lo, hi) if lex.metrics[m[2]].event]
    if events:
        fig.metric = min(events, key=lambda m: min(abs(m[0] - fig.span_end),
                                                   abs(fig.span_start - m[1])))[2]
    i = bisect_left(sc.group_starts, max(lo, fig.span_end))
    while i < len(sc.groups) and sc.groups[i]["start"] < hi:
        if sc.groups[i]["locative"]:
            fig.region = sc.groups[i]["region"]
            return
        i += 1


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


def extract_claims(text: str, article_id: str, published: str | None) -> pd.DataFrame:
    """Extract the numeric claims of an article as a validated ``ClaimSchema`` table.

    Args:
        text: the article text; claim offsets point into it (``text[start:end]``).
        article_id: the article's id; claim ids are ``"<article_id>#<n>"`` in text order.
        published: the publication date ("YYYY-MM-DD") that years are resolved against,
            or None (then a date without a year gets no ISO date, and nothing is guessed).
    Returns:
        The claims table (empty, with the schema's columns, when nothing is found).
    """
    if not text or not text.strip():
        return empty(C)
    lex = load_lexicon()
    pub = _parse_published(published)
    ctx = _context(text, lex)
    figs = _select(_date_figures(text) + _number_figures(text))

    for fig in figs:
        if fig.year_like and _is_year(text, fig, lex, ctx):
            fig.origin = "year"
    figs = _merge_ranges(text, figs)

    for fig in figs:
        if fig.origin == "date":
            fig.kind = DATE
            fig.span_start, fig.span_end = fig.start, fig.end
            _resolve_date(fig, pub)
        elif fig.origin == "year":
            continue
        else:
            _classify(text, fig, lex, ctx)
            if fig.origin == "words" and fig.kind != RANGE and (
                not _small_word_number_is_claim(text, fig, ctx, lex)
            ):
                fig.kind = None

    claimed: list[tuple[_Figure, str]] = []
    by_sentence: dict[int, list[_Figure]] = {}
    for fig in figs:
        idx = bisect_right(ctx.sentence_starts, fig.start) - 1
        by_sentence.setdefault(max(idx, 0), []).append(fig)

    for idx, sent_figs in by_sentence.items():
        sent = ctx.sentences[idx]
        sentence = text[sent[0]:sent[1]].strip()
        claims = [f for f in sent_figs if f.kind]
        if not claims:
            continue
        sc = _scope(ctx, lex, sent, sent_figs, pub)
        # Start of the next non-date claim after each claim (a figure's words end there).
        nexts = [sent[1]] * len(claims)
        upcoming = sent[1]
        for k in range(len(claims) - 1, -1, -1):
            nexts[k] = upcoming
            if claims[k].kind != DATE:
                upcoming = claims[k].span_start
        previous: _Figure | None = None
        for k, fig in enumerate(claims):
            if fig.kind == DATE:
                _bind_date(ctx, lex, fig, sent, sc)
                fig.period = fig.iso_date
                continue
            nxt = nexts[k]
            prev_end = previous.span_end if previous else sent[0]
            clause = _clause(ctx, fig.span_start, fig.span_end, sent)
            fig.metric = _bind_metric(ctx, lex, fig, clause, prev_end, nxt)
            fig.region = _bind_region(ctx, fig, sc, clause, nxt)
            if previous is not None and fig.metric is None and _continues(text, fig):
                # "... 5,000 to 6,000 militants, with the number rising to 70,000": a figure
                # with no noun of its own continues the earlier figure's subject.
                fig.metric = previous.metric
                fig.region = fig.region or previous.region
            if fig.region is None and previous is not None:
                fig.region = previous.region
            _apply_modifier(ctx, lex, fig, nxt)
            _bind_period(fig, sc, pub)
            fig.attributed_to = _bind_source(fig, sc)
            previous = fig

        for fig in claims:
            claimed.append((fig, _sentence_text(text, sent, sentence, fig)))

    if not claimed:
        return empty(C)
    claimed.sort(key=lambda pair: (pair[0].span_start, pair[0].span_end))
    return validate(C, _table(text, article_id, claimed), "claims")


def _sentence_text(text: str, sent: tuple[int, int], sentence: str, fig: _Figure) -> str:
    """The claim's sentence; for a run-on "sentence" (a table, a list) the words around it.

    Clipping keeps the table proportional to the input: a 40,000-character line with 20,000
    figures must not be copied 20,000 times.
    """
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    half = MAX_SENTENCE // 2
    lo = max(sent[0], fig.span_start - half)
    hi = min(sent[1], fig.span_end + half)
    return ("…" if lo > sent[0] else "") + text[lo:hi].strip() + ("…" if hi < sent[1] else "")


def _table(text: str, article_id: str, claimed: list[tuple[_Figure, str]]) -> pd.DataFrame:
    """The claims table, built column by column (one list per column, no per-row records)."""
    figs = [f for f, _ in claimed]
    dates = [f.kind == DATE for f in figs]
    n = len(figs)
    columns = {
        C.article_id: [article_id] * n,
        C.claim_id: [f"{article_id}#{i}" for i in range(1, n + 1)],
        C.text: [text[f.span_start:f.span_end] for f in figs],
        C.start: [f.span_start for f in figs],
        C.end: [f.span_end for f in figs],
        C.sentence: [s for _, s in claimed],
        C.kind: [f.kind for f in figs],
        C.value: [None if d or f.kind == RANGE else f.value for f, d in zip(figs, dates)],
        C.low: [f.low for f in figs],
        C.high: [f.high for f in figs],
        C.qualifier: [f.qualifier for f in figs],
        C.unit: [None if d else f.unit for f, d in zip(figs, dates)],
        C.metric: [f.metric for f in figs],
        C.region: [f.region or None for f in figs],
        C.period: [f.period for f in figs],
        C.base_period: [f.base_period for f in figs],
        C.attributed_to: [None if d else f.attributed_to for f, d in zip(figs, dates)],
        C.date: [f.iso_date if d else None for f, d in zip(figs, dates)],
        C.weekday: [f.weekday if d else None for f, d in zip(figs, dates)],
        C.binding: [f.extra.get("binding") for f in figs],
    }
    floats = (C.value, C.low, C.high)
    return pd.DataFrame({k: pd.array(v, dtype="Float64").astype(float) if k in floats else v
                         for k, v in columns.items()})
