"""The enterprise table (一企一档): recording an enterprise once, by USCC, and finding it again.

Foundation for every area: an area that meets an enterprise calls :func:`record` inside its own
unit of work, which finds the row by USCC (or, for an enterprise without one, by name) and keeps
its name, initials and place current; :func:`search` finds enterprises by USCC, name or pinyin
initials for any role that may see at least one area (docs/rules/alliance.md §alliance-enterprises).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from pypinyin import Style, lazy_pinyin
from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.identifiers import normalize_uscc
from laoshan_desk.domain.roles import ALLIANCE, APPEALS, APPROVALS, PRESERVATION
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.enterprises import Enterprise
from laoshan_desk.store.queries import enterprises as q

AREAS = (APPROVALS, APPEALS, PRESERVATION, ALLIANCE)
NAME_MAX = 200


@dataclasses.dataclass(frozen=True)
class EnterpriseForm:
    """An enterprise as a clerk (or an import row) gives it."""

    name: str
    uscc: str = ""
    no_uscc_reason: str = ""
    street_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    address: str = ""


@dataclasses.dataclass(frozen=True)
class EnterpriseRef:
    id: uuid.UUID
    uscc: str | None
    name: str
    initials: str
    street: str
    community: str
    address: str
    no_uscc_reason: str | None
    version: int


def require_any_area(actor: Actor) -> None:
    """The enterprise file is for every role that may see at least one working area."""
    if not any(actor.may(f"{area}.view") for area in AREAS):
        raise PermissionDenied(f"当前角色“{actor.role.label}”无权查看企业档案")


def initials_of(name: str) -> str:
    """'青岛示例茶业有限公司' → 'qdslcyyxgs': first letters of the pinyin, letters and digits kept."""
    # Characters without pinyin (letters, digits) are kept as they are, one by one.
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda chars: " ".join(chars))
    out = "".join(part[:1] for chunk in letters for part in chunk.split() if part).lower()
    return "".join(ch for ch in out if ch.isascii() and ch.isalnum())[:60]


def validate(session: Session, form: EnterpriseForm) -> dict[str, object]:
    """The checked values of ``form`` (one validator for the counter and the import)."""
    name = " ".join(form.name.split())
    if not name:
        raise ValidationError("请填写企业名称", field="name")
    if len(name) > NAME_MAX:
        raise ValidationError(f"企业名称不能超过 {NAME_MAX} 个字", field="name")
    reason = form.no_uscc_reason.strip()
    uscc: str | None = None
    if form.uscc.strip():
        uscc = normalize_uscc(form.uscc, field="uscc")
        reason = ""
    elif not reason:
        raise ValidationError("请填写统一社会信用代码；没有代码的企业请写明原因", field="uscc")
    elif len(reason) > 200:
        raise ValidationError("无代码原因不能超过 200 个字", field="no_uscc_reason")
    street_id, community_id = form.street_id, form.community_id
    if street_id is not None:
        street = session.get(Unit, street_id)
        if street is None or street.kind != "street":
            raise ValidationError("请选择街道", field="street")
    if community_id is not None:
        community = session.get(Unit, community_id)
        if community is None or community.kind not in ("community", "village"):
            raise ValidationError("请选择社区（村）", field="community")
        if street_id is not None and community.street_id != street_id:
            raise ValidationError("该社区（村）不在所选街道", field="community")
        street_id = community.street_id
    address = form.address.strip()
    if len(address) > 300:
        raise ValidationError("地址不能超过 300 个字", field="address")
    return {
        "name": name,
        "uscc": uscc,
        "no_uscc_reason": reason or None,
        "street_id": street_id,
        "community_id": community_id,
        "address": address,
        "initials": initials_of(name),
    }


def record(session: Session, form: EnterpriseForm, *, now: dt.datetime) -> Enterprise:
    """Find the enterprise by USCC (or by name when it has none) and bring it up to date, or add it.

    Runs inside the caller's unit of work; the caller audits the action it is part of.
    """
    values = validate(session, form)
    if values["uscc"] is not None:
        row = session.scalars(select(Enterprise).where(Enterprise.uscc == values["uscc"])).first()
    else:
        row = session.scalars(
            select(Enterprise).where(Enterprise.uscc.is_(None), Enterprise.name == values["name"])
        ).first()
    if row is None:
        row = Enterprise(id=uuid.uuid4(), created_at=now, updated_at=now, **values)
        session.add(row)
        session.flush()
        return row
    changed = False
    for key, value in values.items():
        if value in (None, "") and key in ("street_id", "community_id", "address"):
            continue  # an import that leaves the place empty keeps the one on file
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    if changed:
        row.updated_at = now
    return row


def _ref(session: Session, e: Enterprise, names: dict[uuid.UUID, str] | None = None) -> EnterpriseRef:
    def name_of(unit_id: uuid.UUID | None) -> str:
        if unit_id is None:
            return ""
        if names is not None:
            return names.get(unit_id, "")
        unit = session.get(Unit, unit_id)
        return unit.name if unit is not None else ""

    return EnterpriseRef(
        e.id,
        e.uscc,
        e.name,
        e.initials,
        name_of(e.street_id),
        name_of(e.community_id),
        e.address,
        e.no_uscc_reason,
        e.version,
    )


def search(db: Database, actor: Actor, text: str, *, limit: int = 50) -> list[EnterpriseRef]:
    """Enterprises whose USCC or initials start with ``text`` or whose name contains it."""
    require_any_area(actor)
    if not text.strip():
        return []
    if len(text) > 100:
        raise ValidationError("查询内容不能超过 100 个字", field="search")
    with db.session() as session:
        rows = session.scalars(
            select(Enterprise)
            .where(q.search_condition(text))
            .order_by(*q.search_order(text))
            .limit(max(1, min(limit, 500)))
        ).all()
        unit_ids = {u for e in rows for u in (e.street_id, e.community_id) if u is not None}
        names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).tuples().all())
        return [_ref(session, e, names) for e in rows]


def find(db: Database, actor: Actor, uscc: str) -> EnterpriseRef:
    """The enterprise with this USCC; NotFound when the desk has none."""
    require_any_area(actor)
    code = normalize_uscc(uscc, field="uscc")
    with db.session() as session:
        row = session.scalars(select(Enterprise).where(Enterprise.uscc == code)).first()
        if row is None:
            raise NotFound(f"未找到统一社会信用代码为 {code} 的企业", field="uscc")
        return _ref(session, row)


def get(db: Database, actor: Actor, enterprise_id: uuid.UUID) -> EnterpriseRef:
    require_any_area(actor)
    with db.session() as session:
        row = session.get(Enterprise, enterprise_id)
        if row is None:
            raise NotFound("企业不存在", field="enterprise")
        return _ref(session, row)
