"""Dates between Qt and Python: one pair of converters for every date widget."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    """A QDate as a ``datetime.date`` (``QDate.toPython()`` is typed as ``object``)."""
    return dt.date(day.year(), day.month(), day.day())
