"""Run the pipeline: in-process without Prefect (``local``) or as the Prefect flow.

Both engines run ``flows.steps.run_pipeline``, the one order of the steps; they differ only
in their runner (each step a plain call, or a Prefect task), so both write the same reports.
The local engine never imports Prefect, for quick checks and CI jobs without a server.
"""

from __future__ import annotations

import uuid
from typing import Any

from flows import steps

ENGINES = ("local", "prefect")
TASK_RUNNERS = ("thread", "process", "dask")


def run_local(job: steps.CheckRun) -> list[dict[str, Any]]:
    """Check articles in this process, write reports and append the run to the history.

    Returns:
        One result dict per article (the JSON contract), in input order.
    """
    return steps.run_pipeline(steps.InProcess(), job, run_id=uuid.uuid4().hex, engine="local")


def make_task_runner(kind: str = "thread", dask_address: str | None = None) -> Any:
    """The Prefect task runner for ``kind``; Dask on ``dask_address``, else a local cluster."""
    if kind == "thread":
        from flows.verify import thread_runner

        return thread_runner()
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner()
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address) if dask_address else DaskTaskRunner()
    raise ValueError(f"unknown task runner {kind!r}; choose from {', '.join(TASK_RUNNERS)}")


def _imports_for(task_runner: str) -> Any:
    """The imports this process needs for the flow, to run while an embedded server starts
    (several seconds in which it would only wait: wall time saved, not CPU)."""

    def load() -> None:
        import flows.verify  # noqa: F401  (Prefect's flow and task engines)

        if task_runner == "thread":
            # GX validation runs in one of this process's threads: GX's import takes seconds.
            # Other runners validate in another process, which imports GX there.
            import checks.gx_suite  # noqa: F401, I001  (first: it spares GX's unused imports)
            import great_expectations  # noqa: F401

    return load


def run_prefect(
    job: steps.CheckRun, task_runner: str = "thread", dask_address: str | None = None
) -> list[dict[str, Any]]:
    """Check articles through the Prefect flow ``verify_articles`` on the chosen task runner.

    Raises:
        flows.failures.EnvironmentProblem: no Prefect server can be reached or started.
    """
    from contextlib import nullcontext

    from flows.prefect_server import ensure_server

    # Fails in seconds, and ties the embedded server's life to ours.
    embedded_url = ensure_server(while_starting=_imports_for(task_runner))
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.verify import verify_articles

    flow = verify_articles.with_options(task_runner=make_task_runner(task_runner, dask_address))
    # The flow and its tasks (threads, and processes through Prefect's serialized settings)
    # talk to the embedded server figcheck started, as to a configured one.
    pointed = (
        temporary_settings(updates={PREFECT_API_URL: embedded_url})
        if embedded_url
        else nullcontext()
    )
    with pointed:
        return list(flow(**(job.parameters() | {"out_dir": str(job.out_dir)})))
