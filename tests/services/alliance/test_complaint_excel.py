"""The complaints workbook: import with row/column/message rejections, update by 编号, export with
the limits and lateness, read back with openpyxl; text from citizens never becomes a formula."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from laoshan_desk.domain.alliance.vocabulary import ComplaintStatus
from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import complaint_excel as cx
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.store.models.alliance import AllianceComplaint
from tests.alliance_support import at, fake_uscc

NOW = at(2026, 10, 20, 9)
HEAD = list(cx.COLUMNS)


def workbook(path, rows):  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as a citizen may type it
    wb.save(path)
    return path


GOOD = [
    [
        "TS-A1",
        "投诉",
        "2026-09-28 09:30",
        "赵示例",
        "13900001234",
        "青岛示例海产有限公司",
        "",
        "海参缩水",
        "",
        "",
        "",
        "",
    ],
    [
        "TS-A2",
        "投诉",
        dt.datetime(2026, 9, 28, 10),
        "钱示例",
        "",
        "青岛示例茶社",
        "",
        "茶叶霉变",
        "受理",
        "2026-09-30 10:00",
        "2026-10-16 15:00",
        "调解成功",
    ],
    [
        "TS-A3",
        "举报",
        "2026-09-29 08:00",
        "",
        "",
        "某无证水站",
        "",
        "无证生产桶装水",
        "立案",
        "2026-10-09 11:00",
        "",
        "",
    ],
    [
        "TS-A4",
        "投诉",
        "2026-09-29 08:00",
        "孙示例",
        "",
        "某商场",
        "",
        "超过三年",
        "不予受理",
        "2026-09-30 09:00",
        "",
        "",
    ],
]


def test_import_then_export_round_trip(db, officer, add_member, tmp_path):
    add_member(1, name="青岛示例海产有限公司", liaison="海产联络员")
    rows = [list(r) for r in GOOD]
    rows[0][6] = fake_uscc(1)
    report = cx.import_complaints(db, officer, workbook(tmp_path / "in.xlsx", rows), now=NOW)
    assert report.as_json() == {"imported": 4, "updated": 0, "conflicts": [], "rejected": []}
    by = {r.number: r for r in alliance.page(db, officer, alliance.ComplaintFilter(state="all"), now=NOW)}
    assert by["TS-A1"].officer_name == "海产联络员" and by["TS-A1"].status is ComplaintStatus.REGISTERED
    assert by["TS-A1"].accept_limit == dt.date(2026, 10, 13) and by["TS-A1"].late  # not decided by 13 Oct
    assert by["TS-A2"].status is ComplaintStatus.FINISHED and not by["TS-A2"].late
    assert by["TS-A3"].status is ComplaintStatus.FINISHED  # anonymous report: finished with the decision
    assert by["TS-A4"].outcome is not None and by["TS-A4"].outcome.label == "不予受理"

    # The same 编号 again updates instead of adding.
    rows[0][8:12] = ["受理", "2026-10-12 10:00", "", ""]
    again = cx.import_complaints(db, officer, workbook(tmp_path / "again.xlsx", rows[:1]), now=NOW)
    assert again.as_json() == {"imported": 0, "updated": 1, "conflicts": [], "rejected": []}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AllianceComplaint)) == 4
        audits = s.scalars(
            select(AuditRecord.summary).where(
                AuditRecord.action == "import", AuditRecord.entity == "alliance_complaint"
            )
        ).all()
    assert audits[0].startswith("导入投诉举报：新增 4 件")

    out = tmp_path / "out.xlsx"
    assert cx.export_complaints(db, officer, out, now=NOW, date_from=dt.date(2026, 9, 28)) == 4
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header == HEAD + ["受理期限", "办结期限", "是否超期"]
    got = {row[0]: dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)}
    a1 = got["TS-A1"]
    assert a1["联系电话"] == "139****1234" and a1["受理决定"] == "受理"
    # Accepted on 12 Oct, inside the 7 working days: mediation runs, nothing missed.
    assert a1["受理期限"] == dt.datetime(2026, 10, 13) and a1["是否超期"] == "否"
    assert a1["登记时间"] == dt.datetime(2026, 9, 28, 9, 30)
    a2 = got["TS-A2"]
    assert a2["结果"] == "调解成功" and a2["是否超期"] == "否" and a2["办结期限"] is not None
    # The export imports back unchanged (masked phones keep the number on file).
    back = cx.import_complaints(db, officer, out, now=NOW)
    assert back.imported == 0 and back.updated == 4 and back.rejected == ()
    assert alliance.page(db, officer, alliance.ComplaintFilter(text="TS-A1"), now=NOW)[0].phone == "139****1234"


def test_bad_rows_are_rejected_with_row_column_and_message_and_leave_nothing(db, officer, tmp_path):
    bad = [
        ["", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", "内容", "", "", "", ""],
        ["B2", "咨询", "2026-09-28 09:30", "赵", "", "企业", "", "内容", "", "", "", ""],
        ["B3", "投诉", "9999-01-01 09:30", "赵", "", "企业", "", "内容", "", "", "", ""],
        ["B4", "投诉", "昨天", "赵", "", "企业", "", "内容", "", "", "", ""],
        ["B5", "投诉", "2026-09-28 09:30", "赵", "123", "企业", "", "内容", "", "", "", ""],
        ["B6", "投诉", "2026-09-28 09:30", "赵", "", "企业", "91370212MA3U8KW28X", "内容", "", "", "", ""],
        ["B7", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", "内容", "立案", "2026-09-29 09:00", "", ""],
        ["B8", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", "内容", "受理", "", "", ""],
        [
            "B9",
            "投诉",
            "2026-09-28 09:30",
            "赵",
            "",
            "企业",
            "",
            "内容",
            "受理",
            "2026-09-29 09:00",
            "2026-10-09 09:00",
            "",
        ],
        ["B10", "投诉", "2026-09-28 09:30", "", "", "企业", "", "内容", "", "", "", ""],
        ["B11", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", "", "", "", "", ""],
        ["B12", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", "内容", "", "", "2026-10-09 09:00", ""],
        ["OK", "投诉", "2026-09-28 09:30", "赵", "", "企业", "", '=HYPERLINK("http://x")', "", "", "", ""],
    ]
    report = cx.import_complaints(db, officer, workbook(tmp_path / "bad.xlsx", bad), now=NOW)
    got = {(r.row, r.column) for r in report.rejected}
    assert got == {
        (2, "编号"),
        (3, "类型"),
        (4, "登记时间"),
        (5, "登记时间"),
        (6, "联系电话"),
        (7, "统一社会信用代码"),
        (8, "受理决定"),
        (9, "决定时间"),
        (10, "结果"),
        (11, "投诉人"),
        (12, "内容"),
        (13, "受理决定"),
    }
    assert all(r.message for r in report.rejected) and report.imported == 1
    with db.session() as s:
        assert s.scalars(select(AllianceComplaint.number)).all() == ["OK"]
    out = tmp_path / "out.xlsx"
    cx.export_complaints(db, officer, out, now=NOW)
    assert load_workbook(out).active["H2"].value == '\'=HYPERLINK("http://x")'


def test_bad_files_are_one_clear_message(db, officer, tmp_path):
    not_xlsx = tmp_path / "x.xlsx"
    not_xlsx.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ValidationError) as caught:
        cx.import_complaints(db, officer, not_xlsx, now=NOW)
    assert caught.value.field == "file" and "不是 Excel 工作簿" in caught.value.message
    wb = Workbook()
    wb.active.append(["编号", "内容"])
    wb.save(tmp_path / "few.xlsx")
    with pytest.raises(ValidationError) as caught:
        cx.import_complaints(db, officer, tmp_path / "few.xlsx", now=NOW)
    assert "类型" in caught.value.message and "登记时间" in caught.value.message
    with pytest.raises(ValidationError):
        cx.import_complaints(db, officer, tmp_path / "missing.xlsx", now=NOW)
    with pytest.raises(ValidationError):
        cx.export_complaints(db, officer, tmp_path / "out.csv", now=NOW)


def test_roles(db, leader, tmp_path):
    with pytest.raises(PermissionDenied):
        cx.import_complaints(db, leader, workbook(tmp_path / "in.xlsx", GOOD), now=NOW)
    assert cx.export_complaints(db, leader, tmp_path / "o.xlsx", now=NOW) == 0


def test_a_formula_or_an_over_long_cell_is_named_and_its_row_stores_nothing(db, officer, tmp_path):
    """The alliance's imports read through the desk's one reader: a formula without a result and a
    cell longer than the reader takes are each reported by column, never stored cut or empty."""
    rows = [list(r) for r in GOOD[:3]]
    content = HEAD.index("内容")
    rows[2][content] = "长" * 6000
    path = workbook(tmp_path / "in.xlsx", rows)
    book = load_workbook(path)
    book.active.cell(row=3, column=content + 1, value='=CONCAT("海参","缩水")')  # a live formula, no result
    book.save(path)
    report = cx.import_complaints(db, officer, path, now=NOW)
    assert report.imported == 1
    assert [(r.row, r.column) for r in report.rejected] == [(3, "内容"), (4, "内容")]
    assert "公式" in report.rejected[0].message and "过长" in report.rejected[1].message
    with db.session() as s:
        assert s.scalars(select(AllianceComplaint.number)).all() == [GOOD[0][0]]
