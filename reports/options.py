"""What a run's reports need beyond the tables: CI settings, the reviewer, accepted claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from checks.vocabulary import Verdict

if TYPE_CHECKING:  # checks.exceptions loads pandas and pandera: not at start-up
    from checks.exceptions import ReviewedException

DEFAULT_FAIL_ON: tuple[str, ...] = (Verdict.CONTRADICTED.value, Verdict.MISATTRIBUTED.value)
# Unverifiable means "no reference figure measures this": not a pass, not a failure.
DEFAULT_JUNIT_SKIP: tuple[str, ...] = (Verdict.UNVERIFIABLE.value,)
DEFAULT_REVIEWER = "figcheck"


@dataclass(frozen=True)
class ReportOptions:
    """Settings for the machine outputs (JUnit, ClaimReview) and the reviewed exceptions.

    Attributes:
        fail_on: verdicts that fail the run (JUnit ``<failure>``), unless accepted.
        junit_skip: verdicts reported as JUnit ``<skipped>`` (fail_on wins over it).
        reviewer: the organisation named as ClaimReview ``author``.
        base_url: where the reports will be published (ClaimReview ``url``); None keeps
            relative URLs (``<id>.html#claim-N``).
        exceptions: reviewed exceptions (accepted claims).
        started_at: when the command started (timezone-aware), so the run time in reports
            includes start-up (Prefect's server, imports); None: when the flow started.
    """

    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    junit_skip: tuple[str, ...] = DEFAULT_JUNIT_SKIP
    reviewer: str = DEFAULT_REVIEWER
    base_url: str | None = None
    exceptions: tuple[ReviewedException, ...] = ()
    started_at: datetime | None = None

    def report_url(self, article_id: str) -> str:
        """The URL of an article's HTML report: under ``base_url``, or relative."""
        name = f"{article_id}.html"
        if not self.base_url:
            return name
        return self.base_url.rstrip("/") + "/" + name
