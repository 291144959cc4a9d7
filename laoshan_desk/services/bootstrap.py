"""Opening a database for work: create or upgrade the schema (after a backup), load reference data.

The composition root of the desk: ``app.py`` and ``cli`` both call :func:`open_database`.
"""

from __future__ import annotations

from laoshan_desk.services.context import Actor, system_actor
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database


def upgrade_schema(db: Database) -> str | None:
    """Bring the schema to the newest revision; back up first when there is data to protect.

    Returns the path of the automatic backup, if one was taken.
    """
    if not migrate.needs_upgrade(db):
        return None
    backup_path = None
    if not migrate.is_empty(db):
        from laoshan_desk.services.backup import automatic_backup

        taken = automatic_backup(db, "before-upgrade")
        backup_path = str(taken) if taken else None
    migrate.upgrade(db)
    db.cache.clear()
    return backup_path


def open_database(url: str) -> Database:
    db = Database(url)
    upgrade_schema(db)
    return db


def init(db: Database, actor: Actor | None = None, *, demo: bool = False, **demo_options: object) -> dict[str, object]:
    """``laoshan-desk init``: the schema, the reference data, and optionally the demo data."""
    from laoshan_desk.services import demo as seeds
    from laoshan_desk.services import org

    actor = actor or system_actor("init")
    upgrade_schema(db)
    report: dict[str, object] = {"organisation": org.load_reference(db, actor)}
    report.update(seeds.load_reference(db, actor))
    if demo:
        report["demo"] = seeds.load_demo(db, actor, **demo_options)
    return report
