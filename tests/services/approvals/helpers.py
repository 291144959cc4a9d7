"""Inputs the approvals service tests share: the worked example as an order, a project form."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.services import approvals as svc

D = dt.date.fromisoformat
USCC = "91370212MA3U8KW28P"


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


def project_id_named(db, actor, text):  # type: ignore[no-untyped-def]
    return next(r.id for r in svc.list_projects(db, actor, today=D("2026-11-25")) if text in r.name)
