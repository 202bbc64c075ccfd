"""Score figcheck's number and claim recognition on third-party suites, next to quantulum3.

Suites (read by path from ``../shared/external/``, see its README): Recognizers-Text
``PercentModel.json``, ``NumberModel.json``, ``NumberRangeModel.json``; quantulum3's
``quantities.json`` cases whose every expected quantity is a percentage or dimensionless (a
count), and ``errors.json`` (strings that must never raise).

What is run for each suite (the mapping):

* PercentModel -> ``extract_claims``: the claims whose unit is ``%``.
* NumberModel, quantulum3 counts -> ``sources.numbers.find_numbers``, the number recognizer the
  extractor itself uses (claims exist only for checkable figures; these suites expect every
  bare number). Ordinals, references ("No. 5"), compounds ("five-year") and URL parts are
  recognised and left out, as the extractor leaves them out. quantulum3's ranges ("7 to 10")
  are compared with ``extract_claims`` range claims.
* NumberRangeModel -> ``extract_claims``: the claims that state an interval: ranges
  (``[low, high]``, closed) and one-sided hedges (over ``(x,)``, at least ``[x,)``, under
  ``(,x)``, up to ``(,x]``).

The comparison: an expected result is *matched* when one found item has the same span
(start and end offsets; for quantulum3, which gives no offsets, the same surface text;
figcheck's span may also start with an approximate hedge, "about 20~100", which the suites
leave out because it bounds nothing) and
the same resolved value (numbers equal to a relative 1e-6; intervals with the same ends and the
same open/closed sides). A case *passes* when every expected result is matched and every found
item overlaps some expected result (nothing spurious; a negative case passes when nothing is
found). A case *differs by design* when its only mismatches are explained by one of the
documented semantic differences below (``DESIGN``); each such case is printed with its reason,
never dropped. Everything else *fails*. Percentages in the table are passed / (cases - differs
by design).

quantulum3 is scored on PercentModel and NumberModel with the same comparison (its
percentages for the one, its dimensionless quantities for the other; spans from ``Quantity.span``).

Usage: ``uv run python bench/conformance.py [--no-quantulum] [--show-failures]``
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EXTERNAL = ROOT.parent / "shared" / "external"

from checks.schemas import ClaimSchema as C
from sources.extract import extract_claims
from sources.numbers import find_numbers

PUBLISHED = "2024-06-28"
TARGETS = {"PercentModel": 0.95, "NumberModel": 0.90, "NumberRangeModel": 0.85}


# ---------------------------------------------------------------------------------------------
# Items: what was expected, what was found
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """An interval with open or closed ends; None is unbounded."""

    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool


@dataclass
class Item:
    """One expected or found result: span (or surface text) and resolved value."""

    start: int | None
    end: int | None
    text: str
    value: float | Interval | None
    note: str = ""  # for found items: what the recognizer flagged ("ordinal", "reference")


@dataclass
class Outcome:
    """A case's result under the comparison."""

    status: str  # "pass", "fail", "design"
    reasons: list[str] = field(default_factory=list)
    detail: str = ""


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$")


def parse_interval(text: str) -> Interval:
    """Parse Recognizers-Text's interval strings: "[20,30)", "(20,)", "(,700]"."""
    m = _INTERVAL.match(text.strip())
    if not m:
        raise ValueError(f"not an interval: {text!r}")
    low = float(m.group(2)) if m.group(2).strip() else None
    high = float(m.group(3)) if m.group(3).strip() else None
    return Interval(low, high, m.group(1) == "[", m.group(4) == "]")


def parse_value(value: str | None) -> float | Interval | None:
    """A Recognizers-Text resolution value: "20%", "0.5", "[20,30)" or "null"."""
    if value is None or value == "null":
        return None
    value = str(value).strip()
    if value[:1] in "[(":
        return parse_interval(value)
    return float(value.rstrip("%"))


def same_value(a: float | Interval | None, b: float | Interval | None) -> bool:
    """Whether two resolved values are equal (numbers to a relative 1e-6)."""
    if isinstance(a, Interval) and isinstance(b, Interval):
        return (
            _close(a.low, b.low)
            and _close(a.high, b.high)
            and (a.low is None or a.low_closed == b.low_closed)
            and (a.high is None or a.high_closed == b.high_closed)
        )
    if isinstance(a, float | int) and isinstance(b, float | int):
        return _close(float(a), float(b))
    return False


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def expected_rt(case: dict) -> list[Item]:
    """Expected results of a Recognizers-Text case (``End`` is inclusive)."""
    items = []
    for r in case.get("Results", []):
        res = r.get("Resolution") or {}
        items.append(Item(r["Start"], r["End"] + 1, r["Text"], parse_value(res.get("value"))))
    return items


# ---------------------------------------------------------------------------------------------
# figcheck's side
# ---------------------------------------------------------------------------------------------


def _claims(text: str) -> list[dict]:
    return extract_claims(text, "bench", PUBLISHED).to_dict("records")


def ours_percent(text: str) -> list[Item]:
    """Percent claims (``extract_claims``, unit "%")."""
    return [
        Item(c[C.start], c[C.end], c[C.text], float(c[C.value]))
        for c in _claims(text)
        if c[C.unit] == "%" and c[C.value] == c[C.value]  # NaN: a range, compared elsewhere
    ]


_BOUNDS = {
    "over": lambda v: Interval(v, None, False, False),
    "at_least": lambda v: Interval(v, None, True, False),
    "under": lambda v: Interval(None, v, False, False),
    "up_to": lambda v: Interval(None, v, False, True),
}


def claim_interval(c: dict) -> Interval | None:
    """The interval a claim states: a closed range or a one-sided hedge; None otherwise."""
    if c[C.kind] == "range":
        return Interval(float(c[C.low]), float(c[C.high]), True, True)
    q = c[C.qualifier]
    if isinstance(q, str) and q in _BOUNDS and c[C.value] == c[C.value]:
        return _BOUNDS[q](float(c[C.value]))
    return None


def ours_range(text: str) -> list[Item]:
    """Claims stating an interval (``extract_claims``)."""
    out = []
    for c in _claims(text):
        interval = claim_interval(c)
        if interval is not None:
            out.append(Item(c[C.start], c[C.end], c[C.text], interval))
    return out


def ours_numbers(text: str) -> list[Item]:
    """Bare numbers from ``find_numbers`` (figures only; percent units included in spans)."""
    out = []
    for n in find_numbers(text):
        if not n.is_figure:
            continue
        if n.percent or n.points:
            out.append(Item(n.start, n.end, text[n.start : n.end], n.value))
        else:
            out.append(Item(n.num_start, n.num_end, text[n.num_start : n.num_end], n.value))
    return out


def non_figures(text: str) -> list[Item]:
    """Numbers the recognizer found and set aside (ordinals, references, compounds, URLs)."""
    out = []
    for n in find_numbers(text):
        if n.is_figure:
            continue
        note = next(k for k in ("ordinal", "reference", "compound", "in_url") if getattr(n, k))
        out.append(Item(n.num_start, n.num_end, text[n.num_start : n.num_end], n.value, note))
    return out


# ---------------------------------------------------------------------------------------------
# Documented semantic differences
# ---------------------------------------------------------------------------------------------
# Each rule looks at one unmatched expected result (with the case input and what figcheck
# found) and returns a reason when the mismatch is a documented choice of figcheck's. Rules are
# about notations and readings, never about particular sentences.

_IDENT = re.compile(r"\+?[0-9]+(?:[-./][0-9]+){2,}")
_COMPARATOR = re.compile(
    r"\b(?:more|less|fewer|greater|larger|bigger|smaller|higher|lower|above|below|under|over"
    r"|at\s+(?:least|most)|no\s+(?:more|less|fewer))\b",
    re.IGNORECASE,
)
_DECIMAL_COMMA = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]{1,2}$")

Rule = Callable[[str, Item, list[Item], list[Item]], str | None]


def _inside(item: Item, exp: Item) -> bool:
    return (
        exp.start is not None
        and item.start is not None
        and (exp.start <= item.start and item.end <= exp.end)
    )


def rule_notation(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """Notations figcheck does not read as figures (static)."""
    t = exp.text.lower()
    if "^" in t or re.search(r"[x×]\s?10", t):
        return "powers (x^y, ×10^n) are maths notation, not read"
    if "/" in t:
        return "slashed numbers are dates or identifiers, never read as fractions"
    if re.search(r"\bover\b", t):
        return "'over' is a hedge in news ('over 90%'), never division"
    if _DECIMAL_COMMA.match(exp.text.strip()):
        return "decimal comma: a comma is a thousands separator in English news"
    if t.startswith("- "):
        return "a hyphen set off by spaces is a dash, not a minus"
    if re.search(r"[0-9]\s?g$", t):
        return "'G' is not a scale word ('5G' names a network)"
    if re.search(r"[0-9]\s?mm$", t):
        return "'mm' after a figure is millimetres, not millions"
    if (
        exp.start
        and exp.start >= 2
        and text[exp.start - 1] == "-"
        and text[exp.start - 2].isalpha()
    ):
        return "a number inside a name ('Covid-19', 'F-16') is not a figure"
    after = text[exp.end :] if exp.end is not None else text[text.find(exp.text) + len(exp.text) :]
    if re.match(r"-[^\W\d_]", after):
        return "a figure hyphenated to a word is a compound modifier ('19-year-old', '6.0-sigma')"
    for m in _IDENT.finditer(text):
        if exp.start is not None and m.start() <= exp.start and exp.end <= m.end():
            return "part of an identifier (IP address, phone number, slashed date)"
    if (
        exp.start is not None
        and re.match(r"[0-9]", exp.text)
        and re.match(r"s\b", text[exp.end : exp.end + 2])
    ):
        return "a decade ('1960s') is a period, not a figure"
    if exp.start is None and re.search(re.escape(exp.text) + r"s\b", text):
        return "a decade ('1960s') is a period, not a figure"
    return None


def rule_set_aside(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """figcheck recognised the number and set it aside as an ordinal or a reference."""
    e = exp.value
    values = [e.low, e.high] if isinstance(e, Interval) else [e]
    for a in aside:
        if (
            exp.start is not None
            and a.start is not None
            and a.start < exp.end
            and (exp.start < a.end)
        ):
            if a.note == "ordinal" and any(_close(a.value, v) for v in values):
                return "ordinals ('the tenth') are recognised and are not figures"
            if a.note == "reference":
                return "a number after 'No.', 'page', 'version' is a reference, not a figure"
    return None


def rule_no_figure(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """A percent sign or word with no number is not a claim."""
    if exp.value is None:
        return "no number stated: a bare 'percent' is not a checkable figure"
    return None


def rule_closed_range(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """ "between 20 and 30" / "20-30": figcheck reads a closed [20, 30]; RT a half-open [20,30)."""
    e = exp.value
    if not isinstance(e, Interval) or e.low is None or e.high is None:
        return None
    for o in ours:
        v = o.value
        if (
            _same_span(exp, o)
            and isinstance(v, Interval)
            and (_close(v.low, e.low) and _close(v.high, e.high))
        ):
            return "a stated range is the closed interval [low, high]; RT reads it half-open"
    return None


def rule_equal(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """ "equals 20": figcheck's claim is the plain figure 20, not a degenerate interval."""
    e = exp.value
    if isinstance(e, Interval) and e.low is not None and _close(e.low, e.high):
        for c in _claims(text):
            if (
                exp.start <= c[C.start]
                and c[C.end] <= exp.end
                and _close(float(c[C.value]) if c[C.value] == c[C.value] else None, e.low)
            ):
                return "'equal to X' is the figure X itself, not an interval"
    return None


def rule_two_bounds(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """ "more than 10 and less than 20": two one-sided claims whose intersection is expected."""
    e = exp.value
    if not isinstance(e, Interval) or e.low is None or e.high is None:
        return None
    if len(_COMPARATOR.findall(exp.text)) < 2:
        return None
    inside = [o for o in ours if _inside(o, exp) and isinstance(o.value, Interval)]
    lows = [o.value for o in inside if o.value.low is not None and o.value.high is None]
    highs = [o.value for o in inside if o.value.high is not None and o.value.low is None]
    if len(lows) == 1 and len(highs) == 1:
        lo, hi = lows[0], highs[0]
        joined = Interval(lo.low, hi.high, lo.low_closed, hi.high_closed)
        if same_value(joined, e):
            return "two bounds are two one-sided claims (their intersection is the range)"
    return None


def rule_hedge_first(text: str, exp: Item, ours: list[Item], aside: list[Item]) -> str | None:
    """ "about 500 or more": figcheck keeps the hedge before the figure (about 500)."""
    e = exp.value
    if not isinstance(e, Interval) or (e.low is None) == (e.high is None):
        return None
    bound = e.low if e.low is not None else e.high
    for c in _claims(text):
        if (
            c[C.qualifier] == "about"
            and c[C.start] <= exp.start < c[C.end] <= exp.end
            and (c[C.value] == c[C.value] and _close(float(c[C.value]), bound))
        ):
            return "a hedge before the figure wins over a bound after it ('about X or more')"
    return None


def extra_million(text: str, item: Item) -> str | None:
    """A found figure with 'm' as million where the suite expects no number."""
    if re.search(r"[0-9]m$", item.text.lower()):
        return "'m' after a figure is million ('$3m'), not metres"
    return None


DESIGN: dict[str, list[Rule]] = {
    "PercentModel": [rule_no_figure, rule_notation],
    "NumberModel": [rule_notation, rule_set_aside],
    "NumberRangeModel": [
        rule_notation,
        rule_set_aside,
        rule_closed_range,
        rule_equal,
        rule_two_bounds,
        rule_hedge_first,
    ],
    "quantulum3 counts": [rule_notation, rule_set_aside, rule_closed_range],
}
EXTRA_RULES = [extra_million]


# ---------------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------------


# Approximate hedges that figcheck keeps in a claim's span ("about 20~100") and that the
# suites leave out because they do not bound the value.
_APPROX = re.compile(
    r"(?:about|around|roughly|some|approximately|nearly|almost|an\s+estimated)\s+", re.IGNORECASE
)


def _same_span(exp: Item, found: Item) -> bool:
    """Same span, allowing figcheck's span to start with an approximate hedge."""
    if exp.start is None:  # quantulum3: surface text only
        f, e = found.text.strip().lower(), exp.text.strip().lower()
        return f == e or (f.endswith(e) and bool(_APPROX.fullmatch(f[: len(f) - len(e)])))
    if found.end != exp.end or found.start > exp.start:
        return False
    return found.start == exp.start or bool(
        _APPROX.fullmatch(found.text[: exp.start - found.start])
    )


def _matches(exp: Item, found: Item) -> bool:
    return _same_span(exp, found) and same_value(exp.value, found.value)


def _overlaps(a: Item, b: Item) -> bool:
    if a.start is None or b.start is None:
        return a.text.strip().lower() in b.text.lower() or b.text.strip().lower() in a.text.lower()
    return a.start < b.end and b.start < a.end


def compare(
    text: str,
    expected: list[Item],
    found: list[Item],
    rules: list[Rule],
    aside: list[Item] | None = None,
) -> Outcome:
    """Compare one case (see the module docstring for the rules)."""
    reasons: list[str] = []
    problems: list[str] = []
    aside = aside or []
    for exp in expected:
        if any(_matches(exp, f) for f in found):
            continue
        reason = next((r for rule in rules if (r := rule(text, exp, found, aside))), None)
        if reason:
            reasons.append(reason)
        else:
            problems.append(f"missed {exp.text!r}={_show(exp.value)}")
    for f in found:
        if any(_overlaps(f, exp) for exp in expected):
            continue
        reason = next((r for rule in EXTRA_RULES if (r := rule(text, f))), None)
        if reason and not expected:
            reasons.append(reason)
        else:
            problems.append(f"spurious {f.text!r}={_show(f.value)}")
    if problems:
        found_s = ", ".join(f"{f.text!r}={_show(f.value)}" for f in found) or "nothing"
        return Outcome("fail", reasons, "; ".join(problems) + f" (found {found_s})")
    if reasons:
        return Outcome("design", sorted(set(reasons)))
    return Outcome("pass")


def _show(v: float | Interval | None) -> str:
    if isinstance(v, Interval):
        lo = "" if v.low is None else f"{v.low:g}"
        hi = "" if v.high is None else f"{v.high:g}"
        return f"{'[' if v.low_closed else '('}{lo},{hi}{']' if v.high_closed else ')'}"
    return "null" if v is None else f"{v:g}"


# ---------------------------------------------------------------------------------------------
# quantulum3
# ---------------------------------------------------------------------------------------------


def quantulum_items(parser: object, text: str, unit: str) -> list[Item]:
    """quantulum3's quantities of one unit ("percentage" or "dimensionless") as items."""
    out = []
    try:
        quantities = parser.parse(text)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a third-party parser failing counts as finding nothing
        return out
    for q in quantities:
        if q.unit.name != unit:
            continue
        start, end = q.span
        out.append(Item(start, end, text[start:end], float(q.value)))
    return out


def quantulum_cases() -> list[tuple[str, list[Item]]]:
    """quantities.json cases whose every expected quantity is a percentage or a count."""
    data = json.loads((EXTERNAL / "quantulum3" / "quantities.json").read_text(encoding="utf-8-sig"))
    cases = []
    for case in data:
        res = case["res"]
        if not res or any(r["unit"] not in ("percentage", "dimensionless") for r in res):
            continue
        items = []
        for r in res:
            value: float | Interval = float(r["value"])
            if r.get("uncertainty"):
                u = float(r["uncertainty"])
                value = Interval(value - u, value + u, True, True)
            items.append(Item(None, None, r["surface"], value))
        cases.append((case["req"], items))
    return cases


def ours_quantulum(text: str) -> list[Item]:
    """Bare numbers and percents (``find_numbers``) plus range claims, as surface text."""
    items = [Item(None, None, i.text, i.value) for i in ours_numbers(text)]
    ranges = [
        Item(None, None, i.text, i.value)
        for i in ours_range(text)
        if isinstance(i.value, Interval) and i.value.low is not None and i.value.high is not None
    ]
    # A range replaces the numbers inside it.
    items = [i for i in items if not any(i.text in r.text for r in ranges)]
    return items + ranges


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts for one suite and one extractor."""

    cases: int = 0
    passed: int = 0
    failed: int = 0
    design: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    designs: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, text: str, outcome: Outcome) -> None:
        self.cases += 1
        if outcome.status == "pass":
            self.passed += 1
        elif outcome.status == "design":
            self.design += 1
            self.designs.append((text, outcome.reasons))
        else:
            self.failed += 1
            self.failures.append((text, outcome.detail))

    @property
    def rate(self) -> float:
        counted = self.cases - self.design
        return self.passed / counted if counted else 1.0


def run_rt(
    name: str, ours: Callable[[str], list[Item]], quantulum: tuple[object, str] | None
) -> tuple[Score, Score | None]:
    """Score one Recognizers-Text file for figcheck (and quantulum3 when given)."""
    path = EXTERNAL / "recognizers-text" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    score, qscore = Score(), (Score() if quantulum else None)
    rules = DESIGN[name]
    for case in data:
        text = case["Input"]
        expected = expected_rt(case)
        aside = non_figures(text)
        score.add(text, compare(text, expected, ours(text), rules, aside))
        if quantulum and qscore is not None:
            parser, unit = quantulum
            # quantulum3 is held to the same rules; it recognises no ordinals to set aside.
            qscore.add(text, compare(text, expected, quantulum_items(parser, text, unit), rules))
    return score, qscore


def run_quantulum_suite() -> Score:
    """Score figcheck on quantulum3's percentage and count cases."""
    score = Score()
    for text, expected in quantulum_cases():
        score.add(
            text,
            compare(
                text, expected, ours_quantulum(text), DESIGN["quantulum3 counts"], non_figures(text)
            ),
        )
    return score


def never_raise() -> tuple[int, list[str]]:
    """Run ``errors.json`` through the extractor and the recognizer; return (count, errors)."""
    strings = json.loads((EXTERNAL / "quantulum3" / "errors.json").read_text(encoding="utf-8-sig"))
    errors = []
    for s in strings:
        try:
            extract_claims(s, "bench", PUBLISHED)
            find_numbers(s)
        except Exception as exc:  # noqa: BLE001 - the point is to report any exception
            errors.append(f"{s!r}: {type(exc).__name__}: {exc}")
    return len(strings), errors


def main(argv: list[str] | None = None) -> int:
    """Print the conformance table; exit 1 when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 column")
    ap.add_argument("--show-failures", action="store_true", help="list every failing case")
    args = ap.parse_args(argv)

    parser = None
    load = 0.0
    if not args.no_quantulum:
        t0 = time.perf_counter()
        from quantulum3 import parser as qparser  # slow to load (~5 s): loaded only here

        parser = qparser
        qparser.parse("warm up 5%")
        load = time.perf_counter() - t0

    rows: list[tuple[str, Score, Score | None]] = []
    suites = [
        ("PercentModel", ours_percent, "percentage"),
        ("NumberModel", ours_numbers, "dimensionless"),
        ("NumberRangeModel", ours_range, None),
    ]
    for name, ours, unit in suites:
        q = (parser, unit) if parser is not None and unit else None
        score, qscore = run_rt(name, ours, q)
        rows.append((name, score, qscore))
    rows.append(("quantulum3 pct+count", run_quantulum_suite(), None))
    count, errors = never_raise()

    print(
        f"figcheck conformance — {time.strftime('%Y-%m-%d')} — {platform.platform()}, "
        f"Python {platform.python_version()}"
    )
    head = (
        f"{'suite':<22} {'cases':>5} {'passed':>6} {'failed':>6} {'by design':>9} "
        f"{'figcheck':>9} {'target':>6}   {'quantulum3 (same comparison)':<28}"
    )
    print(head)
    print("-" * len(head))
    missed = False
    for name, s, q in rows:
        target = TARGETS.get(name)
        ok = target is None or s.rate >= target
        missed |= not ok
        qs = f"{q.passed}/{q.cases} passed, {q.design} by design, {q.rate:.0%}" if q else "—"
        print(
            f"{name:<22} {s.cases:>5} {s.passed:>6} {s.failed:>6} {s.design:>9} "
            f"{s.rate:>8.1%}{'' if ok else '!'} {f'{target:.0%}' if target else '—':>6}   {qs}"
        )
    print(
        f"errors.json: {count} strings, {len(errors)} raised"
        + ("" if not errors else ":\n  " + "\n  ".join(errors))
    )
    if parser is not None:
        print(f"(quantulum3 load and warm-up: {load:.1f} s)")

    print("\nDiffers by design (case: reason):")
    for name, s, _q in rows:
        for text, reasons in s.designs:
            print(f"  [{name}] {text[:70]!r}: {'; '.join(reasons)}")
    print(
        "\nFailures:"
        if args.show_failures
        else "\nFailures (first 5 per suite; --show-failures for all):"
    )
    for name, s, _q in rows:
        shown = s.failures if args.show_failures else s.failures[:5]
        for text, detail in shown:
            print(f"  [{name}] {text[:70]!r}: {detail}")
    return 1 if missed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
