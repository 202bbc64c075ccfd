"""Faults: a run killed halfway, two runs at once on one output folder (--engine local)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows import history
from tests.conftest import DEMO

# figcheck's CLI with render_article slowed down: the test can kill it between two articles.
# The patch lives in the test, not in figcheck.
SLOW_FIGCHECK = """
import os, sys, time
from flows import steps
real = steps.render_article
def slow(*args, **kwargs):
    result = real(*args, **kwargs)
    time.sleep(float(os.environ["FIGCHECK_TEST_RENDER_PAUSE"]))
    return result
steps.render_article = slow
from flows.cli import main
sys.argv = ["figcheck", *sys.argv[1:]]
main()
"""
FIGCHECK = Path(sys.executable).with_name("figcheck")


def variants(folder: Path, demo_text: str, figures: list[int]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in figures:
        path = folder / f"variant-{n}.txt"
        path.write_text(demo_text.replace("65% increase", f"{n}% increase"), encoding="utf-8")
        paths.append(str(path))
    return paths


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != history.HISTORY_URL_ENV}
    return e | {"FIGCHECK_TEST_RENDER_PAUSE": "120"}


def check_args(out: Path, *paths: str) -> list[str]:
    return [
        "check",
        *paths,
        "--engine",
        "local",
        "--published",
        "2024-06-28",
        "--json",
        "--out",
        str(out),
    ]


def outputs_are_whole(out: Path) -> list[str]:
    """Every result JSON parses; no temporary file of an interrupted write is visible."""
    names = []
    for path in out.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
        names.append(path.name)
    assert not [p.name for p in out.iterdir() if p.suffix == ".tmp" and not p.name.startswith(".")]
    return sorted(names)


def test_a_killed_run_leaves_no_history_and_two_runs_at_once_both_complete(tmp_path, demo_text):
    out = tmp_path / "out"
    a, b, c = variants(tmp_path / "in", demo_text, [45, 55, 75])
    killed = subprocess.Popen(
        [sys.executable, "-c", SLOW_FIGCHECK, *check_args(out, a, b)],
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not (out / "variant-45.json").exists():
            assert killed.poll() is None, killed.stderr.read()
            assert time.monotonic() < deadline, "the run never wrote its first report"
            time.sleep(0.2)
        os.kill(killed.pid, signal.SIGKILL)  # halfway: one article rendered, one not
    finally:
        killed.kill()
        killed.wait()
    assert outputs_are_whole(out) == ["variant-45.claimreview.json", "variant-45.json"]
    assert not (out / "variant-55.json").exists()
    store = history.HistoryStore(history.default_url(out))
    assert store.list_runs() == []  # the history is written last, in one transaction

    # Two runs at once on the same folder and history, sharing one article.
    logs = [(tmp_path / f"run{i}.out", tmp_path / f"run{i}.err") for i in range(2)]
    runs = [
        # Files, not pipes: a full pipe would block the child until the parent reads.
        subprocess.Popen(
            [str(FIGCHECK), *check_args(out, str(DEMO), *group)],
            env=env(),
            stdout=o.open("w"),
            stderr=e.open("w"),
        )
        for group, (o, e) in zip(([a, b], [c]), logs, strict=True)
    ]
    codes = [r.wait(timeout=300) for r in runs]
    outcomes = [(code, o.read_text(), e.read_text()) for code, (o, e) in zip(codes, logs)]
    for code, _, stderr in outcomes:
        assert code == 1, stderr  # each batch has a contradicted variant
        assert "locked" not in stderr
    assert [len(json.loads(stdout)["articles"]) for _, stdout, _ in outcomes] == [3, 2]
    names = outputs_are_whole(out)
    assert {f"{Path(p).stem}.json" for p in (a, b, c, DEMO)} <= set(names)
    assert sorted(r["claims"] for r in store.list_runs()) == [14, 21]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(Path(p).stem in index for p in (a, b, c, DEMO))
    store.dispose()
