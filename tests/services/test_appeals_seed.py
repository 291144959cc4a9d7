"""Demo and reference data of the appeals tab."""

from __future__ import annotations

from sqlalchemy import func, select

from laoshan_desk.services import appeals_stats, org, seed_appeals
from laoshan_desk.store.models.appeals import Appeal, ProxyService
from tests.conftest import FIXED_NOW


def test_reference_is_idempotent(db, admin):
    assert seed_appeals.load_reference(db, admin) == {"proxy_services": 0}  # loaded by init already
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ProxyService)) == 43


def test_demo_covers_every_street_over_a_year_and_is_idempotent(db, admin):
    report = seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW, unknown_option=1)
    assert report["appeals"] == 1500
    assert seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW)["appeals"] == 0
    with db.session() as s:
        streets = set(s.scalars(select(Appeal.street_id).distinct()))
        units = s.scalar(select(func.count(func.distinct(Appeal.unit_id))))
        first, last = s.execute(select(func.min(Appeal.received_at), func.max(Appeal.received_at))).one()
        numbers = s.scalar(select(func.count(func.distinct(Appeal.number))))
    assert streets == {u.id for u in org.units(db, "street")}
    assert units > 100 and numbers == 1500
    assert (last - first).days > 300
    st = appeals_stats.statistics(db, admin, FIXED_NOW)
    assert st.received == 1500 and 0.95 < float(st.closure_rate) <= 1 and 0.9 < float(st.satisfaction_rate) <= 1
