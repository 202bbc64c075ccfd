"""schema.org ClaimReview JSON-LD for each judged claim, as fact-check search features read it.

Rating scale (``reviewRating``): ``worstRating`` 1, ``bestRating`` 4, with the verdict word
as ``alternateName``: contradicted 1, misattributed 2, disputed 3, supported 4. An
unverifiable claim gets ``alternateName`` "unverifiable" and no ``ratingValue``: figcheck
could not rate it, and a number would suggest it did.

Built from the result dict only. ``url`` points at the claim's panel in the HTML report
(``<report>#claim-N``, N the claim's position in the result).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import orjson

from checks.vocabulary import Verdict
from reports.options import DEFAULT_REVIEWER

WORST_RATING, BEST_RATING = 1, 4
RATINGS: dict[str, int | None] = {
    Verdict.CONTRADICTED.value: 1,
    Verdict.MISATTRIBUTED.value: 2,
    Verdict.DISPUTED.value: 3,
    Verdict.SUPPORTED.value: 4,
    Verdict.UNVERIFIABLE.value: None,
}


def _http(url: Any) -> str | None:
    """An http(s) URL, or None: local file paths are not published."""
    u = str(url or "").strip()
    return u if urlsplit(u).scheme.lower() in {"http", "https"} else None


def _day(iso: Any) -> str | None:
    """The date part of an ISO date or datetime."""
    return str(iso)[:10] if iso else None


def claim_reviews(
    result: Mapping[str, Any],
    report_url: str,
    reviewer: str = DEFAULT_REVIEWER,
    claim_author: str | None = None,
) -> list[dict[str, Any]]:
    """One ClaimReview object per claim of ``result``.

    Parameters: ``report_url`` the URL of the article's HTML report (absolute when the
    reports are published, else relative); ``reviewer`` the reviewing organisation
    (``author``); ``claim_author`` who made the claim (the article's publisher), if known —
    when unknown, ``itemReviewed`` has no ``author`` rather than a guessed one.
    Returns JSON-ready dicts, each with its own ``@context``.
    """
    article = result.get("article") or {}
    run = result.get("run") or {}
    published = _day(article.get("published"))
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": article.get("title")}
    # The article's own URL from its metadata, else its path when that is a web address.
    article_url = _http(article.get("url")) or _http(article.get("path"))
    if article_url:
        appearance["url"] = article_url
    if published:
        appearance["datePublished"] = published
    reviews = []
    for n, claim in enumerate(result.get("claims") or [], 1):
        verdict = str(claim.get("verdict"))
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": verdict,
            "worstRating": WORST_RATING,
            "bestRating": BEST_RATING,
            "ratingExplanation": claim.get("explanation"),
        }
        if RATINGS.get(verdict) is not None:
            rating["ratingValue"] = RATINGS[verdict]
        item: dict[str, Any] = {
            "@type": "Claim",
            "name": claim.get("text"),
            "appearance": appearance,
        }
        if claim_author:
            item["author"] = {"@type": "Organization", "name": claim_author}
        if published:
            item["datePublished"] = published
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{report_url}#claim-{n}",
                "claimReviewed": claim.get("sentence") or claim.get("text"),
                "itemReviewed": item,
                "reviewRating": rating,
                "author": {"@type": "Organization", "name": reviewer},
                "datePublished": _day(run.get("generated_at")),
            }
        )
    return reviews


def dumps_jsonld(reviews: list[dict[str, Any]]) -> str:
    """The reviews as a JSON-LD document (an array), for ``<id>.claimreview.json``.

    The text of ``json.dumps(indent=2, ensure_ascii=False)``, written by orjson (many times
    faster; ``reports.result.dumps`` does the same) when the reviews hold no float: the two
    write some floats differently ("1e+16" against "1e16"), and ratings are whole numbers.
    """
    if not _has_float(reviews):
        try:
            return orjson.dumps(reviews, option=orjson.OPT_INDENT_2).decode() + "\n"
        except TypeError:  # a type orjson does not know (or a huge int): the stdlib's way
            pass
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"


def _has_float(value: Any) -> bool:
    """Whether ``value`` holds a float anywhere in its dicts, lists and tuples."""
    cls = type(value)
    # The reviews' own types first: a Mapping isinstance test goes through the ABC's
    # machinery, and each review holds about 150 values.
    if cls is str or cls is int or cls is bool or value is None:
        return False
    if cls is dict:
        return any(map(_has_float, value.values()))
    if cls is list:
        return any(map(_has_float, value))
    if isinstance(value, float):
        return True
    if isinstance(value, Mapping):
        return any(map(_has_float, value.values()))
    if isinstance(value, list | tuple):
        return any(map(_has_float, value))
    return False


def script_jsonld(reviews: list[dict[str, Any]]) -> str:
    """The reviews as the body of ``<script type="application/ld+json">`` in an HTML page.

    ``<``, ``>`` and ``&`` become JSON ``\\u`` escapes, so no text (``</script>``,
    ``<!--``) can end the script element early; the JSON value is unchanged. U+2028/9 are
    escaped too, as older JavaScript parsers treat them as line ends.
    """
    text = json.dumps(reviews, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text
