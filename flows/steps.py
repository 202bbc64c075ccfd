"""The pipeline's steps as plain functions: article -> claims -> evidence -> verdicts -> reports.

``run_pipeline`` writes the order of the steps once; an engine only says how a batch step
and a per-chunk step are run (``Runner``): in this process (``flows.engine``) or as Prefect
tasks (``flows.verify``), so the two cannot drift. Per-article work (extraction, reports)
runs over chunks of articles; the rest is one vectorised pass over the batch: each table is
validated once, judged once, GX-validated once, reviewed exceptions applied once. Tests and
``figcheck extract`` call the steps directly, with no server.
"""

from __future__ import annotations

import gc
import json
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sources.articles import Article, read_article, read_text
from sources.lexicon import LexiconScope, lexicon_for
from sources.packs import DataSelection

if TYPE_CHECKING:  # pandas, pandera and the judge load when a step first needs them
    import pandas as pd

    from checks.precision import Tolerances
    from reports.options import ReportOptions
    from reports.result import Rows

DOCS_FOLDER = "gx-docs"  # GX Data Docs, written beside the reports


class ConsistencyError(RuntimeError):
    """GX and figcheck's judge disagree about an evidence row: a bug, never a verdict."""


@dataclass(frozen=True)
class References:
    """The reference figures a run judged against, and their version hash."""

    table: pd.DataFrame
    version: str
    # The packs' vocabulary and the data's regions, for the extractor's lexicon.
    lexicon: LexiconScope = field(default_factory=LexiconScope)


def read_articles(
    paths: list[str],
    published: date | None = None,
    stdin_text: str | None = None,
    override: bool = False,
) -> list[Article]:
    """Read every input; ``"-"`` in ``paths`` stands for ``stdin_text``.

    ``published`` dates the inputs that state no date of their own (all of them with
    ``override``).

    Raises:
        sources.articles.ArticleError: an input is missing, unreadable, binary or empty.
    """
    return check_unique_ids([read_one(path, published, stdin_text, override) for path in paths])


# Articles already read in this process, by input and file state: the CLI reads every input
# before a run (bad input fails at once), and the run's "read" step then reuses that reading.
_READ: dict[tuple, Article] = {}


def read_one(
    path: str,
    published: date | None = None,
    stdin_text: str | None = None,
    override: bool = False,
) -> Article:
    """Read one input; ``"-"`` stands for ``stdin_text``.

    A file read before in this process, unchanged since (same size and modification time),
    is not read again.
    """
    if path == "-":
        return read_text(stdin_text or "", name="stdin", published=published, override=override)
    try:
        stat = Path(path).stat()
        key: tuple | None = (str(path), published, override, stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None  # read_article names the problem
    if key is not None and key in _READ:
        return _READ[key]
    article = read_article(path, published=published, override=override)
    if key is not None:
        if len(_READ) > 100_000:
            _READ.clear()
        _READ[key] = article
    return article


def check_unique_ids(articles: list[Article]) -> list[Article]:
    """Return ``articles`` unchanged, or raise ``ValueError`` if two share an id."""
    ids = [a.id for a in articles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        # Two inputs with one id would overwrite each other's report.
        raise ValueError(f"several inputs share the article id(s) {', '.join(duplicates)}")
    return articles


def extract_all(
    articles: list[Article], lexicon: LexiconScope | None = None, workers: int | None = None
) -> pd.DataFrame:
    """Extract the claims of every article into one claims table, validated once.

    A text too long to be one article (``sources.parts``: an archive or a book in one file)
    is read in parts on up to ``workers`` processes (default: the cores this process may
    use), each part as an article of its own; the table is the one a single process gives.
    ``figcheck extract`` runs here, with no Prefect engine; ``figcheck check``'s engines
    read such a text's parts one after the other (``extract_chunk`` without a pool), its
    limit of figures per article keeping it short.
    """
    from flows.workers import part_pool, usable_cores
    from sources.parts import text_parts

    # A worker's start (its imports) costs about what reading 1 MB does: each worker gets
    # two parts at least, so that a text of 2 or 3 MB is read faster in this process.
    most_parts = max((len(text_parts(a.text)) for a in articles), default=0)
    workers = min(workers or usable_cores(), most_parts // 2)
    if workers < 2:
        return validate_claims(combine_claims(extract_chunk(articles, "", lexicon)))
    with part_pool(workers) as pool:
        return validate_claims(combine_claims(extract_chunk(articles, "", lexicon, pool)))


def extract_one(article: Article, lexicon: LexiconScope | None = None) -> pd.DataFrame:
    """Extract the claims of one article (a validated table); ``lexicon`` adds the data
    packs' vocabulary."""
    from sources.extract import extract_claims

    return extract_claims(article.text, article.id, article.published, lexicon_for(lexicon))


def extract_chunk(
    articles: Sequence[Article], reference_version: str = "", lexicon: LexiconScope | None = None,
    pool: Executor | None = None,
) -> list[pd.DataFrame]:
    """The claims of the chunk's articles as one table (in a list: empty when none has a
    claim), not yet validated (``validate_claims`` does it once for the batch).

    One table for the chunk, not one per article: building a DataFrame cost about a third of
    an article's extraction. ``reference_version`` is not used here: the Prefect engine keys
    its extraction cache on it (it covers the packs, whose vocabulary ``lexicon`` brings in).
    With ``pool``, the parts of a text too long to be one article are read on its processes.
    """
    from flows.workers import part_claims
    from sources.extract import claims_frame, extract_claims
    from sources.parts import joined_columns, text_parts

    lex = lexicon_for(lexicon)
    joined: dict[str, list] = {}
    for a in articles:
        spans = text_parts(a.text) if pool is not None else []
        if len(spans) > 1:
            texts = [a.text[s:e] for s, e in spans]
            n = len(spans)
            columns = joined_columns(a.id, spans, pool.map(
                part_claims, texts, [a.id] * n, [a.published] * n, [lexicon] * n))
        else:
            columns = extract_claims(
                a.text, a.id, a.published, lex, validate_schema=False, columns=True
            )
        for name, values in columns.items():
            joined.setdefault(name, []).extend(values)
    return [claims_frame(joined)] if joined else []


def combine_claims(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-article claims tables (an empty table with the schema if none)."""
    import pandas as pd

    from checks.schemas import ClaimSchema as C
    from checks.schemas import empty

    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty(C)


def validate_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Validate the batch's claims table against ``ClaimSchema`` once (not per article)."""
    from checks.schemas import ClaimSchema as C
    from checks.schemas import validate

    return validate(C, claims, "claims")


def load_reference_data(data: DataSelection | None = None) -> References:
    """Load and validate the reference datasets: the bundled ones and any data packs.

    Packs also pass the reference quality gate (GX) here, as ``figcheck sources validate``
    runs it; the bundled data is gated by its own tests.

    Raises:
        sources.references.ReferenceDataError: a dataset or pack is refused (file, line).
    """
    from sources.references import load_selection

    data = data or DataSelection()
    loaded = load_selection(data)
    if data.packs:
        from checks.reference_suite import refuse_failures, validate_references

        refuse_failures(validate_references(loaded.table, loaded.origins, None, data.vocab_dirs))
    scope = LexiconScope(data.vocab_dirs, loaded.regions)
    return References(loaded.table, loaded.version, scope)


def judge_claims(
    claims: pd.DataFrame,
    references: References,
    articles: list[Article],
    tolerances: Tolerances | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match claims with reference figures and decide their verdicts.

    ``tolerances`` defaults to the bundled ``checks/tolerances.yaml``.
    """
    from checks.judge import judge

    published = {a.id: a.published for a in articles}
    return judge(claims, references.table, published, tolerances)


def validate_with_gx(evidence: pd.DataFrame, out_dir: Path) -> dict[str, Any]:
    """Validate the evidence with the GX suite, write Data Docs, and cross-check the judge.

    Returns:
        ``{"success", "statistics", "docs_index", "docs_page"}`` for the run metadata;
        paths are relative to ``out_dir``. The result page is linked from reports: it is
        static HTML, while GX's index lists runs with JavaScript from a CDN.

    Raises:
        ConsistencyError: GX passes a row the judge found disagreeing, or the reverse.
    """
    from checks.gx_suite import validate_evidence  # GX takes seconds to import
    from checks.schemas import EvidenceSchema as E

    outcome = validate_evidence(evidence, out_dir / DOCS_FOLDER)
    check_agreement(evidence, outcome.row_results)
    overlap = outcome.failures["expectation"] == "expect_claim_interval_to_overlap_reference"
    return {
        "success": outcome.success,
        "statistics": outcome.statistics,
        # For the report's validation section: disagreeing rows are findings, while any
        # other failed expectation is a broken contract (a bug).
        "evidence_rows": len(evidence),
        "disagreeing_rows": int(outcome.failures.loc[overlap, E.evidence_id].nunique()),
        "contract_failures": sorted(set(outcome.failures.loc[~overlap, "expectation"])),
        "docs_index": _relative(outcome.docs_index, out_dir),
        "docs_page": _relative(outcome.docs_page, out_dir),
    }


def _relative(path: Path | None, base: Path) -> str | None:
    return path.resolve().relative_to(base.resolve()).as_posix() if path else None


def check_agreement(evidence: pd.DataFrame, row_results: pd.DataFrame) -> None:
    """Raise ``ConsistencyError`` unless GX's per-row result equals the judge's ``agrees``."""
    from checks.schemas import EvidenceSchema as E

    merged = evidence[[E.evidence_id, E.agrees]].merge(
        row_results, on=E.evidence_id, how="outer", indicator=True
    )
    bad = merged[(merged["_merge"] != "both") | (merged[E.agrees] != merged["gx_agrees"])]
    if not bad.empty:
        raise ConsistencyError(
            "GX and the judge disagree on evidence rows: " + ", ".join(bad[E.evidence_id])
        )


# Articles per chunk of per-article work: enough chunks for a parallel runner to spread,
# few enough that a Prefect task's bookkeeping (about 25 ms in figcheck's process and 25 ms
# on the server per task run, measured) is paid per chunk, not per article. 100 rather than
# 50 cut the server's CPU on a 1,000-article batch from 1.7-2.3 to 1.2-1.5 s (bench/README.md).
# The local engine and Prefect's process and Dask runners cut this way; Prefect's thread
# runner cuts fewer, larger chunks (``flows.verify.PrefectRunner.chunks``).
CHUNK_ARTICLES = 100


def chunked(items: Sequence[Any], size: int | None = None) -> list[list[Any]]:
    """``items`` in order, cut into chunks of ``size`` (default: at most ``CHUNK_ARTICLES``,
    and at least eight chunks while there are enough items)."""
    if size is None:
        size = min(CHUNK_ARTICLES, max(1, math.ceil(len(items) / 8)))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class Runner(Protocol):
    """How an engine runs the pipeline's steps; ``run_pipeline`` says which and in what order.

    ``name`` is the step's name ("judge", "render"...): an engine may map it to a task.
    """

    def batch(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` once for the whole batch and return its result."""
        ...

    def map(self, name: str, fn: Callable[..., Any], chunks: list[Any], *shared: Any) -> list[Any]:
        """Run ``fn(chunk, *shared)`` for each chunk; return the results in chunk order."""
        ...

    def chunks(self, items: Sequence[Any]) -> list[list[Any]]:
        """``items`` cut into the chunks ``map`` runs over (in order)."""
        ...


class InProcess:
    """The local engine's runner: every step a plain call in this process, in order."""

    def batch(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    def chunks(self, items: Sequence[Any]) -> list[list[Any]]:
        return chunked(items)

    def map(self, name: str, fn: Callable[..., Any], chunks: list[Any], *shared: Any) -> list[Any]:
        return [fn(chunk, *shared) for chunk in chunks]


@dataclass(frozen=True)
class CheckRun:
    """What one check is asked to do: its inputs, output folder and settings.

    Every engine takes this one request (``flows.engine``), so the list of a run's
    parameters is written here once. ``paths`` are article files (``"-"`` for
    ``stdin_text``); ``published`` dates the inputs that state no date (all of them with
    ``published_override``); ``options`` carries reviewed exceptions and the JUnit and
    ClaimReview settings; ``tolerances`` defaults to the bundled ones; ``data`` chooses the
    reference data (bundled and packs; default the bundled data).
    """

    paths: list[str]
    out_dir: str | Path
    published: date | None = None
    stdin_text: str | None = None
    options: ReportOptions | None = None
    tolerances: Tolerances | None = None
    published_override: bool = False
    data: DataSelection | None = None

    def parameters(self) -> dict[str, Any]:
        """The request as keyword arguments (a flow's parameters), values not copied."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# Python's full garbage collection (generation 2) scans every live object; by default it
# runs after 10 collections of generation 1 (once a quarter more objects have survived
# since the last). A batch keeps every article's rows and results alive until its reports
# are written, on top of the imports' objects (pandas, pandera, GX), so those scans cost
# 1.3-1.4 CPU-s on the 1,000-article batch (9 full collections, loaded machine). After 100
# generation-1 collections instead: one full collection, 0.25 CPU-s. Young garbage is
# collected as before (generations 0 and 1); only cycles that lived through both wait.
FULL_COLLECTION_AFTER = 100


_gc_lock = threading.Lock()
_gc_saved: list[tuple[int, int, int]] = []  # the thresholds before the outermost block


@contextmanager
def fewer_full_collections(after: int = FULL_COLLECTION_AFTER) -> Iterator[None]:
    """Within the block, Python's full collections wait for ``after`` generation-1
    collections (at least its current setting); the previous thresholds come back when the
    last of any overlapping blocks (runs in threads of one process) ends."""
    with _gc_lock:
        thresholds = gc.get_threshold()
        _gc_saved.append(thresholds)
        gc.set_threshold(thresholds[0], thresholds[1], max(after, thresholds[2]))
    try:
        yield
    finally:
        with _gc_lock:
            first = _gc_saved[0]
            _gc_saved.pop()
            if not _gc_saved:
                gc.set_threshold(*first)


@fewer_full_collections()
def run_pipeline(
    runner: Runner, job: CheckRun, *, run_id: str, engine: str
) -> list[dict[str, Any]]:
    """Check articles and write their reports: the one order of steps every engine runs.

    Batch steps (read, load references, judge, GX validation, index, record history) run
    once; extraction and rendering run per chunk of articles (``runner.map``). Claims are
    validated, reviewed exceptions applied and chart blocks built once for the batch.

    Returns:
        One result dict per article (the JSON contract), in input order.
    """
    from flows import history
    from reports.options import ReportOptions

    options, tolerances = job.options, job.tolerances
    # For the run time shown in reports: from the command's start when it says so.
    started_at = (options.started_at if options else None) or datetime.now(UTC)
    out = Path(job.out_dir)
    options = options or ReportOptions()
    read = (job.paths, job.published, job.stdin_text, job.published_override)
    articles = runner.batch("read", read_articles, *read)
    references = runner.batch("load references", load_reference_data, job.data)
    chunks = runner.chunks(articles)
    extracted = runner.map(
        "extract claims", extract_chunk, chunks, references.version, references.lexicon
    )
    claims = validate_claims(combine_claims([f for frames in extracted for f in frames]))
    evidence, verdicts = runner.batch(
        "judge", judge_claims, claims, references, articles, tolerances
    )
    gx = runner.batch("GX validation", validate_with_gx, evidence, out)
    run = run_metadata(references, gx, started_at)
    parts = prepare_reports(chunks, claims, evidence, verdicts, references, options)
    rendered = runner.map("render", render_chunk, parts, run, out, options)
    results = [r for chunk in rendered for r in chunk]
    runner.batch("index", finish_reports, articles, results, out, options)
    runner.batch("record history", history.record, run_id, results, articles, str(out), engine)
    return results


@dataclass(frozen=True)
class ReportChunk:
    """One chunk of articles with their rows of the batch's tables, ready to render.

    ``rows`` maps an article id to its claims, evidence, verdict and acceptance rows (as
    ``reports.result.records``); ``charts`` holds the chunk's chart blocks by claim id.
    """

    articles: list[Article]
    rows: dict[str, tuple[list[dict[str, Any]], ...]]
    charts: dict[str, dict[str, Any]]


def prepare_reports(
    chunks: list[list[Article]],
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    verdicts: pd.DataFrame,
    references: References,
    options: ReportOptions,
) -> list[ReportChunk]:
    """Apply the reviewed exceptions, build the chart blocks and turn the tables into rows,
    once for the batch; then split them by article and chunk."""
    from checks.exceptions import accept
    from reports import result as r

    accepted = accept(claims, verdicts, list(options.exceptions))
    charts = chart_blocks_for(claims, verdicts, references)
    tables = [
        r.records(claims, r.CLAIM_INPUT),
        r.records(evidence, r.EVIDENCE_INPUT),
        r.records(verdicts, r.VERDICT_INPUT),
        r.records(accepted, r.ACCEPTED_INPUT),
    ]
    by_article: list[dict[str, list[dict[str, Any]]]] = []
    for rows in tables:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            grouped.setdefault(row["article_id"], []).append(row)
        by_article.append(grouped)
    out = []
    for chunk in chunks:
        rows = {a.id: tuple(g.get(a.id, []) for g in by_article) for a in chunk}
        claim_ids = {c["claim_id"] for t in rows.values() for c in t[0]}
        out.append(ReportChunk(chunk, rows, {k: charts[k] for k in claim_ids if k in charts}))
    return out


def chart_blocks_for(
    claims: pd.DataFrame, verdicts: pd.DataFrame, references: References
) -> dict[str, dict[str, Any]]:
    """The batch's chart blocks by claim id (``reports.result.chart_blocks``)."""
    from reports.result import chart_blocks

    return chart_blocks(claims, verdicts, references.table)


def render_chunk(
    chunk: ReportChunk, run: dict[str, Any], out_dir: Path, options: ReportOptions | None = None
) -> list[dict[str, Any]]:
    """Write the reports of one chunk's articles; return their result dicts in order."""
    results = []
    for article in chunk.articles:
        claims, evidence, verdicts, accepted = chunk.rows[article.id]
        results.append(
            render_article(
                article,
                claims,
                evidence,
                verdicts,
                None,
                run,
                out_dir,
                options,
                accepted=accepted,
                charts=chunk.charts,
            )
        )
    return results


def render_reports(
    articles: list[Article],
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    verdicts: pd.DataFrame,
    references: References,
    gx: dict[str, Any],
    out_dir: Path,
    options: ReportOptions | None = None,
    started_at: datetime | None = None,
) -> list[dict[str, Any]]:
    """Write the reports: per article ``<id>.json``, ``.html``, ``.csv`` and
    ``.claimreview.json``; per run ``index.html`` and ``junit.xml``.

    ``options`` carries the reviewed exceptions, the fail-on and JUnit skip sets and the
    ClaimReview reviewer; ``started_at`` (when the run began) gives the run's wall time.
    The same steps as ``run_pipeline``'s last ones, for callers holding the tables.

    Returns:
        The result dict of each article, in input order.
    """
    from reports.options import ReportOptions

    options = options or ReportOptions()
    run = run_metadata(references, gx, started_at)
    parts = prepare_reports(chunked(articles), claims, evidence, verdicts, references, options)
    results = [r for part in parts for r in render_chunk(part, run, out_dir, options)]
    finish_reports(articles, results, out_dir, options)
    return results


def run_metadata(
    references: References, gx: dict[str, Any], started_at: datetime | None = None
) -> dict[str, Any]:
    """The ``run`` block every result of one run shares; ``started_at`` gives its wall time."""
    now = datetime.now(UTC)
    return {
        "generated_at": now.isoformat(timespec="seconds"),
        "duration_seconds": round((now - started_at).total_seconds(), 1) if started_at else None,
        "figcheck_version": figcheck_version(),
        "reference_version": references.version,
        "data_docs": gx.get("docs_page") or gx.get("docs_index"),
        "gx_success": gx.get("success"),
        "gx_evidence_rows": gx.get("evidence_rows"),
        "gx_disagreeing_rows": gx.get("disagreeing_rows"),
        "gx_contract_failures": gx.get("contract_failures"),
    }


def render_article(
    article: Article,
    claims: Rows,
    evidence: Rows,
    verdicts: Rows,
    reference_table: pd.DataFrame | None,
    run: dict[str, Any],
    out_dir: Path,
    options: ReportOptions | None = None,
    *,
    accepted: Rows | None = None,
    charts: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Write one article's ``<id>.json``, ``.html``, ``.csv`` and ``.claimreview.json``.

    The tables may hold other articles' rows too (they are filtered by article id); lists
    of rows (``reports.result.records``) are taken to be this article's already.
    ``options`` gives the reviewed exceptions and the ClaimReview reviewer and URL;
    ``accepted`` (acceptance rows) and ``charts`` (chart blocks by claim id), when a batch
    step made them, spare applying the exceptions and reading ``reference_table`` here.
    Returns the article's result dict.
    """
    from reports.claimreview import claim_reviews, dumps_jsonld
    from reports.claims_csv import claims_csv
    from reports.html import render_html, write_atomic
    from reports.options import ReportOptions
    from reports.result import build_result, dumps

    options = options or ReportOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    if not isinstance(claims, list):  # whole tables: this article's rows, exceptions, charts
        from checks.exceptions import accept
        from reports.result import chart_blocks

        claims, evidence, verdicts = (_rows_of(t, article.id) for t in (claims, evidence, verdicts))
        if accepted is None:
            accepted = accept(claims, verdicts, list(options.exceptions))
        if charts is None:
            charts = chart_blocks(claims, verdicts, reference_table)
    if accepted is not None and not isinstance(accepted, list):
        accepted = _rows_of(accepted, article.id)
    result = build_result(
        {
            "id": article.id,
            "title": article.title,
            "published": article.published,
            "path": article.path,
            "published_from": article.published_from,
            "url": article.url,
            "publisher": article.publisher,
        },
        claims,
        evidence,
        verdicts,
        run,
        accepted,
        charts,
    )
    reviews = claim_reviews(
        result, options.report_url(article.id), options.reviewer, claim_author=article.publisher
    )
    html = render_html(result, article.text, None, reviews)
    write_atomic(out_dir / f"{article.id}.json", dumps(result))
    write_atomic(out_dir / f"{article.id}.html", html)
    write_atomic(out_dir / f"{article.id}.csv", claims_csv(result))
    write_atomic(out_dir / f"{article.id}.claimreview.json", dumps_jsonld(reviews))
    return result


def _rows_of(table: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """``table``'s rows of one article (the table itself when it holds no other)."""
    ids = table["article_id"]
    return table if ids.empty or bool((ids == article_id).all()) else table[ids == article_id]


def split_by_article(
    articles: list[Article], *tables: pd.DataFrame
) -> list[tuple[pd.DataFrame, ...]]:
    """Each article's rows of each table, so per-article tasks ship only their own rows."""
    from checks.schemas import ClaimSchema as C

    groups = [dict(tuple(t.groupby(t[C.article_id], sort=False))) for t in tables]
    return [
        tuple(g.get(a.id, t.iloc[0:0]) for g, t in zip(groups, tables, strict=True))
        for a in articles
    ]


def finish_reports(
    articles: list[Article],
    results: list[dict[str, Any]],
    out_dir: Path,
    options: ReportOptions | None = None,
) -> None:
    """Write what covers the whole run once its reports exist: ``index.html``, ``junit.xml``."""
    from reports.html import render_index, write_atomic
    from reports.junit import junit_xml
    from reports.options import ReportOptions

    options = options or ReportOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(out_dir / "index.html", render_index(_index_entries(out_dir, results)))
    duration = results[0]["run"].get("duration_seconds") if results else None
    junit = junit_xml(results, options.fail_on, options.junit_skip, duration)
    write_atomic(out_dir / "junit.xml", junit)


def _index_entries(
    out_dir: Path, results: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Every report in the folder, so the index covers earlier runs too.

    This run's ``results`` are taken as they are; only other runs' result files are read.
    """
    fresh = {f"{r['article']['id']}.json": r for r in results or []}
    entries = []
    for path in sorted(out_dir.glob("*.json")):
        if path.name.endswith(".claimreview.json"):
            continue  # ClaimReview JSON-LD, not a result
        try:
            result = fresh.get(path.name) or json.loads(path.read_text(encoding="utf-8"))
            entries.append(
                {
                    "id": result["article"]["id"],
                    "title": result["article"]["title"],
                    "published": result["article"].get("published"),
                    "report": f"{result['article']['id']}.html",
                    "summary": result["summary"],
                    "generated_at": result["run"]["generated_at"],
                }
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a figcheck result
    return sorted(entries, key=lambda e: e["generated_at"], reverse=True)


def figcheck_version() -> str:
    """The installed figcheck version."""
    try:
        return version("figcheck")
    except PackageNotFoundError:
        return "unknown"
