"""The pipeline's steps as plain functions: article -> claims -> evidence -> verdicts -> reports.

The Prefect flow (``flows.verify``) wraps each step in a task; tests and ``figcheck
extract`` call them directly, with no server. Steps work on many articles at once, so a
batch is judged in one vectorised pass and validated by one GX run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from checks.judge import judge
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema as E
from checks.schemas import VerdictSchema as V
from checks.schemas import empty
from reports.result import build_result, dumps
from sources.articles import Article, read_article, read_text
from sources.extract import extract_claims
from sources.references import load_references, references_version

DOCS_FOLDER = "gx-docs"  # GX Data Docs, written beside the reports


class ConsistencyError(RuntimeError):
    """GX and figcheck's judge disagree about an evidence row: a bug, never a verdict."""


@dataclass(frozen=True)
class References:
    """The reference figures a run judged against, and their version hash."""

    table: pd.DataFrame
    version: str


def read_articles(
    paths: list[str], published: date | None = None, stdin_text: str | None = None
) -> list[Article]:
    """Read every input; ``"-"`` in ``paths`` stands for ``stdin_text``.

    Raises:
        sources.articles.ArticleError: an input is missing, unreadable, binary or empty.
    """
    articles = []
    for path in paths:
        if path == "-":
            articles.append(read_text(stdin_text or "", name="stdin", published=published))
        else:
            articles.append(read_article(path, published=published))
    ids = [a.id for a in articles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        # Two inputs with one id would overwrite each other's report.
        raise ValueError(f"several inputs share the article id(s) {', '.join(duplicates)}")
    return articles


def extract_all(articles: list[Article]) -> pd.DataFrame:
    """Extract the claims of every article into one claims table."""
    frames = [extract_claims(a.text, a.id, a.published) for a in articles]
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty(C)


def load_reference_data() -> References:
    """Load and validate the bundled reference datasets."""
    return References(load_references(), references_version())


def judge_claims(
    claims: pd.DataFrame, references: References, articles: list[Article]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match claims with reference figures and decide their verdicts."""
    return judge(claims, references.table, {a.id: a.published for a in articles})


def validate_with_gx(evidence: pd.DataFrame, out_dir: Path) -> dict[str, Any]:
    """Validate the evidence with the GX suite, write Data Docs, and cross-check the judge.

    Returns:
        ``{"success", "statistics", "docs_index", "docs_page"}`` for the run metadata;
        paths are relative to ``out_dir``. The result page is linked from reports: it is
        static HTML, while GX's index lists runs with JavaScript from a CDN.

    Raises:
        ConsistencyError: GX passes a row the judge found disagreeing, or the reverse.
    """
    from checks.gx_suite import validate_evidence  # GX takes seconds to import

    outcome = validate_evidence(evidence, out_dir / DOCS_FOLDER)
    check_agreement(evidence, outcome.row_results)
    return {
        "success": outcome.success,
        "statistics": outcome.statistics,
        "docs_index": _relative(outcome.docs_index, out_dir),
        "docs_page": _relative(outcome.docs_page, out_dir),
    }


def _relative(path: Path | None, base: Path) -> str | None:
    return path.resolve().relative_to(base.resolve()).as_posix() if path else None


def check_agreement(evidence: pd.DataFrame, row_results: pd.DataFrame) -> None:
    """Raise ``ConsistencyError`` unless GX's per-row result equals the judge's ``agrees``."""
    merged = evidence[[E.evidence_id, E.agrees]].merge(
        row_results, on=E.evidence_id, how="outer", indicator=True
    )
    bad = merged[(merged["_merge"] != "both") | (merged[E.agrees] != merged["gx_agrees"])]
    if not bad.empty:
        raise ConsistencyError(
            "GX and the judge disagree on evidence rows: " + ", ".join(bad[E.evidence_id])
        )


def render_reports(
    articles: list[Article],
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    verdicts: pd.DataFrame,
    references: References,
    gx: dict[str, Any],
    out_dir: Path,
) -> list[dict[str, Any]]:
    """Write ``<id>.json`` and ``<id>.html`` per article and the run's ``index.html``.

    Returns:
        The result dict of each article, in input order.
    """
    from reports.html import render_html, render_index, write_atomic

    out_dir.mkdir(parents=True, exist_ok=True)
    run = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "figcheck_version": figcheck_version(),
        "reference_version": references.version,
        "data_docs": gx.get("docs_page") or gx.get("docs_index"),
        "gx_success": gx.get("success"),
    }
    results = []
    for article in articles:
        mine = claims[C.article_id] == article.id
        result = build_result(
            {
                "id": article.id,
                "title": article.title,
                "published": article.published,
                "path": article.path,
            },
            claims[mine],
            evidence[evidence[E.article_id] == article.id],
            verdicts[verdicts[V.article_id] == article.id],
            run,
        )
        write_atomic(out_dir / f"{article.id}.json", dumps(result))
        write_atomic(
            out_dir / f"{article.id}.html", render_html(result, article.text, references.table)
        )
        results.append(result)
    write_atomic(out_dir / "index.html", render_index(_index_entries(out_dir)))
    return results


def _index_entries(out_dir: Path) -> list[dict[str, Any]]:
    """Every report in the folder, so the index covers earlier runs too."""
    entries = []
    for path in sorted(out_dir.glob("*.json")):
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
            entries.append(
                {
                    "id": result["article"]["id"],
                    "title": result["article"]["title"],
                    "report": f"{result['article']['id']}.html",
                    "summary": result["summary"],
                    "generated_at": result["run"]["generated_at"],
                }
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a figcheck result
    return sorted(entries, key=lambda e: e["generated_at"], reverse=True)


def figcheck_version() -> str:
    """The installed figcheck version."""
    try:
        return version("figcheck")
    except PackageNotFoundError:
        return "unknown"
