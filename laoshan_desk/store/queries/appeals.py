"""The SQL the appeal queue pages through: scope, filters, lights, full-text search, sorting.

Full-text search on SQLite: an FTS5 table with the trigram tokenizer over ``appeal.content``,
``appellant`` and ``enterprise`` (external content, rowid = ``appeal.seq``), kept current by
triggers. Trigram matching needs at least 3 characters, so words of 1 or 2 Chinese characters use
a second, contentless FTS5 table (``appeal_fts_cjk``, unicode61 tokenizer, rowid = ``appeal.seq``)
over :func:`cjk_spaced` of the same columns: every CJK character is a token of its own and every
run of other characters one placeholder token, so the phrase ``"工 资"`` matches exactly the rows
``LIKE '%工资%'`` would. Its triggers call the SQL function ``laoshan_cjk_spaced``, which store/db.py
registers on every connection it opens (store/sqlfunctions.py): a writer outside the desk (the sqlite3
shell) cannot insert, delete or re-word appeals: it gets "no such function" rather than a
stale index. Other short words (Latin, digits, mixed) fall back to LIKE. On PostgreSQL (or an
SQLite without FTS5) every search is LIKE: correct, slower; a pg_trgm index is the PostgreSQL
counterpart to add when a hall runs one.

Pinyin initials: ``appellant_initials`` holds e.g. ``zs`` for 张三; an all-letter query also
matches it by prefix (a range on the index, so it stays fast on every dialect).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, false, literal_column, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals.filters import LightFilter, QueueScope, StatusGroup
from laoshan_desk.domain.appeals.vocabulary import (
    AWAITING_RESPONSE_CODES,
    FINISHED_CODES,
    OPEN_CODES,
    RUNNING_CODES,
)
from laoshan_desk.store.models.appeals import Appeal, AppealUnit
from laoshan_desk.store.sqlfunctions import CJK_CHARS, CJK_FUNCTION, register

FTS_TABLE = "appeal_fts"
CJK_TABLE = "appeal_fts_cjk"  # the name starts with appeal_fts: migrations leave it alone

# The status groups, as stored codes, from the domain's enum (docs/rules.md §appeals-lights).
RUNNING = RUNNING_CODES  # the completion clock runs
AWAITING_RESPONSE = AWAITING_RESPONSE_CODES  # the response clock can run
OPEN = OPEN_CODES  # 未办结: running or suspended
FINISHED = FINISHED_CODES  # a finish time is recorded

SORTS: dict[str, Any] = {
    "received_at": Appeal.received_at,
    "number": Appeal.number,
    "kind": Appeal.kind,
    "channel": Appeal.channel,
    "status": Appeal.status,
    "level": Appeal.level,
    "completion_limit": Appeal.completion_limit,
    "response_limit": Appeal.response_limit,
    "finished_at": Appeal.finished_at,
    "satisfaction": Appeal.satisfaction,
    "street": Appeal.street_id,
    "unit": Appeal.unit_id,
    "appellant": Appeal.appellant_initials,
}


class QueueFilterLike(Protocol):
    """What the queue filters on (services/appeals/queue.py ``QueueFilter``), read-only."""

    @property
    def scope(self) -> str: ...  # QueueScope code
    @property
    def kind(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...  # a status code, or a StatusGroup code
    @property
    def channel(self) -> str | None: ...
    @property
    def street_id(self) -> uuid.UUID | None: ...
    @property
    def community_id(self) -> uuid.UUID | None: ...
    @property
    def unit_id(self) -> uuid.UUID | None: ...
    @property
    def light(self) -> str | None: ...  # LightFilter code
    @property
    def date_from(self) -> dt.date | None: ...
    @property
    def date_to(self) -> dt.date | None: ...
    @property
    def text(self) -> str | None: ...


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
    """WHERE clause for the search box: content/names (FTS or LIKE), pinyin initials, numbers."""
    words = [w for w in query.split() if w]
    if not words:
        return None
    use_fts = fts_available(session.connection())
    use_cjk = cjk_available(session.connection())
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        options: list[ColumnElement[bool]] = []
        letters = bool(_LETTERS.match(word))
        if use_fts and len(word) >= 3:
            phrase = '"' + word.replace('"', '""') + '"'
            name = f"fts_q{len(conditions)}"
            match = text(f"{FTS_TABLE} MATCH :{name}").bindparams(bindparam(name, value=phrase))
            options.append(Appeal.seq.in_(select(text("rowid")).select_from(text(FTS_TABLE)).where(match)))
        elif use_cjk and _CJK_WORD.match(word):  # 1-2 Chinese characters: one token per character
            phrase = '"' + " ".join(word) + '"'
            name = f"fts_q{len(conditions)}"
            match = text(f"{CJK_TABLE} MATCH :{name}").bindparams(bindparam(name, value=phrase))
            options.append(Appeal.seq.in_(select(text("rowid")).select_from(text(CJK_TABLE)).where(match)))
        elif not letters:  # short Latin words are pinyin initials, not content: no table scan
            pattern = f"%{_escape_like(word)}%"
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


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- scope and filters -------------------------------------------------------------------------
def scope_condition(scope: str, unit_id: uuid.UUID | None, street_id: uuid.UUID | None) -> Any:
    """Rows a role may see: all, its street's (place or handling unit), or its unit's (handling
    unit or co-handling unit). A scoped user without a unit sees nothing."""
    if scope == "all":
        return None
    co = select(AppealUnit.appeal_id).where(AppealUnit.unit_id == unit_id)
    if scope == "street":
        if street_id is None and unit_id is None:
            return false()
        parts = []
        if street_id is not None:
            parts.append(Appeal.street_id == street_id)
        if unit_id is not None:
            parts += [Appeal.unit_id == unit_id, Appeal.id.in_(co)]
        return or_(*parts)
    if unit_id is None:
        return false()
    return or_(Appeal.unit_id == unit_id, Appeal.id.in_(co))


def light_condition(light: str, now: dt.datetime, today: dt.date, horizon: dt.date) -> Any:
    """Row light in SQL (the worse of the two clocks) on the stored limits: the same rule as
    :func:`laoshan_desk.domain.appeals.clocks.row_clock` (tests/store/test_appeal_lights.py).

    red: running and the completion limit passed, or awaiting response past received + 4 h;
    yellow: running, not red, and the limit is today or the next working day, or the response is
    due within the hour; green: the other running ones; grey: no clock runs.
    """
    running = Appeal.status.in_(RUNNING)
    resp_waiting = and_(Appeal.status.in_(AWAITING_RESPONSE), Appeal.responded_at.is_(None))
    # The clock tests sit inside CASE so that the planner narrows by status (few open rows) and
    # does not union index scans over every old row with a passed response limit.
    red_test = or_(Appeal.completion_limit < today, and_(resp_waiting, Appeal.response_limit < now))
    yellow_test = or_(
        Appeal.completion_limit <= horizon, and_(resp_waiting, Appeal.response_limit <= now + dt.timedelta(hours=1))
    )
    red = case((red_test, 1), else_=0) == 1
    yellow = case((yellow_test, 1), else_=0) == 1
    if light == LightFilter.RED:
        return and_(running, red)
    if light == LightFilter.YELLOW:
        return and_(running, yellow, ~red)
    if light == LightFilter.GREEN:
        return and_(running, ~yellow, ~red)
    if light == LightFilter.GREY:
        return ~running
    return None


def narrows_to_open(f: QueueFilterLike) -> bool:
    """True when the filter keeps only open appeals: few rows, best found by the status index."""
    running_light = f.light in (LightFilter.RED, LightFilter.YELLOW, LightFilter.GREEN)
    return (f.status == StatusGroup.OPEN or f.status in OPEN or running_light) and not f.text


def filtered(
    f: QueueFilterLike,
    *,
    session: Session,
    user_id: uuid.UUID | None,
    scope: str,
    unit_id: uuid.UUID | None,
    street_id: uuid.UUID | None,
    now: dt.datetime,
    today: dt.date,
    horizon: dt.date,
    columns: Any = None,
) -> Select[Any]:
    q = select(columns).select_from(Appeal) if columns is not None else select(Appeal)
    conditions = [scope_condition(scope, unit_id, street_id)]
    if f.scope == QueueScope.MINE:
        conditions.append(Appeal.handler_id == user_id if user_id else false())
    elif f.scope == QueueScope.UNIT:
        conditions.append(scope_condition("unit", unit_id, None))
    if f.kind:
        conditions.append(Appeal.kind == f.kind)
    if f.status == StatusGroup.OPEN:
        conditions.append(Appeal.status.in_(OPEN))
    elif f.status == StatusGroup.FINISHED:
        conditions.append(Appeal.status.in_(FINISHED))
    elif f.status:
        conditions.append(Appeal.status == f.status)
    if f.channel:
        conditions.append(Appeal.channel == f.channel)
    if f.street_id:
        conditions.append(Appeal.street_id == f.street_id)
    if f.community_id:
        conditions.append(Appeal.community_id == f.community_id)
    if f.unit_id:
        conditions.append(Appeal.unit_id == f.unit_id)
    if f.light:
        conditions.append(light_condition(f.light, now, today, horizon))
    if f.date_from:
        conditions.append(Appeal.received_at >= _start(f.date_from, now))
    if f.date_to:
        conditions.append(Appeal.received_at < _start(f.date_to + dt.timedelta(days=1), now))
    if f.text and f.text.strip():
        conditions.append(search_condition(session, f.text.strip()))
    conditions = [c for c in conditions if c is not None]
    return q.where(*conditions) if conditions else q


def _start(day: dt.date, now: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)


def order(
    q: Select[Any], sort: str | None, descending: bool, *, few_rows: bool = False, dialect: str = ""
) -> Select[Any]:
    """ORDER BY the sort column (then seq). ``few_rows``: the filter keeps few rows (open appeals),
    so on SQLite the sort column is written ``+column``: that stops the planner from walking the
    whole sort index in order (its statistics are per-status averages and cannot know that open
    appeals are a small minority) and makes it start from the status index, then sort."""
    column = SORTS.get(sort or "received_at", Appeal.received_at)
    if sort is None:
        descending = True  # newest first by default
    if few_rows and dialect == "sqlite":
        column = literal_column(f"+appeal.{column.name}")
    primary = column.desc() if descending else column.asc()
    tie = Appeal.seq.desc() if descending else Appeal.seq.asc()
    return q.order_by(primary, tie)
