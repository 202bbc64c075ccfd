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
from checks.schemas import (
    REFERENCE_CSV_COLUMNS,
    REFERENCE_KEY,
    ContractError,
    columns,
    empty,
    validate,
)
from checks.schemas import ReferenceSchema as R
from checks.values import is_missing, text_or_none
from checks.vocabulary import CHANGE_KINDS, KINDS, QUALIFIERS, Kind, Stated
from sources import event_layouts, iso_regions, yaml_safe
from sources.lexicon import VocabularyError, region_entries
from sources.packs import BUNDLED_DATA, DataSelection, PackError, merged_vocabulary

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCAB_DIR = Path(__file__).resolve().parent / "vocab"

# Columns a data file's CSV carries; the loader swaps the definition id for its text.
CSV_COLUMNS: list[str] = REFERENCE_CSV_COLUMNS
NUMBER_COLUMNS: list[str] = [R.value, R.low, R.high]
KEY_COLUMNS: list[str] = REFERENCE_KEY
DESCRIPTOR_KEYS = ["name", "title", "publisher", "documents", "definitions", "schema"]
# Data files a descriptor's ``path`` may name; CSV unless the suffix says otherwise.
TABLE_SUFFIXES = {".csv", ".xlsx", ".parquet"}
DOCUMENT_KEYS = ["title", "published", "url"]
# Kinds whose figure is measured against an earlier period.
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
    regions: frozenset[str]  # curated codes; any other ISO 3166 code is valid too
    packs: tuple[Path, ...] = ()  # the packs' vocab folders, for event layouts' region names

    def is_region(self, code: str) -> bool:
        return code in self.regions or iso_regions.is_code(code)


@dataclass(frozen=True)
class LoadedData:
    """Reference data loaded for a :class:`DataSelection`, checked row by row and as a table.

    ``origins`` has ``file`` and ``line`` per row (same order); ``version`` hashes every file
    used; ``regions`` holds the region codes the rows use (the lexicon adds their names).
    """

    table: pd.DataFrame
    origins: pd.DataFrame
    version: str
    regions: frozenset[str]


@dataclass
class _Dataset:
    """A descriptor read and checked, with the problems found in it so far."""

    path: Path
    meta: dict[str, Any]
    problems: list[Problem]
    in_pack: bool = False  # from a data pack: messages give the file's whole path

    @property
    def label(self) -> str:
        """How messages name the descriptor: bare for bundled data, the path for a pack's."""
        return _label(self.path, self.in_pack)

    @property
    def csv_label(self) -> str:
        return _label(self.csv_path, self.in_pack)

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
    return _load([data_dir], _read_vocab(vocab_dir), in_packs=False)


def load_selection(selection: DataSelection | None = None) -> LoadedData:
    """Load the bundled data (unless left out) and every pack into one validated table.

    A pack's dataset named like a bundled one replaces it (a corrected copy); two packs
    may not define one dataset name. Pack ``vocab/`` files are merged over the bundled
    vocabulary first, so their metric and region ids are known to the row checks.

    Raises:
        ReferenceDataError: any file breaks a rule, or packs clash; nothing is returned
            half-loaded, so no row of a bad pack is ever used.
    """
    selection = selection or DataSelection()
    try:
        vocab = _read_vocab(VOCAB_DIR, selection.vocab_dirs)
    except (PackError, VocabularyError) as exc:
        raise ReferenceDataError([_vocab_problem(exc)]) from None
    table, origins = _load(selection.data_dirs, vocab)
    regions = frozenset(c for r in table[R.region].dropna() for c in str(r).split("+"))
    return LoadedData(table, origins, selection_version(selection), regions)


def _vocab_problem(exc: PackError | VocabularyError) -> Problem:
    """A vocabulary error as a Problem: the file its message starts with, and where in it."""
    file, _, message = str(exc).partition(": ")
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    return Problem(file, line, str(column) if column else None, message or str(exc))


def _load(
    data_dirs: list[Path], vocab: _Vocab, in_packs: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load every dataset of ``data_dirs``; ``in_packs``: name non-bundled files by path."""
    problems: list[Problem] = []
    records: list[dict[str, Any]] = []
    origins: list[tuple[str, int | None]] = []  # (data file, line) of each record
    seen_documents: dict[str, str] = {}
    for descriptor in _selected_descriptors(data_dirs, problems):
        dataset = _read_descriptor(descriptor, in_packs and descriptor.parent != BUNDLED_DATA)
        rows, lines = _read_rows(dataset, vocab)
        problems += dataset.problems
        problems += _shared_document_ids(dataset, seen_documents)
        if not dataset.problems:
            records += rows
            origins += [(dataset.csv_label, line) for line in lines]
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
    name: str,
    data_dir: Path = DATA_DIR,
    vocab_dir: Path = VOCAB_DIR,
    selection: DataSelection | None = None,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Read one dataset: its descriptor and its validated rows.

    Args:
        name: the dataset's name (its descriptor is ``<name>.yaml`` in ``data_dir``).
        data_dir, vocab_dir: as for ``load_references``.
        selection: look ``name`` up among these folders instead (the last that has it,
            so a pack's copy wins), with the packs' vocabulary merged in.

    Returns:
        ``(descriptor, table)``: the descriptor as a mapping and the dataset's rows
        (``ReferenceSchema``).

    Raises:
        KeyError: no descriptor of that name.
        ReferenceDataError: the dataset breaks a rule.
    """
    folders, packs = [data_dir], ()
    if selection is not None:
        folders, packs = selection.data_dirs, selection.vocab_dirs
    found = [d / f"{name}.yaml" for d in folders if (d / f"{name}.yaml").is_file()]
    if not found:
        raise KeyError(name)
    dataset = _read_descriptor(found[-1], selection is not None)
    try:
        vocab = _read_vocab(vocab_dir, packs)
    except (PackError, VocabularyError) as exc:
        raise ReferenceDataError([_vocab_problem(exc)]) from None
    rows, lines = _read_rows(dataset, vocab)
    if dataset.problems:
        raise ReferenceDataError(dataset.problems)
    if not rows:
        return dataset.meta, empty(R)
    table = pd.DataFrame.from_records(rows, columns=columns(R))
    origins = [(dataset.csv_label, line) for line in lines]
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
    _hash_folder(digest, data_dir)
    return digest.hexdigest()[:12]


def selection_version(selection: DataSelection | None = None) -> str:
    """The reference version of a selection: the bundled data's alone equals
    ``references_version()``; packs (their data and ``vocab/`` files) change it."""
    selection = selection or DataSelection()
    if selection.bundled and not selection.packs:
        return references_version(BUNDLED_DATA)
    digest = hashlib.sha256(b"bundled\0" if selection.bundled else b"no bundled data\0")
    for folder in selection.data_dirs:
        digest.update(b"pack\0")  # folder boundaries count; absolute paths do not
        _hash_folder(digest, folder)
        vocab = folder / "vocab"
        if folder != BUNDLED_DATA and vocab.is_dir():
            _hash_folder(digest, vocab)
    return digest.hexdigest()[:12]


def _hash_folder(digest: Any, folder: Path) -> None:
    files = sorted(
        [p for p in folder.iterdir() if p.suffix in {".yaml", *TABLE_SUFFIXES}],
        key=lambda p: p.name,
    )
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")


def list_datasets(
    data_dir: Path = DATA_DIR, selection: DataSelection | None = None
) -> pd.DataFrame:
    """Describe the datasets in ``data_dir``, one row each, without validating the figures.

    Args:
        data_dir: folder of descriptors and CSVs.
        selection: list these folders instead (bundled data and packs).

    Returns:
        Columns ``name, title, publisher, rows, documents`` (rows: figures in the CSV;
        documents: how many documents the descriptor lists), plus ``pack`` (the pack's
        folder, empty for bundled data) when ``selection`` is given.

    Raises:
        ReferenceDataError: a descriptor or its CSV cannot be read at all.
    """
    out = []
    problems: list[Problem] = []
    folders = selection.data_dirs if selection is not None else [data_dir]
    for descriptor in _selected_descriptors(folders, problems):
        dataset = _read_descriptor(descriptor, selection is not None)
        if not dataset.csv_path.is_file():
            dataset.problems.append(Problem(dataset.label, None, "path", "CSV file not found"))
        if dataset.problems:
            raise ReferenceDataError(dataset.problems)
        try:
            rows = len(_read_table(dataset.csv_path, dataset.csv_label)[1])
        except ReferenceDataError:
            raise  # already names the file and line
        except (OSError, ValueError, ImportError) as exc:
            raise ReferenceDataError(
                [Problem(dataset.csv_label, None, None, f"cannot be read: {exc}")]
            ) from None
        meta = dataset.meta
        out.append({
            "name": meta["name"], "title": meta["title"], "publisher": meta["publisher"],
            "rows": rows, "documents": len(meta["documents"]),
            "pack": "" if descriptor.parent == BUNDLED_DATA else str(descriptor.parent),
        })
    if problems:
        raise ReferenceDataError(problems)
    columns_ = ["name", "title", "publisher", "rows", "documents"]
    # Which pack a dataset comes from matters only once packs can be chosen.
    return pd.DataFrame(out, columns=columns_ + (["pack"] if selection is not None else []))


# --- descriptors -----------------------------------------------------------------------------

def _descriptor_paths(data_dir: Path) -> list[Path]:
    if not data_dir.is_dir():
        raise ReferenceDataError([Problem(str(data_dir), None, None, "not a folder")])
    return sorted(data_dir.glob("*.yaml"), key=lambda p: p.name)


def _selected_descriptors(data_dirs: list[Path], problems: list[Problem]) -> list[Path]:
    """Descriptors of every folder; a pack's dataset replaces the bundled one of its name.

    Two packs defining one dataset name is a clash (added to ``problems``, both named).
    """
    chosen: dict[str, Path] = {}
    for folder in data_dirs:
        for path in _descriptor_paths(folder):
            earlier = chosen.get(path.stem)
            if earlier is not None and earlier.parent != BUNDLED_DATA:
                message = f"dataset {path.stem!r} is also defined by {_label(earlier)}"
                problems.append(Problem(_label(path), None, "name", message))
                continue
            chosen[path.stem] = path
    return list(chosen.values())


def _label(path: Path, in_pack: bool = True) -> str:
    """Bundled files are named bare ("pips.csv"); a pack's by their path."""
    return str(path) if in_pack and path.parent != BUNDLED_DATA else path.name


def _read_vocab(vocab_dir: Path, packs: tuple[Path, ...] = ()) -> _Vocab:
    """The metric and region ids known: ``vocab_dir``'s, merged with the packs' (checked).

    Raises:
        PackError: a pack's vocabulary file is malformed, unknown, or clashes.
    """
    known = {"metrics.yaml", "regions.yaml", "sources.yaml", "names.yaml"}
    known |= {p.name for p in vocab_dir.glob("*.yaml")}
    for folder in packs:
        for path in sorted(folder.glob("*")):
            if path.name not in known:
                raise PackError(f"{path}: not a vocabulary file figcheck reads "
                                f"(use one of {sorted(known)})")
            merged_vocabulary(path.name, packs, vocab_dir)  # raises on a clash
    metrics = merged_vocabulary("metrics.yaml", packs, vocab_dir).entries
    regions = merged_vocabulary("regions.yaml", packs, vocab_dir).entries
    for code in regions:
        if code not in _bundled_region_codes(vocab_dir) and not iso_regions.is_code(code):
            origin = merged_vocabulary("regions.yaml", packs, vocab_dir).origin[code]
            raise PackError(f"{origin}: region {code!r} is not an ISO 3166 country or "
                            "first-level subdivision code")
    return _Vocab(frozenset(metrics), frozenset(regions), packs)


def _bundled_region_codes(vocab_dir: Path) -> frozenset[str]:
    return frozenset(merged_vocabulary("regions.yaml", (), vocab_dir).entries)


def _read_descriptor(path: Path, in_pack: bool = False) -> _Dataset:
    name = _label(path, in_pack)
    try:
        meta = yaml_safe.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return _Dataset(path, {}, [Problem(name, None, None, f"not valid YAML: {exc}")], in_pack)
    if not isinstance(meta, dict):
        return _Dataset(path, {}, [Problem(name, None, None, "not a YAML mapping")], in_pack)
    # An event export's columns are its publisher's (GTD has over a hundred): no schema.
    required = [k for k in DESCRIPTOR_KEYS if not (meta.get("layout") and k == "schema")]
    problems = [Problem(name, None, key, "missing") for key in required if not meta.get(key)]
    problems += _layout_problems(name, meta)
    if meta.get("name") and meta["name"] != path.stem:
        problems.append(Problem(name, None, "name", f"{meta['name']!r} differs from the file name"))
    for key in ("documents", "definitions"):
        if key in meta and not isinstance(meta[key], dict):
            problems.append(Problem(name, None, key, "must map ids to entries"))
    return _Dataset(path, meta, problems, in_pack)


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
            f" (used from {dataset.csv_label}"
            + (f" line {line})" if line is not None else ")")
        )
        for key in DOCUMENT_KEYS:
            value = doc.get(key)
            error = None
            if value is None or str(value).strip() == "":
                error = "missing"
            elif key == "url" and not str(value).startswith("https://"):
                error = f"must be a full https:// URL (got {value!r})"
            elif key == "published" and not _is_date(str(value)):
                error = f"must be an ISO date, year-month or year (got {value!r})"
            if error:
                column = f"documents.{doc_id}.{key}"
                found.append(Problem(dataset.label, None, column, error + used))
    return found


def _schema_problems(dataset: _Dataset, header: list[str]) -> list[Problem]:
    """Check that the descriptor's ``schema.fields`` lists exactly the CSV's columns."""
    fields = (dataset.meta.get("schema") or {}).get("fields") or []
    listed = [f.get("name") for f in fields if isinstance(f, dict)]
    name = dataset.label
    found = [Problem(name, None, f"schema.fields.{c}", f"not a column of {dataset.csv_label}")
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
            found.append(Problem(dataset.label, None, f"documents.{doc_id}", message))
        seen.setdefault(doc_id, dataset.label)
    return found


# --- CSV rows --------------------------------------------------------------------------------

def _read_rows(dataset: _Dataset, vocab: _Vocab) -> tuple[list[dict[str, Any]], list[int]]:
    """Check the dataset's CSV row by row; return its records and their line numbers.

    Problems go to ``dataset.problems``; records are only meaningful when there are none.
    """
    file = dataset.csv_label
    if dataset.problems:
        return [], []
    if not dataset.csv_path.is_file():
        dataset.problems.append(Problem(dataset.label, None, "path", f"{file} not found"))
        return [], []
    if dataset.csv_path.suffix not in TABLE_SUFFIXES:
        message = f"{file}: a data file is .csv, .xlsx or .parquet"
        dataset.problems.append(Problem(dataset.label, None, "path", message))
        return [], []
    expected = ([R.source] if dataset.per_row_source else []) + CSV_COLUMNS
    try:
        header, raw = _read_table(dataset.csv_path, dataset.csv_label)
    except ReferenceDataError as exc:
        dataset.problems += exc.problems
        return [], []
    except (OSError, ValueError, ImportError) as exc:
        dataset.problems.append(Problem(file, None, None, f"cannot be read: {exc}"))
        return [], []
    if dataset.layout:
        header, raw, found = _aggregate_events(dataset, header, raw, vocab.packs)
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


def _read_table(
    path: Path, label: str | None = None
) -> tuple[list[str], list[tuple[int | None, dict[str | None, Any]]]]:
    """Read a CSV, Excel or Parquet file as text cells: its header and (line, row) pairs.

    Lines are as a spreadsheet shows them: the header is line 1, the first row line 2
    (in a CSV, the physical line, so quoted line breaks are counted). Missing cells are "".
    """
    if path.suffix == ".csv":
        return _read_csv(path, label or path.name)
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


def _read_csv(path: Path, label: str) -> tuple[list[str], list[tuple[int | None, dict[str | None, Any]]]]:
    """Read a CSV strictly: a syntax error, a ragged row, or no rows at all is refused.

    Python's csv reader is lenient by default: an unterminated quote swallows the rest of
    the file into one cell, and a header with no rows reads as an empty dataset. Either
    would silently drop figures, so both are refused with the file and line.

    Raises:
        ReferenceDataError: the file breaks CSV syntax, a row has more or fewer fields than
            the header, or the file has no header or no rows.
    """
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        rows: list[tuple[int, list[str]]] = []
        start = 1
        try:
            for fields in reader:
                # The line the record ends on, as before (one-line records: their line).
                rows.append((reader.line_num, fields))
                start = reader.line_num + 1
        except csv.Error as exc:
            # line_num is where the reader stopped; the record began at ``start``.
            message = str(exc)
            if "unexpected end of data" in message or reader.line_num > start:
                message = f"unterminated quoted field (opened on line {start}): {exc}"
            raise ReferenceDataError([Problem(label, start, None, f"not valid CSV: {message}")]) \
                from None
    # csv.reader yields [] for a blank line; a blank line is no record.
    rows = [(line, fields) for line, fields in rows if fields]
    if not rows:
        raise ReferenceDataError([Problem(label, None, None, "empty file: no header, no rows")])
    (_, header), body = rows[0], rows[1:]
    if not body:
        raise ReferenceDataError(
            [Problem(label, 1, None, "a header and no rows: a dataset states at least one figure")]
        )
    problems = [
        Problem(label, line, None,
                f"{len(fields)} field(s) where the header has {len(header)}")
        for line, fields in body if len(fields) != len(header)
    ]
    if problems:
        raise ReferenceDataError(problems)
    return header, [(line, dict(zip(header, fields, strict=True))) for line, fields in body]


def _cell(value: Any) -> str:
    """A cell as text; whole floats lose their ".0" (Parquet and Excel store 306 as 306.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _event_region_names(
    options: dict[str, Any], packs: tuple[Path, ...]
) -> event_layouts.RegionNames:
    """Region names an event export's rows may use: the curated ones (with the packs'),
    and every ISO name of the countries its descriptor keeps (``events.countries``)."""
    wanted = {str(c).strip().lower() for c in options.get("countries") or []}
    curated = region_entries(VOCAB_DIR, packs)
    codes = {code for code, e in curated.items() if not e.get("parent") and wanted & {
        str(n).lower() for n in [e.get("name"), *(e.get("aliases") or [])] if n}}
    if wanted and len(codes) < len(wanted):
        # A country not curated: find it among the ISO names (pycountry loads only here).
        codes |= {code for code, names in iso_regions.countries().items()
                  if wanted & {n.lower() for n in names}}
    return event_layouts.RegionNames.from_entries(
        region_entries(VOCAB_DIR, packs, frozenset(codes))
    )


def _aggregate_events(
    dataset: _Dataset,
    header: list[str],
    raw: list[tuple[int | None, dict]],
    vocab_packs: tuple[Path, ...] = (),
) -> tuple[list[str], list[tuple[int | None, dict]], list[Problem]]:
    """Turn an event export into tidy rows (``sources.event_layouts``), or its problems."""
    file = dataset.csv_label
    layout = str(dataset.layout)
    missing = [c for c in event_layouts.required_columns(layout) if c not in header]
    if missing:
        return [], [], [Problem(file, 1, c, f"missing column ({layout} layout)") for c in missing]
    events = pd.DataFrame([row for _, row in raw], columns=header)
    options = dataset.meta["events"]
    rows, problems = event_layouts.aggregate_events(
        events,
        layout,
        _event_region_names(options, vocab_packs),
        str(options["document"]),
        str(options["definition"]),
        options,
    )
    if problems:
        where = {"events.attack_event_types": dataset.label}
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
        R.published: text_or_none(doc.get("published")),
        R.url: text_or_none(doc.get("url")),
        # Readers see the document's title; the id only joins rows to the descriptor.
        R.document: text_or_none(doc.get("title")) or text[R.document],
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
        bad(R.metric, f"unknown metric id {text[R.metric]!r} (see sources/vocab/metrics.yaml, or a pack's vocab/metrics.yaml)")
    _check_region(text[R.region], vocab, bad)


def _check_formats(text: dict[str, str], bad: Complain) -> None:
    """Periods, kind, qualifier and provenance flag must be spelled as the contract says."""
    if not text[R.period]:
        bad(R.period, "missing")
    for column in (R.period, R.base_period):
        if text[column] and not _is_period(text[column]):
            bad(column, "must be an ISO date, year-month, year or a span such as "
                f"2024-04/2024-06 (got {text[column]!r})")
        elif text[column] and periods.normalise(text[column]) != text[column]:
            # One spelling per interval, so that claims and references meet on it.
            bad(column, f"write the period as {periods.normalise(text[column])!r} "
                f"(got {text[column]!r})")
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
    unknown = [c for c in codes if not vocab.is_region(c)]
    if unknown:
        bad(R.region, f"unknown region code(s) {unknown}: use an ISO 3166 country or "
            "first-level subdivision code, or one listed in sources/vocab/regions.yaml")
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
        known = not is_missing(index)
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
    """Tell whether ``text`` is an ISO year, year-month or date that exists on the calendar,
    or a span of two months or two days ("2024-04/2024-06": ``checks.periods``)."""
    if not periods.is_valid(text):
        return False
    try:
        periods.normalise(text)  # a span must not end before it starts
    except periods.PeriodError:
        return False
    return True


def _is_date(text: str) -> bool:
    """A publication date: a year, year-month or day, never a span."""
    return "/" not in text and _is_period(text)


