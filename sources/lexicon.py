"""Load the metric, region, source and name vocabularies (``sources/vocab/*.yaml``) once.

The YAML files are the domain knowledge; this module only turns them into lookup tables and
compiled matchers for the extractor, and caches them so that the files are read once per
process. (Named ``lexicon`` so that it does not shadow the ``vocab/`` data folder.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sources.packs import PackError, merged_vocabulary, stamp
from sources.patterns import alternation

VOCAB_DIR = Path(__file__).parent / "vocab"


class VocabularyError(ValueError):
    """A vocabulary file is missing or malformed (a configuration error)."""


@dataclass(frozen=True)
class Metric:
    """One metric id with the words that name it."""

    id: str
    label: str
    words: tuple[str, ...]
    base: str | None = None
    modifiers: tuple[str, ...] = ()
    # Other metrics a modifier also turns into this one ("incidents that targeted security
    # forces" are attacks on them).
    also_of: tuple[str, ...] = ()
    event: bool = False
    countable: bool = True
    generic: bool = False
    # The units a weight or length of this measure is counted in ("kg"); empty for counts.
    # A figure written in another unit ("1,950 grams") is no figure of the measure.
    units: tuple[str, ...] = ()


# Compared and hashed by identity (eq=False): the shared scan's patterns are cached by the
# tuple of finders, and hashing a finder by its fields hashed its compiled patterns' code
# (``re.Pattern.__hash__`` reads the whole program): 0.06 ms a look-up for the bundled
# vocabularies, two look-ups per article, a few per cent of extracting a short one.
@dataclass(frozen=True, eq=False)
class WordFinder:
    """Find the words of a case-insensitive vocabulary fast, on a lower-cased copy of the text.

    A pattern that starts with an assertion (``(?<!\\w)``) or runs with ``re.IGNORECASE`` makes
    the regex engine try every position; a lower-case prefix tree with no leading assertion
    lets it skip to the possible first letters, about four times faster. The start boundary is
    then checked in Python. ``exact`` holds the words matched as written (acronyms), and
    ``slow`` the equivalent single pattern, used when lower-casing changes the text's length
    (offsets would no longer line up).
    """

    fast: re.Pattern[str] | None
    exact: re.Pattern[str] | None
    slow: re.Pattern[str]
    # The first word (leading word characters) of each lower-case word, for one scan shared
    # by several finders (``spans_together``); None when a word starts with another character.
    heads: frozenset[str] | None = None
    # The same for the ``exact`` words, lower-cased: the shared scan of the lower-cased text
    # also finds every place where one of them can match the text as written.
    exact_heads: frozenset[str] | None = None
    # For each first word, the second words of its words (``_second_words``), lower-cased;
    # None where a word has no second word after spaces ("the" alone, "the-"). The same for
    # the exact words (None also for a word not in ASCII).
    seconds: dict[str, frozenset[str] | None] | None = None
    exact_seconds: dict[str, frozenset[str] | None] | None = None

    def spans(self, text: str, low: str | None) -> list[tuple[int, int]]:
        """Spans of whole-word matches, in text order; ``low`` is ``text.lower()`` or None."""
        if low is None or len(low) != len(text):
            return [m.span() for m in self.slow.finditer(text)]
        return self._whole_words(text, low, self.fast.finditer(low) if self.fast else ())

    def _whole_words(self, text: str, low: str, fast: Iterable[re.Match[str]]
                     ) -> list[tuple[int, int]]:
        """The spans of ``fast`` (``self.fast``'s matches in ``low``) and ``self.exact``'s in
        ``text`` that start a word, in text order."""
        out = []
        for matches, subject in ((fast, low), (self.exact.finditer(text) if self.exact else (),
                                               text)):
            for m in matches:
                s = m.start()
                if s and (subject[s - 1].isalnum() or subject[s - 1] == "_"):
                    continue  # inside a word
                out.append(m.span())
        if self.fast is not None and self.exact is not None:
            out.sort()
        return out

    def _spans_at(self, text: str, low: str, candidates: list[int],
                  exact_candidates: list[int] | None = None) -> list[tuple[int, int]]:
        """The spans of ``self.fast.finditer(low)`` (whole words only, as ``_whole_words``
        keeps them) given, in order, every place where it can match (``candidates``), plus
        ``self.exact``'s in ``text``, the same way from ``exact_candidates`` (or from its own
        scan when None): the first match from each place on, skipping places inside the
        previous match. One loop: it runs for every candidate of a long text, and a generator
        feeding ``_whole_words`` cost a third more."""
        out: list[tuple[int, int]] = []
        if self.fast is not None:
            out = _matches_at(self.fast, low, candidates)
        if self.exact is not None:
            out += (self._whole_words(text, low, ()) if exact_candidates is None
                    else _matches_at(self.exact, text, exact_candidates))
            if self.fast is not None:
                out.sort()
        return out


def _matches_at(rx: re.Pattern[str], subject: str, candidates: list[int]
                ) -> list[tuple[int, int]]:
    """The spans of ``rx.finditer(subject)`` that start a word, given (ascending) every place
    where ``rx`` can match: a match inside a word is dropped, but it still hides the places
    before its end, as in the scan."""
    out: list[tuple[int, int]] = []
    match = rx.match
    pos = 0
    for q in candidates:
        if q >= pos:
            m = match(subject, q)
            if m:
                pos = m.end()
                if q and (subject[q - 1].isalnum() or subject[q - 1] == "_"):
                    continue  # inside a word (it still hides what starts before pos)
                out.append((q, pos))
    return out


_LEADING_WORD = re.compile(r"\w*")


def word_finder(
    words: list[str], slow: re.Pattern[str], exact: list[str] | None = None
) -> WordFinder:
    """Build a :class:`WordFinder`: ``words`` match in any case, ``exact`` as written."""
    lower = sorted({w.lower() for w in words})
    fast = re.compile(rf"(?:{alternation(lower)})(?!\w)") if lower else None
    exact_rx = re.compile(rf"(?:{alternation(exact)})(?!\w)") if exact else None
    heads = frozenset(_LEADING_WORD.match(w.strip()).group() for w in lower if w.strip())
    exact_heads = frozenset(_LEADING_WORD.match(w.strip()).group().lower()
                            for w in exact or () if w.strip())
    return WordFinder(fast, exact_rx, slow, None if "" in heads else heads,
                      None if "" in exact_heads else exact_heads, _second_words(lower),
                      _second_words(exact or (), ascii_only=True))


_SECOND_WORD = re.compile(r"\w*\s+(\w+)")


def _second_words(words: Iterable[str], ascii_only: bool = False
                  ) -> dict[str, frozenset[str] | None]:
    """``{first word: {second words}}`` of ``words`` (read as ``alternation`` reads them:
    stripped, inner spaces as ``\\s+``), lower-cased; None for a first word that begins a word
    with no second word right after spaces ("the", "the-"), or (``ascii_only``) a word not
    in ASCII, whose lower case may not match where the word does."""
    seconds: dict[str, set[str] | None] = {}
    for word in words:
        word = word.strip()
        head = _LEADING_WORD.match(word).group().lower()
        m = _SECOND_WORD.match(word)
        if m is None or (ascii_only and not word.isascii()):
            seconds[head] = None
        elif seconds.get(head, set()) is not None:
            seconds.setdefault(head, set()).add(m.group(1).lower())
    return {h: None if ws is None else frozenset(ws) for h, ws in seconds.items()}


def spans_together(finders: tuple[WordFinder | None, ...], text: str, low: str | None
                   ) -> list[list[tuple[int, int]]]:
    """``[f.spans(text, low) for f in finders]`` ([] for None), with one scan for all.

    Each finder's own scan makes the regex engine try its pattern at every letter that can
    begin one of its words; seven vocabularies meant seven such passes over the text. One
    pattern of all their first words (``heads``) finds, in one pass, every place where any
    of them can match, and each finder's pattern is tried only there. The candidates include
    the places inside words where a finder's match can start (such a match is dropped, but
    it hides what starts before its end, as in the finder's own scan), so the spans are
    exactly the finder's own (tests/test_lexicon.py compares both). The same holds for each
    finder's exact words, tried on the text as written. The union's matches are read from
    the reversed text (``_word_ends``), where the engine tries far fewer places.
    """
    present = tuple(f for f in finders if f is not None)
    if (low is None or len(low) != len(text) or not present
            or any(f.fast is not None and f.heads is None for f in present)):
        return [f.spans(text, low) if f is not None else [] for f in finders]
    _union, owners = _heads_pattern(present)
    apart = _apart_heads(present)
    at = _word_ends(present, low)
    viable = _viable_places(present, at, low)
    # Finder k's candidates at k; those of its exact words (acronyms, names as written) at
    # k + len(present).
    candidates: list[list[int]] = [[] for _ in range(2 * len(present))]
    for head in apart:
        # (Every finder that owns it needs a second word after it: those places only.)
        rx, which = _followed_pattern(present, head)
        places = [m.start() for m in rx.finditer(low)]
        for k in which:
            candidates[k].extend(places)
    for tail, starts in at.items():
        # The match is the end of one word, from its first place that can begin a finder's
        # match; the later places in it that can are found from the word itself.
        for j in range(len(tail)):
            ks = owners.get(tail[j:])
            if not ks or tail[j:] in apart:
                continue
            places = [q + j for q in starts] if j else starts
            kept = viable.get(tail[j:])
            if kept is None:
                for k in ks:
                    candidates[k].extend(places)
            else:
                where, which = kept
                kept_places = [q for q in places if q in where]
                for k in ks:
                    candidates[k].extend(kept_places if k in which else places)
    for c in candidates:
        c.sort()  # sorted runs, one per word end, merged (``_spans_at`` needs text order)
    n = len(present)
    found = iter([f._spans_at(text, low, candidates[k],
                              candidates[n + k] if f.exact_heads is not None else None)
                  for k, f in enumerate(present)])
    return [next(found) if f is not None else [] for f in finders]


def _viable_places(finders: tuple[WordFinder, ...], at: dict[str, list[int]], low: str
                   ) -> dict[str, tuple[set[int], frozenset[int]]]:
    """For the first words met so often that trying the finders' patterns at each costs more
    than a scan of the text ("the": most of its places start none of "the world", "the year
    before", "the military's spokesman"), where one of their second words follows them
    (``_followed_pattern``), and the finders (``spans_together``'s indices) whose words
    after that first word all have a second word: a finder's match can start there only.
    (Trying a pattern where it cannot match changes nothing: dropping those places keeps
    each finder's spans exactly.)"""
    uses: defaultdict[str, int] = defaultdict(int)
    owners = _heads_pattern(finders)[1]
    apart = _apart_heads(finders)
    for tail, starts in at.items():
        for j in range(len(tail)):
            if tail[j:] in owners and tail[j:] not in apart:
                uses[tail[j:]] += len(starts)
    viable = {}
    for head, count in uses.items():
        # (a failed try costs about as much as scanning a hundred characters for the word)
        if count * 100 > len(low):
            rx, which = _followed_pattern(finders, head)
            if rx is not None and count * len(which) * 100 > len(low):
                viable[head] = ({m.start() for m in rx.finditer(low)}, which)
    return viable


@cache
def _followed_pattern(finders: tuple[WordFinder, ...], head: str
                      ) -> tuple[re.Pattern[str] | None, frozenset[int]]:
    """``head`` followed by spaces and one of the second words of the finders' words that
    begin with it, as a whole word, and which finders (indices as in ``_heads_pattern``) have
    a second word in all such words. (The pattern matches ``head`` alone, a run of word
    characters that spaces follow, so no place of it starts inside another: ``finditer``
    finds every place.)"""
    n = len(finders)
    which, seconds = [], set()
    for k in _heads_pattern(finders)[1][head]:
        table = finders[k].seconds if k < n else finders[k - n].exact_seconds
        second = table.get(head) if table is not None else None
        if second is not None:
            which.append(k)
            seconds |= second
    if not which:
        return None, frozenset()
    return (re.compile(rf"{re.escape(head)}(?=\s+(?:{alternation(seconds)})(?!\w))"),
            frozenset(which))


def _word_ends(finders: tuple[WordFinder, ...], low: str) -> dict[str, list[int]]:
    """What the union of the first words of ``finders`` but those scanned apart
    (``_apart_heads``) finds in ``low``, as ``{match: [starts]}`` (grouped by the matched
    string: most matches repeat a few common words, "on", "security", and the finders'
    candidates are built once per distinct string).

    That union of first words ends at a word end and holds word characters only, so in each
    word it matches the longest end of the word that is a first word, once. Its own scan
    tries it at every letter (about 50 ns a letter, half of ``spans_together``). In the
    reversed text, those ends are the longest reversed first words that begin a word: a scan
    led by a non-word character (which the engine skips to, as it does to a literal) tries
    only after spaces and punctuation, plus once at the start of the reversed text. The
    starts come out in reverse order (``spans_together`` sorts the candidates).
    """
    rev_union, rev_first = _reversed_heads_pattern(finders)
    rev = low[::-1]
    n = len(rev)
    at: defaultdict[str, list[int]] = defaultdict(list)
    m = rev_first.match(rev)  # the text's last word (no non-word character after it)
    if m:
        at[m.group()[::-1]].append(n - m.end())
    rev_at: defaultdict[str, list[int]] = defaultdict(list)
    for m in rev_union.finditer(rev):
        rev_at[m.group(1)].append(n - m.end())
    for rev_end, starts in rev_at.items():
        at[rev_end[::-1]].extend(starts)
    return at


@cache
def _reversed_heads_pattern(finders: tuple[WordFinder, ...]
                            ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The first words of ``finders`` but those scanned apart (``_apart_heads``) reversed,
    as a prefix tree (whose greedy tails take the longest word on a path): after a non-word
    character (captured as group 1), and alone."""
    apart = _apart_heads(finders)
    tree = alternation(head[::-1] for head in _heads_pattern(finders)[1] if head not in apart)
    return re.compile(rf"\W({tree})"), re.compile(tree)


# First words so common in English text that reading each of their places from the shared
# scan costs more than a scan of their own: "the" is about a third of the union's matches,
# and the finders that own it all need a second word after it ("the world", "the year
# before"), which most of its places lack.
SCANNED_APART = ("the",)


@cache
def _apart_heads(finders: tuple[WordFinder, ...]) -> frozenset[str]:
    """The first words of ``SCANNED_APART`` that ``finders`` own and that every owner needs
    a second word after (``_followed_pattern``): ``spans_together`` takes their places from
    the scan for them followed by one of those second words, which finds exactly the places
    the union's scan would have kept for them (``_viable_places``), and the union leaves
    them out (each place a union match fewer). A first word an owner can match alone stays
    in the union."""
    owners = _heads_pattern(finders)[1]
    apart = frozenset(head for head in SCANNED_APART if head in owners
                      and _followed_pattern(finders, head)[1] == frozenset(owners[head]))
    return apart if len(apart) < len(owners) else frozenset()  # (the union needs a word)


@cache
def _heads_pattern(finders: tuple[WordFinder, ...]
                   ) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One pattern for the first words of ``finders`` (each ending a word), and which
    finders each first word belongs to: finder k's lower-case words as k, its exact words
    (lower-cased: the scan reads the lower-cased text) as k + len(finders).

    The exact words' scans (case-sensitive, on the text as written) were passes of their
    own; a lower-cased text holds the lower-cased word wherever the text holds the word
    (same length, and lower-casing keeps every character a word character or not: a test
    checks all of Unicode), so their places are found in the shared scan too."""
    owners: dict[str, list[int]] = {}
    for k, f in enumerate(finders):
        for head in f.heads or ():
            owners.setdefault(head, []).append(k)
        for head in f.exact_heads or ():
            owners.setdefault(head, []).append(k + len(finders))
    return (re.compile(rf"(?:{alternation(owners)})(?!\w)"),
            {h: tuple(ks) for h, ks in owners.items()})


@dataclass(frozen=True)
class Lexicon:
    """Compiled vocabularies: what the extractor matches metrics, places and sources with."""

    metrics: dict[str, Metric]
    metric_by_word: dict[str, str]  # normalised word -> metric id
    metric_words: re.Pattern[str]
    modifier_by_phrase: dict[str, str]  # normalised modifier phrase -> metric id
    modifiers: re.Pattern[str] | None
    region_by_alias: dict[str, str]  # normalised alias -> ISO code
    region_parent: dict[str, str]  # ISO code -> parent ISO code
    regions: re.Pattern[str]
    source_by_alias: dict[str, str]  # alias as written -> canonical source name
    sources: re.Pattern[str]
    not_places: re.Pattern[str]  # names that contain a place but are not one
    # Fast finders for the same vocabularies (see WordFinder).
    metric_finder: WordFinder | None = None
    modifier_finder: WordFinder | None = None
    region_finder: WordFinder | None = None
    not_place_finder: WordFinder | None = None
    source_finder: WordFinder | None = None
    # Article context (sources.yaml `scope`/`edition_lag`, regions.yaml `dateline`).
    source_scope: dict[str, str] = field(default_factory=dict)  # source -> ISO code
    edition_lag: dict[str, int] = field(default_factory=dict)  # source -> years
    # Publishers that count the whole world (sources.yaml `worldwide`).
    worldwide_sources: frozenset[str] = frozenset()
    dateline_by_city: dict[str, str] = field(default_factory=dict)  # lower-case city -> code
    # regions.yaml `rest_of`: (whole, part told apart) -> the rest of the whole.
    region_rest: dict[tuple[str, str], str] = field(default_factory=dict)
    # Parts of totals (parts.yaml): qualifier words found fast, and (base, qualifier) -> part.
    group_by_word: dict[str, str] = field(default_factory=dict)
    group_finder: WordFinder | None = None
    population_by_word: dict[str, str] = field(default_factory=dict)
    population_finder: WordFinder | None = None
    # The population a list of others names together ({civilians, security_personnel} ->
    # civilians_security); a list with no entry names no part.
    population_unions: dict[frozenset[str], str] = field(default_factory=dict)
    parts: dict[tuple[str, str], str] = field(default_factory=dict)
    agent_groups: frozenset[str] = frozenset()  # groups "the group" / "its" can refer back to
    # groups that name what a publisher counts (militant attacks, operations), whose tolls'
    # people are the plain parts ("security personnel killed" in militant attacks)
    scope_groups: frozenset[str] = frozenset()
    counted_nouns: frozenset[str] = frozenset()  # "deaths" in "civilian deaths" (lower case)
    outlets: frozenset[str] = frozenset()  # news media that relay figures (lower case)
    # Countries no data holds, named as written (names.yaml `elsewhere`; regions excluded).
    elsewhere: tuple[str, ...] = ()
    # source -> {metric its word names -> metric it counts} (sources.yaml `means`)
    source_means: dict[str, dict[str, str]] = field(default_factory=dict)
    # A name every province's office bears ("police records", "the CTD") -> the publishers
    # it can be, told apart by the figure's place (sources.yaml `local_names`).
    local_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    region_names: dict[str, str] = field(default_factory=dict)  # ISO code -> name


@dataclass(frozen=True)
class LexiconScope:
    """What a run's lexicon is built from beyond the bundled vocabulary.

    ``packs``: the data packs' ``vocab/`` folders; ``regions``: region codes the reference
    data uses. Small, hashable and picklable, so it travels to Prefect tasks in place of a
    compiled lexicon; each process compiles (and caches) the lexicon once.
    """

    packs: tuple[Path, ...] = ()
    regions: frozenset[str] = frozenset()


# What ``source_by_alias`` gives for a local name until the figure's place resolves it.
LOCAL_SOURCE = "local:"


def lexicon_for(scope: LexiconScope | None = None) -> Lexicon:
    """The compiled lexicon for ``scope``; the bundled one when there is nothing beyond it."""
    if scope is None:
        return load_lexicon()
    curated = _read(VOCAB_DIR / "regions.yaml", scope.packs)
    beyond = frozenset(c for c in scope.regions if c not in curated)
    if not scope.packs and not beyond:
        return load_lexicon()  # one cache entry for the common case
    return load_lexicon(VOCAB_DIR, scope.packs, beyond, stamp(scope.packs))


def normalise(phrase: str) -> str:
    """Return ``phrase`` lower-cased with runs of whitespace made one space (a lookup key)."""
    return " ".join(phrase.lower().split())


def _read(path: Path, packs: tuple[Path, ...] = (), required: bool = True) -> dict:
    """Read one vocabulary mapping, merged with the same file of each pack's ``vocab/``.

    Raises:
        VocabularyError: a file is missing or malformed, or two files define one id
            differently (both are named).
    """
    if not path.is_file() and (required or not any((d / path.name).is_file() for d in packs)):
        if not required:
            return {}
        raise VocabularyError(f"{path.name}: cannot read vocabulary (file not found: {path})")
    try:
        return dict(merged_vocabulary(path.name, packs, path.parent).entries)
    except PackError as exc:
        raise VocabularyError(str(exc)) from None


def region_entries(
    vocab_dir: Path = VOCAB_DIR,
    packs: tuple[Path, ...] = (),
    regions: frozenset[str] = frozenset(),
) -> dict[str, dict]:
    """Region entries (``name``, ``aliases``, ``parent``) for the regions a run can meet.

    The curated ``regions.yaml`` (merged with the packs') comes first, so its aliases win.
    For every code in ``regions`` (the codes the reference data uses) that it does not
    list, the code's whole country is added from ISO 3166 (``sources.iso_regions``): the
    country's names and every first-level subdivision's, so that a figure about a
    neighbouring state binds to that state rather than to the country. Countries the data
    does not use are left out: each ISO name added is one more word that can be mistaken
    for a place ("Georgia", "Chad", "Central"), and pycountry is then never loaded at all.

    Raises:
        VocabularyError: a code in ``regions`` is neither curated nor an ISO code.
    """
    curated = _read(vocab_dir / "regions.yaml", packs)
    entries = {str(code): dict(entry or {}) for code, entry in curated.items()}
    # A pack may list an ISO code with aliases only; its standard names come from ISO.
    unnamed = [c for c, e in entries.items() if not e.get("name")]
    missing = sorted(c for c in regions if c not in entries)
    if not missing and not unnamed:
        return entries
    from sources import iso_regions  # pycountry: loaded only for codes beyond the curated ones

    for code in unnamed:
        country = code.split("-", 1)[0]
        names = iso_regions.countries().get(country) if code == country else (
            iso_regions.subdivisions(country).get(code)
        )
        if names is None:
            raise VocabularyError(f"regions.yaml: {code!r} has no name and is not an ISO code")
        entry = entries[code]
        entry["name"] = names[0]
        entry["aliases"] = [*(entry.get("aliases") or []), *names]
        if code != country:
            entry.setdefault("parent", country)
    for country in dict.fromkeys(c.split("-", 1)[0] for c in missing):
        names = iso_regions.countries().get(country)
        if names is None:
            raise VocabularyError(f"{country}: not an ISO 3166 country code")
        entries.setdefault(country, {"name": names[0], "aliases": list(names)})
        for code, sub_names in iso_regions.subdivisions(country).items():
            entries.setdefault(
                code, {"name": sub_names[0], "aliases": list(sub_names), "parent": country}
            )
    return entries


def _word_regex(alternatives: str, flags: int = 0) -> re.Pattern[str]:
    """Compile an alternation matched on word boundaries (no letter or digit either side)."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def _region_alternation(aliases: list[str]) -> str:
    """Alternation of place aliases; short all-caps acronyms ("KP", "ICT") match in capitals only.

    Case-insensitive "kp" or "ict" would find ordinary words and fragments; an acronym is
    written in capitals in news text.
    """
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    parts = []
    for alias in ordered:
        body = re.escape(alias).replace(r"\ ", r"\s+")
        acronym = alias.isupper() and len(alias) <= 5
        parts.append(f"(?-i:{body})" if acronym else body)
    return "|".join(parts)


@cache
def load_lexicon(
    vocab_dir: Path = VOCAB_DIR,
    packs: tuple[Path, ...] = (),
    regions: frozenset[str] = frozenset(),
    _stamp: tuple = (),
) -> Lexicon:
    """Load and compile the vocabularies in ``vocab_dir`` (cached per arguments).

    Args:
        vocab_dir: folder holding metrics.yaml, regions.yaml, sources.yaml and names.yaml.
        packs: data packs' ``vocab/`` folders, merged over ``vocab_dir`` (``sources.packs``).
        regions: region codes the reference data uses; those beyond the curated
            regions.yaml bring their country's ISO names (see :func:`region_entries`).
        _stamp: the packs' file stamps (``sources.packs.stamp``), so that an edited pack
            is compiled afresh rather than served from the cache.
    Returns:
        The compiled :class:`Lexicon`.
    Raises:
        VocabularyError: a file is missing or malformed, or packs clash.
    """
    metrics: dict[str, Metric] = {}
    metric_by_word: dict[str, str] = {}
    modifier_by_phrase: dict[str, str] = {}
    for mid, entry in _read(vocab_dir / "metrics.yaml", packs).items():
        entry = entry or {}
        metric = Metric(
            id=str(mid),
            label=str(entry.get("label", mid)),
            words=tuple(str(w) for w in entry.get("words", []) or []),
            base=entry.get("base"),
            modifiers=tuple(str(m) for m in entry.get("modifiers", []) or []),
            also_of=tuple(str(m) for m in entry.get("also_of", []) or []),
            event=bool(entry.get("event", False)),
            countable=bool(entry.get("countable", True)),
            generic=bool(entry.get("generic", False)),
            units=tuple(str(u).lower() for u in entry.get("units", []) or []),
        )
        metrics[metric.id] = metric
    # A word names one metric: a pack's own metrics first (a pack that counts "kidnappings"
    # means its metric, not the bundled one with the same word), then the first listed.
    bundled = set(_read(vocab_dir / "metrics.yaml")) if packs else set(metrics)
    for metric in sorted(metrics.values(), key=lambda m: m.id in bundled):
        for word in metric.words:
            metric_by_word.setdefault(normalise(word), metric.id)
        for phrase in metric.modifiers:
            modifier_by_phrase.setdefault(normalise(phrase), metric.id)

    region_by_alias: dict[str, str] = {}
    region_parent: dict[str, str] = {}
    region_names: dict[str, str] = {}
    aliases_as_written: list[str] = []
    for code, entry in region_entries(vocab_dir, packs, regions).items():
        for alias in [entry.get("name"), *(entry.get("aliases") or [])]:
            if alias:
                aliases_as_written.append(str(alias))
                region_by_alias.setdefault(normalise(str(alias)), str(code))
        if entry.get("parent"):
            region_parent[str(code)] = str(entry["parent"])
        region_names[str(code)] = str(entry.get("name") or code)

    dateline_by_city: dict[str, str] = {}
    region_rest: dict[tuple[str, str], str] = {}
    for code, entry in _read(vocab_dir / "regions.yaml").items():
        for city in (entry or {}).get("dateline") or []:
            dateline_by_city.setdefault(normalise(str(city)), str(code))
        rest = (entry or {}).get("rest_of")
        if rest:
            if not isinstance(rest, list) or len(rest) != 2:
                raise VocabularyError(f"regions.yaml: {code!r}: rest_of is [whole, part]")
            region_rest[(str(rest[0]), str(rest[1]))] = str(code)

    source_by_alias: dict[str, str] = {}
    source_scope: dict[str, str] = {}
    edition_lag: dict[str, int] = {}
    worldwide: set[str] = set()
    source_means: dict[str, dict[str, str]] = {}
    local_sources: dict[str, list[str]] = {}
    local_aliases: list[str] = []
    titles: list[str] = []
    for name, entry in _read(vocab_dir / "sources.yaml", packs).items():
        entry = entry or {}
        for title in entry.get("titles") or []:
            titles.append(" ".join(str(title).split()))
        for alias in [name, *(entry.get("aliases") or []), *(entry.get("titles") or [])]:
            written = " ".join(str(alias).split())
            source_by_alias.setdefault(written, str(name))
            if written[:1].islower():
                # Names are matched as written (acronyms), but one written in lower case
                # also opens a sentence: "The military's media wing said".
                source_by_alias.setdefault(written[0].upper() + written[1:], str(name))
            if written.isalpha() and written.isupper() and len(written) >= 4:
                # Some outlets' style writes a long acronym as a word: "Picss", "Acled".
                # (Three letters are left out: "Gti" is no one's style, and short ones
                # written as words are more often words.)
                source_by_alias.setdefault(written.capitalize(), str(name))
        if entry.get("local_names") and not entry.get("scope"):
            raise VocabularyError(f"sources.yaml: {name}: 'local_names' needs a 'scope' (the "
                                  "place that tells this publisher from the others)")
        for alias in entry.get("local_names") or []:
            written = " ".join(str(alias).split())
            local_aliases.append(written)
            names = local_sources.setdefault(LOCAL_SOURCE + normalise(written), [])
            if str(name) not in names:  # "police records", "Police records": one name
                names.append(str(name))
        if entry.get("scope"):
            source_scope[str(name)] = str(entry["scope"])
        if entry.get("edition_lag") is not None:
            edition_lag[str(name)] = int(entry["edition_lag"])
        if entry.get("worldwide"):
            worldwide.add(str(name))
        for word_id, meant in (entry.get("means") or {}).items():
            if str(word_id) not in metrics or str(meant) not in metrics:
                raise VocabularyError(f"sources.yaml: {name}: 'means' maps {word_id!r} to "
                                      f"{meant!r}; both must be metric ids")
            source_means.setdefault(str(name), {})[str(word_id)] = str(meant)

    for written in local_aliases:
        # A publisher's own alias wins: "KP Police" is never the local name "police".
        source_by_alias.setdefault(written, LOCAL_SOURCE + normalise(written))

    group_by_word, population_by_word, parts, agents, scopes, counted_nouns, unions = (
        _read_parts(vocab_dir / "parts.yaml", metrics))

    names = _read(vocab_dir / "names.yaml", packs, required=False)
    not_places = [str(n) for n in (names.get("not_places") or [])]
    outlets = frozenset(normalise(str(n)) for n in names.get("outlets") or [])
    # (A place a pack made a region is one: its figures are judged there.)
    elsewhere = tuple(str(n) for n in names.get("elsewhere") or []
                      if normalise(str(n)) not in region_by_alias)
    # Source names ("Pakistan Institute for Peace Studies") hide the places inside them too;
    # a report's title does not: the place it names is the place its figures count.
    masked = not_places + [a for a in source_by_alias if " " in a and a not in titles]

    modifiers = _word_regex(alternation(modifier_by_phrase), re.IGNORECASE) if modifier_by_phrase else None
    metric_words = _word_regex(alternation(metric_by_word), re.IGNORECASE)
    regions = _word_regex(_region_alternation(aliases_as_written), re.IGNORECASE)
    not_places = _word_regex(alternation(masked), re.IGNORECASE)
    acronyms = [a for a in set(aliases_as_written) if a.isupper() and len(a) <= 5]
    # Proper names are matched as written: "Mujahid" the person, not "mujahid" the word.
    sources = _word_regex(alternation(source_by_alias))
    return Lexicon(
        metrics=metrics,
        metric_by_word=metric_by_word,
        metric_words=metric_words,
        modifier_by_phrase=modifier_by_phrase,
        modifiers=modifiers,
        region_by_alias=region_by_alias,
        region_parent=region_parent,
        regions=regions,
        source_by_alias=source_by_alias,
        sources=sources,
        not_places=not_places,
        metric_finder=word_finder(list(metric_by_word), metric_words),
        modifier_finder=word_finder(list(modifier_by_phrase), modifiers) if modifiers else None,
        region_finder=word_finder(
            [a for a in aliases_as_written if a not in acronyms], regions, acronyms
        ),
        not_place_finder=word_finder(masked, not_places),
        source_finder=word_finder([], sources, list(source_by_alias)),
        source_scope=source_scope,
        edition_lag=edition_lag,
        worldwide_sources=frozenset(worldwide),
        dateline_by_city=dateline_by_city,
        region_rest=region_rest,
        group_by_word=group_by_word,
        group_finder=_finder(group_by_word),
        population_by_word=population_by_word,
        population_unions=unions,
        population_finder=_finder(population_by_word),
        parts=parts,
        agent_groups=agents,
        scope_groups=scopes,
        counted_nouns=counted_nouns,
        outlets=outlets,
        elsewhere=elsewhere,
        source_means=source_means,
        local_sources={k: tuple(v) for k, v in local_sources.items()},
        region_names=region_names,
    )


def _finder(by_word: dict[str, str]) -> WordFinder | None:
    """A case-insensitive finder for the keys of ``by_word`` (None when it is empty)."""
    if not by_word:
        return None
    return word_finder(list(by_word), _word_regex(alternation(by_word), re.IGNORECASE))


def _read_parts(path: Path, metrics: dict[str, Metric]) -> tuple[
        dict[str, str], dict[str, str], dict[tuple[str, str], str], frozenset[str], frozenset[str],
        frozenset[str], dict[frozenset[str], str]]:
    """Read parts.yaml: qualifier words by group, population words, the part table, the
    groups that act (which "the group" can refer back to), the groups that name a
    publisher's scope, the death and injury nouns a population word before them qualifies,
    and the populations a list of others makes."""
    if not path.exists():
        return {}, {}, {}, frozenset(), frozenset(), frozenset(), {}
    data = _read(path)
    groups = {normalise(str(w)): str(g) for g, words in (data.get("groups") or {}).items()
              for w in words or []}
    populations = {normalise(str(w)): str(g)
                   for g, words in (data.get("populations") or {}).items() for w in words or []}
    parts: dict[tuple[str, str], str] = {}
    for key, part in (data.get("parts") or {}).items():
        base, _, qualifier = str(key).partition("+")
        if not qualifier or str(part) not in metrics or base not in metrics:
            raise VocabularyError(f"{path.name}: bad part {key!r} -> {part!r} "
                                  "(want 'metric+qualifier: metric', ids from metrics.yaml)")
        parts[(base, qualifier)] = str(part)
    agents = frozenset(str(a) for a in data.get("agents") or [])
    scopes = frozenset(str(a) for a in data.get("scopes") or [])
    unknown = (agents | scopes) - set(groups.values())
    if unknown:
        raise VocabularyError(f"{path.name}: agents or scopes {sorted(unknown)} are not among "
                              "the groups")
    nouns = frozenset(normalise(str(w)) for w in data.get("counted_nouns") or [])
    known = set(populations.values())
    unions: dict[frozenset[str], str] = {}
    for union, members in (data.get("unions") or {}).items():
        ids = frozenset(str(m) for m in members or [])
        if str(union) not in known or len(ids) < 2 or not ids <= known:
            raise VocabularyError(f"{path.name}: bad union {union!r}: {sorted(ids)} (want two "
                                  "or more population ids, and a population id for the union)")
        unions[ids] = str(union)
    return groups, populations, parts, agents, scopes, nouns, unions

