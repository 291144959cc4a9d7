"""A hub (any database URL) and street desks (SQLite files) linked to it, for the sync tests.

The hub gets the reference data, an admin, a hall clerk and two street clerks of 沙子口街道, and
``shared`` appeals of that street dispatched to it and taken into handling. Each desk is a new
database linked to the hub for 沙子口街道; its clerk logs in there with the password set at the hub.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, bootstrap, org, sync
from laoshan_desk.services.context import Actor, system_actor
from laoshan_desk.services.sync import rows
from laoshan_desk.store.db import Database
from tests.conftest import FIXED_NOW

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
PASSWORD = "Clerk2026pass"
STREET = "沙子口街道"


@dataclasses.dataclass
class Hall:
    db: Database
    admin: Actor
    clerk: Actor  # a hall window clerk (all appeals)
    appeal_ids: list[uuid.UUID]


def make_hub(url: str, shared: int = 6) -> Hall:
    db = bootstrap.open_database(url)
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "系统管理员", "Desk2026secure"), now=NOW)
    street = next(u for u in org.units(db, "street") if u.name == STREET)
    auth.create_user(db, admin, auth.NewUserForm("hall", "大厅窗口", Role.WINDOW_CLERK, PASSWORD), now=NOW)
    for name in ("szk1", "szk2"):
        auth.create_user(
            db, admin, auth.NewUserForm(name, f"街道{name}", Role.STREET_CLERK, PASSWORD, street.id), now=NOW
        )
    auth.create_user(db, admin, auth.NewUserForm("other", "别街道", Role.STREET_CLERK, PASSWORD, _other(db)), now=NOW)
    clerk = auth.login(db, "hall", PASSWORD, now=NOW)
    ids = [new_appeal(db, clerk, street.id, f"共享诉求{i}：路灯不亮") for i in range(shared)]
    return Hall(db, admin, clerk, ids)


def _other(db: Database) -> uuid.UUID:
    return next(u.id for u in org.units(db, "street") if u.name != STREET)


def new_appeal(db: Database, clerk: Actor, street_id: uuid.UUID, content: str) -> uuid.UUID:
    comm = org.units(db, "community", parent_id=street_id)[0]
    form = svc.IntakeForm(
        kind="livelihood", channel="phone", content=content, street_id=street_id, community_id=comm.id
    )
    ref = svc.intake(db, clerk, form, now=NOW)
    svc.dispatch(db, clerk, svc.DispatchForm(ref.id, version(db, clerk, ref.id), "street", street_id), now=NOW)
    svc.respond(db, clerk, svc.NoteForm(ref.id, version(db, clerk, ref.id), "已联系"), now=NOW)
    svc.progress(db, clerk, svc.NoteForm(ref.id, version(db, clerk, ref.id), "开始办理"), now=NOW)
    return ref.id


def version(db: Database, actor: Actor, appeal_id: uuid.UUID) -> int:
    return svc.detail(db, actor, appeal_id, now=NOW).version


def make_desk(path: Path, hub: Hall, user: str = "szk1") -> tuple[Database, Actor]:
    desk = bootstrap.open_database(f"sqlite:///{path}")
    # The hub's own login (the tables' owner): the tests reach the hub as the hall does.
    sync.link.link(desk, system_actor("test"), hub.db, STREET, now=NOW, allow_owner=True)
    return desk, auth.login(desk, user, PASSWORD, now=NOW)


def appeal_state(db: Database, ids: list[uuid.UUID] | None = None) -> dict[str, Any]:
    """Every appeal row and child row (JSON), keyed by table and id: what "identical" compares."""
    out: dict[str, Any] = {}
    with db.session() as s:
        appeal = rows.table("appeal")
        where = appeal.c.id.in_(ids) if ids is not None else None
        out["appeal"] = {r["id"]: r for r in rows.read(s, appeal, where)}
        keys = list(out["appeal"])
        for t in rows.appeal_children():
            got = rows.read(s, t, t.c.appeal_id.in_([uuid.UUID(k) for k in keys]))
            out[t.name] = {r["id"]: r for r in got}
    return out


def street_ids(db: Database) -> list[uuid.UUID]:
    from laoshan_desk.store.models.appeals import Appeal
    from laoshan_desk.store.models.org import Unit

    with db.session() as s:
        street = s.scalars(select(Unit.id).where(Unit.name == STREET)).one()
        return list(s.scalars(select(Appeal.id).where(Appeal.street_id == street)))
