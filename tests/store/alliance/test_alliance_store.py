"""The enterprise and alliance tables: their own Alembic branches, the USCC-or-reason rule, versions."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
ALLIANCE_TABLES = {
    "alliance_member",
    "alliance_honour",
    "alliance_request",
    "alliance_request_step",
    "alliance_complaint",
    "alliance_complaint_pause",
    "alliance_spot_plan",
    "alliance_spot_batch",
    "alliance_spot_followup",
    "alliance_policy",
    "alliance_policy_push",
    "alliance_award",
    "alliance_seminar",
    "alliance_seminar_attendee",
}


def test_the_alliance_branch_grows_from_the_enterprise_table_off_the_foundation(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert "0011_alliance" in migrate.head_revisions(db)
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config(db))
    assert script.get_revision("0011_alliance").down_revision == "0010_enterprises"
    assert script.get_revision("0010_enterprises").down_revision == "0001_foundation"
    migrate.upgrade(db)
    tables = set(inspect(db.engine).get_table_names())
    assert ALLIANCE_TABLES | {"enterprise"} <= tables


def test_the_alliance_branch_downgrades_alone_and_comes_back(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    migrate.upgrade(db)
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "alliance@0010_enterprises")
    tables = set(inspect(db.engine).get_table_names())
    assert not (ALLIANCE_TABLES & tables) and "enterprise" in tables and "appeal" in tables
    migrate.upgrade(db)
    assert ALLIANCE_TABLES <= set(inspect(db.engine).get_table_names())


def _enterprise(**values) -> Enterprise:  # type: ignore[no-untyped-def]
    base = dict(id=uuid.uuid4(), name="青岛示例茶业有限公司", initials="qdslcyyxgs", created_at=NOW, updated_at=NOW)
    base.update(values)
    return Enterprise(**base)


def test_an_enterprise_needs_a_uscc_or_the_reason_it_has_none(db):
    with db.session(write=True) as s:
        s.add(_enterprise(uscc=None, no_uscc_reason="分支机构尚未登记"))
    with pytest.raises(IntegrityError):
        with db.session(write=True) as s:
            s.add(_enterprise(uscc=None, no_uscc_reason=None))


def test_a_uscc_is_one_enterprise(db):
    with db.session(write=True) as s:
        s.add(_enterprise(uscc="91999999DM00000014"))
    with pytest.raises(IntegrityError):
        with db.session(write=True) as s:
            s.add(_enterprise(uscc="91999999DM00000014", name="另一家"))


def test_a_member_row_is_versioned(db):
    ent = _enterprise(uscc="91999999DM00000022")
    member_id = uuid.uuid4()
    with db.session(write=True) as s:
        s.add(ent)
        s.flush()
        s.add(
            AllianceMember(
                id=member_id,
                enterprise_id=ent.id,
                liaison_name="王示例",
                member_since=dt.date(2023, 3, 15),
                stage="operation",
                industry="tea",
                created_at=NOW,
                updated_at=NOW,
            )
        )
    with db.session() as s:
        stale = s.scalars(select(AllianceMember)).one()
    with db.session(write=True) as s:
        s.get(AllianceMember, member_id).liaison_name = "李示例"  # type: ignore[union-attr]
    with pytest.raises(StaleDataError):
        with db.session(write=True) as s:
            mine = s.merge(stale, load=False)
            mine.liaison_name = "张示例"
