"""SQL functions the desk adds to every SQLite connection (registered in store/db.py on connect).

``laoshan_cjk_spaced(text)`` feeds the appeals' 1–2-character search index (see
store/queries/appeals/search.py): each CJK character becomes a token of its own and every run of
anything else one ``0`` token, so adjacent characters are adjacent tokens exactly when they are
adjacent in the text: ``拖欠工资，请`` → ``拖 欠 工 资 0 请``. ``laoshan_cjk_pairs(text)`` feeds the
2-character index: every two adjacent CJK characters one token (``拖欠 欠工 工资``). Its triggers call it, so a program
writing appeals without the desk's code (the plain sqlite3 shell) cannot change indexed columns.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

CJK_FUNCTION = "laoshan_cjk_spaced"
PAIRS_FUNCTION = "laoshan_cjk_pairs"
# CJK ideographs (unified, extension A, compatibility): each is a token of its own in unicode61.
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_SPLIT = re.compile(f"([{CJK_CHARS}])|[^{CJK_CHARS}]+")


def cjk_spaced(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(m.group(1) or "0" for m in _CJK_SPLIT.finditer(value))


_CJK_RUN = re.compile(f"[{CJK_CHARS}]{{2,}}")


def cjk_pairs(value: str | None) -> str | None:
    """Every two adjacent CJK characters as one token: ``拖欠工资，请`` → ``拖欠 欠工 工资``; a
    2-character word is then one token of the pairs index, and is found exactly where
    ``LIKE '%word%'`` finds it (a pair never spans punctuation, a space or another column)."""
    if value is None:
        return None
    return " ".join(run[i : i + 2] for run in _CJK_RUN.findall(value) for i in range(len(run) - 1))


def register(dbapi_connection: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.create_function(CJK_FUNCTION, 1, cjk_spaced, deterministic=True)
        dbapi_connection.create_function(PAIRS_FUNCTION, 1, cjk_pairs, deterministic=True)
