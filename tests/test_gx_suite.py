"""GX re-check of the evidence table: per-row overlap verdicts, structure, Data Docs.

GX validations take a fraction of a second each but the import takes seconds, so the three
validations (interval cases with Data Docs, a broken url, an empty table) run once each in
module-scoped fixtures.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from checks.gx_docs import offline_html, remote_references
from checks.gx_suite import (
    INTERVAL_COLUMNS,
    GxOutcome,
    GxRunError,
    build_suite,
    validate_evidence,
)
from checks.schemas import EvidenceSchema as E
from checks.schemas import empty, validate

INF = math.inf

# (name, claim interval, reference interval, agrees?[, test]); an interval is
# (low, high, low_closed, high_closed) and a None bound is unbounded. Without a test the
# row's test is "overlap".
CASES = [
    ("65% vs 65.4", (64.5, 65.5, True, False), (65.4, 65.4, True, True), True),
    ("84% vs 91.3", (83.5, 84.5, True, False), (91.3, 91.3, True, True), False),
    ("over 90 vs over 90", (90, None, False, False), (90, None, False, False), True),
    ("over 90 vs exactly 90", (90, None, False, False), (90, 90, True, True), False),
    ("closed ends touch", (5000, 6000, True, True), (6000, 6500, True, True), True),
    ("open end touches closed", (5000, 6000, True, False), (6000, 6500, True, True), False),
    ("up to 10 vs exactly 10", (None, 10, False, True), (10, 10, True, True), True),
    ("under 10 vs exactly 10", (None, 10, False, False), (10, 10, True, True), False),
    ("anything vs unbounded ref", (1, 2, True, True), (None, None, False, False), True),
    ("at least 90 vs [80, 90]", (90, None, True, False), (80, 90, True, True), True),
    ("equal lows, one open", (5, 5, True, True), (5, 6, False, True), False),
    ("nested", (0, 100, True, True), (40, 60, False, False), True),
    # A claimed range against a reference range must lie inside it.
    ("range inflated", (6000, 10000, True, True), (6000, 6500, True, True), False, "claim-within"),
    ("range inside", (3000, 5000, True, True), (3000, 5500, True, True), True, "claim-within"),
    ("range at open end", (5, 6, True, True), (5, 6, True, False), False, "claim-within"),
    # A reference bound must imply a hedged claim.
    (
        "at least 645 implies over 600",
        (600, None, False, False),
        (645, None, True, False),
        True,
        "ref-within",
    ),
    (
        "at least 645 vs over 645",
        (645, None, False, False),
        (645, None, True, False),
        False,
        "ref-within",
    ),
    (
        "over 645 implies over 645",
        (645, None, False, False),
        (645, None, False, False),
        True,
        "ref-within",
    ),
]
EXPECTED = [case[3] for case in CASES]


def _test_of(case: tuple) -> str:
    return case[4] if len(case) > 4 else "overlap"


def evidence_row(
    i: int, claim: tuple, ref: tuple, agrees: bool, test: str = "overlap", **overrides: object
) -> dict:
    """Return one evidence row with plausible defaults, the two intervals and ``agrees``."""
    row = {
        E.evidence_id: f"c{i}|r{i}",
        E.article_id: "a1",
        E.claim_id: f"c{i}",
        E.ref_id: f"r{i}",
        E.source: "PIPS",
        E.document: "Annual security report",
        E.published: "2024-01",
        E.url: "https://www.pakpips.com/report",
        E.metric: "terrorist_attacks",
        E.region: "PK",
        E.period: "2023",
        E.base_period: None,
        E.kind: "count",
        E.value: 306.0,
        E.low: None,
        E.high: None,
        E.qualifier: None,
        E.definition: "terrorist attacks",
        E.derived: False,
        E.inputs: None,
        E.computation: "306 stated",
        E.tolerance: "exact",
        E.named: True,
        E.later: False,
        E.decides: True,
        E.agrees: agrees,
        E.test: test,
        E.comparison: "agrees" if agrees else "disagrees",
    }
    for prefix, (low, high, low_closed, high_closed) in (("claim", claim), ("ref", ref)):
        row[f"{prefix}_low"] = low
        row[f"{prefix}_high"] = high
        row[f"{prefix}_low_closed"] = low_closed
        row[f"{prefix}_high_closed"] = high_closed
    row.update(overrides)
    return row


def cases_table() -> pd.DataFrame:
    """Return the interval cases as a contract-valid evidence table."""
    rows = [
        evidence_row(i, case[1], case[2], case[3], _test_of(case)) for i, case in enumerate(CASES)
    ]
    return validate(E, pd.DataFrame(rows), "evidence")


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gx_docs")


@pytest.fixture(scope="module")
def cases_outcome(docs_dir: Path) -> GxOutcome:
    return validate_evidence(cases_table(), docs_dir=docs_dir)


@pytest.fixture(scope="module")
def broken_url_outcome() -> GxOutcome:
    table = cases_table()
    # The contract forbids a null url, so break it after validation: GX must catch it too.
    table.loc[0, E.url] = None
    table.loc[1, E.url] = "ftp://example.org/report"
    return validate_evidence(table)


def test_row_results_follow_interval_overlap(cases_outcome: GxOutcome) -> None:
    rows = cases_outcome.row_results
    assert list(rows.columns) == [E.evidence_id, "gx_agrees"]
    assert rows[E.evidence_id].tolist() == [f"c{i}|r{i}" for i in range(len(CASES))]
    got = dict(zip([name for name, *_ in CASES], rows["gx_agrees"].tolist(), strict=True))
    assert got == dict(zip([name for name, *_ in CASES], EXPECTED, strict=True))


def test_gx_agrees_equals_judge_agrees(cases_outcome: GxOutcome) -> None:
    assert cases_outcome.row_results["gx_agrees"].tolist() == cases_table()[E.agrees].tolist()


def test_disagreeing_evidence_fails_suite_but_structure_passes(cases_outcome: GxOutcome) -> None:
    assert cases_outcome.success is False
    stats = cases_outcome.statistics
    assert stats["unsuccessful_expectations"] == 1
    assert stats["evaluated_expectations"] == len(build_suite().expectations)
    failed = set(cases_outcome.failures["expectation"])
    assert failed == {"expect_claim_interval_to_overlap_reference"}


def test_result_is_strict_json(cases_outcome: GxOutcome) -> None:
    text = json.dumps(cases_outcome.result, allow_nan=False)
    assert json.loads(text)["success"] is False


def test_data_docs_written_and_show_the_expectation(
    cases_outcome: GxOutcome, docs_dir: Path
) -> None:
    index = cases_outcome.docs_index
    # Each run has a folder of its own under docs_dir.
    assert index.parent.parent == docs_dir.resolve() and index.name == "index.html"
    assert index.is_file()
    html = index.read_text()
    assert "figcheck-evidence" in html
    # The index links the run's result page as plain HTML (GX's own list needs a CDN script).
    link = re.search(r'<a class="figcheck-page" href="(validations/[^"]+\.html)"', html)
    assert link, "index.html does not link the validation result"
    page = index.parent / link.group(1)
    assert page == cases_outcome.docs_page
    page_html = page.read_text()
    assert "Claim interval (" in page_html and "reference interval" in page_html
    assert "Data asset: evidence of" in " ".join(page_html.split())
    for i, expected in enumerate(EXPECTED):
        if not expected:
            assert f"c{i}|r{i}" in page_html
    # Failing rows are labelled in words, not bare tuples of eight values.
    assert "claim [" in page_html and "· reference" in page_html


def test_data_docs_make_no_network_request(cases_outcome: GxOutcome) -> None:
    site = cases_outcome.docs_index.parent
    files = [*site.rglob("*.html"), *site.rglob("*.css")]
    assert files
    for f in files:
        assert remote_references(f.read_text(encoding="utf-8")) == [], f
    assert "<script" not in cases_outcome.docs_page.read_text(encoding="utf-8")


def test_a_later_run_keeps_the_earlier_runs_pages(tmp_path: Path) -> None:
    first = validate_evidence(cases_table(), docs_dir=tmp_path)
    second = validate_evidence(cases_table(), docs_dir=tmp_path)
    assert first.docs_page != second.docs_page
    assert first.docs_page.is_file() and second.docs_page.is_file()


def test_offline_html_strips_remote_assets_and_keeps_local_ones() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="https://cdn.example/b.css">'
        '<script src="https://cdn.example/j.js"></script><style>.l{background:url('
        "'https://s3.example/logo.png')}</style>"
        '<link rel="shortcut icon" href="../../../static/images/favicon.ico"></head><body>'
        '<img src="https://s3.example/logo.png"><a href="https://vendor.example/news">News</a>'
        '<a href="../../index.html">Home</a></body></html>'
    )
    out = offline_html(page, "../../../../")
    assert remote_references(out) == []
    assert 'href="../../../../static/images/favicon.ico"' in out
    assert 'src="../../../../static/images/logo-long.png"' in out
    assert "<a>News</a>" in out and 'href="../../index.html"' in out
    assert 'href="../../../../static/styles/figcheck-offline.css"' in out


def test_structural_failure_names_the_row(broken_url_outcome: GxOutcome) -> None:
    failures = broken_url_outcome.failures
    url = failures[failures["column"] == E.url]
    by_check = url.groupby("expectation")[E.evidence_id].apply(list).to_dict()
    assert by_check == {
        "expect_column_values_to_not_be_null": ["c0|r0"],
        "expect_column_values_to_match_regex": ["c1|r1"],
    }
    # The overlap verdicts do not depend on the url.
    assert broken_url_outcome.row_results["gx_agrees"].tolist() == EXPECTED
    assert broken_url_outcome.docs_index is None


def test_empty_table_succeeds_and_still_writes_docs(tmp_path: Path) -> None:
    outcome = validate_evidence(empty(E), docs_dir=tmp_path / "docs")
    assert outcome.success is True
    assert outcome.row_results.empty
    assert list(outcome.row_results.columns) == [E.evidence_id, "gx_agrees"]
    assert outcome.failures.empty
    assert outcome.docs_index is not None and outcome.docs_index.is_file()


def test_agreement_rule_without_gx_run() -> None:
    from checks.gx_expectations import intervals_agree

    got = intervals_agree(cases_table()[INTERVAL_COLUMNS])
    assert got.tolist() == EXPECTED


def test_gx_restates_the_judges_comparison() -> None:
    """The judge's three-way comparison and GX's restatement agree on every test."""
    from checks.gx_expectations import intervals_agree
    from checks.precision import Comparand, Interval, compare
    from checks.vocabulary import Comparison

    def iv(t: tuple) -> Interval:
        return Interval(t[0], t[1], t[0] is not None and t[2], t[1] is not None and t[3])

    cases = [
        # (claim comparand, reference comparand)
        (
            Comparand(iv((6000, 10000, True, True)), is_range=True),
            Comparand(iv((6000, 6500, True, True)), is_range=True),
        ),
        (
            Comparand(iv((419, 419, True, True))),
            Comparand(
                iv((170, None, True, False)),
                qualifier="at_least",
                stated=iv((170, 170, True, True)),
            ),
        ),
        (
            Comparand(iv((645, 645, True, True))),
            Comparand(
                iv((645, None, True, False)),
                qualifier="at_least",
                stated=iv((645, 645, True, True)),
            ),
        ),
        (
            Comparand(iv((600, None, False, False)), qualifier="over"),
            Comparand(
                iv((645, None, True, False)),
                qualifier="at_least",
                stated=iv((645, 645, True, True)),
            ),
        ),
        (Comparand(iv((64.5, 65.5, True, False))), Comparand(iv((65.4, 65.4, True, True)))),
    ]
    rows = []
    for claim, ref in cases:
        outcome, meet, test = compare(claim, ref)
        c, m = claim.interval, meet
        rows.append(
            [
                c.low,
                c.high,
                c.low_closed,
                c.high_closed,
                m.low,
                m.high,
                m.low_closed,
                m.high_closed,
                test,
                outcome,
            ]
        )
    frame = pd.DataFrame(rows)
    assert [str(o) for o in frame[9]] == ["disagrees", "inconclusive", "agrees", "agrees", "agrees"]
    assert intervals_agree(frame.iloc[:, :9]).tolist() == [o == Comparison.AGREES for o in frame[9]]


def test_metric_error_raises_instead_of_passing_every_row() -> None:
    table = cases_table()
    table[E.claim_low] = table[E.claim_low].astype(object)
    table.loc[0, E.claim_low] = "not a number"
    with pytest.raises(GxRunError, match="not a number"):
        validate_evidence(table)


def test_importing_the_module_does_not_import_gx() -> None:
    code = "import sys, checks.gx_suite; assert 'great_expectations' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_validation_leaves_altair_and_scipy_stats_unloaded_until_used(tmp_path: Path) -> None:
    # GX imports Altair and scipy.stats for expectations figcheck does not run: about half
    # of its import time. A real validation with Data Docs must not need them, and a later
    # user of either still gets the real module.
    code = f"""
import sys
from checks.gx_suite import validate_evidence
from tests.test_gx_suite import cases_table
outcome = validate_evidence(cases_table(), {str(tmp_path)!r})
assert outcome.docs_page is not None and outcome.docs_page.exists()
assert "altair.vegalite" not in sys.modules, "altair was loaded"
assert "scipy.stats._stats_py" not in sys.modules, "scipy.stats was loaded"
import altair, scipy.stats
assert scipy.stats.norm.cdf(0) == 0.5 and altair.Chart.__name__ == "Chart"
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])
