"""Workbooks: styled header, frozen panes, filter, widths, dates as dates, fills."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from laoshan_desk.documents import excel
from laoshan_desk.domain.timeutil import TZ

COLUMNS = [
    excel.Column("编号", 16),
    excel.Column("受理时间", 18, "datetime"),
    excel.Column("日期", 12, "date"),
    excel.Column("金额", 14, "money"),
]


def test_streamed_ledger_reads_back(tmp_path):
    rows = [
        ["LS1", dt.datetime(2026, 11, 25, 9, 30, tzinfo=TZ), dt.date(2026, 11, 27), Decimal("1200000.50")],
        ["LS2", None, None, None],
    ]
    path = excel.write_stream(tmp_path / "l.xlsx", [excel.Sheet("台账", COLUMNS, rows, fills=["D6322F", None])])
    ws = load_workbook(path).active
    assert ws.title == "台账" and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D3"
    assert [c.value for c in ws[1]] == ["编号", "受理时间", "日期", "金额"]
    assert ws["A1"].font.bold
    assert ws["B2"].value == dt.datetime(2026, 11, 25, 9, 30) and ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C2"].is_date and ws["D2"].value == 1200000.5
    assert ws["A2"].fill.fgColor.rgb.endswith("D6322F")
    assert ws.column_dimensions["A"].width == 16


def test_styled_sheet(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    excel.add_table_sheet(
        wb, excel.Sheet("排名", [excel.Column("单位"), excel.Column("办结率", 10, "percent")], [["沙子口街道", 0.9903]])
    )
    wb.save(tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")["排名"]
    assert ws["B2"].number_format == "0.00%" and ws.freeze_panes == "A2"
