"""Excel import of appeals from the city platform (青诉即办).

The first sheet, read by the desk's one reader (``documents/excel_read.py`` ``read_sheet``: size
and row limits, broken files refused in Chinese, control characters stripped): headers in the
first row (or one of the first few) in any order, extra columns ignored. Each bad row is reported
with its sheet row number as Excel shows it, the column and the reason; the good rows are stored
in one transaction; a number already in the database is updated, not duplicated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from laoshan_desk.documents.excel_read import Truncated, read_sheet
from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.domain.identifiers import normalize_phone
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import (
    EDIT,
    pinyin_initials,
    recompute_clock,
    record_step,
)
from laoshan_desk.services.appeals.intake import next_seq
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportReport, Rejected
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q

REQUIRED = ("诉求编号", "受理时间", "诉求类型", "诉求渠道", "街道", "诉求内容", "承办层级")
OPTIONAL = ("社区", "网格", "诉求人", "联系电话", "承办单位", "办结时间", "满意度")


class _RowError(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _moment(value: Any, column: str, required: bool) -> dt.datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _RowError(column, f"{column}不能为空")
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=TZ)
    text = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=TZ)
        except ValueError:
            continue
    raise _RowError(column, f"{column}格式应为 YYYY-MM-DD HH:MM：{text}")


L = TypeVar("L", bound=Labelled)


def _choice(enum_cls: type[L], value: Any, column: str) -> L:
    text = _cell_text(value)
    if not text:
        raise _RowError(column, f"{column}不能为空")
    for member in enum_cls:
        if text in (member.label, member.value):
            return member
    if enum_cls is HandlingLevel and text in ("村", "社区（村）", "社区(村)"):
        return enum_cls(HandlingLevel.COMMUNITY.value)
    raise _RowError(column, f"{column}“{text}”无效，应为：" + "、".join(m.label for m in enum_cls))


def import_appeals(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Import the first sheet (module docstring); the good rows are stored, the bad reported."""
    actor.require(EDIT)
    sheet = read_sheet(Path(path), REQUIRED + OPTIONAL, required=REQUIRED)
    data = sheet.rows()
    report = _store(db, actor, data, now=now)
    if sheet.more_rows:
        cut = Rejected(sheet.header_row + sheet.max_rows + 1, "", f"超过 {sheet.max_rows} 行的部分未读取")
        report = dataclasses.replace(report, rejected=(*report.rejected, cut))
    return report


def _store(db: Database, actor: Actor, data: list[tuple[int, dict[str, Any]]], *, now: dt.datetime) -> ImportReport:
    cal = work_calendar(db)
    rejected: list[Rejected] = []
    imported = updated = 0
    with unit_of_work(db, actor, now) as work:
        s = work.session
        q.ensure_fts(s.connection())
        units = s.scalars(select(Unit).where(Unit.active.is_(True))).all()
        streets = {u.name: u for u in units if u.kind == "street"}
        communities = {(u.parent_id, u.name): u for u in units if u.kind in ("community", "village")}
        by_name: dict[str, Unit] = {}
        for u in units:
            for key in (u.name, u.short_name, u.code):
                if key:
                    by_name.setdefault(key, u)
        grids = {(g.community_id, g.name): g.id for g in s.scalars(select(Grid))}

        def get(row: dict[str, Any], name: str) -> Any:
            value = row.get(name)
            if isinstance(value, Truncated):  # the reader cut it: storing the cut text would lose the rest
                raise _RowError(name, f"{name}过长（{value.original_length} 字），请删减后再导入")
            return value

        for number_row, row in data:
            try:
                number = _cell_text(get(row, "诉求编号"))
                if not number:
                    raise _RowError("诉求编号", "诉求编号不能为空")
                if len(number) > 40:
                    raise _RowError("诉求编号", "诉求编号不能超过 40 个字符")
                received = _moment(get(row, "受理时间"), "受理时间", True)
                assert received is not None
                if received > now:
                    raise _RowError("受理时间", "受理时间不能晚于当前时间")
                kind = _choice(AppealKind, get(row, "诉求类型"), "诉求类型")
                channel = _choice(Channel, get(row, "诉求渠道"), "诉求渠道")
                street_name = _cell_text(get(row, "街道"))
                street = streets.get(street_name)
                if street is None:
                    raise _RowError("街道", f"街道“{street_name}”不存在，应为：" + "、".join(streets))
                comm_id = grid_id = None
                comm_name = _cell_text(get(row, "社区"))
                if comm_name:
                    comm = communities.get((street.id, comm_name))
                    if comm is None:
                        raise _RowError("社区", f"社区“{comm_name}”不在{street.name}")
                    comm_id = comm.id
                grid_name = _cell_text(get(row, "网格"))
                if grid_name:
                    if comm_id is None:
                        raise _RowError("网格", "填写网格时须同时填写社区")
                    grid_id = grids.get((comm_id, grid_name))
                    if grid_id is None:
                        raise _RowError("网格", f"网格“{grid_name}”不在{comm_name}")
                appellant = _cell_text(get(row, "诉求人")) or None
                phone_text = _cell_text(get(row, "联系电话"))
                phone = None
                if phone_text:
                    try:
                        phone = normalize_phone(phone_text)
                    except DeskError as exc:
                        raise _RowError("联系电话", exc.message) from None
                content = _cell_text(get(row, "诉求内容"))
                if not content:
                    raise _RowError("诉求内容", "诉求内容不能为空")
                level = _choice(HandlingLevel, get(row, "承办层级"), "承办层级")
                unit_id = None
                unit_name = _cell_text(get(row, "承办单位"))
                if unit_name:
                    unit = by_name.get(unit_name)
                    if unit is None:
                        raise _RowError("承办单位", f"承办单位“{unit_name}”不在组织机构中")
                    unit_id = unit.id
                finished = _moment(get(row, "办结时间"), "办结时间", False)
                if finished is not None and finished < received:
                    raise _RowError("办结时间", "办结时间早于受理时间")
                sat_text = _cell_text(get(row, "满意度"))
                satisfaction = None
                if sat_text:
                    satisfaction = _choice(Satisfaction, sat_text, "满意度")
                    if finished is None:
                        raise _RowError("满意度", "未办结的诉求不能有满意度")
            except _RowError as err:
                rejected.append(Rejected(number_row, err.column, err.reason))
                continue

            if satisfaction is not None:
                status = AppealStatus.VISITED
            elif finished is not None:
                status = AppealStatus.FINISHED
            elif unit_id is not None:
                status = AppealStatus.DISPATCHED
            else:
                status = AppealStatus.RECEIVED
            values = dict(
                received_at=received,
                kind=kind.value,
                channel=channel.value,
                street_id=street.id,
                community_id=comm_id,
                grid_id=grid_id,
                appellant=appellant,
                appellant_initials=pinyin_initials(appellant),
                phone=phone,
                content=content,
                level=level.value,
                unit_id=unit_id,
                finished_at=finished,
                satisfaction=satisfaction.value if satisfaction else None,
                status=status.value,
                updated_at=now,
            )
            existing = s.scalars(select(Appeal).where(Appeal.number == number)).first()
            if existing is None:
                appeal = Appeal(
                    id=uuid.uuid4(),
                    seq=next_seq(s),
                    number=number,
                    created_at=now,
                    created_by_id=actor.user_id,
                    source="import",
                    **values,
                )
                s.add(appeal)
                imported += 1
                before = None
            else:
                appeal = existing
                before = appeal.status
                for k, v in values.items():
                    setattr(appeal, k, v)
                updated += 1
            if unit_id is not None and appeal.dispatched_at is None:
                appeal.dispatched_at = received
            if satisfaction is not None and appeal.visited_at is None:
                appeal.visited_at = finished
            recompute_clock(s, appeal, cal, now)
            if finished is not None:
                appeal.finished_late = clocks.is_late(appeal.completion_limit, finished, now)
                if appeal.responded_at is None:
                    appeal.responded_on_time = not clocks.is_response_late(received, finished, now)
            else:
                appeal.finished_late = None
            s.flush()
            record_step(work, appeal, EventAction.IMPORT, before, f"自青诉即办导入（第 {number_row} 行）", unit_id)
        work.audit(
            "import",
            "appeal",
            None,
            f"导入诉求：新增 {imported} 件，更新 {updated} 件，拒绝 {len(rejected)} 行",
            after={"imported": imported, "updated": updated, "rejected": len(rejected)},
        )
    return ImportReport(imported, updated, rejected=tuple(rejected))
