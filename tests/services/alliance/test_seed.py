"""The alliance's demo data carries the seed's numbers, plainly fictitious, and loads once."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from sqlalchemy import func, select

from laoshan_desk.domain.alliance.vocabulary import AwardKind, HonourLevel, LifecycleStage, RequestStep, SpotResult
from laoshan_desk.domain.identifiers import normalize_uscc
from laoshan_desk.services import alliance, demo
from laoshan_desk.services.alliance import awards, policies, seed, spot_lists
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.store.models.alliance import AllianceHonour, AllianceRequest
from laoshan_desk.store.models.enterprises import Enterprise
from tests.alliance_support import NOW


def test_the_seed_numbers_are_there_once(db, admin):
    demo._demo_users(db, admin, now=NOW)
    report = seed.load_demo(db, admin, now=NOW)
    assert report["members"] == 53 and report["requests"] == 17 and report["batches"] == 145
    assert report["policies"] == 177
    assert seed.load_demo(db, admin, now=NOW) == {"members": 0}

    rows = alliance.list_members(db, admin)
    assert len(rows) == 53
    haier = next(r for r in rows if r.name == "海尔集团（示例）")
    assert "一对一" in haier.liaison_name and haier.liaison_user_id is not None
    assert haier.honours[0].level is HonourLevel.FORTUNE_500

    with db.session() as s:
        counts = dict(
            s.execute(select(AllianceHonour.level, func.count()).group_by(AllianceHonour.level)).tuples().all()
        )
        in_2023 = s.scalar(
            select(func.count())
            .select_from(AllianceRequest)
            .where(
                AllianceRequest.received_on >= dt.date(2023, 1, 1), AllianceRequest.received_on <= dt.date(2023, 12, 31)
            )
        )
        usccs = s.scalars(select(Enterprise.uscc)).all()
    assert {HonourLevel(k): v for k, v in counts.items()} == dict(seed.HONOUR_COUNTS)
    assert in_2023 == 15

    liuhe = next(r for r in req_svc.list_requests(db, admin, now=NOW) if r.member_name == "山东新希望六和集团（示例）")
    d = req_svc.request_detail(db, admin, liuhe.id, now=NOW)
    assert d.row.received_on == dt.date(2023, 7, 3) and d.row.regions == "四川、重庆"
    letters = [s.recipient for s in d.steps if s.step is RequestStep.LETTER]
    assert letters == ["成都市市场监督管理局", "重庆市市场监督管理局"]

    batches = spot_lists.list_batches(db, admin, now=NOW, year=2023)
    bad = [b for b in batches if b.result is SpotResult.NONCONFORMING]
    assert len(batches) == 145 and len(bad) == seed.NONCONFORMING and 0.02 < len(bad) / 145 < 0.08

    library = policies.list_policies(db, admin)
    assert len(library) == 177 and {s for p in library for s in p.stages} == set(LifecycleStage)

    totals = {(t.year, t.kind): t.paid for t in awards.award_totals(db, admin)}
    assert totals[(2022, AwardKind.STANDARDISATION)] == Decimal("2637000.00")
    assert totals[(2023, AwardKind.LAOSHAN_QUALITY)] == Decimal("2750000.00")

    # Plainly fictitious: every USCC is valid but in the 999999 region no authority has.
    assert usccs and all(u is not None and u[2:8] == "999999" and normalize_uscc(u) == u for u in usccs)
    # Phones: seven-digit Qingdao landlines (real ones have eight), no mobile numbers.
    assert all(re.fullmatch(r"0532-5553\d{3}", r.liaison_phone) for r in rows)
    # Live work around "now": open complaints with lights in the queue.
    assert alliance.count(db, admin, alliance.ComplaintFilter(state="open"), now=NOW) >= 5
