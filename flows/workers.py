"""Worker processes that read the parts of a long text on several cores (``extract_all``).

Spawned, not forked: a fork copies whatever threads and locks the parent holds. Each worker
asks Linux to kill it when the run dies (``prctl(PR_SET_PDEATHSIG)``): a ``kill -9`` of
``figcheck extract`` otherwise left its workers and multiprocessing's resource tracker
running, idle, for ever (seen on Linux 6, Python 3.11). Elsewhere the workers end with a
normal exit only.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

from sources.lexicon import LexiconScope, lexicon_for

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # (not on every system)
        return os.cpu_count() or 1


def part_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that die with this one."""
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_die_with_parent, initargs=(os.getpid(),),
    )


def _die_with_parent(parent: int) -> None:
    """Run in each worker as it starts: be killed when ``parent`` dies, and exit now if it
    is already gone (it could die between the spawn and the ``prctl``)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:
        os._exit(0)


def part_claims(
    text: str, article_id: str, published: str | None, lexicon: LexiconScope | None
) -> dict[str, list]:
    """The claims columns of one part of a long text, read in a worker; each worker builds
    the lexicon once (``lexicon_for`` caches it)."""
    from sources.extract import extract_claims

    return extract_claims(text, article_id, published, lexicon_for(lexicon),
                          validate_schema=False, columns=True)
