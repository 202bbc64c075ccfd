"""The ``figcheck`` command line: parse options, call one pipeline function, map errors to exits.

Exit codes: 0 no claim in the fail-on set; 1 some claim is; 2 bad input, usage or
environment (``flows.failures`` turns every failure into one line and exit 2; ``--debug``
shows the traceback).
Prefect and GX are imported only by the commands that need them, so ``figcheck extract``
and ``--help`` start fast.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checks.figures import format_figure
from checks.values import text_or_empty, text_or_none
from checks.vocabulary import VERDICTS, Kind
from flows import commands, failures, sources_cli
from flows.prefect_logging import quiet_prefect_tracebacks
from reports import options as options_defaults
from reports.options import DEFAULT_JUNIT_SKIP, DEFAULT_REVIEWER, ReportOptions
from sources.articles import DEMO_ARTICLE, ArticleError, decode_input, discover

if TYPE_CHECKING:  # pandas, pandera, GX, Prefect and rich load in the commands that need them
    from rich.table import Table

    from checks.exceptions import ReviewedException
    from checks.precision import Tolerances

# = checks.exceptions.DEFAULT_FILE (a test keeps them equal), named here without loading
# pandas and pandera, which that module needs, for `figcheck --help`.
DEFAULT_EXCEPTIONS = ".figcheck-exceptions.yaml"

DEFAULT_FAIL_ON = ",".join(options_defaults.DEFAULT_FAIL_ON)
# `check` judges, charts and renders every claim; past this many figures in one article the
# time and memory grow beyond what a CI job should spend (README, "Limits"). `extract` has
# no such limit: it is linear in the text.
MAX_CHECK_CLAIMS = 1000
# A text shorter than this cannot state MAX_CHECK_CLAIMS figures (one per 20 characters), so
# the limit costs ordinary articles no second extraction.
MIN_TEXT_FOR_LIMIT = 20 * MAX_CHECK_CLAIMS

EXIT_OK, EXIT_FAILED_CLAIMS, EXIT_BAD_INPUT = (
    failures.EXIT_OK,
    failures.EXIT_FAILED_CLAIMS,
    failures.EXIT_BAD_INPUT,
)

# Plain Click help (rich_markup_mode=None), not typer's rich panels: the same options,
# texts and defaults, and `figcheck --help` starts in about half the CPU time, because the
# rich help loads rich's Markdown (markdown-it), Pygments and rich's traceback (measured in
# bench/README.md). Example lines keep their breaks with Click's \b paragraph marker.
app = typer.Typer(
    cls=failures.GuardedGroup,
    help="Check the numbers in news articles against cited reference datasets.",
    rich_markup_mode=None,
    context_settings={"max_content_width": 100},  # whole command summaries on wide terminals
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = failures.err


def _version(value: bool) -> None:
    """``figcheck --version``: print the installed version and exit."""
    if value:
        from flows.steps import figcheck_version

        print(f"figcheck {figcheck_version()}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=f"On a failure, show the Python traceback (also {failures.DEBUG_ENV}=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print figcheck's version."
        ),
    ] = False,
) -> None:
    """Check the numbers in news articles against cited reference datasets."""
    if debug:
        os.environ[failures.DEBUG_ENV] = "1"

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Article files (.txt, .md, .html), folders, or - for standard input. "
        "Default: the bundled demo article.",
        show_default=False,
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date of articles that state none, used to resolve 'last year' "
        "and dates without a year. An article's own date (metadata) wins unless "
        "--published-override. Unknown dates stay unresolved.",
    ),
]
PublishedOverrideOpt = Annotated[
    bool,
    typer.Option(
        "--published-override",
        help="Use --published for every article, even those that state their own date.",
    ),
]


def _fail(message: str) -> typer.Exit:
    return failures.fail(message)


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"--published: {text!r} is not a date in the form YYYY-MM-DD") from None


def _parse_fail_on(text: str, option: str = "--fail-on") -> set[str]:
    chosen = {v.strip().lower() for v in text.split(",") if v.strip()}
    unknown = chosen - set(VERDICTS)
    if unknown:
        raise _fail(
            f"{option}: unknown verdict(s) {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(VERDICTS)}"
        )
    return chosen


def _exceptions(path: Path | None) -> tuple[Path | None, list[ReviewedException]]:
    """The reviewed exceptions: the file given, else ./.figcheck-exceptions.yaml if present."""
    if path is None:
        default = Path(DEFAULT_EXCEPTIONS)
        if not default.is_file():
            return None, []
        path = default
    from checks.exceptions import ExceptionsError, load_exceptions

    try:
        return path, load_exceptions(path)
    except ExceptionsError as exc:
        raise _fail(f"--exceptions: {exc}") from None


def _report_exceptions(results: list[dict], entries: list[ReviewedException]) -> None:
    """On stderr: each accepted claim, and each entry that no longer matches its claim."""
    from checks.exceptions import unmatched

    for r in results:
        for c in r["claims"]:
            if c.get("accepted"):
                err.print(
                    f'[blue]accepted {c["verdict"]}[/]: "{c["text"]}" — {c["accepted"]["reason"]}',
                    highlight=False,
                )
    judged = [(r["article"]["id"], c["text"], c["verdict"]) for r in results for c in r["claims"]]
    for e in unmatched(entries, judged, [r["article"]["id"] for r in results]):
        err.print(
            f'[yellow]warning[/]: {e.source}: the exception for "{e.text}" ({e.verdict}) '
            "matches no claim: its text or verdict changed; review or remove it",
            highlight=False,
        )


def _inputs(paths: list[str] | None) -> tuple[list[str], str | None]:
    """Expand folders, check files exist, and read standard input once if asked for."""
    if not paths:
        return [str(DEMO_ARTICLE)], None
    stdin_text = None
    if "-" in paths:
        if paths.count("-") > 1:
            raise _fail("standard input (-) can be given only once")
        stdin_text = _read_stdin()
    files = [p for p in paths if p != "-"]
    try:
        found = [str(p) for p in discover(files)] if files else []
    except ArticleError as exc:
        raise _fail(str(exc)) from None
    if not found and stdin_text is None:
        raise _fail(f"no .txt, .md or .html article found in {', '.join(files)}")
    return found + (["-"] if stdin_text is not None else []), stdin_text


def _read_stdin() -> str:
    """Standard input as text: UTF-8 (or clearly cp1252) bytes, else exit 2 like a file."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream with no bytes under it (embedded use)
        return sys.stdin.read()
    try:
        return decode_input(stream.read(), "stdin")
    except ArticleError as exc:
        raise _fail(str(exc)) from None


def _within_limits(articles: list) -> None:
    """Exit 2 naming the article when it states more figures than `check` handles."""
    from flows.steps import extract_one

    for article in articles:
        if len(article.text) < MIN_TEXT_FOR_LIMIT:
            continue  # cannot state that many figures: not extracted twice
        n = len(extract_one(article))
        if n > MAX_CHECK_CLAIMS:
            raise _fail(
                f"{article.path}: {n:,} figures; figcheck check handles at most "
                f"{MAX_CHECK_CLAIMS:,} per article (split the document, or list its figures "
                "with figcheck extract)"
            )


def _writable_output(out: Path) -> None:
    """Exit 2 naming ``out`` unless reports can be written there, before any work starts."""
    from reports.atomic import SUFFIX, remove_stale_temporaries, temporary_prefix

    if out.exists() and not out.is_dir():
        raise _fail(f"--out: {out} is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: its imports (shutil, random, lzma) would slow --help

        fd, probe = tempfile.mkstemp(
            dir=out, prefix=temporary_prefix("figcheck-probe"), suffix=SUFFIX
        )
        try:
            # A byte, not an empty file: a full disk still has room for a name, not for data
            # (and the history store could not open its journal there).
            os.write(fd, b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
        # Temporary files of writes whose run was killed (their writer is gone); a
        # concurrent run's writes in progress are kept.
        removed = remove_stale_temporaries(out)
    except OSError as exc:
        raise _fail(failures.output_problem(out, exc)) from None
    if removed:
        err.print(
            f"note: removed {len(removed)} temporary file(s) left in {out} by interrupted runs",
            highlight=False,
        )
    from flows import history

    try:
        history.check_store(out)  # a corrupt or unreachable store fails now, not at the end
    except history.HistoryError as exc:
        raise _fail(str(exc)) from None


def _read_or_exit(
    files: list[str], day: date | None, stdin_text: str | None, override: bool = False
) -> list:
    """Read every input, or exit 2 naming the file and the problem.

    Warns on stderr for every article with no publication date: its relative dates ("last
    year") stay unresolved and their claims unverifiable.
    """
    from flows.steps import read_articles

    if override and day is None:
        raise _fail("--published-override needs --published YYYY-MM-DD")
    try:
        articles = read_articles(files, day, stdin_text, override)
    except (ArticleError, ValueError) as exc:
        raise _fail(str(exc)) from None
    for article in articles:
        if article.published is None:
            err.print(
                f"[yellow]warning[/]: {article.path}: no publication date (none in its "
                "metadata, no --published); relative dates such as 'last year' stay "
                "unresolved",
                highlight=False,
            )
        if article.normalised:
            # Said once, where the user looks: the text checked and shown is the normalised one.
            err.print(
                f"[yellow]note[/]: {article.path}: text normalised before checking: "
                + "; ".join(article.normalised),
                highlight=False,
                soft_wrap=True,
            )
    return articles


def _data_or_exit(data: list[Path] | None, no_bundled_data: bool):
    """The reference data selection; with packs, load it once now so that a bad pack is
    refused (exit 2, file and line) before any server starts."""
    from sources.references import ReferenceDataError, load_selection

    chosen = sources_cli.selection(data, no_bundled_data)
    if chosen.packs:
        try:
            load_selection(chosen)
        except ReferenceDataError as exc:
            raise _fail(str(exc)) from None
    return chosen


def _quiet_services() -> None:
    """No telemetry, a start-up timeout that survives a cold embedded server, a home that exists."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # A failing task's traceback stays off the console: the exit contract prints one line.
    quiet_prefect_tracebacks()
    if os.environ.get("PREFECT_HOME"):
        # Prefect makes its home folder without parents, then fails to open its database.
        Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="local|prefect",
        help="prefect: the Prefect flow; local: the same steps in-process, no Prefect server.",
    ),
]
TaskRunnerOpt = Annotated[
    str | None,
    typer.Option(
        "--task-runner",
        metavar="thread|process|dask",
        help="How the Prefect flow runs per-article tasks (default: thread).",
        show_default=False,
    ),
]
DaskAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--dask-address",
        metavar="tcp://HOST:PORT",
        help="Run on this Dask scheduler (implies --task-runner dask). "
        "Default with dask: a local cluster.",
        show_default=False,
    ),
]


def _engine_options(engine: str, task_runner: str | None, dask_address: str | None) -> str:
    """Check --engine/--task-runner/--dask-address together; return the task runner."""
    if engine not in ("local", "prefect"):
        raise _fail(f"--engine: {engine!r} is not one of local, prefect")
    if task_runner not in (None, "thread", "process", "dask"):
        raise _fail(f"--task-runner: {task_runner!r} is not one of thread, process, dask")
    if dask_address and task_runner not in (None, "dask"):
        raise _fail(f"--dask-address needs --task-runner dask, not {task_runner}")
    if engine == "local" and (task_runner or dask_address):
        raise _fail("--task-runner and --dask-address apply to --engine prefect only")
    return "dask" if dask_address else task_runner or "thread"


def _load_tolerances(path: Path | None) -> Tolerances | None:
    """Read a --tolerances file before anything runs; None keeps the bundled ones."""
    if path is None:
        return None
    from checks.precision import Tolerances

    try:
        return Tolerances.load(path)
    except ValueError as exc:
        raise _fail(f"--tolerances: {exc}") from None


def summary_line(result: dict) -> str:
    """One line per article: its id, claim count and counts per verdict."""
    counts = ", ".join(f"{n} {v}" for v, n in result["summary"].items() if n)
    n = len(result["claims"])
    return f"{result['article']['id']}: {n} claim{'s' * (n != 1)}" + (f" ({counts})" if n else "")


@app.command()
def check(
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for reports.")] = Path(
        "reports/out"
    ),
    published: PublishedOpt = None,
    published_override: PublishedOverrideOpt = False,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="V[,V...]",
            help=f"Exit 1 when a claim has one of these verdicts ({', '.join(VERDICTS)}).",
        ),
    ] = DEFAULT_FAIL_ON,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result JSON on stdout, nothing else.")
    ] = False,
    exceptions: Annotated[
        Path | None,
        typer.Option(
            "--exceptions",
            metavar="FILE",
            help="Reviewed exceptions (YAML): accepted claims do not fail the run. "
            f"Default: {DEFAULT_EXCEPTIONS} in the current folder, if present.",
            show_default=False,
        ),
    ] = None,
    junit_skip: Annotated[
        str,
        typer.Option(
            "--junit-skip",
            metavar="V[,V...]",
            help="Verdicts reported as skipped in junit.xml ('' for none).",
        ),
    ] = ",".join(DEFAULT_JUNIT_SKIP),
    reviewer: Annotated[
        str,
        typer.Option("--reviewer", metavar="NAME", help="Reviewing organisation in ClaimReview."),
    ] = DEFAULT_REVIEWER,
    report_url: Annotated[
        str | None,
        typer.Option(
            "--report-url",
            metavar="URL",
            help="Where the reports will be published, for ClaimReview urls. "
            "Default: relative links.",
        ),
    ] = None,
    engine: EngineOpt = "prefect",
    task_runner: TaskRunnerOpt = None,
    dask_address: DaskAddressOpt = None,
    tolerances: Annotated[
        Path | None,
        typer.Option(
            "--tolerances",
            metavar="FILE",
            help="Tolerances for hedge words and round numbers (YAML like "
            "checks/tolerances.yaml). Default: the bundled file.",
            show_default=False,
        ),
    ] = None,
    data: sources_cli.DataOpt = None,
    no_bundled_data: sources_cli.NoBundledOpt = False,
) -> None:
    """Check articles through the Prefect flow verify_articles and write reports.

    \b
    Example: figcheck check article.txt --published 2024-06-28 --out reports/out
    Example: figcheck check articles/ --task-runner dask --dask-address tcp://10.0.0.5:8786
    Example: figcheck check article.txt --data examples/satp-pakistan --engine local
    """
    started_at = datetime.now(UTC)  # the run time reports show includes start-up
    runner = _engine_options(engine, task_runner, dask_address)
    day = _parse_date(published)
    failing = _parse_fail_on(fail_on)
    skipping = _parse_fail_on(junit_skip, "--junit-skip")
    _, entries = _exceptions(exceptions)
    judge_tolerances = _load_tolerances(tolerances)
    if report_url is not None:
        from reports.html import check_report_url

        try:
            check_report_url(report_url)
        except ValueError as exc:
            raise _fail(str(exc)) from None
    options = ReportOptions(
        fail_on=tuple(sorted(failing)),
        junit_skip=tuple(sorted(skipping)),
        reviewer=reviewer,
        base_url=report_url,
        exceptions=tuple(entries),
        started_at=started_at,
    )
    chosen = _data_or_exit(data, no_bundled_data)
    files, stdin_text = _inputs(paths)
    # Bad input fails in milliseconds, not after a Prefect server has started.
    _within_limits(_read_or_exit(files, day, stdin_text, published_override))
    _writable_output(out)
    _quiet_services()
    from flows import engine as engines  # Prefect is imported only by the prefect engine
    from flows.steps import CheckRun, fewer_full_collections

    job = CheckRun(
        files, out, day, stdin_text, options, judge_tolerances, published_override, chosen
    )
    # Until the results are printed, not only while the pipeline runs: the batch's results
    # are all alive here, and a full collection as the run's own block ends rescanned them
    # (0.3 CPU-s for 1,000 articles) just before the process exits.
    with fewer_full_collections():
        try:
            with err.status(f"Checking {len(files)} article(s)…", spinner="dots"):
                if engine == "local":
                    results = engines.run_local(job)
                else:
                    results = engines.run_prefect(job, runner, dask_address)
        except (ArticleError, ValueError) as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            if failures.debug_enabled():
                raise
            # A write that fails half-way (disk full, folder made read-only): the files already
            # replaced are whole, the rest keep their previous version, and no history row
            # exists.
            raise _fail(failures.output_problem(out, exc)) from None
        flagged = _print_results(results, out, as_json, entries, failing)
    raise typer.Exit(EXIT_FAILED_CLAIMS if flagged else EXIT_OK)


def _print_results(
    results: list[dict],
    out: Path,
    as_json: bool,
    entries: list[ReviewedException],
    failing: set[str],
) -> bool:
    """Print the run's results (JSON, or a line per article), the accepted claims and the
    flagged ones; returns whether a claim is flagged (one of ``failing``, not accepted)."""
    if as_json:
        payload = results[0] if len(results) == 1 else {"articles": results}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for result in results:
            print(f"{summary_line(result)} -> {out / (result['article']['id'] + '.html')}")
    _report_exceptions(results, entries)
    flagged = [
        c for r in results for c in r["claims"] if c["verdict"] in failing and not c.get("accepted")
    ]
    if flagged:
        from rich.text import Text

        # One print of styled text, not one console markup string per claim: rich parsed
        # each line's markup (a thousand-article run flags about a thousand claims), and an
        # explanation is the judge's text, never markup.
        lines = (
            Text.assemble((c["verdict"], "red"), f': "{c["text"]}" — {c["explanation"]}')
            for c in flagged
        )
        err.print(Text("\n").join(lines), highlight=False)
    return bool(flagged)


@app.command()
def extract(
    paths: PathsArg = None,
    published: PublishedOpt = None,
    published_override: PublishedOverrideOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", help="json (array of claims), csv or table.")
    ] = "table",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, metavar="N",
            help="Most processes that read the parts of a text longer than 2 MB (an "
            "archive, not an article), two parts each at least. Default: the usable cores; "
            "1 reads them in this process.",
        ),
    ] = None,
) -> None:
    """Print the claims table only, with no Prefect server.

    \b
    Example: figcheck extract article.txt --format csv
    """
    from flows.steps import extract_all

    if fmt not in {"json", "csv", "table"}:
        raise _fail(f"--format: {fmt!r} is not one of json, csv, table")
    day = _parse_date(published)
    files, stdin_text = _inputs(paths)
    claims = extract_all(_read_or_exit(files, day, stdin_text, published_override),
                         workers=workers)
    if fmt == "json":
        sys.stdout.write(claims.to_json(orient="records", indent=2, force_ascii=False) + "\n")
    elif fmt == "csv":
        sys.stdout.write(claims.to_csv(index=False))
    else:
        from rich.console import Console

        Console(width=None if sys.stdout.isatty() else 160).print(_claims_table(claims))


def _claims_table(claims) -> Table:
    """The claims as a readable terminal table: one figure column, short ids."""
    from rich.table import Table

    from checks.schemas import ClaimSchema as C

    table = Table("#", "text", "kind", "figure", "metric", "region", "period", "attributed to")
    for row in claims.to_dict("records"):
        figure = format_figure(
            row[C.kind],
            row[C.date] if row[C.kind] == Kind.DATE else row[C.value],
            row[C.low],
            row[C.high],
            text_or_none(row[C.qualifier]),
            text_or_none(row[C.unit]),
            missing="",
        )
        table.add_row(
            row[C.claim_id].rsplit("#", 1)[-1],
            row[C.text],
            row[C.kind],
            figure,
            *(_cell(row[c]) for c in (C.metric, C.region, C.period, C.attributed_to)),
        )
    return table


_cell = text_or_empty


# Commands that live in their own modules, registered so `figcheck --help` lists them.
app.command()(commands.history)
app.command()(commands.serve)
app.add_typer(sources_cli.app, name="sources")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
