"""The SVG charts: well-formed, accessible, the claim's band and rule, labels apart, figures
formatted as stated, and the same chart from a result's chart block as from the table.

Charts are checked on the demo article's hand-built result (``tests/test_html_report``) and
on claims of our own; the SVG is parsed as XML, so any malformed output fails here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from reports.chart import FONT_SIZE, claim_chart, nice_ticks, text_width
from reports.result import chart_blocks
from tests.test_html_report import demo_references, demo_result, hostile_result

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def references() -> pd.DataFrame:
    return demo_references()


def svg_of(html: str) -> ET.Element:
    """The chart's ``<svg>`` element, parsed as XML (raises on malformed SVG)."""
    (svg,) = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    return ET.fromstring(svg)


def charts(references) -> list[tuple[dict, ET.Element]]:
    claims = [*demo_result()["claims"], *hostile_result()["claims"]]
    out = []
    for claim in claims:
        html = claim_chart(claim, references)
        if html is not None:
            out.append((claim, svg_of(html)))
    return out


def texts(svg: ET.Element, cls: str | None = None) -> list[ET.Element]:
    return [t for t in svg.iter(f"{SVG}text") if cls is None or t.get("class") == cls]


def box(t: ET.Element) -> tuple[float, float, float, float]:
    """The text's bounding box (x0, y0, x1, y1) from its anchor and Arial advance widths."""
    width = text_width(t.text or "", bold=t.get("font-weight") == "bold")
    x, y = float(t.get("x")), float(t.get("y"))
    anchor = t.get("text-anchor", "start")
    x0 = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return x0, y - FONT_SIZE / 2, x0 + width, y + FONT_SIZE / 2


def test_every_chart_is_well_formed_accessible_svg(references):
    drawn = charts(references)
    assert len(drawn) >= 6  # five demo claims and the hostile one with evidence
    for claim, svg in drawn:
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") and svg.get("aria-describedby")
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert claim["text"] in title.text
        assert "Reference figures by source and period" in desc.text
        # nothing that runs, loads or navigates
        tags = {e.tag.replace(SVG, "") for e in svg.iter()}
        assert not tags & {"script", "foreignObject", "image", "a", "style", "iframe"}
        assert not [a for e in svg.iter() for a in e.attrib if a.startswith("on")]


def test_band_spans_the_claims_interval_and_rule_marks_its_value(references):
    claims = {c["text"]: c for c in demo_result()["claims"]}
    svg = svg_of(claim_chart(claims["65% increase"], references))
    (band,) = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "band"]
    (rule,) = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "rule"]
    ticks = {t.text: float(t.get("x")) for t in texts(svg, "tick")}
    # the x scale, read off two tick labels: px per unit
    (a, xa), (b, xb) = sorted(((float(k), v) for k, v in ticks.items()))[:2]
    scale = (xb - xa) / (b - a)
    x0, width = float(band.get("x")), float(band.get("width"))
    assert (x0 - xa) / scale + a == pytest.approx(64.45, abs=0.01)
    # A claimed change rounded (once or twice) or cut at its last digit, [64.45, 66): 1.55
    # units wide, unless that is under a pixel: then one pixel, to stay visible.
    assert width == pytest.approx(max(scale * 1.55, 1.0), abs=0.01)
    assert (float(rule.get("x1")) - xa) / scale + a == pytest.approx(65.0, abs=0.01)
    assert rule.get("stroke-dasharray")


def test_a_stated_range_is_a_band_without_rule(references):
    claims = {c["text"]: c for c in demo_result()["claims"]}
    svg = svg_of(claim_chart(claims["5,000 to 6,000"], references))
    assert [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "band"]
    assert not [line for line in svg.iter(f"{SVG}line") if line.get("class") == "rule"]


def test_labels_do_not_overlap_and_stay_inside_the_chart(references):
    for _, svg in charts(references):
        width, height = float(svg.get("width")), float(svg.get("height"))
        boxes = [box(t) for t in texts(svg)]
        for x0, y0, x1, y1 in boxes:
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (a, b)


def test_figures_read_as_the_text_states_them(references):
    claims = {c["text"]: c for c in demo_result()["claims"]}
    values = {
        text: [t.text for t in texts(svg_of(claim_chart(claims[text], references)), "value")]
        for text in ("65% increase", "84% of attacks", "5,000 to 6,000", "over 90% of fatalities")
    }
    assert "+65.39%" in values["65% increase"] and "+25%" in values["65% increase"]
    assert "about 95%" in values["84% of attacks"] and "91.32%" in values["84% of attacks"]
    assert "5,000–6,000" in values["5,000 to 6,000"]
    assert "over 90%" in values["over 90% of fatalities"]
    ticks = [t.text for t in texts(svg_of(claim_chart(claims["5,000 to 6,000"], references)))]
    assert any("," in t for t in ticks if t and t[0].isdigit())  # 4,000 not 4000


def test_two_figures_of_one_source_and_period_share_a_row_and_a_label():
    claim = next(c for c in demo_result()["claims"] if c["text"] == "70,000")
    claim["evidence"] = []  # only the two context rows below
    claim["chart"] = {
        "interval": [65000.0, 75000.0],
        "context": [
            {"source": "Asif Durrani", "period": "2024-03", "kind": "count", "value": 70000.0},
            {"source": "Asif Durrani", "period": "2024-03", "kind": "count", "value": 72000.0},
        ],
        "sources": [],
    }
    svg = svg_of(claim_chart(claim))
    assert [t.text for t in texts(svg, "value")] == ["70,000 / 72,000"]


def test_chart_block_in_the_result_draws_what_the_table_gives(references):
    """The pipeline puts context rows and the interval into the result; same chart."""
    for claim in demo_result()["claims"]:
        claims = pd.DataFrame(
            [
                {
                    "claim_id": claim["claim_id"],
                    "kind": claim["kind"],
                    "metric": claim["metric"],
                    "region": claim["region"],
                }
            ]
        )
        verdicts = pd.DataFrame([{"claim_id": claim["claim_id"], "interval": claim["interval"]}])
        blocks = chart_blocks(claims, verdicts, references)
        from_table = claim_chart(claim, references)
        from_block = claim_chart(dict(claim, chart=blocks.get(claim["claim_id"])), None)
        assert from_block == from_table


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 100, [0, 20, 40, 60, 80, 100]), (64.5, 66, [64.5, 65, 65.5, 66]), (0, 7, [0, 2, 4, 6])],
)
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high, 5) == pytest.approx(expected)


def test_claims_measuring_one_thing_share_its_context_rows_and_others_get_none(references):
    """chart_blocks reads each stated reference row once for every claim of its measure."""
    claim = next(c for c in demo_result()["claims"] if c.get("metric") and c["kind"] != "date")
    row = {"kind": claim["kind"], "metric": claim["metric"], "region": claim["region"]}
    claims = pd.DataFrame(
        [
            {"claim_id": "a", **row},
            {"claim_id": "b", **row},
            {"claim_id": "c", **row, "metric": "no-such-metric"},
        ]
    )
    verdicts = pd.DataFrame({"claim_id": ["a", "b", "c"], "interval": [claim["interval"]] * 3})
    blocks = chart_blocks(claims, verdicts, references)
    same = references[
        (references["metric"] == row["metric"])
        & (references["region"] == row["region"])
        & (references["kind"] == row["kind"])
        & (references["stated_or_derived"] == "stated")
    ]
    assert len(blocks["a"]["context"]) == len(same) > 0
    assert blocks["a"]["context"] == blocks["b"]["context"]
    assert [r["value"] for r in blocks["a"]["context"]] == same["value"].tolist()
    assert blocks["c"]["context"] == []
