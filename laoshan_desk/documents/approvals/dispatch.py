"""日调度单: what is late or due, by department, for the morning call.

:class:`DispatchReport` is the plain data of the daily dispatch: the service fills it (the rule
of who is on it is the domain's ``dispatch_bucket``), the screen lists it and this module prints it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

from laoshan_desk.documents.approvals.common import LIGHT_FILLS, cn_day, day_text
from laoshan_desk.documents.pdf import Heading, Notice, Table, render
from laoshan_desk.domain.approvals import DispatchBucket
from laoshan_desk.domain.lights import Light

NO_DEPARTMENT = "（未指定部门）"


@dataclasses.dataclass(frozen=True)
class DispatchRow:
    """One item on the morning call's list."""

    project_id: uuid.UUID
    project_number: str
    project_name: str
    item_id: uuid.UUID
    code: str
    name: str
    department: str
    responsible: str
    status_label: str
    node_date: dt.date | None
    latest_finish: dt.date | None
    days_left: int  # working days from today to the latest finish (negative when late)
    bucket: DispatchBucket
    light: Light

    @property
    def bucket_label(self) -> str:
        return self.bucket.label


@dataclasses.dataclass(frozen=True)
class DispatchReport:
    """The day's dispatch: rows most urgent first."""

    today: dt.date
    rows: tuple[DispatchRow, ...]

    def count(self, bucket: DispatchBucket) -> int:
        return sum(r.bucket is bucket for r in self.rows)

    def by_department(self) -> dict[str, list[DispatchRow]]:
        """Rows by department, the departments with the most late items first."""
        groups: dict[str, list[DispatchRow]] = defaultdict(list)
        for r in self.rows:
            groups[r.department or NO_DEPARTMENT].append(r)
        return dict(
            sorted(groups.items(), key=lambda kv: (-sum(r.bucket is DispatchBucket.LATE for r in kv[1]), kv[0]))
        )


def _situation(r: DispatchRow) -> str:
    late = r.bucket is DispatchBucket.LATE and r.days_left < 0
    return r.bucket.label + (f" {-r.days_left} 个工作日" if late else "")


def dispatch_pdf(report: DispatchReport) -> bytes:
    """日调度单: what is late or due, by department, for the morning call."""
    groups = report.by_department()
    body: list[Any] = [
        f"调度日期：{cn_day(report.today)}。超期 {report.count(DispatchBucket.LATE)} 项，"
        f"计划不可行 {report.count(DispatchBucket.INFEASIBLE)} 项，今日到期 {report.count(DispatchBucket.TODAY)} 项，"
        f"2个工作日内到期 {report.count(DispatchBucket.SOON)} 项，涉及 {len(groups)} 个部门。"
    ]
    if not report.rows:
        body.append("今日没有超期或临期事项。")
    for department, rows in groups.items():
        body.append(Heading(f"{department}（{len(rows)} 项）"))
        body.append(
            Table(
                ["项目", "事项", "责任人", "状态", "节点日期", "最迟完成", "情况"],
                [
                    [
                        r.project_name,
                        f"{r.code} {r.name}",
                        r.responsible or "—",
                        r.status_label,
                        day_text(r.node_date),
                        day_text(r.latest_finish),
                        _situation(r),
                    ]
                    for r in rows
                ],
                widths=[2.2, 3, 0.9, 1, 1.1, 1.1, 1.6],
                fills=[LIGHT_FILLS[r.light] for r in rows],
            )
        )
    return render(
        Notice(title="审批事项日调度单", body=body, landscape=True, subject=f"日调度 {report.today.isoformat()}")
    )
