"""Verdict quality on labelled real coverage: ``../shared/eval/devset.yaml`` scored by
``../shared/eval/score.py``.

Default: the scorer runs figcheck as a black box through its command line (``figcheck
check ... --engine local --json``), exactly as it is scored on coverage outside this
repository, and this script prints the scorer's figures plus the share of real figures that
reached a verdict other than ``unverifiable``.

``--in-process`` runs the same steps (read, extract, judge) inside this process instead of
one command per article, for quick iterations while developing (seconds instead of
minutes); it skips only the report rendering, which does not change a verdict. The figures
to keep in ``bench/README.md`` come from the default, black-box run.

    uv run python bench/verdicts.py                 # black box, as scored
    uv run python bench/verdicts.py --in-process    # quick, same steps in-process
    uv run python bench/verdicts.py --in-process --quiet   # the summary lines only
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import math
import re
import sys
import time
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = "the previous figures in bench/README.md (issue 10's 'before' row)"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("figcheck_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _in_process_run(cmd_template: str, path: str, published: str) -> list[dict]:
    """What ``figcheck check PATH --published DATE --json`` prints, without reports."""
    from flows import steps

    article = steps.read_one(path, date.fromisoformat(str(published)))
    references = _references()
    claims = steps.combine_claims([steps.extract_one(article)])
    _evidence, verdicts = steps.judge_claims(claims, references, [article], None)
    by_id = verdicts.set_index("claim_id")["verdict"].to_dict()
    out = []
    for record in claims.to_dict("records"):
        row = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in record.items()}
        row["verdict"] = by_id.get(row["claim_id"])
        out.append(row)
    return out


_REFS = None


def _references():
    global _REFS
    if _REFS is None:
        from flows import steps

        _REFS = steps.load_reference_data()
    return _REFS


def score(in_process: bool, quiet: bool, sets: list[str]) -> str:
    """Run the scorer; return everything it printed."""
    scorer = _load_scorer()
    figcheck = ROOT / ".venv" / "bin" / "figcheck"
    cmd = (f"{figcheck} check {{path}} --published {{published}} --engine local "
           f"--out {ROOT / 'reports' / 'out' / 'bench-verdicts'} --json")
    if in_process:
        scorer.run = _in_process_run
    argv = ["score.py", "--check-cmd", cmd] + [a for s in sets for a in ("--set", s)]
    if quiet:
        argv.append("--quiet")
    buffer = io.StringIO()
    old = sys.argv
    sys.argv = argv
    try:
        with redirect_stdout(buffer):
            scorer.main()
    finally:
        sys.argv = old
    return buffer.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--in-process", action="store_true", help="same steps in this process")
    ap.add_argument("--quiet", action="store_true", help="print the summary lines only")
    ap.add_argument("--set", action="append", default=[], help="another labelled YAML set")
    a = ap.parse_args()
    t0 = time.perf_counter()
    printed = score(a.in_process, a.quiet, a.set)
    elapsed = time.perf_counter() - t0
    print(printed, end="")
    m = re.search(r"real figures decided (\d+)/(\d+)", printed)
    mode = "in-process" if a.in_process else "black box (figcheck check --engine local --json)"
    print(f"mode: {mode}; {elapsed:.0f} s; compare with {BASELINE}")
    if m:
        decided, total = int(m.group(1)), int(m.group(2))
        print(f"real figures with a reference row (a verdict other than unverifiable): "
              f"{decided}/{total} = {decided / total:.1%}")


if __name__ == "__main__":
    main()
