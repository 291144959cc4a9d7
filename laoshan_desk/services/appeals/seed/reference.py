"""Appeals' reference data: the 43 proxy services (帮代办事项) from ``resources/data``, and the
stored terms of appeals that have none yet.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import cast

from sqlalchemy import Table, bindparam, select, update

from laoshan_desk.config import RESOURCES
from laoshan_desk.domain.appeals import terms
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, ProxyService
from laoshan_desk.store.queries import appeals as q

PROXY_FILE = RESOURCES / "data" / "proxy_services.json"


def load_reference(db: Database, actor: Actor, *, now: dt.datetime) -> dict[str, int]:
    """The proxy-service catalog; rows matched by code (idempotent). Also builds the search index."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    data = json.loads(PROXY_FILE.read_text(encoding="utf-8"))
    added = 0
    with unit_of_work(db, actor, now) as work:
        s = work.session
        have = set(s.scalars(select(ProxyService.code)))
        for i, item in enumerate(data["services"]):
            if item["code"] in have:
                continue
            s.add(
                ProxyService(
                    code=item["code"],
                    name=item["name"],
                    category=item.get("category", ""),
                    department_code=item.get("department"),
                    materials=list(item.get("materials", [])),
                    time_limit_workdays=int(item.get("time_limit_workdays") or 0),
                    sort_order=i,
                )
            )
            added += 1
        if added:
            work.audit("import", "proxy_service", None, f"载入帮代办服务目录 {added} 项", after={"added": added})
        q.ensure_fts(s.connection())
    return {"proxy_services": added, "terms": fill_missing_terms(db)}


def fill_missing_terms(db: Database, batch: int = 2000) -> int:
    """Segment the appeals stored before their terms were kept (docs/rules.md §appeals-hotspots);
    in short transactions of ``batch`` rows, so the counters never wait long."""
    seg = terms.default_segmenter()
    filled = 0
    while True:
        with db.session(write=True) as s:
            rows = s.execute(select(Appeal.id, Appeal.content).where(Appeal.terms.is_(None)).limit(batch)).all()
            if not rows:
                return filled
            # Derived data, not a change of the appeal: the table itself, no version bump.
            table = cast(Table, Appeal.__table__)
            s.execute(
                update(table).where(table.c.id == bindparam("key")).values(terms=bindparam("stored")),
                [{"key": ident, "stored": terms.encode(seg.keywords(content))} for ident, content in rows],
            )
            filled += len(rows)
