"""Engines, task runners and caching: the same reports whatever runs the steps."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from flows import engine, history
from flows.steps import CheckRun
from tests.conftest import DEMO, invoke_figcheck

RUN_METADATA = ("generated_at", "duration_seconds", "data_docs")  # differ between any two runs
PUBLISHED = date(2024, 6, 28)  # the demo's date, for the variants too


def batch(folder: Path, demo_text: str, n: int = 3) -> list[str]:
    """``n`` variants of the demo article with different figures (so different verdicts)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"variant-{i}.txt"
        path.write_text(demo_text.replace("65% increase", f"{45 + 10 * i}% increase"), "utf-8")
        paths.append(str(path))
    return paths


def comparable(results: Sequence[dict]) -> list[dict]:
    """Results (a list, or the flow's ``Results`` sequence) without the run metadata that
    differs between runs."""
    out = json.loads(json.dumps(list(results)))
    for r in out:
        for key in RUN_METADATA:
            r["run"].pop(key, None)
    return out


def written(out_dir: Path) -> dict[str, dict]:
    """Every result JSON written in ``out_dir``, without run metadata."""
    files = sorted(p for p in out_dir.glob("*.json") if not p.name.endswith(".claimreview.json"))
    return {p.name: comparable([json.loads(p.read_text("utf-8"))])[0] for p in files}


@pytest.fixture(scope="module")
def thread_run(prefect_harness, tmp_path_factory, demo_text):
    """The demo and three variants through the Prefect flow on the default thread runner."""
    tmp = tmp_path_factory.mktemp("thread")
    paths = [str(DEMO), *batch(tmp / "in", demo_text)]
    out = tmp / "out"
    results = engine.run_prefect(CheckRun(paths, out, PUBLISHED), task_runner="thread")
    return paths, out, results


def test_local_engine_writes_the_same_json_as_the_prefect_flow(thread_run, tmp_path):
    paths, prefect_out, prefect_results = thread_run
    local_out = tmp_path / "local"
    local_results = engine.run_local(CheckRun(paths, local_out, PUBLISHED))
    assert comparable(local_results) == comparable(prefect_results)
    assert written(local_out) == written(prefect_out)
    assert len(written(local_out)) == len(paths)
    for out, name in ((local_out, "local"), (prefect_out, "prefect")):
        (run,) = history.HistoryStore(history.default_url(out)).list_runs()
        assert (run["engine"], run["articles"]) == (name, len(paths))


def test_local_engine_never_imports_prefect():
    code = (
        "import sys; import flows.cli, flows.engine, flows.history, flows.commands; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'great_expectations')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_thread_runner_has_one_worker_unless_prefect_is_told_otherwise():
    from prefect.settings import PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS, temporary_settings

    from flows.verify import verify_articles

    # One thread: the per-chunk steps hold the GIL, a second thread only takes turns.
    assert engine.make_task_runner("thread")._max_workers == 1
    assert verify_articles.task_runner._max_workers == 1
    with temporary_settings(updates={PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS: 7}):
        assert engine.make_task_runner("thread")._max_workers == 7


def test_the_thread_runner_gets_two_chunks_a_thread_at_least_four_and_others_the_local_cut():
    from flows import steps
    from flows.verify import PrefectRunner

    items = list(range(1000))
    for threads in (1, 2):  # the default thread, or two: the cache's unit stays a quarter
        chunks = PrefectRunner(quoted=True, threads=threads).chunks(items)
        assert [len(c) for c in chunks] == [250] * 4
        assert [x for c in chunks for x in c] == items
    assert [len(c) for c in PrefectRunner(quoted=True, threads=4).chunks(items)] == [125] * 8
    assert [len(c) for c in PrefectRunner(quoted=True, threads=2).chunks(items[:3])] == [1] * 3
    assert PrefectRunner().chunks(items) == steps.chunked(items)  # process and Dask runners


def test_a_two_worker_dask_cluster_gives_the_thread_runners_results(thread_run, tmp_path):
    from distributed import LocalCluster

    paths, thread_out, thread_results = thread_run
    # Worker processes, as on a real cluster: tasks and results cross process boundaries.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        results = engine.run_prefect(
            CheckRun(paths, tmp_path, PUBLISHED),
            task_runner="dask",
            dask_address=cluster.scheduler_address,
        )
    assert comparable(results) == comparable(thread_results)
    assert written(tmp_path) == written(thread_out)


def test_an_unchanged_article_reuses_its_cached_extraction(prefect_harness, tmp_path, demo_text):
    from prefect.client.orchestration import get_client

    from flows.verify import verify_articles

    # A text no earlier run has seen, so the first run cannot hit the cache.
    article = tmp_path / "fresh.txt"
    article.write_text(demo_text + f"\n\nRun marker {uuid.uuid4().hex}.\n", encoding="utf-8")
    states = [
        verify_articles(
            paths=[str(article)],
            out_dir=str(tmp_path / "out"),
            published=PUBLISHED,
            return_state=True,
        )
        for _ in range(2)
    ]
    assert all(s.is_completed() for s in states)
    with get_client(sync_client=True) as client:
        tasks = client.read_task_runs()
    extraction = {
        s.state_details.flow_run_id: [
            t.state_name
            for t in tasks
            if t.flow_run_id == s.state_details.flow_run_id and t.name.startswith("extract claims")
        ]
        for s in states
    }
    first, second = (extraction[s.state_details.flow_run_id] for s in states)
    assert first == ["Completed"]
    assert second == ["Cached"]
    assert comparable(states[0].result()) == comparable(states[1].result())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "--engine: 'spark' is not one of local, prefect"),
        (["--engine", "local", "--task-runner", "dask"], "apply to --engine prefect only"),
        (["--task-runner", "thread", "--dask-address", "tcp://h:8786"], "needs --task-runner dask"),
    ],
)
def test_bad_engine_options_exit_2(args, message):
    run = invoke_figcheck("check", *args)
    assert run.exit_code == 2, (run.stderr, run.exception)
    assert message in " ".join(run.stderr.split())
