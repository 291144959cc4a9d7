"""Reference data of each working area, loaded by ``init`` (idempotent).

Each area registers a loader here with :func:`register`; ``init`` runs them all in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

Loader = Callable[[Database, Actor], Any]
_LOADERS: dict[str, str] = {
    # name -> "module:function"; imported lazily so that one area's import error names itself.
}


def register(name: str, target: str) -> None:
    _LOADERS[name] = target


def load_all(db: Database, actor: Actor) -> dict[str, Any]:
    import importlib

    results: dict[str, Any] = {}
    for name, target in _LOADERS.items():
        module_name, _, func_name = target.partition(":")
        func: Loader = getattr(importlib.import_module(module_name), func_name)
        results[name] = func(db, actor)
    return results
