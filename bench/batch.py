"""Benchmark: throughput with full reports, one pipeline on two engines, and start-up cost.

Makes ``--articles`` (default 1,000) copies of the demo article with their figures perturbed
and prints, in one run, each ``figcheck check`` in a fresh process:

* the batch on ``--engine local`` (articles/s by CPU time and by wall time, peak memory, and
  a per-stage CPU breakdown from the same run: the pipeline's steps, timed by the runner);
* the same batch on the Prefect flow (default thread runner, temporary server) and the ratio;
* the same batch on the Prefect flow against a running server (``prefect server start``, as
  scheduled runs use; ``PREFECT_API_URL``), counting the server's CPU during the run too;
* ``--small`` (default 200) of those articles against one article (cost ratio);
* one article against ``python -c "import pandas, pandera, great_expectations"``;
* ``figcheck --help`` against ``python -c pass``.

CPU time (user + system of the process and the children it waited for, from ``wait4``) is
the headline figure: on a machine shared with other jobs, wall time measures the neighbours.
With ``--write`` the results replace this benchmark's section of ``bench/README.md``.

Usage: ``uv run python bench/batch.py [--articles 1000] [--small 200] [--seed 7] [--write]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sources" / "articles" / "kabulnow-2024-06-27-pakistan-threatens-strikes.txt"
FIGCHECK = Path(sys.executable).with_name("figcheck")
README = ROOT / "bench" / "README.md"
HEADING = "## Throughput with full reports (issue 12, `bench/batch.py`)"
INTRO = """`uv run python bench/batch.py [--articles 1000] [--small 200] [--seed 7] [--write]` makes
copies of the demo article with their figures perturbed (half of the figures unchanged, the rest
nudged by one or scaled by 0.5–1.5) and runs each `figcheck check` in a fresh process. CPU
seconds are user + system time of the process and the children it waited for (`wait4`), the
headline figure on a shared machine; wall seconds are shown beside them. The per-stage
breakdown comes from the same local run: the pipeline's runner times each step
(`flows.steps.run_pipeline`); "start-up" is everything before the first step (imports, reading
the command line and the inputs). The Prefect flow runs twice: on the temporary server figcheck
starts when `PREFECT_API_URL` is unset (the default; the server's start and stop are in the
CPU seconds), and against a running `prefect server start` (services on, UI off), as scheduled
runs deploy it, with the server's CPU seconds during the run added to figcheck's (its peak
memory is figcheck's alone). Each Prefect run has its own result storage, so the extraction
cache starts cold."""
PUBLISHED = "2024-06-28"
STAGES_ENV = "FIGCHECK_BENCH_STAGES"  # the child writes its stage times to this file
# Figures, but not years or days of a date: those would move the claim's period.
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?=\s*(%|per ?cent|\s[a-z]))")


def perturb(text: str, rng: random.Random) -> str:
    """The text with some figures nudged or scaled (about half of them unchanged)."""

    def change(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        if 1900 <= value <= 2100 or rng.random() < 0.5:
            return raw
        new = value * rng.uniform(0.5, 1.5) if rng.random() < 0.4 else value + 1
        if "," in raw:
            return f"{round(new):,}"
        return f"{new:.1f}" if "." in raw else str(round(new))

    return _FIGURE.sub(change, text)


def make_batch(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` perturbed copies of the demo article in ``folder``."""
    rng = random.Random(seed)
    text = DEMO.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(perturb(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def measured(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``args``; its wall and CPU seconds and peak memory (MB). Fails unless exit 0 or 1."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            tail = err.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"{' '.join(args[:4])}… failed ({proc.returncode}):\n{tail}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
    }


def check(inputs: list[str], out: Path, env: dict[str, str], *options: str) -> dict[str, float]:
    """Measure ``figcheck check`` on ``inputs`` with ``options``, into ``out``."""
    args = [str(FIGCHECK), "check", *inputs, "--published", PUBLISHED, "--out", str(out)]
    return measured([*args, *options], env)


def tree_cpu(process: psutil.Process) -> float:
    """CPU seconds (user + system) used so far by ``process`` and its live descendants."""
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        try:
            times = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


@contextmanager
def running_server(env: dict[str, str], home: Path) -> Iterator[tuple[str, psutil.Process]]:
    """A ``prefect server start`` (services on, UI off) for the length of the block: its API
    URL and process, whose CPU the caller reads before and after a run."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [str(FIGCHECK.with_name("prefect")), "server", "start", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*args, "--port", str(port), "--no-ui"],
        env=env | {"PREFECT_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"prefect server start did not come up ({proc.poll()})")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        yield url, psutil.Process(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def check_on_server(folder: Path, work: Path, env: dict[str, str]) -> dict[str, float]:
    """The Prefect flow on ``folder`` against a running server: the client's CPU from
    ``wait4`` plus the server's CPU over the same run (its services included)."""
    with running_server(env, work / "prefect-server-home") as (url, server):
        on_server = env | {"PREFECT_API_URL": url}
        check([str(DEMO)], work / "warm-server", on_server)  # register the flow: not timed
        before = tree_cpu(server)
        run = check([str(folder)], work / "out-prefect-server", on_server)
        server_cpu = tree_cpu(server) - before
    return run | {
        "client_cpu": run["cpu"],
        "server_cpu": server_cpu,
        "cpu": run["cpu"] + server_cpu,
    }


def staged_child() -> None:
    """``figcheck`` with the local engine's runner timing each step (CPU seconds).

    Runs in the measured child process (``--stages-child``): the stage times go to the file
    named by ``FIGCHECK_BENCH_STAGES`` when the command exits.
    """
    import atexit

    started = time.process_time()
    from flows import steps

    times: dict[str, float] = {}

    class Timed(steps.InProcess):
        def batch(self, name, fn, *args):
            t = time.process_time()
            times.setdefault("start-up", t - started)
            result = fn(*args)
            times[name] = times.get(name, 0.0) + time.process_time() - t
            return result

        def map(self, name, fn, chunks, *shared):
            t = time.process_time()
            result = [fn(chunk, *shared) for chunk in chunks]
            times[name] = times.get(name, 0.0) + time.process_time() - t
            return result

    steps.InProcess = Timed

    def save() -> None:
        stepped = sum(v for k, v in times.items())
        times["between steps (validate claims, exceptions, chart blocks, rows)"] = (
            time.process_time() - started - stepped
        )
        Path(os.environ[STAGES_ENV]).write_text(json.dumps(times), encoding="utf-8")

    atexit.register(save)
    from flows.cli import main

    sys.argv = ["figcheck", *sys.argv[2:]]
    main()


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    """Run the benchmark and print (and optionally write) its results."""
    if sys.argv[1:2] == ["--stages-child"]:
        staged_child()
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the one-article timings")
    parser.add_argument("--no-prefect", action="store_true", help="skip the Prefect batch")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(work / "prefect-home"),
        "PREFECT_LOCAL_STORAGE_PATH": str(work / "prefect-storage"),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",  # thousands of task-run log lines are not the bench
        # A loaded machine can take minutes to start the temporary server.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "900",
    }
    folder, small = work / "articles", work / "small"
    paths = make_batch(folder, args.articles, args.seed)
    small.mkdir()
    for p in paths[: args.small]:
        (small / p.name).write_bytes(p.read_bytes())
    one = [str(DEMO)]
    print(f"{args.articles} articles in {folder}", flush=True)
    r: dict = {"n": args.articles, "small_n": args.small}

    check(one, work / "warm", env, "--engine", "local")  # first run: caches, not timed
    stages_file = work / "stages.json"
    staged = [sys.executable, __file__, "--stages-child", "check", str(folder)]
    staged += ["--published", PUBLISHED, "--out", str(work / "out-local"), "--engine", "local"]
    r["local"] = measured(staged, env | {STAGES_ENV: str(stages_file)})
    r["stages"] = json.loads(stages_file.read_text(encoding="utf-8"))
    print(f"local: {r['local']}", flush=True)
    if not args.no_prefect:
        try:
            check(one, work / "warm-prefect", env)  # migrate Prefect's database: not timed
            r["prefect"] = check([str(folder)], work / "out-prefect", env)
            print(f"prefect: {r['prefect']}", flush=True)
            # Its own result storage: a warm extraction cache would skip the extraction.
            r["prefect_server"] = check_on_server(
                folder, work, env | {"PREFECT_LOCAL_STORAGE_PATH": str(work / "storage-2")}
            )
            print(f"prefect, running server: {r['prefect_server']}", flush=True)
        except SystemExit as exc:  # report the other figures all the same
            print(f"Prefect run failed: {exc}", file=sys.stderr, flush=True)
    r["small"] = check([str(small)], work / "out-small", env, "--engine", "local")
    r["one"] = median(
        [check(one, work / f"one-{i}", env, "--engine", "local") for i in range(args.repeat)]
    )
    floor = [sys.executable, "-c", "import pandas, pandera, great_expectations"]
    r["imports"] = median([measured(floor, env) for _ in range(args.repeat)])
    r["help"] = median([measured([str(FIGCHECK), "--help"], env) for _ in range(args.repeat)])
    r["pass"] = median([measured([sys.executable, "-c", "pass"], env) for _ in range(args.repeat)])
    text = report(r)
    print(text)
    if args.write:
        write_section(text)


def report(r: dict) -> str:
    """The results as a markdown section body."""
    n, local = r["n"], r["local"]
    rows = [("local engine", local)]
    if "prefect" in r:
        rows.append(("Prefect flow, thread runner (default)", r["prefect"]))
    if "prefect_server" in r:
        m = r["prefect_server"]
        name = (
            "Prefect flow, running server (client "
            f"{m['client_cpu']:.1f} + server {m['server_cpu']:.1f} CPU s)"
        )
        rows.append((name, m))
    table = "\n".join(
        f"| {name} | {m['cpu']:.1f} | {n / m['cpu']:.1f} | {m['wall']:.1f} | {n / m['wall']:.1f} "
        f"| {m['cpu'] / local['cpu']:.2f}× | {m['rss_mb']:.0f} |"
        for name, m in rows
    )
    total = sum(r["stages"].values())
    stages = "\n".join(
        f"| {name} | {s:.2f} | {s / total:.1%} |"
        for name, s in sorted(r["stages"].items(), key=lambda kv: -kv[1])
    )
    one, small = r["one"], r["small"]
    machine = (
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""### {when}, {machine}

{n} perturbed copies of the demo article, `--published {PUBLISHED}`, full reports (HTML with
charts, result JSON, CSV, ClaimReview, JUnit, GX Data Docs, history).

| path | CPU s | articles/CPU s | wall s | articles/wall s | CPU vs local | peak MB |
|---|---:|---:|---:|---:|---:|---:|
{table}

Local engine, CPU seconds by stage (same run; "extract claims" and "render" run per chunk
of articles, the rest once per batch):

| stage | CPU s | share |
|---|---:|---:|
{stages}

| comparison | CPU s | wall s | ratio (CPU) |
|---|---:|---:|---:|
| {r["small_n"]} articles, local | {small["cpu"]:.2f} | {small["wall"]:.2f} | {small["cpu"] / one["cpu"]:.2f}× one article |
| one article, local | {one["cpu"]:.2f} | {one["wall"]:.2f} | {one["cpu"] / r["imports"]["cpu"]:.2f}× the imports |
| `import pandas, pandera, great_expectations` | {r["imports"]["cpu"]:.2f} | {r["imports"]["wall"]:.2f} | |
| `figcheck --help` | {r["help"]["cpu"]:.2f} | {r["help"]["wall"]:.2f} | {r["help"]["cpu"] / max(r["pass"]["cpu"], 1e-3):.1f}× `python -c pass` |
| `python -c pass` | {r["pass"]["cpu"]:.2f} | {r["pass"]["wall"]:.2f} | |
"""


def write_section(body: str) -> None:
    """Put this run's results first in this benchmark's section of bench/README.md, above the
    earlier dated runs and the notes between them (kept: they are the baselines later runs
    are compared with)."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + f"\n\n{HEADING}\n\n{INTRO}\n\n{body}"
    else:
        nxt = text.find("\n## ", start + len(HEADING))
        end = nxt + 1 if nxt >= 0 else len(text)
        old = text[start:end]
        # Everything after the intro is kept: the earlier runs and any notes above them.
        intro_at = old.find(INTRO)
        first_run = old.find("\n### ")
        if intro_at >= 0:
            earlier = old[intro_at + len(INTRO) :].strip("\n")
        else:
            earlier = old[first_run + 1 :].rstrip("\n") if first_run >= 0 else ""
        section = f"{HEADING}\n\n{INTRO}\n\n{body.rstrip()}\n\n{earlier}".rstrip("\n")
        text = text[:start] + section + "\n\n" + text[end:]
    README.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
