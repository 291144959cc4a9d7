"""The organisation tree: loading the reference data, reading it, and the admin's edits.

Reference data lives in ``resources/data/organisation.json`` (5 streets, 168 communities and
villages, 863 grids, 62 departments). Loading is idempotent: rows are matched by code, so
``init`` can run again after the file changes without duplicating anything; a community the file
no longer has is deactivated, not deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update

from laoshan_desk.config import RESOURCES
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.labels import label_of
from laoshan_desk.domain.org import UnitKind
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit

ORG_FILE = RESOURCES / "data" / "organisation.json"


def load_reference(db: Database, actor: Actor, path: Path = ORG_FILE, *, now: dt.datetime) -> dict[str, int]:
    """Bring the organisation tree in line with the file; returns the counts of what changed.

    Units are matched by code. What the file has and the database lacks is added; a unit it has
    keeps its row (and the records that point at it) and takes the file's code kind and
    former-village flag; a community that moved to another street is moved; a community or village
    the file no longer has is deactivated (with its grids), never deleted, so the appeals and
    users that name it keep their history. One audit record lists what changed.
    """
    actor.require("admin.edit")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    added = {"streets": 0, "communities": 0, "grids": 0, "departments": 0, "moved": 0, "deactivated": 0}
    local_kind = str(data.get("code_kind") or "local")
    changes: dict[str, list[str]] = {"moved": [], "deactivated": []}
    with unit_of_work(db, actor, now) as work:
        s = work.session
        units = {u.code: u for u in s.scalars(select(Unit))}
        grid_codes = set(s.scalars(select(Grid.code)))
        new_grids: list[dict[str, Any]] = []
        in_file: set[str] = set()
        for si, street in enumerate(data["streets"]):
            st = units.get(street["code"])
            if st is None:
                st = Unit(id=uuid.uuid4(), code=street["code"], name=street["name"], kind="street", sort_order=si)
                st.street_id = st.id
                s.add(st)
                units[st.code] = st
                added["streets"] += 1
            st.code_kind = str(street.get("code_kind") or local_kind)
            for ci, comm in enumerate(street["communities"]):
                in_file.add(comm["code"])
                cu = units.get(comm["code"])
                if cu is None:
                    cu = Unit(
                        id=uuid.uuid4(),
                        code=comm["code"],
                        name=comm["name"],
                        kind=comm.get("kind", "community"),
                        parent_id=st.id,
                        street_id=st.id,
                        sort_order=ci,
                    )
                    s.add(cu)
                    units[cu.code] = cu
                    added["communities"] += 1
                elif cu.street_id != st.id:
                    cu.parent_id, cu.street_id = st.id, st.id  # moved to another street
                    changes["moved"].append(f"{cu.name}→{st.name}")
                cu.code_kind = str(comm.get("code_kind") or local_kind)
                cu.former_village = bool(comm.get("former_village"))
                for grid in comm.get("grids", []):
                    if grid["code"] not in grid_codes:
                        new_grids.append(
                            {
                                "id": uuid.uuid4(),
                                "code": grid["code"],
                                "name": grid["name"],
                                "community_id": cu.id,
                                "active": True,
                            }
                        )
                        grid_codes.add(grid["code"])
        for unit in units.values():
            if unit.kind in ("community", "village") and unit.code not in in_file and unit.active:
                unit.active = False  # no longer in the tree: kept for its history, offered nowhere
                changes["deactivated"].append(unit.name)
                s.execute(update(Grid).where(Grid.community_id == unit.id).values(active=False))
        for di, dept in enumerate(data["departments"]):
            if dept["code"] in units:
                units[dept["code"]].code_kind = str(dept.get("code_kind") or local_kind)
                continue
            s.add(
                Unit(
                    id=uuid.uuid4(),
                    code=dept["code"],
                    name=dept["name"],
                    short_name=dept.get("short_name"),
                    kind="department",
                    grants_approvals=bool(dept.get("grants_approvals")),
                    keywords=list(dept.get("category_keywords", [])),
                    sort_order=di,
                    code_kind=str(dept.get("code_kind") or local_kind),
                )
            )
            added["departments"] += 1
        s.flush()
        if new_grids:
            s.execute(insert(Grid), new_grids)
        added["grids"] = len(new_grids)
        added["moved"], added["deactivated"] = len(changes["moved"]), len(changes["deactivated"])
        if any(added.values()):
            work.audit(
                "import",
                "organisation",
                None,
                f"载入组织机构基础数据：新增社区 {added['communities']} 个，迁移 {added['moved']} 个，"
                f"停用 {added['deactivated']} 个"[:300],
                after={**added, "moved_units": changes["moved"], "deactivated_units": changes["deactivated"]},
            )
    # The four counts every caller reads; moved and deactivated only when something was.
    return {k: v for k, v in added.items() if v or k in ("streets", "communities", "grids", "departments")}


@dataclasses.dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    code: str
    name: str
    kind: str
    parent_id: uuid.UUID | None
    street_id: uuid.UUID | None
    grants_approvals: bool
    active: bool
    keywords: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return label_of(UnitKind, self.kind)


@dataclasses.dataclass(frozen=True)
class GridRow:
    id: uuid.UUID
    code: str
    name: str
    community_id: uuid.UUID


def _row(u: Unit) -> UnitRow:
    return UnitRow(
        u.id, u.code, u.name, u.kind, u.parent_id, u.street_id, u.grants_approvals, u.active, tuple(u.keywords or ())
    )


def units(
    db: Database, kind: str | None = None, parent_id: uuid.UUID | None = None, include_inactive: bool = False
) -> list[UnitRow]:
    """Reference data is readable by every logged-in user (it is what forms pick from)."""
    with db.session() as session:
        q = select(Unit).order_by(Unit.sort_order, Unit.code)
        if kind == "community":
            q = q.where(Unit.kind.in_(("community", "village")))
        elif kind:
            q = q.where(Unit.kind == kind)
        if parent_id is not None:
            q = q.where(Unit.parent_id == parent_id)
        if not include_inactive:
            q = q.where(Unit.active.is_(True))
        return [_row(u) for u in session.scalars(q)]


def grids(db: Database, community_id: uuid.UUID) -> list[GridRow]:
    with db.session() as session:
        q = select(Grid).where(Grid.community_id == community_id, Grid.active.is_(True)).order_by(Grid.code)
        return [GridRow(g.id, g.code, g.name, g.community_id) for g in session.scalars(q)]


def counts(db: Database) -> dict[str, int]:
    with db.session() as session:

        def count_kind(*kinds: str) -> int:
            return session.scalar(select(func.count()).select_from(Unit).where(Unit.kind.in_(kinds))) or 0

        return {
            "streets": count_kind("street"),
            "communities": count_kind("community", "village"),
            "grids": session.scalar(select(func.count()).select_from(Grid)) or 0,
            "departments": count_kind("department"),
            "approval_departments": session.scalar(
                select(func.count()).select_from(Unit).where(Unit.grants_approvals.is_(True))
            )
            or 0,
        }


def find_unit(db: Database, name_or_code: str, kind: str | None = None) -> UnitRow | None:
    with db.session() as session:
        q = select(Unit).where(
            (Unit.name == name_or_code) | (Unit.code == name_or_code) | (Unit.short_name == name_or_code)
        )
        if kind == "community":
            q = q.where(Unit.kind.in_(("community", "village")))
        elif kind:
            q = q.where(Unit.kind == kind)
        unit = session.scalars(q).first()
        return _row(unit) if unit else None


@dataclasses.dataclass(frozen=True)
class RenameForm:
    """重命名: a street, community (village) or department and its new name."""

    unit_id: uuid.UUID
    name: str


@dataclasses.dataclass(frozen=True)
class NewUnitForm:
    """新增: a unit of ``kind`` (a community or village under the street ``parent_id``)."""

    kind: str
    name: str
    code: str
    parent_id: uuid.UUID | None = None


@dataclasses.dataclass(frozen=True)
class ActiveForm:
    """停用 / 启用 a unit: it leaves (or comes back to) the lists forms pick from."""

    unit_id: uuid.UUID
    active: bool


def rename_unit(db: Database, actor: Actor, form: RenameForm, *, now: dt.datetime) -> None:
    actor.require("admin.edit")
    unit_id, name = form.unit_id, form.name.strip()
    if not name:
        raise ValidationError("名称不能为空", field="name")
    if len(name) > 100:
        raise ValidationError("名称不能超过 100 个字符", field="name")
    with unit_of_work(db, actor, now) as work:
        unit = work.session.get(Unit, unit_id)
        if unit is None:
            raise NotFound("单位不存在")
        before = unit.name
        unit.name = name
        work.audit(
            "update", "unit", unit.id, f"单位更名：{before} → {name}", before={"name": before}, after={"name": name}
        )


def add_unit(db: Database, actor: Actor, form: NewUnitForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require("admin.edit")
    kind, parent_id = form.kind, form.parent_id
    name, code = form.name.strip(), form.code.strip()
    if not name:
        raise ValidationError("名称不能为空", field="name")
    if not code:
        raise ValidationError("编码不能为空", field="code")
    if kind in ("community", "village") and parent_id is None:
        raise ValidationError("社区（村）必须属于一个街道", field="parent")
    with unit_of_work(db, actor, now) as work:
        if work.session.scalar(select(Unit.id).where(Unit.code == code)):
            raise ValidationError(f"编码“{code}”已被使用", field="code")
        unit = Unit(id=uuid.uuid4(), kind=kind, name=name, code=code, parent_id=parent_id)
        unit.street_id = unit.id if kind == "street" else parent_id
        work.session.add(unit)
        work.audit(
            "create",
            "unit",
            unit.id,
            f"新增{label_of(UnitKind, kind)}：{name}",
            after={"name": name, "code": code, "kind": kind},
        )
        return unit.id


def set_unit_active(db: Database, actor: Actor, form: ActiveForm, *, now: dt.datetime) -> None:
    actor.require("admin.edit")
    unit_id, active = form.unit_id, form.active
    with unit_of_work(db, actor, now) as work:
        unit = work.session.get(Unit, unit_id)
        if unit is None:
            raise NotFound("单位不存在")
        unit.active = active
        work.audit(
            "update", "unit", unit.id, f"{'启用' if active else '停用'}单位：{unit.name}", after={"active": active}
        )
