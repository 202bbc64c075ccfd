"""The Prefect flow ``verify_articles``: ``flows.steps.run_pipeline`` with each step a task.

The order of the steps lives in ``flows.steps.run_pipeline`` alone; this module only says
how Prefect runs each one (``PrefectRunner``): batch steps (read, load references, judge,
GX validation, index, record history) as one task each, extraction and rendering mapped
over chunks of articles, so a parallel task runner (threads, processes, Dask) spreads them
and Prefect's bookkeeping is paid per chunk rather than per article. Only extraction is
cached across runs, keyed on content hashes (articles, reference data, figcheck code),
never on DataFrames.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from prefect import Task, flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

import reports.options
from checks.exceptions import ReviewedException
from checks.precision import Tolerances
from flows import history, steps
from reports.options import ReportOptions
from sources.articles import Article
from sources.packs import DataSelection

# ReportOptions names ReviewedException for type checkers only, so that `figcheck --help`
# need not load pandas; Prefect builds a pydantic model of the flow's parameters at run
# time and resolves the name in that module.
reports.options.ReviewedException = ReviewedException

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
    """Key a chunk's extraction on its articles' ids, dates and texts, the references and
    the code: an unchanged chunk of articles reuses its claims tables."""
    digest = hashlib.sha256()
    articles: list[Article] = _plain(parameters["articles"])
    for article in articles:
        for part in (article.id, article.published or "", history.content_hash(article.text)):
            digest.update(part.encode() + b"\0")
    for part in (_plain(parameters["reference_version"]), extraction_code_version()):
        digest.update(part.encode() + b"\0")
    return f"figcheck-extract-{digest.hexdigest()[:32]}"


def _plain(value: Any) -> Any:
    """A parameter as the step sees it, whether or not Prefect has unwrapped its ``quote``."""
    return value.unwrap() if isinstance(value, quote) else value


# How Prefect runs each step of the pipeline, by the step's name in ``run_pipeline``.
TASK_OPTIONS: dict[str, dict[str, Any]] = {
    "read": {"cache_policy": NO_CACHE},
    "load references": {"cache_policy": NO_CACHE, "retries": 1},
    "extract claims": {"cache_key_fn": extraction_cache_key, "persist_result": True},
    "judge": {"cache_policy": NO_CACHE},
    "GX validation": {"cache_policy": NO_CACHE},
    "render": {"cache_policy": NO_CACHE},
    "index": {"cache_policy": NO_CACHE},
    "record history": {"cache_policy": NO_CACHE, "retries": 2, "retry_delay_seconds": 2},
}


@cache
def step_task(name: str, fn: Callable[..., Any]) -> Task:
    """The Prefect task running step ``fn`` under ``name`` (made once per step)."""
    return task(fn, name=name, **TASK_OPTIONS.get(name, {"cache_policy": NO_CACHE}))


# Chunks of per-article work per thread of the thread runner, and at least
# ``THREAD_RUNNER_MIN_CHUNKS`` in all. Each chunk is a task run, whose bookkeeping costs
# about 5 ms in figcheck's process and 20-30 ms on the server (measured on trivial tasks,
# bench/README.md); threads need only enough chunks to stay busy while one chunk runs longer
# than another. On 1,000 articles with two threads, 4 chunks instead of 10 cut the server's
# CPU during the run from 1.44-1.67 to 1.02-1.27 s and figcheck's by about 0.3-0.4 (medians
# of two sets of three alternated runs, bench/README.md). The minimum keeps the extraction
# cache's unit (a chunk) at a quarter of the batch with the one default thread.
CHUNKS_PER_THREAD = 2
THREAD_RUNNER_MIN_CHUNKS = 4


class PrefectRunner:
    """Each batch step one task run; each per-chunk step a mapped task, one run per chunk.

    With ``quoted`` (the in-process thread runner), arguments are passed ``quote``d:
    Prefect would otherwise walk every list, dict and dataclass in them (a chunk's rows, the
    batch's articles) looking for futures, and no step takes a future. The Dask runner
    hands quoted arguments to the step still wrapped, so it gets them plain.

    ``threads`` (the thread runner's workers) sets the chunks to ``CHUNKS_PER_THREAD`` per
    thread, at least ``THREAD_RUNNER_MIN_CHUNKS``; without it (process and Dask runners,
    whose workers may be many) articles are cut as the local engine cuts them
    (``steps.chunked``).
    """

    def __init__(self, quoted: bool = False, threads: int | None = None) -> None:
        self.quoted = quoted
        self.threads = threads

    def chunks(self, items: Sequence[Any]) -> list[list[Any]]:
        if not self.threads:
            return steps.chunked(items)
        count = max(THREAD_RUNNER_MIN_CHUNKS, CHUNKS_PER_THREAD * self.threads)
        size = math.ceil(len(items) / count)
        return steps.chunked(items, max(1, size))

    def _wrap(self, value: Any) -> Any:
        return quote(value) if self.quoted else value

    def batch(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        return step_task(name, fn)(*(self._wrap(a) for a in args))

    def map(self, name: str, fn: Callable[..., Any], chunks: list[Any], *shared: Any) -> list[Any]:
        if not chunks:
            return []
        wrapped = (self._wrap(unmapped(x)) for x in shared)
        return step_task(name, fn).map(self._wrap(chunks), *wrapped).result()


class Results(Sequence[dict[str, Any]]):
    """The flow's result dicts, returned as one value that Prefect does not walk.

    On success Prefect walks a flow's return value looking for futures: through lists and
    dicts that is every field of every claim and evidence row of every article (about
    2,000 objects per article; a third of the flow's CPU on a batch, measured). A
    ``Sequence`` that is not a list is a leaf to that walk; callers iterate, index, count
    and unpack it like the list it wraps, and take ``list(results)`` for JSON.
    """

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self._items = items

    def __getitem__(self, index):  # type: ignore[override]
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"Results({self._items!r})"


# The thread runner's default workers (see ``thread_runner``).
THREAD_WORKERS = 1


def thread_runner() -> ThreadPoolTaskRunner:
    """Prefect's thread runner with one worker, unless
    ``PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS`` says otherwise.

    Prefect's default is a thread for every submitted task run. Extraction and rendering are
    pure Python holding the GIL, so a second thread mostly takes the GIL in turns (at each
    file write, at each switch interval) and holds another chunk in memory. The turns cost
    CPU: on a 1,000-article batch against a running server, rendering took 4.8 CPU-s in one
    worker against 5.2-5.6 in two, extraction 1.71 against 1.82, and figcheck's process
    12.9-13.1 against 13.6 (medians of four alternated runs each; with unbounded threads it
    was 20.1 against 19.0 for two workers, bench/README.md). On an idle second core two
    threads saved about 1 s of wall time on that batch; the process and Dask runners are the
    ones that run chunks in parallel.
    """
    return ThreadPoolTaskRunner(max_workers=thread_workers())


def thread_workers() -> int:
    """Threads of figcheck's thread runner: ``PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS``
    if set, else ``THREAD_WORKERS``."""
    from prefect.settings import get_current_settings

    configured = get_current_settings().tasks.runner.thread_pool_max_workers
    return configured or THREAD_WORKERS


def _run_name() -> str:
    from prefect.runtime import flow_run

    paths = flow_run.parameters.get("paths") or []
    label = Path(paths[0]).stem if len(paths) == 1 else f"{len(paths)} articles"
    return f"check {label}"


@flow(
    name="verify_articles",
    flow_run_name=_run_name,
    log_prints=False,
    task_runner=thread_runner(),
)
def verify_articles(
    paths: list[str],
    out_dir: str = "reports/out",
    published: date | None = None,
    stdin_text: str | None = None,
    options: ReportOptions | None = None,
    tolerances: Tolerances | None = None,
    published_override: bool = False,
    data: DataSelection | None = None,
) -> Results:
    """Check the numeric claims of articles against the reference data and write reports.

    The parameters are those of ``flows.steps.CheckRun`` (each one a flow parameter, as
    Prefect shows and deploys them); ``out_dir`` also holds GX Data Docs and the history.

    Returns:
        One result dict per article (the JSON contract), as a ``Results`` sequence.
    """
    from prefect.context import FlowRunContext
    from prefect.runtime import flow_run

    context = FlowRunContext.get()
    threads = context is not None and isinstance(context.task_runner, ThreadPoolTaskRunner)
    job = steps.CheckRun(
        paths, out_dir, published, stdin_text, options, tolerances, published_override, data
    )
    run_id = str(flow_run.get_id())
    runner = PrefectRunner(quoted=threads, threads=thread_workers() if threads else None)
    return Results(steps.run_pipeline(runner, job, run_id=run_id, engine="prefect"))
