"""Clocks with aware times: the desk passes Asia/Shanghai datetimes and gets aware deadlines back."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import clock_light, execution_limit, lawsuit_due, ruling_due
from laoshan_desk.domain.timeutil import TZ, end_of_day

RECEIVED = dt.datetime(2026, 11, 25, 9, 30, tzinfo=TZ)


def test_aware_in_aware_out_and_comparable():
    due = ruling_due("in_suit", RECEIVED)
    assert due == end_of_day(dt.date(2026, 11, 25))
    assert clock_light(due, RECEIVED) is Light.GREEN
    assert clock_light(due, due - dt.timedelta(hours=1)) is Light.YELLOW
    assert clock_light(due, due + dt.timedelta(minutes=1)) is Light.RED
    assert execution_limit("pre_suit", RECEIVED).due.tzinfo is TZ
    assert lawsuit_due(RECEIVED, dt.date(2026, 11, 26)).due == end_of_day(dt.date(2026, 12, 26))
