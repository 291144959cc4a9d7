"""Finding enterprises (一企一档) by USCC, name or pinyin initials, in SQL.

A prefix of a USCC or of the initials is a range on an indexed column (``uscc >= 'X' AND uscc <
'X\\uffff'``): it uses the index on every dialect, where ``LIKE 'X%'`` does not on SQLite (whose
LIKE ignores case). A piece of a name is a ``LIKE '%…%'`` walk of the name index that stops at
the page; bench/alliance_bench.py measures both at 50,000 enterprises.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_, case, or_

from laoshan_desk.store.models.enterprises import Enterprise

_USCC_CHARS = re.compile(r"^[0-9A-Z]+$")
_INITIALS_CHARS = re.compile(r"^[a-z0-9]+$")
_TOP = "\uffff"


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ascii(text: str) -> bool:
    return all(ch.isascii() for ch in text)


def search_condition(text: str) -> Any:
    """The WHERE clause for what a clerk typed: letters and digits are the start of a USCC or of
    the pinyin initials (index ranges, no scan; a name that begins with Latin letters has them in
    its initials too: TCL科技 → tclkj); anything else is a part of the name."""
    value = text.strip()
    upper, lower = value.upper(), value.lower()
    if not _ascii(value):
        return Enterprise.name.like(f"%{_escape_like(value)}%", escape="\\")
    parts: list[ColumnElement[bool]] = []
    if _USCC_CHARS.match(upper) and any(ch.isdigit() for ch in upper):
        parts.append(and_(Enterprise.uscc >= upper, Enterprise.uscc < upper + _TOP))
    if _INITIALS_CHARS.match(lower):
        parts.append(and_(Enterprise.initials >= lower, Enterprise.initials < lower + _TOP))
    if not parts:  # punctuation and the like: still a part of a name
        return Enterprise.name.like(f"%{_escape_like(value)}%", escape="\\")
    return or_(*parts)


def search_order(text: str) -> list[Any]:
    """A part of a name: by name (the name index, stopping at the page); a code or initials: the
    exact USCC first, then by initials and name (few rows)."""
    value = text.strip()
    if not _ascii(value):
        return [Enterprise.name]
    return [case((Enterprise.uscc == value.upper(), 0), else_=1), Enterprise.initials, Enterprise.name]
