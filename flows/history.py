"""The history store: every run's verdicts, to show which claims changed between runs and why.

Two tables (SQLAlchemy Core): ``figcheck_runs`` (one row per run) and ``figcheck_verdicts``
(one row per judged claim of a run). A run is appended in one transaction after its reports
are written, so a run killed halfway leaves no row. The default store is SQLite at
``<out>/history.sqlite`` (WAL, busy timeout: concurrent runs queue instead of failing);
``FIGCHECK_HISTORY_URL`` takes any SQLAlchemy URL, e.g. PostgreSQL for a team.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

HISTORY_URL_ENV = "FIGCHECK_HISTORY_URL"
HISTORY_FILE = "history.sqlite"
SQLITE_BUSY_TIMEOUT_MS = 60_000  # concurrent runs wait for each other's short transaction

REASON_TEXT = "article text changed"
REASON_REFERENCES = "reference data changed"
REASON_BOTH = "article text and reference data changed"
REASON_FIGCHECK = "figcheck version changed"
REASON_NONE = "no recorded input changed"

metadata = sa.MetaData()

runs = sa.Table(
    "figcheck_runs",
    metadata,
    sa.Column("run_id", sa.String(64), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("figcheck_version", sa.String(64), nullable=False),
    sa.Column("reference_version", sa.String(64), nullable=False),
    sa.Column("engine", sa.String(16), nullable=False),
)

verdicts = sa.Table(
    "figcheck_verdicts",
    metadata,
    sa.Column(
        "run_id",
        sa.String(64),
        sa.ForeignKey("figcheck_runs.run_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("article_id", sa.String(128), nullable=False, index=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("claim_id", sa.String(160), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("verdict", sa.String(32), nullable=False),
    sa.Column("rule", sa.String(64)),
)


def content_hash(text: str) -> str:
    """The SHA-256 of an article's text: equal hashes mean the text did not change."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_url(out_dir: str | Path) -> str:
    """``FIGCHECK_HISTORY_URL`` if set, else SQLite at ``<out_dir>/history.sqlite``."""
    url = os.environ.get(HISTORY_URL_ENV)
    if url:
        return url
    return f"sqlite:///{(Path(out_dir) / HISTORY_FILE).resolve()}"


@dataclass(frozen=True)
class Change:
    """One claim whose verdict differs between two consecutive runs of its article."""

    article_id: str
    claim_id: str  # its id in the later run (in the earlier one if it vanished)
    before_run: str
    after_run: str
    before: dict[str, Any] | None  # {"claim_id", "text", "verdict", "rule"}; None: new claim
    after: dict[str, Any] | None  # None: the claim is gone
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "article_id": self.article_id,
            "claim_id": self.claim_id,
            "before_run": self.before_run,
            "after_run": self.after_run,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


class HistoryStore:
    """The history tables behind one SQLAlchemy URL (optionally in a PostgreSQL schema)."""

    def __init__(self, url: str, schema: str | None = None) -> None:
        """Connect (lazily) and create the tables if missing.

        Args:
            url: any SQLAlchemy URL; SQLite files get WAL and a busy timeout.
            schema: put the tables in this schema (databases that have schemas only).
        """
        self.url = url
        self.engine = _engine(url, schema)
        self._create_tables()

    def _create_tables(self) -> None:
        try:
            metadata.create_all(self.engine)
        except sa.exc.DBAPIError:
            # Two processes creating the tables at once: one wins, the other finds them.
            metadata.create_all(self.engine)

    def dispose(self) -> None:
        """Close the connection pool."""
        self.engine.dispose()

    def record_run(
        self,
        run_id: str,
        results: list[Mapping[str, Any]],
        article_texts: Mapping[str, str],
        engine: str,
        created_at: datetime | None = None,
    ) -> None:
        """Append one run and every claim's verdict, in one transaction.

        Args:
            run_id: the run's id (the Prefect flow run id, or a UUID for the local engine).
            results: the run's result dicts (the JSON contract).
            article_texts: each article's text by id, for its content hash.
            engine: ``"local"`` or ``"prefect"``.
            created_at: when the run happened (default: now, UTC).
        """
        first_run = results[0]["run"] if results else {}
        run_row = {
            "run_id": run_id,
            "created_at": created_at or datetime.now(UTC),
            "figcheck_version": first_run.get("figcheck_version") or "unknown",
            "reference_version": first_run.get("reference_version") or "unknown",
            "engine": engine,
        }
        rows = [
            {
                "run_id": run_id,
                "article_id": r["article"]["id"],
                "content_hash": content_hash(article_texts[r["article"]["id"]]),
                "claim_id": c["claim_id"],
                "text": c["text"],
                "verdict": c["verdict"],
                "rule": c.get("rule"),
            }
            for r in results
            for c in r["claims"]
        ]
        with self.engine.begin() as conn:
            conn.execute(runs.insert(), [run_row])
            if rows:
                conn.execute(verdicts.insert(), rows)

    def list_runs(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Every run, oldest first, with its article and claim counts (of ``article_id``)."""
        j = runs.outerjoin(verdicts, verdicts.c.run_id == runs.c.run_id)
        if article_id is not None:
            j = runs.join(
                verdicts,
                sa.and_(verdicts.c.run_id == runs.c.run_id, verdicts.c.article_id == article_id),
            )
        query = (
            sa.select(
                runs,
                sa.func.count(sa.distinct(verdicts.c.article_id)).label("articles"),
                sa.func.count(verdicts.c.claim_id).label("claims"),
            )
            .select_from(j)
            .group_by(*runs.c)
            .order_by(runs.c.created_at, runs.c.run_id)
        )
        with self.engine.connect() as conn:
            return [_run_dict(row._mapping) for row in conn.execute(query)]

    def changes(self, article_id: str | None = None) -> list[Change]:
        """Claims whose verdict changed between consecutive runs of each article, and why."""
        query = (
            sa.select(
                verdicts,
                runs.c.created_at,
                runs.c.reference_version,
                runs.c.figcheck_version,
            )
            .join(runs, runs.c.run_id == verdicts.c.run_id)
            .order_by(verdicts.c.article_id, runs.c.created_at, runs.c.run_id, verdicts.c.claim_id)
        )
        if article_id is not None:
            query = query.where(verdicts.c.article_id == article_id)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        return list(_changes(rows))


def _engine(url: str, schema: str | None) -> Engine:
    """An engine; SQLite gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` writes."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = sa.create_engine(url, pool_pre_ping=True)
        if schema:
            with engine.begin() as conn:
                conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
            engine = engine.execution_options(schema_translate_map={None: schema})
        return engine
    if parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook emit BEGIN itself (pysqlite's own is deferred).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # Take the write lock up front: a deferred transaction that later writes can fail
        # with "database is locked" instead of waiting when another run holds it.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _run_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    created = row["created_at"]
    if created.tzinfo is None:  # SQLite keeps no zone; we always store UTC
        created = created.replace(tzinfo=UTC)
    return {
        "run_id": row["run_id"],
        "created_at": created.isoformat(timespec="seconds"),
        "figcheck_version": row["figcheck_version"],
        "reference_version": row["reference_version"],
        "engine": row["engine"],
        "articles": row["articles"],
        "claims": row["claims"],
    }


def _changes(rows: Iterable[dict[str, Any]]) -> Iterable[Change]:
    """Compare each article's runs pairwise in time order, claim by claim."""
    by_article: dict[str, list[tuple[str, dict[str, Any], list[dict[str, Any]]]]] = {}
    for row in rows:
        runs_of_article = by_article.setdefault(row["article_id"], [])
        if not runs_of_article or runs_of_article[-1][0] != row["run_id"]:
            runs_of_article.append((row["run_id"], row, []))
        runs_of_article[-1][2].append(row)
    for article_id, article_runs in by_article.items():
        for (run_a, head_a, claims_a), (run_b, head_b, claims_b) in pairwise(article_runs):
            reason = _reason(head_a, head_b)
            for a, b in pair_claims(claims_a, claims_b):
                if a and b and a["verdict"] == b["verdict"]:
                    continue  # same verdict (a reworded figure is not a verdict change)
                claim_id = b["claim_id"] if b else a["claim_id"] if a else ""
                yield Change(article_id, claim_id, run_a, run_b, _claim(a), _claim(b), reason)


def pair_claims(
    before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """The claims of two runs of one article, paired; ``None`` where a claim has no partner.

    Claim ids number an article's figures in order, so an edited text, or a figcheck that reads
    one more figure, shifts every later id. The two runs' figure texts are aligned as sequences
    instead (difflib): equal runs pair, a block of replaced figures pairs one to one in order
    (an edited figure), the rest appeared or vanished. Unchanged claims pair as their ids do.
    """
    a = sorted(before, key=lambda r: _claim_order(r["claim_id"]))
    b = sorted(after, key=lambda r: _claim_order(r["claim_id"]))
    matcher = SequenceMatcher(None, [r["text"] for r in a], [r["text"] for r in b], autojunk=False)
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = a[i1:i2], b[j1:j2]
        pairs += list(zip(old, new, strict=False))
        pairs += [(r, None) for r in old[len(new) :]] + [(None, r) for r in new[len(old) :]]
    return pairs


def _reason(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    text = before["content_hash"] != after["content_hash"]
    refs = before["reference_version"] != after["reference_version"]
    if text and refs:
        return REASON_BOTH
    if text:
        return REASON_TEXT
    if refs:
        return REASON_REFERENCES
    if before["figcheck_version"] != after["figcheck_version"]:
        return REASON_FIGCHECK
    return REASON_NONE


def _claim(row: Mapping[str, Any] | None) -> dict[str, Any] | None:
    keys = ("claim_id", "text", "verdict", "rule")
    return None if row is None else {k: row[k] for k in keys}


def _claim_order(claim_id: str) -> tuple[str, int]:
    """``article#10`` after ``article#9``."""
    head, _, n = claim_id.rpartition("#")
    return (head, int(n)) if n.isdigit() else (claim_id, 0)


def record(
    run_id: str,
    results: list[Mapping[str, Any]],
    articles: Iterable[Any],
    out_dir: str | Path,
    engine: str,
) -> None:
    """Append one run to the store at :func:`default_url` (``articles``: ``Article`` records).

    Called last, once every file of the run is in place: it checks that each article's
    reports exist, so a row never stands for reports that were not written.

    Raises:
        HistoryError: a report is missing, or the store cannot be written (disk full,
            read-only, locked past the busy timeout, unreachable database).
    """
    missing = [
        name
        for r in results
        for name in (f"{r['article']['id']}.json", f"{r['article']['id']}.html")
        if not (Path(out_dir) / name).is_file()
    ]
    if missing:
        raise HistoryError(f"{out_dir}: the run is not recorded: {', '.join(missing)} missing")
    url = default_url(out_dir)
    try:
        store = HistoryStore(url)
        try:
            store.record_run(run_id, results, {a.id: a.text for a in articles}, engine)
        finally:
            store.dispose()
    except sa.exc.SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise HistoryError(
            f"{safe_url(url)}: the history store cannot record the run ({reason}); "
            "the reports are written"
        ) from exc


def check_store(out_dir: str | Path) -> None:
    """Open the store the run will append to (creating its tables), before any work.

    A store that cannot be opened (a corrupt SQLite file, an unreachable database) would
    otherwise fail the run only at its end, after every report was rewritten.

    Raises:
        HistoryError: the store cannot be opened; the message names it and the reason.
    """
    url = default_url(out_dir)
    try:
        HistoryStore(url).dispose()
    except sa.exc.SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        if "full" in str(reason):  # SQLite cannot make its journal on a full disk
            raise HistoryError(
                f"{out_dir}: no space left on the device for the history store ({reason}); "
                "nothing was checked"
            ) from exc
        raise HistoryError(
            f"{safe_url(url)}: the history store cannot be opened ({reason}); nothing was checked"
        ) from exc


class HistoryError(RuntimeError):
    """The history store cannot take the run; the message names the store and the reason."""


def safe_url(url: str) -> str:
    """``url`` with any password hidden, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "FIGCHECK_HISTORY_URL"
