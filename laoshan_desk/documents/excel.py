"""The one Excel writer: styled header, frozen panes, filters, widths, dates as dates, print set-up,
and never a live formula from what a citizen typed.

Two ways to write, this module and its streaming sibling:

- :func:`laoshan_desk.documents.excel_stream.write_stream` — a streamed workbook for ledgers of
  any size, in constant memory (XlsxWriter; the reason is in that module);
- a normal ``openpyxl.Workbook`` for small reports with charts: fill it with
  :func:`add_table_sheet` (and :func:`style_sheet`), then write it with :func:`save` — never
  ``wb.save`` — so that every cell is checked and every sheet gets its print set-up.

What every workbook the desk writes gets:

- **no formulas**: a text cell that begins with ``=`` ``+`` ``-`` ``@``, a tab or a carriage
  return (OWASP's list for CSV/formula injection) is written as text with a leading apostrophe
  (``=HYPERLINK(...)`` → ``'=HYPERLINK(...)``; a masked name ``=*****`` too), and :func:`save`
  turns any formula cell left in a normal workbook into such text; characters Excel cannot hold
  (NUL and other control characters) are dropped instead of failing the export;
- **dates and times as real dates** (aware datetimes as Asia/Shanghai wall-clock time);
- **print set-up**: landscape when the columns are wider than a portrait page, fit to one page
  wide, the header rows repeated on every printed page;
- **a caption** (``Sheet.caption``): an optional title row above the header naming what made the
  list (the filter of the list view it was exported from).

Files are written beside the target and renamed over it (documents/output.py), so a crash never
leaves half a workbook; a folder or a device is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from laoshan_desk.documents.output import atomic_write, check_output
from laoshan_desk.domain.timeutil import TZ

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF", name="宋体")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Characters Excel reads as the start of a formula (OWASP: = + - @ tab carriage-return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PORTRAIT_WIDTH = 100  # total column width (characters) that still fits an A4 page upright
DEFAULT_WIDTH = 13.0

FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "money": "#,##0.00",
    "percent": "0.00%",
    "int": "0",
    "text": "@",
}


@dataclasses.dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: str = "text"  # text | date | datetime | money | percent | int


@dataclasses.dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: Iterable[list[Any]]
    fills: Iterable[str | None] | None = None  # per row fill "RRGGBB", aligned with rows
    # A title row above the header saying what made the list ("诉求台账 · 街道：沙子口街道 …"):
    # an export of a filtered list says which filter, as the list view did.
    caption: str = ""


CAPTION_FONT = Font(bold=True, size=12, name="宋体")


# openpyxl's own pattern covers the C0 controls; XML 1.0 also forbids the non-characters U+FFFE/FFFF
# and lone surrogates, which lxml refuses with a ValueError in the middle of an export.
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def safe_text(text: str) -> str:
    """``text`` as Excel must show it: never a formula, no character Excel cannot store.

    A lone "-" stays as it is (it cannot start a formula).
    """
    cleaned = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))
    if cleaned.startswith(FORMULA_STARTS) and cleaned != "-":
        return "'" + cleaned
    return cleaned


def _cell_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dt.datetime):
        # Excel has no time zones: write the wall-clock time in Asia/Shanghai.
        if value.tzinfo is not None:
            value = value.astimezone(TZ)
        return value.replace(tzinfo=None)
    if isinstance(value, decimal.Decimal) and kind in ("money", "percent", "int"):
        return value  # openpyxl writes Decimal as a number
    return value


def print_setup(ws: Any, widths: Iterable[float], header_rows: int = 1) -> None:
    """Landscape when wide, one page wide (any number of pages tall), header rows repeated."""
    total = sum(widths)
    ws.page_setup.orientation = "landscape" if total > PORTRAIT_WIDTH else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows > 0:
        ws.print_title_rows = f"1:{header_rows}"


def style_sheet(ws: Any, columns: list[Column], first_data_row: int = 2) -> None:
    """Header style, widths, frozen header, filter and number formats on a normal worksheet."""
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        head = ws.cell(row=first_data_row - 1, column=i)
        head.font, head.fill, head.border = HEADER_FONT, HEADER_FILL, BORDER
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        fmt = FORMATS.get(col.kind)
        if fmt and fmt != "@":
            for (cell,) in ws.iter_rows(min_row=first_data_row, min_col=i, max_col=i):
                cell.number_format = fmt
    ws.freeze_panes = ws.cell(row=first_data_row, column=1)
    if ws.max_row >= first_data_row - 1:
        ws.auto_filter.ref = f"A{first_data_row - 1}:{get_column_letter(len(columns))}{ws.max_row}"


def add_table_sheet(wb: Workbook, spec: Sheet) -> Any:
    """A styled sheet in a normal workbook (small reports that also carry charts)."""
    ws = wb.create_sheet(spec.title[:31])
    if spec.caption:
        ws.append([safe_text(spec.caption)])
        ws.cell(row=1, column=1).font = CAPTION_FONT
    ws.append([safe_text(c.header) for c in spec.columns])
    fills = list(spec.fills) if spec.fills is not None else []
    for index, row in enumerate(spec.rows):
        ws.append([_cell_value(v, c.kind) for v, c in zip(row, spec.columns, strict=False)])
        fill = fills[index] if index < len(fills) else None
        if fill:
            for cell in ws[ws.max_row]:
                cell.fill = PatternFill("solid", fgColor=fill)
    style_sheet(ws, spec.columns, first_data_row=3 if spec.caption else 2)
    return ws


def neutralise(ws: Worksheet) -> int:
    """Make every cell of a normal worksheet safe text or a plain value; returns how many changed.

    A formula cell (openpyxl makes one of any string that starts with ``=``) becomes text with a
    leading apostrophe, as does text starting with ``+ - @``, a tab or a carriage return.
    """
    changed = 0
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if not isinstance(value, str):
                if cell.data_type == "f":  # an array or table formula object
                    cell.value = safe_text("=" + str(getattr(value, "text", value) or "").lstrip("="))
                    changed += 1
                continue
            safe = safe_text(value)
            if safe != value or cell.data_type == "f":
                cell.value = safe
                cell.data_type = "s"
                changed += 1
    return changed


def _header_rows(ws: Worksheet) -> int:
    frozen = ws.freeze_panes
    if frozen:
        row = ws[frozen].row
        return max(0, int(row) - 1)
    return 1


def _widths(ws: Worksheet) -> list[float]:
    widths = []
    for i in range(1, (ws.max_column or 0) + 1):
        dim = ws.column_dimensions.get(get_column_letter(i))
        widths.append(float(dim.width) if dim is not None and dim.width else DEFAULT_WIDTH)
    return widths


def save(wb: Workbook, path: Path) -> Path:
    """Write a normal workbook: every cell neutralised, every sheet's print set-up, atomically."""
    target = check_output(path, overwrite=True)
    for ws in wb.worksheets:
        if isinstance(ws, Worksheet):
            neutralise(ws)
            print_setup(ws, _widths(ws), _header_rows(ws))
    with atomic_write(target) as tmp:
        wb.save(tmp)
    return target
