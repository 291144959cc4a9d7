"""Schema upgrades with Alembic, run by ``init`` and at start-up, after an automatic backup.

Areas add migrations as branches off the foundation revision, so the desk upgrades to
``heads`` (every branch's head). :func:`upgrade_with_backup` is the one way the desk upgrades a
database that holds data: it first copies the file into the backups folder it is given (as
Vorta's ``store/connection.py`` backs up before ``run_migrations``), so a failed upgrade never
costs a clerk's work.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect

from laoshan_desk.store.db import Database, copy_sqlite

MIGRATIONS = Path(__file__).parent / "migrations"


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave SQLite's full-text search tables (made by the appeals area at run time) alone."""
    return not (type_ == "table" and bool(name) and str(name).startswith("appeal_fts"))


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


@functools.cache
def _script_directory(location: str) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", location)
    return ScriptDirectory.from_config(config)


def _scripts(db: Database) -> ScriptDirectory:
    """The migration scripts, read once per process (every command opening a database asks)."""
    return _script_directory(str(MIGRATIONS))


def head_revisions(db: Database) -> set[str]:
    return set(_scripts(db).get_heads())


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def unknown_revisions(db: Database) -> set[str]:
    """Revisions recorded in the database that this program's migrations do not know.

    A database written by a newer version of the desk has them: it must not be opened (or
    restored) by this one, whose upgrade would fail half-way.
    """
    scripts = _scripts(db)
    unknown = set()
    for revision in current_revisions(db):
        try:
            if scripts.get_revision(revision) is None:
                unknown.add(revision)
        except CommandError:
            unknown.add(revision)
    return unknown


def is_empty(db: Database) -> bool:
    """True when the database has no tables of ours (a brand-new file)."""
    return not inspect(db.engine).get_table_names()


def needs_upgrade(db: Database) -> bool:
    return current_revisions(db) != head_revisions(db)


def upgrade(db: Database) -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "heads")


def backup_name(db: Database, backups: Path) -> Path | None:
    """Where the automatic copy before an upgrade goes: named after the revisions it holds.

    No clock is read: the name says what the copy is (``desk-before-0005_number_series.sqlite3``)
    and a second copy of the same state gets ``-2``, ``-3`` ...
    """
    source = db.sqlite_path
    if source is None:
        return None
    revisions = "+".join(sorted(current_revisions(db))) or "empty"
    stem = f"{source.stem}-before-{revisions}"[:150]
    target = backups / f"{stem}.sqlite3"
    n = 2
    while target.exists():
        target = backups / f"{stem}-{n}.sqlite3"
        n += 1
    return target


def upgrade_with_backup(db: Database, backups: Path) -> Path | None:
    """Bring the schema to the newest revision; copy a database that holds data first.

    Returns the automatic copy's path (None when nothing needed upgrading, the database was
    empty, or it is not an SQLite file: PostgreSQL is backed up with pg_dump by its admin).
    """
    if not needs_upgrade(db):
        return None
    taken: Path | None = None
    source = db.sqlite_path
    if source is not None and source.exists() and not is_empty(db):
        backups.mkdir(parents=True, exist_ok=True)
        taken = backup_name(db, backups)
        if taken is not None:
            copy_sqlite(source, taken)
    upgrade(db)
    return taken
