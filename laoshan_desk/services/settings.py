"""Admin settings with their defaults (GB/T 22239 asks that the security numbers be settings)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Setting

DEFAULTS: dict[str, Any] = {
    "lockout_attempts": 5,
    "lockout_minutes": 15,
    "idle_lock_minutes": 15,
    "renewal_reminder_days": 30,
}

LABELS = {
    "lockout_attempts": "连续登录失败锁定次数",
    "lockout_minutes": "账户锁定时长（分钟）",
    "idle_lock_minutes": "无操作自动锁屏（分钟）",
    "renewal_reminder_days": "保全续行提前提醒（天）",
}


def read(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def get(db: Database, key: str) -> Any:
    with db.session() as session:
        return read(session, key)


def all_settings(db: Database) -> dict[str, Any]:
    with db.session() as session:
        return {key: read(session, key) for key in DEFAULTS}


def set_value(db: Database, actor: Actor, key: str, value: Any) -> None:
    actor.require("admin.edit")
    if key not in DEFAULTS:
        raise KeyError(key)
    with unit_of_work(db, actor) as work:
        row = work.session.get(Setting, key)
        before = row.value if row else DEFAULTS[key]
        if row is None:
            work.session.add(Setting(key=key, value=value))
        else:
            row.value = value
        work.audit(
            "update",
            "setting",
            key,
            f"修改设置：{LABELS.get(key, key)}",
            before={"value": before},
            after={"value": value},
        )
