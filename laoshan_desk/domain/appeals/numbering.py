"""The appeal number: LS + the date received + the day's 4-digit serial (LS202611250001)."""

from __future__ import annotations

import datetime as dt
import re

from laoshan_desk.domain.errors import ValidationError

APPEAL_NUMBER_PREFIX = "LS"
_NUMBER_RE = re.compile(r"^LS(\d{4})(\d{2})(\d{2})(\d{4})$")


def format_appeal_number(day: dt.date, serial: int) -> str:
    """LS + YYYYMMDD of receipt + the day's 4-digit serial from 1: LS202611250001."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not 1 <= serial <= 9999:
        # About 120 appeals a day arrive; 9,999 leaves two orders of magnitude of room.
        raise ValidationError(f"当日诉求序号{serial}超出范围（1–9999）", field="number")
    return f"{APPEAL_NUMBER_PREFIX}{day:%Y%m%d}{serial:04d}"


def parse_appeal_number(number: str) -> tuple[dt.date, int]:
    """(day received, serial) of a desk appeal number; raises ValidationError when malformed."""
    match = _NUMBER_RE.match((number or "").strip().upper())
    if match:
        year, month, day, serial = (int(g) for g in match.groups())
        try:
            parsed = dt.date(year, month, day)
        except ValueError:
            parsed = None
        if parsed is not None and serial >= 1:
            return parsed, serial
    raise ValidationError(f"诉求编号“{number}”格式不正确，应为LS+8位日期+4位序号，如LS202611250001", field="number")


def is_appeal_number(number: str) -> bool:
    try:
        parse_appeal_number(number)
    except ValidationError:
        return False
    return True
