"""What a clerk fills in: one frozen input per write of the approvals services.

Each form names the row it changes (``item_id``, ``project_id``) and, where the screen edits a row
that has a version, the ``version`` the screen showed: a mismatch is the stale-record message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal

from laoshan_desk.domain.approvals import Classification, ItemStatus, LogKind, ProjectStatus, TeamRole

__all__ = [
    "OrderLine",
    "ProjectInput",
    "ProjectEdit",
    "ClassifyForm",
    "AddItemsForm",
    "RemoveItemForm",
    "AssignForm",
    "ItemEditForm",
    "TeamInput",
    "TeamForm",
    "NewMemberForm",
    "RemoveMemberForm",
    "AdvanceForm",
    "MoveNodeForm",
    "LogInput",
    "SolveForm",
    "CatalogItemForm",
    "ActiveForm",
    "IssueForm",
    "RevokeForm",
]


# -- intake and ordering -----------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class OrderLine:
    """One item as ordered: from the menu, the catalog, or a file (``name``/``days``/``after``
    override the catalog; ``extra_after`` adds to the catalog's prerequisites)."""

    code: str
    classification: Classification = Classification.MUST_DO
    reason: str = ""
    name: str | None = None
    days: int | None = None
    after: tuple[str, ...] | None = None
    extra_after: tuple[str, ...] = ()
    department: str | None = None
    responsible: str = ""
    fixed_finish: dt.date | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ProjectInput:
    """The intake form: the enterprise, the street, the dates and the order from the menu."""

    name: str
    enterprise: str
    credit_code: str
    street: str | uuid.UUID | None
    start_date: dt.date | None
    target_date: dt.date | None
    items: Sequence[OrderLine] = ()
    contact_name: str = ""
    contact_title: str = ""
    contact_phone: str = ""
    address: str = ""
    project_type: str = ""
    description: str = ""
    menu_issued_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class ProjectEdit:
    """A change to a project's header; None leaves a field as it is."""

    project_id: uuid.UUID
    version: int
    name: str | None = None
    enterprise: str | None = None
    credit_code: str | None = None
    contact_name: str | None = None
    contact_title: str | None = None
    contact_phone: str | None = None
    address: str | None = None
    start_date: dt.date | None = None
    target_date: dt.date | None = None
    description: str | None = None
    status: ProjectStatus | None = None
    street: str | uuid.UUID | None = None


@dataclasses.dataclass(frozen=True)
class ClassifyForm:
    """Must-do / self-handled / not needed, and the reason printed on the one-time notice."""

    item_id: uuid.UUID
    version: int
    classification: Classification
    reason: str


@dataclasses.dataclass(frozen=True)
class AddItemsForm:
    project_id: uuid.UUID
    lines: Sequence[OrderLine]


@dataclasses.dataclass(frozen=True)
class RemoveItemForm:
    item_id: uuid.UUID
    version: int


@dataclasses.dataclass(frozen=True)
class AssignForm:
    """Who handles an item and, for this project, its days and prerequisites; None keeps one."""

    item_id: uuid.UUID
    version: int
    responsible: str | None = None
    department: str | None = None
    days: int | None = None
    prerequisites: tuple[str, ...] | None = None


@dataclasses.dataclass(frozen=True)
class ItemEditForm:
    """The 分类与指派 form of one item: its classification and reason, and who handles it."""

    item_id: uuid.UUID
    version: int
    classification: Classification
    reason: str
    responsible: str | None = None
    department: str | None = None
    days: int | None = None


# -- the gold team -----------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class TeamInput:
    role: TeamRole
    name: str
    title: str = ""
    department: str = ""
    phone: str = ""


@dataclasses.dataclass(frozen=True)
class TeamForm:
    """The whole gold team of a project, replacing the one before."""

    project_id: uuid.UUID
    members: Sequence[TeamInput]


@dataclasses.dataclass(frozen=True)
class NewMemberForm:
    project_id: uuid.UUID
    member: TeamInput


@dataclasses.dataclass(frozen=True)
class RemoveMemberForm:
    project_id: uuid.UUID
    member_id: uuid.UUID


# -- tracking ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class AdvanceForm:
    """One step on (预审 → 受理 → 踏勘验收 → 销号) on the day ``on``, by ``by``."""

    item_id: uuid.UUID
    version: int
    status: ItemStatus
    on: dt.date
    by: str = ""
    note: str = ""


@dataclasses.dataclass(frozen=True)
class MoveNodeForm:
    """调整节点: the new finish of an item and why; decided on a day (today if None) by someone."""

    item_id: uuid.UUID
    version: int
    new_finish: dt.date
    reason: str
    decided_on: dt.date | None = None
    decided_by: str = ""


# -- the task-force log ------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class LogInput:
    """A meeting, a site visit or a problem (a problem names its owner)."""

    project_id: uuid.UUID
    kind: LogKind
    on: dt.date
    title: str
    detail: str = ""
    departments: tuple[str, ...] = ()
    owner: str = ""
    solved_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class SolveForm:
    entry_id: uuid.UUID
    solved_on: dt.date


# -- the catalog -------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class CatalogItemForm:
    """One catalog item as the admin edits it. Lists may be typed as text (one per line, or
    separated by ；); ``version`` is the one the form showed (None for a new item)."""

    code: str
    name: str
    department: str
    statutory_days: int
    committed_days: int
    stage: str = ""
    materials: tuple[str, ...] | str = ()
    legal_basis: tuple[str, ...] | str = ()
    prerequisites: tuple[str, ...] | str = ()
    pre_review: bool = True
    site_inspection: bool = False
    certificate: str | None = None
    fee: Decimal | str = Decimal("0.00")
    active: bool | None = None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class ActiveForm:
    """Withdraw a catalog item from the menu, or restore it."""

    code: str
    active: bool
    version: int | None = None


# -- certificates ------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class IssueForm:
    """Issue the licence of a ticked-off item, dated ``issued_on`` (today if None)."""

    item_id: uuid.UUID
    issued_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class RevokeForm:
    certificate_id: uuid.UUID
    reason: str
