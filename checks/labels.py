"""Names a reader understands for codes: regions (``sources/vocab/regions.yaml``) and
metrics (``sources/vocab/metrics.yaml``), read here once for every module in ``checks``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

VOCAB = Path(__file__).resolve().parents[1] / "sources" / "vocab"
REGIONS_FILE = VOCAB / "regions.yaml"
METRICS_FILE = VOCAB / "metrics.yaml"


@cache
def regions(path: Path = REGIONS_FILE) -> dict[str, dict]:
    """Each region code's entry (``name``, ``parent``, ``aliases``)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


@cache
def metrics(path: Path = METRICS_FILE) -> dict[str, dict]:
    """Each metric id's entry (``label``, ``parts_of``, ``words``...)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def region_name(code: object) -> str:
    """ "Khyber Pakhtunkhwa" for ``PK-KP``; "Balochistan and Khyber Pakhtunkhwa" for a union."""
    if not isinstance(code, str) or not code:
        return "an unknown place"
    names = [str(regions().get(part, {}).get("name", part)) for part in code.split("+")]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def metric_label(metric: object) -> str:
    """The metric in words ("security personnel killed"); the id itself when unknown."""
    if not isinstance(metric, str) or not metric:
        return "an unknown measure"
    return str(metrics().get(metric, {}).get("label", metric.replace("_", " ")))


def metric_sums() -> dict[str, tuple[str, ...]]:
    """Map each metric that counts several together to the metrics it sums (``sum_of`` in
    metrics.yaml): the killed or injured are the killed plus the injured."""
    return {mid: tuple(str(p) for p in e["sum_of"])
            for mid, e in metrics().items() if (e or {}).get("sum_of")}


def region_parents() -> dict[str, str]:
    """Map each subdivision code to the code of the country it belongs to."""
    return {code: e["parent"] for code, e in regions().items() if e.get("parent")}


def part_related(a: object, b: object) -> bool:
    """Whether one metric is a part of the other (``parts_of`` in metrics.yaml, transitively):
    attacks by the TTP are part of attacks; suicide-attack deaths part of deaths."""
    return _is_part(a, b) or _is_part(b, a)


def is_part(part: object, whole: object) -> bool:
    """Whether ``part`` is a part of ``whole`` (``parts_of`` in metrics.yaml, transitively):
    security personnel killed are part of deaths; a metric is not a part of itself."""
    return _is_part(part, whole)


def _is_part(part: object, whole: object) -> bool:
    seen = set()
    current = part
    while isinstance(current, str) and current not in seen:
        seen.add(current)
        current = metrics().get(current, {}).get("parts_of")
        if current == whole:
            return True
    return False
