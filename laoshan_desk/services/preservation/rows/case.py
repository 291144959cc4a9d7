"""One preservation case as the screens show it: its row in the list, its assets, guarantees,
plan, measures, releases, clocks and reviews, and :class:`CaseDetail` holding them all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    AccountKind,
    ApplicantGuarantee,
    AssetSource,
    AssetType,
    CaseKind,
    CaseStatus,
    Decision,
    GuaranteeType,
    Measure,
    MeasureStatus,
    PartyKind,
    PlanStage,
    ReleaseReason,
)


@dataclasses.dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: uuid.UUID
    case_number: str
    kind: CaseKind
    applicant: str
    respondent: str
    respondent_id: uuid.UUID
    respondent_number: str  # masked unless the role sees full numbers
    claim_amount: Decimal
    received_at: dt.datetime
    enterprise: bool
    status: CaseStatus
    light: Light
    light_text: str
    next_expiry: dt.date | None

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclasses.dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    code: str
    type: AssetType
    account_kind: AccountKind | None
    institution: str
    number: str
    description: str
    value: Decimal
    in_operational_use: bool
    protected: bool
    protected_reason: str
    indivisible: bool
    source: AssetSource
    disputed: bool = False  # the disputed property itself (争议标的物)

    @property
    def type_label(self) -> str:
        return self.type.label

    @property
    def kind_label(self) -> str:
        """The account kind's word for an account, the type's otherwise."""
        return self.account_kind.label if self.account_kind else self.type.label

    @property
    def label(self) -> str:
        if self.description:
            return self.description
        return f"{self.kind_label}{self.number or self.code}"


@dataclasses.dataclass(frozen=True)
class GuaranteeRow:
    id: uuid.UUID
    type: GuaranteeType
    issuer: str
    number: str
    amount: Decimal
    valid_until: dt.date
    undertaking: bool
    credit_agreement: str
    given_at: dt.datetime
    valid: bool

    @property
    def type_label(self) -> str:
        return self.type.label


@dataclasses.dataclass(frozen=True)
class SelectionRow:
    """One line of a plan (or of a release): an asset, its measure and the amount."""

    asset_id: uuid.UUID
    code: str
    label: str
    institution: str
    number: str
    measure: Measure
    amount: Decimal
    asset_value: Decimal
    is_account: bool
    account_kind: AccountKind | None
    keeps_use: bool = False

    @property
    def measure_label(self) -> str:
        # A thing in use is sealed with the respondent keeping its use (活封, 《财产保全规定》第十三条).
        return self.measure.label + ("（活封）" if self.keeps_use else "")


@dataclasses.dataclass(frozen=True)
class RenewalResult:
    """A renewal done: the new end of the term, and the warning when applied late (第十八条)."""

    new_expiry: dt.date
    warning: str


@dataclasses.dataclass(frozen=True)
class ExclusionRow:
    code: str
    label: str
    reason: str


@dataclasses.dataclass(frozen=True)
class PlanView:
    """The plan a case holds now (the judge's adjustment when there is one), re-checked."""

    stage: PlanStage
    claim: Decimal
    guaranteed: Decimal
    need: Decimal
    selected: tuple[SelectionRow, ...]
    excluded: tuple[ExclusionRow, ...]
    total_preserved: Decimal
    covers_claim: bool
    over_scope: bool
    over_scope_reason: str
    needs_approval: bool
    approved: bool
    approved_by: str
    notes: tuple[str, ...]
    violations: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class MeasureRow:
    """A freeze or seizure taken, with its term, its reminders and today's light."""

    id: uuid.UUID
    asset_id: uuid.UUID
    asset_label: str
    institution: str
    number: str
    is_account: bool
    measure: Measure
    amount: Decimal
    taken_on: dt.date
    term_years: int
    expiry: dt.date
    renew_apply_by: dt.date
    reminder_on: dt.date
    renewals: int
    status: MeasureStatus
    released_on: dt.date | None
    light: Light
    days_left: int
    keeps_use: bool = False
    renewal_warning: str = ""  # the last renewal's late-application warning (第十八条), if any

    @property
    def measure_label(self) -> str:
        # A thing in use is sealed with the respondent keeping its use (活封, 《财产保全规定》第十三条).
        return self.measure.label + ("（活封）" if self.keeps_use else "")

    @property
    def active(self) -> bool:
        return self.status is MeasureStatus.ACTIVE


@dataclasses.dataclass(frozen=True)
class ReleaseRow:
    id: uuid.UUID
    reason: ReleaseReason
    ruled_at: dt.datetime
    ruling_number: str
    amount_freed: Decimal
    note: str

    @property
    def reason_label(self) -> str:
        return self.reason.label


@dataclasses.dataclass(frozen=True)
class ClockRow:
    """One clock of the case page: when it started, when it ends, whether it was kept, why."""

    label: str
    start: dt.datetime | None
    due: dt.datetime | None
    done_at: dt.datetime | None
    light: Light
    basis: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ReviewRow:
    """The step-1 review form as saved (None: not answered)."""

    preconditions_met: bool | None
    transfer_risk: bool | None
    purpose: str
    net_assets: Decimal | None
    taxes_paid: Decimal | None
    employees: int | None
    going_concern: bool | None
    dishonest: bool | None
    note: str
    claim_appears_safe: bool | None
    reviewed_at: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class CaseDetail:
    """One case in full, as its page shows it; ``version`` goes back with every write."""

    id: uuid.UUID
    version: int
    case_number: str
    kind: CaseKind
    cause: str
    applicant: str
    applicant_number: str
    applicant_phone: str
    respondent_id: uuid.UUID
    respondent: str
    respondent_kind: PartyKind
    respondent_number: str
    respondent_phone: str
    numbers_masked: bool
    claim_amount: Decimal
    applicant_guarantee_type: ApplicantGuarantee | None
    applicant_guarantee_amount: Decimal | None
    applicant_guarantee_required: Decimal | None
    received_at: dt.datetime
    enterprise: bool
    urgent: bool
    status: CaseStatus
    review: ReviewRow
    advice: rules.NecessityAdvice | None
    decision: Decision | None
    decision_reasons: str
    decided_by: str
    registered_by: str  # the court clerk who registered the case: 书记员 on its rulings
    ruled_amount: Decimal | None
    filed_at: dt.datetime | None
    ruled_at: dt.datetime | None
    executed_at: dt.datetime | None
    lawsuit_filed_at: dt.datetime | None
    lawsuit_due_on: dt.date | None
    assets: tuple[AssetRow, ...]
    guarantees: tuple[GuaranteeRow, ...]
    plan: PlanView
    measures: tuple[MeasureRow, ...]
    releases: tuple[ReleaseRow, ...]
    clocks: tuple[ClockRow, ...]
    light: Light
    light_text: str
    freed_total: Decimal
    reminder_days: int  # the admin setting the terms' reminders follow

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def decision_label(self) -> str:
        return self.decision.label if self.decision else ""

    @property
    def granted(self) -> bool:
        return self.decision is not None and self.decision.grants
