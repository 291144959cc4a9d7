"""Admin overrides of the working-day calendar, and the years marked complete."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk


class CalendarOverride(UUIDPk, Base):
    __tablename__ = "calendar_override"

    day: Mapped[dt.date] = mapped_column(unique=True)
    is_workday: Mapped[bool]
    note: Mapped[str] = mapped_column(String(100), default="")


class CalendarYear(Base):
    """A year whose make-up working days an admin has entered in full."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    confirmed: Mapped[bool] = mapped_column(default=True)
