"""Render a checked article as one self-contained HTML page, and a run's index page.

The page reads the result dict the verdict stage produces (article, claims with their
verdicts and evidence, summary, run) and never recomputes a verdict. It is one file that
works opened from disk with no network: inline CSS and JS, charts as inline SVG, and a
Content-Security-Policy that forbids every remote origin.

Everything from the article and the reference data is escaped: Jinja2 autoescapes every
variable, and the only ``Markup`` is what this module builds from escaped parts (the
highlighted article) or what ``reports.chart`` checked to be inert (the SVG charts).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import operator
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

try:  # markupsafe's C escape, which returns the escaped text as a plain str
    from markupsafe._speedups import _escape_inner
except ImportError:  # pure-Python markupsafe: the same text, through escape()

    def _escape_inner(text: str) -> str:
        return str(escape(text))

from checks.figures import QUALIFIER_WORDS, as_number, format_figure
from checks.values import text_or_empty
from checks.vocabulary import Kind, Verdict
from reports.atomic import write_atomic  # noqa: F401 (steps write reports through it)
from reports.chart import KIND_LABELS, claim_chart, period_label
from reports.claimreview import script_jsonld

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"

# figcheck's own script, inlined in every report. The Content-Security-Policy allows exactly
# this script by its SHA-256 hash: an inline script injected by any other means does not run.
REPORT_SCRIPT = (TEMPLATES / "report.js").read_text(encoding="utf-8")
SCRIPT_HASH = "sha256-" + base64.b64encode(
    hashlib.sha256(REPORT_SCRIPT.encode("utf-8")).digest()
).decode("ascii")
# Nothing remote, ever: inline styles, data: images, the one script above, nothing else.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
)
# The index page has no script at all.
INDEX_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def check_report_url(url: str) -> str:
    """Return ``url`` if reports can be published there, else raise ``ValueError``.

    The URL lands in ClaimReview ``url``s and links that readers follow: only ``http(s)``
    with a host is accepted (no ``javascript:``, ``data:``, bare ``https://``, spaces or
    control characters, or user:password@ that would publish credentials).
    """
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise ValueError(f"--report-url: {url!r} contains spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"--report-url: {url!r} is not an http(s) URL")
    try:
        host = parts.hostname
    except ValueError:
        host = None
    if not host:
        raise ValueError(f"--report-url: {url!r} names no host (e.g. https://example.org/reports/)")
    if parts.username or parts.password:
        raise ValueError(f"--report-url: {url!r} holds a user name or password")
    return url


@dataclass(frozen=True)
class VerdictStyle:
    """How a verdict shows: an icon and a word beside its colour, never colour alone."""

    key: str  # CSS class suffix: v-supported ...
    icon: str
    label: str
    meaning: str

    @property
    def text(self) -> str:
        return f"{self.icon} {self.label}"


# Meanings from shared/notes/verdicts.md, shown in the legend.
VERDICT_STYLES: dict[str, VerdictStyle] = {
    Verdict.SUPPORTED.value: VerdictStyle(
        "supported", "✓", "supported", "the evidence agrees with the claim at its own precision"
    ),
    Verdict.CONTRADICTED.value: VerdictStyle(
        "contradicted", "✗", "contradicted", "the evidence disagrees beyond that precision"
    ),
    Verdict.DISPUTED.value: VerdictStyle(
        "disputed",
        "⚖",
        "disputed",
        "sources that measure the thing disagree: one supports, another contradicts",
    ),
    Verdict.UNVERIFIABLE.value: VerdictStyle(
        "unverifiable",
        "?",
        "unverifiable",
        "no reference figure measures that metric for that region and period",
    ),
    Verdict.MISATTRIBUTED.value: VerdictStyle(
        "misattributed",
        "≠",
        "misattributed",
        "the claim names a source that does not say it, while another source does",
    ),
}


def verdict_style(verdict: Any) -> VerdictStyle:
    """The style of a verdict; an unknown one still shows its name, in neutral grey."""
    known = VERDICT_STYLES.get(str(verdict))
    return known or VerdictStyle("unknown", "•", str(verdict), "not a figcheck verdict")


# --- small readers of the result dict ----------------------------------------------------


_text = text_or_empty  # a field as display text; a missing one as ""


def _external_url(url: Any) -> str | None:
    """An http(s) URL a reader may follow, or None (javascript:, data: and the like)."""
    u = _text(url).strip()
    return u if urlsplit(u).scheme.lower() in {"http", "https"} else None


def _local_url(url: Any) -> str | None:
    """A relative link to another file of the run (Data Docs, a report), or None."""
    u = _text(url).strip()
    parts = urlsplit(u)
    if not u or parts.scheme or parts.netloc or u.startswith(("/", "\\")):
        return None
    return quote(u, safe="/")  # a file path: spaces, "#" and "%" are not URL syntax


def _when(iso: Any) -> str:
    """An ISO datetime as "2026-11-25 10:30 UTC"; unparseable text is shown as given."""
    raw = _text(iso)
    try:
        dt = datetime.fromisoformat(raw)
    except ValueError:
        return raw
    if dt.tzinfo is None:
        return f"{dt:%Y-%m-%d %H:%M}"
    if dt.utcoffset() == timedelta(0):
        return f"{dt:%Y-%m-%d %H:%M} UTC"
    return f"{dt:%Y-%m-%d %H:%M} UTC{dt:%z}"


def _duration(seconds: Any) -> str:
    """A run's wall time as "12.3 s" or "2 min 5 s"; empty when unknown."""
    f = as_number(seconds)
    if f is None or f < 0:
        return ""
    if f < 60:
        return f"{f:.1f} s"
    return f"{int(f // 60)} min {round(f % 60)} s"


def _counts(summary: dict | None, claims: list[dict]) -> list[dict]:
    """Count per verdict, every verdict listed (zeros too), unknown verdicts after."""
    if summary:
        counts = {str(k): int(v) for k, v in summary.items()}
    else:
        counts = {}
        for c in claims:
            counts[str(c.get("verdict"))] = counts.get(str(c.get("verdict")), 0) + 1
    keys = list(VERDICT_STYLES) + sorted(k for k in counts if k not in VERDICT_STYLES)
    return [{"verdict": k, "style": verdict_style(k), "count": counts.get(k, 0)} for k in keys]


def escape_text(value: Any) -> str:
    """``markupsafe.escape(value)``'s text: a ``str`` escaped by markupsafe's own function,
    anything else (numbers, ``Markup``, objects with ``__html__``) through ``escape``.

    ``escape`` wraps each result in a new ``Markup`` object, and a report escapes about
    800 values; the page only joins them into one string, so the text is all it needs.
    """
    if type(value) is str:
        return _escape_inner(value)
    return escape(value)


# --- the highlighted article -------------------------------------------------------------

PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r]*\n\s*")
LINE_BREAK = re.compile(r"\r?\n")


def _plain(segment: str) -> str:
    """Escape a stretch of article text, turning blank lines into paragraph breaks."""
    paragraphs = PARAGRAPH_BREAK.split(segment)
    lines = ["<br>\n".join(map(escape_text, LINE_BREAK.split(p))) for p in paragraphs]
    return "</p>\n<p>".join(lines)


def _offset(x: Any) -> int | None:
    """An offset as an int (numpy integers and whole floats included), else None."""
    if isinstance(x, bool):
        return None
    try:
        return operator.index(x)
    except TypeError:
        f = as_number(x)
        return int(f) if f is not None and f.is_integer() else None


def choose_spans(claims: list[dict], text: str) -> tuple[list[int], dict[int, str]]:
    """Pick the claims to highlight; say why each other one is not.

    Claims are taken in text order, the longer first where two start together. A claim
    overlapping one already taken is skipped (its panel says so), as is one whose offsets
    fall outside the text, do not hold its quote, or cross a paragraph break.
    Returns the indices to highlight, in text order, and a note per skipped index.
    """

    spans = [(_offset(c.get("start")), _offset(c.get("end"))) for c in claims]

    def key(i: int) -> tuple[int, int, int]:
        s, e = spans[i]
        return (-1 if s is None else s, -(e or 0), i)

    chosen: list[int] = []
    notes: dict[int, str] = {}
    covered_to, covered_by = 0, -1
    for i in sorted(range(len(claims)), key=key):
        c = claims[i]
        s, e = spans[i]
        if s is None or e is None or not 0 <= s < e <= len(text):
            notes[i] = "its offsets lie outside the article."
        elif text[s:e] != c.get("text"):
            found = text[s:e] if e - s <= 60 else text[s : s + 57] + "…"
            notes[i] = f"the article holds “{found}” at its offsets, not the quote."
        elif PARAGRAPH_BREAK.search(text[s:e]):
            notes[i] = "it spans a paragraph break."
        elif chosen and s < covered_to:
            notes[i] = f"it overlaps “{claims[covered_by].get('text')}”, highlighted instead."
        else:
            chosen.append(i)
            covered_to, covered_by = e, i
    return chosen, notes


def highlight_article(
    text: str, claims: list[dict], views: list[dict], chosen: list[int]
) -> Markup:
    """The article as escaped paragraphs, each chosen claim wrapped in its highlight."""
    parts, pos = ["<p>"], 0
    for i in chosen:
        c, v = claims[i], views[i]
        style: VerdictStyle = v["style"]
        start, end = _offset(c["start"]), _offset(c["end"])
        parts.append(_plain(text[pos:start]))
        # Each field escaped as Markup.format would (it went through string.Formatter,
        # the slowest part of the page), as text; the markup around them is literal.
        key, n, target = escape_text(style.key), escape_text(v["n"]), escape_text(v["dom_id"])
        accepted = " · accepted" if v.get("accepted") else ""
        title = escape_text(f"{style.label}: rule {v['rule']}")
        parts.append(
            f'<span class="claim v-{key}">'
            f'<mark class="claim-mark v-{key}" id="mark-{n}" data-claim-id="{escape_text(v["claim_id"])}" '
            f'data-verdict="{escape_text(v["verdict"])}" data-target="{target}" tabindex="0" '
            f'role="button" aria-expanded="false" aria-controls="{target}" '
            f'aria-describedby="tag-{n}" title="{title}">'
            f"{escape_text(c['text'])}</mark>"
            f'<a class="tag v-{key}" id="tag-{n}" href="#{target}" tabindex="-1">'
            f'<span aria-hidden="true">{escape_text(style.icon)}</span> {escape_text(style.label)}'
            f"{escape_text(accepted)}</a></span>"
        )
        pos = end
    parts.append(_plain(text[pos:]))
    parts.append("</p>")
    html = _trim_edge_breaks("".join(parts))
    return Markup(html.replace("<p></p>\n", "").replace("\n<p></p>", ""))


def _trim_edge_breaks(html: str) -> str:
    """``html`` without the line breaks at the very start or end of the text: they are not
    part of any paragraph.

    String tests at the two ends, not a regex: ``(?:<br>\n)+</p>$`` was tried at every
    ``<br>`` of the page, about half a millisecond for an article.
    """
    br = "<br>\n"
    if html.endswith(br + "</p>"):
        # (Positions, not slices, so that a text of many blank lines costs one copy.)
        end = len(html) - len("</p>")
        while end >= len(br) and html.startswith(br, end - len(br)):
            end -= len(br)
        html = html[:end] + "</p>"
    if html.startswith("<p>" + br):
        start = len("<p>")
        while html.startswith(br, start):
            start += len(br)
        html = "<p>" + html[start:]
    return html


# --- view models -------------------------------------------------------------------------


def _measures(item: dict) -> str:
    """What a claim or figure measures, for the reader: "attacks · PK-BA+PK-KP · 2023"."""
    parts = (
        _text(item.get("metric")),
        _text(item.get("region")),
        period_label(item.get("period"), item.get("base_period")),
    )
    return " · ".join(x for x in parts if x and x != "—")


def _evidence_view(ev: dict) -> dict:
    return {
        "source": _text(ev.get("source")) or "unknown source",
        "url": _external_url(ev.get("url")),
        "raw_url": _text(ev.get("url")),
        "document": _text(ev.get("document")),
        # A derived figure may combine documents ("Report 2023; Report 2022"); its date is
        # the later one's, so the page says so rather than dating both.
        "documents": [d.strip() for d in _text(ev.get("document")).split(";") if d.strip()],
        "published": _text(ev.get("published")),
        "figure": (
            _text(ev.get("value")) or _text(ev.get("period"))
            if ev.get("kind") == Kind.DATE.value
            else format_figure(
                ev.get("kind"),
                ev.get("value"),
                ev.get("low"),
                ev.get("high"),
                ev.get("qualifier"),
                ev.get("unit"),
            )
        ),
        "what": _measures(ev),
        "definition": _text(ev.get("definition")),
        "derived": bool(ev.get("derived")),
        "inputs": _text(ev.get("inputs")),
        "computation": _text(ev.get("computation")),
        "decides": bool(ev.get("decides")),
        "named": bool(ev.get("named")),
        "later": bool(ev.get("later")),
        "agrees": bool(ev.get("agrees")),
    }


def _accepted_view(accepted: Any) -> dict | None:
    """A reviewed exception as display text, or None when the claim is not accepted."""
    if not isinstance(accepted, dict):
        return None
    return {
        "reason": _text(accepted.get("reason")),
        "reviewer": _text(accepted.get("reviewer")),
        "date": _text(accepted.get("date")),
    }


def rule_description(rule: str) -> str:
    """The plain description of a verdict rule, or "" when none is known.

    Read from the judge's table (``checks.vocabulary.RULE_DESCRIPTIONS``, keyed by rule
    id, each value the description or a ``(verdict, description)`` pair) when this checkout
    has one; this is the one place the report looks it up.
    """
    from checks import vocabulary

    table = getattr(vocabulary, "RULE_DESCRIPTIONS", None) or {}
    entry = table.get(rule)
    if isinstance(entry, tuple):
        entry = entry[-1]
    return _text(entry)


def _sources(evidence: list[dict]) -> list[dict]:
    """The distinct documents of the deciding evidence (all evidence if none decides)."""
    deciding = [e for e in evidence if e["decides"]] or evidence
    seen: dict[tuple[str, str], dict] = {}
    for e in sorted(deciding, key=lambda e: e["derived"]):  # a stated figure's own document
        seen.setdefault((e["source"], e["url"] or e["document"]), e)
    return list(seen.values())


def _claim_view(n: int, c: dict, references: pd.DataFrame | None) -> dict:
    kind = _text(c.get("kind"))
    value = c.get("value")
    if kind == Kind.DATE.value and c.get("weekday"):
        figure = f"{_text(value)} ({_text(c.get('weekday'))})"
    else:
        figure = format_figure(
            kind, value, c.get("low"), c.get("high"), c.get("qualifier"), c.get("unit")
        )
    try:
        chart = claim_chart(c, references)
    except Exception:  # a chart is an extra: the report stands without it
        log.exception("chart for claim %s failed", c.get("claim_id"))
        chart = None
    evidence = [_evidence_view(ev) for ev in c.get("evidence") or []]
    sort_value = as_number(value)
    if sort_value is None:
        sort_value = as_number(c.get("low")) or as_number(c.get("high"))
    return {
        "n": n,
        "dom_id": f"claim-{n}",
        "claim_id": _text(c.get("claim_id")),
        "quote": _text(c.get("text")),
        "verdict": _text(c.get("verdict")),
        "style": verdict_style(c.get("verdict")),
        "rule": _text(c.get("rule")),
        "rule_text": rule_description(_text(c.get("rule"))),
        "summary": _text(c.get("summary")),
        "binding": [b.strip() for b in _text(c.get("binding")).split(";") if b.strip()],
        "explanation": _text(c.get("explanation")),
        "interval": _text(c.get("interval")),
        "tolerance": _text(c.get("tolerance")),
        "figure": figure,
        "kind": kind,
        "kind_label": KIND_LABELS.get(kind, kind),
        "metric": _text(c.get("metric")),
        "region": _text(c.get("region")),
        "period": period_label(c.get("period"), c.get("base_period")),
        "measures": _measures(c),
        "period_sort": _text(c.get("period")),
        "attributed_to": _text(c.get("attributed_to")),
        "qualifier": QUALIFIER_WORDS.get(_text(c.get("qualifier")), ""),
        "sentence": _text(c.get("sentence")),
        "evidence": evidence,
        "sources": _sources(evidence),
        # Only checked-inert SVG built by reports.chart from escaped parts.
        "chart": Markup(chart) if chart else None,
        "note": "",
        "accepted": _accepted_view(c.get("accepted")),
        "sort_value": "" if sort_value is None else repr(sort_value),
        "position": 10**9 if _offset(c.get("start")) is None else _offset(c.get("start")),
    }


class _TextEscapes(CodeGenerator):
    """Jinja's code generator, escaping each autoescaped ``{{ value }}`` with
    ``escape_text`` instead of ``markupsafe.escape``: the same text, a tenth of the page's
    time less (the ``Markup`` objects it no longer makes). Other outputs (a ``finalize``,
    an ``{% autoescape %}`` block deciding at run time) are compiled as Jinja does.
    """

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write("environment.escape_text(")  # closed by _output_child_post's ")"
            return
        super()._output_child_pre(node, frame, finalize)


class _ViewEnvironment(Environment):
    """Jinja's environment, reading a plain dict's keys before its attributes.

    The templates read view models that are plain dicts (``c.quote``). Jinja tries
    ``getattr(c, "quote")`` first and ``c["quote"]`` only once that has failed, so each of
    the thousand or so fields a report shows raised and caught an AttributeError (about a
    sixth of the page's time, views and charts included). Here a dict's key is read first;
    when the dict has no such key, Jinja's own order follows, so ``d.items()`` still works.
    (A dict subclass with ``__getattr__`` does not help: Python raises the AttributeError
    before it calls ``__getattr__``.) No view has a key named like a dict method.
    Outputs are escaped as text (``_TextEscapes``).
    """

    code_generator_class = _TextEscapes
    escape_text = staticmethod(escape_text)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@functools.cache
def _environment() -> Environment:
    return _ViewEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates ship with figcheck: no stat of every template file on each
        # render and include (a claim panel is included once per claim).
        auto_reload=False,
    )


def render_html(
    result: dict,
    article_text: str,
    references: pd.DataFrame | None = None,
    claim_reviews: list[dict] | None = None,
) -> str:
    """Return the report page for one checked article.

    Parameters: ``result`` is the result dict (article, claims with verdicts and evidence,
    summary, run); ``article_text`` the text the claims' offsets index; ``references`` the
    reference table (``ReferenceSchema`` columns) for the charts' context rows, or None;
    ``claim_reviews`` the ClaimReview objects to embed as JSON-LD, or None.
    Returns one self-contained HTML document.
    """
    article = result.get("article") or {}
    claims = list(result.get("claims") or [])
    run = result.get("run") or {}
    views = [_claim_view(i + 1, c, references) for i, c in enumerate(claims)]
    chosen, notes = choose_spans(claims, article_text)
    for i, note in notes.items():
        views[i]["note"] = f"Not highlighted in the text: {note}"
    title = _text(article.get("title")) or _text(article.get("id")) or "Untitled article"
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            csp=CSP,
            script=Markup(REPORT_SCRIPT),
            title=title,
            article_id=_text(article.get("id")),
            published=_text(article.get("published")),
            published_from=_text(article.get("published_from")),
            outlet=_text(article.get("publisher")),
            article_url=_external_url(article.get("url")),
            # The file's name only: a report may be published, its author's folders not.
            path=_text(article.get("path")).replace("\\", "/").rsplit("/", 1)[-1],
            validation=validation_view(run, claims),
            generated_at=_text(run.get("generated_at")),
            generated=_when(run.get("generated_at")),
            figcheck_version=_text(run.get("figcheck_version")),
            reference_version=_text(run.get("reference_version")),
            duration=_duration(run.get("duration_seconds")),
            accepted=sum(1 for v in views if v["accepted"]),
            # Escaped by script_jsonld so no text can close the element; never executed.
            jsonld=Markup(script_jsonld(claim_reviews)) if claim_reviews else None,
            counts=_counts(result.get("summary"), claims),
            styles=list(VERDICT_STYLES.values()),
            article_html=highlight_article(article_text, claims, views, chosen),
            claims=views,
            panels=sorted(views, key=lambda v: (v["position"], v["n"])),
        )
    )


def validation_view(run: dict, claims: list[dict]) -> dict | None:
    """What the run's GX validation found, for the report's validation section; None if none ran.

    Two different things fail GX's suite: evidence rows whose figure disagrees with the
    claim (expected: they are the findings behind contradicted and disputed verdicts) and
    broken contracts (a row without source, URL, date or definition; a bug). Only the
    second is a failure of figcheck, so the page never calls the first "failed".
    """
    if run.get("gx_success") is None and not run.get("data_docs"):
        return None
    contracts = run.get("gx_contract_failures")
    rows = run.get("gx_evidence_rows")
    disagreeing = run.get("gx_disagreeing_rows")
    in_article = sum(len(c.get("evidence") or []) for c in claims)
    disagree_here = sum(1 for c in claims for e in c.get("evidence") or [] if not e.get("agrees"))
    return {
        "ran": run.get("gx_success") is not None,
        # True: held; False: some failed; None: this result does not say (older runs).
        "contracts_ok": (
            (not contracts)
            if contracts is not None
            else (True if run.get("gx_success") is True else None)
        ),
        "contract_failures": [_text(x) for x in contracts or []],
        "rows": rows,
        "disagreeing": disagreeing,
        "rows_here": in_article,
        "disagreeing_here": disagree_here,
        "data_docs": _local_url(run.get("data_docs")) or _external_url(run.get("data_docs")),
    }


def render_index(entries: list[dict]) -> str:
    """Return a run's index page: one row per article, newest first.

    Parameters: ``entries`` holds per article ``id``, ``title``, ``report`` (the report's
    path relative to the index), ``summary`` (count per verdict), ``generated_at`` and,
    optionally, ``published``. Newest first means by publication date, then by generation
    time; entries without either come last.
    Returns one self-contained HTML document.
    """
    rows = []
    for e in entries:
        summary = e.get("summary") or {}
        rows.append(
            {
                "id": _text(e.get("id")),
                "title": _text(e.get("title")) or _text(e.get("id")),
                "href": _local_url(e.get("report") or e.get("href")),
                "published": _text(e.get("published")),
                "generated_at": _text(e.get("generated_at")),
                "generated": _when(e.get("generated_at")),
                "counts": [c for c in _counts(summary, []) if c["count"]],
                "total": sum(int(v) for v in summary.values()),
            }
        )
    rows.sort(key=lambda r: (r["published"], r["generated_at"]), reverse=True)
    latest = max((r["generated_at"] for r in rows), default="")
    return (
        _environment()
        .get_template("index.html.j2")
        .render(
            csp=INDEX_CSP,
            rows=rows,
            styles=list(VERDICT_STYLES.values()),
            generated=_when(latest),
            generated_at=latest,
        )
    )
