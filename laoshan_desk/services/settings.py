"""Admin settings: one typed :class:`Settings` object, its defaults and its ranges, checked here.

GB/T 22239-2019 (level 3, §8.1.4) asks that login-failure handling and the idle time-out be
settings; the reminder and counting settings belong to the areas that read them. Every reader
takes the whole object (``settings.load(db).idle_lock_minutes``); the ranges are enforced by
:func:`update`, not only by the spin boxes of 管理 → 设置.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Setting

EDIT = "admin.edit"


@dataclasses.dataclass(frozen=True)
class SettingSpec:
    """One setting as the admin sees it: its label, range and unit."""

    name: str
    label: str
    minimum: int
    maximum: int
    unit: str


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("lockout_attempts", "连续登录失败锁定次数", 3, 10, "次"),
    SettingSpec("lockout_minutes", "账户锁定时长", 5, 240, "分钟"),
    SettingSpec("idle_lock_minutes", "无操作自动锁屏", 1, 120, "分钟"),
    SettingSpec("renewal_reminder_days", "保全续行提前提醒", 7, 90, "天"),
)


@dataclasses.dataclass(frozen=True)
class Settings:
    """Every admin setting with its default (the value a new database starts with)."""

    lockout_attempts: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 15
    renewal_reminder_days: int = 30


def spec(name: str) -> SettingSpec:
    for item in SPECS:
        if item.name == name:
            return item
    raise KeyError(name)


def read_settings(session: Session) -> Settings:
    """The settings inside a service's own session (stored values over the defaults)."""
    names = {f.name for f in dataclasses.fields(Settings)}
    stored = {row.key: row.value for row in session.scalars(select(Setting).where(Setting.key.in_(names)))}
    return Settings(**{name: int(value) for name, value in stored.items()})


def load(db: Database) -> Settings:
    with db.session() as session:
        return read_settings(session)


def check(values: Settings) -> None:
    """Every value within its range; the message names the setting and the range."""
    for item in SPECS:
        value = getattr(values, item.name)
        if not isinstance(value, int) or isinstance(value, bool) or not item.minimum <= value <= item.maximum:
            raise ValidationError(
                f"“{item.label}”应在 {item.minimum}～{item.maximum} {item.unit}之间：{value!r}", field=item.name
            )


def update(db: Database, actor: Actor, values: Settings, *, now: dt.datetime) -> list[str]:
    """Store the settings that changed (each audited with before and after); returns their names."""
    actor.require(EDIT)
    check(values)
    changed: list[str] = []
    with unit_of_work(db, actor, now=now) as work:
        current = read_settings(work.session)
        for item in SPECS:
            before, after = getattr(current, item.name), getattr(values, item.name)
            if before == after:
                continue
            row = work.session.get(Setting, item.name)
            if row is None:
                work.session.add(Setting(key=item.name, value=after))
            else:
                row.value = after
            work.audit(
                "update",
                "setting",
                item.name,
                f"修改设置：{item.label}",
                before={"value": before},
                after={"value": after},
            )
            changed.append(item.name)
    return changed


# -- kept while the foundation's callers move to the typed object ------------------------------
def read(session: Session, key: str) -> Any:
    return getattr(read_settings(session), key)


def get(db: Database, key: str) -> Any:
    return getattr(load(db), key)
