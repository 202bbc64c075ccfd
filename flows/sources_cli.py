"""``figcheck sources``: validate, list and show the reference datasets.

A typer sub-app registered by ``flows.cli``. Commands are thin: they call one function of
``sources.references`` or ``checks.reference_suite`` and turn its findings into a table and
an exit code. GX is imported only by ``validate``, which runs the quality gate.

Exit codes: 0 clean; 1 a dataset is broken (its problems are printed); 2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from checks.figures import format_figure
from checks.values import is_missing, text_or_none
from flows import failures
from sources.packs import ENV_VARIABLE, DataSelection, PackError

if TYPE_CHECKING:  # pandas, pandera and rich's tables load when a command runs, not for --help
    import pandas as pd
    from rich.console import Console

    from sources.references import ReferenceDataError

EXIT_OK, EXIT_BROKEN, EXIT_USAGE = 0, 1, 2
PROBLEM_COLUMNS = ["file", "line", "column", "check", "value"]
LOADER_CHECK = "load"  # the loader's and the pandera schema's own checks

app = typer.Typer(
    help="Validate, list and show the reference datasets.",
    rich_markup_mode=None,  # plain Click help, as `figcheck --help` (flows.cli says why)
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = failures.err

DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        metavar="DIR",
        help="A data pack: a folder of dataset descriptors and data files, with an optional "
        f"vocab/ folder. Repeatable; added to the bundled data and to ${ENV_VARIABLE} "
        "(a path list).",
        show_default=False,
    ),
]
NoBundledOpt = Annotated[
    bool,
    typer.Option(
        "--no-bundled-data",
        help="Leave figcheck's bundled reference data out: use only the packs given.",
    ),
]


def selection(data: list[Path] | None, no_bundled_data: bool) -> DataSelection:
    """The data selection of ``--data``, ``--no-bundled-data`` and ``FIGCHECK_DATA``.

    Exits 2 with one line naming the folder when a pack is not a folder.
    """
    try:
        return DataSelection.from_options(data, no_bundled_data)
    except PackError as exc:
        err.print(f"[bold red]figcheck: error:[/] {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None


def _out() -> Console:
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 200)


def loader_problems(exc: ReferenceDataError) -> pd.DataFrame:
    """The loader's problems as rows of the problems table."""
    import pandas as pd

    rows = [
        {
            "file": p.file,
            "line": p.line,
            "column": p.column or "",
            "check": LOADER_CHECK,
            "value": p.message,
        }
        for p in exc.problems
    ]
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


def find_problems(
    data: DataSelection | Path | None = None, docs_dir: Path | None = None
) -> pd.DataFrame:
    """Every problem of the selected data: the loader's, else the GX gate's.

    ``data``: a selection (bundled data and packs), or one folder used alone.
    """
    if isinstance(data, Path):
        data = DataSelection.from_options([data], no_bundled_data=True)
    data = data or DataSelection()
    from sources.references import ReferenceDataError, load_selection

    try:
        loaded = load_selection(data)
    except ReferenceDataError as exc:
        return loader_problems(exc)  # refused on load: nothing whole to run the gate on
    from checks.reference_suite import validate_references  # GX takes seconds to import

    vocab = data.vocab_dirs if data.packs else None
    return validate_references(loaded.table, loaded.origins, docs_dir, vocab).problems


@app.command()
def validate(
    data: DataOpt = None,
    no_bundled_data: NoBundledOpt = False,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", metavar="DIR", help="Also write GX Data Docs of the gate here."),
    ] = None,
) -> None:
    """Check every dataset (loader, schema and the GX quality gate); list each problem.

    \b
    Example: figcheck sources validate --data my-data/
    """
    chosen = selection(data, no_bundled_data)
    problems = find_problems(chosen, docs)
    if problems.empty:
        print(f"{chosen.describe()}: no problems")
        raise typer.Exit(EXIT_OK)
    title = f"{len(problems)} problem(s) in {chosen.describe()}"
    rows = problems.to_dict("records")
    if not sys.stdout.isatty():
        # In a log (CI, a pipe) one line per problem, never cut to a table's width: a path
        # shortened to "pips.…" would not say which file is broken.
        print(title)
        for row in rows:
            print(" ".join(f"{c} {_cell(row[c])}" if c not in ("file", "value") else
                           _cell(row[c]) for c in PROBLEM_COLUMNS if _cell(row[c])))
        raise typer.Exit(EXIT_BROKEN)
    from rich.table import Table

    table = Table(*PROBLEM_COLUMNS, title=title)
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in PROBLEM_COLUMNS))
    _out().print(table)
    raise typer.Exit(EXIT_BROKEN)


@app.command("list")
def list_command(data: DataOpt = None, no_bundled_data: NoBundledOpt = False) -> None:
    """List the datasets: name, title, publisher, rows in the file, documents, pack.

    \b
    Example: figcheck sources list --data examples/satp-pakistan
    """
    from rich.table import Table

    from sources.references import ReferenceDataError, list_datasets

    try:
        datasets = list_datasets(selection=selection(data, no_bundled_data))
    except ReferenceDataError as exc:
        err.print(f"[bold red]figcheck: error:[/] {exc}", highlight=False)
        raise typer.Exit(EXIT_BROKEN) from None
    table = Table(*datasets.columns)
    for row in datasets.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    _out().print(table)


@app.command()
def show(name: str, data: DataOpt = None, no_bundled_data: NoBundledOpt = False) -> None:
    """Show one dataset: its documents, definitions and rows.

    \b
    Example: figcheck sources show pips
    """
    from rich.table import Table

    from checks.schemas import ReferenceSchema as R
    from sources.references import ReferenceDataError, list_datasets, load_dataset

    chosen = selection(data, no_bundled_data)
    try:
        meta, rows = load_dataset(name, selection=chosen)
    except KeyError:
        valid = sorted(list_datasets(selection=chosen)["name"])
        hint = f"; valid names: {', '.join(valid)}" if valid else " (it holds no datasets)"
        err.print(
            f"[bold red]figcheck: error:[/] no dataset {name!r} in {chosen.describe()}{hint}",
            highlight=False,
        )
        raise typer.Exit(EXIT_USAGE) from None
    except ReferenceDataError as exc:
        err.print(f"[bold red]figcheck: error:[/] {exc}", highlight=False)
        raise typer.Exit(EXIT_BROKEN) from None
    out = _out()
    out.print(f"[bold]{meta['name']}[/]: {meta['title']} ({meta['publisher']})", highlight=False)
    if meta.get("layout"):
        out.print(f"aggregated from a {meta['layout']} event export: {meta.get('path')}")
    documents = Table("document", "title", "published", "url", title="documents")
    for doc_id, doc in meta["documents"].items():
        documents.add_row(doc_id, *(_cell(doc.get(k)) for k in ("title", "published", "url")))
    out.print(documents)
    definitions = Table("definition", "what is counted", title="definitions")
    for def_id, text in meta["definitions"].items():
        definitions.add_row(def_id, " ".join(str(text).split()))
    out.print(definitions)
    shown = [R.ref_id, R.source, R.metric, R.region, R.period, R.base_period, R.kind]
    figures = Table(*shown, "figure", R.document, title=f"{len(rows)} rows")
    for row in rows.to_dict("records"):
        figures.add_row(*(_cell(row[c]) for c in shown), _figure(row), _cell(row[R.document]))
    out.print(figures)


def _figure(row: dict[str, Any]) -> str:
    from checks.schemas import ReferenceSchema as R

    return format_figure(
        row[R.kind],
        row[R.value],
        row[R.low],
        row[R.high],
        text_or_none(row[R.qualifier]),
        text_or_none(row[R.unit]),
        missing="",
    )


def _cell(x: object) -> str:
    if is_missing(x):
        return ""
    if isinstance(x, float):
        return f"{x:g}"
    return str(x)
