"""崂先办诉求: appeals, their steps, clocks' inputs, supervision, SMS outbox, visits, attachments,
and the proxy-service (帮代办) catalog and tasks.

The appeal row stores what the queue filters and sorts on, including the *computed* response
limit and completion limit (recomputed by the service on every change) and the on-time flags,
so that lights, overdue filters and statistics run in SQL over a million rows.

Full-text search (SQLite) uses two contentless FTS5 tables over ``appeal`` whose rowid is a key in
the order received (``appeal_fts_rcv``, ``appeal_fts_rcv_cjk``). They are not models:
:mod:`laoshan_desk.store.queries.appeals.fts_index` creates them and their triggers on first use,
so the Alembic comparison of models and migrations never sees them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk


class Appeal(UUIDPk, Base):
    __tablename__ = "appeal"
    __table_args__ = (
        # Composite indexes for the queue's usual filter + sort pairs.
        Index("ix_appeal_status_limit", "status", "completion_limit"),
        Index("ix_appeal_street_received", "street_id", "received_at"),
        Index("ix_appeal_unit_received", "unit_id", "received_at"),
        Index("ix_appeal_kind_received", "kind", "received_at"),
        Index("ix_appeal_channel_received", "channel", "received_at"),
        Index("ix_appeal_status_received", "status", "received_at"),
        Index("ix_appeal_handler_received", "handler_id", "received_at"),
        Index("ix_appeal_street_status", "street_id", "status"),
        Index("ix_appeal_community_status", "community_id", "status"),
        Index("ix_appeal_unit_status", "unit_id", "status"),
        # Covers "seq IN (full-text matches) ORDER BY received_at" without reading the rows.
        Index("ix_appeal_seq_received", "seq", "received_at"),
        # Covers the statistics' sums (services/appeals/stats.py) so they never read the rows.
        Index(
            "ix_appeal_stats",
            "received_at",
            "status",
            "completion_limit",
            "responded_on_time",
            "finished_late",
            "satisfaction",
            "unit_id",
        ),
        # Covers the hot spots (services/appeals/hotspots.py): a year's terms per community, the
        # grids and phones that come back, read from this index alone.
        Index("ix_appeal_hotspots", "received_at", "status", "community_id", "grid_id", "phone", "terms"),
    )

    # Integer sequence: part of the FTS tables' rowid (the receipt key) and a tie-breaker for sorting.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str | None] = mapped_column(String(50))

    appellant: Mapped[str | None] = mapped_column(String(100))
    appellant_initials: Mapped[str | None] = mapped_column(String(50), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    enterprise: Mapped[str | None] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(18))
    fast_lane: Mapped[bool] = mapped_column(Boolean, default=False)

    street_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    community_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    grid_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("grid.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    # What the appeal is about, segmented once when written (domain/appeals/terms.py): hot spots
    # count these instead of segmenting a year of texts while the clerk waits.
    terms: Mapped[str | None] = mapped_column(Text)

    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    handler_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), index=True)

    # Clocks: inputs and the stored results (recomputed by the service on every change).
    response_limit: Mapped[dt.datetime] = mapped_column(index=True)
    completion_limit: Mapped[dt.date] = mapped_column(Date, index=True)
    extension_until: Mapped[dt.date | None] = mapped_column(Date)
    extension_granted_at: Mapped[dt.datetime | None]
    dispatched_at: Mapped[dt.datetime | None]
    responded_at: Mapped[dt.datetime | None]
    responded_on_time: Mapped[bool | None] = mapped_column(Boolean)
    finished_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    finished_late: Mapped[bool | None] = mapped_column(Boolean, index=True)
    result: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[str | None] = mapped_column(String(16), index=True)
    visited_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    supervised: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appeal.id"))
    source: Mapped[str] = mapped_column(String(16), default="desk")  # desk | import | demo

    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AppealEvent(UUIDPk, Base):
    """Every step of an appeal: who, when, from which status to which, and why."""

    __tablename__ = "appeal_event"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    n: Mapped[int] = mapped_column(Integer, default=0)  # order of the steps of one appeal
    at: Mapped[dt.datetime]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(50))
    actor_name: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class AppealUnit(UUIDPk, Base):
    """Co-handling units (吹哨报到): departments summoned to help the handling unit."""

    __tablename__ = "appeal_unit"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="co")
    added_at: Mapped[dt.datetime]
    added_by: Mapped[str] = mapped_column(String(50))


class AppealExtension(UUIDPk, Base):
    __tablename__ = "appeal_extension"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    requested_at: Mapped[dt.datetime]
    requested_by: Mapped[str] = mapped_column(String(50))
    until: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="requested", index=True)  # requested|approved|refused
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(50))
    decision_note: Mapped[str] = mapped_column(Text, default="")


class AppealSuspension(UUIDPk, Base):
    """A suspension: requested with a reason, approved (the clock stops then), ended on resume."""

    __tablename__ = "appeal_suspension"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    reason_kind: Mapped[str] = mapped_column(String(16))  # appellant | test | other_body | other
    reason: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[dt.datetime]
    requested_by: Mapped[str] = mapped_column(String(50))
    state: Mapped[str] = mapped_column(String(16), default="requested", index=True)  # requested|approved|refused|ended
    approved_at: Mapped[dt.datetime | None]
    approved_by: Mapped[str | None] = mapped_column(String(50))
    start: Mapped[dt.datetime | None]
    end: Mapped[dt.datetime | None]


class AppealSupervision(UUIDPk, Base):
    """督办: chasing a late appeal; each record prints as a supervision notice (督办单)."""

    __tablename__ = "appeal_supervision"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    notice_number: Mapped[str] = mapped_column(String(40), unique=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    by: Mapped[str] = mapped_column(String(50))
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    overdue_workdays: Mapped[int] = mapped_column(Integer, default=0)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    demand: Mapped[str] = mapped_column(Text, default="")


class SmsMessage(UUIDPk, Base):
    """The SMS outbox: queued → sent, or failed and retried later; every state is visible."""

    __tablename__ = "sms_message"

    appeal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appeal.id", ondelete="SET NULL"), index=True)
    phone: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)  # queued|sent|failed|gave_up
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(index=True)
    next_try_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    gateway_id: Mapped[str | None] = mapped_column(String(100))


class AppealVisit(UUIDPk, Base):
    """回访: the appellant's verdict on the result."""

    __tablename__ = "appeal_visit"

    appeal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime]
    by: Mapped[str] = mapped_column(String(50))
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)


class Attachment(UUIDPk, Base):
    """A file of an appeal (picture, voice, video); the bytes live in the content-hash store."""

    __tablename__ = "attachment"

    appeal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255))
    media: Mapped[str] = mapped_column(String(16))  # picture | voice | video | other
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime]
    added_by: Mapped[str] = mapped_column(String(50))


class ProxyService(UUIDPk, Base):
    """帮代办 catalog entry (43 of them, from resources/data/proxy_services.json)."""

    __tablename__ = "proxy_service"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(50), index=True)
    department_code: Mapped[str | None] = mapped_column(String(16))
    materials: Mapped[list[Any]] = mapped_column(default=list)
    time_limit_workdays: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ProxyTask(UUIDPk, Base):
    """An appeal turned into a proxy-service task: staff do the paperwork for the citizen."""

    __tablename__ = "proxy_task"

    appeal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appeal.id", ondelete="SET NULL"), index=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proxy_service.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | done | cancelled
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(50))
    due: Mapped[dt.date | None] = mapped_column(Date)
    materials_received: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    finished_at: Mapped[dt.datetime | None]
