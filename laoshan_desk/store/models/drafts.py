"""Drafts of unsaved dialogs, so that a crash or a lock loses nothing that was typed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk


class Draft(UUIDPk, Base):
    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("user_id", "form_key", name="uq_draft_user_form"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    form_key: Mapped[str] = mapped_column(String(100))
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]
