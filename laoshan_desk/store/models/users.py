"""Desk users: account, argon2 hash, role, unit, and the login-failure counter."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk


class User(UUIDPk, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(50))
    # Deferred: read only by the logins that check it. A street's PostgreSQL login may not read it
    # (migration 0035_street_private), so no other read of users may ask for it.
    password_hash: Mapped[str] = mapped_column(String(200), deferred=True)
    role: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    last_login_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
