"""The approval catalog (事项库) and menu templates (点菜单模板): reading and the admin's edits.

The catalog is seeded from ``resources/data/approval_catalog.json`` by
:mod:`laoshan_desk.services.approvals.seed`; admins edit items in the desk
(:mod:`.catalog_excel` round-trips it through Excel). Every edit is checked by the domain's one
check of the catalog's graph: prerequisites name catalog items and never form a cycle
(docs/rules.md §approvals-catalog).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.approvals import (
    CatalogItem,
    Classification,
    LimitKind,
    TemplateEntry,
    check_graph,
    parse_catalog_item,
)
from laoshan_desk.domain.approvals import MenuTemplate as DomainTemplate
from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
from laoshan_desk.services.approvals.common import CATALOG_EDIT, STALE, VIEW
from laoshan_desk.services.approvals.inputs import ActiveForm, CatalogItemForm, cleaned
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalItem, MenuTemplate

__all__ = [
    "CatalogRow",
    "TemplateRow",
    "list_catalog",
    "catalog_map",
    "get_item",
    "save_item",
    "set_active",
    "departments",
    "list_templates",
    "get_template",
]


@dataclasses.dataclass(frozen=True)
class CatalogRow:
    """One catalog item as the catalog screen and the intake form read it."""

    id: uuid.UUID
    code: str
    name: str
    department: str
    stage: str
    statutory_days: int
    committed_days: int
    materials: tuple[str, ...]
    legal_basis: tuple[str, ...]
    prerequisites: tuple[str, ...]
    pre_review: bool
    site_inspection: bool
    certificate: str | None
    fee: decimal.Decimal
    active: bool
    version: int
    limit_kind: LimitKind = LimitKind.WORKING_DAYS
    level: str = "district"
    unverified: tuple[str, ...] = ()

    @property
    def days(self) -> int:
        return self.committed_days

    @property
    def statutory_text(self) -> str:
        """20个工作日, 30日（自然日）, 无法定时限 (docs/rules.md §approvals-time-limits)."""
        return self.limit_kind.days_text(self.statutory_days)

    @property
    def basis_lines(self) -> tuple[str, ...]:
        """The citations as the catalog screen shows them: an unverified one marked （未核验）."""
        return tuple(f"{b}（未核验）" if b in self.unverified else b for b in self.legal_basis)

    def as_domain(self) -> CatalogItem:
        return CatalogItem(
            code=self.code,
            name=self.name,
            department=self.department,
            statutory_days=self.statutory_days,
            committed_days=self.committed_days,
            materials=self.materials,
            legal_basis=self.legal_basis,
            prerequisites=self.prerequisites,
            pre_review=self.pre_review,
            site_inspection=self.site_inspection,
            certificate=self.certificate,
            fee=self.fee,
            stage=self.stage,
            limit_kind=self.limit_kind,
            level=self.level,
            unverified=self.unverified,
        )

    def as_form(self) -> CatalogItemForm:
        """The edit form filled with this row, carrying its version."""
        return CatalogItemForm(
            code=self.code,
            name=self.name,
            department=self.department,
            statutory_days=self.statutory_days,
            committed_days=self.committed_days,
            stage=self.stage,
            materials=self.materials,
            legal_basis=self.legal_basis,
            prerequisites=self.prerequisites,
            pre_review=self.pre_review,
            site_inspection=self.site_inspection,
            certificate=self.certificate,
            fee=self.fee,
            limit_kind=self.limit_kind.value,
            level=self.level,
            unverified=self.unverified,
            version=self.version,
        )


@dataclasses.dataclass(frozen=True)
class TemplateRow:
    code: str
    name: str
    description: str
    entries: tuple[TemplateEntry, ...]

    def as_domain(self) -> DomainTemplate:
        return DomainTemplate(self.code, self.name, self.description, self.entries)


def row_of(item: ApprovalItem) -> CatalogRow:
    return CatalogRow(
        id=item.id,
        code=item.code,
        name=item.name,
        department=item.department,
        stage=item.stage or "",
        statutory_days=item.statutory_days,
        committed_days=item.committed_days,
        materials=tuple(item.materials or ()),
        legal_basis=tuple(item.legal_basis or ()),
        prerequisites=tuple(item.prerequisites or ()),
        pre_review=item.pre_review,
        site_inspection=item.site_inspection,
        certificate=item.certificate,
        fee=decimal.Decimal(item.fee if item.fee is not None else "0.00"),
        active=item.active,
        version=item.version,
        limit_kind=LimitKind(item.limit_kind or LimitKind.WORKING_DAYS.value),
        level=item.level or "district",
        unverified=tuple(item.unverified or ()),
    )


# -- reading -----------------------------------------------------------------------------------
def list_catalog(
    db: Database,
    actor: Actor,
    *,
    text: str | None = None,
    department: str | None = None,
    include_inactive: bool = True,
) -> list[CatalogRow]:
    """The catalog in its order; everyone who sees the tab may read it (the menu is public)."""
    actor.require(VIEW)
    with db.session() as session:
        q = select(ApprovalItem).order_by(ApprovalItem.sort_order, ApprovalItem.code)
        if not include_inactive:
            q = q.where(ApprovalItem.active.is_(True))
        if department:
            q = q.where(ApprovalItem.department == department)
        if text:
            like = f"%{text.strip()}%"
            q = q.where(ApprovalItem.name.like(like) | ApprovalItem.code.like(like))
        return [row_of(i) for i in session.scalars(q)]


def catalog_map(db: Database, actor: Actor) -> dict[str, CatalogRow]:
    return {row.code: row for row in list_catalog(db, actor)}


def get_item(db: Database, actor: Actor, code: str) -> CatalogRow:
    actor.require(VIEW)
    with db.session() as session:
        item = session.scalar(select(ApprovalItem).where(ApprovalItem.code == code.strip().upper()))
        if item is None:
            raise NotFound(f"事项库中没有编码为 {code} 的事项")
        return row_of(item)


def departments(db: Database, actor: Actor) -> list[str]:
    """Departments that grant items in the catalog, in catalog order."""
    seen: dict[str, None] = {}
    for row in list_catalog(db, actor):
        seen.setdefault(row.department, None)
    return list(seen)


# -- editing -----------------------------------------------------------------------------------
def graph_of(session: Session) -> dict[str, tuple[str, ...]]:
    """Each catalog code with the codes it waits for, as stored."""
    return {i.code: tuple(i.prerequisites or ()) for i in session.scalars(select(ApprovalItem))}


FIELDS = [
    "name",
    "department",
    "stage",
    "statutory_days",
    "committed_days",
    "materials",
    "legal_basis",
    "prerequisites",
    "pre_review",
    "site_inspection",
    "certificate",
    "fee",
    "limit_kind",
    "level",
    "unverified",
    "active",
]


def _apply(item: ApprovalItem, parsed: CatalogItem) -> None:
    item.name, item.department, item.stage = parsed.name, parsed.department, parsed.stage
    item.statutory_days, item.committed_days = parsed.statutory_days, parsed.committed_days
    item.materials, item.legal_basis = list(parsed.materials), list(parsed.legal_basis)
    item.prerequisites = list(parsed.prerequisites)
    item.pre_review, item.site_inspection = parsed.pre_review, parsed.site_inspection
    item.certificate, item.fee = parsed.certificate, parsed.fee
    item.limit_kind, item.level = parsed.limit_kind.value, parsed.level


def upsert(
    session: Session, parsed: CatalogItem, active: bool | None = None
) -> tuple[ApprovalItem, bool, dict[str, Any] | None]:
    """Create or update the row of ``parsed`` (already checked); returns it, whether it is new,
    and its fields before."""
    item = session.scalar(select(ApprovalItem).where(ApprovalItem.code == parsed.code))
    created = item is None
    before = None
    if item is None:
        order = (
            session.scalar(select(ApprovalItem.sort_order).order_by(ApprovalItem.sort_order.desc()).limit(1)) or 0
        ) + 1
        item = ApprovalItem(code=parsed.code, sort_order=order, active=True if active is None else active)
        session.add(item)
    else:
        before = {f: jsonable(getattr(item, f)) for f in FIELDS}
        if active is not None:
            item.active = active
    # Only the reference data verifies a citation: one typed in an edit or an import is 未核验
    # until then, one the item already had keeps its flag (docs/rules/reference-data.md).
    flagged = set(item.unverified or ())
    verified = set() if created else {b for b in item.legal_basis or () if b not in flagged}
    item.unverified = [b for b in parsed.legal_basis if b in parsed.unverified or b not in verified]
    _apply(item, parsed)
    return item, created, before


def _parse(form: CatalogItemForm) -> CatalogItem:
    fields = dataclasses.asdict(form)
    fields.pop("version")
    fields.pop("active")
    return parse_catalog_item(fields)


def save_item(db: Database, actor: Actor, form: CatalogItemForm, *, now: dt.datetime) -> CatalogRow:
    """Create or update one catalog item (admins). ``form.version`` (the one the form showed)
    guards against lost updates."""
    actor.require(CATALOG_EDIT)
    form = cleaned(form)  # control characters out, dates in range
    parsed = _parse(form)
    with unit_of_work(db, actor, now=now) as work:
        existing = work.session.scalar(select(ApprovalItem).where(ApprovalItem.code == parsed.code))
        if existing is not None and form.version is not None and existing.version != form.version:
            raise ConflictError(STALE)
        check_graph({**graph_of(work.session), parsed.code: parsed.prerequisites})
        if existing is not None and form.version is None:
            # A new item (no version seen) must not overwrite the one already holding its code.
            raise ValidationError(
                f"事项编码 {parsed.code} 已被“{existing.name}”使用，新事项请换一个编码；要修改该事项请在列表中打开它",
                field="code",
            )
        item, created, before = upsert(work.session, parsed, form.active)
        work.session.flush()
        work.audit(
            "create" if created else "update",
            "approval_item",
            item.code,
            f"{'新增' if created else '修改'}事项库事项：{item.code} {item.name}"[:300],
            before=before,
            after={f: jsonable(getattr(item, f)) for f in FIELDS},
        )
        return row_of(item)


def set_active(db: Database, actor: Actor, form: ActiveForm, *, now: dt.datetime) -> None:
    """Withdraw an item from the menu (kept for the projects that ordered it) or restore it."""
    actor.require(CATALOG_EDIT)
    form = cleaned(form)  # control characters out, dates in range
    with unit_of_work(db, actor, now=now) as work:
        item = work.session.scalar(select(ApprovalItem).where(ApprovalItem.code == form.code))
        if item is None:
            raise NotFound(f"事项库中没有编码为 {form.code} 的事项")
        if form.version is not None and item.version != form.version:
            raise ConflictError(STALE)
        item.active = form.active
        work.audit(
            "update",
            "approval_item",
            form.code,
            f"{'启用' if form.active else '停用'}事项：{form.code} {item.name}"[:300],
            after={"active": form.active},
        )


# -- templates ---------------------------------------------------------------------------------
def _template_row(t: MenuTemplate) -> TemplateRow:
    entries = tuple(
        TemplateEntry(str(e["code"]), Classification(e["class"]), str(e.get("reason") or "")) for e in t.entries or []
    )
    return TemplateRow(t.code, t.name, t.description or "", entries)


def list_templates(db: Database, actor: Actor) -> list[TemplateRow]:
    actor.require(VIEW)
    with db.session() as session:
        q = (
            select(MenuTemplate)
            .where(MenuTemplate.active.is_(True))
            .order_by(MenuTemplate.sort_order, MenuTemplate.code)
        )
        return [_template_row(t) for t in session.scalars(q)]


def get_template(db: Database, actor: Actor, code: str) -> TemplateRow:
    actor.require(VIEW)
    with db.session() as session:
        t = session.scalar(select(MenuTemplate).where(MenuTemplate.code == code))
        if t is None:
            raise NotFound(f"没有编码为 {code} 的点菜单模板")
        return _template_row(t)
