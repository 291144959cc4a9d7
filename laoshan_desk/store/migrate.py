"""Schema upgrades with Alembic, run by ``init`` and at start-up (after an automatic backup).

Areas add migrations as branches off the foundation revision, so the desk upgrades to
``heads`` (every branch's head).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from laoshan_desk.store.db import Database

MIGRATIONS = Path(__file__).parent / "migrations"


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Leave SQLite's full-text search tables (made by the appeals area at run time) alone."""
    return not (type_ == "table" and bool(name) and name.startswith("appeal_fts"))


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revisions(db: Database) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(db)).get_heads())


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def is_empty(db: Database) -> bool:
    """True when the database has no tables of ours (a brand-new file)."""
    from sqlalchemy import inspect

    return not inspect(db.engine).get_table_names()


def needs_upgrade(db: Database) -> bool:
    return current_revisions(db) != head_revisions(db)


def upgrade(db: Database) -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "heads")
