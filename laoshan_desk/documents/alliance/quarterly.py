"""The alliance's quarterly report (季度报告): one line per quarter, as a workbook with a chart
and as a PDF table (docs/rules/alliance.md §alliance-statistics).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from laoshan_desk.documents.alliance.letters import cn_date, wording
from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet, save
from laoshan_desk.documents.pdf import Heading, Notice, Table, render

HEADERS = [
    "季度",
    "打假行动",
    "抽检批次",
    "已出结果",
    "合格",
    "合格率",
    "办结投诉举报",
    "按期办结率",
    "调解成功",
    "立案查处",
    "推送政策",
    "兑现奖励（元）",
]


@dataclasses.dataclass(frozen=True)
class QuarterLine:
    label: str
    actions: int
    batches: int
    tested: int
    conforming: int
    conformity: str  # 93.12% or —
    complaints: int
    on_time: str
    agreements: int
    filed: int
    pushes: int
    awards_paid: Decimal


@dataclasses.dataclass(frozen=True)
class QuarterlyData:
    first: str  # 2023年第一季度
    last: str
    lines: tuple[QuarterLine, ...]
    total: QuarterLine
    date: dt.date


def _cells(q: QuarterLine) -> list[object]:
    return [
        q.label,
        q.actions,
        q.batches,
        q.tested,
        q.conforming,
        q.conformity,
        q.complaints,
        q.on_time,
        q.agreements,
        q.filed,
        q.pushes,
        q.awards_paid,
    ]


def quarterly_workbook(d: QuarterlyData, path: Path) -> Path:
    """The report as a workbook: the table (with a 合计 line) and a bar chart of actions and batches."""
    columns = [Column(HEADERS[0], 18)] + [Column(h, 12, "int") for h in HEADERS[1:5]]
    columns += [Column(HEADERS[5], 10), Column(HEADERS[6], 14, "int"), Column(HEADERS[7], 12)]
    columns += [Column(h, 10, "int") for h in HEADERS[8:11]] + [Column(HEADERS[11], 16, "money")]
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    rows = [_cells(q) for q in d.lines] + [_cells(dataclasses.replace(d.total, label="合计"))]
    ws = add_table_sheet(wb, Sheet("季度统计", columns, rows))
    if d.lines:
        chart = BarChart()
        chart.title = "打假行动与抽检批次"
        chart.y_axis.title = "次数"
        data = Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(d.lines) + 1)
        cats = Reference(ws, min_col=1, min_row=2, max_row=len(d.lines) + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.width, chart.height = 22, 9
        ws.add_chart(chart, f"A{len(rows) + 4}")
    path = Path(path)
    return save(wb, path)  # the one writer: every cell neutralised, print set-up, atomic


def quarterly_pdf(d: QuarterlyData) -> bytes:
    w = wording()
    q = w["quarterly"]
    t = d.total
    text_rows = [[str(c) if not isinstance(c, Decimal) else f"{c:,.2f}" for c in _cells(x)] for x in d.lines]
    text_rows.append([str(c) if not isinstance(c, Decimal) else f"{c:,.2f}" for c in _cells(t)][1:])
    text_rows[-1].insert(0, "合计")
    return render(
        Notice(
            title=q["title"],
            issuer=w["issuer"],
            body=[
                q["intro"].format(first=d.first, last=d.last),
                f"期内协助企业开展打假行动{t.actions}次；抽检{t.batches}批次，已出结果{t.tested}批次，"
                f"合格率{t.conformity}；办结投诉举报{t.complaints}件，按期办结率{t.on_time}；"
                f"推送政策{t.pushes}条；兑现奖励{t.awards_paid:,.2f}元。",
                Heading("分季度数据"),
                Table(HEADERS, text_rows, widths=[2.4, 1, 1, 1, 1, 1.2, 1.3, 1.2, 1, 1, 1, 2], size=9),
            ],
            signature=w["issuer"],
            date=d.date,
            landscape=True,
            subject=f"{q['title']}（{d.first}至{d.last}）",
            footer=f"制表日期：{cn_date(d.date)}。合格率＝合格批次÷已出结果批次；按期办结率＝未超任何期限办结的件数÷办结件数。",
        )
    )
