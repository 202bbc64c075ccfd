"""Scheduled runs end to end: a real `prefect server start`, `figcheck serve`, run_deployment."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flows import history
from tests import feedserver
from tests.conftest import DEMO

FIGCHECK = Path(sys.executable).with_name("figcheck")
PREFECT = Path(sys.executable).with_name("prefect")
DEPLOYMENT = "check-folder/e2e"

RUN_ONCE = """
import json, sys
from prefect.deployments import run_deployment
from prefect.client.orchestration import get_client
run = run_deployment(sys.argv[1], timeout=300)
with get_client(sync_client=True) as client:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    arts = client.read_artifacts(
        artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run.id])))
print(json.dumps({"state": run.state.type.value, "id": str(run.id),
                  "artifacts": {a.key: {"type": a.type, "data": a.data} for a in arts}}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PREFECT_") and k != history.HISTORY_URL_ENV
    }
    return env | {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "GX_ANALYTICS_ENABLED": "false",
    }


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # lets `serve` pause its schedule and exit
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """`prefect server start` on a free loopback port with its own PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=base_env(home) | {"PREFECT_UI_ENABLED": "false"},
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 150
        while True:
            assert server.poll() is None, (home / "server.log").read_text()
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "Prefect server did not start"
            time.sleep(0.5)
        yield api
    finally:
        stop(server)
        log.close()


def test_serve_without_a_server_exits_2_naming_prefect_api_url(tmp_path):
    for api in (None, f"http://127.0.0.1:{free_port()}/api"):
        env = base_env(tmp_path / "home") | ({"PREFECT_API_URL": api} if api else {})
        run = subprocess.run(
            [str(FIGCHECK), "serve", "--watch", str(tmp_path), "--cron", "0 6 * * *"],
            env=env,
            capture_output=True,
            check=False,
            text=True,
            timeout=60,
        )
        message = " ".join(run.stderr.split())
        assert run.returncode == 2, run.stderr
        assert "PREFECT_API_URL" in message and "prefect server start" in message
        assert "Traceback" not in run.stderr


def test_a_served_deployment_runs_end_to_end(prefect_server, tmp_path, demo_text):
    watch, out = tmp_path / "watch", tmp_path / "out"
    watch.mkdir()
    shutil.copy(DEMO, watch)
    shutil.copy(DEMO.with_name(DEMO.stem + ".meta.yaml"), watch)
    env = base_env(tmp_path / "client-home") | {
        "PREFECT_API_URL": prefect_server,
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",  # pick the triggered run up quickly
    }
    with feedserver.serve() as site, feedserver.serve(hang_seconds=5) as hanging:
        feed = feedserver.publish(site, hanging, demo_text)
        log = (tmp_path / "serve.log").open("w")
        serving = subprocess.Popen(
            [
                str(FIGCHECK),
                "serve",
                "--watch",
                str(watch),
                "--feed",
                feed,
                "--cron",
                "0 6 * * *",
                "--out",
                str(out),
                "--name",
                "e2e",
                "--fetch-timeout",
                "1",
                "--fetch-retries",
                "1",
            ],
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            _wait_for_deployment(prefect_server, serving, tmp_path / "serve.log")
            run = subprocess.run(
                [sys.executable, "-c", RUN_ONCE, DEPLOYMENT],
                env=env,
                capture_output=True,
                check=False,
                text=True,
                timeout=360,
            )
        finally:
            stop(serving)
            log.close()
    assert run.returncode == 0, run.stderr + (tmp_path / "serve.log").read_text()
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["state"] == "COMPLETED", (tmp_path / "serve.log").read_text()

    checked = {DEMO.stem, "border-report"}
    assert {p.stem for p in out.glob("*.html") if p.stem != "index"} == checked
    store = history.HistoryStore(history.default_url(out))
    (recorded,) = store.list_runs()
    assert (recorded["engine"], recorded["articles"], recorded["claims"]) == ("prefect", 2, 14)
    store.dispose()

    artifacts = outcome["artifacts"]
    assert set(artifacts) >= {
        "figcheck-summary",
        "figcheck-verdicts",
        f"report-{DEMO.stem}",
        "report-border-report",
    }
    assert artifacts["figcheck-summary"]["type"] == "markdown"
    summary = artifacts["figcheck-summary"]["data"]
    assert f"{hanging.base}/articles/slow-story.html: timed out (2 attempt(s))" in summary
    # Prefect stores a link artifact as markdown "[text](link)".
    assert f"({(out / 'border-report.html').as_uri()})" in artifacts["report-border-report"]["data"]
    assert hanging.requests == ["/articles/slow-story.html"] * 2  # retried once, then reported


def _wait_for_deployment(api: str, serving: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    name = DEPLOYMENT.split("/")
    while True:
        assert serving.poll() is None, log.read_text()
        try:
            response = httpx.get(f"{api}/deployments/name/{name[0]}/{name[1]}", timeout=5)
        except httpx.TimeoutException:  # a server busy on a loaded machine: ask again
            response = None
        if response is not None and response.status_code == 200:
            return
        assert time.monotonic() < deadline, "figcheck serve never registered its deployment"
        time.sleep(0.5)
