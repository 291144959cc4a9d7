"""Number series: the next appeal, project or notice number, allocated without collisions."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base


class NumberSeries(Base):
    """One row per series (``"appeal:LS20261125"``, ``"project"``): the last number handed out."""

    __tablename__ = "number_series"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_value: Mapped[int] = mapped_column(BigInteger, default=0)
