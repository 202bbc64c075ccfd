"""Drafts anyone can push: no file leaks, no crash, one exit contract (issue 15).

Everything goes through the command line in-process (typer's CliRunner) with
``--engine local``; exit 1 must mean "a wrong figure" and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import DEMO

PUBLISHED = "2024-06-28"


def figcheck(*args: str, stdin: bytes | None = None):
    """Run the CLI in this process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args), input=stdin)


def extract_json(*args: str, stdin: bytes | None = None) -> list[dict]:
    run = figcheck("extract", *args, "--format", "json", "--published", PUBLISHED, stdin=stdin)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def check_local(out: Path, *args: str, stdin: bytes | None = None):
    return figcheck(
        "check",
        *args,
        "--engine",
        "local",
        "--published",
        PUBLISHED,
        "--out",
        str(out),
        stdin=stdin,
    )


def assert_one_line_exit_2(run, *words: str) -> None:
    assert run.exit_code == 2, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("figcheck: error: "), run.stderr
    assert "Traceback" not in run.stderr
    for word in words:
        assert word in lines[-1], run.stderr


# --- symbolic links -------------------------------------------------------------------------


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "credentials.txt"
    path.parent.mkdir()
    path.write_text("token = s3cr3t-figcheck-test\nIn 2023, 693 people were killed.\n")
    return path


def test_a_symlinked_article_in_a_folder_is_refused_and_nothing_is_published(tmp_path, secret):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "real.txt").write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "x.txt").symlink_to(secret)
    out = tmp_path / "out"
    run = check_local(out, str(articles))
    assert_one_line_exit_2(run, "x.txt", "symbolic link")
    published = "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
    assert "s3cr3t" not in published


def test_a_symlink_given_directly_or_as_sidecar_is_refused(tmp_path, secret):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    link = drafts / "draft.txt"
    link.symlink_to(secret)  # ../private/credentials.txt: outside the link's folder
    assert_one_line_exit_2(figcheck("extract", str(link)), "draft.txt", "symbolic link")

    article = drafts / "a.txt"
    article.write_text("In 2023, attacks killed 693 people in Pakistan.\n")
    (drafts / "a.meta.yaml").symlink_to(secret)
    assert_one_line_exit_2(figcheck("extract", str(article)), "a.meta.yaml", "symbolic link")


def test_a_link_to_a_sibling_file_stays_allowed(tmp_path):
    (tmp_path / "real.txt").write_text("In 2023, attacks killed 693 people in Pakistan.\n")
    (tmp_path / "alias.txt").symlink_to("real.txt")
    claims = extract_json(str(tmp_path / "alias.txt"))
    assert [c["text"] for c in claims if c["kind"] == "count"] == ["693"]


def test_an_unreadable_subfolder_is_an_error_not_skipped(tmp_path):
    if hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0:
        # root reads any folder: simulate the listing failure os.walk reports.
        import os

        real = os.scandir

        def scandir(path="."):
            if str(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        mp = pytest.MonkeyPatch()
        mp.setattr(os, "scandir", scandir)
    else:
        mp = None
    try:
        (tmp_path / "a.txt").write_text("In 2023, attacks killed 693 people in Pakistan.\n")
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "b.txt").write_text("In 2023, attacks killed 693 people in Pakistan.\n")
        if mp is None:
            locked.chmod(0)
        run = figcheck("extract", str(tmp_path))
    finally:
        if mp is not None:
            mp.undo()
        (tmp_path / "locked").chmod(0o755)
    assert_one_line_exit_2(run, "locked", "cannot be read")


# --- YAML metadata --------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    + ["title: *i"]
)


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_once(tmp_path):
    article = tmp_path / "bomb.md"
    article.write_text(f"---\n{ALIAS_BOMB}\n---\nIn 2023, attacks killed 693 people.\n")
    started = time.monotonic()
    run = figcheck("extract", str(article))
    assert time.monotonic() - started < 5  # refused while parsing, nothing expanded
    assert_one_line_exit_2(run, "bomb.md", "alias")


def test_sidecar_metadata_is_bounded_in_aliases_size_and_types(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("In 2023, attacks killed 693 people in Pakistan.\n")
    sidecar = tmp_path / "a.meta.yaml"
    sidecar.write_text(ALIAS_BOMB + "\n")
    assert_one_line_exit_2(figcheck("extract", str(article)), "a.meta.yaml", "alias")
    sidecar.write_text("title: x\nnotes: '" + "y" * 70_000 + "'\n")
    assert_one_line_exit_2(figcheck("extract", str(article)), "a.meta.yaml", "larger than")
    sidecar.write_text("title:\n  nested: {deep: [1, 2]}\n")
    assert_one_line_exit_2(figcheck("extract", str(article)), "a.meta.yaml", "plain value")
    sidecar.write_text("title: Attacks in 2023\npublished: 2024-01-05\ntags: [security, data]\n")
    assert figcheck("extract", str(article)).exit_code == 0


# --- the report page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("report")
    run = check_local(out, str(DEMO))
    assert run.exit_code == 0, run.stderr
    return (out / f"{DEMO.stem}.html").read_text(encoding="utf-8")


def test_the_report_csp_allows_its_own_script_by_hash_and_no_other_inline_script(demo_report):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', demo_report)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    allowed = re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", policy)
    scripts = re.findall(r"<script>(.*?)</script>", demo_report, re.DOTALL)
    assert len(scripts) == 1  # figcheck's own script; JSON-LD is a data block
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert allowed == [f"sha256-{digest}"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//",
        "https://",
        "data:text/html,x",
        "https://a b.org/",
        "ftp://x.org/",
        "https://user:pw@example.org/",
    ],
)
def test_report_url_must_be_an_http_url_with_a_host(tmp_path, url):
    run = check_local(tmp_path, str(DEMO), "--report-url", url)
    assert_one_line_exit_2(run, "--report-url")
    assert not list(tmp_path.iterdir())  # refused before anything ran


# --- invisible and non-ASCII characters -----------------------------------------------------


def test_invisible_characters_do_not_split_a_figure(tmp_path):
    text = "In 2023, militant attacks killed 1,\u00ad524 people in Pakistan, a 6\u200b5% increase."
    run = figcheck("extract", "-", "--format", "json", stdin=text.encode())
    assert run.exit_code == 0, run.stderr
    claims = json.loads(run.stdout)
    assert sorted(c["value"] for c in claims if c["kind"] != "date") == [65.0, 1524.0]
    assert "U+00AD" in run.stderr and "U+200B" in run.stderr  # the user is told
    for c in claims:  # offsets point into the text the report shows: the normalised one
        assert "\u200b" not in c["sentence"] and c["sentence"][0] == "I"


def test_a_bidi_override_cannot_make_the_checked_figure_differ_from_the_shown_one(tmp_path):
    # Displayed right-to-left as "25 people"; stored as "52". Override removed: 52 is shown
    # and checked.
    text = "In 2023, attacks killed \u202e52\u202c people in Pakistan."
    out = tmp_path / "out"
    run = check_local(out, "-", stdin=text.encode())
    assert run.exit_code in (0, 1), run.stderr
    (written,) = out.glob("stdin-??????????.json")  # an id from the text's hash
    result = json.loads(written.read_text(encoding="utf-8"))
    html = written.with_suffix(".html").read_text(encoding="utf-8")
    assert [c["text"] for c in result["claims"] if c["kind"] == "count"] == ["52"]
    assert "\u202e" not in html and "U+202E" in run.stderr


@pytest.mark.parametrize(
    "digits",
    ["\u0666\u0669\u0663", "\u096c\u096f\u0969", "\uff16\uff19\uff13"],
    ids=["arabic-indic", "devanagari", "full-width"],
)
def test_digits_of_other_scripts_are_read(digits):
    text = f"In 2023, attacks killed {digits} people in Pakistan."
    run = figcheck("extract", "-", "--format", "json", stdin=text.encode())
    assert run.exit_code == 0, run.stderr
    assert [c["value"] for c in json.loads(run.stdout) if c["kind"] == "count"] == [693.0]
    assert "non-ASCII digit" in run.stderr


def test_utf16_files_are_read(tmp_path):
    article = tmp_path / "windows.txt"
    article.write_bytes("In 2023, attacks killed 693 people in Pakistan.\n".encode("utf-16"))
    assert [c["value"] for c in extract_json(str(article)) if c["kind"] == "count"] == [693.0]


# --- the exit contract: odd numbers, standard input -------------------------------------------


@pytest.mark.parametrize(
    "figure",
    ["inf", "9" * 400, "99999999999999999999999%", "1e400", "NaN%", "-1e-400%"],
    ids=["inf", "400-digits", "huge-percent", "overflow", "nan", "underflow"],
)
def test_odd_numbers_are_read_or_skipped_without_a_crash(tmp_path, figure):
    text = f"Terrorist attacks in Pakistan killed {figure} people in 2023, according to PIPS."
    run = check_local(tmp_path, "-", stdin=text.encode())
    assert run.exit_code == 0, run.stderr  # nothing to fail on: no wrong figure
    (written,) = tmp_path.glob("stdin-??????????.json")  # an id from the text's hash
    result = json.loads(written.read_text(encoding="utf-8"))
    for claim in result["claims"]:
        assert claim["text"] == text[claim["start"] : claim["end"]]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_stray_bytes_on_standard_input_exit_2(tmp_path, command):
    args = ["--engine", "local", "--out", str(tmp_path)] if command == "check" else []
    run = figcheck(command, "-", *args, stdin=b"Deaths rose \x81\x8d\x8f\x90 5% in 2023")
    assert_one_line_exit_2(run, "stdin: not valid UTF-8 text")


def test_latin1_on_standard_input_is_read_like_a_latin1_file(tmp_path):
    data = "Caf\u00e9 attacks killed 693 people in Pakistan in 2023.".encode("latin-1")
    (tmp_path / "a.txt").write_bytes(data)
    assert (
        extract_json("-", stdin=data)[0]["text"] == extract_json(str(tmp_path / "a.txt"))[0]["text"]
    )


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    from flows import steps

    def broken(*_args, **_kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(steps, "judge_claims", broken)
    run = check_local(tmp_path, str(DEMO))
    assert_one_line_exit_2(run, "internal error", "KeyError", "--debug")
    # --debug sets FIGCHECK_DEBUG for the process (and its children); monkeypatch takes it
    # back after the test, or every later in-process run would re-raise instead of exit 2.
    monkeypatch.setenv("FIGCHECK_DEBUG", "0")
    debug = CliRunner().invoke(
        app, ["--debug", "check", str(DEMO), "--engine", "local", "--out", str(tmp_path)]
    )
    assert isinstance(debug.exception, KeyError)  # re-raised: the traceback is shown


# --- long documents -------------------------------------------------------------------------


def test_a_1_mb_article_is_refused_by_check_past_the_documented_limit(tmp_path, demo_text):
    from flows import cli

    big = tmp_path / "long.txt"
    big.write_text((demo_text * (2**20 // len(demo_text) + 1))[: 2**20], encoding="utf-8")
    out = tmp_path / "out"
    run = check_local(out, str(big))
    assert_one_line_exit_2(run, "long.txt", f"at most {cli.MAX_CHECK_CLAIMS:,}")
    assert not out.exists()  # refused before any work or output


def test_the_claim_limit_counts_the_figures_of_each_article(tmp_path, monkeypatch):
    from flows import cli

    monkeypatch.setattr(cli, "MAX_CHECK_CLAIMS", 5)
    monkeypatch.setattr(cli, "MIN_TEXT_FOR_LIMIT", 0)
    run = check_local(tmp_path / "out", str(DEMO))
    assert_one_line_exit_2(run, DEMO.name, "at most 5 per article")
