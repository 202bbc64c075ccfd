"""The pipeline's steps as plain functions: article -> claims -> evidence -> verdicts -> reports.

The Prefect flow (``flows.verify``) wraps each step in a task; tests and ``figcheck
extract`` call them directly, with no server. Steps work on many articles at once, so a
batch is judged in one vectorised pass and validated by one GX run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from checks.exceptions import AcceptanceSchema as A
from checks.exceptions import accept
from checks.judge import judge
from checks.precision import Tolerances
from checks.schemas import ClaimSchema as C
from checks.schemas import EvidenceSchema as E
from checks.schemas import VerdictSchema as V
from checks.schemas import empty
from reports.options import ReportOptions
from reports.result import build_result, dumps
from sources.articles import Article, read_article, read_text
from sources.extract import extract_claims
from sources.lexicon import LexiconScope, lexicon_for
from sources.packs import DataSelection
from sources.references import load_selection

DOCS_FOLDER = "gx-docs"  # GX Data Docs, written beside the reports


class ConsistencyError(RuntimeError):
    """GX and figcheck's judge disagree about an evidence row: a bug, never a verdict."""


@dataclass(frozen=True)
class References:
    """The reference figures a run judged against, and their version hash."""

    table: pd.DataFrame
    version: str
    # The packs' vocabulary and the data's regions, for the extractor's lexicon.
    lexicon: LexiconScope = field(default_factory=LexiconScope)


def read_articles(
    paths: list[str],
    published: date | None = None,
    stdin_text: str | None = None,
    override: bool = False,
) -> list[Article]:
    """Read every input; ``"-"`` in ``paths`` stands for ``stdin_text``.

    ``published`` dates the inputs that state no date of their own (all of them with
    ``override``).

    Raises:
        sources.articles.ArticleError: an input is missing, unreadable, binary or empty.
    """
    return check_unique_ids([read_one(path, published, stdin_text, override) for path in paths])


def read_one(
    path: str,
    published: date | None = None,
    stdin_text: str | None = None,
    override: bool = False,
) -> Article:
    """Read one input; ``"-"`` stands for ``stdin_text``."""
    if path == "-":
        return read_text(stdin_text or "", name="stdin", published=published, override=override)
    return read_article(path, published=published, override=override)


def check_unique_ids(articles: list[Article]) -> list[Article]:
    """Return ``articles`` unchanged, or raise ``ValueError`` if two share an id."""
    ids = [a.id for a in articles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        # Two inputs with one id would overwrite each other's report.
        raise ValueError(f"several inputs share the article id(s) {', '.join(duplicates)}")
    return articles


def extract_all(articles: list[Article], lexicon: LexiconScope | None = None) -> pd.DataFrame:
    """Extract the claims of every article into one claims table."""
    return combine_claims([extract_one(a, lexicon) for a in articles])


def extract_one(article: Article, lexicon: LexiconScope | None = None) -> pd.DataFrame:
    """Extract the claims of one article; ``lexicon`` adds the data packs' vocabulary."""
    return extract_claims(article.text, article.id, article.published, lexicon_for(lexicon))


def combine_claims(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-article claims tables (an empty table with the schema if none)."""
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty(C)


def load_reference_data(data: DataSelection | None = None) -> References:
    """Load and validate the reference datasets: the bundled ones and any data packs.

    Packs also pass the reference quality gate (GX) here, as ``figcheck sources validate``
    runs it; the bundled data is gated by its own tests.

    Raises:
        sources.references.ReferenceDataError: a dataset or pack is refused (file, line).
    """
    data = data or DataSelection()
    loaded = load_selection(data)
    if data.packs:
        from checks.reference_suite import refuse_failures, validate_references

        refuse_failures(validate_references(loaded.table, loaded.origins, None, data.vocab_dirs))
    scope = LexiconScope(data.vocab_dirs, loaded.regions)
    return References(loaded.table, loaded.version, scope)


def judge_claims(
    claims: pd.DataFrame,
    references: References,
    articles: list[Article],
    tolerances: Tolerances | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match claims with reference figures and decide their verdicts.

    ``tolerances`` defaults to the bundled ``checks/tolerances.yaml``.
    """
    published = {a.id: a.published for a in articles}
    return judge(claims, references.table, published, tolerances)


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
    overlap = outcome.failures["expectation"] == "expect_claim_interval_to_overlap_reference"
    return {
        "success": outcome.success,
        "statistics": outcome.statistics,
        # For the report's validation section: disagreeing rows are findings, while any
        # other failed expectation is a broken contract (a bug).
        "evidence_rows": len(evidence),
        "disagreeing_rows": int(outcome.failures.loc[overlap, E.evidence_id].nunique()),
        "contract_failures": sorted(set(outcome.failures.loc[~overlap, "expectation"])),
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
    options: ReportOptions | None = None,
    started_at: datetime | None = None,
) -> list[dict[str, Any]]:
    """Write the reports: per article ``<id>.json``, ``.html``, ``.csv`` and
    ``.claimreview.json``; per run ``index.html`` and ``junit.xml``.

    ``options`` carries the reviewed exceptions, the fail-on and JUnit skip sets and the
    ClaimReview reviewer; ``started_at`` (when the run began) gives the run's wall time.

    Both engines go through :func:`render_article` per article, then :func:`finish_reports`
    once; the Prefect flow maps the first over articles, so outputs for the whole batch
    belong in ``finish_reports``.

    Returns:
        The result dict of each article, in input order.
    """
    run = run_metadata(references, gx, started_at)
    results = [
        render_article(article, claims, evidence, verdicts, references.table, run, out_dir, options)
        for article in articles
    ]
    finish_reports(articles, results, out_dir, options)
    return results


def run_metadata(
    references: References, gx: dict[str, Any], started_at: datetime | None = None
) -> dict[str, Any]:
    """The ``run`` block every result of one run shares; ``started_at`` gives its wall time."""
    now = datetime.now(UTC)
    return {
        "generated_at": now.isoformat(timespec="seconds"),
        "duration_seconds": round((now - started_at).total_seconds(), 1) if started_at else None,
        "figcheck_version": figcheck_version(),
        "reference_version": references.version,
        "data_docs": gx.get("docs_page") or gx.get("docs_index"),
        "gx_success": gx.get("success"),
        "gx_evidence_rows": gx.get("evidence_rows"),
        "gx_disagreeing_rows": gx.get("disagreeing_rows"),
        "gx_contract_failures": gx.get("contract_failures"),
    }


def render_article(
    article: Article,
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    verdicts: pd.DataFrame,
    reference_table: pd.DataFrame,
    run: dict[str, Any],
    out_dir: Path,
    options: ReportOptions | None = None,
) -> dict[str, Any]:
    """Write one article's ``<id>.json``, ``.html``, ``.csv`` and ``.claimreview.json``.

    The tables may hold other articles' rows too (they are filtered by article id).
    ``options`` gives the reviewed exceptions and the ClaimReview reviewer and URL.
    Returns the article's result dict.
    """
    from reports.claimreview import claim_reviews, dumps_jsonld
    from reports.claims_csv import claims_csv
    from reports.html import render_html, write_atomic

    options = options or ReportOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    accepted = accept(claims, verdicts, list(options.exceptions))
    result = build_result(
        {
            "id": article.id,
            "title": article.title,
            "published": article.published,
            "path": article.path,
            "published_from": article.published_from,
            "url": article.url,
            "publisher": article.publisher,
        },
        claims[claims[C.article_id] == article.id],
        evidence[evidence[E.article_id] == article.id],
        verdicts[verdicts[V.article_id] == article.id],
        run,
        accepted[accepted[A.article_id] == article.id],
    )
    reviews = claim_reviews(
        result, options.report_url(article.id), options.reviewer, claim_author=article.publisher
    )
    html = render_html(result, article.text, reference_table, reviews)
    write_atomic(out_dir / f"{article.id}.json", dumps(result))
    write_atomic(out_dir / f"{article.id}.html", html)
    write_atomic(out_dir / f"{article.id}.csv", claims_csv(result))
    write_atomic(out_dir / f"{article.id}.claimreview.json", dumps_jsonld(reviews))
    return result


def split_by_article(
    articles: list[Article], *tables: pd.DataFrame
) -> list[tuple[pd.DataFrame, ...]]:
    """Each article's rows of each table, so per-article tasks ship only their own rows."""
    groups = [dict(tuple(t.groupby(t[C.article_id], sort=False))) for t in tables]
    return [
        tuple(g.get(a.id, t.iloc[0:0]) for g, t in zip(groups, tables, strict=True))
        for a in articles
    ]


def finish_reports(
    articles: list[Article],
    results: list[dict[str, Any]],
    out_dir: Path,
    options: ReportOptions | None = None,
) -> None:
    """Write what covers the whole run once its reports exist: ``index.html``, ``junit.xml``."""
    from reports.html import render_index, write_atomic
    from reports.junit import junit_xml

    options = options or ReportOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(out_dir / "index.html", render_index(_index_entries(out_dir)))
    duration = results[0]["run"].get("duration_seconds") if results else None
    junit = junit_xml(results, options.fail_on, options.junit_skip, duration)
    write_atomic(out_dir / "junit.xml", junit)


def _index_entries(out_dir: Path) -> list[dict[str, Any]]:
    """Every report in the folder, so the index covers earlier runs too."""
    entries = []
    for path in sorted(out_dir.glob("*.json")):
        if path.name.endswith(".claimreview.json"):
            continue  # ClaimReview JSON-LD, not a result
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
            entries.append(
                {
                    "id": result["article"]["id"],
                    "title": result["article"]["title"],
                    "published": result["article"].get("published"),
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
