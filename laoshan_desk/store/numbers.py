"""Allocating numbers that citizens and papers carry (appeal, project and notice numbers).

``max()+1`` hands two counters the same number when they save at once on PostgreSQL. Here the
increment is one ``UPDATE … RETURNING`` on the series' row: PostgreSQL locks the row until the
transaction ends, SQLite's single writer serialises it, so every number is handed out once. The
first use of a series creates its row from ``floor`` (numbers already in use, e.g. imported ones).
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.store.models.numbers import NumberSeries


def allocate(session: Session, series: str, *, floor: int = 0) -> int:
    """The next number of ``series`` (1, 2, …, or ``floor + 1`` on first use), in the caller's
    transaction: if the transaction rolls back, the number is not used up."""
    stmt = (
        update(NumberSeries)
        .where(NumberSeries.name == series)
        .values(last_value=NumberSeries.last_value + 1)
        .returning(NumberSeries.last_value)
    )
    value = session.execute(stmt).scalar_one_or_none()
    if value is not None:
        return int(value)
    try:
        with session.begin_nested():
            session.execute(insert(NumberSeries).values(name=series, last_value=floor + 1))
        return floor + 1
    except IntegrityError:
        # Another counter created the series a moment ago: take the next one after theirs.
        return int(session.execute(stmt).scalar_one())


def peek(session: Session, series: str) -> int:
    """The last number handed out in ``series`` (0 when none): for reports and tests."""
    return int(session.scalar(select(NumberSeries.last_value).where(NumberSeries.name == series)) or 0)
