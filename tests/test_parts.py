"""A text too long to be an article is read in parts, each as an article of its own.

The sentences are invented; sizes are made small (``PART_CHARS``) so that a few kilobytes
stand for an archive of megabytes.
"""

from __future__ import annotations

import re
from concurrent.futures.process import BrokenProcessPool
from itertools import pairwise

import pandas as pd
import pytest

from flows.failures import describe
from flows.steps import extract_all
from sources import parts
from sources.articles import Article
from sources.extract import extract_claims
from sources.parts import text_parts
from tests.conftest import invoke_figcheck

CREDITED = (
    "The Institute for Peace Studies said militants carried out 300 attacks in Pakistan in "
    "2021, killing 412 people.\n\n"
)
UNCREDITED = "Militants carried out 40 attacks in Balochistan, killing 52 people.\n\n"


def test_a_news_article_is_one_part():
    text = CREDITED * 400  # about 46,000 characters: longer than any news article
    assert text_parts(text) == [(0, len(text))]


def test_parts_cover_the_text_and_each_ends_with_its_paragraph():
    text = "".join(
        f"In {2000 + i % 25}, {i * 7} attacks were recorded in district {i}.\n"
        + ("\n" if i % 3 == 0 else "")
        for i in range(600)
    )
    spans = text_parts(text, 1000)
    assert len(spans) > 10
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))  # no gap, no overlap
    for start, end in spans[:-1]:
        assert end - start >= 1000
        # Cut after a blank line: the next part starts its paragraph.
        assert re.search(r"\n\s*\n\s*\Z", text[start:end]), text[end - 40:end + 40]


def test_a_text_without_line_breaks_is_cut_after_a_sentence_and_never_in_a_word():
    text = " ".join(f"Officials counted {i * 3} incidents in the year to {i}." for i in range(900))
    spans = text_parts(text, 2000)
    assert len(spans) > 5
    for _, end in spans[:-1]:
        assert text[end - 2:end] == ". "
    unbroken = "7" * 5000
    assert text_parts(unbroken, 1000) == [(0, 5000)]
    two_runs = "x" * 3000 + " " + "y" * 3000
    assert text_parts(two_runs, 1000) == [(0, 3001), (3001, 6001)]


def test_workers_get_even_shares():
    text = "Officials counted 12 incidents.\n\n" * 870  # 2.9 times the size below
    lengths = [end - start for start, end in text_parts(text, 10_000)]
    assert len(lengths) == 2
    assert abs(lengths[0] - lengths[1]) < 100  # not 1 and 1.9 times the size


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of a few thousand characters, so that a short text stands for a long one."""
    size = len(CREDITED) * 39
    monkeypatch.setattr(parts, "PART_CHARS", size)
    return size


def test_an_article_that_opens_a_part_borrows_no_source_or_year_from_the_one_before(
    small_parts,
):
    # Two parts, the first cut at the first paragraph's end after the text's middle.
    text = CREDITED * 40 + UNCREDITED + CREDITED * 38
    later = text.index(UNCREDITED)
    assert [s for s, _ in text_parts(text)] == [0, later]
    claims = extract_claims(text, "archive", "2024-06-28")
    alone = extract_claims(UNCREDITED, "alone", "2024-06-28")
    opened = claims[claims.start.between(later, later + len(UNCREDITED))]
    # Read whole, the file had credited the later article's figures to the first article's
    # source and year.
    assert opened.attributed_to.isna().all()
    cols = ["text", "metric", "region", "period", "attributed_to"]
    pd.testing.assert_frame_equal(
        opened[cols].reset_index(drop=True), alone[cols].reset_index(drop=True)
    )
    assert list(opened.start - later) == list(alone.start)


def test_claims_of_a_text_in_parts_point_into_the_whole_text_with_ids_in_order(small_parts):
    text = (CREDITED * 30 + UNCREDITED * 12) * 4
    assert len(text_parts(text)) >= 3
    claims = extract_claims(text, "archive", "2024-06-28")
    assert len(claims) == 4 * (30 + 12) * 2  # two figures in each paragraph
    assert all(text[s:e] == t for s, e, t in zip(claims.start, claims.end, claims.text))
    assert claims.start.is_monotonic_increasing
    assert list(claims.claim_id) == [f"archive#{i}" for i in range(1, len(claims) + 1)]


def test_two_worker_processes_give_the_table_one_process_gives(small_parts):
    text = (CREDITED * 25 + UNCREDITED * 20) * 5
    article = Article(id="archive", title="", published="2024-06-28", path="-", text=text)
    assert len(text_parts(text)) >= 4
    one = extract_all([article], workers=1)
    two = extract_all([article], workers=2)
    assert len(one) > 300
    pd.testing.assert_frame_equal(one, two)


def test_figcheck_extract_prints_the_same_table_with_one_worker_or_two(tmp_path, small_parts):
    archive = tmp_path / "archive.txt"
    archive.write_text((CREDITED * 25 + UNCREDITED * 20) * 5, encoding="utf-8")
    runs = [
        invoke_figcheck("extract", str(archive), "--published", "2024-06-28", "--format",
                        "csv", "--workers", workers)
        for workers in ("1", "2")
    ]
    assert [r.exit_code for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[0].stdout.count("\n") == 5 * 45 * 2 + 1  # a header and every figure
    assert runs[0].stdout == runs[1].stdout


def test_a_worker_that_died_is_reported_with_the_way_round_it():
    message = describe(BrokenProcessPool("A process in the process pool was terminated"))
    assert "worker" in message and "--workers 1" in message
    assert "internal error" not in message
