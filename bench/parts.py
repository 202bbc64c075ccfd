"""Benchmark: a long text's parts read on several cores, against one process (the baseline).

``figcheck extract`` reads a text too long to be an article in parts (``sources.parts``),
on as many worker processes as the machine gives it (``flows.steps.extract_all``). This
times ``extract_all`` on the same text with one process (``--workers 1``: the baseline, the
parts read one after the other) and with the workers, alternated ``--rounds`` times, each
run in a fresh interpreter so that its peak memory is its own; it prints wall seconds, CPU
seconds (its own and its workers'), peak memory and a hash of the claims table, and exits 1
when the two tables differ.

The text is ``bench/scaling.py``'s: the labelled set's real excerpts repeated (``--text
devset``, the densest real reporting, about 14,700 figures per MB) or the generator's
(``--text generated``, 6,700 per MB).

Usage: ``uv run python bench/parts.py [--mb 50] [--text devset|generated] [--rounds 2]
[--workers N]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _one(mb: float, text_kind: str, workers: int) -> dict:
    """One timed ``extract_all`` in this process (run as a child of ``main``)."""
    from bench.extract import build_text
    from bench.scaling import devset_text
    from flows.steps import extract_all
    from sources.articles import Article, normalise_text

    base = devset_text() if text_kind == "devset" else build_text(2**20, 7)
    text = (base * (int(mb * 2**20 / len(base)) + 1))[: int(mb * 2**20)]
    checked, _ = normalise_text(text)
    article = Article(id="bench", title="", published="2024-06-28", path="-", text=checked)
    del text
    wall, cpu = time.perf_counter(), time.process_time()
    claims = extract_all([article], workers=workers)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    digest = hashlib.sha256(claims.to_csv(index=False).encode()).hexdigest()[:16]
    return {
        "workers": workers, "claims": len(claims), "hash": digest,
        "wall": round(wall, 1), "cpu": round(cpu, 1),
        "workers_cpu": round(children.ru_utime + children.ru_stime, 1),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "worker_peak_mb": children.ru_maxrss // 1024,
    }


def main(argv: list[str] | None = None) -> int:
    from flows.workers import usable_cores

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--text", choices=("devset", "generated"), default="devset")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=usable_cores(),
                    help="worker processes of the measured run (default: the usable cores)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's single run
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(_one(args.mb, args.text, args.one)))
        return 0

    print(f"{args.mb:g} MB of {args.text} text; baseline: one process; measured: "
          f"{args.workers} workers")
    print(f"{'run':<22} {'wall s':>7} {'CPU s':>7} {'workers CPU s':>13} {'peak MB':>8} "
          f"{'worker peak MB':>14} {'claims':>8}  hash")
    hashes, walls = set(), {1: [], args.workers: []}
    for _ in range(args.rounds):
        for workers in (1, args.workers):
            run = subprocess.run(
                [sys.executable, __file__, "--mb", str(args.mb), "--text", args.text,
                 "--one", str(workers)],
                check=True, capture_output=True, text=True,
            )
            r = json.loads(run.stdout.strip().splitlines()[-1])
            name = "baseline (one process)" if workers == 1 else f"{workers} workers"
            print(f"{name:<22} {r['wall']:7.1f} {r['cpu']:7.1f} {r['workers_cpu']:13.1f} "
                  f"{r['peak_mb']:8d} {r['worker_peak_mb']:14d} {r['claims']:8d}  {r['hash']}",
                  flush=True)
            hashes.add(r["hash"])
            walls[workers].append(r["wall"])
    one, many = min(walls[1]), min(walls[args.workers])
    print(f"best wall: baseline {one:.1f} s, {args.workers} workers {many:.1f} s "
          f"({one / many:.2f}x); tables {'identical' if len(hashes) == 1 else 'DIFFER'}")
    return 0 if len(hashes) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
