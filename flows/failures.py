"""The one place where a failure becomes figcheck's exit contract.

Exit codes (for CI): **0** no claim has a failing verdict; **1** some claim has one (the
draft states a wrong figure, and nothing else exits 1); **2** anything else that stops a
run: bad input or usage, the environment (disk full, no permission, no Prefect server),
broken reference data, or a bug in figcheck. A failure prints one line on stderr naming the
thing and the problem; ``figcheck --debug ...`` (or ``FIGCHECK_DEBUG=1``) re-raises it with
its traceback instead.

Every command goes through :class:`GuardedGroup`, including sub-apps (``figcheck sources``),
so a new command gets the contract without code of its own.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FAILED_CLAIMS, EXIT_BAD_INPUT = 0, 1, 2
DEBUG_ENV = "FIGCHECK_DEBUG"
MAX_MESSAGE = 400  # one line, even when a library's message is a page long

_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


class _StderrConsole:
    """The command line's rich console on stderr, made on first use.

    ``figcheck --help`` prints no message, so it need not import rich's console (about a
    fifth of its start-up); every attribute is the real ``rich.console.Console``'s.
    """

    _console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            # Messages are never wrapped at the terminal's width: a CI log must show
            # "<file>: not a folder" on one line whatever the path's length.
            type(self)._console = Console(stderr=True, soft_wrap=True)
        return getattr(self._console, name)


# The one stderr console of the command line.
err: Console = _StderrConsole()  # type: ignore[assignment]


class EnvironmentProblem(RuntimeError):
    """The machine, not the input, stops the run (no server, no history store); exit 2."""


def debug_enabled() -> bool:
    """True when the user asked for tracebacks (``--debug`` or ``FIGCHECK_DEBUG=1``)."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0", "false", "no")


def one_line(text: str) -> str:
    """``text`` on one line, cut to a readable length."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= MAX_MESSAGE else flat[: MAX_MESSAGE - 1] + "…"


def os_problem(exc: OSError) -> str:
    """What an ``OSError`` means for the user: the path and the problem in words."""
    where = exc.filename or "(unknown file)"
    code = exc.errno
    if code in _NO_SPACE:
        return f"{where}: no space left on the device (disk or quota full)"
    if code in _NOT_WRITABLE:
        return f"{where}: permission denied or read-only file system ({exc.strerror})"
    return f"{where}: {exc.strerror or exc}"


def output_problem(out: Path, exc: OSError) -> str:
    """A write failure while producing the reports, named by the output folder."""
    if exc.errno in _NO_SPACE:
        return f"{out}: no space left on the device; the reports were not updated"
    if exc.errno in _NOT_WRITABLE:
        return f"{out}: the output folder is not writable ({exc.strerror})"
    return os_problem(exc)


def describe(exc: BaseException) -> str:
    """One line for any exception that reached the command line."""
    if isinstance(exc, OSError):
        return one_line(os_problem(exc))
    if isinstance(exc, MemoryError):
        return "out of memory; try fewer or shorter articles"
    # (Imported here: multiprocessing costs every command's start about 50 ms.)
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        return ("a worker process reading a long text's parts died (killed, or out of "
                "memory); --workers 1 reads them in figcheck's own process")
    name = type(exc).__module__.split(".")[0]
    if name in ("sources", "checks", "flows", "reports") or isinstance(exc, ValueError):
        return one_line(str(exc) or type(exc).__name__)
    # Not one of figcheck's own errors: a bug or a library failure. Say so, briefly.
    return one_line(
        f"internal error ({type(exc).__name__}: {exc}); "
        "run `figcheck --debug ...` for the traceback"
    )


def fail(message: str) -> typer.Exit:
    """Print ``figcheck: error: message`` and return the exit-2 exception to raise."""
    err.print(f"[bold red]figcheck: error:[/] {one_line(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_BAD_INPUT)


class GuardedGroup(TyperGroup):
    """A command group whose commands never end in a traceback unless debugging."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise  # the command chose its exit, or click reports a usage error (exit 2)
        except KeyboardInterrupt:
            err.print("figcheck: interrupted", highlight=False)
            raise typer.Exit(130) from None
        except Exception as exc:
            if debug_enabled():
                raise
            raise fail(describe(exc)) from None
