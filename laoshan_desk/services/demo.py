"""Reference and demo data of every area, found by convention.

An area puts a module ``laoshan_desk/services/<area>/seed.py`` (or, before its package existed,
``laoshan_desk/services/seed_<area>.py``) defining
``load_reference(db, actor) -> report`` (idempotent; run by every ``init``) and/or
``load_demo(db, actor, **options) -> report`` (run by ``init --demo``; idempotent too).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import pkgutil
from types import ModuleType
from typing import Any

import laoshan_desk.services as services_package
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

DEMO_PASSWORD = "Laoshan2026"  # printed by `init --demo`; demo databases only, never a real one


def _seed_modules() -> list[tuple[str, ModuleType]]:
    found = []
    for info in sorted(pkgutil.iter_modules(services_package.__path__), key=lambda m: m.name):
        if info.name.startswith("seed_"):
            found.append((info.name[5:], importlib.import_module(f"laoshan_desk.services.{info.name}")))
        elif info.ispkg and importlib.util.find_spec(f"laoshan_desk.services.{info.name}.seed") is not None:
            found.append((info.name, importlib.import_module(f"laoshan_desk.services.{info.name}.seed")))
    return sorted(found)


def load_reference(db: Database, actor: Actor) -> dict[str, Any]:
    return {
        area: module.load_reference(db, actor) for area, module in _seed_modules() if hasattr(module, "load_reference")
    }


def load_demo(db: Database, actor: Actor, *, now: dt.datetime, **options: Any) -> dict[str, Any]:
    results: dict[str, Any] = {"users": _demo_users(db, actor, now=now)}
    for area, module in _seed_modules():
        if hasattr(module, "load_demo"):
            results[area] = module.load_demo(db, actor, now=now, **options)
    return results


def _demo_users(db: Database, actor: Actor, *, now: dt.datetime) -> int:
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
        if username not in existing:
            form = auth.NewUserForm(username, name, role, DEMO_PASSWORD, unit)
            auth.create_user(db, actor, form, now=now)
            added += 1
    return added
