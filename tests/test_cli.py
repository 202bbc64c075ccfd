"""The figcheck command line: exit codes, stdout/stderr discipline, outputs on disk."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import DEMO, invoke_figcheck
from tests.conftest import run_figcheck as figcheck


def test_demo_run_exits_0_and_writes_reports(tmp_path, gold):
    run = figcheck("check", "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    article_id = DEMO.stem
    (line,) = run.stdout.splitlines()
    assert line.startswith(f"{article_id}: {len(gold['claims'])} claims")
    result = json.loads((tmp_path / f"{article_id}.json").read_text(encoding="utf-8"))
    expected = {}
    for claim in gold["claims"]:
        expected[claim["verdict"]] = expected.get(claim["verdict"], 0) + 1
    assert {v: n for v, n in result["summary"].items() if n} == expected
    assert (tmp_path / f"{article_id}.html").is_file()
    assert (tmp_path / "index.html").is_file()
    # The embedded server stored the run where `prefect server start` will show it later:
    # the flow run and its task runs with their final states, and the run's logs.
    with closing(sqlite3.connect(tmp_path / "history.sqlite")) as db:
        (run_id,) = db.execute("SELECT run_id FROM figcheck_runs").fetchone()
    prefect_db = Path(os.environ["PREFECT_HOME"]) / "prefect.db"
    with closing(sqlite3.connect(f"file:{prefect_db}?mode=ro", uri=True)) as db:
        flow_runs = db.execute("SELECT name, state_type FROM flow_run WHERE id = ?", (run_id,))
        assert flow_runs.fetchall() == [(f"check {article_id}", "COMPLETED")]
        tasks = db.execute("SELECT state_type FROM task_run WHERE flow_run_id = ?", (run_id,))
        states = [state for (state,) in tasks]
        assert states and set(states) == {"COMPLETED"}
        logs = db.execute("SELECT count(*) FROM log WHERE flow_run_id = ?", (run_id,))
        assert logs.fetchone()[0] > 0


def test_a_contradicted_figure_exits_1_and_json_holds_every_article(
    prefect_harness, tmp_path, demo_text
):
    # In this process, through the Prefect flow on the session's test server: the exit code,
    # stdout and stderr are the command's own (test_demo_run_... starts a real process).
    changed = tmp_path / "changed.txt"
    changed.write_text(demo_text.replace("65% increase", "45% increase"), encoding="utf-8")
    run = invoke_figcheck(
        "check",
        str(DEMO),
        str(changed),
        "--published",
        "2024-06-28",
        "--json",
        "--out",
        str(tmp_path / "out"),
    )
    assert run.exit_code == 1, (run.stderr, run.exception)
    payload = json.loads(run.stdout)  # nothing but JSON on stdout
    by_id = {r["article"]["id"]: r for r in payload["articles"]}
    assert set(by_id) == {DEMO.stem, "changed"}
    bad = [c for c in by_id["changed"]["claims"] if c["verdict"] == "contradicted"]
    assert [c["text"] for c in bad] == ["45% increase"]
    assert by_id[DEMO.stem]["summary"]["contradicted"] == 0
    assert '"45% increase"' in run.stderr


def test_fail_on_takes_any_verdicts(prefect_harness, tmp_path):
    run = invoke_figcheck("check", "--fail-on", "disputed", "--out", str(tmp_path))
    assert run.exit_code == 1, (run.stderr, run.exception)
    assert "84% of attacks" in run.stderr


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["check", "{tmp}/nope.txt"], "nope.txt: no such file"),
        (None, ["check", "--published", "2024-13-01"], "'2024-13-01' is not a date"),
        (None, ["check", "--fail-on", "wrong"], "unknown verdict(s) wrong"),
        (("bin.txt", b"\x00\x01\x02 binary"), ["check", "{tmp}/bin.txt"], "binary"),
        (("empty.txt", b""), ["check", "{tmp}/empty.txt"], "empty.txt: article is empty"),
        (("blank.md", b"  \n\t\n"), ["extract", "{tmp}/blank.md"], "blank.md: article is empty"),
        (("notes.pdf", b"%PDF"), ["check", "{tmp}/notes.pdf"], "notes.pdf"),
        (None, ["extract", "--format", "xml"], "'xml' is not one of json, csv, table"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(tmp_path, setup, args, message):
    if setup:
        (tmp_path / setup[0]).write_bytes(setup[1])
    run = invoke_figcheck(*[a.format(tmp=tmp_path) for a in args])
    assert run.exit_code == 2, (run.stdout, run.stderr, run.exception)
    assert message in " ".join(run.stderr.split())
    assert "Traceback" not in run.stderr


def test_extract_prints_the_claims_table_as_json(gold):
    run = invoke_figcheck("extract", "--format", "json")
    assert run.exit_code == 0, run.stderr
    claims = json.loads(run.stdout)
    assert [c["text"] for c in claims] == [c["quote"] for c in gold["claims"]]


def test_extract_reads_standard_input_as_csv():
    run = invoke_figcheck(
        "extract",
        "-",
        "--format",
        "csv",
        "--published",
        "2024-06-28",
        stdin="Attacks rose by 17% last year, according to PIPS.",
    )
    assert run.exit_code == 0, run.stderr
    (row,) = csv.DictReader(io.StringIO(run.stdout))
    assert row["text"] in "Attacks rose by 17%"
    assert float(row["value"]) == 17.0
    assert row["period"] == "2023"


def test_a_prefect_home_in_a_missing_folder_is_created(tmp_path, monkeypatch):
    """Prefect makes PREFECT_HOME without parents and then cannot open its database."""
    from flows.cli import _quiet_services

    home = tmp_path / "not" / "yet" / "prefect-home"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    _quiet_services()
    assert home.is_dir()


def test_version_prints_the_installed_version():
    from importlib.metadata import version

    run = invoke_figcheck("--version")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip() == f"figcheck {version('figcheck')}"


def test_sources_show_an_unknown_name_lists_the_valid_ones():
    run = invoke_figcheck("sources", "show", "pipz")
    assert run.exit_code == 2, (run.stdout, run.stderr)
    message = " ".join(run.stderr.split())
    assert "no dataset 'pipz'" in message
    from sources.references import DATA_DIR

    bundled = sorted(p.stem for p in DATA_DIR.glob("*.yaml"))
    assert "pips" in bundled and "gti" in bundled
    assert f"valid names: {', '.join(bundled)}" in message


def test_an_undated_article_is_warned_about_on_stderr(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Attacks rose by 17% last year, according to PIPS.", encoding="utf-8")
    run = invoke_figcheck("extract", str(undated), str(DEMO), "--format", "json")
    assert run.exit_code == 0, run.stderr
    stderr = " ".join(run.stderr.split())  # rich wraps long lines
    assert stderr.count("no publication date") == 1  # the demo has its own date
    assert "undated.txt: no publication date" in stderr


def test_published_dates_only_undated_articles_unless_override(tmp_path):
    text = "Attacks rose by 17% last year, according to PIPS."
    (tmp_path / "undated.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dated.md").write_text(f"---\ndate: 2024-06-01\n---\n{text}", encoding="utf-8")

    def periods(*extra: str) -> dict[str, str]:
        run = invoke_figcheck("extract", str(tmp_path), "--format", "json", *extra)
        assert run.exit_code == 0, run.stderr
        return {c["article_id"]: c["period"] for c in json.loads(run.stdout)}

    # "last year" follows the article's own date; --published dates only the undated one...
    assert periods("--published", "2021-05-01") == {"dated": "2023", "undated": "2020"}
    # ...unless --published-override says to replace every article's date.
    assert periods("--published", "2021-05-01", "--published-override") == {
        "dated": "2020",
        "undated": "2020",
    }
    run = invoke_figcheck("extract", "--published-override")
    assert run.exit_code == 2 and "needs --published" in run.stderr


def python_output(code: str) -> str:
    """What ``python -c code`` prints, in a fresh interpreter (which modules an import loads
    can only be seen in a process that has loaded nothing yet)."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_help_loads_neither_pandas_nor_pandera_gx_or_prefect():
    """`figcheck --help` starts in a fraction of a second: the heavy stacks load on use."""
    code = (
        "import sys; from flows.cli import app; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'pandas', 'pandera', 'great_expectations', 'prefect', 'numpy'}))"
    )
    assert python_output(code) == "[]"


def test_the_default_exceptions_file_is_named_once():
    from checks.exceptions import DEFAULT_FILE
    from flows.cli import DEFAULT_EXCEPTIONS

    assert DEFAULT_EXCEPTIONS == DEFAULT_FILE


def test_help_is_plain_click_help_without_rich_markdown_or_console():
    """`figcheck --help` prints every command without loading typer's rich help (Markdown,
    Pygments, rich's traceback) or rich's console: about half of its start-up."""
    code = (
        "import sys; from flows.cli import app; app(['--help'], standalone_mode=False); "
        "print(sorted({'typer.rich_utils', 'rich.markdown', 'markdown_it', 'pygments', "
        "'rich.console'} & set(sys.modules)))"
    )
    *help_lines, loaded = python_output(code).splitlines()
    assert loaded == "[]"
    help_text = "\n".join(help_lines)
    for command in ("check", "extract", "history", "serve", "sources"):
        assert f"\n  {command} " in help_text, help_text
