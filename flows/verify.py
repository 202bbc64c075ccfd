"""The Prefect flow ``verify_articles``: each pipeline step as a task, nothing more.

The steps themselves live in ``flows.steps`` as plain functions; ``flows.engine`` runs the
same steps without Prefect (``--engine local``). Per-article work (read, extract, render) is
mapped over articles so a parallel task runner (threads, processes, Dask) spreads it; judge
and GX validation stay one vectorised batch. Only extraction is cached across runs, keyed on
content hashes (article, reference data, figcheck code), never on DataFrames.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext

from checks.precision import Tolerances
from flows import history, steps
from reports.options import ReportOptions
from sources.articles import Article
from sources.lexicon import LexiconScope
from sources.packs import DataSelection

SOURCES = Path(steps.__file__).resolve().parents[1] / "sources"


@lru_cache(maxsize=1)
def extraction_code_version() -> str:
    """figcheck's version plus a hash of the extraction code and vocabularies.

    A development checkout keeps one version number while its patterns change; the hash
    keeps a cached extraction from outliving the code that produced it.
    """
    digest = hashlib.sha256(steps.figcheck_version().encode())
    for path in sorted([*SOURCES.glob("*.py"), *SOURCES.glob("vocab/*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def extraction_cache_key(_context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """Key an article's extraction on its id, date and text, the references and the code."""
    article: Article = parameters["article"]
    digest = hashlib.sha256()
    for part in (
        article.id,
        article.published or "",
        history.content_hash(article.text),
        parameters["reference_version"],
        extraction_code_version(),
    ):
        digest.update(part.encode() + b"\0")
    return f"figcheck-extract-{digest.hexdigest()[:32]}"


read_article = task(steps.read_one, name="read", cache_policy=NO_CACHE)
load_references = task(
    steps.load_reference_data, name="load references", cache_policy=NO_CACHE, retries=1
)
judge_claims = task(steps.judge_claims, name="judge", cache_policy=NO_CACHE)
validate_with_gx = task(steps.validate_with_gx, name="GX validation", cache_policy=NO_CACHE)
render_article = task(steps.render_article, name="render", cache_policy=NO_CACHE)
finish_reports = task(steps.finish_reports, name="index", cache_policy=NO_CACHE)


@task(name="extract claims", cache_key_fn=extraction_cache_key, persist_result=True)
def extract_claims(
    article: Article, reference_version: str, lexicon: LexiconScope | None = None
) -> pd.DataFrame:
    """Extract one article's claims; ``reference_version`` is part of the cache key only
    (it covers the packs, whose vocabulary ``lexicon`` brings in)."""
    return steps.extract_one(article, lexicon)


@task(name="record history", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def record_history(
    run_id: str, results: list[dict[str, Any]], articles: list[Article], out_dir: str
) -> None:
    """Append the run to the history store, in one transaction."""
    history.record(run_id, results, articles, out_dir, engine="prefect")


def _run_name() -> str:
    from prefect.runtime import flow_run

    paths = flow_run.parameters.get("paths") or []
    label = Path(paths[0]).stem if len(paths) == 1 else f"{len(paths)} articles"
    return f"check {label}"


@flow(name="verify_articles", flow_run_name=_run_name, log_prints=False)
def verify_articles(
    paths: list[str],
    out_dir: str = "reports/out",
    published: date | None = None,
    stdin_text: str | None = None,
    options: ReportOptions | None = None,
    tolerances: Tolerances | None = None,
    published_override: bool = False,
    data: DataSelection | None = None,
) -> list[dict[str, Any]]:
    """Check the numeric claims of articles against the reference data and write reports.

    Args:
        paths: article files (``"-"`` for ``stdin_text``).
        out_dir: where reports, result JSON, GX Data Docs and the history go.
        published: publication date of the inputs that state none.
        stdin_text: the text read from standard input, if ``"-"`` is among ``paths``.
        options: reviewed exceptions and settings of the JUnit and ClaimReview outputs.
        tolerances: hedge-word and round-number tolerances (default: the bundled ones).
        published_override: ``published`` replaces the dates the inputs state too.
        data: the reference data: bundled and data packs (default: the bundled data).

    Returns:
        One result dict per article (the JSON contract).
    """
    from prefect.runtime import flow_run

    # For the run time shown in reports: from the command's start when it says so.
    started_at = (options.started_at if options else None) or datetime.now(UTC)
    out = Path(out_dir)
    articles = steps.check_unique_ids(
        read_article.map(
            paths, unmapped(published), unmapped(stdin_text), unmapped(published_override)
        ).result()
    )
    references = load_references(data)
    claims = steps.combine_claims(
        extract_claims.map(
            articles, unmapped(references.version), unmapped(references.lexicon)
        ).result()
    )
    evidence, verdicts = judge_claims(claims, references, articles, tolerances)
    gx = validate_with_gx(evidence, out)
    run = steps.run_metadata(references, gx, started_at)
    per_article = steps.split_by_article(articles, claims, evidence, verdicts)
    results = render_article.map(
        articles,
        [t[0] for t in per_article],
        [t[1] for t in per_article],
        [t[2] for t in per_article],
        unmapped(references.table),
        unmapped(run),
        unmapped(out),
        unmapped(options),
    ).result()
    finish_reports(articles, results, out, options)
    record_history(str(flow_run.get_id()), results, articles, out_dir)
    return results
