"""Closed vocabularies shared by every stage: claim kinds, verdicts, qualifiers.

They are Enums with stable string values, so a DataFrame column holds plain strings
and the schemas can check membership with ``isin``.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What sort of figure a claim (or a reference row) states."""

    COUNT = "count"
    PERCENT = "percent"
    PERCENT_CHANGE = "percent_change"
    PERCENTAGE_POINTS = "percentage_points"
    SHARE = "share"
    RANGE = "range"
    RATIO = "ratio"
    MONEY = "money"
    DATE = "date"
    # New value over old ("doubled" = 2, "nine-fold" = 9, "halved" = 0.5); base_period set.
    FACTOR = "factor"
    # A position in an ordering ("ranked second" = 2, "the most affected" = 1).
    RANK = "rank"


class Verdict(StrEnum):
    """How the evidence bears on a claim (see README, "Verdicts")."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"
    MISATTRIBUTED = "misattributed"


class Qualifier(StrEnum):
    """Canonical hedge words; each maps to an interval rule in ``checks.precision``."""

    OVER = "over"  # over, more than, above, exceeding: value > X
    AT_LEAST = "at_least"  # at least, as many as, no fewer than: value >= X
    UNDER = "under"  # under, less than, fewer than, below: value < X
    UP_TO = "up_to"  # up to, at most, no more than: value <= X
    NEARLY = "nearly"  # nearly, almost, just under: X - tol <= value <= X
    ABOUT = "about"  # about, around, roughly, some, an estimated: X +/- tol


class Stated(StrEnum):
    """Whether a reference figure was printed by its publisher or computed by figcheck."""

    STATED = "stated"
    DERIVED = "derived"


KINDS: list[str] = [k.value for k in Kind]
VERDICTS: list[str] = [v.value for v in Verdict]
QUALIFIERS: list[str] = [q.value for q in Qualifier]
