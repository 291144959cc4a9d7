"""What the project screens show: frozen rows and views built by the services, never ORM objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter

from laoshan_desk.domain.approvals import (
    Classification,
    ItemSignal,
    ItemStatus,
    LogKind,
    ProjectStatus,
    Shift,
    TeamRole,
    next_statuses,
    worst_signal,
)
from laoshan_desk.domain.lights import Light, worst

__all__ = [
    "StepRow",
    "ItemRow",
    "TeamRow",
    "LogRow",
    "LogCounts",
    "ShiftRow",
    "MoveRow",
    "CertificateRow",
    "ProjectView",
    "ProjectRow",
    "AdvanceResult",
    "MoveResult",
]


@dataclasses.dataclass(frozen=True)
class StepRow:
    """One recorded step of an item: to which status, on which day, by whom."""

    status: ItemStatus
    on: dt.date
    by: str

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclasses.dataclass(frozen=True)
class ItemRow:
    """One ordered item on the project page, with its node dates and light (must-do items)."""

    id: uuid.UUID
    code: str
    name: str
    department: str
    classification: Classification
    reason: str
    responsible: str
    days: int
    prerequisites: tuple[str, ...]
    materials: tuple[str, ...]
    certificate: str | None
    pre_review: bool
    site_inspection: bool
    status: ItemStatus
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
    # the light in words on the same day: 超期 / 计划不可行 / 临期 / 正常 / 已销号 (domain.approvals.item_signal)
    signal: ItemSignal = ItemSignal.NONE
    ready: bool = False
    certificate_id: uuid.UUID | None = None
    # docs/rules.md §approvals-time-limits: 法定7日（自然日），承诺3个工作日 / 无法定时限，承诺…
    limit_text: str = ""
    statutory_due: dt.date | None = None  # None: no statutory limit (or not known)

    @property
    def class_label(self) -> str:
        return self.classification.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def must_do(self) -> bool:
        return self.classification is Classification.MUST_DO

    @property
    def done(self) -> bool:
        return self.status is ItemStatus.DONE

    @property
    def node_date(self) -> dt.date | None:
        """The node on the wall chart: the planned finish (pins and actual dates included)."""
        return self.earliest_finish

    @property
    def finished_on(self) -> dt.date | None:
        return next((s.on for s in self.steps if s.status is ItemStatus.DONE), None)

    @property
    def accepted_on(self) -> dt.date | None:
        return next((s.on for s in self.steps if s.status is ItemStatus.ACCEPTED), None)

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
    role: TeamRole
    name: str
    title: str
    department: str
    phone: str

    @property
    def role_label(self) -> str:
        return self.role.label


@dataclasses.dataclass(frozen=True)
class LogRow:
    id: uuid.UUID
    kind: LogKind
    on: dt.date
    title: str
    detail: str
    departments: tuple[str, ...]
    owner: str
    solved_on: dt.date | None

    @property
    def kind_label(self) -> str:
        return self.kind.label


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
class ShiftRow:
    """How one dependent's planned finish moved with a node (working days, + later)."""

    code: str
    old_finish: dt.date
    new_finish: dt.date
    workdays: int


@dataclasses.dataclass(frozen=True)
class MoveRow:
    """A node moved, with its reason and what followed it (调整节点记录)."""

    id: uuid.UUID
    code: str
    name: str
    from_date: dt.date
    to_date: dt.date
    reason: str
    decided_on: dt.date | None
    decided_by: str
    dependents: tuple[ShiftRow, ...]


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
    """Everything the project page shows, with the schedule as of ``today``."""

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
    status: ProjectStatus
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
    notice_number: str = ""  # 崂审批告〔2026〕N号 (docs/rules.md §approvals-numbers)

    @property
    def must_items(self) -> list[ItemRow]:
        return [i for i in self.items if i.must_do]

    @property
    def light(self) -> Light:
        return worst([i.light for i in self.must_items])

    @property
    def signal(self) -> ItemSignal:
        return worst_signal(i.signal for i in self.must_items)

    def signal_count(self, signal: ItemSignal) -> int:
        """How many must-do items show ``signal`` (the summary counts 超期 and 计划不可行 apart)."""
        return sum(i.signal is signal for i in self.must_items)

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

    def class_counts(self) -> Counter[Classification]:
        return Counter(i.classification for i in self.items)

    @property
    def status_label(self) -> str:
        return self.status.label


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
    status: ProjectStatus
    ordered: int
    must_do: int
    done: int
    overdue: int  # 超期: past the latest finish (domain.approvals.item_signal)
    infeasible: int  # 计划不可行: red only because the item cannot make the target
    yellow: int
    light: Light
    signal: ItemSignal
    feasible: bool
    next_node: dt.date | None

    @property
    def progress(self) -> str:
        return f"{self.done}/{self.must_do}"

    @property
    def light_text(self) -> str:
        """The light in words, as the list and its export show it: the worst item's signal, so a
        red project reads 超期 only when an item is past its latest finish, else 计划不可行."""
        if self.signal is ItemSignal.DONE:
            return "已全部销号"
        return self.signal.label

    @property
    def counts_text(self) -> str:
        """超期/不可行/临期 counts, as the list's column and its export show them."""
        return f"{self.overdue}/{self.infeasible}/{self.yellow}"

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclasses.dataclass(frozen=True)
class AdvanceResult:
    status: ItemStatus
    newly_ready: tuple[str, ...]  # items that became "ready to issue" with this step
    version: int  # the item's version after the step (the next write from the screen carries it)


@dataclasses.dataclass(frozen=True)
class MoveResult:
    code: str
    old_finish: dt.date
    new_finish: dt.date
    dependents: tuple[Shift, ...]
    feasible: bool
    version: int  # the item's version after the move
