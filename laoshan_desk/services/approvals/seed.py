"""审批点菜单 reference and demo data.

``load_reference``: the 84-item catalog and the menu templates from ``resources/data`` (idempotent:
rows are matched by code, an admin's later edits are kept).

``load_demo``: the seed's hotel case exactly as the district ran it (58 items ordered, 18 must-do,
gold team, fire acceptance moved from 28 Apr to 15 May, 13 meetings, 8 visits, 62 problems, every
must-do item ticked off before the June opening, licences printed), plus two projects in progress
around 25 Nov 2026 so that the dispatch view and the lights show red, yellow and green today.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import insert, select

from laoshan_desk.config import RESOURCES
from laoshan_desk.domain.approvals import load_catalog, load_menu_templates
from laoshan_desk.services.approvals.seed_demo import HOTEL_FILE, IN_PROGRESS, _load_in_progress, load_hotel
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalItem, ApprovalProject, MenuTemplate

DATA = RESOURCES / "data"
CATALOG_FILE = DATA / "approval_catalog.json"
TEMPLATES_FILE = DATA / "menu_templates.json"


def load_reference(db: Database, actor: Actor, *, now: dt.datetime) -> dict[str, int]:
    """The catalog and menus from resources/data, matched by code (idempotent; an admin's later
    edits are kept). Run by every ``init``; its audit record is timed by ``now``."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    catalog = load_catalog(CATALOG_FILE)
    templates = load_menu_templates(TEMPLATES_FILE, [c.code for c in catalog])
    added = {"catalog_items": 0, "menu_templates": 0}
    with unit_of_work(db, actor, now) as work:
        s = work.session
        have = set(s.scalars(select(ApprovalItem.code)))
        rows: list[dict[str, object]] = [
            {
                "id": uuid.uuid4(),
                "code": c.code,
                "name": c.name,
                "department": c.department,
                "stage": c.stage,
                "statutory_days": c.statutory_days,
                "committed_days": c.committed_days,
                "materials": list(c.materials),
                "legal_basis": list(c.legal_basis),
                "prerequisites": list(c.prerequisites),
                "pre_review": c.pre_review,
                "site_inspection": c.site_inspection,
                "certificate": c.certificate,
                "fee": c.fee,
                "limit_kind": c.limit_kind.value,
                "level": c.level,
                "unverified": list(c.unverified),
                "active": True,
                "sort_order": n,
                "version": 1,
            }
            for n, c in enumerate(catalog)
            if c.code not in have
        ]
        if rows:
            s.execute(insert(ApprovalItem), rows)
        added["catalog_items"] = len(rows)
        have_t = set(s.scalars(select(MenuTemplate.code)))
        for n, t in enumerate(templates):
            if t.code in have_t:
                continue
            s.add(
                MenuTemplate(
                    code=t.code,
                    name=t.name,
                    description=t.description,
                    sort_order=n,
                    entries=[{"code": e.code, "class": e.classification.value, "reason": e.reason} for e in t.entries],
                )
            )
            added["menu_templates"] += 1
        if any(added.values()):
            work.audit("import", "approval_item", None, "载入审批事项库和点菜单模板", after=added)
    return added


# -- demo --------------------------------------------------------------------------------------
def _exists(db: Database, name: str) -> bool:
    with db.session() as session:
        return session.scalar(select(ApprovalProject.id).where(ApprovalProject.name == name)) is not None


def load_demo(db: Database, actor: Actor, **_options: Any) -> dict[str, Any]:
    """The demo projects, each once (run by ``init --demo``); they are replayed on their own
    dates, so ``now`` among the options is not needed."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    report: dict[str, Any] = {}
    hotel = json.loads(HOTEL_FILE.read_text(encoding="utf-8"))
    if not _exists(db, hotel["project"]):
        report["hotel"] = load_hotel(db, actor, hotel)
    for spec in IN_PROGRESS:
        if not _exists(db, spec["project"]):
            report.setdefault("in_progress", []).append(_load_in_progress(db, actor, spec))
    return report
