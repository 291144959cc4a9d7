"""Opening a database for work: create or upgrade the schema (after a backup), load reference data.

The composition root of the desk: ``app.py`` and ``cli`` both call :func:`open_database`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.exc import DatabaseError

from laoshan_desk.config import backups_dir
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.services import demo as seeds
from laoshan_desk.services import org
from laoshan_desk.services import sync as _sync  # noqa: F401 - registers the outbox's commit hooks
from laoshan_desk.services.context import Actor, system_actor
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database
from laoshan_desk.store.queries import appeals as appeal_queries

REINDEX_NOTICE = "正在重建诉求搜索索引（新版本首次打开时一次，数据多时需几分钟）…"


def upgrade_schema(db: Database, notice: Callable[[str], None] | None = None) -> str | None:
    """Bring the schema to the newest revision; the store backs up first when there is data.

    Returns the path of the automatic backup, if one was taken. ``notice`` is told, before it
    starts, of a wait a person should know about (the one-time rebuild of the search index).
    """
    taken = migrate.upgrade_with_backup(db, backups_dir())
    if db.dialect == "sqlite":
        with db.engine.begin() as connection:
            # The search index keyed by the time received (store/queries/appeals/fts_index.py).
            if notice is not None and appeal_queries.fts_rebuild_pending(connection):
                notice(REINDEX_NOTICE)
            appeal_queries.replace_legacy_fts(connection)
    db.cache.clear()
    return str(taken) if taken else None


def open_database(url: str, notice: Callable[[str], None] | None = None) -> Database:
    """The database at ``url``, upgraded; a DeskError (field ``db``) when it cannot be used.

    Refused with a sentence: a URL that cannot be parsed, a folder, a file that is not a
    database, a server that does not answer, and a database written by a newer version of the
    desk (whose schema this one does not know: upgrading it would fail half-way).
    """
    db = Database(url)
    try:
        newer = migrate.unknown_revisions(db)
        if newer:
            raise ValidationError(
                f"此数据库由更新版本的本程序建立（数据库版本 {', '.join(sorted(newer))}），请先升级本程序", field="db"
            )
        upgrade_schema(db, notice)
    except DeskError:
        db.dispose()
        raise
    except DatabaseError as exc:
        db.dispose()
        raise ValidationError(_database_problem(db, exc), field="db") from exc
    return db


def _database_problem(db: Database, exc: DatabaseError) -> str:
    text = " ".join(str(exc.orig).split())[:200]
    if "file is not a database" in text or "malformed" in text:
        return f"{db.display_name()} 不是本系统的数据库文件，或已损坏"
    if "unable to open database file" in text:
        return f"无法打开数据库文件：{db.display_name()}（请检查路径和权限）"
    if db.sqlite_path is None:
        return f"无法连接数据库服务器 {db.display_name()}：{text}"
    return f"无法打开数据库 {db.display_name()}：{text}"


def init(
    db: Database,
    actor: Actor | None = None,
    *,
    demo: bool = False,
    now: dt.datetime,
    **demo_options: int,
) -> dict[str, object]:
    """``laoshan-desk init``: the schema, the reference data, and optionally the demo data.

    ``now`` times the reference data's audit records and dates the demo. ``demo=True`` refuses
    a database that holds real work, before anything is loaded into it.
    """
    actor = actor or system_actor("init")
    actor.require("admin.edit")
    upgrade_schema(db)
    if demo:
        seeds.refuse_real_database(db, actor)
    report: dict[str, object] = {"organisation": org.load_reference(db, actor, now=now)}
    report.update(seeds.load_reference(db, actor, now=now))
    if demo:
        report["demo"] = seeds.load_demo(db, actor, now=now, **demo_options)
    return report
