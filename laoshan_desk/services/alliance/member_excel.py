"""The members workbook: import (the same USCC updates the member) and export.

Columns: 企业名称 | 统一社会信用代码 | 无代码原因 | 街道 | 社区 | 地址 | 行业 | 生命周期阶段 | 联络员 |
联络电话 | 入盟日期 | 倡议书签署日期 | 荣誉. 荣誉 lists the honours as ``等级（品牌）年份`` separated by
"；", e.g. ``中国驰名商标（崂山示例）2019；崂山质量奖 2022``; an import adds the ones not on file.

The import is the desk's one pattern (``services/imports.py``): every row is read and checked
first, through the counter's own validators (``enterprise_registry.validate``,
:func:`.members.validate_member`), each bad row reported with its number, column and reason; the
good rows are written by ``commit_in_batches`` (a few hundred rows a unit of work, each row in a
savepoint), so a counter's save gets in between batches. What a row may change of a member on
file is docs/rules/alliance.md §alliance-import: a member the desk has worked since its last
import is a conflict for a clerk, never overwritten; a row that changes nothing writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.documents import excel_read
from laoshan_desk.documents.excel import Column, Sheet
from laoshan_desk.documents.excel_stream import write_stream
from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import label_of
from laoshan_desk.services import enterprise_registry as registry
from laoshan_desk.services.alliance.common import EDIT, VIEW, pick
from laoshan_desk.services.alliance.members import MemberForm, list_members, validate_member
from laoshan_desk.services.alliance.workbook import cell_day, cell_text
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportBuilder, ImportReport, Outcome, commit_in_batches
from laoshan_desk.services.printing import Output, OutputKind, record_output
from laoshan_desk.services.uow import Work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import AuditRecord, Unit
from laoshan_desk.store.models.alliance import AllianceHonour, AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise

ENTITY = "alliance_member"
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
# what a row states, field → the sheet's column (the conflicts and the audit name the columns)
ENTERPRISE_COLUMNS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "no_uscc_reason": "无代码原因",
    "street_id": "街道",
    "community_id": "社区",
    "address": "地址",
}
MEMBER_COLUMNS = {
    "liaison_name": "联络员",
    "liaison_phone": "联络电话",
    "member_since": "入盟日期",
    "pledge_signed_on": "倡议书签署日期",
    "stage": "生命周期阶段",
    "industry": "行业",
}
_PLACE = ("street_id", "community_id", "address")
_OPTIONAL = ("liaison_phone", "pledge_signed_on")
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


@dataclasses.dataclass(frozen=True)
class MemberLine:
    """One checked row: the enterprise and the member's own fields as the counter checks them
    (``registry.validate``, ``validate_member``), and the honours it lists."""

    key: str  # 统一社会信用代码 …, or 企业 … for an enterprise without a code
    firm: registry.EnterpriseForm
    place: dict[str, Any]  # what the row states of the enterprise (the place only when filled in)
    own: dict[str, Any]  # what the row states of the member (the optional cells only when filled in)
    honours: tuple[tuple[HonourLevel, str, int], ...]


def _check(session: Session, values: dict[str, Any], units: Any, *, now: dt.datetime) -> MemberLine:
    """One row through the counter's checks; the first fault raises (against its field)."""
    street = _unit_id(units, "street", cell_text(values.get("街道")), "街道")
    community = _unit_id(units, "community", cell_text(values.get("社区")), "社区")
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
        member_since=cell_day(values.get("入盟日期"), "member_since"),
        pledge_signed_on=cell_day(values.get("倡议书签署日期"), "pledge_signed_on"),
    )
    firm = registry.EnterpriseForm(
        form.name, form.uscc, form.no_uscc_reason, form.street_id, form.community_id, form.address
    )
    place = registry.validate(session, firm)
    checked = validate_member(session, form, today=now.date())
    # An honour written twice in one cell is one honour (the register holds each once).
    honours = tuple(dict.fromkeys(parse_honours(cell_text(values.get("荣誉")), this_year=now.year)))
    # An empty optional cell keeps what is on file (as registry.record does for the place).
    stated = {k: place[k] for k in ENTERPRISE_COLUMNS if place[k] not in (None, "") or k not in _PLACE}
    own = {k: checked[k] for k in MEMBER_COLUMNS if checked[k] not in (None, "") or k not in _OPTIONAL}
    key = f"统一社会信用代码 {place['uscc']}" if place["uscc"] else f"企业 {place['name']}"
    return MemberLine(key, firm, stated, own, honours)


def _find(session: Session, line: MemberLine) -> tuple[Enterprise | None, AllianceMember | None]:
    """The enterprise on file the row names (registry.record's lookup), and its membership."""
    if line.place["uscc"] is not None:
        where = Enterprise.uscc == line.place["uscc"]
    else:
        where = (Enterprise.uscc.is_(None)) & (Enterprise.name == line.place["name"])
    enterprise = session.scalars(select(Enterprise).where(where)).first()
    if enterprise is None:
        return None, None
    member = session.scalars(select(AllianceMember).where(AllianceMember.enterprise_id == enterprise.id)).first()
    return enterprise, member


def _desk_work(session: Session, member_id: uuid.UUID) -> str | None:
    """How the desk worked the member since its last import (the audit says it: docs/rules/alliance.md
    §alliance-import), or None when the import's own write is the last (or nothing is recorded)."""
    last = session.scalar(
        select(AuditRecord.action)
        .where(AuditRecord.entity == ENTITY, AuditRecord.entity_id == str(member_id))
        .order_by(AuditRecord.seq.desc())
        .limit(1)
    )
    if last is None or last == "import":
        return None
    return "在本窗口登记" if last == "create" else "已在本窗口修改"


def _shown(field: str, value: Any, names: dict[uuid.UUID, str]) -> Any:
    """A value as the audit shows it: unit names, labels, ISO dates."""
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return names.get(value, str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if field == "stage":
        return label_of(LifecycleStage, value)
    if field == "industry":
        return label_of(Industry, value)
    return value


def _add_honours(session: Session, enterprise_id: uuid.UUID, honours: Any, *, now: dt.datetime) -> None:
    for level, title, year in honours:
        session.add(
            AllianceHonour(
                id=uuid.uuid4(), enterprise_id=enterprise_id, level=level.value, title=title, year=year, created_at=now
            )
        )


def _apply(
    work: Work,
    number: int,
    line: MemberLine,
    *,
    names: dict[uuid.UUID, str],
    report: ImportBuilder,
    added: list[str],
) -> Outcome:
    """Store one row by docs/rules/alliance.md §alliance-import; a conflict goes to ``report``."""
    s, now = work.session, work.now
    enterprise, member = _find(s, line)
    if member is None:
        enterprise = registry.record(s, line.firm, now=now)
        member = AllianceMember(
            id=uuid.uuid4(), enterprise_id=enterprise.id, created_at=now, updated_at=now, note="", active=True
        )
        for key in MEMBER_COLUMNS:
            setattr(member, key, line.own.get(key, "" if key == "liaison_phone" else None))
        s.add(member)
        _add_honours(s, enterprise.id, line.honours, now=now)
        s.flush()
        added.append(enterprise.name)  # named in its batch's audit record (one record a batch, not a row)
        return "imported"
    assert enterprise is not None
    firm = {k: (getattr(enterprise, k), v) for k, v in line.place.items() if getattr(enterprise, k) != v}
    own = {k: (getattr(member, k), v) for k, v in line.own.items() if getattr(member, k) != v}
    held = set(
        s.execute(
            select(AllianceHonour.level, AllianceHonour.title, AllianceHonour.year).where(
                AllianceHonour.enterprise_id == enterprise.id
            )
        ).tuples()
    )
    new_honours = [(lv, t, y) for lv, t, y in line.honours if (lv.value, t, y) not in held]
    if not firm and not own and not new_honours:
        return "unchanged"  # a rerun of the same file writes nothing, not even a version
    differ = [ENTERPRISE_COLUMNS[k] for k in firm] + [MEMBER_COLUMNS[k] for k in own]
    differ += ["荣誉"] if new_honours else []
    desk = _desk_work(s, member.id)
    if desk is not None:  # the clerk's work is not overwritten: docs/rules/alliance.md §alliance-import
        report.conflict(number, line.key, f"该成员{desk}，表中{'、'.join(differ)}与本窗口不同，未覆盖，请人工核对")
        return "unchanged"
    if firm:
        registry.record(s, line.firm, now=now)
    for key, (_old, value) in own.items():
        setattr(member, key, value)
    member.updated_at = now
    _add_honours(s, enterprise.id, new_honours, now=now)
    s.flush()
    changes = {ENTERPRISE_COLUMNS[k]: pair for k, pair in firm.items()} | {
        MEMBER_COLUMNS[k]: pair for k, pair in own.items()
    }
    fields = {**{ENTERPRISE_COLUMNS[k]: k for k in firm}, **{MEMBER_COLUMNS[k]: k for k in own}}
    before = {label: _shown(fields[label], old, names) for label, (old, _new) in changes.items()}
    after = {label: _shown(fields[label], new, names) for label, (_old, new) in changes.items()}
    if new_honours:
        after["荣誉"] = "；".join(f"{lv.label}{'（' + t + '）' if t else ' '}{y}" for lv, t, y in new_honours)
    work.audit(
        "import",
        ENTITY,
        member.id,
        f"导入更新联盟成员：{enterprise.name}（第 {number} 行）：{'、'.join(differ)}",
        before=before,
        after=after,
    )
    return "updated"


def import_members(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Import the first sheet (docs/rules/alliance.md §alliance-import): every row checked as the
    counter checks a member, the good rows stored in batches, bad rows and conflicts reported
    with their row numbers."""
    actor.require(EDIT)
    sheet = excel_read.read_sheet(Path(path), COLUMNS, required=REQUIRED)
    report = ImportBuilder(FIELD_COLUMNS)
    with db.session() as checking:  # one read-only session for the counter's checks of every row
        units = {
            ("community" if u.kind in ("community", "village") else u.kind, u.name): u.id
            for u in checking.scalars(select(Unit))
        }
        names = {unit_id: name for (_kind, name), unit_id in units.items()}
        good = report.check_rows(
            sheet,
            lambda values: _check(checking, values, units, now=now),
            unique=lambda line: line.key,
            unique_column="统一社会信用代码",
        )
    counts: dict[Outcome, int] = {"imported": 0, "updated": 0, "unchanged": 0}
    added: list[str] = []

    def apply(work: Work, number: int, line: MemberLine) -> Outcome:
        outcome = _apply(work, number, line, names=names, report=report, added=added)
        counts[outcome] += 1
        return outcome

    def finish_batch(work: Work) -> None:
        # One record for the batch, naming the members it added: a record per new member doubled
        # the time a batch holds the write lock (the audit chain's head is read and written each time).
        work.audit(
            "import",
            ENTITY,
            None,
            "导入联盟成员（本批）：新增 {imported} 家，更新 {updated} 家，未变 {unchanged} 家".format(**counts),
            after={"file": Path(path).name} | {str(k): n for k, n in counts.items()} | {"added": list(added)},
        )
        counts.update(dict.fromkeys(counts, 0))
        added.clear()

    commit_in_batches(db, actor, good, apply, now=now, report=report, finish_batch=finish_batch)
    return report.build()


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
                m.no_uscc_reason,
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
