"""The queue's SQL light filter and each row's light agree (hypothesis), paging and sorting in SQL."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import alliance
from laoshan_desk.store.models.alliance import AllianceComplaint
from tests.alliance_support import at


def _bulk(db, n: int = 80) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    rows = []
    for i in range(n):
        received = at(2026, 9, 1) + dt.timedelta(hours=rng.randrange(24 * 70))
        finished = rng.random() < 0.25
        due = None if finished else dt.date(2026, 9, 10) + dt.timedelta(days=rng.randrange(90))
        rows.append(
            {
                "id": uuid.uuid4(),
                "seq": i + 1,
                "number": f"TS-T{i:04d}",
                "kind": "complaint",
                "received_at": received,
                "content": "测试",
                "status": "finished" if finished else rng.choice(["registered", "mediating"]),
                "accept_limit": received.date(),
                "due_on": due,
                "paused": (not finished) and rng.random() < 0.15,
                "late": rng.random() < 0.1,
                "finished_at": received + dt.timedelta(days=3) if finished else None,
                "created_at": received,
                "updated_at": received,
            }
        )
    with db.session(write=True) as s:
        s.execute(insert(AllianceComplaint), rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2026, 12, 31)))
def test_the_sql_light_filter_and_the_row_lights_agree(db, officer, day):
    if not getattr(db, "_bulked", False):
        _bulk(db)
        db._bulked = True  # type: ignore[attr-defined]
    now = dt.datetime.combine(day, dt.time(11), tzinfo=at(2026, 1, 1).tzinfo)
    everything = alliance.page(db, officer, alliance.ComplaintFilter(state="all"), now=now, limit=1000)
    assert len(everything) == 80
    for light in Light:
        ids = {r.id for r in alliance.page(db, officer, alliance.ComplaintFilter(state="all", light=light), now=now)}
        assert ids == {r.id for r in everything if r.light is light}, light
        assert alliance.count(db, officer, alliance.ComplaintFilter(state="all", light=light), now=now) == len(ids)
    overdue = {r.id for r in alliance.page(db, officer, alliance.ComplaintFilter(state="overdue"), now=now)}
    assert overdue == {r.id for r in everything if r.late}


def test_pages_are_disjoint_and_sorted_by_due_date(db, officer):
    _bulk(db)
    now = at(2026, 10, 12)
    f = alliance.ComplaintFilter(state="open")
    first = alliance.page(db, officer, f, now=now, limit=20, sort="due", descending=False)
    second = alliance.page(db, officer, f, now=now, offset=20, limit=20, sort="due", descending=False)
    assert not {r.id for r in first} & {r.id for r in second}
    dues = [r.due_on for r in first + second if r.due_on is not None]
    assert dues == sorted(dues)
    assert alliance.count(db, officer, f, now=now) == sum(
        1
        for r in alliance.page(db, officer, alliance.ComplaintFilter(state="all"), now=now, limit=1000)
        if r.finished_at is None
    )
    counts = alliance.tab_counts(db, officer, now=now)
    assert counts["open"] == alliance.count(db, officer, f, now=now) and counts["red"] >= 0


def test_text_search_finds_number_and_enterprise(db, officer, add_member):
    ref = alliance.register(
        db,
        officer,
        alliance.ComplaintForm("complaint", at(2026, 10, 9), "茶叶霉变", "钱示例", enterprise_name="崂山示例茶社"),
        now=at(2026, 10, 12),
    )
    now = at(2026, 10, 12)
    assert [r.id for r in alliance.page(db, officer, alliance.ComplaintFilter(text=ref.number), now=now)] == [ref.id]
    assert [r.id for r in alliance.page(db, officer, alliance.ComplaintFilter(text="示例茶"), now=now)] == [ref.id]
    assert alliance.page(db, officer, alliance.ComplaintFilter(text="100%"), now=now) == []
