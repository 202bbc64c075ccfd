"""The Prefect flow ``verify_articles``: each pipeline step as a task, nothing more.

The steps themselves live in ``flows.steps`` as plain functions. Tasks take DataFrames,
so Prefect's input-hash caching is off for them (hashing frames is slow and has given
unstable keys); they are cheap enough to recompute.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import steps

read_articles = task(steps.read_articles, name="read", cache_policy=NO_CACHE)
extract_claims = task(steps.extract_all, name="extract claims", cache_policy=NO_CACHE)
load_references = task(
    steps.load_reference_data, name="load references", cache_policy=NO_CACHE, retries=1
)
judge_claims = task(steps.judge_claims, name="judge", cache_policy=NO_CACHE)
validate_with_gx = task(steps.validate_with_gx, name="GX validation", cache_policy=NO_CACHE)
render_reports = task(steps.render_reports, name="render", cache_policy=NO_CACHE)


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
) -> list[dict[str, Any]]:
    """Check the numeric claims of articles against the reference data and write reports.

    Args:
        paths: article files (``"-"`` for ``stdin_text``).
        out_dir: where reports, result JSON and GX Data Docs go.
        published: publication date for every input, overriding their metadata.
        stdin_text: the text read from standard input, if ``"-"`` is among ``paths``.

    Returns:
        One result dict per article (the JSON contract).
    """
    out = Path(out_dir)
    articles = read_articles(paths, published, stdin_text)
    claims = extract_claims(articles)
    references = load_references()
    evidence, verdicts = judge_claims(claims, references, articles)
    gx = validate_with_gx(evidence, out)
    return render_reports(articles, claims, evidence, verdicts, references, gx, out)
