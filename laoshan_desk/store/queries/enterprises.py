"""Finding enterprises (一企一档) by USCC, name or pinyin initials, in SQL.

A prefix of a USCC or of the initials is a range on an indexed column (``uscc >= 'X' AND uscc <
'X\\uffff'``): it uses the index on every dialect, where ``LIKE 'X%'`` does not on SQLite (whose
LIKE ignores case). A piece of a name is a ``LIKE '%…%'`` scan of the names, a few milliseconds
for 50,000 enterprises (bench/alliance_bench.py).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_, case, or_

from laoshan_desk.store.models.enterprises import Enterprise

_USCC_CHARS = re.compile(r"^[0-9A-Z]+$")
_INITIALS = re.compile(r"^[a-z]+$")
_TOP = "\uffff"


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(text: str) -> Any:
    """The WHERE clause for what a clerk typed: a USCC (or its start), initials, or part of a name."""
    value = text.strip()
    upper, lower = value.upper(), value.lower()
    parts: list[ColumnElement[bool]] = [Enterprise.name.like(f"%{_escape_like(value)}%", escape="\\")]
    if _USCC_CHARS.match(upper) and any(ch.isdigit() for ch in upper):
        parts.append(and_(Enterprise.uscc >= upper, Enterprise.uscc < upper + _TOP))
    if _INITIALS.match(lower):
        parts.append(and_(Enterprise.initials >= lower, Enterprise.initials < lower + _TOP))
    return or_(*parts)


def search_order(text: str) -> list[Any]:
    """Exact USCC first, then names that start with the text, then by name."""
    value = text.strip()
    return [
        case((Enterprise.uscc == value.upper(), 0), else_=1),
        case((Enterprise.name.like(f"{_escape_like(value)}%", escape="\\"), 0), else_=1),
        Enterprise.name,
    ]
