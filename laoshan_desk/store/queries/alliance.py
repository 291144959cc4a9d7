"""The alliance's list queries: the complaint queue filtered, lit and sorted in SQL.

The queue's light is the light of the running clock's stored limit (``due_on``), with the rule of
:func:`laoshan_desk.domain.alliance.clocks.deadline_light`: red below today, yellow up to the next
working day, green after, grey when no clock runs or it is stopped for testing. The two dates
come from :func:`~laoshan_desk.domain.alliance.clocks.light_horizon`, so the SQL and the row's
light agree (tests/services/alliance/test_complaint_queue.py proves it with hypothesis).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select

from laoshan_desk.domain.alliance.vocabulary import ComplaintKind, ComplaintStatus
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.store.models.alliance import AllianceComplaint as C

OPEN = tuple(s.value for s in ComplaintStatus if s is not ComplaintStatus.FINISHED)


@dataclasses.dataclass(frozen=True)
class ComplaintFilter:
    """What the queue shows: every field optional; ``state`` is open, finished, overdue or all."""

    state: str = "open"
    status: ComplaintStatus | None = None
    kind: ComplaintKind | None = None
    light: Light | None = None
    text: str = ""
    members_only: bool = False
    officer_user_id: uuid.UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def light_condition(light: Light, today: dt.date, horizon: dt.date) -> ColumnElement[bool]:
    """Rows whose running clock shows ``light`` at ``today`` (``horizon``: the next working day)."""
    running = and_(C.due_on.is_not(None), C.paused.is_(False))
    if light is Light.RED:
        return and_(running, C.due_on < today)
    if light is Light.YELLOW:
        return and_(running, C.due_on >= today, C.due_on <= horizon)
    if light is Light.GREEN:
        return and_(running, C.due_on > horizon)
    return or_(C.due_on.is_(None), C.paused.is_(True))


def overdue_condition(today: dt.date) -> ColumnElement[bool]:
    """A limit missed: stored as ``late`` when it happened, or a running clock past its limit now."""
    return or_(C.late.is_(True), and_(C.due_on.is_not(None), C.paused.is_(False), C.due_on < today))


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=TZ)


def conditions(f: ComplaintFilter, today: dt.date, horizon: dt.date) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.state == "open":
        out.append(C.status.in_(OPEN))
    elif f.state == "finished":
        out.append(C.status == ComplaintStatus.FINISHED.value)
    elif f.state == "overdue":
        out.append(overdue_condition(today))
    elif f.state != "all":
        out.append(false())
    if f.status is not None:
        out.append(C.status == f.status.value)
    if f.kind is not None:
        out.append(C.kind == f.kind.value)
    if f.light is not None:
        out.append(light_condition(f.light, today, horizon))
    if f.members_only:
        out.append(C.member_id.is_not(None))
    if f.officer_user_id is not None:
        out.append(C.officer_user_id == f.officer_user_id)
    if f.date_from is not None:
        out.append(C.received_at >= _start(f.date_from))
    if f.date_to is not None:
        out.append(C.received_at < _start(f.date_to + dt.timedelta(days=1)))
    value = f.text.strip()
    if value:
        like = f"%{_escape_like(value)}%"
        out.append(
            or_(
                C.number == value,
                C.uscc == value.upper(),
                C.enterprise_name.like(like, escape="\\"),
                C.complainant.like(like, escape="\\"),
                C.content.like(like, escape="\\"),
            )
        )
    return out


SORTS: dict[str, Any] = {
    "received": C.received_at,
    "due": C.due_on,
    "number": C.number,
    "enterprise": C.enterprise_name,
    "status": C.status,
}


def ordered(stmt: Select[Any], sort: str, descending: bool, *, open_only: bool = False) -> Select[Any]:
    """Sort in SQL; the sequence breaks ties. By due date, rows without a running limit sort last;
    a list of open cases has none (every open case has a limit), so it is ordered by the limit alone
    and walks the (due_on, seq) index instead of sorting the table."""
    key = SORTS.get(sort, C.received_at)
    if sort == "due":
        due = C.due_on.desc() if descending else C.due_on
        seq = C.seq.desc() if descending else C.seq
        return stmt.order_by(due, seq) if open_only else stmt.order_by(C.due_on.is_(None), due, seq)
    return stmt.order_by(key.desc() if descending else key, C.seq.desc() if descending else C.seq)


def queue(f: ComplaintFilter, today: dt.date, horizon: dt.date) -> Select[Any]:
    return select(C).where(*conditions(f, today, horizon))
