"""The migrations build exactly the schema the models describe, on a fresh file and on upgrade."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from laoshan_desk.store import migrate
from laoshan_desk.store.base import Base
from laoshan_desk.store.db import Database


def test_fresh_database_upgrades_to_every_head(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert migrate.is_empty(db)
    assert migrate.needs_upgrade(db)
    migrate.upgrade(db)
    assert migrate.current_revisions(db) == migrate.head_revisions(db)
    assert not migrate.needs_upgrade(db)


def test_models_and_migrations_agree(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'cmp.sqlite3'}")
    migrate.upgrade(db)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": False, "include_object": migrate.include_object}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models differ from migrations: {diff}"


def test_sqlite_pragmas(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
