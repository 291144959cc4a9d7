"""Intake: checking the form and the order, and creating or editing a project.

Every ordered item carries its classification and the reason for it, checked here as at the
counter (docs/rules.md §approvals-classification). Project numbers come from the number series
``approval_project``, so two counters saving at once never get the same number
(docs/rules.md §approvals-numbers).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.documents.cn_numerals import doc_number
from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import Classification, ItemStatus, ProjectStatus, classification_reason
from laoshan_desk.domain.errors import ConflictError, ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.services.approvals.catalog import get_template
from laoshan_desk.services.approvals.common import EDIT, VIEW, check_version, load_project, recheck
from laoshan_desk.services.approvals.inputs import OrderLine, ProjectEdit, ProjectInput, cleaned
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store import numbers
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.approvals import ApprovalItem, ApprovalProject, ProjectItem

__all__ = ["order_from_template", "suggest_street", "create_project", "update_project"]

MAX_DAYS = 3650  # an item's time limit: at most ten years (a bound, so no plan runs for minutes)
SERIES = "approval_project"  # the number series of project numbers (store/numbers.py)
NOTICE_AGENCY = "崂审批告"  # the one-time notice's 发文机关代字; one series a year (docs/rules.md §approvals-numbers)
_HEADER = (
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
)


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


def _classification(code: str, value: str) -> Classification:
    """The class of an ordered line: the code or the Chinese word (a file or a form may give either)."""
    try:
        return Classification(value)
    except ValueError:
        pass
    try:
        member = Classification.from_label(str(value))
    except ValidationError:
        raise ValidationError(
            f"事项 {code} 的分类“{value}”无效，应为 must_do、self_handled 或 not_needed", field="items"
        ) from None
    assert isinstance(member, Classification)
    return member


def lines_to_rows(session: Session, lines: Sequence[OrderLine]) -> list[dict[str, Any]]:
    """Check the ordered lines against the catalog; the columns of one item row per line."""
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
        classification = _classification(code, line.classification)
        name = (line.name or (item.name if item else "")).strip()
        if not name:
            raise ValidationError(f"事项 {code} 不在事项库中，须填写事项名称", field="items")
        days = line.days if line.days is not None else (item.committed_days if item else None)
        if days is None:
            raise ValidationError(f"事项 {code} 不在事项库中，须填写办理时限（工作日）", field="items")
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
            raise ValidationError(
                f"事项 {code} 的办理时限须为 1 至 {MAX_DAYS} 天的整数：{str(days)[:40]}", field="items"
            )
        reason = classification_reason(line.reason, code=code, field="items")
        after = tuple(line.after) if line.after is not None else tuple(item.prerequisites or ()) if item else ()
        after = tuple(dict.fromkeys(str(a).strip() for a in after + tuple(line.extra_after) if str(a).strip()))
        rows.append(
            {
                "code": code,
                "name": name,
                "department": (line.department or (item.department if item else "")).strip(),
                "classification": classification.value,
                "reason": reason,
                "responsible": (line.responsible or "").strip(),
                "days": days,
                "limit_kind": item.limit_kind if item else None,
                "statutory_days": item.statutory_days if item else 0,
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


def _header(data: ProjectInput, *, require_contact: bool) -> dict[str, Any]:
    """The normalised header of the intake form; ValidationError names the field."""
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


def _notice_number(session: Session, year: int) -> str:
    """The next 崂审批告〔year〕N号 from the year's series; a series first used after numbers were
    given (an upgraded database) starts after the highest of them (docs/rules.md §approvals-numbers)."""
    prefix = f"{NOTICE_AGENCY}〔{year}〕"
    used = session.scalars(
        select(ApprovalProject.notice_number).where(ApprovalProject.notice_number.startswith(prefix, autoescape=True))
    )
    floor = max((int(n[len(prefix) : -1]) for n in used if n and n[len(prefix) : -1].isdigit()), default=0)
    return doc_number(NOTICE_AGENCY, year, numbers.allocate(session, f"approval_notice_{year}", floor=floor))


def order_from_template(db: Database, actor: Actor, template_code: str) -> list[OrderLine]:
    """The menu's pre-selected items with their default classification and reason."""
    actor.require(VIEW)
    template = get_template(db, actor, template_code)
    return [OrderLine(e.code, e.classification, e.reason) for e in template.entries]


def suggest_street(db: Database, actor: Actor, address: str) -> uuid.UUID | None:
    """The street the address names through the organisation tree (a street, or one of its active
    communities and villages), or None when it names none or several (docs/rules.md §approvals-street)."""
    actor.require(VIEW)
    with db.session() as s:
        units = s.execute(
            select(Unit.id, Unit.name, Unit.kind, Unit.street_id).where(
                Unit.kind.in_(("street", "community", "village")), Unit.active.is_(True)
            )
        ).all()
    streets = {u.id: u.name for u in units if u.kind == "street"}
    communities = [(u.name, u.street_id) for u in units if u.kind != "street" and u.street_id in streets]
    return rules.street_for_address(address, streets, communities)


def create_project(
    db: Database, actor: Actor, data: ProjectInput, *, now: dt.datetime, require_contact: bool = False
) -> uuid.UUID:
    """Intake: check everything, store the project and its ordered items, and make sure the
    reverse schedule can be computed (a cycle or a bad duration stores nothing)."""
    actor.require(EDIT)
    data = cleaned(data)  # control characters out, dates in range
    header = _header(data, require_contact=require_contact)
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        street = _street(s, data.street)
        rows = lines_to_rows(s, data.items)
        plan = [
            rules.PlanItem(
                r["code"],
                r["name"],
                r["days"],
                tuple(r["prerequisites"]),
                Classification(r["classification"]),
                fixed_finish=r["fixed_finish"],
            )
            for r in rows
        ]
        rules.schedule(plan, header["start_date"], header["target_date"], calendar)  # raises on a cycle
        floor = s.scalar(select(func.max(ApprovalProject.seq))) or 0  # numbers already in use
        seq = numbers.allocate(s, SERIES, floor=floor)
        while seq <= floor:  # rows numbered behind the series' back: step past them
            seq = numbers.allocate(s, SERIES)
        number = f"XM{now.year}-{seq:04d}"
        notice_year = (data.menu_issued_on or now.date()).year
        notice_number = _notice_number(s, notice_year)
        project = ApprovalProject(
            id=uuid.uuid4(),
            seq=seq,
            number=number,
            street_id=street.id,
            street_name=street.name,
            address=(data.address or "").strip(),
            project_type=(data.project_type or "").strip(),
            description=(data.description or "").strip(),
            menu_issued_on=data.menu_issued_on,
            notice_number=notice_number,
            status=ProjectStatus.ACTIVE.value,
            created_at=now,
            created_by=actor.username,
            **header,
        )
        s.add(project)
        try:
            s.flush()
        except IntegrityError:
            # Only a row written behind the desk's back can hold the number: say so, store nothing.
            raise ConflictError(f"项目编号 {number} 已被占用，项目未保存；请联系管理员检查项目编号") from None
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


def update_project(db: Database, actor: Actor, form: ProjectEdit, *, now: dt.datetime) -> None:
    """Edit the header (name, contact, dates, status, street); ``form.version`` is the one the
    clerk read. The schedule must still compute with the new dates."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        p = load_project(work.session, actor, form.project_id)
        check_version(p, form.version)
        before = {k: jsonable(getattr(p, k)) for k in _HEADER}

        def pick(new: Any, old: Any) -> Any:
            return old if new is None else new

        merged = ProjectInput(
            name=pick(form.name, p.name),
            enterprise=pick(form.enterprise, p.enterprise),
            credit_code=pick(form.credit_code, p.credit_code),
            street=p.street_id,
            start_date=pick(form.start_date, p.start_date),
            target_date=pick(form.target_date, p.target_date),
            contact_name=pick(form.contact_name, p.contact_name),
            contact_phone=pick(form.contact_phone, p.contact_phone),
            contact_title=pick(form.contact_title, p.contact_title),
        )
        for k, v in _header(merged, require_contact=False).items():
            setattr(p, k, v)
        if form.address is not None:
            p.address = form.address.strip()
        if form.description is not None:
            p.description = form.description.strip()
        if form.status is not None:
            p.status = ProjectStatus(form.status).value
        if form.street is not None:
            street = _street(work.session, form.street)
            p.street_id, p.street_name = street.id, street.name
        recheck(work.session, p, calendar)
        work.session.flush()
        work.audit(
            "update",
            "approval_project",
            p.id,
            f"修改项目 {p.number}：{p.name}"[:300],
            before=before,
            after={k: jsonable(getattr(p, k)) for k in _HEADER},
        )
