"""Load the reference figures: one CSV plus one YAML descriptor per publisher in ``sources/data``.

A descriptor (Frictionless-style) says who published the figures, in which documents (title,
publication date, URL) and what each definition counts; the CSV holds the figures themselves,
one per row. The loader joins the two into the ``ReferenceSchema`` table. A data file that
breaks a rule is refused whole, with every problem named by file, line and column: a verdict
must never rest on half-loaded or silently coerced reference data.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from checks import periods
from checks.schemas import ContractError, columns, empty, validate
from checks.schemas import ReferenceSchema as R
from checks.vocabulary import KINDS, QUALIFIERS, Kind, Stated
from sources import event_layouts

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCAB_DIR = Path(__file__).resolve().parent / "vocab"

# Columns a data file's CSV carries. The loader adds source (unless the CSV has it per row),
# publisher, published and url from the descriptor, and swaps the definition id for its text.
CSV_COLUMNS: list[str] = [
    R.ref_id, R.document, R.definition, R.metric, R.region, R.period, R.base_period, R.kind,
    R.value, R.low, R.high, R.qualifier, R.unit, R.stated_or_derived, R.keywords, R.note,
]
NUMBER_COLUMNS: list[str] = [R.value, R.low, R.high]
# One figure per key: two rows agreeing on all of these would be two answers to one question.
KEY_COLUMNS: list[str] = [
    R.source, R.document, R.metric, R.region, R.period, R.base_period, R.kind, R.definition,
]
DESCRIPTOR_KEYS = ["name", "title", "publisher", "documents", "definitions", "schema"]
# Data files a descriptor's ``path`` may name; CSV unless the suffix says otherwise.
TABLE_SUFFIXES = {".csv", ".xlsx", ".parquet"}
DOCUMENT_KEYS = ["title", "published", "url"]
# Kinds whose figure is measured against an earlier period.
CHANGE_KINDS = {Kind.PERCENT_CHANGE.value, Kind.PERCENTAGE_POINTS.value}
PERCENT_UNIT = "%"
REF_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_TOO_MANY_FIELDS = None  # csv.DictReader files surplus fields under this key
_MAX_SHOWN = 20


@dataclass(frozen=True)
class Problem:
    """One reason a data file was refused: where (file, CSV line, column) and what."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f" line {self.line}" if self.line is not None else "")
        where += f", column {self.column}" if self.column else ""
        return f"{where}: {self.message}"


class ReferenceDataError(ValueError):
    """Reference data refused; ``problems`` lists each one with its file, line and column."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:_MAX_SHOWN])
        more = len(problems) - _MAX_SHOWN
        super().__init__(
            f"reference data refused ({len(problems)} problem(s)): {shown}"
            + (f"; and {more} more" if more > 0 else "")
        )


@dataclass(frozen=True)
class _Vocab:
    metrics: frozenset[str]
    regions: frozenset[str]


@dataclass
class _Dataset:
    """A descriptor read and checked, with the problems found in it so far."""

    path: Path
    meta: dict[str, Any]
    problems: list[Problem]

    @property
    def csv_path(self) -> Path:
        return self.path.parent / str(self.meta.get("path") or f"{self.path.stem}.csv")

    @property
    def layout(self) -> str | None:
        """``gtd`` or ``acled`` for an event-level export aggregated on load; None for tidy rows."""
        return self.meta.get("layout")

    @property
    def per_row_source(self) -> bool:
        # Statements and events are stated by many people: their CSV names who, row by row.
        return not self.meta.get("source")


def load_references(data_dir: Path = DATA_DIR, vocab_dir: Path = VOCAB_DIR) -> pd.DataFrame:
    """Read every dataset in ``data_dir`` into one validated reference table.

    Args:
        data_dir: folder of ``<name>.yaml`` descriptors and the data files they describe.
        vocab_dir: folder of ``metrics.yaml`` and ``regions.yaml`` that ids are checked against.

    Returns:
        A ``ReferenceSchema`` table; ``ref_id`` is ``<dataset>:<row id>``.

    Raises:
        ReferenceDataError: any file breaks a rule; nothing is returned half-loaded.
    """
    return load_references_with_origins(data_dir, vocab_dir)[0]


def load_references_with_origins(
    data_dir: Path = DATA_DIR, vocab_dir: Path = VOCAB_DIR
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Like ``load_references``, plus where each row came from.

    Returns:
        ``(table, origins)``: ``origins`` has one row per reference row, same order, with
        ``file`` and ``line`` (None for rows aggregated from an event export).
    """
    vocab = _read_vocab(vocab_dir)
    problems: list[Problem] = []
    records: list[dict[str, Any]] = []
    origins: list[tuple[str, int | None]] = []  # (data file, line) of each record
    seen_documents: dict[str, str] = {}
    for descriptor in _descriptor_paths(data_dir):
        dataset = _read_descriptor(descriptor)
        rows, lines = _read_rows(dataset, vocab)
        problems += dataset.problems
        problems += _shared_document_ids(dataset, seen_documents)
        if not dataset.problems:
            records += rows
            origins += [(dataset.csv_path.name, line) for line in lines]
    if problems:
        raise ReferenceDataError(problems)
    where = pd.DataFrame(origins, columns=["file", "line"], dtype=object)
    if not records:
        return empty(R), where
    table = pd.DataFrame.from_records(records, columns=columns(R))
    try:
        return validate(R, table, "reference"), where
    except ContractError as exc:
        raise ReferenceDataError(_contract_problems(exc, origins)) from exc


def load_dataset(
    name: str, data_dir: Path = DATA_DIR, vocab_dir: Path = VOCAB_DIR
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Read one dataset: its descriptor and its validated rows.

    Args:
        name: the dataset's name (its descriptor is ``<name>.yaml`` in ``data_dir``).
        data_dir, vocab_dir: as for ``load_references``.

    Returns:
        ``(descriptor, table)``: the descriptor as a mapping and the dataset's rows
        (``ReferenceSchema``).

    Raises:
        KeyError: no descriptor of that name.
        ReferenceDataError: the dataset breaks a rule.
    """
    path = data_dir / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(name)
    dataset = _read_descriptor(path)
    rows, lines = _read_rows(dataset, _read_vocab(vocab_dir))
    if dataset.problems:
        raise ReferenceDataError(dataset.problems)
    if not rows:
        return dataset.meta, empty(R)
    table = pd.DataFrame.from_records(rows, columns=columns(R))
    origins = [(dataset.csv_path.name, line) for line in lines]
    try:
        return dataset.meta, validate(R, table, "reference")
    except ContractError as exc:
        raise ReferenceDataError(_contract_problems(exc, origins)) from exc


def references_version(data_dir: Path = DATA_DIR) -> str:
    """Return a short content hash of the reference data, to record with each verdict.

    Args:
        data_dir: folder of descriptors and CSVs.

    Returns:
        The first 12 hex digits of a sha256 over every ``*.yaml`` and data file (``.csv``,
        ``.xlsx``, ``.parquet``) in ``data_dir``, taken in name order, names included (a
        rename changes it too).
    """
    digest = hashlib.sha256()
    files = sorted(
        [p for p in data_dir.iterdir() if p.suffix in {".yaml", *TABLE_SUFFIXES}],
        key=lambda p: p.name,
    )
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def list_datasets(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Describe the datasets in ``data_dir``, one row each, without validating the figures.

    Args:
        data_dir: folder of descriptors and CSVs.

    Returns:
        Columns ``name, title, publisher, rows, documents`` (rows: figures in the CSV;
        documents: how many documents the descriptor lists).

    Raises:
        ReferenceDataError: a descriptor or its CSV cannot be read at all.
    """
    out = []
    for descriptor in _descriptor_paths(data_dir):
        dataset = _read_descriptor(descriptor)
        if not dataset.csv_path.is_file():
            dataset.problems.append(Problem(descriptor.name, None, "path", "CSV file not found"))
        if dataset.problems:
            raise ReferenceDataError(dataset.problems)
        rows = len(_read_table(dataset.csv_path)[1])
        meta = dataset.meta
        out.append({
            "name": meta["name"], "title": meta["title"], "publisher": meta["publisher"],
            "rows": rows, "documents": len(meta["documents"]),
        })
    return pd.DataFrame(out, columns=["name", "title", "publisher", "rows", "documents"])


# --- descriptors -----------------------------------------------------------------------------

def _descriptor_paths(data_dir: Path) -> list[Path]:
    if not data_dir.is_dir():
        raise ReferenceDataError([Problem(str(data_dir), None, None, "not a folder")])
    return sorted(data_dir.glob("*.yaml"), key=lambda p: p.name)


def _read_vocab(vocab_dir: Path) -> _Vocab:
    def keys(name: str) -> frozenset[str]:
        data = yaml.safe_load((vocab_dir / name).read_text(encoding="utf-8"))
        return frozenset(data)

    return _Vocab(metrics=keys("metrics.yaml"), regions=keys("regions.yaml"))


def _read_descriptor(path: Path) -> _Dataset:
    name = path.name
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return _Dataset(path, {}, [Problem(name, None, None, f"not valid YAML: {exc}")])
    if not isinstance(meta, dict):
        return _Dataset(path, {}, [Problem(name, None, None, "not a YAML mapping")])
    # An event export's columns are its publisher's (GTD has over a hundred): no schema.
    required = [k for k in DESCRIPTOR_KEYS if not (meta.get("layout") and k == "schema")]
    problems = [Problem(name, None, key, "missing") for key in required if not meta.get(key)]
    problems += _layout_problems(name, meta)
    if meta.get("name") and meta["name"] != path.stem:
        problems.append(Problem(name, None, "name", f"{meta['name']!r} differs from the file name"))
    for key in ("documents", "definitions"):
        if key in meta and not isinstance(meta[key], dict):
            problems.append(Problem(name, None, key, "must map ids to entries"))
    return _Dataset(path, meta, problems)


def _layout_problems(name: str, meta: dict[str, Any]) -> list[Problem]:
    """An event layout must be known and name the document and definition its rows cite."""
    layout = meta.get("layout")
    if layout is None:
        return []
    if layout not in event_layouts.LAYOUTS:
        known = sorted(event_layouts.LAYOUTS)
        return [Problem(name, None, "layout", f"unknown layout {layout!r}; use one of {known}")]
    if not meta.get("source"):
        return [Problem(name, None, "source", "an event dataset names its source (e.g. GTD)")]
    events = meta.get("events")
    if not isinstance(events, dict):
        return [Problem(name, None, "events", "missing: give events.document and "
                        "events.definition, the ids every aggregated row cites")]
    found = []
    for key, listed in (("document", "documents"), ("definition", "definitions")):
        ids = meta.get(listed) if isinstance(meta.get(listed), dict) else {}
        if events.get(key) not in ids:
            found.append(Problem(name, None, f"events.{key}",
                                 f"must be one of the {listed} ids {sorted(ids)}"))
    return found


def _document_problems(dataset: _Dataset, first_use: dict[str, int]) -> list[Problem]:
    """Check each document's title, date and URL; name the CSV line that first relies on it."""
    found = []
    for doc_id, entry in (dataset.meta.get("documents") or {}).items():
        doc = entry if isinstance(entry, dict) else {}
        line = first_use.get(doc_id)
        used = "" if doc_id not in first_use else (
            f" (used from {dataset.csv_path.name}"
            + (f" line {line})" if line is not None else ")")
        )
        for key in DOCUMENT_KEYS:
            value = doc.get(key)
            error = None
            if value is None or str(value).strip() == "":
                error = "missing"
            elif key == "url" and not str(value).startswith("https://"):
                error = f"must be a full https:// URL (got {value!r})"
            elif key == "published" and not _is_period(str(value)):
                error = f"must be an ISO date, year-month or year (got {value!r})"
            if error:
                column = f"documents.{doc_id}.{key}"
                found.append(Problem(dataset.path.name, None, column, error + used))
    return found


def _schema_problems(dataset: _Dataset, header: list[str]) -> list[Problem]:
    """Check that the descriptor's ``schema.fields`` lists exactly the CSV's columns."""
    fields = (dataset.meta.get("schema") or {}).get("fields") or []
    listed = [f.get("name") for f in fields if isinstance(f, dict)]
    name = dataset.path.name
    found = [Problem(name, None, f"schema.fields.{c}", f"not a column of {dataset.csv_path.name}")
             for c in listed if c not in header]
    found += [Problem(name, None, f"schema.fields.{c}", "column not listed")
              for c in header if c and c not in listed]
    return found


def _shared_document_ids(dataset: _Dataset, seen: dict[str, str]) -> list[Problem]:
    # Document ids are shown in reports without their dataset, so they must not collide.
    found = []
    for doc_id in dataset.meta.get("documents") or {}:
        if doc_id in seen:
            message = f"document id also used by {seen[doc_id]}"
            found.append(Problem(dataset.path.name, None, f"documents.{doc_id}", message))
        seen.setdefault(doc_id, dataset.path.name)
    return found


# --- CSV rows --------------------------------------------------------------------------------

def _read_rows(dataset: _Dataset, vocab: _Vocab) -> tuple[list[dict[str, Any]], list[int]]:
    """Check the dataset's CSV row by row; return its records and their line numbers.

    Problems go to ``dataset.problems``; records are only meaningful when there are none.
    """
    file = dataset.csv_path.name
    if dataset.problems:
        return [], []
    if not dataset.csv_path.is_file():
        dataset.problems.append(Problem(dataset.path.name, None, "path", f"{file} not found"))
        return [], []
    if dataset.csv_path.suffix not in TABLE_SUFFIXES:
        message = f"{file}: a data file is .csv, .xlsx or .parquet"
        dataset.problems.append(Problem(dataset.path.name, None, "path", message))
        return [], []
    expected = ([R.source] if dataset.per_row_source else []) + CSV_COLUMNS
    try:
        header, raw = _read_table(dataset.csv_path)
    except (OSError, ValueError, ImportError) as exc:
        dataset.problems.append(Problem(file, None, None, f"cannot be read: {exc}"))
        return [], []
    if dataset.layout:
        header, raw, found = _aggregate_events(dataset, header, raw)
        dataset.problems += found
        if found:
            return [], []
        file = f"{file} ({dataset.layout} aggregate)"
    header_problems = [Problem(file, 1, c, "missing column") for c in expected if c not in header]
    header_problems += [
        Problem(file, 1, c, "unexpected column") for c in header if c not in expected
    ]
    if not dataset.layout:
        dataset.problems += _schema_problems(dataset, header)
    dataset.problems += header_problems
    if header_problems:
        return [], []
    records, lines, first_use = [], [], {}
    for line, row in raw:
        record, problems = _check_row(row, dataset, vocab, Problem(file, line, None, ""))
        dataset.problems += problems
        records.append(record)
        lines.append(line)
        first_use.setdefault(row.get(R.document) or "", line)
    dataset.problems += _document_problems(dataset, first_use)
    dataset.problems += _duplicates(records, lines, file)
    prefix = f"{dataset.meta['name']}:"
    for record in records:
        record[R.ref_id] = prefix + str(record[R.ref_id])
    return records, lines


def _read_table(path: Path) -> tuple[list[str], list[tuple[int | None, dict[str | None, Any]]]]:
    """Read a CSV, Excel or Parquet file as text cells: its header and (line, row) pairs.

    Lines are as a spreadsheet shows them: the header is line 1, the first row line 2
    (in a CSV, the physical line, so quoted line breaks are counted). Missing cells are "".
    """
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            header = list(reader.fieldnames or [])
            return header, [(reader.line_num, row) for row in reader]
    if path.suffix == ".xlsx":
        # Text cells, so that numbers are parsed by the same rules as a CSV's.
        frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    else:
        frame = pd.read_parquet(path)
    header = [str(c) for c in frame.columns]
    cells = frame.astype(object).where(frame.notna(), "")
    rows = [
        (i + event_layouts.FIRST_LINE, {h: _cell(v) for h, v in zip(header, values, strict=True)})
        for i, values in enumerate(cells.itertuples(index=False, name=None))
    ]
    return header, rows


def _cell(value: Any) -> str:
    """A cell as text; whole floats lose their ".0" (Parquet and Excel store 306 as 306.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _aggregate_events(
    dataset: _Dataset, header: list[str], raw: list[tuple[int | None, dict]]
) -> tuple[list[str], list[tuple[int | None, dict]], list[Problem]]:
    """Turn an event export into tidy rows (``sources.event_layouts``), or its problems."""
    file = dataset.csv_path.name
    layout = str(dataset.layout)
    missing = [c for c in event_layouts.required_columns(layout) if c not in header]
    if missing:
        return [], [], [Problem(file, 1, c, f"missing column ({layout} layout)") for c in missing]
    events = pd.DataFrame([row for _, row in raw], columns=header)
    options = dataset.meta["events"]
    rows, problems = event_layouts.aggregate_events(
        events,
        layout,
        event_layouts.RegionNames.load(VOCAB_DIR / "regions.yaml"),
        str(options["document"]),
        str(options["definition"]),
        options,
    )
    if problems:
        where = {"events.attack_event_types": dataset.path.name}
        return [], [], [Problem(where.get(p.column, file), p.line, p.column, p.message)
                        for p in problems]
    tidy = [(None, {k: str(v) for k, v in row.items()}) for row in rows.to_dict("records")]
    return list(rows.columns), tidy, []


Complain = Callable[[str, str], None]  # (column, message) -> records a Problem for this row


def _check_row(
    row: dict[str | None, Any], dataset: _Dataset, vocab: _Vocab, at: Problem
) -> tuple[dict[str, Any], list[Problem]]:
    """Turn one CSV row into a reference record, listing every rule it breaks."""
    problems: list[Problem] = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(at.file, at.line, column, message))

    if row.get(_TOO_MANY_FIELDS) or any(v is None for k, v in row.items() if k):
        bad(R.ref_id, "wrong number of fields")
    text = {k: (v or "").strip() for k, v in row.items() if k}
    rec: dict[str, Any] = {k: (text[k] or None) for k in CSV_COLUMNS}
    for column in NUMBER_COLUMNS:
        rec[column] = _number(text[column], column, bad)
    meta = dataset.meta
    source = text.get(R.source) if dataset.per_row_source else str(meta["source"])
    if not source:
        bad(R.source, "missing (this dataset names its source per row)")
    _check_ids(text, meta, vocab, bad)
    _check_formats(text, bad)
    if text[R.kind] in KINDS:
        _check_values(rec, text[R.kind], bad)
        _check_units_and_bases(text, bad)

    doc = meta["documents"].get(text[R.document])
    doc = doc if isinstance(doc, dict) else {}
    definition = meta["definitions"].get(text[R.definition])
    rec.update({
        R.source: source or None,
        R.publisher: str(doc.get("publisher") or meta["publisher"]),
        R.published: _text(doc.get("published")),
        R.url: _text(doc.get("url")),
        # Readers see the document's title; the id only joins rows to the descriptor.
        R.document: _text(doc.get("title")) or text[R.document],
        # Folded YAML text may carry line breaks; reports show the definition on one line.
        R.definition: " ".join(str(definition).split()) if definition else None,
    })
    return rec, problems


def _check_ids(text: dict[str, str], meta: dict[str, Any], vocab: _Vocab, bad: Complain) -> None:
    """Ids must name something known: the descriptor's documents and definitions, the vocab."""
    ref_id = text[R.ref_id]
    if not REF_ID_PATTERN.match(ref_id):
        bad(R.ref_id, f"must be lower-case letters, digits, '.', '_' or '-' (got {ref_id!r})")
    for column, known in ((R.document, meta["documents"]), (R.definition, meta["definitions"])):
        if text[column] not in known:
            bad(column, f"unknown {column} {text[column]!r}; the descriptor lists {sorted(known)}")
    if text[R.metric] not in vocab.metrics:
        bad(R.metric, f"unknown metric id {text[R.metric]!r} (see sources/vocab/metrics.yaml)")
    _check_region(text[R.region], vocab, bad)


def _check_formats(text: dict[str, str], bad: Complain) -> None:
    """Periods, kind, qualifier and provenance flag must be spelled as the contract says."""
    if not text[R.period]:
        bad(R.period, "missing")
    for column in (R.period, R.base_period):
        if text[column] and not _is_period(text[column]):
            bad(column, f"must be an ISO date, year-month or year (got {text[column]!r})")
    if text[R.kind] not in KINDS:
        bad(R.kind, f"unknown kind {text[R.kind]!r}; use one of {KINDS}")
    if text[R.qualifier] and text[R.qualifier] not in QUALIFIERS:
        bad(R.qualifier, f"unknown qualifier {text[R.qualifier]!r}; use one of {QUALIFIERS}")
    if text[R.stated_or_derived] != Stated.STATED.value:
        bad(R.stated_or_derived, "data files hold only figures their publisher stated "
            f"('stated'); figcheck derives the rest at run time "
            f"(got {text[R.stated_or_derived]!r})")


def _check_region(region: str, vocab: _Vocab, bad: Complain) -> None:
    """Each code must be in the vocabulary; a combined region lists them once, sorted."""
    if not region:
        bad(R.region, "missing")
        return
    codes = region.split("+")
    unknown = [c for c in codes if c not in vocab.regions]
    if unknown:
        bad(R.region, f"unknown region code(s) {unknown} (see sources/vocab/regions.yaml)")
    elif codes != sorted(set(codes)):
        # One spelling per combined region, so that claims and references meet on it.
        canonical = "+".join(sorted(set(codes)))
        bad(R.region, f"combined codes must be sorted and distinct: write {canonical!r}")


def _check_values(rec: dict[str, Any], kind: str, bad: Complain) -> None:
    """Check what a figure of each kind must fill in, and the range its numbers may take."""
    value, low, high = rec[R.value], rec[R.low], rec[R.high]
    if kind == Kind.DATE:
        if any(x is not None for x in (value, low, high)):
            bad(R.value, "an event (kind 'date') has no value: its date goes in period")
    elif kind == Kind.RANGE:
        if value is not None:
            bad(R.value, "a range states low and high, not value")
        if low is None or high is None:
            bad(R.low if low is None else R.high, "a range needs both low and high")
        elif low > high:
            bad(R.low, f"low {low:g} is above high {high:g}")
        for column, bound in ((R.low, low), (R.high, high)):
            if bound is not None and bound < 0:
                bad(column, f"a count cannot be negative (got {bound:g})")
    elif value is None:
        bad(R.value, f"a figure of kind {kind!r} needs a value")
    elif kind == Kind.COUNT and value < 0:
        bad(R.value, f"a count cannot be negative (got {value:g})")
    elif kind == Kind.SHARE and not 0 <= value <= 100:
        bad(R.value, f"a share lies within 0-100 (got {value:g})")


def _check_units_and_bases(text: dict[str, str], bad: Complain) -> None:
    """Units, base periods and keywords that go with each kind of figure."""
    kind = text[R.kind]
    if kind in (Kind.SHARE, Kind.PERCENT_CHANGE) and text[R.unit] != PERCENT_UNIT:
        bad(R.unit, f"a {kind} is in '%' (got {text[R.unit]!r})")
    if kind == Kind.COUNT and text[R.unit]:
        bad(R.unit, f"a count has no unit (got {text[R.unit]!r})")
    if kind in CHANGE_KINDS and not text[R.base_period]:
        bad(R.base_period, f"a {kind} needs the period it is measured against")
    if kind not in CHANGE_KINDS and text[R.base_period]:
        bad(R.base_period, f"only a change has a base period (kind is {kind!r})")
    if kind == Kind.DATE and not text[R.keywords]:
        bad(R.keywords, "an event needs '|'-separated words that identify it in a sentence")


def _duplicates(records: list[dict[str, Any]], lines: list[int], file: str) -> list[Problem]:
    found, ids, keys = [], {}, {}
    for record, line in zip(records, lines, strict=True):
        ref_id = record[R.ref_id]
        if ref_id in ids:
            message = f"ref_id {ref_id!r} already used at line {ids[ref_id]}"
            found.append(Problem(file, line, R.ref_id, message))
        ids.setdefault(ref_id, line)
        key = tuple(record[c] for c in KEY_COLUMNS)
        if key in keys:
            found.append(Problem(file, line, ", ".join(KEY_COLUMNS),
                                 f"duplicate key: same figure as line {keys[key]}"))
        keys.setdefault(key, line)
    return found


def _contract_problems(exc: ContractError, origins: list[tuple[str, int]]) -> list[Problem]:
    """Map the schema's failing rows back to the file and line they came from."""
    found = []
    cases = exc.failure_cases.drop_duplicates(subset=["index", "column", "check"])
    for case in cases.to_dict("records"):
        index = case["index"]
        known = index is not None and not (isinstance(index, float) and math.isnan(index))
        file, line = origins[int(index)] if known else ("reference table", None)
        column = case["column"] if isinstance(case["column"], str) else None
        found.append(Problem(file, line, column,
                             f"breaks the reference contract: {case['check']} "
                             f"(got {case['failure_case']!r})"))
    return found


# --- small parsers ---------------------------------------------------------------------------

def _number(text: str, column: str, bad: Any) -> float | None:
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        # Thousands separators and percent signs are refused rather than guessed at.
        bad(column, f"not a number: {text!r} (write plain digits, e.g. 1124 or 16.8)")
        return None
    if not math.isfinite(number):
        bad(column, f"not a finite number: {text!r}")
        return None
    return number


def _is_period(text: str) -> bool:
    """Tell whether ``text`` is a period the contract accepts and that exists on the calendar:
    an ISO year, year-month or date, or a span of them ("2024-04/2024-06" for a quarter)."""
    return periods.is_valid(text)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
