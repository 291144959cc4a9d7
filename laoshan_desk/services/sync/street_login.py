"""``laoshan-desk hub add-street-login --street 沙子口街道``: a PostgreSQL login for one street's
desks, which can change only that street's appeals.

The login is a member of the group role ``desk_street`` (migrations 0032, 0034, 0035): it reads
its street's appeals, the reference tables and what the sync needs — no audit record's contents,
no admin setting, no password hash but its street's users' (docs/hall.md, "A street's login") —,
writes the appeals and the rows hanging off them only where row-level security finds them in
its street (place, handling unit or co-handling unit), may only INSERT into the audit table (never
UPDATE or DELETE it), and registers peers and applied changes of its street only. The services
still check every change as the street's user (docs/hall.md); this closes the way around them
with the desk's own database credentials.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets

from sqlalchemy import select, text

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import uow
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.sync import StreetLogin

ADMIN = "admin.edit"
GROUP = "desk_street"
NOT_PG = "街道登录只能建在 PostgreSQL 区级数据库上"
BAD_NAME = "登录名只能由小写字母、数字和下划线组成，以字母开头，最长 63 个字符"
TAKEN = "数据库中已有登录“{}”"
NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


@dataclasses.dataclass(frozen=True)
class StreetLoginRef:
    """The login made: its name, its password (shown once, kept nowhere) and its street."""

    login: str
    password: str
    street: str


def add_street_login(
    db: Database, actor: Actor, street: str, *, now: dt.datetime, login: str | None = None
) -> StreetLoginRef:
    """A new login for ``street``'s desks, with a generated password (returned once)."""
    actor.require(ADMIN)
    if db.dialect != "postgresql":
        raise ValidationError(NOT_PG, field="db")
    with uow.unit_of_work(db, actor, now) as work:
        s = work.session
        unit = s.scalars(select(Unit).where(Unit.kind == "street", Unit.name == street.strip())).first()
        if unit is None:
            raise ValidationError(f"区级数据库中没有街道“{street}”", field="street")
        name = login or f"desk_street_{unit.id.hex[:8]}"
        if not NAME.fullmatch(name):
            raise ValidationError(BAD_NAME, field="login")
        if s.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}):
            raise ValidationError(TAKEN.format(name), field="login")
        password = secrets.token_urlsafe(24)  # [A-Za-z0-9_-] only: safe inside the quotes below
        # DDL takes no bind parameters; the name and the password are checked above.
        s.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {GROUP}"))
        s.add(StreetLogin(role_name=name, street_id=unit.id, created_at=now))
        work.audit("create", "street_login", None, f"建立{unit.name}的数据库登录 {name}")
        return StreetLoginRef(name, password, unit.name)
