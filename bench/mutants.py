"""Do the tests guard what they claim to? Break the code on purpose, one mutation at a time.

Each mutant replaces one exact piece of source text (a flipped sign, a dropped join key, a
check that no longer checks) in a scratch copy of the checkout, runs the tests that are meant
to guard that code, and records the first test that fails. A mutant no test kills is a hole
in the suite: the script exits 1 and names it.

    .venv/bin/python bench/mutants.py                 # every mutant
    .venv/bin/python bench/mutants.py derive match    # mutants whose name starts so
    .venv/bin/python bench/mutants.py --list

The working tree is never touched: the copy holds the tracked files (``git ls-files``) and
runs with ``PYTHONPATH`` pointing at it, so the venv's ``figcheck`` script and subprocesses
import the mutated code. Fault mutants run the (slow) fault tests; expect minutes each.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


DERIVE = ("tests/test_derive.py",)
MATCH = ("tests/test_match.py",)
LEXICON = ("tests/test_lexicon.py",)
OWN = ("tests/test_own_arithmetic.py",)
FULL_DISK = (
    "tests/test_faults.py::test_a_write_that_fails_keeps_the_previous_file_and_leaves_no_temporary",
    "tests/test_faults.py::test_a_full_disk_exits_2_naming_the_folder_and_keeps_the_previous_reports",
)
KILLED = (
    "tests/test_faults.py::test_a_killed_run_leaves_no_history_and_two_runs_at_once_both_complete",
)

MUTANTS = [
    # --- checks/derive.py: percent changes, factors, shares, sums, ranks, points ------------
    Mutant(
        "derive: percent change with its sign flipped",
        "checks/derive.py",
        'change = (pairs[R.value] - pairs["old_value"]) / pairs["old_value"] * 100',
        'change = (pairs["old_value"] - pairs[R.value]) / pairs["old_value"] * 100',
        DERIVE,
    ),
    Mutant(
        "derive: percent change over the new value",
        "checks/derive.py",
        'change = (pairs[R.value] - pairs["old_value"]) / pairs["old_value"] * 100',
        'change = (pairs[R.value] - pairs["old_value"]) / pairs[R.value] * 100',
        DERIVE,
    ),
    Mutant(
        "derive: base period not paired (any period of the source)",
        "checks/derive.py",
        'left_on=[*_GROUP, R.region, "asked_base"], right_on=[*_GROUP, R.region, "old_period"]',
        "left_on=[*_GROUP, R.region], right_on=[*_GROUP, R.region]",
        DERIVE,
    ),
    Mutant(
        "derive: periods paired across sources and definitions",
        "checks/derive.py",
        'left_on=[*_GROUP, R.region, "asked_base"], right_on=[*_GROUP, R.region, "old_period"]',
        'left_on=[R.metric, R.region, "asked_base"], right_on=[R.metric, R.region, "old_period"]',
        DERIVE,
    ),
    Mutant(
        "derive: factor old over new",
        "checks/derive.py",
        'factor = pairs[R.value] / pairs["old_value"]',
        'factor = pairs["old_value"] / pairs[R.value]',
        DERIVE,
    ),
    Mutant(
        "derive: factor from a hedged count",
        "checks/derive.py",
        "keep &= pairs[R.qualifier].isna()",
        "keep &= True",
        DERIVE,
    ),
    Mutant(
        "derive: share of the first part only",
        "checks/derive.py",
        "share = part_values.sum() / total[R.value] * 100",
        "share = part_values.iloc[0] / total[R.value] * 100",
        DERIVE,
    ),
    Mutant(
        "derive: sum with a part missing",
        "checks/derive.py",
        "if set(by_region.index) != set(parts):",
        "if by_region.empty:",
        DERIVE,
    ),
    Mutant(
        "derive: sum loses the parts' lower-bound hedge",
        "checks/derive.py",
        'hedge = "over" if "over" in hedges else "at_least" if "at_least" in hedges else None',
        "hedge = None",
        DERIVE,
    ),
    Mutant(
        "derive: rank although an unlisted region might outrank",
        "checks/derive.py",
        "if rest >= own:",
        "if False:",
        DERIVE,
    ),
    Mutant(
        "derive: rank counts the region itself",
        "checks/derive.py",
        "rank = int((listed > own).sum()) + 1",
        "rank = int((listed >= own).sum()) + 1",
        DERIVE,
    ),
    Mutant(
        "derive: points interval ignores the base share's rounding",
        "checks/derive.py",
        "low = None if a.low is None or b.high is None else a.low - b.high",
        "low = None if a.low is None or b.high is None else a.low - b.low",
        DERIVE,
    ),
    # --- checks/match.py: numbers, periods, kinds, events -----------------------------------
    Mutant(
        "match: region ignored",
        "checks/match.py",
        "left_on=[CLAIM + C.metric, CLAIM + C.region], right_on=[R.metric, R.region]",
        "left_on=[CLAIM + C.metric], right_on=[R.metric]",
        MATCH,
    ),
    Mutant(
        "match: period ignored",
        "checks/match.py",
        "return pairs[same_period & (~is_change | same_base)]",
        "return pairs[~is_change | same_base]",
        MATCH,
    ),
    Mutant(
        "match: base period ignored",
        "checks/match.py",
        "return pairs[same_period & (~is_change | same_base)]",
        "return pairs[same_period]",
        MATCH,
    ),
    Mutant(
        "match: kinds not checked for comparability",
        "checks/match.py",
        'left_on=[CLAIM + C.kind, R.kind], right_on=["_claim_kind", "_ref_kind"]',
        'how="cross"',
        MATCH,
    ),
    Mutant(
        "match: a stock read as a flow",
        "checks/match.py",
        "if load_definitions().is_stock(metric):",
        "if False:",
        MATCH,
    ),
    Mutant(
        "match: a stock estimate from any time",
        "checks/match.py",
        "return periods.contains(claim_period, ref_period)",
        "return True",
        MATCH,
    ),
    Mutant(
        "match: an event met whatever the sentence names",
        "checks/match.py",
        "if pattern.search(sentence):",
        "if True:",
        MATCH,
    ),
    Mutant(
        "match: event keywords found inside longer words",
        "checks/match.py",
        'pattern = re.compile(r"\\b(?:" + "|".join(words) + r")\\b", re.IGNORECASE)',
        'pattern = re.compile(r"(?:" + "|".join(words) + r")", re.IGNORECASE)',
        MATCH,
    ),
    Mutant(
        "match: a date without a year placed against events",
        "checks/match.py",
        "claims[(claims[C.kind] == Kind.DATE) & claims[C.date].notna()]",
        "claims[claims[C.kind] == Kind.DATE]",
        MATCH,
    ),
    # --- sources/lexicon.py (and its alternation in sources/patterns.py) --------------------
    Mutant(
        "lexicon: the shortest word wins (lazy prefix-tree tail)",
        "sources/patterns.py",
        "body = f\"(?:{'|'.join(branches)})?\"",
        "body = f\"(?:{'|'.join(branches)})??\"",
        LEXICON,
    ),
    Mutant(
        "lexicon: matches inside words (start boundary not checked)",
        "sources/lexicon.py",
        "continue  # inside a word",
        "pass",
        LEXICON,
    ),
    Mutant(
        "lexicon: slow path without the start boundary",
        "sources/lexicon.py",
        'return re.compile(rf"(?<!\\w)(?:{alternatives})(?!\\w)", flags)',
        'return re.compile(rf"(?:{alternatives})(?!\\w)", flags)',
        LEXICON,
    ),
    Mutant(
        "lexicon: acronyms in any case",
        "sources/lexicon.py",
        "acronyms = [a for a in set(aliases_as_written) if a.isupper() and len(a) <= 5]",
        "acronyms = []",
        LEXICON,
    ),
    Mutant(
        "lexicon: sources in any case",
        "sources/lexicon.py",
        "source_finder=word_finder([], sources, list(source_by_alias)),",
        "source_finder=word_finder(list(source_by_alias), sources),",
        LEXICON,
    ),
    # --- reports/atomic.py write_atomic, guarded by the fault tests -------------------------
    Mutant(
        "write_atomic: a failed write leaves its temporary file",
        "reports/atomic.py",
        "        Path(tmp).unlink(missing_ok=True)\n        raise",
        "        raise",
        FULL_DISK,
    ),
    Mutant(
        "write_atomic: copies instead of renaming (the temporary stays)",
        "reports/atomic.py",
        "        os.replace(tmp, path)\n",
        "        __import__('shutil').copyfile(tmp, path)\n",
        KILLED,
    ),
    Mutant(
        "write_atomic: writes over the report in place",
        "reports/atomic.py",
        "fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temporary_prefix(path.name), "
        "suffix=SUFFIX)",
        "tmp = str(path); fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)",
        FULL_DISK,
    ),
    # --- checks/own_arithmetic.py -------------------------------------------------------------
    Mutant(
        "own arithmetic: ambiguous operands accepted",
        "checks/own_arithmetic.py",
        "    if not found or len({float(r[C.value]) for r in found}) != 1:",
        "    if not found:",
        OWN,
    ),
    Mutant(
        "own arithmetic: rival changes checked against one pair of levels",
        "checks/own_arithmetic.py",
        "    return {key for key, seen in values.items() if len(seen) > 1}",
        "    return set()",
        OWN,
    ),
    Mutant(
        "own arithmetic: the operands' rounding ignored",
        "checks/own_arithmetic.py",
        "(n.low / o.high - 1) * 100, (n.high / o.low - 1) * 100,",
        "(nv / ov - 1) * 100, (nv / ov - 1) * 100,",
        OWN,
    ),
    # --- the rule vocabulary -----------------------------------------------------------------
    Mutant(
        "rules: VerdictSchema accepts any rule id",
        "checks/schemas.py",
        "rule: Series[str] = pa.Field(isin=RULES)",
        "rule: Series[str]",
        ("tests/test_judge.py::test_rule_ids_are_an_enum_the_contract_checks",),
    ),
]


def scratch_copy() -> Path:
    """The tracked files of this checkout (as they are on disk) in a temporary folder."""
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    dest = Path(tempfile.mkdtemp(prefix="figcheck-mutants-"))
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def run(mutant: Mutant, copy: Path) -> tuple[str | None, float]:
    """Apply ``mutant`` in ``copy``, run its tests, restore; the first failing test or None."""
    path = copy / mutant.file
    original = path.read_text(encoding="utf-8")
    if original.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: the text to mutate is not once in {mutant.file}")
    path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-x",
                "-q",
                "-p",
                "no:cacheprovider",
                "-rfE",
                *mutant.tests,
            ],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.write_text(original, encoding="utf-8")
    seconds = time.monotonic() - started
    if done.returncode == 0:
        return None, seconds
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
    return (failed[0] if failed else f"pytest exit {done.returncode}"), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="run only mutants whose name starts so")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.prefixes or m.name.startswith(tuple(args.prefixes))]
    if args.list:
        print("\n".join(m.name for m in chosen))
        return 0
    copy = scratch_copy()
    survivors = []
    try:
        check = subprocess.run(
            [sys.executable, "-c", "import checks; print(checks.__file__)"],
            cwd=copy,
            env=os.environ | {"PYTHONPATH": str(copy)},
            capture_output=True,
            text=True,
            check=True,
        )
        if not check.stdout.startswith(str(copy)):
            raise SystemExit(f"the copy is not imported first: {check.stdout.strip()}")
        for mutant in chosen:
            killer, seconds = run(mutant, copy)
            print(f"{mutant.name} | {killer or 'SURVIVED'} | {seconds:.0f} s", flush=True)
            if killer is None:
                survivors.append(mutant.name)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    if survivors:
        print(f"{len(survivors)} mutant(s) survived: " + "; ".join(survivors))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
