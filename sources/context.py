"""What an article establishes for all its figures: its place, its paragraphs, its sources.

A careful reader binds a figure whose sentence names no place to the place the article is
about (its headline, dateline, first paragraph, or the place it names most), and keeps the
last named source through "It says ..." or "the report said ...". This module finds those
once per article, in linear time (one pass per pattern, then bisect), for ``sources.extract``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from sources import patterns as P
from sources.lexicon import Lexicon, normalise

_HEADLINE_MAX = 200  # characters: longer first lines are body text, not a headline
_LEAD_WEIGHT = {"headline": 3, "dateline": 3, "first paragraph": 2}


@dataclass
class ArticleFacts:
    """The article-wide context: its place (and how it was found) and its paragraphs."""

    region: str | None  # ISO code, e.g. "PK" or "PK-KP"
    region_how: str | None  # "the headline", "the dateline", ...
    country: str | None  # the country "the country" and "nationwide" refer to
    paragraph_starts: list[int]
    lead: tuple[int, int]  # span of the headline and first paragraph


def paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (lines with text) of ``text``."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return [s for i, s in enumerate(starts)
            if text[s:(starts[i + 1] if i + 1 < len(starts) else len(text))].strip()] or [0]


def paragraph_of(starts: list[int], pos: int) -> int:
    """Index of the paragraph that holds ``pos``."""
    return max(bisect_right(starts, pos) - 1, 0)


def _parts(text: str, starts: list[int]) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """The headline (a short first line without a full stop) and the first body paragraph."""
    ends = starts[1:] + [len(text)]
    headline = None
    for k, (s, e) in enumerate(zip(starts, ends)):
        line = text[s:e].strip()
        if len(line) > _HEADLINE_MAX or line.endswith((".", "!", "?", "”", '"', ":")):
            return headline, (s, e)
        if k < 3 and len(line.split()) >= 3:
            headline = (s, e) if headline is None else headline
    return headline, (starts[0], ends[0])


def article_facts(text: str, lex: Lexicon, regions: list[tuple[int, int, str]],
                  incidental) -> ArticleFacts:
    """Find the article's place from its headline, dateline, first paragraph and mentions.

    Args:
        text: the article text.
        lex: the vocabularies (dateline cities, region parents).
        regions: place mentions (start, end, code), sorted.
        incidental: ``incidental(start, end) -> bool`` for places named only in passing
            ("bordering Afghanistan", "Pakistan's envoy").
    """
    starts = paragraphs(text)
    headline, lead = _parts(text, starts)
    votes: Counter[str] = Counter()  # country (or province) -> weighted mentions
    signal: dict[str, tuple[int, str]] = {}  # code -> (weight, where) of its strongest mention

    def vote(code: str, weight: int, where: str) -> None:
        country = lex.region_parent.get(code, code)
        for c in {code, country}:
            votes[c] += weight
            if signal.get(c, (0, ""))[0] < weight:
                signal[c] = (weight, where)

    for s, e, code in regions:
        if incidental(s, e):
            continue
        if headline and headline[0] <= s < headline[1]:
            vote(code, _LEAD_WEIGHT["headline"], "the headline")
        elif lead[0] <= s < lead[1]:
            vote(code, _LEAD_WEIGHT["first paragraph"], "the first paragraph")
        else:
            vote(code, 1, "the place the article names most")
    dateline = P.DATELINE.match(text, lead[0], lead[1]) or (
        P.DATELINE.match(text, headline[0], headline[1]) if headline else None)
    if dateline:
        for name in (dateline.group("country"), dateline.group("city")):
            code = lex.dateline_by_city.get(normalise(name or "")) or lex.region_by_alias.get(
                normalise(name or ""))
            if code:
                # A provincial capital's dateline counts for its province (and country).
                vote(code, _LEAD_WEIGHT["dateline"], "the dateline")
                break
    countries = {c: n for c, n in votes.items() if c not in lex.region_parent}
    if not countries:
        return ArticleFacts(None, None, None, starts, ((headline or lead)[0], lead[1]))
    country = max(countries, key=lambda c: (countries[c], -_first(regions, c, lex)))
    region = country
    # A province the article is about: it outvotes its own country's direct mentions.
    provinces = {c: n for c, n in votes.items() if lex.region_parent.get(c) == country}
    if provinces:
        best = max(provinces, key=lambda c: provinces[c])
        direct = countries[country] - sum(provinces.values())
        if provinces[best] > direct and provinces[best] >= 0.6 * countries[country] and (
            signal[best][0] > 1
        ):
            region = best
    lead_span = ((headline or lead)[0], lead[1])
    return ArticleFacts(region, signal[region][1], country, starts, lead_span)


def _first(regions: list[tuple[int, int, str]], code: str, lex: Lexicon) -> int:
    """Offset of the first mention of ``code`` (or of a place inside it)."""
    for s, _e, c in regions:
        if c == code or lex.region_parent.get(c) == code:
            return s
    return 1 << 62


def region_name(lex: Lexicon, code: str) -> str:
    """A readable name for a region code ("PK" -> "Pakistan")."""
    return " and ".join(lex.region_names.get(c, c) for c in code.split("+"))
