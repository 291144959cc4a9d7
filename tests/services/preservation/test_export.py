"""The Excel export and the statistics, read back with openpyxl: through the one writer (no live
formula, real dates, print set-up), exactly what the list shows with its filter in the title row."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation.seed import uscc
from tests.services.preservation.builders import _register

HOSTILE = '=HYPERLINK("http://example.invalid/x","点此查看")'


def test_export_and_statistics(db, admin, fixed_now, tmp_path):
    _register(db, admin, fixed_now)
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=fixed_now)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["保全案件清单", "统计"]
    ws = wb["保全案件清单"]
    assert ws["A1"].value == "保全案件清单　筛选：全部案件　排序：收案时间升序"
    assert ws["A3"].value == "（2026）鲁0212财保12号"
    assert ws["F3"].value == 1200000
    stats = {r[0].value: r[1].value for r in wb["统计"].iter_rows(min_row=2)}
    assert stats["案件总数"] == 1


def test_a_hostile_party_name_is_text_dates_are_dates_and_the_sheet_prints(db, admin, fixed_now, tmp_path):
    _register(db, admin, fixed_now, applicant=HOSTILE)
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=fixed_now)
    ws = load_workbook(path)["保全案件清单"]
    header = [c.value for c in ws[2]]
    line = dict(zip(header, ws[3], strict=True))
    cell = line["申请人"]
    assert cell.data_type != "f" and cell.value == "'" + HOSTILE
    assert isinstance(line["收案时间"].value, dt.datetime) and line["收案时间"].is_date
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows is not None and "2" in ws.print_title_rows


def test_the_export_is_what_the_list_shows(db, admin, fixed_now, tmp_path):
    _register(db, admin, fixed_now, case_number="（2026）鲁0212财保61号", applicant="青岛甲建设有限公司")
    _register(
        db,
        admin,
        fixed_now,
        case_number="（2026）鲁0212财保62号",
        applicant="青岛丙商贸有限公司",
        respondent_id=uscc("MA3C52222"),
        claim_amount="50000",
    )
    _register(db, admin, fixed_now, case_number="（2026）鲁0212财保63号", applicant="青岛丙商贸有限公司")
    filters = svc.CaseFilter(text="丙商贸")
    path = svc.export_cases(
        db, admin, tmp_path / "cases.xlsx", filters, now=fixed_now, sort="claim_amount", descending=True
    )
    ws = load_workbook(path)["保全案件清单"]
    assert ws["A1"].value == "保全案件清单　筛选：搜索“丙商贸”　排序：请求保全金额降序"
    shown = [r.case_number for r in svc.list_cases(db, admin, filters, now=fixed_now, sort="claim_amount")]
    exported = [row[0].value for row in ws.iter_rows(min_row=3) if row[0].value]
    assert exported == ["（2026）鲁0212财保63号", "（2026）鲁0212财保62号"] == shown
