"""The appeals' full-text index on SQLite: two FTS5 tables keyed in the order appeals were received.

``appeal_fts_rcv`` (trigram tokenizer) indexes ``appeal.content``, ``appellant`` and
``enterprise`` for words of 3 characters or more; ``appeal_fts_rcv_pairs`` (unicode61 over
:func:`~laoshan_desk.store.sqlfunctions.cjk_pairs`: every two adjacent CJK characters one token)
serves words of 2 Chinese characters as one token each — a phrase of two single characters would
intersect the position lists of two common characters over every hit, 3–8× slower to count — and
``appeal_fts_rcv_cjk`` (unicode61 over :func:`~laoshan_desk.store.sqlfunctions.cjk_spaced`: every
CJK character a token of its own) words of 1 character, and 2-character words on a database
without the pairs table. All three are contentless (the texts stay
in ``appeal``; a row is forgotten with the values it was indexed with, which the triggers recompute
from the old row) and kept current by triggers on ``appeal``.

**The rowid is the receipt key**, not ``appeal.seq``:

    key = (seconds of received_at since 2000-01-01 UTC) × 2³¹ + (seq + 2³⁰)

so the index's own rowid order is the order received, to the second, ties by ``seq`` — the
queue's default sort (received_at, seq). A search pages through the index in rowid order with a
LIMIT instead of sorting every hit; only appeals received within the same second as a page's edge
need their exact times compared (store/queries/appeals/search.py ``receipt_page``). A re-received
or re-keyed appeal moves in the index (the update trigger fires on ``received_at`` and ``seq``).
``seq`` must stay within ±2³⁰ (the district's keys count up from 1, a street desk's down from
-1) and the seconds within 2³² (until 2136); :func:`seq_of` turns a key back into ``seq``.

Databases made before the receipt key have ``appeal_fts`` and ``appeal_fts_cjk`` keyed by
``seq``; :func:`replace_legacy_fts` (run by the desk's schema upgrade) drops them and builds
these. The names all start with ``appeal_fts``: the Alembic comparison leaves them alone.
The triggers call the SQL functions ``laoshan_cjk_spaced`` and ``laoshan_cjk_pairs``, which
store/db.py registers on every connection it opens: a writer outside the desk (the sqlite3
shell) cannot insert, delete or re-word appeals; it gets "no such function" rather than a stale
index.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from laoshan_desk.store.sqlfunctions import CJK_FUNCTION, PAIRS_FUNCTION, register

FTS_TABLE = "appeal_fts_rcv"
CJK_TABLE = "appeal_fts_rcv_cjk"
PAIRS_TABLE = "appeal_fts_rcv_pairs"
TABLES = (FTS_TABLE, CJK_TABLE, PAIRS_TABLE)
TRIGGERS = tuple(f"{t}_{op}" for t in TABLES for op in ("ai", "ad", "au"))
LEGACY_TABLES = ("appeal_fts", "appeal_fts_cjk")
LEGACY_TRIGGERS = tuple(f"{t}_{op}" for t in LEGACY_TABLES for op in ("ai", "ad", "au"))

SECOND = 1 << 31  # one second of received_at in the key
SEQ_OFFSET = 1 << 30  # seq + SEQ_OFFSET is in [0, 2^31)
SEQ_MASK = SECOND - 1
EPOCH = 946684800  # 2000-01-01 00:00:00 UTC in Unix seconds
_COLUMNS = "content, appellant, enterprise"


def key_sql(row: str) -> str:
    """The receipt key of ``row`` (``new``, ``old``, ``appeal``) as an SQL expression."""
    return f"((CAST(strftime('%s', {row}.received_at) AS INTEGER) - {EPOCH}) * {SECOND} + {row}.seq + {SEQ_OFFSET})"


def seq_sql(rowid: str) -> str:
    """``appeal.seq`` of an index rowid (the key) as an SQL expression."""
    return f"(({rowid} & {SEQ_MASK}) - {SEQ_OFFSET})"


def seq_of(key: int) -> int:
    return (key & SEQ_MASK) - SEQ_OFFSET


def second_of(key: int) -> int:
    """The received second of a key (seconds since 2000, as a count: only compared)."""
    return key >> 31


def _values(table: str, row: str) -> str:
    f = {CJK_TABLE: CJK_FUNCTION, PAIRS_TABLE: PAIRS_FUNCTION}.get(table)
    if f is not None:
        return f"{f}({row}.content), {f}({row}.appellant), {f}({row}.enterprise)"
    return f"{row}.content, {row}.appellant, {row}.enterprise"


def _table_exists(connection: Connection, name: str) -> bool:
    row = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (name,)).first()
    return row is not None


def fts_available(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite" and _table_exists(connection, FTS_TABLE)


def cjk_available(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite" and _table_exists(connection, CJK_TABLE)


def pairs_available(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite" and _table_exists(connection, PAIRS_TABLE)


def _create(connection: Connection, table: str, tokenizer: str) -> bool:
    """Create ``table`` (contentless FTS5), its triggers, and index every appeal; False when this
    SQLite has no FTS5 (or no trigram tokenizer: older than 3.34): the search falls back to LIKE."""
    try:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {table} USING fts5({_COLUMNS}, content='', columnsize=0, tokenize='{tokenizer}')"
        )
    except Exception:  # noqa: BLE001 - an SQLite built without FTS5 or older than 3.34: LIKE only
        return False
    create_triggers(connection, table)
    connection.exec_driver_sql(
        f"INSERT INTO {table}(rowid, {_COLUMNS}) SELECT {key_sql('appeal')}, {_values(table, 'appeal')} FROM appeal"
    )
    return True


def create_triggers(connection: Connection, table: str) -> None:
    """Keep ``table`` current: index a new appeal, forget a deleted one (with the values it was
    indexed with, recomputed from the old row), and move one whose texts, seq or time changed."""
    new, old = _values(table, "new"), _values(table, "old")
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON appeal BEGIN "
        f"INSERT INTO {table}(rowid, {_COLUMNS}) VALUES ({key_sql('new')}, {new}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON appeal BEGIN "
        f"INSERT INTO {table}({table}, rowid, {_COLUMNS}) VALUES ('delete', {key_sql('old')}, {old}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE OF seq, received_at, {_COLUMNS} ON appeal BEGIN "
        f"INSERT INTO {table}({table}, rowid, {_COLUMNS}) VALUES ('delete', {key_sql('old')}, {old}); "
        f"INSERT INTO {table}(rowid, {_COLUMNS}) VALUES ({key_sql('new')}, {new}); END"
    )


def create_fts_triggers(connection: Connection) -> None:
    create_triggers(connection, FTS_TABLE)


def create_cjk_triggers(connection: Connection) -> None:
    create_triggers(connection, CJK_TABLE)


def ensure_cjk(connection: Connection) -> bool:
    """Create the CJK character table and its triggers if missing; True if present."""
    if connection.dialect.name != "sqlite":
        return False
    return cjk_available(connection) or _create(connection, CJK_TABLE, "unicode61")


def ensure_fts(connection: Connection) -> bool:
    """Create the three tables and their triggers if missing (and fill them); True if the trigram
    table is present. Tables keyed the old way are replaced first."""
    if connection.dialect.name != "sqlite":
        return False
    register(connection.connection.dbapi_connection)
    _drop_legacy(connection)
    ensure_cjk(connection)
    if not pairs_available(connection):
        _create(connection, PAIRS_TABLE, "unicode61")
    return fts_available(connection) or _create(connection, FTS_TABLE, "trigram")


def replace_legacy_fts(connection: Connection) -> bool:
    """On a database made before the receipt key (or before one of the three tables): drop the
    seq-keyed tables and build what is missing. True when something was built (it reads every
    appeal once: 28 s for 100,000 appeals, 6.5 min for a million on a busy 2-core machine)."""
    if not fts_outdated(connection):
        return False
    ensure_fts(connection)
    return True


def fts_outdated(connection: Connection) -> bool:
    """Whether :func:`replace_legacy_fts` has work to do (a cheap look at the schema)."""
    if connection.dialect.name != "sqlite":
        return False
    legacy = any(_table_exists(connection, t) for t in LEGACY_TABLES)
    return legacy or not all(_table_exists(connection, t) for t in TABLES)


def fts_rebuild_pending(connection: Connection) -> bool:
    """Whether :func:`replace_legacy_fts` will read appeals (an outdated index over a table that
    has some): a wait a caller should announce. A new, empty database has nothing to wait for."""
    if not fts_outdated(connection):
        return False
    return connection.exec_driver_sql("SELECT 1 FROM appeal LIMIT 1").first() is not None


def _drop_legacy(connection: Connection) -> None:
    names = (*LEGACY_TABLES, *LEGACY_TRIGGERS)
    marks = ", ".join("?" * len(names))
    if connection.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE name IN ({marks})", names).first() is None:
        return
    for trigger in LEGACY_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in LEGACY_TABLES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def drop_fts(connection: Connection) -> None:
    """For bulk loads: drop the indexes and triggers; :func:`ensure_fts` rebuilds them after."""
    if connection.dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in TABLES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    _drop_legacy(connection)
