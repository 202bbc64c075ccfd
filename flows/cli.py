"""The ``figcheck`` command line: parse options, call one pipeline function, map errors to exits.

Exit codes: 0 no claim in the fail-on set; 1 some claim is; 2 bad input or usage.
Prefect and GX are imported only by the commands that need them, so ``figcheck extract``
and ``--help`` start fast.
"""

from __future__ import annotations

import json
import math
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from checks.schemas import ClaimSchema as C
from checks.vocabulary import VERDICTS, Verdict
from sources.articles import DEMO_ARTICLE, ArticleError, discover

DEFAULT_FAIL_ON = f"{Verdict.CONTRADICTED},{Verdict.MISATTRIBUTED}"
EXIT_OK, EXIT_FAILED_CLAIMS, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    help="Check the numbers in news articles against cited reference datasets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

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
        help="Publication date, used to resolve 'last year' and dates without a year. "
        "Default: the article's metadata; unknown dates stay unresolved.",
    ),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]figcheck: error:[/] {message}", highlight=False)
    return typer.Exit(EXIT_BAD_INPUT)


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"--published: {text!r} is not a date in the form YYYY-MM-DD") from None


def _parse_fail_on(text: str) -> set[str]:
    chosen = {v.strip().lower() for v in text.split(",") if v.strip()}
    unknown = chosen - set(VERDICTS)
    if unknown:
        raise _fail(
            f"--fail-on: unknown verdict(s) {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(VERDICTS)}"
        )
    return chosen


def _inputs(paths: list[str] | None) -> tuple[list[str], str | None]:
    """Expand folders, check files exist, and read standard input once if asked for."""
    if not paths:
        return [str(DEMO_ARTICLE)], None
    stdin_text = None
    if "-" in paths:
        if paths.count("-") > 1:
            raise _fail("standard input (-) can be given only once")
        stdin_text = sys.stdin.read()
    files = [p for p in paths if p != "-"]
    try:
        found = [str(p) for p in discover(files)] if files else []
    except ArticleError as exc:
        raise _fail(str(exc)) from None
    if not found and stdin_text is None:
        raise _fail(f"no .txt, .md or .html article found in {', '.join(files)}")
    return found + (["-"] if stdin_text is not None else []), stdin_text


def _read_or_exit(files: list[str], day: date | None, stdin_text: str | None) -> list:
    """Read every input, or exit 2 naming the file and the problem."""
    from flows.steps import read_articles

    try:
        return read_articles(files, day, stdin_text)
    except (ArticleError, ValueError) as exc:
        raise _fail(str(exc)) from None


def _quiet_services() -> None:
    """No telemetry, a start-up timeout that survives a cold embedded Prefect server."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


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
) -> None:
    """Check articles through the Prefect flow verify_articles and write reports.

    Example: figcheck check article.txt --published 2024-06-28 --out reports/out
    """
    day = _parse_date(published)
    failing = _parse_fail_on(fail_on)
    files, stdin_text = _inputs(paths)
    _read_or_exit(
        files, day, stdin_text
    )  # bad input fails in milliseconds, not after a server start
    _quiet_services()
    from flows.verify import verify_articles  # Prefect takes a while to import

    try:
        with err.status(f"Checking {len(files)} article(s)…", spinner="dots"):
            results = verify_articles(
                paths=files, out_dir=str(out), published=day, stdin_text=stdin_text
            )
    except (ArticleError, ValueError) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        payload = results[0] if len(results) == 1 else {"articles": results}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for result in results:
            print(f"{summary_line(result)} -> {out / (result['article']['id'] + '.html')}")
    flagged = [c for r in results for c in r["claims"] if c["verdict"] in failing]
    for claim in flagged:
        err.print(
            f'[red]{claim["verdict"]}[/]: "{claim["text"]}" — {claim["explanation"]}',
            highlight=False,
        )
    raise typer.Exit(EXIT_FAILED_CLAIMS if flagged else EXIT_OK)


@app.command()
def extract(
    paths: PathsArg = None,
    published: PublishedOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", help="json (array of claims), csv or table.")
    ] = "table",
) -> None:
    """Print the claims table only, with no Prefect server.

    Example: figcheck extract article.txt --format csv
    """
    from flows.steps import extract_all

    if fmt not in {"json", "csv", "table"}:
        raise _fail(f"--format: {fmt!r} is not one of json, csv, table")
    day = _parse_date(published)
    files, stdin_text = _inputs(paths)
    claims = extract_all(_read_or_exit(files, day, stdin_text))
    if fmt == "json":
        sys.stdout.write(claims.to_json(orient="records", indent=2, force_ascii=False) + "\n")
    elif fmt == "csv":
        sys.stdout.write(claims.to_csv(index=False))
    else:
        Console(width=None if sys.stdout.isatty() else 160).print(_claims_table(claims))


def _claims_table(claims) -> Table:
    """The claims as a readable terminal table: one figure column, short ids."""
    table = Table("#", "text", "kind", "figure", "metric", "region", "period", "attributed to")
    for row in claims.to_dict("records"):
        if row[C.kind] == "date":
            figure = _cell(row[C.date])
        elif _cell(row[C.value]):
            figure = f"{_cell(row[C.qualifier]).replace('_', ' ')} {row[C.value]:g}".strip()
        else:
            figure = f"{row[C.low]:g}–{row[C.high]:g}"
        table.add_row(
            row[C.claim_id].rsplit("#", 1)[-1],
            row[C.text],
            row[C.kind],
            figure,
            *(_cell(row[c]) for c in (C.metric, C.region, C.period, C.attributed_to)),
        )
    return table


def _cell(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
