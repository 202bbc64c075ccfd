"""Run the pipeline: in-process without Prefect (``local``) or as the Prefect flow.

The local engine calls the same step functions the flow's tasks wrap, in the same order,
so both write the same reports; it never imports Prefect, for quick checks and CI jobs
without a Prefect server.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from checks.precision import Tolerances
from flows import history, steps
from reports.options import ReportOptions

ENGINES = ("local", "prefect")
TASK_RUNNERS = ("thread", "process", "dask")


def run_local(
    paths: list[str],
    out_dir: str | Path,
    published: date | None = None,
    stdin_text: str | None = None,
    options: ReportOptions | None = None,
    tolerances: Tolerances | None = None,
) -> list[dict[str, Any]]:
    """Check articles in this process, write reports and append the run to the history.

    Returns:
        One result dict per article (the JSON contract), in input order.
    """
    started_at = datetime.now(UTC)
    out = Path(out_dir)
    articles = steps.check_unique_ids([steps.read_one(p, published, stdin_text) for p in paths])
    references = steps.load_reference_data()
    claims = steps.combine_claims([steps.extract_one(a) for a in articles])
    evidence, verdicts = steps.judge_claims(claims, references, articles, tolerances)
    gx = steps.validate_with_gx(evidence, out)
    results = steps.render_reports(
        articles, claims, evidence, verdicts, references, gx, out, options, started_at
    )
    history.record(uuid.uuid4().hex, results, articles, out, engine="local")
    return results


def make_task_runner(kind: str = "thread", dask_address: str | None = None) -> Any:
    """The Prefect task runner for ``kind``; Dask on ``dask_address``, else a local cluster."""
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner()
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner()
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address) if dask_address else DaskTaskRunner()
    raise ValueError(f"unknown task runner {kind!r}; choose from {', '.join(TASK_RUNNERS)}")


def run_prefect(
    paths: list[str],
    out_dir: str | Path,
    published: date | None = None,
    stdin_text: str | None = None,
    options: ReportOptions | None = None,
    task_runner: str = "thread",
    dask_address: str | None = None,
    tolerances: Tolerances | None = None,
) -> list[dict[str, Any]]:
    """Check articles through the Prefect flow ``verify_articles`` on the chosen task runner.

    Raises:
        flows.failures.EnvironmentProblem: no Prefect server can be reached or started.
    """
    from flows.prefect_server import ensure_server
    from flows.verify import verify_articles

    ensure_server()  # fails in seconds, and ties the embedded server's life to ours

    flow = verify_articles.with_options(task_runner=make_task_runner(task_runner, dask_address))
    return flow(
        paths=paths,
        out_dir=str(out_dir),
        published=published,
        stdin_text=stdin_text,
        options=options,
        tolerances=tolerances,
    )
