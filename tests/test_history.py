"""The history store against SQLite and a real PostgreSQL server (no database mocks)."""

from __future__ import annotations

import json
import os
import uuid

import pytest
import sqlalchemy as sa

from flows import history
from flows.history import HistoryStore
from tests.conftest import invoke_figcheck

POSTGRES_ENV = "FIGCHECK_TEST_POSTGRES_URL"


def _postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{POSTGRES_ENV} is not set on CI: .ci/run starts PostgreSQL and sets it")
    pytest.skip(f"{POSTGRES_ENV} is not set (run ./.ci/run, or point it at a PostgreSQL)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """An empty store: a fresh SQLite file, or a fresh schema dropped after the test."""
    if request.param == "sqlite":
        s = HistoryStore(f"sqlite:///{tmp_path / 'history.sqlite'}")
        yield s
        s.dispose()
        return
    url = _postgres_url()
    schema = f"figcheck_test_{uuid.uuid4().hex[:12]}"
    s = HistoryStore(url, schema=schema)
    yield s
    s.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def result(
    article_id: str,
    verdicts: dict[str, str],
    reference_version: str = "ref-a",
    figcheck_version: str = "0.1.0",
) -> dict:
    """A minimal result dict: claims numbered in order, each with text, verdict and rule."""
    claims = [
        {"claim_id": f"{article_id}#{i}", "text": text, "verdict": v, "rule": f"rule-{v}"}
        for i, (text, v) in enumerate(verdicts.items(), start=1)
    ]
    run = {"figcheck_version": figcheck_version, "reference_version": reference_version}
    return {"article": {"id": article_id}, "claims": claims, "run": run}


def test_a_recorded_run_lists_with_its_counts(store):
    store.record_run(
        "run-1",
        [
            result("a", {"65% increase": "supported", "84% of attacks": "disputed"}),
            result("b", {"5,000": "unverifiable"}),
        ],
        {"a": "text a", "b": "text b"},
        engine="local",
    )
    (run,) = store.list_runs()
    assert run | {"created_at": None} == {
        "run_id": "run-1",
        "created_at": None,
        "figcheck_version": "0.1.0",
        "reference_version": "ref-a",
        "engine": "local",
        "articles": 2,
        "claims": 3,
    }
    assert [r["claims"] for r in store.list_runs("b")] == [1]
    assert store.list_runs("nobody") == []
    assert store.changes() == []


def test_changes_name_the_reason_article_text_or_reference_data(store):
    texts = {"a": "Deaths rose 65%.", "b": "Attacks fell."}
    store.record_run(
        "r1", [result("a", {"65%": "supported"}), result("b", {"9%": "supported"})], texts, "local"
    )
    # r2: article a's text changes (its figure is now contradicted); b is unchanged.
    store.record_run(
        "r2",
        [result("a", {"45%": "contradicted"}), result("b", {"9%": "supported"})],
        {**texts, "a": "Deaths rose 45%."},
        "prefect",
    )
    # r3: reference data revised: b's claim becomes disputed, a's stays contradicted.
    store.record_run(
        "r3",
        [result("a", {"45%": "contradicted"}, "ref-b"), result("b", {"9%": "disputed"}, "ref-b")],
        {**texts, "a": "Deaths rose 45%."},
        "local",
    )
    changes = [c.to_dict() for c in store.changes()]
    assert changes == [
        {
            "article_id": "a",
            "claim_id": "a#1",
            "before_run": "r1",
            "after_run": "r2",
            "before": {
                "claim_id": "a#1",
                "text": "65%",
                "verdict": "supported",
                "rule": "rule-supported",
            },
            "after": {
                "claim_id": "a#1",
                "text": "45%",
                "verdict": "contradicted",
                "rule": "rule-contradicted",
            },
            "reason": history.REASON_TEXT,
        },
        {
            "article_id": "b",
            "claim_id": "b#1",
            "before_run": "r2",
            "after_run": "r3",
            "before": {
                "claim_id": "b#1",
                "text": "9%",
                "verdict": "supported",
                "rule": "rule-supported",
            },
            "after": {
                "claim_id": "b#1",
                "text": "9%",
                "verdict": "disputed",
                "rule": "rule-disputed",
            },
            "reason": history.REASON_REFERENCES,
        },
    ]
    assert [c.claim_id for c in store.changes("b")] == ["b#1"]


def test_both_changed_and_claims_that_appear_or_vanish(store):
    store.record_run("r1", [result("a", {"65%": "supported"})], {"a": "one"}, "local")
    store.record_run(
        "r2",
        [result("a", {"65%": "supported", "7 of 10": "unverifiable"}, "ref-b")],
        {"a": "two"},
        "local",
    )
    (change,) = store.changes("a")
    assert (change.claim_id, change.before, change.after["verdict"]) == (
        "a#2",
        None,
        "unverifiable",
    )
    assert change.reason == history.REASON_BOTH


def test_a_figure_inserted_into_the_text_shifts_no_other_claim(store):
    # Claim ids number the figures in order: inserting one before the others renumbers them,
    # which must not read as verdict changes; the figure whose verdict did change is still found.
    before = {"65%": "supported", "84%": "disputed", "5,000": "supported"}
    store.record_run("r1", [result("a", before)], {"a": "one"}, "local")
    after = {"12%": "unverifiable", "65%": "supported", "84%": "disputed", "5,000": "contradicted"}
    store.record_run("r2", [result("a", after)], {"a": "one, edited"}, "local")
    changes = store.changes("a")
    assert [(c.claim_id, c.before and c.before["claim_id"]) for c in changes] == [
        ("a#1", None),
        ("a#4", "a#3"),
    ]
    assert [c.reason for c in changes] == [history.REASON_TEXT] * 2
    assert changes[1].after["text"] == "5,000"


def test_a_newly_read_figure_in_unchanged_text_shifts_no_other_claim(store):
    # Same text, newer figcheck that reads one more figure first: ids shift without an edit.
    store.record_run(
        "r1", [result("a", {"65%": "supported", "84%": "disputed"})], {"a": "x"}, "local"
    )
    newer = result(
        "a", {"693": "supported", "65%": "supported", "84%": "disputed"}, "ref-a", "0.2.0"
    )
    store.record_run("r2", [newer], {"a": "x"}, "local")
    (change,) = store.changes("a")
    assert (change.claim_id, change.before, change.after["text"]) == ("a#1", None, "693")
    assert change.reason == history.REASON_FIGCHECK


def test_an_edited_figure_pairs_with_the_one_it_replaced(store):
    store.record_run(
        "r1", [result("a", {"65%": "supported", "84%": "disputed"})], {"a": "x"}, "local"
    )
    store.record_run(
        "r2", [result("a", {"45%": "contradicted", "84%": "disputed"})], {"a": "y"}, "local"
    )
    (change,) = store.changes("a")
    assert (change.before["text"], change.after["text"]) == ("65%", "45%")
    assert (change.before["verdict"], change.after["verdict"]) == ("supported", "contradicted")


def test_a_failed_transaction_leaves_no_run(store):
    store.record_run("r1", [result("a", {"65%": "supported"})], {"a": "one"}, "local")
    with pytest.raises(sa.exc.IntegrityError):
        # The same claim twice in one run breaks the primary key on the second row: the
        # run row inserted first must roll back with it.
        bad = result("a", {"65%": "supported"})
        bad["claims"] *= 2
        store.record_run("r2", [bad], {"a": "one"}, "local")
    assert [r["run_id"] for r in store.list_runs()] == ["r1"]


def test_history_command_reads_the_store_through_its_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    store = HistoryStore(url)
    store.record_run("r1", [result("a", {"65%": "supported"})], {"a": "one"}, "local")
    store.record_run("r2", [result("a", {"65%": "contradicted"}, "ref-b")], {"a": "one"}, "local")
    three = {"12%": "supported", "65%": "contradicted"}  # a figure inserted: "65%" is now a#2
    store.record_run("r3", [result("a", three, "ref-b")], {"a": "one, edited"}, "local")
    store.dispose()
    # The command reads the variable when it runs: in this process is as good as a new one.
    monkeypatch.setenv(history.HISTORY_URL_ENV, url)
    run = invoke_figcheck("history", "a", "--json")
    assert run.exit_code == 0, run.stderr
    payload = json.loads(run.stdout)
    assert [r["run_id"] for r in payload["runs"]] == ["r1", "r2", "r3"]
    assert [(c["claim_id"], c["reason"]) for c in payload["changes"]] == [
        ("a#1", history.REASON_REFERENCES),
        ("a#1", history.REASON_TEXT),
    ]
    assert payload["changes"][1]["before"] is None  # the inserted figure, not "65%" renumbered
    plain = invoke_figcheck("history")
    assert "a#1: supported ('65%') -> contradicted ('65%'); reference data changed" in plain.stdout
    assert "a#1: (absent) -> supported ('12%'); article text changed" in plain.stdout


def test_history_command_without_a_store_exits_2(tmp_path, monkeypatch):
    monkeypatch.delenv(history.HISTORY_URL_ENV, raising=False)
    run = invoke_figcheck("history", "--out", str(tmp_path))
    assert run.exit_code == 2, (run.stdout, run.stderr)
    assert "no history in" in run.stderr
    assert not (tmp_path / history.HISTORY_FILE).exists()  # reading never creates a store
