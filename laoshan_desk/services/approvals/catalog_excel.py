"""The catalog as one Excel sheet: the admin's export, and the import that keeps every good row and
reports each bad one with its row number and reason (unknown prerequisites and cycles included)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_read import read_sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.approvals import CatalogItem, check_graph, parse_catalog_item
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import printing
from laoshan_desk.services.approvals.catalog import CatalogRow, graph_of, list_catalog, upsert
from laoshan_desk.services.approvals.common import CATALOG_EDIT, VIEW
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportBuilder, ImportReport
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database

__all__ = ["EXCEL_COLUMNS", "ImportReport", "export_excel", "import_excel"]


EXCEL_COLUMNS: list[tuple[str, str]] = [
    ("code", "事项编码"),
    ("name", "事项名称"),
    ("department", "实施部门"),
    ("stage", "阶段"),
    ("statutory_days", "法定时限"),
    ("limit_kind", "时限类型"),
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
# A workbook exported before the kinds of limit: its header, read as a limit in working days.
_OLD_HEADERS = {"法定时限（工作日）": "法定时限"}
IMPORT_MAX_ROWS = 5000  # the district's catalog has under a hundred items
_REQUIRED = ("code", "name", "department", "statutory_days", "committed_days")
_YES = {"是", "有", "y", "yes", "true", "1", "√", "✓"}
_NO = {"否", "无", "n", "no", "false", "0", "", "×"}


def export_excel(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> Path:
    """The whole catalog as one sheet, lists joined with "；" (what :func:`import_excel` reads
    back); the export is audited once, after the file was written."""
    actor.require(VIEW)
    rows = list_catalog(db, actor)
    widths = {"name": 36, "materials": 60, "legal_basis": 40, "department": 20}
    columns = [
        Column(header, widths.get(key, 12), "int" if key.endswith("_days") else "text") for key, header in EXCEL_COLUMNS
    ]

    def cells(r: CatalogRow) -> list[object]:
        return [
            r.code,
            r.name,
            r.department,
            r.stage,
            r.statutory_days or None,  # no statutory limit: an empty cell, never 0
            r.limit_kind.label,
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
    printing.record_output(
        db,
        actor,
        printing.Output("approval_item", None, f"事项库（{len(rows)} 项）"),
        kind=printing.OutputKind.EXPORT,
        target=str(target),
        now=now,
    )
    return target


def _flag(value: Any, label: str, field: str) -> bool:
    text = "" if value is None else str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"“{label}”应填“是”或“否”：{str(value)[:20]!r}", field=field)


def import_excel(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Read a catalog workbook through the desk's one reader (the export's columns, matched by
    header). Good rows are saved in one unit of work (the catalog is small, and a prerequisite
    may be defined further down the file); bad rows are reported with their row, column and
    reason (:class:`~laoshan_desk.services.imports.ImportReport`), a row whose prerequisites are
    unknown or would close a cycle among them."""
    actor.require(CATALOG_EDIT)
    path = Path(path)
    labels = [label for _key, label in EXCEL_COLUMNS]
    key_of = {label: key for key, label in EXCEL_COLUMNS}
    sheet = read_sheet(
        path,
        labels,
        required=[label for key, label in EXCEL_COLUMNS if key in _REQUIRED],
        aliases=_OLD_HEADERS,
        max_rows=IMPORT_MAX_ROWS,
    )
    report = ImportBuilder({key: label for key, label in EXCEL_COLUMNS})

    def check(values: dict[str, Any]) -> tuple[CatalogItem, bool | None]:
        data = {key_of[label]: value for label, value in values.items() if label in sheet.found}
        for key, label in (("pre_review", "材料预审"), ("site_inspection", "现场踏勘/验收")):
            if key in data:
                data[key] = _flag(data[key], label, key)
        active = _flag(data.pop("active"), "启用", "active") if data.get("active") not in (None, "") else None
        return parse_catalog_item(data), active

    checked = report.check_rows(
        sheet, check, refuses=ValidationError, unique=lambda row: f"事项编码 {row[0].code}", unique_column="事项编码"
    )
    parsed_rows = [(number, item, active) for number, (item, active) in checked]
    with unit_of_work(db, actor, now=now) as work:
        graph = graph_of(work.session)
        # Add rows in an order where prerequisites come first, so a file may define both.
        pending = list(parsed_rows)
        progress = True
        while pending and progress:
            progress = False
            for entry in list(pending):
                number, item, active = entry
                unknown = [p for p in item.prerequisites if p not in graph and p not in {i.code for _, i, _ in pending}]
                if unknown:
                    report.reject(number, "前置事项", f"事项 {item.code} 的前置事项 {unknown[0]} 不在事项库中")
                    pending.remove(entry)
                    progress = True
                    continue
                if any(p not in graph for p in item.prerequisites):
                    continue  # wait for the prerequisite's own row
                trial = {**graph, item.code: item.prerequisites}
                pending.remove(entry)
                progress = True
                try:
                    check_graph(trial)
                except ValidationError as exc:
                    report.reject_error(number, exc)
                    continue
                graph = trial
                _row_obj, was_created, _before = upsert(work.session, item, active)
                report.count("imported" if was_created else "updated")
        for number, item, _ in pending:
            report.reject(number, "前置事项", f"事项 {item.code} 的前置事项无法导入")
        work.session.flush()
        result = report.build()
        work.audit(
            "import",
            "approval_item",
            None,
            f"导入事项库：新增 {result.imported} 项，更新 {result.updated} 项，退回 {len(result.rejected)} 行"[:300],
            after={"file": path.name, **result.as_json(limit=50)},
        )
    return result
