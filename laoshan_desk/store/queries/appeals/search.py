"""Full-text search over the appeals: the FTS5 tables, their triggers, the search condition.

Full-text search on SQLite: an FTS5 table with the trigram tokenizer over ``appeal.content``,
``appellant`` and ``enterprise`` (external content, rowid = ``appeal.seq``), kept current by
triggers. Trigram matching needs at least 3 characters, so words of 1 or 2 Chinese characters use
a second, contentless FTS5 table (``appeal_fts_cjk``, unicode61 tokenizer, rowid = ``appeal.seq``)
over :func:`cjk_spaced` of the same columns: every CJK character is a token of its own and every
run of other characters one placeholder token, so the phrase ``"工 资"`` matches exactly the rows
``LIKE '%工资%'`` would. Its triggers call the SQL function ``laoshan_cjk_spaced``, which store/db.py
registers on every connection it opens (store/sqlfunctions.py): a writer outside the desk (the sqlite3
shell) cannot insert, delete or re-word appeals: it gets "no such function" rather than a
stale index. Other short words (Latin, digits, mixed) fall back to LIKE. On PostgreSQL the texts
are matched with ILIKE, served by pg_trgm GIN indexes for 3 characters or more; an SQLite without
FTS5 uses LIKE: correct, slower.

A search of Chinese words alone is answered from the FTS table itself: the count is the index's,
and a page is the index's rows newest first (rowid = seq, the order of entry), sorted by the
time received only within the page shown (:func:`text_only_match`). With a scope or other filters
and the same order, the FTS table drives the page (:func:`in_index_order`): hits are joined to the
appeals in the index's order and the scan stops when the page is full. Pages in entry order agree
with the time received except for appeals entered later than they were received (imports); any
other sort orders every hit in SQL.

Pinyin initials: ``appellant_initials`` holds e.g. ``zs`` for 张三; an all-letter query also
matches it by prefix (a range on the index, so it stays fast on every dialect).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    or_,
    select,
    text,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.sqlfunctions import CJK_CHARS, CJK_FUNCTION, register

FTS_TABLE = "appeal_fts"
CJK_TABLE = "appeal_fts_cjk"  # the name starts with appeal_fts: migrations leave it alone
# -- full-text index -----------------------------------------------------------------------------
_CJK_WORD = re.compile(f"^[{CJK_CHARS}]+$")


def _table_exists(connection: Connection, name: str) -> bool:
    row = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (name,)).first()
    return row is not None


def fts_available(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    return _table_exists(connection, FTS_TABLE)


def cjk_available(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    return _table_exists(connection, CJK_TABLE)


def ensure_fts(connection: Connection) -> bool:
    """Create the FTS5 trigram table, the CJK character table and their triggers if missing (and
    fill them); True if the trigram table is present."""
    if connection.dialect.name != "sqlite":
        return False
    register(connection.connection.dbapi_connection)
    ensure_cjk(connection)
    if fts_available(connection):
        return True
    try:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(content, appellant, enterprise, "
            f"content='appeal', content_rowid='seq', tokenize='trigram')"
        )
    except Exception:  # noqa: BLE001 - an SQLite built without FTS5 or older than 3.34: LIKE only
        return False
    create_fts_triggers(connection)
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")
    return True


def ensure_cjk(connection: Connection) -> bool:
    """Create the CJK character table (contentless) and its triggers if missing, and index the
    existing appeals; True if present."""
    if connection.dialect.name != "sqlite":
        return False
    if cjk_available(connection):
        return True
    try:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {CJK_TABLE} USING fts5(content, appellant, enterprise, "
            f"content='', columnsize=0, tokenize='unicode61')"
        )
    except Exception:  # noqa: BLE001 - an SQLite built without FTS5: LIKE only
        return False
    create_cjk_triggers(connection)
    f = CJK_FUNCTION
    connection.exec_driver_sql(
        f"INSERT INTO {CJK_TABLE}(rowid, content, appellant, enterprise) "
        f"SELECT seq, {f}(content), {f}(appellant), {f}(enterprise) FROM appeal"
    )
    return True


def create_fts_triggers(connection: Connection) -> None:
    cols = "content, appellant, enterprise"
    new = "new.content, new.appellant, new.enterprise"
    old = "old.content, old.appellant, old.enterprise"
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_ai AFTER INSERT ON appeal BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.seq, {new}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_ad AFTER DELETE ON appeal BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.seq, {old}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_au AFTER UPDATE OF content, appellant, enterprise ON appeal "
        f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.seq, {old}); "
        f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.seq, {new}); END"
    )


def create_cjk_triggers(connection: Connection) -> None:
    """A contentless table forgets a row only when given the values it indexed: the deterministic
    function recomputes them from the old row."""
    cols = "content, appellant, enterprise"
    f = CJK_FUNCTION
    new = f"{f}(new.content), {f}(new.appellant), {f}(new.enterprise)"
    old = f"{f}(old.content), {f}(old.appellant), {f}(old.enterprise)"
    t = CJK_TABLE
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_cjk_ai AFTER INSERT ON appeal BEGIN "
        f"INSERT INTO {t}(rowid, {cols}) VALUES (new.seq, {new}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_cjk_ad AFTER DELETE ON appeal BEGIN "
        f"INSERT INTO {t}({t}, rowid, {cols}) VALUES ('delete', old.seq, {old}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS appeal_fts_cjk_au AFTER UPDATE OF seq, content, appellant, enterprise "
        f"ON appeal BEGIN INSERT INTO {t}({t}, rowid, {cols}) VALUES ('delete', old.seq, {old}); "
        f"INSERT INTO {t}(rowid, {cols}) VALUES (new.seq, {new}); END"
    )


def drop_fts(connection: Connection) -> None:
    """For bulk loads: drop the indexes and triggers; :func:`ensure_fts` rebuilds them after."""
    if connection.dialect.name != "sqlite":
        return
    for trigger in (
        "appeal_fts_ai",
        "appeal_fts_ad",
        "appeal_fts_au",
        "appeal_fts_cjk_ai",
        "appeal_fts_cjk_ad",
        "appeal_fts_cjk_au",
    ):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {CJK_TABLE}")


_LETTERS = re.compile(r"^[A-Za-z]+$")
_DIGITS = re.compile(r"^[\d\-]{4,}$")
_NUMBERISH = re.compile(r"^[A-Za-z]*\d[\w\-]*$")


def search_condition(session: Session, query: str) -> Any:
    """WHERE clause for the search box: content/names (FTS or LIKE), pinyin initials, numbers.

    On PostgreSQL the texts are matched with ILIKE, which the pg_trgm GIN indexes (migration
    0021) serve for 3 characters or more; shorter words read every row, as LIKE does on SQLite,
    and match exactly what SQLite's FTS tables match (tests/store/test_appeal_search.py).
    """
    words = [w for w in query.split() if w]
    if not words:
        return None
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    use_fts = fts_available(connection)
    use_cjk = cjk_available(connection)
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        options: list[ColumnElement[bool]] = []
        letters = bool(_LETTERS.match(word))
        pattern = f"%{_escape_like(word)}%"
        if postgres and (len(word) >= 3 or not letters):
            options += [
                Appeal.content.ilike(pattern, escape="\\"),
                Appeal.appellant.ilike(pattern, escape="\\"),
                Appeal.enterprise.ilike(pattern, escape="\\"),
            ]
        elif use_fts and len(word) >= 3:
            name = f"fts_q{len(conditions)}"
            match = text(f"{FTS_TABLE} MATCH :{name}").bindparams(bindparam(name, value=_phrase(word)))
            options.append(Appeal.seq.in_(select(text("rowid")).select_from(text(FTS_TABLE)).where(match)))
        elif use_cjk and _CJK_WORD.match(word):  # 1-2 Chinese characters: one token per character
            name = f"fts_q{len(conditions)}"
            match = text(f"{CJK_TABLE} MATCH :{name}").bindparams(bindparam(name, value=_cjk_phrase(word)))
            options.append(Appeal.seq.in_(select(text("rowid")).select_from(text(CJK_TABLE)).where(match)))
        elif not letters:  # short Latin words are pinyin initials, not content: no table scan
            options += [
                Appeal.content.like(pattern, escape="\\"),
                Appeal.appellant.like(pattern, escape="\\"),
                Appeal.enterprise.like(pattern, escape="\\"),
            ]
        if letters:
            low = word.lower()
            options.append(and_(Appeal.appellant_initials >= low, Appeal.appellant_initials < low + "{"))
        upper = word.upper()
        if _NUMBERISH.match(word):  # appeal numbers: LS2026…, city-platform numbers, digits
            options.append(and_(Appeal.number >= upper, Appeal.number < upper + "~"))
        if _DIGITS.match(word):
            options.append(Appeal.phone.like(f"%{word}%"))
        conditions.append(or_(*options))
    return and_(*conditions)


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _cjk_phrase(word: str) -> str:
    return '"' + " ".join(word) + '"'


def text_only_match(connection: Connection, query: str) -> tuple[str, str] | None:
    """(FTS table, MATCH expression) when the search is words of Chinese characters only, all of
    one table's kind (3 or more characters: the trigram table; 1-2: the character table): then
    the hits, their count and their order are the FTS table's own (:func:`fts_count`,
    :func:`fts_page`). None otherwise (the general :func:`search_condition` applies)."""
    words = [w for w in query.split() if w]
    if not words or not all(_CJK_WORD.match(w) for w in words):
        return None
    if all(len(w) >= 3 for w in words) and fts_available(connection):
        return FTS_TABLE, " ".join(_phrase(w) for w in words)
    if all(len(w) <= 2 for w in words) and cjk_available(connection):
        return CJK_TABLE, " ".join(_cjk_phrase(w) for w in words)
    return None


def fts_count(session: Session, table: str, match: str) -> int:
    """How many rows match, counted in the FTS index itself (no join to the appeals)."""
    sql = text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :m").bindparams(m=match)
    return int(session.scalar(sql) or 0)


def fts_page(
    session: Session, table: str, match: str, offset: int, limit: int, *, descending: bool = True
) -> list[int]:
    """One page of matching ``appeal.seq`` in the index's own order, newest entered first (oldest
    first when not ``descending``)."""
    way = "DESC" if descending else "ASC"
    sql = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :m ORDER BY rowid {way} LIMIT :l OFFSET :o")
    return list(session.scalars(sql.bindparams(m=match, l=limit, o=offset)))


def in_index_order(q: Select[Any], fts: str, match: str, *, descending: bool) -> Select[Any]:
    """``q`` (a select over the appeals, without the search condition) driven by the FTS table:
    its hits joined to the appeals, the other conditions tested hit by hit, in the index's order
    (rowid = seq, the order of entry). With a LIMIT the scan stops once a page is full, so a
    scoped or filtered search reads a page's worth of hits, not all of them, and sorts nothing."""
    index = sql_table(fts, sql_column("rowid"))
    rowid = index.c.rowid
    match_clause = text(f"{fts} MATCH :fts_match").bindparams(bindparam("fts_match", value=match))
    joined = q.join(index, rowid == Appeal.seq).where(match_clause)
    return joined.order_by(rowid.desc() if descending else rowid.asc())


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
