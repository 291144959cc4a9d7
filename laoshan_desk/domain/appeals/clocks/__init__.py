"""The two clocks every appeal runs against, their lights and their countdown text.

Rules (docs/rules.md §appeals-clocks and §appeals-lights):

* **Response limit** = time received + 4 clock hours; nights and holidays count (clock hours).
  Responding exactly at the limit is on time.
* **Completion limit** = the Nth day after the day received, that day not counted (Civil Code
  art. 201), N = 2 community/village, 3 street, 4 district department, counted in working days
  (or calendar days, an admin setting: :class:`~.suspensions.DayCounting`). The limit is a *date*:
  its whole day counts, so finishing at 23:59 on it is on time and 00:00 the next day is late. An
  open appeal is late from the first moment after that day.
* **Extension** (延期): an approved date replaces the limit.
* **Suspension** (挂起): the clock stops for exactly the working time the suspensions lasted —
  their union, measured inside working days, moves the limit by its whole working days, rounded
  down (:mod:`.suspensions` has the rule and the seed's examples). A suspension that begins after
  the limit day has passed does not move it. Suspensions that began before an extension was
  granted are taken to be allowed for in the granted date; only those begun at or after the grant
  move an extended limit.

Lights (docs/rules.md §appeals-lights; Shandong's complaint line: a yellow card one working day
before the deadline, a red card on the first late day): red once late; yellow when the limit is
today or the next working day; green before that; grey when no clock runs (finished, suspended,
merged). The response clock runs only while the appeal awaits a unit's response (received,
dispatched, returned). The queue filters the same lights in SQL
(``store/queries/appeals/lights.py`` ``light_condition``); ``tests/store/test_appeal_lights.py`` proves
the two always agree.

Every datetime must be timezone-aware; it is read in Asia/Shanghai. Functions take ``now`` as an
argument and never read the system clock, so screens, reports and tests agree on "now".
"""

from __future__ import annotations

from .lights import (
    completion_countdown,
    completion_light,
    format_duration,
    is_late,
    is_response_late,
    overdue_workdays,
    response_countdown,
    response_light,
    yellow_horizon,
)
from .limits import (
    COMPLETION_WORKDAYS,
    RESPONSE_HOURS,
    RESPONSE_WARNING,
    Suspension,
    base_completion_limit,
    completion_limit,
    completion_workdays,
    local,
    local_date,
    response_limit,
    suspended_workdays,
)
from .row import (
    AppealClock,
    CompletionSide,
    ResponseSide,
    appeal_clock,
    combine,
    completion_side,
    response_side,
    row_clock,
)

__all__ = [
    "AppealClock",
    "COMPLETION_WORKDAYS",
    "CompletionSide",
    "RESPONSE_HOURS",
    "RESPONSE_WARNING",
    "ResponseSide",
    "Suspension",
    "appeal_clock",
    "base_completion_limit",
    "combine",
    "completion_countdown",
    "completion_light",
    "completion_limit",
    "completion_side",
    "completion_workdays",
    "format_duration",
    "is_late",
    "is_response_late",
    "local",
    "local_date",
    "overdue_workdays",
    "response_countdown",
    "response_light",
    "response_limit",
    "response_side",
    "row_clock",
    "suspended_workdays",
    "yellow_horizon",
]
