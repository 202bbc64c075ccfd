"""Long texts cut into parts that are read as articles of their own.

A news article is a few tens of thousands of characters; a file of several megabytes is an
archive, a feed dump or a book. Read whole, its first paragraph's period became "the lead's"
for every figure in it, its most-named place everyone's, and every figure of it was held in
memory at once (2.6 GB for 50 MB). Cut between paragraphs into parts of about
``PART_CHARS``, each part is read as an article (``sources.extract.extract_claims``), the
parts can be read on several cores (``flows.steps.extract_all``), and the claims are joined
back with offsets into the whole text and ids in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.schemas import ClaimSchema as C

# The shortest part (characters): no news article is this long, so no article is ever cut.
PART_CHARS = 1_000_000

# Where a part may end, best first: after a blank line (a paragraph), after a line break,
# after a sentence's end, after any space. A cut never falls inside a word or a number.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def text_parts(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans that cut ``text`` into consecutive parts of about equal
    length, each at least ``size`` characters (default ``PART_CHARS``), covering it without
    gap or overlap: as many parts as ``size`` goes into the text's length, so that workers
    get even shares. A text shorter than ``2 * size`` is one part.

    Each cut is the first of the best kind of break (``_CUTS``) within ``size`` characters
    after the part's goal, so that a part ends with its paragraph; a text with no break at
    all there is cut at the next space, wherever it is.
    """
    size = size or PART_CHARS
    n = len(text)
    count = n // size
    spans: list[tuple[int, int]] = []
    start = 0
    for k in range(1, count):
        goal = max(n * k // count, start + size)
        if n - goal < size:
            break  # (an earlier cut came late: the rest is the last part)
        cut = None
        for pattern in _CUTS:
            m = pattern.search(text, goal, goal + size)
            if m is not None:
                cut = m.end()
                break
        if cut is None:  # one unbroken run of 'size' characters: the next space ends it
            m = _CUTS[-1].search(text, goal + size)
            if m is None:
                break
            cut = m.end()
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def joined_columns(
    article_id: str, spans: list[tuple[int, int]], parts: Iterable[dict[str, list]]
) -> dict[str, list]:
    """One article's claims columns from its parts' (``extract_claims(..., columns=True)``
    of each span's text, in the same order): offsets moved into the whole text, claim ids
    numbered again in text order (``"<article_id>#<n>"``). ``{}`` when no part has a claim.
    """
    joined: dict[str, list] = {}
    for (offset, _), columns in zip(spans, parts, strict=True):
        if not columns:
            continue
        for name, values in columns.items():
            if name in (C.start, C.end):
                values = [v + offset for v in values]
            joined.setdefault(name, []).extend(values)
    if joined:
        joined[C.claim_id] = [f"{article_id}#{i}" for i in range(1, len(joined[C.start]) + 1)]
    return joined
