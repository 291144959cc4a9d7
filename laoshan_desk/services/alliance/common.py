"""What the alliance services share: permissions, the tab's settings, checks of typed values.

Row scope: the alliance is the district bureau's own register. The roles that may see it
(市场监管人员, 领导, 系统管理员; ``domain/roles.py``) all have the scope "all", so no list is
narrowed further; every public function still checks the permission first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.clocks import RequestThresholds
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import attachments
from laoshan_desk.services import settings as desk_settings
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import STALE as STALE  # re-exported: the area's one stale message
from laoshan_desk.services.uow import check_version as check_version  # re-exported for the area
from laoshan_desk.store.db import Database

VIEW = "alliance.view"
EDIT = "alliance.edit"
TEXT_MAX = 2000

E = TypeVar("E", bound=Labelled)


@dataclasses.dataclass(frozen=True)
class AllianceSettings:
    """The tab's settings: request lights and the follow-up limit of a non-conforming batch."""

    thresholds: RequestThresholds
    followup_workdays: int


def get_or_404(session: Session, model: type[Any], row_id: Any, what: str) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"{what}不存在或已被删除")
    return row


def pick(enum_cls: type[E], value: str | E, field: str) -> E:
    """A vocabulary member from its code or label, or a ValidationError beside ``field``."""
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls.from_label(str(value))  # type: ignore[return-value]
    except ValidationError as exc:
        raise ValidationError(exc.message, field=field) from None


def picks(enum_cls: type[E], values: Sequence[str | E], field: str) -> list[E]:
    out: list[E] = []
    for v in values:
        member = pick(enum_cls, v, field)
        if member not in out:
            out.append(member)
    return out


def text(value: str, field: str, label: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    """Stripped text: required and length checked, with a message naming the field."""
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise ValidationError(f"请填写{label}", field=field)
    if len(cleaned) > limit:
        raise ValidationError(f"{label}不能超过 {limit} 个字", field=field)
    return cleaned


def check_day(day: dt.date | None, field: str, label: str, *, today: dt.date, required: bool = True) -> None:
    """A date within 1949–2100 and not after today."""
    if day is None:
        if required:
            raise ValidationError(f"请填写{label}", field=field)
        return
    if not dt.date(1949, 1, 1) <= day <= dt.date(2100, 12, 31):
        raise ValidationError(f"{label}应在 1949-01-01 至 2100-12-31 之间", field=field)
    if day > today:
        raise ValidationError(f"{label}不能晚于今天", field=field)


def check_moment(moment: dt.datetime | None, field: str, label: str, *, now: dt.datetime) -> dt.datetime | None:
    """An aware time in Asia/Shanghai, not in the future (a naive one is read as Shanghai time)."""
    if moment is None:
        return None
    value = moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)
    check_day(value.date(), field, label, today=now.astimezone(TZ).date())
    if value > now:
        raise ValidationError(f"{label}不能晚于当前时间", field=field)
    return value


# -- files -------------------------------------------------------------------------------------
MAX_FILES = 20


def keep_files(paths: Sequence[Path], field: str) -> list[dict[str, Any]]:
    """Copy evidence or materials into the desk's content store; ``[{name, sha256, size}]`` to keep."""
    if len(paths) > MAX_FILES:
        raise ValidationError(f"一次最多附 {MAX_FILES} 个文件", field=field)
    out = []
    for path in paths:
        path = Path(path)
        try:
            sha = attachments.put(path)
        except ValidationError as exc:
            raise ValidationError(exc.message, field=field) from None
        out.append({"name": path.name[:200], "sha256": sha, "size": path.stat().st_size})
    return out


# -- settings ----------------------------------------------------------------------------------
def read_settings(session: Session) -> AllianceSettings:
    """The tab's numbers from the desk's typed settings (管理 → 设置; ranges checked there)."""
    values = desk_settings.read_settings(session)
    return AllianceSettings(
        RequestThresholds(values.alliance_request_yellow_workdays, values.alliance_request_red_workdays),
        values.alliance_followup_workdays,
    )


def settings(db: Database, actor: Actor) -> AllianceSettings:
    actor.require(VIEW)
    with db.session() as session:
        return read_settings(session)
