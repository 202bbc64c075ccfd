"""The HTML report, tested on results the pipeline produces.

Every result here comes from figcheck's own steps (read -> extract -> judge -> GX -> render),
run once on three articles: the bundled demo, an article of our own whose claim PIPS
contradicts, and a hostile article whose text carries script and attribute payloads. Tests
never build a result by hand, so the report is tested only against what the judge can emit.
Where a test needs a broken input (bad offsets), it changes a copy of a pipeline result and
says so.
"""

from __future__ import annotations

import atexit
import copy
import functools
import random
import re
import shutil
import tempfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from markupsafe import Markup, escape

from checks.schemas import VerdictSchema
from checks.vocabulary import Verdict
from flows import steps
from reports.chart import claim_chart, format_figure, parse_interval
from reports.html import (
    _trim_edge_breaks,
    escape_text,
    render_html,
    render_index,
    rule_description,
    write_atomic,
)
from reports.options import ReportOptions
from tests.conftest import DEMO

ARTICLE_ID = DEMO.stem
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = f"""Strikes {SCRIPT} and checkpoints

Officials said 1,200 checkpoints were closed in 2023 {SCRIPT} across Khyber Pakhtunkhwa.

A reader wrote {IMG} that 45% of attacks in 2023 hit Balochistan and Khyber Pakhtunkhwa.
"""
# A claim of our own that PIPS contradicts: PIPS reported a 65% rise in deaths for 2023.
CONTRADICTED = """Militant violence in Pakistan: a year in numbers

Terrorism-related deaths in Pakistan rose by 45% in 2023, according to the Pakistan Institute \
for Peace Studies (PIPS).
"""
CONTRADICTED_META = (
    "published: 2024-02-10\npublisher: The Example Gazette\n"
    "url: https://gazette.example/2024/02/violence\n"
)


@functools.cache
def _checked() -> dict:
    """The three articles through every step, as ``figcheck check`` runs them (once)."""
    folder = Path(tempfile.mkdtemp(prefix="figcheck-html-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "contradicted.txt").write_text(CONTRADICTED, encoding="utf-8")
    (folder / "contradicted.meta.yaml").write_text(CONTRADICTED_META, encoding="utf-8")
    out = folder / "out"
    started = datetime.now(UTC)
    articles = steps.read_articles(
        [str(DEMO), str(folder / "contradicted.txt"), str(folder / "hostile.txt")]
    )
    claims = steps.extract_all(articles)
    references = steps.load_reference_data()
    evidence, verdicts = steps.judge_claims(claims, references, articles)
    gx = steps.validate_with_gx(evidence, out)
    results = steps.render_reports(
        articles, claims, evidence, verdicts, references, gx, out, ReportOptions(), started
    )
    return {
        "out": out,
        "references": references.table,
        "articles": {a.id: a for a in articles},
        "results": {r["article"]["id"]: r for r in results},
    }


def demo_references() -> pd.DataFrame:
    """The bundled reference table the pipeline judged against."""
    return _checked()["references"].copy()


def demo_result() -> dict:
    """The demo article's result, as the pipeline wrote it (a copy: tests may change it)."""
    return copy.deepcopy(_checked()["results"][ARTICLE_ID])


def contradicted_result() -> dict:
    return copy.deepcopy(_checked()["results"]["contradicted"])


def hostile_result() -> dict:
    return copy.deepcopy(_checked()["results"]["hostile"])


def text_of(article_id: str) -> str:
    return _checked()["articles"][article_id].text


def page_of(article_id: str) -> str:
    """The report page the pipeline wrote for an article."""
    return (_checked()["out"] / f"{article_id}.html").read_text(encoding="utf-8")


# --- a small DOM for assertions ----------------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


VOID = {"meta", "link", "img", "br", "hr", "input", "source", "col", "area", "base", "wbr"}


class Tree(HTMLParser):
    """Parses a page into ``Node``s (enough HTML for these tests; SVG included)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    return Tree(page).root


@pytest.fixture(scope="module")
def references() -> pd.DataFrame:
    return demo_references()


@pytest.fixture(scope="module")
def page() -> str:
    return page_of(ARTICLE_ID)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


@pytest.fixture(scope="module")
def contradicted_dom() -> Node:
    return parse(page_of("contradicted"))


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return page_of("hostile")


LABELS = {
    "supported": "✓ supported",
    "contradicted": "✗ contradicted",
    "disputed": "⚖ disputed",
    "unverifiable": "? unverifiable",
    "misattributed": "≠ misattributed",
}


def squash(text: str) -> str:
    return " ".join(text.split())


def panel(root: Node, claim_id: str) -> Node:
    (found,) = root.find_all("details", data_claim_id=claim_id)
    return found


def claim_by_text(result: dict, text: str) -> dict:
    (found,) = [c for c in result["claims"] if c["text"] == text]
    return found


# --- the results are the pipeline's, and name only what it can produce --------------------


def test_results_carry_only_verdicts_and_rules_the_judge_emits():
    results = [demo_result(), contradicted_result(), hostile_result()]
    verdicts = {c["verdict"] for r in results for c in r["claims"]}
    assert verdicts <= {v.value for v in Verdict}
    assert {"supported", "disputed", "contradicted", "unverifiable"} <= verdicts
    for r in results:
        for c in r["claims"]:
            assert c["rule"] and c[VerdictSchema.summary], c["claim_id"]


# --- the article with its highlights -----------------------------------------------------


def test_every_claim_is_highlighted_with_its_quote_verdict_and_label(dom):
    claims = demo_result()["claims"]
    assert claims
    for c in claims:
        marks = dom.find_all("mark", data_claim_id=c["claim_id"])
        assert len(marks) == 1, c["claim_id"]
        mark = marks[0]
        assert mark.text() == c["text"]
        assert mark.attrs["data-verdict"] == c["verdict"]
        assert mark.attrs.get("tabindex") == "0" and mark.attrs.get("role") == "button"
        label = [n for n in mark.parent.find_all() if "tag" in n.classes()]
        assert [n.text() for n in label] == [LABELS[c["verdict"]]]


def test_the_article_reads_as_the_source_text(dom):
    body = dom.find_all(id="article-text")[0].text()
    for verdict_label in LABELS.values():
        body = body.replace(verdict_label, "")
    assert squash(body) == squash(text_of(ARTICLE_ID))


def test_every_verdict_has_a_label_icon_and_colour_in_the_legend(dom):
    legend = dom.find_all(id="legend")[0].text()
    for verdict in Verdict:
        assert LABELS[verdict.value] in legend


# --- a header a checker can cite -----------------------------------------------------------


def test_header_names_outlet_url_dated_source_versions_and_run_time(contradicted_dom):
    result = contradicted_result()
    header = contradicted_dom.find_all("header")[0]
    text = squash(header.text())
    assert "Militant violence in Pakistan: a year in numbers" in text
    assert "The Example Gazette" in text
    links = [a.attrs["href"] for a in header.find_all("a") if "article-url" in a.classes()]
    assert links == ["https://gazette.example/2024/02/violence"]
    assert "2024-02-10 (from contradicted.meta.yaml published:)" in text
    assert result["run"]["reference_version"] in text
    assert result["run"]["figcheck_version"] in text
    # The run time is measured from the run's start, not from the render.
    seconds = result["run"]["duration_seconds"]
    shown = (
        f"{seconds:.1f} s" if seconds < 60 else f"{int(seconds // 60)} min {round(seconds % 60)} s"
    )
    assert f"run time {shown}" in text
    counts = {
        n.attrs["data-verdict"]: n.attrs["data-count"]
        for n in header.find_all()
        if "count" in n.classes()
    }
    assert counts == {v: str(n) for v, n in result["summary"].items()}
    assert "No publication date" not in text


def test_an_undated_article_says_so_in_the_report(hostile_page):
    header = parse(hostile_page).find_all("header")[0]
    text = squash(header.text())
    (published,) = [d for d in header.find_all("dd") if "published" in d.classes()]
    assert squash(published.text()) == "unknown"
    assert "No publication date:" in text and "--published YYYY-MM-DD" in text
    # The file stands in for the URL the metadata does not give.
    assert "no URL in its metadata" in text and "hostile.txt" in text
    # Only the file's name: the folders it sits in are nobody's business in a published report.
    folder = str(Path(_checked()["articles"]["hostile"].path).parent)
    assert folder not in hostile_page


# --- validation in words ------------------------------------------------------------------


def test_validation_section_says_disagreeing_evidence_is_a_finding(contradicted_dom):
    result = contradicted_result()
    assert result["run"]["gx_success"] is False  # GX's suite fails: some evidence disagrees
    header = squash(contradicted_dom.find_all("header")[0].text())
    assert "✓ evidence contracts held" in header
    assert "failed" not in header
    (section,) = contradicted_dom.find_all("section", id="validation")
    text = squash(section.text())
    disagreeing = sum(1 for c in result["claims"] for e in c["evidence"] if not e["agrees"])
    rows = sum(len(c["evidence"]) for c in result["claims"])
    assert disagreeing > 0
    assert f"{disagreeing} of {rows} evidence rows disagree" in text
    assert "Disagreeing rows are expected" in text and "They all held." in text
    assert "A failed contract is a bug" in text
    (docs,) = [a for a in section.find_all("a") if "data-docs" in a.classes()]
    target = _checked()["out"] / docs.attrs["href"]
    assert target.is_file() and "figcheck-evidence" in target.read_text(encoding="utf-8")


def test_a_broken_contract_is_reported_as_a_bug():
    # A run whose GX contracts failed (the pipeline's result with the run block of such a
    # run): the page must call it a bug, not a finding.
    result = contradicted_result()
    result["run"]["gx_contract_failures"] = ["expect_column_values_to_not_be_null"]
    root = parse(render_html(result, text_of("contradicted")))
    header = squash(root.find_all("header")[0].text())
    assert "an evidence contract failed (a figcheck bug)" in header
    text = squash(root.find_all("section", id="validation")[0].text())
    assert "These failed: expect_column_values_to_not_be_null." in text


# --- claim panels: the verdict in words first, then how we checked ------------------------


def test_contradicted_claim_says_its_verdict_first_then_how_we_checked(contradicted_dom):
    claim = claim_by_text(contradicted_result(), "rose by 45%")
    assert claim["verdict"] == "contradicted"
    details = panel(contradicted_dom, claim["claim_id"])
    body = next(n for n in details.children if isinstance(n, Node) and "detail-body" in n.classes())
    first = next(n for n in body.children if isinstance(n, Node))
    assert "verdict-line" in first.classes()
    assert squash(first.text()) == squash(claim["summary"])
    (how,) = [d for d in details.find_all("details") if "how" in d.classes()]
    assert "open" not in how.attrs  # collapsed by default (expanded in print by CSS/JS)
    how_text = squash(how.text())
    assert claim["interval"] in how_text and claim["rule"] in how_text
    for e in claim["evidence"]:
        assert squash(e["definition"]) in how_text
        assert squash(e["computation"]) in how_text
    hrefs = {a.attrs["href"] for a in how.find_all("a")}
    assert {e["url"] for e in claim["evidence"]} <= hrefs
    # The deciding sources are linked beside the verdict line too.
    deciding = {e["url"] for e in claim["evidence"] if e["decides"]}
    top = {a.attrs["href"] for a in details.find_all("a") if "source-link" in a.classes()}
    assert deciding and deciding <= top


def test_disputed_claim_lists_both_sides_with_links(dom):
    claim = next(c for c in demo_result()["claims"] if c["verdict"] == "disputed")
    details = panel(dom, claim["claim_id"])
    text = squash(details.text())
    assert "✗ disagrees" in text and "✓ agrees" in text
    sources = {e["source"] for e in claim["evidence"] if e["decides"]}
    links = {a.text().strip() for a in details.find_all("a")}
    assert len(sources) >= 2 and sources <= links


def test_rule_description_comes_from_the_judges_table_when_there_is_one(monkeypatch):
    from checks import vocabulary

    rule = contradicted_result()["claims"][0]["rule"]
    monkeypatch.setattr(
        vocabulary, "RULE_DESCRIPTIONS", {rule: "the named source says otherwise"}, raising=False
    )
    assert rule_description(rule) == "the named source says otherwise"
    # The judge's table pairs each rule with its verdict and description.
    monkeypatch.setattr(
        vocabulary, "RULE_DESCRIPTIONS", {rule: ("contradicted", "says otherwise")}, raising=False
    )
    assert rule_description(rule) == "says otherwise"
    monkeypatch.setattr(vocabulary, "RULE_DESCRIPTIONS", {}, raising=False)
    assert rule_description(rule) == ""


def test_derived_evidence_lists_its_documents_and_says_whose_date_it_shows(contradicted_dom):
    claim = claim_by_text(contradicted_result(), "rose by 45%")
    derived = [e for e in claim["evidence"] if e["derived"] and ";" in (e["document"] or "")]
    assert derived, "PIPS's derived change combines two yearly reports"
    text = squash(panel(contradicted_dom, claim["claim_id"]).text())
    assert f"(the later published {derived[0]['published']})" in text


def test_panels_are_open_without_javascript(dom):
    details = [d for d in dom.find_all("details") if "claim-detail" in d.classes()]
    assert len(details) == len(demo_result()["claims"])
    assert all("open" in d.attrs for d in details)


def test_highlights_point_at_their_panels(dom):
    for mark in dom.find_all("mark"):
        target = mark.attrs["aria-controls"]
        assert (
            dom.find_all("details", id=target)[0].attrs["data-claim-id"]
            == (mark.attrs["data-claim-id"])
        )


# --- charts ------------------------------------------------------------------------------


def test_charts_are_inline_svg_with_a_title(dom, references):
    claims = demo_result()["claims"]
    expected = sum(1 for c in claims if claim_chart(c, references) is not None)
    figures = [f for f in dom.find_all("figure") if "chart" in f.classes()]
    assert expected >= 1 and len(figures) == expected
    for fig in figures:
        svg = fig.find_all("svg")[0]
        assert svg.attrs["role"] == "img"
        assert fig.find_all(id=svg.attrs["aria-labelledby"])[0].text().strip()


def test_no_chart_for_dates_or_claims_without_evidence(references):
    dates = [c for c in demo_result()["claims"] if c["kind"] == "date"]
    assert dates and all(claim_chart(c, references) is None for c in dates)
    bare = [c for c in hostile_result()["claims"] if not c["evidence"]]
    assert bare and claim_chart(bare[0], None) is None


def test_hostile_source_names_stay_text_inside_charts():
    # A copy of a pipeline result with a hostile source name, as a poisoned dataset would give.
    claim = claim_by_text(contradicted_result(), "rose by 45%")
    claim["evidence"][0]["source"] = f"CRSS</text></svg>{SCRIPT}{IMG}"
    html = claim_chart(claim, None)
    assert html is not None
    root = parse(html)
    assert not root.find_all("script") and not root.find_all("img")
    assert not [(n.tag, a) for n in root.iter() for a in n.attrs if a.lower().startswith("on")]


# --- the claims table --------------------------------------------------------------------


def test_claims_table_lists_every_claim_with_the_verdict_beside_the_quote(dom):
    (table,) = dom.find_all("table", id="claims-table")
    rows = table.find_all("tbody")[0].find_all("tr")
    assert [r.attrs["data-verdict"] for r in rows] == [
        c["verdict"] for c in demo_result()["claims"]
    ]
    headers = [squash(th.text()) for th in table.find_all("th")]
    # Verdict is the second column, so it stays on screen on a phone.
    assert headers[0].startswith("Quote") and headers[1].startswith("Verdict")
    for name in ("Kind", "Value", "Metric", "Region", "Period", "Rule"):
        assert any(h.startswith(name) for h in headers), name
    assert all(th.find_all("button") for th in table.find_all("th"))
    filters = {
        b.attrs.get("data-filter") for b in dom.find_all("button") if "data-filter" in b.attrs
    }
    assert {"all"} | {c["verdict"] for c in demo_result()["claims"]} <= filters


# --- offline and safe --------------------------------------------------------------------


def loaded_urls(root: Node) -> list[str]:
    """Every URL the page would load by itself (not links a reader follows)."""
    urls = []
    for n in root.iter():
        for attr in ("src", "href", "xlink:href", "data", "poster", "srcset"):
            value = n.attrs.get(attr)
            if value is not None and not (n.tag == "a" and attr == "href"):
                urls.append(value)
    return urls


@pytest.mark.parametrize("which", [ARTICLE_ID, "contradicted", "hostile"])
def test_nothing_is_loaded_from_the_network(which):
    root = parse(page_of(which))
    assert not [u for u in loaded_urls(root) if u.strip().lower().startswith(("http", "//"))]
    assert all(not s.attrs.get("src") for s in root.find_all("script"))
    assert not root.find_all("link") and not root.find_all("iframe")


def test_content_security_policy_forbids_remote_origins(dom):
    (meta,) = dom.find_all("meta", http_equiv="Content-Security-Policy")
    policy = meta.attrs["content"]
    assert "default-src 'none'" in policy
    assert "http" not in policy and "*" not in policy and "unsafe-eval" not in policy


def test_hostile_text_is_escaped_and_inert(hostile_page):
    root = parse(hostile_page)
    scripts = [s for s in root.find_all("script") if s.attrs.get("type") != "application/ld+json"]
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    assert not root.find_all("img")
    assert not [(n.tag, a) for n in root.iter() for a in n.attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    assert not [a for a in root.find_all("a") if "javascript" in a.attrs.get("href", "")]
    assert f"Strikes {SCRIPT}" in root.find_all("h1")[0].text()


def test_unverifiable_claim_without_evidence_is_highlighted_and_explained(hostile_page):
    root = parse(hostile_page)
    claim = claim_by_text(hostile_result(), "1,200")
    assert claim["verdict"] == "unverifiable" and not claim["evidence"]
    (mark,) = root.find_all("mark", data_claim_id=claim["claim_id"])
    assert mark.text() == "1,200"
    text = squash(panel(root, claim["claim_id"]).text())
    assert squash(claim["summary"]) in text and "No reference figure measures this claim." in text


def test_overlapping_and_bad_spans_render_without_crashing():
    # Broken offsets in a copy of the pipeline's result: the renderer must say why it
    # does not highlight them, never crash or highlight the wrong text.
    result = demo_result()
    text = text_of(ARTICLE_ID)
    claims = result["claims"]
    base = next(c for c in claims if len(c["text"]) > 4)
    inner = dict(base, claim_id="inner", text=base["text"][:3], end=base["start"] + 3)
    wrong = dict(claims[1], claim_id="wrong", start=0, end=5)
    outside = dict(claims[2], claim_id="outside", start=len(text) + 5, end=len(text) + 9)
    result["claims"] = [*claims, inner, wrong, outside]
    root = parse(render_html(result, text))
    assert root.find_all("mark", data_claim_id=base["claim_id"])
    for skipped in ("inner", "wrong", "outside"):
        assert not root.find_all("mark", data_claim_id=skipped)
        assert "Not highlighted" in panel(root, skipped).text()


def test_offsets_from_pandas_integers_are_highlighted():
    result = demo_result()
    for c in result["claims"]:
        c["start"], c["end"] = np.int64(c["start"]), float(c["end"])
    root = parse(render_html(result, text_of(ARTICLE_ID)))
    assert len(root.find_all("mark")) == len(result["claims"])


def test_empty_result_renders():
    page = render_html({"article": {"id": "x", "title": "Nothing"}, "claims": []}, "Plain text.")
    root = parse(page)
    assert "Plain text." in root.find_all(id="article-text")[0].text()
    assert "No figures were found" in page


# --- formatting helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("share", 90.0, 90.0, None, "over"), "over 90%"),
        (("percent_change", -12.0), "−12%"),
        (("range", None, 5000.0, 6000.0), "5,000–6,000"),
        (("count", 70000.0), "70,000"),
        (("count", float("nan")), "—"),
        (("date", "2024-06-27"), "2024-06-27"),
    ],
)
def test_format_figure(args, expected):
    assert format_figure(*args) == expected


def test_parse_interval():
    assert parse_interval("[64.5, 65.5)") == (64.5, 65.5)
    assert parse_interval("(90, inf)") == (90.0, None)
    assert parse_interval("nonsense") is None


# --- the run's index ---------------------------------------------------------------------


def test_index_lists_the_runs_articles_newest_first_with_counts_and_links():
    root = parse((_checked()["out"] / "index.html").read_text(encoding="utf-8"))
    rows = root.find_all("tbody")[0].find_all("tr")
    ids = [r.attrs["data-article-id"] for r in rows]
    # Newest publication first: contradicted (2024-02-10) after the demo (2024-06-28);
    # the undated hostile article last.
    assert ids == [ARTICLE_ID, "contradicted", "hostile"]
    hrefs = [a.attrs["href"] for a in root.find_all("a")]
    assert hrefs == [f"{i}.html" for i in ids]
    first = squash(rows[0].text())
    for verdict, n in demo_result()["summary"].items():
        if n:
            assert f"{LABELS[verdict]} {n}" in first


def test_index_escapes_titles_and_refuses_script_links():
    # The index reads entries from result files on disk; a tampered one must stay inert.
    entry = {
        "id": "x",
        "title": f"New {SCRIPT}",
        "report": "javascript:alert(1)",
        "published": "2024-06-28",
        "generated_at": "2026-11-25T10:01:00+00:00",
        "summary": demo_result()["summary"],
    }
    page = render_index([entry])
    root = parse(page)
    assert root.find_all("a") == [] and "&lt;script&gt;" in page
    assert not root.find_all("script")


# --- writing -----------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "report.html"
    write_atomic(target, "first")
    write_atomic(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_templates_read_a_view_dicts_keys_first_and_still_fail_on_a_missing_field():
    """The report's Jinja environment reads ``v.quote`` as the key; dict methods still work
    when no key shadows them, and a field no view has still stops the render."""
    import jinja2

    from reports.html import _environment

    env = _environment()
    template = env.from_string("{{ v.quote }}|{{ v.items() | list | length }}|{{ s.upper() }}")
    assert template.render(v={"quote": "65%"}, s="ok") == "65%|1|OK"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ v.missing }}").render(v={"quote": "65%"})


def test_values_are_escaped_to_the_text_markupsafe_gives() -> None:
    """``escape_text`` returns ``markupsafe.escape``'s text for every kind of value a view
    holds, as a plain ``str`` for text, and keeps ``Markup`` as it is."""
    values = ["", "65%", SCRIPT, IMG, "a & b ' \" < >", "“Of these” ✓ —", "x\u2028y", 7, 2.5]
    values += [None, True, Verdict.SUPPORTED, Markup("<b>ours</b>"), ["<li>"]]
    for value in values:
        assert escape_text(value) == str(escape(value)), value
    assert type(escape_text(SCRIPT)) is str
    assert escape_text(Markup("<b>ours</b>")) == "<b>ours</b>"


def test_report_pages_equal_what_jinjas_own_escaping_renders(monkeypatch) -> None:
    """The report environment compiles ``{{ value }}`` to ``escape_text``; the three pages
    (the hostile one included) are the very text the stock code generator's templates give."""
    import jinja2.compiler

    from reports import html

    source = (html.TEMPLATES / "claim_panel.html.j2").read_text(encoding="utf-8")
    code = html._environment().compile(source, raw=True)
    stock_escape = re.compile(r"(?<![\w.])escape\(")  # Jinja's own: yield escape(...)
    assert "environment.escape_text(" in code and not stock_escape.search(code)
    ours = {a: render_html(r, text_of(a)) for a, r in _checked()["results"].items()}

    class Stock(html._ViewEnvironment):
        code_generator_class = jinja2.compiler.CodeGenerator

    stock = Stock(**{k: getattr(html._environment(), k) for k in ("loader", "undefined")},
                  autoescape=True, trim_blocks=True, lstrip_blocks=True,
                  keep_trailing_newline=True, auto_reload=False)
    monkeypatch.setattr(html, "_environment", lambda: stock)
    assert stock_escape.search(stock.compile(source, raw=True))
    for article_id, result in _checked()["results"].items():
        assert render_html(result, text_of(article_id)) == ours[article_id], article_id


def test_edge_line_breaks_are_trimmed_as_the_anchored_pattern_says() -> None:
    """The string tests in ``_trim_edge_breaks`` agree with the anchored regex they replace,
    on random pages of paragraphs and line breaks."""

    def by_pattern(html: str) -> str:
        return re.sub(r"^<p>(?:<br>\n)+", "<p>", re.sub(r"(?:<br>\n)+</p>$", "</p>", html))

    rng = random.Random(12)
    for _ in range(5000):
        pieces = [rng.choice(["<br>\n", "a", "</p>\n<p>", "b<br>\n", "<br>"])
                  for _ in range(rng.randint(0, 9))]
        html = "<p>" + "".join(pieces) + "</p>"
        assert _trim_edge_breaks(html) == by_pattern(html), html
