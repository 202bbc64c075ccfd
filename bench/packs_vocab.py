"""What ISO 3166 regions cost: vocabulary load time and extraction time per article.

Compares the extractor's lexicon built three ways, on the dev set's article texts
(``../shared/eval/devset.yaml``, read by this benchmark only):

- bundled: the curated ``sources/vocab`` only (what a run without packs uses);
- pack countries: plus the ISO names of the countries a pack's data uses (IN and AF here),
  which is what figcheck does;
- all ISO: every country and every first-level subdivision name (~3,900 names), the
  alternative that was measured and rejected.

Run: ``.venv/bin/python bench/packs_vocab.py`` (each timing is the best of 7 passes).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "eval" / "devset.yaml"
if not DEVSET.is_file():
    DEVSET = Path("/work/shared/eval/devset.yaml")


def cold(code: str) -> float:
    """Seconds a fresh interpreter spends on ``code`` (imports included)."""
    script = f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from sources import iso_regions, lexicon
    from sources.extract import extract_claims

    print("cold start, best of 3 fresh processes:")
    for label, code in [
        ("import pycountry", "import pycountry"),
        ("pycountry countries + subdivisions",
         "import pycountry; list(pycountry.countries); list(pycountry.subdivisions)"),
        ("bundled lexicon", "from sources.lexicon import load_lexicon; load_lexicon()"),
        ("lexicon with IN names",
         ("from sources.lexicon import lexicon_for, LexiconScope; "
         "lexicon_for(LexiconScope((), frozenset({'IN-JK'})))")),
    ]:
        print(f"  {label:40s} {min(cold(code) for _ in range(3)):.3f} s")

    articles = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))["articles"]
    texts = [(a["id"], a["text"], str(a.get("published") or "")[:10] or None) for a in articles]

    all_codes = set(iso_regions.countries())
    for country in list(all_codes):
        all_codes |= set(iso_regions.subdivisions(country))
    variants = {
        "bundled": lexicon.load_lexicon(),
        "pack countries (IN, AF)": lexicon.load_lexicon(
            lexicon.VOCAB_DIR, (), frozenset({"IN-JK", "AF-HEL"})
        ),
    }
    t = time.perf_counter()
    variants["all ISO"] = lexicon.load_lexicon(lexicon.VOCAB_DIR, (), frozenset(all_codes))
    print(f"\nbuilding the all-ISO lexicon: {time.perf_counter() - t:.2f} s")
    print(f"\nextraction over {len(texts)} dev-set articles (best of 7, variants interleaved):")
    best = dict.fromkeys(variants, float("inf"))
    frames: dict[str, list] = {}
    for _ in range(7):  # interleaved, so that a busy machine slows every variant alike
        for label, lex in variants.items():
            t = time.perf_counter()
            frames[label] = [extract_claims(text, i, pub, lex) for i, text, pub in texts]
            best[label] = min(best[label], time.perf_counter() - t)
    base = frames["bundled"]
    for label, lex in variants.items():
        per = best[label] / len(texts) * 1000
        changed = sum(
            (f["region"].fillna("") != b["region"].fillna("")).sum()
            for f, b in zip(frames[label], base, strict=True) if len(f) == len(b)
        )
        print(f"  {label:26s} {per:6.2f} ms/article, {len(lex.region_by_alias):5d} place names, "
              f"{changed} region bindings differ from bundled")

    # The only step the variants change is finding place names: timed alone it is far less
    # noisy than whole extractions on a shared machine.
    print("\nfinding place names alone (best of 20 passes over the dev set):")
    for label, lex in variants.items():
        finder = lex.region_finder
        run = float("inf")
        for _ in range(20):
            t = time.perf_counter()
            for _i, text, _p in texts:
                finder.spans(text, text.lower())
            run = min(run, time.perf_counter() - t)
        print(f"  {label:26s} {run / len(texts) * 1000:6.3f} ms/article")

if __name__ == "__main__":
    main()
