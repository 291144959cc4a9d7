"""The approvals migrations fill what they add, each tested on a database stamped at the revision
before it and holding rows: a catalog stored before the kinds of limit takes them from the
reference file (0023); projects stored before notice numbers get 崂审批告〔year〕N号 in order, and
the desk's series goes on after them without repeating one (0022); ordered items stored before
they kept their own limits take their catalog item's kind and days (0025)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from alembic import command
from sqlalchemy import text

from laoshan_desk.config import RESOURCES
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import auth, bootstrap
from laoshan_desk.services.context import system_actor
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database
from tests.conftest import ADMIN_PASSWORD, FIXED_NOW
from tests.services.approvals.helpers import at, example_lines, plan_input

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


PROJECT = (
    "INSERT INTO approval_project (id, seq, number, name, enterprise, credit_code, contact_name, contact_title,"
    " contact_phone, street_id, street_name, address, project_type, start_date, target_date, menu_issued_on,"
    " description, status, created_at, created_by, version)"
    " VALUES (:id, :seq, :number, :name, '青岛示例有限公司', '91370212MA3U8KW28P', '', '', '', NULL, '沙子口街道',"
    " '', '', :start, :target, :issued, '', 'active', :start, 'old', 1)"
)


def _project(c, seq: int, start: str, issued: str | None) -> str:  # type: ignore[no-untyped-def]
    pid = uuid.uuid4().hex
    year = start[:4]
    c.execute(
        text(PROJECT),
        {
            "id": pid,
            "seq": seq,
            "number": f"XM{year}-{seq:04d}",
            "name": f"旧项目{seq}",
            "start": start,
            "target": f"{year}-12-31",
            "issued": issued,
        },
    )
    return pid


def test_projects_stored_before_notice_numbers_get_them_in_order_and_the_series_goes_on(tmp_path):
    # docs/rules.md §approvals-numbers: one 崂审批告〔year〕N号 series a year, by the day the menu was
    # issued (else the start date), in the order the projects were numbered; a notice number is
    # never given twice, so intake after the upgrade continues each year after the highest.
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(migrate.alembic_config(db), "0002_approvals")
    with db.engine.begin() as c:
        first = _project(c, 1, "2026-03-02", "2026-03-01")
        next_year = _project(c, 2, "2027-01-05", None)  # no menu date: its start date's year
        second = _project(c, 3, "2026-05-06", "2026-05-01")
        third = _project(c, 4, "2026-12-28", "2026-12-30")
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)  # every head, and the reference data intake needs
    with db.engine.connect() as c:
        stored = dict(c.execute(text("SELECT id, notice_number FROM approval_project")).tuples().all())
    assert stored == {
        first: "崂审批告〔2026〕1号",
        second: "崂审批告〔2026〕2号",
        third: "崂审批告〔2026〕3号",
        next_year: "崂审批告〔2027〕1号",
    }
    admin = auth.create_first_admin(
        db, auth.FirstAdminForm("admin", "系统管理员", ADMIN_PASSWORD), now=at("2026-12-01")
    )
    new = []
    for issued in ("2026-12-01", "2026-12-02", "2027-01-04"):
        data = plan_input(
            example_lines(), start=issued, target="2027-06-30", menu_issued_on=dt.date.fromisoformat(issued)
        )
        pid = svc.create_project(db, admin, data, now=at(issued, 9))
        new.append(svc.project_detail(db, admin, pid, today=dt.date.fromisoformat(issued)).notice_number)
    assert new == ["崂审批告〔2026〕4号", "崂审批告〔2026〕5号", "崂审批告〔2027〕2号"]
    with db.engine.connect() as c:
        numbers = [n for (n,) in c.execute(text("SELECT notice_number FROM approval_project"))]
    assert len(numbers) == 7 and len(set(numbers)) == 7
    db.dispose()


PROJECT_ITEM = (
    "INSERT INTO approval_project_item (id, project_id, code, name, department, classification, reason,"
    " responsible, days, prerequisites, materials, certificate, pre_review, site_inspection, status,"
    " fixed_start, fixed_finish, note, sort_order, version)"
    " VALUES (:id, :p, :code, :code, '区行政审批服务局', 'must_do', '示例', '', 5, '[]', '[]', NULL, 0, 0,"
    " 'not_started', NULL, NULL, '', :n, 1)"
)


def test_ordered_items_take_the_kind_and_days_of_their_catalog_item(tmp_path):
    # 0025: an item ordered before it copies what the catalog item of the same code says (its
    # kind of limit and its figure); an item the catalog does not have keeps none (not known).
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(migrate.alembic_config(db), "0023_approvals_limit_kinds")
    catalog = {"SP901": ("calendar_days", 20), "SP902": ("none", 0), "SP903": ("working_days", 15)}
    with db.engine.begin() as c:
        for code, (kind, days) in catalog.items():
            c.execute(
                text(ITEM),
                {"id": uuid.uuid4().hex, "code": code, "name": code, "days": days, "basis": "[]"},
            )
            c.execute(text("UPDATE approval_item SET limit_kind = :k WHERE code = :c"), {"k": kind, "c": code})
        pid = _project(c, 1, "2026-09-21", "2026-09-21")
        other = _project(c, 2, "2026-10-08", None)
        for n, code in enumerate(("SP901", "SP902", "SP903", "ZZ999")):
            c.execute(text(PROJECT_ITEM), {"id": uuid.uuid4().hex, "p": pid, "code": code, "n": n})
        c.execute(text(PROJECT_ITEM), {"id": uuid.uuid4().hex, "p": other, "code": "SP901", "n": 0})
    migrate.upgrade(db)
    with db.engine.connect() as c:
        rows = c.execute(
            text("SELECT project_id, code, limit_kind, statutory_days FROM approval_project_item")
        ).tuples()
        got = {(p, code): (kind, days) for p, code, kind, days in rows}
    assert got == {
        (pid, "SP901"): ("calendar_days", 20),
        (pid, "SP902"): ("none", 0),
        (pid, "SP903"): ("working_days", 15),
        (pid, "ZZ999"): (None, 0),
        (other, "SP901"): ("calendar_days", 20),
    }
    db.dispose()
