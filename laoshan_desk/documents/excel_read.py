"""The one Excel reader every import uses: bounded, streaming, and polite about broken files.

    sheet = read_sheet(path, ["日期", "类型", "说明"], required=["日期", "类型"])
    for row_number, values in sheet:        # values: {"日期": date | str | None, "类型": ..., ...}
        ...
    if sheet.more_rows:                     # the row cap stopped it: tell the clerk
        ...

What it guarantees, so that no import has to think about hostile or broken workbooks:

- a file over ``max_bytes`` (default 20 MB), or whose parts would unpack to more than
  :data:`MAX_UNPACKED_BYTES`, is refused before it is opened;
- not a workbook (an ``.xls``, a renamed text file, a broken zip), or corrupt XML inside a valid
  zip (``ParseError``, ``IndexError``, ``KeyError``, ``BadZipFile`` ...) is a ValidationError
  with a Chinese sentence, raised when the file is opened or while rows are read;
- the sheet's declared dimension is ignored (a 5 KB file may claim 16,384 × 1,048,576 cells),
  at most ``max_rows`` data rows are read (``more_rows`` says when more were there), and reading
  stops at the first run of ``blank_run`` empty rows;
- text is cleaned (control characters removed, line breaks kept, trimmed; an empty cell is
  None) and cut at ``max_cell_chars``: a longer cell comes back as :class:`Truncated` (a str
  holding the first ``max_cell_chars`` characters, with ``original_length``), so the validator
  refuses it as too long instead of the reader holding megabytes;
- numbers, dates and datetimes come back as Python values (openpyxl's, ``data_only``: a formula
  gives its cached value, never the formula text); a formula with no cached value (a workbook
  written by a program that does not calculate, or never opened in Excel since) comes back as
  :class:`Formula` (a str holding the formula), so the import says "this cell is a formula"
  instead of "this cell is empty". Only a sheet that holds formulas is read a second time for
  them (a byte scan of its XML decides).

An import checks each row with :func:`unreadable` first: it names the first cell the reader cut
or could not evaluate, with the Chinese sentence for the clerk.

The header row is the first of the first :data:`HEADER_SCAN` rows that holds every required
column (``aliases`` maps other spellings to the names in ``columns``); unknown columns are
ignored, a missing required column is refused with the list of what was found.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from lxml.etree import LxmlError  # type: ignore[import-untyped]  # no stubs installed
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.inputs import strip_controls
from laoshan_desk.pacing import pace

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 100_000
BLANK_RUN = 200
MAX_CELL_CHARS = 5_000
HEADER_SCAN = 10

# What a broken workbook raises from inside openpyxl, zipfile and the XML parsers (openpyxl reads
# sheets with xml.etree's iterparse and the workbook's parts with lxml).
_BROKEN = (
    LxmlError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ParseError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    EOFError,
    OSError,
    UnicodeError,
    OverflowError,
)


class Formula(str):
    """A formula cell without a cached value; the str is the formula as written (``=SUM(A1:A3)``)."""


class Truncated(str):
    """A cell's text cut at the reader's limit; ``original_length`` is how long it was."""

    original_length: int

    def __new__(cls, text: str, original_length: int) -> Truncated:
        obj = super().__new__(cls, text)
        obj.original_length = original_length
        return obj


def unreadable(values: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first cell of a row the reader cut or could not evaluate, as ``(column, message)``;
    None when every cell was read whole. Storing a cut text would lose the rest; storing a
    formula would store text nobody typed (and a formula is never what a platform exports)."""
    for name, value in values.items():
        if isinstance(value, Truncated):
            return name, f"{name}过长（{value.original_length} 字），请删减后再导入"
        if isinstance(value, Formula):
            shown = value if len(value) <= 30 else value[:30] + "…"
            return name, (
                f"{name}是公式（{shown}），没有计算结果，不能导入；"
                "请在 Excel 中打开后复制该列，用“选择性粘贴 → 数值”替换公式，保存后再导入"
            )
    return None


# A formula element in a sheet's XML: <f>, <f t="shared" …/>, or with a namespace prefix <x:f>.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_SCAN_CHUNK = 1 << 20


def _has_formulas(book: Any, sheet: Any) -> bool:
    """Whether the sheet's XML holds any formula element (scanned in chunks, never held whole)."""
    path = getattr(sheet, "_worksheet_path", None)
    archive = getattr(book, "_archive", None)
    if path is None or archive is None:
        return True  # cannot tell: read the formulas, which is only slower
    tail = b""
    with archive.open(path) as source:
        while chunk := source.read(_SCAN_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _with_formulas(values: tuple[Any, ...], formulas: tuple[Any, ...]) -> tuple[Any, ...]:
    """``values`` (cached results) with each formula that has no result replaced by :class:`Formula`."""
    out = list(values)
    for position, formula in enumerate(formulas[: len(out)]):
        if out[position] is None and formula is not None:
            text = formula if isinstance(formula, str) else getattr(formula, "text", None) or str(formula)
            if text.startswith("="):
                out[position] = Formula(strip_controls(text[:200]))
    return tuple(out)


def _clean(value: Any, max_chars: int) -> Any:
    if isinstance(value, Formula):
        return value
    if isinstance(value, str):
        original = len(value)
        text = strip_controls(value[: max_chars * 2], multiline=True).strip()
        if not text:
            return None
        if original > max_chars * 2 or len(text) > max_chars:
            return Truncated(text[:max_chars], original)
        return text
    return value


def _check_file(path: Path, max_bytes: int) -> None:
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}", field="file")
    size = path.stat().st_size
    if size > max_bytes:
        limit = f"{max_bytes / 1024 / 1024:g} MB"
        raise ValidationError(
            f"文件过大：{path.name}（{size / 1024 / 1024:.1f} MB，上限 {limit}），请分成几个文件导入", field="file"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise ValidationError(
            f"{path.name} 不是 Excel 工作簿（.xlsx）；旧版 .xls 请先在 Excel 中另存为 .xlsx", field="file"
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(f"{path.name} 解压后过大（{unpacked // 1024 // 1024} MB），不予读取", field="file")


def _broken(path: Path, exc: BaseException, where: str = "") -> ValidationError:
    at = f"（读到{where}时）" if where else ""
    return ValidationError(
        f"{path.name} 已损坏或不是有效的 Excel 工作簿{at}：{type(exc).__name__}，请在 Excel 中打开后另存再试",
        field="file",
    )


class SheetReader:
    """One sheet, header found; iterate for ``(row_number, {column: value})`` of non-empty rows."""

    def __init__(
        self,
        path: Path,
        columns: Sequence[str],
        *,
        required: Collection[str],
        aliases: Mapping[str, str],
        sheet: int | str,
        max_bytes: int,
        max_rows: int,
        blank_run: int,
        max_cell_chars: int,
    ) -> None:
        self.path = path
        self.columns = list(columns)
        self.max_rows = max_rows
        self.blank_run = blank_run
        self.max_cell_chars = max_cell_chars
        self.more_rows = False  # the row cap stopped reading before the sheet's end
        self.rows_read = 0
        _check_file(path, max_bytes)
        try:
            self._book = load_workbook(path, read_only=True, data_only=True)
        except InvalidFileException:  # a zip that is not a workbook, or a name openpyxl will not open
            raise ValidationError(
                f"{path.name} 不是 Excel 工作簿（.xlsx/.xlsm），请在 Excel 中另存为 .xlsx 再导入", field="file"
            ) from None
        except _BROKEN as exc:
            raise _broken(path, exc) from None
        self._formula_sheet: Any = None
        try:
            self._sheet = self._pick(self._book, sheet)
            self._sheet.reset_dimensions()  # never trust the declared size
            try:
                if _has_formulas(self._book, self._sheet):
                    self._formula_book = load_workbook(path, read_only=True, data_only=False)
                    self._formula_sheet = self._pick(self._formula_book, sheet)
                    self._formula_sheet.reset_dimensions()
            except _BROKEN as exc:
                raise _broken(path, exc) from None
            self.header_row, self._index = self._find_header(required, aliases)
        except BaseException:
            self.close()
            raise

    def _pick(self, book: Any, sheet: int | str) -> Any:
        names = book.sheetnames
        if isinstance(sheet, str):
            if sheet not in names:
                raise ValidationError(f"{self.path.name} 中没有名为“{sheet}”的工作表", field="file")
            return book[sheet]
        if not 0 <= sheet < len(names):
            raise ValidationError(f"{self.path.name} 中没有可读取的工作表（文件可能已损坏）", field="file")
        return book[names[sheet]]

    def _raw_rows(self, first: int) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
        """Rows from ``first`` to the cap (+1, to notice more), numbered as Excel numbers them."""
        last = first + self.max_rows if first > 1 else HEADER_SCAN
        number = first - 1
        try:
            rows = self._sheet.iter_rows(min_row=first, max_row=last, values_only=True)
            # Each row paces a worker (laoshan_desk/pacing.py): openpyxl reading a big file
            # would otherwise keep the GUI thread waiting for the interpreter, as a writer does.
            if self._formula_sheet is None:
                for values in rows:
                    pace()
                    number += 1
                    yield number, values
                return
            formulas = self._formula_sheet.iter_rows(min_row=first, max_row=last, values_only=True)
            for values in rows:
                pace()
                number += 1
                yield number, _with_formulas(values, next(formulas, ()))
        except _BROKEN as exc:
            raise _broken(self.path, exc, f"第 {number + 1} 行") from None

    def _find_header(self, required: Collection[str], aliases: Mapping[str, str]) -> tuple[int, dict[int, str]]:
        wanted = {name: name for name in self.columns} | dict(aliases)
        seen: list[str] = []
        rows = self._raw_rows(1)
        for number, values in rows:
            index: dict[int, str] = {}
            for position, cell in enumerate(values):
                text = _clean(cell, 100)
                name = wanted.get(str(text)) if text is not None else None
                if name is not None and name not in index.values():
                    index[position] = name
            if index and set(required) <= set(index.values()):
                rows.close()
                return number, index
            if not seen:
                seen = [str(_clean(v, 20)) for v in values if _clean(v, 20) is not None][:12]
        missing = "、".join(name for name in self.columns if name in required)
        found = "、".join(seen) or "（空）"
        raise ValidationError(f"{self.path.name} 缺少必需的列：{missing}。第一行是：{found}", field="file")

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        blank = 0
        try:
            for number, values in self._raw_rows(self.header_row + 1):
                if number > self.header_row + self.max_rows:
                    self.more_rows = any(v not in (None, "") for v in values) or self.more_rows
                    break
                self.rows_read += 1
                row = {name: None for name in self.columns}
                for position, name in self._index.items():
                    if position < len(values):
                        row[name] = _clean(values[position], self.max_cell_chars)
                if all(v is None for v in row.values()):
                    blank = blank + 1 if all(v in (None, "") for v in values) else 0
                    if blank >= self.blank_run:
                        break
                    continue
                blank = 0
                yield number, row
        finally:
            self.close()

    @property
    def found(self) -> frozenset[str]:
        """The columns the header row has (a missing optional column reads as None in every row)."""
        return frozenset(self._index.values())

    def rows(self) -> list[tuple[int, dict[str, Any]]]:
        """Every row at once (for small imports that check the whole file before writing)."""
        return list(self)

    def close(self) -> None:
        for attribute in ("_book", "_formula_book"):
            book = getattr(self, attribute, None)
            if book is not None:
                book.close()


def read_sheet(
    path: Path | str,
    columns: Sequence[str],
    *,
    required: Collection[str] = (),
    aliases: Mapping[str, str] | None = None,
    sheet: int | str = 0,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    blank_run: int = BLANK_RUN,
    max_cell_chars: int = MAX_CELL_CHARS,
) -> SheetReader:
    """Open ``path`` and find its header; iterate the result for the rows (see the module doc).

    Raises ValidationError (field ``file``) at once for a file that is too big, not a workbook,
    broken, or missing a required column; iteration raises it for corrupt rows further on.
    """
    return SheetReader(
        Path(path),
        columns,
        required=required,
        aliases=aliases or {},
        sheet=sheet,
        max_bytes=max_bytes,
        max_rows=max_rows,
        blank_run=blank_run,
        max_cell_chars=max_cell_chars,
    )
