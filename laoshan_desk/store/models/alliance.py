"""兴商护航联盟 tables: members and honours, anti-counterfeiting requests and their steps,
complaints and reports with their testing periods, spot-check plans, batches and follow-ups,
policies and pushes, awards and seminars (the tab's settings are in services/settings.py).

Enterprises themselves are :class:`~laoshan_desk.store.models.enterprises.Enterprise` rows (一企一档).
A complaint row stores its *computed* limits (``accept_limit``, ``finish_limit``, ``due_on``) and
flags (``paused``, ``late``), recomputed by the service on every change, so that the queue filters
and sorts lights in SQL over a hundred thousand rows (docs/rules/alliance.md §alliance-lights). Rows a
screen edits carry a ``version`` (stale screens get a conflict message).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, Money, UUIDPk


# -- members and honours -----------------------------------------------------------------------
class AllianceMember(UUIDPk, Base):
    __tablename__ = "alliance_member"

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), unique=True)
    liaison_name: Mapped[str] = mapped_column(String(50))
    liaison_phone: Mapped[str] = mapped_column(String(32), default="")
    liaison_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    member_since: Mapped[dt.date] = mapped_column(Date)
    pledge_signed_on: Mapped[dt.date | None] = mapped_column(Date)  # 诚信经营倡议书
    stage: Mapped[str] = mapped_column(String(16))
    industry: Mapped[str] = mapped_column(String(16), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AllianceHonour(UUIDPk, Base):
    """A brand or honour an enterprise holds (member or not), with its level and year."""

    __tablename__ = "alliance_honour"
    __table_args__ = (UniqueConstraint("enterprise_id", "level", "title", "year", name="uq_alliance_honour_entry"),)

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), index=True)
    level: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")  # the brand or product honoured
    year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime]


# -- anti-counterfeiting requests --------------------------------------------------------------
class AllianceRequest(UUIDPk, Base):
    __tablename__ = "alliance_request"

    number: Mapped[str] = mapped_column(String(20), unique=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_member.id"), index=True)
    brand: Mapped[str] = mapped_column(String(100))
    products: Mapped[str] = mapped_column(Text)
    places: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(default=list)  # [{name, sha256, size}]
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    officers: Mapped[str] = mapped_column(String(200), default="")
    regions: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str | None] = mapped_column(String(16))
    closed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AllianceRequestStep(UUIDPk, Base):
    """One dated step of a request (docs/rules/alliance.md §alliance-requests)."""

    __tablename__ = "alliance_request_step"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_request.id", ondelete="CASCADE"), index=True)
    n: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    officers: Mapped[str] = mapped_column(String(200), default="")
    regions: Mapped[str] = mapped_column(String(200), default="")
    letter_number: Mapped[str | None] = mapped_column(String(40))
    recipient: Mapped[str | None] = mapped_column(String(200))  # the other region's bureau
    outcome: Mapped[str | None] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(String(50))
    at: Mapped[dt.datetime]


# -- complaints and reports --------------------------------------------------------------------
class AllianceComplaint(UUIDPk, Base):
    __tablename__ = "alliance_complaint"
    __table_args__ = (
        Index("ix_alliance_complaint_status_due", "status", "due_on"),
        Index("ix_alliance_complaint_due", "due_on", "seq"),
        Index("ix_alliance_complaint_member_received", "member_id", "received_at"),
        Index("ix_alliance_complaint_kind_received", "kind", "received_at"),
        Index("ix_alliance_complaint_finished", "finished_at", "outcome", "late"),
    )

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    complainant: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    real_name: Mapped[bool] = mapped_column(Boolean, default=False)
    enterprise_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("enterprise.id"), index=True)
    enterprise_name: Mapped[str] = mapped_column(String(200), default="")
    uscc: Mapped[str | None] = mapped_column(String(18), index=True)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alliance_member.id"))
    officer_name: Mapped[str] = mapped_column(String(50), default="")
    officer_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[dt.datetime | None]
    reject_reason: Mapped[str | None] = mapped_column(String(16))
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))
    # The clocks, recomputed by the service on every change (docs/rules/alliance.md §alliance-complaints).
    accept_limit: Mapped[dt.date] = mapped_column(Date)
    finish_limit: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="desk")  # desk | import | demo
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AllianceComplaintPause(UUIDPk, Base):
    """A testing period whose working days are not counted (docs/rules/alliance.md §alliance-complaints)."""

    __tablename__ = "alliance_complaint_pause"

    complaint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_complaint.id", ondelete="CASCADE"), index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


# -- spot checks -------------------------------------------------------------------------------
class AllianceSpotPlan(UUIDPk, Base):
    __tablename__ = "alliance_spot_plan"
    __table_args__ = (UniqueConstraint("year", "season", "product", name="uq_alliance_spot_plan_entry"),)

    year: Mapped[int] = mapped_column(Integer)
    season: Mapped[str] = mapped_column(String(16))
    product: Mapped[str] = mapped_column(String(16))
    planned_batches: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]


class AllianceSpotBatch(UUIDPk, Base):
    __tablename__ = "alliance_spot_batch"
    __table_args__ = (Index("ix_alliance_spot_batch_enterprise_product", "enterprise_id", "product", "sampled_on"),)

    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alliance_spot_plan.id"), index=True)
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"))
    product: Mapped[str] = mapped_column(String(16))
    product_name: Mapped[str] = mapped_column(String(100))
    batch_number: Mapped[str] = mapped_column(String(40), unique=True)
    sampled_on: Mapped[dt.date] = mapped_column(Date, index=True)
    lab: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    fee: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    repeat_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    result: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    items_failed: Mapped[str] = mapped_column(Text, default="")
    result_on: Mapped[dt.date | None] = mapped_column(Date)
    notified_on: Mapped[dt.date | None] = mapped_column(Date)
    reinspection_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    followup_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    followup_step: Mapped[str | None] = mapped_column(String(16))
    followup_closed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AllianceSpotFollowUp(UUIDPk, Base):
    """One step of following up a non-conforming batch."""

    __tablename__ = "alliance_spot_followup"

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_spot_batch.id", ondelete="CASCADE"), index=True)
    n: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(50))
    at: Mapped[dt.datetime]


# -- policies, pushes, awards -----------------------------------------------------------------
class AlliancePolicy(UUIDPk, Base):
    __tablename__ = "alliance_policy"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    issuer: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    stages: Mapped[list[Any]] = mapped_column(default=list)
    industries: Mapped[list[Any]] = mapped_column(default=list)
    honours: Mapped[list[Any]] = mapped_column(default=list)
    lines: Mapped[list[Any]] = mapped_column(default=list)
    conditions: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(Money)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AlliancePolicyPush(UUIDPk, Base):
    __tablename__ = "alliance_policy_push"
    __table_args__ = (UniqueConstraint("policy_id", "enterprise_id", name="uq_alliance_policy_push_pair"),)

    policy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_policy.id"))
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), index=True)
    pushed_at: Mapped[dt.datetime] = mapped_column(index=True)
    by: Mapped[str] = mapped_column(String(50))


class AllianceAward(UUIDPk, Base):
    __tablename__ = "alliance_award"

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), index=True)
    policy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alliance_policy.id"))
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(16))
    applied_on: Mapped[dt.date] = mapped_column(Date)
    paid_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# -- seminars ----------------------------------------------------------------------------------
class AllianceSeminar(UUIDPk, Base):
    __tablename__ = "alliance_seminar"

    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    topics: Mapped[list[Any]] = mapped_column(default=list)
    format: Mapped[str] = mapped_column(String(16))
    place: Mapped[str] = mapped_column(String(200), default="")
    materials: Mapped[list[Any]] = mapped_column(default=list)  # [{name, sha256, size}]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AllianceSeminarAttendee(UUIDPk, Base):
    __tablename__ = "alliance_seminar_attendee"

    seminar_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alliance_seminar.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("enterprise.id"), index=True)
    person: Mapped[str] = mapped_column(String(50), default="")
