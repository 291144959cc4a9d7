"""The writers' lock on PostgreSQL: every writing unit of work takes it, readers never do, and a
lock held past the busy timeout is the clerk's "database busy" message, with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from laoshan_desk.domain.timeutil import TZ
from tests.conftest import FIXED_NOW
from tests.hall.conftest import requires_pg

pytestmark = [requires_pg, pytest.mark.timeout(120)]

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def test_a_held_lock_makes_writers_busy_and_leaves_readers_alone(pg_url, monkeypatch):
    from laoshan_desk.domain.errors import BUSY_MESSAGE, BusyError
    from laoshan_desk.services import calendar
    from laoshan_desk.services.bootstrap import init, open_database
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.store import db as store_db

    db = open_database(pg_url)
    actor = system_actor("test")
    init(db, actor, now=FIXED_NOW)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    day = dt.date(2027, 2, 20)
    with db.engine.connect() as other:  # another counter in the middle of its write
        other.execute(text(f"SELECT pg_advisory_lock({store_db.PG_WRITE_LOCK})"))
        with pytest.raises(BusyError) as caught:
            calendar.set_override(db, actor, calendar.OverrideForm(day, True, "调休"), now=FIXED_NOW)
        assert caught.value.message == BUSY_MESSAGE
        assert not calendar.work_calendar(db).is_workday(day)  # a reader does not wait
        other.execute(text(f"SELECT pg_advisory_unlock({store_db.PG_WRITE_LOCK})"))
        other.commit()
    calendar.set_override(db, actor, calendar.OverrideForm(day, True, "调休"), now=FIXED_NOW)
    db.cache.clear()
    assert calendar.work_calendar(db).is_workday(day)
    db.dispose()
