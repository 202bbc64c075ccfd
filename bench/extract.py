"""Benchmark: claim extraction throughput and peak memory, against quantulum3 in the same run.

The text (default 2.5 MB) is the bundled demo article plus synthetic news paragraphs built from
sentence templates with numbers in many forms: counts with separators and scale words
("1.2 million", "$3bn", "Rs50 billion", "2.5 lakh"), number words ("two hundred and fifty",
"a dozen", "tens of thousands"), fractions ("two-thirds of"), ratios ("one in five"),
percentages ("%", "percent", "per cent", "pc", "percentage points"), changes, shares,
ranges ("5,000 to 6,000", "between 20 and 30"), hedges, dates, years, ordinals, names with
digits ("Covid-19"), places and sources — drawn at random (fixed seed) so that no paragraph
repeats. Filler sentences without figures keep the density news-like (about one claim per
150 characters, denser than most news; the run prints the density).

Measured on one core (the process is single-threaded):

* figcheck: ``extract_claims`` on the whole text as one article: MB/s, claims/s; then the same
  call under ``tracemalloc`` for peak Python memory (tracing slows it, so it is not timed);
* figcheck's number recognizer alone (``find_numbers``), for reference;
* both timings are the best of ``--repeat`` runs (default 3), the usual way to discount noise
  from other processes; the same number of runs for both;
* quantulum3 ``parser.parse`` on a fixed subset (default the first 100 kB, paragraph by
  paragraph, since quantulum3 is slow): its characters per second are scaled to the whole
  text, and the ratio is figcheck's throughput over quantulum3's.

Usage: ``uv run python bench/extract.py [--mb 2.5] [--quantulum-kb 100] [--seed 7] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sources.articles import DEMO_ARTICLE
from sources.extract import extract_claims
from sources.numbers import find_numbers

PLACES = [
    "Pakistan",
    "Afghanistan",
    "Khyber Pakhtunkhwa",
    "Balochistan",
    "KP",
    "Punjab",
    "Sindh",
    "Kabul",
    "Khost",
    "Paktika",
    "Nangarhar",
    "Islamabad",
    "Karachi",
    "Quetta",
]
SOURCES = [
    "PIPS",
    "CRSS",
    "PICSS",
    "the Interior Ministry",
    "the UN Monitoring Team",
    "Amnesty International",
    "the provincial police",
    "officials",
    "Asif Durrani",
    "the World Bank",
    "UNHCR",
]
METRICS = [
    "attacks",
    "people were killed",
    "civilians died",
    "soldiers were wounded",
    "militants",
    "fighters",
    "incidents",
    "suicide bombings",
    "refugees returned",
    "families were displaced",
    "schools were closed",
    "operations were conducted",
]
WORDS = [
    "three",
    "twenty-five",
    "two hundred and fifty",
    "a dozen",
    "forty-two",
    "one hundred and six",
    "nine",
    "sixteen",
    "a hundred",
    "five thousand",
    "two and a half million",
    "seventy",
]
HEDGES = [
    "",
    "",
    "",
    "about ",
    "over ",
    "more than ",
    "nearly ",
    "at least ",
    "up to ",
    "an estimated ",
    "some ",
    "fewer than ",
    "almost ",
    "roughly ",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER = [
    "The government has not commented on the report.",
    "Analysts say the situation remains fragile along the border.",
    "Residents described scenes of panic as security forces cordoned off the area.",
    "The spokesman declined to give further details, citing the ongoing investigation.",
    "Opposition lawmakers demanded a debate in parliament on the security situation.",
    "Talks between the two sides have stalled since the spring.",
    "Local elders called for calm and urged the authorities to reopen the roads.",
    "The second round of negotiations is expected to begin after the holidays.",
    "Officials in Islamabad and Kabul traded accusations over the weekend.",
    "Aid agencies warned that access to the worst-hit districts remains limited.",
    "The Covid-19 pandemic had already strained hospitals in the province.",
    "Critics argue that the strategy has failed to address the root causes of the conflict.",
    (
        "Security was tightened around government buildings, and checkpoints were set up on the "
        "main roads leading into the city, according to witnesses who spoke to reporters."
    ),
    (
        "The prime minister chaired a meeting of the national security committee, which reviewed "
        "the situation on the western border and the progress of the military operation."
    ),
    (
        "Human rights groups have repeatedly urged both governments to protect civilians and to "
        "allow independent journalists into the affected areas."
    ),
    "Shopkeepers in the old city said business had slowed sharply since the attacks began.",
]


def _num(rng: random.Random) -> str:
    """A count in one of many written forms."""
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 99999)])
    form = rng.randrange(8)
    if form == 0:
        return f"{n:,}"
    if form == 1:
        return str(n)
    if form == 2:
        return rng.choice(WORDS)
    if form == 3:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"
    if form == 4:
        return f"{n:,}".replace(",", " ") if n > 999 else str(n)
    if form == 5:
        return rng.choice(["tens of thousands of", "hundreds of", "dozens of", "thousands of"])
    if form == 6:
        return f"{rng.randint(1, 9)},{rng.randint(10, 99)},{rng.randint(100, 999)}"
    return f"{rng.randint(2, 40)} lakh"


def _pct(rng: random.Random) -> str:
    """A percentage in one of many written forms."""
    v = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"])
    unit = rng.choice(["%", "%", " percent", " per cent", "pc", " percentage points"])
    return v + unit


def _sentence(rng: random.Random, year: int) -> str:
    """One synthetic news sentence with figures."""
    place, src, metric = rng.choice(PLACES), rng.choice(SOURCES), rng.choice(METRICS)
    hedge = rng.choice(HEDGES)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    a = rng.randint(100, 9000)
    templates = [
        f"According to {src}, {hedge}{_num(rng)} {metric} in {place} in {year}.",
        f"{src} said {hedge}{_num(rng)} {metric} in {place} last year, up {_pct(rng)} on {year - 1}.",
        f"In {place}, {_pct(rng)} of {metric.split()[0]} were recorded in the first half of {year}.",
        (
            f"Between {a:,} and {a + rng.randint(100, 900):,} {metric} were reported, a {_pct(rng)} "
            f"increase from the previous year."
        ),
        (
            f"On {rng.choice(['Monday', 'Tuesday', 'Friday'])}, {month} {day}, {src} recorded "
            f"{hedge}{_num(rng)} {metric} across {place}."
        ),
        (
            f"Deaths rose from {a:,} in {year - 1} to {a + rng.randint(10, 900):,} in {year}, "
            f"{src} found."
        ),
        (
            f"Donors pledged ${rng.randint(1, 9)}.{rng.randint(1, 9)}bn, while the provincial budget "
            f"set aside Rs{rng.randint(10, 900)} billion for security."
        ),
        (
            f"Nearly two-thirds of {metric.split()[0]} and one in {rng.randint(3, 9)} casualties "
            f"were in {place}, the {rng.choice(['second', 'third', 'fifth'])} highest share."
        ),
        (
            f"The estimate of {a:,}-{a + 1000:,} {metric} in {month} {year} was revised to "
            f"{hedge}{_num(rng)}."
        ),
        f"{src} estimates that {_num(rng)} {metric} remain in {place}, a fall of {_pct(rng)}.",
        (
            f"Under Resolution {rng.randint(1000, 2700)}, page {rng.randint(2, 300)} of the report "
            f"lists {_num(rng)} {metric} for {month}."
        ),
        (
            f"The {rng.randint(2, 40)}-year-old commander was among {_num(rng)} {metric} near the "
            f"border at 10:30 am on {day} {month} {year}."
        ),
    ]
    return rng.choice(templates)


def build_text(target_bytes: int, seed: int) -> str:
    """The demo article followed by synthetic paragraphs, to ``target_bytes`` of UTF-8."""
    rng = random.Random(seed)
    parts = [DEMO_ARTICLE.read_text(encoding="utf-8")]
    size = len(parts[0].encode())
    while size < target_bytes:
        year = rng.randint(2015, 2024)
        sentences = [
            _sentence(rng, year) if rng.random() < 0.3 else rng.choice(FILLER)
            for _ in range(rng.randint(3, 7))
        ]
        para = " ".join(sentences)
        parts.append(para)
        size += len(para.encode()) + 2
    return "\n\n".join(parts)


def _time(fn, *args) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures; exit 1 when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.5, help="text size in MB (default 2.5)")
    ap.add_argument(
        "--quantulum-kb",
        type=int,
        default=100,
        help="size of the subset quantulum3 parses (default 100 kB; 0 skips it)",
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed runs per extractor; the best is reported (default 3)",
    )
    args = ap.parse_args(argv)

    text = build_text(int(args.mb * 1_000_000), args.seed)
    mb = len(text.encode()) / 1e6
    print(
        f"figcheck extraction benchmark — {time.strftime('%Y-%m-%d')} — "
        f"{platform.platform()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}"
    )
    print(
        f"text: {mb:.2f} MB, {len(text):,} characters, {text.count(chr(10) * 2) + 1:,} "
        f"paragraphs (seed {args.seed})"
    )

    extract_claims("Warm-up: 5 attacks in 2023.", "warm", "2024-06-28")  # load vocabularies
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    runs = [_time(extract_claims, text, "bench", "2024-06-28") for _ in range(args.repeat)]
    secs, claims = min(runs, key=lambda r: r[0])
    del runs
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n_claims = len(claims)  # type: ignore[arg-type]
    ours_cps = len(text) / secs
    print(
        f"figcheck extract_claims (best of {args.repeat}): {secs:.2f} s, {mb / secs:.2f} MB/s, "
        f"{n_claims:,} claims ({n_claims / secs:,.0f} claims/s; one claim per "
        f"{len(text) / max(n_claims, 1):.0f} characters)"
    )
    rsecs, numbers = _time(find_numbers, text)
    print(
        f"  number recognizer alone (find_numbers): {rsecs:.2f} s, {mb / rsecs:.2f} MB/s, "
        f"{len(numbers):,} numbers"
    )  # type: ignore[arg-type]
    del claims, numbers
    gc.collect()
    tracemalloc.start()
    extract_claims(text, "bench", "2024-06-28")
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  peak traced memory: {peak / 2**20:.0f} MiB ({peak / len(text.encode()):.0f}× the "
        f"text); max RSS grew {(rss1 - rss0) / 1024:.0f} MiB during the timed run"
    )

    ok = mb / secs >= 1.0
    if args.quantulum_kb:
        t0 = time.perf_counter()
        from quantulum3 import parser  # slow to import (~5 s)

        parser.parse("warm up 5%")
        load = time.perf_counter() - t0
        subset, size = [], 0
        for para in text.split("\n\n"):
            if size >= args.quantulum_kb * 1000:
                break
            subset.append(para)
            size += len(para)
        best = []
        for _ in range(args.repeat):
            qsecs = 0.0
            quantities = 0
            for para in subset:
                s, out = _time(parser.parse, para)
                qsecs += s
                quantities += len(out)  # type: ignore[arg-type]
            best.append(qsecs)
        qsecs = min(best)
        q_cps = size / qsecs
        ratio = ours_cps / q_cps
        print(
            f"quantulum3 parser.parse (best of {args.repeat}) on the first {size:,} characters ({len(subset)} "
            f"paragraphs): {qsecs:.2f} s, {q_cps:,.0f} chars/s, {quantities:,} quantities; "
            f"scaled to the whole text: {len(text) / q_cps:,.0f} s (load {load:.1f} s, "
            f"not counted)"
        )
        print(f"figcheck / quantulum3 throughput: {ratio:.0f}× (figcheck {ours_cps:,.0f} chars/s)")
        ok = ok and ratio >= 30
    print("targets (≥ 1 MB/s, ≥ 30× quantulum3):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
