"""Run the pipeline: in-process without Prefect (``local``) or as the Prefect flow.

Both engines run ``flows.steps.run_pipeline``, the one order of the steps; they differ only
in their runner (each step a plain call, or a Prefect task), so both write the same reports.
The local engine never imports Prefect, for quick checks and CI jobs without a server.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows import steps

if TYPE_CHECKING:
    from checks.precision import Tolerances
    from reports.options import ReportOptions
    from sources.packs import DataSelection

ENGINES = ("local", "prefect")
TASK_RUNNERS = ("thread", "process", "dask")


def run_local(
    paths: list[str],
    out_dir: str | Path,
    published: date | None = None,
    stdin_text: str | None = None,
    options: ReportOptions | None = None,
    tolerances: Tolerances | None = None,
    published_override: bool = False,
    data: DataSelection | None = None,
) -> list[dict[str, Any]]:
    """Check articles in this process, write reports and append the run to the history.

    ``published`` dates the articles that state no date; ``published_override`` all of them.
    ``data`` chooses the reference data (bundled and packs); default the bundled data.

    Returns:
        One result dict per article (the JSON contract), in input order.
    """
    return steps.run_pipeline(
        steps.InProcess(),
        paths,
        out_dir,
        published,
        stdin_text,
        options,
        tolerances,
        run_id=uuid.uuid4().hex,
        engine="local",
        published_override=published_override,
        data=data,
    )


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
    published_override: bool = False,
    data: DataSelection | None = None,
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
        published_override=published_override,
        data=data,
    )
