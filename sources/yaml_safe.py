"""PyYAML's safe loading, parsed in C (libyaml) where PyYAML has it, in Python elsewhere.

Every run reads the bundled data's YAML (descriptors, vocabularies, definitions,
tolerances): PyYAML's pure-Python parser spent about 0.26 CPU-s a run on them, the C parser
0.03 (bench/README.md). Both build the same objects with the same safe constructors; only
the parser differs, and its errors are the same ``yaml.MarkedYAMLError`` kinds with marks.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)  # a safe loader, whichever parser
