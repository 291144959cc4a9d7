"""A calendar change moves every stored deadline (docs/rules.md §appeals-clocks): the admin's
override, its removal, an imported list of days and a change of the day counting recompute, in
the same transaction, every open appeal whose clock the changed day can touch, and say how many
moved; the queue's light filter, the detail and the timeline follow."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import calendar, settings
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.queue import QueueFilter
from laoshan_desk.store.models import AuditRecord
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import at, intake_form, version

MON = at("2026-11-23", "10:00")  # community level: limit Wed 25 Nov


def take(db, admin, place, received, level="community"):  # type: ignore[no-untyped-def]
    ref = svc.intake(db, admin, intake_form(place, received_at=received), now=received)
    street, comm, _, _ = place
    unit = comm.id if level == "community" else street.id
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, version(db, ref.id), level, unit), now=received)
    return ref


def limit(db, admin, ref, now):  # type: ignore[no-untyped-def]
    return svc.detail(db, admin, ref.id, now=now).completion_limit


def test_a_new_holiday_moves_the_open_appeals_it_touches_and_says_how_many(db, admin, place):
    touched = take(db, admin, place, MON)
    later = take(db, admin, place, at("2026-11-25", "09:00"))  # received after Tue: untouched
    finished = take(db, admin, place, MON)
    svc.respond(db, admin, svc.NoteForm(finished.id, version(db, finished.id)), now=MON)
    svc.finish(db, admin, svc.FinishForm(finished.id, version(db, finished.id), "已清运"), now=MON)
    before_version = version(db, touched.id)

    moved = calendar.set_override(
        db, admin, calendar.OverrideForm(dt.date(2026, 11, 24), False, "临时停工"), now=FIXED_NOW
    )

    assert moved == 1
    now = at("2026-11-24", "12:00")
    assert limit(db, admin, touched, now) == dt.date(2026, 11, 26)
    assert limit(db, admin, later, now) == dt.date(2026, 11, 27)  # as before: Thu, Fri
    assert limit(db, admin, finished, now) == dt.date(2026, 11, 25)  # finished appeals keep theirs
    d = svc.detail(db, admin, touched.id, now=now)
    assert d.events[-1].action == "calendar" and "2026-11-25" in d.events[-1].note and "2026-11-26" in d.events[-1].note
    assert d.version > before_version  # an open screen showing the old limit is stale now
    with db.session() as s:
        record = s.scalars(
            select(AuditRecord).where(AuditRecord.entity == "appeal", AuditRecord.entity_id == str(touched.id))
        ).all()[-1]
    assert record.before == {"completion_limit": "2026-11-25"} and record.after == {"completion_limit": "2026-11-26"}

    # Removing the override moves it back, and says so.
    assert calendar.remove_override(db, admin, calendar.OverrideRemoval(dt.date(2026, 11, 24)), now=FIXED_NOW) == 1
    assert limit(db, admin, touched, now) == dt.date(2026, 11, 25)


def test_the_queue_light_filter_follows_the_moved_limit(db, admin, place):
    ref = take(db, admin, place, MON)
    svc.respond(db, admin, svc.NoteForm(ref.id, version(db, ref.id)), now=MON)
    thursday = at("2026-11-26", "09:00")  # the limit Wed 25 has passed: red
    red = QueueFilter(light="red")
    assert [r.id for r in queue.page(db, admin, red, now=thursday)] == [ref.id]
    calendar.set_override(
        db, admin, calendar.OverrideForm(dt.date(2026, 11, 25), False, "停电"), now=FIXED_NOW
    )  # Wed off: limit Thu 26
    assert queue.page(db, admin, red, now=thursday) == []
    assert queue.count(db, admin, QueueFilter(light="yellow"), now=thursday) == 1


def test_a_make_up_working_day_moves_a_limit_earlier(db, admin, place):
    # Received Fri 27 Nov, street level: Mon 30, Tue 1, Wed 2 Dec.
    ref = take(db, admin, place, at("2026-11-27", "15:00"), level="street")
    assert limit(db, admin, ref, MON) == dt.date(2026, 12, 2)
    assert (
        calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2026, 11, 28), True, "调休上班"), now=FIXED_NOW)
        == 1
    )
    assert limit(db, admin, ref, MON) == dt.date(2026, 12, 1)


def test_an_imported_list_of_days_moves_the_limits_too(db, admin, place, tmp_path):
    ref = take(db, admin, place, MON)
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "说明"])
    ws.append(["2026-11-24", "休息", "停工"])
    ws.append(["2026-11-25", "休息", "停工"])
    path = tmp_path / "days.xlsx"
    wb.save(path)
    report = calendar.import_overrides(db, admin, path, now=MON)
    assert report.moved == 1
    assert limit(db, admin, ref, MON) == dt.date(2026, 11, 27)


def test_a_running_suspension_is_not_counted_as_moved_by_a_day_it_does_not_touch(db, admin, place, make_user):
    leader = make_user(Role.LEADER)
    ref = take(db, admin, place, MON)
    svc.respond(db, admin, svc.NoteForm(ref.id, version(db, ref.id)), now=MON)
    req = svc.request_suspension(
        db, admin, svc.SuspensionRequestForm(ref.id, version(db, ref.id), "test", "等待检测"), now=MON
    )
    svc.decide_suspension(db, leader, svc.DecisionForm(req, version(db, ref.id), True), now=MON)
    assert (
        calendar.set_override(
            db, admin, calendar.OverrideForm(dt.date(2026, 12, 31), False, "远处的一天"), now=FIXED_NOW
        )
        == 0
    )


def test_switching_to_calendar_days_recomputes_every_open_limit(db, admin, place):
    friday = take(db, admin, place, at("2026-11-27", "15:00"))  # community: Tue 1 Dec in working days
    monday = take(db, admin, place, MON)  # Wed 25 either way
    current = settings.load(db)
    settings.update(db, admin, dataclasses.replace(current, appeal_calendar_days=1), now=MON)
    assert limit(db, admin, friday, MON) == dt.date(2026, 11, 29)
    assert limit(db, admin, monday, MON) == dt.date(2026, 11, 25)
    # A new appeal is counted in calendar days from the start.
    sat = take(db, admin, place, at("2026-11-28", "09:00"))
    assert limit(db, admin, sat, MON) == dt.date(2026, 11, 30)
    settings.update(db, admin, current, now=MON)
    assert limit(db, admin, friday, MON) == dt.date(2026, 12, 1)


def test_the_counting_setting_is_a_choice_of_two(db, admin):
    with pytest.raises(ValidationError) as err:
        settings.update(db, admin, dataclasses.replace(settings.load(db), appeal_calendar_days=2), now=MON)
    assert err.value.field == "appeal_calendar_days"
