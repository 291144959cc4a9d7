"""Shared by the reliability harnesses: a desk home of their own, a database in it, a clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
PASSWORD = "Harness2026secure"


def new_home(prefix: str) -> Path:
    """A data directory of its own (key, anchors, attachments), set for this process and its children."""
    home = Path(tempfile.mkdtemp(prefix=f"desk-{prefix}-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(home)
    os.environ.pop("LAOSHAN_DESK_DB", None)
    os.environ.pop("LAOSHAN_DESK_AUDIT_KEY", None)
    return home


def new_database(home: Path, name: str = "desk.sqlite3"):  # type: ignore[no-untyped-def]
    """An initialised database with an admin; returns (db, admin)."""
    from laoshan_desk.services import auth, bootstrap

    db = bootstrap.open_database(f"sqlite:///{home / name}")
    bootstrap.init(db, now=NOW)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", PASSWORD), now=NOW)
    return db, admin


def integrity(path: Path) -> str:
    try:
        with contextlib.closing(sqlite3.connect(path)) as con:
            return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return f"error: {exc}"


def chain_ok(db) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    from laoshan_desk.services import audit
    from laoshan_desk.services.context import system_actor

    report = audit.verify_chain(db, system_actor("harness"), now=NOW)
    return report.ok, report.message
