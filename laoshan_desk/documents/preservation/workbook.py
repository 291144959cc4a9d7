"""The preservation workbooks: the case list and statistics written (plain data in, file out), and
the online asset inquiry's export read (file in, rows out)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet, save
from laoshan_desk.domain.lights import Light

CASE_COLUMNS = [
    Column("案号", 26),
    Column("保全类型", 14),
    Column("申请人", 24),
    Column("被申请人", 28),
    Column("证件号码", 22),
    Column("请求保全金额（元）", 18, "money"),
    Column("收案时间", 17, "datetime"),
    Column("涉企", 6),
    Column("状态", 12),
    Column("提醒", 8),
    Column("提醒事项", 24),
    Column("最近期限届满", 13, "date"),
]


@dataclasses.dataclass(frozen=True)
class CaseLine:
    """One line of the case list sheet (numbers already masked by the service)."""

    case_number: str
    kind_label: str
    applicant: str
    respondent: str
    respondent_number: str
    claim_amount: Decimal
    received_at: dt.datetime
    enterprise: bool
    status_label: str
    light: Light
    light_text: str
    next_expiry: dt.date | None


@dataclasses.dataclass(frozen=True)
class Figures:
    """The statistics sheets: the court's totals, cases by status, cases and amounts by month."""

    cases: int
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal
    freed_total: Decimal
    active_measures: int
    renewals_due: int
    reminder_days: int
    enterprise_cases: int
    enterprise_same_day: int
    rulings_on_time: int
    by_status: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int, Decimal], ...]


def case_rows(rows: Sequence[CaseLine]) -> list[list[object]]:
    return [
        [
            r.case_number,
            r.kind_label,
            r.applicant,
            r.respondent,
            r.respondent_number,
            r.claim_amount,
            r.received_at,
            "是" if r.enterprise else "否",
            r.status_label,
            r.light.label,
            r.light_text,
            r.next_expiry,
        ]
        for r in rows
    ]


_FILLS = {Light.RED: "FCE4D6", Light.YELLOW: "FFF2CC"}


def write_workbook(
    path: Path, rows: Sequence[CaseLine], stats: Figures, now: dt.datetime, *, caption: str = ""
) -> Path:
    """The case list (red and yellow rows filled; ``caption`` — the list's filter and sort — in a
    title row) and the statistics, with a monthly chart, through the one writer
    (:func:`laoshan_desk.documents.excel.save`: no live formula, print set-up)."""
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    fills = [_FILLS.get(r.light) for r in rows]
    add_table_sheet(wb, Sheet("保全案件清单", CASE_COLUMNS, case_rows(rows), fills, caption=caption))
    pct = (stats.enterprise_same_day / stats.enterprise_cases) if stats.enterprise_cases else 0
    summary: list[list[object]] = [
        ["案件总数", stats.cases],
        ["裁定准予保全", stats.rulings],
        ["驳回申请", stats.refused],
        ["请求保全金额合计（元）", stats.claims_total],
        ["裁定保全金额合计（元）", stats.ruled_total],
        ["现保全金额合计（元）", stats.preserved_total],
        ["担保替代释放资金（元）", stats.freed_total],
        ["正在执行的保全措施", stats.active_measures],
        [f"{stats.reminder_days}日内到期待续行", stats.renewals_due],
        ["涉企案件", stats.enterprise_cases],
        ["涉企当天裁定", stats.enterprise_same_day],
        ["涉企当天裁定率", round(pct, 4)],
        ["按期裁定", stats.rulings_on_time],
        ["统计时间", now.replace(tzinfo=None)],
    ]
    ws = add_table_sheet(wb, Sheet("统计", [Column("指标", 26), Column("数值", 22)], summary))
    for row in ws.iter_rows(min_row=2, max_col=2):
        label, cell = row[0].value, row[1]
        if "元" in str(label):
            cell.number_format = "#,##0.00"
        elif "率" in str(label):
            cell.number_format = "0.00%"
        elif label == "统计时间":
            cell.number_format = "yyyy-mm-dd hh:mm"
    add_table_sheet(
        wb,
        Sheet("按状态", [Column("状态", 16), Column("件数", 10, "int")], [[k, v] for k, v in stats.by_status]),
    )
    months = add_table_sheet(
        wb,
        Sheet(
            "按月",
            [Column("月份", 10), Column("收案件数", 10, "int"), Column("裁定保全金额（元）", 20, "money")],
            [[m, n, a] for m, n, a in stats.by_month],
        ),
    )
    if stats.by_month:
        chart = BarChart()
        chart.title = "每月收案件数"
        chart.add_data(Reference(months, min_col=2, min_row=1, max_row=len(stats.by_month) + 1), titles_from_data=True)
        chart.set_categories(Reference(months, min_col=1, min_row=2, max_row=len(stats.by_month) + 1))
        months.add_chart(chart, "E2")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return save(wb, path)


# The columns of the online asset inquiry's export (网络查控结果); the last two may be missing.
INQUIRY_COLUMNS = ("账户或财产", "银行或登记机关", "账号或编号", "余额或价值", "类型", "是否经营使用", "是否不可分割")
INQUIRY_REQUIRED = INQUIRY_COLUMNS[:5]
