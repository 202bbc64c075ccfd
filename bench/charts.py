"""Benchmark: one claim's chart drawn by figcheck's SVG template and by two SVG chart libraries.

The chart is a dot plot with one row per figure (source and period), a band for the claim's
interval and a dashed rule for its value, with a value label per row. ``reports.chart``
draws it from the demo article's result; pygal (``XY`` chart, one series per source, plus a
band series and a rule series) and leather (dots per source, a line for the rule) draw the
same points and labels as closely as each allows. Each is timed over ``--repeat`` renders
(CPU seconds, best of 3). The libraries are not figcheck dependencies: run this with a Python
that has them, e.g. a scratch venv:

    uv venv /tmp/cmp && uv pip install --python /tmp/cmp/bin/python pygal leather markupsafe pyyaml
    PYTHONPATH=. /tmp/cmp/bin/python bench/charts.py
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET

from reports.chart import _parts, chart_id, chart_svg

# The demo article's "65% increase" claim with its chart block, as the pipeline writes it.
CLAIM = {
    "claim_id": "demo#2",
    "text": "65% increase",
    "kind": "percent_change",
    "value": 65.0,
    "metric": "deaths",
    "region": "PK",
    "period": "2023",
    "base_period": "2022",
    "interval": "[64.5, 65.5)",
    "evidence": [
        {
            "source": "PIPS",
            "period": "2023",
            "base_period": "2022",
            "kind": "percent_change",
            "value": 65.39,
            "derived": True,
        },
    ],
    "chart": {
        "interval": [64.5, 65.5],
        "context": [
            {
                "source": "PIPS",
                "period": "2023",
                "base_period": "2022",
                "kind": "percent_change",
                "value": 65.0,
            },
            {
                "source": "PIPS",
                "period": "2022",
                "base_period": "2021",
                "kind": "percent_change",
                "value": 25.0,
            },
            {
                "source": "CRSS",
                "period": "2023",
                "base_period": "2022",
                "kind": "percent_change",
                "value": 56.0,
            },
            {
                "source": "PICSS",
                "period": "2023",
                "base_period": "2022",
                "kind": "percent_change",
                "value": 81.0,
            },
        ],
        "sources": ["CRSS", "PICSS", "PIPS"],
    },
}


def figcheck_svg() -> str:
    points, band, domain, colours = _parts(CLAIM)
    return chart_svg(CLAIM, points, band, domain, colours, chart_id(CLAIM["claim_id"]))


def pygal_svg() -> str:
    import pygal

    points, band, domain, _ = _parts(CLAIM)
    rows = list(dict.fromkeys(p["row"] for p in points))
    chart = pygal.XY(
        stroke=False,
        show_legend=False,
        range=(0, len(rows)),
        xrange=domain,
        y_labels=list(range(len(rows))),
        title=CLAIM["text"],
        print_values=True,
        js=[],
        disable_xml_declaration=True,
        width=520,
        height=60 + 26 * len(rows),
    )
    for source in sorted({p["source"] for p in points}):
        chart.add(
            source,
            [
                {"value": (p["at"], rows.index(p["row"])), "label": p["label"]}
                for p in points
                if p["source"] == source
            ],
        )
    chart.add(
        "band",
        [(band[0], 0), (band[0], len(rows)), (band[1], len(rows)), (band[1], 0)],
        stroke=True,
        fill=True,
    )
    chart.add("rule", [(CLAIM["value"], 0), (CLAIM["value"], len(rows))], stroke=True)
    return chart.render(is_unicode=True)


def leather_svg() -> str:
    import leather

    points, band, domain, _ = _parts(CLAIM)
    rows = list(dict.fromkeys(p["row"] for p in points))
    chart = leather.Chart(CLAIM["text"])
    chart.add_x_scale(*domain)
    for source in sorted({p["source"] for p in points}):
        chart.add_dots(
            [(p["at"], rows.index(p["row"])) for p in points if p["source"] == source], name=source
        )
    chart.add_line([(CLAIM["value"], 0), (CLAIM["value"], len(rows) - 1)], name="rule")
    chart.add_line([(band[0], 0), (band[1], 0)], name="band")
    return chart.to_svg(width=520, height=60 + 26 * len(rows))


def best(fn, repeat: int) -> float:
    """Best of three: CPU seconds per call over ``repeat`` calls."""
    runs = []
    for _ in range(3):
        start = time.process_time()
        for _ in range(repeat):
            fn()
        runs.append((time.process_time() - start) / repeat)
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print("| renderer | ms per chart | SVG bytes | well-formed XML |")
    print("|---|---:|---:|---|")
    for name, fn in (
        ("figcheck SVG template", figcheck_svg),
        ("pygal", pygal_svg),
        ("leather", leather_svg),
    ):
        try:
            svg = fn()
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | |")
            continue
        try:
            ET.fromstring(svg)
            ok = "yes"
        except ET.ParseError as exc:
            ok = f"no ({exc})"
        print(f"| {name} | {best(fn, args.repeat) * 1000:.2f} | {len(svg):,} | {ok} |", flush=True)


if __name__ == "__main__":
    main()
