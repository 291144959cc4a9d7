"""Inputs the approvals service tests share: the worked example as an order, a project form, and
the clerk's moves on an item (each carrying the version the screen showed)."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.approvals import ItemStatus
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import approvals as svc

D = dt.date.fromisoformat
USCC = "91370212MA3U8KW28P"


def at(day: str | dt.date, hour: int = 17) -> dt.datetime:
    """That day at 17:00 in Asia/Shanghai: the ``now`` of a clerk's action on that day."""
    return dt.datetime.combine(D(day) if isinstance(day, str) else day, dt.time(hour), tzinfo=TZ)


NOW = at("2026-09-21", 9)


def plan_input(items, start="2026-09-21", target="2026-10-20", **extra):
    return svc.ProjectInput(
        name="示例项目",
        enterprise="青岛示例有限公司",
        credit_code=USCC,
        street="沙子口街道",
        start_date=D(start),
        target_date=D(target),
        items=items,
        **extra,
    )


def example_lines():
    return [
        svc.OrderLine("A", "must_do", "示例", name="事项A", days=10),
        svc.OrderLine("B", "must_do", "示例", name="事项B", days=5),
        svc.OrderLine("C", "must_do", "示例", name="事项C", days=3, after=("A", "B")),
        svc.OrderLine("D", "must_do", "示例", name="事项D", days=1, after=("C",)),
        svc.OrderLine("E", "must_do", "示例", name="事项E", days=2, after=("C",)),
    ]


def create(db, actor, data, **kwargs):  # type: ignore[no-untyped-def]
    """Intake on the project's start date."""
    return svc.create_project(db, actor, data, now=at(data.start_date or "2026-09-21", 9), **kwargs)


def item(db, actor, pid, code, today="2026-09-21"):  # type: ignore[no-untyped-def]
    """The item row as the project page shows it (with the version the page carries)."""
    return svc.project_detail(db, actor, pid, today=D(today) if isinstance(today, str) else today).item(code)


def advance(db, actor, pid, code, status, on, *, today=None, by=""):  # type: ignore[no-untyped-def]
    """The clerk moves an item one step on, from the page as it stands."""
    row = item(db, actor, pid, code, on)
    form = svc.AdvanceForm(row.id, row.version, ItemStatus(status), D(on), by)
    return svc.advance_item(db, actor, form, now=at(today or on))


def project_id_named(db, actor, text):  # type: ignore[no-untyped-def]
    return next(r.id for r in svc.list_projects(db, actor, today=D("2026-11-25")) if text in r.name)
