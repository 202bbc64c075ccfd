"""The whole pipeline on the demo article, step by step, without a Prefect server."""

from __future__ import annotations

import json
from datetime import date

import pytest

from checks.schemas import ClaimSchema as C
from checks.schemas import VerdictSchema as V
from flows import steps
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    articles = steps.read_articles([str(DEMO)])
    claims = steps.extract_all(articles)
    references = steps.load_reference_data()
    evidence, verdicts = steps.judge_claims(claims, references, articles)
    gx = steps.validate_with_gx(evidence, out)
    results = steps.render_reports(articles, claims, evidence, verdicts, references, gx, out)
    return {
        "articles": articles,
        "claims": claims,
        "evidence": evidence,
        "verdicts": verdicts,
        "gx": gx,
        "results": results,
        "out": out,
    }


def _gold_value(claim: dict) -> object:
    value = claim.get("value")
    return value.isoformat() if isinstance(value, date) else value


def test_every_gold_claim_is_found_with_its_span_value_and_verdict(run, gold, demo_text):
    (result,) = run["results"]
    found = {c["text"]: c for c in result["claims"]}
    for expected in gold["claims"]:
        quote = expected["quote"]
        assert quote in found, f"claim not found: {quote!r}"
        claim = found[quote]
        assert demo_text[claim["start"] : claim["end"]] == quote
        assert claim["kind"] == expected["kind"], quote
        if expected["kind"] == "range":
            assert (claim["low"], claim["high"]) == (expected["low"], expected["high"])
        else:
            assert claim["value"] == _gold_value(expected), quote
        assert claim["verdict"] == expected["verdict"], (quote, claim["explanation"])
    assert len(found) == len(gold["claims"]), sorted(
        set(found) - {c["quote"] for c in gold["claims"]}
    )


def test_disputed_share_shows_both_sources(run):
    (result,) = run["results"]
    claim = next(c for c in result["claims"] if c["text"] == "84% of attacks")
    by_source = {e["source"]: e for e in claim["evidence"] if e["decides"]}
    assert by_source["CRSS"]["agrees"] and not by_source["CRSS"]["derived"]
    assert not by_source["PICSS"]["agrees"] and by_source["PICSS"]["derived"]
    assert "91.3%" in by_source["PICSS"]["computation"]


def test_explanations_show_the_arithmetic(run):
    (result,) = run["results"]
    change = next(c for c in result["claims"] if c["text"] == "65% increase")
    assert "(693 − 419) / 419 × 100 = +65.4%" in change["explanation"]
    assert change["attributed_to"] == "PIPS"


def test_gx_agrees_with_the_judge_row_by_row(run):
    assert run["gx"]["docs_index"] is not None
    # check_agreement raised already if not; restate it on the evidence itself
    assert not run["evidence"].empty


def test_reports_are_written_and_follow_the_contract(run):
    out = run["out"]
    article_id = run["articles"][0].id
    data = json.loads((out / f"{article_id}.json").read_text(encoding="utf-8"))
    assert set(data) >= {"article", "claims", "summary"}
    assert set(data["article"]) == {
        "id", "title", "published", "path", "published_from", "url", "publisher"
    }
    assert data["article"]["published"] == "2024-06-28"
    fields = {
        "claim_id",
        "text",
        "start",
        "end",
        "sentence",
        "kind",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "metric",
        "region",
        "period",
        "attributed_to",
        "verdict",
        "explanation",
        "evidence",
    }
    evidence_fields = {
        "source",
        "document",
        "published",
        "url",
        "metric",
        "region",
        "period",
        "value",
        "derived",
        "definition",
    }
    for claim in data["claims"]:
        assert fields <= set(claim)
        for e in claim["evidence"]:
            assert evidence_fields <= set(e)
            assert e["url"].startswith("https://")
    assert sum(data["summary"].values()) == len(data["claims"])
    html = (out / f"{article_id}.html").read_text(encoding="utf-8")
    # Each run's Data Docs live in a folder of their own, linked from the report.
    docs = data["run"]["data_docs"]
    assert docs.startswith("gx-docs/") and "/validations/" in docs and docs in html
    assert (out / docs).is_file()
    assert (out / docs.split("/validations/")[0] / "index.html").is_file()
    assert (out / "index.html").is_file()


def test_a_changed_figure_is_contradicted(demo_text, tmp_path):
    changed = tmp_path / "changed.txt"
    changed.write_text(demo_text.replace("65% increase", "45% increase"), encoding="utf-8")
    articles = steps.read_articles([str(changed)], published=date(2024, 6, 28))
    claims = steps.extract_all(articles)
    _, verdicts = steps.judge_claims(claims, steps.load_reference_data(), articles)
    merged = claims.merge(verdicts, on=[C.article_id, C.claim_id])
    row = merged[merged[C.text] == "45% increase"].iloc[0]
    assert row[V.verdict] == "contradicted"
    assert "+65.4%" in row[V.explanation]


def test_batch_judges_articles_independently(demo_text, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(demo_text, encoding="utf-8")
    b.write_text(demo_text.replace("84% of attacks", "50% of attacks"), encoding="utf-8")
    articles = steps.read_articles([str(a), str(b)], published=date(2024, 6, 28))
    claims = steps.extract_all(articles)
    _, verdicts = steps.judge_claims(claims, steps.load_reference_data(), articles)
    merged = claims.merge(verdicts, on=[C.article_id, C.claim_id])
    share = merged[merged[C.text].str.endswith("% of attacks")].set_index(C.article_id)
    assert share.loc["a", V.verdict] == "disputed"
    assert share.loc["b", V.verdict] == "contradicted"


def test_an_undated_article_leaves_dates_unverifiable_and_gx_agrees(demo_text, tmp_path):
    from sources.articles import read_text

    articles = [read_text(demo_text, name="undated")]
    assert articles[0].published is None
    claims = steps.extract_all(articles)
    evidence, verdicts = steps.judge_claims(claims, steps.load_reference_data(), articles)
    steps.validate_with_gx(evidence, tmp_path)  # raises ConsistencyError on a mismatch
    merged = claims.merge(verdicts, on=[C.article_id, C.claim_id])
    dates = merged[merged[C.kind] == "date"]
    assert not dates.empty
    assert set(dates[V.verdict]) == {"unverifiable"}
