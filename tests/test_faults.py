"""Faults: a run killed halfway, two runs at once, a full disk, a read-only folder, no server.

Every fault ends in exit 2 with one line naming the thing and the problem (never exit 1,
which means a wrong figure), leaves each report whole (its previous or its new version) and
writes no history row for a run that did not finish.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import history
from flows.workers import usable_cores
from tests.conftest import DEMO

# figcheck's CLI with render_article slowed down: the test can kill it between two articles.
# After each article's files are written it creates <marker dir>/<article id>, so the test
# waits for that state instead of racing the listing of the output folder.
# The patch lives in the test, not in figcheck.
SLOW_FIGCHECK = """
import functools, os, sys, time
from pathlib import Path
from flows import steps
real = steps.render_article
@functools.wraps(real)  # Prefect maps over the real signature
def slow(article, *args, **kwargs):
    result = real(article, *args, **kwargs)
    (Path(os.environ["FIGCHECK_TEST_MARKERS"]) / article.id).touch()
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


def env(markers: Path | None = None) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != history.HISTORY_URL_ENV}
    e |= {"FIGCHECK_TEST_RENDER_PAUSE": "120"}
    return e | ({"FIGCHECK_TEST_MARKERS": str(markers)} if markers else {})


def wait_for(condition, process: subprocess.Popen, what: str, seconds: float = 900) -> None:
    """Wait until ``condition()`` holds; fail if the process ends or time runs out first."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"the run ended before {what}: {process.stderr.read()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


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


def leftover_temporaries(out: Path) -> list[str]:
    """What ``write_atomic`` leaves when a write does not finish: hidden ``.<name>.*.tmp``."""
    return sorted(p.name for p in out.rglob(".*.tmp"))


def outputs_are_whole(out: Path) -> list[str]:
    """Every result JSON parses; no temporary file of an interrupted write is left."""
    names = []
    for path in out.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
        names.append(path.name)
    assert leftover_temporaries(out) == []
    return sorted(names)


def test_a_killed_run_leaves_no_history_and_two_runs_at_once_both_complete(tmp_path, demo_text):
    out = tmp_path / "out"
    markers = tmp_path / "markers"
    markers.mkdir()
    a, b, c = variants(tmp_path / "in", demo_text, [45, 55, 75])
    killed = subprocess.Popen(
        [sys.executable, "-c", SLOW_FIGCHECK, *check_args(out, a, b)],
        env=env(markers),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for((markers / "variant-45").exists, killed, "the first article was rendered")
        os.kill(killed.pid, signal.SIGKILL)  # halfway: one article rendered, one not
    finally:
        killed.kill()
        killed.wait()
    assert outputs_are_whole(out) == ["variant-45.claimreview.json", "variant-45.json"]
    assert (out / "variant-45.html").is_file() and (out / "variant-45.csv").is_file()
    assert not list(out.glob("variant-55.*"))
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


def test_the_next_run_removes_temporaries_of_dead_writers_and_keeps_live_ones(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        files = {
            # a report's write killed two minutes ago: its writer is gone
            "killed": f".kabul.html.{dead_pid}-a1b2c3d4.tmp",
            "killed probe": f".figcheck-probe.{dead_pid}-zz_9yx8w.tmp",
            # a concurrent run still writing (its process lives), even a slow write
            "live": f".junit.xml.{live.pid}-e5f6g7h8.tmp",
            # the writer is gone, but a writer on another machine sharing the folder may
            # have just started: kept until it is a minute old
            "young": f".index.html.{dead_pid}-i9j0k1l2.tmp",
            # written before temporaries carried a pid: removed only when an hour old
            "old, no pid": ".index.html.m3n4o5p6.tmp",
            "recent, no pid": ".kabul.json.q7r8s9t0.tmp",
            # not figcheck's: never touched
            "someone's": ".notes.tmp",
        }
        now = time.time()
        age = {"young": 5, "old, no pid": 7200, "recent, no pid": 600}
        for key, name in files.items():
            (out / name).write_text("half a report", encoding="utf-8")
            then = now - age.get(key, 120)
            os.utime(out / name, (then, then))
        run = cli(*check_args(out, str(DEMO)))
        assert run.exit_code == 0, run.stderr
        left = {p.name for p in out.iterdir()}
        for key in ("killed", "killed probe", "old, no pid"):
            assert files[key] not in left, key
        for key in ("live", "young", "recent, no pid", "someone's"):
            assert files[key] in left, key
        assert "removed 3 temporary file(s)" in " ".join(run.stderr.split()), run.stderr
        assert (out / "junit.xml").exists()  # the run itself wrote its reports
    finally:
        live.kill()
        live.wait()


# --- the environment fails: disk, permissions, history store, Prefect server -----------------


def cli(*args: str):
    """The command line in this process (typer's CliRunner): stdout and stderr apart."""
    from typer.testing import CliRunner

    from flows.cli import app

    return CliRunner().invoke(app, list(args))


def assert_exit_2_naming(run, *words: str) -> None:
    assert run.exit_code == 2, (run.exit_code, run.stdout, run.stderr)
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("figcheck: error: ") and "Traceback" not in run.stderr, run.stderr
    for word in words:
        assert word in last, run.stderr


@contextlib.contextmanager
def small_filesystem(path: Path, size: str, read_only: bool = False):
    """A tmpfs of ``size`` at ``path`` (root only); None where it cannot be mounted."""
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = (
        hasattr(os, "geteuid")
        and os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield path if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=False)


def fill(path: Path) -> None:
    """Fill the device ``path`` is on, unbuffered, down to the last byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)


def test_a_write_that_fails_keeps_the_previous_file_and_leaves_no_temporary(
    tmp_path, monkeypatch
):
    # The run-level full-disk test may fail before any report is written (the device is
    # full for every writer); this one puts write_atomic itself in front of ENOSPC.
    from reports.atomic import write_atomic

    with small_filesystem(tmp_path / "disk", "1m") as disk:
        folder = disk or tmp_path
        target = folder / "report.json"
        write_atomic(target, '{"run": 1}')
        if disk is not None:
            fill(disk / "filler")
        else:  # not root: the device fills at the fsync

            def fsync(fd):
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(os, "fsync", fsync)
        with pytest.raises(OSError) as failure:
            write_atomic(target, '{"run": 2, "pad": "' + "x" * 200_000 + '"}')
        monkeypatch.undo()
        assert failure.value.errno == errno.ENOSPC
        assert target.read_text(encoding="utf-8") == '{"run": 1}'
        assert leftover_temporaries(folder) == []


def history_runs(out: Path) -> list[dict]:
    if not (out / history.HISTORY_FILE).exists():
        return []
    store = history.HistoryStore(history.default_url(out))
    try:
        return store.list_runs()
    finally:
        store.dispose()


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".sqlite"}


def test_a_full_disk_exits_2_naming_the_folder_and_keeps_the_previous_reports(
    tmp_path, demo_text, monkeypatch
):
    monkeypatch.delenv(history.HISTORY_URL_ENV, raising=False)
    (changed,) = variants(tmp_path / "in", demo_text, [45])
    with small_filesystem(tmp_path / "disk", "8m") as disk:
        out = (disk or tmp_path) / "out"
        first = cli(*check_args(out, str(DEMO), changed))
        assert first.exit_code == 1, first.stderr  # variant-45 states a wrong figure
        before = snapshot(out)
        if disk is not None:  # fill the device: the next write meets ENOSPC for real
            fill(disk / "filler")
        else:  # no tmpfs (not root): the disk fills during the reports' fsync
            real_fsync = os.fsync
            calls = iter(range(10_000))

            def fsync(fd):
                if next(calls) >= 3:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return real_fsync(fd)

            monkeypatch.setattr(os, "fsync", fsync)
        second = cli(*check_args(out, str(DEMO), changed))
        monkeypatch.undo()
        assert_exit_2_naming(second, str(out), "no space")
        assert leftover_temporaries(out) == []
        after = snapshot(out)
        assert set(after) == set(before)  # each file is its previous version or a new whole one
        for name, content in after.items():
            if name.endswith(".json"):
                json.loads(content)
        if disk is not None:
            (disk / "filler").unlink()  # SQLite's reader needs room for its shared-memory file
        assert len(history_runs(out)) == 1  # only the run that finished


def test_a_full_history_store_exits_2_and_records_nothing(tmp_path, monkeypatch):
    import sqlite3

    import sqlalchemy as sa

    monkeypatch.delenv(history.HISTORY_URL_ENV, raising=False)
    out = tmp_path / "out"

    def full(self, *args, **kwargs):
        raise sa.exc.OperationalError(
            "INSERT INTO figcheck_runs", {}, sqlite3.OperationalError("database or disk is full")
        )

    monkeypatch.setattr(history.HistoryStore, "record_run", full)
    run = cli(*check_args(out, str(DEMO)))
    assert_exit_2_naming(run, "history.sqlite", "disk is full")
    monkeypatch.undo()
    assert history_runs(out) == []


def test_the_history_row_comes_only_after_every_file_of_the_run(tmp_path, monkeypatch):
    from flows import steps

    monkeypatch.delenv(history.HISTORY_URL_ENV, raising=False)
    out = tmp_path / "out"

    def junit_fails(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "junit.xml"))

    monkeypatch.setattr(steps, "finish_reports", junit_fails)
    run = cli(*check_args(out, str(DEMO)))
    assert_exit_2_naming(run, str(out), "no space")
    assert history_runs(out) == []  # the per-article reports exist, the run's index did not


def test_a_read_only_output_folder_exits_2_before_any_work(tmp_path, monkeypatch):
    from flows import steps

    def never(*args, **kwargs):
        raise AssertionError("work started although the output folder is not writable")

    monkeypatch.setattr(steps, "load_reference_data", never)
    monkeypatch.setattr(steps, "extract_one", never)
    with small_filesystem(tmp_path / "ro", "1m", read_only=True) as ro:
        out = ro or tmp_path / "locked"
        if ro is None:
            out.mkdir()
            out.chmod(0o555)
        run = cli(*check_args(out, str(DEMO)))
        out.chmod(0o755) if ro is None else None
    assert_exit_2_naming(run, str(out), "not writable")


def test_a_corrupt_history_store_exits_2_before_any_work(tmp_path, monkeypatch):
    from flows import steps

    monkeypatch.delenv(history.HISTORY_URL_ENV, raising=False)

    def never(*args, **kwargs):
        raise AssertionError("work started although the history store cannot take the run")

    monkeypatch.setattr(steps, "load_reference_data", never)
    out = tmp_path / "out"
    out.mkdir()
    (out / history.HISTORY_FILE).write_bytes(b"not a database, a truncated copy" * 40)
    run = cli(*check_args(out, str(DEMO)))
    assert_exit_2_naming(run, history.HISTORY_FILE, "not a database", "nothing was checked")
    assert sorted(p.name for p in out.iterdir()) == [history.HISTORY_FILE]


def test_an_output_path_that_is_a_file_is_named_as_not_a_folder(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("a file, not a folder", encoding="utf-8")
    assert_exit_2_naming(cli(*check_args(out, str(DEMO))), str(out), "is not a folder")


def test_an_unreachable_prefect_server_names_prefect_api_url_and_the_local_engine(tmp_path):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = subprocess.run(
        [str(FIGCHECK), "check", str(DEMO), "--out", str(tmp_path)],
        env=env() | {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api"},
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2, run.stderr
    assert "PREFECT_API_URL" in run.stderr and "--engine local" in run.stderr
    assert "Traceback" not in run.stderr


def test_no_loopback_for_the_embedded_server_exits_2_at_once(tmp_path, monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows import prefect_server

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(prefect_server, "loopback_available", lambda: False)
    # A test harness earlier in the session may have configured a server: none here.
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        run = cli("check", str(DEMO), "--out", str(tmp_path))
    assert_exit_2_naming(run, "PREFECT_API_URL", "--engine local", "127.0.0.1")


# figcheck's CLI with the run's index step failing on a full disk, inside a Prefect task.
FULL_DISK_FIGCHECK = """
import errno, os, sys
from flows import steps
def full(articles, results, out, options):
    raise OSError(errno.ENOSPC, "No space left on device", os.path.join(out, "junit.xml"))
steps.finish_reports = full
from flows.cli import main
sys.argv = ["figcheck", *sys.argv[1:]]
main()
"""


def test_a_task_failing_under_prefect_logs_one_line_and_no_traceback(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    out = tmp_path / "out"
    args = ["check", str(DEMO), "--published", "2024-06-28", "--out", str(out)]
    # A process of its own (Prefect's console logging as a user sees it), on the session's
    # test server rather than an embedded one of its own: that start-up is not under test here
    # (test_kill_9_... and tests/test_cli.py's demo run start the embedded server).
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK_FIGCHECK, *args],
        env=env() | {"PREFECT_API_URL": PREFECT_API_URL.value()},
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 2, run.stderr
    # The failure went through Prefect's task engine and its logger ...
    assert "Task run failed with exception: OSError(28" in run.stderr, run.stderr
    # ... which printed no traceback; figcheck's own line closes the run.
    assert "Traceback" not in run.stderr and 'File "' not in run.stderr, run.stderr
    (line,) = [x for x in run.stderr.splitlines() if x.startswith("figcheck: error: ")]
    assert str(out) in line and "no space" in line, run.stderr
    assert history_runs(out) == []


def test_prefect_console_formatter_drops_tracebacks_unless_debugging(monkeypatch):
    import logging

    from flows import prefect_logging

    monkeypatch.delenv(prefect_logging.STANDARD_FORMATTER_ENV, raising=False)
    monkeypatch.setenv("FIGCHECK_DEBUG", "1")
    prefect_logging.quiet_prefect_tracebacks()
    assert prefect_logging.STANDARD_FORMATTER_ENV not in os.environ  # --debug: Prefect's own
    monkeypatch.delenv("FIGCHECK_DEBUG")
    prefect_logging.quiet_prefect_tracebacks()
    assert os.environ[prefect_logging.STANDARD_FORMATTER_ENV] == prefect_logging.ONE_LINE_FORMATTER

    try:
        raise OSError(errno.ENOSPC, "No space left on device")
    except OSError:
        record = logging.LogRecord(
            "prefect.task_runs", logging.ERROR, __file__, 1, "Task run failed", None, sys.exc_info()
        )
    record.task_run_name = "index-1"
    full = logging.Formatter().format(record)  # another handler formats (and caches) it first
    assert "Traceback" in full and record.exc_text
    line = prefect_logging.OneLineFormatter(
        format="%(levelname)s | %(message)s", task_run_fmt="%(levelname)s | %(message)s"
    ).format(record)
    assert line == "ERROR | Task run failed"
    assert record.exc_text and record.exc_info  # the API handler still gets the traceback


def children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(stat.parent.name))
    return found


def outliving(pids: list[int], seconds: float = 30) -> list[int]:
    """The processes of ``pids`` still alive after ``seconds``; they are killed then, so
    that they are not left to the next test either."""
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in pids if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; tie is Linux-only")
def test_kill_9_of_a_prefect_run_leaves_no_server_behind(tmp_path, demo_text):
    markers = tmp_path / "markers"
    markers.mkdir()
    (article,) = variants(tmp_path / "in", demo_text, [65])
    run = subprocess.Popen(
        [sys.executable, "-c", SLOW_FIGCHECK, "check", article, "--out", str(tmp_path / "out")],
        env=env(markers),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for((markers / "variant-65").exists, run, "the article was rendered")
        servers = children(run.pid)
        assert servers, "the Prefect run should have its embedded server as a child"
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.wait()
    assert outliving(servers) == [], "the embedded Prefect server outlived figcheck"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; tie is Linux-only")
@pytest.mark.skipif(usable_cores() < 2, reason="one core: a long text is read in this process")
def test_kill_9_of_figcheck_extract_leaves_no_worker_behind(tmp_path):
    """A text too long to be an article is read on worker processes (``flows.workers``);
    they die with the run."""
    paragraph = (
        "Militants carried out {n} attacks in Balochistan in {y}, killing {k} people, "
        "according to the institute.\n\n"
    )
    article = tmp_path / "archive.txt"  # about 5 MB: two parts for each of two workers
    article.write_text("".join(
        paragraph.format(n=i % 700, y=2000 + i % 25, k=i % 900) for i in range(45_000)
    ), encoding="utf-8")
    run = subprocess.Popen(
        [str(FIGCHECK), "extract", str(article), "--published", "2024-06-28",
         "--format", "csv"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def workers() -> list[int]:
        return [pid for pid in children(run.pid) if "spawn_main" in Path(
            f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]

    def cpu_seconds(pid: int) -> float:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return 0.0

    try:
        # Past their imports (about 1.3 CPU-s): a worker killed while it starts up ends
        # anyway, its parent's pipe closed.
        wait_for(lambda: len(w := workers()) == 2 and min(map(cpu_seconds, w)) > 2.2, run,
                 "two workers were reading", 120)
        started = workers()
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.wait()
    assert outliving(started) == [], "the extraction's workers outlived figcheck"


def test_the_embedded_server_starts_without_prefect_server_in_figchecks_process(tmp_path):
    """figcheck starts Prefect's embedded server as a child and talks to it, without
    importing ``prefect.server`` (the whole API, about 5 CPU-s) into its own process."""
    code = (
        "import sys, httpx; from flows import prefect_server as p; url = p.ensure_server(); "
        "print(url.startswith('http://127.0.0.1:'), httpx.get(url + '/health').status_code, "
        "'prefect.server.api.server' in sys.modules)"
    )
    e = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    e |= {"PREFECT_HOME": str(tmp_path / "prefect-home")}
    (tmp_path / "prefect-home").mkdir()
    run = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=e,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "200", "False"], run.stdout
