"""The appeal light in SQL: the status groups as stored codes and the red/yellow/green/grey tests on
the stored limits, the same rule as ``domain/appeals/clocks/row.py`` ``row_clock`` (docs/rules.md
§appeals-lights; tests/store/test_appeal_lights.py proves that filter and row light agree).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    and_,
    case,
    or_,
)

from laoshan_desk.domain.appeals.filters import LightFilter
from laoshan_desk.domain.appeals.vocabulary import (
    AWAITING_RESPONSE_CODES,
    FINISHED_CODES,
    OPEN_CODES,
    RUNNING_CODES,
)
from laoshan_desk.store.models.appeals import Appeal

# The status groups, as stored codes, from the domain's enum (docs/rules.md §appeals-lights).
RUNNING = RUNNING_CODES  # the completion clock runs
AWAITING_RESPONSE = AWAITING_RESPONSE_CODES  # the response clock can run
OPEN = OPEN_CODES  # 未办结: running or suspended
FINISHED = FINISHED_CODES  # a finish time is recorded


def _light_tests(now: dt.datetime, today: dt.date, horizon: dt.date) -> tuple[Any, Any, Any]:
    """(running, red, yellow) as SQL: the one rule behind the light filter and the light column."""
    running = Appeal.status.in_(RUNNING)
    resp_waiting = and_(Appeal.status.in_(AWAITING_RESPONSE), Appeal.responded_at.is_(None))
    # The clock tests sit inside CASE so that the planner narrows by status (few open rows) and
    # does not union index scans over every old row with a passed response limit.
    red_test = or_(Appeal.completion_limit < today, and_(resp_waiting, Appeal.response_limit < now))
    yellow_test = or_(
        Appeal.completion_limit <= horizon, and_(resp_waiting, Appeal.response_limit <= now + dt.timedelta(hours=1))
    )
    return running, case((red_test, 1), else_=0) == 1, case((yellow_test, 1), else_=0) == 1


def light_condition(light: str, now: dt.datetime, today: dt.date, horizon: dt.date) -> Any:
    """Row light in SQL (the worse of the two clocks) on the stored limits: the same rule as
    :func:`laoshan_desk.domain.appeals.clocks.row_clock` (tests/store/test_appeal_lights.py).

    red: running and the completion limit passed, or awaiting response past received + 4 h;
    yellow: running, not red, and the limit is today or the next working day, or the response is
    due within the hour; green: the other running ones; grey: no clock runs.
    """
    running, red, yellow = _light_tests(now, today, horizon)
    if light == LightFilter.RED:
        return and_(running, red)
    if light == LightFilter.YELLOW:
        return and_(running, yellow, ~red)
    if light == LightFilter.GREEN:
        return and_(running, ~yellow, ~red)
    if light == LightFilter.GREY:
        return ~running
    return None


def light_column(now: dt.datetime, today: dt.date, horizon: dt.date) -> Any:
    """Each row's light code as a column (the ledger's 灯色), by the rule of :func:`light_condition`."""
    running, red, yellow = _light_tests(now, today, horizon)
    return case(
        (~running, LightFilter.GREY.value),
        (red, LightFilter.RED.value),
        (yellow, LightFilter.YELLOW.value),
        else_=LightFilter.GREEN.value,
    )
