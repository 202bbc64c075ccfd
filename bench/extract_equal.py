"""Equality check: does a change to the extractor leave every claims table as it was?

A speed change to ``sources/`` must not move a single claim. This script extracts the claims
tables of a fixed set of texts and saves them, or compares them with tables saved earlier
(from another commit), row by row and column by column:

* every article of the labelled set (``/work/shared/eval/devset.yaml``: ``articles`` with
  ``id``, ``published`` and ``text``), with its publication date;
* the bundled demo article(s) (``/work/shared/articles/*.txt``, date read from the name);
* generated news text from ``bench/extract.py``'s ``build_text`` (fixed seeds) at several
  sizes, plain and perturbed: lower-cased, paragraphs run together, full stops removed (one
  run-on "sentence"), cut at an arbitrary offset, and without a publication date.

Each text goes through ``normalise_text`` then ``extract_claims``, as the pipeline does.

Usage (base tables from another commit, then the current tree against them)::

    git archive 59ad1be sources checks | (mkdir -p /tmp/fc-base && tar -x -C /tmp/fc-base)
    .venv/bin/python bench/extract_equal.py --root /tmp/fc-base --save /tmp/base-claims.pkl
    .venv/bin/python bench/extract_equal.py --against /tmp/base-claims.pkl

``--root DIR`` imports ``sources``/``checks`` from DIR instead of this tree (the texts are
still built by this tree's generator). Exits 1 when any table differs, printing the first
differences of each.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import pickle
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")

# (seed, size in bytes) of the generated texts; each is read in several perturbed forms.
GENERATED = [(seed, size) for seed, size in zip(range(1, 11),
                                                 [3_000, 8_000, 20_000, 50_000, 120_000] * 2)]
PERTURBATIONS = ("plain", "lower", "one_paragraph", "no_full_stops", "cut", "no_date")


def _perturb(text: str, how: str, rng: random.Random) -> tuple[str, str | None]:
    """``text`` changed as ``how`` says, and the publication date to read it with."""
    published: str | None = "2024-06-28"
    if how == "lower":
        text = text.lower()
    elif how == "one_paragraph":
        text = re.sub(r"\s*\n\s*", " ", text)
    elif how == "no_full_stops":
        text = re.sub(r"\.(\s)", r"\1", text)
    elif how == "cut":
        a = rng.randrange(len(text) // 3)
        text = text[a: a + len(text) // 2]
    elif how == "no_date":
        published = None
    return text, published


def cases() -> list[tuple[str, str, str | None]]:
    """(name, text, published) of every text compared."""
    import yaml

    out: list[tuple[str, str, str | None]] = []
    dev = yaml.safe_load((SHARED / "eval" / "devset.yaml").read_text(encoding="utf-8"))
    for art in dev["articles"]:
        pub = art.get("published")
        out.append((f"dev:{art['id']}", art["text"], str(pub) if pub else None))
    for path in sorted((SHARED / "articles").glob("*.txt")):
        m = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
        out.append((f"article:{path.name}", path.read_text(encoding="utf-8"),
                    m.group(1) if m else None))
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    for seed, size in GENERATED:
        base = gen.build_text(size, seed)
        rng = random.Random(seed)
        for how in PERTURBATIONS:
            text, pub = _perturb(base, how, rng)
            out.append((f"gen:{seed}:{size}:{how}", text, pub))
    return out


def tables(root: Path | None) -> dict[str, object]:
    """The claims table of every case, extracted with ``sources`` from ``root`` (or here)."""
    sys.path.insert(0, str(root or ROOT))
    from sources.articles import normalise_text
    from sources.extract import extract_claims

    out = {}
    t0 = time.process_time()
    for name, text, pub in cases():
        checked, _ = normalise_text(text)
        out[name] = extract_claims(checked, name, pub)
    print(f"{len(out)} texts, {sum(len(t) for t in out.values())} claims, "
          f"{time.process_time() - t0:.1f} CPU-s", file=sys.stderr)
    return out


def differences(base: dict, new: dict, show: int = 3) -> list[str]:
    """Lines describing every case whose table differs (empty when all are equal)."""
    lines = []
    for name in sorted(set(base) | set(new)):
        a, b = base.get(name), new.get(name)
        if a is None or b is None:
            lines.append(f"{name}: only in {'new' if a is None else 'base'}")
            continue
        if list(a.columns) != list(b.columns) or list(a.dtypes) != list(b.dtypes):
            lines.append(f"{name}: columns or dtypes differ")
            continue
        if len(a) != len(b):
            lines.append(f"{name}: {len(a)} claims before, {len(b)} now")
        if a.reset_index(drop=True).equals(b.reset_index(drop=True)):
            continue
        shown = 0
        for i in range(min(len(a), len(b))):
            ra, rb = a.iloc[i], b.iloc[i]
            cols = [c for c in a.columns
                    if not (ra[c] == rb[c] or (_missing(ra[c]) and _missing(rb[c])))]
            if cols:
                lines.append(f"{name} row {i}: " + "; ".join(
                    f"{c}: {ra[c]!r} -> {rb[c]!r}" for c in cols))
                shown += 1
                if shown >= show:
                    break
        if not shown:
            lines.append(f"{name}: tables differ")
    return lines


def _missing(v: object) -> bool:
    """None or NaN (both mean "no value" in a claims table)."""
    return v is None or (isinstance(v, float) and math.isnan(v))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, help="import sources/ and checks/ from this folder")
    ap.add_argument("--save", type=Path, help="write the tables to this pickle")
    ap.add_argument("--against", type=Path, help="compare with tables saved by --save")
    a = ap.parse_args(argv)
    if not (a.save or a.against):
        ap.error("give --save FILE or --against FILE")
    new = tables(a.root)
    if a.save:
        a.save.write_bytes(pickle.dumps(new))
        print(f"saved {len(new)} tables to {a.save}")
    if a.against:
        base = pickle.loads(a.against.read_bytes())
        diff = differences(base, new)
        print("\n".join(diff) if diff else
              f"equal: {len(new)} tables, {sum(len(t) for t in new.values())} claims")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
