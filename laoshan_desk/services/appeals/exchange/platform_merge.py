"""What one row of the platform's sheet may change (docs/rules/appeals.md §appeals-import).

An appeal is either the platform's (imported and not worked at the desk since) or the desk's
(registered here, or worked here after its import). A row for the platform's appeal updates the
facts the platform sends and moves the handling forward only; a row for the desk's appeal that
differs from it is a conflict for a clerk, and nothing of it is stored. A row that changes nothing
leaves the appeal (its version, its timeline, the audit) untouched, so a rerun of the same file is
a no-op. Every field an update changes is audited with its value before and after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import exists, select

from laoshan_desk.domain.appeals import AppealStatus, Channel, HandlingLevel, Satisfaction, clocks, terms
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.identifiers import mask_name, mask_phone
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import label_of, pinyin_initials, recompute_clock, record_step
from laoshan_desk.services.appeals.intake import next_seq
from laoshan_desk.services.imports import ImportBuilder, Outcome
from laoshan_desk.services.uow import Work
from laoshan_desk.store.models.appeals import Appeal, AppealEvent

# The handling states an import can set, in the order they follow each other: an import never
# moves an appeal back along it (a finished appeal does not become received again).
_FORWARD = (AppealStatus.RECEIVED, AppealStatus.DISPATCHED, AppealStatus.FINISHED, AppealStatus.VISITED)


@dataclasses.dataclass(frozen=True)
class PlatformRow:
    """One checked row: the platform's facts and the handling it reports."""

    number: str
    received_at: dt.datetime
    kind: str
    channel: str
    street_id: uuid.UUID
    community_id: uuid.UUID | None
    grid_id: uuid.UUID | None
    appellant: str | None
    phone: str | None
    content: str
    level: str
    unit_id: uuid.UUID | None
    finished_at: dt.datetime | None
    satisfaction: str | None
    enterprise: str | None = None
    uscc: str | None = None
    fast_lane: bool = False  # 企业直通车, as the counter sets it (validation.check_intake)

    @property
    def status(self) -> AppealStatus:
        if self.satisfaction is not None:
            return AppealStatus.VISITED
        if self.finished_at is not None:
            return AppealStatus.FINISHED
        if self.unit_id is not None:
            return AppealStatus.DISPATCHED
        return AppealStatus.RECEIVED


# field → the sheet's column, for conflicts and the audit
COLUMNS = {
    "received_at": "受理时间",
    "kind": "诉求类型",
    "channel": "诉求渠道",
    "street_id": "街道",
    "community_id": "社区",
    "grid_id": "网格",
    "appellant": "诉求人",
    "phone": "联系电话",
    "enterprise": "企业名称",
    "uscc": "统一社会信用代码",
    "content": "诉求内容",
    "level": "承办层级",
    "unit_id": "承办单位",
    "finished_at": "办结时间",
    "satisfaction": "满意度",
}
_REQUIRED = ("received_at", "kind", "channel", "street_id", "content", "level")
_HANDLING = ("level", "unit_id", "finished_at", "satisfaction")
_VOCABULARY: dict[str, type[Labelled]] = {
    "channel": Channel,
    "level": HandlingLevel,
    "satisfaction": Satisfaction,
    "status": AppealStatus,
}


def _rank(status: str) -> int:
    for n, member in enumerate(_FORWARD):
        if member.value == status:
            return n
    return len(_FORWARD)  # worked states (responded, closed, ...) are past anything an import sets


def _worked_at_desk(work: Work, appeal: Appeal) -> bool:
    """Registered here, or any step other than an import since (docs/rules/appeals.md §appeals-import)."""
    if appeal.source != "import":
        return True
    return bool(
        work.session.scalar(
            select(exists().where(AppealEvent.appeal_id == appeal.id, AppealEvent.action != EventAction.IMPORT.value))
        )
    )


def _asserted(row: PlatformRow) -> dict[str, Any]:
    """The fields the row states: the required ones, and the optional ones it fills in."""
    values = {name: getattr(row, name) for name in COLUMNS}
    return {k: v for k, v in values.items() if k in _REQUIRED or v is not None}


def _shown(field: str, value: Any, names: Mapping[uuid.UUID, str]) -> Any:
    """A value as the audit and a conflict message show it: names, labels, masked personal data."""
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return names.get(value, str(value))
    if isinstance(value, dt.datetime):
        return value.astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    if field == "appellant":
        return mask_name(value)
    if field == "phone":
        return mask_phone(value)
    if field in _VOCABULARY:
        return label_of(_VOCABULARY[field], value)
    return value


def apply_row(
    work: Work,
    number_row: int,
    row: PlatformRow,
    *,
    calendar: WorkCalendar,
    names: Mapping[uuid.UUID, str],
    report: ImportBuilder,
) -> Outcome:
    """Store one row by the rule above; a conflict goes to ``report`` and stores nothing."""
    s, now = work.session, work.now
    appeal = s.scalars(select(Appeal).where(Appeal.number == row.number)).first()
    if appeal is None:
        appeal = Appeal(
            id=uuid.uuid4(),
            seq=next_seq(s),
            number=row.number,
            created_at=now,
            created_by_id=work.actor.user_id,
            source="import",
            updated_at=now,
            status=row.status.value,
            terms=terms.encode(terms.keywords(row.content)),
            appellant_initials=pinyin_initials(row.appellant),
            fast_lane=row.fast_lane,
            **{name: getattr(row, name) for name in COLUMNS},
        )
        s.add(appeal)
        _derive(appeal, calendar, now, s)
        s.flush()
        record_step(work, appeal, EventAction.IMPORT, None, f"自青诉即办导入（第 {number_row} 行）", row.unit_id)
        return "imported"

    asserted = _asserted(row)
    if _worked_at_desk(work, appeal):
        differ = [k for k, v in asserted.items() if getattr(appeal, k) != v]
        if differ:
            where = "在本窗口登记" if appeal.source != "import" else "导入后已在本窗口办理"
            report.conflict(
                number_row,
                row.number,
                f"该诉求{where}，表中{'、'.join(COLUMNS[k] for k in differ)}与本窗口不同，未覆盖，请人工核对",
            )
        return "unchanged"

    wanted = dict(asserted)
    if _rank(row.status.value) < _rank(appeal.status):
        for name in _HANDLING:  # the platform's sheet is older than what it reported before
            wanted.pop(name, None)
        status = appeal.status
    else:
        merged = dataclasses.replace(row, **{k: wanted.get(k, getattr(appeal, k)) for k in _HANDLING})
        status = merged.status.value
    wanted["status"] = status
    changed = {k: v for k, v in wanted.items() if getattr(appeal, k) != v}
    if not changed:
        return "unchanged"
    before_status = appeal.status
    before = {COLUMNS.get(k, "状态"): _shown(k, getattr(appeal, k), names) for k in changed}
    for name, value in changed.items():
        setattr(appeal, name, value)
    if "appellant" in changed:
        appeal.appellant_initials = pinyin_initials(appeal.appellant)
    if "content" in changed:
        appeal.terms = terms.encode(terms.keywords(appeal.content))
    appeal.updated_at = now
    _derive(appeal, calendar, now, s)
    s.flush()
    fields = "、".join(COLUMNS.get(k, "状态") for k in changed if k != "status") or "状态"
    record_step(
        work,
        appeal,
        EventAction.IMPORT,
        before_status,
        f"自青诉即办更新（第 {number_row} 行）：{fields}",
        appeal.unit_id,
    )
    work.audit(
        "import_update",
        "appeal",
        appeal.id,
        f"导入更新诉求 {appeal.number}：{fields}",
        before=before,
        after={COLUMNS.get(k, "状态"): _shown(k, getattr(appeal, k), names) for k in changed},
    )
    return "updated"


def _derive(appeal: Appeal, calendar: WorkCalendar, now: dt.datetime, session: Any) -> None:
    """The clock and the handling times that follow from the imported facts."""
    if appeal.unit_id is not None and appeal.dispatched_at is None:
        appeal.dispatched_at = appeal.received_at
    if appeal.satisfaction is not None and appeal.visited_at is None:
        appeal.visited_at = appeal.finished_at
    recompute_clock(session, appeal, calendar, now)
    if appeal.finished_at is not None:
        appeal.finished_late = clocks.is_late(appeal.completion_limit, appeal.finished_at, now)
        if appeal.responded_at is None:
            appeal.responded_on_time = not clocks.is_response_late(appeal.received_at, appeal.finished_at, now)
    else:
        appeal.finished_late = None
