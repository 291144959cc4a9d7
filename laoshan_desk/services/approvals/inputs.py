"""What a clerk fills in: one frozen input per write of the approvals services.

Each form names the row it changes (``item_id``, ``project_id``) and, where the screen edits a row
that has a version, the ``version`` the screen showed: a mismatch is the stale-record message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from laoshan_desk.domain.approvals import Classification, ItemStatus, LogKind, ProjectStatus, TeamRole
from laoshan_desk.domain.inputs import clean_text
from laoshan_desk.domain.timeutil import check_range

__all__ = [
    "cleaned",
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
    limit_kind: str = "working_days"  # LimitKind's code: working_days | calendar_days | none
    level: str = "district"  # district | city
    unverified: tuple[str, ...] = ()  # citations not verified (kept from the row; new ones join them)
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


# -- on the way in -------------------------------------------------------------------------------
# Fields whose line breaks are kept; every other text field becomes one line.
_MULTILINE = frozenset({"description", "detail", "note", "summary", "reason"})
_T = TypeVar("_T")


def cleaned(form: _T) -> _T:
    """``form`` with every text field (nested forms and tuples of text included) cleaned by
    ``domain.inputs.clean_text``: NUL and the other control characters dropped, NFC, trimmed; and
    every date checked against the desk's range (1949–2100, ``timeutil.check_range``). Each write
    service calls this first, so a character no workbook can hold never reaches the database."""
    if not dataclasses.is_dataclass(form) or isinstance(form, type):
        return form
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(form):
        value = getattr(form, f.name)
        new = _clean_value(value, f.name)
        if new is not value:
            changes[f.name] = new
    return dataclasses.replace(form, **changes) if changes else form


def _clean_value(value: Any, name: str) -> Any:
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        text = clean_text(value, field=name, multiline=name in _MULTILINE)
        return value if text == value else text
    if isinstance(value, dt.date):
        return check_range(value, field=name, label=_DATE_LABELS.get(name))
    if isinstance(value, tuple | list):
        items = [_clean_value(v, name) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return cleaned(value)
    return value


_DATE_LABELS = {
    "start_date": "开始日期",
    "target_date": "目标（开业）日期",
    "menu_issued_on": "点菜单日期",
    "fixed_finish": "固定完成日期",
    "on": "日期",
    "new_finish": "新节点日期",
    "decided_on": "决定日期",
    "solved_on": "解决日期",
    "issued_on": "发证日期",
}
