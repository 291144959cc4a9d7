"""The complaints workbook: import (same 编号 updates) and export with the limits and lateness.

Columns, in this order: 编号 | 类型 (投诉/举报) | 登记时间 (YYYY-MM-DD HH:MM) | 投诉人 | 联系电话 |
被投诉企业 | 统一社会信用代码 | 内容 | 受理决定 (受理/不予受理; 立案/不予立案 for a report; may be
empty) | 决定时间 | 办结时间 | 结果; the export adds 受理期限, 办结期限 and 是否超期
(docs/rules/alliance.md §alliance-complaints says what each means).

Each row goes through the counter's own checks (:mod:`.complaints`' ``apply_*``) in a savepoint:
a bad row is reported with its sheet row, column and message and leaves nothing behind; good rows
are committed in batches of 500, each batch one unit of work with its audit record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.vocabulary import (
    ComplaintDecision,
    ComplaintKind,
    ComplaintOutcome,
)
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.alliance.common import EDIT, VIEW, pick
from laoshan_desk.services.alliance.complaints import (
    ComplaintForm,
    DecisionForm,
    FinishForm,
    NotifyForm,
    apply_decision,
    apply_finish,
    apply_notify,
    apply_register,
    recompute,
    validate_complaint,
)
from laoshan_desk.services.alliance.workbook import (
    ImportReport,
    Rejected,
    RowError,
    apply_rows,
    cell_moment,
    cell_text,
    read_sheet,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.printing import Output, OutputKind, record_output
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceComplaint
from laoshan_desk.store.queries import alliance as q

COLUMNS = (
    "编号",
    "类型",
    "登记时间",
    "投诉人",
    "联系电话",
    "被投诉企业",
    "统一社会信用代码",
    "内容",
    "受理决定",
    "决定时间",
    "办结时间",
    "结果",
)
REQUIRED = ("编号", "类型", "登记时间", "内容")
EXTRA = ("受理期限", "办结期限", "是否超期")
FIELD_COLUMNS = {
    "kind": "类型",
    "received_at": "登记时间",
    "complainant": "投诉人",
    "phone": "联系电话",
    "enterprise_name": "被投诉企业",
    "uscc": "统一社会信用代码",
    "content": "内容",
    "decision": "受理决定",
    "reject_reason": "受理决定",
    "decided_at": "决定时间",
    "finished_at": "办结时间",
    "notified_at": "办结时间",
    "outcome": "结果",
}
BATCH = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _moment(values: dict[str, Any], column: str) -> dt.datetime | None:
    try:
        return cell_moment(values.get(column), column)
    except ValidationError as exc:
        raise RowError(column, exc.message) from None


def _apply_row(session: Any, values: dict[str, Any], calendar: WorkCalendar, *, now: dt.datetime) -> bool:
    """Store one row through the counter's checks; True when it updated an existing case."""
    number = cell_text(values.get("编号"))
    if not number:
        raise RowError("编号", "编号不能为空")
    if len(number) > 40:
        raise RowError("编号", "编号不能超过 40 个字符")
    phone = cell_text(values.get("联系电话"))
    form = ComplaintForm(
        kind=cell_text(values.get("类型")),
        received_at=_moment(values, "登记时间"),
        content=cell_text(values.get("内容")),
        complainant=cell_text(values.get("投诉人")),
        phone="" if "*" in phone else phone,  # a masked number from an export keeps the one on file
        enterprise_name=cell_text(values.get("被投诉企业")),
        uscc=cell_text(values.get("统一社会信用代码")),
    )
    existing = session.scalars(select(AllianceComplaint).where(AllianceComplaint.number == number)).first()
    if existing is None:
        c = apply_register(session, form, now=now, number=number, source="import")
    else:
        c = existing
        checked = validate_complaint(form, now=now)
        if checked["kind"] != c.kind and c.decision is not None:
            raise RowError("类型", "已作出决定的件不能改变类型")
        for key, value in checked.items():
            if key == "phone" and not value:
                continue
            setattr(c, key, value)
        c.updated_at = now
    session.flush()
    decision_text = cell_text(values.get("受理决定"))
    decided_at = _moment(values, "决定时间")
    finished_at = _moment(values, "办结时间")
    outcome_text = cell_text(values.get("结果"))
    kind = ComplaintKind(c.kind)
    if decision_text:
        decision = pick(ComplaintDecision, decision_text, "decision")
        if kind is ComplaintKind.REPORT and decision in (ComplaintDecision.ACCEPT, ComplaintDecision.REJECT):
            # 受理 / 不予受理 in a report's row mean 立案 / 不予立案 (docs/rules/alliance.md §alliance-complaints).
            decision = ComplaintDecision.FILE if decision is ComplaintDecision.ACCEPT else ComplaintDecision.NOT_FILE
        if c.decision is None:
            apply_decision(session, c, DecisionForm(c.id, decision.value, decided_at), now=now)
        elif c.decision != decision.value:
            raise RowError("受理决定", f"已作出“{ComplaintDecision(c.decision).label}”决定，不能改为“{decision.label}”")
    elif decided_at is not None or finished_at is not None:
        raise RowError("受理决定", "填写了决定或办结时间，但没有受理决定")
    outcome = pick(ComplaintOutcome, outcome_text, "outcome") if outcome_text else None
    if finished_at is not None and c.finished_at is None:
        if kind is ComplaintKind.COMPLAINT and c.decision == ComplaintDecision.ACCEPT.value:
            if outcome is None:
                raise RowError("结果", "办结的投诉须填写结果（调解成功、调解终止或投诉人撤回）")
            apply_finish(session, c, FinishForm(c.id, outcome.value, finished_at), now=now)
        elif kind is ComplaintKind.REPORT and c.real_name and c.decision is not None:
            recompute(session, c, calendar, today=local_date(now))
            apply_notify(session, c, NotifyForm(c.id, finished_at), now=now)
        elif c.decided_at is not None and finished_at < c.decided_at:
            raise RowError("办结时间", "办结时间不能早于决定时间")
    recompute(session, c, calendar, today=local_date(now))
    if outcome is not None and c.outcome is not None and outcome.value != c.outcome:
        raise RowError("结果", f"结果应为“{ComplaintOutcome(c.outcome).label}”")
    return existing is not None


def import_complaints(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Import the complaints workbook; rows with the same 编号 update the case already on file."""
    actor.require(EDIT)
    rows = list(read_sheet(Path(path), COLUMNS, required=REQUIRED))
    calendar = work_calendar(db)
    imported = updated = 0
    rejected: list[Rejected] = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        with unit_of_work(db, actor, now=now) as work:
            added, changed, refused = apply_rows(
                work.session, batch, lambda s, values: _apply_row(s, values, calendar, now=now), FIELD_COLUMNS
            )
            rejected.extend(refused)
            work.audit(
                "import",
                "alliance_complaint",
                None,
                f"导入投诉举报：新增 {added} 件，更新 {changed} 件（第 {batch[0][0]}–{batch[-1][0]} 行）",
                after={"imported": added, "updated": changed, "file": Path(path).name},
            )
        imported += added
        updated += changed
    return ImportReport(imported, updated, rejected=tuple(rejected))


# -- export ------------------------------------------------------------------------------------
EXPORT_COLUMNS = [
    Column("编号", 18),
    Column("类型", 7),
    Column("登记时间", 17, "datetime"),
    Column("投诉人", 10),
    Column("联系电话", 14),
    Column("被投诉企业", 26),
    Column("统一社会信用代码", 21),
    Column("内容", 40),
    Column("受理决定", 10),
    Column("决定时间", 17, "datetime"),
    Column("办结时间", 17, "datetime"),
    Column("结果", 10),
    Column("受理期限", 12, "date"),
    Column("办结期限", 12, "date"),
    Column("是否超期", 8),
]


def _safe(value: str) -> str:
    """Text a citizen typed never becomes a live formula: a leading apostrophe keeps it text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(TZ) if moment is not None else None


def export_complaints(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    now: dt.datetime,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> int:
    """The workbook of complaints received in the period (streamed); returns the rows written."""
    actor.require(VIEW)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("文件应以 .xlsx 结尾", field="file")
    if date_from and date_to and date_to < date_from:
        raise ValidationError("结束日期不能早于开始日期", field="date_to")
    today = local_date(now)
    full = actor.role in SEES_FULL_NUMBERS
    written = 0
    f = q.ComplaintFilter(state="all", date_from=date_from, date_to=date_to)

    def rows() -> Iterator[list[Any]]:
        nonlocal written
        with db.session() as s:
            stmt = q.ordered(q.queue(f, today, today), "received", False).execution_options(yield_per=2000)
            for c in s.scalars(stmt):
                running = c.due_on is not None and not c.paused
                late = c.late or (running and c.due_on is not None and c.due_on < today)
                written += 1
                yield [
                    _safe(c.number),
                    ComplaintKind(c.kind).label,
                    _local(c.received_at),
                    _safe(c.complainant),
                    c.phone if full else (mask_phone(c.phone) if c.phone else ""),
                    _safe(c.enterprise_name),
                    c.uscc or "",
                    _safe(c.content),
                    ComplaintDecision(c.decision).label if c.decision else "",
                    _local(c.decided_at),
                    _local(c.finished_at),
                    ComplaintOutcome(c.outcome).label if c.outcome else "",
                    c.accept_limit,
                    c.finish_limit,
                    "是" if late else "否",
                ]

    write_stream(path, [Sheet("投诉举报", EXPORT_COLUMNS, rows())])
    period = f"{date_from or '最早'} 至 {date_to or '最近'}"
    record_output(
        db,
        actor,
        Output("alliance_complaint", None, f"投诉举报台账 {written} 件（{period}）"),
        kind=OutputKind.EXPORT,
        target=path.name,
        now=now,
    )
    return written
