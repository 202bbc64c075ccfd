"""Whole files in a shared output folder: atomic writes, and the clean-up of dead writers' leftovers.

Every report is written to a hidden temporary file beside it and renamed into place, so a
reader (or a run killed half-way) never sees half a report. A run killed between the two
(``kill -9``, a power cut) leaves its temporary file behind; the next run in the folder
removes those whose writer is gone. Several runs may share an output folder at once, so a
temporary file is only removed when it cannot belong to a live write: its name carries the
writer's process id, and it is removed when that process is no longer running on this
machine (and the file is over a minute old, in case the folder is shared with another
machine), or when it is over an hour old whoever wrote it (a process id can be reused).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

SUFFIX = ".tmp"
# ".<file name>.<pid>-<mkstemp's 8 random characters>.tmp"; the pid part is absent in files
# written before it was added, which only the age rule removes.
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[A-Za-z0-9_]{8}\.tmp$")
MIN_AGE = 60.0  # seconds: younger files may be another machine's write in progress
MAX_AGE = 3600.0  # seconds: no write of figcheck's takes this long


def temporary_prefix(name: str) -> str:
    """The ``mkstemp`` prefix for a temporary copy of ``name`` written by this process."""
    return f".{name}.{os.getpid()}-"


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` (UTF-8) so readers never see a half-written file.

    The text goes to a temporary file in the same directory, is flushed to disk, then
    replaces ``path`` in one ``os.replace``. Missing parent directories are created.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temporary_prefix(path.name), suffix=SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates 0600; a report is for reading, so take the usual umask instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (a zombie counts as gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OSError:
        return True  # cannot tell: keep the file
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): kill(0) said it exists


def stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """figcheck's temporary files in ``folder`` that no live write can still need."""
    now = time.time() if now is None else now
    stale = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = TEMPORARY.match(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue  # renamed into place meanwhile
        pid = match.group("pid")
        writer_gone = pid is not None and int(pid) != os.getpid() and not _running(int(pid))
        if age > MAX_AGE or (writer_gone and age > MIN_AGE):
            stale.append(Path(entry.path))
    return sorted(stale)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove what interrupted writes left in ``folder``; returns the files removed."""
    removed = []
    for path in stale_temporaries(Path(folder)):
        try:
            path.unlink()
        except FileNotFoundError:
            continue  # another run cleaned it first
        removed.append(path)
    return removed
