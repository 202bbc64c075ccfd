"""Data packs: folders of reference datasets (and vocabulary) users bring at run time.

A pack is a folder laid out like ``sources/data``: dataset descriptors (``<name>.yaml``) and
the data files they describe, plus an optional ``vocab/`` folder whose files (``metrics.yaml``,
``regions.yaml``, ``sources.yaml``, ``names.yaml``, or any other vocabulary file) add entries
to the bundled vocabulary of the same name. :class:`DataSelection` says which packs a run
uses (``--data DIR``, ``FIGCHECK_DATA``) and whether the bundled data is among them
(``--no-bundled-data``); :func:`merged_vocabulary` is the one reader of vocabulary files that
merges packs over the bundled ones.

Merging never overrides silently: an id that two files define differently is refused,
naming both files. The same entry written twice is fine (two packs may share a metric).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BUNDLED_DATA = Path(__file__).resolve().parent / "data"
BUNDLED_VOCAB = Path(__file__).resolve().parent / "vocab"
ENV_VARIABLE = "FIGCHECK_DATA"
VOCAB_FOLDER = "vocab"


class PackError(ValueError):
    """A pack cannot be used as given (missing folder, vocabulary clash or malformed file).

    ``line`` and ``column`` (1-based) say where in the file, when the problem has a place.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column


@dataclass(frozen=True)
class DataSelection:
    """The reference data a run uses: the bundled folder (unless left out) and the packs.

    Hashable and picklable, so it can travel to Prefect tasks and key caches.
    """

    packs: tuple[Path, ...] = ()
    bundled: bool = True

    @classmethod
    def from_options(
        cls,
        data: list[Path] | None = None,
        no_bundled_data: bool = False,
        environ: Mapping[str, str] | None = None,
    ) -> DataSelection:
        """Packs from ``FIGCHECK_DATA`` (an ``os.pathsep`` list) then ``--data``, in that order.

        Raises:
            PackError: a pack is not a folder; or no data would be left at all.
        """
        env = os.environ if environ is None else environ
        listed = [Path(p) for p in env.get(ENV_VARIABLE, "").split(os.pathsep) if p.strip()]
        packs: list[Path] = []
        for path in [*listed, *(data or [])]:
            if not path.is_dir():
                origin = ENV_VARIABLE if path in listed else "--data"
                raise PackError(f"{origin}: {path}: not a folder")
            resolved = path.resolve()
            # The bundled folder named as a pack is the bundled data, not a second copy of it.
            if resolved == BUNDLED_DATA and not no_bundled_data:
                continue
            if resolved not in packs:
                packs.append(resolved)
        if no_bundled_data and not packs:
            raise PackError("--no-bundled-data leaves no reference data: give --data DIR")
        return cls(tuple(packs), not no_bundled_data)

    @property
    def data_dirs(self) -> list[Path]:
        """Folders of dataset descriptors, bundled first."""
        return ([BUNDLED_DATA] if self.bundled else []) + list(self.packs)

    @property
    def vocab_dirs(self) -> tuple[Path, ...]:
        """The packs' ``vocab/`` folders that exist (merged over the bundled vocabulary)."""
        return tuple(p / VOCAB_FOLDER for p in self.packs if (p / VOCAB_FOLDER).is_dir())

    def describe(self) -> str:
        """A short label for messages: "bundled data + 2 pack(s)"."""
        parts = (["bundled data"] if self.bundled else []) + [str(p) for p in self.packs]
        return " + ".join(parts)


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary file merged over packs: entries by id, and the file each id came from."""

    entries: dict[str, Any]
    origin: dict[str, str]


def _unique_key_loader() -> type:
    """A safe YAML loader that refuses a key repeated in one mapping: PyYAML keeps the last
    one silently, so an id defined twice in a vocabulary would lose its first entry."""
    import yaml  # on first read: `figcheck --help` imports this module, not the YAML parser

    from sources.yaml_safe import SafeLoader

    class UniqueKeyLoader(SafeLoader):
        def construct_mapping(self, node, deep=False):  # PyYAML's untyped API
            seen: set = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"{key!r} is defined twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def _read_mapping(path: Path) -> dict[str, Any]:
    import yaml

    try:
        # yaml.load with a SafeLoader subclass: as safe as yaml.safe_load.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_unique_key_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise PackError(f"{path}: cannot read vocabulary ({exc.problem})",
                        mark.line + 1 if mark else None, mark.column + 1 if mark else None
                        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: cannot read vocabulary ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping of ids to entries at the top level")
    return {str(k): v for k, v in data.items()}


def stamp(folders: tuple[Path, ...], name: str = "*.yaml") -> tuple:
    """Names, sizes and modification times of the files ``name`` in ``folders``: a cache key
    that changes when a pack's file is edited, without reading it."""
    out = []
    for folder in folders:
        for path in sorted(folder.glob(name)):
            info = path.stat()
            out.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(out)


def merged_vocabulary(
    name: str, vocab_dirs: tuple[Path, ...] = (), bundled: Path = BUNDLED_VOCAB
) -> Vocabulary:
    """Read ``name`` (e.g. ``"metrics.yaml"``) from the bundled vocabulary and each pack.

    Read once per process until one of the files changes (see :func:`stamp`).
    """
    return _merged(name, vocab_dirs, bundled, stamp((bundled, *vocab_dirs), name))


@cache
def _merged(name: str, vocab_dirs: tuple[Path, ...], bundled: Path, _stamp: tuple) -> Vocabulary:
    """Read ``name`` (e.g. ``"metrics.yaml"``) from the bundled vocabulary and each pack.

    Entries are merged by id. Lists under one id (``names.yaml``'s ``not_places``) are
    joined; any other id defined in two files must be defined identically.

    Raises:
        PackError: a file is malformed, or two files define one id differently (both named).
    """
    entries: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for folder in (bundled, *vocab_dirs):
        path = folder / name
        if not path.is_file():
            continue  # the caller decides whether the file is required
        for key, value in _read_mapping(path).items():
            if key not in entries:
                entries[key], origin[key] = value, str(path)
            elif isinstance(entries[key], list) and isinstance(value, list):
                entries[key] = entries[key] + [v for v in value if v not in entries[key]]
            elif entries[key] != value:
                raise PackError(
                    f"{path}: {key!r} is already defined differently in {origin[key]}; "
                    "give the pack's entry a new id or make the two entries identical"
                )
    return Vocabulary(entries, origin)


def vocabulary_files(vocab_dirs: tuple[Path, ...]) -> list[Path]:
    """Every vocabulary file the packs add (for the reference version hash)."""
    return [p for d in vocab_dirs for p in sorted(d.glob("*.yaml"), key=lambda p: p.name)]
