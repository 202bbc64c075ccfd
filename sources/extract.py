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
import gc
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import accumulate, pairwise
from operator import attrgetter, itemgetter

import numpy as np
import pandas as pd
import pyarrow as pa

from checks import periods as T
from checks.schemas import ClaimSchema as C
from checks.schemas import empty, validate
from checks.vocabulary import CHANGE_KINDS, GUESSED_METRIC, Kind, Qualifier
from sources import numbers as N
from sources import patterns as P
from sources.context import ArticleFacts, article_facts, paragraph_of, region_name
from sources.lexicon import (
    LOCAL_SOURCE,
    Lexicon,
    load_lexicon,
    normalise,
    spans_together,
    word_finder,
)
from sources.numbers import Number, find_numbers
from sources.parts import joined_columns, text_parts

# Enum values read once: these are compared in the inner loops.
DATE, RANGE, SHARE, COUNT = Kind.DATE.value, Kind.RANGE.value, Kind.SHARE.value, Kind.COUNT.value
FACTOR, RANK = Kind.FACTOR.value, Kind.RANK.value
PERCENT, MONEY, RATIO = Kind.PERCENT.value, Kind.MONEY.value, Kind.RATIO.value
CHANGE, POINTS = Kind.PERCENT_CHANGE.value, Kind.PERCENTAGE_POINTS.value
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
# Where a reference back to a group can be (``P.group_anaphor_starts_at``), found in the
# vocabularies' shared scan.
_GROUP_ANAPHOR_WORDS = word_finder(list(P.GROUP_ANAPHOR_WORDS), re.compile(
    rf"(?<!\w)(?:{P.alternation(P.GROUP_ANAPHOR_WORDS)})(?!\w)", re.IGNORECASE))
# ... and where factors and ranks can be (``P.factor_starts_at``, ``P.rank_starts_at``).
_FACTOR_VERBS = word_finder(list(P.FACTOR_VERBS), re.compile(
    rf"(?<!\w)(?:{P.alternation(P.FACTOR_VERBS)})(?!\w)", re.IGNORECASE))
_RANK_WORDS = word_finder([*P.RANK_VERBS, *P.RANK_SUPERLATIVES], re.compile(
    rf"(?<!\w)(?:{P.alternation([*P.RANK_VERBS, *P.RANK_SUPERLATIVES])})(?!\w)", re.IGNORECASE))
# ... and the lower-case words a period phrase can start with (``P.period_phrases``): alone,
# and "the" before those that its look-ahead names.
_PERIOD_WORDS = word_finder(P.PERIOD_PHRASE_WORDS, re.compile(
    rf"(?<!\w)(?:{P.alternation(P.PERIOD_PHRASE_WORDS)})(?!\w)", re.IGNORECASE))
_PERIOD_AFTER_THE = word_finder([f"the {w}" for w in P.PERIOD_PHRASE_AFTER_THE], re.compile(
    rf"(?<!\w)the\s+(?:{P.alternation(P.PERIOD_PHRASE_AFTER_THE)})(?!\w)", re.IGNORECASE))
MAX_SENTENCE = 600  # longer "sentences" are quoted around each claim only
_HEDGE_WINDOW = 28  # the longest hedge ("greater than or equal to ", 25 characters) fits
_SYMBOLS = {k: v.value for k, v in P.QUALIFIER_SYMBOLS.items()}
_INCLUSIVE = {Qualifier.OVER.value: Qualifier.AT_LEAST.value,
              Qualifier.UNDER.value: Qualifier.UP_TO.value}
_WINDOW = 60  # characters looked at before a figure for hedges, change verbs and names
# The start of a (start, end, ...) span: the key the sorted span lists are bisected by
# (``bisect_left(spans, pos, key=_FIRST)``, the first span starting at or after ``pos``);
# comparing whole tuples against a (pos, -1, "") probe cost about twice as much.
_FIRST = itemgetter(0)
_POS = attrgetter("pos")
_START = attrgetter("start")
# A period in words, for the binding notes: asked for the same few periods by every figure
# of an article (``T.label`` reads its bounds and formats them each time).
_label = cache(T.label)


# ---------------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
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
    # ``_population_after``'s answer and what it was read from ((kind, core_end, span_end),
    # answer): three binding steps ask it of every count, and the answer only changes
    # with those three.
    population_read: tuple | None = None


@dataclass(slots=True)
class _TimeRef:
    """A time reference in a sentence: an explicit year, a date, or a relative period."""

    pos: int
    period: str
    is_base: bool = False  # "compared with last year", "the previous year"
    explicit_year: bool = False
    end: int = -1  # where the reference's words end (-1: unknown)
    release: bool = False  # "released on Thursday": when a report came out, not a period
    # "last month", "last year": counted back from the publication day, which a story
    # comparing with the period before its own may not mean ("up from last month's 81")
    from_publication: bool = False
    how: str = ""  # for the binding note: "'the second quarter of 2024'"


@dataclass
class _Context:
    """Everything found once over the whole text, kept sorted for bisecting."""

    text: str
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    # How many non-blank sentences end at or before each one (line breaks split off blank
    # "sentences"), so that "3 sentences before" counts what a reader sees.
    sentence_ranks: list[int]
    breaks: list[tuple[int, int]]
    break_starts: list[int]
    metrics: list[tuple[int, int, str]]
    metric_starts: list[int]
    modifiers: list[tuple[int, int, str]]
    regions: list[tuple[int, int, str]]
    sources: list[tuple[int, int, str]]
    according: list[tuple[int, int, str]]
    relatives: list[tuple[int, int, str]]
    # Article-wide context (sources.context): place, paragraphs, named sources, carried
    # attribution, period phrases, and the qualifiers that make a figure a part.
    facts: ArticleFacts | None = None
    named: list[tuple[int, str]] = field(default_factory=list)
    named_pos: list[int] = field(default_factory=list)
    carry: list[tuple[int, int, str]] = field(default_factory=list)
    phrases: list = field(default_factory=list)  # (start, end, match) of period phrases
    groups: list[tuple[int, int, str]] = field(default_factory=list)
    populations: list[tuple[int, int, str]] = field(default_factory=list)
    # The people of each list read as one population, by the list's start: "civilian and
    # police casualties ... 30 and 32, respectively" pairs them one by one.
    population_items: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    lead_period: str | None = None
    # The period the article last stated for a figure: where the opening sets none, it frames
    # the figures after it that state none.
    story_period: str | None = None
    # The periods of the last change whose sentence dated it, as (period, base period): the
    # comparison a story of changes goes on making.
    story_change: tuple[str, str] | None = None
    # The period of the last figure bound (any way): what "These claimed ..." points back to.
    last_period: str | None = None
    # The last sentence that told a change for the place it named ("Attacks in Sindh
    # dropped by 40 percent"): (its rank, its end, the place, where the change was
    # told, the change's measure and its two periods), for the counts the next sentence
    # gives behind it; and the sentence whose figures took that place (``_change_place``).
    place_change: tuple[int, int, str, int, str, frozenset[str]] | None = None
    place_change_taken: int = -1
    outlets: frozenset[str] = frozenset()  # news media (lower case), never a figure's source
    # "the province" in each sentence that was asked about, found once per sentence.
    place_anaphors: dict[int, list[re.Match[str]]] = field(default_factory=dict)
    # Paragraph start -> the place it opens on, if any (``_paragraph_setting``, read lazily).
    paragraph_settings: dict[int, tuple[str, int, str] | None] = field(default_factory=dict)
    # "<Name> said" in the whole text (``P.NAME_SAID``), and where each starts: read again
    # per sentence (``_names_said``).
    name_said: list[re.Match[str]] = field(default_factory=list)
    name_said_starts: list[int] = field(default_factory=list)
    # Cities and districts the text names, found on first need: read once, not per figure.
    local_places: list[tuple[int, int, str]] | None = None
    # "the country" where it is a country no data holds (``_other_country_before``): its span
    # and that country's name, a place of ``_local_place``'s.
    other_countries: list[tuple[int, int, str]] = field(default_factory=list)
    # The lower-cased text, and where runs of number words are (found with the vocabularies
    # in one scan, for ``find_numbers``).
    low: str | None = None
    word_runs: list[tuple[int, int]] | None = None
    # The factor verbs and rank words (``_FACTOR_VERBS``, ``_RANK_WORDS``), for
    # ``_form_figures``, found in the same scan.
    form_words: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans; not at "Mr.", "U.S.", "No. 5", decimals or initials."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in P.SENTENCE_END.finditer(text):
        end = m.end()
        if end < n and text[end].islower():
            continue  # a hard-wrapped line or an abbreviation followed by more sentence
        st = m.start()
        # One full stop (not "..."): read from the text, not the match (one call less per
        # sentence; a match that starts with two dots always holds both).
        if text[st] == "." and text[st + 1:st + 2] != ".":
            # The word before the full stop: sliced after the last space when that is clean
            # (the usual case, no regex needed), else read with the pattern.
            word = text[text.rfind(" ", max(0, st - 20), st) + 1:st]
            if word.isalpha():
                # (the usual word, read as below without its dots and digits)
                bare = word.lower()
                if bare in P.ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
                    continue
                word = ""
            elif not word.replace(".", "").replace("_", "").isalnum():
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


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans without those inside a longer one: "mainland KP" is one place, not also KP
    (the finders match case-sensitive abbreviations apart from the names)."""
    out: list[tuple[int, int, str]] = []
    reach = -1
    for span in sorted(spans, key=lambda x: (x[0], -x[1])):
        if span[1] <= reach:
            continue
        out.append(span)
        reach = span[1]
    return out


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
    breaks = P.clause_breaks(text)
    low = text.lower()
    # Every vocabulary in one scan of the text (``spans_together``).
    (metric_spans, modifier_spans, masks, region_spans, source_spans, relative_spans,
     group_spans, population_spans, word_runs, anaphor_words, factor_verbs,
     rank_words, period_words, period_after_the) = spans_together(
        (lex.metric_finder, lex.modifier_finder, lex.not_place_finder, lex.region_finder,
         lex.source_finder, _RELATIVE, lex.group_finder, lex.population_finder, N.WORD_RUNS,
         _GROUP_ANAPHOR_WORDS if lex.agent_groups else None, _FACTOR_VERBS, _RANK_WORDS,
         _PERIOD_WORDS, _PERIOD_AFTER_THE),
        text, low)
    metrics = _with_glossed_words(_attacks_with_operations(_without_possessors([
        (s, e, lex.metric_by_word[normalise(text[s:e])])
        for s, e in metric_spans
    ], text, lex), text), text)
    metrics = [_incidents_of_another_kind(m, text) for m in metrics]
    modifiers = (
        [(s, e, lex.modifier_by_phrase[normalise(text[s:e])])
         for s, e in modifier_spans]
        if lex.modifier_finder
        else []
    )
    mask_starts = [s for s, _ in masks]
    regions = _outermost([
        (s, e, lex.region_by_alias[normalise(text[s:e])])
        for s, e in region_spans
        if not _masked(s, e, masks, mask_starts) and not (
            # "Army warns Kabul over TTP havens": the government addressed, not a place
            s and text[s - 1] == " " and P.ADDRESSED_BEFORE.search(text, max(0, s - 16), s))
    ])
    sources = [
        (s, e, lex.source_by_alias[" ".join(text[s:e].split())])
        for s, e in source_spans
    ]
    according = sorted([
        _credited_name(m) for m in P.according_to_names(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ] + [_credited_name(m) for m in P.data_credited_names(text)
         if _credits_an_unknown_body(text, m, sources, lex)])
    # "According to Geo News": a news outlet relays the figure; whoever it names counted it.
    according = [a for a in according if normalise(a[2]) not in lex.outlets]
    relatives = [(s, e, normalise(text[s:e])) for s, e in relative_spans]
    ctx = _Context(
        text=text,
        sentences=sentences,
        sentence_starts=[s for s, _ in sentences],
        # (A sentence that starts or ends with other than a space is not blank: read
        # without slicing it.)
        sentence_ranks=list(accumulate(
            not (text[s].isspace() and text[e - 1].isspace() and text[s:e].isspace())
            for s, e in sentences)),
        breaks=breaks,
        break_starts=[s for s, _ in breaks],
        metrics=metrics,
        metric_starts=[s for s, _, _ in metrics],
        modifiers=modifiers,
        regions=regions,
        sources=sources,
        according=according,
        relatives=relatives,
        outlets=lex.outlets,
        low=low,
        word_runs=word_runs,
        form_words=(factor_verbs, rank_words),
    )
    _article_context(ctx, lex, low, group_spans, population_spans, anaphor_words,
                     period_words + period_after_the if len(low) == len(text) else None)
    return ctx


def _without_possessors(metrics: list[tuple[int, int, str]], text: str, lex: Lexicon
                        ) -> list[tuple[int, int, str]]:
    """Drop the people whose events the next word counts: "a rise in terrorists' attacks"
    counts attacks, not terrorists (whereas "terrorist attacks" is one vocabulary entry)."""
    kept = []
    for i, mention in enumerate(metrics):
        nxt = metrics[i + 1] if i + 1 < len(metrics) else None
        if nxt is not None and not lex.metrics[mention[2]].event and lex.metrics[nxt[2]].event \
                and P.POSSESSOR_GAP.fullmatch(text, mention[1], nxt[0]):
            continue
        kept.append(mention)
    return kept


def _attacks_with_operations(metrics: list[tuple[int, int, str]], text: str
                             ) -> list[tuple[int, int, str]]:
    """"80% of attacks (including terror attacks and military operations)":
    attacks that the bracket says include the security forces' operations are all violent
    incidents, as CRSS counts them, not the terrorist attacks alone."""
    out = []
    for s, e, metric in metrics:
        if metric == "attacks" and "(" in text[e:e + 2] and P.WITH_OPERATIONS_AFTER.match(text, e):
            metric = "incidents"
        out.append((s, e, metric))
    return out


# An article glosses a word or two ("violence (fatalities)"); more are a list, not glosses.
MAX_GLOSSES = 8


def _incidents_of_another_kind(mention: tuple[int, int, str], text: str
                               ) -> tuple[int, int, str]:
    """A bare "incident(s)" followed by "of" and another kind of event ("17 incidents of
    cross-border shelling") names incidents of that kind, which no reference counts: the mention
    of ``incidents_of_another_kind`` (not countable), not of the violent incidents."""
    s, e, mid = mention
    if mid == "incidents" and e - s <= 9 and P.INCIDENTS_OF_ANOTHER_KIND.match(text, e):
        return (s, e, "incidents_of_another_kind")
    return mention


def _with_glossed_words(metrics: list[tuple[int, int, str]], text: str
                        ) -> list[tuple[int, int, str]]:
    """Add the later uses of a word the article glosses as a measure: after "a surge in
    violence (fatalities)", "the largest decrease in violence" speaks of fatalities too."""
    glosses: dict[str, tuple[int, str]] = {}
    for s, e, metric in metrics:
        if "(" not in text[max(0, s - 2):s]:  # cheap test before the pattern
            continue
        word = P.GLOSSED_WORD.search(text, max(0, s - 40), s)
        if word is not None and P.GLOSS_CLOSE.match(text, e) and (
                normalise(word.group("word")) not in glosses):
            glosses[normalise(word.group("word"))] = (P.GLOSS_CLOSE.match(text, e).end(), metric)
            if len(glosses) == MAX_GLOSSES:
                break  # each gloss reads the rest of the text once: a run-on text stays linear
    if not glosses:
        return metrics
    taken = [(s, e) for s, e, _ in metrics]
    own_words = {normalise(text[s:e]) for s, e, _ in metrics}
    added = []
    for word, (after, metric) in glosses.items():
        if word in own_words:
            continue  # a measure's own word glossed by another: keep the vocabulary's reading
        for m in re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE).finditer(text, after):
            span = (m.start(), m.end())
            k = bisect_right(taken, span) - 1
            if not (k >= 0 and taken[k][1] > span[0]) and not (
                    k + 1 < len(taken) and taken[k + 1][0] < span[1]):
                added.append((*span, metric))
    return sorted(metrics + added) if added else metrics


def _incidental(text: str, s: int, e: int) -> bool:
    """A place named in passing ("bordering Afghanistan", "Pakistan's envoy")."""
    before = text[max(0, s - 40):s]
    return bool(P.may_be_incidental(before) and P.INCIDENTAL_BEFORE.search(before)
                or P.INCIDENTAL_AFTER.match(text, e, min(len(text), e + 80)))


def _credited_name(credit: re.Match[str]) -> tuple[int, int, str]:
    """The span and name of the body a credit ("according to <Name>") names: its owner when
    the name is a possessive ("according to the Mission's report", "the Mission's Human
    Rights Service"), and without a closing full stop or apostrophe ("the Peoples'")."""
    start, name = credit.start("name"), credit.group("name")
    owner = re.match(r"(.+?)[’']s(?![\w’'])", name)
    name = owner.group(1) if owner else name.rstrip(".’'")
    return start, start + len(name), name


def _credits_an_unknown_body(text: str, credit: re.Match[str],
                             sources: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether "data gathered by <Name>" credits a body the source vocabulary does not name:
    not a description ("the Islamabad-based think tank, PICSS"), nor one a known publisher's
    name follows within its line ("the think tank Pakistan Institute for Peace Studies"),
    nor a known publisher's name shortened ("the Institute for Conflict and Security Studies":
    its words all in one publisher's name; then, as before, no one is credited)."""
    name = credit.group("name")
    if "-based" in name or _shortened_publisher(name, lex):
        return False
    i = bisect_left(sources, (credit.start(),))
    return not (i < len(sources) and sources[i][0] < credit.end() + CREDITED_BODY_REACH
                and "\n" not in text[credit.start():sources[i][0]])


CREDITED_BODY_REACH = 80  # characters after a credited name where a publisher's name may follow


def _shortened_publisher(name: str, lex: Lexicon) -> bool:
    """Whether a name of three words or more has all its words in the names of one known
    publisher, and of no other ("Institute for Conflict and Security Studies")."""
    words = set(name.lower().split())
    if len(words) < 3:
        return False
    owners = {source for alias, source in lex.source_by_alias.items()
              if " " in alias and words <= set(alias.lower().split())}
    return len(owners) == 1


def _article_context(ctx: _Context, lex: Lexicon, low: str,
                     group_spans: list[tuple[int, int]] | None = None,
                     population_spans: list[tuple[int, int]] | None = None,
                     anaphor_words: list[tuple[int, int]] | None = None,
                     period_words: list[tuple[int, int]] | None = None) -> None:
    """Find what the article establishes for all its figures (each one pass over the text).

    ``group_spans``, ``population_spans`` and ``anaphor_words``: the group, population and
    ``_GROUP_ANAPHOR_WORDS`` finders' spans when already found (``_context``);
    ``period_words``: ``_PERIOD_WORDS``' and ``_PERIOD_AFTER_THE``'s, when found on the
    lower-cased text (same offsets)."""
    text = ctx.text
    ctx.facts = article_facts(text, lex, ctx.regions, lambda s, e: _incidental(text, s, e))
    folded = P.lowered_for_matching(text, low)  # None: run the case-insensitive patterns
    if ctx.facts.country:
        # "across the country", "nationwide": the article's country, as a place mention.
        refs = [(m.start(), m.end(), ctx.facts.country)
                for m in (P.matches_at(P.COUNTRY_REFERENCE_LOW, P.country_starts(folded),
                                       folded) if folded is not None
                          else P.COUNTRY_REFERENCE.finditer(text))
                if not P.RANKED_IN_BEFORE.search(text, max(0, m.start() - 120), m.start())]
        # ("In India, most attacks killed no one. The country had 500 attacks": India.)
        ctx.other_countries = [(s, e, other) for s, e, _ in refs
                               if (other := _other_country_before(ctx, lex, s)) is not None]
        if ctx.other_countries:
            taken = {s for s, _e, _n in ctx.other_countries}
            refs = [r for r in refs if r[0] not in taken]
        if refs:
            ctx.regions = sorted(ctx.regions + refs)
    def known_source_at(start: int, end: int) -> bool:
        # ("according to the Pakistan Institute for ...", "the Global Terrorism Index said":
        # the publisher, already named as such; its words are no second, raw source)
        return any(ks < end and start < ke for ks, ke, _n in _in(ctx.sources, start - 120, end))

    named = [(s, name) for s, _e, name in ctx.sources]
    named += [(s, name) for s, e, name in ctx.according
              if name and name not in P.GENERIC_SOURCE_NAMES and not known_source_at(s, e)]
    ctx.name_said = list(P.NAME_SAID.finditer(text))
    ctx.name_said_starts = [m.start() for m in ctx.name_said]
    for m in ctx.name_said:
        if "\n" in m.group("name") or ". " in m.group("name"):
            continue  # across a sentence end ("Monday. It says")
        words = m.group("name").split()
        while words and words[0].rstrip(".") in P.NAME_SAID_STOP:
            words = words[1:]
        start, end = m.span("name")
        if len(words) >= 2 and normalise(" ".join(words).rstrip(".,’'")) not in lex.outlets and (
                not known_source_at(start, end)):
            named.append((start, " ".join(words).rstrip(".,’'")))
    named.sort()
    ctx.named, ctx.named_pos = named, [s for s, _ in named]
    ctx.carry = [(m.start(), m.end(), "") for m in (
        P.matches_from(P.CARRY_MARKER_LOW, P.CARRY_MARKER_START, folded) if folded is not None
        else P.CARRY_MARKER.finditer(text))]
    ctx.phrases = [(m.start(), m.end(), m) for m in (
        P.period_phrases(text, period_words) if period_words is not None
        else P.matches_from(P.PERIOD_PHRASE, P.PERIOD_PHRASE_START, text))]
    if lex.group_finder:
        ctx.groups = [(s, e, lex.group_by_word[normalise(text[s:e])])
                      for s, e in (lex.group_finder.spans(text, low) if group_spans is None
                                   else group_spans)]
        if lex.agent_groups:
            ctx.groups = _with_group_anaphors(text, low, ctx.groups, lex.agent_groups,
                                              anaphor_words)
        # "in terror attacks and counter-terror operations": a group inside a measure that
        # names more than that group's deeds (all incidents), or joined to operations (or
        # operations joined to attacks before them), qualifies nothing.
        wider = [(s, e) for s, e, m in ctx.metrics if m == "incidents"]
        lows = [s for s, _ in wider]
        ctx.groups = [g for g in ctx.groups if not (wider and _within(g, wider, lows)) and not (
            P.AND_OPERATIONS_AFTER.match(text, g[1])) and not (
            g[2] == "operations" and P.ATTACKS_AND_BEFORE.search(text, max(0, g[0] - 60), g[0]))]
    if lex.population_finder:
        ctx.populations = [(s, e, lex.population_by_word[normalise(text[s:e])])
                           for s, e in (lex.population_finder.spans(text, low)
                                        if population_spans is None else population_spans)]
        ctx.populations = _population_lists(text, ctx.populations, lex.population_unions,
                                            ctx.population_items)
        if lex.counted_nouns:
            _qualify_counted_nouns(ctx, lex)


# The population id of a list of people that names no part ("civilians, soldiers and
# militants"): everyone, which parts.yaml never qualifies.
EVERYONE = "everyone"


def _population_lists(text: str, populations: list[tuple[int, int, str]],
                      unions: dict[frozenset[str], str],
                      items: dict[int, list[tuple[int, int, str]]] | None = None,
                      ) -> list[tuple[int, int, str]]:
    """Make each list of people one mention: "security personnel, government officials, and
    civilians" is civilians_security (parts.yaml ``unions``), "soldiers and policemen" security
    personnel, and a list with no union (militants among the others) ``EVERYONE``.

    Read as separate mentions, the list's first or last people were taken for the whole
    list's: "62 per cent" suffered by civilians, officials and security personnel is not the
    security personnel's share. Up to two unknown items ("government officials") may stand
    in the list between known ones. ``items``, if given, gets each merged list's people by
    the list's start.
    """
    merged: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for mention in populations + [(-1, -1, "")]:
        if run and mention[0] >= 0 and P.PEOPLE_LIST_GAP.fullmatch(text, run[-1][1], mention[0]):
            run.append(mention)
            continue
        if len(run) > 1 and not P.COUNT_BEFORE.search(text, max(0, run[0][0] - 12), run[0][0]):
            # (After a count, "12 policemen, and militants killed ..." ends one list and
            # starts a clause.)
            ids = frozenset(m[2] for m in run)
            name = next(iter(ids)) if len(ids) == 1 else unions.get(ids, EVERYONE)
            merged.append((run[0][0], run[-1][1], name))
            if items is not None:
                items[run[0][0]] = run
        else:
            merged.extend(run)
        run = [mention] if mention[0] >= 0 else []
    return merged


def _qualify_counted_nouns(ctx: _Context, lex: Lexicon) -> None:
    """"civilian deaths", "security forces' casualties", "deaths among civilians": a
    population word right before a death or injury noun, or after it through "among" or
    "of", makes the noun name that part (parts.yaml ``counted_nouns``).

    The people named after the noun belong to its phrase, so they are no mention of their
    own: "fatalities among militants rose" is a change in the militants' deaths, not in the
    number of militants.
    """
    text = ctx.text
    ends = {e: population for _s, e, population in ctx.populations}
    ends_at = {e: (s, population) for s, e, population in ctx.populations}
    starts = {s: (e, population) for s, e, population in ctx.populations}
    absorbed: list[tuple[int, int]] = []
    for i, (s, e, mid) in enumerate(ctx.metrics):
        if mid not in ("deaths", "injured"):
            continue
        noun = normalise(text[s:e])
        if noun not in lex.counted_nouns:
            # "the number of civilians killed": a participle after the people of "the number
            # of" counts them (whereas in "militants killed 20 soldiers" they did it).
            gap = P.POSSESSIVE_GAP.search(text, max(0, s - 4), s)
            named = ends_at.get(gap.start()) if gap else None
            if named is not None and P.NUMBER_OF_BEFORE.search(text, max(0, named[0] - 20),
                                                                  named[0]):
                part = lex.parts.get((mid, named[1]))
                if part:
                    ctx.metrics[i] = (s, e, part)
                    absorbed.append((named[0], gap.start()))
            continue
        gap = P.POSSESSIVE_GAP.search(text, max(0, s - 4), s)
        population = ends.get(gap.start()) if gap else None
        if population is None:
            # "losses among" names its preposition itself.
            after = (P.ARTICLE_GAP if noun.endswith(" among") else P.COUNTED_AMONG_GAP).match(
                text, e)
            named = starts.get(after.end()) if after else None
            if named is not None:
                population = named[1]
                absorbed.append((after.end(), named[0]))
            elif noun.startswith("losses"):
                # "losses among traders", "losses in trade": people lost only when known
                # people own them or follow.
                absorbed.append((s, e))
                continue
        part = lex.parts.get((mid, population)) if population else None
        if part:
            ctx.metrics[i] = (s, e, part)
    if absorbed:
        absorbed.sort()
        lows = [lo for lo, _hi in absorbed]
        ctx.metrics = [m for m in ctx.metrics if not _within(m, absorbed, lows)]
        ctx.metric_starts = [m[0] for m in ctx.metrics]


def _within(mention: tuple[int, int, str], spans: list[tuple[int, int]], lows: list[int]
            ) -> bool:
    """Whether a mention lies inside one of ``spans`` (sorted, not overlapping; ``lows``
    their starts)."""
    k = bisect_right(lows, mention[0]) - 1
    return k >= 0 and mention[1] <= spans[k][1]


# How far back "the group" looks for the group it names (about three sentences): further
# back, another group the vocabulary does not know may have been named in between.
GROUP_ANAPHOR_REACH = 400


def _with_group_anaphors(text: str, low: str, groups: list[tuple[int, int, str]],
                         agents: frozenset[str], words: list[tuple[int, int]] | None = None,
                         ) -> list[tuple[int, int, str]]:
    """Add "the group", "its attacks" as mentions of the last acting group named before them
    (``low`` is ``text.lower()``, read without case folding when it keeps every position;
    ``words``: ``_GROUP_ANAPHOR_WORDS``' spans in it, when already found).

    "The TTP ... with 412 deaths blamed on the group": the deaths are the TTP's, a
    part of all deaths, and must not be compared with the national total.
    """
    named = [(s, g) for s, _e, g in groups if g in agents]
    if not named:
        return groups
    starts = [s for s, _ in named]
    found = list(groups)
    matches = (P.matches_at(P.GROUP_ANAPHOR_LOW, P.group_anaphor_starts(low) if words is None
                            else P.group_anaphor_starts_at(low, words), low)
               if len(low) == len(text)
               else P.GROUP_ANAPHOR.finditer(text))
    for m in matches:
        k = bisect_left(starts, m.start()) - 1
        if k >= 0 and m.start() - starts[k] <= GROUP_ANAPHOR_REACH:
            found.append((m.start(), m.end(), named[k][1]))
    found.sort()
    return found


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
        for rx in _date_patterns_at(text, hint.start(), hint.end(), lo):
            pos = max(lo, last_hi.get(rx, 0))
            if rx in _MATCHED_AT_MONTH:
                # Its match around this month name starts at the name (and no match before
                # it can reach into the name): tried there alone, not across the window.
                m = rx.match(text, hint.start(), hi) if hint.start() >= pos else None
                matches = (m,) if m is not None else ()
            else:
                matches = rx.finditer(text, pos, hi)
            for m in matches:
                if m.start() > hint.start() or m.end() < hint.end():
                    continue  # a date around another month name, found from that one
                last_hi[rx] = m.end()
                fig = _date_from_match(rx, m)
                if fig is not None:
                    found.setdefault((fig.start, fig.end), fig)
    for m in P.iso_dates(text):
        year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if 1 <= month <= 12 and _valid_day(year, month, day):
            found.setdefault((m.start(), m.end()),
                             _Figure(m.start(), m.end(), "date", year=year, month=month, day=day))
    return list(found.values())


# After a month name's first three letters: the rest of the name, then a number ("June 27",
# "Sept. 2024"): "June 27" needs one of one or two digits, "March 2024" of four.
_MONTH_REST_NUMBER = re.compile(r"[a-z]*\.?\s+([0-9]+)")
# ... then "'s" ("April's").
_MONTH_REST_POSSESSIVE = re.compile(r"[a-z]*['’]s\b")
_DAY_SUFFIXES = ("st", "nd", "rd", "th")
# The last letters of the words "In March", "mid-June", "the month of May" open with
# (``P.DATE_MONTH_ONLY``; compared in lower case, so a few more words pass, which is safe).
_MONTH_ONLY_WORD_ENDS = ("in", "during", "for", "over", "of", "since", "by", "until", "from",
                         "early", "late", "last", "this", "mid", "mid-", "with", "to",
                         "against")


# The month-based date patterns whose matches start at the month name: "March 2024", "April's";
# "October saw ..." and "..., June 47" (only look-behinds before the name). No month name
# holds another's first three letters (the ``P.MONTH_HINT``) but at its start.
_MATCHED_AT_MONTH = (P.DATE_MONTH_YEAR, P.DATE_MONTH_POSSESSIVE, P.DATE_MONTH_SUBJECT,
                     P.DATE_MONTH_LISTED)


def _date_patterns_at(text: str, start: int, end: int, lo: int) -> list[re.Pattern[str]]:
    """The month-based date patterns that can match around the month name at [start, end)
    (a ``P.MONTH_HINT`` match; ``lo``: where the window looked in begins).

    Cheap exact tests of what each pattern needs next to the month name; a pattern that
    fails its test cannot match around this month name, so skipping it changes no date, and
    each one skipped saves a scan of the window (the patterns try every position). Only a
    month name can hold the hint in a match (no weekday or preposition contains "Jan".."Dec"),
    so the tests read around the hint itself.
    """
    out = []
    number = _MONTH_REST_NUMBER.match(text, end)
    digits = number.end(1) - number.start(1) if number is not None else 0
    if 0 < digits <= 2:
        out.append(P.DATE_MONTH_DAY)  # "June 27"
    if _day_before(text, start):
        out.append(P.DATE_DAY_MONTH)  # "27 June": a day before the month
    if digits and (text[max(0, start - 2):start] in _LIST_OPENERS
                   or text[max(0, start - 4):start] == "and "):
        out.append(P.DATE_MONTH_LISTED)  # "..., June 47, July 1,105": a list's item
    if digits == 4:
        out.append(P.DATE_MONTH_YEAR)  # "March 2024"
    if _MONTH_REST_POSSESSIVE.match(text, end):
        out.append(P.DATE_MONTH_POSSESSIVE)  # "April's"
    if start and text[start - 1].isspace():
        k = start - 1
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if text[max(0, k - 6):k].lower().endswith(_MONTH_ONLY_WORD_ENDS):
            out.append(P.DATE_MONTH_ONLY)  # "In March": a word, then space, then the month
    if (not start or text[start - 1] == "\n" or text[max(0, start - 2):start] in _AFTER_STOP
            or text[max(0, start - 3):start] in _AFTER_STOP_2
            or start >= 3 and text[start - 2:start] == ": " and text[start - 3].isupper()
            or start >= 5 and text[start - 5:start] in _SUBJECT_CLAUSE_WORDS
            or start >= 8 and text.startswith("whereas ", start - 8)):
        # "October saw ...": opens a sentence, a "that" clause, the second clause of a
        # contrast ("while February witnessed three"), follows a fronted phrase or a dateline
        out.append(P.DATE_MONTH_SUBJECT)
    return out


def _day_before(text: str, start: int) -> bool:
    """Whether a day can end right before the month name at ``start``, as ``P.DATE_DAY_MONTH``
    reads it: a digit, perhaps "st", "nd", "rd" or "th", spaces, perhaps "of" and spaces
    ("27 June", "3rd of May")."""
    k = start
    while k and text[k - 1].isspace():
        k -= 1
    if k == start:
        return False
    if k >= 3 and text[k - 2:k] == "of" and text[k - 3].isspace():
        # ("of" ends in no digit and no suffix: it is the pattern's "of")
        k -= 2
        while k and text[k - 1].isspace():
            k -= 1
    if k >= 2 and text[k - 2:k] in _DAY_SUFFIXES:  # (they end in no digit: the suffix is read)
        k -= 2
    return k > 0 and text[k - 1] in "0123456789"


_AFTER_STOP = frozenset({". ", "! ", "? ", ", "})
_AFTER_STOP_2 = frozenset({".  ", "!  ", "?  "})
_LIST_OPENERS = frozenset({", ", ": "})
_SUBJECT_CLAUSE_WORDS = frozenset({"that ", "hile "})  # "that", "while" (the pattern checks)


def _date_from_match(rx: re.Pattern[str], m: re.Match[str]) -> _Figure | None:
    """A date figure from one of the month-based date patterns (None for an invalid day)."""
    if rx is P.DATE_MONTH_YEAR:
        return _Figure(m.start(), m.end(), "date", year=int(m.group("year")),
                       month=_month(m.group("mon")))
    if rx is P.DATE_MONTH_ONLY or rx is P.DATE_MONTH_SUBJECT or rx is P.DATE_MONTH_LISTED or (
            rx is P.DATE_MONTH_POSSESSIVE):
        return _Figure(m.start(), m.end(), "date", month=_month(m.group("mon")))
    month, day = _month(m.group("mon")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None
    if not _valid_day(year, month, day):
        return None
    wd = m.group("wd")
    return _Figure(m.start(), m.end(), "date", year=year, month=month, day=day,
                   weekday=wd.capitalize() if wd else None)


_ORIGINS = {N.DIGITS: "digits", N.WORDS: "words", N.VAGUE: "vague", N.RATIO: "ratio"}


def _number_figures(text: str, ctx: _Context | None = None) -> list[_Figure]:
    """Figures from the number recognizer: ordinals, references, compounds and URLs dropped.

    A fraction is a figure only as a share ("two-thirds of attacks") or a change ("an
    increase of about two-thirds"), and not after an ordinal ("the first half of 2023" is a
    period). ``ctx``: the lower-cased text and the
    runs of number words, when already found.
    """
    found: list[_Figure] = []
    previous: Number | None = None
    for n in (find_numbers(text) if ctx is None else find_numbers(text, ctx.low, ctx.word_runs)):
        prev, previous = previous, n
        if not n.is_figure:
            continue
        if n.form == N.FRACTION:
            change = P.found_lowered(P.FRACTION_CHANGE_BEFORE, P.FRACTION_CHANGE_BEFORE_LOW, text,
                                     max(0, n.start - 40), n.start, P.FRACTION_CHANGE_NEEDS)
            if not change and (not _OF_AFTER.match(text, n.end) or P.PERIOD_AFTER_OF.match(
                    text, n.end) or (prev is not None and prev.ordinal
                                     and not text[prev.end:n.start].strip())):
                continue  # ("an increase of about two-thirds" is a change)
            found.append(_Figure(n.start, n.end, "fraction", value=round(100 * n.value, 4),
                                 percent=True))
            continue
        fig = _Figure(n.start, n.end, _ORIGINS[n.form], n.value, n.percent, n.points,
                      n.currency, n.scale)
        if n.form == N.VAGUE:
            fig.qualifier = Qualifier.AT_LEAST.value
        elif n.plain:
            # ``_YEAR_LIKE`` and ``_TWO_DIGITS`` read as string tests (ASCII digits compare
            # as their numbers at equal length): asked of every plain number.
            raw = n.raw
            if len(raw) == 4:
                fig.year_like = raw.isascii() and raw.isdigit() and "1800" <= raw <= "2100"
            elif len(raw) == 2:
                fig.two_digit = raw.isascii() and raw.isdigit()
        found.append(fig)
    return found


def _form_figures(text: str, low: str | None = None,
                  words: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None,
                  ) -> list[_Figure]:
    """Factors ("doubled", "nine-fold", "halved") and ranks ("ranked second", "the most
    affected province"): claims written without a figure in digits (``low``: the text
    lower-cased, when the caller has it; ``words``: the spans of ``_FACTOR_VERBS`` and
    ``_RANK_WORDS`` in it, when found)."""
    found = []
    folded = P.lowered_for_matching(text, low)  # the groups read below are lower-cased anyway
    if folded is not None and words is not None:
        factor_starts = P.factor_starts_at(folded, words[0])
        rank_starts = P.rank_starts_at(folded, words[1])
    elif folded is not None:
        factor_starts, rank_starts = P.factor_starts(folded), P.rank_starts(folded)
    for m in (P.matches_at(P.FACTOR_LOW, factor_starts, folded) if folded is not None
              else P.FACTOR.finditer(text)):
        word = (m.group("verb") or m.group("num")).lower()
        value = P.FACTOR_VERBS.get(word)
        if value is None:
            value = float(word) if word[0].isdigit() else float(
                {**P.UNIT_WORDS, **P.TEEN_WORDS, **P.TENS_WORDS, "hundred": 100}[word])
        found.append(_Figure(m.start(), m.end(), "factor", value=float(value)))
    for m in (P.matches_at(P.RANK_LOW, rank_starts, folded) if folded is not None
              else P.RANK.finditer(text)):
        word = (m.group("ord") or m.group("ord2") or "").lower()
        if m.group("most") or m.group("top"):
            value = 1.0
        elif word[:1].isdigit():
            value = float(word[:-2])
        else:
            value = float(P.ORDINAL_WORDS[word])
        found.append(_Figure(m.start(), m.end(), "rank", value=value))
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


def _without_second_days(text: str, figs: list[_Figure]) -> list[_Figure]:
    """Drop the second day of a span of days ("on October 11 and 12", "October 11-12"): it
    is part of the date, not a count (it was read as 12 soldiers injured)."""
    drop: set[int] = set()
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        if a.origin != "date" or b.origin != "digits" or b.value is None or b.percent or (
                not P.DAY_SPAN_GAP.fullmatch(text, a.end, b.start)):
            continue
        day = P.DAY_AT_END.search(text, a.start, a.end)
        nxt = P.NEXT_WORD.match(text, b.end)
        if day and int(day.group(1)) < b.value <= 31 and (
                text[a.end:b.start] in ("-", "–")  # "October 11-12": a span, whatever follows
                or nxt is None or nxt.group(1).lower() in P.FUNCTION_WORDS):
            drop.add(i + 1)
    return [f for k, f in enumerate(figs) if k not in drop] if drop else figs


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
        # (Read in place: most neighbours stand far apart, and slicing the gap and the
        # words before for every pair copied the text between them.)
        dash = P.RANGE_SEPARATOR.fullmatch(text, a.end, b.start)
        joined = P.AND_SEPARATOR.fullmatch(text, a.end, b.start)
        if not (dash or joined):
            out.append(a)
            i += 1
            continue
        gap = text[a.end:b.start]
        before = text[max(0, a.start - _WINDOW):a.start]
        between = P.BETWEEN_BEFORE.search(before) if joined else None
        if dash and not between and "to" in gap.lower() and not _changed_from(before):
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
        if _changed_from(before) and not between or (
                between and P.FROM_BEFORE.search(before) and not P.RANGE_WORD_BEFORE.search(
                    text, max(0, a.start - _WINDOW), between.start() + a.start - len(before))):
            # "rose from 302 to 447", "injuries from 420 to 714": two levels of a change,
            # not a range (a range says so: "estimates range from 200 to 300").
            out.append(a)
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
        elif a.origin == "words" and b.origin == "words" and low is not None and high:
            # "seven to ten thousand": the last word's scale applies to both ends.
            last = text[a.start:b.end].split()[-1].lower()
            first = set(text[a.start:a.end].lower().split())
            scale = P.BIG_WORDS.get(last)
            if scale and not first & set(P.BIG_WORDS) and low * scale <= high:
                low *= scale
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


def _changed_from(before: str) -> bool:
    """Whether ``before`` ends with a change and "from" ("rose from", "an increase from")."""
    return P.may_change_from(before) and bool(P.CHANGE_FROM_BEFORE.search(before))


YEAR_AS_NAME = (1990, 2035)  # years a determiner may set before its events ("the 2023 attacks")


def _is_year(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> bool:
    """Whether a year-like figure ("2023") is a time reference rather than a count."""
    before = text[max(0, fig.start - 30):fig.start]
    if P.found_lowered(P.YEAR_PREPOSITION_BEFORE, P.YEAR_PREPOSITION_BEFORE_LOW, before, 0,
                       len(before)):
        return True  # "in 2023", "since 2021"
    if P.may_end_in_hedge(text, max(0, fig.start - 30), fig.start) and (
            P.QUALIFIER_BEFORE.search(before)):
        # "rose by 17 percent over 2022": after a change, "over" names the base year, unless
        # a count noun follows ("a 5% rise, over 2000 attacks").
        return bool(P.CHANGE_OVER_BEFORE.search(text, max(0, fig.start - 80), fig.start)) and (
            not P.COUNT_NOUN_AFTER.match(text, fig.end)
            and _first_metric_at(ctx, fig.end, fig.end + 2) is None)
    if P.YEAR_DETERMINER_BEFORE.search(before) and "," not in text[fig.start:fig.end] and (
            fig.value is not None and YEAR_AS_NAME[0] <= fig.value <= YEAR_AS_NAME[1]):
        # "the bulk of the 2023 operations": a year naming the events (a count that large
        # after "the" would be written "2,023").
        return True
    if "," not in text[fig.start:fig.end] and P.TALLY_OF_A_YEAR_AFTER.match(text, fig.end):
        return True  # "CRSS revises 2024 death toll": the toll of the year, not 2,024 deaths
    if P.COUNT_NOUN_AFTER.match(text, fig.end) or P.MEASURE_UNIT_AFTER.match(text, fig.end):
        return False  # "2000 people", "1950 grams"
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
    if any(s <= fig.start < e for s, e, _m in _in(ctx.phrases, max(0, fig.start - 20),
                                                   fig.end + 60)):
        return False  # "the first eleven months of 2023": part of a period
    if not fig.percent and P.DURATION_UNIT_AFTER.match(text, fig.end) and (
            P.DURATION_AROUND.search(text, max(0, fig.start - 20), fig.start)):
        return False  # "the past six years": a duration used as a time reference
    if fig.percent or fig.points or fig.qualifier or fig.value is None or fig.value >= 10:
        return True
    if P.may_end_in_hedge(text, max(0, fig.start - 25), fig.start) and (
            P.QUALIFIER_BEFORE.search(text, max(0, fig.start - 25), fig.start)):
        return True
    if P.COUNT_NOUN_AFTER.match(text, fig.end) or P.OTHERS_AFTER.match(text, fig.end):
        return True  # "three incidents", "the arrest of five others"
    j = bisect_left(ctx.metric_starts, fig.start) - 1
    if j >= 0 and ctx.metrics[j][2] in _VERB_FIRST and P.VERB_GAP.fullmatch(
            text, ctx.metrics[j][1], fig.start):
        return True  # "killing 27 militants and arresting four": the verb's own count
    k = bisect_left(ctx.populations, fig.end, key=_FIRST)
    # (Read in place: the slice to the next people copied all the text up to them.)
    if k < len(ctx.populations) and P.WORD_GAP.fullmatch(text, fig.end, ctx.populations[k][0]):
        return True  # "three security officials", "six civilians"
    if P.LIST_ITEM_AFTER.match(text, fig.end) and P.LIST_BEFORE.search(
            text, max(0, fig.start - 90), fig.start):
        return True  # "66 in KP, seven in Sindh and three in Balochistan"
    # "three TTP militants", "nine terrorist incidents": a metric word right after the
    # number, or one word after it (a metric phrase may begin with that word).
    gap = P.WORD_GAP.match(text, fig.end, fig.end + 40)
    if gap is None:
        return False
    return any(_first_metric_at(ctx, at, at + 1, True, lex) for at in (gap.end(1), gap.end()))


def _classify(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> None:
    """Set the figure's kind, value, unit, qualifier and claim span (in place)."""
    before_start = max(0, fig.start - _WINDOW)
    before = text[before_start:fig.start]
    fig.span_start = fig.start if fig.span_start is None else fig.span_start
    fig.span_end = fig.end
    fig.core_end = fig.end

    lo = max(0, fig.start - _HEDGE_WINDOW)
    q = P.QUALIFIER_BEFORE.search(text, lo, fig.start) if P.may_end_in_hedge(
        text, lo, fig.start) else None
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
    if fig.origin in ("factor", "rank"):
        fig.kind = FACTOR if fig.origin == "factor" else RANK
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
        if _as_change(text, fig, before, before_start):
            fig.unit = _unit(fig)  # "an increase of about two-thirds": +66.7%
        else:
            _as_share(text, fig, lex, ctx)
        return

    if fig.percent or fig.points:
        if _as_change(text, fig, before, before_start, ctx, lex):
            pass
        elif fig.points:
            fig.kind = POINTS
        elif not _as_share(text, fig, lex, ctx):
            fig.kind = (
                SHARE if P.SHARE_BEFORE.search(before) else PERCENT
            )
            if fig.kind == PERCENT:
                _ranked_change(ctx, fig)
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


def _as_change(text: str, fig: _Figure, before: str, before_start: int,
               ctx: _Context | None = None, lex: Lexicon | None = None) -> bool:
    """Read a percent as a change ("65% increase", "rose by 12%"); sign a decrease negative.

    With ``ctx`` and ``lex``, "up" or "down" right after a measure is a change, as headlines
    write it ("bombings up 40pc").
    """
    kind = POINTS if fig.points else CHANGE
    after = P.CHANGE_NOUN_AFTER.match(text, fig.end)
    if after:
        fig.kind, fig.span_end = kind, after.end()
        fig.core_end = after.end()
        decrease = _CHANGE_NOUNS[normalise(after.group("w"))]
    else:
        noun = P.CHANGE_NOUN_BEFORE.search(before) if P.may_end_in_word_or_hedge(
            before, "of") else None
        if noun is None and any(h in before[-40:].lower() for h in P.CHANGE_NOUN_WAS_HINTS):
            noun = P.CHANGE_NOUN_WAS_BEFORE.search(before)
        verb = None if noun else P.CHANGE_VERB_BEFORE.search(before)
        if verb and normalise(verb.group("w")) in ("up", "down") and not P.UP_DOWN_AS_CHANGE.search(
            before, 0, verb.start("w")
        ) and not (ctx is not None and lex is not None and _measure_ends_at(
                ctx, lex, before_start + verb.start("w"))):
            verb = None  # "made up 40%", "up to 12%": not a change
        hit = noun or verb
        if hit:
            fig.kind = kind
            fig.span_start = min(fig.span_start, before_start + hit.start("w"))
            table = _CHANGE_NOUNS if noun else _CHANGE_VERBS
            decrease = table[normalise(hit.group("w"))]
            if hit.group("q"):
                fig.qualifier = _QUALIFIERS[normalise(hit.group("q"))].value
        elif P.may_end_in_word_or_hedge(before, "by") and (
                noun_in := P.CHANGE_NOUN_IN_BY_BEFORE.search(before)):
            # "a surge in violence by 14%": the claim stays the number, so that what changed
            # (between the noun and "by") is still read as its measure.
            fig.kind = kind
            decrease = _CHANGE_NOUNS[normalise(noun_in.group("w"))]
            if noun_in.group("q"):
                fig.qualifier = _QUALIFIERS[normalise(noun_in.group("q"))].value
        else:
            comparative = P.COMPARATIVE_AFTER.match(text, fig.end) or (
                P.COMPARATIVE_THAN_A_TIME_AFTER.match(text, fig.end))
            if not comparative:
                return False
            fig.kind, fig.span_end = kind, comparative.end()
            fig.core_end = comparative.end()
            decrease = P.CHANGE_COMPARATIVES[comparative.group("w").lower()]
    if decrease and fig.value is not None:
        fig.value = -abs(fig.value)
    return True


# How far back in its sentence a percent looks for the ranking change it gives a place.
RANKED_CHANGE_REACH = 200


def _ranked_change(ctx: _Context, fig: _Figure) -> None:
    """"The steepest fall in violence came in Punjab, almost 60%, then Sindh with 35%": a
    percent given to a place after a ranking of changes is that change."""
    text = ctx.text
    k = bisect_right(ctx.sentence_starts, fig.start) - 1
    lo = max(ctx.sentence_starts[k] if k >= 0 else 0, fig.start - RANKED_CHANGE_REACH)
    if not P.may_rank_changes(text, lo, fig.start):
        return
    ranked = P.RANKED_CHANGE.search(text, lo, fig.start)
    if ranked is None:
        return
    # The percent is the place's: "with" before it, or the place itself (and its hedge).
    at = fig.span_start
    j = bisect_left(ctx.regions, at, key=_FIRST) - 1
    if not (P.GIVEN_WITH.search(text, max(ranked.end(), at - 8), at) or (
            j >= 0 and ctx.regions[j][1] >= ranked.end()
            and P.PLACE_THEN_PERCENT.fullmatch(text, ctx.regions[j][1], at))):
        return
    fig.kind = CHANGE
    if _CHANGE_NOUNS[normalise(ranked.group("w"))] and fig.value is not None:
        fig.value = -abs(fig.value)
    # What changed is named after the noun ("decrease in violence"), not in the place's clause.
    of = P.CHANGED_WHAT_GAP.match(text, ranked.end())
    k = bisect_left(ctx.metric_starts, of.end()) if of else len(ctx.metrics)
    if k < len(ctx.metrics) and ctx.metrics[k][0] == of.end():
        fig.metric = ctx.metrics[k][2]


def _measure_ends_at(ctx: _Context, lex: Lexicon, pos: int) -> bool:
    """Whether a countable measure's word ends right before ``pos``, spaces apart
    ("kidnappings up 30%"), so that "up" there is no verb's particle ("made up 30%")."""
    j = bisect_left(ctx.metric_starts, pos) - 1
    if j < 0:
        return False
    _start, end, metric = ctx.metrics[j]
    return end <= pos and lex.metrics[metric].countable and not ctx.text[end:pos].strip()


def _as_share(text: str, fig: _Figure, lex: Lexicon, ctx: _Context) -> bool:
    """Read "X% of <noun>" as a share; the noun (or metric phrase) joins the claim span."""
    share = P.SHARE_OF.match(text, fig.end)
    if not share:
        if fig.origin == "fraction":
            fig.kind = SHARE
            fig.unit = PERCENT_UNIT
            return True
        whole = _whole_opening(ctx, lex, fig)
        if whole is not None:
            # "Of the incidents, 44 percent targeted security forces": a share of them.
            fig.kind, fig.unit, fig.metric = SHARE, PERCENT_UNIT, whole
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


def _whole_opening(ctx: _Context, lex: Lexicon, fig: _Figure) -> str | None:
    """The measure a sentence opens on as the whole of its first percent ("Of the incidents
    in 2024, 44 percent targeted ...", "Of all attacks, 30%"), or None."""
    k = bisect_right(ctx.sentence_starts, fig.start) - 1
    if k < 0:
        return None
    opening = P.OF_THE_MEASURE_OPENING.match(ctx.text, ctx.sentence_starts[k], fig.start)
    if opening is None:
        return None
    j = bisect_left(ctx.metric_starts, opening.end())
    if j == len(ctx.metrics) or ctx.metrics[j][0] != opening.end() or not (
            lex.metrics[ctx.metrics[j][2]].countable):
        return None
    # Only the first figure after the opening's comma: no figure between.
    rest = P.OPENING_REST.fullmatch(ctx.text, ctx.metrics[j][1], fig.start)
    return ctx.metrics[j][2] if rest is not None else None


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


# The words the matches of some patterns read before a figure end with (then spaces): where
# the window before the figure ends otherwise, ``_may_end_in`` skips the pattern.
_EARLIER_FIGURE_ENDS = ("of", "about", "some", "nearly")  # P.STATED_EARLIER_BEFORE
# P.SUFFERED_GAP, P.LARGEST_SHARE_WITH_GAP, P.WITH_TOLL_GAP
_SUFFERING_ENDS = ("suffered", "with", "lost", "for", "up", "bore")
# P.RESPONSIBLE_GAP
_RESPONSIBLE_ENDS = ("for", "behind", "about", "nearly", "over", "around", "almost")
_ENDS_READ = 8  # the longest of those words


def _may_end_in(text: str, lo: int, end: int, words: tuple[str, ...]) -> bool:
    """False when ``text[lo:end]`` does not end with one of ``words`` (lower case, at most
    ``_ENDS_READ`` letters) and spaces, so that a pattern whose every match ends so cannot
    match there; True when it may. (``\\s`` is ``str.isspace``; a tail that is not ASCII is
    left to the pattern: case folding matches "ſ" to "s", "K" to "k".) Most figures follow
    other words ("killed 40"), and such patterns were tried at every place of the window."""
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == end:
        return False
    tail = text[max(lo, j - _ENDS_READ):j]
    return not tail.isascii() or tail.lower().endswith(words)


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


def _in(items: list[tuple[int, int, str]], lo: int, hi: int,
        starts: list[int] | None = None) -> list[tuple[int, int, str]]:
    """Items (sorted by start) that lie within [lo, hi); ``starts``, the items' starts kept
    beside them, spares the bisect a key function called at every step."""
    # Each item read once, the length once: this runs over a dozen lists for every figure.
    i = bisect_left(starts, lo) if starts is not None else bisect_left(items, lo, key=_FIRST)
    n = len(items)
    out = []
    while i < n:
        item = items[i]
        if item[0] >= hi:
            break
        if item[1] <= hi:
            out.append(item)
        i += 1
    return out


def _metrics_in(ctx: _Context, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``_in(ctx.metrics, lo, hi)``, bisecting the starts kept beside the metrics."""
    return _in(ctx.metrics, lo, hi, ctx.metric_starts)


@dataclass(slots=True)
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
    refs: list[_TimeRef] = field(default_factory=list)  # every time reference, by position
    refs_pos: list[int] = field(default_factory=list)
    change_bases: frozenset = frozenset()  # ids of references that are a change's base
    usable: list | None = None  # references that can date a figure (set on first use)
    months: list | None = None  # distinct months named (set on first use)
    usable_pos: list[int] = field(default_factory=list)
    text: str = ""
    sent: tuple[int, int] = (0, 0)
    _past: bool | None = None
    _back: bool | None = None

    @property
    def refers_back(self) -> bool:
        """Whether the sentence points back to the period last stated ("during this period",
        "These claimed ..."); searched once, when a figure needs it (a run-on "sentence" of
        thousands of figures must not be searched once per figure)."""
        if self._back is None:
            text, (lo, hi) = self.text, self.sent
            self._back = bool(P.found_lowered(P.PERIOD_ANAPHOR, P.PERIOD_ANAPHOR_LOW, text,
                                              lo, hi, P.PERIOD_ANAPHOR_NEEDS)
                              or P.EVENT_SUBJECT.match(text, lo, hi)
                              or P.DEMONSTRATIVE_SUBJECT.match(text, lo, hi))
        return self._back

    @property
    def past_tense(self) -> bool:
        """Whether the sentence is in the past tense (searched once, when a figure needs it)."""
        if self._past is None:
            self._past = P.found_lowered(P.PAST_TENSE, P.PAST_TENSE_LOW, self.text, *self.sent)
        return self._past


def _scope(ctx: _Context, lex: Lexicon, sent: tuple[int, int], figs: list[_Figure],
           pub: date | None, may_place: bool = True, may_attribute: bool = True,
           may_phrase: bool = True, may_relative: bool = True) -> _Scope:
    """Collect a sentence's places, time references, tense and attributions once.

    ``may_place``, ``may_attribute``, ``may_phrase``, ``may_relative``: False when the
    sentence names no place; no source and no "<Name> said"; no period phrase; no relative
    period (``_named_in_sentences``): nothing to read there."""
    groups = _region_groups(ctx, lex, sent) if may_place else []
    refs = _time_refs(ctx, sent, figs, pub, lex, may_phrase, may_relative)  # (sorted in place)
    found = _attributions(ctx, sent) if may_attribute else []
    if not refs and not groups:  # (most sentences: nothing to sort out)
        return _Scope(groups=groups, group_starts=[], group_ends=[], first_locative=None,
                      accounting=[], plain=[], plain_pos=[], bases=[], years=[], found=found,
                      found_pos=[pos for pos, _ in found], refs=refs, refs_pos=[],
                      text=ctx.text, sent=sent)
    refs.sort(key=_POS)
    plain = [r for r in refs if not r.is_base]
    return _Scope(
        groups=groups,
        group_starts=[g["start"] for g in groups],
        group_ends=[g["end"] for g in groups],
        first_locative=next((g for g in groups if g["locative"]), None),
        # Only read when the sentence names a place, and says "account" ("c", "o", "u", "n",
        # "t" fold to no other character than their capitals).
        accounting=[m.start() for m in P.ACCOUNTING_FOR.finditer(ctx.text, *sent)]
        if groups and "ccount" in ctx.text[slice(*sent)].lower() else [],
        plain=plain,
        plain_pos=[r.pos for r in plain],
        bases=[r for r in refs if r.is_base],
        years=sorted({r.period for r in plain if r.explicit_year}),
        found=found,
        found_pos=[pos for pos, _ in found],
        refs=refs,
        refs_pos=[r.pos for r in refs],
        text=ctx.text,
        sent=sent,
    )


def _named_in_sentences(ctx: _Context, spans: list[tuple[int, int]]) -> bytearray:
    """Whether ``spans`` (start, end) start in or cross into each sentence, by index (1 or
    0): a sentence outside them has none of those mentions (``_in`` reads those that start
    in it, ``_names_said`` also the ones that cross its start or end). Found once per
    article: most sentences name no place or source, and bisecting each list per sentence to
    say so cost more than reading them."""
    starts = ctx.sentence_starts
    n = len(starts)
    out = bytearray(n)
    for s, e in spans:
        first = max(bisect_right(starts, s) - 1, 0)
        if first + 1 < n and e >= starts[first + 1]:  # (crosses into the next one)
            last = bisect_right(starts, e)
            out[first:last] = b"\x01" * (last - first)
        else:
            out[first] = 1
    return out


def _region_groups(ctx: _Context, lex: Lexicon, sent: tuple[int, int]) -> list[dict]:
    """Places in a sentence, incidental ones dropped, coordinated ones grouped."""
    text = ctx.text
    groups: list[dict] = []
    for s, e, code in _in(ctx.regions, *sent):
        before = text[max(sent[0], s - 40):s]
        if P.may_be_incidental(before) and P.INCIDENTAL_BEFORE.search(before) or (
                P.INCIDENTAL_AFTER.match(text, e, sent[1])):
            continue
        if groups and s - groups[-1]["end"] < 80 and P.REGION_GLUE.fullmatch(
            text, groups[-1]["end"], s
        ):
            groups[-1]["end"] = e
            groups[-1]["codes"].add(code)
            continue
        locative = P.found_lowered(P.LOCATIVE_BEFORE, P.LOCATIVE_BEFORE_LOW, before, 0,
                                   len(before))
        groups.append({"start": s, "end": e, "codes": {code}, "locative": locative})
    for g in groups:
        codes = g["codes"]
        if len(codes) == 1:  # (most places: one name)
            (code,) = codes
            g["region"] = "" if lex.region_parent.get(code) == code else code
            continue
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
    # 2. "deaths in Pakistan": a place after the figure, in its clause, after "in".
    limit = min(clause[1], next_start)
    i = bisect_left(sc.group_starts, fig.span_end)
    own = None
    while i < len(groups) and groups[i]["start"] < limit:
        if groups[i]["locative"]:
            own = groups[i]["region"]
            break
        i += 1
    # 1. "X and Y provinces, ..., accounting for 90% of attacks in Pakistan": the subject of
    # "accounting for" (the place after a share is its whole's); a count's own place after
    # it still holds ("..., compared to 1,942 in Khyber Pakhtunkhwa").
    k = bisect_right(sc.accounting, fig.span_start) - 1
    if k >= 0 and groups[0]["end"] <= sc.accounting[k] and not (own and fig.kind == COUNT) and (
            # ("KP accounted for 27 attacks, while Balochistan saw 17": a place named after
            # "accounted for" as a subject, before the figure, is the figure's; one after
            # "in" is the whole's: "150 of the 600 deaths in Pakistan, or 25 percent".)
            not any(sc.accounting[k] < g["start"] and g["end"] <= fig.span_start
                    and not g["locative"] for g in groups)):
        # ("KP accounted for 1,480, while Balochistan accounted for 690": a later clause's
        # "accounted for" has its own subject.)
        subject = next((g for g in reversed(groups) if g["end"] <= sc.accounting[k]
                        and not g["locative"]), groups[0])
        if subject is not groups[0] and P.CONTRAST_CLAUSE_BETWEEN.search(
                ctx.text, groups[0]["end"], subject["start"]):
            return subject["region"]
        return groups[0]["region"]
    if own:
        return own
    # 3. "after Khyber Pakhtunkhwa where 110 attacks": the nearest place before, same clause.
    j = bisect_right(sc.group_ends, fig.span_start) - 1
    if j >= 0 and groups[j]["start"] >= clause[0]:
        return groups[j]["region"]
    # 3b. "... in KP, where 858 attacks were reported": the place a "where" clause follows;
    # "... Khyber Pakhtunkhwa, which saw 295 attacks, and Balochistan, with 202": the place
    # right before ", with".
    if j >= 0 and (P.WHERE_AFTER.match(ctx.text, groups[j]["end"], fig.span_start)
                   or P.PLACE_WITH_GAP.fullmatch(ctx.text, groups[j]["end"], fig.span_start)):
        return groups[j]["region"]
    # 4. "In Pakistan, 1,500 people died": a place set as the sentence's setting.
    setting = sc.first_locative
    if setting is not None and setting["end"] <= fig.span_start:
        return setting["region"]
    # 5. "Balochistan remained the most violent province, recording 32 attacks": the place
    # the sentence is about, as its subject.
    first = groups[0]
    if first["end"] <= fig.span_start and P.SUBJECT_PLACE_BEFORE.fullmatch(
            ctx.text, sc.sent[0], first["start"]):
        return first["region"]
    return None


# Metrics whose verb, right before a figure, is that figure's own: "killed 229 people",
# "arrested 739 terrorists" (the people named after it are who was killed or arrested).
_VERB_FIRST = frozenset({"deaths", "injured", "militants_arrested", "abductions",
                         "suspects_named"})


SUBJECT_REACH = 60  # characters of a figure's own noun phrase before an aside about it


def _hurt_opening(ctx: _Context, sent: tuple[int, int]) -> tuple[str, str] | None:
    """The dead or injured a sentence opens on without a number ("Of those killed in
    militant attacks, ...", "Among the injured, ..."), as (measure, its words), or None."""
    opening = P.OF_THE_MEASURE_OPENING.match(ctx.text, sent[0], sent[1])
    if opening is None:
        return None
    j = bisect_left(ctx.metric_starts, opening.end())
    if j == len(ctx.metrics) or ctx.metrics[j][0] != opening.end() or ctx.metrics[j][2] not in (
            "deaths", "injured"):
        return None
    comma = ctx.text.find(",", opening.end(), min(sent[1], opening.end() + 80))
    if comma < 0 or P.DIGIT.search(ctx.text, opening.end(), comma):
        return None
    return ctx.metrics[j][2], ctx.text[opening.end():comma]


def _people_hurt_opening(ctx: _Context, lex: Lexicon, sent: tuple[int, int]
                         ) -> tuple[str, str, str] | None:
    """The people a sentence opens on as killed or injured ("Of the terrorists killed, 447
    died in Khyber Pakhtunkhwa and 109 in Balochistan"), as (part measure, base measure, its
    words), or None: its counts of that measure are those people's."""
    opening = P.OF_THE_MEASURE_OPENING.match(ctx.text, sent[0], sent[1])
    if opening is None:
        return None
    k = bisect_left(ctx.populations, opening.end(), key=_FIRST)
    if k == len(ctx.populations) or ctx.populations[k][0] != opening.end():
        return None
    people_end, population = ctx.populations[k][1], ctx.populations[k][2]
    j = bisect_left(ctx.metric_starts, people_end)
    if j == len(ctx.metrics) or ctx.metrics[j][2] not in ("deaths", "injured") or (
            ctx.text[people_end:ctx.metrics[j][0]].strip()):
        return None
    if not P.OPENING_COMMA.match(ctx.text, ctx.metrics[j][1]):
        return None
    part = lex.parts.get((ctx.metrics[j][2], population))
    return (part, ctx.metrics[j][2], ctx.text[opening.end():ctx.metrics[j][1]]) if part else None


def _label_before(ctx: _Context, lex: Lexicon, fig: _Figure) -> str | None:
    """The measure a line or list item opens on as a label before its figure ("- Deaths:
    693", "Terrorist attacks: 306", "- Civilians killed: 210": the part of the people it
    names), or None."""
    j = bisect_left(ctx.metric_starts, fig.span_start) - 1
    if j < 0:
        return None
    start, end, metric = ctx.metrics[j]
    if not lex.metrics[metric].countable or not P.LABEL_GAP.fullmatch(
            ctx.text, end, fig.span_start):
        return None
    if not P.LABEL_LINE_START.search(ctx.text, max(0, start - 40), start):
        return None
    # "- Militants killed: 516": the people the label names before its death or injury word.
    line = ctx.text.rfind("\n", 0, start) + 1
    k = bisect_left(ctx.populations, line, key=_FIRST)
    if k < len(ctx.populations) and ctx.populations[k][1] <= start and (
            part := lex.parts.get((metric, ctx.populations[k][2]))):
        return part
    return metric


def _does_to(ctx: _Context, lex: Lexicon, events: tuple[int, int, str],
             word: tuple[int, int, str]) -> bool:
    """Whether ``word`` right after a count's events is what they did ("55 operations killed
    119 outlaws": the operations are counted, not the dead)."""
    kind = lex.metrics[events[2]]
    return (kind.event or events[2] in ("incidents", "security_operations")) and (
        word[2] in _VERB_FIRST and ctx.text[word[1] - 2:word[1]].lower() == "ed")


def _verb_after_people_included(ctx: _Context, fig: _Figure) -> str | None:
    """Deaths or injured told by the verb after the people a figure includes ("310 others
    including policemen, soldiers and passers-by were injured": injured, not the "killed" of
    the clause before), or None."""
    k = bisect_left(ctx.metric_starts, fig.core_end)
    while k < len(ctx.metrics) and ctx.metrics[k][0] <= fig.core_end + 140:
        s, _e, mid = ctx.metrics[k]
        if mid in ("deaths", "injured") and P.PEOPLE_INCLUDING_GAP.fullmatch(
                ctx.text, fig.core_end, s):
            return mid
        k += 1
    return None


def _bind_metric(ctx: _Context, lex: Lexicon, fig: _Figure, clause: tuple[int, int],
                 prev_end: int, next_start: int) -> str | None:
    """The metric a figure counts: the nearest metric word after it in its clause, else before."""
    if fig.metric:
        return fig.metric
    if fig.kind == COUNT and P.TIMES_AFTER.match(ctx.text, fig.core_end) and (
            P.ATTACK_VERB.search(ctx.text, max(clause[0], fig.span_start - 200),
                                 min(clause[1], fig.core_end + 200))):
        return "attacks"  # "495 times terrorists attacked installations"
    hi = min(clause[1], next_start, fig.core_end + 80)
    line_end = ctx.text.find("\n", fig.core_end, hi)
    if line_end >= 0:
        hi = line_end  # ("Civilian Deaths: 55\n\nSecurity Forces Deaths: 47": not the next line's)
    # "killed 47 people and injured 93": a death or injury word right before the figure
    # is its own verb.
    j = bisect_left(ctx.metric_starts, fig.span_start) - 1
    if j >= 0 and ctx.metrics[j][2] in _VERB_FIRST and ctx.metrics[j][0] >= clause[0] \
            and P.VERB_GAP.fullmatch(ctx.text, ctx.metrics[j][1], fig.span_start):
        return ctx.metrics[j][2]
    after = _first_metric_at(ctx, fig.core_end, hi, True, lex)
    if after and P.SUBORDINATE_CLAUSE_GAP.search(ctx.text, fig.core_end, after[0]):
        after = None
    if after and (not P.OTHER_CLAUSE_GAP.search(ctx.text, fig.core_end, after[0])
                  or _names_population_before(ctx, fig, after[0])):
        if (head := _coordinated_head(ctx, lex, after)) is not None:
            return head  # "1,412 militant, separatist and sectarian-related incidents"
        # "35 terrorist incidents": the last of adjoining metric words is the head noun.
        nxt = _first_metric_at(ctx, after[1], after[1] + 2, True, lex)
        while nxt is not None and not ctx.text[after[1]:nxt[0]].strip() and not (
                _does_to(ctx, lex, after, nxt)):
            after, nxt = nxt, _first_metric_at(ctx, nxt[1], nxt[1] + 2, True, lex)
        if after[2] == "militants" and fig.kind in (*CHANGE_KINDS, PERCENT, SHARE) and (
                _modifies_next_noun(ctx, after)):
            return None  # "a 17% spike in terrorist violence": of the violence, no count
        return (_such_kind(ctx, fig, after) or _restated_event(ctx, lex, fig, after)
                or after[2])
    if after is None and clause[1] - fig.core_end <= SUBJECT_REACH and (
            aside := P.PEOPLE_ASIDE.match(ctx.text, clause[1])) is not None:
        # "More than one thousand people, including 260 soldiers, sacrificed their lives":
        # the verb after the aside is the subject's.
        k = bisect_left(ctx.metric_starts, aside.end())
        if k < len(ctx.metrics) and ctx.metrics[k][0] == aside.end() and ctx.metrics[k][2] in (
                "deaths", "injured") and not P.DIGIT.search(ctx.text, fig.core_end, clause[1]):
            return ctx.metrics[k][2]
    if after is None and (hurt := _verb_after_people_included(ctx, fig)) is not None:
        return hurt
    if after is None and (label := _label_before(ctx, lex, fig)) is not None:
        return label  # "- Deaths: 693"
    if after is None and (case := P.CASES_AFTER.match(ctx.text, fig.core_end)) is not None and (
            restated := _restated_event(ctx, lex, fig, (case.start("w"), case.end("w"),
                                                        "incidents"))) is not None:
        return restated  # "... whereas a year before, 24 cases were reported"
    lo = max(clause[0], prev_end)
    # ("deaths linked to militant violence rose by 74%": a people word qualifying a noun
    # figcheck has no measure for names no measure of its own.)
    before = [m for m in _metrics_in(ctx, lo, fig.span_start) if lex.metrics[m[2]].countable
              and not (m[2] == "militants" and _modifies_next_noun(ctx, m))]
    # "Deaths in these attacks rose from 318": a metric inside a prepositional phrase
    # qualifies the subject before it.
    # ("resulting in the deaths of 685 security personnel": the word the figure follows
    # through "of" is its head, whatever phrase holds them.)
    heads = [m for m in before if not P.PREPOSITION_BEFORE.search(
        ctx.text, max(lo, m[0] - 30), m[0]) or P.HEAD_OF_BEFORE.search(
        ctx.text, max(lo, m[0] - 30), m[0]) or P.OF_FIGURE_GAP.fullmatch(
        ctx.text, m[1], fig.span_start)]
    if not before:
        return None
    if not heads and _qualifies_other_noun(ctx.text, lo, before[-1][0]):
        # "human losses in such attacks fell": the measure is the noun the phrase
        # qualifies, which figcheck has no word for; the attacks are not what declined, and
        # the figure has a subject of its own, so it continues no earlier figure's.
        fig.extra["own_subject"] = True
        return None
    pick = (heads or before)[-1]
    k = bisect_left(ctx.metric_starts, pick[1])
    while k < len(ctx.metrics) and ctx.metrics[k][0] < fig.span_start and not ctx.text[
            pick[1]:ctx.metrics[k][0]].strip() and lex.metrics[ctx.metrics[k][2]].countable:
        pick = ctx.metrics[k]  # "terrorist incidents": the last adjoining word is the head
        k += 1
    return pick[2]


def _measure_before_dash(ctx: _Context, lex: Lexicon, clause: tuple[int, int],
                         sent: tuple[int, int]) -> tuple[int, int, str] | None:
    """The measure named last in the clause before the dash that opens ``clause``
    ("The total deaths in the attacks — 1,081 ..."), or None."""
    dash = P.DASH_OPEN_BEFORE.search(ctx.text, max(sent[0], clause[0] - 4), clause[0])
    if dash is None or dash.start() <= sent[0]:
        return None
    lo = _clause(ctx, dash.start() - 1, dash.start() - 1, sent)[0]
    named = [m for m in _metrics_in(ctx, lo, dash.start()) if lex.metrics[m[2]].countable]
    # (The head, not a word in a phrase after it: "the deaths in the attacks".)
    heads = [m for m in named if not P.PREPOSITION_BEFORE.search(ctx.text, max(lo, m[0] - 30),
                                                                  m[0])]
    return (heads or named)[-1] if named else None


BREAKDOWN_TOLL_OWN_PLACE_REACH = 40  # characters after a toll where its own place is named


def _toll_of_a_breakdown(ctx: _Context, lex: Lexicon, fig: _Figure, before: list[_Figure],
                         sent: tuple[int, int]) -> str | None:
    """The places of a list of counts whose toll a count of the dead or injured is, or None.

    The toll follows its sentence's counts of another measure in two or more places, each
    place named after its count ("29 attacks in KP, 28 in Balochistan and two in Punjab,
    killing 84 people"), and names no place of its own: the toll of them all, in all their
    places (the country, when one count is the country's). Not "Balochistan saw 19 attacks
    and 55 deaths", a place's own toll after its subject, nor "1,987 in Sindh, in which 10
    were killed"."""
    if _hurt_base(lex, fig.metric) is None:
        return None
    items = [f for f in before if f.kind == COUNT and f.region and f.metric
             and _hurt_base(lex, f.metric) is None]
    places = {f.region for f in items}
    if len(places) < 2:
        return None
    last_place = _in(ctx.regions, items[-1].span_end, fig.span_start)
    if not last_place or P.IN_WHICH_OPEN.match(ctx.text, last_place[-1][1], fig.span_start):
        return None
    if _in(ctx.regions, fig.span_end, min(sent[1], fig.span_end + BREAKDOWN_TOLL_OWN_PLACE_REACH)):
        return None
    countries = {place for place in places if "-" not in place}  # ISO 3166: no subdivision
    if countries:
        return countries.pop() if len(countries) == 1 else None
    return "+".join(sorted({code for place in places for code in place.split("+")}))


def _coordinated_head(ctx: _Context, lex: Lexicon, word: tuple[int, int, str]) -> str | None:
    """The measure of the noun a singular people word qualifies with others ("militant and
    nationalist attacks", "militant, insurgent and sectarian-related incidents"): that of
    the word and the noun together ("militant attacks", "militant incidents"), or None."""
    if word[2] != "militants" or ctx.text[word[1] - 1] in "sS":
        return None
    listed = P.COORDINATED_MODIFIERS_AFTER.match(ctx.text, word[1])
    if listed is None:
        return None
    k = bisect_left(ctx.metric_starts, listed.end())
    if k == len(ctx.metrics) or ctx.metrics[k][0] != listed.end():
        return None
    phrase = f"{ctx.text[word[0]:word[1]]} {ctx.text[ctx.metrics[k][0]:ctx.metrics[k][1]]}"
    return lex.metric_by_word.get(normalise(phrase))


def _modifies_next_noun(ctx: _Context, word: tuple[int, int, str]) -> bool:
    """Whether a singular people word qualifies the noun after it ("terrorist violence",
    "militant activity") rather than heading the phrase: a word follows that is no
    measure's word and no function word."""
    if ctx.text[word[1] - 1] in "sS":
        return False  # "militants", "terrorists": a plural is the head
    nxt = P.NOUN_AFTER_MODIFIER.match(ctx.text, word[1])
    if nxt is None:
        return False
    k = bisect_left(ctx.metric_starts, nxt.start(1))
    return not (k < len(ctx.metrics) and ctx.metrics[k][0] == nxt.start(1))


RESTATED_REACH = 400  # characters either side of a figure where its sentence's events count


def _such_kind(ctx: _Context, fig: _Figure, noun: tuple[int, int, str]) -> str | None:
    """"Suicide attacks rose 53%, with 26 such attacks": "such" takes up the last kind named
    (within ``RESTATED_REACH`` before the figure) whose words end with the same noun."""
    if not P.SUCH_BEFORE.search(ctx.text, max(0, noun[0] - 6), noun[0]):
        return None
    head = ctx.text[noun[0]:noun[1]].lower()
    j = bisect_left(ctx.metric_starts, fig.span_start) - 1
    while j >= 0 and ctx.metrics[j][0] >= fig.span_start - RESTATED_REACH:
        s, e, metric = ctx.metrics[j]
        words = ctx.text[s:e].lower()
        if words == head or words.endswith(" " + head):
            # The nearest kind the noun ends: itself ("300 attacks, and 40 such attacks") or
            # a narrower one ("suicide attacks").
            return metric if metric != noun[2] else None
        j -= 1
    return None



def _restated_event(ctx: _Context, lex: Lexicon, fig: _Figure,
                    noun: tuple[int, int, str]) -> str | None:
    """The kind of event a bare "incidents" (or "cases") after a figure restates, if its
    sentence named one kind before it: "the number of attacks doubled, reaching 1,100
    incidents" counts attacks, not attacks and security operations together; "60 attacks,
    whereas a year before 41 cases were reported" counts attacks too.

    Only one kind may be named, and no operations or incidents of another kind: "30 attacks
    and 12 operations, 42 incidents in all" counts both.
    """
    if noun[2] != "incidents" or ctx.text[noun[0]:noun[1]].lower() not in (
            "incident", "incidents", "case", "cases"):
        return None
    sent = ctx.sentences[bisect_right(ctx.sentence_starts, fig.span_start) - 1]
    # (A run-on "sentence" is read near the figure only: its cost stays linear.)
    sent = (max(sent[0], fig.span_start - RESTATED_REACH),
            min(sent[1], fig.span_end + RESTATED_REACH))
    named = {m[2] for m in _metrics_in(ctx, sent[0], sent[1]) if m[0] != noun[0]
             and lex.metrics[m[2]].countable and (lex.metrics[m[2]].event
                                                 or m[2] in ("incidents", "security_operations"))}
    earlier = {m[2] for m in _metrics_in(ctx, sent[0], fig.span_start)}
    if len(named) != 1 or not named <= earlier:
        return None
    (kind,) = named
    return kind if kind not in ("incidents", "security_operations") else None


def _is_other_people(ctx: _Context, fig: _Figure) -> bool:
    """Whether the words after a count say who it is, other than by a measure ("40 were
    children"; not "1,292 were injured")."""
    gap = P.WERE_BEFORE_PEOPLE.match(ctx.text, fig.core_end)
    if gap is None or not P.WORD_AT.match(ctx.text, gap.end()) or P.PARTICIPLE_AT.match(
            ctx.text, gap.end()):
        return False
    k = bisect_left(ctx.metric_starts, gap.end())
    return not (k < len(ctx.metrics) and ctx.metrics[k][0] == gap.end())


def _part_after_its_whole(ctx: _Context, lex: Lexicon, fig: _Figure,
                          whole: _Figure | tuple[str, str]) -> None:
    """"Of the 385 people killed, 160 were security personnel": the people named after "were"
    make the count their part of the whole's measure; a count that names none is a part of
    unknown kind, no count of the whole's measure (compared with it, a false alarm).

    ``whole`` is the whole's figure, or (its measure, its words) where the sentence names it
    without a number ("Of those killed in the attacks, ...")."""
    text = ctx.text
    how = fig.extra.setdefault("how", {})
    if isinstance(whole, tuple):
        metric, words = whole
    else:
        metric, words = whole.metric, text[whole.span_start:whole.span_end]
    base = _hurt_base(lex, metric)
    gap = P.WERE_BEFORE_PEOPLE.match(text, fig.core_end)
    k = bisect_left(ctx.populations, gap.end(), key=_FIRST) if gap else len(ctx.populations)
    if base and gap and k < len(ctx.populations) and ctx.populations[k][0] == gap.end() and (
            part := lex.parts.get((base, ctx.populations[k][2]))):
        fig.metric = part
        how["metric"] = f"its people among {words}"
        return
    if fig.metric is None:
        return  # (other readings may still name its people: "390 were those of the militants")
    if not isinstance(whole, tuple) and fig.region and fig.region != whole.region and (
            how.get("region", "").startswith("the sentence")):
        # "Of the 852 people killed nationwide, 509 died in Khyber Pakhtunkhwa": the part is
        # the whole's measure in a place of its own.
        return
    fig.metric = None
    fig.extra["no_measure"] = True
    how["metric"] = f"a part of {words} its words do not name"


def _names_population_before(ctx: _Context, fig: _Figure, metric_start: int) -> bool:
    """Whether the words between the figure and a metric word are the people it counts
    ("290 civilian and military deaths": the "and" joins people, not clauses)."""
    named = _population_after(ctx, fig)
    return named is not None and not ctx.text[named[1]:metric_start].strip()


def _qualifies_other_noun(text: str, lo: int, metric_start: int) -> bool:
    """Whether the metric word at ``metric_start`` sits in a prepositional phrase that follows
    a noun of the clause ("losses in these attacks"), rather than opening it ("In attacks
    on the police, ...")."""
    prep = P.PREPOSITION_BEFORE.search(text, max(lo, metric_start - 30), metric_start)
    if prep is None:
        return False
    last = P.LAST_WORD.search(text, max(lo, prep.start() - 40), prep.start())
    # "a surge in fatalities by 14%": after a change noun the phrase names what changed.
    return last is not None and last.group(1).lower() not in P.FUNCTION_WORDS and (
        last.group(1).lower() not in P.CHANGE_NOUNS)


def _widened_clause(ctx: _Context, fig: _Figure, clause: tuple[int, int], sent: tuple[int, int],
                    previous: _Figure | None, follower: _Figure | None
                    ) -> tuple[tuple[int, int], bool]:
    """The clause a figure's words are read in, where punctuation cuts it short of what it
    belongs to: the clause before a comma after a change verb, a colon, an aside or an
    apposition, and the clause after an apposition. Returns the clause, and whether the
    figure's words also reach past the figure after it (a share the percent after it
    restates)."""
    text = ctx.text
    if P.LEVEL_OPEN.fullmatch(text, clause[0], fig.span_start) and (
            P.CHANGE_VERB_COMMA_BEFORE.search(text, max(sent[0], clause[0] - 60), clause[0])):
        # "Attacks in KP have climbed steadily, from 260 in 2021 ...", "Deaths rose sharply,
        # reaching 3,000": the levels of the change its verb told, whose subject names the
        # measure.
        clause = (_clause(ctx, clause[0] - 1, clause[0] - 1, sent)[0], clause[1])
    if previous is None and fig.kind == COUNT and P.COLON_BEFORE.search(
            text, max(sent[0], clause[0] - 4), clause[0]) and not P.LABEL_LINE_START.search(
            text, max(0, clause[0] - 60), clause[0] - 1):
        # "Its attacks inside Pakistan have grown year after year: 573 in 2021, 715 in 2022
        # ...": the list a colon opens counts what the words before it name (not a line's
        # label: "- Deaths: 693").
        clause = (_clause(ctx, clause[0] - 1, clause[0] - 1, sent)[0], clause[1])
    if (aside := P.AS_ASIDE_BEFORE.search(text, max(sent[0], clause[0] - 60),
                                          clause[0])) is not None and (
            P.DIGIT.search(text, max(sent[0], aside.start() - 60), aside.start()) is None):
        # "Its deaths from terrorism, as the index counts them, were 643 in 2022": the subject
        # before an aside on how it is counted.
        clause = (_clause(ctx, aside.start() - 1, aside.start() - 1, sent)[0], clause[1])
    apposed = P.MOST_OF_APPOSED_BEFORE.search(
        text, max(sent[0], fig.span_start - 60), fig.span_start) if (
        fig.kind == COUNT and text.startswith(",", fig.span_end)) else None
    if apposed is not None:
        # "Most of the operations, 15,063, were conducted in Balochistan", "with Balochistan
        # suffering more deaths, 57, against 25 in KP": the count in apposition belongs to
        # the clause of the noun it restates, and to the one that goes on after it.
        clause = (_clause(ctx, apposed.start(), apposed.start(), sent)[0], clause[1])
        if (close := P.APPOSED_COUNT_CLOSE.match(text, fig.span_end)) is not None:
            clause = (clause[0], _clause(ctx, close.end(), close.end(), sent)[1])
    elif fig.kind in (PERCENT, SHARE) and previous is not None and (
            previous.kind == SHARE) and P.APPOSITION_OPEN.fullmatch(
            text, previous.span_end, fig.span_start) and (
            close := P.APPOSED_COUNT_CLOSE.match(text, fig.span_end)) is not None:
        # "More than half of all deaths, 52 percent, were caused by the TTP": the percent
        # restates the share, and both are the subject of what follows ...
        clause = (clause[0], _clause(ctx, close.end(), close.end(), sent)[1])
    elif fig.kind == SHARE and follower is not None and follower.kind in (
            PERCENT, SHARE) and P.APPOSITION_OPEN.fullmatch(
            text, fig.span_end, follower.span_start) and (
            close := P.APPOSED_COUNT_CLOSE.match(text, follower.span_end)) is not None:
        # ... and the share's words reach past the percent that restates it.
        return (clause[0], _clause(ctx, close.end(), close.end(), sent)[1]), True
    return clause, False


def _gapped_group(ctx: _Context, lex: Lexicon, fig: _Figure, previous: _Figure) -> None:
    """"The TTP killed 131 people and the Islamic State's Khorasan affiliate 76": a figure
    that continues a group's count after another group is named is that group's (its measure
    of the same kind, or none where the vocabulary has no such part), not the first's."""
    named = _in(ctx.groups, previous.span_end, fig.span_start)
    if not named or named[-1][2] == previous.extra["group"]:
        return
    group = named[-1][2]
    base = next((b for (b, g), part in lex.parts.items()
                 if g == previous.extra["group"] and part == previous.metric), None)
    fig.metric = lex.parts.get((base, group)) if base else None
    fig.extra["group"] = group
    fig.extra["how"]["metric"] = (
        f"the count before it ({ctx.text[previous.span_start:previous.span_end]}), for the group"
        f" named between ({ctx.text[named[-1][0]:named[-1][1]]})")
    if fig.metric is None:
        fig.extra["no_measure"] = True


def _continues(text: str, fig: _Figure) -> bool:
    """Whether a figure has no noun of its own ("rising to 70,000 when ..."), so it continues
    the subject of the figure before it in the sentence."""
    if fig.kind == SHARE:
        return False  # "X% of <noun>" names its own whole
    nxt = P.NEXT_WORD.match(text, fig.span_end)
    return nxt is None or nxt.group(1).lower() in P.FUNCTION_WORDS


def _part_of_the_figure_before(text: str, fig: _Figure, before: list[_Figure],
                               named: _Figure | None = None) -> None:
    """"... deaths rose by about 40% from 210 in Q1 to 294 in Q2. This includes a 95%
    jump in Sindh": a figure the sentence opens as part of what was just told measures
    what the last figure of its kind there measures, over the same periods, unless its own
    words or sentence say otherwise. ``named``: the count the opening's noun names ("The
    dead included ..."), for a count."""
    change = fig.kind in CHANGE_KINDS
    if not change and fig.kind != COUNT:
        return  # a percentage could be a share of the whole as well as a part of it
    whole = named if named is not None and not change else _whole_told_before(before, change)
    if whole is None:
        return
    how = fig.extra["how"]
    words = text[whole.span_start:whole.span_end]
    if fig.metric is None and not fig.extra.get("no_measure") and (
            change or fig.region not in (None, whole.region)):
        # ("This includes 120 in Balochistan": the whole's measure, in a place of its own. A
        # part of the same place whose words name nothing else is not the whole's measure.)
        fig.metric = whole.metric
        how["metric"] = f"the figure before that it is part of ({words})"
    if not how.get("period", "").startswith(("the sentence", "its own")) and whole.period:
        fig.period, fig.base_period = whole.period, whole.base_period
        how["period"] = f"the figure before that it is part of ({words})"


def _whole_included(lex: Lexicon, before: list[_Figure], noun: str | None) -> _Figure | None:
    """The count a sentence opening "This figure included ..." or "The dead included ..."
    is part of: for a noun, the first count of the sentence before that it names ("240
    dead and 310 injured. The dead included ...": the 240; "420 casualties, against 150
    the quarter before. The casualties included ...": the 420), else ``_whole_told_before``."""
    if noun is None:
        return _whole_told_before(before, False)
    wanted = ("deaths",) if noun.lower() in ("dead", "deaths", "fatalities") else (
        "deaths", "killed_or_injured")
    return next((f for f in before[-CHANGE_COUNTS_REACH:] if f.kind == COUNT and (
        f.metric in wanted or _hurt_base(lex, f.metric) in wanted)), None)


def _whole_told_before(before: list[_Figure], change: bool) -> _Figure | None:
    """The whole that "This includes ..." opens on: the last change of the sentence before
    (for a change), else its last count with a measure, but not a level it was compared
    with ("deaths rose 40% to 700, against 500 in 2023. This figure included 90 soldiers":
    the 700)."""
    recent = before[-CHANGE_COUNTS_REACH:]
    if change:
        return next((f for f in reversed(recent) if f.metric and f.kind in CHANGE_KINDS), None)
    counts = [f for f in recent if f.metric and f.kind == COUNT]
    told = {f.period for f in recent if f.kind in CHANGE_KINDS and f.period}
    return next((f for f in reversed(counts) if f.period in told),
                counts[-1] if counts else None)


LIST_REACH = 8  # figures a "from" list may hold: a run-on table is no such list


def _from_to_lists(text: str, claims: list[_Figure], named: set[str | None]) -> None:
    """"casualties fell from 45 security personnel and 29 civilians to 12 security men and
    five civilians", in a sentence on May against April: the list after "to" is the
    later month's, item by item, when the sentence (or the opening) names the month after
    the one both lists were dated to.

    Each item of the later list also counts what its partner counts, when its words say
    nothing of their own.
    """
    for i, first in enumerate(claims):
        if not P.FROM_BEFORE.search(text, max(0, first.span_start - 6), first.span_start):
            continue
        j = i + 1  # to become the first figure after "to"
        while j < min(len(claims), i + LIST_REACH):
            gap = (claims[j - 1].span_end, claims[j].span_start)
            if P.LIST_TO_GAP.fullmatch(text, *gap):
                break
            if not P.LIST_ITEM_GAP.fullmatch(text, *gap):
                j = len(claims)  # no list, or no "to" after it
            else:
                j += 1
        size = j - i
        if j >= min(len(claims), i + LIST_REACH) or size < 2 or j + size > len(claims):
            continue  # a single pair is read elsewhere ("from 17 to 27")
        earlier, later = claims[i:j], claims[j:j + size]
        if any(not P.LIST_ITEM_GAP.fullmatch(text, a.span_end, b.span_start)
               for a, b in pairwise(later)):
            continue
        periods = {f.period for f in earlier + later}
        if len(periods) != 1:
            continue
        (period,) = periods
        after = _following(period) if period else None
        if after is None or after not in named:
            continue
        for a, b in zip(earlier, later, strict=True):
            b.period = after
            b.extra["how"]["period"] = (f"the month after {text[a.span_start:a.span_end]}'s "
                                        "(a change from one list to the other)")
            if b.metric is None:
                b.metric = a.metric
        return


# How much longer than last year's span "this year" may run and still be read as that span
# (a report on the first quarter published in mid-April).
SAME_SPAN_SLACK_DAYS = 45


def _same_span_this_year(text: str, claims: list[_Figure]) -> None:
    """"killed nearly tripled, from 41 in the first three months of last year to 119 this year",
    published in April: the later level is of the same span of this year, not of the year
    so far, when the year so far is about that span. The sentence's
    change comparing the two gets that span too."""
    for a, b in pairwise(claims):
        if not (a.period and b.period and a.metric == b.metric and len(a.period) != 4
                and T.is_valid(a.period) and T.is_valid(b.period)
                and P.FROM_BEFORE.search(text, max(0, a.span_start - 6), a.span_start)
                and P.FROM_SPAN_TO_GAP.fullmatch(text, a.span_end, b.span_start)):
            continue
        first, last = T.bounds(a.period)
        later_first = T.bounds(b.period)[0]
        if first.year != last.year or later_first != date(first.year + 1, 1, 1):
            continue
        shifted = T.shift_years(a.period, 1)
        if shifted == b.period or not T.contains(b.period, shifted) or (
                T.bounds(b.period)[1] - T.bounds(shifted)[1]).days > SAME_SPAN_SLACK_DAYS:
            continue  # ("from 300 in the first half of 2022 to 400 this year", in December)
        old = b.period
        b.period = shifted
        b.extra["how"]["period"] = (f"the same span as {text[a.span_start:a.span_end]}'s, a year"
                                    f" later ({_label(shifted)})")
        for c in claims:
            if (c.kind in CHANGE_KINDS or c.kind == FACTOR) and c.period == old and (
                    c.base_period == a.period):
                c.period = shifted
                c.extra["how"]["period"] = (f"the sentence ({_label(shifted)} against "
                                            f"{_label(a.period)})")


def _in_period_phrase(fig: _Figure, phrases: list, starts: list[int]) -> bool:
    """Whether the figure is a word of a period phrase (``phrases`` sorted by start)."""
    k = bisect_right(starts, fig.start) - 1
    return k >= 0 and fig.end <= phrases[k][1]


def _repeats_the_head(ctx: _Context, lex: Lexicon, fig: _Figure, previous: _Figure) -> bool:
    """Whether a compared figure's noun is the head of the measure the figure before it
    names: "47 incidents" after "61 incidents of terrorism, compared to" ("incidents of
    terrorism" are attacks; "incidents" alone, all violent incidents)."""
    if not P.BASE_BEFORE.search(ctx.text, max(0, fig.span_start - 25), fig.span_start):
        return False
    k = bisect_left(ctx.metric_starts, fig.span_end)
    if k == len(ctx.metrics) or ctx.metrics[k][2] != fig.metric or ctx.text[
            fig.span_end:ctx.metrics[k][0]].strip():
        return False
    noun = normalise(ctx.text[ctx.metrics[k][0]:ctx.metrics[k][1]])
    return any(w.startswith(noun + " ") for w in lex.metrics[previous.metric].words)


def _neg(value: float | None) -> float | None:
    return None if value is None else -value


def _gapped_change(ctx: _Context, fig: _Figure, previous: _Figure | None) -> bool:
    """Whether a bare percentage is a conjunct of a list of changes that names only whose
    or where the change is: ", 24 per cent among civilians" after "46 per cent more losses
    among insurgents", "and 17% in KP" after "a 95% jump in Sindh" (list punctuation
    before it; "among" and a population, or "in" and a place, right after it), "and incidents
    by 49%" after "fatalities rose by 66%" (a measure and "by" right before it)."""
    if previous is None:
        return False
    # "Fatalities rose by 66 percent and incidents by about 49 percent": a measure and "by".
    by = P.MEASURE_BY_GAP.fullmatch(ctx.text, previous.span_end, fig.span_start)
    if by is not None:
        k = bisect_left(ctx.metric_starts, by.start("w"))
        return k < len(ctx.metrics) and ctx.metrics[k][:2] == by.span("w")
    if not P.LIST_CONTINUES.fullmatch(ctx.text, previous.span_end, fig.span_start):
        return False
    among = P.AMONG_AFTER.match(ctx.text, fig.span_end)
    if among is not None:
        return _starts_at(ctx.populations, among.end())
    where = P.IN_AFTER.match(ctx.text, fig.span_end)
    return where is not None and _starts_at(ctx.regions, where.end())


def _gapped_place_count(ctx: _Context, fig: _Figure, before: list[_Figure]) -> _Figure | None:
    """The count a bare count continues for another place, its verb and noun left out: the
    1,616 for the 782 in "Khyber Pakhtunkhwa suffered 1,616 fatalities, ..., and Balochistan
    782"; None unless "and" and a place stand right before it."""
    like = next((f for f in reversed(before) if f.kind == COUNT), None)
    if like is None or like.metric is None:
        return None
    k = bisect_left(ctx.regions, fig.span_start, key=_FIRST) - 1
    if k < 0 or ctx.regions[k][0] < like.span_end or ctx.text[
            ctx.regions[k][1]:fig.span_start].strip() or ctx.regions[k][2] == like.region:
        return None
    return like if P.AND_BEFORE_PLACE.search(ctx.text, max(like.span_end, ctx.regions[k][0] - 12),
                                            ctx.regions[k][0]) else None


def _starts_at(items: list[tuple[int, int, str]], pos: int) -> bool:
    """Whether one of the mentions (sorted by start) starts at ``pos``."""
    k = bisect_left(items, pos, key=_FIRST)
    return k < len(items) and items[k][0] == pos


def _compared_in_brackets(text: str, fig: _Figure, previous: _Figure) -> bool:
    """Whether a count opens or continues the brackets that give the two levels of the
    change before it: "(292 vs 200)" after "46 per cent more losses among insurgents"."""
    if fig.kind != COUNT:
        return False
    if previous.kind in CHANGE_KINDS:
        return (P.CHANGE_WORDS_TO_BRACKET.fullmatch(text, previous.span_end, fig.span_start)
                is not None and P.VERSUS_AFTER.match(text, fig.span_end) is not None)
    return bool(previous.extra.get("compared")) and P.VERSUS_GAP.fullmatch(
        text, previous.span_end, fig.span_start) is not None


def _apply_modifier(ctx: _Context, lex: Lexicon, fig: _Figure, hi: int) -> None:
    """"... 70,000 when including families": a modifier turns militants into its variant."""
    if fig.metric is None or not ctx.modifiers:
        return
    # Both readings below look at modifiers starting from the reach before the figure to
    # ``hi`` (or the figure): most figures have none there (one look-up instead of two).
    i = bisect_left(ctx.modifiers, max(0, fig.span_start - MODIFIER_BEFORE_REACH), key=_FIRST)
    if i == len(ctx.modifiers) or ctx.modifiers[i][0] >= max(hi, fig.span_start):
        return

    def turns(mid: str) -> bool:
        return fig.metric == lex.metrics[mid].base or fig.metric in lex.metrics[mid].also_of

    for s, _e, mid in _in(ctx.modifiers, fig.span_end, hi):
        if P.NEW_CLAUSE.search(ctx.text, fig.span_end, s):
            # "5,000 to 6,000 militants were in Afghanistan, and that with their families
            # their number reached 70,000": the families are the next clause's figure's ...
            break
        if turns(mid):
            fig.metric = mid
            return
    # ... as the clause that opens with them says before its figure.
    before = _in(ctx.modifiers, max(0, fig.span_start - MODIFIER_BEFORE_REACH), fig.span_start)
    if before and turns(before[-1][2]) and not P.NEW_CLAUSE.search(
            ctx.text, before[-1][1], fig.span_start) and not P.DIGIT.search(
            ctx.text, before[-1][1], fig.span_start):
        fig.metric = before[-1][2]


MODIFIER_BEFORE_REACH = 60  # characters before a figure where its clause's modifier is read


def _phrase_period(m: re.Match, year_hint: int | None, pub: date | None
                   ) -> tuple[str | None, int | None]:
    """The period a period phrase names, or (None, years) for "the same period <year>".

    A phrase without a year ("the second quarter") takes ``year_hint`` (the sentence's or the
    article's year), else the publication's year, or the year before when the span would
    end after publication.
    """
    g = {k: v for k, v in m.groupdict().items() if v}

    def year_of(slot: str) -> int | None:
        if slot in g:
            return int(g[slot])
        rel = g.get(slot + "rel", "")
        if rel and pub:
            return pub.year if ("this" in rel or "current" in rel) else pub.year - 1
        return None

    def resolve(slot: str, build) -> str | None:
        year = year_of(slot)
        if year is None:
            year = year_hint
        if year is None and pub:
            year = pub.year
            if T.bounds(build(year))[1] > pub:
                year -= 1
        return build(year) if year is not None else None

    try:
        if "qord" in g or "qnum" in g:
            q = P.ORDINAL_NUMBERS.get(g["qord"].lower()) if "qord" in g else int(g["qnum"])
            if "qord" in g and g["qord"].lower() == "last" and not (
                    "qy" in g or "qyrel" in g):
                return None, None  # "last quarter": the one before, not the fourth
            if "qord" in g and g["qord"].lower() == "last":
                q = 4  # "the last quarter of 2024"
            return resolve("qy" if "qord" in g else "qy2", lambda y: T.quarter(y, q)), None
        if "hord" in g or "hnum" in g:
            h = P.ORDINAL_NUMBERS[g["hord"].lower()] if "hord" in g else int(g["hnum"])
            return resolve("hy" if "hord" in g else "hy2", lambda y: T.half(y, h)), None
        if "nmon" in g:
            n = P.MONTH_COUNT_WORDS.get(g["nmon"].lower()) or int(g["nmon"])
            return resolve("my", lambda y: T.months(y, 1, n)), None
        if "nq" in g:
            n = P.MONTH_COUNT_WORDS.get(g["nq"].lower()) or int(g["nq"])
            return resolve("nqy", lambda y: T.months(y, 1, 3 * n)), None
        if "lmon" in g:
            n = P.MONTH_COUNT_WORDS.get(g["lmon"].lower()) or int(g["lmon"])
            return resolve("ly", lambda y: T.months(y, 13 - n, 12)), None
        if "m1" in g:
            m1, m2 = _month(g["m1"]), _month(g["m2"])
            y1, y2 = g.get("y1"), g.get("y2")
            if y1 and y2:
                return T.months(int(y1), m1, m2, last_year=int(y2)), None
            if m1 > m2:
                return None, None
            fixed = int(y2 or y1) if (y2 or y1) else None
            return resolve("none", lambda y: T.months(fixed or y, m1, m2)), None
        for a, b in (("fa", "fb"), ("fc", "fd")):
            if a in g:
                end = int(g[b]) if len(g[b]) == 4 else int(g[a]) // 100 * 100 + int(g[b])
                return T.fiscal_year(end), None
        if "fe" in g:
            end = int(g["fe"]) if len(g["fe"]) == 4 else 2000 + int(g["fe"])
            return T.fiscal_year(end), None
        if "tdy" in g:
            if pub is None:
                return None, None
            return T.canonical(date(int(g["tdy"]), 1, 1), pub), None
        if "sy" in g:
            return None, int(g["sy"])
        return None, -1  # "the same period last year", "... the year before"
    except (T.PeriodError, ValueError, KeyError):
        return None, None


def _edition(ctx: _Context, lex: Lexicon, f: _Figure, sent: tuple[int, int]
             ) -> tuple[str, int] | None:
    """(source, lag) when a year is an edition's title year ("GTI 2025", "a 2023 report")."""
    text = ctx.text
    lo = max(sent[0], f.start - 40)
    before = P.EDITION_BEFORE.search(text, lo, f.start) if P.may_end_in_edition(
        text, lo, f.start) else None
    after = P.EDITION_AFTER.match(text, f.end, min(sent[1], f.end + 60))
    if not (before or after):
        return None
    near = _in(ctx.sources, max(sent[0], f.start - 80), min(sent[1], f.end + 80))
    if not near:
        return ("", 0) if after or (before and before.group().strip()[0].isupper()) else None
    src = min(near, key=lambda m: min(abs(m[1] - f.start), abs(m[0] - f.end)))[2]
    return src, lex.edition_lag.get(src, 0)


def _span_before_the_storys(m: re.Match[str], story: str | None) -> str | None:
    """The months "the previous (preceding) N months" name in a story on a span of N whole
    months (its opening's period: a quarter for N = 3): the N months before that span, or
    None when the story is on no such span or the words count back from now ("past",
    "last")."""
    words = m.group(0).lower().split()
    if story is None or ("/" not in story and len(story) != 7) or (
            (words[1] if words[0] == "the" else words[0]) not in ("previous", "preceding")) or (
            m.group("unit").lower() != "months"):
        return None
    n = _span_count(m)
    first, last = T.bounds(story)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months != n or first.day != 1 or last != T.bounds(f"{last.year:04d}-{last.month:02d}")[1]:
        return None
    end = first - timedelta(days=1)
    year, month = divmod(end.year * 12 + end.month - 1 - (n - 1), 12)
    return T.canonical(date(year, month + 1, 1), end)


def _span_count(m: re.Match[str]) -> int:
    """How many units a ``P.PAST_SPAN`` match counts ("16", "six")."""
    n = m.group("n")
    return int(n) if n.isdigit() else P.SPAN_NUMBER_WORDS[n.lower()]


def _past_span(m: re.Match[str], pub: date) -> str:
    """The period "the past 16 months" names in an article published on ``pub``: days and
    weeks counted back from the publication day; months the whole calendar months before the
    publication's (an interior ministry's answer in May on "the past 16 months" covers
    January 2023 to April 2024, as a monthly report's "last six months" does); years the
    whole years before the publication's (from December on, up to its own, as "this year"
    then is the whole year)."""
    n = _span_count(m)
    unit = m.group("unit").lower().rstrip("s")
    if unit in ("day", "week"):
        days = n if unit == "day" else 7 * n
        return T.canonical(pub - timedelta(days=days - 1), pub)
    if unit == "year":
        last_year = pub.year if pub.month == 12 else pub.year - 1
        return T.canonical(date(last_year - n + 1, 1, 1), date(last_year, 12, 31))
    last = pub.replace(day=1) - timedelta(days=1)
    year, month = divmod(last.year * 12 + last.month - 1 - (n - 1), 12)
    return T.canonical(date(year, month + 1, 1), last)


def _dates_an_event_since(text: str, sent: tuple[int, int], pos: int) -> bool:
    """Whether the year at ``pos`` dates an event a trend is told from or after ("a rising
    trajectory that has persisted since the Taliban's takeover of Afghanistan in 2021"): the
    event's year, not the figures'."""
    lo = max(sent[0], pos - EVENT_SINCE_REACH)
    return P.holds_any(text, lo, pos, P.EVENT_SINCE_HINTS) and (
        P.EVENT_SINCE_BEFORE.search(text, lo, pos) is not None)


EVENT_SINCE_REACH = 120  # characters before a year where "since <an event> in" is read


# Relative years that say which year a month before them is in ("April last year"): how
# many years before the publication's.
_MONTHS_YEAR = {"this year": 0, "current year": 0, "ongoing year": 0, "last year": 1}


def _time_refs(ctx: _Context, sent: tuple[int, int], figs: list[_Figure],
               pub: date | None, lex: Lexicon | None = None, may_phrase: bool = True,
               may_relative: bool = True) -> list[_TimeRef]:
    """Years, dates, period phrases and relative periods stated in a sentence.

    ``may_phrase``, ``may_relative``: False when the sentence holds no period phrase, or no
    relative period (``_named_in_sentences``)."""
    refs = []
    phrases = _in(ctx.phrases, *sent) if may_phrase else []

    phrase_starts = [ps for ps, _pe, _m in phrases]

    def inside(pos: int, end: int | None = None) -> bool:
        # (With ``end``: any of [pos, end) inside one: "during July" of "during July-September
        # 2025", a phrase that starts at the month.)
        if not phrases:
            return False
        i = bisect_right(phrase_starts, pos if end is None else end - 1) - 1
        return i >= 0 and pos < phrases[i][1] and (end is None or phrases[i][0] < end)

    # Whether the sentence states a change: its "since 2021" and "by July" are then bases.
    # (One walk over the figures sorts out the years and dates the rest of this reads.)
    has_change = False
    year_figs: list[_Figure] = []
    dates: list[_Figure] = []
    for g in figs:
        if g.kind in CHANGE_KINDS:
            has_change = True
        if g.origin == "year":
            year_figs.append(g)
        elif g.origin == "date":
            dates.append(g)
    explicit_years = [f for f in year_figs if f.value is not None
                      and not inside(f.start) and not (P.may_end_in_since(
                          ctx.text, max(sent[0], f.start - 80), f.start)
                          and P.RECORD_SINCE_BEFORE.search(
                          ctx.text, max(sent[0], f.start - 80), f.start))
                      and not _dates_an_event_since(ctx.text, sent, f.start)]
    # "March was the bloodiest month of 2023": the year months are ranked in is no period,
    # but it is the year of the month the sentence names.
    ranking_years = [f for f in explicit_years if _ranking_span(ctx.text, sent, f.start)]
    if ranking_years:
        explicit_years = [f for f in explicit_years if f not in ranking_years]
    for f in explicit_years:
        year = int(f.value)
        ed = _edition(ctx, lex, f, sent) if lex is not None else None
        if ed and ed[1]:
            refs.append(_TimeRef(f.start, f"{year - ed[1]:04d}", explicit_year=True, end=f.end,
                                 how=f"the edition year of {ed[0]} {year} (data year "
                                     f"{year - ed[1]})"))
        elif pub is not None and year == pub.year and P.SO_FAR_AFTER.match(ctx.text, f.end):
            # "572 incidents in 2023 so far", in December 2023: the year up to the article.
            refs.append(_TimeRef(f.start, T.canonical(date(year, 1, 1), pub), explicit_year=True,
                                 end=f.end, how=f"'{ctx.text[f.start:f.end]} so far' (up to "
                                                f"publication)"))
        elif pub is not None and year <= pub.year and P.SINCE_BEFORE.search(
                ctx.text, max(sent[0], f.start - 8), f.start) and not has_change and (
                not P.SINCE_TREND.search(ctx.text, max(sent[0], f.start - 60), f.start)) and (
                not P.WHEN_AFTER.match(ctx.text, f.end)):
            # "has lost 1,500 personnel since 2001": from that year to publication, not in it
            # (also "since 2023", said in April 2023: the year so far).
            # (A change "since 2021" is measured against that year, and so is a trend: in
            # "climbed since 2021, when PIPS recorded 207 attacks" the figures are 2021's.)
            refs.append(_TimeRef(f.start, T.canonical(date(year, 1, 1), pub), explicit_year=True,
                                 end=f.end, how=f"'since {ctx.text[f.start:f.end]}' (up to "
                                                f"publication)"))
        else:
            refs.append(_TimeRef(f.start, f"{year:04d}", explicit_year=True, end=f.end,
                                 how=f"'{ctx.text[f.start:f.end]}'",
                                 is_base=_measured_against(ctx.text, sent, f.start)))
    if not has_change and len(refs) > 1 and not P.LEVELS_FROM_TO.search(ctx.text, *sent):
        refs = _year_spans(ctx.text, refs)
    spans = _day_spans(ctx.text, [f for f in dates if f.iso_date
                                  and len(f.iso_date) == 10 and not inside(f.start)]
                       ) if len(dates) > 1 else []
    for first, last in spans:
        # "636 incidents from January 1 to December 6": the days between, both included.
        refs.append(_TimeRef(first.start, T.canonical(T.bounds(first.iso_date)[0],
                                                      T.bounds(last.iso_date)[0]),
                             end=last.end, how=f"'{ctx.text[first.start:last.end]}'"))
    in_span = {id(f) for pair in spans for f in pair}
    for f in dates:
        if f.iso_date and not inside(f.start, f.end) and (
                id(f) not in in_span):
            day = len(f.iso_date) == 10
            # (A month's date holds its preposition: "since May".)
            since = f.start + 6 if ctx.text[f.start:f.start + 6].lower() == "since " else (
                f.start if P.SINCE_BEFORE.search(ctx.text, max(sent[0], f.start - 8), f.start)
                else None)
            record = since is not None and P.may_end_in_since(
                ctx.text, max(sent[0], since - 80), since) and bool(P.RECORD_SINCE_BEFORE.search(
                    ctx.text, max(sent[0], since - 80), since))
            if record and not P.WHEN_AFTER.match(ctx.text, f.end):
                # "the most in a month since June 2022": a record's horizon dates nothing, as
                # a year's does (``explicit_years``); but "..., when 90 died" tells that
                # month's own figure.
                continue
            if pub is not None and since is not None and not record and (
                    T.is_valid(f.iso_date) and T.bounds(f.iso_date)[0] < pub):
                # "739 arrested since January 1": from that day (or month) to publication.
                refs.append(_TimeRef(f.start, T.canonical(T.bounds(f.iso_date)[0], pub),
                                     end=f.end, how=f"'since {ctx.text[since:f.end]}' (up to "
                                                    "publication)"))
                continue
            if (len(f.iso_date) == 7 and f.iso_date[5:] != "01" or day and T.is_valid(
                    f.iso_date)) and (P.BY_MONTH_START.match(ctx.text, f.start) and not (
                    P.FOLLOWED_BEFORE.search(ctx.text, max(0, f.start - 12), f.start)) or (
                    P.BY_MONTH_BEFORE if not day else P.BY_DAY_BEFORE).search(
                    ctx.text, max(sent[0], f.start - 20),
                    f.start + (7 if ctx.text[f.start:f.start + 7].lower() == "end of " else 0))
                    ) and not has_change:
                # "the police had recorded 476 incidents by the end of July", "Till December
                # 6, the department had recorded 636": the year's tally up to the month's
                # end or the day, not the month's or the day's own.
                up_to = (f"{f.iso_date[:4]}-01/{f.iso_date}" if not day else
                         T.canonical(date(int(f.iso_date[:4]), 1, 1),
                                     T.bounds(f.iso_date)[0]))
                refs.append(_TimeRef(f.start, up_to, end=f.end,
                                     how=f"'{ctx.text[f.start:f.end]}' (the year up to it)"))
                continue
            refs.append(_TimeRef(f.start, f.iso_date, end=f.end,
                                 how=f"'{ctx.text[f.start:f.end]}'",
                                 release=day and bool(P.RELEASE_BEFORE.search(
                                     ctx.text, max(sent[0], f.start - 60), f.start)) or bool(
                                     # "told the National Assembly in May that ... 626
                                     # incidents that year": when it was said, where what
                                     # it says is dated (an estimate "said in March that
                                     # 7,000 ... were" is of that time).
                                     P.THAT_AFTER.match(ctx.text, f.end)
                                     and P.SAID_BEFORE.search(
                                         ctx.text, max(sent[0], f.start - 50), f.start)
                                     and P.TIME_OF_ITS_OWN.search(ctx.text, f.end, sent[1])),
                                 # "rose 40% compared to January 2025": the month measured
                                 # against, as a year or a quarter would be.
                                 is_base=not day and (_measured_against(ctx.text, sent, f.start)
                                                     or bool(P.COMPARED_START.match(
                                                         ctx.text, f.start))
                                                     # "fell 52 percent in June from May",
                                                     # "an improvement from August"
                                                     or bool(P.FROM_SPAN_START.match(
                                                         ctx.text, f.start)) and (
                                                         has_change or bool(
                                                             P.CHANGE_NOUN_ENDING.search(
                                                                 ctx.text, max(sent[0],
                                                                               f.start - 30),
                                                                 f.start))))))
    months = {(g.start, g.end): g for g in dates} if ranking_years else {}
    for f in ranking_years:
        for r in refs:
            # (A month read as itself, with no year of its own: not "since May", read to
            # publication, nor "by the end of July", the year up to it.)
            if r.pos < f.start and len(r.period) == 7 and r.how == f"'{ctx.text[r.pos:r.end]}'" \
                    and not P.DIGIT.search(ctx.text, r.pos, r.end):
                r.period = f"{int(f.value):04d}{r.period[4:]}"
                r.how = f"'{ctx.text[r.pos:r.end]}' (of {int(f.value)})"
                if (month := months.get((r.pos, r.end))) is not None:
                    month.iso_date = r.period  # the date claim says the same
    lead_year = int(ctx.lead_period[:4]) if ctx.lead_period else None
    only_year = explicit_years[0] if len(explicit_years) == 1 else None
    same: list[tuple[int, int, int]] = []
    read: list[tuple[int, int]] = []  # phrases that gave a period
    for ps, pe, m in phrases:
        hint = lead_year
        if only_year is not None and (lead_year is None and pub is None
                                      or only_year.start < ps
                                      or "," not in ctx.text[pe:only_year.start]):
            # "between April and June, which is a third of the total for 2021": a year in
            # another clause after the months is not theirs; the article's year is.
            hint = int(only_year.value)
        period, years = _phrase_period(m, hint, pub)
        if period:
            # "Compared to the first quarter, deaths rose 30%": the quarter is the base.
            refs.append(_TimeRef(ps, period, end=pe, how=f"'{' '.join(m.group().split())}'",
                                 is_base=_measured_against(ctx.text, sent, ps)))
            read.append((ps, pe))
        elif years is not None:
            same.append((ps, pe, years))
            read.append((ps, pe))
    named = list(refs)  # the times the sentence names, before those relative to them
    for s, _e, rel in _in(ctx.relatives, *sent) if may_relative else ():
        if any(ps <= s < pe for ps, pe in read):
            continue  # "the last quarter of 2023": the phrase says which
        if _ranking_span(ctx.text, sent, s):
            continue  # "the deadliest month this year": what the months are ranked in
        if rel in _MONTHS_YEAR and pub is not None and (month := next(
                (r for r in refs if len(r.period) == 7 and r.end > 0 and r.end <= s
                 and not ctx.text[r.end:s].strip()), None)) is not None:
            # "The month of May this year", "in June last year": the year of that month,
            # not a period of its own.
            month.period = f"{pub.year - _MONTHS_YEAR[rel]}{month.period[4:]}"
            month.how = f"'{ctx.text[month.pos:month.end]} {rel}'"
            continue
        before = ctx.text[max(sent[0], s - 25):s]
        base = bool(P.BASE_BEFORE.search(before))
        how = f"'{rel}'"
        if rel in ("previous year", "the year before", "a year earlier", "a year before",
                   "a year ago"):
            # The year before the opening's, else before the one the story is telling where
            # the opening dates nothing ("... recorded 306, 17pc more than the year before"
            # in a column on 2023's tallies published in 2024): not the publication's.
            named = next((r for r in refs if r.explicit_year and r.pos > _e and (
                P.YEAR_APPOSITION_GAP.fullmatch(ctx.text, _e, r.pos))), None)
            if named is not None:
                # "a 66% increase compared to a year earlier in 2023": the year it names is
                # the base itself, not the year after it.
                named.is_base = True
                continue
            # (Not the year of a level compared: in "attacks rose from 180 in 2024 to 260,
            # while deaths climbed from 300 the previous year to 410" both bases are 2024.)
            told = [f for f in explicit_years if not P.LEVEL_COMPARED_IN_BEFORE.search(
                ctx.text, max(sent[0], f.start - 60), f.start)]
            compared_before_lead = not told and len(explicit_years) == 1 and (
                ctx.lead_period == str(int(explicit_years[0].value) + 1))
            ref_year = int(told[0].value) if len(told) == 1 else (
                int(explicit_years[0].value) if len(explicit_years) == 1
                and not compared_before_lead else
                int(ctx.lead_period[:4]) if ctx.lead_period else
                int(ctx.story_period[:4]) if ctx.story_period else pub.year if pub else None)
            if ref_year is not None:
                refs.append(_TimeRef(s, str(ref_year - 1), is_base=True, end=_e, how=how))
            continue
        if rel == "last year" and pub is not None and (base or P.LEVEL_COMPARED_BEFORE.search(
                ctx.text, max(sent[0], s - 40), s)):
            # "640 attacks in 2025, compared with 480 last year", "up 25% from last year" in
            # a story on 2025 published in 2026: what the story's year is set against is
            # the year before it, not the story's year again.
            told = {r.period for r in named if r.explicit_year and not r.is_base}
            story = next(iter(told)) if len(told) == 1 else (
                ctx.lead_period if not told and ctx.lead_period else None)
            if story == str(pub.year - 1):
                refs.append(_TimeRef(s, str(pub.year - 2), is_base=True, end=_e,
                                     how=f"'{rel}' (the year before the story's, {story})"))
                continue
        apart = ["a", "year", "later"] if rel in P.FOLLOWING_YEAR_WORDS else rel.split()
        if len(apart) == 3 and apart[1] in ("year", "years") and apart[0] in P.YEARS_APART:
            # "Two years later, 330 ... died": years from the year the story is on.
            n = P.YEARS_APART[apart[0]]
            if apart[2] == "ago":
                ref_year = pub.year if pub else None
            else:
                ref_year = int(explicit_years[0].value) if len(explicit_years) == 1 else (
                    int(ctx.story_period[:4]) if ctx.story_period else
                    int(ctx.lead_period[:4]) if ctx.lead_period else None)
            if ref_year is not None:
                later = apart[2] in ("later", "after", "on")
                # ("... against 177 two years earlier": the level compared with; "three
                # years ago" alone dates its sentence.)
                refs.append(_TimeRef(s, str(ref_year + n if later else ref_year - n),
                                     is_base=base if apart[2] == "ago" else not later,
                                     end=_e, how=how))
            continue
        if rel in ("the month before", "previous month", "a month earlier"):
            months_named = [r for r in refs if len(r.period) == 7]
            anchor = months_named[0].period if len(months_named) == 1 else (
                ctx.lead_period if ctx.lead_period and len(ctx.lead_period) == 7 else None)
            if anchor:
                first = T.bounds(anchor)[0] - timedelta(days=1)
                # "The previous month saw 51 attacks": the sentence's subject, whose figures
                # are that month's own, not a comparison's base.
                subject = ctx.text[sent[0]:s].strip().lower() in ("", "the") and bool(
                    P.MONTH_SUBJECT_VERB.match(ctx.text, _e))
                refs.append(_TimeRef(s, f"{first.year:04d}-{first.month:02d}",
                                     is_base=not subject, end=_e, how=how))
            continue
        if rel in _STORY_QUARTER_WORDS or (rel == "last quarter" and (
                base or P.holds_any(ctx.text, *sent, ("this quarter",))
                or P.POSSESSIVE_AFTER.match(ctx.text, _e)
                or P.LEVEL_COMPARED_IN_BEFORE.search(ctx.text, max(sent[0], s - 60), s))):
            # In a story on a quarter's report, "this quarter" is the report's and "the
            # previous quarter" the one before it ("The previous quarter saw 120 civilians
            # killed; this quarter's civilian toll was 210"), not the quarters around the
            # day the story ran, which falls in the quarter after the report's. So is "the
            # last quarter" set against this one, or against which a change is measured.
            quarters_named = [r for r in named if _is_quarter(r.period) and not r.is_base]
            anchor = quarters_named[0].period if len(quarters_named) == 1 else (
                ctx.lead_period if ctx.lead_period and _is_quarter(ctx.lead_period) else None)
            if anchor and not (quarters_named and _STORY_QUARTER_WORDS.get(rel) == 0):
                # (A quarter the sentence names dates its figures itself: "in this quarter
                # (July-September 2019)".)
                refs.append(_TimeRef(s, anchor if _STORY_QUARTER_WORDS.get(rel) == 0 else
                                     _period_before(anchor), is_base=base, end=_e,
                                     how=f"{how} (of the story's quarter, {_label(anchor)})"))
            if anchor or _STORY_QUARTER_WORDS.get(rel) == 0:
                continue  # ("this quarter" in no quarter's story: the publication's, unread)
        if pub is None or rel == "year-on-year" or rel == "year on year":
            continue
        period = _relative_period(rel, pub)
        if period:
            refs.append(_TimeRef(s, period, is_base=base, end=_e, how=how,
                                 from_publication=True))
    if pub is not None and P.holds_any(ctx.text, *sent, P.PAST_SPAN_WORDS):
        for m in P.PAST_SPAN.finditer(ctx.text, *sent):
            if any(ps <= m.start() < pe for ps, pe in read) or P.SPAN_OF_A_TREND_BEFORE.search(
                    ctx.text, max(sent[0], m.start() - 60), m.start()):
                continue  # ("the largest in the last five years": a record's horizon)
            before_story = _span_before_the_storys(m, ctx.lead_period)
            if before_story is not None:
                # "... on the 570 deaths logged in the preceding three months", in a story on
                # a quarter: the quarter before the story's, not the months up to publication.
                refs.append(_TimeRef(m.start(), before_story, end=m.end(),
                                     how=f"'{' '.join(m.group().split())}' (before the "
                                         f"story's {_label(ctx.lead_period)})"))
                continue
            # "2,075 incidents over the past 16 months": the span up to publication.
            refs.append(_TimeRef(m.start(), _past_span(m, pub), end=m.end(),
                                 how=f"'{' '.join(m.group().split())}' (up to publication)"))
    if same:
        main = next((r for r in sorted(refs, key=lambda r: r.pos) if not r.is_base), None)
        for ps, pe, years in same:
            if main is None:
                break
            shift = years if years < 0 else years - T.bounds(main.period)[0].year
            try:
                period = T.shift_years(main.period, shift)
            except (T.PeriodError, ValueError):
                continue
            refs.append(_TimeRef(ps, period, is_base=True, end=pe,
                                 how=f"'{' '.join(ctx.text[ps:pe].split())}'"))
    return refs


def _year_spans(text: str, refs: list[_TimeRef]) -> list[_TimeRef]:
    """``refs`` with each pair of years that makes one span ("between 2019 and 2022", "from
    2019 to 2022", "2019-2022": the first before the second) made one reference to the whole
    years between, both included. Without it the second year alone dated "militants made up
    30 per cent of fatalities between 2019 and 2022". (A change
    keeps both years: the later against the earlier, ``_bind_period``; so this is not called
    for a sentence that states one, in figures or by its two levels.)"""
    out: list[_TimeRef] = []
    i = 0
    while i < len(refs):
        a = refs[i]
        b = refs[i + 1] if i + 1 < len(refs) else None
        gap = P.YEAR_TO_YEAR_GAP.fullmatch(text, a.end, b.pos) if (
            b is not None and a.explicit_year and b.explicit_year and not b.is_base
            and len(a.period) == 4 and len(b.period) == 4
            and a.period < b.period and 0 < a.end <= b.pos) else None
        if gap is not None and gap.group("dash"):
            spans = int(b.period) - int(a.period) >= 2
        else:
            opening = P.YEAR_SPAN_OPENING.search(text, max(0, a.pos - 10), a.pos) if (
                gap is not None) else None
            spans = opening is not None and bool(opening.group("between")) == bool(
                gap.group("and"))
        if spans:
            # (A base stays one: "up from an average of 35% over 2019-2022".)
            out.append(_TimeRef(a.pos, T.canonical(date(int(a.period), 1, 1),
                                                   date(int(b.period), 12, 31)),
                                is_base=a.is_base, explicit_year=False, end=b.end,
                                how=f"'{text[a.pos:b.end]}', the years between, both included"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _day_spans(text: str, days: list[_Figure]) -> list[tuple[_Figure, _Figure]]:
    """Pairs of day dates that make one span: "from January 1 to December 6", "between
    December 1 and December 6" (the first before the second, joined by "to", "till",
    "until", "through" or a dash, or by "and" after "between")."""
    out = []
    for a, b in pairwise(days):
        gap = P.DAY_TO_DAY_GAP.fullmatch(text, a.end, b.start)
        if gap is None or a.iso_date >= b.iso_date or not T.is_valid(a.iso_date) or (
                not T.is_valid(b.iso_date)):
            continue
        if gap.group("and") and not P.BETWEEN_DAYS_BEFORE.search(text, max(0, a.start - 10),
                                                                 a.start):
            continue
        out.append((a, b))
    return out


def _ranking_span(text: str, sent: tuple[int, int], pos: int) -> bool:
    """Whether the time reference at ``pos`` is the span a ranking of months is made over
    ("the second deadliest month this year", "the bloodiest month of 2024"), not a period."""
    return P.RANKING_SPAN_BEFORE.search(text, max(sent[0], pos - RANKING_SPAN_REACH),
                                        pos) is not None


RANKING_SPAN_REACH = 130  # characters before a time where the ranking it spans is named


def _measured_against(text: str, sent: tuple[int, int], pos: int) -> bool:
    """Whether the time reference at ``pos`` is what a figure is measured against ("as bloody
    as all of 2022", "compared to the first quarter")."""
    return P.found_lowered(P.YEAR_AS_BASE_BEFORE, P.YEAR_AS_BASE_BEFORE_LOW, text,
                           max(sent[0], pos - 50), pos)


def _relative_period(rel: str, pub: date) -> str | None:
    """The period a relative phrase names in an article published on ``pub`` ("last year"
    -> the year before), or None for one that names none by itself. Only the phrase's own
    period is worked out (building them all per phrase cost more than the rest of it)."""
    if rel in ("last year", "past year"):
        return str(pub.year - 1)
    if rel in ("this year", "current year", "ongoing year", "outgoing year",
               "so far during the year", "so far in the year"):
        return _year_to_date(pub)
    if rel in ("last quarter", "previous quarter"):
        return _previous_quarter(pub)
    if rel == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if rel == "today":
        return pub.isoformat()
    if rel == "this month":
        return f"{pub.year:04d}-{pub.month:02d}"
    if rel == "last month":
        return (pub.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    return None


def _period_before(period: str) -> str:
    """The base of a change stated for a month or a quarter with no base named: the month or
    quarter before it, as monthly and quarterly security reports compare ("fatalities rose
    14% in the second quarter" is against the first); other spans, the same span a year
    earlier."""
    first, last = T.bounds(period)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    whole = first.day == 1 and last == T.bounds(f"{last.year:04d}-{last.month:02d}")[1]
    if whole and (months == 1 or (months == 3 and first.month % 3 == 1)):
        end = first - timedelta(days=1)
        start_month = end.month - months + 1
        return T.canonical(date(end.year, start_month, 1), end)
    return T.shift_years(period, -1)


# Quarters a story names from its own quarter: 0 that quarter, 1 the one before.
_STORY_QUARTER_WORDS = {"this quarter": 0, "current quarter": 0, "previous quarter": 1,
                        "preceding quarter": 1}


def _span_after(period: str) -> str | None:
    """The calendar quarter or month right after ``period``, if it is one; else None."""
    if _is_quarter(period):
        first, _last = T.bounds(period)
        q = (first.month - 1) // 3 + 1
        return T.quarter(first.year, q + 1) if q < 4 else T.quarter(first.year + 1, 1)
    if len(period) == 7 and T.is_valid(period):
        first, _last = T.bounds(period)
        return f"{first.year + first.month // 12:04d}-{first.month % 12 + 1:02d}"
    return None


def _is_quarter(period: str) -> bool:
    """Whether a period is one calendar quarter ("2024-04/2024-06")."""
    if "/" not in period:
        return False
    first, last = T.bounds(period)
    return first.day == 1 and first.month % 3 == 1 and first.year == last.year and (
        last.month == first.month + 2) and last == T.bounds(f"{last.year:04d}-{last.month:02d}")[1]


def _previous_quarter(pub: date) -> str:
    """"The last quarter" in an article: the calendar quarter before the publication's."""
    q = (pub.month - 1) // 3  # the publication's quarter, from 0
    return T.quarter(pub.year, q) if q else T.quarter(pub.year - 1, 4)


# Days into January in which "this year" is still the year just ended: a year-end review
# written in the last days of December and published on the 1st or the 2nd ("1,390
# fatalities were reported this year") counts no two-day span.
YEAR_END_REVIEW_DAYS = 7


def _year_to_date(pub: date) -> str:
    """"This year" in an article: January to the publication day (the whole year from
    December on, when year-end reviews are published, and the year just ended in the first
    ``YEAR_END_REVIEW_DAYS`` of January)."""
    if pub.month == 12:
        return str(pub.year)
    if pub.month == 1 and pub.day <= YEAR_END_REVIEW_DAYS:
        return str(pub.year - 1)
    return T.canonical(date(pub.year, 1, 1), pub)


def _attached(text: str, fig: _Figure, sc: _Scope, limit: int) -> _TimeRef | None:
    """The period right after a figure that is its own: "715 in 2022", "419 the year before"."""
    i = bisect_left(sc.refs_pos, fig.span_end)
    if i >= len(sc.refs):
        return None
    ref = sc.refs[i]
    if ref.pos >= limit or ref.pos - fig.span_end > 45:
        return None
    if P.COMPARED_START.match(text, ref.pos) or P.COMPARED_BEFORE.search(
            text, max(0, ref.pos - 20), ref.pos):
        # "deaths increased from 17 to 116 compared with December": the month a figure is
        # compared with is the other level's, never this figure's own.
        return None
    if P.ATTACHED_GAP.fullmatch(text, fig.span_end, ref.pos):
        return ref
    if P.FROM_SPAN_START.match(text, ref.pos) and P.NOUNS_GAP.fullmatch(
            text, fig.span_end, ref.pos):
        return ref  # "2,140 attacks from 2019 till date": the span names its own "from"
    if P.DATE_PREPOSITION_START.match(text, ref.pos) and P.NOUNS_GAP.fullmatch(
            text, fig.span_end, ref.pos):
        return ref  # "19 deaths in September": a month's date holds its preposition
    if not ref.explicit_year and ref.is_base and P.RELATIVE_GAP.fullmatch(
            text, fig.span_end, ref.pos):
        return ref
    return None


def _owned_before(text: str, fig: _Figure, sc: _Scope) -> _TimeRef | None:
    """The period that owns a figure from before it: "April's tally of 81", "2023's 1,524",
    "the previous month's 81". (Not "last month's 81": in "85 attacks in May, up from last
    month's 81" the writer counts back from May, not from the publication day.)"""
    i = bisect_left(sc.refs_pos, fig.span_start) - 1
    if i < 0:
        return None
    ref = sc.refs[i]
    if 0 <= ref.end <= fig.span_start and not ref.from_publication and (
            P.TIME_OWNS_GAP.fullmatch(text, ref.end, fig.span_start)):
        return ref
    return None


def _dates_the_saying(text: str, before: _TimeRef, fig: _Figure, after: _TimeRef) -> bool:
    """Whether the time before a figure dates a statement and the figure has its own after it:
    "In January 2024, PIPS said 693 people were killed in 2023" — January is when PIPS spoke.
    """
    return bool(P.SAYING_VERB.search(text, before.pos, fig.span_start)) and not (
        P.SAYING_VERB.search(text, fig.span_end, after.pos)
        or P.CLAUSE_BREAK.search(text, fig.span_end, after.pos))


def _own_clause_dates(ctx: _Context, before: _TimeRef, fig: _Figure, after: _TimeRef,
                      sent: tuple[int, int]) -> bool:
    """Whether the figure's own clause dates it after it while the time before it belongs to
    an earlier clause: "180 incidents were recorded in 2020, while 310 times militants
    struck in 2021"; "attacks rose in 2023, with 40 recorded in January"."""
    lo, hi = _clause(ctx, fig.span_start, fig.span_end, sent)
    # ("topping 90 for the first time since June 2016", "58 attacks, a 31 per cent
    # drop compared to May": a record's or a comparison's time is no period.)
    return before.pos < lo and after.pos < hi and not P.BASE_IN_CLAUSE.search(
        ctx.text, fig.span_end, after.pos)


def _which_clause_base(ctx: _Context, sc: _Scope, fig: _Figure) -> _TimeRef | None:
    """The comparison base a relative clause holding the figure tells of ("... compared with
    the whole of 2022, which recorded 1,870 deaths"), or None."""
    # Only the base nearest before the figure can end right before its clause (a run-on
    # "sentence" may hold thousands of bases).
    if not sc.bases:
        return None
    k = bisect_left(sc.bases, fig.span_start, key=_POS) - 1
    ref = sc.bases[k] if k >= 0 else None
    if ref is None or not 0 <= ref.end <= fig.span_start:
        return None
    if P.WHICH_GAP.fullmatch(ctx.text, ref.end, fig.span_start):
        return ref
    # "... from August, which witnessed 43 attacks and 125 fatalities": the clause's list.
    which = P.WHICH_GAP.match(ctx.text, ref.end, fig.span_start)
    if which is not None and P.FIGURE_LIST_ITEMS.fullmatch(ctx.text, which.end(),
                                                           fig.span_start):
        return ref
    return None


def _dates_a_base(text: str, ref: _TimeRef, fig: _Figure, taken: dict | None) -> bool:
    """Whether a time reference is the own period of another figure that is a comparison's
    base ("compared to 61 in April"): it dates that level only, not the figures after ("85
    attacks in May, up from 81 in April, causing 113 deaths, including 52 soldiers": all
    May's), unless they are bases too ("down from 240 in July ... injuries dropped from
    305")."""
    owner = (taken or {}).get(id(ref))
    if owner is None or owner is fig or ref.end < 0 or not P.BASE_BEFORE.search(
            text, max(0, owner.span_start - 25), owner.span_start) or P.BASE_BEFORE.search(
            text, max(0, fig.span_start - 25), fig.span_start):
        return False
    # A later item of a list "from" opens is a base too, until its "to": "casualties dropped
    # from 33 security personnel and 38 civilians to 16 ...".
    opened = text.rfind(" from ", ref.end, fig.span_start)
    return opened < 0 or P.TO_WORD.search(text, opened, fig.span_start) is not None


def _bind_period(fig: _Figure, sc: _Scope, pub: date | None, ctx: _Context | None = None,
                 own: _TimeRef | None = None, taken: dict | None = None) -> None:
    """Set the period (and, for changes, the base period) of a figure from its sentence.

    ``own`` is the period written right after the figure ("715 in 2022"); ``taken`` maps
    references that are other figures' own periods to those figures: this figure shares one
    only when no comparison stands between them.
    """
    how = fig.extra.setdefault("how", {})
    change = fig.kind in CHANGE_KINDS or fig.kind == FACTOR
    if change and len(sc.years) >= 2:
        # "between 2022 and 2023, deaths rose 65%": the later year against the earlier.
        fig.period, fig.base_period = sc.years[-1], sc.years[0]
        how["period"] = f"the sentence ({fig.period} against {fig.base_period})"
        return
    if change and not sc.years and sc.months is None:  # once per sentence
        # Months, or spans of months ("from 358 in January-March to 284 in the second
        # quarter"), in time order; never days or years.
        sc.months = sorted({r.period for r in sc.plain if not r.release and len(r.period) != 10
                            and len(r.period) != 4 and T.is_valid(r.period)},
                           key=lambda p: T.bounds(p))
    spans = sc.months if change and not sc.years else []
    if len(spans) >= 2:
        # "fell 25% from 84 in June to 63 in July": the later month against the earlier.
        fig.period, fig.base_period = spans[-1], spans[0]
        how["period"] = f"the sentence ({_label(fig.period)} against {_label(fig.base_period)})"
        return
    if sc.usable is None:  # once per sentence: the references that can date a figure
        usable = [r for r in sc.plain if id(r) not in sc.change_bases and not r.release]
        if any(len(r.period) != 10 for r in usable):
            usable = [r for r in usable if len(r.period) != 10]  # a day dates an event
        sc.usable, sc.usable_pos = usable, [r.pos for r in usable]
    i = bisect_left(sc.usable_pos, fig.start)
    k = i
    # (Only a reference that is another figure's own can date a base: most are none's.)
    while k > 0 and ctx is not None and taken and id(sc.usable[k - 1]) in taken and (
            _dates_a_base(ctx.text, sc.usable[k - 1], fig, taken)):
        k -= 1  # "90 fatalities, compared to 61 in April, and injuries to another 75"
    before = sc.usable[k - 1:k] if k > 0 else []
    after = []
    taken = taken or {}
    for r in sc.usable[i:i + 8]:  # the first one after that is not another figure's own
        owner = taken.get(id(r))
        if ctx is not None and r.pos > fig.start and P.COMPARED_LEVEL_BETWEEN.search(
                ctx.text, fig.span_end, r.pos):
            # "3,187 people died in 1,188 incidents, compared to 2,546 fatalities recorded in
            # all of 2024": the time of the level compared with, not of these figures.
            break
        if ctx is not None and r.pos > fig.start and P.ONE_EVENT_ASIDE_BETWEEN.search(
                ctx.text, fig.span_end, r.pos):
            break  # "318 soldiers died in attacks, the deadliest of which came on 9 November"
        if ctx is not None and owner is not None and owner is not fig and (
                owner.span_start > fig.span_end) and P.INCLUDING_PART_BEFORE.search(
                ctx.text, fig.span_end, owner.span_start):
            break  # "318 soldiers were killed, including 40 in November": the 40's November
        if r.pos > fig.start and (owner is None or owner is fig or ctx is None or (
                owner.span_start > fig.span_end and not P.BASE_IN_CLAUSE.search(
                    ctx.text, fig.span_end, owner.span_start))):
            # ("over 90% of deaths and 84% of attacks last year" share the year; "693 deaths,
            # up from 419 in 2022" do not.)
            after = [r]
            break
    which = _which_clause_base(ctx, sc, fig) if ctx is not None and not change else None
    if own is not None and not change:
        fig.period = own.period
        how["period"] = f"its own {own.how}"
    elif which is not None:
        # "compared with the whole of 2022, which recorded 1,870 deaths": the base's
        # own count.
        fig.period = which.period
        how["period"] = f"the base its clause tells of ({which.how}, which ...)"
    elif sc.bases and not change and ctx is not None and P.VERSUS_BEFORE.search(
            ctx.text, max(sc.sent[0], fig.span_start - 20), fig.span_start):
        # "compared to the first quarter ... (120 vs 92)": the figure after "vs" is the base's.
        fig.period = sc.bases[0].period
        how["period"] = f"the base the sentence names ({sc.bases[0].how}), after 'vs'"
    elif before or after:
        # The time the sentence set before the figure, else the nearest one after it that
        # is not another figure's own ("693 deaths, up from 419 in 2022": not 2022).
        ref = before[-1] if before else after[0]
        if before and after and ctx is not None and (
                _dates_the_saying(ctx.text, before[-1], fig, after[0])
                or _own_clause_dates(ctx, before[-1], fig, after[0], sc.sent)):
            ref = after[0]
        fig.period = ref.period
        how["period"] = f"the sentence ({ref.how})"
    elif sc.bases and len(sc.bases[0].period) == 4:
        # "up 20% on last year", "the year before": the year after the base.
        fig.period = str(int(sc.bases[0].period) + 1)
        how["period"] = f"the year after the base the sentence names ({sc.bases[0].how})"
    elif sc.bases and not (ctx is not None and (
            ctx.lead_period or ctx.story_change or ctx.story_period)) and (
            following := _span_after(sc.bases[0].period)) is not None:
        # "640, up 30% from the first quarter", in an article that has set no period or
        # comparison yet: the quarter (or month) after the base.
        fig.period = following
        how["period"] = (f"the {'quarter' if _is_quarter(following) else 'month'} after the "
                         f"base the sentence names ({sc.bases[0].how})")
    elif ctx is not None and ctx.last_period and not change and sc.refers_back:
        # "August proved violent ... These claimed 23 lives", "95 suspects were named during
        # this period": the period of the figures just told, not the opening's.
        fig.period = ctx.last_period
        how["period"] = (f"the article's period of the figures before ({_label(fig.period)}),"
                         " which the sentence refers back to")
    elif ctx is not None and ctx.lead_period:
        fig.period = ctx.lead_period
        how["period"] = f"the article's opening ({_label(ctx.lead_period)})"
    elif pub and not sc.past_tense:
        # Present tense, no time reference ("Durrani estimates that ..."): as of publication.
        fig.period = str(pub.year)
        how["period"] = "the publication year (present tense, no period named)"
    elif ctx is not None and ctx.story_period and not change:
        # "In 2023, 18,736 operations were conducted ... Similarly, 15,063 were carried out
        # in Balochistan": with no period in the opening, the last one the article stated
        # still frames a story told in the past tense.
        fig.period = ctx.story_period
        how["period"] = f"the article's last stated period ({_label(fig.period)})"
    elif ctx is not None and ctx.story_change and change:
        # "Deaths fell 21% from 358 in the first quarter to 284 in the second. Balochistan
        # alone saw a rise of 14%": the story's comparison goes on.
        fig.period, fig.base_period = ctx.story_change
        how["period"] = (f"the article's last stated comparison ({_label(fig.period)} against"
                         f" {_label(fig.base_period)})")
        return
    if change and fig.period:
        if fig.extra.get("base_ref") is not None and fig.extra["base_ref"].period != fig.period:
            fig.base_period = fig.extra["base_ref"].period
        elif sc.bases:
            fig.base_period = sc.bases[0].period
        elif len(fig.period) == 4:
            # A change stated for one year with no base is read against the year before
            # ("a 65% increase" in 2023 compares 2023 with 2022), the usual annual report.
            fig.base_period = str(int(fig.period) - 1)
        elif "/" in fig.period or len(fig.period) == 7:
            fig.base_period = _period_before(fig.period)
        if fig.base_period == fig.period and len(fig.period) == 4:
            # "rising 45% over the past year" in a report on that year: against the one before.
            fig.base_period = str(int(fig.period) - 1)
        elif fig.base_period == fig.period:
            # "rose 46% compared to the previous quarter" in a story on the quarter just
            # ended: the quarter before the story's, not the one before publication.
            fig.base_period = _period_before(fig.period)


def _names_said(ctx: _Context, sent: tuple[int, int]) -> list[re.Match[str]]:
    """``P.NAME_SAID.finditer(text, *sent)``: "<Name> said" in a sentence (``sent``, one of
    ``ctx.sentences``).

    Read from the whole text's matches (found once, ``_article_context``) where none of them
    crosses the sentence's start or end: a match of the whole text that lies within the
    sentence is one the sentence's own scan finds (it tries the same places from the
    sentence's start, and no match of the pattern ends in a verb at a sentence end, which
    follows punctuation or a line break, unless at the text's end), and the sentence's scan
    finds no other (each of its matches holds a saying verb within the sentence, and one the
    text's scan found elsewhere would cross). Otherwise the sentence is scanned."""
    lo, hi = sent
    found = ctx.name_said
    i = bisect_left(ctx.name_said_starts, lo)
    if i and found[i - 1].end() > lo:
        return list(P.NAME_SAID.finditer(ctx.text, lo, hi))  # one crosses the start
    out = []
    while i < len(found) and found[i].start() < hi:
        if found[i].end() > hi:
            return list(P.NAME_SAID.finditer(ctx.text, lo, hi))  # one crosses the end
        out.append(found[i])
        i += 1
    return out


def _attributions(ctx: _Context, sent: tuple[int, int]) -> list[tuple[int, str]]:
    """Sources a sentence attributes its figures to, with their positions."""
    text = ctx.text
    found: list[tuple[int, str]] = []
    known: list[tuple[int, int]] = []
    for s, e, name in _in(ctx.sources, *sent):
        before = text[max(sent[0], s - 60):s]
        if P.ATTRIBUTION_BEFORE.search(before) or P.ATTRIBUTION_AFTER.match(
            text, e, sent[1]
        ) or text.startswith(")", e) and P.ATTRIBUTION_AFTER.match(
            text, e + 1, sent[1]
        ) or P.FOR_SOURCE_OPENING.fullmatch(text, sent[0], s) and text.startswith(",", e):
            # ("For the Pakistan Institute for Conflict and Security Studies, militants carried
            # out 905 attacks": the sentence is framed as the publisher's count.)
            found.append((s, name))
        known.append((s, e))
    for s, e, name in _in(ctx.according, *sent):
        if any(ks < e and s < ke for ks, ke in known) or name in P.GENERIC_SOURCE_NAMES:
            continue  # a known source named above, or "the institute" (carried instead)
        if name:
            found.append((s, name))
            known.append((s, e))
    for m in _names_said(ctx, sent):
        s, e = m.span("name")
        words = m.group("name").split()
        while words and words[0].rstrip(".") in P.NAME_SAID_STOP:
            s += text[s:e].find(words[1]) if len(words) > 1 else 0
            words = words[1:]
        if len(words) < 2 or any(ks < e and s < ke for ks, ke in known) or normalise(
                " ".join(words).rstrip(".,’'")) in ctx.outlets:
            continue  # a single word, a source already named, or a news outlet
        if any(ke <= s and P.HEAD_TITLE_GAP.fullmatch(text, ke, s) for _ks, ke in known):
            continue  # "CRSS executive director Imtiaz Gul said": the body speaks
        if any(rs <= s and e <= re_ for rs, re_, _code in _in(ctx.regions, s - 40, e)):
            continue  # "Khyber Pakhtunkhwa says": a place, not a publisher of figures
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
    events = [m for m in _metrics_in(ctx, lo, hi) if lex.metrics[m[2]].event]
    if events:
        fig.metric = min(events, key=lambda m: min(abs(m[0] - fig.span_end),
                                                   abs(fig.span_start - m[1])))[2]
    i = bisect_left(sc.group_starts, max(lo, fig.span_end))
    while i < len(sc.groups) and sc.groups[i]["start"] < hi:
        if sc.groups[i]["locative"]:
            fig.region = sc.groups[i]["region"]
            return
        i += 1


def _cuts_running(running: str | None, period: str, pub: date | None) -> bool:
    """Whether ``period`` is an earlier cut of ``running``, a period still running at
    publication ("this year" and "the first seven months" of it): same start, earlier end."""
    if running is None or pub is None or not T.is_valid(period):
        return False
    first, last = T.bounds(running)
    cut_first, cut_last = T.bounds(period)
    return first <= pub <= last and cut_first == first and cut_last < last


def _lead_period(ctx: _Context, lex: Lexicon, by_sentence: dict[int, list[_Figure]],
                 pub: date | None) -> str | None:
    """The period the article's headline and first paragraph establish ("in 2023"), if any."""
    if ctx.facts is None:
        return None
    lo, hi = ctx.facts.lead
    first = max(bisect_right(ctx.sentence_starts, lo) - 1, 0)
    for idx in range(first, len(ctx.sentences)):
        sent = ctx.sentences[idx]
        if sent[0] >= hi:
            break
        refs = [r for r in sorted(_time_refs(ctx, sent, by_sentence.get(idx, []), pub, lex),
                                  key=lambda r: r.pos)
                if not r.is_base and not r.release and len(r.period) != 10]
        # "After a slight decline in June, July saw an uptick": a fronted phrase's time is
        # the background of the one the sentence is about.
        fronted = P.FRONTED_PHRASE.match(ctx.text, sent[0], sent[1])
        if fronted is not None and any(r.pos >= fronted.end() for r in refs):
            refs = [r for r in refs if r.pos >= fronted.end()]
        if len(refs) >= 2 and 0 <= refs[0].end <= refs[1].pos and len(refs[0].period) == len(
                refs[1].period) and P.FROM_WORD.search(
                ctx.text, max(sent[0], refs[0].pos - FROM_LEVEL_REACH), refs[0].pos) and (
                P.TO_WORD.search(ctx.text, refs[0].end, refs[1].pos)):
            # "Attacks increase from 38 in July to 59 in August": the story is on the level
            # reached, not the one it rose from.
            return refs[1].period
        if refs:
            return refs[0].period
    return None


FROM_LEVEL_REACH = 40  # characters before a time where "from <level>" opens a change's span


def _carry_source(ctx: _Context, fig: _Figure, idx: int,
                  first_attributions: dict[int, list[tuple[int, str]]]) -> None:
    """A source carried from earlier text: "It says ...", or the paragraph's first sentence."""
    sent = ctx.sentences[idx]
    j = bisect_left(ctx.named_pos, fig.span_start) - 1
    last = ctx.named[j] if j >= 0 else None
    c = bisect_left(ctx.carry, sent[0], key=_FIRST)
    if last is not None and c < len(ctx.carry) and ctx.carry[c][1] <= sent[1]:
        noun = P.DOCUMENT_NOUN.search(ctx.text, ctx.carry[c][0], ctx.carry[c][1])
        if noun is not None:
            last = _named_with_document(ctx, j, noun.group(0).lower()) or last
        elif (body := P.BACK_NOUN.search(ctx.text, ctx.carry[c][0], ctx.carry[c][1])):
            last = _named_by_noun(ctx, fig.span_start, body.group(0).lower()) or last
        back = ctx.sentence_ranks[idx] - ctx.sentence_ranks[
            bisect_right(ctx.sentence_starts, last[0]) - 1]
        fig.attributed_to = last[1]
        fig.extra["how"]["source"] = (
            f"carried from '{last[1]}'" + (f" ({back} sentence{'s' if back > 1 else ''} before)"
                                           if back else " (named earlier in the sentence)"))
        return
    if ctx.facts is None:
        return
    para = paragraph_of(ctx.facts.paragraph_starts, fig.span_start)
    first = max(bisect_right(ctx.sentence_starts, ctx.facts.paragraph_starts[para]) - 1, 0)
    if first == idx:
        return
    if first not in first_attributions:
        first_attributions[first] = _attributions(ctx, ctx.sentences[first])
    found = first_attributions[first]
    if not found or last is None:
        return
    name = found[-1][1]
    if last[1] != name and last[0] >= ctx.sentences[first][1]:
        return  # another source named since: the paragraph's first source no longer holds
    fig.attributed_to = name
    fig.extra["how"]["source"] = f"named at the start of the paragraph ('{name}')"


def _gapped_source(ctx: _Context, fig: _Figure, previous: _Figure) -> str | None:
    """The publisher named right before a figure that continues a list of publishers'
    figures ("..., while PICSS recorded 905 and the Global Terrorism Index 1,099", "PIPS put
    the toll at 852, PICSS at 1,177"), other than the one of the figure before; or None."""
    k = bisect_left(ctx.sources, fig.span_start, key=_FIRST) - 1
    if k < 0:
        return None
    s, e, name = ctx.sources[k]
    if name == previous.attributed_to or s < previous.span_end or not (
            P.GAPPED_SOURCE_GAP.fullmatch(ctx.text, e, fig.span_start)) or not (
            P.GAPPED_SOURCE_JOIN.search(ctx.text, previous.span_end, s)):
        return None
    return name


def _named_by_noun(ctx: _Context, before: int, noun: str) -> tuple[int, str] | None:
    """"The monitors said", "the index attributes": the last source named before ``before``
    (of the ``DOCUMENT_REACH`` last) whose name as written holds that noun ("the UN sanctions
    monitoring team", "the Global Terrorism Index"), rather than a person quoted since; None
    when none does."""
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    k = bisect_left(ctx.sources, before, key=_FIRST) - 1
    for s, e, name in ctx.sources[max(0, k - DOCUMENT_REACH + 1):k + 1][::-1]:
        if stem in ctx.text[s:e].lower():
            return s, name
    return None


DOCUMENT_REACH = 8  # named sources "the report said" looks back through for its report
DOCUMENT_WINDOW = 300  # characters either side of a source's name where its report is named


def _named_with_document(ctx: _Context, j: int, noun: str) -> tuple[int, str] | None:
    """"..., the report said": the last source named in a sentence that speaks of such a
    document ("PIPS said in its annual security report"), rather than one named since
    without it ("CRSS ... put the toll at 2,546"); None when no sentence does."""
    said = re.compile(rf"\b{noun}", re.IGNORECASE)
    for k in range(j, max(-1, j - DOCUMENT_REACH), -1):
        pos = ctx.named[k][0]
        lo, hi = ctx.sentences[bisect_right(ctx.sentence_starts, pos) - 1]
        # Near the name only: a sentence can be a whole run-on text.
        if said.search(ctx.text, max(lo, pos - DOCUMENT_WINDOW), min(hi, pos + DOCUMENT_WINDOW)):
            # The sentence's first name: its subject ("Pak Institute for Peace Studies said
            # in its report"), not a part of it read again as a speaker ("Peace Studies").
            while k > 0 and ctx.named[k - 1][0] >= lo:
                k -= 1
            return ctx.named[k]
    return None


# How far back "the province" looks for the province it names (characters): about three
# paragraphs of news text.
PLACE_ANAPHOR_REACH = 1500
# Characters after a figure where "in this region", "in the two provinces" may place it
# (a predicate shared by a list of figures: "92% of all fatalities and 86% of attacks,
# including ..., were recorded in the two provinces").
ANAPHOR_AFTER_REACH = 200
# Sentences before "the two provinces" where the two may have been named one at a time.
APART_PROVINCES_SENTENCES = 3


def _carry_region(ctx: _Context, lex: Lexicon, fig: _Figure, idx: int) -> None:
    """The place of an earlier sentence, for a figure whose own sentence names none but
    refers back to it: "the province", "this region" (the last province or region named),
    the place its paragraph opens on ("In KPK, ..."), a subject that takes up the events
    the sentence before counted ("These attacks claimed ..."), or more people hurt in them
    ("... were also injured")."""
    sent = ctx.sentences[idx]
    text = ctx.text
    if idx not in ctx.place_anaphors:
        # Only a sentence that says "province", "region" or "area" can hold one (their
        # letters fold to no other character than their capitals); most sentences with
        # figures do not.
        ctx.place_anaphors[idx] = (list(P.PLACE_ANAPHOR.finditer(text, *sent))
                                   if P.holds_any(text, *sent, ("rov", "egion", "area"))
                                   else [])
    found = ctx.place_anaphors[idx]
    k = bisect_left(found, fig.span_start, key=lambda m: m.start())
    anaphor = found[k - 1] if k else None
    if anaphor is None and k < len(found) and (
            found[k].start() - fig.span_end <= ANAPHOR_AFTER_REACH) and (
            P.LOCATIVE_BEFORE.search(text, max(fig.span_end, found[k].start() - 12),
                                     found[k].start())):
        # "PICSS recorded 11 militant attacks in this region", "92% of all fatalities and
        # 86% of attacks ... were recorded in the two provinces": the words after the figure.
        anaphor = found[k]
    if anaphor is not None and anaphor.group("two"):
        _carry_two_provinces(ctx, lex, fig, idx, anaphor)
        return
    if anaphor is not None:
        i = bisect_left(ctx.regions, anaphor.start(), key=_FIRST) - 1
        while i >= 0 and anaphor.start() - ctx.regions[i][0] <= PLACE_ANAPHOR_REACH:
            s, e, code = ctx.regions[i]
            if lex.region_parent.get(code) and not P.INCIDENTAL_AFTER.match(text, e):
                _carried(ctx, lex, fig, idx, code, s, f"'{anaphor.group(0)}'")
                return
            i -= 1
        return
    if idx == 0:
        return
    if _paragraph_setting(ctx, idx) is None and _change_place(ctx, lex, fig, idx):
        return  # (a paragraph's opening place says it first)
    carried = _sentence_carries(ctx, lex, idx)
    if carried is not None:
        _carried(ctx, lex, fig, idx, *carried)


def _note_place_change(ctx: _Context, idx: int, claims: list[_Figure]) -> None:
    """Keep (``ctx.place_change``) the change a sentence told for the one place it named
    itself, for ``_change_place``; forget an older one."""
    changes = [f for f in claims if f.kind in CHANGE_KINDS and f.region and f.metric
               and f.period and f.base_period
               and f.extra.get("how", {}).get("region", "").startswith("the sentence")]
    if changes and len({f.region for f in changes}) == 1:
        f = changes[-1]
        ctx.place_change = (ctx.sentence_ranks[idx], ctx.sentences[idx][1], f.region,
                            f.span_start, f.metric, frozenset((f.period, f.base_period)))
    elif ctx.place_change is not None and ctx.place_change[0] < ctx.sentence_ranks[idx]:
        ctx.place_change = None


def _change_place(ctx: _Context, lex: Lexicon, fig: _Figure, idx: int) -> bool:
    """Place a figure of a sentence that gives the counts behind the change the sentence
    right before told for a place: "Attacks in Sindh dropped by 40 percent. Militants
    carried out six attacks in June, in which 19 people died" (Sindh's counts, not the
    country's). The sentence must follow in the same
    paragraph and count the change's measure in one of its two periods; its other figures
    (the dead and injured of those attacks) then take the place too."""
    change = ctx.place_change
    if change is None or change[0] != ctx.sentence_ranks[idx] - 1:
        return False
    _rank, end, region, pos, metric, periods = change
    if ctx.place_change_taken != idx:
        sent = ctx.sentences[idx]
        if fig.metric != metric or fig.period not in periods or fig.kind in CHANGE_KINDS or (
                "\n" in ctx.text[end:sent[0]]) or _in(ctx.regions, *sent) or (
                P.WHOLE_MARKER.search(ctx.text, *sent)):
            # (A place of its own, even one named in passing, or "In total, ...": not the
            # place's counts.)
            return False
        ctx.place_change_taken = idx
    _carried(ctx, lex, fig, idx, region, pos, "the change it gives the counts of")
    return True


def _sentence_carries(ctx: _Context, lex: Lexicon, idx: int) -> tuple[str, int, str] | None:
    """The place a sentence (``idx`` > 0) that does not name one carries from before, for
    ``_carry_region``: (code, where it was named, why), or None."""
    sent = ctx.sentences[idx]
    text = ctx.text
    setting = _paragraph_setting(ctx, idx)
    if setting is not None:
        # "In KPK, PICSS has recorded a 31% decrease ... In October, 13 militant attacks were
        # reported": a paragraph that opens on a place tells that place's figures.
        return setting[0], setting[1], f"the paragraph's opening '{setting[2]}'"
    if P.EVENT_SUBJECT.match(text, sent[0]):
        why = "the events it takes up"
    elif P.found_lowered(P.ALSO_HURT, P.ALSO_HURT_LOW, text, *sent, P.ALSO_HURT_NEEDS):
        # "Punjab saw eight attacks that killed 11 soldiers. Nine officials were also
        # injured": the same attacks' wounded.
        why = "the attacks it goes on about ('also')"
    else:
        return None
    prev = idx - 1
    while prev > 0 and text[slice(*ctx.sentences[prev])].isspace():
        prev -= 1  # a line break between the sentences is a "sentence" of its own
    before = _region_groups(ctx, lex, ctx.sentences[prev])
    if len(before) == 1:
        return before[0]["region"], before[0]["start"], why
    return None


def _named_measure(ctx: _Context, fig: _Figure) -> str | None:
    """The measure word right after a figure ("151 attacks": attacks), or None when none
    follows it (an elided noun: "and 980 in 2022")."""
    k = bisect_left(ctx.metric_starts, fig.span_end)
    if k < len(ctx.metrics) and P.NOUNS_GAP.fullmatch(ctx.text, fig.span_end, ctx.metrics[k][0]):
        return ctx.metrics[k][2]
    return None


def _paragraph_setting(ctx: _Context, idx: int) -> tuple[str, int, str] | None:
    """The place a paragraph opens on as its setting ("In KPK, ...", "In Balochistan,
    ..."), for a later sentence of it: (code, position, words), or None (also for the
    paragraph's first sentence, whose own reading places it)."""
    if ctx.facts is None:
        return None
    sent = ctx.sentences[idx]
    start = ctx.facts.paragraph_starts[paragraph_of(ctx.facts.paragraph_starts, sent[0])]
    if start >= sent[0] or _text_is_blank(ctx.text, start, sent[0]):
        return None
    if start not in ctx.paragraph_settings:
        ctx.paragraph_settings[start] = _setting_at(ctx, start)
    return ctx.paragraph_settings[start]


def _setting_at(ctx: _Context, start: int) -> tuple[str, int, str] | None:
    """``_paragraph_setting`` of the paragraph that starts at ``start``."""
    opening = P.SETTING_OPENING.match(ctx.text, start)
    if opening is None:
        return None
    k = bisect_left(ctx.regions, opening.end(), key=_FIRST)
    if k == len(ctx.regions) or ctx.regions[k][0] != opening.end() or not ctx.text.startswith(
            ",", ctx.regions[k][1]):
        return None
    s, e, code = ctx.regions[k]
    return code, s, ctx.text[opening.start():e].strip()


def _text_is_blank(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds only white space."""
    return not text[lo:hi].strip()


def _carry_two_provinces(ctx: _Context, lex: Lexicon, fig: _Figure, idx: int,
                         anaphor: re.Match[str]) -> None:
    """"these two provinces", "both provinces": the last two provinces named together
    ("Khyber Pakhtunkhwa and Balochistan"), in this sentence before the words or in one of
    the sentences before it, within ``PLACE_ANAPHOR_REACH``."""
    for back in range(idx, -1, -1):
        sent = ctx.sentences[back]
        if anaphor.start() - sent[1] > PLACE_ANAPHOR_REACH:
            break
        end = min(sent[1], anaphor.start())
        start = max(sent[0], anaphor.start() - PLACE_ANAPHOR_REACH)
        pairs = [g for g in _region_groups(ctx, lex, (start, end)) if len(g["codes"]) == 2
                 and all(lex.region_parent.get(c) for c in g["codes"])]
        if pairs:
            _carried(ctx, lex, fig, idx, pairs[-1]["region"], pairs[-1]["start"],
                     f"'{anaphor.group(0)}'")
            return
    # Named apart ("Khyber Pakhtunkhwa suffered 1,616 fatalities, and Balochistan 782.
    # Together, the two provinces ..."), perhaps a sentence each: the two provinces named
    # last, reading back sentence by sentence from the words, as long as no third comes
    # between (then "the two" could be any two of them).
    floor = anaphor.start() - 2 * PLACE_ANAPHOR_REACH
    end, back, read = anaphor.start(), idx, 0
    while back >= 0 and read <= APART_PROVINCES_SENTENCES and ctx.sentences[back][1] > floor:
        sent = ctx.sentences[back]
        if not ctx.text[sent[0]:sent[1]].isspace():
            named = [r for r in _in(ctx.regions, max(sent[0], floor), end)
                     if lex.region_parent.get(r[2])]
            codes = sorted({r[2] for r in named})
            if len(codes) > 2:
                return
            if len(codes) == 2:
                _carried(ctx, lex, fig, idx, "+".join(codes), named[0][0],
                         f"'{anaphor.group(0)}'")
                return
            read += back < idx
        back -= 1


def _carried(ctx: _Context, lex: Lexicon, fig: _Figure, idx: int, code: str, pos: int,
             why: str) -> None:
    back = ctx.sentence_ranks[idx] - ctx.sentence_ranks[bisect_right(ctx.sentence_starts, pos) - 1]
    fig.region = code
    fig.extra["how"]["region"] = (
        f"{region_name(lex, code)}, carried by {why} from {back} sentence"
        f"{'s' if back > 1 else ''} before")


LOCAL_PLACE_REACH = 200  # characters before a figure's clause where its city may be named


@cache
def _city_pattern(cities: tuple[str, ...]) -> re.Pattern[str] | None:
    """The dateline cities as capitalised words in running text (case-sensitive: "Swat" the
    valley, not "swat")."""
    if not cities:
        return None
    names = sorted((c.title() for c in cities), key=len, reverse=True)
    # ("an Islamabad-based think tank" names where the tank sits, not what it counted.) No
    # "\b" before the names: the regex engine then skips to their first letters; the caller
    # checks the word start.
    return re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")\b(?![-‐]based)")


def _other_country_before(ctx: _Context, lex: Lexicon, pos: int) -> str | None:
    """The country no data holds that "the country" at ``pos`` is: the one named last before
    it in its paragraph ("In India, most attacks killed no one. The country had 500
    attacks"), with no place figcheck knows named between them; else None."""
    text = ctx.text
    lo = max(text.rfind("\n", 0, pos) + 1, pos - COUNTRY_REFERENCE_REACH)
    named = _countries_named(text, lex, lo, pos)
    last = named[-1] if named else None
    return last.group(0) if last is not None and not _in(ctx.regions, last.end(), pos) else None


def _countries_named(text: str, lex: Lexicon, lo: int = 0,
                     hi: int | None = None) -> list[re.Match[str]]:
    """The countries no data holds named in ``text[lo:hi]``, as whole words, and not as a
    backer or a border ("backed by India", "the boundary with India")."""
    pattern = _elsewhere_pattern(lex.elsewhere)
    if pattern is None:
        return []
    return [m for m in pattern.finditer(text, lo, len(text) if hi is None else hi)
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
            and not text.endswith(("by ", "with "), 0, m.start())]


COUNTRY_REFERENCE_REACH = 300  # characters before "the country" where the country it is named


@cache
def _elsewhere_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The countries no data holds (``Lexicon.elsewhere``), as written, longest first; not
    "India-backed" (a backer is not where a number was counted; callers skip "backed by
    India" and "the border with India" alike)."""
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    # (No look-behind for "by" and "with": a pattern that opens on one is tried at every
    # position of the text, 14 times slower than one the engine skips to the first letters
    # of; the caller looks behind.)
    return re.compile("(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
                      + r")\b(?![-‐](?:based|backed|sponsored))")


def _local_place(ctx: _Context, lex: Lexicon, lo: int, hi: int) -> str | None:
    """A city or district named in ``[lo, hi)`` (a figure's clause and the words before it),
    or a country no data holds, for a sentence that names no region figcheck knows:
    "Peshawar, the provincial capital, saw 20 attacks", "Bannu district recorded 45",
    "Burkina Faso recorded 1,532 deaths". Not the article's dateline (its opening words)."""
    if ctx.local_places is None:
        text = ctx.text
        found = []
        # "Bannu district": the unit's word first (str.find, far faster than a regex over a
        # long text), then its name before it.
        for stem in ("istrict", "ehsil"):
            at = text.find(stem)
            while at > 0:
                unit = P.DISTRICT_WORD.match(text, at - 1)
                if unit is not None and (name := P.DISTRICT_NAME_BEFORE.search(
                        text, max(0, at - 41), at - 1)) is not None:
                    found.append((name.start(), unit.end(),
                                  " ".join(text[name.start():unit.end()].split())))
                at = text.find(stem, at + len(stem))
        # The seats of the federal government and the military date national statements: a
        # city whose dateline places an article in a country only is no local place.
        cities = tuple(sorted(c for c, code in lex.dateline_by_city.items() if "-" in code))
        if (pattern := _city_pattern(cities)) is not None:
            found += [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)
                      if not (m.start() and (text[m.start() - 1].isalnum()
                                             or text[m.start() - 1] == "_"))
                      and not _opens_a_dateline(text, m.start())]
        # Countries no data holds ("Burkina Faso ..., with 1,532 deaths"): theirs, too.
        found += [(m.start(), m.end(), m.group(0)) for m in _countries_named(text, lex)]
        found += ctx.other_countries
        ctx.local_places = sorted(found, key=lambda f: (f[0], -f[1]))  # longest first
    return next((name for _s, e, name in _in(ctx.local_places, lo, hi) if e <= hi), None)


def _opens_a_dateline(text: str, pos: int) -> bool:
    """Whether the city at ``pos`` opens a line as its dateline ("Peshawar, Mar 4 (PTI)")."""
    line = text.rfind("\n", 0, pos) + 1
    return not text[line:pos].strip() and P.DATELINE.match(text, line) is not None


def _article_region(ctx: _Context, lex: Lexicon, fig: _Figure) -> None:
    """The article's place for a figure whose sentence names none; else its source's scope."""
    how = fig.extra["how"]
    if ctx.facts is not None and ctx.facts.region:
        fig.region = ctx.facts.region
        how["region"] = f"the article's {ctx.facts.region_how.removeprefix('the ')} " \
                        f"({region_name(lex, fig.region)})"
        return
    scope = lex.source_scope.get(fig.attributed_to or "")
    if scope:
        fig.region = scope
        how["region"] = f"{fig.attributed_to}'s scope ({region_name(lex, scope)})"


# How a place taken from the article is marked when the figure's publisher counts the whole
# world (the judge raises no alarm on it: checks/judge.py ``_inherited``).
COUNTS_THE_WORLD = "counts the whole world"

BREAKDOWN_ITEM_REACH = 60  # characters before a count where the breakdown it ends is read


def _group_toll(lex: Lexicon, text: str, fig: _Figure, previous: _Figure | None,
                base: str | None, population: str) -> str | None:
    """The group's toll (``deaths_suicide_attacks``) whose breakdown by people ``fig`` is an
    item of, where no measure counts those people of that toll; else None.

    The list opens right after the toll ("139 deaths, including 66 ...") and goes on item
    by item ("..., 25 civilians and 48 militants")."""
    if previous is None or base is None:
        return None
    toll = previous.extra.get("group_toll")
    if toll is None and previous.extra.get("group") not in (None, *lex.scope_groups) and (
            lex.parts.get((base, previous.extra["group"])) == previous.metric):
        toll = previous.metric
        gap = (previous.span_end, fig.span_start)
    else:
        gap = (previous.span_start, fig.span_start)
    if toll is None or lex.parts.get((toll, population)) or not (
            0 < gap[1] - gap[0] <= BREAKDOWN_ITEM_REACH
            and P.BREAKDOWN_ITEM_BEFORE.search(text, *gap)):
        return None
    return toll


def _compose_part(ctx: _Context, lex: Lexicon, fig: _Figure, clause: tuple[int, int],
                  prev_end: int, nxt: int, previous: _Figure | None) -> None:
    """Make a figure that counts a part of a total carry the part's metric (parts.yaml).

    "177 security personnel" among those killed counts ``deaths_security_personnel``;
    "89 attacks by the TTP" counts ``attacks_ttp``. A part is never compared with its total.
    """
    if not lex.parts:
        return
    text = ctx.text
    lo, hi = max(clause[0], prev_end), min(clause[1], nxt)
    if fig.kind == SHARE and (base := _hurt_base(lex, fig.metric)) == fig.metric and (
            were := P.SHARE_WERE_PEOPLE.match(text, fig.span_end, fig.span_end + 60)):
        # "At least 55 percent of those killed were security personnel": the share of the
        # dead those people make up, as "security personnel made up 55 percent" is.
        k = bisect_left(ctx.populations, were.end(), key=_FIRST)
        if k < len(ctx.populations) and ctx.populations[k][0] == were.end() and (
                part := lex.parts.get((base, ctx.populations[k][2]))):
            fig.metric = part
            fig.extra["base"], fig.extra["population"] = base, ctx.populations[k][2]
            fig.extra["how"]["metric"] = (
                f"the people the share of the {base} was ('{text[were.start():were.end()].strip()}"
                f" {text[ctx.populations[k][0]:ctx.populations[k][1]]}')")
            return
    # Who was counted: a population named right after the figure ("126 civilians").
    named = _population_after(ctx, fig)
    if named is not None:
        population = named[2]
        # "120 deaths among civilians and 80 among soldiers": the 80 continue the deaths,
        # not the civilians.
        base = _hurt_base(lex, fig.metric)
        if base is None and P.LOST_BEFORE.search(text, max(0, fig.span_start - 8),
                                                 fig.span_start):
            base = "deaths"  # "the police lost 66 personnel"
        # A figure that already counts something else ("12 militants arrested") is no part
        # of the dead or injured the clause names.
        if base is None and fig.metric in (None, "militants"):
            near = [m for m in _metrics_in(ctx, lo, hi) if m[2] in ("deaths", "injured")]
            if near:
                base = min(near, key=lambda m: abs(m[0] - fig.span_start))[2]
            elif previous is not None:
                base = previous.extra.get("base") or _hurt_base(lex, previous.metric)
        toll = _group_toll(lex, text, fig, previous, base, population)
        if toll is not None:
            # "the 17 suicide attacks resulted in 139 deaths, including 66 security
            # personnel and 25 civilians": the people of a group's toll, which no measure
            # counts, rather than a part of all the dead.
            fig.metric = None
            fig.extra["group_toll"], fig.extra["base"] = toll, base
            fig.extra["how"]["metric"] = f"none: a part of the {toll} before it"
            return
        part = lex.parts.get((base, population)) if base else None
        if part:
            fig.metric = part
            fig.extra["base"], fig.extra["population"] = base, population
            return
    elif (before := _population_before(ctx, fig, previous)) is not None and (
            fig.metric in (None, "militants") or _hurt_base(lex, fig.metric)):
        # "the outlaws suffered 412", "followed by civilians with 215 fatalities": the people
        # named just before the count (not those of a count before it, whose measure it may
        # have continued), of the dead or injured the sentence speaks of.
        base = _hurt_base(lex, fig.metric) or (
            "deaths" if P.LOST_GAP.match(text, before[1]) else _hurt_nearby(ctx, fig))
        part = lex.parts.get((base, before[2])) if base else None
        if part:
            fig.metric = part
            fig.extra["base"], fig.extra["population"] = base, before[2]
            return
    elif previous is not None and previous.extra.get("population") and fig.metric in (
            "deaths", "injured") and (_continues(text, fig) or _counted_word_after(ctx, lex, fig)) \
            and not _is_other_people(ctx, fig) and not P.BREAKDOWN_ITEM_BEFORE.search(
                text, max(0, previous.span_start - BREAKDOWN_ITEM_REACH), previous.span_start):
        # (Not after the item of a breakdown: "54 were killed, 29 security personnel, 16
        # civilians and nine militants, and 117 were injured", "257 were killed, including
        # 133 security personnel, and 492 were injured": the injured are everyone's.)
        # "572 security personnel were killed and 1,292 were injured", "140 civilians dead
        # and 350 injured": the same people (not "... and 40 were children").
        part = lex.parts.get((fig.metric, previous.extra["population"]))
        if part:
            fig.extra["base"], fig.extra["population"] = fig.metric, previous.extra["population"]
            fig.metric = part
            return
    # Who did it, or how: a group named in the figure's clause ("by the TTP", "TTP-linked").
    if fig.metric is None:
        return
    groups = _in(ctx.groups, lo, hi)
    if not groups and clause[0] >= prev_end:
        # "... attributed to the TTP, which carried out 22 attacks": the group the clause's
        # relative pronoun stands for.
        k = bisect_left(ctx.groups, clause[0], key=_FIRST) - 1
        if k >= 0 and ctx.groups[k][1] <= clause[0] and (
                rel := P.RELATIVE_AFTER_GROUP.match(text, ctx.groups[k][1])) is not None and (
                rel.end() > clause[0] and rel.end() <= fig.span_start):
            groups = [ctx.groups[k]]
    if not groups:
        # "The BLA, another group, was allegedly responsible for 36% of deaths".
        k = bisect_left(ctx.groups, fig.span_start, key=_FIRST) - 1
        if k >= 0 and _may_end_in(text, ctx.groups[k][1], fig.span_start, _RESPONSIBLE_ENDS) and (
                P.RESPONSIBLE_GAP.fullmatch(text, ctx.groups[k][1], fig.span_start)):
            groups = [ctx.groups[k]]
        # "Religiously inspired groups, including the TTP, perpetrated 208 attacks": the
        # subject before an aside that names some of it.
        while not groups and k >= 0 and ctx.groups[k][1] >= fig.span_start - 120:
            if P.GROUP_ASIDE_GAP.fullmatch(text, ctx.groups[k][1], fig.span_start):
                groups = [ctx.groups[k]]
            k -= 1
    for gs, ge, group in groups:
        part = lex.parts.get((fig.metric, group))
        if ge <= fig.span_start and (allies := P.ALLIES_AFTER.match(text, ge, fig.span_start)):
            ge = allies.end()  # "the TTP and its affiliates killed ...": still the TTP's
        between = (ge, fig.span_start) if ge <= fig.span_start else (fig.span_end, gs)
        if P.JOINT_PERPETRATOR_AFTER.match(text, ge, ge + 80) or (
                P.JOINT_PERPETRATOR_BEFORE.search(text, max(0, gs - 60), gs)):
            continue  # one of several perpetrators: the figure is all of theirs
        if previous is not None and ge <= fig.span_start and not text[prev_end:gs].strip() and (
                P.ASIDE_BEFORE.search(text, max(0, previous.span_start - 15),
                                      previous.span_start)):
            # "... attacks – including 14 suicide bombings – claimed 419 lives": the words name
            # the figure of the aside, not the sentence's later figures (whereas "14 suicide
            # bombings killed 200 people" are the 200's attacks).
            continue
        if part and not P.AND_BETWEEN.search(text, *between):
            # ("... 17 suicide attacks and that deaths rose 40%": the group is another's.)
            fig.metric = part
            fig.extra["group"] = group
            return
    if previous is not None and previous.extra.get("group") and lex.parts.get(
            (fig.metric, previous.extra["group"])) == previous.metric and (
            P.BREAKDOWN_OPEN.fullmatch(text, previous.span_end, fig.span_start)
            or P.BREAKDOWN_NEXT.fullmatch(text, previous.span_end, fig.span_start)):
        # "92 attacks by the TTP (80 in KP, seven in Balochistan ...)": the breakdown of a
        # part is of that part.
        fig.metric = previous.metric
        fig.extra["group"] = previous.extra["group"]
        return
    if previous is not None and previous.extra.get("group") and (
            _hurt_base(lex, fig.metric) == fig.metric and (
                P.TOLL_OF_ATTACKS_GAP.fullmatch(text, previous.span_end, fig.span_start)
                or P.TOLL_LIST_GAP.fullmatch(text, previous.span_end, fig.span_start))
            or P.OTHERS_AFTER.match(text, fig.span_end)):
        # The group's attacks' toll: "carried out 22 attacks resulting in 107 deaths", "90
        # terror attacks caused 140 fatalities and 200 injuries" (one toll, listed), "...
        # killed in suicide attacks, while 582 others were injured" (hurt in the same attacks).
        part = lex.parts.get((fig.metric, previous.extra["group"]))
        if part:
            fig.metric = part
            fig.extra["group"] = previous.extra["group"]


def _stated_in_next_sentence(ctx: _Context, lex: Lexicon,
                             by_sentence: dict[int, list[_Figure]], pub: date | None) -> None:
    """'... 70 per cent of the deaths. This was stated in the second quarterly report
    issued by CRSS.': the sentence after the figures names their source and period, for
    the figures that state none of their own."""
    text = ctx.text
    for idx, sent in enumerate(ctx.sentences):
        if not (P.may_open_stated_in(text, sent[0])
                and P.STATED_IN_BEFORE.match(text, sent[0], sent[1])):
            continue
        prev = idx - 1
        while prev >= 0 and text[slice(*ctx.sentences[prev])].isspace():
            prev -= 1
        figs = [f for f in by_sentence.get(prev, []) if f.kind and f.kind != DATE]
        if not figs:
            continue
        found = _attributions(ctx, sent)
        refs = sorted((r for r in _time_refs(ctx, sent, by_sentence.get(idx, []), pub, lex)
                       if not r.is_base and not r.release and len(r.period) != 10),
                      key=lambda r: r.pos)
        for fig in figs:
            how = fig.extra.setdefault("how", {})
            if found and not fig.attributed_to:
                fig.attributed_to = found[-1][1]
                how["source"] = f"named in the next sentence ('{found[-1][1]}')"
            said = how.get("period", "")
            if refs and fig.kind not in CHANGE_KINDS and not said.startswith(
                    ("the sentence", "its own")):
                # (a period taken from the article or the publication date gives way)
                fig.period = refs[0].period
                how["period"] = f"the next sentence ({refs[0].how})"


def _placed_by_their_attacks(ctx: _Context, lex: Lexicon, claims: list[_Figure]) -> None:
    """'140 soldiers were killed and 190 injured in 600 attacks in Balochistan': the dead
    and injured were counted where the attacks that killed them were."""
    text = ctx.text
    unplaced: list[_Figure] = []  # the dead and injured before, placed only by the article
    for fig in claims:
        how = fig.extra.get("how", {})
        if fig.kind != DATE and (fig.metric or "").startswith(("deaths", "injured")) and (
                how.get("region", "").startswith("the article's")):
            unplaced.append(fig)
        elif unplaced and fig.metric in ("attacks", "incidents") and fig.region and (
                how.get("region", "").startswith("the sentence")) and P.IN_BEFORE.search(
                text, max(0, fig.span_start - 4), fig.span_start):
            for hurt in unplaced:
                hurt.region = fig.region
                hurt.extra["how"]["region"] = (f"where the attacks it was counted in were "
                                               f"({region_name(lex, fig.region)})")
            unplaced = []


def _respectively(ctx: _Context, lex: Lexicon, claims: list[_Figure],
                  sent: tuple[int, int]) -> None:
    """'fatalities and injuries declined by 31pc and 12pc, respectively': the two figures
    take the two measures in the order named; 'civilian and police casualties stood at 30
    and 32 deaths, respectively': the two peoples' parts of their measure."""
    text = ctx.text
    for a, b in pairwise(claims):
        if a.kind == DATE or b.kind == DATE or not (
                P.LIST_SEPARATOR.fullmatch(text, a.span_end, b.span_start)
                and P.RESPECTIVELY_AFTER.match(text, b.span_end)):
            continue
        lo = _clause(ctx, a.span_start, a.span_end, sent)[0]
        people = _in(ctx.populations, max(sent[0], lo - 200), a.span_start)[-2:]
        if people and len(ctx.population_items.get(people[-1][0], ())) == 2:
            people = ctx.population_items[people[-1][0]]  # one list of the two
        base = _hurt_base(lex, b.metric)  # ("14 and 9 deaths": the first shares the noun)
        if base and _hurt_base(lex, a.metric) in (base, None) and len(people) == 2 and (
                P.LIST_SEPARATOR.fullmatch(text, people[0][1], people[1][0])):
            first, second = (lex.parts.get((base, who[2])) for who in people)
            if first and second and first != second:
                a.metric, b.metric = first, second
                continue
        named = _metrics_in(ctx, max(sent[0], lo - 200), a.span_start)[-2:]
        if len(named) == 2 and P.LIST_SEPARATOR.fullmatch(text, named[0][1], named[1][0]) and (
                named[0][2] != named[1][2]):
            a.metric, b.metric = named[0][2], named[1][2]
            if a.kind in CHANGE_KINDS and b.kind == PERCENT and a.value is not None and (
                    b.value is not None):
                # "declined by 31pc and 12pc": the second is a change in the same direction.
                b.kind, b.value = a.kind, math.copysign(b.value, a.value)
                b.period, b.base_period = a.period, a.base_period


RESPECTIVELY_REACH = 120  # characters after a list of figures where "respectively" pairs it
LISTED_PLACES_REACH = 200  # characters before a list of figures where its places are listed


def _respectively_places_and_times(ctx: _Context, lex: Lexicon, claims: list[_Figure],
                                   sc: _Scope, sent: tuple[int, int]) -> None:
    """"Khyber Pakhtunkhwa and Balochistan saw 29 and 28 attacks respectively", "573, 715
    and 1,210 attacks in 2021, 2022 and 2023 respectively": a list of figures paired in order
    with a list of as many places or years; the figures share the noun the last one names.
    Read together (a list of places is not one place of all the figures: "KP and Balochistan
    saw 29 and 28" are no counts of the two provinces together)."""
    text = ctx.text
    figs = [f for f in claims if f.kind != DATE]
    i = 0
    while i < len(figs) - 1:
        j = i
        while j + 1 < len(figs) and P.LIST_SEPARATOR.fullmatch(
                text, figs[j].span_end, figs[j + 1].span_start):
            j += 1
        run, i = figs[i:j + 1], max(j, i + 1)
        if len(run) < 2:
            continue
        said = P.RESPECTIVELY.search(text, run[-1].span_end,
                                     min(sent[1], run[-1].span_end + RESPECTIVELY_REACH))
        if said is None:
            continue
        last = run[-1]
        for fig in run[:-1]:
            if fig.metric is None and last.metric and fig.kind == last.kind:
                fig.metric = last.metric  # "29 and 28 attacks": the first shares the noun
                fig.extra["how"]["metric"] = f"the noun of the list it opens ({last.metric})"
        lo = _clause(ctx, run[0].span_start, run[0].span_end, sent)[0]
        if (doers := _in(ctx.groups, lo, run[0].span_start)):
            # "The TTP carried out 573, 715 and 1,210 attacks in ...": the group's, each.
            for fig in run:
                if (part := lex.parts.get((fig.metric, doers[-1][2]))) is not None:
                    fig.metric, fig.extra["group"] = part, doers[-1][2]
        years = [r for r in sc.refs if run[-1].span_end <= r.pos < said.start()
                 and not r.release]
        if len(years) == 1 < len(run):
            # "... against the 226 and 148 of 2019 respectively": one time for all of them.
            years *= len(run)
        if len(years) == len(run):
            for fig, ref in zip(run, years):
                fig.period = ref.period
                fig.extra["how"]["period"] = f"'respectively' ({ref.how})"
        places = _listed_places(ctx, max(sent[0], run[0].span_start - LISTED_PLACES_REACH),
                                run[0].span_start, len(run))
        if places:
            for fig, (ps, pe, code) in zip(run, places):
                fig.region = code
                fig.extra["how"]["region"] = (f"'respectively' ({text[ps:pe]}, "
                                              f"{region_name(lex, code)})")
        elif (compared := _compared_one_by_one(text, figs, run)) is not None:
            # "Balochistan reported 138 deaths and KP 122 in 2020, against the 226 and 148 of
            # 2019 respectively": each level is compared with the earlier figure of its place.
            for fig, earlier in zip(run, compared):
                fig.region = earlier.region
                fig.extra["how"]["region"] = (
                    f"'respectively' (as {text[earlier.span_start:earlier.span_end]}, "
                    f"{region_name(lex, earlier.region)})")


def _compared_one_by_one(text: str, figs: list[_Figure], run: list[_Figure]
                         ) -> list[_Figure] | None:
    """The figures a "respectively" list is compared with, in order: as many counts of its
    measure right before the comparison word that opens it ("against", "compared to"), each
    of its own place; None when there are not."""
    start = figs.index(run[0])
    before = [f for f in figs[:start] if f.kind == COUNT and f.metric == run[-1].metric]
    earlier = before[-len(run):]
    if len(earlier) != len(run) or not P.COMPARED_LIST_OPEN.search(
            text, earlier[-1].span_end, run[0].span_start):
        return None
    if any(f.region is None for f in earlier) or len({f.region for f in earlier}) != len(run):
        return None
    return earlier


def _listed_places(ctx: _Context, lo: int, hi: int, n: int) -> list[tuple[int, int, str]]:
    """The last ``n`` places named in [lo, hi) when they form one list ("Khyber Pakhtunkhwa
    and Balochistan"), else []."""
    named = _in(ctx.regions, lo, hi)[-n:]
    if len(named) != n or len({code for _s, _e, code in named}) != n:
        return []
    if not all(P.LIST_SEPARATOR.fullmatch(ctx.text, a[1], b[0]) for a, b in pairwise(named)):
        return []
    return named


def _hurt_base(lex: Lexicon, metric: str | None) -> str | None:
    """"deaths" or "injured" for those metrics and their parts ("deaths_civilians"), else None."""
    if metric in ("deaths", "injured"):
        return metric
    base = _part_bases(lex).get(metric)
    return base if base in ("deaths", "injured") else None


_PART_BASES: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _group_of_attacks_before(ctx: _Context, lex: Lexicon, idx: int) -> str | None:
    """The kind of attack (parts.yaml) of the last attacks the sentence before sentence
    ``idx`` names ("suicide bombings"), or None when those are attacks of every kind ("...
    while attacks overall rose")."""
    rank = ctx.sentence_ranks[idx]
    if rank < 2:
        return None
    before = ctx.sentences[bisect_left(ctx.sentence_ranks, rank - 1)]
    kinds = {part: group for (base, group), part in lex.parts.items() if base == "attacks"}
    named = [m for m in _in(ctx.metrics, *before) if m[2] == "attacks" or m[2] in kinds]
    if not named:
        return None
    # (Only a kind its words name: "the TTP claimed 30 of the 300 attacks. These attacks
    # ..." are all 300.)
    return kinds.get(named[-1][2])


def _part_bases(lex: Lexicon) -> dict[str, str]:
    """The total measure of each part measure ("deaths_civilians": "deaths"; the first pair of
    ``lex.parts`` that makes it), read once per lexicon: ``_hurt_base`` runs several times
    per figure, and walked all the parts each time."""
    held = _PART_BASES.get(id(lex))
    if held is None or held[0] is not lex:
        bases: dict[str, str] = {}
        for (base, _q), part in lex.parts.items():
            bases.setdefault(part, base)
        held = (lex, bases)
        _PART_BASES[id(lex)] = held
    return held[1]


def _population_before(ctx: _Context, fig: _Figure, previous: _Figure | None = None
                       ) -> tuple[int, int, str] | None:
    """The people named right before a count and a verb of suffering ("the outlaws suffered
    412", "civilians with 215 fatalities", "the deadliest month for soldiers, with 40
    deaths"), or right before it in a list that goes on from such a figure ("security
    personnel made up 27 percent of the dead, civilians 25 percent"), as (start, end,
    population id), or None."""
    if not (previous is not None and previous.extra.get("population")) and not _may_end_in(
            ctx.text, 0, fig.span_start, _SUFFERING_ENDS):
        # (Without a list going on, only the gaps below can name them, and the words right
        # before the figure say whether one can: whatever the people, none can.)
        return None
    k = bisect_left(ctx.populations, fig.span_start, key=_FIRST) - 1
    if k < 0:
        return None
    s, e, population = ctx.populations[k]
    if e > fig.span_start:
        return None
    if previous is not None and previous.extra.get("population") and (
            previous.kind == fig.kind or {previous.kind, fig.kind} <= {PERCENT, SHARE}) and (
            previous.span_end <= s) and P.GAPPED_PEOPLE_JOIN.fullmatch(
            ctx.text, previous.span_end, s) and P.GAPPED_PEOPLE_GAP.fullmatch(
            ctx.text, e, fig.span_start):
        return s, e, population
    if _may_end_in(ctx.text, e, fig.span_start, _SUFFERING_ENDS) and (
            P.SUFFERED_GAP.fullmatch(ctx.text, e, fig.span_start) or (
            P.LARGEST_SHARE_WITH_GAP.fullmatch(ctx.text, e, fig.span_start)) or (
            P.WITH_TOLL_GAP.fullmatch(ctx.text, e, fig.span_start)
            and P.DEADLIEST_FOR.search(ctx.text, max(0, s - 60), s))):
        # ("the bloodiest month for the police in years, with 40 deaths")
        return s, e, population
    return None


def _hurt_nearby(ctx: _Context, fig: _Figure) -> str | None:
    """The death or injury word nearest the figure in its sentence ("With 700 fatalities
    ..., the outlaws suffered 412"), or None."""
    idx = bisect_right(ctx.sentence_starts, fig.span_start) - 1
    lo, hi = ctx.sentences[idx] if idx >= 0 else (0, len(ctx.text))
    near = [m for m in _metrics_in(ctx, max(lo, fig.span_start - 200),
                           min(hi, fig.span_end + 60)) if m[2] in ("deaths", "injured")]
    if not near:
        return None
    return min(near, key=lambda m: min(abs(m[0] - fig.span_end), abs(fig.span_start - m[1])))[2]


def _counted_word_after(ctx: _Context, lex: Lexicon, fig: _Figure) -> bool:
    """Whether a death or injury verb follows the figure directly ("350 injured", "51
    wounded"): the figure names no one of its own, so it counts the people named before.
    A noun ("40 injuries") counts everyone hurt, not the people of the figure before."""
    k = bisect_left(ctx.metrics, fig.span_end, key=_FIRST)
    if k == len(ctx.metrics) or ctx.metrics[k][2] not in ("deaths", "injured"):
        return False
    s, e, _ = ctx.metrics[k]
    return not ctx.text[fig.span_end:s].strip() and normalise(ctx.text[s:e]) not in (
        lex.counted_nouns)


def _population_after(ctx: _Context, fig: _Figure) -> tuple[int, int, str] | None:
    """The population a count names right after it ("126 civilians", "40 armed soldiers"),
    as (start, end, population id), or None (read once per figure and kept)."""
    key = (fig.kind, fig.core_end, fig.span_end)
    read = fig.population_read
    if read is None or read[0] != key:
        read = fig.population_read = (key, _read_population_after(ctx, fig))
    return read[1]


# A gap after a count longer than ``_SLICED_GAP`` is checked for its length before it is
# sliced: the text more than ``_LONG_GAP`` characters (at least 61, see
# ``_read_population_after``) after its first non-space must be quotes. (Shorter gaps are
# sliced: cheaper than the two tests, and bounded.)
_LONG_GAP = 64
_SLICED_GAP = 1000


def _read_population_after(ctx: _Context, fig: _Figure) -> tuple[int, int, str] | None:
    """``_population_after``, read from the text."""
    if fig.kind == SHARE:
        return None
    k = bisect_left(ctx.populations, fig.core_end or fig.span_end, key=_FIRST)
    if k == len(ctx.populations):
        return None
    a, b = fig.span_end, ctx.populations[k][0]
    if b - a > _SLICED_GAP and not P.QUOTES_ONLY.fullmatch(
            ctx.text, min(b, P.SPACES.match(ctx.text, a, b).end() + _LONG_GAP), b):
        # The people are far away, and not behind a run of spaces and an aside before or
        # quotes after: the gap read below would be longer than 30. (Sliced, every count
        # before the next people named copied all the text up to them: quadratic in a long
        # text that names few.) With more than 63 characters between the first non-space
        # and the trailing quotes, removing an aside (at most 32) leaves more than 30.
        return None
    gap = ctx.text[a:b]
    if "\n" in gap and P.BLANK_LINE.search(gap):
        return None  # "Civilian Deaths: 55\n\nSecurity Forces Deaths: 47": another item's
    # "96 (21 per cent) security personnel": an aside between the count and its people.
    if "(" in gap:  # (the aside is bracketed: most gaps hold no bracket to look for)
        gap = P.ASIDE_IN_GAP.sub(" ", gap, count=1)
    gap = gap.rstrip("“\"‘'")  # '41 “high-value targets”'
    if (opened := gap.lstrip()) and opened[0] in "“\"‘":
        # '260 "valiant officers and soldiers lost their lives' (the spaces kept: a long gap
        # stays too long)
        gap = gap[:len(gap) - len(opened)] + opened[1:]
    if len(gap) <= 30 and (P.WORD_GAP.fullmatch(gap) and (
            not gap.split() or gap.split()[0].lower() not in P.FUNCTION_WORDS)
            or P.OF_WHOM_GAP.fullmatch(gap) or P.THOSE_OF_GAP.fullmatch(gap)):
        return ctx.populations[k]
    return None


def _list_predicates(ctx: _Context, claims: list[_Figure]) -> dict[int, str]:
    """The verbs (killed, injured, arrested, abducted) that counted populations take, by
    figure id.

    "Another 40 soldiers, 31 civilians and 12 insurgents were wounded": the verb after the
    list is every item's, not only the last one's; "killed 120 police personnel and 95
    civilians, with 180 police personnel and 210 civilians injured": the second list is the
    injured, whatever the clause said before it; "566 terrorists were killed while 5,161
    terrorists were arrested": each count takes its own verb (a list of one).
    """
    out: dict[int, str] = {}
    k = 0
    while k < len(claims):
        items: list[_Figure] = []
        end = 0
        j = k
        while j < len(claims) and claims[j].kind == COUNT:
            named = _population_after(ctx, claims[j])
            if named is None and items and (other := P.UNNAMED_PEOPLE_ITEM.match(
                    ctx.text, claims[j].core_end)) and P.LIST_SEPARATOR.fullmatch(
                    ctx.text, end, claims[j].span_start):
                # "40 soldiers, 13 Razakars and 38 civilians lost their lives": people
                # figcheck cannot name go on the list, and take no measure from its verb.
                end = other.end()
                j += 1
                continue
            if named is None or (items and not P.LIST_SEPARATOR.fullmatch(
                    ctx.text, end, claims[j].span_start)):
                break
            items.append(claims[j])
            end = named[1]
            j += 1
        if items:
            i = bisect_left(ctx.metric_starts, end)
            aside = P.INCLUDING_ASIDE.match(ctx.text, end)
            while aside and i < len(ctx.metrics) and ctx.metrics[i][0] < aside.end():
                i += 1  # a word inside an aside ("including foreign fighters,") is not the verb
            if i < len(ctx.metrics) and ctx.metrics[i][2] in _VERB_FIRST and (
                    P.LIST_PREDICATE_GAP.fullmatch(ctx.text, end, ctx.metrics[i][0])):
                out.update((id(f), ctx.metrics[i][2]) for f in items)
        k = max(j, k + 1)
    return out


def _following(period: str) -> str | None:
    """The month after a month, the year after a year; None for other periods."""
    if len(period) == 4:
        return str(int(period) + 1)
    if len(period) == 7:
        day = T.bounds(period)[1] + timedelta(days=1)
        return f"{day.year:04d}-{day.month:02d}"
    return None


def _binding_note(fig: _Figure) -> str | None:
    """How region, period and source (and a measure or kind read from elsewhere than its
    words) were bound, for readers ("region: ...; period: ...")."""
    how = fig.extra.get("how")
    if not how:
        return None
    # A place or measure deliberately left unbound says why ("each of Punjab and Sindh, not
    # one place"); other notes belong to a value that was bound.
    parts = [f"{k}: {note}" for k, value, why_not in (
                 ("region", fig.region, "no_region"), ("period", fig.period, None),
                 ("source", fig.attributed_to, None), ("metric", fig.metric, "no_measure"),
                 ("kind", fig.kind, None))
             if (note := how.get(k)) and (value or why_not and fig.extra.get(why_not))]
    return "; ".join(parts) or None


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


def extract_claims(
    text: str, article_id: str, published: str | None,
    lexicon: Lexicon | None = None,
    validate_schema: bool = True,
    columns: bool = False,
) -> pd.DataFrame | dict[str, list]:
    """Extract the numeric claims of an article as a validated ``ClaimSchema`` table.

    Args:
        text: the article text; claim offsets point into it (``text[start:end]``). A text
            longer than ``2 * sources.parts.PART_CHARS`` is no article: it is read in parts
            cut between paragraphs, each as an article of its own.
        article_id: the article's id; claim ids are ``"<article_id>#<n>"`` in text order.
        published: the publication date ("YYYY-MM-DD") that years are resolved against,
            or None (then a date without a year gets no ISO date, and nothing is guessed).
        lexicon: the vocabularies to read with (``sources.lexicon.lexicon_for`` with data
            packs); default the bundled ones.
        validate_schema: validate the table with pandera (about 35 ms); a batch passes
            False and validates all articles' tables at once (``flows.steps``).
        columns: return the table's columns as lists (``{column: values}``, ``{}`` when
            nothing is found) instead of a table, so that a batch builds one table for
            many articles (``flows.steps.extract_chunk``): a DataFrame per article cost
            about a third of extraction. Not validated.
    Returns:
        The claims table (empty, with the schema's columns, when nothing is found).
    """
    # Extraction allocates millions of small, acyclic objects (figures, spans, matches) on a
    # long document; the cyclic collector's passes over them cost about an eighth of the
    # time and grow with the heap. The few cycles made meanwhile are collected afterwards.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        spans = text_parts(text)
        if len(spans) == 1:
            return _extract_claims(text, article_id, published, lexicon, validate_schema,
                                   columns)
        # An archive or a book, not an article: its parts are read as articles of their own
        # (``sources.parts``).
        lex = lexicon or load_lexicon()
        joined = joined_columns(article_id, spans, (
            _extract_claims(text[s:e], article_id, published, lex, False, True)
            for s, e in spans))
    finally:
        if was_enabled:
            gc.enable()
    if columns:
        return joined
    table = claims_frame(joined) if joined else empty(C)
    return validate(C, table, "claims") if validate_schema else table


def _extract_claims(
    text: str, article_id: str, published: str | None,
    lexicon: Lexicon | None = None,
    validate_schema: bool = True,
    columns: bool = False,
) -> pd.DataFrame | dict[str, list]:
    """``extract_claims`` with the cyclic garbage collector paused."""
    if not text or not text.strip():
        return {} if columns else empty(C)
    lex = lexicon or load_lexicon()
    pub = _parse_published(published)
    ctx = _context(text, lex)
    figs = _select(_date_figures(text) + _form_figures(text, ctx.low, ctx.form_words)
                   + _number_figures(text, ctx))
    # (read only to find the figures: not kept (memory))
    ctx.low = ctx.word_runs = ctx.form_words = None

    for fig in figs:
        if fig.year_like and _is_year(text, fig, lex, ctx):
            fig.origin = "year"
    figs = _merge_ranges(text, _without_second_days(text, figs))

    phrase_starts = [ps for ps, _pe, _m in ctx.phrases]
    for fig in figs:
        if fig.origin == "date":
            fig.kind = DATE
            fig.span_start, fig.span_end = fig.start, fig.end
            _resolve_date(fig, pub)
        elif fig.origin == "year":
            continue
        elif _in_period_phrase(fig, ctx.phrases, phrase_starts):
            continue  # "the first 8 months of 2022": the span's words, no figure
        else:
            _classify(text, fig, lex, ctx)
            if fig.origin == "words" and fig.kind != RANGE and (
                not _small_word_number_is_claim(text, fig, ctx, lex)
            ):
                fig.kind = None
            elif fig.kind == COUNT and P.DURATION_UNIT_OR_HOURS_AFTER.match(
                    text, fig.end) and P.DURATION_PREPOSITION_BEFORE.search(
                    text, max(0, fig.start - 24), fig.start):
                # "380 deaths in 3 months": the span they were counted over; "the deadliest
                # month in almost five years": a record's horizon
                fig.kind = None
            elif fig.kind == COUNT and P.TIME_AGO_AFTER.match(text, fig.end):
                fig.kind = None  # "more than twenty years ago": a time, not a count
            elif fig.kind == COUNT and P.CHANGE_NOUN_AFTER.match(text, fig.end):
                # "46 per cent increase in deaths and 66 rise in casualties": a change whose
                # unit was left out, never a count of what it changed.
                fig.kind = None
            elif fig.kind == COUNT and P.LIST_NUMBER_AFTER.match(text, fig.end) and (
                    P.LINE_START_BEFORE.search(text, max(0, fig.start - 8), fig.start)):
                fig.kind = None  # "1. Suicide attacks: 23": a list item's number

    claimed: list[tuple[_Figure, str]] = []
    by_sentence: dict[int, list[_Figure]] = {}
    for fig in figs:
        idx = bisect_right(ctx.sentence_starts, fig.start) - 1
        by_sentence.setdefault(max(idx, 0), []).append(fig)
    ctx.lead_period = _lead_period(ctx, lex, by_sentence, pub)
    first_attributions: dict[int, list[tuple[int, str]]] = {}

    # The sentences that name a place, and those that name a source or "<Name> said": the
    # others have none to read (``_scope``).
    placed = _named_in_sentences(ctx, [(s, e) for s, e, _ in ctx.regions])
    attributing = _named_in_sentences(
        ctx, [(s, e) for s, e, _ in ctx.sources] + [(s, e) for s, e, _ in ctx.according]
        + [m.span() for m in ctx.name_said])
    phrased = _named_in_sentences(ctx, [(s, e) for s, e, _ in ctx.phrases])
    relative = _named_in_sentences(ctx, [(s, e) for s, e, _ in ctx.relatives])
    lead_cut_checked = False
    # The rank and figures of the last sentence read: what "This includes ..." in the
    # sentence right after it is part of.
    before_sentence: tuple[int, list[_Figure]] | None = None
    for idx, sent_figs in by_sentence.items():
        claims = [f for f in sent_figs if f.kind]
        if not claims:
            continue
        sent = ctx.sentences[idx]
        sentence = text[sent[0]:sent[1]].strip()
        sc = _scope(ctx, lex, sent, sent_figs, pub, placed[idx] == 1, attributing[idx] == 1,
                    phrased[idx] == 1, relative[idx] == 1)
        # "This figure included 90 soldiers": the sentence counts parts of the one before.
        opening = P.INCLUDES_SUBJECT.match(text, *sent) if before_sentence is not None and (
            before_sentence[0] == ctx.sentence_ranks[idx] - 1) else None
        includes = opening is not None
        included_in = _whole_included(lex, before_sentence[1], opening.group("noun")) if (
            opening is not None) else None
        # "Another 1,130 were injured", "The attacks killed 121 people": the sentence goes on
        # from the one before, whose source it keeps.
        continued = next((f for f in reversed(before_sentence[1]) if f.attributed_to), None) if (
            before_sentence is not None and before_sentence[0] == ctx.sentence_ranks[idx] - 1
            and (P.ANOTHER_OPENING.match(text, *sent)
                 or P.ATTACKS_REFERRED_OPENING.match(text, *sent))) else None
        # "Suicide bombings fell to 12. These attacks killed 90 people": the toll of that kind
        # of attack, not of every attack.
        referred_group = _group_of_attacks_before(ctx, lex, idx) if (
            P.ATTACKS_REFERRED_OPENING.match(text, *sent)) else None
        # "... rose to 3,387. Of these, 2,115 were militants": counts of that whole's people.
        of_these = None
        if before_sentence is not None and before_sentence[0] == ctx.sentence_ranks[
                idx] - 1 and P.OF_THESE_OPENING.match(text, *sent):
            # (A sentence that told only a change of the dead, "Fatalities rose 46%", holds
            # its measure.)
            of_these = _whole_told_before(before_sentence[1], False) or next(
                (f for f in reversed(before_sentence[1]) if _hurt_base(lex, f.metric)), None)
        # "Of the 693 people killed, 330 were soldiers, 260 were civilians ...": the whole the
        # sentence opens on, for every count of its list.
        first = next((f for f in claims if f.kind != DATE), None)
        opening_whole = first if first is not None and first.kind == COUNT and (
            P.WHOLE_FIRST.match(text, sent[0], first.span_start)) else None
        # ... or one it names without a number: "Of those killed in the attacks, 488 were
        # civilians and 461 security personnel".
        # (Both need the sentence to open on "Of those ...", "Among the ...": asked once.)
        opens_on_measure = opening_whole is None and first is not None and (
            P.OF_THE_MEASURE_OPENING.match(text, sent[0], sent[1]) is not None)
        opening_hurt = _hurt_opening(ctx, sent) if opens_on_measure else None
        opening_people = _people_hurt_opening(ctx, lex, sent) if (
            opens_on_measure and opening_hurt is None) else None
        # Start of the next non-date claim after each claim (a figure's words end there).
        nexts = [sent[1]] * len(claims)
        upcoming = sent[1]
        for k in range(len(claims) - 1, -1, -1):
            nexts[k] = upcoming
            if claims[k].kind != DATE:
                upcoming = claims[k].span_start
        # Each figure's own period ("430 in 2020 and 655 in 2021"), found first so that a
        # neighbour does not borrow it.
        owns: dict[int, _TimeRef] = {}
        for k, fig in enumerate(claims):
            if sc.refs and fig.kind != DATE and fig.kind not in CHANGE_KINDS and (
                    fig.kind != FACTOR):
                own = _attached(text, fig, sc, nexts[k]) or _owned_before(text, fig, sc)
                if own is not None:
                    owns[k] = own
        # "151 attacks, 293 deaths, and 487 injuries recorded in the first half of 2022": a
        # list of counts of different measures shares the period its last item names. (Two
        # levels of one measure, "1,524 deaths, and 980 in 2022", are two times.)
        for k in range(len(claims) - 2, -1, -1):
            if k in owns or k + 1 not in owns or not (
                    claims[k].kind == COUNT == claims[k + 1].kind) or not P.COUNT_LIST_GAP.fullmatch(
                    text, claims[k].span_end, claims[k + 1].span_start):
                continue
            measures = (_named_measure(ctx, claims[k]), _named_measure(ctx, claims[k + 1]))
            if None not in measures and measures[0] != measures[1]:
                owns[k] = owns[k + 1]
        owned = {id(r) for r in owns.values()}
        for k, fig in enumerate(claims):
            if fig.kind in CHANGE_KINDS or fig.kind == FACTOR:
                # "an increase of 37 percent from the toll of 2019": a year after a change,
                # in its clause, is the change's base and dates no other figure.
                hi = _clause(ctx, fig.span_start, fig.span_end, sent)[1]
                i = bisect_left(sc.refs_pos, fig.span_end)
                while i < len(sc.refs) and sc.refs[i].pos < min(hi, nexts[k]):
                    if sc.refs[i].explicit_year and id(sc.refs[i]) not in owned and (
                            P.BASE_IN_CLAUSE.search(
                            text, fig.span_end, sc.refs[i].pos)):
                        fig.extra["base_ref"] = sc.refs[i]
                        owns[-1 - k] = sc.refs[i]
                        break
                    i += 1
        taken = {id(r): claims[j] for j, r in owns.items() if j >= 0} if owns else {}
        if owns:
            sc.change_bases = frozenset(id(r) for j, r in owns.items() if j < 0)
        # (Only counts take a list's verb.)
        listed = _list_predicates(ctx, claims) if any(
            f.kind == COUNT for f in claims) else {}
        previous: _Figure | None = None
        head_change: _Figure | None = None  # the sentence's last change, for its conjuncts
        wholes: list[tuple[_Figure, _Figure]] = []
        owned: list[tuple[_Figure, _Figure, tuple[int, int, str]]] = []  # wholes a place owns
        for k, fig in enumerate(claims):
            if fig.kind == DATE:
                _bind_date(ctx, lex, fig, sent, sc)
                fig.period = fig.iso_date
                continue
            how = fig.extra.setdefault("how", {})
            nxt = nexts[k]
            prev_end = previous.span_end if previous else sent[0]
            clause = _clause(ctx, fig.span_start, fig.span_end, sent)
            follower = claims[k + 1] if k + 1 < len(claims) else None
            clause, reaches_on = _widened_clause(ctx, fig, clause, sent, previous, follower)
            if reaches_on:
                nxt = nexts[k + 1]
            if id(fig) in listed and fig.metric in (None, "militants"):
                fig.metric = listed[id(fig)]  # "925 terrorists eliminated": not a head count
            if head_change is not None and fig.kind == PERCENT and _gapped_change(
                    ctx, fig, previous):
                # "46 per cent more losses among insurgents, 24 per cent among civilians": the
                # conjunct leaves out the change's words, not its meaning.
                fig.kind = head_change.kind
                if head_change.value is not None and head_change.value < 0 < (fig.value or 0):
                    fig.value, fig.low, fig.high = -fig.value, _neg(fig.high), _neg(fig.low)
                how["kind"] = (f"a change, like {text[head_change.span_start:head_change.span_end]}"
                               " before it in the list")
            fig.metric = fig.metric or _bind_metric(ctx, lex, fig, clause, prev_end, nxt)
            if fig.metric is None and previous is None and (
                    subject := _measure_before_dash(ctx, lex, clause, sent)) is not None:
                # "The total deaths in the attacks — 1,081 in 2015 compared to 1,761 in 2014
                # — went down by 39pc": figures set off by a dash restate its subject.
                fig.metric = subject[2]
                how["metric"] = (f"the subject before the dash "
                                 f"('{text[subject[0]:subject[1]]}')")
            if fig.metric is None and fig.kind == COUNT and (
                    like := _gapped_place_count(ctx, fig, claims[:k])) is not None:
                # "KP suffered 1,616 fatalities, and Balochistan 782": the verb and noun left out.
                fig.metric = like.metric
                how["metric"] = (f"the count its place is listed after "
                                 f"({text[like.span_start:like.span_end]})")
            if fig.metric is None and previous is not None and previous.metric and (
                    _compared_in_brackets(text, fig, previous)):
                # "24 per cent among civilians (186 vs 150)": the two levels compared.
                fig.metric = previous.metric
                fig.extra["compared"] = True
                how["metric"] = ("the change its brackets compare "
                                 f"({text[previous.span_start:previous.span_end]})"
                                 if previous.kind in CHANGE_KINDS else
                                 f"the level it is compared with "
                                 f"({text[previous.span_start:previous.span_end]})")
            fig.region = _bind_region(ctx, fig, sc, clause, nxt)
            if fig.region:
                how["region"] = f"the sentence ({region_name(lex, fig.region)})"
            if previous is not None and previous.kind in CHANGE_KINDS and previous.region and (
                    P.CHANGE_LEVEL_GAP.fullmatch(text, previous.span_end, fig.span_start)):
                # "KP ..., while Balochistan saw an 84 percent jump in attacks, to 202": the
                # level a change reached is counted where the change was.
                fig.region = previous.region
                how["region"] = previous.extra["how"].get("region")
            each_of = fig.region if fig.region and "+" in fig.region and P.EACH_AFTER.match(
                text, fig.core_end) else None
            if previous is not None and fig.metric is None and previous.metric and (
                    fig.kind == COUNT == previous.kind) and P.OF_WHICH_BEFORE.search(
                    text, max(prev_end, fig.span_start - 16), fig.span_start):
                # "61 attacks, of which 41 took place in KP", "169 people, of whom 114 were
                # in KP": a part of the count before, of its measure.
                fig.metric = previous.metric
                how["metric"] = (f"a part of the count before it "
                                 f"({text[previous.span_start:previous.span_end]})")
                if _hurt_base(lex, fig.metric) and P.WERE_BEFORE_PEOPLE.match(text, fig.core_end):
                    # "... of whom 12 were policemen": those people's part, or, for people
                    # figcheck cannot name ("were children"), no measure of its own.
                    _part_after_its_whole(ctx, lex, fig, previous)
            # "210 attacks in 2019, killing 300, and 640 last year, killing 900": a figure
            # whose own toll follows counts events, those the sentence counted before it
            # (else it has no measure), never the dead (or the people) just counted before.
            toll_follows = previous is not None and fig.metric is None and fig.kind == COUNT and (
                previous.metric is not None and not lex.metrics[previous.metric].event) and (
                toll := P.TOLL_OF_ATTACKS_GAP.match(text, fig.core_end)) is not None and bool(
                P.NUMBER_SOON.match(text, toll.end()))
            events = [g for g in claims[:k] if g.kind == COUNT and g.metric
                      and lex.metrics[g.metric].event] if toll_follows else []
            if events:
                fig.metric = events[-1].metric
                how["metric"] = (f"the events counted before it "
                                 f"({text[events[-1].span_start:events[-1].span_end]}), "
                                 "whose toll follows it")
            if (previous is not None and fig.metric is None and _continues(text, fig)
                    and not toll_follows
                    and not fig.extra.get("own_subject") and not _is_other_people(ctx, fig)):
                # "... 5,000 to 6,000 militants, with the number rising to 70,000": a figure
                # with no noun of its own continues the earlier figure's subject.
                fig.metric = previous.metric
                if previous.extra.get("group"):
                    _gapped_group(ctx, lex, fig, previous)
                if fig.region is None and previous.region and (
                        sc.groups or _local_place(ctx, lex, fig.span_end, clause[1]) is None):
                    fig.region = previous.region
                    how["region"] = previous.extra["how"].get("region")
            if fig.metric is None and previous is not None and (
                    previous.kind in CHANGE_KINDS or previous.kind == FACTOR) and (
                    P.CHANGE_BASE_GAP.fullmatch(text, previous.span_end, fig.span_start)):
                fig.metric = previous.metric  # "rose 48 percent from the 302 ...": its base level
            if fig.metric is None and previous is not None and previous.kind == COUNT and (
                    previous.metric) and fig.kind == COUNT and P.COMPARED_LEVEL_BEFORE.search(
                    text, max(prev_end, fig.span_start - 30), fig.span_start):
                # "85 attacks, marginally more than the 82 recorded in April": the same measure.
                fig.metric = previous.metric
                how["metric"] = (f"the count it is compared with "
                                 f"({text[previous.span_start:previous.span_end]})")
            if fig.metric is None and previous is None and fig.kind == COUNT and (
                    P.WITH_COUNT_BEFORE.search(text, max(sent[0], fig.span_start - 12),
                                               fig.span_start)
                    or P.MOST_OF_APPOSED_BEFORE.search(text, max(sent[0], fig.span_start - 60),
                                                       fig.span_start)) and _continues(text, fig):
                # ("Most of the operations, 15,063, were conducted in Balochistan": the count
                # in apposition is of the noun it stands for.)
                # "Balochistan accounted for the bulk of the 2023 operations, with 15,063": a
                # bare count after "with" counts what its sentence named before it.
                k = bisect_left(ctx.metric_starts, fig.span_start) - 1
                if k >= 0 and ctx.metrics[k][0] >= sent[0]:
                    fig.metric = ctx.metrics[k][2]
                    how["metric"] = (f"the measure its sentence names before it "
                                     f"('{text[ctx.metrics[k][0]:ctx.metrics[k][1]]}')")
            if fig.region is None and previous is not None and previous.region and (
                    sc.groups or _local_place(ctx, lex, fig.span_end, clause[1]) is None):
                # (Not past a city its own clause names: "148 killed across the province,
                # with the highest number, 67, reported in Dera Ismail Khan".)
                fig.region = previous.region
                how["region"] = previous.extra["how"].get("region")
            if fig.region is not None and fig.kind == COUNT and (
                    places := _toll_of_a_breakdown(ctx, lex, fig, claims[:k], sent)):
                # "29 attacks in KP, 28 in Balochistan and two in Punjab, killing 84 people":
                # the toll of all the places' attacks, not the first place's or the last's.
                fig.region = places
                how["region"] = f"the places its list names ({region_name(lex, places)})"
            if previous is not None and previous.metric and fig.metric and (
                    fig.metric != previous.metric) and _repeats_the_head(ctx, lex, fig, previous):
                # "61 incidents of terrorism, compared to 47 incidents": the same measure.
                fig.metric = previous.metric
                how["metric"] = (f"the measure it is compared with "
                                 f"({text[previous.span_start:previous.span_end]}'s)")
            _apply_modifier(ctx, lex, fig, nxt)
            hurt = None
            if included_in is not None and fig.kind == COUNT and fig.metric in (
                    None, "militants") and (hurt := _hurt_base(lex, included_in.metric)):
                # "This figure included 300 terrorists and 90 soldiers": people among the dead
                # (or injured) just counted, whose own words name no measure.
                fig.metric = hurt
                how["metric"] = (f"the figure before that it is part of "
                                 f"({text[included_in.span_start:included_in.span_end]})")
            _compose_part(ctx, lex, fig, clause, prev_end, nxt, previous)
            if fig.metric is not None and (units := lex.metrics[fig.metric].units) and (
                    unit := P.MEASURE_UNIT_AFTER.match(text, fig.end)) and (
                    unit.group(0).strip().lower() not in units):
                # "1,950 grams of explosives": a weight in another unit than the measure's.
                fig.metric = None
                fig.extra["no_measure"] = True
                how["metric"] = (f"none: a quantity in {unit.group(0).strip()}, not the "
                                 f"measure's {units[0]}")
            if fig.kind == MONEY and fig.metric is not None:
                # "recovered Rs 412 million from terrorists": no measure figcheck knows counts
                # money, and an amount is never a count of the people or events near it.
                fig.metric = None
                fig.extra["no_measure"] = True
                how["metric"] = "none: an amount of money counts no people or events"
            if referred_group is not None and fig.kind in (COUNT, *CHANGE_KINDS) and (
                    fig.metric in ("deaths", "injured")) and (
                    part := lex.parts.get((fig.metric, referred_group))):
                fig.metric = part
                fig.extra["group"] = referred_group
                how["metric"] = (f"the {fig.metric.split('_', 1)[0]} of the attacks its sentence"
                                 " opens on, those the sentence before it named")
            if hurt is not None and fig.metric == hurt and included_in is not None and (
                    fig.region in (None, included_in.region)):
                # "... and 28 volunteers": a part whose people figcheck cannot name is no
                # count of all the dead (nor of any publisher's measure).
                fig.metric = None
                fig.extra["no_measure"] = True
                how["metric"] = (f"a part of "
                                 f"{text[included_in.span_start:included_in.span_end]} its words "
                                 "do not name")
            if fig.kind == COUNT and previous is not None and previous.kind == COUNT and (
                    previous.metric and fig.metric in (None, previous.metric)) and (
                    P.WHOLE_FIRST.match(text, sent[0], previous.span_start)):
                _part_after_its_whole(ctx, lex, fig, previous)
            elif fig.kind == COUNT and of_these is not None and fig.metric in (
                    None, "militants", of_these.metric) and _hurt_base(lex, of_these.metric):
                _part_after_its_whole(ctx, lex, fig, of_these)
            elif fig.kind == COUNT and opening_whole is not None and fig is not opening_whole \
                    and fig.metric in (None, "militants", opening_whole.metric) and _hurt_base(
                    lex, opening_whole.metric) and P.WERE_BEFORE_PEOPLE.match(text, fig.core_end):
                _part_after_its_whole(ctx, lex, fig, opening_whole)
            elif fig.kind == COUNT and opening_hurt is not None and fig.metric in (
                    None, "militants", opening_hurt[0]) and P.WERE_BEFORE_PEOPLE.match(
                    text, fig.core_end):
                _part_after_its_whole(ctx, lex, fig, opening_hurt)
            elif fig.kind == COUNT and opening_people is not None and (
                    fig.metric == opening_people[1]):
                # "Of the terrorists killed, 447 died in KP": the dead counted are those people.
                fig.metric = opening_people[0]
                how["metric"] = f"the people its sentence opens on ('{opening_people[2]}')"
            if fig.kind in (PERCENT, SHARE) and previous is not None and previous.kind == COUNT \
                    and previous.extra.get("group") and P.WHOLE_FIRST.match(
                        text, sent[0], previous.span_start):
                # "Of the 233 deaths linked to the BLA, 95% were soldiers": a share within a
                # group's toll, which no publisher's measure is (the group's share of all
                # deaths is another figure).
                fig.metric = None
                fig.extra["no_measure"] = True
                how["metric"] = (f"a share within {text[previous.span_start:previous.span_end]}"
                                 " (no measure of its own)")
            whole = claims[k + 1] if k + 1 < len(claims) else None
            if whole is not None and whole.kind == COUNT and (part_of := P.PART_OF_WHOLE.fullmatch(
                    text, fig.span_end, whole.span_start)):
                wholes.append((fig, whole))  # "620 of the 976 deaths"
                if part_of.group("owner") and (owner := _in(
                        ctx.regions, fig.span_end, whole.span_start)):
                    owned.append((fig, whole, owner[-1]))
            _bind_period(fig, sc, pub, ctx, owns.get(k), taken)
            if fig.kind in CHANGE_KINDS and previous is not None and previous.kind == COUNT and (
                    previous.period and len(previous.period) == 4 and previous.metric == fig.metric
                    and P.CHANGE_BESIDE_COUNT_GAP.fullmatch(text, previous.span_end,
                                                            fig.span_start)
                    and P.YEAR_BEFORE_AFTER.match(text, fig.span_end)):
                # "... recorded 512 deaths in 2022, an increase of 75% over the year before":
                # the change of the count it stands beside, against that count's year before.
                fig.period, fig.base_period = previous.period, str(int(previous.period) - 1)
                how["period"] = (f"the count it stands beside "
                                 f"({text[previous.span_start:previous.span_end]}), against the "
                                 "year before")
            if includes:
                _part_of_the_figure_before(text, fig, before_sentence[1],
                                           included_in if opening.group("noun") else None)
            if fig.kind in CHANGE_KINDS and "kind" not in how:
                head_change = fig
            fig.attributed_to = _bind_source(fig, sc)
            if fig.attributed_to:
                how["source"] = NAMED_IN_SENTENCE
            else:
                _carry_source(ctx, fig, idx, first_attributions)
            if fig.attributed_to is None and continued is not None:
                # "PIPS says 870 people were killed. Another 1,130 were injured."
                fig.attributed_to = continued.attributed_to
                how["source"] = (f"the sentence before, which it goes on from "
                                 f"('{continued.attributed_to}')")
            if previous is not None and previous.attributed_to and (
                    listed_by := _gapped_source(ctx, fig, previous)) is not None:
                # "PIPS counted 521 attacks, while PICSS recorded 905 and the Global Terrorism
                # Index 1,099"; "PIPS put the toll at 852, PICSS at 1,177 ...": each
                # publisher of a list its own figure, of the measure the list opened with.
                fig.attributed_to = listed_by
                how["source"] = "named right before it in a list of publishers"
                if previous.metric and fig.kind == previous.kind and fig.metric != previous.metric:
                    fig.metric = previous.metric
                    how["metric"] = (f"the list of publishers' figures it continues "
                                     f"({text[previous.span_start:previous.span_end]})")
            # The city named in the figure's clause or the words before it: read first, as
            # the clause after the figure lies within it (none there, none after it).
            wide = _local_place(ctx, lex, max(sent[0], clause[0] - LOCAL_PLACE_REACH),
                                clause[1]) if fig.region is None and not sc.groups else None
            if fig.region is None and (sc.groups or wide is None or _local_place(
                    ctx, lex, fig.span_end, clause[1]) is None):
                # (The city a figure's own clause names after it says more than "the
                # province" before.)
                _carry_region(ctx, lex, fig, idx)
            local = wide if fig.region is None and not sc.groups else None
            if local is not None:
                # "Peshawar saw 20 attacks": the city's, not the province's the article is
                # about (as that, PIPS's 295 for the province contradicted it).
                fig.extra["no_region"] = local
                how["region"] = f"none: a place figcheck holds no figures for ('{local}')"
            elif fig.region is None:
                _article_region(ctx, lex, fig)
            if each_of is not None:
                # "two each in Punjab and Sindh": two in each, not two in both together (4);
                # no one place has the figure as stated.
                fig.region = None
                fig.extra["no_region"] = each_of
                how["region"] = f"each of {region_name(lex, each_of)}, not one place"
            previous = fig
        for k in range(len(claims) - 1):
            a, b = claims[k], claims[k + 1]
            if (k not in owns and b.period and len(b.period) == 4
                    and a.metric == b.metric
                    and P.FROM_BEFORE.search(text, max(0, a.span_start - 6), a.span_start)
                    and P.TO_GAP.fullmatch(text, a.span_end, b.span_start)):
                # "deaths climbed from 539 to 976": the first level is the year before.
                a.period = str(int(b.period) - 1)
                a.extra["how"]["period"] = (f"the year before {text[b.span_start:b.span_end]}'s "
                                            f"(a change from one level to the other)")
            elif (k not in owns and k + 1 not in owns and a.period and a.period == b.period
                    and ctx.lead_period is not None and ctx.lead_period == _following(a.period)
                    and a.metric == b.metric
                    and P.FROM_BEFORE.search(text, max(0, a.span_start - 6), a.span_start)
                    and P.TO_GAP.fullmatch(text, a.span_end, b.span_start)):
                # "attacks increased from 14 to 23 as compared with December 2022", in an
                # article about January 2023: the month the sentence names is the level the
                # change starts from; the new level is the article's own month.
                b.period = ctx.lead_period
                b.extra["how"]["period"] = (
                    f"the article's opening ({_label(b.period)}), the month after "
                    f"{text[a.span_start:a.span_end]}'s")
            elif (k not in owns and k + 1 not in owns and a.period and a.period == b.period
                    and a.metric == b.metric
                    and P.FROM_BEFORE.search(text, max(0, a.span_start - 6), a.span_start)
                    and P.TO_GAP.fullmatch(text, a.span_end, b.span_start)
                    and (base := next((r for r in sc.bases if _following(r.period) == a.period),
                                      None)) is not None):
                # The same, where the month compared with is read as the base it is: the
                # first level is that month's, the second the period both were dated to.
                a.period = base.period
                a.extra["how"]["period"] = (f"the base the sentence names ({base.how}), where "
                                            f"the change from one level to the other starts")
        # The sentence-wide passes below, each run only where it can apply: most sentences
        # hold one or two figures and no change, and the passes' calls and walks cost more
        # than their rules (each pass's first test, taken out: the figures it reads, and of
        # which kinds; only ``_respectively`` changes a kind, to one already present).
        kinds = {f.kind for f in claims}
        several = len(claims) > 1
        counts = COUNT in kinds
        changes = CHANGE in kinds
        any_change = changes or POINTS in kinds
        if several:
            _same_span_this_year(text, claims)
        if len(claims) > 3:  # (two lists of at least two)
            _from_to_lists(text, claims, {r.period for r in sc.plain} | {ctx.lead_period})
        if several:
            _respectively(ctx, lex, claims, sent)
            _respectively_places_and_times(ctx, lex, claims, sc, sent)
            _placed_by_their_attacks(ctx, lex, claims)
        if changes:
            _change_measured_by_its_counts(text, claims)
        if any_change:
            _guessed_change_measures(ctx, claims)
            _changes_of_two_measures(ctx, claims, sent)
            _changes_of_unknown_measures(ctx, claims)
        if changes:
            _change_given_by_counts_around(ctx, claims)
            _counts_of_a_part_change(text, lex, claims)
        if several:
            _bracketed_shares(text, claims)
        if counts or RANGE in kinds:
            _rates(lex, text, claims)
        if counts:
            _counts_of_places(text, claims)
        if changes or PERCENT in kinds or SHARE in kinds:
            _comparisons(text, claims)
        if counts:
            _differences(text, claims)
        _earlier_statements(text, claims)
        if counts:
            _such_events(ctx, lex, claims, idx)
        if several:
            _hurt_of_a_kind(ctx, lex, claims)
        if counts:
            _tolls_of_the_people_a_year_was_worst_for(ctx, lex, claims, sent)
            _toll_of_one_event(ctx, claims, sent)
        for part, whole, owner in owned:
            _owned_whole(ctx, lex, part, whole, owner, sent)
        for part, whole in wholes:
            if part.metric is None and (named := _part_named_before(ctx, lex, part, whole,
                                                                    sent)) is not None:
                # "civilian deaths grew as a share, accounting for 118 out of 263": the
                # part's people are the sentence's subject.
                part.metric = named
                part.extra["how"]["metric"] = "the part of the whole the sentence speaks of"
                after = claims.index(whole) + 1
                share = claims[after] if after < len(claims) else None
                if share is not None and share.kind in (PERCENT, SHARE) and (
                        P.SHARE_AFTER_WHOLE_GAP.fullmatch(text, whole.span_end,
                                                         share.span_start)):
                    # "... 118 out of 263 fatalities, over 44pc": the part's share.
                    share.metric = named
                    share.extra["how"]["metric"] = (
                        f"the share of {text[part.span_start:whole.span_end]}")
            # The whole of a share is counted over the part's larger place.
            part.metric = part.metric or whole.metric
            outer = lex.region_parent.get((part.region or "").split("+")[0])
            if part.region and whole.region == part.region and outer:
                whole.region = outer
                whole.extra["how"]["region"] = (
                    f"the whole that {text[part.span_start:part.span_end]} is part of "
                    f"({region_name(lex, outer)})")
            elif part.metric == whole.metric and part.region in (None, whole.region):
                # "45 of the 287 people killed were children": a part whose own words name
                # neither its people nor its place is not the whole's measure (compared with
                # the publisher's total, it would be a false alarm).
                part.metric = None
                part.extra["no_measure"] = True
                part.extra["how"]["metric"] = (
                    f"a part of {text[whole.span_start:whole.span_end]} its words do not name")

        before_sentence = (ctx.sentence_ranks[idx], claims)
        _note_place_change(ctx, idx, claims)
        told = False
        # "1,524 lives in 2023, up 56pc on the 980 of 2022": the count dated as the
        # comparison's base is its base, not the period the story goes on telling.
        compared_bases = {f.base_period for f in claims
                          if f.kind in CHANGE_KINDS and f.base_period and f.period}
        for fig in claims:
            fig.population_read = None  # asked only while the sentence is bound (memory)
            claimed.append((fig, _sentence_text(text, sent, sentence, fig)))
            said = fig.extra.get("how", {}).get("period", "")
            if fig.kind != DATE and fig.period and len(fig.period) != 10 and (
                    said.startswith(("the sentence", "its own"))) and not (
                    fig.kind not in CHANGE_KINDS and fig.period in compared_bases):
                ctx.story_period = fig.period
                if fig.kind in CHANGE_KINDS and fig.base_period:
                    ctx.story_change = (fig.period, fig.base_period)
                if not lead_cut_checked and ctx.facts is not None and (
                        sent[0] < ctx.facts.lead[1]) and _cuts_running(
                        ctx.lead_period, fig.period, pub):
                    # "470 attacks this year ... in the first seven months": the opening's
                    # count is of the seven months, and so are the figures that follow.
                    ctx.lead_period = fig.period
            # Only the opening's first figure can cut it ("... in 2024, with 40 in January").
            lead_cut_checked = lead_cut_checked or fig.kind != DATE
            if fig.kind != DATE and fig.period and len(fig.period) != 10 and not told:
                # The sentence's first figure is its subject ("48 attacks in October, as
                # compared to 45 the month before"): "These attacks" are the 48.
                ctx.last_period, told = fig.period, True

    if not claimed:
        return {} if columns else empty(C)
    _stated_in_next_sentence(ctx, lex, by_sentence, pub)
    claimed.sort(key=lambda pair: (pair[0].span_start, pair[0].span_end))
    _restated_sources([fig for fig, _ in claimed], text)
    # Before the local names are resolved: "the CTD" carried on is the CTD of the figure's place.
    _tables(ctx, lex, [fig for fig, _ in claimed])
    _revised_figures(text, [fig for fig, _ in claimed])
    _casualties_summed(ctx, [fig for fig, _ in claimed])
    _source_lines(ctx, [fig for fig, _ in claimed])
    _headline_credit(ctx, [fig for fig, _ in claimed])
    _place_labels(ctx, [fig for fig, _ in claimed])
    _credited_after(ctx, [fig for fig, _ in claimed])
    _article_sources(ctx, lex, [fig for fig, _ in claimed], pub)
    if lex.local_sources:
        _resolve_local_sources([fig for fig, _ in claimed], lex)
    for fig, _ in claimed:
        if fig.region is None and fig.kind != DATE and fig.attributed_to and not (
                fig.extra.get("no_region")):
            # A source found only now (the article's, carried) still places a figure its
            # text does not: "That the security forces lost 664 personnel" in an editorial
            # on a PICSS report is Pakistan's, as PICSS counts it.
            _article_region(ctx, lex, fig)
    for fig, _ in claimed:
        if fig.attributed_to in lex.worldwide_sources and str(
                fig.extra["how"].get("region", "")).startswith("the article's"):
            # "GTI: ... the number of attacks fell 22 per cent to 3,350": the index counts
            # the world, so the article's country is only figcheck's guess for this figure.
            fig.extra["how"]["region"] += f", though {fig.attributed_to} {COUNTS_THE_WORLD}"
    if lex.source_means:
        for fig, _ in claimed:
            # "605 incidents, the KP police said": the police's incidents are attacks.
            meant = lex.source_means.get(fig.attributed_to or "", {}).get(fig.metric or "")
            if meant:
                fig.metric = meant
    if lex.region_rest:  # once measures and sources are final
        _rest_of_a_region([fig for fig, _ in claimed], lex, ctx)
    if columns:
        return _columns(text, article_id, claimed)
    table = _table(text, article_id, claimed)
    return validate(C, table, "claims") if validate_schema else table


# The sentences (headline included) that open a story on a report and name its publisher:
# an inverted-pyramid story says whose figures it tells at once.
OPENING_SENTENCES = 4


def _part_named_before(ctx: _Context, lex: Lexicon, part: _Figure, whole: _Figure,
                       sent: tuple[int, int]) -> str | None:
    """The part of the whole's measure named earlier in the sentence, with no figure between
    ("civilian deaths grew as a share, accounting for 118 out of 263 fatalities"), or None."""
    base = _hurt_base(lex, whole.metric)
    if base is None or whole.metric != base:
        return None
    k = bisect_left(ctx.metric_starts, part.span_start) - 1
    while k >= 0 and ctx.metrics[k][0] >= sent[0]:
        metric = ctx.metrics[k][2]
        if metric != base and _hurt_base(lex, metric) == base:
            between = ctx.text[ctx.metrics[k][1]:part.span_start]
            return None if P.DIGIT.search(between) else metric
        k -= 1
    return None


RATE_REACH = 60  # characters after a count where a "per day" may make it a rate
# Words one of which RATE_AFTER needs (lower-cased): "per", the time units, "daily", "basis".
_RATE_HINTS = ("per ", "day", "week", "month", "year", "hour", "fortnight", "basis")


def _comparisons(text: str, claims: list[_Figure]) -> None:
    """A percent "more than" or "fewer than" something ("60 attacks in May, 20 percent more
    than in April", "30 percent fewer deaths than Sindh") compares two figures: it is no
    share of anything, and read as one it was contradicted by a publisher's share. Which
    change it gives depends on what it is compared with, so its measure is left unbound."""
    for fig in claims:
        if fig.kind in (PERCENT, SHARE) and fig.metric is not None:
            found = P.COMPARISON_AFTER.match(text, fig.span_end)
        elif fig.kind == CHANGE and fig.metric is not None and (
                P.ENDS_IN_COMPARATIVE.search(text, fig.span_start, fig.span_end)) and (
                than := P.THAN_WORDS_AFTER.match(text, fig.span_end)) is not None and (
                not P.THAN_A_TIME.match(text, than.end())):
            # "30 percent more attacks than Balochistan": a difference between two places
            # or groups, no change in time (a change from "the month before" stays one).
            found = than
        else:
            continue
        if found is None:
            continue
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra["how"]["metric"] = (f"none: a comparison ('{found.group(0).strip()}'), "
                                      f"not a {'change in time' if fig.kind == CHANGE else 'share'}")


def _differences(text: str, claims: list[_Figure]) -> None:
    """A count after a change noun ("an increase of 13 and 31 fatalities, respectively",
    "a drop of 40 attacks") is the difference between two levels, no tally of its period:
    compared with a publisher's count it would be a false alarm. Its measure, and that of
    the items listed with it, is left unbound, saying why."""
    counts = [f for f in claims if f.kind != DATE]
    for k, fig in enumerate(counts):
        if fig.kind != COUNT or not P.may_end_in_word_or_hedge(
                text[max(0, fig.span_start - 40):fig.span_start], "of"):
            continue
        noun = P.CHANGE_NOUN_BEFORE.search(text, max(0, fig.span_start - 40), fig.span_start)
        if noun is None:
            continue
        listed = [fig]
        while k + 1 < len(counts) and counts[k + 1].kind == COUNT and P.LIST_SEPARATOR.fullmatch(
                text, counts[k].span_end, counts[k + 1].span_start):
            k += 1
            listed.append(counts[k])
        for item in listed:
            item.metric = None
            item.extra["no_measure"] = True
            item.extra["how"]["metric"] = (f"none: a difference ('{noun.group(0).strip()} ...'),"
                                           " not a tally of its period")


def _table_cells(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """The cells of a pipe-table line, as spans between its bars."""
    bars = [line[0] + i for i, ch in enumerate(text[line[0]:line[1]]) if ch == "|"]
    return [(a + 1, b) for a, b in pairwise(bars)]


def _tables(ctx: _Context, lex: Lexicon, figs: list[_Figure]) -> None:
    """Figures in the body of a Markdown pipe table take what its header row and its first
    column name: the measure ("| Year | Attacks | Deaths |"), the place, the year of a
    column; and the source the line that introduces the table names ("PIPS publishes an
    annual report. Its headline figures: ..."). A table's numbers are otherwise words apart
    from every noun that says what they count."""
    text = ctx.text
    if "|" not in text:
        return
    lines = [m.span() for m in P.TABLE_LINE.finditer(text)]
    blocks: list[list[tuple[int, int]]] = []
    for span in lines:
        if blocks and text[blocks[-1][-1][1]:span[0]] in ("\n", "\r\n"):  # a blank line ends one
            blocks[-1].append(span)
        else:
            blocks.append([span])
    starts = [f.span_start for f in figs]
    for block in blocks:
        if len(block) < 3 or not P.TABLE_RULE.fullmatch(text, *block[1]):
            continue
        header = _table_cells(text, block[0])
        source = _table_source(ctx, block[0][0])
        for row in block[2:]:
            cells = _table_cells(text, row)
            if len(cells) != len(header):
                continue
            label = cells[0]
            for i, cell in enumerate(cells):
                for fig in figs[bisect_left(starts, cell[0]):bisect_left(starts, cell[1])]:
                    if fig.kind == DATE or i == 0:
                        continue
                    how = fig.extra["how"]
                    named = [m for m in _metrics_in(ctx, *header[i])
                             if lex.metrics[m[2]].countable] or [
                        m for m in _metrics_in(ctx, *label) if lex.metrics[m[2]].countable]
                    if fig.metric is None and named:
                        fig.metric = named[-1][2]
                        how["metric"] = (f"its table's column or row "
                                         f"('{text[slice(*named[-1][:2])]}')")
                    place = _in(ctx.regions, *label) or _in(ctx.regions, *header[i])
                    if place and fig.region != place[-1][2]:
                        fig.region = place[-1][2]
                        how["region"] = (f"its table's row or column "
                                         f"('{text[slice(*place[-1][:2])]}')")
                    year = P.YEAR_CELL.fullmatch(text, *header[i])
                    if year is not None and fig.period != year.group(1):
                        # "| Measure | 2023 | 2024 |": each column a year.
                        fig.period, fig.base_period = year.group(1), None
                        how["period"] = f"its table's column ('{year.group(1)}')"
                    if source and not fig.attributed_to:
                        fig.attributed_to = source
                        how["source"] = f"named where the table is introduced ('{source}')"


def _source_lines(ctx: _Context, figs: list[_Figure]) -> None:
    """A line that names the figures' source after them ("Source: Pak Institute for Peace
    Studies monthly security report.", as bulletins and fact boxes end) is the source of
    the figures above it, back to the previous such line, that none is given for."""
    if "ource" not in ctx.text:
        return
    starts = [f.span_start for f in figs]  # (figures come in text order)
    lo = 0
    for line in P.SOURCE_LINE.finditer(ctx.text):
        end = ctx.text.find("\n", line.end())
        named = _in(ctx.sources, line.end(), end if end >= 0 else len(ctx.text))
        if not named:
            continue
        name = named[0][2]
        for fig in figs[bisect_left(starts, lo):bisect_left(starts, line.start())]:
            if not fig.attributed_to and fig.kind != DATE:
                fig.attributed_to = name
                fig.extra["how"]["source"] = f"the source line after the figures ('{name}')"
        lo = line.end()


PLACE_LABEL_REACH = 200  # characters back from a figure where its line's label is sought


HEADLINE_REACH = 200  # characters of a first line that can be a headline


def _headline_credit(ctx: _Context, figs: list[_Figure]) -> None:
    """A headline that ends on its source ("Militancy claimed 2,546 lives in 2024: CRSS",
    "Attacks rise 27pc - PIPS") credits the figures it states to it."""
    text = ctx.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if end > HEADLINE_REACH or P.SENTENCE_END_IN.search(text, 0, end):
        return
    credit = [(s, e, name) for s, e, name in _in(ctx.sources, 0, end)
              if P.CREDIT_BEFORE.search(text, max(0, s - 3), s) and P.LINE_END.match(text, e)]
    if not credit:
        return
    name = credit[-1][2]
    for fig in figs:
        if fig.span_end <= credit[-1][0] and not fig.attributed_to and fig.kind != DATE:
            fig.attributed_to = name
            fig.extra["how"]["source"] = f"the headline's credit ('{name}')"


def _place_labels(ctx: _Context, figs: list[_Figure]) -> None:
    """A place set as the label of a line or list item ("- Khyber Pakhtunkhwa: 27 attacks,
    35 deaths") is the place of the item's figures."""
    text = ctx.text
    for fig in figs:
        if fig.kind == DATE:
            continue
        # (A label line is short: the look-back is bounded, so a run-on line costs no more.)
        lo = max(0, fig.span_start - PLACE_LABEL_REACH)
        start = text.rfind("\n", lo, fig.span_start) + 1
        if start == 0 and lo > 0:
            continue
        colon = text.find(":", start, fig.span_start)
        if colon < 0:
            continue
        label = _in(ctx.regions, start, colon)
        if label and P.PLACE_LABEL_START.fullmatch(text, start, label[0][0]) and (
                not text[label[-1][1]:colon].strip()) and fig.region != label[-1][2]:
            fig.region = label[-1][2]
            fig.extra["how"]["region"] = (f"the label of its line "
                                          f"('{text[label[-1][0]:label[-1][1]]}')")


def _table_source(ctx: _Context, start: int) -> str | None:
    """The source the paragraph right before a table names, when it introduces the table
    (ends with a colon); None otherwise."""
    reach = max(0, start - TABLE_INTRO_REACH)
    intro_end = reach + len(ctx.text[reach:start].rstrip())  # the blank line before the table
    if not ctx.text.startswith(":", intro_end - 1):
        return None
    paragraph = ctx.text.rfind("\n\n", reach, intro_end)
    lo = paragraph if paragraph >= 0 else reach
    k = bisect_left(ctx.named_pos, start) - 1
    return ctx.named[k][1] if k >= 0 and ctx.named[k][0] >= lo else None


TABLE_INTRO_REACH = 400  # characters before a table where the paragraph introducing it is read


def _owned_whole(ctx: _Context, lex: Lexicon, part: _Figure, whole: _Figure,
                 owner: tuple[int, int, str], sent: tuple[int, int]) -> None:
    """"KP accounted for 295 of the country's 521 attacks": the whole is counted in the
    place that owns it (the country), the part in the place the sentence names before it
    (KP), however the two were bound alone."""
    how = whole.extra["how"]
    whole.region = owner[2]
    how["region"] = f"the place that owns it ('{ctx.text[owner[0]:owner[1]]}')"
    if part.region == owner[2] or part.region is None:
        others = [r for r in _in(ctx.regions, sent[0], part.span_start) if r[2] != owner[2]]
        if others:
            part.region = others[-1][2]
            part.extra["how"]["region"] = (f"the place its sentence names, a part of "
                                           f"{region_name(lex, owner[2])}")


REVISED_REACH = 400  # characters back from "revised that figure to N" where that figure is


def _revised_figures(text: str, figs: list[_Figure]) -> None:
    """"The index counted 490 incidents in 2023. A year later, the 2025 edition revised that
    figure to 517": the figure revised is an earlier statement (compared with the revised
    edition, a false alarm), left unbound with the reason; the revision is that figure's
    measure, place, period and source, now."""
    if "revis" not in text:
        return
    for k, fig in enumerate(figs):
        if fig.kind != COUNT or not _may_end_in(
                text, max(0, fig.span_start - 60), fig.span_start, ("to",)) or not (
                P.REVISED_TO_BEFORE.search(text, max(0, fig.span_start - 60), fig.span_start)):
            continue
        earlier = next((f for f in reversed(figs[:k]) if f.kind == COUNT and f.metric
                        and fig.span_start - f.span_end <= REVISED_REACH), None)
        if earlier is None:
            continue
        words = text[earlier.span_start:earlier.span_end]
        if fig.metric is None:
            fig.metric, fig.period = earlier.metric, earlier.period
            fig.region = fig.region or earlier.region
            fig.attributed_to = fig.attributed_to or earlier.attributed_to
            fig.extra["how"]["metric"] = f"the figure it revises ({words})"
            fig.extra["how"]["period"] = f"the figure it revises ({words})"
        earlier.metric = None
        earlier.extra["no_measure"] = True
        earlier.extra["how"]["metric"] = (f"none: a figure since revised (to "
                                          f"{text[fig.span_start:fig.span_end]}), not the "
                                          "publisher's current one")


CASUALTIES_SUM_REACH = 1  # sentences either side where a count of casualties' parts is looked for
CASUALTIES_HEDGE_SLACK = 0.02  # how far from the sum a hedged casualty total may be rounded


def _casualties_summed(ctx: _Context, figs: list[_Figure]) -> None:
    """"812 people were killed and 1,140 injured, a total of 1,952 casualties": casualties
    that are the sum of the dead and the injured told beside them (same place and period)
    are the killed or injured (``killed_or_injured``), not deaths, as publishers that count
    casualties mean them; so then are the article's other "<N> casualties". Only an article
    that shows such a sum is read so."""
    text = ctx.text
    if "asualt" not in text:
        return
    counts = sorted((f for f in figs if f.kind == COUNT and f.value is not None
                     and f.low is None and f.high is None), key=_START)
    # Sentence ranks, in text order: the counts beside one are a slice (bisected), so that
    # a long text's thousands of counts are not all compared with each other.
    ranks = [ctx.sentence_ranks[max(0, bisect_right(ctx.sentence_starts, f.start) - 1)]
             for f in counts]
    summed = False
    for fig, r in zip(counts, ranks, strict=True):
        if fig.metric != "deaths" or not P.CASUALTY_WORD.search(
                text, max(0, fig.span_start - 40), min(len(text), fig.span_end + 30)):
            continue
        beside = counts[bisect_left(ranks, r - CASUALTIES_SUM_REACH):
                        bisect_right(ranks, r + CASUALTIES_SUM_REACH)]
        near = [f for f in beside if f is not fig and f.region == fig.region
                and f.period == fig.period]
        dead = [f.value for f in near if f.metric == "deaths"]
        hurt = [f.value for f in near if f.metric == "injured"]
        # (A hedged total rounds the sum: "nearly 3,000 casualties" for 1,610 + 1,370.)
        slack = CASUALTIES_HEDGE_SLACK * fig.value if fig.qualifier else 0.0
        if any(abs(fig.value - d - h) <= slack for d in dead for h in hurt):
            fig.metric = "killed_or_injured"
            fig.extra["how"]["metric"] = ("the killed and the injured: its casualties are the sum "
                                          "of the deaths and injuries told beside it")
            summed = True
    if not summed:
        return
    # "420 casualties were reported, as compared to 150 casualties the quarter before": an
    # article that adds its casualties up once means the same by the word throughout.
    for fig in counts:
        if fig.metric == "deaths" and P.CASUALTIES_AFTER.match(text, fig.span_end):
            fig.metric = "killed_or_injured"
            fig.extra["how"]["metric"] = ("the killed and the injured: the article's casualties, "
                                          "which it adds up elsewhere")


def _earlier_statements(text: str, claims: list[_Figure]) -> None:
    """A figure the text gives as one its publisher stated before and has since revised
    ("revised its count to 2,555, up from the 2,546 it reported earlier", "its initial
    estimate of 600"): compared with the revised figure it would be a false alarm, and the
    revised edition is the one figcheck holds. Its measure is left unbound, saying why."""
    for fig in claims:
        if fig.kind == DATE or fig.metric is None:
            continue
        lo = max(0, fig.span_start - 40)
        said = P.STATED_EARLIER_AFTER.match(text, fig.span_end) or (
            P.STATED_EARLIER_BEFORE.search(text, lo, fig.span_start)
            if _may_end_in(text, lo, fig.span_start, _EARLIER_FIGURE_ENDS) else None)
        if said is None:
            continue
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra["how"]["metric"] = (f"none: a figure since revised ('{said.group(0).strip()}')"
                                      ", not the publisher's current one")


def _such_events(ctx: _Context, lex: Lexicon, claims: list[_Figure], idx: int) -> None:
    """"PICSS recorded 21 such attacks in January, claiming 10 lives": "such" takes up the
    kind of event the sentence before described ("attacks on election rallies"), a part of
    all attacks. The count measures that kind where the vocabulary has it (the sentence
    before spoke of suicide attacks), and so do the dead and injured it goes on to count;
    otherwise its measure, and that of the dead and
    injured it goes on to count, is left unbound, saying why: compared with the month's
    total it would be a false alarm. ("623 militant attacks, against 380 such attacks in
    2022": a kind its own sentence named before it is kept.)"""
    text = ctx.text
    sent = ctx.sentences[idx]
    for k, fig in enumerate(claims):
        if fig.kind != COUNT or fig.metric is None or not lex.metrics[fig.metric].event:
            continue
        such = P.SUCH_EVENTS_AFTER.match(text, fig.span_end, sent[1])
        if such is None or any(lex.metrics[m].event for _s, _e, m in _in(
                ctx.metrics, sent[0], fig.span_start)):
            continue
        prev = idx - 1
        while prev > 0 and text[slice(*ctx.sentences[prev])].isspace():
            prev -= 1
        before = [m for _s, _e, m in _metrics_in(ctx, *ctx.sentences[prev])
                  if lex.metrics[m].event] if prev >= 0 and prev != idx else []
        words = such.group(0).strip()
        # The modifier that makes the kind a part of all such events ("suicide": suicide
        # attacks), for the parts of the dead and injured counted with it: the kind already
        # read (``_such_kind``: "suicide attacks ... 26 such attacks"), else the one before.
        kind = next((mod for (_base, mod), part in lex.parts.items() if part == fig.metric),
                    None)
        if kind is None:
            kind = next((mod for (base, mod), part in lex.parts.items()
                         if before and base == fig.metric and part == before[-1]), None)
            if kind is not None:
                fig.metric = before[-1]
                fig.extra["how"]["metric"] = (f"the kind of event the sentence before names "
                                              f"('{words}')")
        if kind is None:
            fig.metric = None
            fig.extra["no_measure"] = True
            fig.extra["how"]["metric"] = (f"none: '{words}', the kind of event the sentence "
                                          "before describes, a part of all of them")
        for other in claims[k + 1:]:
            if other.kind == DATE:
                continue
            if other.metric not in ("deaths", "injured"):
                break
            part = lex.parts.get((other.metric, kind)) if kind is not None else None
            if part is not None:
                other.metric = part
                other.extra["how"]["metric"] = f"the dead or injured of '{words}'"
            else:
                other.metric = None
                other.extra["no_measure"] = True
                other.extra["how"]["metric"] = f"none: the dead or injured of '{words}'"


def _counts_of_places(text: str, claims: list[_Figure]) -> None:
    """A count of places ("48 attacks were reported across 28 districts in four provinces",
    "66 countries recorded an attack") counts the places, not the events its sentence names:
    compared with the month's 48 attacks it would be a false alarm. Its measure is left
    unbound, saying why."""
    for fig in claims:
        if fig.kind != COUNT or fig.metric is None:
            continue
        places = P.PLACE_UNITS_AFTER.match(text, fig.core_end)
        if places is None:
            continue
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra["how"]["metric"] = f"none: a count of places ('{places.group(0).strip()}')"


RESULT_LINK_AFTER = 20  # characters after a change where "in resultant deaths" is read


def _tolls_of_the_people_a_year_was_worst_for(ctx: _Context, lex: Lexicon,
                                              claims: list[_Figure],
                                              sent: tuple[int, int]) -> None:
    """"2024 was the deadliest year for security forces in a decade, with at least 685
    fatalities and 444 terror attacks"; "With over 500 fatalities and 299 terror attacks
    suffered, 2023 was the deadliest year for security forces": the counts told "with" the
    people a time was worst for are those people's (their dead: deaths of security
    personnel), and a count the vocabulary has no such part for (the attacks they
    suffered) is left unbound, saying why: compared with all deaths or attacks they would
    be a false alarm."""
    text = ctx.text
    if not P.holds_any(text, *sent, P.WORST_FOR_WORDS):
        return
    frame = P.WORST_FOR.search(text, *sent)
    if frame is None:
        return
    k = bisect_left(ctx.populations, frame.end(), key=_FIRST)
    if k == len(ctx.populations) or ctx.populations[k][0] != frame.end():
        return
    p_start, p_end = ctx.populations[k][0], ctx.populations[k][1]
    j = bisect_left(ctx.metric_starts, p_start)
    if j < len(ctx.metrics) and ctx.metrics[j][0] <= p_end + 1 and not text[
            p_end:max(p_end, ctx.metrics[j][0])].strip():
        return  # "the deadliest month for militant attacks": a kind of event, not people
    people, words = ctx.populations[k][2], text[frame.start():ctx.populations[k][1]]
    for fig in claims:
        if fig.kind != COUNT or fig.metric not in ("deaths", "injured", "attacks") or not (
                P.WITH_LIST_BEFORE.search(text, max(sent[0], fig.span_start - 60),
                                          fig.span_start)):
            continue
        part = lex.parts.get((fig.metric, people))
        if part is not None:
            fig.metric = part
            fig.extra["how"]["metric"] = f"the people the sentence tells of ('{words}')"
        else:
            label = lex.metrics[fig.metric].label
            fig.metric = None
            fig.extra["no_measure"] = True
            fig.extra["how"]["metric"] = (f"none: the {label} of the people the sentence tells "
                                          f"of ('{words}'), a part figcheck has no measure for")


_EVENT_PART_MODIFIERS: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _event_part_modifiers(lex: Lexicon) -> dict[str, str]:
    """Each part of an event measure and the modifier that makes it ("suicide_attacks":
    "suicide"), read once per lexicon (per claim, the walk over ``lex.parts`` cost more
    than the rule it serves)."""
    held = _EVENT_PART_MODIFIERS.get(id(lex))
    if held is None or held[0] is not lex:
        held = (lex, {part: mod for (base, mod), part in lex.parts.items()
                      if lex.metrics[base].event})
        _EVENT_PART_MODIFIERS[id(lex)] = held
    return held[1]


def _toll_of_one_event(ctx: _Context, claims: list[_Figure], sent: tuple[int, int]) -> None:
    """The dead and injured of the one event a sentence names as such ("The only suicide
    attack of the month was reported from Kech, where eight people were killed") are that
    event's toll, no period's or place's total: compared with the month's deaths in the
    province they would be a false alarm. Their measure is left unbound, saying why."""
    text = ctx.text
    if not P.holds_any(text, *sent, P.ONE_EVENT_WORDS):
        return
    for fig in claims:
        if fig.kind != COUNT or fig.metric not in ("deaths", "injured"):
            continue
        one = P.ONE_EVENT_TOLL_BEFORE.search(text, max(sent[0], fig.span_start - 220),
                                             fig.span_start)
        if one is None:
            continue
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra.setdefault("how", {})["metric"] = (
            f"the toll of one event ('{' '.join(one.group('event').split())}'), no total")


def _hurt_of_a_kind(ctx: _Context, lex: Lexicon, claims: list[_Figure]) -> None:
    """The dead and injured a sentence counts as the result of a kind of event it counted
    before them ("15 suicide attacks were logged in 2022, leading to 101 deaths and 290
    injuries"; "a 93 pc increase in suicide attacks, a 226 pc rise in resultant deaths")
    are that kind's (deaths in suicide attacks), where the vocabulary has the part:
    compared with all deaths they would be a false alarm."""
    text = ctx.text
    kinds = _event_part_modifiers(lex)
    kind: str | None = None  # the modifier of the last kind of event counted ("suicide")
    for fig in claims:
        if fig.kind == DATE or fig.metric is None:
            continue
        mod = kinds.get(fig.metric)
        if mod is not None:
            kind, kind_end = mod, fig.span_end
            continue
        if kind is None or fig.metric not in ("deaths", "injured"):
            if fig.metric is not None and lex.metrics[fig.metric].event:
                kind = None  # another kind of event: what follows is its
            continue
        part = lex.parts.get((fig.metric, kind))
        # (The link may follow a change's words: "a 226 pc rise in resultant deaths".)
        if part is None or not P.RESULT_LINK.search(
                text, kind_end, fig.span_end + (RESULT_LINK_AFTER if fig.kind in CHANGE_KINDS
                                                else 0)):
            continue
        fig.metric = part
        fig.extra.setdefault("how", {})["metric"] = (
            f"the {lex.metrics[part].label} its sentence counts as a result of them")


def _rate_metrics(lex: Lexicon) -> set[str]:
    """The measures the vocabulary makes of a rate phrase ("per day" -> operations a day)."""
    return {mid for phrase, mid in lex.modifier_by_phrase.items()
            if P.RATE_AFTER.match(" x " + phrase)}


def _rates(lex: Lexicon, text: str, claims: list[_Figure]) -> None:
    """A count stated as a rate ("1.4 attacks per day", "an average of 45 attacks a month")
    measures no tally of its period: compared with a year's 521 attacks it would be a false
    alarm. Its measure is left unbound, saying why, unless the vocabulary has that rate as a
    measure of its own (operations a day, as the military states them)."""
    subject_rate: tuple[_Figure, str] | None = None  # a rate its subject names, and its words
    for fig in claims:
        if fig.kind not in (COUNT, RANGE) or fig.metric is None:
            continue
        if subject_rate is not None and fig.metric == subject_rate[0].extra.get("rate_of") and (
                P.NEXT_LEVEL_GAP.fullmatch(text, subject_rate[0].span_end, fig.span_start)):
            # "... rose from 16 in 2020 to 25 in 2021": the other level of that rate.
            fig.extra["rate_of"] = fig.metric  # (a third level may follow: "..., 25 and 31")
            fig.metric = None
            fig.extra["no_measure"] = True
            fig.extra["how"]["metric"] = (f"none: a rate ('{subject_rate[1]}'), not a tally of "
                                          "its period")
            subject_rate = (fig, subject_rate[1])
            continue
        # Most counts have no rate word near them: a substring test first (the patterns try
        # several word counts at each place).
        end = min(len(text), fig.span_end + RATE_REACH)
        window = text[fig.span_end:end].lower()
        after = P.RATE_AFTER.match(text, fig.span_end, end) if any(
            hint in window for hint in _RATE_HINTS) else None
        lo = max(0, fig.span_start - 30)
        before = P.AVERAGE_BEFORE.search(text, lo, fig.span_start) if (
            "verag" in text[lo:fig.span_start]) else None
        far = max(0, fig.span_start - 160)
        subject = None
        if before is None and after is None and text.find("verag", far, fig.span_start) >= 0:
            before = subject = P.RATE_SUBJECT_BEFORE.search(text, far, fig.span_start)
        if (after is None and before is None) or fig.metric in _rate_metrics(lex):
            continue
        words = " ".join((after.group(0) if after else before.group(
            "rate" if subject is not None else 0)).split())
        if subject is not None:
            fig.extra["rate_of"] = fig.metric
            subject_rate = (fig, words)
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra["how"]["metric"] = f"none: a rate ('{words}'), not a tally of its period"


def _bracketed_shares(text: str, claims: list[_Figure]) -> None:
    """A percentage in brackets right after a count is that count's share of the whole:
    "388 (61 per cent) were those of the militants" measures what 388 measures, the militants'
    deaths, whatever words stand nearer the percentage; so is one in apposition ("1,612 of
    the fatalities, over 63 percent,"), and a change apposed after that share ("558 deaths to
    the TTP, 52 percent of the total and a 90 percent jump")."""
    for i, (count, share) in enumerate(pairwise(claims)):
        if not (count.kind == COUNT and count.metric and share.kind in (PERCENT, SHARE)):
            continue
        if share.metric != count.metric and P.BRACKET_OPEN_GAP.fullmatch(
                text, count.span_end, share.span_start) and (
                P.BRACKET_CLOSE.match(text, share.span_end)):
            share.metric = count.metric
            share.extra["how"]["metric"] = (
                f"the count it is bracketed after ({text[count.span_start:count.span_end]})")
        elif (share.metric, share.region) != (count.metric, count.region) and (
                share.kind == PERCENT or share.metric is None) and P.APPOSED_SHARE_GAP.fullmatch(
                text, count.span_end, share.span_start) and P.APPOSED_SHARE_END.match(
                text, share.span_end):
            # "1,612 of the fatalities, over 63 percent": the share of what it follows.
            share.metric = count.metric
            share.extra["how"]["metric"] = (
                f"the count it stands beside ({text[count.span_start:count.span_end]})")
            if count.region and share.region != count.region:
                share.region = count.region
                share.extra["how"]["region"] = share.extra["how"]["metric"]
            change = claims[i + 2] if i + 2 < len(claims) else None
            if change is not None and change.kind in CHANGE_KINDS and change.metric is None and (
                    P.APPOSED_CHANGE_GAP.fullmatch(text, share.span_end, change.span_start)):
                change.metric = count.metric
                change.extra["how"]["metric"] = share.extra["how"]["metric"]


CHANGE_COUNTS_REACH = 6  # figures after a change where the counts that give it are sought


def _change_measured_by_its_counts(text: str, claims: list[_Figure]) -> None:
    """A change that names no measure is a change in what two later counts of its sentence
    measure, when those counts give that change.

    "a 15% drop in overall violence, with 340 deaths recorded compared to 400":
    "violence" is no measure, but the writer's own counts say what fell by 15% (400 to 340
    is -15.0%). Only a pair of counts of one measure and place, dated to two periods, whose
    change from the earlier to the later is the stated one (to within a point, for rounding
    and "about"), names it.
    """
    for i, fig in enumerate(claims):
        if fig.kind != CHANGE or fig.metric or fig.value is None:
            continue
        found = _counts_giving(fig, claims[i + 1:i + 1 + CHANGE_COUNTS_REACH],
                               lambda c: bool(c.metric), same_metric=True)
        if found is not None:
            older, newer, change = found
            fig.metric = older.metric
            fig.extra["how"]["metric"] = (
                f"the counts the sentence gives for it ({text[older.span_start:older.span_end]}"
                f" to {text[newer.span_start:newer.span_end]}: {change:+.1f}%)")


def _guessed_change_measures(ctx: _Context, claims: list[_Figure]) -> None:
    """Mark as a guess the measure of a change that its words do not name and that follows
    counts of several measures ("380 fatalities and 220 injuries in 240 incidents, a 12
    percent drop"): it was read as the last count's, but the sentence does not say which
    dropped, and the judge raises no alarm on a guess."""
    counted: set[str] = set()
    last: _Figure | None = None
    before_last: _Figure | None = None
    for fig in claims:
        # ("injuries from 836 to 1,354, up 38 percent": a change right after its two levels,
        # its measure's in two periods, is of them.)
        levels = before_last is not None and last is not None and (
            before_last.metric == last.metric) and before_last.period != last.period
        if fig.kind in CHANGE_KINDS and fig.metric and last is not None and (
                last.metric == fig.metric) and len(counted) > 1 and not levels and not (
                "metric" in fig.extra.get("how", {})) and not _names_what_changed(ctx, fig):
            fig.extra.setdefault("how", {})["metric"] = (
                f"{GUESSED_METRIC}: the measure of the count before it "
                f"({ctx.text[last.span_start:last.span_end]}), one of several its sentence "
                "lists")
        if fig.kind == COUNT and fig.metric:
            counted.add(fig.metric)
            before_last, last = last, fig
        elif fig.kind != DATE:
            before_last = last = None


def _changes_of_two_measures(ctx: _Context, claims: list[_Figure],
                             sent: tuple[int, int]) -> None:
    """Mark as a guess the measure of one change told of two measures joined by "and" ("the
    deaths and injuries increased by 5 percent"): the dead and injured together, or each of
    them, the sentence does not say, and it was read as one of the two. (Two changes given
    "respectively" are each their own; one joined by "or" is the sum, ``killed_or_injured``.)"""
    text = ctx.text
    for k, fig in enumerate(claims):
        if fig.kind not in CHANGE_KINDS or fig.metric not in ("deaths", "injured") or (
                GUESSED_METRIC in fig.extra.get("how", {}).get("metric", "")):
            continue
        lo = claims[k - 1].span_end if k else sent[0]
        named = [m for m in _metrics_in(ctx, lo, fig.span_start)
                 if m[2] in ("deaths", "injured")]
        pair = next(((a, b) for a, b in pairwise(named) if a[2] != b[2]
                     and P.JOINED_MEASURES_GAP.fullmatch(text, a[1], b[0])), None)
        if pair is None or P.RESPECTIVELY.search(text, fig.span_end, sent[1]):
            continue
        words = text[pair[0][0]:pair[1][1]]
        fig.extra.setdefault("how", {})["metric"] = (
            f"{GUESSED_METRIC}: one of '{words}', which the change may tell together or each")


def _changes_of_unknown_measures(ctx: _Context, claims: list[_Figure]) -> None:
    """A change whose own words name what changed, in a measure figcheck has no word for
    ("an alarming 100% increase in targeted killings"), measures that, not the measure it
    was read with from its neighbours (the attacks of "a 45% rise in terrorist incidents"
    before it): its measure is left unbound, saying why."""
    text = ctx.text
    for fig in claims:
        if fig.kind not in CHANGE_KINDS or fig.metric is None:
            continue
        named = P.CHANGE_IN_NOUNS_AFTER.match(text, fig.span_end)
        if named is None or _metrics_in(ctx, *named.span("np")) or _in(
                ctx.regions, *named.span("np")):
            continue
        fig.metric = None
        fig.extra["no_measure"] = True
        fig.extra["how"]["metric"] = (f"none: a change in '{named.group('np')}', which "
                                      "figcheck has no measure for")


def _change_given_by_counts_around(ctx: _Context, claims: list[_Figure]) -> None:
    """A change whose words do not say what changed, read as the measure of a count near it,
    measures instead what a pair of its sentence's counts measures when those counts give
    it and the nearer measure's do not: in "380 fatalities and 220 injuries in 240 incidents
    in the second quarter, a 12 percent drop from the first quarter, when 432 people died",
    the deaths fell 12% (432 to 380), not the incidents."""
    for i, fig in enumerate(claims):
        if fig.kind != CHANGE or not fig.metric or fig.value is None or _names_what_changed(
                ctx, fig):
            continue
        near = [c for c in claims[max(0, i - CHANGE_COUNTS_REACH):i + 1 + CHANGE_COUNTS_REACH]
                if c is not fig]
        if _counts_giving(fig, near, lambda c, m=fig.metric: c.metric == m) is not None:
            continue  # its own measure's counts give it
        for metric in dict.fromkeys(c.metric for c in near if c.kind == COUNT and c.metric):
            found = _counts_giving(fig, near, lambda c, m=metric: c.metric == m)
            if found is not None:
                older, newer, change = found
                fig.metric = metric
                fig.extra["how"]["metric"] = (
                    f"the counts the sentence gives for it "
                    f"({ctx.text[older.span_start:older.span_end]} to "
                    f"{ctx.text[newer.span_start:newer.span_end]}: {change:+.1f}%)")
                break


def _names_what_changed(ctx: _Context, fig: _Figure) -> bool:
    """Whether a change's own words name what changed: "a 12% drop in deaths", "deaths fell
    12%", "12% more attacks"."""
    what = P.CHANGED_WHAT_GAP.match(ctx.text, fig.span_end)
    if what is not None and _starts_at(ctx.metrics, what.end()):
        return True
    k = bisect_left(ctx.metric_starts, fig.span_start) - 1
    if k >= 0 and fig.span_start - ctx.metrics[k][1] <= 12 and not P.DIGIT.search(
            ctx.text, ctx.metrics[k][1], fig.span_start):
        return True  # "deaths fell 12%"
    return _starts_at(ctx.metrics, fig.span_end + 1)  # "12% more attacks"


def _counts_giving(change: _Figure, after: list[_Figure], fits: Callable[[_Figure], bool],
                   same_metric: bool = False) -> tuple[_Figure, _Figure, float] | None:
    """The first pair of counts among the figures right after a change (``after``, at most
    ``CHANGE_COUNTS_REACH`` of them: the counts that explain a change follow it, and a
    run-on "sentence" must not cost a pass over the rest per change) that ``fits``, of one
    place and two periods (and one measure when ``same_metric``), whose change from the
    earlier to the later is the stated one to within a point (rounding, "about"), as
    (older, newer, their change in percent); None when none gives it."""
    counts = [c for c in after if c.kind == COUNT and c.value
              and c.period and T.is_valid(c.period) and fits(c)]
    for a, b in pairwise(counts):
        if a.region != b.region or a.period == b.period or (
                same_metric and a.metric != b.metric):
            continue
        older, newer = sorted((a, b), key=lambda c: T.bounds(c.period))
        rate = (newer.value - older.value) / older.value * 100
        if abs(rate - change.value) < 1:
            return older, newer, rate
    return None


def _counts_of_a_part_change(text: str, lex: Lexicon, claims: list[_Figure]) -> None:
    """Counts that give a change of a part measure that part, where their words name only
    the total: "Militant deaths also fell by 30 percent, with 170 killed in March
    compared to 119 in April" (170 to 119 is -30%): the 170 and 119 are militants killed.

    Only a pair of the part's total measure (or none), one place, two periods, whose change
    is the stated one to within a point, among the few figures after the change.
    """
    for i, fig in enumerate(claims):
        if fig.kind != CHANGE or fig.value is None or not fig.metric:
            continue
        base = _hurt_base(lex, fig.metric)
        if base is None or base == fig.metric:
            continue
        found = _counts_giving(fig, claims[i + 1:i + 1 + CHANGE_COUNTS_REACH],
                               lambda c, base=base: c.metric in (None, base))
        if found is not None:
            for c in found[:2]:
                c.metric = fig.metric
                c.extra["how"]["metric"] = (
                    f"the change they give ({text[fig.span_start:fig.span_end]}: "
                    f"{found[2]:+.1f}%)")


def _fact_boxes_on_subject(ctx: _Context, on_subject: dict[int, bool]) -> None:
    """A list's items ("- Deaths: 693 (up 65 percent)", "- Injured: 1,124") are one fact box:
    one item on the publishers' subject makes every item so."""
    marked = sorted(k for k, yes in on_subject.items() if yes)
    if not marked:
        return
    # A box is a run of items, with the line breaks between them, up to a line of text:
    # read around the marked sentences only, not over every sentence of the article.
    read = P.LIST_ITEM_OR_TEXT.match
    text, sentences = ctx.text, ctx.sentences
    lines: dict[int, int] = {}  # sentence -> 1 an item, 0 a line break, -1 text

    def line(k: int) -> int:
        if k not in lines:
            found = read(text, *sentences[k])
            lines[k] = 0 if found is None else 1 if found.group("item") else -1
        return lines[k]

    boxed: set[int] = set()
    for k in marked:
        if k in boxed or line(k) != 1:
            continue
        lo = k
        while lo > 0 and line(lo - 1) >= 0:
            lo -= 1
        hi = k
        while hi + 1 < len(sentences) and line(hi + 1) >= 0:
            hi += 1
        run = [j for j in range(lo, hi + 1) if lines[j] == 1]
        boxed.update(run)
        on_subject.update(dict.fromkeys(run, True))


# Characters before a publisher's name where "a report by" may stand: room for its
# description ("a yearly report released by Islamabad-based Pakistani think tank named the").
REPORT_WORD_REACH = 100


NAMED_IN_SENTENCE = "named in the sentence"  # how a source its figure's sentence names reads
# Sentences before a crediting one ("These were the key findings of the report issued by
# CRSS") whose figures it credits: about two paragraphs of news text.
CREDITED_SENTENCES = 8


def _credited_after(ctx: _Context, figs: list[_Figure]) -> None:
    """Figures a later sentence credits to a publisher: "These were the key findings of the
    annual security report issued by CRSS", "PIPS released these statistics in its monthly
    report". The unattributed figures of the sentences before it (back to one that names a
    source of its own, at most ``CREDITED_SENTENCES``) are that publisher's, as the writer
    says.
    ``figs`` are in text order."""
    text = ctx.text
    by_sentence: dict[int, list[_Figure]] = {}
    for fig in figs:
        if fig.kind != DATE:
            by_sentence.setdefault(bisect_right(ctx.sentence_starts, fig.span_start) - 1,
                                   []).append(fig)
    # (Only sentences that name a publisher can credit: read from the names, which are few.)
    for idx in dict.fromkeys(bisect_right(ctx.sentence_starts, s) - 1 for s, _e, _n in ctx.sources):
        if idx < 0 or by_sentence.get(idx):
            continue  # a crediting sentence names a publisher and states no figure itself
        sent = ctx.sentences[idx]
        named = _in(ctx.sources, *sent)
        opening = P.THESE_FINDINGS_OPENING.match(text, sent[0], sent[1])
        released = None if opening else P.RELEASED_THESE.search(text, sent[0], sent[1])
        if opening is not None:
            name = named[0][2]
        elif released is not None and named[0][1] <= released.start():
            name = next(n for _s, e, n in reversed(named) if e <= released.start())
        else:
            continue
        words = " ".join(text[sent[0]:sent[1]].split())[:80]
        back = idx - 1
        while back >= 0 and idx - back <= CREDITED_SENTENCES:
            told = by_sentence.get(back, [])
            if any(f.attributed_to and (f.attributed_to != name or f.extra.get(
                    "how", {}).get("source") == NAMED_IN_SENTENCE) for f in told):
                # Another source's figures close the stretch, and so does a sentence that
                # names this source itself: "... 383 soldiers were martyred, according to the
                # ISPR. The data was revealed by the DG ISPR ..." credits that sentence's
                # data, not the think tank's figures before it.
                break
            for fig in told:
                if fig.attributed_to is None:
                    fig.attributed_to = name
                    fig.extra.setdefault("how", {})["source"] = (
                        f"credited by a sentence after it ('{words}')")
            back -= 1


def _article_sources(ctx: _Context, lex: Lexicon, figs: list[_Figure],
                     pub: date | None = None) -> None:
    """An unattributed figure on the publishers' subject takes the one source the article
    has attributed figures to before it.

    A story on a report names its publisher in its opening and then tells the report's
    figures sentence after sentence ("Militants also killed 120 soldiers ..."). The source
    is figcheck's reading, not the sentence's: the binding says "the article's", so the
    judge never raises an alarm on it. A figure is left alone when the publisher was not
    named in the article's opening sentences (a story that cites a report in passing,
    further down, goes on to other figures), when the figures before it were attributed to
    two sources or to none (a name merely mentioned, "told VOA", is no attribution), or when
    its sentence speaks only of deaths and injuries, which any story tells ("60 people
    drowned in floods"). ``figs`` are in text order.
    """
    if not ctx.sentences:
        return
    # The opening as a reader counts it: line breaks split off blank "sentences".
    last = min(bisect_left(ctx.sentence_ranks, OPENING_SENTENCES), len(ctx.sentences) - 1)
    opening_end = ctx.sentences[last][1]
    in_lead = {name for pos, name in ctx.named if pos < opening_end}
    # A publisher of the vocabulary that the opening alone cites ("..., according to a report
    # by PICSS") is whose figures the story tells, even before a figure is attributed to it.
    # (Merely named, "near the PICSS office", it is not.)
    known = {name for _s, _e, name in ctx.sources}
    citations = [(pos, name) for sent in ctx.sentences[:last + 1]
                 for pos, name in _attributions(ctx, sent) if name in known]
    citations += [(s, name) for s, e, name in ctx.sources if s < opening_end and (
        P.REPORT_WORD_BEFORE.search(ctx.text, max(0, s - REPORT_WORD_REACH), s)
        or P.REPORT_WORD_AFTER.match(ctx.text, e)
        or P.CREDIT_BEFORE.search(ctx.text, max(0, s - 3), s) and P.LINE_END.match(ctx.text, e))]

    def body(name: str) -> object:
        # One office's names ("the Counter Terrorism Department (CTD)") are one publisher.
        return frozenset(lex.local_sources.get(name, ())) or name

    publishers = {body(name): name for _pos, name in sorted(citations, reverse=True)}
    cited = set(publishers.values()) if len(publishers) == 1 else set()
    opening = {body(name) for name in in_lead | cited}
    seen: dict[object, str] = {}  # the publishers figures were attributed to, by body
    on_subject: dict[int, bool] = {}  # by sentence: a run-on one is read once, not per figure
    for fig in figs:
        if fig.metric and (fig.kind == SHARE or fig.kind in CHANGE_KINDS):
            # "violence fell by 46%, with fatalities falling from 178 to 96": the counts of a
            # sentence that gives a statistic are the statistic's.
            on_subject[bisect_right(ctx.sentence_starts, fig.span_start) - 1] = True
    _tolls_over_time_on_subject(ctx, figs, on_subject)
    _fact_boxes_on_subject(ctx, on_subject)
    for fig in figs:
        if fig.attributed_to:
            seen.setdefault(body(fig.attributed_to), fig.attributed_to)
            continue
        # Until a figure is attributed, the publisher the opening cites (also for the
        # figures the opening tells before it: "48 attacks in October. A PIPS report said").
        sources = set(seen.values()) or cited
        if len(sources) != 1 or not opening & {body(n) for n in sources} or not _on_subject(
                ctx, lex, fig, on_subject):
            continue
        (name,) = sources
        fig.attributed_to = name
        how = fig.extra.setdefault("how", {})
        how["source"] = f"the article's only source so far ('{name}')"
        lag = lex.edition_lag.get(name, 0)
        said = how.get("period", "")
        if lag and fig.period and len(fig.period) == 4 and (
                said.startswith("the publication year") or pub is not None
                and said.startswith("the article's opening") and fig.period == str(pub.year)):
            # "Attacks have doubled" in a story on an index edition out this year: the
            # edition measures the year before, and has no figure for this one. (An opening
            # that dates the story this year, "the budget for 2025-26", does not date the
            # index's figures.)
            year = int(fig.period) - lag
            fig.period = str(year)
            if fig.base_period and len(fig.base_period) == 4:
                fig.base_period = str(int(fig.base_period) - lag)
            why = ("present tense, no period named" if said.startswith("the publication year")
                   else "the opening's year is the edition's")
            how["period"] = f"the publication year's {name} edition (data year {year}; {why})"


# How a figure's binding says its sentence dated it (``_bind_period``), not the article.
_SENTENCE_PERIOD = ("its own", "the sentence", "'respectively'")


def _tolls_over_time_on_subject(ctx: _Context, figs: list[_Figure],
                                on_subject: dict[int, bool]) -> None:
    """Mark the sentences that tell one measure's levels in two periods they name ("deaths
    rose to 1,524 in 2023 from 980 in 2022", "from 1,620 in 2024 to 2,331 in 2025"): a toll
    followed over months or years is a statistic over many events, as a change is, which
    no story of one event tells. (A day is an event's date, not such a period.)"""
    periods: dict[tuple[int, str], set[str]] = {}
    for fig in figs:
        if fig.kind != COUNT or not fig.metric or not fig.period or len(fig.period) == 10:
            continue
        if not fig.extra.get("how", {}).get("period", "").startswith(_SENTENCE_PERIOD):
            continue
        idx = bisect_right(ctx.sentence_starts, fig.span_start) - 1
        periods.setdefault((idx, fig.metric), set()).add(fig.period)
    for (idx, _metric), named in periods.items():
        if len(named) > 1:
            on_subject[idx] = True


def _on_subject(ctx: _Context, lex: Lexicon, fig: _Figure, by_sentence: dict[int, bool]
                ) -> bool:
    """Whether the figure is a statistic (a share, a change), or it or its sentence names
    something beyond deaths and injuries (attacks, militants, soldiers...): the subject of
    the publishers figcheck checks.
    ``by_sentence`` keeps each sentence's answer."""
    if fig.metric and (fig.kind == SHARE or fig.kind in CHANGE_KINDS):
        # "72% of all fatalities", "a surge of 57%": a statistic over many events, which
        # no story of one event tells. (Of something: "a 7.49% increase" in the defence
        # budget is not the publisher's subject.)
        return True
    known = lex.metrics.get(fig.metric or "")
    if fig.metric and (known is None or not known.generic):
        return True  # a part ("deaths_security_personnel") or a specific measure
    idx = bisect_right(ctx.sentence_starts, fig.span_start) - 1
    if idx not in by_sentence:
        by_sentence[idx] = any(
            not lex.metrics[m].generic
            for _s, _e, m in _metrics_in(ctx, *ctx.sentences[idx]) if m in lex.metrics)
    return by_sentence[idx]


def _resolve_local_sources(figs: list[_Figure], lex: Lexicon) -> None:
    """Name the publisher behind a name every province's office bears, by the figure's place.

    "According to police records" in a figure about Balochistan cites the Balochistan
    police; "the CTD" about Khyber Pakhtunkhwa, its counter-terrorism department. Where the
    place fits no publisher (or several), the figure keeps no source rather than a guess.
    """
    for fig in figs:
        local = fig.attributed_to
        if not local or not local.startswith(LOCAL_SOURCE):
            continue
        places = {fig.region, lex.region_parent.get(fig.region or "")} - {None}
        fits = [name for name in lex.local_sources.get(local, ())
                if lex.source_scope.get(name) in places]
        how = fig.extra.setdefault("how", {})
        said = local.removeprefix(LOCAL_SOURCE)
        if len(fits) == 1:
            fig.attributed_to = fits[0]
            how["source"] = (how.get("source") or "named").replace(local, said) + (
                f" (every province has its '{said}': {fits[0]}, as the figure is about "
                f"{region_name(lex, fig.region)})")
        else:
            fig.attributed_to = None
            how.pop("source", None)


REST_OF_REACH = 120  # characters before a figure where "the rest of the province" is read


def _rest_of_a_region(figs: list[_Figure], lex: Lexicon, ctx: _Context) -> None:
    """A region's figures mean the rest of it where the article counts a part of it apart
    (regions.yaml ``rest_of``): "KP saw 308 attacks. The merged districts recorded 259" are
    mainland KP's 308. Only for the same measure, period and source, told in another
    sentence, and not where the part is given as included in the whole ("..., including
    259 in the merged districts", "259 of them in ...")."""
    text = ctx.text
    # Only the parts' figures are looked up, and only the wholes' figures can change: the
    # look-behind below ran for every placed figure, the loop over the pairs for every figure.
    by_whole: dict[str, list[tuple[str, str]]] = {}
    for (whole, part), rest in lex.region_rest.items():
        by_whole.setdefault(whole, []).append((part, rest))
    parts = {part for _whole, part in lex.region_rest}
    apart: dict[str, dict[tuple, set[int]]] = {}  # region -> (measure...) -> sentences
    for fig in figs:
        if fig.region in parts and fig.metric and not P.INCLUDED_BEFORE.search(
                text, max(0, fig.span_start - 40), fig.span_start) and not P.OF_THEM_AFTER.match(
                text, fig.span_end):
            key = (fig.metric, fig.period, fig.attributed_to)
            apart.setdefault(fig.region, {}).setdefault(key, set()).add(
                bisect_right(ctx.sentence_starts, fig.span_start))
    # "Within KP, 23 attacks were reported from the settled districts, while 18 were reported
    # in the merged districts": where the article counts the rest itself, the whole's figure is
    # the whole, not the rest.
    rest_codes = set(lex.region_rest.values())
    rests: dict[str, set[tuple]] = {}
    for fig in figs:
        if fig.region in rest_codes and fig.metric:
            rests.setdefault(fig.region, set()).add((fig.metric, fig.period, fig.attributed_to))
    # The phrase is rare: found once in the text, then looked up by position for each figure.
    rest_phrases = list(P.REST_OF_BEFORE.finditer(text)) if "est of" in text else []
    rest_ends = [m.end() for m in rest_phrases]
    for fig in figs:
        r = bisect_right(rest_ends, fig.span_start) - 1
        said = (rest_phrases[r] if r >= 0 and rest_ends[r] >= fig.span_start - REST_OF_REACH
                else None)
        if said is not None and said.start() < ctx.sentences[
                bisect_right(ctx.sentence_starts, fig.span_start) - 1][0]:
            said = None  # another sentence's
        if said is not None and not P.NEW_CLAUSE.search(text, said.end(), fig.span_start):
            # "In the tribal districts of KP, 259 attacks ..., while the rest of the province
            # recorded 308": the figure's place is what is left of the whole.
            rest = next((r for (w, p), r in lex.region_rest.items() if fig.region in (w, p)),
                        None)
            if rest is not None:
                fig.region = rest
                fig.extra.setdefault("how", {})["region"] = (
                    f"{region_name(lex, rest)}: '{said.group(0)}'")
                continue
        for part, rest in by_whole.get(fig.region, ()):
            key = (fig.metric, fig.period, fig.attributed_to)
            told = apart.get(part, {}).get(key)
            if told and bisect_right(
                    ctx.sentence_starts, fig.span_start) not in told and not (
                    key in rests.get(rest, ())):
                fig.region = rest
                how = fig.extra.setdefault("how", {})
                how["region"] = (f"{region_name(lex, rest)}: the article counts "
                                 f"{region_name(lex, part)} apart ({how.get('region', '')})")
                break


def _restated_sources(figs: list[_Figure], text: str) -> None:
    """A count that restates an earlier figure keeps that figure's source.

    "... 620 of the 976 deaths": the writer takes up the 976 deaths stated before, so the
    number is the earlier count, with its source, not a new unattributed one. Only the same
    value for the same measure and period counts as a restatement.
    """
    stated: dict[tuple, _Figure] = {}
    for fig in figs:
        if fig.kind != COUNT or fig.value is None or not fig.metric:
            continue
        key = (fig.value, fig.metric, fig.region, fig.period)
        earlier = stated.get(key)
        if earlier is None or not earlier.attributed_to:
            if fig.attributed_to:
                stated[key] = fig
            else:
                stated.setdefault(key, fig)
            continue
        if not fig.attributed_to:
            fig.attributed_to = earlier.attributed_to
            fig.extra.setdefault("how", {})["source"] = (
                f"as the earlier {text[earlier.span_start:earlier.span_end]} "
                f"('{earlier.attributed_to}')")


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
    return claims_frame(_columns(text, article_id, claimed))


# Float columns: pandas' nullable floats first, so that None becomes NaN, as a table of
# many articles gets it (``claims_frame``).
_FLOATS = (C.value, C.low, C.high)


def claims_frame(columns: dict[str, list]) -> pd.DataFrame:
    """A claims table from ``{column: values}`` (``extract_claims(..., columns=True)``),
    one article's or many articles' lists joined."""
    try:
        return pd.DataFrame({k: _column_array(k, v) for k, v in columns.items()})
    except (TypeError, ValueError, OverflowError, pa.ArrowException):
        # A value of another type than the column's (a bug upstream): pandas' own inference,
        # as before, so that the schema's coercion and its error read the same.
        return pd.DataFrame({k: pd.array(v, dtype="Float64").astype(float) if k in _FLOATS
                             else v for k, v in columns.items()})


# Columns of Python ints; the rest of the columns hold strings (or None).
_INTS = (C.start, C.end)
# pandas' own dtype for a list of strings ("str": Arrow-backed, NaN for a missing value), and
# the Arrow type behind it.
_STR = pd.Series(["a"]).dtype
_STR_ARROW = isinstance(_STR, pd.StringDtype) and _STR.storage == "pyarrow"


def _column_array(name: str, values: list) -> object:
    """One column as the array pandas would infer from ``values``, built directly: a table of
    a long document has hundreds of thousands of rows, and pandas' inference checks every
    string before handing the list to Arrow (about half of building the table). Raises on a
    value of another type (``claims_frame`` then lets pandas infer it)."""
    if name in _FLOATS:
        return np.array(values, dtype=float)  # None -> NaN, as Float64 then float gives
    if name in _INTS:
        return np.array(values, dtype=np.int64) if values else values
    if not _STR_ARROW or values.count(None) == len(values):
        return values  # (pandas makes a column of None alone an object column)
    return pd.arrays.ArrowStringArray(
        pa.chunked_array([pa.array(values, type=pa.large_string())]), dtype=_STR)


def _columns(text: str, article_id: str, claimed: list[tuple[_Figure, str]]) -> dict[str, list]:
    """The claims table's columns as lists, in the schema's order."""
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
        C.binding: [None if d else _binding_note(f) for f, d in zip(figs, dates)],
    }
    return columns
