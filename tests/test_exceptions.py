"""Reviewed exceptions: parsing with file:line errors, and matching on the verdict table."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.exceptions import (
    AcceptanceSchema as A,
)
from checks.exceptions import (
    ExceptionsError,
    ReviewedException,
    accept,
    article_key,
    load_exceptions,
    parse_exceptions,
    unmatched,
)
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema, empty
from checks.schemas import VerdictSchema as V
from reports.result import CLAIM_FIELDS, VERDICT_FIELDS, build_result

ARTICLE = "kabulnow-2024-06-27-pakistan-threatens-strikes"

GOOD = f"""\
# reviewed by the desk
exceptions:
  - article: {ARTICLE}
    text: 84% of attacks
    verdict: disputed
    reason: CRSS and PICSS count different things; the article follows CRSS.
    reviewer: A. Editor
    date: 2024-07-01
  - article: articles/other-story.md
    text: "5,000 to 6,000"
    verdict: contradicted
    reason: Quoted from an official; the sentence says so.
"""


def tables(rows: list[tuple[str, str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Minimal claims and verdict tables: (article_id, text, verdict) per claim."""
    claims = pd.DataFrame(
        {
            C.article_id: [a for a, _, _ in rows],
            C.claim_id: [f"{a}#{i}" for i, (a, _, _) in enumerate(rows, 1)],
            C.text: [t for _, t, _ in rows],
        }
    )
    verdicts = pd.DataFrame(
        {
            V.article_id: claims[C.article_id],
            V.claim_id: claims[C.claim_id],
            V.verdict: [v for _, _, v in rows],
        }
    )
    return claims, verdicts


# --- parsing -----------------------------------------------------------------------------


def test_parses_entries_with_their_lines():
    first, second = parse_exceptions(GOOD, "ex.yaml")
    assert first == ReviewedException(
        article=ARTICLE,
        text="84% of attacks",
        verdict="disputed",
        reason="CRSS and PICSS count different things; the article follows CRSS.",
        reviewer="A. Editor",
        date="2024-07-01",
        source="ex.yaml:3",
    )
    # A path names the article by its sanitised stem, as reports do.
    assert second.article == "other-story" and second.reviewer is None and second.date is None


def test_a_bare_list_and_an_empty_file_are_accepted():
    (entry,) = parse_exceptions(
        f"- {{article: {ARTICLE}, text: '65%', verdict: supported, reason: ok}}"
    )
    assert entry.text == "65%"
    assert parse_exceptions("") == [] and parse_exceptions("exceptions:\n") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("exceptions: [\n", "ex.yaml:2: not valid YAML"),
        (
            "exceptions:\n  - article: a\n    text: t\n    verdict: disputed\n",
            "ex.yaml:2: missing reason",
        ),
        (
            "exceptions:\n  - article: a\n    text: t\n    verdict: wrong\n    reason: r\n",
            "ex.yaml:2: unknown verdict 'wrong'",
        ),
        (
            "- article: a\n  text: t\n  verdict: disputed\n  reason: r\n  verdit: x\n",
            "ex.yaml:5: unknown field 'verdit'",
        ),
        (
            "- article: a\n  text: t\n  verdict: disputed\n  reason: r\n  date: July\n",
            "ex.yaml:1: date 'July' is not YYYY-MM-DD",
        ),
        (
            "- article: a\n  text: [t]\n  verdict: disputed\n  reason: r\n",
            "ex.yaml:2: text must be text",
        ),
        ("- just a string\n", "ex.yaml:1: an entry must be a mapping"),
        ("claims:\n  - a\n", "ex.yaml:1: expected a list of exceptions or a mapping"),
        (
            (
                "- {article: a, text: t, verdict: disputed, reason: r}\n"
                "- {article: a, text: t, verdict: disputed, reason: again}\n"
            ),
            "ex.yaml:2: duplicate of the entry at ex.yaml:1",
        ),
    ],
)
def test_bad_files_name_file_line_and_problem(text, message):
    with pytest.raises(ExceptionsError) as info:
        parse_exceptions(text, "ex.yaml")
    assert str(info.value).startswith(message), str(info.value)


def test_load_names_a_missing_file(tmp_path):
    with pytest.raises(ExceptionsError, match="nope.yaml: no such exceptions file"):
        load_exceptions(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("given", "key"),
    [(ARTICLE, ARTICLE), ("news/2024/My Story.md", "my-story"), ("a/b.html", "b")],
)
def test_article_key(given, key):
    assert article_key(given) == key


# --- matching ----------------------------------------------------------------------------


def test_accepts_the_claim_with_the_same_article_text_and_verdict():
    claims, verdicts = tables(
        [(ARTICLE, "84% of attacks", "disputed"), (ARTICLE, "65% increase", "supported")]
    )
    accepted = accept(claims, verdicts, parse_exceptions(GOOD, "ex.yaml"))
    assert list(accepted[A.claim_id]) == [f"{ARTICLE}#1"]
    assert accepted.iloc[0][A.reviewer] == "A. Editor"
    assert accepted.iloc[0][A.source] == "ex.yaml:3"


@pytest.mark.parametrize(
    "changed",
    [
        (ARTICLE, "85% of attacks", "disputed"),  # the text was edited
        (ARTICLE, "84% of attacks", "contradicted"),  # the evidence moved the verdict
        ("another-article", "84% of attacks", "disputed"),  # same words elsewhere
    ],
)
def test_stops_matching_when_text_verdict_or_article_changes(changed):
    claims, verdicts = tables([changed])
    entries = parse_exceptions(GOOD, "ex.yaml")
    assert accept(claims, verdicts, entries).empty
    stale = unmatched(entries, [changed], [changed[0]])
    assert [e.source for e in stale] == (["ex.yaml:3"] if changed[0] == ARTICLE else [])


def test_white_space_in_yaml_text_does_not_matter():
    claims, verdicts = tables([(ARTICLE, "5,000 to\n6,000", "contradicted")])
    (entry,) = parse_exceptions(
        f"- {{article: {ARTICLE}, text: '5,000  to 6,000', verdict: contradicted, reason: r}}"
    )
    assert len(accept(claims, verdicts, [entry])) == 1


def test_nothing_to_accept_is_an_empty_table_with_the_columns():
    claims, verdicts = tables([(ARTICLE, "65%", "supported")])
    for entries in ([], parse_exceptions(GOOD)):
        accepted = accept(claims, verdicts, entries)
        assert accepted.empty and list(accepted.columns) == list(A.to_schema().columns)


def test_result_json_carries_accepted_or_null():
    claims, verdicts = tables(
        [(ARTICLE, "84% of attacks", "disputed"), (ARTICLE, "65%", "supported")]
    )
    # build_result needs the full claim and verdict columns: fill the rest with nulls.
    for f in CLAIM_FIELDS:
        if f not in claims:
            claims[f] = None
    claims[C.kind] = "share"
    claims[C.date] = None
    for f in VERDICT_FIELDS:
        if f not in verdicts:
            verdicts[f] = None
    evidence = empty(EvidenceSchema)  # no evidence: the table with its columns
    accepted = accept(claims, verdicts, parse_exceptions(GOOD, "ex.yaml"))
    result = build_result(
        {"id": ARTICLE, "title": "t", "published": None, "path": "p"},
        claims,
        evidence,
        verdicts,
        {},
        accepted,
    )
    assert result["claims"][0]["accepted"] == {
        "reason": "CRSS and PICSS count different things; the article follows CRSS.",
        "reviewer": "A. Editor",
        "date": "2024-07-01",
    }
    assert result["claims"][1]["accepted"] is None
