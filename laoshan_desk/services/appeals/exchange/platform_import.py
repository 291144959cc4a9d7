"""Excel import of appeals from the city platform (青诉即办).

The first sheet, read by the desk's one reader (``documents/excel_read.py`` ``read_sheet``: size
and row limits, broken files refused in Chinese, control characters stripped): headers in the
first row (or one of the first few) in any order, extra columns ignored. Each bad row is reported
with its sheet row number as Excel shows it, the column and the reason. The good rows are stored in
batches (``services/imports.commit_in_batches``), so the counters keep saving while a long file
comes in; what a row may change of an appeal already here is ``platform_merge``'s rule
(docs/rules/appeals.md §appeals-import). A row's facts go through the counter's own validator
(``services/appeals/validation.py`` ``check_intake``, and ``check_unit_for_level`` for its unit),
so the import never accepts what the counter refuses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.documents.excel_read import read_sheet
from laoshan_desk.domain.appeals import AppealKind, Channel, HandlingLevel, Satisfaction
from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import EDIT
from laoshan_desk.services.appeals.exchange.platform_merge import PlatformRow, apply_row
from laoshan_desk.services.appeals.forms import IntakeForm
from laoshan_desk.services.appeals.validation import FIELD_COLUMNS, check_intake, check_unit_for_level
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportBuilder, ImportReport, Outcome, commit_in_batches
from laoshan_desk.services.uow import Work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.queries import appeals as q

REQUIRED = ("诉求编号", "受理时间", "诉求类型", "诉求渠道", "街道", "诉求内容", "承办层级")
OPTIONAL = ("社区", "网格", "诉求人", "联系电话", "企业名称", "统一社会信用代码", "承办单位", "办结时间", "满意度")


class _RowError(ValidationError):
    """A row refused, against the sheet's ``column`` (the report's column is the field)."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason, field=column)
        self.column, self.reason = column, reason


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _moment(value: Any, column: str, required: bool) -> dt.datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _RowError(column, f"{column}不能为空")
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=TZ)
    text = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=TZ)
        except ValueError:
            continue
    raise _RowError(column, f"{column}格式应为 YYYY-MM-DD HH:MM：{text}")


L = TypeVar("L", bound=Labelled)


def _choice(enum_cls: type[L], value: Any, column: str) -> L:
    text = _cell_text(value)
    if not text:
        raise _RowError(column, f"{column}不能为空")
    for member in enum_cls:
        if text in (member.label, member.value):
            return member
    if enum_cls is HandlingLevel and text in ("村", "社区（村）", "社区(村)"):
        return enum_cls(HandlingLevel.COMMUNITY.value)
    raise _RowError(column, f"{column}“{text}”无效，应为：" + "、".join(m.label for m in enum_cls))


def import_appeals(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> ImportReport:
    """Import the first sheet (module docstring): good rows stored in batches, bad rows and
    conflicts reported, each with its row number."""
    actor.require(EDIT)
    if actor.scope == "unit":
        # A department's handler works the appeals dispatched to its unit; the platform's file
        # holds the whole district's (or a street's), which is the hall's and the streets' to bring in.
        raise PermissionDenied("部门承办人不能导入诉求：青诉即办的导出由受理窗口或街道导入")
    sheet = read_sheet(Path(path), REQUIRED + OPTIONAL, required=REQUIRED)
    report = ImportBuilder()
    refs = _References.load(db)

    def check(session: Session, values: dict[str, Any]) -> PlatformRow:
        row = _check(session, values, refs, now)
        if actor.scope == "street" and row.street_id != actor.street_id:
            raise _RowError("街道", "只能导入本街道的诉求")
        return row

    with db.session() as checking:  # one read-only session for the counter's checks of every row
        good = report.check_rows(
            sheet,
            lambda values: check(checking, values),
            refuses=_RowError,
            unique=lambda row: f"诉求编号 {row.number}",
            unique_column="诉求编号",
        )

    calendar = work_calendar(db)
    batch: dict[str, Any] = {}
    stored: dict[Outcome, int] = {"imported": 0, "updated": 0, "unchanged": 0}

    def apply(work: Work, number_row: int, row: PlatformRow) -> Outcome:
        if batch.get("work") is not work:  # each batch's connection needs the search tables' functions
            batch["work"] = work
            batch["counts"] = {"imported": 0, "updated": 0, "unchanged": 0}
            q.ensure_fts(work.session.connection())
        outcome = apply_row(work, number_row, row, calendar=calendar, names=refs.names, report=report)
        batch["counts"][outcome] += 1
        return outcome

    def finish_batch(work: Work) -> None:
        if batch.get("work") is not work:
            return
        counts = batch["counts"]
        for key, n in counts.items():
            stored[key] += n
        work.audit(
            "import",
            "appeal",
            None,
            "导入诉求（本批）：新增 {imported} 件，更新 {updated} 件，未变 {unchanged} 件".format(**counts),
            after=dict(counts),
        )

    commit_in_batches(db, actor, good, apply, now=now, report=report, finish_batch=finish_batch)
    return report.build()


@dataclasses.dataclass(frozen=True)
class _References:
    """The organisation tree an import checks its rows against, read once."""

    streets: dict[str, Unit]
    communities: dict[tuple[uuid.UUID, str], Unit]
    by_name: dict[str, Unit]
    grids: dict[tuple[uuid.UUID, str], uuid.UUID]
    names: dict[uuid.UUID, str]

    @classmethod
    def load(cls, db: Database) -> _References:
        with db.session() as s:
            units = s.scalars(select(Unit).where(Unit.active.is_(True))).all()
            grid_rows = s.execute(select(Grid.community_id, Grid.name, Grid.id)).all()
            s.expunge_all()
        by_name: dict[str, Unit] = {}
        for u in units:
            for key in (u.name, u.short_name, u.code):
                if key:
                    by_name.setdefault(key, u)
        names = {u.id: u.name for u in units} | {gid: name for _c, name, gid in grid_rows}
        return cls(
            streets={u.name: u for u in units if u.kind == "street"},
            communities={(u.parent_id, u.name): u for u in units if u.kind in ("community", "village") and u.parent_id},
            by_name=by_name,
            grids={(c, name): gid for c, name, gid in grid_rows},
            names=names,
        )


def _check(session: Session, row: dict[str, Any], refs: _References, now: dt.datetime) -> PlatformRow:
    """One row checked as the counter checks an intake; the first fault raises ``_RowError``."""
    number = _cell_text(row.get("诉求编号"))
    if not number:
        raise _RowError("诉求编号", "诉求编号不能为空")
    if len(number) > 40:
        raise _RowError("诉求编号", "诉求编号不能超过 40 个字符")
    received = _moment(row.get("受理时间"), "受理时间", True)
    assert received is not None
    if received > now:
        raise _RowError("受理时间", "受理时间不能晚于当前时间")
    kind = _choice(AppealKind, row.get("诉求类型"), "诉求类型")
    channel = _choice(Channel, row.get("诉求渠道"), "诉求渠道")
    street_name = _cell_text(row.get("街道"))
    street = refs.streets.get(street_name)
    if street is None:
        raise _RowError("街道", f"街道“{street_name}”不存在，应为：" + "、".join(refs.streets))
    comm_id = grid_id = None
    comm_name = _cell_text(row.get("社区"))
    if comm_name:
        comm = refs.communities.get((street.id, comm_name))
        if comm is None:
            raise _RowError("社区", f"社区“{comm_name}”不在{street.name}")
        comm_id = comm.id
    grid_name = _cell_text(row.get("网格"))
    if grid_name:
        if comm_id is None:
            raise _RowError("网格", "填写网格时须同时填写社区")
        grid_id = refs.grids.get((comm_id, grid_name))
        if grid_id is None:
            raise _RowError("网格", f"网格“{grid_name}”不在{comm_name}")
    level = _choice(HandlingLevel, row.get("承办层级"), "承办层级")
    unit_id = None
    unit_name = _cell_text(row.get("承办单位"))
    if unit_name:
        unit = refs.by_name.get(unit_name)
        if unit is None:
            raise _RowError("承办单位", f"承办单位“{unit_name}”不在组织机构中")
        unit_id = unit.id
    form = IntakeForm(
        kind=kind.value,
        channel=channel.value,
        content=_cell_text(row.get("诉求内容")),
        street_id=street.id,
        community_id=comm_id,
        grid_id=grid_id,
        appellant=_cell_text(row.get("诉求人")),
        phone=_cell_text(row.get("联系电话")),
        enterprise=_cell_text(row.get("企业名称")),
        uscc=_cell_text(row.get("统一社会信用代码")),
        received_at=received,
    )
    try:
        checked = check_intake(session, form, now=now)  # what the counter checks, the same words
        if unit_id is not None:
            check_unit_for_level(session, unit_id, level)
    except ValidationError as exc:
        raise _RowError(FIELD_COLUMNS.get(exc.field or "", exc.field or ""), exc.message) from None
    finished = _moment(row.get("办结时间"), "办结时间", False)
    if finished is not None and finished < received:
        raise _RowError("办结时间", "办结时间早于受理时间")
    if finished is not None and finished > now:
        raise _RowError("办结时间", "办结时间不能晚于当前时间")
    sat_text = _cell_text(row.get("满意度"))
    satisfaction = None
    if sat_text:
        satisfaction = _choice(Satisfaction, sat_text, "满意度")
        if finished is None:
            raise _RowError("满意度", "未办结的诉求不能有满意度")
    return PlatformRow(
        number=number,
        received_at=received,
        kind=kind.value,
        channel=channel.value,
        street_id=street.id,
        community_id=comm_id,
        grid_id=grid_id,
        appellant=checked.appellant,
        phone=checked.phone,
        enterprise=checked.enterprise,
        uscc=checked.uscc,
        fast_lane=checked.fast_lane,
        content=checked.content,
        level=level.value,
        unit_id=unit_id,
        finished_at=finished,
        satisfaction=satisfaction.value if satisfaction else None,
    )
