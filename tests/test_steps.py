"""The pipeline's batch plumbing: inputs read once, chunks, one validation per batch."""

from __future__ import annotations

import os
from datetime import date

import pandas as pd

from flows import steps
from tests.conftest import DEMO


def test_an_unchanged_input_is_read_once_and_a_changed_one_again(tmp_path, monkeypatch):
    path = tmp_path / "note.txt"
    path.write_text("Attacks rose by 17% last year, according to PIPS.", encoding="utf-8")
    calls = []
    real = steps.read_article
    monkeypatch.setattr(steps, "read_article", lambda *a, **k: calls.append(a) or real(*a, **k))
    first = steps.read_articles([str(path)], date(2024, 6, 28))
    again = steps.read_articles([str(path)], date(2024, 6, 28))
    assert len(calls) == 1 and again == first
    path.write_text("Attacks rose by 18% last year, according to PIPS.", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = steps.read_articles([str(path)], date(2024, 6, 28))
    assert len(calls) == 2 and "18%" in changed[0].text


def test_chunks_keep_order_and_spread_small_batches():
    items = list(range(1000))
    chunks = steps.chunked(items)
    assert [x for c in chunks for x in c] == items
    assert max(len(c) for c in chunks) == steps.CHUNK_ARTICLES
    assert [len(c) for c in steps.chunked(list(range(3)))] == [1, 1, 1]
    assert steps.chunked([]) == []


def test_the_runner_cuts_the_articles_the_per_chunk_steps_run_over(tmp_path, demo_text):
    paths = []
    for i in range(3):
        path = tmp_path / f"variant-{i}.txt"
        path.write_text(demo_text.replace("65% increase", f"{45 + i}% increase"), "utf-8")
        paths.append(str(path))
    seen: dict[str, list[int]] = {}

    class OneChunk(steps.InProcess):
        def chunks(self, items):
            return [list(items)]

        def map(self, name, fn, chunks, *shared):
            seen[name] = [len(getattr(c, "articles", c)) for c in chunks]
            return super().map(name, fn, chunks, *shared)

    job = steps.CheckRun(paths, tmp_path / "out", date(2024, 6, 28))
    results = steps.run_pipeline(OneChunk(), job, run_id="one-chunk", engine="local")
    assert seen == {"extract claims": [3], "render": [3]}
    assert [r["article"]["id"] for r in results] == ["variant-0", "variant-1", "variant-2"]


def test_a_batch_validated_once_equals_each_article_validated_alone():
    articles = steps.read_articles([str(DEMO)], date(2024, 6, 28))
    batch = steps.validate_claims(steps.combine_claims(steps.extract_chunk(articles)))
    alone = steps.extract_one(articles[0])
    pd.testing.assert_frame_equal(batch, alone)


def test_a_chunk_is_one_table_equal_to_its_articles_tables_joined():
    from sources.articles import read_text

    articles = steps.read_articles([str(DEMO)], date(2024, 6, 28)) + [
        read_text("Nothing here is counted.", name="none", published=date(2024, 6, 28)),
        read_text(
            "Police said 14 people died in Peshawar on Monday, up from 9 a week earlier.",
            name="short",
            published=date(2024, 6, 28),
        ),
    ]
    frames = steps.extract_chunk(articles)
    assert len(frames) == 1  # one table for the chunk, not one per article
    alone = pd.concat([steps.extract_one(a) for a in articles], ignore_index=True)
    pd.testing.assert_frame_equal(steps.validate_claims(frames[0]), steps.validate_claims(alone))
    assert steps.extract_chunk(articles[1:2]) == []


def test_full_collections_wait_during_a_run_and_the_thresholds_come_back(tmp_path):
    import gc

    before = gc.get_threshold()
    seen = []

    class Watching(steps.InProcess):
        def batch(self, name, fn, *args):
            seen.append(gc.get_threshold())
            return fn(*args)

    job = steps.CheckRun([str(DEMO)], tmp_path, date(2024, 6, 28))
    steps.run_pipeline(Watching(), job, run_id="gc-test", engine="local")
    assert seen and all(t[2] == max(steps.FULL_COLLECTION_AFTER, before[2]) for t in seen)
    assert gc.get_threshold() == before
    try:
        with steps.fewer_full_collections():
            raise ValueError("a failing step")
    except ValueError:
        pass
    assert gc.get_threshold() == before
