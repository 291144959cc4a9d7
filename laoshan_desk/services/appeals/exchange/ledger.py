"""The ledger (诉求台账) export: exactly the rows the queue shows — the clerk's scope, the queue's
filter (scope, kind, status, channel, street, community, unit, light, dates, search text) and its
sort — streamed to a workbook whose title row names that filter. Times are real Excel times
(docs/rules/appeals.md §appeals-ledger)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce

from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.appeals.filters import LightFilter, QueueScope, StatusGroup
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import mask_name
from laoshan_desk.domain.labels import label_of
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import VIEW
from laoshan_desk.services.appeals.queue import QueueFilter, base_select
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q

# -- ledger export -------------------------------------------------------------------------
LEDGER_COLUMNS = [
    Column("诉求编号", 18),
    Column("受理时间", 17, "datetime"),
    Column("诉求类型", 9),
    Column("诉求渠道", 12),
    Column("街道", 12),
    Column("社区", 14),
    Column("诉求人", 10),
    Column("诉求内容", 40),
    Column("承办层级", 10),
    Column("承办单位", 20),
    Column("状态", 9),
    Column("响应时限", 17, "datetime"),
    Column("办结时限", 12, "date"),
    Column("办结时间", 17, "datetime"),
    Column("是否超期", 9),
    Column("满意度", 10),
]

# Only the columns the ledger prints: a Core select, no ORM objects (a million rows stream).
# The unit ids come as the stored text (no UUID object per cell); ``_names_by_key`` answers both.
_COLUMNS = (
    Appeal.number,
    Appeal.received_at,
    Appeal.kind,
    Appeal.channel,
    type_coerce(Appeal.street_id, String).label("street_id"),
    type_coerce(Appeal.community_id, String).label("community_id"),
    Appeal.appellant,
    Appeal.content,
    Appeal.level,
    type_coerce(Appeal.unit_id, String).label("unit_id"),
    Appeal.status,
    Appeal.response_limit,
    Appeal.completion_limit,
    Appeal.finished_at,
    Appeal.finished_late,
    Appeal.satisfaction,
)

# The queue's sort names as the title row says them.
_SORT_LABELS = {
    "received_at": "受理时间",
    "number": "诉求编号",
    "kind": "诉求类型",
    "channel": "诉求渠道",
    "status": "状态",
    "level": "承办层级",
    "completion_limit": "办结时限",
    "response_limit": "响应时限",
    "finished_at": "办结时间",
    "satisfaction": "满意度",
    "street": "街道",
    "unit": "承办单位",
}


def _labels(enum_cls: Any) -> dict[str, str]:
    """Code → label of a vocabulary, looked up once per export rather than once per cell."""
    return {m.value: str(m.label) for m in enum_cls}


def _names_by_key(names: dict[uuid.UUID, str]) -> dict[Any, str]:
    """Unit names by id, as a UUID and as its stored text (SQLite's 32 hex digits, PostgreSQL's
    uuid text): the ledger reads the ids uncoerced."""
    keyed: dict[Any, str] = dict(names)
    for ident, name in names.items():
        keyed[ident.hex] = name
        keyed[str(ident)] = name
    return keyed


def describe_filter(f: QueueFilter, names: dict[uuid.UUID, str], sort: str | None, descending: bool) -> str:
    """The filter in the clerk's words, for the workbook's title row and the audit record."""
    parts: list[str] = []
    if f.scope != QueueScope.ALL.value:
        parts.append(f"范围：{label_of(QueueScope, f.scope)}")
    if f.kind:
        parts.append(f"类型：{label_of(AppealKind, f.kind)}")
    if f.status:
        group = {g.value: g.label for g in StatusGroup}.get(f.status)
        parts.append(f"状态：{group or label_of(AppealStatus, f.status)}")
    if f.channel:
        parts.append(f"渠道：{label_of(Channel, f.channel)}")
    for title, ident in (("街道", f.street_id), ("社区", f.community_id), ("承办单位", f.unit_id)):
        if ident is not None:
            parts.append(f"{title}：{names.get(ident, '（已删除的单位）')}")
    if f.light:
        parts.append(f"灯：{label_of(LightFilter, f.light)}")
    if f.date_from or f.date_to:
        parts.append(f"受理日期：{f.date_from or '最早'} 至 {f.date_to or '最近'}")
    if f.text:
        parts.append(f"搜索：{f.text}")
    order = _SORT_LABELS.get(sort or "received_at", "受理时间")
    parts.append(f"排序：{order}{'（降序）' if descending or sort is None else '（升序）'}")
    filters = "；".join(parts[:-1]) or "全部可见诉求"
    return f"{filters}；{parts[-1]}"


def export_ledger(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    now: dt.datetime,
    flt: QueueFilter | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> int:
    """诉求台账 of the rows ``flt`` keeps, in the queue's order (newest first when ``sort`` is None),
    streamed; returns the number of rows written. Audited with the filter it was made from."""
    actor.require(VIEW)
    f = flt or QueueFilter()
    if sort is not None and sort not in q.SORTS:
        sort = None
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("台账文件应以 .xlsx 结尾", field="file")
    today = clocks.local_date(now)
    cal = work_calendar(db)
    with db.session() as s:
        names = dict(s.execute(select(Unit.id, Unit.name)).tuples().all())
    caption = f"诉求台账（{now.astimezone(TZ):%Y-%m-%d %H:%M} 导出）　{describe_filter(f, names, sort, descending)}"
    written = 0

    by_key = _names_by_key(names)
    kinds, channels, levels, statuses, satisfactions = (
        _labels(e) for e in (AppealKind, Channel, HandlingLevel, AppealStatus, Satisfaction)
    )

    def rows() -> Iterator[list[Any]]:
        nonlocal written
        with db.session() as s:
            stmt = q.order(base_select(actor, f, cal, now, s, _COLUMNS), sort, descending, dialect=db.dialect)
            # Batches of 500: one batch is fetched and converted in one go, with no pace() inside
            # (laoshan_desk/pacing.py), and 2,000 took 40–80 ms (up to 290 ms on a loaded machine)
            # during which the GUI thread waited; 500 take a quarter of that.
            for a in s.execute(stmt.execution_options(yield_per=500)):
                # 是否超期: finished late, or still running past its completion limit
                # (docs/rules/appeals.md §appeals-clocks).
                late = (
                    bool(a.finished_late) if a.finished_at else (a.status in q.RUNNING and a.completion_limit < today)
                )
                written += 1
                yield [
                    a.number,
                    a.received_at,
                    kinds.get(a.kind, a.kind),
                    channels.get(a.channel, a.channel),
                    by_key.get(a.street_id, "") if a.street_id else "",
                    by_key.get(a.community_id, "") if a.community_id else "",
                    mask_name(a.appellant) if a.appellant else "匿名",
                    a.content,
                    levels.get(a.level, a.level),
                    by_key.get(a.unit_id, "") if a.unit_id else "",
                    statuses.get(a.status, a.status),
                    a.response_limit,
                    a.completion_limit,
                    a.finished_at,
                    "是" if late else "否",
                    satisfactions.get(a.satisfaction, a.satisfaction) if a.satisfaction else "",
                ]

    write_stream(path, [Sheet("诉求台账", LEDGER_COLUMNS, rows(), caption=caption)])
    with unit_of_work(db, actor, now) as work:
        work.audit(
            "export",
            "appeal",
            None,
            f"导出诉求台账 {written} 件（{describe_filter(f, names, sort, descending)}）",
            after={"file": path.name, "rows": written},
        )
    return written
