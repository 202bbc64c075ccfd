"""Scheduled runs: the ``check-folder`` flow, its deployment, and the run's Prefect artifacts.

``figcheck serve`` registers a deployment of ``check_folder`` on a Prefect server with a cron
schedule and serves it: this process picks up its scheduled (and manually triggered) runs.
Each run re-checks every article in the watched folder plus the articles of the feeds, then
publishes a markdown summary, a table of verdicts and a link to each report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_table_artifact,
)
from prefect.cache_policies import NO_CACHE

from flows import feeds
from flows.verify import verify_articles
from reports.atomic import remove_stale_temporaries
from sources.articles import discover, slugify

FLOW_NAME = "check-folder"
FEEDS_FOLDER = "feeds"  # under the output folder: the pages fetched from feeds


@task(name="fetch feed", cache_policy=NO_CACHE)
def fetch_feed(url: str, dest: str, taken: list[str], timeout: float, retries: int) -> dict:
    """Fetch one feed's articles; failures come back as problems, never as a failed task."""
    result = feeds.fetch_feed(url, Path(dest), set(taken), timeout=timeout, retries=retries)
    logger = get_run_logger()
    for problem in result.problems:
        logger.warning("could not fetch %s: %s (%d attempts)", *problem.to_dict().values())
    return {"paths": result.paths, "problems": [p.to_dict() for p in result.problems]}


@flow(name=FLOW_NAME, log_prints=False)
def check_folder(
    watch: str,
    out_dir: str = "reports/out",
    feed_urls: list[str] | None = None,
    fetch_timeout: float = feeds.DEFAULT_TIMEOUT,
    fetch_retries: int = feeds.DEFAULT_RETRIES,
) -> dict[str, Any]:
    """Re-check every article in ``watch`` and in the feeds; publish the run's artifacts.

    Args:
        watch: folder of articles (``.txt``, ``.md``, ``.html``), read recursively.
        out_dir: where reports and the history go.
        feed_urls: RSS/Atom feeds whose articles are fetched and checked too.
        fetch_timeout: seconds per HTTP request.
        fetch_retries: further attempts after a failed request.

    Returns:
        ``{"articles": [ids], "problems": [{"url", "problem", "attempts"}]}``.
    """
    paths = [str(p) for p in discover([watch])]
    taken = [slugify(Path(p).stem) for p in paths]
    problems: list[dict[str, Any]] = []
    for url in feed_urls or []:
        got = fetch_feed(
            url, str(Path(out_dir) / FEEDS_FOLDER), taken, fetch_timeout, fetch_retries
        )
        paths += got["paths"]
        taken += [Path(p).stem for p in got["paths"]]
        problems += got["problems"]
    remove_stale_temporaries(Path(out_dir))  # left by a scheduled run that was killed
    results = verify_articles(paths=paths, out_dir=out_dir) if paths else []
    publish_artifacts(results, Path(out_dir), problems)
    return {"articles": [r["article"]["id"] for r in results], "problems": problems}


def publish_artifacts(
    results: list[dict[str, Any]], out_dir: Path, problems: list[dict[str, Any]]
) -> None:
    """A markdown summary, a table of verdicts and a link per report, for the Prefect UI."""
    create_markdown_artifact(
        key="figcheck-summary",
        markdown=summary_markdown(results, problems),
        description="figcheck: articles checked, verdict counts and fetch problems",
    )
    create_table_artifact(
        key="figcheck-verdicts",
        table=[
            {
                "article": r["article"]["id"],
                "claim": c["claim_id"],
                "text": c["text"],
                "verdict": c["verdict"],
                "rule": c["rule"],
            }
            for r in results
            for c in r["claims"]
        ]
        or [{"article": "", "claim": "", "text": "", "verdict": "", "rule": ""}],
        description="figcheck: every claim's verdict",
    )
    for r in results:
        article_id = r["article"]["id"]
        create_link_artifact(
            key=artifact_key("report", article_id),
            link=(out_dir / f"{article_id}.html").resolve().as_uri(),
            link_text=r["article"]["title"] or article_id,
            description=f"figcheck report for {article_id}",
        )


def artifact_key(prefix: str, name: str) -> str:
    """A Prefect artifact key: lowercase letters, digits and dashes only."""
    return slugify(f"{prefix}-{name}")


def summary_markdown(results: list[dict[str, Any]], problems: list[dict[str, Any]]) -> str:
    """The run summary: one row per article with its verdict counts, then any problems."""
    lines = ["# figcheck run", "", f"{len(results)} article(s) checked.", ""]
    if results:
        verdicts = list(results[0]["summary"])
        lines += [
            "| article | claims | " + " | ".join(verdicts) + " |",
            "|---|---:|" + "---:|" * len(verdicts),
        ]
        for r in results:
            counts = " | ".join(str(r["summary"][v]) for v in verdicts)
            lines.append(f"| {r['article']['id']} | {len(r['claims'])} | {counts} |")
    if problems:
        lines += ["", "## Not checked", ""]
        lines += [f"- {p['url']}: {p['problem']} ({p['attempts']} attempt(s))" for p in problems]
    return "\n".join(lines) + "\n"


def serve_folder(
    watch: Path,
    out_dir: Path,
    feed_urls: list[str],
    cron: str,
    name: str,
    fetch_timeout: float = feeds.DEFAULT_TIMEOUT,
    fetch_retries: int = feeds.DEFAULT_RETRIES,
) -> None:
    """Register the ``check-folder/<name>`` deployment with ``cron`` and serve it until stopped."""
    from prefect import serve
    from prefect.types.entrypoint import EntrypointType

    deployment = check_folder.to_deployment(
        name=name,
        cron=cron,
        parameters={
            "watch": str(watch.resolve()),
            "out_dir": str(out_dir.resolve()),
            "feed_urls": feed_urls,
            "fetch_timeout": fetch_timeout,
            "fetch_retries": fetch_retries,
        },
        description="figcheck: re-check a folder of articles and feeds on a schedule",
        # Runs load the flow by module, so they work from any working directory.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    serve(deployment)
