"""The appeal light is written twice: in Python (domain/appeals/clocks/, the row and the detail)
and in SQL (store/queries/appeals/lights.py ``light_condition``, the queue's light filter). Random appeals
with random times, statuses, extensions and suspensions, stored in a real database: the SQL
filter keeps exactly the appeals whose Python light is that light (docs/rules.md §appeals-lights).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from laoshan_desk.domain.appeals import AppealStatus, HandlingLevel, clocks
from laoshan_desk.domain.appeals.filters import LightFilter
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q
from tests import pg_server
from tests.conftest import FIXED_NOW

BASE = dt.datetime(2026, 11, 1, 8, 0, tzinfo=TZ)  # a span with National Day behind and weekends


@st.composite
def an_appeal(draw: st.DrawFn) -> dict[str, Any]:
    status = draw(st.sampled_from(list(AppealStatus)))
    received = BASE + dt.timedelta(minutes=draw(st.integers(0, 30 * 24 * 60)))
    hours = st.integers(0, 24 * 12)
    responded = draw(st.none() | hours.map(lambda h: received + dt.timedelta(hours=h, minutes=7)))
    finished = received + dt.timedelta(hours=draw(hours), minutes=3) if status.is_finished else None
    extension = draw(st.none() | st.tuples(st.integers(1, 15), st.integers(0, 24 * 10)))
    suspensions = []
    for start_h, length_h in draw(st.lists(st.tuples(hours, st.integers(1, 24 * 6)), max_size=2)):
        start = received + dt.timedelta(hours=start_h)
        suspensions.append((start, start + dt.timedelta(hours=length_h)))
    if status is AppealStatus.SUSPENDED and draw(st.booleans()):
        suspensions.append((received + dt.timedelta(hours=draw(hours)), None))  # still suspended
    return {
        "status": status,
        "level": draw(st.sampled_from(list(HandlingLevel))),
        "received": received,
        "responded": responded,
        "finished": finished,
        "extension": extension,
        "suspensions": suspensions,
    }


def _agree(db: Database, appeals: list[dict[str, Any]], now: dt.datetime) -> None:
    cal = work_calendar(db)
    expected: dict[str, set[uuid.UUID]] = {light.value: set() for light in LightFilter}
    with db.session(write=True) as s:
        s.execute(delete(Appeal))
        for i, a in enumerate(appeals, 1):
            received = a["received"]
            until = granted = None
            if a["extension"] is not None:
                days, granted_h = a["extension"]
                until = clocks.base_completion_limit(received, a["level"], cal) + dt.timedelta(days=days)
                granted = received + dt.timedelta(hours=granted_h)
            # Stored as the service stores it: the limit recomputed at the last change (now).
            limit = clocks.completion_limit(
                received, a["level"], cal, until, a["suspensions"], now=now, extension_granted_at=granted
            )
            ident = uuid.uuid4()
            s.add(
                Appeal(
                    id=ident,
                    seq=i,
                    number=f"T{i:06d}",
                    received_at=received,
                    kind="livelihood",
                    channel="phone",
                    status=a["status"].value,
                    level=a["level"].value,
                    content="测试",
                    response_limit=clocks.response_limit(received),
                    completion_limit=limit,
                    extension_until=until,
                    extension_granted_at=granted,
                    responded_at=a["responded"],
                    finished_at=a["finished"],
                    created_at=received,
                    updated_at=received,
                )
            )
            light = clocks.appeal_clock(
                received,
                a["level"],
                cal,
                now,
                status=a["status"],
                responded_at=a["responded"],
                finished_at=a["finished"],
                extension_until=until,
                extension_granted_at=granted,
                suspensions=a["suspensions"],
            ).light
            expected[light.value].add(ident)
    today, horizon = clocks.yellow_horizon(cal, now)
    with db.session() as s:
        for light in LightFilter:
            cond = q.light_condition(light.value, now, today, horizon)
            got = set(s.scalars(select(Appeal.id).where(cond)))
            assert got == expected[light.value], (light, now, [a for a in appeals])
        # The ledger's light column follows the same rule.
        column = dict(s.execute(select(Appeal.id, q.light_column(now, today, horizon))).tuples().all())
        for light in LightFilter:
            assert {i for i, code in column.items() if code == light.value} == expected[light.value]


NOW = st.integers(0, 40 * 24 * 60).map(lambda m: BASE + dt.timedelta(minutes=m))
APPEALS = st.lists(an_appeal(), min_size=1, max_size=8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(appeals=APPEALS, now=NOW)
def test_sql_light_filter_agrees_with_the_row_light_on_sqlite(db, appeals, now):  # type: ignore[no-untyped-def]
    _agree(db, appeals, now)


@pytest.mark.skipif(pg_server.server_bin() is None, reason="PostgreSQL server not installed")
def test_sql_light_filter_agrees_with_the_row_light_on_postgresql():
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    with pg_server.running_server() as url:
        db = bootstrap.open_database(url)
        try:
            bootstrap.init(db, system_actor("test"), now=FIXED_NOW)

            @settings(max_examples=30, deadline=None)
            @given(appeals=APPEALS, now=NOW)
            def check(appeals: list[dict[str, Any]], now: dt.datetime) -> None:
                _agree(db, appeals, now)

            check()
        finally:
            db.dispose()
