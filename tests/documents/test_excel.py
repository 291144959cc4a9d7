"""Workbooks: styled header, frozen panes, filter, widths, dates as dates, fills."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from laoshan_desk.documents import excel, excel_stream
from laoshan_desk.domain.errors import ValidationError
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
    path = excel_stream.write_stream(tmp_path / "l.xlsx", [excel.Sheet("台账", COLUMNS, rows, fills=["D6322F", None])])
    ws = load_workbook(path).active
    assert ws.title == "台账" and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D3"
    assert [c.value for c in ws[1]] == ["编号", "受理时间", "日期", "金额"]
    assert ws["A1"].font.bold
    assert ws["B2"].value == dt.datetime(2026, 11, 25, 9, 30) and ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C2"].is_date and ws["D2"].value == 1200000.5
    assert ws["A2"].fill.fgColor.rgb.endswith("D6322F")
    assert 16 <= ws.column_dimensions["A"].width < 17  # Excel stores a 16-character column with its padding


def test_each_column_keeps_its_own_format_row_after_row(tmp_path):
    """The streamed writer makes each format's style once: every row's date, time and money cells
    still carry their column's format, a text that looks like a formula stays text."""
    rows = [
        [f"=LS{n}", dt.datetime(2026, 11, 25, 9, n, tzinfo=TZ), dt.date(2026, 11, 1 + n), Decimal(n) + Decimal("0.5")]
        for n in range(1, 6)
    ]
    path = excel_stream.write_stream(tmp_path / "f.xlsx", [excel.Sheet("台账", COLUMNS, rows)])
    ws = load_workbook(path).active
    for r in range(2, 7):
        n = r - 1
        assert ws.cell(r, 1).value == f"'=LS{n}" and ws.cell(r, 1).data_type == "s"
        assert ws.cell(r, 2).value == dt.datetime(2026, 11, 25, 9, n)
        assert ws.cell(r, 2).number_format == "yyyy-mm-dd hh:mm"
        assert ws.cell(r, 3).is_date and ws.cell(r, 3).number_format == "yyyy-mm-dd"
        assert ws.cell(r, 4).value == n + 0.5 and ws.cell(r, 4).number_format == "#,##0.00"


def test_styled_sheet(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    excel.add_table_sheet(
        wb, excel.Sheet("排名", [excel.Column("单位"), excel.Column("办结率", 10, "percent")], [["沙子口街道", 0.9903]])
    )
    wb.save(tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")["排名"]
    assert ws["B2"].number_format == "0.00%" and ws.freeze_panes == "A2"


PAYLOADS = [
    '=HYPERLINK("http://evil.example","点我")',
    "=*****",
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]


def _no_formulas(path) -> list:  # type: ignore[no-untyped-def]
    book = load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells), [c.coordinate for c in cells if c.data_type == "f"]
    return cells


def test_streamed_text_that_looks_like_a_formula_stays_text(tmp_path):
    rows = [[p, dt.datetime(2026, 11, 25, 9, 30, tzinfo=TZ), None, Decimal("1")] for p in PAYLOADS]
    rows.append(["张\x00三\x1f", None, dt.date(2026, 11, 25), None])
    path = excel_stream.write_stream(tmp_path / "l.xlsx", [excel.Sheet("台账", COLUMNS, rows)])
    cells = _no_formulas(path)
    values = [c.value for c in cells if c.column == 1][1:]
    # a carriage return comes back as a line feed (excel_stream._line_breaks)
    assert values[: len(PAYLOADS)] == ["'" + p.replace("\r", "\n") for p in PAYLOADS]
    assert values[-1] == "张三"  # NUL and other controls dropped instead of failing the export
    ws = load_workbook(path).active
    assert ws["B2"].is_date and ws["B2"].value == dt.datetime(2026, 11, 25, 9, 30)


def test_a_normal_workbook_saved_through_excel_save_has_no_live_formula(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    ws = excel.add_table_sheet(wb, excel.Sheet("清单", COLUMNS, [[p, None, None, None] for p in PAYLOADS]))
    ws["F1"] = "=1+2"  # what an area writing a cell by hand might leave
    ws["F2"] = "-"
    path = excel.save(wb, tmp_path / "n.xlsx")
    _no_formulas(path)
    back = load_workbook(path)["清单"]
    assert back["A2"].value == "'" + PAYLOADS[0] and back["F1"].value == "'=1+2" and back["F2"].value == "-"


def test_every_sheet_gets_its_print_set_up(tmp_path):
    wide = [excel.Column(f"列{i}", 16) for i in range(10)]
    narrow = [excel.Column("单位", 20), excel.Column("件数", 8, "int")]
    path = excel_stream.write_stream(
        tmp_path / "p.xlsx", [excel.Sheet("宽表", wide, [["x"] * 10]), excel.Sheet("窄表", narrow, [["a", 1]])]
    )
    book = load_workbook(path)
    for ws, orientation in ((book["宽表"], "landscape"), (book["窄表"], "portrait")):
        assert ws.page_setup.orientation == orientation
        # fitToWidth 1 is OOXML's default, which a writer may leave out
        assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
    wb = Workbook()
    wb.remove(wb.active)
    ws = excel.add_table_sheet(wb, excel.Sheet("两行表头", narrow, [["a", 1]]))
    ws.insert_rows(1)
    excel.style_sheet(ws, narrow, first_data_row=3)
    excel.save(wb, tmp_path / "q.xlsx")
    assert load_workbook(tmp_path / "q.xlsx")["两行表头"].print_title_rows == "$1:$2"


def test_writers_replace_a_file_whole_and_refuse_a_folder(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    excel_stream.write_stream(target, [excel.Sheet("表", COLUMNS, [["LS1", None, None, None]])])
    assert load_workbook(target).active["A2"].value == "LS1"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]  # no partial file left behind
    with pytest.raises(ValidationError, match="文件夹"):
        excel_stream.write_stream(tmp_path, [excel.Sheet("表", COLUMNS, [])])


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_text_ever_becomes_a_formula(tmp_path, text):
    path = excel_stream.write_stream(tmp_path / "h.xlsx", [excel.Sheet("表", COLUMNS[:1], [[text]])])
    (cell,) = [c for c in _no_formulas(path) if c.row == 2] or [None]
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text).replace("\ufffe", "").replace("\uffff", "")
    cleaned = "".join(ch for ch in cleaned if not "\ud800" <= ch <= "\udfff")
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")  # line breaks as Excel writes them
    if cell is not None and cell.value is not None:
        assert cell.value in (cleaned, "'" + cleaned)


@pytest.mark.parametrize("text", ["反映\ufffe噪音", "停电\uffff", "路灯\ud800不亮", "=1+1\ufffe"])
def test_text_xml_cannot_hold_is_dropped_not_fatal(tmp_path, text):
    """A citizen's text pasted with a non-character (U+FFFE/FFFF) or a lone surrogate exports."""
    path = excel_stream.write_stream(tmp_path / "n.xlsx", [excel.Sheet("表", COLUMNS[:1], [[text]])])
    value = load_workbook(path).active["A2"].value
    assert value is not None and not any(ch in value for ch in "\ufffe\uffff\ud800")
    assert value.lstrip("'").startswith(text[:2])


@pytest.mark.parametrize("streamed", [True, False])
def test_a_caption_row_names_the_filter_above_the_header(tmp_path, streamed):
    """The title row says what made the list; the header below it is frozen, filtered and printed
    on every page; a caption typed by a clerk (a search text) never becomes a formula."""
    columns = [excel.Column("编号", 12), excel.Column("受理时间", 17, "datetime")]
    moment = dt.datetime(2026, 11, 27, 9, 30, tzinfo=TZ)
    caption = "=诉求台账 · 搜索：燃气"
    sheet = excel.Sheet("台账", columns, [["A-1", moment], ["A-2", moment]], caption=caption)
    path = tmp_path / "out.xlsx"
    if streamed:
        excel_stream.write_stream(path, [sheet])
    else:
        wb = Workbook()
        wb.remove(wb.active)
        excel.add_table_sheet(wb, sheet)
        excel.save(wb, path)
    ws = load_workbook(path)["台账"]
    assert ws["A1"].value == "'" + caption and ws["A1"].data_type == "s"
    assert [ws["A2"].value, ws["B2"].value] == ["编号", "受理时间"]
    assert ws["B3"].value == dt.datetime(2026, 11, 27, 9, 30) and ws["B3"].is_date
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:B4"
    assert ws.print_title_rows == "$1:$2"


def test_every_workbook_the_desk_writes_goes_through_the_one_writer():
    """No module saves an openpyxl workbook itself nor opens an XlsxWriter one: ``excel.save``
    (neutralised cells, print set-up, atomic replace) or ``excel_stream.write_stream`` is the only
    way a workbook reaches the disk."""
    import re
    from pathlib import Path

    import laoshan_desk

    root = Path(laoshan_desk.__file__).parent
    direct = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        if path.name != "excel.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b(wb|workbook|book)\.save\(", line)
        or (path.name != "excel_stream.py" and re.search(r"\bxlsxwriter\b", line))
    ]
    assert direct == []
