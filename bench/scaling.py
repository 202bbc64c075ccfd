"""Benchmark: is extraction linear in document size? (a benchmark, never a timed unit test)

Builds news-like text with ``bench/extract.py``'s generator (fixed seed) at doubling sizes,
times ``normalise_text`` + ``extract_claims`` on each as one article, and prints the time
and the ratio to the previous size. Linear cost doubles the time when the input doubles;
a quadratic step quadruples it. Exits 1 when a doubling costs more than ``--max-ratio``
(default 2.6: about double, with room for noise on a shared machine).

``--text devset`` repeats instead the real news of the labelled set (``../shared/eval/
devset.yaml``, its articles' texts joined): excerpts chosen for their figures, about 14,700
figures per MB against the generator's 6,700, so the time per MB is that of real reporting
about as dense as it gets.

Usage: ``uv run python bench/scaling.py [--start-mb 1] [--max-mb 16] [--max-ratio 2.6]
[--text generated|devset]``
(``--max-mb 50`` for the 50 MB point of the README's limits; on the shared 2-core machine it
took about 70 CPU-s under load and 1.5 GB of memory before issue 15's last changes, 55 CPU-s
after them (2026-12-03), 52 CPU-s after branch i15fast (2026-12-03 04:00, load average 2;
base 54 CPU-s in the same minutes), 50–53 CPU-s after branch i15b (06:45–07:03, load average 2;
base 55–63 CPU-s in the same minutes), 1.45 GB; 38–40 CPU-s after branch i15c (16:54–17:01, load
average 1.5; base 42–43 CPU-s in the same minutes), 1.53 GB; 38.9–39.1 CPU-s after branch i15e
(2026-12-03 21:55–22:03, load average 1.4–1.8; base 40.6–40.8 in the same minutes); 37.3
CPU-s (median) after branch i15g (2026-12-03 23:45–12-04 00:05, load average 1.1–3.6; base
38.2 in the same minutes), see bench/README.md.)
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract import build_text
from sources.articles import normalise_text
from sources.extract import extract_claims

DEVSET = ROOT.parent / "shared" / "eval" / "devset.yaml"


def devset_text() -> str:
    """The labelled set's article texts, joined as paragraphs of one document."""
    import yaml

    articles = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))["articles"]
    return "\n\n".join(a["text"] for a in articles if a.get("text"))


def sizes(start_mb: float, max_mb: float) -> list[float]:
    """``start_mb`` doubled until ``max_mb`` (which is always the last size)."""
    out = []
    mb = start_mb
    while mb < max_mb:
        out.append(mb)
        mb *= 2
    return [*out, max_mb]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start-mb", type=float, default=1.0)
    ap.add_argument("--max-mb", type=float, default=16.0)
    ap.add_argument("--max-ratio", type=float, default=2.6)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--text", choices=("generated", "devset"), default="generated",
                    help="what is repeated to each size (default: the generator's news)")
    args = ap.parse_args(argv)

    base = devset_text() if args.text == "devset" else build_text(
        int(args.start_mb * 2**20), args.seed)
    print(f"{'MB':>6} {'seconds':>8} {'claims':>8} {'ratio':>6}  (time / time at previous size)")
    previous: tuple[float, float] | None = None
    worst = 0.0
    for mb in sizes(args.start_mb, args.max_mb):
        # Repeat the generated text: the same density of figures at every size.
        text = (base * (int(mb * 2**20 / len(base)) + 1))[: int(mb * 2**20)]
        gc.collect()
        t0 = time.process_time()
        checked, _ = normalise_text(text)
        claims = extract_claims(checked, "bench", "2024-06-28")
        seconds = time.process_time() - t0
        ratio = ""
        if previous:
            # Scale to the size step actually taken (the last step may be less than double).
            r = (seconds / previous[1]) / (mb / previous[0]) * 2
            worst = max(worst, r)
            ratio = f"{r:6.2f}"
        print(f"{mb:6.1f} {seconds:8.1f} {len(claims):8d} {ratio:>6}", flush=True)
        previous = (mb, seconds)
        del text, checked, claims
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB; worst doubling ratio {worst:.2f} (limit {args.max_ratio})")
    return 1 if worst > args.max_ratio else 0


if __name__ == "__main__":
    raise SystemExit(main())
