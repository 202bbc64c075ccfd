"""Let Great Expectations import the plotting and statistics libraries it never uses here.

Importing ``great_expectations`` imports every expectation GX ships, and two of them import
Altair (to draw their charts) and ``scipy.stats`` (for KS and KL-divergence tests) at module
level: about half of GX's import, some 3 CPU-s in every ``figcheck check``. figcheck's suite
uses neither expectation (``checks.gx_suite``). Importing this module before GX makes the
first import of each of those two modules lazy (``importlib.util.LazyLoader``): the module
object exists at once and runs its code on the first attribute anyone reads from it, or at
the next ``import`` of it (Python checks the module's spec then). So whoever does use Altair
or ``scipy.stats`` later in the process gets the real module, loaded at that moment. A module
imported already is left as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

# Modules GX imports at its start-up only for expectations figcheck does not run.
DEFERRED = ("altair", "scipy.stats")


class _DeferFirstImport(importlib.abc.MetaPathFinder):
    """Finds each of ``names`` once, through the other finders, with a lazy loader."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = set(names)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        self.names.discard(fullname)  # once: a later import is an ordinary one
        if not self.names and self in sys.meta_path:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = importlib.util.LazyLoader(spec.loader)
                return spec
        return None  # not installed: the import fails as it would have


if "great_expectations" not in sys.modules:
    _pending = [name for name in DEFERRED if name not in sys.modules]
    if _pending and not any(isinstance(f, _DeferFirstImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferFirstImport(_pending))
