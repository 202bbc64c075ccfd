"""Fetch the articles an RSS/Atom feed lists, as HTML files the article reader reads.

httpx fetches (a timeout on every request, a few retries with back-off on timeouts,
connection errors and 5xx answers), feedparser parses. A page that cannot be fetched
becomes a ``FetchProblem`` row and the other articles go on: one slow site does not stop
a scheduled run.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import yaml

from sources.articles import slugify

DEFAULT_TIMEOUT = 10.0  # seconds, per request
DEFAULT_RETRIES = 2  # after the first attempt
USER_AGENT = "figcheck (statistical fact-checking; +https://github.com/)"


class FetchError(RuntimeError):
    """A URL could not be fetched after every attempt."""

    def __init__(self, url: str, reason: str, attempts: int) -> None:
        super().__init__(f"{url}: {reason} (after {attempts} attempt{'s' * (attempts != 1)})")
        self.url, self.reason, self.attempts = url, reason, attempts


@dataclass(frozen=True)
class FetchProblem:
    """A feed or page that could not be fetched or read, for the run's report."""

    url: str
    problem: str
    attempts: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class FeedResult:
    """What one feed gave: the article files written, and the problems met."""

    paths: list[str]
    problems: list[FetchProblem]


def fetch(
    client: httpx.Client, url: str, retries: int = DEFAULT_RETRIES, backoff: float = 0.5
) -> bytes:
    """GET ``url``, retrying timeouts, connection errors and 5xx answers.

    Raises:
        FetchError: every attempt failed, or the server answered 4xx (not retried).
    """
    attempts = 0
    while True:
        attempts += 1
        try:
            response = client.get(url)
            if response.status_code < 400:
                return response.content
            reason = f"HTTP {response.status_code}"
            if response.status_code < 500:
                raise FetchError(url, reason, attempts)
        except httpx.TimeoutException:
            reason = "timed out"
        except httpx.TransportError as exc:
            reason = f"connection failed ({type(exc).__name__})"
        if attempts > retries:
            raise FetchError(url, reason, attempts)
        time.sleep(backoff * 2 ** (attempts - 1))


def fetch_feed(
    url: str,
    dest: Path,
    taken_ids: set[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
) -> FeedResult:
    """Fetch a feed and every article it lists into ``dest`` as ``<id>.html``.

    Args:
        url: the RSS or Atom feed.
        dest: folder for the pages (and a ``<id>.meta.yaml`` with the feed's date).
        taken_ids: article ids already in the run; new ids avoid them, and are added.
        timeout: seconds per request.
        retries: further attempts after a failed one.

    Returns:
        The files written and the problems met (the feed itself, or single pages).
    """
    import feedparser  # parses a few hundred KB/s; only scheduled runs need it

    taken = taken_ids if taken_ids is not None else set()
    dest.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    problems: list[FetchProblem] = []
    with httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as client:
        try:
            feed = feedparser.parse(fetch(client, url, retries))
        except FetchError as exc:
            return FeedResult([], [FetchProblem(url, exc.reason, exc.attempts)])
        if feed.bozo and not feed.entries:
            problem = f"not an RSS or Atom feed ({feed.get('bozo_exception')})"
            return FeedResult([], [FetchProblem(url, problem, 1)])
        for entry in feed.entries:
            link = entry.get("link")
            if not link:
                problems.append(FetchProblem(url, "a feed entry has no link", 0))
                continue
            try:
                page = fetch(client, link, retries)
            except FetchError as exc:
                problems.append(FetchProblem(link, exc.reason, exc.attempts))
                continue
            article_id = _unique(_entry_id(link, entry.get("title")), taken)
            path = dest / f"{article_id}.html"
            path.write_bytes(page)
            _write_sidecar(path, entry)
            paths.append(str(path))
    return FeedResult(paths, problems)


def _entry_id(link: str, title: str | None) -> str:
    """An id from the link's last path segment, else the title."""
    segments = [s for s in urlparse(link).path.split("/") if s]
    stem = segments[-1].rsplit(".", 1)[0] if segments else ""
    return slugify(stem or title or "article")


def _unique(article_id: str, taken: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id[:75]}-{n}"
    taken.add(candidate)
    return candidate


def _write_sidecar(path: Path, entry: Any) -> None:
    """The feed's publication date beside the page; the reader prefers it to the page's."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if stamp is None:
        sidecar.unlink(missing_ok=True)
        return
    day = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    sidecar.write_text(yaml.safe_dump({"published": day}), encoding="utf-8")
