"""Every country and first-level subdivision by its ISO 3166 code, read from ``pycountry``.

The hand-kept ``sources/vocab/regions.yaml`` holds only what news needs beyond the standard:
aliases ("KP", "erstwhile FATA") and the places figcheck knows well. Any other ISO code is
valid in reference data and packs, and its standard name (plus the same name without
diacritics: "Maharashtra" for "Mahārāshtra") is how news names it.

pycountry costs about 0.3 s to import and as much again to read its 5,000 subdivisions, so
nothing here runs at import time: each table is read once, on first use, and only the
subdivisions of the countries asked about are turned into names.
"""

from __future__ import annotations

import unicodedata
from functools import cache


def fold(name: str) -> str:
    """``name`` without diacritics ("Bāmyān" -> "Bamyan"), as English news spells it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _names(*names: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        if not name:
            continue
        for spelling in (name, fold(name)):
            if spelling not in out:
                out.append(spelling)
    return tuple(out)


@cache
def countries() -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 code -> the country's names (short name, common name; folded too)."""
    import pycountry  # about 0.3 s: only when a code or name outside regions.yaml is needed

    return {
        c.alpha_2: _names(getattr(c, "common_name", None), c.name) for c in pycountry.countries
    }


@cache
def _first_level() -> dict[str, dict[str, tuple[str, ...]]]:
    import pycountry

    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for sub in pycountry.subdivisions:
        # Second-level units (districts of a region) are not places figcheck binds figures to.
        if sub.parent_code is None:
            out.setdefault(sub.country_code, {})[sub.code] = _names(sub.name)
    return out


def subdivisions(country: str) -> dict[str, tuple[str, ...]]:
    """First-level subdivisions of ``country`` (alpha-2): ISO 3166-2 code -> names."""
    return _first_level().get(country, {})


def is_code(code: str) -> bool:
    """Tell whether ``code`` is an ISO country or first-level subdivision code."""
    country = code.split("-", 1)[0]
    if country not in countries():
        return False
    return code == country or code in subdivisions(country)


def parent(code: str) -> str | None:
    """The country code a subdivision code belongs to ("IN-MH" -> "IN"); None for a country."""
    return code.split("-", 1)[0] if "-" in code else None
