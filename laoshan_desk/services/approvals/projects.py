"""审批点菜单: projects from intake to every must-do item ticked off.

One function per thing a window clerk does: order a menu (create a project from a template,
add or remove items, classify each with a reason), assign the gold team and the responsible
people, move an item through its steps and tick it off, move a node with a reason, keep the
task-force log. Every write is one unit of work with its audit record.

The reverse schedule is never stored: :func:`project_detail` and every list compute it from the
rows with :func:`laoshan_desk.domain.approvals.schedule` and the desk's calendar
(:func:`laoshan_desk.services.calendar.work_calendar`), so it is "computed at once and whenever
anything changes" by construction. What bends it is stored: pins, dated steps, node moves.

Scope (roles.SCOPE): window clerks, leaders and admins see every project; a street clerk sees
the projects of the street; a department handler sees the projects in which the department
handles an item, and may move only the department's own items.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import (
    Classification,
    ItemProgress,
    ItemStatus,
    StatusStep,
    advance,
    next_statuses,
)
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ConflictError, DeskError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.approvals import (
    ApprovalItem,
    ApprovalProject,
    Certificate,
    ItemStep,
    LogEntry,
    MenuTemplate,
    NodeMove,
    ProjectItem,
    TeamMember,
)

PROJECT_STATUS_LABELS = {"active": "推进中", "opened": "已开业", "closed": "已关闭"}
TEAM_ROLE_LABELS = {"commander": "指挥长", "deputy": "副指挥长", "leader": "施工队长", "member": "战斗员"}
LOG_KIND_LABELS = {"meeting": "专题会议", "visit": "现场踏勘", "problem": "问题"}


class NoCertificate(DeskError):
    code = "no_certificate"


# -- inputs ------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class OrderLine:
    """One item as ordered: from the menu, the catalog, or a file (``name``/``days``/``after``
    override the catalog; ``extra_after`` adds to the catalog's prerequisites)."""

    code: str
    classification: str = "must_do"
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
class TeamInput:
    role: str
    name: str
    title: str = ""
    department: str = ""
    phone: str = ""


@dataclasses.dataclass(frozen=True)
class LogInput:
    kind: str  # meeting | visit | problem
    on: dt.date
    title: str
    detail: str = ""
    departments: tuple[str, ...] = ()
    owner: str = ""
    solved_on: dt.date | None = None


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


# -- scope -------------------------------------------------------------------------------------
def _scope_condition(actor: Actor) -> Any:
    if actor.scope == "street":
        if actor.street_id is None:
            return ApprovalProject.id.is_(None)
        return ApprovalProject.street_id == actor.street_id
    if actor.scope == "unit":
        if not actor.unit_name:
            return ApprovalProject.id.is_(None)
        return exists().where(ProjectItem.project_id == ApprovalProject.id, ProjectItem.department == actor.unit_name)
    return True


def _project(session: Session, actor: Actor, project_id: uuid.UUID) -> ApprovalProject:
    actor.require("approvals.view")
    row = session.scalar(select(ApprovalProject).where(ApprovalProject.id == project_id, _scope_condition(actor)))
    if row is None:
        raise NotFound("项目不存在，或不在您的查看范围内")
    return row


def _item(
    session: Session, actor: Actor, item_id: uuid.UUID, *, own_department: bool = False
) -> tuple[ProjectItem, ApprovalProject]:
    item = session.get(ProjectItem, item_id)
    if item is None:
        raise NotFound("事项不存在")
    project = _project(session, actor, item.project_id)
    if own_department and actor.scope == "unit" and item.department != actor.unit_name:
        raise PermissionDenied(f"事项“{item.name}”由{item.department or '其他部门'}办理，您只能办理本部门的事项")
    return item, project


# -- schedule ----------------------------------------------------------------------------------
def _steps(session: Session, item_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[ItemStep]]:
    ids = list(item_ids)
    out: dict[uuid.UUID, list[ItemStep]] = {i: [] for i in ids}
    if not ids:
        return out
    q = select(ItemStep).where(ItemStep.item_id.in_(ids)).order_by(ItemStep.on, ItemStep.recorded_at)
    for step in session.scalars(q):
        out[step.item_id].append(step)
    return out


def _progress(steps: Sequence[ItemStep], status: str) -> ItemProgress:
    return ItemProgress(ItemStatus(status), tuple(StatusStep(ItemStatus(s.status), s.on, s.by) for s in steps))


def plan_items(items: Sequence[ProjectItem], steps: dict[uuid.UUID, list[ItemStep]]) -> list[rules.PlanItem]:
    """The scheduler's view of a project's rows: days, prerequisites, pins and what happened.

    The actual start is the day the item was formally accepted (受理): pre-review runs in
    parallel before a prerequisite is done and does not start the item's clock.
    """
    plan = []
    for it in items:
        progress = _progress(steps.get(it.id, []), it.status)
        finish = progress.finished_on
        start = progress.date_of(ItemStatus.ACCEPTED)
        plan.append(
            rules.PlanItem(
                code=it.code,
                name=it.name,
                days=max(1, it.days),
                prerequisites=tuple(it.prerequisites or ()),
                classification=Classification(it.classification),
                fixed_start=it.fixed_start,
                fixed_finish=it.fixed_finish if finish is None else None,
                actual_start=start if (start is not None and finish is not None) else None,
                actual_finish=finish,
            )
        )
    return plan


def _compute(
    project: ApprovalProject,
    items: Sequence[ProjectItem],
    steps: dict[uuid.UUID, list[ItemStep]],
    calendar: WorkCalendar,
) -> rules.ScheduleResult:
    return rules.schedule(plan_items(items, steps), project.start_date, project.target_date, calendar)


def _item_rows(
    items: Sequence[ProjectItem],
    steps: dict[uuid.UUID, list[ItemStep]],
    result: rules.ScheduleResult,
    today: dt.date,
    calendar: WorkCalendar,
    certificates: dict[uuid.UUID, uuid.UUID] | None = None,
) -> list[ItemRow]:
    states = [
        rules.ItemState(
            it.code, Classification(it.classification), ItemStatus(it.status), tuple(it.prerequisites or ())
        )
        for it in items
    ]
    ready = set(rules.ready_to_issue(states))
    rows = []
    for it in items:
        s = result.get(it.code)
        done = it.status == ItemStatus.DONE.value
        light = rules.item_light(s, today, calendar, done=done) if s is not None else Light.GREY
        rows.append(
            ItemRow(
                id=it.id,
                code=it.code,
                name=it.name,
                department=it.department,
                classification=it.classification,
                reason=it.reason,
                responsible=it.responsible,
                days=it.days,
                prerequisites=tuple(it.prerequisites or ()),
                materials=tuple(it.materials or ()),
                certificate=it.certificate,
                pre_review=it.pre_review,
                site_inspection=it.site_inspection,
                status=it.status,
                steps=tuple(
                    StepRow(st.status, ItemStatus(st.status).label, st.on, st.by) for st in steps.get(it.id, [])
                ),
                fixed_finish=it.fixed_finish,
                note=it.note,
                version=it.version,
                earliest_start=s.earliest_start if s else None,
                earliest_finish=s.earliest_finish if s else None,
                latest_start=s.latest_start if s else None,
                latest_finish=s.latest_finish if s else None,
                slack_days=s.slack_days if s else None,
                critical=bool(s and s.on_critical_path and not done),
                pinned=bool(s and (s.pinned or it.fixed_finish is not None) and not done),
                light=light,
                ready=it.code in ready,
                certificate_id=(certificates or {}).get(it.id),
            )
        )
    return rows


def _load(session: Session, project: ApprovalProject) -> tuple[list[ProjectItem], dict[uuid.UUID, list[ItemStep]]]:
    items = list(
        session.scalars(
            select(ProjectItem)
            .where(ProjectItem.project_id == project.id)
            .order_by(ProjectItem.sort_order, ProjectItem.code)
        )
    )
    return items, _steps(session, [i.id for i in items])


def _today(today: dt.date | None) -> dt.date:
    return today or clock_now().date()


def project_detail(db: Database, actor: Actor, project_id: uuid.UUID, today: dt.date | None = None) -> ProjectView:
    """Everything the project page shows, with the schedule computed now."""
    today = _today(today)
    calendar = work_calendar(db)
    with db.session() as session:
        p = _project(session, actor, project_id)
        items, steps = _load(session, p)
        result = _compute(p, items, steps, calendar)
        certs = list(
            session.scalars(
                select(Certificate)
                .where(Certificate.project_id == p.id)
                .order_by(Certificate.issued_on, Certificate.number)
            )
        )
        cert_by_item = {c.item_id: c.id for c in certs if c.revoked_at is None}
        rows = _item_rows(items, steps, result, today, calendar, cert_by_item)
        team = [
            TeamRow(m.id, m.role, m.name, m.title, m.department, m.phone)
            for m in session.scalars(
                select(TeamMember).where(TeamMember.project_id == p.id).order_by(TeamMember.sort_order)
            )
        ]
        names = {i.code: i.name for i in items}
        moves = [
            MoveRow(
                m.id,
                m.code,
                names.get(m.code, m.code),
                m.from_date,
                m.to_date,
                m.reason,
                m.decided_on,
                m.decided_by,
                tuple(m.dependents or ()),
            )
            for m in session.scalars(select(NodeMove).where(NodeMove.project_id == p.id).order_by(NodeMove.recorded_at))
        ]
        counts = _log_counts(session, p.id)
        type_label = (
            session.scalar(select(MenuTemplate.name).where(MenuTemplate.code == p.project_type)) or p.project_type
        )
        return ProjectView(
            id=p.id,
            number=p.number,
            name=p.name,
            enterprise=p.enterprise,
            credit_code=p.credit_code,
            contact_name=p.contact_name,
            contact_title=p.contact_title,
            contact_phone=p.contact_phone,
            street_id=p.street_id,
            street_name=p.street_name,
            address=p.address,
            project_type=p.project_type,
            project_type_label=type_label or "",
            start_date=p.start_date,
            target_date=p.target_date,
            menu_issued_on=p.menu_issued_on,
            description=p.description,
            status=p.status,
            version=p.version,
            today=today,
            items=tuple(rows),
            team=tuple(team),
            log_counts=counts,
            moves=tuple(moves),
            certificates=tuple(
                CertificateRow(
                    c.id,
                    c.number,
                    c.verification_code,
                    c.item_code,
                    c.title,
                    c.holder,
                    c.credit_code,
                    c.department,
                    c.issued_on,
                    c.revoked_at is not None,
                )
                for c in certs
            ),
            feasible=result.feasible,
            critical_path=result.critical_path,
            warnings=result.warnings,
            finish_date=result.finish_date,
        )


def project_schedule(db: Database, actor: Actor, project_id: uuid.UUID) -> rules.ScheduleResult:
    """The raw domain schedule of a project (the CLI prints it)."""
    with db.session() as session:
        p = _project(session, actor, project_id)
        items, steps = _load(session, p)
        return _compute(p, items, steps, work_calendar(db))


# -- the project list --------------------------------------------------------------------------
_SORTS = {
    "number": ApprovalProject.seq,
    "name": ApprovalProject.name,
    "enterprise": ApprovalProject.enterprise,
    "street": ApprovalProject.street_name,
    "target": ApprovalProject.target_date,
    "start": ApprovalProject.start_date,
}


def _list_query(actor: Actor, text: str | None, status: str | None) -> Any:
    q = select(ApprovalProject).where(_scope_condition(actor))
    if text:
        like = f"%{text.strip()}%"
        q = q.where(
            or_(
                ApprovalProject.name.like(like),
                ApprovalProject.enterprise.like(like),
                ApprovalProject.credit_code.like(like),
                ApprovalProject.number.like(like),
            )
        )
    if status:
        q = q.where(ApprovalProject.status == status)
    return q


def count_projects(db: Database, actor: Actor, *, text: str | None = None, status: str | None = None) -> int:
    actor.require("approvals.view")
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(_list_query(actor, text, status).subquery())) or 0


def list_projects(
    db: Database,
    actor: Actor,
    *,
    today: dt.date | None = None,
    text: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = False,
) -> list[ProjectRow]:
    """One page of projects (filtered, scoped and sorted in SQL), each with its lights now."""
    actor.require("approvals.view")
    today = _today(today)
    calendar = work_calendar(db)
    with db.session() as session:
        q = _list_query(actor, text, status)
        key = _SORTS.get(sort or "", ApprovalProject.seq)
        q = q.order_by(key.desc() if descending or sort is None else key, ApprovalProject.seq.desc())
        projects = list(session.scalars(q.offset(offset).limit(limit)))
        out = []
        for p in projects:
            items, steps = _load(session, p)
            try:
                result = _compute(p, items, steps, calendar)
            except ValidationError:
                result = rules.ScheduleResult(p.start_date, p.target_date, {}, False, ())
            rows = _item_rows(items, steps, result, today, calendar)
            must = [r for r in rows if r.must_do]
            lights = [r.light for r in must]
            upcoming = [r.latest_finish for r in must if not r.done and r.latest_finish and r.latest_finish >= today]
            out.append(
                ProjectRow(
                    id=p.id,
                    number=p.number,
                    name=p.name,
                    enterprise=p.enterprise,
                    street_name=p.street_name,
                    start_date=p.start_date,
                    target_date=p.target_date,
                    status=p.status,
                    ordered=len(rows),
                    must_do=len(must),
                    done=sum(r.done for r in must),
                    red=lights.count(Light.RED),
                    yellow=lights.count(Light.YELLOW),
                    light=worst(lights),
                    feasible=result.feasible,
                    next_node=min(upcoming, default=None),
                )
            )
        return out


# -- intake ------------------------------------------------------------------------------------
def _street(session: Session, value: str | uuid.UUID | None) -> Unit:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("请选择项目所在街道", field="street")
    if isinstance(value, uuid.UUID):
        unit = session.get(Unit, value)
    else:
        text = value.strip()
        unit = session.scalar(
            select(Unit).where(
                Unit.kind == "street",
                or_(Unit.name == text, Unit.code == text, Unit.short_name == text, Unit.name == text + "街道"),
            )
        )
    if unit is None or unit.kind != "street":
        raise ValidationError(f"街道“{value}”不是崂山区的街道", field="street")
    return unit


def _lines_to_rows(session: Session, lines: Sequence[OrderLine]) -> list[dict[str, Any]]:
    """Check the ordered lines against the catalog; a dict per item, ready to store."""
    if not lines:
        raise ValidationError("请至少点选一个审批事项", field="items")
    catalog = {i.code: i for i in session.scalars(select(ApprovalItem))}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, line in enumerate(lines):
        raw = (line.code or "").strip()
        if not raw:
            raise ValidationError(f"第 {n + 1} 个事项缺少事项编码", field="items")
        item = catalog.get(raw.upper())
        code = item.code if item is not None else raw
        if code in seen:
            raise ValidationError(f"事项 {code} 重复点选", field="items")
        seen.add(code)
        try:
            classification = Classification(line.classification)
        except ValueError:
            try:
                classification = Classification.from_label(str(line.classification))
            except ValidationError:
                raise ValidationError(
                    f"事项 {code} 的分类“{line.classification}”无效，应为 must_do、self_handled 或 not_needed",
                    field="items",
                ) from None
        name = (line.name or (item.name if item else "")).strip()
        if not name:
            raise ValidationError(f"事项 {code} 不在事项库中，须填写事项名称", field="items")
        days = line.days if line.days is not None else (item.committed_days if item else None)
        if days is None:
            raise ValidationError(f"事项 {code} 不在事项库中，须填写办理时限（工作日）", field="items")
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise ValidationError(f"事项 {code} 的办理时限须为至少 1 个工作日的整数：{days!r}", field="items")
        after = tuple(line.after) if line.after is not None else tuple(item.prerequisites or ()) if item else ()
        after = tuple(dict.fromkeys(str(a).strip() for a in after + tuple(line.extra_after) if str(a).strip()))
        rows.append(
            {
                "code": code,
                "name": name,
                "department": (line.department or (item.department if item else "")).strip(),
                "classification": classification.value,
                "reason": (line.reason or "").strip(),
                "responsible": (line.responsible or "").strip(),
                "days": days,
                "prerequisites": list(after),
                "materials": list(item.materials or ()) if item else [],
                "certificate": item.certificate if item else None,
                "pre_review": item.pre_review if item else True,
                "site_inspection": item.site_inspection if item else False,
                "fixed_finish": line.fixed_finish,
                "note": line.note or "",
                "sort_order": n,
            }
        )
    known = {r["code"] for r in rows}
    for r in rows:
        # Catalog prerequisites that were not ordered count as met; codes typed in a file must exist.
        for p in r["prerequisites"]:
            if p == r["code"]:
                raise ValidationError(f"事项 {p} 不能以自身为前置事项", field="items")
            if p not in known and p not in catalog:
                raise ValidationError(f"事项 {r['code']} 的前置事项 {p} 既不在本项目中，也不在事项库中", field="items")
    return rows


def validate_intake(db: Database, data: ProjectInput, *, require_contact: bool = False) -> dict[str, Any]:
    """Check the intake form; returns the normalised header. ValidationError names the field."""
    fields: dict[str, Any] = {}
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("请填写项目名称", field="name")
    if len(name) > 200:
        raise ValidationError("项目名称不能超过 200 个字符", field="name")
    enterprise = (data.enterprise or "").strip()
    if not enterprise:
        raise ValidationError("请填写企业名称", field="enterprise")
    fields.update(name=name, enterprise=enterprise, credit_code=normalize_uscc(data.credit_code, field="credit_code"))
    contact = (data.contact_name or "").strip()
    if require_contact and not contact:
        raise ValidationError("请填写企业联系人", field="contact_name")
    phone = (data.contact_phone or "").strip()
    if require_contact and not phone:
        raise ValidationError("请填写联系电话", field="contact_phone")
    if phone:
        phone = normalize_phone(phone, field="contact_phone", default_area_code="0532")
    fields.update(contact_name=contact, contact_title=(data.contact_title or "").strip(), contact_phone=phone)
    if data.start_date is None:
        raise ValidationError("请填写开始日期", field="start_date")
    if data.target_date is None:
        raise ValidationError("请填写目标（开业）日期", field="target_date")
    if data.target_date <= data.start_date:
        raise ValidationError(
            f"目标（开业）日期 {data.target_date.isoformat()} 须晚于开始日期 {data.start_date.isoformat()}",
            field="target_date",
        )
    fields.update(start_date=data.start_date, target_date=data.target_date)
    return fields


def order_from_template(db: Database, template_code: str) -> list[OrderLine]:
    """The menu's pre-selected items with their default classification and reason."""
    from laoshan_desk.services.approvals.catalog import get_template

    template = get_template(db, template_code)
    return [OrderLine(e.code, e.classification.value, e.reason) for e in template.entries]


def _next_seq(session: Session) -> int:
    return (session.scalar(select(func.max(ApprovalProject.seq))) or 0) + 1


def create_project(
    db: Database, actor: Actor, data: ProjectInput, *, require_contact: bool = False, now: dt.datetime | None = None
) -> uuid.UUID:
    """Intake: check everything, store the project and its ordered items, and make sure the
    reverse schedule can be computed (a cycle or a bad duration stores nothing)."""
    actor.require("approvals.edit")
    header = validate_intake(db, data, require_contact=require_contact)
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        street = _street(s, data.street)
        rows = _lines_to_rows(s, data.items)
        plan = [
            rules.PlanItem(
                r["code"],
                r["name"],
                r["days"],
                tuple(r["prerequisites"]),
                r["classification"],
                fixed_finish=r["fixed_finish"],
            )
            for r in rows
        ]
        rules.schedule(plan, header["start_date"], header["target_date"], calendar)  # raises on a cycle
        seq = _next_seq(s)
        created = work.now
        project = ApprovalProject(
            id=uuid.uuid4(),
            seq=seq,
            number=f"XM{created.year}-{seq:04d}",
            street_id=street.id,
            street_name=street.name,
            address=(data.address or "").strip(),
            project_type=(data.project_type or "").strip(),
            description=(data.description or "").strip(),
            menu_issued_on=data.menu_issued_on,
            status="active",
            created_at=created,
            created_by=actor.username,
            **header,
        )
        s.add(project)
        s.flush()
        for r in rows:
            s.add(ProjectItem(project_id=project.id, status=ItemStatus.NOT_STARTED.value, **r))
        s.flush()
        counts = Counter(r["classification"] for r in rows)
        work.audit(
            "create",
            "approval_project",
            project.id,
            f"新建审批项目 {project.number}：{project.name}（点选 {len(rows)} 项，必办 {counts['must_do']} 项）"[:300],
            after={**jsonable(header), "street": street.name, "items": len(rows), "classes": dict(counts)},
        )
        return project.id


def _commit_conflict(fn: Any) -> Any:
    """Turn SQLAlchemy's StaleDataError (two clerks, one row) into the desk's ConflictError."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StaleDataError:
            raise ConflictError("该记录已被他人修改，请刷新后重试") from None

    return wrapper


@_commit_conflict
def update_project(db: Database, actor: Actor, project_id: uuid.UUID, version: int, **changes: Any) -> None:
    """Edit the header (name, contact, dates, ...). ``version`` is the one the clerk read."""
    actor.require("approvals.edit")
    allowed = {
        "name",
        "enterprise",
        "credit_code",
        "contact_name",
        "contact_title",
        "contact_phone",
        "address",
        "start_date",
        "target_date",
        "description",
        "status",
        "street",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    with unit_of_work(db, actor) as work:
        p = _project(work.session, actor, project_id)
        if p.version != version:
            raise ConflictError(f"项目 {p.number} 已被他人修改，请刷新后重试")
        before = {k: jsonable(getattr(p, k)) for k in allowed - {"street"}}
        merged = ProjectInput(
            name=changes.get("name", p.name),
            enterprise=changes.get("enterprise", p.enterprise),
            credit_code=changes.get("credit_code", p.credit_code),
            street=p.street_id,
            start_date=changes.get("start_date", p.start_date),
            target_date=changes.get("target_date", p.target_date),
            contact_name=changes.get("contact_name", p.contact_name),
            contact_phone=changes.get("contact_phone", p.contact_phone),
            contact_title=changes.get("contact_title", p.contact_title),
        )
        header = validate_intake(db, merged)
        for k, v in header.items():
            setattr(p, k, v)
        for k in ("address", "description"):
            if k in changes:
                setattr(p, k, str(changes[k] or "").strip())
        if "status" in changes:
            if changes["status"] not in PROJECT_STATUS_LABELS:
                raise ValidationError("项目状态无效", field="status")
            p.status = changes["status"]
        if "street" in changes:
            street = _street(work.session, changes["street"])
            p.street_id, p.street_name = street.id, street.name
        items, steps = _load(work.session, p)
        _compute(p, items, steps, work_calendar(db))
        work.session.flush()
        work.audit(
            "update",
            "approval_project",
            p.id,
            f"修改项目 {p.number}：{p.name}"[:300],
            before=before,
            after={k: jsonable(getattr(p, k)) for k in allowed - {"street"}},
        )


# -- ordering items ----------------------------------------------------------------------------
def _recheck(work: Work, db: Database, project: ApprovalProject) -> rules.ScheduleResult:
    items, steps = _load(work.session, project)
    return _compute(project, items, steps, work_calendar(db))


@_commit_conflict
def classify_item(db: Database, actor: Actor, item_id: uuid.UUID, classification: str, reason: str) -> None:
    """Must-do / self-handled / not needed, with the reason printed on the one-time notice."""
    actor.require("approvals.edit")
    text = (reason or "").strip()
    if not text:
        raise ValidationError("请填写分类理由（将写入一次告知书）", field="reason")
    new = Classification(classification)
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        if item.status != ItemStatus.NOT_STARTED.value and new is not Classification.MUST_DO:
            raise ValidationError(
                f"事项“{item.name}”已开始办理（{ItemStatus(item.status).label}），不能改为{new.label}",
                field="classification",
            )
        before = {"classification": item.classification, "reason": item.reason}
        item.classification, item.reason = new.value, text
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} 分类为{new.label}：{text}"[:300],
            before=before,
            after={"classification": new.value, "reason": text},
        )


def add_items(db: Database, actor: Actor, project_id: uuid.UUID, lines: Sequence[OrderLine]) -> list[uuid.UUID]:
    """Add items to a project's order (from the catalog or described in full)."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        existing = {
            i.code for i in work.session.scalars(select(ProjectItem).where(ProjectItem.project_id == project.id))
        }
        order = (
            work.session.scalar(select(func.max(ProjectItem.sort_order)).where(ProjectItem.project_id == project.id))
            or 0
        ) + 1
        rows = _lines_to_rows(work.session, lines)
        ids = []
        for r in rows:
            if r["code"] in existing:
                raise ValidationError(f"事项 {r['code']} 已在本项目中", field="items")
            r["sort_order"] = order
            order += 1
            item = ProjectItem(id=uuid.uuid4(), project_id=project.id, status=ItemStatus.NOT_STARTED.value, **r)
            work.session.add(item)
            ids.append(item.id)
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "update",
            "approval_project",
            project.id,
            f"{project.number} 加点事项：" + "、".join(r["code"] for r in rows)[:250],
            after={"added": [r["code"] for r in rows]},
        )
        return ids


def remove_item(db: Database, actor: Actor, item_id: uuid.UUID) -> None:
    """Take an item off the order (only before any step was recorded on it)."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        if work.session.scalar(select(func.count()).select_from(ItemStep).where(ItemStep.item_id == item.id)):
            raise ValidationError(f"事项“{item.name}”已有办理记录，不能删除；如无需办理请改为“无需办理”并说明理由")
        code, name = item.code, item.name
        work.session.delete(item)
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "delete",
            "approval_project_item",
            item_id,
            f"{project.number} 删除事项 {code} {name}"[:300],
            before={"code": code, "name": name},
        )


@_commit_conflict
def assign(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    *,
    responsible: str | None = None,
    department: str | None = None,
    days: int | None = None,
    prerequisites: Sequence[str] | None = None,
) -> None:
    """Set who handles an item (department, responsible person) and, if needed, its days and
    prerequisites for this project."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        before = {
            "responsible": item.responsible,
            "department": item.department,
            "days": item.days,
            "prerequisites": list(item.prerequisites or []),
        }
        if responsible is not None:
            item.responsible = responsible.strip()[:50]
        if department is not None:
            if not department.strip():
                raise ValidationError("请选择办理部门", field="department")
            item.department = department.strip()
        if days is not None:
            if isinstance(days, bool) or days < 1:
                raise ValidationError("办理时限须至少 1 个工作日", field="days")
            item.days = days
        if prerequisites is not None:
            item.prerequisites = list(dict.fromkeys(p.strip() for p in prerequisites if p.strip()))
        work.session.flush()
        _recheck(work, db, project)
        after = {
            "responsible": item.responsible,
            "department": item.department,
            "days": item.days,
            "prerequisites": list(item.prerequisites or []),
        }
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} 指派：{item.department} {item.responsible}"[:300],
            before=before,
            after=after,
        )


# -- gold team ---------------------------------------------------------------------------------
def set_team(db: Database, actor: Actor, project_id: uuid.UUID, members: Sequence[TeamInput]) -> None:
    """Replace the gold team: one commander, one deputy, team leaders per department, members."""
    actor.require("approvals.edit")
    roles = Counter(m.role for m in members)
    for m in members:
        if m.role not in TEAM_ROLE_LABELS:
            raise ValidationError(f"团队角色“{m.role}”无效", field="role")
        if not (m.name or "").strip():
            raise ValidationError(f"请填写{TEAM_ROLE_LABELS[m.role]}姓名", field="name")
    if roles["commander"] > 1 or roles["deputy"] > 1:
        raise ValidationError("金牌团队只设一名指挥长和一名副指挥长", field="role")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        for old in work.session.scalars(select(TeamMember).where(TeamMember.project_id == project.id)):
            work.session.delete(old)
        work.session.flush()
        order = {"commander": 0, "deputy": 1, "leader": 2, "member": 3}
        for n, m in enumerate(sorted(members, key=lambda m: order[m.role])):
            work.session.add(
                TeamMember(
                    project_id=project.id,
                    role=m.role,
                    name=m.name.strip(),
                    title=m.title.strip(),
                    department=m.department.strip(),
                    phone=(m.phone or "").strip(),
                    sort_order=n,
                )
            )
        work.audit(
            "update",
            "approval_project",
            project.id,
            f"{project.number} 设置金牌团队（{len(members)} 人）",
            after={"team": [jsonable(m) for m in members]},
        )


def add_team_member(db: Database, actor: Actor, project_id: uuid.UUID, member: TeamInput) -> None:
    current = project_detail(db, actor, project_id).team
    keep = [TeamInput(t.role, t.name, t.title, t.department, t.phone) for t in current]
    set_team(db, actor, project_id, keep + [member])


def remove_team_member(db: Database, actor: Actor, project_id: uuid.UUID, member_id: uuid.UUID) -> None:
    current = project_detail(db, actor, project_id).team
    keep = [TeamInput(t.role, t.name, t.title, t.department, t.phone) for t in current if t.id != member_id]
    set_team(db, actor, project_id, keep)


# -- tracking ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class AdvanceResult:
    status: str
    newly_ready: tuple[str, ...]  # items that became "ready to issue" with this step


@_commit_conflict
def advance_item(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    status: str,
    on: dt.date,
    *,
    by: str = "",
    note: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> AdvanceResult:
    """Move a must-do item one step on (预审 → 受理 → 踏勘验收 → 销号) on ``on`` by ``by``."""
    actor.require("approvals.edit")
    today = _today(today)
    with unit_of_work(db, actor, now) as work:
        item, project = _item(work.session, actor, item_id, own_department=True)
        if item.classification != Classification.MUST_DO.value:
            raise ValidationError(f"事项“{item.name}”不是必办事项，无需跟踪办理", field="status")
        steps = _steps(work.session, [item.id])[item.id]
        items, _ = _load(work.session, project)
        ready_before = set(rules.ready_to_issue(_states(items)))
        progress = advance(
            _progress(steps, item.status),
            status,
            on,
            (by or actor.full_name).strip(),
            pre_review=item.pre_review,
            site_inspection=item.site_inspection,
            today=today,
        )
        target = ItemStatus(status)
        if target is ItemStatus.ACCEPTED or target is ItemStatus.DONE:
            _check_prerequisites_done(work.session, project, item, target)
        before = item.status
        item.status = progress.status.value
        work.session.add(
            ItemStep(
                item_id=item.id,
                status=target.value,
                on=on,
                by=progress.steps[-1].by,
                note=note,
                recorded_at=work.now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        items, _ = _load(work.session, project)
        newly = tuple(c for c in rules.ready_to_issue(_states(items)) if c not in ready_before)
        _recheck(work, db, project)
        verb = "销号" if target is ItemStatus.DONE else f"进入“{target.label}”"
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} {item.name} {verb}（{on.isoformat()}）"[:300],
            before={"status": before},
            after={"status": target.value, "on": on.isoformat(), "by": progress.steps[-1].by},
        )
        return AdvanceResult(target.value, newly)


def tick_off(
    db: Database, actor: Actor, item_id: uuid.UUID, on: dt.date, *, by: str = "", today: dt.date | None = None
) -> AdvanceResult:
    """销号: mark a must-do item finished (from its last step before done)."""
    return advance_item(db, actor, item_id, ItemStatus.DONE.value, on, by=by, today=today)


def _states(items: Sequence[ProjectItem]) -> list[rules.ItemState]:
    return [
        rules.ItemState(i.code, Classification(i.classification), ItemStatus(i.status), tuple(i.prerequisites or ()))
        for i in items
    ]


def _check_prerequisites_done(
    session: Session, project: ApprovalProject, item: ProjectItem, target: ItemStatus
) -> None:
    """Formal acceptance and tick-off wait for every must-do prerequisite to be done (pre-review
    does not: it is what runs in parallel)."""
    wanted = set(item.prerequisites or ())
    if not wanted:
        return
    waiting = [
        p
        for p in session.scalars(
            select(ProjectItem).where(
                ProjectItem.project_id == project.id,
                ProjectItem.code.in_(wanted),
                ProjectItem.classification == Classification.MUST_DO.value,
            )
        )
        if p.status != ItemStatus.DONE.value
    ]
    if waiting:
        names = "、".join(f"{p.code} {p.name}" for p in waiting)
        raise ValidationError(
            f"前置事项尚未销号：{names}；{target.label}须待前置事项办结（可先行预审）", field="status"
        )


@dataclasses.dataclass(frozen=True)
class MoveResult:
    code: str
    old_finish: dt.date
    new_finish: dt.date
    dependents: tuple[rules.Shift, ...]
    feasible: bool


@_commit_conflict
def move_node(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    new_finish: dt.date,
    reason: str,
    *,
    decided_on: dt.date | None = None,
    decided_by: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> MoveResult:
    """调整节点: pin an item's finish, recompute every dependent, keep the history and its reason."""
    actor.require("approvals.edit")
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        item, project = _item(work.session, actor, item_id)
        items, steps = _load(work.session, project)
        plan = plan_items(items, steps)
        moved = rules.move_node(plan, item.code, new_finish, reason, project.start_date, project.target_date, calendar)
        from_date = item.fixed_finish or moved.old_finish
        item.fixed_finish = new_finish
        shifted = [s for s in moved.shifted if s.code != item.code]
        work.session.add(
            NodeMove(
                project_id=project.id,
                item_id=item.id,
                code=item.code,
                from_date=from_date,
                to_date=new_finish,
                reason=moved.reason,
                decided_on=decided_on or _today(today),
                decided_by=(decided_by or actor.full_name).strip(),
                dependents=[
                    {
                        "code": s.code,
                        "old_finish": s.old_finish.isoformat(),
                        "new_finish": s.new_finish.isoformat(),
                        "workdays": s.workdays,
                    }
                    for s in shifted
                ],
                recorded_at=work.now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 调整节点 {item.code} {item.name}：{from_date.isoformat()} → {new_finish.isoformat()}，"
            f"联动 {len(shifted)} 项。原因：{moved.reason}"[:300],
            before={"fixed_finish": from_date.isoformat()},
            after={
                "fixed_finish": new_finish.isoformat(),
                "reason": moved.reason,
                "dependents": [s.code for s in shifted],
            },
        )
        return MoveResult(item.code, from_date, new_finish, tuple(shifted), moved.schedule.feasible)


def ready_to_issue(db: Database, actor: Actor, project_id: uuid.UUID) -> list[str]:
    """Codes of items whose prerequisites are done and whose materials were pre-reviewed (可发证)."""
    with db.session() as session:
        project = _project(session, actor, project_id)
        items, _ = _load(session, project)
        return rules.ready_to_issue(_states(items))


# -- task-force log ----------------------------------------------------------------------------
def _log_counts(session: Session, project_id: uuid.UUID) -> LogCounts:
    rows = session.execute(
        select(LogEntry.kind, func.count(), func.count(LogEntry.solved_on))
        .where(LogEntry.project_id == project_id)
        .group_by(LogEntry.kind)
    ).all()
    by_kind = {k: (n, solved) for k, n, solved in rows}
    return LogCounts(
        meetings=by_kind.get("meeting", (0, 0))[0],
        visits=by_kind.get("visit", (0, 0))[0],
        problems=by_kind.get("problem", (0, 0))[0],
        solved=by_kind.get("problem", (0, 0))[1],
    )


def log_counts(db: Database, actor: Actor, project_id: uuid.UUID) -> LogCounts:
    with db.session() as session:
        project = _project(session, actor, project_id)
        return _log_counts(session, project.id)


def log_entries(db: Database, actor: Actor, project_id: uuid.UUID, kind: str | None = None) -> list[LogRow]:
    with db.session() as session:
        project = _project(session, actor, project_id)
        q = select(LogEntry).where(LogEntry.project_id == project.id)
        if kind:
            q = q.where(LogEntry.kind == kind)
        return [
            LogRow(e.id, e.kind, e.on, e.title, e.detail, tuple(e.departments or ()), e.owner, e.solved_on)
            for e in session.scalars(q.order_by(LogEntry.on, LogEntry.recorded_at))
        ]


def add_log_entry(db: Database, actor: Actor, project_id: uuid.UUID, entry: LogInput) -> uuid.UUID:
    """Record a meeting, a site visit or a problem (a problem names its owner)."""
    actor.require("approvals.edit")
    if entry.kind not in LOG_KIND_LABELS:
        raise ValidationError("台账类型应为专题会议、现场踏勘或问题", field="kind")
    title = (entry.title or "").strip()
    if not title:
        label = {"meeting": "会议名称", "visit": "踏勘地点", "problem": "问题描述"}[entry.kind]
        raise ValidationError(f"请填写{label}", field="title")
    if entry.kind == "problem" and not (entry.owner or "").strip():
        raise ValidationError("请填写问题的责任人", field="owner")
    if entry.solved_on is not None and entry.solved_on < entry.on:
        raise ValidationError("解决日期不能早于提出日期", field="solved_on")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        row = LogEntry(
            id=uuid.uuid4(),
            project_id=project.id,
            kind=entry.kind,
            on=entry.on,
            title=title[:300],
            detail=(entry.detail or "").strip(),
            departments=list(entry.departments),
            owner=(entry.owner or "").strip(),
            solved_on=entry.solved_on,
            recorded_at=work.now,
            recorded_by=actor.username,
        )
        work.session.add(row)
        work.audit(
            "create",
            "approval_log_entry",
            row.id,
            f"{project.number} 专班台账：{LOG_KIND_LABELS[entry.kind]} {title}"[:300],
            after={"kind": entry.kind, "on": entry.on.isoformat(), "owner": row.owner},
        )
        return row.id


def solve_problem(db: Database, actor: Actor, entry_id: uuid.UUID, solved_on: dt.date) -> None:
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        entry = work.session.get(LogEntry, entry_id)
        if entry is None or entry.kind != "problem":
            raise NotFound("问题不存在")
        project = _project(work.session, actor, entry.project_id)
        if solved_on < entry.on:
            raise ValidationError("解决日期不能早于提出日期", field="solved_on")
        entry.solved_on = solved_on
        work.audit(
            "update",
            "approval_log_entry",
            entry.id,
            f"{project.number} 问题已解决：{entry.title}"[:300],
            after={"solved_on": solved_on.isoformat()},
        )
