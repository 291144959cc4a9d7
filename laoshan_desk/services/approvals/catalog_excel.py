"""The catalog as one Excel sheet: the admin's export, and the import that keeps every good row and
reports each bad one with its row number and reason (unknown prerequisites and cycles included)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from laoshan_desk.documents.excel import Column, Sheet, write_stream
from laoshan_desk.domain.approvals import CatalogItem, check_graph, parse_catalog_item
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import printing
from laoshan_desk.services.approvals.catalog import CatalogRow, graph_of, list_catalog, upsert
from laoshan_desk.services.approvals.common import CATALOG_EDIT, VIEW
from laoshan_desk.services.context import Actor
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
_OLD_HEADERS = {"法定时限（工作日）": "statutory_days"}
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


def import_excel(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Read a catalog workbook (the export's columns, matched by header). Good rows are saved,
    bad rows reported as (row number, reason); a row whose prerequisites are unknown or would
    close a cycle is bad too."""
    actor.require(CATALOG_EDIT)
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
    by_label = {**_OLD_HEADERS, **{label: key for key, label in EXCEL_COLUMNS}}
    keys = [by_label.get(str(h).strip()) if h is not None else None for h in header]
    missing = [label for key, label in EXCEL_COLUMNS if key in _REQUIRED and key not in keys]
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
                    rejected.append((number, f"事项 {item.code} 的前置事项 {unknown[0]} 不在事项库中"))
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
                    rejected.append((number, exc.message))
                    continue
                graph = trial
                _row_obj, was_created, _before = upsert(work.session, item, active)
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
