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
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
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
from laoshan_desk.domain.approvals import (
    MenuTemplate as DomainTemplate,
)
from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalItem, MenuTemplate

__all__ = [
    "CatalogRow",
    "TemplateRow",
    "ImportReport",
    "EXCEL_COLUMNS",
    "list_catalog",
    "catalog_map",
    "get_item",
    "save_item",
    "set_active",
    "departments",
    "list_templates",
    "get_template",
    "export_excel",
    "import_excel",
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


# -- Excel -------------------------------------------------------------------------------------
EXCEL_COLUMNS: list[tuple[str, str]] = [
    ("code", "事项编码"),
    ("name", "事项名称"),
    ("department", "实施部门"),
    ("stage", "阶段"),
    ("statutory_days", "法定时限（工作日）"),
    ("committed_days", "承诺时限（工作日）"),
    ("materials", "申请材料"),
    ("legal_basis", "设定依据"),
    ("prerequisites", "前置事项"),
    ("pre_review", "材料预审"),
    ("site_inspection", "现场踏勘/验收"),
    ("certificate", "颁发证照"),
    ("fee", "收费（元）"),
    ("active", "启用"),
]
_YES = {"是", "有", "y", "yes", "true", "1", "√", "✓"}
_NO = {"否", "无", "n", "no", "false", "0", "", "×"}


def export_excel(db: Database, actor: Actor, path: Path) -> Path:
    """The whole catalog as one sheet, lists joined with "；" (what import_excel reads back)."""
    from laoshan_desk.documents.excel import Column, Sheet, write_stream

    actor.require("approvals.view")
    rows = list_catalog(db)
    widths = {"name": 36, "materials": 60, "legal_basis": 40, "department": 20}
    columns = [
        Column(header, widths.get(key, 12), "int" if key.endswith("_days") else "text") for key, header in EXCEL_COLUMNS
    ]

    def cells(r: CatalogRow) -> list[Any]:
        return [
            r.code,
            r.name,
            r.department,
            r.stage,
            r.statutory_days,
            r.committed_days,
            "；".join(r.materials),
            "；".join(r.legal_basis),
            "；".join(r.prerequisites),
            "是" if r.pre_review else "否",
            "是" if r.site_inspection else "否",
            r.certificate or "",
            f"{r.fee:.2f}",
            "是" if r.active else "否",
        ]

    target = write_stream(Path(path), [Sheet("事项库", columns, (cells(r) for r in rows))])
    from laoshan_desk.services import audit

    audit.record(
        db, actor, "export", "approval_item", None, f"导出事项库（{len(rows)} 项）", after={"file": Path(path).name}
    )
    return target


@dataclasses.dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    rejected: list[tuple[int, str]]

    @property
    def imported(self) -> int:
        return self.created + self.updated


def _flag(value: Any, label: str) -> bool:
    text = "" if value is None else str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"“{label}”应填“是”或“否”：{value!r}")


def import_excel(db: Database, actor: Actor, path: Path) -> ImportReport:
    """Read a catalog workbook (the export's columns, matched by header). Good rows are saved,
    bad rows reported as (row number, reason); a row whose prerequisites are unknown or would
    close a cycle is bad too."""
    actor.require("approvals.catalog_edit")
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same message
        raise ValidationError(f"无法读取 Excel 文件：{path.name}（{exc.__class__.__name__}）") from exc
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        wb.close()
        raise ValidationError("Excel 文件是空的：第一行应为列标题")
    by_label = {label: key for key, label in EXCEL_COLUMNS}
    keys = [by_label.get(str(h).strip()) if h is not None else None for h in header]
    missing = [label for key, label in EXCEL_COLUMNS[:6] if key not in keys]
    if missing:
        wb.close()
        raise ValidationError("Excel 缺少列：" + "、".join(missing))
    parsed_rows: list[tuple[int, CatalogItem, bool | None]] = []
    rejected: list[tuple[int, str]] = []
    seen: set[str] = set()
    for number, values in enumerate(rows, start=2):
        if not values or all(v in (None, "") for v in values):
            continue
        data = {k: v for k, v in zip(keys, values, strict=False) if k}
        try:
            for key, label in (("pre_review", "材料预审"), ("site_inspection", "现场踏勘/验收")):
                if key in data:
                    data[key] = _flag(data[key], label)
            active = _flag(data.pop("active"), "启用") if data.get("active") not in (None, "") else None
            item = parse_catalog_item(data)
            if item.code in seen:
                raise ValidationError(f"事项编码 {item.code} 在文件中重复")
            seen.add(item.code)
            parsed_rows.append((number, item, active))
        except ValidationError as exc:
            rejected.append((number, exc.message))
    wb.close()
    created = updated = 0
    with unit_of_work(db, actor) as work:
        graph = {i.code: tuple(i.prerequisites or ()) for i in work.session.scalars(select(ApprovalItem))}
        # Add rows in an order where prerequisites come first, so a file may define both.
        pending = list(parsed_rows)
        progress = True
        while pending and progress:
            progress = False
            for entry in list(pending):
                number, item, active = entry
                unknown = [p for p in item.prerequisites if p not in graph and p not in {i.code for _, i, _ in pending}]
                if unknown:
                    rejected.append((number, f"事项 {item.code} 的前置事项 {unknown[0]} 不在事项库中"))
                    pending.remove(entry)
                    progress = True
                    continue
                if any(p not in graph for p in item.prerequisites):
                    continue  # wait for the prerequisite's own row
                trial = dict(graph)
                trial[item.code] = item.prerequisites
                cycle = find_cycle(trial)
                pending.remove(entry)
                progress = True
                if cycle:
                    rejected.append((number, cycle_message(cycle)))
                    continue
                graph = trial
                _row_obj, was_created, _before = _upsert(work.session, item, active)
                created += was_created
                updated += not was_created
        for number, item, _ in pending:
            rejected.append((number, f"事项 {item.code} 的前置事项无法导入"))
        work.session.flush()
        work.audit(
            "import",
            "approval_item",
            None,
            f"导入事项库：新增 {created} 项，更新 {updated} 项，退回 {len(rejected)} 行"[:300],
            after={
                "file": path.name,
                "created": created,
                "updated": updated,
                "rejected": [list(r) for r in rejected[:50]],
            },
        )
    rejected.sort()
    return ImportReport(created, updated, rejected)
