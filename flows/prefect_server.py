"""The Prefect server a ``figcheck check`` run talks to: reachable, or a clear exit 2.

With ``PREFECT_API_URL`` set, the server must answer its health check within a few seconds;
otherwise the message names the variable and ``--engine local``. Without it, Prefect starts an
embedded ("ephemeral") server as a child process and stops it at exit, but a run killed
with ``kill -9`` never reaches exit, so the server (about 230 MB) stayed behind, one more per
killed scheduled run. figcheck therefore starts that embedded server itself, with Prefect's
command and environment, through a small launcher that asks Linux to kill it when figcheck
dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), and stops it at normal exit. Elsewhere (macOS,
Windows) the server is Prefect's own, stopped at normal exit only.

The client never imports ``prefect.server`` (FastAPI, the ORM, every API route: about 5
CPU-s, measured in bench/README.md, which Prefect's own ``SubprocessASGIServer`` costs the
client just to start a child): figcheck starts the child with the command and environment
Prefect uses, waits for its health check, and points this run at it (``PREFECT_API_URL``
through ``temporary_settings``, and in the environment for task-runner processes).

That server lives for one run and only this run talks to it, so it is started without two
pieces of start-up work that cannot matter there (``_one_run_settings``; measured in
bench/README.md): registering Prefect's block types (for the UI and for code that saves or
loads blocks; ``prefect server start`` registers them itself when a user opens the database)
and, when the database holds no enabled automation, the triggers and actions services that
evaluate automations. A user's own setting of either wins. Runs, states, logs, events and
artifacts are stored as before.
"""

from __future__ import annotations

import atexit
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from flows.failures import EnvironmentProblem

API_URL_ENV = "PREFECT_API_URL"
HEALTH_TIMEOUT = 5.0  # seconds for a configured server to answer /health
ADVICE = (
    f"set {API_URL_ENV} to a running Prefect server (`prefect server start`), "
    "or run without Prefect: --engine local"
)

# The launcher runs in the child before uvicorn: die with the parent, and give up if the
# parent is already gone (it could die between fork and prctl).
_LAUNCHER = """
import ctypes, os, runpy, signal, sys
parent = int(sys.argv[1])
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
except (OSError, AttributeError):
    pass
if os.getppid() != parent:
    sys.exit(0)
sys.argv = ["uvicorn", *sys.argv[2:]]
runpy.run_module("uvicorn", run_name="__main__", alter_sys=True)
"""


def ensure_server(while_starting: Callable[[], object] | None = None) -> str | None:
    """Make sure the Prefect engine has a server to talk to, or raise ``EnvironmentProblem``.

    Args:
        while_starting: work for this process while an embedded server starts (its imports),
            run once, before the server is awaited; also run when no server is started here.

    Returns:
        The API URL of the embedded server started here, for the caller to run its flow
        against (``PREFECT_API_URL``); None when a configured server answers, or when
        Prefect itself decides (embedded server disabled, or not Linux).
    """
    from prefect.settings import PREFECT_API_URL

    url = (PREFECT_API_URL.value() or "").strip()  # the environment or the Prefect profile
    if url:
        _check_configured(url)
        if while_starting is not None:
            while_starting()
        return None
    return _start_tied_ephemeral_server(while_starting)


def _check_configured(url: str) -> None:
    import httpx

    try:
        response = httpx.get(
            url.rstrip("/") + "/health", timeout=HEALTH_TIMEOUT, verify=_verify_tls(url)
        )
    except (httpx.HTTPError, ValueError) as exc:
        raise EnvironmentProblem(
            f"{API_URL_ENV}={url}: no Prefect server answers there ({type(exc).__name__}); "
            + ADVICE
        ) from None
    if response.status_code != 200:
        raise EnvironmentProblem(
            f"{API_URL_ENV}={url}: the server answered {response.status_code} to /health; " + ADVICE
        )


def _verify_tls(url: str) -> bool:
    """httpx's ``verify`` for a health check of ``url``: False for plain ``http://``.

    A plain-HTTP request uses no TLS, yet an httpx client made with ``verify=True`` loads the
    CA bundle all the same (about 17 ms of CPU, measured); the check follows no redirect, so
    it never reaches an ``https://`` address with it. Any other URL is verified as always.
    """
    return not url.strip().lower().startswith("http://")


def loopback_available() -> bool:
    """Whether this machine can listen on 127.0.0.1 (where the embedded server listens)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
    except OSError:
        return False
    return True


def _start_tied_ephemeral_server(
    while_starting: Callable[[], object] | None = None,
) -> str | None:
    """Start (once per process) the embedded server tied to our life; its API URL, or None
    where Prefect should decide itself (embedded server disabled, not Linux).

    ``while_starting`` runs right after the first launch: the server takes several seconds
    to answer, which this process would otherwise spend waiting.
    """
    global _server
    pending = while_starting
    if not loopback_available():
        raise EnvironmentProblem(
            "Prefect's embedded server cannot start: this machine cannot listen on "
            f"127.0.0.1 (no loopback); {ADVICE}"
        )
    from prefect.settings import (
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    )

    if not PREFECT_SERVER_EPHEMERAL_ENABLED.value() or not sys.platform.startswith("linux"):
        if pending is not None:
            pending()
        return None  # Prefect decides (and reports) what to do without a server URL
    if _server is not None and _server[0].poll() is None:
        if pending is not None:
            pending()
        return _server[1]
    timeout = float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    deadline = time.monotonic() + timeout
    from prefect.logging import get_logger

    for _ in range(PORT_ATTEMPTS):
        port = _free_port()
        # Prefect's own words when it starts this server.
        get_logger("server.api.server").info(
            f"Starting temporary server on http://127.0.0.1:{port}\nSee "
            "https://www.prefect.io/docs/v3/concepts/server#how-to-guides "
            "for more information on running a dedicated Prefect server."
        )
        process = _launch(port)
        atexit.register(_stop, process)
        url = f"http://127.0.0.1:{port}/api"
        if pending is not None:
            pending, work = None, pending
            work()
        code = _wait_healthy(process, url, deadline)
        if code is None:
            _server = (process, url)
            return url
        _stop(process)
        if code != PORT_IN_USE:
            break
    raise EnvironmentProblem(
        "Prefect's embedded server did not start "
        + (f"(it exited with code {code})" if code is not None and code >= 0 else
           f"within {timeout:g} s")
        + f"; {ADVICE}"
    )


# The embedded server this process started, and its API URL.
_server: tuple[subprocess.Popen[bytes], str] | None = None
PORT_ATTEMPTS = 3
PORT_IN_USE = 3  # uvicorn's exit code when the port was taken between our probe and its bind
_TIMED_OUT = -1


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(process: subprocess.Popen[bytes], url: str, deadline: float) -> int | None:
    """None once the server answers /health; else its exit code, or -1 on timeout."""
    import httpx

    with httpx.Client(timeout=HEALTH_TIMEOUT, verify=_verify_tls(url)) as client:
        while time.monotonic() < deadline:
            code = process.poll()
            if code is not None:
                return code
            try:
                if client.get(f"{url}/health").status_code == 200:
                    return None
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
    return _TIMED_OUT


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and reap it (as Prefect does at exit)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _launch(port: int) -> subprocess.Popen[bytes]:
    """Prefect 3's own command for its embedded server, behind _LAUNCHER."""
    return subprocess.Popen(
        args=[
            sys.executable,
            "-c",
            _LAUNCHER,
            str(os.getpid()),
            "--app-dir",
            str(_prefect_parent()),
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ],
        env=server_environment(),
    )


def server_environment() -> dict[str, str]:
    """The embedded server's environment: ours, Prefect's markers for an embedded server,
    the settings of a server that serves one run, then the user's own Prefect settings
    (the environment and the profile), which win."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    return {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **_one_run_settings(settings),
        **settings.to_environment_variables(exclude_unset=True),
    }


def _one_run_settings(settings: Any) -> dict[str, str]:
    """Prefect settings (as environment variables) for a server that serves one run."""
    env = {
        # Block types are for the UI (off here) and for code that saves or loads blocks
        # (figcheck does not; its results are files). Even when the database has them,
        # Prefect's memoised check imports every installed collection (prefect-dask pulls
        # in distributed) to hash them: about 0.45 CPU-s a start. A later
        # `prefect server start` registers them on its own start.
        "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
        "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    }
    if not _may_hold_automations(settings):
        # Triggers and actions evaluate automations against this run's events; with none
        # to evaluate, their start (two in-process API clients, about 0.4 CPU-s) buys nothing.
        env["PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED"] = "false"
    return env


def _may_hold_automations(settings: Any) -> bool:
    """False only when the server's database is a SQLite file that is absent or holds no
    enabled automation; True for any other database, or when the file cannot be read."""
    secret = settings.server.database.connection_url
    url = secret.get_secret_value() if hasattr(secret, "get_secret_value") else str(secret or "")
    scheme, _, rest = url.partition(":///")
    if not scheme.startswith("sqlite") or not rest:
        return True
    path = Path(rest.split("?", 1)[0]).expanduser()
    if rest.startswith(":memory:") or not path.exists():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as db:
            row = db.execute("SELECT 1 FROM automation WHERE enabled LIMIT 1").fetchone()
    except sqlite3.OperationalError as exc:
        return "no such table" not in str(exc)  # a database not yet migrated has none
    except sqlite3.Error:
        return True
    return row is not None


def _prefect_parent() -> Path:
    """The folder holding the ``prefect`` package (uvicorn's --app-dir, as Prefect passes)."""
    import prefect

    return Path(prefect.__module_path__).parent
