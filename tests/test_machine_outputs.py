"""Machine outputs built from result dicts: JUnit XML, ClaimReview JSON-LD, claims CSV.

The fixture is a small result in the JSON contract with one claim per verdict, a repeated
quote, an accepted claim and hostile text. JUnit output is checked against the rules of
the common JUnit schema (Jenkins' junit-10.xsd, which GitHub reporter actions, GitLab and
Jenkins read), restated below as allowed elements and attributes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from checks.vocabulary import RULE_DESCRIPTIONS, Verdict
from reports.claimreview import (
    BEST_RATING,
    RATINGS,
    WORST_RATING,
    _has_float,
    claim_reviews,
    dumps_jsonld,
    script_jsonld,
)
from reports.claims_csv import CSV_COLUMNS, claims_csv
from reports.html import CSP, SCRIPT_HASH, render_html
from reports.junit import junit_xml, outcome
from reports.options import ReportOptions
from reports.result import CLAIM_FIELDS, VERDICT_FIELDS

ARTICLE_ID = "daily-2024-05-01-attacks"
HOSTILE = '</script><script>window.__pwned=1</script>"><img src=x onerror=alert(1)>'
TEXT = (
    "Attacks rose 65% in 2023. Officials said 84% of attacks hit two provinces. "
    "Deaths fell 30% last year. PIPS counted 12 checkpoints. "
    f"A reader wrote {HOSTILE} about 84% of attacks."
)


# A real rule id for each verdict (fixtures name only what the judge can emit).
_RULE_FOR = {
    verdict.value: next(r.value for r, (v, _) in RULE_DESCRIPTIONS.items() if v == verdict)
    for verdict in Verdict
}


def _claim(n: int, quote: str, verdict: str, occurrence: int = 0, **fields) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(quote, start + 1)
    row = {f: None for f in CLAIM_FIELDS + VERDICT_FIELDS}
    row |= {
        "claim_id": f"{ARTICLE_ID}#{n}",
        "text": quote,
        "start": start,
        "end": start + len(quote),
        "sentence": TEXT[TEXT.rfind(".", 0, start) + 2 : TEXT.find(".", start) + 1],
        "kind": "percent",
        "value": 1.0,
        "verdict": verdict,
        "rule": _RULE_FOR[verdict],
        "explanation": f"{quote}: {verdict} because the sources say so.",
        "evidence": [],
        "accepted": None,
    }
    return row | fields


def result() -> dict:
    claims = [
        _claim(1, "65%", "supported", value=65.0),
        _claim(
            2,
            "84% of attacks",
            "disputed",
            kind="share",
            value=84.0,
            evidence=[
                {"source": "CRSS", "computation": "CRSS states 84%", "agrees": True},
                {"source": "PICSS", "computation": "589 / 645 × 100 = 91.3%", "agrees": False},
            ],
            accepted={"reason": "We follow CRSS.", "reviewer": "A. Editor", "date": "2024-05-02"},
        ),
        _claim(3, "30%", "contradicted", value=-30.0, explanation='=HYPERLINK("x") is wrong'),
        _claim(4, "12 checkpoints", "unverifiable", kind="count", value=12.0),
        _claim(5, "84% of attacks", "misattributed", occurrence=1, kind="share", value=84.0),
    ]
    summary = {v: 0 for v in RATINGS}
    for c in claims:
        summary[c["verdict"]] += 1
    return {
        "article": {
            "id": ARTICLE_ID,
            "title": f"Attacks {HOSTILE}",
            "published": "2024-05-01",
            "path": "https://news.example/2024/05/01/attacks",
        },
        "claims": claims,
        "summary": summary,
        "run": {
            "generated_at": "2024-05-03T09:00:00+00:00",
            "duration_seconds": 12.5,
            "figcheck_version": "0.1.0",
            "reference_version": "abc123",
            "data_docs": None,
            "gx_success": True,
        },
    }


# --- JUnit -------------------------------------------------------------------------------

# The common JUnit schema (Jenkins xunit-plugin junit-10.xsd), as element -> attributes
# (required ones marked) and allowed children.
JUNIT_ATTRS = {
    "testsuites": ({"name", "time", "tests", "failures", "errors"}, set()),
    "testsuite": (
        {
            "name",
            "tests",
            "failures",
            "errors",
            "group",
            "time",
            "skipped",
            "timestamp",
            "hostname",
            "id",
            "package",
            "file",
            "log",
            "url",
        },
        {"name", "tests", "failures", "errors"},
    ),
    "properties": (set(), set()),
    "property": ({"name", "value"}, {"name", "value"}),
    "testcase": ({"name", "time", "classname", "group"}, {"name"}),
    "failure": ({"type", "message"}, set()),
    "error": ({"type", "message"}, set()),
    "skipped": ({"type", "message"}, set()),
    "system-out": (set(), set()),
    "system-err": (set(), set()),
}
JUNIT_CHILDREN = {
    "testsuites": {"testsuite"},
    "testsuite": {"testsuite", "properties", "testcase", "system-out", "system-err"},
    "properties": {"property"},
    "property": set(),
    "testcase": {"skipped", "error", "failure", "system-out", "system-err"},
    "failure": set(),
    "error": set(),
    "skipped": set(),
    "system-out": set(),
    "system-err": set(),
}
SUREFIRE_TIME = r"^[0-9]*(\.[0-9]*)?$"


def assert_common_junit_schema(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    for el in root.iter():
        allowed, required = JUNIT_ATTRS[el.tag]
        assert set(el.attrib) <= allowed, (el.tag, set(el.attrib) - allowed)
        assert required <= set(el.attrib), (el.tag, required - set(el.attrib))
        assert {c.tag for c in el} <= JUNIT_CHILDREN[el.tag], el.tag
        if el.tag in {"testsuites", "testsuite"} and "time" in el.attrib:
            assert re.match(SUREFIRE_TIME, el.attrib["time"]), el.attrib["time"]


def junit(**kwargs) -> ET.Element:
    return ET.fromstring(junit_xml([result()], **kwargs).encode("utf-8"))


def test_junit_is_valid_against_the_common_schema():
    root = junit(duration=12.5)
    assert_common_junit_schema(root)
    assert root.attrib["time"] == "12.500"


def test_junit_has_one_testcase_per_claim_named_by_article_and_quote():
    (suite,) = junit().findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.attrib["classname"] for c in cases] == [ARTICLE_ID] * 5
    names = [c.attrib["name"] for c in cases]
    assert names[0] == "“65%”"
    # A repeated quote gets its claim number, so every testcase is distinct.
    assert names[1] == "“84% of attacks” (claim 2)" and names[4] == "“84% of attacks” (claim 5)"
    assert len(set(names)) == len(names)


def test_junit_default_mapping_fail_skip_accept():
    (suite,) = junit().findall("testsuite")
    by_name = {c.attrib["name"]: c for c in suite.findall("testcase")}
    failure = by_name["“30%”"].find("failure")
    assert failure.attrib["type"] == "contradicted"
    assert failure.attrib["message"] == result()["claims"][2]["explanation"]
    assert f"{ARTICLE_ID}.html#claim-3" in failure.text
    misattributed = by_name["“84% of attacks” (claim 5)"].find("failure")
    assert misattributed is not None
    # Accepted (disputed is not failing by default, so it simply passes here).
    assert list(by_name["“84% of attacks” (claim 2)"]) == []
    assert by_name["“12 checkpoints”"].find("skipped").attrib["message"].startswith("unverifiable")
    assert list(by_name["“65%”"]) == []
    counts = tuple(suite.attrib[k] for k in ("tests", "failures", "errors", "skipped"))
    assert counts == ("5", "2", "0", "1")


def test_junit_accepted_claim_in_fail_on_is_skipped_with_its_reason():
    (suite,) = junit(fail_on=("disputed", "contradicted"), skip=()).findall("testsuite")
    case = suite.findall("testcase")[1]
    skipped = case.find("skipped")
    assert skipped.attrib["message"] == "accepted disputed: We follow CRSS."
    assert "A. Editor" in skipped.text and case.find("failure") is None
    assert (suite.attrib["failures"], suite.attrib["skipped"]) == ("1", "1")


@pytest.mark.parametrize(
    ("verdict", "accepted", "fail_on", "skip", "expected"),
    [
        ("contradicted", False, {"contradicted"}, set(), "failure"),
        ("contradicted", True, {"contradicted"}, set(), "skipped"),
        ("unverifiable", False, {"contradicted"}, {"unverifiable"}, "skipped"),
        ("unverifiable", False, {"unverifiable"}, {"unverifiable"}, "failure"),  # fail wins
        ("supported", False, {"contradicted"}, {"unverifiable"}, "passed"),
    ],
)
def test_outcome_mapping(verdict, accepted, fail_on, skip, expected):
    claim = {"verdict": verdict, "accepted": {"reason": "ok"} if accepted else None}
    assert outcome(claim, fail_on, skip) == expected


def test_junit_survives_text_xml_cannot_hold():
    r = result()
    r["claims"][0]["explanation"] = "bad \x00\x1b bytes & <tags>"
    root = ET.fromstring(junit_xml([r], fail_on=("supported",)).encode("utf-8"))
    assert root.find(".//failure").attrib["message"] == "bad  bytes & <tags>"


def test_junit_for_no_articles_is_an_empty_valid_report():
    root = ET.fromstring(junit_xml([]).encode("utf-8"))
    assert_common_junit_schema(root)
    assert root.attrib["tests"] == "0"


# --- ClaimReview -------------------------------------------------------------------------


def test_claimreview_has_the_fields_search_engines_read():
    reviews = claim_reviews(result(), "https://checks.example/r/x.html", reviewer="Desk")
    assert len(reviews) == 5
    r = reviews[1]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["url"] == "https://checks.example/r/x.html#claim-2"
    assert r["claimReviewed"] == "Officials said 84% of attacks hit two provinces."
    assert r["author"] == {"@type": "Organization", "name": "Desk"}
    assert r["datePublished"] == "2024-05-03"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2024-05-01"
    assert item["appearance"]["url"] == "https://news.example/2024/05/01/attacks"
    assert "author" not in item  # not known: not guessed
    assert claim_reviews(result(), "x.html", claim_author="Daily")[0]["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Daily",
    }


def test_claimreview_rating_scale():
    by_verdict = {
        r["reviewRating"]["alternateName"]: r["reviewRating"]
        for r in claim_reviews(result(), "x.html")
    }
    assert {v: by_verdict[v].get("ratingValue") for v in by_verdict} == {
        "supported": 4,
        "disputed": 3,
        "misattributed": 2,
        "contradicted": 1,
        "unverifiable": None,
    }
    for rating in by_verdict.values():
        assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)


def test_local_article_paths_are_not_published():
    r = result()
    r["article"]["path"] = "/home/editor/drafts/attacks.md"
    (review, *_) = claim_reviews(r, "attacks.html")
    assert "url" not in review["itemReviewed"]["appearance"]
    assert "/home/editor" not in json.dumps(review)


def test_jsonld_script_body_cannot_close_its_element_and_round_trips():
    reviews = claim_reviews(result(), "x.html")
    body = script_jsonld(reviews)
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == json.loads(json.dumps(reviews))


def test_claimreview_file_is_the_stdlibs_indented_json_with_and_without_floats():
    """``dumps_jsonld`` writes ``json.dumps(indent=2, ensure_ascii=False)``'s text whether
    or not a float hides somewhere in the reviews (where orjson would write it differently)."""
    reviews = claim_reviews(result(), "x.html")
    assert not _has_float(reviews)
    floated = json.loads(json.dumps(reviews))
    floated[2]["reviewRating"]["ratingValue"] = 1e16  # orjson: 1e16; the stdlib: 1e+16
    floated[3]["itemReviewed"]["extra"] = [("nested", {"deep": 0.5})]
    for value, has in ((reviews, False), (floated, True)):
        assert _has_float(value) is has
        assert dumps_jsonld(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    assert [_has_float(v) for v in (1.0, 1, True, None, "1.0", (2.5,), {"a": [[{}]]})] == [
        True, False, False, False, False, True, False]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_report_embeds_claimreview_as_inert_json_ld():
    r = result()
    reviews = claim_reviews(r, f"{ARTICLE_ID}.html")
    page = render_html(r, TEXT, None, reviews)
    parser = _Scripts()
    parser.feed(page)
    types = [attrs.get("type") for attrs, _ in parser.scripts]
    # Exactly the report's own JS and one JSON-LD block: the hostile text opened none.
    assert types == ["application/ld+json", None]
    assert json.loads(parser.scripts[0][1]) == json.loads(json.dumps(reviews))
    # The CSP allows the report's own JS by its hash, no other inline script; JSON-LD is a
    # data block, never run.
    assert "unsafe-inline" not in CSP.split("script-src", 1)[1].split(";", 1)[0]
    assert f"'{SCRIPT_HASH}'" in CSP
    for review in reviews:
        assert f'id="{review["url"].split("#")[1]}"' in page


def test_report_shows_accepted_claims_and_run_time():
    page = render_html(result(), TEXT, None)
    assert "Accepted by review:</strong> We follow CRSS." in page
    assert "A. Editor, 2024-05-02" in page
    assert "1 claim accepted by review" in page
    assert "12.5 s" in page


# --- CSV ---------------------------------------------------------------------------------


def test_csv_has_the_claim_fields_without_evidence_plus_acceptance():
    rows = list(csv.DictReader(io.StringIO(claims_csv(result()))))
    assert list(rows[0]) == CSV_COLUMNS
    assert "evidence" not in CSV_COLUMNS
    assert {"verdict", "rule", "explanation"} <= set(CSV_COLUMNS)
    assert [r["verdict"] for r in rows] == [c["verdict"] for c in result()["claims"]]
    assert rows[1]["accepted_reason"] == "We follow CRSS." and rows[0]["accepted_reason"] == ""
    assert rows[0]["article_id"] == ARTICLE_ID and rows[0]["value"] == "65.0"
    assert rows[2]["value"] == "-30.0"  # numbers are never altered
    # Text a spreadsheet would run as a formula is defused.
    assert rows[2]["explanation"].startswith("'=HYPERLINK")


def test_report_options_build_report_urls():
    assert ReportOptions().report_url("a") == "a.html"
    assert ReportOptions(base_url="https://x.example/r/").report_url("a") == (
        "https://x.example/r/a.html"
    )


def test_the_articles_own_url_from_its_metadata_is_the_appearance():
    r = result()
    r["article"]["path"] = "/home/editor/drafts/attacks.md"
    r["article"]["url"] = "https://news.example/2024/05/01/attacks-online"
    (review, *_) = claim_reviews(r, "attacks.html")
    assert review["itemReviewed"]["appearance"]["url"] == r["article"]["url"]
    assert "/home/editor" not in json.dumps(review)
