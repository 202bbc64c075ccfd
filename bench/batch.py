"""Benchmark: one batch of articles through each engine, and figcheck's start-up cost.

Makes ``--articles`` (default 1,000) copies of the demo article with their figures perturbed,
then checks the whole batch, each in a fresh ``figcheck check`` process, through:

* ``--engine local`` (the steps in-process, no Prefect);
* the Prefect flow with its default (thread) task runner, on Prefect's temporary server;
* the Prefect flow on ``--task-runner dask`` (a local Dask cluster).

It prints articles/s for each and Prefect's overhead: per run (one article, Prefect minus
local: server start-up, flow and task bookkeeping) and per article on the batch. Then the
one-article ``--engine local`` wall time against ``python -c "import pandas, pandera,
great_expectations"``. Results go to stdout and, with ``--write``, to ``bench/README.md``
under this benchmark's own heading.

Usage: ``uv run python bench/batch.py [--articles 1000] [--seed 7] [--write]``
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sources" / "articles" / "kabulnow-2024-06-27-pakistan-threatens-strikes.txt"
FIGCHECK = Path(sys.executable).with_name("figcheck")
README = ROOT / "bench" / "README.md"
INTRO = """`uv run python bench/batch.py [--articles 1000] [--seed 7] [--write]` makes copies of the
demo article with their figures perturbed and checks the whole batch in a fresh `figcheck check`
process per path: `--engine local`, the Prefect flow on its default thread runner, and the flow
on `--task-runner dask` (a local Dask cluster). It prints articles/s per path, Prefect's
overhead per run and per article, and the one-article `--engine local` wall time against
importing pandas, pandera and great_expectations. Targets (issue 6): the Prefect path within
2× of the local engine on a batch; one article within 2× of those imports."""
HEADING = "## Engines and task runners on a batch (issue 6, `bench/batch.py`)"
PUBLISHED = "2024-06-28"
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


def timed(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one command; fails unless it exits 0 or 1 (1: some claim flagged)."""
    start = time.perf_counter()
    run = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if run.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args[:4])}… failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return seconds


def check(inputs: list[str], out: Path, env: dict[str, str], *options: str) -> float:
    """Time ``figcheck check`` on ``inputs`` with ``options``, into a fresh ``out``."""
    args = [str(FIGCHECK), "check", *inputs, "--published", PUBLISHED, "--out", str(out)]
    return timed([*args, *options], env)


def main() -> None:
    """Run the benchmark and print (and optionally write) its results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the one-article timings")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(work / "prefect-home"),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",  # thousands of task-run log lines are not the bench
    }
    folder = work / "articles"
    make_batch(folder, args.articles, args.seed)
    one = [str(DEMO)]

    def fresh(name: str) -> dict[str, str]:
        # Each Prefect run gets its own result storage: no run reuses another's cache.
        return env | {"PREFECT_LOCAL_STORAGE_PATH": str(work / f"storage-{name}")}

    print(f"{args.articles} articles in {folder}", flush=True)
    check(one, work / "warm", fresh("warm"))  # migrate Prefect's database: not timed
    lines: list[tuple[str, float, int]] = []
    for name, options in (
        ("local engine", ["--engine", "local"]),
        ("Prefect flow, thread runner (default)", []),
        ("Prefect flow, Dask runner (local cluster)", ["--task-runner", "dask"]),
    ):
        seconds = check([str(folder)], work / f"out-{len(lines)}", fresh(name), *options)
        lines.append((name, seconds, args.articles))
        print(f"{name}: {seconds:.1f} s, {args.articles / seconds:.1f} articles/s", flush=True)

    local_one = [
        check(one, work / f"one-l{i}", env, "--engine", "local") for i in range(args.repeat)
    ]
    prefect_one = [check(one, work / f"one-p{i}", fresh(f"one{i}")) for i in range(args.repeat)]
    imports = [
        timed([sys.executable, "-c", "import pandas, pandera, great_expectations"], env)
        for _ in range(args.repeat)
    ]
    local_s, prefect_s, import_s = (statistics.median(x) for x in (local_one, prefect_one, imports))
    per_run = prefect_s - local_s
    per_article = (lines[1][1] - lines[0][1] - per_run) / args.articles
    results = {
        "batch": lines,
        "local_one": local_s,
        "prefect_one": prefect_s,
        "imports": import_s,
        "per_run": per_run,
        "per_article": per_article,
    }
    text = report(results, args.articles)
    print(text)
    if args.write:
        write_section(text)


def report(r: dict, n: int) -> str:
    """The results as a markdown section body."""
    local = r["batch"][0][1]
    rows = "\n".join(
        f"| {name} | {s:.1f} | {n / s:.1f} | {s / local:.2f}× |" for name, s, _ in r["batch"]
    )
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    return f"""### {date.today().isoformat()}, {machine}

{n} perturbed copies of the demo article, `--published {PUBLISHED}`, each engine in a fresh
`figcheck check` process (start-up included), Prefect on its temporary server with a warm
database and an empty result cache.

| path | seconds | articles/s | time vs local |
|---|---:|---:|---:|
{rows}

Prefect's overhead: **{r["per_run"]:.1f} s per run** (one article: {r["prefect_one"]:.1f} s
through the flow vs {r["local_one"]:.1f} s local; mostly the temporary server's start-up) and
**{r["per_article"] * 1000:.0f} ms per article** on the batch (three task runs per article).

One article, `--engine local`: **{r["local_one"]:.1f} s** wall vs **{r["imports"]:.1f} s** for
`python -c "import pandas, pandera, great_expectations"` ({r["local_one"] / r["imports"]:.2f}×;
medians of the runs).
"""


def write_section(body: str) -> None:
    """Replace this benchmark's section of bench/README.md (other sections stay as they are)."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    section = f"{HEADING}\n\n{INTRO}\n\n{body}"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section.rstrip("\n") + ("\n" + text[nxt:] if nxt >= 0 else "\n")
    README.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
