"""The project list as a workbook: exactly the rows the list shows (its filter and its sort), the
filter and the sort named in the title row, dates as dates, print set-up from the one writer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.lights import Light


@dataclasses.dataclass(frozen=True)
class ProjectListLine:
    """One line of the list as the screen shows it."""

    light: Light
    light_text: str
    number: str
    name: str
    enterprise: str
    street_name: str
    target_date: dt.date
    progress: str  # 已销号/必办, as the list shows it
    red_yellow: str  # 超期/不可行/临期, as the list shows it
    status_label: str


@dataclasses.dataclass(frozen=True)
class ProjectList:
    """The lines, and the words for the filter and the sort that made them."""

    lines: tuple[ProjectListLine, ...]
    filter_text: str  # e.g. 查找“酒店” or 全部项目
    sort_text: str  # e.g. 项目编号（降序）
    today: dt.date


# The list's columns, in its order (ui/approvals/models.py PROJECT_COLUMNS).
COLUMNS = [
    Column("亮灯", 11),
    Column("编号", 13),
    Column("项目", 34),
    Column("企业", 34),
    Column("街道", 12),
    Column("目标开业", 12, "date"),
    Column("销号", 8),
    Column("超期/不可行/临期", 16),
    Column("状态", 10),
]
FILLS = {Light.RED: "F8CBAD", Light.YELLOW: "FFE699", Light.GREEN: "C6EFCE"}


def project_list_excel(report: ProjectList, path: Path) -> Path:
    """项目列表 workbook (the one writer's stream): a caption naming the filter and the sort above
    the header, one row per shown line, the light's fill on each row."""
    caption = (
        f"审批点菜单项目列表　筛选：{report.filter_text}；排序：{report.sort_text}；"
        f"共 {len(report.lines)} 个项目；截至 {report.today.isoformat()}"
    )
    rows = (
        [
            line.light_text,
            line.number,
            line.name,
            line.enterprise,
            line.street_name,
            line.target_date,
            line.progress,
            line.red_yellow,
            line.status_label,
        ]
        for line in report.lines
    )
    fills = [FILLS.get(line.light) for line in report.lines]
    return write_stream(path, [Sheet("项目列表", COLUMNS, rows, fills, caption=caption)])
