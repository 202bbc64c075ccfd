"""Reviewed exceptions: claims a team has looked at and accepts, like a linter baseline.

A YAML file (default ``.figcheck-exceptions.yaml``) lists entries of
``{article, text, verdict, reason, reviewer?, date?}``. An entry accepts the claims of that
article whose quoted ``text`` and ``verdict`` are exactly those written: when either
changes (the article is edited, the reference data moves the verdict), the entry stops
matching and the claim counts again. Accepted claims do not fail a run; reports show them
as accepted, with the reason.

Loading checks the file and names file and line for every problem (``ExceptionsError``);
matching is a pure function of the claims and verdict tables (``accept``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import yaml
from pandera.typing.pandas import Series

import checks.pandas_only  # noqa: F401  (before any schema is built)
from checks.schemas import ClaimSchema as C
from checks.schemas import VerdictSchema as V
from checks.schemas import columns, validate
from checks.vocabulary import VERDICTS

DEFAULT_FILE = ".figcheck-exceptions.yaml"
REQUIRED = ("article", "text", "verdict", "reason")
OPTIONAL = ("reviewer", "date")
_SPACE = re.compile(r"\s+")


class ExceptionsError(ValueError):
    """The exceptions file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class ReviewedException:
    """One accepted claim: which article, which quoted text, which verdict, and why."""

    article: str
    text: str
    verdict: str
    reason: str
    reviewer: str | None = None
    date: str | None = None  # ISO date of the review
    source: str = ""  # "file:line" where the entry is written, for messages


class AcceptanceSchema(pa.DataFrameModel):
    """One row per accepted claim: the claim and the exception that accepts it."""

    article_id: Series[str]
    claim_id: Series[str] = pa.Field(unique=True)
    reason: Series[str] = pa.Field(str_length={"min_value": 1})
    reviewer: Series[str] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(nullable=True)
    source: Series[str]  # "file:line" of the accepting entry

    class Config:
        strict = True
        coerce = True


A = AcceptanceSchema


def article_key(article: str) -> str:
    """The article id an entry names: an id as is, a file path by its sanitised stem."""
    from sources.articles import slugify

    article = article.strip()
    # Ids are [a-z0-9-]; anything with a slash or a dot is a path like articles/x.md.
    return slugify(Path(article).stem) if re.search(r"[/\\.]", article) else article


def _normal(text: str) -> str:
    """Quoted text compared with runs of white space as one space (YAML folds lines)."""
    return _SPACE.sub(" ", text).strip()


def load_exceptions(path: str | Path) -> list[ReviewedException]:
    """Read and check an exceptions file.

    Raises:
        ExceptionsError: the file is missing, unreadable, not YAML, or an entry is bad;
            the message starts with ``file:line``.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExceptionsError(f"{p}: no such exceptions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExceptionsError(f"{p}: cannot be read ({exc})") from None
    return parse_exceptions(text, str(p))


def parse_exceptions(text: str, label: str = "<exceptions>") -> list[ReviewedException]:
    """Parse exceptions YAML: a list of entries, or a mapping with an ``exceptions`` list.

    Raises:
        ExceptionsError: bad YAML or a bad entry, naming ``label:line``.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{label}:{mark.line + 1}" if mark else label
        raise ExceptionsError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None:
        return []
    entries = root
    if isinstance(root, yaml.MappingNode):
        found = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
        unknown = sorted(set(found) - {"exceptions"})
        if unknown or "exceptions" not in found:
            raise ExceptionsError(
                f"{label}:{root.start_mark.line + 1}: expected a list of exceptions or a "
                f"mapping with one key, exceptions (found {', '.join(unknown) or 'nothing'})"
            )
        entries = found["exceptions"]
        if _is_null(entries):
            return []
    if not isinstance(entries, yaml.SequenceNode):
        raise ExceptionsError(f"{label}:{entries.start_mark.line + 1}: expected a list of entries")
    out: list[ReviewedException] = []
    seen: dict[tuple[str, str, str], str] = {}
    for node in entries.value:
        entry = _entry(node, label)
        key = (entry.article, _normal(entry.text), entry.verdict)
        if key in seen:
            raise ExceptionsError(f"{entry.source}: duplicate of the entry at {seen[key]}")
        seen[key] = entry.source
        out.append(entry)
    return out


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _entry(node: yaml.Node, label: str) -> ReviewedException:
    """One entry from its YAML node; every field a plain string, checked."""
    where = f"{label}:{node.start_mark.line + 1}"
    if not isinstance(node, yaml.MappingNode):
        raise ExceptionsError(f"{where}: an entry must be a mapping ({', '.join(REQUIRED)})")
    fields: dict[str, str | None] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
        at = f"{label}:{key.start_mark.line + 1}"
        if name not in REQUIRED + OPTIONAL:
            raise ExceptionsError(
                f"{at}: unknown field {name!r} (fields: {', '.join(REQUIRED + OPTIONAL)})"
            )
        if not isinstance(value, yaml.ScalarNode):
            raise ExceptionsError(f"{at}: {name} must be text, not a list or mapping")
        # Raw scalar text: a date stays "2024-07-01", a number stays as written.
        fields[name] = None if _is_null(value) else value.value.strip() or None
    missing = [f for f in REQUIRED if not fields.get(f)]
    if missing:
        raise ExceptionsError(f"{where}: missing {', '.join(missing)}")
    verdict = str(fields["verdict"]).lower()
    if verdict not in VERDICTS:
        raise ExceptionsError(
            f"{where}: unknown verdict {fields['verdict']!r}; choose from {', '.join(VERDICTS)}"
        )
    day = fields.get("date")
    if day:
        try:
            day = date.fromisoformat(day).isoformat()
        except ValueError:
            raise ExceptionsError(f"{where}: date {day!r} is not YYYY-MM-DD") from None
    return ReviewedException(
        article=article_key(str(fields["article"])),
        text=str(fields["text"]),
        verdict=verdict,
        reason=str(fields["reason"]),
        reviewer=fields.get("reviewer"),
        date=day,
        source=where,
    )


def accept(
    claims: pd.DataFrame, verdicts: pd.DataFrame, exceptions: list[ReviewedException]
) -> pd.DataFrame:
    """Match exceptions to judged claims by article, quoted text and verdict.

    Returns:
        The acceptance table (``AcceptanceSchema``): one row per accepted claim, the first
        matching entry's reason; empty when nothing matches.
    """
    if not exceptions or claims.empty:
        return validate(A, pd.DataFrame({c: [] for c in columns(A)}), "acceptance")
    judged = claims[[C.article_id, C.claim_id, C.text]].merge(
        verdicts[[V.claim_id, V.verdict]], on=V.claim_id
    )
    judged["_text"] = judged[C.text].map(_normal)
    entries = pd.DataFrame(
        {
            C.article_id: [e.article for e in exceptions],
            "_text": [_normal(e.text) for e in exceptions],
            V.verdict: [e.verdict for e in exceptions],
            A.reason: [e.reason for e in exceptions],
            A.reviewer: [e.reviewer for e in exceptions],
            A.date: [e.date for e in exceptions],
            A.source: [e.source for e in exceptions],
        }
    )
    matched = judged.merge(entries, on=[C.article_id, "_text", V.verdict], how="inner")
    matched = matched.drop_duplicates(subset=[C.claim_id], keep="first")
    return validate(A, matched[columns(A)], "acceptance")


def unmatched(
    exceptions: list[ReviewedException],
    judged: Iterable[tuple[str, str, str]],
    article_ids: Iterable[str],
) -> list[ReviewedException]:
    """Entries for articles checked in this run that match no judged claim: stale, to review.

    Args:
        exceptions: the entries.
        judged: ``(article_id, text, verdict)`` of every claim the run judged.
        article_ids: the articles the run checked (entries for others are not stale).
    """
    keys = {(a, _normal(t), v) for a, t, v in judged}
    checked = set(article_ids)
    return [
        e
        for e in exceptions
        if e.article in checked and (e.article, _normal(e.text), e.verdict) not in keys
    ]
