"""Property preservation review (财产保全审查): parties, cases, assets, plans, measures, releases.

A respondent is one :class:`PresParty` keyed by its USCC or resident ID, so one company's
exposure spans all its cases. A case carries the step-1 review and decision; its assets, the
guarantees given for the respondent, the plan (as proposed and as adjusted by the judge), the
measures actually taken (with their terms and renewals), releases and clock events hang under it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, Money, UUIDPk


class PresParty(UUIDPk, Base):
    """A respondent (or applicant) of preservation cases: enterprise (USCC) or person (ID)."""

    __tablename__ = "pres_party"

    kind: Mapped[str] = mapped_column(String(16))  # enterprise | person
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str] = mapped_column(String(32), unique=True)  # USCC or resident ID
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime]


class PresCase(UUIDPk, Base):
    __tablename__ = "pres_case"

    case_number: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # pre_suit | in_suit | pre_enforcement
    applicant: Mapped[str] = mapped_column(String(200))
    applicant_id_number: Mapped[str | None] = mapped_column(String(32))
    applicant_phone: Mapped[str | None] = mapped_column(String(32))
    respondent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_party.id"), index=True)
    cause: Mapped[str | None] = mapped_column(String(100))  # 案由
    claim_amount: Mapped[Decimal] = mapped_column(Money)
    # The applicant's own guarantee for the application (《财产保全规定》第五条).
    applicant_guarantee_type: Mapped[str | None] = mapped_column(String(20))  # cash|property|bank|insurance|none
    applicant_guarantee_amount: Mapped[Decimal | None] = mapped_column(Money)
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    enterprise: Mapped[bool] = mapped_column(default=False, index=True)  # green channel
    urgent: Mapped[bool] = mapped_column(default=False)
    # Step 1 review (能不保就不保).
    preconditions_met: Mapped[bool | None]
    transfer_risk: Mapped[bool | None]
    purpose: Mapped[str | None] = mapped_column(Text)
    net_assets: Mapped[Decimal | None] = mapped_column(Money)
    taxes_paid: Mapped[Decimal | None] = mapped_column(Money)
    employees: Mapped[int | None] = mapped_column(Integer)
    going_concern: Mapped[bool | None]
    dishonest: Mapped[bool | None]
    claim_appears_safe: Mapped[bool | None]
    review_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[dt.datetime | None]
    decision: Mapped[str | None] = mapped_column(String(20), index=True)  # grant | grant_in_part | refuse
    decision_reasons: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    registered_by: Mapped[str | None] = mapped_column(String(100))  # the 书记员 on the rulings
    # The applicant applied to release (《财产保全规定》第二十三条): ruled within 5 days (48 h urgent).
    release_applied_at: Mapped[dt.datetime | None]
    release_applied_ruled_at: Mapped[dt.datetime | None]
    ruled_amount: Mapped[Decimal | None] = mapped_column(Money)
    # Clocks (also kept as PresClockEvent rows).
    filed_at: Mapped[dt.datetime | None]
    ruled_at: Mapped[dt.datetime | None]
    executed_at: Mapped[dt.datetime | None]
    lawsuit_filed_at: Mapped[dt.datetime | None]
    lawsuit_due_on: Mapped[dt.date | None] = mapped_column(Date)
    next_expiry: Mapped[dt.date | None] = mapped_column(Date, index=True)  # earliest active term end
    # Basic-account approval (本院“基本户慎冻”规则).
    basic_approved_by: Mapped[str | None] = mapped_column(String(100))
    basic_approved_at: Mapped[dt.datetime | None]
    basic_approval_note: Mapped[str | None] = mapped_column(Text)
    # received | granted | refused | executed | released | closed
    status: Mapped[str] = mapped_column(String(16), index=True, default="received")
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class PresAsset(UUIDPk, Base):
    """One asset of the respondent for one case (typed or imported from the asset inquiry)."""

    __tablename__ = "pres_asset"
    __table_args__ = (UniqueConstraint("case_id", "code", name="uq_pres_asset_case_code"),)

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))  # the plan's asset id
    type: Mapped[str] = mapped_column(String(20))
    account_kind: Mapped[str | None] = mapped_column(String(16))
    institution: Mapped[str | None] = mapped_column(String(200))  # bank or registry
    number: Mapped[str | None] = mapped_column(String(100), index=True)  # account / certificate number
    description: Mapped[str | None] = mapped_column(String(300))
    value: Mapped[Decimal] = mapped_column(Money)
    in_operational_use: Mapped[bool] = mapped_column(default=False)
    protected: Mapped[bool] = mapped_column(default=False)
    protected_reason: Mapped[str | None] = mapped_column(String(200))
    # Real estate not to be sealed in part (《财产保全规定》第十五条; docs/rules.md §preservation-plan).
    indivisible: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The disputed property itself (争议标的物): released on a guarantee only with the applicant's
    # consent (《财产保全规定》第二十二条; docs/rules.md §preservation-release).
    disputed: Mapped[bool] = mapped_column(default=False, server_default=false())
    source: Mapped[str] = mapped_column(String(16), default="typed")  # typed | import | cli | demo
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PresGuarantee(UUIDPk, Base):
    """A guarantee for the respondent replacing preservation (履约保函 etc.)."""

    __tablename__ = "pres_guarantee"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))  # performance_bond | insurance | cash
    issuer: Mapped[str | None] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(Money)
    valid_until: Mapped[dt.date] = mapped_column(Date)
    undertaking: Mapped[bool] = mapped_column(default=False)  # 履约承诺函
    credit_agreement: Mapped[str | None] = mapped_column(String(200))  # 授信协议
    given_at: Mapped[dt.datetime]


class PresSelection(UUIDPk, Base):
    """One line of the plan: stage ``proposed`` (the desk) or ``adjusted`` (the judge)."""

    __tablename__ = "pres_selection"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_asset.id", ondelete="CASCADE"), index=True)
    measure: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money)
    created_at: Mapped[dt.datetime]


class PresPlanNote(UUIDPk, Base):
    """The plan's notes, exclusions and violations as shown to the judge (per stage)."""

    __tablename__ = "pres_plan_note"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))  # note | excluded | violation | over_scope
    asset_code: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class PresMeasure(UUIDPk, Base):
    """A freeze or seizure actually taken, with its term (司法解释第四百八十五条)."""

    __tablename__ = "pres_measure"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_asset.id"), index=True)
    respondent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_party.id"), index=True)
    measure: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money)
    taken_on: Mapped[dt.date] = mapped_column(Date)
    term_years: Mapped[int] = mapped_column(Integer)
    expiry: Mapped[dt.date] = mapped_column(Date, index=True)
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    released_on: Mapped[dt.date | None] = mapped_column(Date)
    release_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pres_release.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default="active")  # active | released

    __table_args__ = (Index("ix_pres_measure_status_expiry", "status", "expiry"),)


class PresRenewal(UUIDPk, Base):
    __tablename__ = "pres_renewal"

    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_measure.id", ondelete="CASCADE"), index=True)
    renewed_on: Mapped[dt.date] = mapped_column(Date)
    previous_expiry: Mapped[dt.date] = mapped_column(Date)
    new_expiry: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(100))
    applied_on: Mapped[dt.date | None] = mapped_column(Date)  # when the applicant applied
    late_warning: Mapped[str | None] = mapped_column(Text)  # applied < 7 days before the end (第十八条)


class PresRelease(UUIDPk, Base):
    """A release ruling (解除保全裁定): on a guarantee, on application, or because no suit."""

    __tablename__ = "pres_release"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    guarantee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pres_guarantee.id"))
    reason: Mapped[str] = mapped_column(String(20))  # guarantee | no_suit | application | other
    ruled_at: Mapped[dt.datetime] = mapped_column(index=True)
    ruling_number: Mapped[str] = mapped_column(String(80))
    amount_freed: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))
    # 申请保全人同意 releasing the disputed property (《财产保全规定》第二十二条), and how it was given.
    applicant_consent: Mapped[bool] = mapped_column(default=False, server_default=false())
    consent_note: Mapped[str | None] = mapped_column(Text)


class PresClockEvent(UUIDPk, Base):
    """Received, filed, ruled, executed, lawsuit filed, released: the case's clock."""

    __tablename__ = "pres_clock_event"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pres_case.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime]
    note: Mapped[str | None] = mapped_column(String(300))
