"""Reading the alliance's import workbooks: the desk's one reader and one report.

The rows come from ``documents/excel_read.py`` (size and row caps, the declared dimension ignored,
a stop after a long run of empty rows, a Chinese message for a broken file, control characters
stripped, a cut cell or a formula without a result named as such), the answer is
``services/imports.py``'s :class:`ImportReport`. What is the alliance's own: :func:`apply_rows`
(each row in a savepoint) and the cell readers below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from laoshan_desk.documents import excel_read
from laoshan_desk.documents.excel import FORMULA_STARTS
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.imports import ImportReport, Rejected

__all__ = [
    "ImportReport",
    "Rejected",
    "RowError",
    "apply_rows",
    "cell_day",
    "cell_moment",
    "cell_text",
    "read_sheet",
]

MAX_ROWS = 200_000


class RowError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def apply_rows(
    session: Session,
    rows: Iterable[tuple[int, dict[str, Any]]],
    apply: Callable[[Session, dict[str, Any]], bool],
    field_columns: Mapping[str, str],
) -> tuple[int, int, list[Rejected]]:
    """Each row in its own savepoint: ``apply(session, values)`` is True when it updated a record on file,
    False when it added one; a row with a cell the reader could not take whole, or refused (a
    RowError, or a DeskError whose field ``field_columns`` names a column of), leaves nothing
    behind and is reported. Returns (added, updated, rejected)."""
    added = updated = 0
    rejected: list[Rejected] = []
    for number, values in rows:
        unreadable = excel_read.unreadable(values)
        if unreadable is not None:
            rejected.append(Rejected(number, *unreadable))
            continue
        try:
            with session.begin_nested():
                if apply(session, values):
                    updated += 1
                else:
                    added += 1
        except RowError as err:
            rejected.append(Rejected(number, err.column, err.message))
        except DeskError as exc:
            rejected.append(Rejected(number, field_columns.get(exc.field or "", ""), exc.message))
    return added, updated, rejected


def read_sheet(path: Path, columns: Sequence[str], *, required: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The first sheet's rows as ``(row number, {header: value})`` through the desk's one reader.

    Raises ValidationError (field ``file``) for a missing, oversized or broken file, a missing
    required column, or more than :data:`MAX_ROWS` rows (the whole file is refused: the importers
    read every row before they write any).
    """
    sheet = excel_read.read_sheet(Path(path), columns, required=required, max_rows=MAX_ROWS)
    yield from sheet
    if sheet.more_rows:
        raise ValidationError(f"最多导入 {MAX_ROWS} 行，请分成几个文件导入", field="file")


def cell_text(value: Any) -> str:
    """A cell as text. The apostrophe the desk's writer puts before a text starting with = + - @
    (``documents/excel.py`` ``safe_text``: never a live formula) is taken off again, so that a
    workbook the desk exported imports as the text it holds, not with an apostrophe added."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone or code typed as a number comes back as 13812345678.0
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def cell_moment(value: Any, column: str) -> dt.datetime | None:
    """A time from a real Excel date or text ``YYYY-MM-DD HH:MM``, in Asia/Shanghai."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=TZ)
    text = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=TZ)
        except ValueError:
            continue
    raise ValidationError(f"{column}格式应为 YYYY-MM-DD HH:MM：{text[:40]}", field=column)


def cell_day(value: Any, column: str) -> dt.date | None:
    moment = cell_moment(value, column)
    return moment.date() if moment is not None else None
