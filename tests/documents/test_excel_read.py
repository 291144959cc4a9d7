"""The one Excel reader: real workbooks, hostile ones and broken ones, each answered in Chinese."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from laoshan_desk.documents import excel_read
from laoshan_desk.documents.excel_read import Truncated, read_sheet
from laoshan_desk.domain.errors import ValidationError

COLUMNS = ["日期", "类型", "说明"]


def _book(path: Path, rows: list[list[object]], title_rows: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.append([f"标题 {i}"])
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _rewrite(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    """Copy the workbook's zip with one member's bytes changed (None drops it)."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == member:
                data = change(data)
                if data is None:
                    continue
            dst.writestr(info.filename, data)


def test_reads_rows_by_header_with_python_values(tmp_path):
    path = _book(tmp_path / "a.xlsx", [[dt.date(2027, 2, 20), "上班", " 春节调休 "], [None, None, None], ["x", 1, 2.5]])
    sheet = read_sheet(path, COLUMNS, required=["日期", "类型"])
    rows = sheet.rows()
    assert rows == [
        (2, {"日期": dt.datetime(2027, 2, 20), "类型": "上班", "说明": "春节调休"}),
        (4, {"日期": "x", "类型": 1, "说明": 2.5}),
    ]
    assert sheet.header_row == 1 and not sheet.more_rows


def test_finds_the_header_below_title_rows_and_accepts_aliases(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["崂山区 2027 年调休安排"])
    ws.append([])
    ws.append(["备注", "日期（必填）", "类别", "无关列"])
    ws.append(["说明一", "2027-01-02", "休息", "忽略"])
    wb.save(tmp_path / "b.xlsx")
    sheet = read_sheet(
        tmp_path / "b.xlsx",
        COLUMNS,
        required=["日期", "类型"],
        aliases={"日期（必填）": "日期", "类别": "类型", "备注": "说明"},
    )
    assert sheet.rows() == [(4, {"日期": "2027-01-02", "类型": "休息", "说明": "说明一"})]


def test_a_missing_required_column_says_what_was_found(tmp_path):
    wb = Workbook()
    wb.active.append(["日子", "类型"])
    wb.save(tmp_path / "c.xlsx")
    with pytest.raises(ValidationError) as exc:
        read_sheet(tmp_path / "c.xlsx", COLUMNS, required=["日期", "类型"])
    assert exc.value.field == "file" and "缺少必需的列：日期、类型" in exc.value.message and "日子" in exc.value.message


@pytest.mark.timeout(60)
def test_a_huge_declared_dimension_is_ignored(tmp_path):
    path = _book(tmp_path / "d.xlsx", [["2027-01-02", "休息", "x"]])
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>'),
    )
    with zipfile.ZipFile(path) as z:
        assert b"XFD1048576" in z.read("xl/worksheets/sheet1.xml")
    assert path.stat().st_size < 10_000
    assert [n for n, _ in read_sheet(path, COLUMNS)] == [2]


@pytest.mark.timeout(60)
def test_a_million_empty_rows_stop_at_the_first_long_blank_run(tmp_path):
    path = _book(tmp_path / "e.xlsx", [["2027-01-02", "休息", "x"]])

    def pad(data: bytes) -> bytes:
        empty = b"".join(b'<row r="%d"/>' % n for n in range(3, 1_000_003))
        tail = b'<row r="1000003"><c r="A1000003" t="inlineStr"><is><t>late</t></is></c></row>'
        return data.replace(b"</sheetData>", empty + tail + b"</sheetData>")

    _rewrite(path, "xl/worksheets/sheet1.xml", pad)
    assert [n for n, _ in read_sheet(path, COLUMNS)] == [2]


def test_the_row_cap_stops_reading_and_says_so(tmp_path):
    path = _book(tmp_path / "f.xlsx", [[f"2027-01-{d:02d}", "休息", ""] for d in range(1, 11)])
    sheet = read_sheet(path, COLUMNS, max_rows=5)
    assert [n for n, _ in sheet] == [2, 3, 4, 5, 6] and sheet.more_rows


@pytest.mark.timeout(60)
def test_a_ten_megabyte_cell_comes_back_cut_and_marked(tmp_path):
    path = _book(tmp_path / "g.xlsx", [["2027-01-02", "休息", "PLACEHOLDER"]])  # Excel itself stops at 32,767
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b"PLACEHOLDER", ("长" * 10_000_000).encode()))
    ((_, values),) = read_sheet(path, COLUMNS).rows()
    note = values["说明"]
    assert isinstance(note, Truncated) and len(note) == excel_read.MAX_CELL_CHARS
    assert note.original_length == 10_000_000


def test_text_is_cleaned_on_the_way_in():
    assert excel_read._clean("\x00 第一行\x1f\r\n第二行 ", 100) == "第一行\n第二行"
    assert excel_read._clean(" \x00 ", 100) is None
    assert excel_read._clean(12.5, 100) == 12.5


@pytest.mark.parametrize(
    ("member", "change"),
    [
        ("xl/worksheets/sheet1.xml", lambda data: data[: len(data) // 2]),  # ParseError
        ("xl/worksheets/sheet1.xml", None),  # KeyError: the sheet is gone
        (
            "xl/worksheets/sheet1.xml",
            lambda data: data.replace(
                b'<c r="A2" t="inlineStr">', b'<c r="A2" t="s"><v>999</v></c><c r="Z2" t="inlineStr">'
            ),
        ),  # IndexError
        ("xl/worksheets/sheet1.xml", lambda data: data.replace(b'<c r="A2"', b'<c r="?!"')),
        ("xl/styles.xml", lambda data: b"<styleSheet><broken"),
        ("xl/workbook.xml", lambda data: b"not xml at all"),
        ("[Content_Types].xml", None),
    ],
)
def test_corrupt_parts_inside_a_valid_zip_are_a_message(tmp_path, member, change):
    path = _book(tmp_path / "h.xlsx", [["2027-01-02", "休息", "x"]])
    _rewrite(path, member, change if change is not None else (lambda data: None))
    with pytest.raises(ValidationError) as exc:
        read_sheet(path, COLUMNS, required=["日期"]).rows()
    assert exc.value.field == "file" and ("损坏" in exc.value.message or "缺少" in exc.value.message), exc.value.message


@pytest.mark.parametrize(
    "content", [b"", b"plain text, not a workbook", b"\xd0\xcf\x11\xe0 an old .xls", b"PK\x03\x04broken"]
)
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, content):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        read_sheet(path, COLUMNS)


def test_size_limits_are_checked_before_opening(tmp_path, monkeypatch):
    path = _book(tmp_path / "big.xlsx", [["2027-01-02", "休息", "x" * 50_000]])
    with pytest.raises(ValidationError, match="文件过大"):
        read_sheet(path, COLUMNS, max_bytes=1000)
    monkeypatch.setattr(excel_read, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(ValidationError, match="解压后过大"):
        read_sheet(path, COLUMNS)
    with pytest.raises(ValidationError, match="找不到文件"):
        read_sheet(tmp_path / "missing.xlsx", COLUMNS)


def test_a_zip_that_is_not_a_workbook_or_has_another_name_is_refused(tmp_path):
    other = tmp_path / "backup.ldbak"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("laoshan-desk.sqlite3", b"x")
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        read_sheet(other, COLUMNS)
    renamed = tmp_path / "data.sqlite3"
    renamed.write_bytes(_book(tmp_path / "real.xlsx", []).read_bytes())
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        read_sheet(renamed, COLUMNS)


def test_a_formula_without_a_result_comes_back_marked_and_is_named(tmp_path):
    """openpyxl (and other programs that do not calculate) write formulas with no cached value:
    the cell is read as a Formula, and unreadable() names it as a formula, not as empty."""
    path = _book(tmp_path / "f.xlsx", [["2027-02-20", '=IF(1,"上班","休息")', "春节"]])
    rows = read_sheet(path, COLUMNS, required=["日期", "类型"]).rows()
    assert rows == [(2, {"日期": "2027-02-20", "类型": '=IF(1,"上班","休息")', "说明": "春节"})]
    kind = rows[0][1]["类型"]
    assert isinstance(kind, excel_read.Formula)
    column, message = excel_read.unreadable(rows[0][1]) or ("", "")
    assert column == "类型" and "公式" in message and "选择性粘贴" in message


def test_a_formula_with_a_cached_result_gives_the_result(tmp_path):
    """A workbook saved by Excel keeps each formula's last result: that is what the clerk saw."""
    path = _book(tmp_path / "c.xlsx", [["2027-02-20", "上班", "=1+1"]])
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>").replace(
            b"<f>1+1</f><v/>", b"<f>1+1</f><v>2</v>"
        ),
    )
    with zipfile.ZipFile(path) as z:
        assert b"<v>2</v>" in z.read("xl/worksheets/sheet1.xml")
    rows = read_sheet(path, COLUMNS, required=["日期", "类型"]).rows()
    assert rows[0][1]["说明"] == 2 and excel_read.unreadable(rows[0][1]) is None


def test_a_sheet_without_formulas_is_read_once(tmp_path):
    path = _book(tmp_path / "p.xlsx", [["2027-02-20", "上班", "普通文字 =不是公式"]])
    sheet = read_sheet(path, COLUMNS, required=["日期", "类型"])
    assert sheet._formula_sheet is None  # the byte scan found no formula element
    assert sheet.rows()[0][1]["说明"] == "普通文字 =不是公式"
