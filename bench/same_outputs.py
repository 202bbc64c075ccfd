"""Check that two `figcheck check` output folders hold the same bytes, but for what a run
stamps on them: its time, run time, run id and GX's run folder and random element ids.

A speed change must not change any report. Run the batch on two commits into two folders,
then: ``uv run python bench/same_outputs.py OLD_OUT NEW_OUT`` (exit 1 on any difference).
Every file is compared (reports, index, JUnit, GX Data Docs, and ``history.sqlite`` as its
SQL dump), first as bytes and, if those differ, after masking the values below.

Usage: ``uv run python bench/same_outputs.py reports/out-base reports/out-new``
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

# What differs between two runs of the same input, each replaced by a placeholder.
MASKS: list[tuple[bytes, bytes]] = [
    # GX's run folders and validation times: 20261203T090016Z-dad961, 20261203T090016.47Z
    (rb"\d{8}T\d{6}(?:\.\d+)?Z(?:-[0-9a-f]{6})?", b"<STAMP>"),
    # ISO times: generated_at, history rows
    (rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\+00:00|Z)?", b"<TIME>"),
    (rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", b"<TIME>"),  # the report's "Checked" line
    (rb'"duration_seconds": [\d.]+', b'"duration_seconds": <SECONDS>'),
    (rb'run-time">[^<]+<', b'run-time"><SECONDS><'),  # the report's run time
    (rb'time="[\d.]+"', b'time="<SECONDS>"'),  # JUnit
    (rb"\b[0-9a-f]{32}\b", b"<RUN-ID>"),  # the local engine's run id (history)
    # GX names each collapsible block of a Data Docs page with a random UUID.
    (rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", b"<UUID>"),
]
_STAMPED_NAME = re.compile(r"\d{8}T\d{6}(?:\.\d+)?Z(?:-[0-9a-f]{6})?")


def masked(path: Path) -> bytes:
    """The file's content (a SQLite database as its SQL dump) with ``MASKS`` applied."""
    if path.suffix == ".sqlite":
        connection = sqlite3.connect(path)
        try:
            data = "\n".join(connection.iterdump()).encode()
        finally:
            connection.close()
    else:
        data = path.read_bytes()
    for pattern, placeholder in MASKS:
        data = re.sub(pattern, placeholder, data)
    return data


def files_of(folder: Path) -> dict[str, Path]:
    """Every file under ``folder`` by its relative path, GX's run folder names masked."""
    return {
        _STAMPED_NAME.sub("<STAMP>", p.relative_to(folder).as_posix()): p
        for p in folder.rglob("*")
        if p.is_file()
    }


def compare(old: Path, new: Path) -> tuple[int, list[str]]:
    """The number of files that match and the relative paths that differ or exist once."""
    a, b = files_of(old), files_of(new)
    differing = sorted(set(a) ^ set(b))
    same = 0
    for rel in sorted(set(a) & set(b)):
        if a[rel].read_bytes() == b[rel].read_bytes() or masked(a[rel]) == masked(b[rel]):
            same += 1
        else:
            differing.append(rel)
    return same, differing


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    old, new = Path(sys.argv[1]), Path(sys.argv[2])
    same, differing = compare(old, new)
    print(f"{same} files the same (after masking run stamps); {len(differing)} differ")
    for rel in differing[:20]:
        print(f"  {rel}")
    raise SystemExit(1 if differing else 0)


if __name__ == "__main__":
    main()
