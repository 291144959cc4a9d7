"""Demo data of the preservation tab (found by ``services/demo.py``): the seed's Company A portfolio
(:mod:`.demo_company_a`, bulk) and three dozen ordinary cases made through the services
(:mod:`.demo_cases`). There is no reference data: the area needs none to start.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.demo_cases import load_cases
from laoshan_desk.services.preservation.demo_company_a import load_company_a
from laoshan_desk.services.preservation.demo_names import COMPANY_A, resident_id, uscc
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresParty

__all__ = ["COMPANY_A", "load_demo", "load_reference", "resident_id", "uscc"]


def load_reference(db: Database, actor: Actor) -> dict[str, int]:
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    return {}


def load_demo(db: Database, actor: Actor, *, now: dt.datetime, **options: object) -> dict[str, int]:
    """Company A and the ordinary cases, dated around ``now``; a second run adds nothing."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    with db.session() as session:
        if session.scalar(select(PresParty.id).where(PresParty.name == COMPANY_A)) is not None:
            return {"company_a_cases": 0, "ordinary_cases": 0}
    return {"company_a_cases": load_company_a(db, now), "ordinary_cases": load_cases(db, actor, now=now)}
