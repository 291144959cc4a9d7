"""周通报: the weekly bulletin as a workbook (three views and a chart) and as a PDF summary.

:class:`Bulletin` is the plain data of one week's bulletin: the service fills it, the screen and
the CLI summarise it, this module writes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList

from laoshan_desk.documents.approvals.common import ISSUER, LIGHT_FILLS, cn_day, day_text, statutory_end
from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet, save
from laoshan_desk.documents.pdf import Heading, Notice, Table, render
from laoshan_desk.domain.approvals import ItemSignal, rate_light
from laoshan_desk.domain.lights import Light


def percent(rate: float | None) -> str:
    """``87.50%`` (two decimals), or a dash when nothing was due."""
    return "—" if rate is None else f"{rate * 100:.2f}%"


@dataclasses.dataclass(frozen=True)
class BulletinProject:
    id: uuid.UUID
    number: str
    name: str
    enterprise: str
    street_name: str
    target_date: dt.date
    must_do: int
    done: int
    done_this_week: int
    overdue: int  # must-do items overdue on the evaluation day (domain.approvals.is_overdue)
    yellow: int
    light: Light
    signal: ItemSignal  # its worst item's signal on the evaluation day (domain.approvals.worst_signal)

    @property
    def light_text(self) -> str:
        """The light in words: a red project with nothing overdue is red because it cannot make its
        target (计划不可行), not 超期 (docs/rules.md §approvals-bulletin)."""
        return self.signal.label

    @property
    def completion(self) -> float:
        return self.done / self.must_do if self.must_do else 0.0


@dataclasses.dataclass(frozen=True)
class LateItem:
    project_name: str
    code: str
    name: str
    department: str
    responsible: str
    node_date: dt.date | None
    latest_finish: dt.date | None
    finished_on: dt.date | None
    late_days: int
    status_label: str
    # docs/rules.md §approvals-time-limits: 法定7日（自然日），承诺3个工作日 / 无法定时限，承诺…
    limit_text: str = ""
    statutory_due: dt.date | None = None  # None: no statutory limit (or not known), never made up

    @property
    def statutory_end(self) -> dt.date | str:
        """法定时限届满 as the wall chart prints it: the day, or 无法定时限, or —."""
        return statutory_end(self.limit_text, self.statutory_due)


@dataclasses.dataclass(frozen=True)
class DepartmentRank:
    """One department's line of the on-time ranking (docs/rules.md §approvals-bulletin)."""

    rank: int
    department: str
    due: int
    on_time: int
    late_done: int
    late_open: int

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def light(self) -> Light:
        return rate_light(self.rate)


@dataclasses.dataclass(frozen=True)
class BulletinTotals:
    projects: int
    must_do: int
    done: int
    done_this_week: int
    overdue: int
    yellow: int
    rate: float | None

    @property
    def rate_text(self) -> str:
        return percent(self.rate)


@dataclasses.dataclass(frozen=True)
class Bulletin:
    """The week's bulletin, evaluated as of ``as_of`` (the week's last day, or today)."""

    week: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    projects: tuple[BulletinProject, ...]
    late: tuple[LateItem, ...]  # the overdue items: one line each, the body counts these
    ranking: tuple[DepartmentRank, ...]

    @property
    def totals(self) -> BulletinTotals:
        due = sum(r.due for r in self.ranking)
        on_time = sum(r.on_time for r in self.ranking)
        return BulletinTotals(
            projects=len(self.projects),
            must_do=sum(p.must_do for p in self.projects),
            done=sum(p.done for p in self.projects),
            done_this_week=sum(p.done_this_week for p in self.projects),
            overdue=len(self.late),
            yellow=sum(p.yellow for p in self.projects),
            rate=on_time / due if due else None,
        )


PROJECT_COLUMNS = [
    Column("项目编号", 12),
    Column("项目名称", 34),
    Column("企业", 34),
    Column("街道", 12),
    Column("目标开业", 12, "date"),
    Column("必办事项", 9, "int"),
    Column("已销号", 8, "int"),
    Column("本周销号", 9, "int"),
    Column("超期", 6, "int"),
    Column("临期", 6, "int"),
    Column("完成率", 9, "percent"),
    Column("亮灯", 8),
]
LATE_COLUMNS = [
    Column("项目", 34),
    Column("编码", 8),
    Column("事项", 40),
    Column("办理部门", 20),
    Column("责任人", 10),
    Column("节点日期", 12, "date"),
    Column("最迟完成", 12, "date"),
    Column("办结日期", 12, "date"),
    Column("超期工作日", 10, "int"),
    Column("状态", 12),
    Column("法定时限", 30),
    Column("法定时限届满", 14, "date"),
]
RANK_COLUMNS = [
    Column("排名", 6, "int"),
    Column("部门", 24),
    Column("应办结", 8, "int"),
    Column("按期办结", 9, "int"),
    Column("逾期办结", 9, "int"),
    Column("逾期未办", 9, "int"),
    Column("按期率", 10, "percent"),
    Column("评价", 8),
]


def bulletin_excel(bulletin: Bulletin, path: Path) -> Path:
    """周通报 workbook: one sheet per view (projects, late items, department ranking) with
    red/yellow/green fills, and a bar chart of the on-time rates."""
    path = Path(path)
    wb = Workbook()
    for sheet in list(wb.worksheets):  # the empty default sheet
        wb.remove(sheet)
    add_table_sheet(
        wb,
        Sheet(
            "项目进度",
            PROJECT_COLUMNS,
            [
                [
                    p.number,
                    p.name,
                    p.enterprise,
                    p.street_name,
                    p.target_date,
                    p.must_do,
                    p.done,
                    p.done_this_week,
                    p.overdue,
                    p.yellow,
                    p.completion,
                    p.light_text,
                ]
                for p in bulletin.projects
            ],
            [LIGHT_FILLS.get(p.light) for p in bulletin.projects],
        ),
    )
    add_table_sheet(
        wb,
        Sheet(
            "超期事项",
            LATE_COLUMNS,
            [
                [
                    r.project_name,
                    r.code,
                    r.name,
                    r.department,
                    r.responsible,
                    r.node_date,
                    r.latest_finish,
                    r.finished_on,
                    r.late_days,
                    r.status_label,
                    r.limit_text,
                    r.statutory_end,
                ]
                for r in bulletin.late
            ],
            [LIGHT_FILLS[Light.RED]] * len(bulletin.late),
        ),
    )
    ranking = add_table_sheet(
        wb,
        Sheet(
            "部门按期率排名",
            RANK_COLUMNS,
            [
                [
                    r.rank,
                    r.department,
                    r.due,
                    r.on_time,
                    r.late_done,
                    r.late_open,
                    r.rate,
                    r.light.label if r.rate is not None else "无到期事项",
                ]
                for r in bulletin.ranking
            ],
            [LIGHT_FILLS.get(r.light) for r in bulletin.ranking],
        ),
    )
    rated = sum(1 for r in bulletin.ranking if r.rate is not None)
    if rated:
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"部门按期办结率（{bulletin.week}）"
        chart.y_axis.title = "按期率"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        data = Reference(ranking, min_col=7, min_row=1, max_row=rated + 1)
        cats = Reference(ranking, min_col=2, min_row=2, max_row=rated + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showVal = True
        chart.legend = None
        chart.height, chart.width = max(7.5, 0.9 * rated + 3), 18
        ranking.add_chart(chart, "J2")
    for ws in wb.worksheets:
        ws.sheet_properties.tabColor = "1F4E79"
    return save(wb, path)  # the one writer: every cell neutralised, print set-up, atomic


def _day_or_word(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def bulletin_pdf(bulletin: Bulletin) -> bytes:
    t = bulletin.totals
    body: list[Any] = [
        f"统计周期：{cn_day(bulletin.start)}至{cn_day(bulletin.end)}（{bulletin.week}，截至{cn_day(bulletin.as_of)}）。",
        f"在办重点项目 {t.projects} 个，必办事项 {t.must_do} 项，"
        f"累计销号 {t.done} 项，本周销号 {t.done_this_week} 项；"
        f"超期未办 {t.overdue} 项，临期 {t.yellow} 项；全区按期办结率 {t.rate_text}。",
        Heading("一、项目进度"),
        Table(
            ["项目", "街道", "目标开业", "必办", "已销号", "本周销号", "超期", "亮灯"],
            [
                [
                    p.name,
                    p.street_name,
                    day_text(p.target_date),
                    str(p.must_do),
                    str(p.done),
                    str(p.done_this_week),
                    str(p.overdue),
                    p.light_text,
                ]
                for p in bulletin.projects
            ],
            widths=[2.6, 1.5, 1.2, 0.6, 0.7, 0.8, 0.6, 1.6],  # 亮灯: 计划不可行 on one line
            fills=[LIGHT_FILLS.get(p.light) for p in bulletin.projects],
        ),
        Heading("二、部门按期办结率排名"),
        Table(
            ["排名", "部门", "应办结", "按期", "逾期办结", "逾期未办", "按期率"],
            [
                [
                    str(r.rank),
                    r.department,
                    str(r.due),
                    str(r.on_time),
                    str(r.late_done),
                    str(r.late_open),
                    percent(r.rate),
                ]
                for r in bulletin.ranking
            ],
            widths=[0.6, 2.4, 0.8, 0.8, 0.9, 0.9, 0.9],
            fills=[LIGHT_FILLS.get(r.light) for r in bulletin.ranking],
        ),
        Heading("三、超期事项"),
    ]
    if bulletin.late:
        body.append(
            Table(
                ["项目", "事项", "部门", "责任人", "最迟完成", "超期（工作日）", "法定时限届满"],
                [
                    [
                        r.project_name,
                        f"{r.code} {r.name}",
                        r.department,
                        r.responsible or "—",
                        day_text(r.latest_finish),
                        str(r.late_days),
                        _day_or_word(r.statutory_end),
                    ]
                    for r in bulletin.late[:40]
                ],
                widths=[2.0, 2.6, 1.4, 0.8, 1.2, 1.6, 1.8],  # headers on one line
            )
        )
        if len(bulletin.late) > 40:
            body.append(f"另有 {len(bulletin.late) - 40} 项见 Excel 通报。")
    else:
        body.append("本周无超期事项。")
    body.append(
        "亮灯规则：红＝超期或计划不可行，黄＝距最迟完成不足2个工作日，绿＝正常；部门按期率≥90%为绿，≥70%为黄，其余为红。"
    )
    return render(
        Notice(
            title=f"审批点菜单周通报（{bulletin.week}）",
            body=body,
            issuer=ISSUER,
            signature="崂山区审批服务专班",
            date=bulletin.as_of,
            subject=f"周通报 {bulletin.week}",
        )
    )
