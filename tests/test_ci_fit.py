"""figcheck in CI: reviewed exceptions on the command line, the run's machine outputs, and
the example GitHub Actions workflow and pre-commit hook (they parse and use real options).

One test runs ``figcheck check`` end to end in this process (the local engine); the others
stop before the flow starts or only read files.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
import xml.etree.ElementTree as ET

import pytest
import typer.main
import yaml

from flows.cli import app
from tests.conftest import DEMO, ROOT, invoke_figcheck

WORKFLOW = ROOT / "examples" / "github-actions.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

ACCEPT_84 = f"""\
exceptions:
  - article: {DEMO.stem}
    text: 84% of attacks
    verdict: disputed
    reason: The article follows CRSS, which counts all violence.
    reviewer: Desk
    date: 2024-07-01
  - article: {DEMO.stem}
    text: 65% increase
    verdict: contradicted
    reason: An old review of a figure that has since been corrected.
"""


def invoke(*args: str) -> tuple[int, str]:
    """Run the CLI in-process (these calls stop before the flow); exit code and stderr."""
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.stderr.split())  # rich wraps long lines


def check_options() -> set[str]:
    """Every option name ``figcheck check`` accepts, read from the command itself."""
    command = typer.main.get_command(app).commands["check"]
    return {name for p in command.params for name in getattr(p, "opts", [])}


# --- reviewed exceptions -----------------------------------------------------------------


def test_default_exceptions_file_accepts_a_reviewed_claim_and_outputs_follow(
    tmp_path, monkeypatch
):
    (tmp_path / ".figcheck-exceptions.yaml").write_text(ACCEPT_84, encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)  # the default file is read from the working folder
    # The in-process engine (issue 6) when there is one: same steps, no Prefect server.
    engine = ["--engine", "local"] if "--engine" in check_options() else []
    run = invoke_figcheck("check", *engine, "--fail-on", "disputed", "--out", str(out))
    # Without the file this run exits 1 (tests/test_cli.py); the accepted claim passes.
    assert run.exit_code == 0, (run.stderr, run.exception)
    stderr = " ".join(run.stderr.split())  # rich wraps long lines
    assert 'accepted disputed: "84% of attacks" — The article follows CRSS' in stderr
    assert '.figcheck-exceptions.yaml:8: the exception for "65% increase"' in stderr
    assert "matches no claim" in stderr

    result = json.loads((out / f"{DEMO.stem}.json").read_text(encoding="utf-8"))
    by_text = {c["text"]: c for c in result["claims"]}
    assert by_text["84% of attacks"]["accepted"] == {
        "reason": "The article follows CRSS, which counts all violence.",
        "reviewer": "Desk",
        "date": "2024-07-01",
    }
    assert all(c["accepted"] is None for t, c in by_text.items() if t != "84% of attacks")
    assert result["run"]["duration_seconds"] > 0

    html = (out / f"{DEMO.stem}.html").read_text(encoding="utf-8")
    assert "Accepted by review:" in html and "run time" in html
    assert '<script type="application/ld+json">' in html

    rows = list(csv.DictReader((out / f"{DEMO.stem}.csv").open(encoding="utf-8")))
    assert [r["text"] for r in rows] == [c["text"] for c in result["claims"]]
    reviews = json.loads((out / f"{DEMO.stem}.claimreview.json").read_text(encoding="utf-8"))
    assert [r["url"] for r in reviews] == [
        f"{DEMO.stem}.html#claim-{n}" for n in range(1, len(rows) + 1)
    ]
    # the claims' author is the article's publisher, from its .meta.yaml sidecar
    assert {r["itemReviewed"]["author"]["name"] for r in reviews} == {"KabulNow"}
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert suite.attrib["failures"] == "0" and suite.attrib["tests"] == str(len(rows))
    skipped = suite.find("testcase[@name='“84% of attacks”']/skipped")
    assert skipped.attrib["message"].startswith("accepted disputed:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such exceptions file"),
        ("- article: a\n  text: t\n  verdict: maybe\n  reason: r\n", "ex.yaml:1: unknown verdict"),
        ("exceptions:\n  - {article: a, text: t\n", "ex.yaml:3: not valid YAML"),
    ],
)
def test_bad_exceptions_file_exits_2_naming_file_and_line(tmp_path, content, message):
    path = tmp_path / "ex.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, stderr = invoke("check", "--exceptions", str(path), "--out", str(tmp_path))
    assert code == 2, stderr
    assert message in stderr


def test_a_bad_default_exceptions_file_also_exits_2(tmp_path, monkeypatch):
    (tmp_path / ".figcheck-exceptions.yaml").write_text("- nonsense\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, stderr = invoke("check", "--out", str(tmp_path / "out"))
    assert code == 2
    assert ".figcheck-exceptions.yaml:1: an entry must be a mapping" in stderr


def test_junit_skip_takes_verdicts_only():
    code, stderr = invoke("check", "--junit-skip", "maybe")
    assert code == 2 and "--junit-skip: unknown verdict(s) maybe" in stderr


# --- the examples ------------------------------------------------------------------------


def _figcheck_commands(script: str) -> list[list[str]]:
    """The argument lists of every ``figcheck check`` command in a shell script."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words[:2] == ["figcheck", "check"]:
            commands.append(words[2:])
    return commands


def _assert_real_options(args: list[str]) -> None:
    used = {a.split("=", 1)[0] for a in args if a.startswith("--")}
    assert used, args
    assert used <= check_options(), used - check_options()
    # And the installed command accepts them as written (--help stops before any work).
    values = [a for a in args if not a.startswith("$") and "${" not in a]
    code, stderr = invoke("check", *values, "--help")
    assert code == 0, stderr


def test_github_workflow_parses_runs_figcheck_and_publishes_junit():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as true.
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    assert all(s.get("name") for s in steps)
    commands = [c for s in steps for c in _figcheck_commands(s.get("run", ""))]
    assert len(commands) == 1, "one figcheck run covers every changed article"
    (args,) = commands
    _assert_real_options(args)
    out = args[args.index("--out") + 1]
    assert out == '"$REPORTS"' or out == "$REPORTS"
    reports = workflow["env"]["REPORTS"]
    publish = next(s for s in steps if "junit" in s.get("uses", ""))
    assert publish["uses"].startswith("mikepenz/action-junit-report@v")
    assert publish["with"]["report_paths"] == "${{ env.REPORTS }}/junit.xml"
    assert "always()" in publish["if"]
    assert reports and re.fullmatch(r"[\w.-]+", reports)
    # Every step is explained by a comment in the file.
    text = WORKFLOW.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(text):
        if line.strip().startswith("- name:"):
            assert text[i - 1].strip().startswith("#"), f"step without a comment: {line}"


def test_pre_commit_hook_parses_and_runs_figcheck_on_articles():
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "figcheck" and hook["language"] == "python"
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["figcheck", "check"]
    _assert_real_options(entry[2:] + hook.get("args", []))
    files = re.compile(hook["files"])
    for name in ("news/a.md", "b.txt", "c.html", "d.htm"):
        assert files.search(name), name
    for name in ("e.py", "f.mdx", "g.txt.bak"):
        assert not files.search(name), name
    assert hook["require_serial"] is True
    # The entry is the console script this package installs.
    assert "figcheck = " in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
