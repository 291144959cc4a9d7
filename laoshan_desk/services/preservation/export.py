"""The court's preservation statistics, and the Excel export of the case list with them.

The export pages through the same list the screen shows (every case, oldest first), writes the
workbook through ``documents/preservation/workbook.py`` and is audited once, after it was saved.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from laoshan_desk.documents.preservation.workbook import CaseLine, Figures, write_workbook
from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.preservation import CaseKind, CaseStatus, Decision, MeasureStatus
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import VIEW, ZERO, reminder_days_in
from laoshan_desk.services.preservation.forms import CaseFilter
from laoshan_desk.services.preservation.rows import CaseRow, Statistics
from laoshan_desk.services.preservation.views import count_cases, list_cases
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase, PresMeasure
from laoshan_desk.store.queries import preservation as queries

EXPORT_PAGE = 1000


def statistics(db: Database, actor: Actor, *, now: dt.datetime, year: int | None = None) -> Statistics:
    """Cases, rulings, amounts, measures, renewals due and the same-day rate (of one year, or all)."""
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        reminder = reminder_days_in(session)
        q = queries.scoped(select(PresCase), actor.scope)
        if year:
            q = q.where(
                PresCase.received_at >= dt.datetime(year, 1, 1, tzinfo=TZ),
                PresCase.received_at < dt.datetime(year + 1, 1, 1, tzinfo=TZ),
            )
        cases = list(session.scalars(q))
        ids = [c.id for c in cases]
        by_status: dict[str, int] = defaultdict(int)
        by_kind: dict[str, int] = defaultdict(int)
        month_cases: dict[str, int] = defaultdict(int)
        month_ruled: dict[str, Decimal] = defaultdict(lambda: ZERO)
        same_day = on_time = enterprise = 0
        for c in cases:
            by_status[CaseStatus(c.status).label] += 1
            by_kind[CaseKind(c.kind).label] += 1
            key = f"{c.received_at:%Y-%m}"
            month_cases[key] += 1
            month_ruled[key] += c.ruled_amount or ZERO
            if c.enterprise:
                enterprise += 1
                if c.ruled_at and c.ruled_at.date() == c.received_at.date():
                    same_day += 1
            if c.ruled_at and c.ruled_at <= rules.ruling_due(c.kind, c.received_at):
                on_time += 1
        preserved = ZERO
        renewals = active = 0
        if ids:
            for m in session.scalars(
                select(PresMeasure).where(
                    PresMeasure.case_id.in_(ids), PresMeasure.status == MeasureStatus.ACTIVE.value
                )
            ):
                active += 1
                preserved += m.amount
                if m.expiry - dt.timedelta(days=reminder) <= today:
                    renewals += 1
        decisions = [Decision(c.decision) for c in cases if c.decision]
        return Statistics(
            cases=len(cases),
            by_status=dict(by_status),
            by_kind=dict(by_kind),
            rulings=sum(1 for d in decisions if d.grants),
            refused=sum(1 for d in decisions if not d.grants),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((c.ruled_amount or ZERO for c in cases), ZERO),
            preserved_total=preserved,
            freed_total=queries.freed_by_guarantees(session, ids),
            active_measures=active,
            renewals_due=renewals,
            enterprise_cases=enterprise,
            enterprise_same_day=same_day,
            rulings_on_time=on_time,
            by_month=tuple((k, month_cases[k], month_ruled[k]) for k in sorted(month_cases)),
            reminder_days=reminder,
        )


def _line(r: CaseRow) -> CaseLine:
    return CaseLine(
        case_number=r.case_number,
        kind_label=r.kind_label,
        applicant=r.applicant,
        respondent=r.respondent,
        respondent_number=r.respondent_number,
        claim_amount=r.claim_amount,
        received_at=r.received_at,
        enterprise=r.enterprise,
        status_label=r.status_label,
        light=r.light,
        light_text=r.light_text,
        next_expiry=r.next_expiry,
    )


def _figures(s: Statistics) -> Figures:
    return Figures(
        cases=s.cases,
        rulings=s.rulings,
        refused=s.refused,
        claims_total=s.claims_total,
        ruled_total=s.ruled_total,
        preserved_total=s.preserved_total,
        freed_total=s.freed_total,
        active_measures=s.active_measures,
        renewals_due=s.renewals_due,
        reminder_days=s.reminder_days,
        enterprise_cases=s.enterprise_cases,
        enterprise_same_day=s.enterprise_same_day,
        rulings_on_time=s.rulings_on_time,
        by_status=tuple(s.by_status.items()),
        by_month=s.by_month,
    )


# The list's sort keys as its column headers, for the title row.
_SORT_WORDS = {
    "next_expiry": "提醒",
    "case_number": "案号",
    "kind": "类型",
    "respondent": "被申请人",
    "claim_amount": "请求保全金额",
    "received_at": "收案时间",
    "status": "状态",
}


def export_caption(filters: CaseFilter | None, sort: str | None, descending: bool) -> str:
    """The title row of the export: which cases, in which order (what the list showed)."""
    f = filters or CaseFilter()
    parts = []
    if f.text.strip():
        parts.append(f"搜索“{f.text.strip()}”")
    if f.status:
        parts.append(f"状态：{CaseStatus(f.status).label}")
    if f.attention:
        parts.append("只看需关注")
    if f.respondent_id is not None:
        parts.append("一个被申请人")
    which = "；".join(parts) or "全部案件"
    order = f"{_SORT_WORDS.get(sort or 'received_at', '收案时间')}{'降序' if descending else '升序'}"
    return f"保全案件清单　筛选：{which}　排序：{order}"


def export_cases(
    db: Database,
    actor: Actor,
    path: Path,
    filters: CaseFilter | None = None,
    *,
    now: dt.datetime,
    sort: str | None = "received_at",
    descending: bool = False,
) -> Path:
    """The case list exactly as the list shows it (its filter and sort, named in the title row)
    and the statistics, as an Excel workbook through the one writer; audited once it is saved."""
    actor.require(VIEW)
    rows: list[CaseRow] = []
    total = count_cases(db, actor, filters, today=now.date())
    while len(rows) < total:
        page = list_cases(
            db, actor, filters, now=now, offset=len(rows), limit=EXPORT_PAGE, sort=sort, descending=descending
        )
        if not page:
            break
        rows.extend(page)
    caption = export_caption(filters, sort, descending)
    figures = _figures(statistics(db, actor, now=now))
    out = write_workbook(Path(path), [_line(r) for r in rows], figures, now, caption=caption)
    with unit_of_work(db, actor, now) as work:
        work.audit(
            "export",
            "pres_case",
            None,
            f"导出保全案件清单与统计（{len(rows)}件）",
            after={"file": out.name, "rows": len(rows), "caption": caption},
        )
    return out
