"""The preservation migrations upgrade a database that holds cases: an asset chosen in a plan
(pres_selection points at pres_asset, foreign keys on) survives the columns added after it."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import text

from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database

AT = "2026-11-02 01:30:00.000000"


def test_an_asset_in_a_plan_survives_the_upgrade(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(migrate.alembic_config(db), "0004_preservation")
    party, case, asset = (uuid.uuid4().hex for _ in range(3))
    with db.engine.begin() as c:
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        c.execute(
            text(
                "INSERT INTO pres_party (id, kind, name, id_number, created_at)"
                " VALUES (:id, 'company', '青岛示例餐饮有限公司', '91999999MA0LKC0027', :at)"
            ),
            {"id": party, "at": AT},
        )
        c.execute(
            text(
                "INSERT INTO pres_case (id, case_number, kind, applicant, respondent_id, claim_amount, received_at,"
                " enterprise, urgent, status, created_at, updated_at, version)"
                " VALUES (:id, '（2026）鲁0212财保1号', 'pre_suit', '申请人', :p, 300000, :at, 1, 0, 'review',"
                " :at, :at, 1)"
            ),
            {"id": case, "p": party, "at": AT},
        )
        c.execute(
            text(
                "INSERT INTO pres_asset (id, case_id, code, type, value, in_operational_use, protected, source,"
                " sort_order) VALUES (:id, :c, 'A1', 'real_estate', 500000, 0, 0, 'manual', 1)"
            ),
            {"id": asset, "c": case},
        )
        c.execute(
            text(
                "INSERT INTO pres_selection (id, case_id, stage, asset_id, measure, amount, created_at)"
                " VALUES (:id, :c, 'proposed', :a, 'seal', 300000, :at)"
            ),
            {"id": uuid.uuid4().hex, "c": case, "a": asset, "at": AT},
        )
    migrate.upgrade(db)  # every head, the preservation columns included
    with db.engine.connect() as c:
        rows = c.execute(text("SELECT code, indivisible, disputed FROM pres_asset")).all()
        selected = c.execute(text("SELECT count(*) FROM pres_selection WHERE asset_id = :a"), {"a": asset}).scalar()
    # An asset typed before 0033_pres_disputed is not the disputed property unless marked so.
    assert [tuple(r) for r in rows] == [("A1", 0, 0)] and selected == 1
    db.dispose()
