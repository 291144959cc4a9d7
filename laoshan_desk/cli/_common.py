"""Helpers every command module shares: the database, arguments, input files, output files, JSON.

Every area's commands use these, so that bad input ends the same way everywhere: one Chinese
line on stderr and exit status 2, nothing changed (see ``cli/__init__.py``).

- ``database(args)``: opens (and upgrades) the database; a bad ``--db`` says so in one line.
- ``date_arg`` / ``count_arg(low, high)``: argparse types bounded to the desk's dates
  (1949-01-01 … 2100-12-31) and to a sane count.
- ``existing_file``: an input file that exists and is an ordinary file.
- ``add_force(parser)`` + ``output_path(args.out, force=args.force)``: an output file that is
  not a folder or a device, and that replaces an existing file only with ``--force``.
- ``load_json_file(path)``: a JSON input file within a size and nesting limit.
- ``report_provisional(calendar, *days)``: the one provisional-year warning every command that
  prints a date gives (docs/rules.md §calendar-provisional-years): the years, for the JSON key
  ``provisional_years`` (always present in such a command's JSON, ``[]`` when none), and one line
  on stderr when there are any; the result itself is printed as before and the exit status stays 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from laoshan_desk.config import database_url
from laoshan_desk.documents.output import check_output
from laoshan_desk.domain import timeutil
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.inputs import check_count
from laoshan_desk.services.bootstrap import open_database
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.store.db import Database

JSON_MAX_BYTES = 2 * 1024 * 1024
JSON_MAX_DEPTH = 32


_opened: list[Database] = []


def database(args: argparse.Namespace) -> Database:
    """The database of ``--db`` (or the default), opened once per command and closed at its end."""
    # A one-time wait (the search index after an upgrade) is said on stderr before it starts.
    db = open_database(database_url(getattr(args, "db", None)), notice=lambda text: print(text, file=sys.stderr))
    _opened.append(db)
    return db


def close_databases() -> None:
    """Release what this command opened (connections and the desk lease), even after an error."""
    while _opened:
        _opened.pop().dispose()


def print_json(value: Any) -> None:
    json.dump(jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class _Calendar(Protocol):
    def is_provisional(self, year: int) -> bool: ...


def provisional_years(calendar: _Calendar, *days: dt.date | str | None) -> list[int]:
    """The provisional years a result reaches: every year from the earliest to the latest of
    ``days`` (a count of working days from one to the other goes through each of them) whose
    make-up working days are not entered. ``days`` are dates, datetimes or ISO text; None and
    text that is not a date are skipped (a deadline that does not run yet)."""
    years = [y for y in (_year_of(d) for d in days) if y is not None]
    if not years:
        return []
    return [y for y in range(min(years), max(years) + 1) if calendar.is_provisional(y)]


def _year_of(day: dt.date | str | None) -> int | None:
    if isinstance(day, dt.date):  # a datetime is a date too
        return day.year
    if isinstance(day, str):
        try:
            return dt.date.fromisoformat(day.strip()[:10]).year
        except ValueError:
            return None
    return None


def provisional_warning(years: list[int]) -> str:
    """The one line a command prints on stderr when its result falls in a provisional year."""
    named = "、".join(str(y) for y in years)
    return f"注意：{named} 年的调休安排尚未录入，结果按法定节假日推算，待国务院公布后请管理员确认"


def report_provisional(calendar: _Calendar, *days: dt.date | str | None) -> list[int]:
    """Warn (one line on stderr) when the result ``days`` reach a provisional year; the years,
    for the JSON output's ``provisional_years`` (``[]`` when none, so the key is always there)."""
    years = provisional_years(calendar, *days)
    if years:
        print(provisional_warning(years), file=sys.stderr)
    return years


def date_arg(text: str) -> dt.date:
    """A YYYY-MM-DD argument within the desk's date range."""
    try:
        return timeutil.parse_date(text, "date", "日期")
    except DeskError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def count_arg(low: int, high: int, label: str = "数量") -> Callable[[str], int]:
    """An argparse type: an integer within ``low`` … ``high`` (refused at once, not after a minute)."""

    def parse(text: str) -> int:
        try:
            return check_count(text, field="n", label=label, low=low, high=high)
        except DeskError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    parse.__name__ = label  # argparse names the type in its message
    return parse


def existing_file(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"文件不存在：{text}")
    return path


def add_force(parser: argparse.ArgumentParser) -> None:
    """``--force``: the one way to let a command replace a file that exists."""
    parser.add_argument("--force", action="store_true", help="目标文件已存在时覆盖它")


def output_path(text: str | Path, *, force: bool) -> Path:
    """The file a command writes: never a folder or a device; an existing file only with --force."""
    return check_output(text, overwrite=force)


def load_json_file(path: Path | str, *, max_bytes: int = JSON_MAX_BYTES, max_depth: int = JSON_MAX_DEPTH) -> Any:
    """Read a JSON input file, or raise a ValidationError (field ``file``) that says what is wrong.

    Refused: a missing file or a folder, more than ``max_bytes``, text that is not UTF-8 JSON,
    and nesting deeper than ``max_depth`` (checked on the raw text first, so a file of a million
    ``[`` never reaches the parser's recursion).
    """
    file = Path(path)
    if not file.is_file():
        raise ValidationError(f"文件不存在：{file}", field="file")
    if file.stat().st_size > max_bytes:
        raise ValidationError(f"文件过大：{file.name}（不能超过 {max_bytes // 1024} KB）", field="file")
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{file.name} 不是 UTF-8 编码的文本", field="file") from None
    if _bracket_depth(text) > max_depth:
        raise ValidationError(f"{file.name} 的层级过深（超过 {max_depth} 层）", field="file")
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValidationError(f"{file.name} 的层级过深", field="file") from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f"（第 {line} 行）" if line else ""
        raise ValidationError(f"{file.name} 不是有效的 JSON{where}", field="file") from None
    return value


_STRINGS = re.compile(r'"(?:\\.|[^"\\])*"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def _bracket_depth(text: str) -> int:
    """The nesting depth the brackets outside strings reach (a linear scan, no recursion)."""
    depth = deepest = 0
    for ch in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest
