"""The plain data the preservation services hand to the UI and the CLI (never ORM objects)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.lights import Light

# --------------------------------------------------------------------------------------------
# Plain data handed to the UI and the CLI
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    case_number: str
    kind: str
    kind_label: str
    applicant: str
    respondent: str
    respondent_id: uuid.UUID
    respondent_number: str  # masked unless the role sees full numbers
    claim_amount: Decimal
    received_at: dt.datetime
    enterprise: bool
    status: str
    status_label: str
    light: Light
    light_text: str
    next_expiry: dt.date | None


@dataclasses.dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    code: str
    type: str
    type_label: str
    account_kind: str | None
    kind_label: str  # account kind label for accounts, type label otherwise
    institution: str
    number: str
    description: str
    value: Decimal
    in_operational_use: bool
    protected: bool
    protected_reason: str
    source: str

    @property
    def label(self) -> str:
        if self.description:
            return self.description
        return f"{self.kind_label}{self.number or self.code}"


@dataclasses.dataclass(frozen=True)
class GuaranteeRow:
    id: uuid.UUID
    type: str
    type_label: str
    issuer: str
    number: str
    amount: Decimal
    valid_until: dt.date
    undertaking: bool
    credit_agreement: str
    given_at: dt.datetime
    valid: bool


@dataclasses.dataclass(frozen=True)
class SelectionRow:
    asset_id: uuid.UUID
    code: str
    label: str
    institution: str
    number: str
    measure: str
    measure_label: str
    amount: Decimal
    asset_value: Decimal
    is_account: bool
    account_kind: str | None


@dataclasses.dataclass(frozen=True)
class ExclusionRow:
    code: str
    label: str
    reason: str


@dataclasses.dataclass(frozen=True)
class PlanView:
    stage: str  # proposed | adjusted | none
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
    id: uuid.UUID
    asset_id: uuid.UUID
    asset_label: str
    institution: str
    number: str
    is_account: bool
    measure: str
    measure_label: str
    amount: Decimal
    taken_on: dt.date
    term_years: int
    expiry: dt.date
    renew_apply_by: dt.date
    reminder_on: dt.date
    renewals: int
    status: str
    released_on: dt.date | None
    light: Light
    days_left: int


@dataclasses.dataclass(frozen=True)
class ReleaseRow:
    id: uuid.UUID
    reason: str
    reason_label: str
    ruled_at: dt.datetime
    ruling_number: str
    amount_freed: Decimal
    note: str


@dataclasses.dataclass(frozen=True)
class ClockRow:
    label: str
    start: dt.datetime | None
    due: dt.datetime | None
    done_at: dt.datetime | None
    light: Light
    basis: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class CaseDetail:
    id: uuid.UUID
    version: int
    case_number: str
    kind: str
    kind_label: str
    cause: str
    applicant: str
    applicant_number: str
    applicant_phone: str
    respondent_id: uuid.UUID
    respondent: str
    respondent_kind: str
    respondent_number: str
    respondent_phone: str
    numbers_masked: bool
    claim_amount: Decimal
    applicant_guarantee_type: str | None
    applicant_guarantee_amount: Decimal | None
    applicant_guarantee_required: Decimal | None
    received_at: dt.datetime
    enterprise: bool
    urgent: bool
    status: str
    status_label: str
    review: dict[str, Any]
    advice: rules.NecessityAdvice | None
    decision: str | None
    decision_label: str
    decision_reasons: str
    decided_by: str
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


@dataclasses.dataclass(frozen=True)
class ImportReport:
    added: int
    errors: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ReleaseResult:
    release_id: uuid.UUID | None
    ruling_number: str
    freed: Decimal
    released: tuple[SelectionRow, ...]
    kept: tuple[SelectionRow, ...]
    notes: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class RespondentRow:
    id: uuid.UUID
    name: str
    kind: str
    number: str
    cases: int
    active_measures: int


@dataclasses.dataclass(frozen=True)
class ExposureCase:
    case_id: uuid.UUID
    case_number: str
    applicant: str
    received_at: dt.datetime
    status_label: str
    claim: Decimal
    ruled: Decimal
    guaranteed: Decimal
    need: Decimal
    preserved: Decimal
    excess: Decimal
    light: Light


@dataclasses.dataclass(frozen=True)
class FrozenAccount:
    institution: str
    number: str
    cases: int
    amount: Decimal
    expiry: dt.date
    light: Light


@dataclasses.dataclass(frozen=True)
class Exposure:
    id: uuid.UUID
    name: str
    kind: str
    number: str
    cases: int
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal  # active measures, all kinds
    frozen_total: Decimal  # active freezes on accounts
    accounts_frozen: int  # distinct accounts with an active freeze
    active_measures: int
    guarantees_total: Decimal
    freed_total: Decimal
    need_total: Decimal  # what the open cases still need after guarantees
    over_freeze_total: Decimal
    over_freeze_cases: tuple[ExposureCase, ...]
    repeated_accounts: tuple[FrozenAccount, ...]  # frozen in more than one case
    renewals_due: tuple[MeasureRow, ...]
    case_rows: tuple[ExposureCase, ...]
    accounts: tuple[FrozenAccount, ...]


@dataclasses.dataclass(frozen=True)
class Statistics:
    cases: int
    by_status: dict[str, int]
    by_kind: dict[str, int]
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal
    freed_total: Decimal
    active_measures: int
    renewals_due: int
    enterprise_cases: int
    enterprise_same_day: int  # enterprise cases ruled on the day received
    rulings_on_time: int  # ruled by the desk's target
    by_month: list[tuple[str, int, Decimal]]
