"""The desk's one time zone (Asia/Shanghai) and helpers to make aware datetimes.

Domain functions take ``now`` as an argument; only the UI and the CLI call :func:`now`.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


def now() -> dt.datetime:
    """The current time in Asia/Shanghai, aware."""
    return dt.datetime.now(TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """23:59:59.999999 of ``day`` in Asia/Shanghai: a period counted in days ends then."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=TZ)


def parse_date(text: str, field: str = "日期") -> dt.date:
    """YYYY-MM-DD → date, or a ValidationError naming the field."""
    from laoshan_desk.domain.errors import ValidationError

    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(f"{field}格式应为 YYYY-MM-DD，例如 2026-11-25：{text!r}", field=field) from None


def parse_datetime(text: str, field: str = "时间") -> dt.datetime:
    """YYYY-MM-DD HH:MM → aware datetime in Asia/Shanghai, or a ValidationError."""
    from laoshan_desk.domain.errors import ValidationError

    try:
        value = dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except (ValueError, AttributeError):
        raise ValidationError(
            f"{field}格式应为 YYYY-MM-DD HH:MM，例如 2026-11-25 09:30：{text!r}", field=field
        ) from None
    return value.replace(tzinfo=TZ)
