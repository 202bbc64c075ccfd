"""Benchmark: judge + GX-validate 1,000 articles in one batch vs one validation per article.

The articles are the demo article with its numbers perturbed (some figures nudged past their
rounding, some scaled, some weekdays changed), so that a realistic share of claims becomes
contradicted or disputed and many evidence rows disagree. Claims are extracted once, before
timing; both paths then judge and GX-validate the same claims in the same process:

* batch: one ``judge`` over every article's claims and one GX validation of all evidence;
* per article: ``judge`` and one GX validation per article, as a loop over single runs.

Both paths cross-check GX against the judge row by row, and the batch's verdicts must equal
the per-article verdicts. Data Docs are off in the timed comparison (the per-article path
would rebuild a growing index page every time); the batch is also timed with Data Docs on.

Usage: ``uv run python bench/verify.py [--articles 1000] [--seed 7]``
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.judge import judge
from checks.precision import Tolerances
from checks.schemas import ClaimSchema as C
from flows.steps import check_agreement, extract_all
from sources.articles import DEMO_ARTICLE, read_article, read_text
from sources.references import load_references

PUBLISHED = date(2024, 6, 28)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def perturb(text: str, spans: list[tuple[int, int, str]], rng: random.Random) -> str:
    """Return ``text`` with the numbers inside each claim span perturbed.

    Per numeric claim: 55% unchanged, 25% nudged by one unit of the last digit (usually
    past the claim's precision), 20% scaled by 0.5-1.5; a weekday is changed in 10%.
    """
    out = text
    for start, end, kind in sorted(spans, reverse=True):
        piece = out[start:end]
        if kind == "date":
            if rng.random() < 0.10:
                piece = piece.replace("Thursday", "Friday")
        else:
            roll = rng.random()
            if roll < 0.55:
                continue
            factor = rng.uniform(0.5, 1.5) if roll >= 0.80 else None
            step = rng.choice([-1, 1])
            piece = NUMBER.sub(lambda m, f=factor, s=step: _change(m.group(), f, s), piece)
        out = out[:start] + piece + out[end:]
    return out


def _change(number: str, factor: float | None, step: int) -> str:
    """Scale ``number`` or move it one unit of its last non-zero digit, keeping its style."""
    value = float(number.replace(",", ""))
    decimals = len(number.split(".")[1]) if "." in number else 0
    if factor is None:
        digits = number.replace(",", "").split(".")[0]
        unit = 10 ** (len(digits) - len(digits.rstrip("0"))) if decimals == 0 else 10**-decimals
        new = max(value + step * unit, unit)
    else:
        new = value * factor
        if value >= 1000:  # keep round numbers round
            new = round(new, -len(str(int(value))) + 2)
    text = f"{new:,.{decimals}f}" if "," in number else f"{new:.{decimals}f}"
    return text


def make_articles(n: int, seed: int) -> list:
    """Return ``n`` perturbed copies of the demo article (ids ``bench-0000`` ...)."""
    demo = read_article(DEMO_ARTICLE, published=PUBLISHED)
    claims = extract_all([demo])
    spans = list(zip(claims[C.start], claims[C.end], claims[C.kind], strict=True))
    rng = random.Random(seed)
    return [
        read_text(perturb(demo.text, spans, rng), name=f"bench-{i:04d}", published=PUBLISHED)
        for i in range(n)
    ]


def run_batch(claims, refs, published, tol, docs_dir=None) -> tuple[float, pd.DataFrame, int]:
    """Judge and GX-validate every article at once; return seconds, verdicts, evidence rows."""
    from checks.gx_suite import validate_evidence

    t0 = time.perf_counter()
    evidence, verdicts = judge(claims, refs, published, tol)
    outcome = validate_evidence(evidence, docs_dir)
    check_agreement(evidence, outcome.row_results)
    return time.perf_counter() - t0, verdicts, len(evidence)


def run_per_article(claims, refs, published, tol) -> tuple[float, pd.DataFrame]:
    """Judge and GX-validate one article at a time; return seconds and all verdicts."""
    from checks.gx_suite import validate_evidence

    frames = []
    t0 = time.perf_counter()
    for _, mine in claims.groupby(C.article_id, sort=False):
        evidence, verdicts = judge(mine, refs, published, tol)
        outcome = validate_evidence(evidence)
        check_agreement(evidence, outcome.row_results)
        frames.append(verdicts)
    return time.perf_counter() - t0, pd.concat(frames, ignore_index=True)


def main() -> None:
    """Run the benchmark and print the figures for ``bench/README.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    t0 = time.perf_counter()
    articles = make_articles(args.articles, args.seed)
    claims = extract_all(articles)
    refs = load_references()
    tol = Tolerances.load()
    published = {a.id: a.published for a in articles}
    setup = time.perf_counter() - t0
    print(f"setup: {len(articles)} articles, {len(claims)} claims extracted in {setup:.1f} s")

    import great_expectations  # noqa: F401  # import cost (seconds) is paid once, untimed

    # Warm both paths on one article, so neither pays first-call costs inside the timing.
    run_per_article(claims[claims[C.article_id] == articles[0].id], refs, published, tol)

    batch_s, batch_verdicts, n_evidence = run_batch(claims, refs, published, tol)
    with tempfile.TemporaryDirectory() as docs:
        docs_s, _, _ = run_batch(claims, refs, published, tol, Path(docs))
    single_s, single_verdicts = run_per_article(claims, refs, published, tol)

    key = [C.article_id, C.claim_id]
    same = (
        batch_verdicts.sort_values(key)
        .reset_index(drop=True)
        .equals(single_verdicts.sort_values(key).reset_index(drop=True))
    )
    n = len(articles)
    counts = batch_verdicts["verdict"].value_counts().to_dict()
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{_cpus()} CPUs, Python {platform.python_version()}"
    )
    print(f"evidence rows: {n_evidence}; verdicts: {counts}")
    print(
        f"batch (judge + one GX validation):       {batch_s:6.2f} s  {n / batch_s:7.1f} articles/s"
    )
    print(
        f"batch with Data Docs:                     {docs_s:6.2f} s  {n / docs_s:7.1f} articles/s"
    )
    print(
        f"per article (judge + GX per article):    {single_s:6.2f} s  {n / single_s:7.1f} articles/s"
    )
    print(f"speed-up of the batch: {single_s / batch_s:.1f}x")
    print(f"batch verdicts equal per-article verdicts: {same}")
    if not same:
        raise SystemExit("batch and per-article verdicts differ")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    main()
