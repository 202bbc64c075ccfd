"""Feeds: fetched with timeouts and retries; a hanging site is reported, the rest go on."""

from __future__ import annotations

from flows import feeds
from sources.articles import read_article
from tests import feedserver


def test_a_feed_is_fetched_and_a_hanging_page_is_retried_then_reported(tmp_path, demo_text):
    with feedserver.serve() as site, feedserver.serve(hang_seconds=3) as hanging:
        url = feedserver.publish(site, hanging, demo_text)
        got = feeds.fetch_feed(url, tmp_path, timeout=0.5, retries=2)
    assert [p.rsplit("/", 1)[-1] for p in got.paths] == ["border-report.html"]
    article = read_article(got.paths[0])  # the reader's HTML path, with the feed's date
    assert (article.id, article.published) == ("border-report", "2024-06-28")
    assert "65% increase" in article.text
    (problem,) = got.problems
    assert problem.to_dict() == {
        "url": f"{hanging.base}/articles/slow-story.html",
        "problem": "timed out",
        "attempts": 3,
    }
    assert hanging.requests == ["/articles/slow-story.html"] * 3


def test_a_hanging_feed_is_one_problem(tmp_path):
    with feedserver.serve(hang_seconds=3) as hanging:
        got = feeds.fetch_feed(f"{hanging.base}/feed.xml", tmp_path, timeout=0.5, retries=1)
    assert got.paths == []
    assert [(p.problem, p.attempts) for p in got.problems] == [("timed out", 2)]


def test_a_missing_page_is_not_retried_and_ids_stay_unique(tmp_path, demo_text):
    with feedserver.serve() as site, feedserver.serve() as other:
        url = feedserver.publish(site, other, demo_text)  # other answers 404 at once
        got = feeds.fetch_feed(url, tmp_path, taken_ids={"border-report"}, retries=2)
    assert [p.rsplit("/", 1)[-1] for p in got.paths] == ["border-report-2.html"]
    assert [(p.problem, p.attempts) for p in got.problems] == [("HTTP 404", 1)]
    assert other.requests == ["/articles/slow-story.html"]
