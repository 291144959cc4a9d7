"""Is the database reachable? (The status bar's online/offline word.) Is this desk still open?"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from laoshan_desk.store.db import Database


def ping(db: Database) -> bool:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False


def is_embedded(db: Database) -> bool:
    """True for the embedded SQLite file: the desk works with no network at all."""
    return db.sqlite_path is not None


def keep_alive(db: Database) -> None:
    """Tell the other desks this one still has the database open (its lease; see store/presence.py).

    The window calls it every minute: a restore is refused while another desk is open.
    """
    db.keep_alive()


def describe(db: Database) -> str:
    return db.display_name()
