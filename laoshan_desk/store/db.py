"""The engine and session factory for one database, SQLite by default, PostgreSQL by URL.

SQLite is opened with WAL (readers never block the writer), foreign keys on, a busy timeout so
two windows on one machine wait instead of failing, and ``synchronous=FULL``: the counters have
no UPS, and with NORMAL a power cut may lose the last commits a clerk was told were saved
(docs/reliability.md gives the measured cost).

Failures a clerk can meet become :class:`~laoshan_desk.domain.errors.DeskError` here, once for
every area: a URL that cannot be parsed or a folder given as the database (``ValidationError``
on field ``db``), a file that is not a database, a write lock held too long by another desk
(``BusyError`` "数据库正忙（另一台窗口正在导入），请稍后重试"), and a database an admin is restoring
(``BusyError``; see :mod:`laoshan_desk.store.presence`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from laoshan_desk.domain.errors import BUSY_MESSAGE, BusyError, ValidationError
from laoshan_desk.store import sqlfunctions
from laoshan_desk.store.presence import Lease, offline_marker

BUSY_TIMEOUT_MS = 10_000
SYNCHRONOUS = "FULL"
RESTORING_MESSAGE = "数据库正在由管理员从备份恢复，请稍后重试"
URL_HINT = "应为 sqlite:///文件路径 或 postgresql+psycopg://用户@主机/库名"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def check_url(url: str) -> URL:
    """Parse a database URL or raise a ValidationError (field ``db``) a clerk can read."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        raise ValidationError(f"数据库地址无法识别：{str(url)[:80]!r}（{URL_HINT}）", field="db") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ValidationError(f"不支持的数据库类型：{backend}（{URL_HINT}）", field="db")
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "")
        if path.is_dir():
            raise ValidationError(f"{path} 是一个文件夹，不是数据库文件", field="db")
        if path.exists() and not path.is_file():
            raise ValidationError(f"{path} 不是普通文件，不能用作数据库", field="db")
    return parsed


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked"/"busy" (another connection holds the write lock),
    and PostgreSQL's lock timeout (another counter held the writers' lock past the busy timeout)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return (
        "database is locked" in text
        or "database table is locked" in text
        or "database is busy" in text
        or "canceling statement due to lock timeout" in text
    )


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API; WAL content included)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


class _SqliteGuard:
    """Per-engine check before every transaction: nobody else is restoring the file."""

    def __init__(self, path: Path) -> None:
        self.marker = offline_marker(path)
        self.token: str | None = None  # set while this Database itself restores the file

    def check(self) -> None:
        if not self.marker.exists():
            return
        try:
            owner = self.marker.read_text("utf-8").strip()
        except OSError:
            owner = ""
        if owner != self.token:
            raise BusyError(RESTORING_MESSAGE)


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
    cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    cursor.close()


def _begin(guard: _SqliteGuard | None) -> Any:
    def on_begin(connection: Any) -> None:
        # A writing unit of work takes the write lock at once (BEGIN IMMEDIATE): what it reads
        # (the audit chain's last record, a row it updates) cannot change before it writes.
        write = connection.get_execution_options().get("desk_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if guard is not None:
            try:
                guard.check()
            except BusyError:
                connection.exec_driver_sql("ROLLBACK")
                raise

    return on_begin


# One key for every desk's writers on a PostgreSQL server: a writing unit of work takes it first
# (as SQLite's BEGIN IMMEDIATE takes the file's write lock), so what it reads before it writes
# (a version, a number series, the audit chain's last record) cannot change under it, and two
# counters never wait on each other's rows in opposite orders (no deadlocks).
PG_WRITE_LOCK = 424242


def _pg_begin(connection: Any) -> None:
    if connection.get_execution_options().get("desk_write", False):
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_MS}ms'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def make_engine(url: str, guard: _SqliteGuard | None = None) -> Engine:
    parsed = check_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _begin(guard))
            return engine
        engine = create_engine(parsed, pool_pre_ping=True)
        event.listen(engine, "begin", _pg_begin)
        return engine
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ValidationError(f"缺少数据库驱动：{exc}（PostgreSQL 需安装 psycopg）", field="db") from None
    except OSError as exc:
        raise ValidationError(f"无法建立数据库文件夹：{exc.strerror or exc}", field="db") from None


class Database:
    """One database the desk works on: its URL, engine and session factory.

    Services open one short-lived session per clerk action with :meth:`session`; nothing else
    in the desk creates sessions.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        check_url(url)
        path = self.sqlite_path
        self._guard = _SqliteGuard(path) if path is not None else None
        self.lease: Lease | None = Lease(path) if path is not None else None
        self.engine = make_engine(url, self._guard)
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
            return Path(parsed.database or "")
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
        the start, so concurrent writers queue (busy timeout) instead of conflicting. A lock
        still held after the timeout (a long import elsewhere) raises ``BusyError``.
        """
        if self.lease is not None:
            self.lease.touch()
        try:
            with (self._write_factory if write else self._factory)() as session:
                with session.begin():
                    yield session
        except OperationalError as exc:
            if is_busy(exc):
                raise BusyError(BUSY_MESSAGE) from exc
            raise
        except DatabaseError as exc:
            if "file is not a database" in str(exc.orig):
                raise ValidationError(f"{self.display_name()} 不是本系统的数据库文件", field="db") from exc
            raise

    def keep_alive(self) -> None:
        """Refresh this desk's lease (the window calls it every minute while it is open)."""
        if self.lease is not None:
            self.lease.touch(force=True)

    @contextlib.contextmanager
    def offline(self) -> Iterator[None]:
        """Take the SQLite file offline for every other desk while the block runs (a restore).

        Other desks' transactions are refused with ``BusyError`` from the moment the marker is
        written; this Database's own sessions still work.
        """
        if self._guard is None:
            yield
            return
        marker = self._guard.marker
        token = uuid.uuid4().hex
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise BusyError(RESTORING_MESSAGE) from None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token)
        self._guard.token = token
        try:
            yield
        finally:
            self._guard.token = None
            with contextlib.suppress(OSError):
                marker.unlink()

    def dispose(self) -> None:
        if self.lease is not None:
            self.lease.release()
        self.engine.dispose()
