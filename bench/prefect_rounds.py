"""Benchmark: the Prefect flow against the local engine, alternated in the same minutes.

``bench/batch.py`` runs each path once; on a shared machine one run of each swings by
several CPU seconds, so the Prefect/local ratio of one run says little. This runs the same
perturbed batch (``batch.make_batch``) in rounds, each round every path in turn, each
``figcheck check`` in a fresh process, and prints the medians and each round's ratio:

* ``local``: ``--engine local``;
* ``server``: the Prefect flow against a running ``prefect server start`` (services on, UI
  off; one server for all rounds, warmed by one run first), its CPU during the run added to
  figcheck's;
* ``temp``: the Prefect flow on the temporary server figcheck starts (the default).

Each Prefect run has its own result storage (a cold extraction cache). With ``--base PATH``
(a checkout or ``git archive`` of another commit), every round runs that code too
(``PYTHONPATH``), alternating which goes first. ``--task-runs N`` adds Prefect's own cost
of a task run, measured on a flow of N trivial tasks against the running server (figcheck's
process and the server's), and of a flow run with none.

Usage: ``uv run python bench/prefect_rounds.py [--articles 1000] [--rounds 3] [--base PATH]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import batch  # bench/batch.py (this script's folder is on sys.path when run)

ROOT = Path(__file__).resolve().parents[1]
MODES = ("local", "server", "temp")

# A flow of N trivial tasks, run in its own process against the server at argv[2]: the
# CPU of figcheck's side (this process) and of the server (its pid) for the flow.
TASK_RUNS = """
import json, sys, time
import psutil
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
n, server = int(sys.argv[1]), psutil.Process(int(sys.argv[2]))
noop = task(lambda x: x, name="noop", cache_policy=NO_CACHE)

@flow(name="task-runs")
def runs(k: int) -> int:
    return len(noop.map(quote(list(range(k)))).result())

def cpu():
    t = server.cpu_times()
    return time.process_time(), t.user + t.system

runs(1)  # the first flow run registers the flow and builds the clients: not counted
a = cpu(); runs(n); time.sleep(3); b = cpu()  # 3 s: the server records the run's events
runs(0); time.sleep(3); c = cpu()
# A flow of n tasks minus a flow of none (each with the same wait): the n task runs.
print(json.dumps({"client": (b[0] - a[0]) - (c[0] - b[0]), "server": (b[1] - a[1]) - (c[1] - b[1]),
                  "client_empty": c[0] - b[0], "server_empty": c[1] - b[1]}))
"""


def run_rounds(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="figcheck-prefect-rounds-"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(work / "prefect-home"),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "900",
    }
    folder = work / "articles"
    batch.make_batch(folder, args.articles, args.seed)
    code = {"branch": str(ROOT)}
    if args.base:
        code = {"base": str(Path(args.base).resolve()), **code}
    os.chdir(work)  # not a checkout: PYTHONPATH decides whose figcheck runs
    results: dict[tuple[str, str], list[dict[str, float]]] = {
        (name, mode): [] for name in code for mode in MODES
    }
    with batch.running_server(env, work / "prefect-home") as (url, server):
        on_server = env | {"PREFECT_API_URL": url}
        for name, path in code.items():  # caches, the database, the flow: not timed
            for e in (env, on_server):
                store = {"PYTHONPATH": path, "PREFECT_LOCAL_STORAGE_PATH": str(work / "warm")}
                batch.check([str(batch.DEMO)], work / "warm-out", e | store)
        for i in range(args.rounds):
            order = list(code.items()) if i % 2 == 0 else list(reversed(code.items()))
            for name, path in order:
                for mode in MODES:
                    e = (on_server if mode == "server" else env) | {
                        "PYTHONPATH": path,
                        "PREFECT_LOCAL_STORAGE_PATH": str(work / f"storage-{name}-{mode}-{i}"),
                    }
                    options = ["--engine", "local"] if mode == "local" else []
                    before = batch.tree_cpu(server)
                    m = batch.check([str(folder)], work / f"out-{name}-{mode}-{i}", e, *options)
                    m["server_cpu"] = batch.tree_cpu(server) - before
                    m["client_cpu"] = m["cpu"]
                    if mode == "server":
                        m["cpu"] += m["server_cpu"]
                    m["load"] = os.getloadavg()[0]
                    results[(name, mode)].append(m)
                    shown = {k: round(v, 2) for k, v in m.items()}
                    print(i, name, mode, shown, time.strftime("%H:%M:%S"), flush=True)
        task_runs = [measure_task_runs(args.task_runs, server.pid, on_server) for _ in range(3)]
    report(results, code, args.articles)
    if args.task_runs:
        per = {k: statistics.median(t[k] for t in task_runs) for k in task_runs[0]}
        print(
            f"\nPrefect per task run ({args.task_runs} trivial tasks, median of 3): "
            f"figcheck's side {per['client'] / args.task_runs * 1000:.1f} ms, "
            f"server {per['server'] / args.task_runs * 1000:.1f} ms; a flow run with no "
            f"task, and 3 s of the server idle after it: {per['client_empty']:.2f} + "
            f"{per['server_empty']:.2f} CPU-s"
        )
    print(f"\n(work folder {work})")


def measure_task_runs(n: int, server_pid: int, env: dict[str, str]) -> dict[str, float]:
    if not n:
        return {"client": 0.0, "server": 0.0, "client_empty": 0.0, "server_empty": 0.0}
    run = subprocess.run(
        [sys.executable, "-c", TASK_RUNS, str(n), str(server_pid)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def report(results: dict, code: dict[str, str], n: int) -> None:
    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"\n{n} articles; CPU s, medians (each round's runs after the slash)\n")
    print("| code | path | CPU s | figcheck | server during the run | wall s | peak MB | runs |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for (name, mode), runs in results.items():
        each = " / ".join(format(r["cpu"], ".2f") for r in runs)
        server = f"{med(runs, 'server_cpu'):.2f}"
        print(
            f"| {name} | {mode} | {med(runs, 'cpu'):.2f} | {med(runs, 'client_cpu'):.2f} "
            f"| {server} | {med(runs, 'wall'):.1f} | {med(runs, 'rss_mb'):.0f} | {each} |"
        )
    print()
    for name in code:
        local = results[(name, "local")]
        for mode in MODES[1:]:
            runs = results[(name, mode)]
            ratios = [r["cpu"] / b["cpu"] for r, b in zip(runs, local, strict=True)]
            print(
                f"{name}, {mode} / local: {med(runs, 'cpu') / med(local, 'cpu'):.2f}× "
                f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)})"
            )
    loads = [r["load"] for runs in results.values() for r in runs]
    print(f"load average {min(loads):.1f}–{max(loads):.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--base", help="another commit's checkout, run in the same rounds")
    parser.add_argument("--task-runs", type=int, default=40, help="0: skip that measure")
    run_rounds(parser.parse_args())


if __name__ == "__main__":
    main()
