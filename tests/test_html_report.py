"""The HTML report: highlights, evidence panels, escaping, offline-only resources, index.

The fixture is the demo article's result dict as the verdict stage hands it on (the gold
verdicts: six supported, "84% of attacks" disputed), with offsets computed on the real
article. A second fixture appends hostile text and an unverifiable claim without evidence.
Pages are parsed with the stdlib ``html.parser``; no browser is needed.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from checks.schemas import ReferenceSchema, columns, validate
from checks.vocabulary import Verdict
from reports.chart import claim_chart, format_figure, parse_interval
from reports.html import render_html, render_index, write_atomic

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_PATH = "sources/articles/kabulnow-2024-06-27-pakistan-threatens-strikes.txt"
ARTICLE = (ROOT / ARTICLE_PATH).read_text(encoding="utf-8")
ARTICLE_ID = "kabulnow-2024-06-27-pakistan-threatens-strikes"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_PARAGRAPH = f"Reader comment: {SCRIPT} {IMG} claimed 1,200 checkpoints were shut."

DEFINITIONS = {
    "PIPS": "Terrorist attacks only, excluding security-force operations (PIPS).",
    "CRSS": "All violence: terror attacks plus counter-terror operations (CRSS).",
    "PICSS": "Militant attacks (PICSS).",
    "Asif Durrani": "Official estimate given at a PIPS consultation, 16 March 2024.",
    "UN Monitoring Team": "UN 1988 Committee Monitoring Team estimate of TTP fighters.",
}
URLS = {
    "PIPS": "https://www.pakpips.com/article/book/pakistan-security-report-2023",
    "CRSS": "https://www.dawn.com/news/1802262",
    "PICSS": "https://www.picss.net/featured/2023-ends-with-70-increase-in-militant-attacks/",
    "Asif Durrani": "https://www.dawn.com/news/1821995",
    "UN Monitoring Team": "https://amu.tv/?p=109751",
    "VOA": "https://www.dawn.com/news/1842400",
    "Khaama Press": "https://www.khaama.com/pakistani-airstrikes-in-paktika-and-khost/",
}


def evidence(source: str, **fields) -> dict:
    """One evidence row of the result contract, with defaults for a stated figure."""
    row = {
        "source": source,
        "document": f"{source} annual security report 2023",
        "published": "2024-01-04",
        "url": URLS[source],
        "metric": None,
        "region": None,
        "period": "2023",
        "base_period": None,
        "kind": "count",
        "value": None,
        "low": None,
        "high": None,
        "qualifier": None,
        "derived": False,
        "inputs": None,
        "definition": DEFINITIONS.get(source, "Event report."),
        "computation": "as stated",
        "agrees": True,
        "decides": True,
        "named": False,
        "later": False,
    }
    row.update(fields)
    return row


def claim(
    text: str, quote: str, number: int, verdict: str, rule: str, explanation: str, **fields
) -> dict:
    """One claim of the result contract; offsets come from the real article text."""
    start = text.index(quote)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    row = {
        "claim_id": f"{ARTICLE_ID}#{number}",
        "text": quote,
        "start": start,
        "end": start + len(quote),
        "sentence": text[sentence_start:sentence_end].strip(),
        "kind": "count",
        "value": None,
        "low": None,
        "high": None,
        "qualifier": None,
        "unit": None,
        "metric": None,
        "region": None,
        "period": None,
        "base_period": None,
        "attributed_to": None,
        "weekday": None,
        "verdict": verdict,
        "rule": rule,
        "explanation": explanation,
        "interval": None,
        "tolerance": None,
        "evidence": [],
    }
    row.update(fields)
    return row


def demo_claims(text: str) -> list[dict]:
    """The gold claims of the demo article, judged as the verdict stage would."""
    rounded = "rounded at the stated digits"
    return [
        claim(
            text,
            "Thursday, June 27",
            1,
            "supported",
            "date-weekday-matches",
            "27 June 2024 was a Thursday; VOA published the interview that day: supported",
            kind="date",
            value="2024-06-27",
            weekday="Thursday",
            period="2024-06-27",
            evidence=[
                evidence(
                    "VOA",
                    document="Khawaja Asif's interview with VOA",
                    published="2024-06-27",
                    kind="date",
                    period="2024-06-27",
                    definition="Date the interview was published.",
                    computation="2024-06-27 is a Thursday",
                )
            ],
        ),
        claim(
            text,
            "65% increase",
            2,
            "supported",
            "named-source-agrees",
            "PIPS: 693 killed in 2023 vs 419 in 2022 = +65.4%, within the stated 65% "
            "[64.5, 65.5): supported",
            kind="percent_change",
            value=65.0,
            metric="deaths",
            region="PK",
            period="2023",
            base_period="2022",
            attributed_to="PIPS",
            interval="[64.5, 65.5)",
            tolerance=rounded,
            evidence=[
                evidence(
                    "PIPS",
                    kind="percent_change",
                    metric="deaths",
                    region="PK",
                    base_period="2022",
                    value=65.0,
                    named=True,
                ),
                evidence(
                    "PIPS",
                    kind="percent_change",
                    metric="deaths",
                    region="PK",
                    base_period="2022",
                    value=65.39,
                    derived=True,
                    named=True,
                    inputs="693 (2023) / 419 (2022)",
                    computation="(693 − 419) / 419 × 100 = 65.39%",
                ),
                evidence(
                    "CRSS",
                    kind="percent_change",
                    metric="deaths",
                    region="PK",
                    base_period="2022",
                    value=56.0,
                    agrees=False,
                    decides=False,
                    published="2024-01-01",
                ),
                evidence(
                    "PICSS",
                    kind="percent_change",
                    metric="deaths",
                    region="PK",
                    base_period="2022",
                    value=81.0,
                    agrees=False,
                    decides=False,
                    published="2024-01-01",
                ),
            ],
        ),
        claim(
            text,
            "over 90% of fatalities",
            3,
            "supported",
            "every-source-agrees",
            "CRSS states over 90% for 2023; PICSS counts give 905 / 976 = 92.7%, above 90: "
            "supported",
            kind="share",
            value=90.0,
            low=90.0,
            qualifier="over",
            metric="deaths",
            region="PK-BA+PK-KP",
            period="2023",
            interval="(90, 100]",
            tolerance="over: strictly above the stated figure",
            evidence=[
                evidence(
                    "CRSS",
                    kind="share",
                    metric="deaths",
                    region="PK-BA+PK-KP",
                    value=90.0,
                    low=90.0,
                    qualifier="over",
                    published="2024-01-01",
                ),
                evidence(
                    "PICSS",
                    kind="share",
                    metric="deaths",
                    region="PK-BA+PK-KP",
                    value=92.73,
                    derived=True,
                    inputs="905 / 976",
                    computation="(620 + 285) / 976 × 100 = 92.73%",
                    published="2024-01-01",
                ),
            ],
        ),
        claim(
            text,
            "84% of attacks",
            4,
            "disputed",
            "sources-disagree",
            "CRSS states 84% (its count includes security-force operations); PICSS counts "
            "give 589 / 645 = 91.3%, outside [83.5, 84.5): disputed",
            kind="share",
            value=84.0,
            metric="attacks",
            region="PK-BA+PK-KP",
            period="2023",
            interval="[83.5, 84.5)",
            tolerance=rounded,
            evidence=[
                evidence(
                    "CRSS",
                    kind="share",
                    metric="attacks",
                    region="PK-BA+PK-KP",
                    value=84.0,
                    published="2024-01-01",
                ),
                evidence(
                    "PICSS",
                    kind="share",
                    metric="attacks",
                    region="PK-BA+PK-KP",
                    value=91.32,
                    derived=True,
                    inputs="589 / 645",
                    agrees=False,
                    computation="(419 + 170) / 645 × 100 = 91.32%",
                    published="2024-01-01",
                ),
            ],
        ),
        claim(
            text,
            "5,000 to 6,000",
            5,
            "supported",
            "named-source-agrees",
            "Durrani gave 5,000–6,000 on 16 March 2024, the range stated: supported",
            kind="range",
            low=5000.0,
            high=6000.0,
            metric="militants",
            region="AF",
            period="2024-03",
            attributed_to="Asif Durrani",
            interval="[5000, 6000]",
            tolerance="a stated range is the closed interval",
            evidence=[
                evidence(
                    "Asif Durrani",
                    kind="range",
                    metric="militants",
                    region="AF",
                    period="2024-03",
                    low=5000.0,
                    high=6000.0,
                    named=True,
                    document="Dawn: Durrani at a PIPS consultation",
                    published="2024-03-17",
                ),
                evidence(
                    "UN Monitoring Team",
                    kind="range",
                    metric="militants",
                    region="AF",
                    period="2024-07",
                    low=6000.0,
                    high=6500.0,
                    decides=False,
                    later=True,
                    published="2024-07-11",
                    document="15th report of the Monitoring Team (S/2024/499)",
                ),
            ],
        ),
        claim(
            text,
            "70,000",
            6,
            "supported",
            "named-source-agrees",
            "Durrani: 'the number goes up to 70,000' with families: supported",
            kind="count",
            value=70000.0,
            metric="militants_with_families",
            region="AF",
            period="2024-03",
            attributed_to="Asif Durrani",
            interval="[65000, 75000)",
            tolerance="round number: ±5,000 (last non-zero digit, capped at 10%)",
            evidence=[
                evidence(
                    "Asif Durrani",
                    metric="militants_with_families",
                    region="AF",
                    period="2024-03",
                    value=70000.0,
                    named=True,
                    document="Dawn: Durrani at a PIPS consultation",
                    published="2024-03-17",
                ),
            ],
        ),
        claim(
            text,
            "In March",
            7,
            "supported",
            "event-date-matches",
            "Pakistani airstrikes in Paktika and Khost took place on 18 March 2024: supported",
            kind="date",
            value="2024-03",
            metric="airstrikes",
            region="AF",
            period="2024-03",
            evidence=[
                evidence(
                    "Khaama Press",
                    kind="date",
                    metric="airstrikes",
                    region="AF",
                    period="2024-03-18",
                    published="2024-03-18",
                    document="Pakistani airstrikes in Paktika and Khost",
                    definition="News report of the event.",
                    computation="2024-03-18 falls in March 2024",
                )
            ],
        ),
    ]


def result_for(text: str, claims: list[dict], title: str | None = None) -> dict:
    """Wrap claims in the report contract."""
    summary: dict[str, int] = {}
    for c in claims:
        summary[c["verdict"]] = summary.get(c["verdict"], 0) + 1
    return {
        "article": {
            "id": ARTICLE_ID,
            "published": "2024-06-28",
            "path": ARTICLE_PATH,
            "title": title or "Pakistan Threatens Strikes in Afghanistan Amid Terror Surge",
        },
        "claims": claims,
        "summary": summary,
        "run": {
            "generated_at": "2026-11-25T10:30:00+00:00",
            "figcheck_version": "0.1.0",
            "reference_version": "3f9c2ab",
            "data_docs": "../gx/data_docs/index.html",
            "gx_success": True,
        },
    }


def demo_result() -> dict:
    return result_for(ARTICLE, demo_claims(ARTICLE))


HOSTILE_ARTICLE = ARTICLE + "\n\n" + HOSTILE_PARAGRAPH


def hostile_result() -> dict:
    """Hostile text everywhere a string reaches the page, plus an unverifiable claim."""
    claims = demo_claims(HOSTILE_ARTICLE)
    claims[3]["evidence"][1]["definition"] = f"Militant attacks {SCRIPT}"
    claims[3]["evidence"][1]["document"] = f"PICSS report {IMG}"
    claims[3]["evidence"].append(
        evidence(
            "PICSS",
            url="javascript:alert(1)",
            agrees=False,
            decides=False,
            kind="share",
            value=91.0,
        )
    )
    claims.append(
        claim(
            HOSTILE_ARTICLE,
            "1,200 checkpoints",
            8,
            "unverifiable",
            "no-comparable-reference",
            f"No reference row measures checkpoints for PK in 2024 {SCRIPT}: unverifiable",
            value=1200.0,
            metric=f"checkpoints {IMG}",
            region="PK",
            period="2024",
        )
    )
    return result_for(HOSTILE_ARTICLE, claims, title=f"Strikes {SCRIPT}")


def ref(
    ref_id,
    source,
    metric,
    region,
    period,
    kind,
    value=None,
    low=None,
    high=None,
    qualifier=None,
    base_period=None,
    published="2024-01-04",
    stated="stated",
) -> dict:
    return {
        "ref_id": ref_id,
        "source": source,
        "publisher": source,
        "document": f"{source} report",
        "published": published,
        "url": URLS[source],
        "metric": metric,
        "region": region,
        "period": period,
        "base_period": base_period,
        "kind": kind,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "unit": None,
        "definition": DEFINITIONS[source],
        "stated_or_derived": stated,
        "keywords": None,
        "note": None,
    }


def demo_references() -> pd.DataFrame:
    """Reference rows from shared/reference/figures.md, in the ReferenceSchema layout."""
    kp_ba = "PK-BA+PK-KP"
    rows = [
        ref(
            "pips-2023-deaths-change",
            "PIPS",
            "deaths",
            "PK",
            "2023",
            "percent_change",
            65.0,
            base_period="2022",
        ),
        ref(
            "pips-2022-deaths-change",
            "PIPS",
            "deaths",
            "PK",
            "2022",
            "percent_change",
            25.0,
            base_period="2021",
            published="2023-01-04",
        ),
        ref(
            "crss-2023-deaths-change",
            "CRSS",
            "deaths",
            "PK",
            "2023",
            "percent_change",
            56.0,
            base_period="2022",
            published="2024-01-01",
        ),
        ref(
            "picss-2023-deaths-change",
            "PICSS",
            "deaths",
            "PK",
            "2023",
            "percent_change",
            81.0,
            base_period="2022",
            published="2024-01-01",
        ),
        ref(
            "crss-2023-share-deaths",
            "CRSS",
            "deaths",
            kp_ba,
            "2023",
            "share",
            90.0,
            low=90.0,
            qualifier="over",
            published="2024-01-01",
        ),
        ref(
            "crss-2022-share-deaths",
            "CRSS",
            "deaths",
            kp_ba,
            "2022",
            "share",
            90.0,
            qualifier="nearly",
            published="2023-01-01",
        ),
        ref(
            "crss-2023-share-attacks",
            "CRSS",
            "attacks",
            kp_ba,
            "2023",
            "share",
            84.0,
            published="2024-01-01",
        ),
        ref(
            "pips-2022-share-attacks",
            "PIPS",
            "attacks",
            kp_ba,
            "2022",
            "share",
            95.0,
            qualifier="about",
            published="2023-01-04",
        ),
        ref(
            "picss-2023-share-attacks",
            "PICSS",
            "attacks",
            kp_ba,
            "2023",
            "share",
            91.32,
            published="2024-01-01",
            stated="derived",
        ),
        ref(
            "un-2021-ttp",
            "UN Monitoring Team",
            "militants",
            "AF",
            "2021-06",
            "range",
            low=2500.0,
            high=6000.0,
            published="2021-06-01",
        ),
        ref(
            "un-2022-ttp",
            "UN Monitoring Team",
            "militants",
            "AF",
            "2022-02",
            "range",
            low=3000.0,
            high=5000.0,
            published="2022-02-01",
        ),
        ref(
            "durrani-2024-ttp",
            "Asif Durrani",
            "militants",
            "AF",
            "2024-03",
            "range",
            low=5000.0,
            high=6000.0,
            published="2024-03-17",
        ),
        ref(
            "un-2024-ttp",
            "UN Monitoring Team",
            "militants",
            "AF",
            "2024-07",
            "range",
            low=6000.0,
            high=6500.0,
            published="2024-07-11",
        ),
        ref(
            "durrani-2024-ttp-families",
            "Asif Durrani",
            "militants_with_families",
            "AF",
            "2024-03",
            "count",
            70000.0,
            published="2024-03-17",
        ),
    ]
    return validate(
        ReferenceSchema, pd.DataFrame(rows, columns=columns(ReferenceSchema)), "reference"
    )


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
def page(references) -> str:
    return render_html(demo_result(), ARTICLE, references)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


@pytest.fixture(scope="module")
def hostile_page(references) -> str:
    return render_html(hostile_result(), HOSTILE_ARTICLE, references)


LABELS = {
    "supported": "✓ supported",
    "contradicted": "✗ contradicted",
    "disputed": "⚖ disputed",
    "unverifiable": "? unverifiable",
    "misattributed": "≠ misattributed",
}


# --- the article with its highlights -----------------------------------------------------


def test_every_claim_is_highlighted_with_its_quote_verdict_and_label(dom):
    for c in demo_result()["claims"]:
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
    squash = " ".join
    assert squash(body.split()) == squash(ARTICLE.split())


def test_every_verdict_has_a_label_icon_and_colour_in_the_legend(dom):
    legend = dom.find_all(id="legend")[0].text()
    for verdict in Verdict:
        assert LABELS[verdict.value] in legend


def test_header_carries_counts_versions_and_data_docs_link(dom):
    header = dom.find_all("header")[0]
    text = " ".join(header.text().split())
    assert "Pakistan Threatens Strikes in Afghanistan Amid Terror Surge" in text
    assert "2024-06-28" in text and ARTICLE_PATH in text
    assert "0.1.0" in text and "3f9c2ab" in text and "2026-11-25" in text
    counts = {
        n.attrs["data-verdict"]: n.attrs["data-count"]
        for n in header.find_all()
        if "count" in n.classes()
    }
    assert counts["supported"] == "6" and counts["disputed"] == "1"
    assert counts["contradicted"] == "0"
    assert [a.attrs["href"] for a in header.find_all("a")] == ["../gx/data_docs/index.html"]
    assert "✓ passed" in text


# --- evidence panels ---------------------------------------------------------------------


def panel(dom: Node, claim_id: str) -> Node:
    (found,) = dom.find_all("details", data_claim_id=claim_id)
    return found


def test_disputed_claim_lists_both_sources_with_links_and_arithmetic(dom):
    details = panel(dom, f"{ARTICLE_ID}#4")
    text = " ".join(details.text().split())
    links = {a.text().strip(): a.attrs["href"] for a in details.find_all("a")}
    assert links["CRSS"] == URLS["CRSS"] and links["PICSS"] == URLS["PICSS"]
    assert "589 / 645" in text and "(419 + 170) / 645 × 100 = 91.32%" in text
    assert "derived" in text and "✗ disagrees" in text and "✓ agrees" in text
    assert "[83.5, 84.5)" in text and "rounded at the stated digits" in text
    assert DEFINITIONS["CRSS"] in text and "sources-disagree" in text
    assert "⚖ disputed" in text


def test_later_evidence_is_badged_and_context_rows_say_so(dom):
    text = " ".join(panel(dom, f"{ARTICLE_ID}#5").text().split())
    assert "later evidence" in text and "context" in text and "decides" in text
    assert "2024-07-11" in text and "6,000–6,500" in text


def test_panels_are_open_without_javascript(dom):
    details = dom.find_all("details")
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


def test_charts_are_inline_svg_with_title_and_description(dom):
    figures = [f for f in dom.find_all("figure") if "chart" in f.classes()]
    # every claim but the two dates has a chart
    assert len(figures) == 5
    for fig in figures:
        svg = fig.find_all("svg")[0]
        assert svg.attrs["role"] == "img"
        assert fig.find_all(id=svg.attrs["aria-labelledby"])[0].text().strip()
        assert "Reference figures" in fig.find_all(id=svg.attrs["aria-describedby"])[0].text()


def test_chart_draws_stated_rows_and_derived_evidence(references):
    disputed = demo_result()["claims"][3]
    html = claim_chart(disputed, references)
    assert html is not None
    assert "CRSS, 2023: 84% (stated)" in html and "PICSS, 2023: 91.32% (derived)" in html
    assert "PIPS, 2022: about 95% (stated)" in html


def test_no_chart_for_dates_or_claims_without_figures(references):
    claims = demo_result()["claims"]
    assert claim_chart(claims[0], references) is None
    assert claim_chart(hostile_result()["claims"][-1], None) is None


def test_chart_without_reference_table_uses_the_evidence():
    html = claim_chart(demo_result()["claims"][1], None)
    assert html is not None and "PIPS, 2023 vs 2022: +65.39% (derived)" in html


# --- the claims table --------------------------------------------------------------------


def test_claims_table_lists_every_claim_with_sortable_headers_and_filters(dom):
    (table,) = dom.find_all("table", id="claims-table")
    rows = table.find_all("tbody")[0].find_all("tr")
    assert [r.attrs["data-verdict"] for r in rows] == [
        c["verdict"] for c in demo_result()["claims"]
    ]
    headers = [" ".join(th.text().split()) for th in table.find_all("th")]
    for name in ("Quote", "Kind", "Value", "Metric", "Region", "Period", "Verdict", "Rule"):
        assert any(h.startswith(name) for h in headers), name
    assert all(th.find_all("button") for th in table.find_all("th"))
    filters = {
        b.attrs.get("data-filter") for b in dom.find_all("button") if "data-filter" in b.attrs
    }
    assert {"all", "supported", "disputed"} <= filters


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


@pytest.mark.parametrize("which", ["demo", "hostile"])
def test_nothing_is_loaded_from_the_network(which, page, hostile_page):
    root = parse(page if which == "demo" else hostile_page)
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
    scripts = root.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    assert not root.find_all("img")
    assert not [(n.tag, a) for n in root.iter() for a in n.attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_page
    assert not [a for a in root.find_all("a") if "javascript" in a.attrs.get("href", "")]
    assert "Strikes <script>alert(1)</script>" in root.find_all("h1")[0].text()


def test_unverifiable_claim_without_evidence_is_highlighted_and_explained(hostile_page):
    root = parse(hostile_page)
    claim_id = f"{ARTICLE_ID}#8"
    (mark,) = root.find_all("mark", data_claim_id=claim_id)
    assert mark.text() == "1,200 checkpoints" and mark.attrs["data-verdict"] == "unverifiable"
    text = " ".join(panel(root, claim_id).text().split())
    assert "No reference figure" in text and "no-comparable-reference" in text


def test_overlapping_and_bad_spans_render_without_crashing():
    claims = demo_claims(ARTICLE)
    inner = dict(claims[3], claim_id="inner", text="84%", end=claims[3]["start"] + 3)
    wrong = dict(claims[4], claim_id="wrong", start=0, end=5)
    outside = dict(claims[5], claim_id="outside", start=len(ARTICLE) + 5, end=len(ARTICLE) + 9)
    page = render_html(result_for(ARTICLE, [*claims, inner, wrong, outside]), ARTICLE)
    root = parse(page)
    assert root.find_all("mark", data_claim_id=claims[3]["claim_id"])
    for skipped in ("inner", "wrong", "outside"):
        assert not root.find_all("mark", data_claim_id=skipped)
        assert "Not highlighted" in panel(root, skipped).text()


def test_offsets_from_pandas_integers_are_highlighted():
    claims = demo_claims(ARTICLE)
    for c in claims:
        c["start"], c["end"] = np.int64(c["start"]), float(c["end"])
    root = parse(render_html(result_for(ARTICLE, claims), ARTICLE))
    assert len(root.find_all("mark")) == len(claims)


def test_hostile_source_names_stay_text_inside_charts():
    disputed = demo_result()["claims"][3]
    disputed["evidence"][0]["source"] = f"CRSS</text></svg>{SCRIPT}{IMG}"
    html = claim_chart(disputed, None)
    assert html is not None
    root = parse(html)
    assert not root.find_all("script") and not root.find_all("img")
    assert not [(n.tag, a) for n in root.iter() for a in n.attrs if a.lower().startswith("on")]
    assert "CRSS</text></svg><script>alert(1)</script>" in root.text()


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
        (("percent_change", 65.39), "+65.39%"),
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


def test_index_lists_articles_newest_first_with_counts_and_links():
    entries = [
        {
            "id": "old",
            "title": "Old news",
            "report": "old/report.html",
            "published": "2023-05-01",
            "generated_at": "2026-11-25T10:00:00+00:00",
            "summary": {"supported": 2},
        },
        {
            "id": "new",
            "title": f"New {SCRIPT}",
            "report": "new/report.html",
            "published": "2024-06-28",
            "generated_at": "2026-11-25T10:01:00+00:00",
            "summary": {"supported": 6, "disputed": 1},
        },
        {
            "id": "mid",
            "title": "Middle",
            "report": "javascript:alert(1)",
            "published": "2024-01-02",
            "generated_at": "2026-11-25T10:02:00+00:00",
            "summary": {},
        },
    ]
    page = render_index(entries)
    root = parse(page)
    rows = root.find_all("tbody")[0].find_all("tr")
    assert [r.attrs["data-article-id"] for r in rows] == ["new", "mid", "old"]
    assert [a.attrs["href"] for a in root.find_all("a")] == ["new/report.html", "old/report.html"]
    first = " ".join(rows[0].text().split())
    assert "✓ supported 6" in first and "⚖ disputed 1" in first
    assert len(root.find_all("script")) == 0 and "&lt;script&gt;" in page
    assert root.find_all("meta", http_equiv="Content-Security-Policy")


# --- writing -----------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "report.html"
    write_atomic(target, "first")
    write_atomic(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
