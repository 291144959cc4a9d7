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
from laoshan_desk.services import calendar
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
    choices: tuple[str, ...] = ()  # a choice of words instead of a number: the value is the index


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("lockout_attempts", "连续登录失败锁定次数", 3, 10, "次"),
    SettingSpec("lockout_minutes", "账户锁定时长", 5, 240, "分钟"),
    SettingSpec("idle_lock_minutes", "无操作自动锁屏", 1, 120, "分钟"),
    SettingSpec("renewal_reminder_days", "保全续行提前提醒", 7, 90, "天"),
    # docs/rules.md §appeals-clocks: the seed's 2/3/4 天 do not say "working"; working days by default.
    SettingSpec("appeal_calendar_days", "诉求办结时限计算", 0, 1, "", choices=("按工作日", "按自然日")),
    SettingSpec("alliance_request_yellow_workdays", "护航请求办理超过（亮黄灯）", 1, 250, "个工作日"),
    SettingSpec("alliance_request_red_workdays", "护航请求办理超过（亮红灯）", 1, 250, "个工作日"),
    SettingSpec("alliance_followup_workdays", "不合格批次处置时限", 1, 250, "个工作日"),
)


@dataclasses.dataclass(frozen=True)
class Settings:
    """Every admin setting with its default (the value a new database starts with)."""

    lockout_attempts: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 15
    renewal_reminder_days: int = 30
    appeal_calendar_days: int = 0  # 0: the 2/3/4-day limits in working days; 1: in calendar days
    # docs/rules/alliance.md §alliance-requests and §alliance-spot-checks: the bureau's own numbers, no law sets them.
    alliance_request_yellow_workdays: int = 10
    alliance_request_red_workdays: int = 20
    alliance_followup_workdays: int = 20


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
    if values.alliance_request_red_workdays <= values.alliance_request_yellow_workdays:
        raise ValidationError("护航请求亮红灯的天数应大于亮黄灯的天数", field="alliance_request_red_workdays")


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
        if "appeal_calendar_days" in changed:
            # The appeals' stored limits follow the new counting (docs/rules.md §appeals-clocks).
            calendar.recompute_deadlines(work, calendar.calendar_in(work.session), None, current)
    return changed


# -- kept while the foundation's callers move to the typed object ------------------------------
def read(session: Session, key: str) -> Any:
    return getattr(read_settings(session), key)


def get(db: Database, key: str) -> Any:
    return getattr(load(db), key)
