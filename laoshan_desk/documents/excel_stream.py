"""The streamed workbook: ledgers and lists of any size (≤ 1,048,575 rows a sheet), row by row in
constant memory, with everything :mod:`laoshan_desk.documents.excel` promises of a workbook the
desk writes (styled header, caption row, frozen panes, filter, widths, dates as dates, print
set-up, no live formula, atomic replace).

Written with XlsxWriter rather than openpyxl's write-only mode: for the same 100,000-row ledger
with real dates it writes in about two thirds of the time (``bench/rows_appeals.py``, the ledger
row; the README's performance section), and ``strings_to_formulas=False`` makes every string a
string cell whatever it starts with. The apostrophe of :func:`~laoshan_desk.documents.excel.safe_text` is
kept all the same, so the text a clerk sees in Excel is the same from both writers and a cell
edited in Excel cannot turn into a formula either. A carriage return becomes a line feed (see
:func:`_line_breaks`). openpyxl still reads every workbook and writes the small ones with charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlsxwriter

from laoshan_desk.documents.excel import FORMATS, PORTRAIT_WIDTH, Sheet, _cell_value, safe_text
from laoshan_desk.documents.output import atomic_write, check_output
from laoshan_desk.pacing import pace

_OPTIONS = {
    "constant_memory": True,  # each row is flushed to disk once the next begins
    "strings_to_formulas": False,  # a citizen's "=..." is text, never a formula
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": FORMATS["date"],  # a date outside a date column is still a date
}
_FONT = "宋体"
_HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "pattern": 1, "font_name": _FONT}
_A4 = 9  # XlsxWriter's paper code for A4


class _Formats:
    """One XlsxWriter format per (number format, fill), made on first use: a workbook holds
    each style once however many cells carry it."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[tuple[str | None, str | None], Any] = {}

    def get(self, number_format: str | None, fill: str | None) -> Any:
        key = (number_format, fill)
        if key not in self.made:
            spec: dict[str, Any] = {}
            if number_format:
                spec["num_format"] = number_format
            if fill:
                spec.update(bg_color=f"#{fill}", pattern=1)
            self.made[key] = self.book.add_format(spec) if spec else None
        return self.made[key]


def _line_breaks(text: str) -> str:
    """Line breaks as Excel writes them in a cell (LF). A carriage return would be stored as
    ``_x000D_`` in a streamed (inline) string, which Excel decodes but openpyxl — the desk's own
    reader, when a list comes back as an import — does not."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _write_sheet(book: Any, formats: _Formats, spec: Sheet) -> None:
    ws = book.add_worksheet(spec.title[:31])
    widths = [c.width for c in spec.columns]
    for i, width in enumerate(widths):
        ws.set_column(i, i, width)
    top = 1 if spec.caption else 0  # the header's row (0-based)
    ws.freeze_panes(top + 1, 0)
    # Landscape when the columns are wider than an upright A4 page, one page wide, the caption
    # and header repeated on every printed page (documents/excel.print_setup does the same).
    if sum(widths) > PORTRAIT_WIDTH:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(_A4)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, top)
    if spec.caption:
        caption = book.add_format({"bold": True, "font_size": 12, "font_name": _FONT})
        ws.write_string(0, 0, safe_text(spec.caption), caption)
    header = book.add_format({**_HEADER, "align": "center", "valign": "vcenter"})
    for i, col in enumerate(spec.columns):
        ws.write_string(top, i, safe_text(col.header), header)
    number_formats = [f if (f := FORMATS.get(col.kind)) and f != "@" else None for col in spec.columns]
    kinds = [col.kind for col in spec.columns]
    fills: Iterator[str | None] | None = iter(spec.fills) if spec.fills is not None else None
    # The typed writers directly (XlsxWriter's generic ``write`` dispatches on every cell): text
    # and times are almost every cell of a ledger.
    write_string, write_datetime, write_other = ws.write_string, ws.write_datetime, ws.write
    plain = [formats.get(f, None) for f in number_formats]
    row = top
    for values in spec.rows:
        # Streamed off the GUI thread (an export runs for minutes at 1,000,000 rows): XlsxWriter
        # lets the interpreter go for a moment at each file write, which alone never lets a
        # waiting GUI thread in; pace() hands it over every 10 ms (laoshan_desk/pacing.py).
        pace()
        row += 1
        fill = next(fills, None) if fills is not None else None
        styles = [formats.get(f, fill) for f in number_formats] if fill else plain
        for i, value in enumerate(values[: len(kinds)]):
            style = styles[i]
            kind = type(value)
            if value is None:
                if fill:
                    ws.write_blank(row, i, None, style)
            elif kind is str:
                text = safe_text(value)
                write_string(row, i, _line_breaks(text) if "\r" in text else text, style)
            elif kind is dt.datetime:
                write_datetime(row, i, _cell_value(value, kinds[i]), style)
            elif kind is dt.date:
                write_datetime(row, i, value, style)
            else:
                write_other(row, i, _cell_value(value, kinds[i]), style)
    ws.autofilter(top, 0, row, len(spec.columns) - 1)


def write_stream(path: Path, sheets: list[Sheet]) -> Path:
    """Write ``sheets`` row by row to ``path`` (replaced whole; a folder or device refused)."""
    target = check_output(path, overwrite=True)
    with atomic_write(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), _OPTIONS)
        formats = _Formats(book)
        try:
            for spec in sheets:
                _write_sheet(book, formats, spec)
        finally:
            book.close()
    return target
