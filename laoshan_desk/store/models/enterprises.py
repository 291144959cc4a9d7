"""一企一档: the one table of enterprises, keyed by USCC, that every area refers to.

An enterprise is found by its USCC (unique), its name, or the pinyin initials of its name
(``initials``, lower case, kept by the service that writes the name). Its place is a street and
community of the organisation tree plus a free address. An enterprise with no USCC yet (a branch
not registered, a sole trader) is recorded with the reason (docs/rules/alliance.md §alliance-enterprises);
the database refuses a row with neither.

The alliance refers to it today; the other areas still store names and codes of their own and are
read by USCC (and name) until their stored names are moved here.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk


class Enterprise(UUIDPk, Base):
    __tablename__ = "enterprise"
    __table_args__ = (CheckConstraint("uscc IS NOT NULL OR no_uscc_reason IS NOT NULL", name="uscc_or_reason"),)

    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    initials: Mapped[str] = mapped_column(String(60), index=True, default="")
    street_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    community_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    address: Mapped[str] = mapped_column(String(300), default="")
    no_uscc_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
