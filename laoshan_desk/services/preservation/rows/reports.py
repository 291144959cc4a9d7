"""What the preservation services report beyond one case: a release's
result, a respondent's exposure across cases and the area's statistics.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    CaseStatus,
    PartyKind,
)

from .case import MeasureRow, SelectionRow

ZERO = Decimal("0")


@dataclasses.dataclass(frozen=True)
class ReleaseResult:
    release_id: uuid.UUID | None
    ruling_number: str
    freed: Decimal
    released: tuple[SelectionRow, ...]
    kept: tuple[SelectionRow, ...]
    notes: tuple[str, ...]
    expiry_warnings: tuple[str, ...] = ()  # guarantees ending before the freeze (第二十二条)
    consent_needed: tuple[str, ...] = ()  # disputed property kept: no applicant's consent (第二十二条)


@dataclasses.dataclass(frozen=True)
class RespondentRow:
    id: uuid.UUID
    name: str
    kind: PartyKind
    number: str
    cases: int
    active_measures: int


@dataclasses.dataclass(frozen=True)
class ExposureCase:
    case_id: uuid.UUID
    case_number: str
    applicant: str
    received_at: dt.datetime
    status: CaseStatus
    claim: Decimal
    ruled: Decimal
    guaranteed: Decimal
    need: Decimal
    preserved: Decimal
    excess: Decimal
    light: Light

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def over_ruled(self) -> Decimal:
        """The part of the excess beyond the ruled amount itself (超标的额): released under
        《查封、扣押、冻结财产的规定》第十九条, not on a guarantee."""
        return min(max(self.preserved - self.ruled, ZERO), self.excess)

    @property
    def covered_by_guarantee(self) -> Decimal:
        """The part of the excess the guarantees now cover: released on the guarantee
        (CPL art. 107, 《财产保全规定》第二十二条)."""
        return self.excess - self.over_ruled


@dataclasses.dataclass(frozen=True)
class FrozenAccount:
    institution: str
    number: str
    cases: int
    amount: Decimal
    expiry: dt.date
    light: Light
    repeat: rules.RepeatKind | None = None  # frozen by several cases: how (轮候 or a likely mistake)
    balance: Decimal = Decimal("0.00")
    applicants: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Exposure:
    """One respondent across all its cases (the seed's Company A at a glance)."""

    id: uuid.UUID
    name: str
    kind: PartyKind
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
    reminder_days: int


@dataclasses.dataclass(frozen=True)
class Statistics:
    cases: int
    by_status: dict[str, int]  # by the status's Chinese word
    by_kind: dict[str, int]  # by the kind's Chinese word
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal
    freed_total: Decimal
    active_measures: int
    renewals_due: int  # active terms inside the reminder window
    enterprise_cases: int
    enterprise_same_day: int  # enterprise cases ruled on the day received
    rulings_on_time: int  # ruled by the desk's target
    by_month: tuple[tuple[str, int, Decimal], ...]
    reminder_days: int
