"""The project list exported as the clerk sees it: the same rows (scope, search text, sort) in the
same order, the filter and the sort named in the workbook's title row; audited once written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from laoshan_desk.documents import approvals as docs
from laoshan_desk.services import printing
from laoshan_desk.services.approvals.common import VIEW
from laoshan_desk.services.approvals.projects import count_projects, list_projects
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

__all__ = ["SORT_LABELS", "export_projects"]

SORT_LABELS = {
    "number": "项目编号",
    "name": "项目名称",
    "enterprise": "企业",
    "street": "街道",
    "target": "目标开业日期",
    "start": "开始日期",
}
_PAGE = 500


def export_projects(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    text: str | None = None,
    sort: str | None = None,
    descending: bool = False,
    now: dt.datetime,
) -> Path:
    """Write the list's rows as ``list_projects`` gives them to the screen, page by page."""
    actor.require(VIEW)
    today = now.date()
    total = count_projects(db, actor, text=text)
    lines: list[docs.ProjectListLine] = []
    for offset in range(0, total, _PAGE):
        page = list_projects(
            db, actor, today=today, text=text, offset=offset, limit=_PAGE, sort=sort, descending=descending
        )
        lines += [
            docs.ProjectListLine(
                r.light,
                r.light_text,
                r.number,
                r.name,
                r.enterprise,
                r.street_name,
                r.target_date,
                r.progress,
                r.counts_text,
                r.status_label,
            )
            for r in page
        ]
    order = "降序" if descending or sort is None else "升序"
    report = docs.ProjectList(
        tuple(lines),
        f"查找“{text.strip()}”" if text and text.strip() else "全部项目",
        f"{SORT_LABELS.get(sort or '', '项目编号')}（{order}）",
        today,
    )
    target = docs.project_list_excel(report, Path(path))
    printing.record_output(
        db,
        actor,
        printing.Output("approval_project_list", None, f"审批项目列表 {report.filter_text}"[:200]),
        kind=printing.OutputKind.EXPORT,
        target=str(target),
        now=now,
    )
    return target
