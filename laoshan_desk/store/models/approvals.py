"""审批点菜单 tables: the catalog and menus, projects and their ordered items, the gold team, the
task-force log and the certificates.

Node dates are not stored: the services compute the reverse schedule from these rows whenever
they are read (domain.approvals.schedule with the desk's calendar), so a calendar override or a tick-off
moves every date at once. What *is* stored are the facts and decisions that bend the schedule:
pins (``fixed_start``/``fixed_finish``), the dated status steps, and the node-move history.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, Money, UUIDPk


class ApprovalItem(UUIDPk, Base):
    """One kind of approval in the district's catalog (事项库), editable by admins."""

    __tablename__ = "approval_item"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    department: Mapped[str] = mapped_column(String(100), index=True)
    stage: Mapped[str] = mapped_column(String(50), default="")
    statutory_days: Mapped[int]
    committed_days: Mapped[int]
    materials: Mapped[list[Any]] = mapped_column(default=list)
    legal_basis: Mapped[list[Any]] = mapped_column(default=list)
    prerequisites: Mapped[list[Any]] = mapped_column(default=list)
    pre_review: Mapped[bool] = mapped_column(default=True)
    site_inspection: Mapped[bool] = mapped_column(default=False)
    certificate: Mapped[str | None] = mapped_column(String(100))
    fee: Mapped[decimal.Decimal] = mapped_column(Money, default=decimal.Decimal("0.00"))
    # docs/rules.md §approvals-time-limits: how the statutory limit counts (domain LimitKind),
    # who decides (district | city), and which citations of legal_basis are not verified.
    limit_kind: Mapped[str] = mapped_column(String(16), default="working_days")
    level: Mapped[str] = mapped_column(String(16), default="district")
    unverified: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class MenuTemplate(UUIDPk, Base):
    """A set menu (套餐) for a kind of project: entries ``[{code, class, reason}]`` in menu order."""

    __tablename__ = "approval_menu_template"

    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    entries: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class ApprovalProject(UUIDPk, Base):
    """A key project the window takes from "the list the enterprise brings" to "opened"."""

    __tablename__ = "approval_project"

    seq: Mapped[int] = mapped_column(unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    enterprise: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_title: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    street_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    street_name: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    project_type: Mapped[str] = mapped_column(String(50), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    target_date: Mapped[dt.date] = mapped_column(Date, index=True)
    menu_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_number: Mapped[str | None] = mapped_column(String(40))  # 崂审批告〔2026〕N号, from the series
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)  # active | opened | closed
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(50), default="")
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ProjectItem(UUIDPk, Base):
    """One ordered item of a project: how it is classified (and why), who handles it, its pins.

    ``name``, ``department``, ``days``, ``prerequisites``, ``materials`` and the step switches are
    copied from the catalog when ordered, so a later catalog edit does not rewrite a project.
    """

    __tablename__ = "approval_project_item"
    __table_args__ = (
        UniqueConstraint("project_id", "code", name="uq_approval_project_item_code"),
        Index("ix_approval_project_item_dept_status", "department", "status"),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100), default="")
    classification: Mapped[str] = mapped_column(String(16))  # must_do | self_handled | not_needed
    reason: Mapped[str] = mapped_column(String(500), default="")
    responsible: Mapped[str] = mapped_column(String(50), default="")
    days: Mapped[int] = mapped_column(default=1)
    # docs/rules.md §approvals-time-limits: the catalog's statutory limit when ordered; kind None
    # for an item the catalog does not have (not known).
    limit_kind: Mapped[str | None] = mapped_column(String(16))
    statutory_days: Mapped[int] = mapped_column(default=0, server_default="0")
    prerequisites: Mapped[list[Any]] = mapped_column(default=list)
    materials: Mapped[list[Any]] = mapped_column(default=list)
    certificate: Mapped[str | None] = mapped_column(String(100))
    pre_review: Mapped[bool] = mapped_column(default=True)
    site_inspection: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    fixed_start: Mapped[dt.date | None] = mapped_column(Date)
    fixed_finish: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ItemStep(UUIDPk, Base):
    """One dated move of an item through its life cycle (预审 → 受理 → 踏勘验收 → 销号)."""

    __tablename__ = "approval_item_step"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project_item.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date, index=True)
    by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(50), default="")


class NodeMove(UUIDPk, Base):
    """A node moved with its reason (调整节点): fire acceptance 28 Apr → 15 May, and who followed."""

    __tablename__ = "approval_node_move"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project_item.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(500))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    dependents: Mapped[list[Any]] = mapped_column(default=list)  # [{code, old_finish, new_finish, workdays}]
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(50), default="")


class TeamMember(UUIDPk, Base):
    """A member of a project's gold team (金牌团队)."""

    __tablename__ = "approval_team_member"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # commander | deputy | leader | member
    name: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class LogEntry(UUIDPk, Base):
    """The task-force log (专班台账): a meeting, a site visit or a problem (raised, owner, solved)."""

    __tablename__ = "approval_log_entry"
    __table_args__ = (Index("ix_approval_log_entry_project_kind", "project_id", "kind"),)

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # meeting | visit | problem
    on: Mapped[dt.date] = mapped_column(Date)  # held / visited / raised on
    title: Mapped[str] = mapped_column(String(300), default="")  # meeting title, visit place, problem
    detail: Mapped[str] = mapped_column(Text, default="")  # summary, purpose, description
    departments: Mapped[list[Any]] = mapped_column(default=list)
    owner: Mapped[str] = mapped_column(String(50), default="")
    solved_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(50), default="")


class Certificate(UUIDPk, Base):
    """A licence or permit printed for a finished item, with its verification code (QR)."""

    __tablename__ = "approval_certificate"

    number: Mapped[str] = mapped_column(String(50), unique=True)
    verification_code: Mapped[str] = mapped_column(String(16), unique=True)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_project_item.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(100))
    holder: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18))
    department: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime]
    issued_by: Mapped[str] = mapped_column(String(50), default="")
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str] = mapped_column(String(50), default="")
    revoked_reason: Mapped[str] = mapped_column(String(300), default="")
