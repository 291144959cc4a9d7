"""The approval catalog (事项库) and menu templates (点菜单模板): reading, the admin's edits, Excel.

The catalog is seeded from ``resources/data/approval_catalog.json`` by
:mod:`laoshan_desk.services.approvals.seed`; admins edit items in the desk and round-trip the
whole catalog through Excel. An import keeps every good row and reports each bad one with its
row number and reason; prerequisites must name catalog items and never form a cycle.
"""

from __future__ import annotations

import dataclasses
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.approvals import (
    CatalogItem,
    Classification,
    TemplateEntry,
    cycle_message,
    find_cycle,
    parse_catalog_item,
)
from laoshan_desk.domain.approvals import MenuTemplate as DomainTemplate
from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
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
    id: Any
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

    @property
    def days(self) -> int:
        return self.committed_days

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
        )


@dataclasses.dataclass(frozen=True)
class TemplateRow:
    code: str
    name: str
    description: str
    entries: tuple[TemplateEntry, ...]

    def as_domain(self) -> DomainTemplate:
        return DomainTemplate(self.code, self.name, self.description, self.entries)


def _row(item: ApprovalItem) -> CatalogRow:
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
    )


# -- reading -----------------------------------------------------------------------------------
def list_catalog(
    db: Database, *, text: str | None = None, department: str | None = None, include_inactive: bool = True
) -> list[CatalogRow]:
    """The catalog in its order; everyone who sees the tab may read it (the menu is public)."""
    with db.session() as session:
        q = select(ApprovalItem).order_by(ApprovalItem.sort_order, ApprovalItem.code)
        if not include_inactive:
            q = q.where(ApprovalItem.active.is_(True))
        if department:
            q = q.where(ApprovalItem.department == department)
        if text:
            like = f"%{text.strip()}%"
            q = q.where(ApprovalItem.name.like(like) | ApprovalItem.code.like(like))
        return [_row(i) for i in session.scalars(q)]


def catalog_map(db: Database) -> dict[str, CatalogRow]:
    return {row.code: row for row in list_catalog(db)}


def get_item(db: Database, code: str) -> CatalogRow:
    with db.session() as session:
        item = session.scalar(select(ApprovalItem).where(ApprovalItem.code == code.strip().upper()))
        if item is None:
            raise NotFound(f"事项库中没有编码为 {code} 的事项")
        return _row(item)


def departments(db: Database) -> list[str]:
    """Departments that grant items in the catalog, in catalog order."""
    seen: dict[str, None] = {}
    for row in list_catalog(db):
        seen.setdefault(row.department, None)
    return list(seen)


# -- editing -----------------------------------------------------------------------------------
def _check_graph(session: Session, code: str, prerequisites: Iterable[str]) -> None:
    graph = {i.code: tuple(i.prerequisites or ()) for i in session.scalars(select(ApprovalItem))}
    graph[code] = tuple(prerequisites)
    for p in graph[code]:
        if p not in graph:
            raise ValidationError(f"事项 {code} 的前置事项 {p} 不在事项库中", field="prerequisites")
        if p == code:
            raise ValidationError(f"事项 {code} 不能以自身为前置事项", field="prerequisites")
    cycle = find_cycle(graph)
    if cycle:
        raise ValidationError(cycle_message(cycle), field="prerequisites", code="prerequisite_cycle")


_FIELDS = [
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
    "active",
]


def _apply(item: ApprovalItem, parsed: CatalogItem) -> None:
    item.name, item.department, item.stage = parsed.name, parsed.department, parsed.stage
    item.statutory_days, item.committed_days = parsed.statutory_days, parsed.committed_days
    item.materials, item.legal_basis = list(parsed.materials), list(parsed.legal_basis)
    item.prerequisites = list(parsed.prerequisites)
    item.pre_review, item.site_inspection = parsed.pre_review, parsed.site_inspection
    item.certificate, item.fee = parsed.certificate, parsed.fee


def _upsert(
    session: Session, parsed: CatalogItem, active: bool | None = None
) -> tuple[ApprovalItem, bool, dict[str, Any] | None]:
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
        before = {f: jsonable(getattr(item, f)) for f in _FIELDS}
        if active is not None:
            item.active = active
    _apply(item, parsed)
    return item, created, before


def save_item(db: Database, actor: Actor, data: Mapping[str, Any], *, version: int | None = None) -> CatalogRow:
    """Create or update one catalog item (admins). ``version`` guards against lost updates."""
    actor.require("approvals.catalog_edit")
    parsed = parse_catalog_item(data)
    with unit_of_work(db, actor) as work:
        existing = work.session.scalar(select(ApprovalItem).where(ApprovalItem.code == parsed.code))
        if existing is not None and version is not None and existing.version != version:
            raise ConflictError(f"事项 {parsed.code} 已被他人修改，请刷新后重试")
        _check_graph(work.session, parsed.code, parsed.prerequisites)
        item, created, before = _upsert(work.session, parsed, data.get("active") if "active" in data else None)
        work.session.flush()
        work.audit(
            "create" if created else "update",
            "approval_item",
            item.code,
            f"{'新增' if created else '修改'}事项库事项：{item.code} {item.name}"[:300],
            before=before,
            after={f: jsonable(getattr(item, f)) for f in _FIELDS},
        )
        return _row(item)


def set_active(db: Database, actor: Actor, code: str, active: bool) -> None:
    """Withdraw an item from the menu (kept for the projects that ordered it) or restore it."""
    actor.require("approvals.catalog_edit")
    with unit_of_work(db, actor) as work:
        item = work.session.scalar(select(ApprovalItem).where(ApprovalItem.code == code))
        if item is None:
            raise NotFound(f"事项库中没有编码为 {code} 的事项")
        item.active = active
        work.audit(
            "update",
            "approval_item",
            code,
            f"{'启用' if active else '停用'}事项：{code} {item.name}"[:300],
            after={"active": active},
        )


# -- templates ---------------------------------------------------------------------------------
def _template_row(t: MenuTemplate) -> TemplateRow:
    entries = tuple(
        TemplateEntry(str(e["code"]), Classification(e["class"]), str(e.get("reason") or "")) for e in t.entries or []
    )
    return TemplateRow(t.code, t.name, t.description or "", entries)


def list_templates(db: Database) -> list[TemplateRow]:
    with db.session() as session:
        q = (
            select(MenuTemplate)
            .where(MenuTemplate.active.is_(True))
            .order_by(MenuTemplate.sort_order, MenuTemplate.code)
        )
        return [_template_row(t) for t in session.scalars(q)]


def get_template(db: Database, code: str) -> TemplateRow:
    with db.session() as session:
        t = session.scalar(select(MenuTemplate).where(MenuTemplate.code == code))
        if t is None:
            raise NotFound(f"没有编码为 {code} 的点菜单模板")
        return _template_row(t)
