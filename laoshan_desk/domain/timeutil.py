"""The desk's one time zone (Asia/Shanghai), its one end of day, and dates read from people.

Domain functions take ``now`` as an argument; only the UI and the CLI call :func:`now`.

Every date that comes in (typed, imported, given on the command line) is bounded to
:data:`MIN_DATE` … :data:`MAX_DATE` (1949-01-01 … 2100-12-31): nothing the desk handles lies
outside, and a bound here keeps date arithmetic far from Python's year 1 and 9999, where it
overflows. :func:`parse_date` and :func:`parse_datetime` read text; :func:`check_range` checks a
date or datetime that arrived already parsed (an Excel cell, a date picker, a computed deadline).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from laoshan_desk.domain.errors import ValidationError

TZ = ZoneInfo("Asia/Shanghai")
MIN_DATE = dt.date(1949, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
_RANGE_TEXT = f"{MIN_DATE.isoformat()} 至 {MAX_DATE.isoformat()}"


def now() -> dt.datetime:
    """The current time in Asia/Shanghai, aware."""
    return dt.datetime.now(TZ)


def aware(value: dt.datetime) -> dt.datetime:
    """Attach Asia/Shanghai to a naive datetime; convert an aware one to it."""
    if value.tzinfo is None:
        return value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """23:59:59.999999 of ``day`` in Asia/Shanghai: a period counted in days ends then, and a
    limit that falls on ``day`` has passed once ``now > end_of_day(day)``.
    """
    return dt.datetime.combine(day, dt.time.max, tzinfo=TZ)


def check_range(value: dt.date, field: str = "日期", label: str | None = None) -> dt.date:
    """Return ``value`` (a date or datetime) unchanged, or raise a ValidationError on ``field``.

    ``label`` is the word the message uses ("受理日期"); it defaults to ``field``.
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    if not MIN_DATE <= day <= MAX_DATE:
        name = label or field
        raise ValidationError(f"{name}超出可受理的范围（{_RANGE_TEXT}）：{day.isoformat()}", field=field)
    return value


def parse_date(text: str, field: str = "日期", label: str | None = None) -> dt.date:
    """YYYY-MM-DD → date within the desk's range, or a ValidationError naming the field."""
    name = label or field
    try:
        value = dt.date.fromisoformat(str(text).strip()[:32])
    except (ValueError, AttributeError, TypeError):
        shown = str(text)[:40]
        raise ValidationError(f"{name}格式应为 YYYY-MM-DD，例如 2026-11-25：{shown!r}", field=field) from None
    return check_range(value, field, name)


def parse_datetime(text: str, field: str = "时间", label: str | None = None) -> dt.datetime:
    """YYYY-MM-DD HH:MM → aware datetime in Asia/Shanghai within range, or a ValidationError."""
    name = label or field
    try:
        value = dt.datetime.strptime(str(text).strip()[:32], "%Y-%m-%d %H:%M")
    except (ValueError, AttributeError, TypeError):
        shown = str(text)[:40]
        raise ValidationError(
            f"{name}格式应为 YYYY-MM-DD HH:MM，例如 2026-11-25 09:30：{shown!r}", field=field
        ) from None
    check_range(value, field, name)
    return value.replace(tzinfo=TZ)
