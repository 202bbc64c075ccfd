"""The ``figcheck history`` and ``figcheck serve`` commands (registered by ``flows.cli``).

Thin: parse options, call ``flows.history`` or ``flows.serve``, map errors to exit 2.
``history`` never imports Prefect; ``serve`` checks the Prefect server is reachable first.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from flows import failures
from flows.prefect_logging import quiet_prefect_tracebacks

EXIT_BAD_INPUT = 2
HEALTH_TIMEOUT = 5.0  # seconds to wait for the Prefect server's health check
START_SERVER_HINT = (
    "start one with `prefect server start` (it listens on http://127.0.0.1:4200) and set "
    "PREFECT_API_URL=http://127.0.0.1:4200/api"
)

err = failures.err


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]figcheck: error:[/] {message}", highlight=False)
    return typer.Exit(EXIT_BAD_INPUT)


def history(
    article: Annotated[
        str | None,
        typer.Argument(help="An article id or file; default: every article.", show_default=False),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Output folder holding history.sqlite.")
    ] = Path("reports/out"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {runs, changes} as JSON on stdout.")
    ] = False,
) -> None:
    """List runs and the claims whose verdict changed between runs, and why.

    The store is FIGCHECK_HISTORY_URL if set, else <out>/history.sqlite.

    \b
    Example: figcheck history kabulnow-2024-06-27-pakistan-threatens-strikes --json
    """
    from flows import history as store_module
    from sources.articles import slugify

    article_id = None
    if article:
        article_id = slugify(Path(article).stem) if Path(article).suffix else article
    url = store_module.default_url(out)
    no_file = not (out / store_module.HISTORY_FILE).is_file()
    if no_file and not os.environ.get(store_module.HISTORY_URL_ENV):
        raise _fail(f"no history in {out}: run `figcheck check --out {out}` first")
    try:
        store = store_module.HistoryStore(url)
        runs, changes = store.list_runs(article_id), store.changes(article_id)
        store.dispose()
    except Exception as exc:  # noqa: BLE001 - any driver error means "cannot open the store"
        reason = getattr(exc, "orig", None) or exc  # the driver's words, not SQLAlchemy's link
        raise _fail(f"cannot read the history at {_safe_url(url)}: {reason}") from None
    if as_json:
        payload = {"runs": runs, "changes": [c.to_dict() for c in changes]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console  # here: --help need not load rich's console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 160)
    table = Table("run", "time", "engine", "figcheck", "references", "articles", "claims")
    for r in runs:
        table.add_row(
            r["run_id"][:12],
            r["created_at"],
            r["engine"],
            r["figcheck_version"],
            r["reference_version"][:12],
            str(r["articles"]),
            str(r["claims"]),
        )
    console.print(table)
    if not changes:
        console.print("No verdict changed between consecutive runs.")
    for c in changes:
        before = f"{c.before['verdict']} ({c.before['text']!r})" if c.before else "(absent)"
        after = f"{c.after['verdict']} ({c.after['text']!r})" if c.after else "(absent)"
        moved = c.before and c.after and c.before["claim_id"] != c.after["claim_id"]
        label = f"{c.before['claim_id']} -> {c.claim_id}" if moved else c.claim_id
        console.print(
            f"{label}: {before} -> {after}; {c.reason} "
            f"[dim](runs {c.before_run[:12]} -> {c.after_run[:12]})[/]",
            highlight=False,
        )


def serve(
    watch: Annotated[
        Path, typer.Option("--watch", metavar="DIR", help="Folder of articles to re-check.")
    ],
    cron: Annotated[
        str, typer.Option("--cron", metavar="CRON", help="When to run, e.g. '0 6 * * *'.")
    ],
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", metavar="URL", help="RSS/Atom feed to check too (repeatable)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for reports.")] = Path(
        "reports/out"
    ),
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "scheduled",
    fetch_timeout: Annotated[
        float, typer.Option("--fetch-timeout", metavar="S", help="Seconds per HTTP request.")
    ] = 10.0,
    fetch_retries: Annotated[
        int, typer.Option("--fetch-retries", metavar="N", help="Retries per failed request.")
    ] = 2,
) -> None:
    """Register a scheduled deployment on a Prefect server and serve its runs until stopped.

    Needs a running Prefect server named by PREFECT_API_URL (`prefect server start`).

    \b
    Example: figcheck serve --watch articles/ --feed https://example.org/rss --cron "0 6 * * *"
    """
    if not watch.is_dir():
        raise _fail(f"--watch: {watch} is not a folder")
    for url in feed or []:
        if not url.startswith(("http://", "https://")):
            raise _fail(f"--feed: {url!r} is not an http(s) URL")
    for name_, value in (("DO_NOT_TRACK", "1"), ("PREFECT_SERVER_ANALYTICS_ENABLED", "false")):
        os.environ.setdefault(name_, value)  # no telemetry, as for `figcheck check`
    quiet_prefect_tracebacks()  # a failed scheduled run logs one line (--debug: traceback)
    _check_cron(cron)
    api_url = _reachable_prefect_api()
    err.print(f"Serving check-folder/{name} on {api_url} (cron {cron!r}); Ctrl-C stops.")
    from flows.serve import serve_folder

    serve_folder(watch, out, list(feed or []), cron, name, fetch_timeout, fetch_retries)


def _check_cron(cron: str) -> None:
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError as exc:
        raise _fail(f"--cron: {cron!r} is not a valid cron expression ({exc})") from None


def _reachable_prefect_api() -> str:
    """PREFECT_API_URL (environment or Prefect profile), checked with a health request."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        raise _fail(
            "PREFECT_API_URL is not set: scheduled runs need a Prefect server "
            f"(Prefect's temporary server cannot schedule); {START_SERVER_HINT}"
        )
    try:
        response = httpx.get(f"{url.rstrip('/')}/health", timeout=HEALTH_TIMEOUT)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise _fail(
            f"cannot reach the Prefect server at PREFECT_API_URL={url} "
            f"({type(exc).__name__}: {exc}); is it running? To run one locally, "
            f"{START_SERVER_HINT}"
        ) from None
    return url


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
