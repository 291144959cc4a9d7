"""Reference and demo data of every area, found by convention; demo data never on real work.

An area puts a module ``laoshan_desk/services/<area>/seed.py`` (or, before its package existed,
``laoshan_desk/services/seed_<area>.py``) defining
``load_reference(db, actor, *, now) -> report`` (idempotent; run by every ``init``) and/or
``load_demo(db, actor, *, now, **options) -> report`` (run by ``init --demo``; idempotent too).
A loader that writes nothing may leave ``now`` out.

Demo data (accounts with a printed password, thousands of made-up appeals and court cases) goes
only into a database made for it: :func:`refuse_real_database` refuses one that holds anybody's
work, saying what it found, and :func:`load_demo` marks the database as a demo one
(``make demo`` makes a separate data directory for it).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import inspect
import pkgutil
from types import ModuleType
from typing import Any

from sqlalchemy import func, select

import laoshan_desk.services as services_package
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth, org
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import AuditRecord, Setting, User

DEMO_PASSWORD = "Laoshan2026"  # printed by `init --demo`; demo databases only, never a real one
DEMO_MARK = "demo_database"
# One account per role, so a new user can see what each role sees.
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("chuangkou", "王晓燕", Role.WINDOW_CLERK),
    ("jiedao", "李建国", Role.STREET_CLERK),
    ("bumen", "张海涛", Role.DEPT_HANDLER),
    ("shujiyuan", "刘敏", Role.COURT_CLERK),
    ("faguan", "陈立", Role.JUDGE),
    ("shichang", "赵磊", Role.MARKET_OFFICER),
    ("lingdao", "孙志强", Role.LEADER),
)
_SETUP_ACTIONS = ("login_failed",)  # records that are not work: a failed login is nobody's work


def _seed_modules() -> list[tuple[str, ModuleType]]:
    found = []
    for info in sorted(pkgutil.iter_modules(services_package.__path__), key=lambda m: m.name):
        if info.name.startswith("seed_"):
            found.append((info.name[5:], importlib.import_module(f"laoshan_desk.services.{info.name}")))
        elif info.ispkg and importlib.util.find_spec(f"laoshan_desk.services.{info.name}.seed") is not None:
            found.append((info.name, importlib.import_module(f"laoshan_desk.services.{info.name}.seed")))
    return sorted(found)


def _takes_now(fn: Any) -> bool:
    """Whether a seed's loader takes ``now`` (by name, or through ``**options``)."""
    parameters = inspect.signature(fn).parameters.values()
    return any(p.name == "now" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def _seed_call(fn: Any, db: Database, actor: Actor, now: dt.datetime, **options: Any) -> Any:
    """Call a seed's loader with the caller's ``now`` whenever it takes one: a seed never falls
    back to the system clock, so a demo loaded twice under the same ``now`` is the same demo."""
    if _takes_now(fn):
        return fn(db, actor, now=now, **options)
    return fn(db, actor, **options)


def load_reference(db: Database, actor: Actor, *, now: dt.datetime) -> dict[str, Any]:
    actor.require("admin.edit")
    return {
        area: _seed_call(module.load_reference, db, actor, now)
        for area, module in _seed_modules()
        if hasattr(module, "load_reference")
    }


def is_demo_database(db: Database) -> bool:
    with db.session() as session:
        return session.get(Setting, DEMO_MARK) is not None


def real_work(db: Database, actor: Actor) -> list[str]:
    """What in this database is somebody's work (empty for a new or a demo database)."""
    actor.require("admin.view")
    demo_names = {name for name, _full, _role in DEMO_USERS}
    with db.session() as session:
        if session.get(Setting, DEMO_MARK) is not None:
            return []
        accounts = [u for u in session.scalars(select(User.username).order_by(User.created_at)) if u not in demo_names]
        setup = AuditRecord.username.startswith("init:") | (AuditRecord.username == actor.username)
        work = (
            select(AuditRecord)
            .where(~setup, AuditRecord.action.not_in(_SETUP_ACTIONS))
            .order_by(AuditRecord.seq.desc())
        )
        count = session.scalar(select(func.count()).select_from(work.subquery())) or 0
        latest = session.scalars(work.limit(1)).first()
    found = []
    if accounts:
        shown = "、".join(accounts[:3]) + ("等" if len(accounts) > 3 else "")
        found.append(f"账户 {shown} 共 {len(accounts)} 个")
    if count:
        when = f"（最近一条：{latest.at:%Y-%m-%d} {latest.username} {latest.summary[:30]}）" if latest else ""
        found.append(f"工作记录 {count:,} 条{when}")
    return found


def refuse_real_database(db: Database, actor: Actor) -> None:
    """A ValidationError (field ``db``) when the database holds real work: demo data stays out."""
    actor.require("admin.edit")
    found = real_work(db, actor)
    if found:
        raise ValidationError(
            f"{db.display_name()} 中已有实际工作数据（{'；'.join(found)}），不能载入演示数据。"
            "演示请用 make demo（单独的演示数据目录），或用 --db 指向一个新文件",
            field="db",
        )


def load_demo(db: Database, actor: Actor, *, now: dt.datetime, **options: Any) -> dict[str, Any]:
    """Mark the database as a demo one, then load every area's demo data (call
    :func:`refuse_real_database` first)."""
    actor.require("admin.edit")
    with unit_of_work(db, actor, now=now) as work:
        if work.session.get(Setting, DEMO_MARK) is None:
            work.session.add(Setting(key=DEMO_MARK, value={"since": now.isoformat()}))
            work.audit("create", "database", None, "标记为演示数据库（载入演示数据）")
    results: dict[str, Any] = {"users": _demo_users(db, actor, now=now)}
    for area, module in _seed_modules():
        if hasattr(module, "load_demo"):
            results[area] = _seed_call(module.load_demo, db, actor, now, **options)
    return results


def _demo_users(db: Database, actor: Actor, *, now: dt.datetime) -> int:
    """One user per role, so a new user can see what each role sees. Demo databases only."""
    streets = org.units(db, "street")
    depts = org.units(db, "department")
    units = {Role.STREET_CLERK: streets[0].id if streets else None, Role.DEPT_HANDLER: depts[0].id if depts else None}
    with db.session() as session:
        existing = set(session.scalars(select(User.username)))
    added = 0
    for username, name, role in DEMO_USERS:
        if username not in existing:
            form = auth.NewUserForm(username, name, role, DEMO_PASSWORD, units.get(role))
            auth.create_user(db, actor, form, now=now)
            added += 1
    return added
