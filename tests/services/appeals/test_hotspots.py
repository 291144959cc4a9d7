"""未诉先办 as the services give it (docs/rules.md §appeals-hotspots): terms are stored when an
appeal is written and counted from there; hot topics read as problems; repeat phones are masked;
merged repeats are not counted twice; a street clerk sees its street's hot spots."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from laoshan_desk.domain.appeals.terms import decode
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import hotspots
from laoshan_desk.store.models.appeals import Appeal
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import intake_form, version

TEXTS = [
    "小区停车难，外来车辆乱停乱放堵塞消防通道，楼上住户意见很大",
    "停车难问题一直没解决，晚上回家没有车位，联系不上物业",
    "夜里闻到燃气异味，已有邻居报警，我家老人不敢开火",
    "楼道里燃气异味很重，担心泄漏，请燃气公司上门讲解安全知识",
    "小区停车难，车位被外来车辆占用",
]


def take(db, actor, place, text, **kw):  # type: ignore[no-untyped-def]
    when = FIXED_NOW - dt.timedelta(hours=2)
    return svc.intake(db, actor, intake_form(place, content=text, received_at=when, **kw), now=FIXED_NOW)


def test_terms_are_stored_at_intake_and_hot_spots_read_as_problems(db, admin, place):
    refs = [take(db, admin, place, text) for text in TEXTS]
    with db.session() as s:
        stored = [decode(t) for t in s.scalars(select(Appeal.terms).where(Appeal.id.in_([r.id for r in refs])))]
    assert all(stored)
    spots = hotspots.hot_spots(db, admin, now=FIXED_NOW)
    words = dict(spots.topics)
    assert words["停车难"] == 3 and words["燃气异味"] == 2
    for noise in ("不上", "我家", "楼上", "住户", "已有", "讲解"):
        assert noise not in words
    assert spots.appeals == 5
    # Every appeal came from the same phone and grid: both repeat, the phone masked.
    assert spots.repeat_phones == [("138****1234", 5)]
    assert spots.repeat_places and spots.repeat_places[0][1] == 5


def test_merged_repeats_are_not_counted_again_and_old_appeals_without_terms_still_count(db, admin, place):
    first = take(db, admin, place, TEXTS[0])
    second = take(db, admin, place, TEXTS[4])
    svc.merge(db, admin, svc.MergeForm(second.id, version(db, second.id), first.id), now=FIXED_NOW)
    assert dict(hotspots.hot_spots(db, admin, now=FIXED_NOW).topics).get("停车难", 0) < 2
    take(db, admin, place, TEXTS[1])
    with db.session(write=True) as s:  # stored before terms were kept
        s.execute(update(Appeal.__table__).values(terms=None))
    assert dict(hotspots.hot_spots(db, admin, now=FIXED_NOW).topics)["停车难"] == 2


def test_a_street_clerk_sees_its_streets_hot_spots(db, admin, make_user, place):
    street, _, _, other = place
    for text in TEXTS[:2]:
        take(db, admin, place, text)
    for text in TEXTS[2:4]:
        take(db, admin, place, text, street_id=other.id, community_id=None, grid_id=None)
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    words = dict(hotspots.hot_spots(db, clerk, now=FIXED_NOW).topics)
    assert "停车难" in words and "燃气异味" not in words
