"""What each publisher counts, read from ``checks/definitions.yaml`` (its only reader).

The judge asks two questions of a reference row: which comparable-definition group it
belongs to (PIPS's terrorist attacks and PICSS's militant attacks can stand against each
other; CRSS's all-violence count cannot contradict either on its own), and whether its metric
is a stock (an estimate at a point in time) or a flow (a count over a period), how far a
running period's latest tally may lag the article's publication, and which parts of a total
(deaths in terrorist attacks) a group's publishers count as their whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from sources import yaml_safe

DEFINITIONS_FILE = Path(__file__).with_name("definitions.yaml")


@dataclass(frozen=True)
class Group:
    """A comparable-definition group: its id, what it counts, and whether it is broader."""

    id: str
    label: str
    broader: bool = False


@dataclass(frozen=True)
class Definitions:
    """The groups (with their members as (source, opening words)), the stock metrics, the
    days a running period's tally may lag publication (``running_lag_days``), and the parts
    a group's publishers count as their whole (``group_metrics``)."""

    groups: tuple[tuple[Group, tuple[tuple[str, str], ...]], ...]
    stocks: frozenset[str]
    running_lag_days: int = 0
    # (part metric, the metric its counters' rows store it under, the ids of the groups
    # that count it as their whole, and other (source, opening words) that do)
    group_metrics: tuple[tuple[str, str, frozenset[str], tuple[tuple[str, str], ...]], ...] = ()
    # Two lists of words figcheck reads as one measure that a publisher may use for two
    # (``mixed_measure_words``: "casualties" and "killed"), lower case.
    mixed_measure_words: tuple[frozenset[str], ...] = ()

    def mixes_measures(self, sentence: str) -> bool:
        """Whether a sentence holds words of every ``mixed_measure_words`` list, so its one
        metric may stand for two things ("militant casualties rose ..., with 40 militants
        killed")."""
        if not self.mixed_measure_words:
            return False
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        return all(words & group for group in self.mixed_measure_words)

    def group_of(self, source: str, definition: str) -> Group:
        """The group a (source, definition text) belongs to; its own group when none."""
        text = " ".join(str(definition).split()).lower()
        for group, members in self.groups:
            for member_source, opening in members:
                if source == member_source and text.startswith(opening.lower()):
                    return group
        return Group(id=f"{source}: {text[:60]}", label=str(definition))

    def counts_as_whole(self, part: str, source: str, definition: str) -> bool:
        """Whether a row of ``source`` with this definition text counts ``part`` (a
        ``group_metrics`` entry) as its whole: PIPS's deaths are deaths in terrorist attacks."""
        for name, _metric, groups, members in self.group_metrics:
            if name == part:
                text = " ".join(str(definition).split()).lower()
                return self.group_of(source, definition).id in groups or any(
                    source == s and text.startswith(opening.lower()) for s, opening in members)
        return False

    def is_stock(self, metric: str) -> bool:
        """Whether ``metric`` is a level at a point in time rather than a count over a span."""
        return metric in self.stocks


@cache
def load(path: Path = DEFINITIONS_FILE) -> Definitions:
    """Read the definitions file (cached: it is bundled data, read once per process).

    Raises:
        ValueError: the file is not a mapping with ``groups`` and ``stocks`` as described
            at its top.
    """
    try:
        data = yaml_safe.safe_load(Path(path).read_text(encoding="utf-8"))
        groups = tuple(
            (
                Group(id=gid, label=str(g["label"]), broader=bool(g.get("broader", False))),
                tuple((str(m["source"]), str(m["definition"])) for m in g["members"]),
            )
            for gid, g in data["groups"].items()
        )
        stocks = frozenset(str(m) for m in data["stocks"])
        group_metrics = tuple(
            (str(part), str(g["metric"]), frozenset(str(x) for x in g.get("groups") or ()),
             tuple((str(m["source"]), str(m["definition"])) for m in g.get("members") or ()))
            for part, g in (data.get("group_metrics") or {}).items()
        )
        known = {group.id for group, _ in groups}
        for part, _metric, gids, _members in group_metrics:
            if not gids <= known:
                raise KeyError(f"group_metrics: {part} names unknown groups {sorted(gids - known)}")
        mixed = tuple(frozenset(str(w).lower() for w in group)
                      for group in data.get("mixed_measure_words") or ())
        lag = data.get("running_lag_days", 0)
        if isinstance(lag, bool) or not isinstance(lag, int) or lag < 0:
            raise TypeError(f"running_lag_days must be a whole number of days, not {lag!r}")
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: cannot read definitions: {exc}") from None
    return Definitions(groups=groups, stocks=stocks, running_lag_days=lag,
                       group_metrics=group_metrics, mixed_measure_words=mixed)
