"""The pattern module's names: each defined once."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import sources.patterns as P


def test_no_pattern_name_is_defined_twice() -> None:
    # A second module-level assignment silently replaces the first pattern everywhere it is
    # used (a second CHANGE_NOUN_BEFORE once turned every "increase of 58 percent" into a
    # plain percent).
    tree = ast.parse(Path(P.__file__).read_text(encoding="utf-8"))
    names = Counter(target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(target, ast.Name))
    assert [name for name, n in names.items() if n > 1] == []
