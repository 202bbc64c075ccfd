"""Shared fixtures: the project's shared material, the gold answer key, an isolated Prefect."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "kabulnow-2024-06-27.yaml"
DEMO = ROOT / "sources" / "articles" / "kabulnow-2024-06-27-pakistan-threatens-strikes.txt"

# Tests never touch the user's Prefect database, never phone home, and give a cold
# embedded server time to migrate its database.
_HOME = os.environ.setdefault("PREFECT_HOME", str(ROOT / ".pytest_cache" / "prefect-home"))
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Under pytest-xdist each worker has a home of its own (workers inherit the controller's
    # environment): two embedded servers migrating one SQLite database at once would clash.
    os.environ["PREFECT_HOME"] = f"{_HOME}-{os.environ['PYTEST_XDIST_WORKER']}"
# Prefect creates its home without parents; in a fresh clone .pytest_cache does not exist.
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["GX_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.pop("PREFECT_API_URL", None)


FIGCHECK = Path(sys.executable).with_name("figcheck")


def run_figcheck(
    *args: str, stdin: str | None = None, cwd: Path | None = None, timeout: int = 300
) -> subprocess.CompletedProcess:
    """Run the installed ``figcheck`` console script; the exit code is the caller's to check."""
    return subprocess.run(
        [str(FIGCHECK), *args],
        check=False,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )


def load_gold() -> dict:
    """The answer key; a missing file fails the test that needs it (never a skip)."""
    assert GOLD.is_file(), f"answer key missing: {GOLD} (shared/ must sit beside the repo)"
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold() -> dict:
    return load_gold()


@pytest.fixture(scope="session")
def demo_text() -> str:
    return DEMO.read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _prefect_logs_to_the_sessions_stderr():
    """Set up Prefect's logging once, outside any in-process CLI run.

    Prefect configures its console log handler (on the root logger) on the ``sys.stderr`` of
    the moment ``prefect.main`` is first imported. Were that inside a ``CliRunner``
    invocation, the handler would keep that runner's stream, closed when the invocation ends,
    and every later record (the warnings GX logs on import) would print a "Logging error"
    traceback into a later test's stderr. Which test first runs Prefect depends on the order
    and, under xdist, on the worker.
    """
    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()

    yield


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session (entering it takes ~12 s)."""
    from prefect.testing.utilities import prefect_test_harness

    # ~12 s when idle; minutes on a machine shared with other jobs (120 s timed out there).
    with prefect_test_harness(server_startup_timeout=600):
        yield


def invoke_figcheck(*args: str, stdin: str | None = None):
    """Run ``figcheck`` in this process with typer's CliRunner: for option and input errors,
    which a subprocess (seconds of start-up each) would test no better.

    Returns the runner's result: ``exit_code``, ``stdout`` and ``stderr`` apart.
    """
    from typer.testing import CliRunner

    from flows.cli import app

    return CliRunner().invoke(app, list(args), input=stdin)
