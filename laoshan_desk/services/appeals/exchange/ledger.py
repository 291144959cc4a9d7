"""The ledger (诉求台账) export: one row per appeal in the clerk's scope, streamed to a workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from laoshan_desk.documents.excel import Column, Sheet, write_stream
from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import mask_name
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import (
    VIEW,
    read_scope,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q

# -- ledger export -------------------------------------------------------------------------
LEDGER_COLUMNS = [
    Column("诉求编号", 18),
    Column("受理时间", 17),
    Column("诉求类型", 9),
    Column("诉求渠道", 12),
    Column("街道", 12),
    Column("社区", 14),
    Column("诉求人", 10),
    Column("诉求内容", 40),
    Column("承办层级", 10),
    Column("承办单位", 20),
    Column("状态", 9),
    Column("响应时限", 17),
    Column("办结时限", 12),
    Column("办结时间", 17),
    Column("是否超期", 9),
    Column("满意度", 10),
]


def _fmt(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(TZ).strftime("%Y-%m-%d %H:%M") if moment else None


def export_ledger(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    now: dt.datetime,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> int:
    """诉求台账 (write-only workbook, streamed); returns the number of rows written. Audited."""
    actor.require(VIEW)
    today = clocks.local_date(now)
    written = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal written
        with db.session() as s:
            names = dict(s.execute(select(Unit.id, Unit.name)).tuples().all())
            conds: list[Any] = []
            scope = read_scope(actor)
            if scope is not None:
                conds.append(scope)
            if date_from:
                conds.append(Appeal.received_at >= dt.datetime.combine(date_from, dt.time(), tzinfo=TZ))
            if date_to:
                conds.append(
                    Appeal.received_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), tzinfo=TZ)
                )
            stmt = (
                select(Appeal).where(*conds).order_by(Appeal.received_at, Appeal.seq).execution_options(yield_per=2000)
            )
            for a in s.scalars(stmt):
                late = (
                    bool(a.finished_late) if a.finished_at else (a.status in q.RUNNING and a.completion_limit < today)
                )
                written += 1
                yield [
                    a.number,
                    _fmt(a.received_at),
                    AppealKind(a.kind).label,
                    Channel(a.channel).label,
                    names.get(a.street_id, "") if a.street_id else "",
                    names.get(a.community_id, "") if a.community_id else "",
                    mask_name(a.appellant) if a.appellant else "匿名",
                    a.content,
                    HandlingLevel(a.level).label,
                    names.get(a.unit_id, "") if a.unit_id else "",
                    AppealStatus(a.status).label,
                    _fmt(a.response_limit),
                    a.completion_limit.isoformat(),
                    _fmt(a.finished_at),
                    "是" if late else "否",
                    Satisfaction(a.satisfaction).label if a.satisfaction else "",
                ]

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("台账文件应以 .xlsx 结尾", field="file")
    write_stream(path, [Sheet("诉求台账", LEDGER_COLUMNS, rows())])
    period = f"{date_from or '最早'} 至 {date_to or '最近'}"
    with unit_of_work(db, actor, now) as work:
        work.audit(
            "export",
            "appeal",
            None,
            f"导出诉求台账 {written} 件（{period}）",
            after={"file": path.name, "rows": written},
        )
    return written
