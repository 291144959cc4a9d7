"""Which street a project's address points to, through the organisation tree: a new project has
no default street (docs/rules.md §approvals-street); the desk suggests one from the address when
the address names exactly one street, directly or through one of its communities or villages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

__all__ = ["street_for_address"]

K = TypeVar("K")

_SUFFIXES = ("街道", "社区", "村")
_MIN_STEM = 2  # a one-character stem ("北") would match too much


def _names(name: str) -> tuple[str, ...]:
    """The full name, and the name without its 街道/社区/村 suffix when that stem is long enough."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_STEM:
            return (name, name[: -len(suffix)])
    return (name,)


def street_for_address(address: str, streets: Mapping[K, str], communities: Iterable[tuple[str, K]]) -> K | None:
    """The street (a key of ``streets``, key → name) that ``address`` names, or None when it names
    none or more than one. ``communities`` are (name, street key) pairs. A full name (沙子口街道,
    石老人社区) outranks a stem (沙子口, 石老人); among matches of one rank, only one street may remain."""
    text = "".join((address or "").split())
    if not text:
        return None
    full: set[K] = set()
    stem: set[K] = set()
    pairs = [(name, key) for key, name in streets.items()] + list(communities)
    for name, key in pairs:
        names = _names(name)
        if names[0] in text:
            full.add(key)
        elif any(n in text for n in names[1:]):
            stem.add(key)
    for found in (full, stem):
        if len(found) == 1:
            return next(iter(found))
        if found:
            return None  # two streets named: the clerk chooses
    return None
