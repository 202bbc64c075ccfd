"""The Prefect server a ``figcheck check`` run talks to: reachable, or a clear exit 2.

With ``PREFECT_API_URL`` set, the server must answer its health check within a few seconds;
otherwise the message names the variable and ``--engine local``. Without it, Prefect starts an
embedded ("ephemeral") server as a child process and stops it at exit, but a run killed
with ``kill -9`` never reaches exit, so the server (about 230 MB) stayed behind, one more per
killed scheduled run. figcheck therefore starts that embedded server itself, as the same
singleton Prefect would use, through a small launcher that asks Linux to kill it when
figcheck dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``). Where that call does not exist
(macOS, Windows) the server is Prefect's own, stopped at normal exit only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
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


def ensure_server() -> None:
    """Make sure the Prefect engine has a server to talk to, or raise ``EnvironmentProblem``.

    Call from the main thread before running a flow: the embedded server's life is tied to
    the thread that starts it, and the main thread lives as long as figcheck.
    """
    from prefect.settings import PREFECT_API_URL

    url = (PREFECT_API_URL.value() or "").strip()  # the environment or the Prefect profile
    if url:
        _check_configured(url)
    else:
        _start_tied_ephemeral_server()


def _check_configured(url: str) -> None:
    import httpx

    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=HEALTH_TIMEOUT)
    except (httpx.HTTPError, ValueError) as exc:
        raise EnvironmentProblem(
            f"{API_URL_ENV}={url}: no Prefect server answers there ({type(exc).__name__}); "
            + ADVICE
        ) from None
    if response.status_code != 200:
        raise EnvironmentProblem(
            f"{API_URL_ENV}={url}: the server answered {response.status_code} to /health; " + ADVICE
        )


def loopback_available() -> bool:
    """Whether this machine can listen on 127.0.0.1 (where the embedded server listens)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
    except OSError:
        return False
    return True


def _start_tied_ephemeral_server() -> None:
    if not loopback_available():
        raise EnvironmentProblem(
            "Prefect's embedded server cannot start: this machine cannot listen on "
            f"127.0.0.1 (no loopback); {ADVICE}"
        )
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_ENABLED

    if not PREFECT_SERVER_EPHEMERAL_ENABLED.value() or not sys.platform.startswith("linux"):
        return  # Prefect decides (and reports) what to do without a server URL
    server = _tied_server_class()()
    try:
        server.start()
    except RuntimeError as exc:
        raise EnvironmentProblem(
            f"Prefect's embedded server did not start ({str(exc)[:200]}); {ADVICE}"
        ) from None


def _tied_server_class() -> type:
    from prefect.server.api.server import SubprocessASGIServer

    class TiedServer(SubprocessASGIServer):
        """Prefect's embedded server (the singleton Prefect itself uses), tied to our life."""

        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            # The command and environment of Prefect 3's own launcher, behind _LAUNCHER.
            import prefect
            from prefect.settings import get_current_settings

            server_env = {
                "PREFECT_UI_ENABLED": "0",
                "PREFECT__SERVER_EPHEMERAL": "1",
                "PREFECT__SERVER_FINAL": "1",
            }
            return subprocess.Popen(
                args=[
                    sys.executable,
                    "-c",
                    _LAUNCHER,
                    str(os.getpid()),
                    "--app-dir",
                    str(prefect.__module_path__.parent),
                    "--factory",
                    "prefect.server.api.server:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "error",
                    "--lifespan",
                    "on",
                ],
                env={
                    **os.environ,
                    **server_env,
                    **get_current_settings().to_environment_variables(exclude_unset=True),
                },
            )

    return TiedServer
