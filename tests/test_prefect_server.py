"""The embedded Prefect server's settings for one run, and the work done while it starts.

No server is started here: the server's start and its tie to figcheck's life are tested
through the CLI in tests/test_faults.py and tests/test_cli.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import SecretStr

from flows import prefect_server

TRIGGERS = "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED"
BLOCKS = "PREFECT_SERVER_REGISTER_BLOCKS_ON_START"


def settings_for(url: str) -> SimpleNamespace:
    """Just what ``_one_run_settings`` reads of Prefect's settings: the database URL."""
    return SimpleNamespace(
        server=SimpleNamespace(database=SimpleNamespace(connection_url=SecretStr(url)))
    )


def database(path: Path, *automations: bool) -> Path:
    """A SQLite file with Prefect's ``automation`` table (the columns read) and its rows."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE automation (name VARCHAR NOT NULL, enabled BOOLEAN NOT NULL)")
        db.executemany(
            "INSERT INTO automation VALUES (?, ?)",
            [(f"automation-{i}", on) for i, on in enumerate(automations)],
        )
    return path


@pytest.mark.parametrize(
    ("automations", "triggers_off"),
    [((), True), ((False,), True), ((False, True), False)],
    ids=["none", "only-disabled", "one-enabled"],
)
def test_triggers_stay_on_only_when_the_database_holds_an_enabled_automation(
    tmp_path, automations, triggers_off
):
    path = database(tmp_path / "prefect.db", *automations)
    env = prefect_server._one_run_settings(settings_for(f"sqlite+aiosqlite:///{path}"))
    assert (env.get(TRIGGERS) == "false") is triggers_off
    assert env[BLOCKS] == "false"  # block types are never registered by this server


@pytest.mark.parametrize(
    ("url", "may_hold"),
    [
        ("sqlite+aiosqlite:///{tmp}/absent.db", False),  # a fresh home: created by the server
        ("sqlite+aiosqlite:///{tmp}/empty.db", False),  # no tables yet: not migrated
        ("sqlite+aiosqlite:///{tmp}/garbage.db", True),  # unreadable: keep Prefect's defaults
        ("sqlite+aiosqlite:///:memory:", False),
        ("postgresql+asyncpg://user@db.example/prefect", True),  # not ours to read
    ],
    ids=["absent", "not-migrated", "not-a-database", "memory", "postgres"],
)
def test_an_unreadable_or_foreign_database_keeps_the_automation_services(tmp_path, url, may_hold):
    sqlite3.connect(tmp_path / "empty.db").close()
    (tmp_path / "garbage.db").write_bytes(b"not a database, a truncated copy" * 200)
    settings = settings_for(url.format(tmp=tmp_path))
    assert prefect_server._may_hold_automations(settings) is may_hold


def test_a_users_own_prefect_setting_wins_over_the_one_run_settings(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.setenv(TRIGGERS, "true")
    monkeypatch.setenv("PREFECT_API_BLOCKS_REGISTER_ON_START", "true")  # Prefect's older name
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        env = prefect_server.server_environment()
    assert env[TRIGGERS].lower() == "true" and env[BLOCKS].lower() == "true"
    assert env["PREFECT__SERVER_EPHEMERAL"] == "1" and env["PREFECT_UI_ENABLED"] == "0"


class FakeServer:
    """A launched server that answers at once and records what happened before."""

    def __init__(self, events: list[str]) -> None:
        self.events = events
        events.append("launched")

    def poll(self) -> None:
        return None


def test_the_flows_imports_run_once_between_the_launch_and_the_wait(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    events: list[str] = []
    monkeypatch.setattr(prefect_server, "_server", None)
    monkeypatch.setattr(prefect_server, "_launch", lambda port: FakeServer(events))
    monkeypatch.setattr(prefect_server, "_stop", lambda process: events.append("stopped"))
    monkeypatch.setattr(
        prefect_server, "_wait_healthy", lambda *args: events.append("waited") or None
    )
    monkeypatch.setattr(prefect_server.sys, "platform", "linux")
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        url = prefect_server.ensure_server(while_starting=lambda: events.append("imports"))
        again = prefect_server.ensure_server(while_starting=lambda: events.append("imports"))
    assert url is not None and url.startswith("http://127.0.0.1:") and again == url
    # The second call finds the server running and only does its own work.
    assert events == ["launched", "imports", "waited", "imports"]
    monkeypatch.setattr(prefect_server, "_server", None)  # the fake is not for other tests


def test_the_health_check_loads_no_ca_bundle_for_plain_http_and_verifies_https(monkeypatch):
    import http.server
    import ssl
    import threading

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # http.server calls it by this name
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    verified: list[object] = []
    real = ssl.create_default_context
    monkeypatch.setattr(
        ssl, "create_default_context", lambda *a, **k: verified.append(k) or real(*a, **k)
    )
    with http.server.HTTPServer(("127.0.0.1", 0), Health) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            prefect_server._check_configured(f"http://127.0.0.1:{server.server_port}/api")
        finally:
            server.shutdown()
    assert verified == []  # answered over plain HTTP, without loading the CA bundle
    with pytest.raises(prefect_server.EnvironmentProblem):
        prefect_server._check_configured(f"https://127.0.0.1:{prefect_server._free_port()}/api")
    assert len(verified) == 1  # an https address is verified as always
