"""Demo data for every tab (``init --demo``): each area registers a loader here.

Loading is idempotent: a second ``init --demo`` adds nothing that is already there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

_LOADERS: dict[str, str] = {}


def register(name: str, target: str) -> None:
    _LOADERS[name] = target


def load(db: Database, actor: Actor, **options: int) -> dict[str, Any]:
    import importlib

    results: dict[str, Any] = {"users": _demo_users(db, actor)}
    for name, target in _LOADERS.items():
        module_name, _, func_name = target.partition(":")
        func: Callable[..., Any] = getattr(importlib.import_module(module_name), func_name)
        results[name] = func(db, actor, **options)
    return results


DEMO_PASSWORD = "Laoshan2026"  # printed by `init --demo`; demo databases only, never the real one


def _demo_users(db: Database, actor: Actor) -> int:
    """One user per role, so a new user can see what each role sees. Demo databases only."""
    from sqlalchemy import select

    from laoshan_desk.domain.roles import Role
    from laoshan_desk.services import auth, org
    from laoshan_desk.store.models import User

    streets = org.units(db, "street")
    depts = org.units(db, "department")
    wanted = [
        ("chuangkou", "王晓燕", Role.WINDOW_CLERK, None),
        ("jiedao", "李建国", Role.STREET_CLERK, streets[0].id if streets else None),
        ("bumen", "张海涛", Role.DEPT_HANDLER, depts[0].id if depts else None),
        ("shujiyuan", "刘敏", Role.COURT_CLERK, None),
        ("faguan", "陈立", Role.JUDGE, None),
        ("shichang", "赵磊", Role.MARKET_OFFICER, None),
        ("lingdao", "孙志强", Role.LEADER, None),
    ]
    with db.session() as session:
        existing = set(session.scalars(select(User.username)))
    added = 0
    for username, name, role, unit in wanted:
        if username in existing:
            continue
        auth.create_user(db, actor, username=username, full_name=name, role=role, password=DEMO_PASSWORD, unit_id=unit)
        added += 1
    return added
