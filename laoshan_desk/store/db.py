"""The engine and session factory for one database, SQLite by default, PostgreSQL by URL.

SQLite is opened with WAL (readers never block the writer), foreign keys on, a busy timeout so
two windows on one machine wait instead of failing, and synchronous=NORMAL (consistent after a
crash; a power cut may lose the last commits — FULL is ~15x slower per commit).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from laoshan_desk.store import sqlfunctions

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API; WAL content included)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from pysqlite (which begins only before writes, so a read
    # and the write that depends on it would see different snapshots); SQLAlchemy's "begin"
    # event below issues BEGIN itself.
    dbapi_connection.isolation_level = None
    sqlfunctions.register(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    # A writing unit of work takes the write lock at once (BEGIN IMMEDIATE): what it reads
    # (the audit chain's last record, a row it updates) cannot change before it writes.
    write = connection.get_execution_options().get("desk_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One database the desk works on: its URL, engine and session factory.

    Services open one short-lived session per clerk action with :meth:`session`; nothing else
    in the desk creates sessions.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_factory = sessionmaker(self.engine.execution_options(desk_write=True), expire_on_commit=False)
        self.cache: dict[str, Any] = {}  # per-database caches (the calendar), cleared on change

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return Path(parsed.database)
        return None

    def display_name(self) -> str:
        """What the status bar shows: the file for SQLite, host/name otherwise (no password)."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise.

        ``write=True`` for a unit of work that writes: on SQLite it holds the write lock from
        the start, so concurrent writers queue (busy timeout) instead of conflicting.
        """
        with (self._write_factory if write else self._factory)() as session:
            with session.begin():
                yield session

    def dispose(self) -> None:
        self.engine.dispose()
