"""What the clerk or the judge fills in for each preservation write: one frozen dataclass each.

Text comes as typed (the service checks it and says what is wrong beside the field); codes are
the domain's enums or their stored values. Every form that acts on a case on file carries the
``version`` its screen showed (:attr:`CaseDetail.version`): a case saved meanwhile by someone
else is refused with the stale-record message and nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from laoshan_desk.domain.preservation import (
    AccountKind,
    ApplicantGuarantee,
    AssetType,
    CaseKind,
    CaseStatus,
    Decision,
    GuaranteeType,
    ReleaseReason,
)

Amount = str | int | Decimal  # as typed ("1,200,000.00") or already a number


@dataclasses.dataclass(frozen=True)
class CaseForm:
    """新收保全申请: the application as registered (立案)."""

    case_number: str
    kind: CaseKind | str
    applicant: str
    respondent: str
    respondent_id: str  # USCC or resident ID
    claim_amount: Amount
    received_at: dt.datetime
    cause: str = ""
    enterprise: bool | None = None  # None: from the respondent's number
    urgent: bool = False
    respondent_phone: str = ""
    applicant_id_number: str = ""
    applicant_phone: str = ""
    applicant_guarantee_type: ApplicantGuarantee | str | None = None
    applicant_guarantee_amount: Amount | None = None


@dataclasses.dataclass(frozen=True)
class CaseRef:
    """A case as its screen showed it, for a write with nothing else to fill in."""

    case_id: uuid.UUID
    version: int


@dataclasses.dataclass(frozen=True)
class GuaranteeReleaseForm:
    """因担保解除保全: the case as shown; ``expiry_confirmed`` when the judge has confirmed a
    release that relies on a guarantee ending before the freeze it replaces (第二十二条).
    ``applicant_consent`` (申请保全人同意) lets the release include the disputed property itself
    (第二十二条, second sentence); ``consent_note`` says how the consent was given."""

    case_id: uuid.UUID
    version: int
    expiry_confirmed: bool = False
    applicant_consent: bool = False
    consent_note: str = ""


@dataclasses.dataclass(frozen=True)
class ReviewForm:
    """Step 1's review form (None: not answered)."""

    case_id: uuid.UUID
    version: int
    preconditions_met: bool | None = None
    transfer_risk: bool | None = None
    purpose: str = ""
    net_assets: Amount | None = None
    taxes_paid: Amount | None = None
    employees: int | None = None
    going_concern: bool | None = None
    dishonest: bool | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class DecisionForm:
    """The judge's decision with its reasons."""

    case_id: uuid.UUID
    version: int
    decision: Decision | str | None
    reasons: str


@dataclasses.dataclass(frozen=True)
class AssetForm:
    """One asset of the respondent, typed at the counter (登记财产)."""

    case_id: uuid.UUID
    version: int
    type: AssetType | str
    value: Amount
    account_kind: AccountKind | str | None = None
    institution: str = ""
    number: str = ""
    description: str = ""
    in_operational_use: bool = False
    protected: bool = False
    protected_reason: str = ""
    indivisible: bool = False  # real estate not to be sealed in part (《财产保全规定》第十五条)
    disputed: bool = False  # the disputed property itself: its release needs the applicant's consent
    code: str = ""  # empty: the next A1, A2 …


@dataclasses.dataclass(frozen=True)
class AssetRemoval:
    asset_id: uuid.UUID
    version: int  # of the case the asset belongs to


@dataclasses.dataclass(frozen=True)
class ImportForm:
    """The online asset inquiry's export (网络查控结果) to import into a case."""

    case_id: uuid.UUID
    version: int
    path: Path


@dataclasses.dataclass(frozen=True)
class GuaranteeForm:
    """A guarantee for the respondent (履约保函 …) that reduces or replaces preservation."""

    case_id: uuid.UUID
    version: int
    type: GuaranteeType | str
    amount: Amount
    valid_until: dt.date
    issuer: str = ""
    number: str = ""
    undertaking: bool = False
    credit_agreement: str = ""


@dataclasses.dataclass(frozen=True)
class AdjustForm:
    """The judge's plan: (asset code, amount as typed or None for the whole value) per asset."""

    case_id: uuid.UUID
    version: int
    selections: tuple[tuple[str, Amount | None], ...]


@dataclasses.dataclass(frozen=True)
class ApprovalForm:
    """A leader's approval of freezing the basic account."""

    case_id: uuid.UUID
    version: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class MeasuresForm:
    """The measures taken on ``taken_on``; ``term_years`` may shorten a term per asset code."""

    case_id: uuid.UUID
    version: int
    taken_on: dt.date
    term_years: Mapping[str, int] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class ReleaseApplicationForm:
    """The applicant applied to release the preservation on ``applied_on`` (第二十三条): the day
    the clerk enters (today or earlier), or the exact moment when it is known."""

    case_id: uuid.UUID
    version: int
    applied_on: dt.date  # a dt.datetime is a date too: the clock then starts at that moment


@dataclasses.dataclass(frozen=True)
class LawsuitForm:
    """The pre-suit applicant sued (or applied for arbitration) at ``filed_on``."""

    case_id: uuid.UUID
    version: int
    filed_on: dt.datetime


@dataclasses.dataclass(frozen=True)
class RenewalForm:
    """A renewal (续行) of one measure from ``renewed_on``; ``years`` may shorten the new term.
    ``applied_on``: when the applicant applied (the renewal day when not given)."""

    measure_id: uuid.UUID
    version: int  # of the case the measure belongs to
    renewed_on: dt.date
    years: int | None = None
    applied_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class ReleaseForm:
    """A release of every active measure, with its reason."""

    case_id: uuid.UUID
    version: int
    reason: ReleaseReason | str | None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class CaseFilter:
    """The case list's filters (all optional): text, status, one respondent, needs attention."""

    text: str = ""
    status: CaseStatus | str | None = None
    respondent_id: uuid.UUID | None = None
    attention: bool = False
