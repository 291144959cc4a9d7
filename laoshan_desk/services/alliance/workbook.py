"""Reading the alliance's import workbooks, and the report an import returns.

The desk's one reader (``documents/excel_read.py``) and report (``services/imports.py``) were not
on the main line when the alliance's imports were written; this module follows the appeals
importer and the rules conventions.md gives the shared reader (size limit, row cap, a stop after
a long run of empty rows, a Chinese message for a broken file, control characters stripped), with
the same shape — ``read_sheet(path, columns, required=...)`` yielding ``(row_number, {header:
value})`` and ``ImportReport(imported, updated, rejected=[Rejected(row, column, message)])`` — so
that moving to the shared pieces changes only the imports at the top of the two importers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.timeutil import TZ

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
BLANK_RUN = 200
MAX_CELL_CHARS = 5000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclasses.dataclass(frozen=True)
class Rejected:
    row: int
    column: str
    message: str


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
    False when it added one; a refused row (a RowError, or a DeskError whose field
    ``field_columns`` names a column of) leaves nothing behind and is reported. Returns
    (added, updated, rejected)."""
    added = updated = 0
    rejected: list[Rejected] = []
    for number, values in rows:
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


@dataclasses.dataclass(frozen=True)
class ImportReport:
    imported: int
    updated: int
    rejected: tuple[Rejected, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "rejected": [dataclasses.asdict(r) for r in self.rejected],
        }

    @property
    def summary(self) -> str:
        return f"新增 {self.imported} 条，更新 {self.updated} 条，拒绝 {len(self.rejected)} 行"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        text = _CONTROL.sub("", value).strip()
        return text[:MAX_CELL_CHARS]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_sheet(path: Path, columns: Sequence[str], *, required: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The first sheet's rows as ``(row number, {header: value})``; header in row 1, any order.

    Raises ValidationError (field ``file``) for a missing, oversized or broken file or a missing
    required column; extra columns are ignored.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"文件不存在：{path}", field="file")
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"应为 .xlsx 工作簿：{path.name}", field="file")
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError(f"文件超过 {MAX_BYTES // 1024 // 1024} MB：{path.name}", field="file")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a zip error, bad XML, not a workbook at all ...
        raise ValidationError(f"无法读取 Excel 文件 {path.name}（{type(exc).__name__}）", field="file") from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            raise ValidationError("工作表为空：第 1 行应为表头", field="file")
        index: dict[str, int] = {}
        for i, cell in enumerate(header):
            name = _clean(cell) if isinstance(cell, str) else cell
            if name in columns and name not in index:
                index[str(name)] = i
        missing = [c for c in required if c not in index]
        if missing:
            raise ValidationError("缺少表头：" + "、".join(missing), field="file")
        blank = 0
        for number, raw in enumerate(rows, start=2):
            if number - 1 > MAX_ROWS:
                raise ValidationError(f"最多导入 {MAX_ROWS} 行", field="file")
            values = {name: _clean(raw[i]) if i < len(raw) else None for name, i in index.items()}
            if all(v in (None, "") for v in values.values()):
                blank += 1
                if blank >= BLANK_RUN:
                    break
                continue
            blank = 0
            yield number, values
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - corrupt XML further into the sheet
        raise ValidationError(f"Excel 文件 {path.name} 已损坏（{type(exc).__name__}）", field="file") from None
    finally:
        wb.close()


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


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
