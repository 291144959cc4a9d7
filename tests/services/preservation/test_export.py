"""The Excel export and the statistics, read back with openpyxl."""

from __future__ import annotations

from openpyxl import load_workbook

from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import _register


def test_export_and_statistics(db, admin, fixed_now, tmp_path):
    _register(db, admin, fixed_now)
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=fixed_now)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["保全案件清单", "统计"]
    assert wb["保全案件清单"]["A2"].value == "（2026）鲁0212财保12号"
    assert wb["保全案件清单"]["F2"].value == 1200000
    stats = {r[0].value: r[1].value for r in wb["统计"].iter_rows(min_row=2)}
    assert stats["案件总数"] == 1
