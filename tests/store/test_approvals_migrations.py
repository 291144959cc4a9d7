"""The approvals migrations fill what they add: a catalog stored before the kinds of limit takes
them from the reference file; projects stored before notice numbers get 崂审批告〔year〕N号 in order."""

from __future__ import annotations

import json
import uuid

from alembic import command
from sqlalchemy import text

from laoshan_desk.config import RESOURCES
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database

ITEM = (
    "INSERT INTO approval_item (id, code, name, department, stage, statutory_days, committed_days, materials,"
    " legal_basis, prerequisites, pre_review, site_inspection, certificate, fee, active, sort_order, version)"
    " VALUES (:id, :code, :name, '区行政审批服务局', '', :days, 1, '[]', :basis, '[]', 1, 0, NULL, 0, 1, 0, 1)"
)


def test_catalog_rows_take_their_kind_and_flags_from_the_reference_file(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(migrate.alembic_config(db), "0002_approvals")
    catalog = json.loads((RESOURCES / "data" / "approval_catalog.json").read_text(encoding="utf-8"))
    reference = {r["code"]: r for r in catalog["items"]}
    sp006 = reference["SP006"]
    texts = [c["text"] for c in sp006["legal_basis"]]
    with db.engine.begin() as c:
        c.execute(
            text(ITEM),
            {
                "id": uuid.uuid4().hex,
                "code": "SP006",
                "name": "x",
                "days": 0,
                "basis": json.dumps(texts, ensure_ascii=False),
            },
        )
        c.execute(
            text(ITEM),
            {
                "id": uuid.uuid4().hex,
                "code": "SP999",
                "name": "y",
                "days": 5,
                "basis": json.dumps(["《某办法》"], ensure_ascii=False),
            },
        )
    migrate.upgrade(db)
    with db.engine.connect() as c:
        rows = {r[0]: r[1:] for r in c.execute(text("SELECT code, limit_kind, level, unverified FROM approval_item"))}
    kind, level, unverified = rows["SP006"]
    assert (kind, level) == (sp006["limit_kind"], sp006.get("level") or "district")
    assert json.loads(unverified) == [c["text"] for c in sp006["legal_basis"] if not c.get("verified")]
    assert rows["SP999"][0] == "working_days" and json.loads(rows["SP999"][2]) == ["《某办法》"]
    db.dispose()
