"""Charts of a claim against the reference figures that measure the same thing.

One chart per checked claim: the reference values by period and source (the claim's chart
context rows, i.e. the stated reference rows with its metric, region and kind, plus the
claim's own evidence, derived figures included), with the claim's interval drawn as a band
and its value as a dashed rule.

Charts are static SVG written here from escaped parts (one row per figure, a dot plot) and
inlined in the report: no JavaScript, nothing loaded, sharp in print, and text kept as text
for screen readers and search. A chart reads only the claim's entry of the result: its
``chart`` block (context rows, the claim's interval as numbers, the sources' colour order;
see ``reports.result.chart_blocks``) and its evidence. Writing the SVG directly takes about
0.5 ms a chart; the Vega-Lite + vl-convert charts it replaces took about 90 ms, and the
SVG chart libraries measured (pygal, leather) took 12-20 ms (``bench/README.md``).

Figures are formatted by ``checks.figures``, so a figure reads the same in a chart label, the
evidence panel and the verdict's sentence.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable
from itertools import repeat
from typing import Any

from markupsafe import escape

from checks.figures import READER_DECIMALS, as_number, format_figure, format_number
from checks.values import text_or_none
from checks.vocabulary import Kind, Stated

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
MUTED = "#424a53"
GRID = "#eaeef2"
AXIS = "#8c959f"
# Arial-metric fonts: labels are laid out with the widths the browser draws (see _width).
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
FONT_SIZE = 12
WIDTH = 250  # plot area
ROW = 26  # height of one figure's row
LABEL_LIMIT = 230  # row labels longer than this are shortened with an ellipsis
LABEL_GAP = 9  # from a point to its value label
TOP, AXIS_BELOW = 6, 40  # margins above the rows; below them, tick labels and axis title

# --- numbers -----------------------------------------------------------------------------


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


_text = text_or_none
_STATED, _DERIVED = Stated.STATED.value, Stated.DERIVED.value  # an Enum's .value is slow


# The fields of a context or evidence row a plotted figure is made of.
_POINT_FIELDS = ("value", "low", "high", "source", "period", "base_period", "kind")
_POINT_FIELDS += ("qualifier", "unit")


def _point(row: dict, origin: str) -> dict | None:
    """One plotted figure from a context or evidence row, or None when it has no number.

    The returned dict may be shared with other charts (``_figure_point``): read it only.
    """
    cells = tuple(map(row.get, _POINT_FIELDS))
    try:
        return _figure_point(origin, *cells)
    except TypeError:  # an unhashable cell: made afresh
        return _figure_point.__wrapped__(origin, *cells)


# Remembered by value (and type): the claims of a batch that measure one thing are each
# charted against the same reference rows, so most points were made over and over.
@functools.lru_cache(maxsize=16384, typed=True)
def _figure_point(
    origin: str, value, low, high, source, period, base_period, kind, qualifier, unit
) -> dict | None:
    v, lo, hi = as_number(value), as_number(low), as_number(high)
    ranged = lo is not None and hi is not None
    at = v if v is not None else (lo + hi) / 2 if ranged else lo if lo is not None else hi
    if at is None:
        return None
    source = _text(source) or "unknown source"
    order, base = _text(period) or "", _text(base_period) or ""
    period = f"{order} vs {base}" if order and base else order or "—"  # period_label
    derived = " (derived)" if origin == _DERIVED else ""
    label = format_figure(kind, v, lo, hi, _text(qualifier), _text(unit))
    return {
        "source": source,
        "period": period,
        "order": order,
        "base": base,
        "row": f"{source} · {period}{derived}",
        "at": at,
        "low": lo if ranged else None,
        "high": hi if ranged else None,
        "label_at": hi if ranged else at,
        "figure": origin,
        "label": label,
    }


def context_rows(claim: dict, references: Any) -> list[dict]:
    """Stated rows of a reference table (``ReferenceSchema``) measuring what ``claim`` measures.

    For results without a ``chart`` block (hand-built ones); the pipeline puts these rows
    into the result once per batch (``reports.result.chart_blocks``).
    """
    if references is None or references.empty:
        return []
    same = references[
        (references["metric"] == claim.get("metric"))
        & (references["region"] == claim.get("region"))
        & (references["kind"] == claim.get("kind"))
        & (references["stated_or_derived"] == Stated.STATED.value)
    ]
    return same.to_dict("records")


def _block(claim: dict, references: Any) -> dict:
    """The claim's chart block, from the result or, for hand-built results, the table."""
    block = claim.get("chart")
    if isinstance(block, dict):
        return block
    sources = []
    if references is not None and not references.empty:
        sources = sorted(set(references["source"].dropna().astype(str)))
    return {
        "interval": parse_interval(claim.get("interval")),
        "context": context_rows(claim, references),
        "sources": sources,
    }


def chart_points(claim: dict, context: Iterable[dict]) -> list[dict]:
    """The context rows plus the claim's evidence rows of its kind, each figure once."""
    kind, points = claim.get("kind"), []
    points += [_point(r, _STATED) for r in context]
    for ev in claim.get("evidence") or []:
        if ev.get("kind", kind) == kind:
            points.append(_point(ev, _DERIVED if ev.get("derived") else _STATED))
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


def _axis_title(kind: str | None, unit: str | None) -> str:
    return {
        Kind.PERCENT_CHANGE.value: "change (%)",
        Kind.SHARE.value: "share (%)",
        Kind.PERCENT.value: "percent",
        Kind.PERCENTAGE_POINTS.value: "change (percentage points)",
        Kind.RATIO.value: "ratio",
    }.get(kind or "", unit or ("amount" if kind == Kind.MONEY.value else "count"))


# --- text metrics ------------------------------------------------------------------------

# Advance widths of Arial (and its metric twins Helvetica, Liberation Sans) in 1/1000 em,
# regular and bold; characters not listed count as a wide letter, so estimates err wide.
_NARROW = dict.fromkeys("ijl.,:;'|!", 278) | dict.fromkeys("ftI[]()/ -", 333) | {"r": 333}
_WIDE = dict.fromkeys("mMW", 833) | dict.fromkeys("wCDGHNOQU%", 722) | {"—": 1000, "–": 556}
_REGULAR = dict.fromkeys("0123456789abcdeghnopqusvxyz+−=?$#_", 556) | {"k": 500, "c": 500}
_REGULAR |= dict.fromkeys("ABEKPSVXY", 667) | dict.fromkeys("FTZL", 611) | {"J": 500, "R": 722}
_REGULAR |= {"·": 278, "◆": 800, "●": 600, "♦": 800, '"': 355, "“": 333, "”": 333}
_REGULAR |= _NARROW | _WIDE
_BOLD = dict(_REGULAR) | dict.fromkeys("abdghnopquy", 611) | dict.fromkeys("ijl'", 278)
_BOLD |= dict.fromkeys("ft", 333) | {"r": 389, "%": 889, "k": 556, "c": 556}


# Remembered: a batch's charts repeat the same row, value and tick labels ("CRSS · 2023"),
# and measuring them again was a tenth of a chart's time.
@functools.lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False, size: float = FONT_SIZE) -> float:
    """Width in px of ``text`` set in the chart font (Arial metrics), erring wide."""
    table = _BOLD if bold else _REGULAR
    return sum(map(table.get, text, repeat(722))) * size / 1000


@functools.lru_cache(maxsize=8192)
def _shorten(text: str, limit: float) -> str:
    """``text`` cut with an ellipsis to fit ``limit`` px, like Vega's labelLimit."""
    if text_width(text) <= limit:
        return text
    # The longest prefix that fits with the ellipsis, from running sums of the advance widths
    # (re-measuring the text once per dropped character was quadratic: a long label cost
    # more than the rest of its chart). The comparison is text_width's own expression.
    total, keep = _REGULAR.get("…", 722), 0
    for ch in text:
        total += _REGULAR.get(ch, 722)
        if total * FONT_SIZE / 1000 > limit:
            break
        keep += 1
    return text[:keep].rstrip() + "…"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 × 10^k apart) inside [low, high], about ``count``."""
    span = high - low
    if span <= 0 or count < 1:
        return [low]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks, i = [], 0
    while first + i * step <= high + step * 1e-9:
        ticks.append(round(first + i * step, 10))
        i += 1
    return ticks


# --- rendering ---------------------------------------------------------------------------


def chart_id(claim_id: str) -> str:
    """A DOM id for a claim's chart: readable prefix plus a hash, unique per claim id."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", claim_id).strip("-")[-24:] or "claim"
    return f"chart-{slug}-{hashlib.sha1(claim_id.encode()).hexdigest()[:6]}"


def _same_period(a: str, b: str) -> bool:
    """ISO periods that nest ("2024-03" and "2024-03-16") count as the same period."""
    return a.startswith(b) or b.startswith(a)


# Row, value, tick and axis labels recur across a batch's charts: each is escaped once.
_escape_label = functools.lru_cache(maxsize=8192)(escape)


def _n(x: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _rows(claim: dict, points: list[dict]) -> list[dict]:
    """One row per label ("source · period"), in period order, its points and value label.

    Figures sharing a row (one source giving two values for one period) share one label,
    "693 / 700", printed after the rightmost of them, so labels never overlap.
    """
    claim_period = (_text(claim.get("period")) or "", _text(claim.get("base_period")) or "")
    ordered = sorted(
        points,
        key=lambda p: (p["order"], p["period"], p["source"], p["figure"] != _STATED),
    )
    by_label: dict[str, list[dict]] = {}
    for p in ordered:
        by_label.setdefault(p["row"], []).append(p)
    period, base = claim_period
    rows = []
    for label, shared in by_label.items():
        first = shared[0]
        current = bool(period) and (
            _same_period(first["order"], period) and _same_period(first["base"], base)
        )
        if len(shared) == 1:  # most rows: one figure, its own label
            value, value_at = first["label"], first["label_at"]
        else:
            value = " / ".join(dict.fromkeys(p["label"] for p in shared))
            value_at = max(p["label_at"] for p in shared)
        rows.append(
            {
                "label": label,
                "points": shared,
                "current": current,
                "value": value,
                "value_at": value_at,
            }
        )
    return rows


def _ticks(domain: tuple[float, float], plot: float) -> list[tuple[float, str]]:
    """Tick values and labels; fewer ticks while neighbouring labels would touch."""
    for count in (5, 4, 3, 2):
        ticks = [
            (t, format_number(t, decimals=READER_DECIMALS)) for t in nice_ticks(*domain, count)
        ]
        gap = plot * (ticks[1][0] - ticks[0][0]) / (domain[1] - domain[0]) if len(ticks) > 1 else 0
        widest = max(text_width(label) for _, label in ticks)
        if len(ticks) < 2 or gap >= widest + 6:
            return ticks
    return ticks[:1]


def chart_svg(
    claim: dict,
    points: list[dict],
    band,
    domain,
    colours: dict[str, str],
    cid: str,
    description: str | None = None,
) -> str:
    """The chart as an inline ``<svg>``: rows of dots, the claim as band and rule, an x axis.

    ``description`` is the chart in words (``_description``), when the caller has it already.
    """
    rows = _rows(claim, points)
    labels = [_shorten(r["label"], LABEL_LIMIT) for r in rows]
    left = 4 + max(text_width(t) for t in labels) + 8
    height = len(rows) * ROW
    lo, hi = domain

    def x(v: float) -> float:
        return left + (v - lo) / (hi - lo) * WIDTH

    parts: list[str] = []
    add = parts.append
    ticks = _ticks(domain, WIDTH)
    tick_x = [_n(x(t)) for t, _ in ticks]  # each coordinate formatted once, used twice
    bottom = TOP + height
    for tx in tick_x:
        add(f'<line x1="{tx}" x2="{tx}" y1="{TOP}" y2="{bottom}" stroke="{GRID}"/>')
    n_left = _n(left)
    if any(r["current"] for r in rows) and not all(r["current"] for r in rows):
        # Rows measuring the claim's own period are tinted: the rest is context.
        for i, r in enumerate(rows):
            if r["current"]:
                add(
                    f'<rect class="current" x="{n_left}" y="{TOP + i * ROW}" width="{WIDTH}" '
                    f'height="{ROW}" fill="#ddf4ff" fill-opacity="0.7"/>'
                )
    low, high = band
    if low is not None or high is not None:
        b0 = x(max(lo, low if low is not None else lo))
        b1 = x(min(hi, high if high is not None else hi))
        add(
            f'<rect class="band" x="{_n(b0)}" y="{TOP}" width="{_n(max(b1 - b0, 1.0))}" '
            f'height="{height}" fill="{AXIS}" fill-opacity="0.25"/>'
        )
    # The dashed rule marks the stated value, or the one bound of "over 90%"; a stated range
    # is its band alone.
    mark_at = as_number(claim.get("value"))
    if mark_at is None and (low is None) != (high is None):
        mark_at = low if low is not None else high
    if mark_at is not None:
        mx = _n(x(mark_at))
        add(
            f'<line class="rule" x1="{mx}" x2="{mx}" y1="{TOP}" '
            f'y2="{bottom}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    add(
        f'<line x1="{n_left}" x2="{_n(left + WIDTH)}" y1="{bottom}" y2="{bottom}" stroke="{AXIS}"/>'
    )
    right = left + WIDTH
    n_label_x = _n(left - 8)
    for i, (row, label) in enumerate(zip(rows, labels, strict=True)):
        cy = TOP + i * ROW + ROW / 2
        ny = _n(cy)
        add(
            f'<text x="{n_label_x}" y="{ny}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{MUTED}">{_escape_label(label)}</text>'
        )
        for p in row["points"]:
            colour = colours.get(p["source"], PALETTE[0])
            if p["low"] is not None:
                add(
                    f'<line x1="{_n(x(p["low"]))}" x2="{_n(x(p["high"]))}" y1="{ny}" '
                    f'y2="{ny}" stroke="{colour}" stroke-width="3" stroke-opacity="0.75"/>'
                )
            px = x(p["at"])
            if p["figure"] == _DERIVED:
                d = 7.0
                nx = _n(px)
                add(
                    f'<path class="derived" d="M{nx} {_n(cy - d)}L{_n(px + d)} {ny}'
                    f'L{nx} {_n(cy + d)}L{_n(px - d)} {ny}Z" fill="{colour}" '
                    f'stroke="white"/>'
                )
            else:
                add(
                    f'<circle class="stated" cx="{_n(px)}" cy="{ny}" r="5.6" '
                    f'fill="{colour}" stroke="white"/>'
                )
        vx = x(row["value_at"]) + LABEL_GAP
        right = max(right, vx + text_width(row["value"], bold=True))
        add(
            f'<text class="value" x="{_n(vx)}" y="{ny}" dominant-baseline="middle" '
            f'font-weight="bold" fill="{INK}" stroke="white" stroke-width="3" paint-order="stroke">'
            f"{_escape_label(row['value'])}</text>"
        )
    for (t, label), tx in zip(ticks, tick_x, strict=True):
        right = max(right, x(t) + text_width(label) / 2)
        add(
            f'<text class="tick" x="{tx}" y="{bottom + 15}" text-anchor="middle" '
            f'fill="{MUTED}">{_escape_label(label)}</text>'
        )
    title = _axis_title(claim.get("kind"), claim.get("unit"))
    add(
        f'<text x="{_n(left + WIDTH / 2)}" y="{bottom + 33}" text-anchor="middle" '
        f'fill="{MUTED}">{_escape_label(title)}</text>'
    )
    width = math.ceil(right + 4)
    total = bottom + AXIS_BELOW
    heading, _ = _title(claim)
    if description is None:
        description = _description(claim, points, band)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" '
        f'aria-labelledby="{cid}-title" aria-describedby="{cid}-desc" width="{width}" '
        f'height="{total}" viewBox="0 0 {width} {total}" font-family="{FONT}" '
        f'font-size="{FONT_SIZE}"><title>{escape(heading)}</title>'
        f"<desc>{escape(description)}</desc>"
        f'<rect width="100%" height="100%" fill="white"/>{"".join(parts)}</svg>'
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


def _parts(claim: dict, references: Any = None) -> tuple | None:
    """The chart's points, band, domain and colours; None when there is nothing to draw."""
    kind = claim.get("kind")
    if kind == Kind.DATE.value or not claim.get("metric"):
        return None
    block = _block(claim, references)
    points = chart_points(claim, block.get("context") or [])
    if not points:
        return None
    interval = block.get("interval")
    band = (
        (as_number(interval[0]), as_number(interval[1]))
        if interval
        else (as_number(claim.get("low")), as_number(claim.get("high")))
    )
    domain = _domain(points, band, as_number(claim.get("value")), kind)
    # Colours are dealt over every source of the reference data (the block's "sources"), so
    # the same source has the same colour in every chart of a report.
    known = sorted(set(block.get("sources") or []) | {p["source"] for p in points})
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(known)}
    return points, band, domain, colours


def claim_chart(claim: dict, references: Any = None) -> str | None:
    """Return an HTML ``<figure>`` charting ``claim`` against the reference figures, or None.

    ``claim`` is one claim of the report's result dict (with its evidence and, from the
    pipeline, its ``chart`` block). ``references`` (a ``ReferenceSchema`` table) is read only
    for hand-built results without a ``chart`` block; with neither, only the evidence is
    drawn. Returns None for dates, claims without a metric and claims with nothing to
    compare against.
    """
    parts = _parts(claim, references)
    if parts is None:
        return None
    points, band, domain, colours = parts
    cid = chart_id(str(claim.get("claim_id", "")))
    description = escape(_description(claim, points, band))  # in the SVG and beside it
    svg = chart_svg(claim, points, band, domain, colours, cid, description)
    title, what = _title(claim)
    return (
        f'<figure class="chart" id="{cid}" aria-labelledby="{cid}-title">'
        f'<figcaption id="{cid}-title"><strong>{escape(title)}</strong>'
        f'<span class="chart-sub">{escape(what)}. {escape(_key(claim, band))}'
        f"; ● stated, ◆ derived; tinted rows measure the claim's period.</span></figcaption>"
        f'{svg}<p class="visually-hidden" id="{cid}-desc">'
        f"{description}</p></figure>"
    )
