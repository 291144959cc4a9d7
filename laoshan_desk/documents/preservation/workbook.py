"""The preservation case list and statistics as an Excel workbook (plain data in, file out)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet

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


def case_rows(rows: list[Any]) -> list[list[Any]]:
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


def write_workbook(path: Path, rows: list[Any], stats: Any, now: dt.datetime) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    fills = [
        None if r.light.value in ("green", "grey") else "FCE4D6" if r.light.value == "red" else "FFF2CC" for r in rows
    ]
    add_table_sheet(wb, Sheet("保全案件清单", CASE_COLUMNS, case_rows(rows), fills))
    pct = (stats.enterprise_same_day / stats.enterprise_cases) if stats.enterprise_cases else 0
    summary = [
        ["案件总数", stats.cases],
        ["裁定准予保全", stats.rulings],
        ["驳回申请", stats.refused],
        ["请求保全金额合计（元）", stats.claims_total],
        ["裁定保全金额合计（元）", stats.ruled_total],
        ["现保全金额合计（元）", stats.preserved_total],
        ["担保替代释放资金（元）", stats.freed_total],
        ["正在执行的保全措施", stats.active_measures],
        ["30日内到期待续行", stats.renewals_due],
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
    status = add_table_sheet(
        wb,
        Sheet("按状态", [Column("状态", 16), Column("件数", 10, "int")], [[k, v] for k, v in stats.by_status.items()]),
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
    del status
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
