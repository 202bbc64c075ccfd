"""Prefect's console log without tracebacks, unless the user asked for them (``--debug``).

When a task fails, Prefect logs the exception with its traceback (``exc_info``) on the
``prefect.task_runs`` and ``prefect.flow_runs`` loggers; their records reach the console
through the root logger's handler, whose formatter is Prefect's ``standard`` one. figcheck's
exit contract (``flows.failures``) then prints the failure as one line, so the traceback on
the console is noise that CI logs show as a crash. Prefect lets every key of its logging
configuration be overridden from the environment (``PREFECT_LOGGING_<PATH>_<KEY>``), so
figcheck swaps that formatter's factory for :class:`OneLineFormatter`: the console keeps
every message (``Task run failed with exception: OSError(28, ...)``) and drops the traceback,
while the API handler (the Prefect UI) still receives it whole. Being an environment
variable, it also reaches Prefect's child processes (process-pool and Dask workers).
"""

from __future__ import annotations

import logging
import os

from flows.failures import debug_enabled

# Prefect's logging.yml key ``formatters.standard.()`` as Prefect spells it in the
# environment (``prefect.logging.configuration.to_envvar``: non-alphanumerics become "_").
STANDARD_FORMATTER_ENV = "PREFECT_LOGGING_FORMATTERS_STANDARD_"
ONE_LINE_FORMATTER = f"{__name__}.OneLineFormatter"


def __getattr__(name: str) -> type[logging.Formatter]:
    """``OneLineFormatter``, built when Prefect's logging set-up asks for it.

    It subclasses Prefect's formatter, so it is made lazily: importing this module must not
    import Prefect (the CLI calls :func:`quiet_prefect_tracebacks` on its start-up path).
    """
    if name != "OneLineFormatter":
        raise AttributeError(name)
    from prefect.logging.formatters import PrefectFormatter

    class OneLineFormatter(PrefectFormatter):
        """Prefect's console formatter, without the exception's traceback or the stack."""

        def format(self, record: logging.LogRecord) -> str:
            # Another handler (Prefect's API handler) may have cached the traceback on the
            # record as ``exc_text``: hide all three for this line, then put them back.
            saved = record.exc_info, record.exc_text, record.stack_info
            record.exc_info = record.exc_text = record.stack_info = None
            try:
                return super().format(record)
            finally:
                record.exc_info, record.exc_text, record.stack_info = saved

    globals()[name] = OneLineFormatter
    return OneLineFormatter


def quiet_prefect_tracebacks() -> None:
    """Before Prefect is imported: its console shows no tracebacks unless debugging.

    A user's own choice of that formatter (the same variable already set) is kept.
    """
    if not debug_enabled():
        os.environ.setdefault(STANDARD_FORMATTER_ENV, ONE_LINE_FORMATTER)
