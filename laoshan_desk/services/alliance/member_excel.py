"""The members workbook: import (the same USCC updates the member) and export.

Columns: 企业名称 | 统一社会信用代码 | 无代码原因 | 街道 | 社区 | 地址 | 行业 | 生命周期阶段 | 联络员 |
联络电话 | 入盟日期 | 倡议书签署日期 | 荣誉. 荣誉 lists the honours as ``等级（品牌）年份`` separated by
"；", e.g. ``中国驰名商标（崂山示例）2019；崂山质量奖 2022``; an import adds the ones not on file.
Each row goes through the counter's checks (:func:`.members.store_member`) in a savepoint.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.alliance.vocabulary import HonourLevel
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.alliance.common import EDIT, VIEW, pick
from laoshan_desk.services.alliance.members import MemberForm, list_members, store_member
from laoshan_desk.services.alliance.workbook import ImportReport, apply_rows, cell_day, cell_text, read_sheet
from laoshan_desk.services.context import Actor
from laoshan_desk.services.printing import Output, OutputKind, record_output
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.alliance import AllianceHonour

COLUMNS = (
    "企业名称",
    "统一社会信用代码",
    "无代码原因",
    "街道",
    "社区",
    "地址",
    "行业",
    "生命周期阶段",
    "联络员",
    "联络电话",
    "入盟日期",
    "倡议书签署日期",
    "荣誉",
)
REQUIRED = ("企业名称", "统一社会信用代码", "行业", "生命周期阶段", "联络员", "入盟日期")
FIELD_COLUMNS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "no_uscc_reason": "无代码原因",
    "street": "街道",
    "community": "社区",
    "address": "地址",
    "industry": "行业",
    "stage": "生命周期阶段",
    "liaison_name": "联络员",
    "liaison_phone": "联络电话",
    "member_since": "入盟日期",
    "pledge_signed_on": "倡议书签署日期",
    "level": "荣誉",
    "year": "荣誉",
}
_HONOUR = re.compile(r"^(?P<level>[^（(]+?)\s*(?:[（(](?P<title>[^）)]*)[）)])?\s*(?P<year>\d{4})$")


def parse_honours(text: str, *, this_year: int) -> list[tuple[HonourLevel, str, int]]:
    """``中国驰名商标（崂山示例）2019；崂山质量奖 2022`` → [(level, title, year), ...]."""
    out = []
    for part in re.split(r"[；;\n]+", text):
        part = part.strip()
        if not part:
            continue
        m = _HONOUR.match(part)
        if m is None:
            raise ValidationError(f"荣誉“{part}”应写作“等级（品牌）年份”，如 崂山质量奖 2022", field="level")
        year = int(m["year"])
        if not 1949 <= year <= this_year:
            raise ValidationError(f"荣誉年份 {year} 不在 1949 至 {this_year} 之间", field="year")
        out.append((pick(HonourLevel, m["level"].strip(), "level"), (m["title"] or "").strip(), year))
    return out


def _unit_id(units: dict[tuple[str, str], uuid.UUID], kind: str, name: str, column: str) -> uuid.UUID | None:
    if not name:
        return None
    found = units.get((kind, name))
    if found is None:
        raise ValidationError(f"{column}“{name}”不在组织机构中", field="street" if kind == "street" else "community")
    return found


def _row(session: Session, values: dict[str, Any], units: Any, *, now: dt.datetime) -> bool:
    street = _unit_id(units, "street", cell_text(values.get("街道")), "街道")
    community = _unit_id(units, "community", cell_text(values.get("社区")), "社区")
    try:
        since = cell_day(values.get("入盟日期"), "member_since")
        pledge = cell_day(values.get("倡议书签署日期"), "pledge_signed_on")
    except ValidationError as exc:
        raise ValidationError(exc.message, field=exc.field) from None
    form = MemberForm(
        name=cell_text(values.get("企业名称")),
        uscc=cell_text(values.get("统一社会信用代码")),
        no_uscc_reason=cell_text(values.get("无代码原因")),
        street_id=street,
        community_id=community,
        address=cell_text(values.get("地址")),
        industry=cell_text(values.get("行业")),
        stage=cell_text(values.get("生命周期阶段")),
        liaison_name=cell_text(values.get("联络员")),
        liaison_phone=cell_text(values.get("联络电话")),
        member_since=since,
        pledge_signed_on=pledge,
    )
    honours = parse_honours(cell_text(values.get("荣誉")), this_year=now.year)
    member, created = store_member(session, form, now=now)
    held = {
        (h.level, h.title, h.year)
        for h in session.scalars(select(AllianceHonour).where(AllianceHonour.enterprise_id == member.enterprise_id))
    }
    for level, title, year in honours:
        if (level.value, title, year) not in held:
            session.add(
                AllianceHonour(
                    id=uuid.uuid4(),
                    enterprise_id=member.enterprise_id,
                    level=level.value,
                    title=title,
                    year=year,
                    created_at=now,
                )
            )
            held.add((level.value, title, year))
    session.flush()
    return not created


def import_members(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    actor.require(EDIT)
    rows = list(read_sheet(Path(path), COLUMNS, required=REQUIRED))
    with unit_of_work(db, actor, now=now) as work:
        units = {
            ("community" if u.kind in ("community", "village") else u.kind, u.name): u.id
            for u in work.session.scalars(select(Unit))
        }
        imported, updated, rejected = apply_rows(
            work.session, rows, lambda s, values: _row(s, values, units, now=now), FIELD_COLUMNS
        )
        work.audit(
            "import",
            "alliance_member",
            None,
            f"导入联盟成员：新增 {imported} 家，更新 {updated} 家，拒绝 {len(rejected)} 行",
            after={"imported": imported, "updated": updated, "rejected": len(rejected), "file": Path(path).name},
        )
    return ImportReport(imported, updated, rejected=tuple(rejected))


EXPORT_COLUMNS = [
    Column("企业名称", 30),
    Column("统一社会信用代码", 21),
    Column("无代码原因", 16),
    Column("街道", 10),
    Column("社区", 12),
    Column("地址", 30),
    Column("行业", 10),
    Column("生命周期阶段", 12),
    Column("联络员", 10),
    Column("联络电话", 14),
    Column("入盟日期", 12, "date"),
    Column("倡议书签署日期", 14, "date"),
    Column("荣誉", 40),
]


def export_members(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> int:
    actor.require(VIEW)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("文件应以 .xlsx 结尾", field="file")
    members = list_members(db, actor)

    def rows() -> Iterator[list[Any]]:
        for m in members:
            yield [
                m.name,
                m.uscc,
                "",
                m.street,
                m.community,
                m.address,
                m.industry.label,
                m.stage.label,
                m.liaison_name,
                m.liaison_phone,
                m.member_since,
                m.pledge_signed_on,
                "；".join(f"{h.level.label}{'（' + h.title + '）' if h.title else ' '}{h.year}" for h in m.honours),
            ]

    write_stream(path, [Sheet("联盟成员", EXPORT_COLUMNS, rows())])
    record_output(
        db,
        actor,
        Output("alliance_member", None, f"联盟成员名册 {len(members)} 家"),
        kind=OutputKind.EXPORT,
        target=path.name,
        now=now,
    )
    return len(members)
