"""A run's results as JUnit XML, the test-report format CI systems display.

One ``<testsuite>`` per article (``name`` and each testcase's ``classname`` are the article
id) and one ``<testcase>`` per claim, named by its quoted text. Mapping:

- verdict in the fail-on set and not accepted: ``<failure>``, the explanation as message;
- verdict in the fail-on set but accepted by a reviewed exception: ``<skipped>`` with the
  reason, so CI shows it without failing;
- verdict in the skip set (default: unverifiable): ``<skipped>`` with the explanation;
- anything else: a passing testcase.

Only elements and attributes of the common JUnit schema (Jenkins' ``junit-10.xsd``, read by
GitHub reporter actions, GitLab and Jenkins) are written. Built from result dicts only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from typing import Any

from reports.options import DEFAULT_FAIL_ON, DEFAULT_JUNIT_SKIP

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: Any) -> str:
    """Text safe for an XML document: None as empty, forbidden characters dropped."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def outcome(claim: Mapping[str, Any], fail_on: Iterable[str], skip: Iterable[str]) -> str:
    """``"failure"``, ``"skipped"`` or ``"passed"`` for one claim of a result."""
    verdict = claim.get("verdict")
    if verdict in set(fail_on):
        return "skipped" if claim.get("accepted") else "failure"
    return "skipped" if verdict in set(skip) else "passed"


def _names(claims: list[Mapping[str, Any]]) -> list[str]:
    """Testcase names: the quoted text, with its claim number only when a quote repeats.

    Names stay stable across runs (CI tracks tests by name), so numbers are added only
    where they are needed to tell two testcases apart.
    """
    quotes = [f"“{c.get('text')}”" for c in claims]
    return [q if quotes.count(q) == 1 else f"{q} (claim {i + 1})" for i, q in enumerate(quotes)]


def _details(claim: Mapping[str, Any], article_id: str, n: int) -> str:
    """The body of a failure or skip: verdict, rule, sentence, evidence, report anchor."""
    lines = [
        f"verdict: {claim.get('verdict')} (rule {claim.get('rule')})",
        f"claim: “{claim.get('text')}” in: {claim.get('sentence') or ''}",
        f"explanation: {claim.get('explanation')}",
    ]
    for e in claim.get("evidence") or []:
        stance = "agrees" if e.get("agrees") else "disagrees"
        lines.append(f"evidence: {e.get('source')} — {e.get('computation')} ({stance})")
    if claim.get("accepted"):
        a = claim["accepted"]
        lines.append(
            f"accepted: {a.get('reason')} ({a.get('reviewer') or '—'}, {a.get('date') or '—'})"
        )
    lines.append(f"report: {article_id}.html#claim-{n}")
    return "\n".join(lines)


def _suite(result: Mapping[str, Any], fail_on: Iterable[str], skip: Iterable[str]) -> ET.Element:
    article = result.get("article") or {}
    article_id = str(article.get("id") or "article")
    claims = list(result.get("claims") or [])
    outcomes = [outcome(c, fail_on, skip) for c in claims]
    suite = ET.Element(
        "testsuite",
        {
            "name": _x(article_id),
            "tests": str(len(claims)),
            "failures": str(outcomes.count("failure")),
            "errors": "0",
            "skipped": str(outcomes.count("skipped")),
            "time": "0",
            "timestamp": _x((result.get("run") or {}).get("generated_at")),
            "file": _x(article.get("path")),
        },
    )
    props = ET.SubElement(suite, "properties")
    run = result.get("run") or {}
    for name, value in (
        ("title", article.get("title")),
        ("published", article.get("published")),
        ("reference_version", run.get("reference_version")),
        ("figcheck_version", run.get("figcheck_version")),
    ):
        ET.SubElement(props, "property", {"name": name, "value": _x(value)})
    for n, (c, name, out) in enumerate(zip(claims, _names(claims), outcomes, strict=True), 1):
        case = ET.SubElement(
            suite, "testcase", {"classname": _x(article_id), "name": _x(name), "time": "0"}
        )
        if out == "failure":
            failure = ET.SubElement(
                case, "failure", {"type": _x(c.get("verdict")), "message": _x(c.get("explanation"))}
            )
            failure.text = _x(_details(c, article_id, n))
        elif out == "skipped":
            accepted = c.get("accepted")
            message = (
                f"accepted {c.get('verdict')}: {accepted.get('reason')}"
                if accepted
                else f"{c.get('verdict')}: {c.get('explanation')}"
            )
            skipped = ET.SubElement(case, "skipped", {"message": _x(message)})
            skipped.text = _x(_details(c, article_id, n))
    return suite


def junit_xml(
    results: list[Mapping[str, Any]],
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    skip: Iterable[str] = DEFAULT_JUNIT_SKIP,
    duration: float | None = None,
) -> str:
    """Return the JUnit XML document of a run.

    Parameters: ``results`` the result dicts of the run's articles; ``fail_on`` the verdicts
    that fail; ``skip`` the verdicts reported as skipped; ``duration`` the run's wall time in
    seconds, if known. Returns the document as text with an XML declaration.
    """
    fail_on, skip = tuple(fail_on), tuple(skip)
    suites = [_suite(r, fail_on, skip) for r in results]
    root = ET.Element(
        "testsuites",
        {
            "name": "figcheck",
            "tests": str(sum(int(s.get("tests", 0)) for s in suites)),
            "failures": str(sum(int(s.get("failures", 0)) for s in suites)),
            "errors": "0",
            "time": f"{duration:.3f}" if duration is not None else "0",
        },
    )
    root.extend(suites)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
