"""日调度单: what is late or due, by department, for the morning call."""

from __future__ import annotations

from typing import Any

from laoshan_desk.documents.approvals.common import LIGHT_FILLS, _cn, _d
from laoshan_desk.documents.pdf import Heading, Notice, Table, render

# -- daily dispatch ----------------------------------------------------------------------------
BUCKET_LABELS = {"late": "已超期", "infeasible": "计划不可行", "today": "今日到期", "soon": "2个工作日内到期"}


def dispatch_pdf(report: Any) -> bytes:
    """日调度单: what is late or due, by department, for the morning call."""
    body: list[Any] = [
        f"调度日期：{_cn(report.today)}。超期 {report.count('late')} 项，"
        f"计划不可行 {report.count('infeasible')} 项，今日到期 {report.count('today')} 项，"
        f"2个工作日内到期 {report.count('soon')} 项，涉及 {len(report.by_department())} 个部门。"
    ]
    if not report.rows:
        body.append("今日没有超期或临期事项。")
    for department, rows in report.by_department().items():
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
                        _d(r.node_date),
                        _d(r.latest_finish),
                        BUCKET_LABELS[r.bucket]
                        + (f" {-r.days_left} 个工作日" if r.bucket == "late" and r.days_left < 0 else ""),
                    ]
                    for r in rows
                ],
                widths=[2.2, 3, 0.9, 1, 1.1, 1.1, 1.6],
                size=8,
                fills=[LIGHT_FILLS[r.light] for r in rows],
            )
        )
    return render(
        Notice(title="审批事项日调度单", body=body, landscape=True, subject=f"日调度 {report.today.isoformat()}")
    )
