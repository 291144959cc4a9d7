"""What the project screens show: frozen rows and views built by the services, never ORM objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from typing import Any

from laoshan_desk.domain.approvals import Classification, ItemStatus, next_statuses
from laoshan_desk.domain.lights import Light, worst

PROJECT_STATUS_LABELS = {"active": "推进中", "opened": "已开业", "closed": "已关闭"}
TEAM_ROLE_LABELS = {"commander": "指挥长", "deputy": "副指挥长", "leader": "施工队长", "member": "战斗员"}
LOG_KIND_LABELS = {"meeting": "专题会议", "visit": "现场踏勘", "problem": "问题"}


# -- outputs -----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class StepRow:
    status: str
    status_label: str
    on: dt.date
    by: str


@dataclasses.dataclass(frozen=True)
class ItemRow:
    id: uuid.UUID
    code: str
    name: str
    department: str
    classification: str
    reason: str
    responsible: str
    days: int
    prerequisites: tuple[str, ...]
    materials: tuple[str, ...]
    certificate: str | None
    pre_review: bool
    site_inspection: bool
    status: str
    steps: tuple[StepRow, ...]
    fixed_finish: dt.date | None
    note: str
    version: int
    # computed (must-do items only)
    earliest_start: dt.date | None = None
    earliest_finish: dt.date | None = None
    latest_start: dt.date | None = None
    latest_finish: dt.date | None = None
    slack_days: int | None = None
    critical: bool = False
    pinned: bool = False
    light: Light = Light.GREY
    ready: bool = False
    certificate_id: uuid.UUID | None = None

    @property
    def class_label(self) -> str:
        return Classification(self.classification).label

    @property
    def status_label(self) -> str:
        return ItemStatus(self.status).label

    @property
    def must_do(self) -> bool:
        return self.classification == Classification.MUST_DO.value

    @property
    def done(self) -> bool:
        return self.status == ItemStatus.DONE.value

    @property
    def node_date(self) -> dt.date | None:
        """The node on the wall chart: the planned finish (pins and actual dates included)."""
        return self.earliest_finish

    @property
    def finished_on(self) -> dt.date | None:
        return next((s.on for s in self.steps if s.status == ItemStatus.DONE.value), None)

    @property
    def accepted_on(self) -> dt.date | None:
        return next((s.on for s in self.steps if s.status == ItemStatus.ACCEPTED.value), None)

    @property
    def last_step(self) -> StepRow | None:
        return self.steps[-1] if self.steps else None

    @property
    def next_statuses(self) -> tuple[ItemStatus, ...]:
        return next_statuses(self.status, pre_review=self.pre_review, site_inspection=self.site_inspection)

    @property
    def on_time(self) -> bool | None:
        if self.finished_on is None or self.latest_finish is None:
            return None
        return self.finished_on <= self.latest_finish


@dataclasses.dataclass(frozen=True)
class TeamRow:
    id: uuid.UUID
    role: str
    name: str
    title: str
    department: str
    phone: str

    @property
    def role_label(self) -> str:
        return TEAM_ROLE_LABELS.get(self.role, self.role)


@dataclasses.dataclass(frozen=True)
class LogRow:
    id: uuid.UUID
    kind: str
    on: dt.date
    title: str
    detail: str
    departments: tuple[str, ...]
    owner: str
    solved_on: dt.date | None

    @property
    def kind_label(self) -> str:
        return LOG_KIND_LABELS.get(self.kind, self.kind)


@dataclasses.dataclass(frozen=True)
class LogCounts:
    meetings: int = 0
    visits: int = 0
    problems: int = 0
    solved: int = 0

    @property
    def open_problems(self) -> int:
        return self.problems - self.solved


@dataclasses.dataclass(frozen=True)
class MoveRow:
    id: uuid.UUID
    code: str
    name: str
    from_date: dt.date
    to_date: dt.date
    reason: str
    decided_on: dt.date | None
    decided_by: str
    dependents: tuple[dict[str, Any], ...]


@dataclasses.dataclass(frozen=True)
class CertificateRow:
    id: uuid.UUID
    number: str
    verification_code: str
    item_code: str
    title: str
    holder: str
    credit_code: str
    department: str
    issued_on: dt.date
    revoked: bool


@dataclasses.dataclass(frozen=True)
class ProjectView:
    id: uuid.UUID
    number: str
    name: str
    enterprise: str
    credit_code: str
    contact_name: str
    contact_title: str
    contact_phone: str
    street_id: uuid.UUID | None
    street_name: str
    address: str
    project_type: str
    project_type_label: str
    start_date: dt.date
    target_date: dt.date
    menu_issued_on: dt.date | None
    description: str
    status: str
    version: int
    today: dt.date
    items: tuple[ItemRow, ...]
    team: tuple[TeamRow, ...]
    log_counts: LogCounts
    moves: tuple[MoveRow, ...]
    certificates: tuple[CertificateRow, ...]
    feasible: bool
    critical_path: tuple[str, ...]
    warnings: tuple[str, ...]
    finish_date: dt.date | None

    @property
    def must_items(self) -> list[ItemRow]:
        return [i for i in self.items if i.must_do]

    @property
    def light(self) -> Light:
        return worst([i.light for i in self.must_items])

    @property
    def done_count(self) -> int:
        return sum(i.done for i in self.must_items)

    @property
    def ready_codes(self) -> list[str]:
        return [i.code for i in self.items if i.ready]

    def item(self, code: str) -> ItemRow:
        for i in self.items:
            if i.code == code:
                return i
        raise KeyError(code)

    def class_counts(self) -> Counter[str]:
        return Counter(i.classification for i in self.items)

    @property
    def status_label(self) -> str:
        return PROJECT_STATUS_LABELS.get(self.status, self.status)


@dataclasses.dataclass(frozen=True)
class ProjectRow:
    """One line of the project list."""

    id: uuid.UUID
    number: str
    name: str
    enterprise: str
    street_name: str
    start_date: dt.date
    target_date: dt.date
    status: str
    ordered: int
    must_do: int
    done: int
    red: int
    yellow: int
    light: Light
    feasible: bool
    next_node: dt.date | None

    @property
    def progress(self) -> str:
        return f"{self.done}/{self.must_do}"

    @property
    def status_label(self) -> str:
        return PROJECT_STATUS_LABELS.get(self.status, self.status)
