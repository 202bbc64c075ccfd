"""Charts of a claim against the reference figures that measure the same thing.

One chart per checked claim: the reference values by period and source (stated rows of the
reference table with the claim's metric, region and kind, plus the claim's own evidence,
derived figures included), with the claim's interval drawn as a band and its value as a
dashed rule.

Charts are Vega-Lite specs (altair) rendered to static SVG by vl-convert and inlined in the
report. Static SVG needs no JavaScript runtime (the Vega bundle is about 0.9 MB and compiles
expressions with ``new Function``, which a strict Content-Security-Policy forbids), loads
nothing, prints sharply, and keeps its text as text for screen readers and search.

Number formatting used by the charts and the HTML report lives here too, so a figure reads
the same in a chart label and in the evidence panel.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from html.parser import HTMLParser
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc
from markupsafe import escape

from checks.schemas import ReferenceSchema as R
from checks.vocabulary import Kind, Qualifier, Stated

log = logging.getLogger(__name__)

PERCENT_KINDS = {Kind.PERCENT.value, Kind.SHARE.value, Kind.PERCENT_CHANGE.value}
SIGNED_KINDS = {Kind.PERCENT_CHANGE.value, Kind.PERCENTAGE_POINTS.value}

# How a qualifier reads in front of a figure ("over 90%").
QUALIFIER_WORDS = {
    Qualifier.OVER.value: "over",
    Qualifier.AT_LEAST.value: "at least",
    Qualifier.UNDER.value: "under",
    Qualifier.UP_TO.value: "up to",
    Qualifier.NEARLY.value: "nearly",
    Qualifier.ABOUT.value: "about",
}

KIND_LABELS = {
    Kind.COUNT.value: "count",
    Kind.PERCENT.value: "percent",
    Kind.PERCENT_CHANGE.value: "percent change",
    Kind.PERCENTAGE_POINTS.value: "percentage points",
    Kind.SHARE.value: "share",
    Kind.RANGE.value: "range",
    Kind.RATIO.value: "ratio",
    Kind.MONEY.value: "money",
    Kind.DATE.value: "date",
}

# Okabe-Ito hues (distinguishable with the common colour-vision deficiencies), darkened
# where needed to reach 3:1 against white; value labels are drawn in ink, not in colour.
PALETTE = ["#0072B2", "#D55E00", "#008F68", "#B4589A", "#A36F00", "#4D4D4D", "#3A8FC7"]
INK = "#24292f"
# Arial-metric fonts: vl-convert lays labels out with the same widths the browser draws.
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
WIDTH = 250  # plot area; the row labels add about 150 px

# What a chart's SVG may never contain: anything that runs, loads or navigates.
_UNSAFE_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "image", "a", "style"}
_UNSAFE_ATTRS = {"href", "xlink:href", "src", "style"}


# --- numbers -----------------------------------------------------------------------------


def as_number(x: Any) -> float | None:
    """Return ``x`` as a finite float, or None for None, NaN, text and infinities."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def format_number(x: Any) -> str:
    """Format a number for readers: thousands separators, at most two decimals."""
    f = as_number(x)
    if f is None:
        return "—"
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.2f}".rstrip("0").rstrip(".")


def _suffix(kind: str | None, unit: str | None) -> str:
    if kind in PERCENT_KINDS:
        return "%"
    if kind == Kind.PERCENTAGE_POINTS.value:
        return " pp"
    if unit and unit not in {"%", "percent"}:
        return f" {unit}"
    return ""


def format_figure(
    kind: str | None,
    value: Any = None,
    low: Any = None,
    high: Any = None,
    qualifier: str | None = None,
    unit: str | None = None,
) -> str:
    """Format a stated figure the way it reads: "over 90%", "+65.4%", "5,000–6,000"."""
    if kind == Kind.DATE.value:
        return str(value) if value not in (None, "") else "—"
    v, lo, hi = as_number(value), as_number(low), as_number(high)
    suffix = _suffix(kind, unit)
    if lo is not None and hi is not None and (v is None or kind == Kind.RANGE.value):
        text = f"{format_number(lo)}–{format_number(hi)}{suffix}"
    elif v is not None:
        sign = "+" if kind in SIGNED_KINDS and v > 0 else ""
        text = f"{sign}{format_number(v)}{suffix}".replace("-", "−", 1)
    elif lo is not None:
        text = f"{format_number(lo)}{suffix}"
        qualifier = qualifier or Qualifier.AT_LEAST.value
    elif hi is not None:
        text = f"{format_number(hi)}{suffix}"
        qualifier = qualifier or Qualifier.UP_TO.value
    else:
        return "—"
    word = QUALIFIER_WORDS.get(qualifier or "")
    return f"{word} {text}" if word else text


def parse_interval(interval: str | None) -> tuple[float | None, float | None] | None:
    """Read "[64.5, 65.5)" or "(90, inf)" into (low, high); None ends are unbounded."""
    if not interval:
        return None
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^\])]*?)\s*[\])]\s*", interval)
    if not m:
        return None
    return as_number(m.group(1)), as_number(m.group(2))


def period_label(period: Any, base_period: Any) -> str:
    """Label a period: "2023", or "2023 vs 2022" for a change against a base period."""
    p, b = _text(period) or "", _text(base_period) or ""
    return f"{p} vs {b}" if p and b else p or "—"


# --- chart data --------------------------------------------------------------------------


def _text(x: Any) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return str(x)


def _point(row: dict, origin: str) -> dict | None:
    """One plotted figure from a reference or evidence row, or None when it has no number."""
    v, lo, hi = as_number(row.get("value")), as_number(row.get("low")), as_number(row.get("high"))
    ranged = lo is not None and hi is not None
    at = v if v is not None else (lo + hi) / 2 if ranged else lo if lo is not None else hi
    if at is None:
        return None
    source = _text(row.get("source")) or "unknown source"
    period = period_label(_text(row.get("period")), _text(row.get("base_period")))
    derived = " (derived)" if origin == Stated.DERIVED.value else ""
    return {
        "source": source,
        "period": period,
        "order": _text(row.get("period")) or "",
        "base": _text(row.get("base_period")) or "",
        "row": f"{source} · {period}{derived}",
        "at": at,
        "low": lo if ranged else None,
        "high": hi if ranged else None,
        "label_at": hi if ranged else at,
        "figure": origin,
        "label": format_figure(
            row.get("kind"), v, lo, hi, _text(row.get("qualifier")), _text(row.get("unit"))
        ),
    }


def chart_points(claim: dict, references: pd.DataFrame | None) -> list[dict]:
    """Stated reference rows measuring what the claim measures, plus its evidence rows."""
    kind, points = claim.get("kind"), []
    if references is not None and not references.empty:
        same = references[
            (references[R.metric] == claim.get("metric"))
            & (references[R.region] == claim.get("region"))
            & (references[R.kind] == kind)
            & (references[R.stated_or_derived] == Stated.STATED.value)
        ]
        points += [_point(r, Stated.STATED.value) for r in same.to_dict("records")]
    for ev in claim.get("evidence") or []:
        if ev.get("kind", kind) == kind:
            origin = Stated.DERIVED.value if ev.get("derived") else Stated.STATED.value
            points.append(_point(ev, origin))
    seen, unique = set(), []
    for p in points:
        if p is None:
            continue
        key = (p["source"], p["period"], p["at"], p["low"], p["high"], p["figure"])
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _domain(points: list[dict], band: tuple[float | None, float | None], claim_value, kind):
    ys = [p["at"] for p in points] + [
        p[k] for p in points for k in ("low", "high") if p[k] is not None
    ]
    ys += [b for b in band if b is not None] + ([claim_value] if claim_value is not None else [])
    lo, hi = min(ys), max(ys)
    span = hi - lo or max(abs(hi) * 0.1, 1.0)
    # Room on the right for the value labels printed after each point.
    lo, hi = lo - span * 0.12, hi + span * 0.3
    if min(ys) >= 0:
        lo = max(lo, 0.0)
    if kind in {Kind.SHARE.value, Kind.PERCENT.value}:
        hi = min(hi, 100.0) if max(ys) <= 100 else hi
    return lo, hi


def _y_title(kind: str | None, unit: str | None) -> str:
    return {
        Kind.PERCENT_CHANGE.value: "change (%)",
        Kind.SHARE.value: "share (%)",
        Kind.PERCENT.value: "percent",
        Kind.PERCENTAGE_POINTS.value: "change (percentage points)",
        Kind.RATIO.value: "ratio",
    }.get(kind or "", unit or ("amount" if kind == Kind.MONEY.value else "count"))


# --- rendering ---------------------------------------------------------------------------


def chart_id(claim_id: str) -> str:
    """A DOM id for a claim's chart: readable prefix plus a hash, unique per claim id."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", claim_id).strip("-")[-24:] or "claim"
    return f"chart-{slug}-{hashlib.sha1(claim_id.encode()).hexdigest()[:6]}"


def _same_period(a: str, b: str) -> bool:
    """ISO periods that nest ("2024-03" and "2024-03-16") count as the same period."""
    return a.startswith(b) or b.startswith(a)


def _spec(
    claim: dict, points: list[dict], band, domain, sources: list[str], colours: list[str]
) -> alt.LayerChart:
    """A dot plot, one row per figure (source and period), the claim as band and rule."""
    claim_period = (_text(claim.get("period")) or "", _text(claim.get("base_period")) or "")
    for p in points:
        p["current"] = bool(claim_period[0]) and all(
            _same_period(a, b) for a, b in zip((p["order"], p["base"]), claim_period, strict=True)
        )
    rows = sorted(
        points,
        key=lambda p: (p["order"], p["period"], p["source"], p["figure"] != Stated.STATED.value),
    )
    row_order = list(dict.fromkeys(p["row"] for p in rows))
    data = pd.DataFrame(points)
    y = alt.Y(
        "row:N",
        sort=row_order,
        title=None,
        axis=alt.Axis(labelLimit=230, ticks=False, domain=False, labelPadding=8),
    )
    x_scale = alt.Scale(domain=list(domain), nice=False, zero=False)
    x_title = _y_title(claim.get("kind"), claim.get("unit"))
    x = alt.X("at:Q", title=x_title, scale=x_scale, axis=alt.Axis(tickCount=5, grid=True))
    color = alt.Color("source:N", scale=alt.Scale(domain=sources, range=colours), legend=None)
    shape = alt.Shape(
        "figure:N",
        scale=alt.Scale(
            domain=[Stated.STATED.value, Stated.DERIVED.value], range=["circle", "diamond"]
        ),
        legend=None,
    )
    low, high = band
    layers: list[alt.Chart] = []
    current = data[data["current"]]
    if not current.empty and len(current) < len(data):
        # Rows measuring the claim's own period are tinted: the rest is context.
        layers.append(alt.Chart(current).mark_rect(color="#ddf4ff", opacity=0.7).encode(y=y))
    if low is not None or high is not None:
        rect = pd.DataFrame(
            [
                {
                    "low": domain[0] if low is None else low,
                    "high": domain[1] if high is None else high,
                }
            ]
        )
        layers.append(
            alt.Chart(rect)
            .mark_rect(color="#8c959f", opacity=0.25)
            .encode(x=alt.X("low:Q", scale=x_scale, title=x_title), x2="high:Q")
        )
    # The dashed rule marks the stated value, or the one bound of "over 90%"; a stated range
    # is its band alone.
    mark_at = as_number(claim.get("value"))
    if mark_at is None and (low is None) != (high is None):
        mark_at = low if low is not None else high
    if mark_at is not None:
        layers.append(
            alt.Chart(pd.DataFrame([{"at": mark_at}]))
            .mark_rule(color=INK, strokeDash=[5, 3], strokeWidth=1.5)
            .encode(x=x)
        )
    ranged = data[data["low"].notna()]
    if not ranged.empty:
        layers.append(
            alt.Chart(ranged)
            .mark_rule(strokeWidth=3, opacity=0.75)
            .encode(x=alt.X("low:Q", scale=x_scale, title=x_title), x2="high:Q", y=y, color=color)
        )
    layers.append(
        alt.Chart(data)
        .mark_point(filled=True, size=100, opacity=1, stroke="white", strokeWidth=1)
        .encode(x=x, y=y, color=color, shape=shape)
    )
    layers.append(
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=9, fontSize=12, fontWeight="bold", color=INK)
        .encode(x=alt.X("label_at:Q", scale=x_scale, title=x_title), y=y, text="label:N")
    )
    return (
        alt.layer(*layers)
        .properties(
            width=WIDTH,
            height=alt.Step(26),
            description=_description(claim, points, band),
        )
        .configure(font=FONT, background="white")
        .configure_view(stroke=None)
        .configure_axis(
            labelFontSize=12,
            titleFontSize=12,
            labelColor="#424a53",
            titleColor="#424a53",
            gridColor="#eaeef2",
            domainColor="#8c959f",
            tickColor="#8c959f",
            titleFontWeight="normal",
        )
    )


def claim_figure(claim: dict) -> str:
    """The claim as stated, with its interval when it has one: "+65% [64.5, 65.5)"."""
    figure = format_figure(
        claim.get("kind"),
        claim.get("value"),
        claim.get("low"),
        claim.get("high"),
        claim.get("qualifier"),
        claim.get("unit"),
    )
    return f"{figure} {claim['interval']}" if claim.get("interval") else figure


def _title(claim: dict) -> tuple[str, str]:
    what = " · ".join(
        str(x)
        for x in (
            claim.get("metric"),
            claim.get("region"),
            KIND_LABELS.get(claim.get("kind") or "", claim.get("kind")),
        )
        if x
    )
    return f"“{claim.get('text', '')}” against the reference figures", what


def _key(claim: dict, band: tuple[float | None, float | None]) -> str:
    """How the chart marks the claim, in words for the caption."""
    has_band = band[0] is not None or band[1] is not None
    has_rule = as_number(claim.get("value")) is not None or (band[0] is None) != (band[1] is None)
    marks = " and ".join(m for m, on in (("dashed line", has_rule), ("grey band", has_band)) if on)
    return f"Claim {claim_figure(claim)}" + (f": {marks}" if marks else "")


def _description(claim: dict, points: list[dict], band) -> str:
    """The chart in words, for screen readers: what is marked and every figure drawn."""
    title, what = _title(claim)
    figures = "; ".join(
        f"{p['source']}, {p['period']}: {p['label']} ({p['figure']})" for p in points
    )
    return (
        f"{title} ({what}). {_key(claim, band)}. Reference figures by source and period: {figures}."
    )


class _Inert(HTMLParser):
    """Finds anything in an SVG that could run, load or navigate."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSAFE_TAGS:
            self.problems.append(f"<{tag}>")
        self.problems += [
            f"{tag}@{n}" for n, _ in attrs if n.startswith("on") or n in _UNSAFE_ATTRS
        ]


def _inline_svg(svg: str, cid: str) -> str | None:
    """Make vl-convert's SVG safe to inline: unique ids, ARIA, and nothing active."""
    checker = _Inert()
    checker.feed(svg)
    if checker.problems:
        log.warning("chart %s dropped: its SVG holds %s", cid, ", ".join(checker.problems[:5]))
        return None
    # Several SVGs share one document: keep their internal ids (clip paths) apart.
    svg = re.sub(r'(?<=\s)id="([^"]+)"', rf'id="{cid}-\1"', svg)
    svg = svg.replace("url(#", f"url(#{cid}-")
    return svg.replace(
        "<svg ",
        f'<svg role="img" focusable="false" aria-labelledby="{cid}-title" '
        f'aria-describedby="{cid}-desc" ',
        1,
    )


def chart_spec(claim: dict, references: pd.DataFrame | None) -> alt.LayerChart | None:
    """The Altair chart of ``claim`` against the references, or None (see ``claim_chart``)."""
    parts = _chart_parts(claim, references)
    return parts[0] if parts else None


def _chart_parts(claim: dict, references: pd.DataFrame | None) -> tuple | None:
    """The chart, its points and the claim's band; None when there is nothing to draw."""
    kind = claim.get("kind")
    if kind == Kind.DATE.value or not claim.get("metric"):
        return None
    points = chart_points(claim, references)
    if not points:
        return None
    parsed = parse_interval(claim.get("interval"))
    band = parsed or (as_number(claim.get("low")), as_number(claim.get("high")))
    domain = _domain(points, band, as_number(claim.get("value")), kind)
    sources = sorted({p["source"] for p in points})
    known = sources
    if references is not None and not references.empty:
        # Colours are dealt over every source of the reference table, so the same source
        # has the same colour in every chart of a report.
        known = sorted(set(references[R.source].dropna().astype(str)) | set(sources))
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(known)}
    chart = _spec(claim, points, band, domain, sources, [colours[s] for s in sources])
    return chart, points, band


def claim_chart(claim: dict, references: pd.DataFrame | None) -> str | None:
    """Return an HTML ``<figure>`` charting ``claim`` against the references, or None.

    Parameters: ``claim`` is one claim of the report's result dict (with its evidence);
    ``references`` has the columns of ``checks.schemas.ReferenceSchema`` or is None, when
    only the claim's evidence is drawn. Returns None for dates, claims without a metric and
    claims with nothing to compare against.
    """
    parts = _chart_parts(claim, references)
    if parts is None:
        return None
    chart, points, band = parts
    # Validating against the Vega-Lite schema cost ~0.1 s a chart, most of a report's render
    # time; chart_spec's output is validated by a test instead.
    spec = chart.to_dict(validate=False)
    cid = chart_id(str(claim.get("claim_id", "")))
    svg = _inline_svg(vlc.vegalite_to_svg(spec), cid)
    if svg is None:
        return None
    title, what = _title(claim)
    return (
        f'<figure class="chart" id="{cid}" aria-labelledby="{cid}-title">'
        f'<figcaption id="{cid}-title"><strong>{escape(title)}</strong>'
        f'<span class="chart-sub">{escape(what)}. {escape(_key(claim, band))}'
        f"; ● stated, ◆ derived; tinted rows measure the claim's period.</span></figcaption>"
        f'{svg}<p class="visually-hidden" id="{cid}-desc">'
        f"{escape(_description(claim, points, band))}</p></figure>"
    )
