"""The one validator of an appeal's facts: the counter's intake form and the city platform's import
both go through it, so an import never accepts what the counter refuses (docs/rules.md
§appeals-intake, §appeals-kinds, §appeals-import).

Each check raises :class:`ValidationError` with the ``field`` it belongs beside; the import
reports it against the column of that field (:data:`FIELD_COLUMNS`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import AppealKind, Channel, HandlingLevel
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.appeals.common import clean_text
from laoshan_desk.services.appeals.forms import IntakeForm
from laoshan_desk.store.models import Grid, Unit

MAX_CONTENT = 4000
MIN_CONTENT = 5
# Enforcement appeals are raised by street offices and departments, never by citizens.
ENFORCEMENT_CHANNELS = (Channel.UNIT, Channel.CITY, Channel.GRID)
# The sheet's column for each field a check names (the import's report speaks in columns).
FIELD_COLUMNS = {
    "number": "诉求编号",
    "received_at": "受理时间",
    "kind": "诉求类型",
    "channel": "诉求渠道",
    "street": "街道",
    "community": "社区",
    "grid": "网格",
    "appellant": "诉求人",
    "phone": "联系电话",
    "enterprise": "企业名称",
    "uscc": "统一社会信用代码",
    "content": "诉求内容",
    "category": "诉求分类",
    "level": "承办层级",
    "unit": "承办单位",
    "finished_at": "办结时间",
    "satisfaction": "满意度",
}


@dataclasses.dataclass(frozen=True)
class CheckedIntake:
    """An intake after its checks: what is stored."""

    kind: str
    channel: str
    appellant: str | None
    phone: str | None
    enterprise: str | None
    uscc: str | None
    fast_lane: bool
    street_id: uuid.UUID
    community_id: uuid.UUID | None
    grid_id: uuid.UUID | None
    content: str
    category: str | None

    def columns(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def check_moment(moment: dt.datetime | None, now: dt.datetime, field: str, label: str) -> None:
    """A time of the past (receipt, finish): never later than now."""
    if moment is not None and moment > now:
        raise ValidationError(f"{label}不能晚于当前时间", field=field)


def check_intake(session: Session, form: IntakeForm, *, now: dt.datetime) -> CheckedIntake:
    """Check an appeal's facts (docs/rules.md §appeals-intake); raises ValidationError on a field."""
    check_moment(form.received_at, now, "received_at", "受理时间")
    kind = chosen(AppealKind, form.kind, "请选择诉求类型", field="kind")
    channel = chosen(Channel, form.channel, "请选择诉求渠道", field="channel")
    if kind is AppealKind.ENFORCEMENT and channel not in ENFORCEMENT_CHANNELS:
        allowed = "、".join(f"“{c.label}”" for c in ENFORCEMENT_CHANNELS)
        raise ValidationError(f"执法诉求由街道、部门提报（渠道应为{allowed}）", field="channel")
    appellant = clean_text(form.appellant, "appellant", "诉求人", 100)
    phone = None
    if (form.phone or "").strip():
        phone = normalize_phone(form.phone, field="phone")
    elif kind is not AppealKind.ENFORCEMENT and appellant and appellant not in ("匿名", "无"):
        raise ValidationError("请填写联系电话（匿名诉求可不填诉求人和电话）", field="phone")
    enterprise = clean_text(form.enterprise, "enterprise", "企业名称", 200)
    uscc = None
    if (form.uscc or "").strip():
        uscc = normalize_uscc(form.uscc, field="uscc")
    if kind is AppealKind.DEVELOPMENT and not enterprise:
        raise ValidationError("发展诉求请填写企业名称", field="enterprise")
    content = clean_text(form.content, "content", "诉求内容", MAX_CONTENT, required=True)
    if len(content) < MIN_CONTENT:
        raise ValidationError(f"诉求内容过短，请写明事项、地点和诉求（至少 {MIN_CONTENT} 个字）", field="content")
    if form.street_id is None:
        raise ValidationError("请选择诉求发生地的街道", field="street")
    street = session.get(Unit, form.street_id)
    if street is None or street.kind != "street":
        raise ValidationError("请选择诉求发生地的街道", field="street")
    if form.community_id is not None:
        comm = session.get(Unit, form.community_id)
        if comm is None or comm.parent_id != street.id:
            raise ValidationError("所选社区（村）不属于该街道", field="community")
    if form.grid_id is not None:
        grid = session.get(Grid, form.grid_id)
        if grid is None or form.community_id is None or grid.community_id != form.community_id:
            raise ValidationError("所选网格不属于该社区（村）", field="grid")
    return CheckedIntake(
        kind=kind.value,
        channel=channel.value,
        appellant=appellant or None,
        phone=phone,
        enterprise=enterprise or None,
        uscc=uscc,
        # 企业直通车: every development appeal of an enterprise takes the fast lane.
        fast_lane=bool(form.fast_lane or (kind is AppealKind.DEVELOPMENT and enterprise)),
        street_id=form.street_id,
        community_id=form.community_id,
        grid_id=form.grid_id,
        content=content,
        category=clean_text(form.category, "category", "诉求分类", 50) or None,
    )


def check_unit_for_level(session: Session, unit_id: uuid.UUID | None, level: HandlingLevel) -> Unit:
    """The handling unit is of the level the appeal is handled at (社区 → a community or village,
    街道 → a street office, 区直部门 → a department) — at dispatch and in an import alike."""
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    if unit is None or not unit.active:
        raise ValidationError("请选择承办单位", field="unit")
    if unit.kind not in level.unit_kinds:
        raise ValidationError(f"承办层级为“{level.label}”时，承办单位应为{level.label}", field="unit")
    return unit
